use super::{previous_word, Guard};
use crate::declare_rule;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A decade written with an apostrophe before the `s`: `1990s`, not `1990's`.
    ///
    /// A decade is a plural, not a possessive: `the 1990s`, and for the short form an
    /// apostrophe in place of the century's digits, `the '90s`. The rule reports
    /// `1990's` (after `the`, `early`, `mid`, `late` or in `mid-1990's`, so that a
    /// year's possessive such as `1990's budget` is left alone) and `'90's` (an
    /// apostrophe on both sides), with straight or curly marks, outside quotations,
    /// URLs, code spans and tickers.
    ///
    /// House profiles: all.
    ///
    /// ## Example
    ///
    /// ```text
    /// The plant was built in the 1970's and closed in the '90's.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The plant was built in the 1970s and closed in the '90s.
    /// ```
    ///
    /// The quick fix removes the apostrophe before the `s`.
    pub struct Decade {
        code: "numbers/decade",
        severity: Warning,
        summary: "a decade is written with an apostrophe before the `s` (`1990's`)",
    }
}

impl Rule for Decade {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        // Both marks follow a `0`: no digit, no decade.
        let bytes = text.as_bytes();
        let decade_s = |at: usize| {
            let rest = &bytes[at + 1..];
            rest.starts_with(b"'s") || rest.starts_with("’s".as_bytes())
        };
        if !cx.has_digit || !memchr::memchr_iter(b'0', bytes).any(decade_s) {
            return;
        }
        let guard = Guard::new(cx);
        for (at, mark) in text.match_indices(['\'', '’']) {
            let end = at + mark.len();
            if !text[end..].starts_with('s') || !text[..at].ends_with('0') {
                continue;
            }
            // The `s` ends the word.
            if text[end + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let digits = text[..at].len()
                - text[..at]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
            let start = at - digits;
            let before = text[..start].chars().next_back();
            let decade = match digits {
                // `'90's`, `’90’s`.
                2 => matches!(before, Some('\'' | '’' | '‘')),
                4 => {
                    let year: u32 = text[start..at].parse().unwrap_or(0);
                    (1000..=2990).contains(&year)
                        && (before == Some('-') && text[..start].ends_with("mid-")
                            || (before.is_some_and(char::is_whitespace)
                                && previous_word(text, start).is_some_and(|w| {
                                    matches!(
                                        w.text(text).to_ascii_lowercase().as_str(),
                                        "the" | "early" | "mid" | "late"
                                    )
                                })))
                }
                _ => false,
            };
            let open = match (digits, before) {
                (2, Some(c)) => c.len_utf8(),
                _ => 0,
            };
            let span = Span::new(start - open, end + 1);
            if !decade || !guard.allows(Span::new(start, end + 1)) {
                continue;
            }
            let fixed = format!("{}s", &text[span.start..at]);
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("a decade takes no apostrophe before the `s`: `{fixed}`"),
                )
                .with_fix(Fix::replace(
                    "Remove the apostrophe before `s`",
                    Span::new(at, end),
                    "",
                )),
            );
        }
    }
}
