use super::ABBREVIATED;
use crate::config::TitleAbbreviation;
use crate::declare_rule;
use crate::entities::lexicon::{self, class};
use crate::entities::EntityKind;
use crate::rules::places::guard::{word_before, Guard};
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A formal title in lower case directly before a person's name.
    ///
    /// Every agency capitalizes a formal title used directly before a name: `President Xi
    /// Jinping`, `Prime Minister Li Keqiang`, `former President Bill Clinton`, `Secretary
    /// of State Ann Ode`. The rule reads a lower-case government, royal or church title
    /// (`president`, `prime minister`, `foreign minister`, `governor`, `senator`, `mayor`,
    /// `king`, `pope` ...) directly before a name the recognizer took for a person, and
    /// capitalizes it; where the house abbreviates the title before a full name (AP:
    /// `Gov.`, `Sen.`) the fix writes the abbreviation.
    ///
    /// Left alone, because the title is then rightly lower case or the case is the
    /// house's choice: a title after `the`, `a` or a possessive (`the company's president
    /// Ann Ode`), a title after an organization's name or an acronym (`Acme president Ann
    /// Ode`, `UAW vice president Ann Ode`: corporate and union titles, which some houses
    /// write in lower case), occupational descriptions (`spokesman`, `coach`, `analyst`),
    /// quotations and the dateline. Every house style.
    ///
    /// ## Example
    ///
    /// ```text
    /// Chinese president Xi Jinping arrived on Monday.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Chinese President Xi Jinping arrived on Monday.
    /// ```
    pub struct LowercaseBeforeName {
        code: "titles/lowercase-before-name",
        severity: Warning,
        summary: "a formal title directly before a name is in lower case",
    }
}

/// Formal titles (the last word of the title), in lower case.
const HEADS: &[&str] = &[
    "president",
    "vice-president",
    "premier",
    "chancellor",
    "governor",
    "senator",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "minister",
    "secretary-general",
    "president-elect",
];

/// Lower-case words that make a `minister` a title (`foreign minister`).
const PORTFOLIOS: &[&str] = &[
    "prime",
    "foreign",
    "finance",
    "defense",
    "defence",
    "interior",
    "trade",
    "oil",
    "energy",
    "economy",
    "health",
    "education",
    "justice",
    "agriculture",
    "information",
    "labor",
    "labour",
    "industry",
    "culture",
    "transport",
    "environment",
    "petroleum",
    "commerce",
];

/// Departments of a `secretary of ...`.
const DEPARTMENTS: &[&str] = &[
    "state",
    "defense",
    "treasury",
    "agriculture",
    "commerce",
    "labor",
    "energy",
    "education",
    "transportation",
    "interior",
];

/// Words before the title that leave it in lower case.
const LOWERING: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "whose",
    "your",
    "my",
    "this",
    "that",
    "company",
    "bank",
    "group",
    "firm",
    "association",
    "union",
    "board",
    "club",
    "party",
    "team",
    "executive",
    "senior",
    "assistant",
    "deputy",
    "corporate",
    "federation",
    "council",
    "committee",
    "city",
    "town",
    "village",
    "exchange",
];

/// Titles that companies, universities and banks use too (`president`, `governor`).
const AMBIGUOUS: &[&str] = &[
    "president",
    "vice-president",
    "president-elect",
    "governor",
    "chancellor",
];

/// Words that may stand before a title that is still the title (`former`, `deposed`).
const MODIFIERS: &[&str] = &[
    "former",
    "deposed",
    "ousted",
    "late",
    "then",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "new",
    "exiled",
    "embattled",
    "elected",
];

