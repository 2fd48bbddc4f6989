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

/// The semantic token types copydesk reports, in legend order ([`semantic_legend`]).
pub const SEMANTIC_TYPES: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
];

/// The legend: token types `person`, `place`, `organization`; the `declaration` modifier
/// marks an entity's first reference (where the story introduces it).
pub fn semantic_legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: SEMANTIC_TYPES
            .iter()
            .map(|k| lsp::SemanticTokenType::new(k.as_str()))
            .collect(),
        token_modifiers: vec![lsp::SemanticTokenModifier::DECLARATION],
    }
}

/// Names as semantic tokens, relative-encoded as the protocol wants: one token per line
/// a name covers (a name broken across lines gives one per piece), with lengths in the
/// negotiated encoding. `within`: only the names overlapping it (a range request).
pub fn semantic_tokens(
    lines: Lines<'_>,
    names: &[crate::entities::NameToken],
    within: Option<Span>,
    enc: Encoding,
) -> Vec<lsp::SemanticToken> {
    let mut out = Vec::with_capacity(names.len());
    let (mut prev_line, mut prev_col) = (0u32, 0u32);
    for t in names {
        if let Some(w) = within {
            if t.span.end <= w.start || t.span.start >= w.end {
                continue;
            }
        }
        let Some(ty) = SEMANTIC_TYPES.iter().position(|k| *k == t.kind) else {
            continue;
        };
        let first_line = lines.index.line(t.span.start);
        let last_line = lines
            .index
            .line(t.span.end.saturating_sub(1).max(t.span.start));
        for line in first_line..=last_line {
            let content = lines.index.line_span(lines.text, line);
            let piece = Span::new(t.span.start.max(content.start), t.span.end.min(content.end));
            if piece.start >= piece.end {
                continue;
            }
            let a = lines.position_at(piece.start, enc);
            let b = lines.position_at(piece.end, enc);
            let length = b.column.saturating_sub(a.column);
            if length == 0 {
                continue;
            }
            let delta_line = a.line - prev_line;
            let delta_start = if delta_line == 0 {
                a.column - prev_col
            } else {
                a.column
            };
            out.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length,
                token_type: ty as u32,
                token_modifiers_bitset: u32::from(t.first),
            });
            (prev_line, prev_col) = (a.line, a.column);
        }
    }
    out
}

#[cfg(test)]
mod semantic_tests {
    use super::*;
    use crate::entities::NameToken;

    /// A name broken across a `\r\n` gives one token per line, each of its piece's
    /// length in the encoding; columns count UTF-16 units after emoji and CJK.
    #[test]
    fn a_name_across_a_line_break_is_one_token_per_line() {
        let text = "“😀 東京 Aroha\r\nTane” met 北 Kōwhai Trust.";
        let index = LineIndex::new(text);
        let lines = Lines {
            text,
            index: &index,
        };
        let at = |s: &str| text.find(s).unwrap();
        let names = [
            NameToken {
                span: Span::new(at("Aroha"), at("Tane") + 4),
                kind: EntityKind::Person,
                first: true,
            },
            NameToken {
                span: Span::new(at("Kōwhai"), at("Trust") + 5),
                kind: EntityKind::Organization,
                first: false,
            },
        ];
        let got: Vec<[u32; 5]> = semantic_tokens(lines, &names, None, Encoding::Utf16)
            .iter()
            .map(|t| {
                [
                    t.delta_line,
                    t.delta_start,
                    t.length,
                    t.token_type,
                    t.token_modifiers_bitset,
                ]
            })
            .collect();
        // “ 😀 (2 units) space 東京 space: Aroha at column 1+2+1+2+1 = 7.
        assert_eq!(
            got,
            [[0, 7, 5, 0, 1], [1, 0, 4, 0, 1], [0, 12, 12, 2, 0]],
            "`Tane” met 北 ` is 12 UTF-16 units (北 is one) before Kōwhai"
        );
        // Only the second line's names in a range over it.
        let within = Span::new(at("Tane"), text.len());
        let got = semantic_tokens(lines, &names, Some(within), Encoding::Utf8);
        assert_eq!(
            got.len(),
            3,
            "the first name overlaps the range: both its pieces"
        );
    }
}
