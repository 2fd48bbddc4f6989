//! `analyze_reusing` (what the language server runs on every edit, keeping per-paragraph
//! work between analyses) must give exactly what a fresh `analyze` gives, after any edit.

use copydesk::article::Format;
use copydesk::{analyze, analyze_reusing, Analysis, Config, Reuse};

const SAMPLES: &[(&str, &str)] = &[
    (
        "ap-city-council.txt",
        include_str!("../samples/ap-city-council.txt"),
    ),
    ("afp-summit.md", include_str!("../samples/afp-summit.md")),
    (
        "reuters-markets.txt",
        include_str!("../samples/reuters-markets.txt"),
    ),
    ("upi-storm.txt", include_str!("../samples/upi-storm.txt")),
    (
        "xinhua-grain-deal.txt",
        include_str!("../samples/xinhua-grain-deal.txt"),
    ),
    (
        "demo/needs-edit.txt",
        include_str!("../demo/needs-edit.txt"),
    ),
];

/// Everything an analysis tells the editor, as comparable text.
fn summary(a: &Analysis) -> String {
    format!(
        "{:#?}\n{:#?}\n{:#?}\n{:?}\n{:#?}",
        a.findings, a.entities.entities, a.outline, a.style, a.article
    )
}

fn assert_same(text: &str, format: Format, config: &Config, reuse: &mut Reuse, what: &str) {
    let fresh = analyze(text, format, config);
    let reused = analyze_reusing(text, format, config, reuse);
    let (f, r) = (summary(&fresh), summary(&reused));
    if f != r {
        let line = f
            .lines()
            .zip(r.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{what}: reused analysis differs from a fresh one at summary line {line}:\n\
             fresh:  {:?}\nreused: {:?}\n--- text ---\n{text}",
            f.lines().nth(line),
            r.lines().nth(line)
        );
    }
}

/// A small deterministic generator (xorshift), so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces a reporter types: names (new and already in the story), quotes, paragraph
/// breaks, an em dash, CJK, an emoji, a parenthesized acronym.
const PIECES: &[&str] = &[
    " said Anna Petrova",
    " Petrova",
    " Orlovsky said",
    // A second person with a surname the story already has: which one a later bare
    // surname means depends on where it is.
    " said Councilwoman Rita Baptiste",
    " Baptiste",
    " Pruitt said",
    " said Joel Pruitt",
    " Mayor Dana Whitfield",
    " Whitfield",
    "\n\n",
    "\n\nThe Harbor Transit Authority (HTA) said ",
    " HTA",
    " “We will vote,” she said. ",
    " — ",
    " 森山 ",
    " 🌊 ",
    " in Springfield",
    "Ms. ",
    "x",
    "e",
    " ",
    ".",
    "\"",
];

fn char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Apply `steps` random edits to `text`, checking reuse against a fresh analysis after
/// each; typing runs insert a piece one character at a time, as an editor sends them.
fn random_edits(name: &str, text: &str, seed: u64, steps: usize) {
    let format = Format::from_path(name);
    let config = Config::default();
    let mut rng = Rng(seed);
    let mut text = text.to_string();
    let mut reuse = Reuse::default();
    assert_same(
        &text,
        format,
        &config,
        &mut reuse,
        &format!("{name} seed {seed} open"),
    );
    for step in 0..steps {
        let at = char_boundary(&text, rng.below(text.len() + 1));
        match rng.below(4) {
            0 | 1 => {
                // Type a piece one character at a time.
                let piece = PIECES[rng.below(PIECES.len())];
                let mut pos = at;
                for c in piece.chars() {
                    text.insert(pos, c);
                    pos += c.len_utf8();
                    assert_same(
                        &text,
                        format,
                        &config,
                        &mut reuse,
                        &format!("{name} seed {seed} step {step} typing {piece:?}"),
                    );
                }
            }
            2 => {
                // Delete a short range (backspace, a selected word).
                let end = char_boundary(&text, (at + 1 + rng.below(12)).min(text.len()));
                text.replace_range(at..end, "");
                assert_same(
                    &text,
                    format,
                    &config,
                    &mut reuse,
                    &format!("{name} seed {seed} step {step} delete"),
                );
            }
            _ => {
                // Move a paragraph: cut one and paste it elsewhere.
                let paras: Vec<&str> = text.split("\n\n").collect();
                if paras.len() > 3 {
                    let mut paras: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
                    let from = 1 + rng.below(paras.len() - 1);
                    let p = paras.remove(from);
                    let to = 1 + rng.below(paras.len() - 1);
                    paras.insert(to, p);
                    text = paras.join("\n\n");
                    assert_same(
                        &text,
                        format,
                        &config,
                        &mut reuse,
                        &format!("{name} seed {seed} step {step} move paragraph"),
                    );
                }
            }
        }
    }
}

