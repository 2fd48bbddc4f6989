//! `copydesk check`: the engine over files and folders, with human and JSON output.

pub mod audit;
pub mod ci;
pub mod discover;
pub mod entities;
pub mod inputs;
pub mod outline;
pub mod render;
pub mod sheets;

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::analyze;
use crate::article::Format;
use crate::config::{Config, ConfigError, ConfigErrorKind};
use crate::rules::{Finding, Severity};
use crate::text::{Encoding, LineIndex};

/// Exit codes of `copydesk check` (stable: CI scripts rely on them).
pub mod exit {
    /// No error-severity finding.
    pub const CLEAN: i32 = 0;
    /// At least one error-severity finding.
    pub const FINDINGS: i32 = 1;
    /// Bad usage, or a file that could not be read.
    pub const TROUBLE: i32 = 2;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    /// SARIF 2.1.0, for code-scanning views.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// The result of checking one file.
pub struct FileReport {
    pub path: PathBuf,
    /// The text the findings are about: the file's, or with `--fix`/`--diff` the text with
    /// every certain fix applied.
    pub text: String,
    pub findings: Vec<Finding>,
    /// With `--fix`/`--diff`, when fixes changed the text: the file's own text and how many
    /// findings were fixed.
    pub fixed: Option<(String, usize)>,
}

/// `--fix` / `--diff`: apply every certain fix ([`crate::fix::fix_text`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Only report.
    #[default]
    Off,
    /// Write the fixed text back to each file (atomically), report what remains.
    Write,
    /// Print the fixes as a unified diff, write nothing; exit status by what would remain.
    Diff,
}

/// Check `text` (fixing it first unless `mode` is off): its report.
fn report(
    path: PathBuf,
    text: String,
    format: Format,
    config: &Config,
    mode: FixMode,
) -> FileReport {
    if mode == FixMode::Off {
        let findings = analyze(&text, format, config).findings;
        return FileReport {
            path,
            text,
            findings,
            fixed: None,
        };
    }
    let fixed = crate::fix::fix_text(&text, format, config);
    let changed = fixed.changed();
    FileReport {
        path,
        findings: fixed.remaining.findings,
        fixed: changed.then_some((text, fixed.fixed)),
        text: fixed.text,
    }
}

/// A file that could not be checked.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    /// Where in the file (1-based line and column, columns counting characters), when the
    /// mistake is at one place (an invalid configuration file).
    pub position: Option<(u32, u32)>,
    pub message: String,
}

impl FileError {
    pub fn new(path: PathBuf, message: String) -> FileError {
        FileError {
            path,
            position: None,
            message,
        }
    }

    /// A configuration that could not be loaded ([`crate::settings::load`]), as `check`
    /// reports it: at the configuration file, with the line and column of the mistake.
    pub fn from_config(e: &ConfigError) -> FileError {
        let position = match (&e.text, e.span) {
            (Some(text), Some(span)) => {
                let p = LineIndex::new(text).position(text, span.start, Encoding::Utf32);
                Some((p.line + 1, p.column + 1))
            }
            _ => None,
        };
        let message = match e.kind {
            ConfigErrorKind::Invalid => format!("invalid configuration: {}", e.message),
            ConfigErrorKind::Read(_) => format!("cannot read: {}", e.message),
            ConfigErrorKind::NamesFile(_) => e.message.clone(),
            ConfigErrorKind::Sheets(ref both) if both.1.len() > 1 => format!(
                "{} (and {} more mistake(s) in the rule sheets: `copydesk rules test` lists them)",
                e.message,
                both.1.len() - 1
            ),
            ConfigErrorKind::Sheets(..) => e.message.clone(),
        };
        FileError {
            path: e.path.clone().unwrap_or_default(),
            position,
            message,
        }
    }

