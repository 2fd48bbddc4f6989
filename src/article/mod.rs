//! The article model: `parse(text) -> Article`, byte spans throughout.
//!
//! A dispatch reads, top to bottom: headline (with an optional kicker), metadata lines
//! (web `Source:` lines, slugs, bullets, advisories), a byline, then the body — the lede
//! opening with the dateline, paragraphs, subheads that open sections — then an end mark and
//! trailers. The parser never fails: any text gives an article, perhaps an empty one.

pub mod dateline;
pub mod furniture;
pub mod lines;
pub mod quotes;
mod reuse;
pub mod suppress;

use serde::Serialize;

use crate::span::Span;
pub use dateline::{Dateline, DatelineRead};
use lines::{trimmed, Line};
pub use quotes::{Quotation, Quotes};
pub use reuse::Reuse;
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
    /// Markdown front matter: YAML between `---` lines or TOML between `+++` lines.
    FrontMatter,
    /// A bare page date or a site's credit with a timestamp before the lede
    /// (`March 15, 2023`, `(Xinhua)    10:12, October 31, 2020`).
    PageDate,
    /// Page residue before the lede: player, share and print controls, photo credits and
    /// captions, and any other line between the headline and the lede.
    Residue,
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
    /// Anything after the end mark, and player or photo lines between paragraphs:
    /// pasted web residue.
    Residue,
    /// `EXPLORE ...`, `EDITOR'S CHOICE`, related-story lists: the page's, not the story's.
    Furniture,
    /// `© 2020 ...`, `Copyright ...`, `All rights reserved.`
    Copyright,
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
    /// The story's whole extent: from its first header line (or front matter) to its last
    /// trailer.
    pub span: Span,
    /// The later stories of a file that holds several (a day's file, a digest, a feed
    /// dump), each parsed on its own with spans into the whole text. Empty for one story;
    /// the suppressions and the format are the file's and live on the first story only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Article>,
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

    /// This story, then every later story of the file, in text order.
    pub fn all_stories(&self) -> impl Iterator<Item = &Article> {
        std::iter::once(self).chain(self.stories.iter())
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

use furniture::find_iso_date;

/// `BC-...`, or `XXX-YYY/`: five or more capitals and hyphens (one hyphen at least)
/// before the line's first slash.
fn is_slug(t: &str) -> bool {
    if t.starts_with("BC-") {
        return true;
    }
    // The run of capitals and hyphens the line opens with must end at its first slash:
    // read that run only, not the line up to a slash.
    let run = t
        .bytes()
        .take_while(|&b| b.is_ascii_uppercase() || b == b'-')
        .count();
    run >= 5 && t.as_bytes().get(run) == Some(&b'/') && t.as_bytes()[..run].contains(&b'-')
}

/// A `Key: value` line of one of [`META_KEYS`] (any ASCII case, spaces before the colon
/// allowed): compared at the line's start, without searching the line for its colon.
fn is_meta_field(t: &str) -> bool {
    let b = t.as_bytes();
    META_KEYS.iter().any(|k| {
        b.len() > k.len()
            && b[..k.len()].eq_ignore_ascii_case(k.as_bytes())
            && t[k.len()..].trim_start().starts_with(':')
    })
}

fn meta_kind(line: &str) -> Option<MetaKind> {
    let t = line.trim();
    if is_slug(t) {
        return Some(MetaKind::Slug);
    }
    if t.starts_with("* ") || t.starts_with("• ") {
        return Some(MetaKind::Bullet);
    }
    if (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']')) {
        return Some(MetaKind::Advisory);
    }
    if is_meta_field(t) {
        return Some(MetaKind::Field);
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
    let mut at = 0;
    // Tags chain: `(CORRECTED) - UPDATE 2-Oil rises`.
    while let Some(k) = one_kicker(&headline[at..]) {
        at += k;
        let rest = &headline[at..];
        at += rest.len() - rest.trim_start().len();
    }
    let at = headline[..at].trim_end().len();
    (at > 0).then_some(at)
}

fn one_kicker(headline: &str) -> Option<usize> {
    // `(CORRECTED) -`, `(REFILE)-`, `(UPDATE 1)`: a tag in parentheses, never a credit.
    if let Some(inner) = headline.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            let tag = &inner[..close];
            let word = tag.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
            if KICKER_WORDS.contains(&word) || (word == "OFFICIAL" || word == "CORRECTION") {
                let mut end = close + 2;
                let rest = &headline[end..];
                let trimmed = rest.trim_start();
                if let Some(r) = trimmed.strip_prefix(['-', '–', '—', ':']) {
                    end += rest.len() - r.len();
                }
                return Some(end);
            }
        }
    }
    // `UPDATE 2-`, `ANALYSIS-`, `FACTBOX-`, `EXCLUSIVE-`, `WRAPUP 1-`.
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

