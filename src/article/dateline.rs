//! Reading the dateline at the start of the first body paragraph.
//!
//! The shape is `PLACE[/PLACE][, Region]*[, Date] (Credit) SEP ` with every piece optional
//! but the credit or the separator. The reader is lenient: it records what it found, where,
//! and in which form, and leaves judging the form to the `dateline/*` rules.

use serde::Serialize;

use crate::span::Span;

/// Agencies whose credit may stand without a separator (`New Delhi, Apr 25 (PTI) The ...`)
/// and that a dateline credit is recognised by.
pub const KNOWN_AGENCIES: &[&str] = &[
    "AP",
    "UPI",
    "Reuters",
    "AFP",
    "Xinhua",
    "Bloomberg",
    "PTI",
    "IANS",
    "ANI",
    "dpa",
    "DPA",
    "Kyodo",
    "Yonhap",
    "TASS",
    "RIA",
    "EFE",
    "ANSA",
    "CNA",
    "Bernama",
    "Antara",
    "APA",
    "AAP",
    "CP",
    "KUNA",
    "WAM",
    "SPA",
    "IRNA",
    "Anadolu",
    "MENA",
    "PAP",
    "CTK",
    "BTA",
    "VNA",
    "KCNA",
    "Interfax",
    "Sputnik",
    "Prensa Latina",
    "NNA",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SeparatorKind {
    /// `—` U+2014 (AP).
    EmDash,
    /// `–` U+2013.
    EnDash,
    /// `--` (Xinhua, UPI, Bloomberg).
    DoubleHyphen,
    /// `-` (Reuters, AFP).
    Hyphen,
    /// `:` (ANI).
    Colon,
}

impl SeparatorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SeparatorKind::EmDash => "—",
            SeparatorKind::EnDash => "–",
            SeparatorKind::DoubleHyphen => "--",
            SeparatorKind::Hyphen => "-",
            SeparatorKind::Colon => ":",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Separator {
    pub span: Span,
    pub kind: SeparatorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// The whole credit, parentheses included.
    pub span: Span,
    /// The agency's name alone.
    pub agency: Span,
    pub parenthesized: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DatePart {
    pub span: Span,
    /// The month word as written (`Sept.`, `September`, `Sep`).
    pub month: Span,
    /// 1–12.
    pub month_number: u8,
    /// The day's digits.
    pub day: Span,
    pub day_number: u32,
    /// An ordinal suffix after the day (`th` in `19th`).
    pub suffix: Option<Span>,
    /// A year given in the dateline (`March 3, 1987`).
    pub year: Option<(Span, i32)>,
    /// The month word is no month as written but one edit from one (`Spet.`, `Narch`):
    /// `month_number` is that nearest month.
    pub misspelt: bool,
}

/// A parsed dateline. All spans point into the article text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// From the paragraph start through the separator and the spaces after it.
    pub span: Span,
    /// The place as written, joint places included (`WASHINGTON/BRUSSELS`); empty for
    /// credit-only datelines such as `(Bloomberg) -- `.
    pub place: Span,
    /// Each place of a joint dateline.
    pub places: Vec<Span>,
    /// State, province or country parts between the place and the date.
    pub regions: Vec<Span>,
    pub date: Option<DatePart>,
    pub credit: Option<Credit>,
    pub separator: Option<Separator>,
    /// Where a comma is missing between two parts (an empty span at the gap).
    pub missing_commas: Vec<Span>,
}

/// What the start of a paragraph turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatelineRead {
    Found(Box<Dateline>),
    /// It looks like a dateline, but its parts cannot be made out.
    Unparseable {
        span: Span,
        reason: String,
    },
    None,
}

pub fn month_number(word: &str) -> Option<u8> {
    let n = month_number_any_case(word)?;
    // Month words are capitalised in datelines; "may" or "march" in lower case are verbs.
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some(n)
}

/// The month a word names in any case (`march`, `FEb`): for a word already known to stand
/// in a dateline's date, before the day.
pub fn month_number_any_case(word: &str) -> Option<u8> {
    crate::words::month_any_case(word)
}

