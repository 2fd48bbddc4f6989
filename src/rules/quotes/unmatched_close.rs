use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};

declare_rule! {
    /// A closing quotation mark with no opening mark before it in its paragraph.
    ///
    /// Quotation marks pair within a paragraph (or the headline). A closing mark that
    /// nothing opened usually means the opening mark was lost, or the closing mark was
    /// left behind when a quotation was cut. Apostrophes are never read as closing marks:
    /// `countries’`, `the Joneses'` and `goin’` raise nothing.
    ///
    /// ## Example
    ///
    /// ```text
    /// Crews will start near schools and hospitals.” She said the work would cost $18 million.
    /// ```
    ///
    /// Either open the quotation where the speaker's words begin, or delete the mark.
    pub struct UnmatchedClose {
        code: "quotes/unmatched-close",
        severity: Error,
        summary: "a closing quotation mark has no opening mark",
    }
}

impl Rule for UnmatchedClose {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for &span in &cx.article.quotes.unmatched_closes {
            out.push(Finding::new(
                &Self::META,
                span,
                "this closing quotation mark has no opening mark before it in the paragraph",
            ));
        }
    }
}
