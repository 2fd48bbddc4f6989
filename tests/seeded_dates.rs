//! Seeded-error test for the `dates/*` and `times/*` rules: insert one error at a time
//! into real sentences and count how many are caught with the right code at the right
//! place; the same insertion written correctly must raise nothing there.
//!
//! Stories: `samples/` and `tests/data/seed-stories/` always; with `COPYDESK_CORPORA` set,
//! also the stories of `reuters-1987/` and `agnews-2004/` under it, read and mutated in
//! memory at run time (their text never enters the repository). The published corpora
//! hardly write a day of the week beside a date (4 in 2,418 stories) or an `a.m.`, so the
//! cases are seeded:
//!
//! - a date the story writes (`March 3`) gets a wrong day of the week before it
//!   (`Tuesday, March 3`), the story's year given by front matter (reuters-1987: 1987 and
//!   the dateline's day) — and, as the control, the right day;
//! - `said` gets a dated clause with its own year and a wrong (control: right) day;
//! - a written date gets an ordinal day, a comma before a year, an abbreviated month with
//!   a year, a wrong month form (AP pinned);
//! - `said` gets a time in a wrong form (`9 am`, `9:00 a.m.`, `12 noon`, `12 p.m.`,
//!   `9 a.m. this morning`) or `yesterday` (AP pinned).
//!
//! Every kind must be caught in at least 95 % of the stories it applies to and its
//! control must raise no finding at the seeded place. The table is printed
//! (`cargo test --test seeded_dates -- --nocapture`) and written to
//! `target/seeded-dates.md`; `COPYDESK_SEED_LIMIT=N` caps the stories of each corpus
//! (default 400, spread over the corpus; 0 for all).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use copydesk::config::Style;
// The month forms and weekdays the engine itself reads (full, AP's and Reuters').
use copydesk::words::{AP_MONTHS as AP, FULL_MONTHS as FULL, REUTERS_MONTHS as REUTERS, WEEKDAYS};
use copydesk::{analyze, Config, Format};

const WRONG: [&str; 12] = [
    "Jan", "Feb", "Mar.", "Apr.", "May.", "Jun.", "Jul.", "Aug", "Sep.", "Oct", "Nov", "Dec",
];

fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = y - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn weekday(y: i64, m: i64, d: i64) -> usize {
    (day_number(y, m, d) + 4).rem_euclid(7) as usize
}

/// A story: its text, the year it was written and its dateline's month and day.
struct Story {
    name: String,
    text: String,
    year: i64,
    month_day: Option<(usize, i64)>,
}

/// A date the story writes in its body: (byte offset, month index, day, length).
fn body_date(text: &str, from: usize) -> Option<(usize, usize, i64, usize)> {
    let mut at = from;
    while at < text.len() {
        let rest = &text[at..];
        let (i, m, word) = FULL
            .iter()
            .chain(REUTERS.iter())
            .chain(AP.iter())
            .enumerate()
            .filter_map(|(k, w)| rest.find(&format!(" {w} ")).map(|i| (i, k % 12, *w)))
            .min_by_key(|t| t.0)?;
        let start = at + i + 1;
        let after = &text[start + word.len() + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        let quotes = text[line_start..start].matches('"').count();
        let next = after[digits..].chars().next();
        if (1..=2).contains(&digits)
            && quotes % 2 == 0
            && next.is_some_and(|c| c == ' ' || c == '.' || c == ';')
            && !after[digits..].starts_with(", 1")
            && !after[digits..].starts_with(", 2")
            && !text[line_start..].contains("  ")
        {
            let day: i64 = after[..digits].parse().ok()?;
            if (1..=28).contains(&day) {
                return Some((start, m, day, word.len() + 1 + digits));
            }
        }
        at = start + word.len();
    }
    None
}

/// The first ` said ` of the body outside a quotation.
fn said(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = text[at..].find(" said ") {
        let pos = at + i;
        let line_start = text[..pos].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..pos].matches('"').count() % 2 == 0
            && text[line_start..pos].matches('“').count()
                == text[line_start..pos].matches('”').count()
        {
            return Some(pos + " said".len());
        }
        at = pos + 1;
    }
    None
}

/// Where the body starts: after the dateline's separator on the first paragraph.
fn body_start(text: &str) -> usize {
    let lede = text.find("\n\n").map_or(0, |i| i + 2);
    let line_end = text[lede..].find('\n').map_or(text.len(), |i| lede + i);
    for sep in [" -- ", " — ", " - "] {
        if let Some(i) = text[lede..line_end].find(sep) {
            if i < 120 {
                return lede + i + sep.len();
            }
        }
    }
    lede
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    WeekdayStoryYear,
    WeekdayExplicitYear,
    Ordinal,
    YearComma,
    SpelledOut,
    MonthForm,
    MeridiemCase,
    MeridiemZeros,
    TwelveNoon,
    TwelvePm,
    Redundant,
    RelativeDay,
}