/// Last words that end a headline with a period without making it a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Jr.", "Sr.", "Govt.", "Gov.", "Inc.", "Co.", "Corp.", "Ltd.", "No.", "St.", "Bros.", "Dept.",
    "Sen.", "Rep.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Gen.", "Lt.", "Col.", "Capt.", "Ave.",
    "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.", "Cos.", "Mfg.", "Intl.",
    "Assn.", "Plc.", "Pty.", "Bhd.",
];

/// A line that ends like a sentence, so cannot be a headline: a final period after a
/// word that is no abbreviation (`U.S.`, `Jr.`, `Govt.`), in a line that is neither in
/// capitals nor in title case. `Who will lead after Smith Jr.?` and
/// `Stocks rise in Tokyo, led by U.S.` are headlines; `Officials met on Thursday.` is not.
fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end();
    if !t.ends_with('.') || t.ends_with("...") {
        return false;
    }
    let last = t.split_whitespace().last().unwrap_or("");
    let last = last.trim_start_matches(['(', '"', '“', '\'', '‘']);
    let inner_period = last[..last.len() - 1].contains('.');
    if inner_period || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last)) {
        return false;
    }
    // Capitals, or title case (every word capitalized but the short function words), is
    // a headline's casing.
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
        "over", "the", "to", "vs.", "with",
    ];
    let caps = !t.chars().any(char::is_lowercase);
    let mut words = t.split_whitespace();
    let title_case = t.split_whitespace().count() >= 3
        && words.all(|w| {
            let w = w.trim_start_matches(['(', '"', '“', '\'', '‘']);
            w.starts_with(|c: char| !c.is_lowercase()) || SMALL.contains(&w)
        });
    !(caps || title_case)
}

/// Blocks searched for the lede from the start of a story.
const HEAD_BLOCKS: usize = 12;

