use super::ABBREVIATED;
use crate::config::TitleAbbreviation;
use crate::declare_rule;
use crate::entities::lexicon::class;
use crate::entities::EntityKind;
use crate::rules::places::guard::{opens_sentence, word_before, Guard};
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A title before a person's full name, not abbreviated (or abbreviated) as the house
    /// writes it.
    ///
    /// AP abbreviates `Gov.`, `Lt. Gov.`, `Sen.`, `Rep.`, `the Rev.` and the military ranks
    /// (`Gen.`, `Col.`, `Adm.`, `Sgt.`, `Lt.`) before a full name and spells them out
    /// otherwise; `President` and `Attorney General` are never abbreviated. Xinhua spells
    /// titles out (unconfirmed). The rule reads a title directly before a name the
    /// recognizer took for a person: `Governor Jerry Brown` → `Gov. Jerry Brown`, and in
    /// AP copy `Rev. Ann Ode` → `the Rev. Ann Ode`.
    ///
    /// House styles: `[titles] abbreviate = "before-full-name"` (the default for AP and
    /// UPI), `"never"` (the default for Xinhua: `Sen. Ann Ode` → `Senator Ann Ode`) or
    /// `"any"` (Reuters, AFP, Bloomberg and generic copy, which write both). Left alone:
    /// titles before a surname alone, compound titles (`Attorney General`, `Trade
    /// Representative`, `Deputy Governor`), quotations and the dateline.
    ///
    /// ## Example
    ///
    /// ```text
    /// Senator Maria Okafor voted against the bill.
    /// ```
    ///
    /// Write instead (AP):
    ///
    /// ```text
    /// Sen. Maria Okafor voted against the bill.
    /// ```
    pub struct Abbreviation {
        code: "titles/abbreviation",
        severity: Warning,
        summary: "a title before a full name is not abbreviated as the house writes it (AP: `Gov.`, `Sen.`, `the Rev.`)",
    }
}

/// Words before a title that make it another title (`Attorney General`, `Trade
/// Representative`, `Deputy Governor`).
const COMPOUND: &[&str] = &[
    "Attorney",
    "Surgeon",
    "Solicitor",
    "Inspector",
    "Postmaster",
    "Adjutant",
    "Secretary",
    "Trade",
    "Special",
    "High",
    "Deputy",
    "Assistant",
    "Vice",
    "Governor",
    "Consul",
    "First",
    "Second",
    "Staff",
    "Master",
    "Command",
    "Flight",
    "Chief",
    "Permanent",
    "Resident",
];

