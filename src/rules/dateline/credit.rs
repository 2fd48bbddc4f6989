use super::dateline;
use crate::article::dateline::KNOWN_AGENCIES;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline credit is missing, not in parentheses, or not the house agency.
    ///
    /// Agency copy credits itself between the date and the separator, in parentheses and
    /// in the agency's own spelling: `(Xinhua)`, `(AP)`, `(Reuters)`. With a configured
    /// style, a credit of another agency is flagged too (a pickup may be right: check).
    ///
    /// ## Examples
    ///
    /// ```text
    /// BEIJING, Sept. 19 Xinhua -- ...     (credit not in parentheses)
    /// BEIJING, Sept. 19 (XINHUA) -- ...   (credit not in the agency's spelling)
    /// BEIJING, Sept. 19 -- ...            (no credit, Xinhua style configured)
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. Quick fixes add the parentheses and
    /// correct the spelling.
    pub struct CreditRule {
        code: "dateline/credit",
        severity: Warning,
        summary: "the dateline credit is missing, unparenthesized or not the house agency",
    }
}

impl Rule for CreditRule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        let Some(credit) = d.credit else {
            if p.credit_required {
                let agency = p.credits.first().copied().unwrap_or("Agency");
                let mut f = Finding::new(
                    &Self::META,
                    d.place,
                    super::styled(
                        cx,
                        format!(
                            "the dateline has no credit: write `({agency})` before the separator",
                        ),
                    ),
                );
                if let Some(sep) = d.separator {
                    let before = cx.text[..sep.span.start].trim_end().len();
                    f = f.with_fix(
                        Fix::replace(
                            format!("Add `({agency})`"),
                            Span::new(before, sep.span.start),
                            format!(" ({agency}) "),
                        )
                        .not_preferred(),
                    );
                }
                if !d.place.is_empty() {
                    out.push(f);
                }
            }
            return;
        };
        let agency = credit.agency.text(cx.text);
        let canonical = if KNOWN_AGENCIES.contains(&agency) {
            Some(agency)
        } else {
            KNOWN_AGENCIES
                .iter()
                .find(|a| a.eq_ignore_ascii_case(agency))
                .copied()
        };
        let right = canonical.unwrap_or(agency);
        if !credit.parenthesized {
            out.push(
                Finding::new(
                    &Self::META,
                    credit.span,
                    format!("put the credit in parentheses: `({right})`"),
                )
                .with_fix(Fix::replace(
                    format!("Write `({right})`"),
                    credit.span,
                    format!("({right})"),
                )),
            );
            return;
        }
        if let Some(c) = canonical.filter(|c| *c != agency) {
            out.push(
                Finding::new(
                    &Self::META,
                    credit.agency,
                    format!("write the credit as the agency does: `{c}`, not `{agency}`"),
                )
                .with_fix(Fix::replace(format!("Write `{c}`"), credit.agency, c)),
            );
            return;
        }
        if cx.config.style.is_some() && !p.accepts_credit(right) {
            let house = p.credits.first().copied().unwrap_or("");
            out.push(
                Finding::new(
                    &Self::META,
                    credit.agency,
                    super::styled(
                        cx,
                        format!("the credit `{agency}` is not the house agency's `({house})`",),
                    ),
                )
                .with_fix(
                    Fix::replace(format!("Write `{house}`"), credit.agency, house).not_preferred(),
                ),
            );
        }
    }
}
