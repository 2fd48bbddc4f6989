use super::Guard;
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// A large round figure written out in full: use the millions or billions form.
    ///
    /// Wire style writes round figures of a million and more with a word: `1 million`,
    /// `$4.8 million`, `3 billion`, never `1,000,000`, `$4,800,000` or `3,000,000,000`.
    /// The rule reports a figure with thousands separators of at least 1,000,000 that
    /// is round to one decimal of a million or a billion (`4,800,000` is `4.8 million`);
    /// a figure that may be an exact count (`1,250,000`, `1,234,567`) is left alone, and
    /// so are tables of results, quotations, URLs, code spans and tickers.
    ///
    /// House profiles: all. `[numbers] million_word = "mln"` writes Reuters' 1980s
    /// abbreviation in the fix (`5 mln`).
    ///
    /// ## Example
    ///
    /// ```text
    /// The city will spend $5,000,000 on the bridge.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The city will spend $5 million on the bridge.
    /// ```
    ///
    /// The quick fix writes the millions (or billions) form.
    pub struct Millions {
        code: "numbers/millions",
        severity: Warning,
        summary: "a round figure of a million or more is written out in full",
    }
}

impl Rule for Millions {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let guard = Guard::new(cx);
        for f in cx.figures() {
            if !matches!(f.kind, Kind::Number | Kind::Money) || f.span.len() < 9 {
                continue;
            }
            let written = f.span.text(cx.text);
            let (sign, figure) = match written.char_indices().next() {
                Some((_, c)) if !c.is_ascii_digit() => written.split_at(c.len_utf8()),
                _ => ("", written),
            };
            // Money with a scale word (`$5,000,000 million`) is another mistake.
            if figure.contains([' ', '.']) || !figure.contains(',') {
                continue;
            }
            let Some(short) = round_form(figure) else {
                continue;
            };
            if !guard.allows(f.span) {
                continue;
            }
            let replacement = format!("{sign}{short}");
            let replacement = match cx.config.numbers.million_word.as_deref() {
                Some(w) if w != "million" => replacement.replace("million", w),
                _ => replacement,
            };
            out.push(
                Finding::new(
                    &Self::META,
                    f.span,
                    format!("write the round figure as `{replacement}`"),
                )
                .with_fix(Fix::replace(
                    format!("Write `{replacement}`"),
                    f.span,
                    replacement,
                )),
            );
        }
    }
}

/// `5,000,000` -> `5 million`, `4,800,000` -> `4.8 million`, `3,000,000,000` -> `3
/// billion`; `None` for less than a million or a figure not round to one decimal
/// (`1,250,000` may be an exact count).
pub(crate) fn round_form(figure: &str) -> Option<String> {
    let digits: String = figure.chars().filter(char::is_ascii_digit).collect();
    let n: u128 = digits.parse().ok()?;
    let (unit, word) = if n >= 1_000_000_000_000 {
        (1_000_000_000_000u128, "trillion")
    } else if n >= 1_000_000_000 {
        (1_000_000_000, "billion")
    } else if n >= 1_000_000 {
        (1_000_000, "million")
    } else {
        return None;
    };
    let tenths = unit / 10;
    if n % tenths != 0 {
        return None;
    }
    let whole = n / unit;
    Some(match (n % unit) / tenths {
        0 => format!("{whole} {word}"),
        f => format!("{whole}.{f} {word}"),
    })
}
