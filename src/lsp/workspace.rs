//! The workspace index in the server ([`crate::workspace`]): every story of the
//! workspace folders, indexed in the background after `initialized` (with
//! `window/workDoneProgress` when the client takes it), open documents from their buffers
//! (the worker files each analysis, [`with_drift`]), other files from disk, again when
//! `workspace/didChangeWatchedFiles` says they changed ([`Job::Reindex`]).
//!
//! What reads it: `names/spelling-drift` (added to each analysis of an open document, so
//! that its diagnostics and quick fixes go the usual way), workspace symbols, references
//! and definition in other stories, and the hover's "also in N stories". Requests answer
//! from whatever is indexed when they arrive, during the first indexing too.

use crate::text::thousands;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use tower_lsp::lsp_types::notification::Progress;
use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::*;
use tracing::{info, warn};

use super::store::{lock, Snapshot, State};
use super::worker::Job;
use super::{convert, Backend};
use crate::analysis::Analysis;
use crate::config::Config;
use crate::entities::Entity;
use crate::text::Encoding;
use crate::workspace::{self as ws, name_key, Index, IndexedMention, Story, StoryId};

/// The index and what the server knows about indexing it.
#[derive(Default)]
pub(super) struct Shared {
    index: RwLock<Index>,
    /// Open documents analysed since their story was last filed in the index, with the
    /// same people's surnames as the filed one (so no other document's findings depend on
    /// the difference): filed on the next read of the index, or after [`FILING_QUIET`]
    /// without an edit. Converting a story's mentions to positions costs about 8 M
    /// instructions on a 1 MB document, which a keystroke no longer waits for.
    /// Lock order: `pending`, then `index`.
    pending: Mutex<HashMap<PathBuf, Arc<Snapshot>>>,
    /// Counts deferrals, so that only the last of a burst of edits files the stories.
    deferrals: AtomicU64,
    /// The first indexing of the workspace folders is under way (answers are partial).
    pub indexing: AtomicBool,
    /// The workspace folders.
    pub roots: Mutex<Vec<PathBuf>>,
    /// The client takes `window/workDoneProgress`.
    pub progress: AtomicBool,
}

impl Shared {
    /// The index, with every pending open document filed first.
    pub fn read(&self) -> RwLockReadGuard<'_, Index> {
        self.file_pending(None);
        self.read_as_is()
    }

    /// The index as it is, pending documents not filed.
    fn read_as_is(&self) -> RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(|p| p.into_inner())
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Arc<Snapshot>>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// File the stories of the pending open documents (all, or all but `except`'s).
    pub fn file_pending(&self, except: Option<&Path>) {
        let mut pending = self.pending();
        if pending.is_empty() {
            return;
        }
        let paths: Vec<PathBuf> = pending
            .keys()
            .filter(|p| Some(p.as_path()) != except)
            .cloned()
            .collect();
        if paths.is_empty() {
            return;
        }
        let stories: Vec<Story> = paths
            .iter()
            .filter_map(|p| {
                let snap = pending.remove(p)?;
                Some(Story::from_analysis(p, &snap.text, &snap.analysis, None))
            })
            .collect();
        let mut ix = self.write();
        for story in stories {
            ix.insert(story);
        }
    }

    /// Keep `snap` to be filed later as `path`'s story; the deferral's number.
    fn defer(&self, path: PathBuf, snap: Arc<Snapshot>) -> u64 {
        self.pending().insert(path, snap);
        self.deferrals.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// Forget what is pending for `path` (its story is filed from elsewhere).
    fn forget_pending(&self, path: &Path) {
        self.pending().remove(path);
    }

    /// Whether `deferral` is the last one made.
    pub fn last_deferral(&self, deferral: u64) -> bool {
        self.deferrals.load(Ordering::Acquire) == deferral
    }

    fn write(&self) -> RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(|p| p.into_inner())
    }
}

