//! The article model: `parse(text) -> Article`, byte spans throughout.
//!
//! A dispatch reads, top to bottom: headline (with an optional kicker), metadata lines
//! (web `Source:` lines, slugs, bullets, advisories), a byline, then the body — the lede
//! opening with the dateline, paragraphs, subheads that open sections — then an end mark and
//! trailers. The parser never fails: any text gives an article, perhaps an empty one.

pub mod dateline;
pub mod lines;
pub mod quotes;
pub mod suppress;

use serde::Serialize;

use crate::span::Span;
pub use dateline::{Dateline, DatelineRead};
use lines::{trimmed, Line};
pub use quotes::{Quotation, Quotes};
pub use suppress::{Suppression, SuppressionScope};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Format {
    #[default]
    Plain,
    Markdown,
}

impl Format {
    /// Markdown for `.md`/`.markdown` paths and the `markdown` language id.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// The whole headline line(s), Markdown `#` included.
    pub span: Span,
    /// The headline's words, without `#` or kicker.
    pub text: Span,
    /// `Spotlight:`, `UPDATE 2-`, `ANALYSIS-` ...
    pub kicker: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum MetaKind {
    /// `Source: Xinhua| 2019-09-19 14:05:29|Editor: huaxia` and other `Key: value` lines.
    Field,
    /// `BC-...` or `XXX-YYY/` slugs.
    Slug,
    /// Reuters' `* ` bullet lines above the dateline.
    Bullet,
    /// `(Adds ... in paragraph 3)`.
    Advisory,
    /// Markdown front matter between `---` lines.
    FrontMatter,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetaLine {
    pub span: Span,
    pub kind: MetaKind,
    /// A `YYYY-MM-DD` date found on the line.
    pub date: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ParagraphKind {
    /// The first body paragraph, which carries the dateline.
    Lede,
    Body,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
    /// Index into [`Article::sections`] of the section holding the paragraph.
    pub section: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The subhead line, Markdown `#` included.
    pub heading: Span,
    /// The subhead's words.
    pub title: Span,
    /// 1 for plain-text subheads and `##`, 2 for `###`, ...
    pub level: u8,
    /// From the subhead to the next subhead of the same or a higher level, or the end of the body.
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TrailerKind {
    /// `(Reporting by ...; Editing by ...)`.
    Credits,
    /// `KEY WORDS:` lines.
    Keywords,
    /// Anything after the end mark: pasted web residue.
    Residue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trailer {
    pub span: Span,
    pub kind: TrailerKind,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    pub format: Format,
    pub headline: Option<Headline>,
    pub metadata: Vec<MetaLine>,
    pub byline: Option<Span>,
    /// What the start of the lede turned out to be.
    #[serde(skip)]
    pub dateline_read: Option<DatelineRead>,
    pub paragraphs: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub quotes: Quotes,
    pub end_mark: Option<Span>,
    pub trailers: Vec<Trailer>,
    /// From the lede's start to the end of the last body paragraph.
    pub body: Span,
    /// `copydesk-ignore` marker lines, which are not part of any paragraph.
    pub suppressions: Vec<Suppression>,
}

impl Article {
    pub fn dateline(&self) -> Option<&Dateline> {
        match &self.dateline_read {
            Some(DatelineRead::Found(d)) => Some(d),
            _ => None,
        }
    }

    pub fn lede(&self) -> Option<&Paragraph> {
        self.paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Lede)
    }

    /// The first date found on a metadata line.
    pub fn metadata_date(&self) -> Option<Date> {
        self.metadata.iter().find_map(|m| m.date)
    }
}

const END_MARKS: &[&str] = &[
    "-30-", "###", "END", "ENDS", "XXX", "Reuter", "REUTER", "Enditem", "(END)", "-0-",
];

const KICKER_WORDS: &[&str] = &[
    "UPDATE",
    "ANALYSIS",
    "WRAPUP",
    "FACTBOX",
    "INTERVIEW",
    "EXCLUSIVE",
    "BREAKINGVIEWS",
    "COLUMN",
    "PREVIEW",
    "REFILE",
    "CORRECTED",
    "INSIGHT",
    "FEATURE",
    "TIMELINE",
    "SPECIAL REPORT",
];

const META_KEYS: &[&str] = &[
    "Source",
    "Editor",
    "Date",
    "Dateline",
    "Slug",
    "Keywords",
    "Category",
    "Priority",
    "Byline",
    "Updated",
    "Published",
    "Words",
    "Word count",
    "Embargo",
    "Story",
    "Filed",
    "Desk",
];

fn is_end_mark(s: &str) -> bool {
    END_MARKS.contains(&s.trim())
}

/// A `YYYY-MM-DD` date anywhere on the line.
fn find_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        if digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10) {
            let n = |r: std::ops::Range<usize>| std::str::from_utf8(&w[r]).ok()?.parse().ok();
            let (year, month, day) = (n(0..4)?, n(5..7)?, n(8..10)?);
            let month = u8::try_from(month).ok()?;
            let day = u8::try_from(day).ok()?;
            (1..=12)
                .contains(&month)
                .then_some(Date { year, month, day })
        } else {
            None
        }
    })
}

