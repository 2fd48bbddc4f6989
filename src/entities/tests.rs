use super::*;
use crate::article::{parse, Format};

fn ents(text: &str) -> Entities {
    let a = parse(text, Format::Plain);
    extract(text, &a, &NamesConfig::default())
}

#[test]
#[ignore]
fn dump_samples() {
    for p in std::fs::read_dir("samples").unwrap() {
        let p = p.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let a = parse(&text, Format::from_path(&p.to_string_lossy()));
        let e = extract(&text, &a, &NamesConfig::default());
        println!("== {}", p.display());
        for e in &e.entities {
            let forms: Vec<String> = e
                .mentions
                .iter()
                .map(|m| format!("{}{:?}", m.span.text(&text), m.form))
                .collect();
            println!(
                "  {:?} {} role={:?} acr={:?} sn={:?} :: {}",
                e.kind,
                e.canonical,
                e.role,
                e.acronym,
                e.surname,
                forms.join(" | ")
            );
        }
    }
}