impl Kind {
    const ALL: [Kind; 12] = [
        Kind::WeekdayStoryYear,
        Kind::WeekdayExplicitYear,
        Kind::Ordinal,
        Kind::YearComma,
        Kind::SpelledOut,
        Kind::MonthForm,
        Kind::MeridiemCase,
        Kind::MeridiemZeros,
        Kind::TwelveNoon,
        Kind::TwelvePm,
        Kind::Redundant,
        Kind::RelativeDay,
    ];

    fn code(self) -> &'static str {
        match self {
            Kind::WeekdayStoryYear | Kind::WeekdayExplicitYear => "dates/weekday",
            Kind::Ordinal => "dates/ordinal",
            Kind::YearComma => "dates/year-comma",
            Kind::SpelledOut => "dates/month-spelled-out",
            Kind::MonthForm => "dates/month-form",
            Kind::MeridiemCase | Kind::MeridiemZeros => "times/meridiem",
            Kind::TwelveNoon | Kind::TwelvePm => "times/noon-midnight",
            Kind::Redundant => "times/redundant",
            Kind::RelativeDay => "dates/relative-day",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::WeekdayStoryYear => "wrong weekday, story's year (`Tuesday, March 3`)",
            Kind::WeekdayExplicitYear => "wrong weekday, year written (`Tuesday, Sept. 3, 2019`)",
            Kind::Ordinal => "ordinal day (`March 3rd`)",
            Kind::YearComma => "comma before a year (`March, 1987`)",
            Kind::SpelledOut => "abbreviated month with a year (`Feb. 1987`)",
            Kind::MonthForm => "wrong month form before a day (`Sep. 3`, AP)",
            Kind::MeridiemCase => "`9 am` (AP)",
            Kind::MeridiemZeros => "`9:00 A.M.` (AP)",
            Kind::TwelveNoon => "`12 noon`",
            Kind::TwelvePm => "`12 p.m.`",
            Kind::Redundant => "`9 a.m. this morning`",
            Kind::RelativeDay => "`yesterday` (AP)",
        }
    }
}

/// The mutated text (with front matter giving the story's date), the byte offset where
/// the finding must start, and the control text (the same place written right), if any.
/// A seeded text and the byte offset where its finding must start.
type Seeded = (String, usize);

fn seed(story: &Story, kind: Kind) -> Option<(String, usize, Option<Seeded>)> {
    let (my, mm, md) = match story.month_day {
        Some((m, d)) => (story.year, m as i64 + 1, d),
        None => (story.year, 7, 1),
    };
    let front = format!("---\ndate: {my:04}-{mm:02}-{md:02}\n---\n");
    let t = &story.text;
    let from = body_start(t);
    let date = body_date(t, from);
    let said_at = said(t, from);
    let wrap = |s: String, at: usize| (format!("{front}{s}"), front.len() + at);
    let splice = |at: usize, len: usize, with: &str| {
        let mut s = t.clone();
        s.replace_range(at..at + len, with);
        s
    };
    match kind {
        Kind::WeekdayStoryYear => {
            let (at, m, d, _) = date?;
            // The year the date is read in: the story's, or the next or last one when
            // that puts it nearer the story's date.
            let at_n = day_number(my, mm, md);
            let year = [my - 1, my, my + 1]
                .into_iter()
                .min_by_key(|&y| (day_number(y, m as i64 + 1, d) - at_n).abs())?;
            let right = weekday(year, m as i64 + 1, d);
            let wrong = (right + 1 + (at % 6)) % 7;
            let bad = wrap(splice(at, 0, &format!("{}, ", WEEKDAYS[wrong])), at);
            let good = wrap(splice(at, 0, &format!("{}, ", WEEKDAYS[right])), at);
            Some((bad.0, bad.1, Some(good)))
        }
        Kind::WeekdayExplicitYear => {
            let at = said_at?;
            let (y, m, d) = (2019, 9, 3 + (at % 20) as i64);
            let right = weekday(y, m, d);
            let wrong = (right + 3) % 7;
            let clause = |w: usize| format!(" on {}, Sept. {d}, {y},", WEEKDAYS[w]);
            let bad = wrap(splice(at, 0, &clause(wrong)), at + 4);
            let good = wrap(splice(at, 0, &clause(right)), at + 4);
            Some((bad.0, bad.1, Some(good)))
        }
        Kind::Ordinal => {
            let (at, _, d, len) = date?;
            let suffix = match d {
                1 | 21 => "st",
                2 | 22 => "nd",
                3 | 23 => "rd",
                _ => "th",
            };
            let s = splice(at + len, 0, suffix);
            Some((wrap(s, at + len).0, wrap(String::new(), at + len).1, None))
        }
        Kind::YearComma => {
            let (at, m, _, len) = date?;
            let s = splice(at, len, &format!("{}, {}", FULL[m], my));
            let comma = at + FULL[m].len();
            Some((wrap(s, comma).0, front.len() + comma, None))
        }
        Kind::SpelledOut => {
            let (at, m, _, len) = date?;
            if AP[m] == FULL[m] {
                return None;
            }
            let s = splice(at, len, &format!("{} {}", AP[m], my));
            Some((wrap(s, at).0, front.len() + at, None))
        }
        Kind::MonthForm => {
            let (at, m, _, len) = date?;
            let word_len = len - t[at..at + len].rsplit(' ').next()?.len() - 1;
            let s = splice(at, word_len, WRONG[m]);
            Some((wrap(s, at).0, front.len() + at, None))
        }
        Kind::MeridiemCase | Kind::MeridiemZeros | Kind::TwelveNoon | Kind::TwelvePm => {
            let at = said_at?;
            let time = match kind {
                Kind::MeridiemCase => "9 am",
                Kind::MeridiemZeros => "9:00 A.M.",
                Kind::TwelveNoon => "12 noon",
                _ => "12 p.m.",
            };
            let s = splice(at, 0, &format!(" at {time}"));
            Some((wrap(s, at + 4).0, front.len() + at + 4, None))
        }
        Kind::Redundant => {
            let at = said_at?;
            let s = splice(at, 0, " at 9 a.m. this morning");
            Some((wrap(s, at + 4).0, front.len() + at + 4, None))
        }
        Kind::RelativeDay => {
            let at = said_at?;
            let s = splice(at, 0, " yesterday");
            Some((wrap(s, at + 1).0, front.len() + at + 1, None))
        }
    }
}

