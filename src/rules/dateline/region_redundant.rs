use super::{dateline, read_region, standalone};
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A city that stands alone is given a state or country it does not need.
    ///
    /// Cities on the style's stand-alone list are written without their region: `DALLAS`,
    /// not `DALLAS, Texas`; `LONDON`, not `LONDON, England`. A same-named place elsewhere is
    /// not redundant: `PARIS, Texas` is another Paris, and passes.
    ///
    /// ## Example
    ///
    /// ```text
    /// DALLAS, Texas (AP) — The council voted ...
    /// ```
    ///
    /// Write instead `DALLAS (AP) — `. The quick fix removes the region.
    pub struct RegionRedundant {
        code: "dateline/region-redundant",
        severity: Warning,
        summary: "a stand-alone dateline city is given a region",
    }
}

impl Rule for RegionRedundant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        if !p.region_check || d.places.len() != 1 {
            return;
        }
        let (Some(first), Some(last)) = (d.regions.first(), d.regions.last()) else {
            return;
        };
        let text = d.place.text(cx.text);
        let Some(cc) = standalone(cx, p, text) else {
            return;
        };
        let region = read_region(first.text(cx.text));
        let same = match (cc, region.state, region.country) {
            ("US", Some(_), _) => region.contains(text),
            ("", _, _) => true,
            (cc, _, Some(country)) => country.country == cc,
            _ => false,
        };
        if !same {
            return;
        }
        let span = Span::new(first.start, last.end);
        let region_text = span.text(cx.text);
        out.push(
            Finding::new(
                &Self::META,
                span,
                super::styled(
                    cx,
                    format!("`{text}` stands alone in a dateline: drop `{region_text}`",),
                ),
            )
            .with_fix(Fix::replace(
                format!("Remove `, {region_text}`"),
                Span::new(d.place.end, last.end),
                "",
            )),
        );
    }
}