fn meta_kind(line: &str) -> Option<MetaKind> {
    let t = line.trim();
    if t.starts_with("BC-") {
        return Some(MetaKind::Slug);
    }
    if let Some(slash) = t.find('/') {
        let head = &t[..slash];
        if head.len() >= 5
            && head.contains('-')
            && !head.contains(' ')
            && head.chars().all(|c| c.is_ascii_uppercase() || c == '-')
        {
            return Some(MetaKind::Slug);
        }
    }
    if t.starts_with("* ") || t.starts_with("• ") {
        return Some(MetaKind::Bullet);
    }
    if (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']')) {
        return Some(MetaKind::Advisory);
    }
    if let Some(colon) = t.find(':') {
        let key = t[..colon].trim();
        if META_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            return Some(MetaKind::Field);
        }
    }
    if t.contains('|') && find_iso_date(t).is_some() {
        return Some(MetaKind::Field);
    }
    None
}

/// `By NAME`, `by NAME`, `*By NAME*`, `**By NAME**`, `_By NAME_`.
fn is_byline(line: &str) -> bool {
    let t = line.trim().trim_matches(['*', '_']);
    (t.starts_with("By ") || t.starts_with("by ") || t.starts_with("BY "))
        && t.len() < 100
        && t[3..].starts_with(|c: char| c.is_uppercase())
}

/// Markdown heading level and the offset of its text: `## Title` -> (2, 3).
fn md_heading(line: &str) -> Option<(u8, usize)> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    Some((hashes as u8, hashes + lead))
}

/// An all-capitals line standing alone in plain text: a subhead.
fn is_caps_subhead(line: &str) -> bool {
    let t = line.trim();
    if t.len() < 3 || t.len() > 90 || is_end_mark(t) {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && !t.chars().any(|c| c.is_lowercase())
        && !t.ends_with(['.', ',', ';'])
        && !t.starts_with(['"', '“', '(', '-', '*'])
        // A dateline-only line ("BEIJING, Sept. 19 (XINHUA) --") is not a subhead.
        && !t.ends_with("--")
}

fn kicker_len(headline: &str) -> Option<usize> {
    // `UPDATE 2-`, `ANALYSIS-`, `FACTBOX-`.
    if let Some(dash) = headline.find('-') {
        let head = &headline[..dash];
        let word = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        if KICKER_WORDS.contains(&word) {
            return Some(dash + 1);
        }
    }
    // `Spotlight:`, `Xinhua Headlines:`, `Economic Watch:`.
    if let Some(colon) = headline.find(':') {
        let head = &headline[..colon];
        if colon <= 30
            && head.split_whitespace().count() <= 3
            && head.starts_with(|c: char| c.is_uppercase())
            && headline[colon + 1..].starts_with(' ')
        {
            return Some(colon + 1);
        }
    }
    None
}

struct Parser<'a> {
    text: &'a str,
    format: Format,
    lines: Vec<Line>,
}

