//! The language server: tower-lsp handlers over a store of open documents.
//!
//! Ordering: every notification that changes a document applies it synchronously, under
//! the store's `std::sync::Mutex`, before its handler's first `.await` (it has none), so
//! edits apply in arrival order. Analysis and publishing happen on one worker thread
//! (`copydesk-analysis`, off the async runtime, so a long analysis never holds up reading
//! and applying edits) fed by a channel, so diagnostics go out in order, each with the
//! version it was computed for, and a result is dropped when a newer edit has already
//! arrived.

pub mod convert;
pub mod transport;

use std::any::Any;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use tokio::sync::mpsc;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, ClientSocket, LanguageServer, LspService};
use tracing::{debug, error, info, warn};

use crate::analysis::{analyze, analyze_reusing, Analysis, Reuse};
use crate::article::Format;
use crate::config::{Config, ConfigError};
use crate::text::{Change, Document, Encoding, LineIndex};

/// One analysed version of a document, with the text and rope it was computed from.
pub struct Snapshot {
    pub doc: Document,
    pub text: String,
    pub analysis: Analysis,
    /// `(edit counter, config generation)` the snapshot was made for.
    key: (u64, u64),
    /// Line starts of `text`, built on first use.
    line_index: OnceLock<LineIndex>,
}

impl Snapshot {
    /// Position conversion over the snapshot's text: cheaper than the rope when many
    /// offsets are converted (every finding of a publication).
    pub fn lines(&self) -> convert::Lines<'_> {
        convert::Lines {
            text: &self.text,
            index: self.line_index.get_or_init(|| LineIndex::new(&self.text)),
        }
    }
}

struct OpenDoc {
    doc: Document,
    format: Format,
    /// A revision unique across every document's lifetime (`State::next_rev`), renewed by
    /// every open and change whatever version the client claims: a snapshot computed for a
    /// closed document can never be taken for its reopened successor.
    rev: u64,
    snapshot: Option<Arc<Snapshot>>,
    /// The last analysis's per-paragraph work, so the next one re-reads only the
    /// paragraphs an edit touched. Taken out while an analysis runs.
    reuse: Reuse,
}

#[derive(Default)]
struct State {
    docs: HashMap<Url, OpenDoc>,
    encoding: Encoding,
    root: Option<PathBuf>,
    /// `copydesk.toml` as last read.
    file_config: Config,
    /// LSP settings (initializationOptions, didChangeConfiguration), which override the file.
    settings: Config,
    config: Arc<Config>,
    config_gen: u64,
    /// The next document revision to hand out.
    next_rev: u64,
    document_changes: bool,
    /// The client answers `workspace/configuration` (pull model).
    pull_settings: bool,
    /// The client accepts a dynamic registration for `workspace/didChangeWatchedFiles`.
    watch_files: bool,
}

enum Job {
    Analyze(Url),
    Clear(Url),
    /// Publish (or clear) diagnostics for the configuration file.
    ConfigError(Url, Option<(String, ConfigError)>),
}

impl Job {
    fn uri(&self) -> &Url {
        match self {
            Job::Analyze(u) | Job::Clear(u) | Job::ConfigError(u, _) => u,
        }
    }
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    jobs: mpsc::UnboundedSender<Job>,
    /// Set by `initialized`: from then on the worker writes its publications to the
    /// outbox (when serving stdio), not through tower-lsp's client.
    ready: Arc<AtomicBool>,
}

/// How the analysis worker publishes diagnostics.
struct Publisher {
    client: Client,
    /// The runtime the client's channel is driven by, to publish through it from the
    /// worker thread.
    runtime: tokio::runtime::Handle,
    /// The transport's frame queue, when serving over a byte stream ([`transport::serve`]).
    outbox: Option<transport::Outbox>,
    ready: Arc<AtomicBool>,
}