struct Parser<'a> {
    text: &'a str,
    format: Format,
    lines: Vec<Line>,
    /// What blocks read the last time their text was parsed ([`parse_reusing`]).
    blocks: Option<std::cell::RefCell<reuse::Blocks>>,
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

    /// The block opens with a dateline (readable or not), and is no header line.
    fn opens_with_dateline(&self, (first, last): (usize, usize)) -> bool {
        match &self.blocks {
            Some(b) => b.borrow_mut().opens_with_dateline(self, first, last),
            None => self.reads_dateline(first, last),
        }
    }

    /// [`Parser::opens_with_dateline`], read from the text.
    fn reads_dateline(&self, first: usize, last: usize) -> bool {
        let line = self.line(first).trim();
        if header_line(line) || furniture::is_residue_line(line) || kicker_len(line).is_some() {
            return false;
        }
        !matches!(
            dateline::read(self.text, self.block_span(first, last)),
            DatelineRead::None
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
    mut settings: impl FnMut(&Article) -> quotes::Settings,
) -> Article {
    let mut article = parse_structure(text, format);
    // Each story is read in its own house style (a digest may hold AP and Reuters copy).
    let first = settings(&article);
    quotes::scan_article(text, &mut article, first);
    for story in &mut article.stories {
        let s = settings(story);
        quotes::scan_article(text, story, s);
    }
    article
}

/// [`parse_with`], reusing what `reuse` kept from the last parse of the same document:
/// the blocks and paragraphs whose text is unchanged are not read again. The article is
/// the same as [`parse_with`]'s.
pub fn parse_reusing(
    text: &str,
    format: Format,
    mut settings: impl FnMut(&Article) -> quotes::Settings,
    reuse: &mut Reuse,
) -> Article {
    reuse.blocks.start(format);
    let blocks = std::mem::take(&mut reuse.blocks);
    let (mut article, blocks) = parse_structure_with(text, format, Some(blocks));
    reuse.blocks = blocks.unwrap_or_default();
    reuse.blocks.finish();
    reuse.quotes.start();
    // Which paragraphs may hold marks, story after story, as the structure pass read them.
    let marks = std::mem::take(&mut reuse.blocks.marks);
    let counted = article
        .all_stories()
        .map(|s| s.paragraphs.len())
        .sum::<usize>()
        == marks.len();
    let mut from = 0;
    let mut story_marks = |n: usize| {
        let m = counted.then(|| &marks[from..from + n]);
        from += n;
        m
    };
    let first = settings(&article);
    let m = story_marks(article.paragraphs.len());
    quotes::scan_article_kept(text, &mut article, first, Some(&mut reuse.quotes), m);
    for story in &mut article.stories {
        let s = settings(story);
        let m = story_marks(story.paragraphs.len());
        quotes::scan_article_kept(text, story, s, Some(&mut reuse.quotes), m);
    }
    reuse.quotes.finish();
    reuse.blocks.marks = marks;
    article
}

/// The structure without the quotation marks (`Article::quotes` is left empty), for
/// `copydesk outline`.
pub fn parse_structure(text: &str, format: Format) -> Article {
    parse_structure_with(text, format, None).0
}

/// [`parse_structure`], with the block facts kept from the last parse when given
/// (returned for the next one).
fn parse_structure_with(
    text: &str,
    format: Format,
    kept: Option<reuse::Blocks>,
) -> (Article, Option<reuse::Blocks>) {
    let mut kept = kept;
    // Buffers kept from the last parse, when reusing.
    let (mut all_lines, mut blocks) = kept.as_mut().map(|k| k.buffers()).unwrap_or_default();
    lines::lines_and_blocks(text, &mut all_lines, &mut blocks);
    // Suppression markers are not content: blocks break around them as at blank lines.
    let (mut suppressions, is_marker) = suppress::find(text, &all_lines);
    if !suppressions.is_empty() {
        blocks = suppress::split_blocks(&blocks, &is_marker);
        suppress::resolve(&mut suppressions, &blocks, &all_lines);
    }
    // Blocks as (first line, last line exclusive).
    let mut units: Vec<(usize, usize)> = kept.as_mut().map(|k| k.units()).unwrap_or_default();
    units.extend(blocks.iter().map(|b| (b.first, b.last)));
    if let Some(k) = kept.as_mut() {
        k.keep_blocks(blocks);
    }
    let p = Parser {
        text,
        format,
        lines: all_lines,
        blocks: kept.map(std::cell::RefCell::new),
    };

    // Markdown front matter: YAML between `---` lines, TOML between `+++` lines.
    let mut front = None;
    if format == Format::Markdown {
        if let Some(&(first, _)) = units.first() {
            let fence = p.line(first).trim();
            if first == 0 && (fence == "---" || fence == "+++") {
                if let Some(close) = (first + 1..p.lines.len()).find(|&i| p.line(i).trim() == fence)
                {
                    front = Some(front_matter(&p, first, close));
                    units = units
                        .into_iter()
                        .filter(|&(_, l)| l > close + 1)
                        .map(|(f, l)| (f.max(close + 1), l))
                        .collect();
                }
            }
        }
    }

    // One story after another: each parse says where the next story starts.
    let mut stories = Vec::new();
    let mut rest = &units[..];
    loop {
        // Room for a paragraph a block in the first story, which is most often the only one.
        let room = if stories.is_empty() { rest.len() } else { 0 };
        let (story, used) = parse_story(&p, rest, room);
        stories.push(story);
        if used == 0 || used >= rest.len() {
            break;
        }
        rest = &rest[used..];
    }
    let mut article = stories.remove(0);
    if let Some((meta, title)) = front {
        article.span = if article.span.is_empty() && article.paragraphs.is_empty() {
            meta.span
        } else {
            Span::new(meta.span.start, article.span.end.max(meta.span.end))
        };
        article.metadata.insert(0, meta);
        if article.headline.is_none() {
            article.headline = title;
        }
    }
    article.suppressions = suppressions;
    article.stories = stories;
    let kept = p.blocks.map(|b| {
        let mut b = b.into_inner();
        b.keep_lines(p.lines);
        b.keep_units(units);
        b
    });
    (article, kept)
}

/// The front matter's span and date (its `date` key first, else any date in it), and its
/// `title` as a headline.
fn front_matter(p: &Parser<'_>, first: usize, close: usize) -> (MetaLine, Option<Headline>) {
    let mut date = None;
    let mut any_date = None;
    let mut title = None;
    for i in first + 1..close {
        let content = p.lines[i].content;
        let line = content.text(p.text);
        let Some(sep) = line.find([':', '=']) else {
            continue;
        };
        let key = line[..sep].trim().to_ascii_lowercase();
        let value_start = sep + 1 + (line[sep + 1..].len() - line[sep + 1..].trim_start().len());
        let value = line[value_start..].trim_end();
        let unquoted = value.trim_matches(['"', '\'']);
        let d = furniture::find_date(value);
        any_date = any_date.or(d);
        match key.as_str() {
            "date" | "published" | "pubdate" | "publishdate" | "dateline_date" => {
                date = date.or(d);
            }
            "title" | "headline" if title.is_none() && !unquoted.is_empty() => {
                let off = value_start + (value.len() - value.trim_start_matches(['"', '\'']).len());
                let span = Span::new(content.start + off, content.start + off + unquoted.len());
                let kicker = kicker_len(unquoted).map(|k| span.sub(0, k));
                let mut words = kicker.map_or(0, |k| k.len());
                words += unquoted[words..].len() - unquoted[words..].trim_start().len();
                title = Some(Headline {
                    span,
                    text: span.sub(words, unquoted.len()),
                    kicker,
                });
            }
            _ => {}
        }
    }
    let meta = MetaLine {
        span: p.block_span(first, close + 1),
        kind: MetaKind::FrontMatter,
        date: date.or(any_date),
    };
    (meta, title)
}

/// One story from the start of `units`: the story and how many blocks it took. `room`:
/// paragraphs to make room for.
fn parse_story(p: &Parser<'_>, units: &[(usize, usize)], room: usize) -> (Article, usize) {
    let mut article = Article {
        format: p.format,
        paragraphs: Vec::with_capacity(room),
        ..Article::default()
    };
    let start = units.first().map(|&(f, _)| f);
    // Copied only when the head splits a block.
    let mut units = std::borrow::Cow::Borrowed(units);
    let body_start_block = match find_lede(p, &units) {
        Some(lede) => {
            take_head(p, &mut article, &units[..lede]);
            lede
        }
        None => head_without_lede(p, &mut article, units.to_mut()),
    };
    let used = body_start_block + body_paragraphs(p, &mut article, &units[body_start_block..]);
    if let (Some(start), true) = (start, used > 0) {
        article.span = p.block_span(start, units[used - 1].1);
    }
    (article, used)
}

/// The first block that opens with a dateline, when only front matter stands before it:
/// a headline, metadata and bylines, page residue, short lines that are no sentences.
fn find_lede(p: &Parser<'_>, units: &[(usize, usize)]) -> Option<usize> {
    for (i, &(first, last)) in units.iter().enumerate().take(HEAD_BLOCKS) {
        if p.opens_with_dateline((first, last)) {
            // A one-line first block before a dateline block is the headline, whatever it
            // says (`U.S. FINANCIAL ANALYSTS - March 3`).
            let headline_first = i == 0
                && last == first + 1
                && units.get(1).is_some_and(|&b| p.opens_with_dateline(b))
                && !ends_like_sentence(p.line(first));
            if !headline_first {
                return Some(i);
            }
        }
        let front = (first..last).all(|k| {
            let line = p.line(k).trim();
            line.is_empty()
                || header_line(line)
                || furniture::is_residue_line(line)
                || (i == 0 && k == first && line.len() <= 200 && !ends_like_sentence(line))
                || (line.chars().count() <= 100 && !ends_sentence(line))
        });
        if !front {
            return None;
        }
    }
    None
}

/// After an end mark: a one-line headline, then a paragraph of prose: a story with no
/// dateline, not residue.
fn headline_then_prose(p: &Parser<'_>, units: &[(usize, usize)]) -> bool {
    let [(hf, hl), (bf, bl), ..] = units else {
        return false;
    };
    let head = p.line(*hf).trim();
    let prose = p.line(*bf).trim();
    hl - hf == 1
        && head.len() <= 200
        && !ends_like_sentence(head)
        && !head_line(head)
        && furniture::after_story(head).is_none()
        && furniture::after_story(prose).is_none()
        && !head_line(prose)
        && (bl - bf > 1 || (prose.chars().count() > 80 && ends_sentence(prose)))
}

/// Ends with sentence punctuation (a quotation's close included).
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(['.', '!', '?', '"', '”', ';']) && t.contains(' ') && !t.ends_with("...")
}

