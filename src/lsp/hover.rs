//! Hover: the dateline's reading and what is known about the entity under the cursor
//! (the Markdown comes from `crate::hover`).

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::{convert, Backend};

impl Backend {
    pub(super) async fn hover_at(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        let Some(snap) = self.snapshot(&pos.text_document.uri).await else {
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
}
