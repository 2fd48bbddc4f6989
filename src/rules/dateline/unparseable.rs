use crate::article::DatelineRead;
use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};

declare_rule! {
    /// The lede opens with something that looks like a dateline but cannot be read.
    ///
    /// A dateline is `PLACE[, Region][, Date] (Credit) SEP `: the parts separated by commas,
    /// then the agency credit in parentheses and the house separator. When a part is
    /// neither a region nor a date, or nothing ends the dateline, no other dateline check
    /// can run, so this is an error.
    ///
    /// ## Examples
    ///
    /// ```text
    /// BEIJING, 19/9 (Xinhua) -- Officials ...           (19/9 is not a wire date)
    /// BEIJING, Sept. 19 Officials met on Thursday ...   (no credit or separator)
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// BEIJING, Sept. 19 (Xinhua) -- Officials ...
    /// ```
    pub struct Unparseable {
        code: "dateline/unparseable",
        severity: Error,
        summary: "a dateline cannot be read",
    }
}

impl Rule for Unparseable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some(DatelineRead::Unparseable { span, reason }) = &cx.article.dateline_read {
            out.push(Finding::new(
                &Self::META,
                *span,
                format!(
                    "cannot read this dateline: {reason}; expected a form like {}",
                    super::example(cx.style)
                ),
            ));
        }
    }
}
