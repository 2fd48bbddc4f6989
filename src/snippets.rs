//! Story furniture to complete, read from an [`Analysis`] (never a new one), for the
//! language server's `textDocument/completion`:
//!
//! - on an empty first body paragraph (a new block after the headline, front matter,
//!   slug and byline, before any body paragraph), the **dateline** in the house style:
//!   `WASHINGTON (AP) — `, `HOUSTON, Jan 27 (Reuters) - `, `BEIJING, March 30 (Xinhua) -- `
//!   ([`crate::rules::dateline::profile`]: date used or not, month form, credit,
//!   separator — what the dateline rules check is what is offered);
//! - on an empty block after the last body paragraph, when the story has no end mark or
//!   trailer yet, the house's **end marks and trailers** (`-30-`, `###`, `ENDS`,
//!   `Enditem`, `(Reporting by …; Editing by …)`), each a form the structure parser
//!   reads as the story's end ([`crate::article`]).
//!
//! Each item comes as a snippet (`${1:PLACE}` tab stops) and as plain text, for clients
//! that do not take snippets.

use crate::analysis::Analysis;
use crate::article::dateline::SeparatorKind;
use crate::article::{Article, Date};
use crate::config::Style;
use crate::rules::dateline::profile::{self, DateUse};
use crate::span::Span;

/// Where a completion was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The first body paragraph: a dateline goes here.
    Dateline,
    /// After the last body paragraph: an end mark or trailer goes here.
    End,
}

/// One piece of furniture to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Furniture {
    /// What the list shows.
    pub label: String,
    /// Inserted by a client that takes snippets (`${1:PLACE} (AP) — `).
    pub snippet: String,
    /// Inserted by one that does not.
    pub plain: String,
    /// A line for the item's detail (`AP dateline`, `end mark`).
    pub detail: String,
}

/// What to offer: the text typed on the line so far (replaced) and the items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FurnitureCompletions {
    pub slot: Slot,
    pub replace: Span,
    pub items: Vec<Furniture>,
}

/// What the dateline is made of besides the house style.
#[derive(Clone, Debug, Default)]
pub struct DatelineInputs<'a> {
    /// The place: `[dateline] place` of the configuration, else the previous story's.
    pub place: Option<&'a str>,
    /// Today.
    pub today: Option<Date>,
}

/// Today's date in the time zone named `zone` (an IANA name, checked when the
/// configuration was read), else in the system's (`TZ`, `/etc/localtime`), else UTC.
pub fn today(zone: Option<&str>) -> Date {
    let tz = zone
        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
        .unwrap_or_else(jiff::tz::TimeZone::system);
    let d = jiff::Timestamp::now().to_zoned(tz).date();
    Date {
        year: i32::from(d.year()),
        month: d.month() as u8,
        day: d.day() as u8,
    }
}

/// `$`, `}` and `\` are snippet syntax: escape them in text put into a snippet.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn separator(kind: SeparatorKind) -> &'static str {
    match kind {
        SeparatorKind::EmDash => "—",
        SeparatorKind::EnDash => "–",
        SeparatorKind::DoubleHyphen => "--",
        SeparatorKind::Hyphen => "-",
        SeparatorKind::Colon => ":",
    }
}

/// The dateline of `style` from `inputs`: a snippet and its plain text.
pub fn dateline(style: Style, inputs: &DatelineInputs<'_>) -> Furniture {
    let p = profile::profile(style);
    let place = inputs.place.map(str::trim).filter(|p| !p.is_empty());
    let mut snippet = format!("${{1:{}}}", escape(place.unwrap_or("PLACE")));
    let mut plain = place.unwrap_or("PLACE").to_string();
    let mut stop = 2;
    if p.date != DateUse::Forbidden {
        let date = inputs
            .today
            .and_then(|d| Some(format!("{} {}", p.month(d.month, "")?, d.day)))
            .unwrap_or_else(|| "Month Day".into());
        snippet.push_str(&format!(", ${{{stop}:{date}}}"));
        plain.push_str(&format!(", {date}"));
        stop += 1;
    }
    let credit = p.credits.first().copied().unwrap_or("AGENCY");
    let sep = separator(
        p.separators
            .first()
            .copied()
            .unwrap_or(SeparatorKind::DoubleHyphen),
    );
    if p.credits.is_empty() {
        snippet.push_str(&format!(" (${{{stop}:{credit}}}) {sep} $0"));
    } else {
        snippet.push_str(&format!(" ({credit}) {sep} $0"));
    }
    plain.push_str(&format!(" ({credit}) {sep} "));
    let label = plain.trim_end().to_string();
    Furniture {
        label,
        snippet,
        plain,
        detail: match style {
            Style::Generic => "dateline".into(),
            s => format!("{} dateline", s.agency()),
        },
    }
}

