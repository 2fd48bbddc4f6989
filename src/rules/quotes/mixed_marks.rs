use crate::article::quotes::{to_typographic, Role};
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// Straight and typographic quotation marks (or apostrophes) mixed in one article.
    ///
    /// Copy should use one set of marks throughout: all straight (`"` `'`) as many wire
    /// systems send them, or all typographic (`“ ” ‘ ’`). Mixed marks usually mean text
    /// was pasted in from another source. Primes and inch signs (`6'2"`) are not counted.
    /// The finding sits on the first mark of the less common set and carries the same fix
    /// as the source action "Convert quotation marks to typographic": straight marks
    /// become `“ ” ‘ ’` by their role, and every apostrophe becomes `’`, never `‘`.
    ///
    /// ## Example
    ///
    /// ```text
    /// “We will go on,” the minister said. "It is our duty."
    /// ```
    pub struct MixedMarks {
        code: "quotes/mixed-marks",
        severity: Info,
        summary: "straight and typographic quotation marks are mixed in one article",
    }
}

impl Rule for MixedMarks {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let counted = || {
            cx.article
                .quotes
                .marks
                .iter()
                .filter(|m| matches!(m.role, Role::Open | Role::Close | Role::Apostrophe))
        };
        let straight = counted().filter(|m| m.straight()).count();
        let curly = counted().filter(|m| !m.straight()).count();
        if straight == 0 || curly == 0 {
            return;
        }
        let minority_straight = straight <= curly;
        let (Some(first), Some(other)) = (
            counted().find(|m| m.straight() == minority_straight),
            counted().find(|m| m.straight() != minority_straight),
        ) else {
            return;
        };
        let message =
            format!(
            "{straight} straight and {curly} typographic quotation marks or apostrophes in one \
             article; this is the first {} one",
            if minority_straight { "straight" } else { "typographic" }
        );
        let mut finding = Finding::new(&Self::META, first.span, message).with_related(
            other.span,
            if minority_straight {
                "the first typographic mark"
            } else {
                "the first straight mark"
            },
        );
        let edits = to_typographic(cx.text, cx.article);
        if !edits.is_empty() {
            finding = finding.with_fix(
                Fix {
                    title: "Convert every quotation mark and apostrophe to typographic".into(),
                    edits,
                    preferred: false,
                }
                .not_preferred(),
            );
        }
        out.push(finding);
    }
}
