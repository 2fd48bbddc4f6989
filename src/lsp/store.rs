//! The document store: every open document's text, its revision, the per-paragraph work
//! kept for its next analysis, and the channel its snapshots are announced on.
//!
//! `didOpen`, `didChange` and `didClose` change the store synchronously, under its
//! `std::sync::Mutex`, before their handler could yield (they never `.await`), so edits
//! apply in arrival order. Requests never read a document from here directly: they wait
//! for a [`Snapshot`] ([`Backend::snapshot`]), which only the analysis worker makes.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tokio::sync::watch;
use tower_lsp::lsp_types::*;
use tracing::{debug, error, warn};

use super::worker::Job;
use super::{convert, panic_message, Backend};
use crate::analysis::{Analysis, Reuse};
use crate::article::Format;
use crate::config::Config;
use crate::text::{Change, Document, Encoding, LineIndex};

/// What a snapshot was computed for: `(document revision, configuration generation)`.
/// Both only grow, so a snapshot answers a request made at `want` when both of its parts
/// are at least `want`'s ([`Key::covers`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Key {
    pub rev: u64,
    pub config_gen: u64,
}

impl Key {
    /// Is a snapshot made at `self` as new as the state `want` (or newer)?
    pub fn covers(self, want: Key) -> bool {
        self.rev >= want.rev && self.config_gen >= want.config_gen
    }
}

/// One analysed version of a document, with the text and rope it was computed from.
pub struct Snapshot {
    pub doc: Document,
    pub text: String,
    pub analysis: Analysis,
    pub(super) key: Key,
    /// Line starts of `text`, built on first use.
    line_index: OnceLock<LineIndex>,
}

impl Snapshot {
    /// The snapshot of `text`; its line index updated from `previous`'s (an earlier
    /// version of the document) when that one was built, else built on first use.
    pub(super) fn new(
        doc: Document,
        text: String,
        analysis: Analysis,
        key: Key,
        previous: Option<&Snapshot>,
    ) -> Snapshot {
        let line_index = OnceLock::new();
        if let Some((p, index)) = previous.and_then(|p| Some((p, p.line_index.get()?))) {
            let _ = line_index.set(index.updated(&p.text, &text));
        }
        Snapshot {
            doc,
            text,
            analysis,
            key,
            line_index,
        }
    }

    /// Position conversion over the snapshot's text: cheaper than the rope when many
    /// offsets are converted (every finding of a publication).
    pub fn lines(&self) -> convert::Lines<'_> {
        convert::Lines {
            text: &self.text,
            index: self.line_index.get_or_init(|| LineIndex::new(&self.text)),
        }
    }
}

/// The newest snapshot of one open document, as the worker announces it.
pub(super) type Snapshots = watch::Sender<Option<Arc<Snapshot>>>;

pub(super) struct OpenDoc {
    pub doc: Document,
    pub format: Format,
    /// A revision unique across every document's lifetime (`State::next_rev`), renewed by
    /// every open and change whatever version the client claims: a snapshot computed for a
    /// closed document can never be taken for its reopened successor.
    pub rev: u64,
    /// The newest snapshot the worker made of this document (`None` before the first).
    /// Requests subscribe and wait for one that covers the state they were made at;
    /// dropping the sender (close) ends their wait.
    pub snapshots: Snapshots,
    /// The last analysis's per-paragraph work, so the next one re-reads only the
    /// paragraphs an edit touched. Taken out while the worker analyses.
    pub reuse: Reuse,
    /// How many analyses the worker ran for this document since it was opened
    /// (`copydesk/debugAnalyses`: tests prove that requests never analyse).
    pub analyses: u64,
}

#[derive(Default)]
pub(super) struct State {
    pub docs: HashMap<Url, OpenDoc>,
    /// The open documents that are files, by path (the workspace index's key): kept with
    /// `docs` by [`State::insert_doc`] and [`State::remove_doc`].
    pub paths: HashMap<PathBuf, Vec<Url>>,
    pub encoding: Encoding,
    pub root: Option<PathBuf>,
    /// `copydesk.toml` as last read.
    pub file_config: Config,
    /// LSP settings (initializationOptions, didChangeConfiguration), which override the file.
    pub settings: Config,
    pub config: Arc<Config>,
    pub config_gen: u64,
    /// The next document revision to hand out.
    pub next_rev: u64,
    pub document_changes: bool,
    /// The client answers `workspace/configuration` (pull model).
    pub pull_settings: bool,
    /// The client accepts a dynamic registration for `workspace/didChangeWatchedFiles`.
    pub watch_files: bool,
    /// The desk rule sheets last read, whose diagnostics were published
    /// (`settings::sheet_diagnostics`): watched, and cleared when they are fixed.
    pub sheet_files: Vec<PathBuf>,
    /// The client pulls diagnostics (`textDocument/diagnostic`, [`super::pull`]): its
    /// documents' diagnostics are not pushed.
    pub pull_diagnostics: bool,
    /// Which inlay hints the client settings turn on (`inlayHints.names`/`.places`).
    pub hint_kinds: crate::hints::HintKinds,
    /// The client takes snippets in completion items (`completionItem.snippetSupport`).
    pub snippets: bool,
    /// Which code lenses the client settings turn on (`codeLens.mentions`/`.storyFacts`).
    pub lens_kinds: super::lens::LensKinds,
    /// The client takes `workspace/codeLens/refresh`.
    pub lens_refresh: bool,
    /// The client takes `workspace/inlayHint/refresh`.
    pub inlay_refresh: bool,
    /// Open documents were queued for analysis without an edit of theirs (the workspace
    /// index changed): a client that pulls is to be told to pull again.
    pub pull_refresh_wanted: bool,
    /// The workspace index ([`super::workspace`]) and the worker's queue, for refreshing
    /// the open documents when it changes.
    pub workspace: Arc<super::workspace::Shared>,
    pub workspace_jobs: Option<tokio::sync::mpsc::UnboundedSender<Job>>,
    /// The open documents [`super::workspace::refresh_open`] queued an analysis for that
    /// the worker has not started yet.
    pub refresh_queued: std::collections::HashSet<Url>,
    /// The documents opened or edited most recently, newest first, at most
    /// [`KEEP_REUSE`]: only these keep their last analysis's paragraph work ([`Reuse`]).
    pub recent: std::collections::VecDeque<Url>,
}

