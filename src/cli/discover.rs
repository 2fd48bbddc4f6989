//! Which `copydesk.toml` governs a checked file: the nearest one in its folder or a parent.
//! Lookups are cached per folder, and each file is read and parsed once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Config, Style};
use crate::text::{Document, Encoding};

pub use crate::config::CONFIG_FILE;

/// Read and parse a configuration file, with the names file it names (relative to the
/// configuration's folder); the error names the file, line and column.
pub fn load_config(path: &Path) -> Result<Config, String> {
    let (config, sheet_errors) = load_config_and_sheets(path)?;
    // Desk rule sheets: every mistake, each at its file, line and column.
    if !sheet_errors.is_empty() {
        let lines: Vec<String> = sheet_errors.iter().map(|e| e.to_string()).collect();
        return Err(lines.join("\n"));
    }
    Ok(config)
}

/// [`load_config`], with the mistakes in its desk rule sheets returned beside the
/// configuration (which holds the rules that are valid) rather than as an error.
pub fn load_config_and_sheets(
    path: &Path,
) -> Result<(Config, Vec<crate::sheets::SheetError>), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut config = parse_config_file(path, &text)?;
    let root = path.parent().unwrap_or(Path::new("."));
    crate::entities::names::resolve(&mut config, root)?;
    let sheets = crate::sheets::resolve(&mut config, &text, path);
    Ok((config, sheets.errors))
}

/// The nearest `copydesk.toml` in `dir` or a parent folder.
pub fn nearest_config(dir: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    abs.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|c| c.is_file())
}

fn parse_config_file(path: &Path, text: &str) -> Result<Config, String> {
    Config::from_toml(text).map_err(|e| match e.span {
        Some(span) => {
            let doc = Document::new(text, 0);
            let p = doc.position(span.start.min(text.len()), Encoding::Utf32);
            format!(
                "{}:{}:{}: invalid configuration: {}",
                path.display(),
                p.line + 1,
                p.column + 1,
                e.message
            )
        }
        None => format!("{}: invalid configuration: {}", path.display(), e.message),
    })
}

/// Where a file's configuration comes from.
pub enum Source {
    /// `--config FILE`: one configuration for every file.
    Fixed(Arc<Config>),
    /// The nearest `copydesk.toml` above each file.
    Discover,
}

pub struct Resolver {
    source: Source,
    /// `--style`, which beats any file.
    style: Option<Style>,
    /// Folder -> the configuration file that governs it.
    folders: HashMap<PathBuf, Option<PathBuf>>,
    /// Configuration file -> parsed (or the error, reported once).
    loaded: HashMap<PathBuf, Result<Arc<Config>, String>>,
    default: Arc<Config>,
}

/// What [`Resolver::config_for`] found.
pub enum Found {
    Config(Arc<Config>),
    /// The governing file is invalid: its path and the error.
    Invalid(PathBuf, String),
}

impl Resolver {
    pub fn new(source: Source, style: Option<Style>) -> Resolver {
        let mut default = match &source {
            Source::Fixed(c) => (**c).clone(),
            Source::Discover => Config::default(),
        };
        if style.is_some() {
            default.style = style;
        }
        Resolver {
            source,
            style,
            folders: HashMap::new(),
            loaded: HashMap::new(),
            default: Arc::new(default),
        }
    }

    /// The configuration for a file at `path` (which need not exist: `--stdin-filename`).
    pub fn config_for(&mut self, path: &Path) -> Found {
        if matches!(self.source, Source::Fixed(_)) {
            return Found::Config(self.default.clone());
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = if abs.is_dir() {
            Some(abs.as_path())
        } else {
            abs.parent()
        };
        let Some(file) = dir.and_then(|d| self.governing(d)) else {
            return Found::Config(self.default.clone());
        };
        let style = self.style;
        let entry = self.loaded.entry(file.clone()).or_insert_with(|| {
            load_config(&file).map(|mut c| {
                if style.is_some() {
                    c.style = style;
                }
                Arc::new(c)
            })
        });
        match entry {
            Ok(c) => Found::Config(c.clone()),
            Err(e) => Found::Invalid(file, e.clone()),
        }
    }

    /// The nearest configuration file in `dir` or above, memoized for every folder walked.
    fn governing(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut walked = Vec::new();
        let mut cur = Some(dir);
        let found = loop {
            let Some(d) = cur else { break None };
            if let Some(hit) = self.folders.get(d) {
                break hit.clone();
            }
            walked.push(d.to_path_buf());
            let candidate = d.join(CONFIG_FILE);
            if candidate.is_file() {
                break Some(candidate);
            }
            cur = d.parent();
        };
        for d in walked {
            self.folders.insert(d, found.clone());
        }
        found
    }

    /// How many folders have been looked at (for tests of the cache).
    pub fn folders_seen(&self) -> usize {
        self.folders.len()
    }
}
