//! `numbers/*`: figures and numbers in words, money, large round figures, ranges and
//! decades (AP's numerals entry; the other houses agree on everything checked here).
//!
//! Every rule is a [`Scope::Paragraph`](crate::rules::Scope::Paragraph) rule reading the
//! paragraph's figures ([`crate::prose`]) and is held back by one [`Guard`]: never inside
//! a quotation, a URL, an e-mail address, a code span, a ticker (`<TXN.N>`), the lede's
//! dateline, or a table of results (lines of figures). Findings are made only where the
//! copy is certainly wrong; the fix is given where the right text is certain.
//!
//! Every rule of this family holds in
//! every house profile (AP, UPI, Reuters, AFP, Xinhua, Bloomberg and generic, which keeps
//! what all of them agree on). `[numbers] spell_out_below` in `copydesk.toml` moves the
//! line between words and figures ([`crate::config::NumbersConfig`]).

mod currency_repeated;
mod decade;
mod large_in_figures;
mod millions;
mod range_unit;
mod sentence_start;
mod small_in_words;
#[cfg(test)]
mod tests;
mod zero_cents;

pub use currency_repeated::CurrencyRepeated;
pub use decade::Decade;
pub use large_in_figures::LargeInFigures;
pub use millions::Millions;
pub use range_unit::RangeUnit;
pub use sentence_start::SentenceStart;
pub use small_in_words::SmallInWords;
pub use zero_cents::ZeroCents;

use std::cell::OnceCell;

use super::{ParagraphContext, Rule};
use crate::article::{dateline, DatelineRead, ParagraphKind};
use crate::span::Span;

pub const RULES: &[&dyn Rule] = &[
    &CurrencyRepeated,
    &Decade,
    &LargeInFigures,
    &Millions,
    &RangeUnit,
    &SentenceStart,
    &SmallInWords,
    &ZeroCents,
];

/// Where a paragraph rule of the style families may not report: quotations, URLs, e-mail
/// addresses, code spans, tickers, the lede's dateline and tables of figures. Each test is
/// made on first need, once per paragraph and rule.
pub(crate) struct Guard<'c, 'a> {
    cx: &'c ParagraphContext<'a>,
    table: OnceCell<bool>,
    dateline_end: OnceCell<usize>,
}

impl<'c, 'a> Guard<'c, 'a> {
    pub(crate) fn new(cx: &'c ParagraphContext<'a>) -> Self {
        Guard {
            cx,
            table: OnceCell::new(),
            dateline_end: OnceCell::new(),
        }
    }

    /// Where the lede's dateline ends (0 for any other paragraph): the body text begins.
    pub(crate) fn body_start(&self) -> usize {
        *self.dateline_end.get_or_init(|| {
            if self.cx.kind != ParagraphKind::Lede {
                return 0;
            }
            match dateline::read(self.cx.text, Span::new(0, self.cx.text.len())) {
                DatelineRead::Found(d) => d.span.end,
                DatelineRead::Unparseable { span, .. } => span.end,
                DatelineRead::None => 0,
            }
        })
    }

    /// The paragraph is a table of results: lines of figures, not sentences.
    pub(crate) fn is_table(&self) -> bool {
        *self.table.get_or_init(|| is_table(self.cx.text))
    }

    /// May a finding be made at `span` (relative to the paragraph)?
    pub(crate) fn allows(&self, span: Span) -> bool {
        span.start >= self.body_start()
            && !self.cx.in_quotation(span)
            && !self.is_table()
            && !protected(self.cx.text, span)
    }
}

