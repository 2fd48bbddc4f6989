//! The stories of a folder: every `.txt`, `.md` and `.markdown` file below it, walked
//! as git would (the `ignore` crate: `.gitignore`, `.ignore`, hidden files and folders
//! left out, whether or not the folder is a git repository), less the `[workspace]
//! exclude` globs of `copydesk.toml`. Symbolic links are followed; a loop, an unreadable
//! folder or one removed while walking is skipped with its reason.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file or folder left out of the index, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// A story file by its name.
pub fn is_story_path(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// The story files below `roots` (a file named directly is taken as it is), sorted and
/// each once, and what the walk could not enter. `exclude`: gitignore-style globs,
/// relative to each root (`archive/`, `**/drafts/*.md`).
pub fn stories_in(roots: &[PathBuf], exclude: &[String]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for root in roots {
        if root.is_file() {
            found.push(root.clone());
            continue;
        }
        let mut overrides = ignore::overrides::OverrideBuilder::new(root);
        for glob in exclude {
            if let Err(e) = overrides.add(&format!("!{glob}")) {
                skipped.push(Skipped {
                    path: root.clone(),
                    reason: format!("[workspace] exclude {glob:?} is not a glob: {e}"),
                });
            }
        }
        let mut walk = ignore::WalkBuilder::new(root);
        walk.follow_links(true)
            .require_git(false)
            .git_global(false)
            .sort_by_file_name(|a, b| a.cmp(b));
        match overrides.build() {
            Ok(o) => {
                walk.overrides(o);
            }
            Err(e) => skipped.push(Skipped {
                path: root.clone(),
                reason: format!("[workspace] exclude: {e}"),
            }),
        }
        for entry in walk.build() {
            match entry {
                Ok(e) => {
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    if is_file && is_story_path(e.path()) {
                        found.push(e.into_path());
                    }
                }
                Err(e) => {
                    let s = skipped_of(root, &e);
                    tracing::warn!("not indexed: {s}");
                    skipped.push(s);
                }
            }
        }
    }
    found.sort();
    found.dedup();
    (found, skipped)
}

fn skipped_of(root: &Path, e: &ignore::Error) -> Skipped {
    fn path_of(e: &ignore::Error) -> Option<PathBuf> {
        match e {
            ignore::Error::WithPath { path, .. } => Some(path.clone()),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            ignore::Error::Loop { child, .. } => Some(child.clone()),
            ignore::Error::Partial(errs) => errs.first().and_then(path_of),
            _ => None,
        }
    }
    fn reason_of(e: &ignore::Error) -> String {
        match e {
            ignore::Error::WithPath { err, .. }
            | ignore::Error::WithDepth { err, .. }
            | ignore::Error::WithLineNumber { err, .. } => reason_of(err),
            ignore::Error::Loop { ancestor, .. } => {
                format!("symbolic link loop back to {}", ancestor.display())
            }
            other => other.to_string(),
        }
    }
    Skipped {
        path: path_of(e).unwrap_or_else(|| root.to_path_buf()),
        reason: reason_of(e),
    }
}
