use crate::article::DatelineRead;
use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The first body paragraph does not open with a dateline.
    ///
    /// A wire story opens with the place the reporting was done, the date where the house
    /// style has one, and the agency credit: `BEIJING, March 30 (Xinhua) -- Officials ...`.
    /// A desk reads the dateline first; a story that reaches it without one is sent back.
    ///
    /// ## Example
    ///
    /// ```text
    /// Officials from both countries signed the accord on Thursday.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// ST. PETERSBURG, Russia, Sept. 19 (Xinhua) -- Officials from both countries ...
    /// ```
    ///
    /// A first paragraph that is a list or a table rather than a sentence (a day's listing
    /// of names and places, without a lower-case word) is not taken for a lede.
    ///
    /// The finding sits on the lede's first word. There is no automatic fix: only the
    /// reporter knows where the story was filed from.
    pub struct Missing {
        code: "dateline/missing",
        severity: Error,
        summary: "the first body paragraph has no dateline",
    }
}

impl Rule for Missing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(lede) = cx.article.lede() else {
            return;
        };
        if !matches!(cx.article.dateline_read, Some(DatelineRead::None)) {
            return;
        }
        let text = lede.span.text(cx.text);
        // A list or table (`Wilcox/Gibbs - New York Sarich Trust - New York ...`) is no
        // lede: a story that opens with one, such as a day's listing, carries no dateline.
        if !text
            .split_whitespace()
            .any(|w| w.starts_with(|c: char| c.is_lowercase()))
        {
            return;
        }
        let word_len = text.find(char::is_whitespace).unwrap_or(text.len());
        let span = Span::new(lede.span.start, lede.span.start + word_len);
        out.push(Finding::new(
            &Self::META,
            span,
            format!(
                "the story has no dateline: open the first paragraph with one, e.g. {}",
                super::example(cx.style)
            ),
        ));
    }
}