/// The paths of the open documents (their buffers, not the disk, are what is indexed).
fn open_paths(state: &Mutex<State>) -> HashSet<PathBuf> {
    lock(state).paths.keys().cloned().collect()
}

/// People's surnames of an indexed story, sorted: when they change, the other open
/// documents' `names/spelling-drift` may.
fn spellings(story: Option<&Story>) -> Vec<Box<str>> {
    sorted_surnames(
        story
            .into_iter()
            .flat_map(|s| s.entities.iter())
            .filter_map(|e| e.surname.as_deref()),
    )
}

/// `surnames` sorted, each once.
fn sorted_surnames<'a>(surnames: impl Iterator<Item = &'a str>) -> Vec<Box<str>> {
    let mut v: Vec<Box<str>> = surnames.map(Box::from).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Give every open document but `except` a new revision and queue its analysis, so that
/// its `names/spelling-drift` findings follow the index (the paragraph work is reused).
pub(super) fn refresh_open(state: &Mutex<State>, except: Option<&Url>) {
    let mut st = lock(state);
    let uris: Vec<Url> = st
        .docs
        .keys()
        .filter(|u| Some(*u) != except)
        .cloned()
        .collect();
    refresh(&mut st, uris);
}

/// [`refresh_open`] for the open documents of the stories at `paths` only (the
/// [`ws::drift_dependents`] of a change), `except` left out.
pub(super) fn refresh_stories(state: &Mutex<State>, except: Option<&Url>, paths: &[Arc<Path>]) {
    if paths.is_empty() {
        return;
    }
    let mut st = lock(state);
    let uris: Vec<Url> = paths
        .iter()
        .filter_map(|p| st.paths.get(&**p))
        .flatten()
        .filter(|u| Some(*u) != except)
        .cloned()
        .collect();
    refresh(&mut st, uris);
}

fn refresh(st: &mut State, uris: Vec<Url>) {
    st.pull_refresh_wanted |= !uris.is_empty();
    for uri in uris {
        st.next_rev += 1;
        let rev = st.next_rev;
        if let Some(od) = st.docs.get_mut(&uri) {
            od.rev = rev;
        }
        // One queued analysis per document is enough: it reads the document's state when
        // it runs. (Opening a thousand stories would otherwise queue a million.)
        if st.refresh_queued.contains(&uri) {
            continue;
        }
        if let Some(jobs) = &st.workspace_jobs {
            if jobs.send(Job::Analyze(uri.clone())).is_ok() {
                st.refresh_queued.insert(uri);
            }
        }
    }
}

/// The paths of the stories [`ws::drift_dependents`] names.
fn dependents(ix: &Index, before: &[Box<str>], after: &[Box<str>]) -> Vec<Arc<Path>> {
    ws::drift_dependents(ix, before, after)
        .into_iter()
        .filter_map(|id| ix.story(id).map(|s| s.path.clone()))
        .collect()
}

/// How long the worker waits without an edit before filing deferred stories.
pub(super) const FILING_QUIET: std::time::Duration = std::time::Duration::from_millis(300);

/// What [`with_drift`] did with the document's story.
pub(super) enum Filing {
    /// Not a file: nothing to index.
    None,
    /// Filed now. When the people's surnames changed, the stories whose drift findings may
    /// have changed with them (their open documents are to be refreshed); else none.
    Filed { dependents: Vec<Arc<Path>> },
    /// The surnames are those already filed: file it later ([`defer`]).
    Defer(PathBuf),
}

/// People's surnames of an analysis, as [`spellings`] gives them of its story.
fn spellings_of(analysis: &Analysis) -> Vec<Box<str>> {
    sorted_surnames(
        analysis
            .entities
            .iter()
            .filter(|e| e.kind == crate::entities::EntityKind::Person)
            .filter_map(|e| e.surname.as_deref()),
    )
}

/// After the worker analysed the open document `uri`: add its `names/spelling-drift`
/// findings to `analysis` (against the other stories, every pending one filed first), and
/// file its buffer in the index now when its people's surnames changed, else say to
/// file it later.
pub(super) fn with_drift(
    state: &Mutex<State>,
    uri: &Url,
    text: &str,
    analysis: &mut Analysis,
    config: &Config,
) -> Filing {
    let Ok(path) = uri.to_file_path() else {
        return Filing::None;
    };
    let shared = lock(state).workspace.clone();
    shared.file_pending(Some(&path));
    let after = spellings_of(analysis);
    let filed = {
        let ix = shared.read_as_is();
        let before = spellings(ix.id_of(&path).and_then(|id| ix.story(id)));
        ix.id_of(&path).is_some() && before == after
    };
    let filing = if filed {
        Filing::Defer(path.clone())
    } else {
        let story = Story::from_analysis(&path, text, analysis, None);
        // Lock order: `pending` before `index`, so that a filing in flight cannot put an
        // older state over this one.
        let mut pending = shared.pending();
        pending.remove(&path);
        let mut ix = shared.write();
        let before = spellings(ix.id_of(&path).and_then(|id| ix.story(id)));
        ix.insert(story);
        Filing::Filed {
            dependents: if before == after {
                Vec::new()
            } else {
                dependents(&ix, &before, &after)
            },
        }
    };
    // This document's drift leaves its own story out (`ws::spelling_drift`), so it does
    // not matter whether that story is filed yet.
    let found = ws::spelling_drift(
        &shared.read_as_is(),
        &path,
        text,
        &analysis.entities,
        config,
    );
    if !found.is_empty() {
        analysis.findings.extend(found);
        analysis.findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
        });
    }
    filing
}

