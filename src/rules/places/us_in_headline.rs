use crate::config::{Style, UsForm};
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// `U.S.` in a headline where the house writes `US`, or the other way round.
    ///
    /// AP headlines write `US` without periods (AP's headline style since 2019, marked
    /// unconfirmed in the style notes); body text keeps `U.S.` (`places/us-in-text`).
    /// `[places] headline_us = "US"`, `"U.S."` or `"any"` sets the house form for any
    /// style. By default the rule holds only copy configured as AP (`style = "ap"`): AP
    /// headlines written before the change carry `U.S.`, so a style inferred from an
    /// `(AP)` credit is not held to it.
    ///
    /// ## Example
    ///
    /// ```text
    /// U.S. and Mexico sign water pact
    /// ```
    ///
    /// Write instead (AP):
    ///
    /// ```text
    /// US and Mexico sign water pact
    /// ```
    pub struct UsInHeadline {
        code: "places/us-in-headline",
        severity: Warning,
        summary: "`U.S.` or `US` in a headline is not in the house form (AP headlines write `US`)",
    }
}

impl Rule for UsInHeadline {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(h) = &cx.article.headline else {
            return;
        };
        let house = cx.config.places.headline_us.unwrap_or(
            if cx.style == Style::Ap && cx.style_source.is_configured() {
                UsForm::Bare
            } else {
                UsForm::Any
            },
        );
        let (wrong, right) = match house {
            UsForm::Bare => ("U.S.", "US"),
            UsForm::Periods => ("US", "U.S."),
            UsForm::Any => return,
        };
        let Some(line) = cx.text.get(h.text.start..h.text.end) else {
            return;
        };
        for (at, _) in line.match_indices(wrong) {
            let before = line[..at].chars().next_back();
            let after = line[at + wrong.len()..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '$' | '/'))
                || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '$' | '.'))
            {
                continue;
            }
            let span = Span::new(h.text.start + at, h.text.start + at + wrong.len());
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("the house writes `{right}` in headlines, not `{wrong}`"),
                )
                .with_fix(Fix::replace(format!("Write `{right}`"), span, right)),
            );
        }
    }
}