impl<'a> Parser<'a> {
    fn line(&self, i: usize) -> &'a str {
        self.lines[i].content.text(self.text)
    }

    fn block_span(&self, first: usize, last: usize) -> Span {
        Span::new(
            self.lines[first].content.start,
            self.lines[last - 1].content.end,
        )
    }
}

/// Parse an article, pairing its quotation marks with the default [`quotes::Settings`]
/// (US nesting, headlines quote with double marks). Never fails and never panics.
pub fn parse(text: &str, format: Format) -> Article {
    parse_with(text, format, |_| quotes::Settings::default())
}

/// Parse an article in one call: the structure first (headline, metadata, dateline,
/// paragraphs), then `settings` chooses how to read the quotation marks from what was
/// found (the house style follows from the dateline credit), then the marks are paired
/// once. Never fails and never panics.
pub fn parse_with(
    text: &str,
    format: Format,
    settings: impl FnOnce(&Article) -> quotes::Settings,
) -> Article {
    let mut article = parse_structure(text, format);
    let settings = settings(&article);
    quotes::scan_article(text, &mut article, settings);
    article
}

/// The structure without the quotation marks (`Article::quotes` is left empty).
fn parse_structure(text: &str, format: Format) -> Article {
    let all_lines = lines::lines(text);
    // Suppression markers are not content: blocks break around them as at blank lines.
    let (mut suppressions, is_marker) = suppress::find(text, &all_lines);
    let mut blocks = lines::blocks(text, &all_lines);
    if !suppressions.is_empty() {
        blocks = suppress::split_blocks(&blocks, &is_marker);
        suppress::resolve(&mut suppressions, &blocks, &all_lines);
    }
    let p = Parser {
        text,
        format,
        lines: all_lines,
    };
    let mut article = Article {
        format,
        suppressions,
        ..Article::default()
    };

    // Blocks as (first line, last line exclusive).
    let mut line_queue: Vec<(usize, usize)> = blocks.iter().map(|b| (b.first, b.last)).collect();

    // Markdown front matter.
    if format == Format::Markdown {
        if let Some(&(first, _)) = line_queue.first() {
            if p.line(first).trim() == "---" {
                if let Some(close) = (first + 1..p.lines.len()).find(|&i| p.line(i).trim() == "---")
                {
                    article.metadata.push(MetaLine {
                        span: p.block_span(first, close + 1),
                        kind: MetaKind::FrontMatter,
                        date: (first..close).find_map(|i| find_iso_date(p.line(i))),
                    });
                    line_queue = line_queue
                        .into_iter()
                        .filter(|&(_, l)| l > close + 1)
                        .map(|(f, l)| (f.max(close + 1), l))
                        .collect();
                }
            }
        }
    }

    // Headline, then header blocks (metadata, byline); the body starts at the first block
    // that is neither.
    let mut body_start_block = 0;
    if let Some(&(first, last)) = line_queue.first() {
        let is_dateline = !matches!(
            dateline::read(text, p.block_span(first, last)),
            DatelineRead::None
        );
        let mut rest_from = first;
        if !is_dateline {
            if let Some(h) = headline(&p, first, last) {
                article.headline = Some(h);
                rest_from = first + 1;
            }
        }
        if article.headline.is_some() || header_line(p.line(first)) {
            // The rest of the first block: header lines, then perhaps the body.
            let split = (rest_from..last)
                .find(|&i| !header_line(p.line(i)))
                .unwrap_or(last);
            take_header_lines(&p, &mut article, rest_from, split);
            if split < last {
                line_queue[0] = (split, last);
            } else {
                body_start_block = 1;
                while let Some(&(f, l)) = line_queue.get(body_start_block) {
                    if !(f..l).all(|i| header_line(p.line(i))) {
                        break;
                    }
                    take_header_lines(&p, &mut article, f, l);
                    body_start_block += 1;
                }
            }
        }
    }

    body_paragraphs(&p, &mut article, &line_queue[body_start_block..]);
    article
}

