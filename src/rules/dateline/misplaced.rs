use crate::article::{dateline, DatelineRead, ParagraphKind};
use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A dateline stands somewhere other than the start of the first body paragraph.
    ///
    /// The dateline opens the lede. A dateline at the head of a later paragraph is usually
    /// left over from an earlier lead or pasted in the wrong place; a story has one.
    ///
    /// ## Example
    ///
    /// ```text
    /// Officials met on Thursday.
    ///
    /// BEIJING, Sept. 19 (Xinhua) -- The talks ...
    /// ```
    ///
    /// Move the dateline to the start of the first paragraph (or delete the second one).
    pub struct Misplaced {
        code: "dateline/misplaced",
        severity: Warning,
        summary: "a dateline is not at the start of the first body paragraph",
    }
}

/// Later paragraphs searched for a stray dateline.
const LOOK_AHEAD: usize = 4;

impl Rule for Misplaced {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lede = cx.article.lede().map(|p| p.span);
        for para in cx
            .article
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Body)
            .take(LOOK_AHEAD)
        {
            // Only a credited dateline counts (below): no reading without a `(` to find.
            if !dateline::may_hold_credit(para.span.text(cx.text)) {
                continue;
            }
            let DatelineRead::Found(d) = dateline::read(cx.text, para.span) else {
                continue;
            };
            // Only a credited dateline is certain enough: `WASHINGTON - ` may open a list.
            if !d.credit.is_some_and(|c| c.parenthesized) || d.separator.is_none() {
                continue;
            }
            let span = Span::new(d.span.start, cx.text[..d.span.end].trim_end().len());
            let mut f = Finding::new(
                &Self::META,
                span,
                if cx.article.dateline().is_some() {
                    "a second dateline: the story already has one at the start of the first paragraph"
                } else {
                    "this dateline belongs at the start of the first body paragraph"
                },
            );
            if let Some(l) = lede {
                f = f.with_related(
                    Span::new(l.start, l.start),
                    "the first body paragraph starts here",
                );
            }
            out.push(f);
        }
    }
}