/// `analysis` without the drift findings [`with_drift`] added to it: what the analysis of
/// the same text under the same configuration gives before [`with_drift`].
pub(super) fn without_drift(analysis: &Analysis) -> Analysis {
    let mut a = analysis.clone();
    let drift = crate::rules::names::SpellingDrift::META.code;
    a.findings.retain(|f| f.code != drift);
    a
}

/// Keep `snap` as `path`'s story to file later, and have the worker file it after
/// [`FILING_QUIET`] unless another deferral comes first (a burst of edits files once).
pub(super) fn defer(
    state: &Mutex<State>,
    runtime: &tokio::runtime::Handle,
    path: PathBuf,
    snap: Arc<Snapshot>,
) {
    let (shared, jobs) = {
        let st = lock(state);
        (st.workspace.clone(), st.workspace_jobs.clone())
    };
    let deferral = shared.defer(path, snap);
    let Some(jobs) = jobs else {
        return;
    };
    runtime.spawn(async move {
        tokio::time::sleep(FILING_QUIET).await;
        if shared.last_deferral(deferral) {
            let _ = jobs.send(Job::FileIndex);
        }
    });
}

/// A story changed on disk (or its document was closed): read it again, or drop it when
/// it is gone. Open documents are left to their buffers. When the index changed, the
/// stories whose drift findings may have changed with it ([`ws::drift_dependents`]).
pub(super) fn reindex(state: &Mutex<State>, uri: &Url) -> Option<Vec<Arc<Path>>> {
    let path = uri.to_file_path().ok()?;
    if !ws::walk::is_story_path(&path) {
        return None;
    }
    let (shared, config) = {
        let st = lock(state);
        if st.paths.contains_key(&path) {
            return None;
        }
        (st.workspace.clone(), st.config.clone())
    };
    let inside = shared
        .roots
        .lock()
        .is_ok_and(|roots| roots.iter().any(|r| path.starts_with(r)));
    if !inside {
        return None;
    }
    // Closed: what its buffer left pending is not to be filed over the file.
    shared.forget_pending(&path);
    let read = Story::read(&path, &config);
    let mut ix = shared.write();
    let before = spellings(ix.id_of(&path).and_then(|id| ix.story(id)));
    let after = match read {
        Ok(story) => {
            let after = spellings(Some(&story));
            ix.insert(story);
            after
        }
        Err(skipped) => {
            if path.exists() {
                warn!("not indexed: {skipped}");
            }
            if !ix.remove(&path) {
                return None;
            }
            Vec::new()
        }
    };
    Some(dependents(&ix, &before, &after))
}

