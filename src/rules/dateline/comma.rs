use super::dateline;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A comma is missing between the dateline's place, region and date, or a stray comma
    /// stands before the credit.
    ///
    /// The parts are separated by commas: `RICHMOND, Va., Feb. 26`, with none before the
    /// credit.
    ///
    /// ## Examples
    ///
    /// ```text
    /// BEIJING Sept. 19 (Xinhua) -- ...
    /// BEIJING, Sept. 19, (Xinhua) -- ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. The quick fix adds or removes the
    /// comma.
    pub struct Comma {
        code: "dateline/comma",
        severity: Warning,
        summary: "a comma is missing (or stray) in the dateline",
    }
}

impl Rule for Comma {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, _)) = dateline(cx) else { return };
        let text = cx.text;
        for gap in &d.missing_commas {
            let at = gap.start;
            let tail = &text[at..d.span.end];
            let n = tail.len() - tail.trim_start().len();
            let ws = Span::new(at, at + n);
            let before = text[d.span.start..at]
                .rsplit([',', ' '])
                .next()
                .unwrap_or("");
            let next: String = text[at + n..]
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(
                Finding::new(
                    &Self::META,
                    ws,
                    format!("a comma is missing between `{before}` and `{next}`"),
                )
                .with_fix(Fix::replace("Add a comma", ws, ", ")),
            );
        }
        if let Some(credit) = d.credit {
            let head = text[d.span.start..credit.span.start].trim_end();
            if head.ends_with(',') {
                let comma = Span::new(d.span.start + head.len() - 1, d.span.start + head.len());
                out.push(
                    Finding::new(&Self::META, comma, "no comma before the credit")
                        .with_fix(Fix::replace("Remove the comma", comma, "")),
                );
            }
        }
    }
}
