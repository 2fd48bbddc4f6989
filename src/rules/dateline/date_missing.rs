use super::profile::DateUse;
use super::{dateline, style_name};
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
        let last = d.regions.last().copied().unwrap_or(d.place);
        let mut f = Finding::new(
            &Self::META,
            d.place,
            format!(
                "{} datelines carry the date after the place, e.g. {}",
                style_name(cx),
                super::example(cx.style)
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