/// The workspace folders of `initialize`.
fn roots_of(params: &InitializeParams) -> Vec<PathBuf> {
    let folders: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect();
    if !folders.is_empty() {
        return folders;
    }
    #[allow(deprecated)]
    params
        .root_uri
        .as_ref()
        .and_then(|u| u.to_file_path().ok())
        .into_iter()
        .collect()
}

/// The entity's uses in the index, leaving out the story at `path`.
fn uses_elsewhere(ix: &Index, e: &Entity, path: Option<&Path>) -> Vec<(StoryId, u32)> {
    let me = path.and_then(|p| ix.id_of(p));
    ix.uses(&name_key(e.kind, &e.canonical))
        .iter()
        .copied()
        .filter(|u| Some(u.0) != me)
        .collect()
}

fn mention_location(path: &Path, m: &IndexedMention, enc: Encoding) -> Option<Location> {
    convert::file_location(
        &crate::finding::FilePlace {
            path: path.to_path_buf(),
            start: m.start,
            end: m.end,
        },
        enc,
    )
}

/// How well `query` matches `name` (case ignored): every character of the query in
/// order (a subsequence); higher is better, `None` when it does not match. Runs of
/// consecutive characters and a match at a word's start count more.
pub(super) fn fuzzy(query: &str, name: &str) -> Option<i64> {
    let query: Vec<char> = query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect();
    let Some(&q0) = query.first() else {
        return Some(0);
    };
    let name: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    // Each place the query's first character may start at, then the rest greedily: the
    // best of those.
    let starts = (0..name.len()).filter(|&i| name[i] == q0);
    starts
        .filter_map(|start| {
            let mut score = 0i64;
            let mut last: Option<usize> = None;
            let mut at = start;
            for &q in &query {
                let i = (at..name.len()).find(|&i| name[i] == q)?;
                score += 1;
                if last.is_some_and(|l| l + 1 == i) {
                    score += 5;
                }
                if i == 0 || !name[i - 1].is_alphanumeric() {
                    score += 3;
                }
                last = Some(i);
                at = i + 1;
            }
            Some(score * 100 - name.len() as i64)
        })
        .max()
}

/// At most this many workspace symbols from the index.
const MAX_SYMBOLS: usize = 1000;

impl Backend {
    /// From `initialize`: the workspace folders and whether the client takes progress.
    pub(super) fn remember_workspace(&self, params: &InitializeParams) {
        let st = lock(&self.state);
        if let Ok(mut roots) = st.workspace.roots.lock() {
            *roots = roots_of(params);
        }
        let progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        st.workspace.progress.store(progress, Ordering::Relaxed);
    }

