//! The `source.fixAll.copydesk` code action: every certain fix of the document in one
//! edit ([`crate::fix::certain_fixes`]: preferred fixes only, non-overlapping, in a fixed
//! order), for VS Code's `editor.codeActionsOnSave` and Neovim's
//! `vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' } }, apply = true })`.
//!
//! Answered from the snapshot of the state the request was made at, never recomputing the
//! analysis. A fix that no longer applies is rejected by version twice over: the edit is
//! versioned (`documentChanges`, so the client refuses it when its document moved on),
//! and when the document changed while the request waited, the server offers nothing
//! rather than edits computed for an older text.

use tower_lsp::lsp_types::*;

use super::convert;
use super::diagnostics::workspace_edit;
use super::store::Snapshot;
use crate::text::Encoding;

/// The code action kind of fix-all (under `source.fixAll`, as editors expect).
pub const FIX_ALL_KIND: &str = "source.fixAll.copydesk";

/// The fix-all action for `snap`, or `None` when it has no certain fix.
pub(super) fn action(
    snap: &Snapshot,
    uri: &Url,
    enc: Encoding,
    document_changes: bool,
) -> Option<CodeActionOrCommand> {
    let fixes = crate::fix::certain_fixes(&snap.analysis.findings);
    if fixes.is_empty() {
        return None;
    }
    let edits = convert::text_edits(&snap.doc, &fixes.edits, enc);
    let title = match fixes.fixed {
        1 => "Fix 1 copydesk finding".to_string(),
        n => format!("Fix all {n} copydesk findings"),
    };
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
        edit: Some(workspace_edit(
            uri.clone(),
            snap.doc.version(),
            edits,
            document_changes,
        )),
        ..CodeAction::default()
    }))
}
