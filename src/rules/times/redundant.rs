use super::read_time;
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::dates::checkable;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A time says the part of the day twice (`9 a.m. this morning`, `8 p.m. in the
    /// evening`).
    ///
    /// `a.m.` already says morning and `p.m.` afternoon, evening or night. Write
    /// `9 a.m. today` for `9 a.m. this morning`, `10 p.m. today` for `10 p.m. tonight`,
    /// `9 a.m. Monday` for `9 a.m. Monday morning`, and drop `in the morning`. All
    /// styles; a time that contradicts its part of the day (`9 p.m. this morning`) is left
    /// for the writer.
    ///
    /// ## Example
    ///
    /// ```text
    /// The minister lands at 9 a.m. this morning.
    /// ```
    ///
    /// Write instead `at 9 a.m. today`. The quick fix rewrites the words after the time.
    pub struct Redundant {
        code: "times/redundant",
        severity: Warning,
        summary: "a.m. or p.m. followed by the part of the day",
    }
}

const DAY_WORDS: &[&str] = &[
    "today",
    "tomorrow",
    "yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The redundant words after a time and what replaces them: (length, replacement).
fn redundancy(after: &str, pm: bool) -> Option<(usize, String)> {
    let rest = after.strip_prefix(' ')?;
    // Only a lower-case word or a day's name can follow.
    if !rest.starts_with(['t', 'i', 'a', 'M', 'T', 'W', 'F', 'S', 'y']) {
        return None;
    }
    let parts: &[&str] = if pm {
        &["afternoon", "evening", "night"]
    } else {
        &["morning"]
    };
    let word_end = |r: &str| !r.starts_with(|c: char| c.is_alphanumeric() || c == '-');
    let ends = |r: &str, part: &str| r.strip_prefix(part).is_some_and(word_end);
    for part in parts {
        for (lead, keep) in [("this ", " today"), ("in the ", ""), ("at ", "")] {
            if lead == "at " && *part != "night" {
                continue;
            }
            if rest.strip_prefix(lead).is_some_and(|r| ends(r, part)) {
                return Some((1 + lead.len() + part.len(), keep.to_string()));
            }
        }
        for day in DAY_WORDS {
            if rest
                .strip_prefix(day)
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| ends(r, part))
            {
                return Some((1 + day.len() + 1 + part.len(), format!(" {day}")));
            }
        }
    }
    if pm && ends(rest, "tonight") {
        return Some((" tonight".len(), " today".into()));
    }
    None
}

impl Rule for Redundant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        for f in cx.figures().iter().filter(|f| f.kind == Kind::Time) {
            let Some(t) = read_time(text, f.span) else {
                continue;
            };
            let Some((len, replacement)) = redundancy(&text[f.span.end..], t.pm) else {
                continue;
            };
            let words = Span::new(f.span.end, f.span.end + len);
            let span = Span::new(f.span.start, words.end);
            if !checkable(cx, span) {
                continue;
            }
            let said = words.text(text).trim_start();
            let fix = if replacement.is_empty() {
                format!("Remove `{said}`")
            } else {
                format!("Write `{}`", replacement.trim_start())
            };
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!(
                        "`{}` already says the part of the day: drop `{said}`",
                        t.meridiem.text(text)
                    ),
                )
                .with_fix(Fix::replace(fix, words, replacement)),
            );
        }
    }
}