#[test]
fn reuse_matches_fresh_analysis_on_every_sample() {
    let config = Config::default();
    for (name, text) in SAMPLES {
        let mut reuse = Reuse::default();
        // Twice: the second analysis reuses everything.
        assert_same(text, Format::from_path(name), &config, &mut reuse, name);
        assert_same(text, Format::from_path(name), &config, &mut reuse, name);
    }
}

#[test]
fn one_reuse_shared_by_different_documents_stays_exact() {
    let config = Config::default();
    let mut reuse = Reuse::default();
    for round in 0..2 {
        for (name, text) in SAMPLES {
            assert_same(
                text,
                Format::from_path(name),
                &config,
                &mut reuse,
                &format!("{name} round {round}"),
            );
        }
    }
}

#[test]
fn reuse_matches_fresh_analysis_through_random_edits() {
    let cases: usize = std::env::var("COPYDESK_REUSE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    for (i, (name, text)) in SAMPLES.iter().enumerate() {
        for seed in 0..cases as u64 {
            random_edits(
                name,
                text,
                0x9E37_79B9_7F4A_7C15 ^ (seed * 31 + i as u64),
                12,
            );
        }
    }
}

#[test]
fn reuse_follows_a_names_file_change() {
    let text = include_str!("../samples/ap-city-council.txt");
    let mut reuse = Reuse::default();
    let plain = Config::default();
    assert_same(text, Format::Plain, &plain, &mut reuse, "defaults");
    let with_names =
        Config::from_toml("[[names.entry]]\nname = \"Dana Whitfield\"\nrole = \"mayor\"\n")
            .expect("valid config");
    assert_same(text, Format::Plain, &with_names, &mut reuse, "names file");
    assert_same(text, Format::Plain, &plain, &mut reuse, "back to defaults");
}

#[test]
fn a_shared_surname_is_resolved_again_when_its_paragraph_moves() {
    // Two people named Baptiste: a bare `Baptiste` means the one introduced last before
    // it, so the same paragraph text means a different person after a move.
    let dana = "Mayor Dana Baptiste opened the meeting in the council chamber.";
    let first_bare = "Baptiste said the budget was tight this year.";
    let leo = "Sen. Leo Baptiste said he would vote against it.";
    let second_bare = "Baptiste said the vote could wait a week.";
    let head = "City weighs budget cuts\n\nSPRINGFIELD, Ill. (AP) — The council met on Tuesday.";
    let before = [head, dana, first_bare, leo, second_bare].join("\n\n");
    let after = [head, dana, leo, first_bare, second_bare].join("\n\n");
    let config = Config::default();
    let mut reuse = Reuse::default();
    assert_same(
        &before,
        Format::Plain,
        &config,
        &mut reuse,
        "before the move",
    );
    assert_same(&after, Format::Plain, &config, &mut reuse, "after the move");
    assert_same(&before, Format::Plain, &config, &mut reuse, "moved back");

    // And the answer really changes with the move (else this test proves nothing).
    let person_at = |text: &str, needle: &str| {
        let at = text.find(needle).expect("paragraph present");
        analyze(text, Format::Plain, &config)
            .entities
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.span.start == at))
            .map(|e| e.canonical.clone())
    };
    assert_eq!(
        person_at(&before, first_bare).as_deref(),
        Some("Dana Baptiste")
    );
    assert_eq!(
        person_at(&after, first_bare).as_deref(),
        Some("Leo Baptiste")
    );
}

/// The words of the lede (which the recognizer reads without its dateline) are kept by
/// the analysis between keystrokes: editing the lede, and going back to an earlier lede,
/// gives the fresh analysis's findings, the lede's own near-miss included.
#[test]
fn lede_words_kept_between_keystrokes_stay_exact() {
    let body = "\n\nMedvedev left for the airport. He spoke for an hour.\n\n\
                “It is done,” Medvedev said — 北京 😀 was not mentioned.\n";
    let ledes = [
        "MOSCOW (AP) — Russian Prime Minister Dmitry Medvedev spoke. Medvedyev returned.",
        "MOSCOW (AP) — Russian Prime Minister Dmitry Medvedev spoke Monday. Medvedyev returned.",
        "MOSCOW (AP) — Russian Prime Minister Dmitry Medvedev spoke Monday.",
    ];
    let config = Config::default();
    let mut reuse = Reuse::default();
    for round in 0..2 {
        for (i, lede) in ledes.iter().enumerate() {
            let text = format!("{lede}{body}");
            assert_same(
                &text,
                Format::Plain,
                &config,
                &mut reuse,
                &format!("lede {i}, round {round}"),
            );
            let a = analyze(&text, Format::Plain, &config);
            let near = a
                .findings
                .iter()
                .filter(|f| f.code == "names/near-miss")
                .count();
            assert_eq!(near > 0, i < 2, "lede {i}: {:#?}", a.findings);
        }
    }
}