    /// From `initialized`: index the workspace folders in the background, reporting
    /// progress, then refresh the open documents' drift findings; and watch the stories.
    pub(super) fn start_indexing(&self) {
        let (shared, config) = {
            let mut st = lock(&self.state);
            st.workspace_jobs = Some(self.jobs.clone());
            (st.workspace.clone(), st.config.clone())
        };
        let roots = shared.roots.lock().map(|r| r.clone()).unwrap_or_default();
        if roots.is_empty() {
            return;
        }
        shared.indexing.store(true, Ordering::Release);
        let client = self.client.clone();
        let state = self.state.clone();
        let watch = lock(&self.state).watch_files;
        if !watch {
            // No watcher in the client (Neovim on Linux): the server's own.
            watch_stories_here(&roots, self.jobs.clone());
        }
        tokio::spawn(async move {
            if watch {
                watch_stories(&client).await;
            }
            let token = NumberOrString::String("copydesk-indexing".into());
            let mut progress = shared.progress.load(Ordering::Relaxed);
            if progress {
                let create = WorkDoneProgressCreateParams {
                    token: token.clone(),
                };
                if let Err(e) = client.send_request::<WorkDoneProgressCreate>(create).await {
                    warn!("window/workDoneProgress/create failed: {e}");
                    progress = false;
                }
            }
            let notify = |value: WorkDoneProgress| {
                let client = client.clone();
                let token = token.clone();
                async move {
                    client
                        .send_notification::<Progress>(ProgressParams {
                            token,
                            value: ProgressParamsValue::WorkDone(value),
                        })
                        .await;
                }
            };
            if progress {
                notify(WorkDoneProgress::Begin(WorkDoneProgressBegin {
                    title: "copydesk".into(),
                    cancellable: Some(false),
                    message: Some("indexing stories".into()),
                    percentage: Some(0),
                }))
                .await;
            }
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
            let thread_shared = shared.clone();
            let thread_state = state.clone();
            let spawned = std::thread::Builder::new()
                .name("copydesk-index".into())
                .spawn(move || index_folders(&thread_shared, &thread_state, &config, &roots, &tx));
            if let Err(e) = spawned {
                warn!("cannot start the indexing thread: {e}");
                shared.indexing.store(false, Ordering::Release);
                return;
            }
            let mut last = (0, 0);
            while let Some((done, total)) = rx.recv().await {
                last = (done, total);
                if progress {
                    let percentage = (done * 100).checked_div(total).unwrap_or(100) as u32;
                    notify(WorkDoneProgress::Report(WorkDoneProgressReport {
                        cancellable: Some(false),
                        message: Some(format!(
                            "indexing {} / {} stories",
                            thousands(done as u64),
                            thousands(total as u64)
                        )),
                        percentage: Some(percentage),
                    }))
                    .await;
                }
            }
            shared.indexing.store(false, Ordering::Release);
            let indexed = shared.read().len();
            info!("indexed {indexed} stories ({} files found)", last.1);
            if progress {
                notify(WorkDoneProgress::End(WorkDoneProgressEnd {
                    message: Some(format!("indexed {} stories", thousands(indexed as u64))),
                }))
                .await;
            }
            refresh_open(&state, None);
        });
    }

    /// `workspace/didChangeWatchedFiles`: stories changed on disk are read again by the
    /// worker.
    pub(super) fn stories_changed(&self, params: &DidChangeWatchedFilesParams) {
        for c in &params.changes {
            if c.uri
                .to_file_path()
                .is_ok_and(|p| ws::walk::is_story_path(&p))
            {
                self.send(Job::Reindex(c.uri.clone()));
            }
        }
    }

