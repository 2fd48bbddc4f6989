//! Entity recognition scored against annotated fixtures (`tests/fixtures/entities/`).
//!
//! Each fixture marks every mention as `[[text|kind id]]`. The test strips the markers,
//! analyses the text and computes precision and recall of mentions (exact span and kind)
//! and of surname-to-person links, over all fixtures together, and holds them above the
//! floors below (stated in docs/notes/issue-5.md).

use std::collections::{HashMap, HashSet};

use copydesk::entities::{EntityKind, MentionForm};
use copydesk::{analyze, Config, Format};

const MENTION_FLOOR: f64 = 0.95;
const LINK_FLOOR: f64 = 0.95;

struct Gold {
    text: String,
    /// (start, end, kind, id)
    mentions: Vec<(usize, usize, EntityKind, String)>,
}

fn kind(s: &str) -> EntityKind {
    match s {
        "person" => EntityKind::Person,
        "place" => EntityKind::Place,
        "org" => EntityKind::Organization,
        "other" => EntityKind::Other,
        _ => panic!("unknown kind {s}"),
    }
}

fn parse(annotated: &str) -> Gold {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = annotated;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("closing ]]");
        let inner = &after[..close];
        let (surface, tag) = inner.split_once('|').expect("text|kind id");
        let (k, id) = tag.split_once(' ').expect("kind id");
        let start = text.len();
        text.push_str(surface);
        mentions.push((start, text.len(), kind(k), id.to_string()));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Gold { text, mentions }
}

#[derive(Default)]
struct Score {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
}

#[test]
fn mentions_and_links_meet_the_floors() {
    let mut mentions = Score::default();
    let mut links = Score::default();
    let mut report = String::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/fixtures/entities")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3);
    for path in paths {
        let gold = parse(&std::fs::read_to_string(&path).unwrap());
        let text = &gold.text;
        // `story.md.ann` is Markdown, `story.txt.ann` plain text.
        let name = path.to_string_lossy();
        let format = Format::from_path(name.trim_end_matches(".ann"));
        let a = analyze(text, format, &Config::default());

        let gold_set: HashSet<(usize, usize, EntityKind)> =
            gold.mentions.iter().map(|m| (m.0, m.1, m.2)).collect();
        let mut pred_set = HashSet::new();
        for e in a.entities.iter() {
            for m in &e.mentions {
                pred_set.insert((m.span.start, m.span.end, e.kind));
            }
        }
        let tp = gold_set.intersection(&pred_set).count();
        mentions.tp += tp;
        mentions.gold += gold_set.len();
        mentions.predicted += pred_set.len();
        for m in pred_set.difference(&gold_set) {
            report.push_str(&format!(
                "{}: extra {:?} `{}`\n",
                path.display(),
                m.2,
                &text[m.0..m.1]
            ));
        }
        for m in gold_set.difference(&pred_set) {
            report.push_str(&format!(
                "{}: missed {:?} `{}`\n",
                path.display(),
                m.2,
                &text[m.0..m.1]
            ));
        }

        // Links: each one-word mention of a person whose full name is in the article,
        // paired with that full name's first mention.
        let mut full_of: HashMap<&str, (usize, usize)> = HashMap::new();
        for m in &gold.mentions {
            if m.2 == EntityKind::Person && text[m.0..m.1].contains(' ') {
                full_of.entry(m.3.as_str()).or_insert((m.0, m.1));
            }
        }
        let gold_links: HashSet<((usize, usize), (usize, usize))> = gold
            .mentions
            .iter()
            .filter(|m| m.2 == EntityKind::Person && !text[m.0..m.1].contains(' '))
            .filter_map(|m| full_of.get(m.3.as_str()).map(|f| ((m.0, m.1), *f)))
            .collect();
        let mut pred_links = HashSet::new();
        for e in a.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let Some(full) = e.mentions.iter().find(|m| m.form == MentionForm::Full) else {
                continue;
            };
            // A surname or a given name alone (`Okafor`, `Grace`), linked to the person.
            let one_word = |m: &&copydesk::entities::Mention| {
                m.form == MentionForm::Surname || m.form == MentionForm::Name && !m.in_heading
            };
            for m in e.mentions.iter().filter(one_word) {
                pred_links.insert(((m.span.start, m.span.end), (full.span.start, full.span.end)));
            }
        }
        links.tp += gold_links.intersection(&pred_links).count();
        links.gold += gold_links.len();
        links.predicted += pred_links.len();
    }
    println!(
        "mentions: precision {:.3} recall {:.3} ({} gold, {} predicted)\nlinks: precision {:.3} recall {:.3} ({} gold, {} predicted)\n{report}",
        mentions.precision(),
        mentions.recall(),
        mentions.gold,
        mentions.predicted,
        links.precision(),
        links.recall(),
        links.gold,
        links.predicted
    );
    assert!(mentions.precision() >= MENTION_FLOOR, "{report}");
    assert!(mentions.recall() >= MENTION_FLOOR, "{report}");
    assert!(links.precision() >= LINK_FLOOR, "{report}");
    assert!(links.recall() >= LINK_FLOOR, "{report}");
}

/// False alarms of the `names/` rules over the Reuters corpus stay rare. Runs only when
/// `COPYDESK_CORPUS` names the corpus folder (e.g. /work/shared/corpus/reuters-1987).
#[test]
fn corpus_names_findings_stay_rare() {
    let Ok(dir) = std::env::var("COPYDESK_CORPUS") else {
        println!("note: COPYDESK_CORPUS is not set; skipping the corpus check");
        return;
    };
    let mut files = 0;
    let mut findings = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        files += 1;
        let a = analyze(&text, Format::Plain, &Config::default());
        findings += a
            .findings
            .iter()
            .filter(|f| f.code.starts_with("names/") && f.code != "names/full-name-repeated")
            .count();
    }
    println!("{files} files, {findings} warning-level names/ findings");
    assert!(files > 0);
    // 6 on the 1,855-file Reuters-21578 sample, 5 of them real misspellings.
    assert!(
        findings * 200 <= files,
        "{findings} findings over {files} files"
    );
}

/// Entity extraction stays cheap enough to run on every keystroke.
#[test]
fn extraction_is_fast() {
    let gold =
        parse(&std::fs::read_to_string("tests/fixtures/entities/xinhua-summit.txt.ann").unwrap());
    // About 1,300 words: the fixture five times over.
    let text = gold.text.repeat(5);
    let article = copydesk::article::parse(&text, Format::Plain);
    let names = copydesk::entities::NamesConfig::default();
    let _ = copydesk::entities::extract(&text, &article, &names); // loads the gazetteer
    let start = std::time::Instant::now();
    let runs = 20;
    for _ in 0..runs {
        std::hint::black_box(copydesk::entities::extract(&text, &article, &names));
    }
    let each = start.elapsed() / runs;
    println!(
        "extract: {each:?} per {} words",
        text.split_whitespace().count()
    );
    // Generous for unoptimized builds on a loaded machine.
    assert!(each < std::time::Duration::from_millis(100), "{each:?}");
}
