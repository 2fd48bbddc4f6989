//! Work kept from one parse of a document to the next ([`super::parse_reusing`]): what the
//! structure parser reads from each block's own text, and each paragraph's quotation
//! marks, by text. A keystroke changes one block; the others give what they gave before,
//! so the parse re-reads one block and redoes only the passes that join blocks (the
//! story's order of head, body and trailers; sections; running quotes). The article is
//! the same as [`super::parse_with`]'s; only the time differs.

use rustc_hash::FxHashMap;

use super::dateline::{self, Credit, DatePart, Dateline, DatelineRead, Separator};
use super::furniture::{self, After};
use super::lines::{trimmed, Block, Line};
use super::{
    is_caps_subhead, is_credits_trailer, is_end_mark, is_keywords, is_slug, md_heading, quotes,
    Format, Parser,
};
use crate::span::Span;

/// What [`super::parse_reusing`] keeps for one document.
#[derive(Debug, Default)]
pub struct Reuse {
    pub(super) blocks: Blocks,
    pub(super) quotes: quotes::Kept,
}

/// How the body reads a block from a given line on (after a subhead, or all of it):
/// spans absolute in a parse, relative to the block's start in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BodyRead {
    /// An end mark alone (`-30-`).
    EndMark,
    /// `KEY WORDS: ...`.
    Keywords,
    /// `(Reporting by ...)`.
    Credits,
    /// A paragraph, perhaps with an end mark stripped from its end (`... said. Enditem`).
    Paragraph { span: Span, end_mark: Option<Span> },
}

impl BodyRead {
    fn moved(self, from: usize, to: usize) -> BodyRead {
        let m = |s: Span| s.moved(from, to);
        match self {
            BodyRead::Paragraph { span, end_mark } => BodyRead::Paragraph {
                span: m(span),
                end_mark: end_mark.map(m),
            },
            other => other,
        }
    }
}

/// The block from line `first` to `last` (exclusive) as the body reads it.
pub(super) fn body_read(p: &Parser<'_>, first: usize, last: usize) -> BodyRead {
    let text = p.text;
    let span = p.block_span(first, last);
    let body_text = span.text(text);
    if is_end_mark(body_text) {
        return BodyRead::EndMark;
    }
    let t = body_text.trim_start();
    if is_keywords(t) {
        return BodyRead::Keywords;
    }
    if is_credits_trailer(t) {
        return BodyRead::Credits;
    }
    let mut para_span = trimmed(text, span);
    let mut end_mark = None;
    // `... the official said. Enditem` on the paragraph's last line. (Each mark ends with
    // one of these bytes: most paragraphs end with none of them.)
    let marks: &[&str] = match para_span.text(text).as_bytes().last() {
        Some(b'm' | b'S' | b')' | b'r' | b'R') => &["Enditem", "ENDS", "(END)", "Reuter", "REUTER"],
        _ => &[],
    };
    for mark in marks {
        let s = para_span.text(text);
        if let Some(stripped) = s.strip_suffix(mark) {
            if stripped.ends_with([' ', '\t'])
                && stripped.trim_end().ends_with(['.', '"', '”', '\'', '’'])
            {
                end_mark = Some(Span::new(para_span.end - mark.len(), para_span.end));
                para_span = Span::new(para_span.start, para_span.start + stripped.trim_end().len());
                break;
            }
        }
    }
    BodyRead::Paragraph {
        span: para_span,
        end_mark,
    }
}

/// What the body pass asks of a block, each answer a function of the block's text alone.
#[derive(Clone, Copy, Debug)]
pub(super) struct BlockFacts {
    /// `furniture::after_story` of the first line.
    pub after: Option<After>,
    /// `is_credits_trailer` of the first line, trimmed at the start.
    pub first_credits: bool,
    /// `is_end_mark` of the first line.
    pub first_end_mark: bool,
    /// `is_slug` of the first line, trimmed.
    pub slug: bool,
    /// `is_credits_trailer` of the block, trimmed at the start.
    pub block_credits: bool,
    /// One line of player controls or a photo credit.
    pub residue_line: bool,
    /// `md_heading` of the first line (Markdown only).
    pub md_heading: Option<(u8, usize)>,
    /// `is_caps_subhead` of the first line (plain text only).
    pub caps_subhead: bool,
    /// [`body_read`] from the first line, and from the second (after a subhead) when the
    /// first may be one and the block goes on.
    pub body: [Option<BodyRead>; 2],
    /// Whether the paragraph of each `body` holds a byte a quotation mark may start with
    /// (`quotes` reads no other paragraph).
    pub marks: [bool; 2],
}

