//! Semantic tokens: the story's people, places and organizations, for the editor to
//! colour (`textDocument/semanticTokens/full` and `/range`), answered from the snapshot.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::{convert, Backend};

impl Backend {
    pub(super) async fn semantic_tokens(
        &self,
        uri: &Url,
        range: Option<Range>,
    ) -> Result<Option<Vec<SemanticToken>>> {
        let Some(snap) = self.snapshot(uri).await else {
            return Ok(None);
        };
        let enc = self.encoding();
        let within = range.map(|r| convert::span(&snap.doc, r, enc));
        let names = snap.analysis.entities.name_tokens();
        Ok(Some(convert::semantic_tokens(
            snap.lines(),
            &names,
            within,
            enc,
        )))
    }
}
