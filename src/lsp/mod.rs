//! The language server: tower-lsp's `LanguageServer` over copydesk's engine, split by job.
//!
//! - [`store`]: the open documents (edits applied synchronously, in arrival order), their
//!   revisions, and how a request waits for a snapshot;
//! - [`worker`]: the `copydesk-analysis` thread, the only place the engine runs, and the
//!   publisher of diagnostics;
//! - [`settings`]: `copydesk.toml`, client settings, watched files, client capabilities;
//!   [`fs_watch`]: the server's own watcher for them when the client has none;
//! - handlers by feature: [`diagnostics`] (and code actions), [`symbols`] (and folding),
//!   [`hover`], [`navigation`] (definition, references, highlight, rename, workspace
//!   symbols), [`semantic`] (semantic tokens for names);
//! - [`convert`]: the only place byte spans meet protocol positions; [`transport`]: the
//!   stdio loop around tower-lsp's `Server`.
//!
//! This module holds the `Backend`, the service and the `LanguageServer` impl, whose
//! methods only hand over to the modules above.

mod completion;
pub mod convert;
mod diagnostics;
mod fix_all;
mod fs_watch;
mod hover;
mod inlay;
mod lens;
mod names_action;
mod navigation;
mod pull;
mod semantic;
mod settings;
mod store;
mod symbols;
pub mod transport;
mod worker;
mod workspace;

use std::any::Any;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, ClientSocket, LanguageServer, LspService};
use tracing::{error, info, warn};

pub use crate::config::CONFIG_FILE;
pub use diagnostics::CONVERT_QUOTES_KIND;
pub use fix_all::FIX_ALL_KIND;
pub use names_action::ADD_NAME_COMMAND;
pub use store::Snapshot;

use store::{lock, State};
use worker::{Job, Publisher};

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    jobs: mpsc::UnboundedSender<Job>,
    /// Set by `initialized`: from then on the worker writes its publications to the
    /// outbox (when serving stdio), not through tower-lsp's client.
    ready: Arc<AtomicBool>,
}

/// The text of a panic payload, for the log.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
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
        .custom_method("copydesk/debugAnalyses", Backend::debug_analyses)
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
            fragments: Default::default(),
        };
        worker::spawn(publisher, state.clone(), rx);
        Backend {
            client,
            state,
            jobs: tx,
            ready,
        }
    }

    /// `copydesk/debugText`: the document's text and version, or null when it is not open.
    /// The store's text, not a snapshot's: it answers at once, whatever the worker does.
    pub async fn debug_text(&self, params: TextDocumentIdentifier) -> Result<Option<DebugText>> {
        let st = lock(&self.state);
        Ok(st.docs.get(&params.uri).map(|od| DebugText {
            text: od.doc.text(),
            version: od.doc.version(),
        }))
    }

    /// `copydesk/debugAnalyses`: how many analyses the worker ran for the document since
    /// it was opened, or null when it is not open (requests answer from snapshots: asking
    /// for hints, lenses, hover or completion never adds one).
    pub async fn debug_analyses(&self, params: TextDocumentIdentifier) -> Result<Option<u64>> {
        Ok(lock(&self.state)
            .docs
            .get(&params.uri)
            .map(|od| od.analyses))
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

    fn encoding(&self) -> crate::text::Encoding {
        lock(&self.state).encoding
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = settings::negotiate_encoding(&params);
        self.configure(&params, encoding);
        let pulls = lock(&self.state).pull_diagnostics;
        self.remember_workspace(&params);
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
                            CodeActionKind::from(FIX_ALL_KIND),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![
                        ADD_NAME_COMMAND.into(),
                        lens::REFERENCES_COMMAND.into(),
                        lens::STORY_FACTS_COMMAND.into(),
                    ],
                    ..ExecuteCommandOptions::default()
                }),
                diagnostic_provider: pulls.then(pull::capability),
                completion_provider: Some(CompletionOptions::default()),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: convert::semantic_legend(),
                            range: Some(true),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            ..SemanticTokensOptions::default()
                        },
                    ),
                ),
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
        // The server watches its few configuration files itself, whatever the client:
        // Neovim on Linux cannot watch for it, and a client's watcher may take most of a
        // second to report a save. A client that can watch is asked to as well (a reload
        // it triggers after ours finds nothing new).
        fs_watch::spawn(self.reloader());
        self.watch_config_files().await;
        self.start_indexing();
    }

    async fn shutdown(&self) -> Result<()> {
        info!("shutdown requested");
        Ok(())
    }

    // Notifications that change a document: applied synchronously (no `.await`).

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.open_document(params);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.change_document(params);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.close_document(params);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.change_configuration(params).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.stories_changed(&params);
        self.watched_files_changed(params);
    }

    // Requests: each waits for the snapshot of the state it was made at.

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.document_symbols(params).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.folding_ranges(params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.hover_at(params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        self.definition(params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.references_to(params).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        self.highlights(params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.prepare_rename_at(params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.rename_entity(params).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        self.workspace_symbols(params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.code_actions(params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        self.complete(params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.code_lenses(params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.inlay_hints(params).await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        self.pull_diagnostics(params).await
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        match params.command.as_str() {
            ADD_NAME_COMMAND => self.add_name(params).await,
            lens::REFERENCES_COMMAND => self.reference_command(params).await,
            lens::STORY_FACTS_COMMAND => Ok(None),
            other => Err(tower_lsp::jsonrpc::Error::invalid_params(format!(
                "unknown command {other}"
            ))),
        }
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let data = self
            .semantic_tokens(&params.text_document.uri, None)
            .await?;
        Ok(data.map(|data| {
            SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            })
        }))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let data = self
            .semantic_tokens(&params.text_document.uri, Some(params.range))
            .await?;
        Ok(data.map(|data| {
            SemanticTokensRangeResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            })
        }))
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