    /// The message after the position, if any: `3:1: invalid configuration: …`.
    pub fn located_message(&self) -> String {
        match self.position {
            Some((line, column)) => format!("{line}:{column}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// `PATH:LINE:COLUMN: message`, or `PATH: message` without a position.
impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                self.path.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Expand folders into the `.txt` and `.md` files below them, sorted; files named directly
/// are always checked.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && crate::workspace::walk::is_story_path(e.path()) =>
                    {
                        found.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(FileError::new(
                        e.path().map_or_else(|| p.clone(), Path::to_path_buf),
                        walk_error(&e),
                    )),
                }
            }
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn walk_error(e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        format!("symbolic link loop back to {}", ancestor.display())
    } else if let (Some(path), Some(io)) = (e.path(), e.io_error()) {
        match std::fs::read_link(path) {
            Ok(target) if io.kind() == io::ErrorKind::NotFound => {
                format!("broken symbolic link to {}", target.display())
            }
            _ => io.to_string(),
        }
    } else if let Some(io) = e.io_error() {
        io.to_string()
    } else {
        e.to_string()
    }
}

/// Read one article: a regular file in UTF-8 (folders, pipes, broken links and other
/// encodings are errors with a message for the reader).
pub fn read_article(path: &Path) -> Result<String, FileError> {
    read_article_dated(path).map(|(text, _)| text)
}

/// [`read_article`], with the file's modification time from the same look at it (one
/// `stat` per file: `check` reads thousands).
pub fn read_article_dated(
    path: &Path,
) -> Result<(String, Option<std::time::SystemTime>), FileError> {
    let fail = |message: String| FileError::new(path.to_path_buf(), message);
    // Look before reading: opening a FIFO would block forever, and a broken symbolic link
    // deserves a better message than "No such file or directory".
    let meta = std::fs::metadata(path).map_err(|e| {
        fail(match std::fs::read_link(path) {
            Ok(target) if e.kind() == io::ErrorKind::NotFound => {
                format!("broken symbolic link to {}", target.display())
            }
            _ => e.to_string(),
        })
    })?;
    if meta.is_dir() {
        return Err(fail(
            "is a folder; name it on its own to check the articles in it".into(),
        ));
    }
    if !meta.is_file() {
        return Err(fail(
            "not a regular file (a pipe, socket or device); copydesk checks files and folders"
                .into(),
        ));
    }
    let modified = meta.modified().ok();
    crate::workspace::read_utf8(path, &meta)
        .map(|text| (text, modified))
        .map_err(fail)
}

/// Read and check one file.
pub fn check_file(path: &Path, config: &Config) -> Result<FileReport, FileError> {
    check_file_with(path, config, FixMode::Off)
}

/// Read and check one file, fixing it first (in memory) unless `mode` is off.
pub fn check_file_with(
    path: &Path,
    config: &Config,
    mode: FixMode,
) -> Result<FileReport, FileError> {
    check_file_indexed(path, config, false, mode).map(|(r, _)| r)
}

/// [`check_file`], and (when `index`) the story as the workspace index keeps it, from
/// the same analysis.
/// With `--fix`/`--diff` (`mode`), the story is the fixed text and its analysis.
fn check_file_indexed(
    path: &Path,
    config: &Config,
    index: bool,
    mode: FixMode,
) -> Result<(FileReport, Option<Indexed>), FileError> {
    let (original, modified) = read_article_dated(path)?;
    let format = Format::from_path(&path.to_string_lossy());
    let (analysis, text, fixed) = if mode == FixMode::Off {
        (analyze(&original, format, config), original, None)
    } else {
        let f = crate::fix::fix_text(&original, format, config);
        let changed = f.changed().then_some(f.fixed);
        (f.remaining, f.text, changed.map(|n| (original, n)))
    };
    let story =
        index.then(|| crate::workspace::Story::from_analysis(path, &text, &analysis, modified));
    Ok((
        FileReport {
            path: path.to_path_buf(),
            text,
            findings: analysis.findings,
            fixed,
        },
        story,
    ))
}

/// A checked file's story for the workspace index. Only the story is kept, not the
/// analysis's entities: the drift is read from the index
/// ([`crate::workspace::spelling_drift_indexed`]).
type Indexed = crate::workspace::Story;

/// `names/spelling-drift` over the folders `check` was given: every story checked below
/// them that the workspace walk takes (`.gitignore`, `[workspace] exclude`) goes into one
/// index, and each is compared with the others.
///
/// Stories go into the index as their files are checked, in the order of the files (so
/// that the index, and with it every finding, is the same from run to run), and only what
/// the index keeps of a story is held until the folder is done.
struct FolderDrift<'a> {
    folders: &'a [PathBuf],
    /// The stories the walk takes; read at the first file checked (its configuration's
    /// `[workspace] exclude` applies).
    walked: Option<std::collections::HashSet<PathBuf>>,
    index: crate::workspace::Index,
}

impl<'a> FolderDrift<'a> {
    fn new(folders: &'a [PathBuf]) -> Self {
        FolderDrift {
            folders,
            walked: None,
            index: Default::default(),
        }
    }

