//! The engine's one entry point: `analyze(text, format, &config) -> Analysis`.

use crate::article::{self, quotes, Article, Format};
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
    // The house style follows from the dateline credit (unless configured); the quotation
    // marks are paired once, with the settings that style calls for.
    let mut style = Style::Generic;
    let article = article::parse_with(text, format, |article| {
        style = house_style(text, article, config);
        quote_settings(config, style)
    });
    let mut entities =
        entities::extract_reusing(text, &article, &config.names, &mut reuse.entities);
    let cx = Context {
        text,
        article: &article,
        style,
        config,
        entities: &entities,
    };
    let levels = rules::levels(config);
    let mut findings = Vec::new();
    for (rule, level) in rules::all().iter().zip(&levels) {
        if level.is_some() {
            rule.check(&cx, &mut findings);
        }
    }
    // The desk's own rules (rule sheets), at their configured severities.
    crate::sheets::check(&cx, &mut findings);
    // The words were for the rules; an open document's snapshot need not keep them.
    entities.tokens = Default::default();
    rules::suppress::apply(text, &article, config, &mut findings);
    rules::apply_levels(&levels, &mut findings);
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

/// The house style: configured, else the one whose agency wrote the dateline credit, else
/// generic.
fn house_style(text: &str, article: &Article, config: &Config) -> Style {
    match config.style {
        Some(s) => s,
        None => article
            .dateline()
            .and_then(|d| d.credit)
            .and_then(|c| Style::from_credit(c.agency.text(text)))
            .unwrap_or(Style::Generic),
    }
}

/// How to read the quotation marks of an article in `style` under `config`.
fn quote_settings(config: &Config, style: Style) -> quotes::Settings {
    quotes::Settings {
        nesting: config.quotes.nesting.unwrap_or_default(),
        headline_singles: matches!(style, Style::Ap | Style::Upi),
    }
}
