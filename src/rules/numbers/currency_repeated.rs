use super::{next_word, Guard};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// The currency named twice: `$5 million`, not `$5 million dollars`.
    ///
    /// The currency sign already says dollars: `$5 dollars` and `$5 million dollars`
    /// repeat it. The rule reports an amount with `$` followed by `dollars` (or
    /// `dollar`), `€` by `euros`, `£` by `pounds` and `¥` by `yen`; `$5 Hong Kong dollars`
    /// or `5 million dollars` (no sign) are left alone, and so are quotations.
    ///
    /// House profiles: all.
    ///
    /// ## Example
    ///
    /// ```text
    /// The league paid $5 million dollars for the land.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The league paid $5 million for the land.
    /// ```
    ///
    /// The quick fix removes the currency word.
    pub struct CurrencyRepeated {
        code: "numbers/currency-repeated",
        severity: Warning,
        summary: "an amount names its currency twice (`$5 million dollars`)",
    }
}

impl Rule for CurrencyRepeated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let guard = Guard::new(cx);
        let text = cx.text;
        for f in cx.figures() {
            if f.kind != Kind::Money || !text[f.span.end..].starts_with(' ') {
                continue;
            }
            let Some(word) = next_word(text, f.span.end) else {
                continue;
            };
            let w = word.text(text);
            let repeated = match f.span.text(text).chars().next() {
                Some('$') => matches!(w, "dollars" | "dollar"),
                Some('€') => matches!(w, "euros" | "euro"),
                Some('£') => matches!(w, "pounds" | "pound"),
                Some('¥') => w == "yen",
                _ => false,
            };
            let whole = Span::new(f.span.start, word.end);
            if !repeated || !guard.allows(whole) {
                continue;
            }
            out.push(
                Finding::new(
                    &Self::META,
                    whole,
                    format!(
                        "the sign already names the currency: `{}`",
                        f.span.text(text)
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Remove `{w}`"),
                    Span::new(f.span.end, word.end),
                    "",
                )),
            );
        }
    }
}