/// How many documents keep their paragraph work between analyses. It is what makes a
/// keystroke cheap (a 1 MB story re-reads one paragraph, not all of them), and it is most
/// of an open document's memory (about 120 KB for a 1,000-word story): with a thousand
/// stories open, the ones not touched lately are analysed afresh when they are (a
/// 1,000-word story in about 0.1 ms) rather than each keeping its work.
pub(super) const KEEP_REUSE: usize = 32;

impl State {
    /// `uri` was opened or edited: it keeps its paragraph work; the document that drops
    /// out of the most recent [`KEEP_REUSE`] lets its own go.
    pub fn touch(&mut self, uri: &Url) {
        if let Some(at) = self.recent.iter().position(|u| u == uri) {
            if let Some(u) = self.recent.remove(at) {
                self.recent.push_front(u);
            }
            return;
        }
        self.recent.push_front(uri.clone());
        while self.recent.len() > KEEP_REUSE {
            if let Some(old) = self.recent.pop_back() {
                if let Some(od) = self.docs.get_mut(&old) {
                    od.reuse = Reuse::default();
                }
            }
        }
    }

    /// `uri` is opened (again, when it was open): its document, found by its path too.
    pub fn insert_doc(&mut self, uri: &Url, od: OpenDoc) {
        if self.docs.insert(uri.clone(), od).is_none() {
            if let Ok(path) = uri.to_file_path() {
                self.paths.entry(path).or_default().push(uri.clone());
            }
        }
    }

    /// `uri` is closed (or dropped after a failed edit): its document and its place among
    /// the recent ones go.
    pub fn remove_doc(&mut self, uri: &Url) {
        if self.docs.remove(uri).is_some() {
            if let Ok(path) = uri.to_file_path() {
                if let Some(uris) = self.paths.get_mut(&path) {
                    uris.retain(|u| u != uri);
                    if uris.is_empty() {
                        self.paths.remove(&path);
                    }
                }
            }
        }
        self.recent.retain(|u| u != uri);
    }

    /// Does `uri` keep its paragraph work?
    pub fn keeps_reuse(&self, uri: &Url) -> bool {
        self.recent.contains(uri)
    }
}

impl State {
    /// The state a request made now is about.
    pub fn key(&self, uri: &Url) -> Option<Key> {
        self.docs.get(uri).map(|od| Key {
            rev: od.rev,
            config_gen: self.config_gen,
        })
    }
}

pub(super) fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves the data usable: every mutation is a whole edit.
    state.lock().unwrap_or_else(|p| p.into_inner())
}

pub(super) fn format_of(uri: &Url, language_id: &str) -> Format {
    if language_id == "markdown" {
        Format::Markdown
    } else if language_id == "plaintext" || language_id == "text" {
        Format::Plain
    } else {
        Format::from_path(uri.path())
    }
}

/// A request's claim on a snapshot: the state it was made at, and the document's channel.
pub(super) struct Pending {
    uri: Url,
    want: Key,
    rx: watch::Receiver<Option<Arc<Snapshot>>>,
}

impl Pending {
    /// Subscribe to `uri`'s snapshots as of the store's current state.
    pub fn subscribe(st: &State, uri: &Url) -> Option<Pending> {
        Some(Pending {
            uri: uri.clone(),
            want: st.key(uri)?,
            rx: st.docs.get(uri)?.snapshots.subscribe(),
        })
    }

    pub fn uri(&self) -> &Url {
        &self.uri
    }

    /// The newest snapshot covering the state subscribed at, waiting (asynchronously:
    /// the runtime goes on reading and applying messages) for the worker to make it.
    /// `None` when the document is closed meanwhile.
    pub async fn wait(mut self) -> Option<Arc<Snapshot>> {
        let want = self.want;
        match self
            .rx
            .wait_for(|s| s.as_ref().is_some_and(|s| s.key.covers(want)))
            .await
        {
            Ok(s) => s.clone(),
            Err(_) => {
                debug!(
                    "{} was closed while a request waited for its analysis",
                    self.uri
                );
                None
            }
        }
    }
}