impl BlockFacts {
    fn read(p: &Parser<'_>, first: usize, last: usize) -> BlockFacts {
        let first_text = p.line(first);
        let md = match p.format {
            Format::Markdown => md_heading(first_text),
            Format::Plain => None,
        };
        let caps = p.format == Format::Plain && is_caps_subhead(first_text);
        let body = [
            Some(body_read(p, first, last)),
            ((md.is_some() || caps) && first + 1 < last).then(|| body_read(p, first + 1, last)),
        ];
        let marks = body.map(|b| match b {
            Some(BodyRead::Paragraph { span, .. }) => quotes::may_hold_marks(span.text(p.text)),
            _ => false,
        });
        BlockFacts {
            after: furniture::after_story(first_text),
            first_credits: is_credits_trailer(first_text.trim_start()),
            first_end_mark: is_end_mark(first_text),
            slug: is_slug(first_text.trim()),
            block_credits: is_credits_trailer(p.block_span(first, last).text(p.text).trim_start()),
            residue_line: last == first + 1
                && (furniture::is_control_line(first_text)
                    || furniture::is_photo_credit(first_text)),
            md_heading: md,
            caps_subhead: caps,
            body,
            marks,
        }
    }

    fn moved(mut self, from: usize, to: usize) -> BlockFacts {
        for b in self.body.iter_mut().flatten() {
            *b = b.moved(from, to);
        }
        self
    }
}

#[derive(Debug)]
struct Kept {
    /// Generation last used.
    used: u64,
    /// Relative to the block's start.
    facts: BlockFacts,
    /// `Parser::opens_with_dateline`, once asked.
    dateline: Option<bool>,
    /// The dateline read at the start of the block as a lede (after a subhead when the
    /// first element says so), relative to the block's start, once read.
    lede: Option<(usize, DatelineRead)>,
}

/// Block facts by block text.
#[derive(Debug, Default)]
pub(super) struct Blocks {
    generation: u64,
    /// Entries used in this generation.
    live: usize,
    /// The format the facts were read in; another one clears them.
    format: Format,
    kept: FxHashMap<Box<str>, Kept>,
    /// The line and block lists of the last parse, for their room.
    lines: Vec<Line>,
    blocks: Vec<Block>,
    units: Vec<(usize, usize)>,
    /// [`BlockFacts::marks`] of each paragraph of the parse, story after story.
    pub(super) marks: Vec<bool>,
}

impl Blocks {
    pub(super) fn start(&mut self, format: Format) {
        if format != self.format {
            self.kept.clear();
            self.format = format;
        }
        self.generation += 1;
        self.live = 0;
        self.marks.clear();
    }

    /// Buffers for the lines and blocks of a parse.
    pub(super) fn buffers(&mut self) -> (Vec<Line>, Vec<Block>) {
        (
            std::mem::take(&mut self.lines),
            std::mem::take(&mut self.blocks),
        )
    }

    pub(super) fn keep_lines(&mut self, lines: Vec<Line>) {
        self.lines = lines;
    }

    /// An empty list of units with the room of the last one.
    pub(super) fn units(&mut self) -> Vec<(usize, usize)> {
        let mut u = std::mem::take(&mut self.units);
        u.clear();
        u
    }

    pub(super) fn keep_units(&mut self, units: Vec<(usize, usize)>) {
        self.units = units;
    }

    pub(super) fn keep_blocks(&mut self, blocks: Vec<Block>) {
        self.blocks = blocks;
    }