/// The month a misspelt month word is nearest to (`Spet.` -> 9, `Narch` -> 3, `Mach` -> 3):
/// one edit (a transposition counts as one) from a month form, or two from a full name
/// of six letters or more, with every near form naming the same month.
pub fn nearest_month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 10 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    let counts = letter_counts(&lower);
    let mut best: Option<(usize, u8)> = None;
    let mut tie = false;
    for (form, form_counts, n) in month_forms() {
        let limit = if form.len() >= 6 && lower.len() >= 6 {
            2
        } else {
            1
        };
        // Two cheap lower bounds of the distance, so that most forms are never compared:
        // the difference in length, and half the letters the two do not share (an edit
        // changes at most one letter on each side; a transposition none).
        if lower.len().abs_diff(form.len()) > limit {
            continue;
        }
        let unshared: u32 = counts
            .iter()
            .zip(form_counts)
            .map(|(a, b)| u32::from(a.abs_diff(*b)))
            .sum();
        if unshared as usize > 2 * limit {
            continue;
        }
        let d = strsim::damerau_levenshtein(&lower, form);
        if d == 0 || d > limit {
            continue;
        }
        match best {
            Some((bd, bn)) if d == bd && *n != bn => tie = true,
            Some((bd, _)) if d >= bd => {}
            _ => {
                best = Some((d, *n));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, n)| n)
}

/// How many times each ASCII letter occurs in a lowercase ASCII word.
fn letter_counts(lower: &str) -> [u8; 26] {
    let mut c = [0u8; 26];
    for b in lower.bytes() {
        if b.is_ascii_lowercase() {
            c[usize::from(b - b'a')] = c[usize::from(b - b'a')].saturating_add(1);
        }
    }
    c
}

/// Every month form [`nearest_month`] compares with, lowercase, with its letter counts
/// and its month number, in the order it compares them (full, Reuters, short forms).
fn month_forms() -> &'static [(String, [u8; 26], u8)] {
    use crate::words::{FULL_MONTHS, REUTERS_MONTHS, SHORT_MONTHS};
    static FORMS: std::sync::OnceLock<Vec<(String, [u8; 26], u8)>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        [&FULL_MONTHS, &REUTERS_MONTHS, &SHORT_MONTHS]
            .iter()
            .flat_map(|list| {
                list.iter().enumerate().map(|(i, form)| {
                    let form = form.to_ascii_lowercase();
                    let counts = letter_counts(&form);
                    (form, counts, i as u8 + 1)
                })
            })
            .collect()
    })
}

use crate::words::PLACE_CONNECTORS as CONNECTORS;

fn is_sep_at(s: &str, i: usize) -> Option<(usize, SeparatorKind)> {
    let rest = &s[i..];
    if rest.starts_with("--") {
        let n = rest.len() - rest.trim_start_matches('-').len();
        return Some((n, SeparatorKind::DoubleHyphen));
    }
    if rest.starts_with('—') {
        return Some(('—'.len_utf8(), SeparatorKind::EmDash));
    }
    if rest.starts_with('–') {
        return Some(('–'.len_utf8(), SeparatorKind::EnDash));
    }
    if rest.starts_with('-') {
        return Some((1, SeparatorKind::Hyphen));
    }
    if rest.starts_with(':') {
        return Some((1, SeparatorKind::Colon));
    }
    None
}

/// The longest a dateline's text before the credit or separator may be.
const MAX_PREFIX: usize = 120;

/// Read the dateline at the start of `span` (the first body paragraph).
pub fn read(text: &str, span: Span) -> DatelineRead {
    let mut lenient_differs = false;
    let strict = read_with(text, span, false, &mut lenient_differs);
    if matches!(strict, DatelineRead::Found(_)) {
        return strict;
    }
    // A place not in capitals (`New york, March 2 - `, `la paz, march 4 - `, `dallas (AP)
    // — `): read again with lower-case words allowed before the first comma, and keep the
    // reading only when a date and a separator, or a known agency's credit in parentheses,
    // follow: an ordinary sentence has neither.
    //
    // The second reading can only differ where the first one stopped at a lower-case word
    // before the first comma or refused a place not opening in capitals
    // (`lenient_differs`), and can only find a dateline when a credit's `(` or a dash
    // stands where the scan reaches: otherwise it is not made.
    if !lenient_differs || !stop_within_reach(span.text(text)) {
        return strict;
    }
    match read_with(text, span, true, &mut lenient_differs) {
        DatelineRead::Found(d)
            if (d.date.is_some() && d.separator.is_some())
                || d.credit.is_some_and(|c| {
                    c.parenthesized
                        && KNOWN_AGENCIES
                            .iter()
                            .any(|a| a.eq_ignore_ascii_case(c.agency.text(text)))
                }) =>
        {
            DatelineRead::Found(d)
        }
        _ => strict,
    }
}

/// The characters of the paragraph's first line that [`read_with`]'s scan can reach.
fn within_reach(para: &str) -> impl Iterator<Item = char> + '_ {
    para.char_indices()
        .take_while(|&(i, c)| i <= MAX_PREFIX && c != '\n' && c != '\r')
        .map(|(_, c)| c)
}