fn header_line(line: &str) -> bool {
    is_byline(line) || meta_kind(line).is_some()
}

fn take_header_lines(p: &Parser<'_>, article: &mut Article, from: usize, to: usize) {
    for i in from..to {
        let span = trimmed(p.text, p.lines[i].content);
        let line = span.text(p.text);
        if is_byline(line) {
            article.byline = Some(span);
        } else if let Some(kind) = meta_kind(line) {
            article.metadata.push(MetaLine {
                span,
                kind,
                date: find_iso_date(line),
            });
        }
    }
}

/// The first line of the first block, when it reads as a headline: a Markdown `# ` heading,
/// or a line that is not metadata, not a sentence and not the first line of a wrapped
/// paragraph.
fn headline(p: &Parser<'_>, first: usize, last: usize) -> Option<Headline> {
    let span = trimmed(p.text, p.lines[first].content);
    let line = span.text(p.text);
    if line.is_empty() || header_line(line) {
        return None;
    }
    let mut text_start = 0;
    let md = if p.format == Format::Markdown {
        md_heading(line).filter(|&(level, _)| level == 1)
    } else {
        None
    };
    if let Some((_, off)) = md {
        text_start = off;
    } else {
        let sentence = line.len() > 200 || (line.ends_with('.') && !line.ends_with("..."));
        let wrapped = first + 1 < last && !header_line(p.line(first + 1));
        if sentence || wrapped {
            return None;
        }
    }
    let rest = &line[text_start..];
    let kicker = kicker_len(rest).map(|k| span.sub(text_start, text_start + k));
    let mut words = text_start + kicker.map_or(0, |k| k.len());
    words += line[words..].len() - line[words..].trim_start().len();
    Some(Headline {
        span,
        text: span.sub(words, line.len()),
        kicker,
    })
}