    fn wanted(&self) -> bool {
        !self.folders.is_empty()
    }

    /// Index the story of a file just checked (with `config`), if the walk takes it.
    fn add(&mut self, path: &Path, config: &Config, story: Option<crate::workspace::Story>) {
        let Some(story) = story else { return };
        let folders = self.folders;
        let walked = self.walked.get_or_insert_with(|| {
            let (walked, _) = crate::workspace::stories_in(folders, &config.workspace.exclude);
            walked.into_iter().collect()
        });
        if walked.contains(path) {
            self.index.insert(story);
        }
    }

    /// Add the drift findings to every file checked with a story (`indexed`).
    fn finish(self, checked: &mut [(FileReport, Arc<Config>, bool)]) {
        let index = self.index;
        if index.len() < 2 {
            return;
        }
        checked.par_iter_mut().for_each(|(rep, config, indexed)| {
            if !*indexed {
                return;
            }
            let found =
                crate::workspace::spelling_drift_indexed(&index, &rep.path, &rep.text, config);
            if !found.is_empty() {
                rep.findings.extend(found);
                rep.findings.sort_by(|a, b| {
                    (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
                });
            }
        });
    }
}

/// Files are checked in parallel this many at a time, so that the stories waiting for the
/// folder's index are never more than this.
const CHECK_CHUNK: usize = 2048;

#[derive(Serialize)]
struct JsonPosition {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct JsonRange {
    start: JsonPosition,
    end: JsonPosition,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: String,
    range: JsonRange,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    /// What a quick fix would do, as `check` cannot apply it: every edit with its range.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<JsonFix<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    preferred: bool,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    range: JsonRange,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    /// Set when the place is in another file (another story of the folder).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    range: JsonRange,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    message: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: &'static str,
    files_checked: usize,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError>,
}

/// What `copydesk check` was asked to do.
pub struct CheckOptions {
    /// Files or folders; `-` reads the article from standard input.
    pub paths: Vec<PathBuf>,
    pub format: OutputFormat,
    pub style: Option<crate::config::Style>,
    /// `--config FILE`: use it for every file instead of discovering `copydesk.toml`.
    pub config: Option<Config>,
    /// The name standard input stands for: its format and where its configuration is found.
    pub stdin_filename: Option<PathBuf>,
    /// `--fix` or `--diff`.
    pub fix: FixMode,
}

/// Run `copydesk check`: find each file's configuration, check, write the report, and
/// return the exit code ([`exit`]).
pub fn run_check(
    opts: &CheckOptions,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let inputs = inputs::inputs(
        &inputs::InputOptions {
            paths: &opts.paths,
            config: opts.config.as_ref(),
            style: opts.style,
            stdin_filename: opts.stdin_filename.as_deref(),
        },
        Some(stdin),
    );
    let mut errors = Vec::new();
    let mut bad_configs: Vec<PathBuf> = Vec::new();
    for problem in inputs.problems {
        match problem {
            inputs::Problem::File(e) => errors.push(e),
            inputs::Problem::Config { error: e, .. } => {
                let mut error = FileError::from_config(&e);
                if !bad_configs.contains(&error.path) {
                    bad_configs.push(error.path.clone());
                    // Shown relative to the current folder when it is below it, like the
                    // articles.
                    if let Some(shown) = std::env::current_dir()
                        .ok()
                        .and_then(|cwd| error.path.strip_prefix(cwd).ok().map(Path::to_path_buf))
                    {
                        error.path = shown;
                    }
                    errors.push(error);
                }
            }
        }
    }

    // Standard input first, as `-` (or the --stdin-filename).
    let mut reports = Vec::new();
    let stdin_read = inputs.stdin.is_some();
    if let Some(input) = inputs.stdin {
        let format = Format::from_path(&input.name.to_string_lossy());
        let rep = report(input.name, input.text, format, &input.config, opts.fix);
        reports.push((rep, input.config));
    }

    // Files, grouped with their configuration, then checked in parallel.
    let mut drift = FolderDrift::new(&inputs.folders);
    let index = drift.wanted();
    let mut checked = Vec::new();
    // Each chunk's results are filed (into the folder's index, in the order of the files)
    // while the next chunk is checked, so that filing keeps no core waiting.
    type Checked = (
        Result<(FileReport, Option<Indexed>), FileError>,
        Arc<Config>,
    );
    let mut file = |results: Vec<Checked>, drift: &mut FolderDrift<'_>| {
        for (r, c) in results {
            match r {
                Ok((rep, story)) => {
                    let indexed = story.is_some();
                    drift.add(&rep.path, &c, story);
                    checked.push((rep, c, indexed));
                }
                Err(e) => errors.push(e),
            }
        }
    };
    let mut filed = Vec::new();
    for chunk in inputs.files.chunks(CHECK_CHUNK) {
        let (results, ()) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .map(|(f, c)| (check_file_indexed(f, c, index, opts.fix), c.clone()))
                    .collect::<Vec<_>>()
            },
            || file(std::mem::take(&mut filed), &mut drift),
        );
        filed = results;
    }
    file(filed, &mut drift);
    drift.finish(&mut checked);
    reports.extend(checked.into_iter().map(|(rep, c, _)| (rep, c)));
    let any_error = reports
        .iter()
        .any(|(r, _)| r.findings.iter().any(|f| f.severity == Severity::Error));
    // Links in SARIF follow the first configuration (one run has one rule table).
    let link_config = reports
        .first()
        .map(|(_, c)| c.clone())
        .unwrap_or_else(|| Arc::new(opts.config.clone().unwrap_or_default()));
    let reports: Vec<FileReport> = reports.into_iter().map(|(r, _)| r).collect();