/// The paragraph's first line holds, where [`read`]'s scan can reach it, a `(` or a dash:
/// the only places the scan stops at a credit or a separator.
fn stop_within_reach(para: &str) -> bool {
    within_reach(para).any(|c| matches!(c, '(' | '-' | '—' | '–'))
}

/// Could [`read`] find a dateline with a credit in parentheses at the start of `para`?
/// Only when a `(` stands where its scan can reach: a cheap test before a reading.
pub fn may_hold_credit(para: &str) -> bool {
    within_reach(para).any(|c| c == '(')
}

/// One reading; `lenient_place`: allow lower-case words before the first comma. A strict
/// reading sets `lenient_differs` where a lenient one would have gone on.
fn read_with(
    text: &str,
    span: Span,
    lenient_place: bool,
    lenient_differs: &mut bool,
) -> DatelineRead {
    let para = span.text(text);
    // Datelines live on the paragraph's first line.
    let first_line_len = para.find(['\n', '\r']).unwrap_or(para.len());
    let line = &para[..first_line_len];
    let base = span.start;
    let at = |i: usize| base + i;

    // Scan to the credit's '(' or a separator, stopping at anything a dateline cannot hold.
    let mut stop: Option<(usize, Stop)> = None;
    let mut prev_space = true;
    let mut word_start = true;
    let mut lowercase_word: Option<usize> = None;
    let mut in_place = true;
    for (i, c) in line.char_indices() {
        if i > MAX_PREFIX {
            break;
        }
        if c == ',' {
            in_place = false;
        }
        if c == '(' {
            stop = Some((i, Stop::Paren));
            break;
        }
        if c == '—' || c == '–' || (c == '-' && line[i..].starts_with("--")) {
            stop = Some((i, Stop::Separator));
            break;
        }
        // ` - `, or `26- ` with the space before the hyphen missing after a date.
        // `2 March- ` too: a day-first date whose separator lost its space.
        let after_digit = || {
            i > 0
                && (line.as_bytes()[i - 1].is_ascii_digit() || {
                    let word = line[..i]
                        .rsplit(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("");
                    month_number_any_case(word).is_some()
                        && line[..i - word.len()]
                            .trim_end()
                            .ends_with(|c: char| c.is_ascii_digit())
                })
        };
        // (`after_digit` reads back from `i`: asked of a hyphen only.)
        if c == '-'
            && (prev_space || after_digit())
            && line[i + 1..].starts_with(char::is_whitespace)
        {
            stop = Some((i, Stop::Separator));
            break;
        }
        if matches!(c, '"' | '“' | '”' | '?' | '!' | ';' | ':') {
            break;
        }
        if word_start && c.is_alphabetic() && c.is_lowercase() {
            let rest = &line[i..];
            let word = &rest[..rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len())];
            // `march 2`: a month in lower case, still a date.
            let rest = line[i + word.len()..].trim_start_matches(['.', ' ']);
            let lower_month = month_number_any_case(word).is_some()
                && rest.starts_with(|c: char| c.is_ascii_digit());
            let lenient = lenient_place && in_place && i < 40;
            if !CONNECTORS.contains(&word) && !lower_month && !lenient {
                *lenient_differs |= in_place && i < 40;
                lowercase_word = Some(i);
                break;
            }
        }
        prev_space = c.is_whitespace();
        word_start = c.is_whitespace() || c == '/' || c == ',';
    }

    let Some((stop_at, kind)) = stop else {
        return looks_like_dateline(line, base, lowercase_word);
    };
    let mut prefix_end = line[..stop_at].trim_end().len();

    // An unparenthesized credit before the separator: `BEIJING, Sept. 19 Xinhua -- `.
    let mut bare_credit = None;
    if kind == Stop::Separator {
        let head = &line[..prefix_end];
        let word_start = head
            .rfind(|c: char| c.is_whitespace() || c == ',')
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[word_start..];
        if word_start > 0 && KNOWN_AGENCIES.contains(&word) {
            let agency = Span::new(at(word_start), at(prefix_end));
            bare_credit = Some(Credit {
                span: agency,
                agency,
                parenthesized: false,
            });
            prefix_end = head[..word_start].trim_end().len();
        }
    }
    let prefix = Span::new(at(0), at(prefix_end));

    let (credit, after_credit) = match kind {
        Stop::Paren => {
            let Some(close_rel) = line[stop_at..].find(')') else {
                return looks_like_dateline(line, base, lowercase_word);
            };
            let close = stop_at + close_rel;
            let inner = &line[stop_at + 1..close];
            let agency_text = inner.trim();
            let lead = inner.len() - inner.trim_start().len();
            if !plausible_agency(agency_text) {
                return looks_like_dateline(line, base, Some(stop_at));
            }
            let agency = Span::new(
                at(stop_at + 1 + lead),
                at(stop_at + 1 + lead + agency_text.len()),
            );
            (
                Some(Credit {
                    span: Span::new(at(stop_at), at(close + 1)),
                    agency,
                    parenthesized: true,
                }),
                close + 1,
            )
        }
        Stop::Separator => (bare_credit, stop_at),
    };

    // The separator after the credit (or where the scan stopped).
    let ws = line[after_credit..].len() - line[after_credit..].trim_start().len();
    let sep_at = after_credit + ws;
    let separator = is_sep_at(line, sep_at).map(|(len, kind)| Separator {
        span: Span::new(at(sep_at), at(sep_at + len)),
        kind,
    });
    let end_rel = match &separator {
        Some(sep) => {
            let after = sep.span.end - base;
            after + (line[after..].len() - line[after..].trim_start().len())
        }
        None => sep_at,
    };

    // A separator-less dateline needs a credit from a known agency (PTI style).
    if separator.is_none() {
        let known = credit
            .as_ref()
            .is_some_and(|c| KNOWN_AGENCIES.contains(&c.agency.text(text)));
        if !known {
            return looks_like_dateline(line, base, lowercase_word);
        }
    }

    // Split the prefix into comma-separated parts.
    let mut parts: Vec<Span> = Vec::new();
    let prefix_text = prefix.text(text);
    let mut part_start = 0;
    for (i, c) in prefix_text.char_indices() {
        if c == ',' {
            parts.push(trim_span(text, prefix.sub(part_start, i)));
            part_start = i + 1;
        }
    }
    if part_start < prefix_text.len() {
        parts.push(trim_span(text, prefix.sub(part_start, prefix_text.len())));
    }
    parts.retain(|p| !p.is_empty());

    let mut missing_commas = Vec::new();
    let mut place = Span::empty(base);
    let mut regions = Vec::new();
    let mut date: Option<DatePart> = None;
    // Places after a region (`..., Fla./WASHINGTON`).
    let mut joint: Vec<Span> = Vec::new();
    if credit.is_none() && parts.is_empty() {
        return DatelineRead::None;
    }
    for (n, part) in parts.iter().copied().enumerate() {
        if n == 0 {
            // No place, only a date: Bloomberg's older `Dec. 23 (Bloomberg) -- `.
            if let Some(d) = parse_date(text, part) {
                date = Some(d);
                continue;
            }
            // The place, which may run into a date when a comma is missing.
            match split_embedded_date(text, part) {
                Some((p, d)) => {
                    place = p;
                    missing_commas.push(Span::empty(p.end));
                    date = Some(d);
                }
                None => place = part,
            }
            if !lenient_place && !place.text(text).starts_with(|c: char| c.is_uppercase()) {
                *lenient_differs = true;
                return unparseable(base, end_rel, "the place must come first");
            }
            if lenient_place && !place.text(text).starts_with(char::is_alphabetic) {
                return DatelineRead::None;
            }
            continue;
        }
        // A second place after the first one's region: `WEST PALM BEACH, Fla./WASHINGTON`.
        let part_text = part.text(text);
        if let Some(slash) = part_text.find('/').filter(|_| date.is_none()) {
            let left = trim_span(text, part.sub(0, slash));
            let right = trim_span(text, part.sub(slash + 1, part_text.len()));
            let right_text = right.text(text);
            if is_region(left.text(text))
                && right_text.starts_with(|c: char| c.is_uppercase())
                && !right_text.chars().any(char::is_lowercase)
            {
                regions.push(left);
                match split_embedded_date(text, right) {
                    Some((p, d)) => {
                        joint.push(p);
                        missing_commas.push(Span::empty(p.end));
                        date = Some(d);
                    }
                    None => joint.push(right),
                }
                continue;
            }
        }
        if let Some(d) = date.as_mut() {
            if d.year.is_none() {
                if let Some(y) = parse_year(part.text(text)) {
                    d.year = Some((part, y));
                    d.span = d.span.cover(part);
                    continue;
                }
            }
        }
        if let Some(d) = parse_date(text, part).or_else(|| parse_misspelt_date(text, part)) {
            date = Some(d);
        } else if let Some((r, d)) = split_embedded_date(text, part)
            .filter(|(r, _)| date.is_none() && is_region(r.text(text)))
        {
            regions.push(r);
            missing_commas.push(Span::empty(r.end));
            date = Some(d);
        } else if is_region(part.text(text)) && date.is_none() {
            regions.push(part);
        } else {
            let what = part.text(text);
            return unparseable(
                base,
                end_rel,
                &format!("cannot read `{what}` as a region or a date"),
            );
        }
    }

    // Without a credit, only an all-capitals place or a date makes a dateline: an ordinary
    // sentence with a dash in it is not one. An all-capitals headline with a dash
    // (`ECONOMIC SPOTLIGHT - BANKAMERICA`) is not one either: a dateline's story follows it
    // in sentence case.
    if credit.is_none() {
        let place_text = place.text(text);
        let all_caps = place_text.chars().any(|c| c.is_alphabetic())
            && !place_text.chars().any(|c| c.is_lowercase());
        if !all_caps && date.is_none() {
            return DatelineRead::None;
        }
        if date.is_none() && regions.is_empty() {
            let story = &line[end_rel.min(line.len())..];
            let sentence_words = story
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_lowercase))
                .count();
            if sentence_words < 3 {
                return DatelineRead::None;
            }
        }
    }

    let mut places = split_places(text, place);
    if let Some(&last) = joint.last() {
        places.extend(joint.iter().copied());
        place = place.cover(last);
    }
    DatelineRead::Found(Box::new(Dateline {
        span: Span::new(base, at(end_rel)),
        place,
        places,
        regions,
        date,
        credit,
        separator,
        missing_commas,
    }))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    Paren,
    Separator,
}

