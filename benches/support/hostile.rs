//! Hostile inputs for the scaling benchmark (`benches/engine.rs`, group `scaling/`) and
//! `examples/scaling.rs`: texts whose cost must grow linearly (or as n log n) with `n`,
//! the number of marks, names, paragraphs or lines they hold. Each is one article with a
//! dateline, so every rule runs on it.
#![allow(dead_code)]

/// The opening every workload shares: a headline, a byline and a dateline paragraph.
const HEAD: &str = "Hostile copy for the scaling benchmark\nBy A. TESTER\n\nNEW YORK (AP) — The story begins here.\n\n";

/// A distinct capitalized surname for `i`: `K` and base-26 letters, at least five letters
/// (`Kaaaa`, `Kaaab`, ...), so that neighbours are one letter apart (near misses).
pub fn surname(i: usize) -> String {
    let mut s = String::from("K");
    let mut n = i;
    for _ in 0..4 {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    while n > 0 {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

/// A workload: its name, the unit it counts, and the generator of a text of `n` units.
pub type Workload = (&'static str, &'static str, fn(usize) -> String);

/// The workloads.
pub const WORKLOADS: &[Workload] = &[
    ("marks-pairs", "mark", marks_pairs),
    ("marks-open", "mark", marks_open),
    ("marks-close", "mark", marks_close),
    ("marks-either", "mark", marks_either),
    ("marks-nested", "mark", marks_nested),
    ("marks-singles", "mark", marks_singles),
    ("names", "name", names),
    ("names-near", "name", names_near),
    ("full-names", "name", full_names),
    ("surname-first", "name", surname_first),
    ("paragraphs", "paragraph", paragraphs),
    ("long-line", "word", long_line),
    ("datelines", "line", datelines),
    ("ignore-markers", "marker", ignore_markers),
];

fn one_paragraph(n: usize, unit: &str) -> String {
    let mut s = String::from(HEAD);
    s.reserve(n * unit.len());
    for _ in 0..n {
        s.push_str(unit);
    }
    s.push('\n');
    s
}

/// One paragraph of `n` straight double marks in pairs: `"a" "a" ...`.
pub fn marks_pairs(n: usize) -> String {
    one_paragraph(n / 2, "\"a\" ")
}
/// One paragraph of `n` opening marks: `“a “a ...` (none closed).
pub fn marks_open(n: usize) -> String {
    one_paragraph(n, "“a ")
}
/// One paragraph of `n` closing marks with no opener: `a” a” ...`.
pub fn marks_close(n: usize) -> String {
    one_paragraph(n, "a” ")
}
/// One paragraph of `n` straight marks between spaces, read by state: `" " " ...`.
pub fn marks_either(n: usize) -> String {
    one_paragraph(n, "\" ")
}
/// Doubles opening, singles inside, nothing closed: `“a ‘b “a ‘b ...`.
pub fn marks_nested(n: usize) -> String {
    one_paragraph(n / 2, "“a ‘b ")
}
/// Single marks opening and maybe closing: `'a b' 'a b' 'c ...` (apostrophes or quotes).
pub fn marks_singles(n: usize) -> String {
    one_paragraph(n / 3, "'a b' 'c ")
}

/// One paragraph naming `n` distinct people: `Mr. Kaaaa said. Mr. Kbaaa said. ...`.
pub fn names(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        s.push_str("Mr. ");
        s.push_str(&surname(i));
        s.push_str(" said. ");
    }
    s.push('\n');
    s
}

/// `n` people introduced with a full name, each named in full again in the next paragraph.
pub fn full_names(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        let sn = surname(i);
        s.push_str(&format!("Minister Anna {sn} spoke.\n\nAnna {sn} left.\n\n"));
    }
    s
}

/// `n` people called by surname before their full name, inside and outside quotations.
pub fn surname_first(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        let sn = surname(i);
        s.push_str(&format!(
            "{sn} spoke. “{sn} is here,” she said. Minister Anna {sn} left.\n\n"
        ));
    }
    s
}

/// `n` short paragraphs, each different.
pub fn paragraphs(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        s.push_str(&format!(
            "The council voted {i} times on the plan, officials said on Tuesday.\n\n"
        ));
    }
    s
}

/// One line of `n` words, no line break.
pub fn long_line(n: usize) -> String {
    one_paragraph(n, "council ")
}

/// `n` lines that look like datelines, each its own paragraph.
pub fn datelines(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        s.push_str(&format!("PARIS, June {} (Reuters) - Text.\n\n", i % 28 + 1));
    }
    s
}

/// `n` paragraphs each after a `copydesk-ignore` marker: every other one silences the
/// paragraph's unclosed quotation, the rest name a rule that never fires there (unused).
pub fn ignore_markers(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        let code = if i % 2 == 0 {
            "quotes/unclosed"
        } else {
            "names/near-miss"
        };
        s.push_str(&format!("copydesk-ignore: {code}\n“Line {i} of text.\n\n"));
    }
    s
}

/// One paragraph naming `n` distinct people by given name and surname, no title, the
/// surnames one letter apart at the end (`Anna Kaaaa`, `Anna Kaaab`, ...): every surname
/// is a near miss of its neighbours, compared in full.
pub fn names_near(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        let sn: String = surname(i).chars().rev().collect();
        s.push_str("Anna K");
        s.push_str(&sn[..sn.len() - 1]);
        s.push_str(" said. ");
    }
    s.push('\n');
    s
}
