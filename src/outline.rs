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

/// One part of a story as the parser read it, for `copydesk outline` and its JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// 1-based number of the story in the file.
    pub story: usize,
    /// `story`, `headline`, `kicker`, `front-matter`, `metadata`, `page-date`, `residue`,
    /// `byline`, `dateline`, `lede`, `paragraph`, `section`, `end-mark`, `trailer`.
    pub kind: &'static str,
    pub span: Span,
    /// The metadata or trailer kind, a section's level, why a dateline could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Every part of every story, in text order within each story: what the parser saw.
pub fn structure(text: &str, article: &Article) -> Vec<Part> {
    use crate::article::{DatelineRead, MetaKind};
    let mut out = Vec::new();
    for (n, story) in article.all_stories().enumerate() {
        let n = n + 1;
        let mut parts = Vec::new();
        let mut push = |kind, span, detail: Option<String>| {
            parts.push(Part {
                story: n,
                kind,
                span,
                detail,
            })
        };
        if let Some(h) = &story.headline {
            if let Some(k) = h.kicker {
                push("kicker", k, None);
            }
            push("headline", h.text, None);
        }
        for m in &story.metadata {
            let (kind, detail) = match m.kind {
                MetaKind::FrontMatter => ("front-matter", None),
                MetaKind::PageDate => ("page-date", None),
                MetaKind::Residue => ("residue", None),
                k => ("metadata", Some(format!("{k:?}").to_lowercase())),
            };
            let detail = match (detail, m.date) {
                (d, Some(date)) => Some(format!(
                    "{}date {:04}-{:02}-{:02}",
                    d.map_or(String::new(), |d| format!("{d}, ")),
                    date.year,
                    date.month,
                    date.day
                )),
                (d, None) => d,
            };
            push(kind, m.span, detail);
        }
        if let Some(b) = story.byline {
            push("byline", b, None);
        }
        match &story.dateline_read {
            Some(DatelineRead::Found(d)) => {
                let span = Span::new(
                    d.span.start,
                    d.span.start + d.span.text(text).trim_end().len(),
                );
                push("dateline", span, None)
            }
            Some(DatelineRead::Unparseable { span, reason }) => {
                push("dateline", *span, Some(format!("unreadable: {reason}")))
            }
            _ => {}
        }
        for p in &story.paragraphs {
            let kind = if p.kind == ParagraphKind::Lede {
                "lede"
            } else {
                "paragraph"
            };
            push(kind, p.span, None);
        }
        for s in &story.sections {
            push("section", s.title, Some(format!("level {}", s.level)));
        }
        if let Some(m) = story.end_mark {
            push("end-mark", m, None);
        }
        for t in &story.trailers {
            push(
                "trailer",
                t.span,
                Some(format!("{:?}", t.kind).to_lowercase()),
            );
        }
        parts.sort_by_key(|p| (p.span.start, p.kind != "dateline"));
        out.push(Part {
            story: n,
            kind: "story",
            span: story.span,
            detail: None,
        });
        out.extend(parts);
    }
    out
}

/// [`structure`] as text, one part a line: `LINE:COL kind (detail) «first words»`, each
/// story's parts indented under it. Columns count characters, both 1-based.
pub fn render_structure(text: &str, article: &Article) -> String {
    use std::fmt::Write;
    let doc = crate::text::Document::new(text, 0);
    let mut out = String::new();
    for part in structure(text, article) {
        let pos = doc.position(part.span.start, crate::text::Encoding::Utf32);
        let first_line = part.span.text(text).lines().next().unwrap_or("");
        let mut shown: String = first_line.chars().take(60).collect();
        if first_line.chars().count() > 60 {
            shown.push('…');
        }
        let indent = if part.kind == "story" { "" } else { "  " };
        let detail = part.detail.map_or(String::new(), |d| format!(" ({d})"));
        let _ = if part.kind == "story" {
            writeln!(
                out,
                "story {} at {}:{}{}",
                part.story,
                pos.line + 1,
                pos.column + 1,
                detail
            )
        } else {
            writeln!(
                out,
                "{indent}{}:{} {}{} «{}»",
                pos.line + 1,
                pos.column + 1,
                part.kind,
                detail,
                shown
            )
        };
    }
    out
}
