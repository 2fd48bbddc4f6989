//! Name completion: the names already in the story and in the desk's names file, offered
//! after two letters of a capitalized word (`Med` → `Medvedev`, `Dmitry Medvedev`), read
//! from an [`Analysis`] (never a new one) for the language server's
//! `textDocument/completion`.
//!
//! Never offered inside a quotation (what a source said is not completed), unless the
//! writer asked for completion explicitly (`invoked`), when one letter is enough too.

use crate::analysis::Analysis;
use crate::article::Article;
use crate::config::Config;
use crate::entities::EntityKind;
use crate::span::Span;
use crate::text::LineIndex;

/// One name to offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameCompletion {
    /// What is inserted: the full name or the surname.
    pub label: String,
    pub kind: EntityKind,
    /// What the client filters by: the word of the name the typed prefix starts.
    pub filter: String,
    /// Markdown: the first reference (line and text) or the names-file entry.
    pub documentation: String,
    /// From the names file rather than the story.
    pub from_names_file: bool,
}

/// What to offer at an offset: the prefix's span (replaced by the chosen name) and the names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completions {
    pub replace: Span,
    pub items: Vec<NameCompletion>,
}

/// The word being typed that ends at `offset`: letters, and apostrophes or hyphens inside.
fn prefix_at(text: &str, offset: usize) -> Option<Span> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let mut start = offset;
    for (i, c) in text[..offset].char_indices().rev() {
        if c.is_alphabetic() || ((c == '\'' || c == '’' || c == '-') && i + c.len_utf8() < offset)
        {
            start = i;
        } else {
            break;
        }
    }
    // The word must start with a letter.
    while let Some(c) = text[start..offset].chars().next() {
        if c.is_alphabetic() {
            break;
        }
        start += c.len_utf8();
    }
    (start < offset).then_some(Span::new(start, offset))
}

/// Is `offset` inside a quotation of `article` (or one of its later stories)?
pub fn in_quotation(article: &Article, offset: usize) -> bool {
    std::iter::once(article)
        .chain(article.stories.iter())
        .any(|a| {
            a.quotes
                .quotations
                .iter()
                .chain(a.quotes.headline_quotations.iter())
                .any(|q| {
                    let end = match q.close {
                        Some(c) => c.start,
                        None => a
                            .paragraphs
                            .get(q.paragraph)
                            .map_or(q.open.end, |p| p.span.end),
                    };
                    q.open.end <= offset && offset <= end
                })
        })
}

/// The first word of `name` (split at spaces and hyphens) that `prefix` starts and is
/// longer than, ignoring case.
fn word_starting<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    let lower = prefix.to_lowercase();
    name.split([' ', '-']).find(|w| {
        w.to_lowercase().starts_with(&lower) && w.chars().count() > prefix.chars().count()
    })
}

