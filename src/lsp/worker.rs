//! The analysis worker and the publisher: the only place the engine runs in the server.
//!
//! One thread, `copydesk-analysis`, off the async runtime, fed by a channel of [`Job`]s.
//! For each document it analyses the store's current state (a burst of edits coalesces
//! into one analysis of the latest), announces the [`Snapshot`] on the document's watch
//! channel (requests waiting for it wake up), and publishes its diagnostics unless a newer
//! edit arrived meanwhile. Diagnostics go out in order, each with the version it was
//! computed for.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;
use tower_lsp::lsp_types::*;
use tower_lsp::Client;
use tracing::{error, warn};

use super::store::{lock, Key, Snapshot, State};
use super::workspace::Filing;
use super::{diagnostics, settings, transport};
use crate::analysis::{analyze, analyze_reusing, Reuse};
use crate::config::{Config, ConfigError};

pub(super) enum Job {
    Analyze(Url),
    Clear(Url),
    /// Publish (or clear) diagnostics for the configuration file.
    ConfigError(Url, Option<(String, ConfigError)>),
    /// Publish (or clear) the diagnostics of a desk rule sheet (invalid rules, failing
    /// examples), computed when the sheets were read.
    Sheet(Url, Vec<Diagnostic>),
    /// A story changed on disk: read it into the workspace index again.
    Reindex(Url),
    /// File the open documents' deferred stories in the workspace index
    /// ([`super::workspace::defer`]).
    FileIndex,
}

impl Job {
    /// Jobs with the same slot supersede each other in a burst: a document's analysis and
    /// clearing share one; the configuration file's diagnostics have their own, so a
    /// document open at the configuration file's URI is still analysed.
    fn slot(&self) -> Option<(&Url, u8)> {
        match self {
            Job::Analyze(u) | Job::Clear(u) => Some((u, 0)),
            Job::ConfigError(u, _) | Job::Sheet(u, _) => Some((u, 1)),
            Job::Reindex(u) => Some((u, 2)),
            // Every filing files all that is pending: one in a burst is enough.
            Job::FileIndex => None,
        }
    }

    /// Whether a later job `other` makes this one unneeded ([`superseded`] answers it for
    /// a whole burst at once; this is its definition, for the test).
    #[cfg(test)]
    fn superseded_by(&self, other: &Job) -> bool {
        match self.slot() {
            Some(slot) => other.slot() == Some(slot),
            None => matches!(other, Job::FileIndex),
        }
    }
}

/// How the analysis worker publishes diagnostics.
pub(super) struct Publisher {
    pub client: Client,
    /// The runtime the client's channel is driven by, to publish through it from the
    /// worker thread.
    pub runtime: tokio::runtime::Handle,
    /// The transport's frame queue, when serving over a byte stream ([`transport::serve`]).
    pub outbox: Option<transport::Outbox>,
    pub ready: Arc<AtomicBool>,
    /// What was last published through the outbox, for reuse in the next publication.
    pub fragments: std::cell::RefCell<diagnostics::Fragments>,
}

impl Publisher {
    /// `workspace/diagnostic/refresh`, once the client is initialized.
    fn refresh_pulled(&self) {
        if !self.ready.load(Ordering::Acquire) {
            return;
        }
        let client = self.client.clone();
        self.runtime.spawn(async move {
            if let Err(e) = client.workspace_diagnostic_refresh().await {
                warn!("workspace/diagnostic/refresh failed: {e}");
            }
        });
    }

    /// Publish through the outbox once the client is initialized: the diagnostics are
    /// serialised straight to JSON. Before that (and in-process, without an outbox),
    /// through tower-lsp's client, which drops notifications until `initialize` is
    /// answered.
    fn publish(&self, uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        match &self.outbox {
            Some(out) if self.ready.load(Ordering::Acquire) => {
                let params = self
                    .fragments
                    .borrow_mut()
                    .params(&uri, diagnostics, version);
                let sent = params
                    .map_err(std::io::Error::from)
                    .and_then(|params| out.notify_json("textDocument/publishDiagnostics", &params));
                if let Err(e) = sent {
                    warn!("could not publish diagnostics for {uri}: {e}");
                }
            }
            _ => self
                .runtime
                .block_on(self.client.publish_diagnostics(uri, diagnostics, version)),
        }
    }
}

/// Start the worker thread; it runs until every sender of `rx` (the backend) is gone.
pub(super) fn spawn(
    publisher: Publisher,
    state: Arc<Mutex<State>>,
    rx: mpsc::UnboundedReceiver<Job>,
) {
    let spawned = std::thread::Builder::new()
        .name("copydesk-analysis".into())
        .spawn(move || run(publisher, state, rx));
    if let Err(e) = spawned {
        error!("cannot start the analysis thread: {e}");
    }
}

