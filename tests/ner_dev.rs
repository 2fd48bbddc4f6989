//! The recognizer on real news: ner-dev (tests/data/ner-dev, Wikinews texts CC BY 2.5, GUM
//! annotations CC BY 4.0; see its README), scored per type, exact span, the way
//! `scripts/ner-eval.py` scores it. The figures are held as a floor: a change that lowers
//! any of them fails here (raise the floor when the recognizer improves).

use std::collections::HashSet;
use std::path::Path;

use copydesk::analysis::analyze;
use copydesk::article::Format;
use copydesk::config::Config;
use copydesk::entities::EntityKind;

/// (type, precision, recall, F1) floors, in per cent.
const FLOORS: &[(&str, f64, f64, f64)] = &[
    ("PER", 94.5, 82.5, 88.0),
    ("LOC", 72.0, 70.0, 71.0),
    ("ORG", 80.0, 55.5, 65.5),
    ("ALL", 83.5, 69.5, 75.9),
];

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

fn score() -> Vec<(&'static str, Counts)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner-dev");
    let mut txts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/ner-dev")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    txts.sort();
    assert_eq!(txts.len(), 24, "ner-dev has 24 documents");
    let types = ["PER", "LOC", "ORG"];
    let mut counts = [Counts::default(); 3];
    let at = |t: &str| types.iter().position(|x| *x == t).unwrap();
    for txt in &txts {
        let text = std::fs::read_to_string(txt).unwrap();
        let gold_doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(txt.with_extension("json")).unwrap())
                .unwrap();
        let gold: HashSet<(usize, usize, String)> = gold_doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                    e["type"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let misc: Vec<(usize, usize)> = gold_doc["misc"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| {
                        (
                            m["start"].as_u64().unwrap() as usize,
                            m["end"].as_u64().unwrap() as usize,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let analysis = analyze(
            &text,
            Format::from_path(&txt.to_string_lossy()),
            &Config::default(),
        );
        let mut pred: HashSet<(usize, usize, String)> = HashSet::new();
        for e in analysis.entities.iter() {
            let Some(t) = label(e.kind) else { continue };
            for m in &e.mentions {
                pred.insert((m.span.start, m.span.end, t.to_string()));
            }
        }
        for g in &gold {
            if pred.contains(g) {
                counts[at(&g.2)].tp += 1;
            } else {
                counts[at(&g.2)].fn_ += 1;
            }
        }
        for p in pred.difference(&gold) {
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
    let figures = score();
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
