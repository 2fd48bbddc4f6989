use crate::declare_rule;
use crate::entities::lexicon::ATTRIBUTIVE_NOUNS;
use rustc_hash::FxHashMap;

use crate::entities::{EntityKind, MentionForm};
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

/// `Tower commission`: the surname is a modifier here, not a reference to the person.
fn attributive(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    ATTRIBUTIVE_NOUNS.contains(&next.as_str())
}

declare_rule! {
    /// A person is called by surname alone before the story gives the full name.
    ///
    /// AP style: use a person's full name (with the title) on first reference and the
    /// surname alone after that. A surname that comes before the introduction leaves the
    /// reader guessing who is meant.
    ///
    /// ## Example
    ///
    /// ```text
    /// Medvedev said the deal would help farmers.
    ///
    /// Russian Prime Minister Dmitry Medvedev arrived on Thursday.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Russian Prime Minister Dmitry Medvedev said the deal would help farmers.
    /// ```
    ///
    /// The finding sits on each early surname and points to the full introduction. The
    /// quick fix (not preferred: the title may belong there too) writes the full name at
    /// the first early surname. Headlines and photo captions (`… Image: UK Government.`)
    /// are not checked (they use surnames by design),
    /// nor are quotations (speakers name people as they please), nor surnames that also
    /// name something else in the story (`Dean Foods` beside `Howard Dean`), nor surnames
    /// used as modifiers (`the Tower commission`), nor a surname the story shares with a
    /// relative (`Bill and Hillary Clinton`, `the Clintons`, `Michael Flynn Jr.`), nor a
    /// name taken for a person only from a verb of speech (`Series A. Moody said`).
    pub struct SurnameBeforeFull {
        code: "names/surname-before-full",
        severity: Warning,
        summary: "a surname is used before the person's full name is given",
    }
}

impl Rule for SurnameBeforeFull {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let lines = super::Lines::new(cx.text);
        let families = std::cell::OnceCell::new();
        // For each word, how many entities have it in their name (each counted once), built
        // when first needed: comparing each person with every entity was quadratic.
        let names_with: std::cell::OnceCell<FxHashMap<&str, usize>> = std::cell::OnceCell::new();
        for e in cx.entities.iter() {
            if e.kind != EntityKind::Person {
                continue;
            }
            if !e.canonical.contains(' ') {
                continue;
            }
            // A photo caption (`Braverman (left) and Sunak (right) … Image: …`) is not a
            // reference in the story, early or full.
            let captions = cx.captions();
            let Some(full) = e
                .body_mentions()
                .find(|m| m.form == MentionForm::Full && !captions.contains(m.span.start))
            else {
                continue;
            };
            let early: Vec<_> = e
                .body_mentions()
                .filter(|m| m.form == MentionForm::Surname && m.span.start < full.span.start)
                .filter(|m| !cx.quoted().contains(m.span.start))
                .filter(|m| !attributive(cx.text, m.span.end) && !captions.contains(m.span.start))
                .collect();
            // Only a name with early surnames is asked the rest (the clean case is the
            // common one, and needs no map of the story's names).
            if early.is_empty() {
                continue;
            }
            // `Dean Foods` and `Howard Dean`: the surname also names something else.
            let surname = e.surname.as_deref().unwrap_or_default();
            let names_with = names_with.get_or_init(|| {
                let mut m: FxHashMap<&str, usize> = FxHashMap::default();
                for o in cx.entities.iter() {
                    let words = o.canonical.split_whitespace();
                    for (i, w) in words.clone().enumerate() {
                        // Once per entity: skip a word the name already had.
                        if !words.clone().take(i).any(|x| x == w) {
                            *m.entry(w).or_default() += 1;
                        }
                    }
                }
                m
            });
            let own = usize::from(e.canonical.split_whitespace().any(|w| w == surname));
            let shared = names_with.get(surname).copied().unwrap_or(0) > own;
            if shared {
                continue;
            }
            // Asked only of a name that would be flagged: it reads the whole story.
            if !super::surely_person(e) || super::has_relative(cx, e, &families) {
                continue;
            }
            for (i, m) in early.iter().enumerate() {
                let mut f = Finding::new(
                    &Self::META,
                    m.span,
                    format!(
                        "`{}` is used before the full name `{}` is given (line {}); give the \
                         full name on first reference",
                        m.span.text(cx.text),
                        e.canonical,
                        lines.line_of(full.span.start)
                    ),
                )
                .with_related(full.span, "the full name is given here");
                if i == 0 {
                    f = f.with_fix(
                        Fix::replace(
                            format!("Write the full name `{}`", e.canonical),
                            m.span,
                            e.canonical.clone(),
                        )
                        .not_preferred(),
                    );
                }
                out.push(f);
            }
        }
    }
}