    match opts.fix {
        FixMode::Off => {}
        FixMode::Write => {
            let mut files = 0;
            let mut fixed = 0;
            for rep in &reports {
                if stdin_read && std::ptr::eq(rep, &reports[0]) {
                    // Standard input: the fixed text goes to standard output (nothing to
                    // write back to); the findings that remain, to standard error.
                    continue;
                }
                let Some((_, n)) = &rep.fixed else { continue };
                match crate::fix::write_atomic(&rep.path, rep.text.as_bytes()) {
                    Ok(()) => {
                        files += 1;
                        fixed += n;
                    }
                    Err(e) => errors.push(FileError::new(
                        rep.path.clone(),
                        format!("cannot write the fixes: {e}"),
                    )),
                }
            }
            if files > 0 {
                writeln!(
                    err,
                    "fixed {fixed} finding{} in {files} file{}",
                    if fixed == 1 { "" } else { "s" },
                    if files == 1 { "" } else { "s" }
                )?;
            }
        }
        FixMode::Diff => {
            let mut files = 0;
            let mut fixed = 0;
            for rep in &reports {
                let Some((original, n)) = &rep.fixed else {
                    continue;
                };
                files += 1;
                fixed += n;
                let name = rep.path.display().to_string();
                let diff = similar::TextDiff::from_lines(original.as_str(), rep.text.as_str());
                write!(
                    out,
                    "{}",
                    diff.unified_diff()
                        .context_radius(2)
                        .header(&format!("a/{name}"), &format!("b/{name}"))
                        .missing_newline_hint(true)
                )?;
            }
            for e in &errors {
                writeln!(err, "error: {e}")?;
            }
            let remaining = reports.iter().map(|r| r.findings.len()).sum::<usize>();
            writeln!(
                err,
                "would fix {fixed} finding{} in {files} file{}; {remaining} finding{} would remain",
                if fixed == 1 { "" } else { "s" },
                if files == 1 { "" } else { "s" },
                if remaining == 1 { "" } else { "s" },
            )?;
            return Ok(exit_code(&errors, any_error));
        }
    }
    // `--fix` on standard input: the fixed text is the output; findings go to stderr.
    if opts.fix == FixMode::Write && stdin_read {
        out.write_all(reports[0].text.as_bytes())?;
        human(err, &reports)?;
        errors_and_summary(err, &reports, &errors)?;
        return Ok(exit_code(&errors, any_error));
    }

