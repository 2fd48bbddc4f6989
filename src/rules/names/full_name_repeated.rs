use crate::declare_rule;
use crate::entities::{line_of, EntityKind, MentionForm};
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// A person's full name is repeated after the first reference.
    ///
    /// AP style: after the first reference, use the surname alone. The full name is kept
    /// when two people in the story share the surname, and this rule then stays quiet.
    ///
    /// ## Example
    ///
    /// ```text
    /// Russian Prime Minister Dmitry Medvedev opened the talks.
    ///
    /// Dmitry Medvedev said the deal would help farmers.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Medvedev said the deal would help farmers.
    /// ```
    ///
    /// The quick fix replaces the repeated full name with the surname.
    pub struct FullNameRepeated {
        code: "names/full-name-repeated",
        severity: Info,
        summary: "a person's full name is repeated after the first reference",
    }
}

impl Rule for FullNameRepeated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for e in cx.entities.iter() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let Some(surname) = e.surname.as_deref() else {
                continue;
            };
            if surname == e.canonical {
                continue;
            }
            let shared = cx.entities.iter().any(|o| {
                o.id != e.id
                    && o.kind == EntityKind::Person
                    && o.surname.as_deref() == Some(surname)
            });
            if shared {
                continue;
            }
            let mut fulls = e.body_mentions().filter(|m| m.form == MentionForm::Full);
            let Some(first) = fulls.next() else {
                continue;
            };
            for m in fulls {
                out.push(
                    Finding::new(
                        &Self::META,
                        m.span,
                        format!(
                            "`{}` was introduced on line {}; after the first reference use the \
                             surname `{surname}`",
                            e.canonical,
                            line_of(cx.text, first.span.start)
                        ),
                    )
                    .with_related(first.span, "first reference")
                    .with_fix(Fix::replace(
                        format!("Use the surname `{surname}`"),
                        m.span,
                        surname,
                    )),
                );
            }
        }
    }
}