/// Everything before the lede: the headline (the first line that is no metadata, byline
/// or residue), metadata, byline, page residue.
fn take_head(p: &Parser<'_>, article: &mut Article, head: &[(usize, usize)]) {
    for &(first, last) in head {
        for k in first..last {
            let span = trimmed(p.text, p.lines[k].content);
            let line = span.text(p.text);
            if line.is_empty() {
                continue;
            }
            if header_line(line) {
                take_header_lines(p, article, k, k + 1);
            } else if furniture::is_page_date(line) || furniture::is_site_byline(line) {
                article.metadata.push(MetaLine {
                    span,
                    kind: MetaKind::PageDate,
                    date: furniture::find_date(line),
                });
            } else if furniture::is_residue_line(line) || article.headline.is_some() {
                article.metadata.push(MetaLine {
                    span,
                    kind: MetaKind::Residue,
                    date: None,
                });
            } else {
                article.headline = Some(headline_at(p, k));
            }
        }
    }
}

/// The story's head when no dateline opens a block near its start: a headline in the
/// first block (unless it reads as a sentence or a wrapped paragraph), then header lines.
/// Returns the block the body starts at; may split the first block.
fn head_without_lede(p: &Parser<'_>, article: &mut Article, units: &mut [(usize, usize)]) -> usize {
    // Blocks of nothing but residue and metadata come before the headline.
    let mut skipped = 0;
    while let Some(&(f, l)) = units.get(skipped) {
        if skipped + 1 >= units.len() || !(f..l).all(|i| head_line(p.line(i))) {
            break;
        }
        take_head_lines(p, article, f, l);
        skipped += 1;
    }
    let units = &mut units[skipped..];
    let Some(&(first, last)) = units.first() else {
        return skipped;
    };
    let mut body_start_block = skipped;
    let is_dateline = p.opens_with_dateline((first, last));
    let mut rest_from = first;
    if !is_dateline {
        if let Some(h) = headline(p, first, last) {
            article.headline = Some(h);
            rest_from = first + 1;
        }
    }
    if article.headline.is_some() || head_line(p.line(first)) {
        // The rest of the first block: header lines, then perhaps the body.
        let split = (rest_from..last)
            .find(|&i| !head_line(p.line(i)))
            .unwrap_or(last);
        take_head_lines(p, article, rest_from, split);
        if split < last {
            units[0] = (split, last);
        } else {
            body_start_block += 1;
            while let Some(&(f, l)) = units.get(body_start_block - skipped) {
                if !(f..l).all(|i| head_line(p.line(i))) {
                    break;
                }
                take_head_lines(p, article, f, l);
                body_start_block += 1;
            }
        }
    }
    body_start_block
}