impl Publisher {
    /// Publish through the outbox once the client is initialized: the diagnostics are
    /// serialised straight to JSON. Before that (and in-process, without an outbox),
    /// through tower-lsp's client, which drops notifications until `initialize` is
    /// answered.
    fn publish(&self, uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        match &self.outbox {
            Some(out) if self.ready.load(Ordering::Acquire) => {
                let params = PublishDiagnosticsParams {
                    uri,
                    diagnostics,
                    version,
                };
                if let Err(e) = out.notify("textDocument/publishDiagnostics", &params) {
                    warn!("could not publish diagnostics for {}: {e}", params.uri);
                }
            }
            _ => self
                .runtime
                .block_on(self.client.publish_diagnostics(uri, diagnostics, version)),
        }
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves the data usable: every mutation is a whole edit.
    state.lock().unwrap_or_else(|p| p.into_inner())
}

pub use crate::config::CONFIG_FILE;

/// The text of a panic payload, for the log.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Run work outside the request path (the analysis worker), logging a panic instead of
/// ending the server. Handlers are covered by `transport::Guarded`.
fn guard_notification(method: &'static str, work: impl FnOnce()) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(work)) {
        error!("{method} panicked: {}", panic_message(&*payload));
    }
}

/// The text and version the server holds for a document (`copydesk/debugText`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DebugText {
    pub text: String,
    pub version: i32,
}

/// The service with copydesk's custom requests: `copydesk/debugText` (the text the server
/// holds, for tests and bug reports) and `copydesk/debugPanic` (panics on purpose, to
/// prove that a panicking handler is answered with an internal error).
pub fn service() -> (LspService<Backend>, ClientSocket) {
    service_with_outbox(None)
}

/// [`service`], publishing diagnostics through `outbox` once initialized.
pub(crate) fn service_with_outbox(
    outbox: Option<transport::Outbox>,
) -> (LspService<Backend>, ClientSocket) {
    LspService::build(move |client| Backend::with_outbox(client, outbox))
        .custom_method("copydesk/debugText", Backend::debug_text)
        .custom_method("copydesk/debugPanic", Backend::debug_panic)
        .finish()
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend::with_outbox(client, None)
    }

    fn with_outbox(client: Client, outbox: Option<transport::Outbox>) -> Backend {
        let (tx, rx) = mpsc::unbounded_channel();
        let state = Arc::new(Mutex::new(State::default()));
        let ready = Arc::new(AtomicBool::new(false));
        let publisher = Publisher {
            client: client.clone(),
            runtime: tokio::runtime::Handle::current(),
            outbox,
            ready: ready.clone(),
        };
        let worker_state = state.clone();
        let spawned = std::thread::Builder::new()
            .name("copydesk-analysis".into())
            .spawn(move || worker(publisher, worker_state, rx));
        if let Err(e) = spawned {
            error!("cannot start the analysis thread: {e}");
        }
        Backend {
            client,
            state,
            jobs: tx,
            ready,
        }
    }

    /// `copydesk/debugText`: the document's text and version, or null when it is not open.
    pub async fn debug_text(&self, params: TextDocumentIdentifier) -> Result<Option<DebugText>> {
        let st = lock(&self.state);
        Ok(st.docs.get(&params.uri).map(|od| DebugText {
            text: od.doc.text(),
            version: od.doc.version(),
        }))
    }

    /// `copydesk/debugPanic`: panics inside a handler, with the store locked, on purpose.
    pub async fn debug_panic(&self) -> Result<()> {
        let _st = lock(&self.state);
        panic!("copydesk/debugPanic was requested");
    }

    fn send(&self, job: Job) {
        if self.jobs.send(job).is_err() {
            error!("the analysis worker has stopped");
        }
    }

    fn snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let s = snapshot(&self.state, uri);
        if s.is_none() {
            warn!("request for a document that is not open: {uri}");
        }
        s
    }

    fn encoding(&self) -> Encoding {
        lock(&self.state).encoding
    }

    /// The entity under a position: the snapshot, the encoding, the entity's id and the
    /// index of the mention under the cursor.
    fn entity_at(
        &self,
        pos: &TextDocumentPositionParams,
    ) -> Option<(Arc<Snapshot>, Encoding, usize, usize)> {
        let snap = self.snapshot(&pos.text_document.uri)?;
        let enc = self.encoding();
        let offset = convert::offset(&snap.doc, pos.position, enc);
        let (e, m) = snap.analysis.entities.entity_at(offset)?;
        let (id, mi) = (e.id, e.mentions.iter().position(|x| x == m)?);
        Some((snap, enc, id, mi))
    }

    /// Re-read `copydesk.toml`, merge the settings, and re-check every open document.
    fn reload_config(&self) {
        let (root, settings) = {
            let st = lock(&self.state);
            (st.root.clone(), st.settings.clone())
        };
        let (file_config, error) = match root.as_deref().map(read_config_file) {
            Some((config, error)) => (config, error),
            None => (Config::default(), None),
        };
        let merged = file_config.clone().merged(&settings);
        let uris: Vec<Url> = {
            let mut st = lock(&self.state);
            st.file_config = file_config;
            st.config = Arc::new(merged);
            st.config_gen += 1;
            st.docs.keys().cloned().collect()
        };
        if let Some(root) = root {
            if let Ok(uri) = Url::from_file_path(root.join(CONFIG_FILE)) {
                self.send(Job::ConfigError(uri, error));
            }
        }
        for uri in uris {
            self.send(Job::Analyze(uri));
        }
    }

    /// Replace the client settings with `value` (the client always sends them whole).
    /// `null` — a client with no `copydesk` section, or a bare change notice — keeps them.
    fn apply_settings(&self, value: &serde_json::Value) {
        if value.is_null() {
            return;
        }
        match Config::from_settings(value) {
            Ok((settings, ignored)) => {
                if !ignored.is_empty() {
                    // Editors send their own keys (path, trace, documentSelector) too.
                    debug!("settings keys not for the server: {}", ignored.join(", "));
                }
                // A key one typo away from ours is the user's mistake: say so.
                let typos: Vec<String> = ignored
                    .iter()
                    .filter_map(|k| {
                        crate::config::near_setting_key(k)
                            .map(|near| format!("`{k}` (did you mean `{near}`?)"))
                    })
                    .collect();
                if !typos.is_empty() {
                    let client = self.client.clone();
                    let msg = format!("copydesk: unknown settings ignored: {}", typos.join(", "));
                    warn!("{msg}");
                    tokio::spawn(async move {
                        client.show_message(MessageType::WARNING, msg).await;
                    });
                }
                lock(&self.state).settings = settings;
            }
            Err(e) => {
                warn!("ignoring invalid copydesk settings: {e}");
                let client = self.client.clone();
                let msg = format!("copydesk: invalid settings ignored: {e}");
                tokio::spawn(async move {
                    client.show_message(MessageType::WARNING, msg).await;
                });
            }
        }
    }
}

