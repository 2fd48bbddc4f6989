//! A generated desk rule sheet of `n` rules for the benchmarks and `profile_analyze`
//! (`--desk-rules N`): the shape of a large newsroom sheet. Seven in ten are
//! substitutions (one to three invented spellings each, a few real words of the samples
//! that do fire), two in ten forbidden phrases (a common word followed by an invented
//! one, so the automaton walks many partial matches), one in ten regular expressions.
//! Deterministic: the same `n` always gives the same sheet.

use std::fmt::Write as _;
use std::path::Path;

use copydesk::Config;

/// Deterministic pseudo-words from syllables (a linear congruential generator).
struct Words(u64);

impl Words {
    fn next(&mut self) -> String {
        const SYL: &[&str] = &[
            "ka", "lo", "vin", "tre", "su", "mar", "del", "zo", "pri", "nak", "ul", "bes", "rho",
            "ta", "gen", "quo", "fi", "dra",
        ];
        let mut w = String::new();
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let n = 2 + (self.0 >> 60) as usize % 3;
        for i in 0..n {
            let s = (self.0 >> (8 * i + 3)) as usize % SYL.len();
            w.push_str(SYL[s]);
        }
        w
    }
}

/// Common words of wire copy, which the forbidden phrases start with.
const COMMON: &[&str] = &[
    "the",
    "city",
    "council",
    "said",
    "officials",
    "on",
    "will",
    "a",
    "of",
    "district",
    "music",
    "residents",
    "plan",
    "vote",
    "police",
    "mayor",
];

/// Real phrases of the samples, so that some rules fire.
const REAL: &[(&str, &str)] = &[
    ("live music district", "music district"),
    ("soaring rents", "rising rents"),
    ("Deep Ellum", "Deep Ellum"),
    ("midnight", "12 a.m."),
];

/// The TOML of a sheet of `n` rules, as `[[sheet.rule]]` tables of a copydesk.toml.
pub fn sheet_toml(n: usize) -> String {
    let mut words = Words(n as u64 ^ 0x9e37_79b9);
    let mut out = String::new();
    for i in 0..n {
        let _ = writeln!(out, "[[sheet.rule]]\ncode = \"bench/r{i}\"");
        let _ = writeln!(out, "message = \"rule {i}: `{{found}}`\"");
        match i % 10 {
            0..=6 => {
                let mut entries = Vec::new();
                if i % 97 == 0 {
                    let (from, to) = REAL[(i / 97) % REAL.len()];
                    entries.push(format!("\"{from}\" = \"{to}\""));
                }
                for _ in 0..1 + i % 3 {
                    let from = words.next();
                    let mut to = from.clone();
                    to.push('e');
                    entries.push(format!("\"{from}\" = \"{to}\""));
                }
                let _ = writeln!(out, "substitute = {{ {} }}", entries.join(", "));
                if i % 5 == 0 {
                    let _ = writeln!(out, "ignore_case = true");
                }
            }
            7 | 8 => {
                let a = COMMON[i % COMMON.len()];
                let _ = writeln!(
                    out,
                    "forbid = [\"{a} {}\", \"{}\"]",
                    words.next(),
                    words.next()
                );
                if i % 4 == 0 {
                    let _ = writeln!(out, "scope = [\"headline\", \"body\", \"quotation\"]");
                }
            }
            _ => {
                let _ = writeln!(out, "pattern = '\\b{}(?:ed|ing|s)?\\b'", words.next());
            }
        }
        out.push('\n');
    }
    out
}

/// The default configuration with a generated sheet of `n` rules compiled in.
pub fn config_with_rules(n: usize) -> Config {
    let toml = sheet_toml(n);
    let mut config = Config::from_toml(&toml).expect("the generated sheet is valid TOML");
    let r = copydesk::sheets::resolve(&mut config, &toml, Path::new("bench/copydesk.toml"));
    assert!(r.errors.is_empty(), "generated sheet: {:?}", r.errors);
    assert_eq!(config.desk.codes().len(), n);
    config
}
