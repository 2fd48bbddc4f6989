use crate::declare_rule;
use crate::rules::numbers::{next_word, Guard};
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A percentage below one without its leading zero: `0.6%`, not `.6%`.
    ///
    /// A decimal point alone is easily lost in print and on screen, so wire style puts a
    /// zero before it: `0.6%`, `0.25 percent`. The rule reports a figure that starts with
    /// its decimal point and is a percentage (`.6%`, `.6 percent`, `.6 per cent`, `.6
    /// pct`), outside quotations, URLs, code spans, tickers and tables.
    ///
    /// House profiles: all.
    ///
    /// ## Example
    ///
    /// ```text
    /// Unemployment fell .6% in March.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Unemployment fell 0.6% in March.
    /// ```
    ///
    /// The quick fix adds the zero.
    pub struct LeadingZero {
        code: "percent/leading-zero",
        severity: Warning,
        summary: "a percentage below one lacks its leading zero (`.6%`)",
    }
}

impl Rule for LeadingZero {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        // A point before a digit: none in a paragraph without a digit.
        if !cx.has_digit {
            return;
        }
        let text = cx.text;
        let guard = Guard::new(cx);
        for at in memchr::memchr_iter(b'.', text.as_bytes()) {
            // A point before a digit (a byte test first) ...
            if !text.as_bytes().get(at + 1).is_some_and(u8::is_ascii_digit) {
                continue;
            }
            // A point that opens a word (after a space, an opening mark or the start).
            let opens = text[..at].chars().next_back().map_or(true, |c| {
                c.is_whitespace() || matches!(c, '(' | '“' | '"' | '-')
            });
            if !opens {
                continue;
            }
            let digits = text[at + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits == 0 {
                continue;
            }
            let end = at + 1 + digits;
            let rest = &text[end..];
            let percent_end = if rest.starts_with('%') {
                Some(end + 1)
            } else if rest.starts_with(' ') {
                next_word(text, end).and_then(|w| match w.text(text) {
                    "percent" | "pct" => Some(w.end),
                    "per" => next_word(text, w.end)
                        .filter(|c| c.text(text) == "cent")
                        .map(|c| c.end),
                    _ => None,
                })
            } else {
                None
            };
            let Some(percent_end) = percent_end else {
                continue;
            };
            // `-.6%`: the sign stays before the zero.
            let span = Span::new(at, percent_end);
            if !guard.allows(span) {
                continue;
            }
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!(
                        "put a zero before the decimal point: `0{}`",
                        span.text(text)
                    ),
                )
                .with_fix(Fix::replace(
                    "Add the leading zero",
                    Span::empty(at),
                    "0",
                )),
            );
        }
    }
}
