use super::{from_words, is_count_noun, next_word, previous_word, starts_large_number, Guard};
use crate::declare_rule;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// A count of 10 or more written in words inside a sentence: use figures.
    ///
    /// Every wire house writes 10 and up in figures. A number in words is right at the
    /// start of a sentence (`Twelve people died.`), in casual and approximate uses (`a
    /// dozen`, `hundreds of`), in names and in quotations. So the rule reports only a
    /// number word from `ten` to `ninety-nine` (`twelve`, `twenty-five`) written in lower
    /// case inside a sentence, directly before a noun that counts people or things
    /// (`people`, `soldiers`, `companies`, ...), and not after another number word
    /// (`one hundred twenty people`) or a figure.
    ///
    /// House profiles: all. Never in quotations, URLs, e-mail addresses, code spans,
    /// tickers, tables or the dateline.
    ///
    /// ## Example
    ///
    /// ```text
    /// The fire destroyed twelve homes.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The fire destroyed 12 homes.
    /// ```
    ///
    /// The quick fix writes the figure.
    pub struct LargeInFigures {
        code: "numbers/large-in-figures",
        severity: Warning,
        summary: "a count of 10 or more is written in words",
    }
}

impl Rule for LargeInFigures {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let below = cx.config.numbers.spell_out_below();
        if below == 0 {
            return;
        }
        // How a number word opens (`ten` alone or before a hyphen): from `ten` with the
        // default line, from `one` with a lower one. None in most paragraphs.
        const LARGE: [u64; 19] = crate::rules::words_seen::keys([
            "ten",
            "ten-",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ]);
        const SMALL: [u64; 12] = crate::rules::words_seen::keys([
            "one", "one-", "two", "two-", "three", "four", "five", "six", "six-", "seven", "eight",
            "nine",
        ]);
        if !cx.may_hold_any(&LARGE) && (below >= 10 || !cx.may_hold_any(&SMALL)) {
            return;
        }
        let guard = Guard::new(cx);
        let text = cx.text;
        for (k, tok) in cx.words.iter().enumerate() {
            // Lower case only: `Twenty` in a name or opening a sentence is right. A byte
            // test first: every number word from `one` to `ninety` starts with one of
            // these letters and has 3 to 9 of them (13 with a hyphen and a unit).
            let first = text.as_bytes().get(tok.span.start).copied().unwrap_or(0);
            if !(3..=13).contains(&tok.span.len())
                || !matches!(first, b'e' | b'f' | b'n' | b'o' | b's' | b't')
            {
                continue;
            }
            // With the default line, how the word opens: `ten` alone or before a hyphen, or
            // the first four letters of another number word from `eleven` to `ninety`.
            if below >= 10 {
                let b = text.as_bytes();
                let at = tok.span.start;
                let opens = if tok.span.len() == 3 {
                    b.get(at..at + 3) == Some(b"ten")
                } else {
                    matches!(
                        b.get(at..at + 4),
                        Some(
                            b"ten-"
                                | b"elev"
                                | b"twel"
                                | b"thir"
                                | b"four"
                                | b"fift"
                                | b"sixt"
                                | b"seve"
                                | b"eigh"
                                | b"nine"
                                | b"twen"
                                | b"fort"
                        )
                    )
                };
                if !opens {
                    continue;
                }
            }
            let Some(w) = text.get(tok.span.start..tok.span.end) else {
                continue;
            };
            let bytes = w.as_bytes();
            let head_len = bytes.iter().position(|&b| b == b'-').unwrap_or(bytes.len());
            if !(3..=9).contains(&head_len)
                || !matches!(bytes[0], b'e' | b'f' | b'n' | b'o' | b's' | b't')
            {
                continue;
            }
            let head = &w[..head_len];
            let candidate = if below >= 10 {
                starts_large_number(head)
            } else {
                from_words(w).is_some() && w.starts_with(|c: char| c.is_ascii_lowercase())
            };
            if !candidate || tok.sent_start {
                continue;
            }
            // The whole word, hyphens included (`twenty-five`).
            let Some(span) = next_word(text, tok.span.start) else {
                continue;
            };
            let w = span.text(text);
            let Some(n) = from_words(w).filter(|&n| n >= below) else {
                continue;
            };
            if !text[span.end..].starts_with(' ') {
                continue;
            }
            let Some(noun) = next_word(text, span.end) else {
                continue;
            };
            if !is_count_noun(noun.text(text)) {
                continue;
            }
            if let Some(prev) = previous_word(text, span.start) {
                let p = prev.text(text).trim_end_matches([',', '.']);
                // `one hundred twenty`, `one hundred and twenty`, `3 twenty-packs`.
                let and_after_scale = p == "and"
                    && previous_word(text, prev.start)
                        .is_some_and(|w| matches!(w.text(text), "hundred" | "thousand"));
                if from_words(p).is_some()
                    || matches!(p, "hundred" | "thousand")
                    || and_after_scale
                    || p.ends_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
            }
            // The first word of the sentence (the words mark it), or right after the
            // dateline.
            if k == 0 || span.start == guard.body_start() || !guard.allows(span) {
                continue;
            }
            let figure = n.to_string();
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!(
                        "use a figure for 10 or more: `{figure} {}`",
                        noun.text(text)
                    ),
                )
                .with_fix(Fix::replace(format!("Write `{figure}`"), span, figure)),
            );
        }
    }
}
