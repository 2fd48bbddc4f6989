use super::{checkable, civil, day_number, days_in_month, styled, weekday_of, WEEKDAYS};
use crate::config::Style;
use crate::declare_rule;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// `today`, `yesterday`, `tomorrow` or `tonight` in wire copy, where the house writes
    /// the day of the week.
    ///
    /// Wire copy is read on later days than it is written, so AP names the day:
    /// `said Tuesday`, not `said today`; `Tuesday night`, not `tonight`. A house setting:
    /// on by default for AP only; `[dates] relative_days = true` (or `false`) in
    /// `copydesk.toml` turns it on or off for any style. Quotations are the speaker's
    /// words and left alone, and so is `Today` as part of a name (`USA Today`).
    ///
    /// ## Example
    ///
    /// ```text
    /// LANFORD, Ore. (AP) — The mayor said yesterday that the bridge would reopen.
    /// ```
    ///
    /// Write instead `said Monday` (when the story is Tuesday's). When the story's date is
    /// known (metadata, front matter or the dateline, with its year) the quick fix writes
    /// the day; it is offered, not preferred, for `today`, which may mean "nowadays".
    pub struct RelativeDay {
        code: "dates/relative-day",
        severity: Warning,
        summary: "today/yesterday/tomorrow/tonight where the house names the day",
    }
}

impl Rule for RelativeDay {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let on = cx
            .config
            .dates
            .relative_days
            .unwrap_or(cx.story.style == Style::Ap);
        if !on {
            return;
        }
        let story = cx.story.date;
        let today = match (story.year, story.month, story.day) {
            (Some(y), Some(m), Some(d))
                if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) =>
            {
                Some(day_number(y, m, d))
            }
            _ => None,
        };
        // The words looked for, in any case: none in most paragraphs.
        const WORDS: [u64; 4] =
            crate::rules::words_seen::keys(["today", "yesterday", "tomorrow", "tonight"]);
        if !cx.may_hold_any(&WORDS) {
            return;
        }
        for t in cx.words {
            // The length and first byte from the word's span, before its text is read.
            if !(5..=9).contains(&t.span.len())
                || !matches!(
                    cx.text.as_bytes().get(t.span.start),
                    Some(b't' | b'T' | b'y' | b'Y')
                )
            {
                continue;
            }
            let w = t.text(cx.text);
            let is = |word: &str| w.eq_ignore_ascii_case(word);
            let (offset, night) = if is("today") {
                (0, false)
            } else if is("yesterday") {
                (-1, false)
            } else if is("tomorrow") {
                (1, false)
            } else if is("tonight") {
                (0, true)
            } else {
                continue;
            };
            // A capital inside a sentence makes it a name (`USA Today`); all capitals, a
            // heading's shout.
            if t.all_caps() || (t.cap() && !t.sent_start) {
                continue;
            }
            if !checkable(cx, t.span) {
                continue;
            }
            let mut finding = Finding::new(
                &Self::META,
                t.span,
                styled(cx, format!("name the day of the week instead of `{w}`")),
            );
            if let Some(n) = today {
                let (y, m, d) = civil(n + offset);
                let mut day = WEEKDAYS[weekday_of(y, m, d)].to_string();
                if night {
                    day.push_str(" night");
                }
                let fix = Fix::replace(format!("Write `{day}`"), t.span, day.clone());
                finding.message =
                    styled(cx, format!("name the day of the week: `{day}`, not `{w}`"));
                finding = finding.with_fix(if offset == 0 && !night {
                    fix.not_preferred()
                } else {
                    fix
                });
            }
            out.push(finding);
        }
    }
}