fn run(client: Publisher, state: Arc<Mutex<State>>, mut rx: mpsc::UnboundedReceiver<Job>) {
    // What was last published for each document, so that a job queued for an edit whose
    // state an earlier job already published does not publish it twice.
    let mut published: HashMap<Url, Key> = HashMap::new();
    while let Some(first) = rx.blocking_recv() {
        let mut batch = vec![first];
        while let Ok(job) = rx.try_recv() {
            batch.push(job);
        }
        {
            // Taken from the queue: from now on a refresh of the index queues these
            // documents again (a job superseded here is not run, but a later one of the
            // same document is).
            let mut st = lock(&state);
            for job in &batch {
                if let Job::Analyze(uri) = job {
                    st.refresh_queued.remove(uri);
                }
            }
        }
        let superseded = superseded(&batch);
        for i in 0..batch.len() {
            // Only the last job for a document in a burst matters.
            if superseded[i] {
                if let Job::Clear(uri) = &batch[i] {
                    published.remove(uri); // reopened: its first state must be published
                }
                continue;
            }
            // A panic while analysing or publishing loses that one result, not the worker.
            let job = &batch[i];
            guard("analysis", || run_job(&client, &state, job, &mut published));
        }
    }
}

/// Which jobs of a burst a later job of the same slot makes unneeded (a document's
/// analysis or clearing, its sheet or configuration diagnostics, its reindexing; a filing
/// by any later filing), in one pass from the end: a burst can hold a job for every
/// open document many times over (the workspace index refreshing them all).
fn superseded(batch: &[Job]) -> Vec<bool> {
    let mut later: HashSet<(&Url, u8)> = HashSet::new();
    let mut filing_later = false;
    let mut out = vec![false; batch.len()];
    for (i, job) in batch.iter().enumerate().rev() {
        out[i] = match job.slot() {
            Some(slot) => !later.insert(slot),
            None => filing_later,
        };
        filing_later |= matches!(job, Job::FileIndex);
    }
    out
}

/// Run work on the worker, logging a panic instead of ending the thread. Handlers are
/// covered by `transport::Guarded`.
fn guard(what: &'static str, work: impl FnOnce()) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(work)) {
        error!("{what} panicked: {}", super::panic_message(&*payload));
    }
}

/// Analyse and publish one job.
fn run_job(client: &Publisher, state: &Mutex<State>, job: &Job, published: &mut HashMap<Url, Key>) {
    match job {
        Job::Analyze(uri) => {
            let Some(snap) = analyse(client, state, uri) else {
                return;
            };
            if !is_current(state, uri, snap.key) {
                return; // a newer edit is queued behind us
            }
            if published.get(uri) == Some(&snap.key) {
                return; // already published by an earlier job
            }
            published.insert(uri.clone(), snap.key);
            let (enc, config, pulls) = {
                let st = lock(state);
                (st.encoding, st.config.clone(), st.pull_diagnostics)
            };
            if pulls {
                // The client asks (`pull.rs`); never both. When documents were re-analysed
                // for the workspace index rather than an edit, tell it to ask again.
                if std::mem::take(&mut lock(state).pull_refresh_wanted) {
                    client.refresh_pulled();
                }
                return;
            }
            let diags = diagnostics::publication(&snap, uri, enc, &config);
            client.publish(uri.clone(), diags, Some(snap.doc.version()));
        }
        Job::Clear(uri) => {
            published.remove(uri);
            if !lock(state).pull_diagnostics {
                client.publish(uri.clone(), vec![], None);
            }
            // Closed: the index takes the file on disk again instead of the buffer.
            if let Some(dependents) = super::workspace::reindex(state, uri) {
                super::workspace::refresh_stories(state, None, &dependents);
            }
        }
        Job::Reindex(uri) => {
            if let Some(dependents) = super::workspace::reindex(state, uri) {
                super::workspace::refresh_stories(state, None, &dependents);
            }
        }
        Job::ConfigError(uri, err) => {
            let enc = lock(state).encoding;
            let diags = settings::config_diagnostics(err.as_ref(), enc);
            client.publish(uri.clone(), diags, None);
        }
        Job::Sheet(uri, diags) => client.publish(uri.clone(), diags.clone(), None),
        Job::FileIndex => lock(state).workspace.clone().file_pending(None),
    }
}

