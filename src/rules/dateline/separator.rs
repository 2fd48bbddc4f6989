use super::dateline;
use crate::article::dateline::SeparatorKind;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline separator is not the house style's, or is missing.
    ///
    /// AP separates the dateline from the story with a spaced em dash (`—`), UPI, Xinhua and
    /// Bloomberg with two hyphens (`--`), Reuters with one hyphen (`-`); AFP uses `-` or
    /// `--`. The generic style accepts any of them. Three or more hyphens are always wrong.
    ///
    /// ## Example
    ///
    /// ```text
    /// BEIJING, Sept. 19 (Xinhua) - Beijing will add ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. The quick fix writes the house
    /// separator.
    pub struct SeparatorRule {
        code: "dateline/separator",
        severity: Warning,
        summary: "the dateline separator is not the house style's",
    }
}

impl Rule for SeparatorRule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        let want = p
            .separators
            .first()
            .copied()
            .unwrap_or(SeparatorKind::DoubleHyphen);
        let Some(sep) = d.separator else {
            if p.separator_required {
                if let Some(credit) = d.credit {
                    let after = &cx.text[credit.span.end..];
                    let ws = after.len() - after.trim_start_matches([' ', '\t']).len();
                    out.push(
                        Finding::new(
                            &Self::META,
                            credit.span,
                            super::styled(
                                cx,
                                format!("no separator after the credit: write `{}`", want.as_str()),
                            ),
                        )
                        .with_fix(Fix::replace(
                            format!("Add `{}`", want.as_str()),
                            Span::new(credit.span.end, credit.span.end + ws),
                            format!(" {} ", want.as_str()),
                        )),
                    );
                }
            }
            return;
        };
        let written = sep.span.text(cx.text);
        let too_long = sep.kind == SeparatorKind::DoubleHyphen && written != "--";
        if p.accepts_separator(sep.kind) && !too_long {
            return;
        }
        let want = if too_long && p.accepts_separator(SeparatorKind::DoubleHyphen) {
            SeparatorKind::DoubleHyphen
        } else {
            want
        };
        out.push(
            Finding::new(
                &Self::META,
                sep.span,
                super::styled(
                    cx,
                    format!(
                        "separate the dateline with `{}`, not `{written}`",
                        want.as_str()
                    ),
                ),
            )
            .with_fix(Fix::replace(
                format!("Write `{}`", want.as_str()),
                sep.span,
                want.as_str(),
            )),
        );
    }
}
