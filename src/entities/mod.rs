//! Entities: people, places, organizations and other proper names, with every mention.
//!
//! `extract(text, &article, &names) -> Entities`. Recognition is deterministic and uses
//! only shipped word lists ([`lexicon`]), the gazetteer ([`places`]) and the desk's names
//! file ([`names`]):
//!
//! - people are introduced with a title (`Chinese Premier Li Keqiang`), an appositive
//!   (`Li Keqiang, the Chinese premier,`) or a verb of speech (`said Viktor Orlovsky`);
//!   later surname references (`Li said`) are linked to them — the first token is the
//!   surname for Chinese and Korean names;
//! - organizations are capitalized names holding an organization word (`Ministry`,
//!   `Organization`), with an acronym in parentheses linked to them, and well-known acronyms;
//! - places come from the gazetteer and the dateline;
//! - other proper names hold an initiative word, are camel-cased (`BeiDou`) or run to
//!   several capitalized words mid-sentence.
//!
//! Headlines and subheads only mention entities found in the body; a capital that merely
//! opens a sentence makes no entity. Recognition runs twice: the first pass finds the
//! introductions, the second links every mention with them in view.

pub mod lexicon;
pub mod names;
pub mod places;
mod recognize;
pub mod tokens;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::finding::Edit;
use crate::span::Span;
use crate::text::LineIndex;
pub use names::{NameEntry, NamesConfig};
pub use places::{lookup_place, PlaceInfo};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    #[serde(alias = "org")]
    Organization,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Other => "other",
        }
    }
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// The full name (`Li Keqiang`, `Shanghai Cooperation Organization`).
    Full,
    /// A person's surname alone (`Li`).
    Surname,
    /// An organization's acronym (`SCO`).
    Acronym,
    /// A place or other name, as written.
    Name,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub form: MentionForm,
    /// In the headline or a subhead rather than the body.
    pub in_heading: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Index in [`Entities::entities`].
    pub id: usize,
    pub kind: EntityKind,
    /// The full name (gazetteer name for places, names-file spelling for its entries).
    pub canonical: String,
    /// Title or role as the article (or the names file) gives it.
    pub role: Option<String>,
    /// A person's surname, as later references use it.
    pub surname: Option<String>,
    /// The surname comes first (`Li Keqiang`).
    pub surname_first: bool,
    /// An organization's acronym.
    pub acronym: Option<String>,
    /// The names-file note, when the entity is in the names file.
    pub note: Option<String>,
    pub in_names_file: bool,
    #[serde(skip)]
    pub place: Option<PlaceInfo>,
    /// Every mention in text order.
    pub mentions: Vec<Mention>,
    /// Index in `mentions` of the first reference: the first full mention in the body, or
    /// the first body mention.
    pub first: usize,
    /// Why the recognizer took the name for what it is (`introduced with a title`), for
    /// the hover.
    pub basis: Option<&'static str>,
}

impl Entity {
    pub fn first_mention(&self) -> Option<&Mention> {
        self.mentions.get(self.first).or(self.mentions.first())
    }

    /// Mentions in the body (not in headings), in text order.
    pub fn body_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(|m| !m.in_heading)
    }
}

/// A mention to colour in the editor ([`Entities::name_tokens`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameToken {
    pub span: Span,
    /// Person, place or organization.
    pub kind: EntityKind,
    /// The entity's first reference (where the story introduces it).
    pub first: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Entities {
    pub entities: Vec<Entity>,
}

impl Entities {
    /// The entity and mention under byte `offset` (a cursor right after a word is on it).
    pub fn entity_at(&self, offset: usize) -> Option<(&Entity, &Mention)> {
        self.entities.iter().find_map(|e| {
            e.mentions
                .iter()
                .find(|m| m.span.touches(offset))
                .map(|m| (e, m))
        })
    }

    pub fn get(&self, id: usize) -> Option<&Entity> {
        self.entities.get(id)
    }

    /// Every mention of a person, place or organization as a name to colour (semantic
    /// tokens), in text order and never overlapping (where two mentions overlap the first
    /// kept is the earlier, then the longer); "other" names are left out.
    pub fn name_tokens(&self) -> Vec<NameToken> {
        let mut out: Vec<NameToken> = self
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Other)
            .flat_map(|e| {
                let first = e.first_mention().map(|m| m.span);
                e.mentions.iter().map(move |m| NameToken {
                    span: m.span,
                    kind: e.kind,
                    first: Some(m.span) == first,
                })
            })
            .filter(|t| !t.span.is_empty())
            .collect();
        out.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
        let mut end = 0;
        out.retain(|t| {
            let keep = t.span.start >= end;
            if keep {
                end = t.span.end;
            }
            keep
        });
        out
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entity> {
        self.entities.iter()
    }
}