    /// Workspace symbols from the index: each name of every story not open (open ones
    /// are listed from their snapshots), at the story where it first appears, best fuzzy
    /// matches first.
    #[allow(deprecated)] // `SymbolInformation::deprecated` must still be given.
    pub(super) fn index_symbols(&self, query: &str) -> Vec<SymbolInformation> {
        let (shared, enc) = {
            let st = lock(&self.state);
            (st.workspace.clone(), st.encoding)
        };
        let open = open_paths(&self.state);
        let ix = shared.read();
        let mut scored: Vec<(i64, SymbolInformation)> = Vec::new();
        for (_, uses) in ix.names() {
            let Some(first) = ix.earliest(uses) else {
                continue;
            };
            let Some((story, e)) = ix.entity(first) else {
                continue;
            };
            if open.contains(&*story.path) {
                continue;
            }
            let Some(score) = fuzzy(query, &e.name) else {
                continue;
            };
            let Some(location) = e
                .first_mention()
                .and_then(|m| mention_location(&story.path, m, enc))
            else {
                continue;
            };
            let others = {
                let mut ids: Vec<StoryId> = uses.iter().map(|u| u.0).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            };
            let container = if others > 1 {
                format!("{} (+{} stories)", story.title(), others - 1)
            } else {
                story.title()
            };
            scored.push((
                score,
                SymbolInformation {
                    name: e.name.to_string(),
                    kind: convert::entity_symbol_kind(e.kind),
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: Some(container),
                },
            ));
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
        scored.truncate(MAX_SYMBOLS);
        scored.into_iter().map(|(_, s)| s).collect()
    }

    /// Every mention of `e` in the other stories of the index.
    pub(super) fn references_elsewhere(&self, uri: &Url, e: &Entity) -> Vec<Location> {
        let (shared, enc) = {
            let st = lock(&self.state);
            (st.workspace.clone(), st.encoding)
        };
        let path = uri.to_file_path().ok();
        let ix = shared.read();
        let mut out = Vec::new();
        let mut uses = uses_elsewhere(&ix, e, path.as_deref());
        uses.sort_by(|a, b| {
            let ka = ix.story(a.0).map(|s| s.order_key());
            let kb = ix.story(b.0).map(|s| s.order_key());
            ka.cmp(&kb)
        });
        for u in uses {
            if let Some((story, ie)) = ix.entity(u) {
                out.extend(
                    ie.mentions
                        .iter()
                        .filter_map(|m| mention_location(&story.path, m, enc)),
                );
            }
        }
        out
    }

    /// Where `e` is first introduced in the folder, when that is another story than
    /// `uri`'s (which comes first in reading order, [`Story::order_key`]).
    pub(super) fn definition_elsewhere(&self, uri: &Url, e: &Entity) -> Option<Location> {
        let (shared, enc) = {
            let st = lock(&self.state);
            (st.workspace.clone(), st.encoding)
        };
        let path = uri.to_file_path().ok()?;
        let ix = shared.read();
        let uses = ix.uses(&name_key(e.kind, &e.canonical));
        let first = ix.earliest(uses)?;
        let (story, ie) = ix.entity(first)?;
        if *story.path == *path {
            return None;
        }
        mention_location(&story.path, ie.first_mention()?, enc)
    }

    /// The hover's lines about the other stories naming `e`: `also in 7 stories`, with
    /// links to the first few.
    pub(super) fn hover_elsewhere(&self, uri: &Url, e: &Entity) -> Option<String> {
        let shared = lock(&self.state).workspace.clone();
        let path = uri.to_file_path().ok();
        let ix = shared.read();
        let mut uses = uses_elsewhere(&ix, e, path.as_deref());
        uses.sort_by(|a, b| {
            let ka = ix.story(a.0).map(|s| s.order_key());
            let kb = ix.story(b.0).map(|s| s.order_key());
            ka.cmp(&kb)
        });
        uses.dedup_by_key(|u| u.0);
        if uses.is_empty() {
            return None;
        }
        let n = uses.len();
        let mut md = format!(
            "\n\n**Also in {} {}**{}:\n",
            thousands(n as u64),
            if n == 1 { "story" } else { "stories" },
            if shared.indexing.load(Ordering::Acquire) {
                " (still indexing)"
            } else {
                ""
            }
        );
        for &u in uses.iter().take(7) {
            let Some((story, ie)) = ix.entity(u) else {
                continue;
            };
            let line = ie.first_mention().map_or(0, |m| m.start.line) + 1;
            let link = Url::from_file_path(&story.path)
                .map(|mut l| {
                    l.set_fragment(Some(&format!("L{line}")));
                    l.to_string()
                })
                .unwrap_or_default();
            md.push_str(&format!(
                "- [{}]({link})\n",
                story.title().replace(['[', ']'], "")
            ));
        }
        if n > 7 {
            md.push_str(&format!("- and {} more\n", thousands((n - 7) as u64)));
        }
        Some(md)
    }
}

/// Whether a watcher's event can mean a story changed. Opening or reading a file is
/// none (the watcher reports both): taking them for changes made the server re-read each
/// story it had just read, for ever, re-checking every open document each time. A write
/// shows as a modification (and as its close, kept for editors that write in place).
fn changes_a_file(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Without the client's watcher: watch the workspace folders (recursively) and have the
/// worker re-read each story that changes on disk.
fn watch_stories_here(roots: &[PathBuf], jobs: tokio::sync::mpsc::UnboundedSender<Job>) {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = match notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    }) {
        Ok(w) => w,
        Err(e) => {
            warn!("cannot watch the stories: {e}");
            return;
        }
    };
    for root in roots {
        if let Err(e) = watcher.watch(root, RecursiveMode::Recursive) {
            warn!("cannot watch the stories in {}: {e}", root.display());
        }
    }
    let spawned = std::thread::Builder::new()
        .name("copydesk-story-watch".into())
        .spawn(move || {
            let _watcher = watcher; // watching while this thread lives
            for event in rx {
                let Ok(event) = event else {
                    continue;
                };
                if !changes_a_file(&event.kind) {
                    continue;
                }
                for path in event.paths.iter().filter(|p| ws::walk::is_story_path(p)) {
                    let Ok(uri) = Url::from_file_path(path) else {
                        continue;
                    };
                    if jobs.send(Job::Reindex(uri)).is_err() {
                        return; // the server is gone
                    }
                }
            }
        });
    if let Err(e) = spawned {
        warn!("cannot start the story watcher: {e}");
    }
}