fn body_paragraphs(p: &Parser<'_>, article: &mut Article, units: &[(usize, usize)]) {
    let text = p.text;
    let mut ended = false;
    let mut after_keywords = false;
    // (heading span, title span, level) of each subhead, in order.
    for &(first, last) in units {
        let mut first = first;
        if ended {
            let span = p.block_span(first, last);
            after_keywords |= is_keywords(span.text(text));
            article.trailers.push(Trailer {
                span,
                kind: if after_keywords {
                    TrailerKind::Keywords
                } else {
                    TrailerKind::Residue
                },
            });
            continue;
        }
        let first_text = p.line(first);
        // Subheads: Markdown headings or an all-capitals line, split from what follows.
        let heading = match p.format {
            Format::Markdown => {
                md_heading(first_text).map(|(lvl, off)| (lvl.saturating_sub(1).max(1), off))
            }
            Format::Plain => {
                let lede_seen = !article.paragraphs.is_empty();
                (lede_seen && is_caps_subhead(first_text)).then_some((1, 0))
            }
        };
        if let Some((level, off)) = heading {
            let h = trimmed(text, p.lines[first].content);
            let title = trimmed(
                text,
                Span::new(
                    p.lines[first].content.start + off,
                    p.lines[first].content.end,
                ),
            );
            article.sections.push(Section {
                heading: h,
                title,
                level,
                span: h,
            });
            first += 1;
            if first == last {
                continue;
            }
        }
        let span = p.block_span(first, last);
        let body_text = span.text(text);
        if is_end_mark(body_text) {
            article.end_mark = Some(trimmed(text, span));
            ended = true;
            continue;
        }
        let t = body_text.trim_start();
        if is_keywords(t) {
            article.trailers.push(Trailer {
                span,
                kind: TrailerKind::Keywords,
            });
            ended = true;
            after_keywords = true;
            continue;
        }
        if is_credits_trailer(t) {
            article.trailers.push(Trailer {
                span,
                kind: TrailerKind::Credits,
            });
            continue;
        }
        let mut para_span = trimmed(text, span);
        // `... the official said. Enditem` on the paragraph's last line.
        for mark in ["Enditem", "ENDS", "(END)"] {
            let s = para_span.text(text);
            if let Some(stripped) = s.strip_suffix(mark) {
                if stripped.ends_with([' ', '\t'])
                    && stripped.trim_end().ends_with(['.', '"', '”', '\'', '’'])
                {
                    let mark_span = Span::new(para_span.end - mark.len(), para_span.end);
                    article.end_mark = Some(mark_span);
                    para_span =
                        Span::new(para_span.start, para_span.start + stripped.trim_end().len());
                    ended = true;
                    break;
                }
            }
        }
        let kind = if article.paragraphs.is_empty() {
            ParagraphKind::Lede
        } else {
            ParagraphKind::Body
        };
        if kind == ParagraphKind::Lede {
            article.dateline_read = Some(dateline::read(text, para_span));
        }
        let section = article.sections.len().checked_sub(1);
        article.paragraphs.push(Paragraph {
            span: para_span,
            kind,
            section,
        });
    }

    let body_end = article
        .paragraphs
        .iter()
        .map(|p| p.span.end)
        .chain(article.sections.iter().map(|s| s.heading.end))
        .max();
    if let (Some(first), Some(end)) = (article.paragraphs.first(), body_end) {
        let start = article
            .sections
            .first()
            .map_or(first.span.start, |s| s.heading.start.min(first.span.start));
        article.body = Span::new(start, end);
    }
    // Each section reaches to the next subhead of the same or a higher level.
    let n = article.sections.len();
    // Paragraphs and subheads come in text order, so the last end before a point is found
    // by binary search instead of a pass over every paragraph for every section (checked,
    // with the pass as the fallback).
    let sorted = article
        .paragraphs
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.end)
        && article
            .sections
            .windows(2)
            .all(|w| w[0].heading.end <= w[1].heading.end);
    for i in 0..n {
        let level = article.sections[i].level;
        let next = article.sections[i + 1..]
            .iter()
            .find(|s| s.level <= level)
            .map(|s| s.heading.start);
        let end = match next {
            Some(next_start) if sorted => {
                // End at the last content before the next subhead.
                let k = article
                    .paragraphs
                    .partition_point(|p| p.span.end <= next_start);
                let j = article
                    .sections
                    .partition_point(|s| s.heading.end <= next_start);
                let before = k
                    .checked_sub(1)
                    .map(|k| article.paragraphs[k].span.end)
                    .max(j.checked_sub(1).map(|j| article.sections[j].heading.end))
                    .unwrap_or(article.sections[i].heading.end);
                before.max(article.sections[i].heading.end)
            }
            Some(next_start) => {
                // End at the last content before the next subhead.
                let before = article
                    .paragraphs
                    .iter()
                    .map(|p| p.span.end)
                    .chain(article.sections.iter().map(|s| s.heading.end))
                    .filter(|&e| e <= next_start)
                    .max()
                    .unwrap_or(article.sections[i].heading.end);
                before.max(article.sections[i].heading.end)
            }
            None => article.body.end.max(article.sections[i].heading.end),
        };
        article.sections[i].span = Span::new(article.sections[i].heading.start, end);
    }
}

fn is_keywords(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with("KEY WORDS") || t.starts_with("Key words:") || t.starts_with("Keywords:")
}

fn is_credits_trailer(t: &str) -> bool {
    let inner = t.trim_start_matches('(');
    (t.starts_with('(') && t.trim_end().ends_with(')'))
        && [
            "Reporting by",
            "Writing by",
            "Editing by",
            "Additional reporting by",
            "Compiled by",
        ]
        .iter()
        .any(|k| inner.starts_with(k))
}

#[cfg(test)]
mod tests;