    match opts.format {
        OutputFormat::Human => {
            human(out, &reports)?;
            errors_and_summary(err, &reports, &errors)?;
        }
        OutputFormat::Json => json(out, &reports, &errors)?,
        OutputFormat::Sarif => ci::sarif(out, &reports, &errors, &link_config)?,
        OutputFormat::Github => {
            ci::github(out, &reports, &errors)?;
            summary(err, &reports, &errors)?;
        }
    }
    Ok(exit_code(&errors, any_error))
}

/// `check`'s exit code: trouble when a file or configuration could not be read, findings
/// when one is an error, clean otherwise.
fn exit_code(errors: &[FileError], any_error: bool) -> i32 {
    if !errors.is_empty() {
        exit::TROUBLE
    } else if any_error {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// The findings in the human form.
fn human(to: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let color = false;
    for rep in reports.iter().filter(|r| !r.findings.is_empty()) {
        let lines = LineIndex::new(&rep.text);
        for f in &rep.findings {
            render::human(to, &rep.path, &rep.text, &lines, f, color)?;
        }
    }
    Ok(())
}

/// The files not checked and the summary, after the human form.
fn errors_and_summary(
    err: &mut dyn Write,
    reports: &[FileReport],
    errors: &[FileError],
) -> io::Result<()> {
    for e in errors {
        writeln!(err, "error: {e}")?;
    }
    summary(err, reports, errors)
}

fn summary(err: &mut dyn Write, reports: &[FileReport], errors: &[FileError]) -> io::Result<()> {
    let count = reports.iter().map(|r| r.findings.len()).sum::<usize>();
    writeln!(
        err,
        "checked {} file{}: {} finding{}{}",
        reports.len(),
        if reports.len() == 1 { "" } else { "s" },
        count,
        if count == 1 { "" } else { "s" },
        if errors.is_empty() {
            String::new()
        } else {
            format!(
                ", {} file{} not checked",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            )
        }
    )
}

fn json(out: &mut dyn Write, reports: &[FileReport], errors: &[FileError]) -> io::Result<()> {
    let mut findings = Vec::new();
    for rep in reports.iter().filter(|r| !r.findings.is_empty()) {
        let lines = LineIndex::new(&rep.text);
        let range = |span| {
            let (s, e) = lines.range(&rep.text, span, Encoding::Utf32);
            JsonRange {
                start: JsonPosition {
                    line: s.line + 1,
                    column: s.column + 1,
                },
                end: JsonPosition {
                    line: e.line + 1,
                    column: e.column + 1,
                },
            }
        };
        for f in &rep.findings {
            findings.push(JsonFinding {
                path: rep.path.display().to_string(),
                range: range(f.span),
                severity: f.severity,
                code: f.code,
                message: &f.message,
                fixes: f
                    .fixes
                    .iter()
                    .map(|fix| JsonFix {
                        title: &fix.title,
                        preferred: fix.preferred,
                        edits: fix
                            .edits
                            .iter()
                            .map(|e| JsonEdit {
                                range: range(e.span),
                                replacement: &e.replacement,
                            })
                            .collect(),
                    })
                    .collect(),
                related: f
                    .related
                    .iter()
                    .map(|r| match &r.file {
                        Some(place) => JsonRelated {
                            path: Some(place.path.display().to_string()),
                            range: JsonRange {
                                start: JsonPosition {
                                    line: place.start.line + 1,
                                    column: place.start.chars + 1,
                                },
                                end: JsonPosition {
                                    line: place.end.line + 1,
                                    column: place.end.chars + 1,
                                },
                            },
                            message: &r.message,
                        },
                        None => JsonRelated {
                            path: None,
                            range: range(r.span),
                            message: &r.message,
                        },
                    })
                    .collect(),
            });
        }
    }
    let report = JsonReport {
        version: env!("CARGO_PKG_VERSION"),
        files_checked: reports.len(),
        findings,
        errors: errors
            .iter()
            .map(|e| JsonError {
                path: e.path.display().to_string(),
                message: e.located_message(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
