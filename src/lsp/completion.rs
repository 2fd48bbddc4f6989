//! `textDocument/completion`: names from the story and the names file
//! ([`crate::complete::names_at`]), answered from the worker's snapshot. The entity kind
//! is the item's detail, the first reference its documentation; the item replaces the
//! prefix typed so far.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::store::lock;
use super::{convert, Backend};
use crate::entities::EntityKind;

fn item_kind(kind: EntityKind) -> CompletionItemKind {
    match kind {
        EntityKind::Person => CompletionItemKind::TEXT,
        EntityKind::Place => CompletionItemKind::VALUE,
        EntityKind::Organization => CompletionItemKind::MODULE,
        EntityKind::Other => CompletionItemKind::TEXT,
    }
}

impl Backend {
    pub(super) async fn complete(
        &self,
        params: CompletionParams,
    ) -> Result<Option<CompletionResponse>> {
        let pos = params.text_document_position;
        let Some(snap) = self.snapshot(&pos.text_document.uri).await else {
            return Ok(None);
        };
        let (enc, config) = {
            let st = lock(&self.state);
            (st.encoding, st.config.clone())
        };
        let invoked = params
            .context
            .as_ref()
            .is_some_and(|c| c.trigger_kind == CompletionTriggerKind::INVOKED);
        let offset = convert::offset(&snap.doc, pos.position, enc);
        let Some(found) =
            crate::complete::names_at(&snap.analysis, &snap.text, &config, offset, invoked)
        else {
            return Ok(None);
        };
        let range = convert::range(&snap.doc, found.replace, enc);
        let items = found
            .items
            .into_iter()
            .map(|n| CompletionItem {
                label: n.label.clone(),
                kind: Some(item_kind(n.kind)),
                detail: Some(if n.from_names_file {
                    format!("{} (names file)", n.kind.as_str())
                } else {
                    n.kind.as_str().to_string()
                }),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: n.documentation,
                })),
                filter_text: Some(n.filter),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, n.label))),
                ..CompletionItem::default()
            })
            .collect();
        Ok(Some(CompletionResponse::List(CompletionList {
            is_incomplete: true,
            items,
        })))
    }
}
