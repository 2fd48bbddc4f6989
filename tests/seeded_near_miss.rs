//! Seeded misspellings of second references: `names/near-miss` must catch them.
//!
//! For each story (the repository's own seed stories, samples, name fixtures and the
//! ner-dev set; with `COPYDESK_CORPORA` set, also the stories of `reuters-1987/` and
//! `agnews-2004/` under it, read and mutated in memory, never stored), every person the
//! recognizer finds with a full name and a later surname-alone mention of five letters or
//! more gets that mention misspelt, one copy per kind: a letter dropped, doubled, two
//! swapped, one replaced (inside the word: the first letter stays, as a reader's eye and
//! the rule both anchor on it). A seed is caught when a `names/near-miss` finding covers
//! the misspelt word. Every kind must be caught in at least 95 % of its seeds;
//! `cargo test --test seeded_near_miss -- --nocapture` prints the table and
//! `COPYDESK_SEED_LIMIT=N` caps the stories taken from each corpus (default 400).

use std::collections::BTreeMap;

use copydesk::analysis::analyze;
use copydesk::article::Format;
use copydesk::config::Config;
use copydesk::entities::{EntityKind, MentionForm};

#[path = "support/corpus.rs"]
mod corpus;

fn stories() -> Vec<(String, String)> {
    corpus::stories(&[
        "tests/data/seed-stories",
        "samples",
        "tests/fixtures/names",
        "tests/data/ner-dev",
    ])
}

const KINDS: [&str; 4] = ["drop", "double", "swap", "replace"];

/// The word misspelt by `kind`, at a letter inside it chosen by `salt`; `None` when the
/// result would be the word itself.
fn misspell(word: &str, kind: &str, salt: usize) -> Option<String> {
    let c: Vec<char> = word.chars().collect();
    let n = c.len();
    // Inside the word: neither the first letter nor the last.
    let i = 1 + salt % (n - 2);
    let mut m = c.clone();
    match kind {
        "drop" => {
            m.remove(i);
        }
        "double" => m.insert(i, c[i]),
        "swap" => {
            if c[i] == c[i + 1] {
                return None;
            }
            m.swap(i, i + 1);
        }
        _ => {
            let vowel = "aeiou".contains(c[i].to_ascii_lowercase());
            let pool: &[char] = if vowel {
                &['a', 'e', 'i', 'o', 'u']
            } else {
                &['r', 'n', 't', 's', 'l', 'k']
            };
            let r = pool
                .iter()
                .copied()
                .find(|&x| x != c[i].to_ascii_lowercase())?;
            m[i] = r;
        }
    }
    let s: String = m.into_iter().collect();
    (s != word).then_some(s)
}

#[derive(Default)]
struct Tally {
    seeded: usize,
    caught: usize,
}

/// Every kind at 95 % or more: on the repository's stories (54, 195 seeds) 95.9 % to
/// 98.0 %; with `COPYDESK_CORPORA` (707 stories, 457 seeds) 95.7 % to 96.5 %. What is still
/// missed: a person the recognizer made of `Warhol Museum`, and a misspelling that gives a
/// place the story also names as a place (`Paris said` where the story has `in Paris`).
#[test]
fn seeded_second_reference_misspellings_are_caught() {
    let config = Config::default();
    let stories = stories();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut missed: Vec<String> = Vec::new();
    for (path, text) in &stories {
        let format = Format::from_path(path);
        let a = analyze(text, format, &config);
        for (ei, e) in a.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let Some(surname) = e.surname.as_deref() else {
                continue;
            };
            if surname == e.canonical
                || surname.chars().count() < 5
                || !surname.chars().all(char::is_alphabetic)
                // A person the recognizer made of an organization (`Warhol Museum`): its
                // error, not the rule's.
                || copydesk::entities::lexicon::sets::ORG_WORDS.contains(surname)
            {
                continue;
            }
            let Some(full) = e.body_mentions().find(|m| m.form == MentionForm::Full) else {
                continue;
            };
            // A second reference: the surname alone after the full name, not a possessive.
            let Some(second) = e.body_mentions().find(|m| {
                m.form == MentionForm::Surname
                    && m.span.start > full.span.end
                    && m.span.text(text) == surname
                    && !text[m.span.end..].starts_with(['\'', '\u{2019}'])
            }) else {
                continue;
            };
            for kind in KINDS {
                let Some(bad) = misspell(surname, kind, ei + salt(path)) else {
                    continue;
                };
                let mut seeded = text.clone();
                seeded.replace_range(second.span.start..second.span.end, &bad);
                let end = second.span.start + bad.len();
                let caught = analyze(&seeded, format, &config).findings.iter().any(|f| {
                    f.code == "names/near-miss"
                        && f.span.start <= second.span.start
                        && f.span.end >= end
                });
                let t = tallies.entry(kind).or_default();
                t.seeded += 1;
                if caught {
                    t.caught += 1;
                } else if missed.len() < 60 {
                    missed.push(format!("{path}: {kind} {surname} -> {bad}"));
                }
            }
        }
    }
    let corpus = std::env::var_os("COPYDESK_CORPORA").is_some();
    println!(
        "{} stories{}\n| kind | seeded | caught | rate |\n|---|---:|---:|---:|",
        stories.len(),
        if corpus { " (with the corpora)" } else { "" }
    );
    let mut ok = true;
    for (kind, t) in &tallies {
        let rate = t.caught as f64 / t.seeded.max(1) as f64;
        println!(
            "| {kind} | {} | {} | {:.1} % |",
            t.seeded,
            t.caught,
            100.0 * rate
        );
        ok &= rate >= 0.95;
    }
    for m in &missed {
        println!("missed: {m}");
    }
    assert!(tallies.values().all(|t| t.seeded > 0), "nothing seeded");
    assert!(ok, "a kind below 95 %");
}

/// A story's share of the seed choice: from its file name, so that the seeds are the same
/// wherever the repository (or the corpora) is checked out.
fn salt(path: &str) -> usize {
    std::path::Path::new(path)
        .file_name()
        .map_or(0, |n| n.len())
}
