//! `textDocument/completion`: names from the story and the names file
//! ([`crate::complete::names_at`]), answered from the worker's snapshot. The entity kind
//! is the item's detail, the first reference its documentation; the item replaces the
//! prefix typed so far.
//!
//! On an empty first body paragraph, the dateline in the house style, and after the last
//! body paragraph the house's end marks and trailers ([`crate::snippets`]): snippets with
//! tab stops for a client that takes them (`completionItem.snippetSupport`), plain text
//! otherwise. The dateline's place is `[dateline] place` of the configuration, else the
//! dateline of the workspace's latest other story, else a placeholder; its date today's
//! in the desk's time zone (`[dateline] timezone`, else the system's) in the house month
//! form.

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
        let snippets = lock(&self.state).snippets;
        let previous = config
            .dateline
            .place
            .is_none()
            .then(|| self.previous_dateline(&pos.text_document.uri))
            .flatten();
        let inputs = crate::snippets::DatelineInputs {
            place: config.dateline.place.as_deref().or(previous.as_deref()),
            today: Some(crate::snippets::today(
                config.dateline.timezone.as_ref().map(|z| z.0.as_str()),
            )),
        };
        let mut items: Vec<CompletionItem> =
            crate::snippets::furniture_at(&snap.analysis, &snap.text, offset, &inputs)
                .map(|f| {
                    let range = convert::range(&snap.doc, f.replace, enc);
                    f.items
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| furniture_item(item, i, range, snippets))
                        .collect()
                })
                .unwrap_or_default();
        let Some(found) =
            crate::complete::names_at(&snap.analysis, &snap.text, &config, offset, invoked)
        else {
            return Ok(
                (!items.is_empty()).then_some(CompletionResponse::List(CompletionList {
                    is_incomplete: true,
                    items,
                })),
            );
        };
        let range = convert::range(&snap.doc, found.replace, enc);
        items.extend(found.items.into_iter().map(|n| CompletionItem {
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
        }));
        Ok(Some(CompletionResponse::List(CompletionList {
            is_incomplete: true,
            items,
        })))
    }
}

/// A dateline, end mark or trailer as a completion item: a snippet when the client takes
/// snippets, plain text otherwise; listed before the names, in the house's order.
fn furniture_item(
    f: crate::snippets::Furniture,
    i: usize,
    range: Range,
    snippets: bool,
) -> CompletionItem {
    let (text, format) = if snippets {
        (f.snippet, InsertTextFormat::SNIPPET)
    } else {
        (f.plain, InsertTextFormat::PLAIN_TEXT)
    };
    CompletionItem {
        label: f.label,
        kind: Some(if snippets {
            CompletionItemKind::SNIPPET
        } else {
            CompletionItemKind::TEXT
        }),
        detail: Some(f.detail),
        sort_text: Some(format!("0{i:02}")),
        // Matched against the typed text: the whole line typed so far.
        filter_text: Some(text.clone()),
        insert_text_format: Some(format),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, text))),
        preselect: Some(i == 0),
        ..CompletionItem::default()
    }
}

impl Backend {
    /// The dateline place of the workspace's latest story other than `uri`'s (by the
    /// index's story order: date, then modification time), for the dateline completion.
    pub(super) fn previous_dateline(&self, uri: &Url) -> Option<String> {
        let shared = lock(&self.state).workspace.clone();
        let path = uri.to_file_path().ok();
        let ix = shared.read();
        ix.stories()
            .map(|(_, s)| s)
            .filter(|s| path.as_deref() != Some(&*s.path))
            .filter(|s| s.dateline.is_some())
            .max_by(|a, b| a.order_key().cmp(&b.order_key()))
            .and_then(|s| s.dateline.as_deref().map(str::to_string))
    }
}
