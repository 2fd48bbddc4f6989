//! The language server: tower-lsp handlers over a store of open documents.
//!
//! Ordering: every notification that changes a document applies it synchronously, under
//! the store's `std::sync::Mutex`, before its handler's first `.await` (it has none), so
//! edits apply in arrival order. Analysis and publishing happen on one worker task fed
//! by a channel, so diagnostics go out in order, each with the version it was computed for,
//! and a result is dropped when a newer edit has already arrived.

pub mod convert;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::mpsc;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};
use tracing::{error, info, warn};

use crate::analysis::{analyze, Analysis};
use crate::article::Format;
use crate::config::{Config, ConfigError};
use crate::text::{Change, Document, Encoding};

/// One analysed version of a document, with the text and rope it was computed from.
pub struct Snapshot {
    pub doc: Document,
    pub text: String,
    pub analysis: Analysis,
    /// `(edit counter, config generation)` the snapshot was made for.
    key: (u64, u64),
}

struct OpenDoc {
    doc: Document,
    format: Format,
    /// Bumped by every change, whatever version the client claims.
    rev: u64,
    snapshot: Option<Arc<Snapshot>>,
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
    document_changes: bool,
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
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves the data usable: every mutation is a whole edit.
    state.lock().unwrap_or_else(|p| p.into_inner())
}

pub const CONFIG_FILE: &str = "copydesk.toml";

impl Backend {
    pub fn new(client: Client) -> Backend {
        let (tx, rx) = mpsc::unbounded_channel();
        let state = Arc::new(Mutex::new(State::default()));
        tokio::spawn(worker(client.clone(), state.clone(), rx));
        Backend {
            client,
            state,
            jobs: tx,
        }
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

    fn apply_settings(&self, value: &serde_json::Value) {
        match Config::from_json(value) {
            Ok(settings) => {
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

/// Read `copydesk.toml` in `root`: the config, and the file's text with the error if it is bad.
fn read_config_file(root: &Path) -> (Config, Option<(String, ConfigError)>) {
    let path = root.join(CONFIG_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => match Config::from_toml(&text) {
            Ok(c) => (c, None),
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
    let (doc, format, config, key) = {
        let st = lock(state);
        let od = st.docs.get(uri)?;
        let key = (od.rev, st.config_gen);
        if let Some(s) = &od.snapshot {
            if s.key == key {
                return Some(s.clone());
            }
        }
        (od.doc.clone(), od.format, st.config.clone(), key)
    };
    let text = doc.text();
    let analysis = catch_unwind(AssertUnwindSafe(|| analyze(&text, format, &config)))
        .unwrap_or_else(|_| {
            error!("analysis panicked on {uri}; publishing no findings for this version");
            analyze("", format, &Config::default())
        });
    let snap = Arc::new(Snapshot {
        doc,
        text,
        analysis,
        key,
    });
    let mut st = lock(state);
    let gen = st.config_gen;
    if let Some(od) = st.docs.get_mut(uri) {
        if (od.rev, gen) == key {
            od.snapshot = Some(snap.clone());
        }
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

async fn worker(client: Client, state: Arc<Mutex<State>>, mut rx: mpsc::UnboundedReceiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while let Ok(job) = rx.try_recv() {
            batch.push(job);
        }
        for i in 0..batch.len() {
            // Only the last job for a document in a burst matters.
            if batch[i + 1..].iter().any(|j| j.uri() == batch[i].uri()) {
                continue;
            }
            match &batch[i] {
                Job::Analyze(uri) => {
                    let Some(snap) = snapshot(&state, uri) else {
                        continue;
                    };
                    if !is_current(&state, uri, snap.key) {
                        continue; // a newer edit is queued behind us
                    }
                    let enc = lock(&state).encoding;
                    let diags = snap
                        .analysis
                        .findings
                        .iter()
                        .map(|f| convert::diagnostic(&snap.doc, uri, f, enc))
                        .collect();
                    client
                        .publish_diagnostics(uri.clone(), diags, Some(snap.doc.version()))
                        .await;
                }
                Job::Clear(uri) => client.publish_diagnostics(uri.clone(), vec![], None).await,
                Job::ConfigError(uri, err) => {
                    let diags = match err {
                        None => vec![],
                        Some((text, e)) => {
                            let doc = Document::new(text, 0);
                            let enc = lock(&state).encoding;
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
                    client.publish_diagnostics(uri.clone(), diags, None).await;
                }
            }
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

    async fn shutdown(&self) -> Result<()> {
        info!("shutdown requested");
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let format = format_of(&td.uri, &td.language_id);
        {
            let mut st = lock(&self.state);
            let rev = st.docs.get(&td.uri).map_or(0, |d| d.rev + 1);
            st.docs.insert(
                td.uri.clone(),
                OpenDoc {
                    doc: Document::new(&td.text, td.version),
                    format,
                    rev,
                    snapshot: None,
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
                if od.doc.apply(&change, enc).0 {
                    warn!("didChange for {uri}: a position outside the document was clamped");
                }
            }
            od.doc.set_version(version);
            od.rev += 1;
        }
        self.send(Job::Analyze(uri));
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state).docs.remove(&uri);
        self.send(Job::Clear(uri));
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.apply_settings(&params.settings);
        self.reload_config();
    }

    async fn did_change_watched_files(&self, _params: DidChangeWatchedFilesParams) {
        self.reload_config();
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
        let (enc, document_changes) = {
            let st = lock(&self.state);
            (st.encoding, st.document_changes)
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
                    edit: Some(workspace_edit(&snap, &uri, &fix, enc, document_changes)),
                    ..CodeAction::default()
                }));
            }
        }
        for f in &snap.analysis.findings {
            if !want_quickfix
                || f.fixes.is_empty()
                || f.span.start > want.end
                || want.start > f.span.end
            {
                continue;
            }
            let diag = convert::diagnostic(&snap.doc, &uri, f, enc);
            for fix in &f.fixes {
                let edits: Vec<TextEdit> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        TextEdit::new(
                            convert::range(&snap.doc, e.span, enc),
                            e.replacement.clone(),
                        )
                    })
                    .collect();
                let edit = if document_changes {
                    WorkspaceEdit {
                        document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                            text_document: OptionalVersionedTextDocumentIdentifier {
                                uri: uri.clone(),
                                version: Some(snap.doc.version()),
                            },
                            edits: edits.into_iter().map(OneOf::Left).collect(),
                        }])),
                        ..WorkspaceEdit::default()
                    }
                } else {
                    WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }
                };
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

/// A fix's edits as a workspace edit on one document.
fn workspace_edit(
    snap: &Snapshot,
    uri: &Url,
    fix: &crate::rules::Fix,
    enc: Encoding,
    document_changes: bool,
) -> WorkspaceEdit {
    let edits: Vec<TextEdit> = fix
        .edits
        .iter()
        .map(|e| {
            TextEdit::new(
                convert::range(&snap.doc, e.span, enc),
                e.replacement.clone(),
            )
        })
        .collect();
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(snap.doc.version()),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

/// Serve LSP on stdin/stdout until `exit` or the end of stdin.
pub async fn serve_stdio() {
    let (service, socket) = LspService::new(Backend::new);
    Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
}
