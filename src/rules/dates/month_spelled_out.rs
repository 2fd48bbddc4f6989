use super::{checkable, month_number, reads_as_year, year_after};
use crate::declare_rule;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;
use crate::words;

declare_rule! {
    /// A month is abbreviated without a day (`Sept. 2019`, `in Jan.`).
    ///
    /// A month is abbreviated only before a day (`Sept. 19`); alone or with a year it is
    /// spelled out: `September 2019`, `in January`. All styles: no house abbreviates a
    /// month without a date. Flagged when the abbreviation stands before a year, or has
    /// its period after a preposition (`in`, `since`, `until`, `early`, `late`, `mid-`,
    /// ...) with no day after it; `Jan` as a given name is left alone.
    ///
    /// ## Example
    ///
    /// ```text
    /// Output has fallen since Nov. 2018 and will recover in Feb., the ministry said.
    /// ```
    ///
    /// Write instead `since November 2018` and `in February`. The quick fix spells the
    /// month out (and drops a comma before the year).
    pub struct MonthSpelledOut {
        code: "dates/month-spelled-out",
        severity: Warning,
        summary: "a month without a day is abbreviated",
    }
}

/// Words after which an abbreviated month with its period stands for the month alone.
const BEFORE_MONTH: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "early", "late", "mid", "mid-", "last", "next",
    "from", "through", "to", "before", "after", "during", "end-", "this",
];

impl Rule for MonthSpelledOut {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        // A month of three letters (alone or before a period) or four, or a word opening
        // with `mid-`: none in most paragraphs.
        const WORDS: [u64; 28] = crate::rules::words_seen::keys([
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            "jan.", "feb.", "mar.", "apr.", "may.", "jun.", "jul.", "aug.", "sep.", "oct.", "nov.",
            "dec.", "sept", "june", "july", "mid-",
        ]);
        if !cx.may_hold_any(&WORDS) {
            return;
        }
        let text = cx.text;
        for t in cx.words {
            // `mid-Dec.` is one word (a title-case word never opens with `mid-`); the case
            // bits and the first byte rule out most words before their text is read.
            let lead = if t.title_case() {
                0
            } else if text.as_bytes().get(t.span.start) == Some(&b'm')
                && t.text(text).starts_with("mid-")
            {
                4
            } else {
                continue;
            };
            let token = t.text(text);
            let w = token[lead..].trim_end_matches('.');
            if !(3..=4).contains(&w.len()) {
                continue;
            }
            let word_start = t.span.start + lead;
            let word_end = word_start + w.len();
            let period = text[word_end..].starts_with('.');
            let written = Span::new(word_start, word_end + usize::from(period));
            let Some(m) = month_number(written.text(text)) else {
                continue;
            };
            let full = words::FULL_MONTHS[usize::from(m - 1)];
            if w == full {
                continue; // May, June, July
            }
            let after = &text[written.end..];
            // Before a day: `dates/month-form`'s.
            let day_follows = after
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                && year_after(text, written.end).is_none();
            if day_follows {
                continue;
            }
            let (span, fixed) = match year_after(text, written.end) {
                // No comma: a figure right after an abbreviated month is its year
                // (`Feb 1986 sales`); after a comma, only when it reads as one.
                Some((y, year)) if y.start == written.end + 1 || reads_as_year(text, y) => {
                    (Span::new(written.start, y.end), format!("{full} {year}"))
                }
                Some(_) => continue,
                None => {
                    let prev = text[..word_start].trim_end();
                    let prev_word = prev
                        .rsplit(|c: char| c.is_whitespace() || c == '(')
                        .next()
                        .unwrap_or("");
                    let hyphened = prev.len() == word_start && prev.ends_with('-');
                    let prep = BEFORE_MONTH.contains(&prev_word.to_ascii_lowercase().as_str())
                        || (hyphened && prev_word.ends_with("mid-"));
                    if !period || !prep {
                        continue;
                    }
                    // A period that also ends the sentence stays (`in Jan.` → `in January.`).
                    let rest = after.strip_prefix(' ').unwrap_or("");
                    let mid_sentence = after.starts_with([',', ';', ':'])
                        || (after.starts_with(' ')
                            && rest.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
                    if mid_sentence {
                        (written, full.to_string())
                    } else {
                        (written, format!("{full}."))
                    }
                }
            };
            if !checkable(cx, span) {
                continue;
            }
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!(
                        "spell the month out without a day: `{}`, not `{}`",
                        fixed.trim_end_matches('.'),
                        span.text(text)
                    ),
                )
                .with_fix(Fix::replace(format!("Write `{fixed}`"), span, fixed)),
            );
        }
    }
}
