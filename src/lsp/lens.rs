//! `textDocument/codeLens`: over each person's and organization's first reference,
//! `4 mentions · 1 spelling variant` ([`crate::lens`]), answered from the worker's
//! snapshot. The lens runs `copydesk.showReferences` (uri, position), which the editors'
//! shipped clients implement by asking the server's `copydesk.references` command for the
//! mentions' locations — a server-side command, so it works in Neovim as in VS Code.
//!
//! Over each story's headline, its facts ([`crate::facts`]: `412 words · 9 paragraphs ·
//! 3 quotations · 2 people quoted · 2 min read`), counted from the snapshot when asked;
//! the lens runs no command of its own (`copydesk.storyFacts`, which does nothing).
//!
//! Each kind can be turned off in the client settings:
//! `{ "copydesk": { "codeLens": { "mentions": false, "storyFacts": false } } }`.

use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;

use super::{convert, Backend};

/// The client-side command a lens runs (implemented by the shipped editor configs).
pub const SHOW_REFERENCES_COMMAND: &str = "copydesk.showReferences";
/// The server command answering the locations of the mentions at a position.
pub const REFERENCES_COMMAND: &str = "copydesk.references";
/// The command of the story-facts lens: the server's, doing nothing (a lens that shows
/// facts has nothing to run, but a client shows a lens only with a command).
pub const STORY_FACTS_COMMAND: &str = "copydesk.storyFacts";

/// Which lenses to give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LensKinds {
    /// Over first references: mentions and spelling variants.
    pub mentions: bool,
    /// Over headlines: the story's facts.
    pub facts: bool,
}

impl Default for LensKinds {
    fn default() -> LensKinds {
        LensKinds {
            mentions: true,
            facts: true,
        }
    }
}

/// The lens kinds the client settings turn on (both unless turned off).
pub(super) fn kinds_from_settings(value: &Value) -> LensKinds {
    let section = value.get("copydesk").unwrap_or(value);
    let on = |k: &str| {
        section
            .get("codeLens")
            .and_then(|h| h.get(k))
            .and_then(Value::as_bool)
            .unwrap_or(true)
    };
    LensKinds {
        mentions: on("mentions"),
        facts: on("storyFacts"),
    }
}

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
        let kinds = super::store::lock(&self.state).lens_kinds;
        let lines = snap.lines();
        let mut lenses: Vec<CodeLens> = Vec::new();
        if kinds.facts {
            lenses.extend(
                crate::facts::all_facts(&snap.analysis, &snap.text)
                    .into_iter()
                    .map(|f| CodeLens {
                        range: lsp_range(&lines, f.headline, enc),
                        command: Some(Command {
                            title: f.title(),
                            command: STORY_FACTS_COMMAND.into(),
                            arguments: None,
                        }),
                        data: None,
                    }),
            );
        }
        let entities = if kinds.mentions {
            crate::lens::entity_lenses(&snap.analysis)
        } else {
            Vec::new()
        };
        lenses.extend(entities.into_iter().map(|l| {
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
        }));
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
