use super::{capitalized, in_words, next_word, Guard};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// A sentence that opens with a figure: spell the number out, or recast the
    /// sentence.
    ///
    /// Every wire house spells out a number that starts a sentence; a year is the one
    /// exception (`1987 was a good year.`). The rule reports a sentence (the lede's first
    /// after the dateline included) whose first word is a plain figure, not a year, a
    /// list marker (`1.`, `2)`), a time, a date or the start of a name (`10 Downing
    /// Street`, `50 Cent`), and is silent in tables of results, quotations, URLs, code
    /// spans and tickers.
    ///
    /// House profiles: all.
    ///
    /// ## Example
    ///
    /// ```text
    /// 12 people were hurt in the blast.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Twelve people were hurt in the blast.
    /// ```
    ///
    /// For a whole figure up to 99 standing alone the quick fix writes it in words; a
    /// larger figure or one with decimals (`2,500 people`, `3.5 million`) calls for a
    /// rewrite (`About 2,500 people ...`), so no fix is offered.
    pub struct SentenceStart {
        code: "numbers/sentence-start",
        severity: Warning,
        summary: "a sentence starts with a figure",
    }
}

impl Rule for SentenceStart {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let guard = Guard::new(cx);
        let text = cx.text;
        if cx.figures().is_empty() {
            return;
        }
        for f in cx.figures() {
            if f.kind != Kind::Number {
                continue;
            }
            let span = f.span;
            let opens_sentence = crate::prose::opens_sentence(text, span.start);
            // The lede's first sentence opens with the dateline: its text after it.
            let after_dateline = span.start > 0 && span.start == guard.body_start();
            if !(opens_sentence || after_dateline) {
                continue;
            }
            let figure = span.text(text);
            let rest = &text[span.end..];
            // A year, a list marker, a figure joined to more (`3M`, `7-Eleven`, `2-1`).
            let year = figure.len() == 4 && !figure.contains(['.', ',']);
            let joined = rest
                .chars()
                .next()
                .is_some_and(|c| !matches!(c, ' ' | '\u{a0}'));
            // A name that opens with a figure: `10 Downing Street`, `50 Cent`.
            let name = next_word(text, span.end)
                .is_some_and(|w| w.text(text).starts_with(|c: char| c.is_uppercase()));
            if year || joined || name || !guard.allows(span) {
                continue;
            }
            let fix = figure
                .parse::<u32>()
                .ok()
                .filter(|&n| n > 0)
                .and_then(in_words)
                .map(|w| capitalized(&w));
            let mut finding = Finding::new(
                &Self::META,
                span,
                match &fix {
                    Some(w) => format!("spell out a number that starts a sentence: `{w}`"),
                    None => "spell out a number that starts a sentence, or recast the sentence"
                        .to_string(),
                },
            );
            if let Some(w) = fix {
                finding = finding.with_fix(Fix::replace(format!("Write `{w}`"), span, w));
            }
            out.push(finding);
        }
    }
}
