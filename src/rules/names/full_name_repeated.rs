use crate::declare_rule;
use rustc_hash::FxHashMap;

use crate::entities::{EntityKind, MentionForm};
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
    /// The quick fix replaces the repeated full name with the surname. Quiet inside
    /// quotations (a speaker is not held to reference style), in photo captions (`Image:
    /// …`, `(AP Photo/…)`), for a name modifying a noun (`the Tom Cruise video`) or signing a
    /// statement off (`… decision. John Cornyn, U.S. Senator`), when another name of the
    /// story holds the surname (`Hilton Hotels Corp` beside `Conrad Hilton`), when the story
    /// names a
    /// relative with the same surname (`Bill and Hillary Clinton`, `the Clintons`,
    /// `Michael Flynn Jr.`, `Barron Hilton`), and for a name the story never shortens to the surname of
    /// someone it never gives a title or role (a company or a place named like a person,
    /// `Christopher Ranch`, more often than a slip), nor for a name the recognizer took for
    /// a person only from a verb of speech (`Hoechst Celanese said`).
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
        // How many people have each surname, counted once: comparing every person with
        // every other was quadratic in the entities of a large document.
        let mut people: FxHashMap<&str, usize> = FxHashMap::default();
        for o in cx.entities.iter() {
            if o.kind == EntityKind::Person {
                if let Some(s) = o.surname.as_deref() {
                    *people.entry(s).or_default() += 1;
                }
            }
        }
        let lines = super::Lines::new(cx.text);
        let families = std::cell::OnceCell::new();
        let word_names = std::cell::OnceCell::new();
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
            // Another person (not `e`, counted among them) has the surname.
            let shared = people.get(surname).is_some_and(|&n| n > 1);
            if shared {
                continue;
            }
            // A name the story never shortens, of someone it never titles, is a fixed name
            // (`Christopher Ranch`, a company) or the writer's choice, not a slip. A
            // surname in a headline (`HELICOPTER` in capitals) does not count.
            let shortened = e.body_mentions().any(|m| m.form == MentionForm::Surname);
            if !shortened && e.role.is_none() || !super::surely_person(e) {
                continue;
            }
            // A photo caption is not a reference in the story.
            let captions = cx.captions();
            let mut fulls = e
                .body_mentions()
                .filter(|m| m.form == MentionForm::Full && !captions.contains(m.span.start));
            let Some(first) = fulls.next() else {
                continue;
            };
            // A speaker is not held to reference style; a name that modifies a noun (`the
            // Tom Cruise video`) or signs a statement off (`John Cornyn, U.S. Senator`) is
            // no second reference.
            let quoted = cx.quoted();
            let fulls: Vec<_> = fulls
                .filter(|m| {
                    !quoted.contains(m.span.start)
                        && !super::attributive_name(cx.text, m.span.start)
                        && !super::sign_off(cx.text, cx.article, m.span)
                })
                .collect();
            // Asked only of a name that would be flagged: these read the whole story.
            if fulls.is_empty()
                || word_names
                    .get_or_init(|| super::WordNames::new(cx.entities))
                    .other_than(surname, &e.canonical)
                || super::has_relative(cx, e, &families)
            {
                continue;
            }
            // The same message and fix title for every repetition: written once.
            let message = format!(
                "`{}` was introduced on line {}; after the first reference use the surname \
                 `{surname}`",
                e.canonical,
                lines.line_of(first.span.start)
            );
            let title = format!("Use the surname `{surname}`");
            for m in fulls {
                out.push(
                    Finding::new(&Self::META, m.span, message.clone())
                        .with_related(first.span, "first reference")
                        .with_fix(Fix::replace(title.clone(), m.span, surname)),
                );
            }
        }
    }
}
