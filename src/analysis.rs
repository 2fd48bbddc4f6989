//! The engine's one entry point: `analyze(text, format, &config) -> Analysis`.

use crate::article::{self, Article, Format};
use crate::config::{Config, Style};
use crate::entities::{self, Entities};
use crate::outline::{self, Symbol};
use crate::rules::{self, Context, Finding};

/// Everything the editor and the command line are told about one text.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub article: Article,
    /// Sorted by position, then code.
    pub findings: Vec<Finding>,
    pub outline: Vec<Symbol>,
    /// People, places, organizations and other names, with every mention.
    pub entities: Entities,
    /// The house style the article was checked against.
    pub style: Style,
}

/// Work kept from one analysis of a document to the next (the language server keeps one
/// per open document): the per-paragraph work of the entity pass, keyed by paragraph
/// text, so an edit re-reads the paragraphs it changed. The result is the same as
/// [`analyze`]'s; only the time differs.
#[derive(Default)]
pub struct Reuse {
    entities: entities::Reuse,
}

pub fn analyze(text: &str, format: Format, config: &Config) -> Analysis {
    analyze_reusing(
        text,
        format,
        config,
        &mut Reuse {
            entities: entities::Reuse::once(),
        },
    )
}

/// [`analyze`], reusing what `reuse` kept from the last analysis of the same document.
pub fn analyze_reusing(text: &str, format: Format, config: &Config, reuse: &mut Reuse) -> Analysis {
    // Quotation marks are paired once, below, when the house style is known.
    let mut article = article::parse_structure(text, format);
    let style = match config.style {
        Some(s) => s,
        None => article
            .dateline()
            .and_then(|d| d.credit)
            .and_then(|c| Style::from_credit(c.agency.text(text)))
            .unwrap_or(Style::Generic),
    };
    article::quotes::scan_for_style(text, &mut article, config, style);
    let mut entities =
        entities::extract_reusing(text, &article, &config.names, &mut reuse.entities);
    let cx = Context {
        text,
        article: &article,
        style,
        config,
        entities: &entities,
    };
    let mut findings = Vec::new();
    for rule in rules::all() {
        let meta = rule.meta();
        let Some(severity) = config.severity(meta.code, meta.default_severity) else {
            continue;
        };
        let from = findings.len();
        rule.check(&cx, &mut findings);
        for f in &mut findings[from..] {
            f.severity = severity;
        }
    }
    // The desk's own rules (rule sheets), at their configured severities.
    crate::sheets::check(&cx, &mut findings);
    // The words were for the rules; an open document's snapshot need not keep them.
    entities.tokens = Default::default();
    rules::suppress::apply(text, &article, config, &mut findings);
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
    let outline = outline::outline(text, &article);
    Analysis {
        article,
        findings,
        outline,
        entities,
        style,
    }
}
