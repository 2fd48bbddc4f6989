//! Inlay hints, read from an [`Analysis`] (never a new one):
//!
//! - after a surname-only reference, the rest of the full name it resolves to (`Li` ⟶
//!   `Keqiang`, `Medvedev` ⟶ `Dmitry`), only where the reader could lose track: another
//!   name of the story holds the same surname, or the first reference is
//!   [`FAR_PARAGRAPHS`] paragraphs back or more;
//! - after a dateline place, the gazetteer's country (and U.S. state).
//!
//! Each kind can be turned off ([`HintKinds`]).

use crate::analysis::Analysis;
use crate::entities::{lookup_place, EntityKind, MentionForm};
use crate::span::Span;

/// A surname reference this many paragraphs after the first reference (or more) is "far".
pub const FAR_PARAGRAPHS: usize = 4;

/// Which hints to give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HintKinds {
    pub names: bool,
    pub places: bool,
}

impl Default for HintKinds {
    fn default() -> HintKinds {
        HintKinds {
            names: true,
            places: true,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintKind {
    /// The rest of a person's full name after a surname reference.
    FullName,
    /// Country (and state) after a dateline place.
    Place,
}

/// One hint: shown at byte `at` (right after the word it explains).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub at: usize,
    pub label: String,
    pub kind: HintKind,
    /// Markdown: why the hint is there.
    pub tooltip: String,
}

/// The paragraph index holding byte `at`, by the paragraphs' starts.
fn paragraph_of(analysis: &Analysis, at: usize) -> usize {
    analysis
        .article
        .paragraphs
        .partition_point(|p| p.span.start <= at)
        .saturating_sub(1)
}

/// The hints of `analysis` whose place lies in `within`.
pub fn hints(analysis: &Analysis, text: &str, within: Span, kinds: HintKinds) -> Vec<Hint> {
    let mut out = Vec::new();
    if kinds.names {
        let people: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        for e in &people {
            let (Some(surname), Some(first)) = (&e.surname, e.first_mention()) else {
                continue;
            };
            let given = e
                .canonical
                .split_whitespace()
                .filter(|w| w != surname)
                .collect::<Vec<_>>()
                .join(" ");
            if given.is_empty() {
                continue;
            }
            let shared = people
                .iter()
                .any(|o| o.id != e.id && o.canonical.split_whitespace().any(|w| w == surname));
            let first_paragraph = paragraph_of(analysis, first.span.start);
            for m in e.body_mentions() {
                if m.form != MentionForm::Surname || !within.touches(m.span.end) {
                    continue;
                }
                let back = paragraph_of(analysis, m.span.start).saturating_sub(first_paragraph);
                if !shared && back < FAR_PARAGRAPHS {
                    continue;
                }
                let why = if shared {
                    "another name in the story shares this surname"
                } else {
                    "the first reference is far above"
                };
                out.push(Hint {
                    at: m.span.end,
                    label: given.clone(),
                    kind: HintKind::FullName,
                    tooltip: format!("**{}** ({why}): “{}”", e.canonical, first.span.text(text)),
                });
            }
        }
    }
    if kinds.places {
        let datelines = std::iter::once(&analysis.article)
            .chain(analysis.article.stories.iter())
            .filter_map(|a| a.dateline());
        for d in datelines {
            for place in &d.places {
                if place.is_empty() || !within.touches(place.end) {
                    continue;
                }
                let Some(info) = lookup_place(place.text(text)) else {
                    continue;
                };
                if info.kind == "country" {
                    continue;
                }
                let Some(country) = info.country else {
                    continue;
                };
                let label = if info.country_code == "US" && !info.admin1.is_empty() {
                    format!("{}, {country}", info.admin1)
                } else {
                    country.to_string()
                };
                out.push(Hint {
                    at: place.end,
                    label,
                    kind: HintKind::Place,
                    tooltip: format!("{} ({}), from the gazetteer", info.name, info.kind),
                });
            }
        }
    }
    out.sort_by_key(|h| h.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::article::Format;
    use crate::config::Config;

    fn story(paragraphs_between: usize) -> String {
        let mut s = String::from("Grain deal signed\n\nBEIJING, Sept. 19 (Xinhua) -- Chinese Premier Li Keqiang met Brazilian Agriculture Minister Tomás Ferreira on Tuesday.\n\nLi said the deal was “a good one.”\n\n");
        for i in 0..paragraphs_between {
            s.push_str(&format!(
                "The shipments will start in month {i}, officials said.\n\n"
            ));
        }
        s.push_str("Ferreira and Li signed the papers.\n");
        s
    }

    #[test]
    fn far_surnames_get_the_full_name_near_ones_do_not() {
        let text = story(5);
        let a = analyze(&text, Format::Plain, &Config::default());
        let all = Span::new(0, text.len());
        let names: Vec<_> = hints(&a, &text, all, HintKinds::default())
            .into_iter()
            .filter(|h| h.kind == HintKind::FullName)
            .map(|h| (h.span_text(&text), h.label))
            .collect();
        // The last paragraph is six paragraphs from the lede: both surnames there get a
        // hint; `Li said` in the next paragraph does not.
        assert_eq!(
            names,
            [
                ("Ferreira".to_string(), "Tomás".to_string()),
                ("Li".to_string(), "Keqiang".to_string())
            ]
        );
        let near = story(1);
        let a = analyze(&near, Format::Plain, &Config::default());
        let hs = hints(&a, &near, Span::new(0, near.len()), HintKinds::default());
        assert!(hs.iter().all(|h| h.kind != HintKind::FullName), "{hs:?}");
        // Turned off: none.
        let off = HintKinds {
            names: false,
            places: true,
        };
        let a = analyze(&text, Format::Plain, &Config::default());
        assert!(hints(&a, &text, all, off)
            .iter()
            .all(|h| h.kind != HintKind::FullName));
    }

    #[test]
    fn a_dateline_place_gets_its_country() {
        let text = story(0);
        let a = analyze(&text, Format::Plain, &Config::default());
        let all = Span::new(0, text.len());
        let places: Vec<_> = hints(&a, &text, all, HintKinds::default())
            .into_iter()
            .filter(|h| h.kind == HintKind::Place)
            .collect();
        assert_eq!(places.len(), 1, "{places:?}");
        assert_eq!(places[0].label, "China");
        assert_eq!(&text[..places[0].at], "Grain deal signed\n\nBEIJING");
        let off = HintKinds {
            names: true,
            places: false,
        };
        assert!(hints(&a, &text, all, off)
            .iter()
            .all(|h| h.kind != HintKind::Place));
        // Outside the range asked for: none.
        assert!(hints(&a, &text, Span::new(0, 5), HintKinds::default()).is_empty());
    }

    impl Hint {
        fn span_text(&self, text: &str) -> String {
            let start = text[..self.at]
                .rfind(|c: char| !c.is_alphabetic())
                .map_or(0, |i| i + 1);
            text[start..self.at].to_string()
        }
    }
}