    /// Forget the blocks the text no longer holds, once they outnumber the ones it does.
    pub(super) fn finish(&mut self) {
        if self.kept.len() > 2 * self.live + 64 {
            let generation = self.generation;
            self.kept.retain(|_, k| k.used == generation);
        }
    }

    /// The facts of the block from line `first` to `last`, absolute.
    pub(super) fn facts(&mut self, p: &Parser<'_>, first: usize, last: usize) -> BlockFacts {
        let span = p.block_span(first, last);
        let block = span.text(p.text);
        if let Some(k) = self.kept.get_mut(block) {
            mark(k, self.generation, &mut self.live);
            return k.facts.moved(0, span.start);
        }
        let facts = BlockFacts::read(p, first, last);
        self.insert(block, facts.moved(span.start, 0), None);
        facts
    }

    /// `Parser::opens_with_dateline` of the block, read once.
    pub(super) fn opens_with_dateline(
        &mut self,
        p: &Parser<'_>,
        first: usize,
        last: usize,
    ) -> bool {
        let block = p.block_span(first, last).text(p.text);
        let kept = self.kept.get_mut(block);
        if let Some(d) = kept.as_ref().and_then(|k| k.dateline) {
            if let Some(k) = kept {
                mark(k, self.generation, &mut self.live);
            }
            return d;
        }
        let d = p.reads_dateline(first, last);
        match self.kept.get_mut(block) {
            Some(k) => {
                k.dateline = Some(d);
                mark(k, self.generation, &mut self.live);
            }
            None => {
                let facts = BlockFacts::read(p, first, last).moved(p.lines[first].content.start, 0);
                self.insert(block, facts, Some(d));
            }
        }
        d
    }

    /// `dateline::read` of the lede `para` (in the block from `first` to `last`, after
    /// `split` subhead lines), kept with the block.
    pub(super) fn lede_dateline(
        &mut self,
        p: &Parser<'_>,
        first: usize,
        last: usize,
        split: usize,
        para: Span,
    ) -> DatelineRead {
        let start = p.lines[first].content.start;
        let block = p.block_span(first, last).text(p.text);
        let kept = self.kept.get_mut(block);
        if let Some(Some((_, d))) = kept.map(|k| k.lede.as_ref().filter(|(s, _)| *s == split)) {
            return dateline_moved(d, 0, start);
        }
        let read = dateline::read(p.text, para);
        if let Some(k) = self.kept.get_mut(block) {
            k.lede = Some((split, dateline_moved(&read, start, 0)));
        }
        read
    }

    fn insert(&mut self, block: &str, facts: BlockFacts, dateline: Option<bool>) {
        self.live += 1;
        self.kept.insert(
            Box::from(block),
            Kept {
                used: self.generation,
                facts,
                dateline,
                lede: None,
            },
        );
    }
}

/// A dateline read at `from` moved to `to`: every span of it. (Spelled out field by field,
/// so that a field added to [`Dateline`] must be placed here.)
fn dateline_moved(d: &DatelineRead, from: usize, to: usize) -> DatelineRead {
    let m = |s: Span| s.moved(from, to);
    match d {
        DatelineRead::Found(d) => {
            let Dateline {
                span,
                place,
                places,
                regions,
                date,
                credit,
                separator,
                missing_commas,
            } = &**d;
            DatelineRead::Found(Box::new(Dateline {
                span: m(*span),
                place: m(*place),
                places: places.iter().map(|&s| m(s)).collect(),
                regions: regions.iter().map(|&s| m(s)).collect(),
                date: date.map(
                    |DatePart {
                         span,
                         month,
                         month_number,
                         day,
                         day_number,
                         suffix,
                         year,
                         misspelt,
                     }| DatePart {
                        span: m(span),
                        month: m(month),
                        month_number,
                        day: m(day),
                        day_number,
                        suffix: suffix.map(m),
                        year: year.map(|(s, y)| (m(s), y)),
                        misspelt,
                    },
                ),
                credit: credit.map(
                    |Credit {
                         span,
                         agency,
                         parenthesized,
                     }| Credit {
                        span: m(span),
                        agency: m(agency),
                        parenthesized,
                    },
                ),
                separator: separator.map(|Separator { span, kind }| Separator {
                    span: m(span),
                    kind,
                }),
                missing_commas: missing_commas.iter().map(|&s| m(s)).collect(),
            }))
        }
        DatelineRead::Unparseable { span, reason } => DatelineRead::Unparseable {
            span: m(*span),
            reason: reason.clone(),
        },
        DatelineRead::None => DatelineRead::None,
    }
}

