use crate::article::quotes::{Nesting, Role};
use crate::config::Style;
use crate::declare_rule;
use crate::rules::{Context, Edit, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A period or comma outside the closing quotation mark, in AP-style copy.
    ///
    /// US wire style (AP, UPI, Bloomberg, Xinhua) always puts the period and the comma
    /// inside the closing mark, even when they do not belong to the quotation. British
    /// and Reuters style place them by sense, so the rule is silent for those styles and
    /// when `[quotes] nesting = "british"`. Question marks, exclamation marks, dashes and
    /// semicolons go by sense in every style and are not reported.
    ///
    /// ## Example
    ///
    /// ```text
    /// The council president called the plan "a good first step".
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The council president called the plan "a good first step."
    /// ```
    ///
    /// The quick fix moves the mark inside every closing mark it follows.
    pub struct PunctuationOutside {
        code: "quotes/punctuation-outside",
        severity: Warning,
        summary: "a period or comma sits outside the closing quotation mark (AP style)",
    }
}

impl Rule for PunctuationOutside {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(
            cx.style,
            Style::Ap | Style::Upi | Style::Bloomberg | Style::Xinhua
        ) || cx.config.quotes.nesting == Some(Nesting::British)
        {
            return;
        }
        let quotes = &cx.article.quotes;
        for q in &quotes.quotations {
            let Some(close) = q.close else { continue };
            let Some(after) = cx.text.get(close.end..) else {
                continue;
            };
            let mut chars = after.chars();
            let Some(p) = chars.next().filter(|&c| c == '.' || c == ',') else {
                continue;
            };
            // An ellipsis, or a figure (`"A".5`), is not a sentence's period.
            if chars.next().is_some_and(|c| c == '.' || c.is_ascii_digit()) {
                continue;
            }
            // Walk back over the run of closing marks: `'a farce'".` moves inside both.
            let mut at = close.start;
            while let Some(prev) = cx.text.get(..at).and_then(|s| s.chars().next_back()) {
                let prev_span = Span::new(at - prev.len_utf8(), at);
                match quotes.mark_at(prev_span) {
                    Some(m) if m.role == Role::Close => at = prev_span.start,
                    _ => break,
                }
            }
            // Already punctuated inside (`"Why?".` is a different mistake).
            let before = cx.text.get(..at).and_then(|s| s.chars().next_back());
            if before.is_some_and(|c| matches!(c, '.' | ',' | '?' | '!')) {
                continue;
            }
            let span = Span::new(close.end, close.end + p.len_utf8());
            let word = if p == '.' { "period" } else { "comma" };
            let fix = Fix {
                title: format!("Move the {word} inside the quotation mark"),
                edits: vec![
                    Edit {
                        span: Span::empty(at),
                        replacement: p.to_string(),
                    },
                    Edit {
                        span,
                        replacement: String::new(),
                    },
                ],
                preferred: true,
            };
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!(
                        "in {} style the {word} goes inside the closing quotation mark",
                        cx.style.agency()
                    ),
                )
                .with_fix(fix),
            );
        }
    }
}