pub use recognize::{extract, extract_reusing, extract_with_words, Reuse};

/// The surname of a full name and whether it comes first: `Li Keqiang` -> (`Li`, true),
/// `Dmitry Medvedev` -> (`Medvedev`, false), `Pieter van der Berg` -> (`van der Berg`,
/// false): lower-case particles belong to the surname. `surname_first` overrides the guess.
pub fn surname_of(name: &str, surname_first: Option<bool>) -> (String, bool) {
    let words = || {
        name.split_whitespace()
            .filter(|t| !matches!(*t, "Jr." | "Sr." | "II" | "III" | "IV" | "Jr" | "Sr"))
    };
    // A name's few words on the stack; a longer one in a vector.
    let mut buf = [""; 8];
    let mut n = 0;
    for w in words() {
        if n == buf.len() {
            return surname_of_words(&words().collect::<Vec<_>>(), surname_first);
        }
        buf[n] = w;
        n += 1;
    }
    surname_of_words(&buf[..n], surname_first)
}

/// `Yau Wai-ching`: a capitalized word of two to five letters, then a given name of two
/// short syllables joined by a hyphen, the second in lower case — an East Asian name,
/// written surname first.
fn east_asian_given(first: &str, given: &str) -> bool {
    let short = |s: &str| (1..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase());
    let Some((x, y)) = given.split_once('-') else {
        return false;
    };
    (2..=5).contains(&first.len())
        && first.as_bytes()[0].is_ascii_uppercase()
        && short(&first[1..])
        && x.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && short(&x[1..])
        && short(y)
}

/// [`surname_of`] of the name's words (suffixes such as `Jr.` left out).
fn surname_of_words(tokens: &[&str], surname_first: Option<bool>) -> (String, bool) {
    let Some(&last) = tokens.last() else {
        return (String::new(), false);
    };
    let first = tokens[0];
    // Class bits, one lookup each, instead of a search of the lists.
    let guess = tokens.len() >= 2
        && tokens.len() <= 3
        && lexicon::classes(first) & lexicon::class::SURNAME_FIRST != 0
        || tokens.len() == 2 && east_asian_given(first, last);
    if tokens.len() >= 2 && surname_first.unwrap_or(guess) {
        (first.to_string(), true)
    } else if let Some(p) = (1..tokens.len().saturating_sub(1)).find(|&i| {
        tokens[i].starts_with(char::is_lowercase)
            && lexicon::classes(tokens[i]) & lexicon::class::PARTICLE != 0
    }) {
        // `Pieter van der Berg`, `Ana María de la Cruz`: the particles belong to the surname.
        (
            tokens[p..].join(" ").trim_end_matches(',').to_string(),
            false,
        )
    } else {
        (last.trim_end_matches(',').to_string(), false)
    }
}

