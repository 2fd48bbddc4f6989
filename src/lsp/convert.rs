//! Conversion between engine types (byte spans, findings, symbols) and LSP types.
//! The only place where byte offsets meet protocol positions.

use tower_lsp::lsp_types as lsp;

use crate::entities::EntityKind;
use crate::outline::{Symbol, SymbolKind};
use crate::rules::{Finding, Severity};
use crate::span::Span;
use crate::text::{Document, Encoding, LineIndex, Position};

/// Something that turns byte offsets into positions: a [`Document`] (walks its rope) or
/// [`Lines`] (a snapshot's text with its line index; cheaper for many offsets).
pub trait Positions {
    fn position_at(&self, offset: usize, enc: Encoding) -> Position;
}

impl Positions for Document {
    fn position_at(&self, offset: usize, enc: Encoding) -> Position {
        self.position(offset, enc)
    }
}

/// A text and the line index built from it.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
}

impl Positions for Lines<'_> {
    fn position_at(&self, offset: usize, enc: Encoding) -> Position {
        self.index.position(self.text, offset, enc)
    }
}

pub fn position(doc: &(impl Positions + ?Sized), offset: usize, enc: Encoding) -> lsp::Position {
    let p = doc.position_at(offset, enc);
    lsp::Position::new(p.line, p.column)
}

pub fn range(doc: &(impl Positions + ?Sized), span: Span, enc: Encoding) -> lsp::Range {
    lsp::Range::new(position(doc, span.start, enc), position(doc, span.end, enc))
}

pub fn text_position(p: lsp::Position) -> Position {
    Position::new(p.line, p.character)
}

pub fn offset(doc: &Document, p: lsp::Position, enc: Encoding) -> usize {
    doc.offset(text_position(p), enc).0
}

pub fn span(doc: &Document, r: lsp::Range, enc: Encoding) -> Span {
    let a = offset(doc, r.start, enc);
    let b = offset(doc, r.end, enc);
    Span::new(a.min(b), a.max(b))
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(
    doc: &(impl Positions + ?Sized),
    uri: &lsp::Url,
    f: &Finding,
    enc: Encoding,
) -> lsp::Diagnostic {
    let related = (!f.related.is_empty()).then(|| {
        f.related
            .iter()
            .map(|r| lsp::DiagnosticRelatedInformation {
                location: match r.file.as_deref().and_then(|p| file_location(p, enc)) {
                    Some(loc) => loc,
                    None => lsp::Location::new(uri.clone(), range(doc, r.span, enc)),
                },
                message: r.message.clone(),
            })
            .collect()
    });
    lsp::Diagnostic {
        range: range(doc, f.span, enc),
        severity: Some(severity(f.severity)),
        code: Some(lsp::NumberOrString::String(f.code.to_string())),
        code_description: None,
        source: Some("copydesk".into()),
        message: f.message.clone(),
        related_information: related,
        tags: None,
        data: None,
    }
}

fn symbol_kind(k: SymbolKind) -> lsp::SymbolKind {
    match k {
        SymbolKind::Article => lsp::SymbolKind::FILE,
        SymbolKind::Lede => lsp::SymbolKind::STRING,
        SymbolKind::Section => lsp::SymbolKind::STRING,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be given.
pub fn document_symbol(doc: &Document, s: &Symbol, enc: Encoding) -> lsp::DocumentSymbol {
    let range = range(doc, s.span, enc);
    let mut selection = self::range(doc, s.selection, enc);
    // The protocol requires the selection inside the range.
    if selection.start < range.start || selection.end > range.end {
        selection = lsp::Range::new(range.start, range.start);
    }
    lsp::DocumentSymbol {
        name: if s.name.trim().is_empty() {
            "(untitled)".into()
        } else {
            s.name.clone()
        },
        detail: s.detail.clone(),
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: Some(
            s.children
                .iter()
                .map(|c| document_symbol(doc, c, enc))
                .collect(),
        ),
    }
}

pub fn location(doc: &Document, uri: &lsp::Url, span: Span, enc: Encoding) -> lsp::Location {
    lsp::Location::new(uri.clone(), range(doc, span, enc))
}

/// How entities show in symbol lists: people as objects, places as namespaces,
/// organizations as structs, other names as constants.
pub fn entity_symbol_kind(k: EntityKind) -> lsp::SymbolKind {
    match k {
        EntityKind::Person => lsp::SymbolKind::OBJECT,
        EntityKind::Place => lsp::SymbolKind::NAMESPACE,
        EntityKind::Organization => lsp::SymbolKind::STRUCT,
        EntityKind::Other => lsp::SymbolKind::CONSTANT,
    }
}

/// Section symbols (flattened) for workspace symbols.
pub fn section_kind() -> lsp::SymbolKind {
    symbol_kind(SymbolKind::Section)
}

pub fn text_edits(
    doc: &Document,
    edits: &[crate::rules::Edit],
    enc: Encoding,
) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|e| lsp::TextEdit::new(range(doc, e.span, enc), e.replacement.clone()))
        .collect()
}

/// A position kept in every unit ([`crate::finding::LineCol`]), in the negotiated one.
pub fn line_col(p: crate::finding::LineCol, enc: Encoding) -> lsp::Position {
    let character = match enc {
        Encoding::Utf8 => p.utf8,
        Encoding::Utf16 => p.utf16,
        Encoding::Utf32 => p.chars,
    };
    lsp::Position::new(p.line, character)
}

/// A place in another file, as a location (`None` when its path is not absolute).
pub fn file_location(place: &crate::finding::FilePlace, enc: Encoding) -> Option<lsp::Location> {
    let uri = lsp::Url::from_file_path(&place.path).ok()?;
    Some(lsp::Location::new(
        uri,
        lsp::Range::new(line_col(place.start, enc), line_col(place.end, enc)),
    ))
}
