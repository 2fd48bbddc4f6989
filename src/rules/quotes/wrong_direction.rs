use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// A typographic quotation mark that points the wrong way: `“` used to close a
    /// quotation, `”` or `’` used to open one, `‘` used to close one.
    ///
    /// Smart-quote software and hand editing both produce these. The mark's role is read
    /// from its neighbours and its pairing; only marks whose role is certain are reported.
    /// A leading apostrophe curled the wrong way (`‘Twas`, `‘90s`) is not reported here;
    /// the source action that converts the article to typographic marks straightens it.
    ///
    /// ## Example
    ///
    /// ```text
    /// “We will go on,“ the minister said.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// “We will go on,” the minister said.
    /// ```
    ///
    /// The quick fix flips the mark.
    pub struct WrongDirection {
        code: "quotes/wrong-direction",
        severity: Warning,
        summary: "a typographic quotation mark points the wrong way",
    }
}

impl Rule for WrongDirection {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for &span in &cx.article.quotes.wrong_direction {
            let Some(mark) = cx.article.quotes.mark_at(span) else {
                continue;
            };
            let Some(want) = crate::article::quotes::typographic(mark) else {
                continue;
            };
            let role = match mark.role {
                crate::article::quotes::Role::Open => "opens",
                _ => "closes",
            };
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("`{}` {role} a quotation here; use `{want}`", mark.ch),
                )
                .with_fix(Fix::replace(
                    format!("Replace with {want}"),
                    span,
                    want.to_string(),
                )),
            );
        }
    }
}