/// Ask the client to report changes to the stories.
async fn watch_stories(client: &tower_lsp::Client) {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: ["**/*.txt", "**/*.md", "**/*.markdown"]
            .into_iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String(g.into()),
                kind: None,
            })
            .collect(),
    };
    let registration = Registration {
        id: "copydesk-story-watcher".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(e) = client.register_capability(vec![registration]).await {
        warn!("could not register a watcher for the stories: {e}");
    }
}

/// The indexing thread: walk, then read the stories in parallel in batches, filing each
/// batch (but the open documents) and reporting `(done, total)` after it.
fn index_folders(
    shared: &Shared,
    state: &Mutex<State>,
    config: &Config,
    roots: &[PathBuf],
    progress: &tokio::sync::mpsc::UnboundedSender<(usize, usize)>,
) {
    let (paths, skipped) = ws::stories_in(roots, &config.workspace.exclude);
    for s in skipped {
        warn!("not indexed: {s}");
    }
    let total = paths.len();
    let _ = progress.send((0, total));
    let mut done = 0;
    for batch in paths.chunks(512) {
        let read = ws::read_stories(batch, config);
        let open = open_paths(state);
        {
            let mut ix = shared.write();
            for r in read {
                match r {
                    Ok(story) if !open.contains(&*story.path) => {
                        ix.insert(story);
                    }
                    Ok(_) => {}
                    Err(s) => warn!("not indexed: {s}"),
                }
            }
        }
        done += batch.len();
        let _ = progress.send((done, total));
    }
}

#[cfg(test)]
mod tests {
    use super::fuzzy;

    #[test]
    fn fuzzy_matches_subsequences_and_ranks_word_starts_and_runs_higher() {
        assert!(fuzzy("mdv", "Dmitry Medvedev").is_some());
        assert!(fuzzy("xyz", "Dmitry Medvedev").is_none());
        assert!(fuzzy("med", "Dmitry Medvedev") > fuzzy("mdv", "Dmitry Medvedev"));
        assert!(fuzzy("MED", "Medvedev") > fuzzy("med", "Dmitry Medvedev"));
        assert_eq!(fuzzy("", "anything"), Some(0));
        assert!(fuzzy("粮食", "粮食协议").is_some());
    }
}
