//! Which `copydesk.toml` governs a checked file: the nearest one in its folder or a parent.
//! Lookups are cached per folder, and each file is read and parsed once, by the loader the
//! language server uses too ([`crate::settings::load`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Config, ConfigError, Style};
use crate::settings;

pub use crate::config::CONFIG_FILE;

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
    loaded: HashMap<PathBuf, Result<Arc<Config>, ConfigError>>,
    default: Arc<Config>,
}

/// What [`Resolver::config_for`] found.
pub enum Found {
    Config(Arc<Config>),
    /// The governing file is invalid (the error names it).
    Invalid(ConfigError),
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
        self.config_in(path, true)
    }

    /// [`Resolver::config_for`] of a path that is not a folder (a file [`super::collect`]
    /// gave): its folder is its parent, without asking the file system.
    pub fn config_for_file(&mut self, path: &Path) -> Found {
        self.config_in(path, false)
    }

    fn config_in(&mut self, path: &Path, may_be_folder: bool) -> Found {
        if matches!(self.source, Source::Fixed(_)) {
            return Found::Config(self.default.clone());
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = if may_be_folder && abs.is_dir() {
            Some(abs.as_path())
        } else {
            abs.parent()
        };
        let Some(file) = dir.and_then(|d| self.governing(d)) else {
            return Found::Config(self.default.clone());
        };
        let style = self.style;
        let entry = self.loaded.entry(file.clone()).or_insert_with(|| {
            settings::load(&file).map(|mut c| {
                if style.is_some() {
                    c.style = style;
                }
                Arc::new(c)
            })
        });
        match entry {
            Ok(c) => Found::Config(c.clone()),
            Err(e) => Found::Invalid(e.clone()),
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