fn unparseable(base: usize, end_rel: usize, reason: &str) -> DatelineRead {
    DatelineRead::Unparseable {
        span: Span::new(base, base + end_rel),
        reason: reason.to_string(),
    }
}

/// No credit or separator was found. It still looks like a failed dateline when the
/// paragraph opens with a capitalised place, a comma and a date (`BEIJING, Sept. 19 Officials`).
fn looks_like_dateline(line: &str, base: usize, stop: Option<usize>) -> DatelineRead {
    let first_word_end = line.find([',', ' ']).unwrap_or(line.len());
    let first = &line[..first_word_end];
    let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(|c| c.is_lowercase());
    if !caps || !line[first_word_end..].starts_with(',') {
        return DatelineRead::None;
    }
    let head_end = stop.unwrap_or(line.len().min(MAX_PREFIX));
    let head = &line[..floor_char_boundary(line, head_end)];
    let has_date = head
        .split([',', ' '])
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| month_number(w[0]).is_some() && parse_day(w[1]).is_some());
    if !has_date {
        return DatelineRead::None;
    }
    let span_end = head.trim_end().len();
    DatelineRead::Unparseable {
        span: Span::new(base, base + span_end),
        reason: "no credit or separator follows the place and date".into(),
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn plausible_agency(s: &str) -> bool {
    if KNOWN_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(s)) {
        return true;
    }
    !s.is_empty()
        && s.len() <= 40
        && s.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

fn trim_span(text: &str, span: Span) -> Span {
    crate::article::lines::trimmed(text, span)
}

fn split_places(text: &str, place: Span) -> Vec<Span> {
    if place.is_empty() {
        return Vec::new();
    }
    let s = place.text(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '/' {
            out.push(trim_span(text, place.sub(start, i)));
            start = i + 1;
        }
    }
    out.push(trim_span(text, place.sub(start, s.len())));
    out
}

fn is_region(s: &str) -> bool {
    let mut any = false;
    for w in s.split_whitespace() {
        if CONNECTORS.contains(&w) {
            continue;
        }
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        {
            return false;
        }
        any = true;
    }
    any
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// A day number with an optional ordinal suffix: `(digits_len, day, suffix_len)`.
fn parse_day(s: &str) -> Option<(usize, u32, usize)> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &s[digits..];
    let suffix = match rest.to_ascii_lowercase().as_str() {
        "" => 0,
        "st" | "nd" | "rd" | "th" => 2,
        _ => return None,
    };
    Some((digits, s[..digits].parse().ok()?, suffix))
}

/// `Month Day` or `Day Month`, e.g. `Sept. 19`, `September 19th`, `19 Sept`.
fn parse_date(text: &str, part: Span) -> Option<DatePart> {
    let s = part.text(text);
    let words: Vec<(usize, &str)> = word_offsets(s);
    let make = |mo: usize, m: &str, do_: usize, d: &str| -> Option<DatePart> {
        let month_number = month_number_any_case(m)?;
        let (digits, day_number, suffix) = parse_day(d)?;
        let month = part.sub(mo, mo + m.len());
        let day = part.sub(do_, do_ + digits);
        Some(DatePart {
            span: part,
            month,
            month_number,
            day,
            day_number,
            suffix: (suffix > 0).then(|| Span::new(day.end, day.end + suffix)),
            year: None,
            misspelt: false,
        })
    };
    match words.as_slice() {
        [(a, x), (b, y)] => make(*a, x, *b, y).or_else(|| make(*b, y, *a, x)),
        [(mo, m), (do_, d), (yo, y)] => {
            // `Sept. 19 2019` with the year's comma missing.
            let year = parse_year(y)?;
            let mut date = make(*mo, m, *do_, d)?;
            date.year = Some((part.sub(*yo, yo + y.len()), year));
            Some(date)
        }
        _ => None,
    }
}

/// `Spet. 19`, `Narch 2`: a date whose month word is misspelt, read as the nearest month.
/// Only for a part after the place, where a word and a day can only be a date.
fn parse_misspelt_date(text: &str, part: Span) -> Option<DatePart> {
    let s = part.text(text);
    let words = word_offsets(s);
    let [(ao, a), (bo, b)] = words.as_slice() else {
        return None;
    };
    // `Spet. 19` or, day first, `2 Mrach`.
    let ((mo, m), (do_, d)) = if parse_day(a).is_some() {
        ((bo, b), (ao, a))
    } else {
        ((ao, a), (bo, b))
    };
    let month_number = nearest_month(m)?;
    let (digits, day_number, suffix) = parse_day(d)?;
    let day = part.sub(*do_, do_ + digits);
    Some(DatePart {
        span: part,
        month: part.sub(*mo, mo + m.len()),
        month_number,
        day,
        day_number,
        suffix: (suffix > 0).then(|| Span::new(day.end, day.end + suffix)),
        year: None,
        misspelt: true,
    })
}

fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// `BEIJING Sept. 19`: a place or region that runs into a date because a comma is missing.
fn split_embedded_date(text: &str, part: Span) -> Option<(Span, DatePart)> {
    let s = part.text(text);
    let words = word_offsets(s);
    for &(at, word) in words.iter().skip(1) {
        // `NEW YORK march 2`, `N.Y. Mrach 3`: any case, or misspelt, when a day follows.
        if month_number_any_case(word).is_some() || nearest_month(word).is_some() {
            let date_span = part.sub(at, s.len());
            if let Some(d) =
                parse_date(text, date_span).or_else(|| parse_misspelt_date(text, date_span))
            {
                let before = trim_span(text, part.sub(0, at));
                return Some((before, d));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filtered `nearest_month` against the comparison of every form, on every
    /// word of three to ten letters one or two edits from a month form and on others.
    #[test]
    fn nearest_month_equals_the_unfiltered_comparison() {
        fn reference(word: &str) -> Option<u8> {
            use crate::words::{FULL_MONTHS, REUTERS_MONTHS, SHORT_MONTHS};
            let w = word.trim_end_matches('.');
            if w.len() < 3 || w.len() > 10 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            let lower = w.to_ascii_lowercase();
            let mut best: Option<(usize, u8)> = None;
            let mut tie = false;
            for list in [&FULL_MONTHS, &REUTERS_MONTHS, &SHORT_MONTHS] {
                for (i, form) in list.iter().enumerate() {
                    let n = i as u8 + 1;
                    let form = form.to_ascii_lowercase();
                    let d = strsim::damerau_levenshtein(&lower, &form);
                    let limit = if form.len() >= 6 && lower.len() >= 6 {
                        2
                    } else {
                        1
                    };
                    if d == 0 || d > limit {
                        continue;
                    }
                    match best {
                        Some((bd, bn)) if d == bd && n != bn => tie = true,
                        Some((bd, _)) if d >= bd => {}
                        _ => {
                            best = Some((d, n));
                            tie = false;
                        }
                    }
                }
            }
            best.filter(|_| !tie).map(|(_, n)| n)
        }
        let mut words: Vec<String> = [
            "said",
            "the",
            "Mrach",
            "Setp.",
            "Agust",
            "Juen",
            "NEW",
            "YORK",
            "Octobre",
            "Novmber",
            "Decembre",
            "jnauary",
            "Febuary",
            "Jully",
            "Mayy",
            "Spet",
            "Dec.",
            "Sept",
            "sep",
            "Ap",
            "Aprli",
            "Marhc",
            "Seot",
            "Jna",
            "Fbe",
            "Jnue",
            "Sepember",
            "Septemeber",
            "Dcember",
            "xinhua",
            "Reuters",
            "Beijing",
            "Monday",
            "pm",
            "a.m.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every single deletion, transposition and letter substitution of every form.
        for form in crate::words::FULL_MONTHS
            .iter()
            .chain(&crate::words::SHORT_MONTHS)
        {
            let b = form.as_bytes();
            for i in 0..b.len() {
                let mut del = b.to_vec();
                del.remove(i);
                words.push(String::from_utf8(del).unwrap());
                if i + 1 < b.len() {
                    let mut t = b.to_vec();
                    t.swap(i, i + 1);
                    words.push(String::from_utf8(t).unwrap());
                }
                for c in [b'a', b'e', b'r', b'u', b'z'] {
                    let mut r = b.to_vec();
                    r[i] = c;
                    words.push(String::from_utf8(r.clone()).unwrap());
                    r.insert(i, c);
                    words.push(String::from_utf8(r).unwrap());
                }
            }
        }
        for w in &words {
            assert_eq!(nearest_month(w), reference(w), "{w}");
        }
    }

    fn read_str(s: &str) -> DatelineRead {
        read(s, Span::new(0, s.len()))
    }

    fn found(s: &str) -> Dateline {
        match read_str(s) {
            DatelineRead::Found(d) => *d,
            other => panic!("no dateline in {s:?}: {other:?}"),
        }
    }

    #[test]
    fn xinhua_with_region() {
        let s = "ST. PETERSBURG, Russia, Sept. 19 (Xinhua) -- Officials met.";
        let d = found(s);
        assert_eq!(d.place.text(s), "ST. PETERSBURG");
        assert_eq!(d.regions.len(), 1);
        assert_eq!(d.regions[0].text(s), "Russia");
        let date = d.date.unwrap();
        assert_eq!(date.month.text(s), "Sept.");
        assert_eq!((date.month_number, date.day_number), (9, 19));
        assert_eq!(d.credit.unwrap().agency.text(s), "Xinhua");
        assert_eq!(d.separator.unwrap().kind, SeparatorKind::DoubleHyphen);
        assert_eq!(
            d.span.text(s),
            "ST. PETERSBURG, Russia, Sept. 19 (Xinhua) -- "
        );
    }

    #[test]
    fn ap_em_dash_no_date() {
        let s = "DALLAS (AP) — The council voted.";
        let d = found(s);
        assert_eq!(d.place.text(s), "DALLAS");
        assert!(d.date.is_none());
        assert_eq!(d.separator.unwrap().kind, SeparatorKind::EmDash);
        assert_eq!(d.span.text(s), "DALLAS (AP) — ");
    }

    #[test]
    fn reuters_1987_without_credit() {
        let s = "LOMBARD, Ill., March 3, 1987 - The company said.";
        let d = found(s);
        assert_eq!(d.regions[0].text(s), "Ill.");
        assert_eq!(d.date.unwrap().year.unwrap().1, 1987);
        assert!(d.credit.is_none());
    }

    #[test]
    fn bloomberg_credit_only_and_joint_places() {
        let s = "(Bloomberg) -- Bonds rose.";
        let d = found(s);
        assert!(d.place.is_empty());
        let s = "Dec. 23 (Bloomberg) -- Bonds rose.";
        let d = found(s);
        assert!(d.place.is_empty());
        assert_eq!(d.date.unwrap().day_number, 23);
        let s = "WASHINGTON/BRUSSELS, Jan 27 (Reuters) - Talks began.";
        let d = found(s);
        assert_eq!(d.places.len(), 2);
    }

    #[test]
    fn missing_space_and_comma_are_recorded_not_fatal() {
        let s = "BRISBANE, Australia, Jan. 1(Xinhua) -- Rain fell.";
        assert_eq!(found(s).credit.unwrap().span.text(s), "(Xinhua)");
        let s = "BEIJING Sept. 19 (Xinhua) -- Rain fell.";
        let d = found(s);
        assert_eq!(d.place.text(s), "BEIJING");
        assert_eq!(d.missing_commas.len(), 1);
        let s = "RICHMOND, Va. Feb 26 - Rain fell.";
        let d = found(s);
        assert_eq!(d.regions[0].text(s), "Va.");
        assert_eq!(d.date.unwrap().day_number, 26);
        assert_eq!(d.missing_commas.len(), 1);
    }

    #[test]
    fn bare_credit_and_unspaced_separator() {
        let s = "BEIJING, Sept. 19 Xinhua -- Rain fell.";
        let d = found(s);
        let c = d.credit.unwrap();
        assert_eq!(c.span.text(s), "Xinhua");
        assert!(!c.parenthesized);
        assert_eq!(d.date.unwrap().day_number, 19);
        let s = "BEIJING, Sept. 19 (Xinhua)--Rain fell.";
        let d = found(s);
        assert_eq!(d.separator.unwrap().span.text(s), "--");
        assert_eq!(d.span.text(s), "BEIJING, Sept. 19 (Xinhua)--");
        let s = "BEIJING,  Sept.  19 (Xinhua) -- Rain fell.";
        assert_eq!(found(s).date.unwrap().day_number, 19);
        let s = "BOSTON, Mass., march 4 - Profit rose.";
        assert_eq!(found(s).date.unwrap().month.text(s), "march");
        let s = "MONTREAL, Feb 26- Profit rose.";
        assert_eq!(found(s).separator.unwrap().span.text(s), "-");
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for s in [
            "ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>",
            "U.S. FINANCIAL ANALYSTS - March 3",
            "The minister said on Monday that talks would resume.",
            "Officials (from both sides) met.",
            "Prices rose - sharply - on Tuesday.",
            "“We will go on,” the minister said.",
            "NATO allies met in Brussels on Tuesday.",
        ] {
            assert_eq!(read_str(s), DatelineRead::None, "{s}");
        }
    }

    #[test]
    fn unparseable_parts() {
        assert!(matches!(
            read_str("BEIJING, 19/9 (Xinhua) -- Officials met."),
            DatelineRead::Unparseable { .. }
        ));
        assert!(matches!(
            read_str("BEIJING, Sept. 19 Officials met on Thursday."),
            DatelineRead::Unparseable { .. }
        ));
    }

    /// The two readings as they were made before the second was skipped: both, always.
    fn read_both(text: &str, span: Span) -> DatelineRead {
        let mut unused = false;
        let strict = read_with(text, span, false, &mut unused);
        if matches!(strict, DatelineRead::Found(_)) {
            return strict;
        }
        match read_with(text, span, true, &mut unused) {
            DatelineRead::Found(d)
                if (d.date.is_some() && d.separator.is_some())
                    || d.credit.is_some_and(|c| {
                        c.parenthesized
                            && KNOWN_AGENCIES
                                .iter()
                                .any(|a| a.eq_ignore_ascii_case(c.agency.text(text)))
                    }) =>
            {
                DatelineRead::Found(d)
            }
            _ => strict,
        }
    }

    /// Skipping the lenient reading where it cannot differ, or cannot find a dateline,
    /// changes no reading, and `may_hold_credit` is false only where no credited
    /// dateline is read.
    #[test]
    fn the_lenient_reading_is_skipped_only_where_it_changes_nothing() {
        let openings = [
            "New york, March 2 - Officials met.",
            "la paz, march 4 - Talks resumed.",
            "dallas (AP) — The city council voted.",
            "東京, March 2 (Kyodo) - Shares rose.",
            "東京, 3月2日 — 株価が上昇した。",
            "the mayor said on Friday - and again on Monday - that the plan stood.",
            "Officials in the city (who asked not to be named) said the talks failed.",
            "The president, speaking in Paris, said—without notes—that “nothing” changed.",
            "de la Rosa, Sept. 3 (Reuters) - Prices fell.",
            "santa fe, N.M., Jan. 5 (AP) — Lawmakers met 🎉.",
            "BEIJING, Sept. 19 (Xinhua) -- Officials met.",
            "BEIJING, Sept. 19 Officials met on Thursday.",
            "WASHINGTON - Officials met on a plan to cut costs by half.",
            "new delhi, Apr 25 (PTI) The court ruled.",
            "a quick note: the meeting moved to 2 p.m.",
            "after 26- the vote was split, and the motion failed in a long line of such motions that ran on and on past the reach of the scan (AP) - x",
            "",
            "(Bloomberg) -- Oil rose.",
            "Dec. 23 (Bloomberg) -- Oil rose.",
            "kathmandu\n(AP) — A second line.",
        ];
        for s in openings {
            let span = Span::new(0, s.len());
            assert_eq!(read(s, span), read_both(s, span), "{s:?}");
            let credited = matches!(read(s, span), DatelineRead::Found(d)
                if d.credit.is_some_and(|c| c.parenthesized));
            assert!(may_hold_credit(s) || !credited, "{s:?}");
        }
        assert!(matches!(
            read_str("dallas (AP) — The city council voted."),
            DatelineRead::Found(_)
        ));
        assert!(matches!(
            read_str("東京, March 2 (Kyodo) - Shares rose."),
            DatelineRead::Found(_)
        ));
    }
}
