//! Page furniture: the lines a web page or a feed wraps around a story, which are not the
//! story (issue 13). Before the lede: site metadata, media-player and share-button
//! captions, print and font-size controls, photo credits, a bare page date, a site byline
//! with a timestamp. After the story: `KEY WORDS:`, `EXPLORE ...`, `EDITOR'S CHOICE`,
//! related-story lists, copyright lines.
//!
//! Every test here reads one line and is cheap: the parser asks only about the lines
//! before the lede and the first line of each block after it.

use super::Date;

/// Words that make up player, share and print controls: a line of nothing else is residue.
const CONTROL_WORDS: &[&str] = &[
    "a",
    "a+",
    "a-",
    "aa",
    "ad",
    "advertisement",
    "back",
    "bookmark",
    "close",
    "comment",
    "comments",
    "copy",
    "e-mail",
    "email",
    "enlarge",
    "facebook",
    "font",
    "fullscreen",
    "gallery",
    "large",
    "larger",
    "link",
    "linkedin",
    "listen",
    "mail",
    "medium",
    "mute",
    "next",
    "pause",
    "photo",
    "photos",
    "play",
    "player",
    "previous",
    "print",
    "reddit",
    "reset",
    "save",
    "share",
    "size",
    "small",
    "smaller",
    "subscribe",
    "text",
    "to",
    "top",
    "tweet",
    "twitter",
    "video",
    "wechat",
    "weibo",
    "whatsapp",
    "x",
    "zoom",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// The first `n` characters of `s`, lower-cased (Unicode lower case, as
/// `char::to_lowercase`), open with `prefix`: no lower-cased copy is built, and the
/// comparison stops at the first character that differs.
fn lower_prefix_is(s: &str, n: usize, prefix: &str) -> bool {
    // ASCII text against an ASCII prefix, byte by byte: one byte is one character, and
    // its lower case is one ASCII byte. Anything else goes the general way.
    let (sb, pb) = (s.as_bytes(), prefix.as_bytes());
    for (k, &p) in pb.iter().enumerate() {
        let Some(&b) = sb.get(k) else {
            return false;
        };
        if !b.is_ascii() || !p.is_ascii() {
            return lower_prefix_is_unicode(s, n, prefix);
        }
        if k >= n || b.to_ascii_lowercase() != p {
            return false;
        }
    }
    true
}

fn lower_prefix_is_unicode(s: &str, n: usize, prefix: &str) -> bool {
    let mut lower = s.chars().take(n).flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Can `s`'s lower case open with one of `firsts` (ASCII bytes)? False for a line whose
/// first character lower-cases to none of them: one test before any prefix is compared.
fn opens_like(s: &str, firsts: &[u8]) -> bool {
    match s.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => firsts.contains(&b.to_ascii_lowercase()),
        // `“` lower-cases to itself; `K` (KELVIN SIGN) to an ASCII `k`.
        Some(_) => s
            .chars()
            .next()
            .and_then(|c| c.to_lowercase().next())
            .is_some_and(|l| l.is_ascii() && firsts.contains(&(l as u8))),
    }
}

/// Does the lower-cased start of `s` (its first `n` characters) open with any of
/// `prefixes` (each opening with an ASCII character)? Only the prefixes whose first byte
/// matches the line's are compared: one test rules out most lines.
fn lower_prefix_any(s: &str, n: usize, prefixes: &[&str]) -> bool {
    let Some(&b) = s.as_bytes().first() else {
        return false;
    };
    if !b.is_ascii() {
        // A non-ASCII first character (`“`) may still lower-case to an ASCII one (`K`
        // KELVIN SIGN): compare the prefixes that open with its lower case, if any.
        let first = s.chars().next().and_then(|c| c.to_lowercase().next());
        return prefixes
            .iter()
            .any(|p| first.is_some_and(|f| p.starts_with(f)) && lower_prefix_is_unicode(s, n, p));
    }
    let first = b.to_ascii_lowercase();
    prefixes
        .iter()
        .any(|p| p.as_bytes().first() == Some(&first) && lower_prefix_is(s, n, p))
}

/// A month name or its abbreviation (`Sept.`, `Oct`), any case: its number.
fn month_word(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| {
        m.starts_with(w.as_str()) && (w.len() >= 3) && (w.len() == m.len() || w.len() <= 4)
    })?;
    u8::try_from(i + 1).ok()
}

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',' | '/'))
        .filter(|w| !w.is_empty())
}

