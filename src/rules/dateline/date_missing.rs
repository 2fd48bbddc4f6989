use super::dateline;
use super::profile::DateUse;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline has no date where the house style requires one.
    ///
    /// UPI, Xinhua and Reuters datelines carry the date after the place:
    /// `BEIJING, March 30 (Xinhua) -- `. When the metadata line dates the story, the quick
    /// fix inserts that date in the house form.
    ///
    /// ## Example
    ///
    /// ```text
    /// BEIJING (Xinhua) -- Officials ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `.
    pub struct DateMissing {
        code: "dateline/date-missing",
        severity: Warning,
        summary: "the dateline has no date where the style requires one",
    }
}

impl Rule for DateMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        if p.date != DateUse::Required || d.date.is_some() || d.place.is_empty() {
            return;
        }
        // After the last region or place (`..., Fla./WASHINGTON` ends with a place).
        let last = d
            .regions
            .last()
            .copied()
            .filter(|r| r.end > d.place.end)
            .unwrap_or(d.place);
        let mut f = Finding::new(
            &Self::META,
            d.place,
            super::styled(
                cx,
                format!(
                    "the dateline needs the date after the place, e.g. {}",
                    super::example(cx.style)
                ),
            ),
        );
        if let Some(meta) = cx.article.metadata_date() {
            if let Some(month) = p.month(meta.month, ".") {
                let date = format!("{month} {}", meta.day);
                f = f.with_fix(
                    Fix::replace(
                        format!("Add `, {date}`"),
                        Span::empty(last.end),
                        format!(", {date}"),
                    )
                    .not_preferred(),
                );
            }
        }
        out.push(f);
    }
}
