use super::{read_time, with_final_period};
use crate::config::{MeridiemSetting, Style};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::dates::{checkable, styled};
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// A time's `a.m.` or `p.m.` is not written the house way (`9 am`, `9 A.M.`,
    /// `9:00 a.m.`, `9am`).
    ///
    /// AP, UPI, Xinhua and Bloomberg write times as `9 a.m.` and `2:30 p.m.`: a figure,
    /// a space, lower case with periods, and no `:00` on the hour. Reuters, AFP and the
    /// generic style (British copy writes `9.30am`; Reuters gives GMT in 24-hour figures,
    /// `1430 GMT`, which no rule flags) accept every consistent form and flag only a
    /// malformed one: a period missing (`9 a.m` before a space) or mixed case (`9 A.m.`).
    /// `[times] meridiem = "ap" | "lenient"` in `copydesk.toml` sets the form for every
    /// style. `12 a.m.` and `12 p.m.` are `times/noon-midnight`'s.
    ///
    /// ## Example
    ///
    /// ```text
    /// Polls open at 7:00 AM and close at 8pm.
    /// ```
    ///
    /// Write instead (AP) `at 7 a.m.` and `at 8 p.m.`. The quick fix writes the house form.
    pub struct Meridiem {
        code: "times/meridiem",
        severity: Warning,
        summary: "a time's a.m. or p.m. is not in the house form",
    }
}

impl Rule for Meridiem {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let ap = match cx.config.times.meridiem {
            Some(MeridiemSetting::Ap) => true,
            Some(MeridiemSetting::Lenient) => false,
            None => matches!(
                cx.story.style,
                Style::Ap | Style::Upi | Style::Xinhua | Style::Bloomberg
            ),
        };
        for f in cx.figures().iter().filter(|f| f.kind == Kind::Time) {
            let Some(t) = read_time(cx.text, f.span) else {
                continue;
            };
            let minutes = t.minutes.map(|m| m.text(cx.text));
            // 12 on the hour: noon or midnight (`times/noon-midnight`); 13 p.m.: no time.
            if t.hour == 0 || t.hour > 12 || (t.hour == 12 && minutes.map_or(true, |m| m == "00")) {
                continue;
            }
            let meridiem = t.meridiem.text(cx.text);
            let next_is_period = cx.text[t.span.end..].starts_with('.');
            let letters: String = meridiem
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .collect();
            let mixed_case = letters.chars().any(|c| c.is_ascii_uppercase())
                && letters.chars().any(|c| c.is_ascii_lowercase());
            let one_period = meridiem.matches('.').count() == 1 && !next_is_period;
            let wrong = if ap {
                let house = if t.pm { "p.m." } else { "a.m." };
                let expect_minutes = minutes.filter(|m| *m != "00");
                let written_sep = t.minutes.map(|m| &cx.text[m.start - 1..m.start]);
                !(meridiem == house
                    && minutes == expect_minutes
                    && written_sep.map_or(true, |s| s == ":")
                    && cx.text[..t.meridiem.start].ends_with(' '))
            } else {
                mixed_case || one_period
            };
            if !wrong || !checkable(cx, t.span) {
                continue;
            }
            let house = if t.pm { "p.m." } else { "a.m." };
            let fixed = if ap {
                match minutes.filter(|m| *m != "00") {
                    Some(m) => format!("{}:{m} {house}", t.hour),
                    None => format!("{} {house}", t.hour),
                }
            } else {
                // The writer's form, made consistent: the figure as written, lower case.
                let head = cx.text[t.span.start..t.meridiem.start].to_string();
                let form = if meridiem.contains('.') || one_period {
                    house
                } else if t.pm {
                    "pm"
                } else {
                    "am"
                };
                format!("{head}{form}")
            };
            let edit = if fixed.ends_with('.') {
                with_final_period(cx.text, t.span)
            } else {
                t.span
            };
            let written = t.span.text(cx.text);
            out.push(
                Finding::new(
                    &Self::META,
                    t.span,
                    styled(cx, format!("write the time as `{fixed}`, not `{written}`")),
                )
                .with_fix(Fix::replace(format!("Write `{fixed}`"), edit, fixed)),
            );
        }
    }
}