fn is_time(w: &str) -> bool {
    let w = w
        .trim_end_matches(['.', ','])
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let mut parts = w.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let num = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    num(h) && num(m) && parts.all(num)
}

fn is_year(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(['.', ',']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_of(w: &str) -> Option<u8> {
    let w = w.trim_end_matches(['.', ',']);
    let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 21st
    let d: u8 = (w.len() <= 2 && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()?;
    (1..=31).contains(&d).then_some(d)
}

/// A `YYYY-MM-DD` date anywhere on the line.
pub fn find_iso_date(s: &str) -> Option<Date> {
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

/// A date on the line: `YYYY-MM-DD`, `March 15, 2023`, `Oct. 31, 2020`, `31 October 2020`.
pub fn find_date(s: &str) -> Option<Date> {
    if let Some(d) = find_iso_date(s) {
        return Some(d);
    }
    let w: Vec<&str> = words(s).collect();
    for i in 0..w.len() {
        let Some(month) = month_word(w[i]) else {
            continue;
        };
        // Month Day, Year
        if let (Some(day), Some(year)) = (
            w.get(i + 1).and_then(|x| day_of(x)),
            w.get(i + 2).and_then(|x| is_year(x)),
        ) {
            return Some(Date { year, month, day });
        }
        // Day Month Year
        if let (Some(day), Some(year)) = (
            i.checked_sub(1).and_then(|j| day_of(w[j])),
            w.get(i + 1).and_then(|x| is_year(x)),
        ) {
            return Some(Date { year, month, day });
        }
    }
    None
}

/// A line that is nothing but a date and perhaps a weekday, a time and a zone:
/// `March 15, 2023`, `Friday, July 21, 2017`, `2019-09-19 14:05:29`, `10:12, October 31, 2020`.
pub fn is_page_date(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 60 || find_date(t).is_none() {
        return false;
    }
    words(t).all(|w| {
        let lw = w.trim_end_matches(['.', ',']).to_ascii_lowercase();
        WEEKDAYS.contains(&lw.as_str())
            || month_word(w).is_some()
            || day_of(w).is_some()
            || is_year(w).is_some()
            || is_time(w)
            || find_iso_date(w).is_some()
            || matches!(
                lw.as_str(),
                "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "bjt" | "edt" | "est" | "cet" | "-"
            )
            || (lw.starts_with(['+', '-']) && lw[1..].bytes().all(|b| b.is_ascii_digit()))
    })
}

/// `(Xinhua)    10:12, October 31, 2020`, `Xinhua | 2020-10-31`, `By Xinhua | Updated: ...`:
/// a site's credit with the page's timestamp.
pub fn is_site_byline(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 100 {
        return false;
    }
    if let Some(rest) = t.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            let credit = &rest[..close];
            let after = rest[close + 1..].trim();
            return !credit.is_empty()
                && credit.len() <= 30
                && credit.starts_with(|c: char| c.is_uppercase())
                && !after.is_empty()
                && is_page_date(after.trim_start_matches(['|', '-', ' ']));
        }
    }
    if let Some((credit, after)) = t.split_once('|') {
        let credit = credit.trim();
        return credit.len() <= 40
            && credit.split_whitespace().count() <= 4
            && find_date(after).is_some();
    }
    false
}

/// A photo credit or caption: `Photo: Li Ming`, `(Photo/Xinhua)`, a caption ending in
/// `(Xinhua/Li Ming)` or `(AP Photo/Jane Roe)`, `File photo`.
pub fn is_photo_credit(line: &str) -> bool {
    let t = line.trim();
    // Only the start is compared, in place: no copy of a whole paragraph.
    if opens_like(t, b"picf([")
        && lower_prefix_any(
            t,
            12,
            &[
                "photo:",
                "photo by",
                "photos:",
                "photograph:",
                "image:",
                "credit:",
                "file photo",
                "(photo",
                "[photo",
            ],
        )
    {
        return true;
    }
    // A caption ends with the agency and photographer in parentheses, split by a slash.
    if let Some(inner) = t
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|i| &s[i + 1..]))
    {
        if let Some((agency, who)) = inner.split_once('/') {
            return !agency.is_empty()
                && agency.len() <= 24
                && agency.starts_with(|c: char| c.is_uppercase())
                && !who.trim().is_empty()
                && who.len() <= 60;
        }
    }
    false
}