/// The end marks and trailers a house ends a story with, the house's own first. Each is
/// a form [`crate::article::parse`] reads as an end mark or a credits trailer.
pub fn end_forms(style: Style) -> Vec<Furniture> {
    let mark = |m: &str| Furniture {
        label: m.into(),
        snippet: escape(m),
        plain: m.into(),
        detail: "end mark".into(),
    };
    let credits = Furniture {
        label: "(Reporting by …; Editing by …)".into(),
        snippet: "(Reporting by ${1:NAME} in ${2:CITY}; Editing by ${3:NAME})".into(),
        plain: "(Reporting by NAME in CITY; Editing by NAME)".into(),
        detail: "Reuters trailer".into(),
    };
    match style {
        Style::Ap | Style::Upi => vec![mark("-30-"), mark("###"), mark("END")],
        Style::Reuters => vec![credits, mark("ENDS")],
        Style::Xinhua => vec![mark("Enditem")],
        Style::Afp | Style::Bloomberg => vec![mark("ENDS"), mark("-30-"), mark("###")],
        Style::Generic => vec![
            mark("-30-"),
            mark("###"),
            mark("ENDS"),
            mark("Enditem"),
            credits,
        ],
    }
}

/// The start of the line holding `offset`, and its end.
fn line_at(text: &str, offset: usize) -> (usize, usize) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

/// The story of `article` a new block at `line_start` belongs to: the last one that
/// starts at or before it.
fn story_at(article: &Article, line_start: usize) -> &Article {
    article
        .all_stories()
        .filter(|s| s.span.start <= line_start)
        .last()
        .unwrap_or(article)
}

/// Which slot `offset` is in, and the text typed on its line so far: the line must be a
/// new block (the line before it blank), hold nothing after `offset`, and at most one
/// word before it.
pub fn slot_at(analysis: &Analysis, text: &str, offset: usize) -> Option<(Slot, Span)> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let (ls, le) = line_at(text, offset);
    let typed = &text[ls..offset];
    if !text[offset..le].trim().is_empty() || typed.contains(char::is_whitespace) {
        return None;
    }
    // A new block: the line before is blank (or holds only spaces).
    if ls == 0 {
        return None;
    }
    let (ps, _) = line_at(text, ls - 1);
    if !text[ps..ls - 1].trim().is_empty() {
        return None;
    }
    let story = story_at(&analysis.article, ls);
    // Blocks of the story that started before this line.
    let before = |s: Span| s.start < ls;
    let header_end = story
        .headline
        .as_ref()
        .map(|h| h.span.end)
        .into_iter()
        .chain(story.metadata.iter().map(|m| m.span.end))
        .chain(story.byline.map(|b| b.end))
        .max();
    let paragraphs_before = story.paragraphs.iter().filter(|p| before(p.span)).count();
    let anything_after = story.paragraphs.iter().any(|p| p.span.start > le)
        || story.trailers.iter().any(|t| t.span.start > le)
        || story.end_mark.is_some_and(|m| m.start > le);
    if anything_after {
        return None;
    }
    let replace = Span::new(ls, offset);
    // With no body yet, a headline under a slug reads as a paragraph (there is no prose
    // after it to tell it from a lede): one line, no dateline, no closing punctuation.
    let headline_so_far = story.headline.is_none()
        && story.dateline().is_none()
        && paragraphs_before == 1
        && story.paragraphs.first().is_some_and(|p| {
            let t = p.span.text(text).trim_end();
            !t.contains('\n') && !t.ends_with(['.', '"', '”', '\'', '’', ':'])
        });
    if paragraphs_before == 0 || headline_so_far {
        // After the headline (front matter, slug, byline), before any paragraph.
        return header_end
            .is_some_and(|e| e <= ls)
            .then_some((Slot::Dateline, replace));
    }
    let ended = story.end_mark.is_some_and(|m| m.start < ls)
        || story.trailers.iter().any(|t| before(t.span));
    (!ended).then_some((Slot::End, replace))
}