/// The snapshot of `uri`'s current state: the one already announced when it is current,
/// else a new analysis (reusing the last one's paragraph work), announced to the requests
/// waiting on the document.
fn analyse(client: &Publisher, state: &Mutex<State>, uri: &Url) -> Option<Arc<Snapshot>> {
    // The engine never runs on the async runtime (that would stall reading and applying
    // edits, and every other request, for as long as the analysis takes).
    debug_assert!(
        tokio::runtime::Handle::try_current().is_err(),
        "an analysis on the async runtime"
    );
    let (doc, format, config, key, mut reuse, previous) = {
        let mut st = lock(state);
        let key = st.key(uri)?;
        let config = st.config.clone();
        let od = st.docs.get_mut(uri)?;
        if let Some(s) = od.snapshots.borrow().as_ref() {
            if s.key == key {
                return Some(s.clone());
            }
        }
        let reuse = std::mem::take(&mut od.reuse);
        let previous = od.snapshots.borrow().clone();
        (od.doc.clone(), od.format, config, key, reuse, previous)
    };
    let text = doc.text();
    // Queued by the workspace index (`refresh_open`) with the text and configuration of the
    // last snapshot: only the drift findings can differ, so they alone are computed again
    // (the analysis is deterministic; a thousand open stories are refreshed per new name).
    let unchanged = previous.as_deref().filter(|p| {
        // The version first: on a keystroke it differs, and the texts go uncompared.
        p.key.config_gen == key.config_gen && p.doc.version() == doc.version() && p.text == text
    });
    let mut filing = Filing::None;
    let analysis = catch_unwind(AssertUnwindSafe(|| {
        let mut analysis = match unchanged {
            Some(p) => super::workspace::without_drift(&p.analysis),
            None => analyze_reusing(&text, format, &config, &mut reuse),
        };
        // The folder's names: its drift findings added, this buffer into the index.
        filing = super::workspace::with_drift(state, uri, &text, &mut analysis, &config);
        analysis
    }))
    .unwrap_or_else(|_| {
        error!("analysis panicked on {uri}; publishing no findings for this version");
        reuse = Reuse::default(); // it may be half-updated
        analyze("", format, &Config::default())
    });
    let snap = Arc::new(Snapshot::new(doc, text, analysis, key, previous.as_deref()));
    drop(previous);
    let mut st = lock(state);
    let keep = st.keeps_reuse(uri);
    if let Some(od) = st.docs.get_mut(uri) {
        // Even when a newer edit has arrived, this is the newest snapshot there is: a
        // request made before that edit takes it; later ones keep waiting. A document
        // reopened meanwhile has a new channel whose waiters need a newer revision.
        od.snapshots.send_if_modified(|newest| {
            let newer = newest
                .as_ref()
                .map_or(true, |s| snap.key.covers(s.key) && s.key != snap.key);
            if newer {
                *newest = Some(snap.clone());
            }
            newer
        });
        // Only the documents edited lately keep their paragraph work (memory).
        if keep {
            od.reuse = reuse;
        }
        od.analyses += 1;
    }
    drop(st);
    match filing {
        Filing::Filed { dependents } => {
            super::workspace::refresh_stories(state, Some(uri), &dependents)
        }
        Filing::Defer(path) => super::workspace::defer(state, &client.runtime, path, snap.clone()),
        Filing::None => {}
    }
    Some(snap)
}

/// Is `key` still the document's current state?
fn is_current(state: &Mutex<State>, uri: &Url, key: Key) -> bool {
    lock(state).key(uri) == Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass answer is the definition's (every later job asked), on bursts that
    /// mix every kind of job over a few documents, including a thousand-document burst of
    /// refreshes.
    #[test]
    fn superseded_in_one_pass_is_the_definition() {
        let uris: Vec<Url> = ["a", "b", "c"]
            .iter()
            .map(|n| Url::parse(&format!("file:///desk/{n}.txt")).unwrap())
            .collect();
        let make = |k: usize, u: &Url| match k % 6 {
            0 => Job::Analyze(u.clone()),
            1 => Job::Clear(u.clone()),
            2 => Job::ConfigError(u.clone(), None),
            3 => Job::Sheet(u.clone(), vec![]),
            4 => Job::Reindex(u.clone()),
            _ => Job::FileIndex,
        };
        // Every burst of up to four jobs over the three documents and six kinds.
        let variants = 6 * uris.len();
        let mut bursts: Vec<Vec<Job>> = Vec::new();
        for len in 0..=4u32 {
            for mut code in 0..variants.pow(len) {
                let mut b = Vec::new();
                for _ in 0..len {
                    let v = code % variants;
                    code /= variants;
                    b.push(make(v / uris.len(), &uris[v % uris.len()]));
                }
                bursts.push(b);
            }
        }
        let mut checked = 0;
        for b in &bursts {
            let want: Vec<bool> = (0..b.len())
                .map(|i| b[i + 1..].iter().any(|j| b[i].superseded_by(j)))
                .collect();
            assert_eq!(superseded(b), want);
            checked += 1;
        }
        assert_eq!(checked, 1 + 18 + 18 * 18 + 18 * 18 * 18 + 18 * 18 * 18 * 18);
        // A refresh of many documents, twice over, then one more edit of the first.
        let many: Vec<Url> = (0..1000)
            .map(|n| Url::parse(&format!("file:///desk/open/{n:05}.txt")).unwrap())
            .collect();
        let mut burst: Vec<Job> = many.iter().map(|u| Job::Analyze(u.clone())).collect();
        burst.extend(many.iter().map(|u| Job::Analyze(u.clone())));
        burst.push(Job::Analyze(many[0].clone()));
        let s = superseded(&burst);
        assert_eq!(s.iter().filter(|x| !**x).count(), 1000);
        assert!(s[0] && s[1000] && !s[2000] && !s[1999] && s[999]);
    }
}
