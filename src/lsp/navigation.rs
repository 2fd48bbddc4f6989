//! Navigation over entities: definition (the first reference), references, document
//! highlight, prepareRename and rename, and workspace symbols (every open document's
//! entities and sections).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::diagnostics::workspace_edit;
use super::store::{lock, Pending, Snapshot};
use super::{convert, Backend};
use crate::text::Encoding;

impl Backend {
    /// The entity under a position: the snapshot, the encoding, the entity's id and the
    /// index of the mention under the cursor.
    async fn entity_at(
        &self,
        pos: &TextDocumentPositionParams,
    ) -> Option<(Arc<Snapshot>, Encoding, usize, usize)> {
        let snap = self.snapshot(&pos.text_document.uri).await?;
        let enc = self.encoding();
        let offset = convert::offset(&snap.doc, pos.position, enc);
        let (e, m) = snap.analysis.entities.entity_at(offset)?;
        let (id, mi) = (e.id, e.mentions.iter().position(|x| x == m)?);
        Some((snap, enc, id, mi))
    }

    pub(super) async fn definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        let Some((snap, enc, id, _)) = self.entity_at(&pos).await else {
            return Ok(None);
        };
        let Some(entity) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        // Introduced in an earlier story of the folder: there.
        if let Some(loc) = self.definition_elsewhere(&pos.text_document.uri, entity) {
            return Ok(Some(GotoDefinitionResponse::Scalar(loc)));
        }
        let Some(first) = entity.first_mention() else {
            return Ok(None);
        };
        let loc = convert::location(&snap.doc, &pos.text_document.uri, first.span, enc);
        Ok(Some(GotoDefinitionResponse::Scalar(loc)))
    }

    pub(super) async fn references_to(
        &self,
        params: ReferenceParams,
    ) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let Some((snap, enc, id, _)) = self.entity_at(&pos).await else {
            return Ok(None);
        };
        let Some(e) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        let first = e.first_mention().map(|m| m.span);
        let uri = &pos.text_document.uri;
        let mut locs: Vec<Location> = e
            .mentions
            .iter()
            .filter(|m| params.context.include_declaration || Some(m.span) != first)
            .map(|m| convert::location(&snap.doc, uri, m.span, enc))
            .collect();
        locs.extend(self.references_elsewhere(uri, e));
        Ok(Some(locs))
    }

    pub(super) async fn highlights(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let pos = params.text_document_position_params;
        let Some((snap, enc, id, _)) = self.entity_at(&pos).await else {
            return Ok(None);
        };
        let Some(e) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        let first = e.first_mention().map(|m| m.span);
        let highlights = e
            .mentions
            .iter()
            .map(|m| DocumentHighlight {
                range: convert::range(&snap.doc, m.span, enc),
                // The first reference "defines" the name; the rest read it.
                kind: Some(if Some(m.span) == first {
                    DocumentHighlightKind::WRITE
                } else {
                    DocumentHighlightKind::READ
                }),
            })
            .collect();
        Ok(Some(highlights))
    }

    pub(super) async fn prepare_rename_at(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some((snap, enc, id, mi)) = self.entity_at(&params).await else {
            return Ok(None);
        };
        let Some(m) = snap
            .analysis
            .entities
            .get(id)
            .and_then(|e| e.mentions.get(mi))
        else {
            return Ok(None);
        };
        Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
            range: convert::range(&snap.doc, m.span, enc),
            placeholder: m.span.text(&snap.text).to_string(),
        }))
    }

    pub(super) async fn rename_entity(
        &self,
        params: RenameParams,
    ) -> Result<Option<WorkspaceEdit>> {
        let pos = params.text_document_position;
        let new_name = params.new_name.trim();
        if new_name.is_empty() || new_name.contains(['\n', '\r']) {
            return Err(tower_lsp::jsonrpc::Error::invalid_params(
                "a name must be non-empty and on one line",
            ));
        }
        let Some((snap, enc, id, mi)) = self.entity_at(&pos).await else {
            return Ok(None);
        };
        let Some(e) = snap.analysis.entities.get(id) else {
            return Ok(None);
        };
        let Some(form) = e.mentions.get(mi).map(|m| m.form) else {
            return Ok(None);
        };
        let edits = crate::entities::rename_from(e, form, &snap.text, new_name);
        let edits = convert::text_edits(&snap.doc, &edits, enc);
        let uri = pos.text_document.uri;
        let document_changes = lock(&self.state).document_changes;
        Ok(Some(workspace_edit(
            uri,
            snap.doc.version(),
            edits,
            document_changes,
        )))
    }

    #[allow(deprecated)] // `SymbolInformation::deprecated` must still be given.
    pub(super) async fn workspace_symbols(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        let query = params.query.to_lowercase();
        // The stories not open, from the workspace index.
        let indexed = self.index_symbols(&params.query);
        // Every open document as of this request, in order; each one's snapshot is
        // awaited (the worker may still be analysing it), a document closed meanwhile
        // is left out.
        let pending: Vec<Pending> = {
            let st = lock(&self.state);
            let mut uris: Vec<&Url> = st.docs.keys().collect();
            uris.sort();
            uris.into_iter()
                .filter_map(|u| Pending::subscribe(&st, u))
                .collect()
        };
        let enc = self.encoding();
        let mut out = Vec::new();
        for p in pending {
            let uri = p.uri().clone();
            let Some(snap) = p.wait().await else {
                continue;
            };
            let container = uri
                .path_segments()
                .and_then(|mut s| s.next_back())
                .map(str::to_string);
            let mut push = |name: String, kind: SymbolKind, span| {
                if query.is_empty() || name.to_lowercase().contains(&query) {
                    out.push(SymbolInformation {
                        name,
                        kind,
                        tags: None,
                        deprecated: None,
                        location: convert::location(&snap.doc, &uri, span, enc),
                        container_name: container.clone(),
                    });
                }
            };
            for e in snap.analysis.entities.iter() {
                if let Some(m) = e.first_mention() {
                    push(
                        e.canonical.clone(),
                        convert::entity_symbol_kind(e.kind),
                        m.span,
                    );
                }
            }
            for s in snap
                .analysis
                .article
                .all_stories()
                .flat_map(|story| story.sections.iter())
            {
                let title = s.title.text(&snap.text).trim().to_string();
                push(title, convert::section_kind(), s.heading);
            }
        }
        out.extend(indexed);
        Ok(Some(out))
    }
}
