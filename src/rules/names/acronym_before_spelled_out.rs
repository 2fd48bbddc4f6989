use crate::declare_rule;
use crate::entities::lexicon::WELL_KNOWN;
use crate::entities::MentionForm;
use crate::rules::{Context, Finding, Rule, RuleMeta};

declare_rule! {
    /// An acronym is used before the name it stands for is spelled out.
    ///
    /// Spell out an organization's name on first reference, with the acronym in
    /// parentheses if the story uses it again; use the acronym alone only after that.
    /// Acronyms readers know (UN, NATO, EU, BRICS, APEC, TASS ...) may stand alone; the
    /// desk adds its own with `well_known` in the names file.
    ///
    /// ## Example
    ///
    /// ```text
    /// The SCO will meet again in June.
    ///
    /// Members of the Shanghai Cooperation Organization (SCO) agreed ...
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The Shanghai Cooperation Organization (SCO) will meet again in June.
    /// ```
    ///
    /// An acronym that is never spelled out is not reported: the checker cannot tell an
    /// unknown organization from a well-known one it has not been told about.
    pub struct AcronymBeforeSpelledOut {
        code: "names/acronym-before-spelled-out",
        severity: Warning,
        summary: "an acronym is used before its name is spelled out",
    }
}

impl Rule for AcronymBeforeSpelledOut {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lines = super::Lines::new(cx.text);
        for e in cx.entities.iter() {
            let Some(full) = e.body_mentions().find(|m| m.form == MentionForm::Full) else {
                continue;
            };
            for m in e.body_mentions() {
                if m.form != MentionForm::Acronym || m.span.start >= full.span.start {
                    continue;
                }
                let acronym = m.span.text(cx.text);
                let known = WELL_KNOWN.iter().any(|w| w.0 == acronym)
                    || cx.config.names.well_known.iter().any(|w| w == acronym);
                if known {
                    continue;
                }
                out.push(
                    Finding::new(
                        &Self::META,
                        m.span,
                        format!(
                            "`{acronym}` is used before `{}` is spelled out (line {}); spell \
                             out the name on first reference",
                            e.canonical,
                            lines.line_of(full.span.start)
                        ),
                    )
                    .with_related(full.span, "the name is spelled out here"),
                );
            }
        }
    }
}
