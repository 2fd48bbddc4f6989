use crate::article::quotes::Role;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// A straight double mark inside a word, where an apostrophe belongs.
    ///
    /// A `"` between two letters (`country"s`) is a mistyped apostrophe, never a
    /// quotation mark; a naive checker reads it as an unclosed quotation. It is reported
    /// once, on the mark, with a fix that puts the apostrophe in (typographic `’` when the
    /// article's other marks are typographic).
    ///
    /// ## Example
    ///
    /// ```text
    /// The country"s exports rose.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The country's exports rose.
    /// ```
    pub struct DoubleAsApostrophe {
        code: "quotes/double-as-apostrophe",
        severity: Error,
        summary: "a double quotation mark inside a word where an apostrophe belongs",
    }
}

impl Rule for DoubleAsApostrophe {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let marks = &cx.article.quotes.marks;
        let curly = marks.iter().filter(|m| !m.straight()).count();
        let straight = marks.iter().filter(|m| m.straight()).count();
        let apostrophe = if curly > straight { "’" } else { "'" };
        for m in marks.iter().filter(|m| m.role == Role::InWord) {
            out.push(
                Finding::new(
                    &Self::META,
                    m.span,
                    "a double quotation mark inside a word; this should be an apostrophe",
                )
                .with_fix(Fix::replace(
                    format!("Replace with {apostrophe}"),
                    m.span,
                    apostrophe,
                )),
            );
        }
    }
}