/// Hover text (Markdown) for an entity.
pub fn hover_markdown(entity: &Entity, text: &str) -> String {
    let kind = match entity.kind {
        EntityKind::Other => "other name (not known as a person, place or organization)",
        k => k.as_str(),
    };
    let mut md = format!("**{}** — {kind}\n\n", entity.canonical);
    if entity.kind == EntityKind::Person {
        if let Some(surname) = entity.surname.as_deref().filter(|s| *s != entity.canonical) {
            let given: Vec<&str> = entity
                .canonical
                .split_whitespace()
                .filter(|w| *w != surname)
                .collect();
            if entity.surname_first {
                let _ = writeln!(
                    md,
                    "- surname {surname}, given name {} (surname first)",
                    given.join(" ")
                );
            } else {
                let _ = writeln!(md, "- given name {}, surname {surname}", given.join(" "));
            }
        }
    }
    if let (EntityKind::Place, Some(p)) = (entity.kind, &entity.place) {
        match p.country.filter(|_| p.kind != "country") {
            Some(c) => {
                let _ = writeln!(md, "- GeoNames: {}, {c}", p.name);
            }
            None => {
                let _ = writeln!(md, "- GeoNames: {}", p.name);
            }
        }
    }
    if let Some(b) = entity.basis {
        let _ = writeln!(md, "- why: {b}");
    }
    if let Some(role) = &entity.role {
        let _ = writeln!(md, "- title/role: {role}");
    }
    match entity.kind {
        EntityKind::Organization | EntityKind::Other => {
            if let Some(a) = &entity.acronym {
                let _ = writeln!(md, "- full name: {}", entity.canonical);
                let _ = writeln!(md, "- acronym: {a}");
            }
        }
        EntityKind::Place => {
            if let Some(p) = &entity.place {
                let country = p.country.unwrap_or(p.country_code);
                if p.kind != "country" {
                    let _ = writeln!(md, "- country: {country} ({})", p.country_code);
                }
                let code = p.admin1.len() <= 3
                    && p.admin1
                        .chars()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
                if !p.admin1.is_empty() && p.kind == "city" {
                    if code {
                        let _ = writeln!(md, "- region: GeoNames admin1 code {}", p.admin1);
                    } else {
                        let _ = writeln!(md, "- region: {}", p.admin1);
                    }
                }
                if p.population > 0 {
                    let _ = writeln!(md, "- population: {}", crate::text::thousands(p.population));
                }
                let _ = writeln!(md, "- gazetteer: {} (GeoNames)", p.kind);
            }
        }
        EntityKind::Person => {}
    }
    if let Some(first) = entity.first_mention() {
        let _ = writeln!(
            md,
            "- first reference: line {} (`{}`)",
            1 + LineIndex::new(text).line(first.span.start),
            first.span.text(text)
        );
    }
    // Forms as written, the full name first.
    let mut forms: Vec<(String, usize, bool)> = Vec::new();
    for m in &entity.mentions {
        let f = m.span.text(text).to_string();
        match forms.iter_mut().find(|(x, _, _)| *x == f) {
            Some((_, n, _)) => *n += 1,
            None => forms.push((f, 1, m.form == MentionForm::Full)),
        }
    }
    forms.sort_by_key(|(_, _, full)| !full);
    let forms: Vec<String> = forms
        .iter()
        .map(|(f, n, _)| format!("`{f}` ×{n}"))
        .collect();
    let _ = writeln!(
        md,
        "- mentions: {} ({})",
        entity.mentions.len(),
        forms.join(", ")
    );
    if entity.in_names_file {
        match &entity.note {
            Some(note) => {
                let _ = write!(md, "\n**Names file:** {note}\n");
            }
            None => md.push_str("\nIn the names file.\n"),
        }
    }
    md
}

/// Upper-case `s` when `like` is written in capitals (dateline places).
fn match_case(like: &str, s: &str) -> String {
    if tokens::is_all_caps(like) && !tokens::is_all_caps(s) {
        s.to_uppercase()
    } else {
        s.to_string()
    }
}

/// The edits that rename an entity to `new_name`, every mention consistently: full
/// mentions take the new name, surname mentions its surname. For an organization, a new
/// name in capitals renames the acronym instead.
pub fn rename_edits(entity: &Entity, text: &str, new_name: &str) -> Vec<Edit> {
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Vec::new();
    }
    let acronym_rename =
        entity.acronym.is_some() && !new_name.contains(' ') && tokens::is_all_caps(new_name);
    let (new_surname, _) = surname_of(new_name, Some(entity.surname_first));
    entity
        .mentions
        .iter()
        .filter_map(|m| {
            let old = m.span.text(text);
            let replacement = match (m.form, entity.kind) {
                (MentionForm::Acronym, _) if acronym_rename => new_name.to_string(),
                (MentionForm::Acronym, _) => return None,
                (_, _) if acronym_rename => return None,
                (MentionForm::Surname, _) => new_surname.clone(),
                _ => match_case(old, new_name),
            };
            (replacement != old).then_some(Edit {
                span: m.span,
                replacement,
            })
        })
        .collect()
}

/// Rename started from one mention: a single word typed over a surname renames the
/// surname (the full name keeps its given name), a name typed over an acronym renames
/// the acronym; otherwise as [`rename_edits`].
pub fn rename_from(entity: &Entity, form: MentionForm, text: &str, new_name: &str) -> Vec<Edit> {
    let new_name = new_name.trim();
    let one_word = !new_name.is_empty() && !new_name.contains(char::is_whitespace);
    match form {
        MentionForm::Surname if one_word => {
            let Some(old) = entity.surname.as_deref() else {
                return rename_edits(entity, text, new_name);
            };
            let full: Vec<&str> = entity
                .canonical
                .split_whitespace()
                .map(|w| if w == old { new_name } else { w })
                .collect();
            rename_edits(entity, text, &full.join(" "))
        }
        MentionForm::Acronym if one_word => entity
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Acronym && m.span.text(text) != new_name)
            .map(|m| Edit {
                span: m.span,
                replacement: new_name.to_string(),
            })
            .collect(),
        _ => rename_edits(entity, text, new_name),
    }
}

#[cfg(test)]
mod tests;