/// Whether the name `given` `last` ends a mention that is not a person's and a title of
/// [`ABBREVIATED`] stands right before it inside that mention: the recognizer read the
/// title with what came before it as one name (`Texas Senator John Tower` as a place).
fn swallowed_by_title(cx: &ParagraphContext<'_>, given: Span, last: Span) -> bool {
    let text = cx.text;
    let i = cx.mentions.partition_point(|(m, _)| m.end <= given.start);
    let Some(&(m, kind)) = cx.mentions.get(i) else {
        return false;
    };
    if kind == EntityKind::Person || m.start >= given.start || m.end != last.end {
        return false;
    }
    let Some(before) = text
        .get(m.start..given.start)
        .and_then(|b| b.strip_suffix(' '))
    else {
        return false;
    };
    ABBREVIATED.iter().any(|&(spelled, abbr)| {
        [spelled, abbr].iter().any(|t| {
            before
                .strip_suffix(t)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
    })
}

impl Rule for Abbreviation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let house = super::abbreviation(cx.story.style, cx.config);
        if house == TitleAbbreviation::Any {
            return;
        }
        let text = cx.text;
        let mut guard: Option<Guard> = None;
        // The people's full names: the recognizer's, and a given name of the lexicon with a
        // capitalized word after it where the recognizer took the name for nothing else
        // (`Senator John Tower` beside a `Tower commission`), or where it ends a place or an
        // organization that a title inside swallowed it into (`Texas Senator John Tower`,
        // `Republican Senator John Tower` read as one place).
        let mut names: Vec<Span> = cx
            .mentions
            .iter()
            .filter(|&&(m, k)| k == EntityKind::Person && super::full_name(text, m))
            .map(|&(m, _)| m)
            .collect();
        // Mentions come in order: their starts are sorted.
        let people: Vec<usize> = names.iter().map(|n| n.start).collect();
        for pair in cx.words.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.class & class::GIVEN_NAME != 0
                && a.title_case()
                && b.title_case()
                && b.joined
                && !a.sent_start
                && text.get(a.span.end..b.span.start) == Some(" ")
                && (cx
                    .mention_at(a.span)
                    .map_or(true, |k| k == EntityKind::Person)
                    || swallowed_by_title(cx, a.span, b.span))
                && people.binary_search(&a.span.start).is_err()
            {
                names.push(Span::new(a.span.start, b.span.end));
            }
        }
        names.sort_by_key(|n| n.start);
        for m in names {
            let Some(before) = text.get(..m.start).and_then(|b| b.strip_suffix(' ')) else {
                continue;
            };
            for &(spelled, abbr) in ABBREVIATED {
                let written = match house {
                    TitleAbbreviation::BeforeFullName => spelled,
                    _ => abbr,
                };
                let Some(rest) = before.strip_suffix(written) else {
                    continue;
                };
                if rest
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\''))
                {
                    continue;
                }
                let span = Span::new(rest.len(), before.len());
                let prev = word_before(text, span.start).map(|w| w.text(text));
                if prev.is_some_and(|p| COMPOUND.contains(&p)) {
                    break;
                }
                // `Representative` after a capitalized word is another office (`Special
                // Representative`), unless the word is `U.S.` or a place.
                if spelled == "Representative"
                    && prev.is_some_and(|p| {
                        p.chars().next().is_some_and(char::is_uppercase)
                            && p != "U.S."
                            && !opens_sentence(text, span.start)
                    })
                {
                    break;
                }
                let the = prev.is_some_and(|p| p.eq_ignore_ascii_case("the"));
                let wanted = match house {
                    TitleAbbreviation::BeforeFullName if spelled == "Reverend" && !the => {
                        if opens_sentence(text, span.start) {
                            "The Rev."
                        } else {
                            "the Rev."
                        }
                    }
                    TitleAbbreviation::BeforeFullName => abbr,
                    _ => spelled,
                };
                let g = guard.get_or_insert_with(|| Guard::new(cx));
                if g.skip(cx, span) {
                    break;
                }
                let message = match house {
                    TitleAbbreviation::BeforeFullName => format!(
                        "in {} style the title is abbreviated before a full name: `{wanted}`",
                        cx.story.style.agency()
                    ),
                    _ => format!(
                        "in {} style titles are spelled out: `{wanted}`",
                        cx.story.style.agency()
                    ),
                };
                out.push(
                    Finding::new(&Self::META, span, message).with_fix(Fix::replace(
                        format!("Write `{wanted}`"),
                        span,
                        wanted,
                    )),
                );
                break;
            }
            // AP: `the Rev.`, never `Rev.` alone.
            if house == TitleAbbreviation::BeforeFullName {
                if let Some(rest) = before.strip_suffix("Rev.") {
                    let span = Span::new(rest.len(), before.len());
                    let prev = word_before(text, span.start).map(|w| w.text(text));
                    let boundary = !rest.chars().next_back().is_some_and(char::is_alphanumeric);
                    if boundary && !prev.is_some_and(|p| p.eq_ignore_ascii_case("the")) {
                        let g = guard.get_or_insert_with(|| Guard::new(cx));
                        if !g.skip(cx, span) {
                            let wanted = if opens_sentence(text, span.start) {
                                "The Rev."
                            } else {
                                "the Rev."
                            };
                            out.push(
                                Finding::new(
                                    &Self::META,
                                    span,
                                    format!(
                                        "in {} style `Rev.` takes `the`: `{wanted}`",
                                        cx.story.style.agency()
                                    ),
                                )
                                .with_fix(Fix::replace(
                                    format!("Write `{wanted}`"),
                                    span,
                                    wanted,
                                )),
                            );
                        }
                    }
                }
            }
        }
    }
}
