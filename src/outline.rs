//! The outline (document symbols) and folding ranges of an article.

use serde::Serialize;

use crate::article::{Article, ParagraphKind};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SymbolKind {
    /// The whole story, named by its headline.
    Article,
    /// The lede and the paragraphs before the first subhead.
    Lede,
    /// A section opened by a subhead.
    Section,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole extent.
    pub span: Span,
    /// What to reveal when the symbol is picked (headline, subhead, dateline).
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// One symbol per story (a file may hold several), with the lede and the sections (nested
/// by level) inside it.
pub fn outline(text: &str, article: &Article) -> Vec<Symbol> {
    article
        .all_stories()
        .flat_map(|story| story_outline(text, story))
        .collect()
}

fn story_outline(text: &str, article: &Article) -> Vec<Symbol> {
    let Some(first) = article
        .paragraphs
        .first()
        .map(|p| p.span)
        .or(article.body_or_none())
    else {
        return Vec::new();
    };
    let mut children = Vec::new();
    if let Some(lede) = article
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Lede)
    {
        let end = article
            .paragraphs
            .iter()
            .take_while(|p| p.section.is_none())
            .map(|p| p.span.end)
            .max()
            .unwrap_or(lede.span.end);
        let selection = article.dateline().map_or_else(
            || first_line(text, lede.span),
            |d| {
                if d.span.is_empty() {
                    first_line(text, lede.span)
                } else {
                    d.span.trim_end_of(text)
                }
            },
        );
        children.push(Symbol {
            name: "Lede".into(),
            detail: article
                .dateline()
                .map(|d| d.span.text(text).trim().to_string()),
            kind: SymbolKind::Lede,
            span: Span::new(lede.span.start, end),
            selection,
            children: Vec::new(),
        });
    }
    // Nest sections by level with a stack of open parents.
    let mut stack: Vec<(u8, Symbol)> = Vec::new();
    for s in &article.sections {
        let sym = Symbol {
            name: s.title.text(text).to_string(),
            detail: None,
            kind: SymbolKind::Section,
            span: s.span,
            selection: s.title,
            children: Vec::new(),
        };
        while stack.last().is_some_and(|(lvl, _)| *lvl >= s.level) {
            let (_, done) = stack.pop().expect("checked non-empty");
            attach(&mut stack, &mut children, done);
        }
        stack.push((s.level, sym));
    }
    while let Some((_, done)) = stack.pop() {
        attach(&mut stack, &mut children, done);
    }

    let (name, selection) = match &article.headline {
        Some(h) if !h.text.is_empty() => (h.text.text(text).to_string(), h.text),
        Some(h) => (h.span.text(text).to_string(), h.span),
        None => ("Untitled story".to_string(), first_line(text, first)),
    };
    let start = article
        .headline
        .as_ref()
        .map_or(first.start, |h| h.span.start);
    let end = article
        .end_mark
        .map_or(article.body.end, |m| m.end.max(article.body.end))
        .max(selection.end);
    vec![Symbol {
        name,
        detail: article
            .headline
            .as_ref()
            .and_then(|h| h.kicker)
            .map(|k| k.text(text).trim_end_matches([':', '-']).to_string()),
        kind: SymbolKind::Article,
        span: Span::new(start, end),
        selection,
        children,
    }]
}

fn attach(stack: &mut [(u8, Symbol)], top: &mut Vec<Symbol>, sym: Symbol) {
    match stack.last_mut() {
        Some((_, parent)) => parent.children.push(sym),
        None => top.push(sym),
    }
}

fn first_line(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let n = s.find(['\n', '\r']).unwrap_or(s.len());
    Span::new(span.start, span.start + n)
}

/// Folding ranges: one per section, in every story.
pub fn folding(article: &Article) -> Vec<Span> {
    article
        .all_stories()
        .flat_map(|story| story.sections.iter().map(|s| s.span))
        .collect()
}

trait TrimEnd {
    fn trim_end_of(self, text: &str) -> Span;
}

impl TrimEnd for Span {
    fn trim_end_of(self, text: &str) -> Span {
        let s = self.text(text);
        Span::new(self.start, self.start + s.trim_end().len())
    }
}

impl Article {
    fn body_or_none(&self) -> Option<Span> {
        (!self.body.is_empty()).then_some(self.body)
    }
}