/// Media-player, share-button, print and font-size controls: `Video Player`, `Close`,
/// `Share | Print | Email`, `Font size: A A A`, `A+ A-`; also long digit strings.
pub fn is_control_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 80 {
        return false;
    }
    if t.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
        return t.len() >= 6;
    }
    let mut any = false;
    let all = words(t).all(|w| {
        any = true;
        let lw = w
            .trim_matches(|c: char| matches!(c, ':' | '.' | '[' | ']' | '(' | ')' | '>' | '<'))
            .to_ascii_lowercase();
        lw.is_empty() || CONTROL_WORDS.contains(&lw.as_str())
    });
    any && all
}

/// Any residue line a page puts before the lede (besides `Key: value` metadata).
pub fn is_residue_line(line: &str) -> bool {
    is_control_line(line) || is_page_date(line) || is_site_byline(line) || is_photo_credit(line)
}

/// What kind of page furniture a block after the story opens with, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    /// `KEY WORDS:`.
    Keywords,
    /// `EXPLORE ...`, `EDITOR'S CHOICE`, `RELATED STORIES`, `Read more:` and the like:
    /// everything after it is the page's, not the story's.
    Furniture,
    /// `© 2020 Xinhua`, `Copyright 2004 ...`, `All rights reserved.`
    Copyright,
}

/// How a copyright line opens (lower-cased), grouped by first character for
/// [`after_story`]'s dispatch.
const COPYRIGHT: &[&str] = &[
    "copyright ",
    "copyright©",
    "(c) 1",
    "(c) 2",
    "all rights reserved",
];

/// How a page-furniture heading opens (lower-cased), grouped by first character for
/// [`after_story`]'s dispatch (`tests::the_dispatch_covers_every_heading`).
const HEADS: &[&str] = &[
    "explore",
    "editor's choice",
    "editor’s choice",
    "editors' choice",
    "related:",
    "related stories",
    "related story",
    "related news",
    "related articles",
    "related coverage",
    "related links",
    "recommended",
    "read more:",
    "read more",
    "more from",
    "more stories",
    "most popular",
    "most read",
    "most viewed",
    "see also:",
    "follow us",
    "share this",
    "you may also like",
    "trending",
    "top stories",
];

