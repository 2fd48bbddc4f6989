//! Loading the stories the seeded tests mutate: the repository's own folders always and,
//! with `COPYDESK_CORPORA` set, the real corpora under it (read in place and mutated in
//! memory, never stored). `#[path = "support/corpus.rs"] mod corpus;` in a test.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The real corpora the seeded tests read, in this order.
pub const CORPORA: [&str; 2] = ["reuters-1987", "agnews-2004"];

/// The folder `COPYDESK_CORPORA` names, if set.
pub fn corpora_root() -> Option<PathBuf> {
    std::env::var_os("COPYDESK_CORPORA").map(PathBuf::from)
}

/// `COPYDESK_SEED_LIMIT`: how many stories to take from each corpus (default 400).
pub fn seed_limit() -> usize {
    std::env::var("COPYDESK_SEED_LIMIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400)
}

/// The files of `dir` whose extension is one of `exts`, but not `README.md`, sorted;
/// nothing when `dir` cannot be read.
pub fn story_paths(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| exts.contains(&e))
                && p.file_name().is_some_and(|n| n != "README.md")
        })
        .collect();
    files.sort();
    files
}

/// The `.txt` and `.md` stories of `dir` as (path, text), at most about `limit` of them
/// evenly spread (every ⌈n/limit⌉-th; `0`: all).
pub fn read_stories(dir: &Path, limit: usize) -> Vec<(String, String)> {
    let files = story_paths(dir, &["txt", "md"]);
    let step = if limit == 0 || files.len() <= limit {
        1
    } else {
        files.len().div_ceil(limit)
    };
    files
        .into_iter()
        .step_by(step)
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

/// The stories of the repository folders `dirs` (all of them), then, with
/// `COPYDESK_CORPORA` set, up to [`seed_limit`] stories of each of [`CORPORA`].
pub fn stories(dirs: &[&str]) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for d in dirs {
        out.extend(read_stories(&root.join(d), 0));
    }
    if let Some(corpora) = corpora_root() {
        let limit = seed_limit();
        for name in CORPORA {
            out.extend(read_stories(&corpora.join(name), limit));
        }
    }
    out
}