impl Backend {
    /// Ask the client for the `copydesk` section (`workspace/configuration`); `false` when
    /// the client does not support it or the request failed.
    async fn pull_settings(&self) -> bool {
        if !lock(&self.state).pull_settings {
            return false;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => {
                let value = values.into_iter().next().unwrap_or_default();
                self.apply_settings(&value);
                true
            }
            Err(e) => {
                warn!("workspace/configuration failed: {e}");
                false
            }
        }
    }

    /// Ask the client to tell us when any `copydesk.toml` or TOML names file changes.
    async fn watch_config_files(&self) {
        if !lock(&self.state).watch_files {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                    kind: None,
                },
                // The names file may have any name; `did_change_watched_files` picks ours.
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.toml".into()),
                    kind: None,
                },
            ],
        };
        let registration = Registration {
            id: "copydesk-config-watcher".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            warn!("could not register a watcher for {CONFIG_FILE}: {e}");
        }
    }
}

/// The diagnostic for a finding, with `codeDescription` linking to the rule's page.
fn diagnostic(
    doc: &(impl convert::Positions + ?Sized),
    uri: &Url,
    f: &crate::rules::Finding,
    enc: Encoding,
    config: &Config,
) -> Diagnostic {
    let mut d = convert::diagnostic(doc, uri, f, enc);
    d.code_description = rule_page(config, f.code);
    d
}

/// The `codeDescription` of rule `code`.
fn rule_page(config: &Config, code: &str) -> Option<CodeDescription> {
    crate::catalogue::rule_url(config, code)
        .and_then(|u| Url::parse(&u).ok())
        .map(|href| CodeDescription { href })
}

/// The diagnostics of a snapshot, converted over its line index, each rule's page URL
/// parsed once per publication rather than once per finding.
fn diagnostics(snap: &Snapshot, uri: &Url, enc: Encoding, config: &Config) -> Vec<Diagnostic> {
    let lines = snap.lines();
    let mut pages: HashMap<&'static str, Option<CodeDescription>> = HashMap::new();
    snap.analysis
        .findings
        .iter()
        .map(|f| {
            let mut d = convert::diagnostic(&lines, uri, f, enc);
            d.code_description = pages
                .entry(f.code)
                .or_insert_with(|| rule_page(config, f.code))
                .clone();
            d
        })
        .collect()
}