/// The furniture to offer at `offset`, or `None` when the offset is in no slot.
pub fn furniture_at(
    analysis: &Analysis,
    text: &str,
    offset: usize,
    inputs: &DatelineInputs<'_>,
) -> Option<FurnitureCompletions> {
    let (slot, replace) = slot_at(analysis, text, offset)?;
    let typed = replace.text(text);
    let items: Vec<Furniture> = match slot {
        Slot::Dateline => vec![dateline(analysis.style, inputs)],
        Slot::End => end_forms(analysis.style),
    }
    .into_iter()
    // What was typed must start the item (case aside), or it is not what is being written.
    .filter(|f| {
        typed.is_empty()
            || f.plain.to_lowercase().starts_with(&typed.to_lowercase())
            || (slot == Slot::Dateline && typed.chars().all(char::is_alphabetic))
    })
    .collect();
    (!items.is_empty()).then_some(FurnitureCompletions {
        slot,
        replace,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::article::{parse, Format, TrailerKind};
    use crate::config::Config;

    const TODAY: Date = Date {
        year: 2026,
        month: 9,
        day: 3,
    };

    /// Today is the desk's day: far east of UTC it is always a later day than far west
    /// of it (UTC+14 and UTC-11 are 25 hours apart), and UTC's day is the system clock's.
    #[test]
    fn today_is_the_day_in_the_desk_time_zone() {
        let key = |d: Date| (d.year, d.month, d.day);
        let east = today(Some("Pacific/Kiritimati"));
        let west = today(Some("Pacific/Pago_Pago"));
        assert!(key(east) > key(west), "{east:?} {west:?}");
        let days = || {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
                / 86_400
        };
        let before = days();
        let utc = jiff::civil::Date::new(
            today(Some("UTC")).year as i16,
            today(Some("UTC")).month as i8,
            today(Some("UTC")).day as i8,
        )
        .unwrap();
        let since = utc.since(jiff::civil::date(1970, 1, 1)).unwrap().get_days() as u64;
        assert!(since == before || since == days(), "{since} {before}");
    }

    #[test]
    fn datelines_in_each_house_form() {
        let inputs = DatelineInputs {
            place: Some("WASHINGTON"),
            today: Some(TODAY),
        };
        let table = [
            (Style::Ap, "WASHINGTON (AP) — ", "${1:WASHINGTON} (AP) — $0"),
            (
                Style::Reuters,
                "WASHINGTON, Sept 3 (Reuters) - ",
                "${1:WASHINGTON}, ${2:Sept 3} (Reuters) - $0",
            ),
            (
                Style::Xinhua,
                "WASHINGTON, Sept. 3 (Xinhua) -- ",
                "${1:WASHINGTON}, ${2:Sept. 3} (Xinhua) -- $0",
            ),
            (
                Style::Upi,
                "WASHINGTON, Sept. 3 (UPI) -- ",
                "${1:WASHINGTON}, ${2:Sept. 3} (UPI) -- $0",
            ),
            (
                Style::Afp,
                "WASHINGTON, Sept 3 (AFP) - ",
                "${1:WASHINGTON}, ${2:Sept 3} (AFP) - $0",
            ),
            (
                Style::Generic,
                "WASHINGTON, Sept 3 (AGENCY) -- ",
                "${1:WASHINGTON}, ${2:Sept 3} (${3:AGENCY}) -- $0",
            ),
        ];
        for (style, plain, snippet) in table {
            let d = dateline(style, &inputs);
            assert_eq!(d.plain, plain, "{style}");
            assert_eq!(d.snippet, snippet, "{style}");
        }
        // March is never abbreviated; no place: a placeholder; snippet syntax escaped.
        let march = DatelineInputs {
            place: Some("SAN $ JOSÉ}"),
            today: Some(Date {
                year: 2026,
                month: 3,
                day: 30,
            }),
        };
        let d = dateline(Style::Xinhua, &march);
        assert_eq!(d.plain, "SAN $ JOSÉ}, March 30 (Xinhua) -- ");
        assert_eq!(
            d.snippet,
            "${1:SAN \\$ JOSÉ\\}}, ${2:March 30} (Xinhua) -- $0"
        );
        let none = dateline(Style::Ap, &DatelineInputs::default());
        assert_eq!(none.plain, "PLACE (AP) — ");
    }

    /// Every dateline offered reads back as a dateline of the house, without a finding
    /// of the dateline rules (the place a known stand-alone city).
    #[test]
    fn offered_datelines_pass_the_dateline_rules() {
        let inputs = DatelineInputs {
            place: Some("WASHINGTON"),
            today: Some(TODAY),
        };
        for style in [Style::Ap, Style::Reuters, Style::Xinhua, Style::Upi] {
            let d = dateline(style, &inputs);
            let text = format!(
                "Senate passes the farm bill\n\n{}The Senate passed the bill on Thursday.\n",
                d.plain
            );
            let config = Config {
                style: Some(style),
                ..Config::default()
            };
            let a = analyze(&text, Format::Plain, &config);
            assert!(a.article.dateline().is_some(), "{style}: {text}");
            let dl: Vec<_> = a
                .findings
                .iter()
                .filter(|f| f.code.starts_with("dateline/"))
                .map(|f| f.code)
                .collect();
            assert!(dl.is_empty(), "{style}: {dl:?} in {text}");
        }
    }

    /// Every end form offered is what the parser reads as the story's end.
    #[test]
    fn offered_end_forms_end_the_story() {
        for style in Style::ALL {
            for f in end_forms(style) {
                let text = format!(
                    "Rain floods valley\n\nDALLAS (AP) — Rain flooded the valley on Monday.\n\n“It rose fast,” she said.\n\n{}\n",
                    f.plain
                );
                let a = parse(&text, Format::Plain);
                assert_eq!(a.paragraphs.len(), 2, "{style} {}", f.plain);
                let ended = a.end_mark.is_some_and(|m| m.text(&text) == f.plain)
                    || a.trailers.iter().any(|t| t.kind == TrailerKind::Credits);
                assert!(ended, "{style}: {} not read as the end", f.plain);
            }
        }
    }

    fn offsets(text: &str, config: &Config) -> Vec<(usize, Slot)> {
        let a = analyze(text, Format::Plain, config);
        (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .filter_map(|o| slot_at(&a, text, o).map(|(s, _)| (o, s)))
            .collect()
    }

    #[test]
    fn slots_only_on_new_blocks_before_the_lede_and_after_the_last_paragraph() {
        // Curly quotes, an em dash, CJK and an emoji before and in the slots.
        let head = "“Café” talks open 会谈 🎉\nBy Ann Lee\n\n";
        let body = "DALLAS (AP) — Talks opened in 北京 on Monday.\n\n“We met,” she said 🎉.\n\n";
        // No lede yet: the new blocks after the byline (the line right after the byline
        // is not a new block).
        let empty = format!("{head}\n");
        assert_eq!(
            offsets(&empty, &Config::default()),
            [
                (head.len(), Slot::Dateline),
                (head.len() + 1, Slot::Dateline)
            ]
        );
        // A lede: a blank line before it is no slot; the new block after the last
        // paragraph is.
        let text = format!("{head}\n{body}\n");
        assert_eq!(
            offsets(&text, &Config::default()),
            [(text.len() - 1, Slot::End), (text.len(), Slot::End)]
        );
        // An end mark present: no slot after it (only at its own end, as if being typed).
        let marked = format!("{head}{body}-30-\n\n");
        assert_eq!(
            offsets(&marked, &Config::default()),
            [(marked.len() - 2, Slot::End)]
        );
        // A headline under a slug with no body yet (read as a paragraph): the lede's slot.
        let slugged = "BC-Soy-Ships,400\nSoy ships leave Santos for 天津 🚢\n\n\n";
        assert_eq!(
            offsets(slugged, &Config::default()),
            [
                (slugged.len() - 1, Slot::Dateline),
                (slugged.len(), Slot::Dateline)
            ]
        );
        // Nothing on a line that holds text after the cursor or two words before it.
        let two = format!("{head}{body}Two words");
        assert!(offsets(&two, &Config::default())
            .iter()
            .all(|(o, _)| *o <= head.len() + body.len() + 3));
    }

    #[test]
    fn furniture_in_an_empty_lede_and_at_the_end() {
        let config = Config {
            style: Some(Style::Reuters),
            ..Config::default()
        };
        let text = "Oil rises on supply fears\n\n\n";
        let a = analyze(text, Format::Plain, &config);
        let inputs = DatelineInputs {
            place: Some("HOUSTON"),
            today: Some(TODAY),
        };
        let c = furniture_at(&a, text, text.len() - 1, &inputs).expect("dateline");
        assert_eq!(c.slot, Slot::Dateline);
        assert_eq!(c.items[0].plain, "HOUSTON, Sept 3 (Reuters) - ");
        // A typed word is replaced.
        let typed = "Oil rises on supply fears\n\nHOU\n";
        let a = analyze(typed, Format::Plain, &config);
        let c = furniture_at(&a, typed, typed.len() - 1, &inputs).expect("dateline");
        assert_eq!(c.replace.text(typed), "HOU");
        let story = "Oil rises on supply fears\n\nHOUSTON, Sept 3 (Reuters) - Oil rose.\n\n(Rep";
        let a = analyze(story, Format::Plain, &config);
        let c = furniture_at(&a, story, story.len(), &inputs).expect("end");
        assert_eq!(c.slot, Slot::End);
        assert_eq!(c.replace.text(story), "(Rep");
        assert_eq!(c.items.len(), 1);
        assert_eq!(c.items[0].detail, "Reuters trailer");
    }
}
