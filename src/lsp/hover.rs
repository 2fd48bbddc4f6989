//! Hover: the dateline's reading and what is known about the entity under the cursor
//! (the Markdown comes from `crate::hover`); on a headline, the story's facts
//! ([`crate::facts`], counted from the snapshot when asked), before anything else.

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
        // On a name: the other stories of the folder that name it too.
        let elsewhere = snap
            .analysis
            .entities
            .entity_at(offset)
            .and_then(|(e, _)| self.hover_elsewhere(&pos.text_document.uri, e));
        let facts = crate::facts::facts_at(&snap.analysis, &snap.text, offset);
        let found =
            crate::hover::hover(&snap.analysis, &snap.text, offset).map(|(mut md, span)| {
                md.push_str(elsewhere.as_deref().unwrap_or_default());
                (md, span)
            });
        let (md, span) = match (facts, found) {
            (Some(f), Some((md, span))) => (format!("{}\n\n---\n\n{md}", f.markdown()), span),
            (Some(f), None) => (f.markdown(), f.headline),
            (None, Some(found)) => found,
            (None, None) => return Ok(None),
        };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: md,
            }),
            range: Some(convert::range(&snap.doc, span, enc)),
        }))
    }
}