/// Is `span` inside a URL, an e-mail address, a code span (backticks) or a ticker
/// (`<TXN.N>`)?
pub(crate) fn protected(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let after = &text[span.end..];
    // The whitespace-separated piece holding the span.
    let piece_start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let piece_end = span.end + after.find(char::is_whitespace).unwrap_or(after.len());
    let piece = &text[piece_start..piece_end];
    if piece.contains("://") || piece.contains('@') || piece.starts_with("www.") {
        return true;
    }
    // A code span: an odd number of backticks before the span.
    if before.bytes().filter(|&b| b == b'`').count() % 2 == 1 {
        return true;
    }
    // A ticker or tag: an unclosed `<` before, a `>` after, on the same line.
    if let Some(lt) = before.rfind('<') {
        let between = &before[lt..];
        if !between.contains('>') && !between.contains('\n') {
            let rest = after.split('\n').next().unwrap_or("");
            if rest.contains('>') {
                return true;
            }
        }
    }
    false
}

/// A paragraph of figures rather than sentences: a results line (`Net 12.6 mln vs 15.8
/// mln`, `Revs 7,075,000 vs 2,330,000`, `12 mths`) or a block of lines most of which hold
/// two figures or more.
pub(crate) fn is_table(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return false;
    }
    let figures = |l: &str| {
        l.split_whitespace()
            .filter(|w| {
                w.trim_start_matches(['$', '(', '-', '+', '€', '£', '¥'])
                    .starts_with(|c: char| c.is_ascii_digit())
            })
            .count()
    };
    // No line ends as a sentence does, and there is a figure: a results line.
    let sentence_end = |l: &str| {
        let t = l.trim_end();
        let t = t.strip_suffix("Reuter").unwrap_or(t).trim_end();
        // A closing bracket or quote ends a sentence after a final mark only (`(4.13)`
        // closes a figure).
        let t = t.trim_end_matches(['"', '”', '’', ')']);
        t.ends_with(['.', '?', '!', ':', ';', ','])
    };
    if !lines.iter().any(|l| sentence_end(l)) {
        let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
        let figures: usize = lines.iter().map(|l| figures(l)).sum();
        if figures > 0 && (text.contains(" vs ") || figures * 3 >= words) {
            return true;
        }
    }
    lines.len() >= 2 && lines.iter().filter(|l| figures(l) >= 2).count() * 2 > lines.len()
}

/// The word (letters, hyphens and apostrophes) starting at byte `at` of `text`, after
/// spaces: its span.
pub(crate) fn next_word(text: &str, at: usize) -> Option<Span> {
    let rest = text.get(at..)?;
    let skip = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let start = at + skip;
    let word = &text[start..];
    let len = word
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
        .map_or(word.len(), |(i, _)| i);
    (len > 0).then(|| Span::new(start, start + len))
}

/// The word ending just before byte `at` of `text` (spaces skipped), trailing period
/// kept: its span.
pub(crate) fn previous_word(text: &str, at: usize) -> Option<Span> {
    let before = text.get(..at)?;
    let end = before.trim_end_matches([' ', '\t', '(', '“', '"']).len();
    let start = before[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < end).then(|| Span::new(start, end))
}

pub(crate) const ONES: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0–99 in words (`25` -> `twenty-five`).
pub(crate) fn in_words(n: u32) -> Option<String> {
    Some(match n {
        0..=9 => ONES[n as usize].to_string(),
        10..=19 => TEENS[n as usize - 10].to_string(),
        20..=99 if n % 10 == 0 => TENS[n as usize / 10].to_string(),
        20..=99 => format!("{}-{}", TENS[n as usize / 10], ONES[n as usize % 10]),
        _ => return None,
    })
}

/// `twenty-five` (any case) -> 25, for 1–99.
pub(crate) fn from_words(word: &str) -> Option<u32> {
    let find = |list: &[&str], w: &str| list.iter().position(|x| x.eq_ignore_ascii_case(w));
    if let Some(i) = find(&ONES, word).filter(|&i| i > 0) {
        return Some(i as u32);
    }
    if let Some(i) = find(&TEENS, word) {
        return Some(10 + i as u32);
    }
    let (tens, ones) = match word.split_once('-') {
        Some((t, o)) => (t, Some(o)),
        None => (word, None),
    };
    let t = find(&TENS[2..], tens)? as u32 + 2;
    match ones {
        None => Some(t * 10),
        Some(o) => {
            let o = find(&ONES, o).filter(|&o| o > 0)? as u32;
            Some(t * 10 + o)
        }
    }
}

