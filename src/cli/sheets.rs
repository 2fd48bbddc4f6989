//! `copydesk rules test`: every desk rule's examples, and every mistake in its sheets.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::discover::CONFIG_FILE;
use super::{exit, FileError};
use crate::config::ConfigErrorKind;

/// The nearest `copydesk.toml` in `dir` or a parent folder.
fn nearest_config(dir: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    abs.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|c| c.is_file())
}

/// A path as the user would type it: relative to the current folder when below it.
fn shown(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// Run `copydesk rules test`: `config` or the nearest `copydesk.toml` above the current
/// folder. Prints each failure as `file:line:col: rule CODE: example "…" did not match`
/// (and each invalid rule as `file:line:col: message`) on `out`, a summary on `err`.
/// Exit 0 when every example passes, 1 on any failure or invalid rule, 2 when there is no
/// configuration or it cannot be read.
pub fn run_test(
    config: Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let path = match config.or_else(|| nearest_config(Path::new("."))) {
        Some(p) => p,
        None => {
            writeln!(
                err,
                "error: no {} here or above; give one with --config FILE",
                CONFIG_FILE
            )?;
            return Ok(exit::TROUBLE);
        }
    };
    let (config, errors) = match crate::settings::load(&path) {
        Ok(c) => (c, Vec::new()),
        Err(e) => match e.kind {
            ConfigErrorKind::Sheets(both) => *both,
            _ => {
                writeln!(err, "error: {}", FileError::from_config(&e))?;
                return Ok(exit::TROUBLE);
            }
        },
    };
    for e in &errors {
        writeln!(
            out,
            "{}:{}:{}: {}",
            shown(&e.path),
            e.line,
            e.column,
            e.message
        )?;
    }
    let failures = crate::sheets::run_examples(&crate::sheets::DeskRules::of(&config));
    for f in &failures {
        writeln!(
            out,
            "{}:{}:{}: {}",
            shown(&f.path),
            f.line,
            f.column,
            f.message()
        )?;
    }
    let desk = crate::sheets::DeskRules::of(&config);
    let rules = desk.rules();
    let examples: usize = rules.iter().map(|r| r.example_count()).sum();
    if errors.is_empty() && failures.is_empty() {
        writeln!(
            err,
            "{} desk rule(s), {examples} example(s): all passed",
            rules.len()
        )?;
        Ok(exit::CLEAN)
    } else {
        writeln!(
            err,
            "{} desk rule(s), {examples} example(s): {} example(s) failed, {} invalid rule(s) or sheet(s)",
            rules.len(),
            failures.len(),
            errors.len()
        )?;
        Ok(exit::FINDINGS)
    }
}