pub fn after_story(block_first_line: &str) -> Option<After> {
    let t = block_first_line
        .trim_start()
        .trim_start_matches(['*', '#', ' ']);
    // Every heading below opens with `©` or (lower-cased) one of these: one test rules
    // out most blocks.
    if !t.starts_with('©') && !opens_like(t, b"kc(aermsfyt") {
        return None;
    }
    if t.starts_with("KEY WORDS") || t.starts_with("Key words:") || t.starts_with("Keywords:") {
        return Some(After::Keywords);
    }
    // Compared in place, and only the prefixes opening with the block's first character
    // (lower-cased; the whole lists after a non-ASCII one).
    let first = t.as_bytes().first().filter(|b| b.is_ascii());
    let (copyright, heads): (&[&str], &[&str]) = match first.map(u8::to_ascii_lowercase) {
        None => (COPYRIGHT, HEADS),
        Some(b'c') => (&COPYRIGHT[..2], &[]),
        Some(b'(') => (&COPYRIGHT[2..4], &[]),
        Some(b'a') => (&COPYRIGHT[4..], &[]),
        Some(b'e') => (&[], &HEADS[..4]),
        Some(b'r') => (&[], &HEADS[4..14]),
        Some(b'm') => (&[], &HEADS[14..19]),
        Some(b's' | b'f' | b'y' | b't') => (&[], &HEADS[19..]),
        Some(_) => (&[], &[]),
    };
    if t.starts_with('©') || lower_prefix_any(t, 24, copyright) {
        return Some(After::Copyright);
    }
    // Such a heading is short; `Explore ...` in a sentence is not one.
    if lower_prefix_any(t, 24, heads)
        && t.split_whitespace().nth(6).is_none()
        && !t.trim_end().ends_with(['.', '"', '”', '?', '!'])
        && (t.starts_with("EXPLORE") || !lower_prefix_is(t, 24, "explore"))
    {
        return Some(After::Furniture);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_dates() {
        for s in [
            "March 15, 2023",
            "Friday, July 21, 2017",
            "2019-09-19 14:05:29",
            "10:12, October 31, 2020",
            "Oct. 31, 2020 10:12 BJT",
            "31 October 2020",
        ] {
            assert!(is_page_date(s), "{s}");
        }
        for s in [
            "March 15",
            "Officials met on March 15, 2023.",
            "BEIJING, March 15, 2023 (Xinhua) -- Officials",
            "",
        ] {
            assert!(!is_page_date(s), "{s}");
        }
        assert_eq!(
            find_date("Friday, July 21, 2017"),
            Some(Date {
                year: 2017,
                month: 7,
                day: 21
            })
        );
    }

    #[test]
    fn site_bylines_photos_controls() {
        assert!(is_site_byline("(Xinhua)    10:12, October 31, 2020"));
        assert!(is_site_byline("Xinhua | 2020-10-31 10:12"));
        assert!(!is_site_byline("(Reuters) - Oil rose on Monday."));
        assert!(is_photo_credit(
            "A man walks past a stall in Lanford, Oct. 30, 2020. (Xinhua/Li Ming)"
        ));
        assert!(is_photo_credit("(AP Photo/Jane Roe)"));
        assert!(is_photo_credit("Photo: Tom Weir"));
        assert!(!is_photo_credit("The talks ended (he said) on Friday."));
        for s in [
            "Video Player",
            "Close",
            "Share | Print | Email",
            "Font size: A A A",
            "A+ A-",
            "48213377120",
        ] {
            assert!(is_control_line(s), "{s}");
        }
        assert!(!is_control_line("Close talks resumed."));
        assert!(!is_control_line("Print media"));
    }

    /// Every copyright opening and heading is found through the first-character
    /// dispatch, in capitals, in title case and in lower case.
    #[test]
    fn the_dispatch_covers_every_heading() {
        for p in COPYRIGHT {
            for s in [p.to_string(), p.to_uppercase(), p.replacen('c', "C", 1)] {
                assert_eq!(
                    after_story(&format!("{s} 2020")),
                    Some(After::Copyright),
                    "{s}"
                );
            }
        }
        for p in HEADS {
            let title = p[..1].to_uppercase() + &p[1..];
            for s in [p.to_string(), p.to_uppercase(), title] {
                let s = if s.to_lowercase().starts_with("explore") {
                    "EXPLORE".into()
                } else {
                    s
                };
                assert_eq!(after_story(&s), Some(After::Furniture), "{s}");
            }
        }
    }

    #[test]
    fn trailers() {
        assert_eq!(after_story("KEY WORDS: grain"), Some(After::Keywords));
        assert_eq!(after_story("EXPLORE XINHUANET"), Some(After::Furniture));
        assert_eq!(after_story("EDITOR'S CHOICE"), Some(After::Furniture));
        assert_eq!(after_story("Related stories:"), Some(After::Furniture));
        assert_eq!(after_story("© 2020 Xinhua"), Some(After::Copyright));
        assert_eq!(
            after_story("Copyright 2004 Reuters Ltd."),
            Some(After::Copyright)
        );
        assert_eq!(after_story("Explore the options, the minister said."), None);
        assert_eq!(
            after_story("Recommended by the board, the plan passed."),
            None
        );
    }
}
