//! `textDocument/inlayHint`: the hints of [`crate::hints`] (full name after a far or
//! ambiguous surname reference; country after a dateline place), answered from the
//! worker's snapshot. Each kind can be turned off in the client settings:
//! `{ "copydesk": { "inlayHints": { "names": false, "places": false } } }`.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::store::lock;
use super::{convert, Backend};
use crate::hints::{HintKind, HintKinds};

/// The hint kinds the client settings turn on (both unless turned off).
pub(super) fn kinds_from_settings(value: &serde_json::Value) -> HintKinds {
    let section = value.get("copydesk").unwrap_or(value);
    let on = |k: &str| {
        section
            .get("inlayHints")
            .and_then(|h| h.get(k))
            .and_then(|v| v.as_bool())
            .unwrap_or(true)
    };
    HintKinds {
        names: on("names"),
        places: on("places"),
    }
}

impl Backend {
    pub(super) async fn inlay_hints(
        &self,
        params: InlayHintParams,
    ) -> Result<Option<Vec<InlayHint>>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let (enc, kinds) = {
            let st = lock(&self.state);
            (st.encoding, st.hint_kinds)
        };
        let within = convert::span(&snap.doc, params.range, enc);
        let lines = snap.lines();
        let hints = crate::hints::hints(&snap.analysis, &snap.text, within, kinds)
            .into_iter()
            .map(|h| InlayHint {
                position: convert::position(&lines, h.at, enc),
                label: InlayHintLabel::String(match h.kind {
                    HintKind::FullName => h.label,
                    HintKind::Place => format!("· {}", h.label),
                }),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.tooltip,
                })),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect();
        Ok(Some(hints))
    }
}
