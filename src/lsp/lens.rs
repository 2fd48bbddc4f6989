//! `textDocument/codeLens`: over each person's and organization's first reference,
//! `4 mentions · 1 spelling variant` ([`crate::lens`]), answered from the worker's
//! snapshot. The lens runs `copydesk.showReferences` (uri, position), which the editors'
//! shipped clients implement by asking the server's `copydesk.references` command for the
//! mentions' locations — a server-side command, so it works in Neovim as in VS Code.

use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;

use super::{convert, Backend};

/// The client-side command a lens runs (implemented by the shipped editor configs).
pub const SHOW_REFERENCES_COMMAND: &str = "copydesk.showReferences";
/// The server command answering the locations of the mentions at a position.
pub const REFERENCES_COMMAND: &str = "copydesk.references";

impl Backend {
    pub(super) async fn code_lenses(
        &self,
        params: CodeLensParams,
    ) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri).await else {
            return Ok(None);
        };
        let enc = self.encoding();
        let lines = snap.lines();
        let lenses = crate::lens::entity_lenses(&snap.analysis)
            .into_iter()
            .map(|l| {
                let range = lsp_range(&lines, l.span, enc);
                CodeLens {
                    range,
                    command: Some(Command {
                        title: l.title(),
                        command: SHOW_REFERENCES_COMMAND.into(),
                        arguments: Some(vec![json!(uri), json!(range.start)]),
                    }),
                    data: None,
                }
            })
            .collect();
        Ok(Some(lenses))
    }

    /// `copydesk.references` (uri, position): every mention of the entity there.
    pub(super) async fn reference_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<Value>> {
        let mut args = params.arguments.into_iter();
        let uri = args
            .next()
            .and_then(|v| serde_json::from_value::<Url>(v).ok());
        let pos = args
            .next()
            .and_then(|v| serde_json::from_value::<Position>(v).ok());
        let (Some(uri), Some(pos)) = (uri, pos) else {
            return Err(Error::invalid_params(
                "copydesk.references takes (uri, position)",
            ));
        };
        let Some(snap) = self.snapshot(&uri).await else {
            return Ok(Some(json!([])));
        };
        let enc = self.encoding();
        let offset = convert::offset(&snap.doc, pos, enc);
        let Some((e, _)) = snap.analysis.entities.entity_at(offset) else {
            return Ok(Some(json!([])));
        };
        let locs: Vec<Location> = e
            .mentions
            .iter()
            .map(|m| convert::location(&snap.doc, &uri, m.span, enc))
            .collect();
        Ok(Some(serde_json::to_value(locs).unwrap_or_default()))
    }
}

fn lsp_range(
    lines: &convert::Lines<'_>,
    span: crate::span::Span,
    enc: crate::text::Encoding,
) -> Range {
    Range::new(
        convert::position(lines, span.start, enc),
        convert::position(lines, span.end, enc),
    )
}