impl Rule for LowercaseBeforeName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let mut guard: Option<Guard> = None;
        for &(m, kind) in cx.mentions {
            if kind != EntityKind::Person {
                continue;
            }
            let Some(head) = word_before(text, m.start) else {
                continue;
            };
            // Only a space between the title and the name.
            if text.get(head.end..m.start) != Some(" ") {
                continue;
            }
            let h = head.text(text);
            if !HEADS.contains(&h) {
                continue;
            }
            let mut start = head.start;
            let mut prev = word_before(text, start);
            let word = |s: Option<Span>| s.map_or("", |s| s.text(text));
            if h == "president" && word(prev) == "vice" {
                start = prev.map_or(start, |p| p.start);
                prev = word_before(text, start);
            }
            if h == "minister" {
                if !PORTFOLIOS.contains(&word(prev)) {
                    continue;
                }
                // `deputy foreign trade minister`, `Deputy Prime Minister`.
                while PORTFOLIOS.contains(&word(prev).to_lowercase().as_str())
                    || matches!(word(prev).to_lowercase().as_str(), "deputy" | "first")
                {
                    start = prev.map_or(start, |p| p.start);
                    prev = word_before(text, start);
                }
            }
            let p = word(prev);
            // Lower case by design: after an article, a possessive, an organization or
            // an acronym (corporate and union titles), or in a list of lower-case words.
            if LOWERING.contains(&p.to_lowercase().as_str())
                || p.ends_with("'s")
                || p.ends_with("’s")
                || p.ends_with('\'')
                || p.ends_with('’')
            {
                continue;
            }
            if let Some(ps) = prev {
                let cap = p.chars().next().is_some_and(char::is_uppercase);
                let place = cx.mention_at(ps) == Some(EntityKind::Place)
                    || p == "U.S."
                    || lexicon::classes(p) & class::DEMONYM != 0
                    || nationality(p);
                let org = cx.mention_at(ps) == Some(EntityKind::Organization);
                let acronym = p.len() >= 2
                    && p.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                    && !place;
                // At a sentence's start only a modifier (`Former president ...`) is no name.
                let modifier = MODIFIERS.contains(&p.to_lowercase().as_str());
                if org || acronym || (cap && !place && !modifier) {
                    continue;
                }
                // Corporate, university and central-bank titles share these words: only
                // a place, a nationality or a modifier before them makes them the state's.
                if AMBIGUOUS.contains(&h) && !place && !modifier {
                    continue;
                }
            } else if AMBIGUOUS.contains(&h) {
                continue;
            }
            let span = Span::new(start, head.end);
            let g = guard.get_or_insert_with(|| Guard::new(cx));
            if g.table || g.skip(cx, span) || g.skip(cx, m) {
                continue;
            }
            let title = capitalize_words(span.text(text));
            let house = super::abbreviation(cx.story.style, cx.config);
            let wanted = match ABBREVIATED.iter().find(|(s, _)| *s == title) {
                Some(&(_, abbr))
                    if house == TitleAbbreviation::BeforeFullName && super::full_name(text, m) =>
                {
                    abbr.to_string()
                }
                _ => title,
            };
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("a formal title is capitalized directly before a name: `{wanted}`"),
                )
                .with_fix(Fix::replace(
                    format!("Write `{wanted}`"),
                    span,
                    wanted.clone(),
                )),
            );
        }
        // `secretary of state Ann Ode`.
        for &(m, kind) in cx.mentions {
            if kind != EntityKind::Person {
                continue;
            }
            let Some(dept) = word_before(text, m.start) else {
                continue;
            };
            let d = dept.text(text);
            if !DEPARTMENTS.contains(&d) || text.get(dept.end..m.start) != Some(" ") {
                continue;
            }
            let Some(of) = word_before(text, dept.start).filter(|w| w.text(text) == "of") else {
                continue;
            };
            let Some(sec) = word_before(text, of.start).filter(|w| w.text(text) == "secretary")
            else {
                continue;
            };
            let prev = word_before(text, sec.start).map_or("", |w| w.text(text));
            if LOWERING.contains(&prev.to_lowercase().as_str()) {
                continue;
            }
            let span = Span::new(sec.start, dept.end);
            let g = guard.get_or_insert_with(|| Guard::new(cx));
            if g.table || g.skip(cx, span) {
                continue;
            }
            let wanted = format!("Secretary of {}", capitalize_words(d));
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("a formal title is capitalized directly before a name: `{wanted}`"),
                )
                .with_fix(Fix::replace(
                    format!("Write `{wanted}`"),
                    span,
                    wanted.clone(),
                )),
            );
        }
    }
}

/// A capitalized word that reads as a nationality (`Australian`, `Saudi`, `Iraqi`,
/// `Japanese`, `Turkish`) where the lexicon has none.
fn nationality(w: &str) -> bool {
    w.len() >= 5
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase)
        && [
            "ian", "ean", "can", "ese", "ish", "udi", "qi", "li", "ni", "hi",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// `prime minister` → `Prime Minister`, `vice-president` → `Vice-President`.
pub(crate) fn capitalize_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = true;
    for c in s.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == ' ' || c == '-';
    }
    out
}
