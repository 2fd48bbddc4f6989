use super::{in_words, is_count_noun, next_word, not_a_count_before, previous_word, Guard, ONES};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A count of one to nine written as a figure: spell it out.
    ///
    /// Every wire house writes the numbers one to nine in words and 10 and up in figures.
    /// The exceptions are many: ages, percentages, money, dimensions, distances, speeds,
    /// temperatures, weights, scores, votes, times, dates, addresses, sizes, ratios,
    /// ranks and numbers in names (`No. 3`, `Apollo 9`, `Channel 4`), and a small figure
    /// in a sentence with larger ones (`3 dogs and 12 cats`). So the rule reports only
    /// a plain count: a bare whole figure from 1 to 9 directly before a noun that counts
    /// people or things and is never a unit (`people`, `children`, `soldiers`,
    /// `companies`, `cars`, ...), with no figure of 10 or more (years aside) in the same
    /// sentence and no name, rank word (`No.`, `aged`, `size`, `page`) or figure just
    /// before it. A figure that opens a sentence is `numbers/sentence-start`'s.
    ///
    /// House profiles: all (AP, UPI, Reuters, AFP, Xinhua, Bloomberg, generic). Never in
    /// quotations, URLs, e-mail addresses, code spans, tickers, tables or the dateline.
    ///
    /// ## Example
    ///
    /// ```text
    /// Police said 3 people were hurt.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Police said three people were hurt.
    /// ```
    ///
    /// The quick fix writes the number in words.
    pub struct SmallInWords {
        code: "numbers/small-in-words",
        severity: Warning,
        summary: "a count from one to nine is written as a figure",
    }
}

impl Rule for SmallInWords {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let below = cx.config.numbers.spell_out_below();
        let guard = Guard::new(cx);
        let text = cx.text;
        for f in cx.figures() {
            let span = f.span;
            let digit = text.as_bytes()[span.start];
            if f.kind != Kind::Number
                || span.len() != 1
                || !(b'1'..=b'9').contains(&digit)
                || u32::from(digit - b'0') >= below
            {
                continue;
            }
            // `3-year-old`, `3/4`, `3,` in a list: the figure must stand alone before a space.
            if !text[span.end..].starts_with(' ') {
                continue;
            }
            let Some(noun) = next_word(text, span.end) else {
                continue;
            };
            if !is_count_noun(noun.text(text)) {
                continue;
            }
            let Some(sentence) = cx.prose().sentence_at(text, span.start) else {
                continue;
            };
            let opens = sentence.start == span.start
                || (guard.body_start() > 0 && span.start == guard.body_start());
            if opens {
                continue;
            }
            if let Some(prev) = previous_word(text, span.start) {
                let p = prev.text(text);
                let opener = prev.start == sentence.start && sentence_opener(p);
                if prev.start >= sentence.start && !opener && not_a_count_before(p) {
                    continue;
                }
                // `1 in 5 people`, `two of 3 children`: a proportion.
                if matches!(p, "in" | "of" | "out") {
                    let before = previous_word(text, prev.start).map(|w| w.text(text));
                    if before.is_some_and(|w| {
                        w.starts_with(|c: char| c.is_ascii_digit())
                            || ONES.contains(&w.to_ascii_lowercase().as_str())
                            || w.eq_ignore_ascii_case("out")
                    }) {
                        continue;
                    }
                }
                // `from 3 children to 12`, a figure with a dash before it (`5-3 children`).
                if text[prev.end..span.start].contains(['-', '–', '/', '#', '$']) {
                    continue;
                }
            }
            if larger_in_sentence(cx, sentence) || !guard.allows(span) {
                continue;
            }
            let word = in_words(u32::from(digit - b'0')).unwrap_or_default();
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("spell out a count below 10: `{word} {}`", noun.text(text)),
                )
                .with_fix(Fix::replace(format!("Write `{word}`"), span, word)),
            );
        }
    }
}

/// A capitalized word that opens a sentence and makes no name of the figure after it
/// (`Only 3 people`, `About 5 soldiers`).
fn sentence_opener(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "about", "after", "all", "almost", "and", "another", "at", "but", "by", "for", "her",
        "his", "in", "its", "just", "nearly", "of", "only", "our", "some", "the", "their", "these",
        "those", "when", "while", "with",
    ];
    OPENERS.contains(&word.to_ascii_lowercase().as_str())
}

/// Does `sentence` hold a count of 10 or more that may be of the same kind, so that
/// every count in it takes figures (`3 dogs and 12 cats`, `killed 7 people and injured
/// 24`)? Any figure of 10 or more does, unless a word that makes it money, a measure, a
/// share or a time follows it (`230 mln dlrs`, `12 years`, `62 pct`); a year never does.
fn larger_in_sentence(cx: &ParagraphContext<'_>, sentence: Span) -> bool {
    cx.figures().iter().any(|f| {
        if f.kind != Kind::Number || f.span.start < sentence.start || f.span.end > sentence.end {
            return false;
        }
        let t = f.span.text(cx.text);
        let value: f64 = t.replace(',', "").parse().unwrap_or(0.0);
        let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
        if value < 10.0 || year {
            return false;
        }
        if !cx.text[f.span.end..sentence.end].starts_with(' ') {
            return true;
        }
        !next_word(cx.text, f.span.end).is_some_and(|w| OTHER_KIND.contains(&w.text(cx.text)))
    })
}

/// Words after a figure that make it money, a measure, a share or a span of time: never
/// the same kind as a count of people or things.
const OTHER_KIND: &[&str] = &[
    "acres",
    "barrels",
    "billion",
    "bln",
    "cents",
    "cts",
    "days",
    "degrees",
    "dlrs",
    "dollars",
    "euros",
    "feet",
    "francs",
    "hours",
    "inches",
    "kilograms",
    "kilometers",
    "kilometres",
    "km",
    "lbs",
    "marks",
    "meters",
    "metres",
    "miles",
    "million",
    "minutes",
    "mln",
    "months",
    "ounces",
    "pct",
    "percent",
    "points",
    "pounds",
    "seconds",
    "shares",
    "stg",
    "tonnes",
    "tons",
    "weeks",
    "yards",
    "years",
    "yen",
    "yuan",
];
