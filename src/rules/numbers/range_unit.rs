use super::{next_word, Guard};
use crate::declare_rule;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A range of money that drops the unit from its first figure: `$12 million to $14
    /// million`, not `$12-14 million`.
    ///
    /// Wire style repeats the sign and the scale word on both ends of a range, so that
    /// neither figure can be read as dollars alone. The rule reports `$12-14 million`,
    /// `$12–$14 million`, `$12 to 14 million` and `$12 to $14 million` (any currency
    /// sign, `million`, `billion` or `trillion`), outside quotations, URLs, code spans,
    /// tickers and tables.
    ///
    /// House profiles: all.
    ///
    /// ## Example
    ///
    /// ```text
    /// The repairs will cost $12-14 million.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The repairs will cost $12 million to $14 million.
    /// ```
    ///
    /// The quick fix writes both ends in full.
    pub struct RangeUnit {
        code: "numbers/range-unit",
        severity: Warning,
        summary: "a money range drops the unit from its first figure (`$12-14 million`)",
    }
}

/// The length of the figure (digits, separators, decimals) at the start of `s`.
fn figure_len(s: &str) -> usize {
    let n = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    // A final comma or period is punctuation.
    s[..n].trim_end_matches([',', '.']).len()
}

impl Rule for RangeUnit {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        // No figure, no range (a figure holds a digit).
        if !cx.has_digit {
            return;
        }
        let guard = Guard::new(cx);
        let text = cx.text;
        // No sign, no range: `$` by a byte search; `€` (E2 82 AC), `£` and `¥` (C2 A3, C2
        // A5) only in text beyond ASCII.
        // (Text beyond ASCII holds a C2 byte or a `€` wherever it holds a sign; ASCII text
        // holds neither.)
        let bytes = text.as_bytes();
        // `€` is E2 82 AC: its last byte found by `memchr`.
        let euro =
            || memchr::memchr_iter(0xAC, bytes).any(|i| i >= 2 && bytes[i - 2..i] == [0xE2, 0x82]);
        if memchr::memchr2(b'$', 0xC2, bytes).is_none() && !euro() {
            return;
        }
        // `$` found by `memchr`; `€`, `£` and `¥` only in text beyond ASCII.
        let mut signs: Vec<(usize, &str)> = text.match_indices('$').collect();
        if !text.is_ascii() {
            for sign in ['€', '£', '¥'] {
                signs.extend(text.match_indices(sign));
            }
            signs.sort_unstable();
        }
        for (at, sign) in signs {
            let a_start = at + sign.len();
            let a_len = figure_len(&text[a_start..]);
            if a_len == 0 {
                continue;
            }
            let a = &text[a_start..a_start + a_len];
            let rest = &text[a_start + a_len..];
            let sep = if rest.starts_with('-') {
                1
            } else if rest.starts_with('–') {
                '–'.len_utf8()
            } else if rest.starts_with(" to ") {
                4
            } else {
                continue;
            };
            let mut b_start = a_start + a_len + sep;
            if text[b_start..].starts_with(sign) {
                b_start += sign.len();
            }
            let b_len = figure_len(&text[b_start..]);
            if b_len == 0 || !text[b_start + b_len..].starts_with(' ') {
                continue;
            }
            let b = &text[b_start..b_start + b_len];
            let Some(scale) = next_word(text, b_start + b_len) else {
                continue;
            };
            let word = scale.text(text);
            if !matches!(word, "million" | "billion" | "trillion") {
                continue;
            }
            let span = Span::new(at, scale.end);
            if !guard.allows(span) {
                continue;
            }
            let replacement = format!("{sign}{a} {word} to {sign}{b} {word}");
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("repeat the unit on both ends of the range: `{replacement}`"),
                )
                .with_fix(Fix::replace(
                    "Write the range in full",
                    span,
                    replacement,
                )),
            );
        }
    }
}
