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
        for f in &cx.prose.figures {
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
            if text[span.end..].chars().next() != Some(' ') {
                continue;
            }
            let Some(noun) = next_word(text, span.end) else {
                continue;
            };
            if !is_count_noun(noun.text(text)) {
                continue;
            }
            let Some(sentence) = cx.prose.sentence_at(span.start) else {
                continue;
            };
            let sentence = cx.prose.sentences[sentence];
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

/// Does `sentence` hold a figure of 10 or more other than a year (`3 dogs and 12 cats`
/// are both figures)?
fn larger_in_sentence(cx: &ParagraphContext<'_>, sentence: Span) -> bool {
    cx.prose.figures.iter().any(|f| {
        if f.span.start < sentence.start || f.span.end > sentence.end {
            return false;
        }
        let t = f.span.text(cx.text);
        match f.kind {
            Kind::Number => {
                let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
                t.len() >= 2 && !year && !t.starts_with("0")
            }
            _ => false,
        }
    })
}