/// Is the lower-case word one that starts a number word of 10 or more (`ten` ...
/// `nineteen`, `twenty` ... `ninety`)? A `match` on the text, no allocation.
pub(crate) fn starts_large_number(w: &str) -> bool {
    matches!(
        w,
        "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
    )
}

/// Upper-case the first letter.
pub(crate) fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Plural (and a few singular) nouns that count people or things and are never a unit,
/// a measure, a score or a rank: with one of these after it, a number is a plain count,
/// which AP writes in words below 10 and in figures from 10 on. Sorted.
const COUNT_NOUNS: &[&str] = &[
    "activists",
    "adults",
    "aircraft",
    "airlines",
    "airports",
    "ambassadors",
    "animals",
    "apartments",
    "attackers",
    "attacks",
    "banks",
    "bishops",
    "bodies",
    "bombs",
    "books",
    "boys",
    "bridges",
    "brothers",
    "buildings",
    "buses",
    "candidates",
    "cars",
    "cats",
    "child",
    "children",
    "churches",
    "cities",
    "civilians",
    "colleagues",
    "companies",
    "countries",
    "cousins",
    "daughters",
    "defendants",
    "delegates",
    "demonstrators",
    "diplomats",
    "doctors",
    "dogs",
    "employees",
    "executives",
    "factories",
    "families",
    "farmers",
    "firefighters",
    "firms",
    "fishermen",
    "friends",
    "girls",
    "grandchildren",
    "guards",
    "helicopters",
    "homes",
    "horses",
    "hospitals",
    "hostages",
    "hotels",
    "houses",
    "journalists",
    "judges",
    "jurors",
    "lawmakers",
    "lawyers",
    "man",
    "men",
    "migrants",
    "militants",
    "ministers",
    "mosques",
    "nations",
    "nurses",
    "officers",
    "officials",
    "parties",
    "passengers",
    "patients",
    "people",
    "person",
    "pilots",
    "planes",
    "policemen",
    "prisoners",
    "protesters",
    "provinces",
    "pupils",
    "rebels",
    "refugees",
    "reporters",
    "residents",
    "restaurants",
    "schools",
    "senators",
    "ships",
    "siblings",
    "sisters",
    "soldiers",
    "sons",
    "stores",
    "students",
    "suspects",
    "teachers",
    "teenagers",
    "tourists",
    "towns",
    "trucks",
    "vehicles",
    "victims",
    "villagers",
    "villages",
    "visitors",
    "volunteers",
    "woman",
    "women",
    "workers",
];

/// Does `word` (as written) count people or things ([`COUNT_NOUNS`])?
pub(crate) fn is_count_noun(word: &str) -> bool {
    COUNT_NOUNS.binary_search(&word).is_ok()
}

/// Words before a figure that make it a number in a name or a rank, an age or a
/// measure, never a count (`No. 3`, `aged 7`, `size 8`, `4 x 4 vehicles`); compared in
/// lower case.
const NOT_A_COUNT_BEFORE: &[&str] = &[
    "age",
    "aged",
    "ages",
    "apartment",
    "article",
    "by",
    "category",
    "chapter",
    "class",
    "exit",
    "flight",
    "floor",
    "gate",
    "grade",
    "level",
    "no.",
    "nos.",
    "number",
    "page",
    "per",
    "phase",
    "platform",
    "room",
    "route",
    "section",
    "size",
    "stage",
    "step",
    "suite",
    "terminal",
    "times",
    "type",
    "unit",
    "x",
];

/// Is the word before a figure one that makes it no count ([`NOT_A_COUNT_BEFORE`]), a
/// capitalized word (`Apollo 9`, `Channel 4`), or a figure (`1 in 5`)?
pub(crate) fn not_a_count_before(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    NOT_A_COUNT_BEFORE.contains(&lower.as_str())
        || word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || word.ends_with(|c: char| c.is_ascii_digit())
}