/// A line of the head: metadata, byline or page residue.
fn head_line(line: &str) -> bool {
    header_line(line) || furniture::is_residue_line(line)
}

fn take_head_lines(p: &Parser<'_>, article: &mut Article, from: usize, to: usize) {
    for i in from..to {
        let span = trimmed(p.text, p.lines[i].content);
        let line = span.text(p.text);
        if header_line(line) {
            take_header_lines(p, article, i, i + 1);
        } else if furniture::is_page_date(line) || furniture::is_site_byline(line) {
            article.metadata.push(MetaLine {
                span,
                kind: MetaKind::PageDate,
                date: furniture::find_date(line),
            });
        } else if furniture::is_residue_line(line) {
            article.metadata.push(MetaLine {
                span,
                kind: MetaKind::Residue,
                date: None,
            });
        }
    }
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

/// The headline on line `k`: a Markdown `# ` heading's words, or the line, less its kicker.
fn headline_at(p: &Parser<'_>, k: usize) -> Headline {
    let span = trimmed(p.text, p.lines[k].content);
    let line = span.text(p.text);
    let text_start = if p.format == Format::Markdown {
        md_heading(line)
            .filter(|&(level, _)| level == 1)
            .map_or(0, |(_, off)| off)
    } else {
        0
    };
    let rest = &line[text_start..];
    let kicker = kicker_len(rest).map(|k| span.sub(text_start, text_start + k));
    let mut words = text_start + kicker.map_or(0, |k| k.len());
    words += line[words..].len() - line[words..].trim_start().len();
    Headline {
        span,
        text: span.sub(words, line.len()),
        kicker,
    }
}

/// The first line of the first block, when it reads as a headline: a Markdown `# ` heading,
/// or a line that is not metadata, not a sentence and not the first line of a wrapped
/// paragraph.
fn headline(p: &Parser<'_>, first: usize, last: usize) -> Option<Headline> {
    let span = trimmed(p.text, p.lines[first].content);
    let line = span.text(p.text);
    if line.is_empty() || head_line(line) {
        return None;
    }
    let md = p.format == Format::Markdown && md_heading(line).is_some_and(|(level, _)| level == 1);
    if !md {
        let sentence = line.len() > 200 || ends_like_sentence(line);
        let wrapped = first + 1 < last && !head_line(p.line(first + 1));
        if sentence || wrapped {
            return None;
        }
    }
    Some(headline_at(p, first))
}

/// The body from the lede on, then the end mark and trailers. Returns how many blocks the
/// story took: fewer than `units` when another story starts after it.
fn body_paragraphs(p: &Parser<'_>, article: &mut Article, units: &[(usize, usize)]) -> usize {
    let text = p.text;
    let mut ended = false;
    let mut after_keywords = false;
    let mut used = units.len();
    for (n, &(block_first, last)) in units.iter().enumerate() {
        let mut first = block_first;
        let first_text = p.line(first);
        // What the block's own text says, kept from the last parse when reusing.
        let facts = p
            .blocks
            .as_ref()
            .map(|b| b.borrow_mut().facts(p, first, last));
        let after = match &facts {
            Some(f) => f.after,
            None => furniture::after_story(first_text),
        };
        let lede_seen = !article.paragraphs.is_empty();
        // Another story: a slug, or after an end mark a headline and front matter before a
        // dateline, or a one-line headline before prose. (A headline and a dateline with no
        // end mark before them is no boundary: `dateline/misplaced` speaks of it.)
        if lede_seen
            && after.is_none()
            && !facts.map_or_else(
                || is_credits_trailer(first_text.trim_start()),
                |f| f.first_credits,
            )
            && !facts.map_or_else(|| is_end_mark(first_text), |f| f.first_end_mark)
        {
            let slug = facts.map_or_else(|| is_slug(first_text.trim()), |f| f.slug);
            let next_story = slug
                || (ended && find_lede(p, &units[n..]).is_some())
                || (ended && headline_then_prose(p, &units[n..]));
            if next_story {
                used = n;
                break;
            }
        }
        if ended {
            let span = p.block_span(first, last);
            after_keywords |= after == Some(furniture::After::Keywords);
            article.trailers.push(Trailer {
                span,
                kind: match after {
                    Some(furniture::After::Copyright) => TrailerKind::Copyright,
                    Some(furniture::After::Furniture) => TrailerKind::Furniture,
                    _ if after_keywords => TrailerKind::Keywords,
                    _ if facts.map_or_else(
                        || is_credits_trailer(span.text(text).trim_start()),
                        |f| f.block_credits,
                    ) =>
                    {
                        TrailerKind::Credits
                    }
                    _ => TrailerKind::Residue,
                },
            });
            continue;
        }
        if lede_seen {
            if let Some(after) = after {
                article.trailers.push(Trailer {
                    span: p.block_span(first, last),
                    kind: match after {
                        furniture::After::Keywords => TrailerKind::Keywords,
                        furniture::After::Furniture => TrailerKind::Furniture,
                        furniture::After::Copyright => TrailerKind::Copyright,
                    },
                });
                after_keywords = after == furniture::After::Keywords;
                ended = true;
                continue;
            }
            // A player caption or photo credit between paragraphs.
            if facts.map_or_else(
                || {
                    last == first + 1
                        && (furniture::is_control_line(first_text)
                            || furniture::is_photo_credit(first_text))
                },
                |f| f.residue_line,
            ) {
                article.trailers.push(Trailer {
                    span: trimmed(text, p.block_span(first, last)),
                    kind: TrailerKind::Residue,
                });
                continue;
            }
        }
        // Subheads: Markdown headings or an all-capitals line, split from what follows.
        let heading = match p.format {
            Format::Markdown => facts
                .map_or_else(|| md_heading(first_text), |f| f.md_heading)
                .map(|(lvl, off)| (lvl.saturating_sub(1).max(1), off)),
            Format::Plain => (lede_seen
                && facts.map_or_else(|| is_caps_subhead(first_text), |f| f.caps_subhead))
            .then_some((1, 0)),
        };
        let mut split = 0;
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
            split = 1;
            if first == last {
                continue;
            }
        }
        let read = facts
            .and_then(|f| f.body[split])
            .unwrap_or_else(|| reuse::body_read(p, first, last));
        let para_span = match read {
            reuse::BodyRead::EndMark => {
                article.end_mark = Some(trimmed(text, p.block_span(first, last)));
                ended = true;
                continue;
            }
            reuse::BodyRead::Keywords => {
                article.trailers.push(Trailer {
                    span: p.block_span(first, last),
                    kind: TrailerKind::Keywords,
                });
                ended = true;
                after_keywords = true;
                continue;
            }
            reuse::BodyRead::Credits => {
                article.trailers.push(Trailer {
                    span: p.block_span(first, last),
                    kind: TrailerKind::Credits,
                });
                ended = true;
                continue;
            }
            reuse::BodyRead::Paragraph { span, end_mark } => {
                if end_mark.is_some() {
                    article.end_mark = end_mark;
                    ended = true;
                }
                span
            }
        };
        let kind = if article.paragraphs.is_empty() {
            ParagraphKind::Lede
        } else {
            ParagraphKind::Body
        };
        if kind == ParagraphKind::Lede {
            article.dateline_read = Some(match &p.blocks {
                Some(b) => b
                    .borrow_mut()
                    .lede_dateline(p, block_first, last, split, para_span),
                None => dateline::read(text, para_span),
            });
        }
        if let (Some(b), Some(f)) = (&p.blocks, &facts) {
            b.borrow_mut().marks.push(f.marks[split]);
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
    used
}

fn is_keywords(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with("KEY WORDS") || t.starts_with("Key words:") || t.starts_with("Keywords:")
}

/// `(Reporting by ...; Editing by ...)` on the block's first line (a copyright line may be
/// glued under it).
fn is_credits_trailer(t: &str) -> bool {
    // The first line opens with `(` only when the block does: no search for a line end
    // through a paragraph that does not.
    if !t.starts_with('(') {
        return false;
    }
    let t = t.lines().next().unwrap_or("");
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

/// A word: a run of non-space characters holding a letter or a digit (`—` and `-30-`
/// alone are not words; `U.S.`, `9-2`, `北京` are one each).
pub fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The words of the body of `story` (its paragraphs).
pub fn body_words(story: &Article, text: &str) -> usize {
    story
        .paragraphs
        .iter()
        .map(|p| count_words(p.span.text(text)))
        .sum()
}
