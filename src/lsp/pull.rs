//! Pull diagnostics (`textDocument/diagnostic`): the findings of the snapshot of the state
//! the request was made at, with a `resultId` naming that state, so a document that has
//! not changed (same revision, same configuration) answers `unchanged`.
//!
//! Announced only to a client that can pull (`textDocument.diagnostic`) and can be told to
//! pull again (`workspace.diagnostics.refreshSupport`: the findings also change when the
//! configuration or the names file does). Such a client gets no pushed diagnostics for
//! its documents; every other client gets them pushed, as before. Never both for one
//! client. The configuration file's and the desk rule sheets' own diagnostics are pushed
//! in both cases: they are not documents the client has open and could pull.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::store::{lock, Key, State};
use super::{diagnostics, Backend};

/// Does the client take pull diagnostics (and their refresh)?
pub(super) fn client_pulls(params: &InitializeParams) -> bool {
    let caps = &params.capabilities;
    let can_pull = caps
        .text_document
        .as_ref()
        .is_some_and(|t| t.diagnostic.is_some());
    let can_refresh = caps
        .workspace
        .as_ref()
        .and_then(|w| w.diagnostic.as_ref())
        .and_then(|d| d.refresh_support)
        .unwrap_or(false);
    can_pull && can_refresh
}

/// The server capability, for a client that pulls.
pub(super) fn capability() -> DiagnosticServerCapabilities {
    DiagnosticServerCapabilities::Options(DiagnosticOptions {
        identifier: Some("copydesk".into()),
        inter_file_dependencies: false,
        workspace_diagnostics: false,
        work_done_progress_options: WorkDoneProgressOptions::default(),
    })
}

/// The `resultId` of the diagnostics computed at `key`.
fn result_id(key: Key) -> String {
    format!("{}.{}", key.rev, key.config_gen)
}

impl Backend {
    /// `textDocument/diagnostic`.
    pub(super) async fn pull_diagnostics(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await else {
            // Not open (or closed meanwhile): nothing to report.
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default()),
            ));
        };
        let id = result_id(snap.key);
        if params.previous_result_id.as_deref() == Some(id.as_str()) {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id: id,
                    },
                }),
            ));
        }
        let (enc, config) = {
            let st = lock(&self.state);
            (st.encoding, st.config.clone())
        };
        let items = diagnostics::publication(&snap, &uri, enc, &config);
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(id),
                    items,
                },
            }),
        ))
    }
}

/// After the configuration was read again (by a handler or the server's file watcher,
/// on any thread): ask a client that pulls diagnostics to pull again, and one that shows
/// inlay hints and takes refreshes to ask for them again.
#[derive(Clone)]
pub(super) struct Refresher {
    pub client: tower_lsp::Client,
    pub runtime: tokio::runtime::Handle,
    /// The client is initialized (nothing may be asked before).
    pub ready: Arc<AtomicBool>,
}

impl Refresher {
    pub fn after_reload(&self, state: &Mutex<State>) {
        if !self.ready.load(Ordering::Acquire) {
            return;
        }
        let (pulls, hints, lenses) = {
            let st = lock(state);
            (st.pull_diagnostics, st.inlay_refresh, st.lens_refresh)
        };
        let client = self.client.clone();
        if pulls || hints || lenses {
            self.runtime.spawn(async move {
                if pulls {
                    if let Err(e) = client.workspace_diagnostic_refresh().await {
                        tracing::warn!("workspace/diagnostic/refresh failed: {e}");
                    }
                }
                if hints {
                    if let Err(e) = client.inlay_hint_refresh().await {
                        tracing::debug!("workspace/inlayHint/refresh failed: {e}");
                    }
                }
                // The lens settings (codeLens.*) may have changed.
                if lenses {
                    if let Err(e) = client.code_lens_refresh().await {
                        tracing::debug!("workspace/codeLens/refresh failed: {e}");
                    }
                }
            });
        }
    }
}