/// Read `copydesk.toml` in `root`: the config, and the file's text with the error if it is bad.
fn read_config_file(root: &Path) -> (Config, Option<(String, ConfigError)>) {
    let path = root.join(CONFIG_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => match Config::from_toml(&text) {
            Ok(mut c) => match crate::entities::names::resolve(&mut c, root) {
                Ok(()) => (c, None),
                Err(message) => {
                    warn!("{message}; names file ignored");
                    let e = ConfigError {
                        message,
                        span: None,
                    };
                    (c, Some((text, e)))
                }
            },
            Err(e) => {
                warn!("{}: {e}; using defaults", path.display());
                (Config::default(), Some((text, e)))
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(e) => {
            warn!("cannot read {}: {e}; using defaults", path.display());
            (Config::default(), None)
        }
    }
}

fn snapshot(state: &Mutex<State>, uri: &Url) -> Option<Arc<Snapshot>> {
    let (doc, format, config, key, mut reuse) = {
        let mut st = lock(state);
        let gen = st.config_gen;
        let config = st.config.clone();
        let od = st.docs.get_mut(uri)?;
        let key = (od.rev, gen);
        if let Some(s) = &od.snapshot {
            if s.key == key {
                return Some(s.clone());
            }
        }
        let reuse = std::mem::take(&mut od.reuse);
        (od.doc.clone(), od.format, config, key, reuse)
    };
    let text = doc.text();
    let analysis = catch_unwind(AssertUnwindSafe(|| {
        analyze_reusing(&text, format, &config, &mut reuse)
    }))
    .unwrap_or_else(|_| {
        error!("analysis panicked on {uri}; publishing no findings for this version");
        reuse = Reuse::default(); // it may be half-updated
        analyze("", format, &Config::default())
    });
    let snap = Arc::new(Snapshot {
        doc,
        text,
        analysis,
        key,
        line_index: OnceLock::new(),
    });
    let mut st = lock(state);
    let gen = st.config_gen;
    if let Some(od) = st.docs.get_mut(uri) {
        if (od.rev, gen) == key {
            od.snapshot = Some(snap.clone());
        }
        od.reuse = reuse;
    }
    Some(snap)
}

/// Is `key` still the document's current state?
fn is_current(state: &Mutex<State>, uri: &Url, key: (u64, u64)) -> bool {
    let st = lock(state);
    st.docs
        .get(uri)
        .is_some_and(|od| (od.rev, st.config_gen) == key)
}

/// The analysis thread: runs until every sender of `rx` (the backend) is gone.
fn worker(client: Publisher, state: Arc<Mutex<State>>, mut rx: mpsc::UnboundedReceiver<Job>) {
    // What was last published for each document, so that a job queued for an edit whose
    // state an earlier job already published does not publish it twice.
    let mut published: HashMap<Url, (u64, u64)> = HashMap::new();
    while let Some(first) = rx.blocking_recv() {
        let mut batch = vec![first];
        while let Ok(job) = rx.try_recv() {
            batch.push(job);
        }
        for i in 0..batch.len() {
            // Only the last job for a document in a burst matters.
            if batch[i + 1..].iter().any(|j| j.uri() == batch[i].uri()) {
                if let Job::Clear(uri) = &batch[i] {
                    published.remove(uri); // reopened: its first state must be published
                }
                continue;
            }
            // A panic while analysing or publishing loses that one result, not the worker.
            let job = &batch[i];
            guard_notification("analysis", || run_job(&client, &state, job, &mut published));
        }
    }
}

/// Analyse and publish one job.
fn run_job(
    client: &Publisher,
    state: &Mutex<State>,
    job: &Job,
    published: &mut HashMap<Url, (u64, u64)>,
) {
    match job {
        Job::Analyze(uri) => {
            let Some(snap) = snapshot(state, uri) else {
                return;
            };
            if !is_current(state, uri, snap.key) {
                return; // a newer edit is queued behind us
            }
            if published.get(uri) == Some(&snap.key) {
                return; // already published by an earlier job
            }
            published.insert(uri.clone(), snap.key);
            let (enc, config) = {
                let st = lock(state);
                (st.encoding, st.config.clone())
            };
            let diags = diagnostics(&snap, uri, enc, &config);
            client.publish(uri.clone(), diags, Some(snap.doc.version()));
        }
        Job::Clear(uri) => {
            published.remove(uri);
            client.publish(uri.clone(), vec![], None)
        }
        Job::ConfigError(uri, err) => {
            let diags = match err {
                None => vec![],
                Some((text, e)) => {
                    let doc = Document::new(text, 0);
                    let enc = lock(state).encoding;
                    let span = e.span.unwrap_or_default();
                    vec![Diagnostic {
                        range: convert::range(&doc, span, enc),
                        severity: Some(DiagnosticSeverity::ERROR),
                        code: Some(NumberOrString::String("config/invalid".into())),
                        source: Some("copydesk".into()),
                        message: format!("{e}; copydesk is using its defaults"),
                        ..Diagnostic::default()
                    }]
                }
            };
            client.publish(uri.clone(), diags, None);
        }
    }
}

fn negotiate_encoding(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    let Some(offered) = offered else {
        return Encoding::Utf16;
    };
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&PositionEncodingKind::UTF16) || offered.is_empty() {
        Encoding::Utf16
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| f.uri.to_file_path().ok())
        .or_else(|| {
            #[allow(deprecated)]
            params.root_uri.as_ref().and_then(|u| u.to_file_path().ok())
        })
}

fn format_of(uri: &Url, language_id: &str) -> Format {
    if language_id == "markdown" {
        Format::Markdown
    } else if language_id == "plaintext" || language_id == "text" {
        Format::Plain
    } else {
        Format::from_path(uri.path())
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = negotiate_encoding(&params);
        {
            let mut st = lock(&self.state);
            st.encoding = encoding;
            st.root = workspace_root(&params);
            st.document_changes = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false);
            let workspace = params.capabilities.workspace.as_ref();
            st.pull_settings = workspace.and_then(|w| w.configuration).unwrap_or(false);
            st.watch_files = workspace
                .and_then(|w| w.did_change_watched_files)
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
        }
        if let Some(opts) = &params.initialization_options {
            self.apply_settings(opts);
        }
        self.reload_config();
        info!("initialized: position encoding {}", encoding.as_str());
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(PositionEncodingKind::from(encoding.as_str().to_string())),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::from(CONVERT_QUOTES_KIND),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _params: InitializedParams) {
        // Parse the gazetteer off the request path now, so the first article's diagnostics
        // do not wait for it (initialize itself never touches it).
        std::thread::spawn(|| {
            crate::gazetteer::gazetteer();
        });
        // tower-lsp drops notifications sent before the initialize response has gone out,
        // so the config file's diagnostic from `initialize` may be lost: publish it again,
        // now with any settings pulled from the client.
        self.ready.store(true, Ordering::Release);
        self.pull_settings().await;
        self.reload_config();
        self.watch_config_files().await;
    }

    async fn shutdown(&self) -> Result<()> {
        info!("shutdown requested");
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let format = format_of(&td.uri, &td.language_id);
        {
            let mut st = lock(&self.state);
            st.next_rev += 1;
            let rev = st.next_rev;
            st.docs.insert(
                td.uri.clone(),
                OpenDoc {
                    doc: Document::new(&td.text, td.version),
                    format,
                    rev,
                    snapshot: None,
                    reuse: Reuse::default(),
                },
            );
        }
        self.send(Job::Analyze(td.uri));
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
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
                }
                Err(payload) => {
                    // Never keep serving a text that differs from the editor's.
                    error!(
                        "applying didChange to {uri} panicked: {}; closing the document",
                        panic_message(&*payload)
                    );
                    st.docs.remove(&uri);
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

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state).docs.remove(&uri);
        self.send(Job::Clear(uri));
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Pull-model clients send no settings here (or stale ones): ask for them.
        if !self.pull_settings().await {
            self.apply_settings(&params.settings);
        }
        self.reload_config();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let names_file = {
            let st = lock(&self.state);
            match (&st.root, &st.file_config.names_file) {
                (Some(root), Some(f)) => Some(root.join(f)),
                _ => None,
            }
        };
        let ours = params.changes.is_empty()
            || params.changes.iter().any(|c| {
                c.uri.path().ends_with(CONFIG_FILE)
                    || names_file
                        .as_deref()
                        .is_some_and(|n| c.uri.to_file_path().is_ok_and(|p| p == n))
            });
        if ours {
            self.reload_config();
        }
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(snap) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let enc = self.encoding();
        let symbols = snap
            .analysis
            .outline
            .iter()
            .map(|s| convert::document_symbol(&snap.doc, s, enc))
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some(snap) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let enc = self.encoding();
        let ranges = crate::outline::folding(&snap.analysis.article)
            .into_iter()
            .map(|span| convert::range(&snap.doc, span, enc))
            .filter(|r| r.end.line > r.start.line)
            .map(|r| FoldingRange {
                start_line: r.start.line,
                end_line: r.end.line,
                kind: Some(FoldingRangeKind::Region),
                ..FoldingRange::default()
            })
            .collect();
        Ok(Some(ranges))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        let Some(snap) = self.snapshot(&pos.text_document.uri) else {
            return Ok(None);
        };
        let enc = self.encoding();
        let offset = convert::offset(&snap.doc, pos.position, enc);
        Ok(
            crate::hover::hover(&snap.analysis, &snap.text, offset).map(|(md, span)| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: md,
                }),
                range: Some(convert::range(&snap.doc, span, enc)),
            }),
        )
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        let Some((snap, enc, id, _)) = self.entity_at(&pos) else {
            return Ok(None);
        };
        let Some(first) = snap
            .analysis
            .entities
            .get(id)
            .and_then(|e| e.first_mention())
        else {
            return Ok(None);
        };
        let loc = convert::location(&snap.doc, &pos.text_document.uri, first.span, enc);
        Ok(Some(GotoDefinitionResponse::Scalar(loc)))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let Some((snap, enc, id, _)) = self.entity_at(&pos) else {
            return Ok(None);
        };
        let Some(e) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        let first = e.first_mention().map(|m| m.span);
        let uri = &pos.text_document.uri;
        let locs = e
            .mentions
            .iter()
            .filter(|m| params.context.include_declaration || Some(m.span) != first)
            .map(|m| convert::location(&snap.doc, uri, m.span, enc))
            .collect();
        Ok(Some(locs))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let pos = params.text_document_position_params;
        let Some((snap, enc, id, _)) = self.entity_at(&pos) else {
            return Ok(None);
        };
        let Some(e) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        let first = e.first_mention().map(|m| m.span);
        let highlights = e
            .mentions
            .iter()
            .map(|m| DocumentHighlight {
                range: convert::range(&snap.doc, m.span, enc),
                // The first reference "defines" the name; the rest read it.
                kind: Some(if Some(m.span) == first {
                    DocumentHighlightKind::WRITE
                } else {
                    DocumentHighlightKind::READ
                }),
            })
            .collect();
        Ok(Some(highlights))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some((snap, enc, id, mi)) = self.entity_at(&params) else {
            return Ok(None);
        };
        let Some(m) = snap
            .analysis
            .entities
            .get(id)
            .and_then(|e| e.mentions.get(mi))
        else {
            return Ok(None);
        };
        Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
            range: convert::range(&snap.doc, m.span, enc),
            placeholder: m.span.text(&snap.text).to_string(),
        }))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let pos = params.text_document_position;
        let new_name = params.new_name.trim();
        if new_name.is_empty() || new_name.contains(['\n', '\r']) {
            return Err(tower_lsp::jsonrpc::Error::invalid_params(
                "a name must be non-empty and on one line",
            ));
        }
        let Some((snap, enc, id, mi)) = self.entity_at(&pos) else {
            return Ok(None);
        };
        let Some(e) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        let Some(form) = e.mentions.get(mi).map(|m| m.form) else {
            return Ok(None);
        };
        let edits = crate::entities::rename_from(e, form, &snap.text, new_name);
        let edits = convert::text_edits(&snap.doc, &edits, enc);
        let uri = pos.text_document.uri;
        let document_changes = lock(&self.state).document_changes;
        Ok(Some(workspace_edit(
            uri,
            snap.doc.version(),
            edits,
            document_changes,
        )))
    }

    #[allow(deprecated)] // `SymbolInformation::deprecated` must still be given.
    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        let query = params.query.to_lowercase();
        let uris: Vec<Url> = {
            let st = lock(&self.state);
            let mut u: Vec<Url> = st.docs.keys().cloned().collect();
            u.sort();
            u
        };
        let enc = self.encoding();
        let mut out = Vec::new();
        for uri in uris {
            let Some(snap) = snapshot(&self.state, &uri) else {
                continue;
            };
            let container = uri
                .path_segments()
                .and_then(|mut s| s.next_back())
                .map(str::to_string);
            let mut push = |name: String, kind: SymbolKind, span| {
                if query.is_empty() || name.to_lowercase().contains(&query) {
                    out.push(SymbolInformation {
                        name,
                        kind,
                        tags: None,
                        deprecated: None,
                        location: convert::location(&snap.doc, &uri, span, enc),
                        container_name: container.clone(),
                    });
                }
            };
            for e in snap.analysis.entities.iter() {
                if let Some(m) = e.first_mention() {
                    push(
                        e.canonical.clone(),
                        convert::entity_symbol_kind(e.kind),
                        m.span,
                    );
                }
            }
            for s in &snap.analysis.article.sections {
                let title = s.title.text(&snap.text).trim().to_string();
                push(title, convert::section_kind(), s.heading);
            }
        }
        Ok(Some(out))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let wants = |kind: &str| {
            params.context.only.as_ref().map_or(true, |only| {
                only.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let (want_quickfix, want_convert) = (wants("quickfix"), wants(CONVERT_QUOTES_KIND));
        if !want_quickfix && !want_convert {
            return Ok(Some(vec![]));
        }
        let Some(snap) = self.snapshot(&uri) else {
            return Ok(None);
        };
        let (enc, document_changes, config) = {
            let st = lock(&self.state);
            (st.encoding, st.document_changes, st.config.clone())
        };
        let want = convert::span(&snap.doc, params.range, enc);
        let mut actions = Vec::new();
        if want_convert {
            let edits = crate::article::quotes::to_typographic(&snap.text, &snap.analysis.article);
            if !edits.is_empty() {
                let fix = crate::rules::Fix {
                    title: "Convert quotation marks to typographic".into(),
                    edits,
                    preferred: false,
                };
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::from(CONVERT_QUOTES_KIND)),
                    edit: Some(workspace_edit(
                        uri.clone(),
                        snap.doc.version(),
                        convert::text_edits(&snap.doc, &fix.edits, enc),
                        document_changes,
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        for f in &snap.analysis.findings {
            if !want_quickfix || f.span.start > want.end || want.start > f.span.end {
                continue;
            }
            let diag = diagnostic(&snap.doc, &uri, f, enc, &config);
            // The rule's own fixes first, then "ignore in this paragraph / article".
            let article = &snap.analysis.article;
            let markers = [
                crate::rules::suppress::marker_fix(&snap.text, article.format, f),
                crate::rules::suppress::file_marker_fix(&snap.text, article, f),
            ];
            for fix in f.fixes.iter().chain(markers.iter().flatten()) {
                let edit = workspace_edit(
                    uri.clone(),
                    snap.doc.version(),
                    convert::text_edits(&snap.doc, &fix.edits, enc),
                    document_changes,
                );
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(edit),
                    is_preferred: Some(fix.preferred),
                    ..CodeAction::default()
                }));
            }
        }
        Ok(Some(actions))
    }
}

/// The source action that converts every mark of a document to typographic form.
pub const CONVERT_QUOTES_KIND: &str = "source.convertQuotes.copydesk";

/// One document's edits, versioned when the client takes `documentChanges`.
fn workspace_edit(
    uri: Url,
    version: i32,
    edits: Vec<TextEdit>,
    document_changes: bool,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri,
                    version: Some(version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

/// Serve LSP on stdin/stdout until `exit` or the end of stdin.
pub async fn serve_stdio() -> transport::Ended {
    transport::serve(std::io::stdin(), raw_stdout()).await
}

/// Standard output without `Stdout`'s line buffering, which would split every frame into
/// two write(2) calls (the header ends in a newline): a duplicate of fd 1 on Unix.
fn raw_stdout() -> Box<dyn std::io::Write + Send> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        match std::io::stdout().as_fd().try_clone_to_owned() {
            Ok(fd) => return Box::new(std::fs::File::from(fd)),
            Err(e) => warn!("cannot duplicate stdout ({e}); writing through std::io::stdout"),
        }
    }
    Box::new(std::io::stdout())
}
