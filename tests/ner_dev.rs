//! The recognizer on real news: ner-dev (tests/data/ner-dev, Wikinews texts CC BY 2.5, GUM
//! annotations CC BY 4.0; see its README), scored per type, exact span, the way
//! `scripts/ner-eval.py` scores it. The figures are held as a floor: a change that lowers
//! any of them fails here (raise the floor when the recognizer improves).
//!
//! With `COPYDESK_CORPORA` set, also our own annotations of wire stories from the research
//! corpora (tests/data/wire-gold: offsets only, the stories are read in place), scored the
//! way `scripts/wire-gold.py` scores them, each set against its floor.

use std::collections::HashSet;
use std::path::Path;

use copydesk::analysis::analyze;
use copydesk::article::Format;
use copydesk::config::Config;
use copydesk::entities::EntityKind;

/// (type, precision, recall, F1) floors, in per cent.
const FLOORS: &[(&str, f64, f64, f64)] = &[
    ("PER", 94.5, 82.5, 88.0),
    ("LOC", 73.0, 74.0, 73.5),
    ("ORG", 80.0, 55.5, 65.5),
    ("ALL", 83.5, 70.5, 76.5),
];

/// The wire-gold sets' floors: (file stem, F1 over the three types), in per cent.
const WIRE_FLOORS: &[(&str, f64)] = &[
    ("agnews-2004.dev", 89.5),
    ("agnews-2004.held-out", 87.5),
    ("agnews-2004.sports", 92.5),
    ("reuters-1987.dev", 94.5),
    ("reuters-1987.dev2", 92.0),
    ("reuters-1987.dev3", 93.5),
    ("reuters-1987.held-out", 84.5),
];

/// One scored story: its text and path, its gold names and the spans that count neither way.
struct Doc {
    path: std::path::PathBuf,
    text: String,
    gold: HashSet<(usize, usize, String)>,
    neutral: Vec<(usize, usize)>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

fn label(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Place => Some("LOC"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Other => None,
    }
}

fn ner_dev_docs() -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner-dev");
    let mut txts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/ner-dev")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    txts.sort();
    assert_eq!(txts.len(), 24, "ner-dev has 24 documents");
    let span = |v: &serde_json::Value| {
        (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        )
    };
    txts.into_iter()
        .map(|txt| {
            let text = std::fs::read_to_string(&txt).unwrap();
            let gold_doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(txt.with_extension("json")).unwrap())
                    .unwrap();
            let gold = gold_doc["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let (s, t) = span(e);
                    (s, t, e["type"].as_str().unwrap().to_string())
                })
                .collect();
            let neutral = gold_doc["misc"]
                .as_array()
                .map(|a| a.iter().map(span).collect())
                .unwrap_or_default();
            Doc {
                path: txt,
                text,
                gold,
                neutral,
            }
        })
        .collect()
}

fn score(docs: &[Doc]) -> Vec<(&'static str, Counts)> {
    let types = ["PER", "LOC", "ORG"];
    let mut counts = [Counts::default(); 3];
    let at = |t: &str| types.iter().position(|x| *x == t).unwrap();
    for doc in docs {
        let (text, gold, misc) = (&doc.text, &doc.gold, &doc.neutral);
        let analysis = analyze(
            text,
            Format::from_path(&doc.path.to_string_lossy()),
            &Config::default(),
        );
        let mut pred: HashSet<(usize, usize, String)> = HashSet::new();
        for e in analysis.entities.iter() {
            let Some(t) = label(e.kind) else { continue };
            for m in &e.mentions {
                pred.insert((m.span.start, m.span.end, t.to_string()));
            }
        }
        for g in gold {
            if pred.contains(g) {
                counts[at(&g.2)].tp += 1;
            } else {
                counts[at(&g.2)].fn_ += 1;
            }
        }
        for p in pred.difference(gold) {
            let same_span = gold.iter().any(|g| (g.0, g.1) == (p.0, p.1));
            if !same_span && misc.iter().any(|&(s, e)| p.0 < e && s < p.1) {
                continue;
            }
            counts[at(&p.2)].fp += 1;
        }
    }
    let all = counts.iter().fold(Counts::default(), |a, c| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    });
    let mut out: Vec<(&str, Counts)> = types.iter().copied().zip(counts).collect();
    out.push(("ALL", all));
    out
}

#[test]
fn ner_dev_figures_hold_their_floor() {
    let figures = score(&ner_dev_docs());
    let mut failed = Vec::new();
    for (t, c) in &figures {
        let (p, r, f) = c.prf();
        eprintln!(
            "{t}: P {p:.1} R {r:.1} F1 {f:.1} (tp {} fp {} fn {})",
            c.tp, c.fp, c.fn_
        );
        let &(_, fp, fr, ff) = FLOORS.iter().find(|x| x.0 == *t).unwrap();
        if p < fp || r < fr || f < ff {
            failed.push(format!(
                "{t}: P {p:.1} R {r:.1} F1 {f:.1} below the floor P {fp} R {fr} F1 {ff}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The stories of one wire-gold set, read from `corpora` (a missing story fails the test).
fn wire_docs(set: &Path, corpora: &Path) -> Vec<Doc> {
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(set).unwrap()).unwrap();
    let corpus = data["corpus"].as_str().unwrap();
    data["documents"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(stem, doc)| {
            let path = corpora.join(corpus).join(format!("{stem}.txt"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let pair = |v: &serde_json::Value| {
                (
                    v[0].as_u64().unwrap() as usize,
                    v[1].as_u64().unwrap() as usize,
                )
            };
            let gold = doc["names"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| {
                    let (s, e) = pair(n);
                    (s, e, n[2].as_str().unwrap().to_string())
                })
                .collect();
            let neutral = doc["neutral"]
                .as_array()
                .unwrap()
                .iter()
                .map(pair)
                .collect();
            Doc {
                path,
                text,
                gold,
                neutral,
            }
        })
        .collect()
}

#[test]
fn wire_gold_figures_hold_their_floor() {
    let Some(corpora) = std::env::var_os("COPYDESK_CORPORA") else {
        eprintln!("COPYDESK_CORPORA not set: the wire-gold sets are not scored");
        return;
    };
    let corpora = Path::new(&corpora);
    let mut failed = Vec::new();
    for &(stem, floor) in WIRE_FLOORS {
        let set = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/wire-gold")
            .join(format!("{stem}.json"));
        let figures = score(&wire_docs(&set, corpora));
        let (_, all) = figures.iter().find(|x| x.0 == "ALL").unwrap();
        let (p, r, f) = all.prf();
        eprintln!("{stem}: P {p:.1} R {r:.1} F1 {f:.1}");
        if f < floor {
            failed.push(format!("{stem}: F1 {f:.1} below the floor {floor}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