/// Count `k` as used in this generation.
fn mark(k: &mut Kept, generation: u64, live: &mut usize) {
    if k.used != generation {
        k.used = generation;
        *live += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_reusing, parse_with, Article, Format};
    use super::quotes::{Nesting, Settings};
    use super::Reuse;

    /// The settings a house style would choose, varied by the story's dateline so that
    /// stories of one file may differ.
    fn settings(story: &Article) -> Settings {
        Settings {
            nesting: Nesting::Us,
            headline_singles: story.dateline().is_some_and(|d| d.credit.is_some()),
        }
    }

    fn check_edits(name: &str, mut text: String, format: Format) {
        let mut reuse = Reuse::default();
        let mut state = 0x9e37_79b9_u64 ^ text.len() as u64;
        let mut rand = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        };
        let inserts = [
            "x",
            "",
            "\n\n",
            "\n",
            " ",
            "“",
            "”",
            "'",
            "\"",
            "’",
            "-30-\n\n",
            "\n\nKEY WORDS: a\n\n",
            "\n\nTRADE GROWS\n",
            "## Sub\n",
            "东京",
            "🎉",
            "(Reporting by A. Writer)\n\n",
            "Enditem",
            " Enditem\n\n",
            "BC-XYZ/\n\n",
            "Photo: Lee Chan\n\n",
        ];
        for step in 0..120 {
            let mut at = rand(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if rand(3) == 0 && at < text.len() {
                // Delete a few characters.
                let mut end = (at + 1 + rand(8)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, inserts[rand(inserts.len())]);
            }
            let kept = parse_reusing(&text, format, settings, &mut reuse);
            let fresh = parse_with(&text, format, settings);
            assert_eq!(kept, fresh, "{name}, step {step}: {text:?}");
        }
    }

    /// Across random edits (typing, deleting, blank lines that split blocks, end marks,
    /// subheads, quotation marks, CJK and emoji), a parse reusing the last one is the
    /// fresh parse, story for story.
    #[test]
    fn reusing_equals_a_fresh_parse_across_edits() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let format = Format::from_path(&path.to_string_lossy());
            check_edits(&path.display().to_string(), text, format);
            n += 1;
        }
        assert!(n >= 5);
        // Two stories in one file, the second after an end mark; running quotes.
        let two = "Mayor wins\n\nDALLAS (AP) — “We won. We will go on.\n\n“Nobody stops us,” \
                   she said.\n\n-30-\n\nStorm hits coast\n\nMIAMI (UPI) — The storm ‘hit’ \
                   hard, officials said.\n\nIt’s the ’90s again.\n"
            .to_string();
        check_edits("two stories", two.clone(), Format::Plain);
        check_edits("markdown", format!("# {two}"), Format::Markdown);
    }

    /// The store forgets blocks the text no longer holds.
    #[test]
    fn the_store_stays_bounded() {
        let mut reuse = Reuse::default();
        for i in 0..400 {
            let text = format!("Head {i}\n\nDALLAS (AP) — Para “{i}” one.\n\nPara {i} two.\n");
            parse_reusing(&text, Format::Plain, settings, &mut reuse);
        }
        // Three blocks live (one paragraph holds marks), and at most 64 more kept.
        assert!(
            reuse.blocks.kept.len() <= 2 * 3 + 64,
            "{}",
            reuse.blocks.kept.len()
        );
        assert!(reuse.quotes.len() <= 2 + 64, "{}", reuse.quotes.len());
    }
}
