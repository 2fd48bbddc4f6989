use super::Guard;
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A whole amount of money written with zero cents: `$12`, not `$12.00`.
    ///
    /// Wire style drops `.00` from a whole amount (`The tickets cost $12.`). The rule
    /// reports an amount with a currency sign and `.00` (`$12.00`, `€40.00`), without a
    /// scale word, outside tables of prices, quotations, URLs, code spans and tickers.
    ///
    /// House profiles: all.
    ///
    /// ## Example
    ///
    /// ```text
    /// Tickets cost $12.00 at the door.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Tickets cost $12 at the door.
    /// ```
    ///
    /// The quick fix removes `.00`.
    pub struct ZeroCents {
        code: "numbers/zero-cents",
        severity: Warning,
        summary: "a whole amount of money is written with `.00`",
    }
}

impl Rule for ZeroCents {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let guard = Guard::new(cx);
        for f in cx.figures() {
            if f.kind != Kind::Money {
                continue;
            }
            let written = f.span.text(cx.text);
            let Some(whole) = written.strip_suffix(".00") else {
                continue;
            };
            if !guard.allows(f.span) {
                continue;
            }
            let cents = Span::new(f.span.end - 3, f.span.end);
            out.push(
                Finding::new(
                    &Self::META,
                    f.span,
                    format!("drop the zero cents: `{whole}`"),
                )
                .with_fix(Fix::replace("Remove `.00`", cents, "")),
            );
        }
    }
}