impl Backend {
    /// The newest snapshot of `uri` covering the state the store is in now: at once when
    /// the worker has made it, else when it does. `None` when the document is not open.
    pub(super) async fn snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let Some(pending) = Pending::subscribe(&lock(&self.state), uri) else {
            warn!("request for a document that is not open: {uri}");
            return None;
        };
        if self.jobs.is_closed() {
            error!("the analysis worker has stopped; no snapshot of {uri}");
            return None;
        }
        pending.wait().await
    }

    pub(super) fn open_document(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let format = format_of(&td.uri, &td.language_id);
        {
            let mut st = lock(&self.state);
            st.next_rev += 1;
            let rev = st.next_rev;
            st.insert_doc(
                &td.uri,
                OpenDoc {
                    doc: Document::new(&td.text, td.version),
                    format,
                    rev,
                    snapshots: watch::Sender::new(None),
                    reuse: Reuse::default(),
                    analyses: 0,
                },
            );
            st.touch(&td.uri);
        }
        self.send(Job::Analyze(td.uri));
    }

    pub(super) fn change_document(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        {
            let mut st = lock(&self.state);
            let enc = st.encoding;
            st.next_rev += 1;
            let next_rev = st.next_rev;
            let Some(od) = st.docs.get_mut(&uri) else {
                warn!("didChange for a document that is not open: {uri}; ignored");
                return;
            };
            if version <= od.doc.version() {
                warn!(
                    "didChange for {uri} has version {version}, not above {}",
                    od.doc.version()
                );
            }
            // Apply the whole batch to a copy (an O(1) rope clone) and commit it at
            // once, so that the store never holds half a batch.
            let applied = catch_unwind(AssertUnwindSafe(|| {
                let mut doc = od.doc.clone();
                for c in params.content_changes {
                    let change = Change {
                        range: c.range.map(|r| {
                            (
                                convert::text_position(r.start),
                                convert::text_position(r.end),
                            )
                        }),
                        text: c.text,
                    };
                    if doc.apply(&change, enc).0 {
                        warn!("didChange for {uri}: a position outside the document was clamped");
                    }
                }
                doc
            }));
            match applied {
                Ok(doc) => {
                    od.doc = doc;
                    od.doc.set_version(version);
                    od.rev = next_rev;
                    st.touch(&uri);
                }
                Err(payload) => {
                    // Never keep serving a text that differs from the editor's.
                    error!(
                        "applying didChange to {uri} panicked: {}; closing the document",
                        panic_message(&*payload)
                    );
                    st.remove_doc(&uri);
                    drop(st);
                    self.send(Job::Clear(uri.clone()));
                    let client = self.client.clone();
                    tokio::spawn(async move {
                        let msg = format!(
                            "copydesk lost track of {uri}; close and reopen it to check it again"
                        );
                        client.show_message(MessageType::ERROR, msg).await;
                    });
                    return;
                }
            }
        }
        self.send(Job::Analyze(uri));
    }

    pub(super) fn close_document(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state).remove_doc(&uri);
        self.send(Job::Clear(uri));
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn a_snapshot_covers_its_own_state_and_older_ones_only() {
        let k = |rev, config_gen| Key { rev, config_gen };
        assert!(k(5, 2).covers(k(5, 2)));
        assert!(k(6, 2).covers(k(5, 2)));
        assert!(k(6, 3).covers(k(5, 2)));
        assert!(!k(4, 2).covers(k(5, 2)), "an older revision");
        assert!(!k(9, 1).covers(k(5, 2)), "an older configuration");
    }
}

#[cfg(test)]
mod recent_tests {
    use super::{State, KEEP_REUSE};
    use tower_lsp::lsp_types::Url;

    fn uri(n: usize) -> Url {
        Url::parse(&format!("file:///desk/open/{n:05}.txt")).unwrap()
    }

    /// The documents touched last keep their paragraph work; one touched again moves to
    /// the front and is not the next to go.
    #[test]
    fn only_the_documents_touched_lately_keep_their_work() {
        let mut st = State::default();
        for n in 0..KEEP_REUSE {
            st.touch(&uri(n));
        }
        assert!((0..KEEP_REUSE).all(|n| st.keeps_reuse(&uri(n))));
        st.touch(&uri(0)); // edited again: now the newest
        st.touch(&uri(KEEP_REUSE));
        assert_eq!(st.recent.len(), KEEP_REUSE);
        assert!(st.keeps_reuse(&uri(0)));
        assert!(!st.keeps_reuse(&uri(1)), "the oldest untouched one goes");
        assert!(st.keeps_reuse(&uri(KEEP_REUSE)));
        st.touch(&uri(KEEP_REUSE));
        assert_eq!(
            st.recent.len(),
            KEEP_REUSE,
            "touching twice keeps one entry"
        );
    }
}
