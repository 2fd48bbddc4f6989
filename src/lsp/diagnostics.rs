//! Diagnostics and code actions: the findings of a snapshot as the client sees them, their
//! fixes, the "ignore" markers, and the source action converting quotation marks.

use std::collections::HashMap;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::store::{lock, Snapshot};
use super::{convert, Backend};
use crate::config::Config;
use crate::text::Encoding;

/// The source action that converts every mark of a document to typographic form.
pub const CONVERT_QUOTES_KIND: &str = "source.convertQuotes.copydesk";

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
pub(super) fn publication(
    snap: &Snapshot,
    uri: &Url,
    enc: Encoding,
    config: &Config,
) -> Vec<Diagnostic> {
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

/// One document's edits, versioned when the client takes `documentChanges`.
pub(super) fn workspace_edit(
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

impl Backend {
    pub(super) async fn code_actions(
        &self,
        params: CodeActionParams,
    ) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let wants = |kind: &str| {
            params.context.only.as_ref().map_or(true, |only| {
                only.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let (want_quickfix, want_convert) = (wants("quickfix"), wants(CONVERT_QUOTES_KIND));
        let want_fix_all = wants(super::FIX_ALL_KIND);
        if !want_quickfix && !want_convert && !want_fix_all {
            return Ok(Some(vec![]));
        }
        let Some(snap) = self.snapshot(&uri).await else {
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
        if want_quickfix {
            actions.extend(super::names_action::actions(&snap, want));
        }
        // After the findings' own fixes (which come first).
        if want_fix_all {
            // Edits for the text the request was made at, or none: a document that changed
            // while the request waited gets no fix computed for an older text.
            let current = lock(&self.state).key(&uri).map(|k| k.rev) == Some(snap.key.rev);
            if current {
                actions.extend(super::fix_all::action(&snap, &uri, enc, document_changes));
            }
        }
        Ok(Some(actions))
    }
}
