use crate::article::quotes::MarkKind;
use crate::declare_rule;
use crate::rules::{Context, Edit, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// Quotation marks of the wrong kind for their nesting level.
    ///
    /// In US/AP copy a quotation uses double marks and a quotation inside it single
    /// marks; British-style copy (`[quotes] nesting = "british"`) does the reverse. AP and
    /// UPI headlines quote with single marks. Reported: a quotation in the inner kind
    /// outside any quotation, a quotation in the outer kind inside one of the same kind,
    /// and double marks in an AP or UPI headline.
    ///
    /// ## Example
    ///
    /// ```text
    /// The mayor called the plan 'a good start.'
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The mayor called the plan "a good start."
    /// ```
    ///
    /// The quick fix replaces both marks.
    pub struct WrongNesting {
        code: "quotes/wrong-nesting",
        severity: Warning,
        summary: "quotation marks of the wrong kind for their nesting level",
    }
}

fn swap(mark: &str, to: MarkKind) -> &'static str {
    match (mark, to) {
        ("“", MarkKind::Single) => "‘",
        ("”", MarkKind::Single) => "’",
        ("\"", MarkKind::Single) => "'",
        ("‘", MarkKind::Double) => "“",
        ("’", MarkKind::Double) => "”",
        ("'", MarkKind::Double) => "\"",
        ("“", MarkKind::Double) => "“",
        ("”", MarkKind::Double) => "”",
        ("‘", MarkKind::Single) => "‘",
        ("’", MarkKind::Single) => "’",
        (_, MarkKind::Double) => "\"",
        (_, MarkKind::Single) => "'",
    }
}

impl Rule for WrongNesting {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for w in &cx.article.quotes.wrong_nesting {
            let (Some(o), Some(c)) = (
                cx.text.get(w.open.start..w.open.end),
                cx.text.get(w.close.start..w.close.end),
            ) else {
                continue;
            };
            let want = w.expected.name();
            let message = if w.headline {
                format!("headlines quote with {want} marks")
            } else {
                format!("this quotation should use {want} marks at this nesting level")
            };
            let fix = Fix {
                title: format!("Use {want} quotation marks"),
                edits: vec![
                    Edit {
                        span: w.open,
                        replacement: swap(o, w.expected).to_string(),
                    },
                    Edit {
                        span: w.close,
                        replacement: swap(c, w.expected).to_string(),
                    },
                ],
                preferred: true,
            };
            out.push(
                Finding::new(&Self::META, w.open, message)
                    .with_related(w.close, "the quotation closes here")
                    .with_fix(fix),
            );
        }
    }
}
