use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};

declare_rule! {
    /// A `copydesk-ignore` marker suppresses nothing.
    ///
    /// A marker line silences the named rules in the paragraph below it
    /// (`copydesk-ignore: CODE`, or `<!-- copydesk-ignore: CODE -->` in Markdown) or in the
    /// whole article (`copydesk-ignore-file: CODE`). Codes may name a family (`dateline/*`).
    /// When the text is corrected, or the rule is turned off, the marker stays behind and
    /// would hide the next real mistake; this rule points it out, as it does a misspelt
    /// code and a marker that names no rule. The finding sits on the code in the marker,
    /// and the quick fix deletes the code, or the whole marker line when nothing in it is
    /// still needed.
    ///
    /// ## Example
    ///
    /// ```text
    /// copydesk-ignore: quotes/unclosed
    /// “We will keep the port open,” the harbor master said.
    /// ```
    ///
    /// The quotation is closed, so the marker has nothing to do: delete it.
    pub struct Unused {
        code: "suppress/unused",
        severity: Warning,
        summary: "a copydesk-ignore marker suppresses nothing",
    }
}

impl Rule for Unused {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Markers are judged after every other rule has run: see [`super::apply`].
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}
}