/// The names to offer at `offset` of `text` (analysed as `analysis`), or `None` when none
/// are wanted here: fewer than two letters typed (one when `invoked`), a word that is not
/// capitalized, or inside a quotation when not `invoked`.
pub fn names_at(
    analysis: &Analysis,
    text: &str,
    config: &Config,
    offset: usize,
    invoked: bool,
) -> Option<Completions> {
    let replace = prefix_at(text, offset)?;
    let prefix = replace.text(text);
    let letters = prefix.chars().count();
    if letters < if invoked { 1 } else { 2 } {
        return None;
    }
    if !prefix.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if !invoked && in_quotation(&analysis.article, offset) {
        return None;
    }
    let lines = LineIndex::new(text);
    let mut items: Vec<NameCompletion> = Vec::new();
    let mut push = |item: NameCompletion| {
        if !items.iter().any(|i| i.label == item.label) {
            items.push(item);
        }
    };
    for e in analysis.entities.iter() {
        let first = e.first_mention();
        let doc = match first {
            Some(m) => {
                let line = lines
                    .position(text, m.span.start, crate::text::Encoding::Utf32)
                    .line
                    + 1;
                let mut d = format!("First reference, line {line}: “{}”", m.span.text(text));
                if let Some(role) = &e.role {
                    d.push_str(&format!("\n\n{role}"));
                }
                d
            }
            None => String::new(),
        };
        let mut forms = vec![e.canonical.clone()];
        if let Some(s) = &e.surname {
            forms.push(s.clone());
        }
        if let Some(a) = &e.acronym {
            forms.push(a.clone());
        }
        for form in forms {
            // Not the very word being typed, spelled as typed so far.
            if form == prefix {
                continue;
            }
            if let Some(word) = word_starting(&form, prefix) {
                push(NameCompletion {
                    label: form.clone(),
                    kind: e.kind,
                    filter: word.to_string(),
                    documentation: doc.clone(),
                    from_names_file: e.in_names_file,
                });
            }
        }
    }
    for entry in &config.names.entries {
        for form in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
            if let Some(word) = word_starting(form, prefix) {
                let mut doc = String::from("From the names file");
                if let Some(role) = &entry.role {
                    doc.push_str(&format!(": {role}"));
                }
                if let Some(note) = &entry.note {
                    doc.push_str(&format!("\n\n{note}"));
                }
                push(NameCompletion {
                    label: form.clone(),
                    kind: entry.kind.unwrap_or(EntityKind::Other),
                    filter: word.to_string(),
                    documentation: doc,
                    from_names_file: true,
                });
            }
        }
    }
    // Full names before surnames, then alphabetical: a fixed order.
    items.sort_by(|a, b| {
        b.label
            .contains(' ')
            .cmp(&a.label.contains(' '))
            .then_with(|| a.label.cmp(&b.label))
    });
    (!items.is_empty()).then_some(Completions { replace, items })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::article::Format;

    const STORY: &str = "Medvedev visits Beijing\n\nBEIJING, Sept. 19 (Xinhua) -- Russian Prime Minister Dmitry Medvedev arrived in Beijing on Tuesday for talks on a grain deal.\n\nMed\n\n“Med\n";

    fn at(text: &str, needle: &str) -> usize {
        text.rfind(needle).unwrap() + needle.len()
    }

    #[test]
    fn offers_the_story_names_after_two_capital_letters() {
        let a = analyze(STORY, Format::Plain, &Config::default());
        let off = STORY.find("\n\nMed\n").unwrap() + 5;
        let c = names_at(&a, STORY, &Config::default(), off, false).expect("names");
        let labels: Vec<_> = c.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Dmitry Medvedev", "Medvedev"]);
        assert_eq!(c.replace.text(STORY), "Med");
        assert_eq!(c.items[0].kind, EntityKind::Person);
        assert_eq!(c.items[0].filter, "Medvedev");
        assert!(
            c.items[0]
                .documentation
                .starts_with("First reference, line 3: “Dmitry Medvedev”"),
            "{}",
            c.items[0].documentation
        );
        // One letter, a lower-case word: nothing.
        assert!(names_at(&a, STORY, &Config::default(), off - 2, false).is_none());
        let lower = STORY.replace("\n\nMed\n", "\n\nmed\n");
        let a2 = analyze(&lower, Format::Plain, &Config::default());
        assert!(names_at(&a2, &lower, &Config::default(), off, false).is_none());
    }

    #[test]
    fn never_inside_a_quotation_unless_invoked() {
        let a = analyze(STORY, Format::Plain, &Config::default());
        let off = at(STORY, "“Med");
        assert!(names_at(&a, STORY, &Config::default(), off, false).is_none());
        assert!(names_at(&a, STORY, &Config::default(), off, true).is_some());
    }

    #[test]
    fn names_file_entries_too() {
        let config = Config::from_toml(
            "[[names.entry]]\nname = \"Mei Lanfang\"\nkind = \"person\"\nrole = \"opera singer\"\n",
        )
        .unwrap();
        let a = analyze(STORY, Format::Plain, &config);
        let off = STORY.find("\n\nMed\n").unwrap() + 4; // "Me"
        let c = names_at(&a, STORY, &config, off, false).unwrap();
        let mei = c.items.iter().find(|i| i.label == "Mei Lanfang").unwrap();
        assert!(mei.from_names_file);
        assert_eq!(mei.documentation, "From the names file: opera singer");
    }
}