#[path = "support/corpus.rs"]
mod corpus;

fn stories() -> Vec<Story> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut add = |dir: PathBuf, year: i64, limit: usize| {
        let files = corpus::story_paths(&dir, &["txt"]);
        let step = if limit == 0 || files.len() <= limit {
            1
        } else {
            files.len() / limit
        };
        for p in files.into_iter().step_by(step.max(1)) {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            // The dateline's month and day (`SALVADOR, Feb 26 - `).
            let lede = text.find("\n\n").map_or(0, |i| i + 2);
            let head = &text[lede..text.len().min(lede + 80)];
            let month_day = REUTERS
                .iter()
                .chain(FULL.iter())
                .chain(AP.iter())
                .enumerate()
                .find_map(|(k, w)| {
                    let i = head.find(&format!(", {w} "))?;
                    let after = &head[i + w.len() + 3..];
                    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                    let d: i64 = after[..digits].parse().ok()?;
                    (1..=31).contains(&d).then_some((k % 12, d))
                });
            out.push(Story {
                name: p.display().to_string(),
                text,
                year,
                month_day,
            });
        }
    };
    add(root.join("samples"), 2021, 0);
    add(root.join("tests/data/seed-stories"), 2021, 0);
    if let Some(corpora) = corpus::corpora_root() {
        let limit = corpus::seed_limit();
        add(corpora.join("reuters-1987"), 1987, limit);
        add(corpora.join("agnews-2004"), 2004, limit);
    }
    out
}

#[test]
fn seeded_date_and_time_errors_are_caught() {
    let ap = Config {
        style: Some(Style::Ap),
        ..Config::default()
    };
    let inferred = Config::default();
    // kind -> (applied, caught, control false alarms, misses named)
    let mut table: BTreeMap<Kind, (usize, usize, usize, Vec<String>)> = BTreeMap::new();
    let stories = stories();
    for story in &stories {
        for kind in Kind::ALL {
            let Some((text, at, control)) = seed(story, kind) else {
                continue;
            };
            let config = match kind {
                Kind::MonthForm | Kind::MeridiemCase | Kind::MeridiemZeros | Kind::RelativeDay => {
                    &ap
                }
                _ => &inferred,
            };
            let hit = |text: &str, at: usize| {
                analyze(text, Format::Markdown, config)
                    .findings
                    .iter()
                    .any(|f| f.code == kind.code() && f.span.start == at)
            };
            let row = table.entry(kind).or_default();
            row.0 += 1;
            if hit(&text, at) {
                row.1 += 1;
            } else if row.3.len() < 5 {
                row.3.push(format!(
                    "{} at {}: {:?}",
                    story.name,
                    at,
                    &text[at.saturating_sub(30)..(at + 40).min(text.len())]
                ));
            }
            if let Some((good, at)) = control {
                if hit(&good, at) {
                    row.2 += 1;
                }
            }
        }
    }
    let mut md = "| seeded error | rule | applied | caught | rate | control false alarms |\n|---|---|---:|---:|---:|---:|\n".to_string();
    let mut failures = Vec::new();
    for (kind, (applied, caught, false_alarms, misses)) in &table {
        let rate = 100.0 * *caught as f64 / (*applied).max(1) as f64;
        md.push_str(&format!(
            "| {} | `{}` | {applied} | {caught} | {rate:.1} % | {false_alarms} |\n",
            kind.name(),
            kind.code()
        ));
        if !misses.is_empty() {
            println!("{}: missed {misses:#?}", kind.name());
        }
        if rate < 95.0 || *false_alarms > 0 {
            failures.push(format!(
                "{}: {rate:.1} %, {false_alarms} control alarms; {misses:#?}",
                kind.name()
            ));
        }
    }
    println!("{} stories\n{md}", stories.len());
    let _ = std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/target"));
    let _ = std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/seeded-dates.md"),
        format!("{} stories\n\n{md}", stories.len()),
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
