//! Document symbols (the article's outline) and folding ranges.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::{convert, Backend};

impl Backend {
    pub(super) async fn document_symbols(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let enc = self.encoding();
        let symbols = snap
            .analysis
            .outline
            .iter()
            .map(|s| convert::document_symbol(&snap.doc, s, enc))
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    pub(super) async fn folding_ranges(
        &self,
        params: FoldingRangeParams,
    ) -> Result<Option<Vec<FoldingRange>>> {
        let Some(snap) = self.snapshot(&params.text_document.uri).await else {
            return Ok(None);
        };
        let enc = self.encoding();
        let ranges = crate::outline::folding(&snap.analysis.article)
            .into_iter()
            .map(|span| convert::range(&snap.doc, span, enc))
            .filter(|r| r.end.line > r.start.line)
            .map(|r| FoldingRange {
                start_line: r.start.line,
                end_line: r.end.line,
                kind: Some(FoldingRangeKind::Region),
                ..FoldingRange::default()
            })
            .collect();
        Ok(Some(ranges))
    }
}
