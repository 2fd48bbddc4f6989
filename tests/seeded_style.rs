//! Seeded-error test for the `places/`, `titles/` and `attribution/` rules: insert one error
//! at a time into real sentences of the Reuters-1987 and AG news stories under
//! `COPYDESK_CORPORA` (read and mutated in memory; their text never enters the repository),
//! check the story in the style the error is one in, and count the errors caught with the
//! right code at the right place.
//!
//! `cargo test --release --test seeded_style -- --nocapture` prints the table (also written
//! to `target/seeded-style.md`); without `COPYDESK_CORPORA` the test only checks a few
//! invented stories. Every kind must be caught in at least 95 % of its sites.

use copydesk::{analyze, Config, Format};

/// An error kind: its name, the rule expected, the style it is checked in, and how to seed
/// it into a story (each seed: the mutated text and the byte range the finding must touch).
struct Kind {
    name: &'static str,
    code: &'static str,
    /// Another rule that reports the same error in its own terms (`San Diego, Calif.`:
    /// the city stands alone).
    also: &'static str,
    style: &'static str,
    seed: fn(&str) -> Vec<(String, usize, usize)>,
}

/// The byte ranges of the body (after the headline's blank line), where seeds go.
fn body_start(text: &str) -> usize {
    text.find("\n\n").map_or(0, |i| i + 2)
}

/// Every occurrence of `pat` in the body after its first paragraph's dateline.
fn sites<'a>(text: &'a str, pat: &'a str) -> impl Iterator<Item = usize> + 'a {
    let start = body_start(text);
    let lede_end = text[start..].find(" - ").map_or(start, |i| start + i + 3);
    text.match_indices(pat)
        .map(|(i, _)| i)
        .filter(move |&i| i > lede_end)
}

fn replace(text: &str, at: usize, len: usize, with: &str) -> String {
    format!("{}{}{}", &text[..at], with, &text[at + len..])
}

/// Outside any straight double quotation of its paragraph (an even count before it).
fn outside_quotes(text: &str, at: usize) -> bool {
    let para = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    text[para..at].matches('"').count() % 2 == 0
}

/// The word before `at` is in capitals: a dateline (`ALPHARETTA, Ga. (AP)`), not body text.
fn dateline_like(text: &str, at: usize) -> bool {
    let word = text[..at].rsplit(' ').next().unwrap_or("");
    word.len() >= 2 && word.chars().all(|c| !c.is_lowercase())
}

fn seed_postal(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for (ap, postal) in [
        (", Calif.", "CA"),
        (", Ill.", "IL"),
        (", Fla.", "FL"),
        (", Mass.", "MA"),
        (", Mich.", "MI"),
        (", Pa.", "PA"),
        (", Ga.", "GA"),
    ] {
        for at in sites(text, ap) {
            if dateline_like(text, at) {
                continue;
            }
            let t = replace(text, at + 2, ap.len() - 2, postal);
            out.push((t, at + 2, at + 4));
        }
    }
    out
}

fn seed_ap_abbreviation(text: &str) -> Vec<(String, usize, usize)> {
    // The AP abbreviation after a city as Reuters wrote it: an error in AP copy since 2014.
    let mut out = Vec::new();
    for ap in [
        ", Calif.", ", Ill.", ", Fla.", ", N.Y.", ", N.J.", ", Conn.", ", Mass.", ", Tenn.",
        ", Colo.", ", Mich.", ", Pa.", ", Ga.", ", Va.", ", Wis.",
    ] {
        for at in sites(text, ap) {
            // Not a dateline in the body (`MILWAUKEE, Wis., March 2 -`).
            if dateline_like(text, at) {
                continue;
            }
            out.push((text.to_string(), at + 2, at + ap.len()));
        }
    }
    out
}

fn seed_us(text: &str) -> Vec<(String, usize, usize)> {
    sites(text, " U.S. ")
        .filter(|&at| outside_quotes(text, at))
        .map(|at| (replace(text, at + 1, 4, "US"), at + 1, at + 3))
        .collect()
}

const STANDALONE: &[(&str, &str)] = &[
    ("London", "England"),
    ("Paris", "France"),
    ("Tokyo", "Japan"),
    ("Chicago", "Illinois"),
    ("Houston", "Texas"),
    ("Moscow", "Russia"),
    ("Geneva", "Switzerland"),
    ("Boston", "Massachusetts"),
    ("Dallas", "Texas"),
    ("Detroit", "Michigan"),
];

fn seed_standalone(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for &(city, region) in STANDALONE {
        let pat = format!(" in {city} ");
        for at in sites(text, &pat) {
            let end = at + pat.len() - 1;
            let t = format!("{}, {region},{}", &text[..end], &text[end..]);
            out.push((t, end + 2, end + 2 + region.len()));
        }
    }
    out
}

fn seed_lowercase_title(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for title in [
        "President ",
        "Prime Minister ",
        "Finance Minister ",
        "Foreign Minister ",
        "Senator ",
        "Trade Minister ",
        "Oil Minister ",
    ] {
        for at in sites(text, title) {
            let next = text[at + title.len()..].chars().next();
            let before = text[..at].trim_end();
            // Before a name, after a nationality or place (`Brazilian Finance Minister`).
            let prev = before.rsplit(' ').next().unwrap_or("");
            if !next.is_some_and(char::is_uppercase)
                || !(prev.ends_with("an")
                    || prev.ends_with("ese")
                    || prev.ends_with("ian")
                    || prev == "U.S."
                    || prev == "former")
                || !outside_quotes(text, at)
            {
                continue;
            }
            let lower = title.trim_end().to_lowercase();
            out.push((
                replace(text, at, title.len() - 1, &lower),
                at,
                at + lower.len(),
            ));
        }
    }
    out
}

fn seed_capitalized_alone(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for title in [
        "the president ",
        "the prime minister ",
        "the chancellor ",
        "the governor ",
    ] {
        for at in sites(text, title) {
            let after = &text[at + title.len()..];
            if after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || after.starts_with("of")
                || !outside_quotes(text, at)
            {
                continue;
            }
            let t0 = at + 4;
            let cap = capitalize(&title[4..title.len() - 1]);
            out.push((replace(text, t0, cap.len(), &cap), t0, t0 + cap.len()));
        }
    }
    out
}

fn capitalize(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn seed_spelled_title(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for (abbr, spelled) in [
        ("Sen. ", "Senator"),
        ("Gov. ", "Governor"),
        ("Rep. ", "Representative"),
    ] {
        for at in sites(text, abbr) {
            // Before a full name: two capitalized words.
            let rest = &text[at + abbr.len()..];
            let mut words = rest.split(' ');
            let full = words
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
                && words
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
            if !full || !outside_quotes(text, at) {
                continue;
            }
            out.push((
                replace(text, at, abbr.len() - 1, spelled),
                at,
                at + spelled.len(),
            ));
        }
    }
    out
}

fn seed_stated(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for pat in [
        ",\" he said",
        ",\" she said",
        ",\" they said",
        ",\" the official said",
        ",\" the spokesman said",
    ] {
        for at in sites(text, pat) {
            let verb = at + pat.len() - 4;
            out.push((replace(text, verb, 4, "stated"), verb, verb + 6));
        }
    }
    out
}

fn seed_inside(text: &str) -> Vec<(String, usize, usize)> {
    // `..., "he said.` closing a quotation becomes `..., he said."`.
    let mut out = Vec::new();
    for pat in [",\" he said.", ",\" she said.", ",\" the official said."] {
        for at in sites(text, pat) {
            let subject = &pat[3..pat.len() - 1];
            let t = format!("{}, {subject}.\"{}", &text[..at], &text[at + pat.len()..]);
            out.push((t, at + 2, at + 2 + subject.len()));
        }
    }
    out
}

const KINDS: &[Kind] = &[
    Kind {
        name: "state: postal code after a city",
        code: "places/state-name",
        also: "places/standalone-city",
        style: "ap",
        seed: seed_postal,
    },
    Kind {
        name: "state: AP abbreviation in AP body text",
        code: "places/state-name",
        also: "places/standalone-city",
        style: "ap",
        seed: seed_ap_abbreviation,
    },
    Kind {
        name: "US for U.S. in body text",
        code: "places/us-in-text",
        also: "",
        style: "reuters",
        seed: seed_us,
    },
    Kind {
        name: "stand-alone city given its region",
        code: "places/standalone-city",
        also: "",
        style: "ap",
        seed: seed_standalone,
    },
    Kind {
        name: "title lower case before a name",
        code: "titles/lowercase-before-name",
        also: "",
        style: "reuters",
        seed: seed_lowercase_title,
    },
    Kind {
        name: "title capitalized alone",
        code: "titles/capitalized-alone",
        also: "",
        style: "reuters",
        seed: seed_capitalized_alone,
    },
    Kind {
        name: "title spelled out before a full name",
        code: "titles/abbreviation",
        also: "",
        style: "ap",
        seed: seed_spelled_title,
    },
    Kind {
        name: "`stated` for `said`",
        code: "attribution/said",
        also: "",
        style: "reuters",
        seed: seed_stated,
    },
    Kind {
        name: "attribution inside the quotation",
        code: "attribution/inside-quotation",
        also: "",
        style: "reuters",
        seed: seed_inside,
    },
];

fn caught(text: &str, style: &str, code: &str, start: usize, end: usize) -> bool {
    let config = Config::from_toml(&format!("style = \"{style}\"\n")).expect("config");
    analyze(text, Format::Plain, &config)
        .findings
        .iter()
        .any(|f| {
            f.code == code
                && f.span.start < end.max(start + 1)
                && start < f.span.end.max(f.span.start + 1)
        })
}

#[path = "support/corpus.rs"]
mod corpus;

/// Every story of the real corpora (none without `COPYDESK_CORPORA`).
fn stories() -> Vec<String> {
    let Some(root) = corpus::corpora_root() else {
        return Vec::new();
    };
    corpus::CORPORA
        .iter()
        .flat_map(|c| corpus::story_paths(&root.join(c), &["txt"]))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

#[test]
fn seeded_style_errors_are_caught() {
    let mut stories = stories();
    let corpora = !stories.is_empty();
    // Invented stories, always.
    stories.push("PLANT TO CLOSE\n\nLOMBARD, Ill., March 3 - The plant in Lombard, Ill., will close, the U.S. unit said. \"It is over,\" he said. Brazilian Finance Minister Dilson Okafor met Sen. Maria Lopez Rivera in Chicago on Monday.\n\nTalks resumed, and the president said they would go on. \"We will go on,\" she said.\n".to_string());
    let mut table = String::from(
        "| error seeded | rule | style | sites | caught | rate |\n|---|---|---|---:|---:|---:|\n",
    );
    let mut failed = Vec::new();
    for kind in KINDS {
        let (mut n, mut ok) = (0usize, 0usize);
        let mut missed = Vec::new();
        for story in &stories {
            for (text, start, end) in (kind.seed)(story) {
                n += 1;
                if caught(&text, kind.style, kind.code, start, end)
                    || (!kind.also.is_empty() && caught(&text, kind.style, kind.also, start, end))
                {
                    ok += 1;
                } else if missed.len() < 5 {
                    let a = text[..start.saturating_sub(60)].len();
                    let b = (end + 40).min(text.len());
                    let a = (a..start)
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(start);
                    let b = (b..=text.len())
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(text.len());
                    missed.push(text[a..b].replace('\n', " "));
                }
            }
        }
        let rate = if n == 0 {
            100.0
        } else {
            ok as f64 * 100.0 / n as f64
        };
        table.push_str(&format!(
            "| {} | `{}` | {} | {n} | {ok} | {rate:.1} % |\n",
            kind.name, kind.code, kind.style
        ));
        // Every kind must reach 95 % (`titles/abbreviation` too since it reads a title the
        // recognizer swallowed into a place: `Texas Senator John Tower`, 18/18).
        if n > 0 && rate < 95.0 {
            failed.push(format!(
                "{}: {rate:.1} % ({ok}/{n}); missed e.g. {missed:#?}",
                kind.name
            ));
        }
        if corpora {
            eprintln!("{}: missed e.g. {missed:#?}", kind.name);
        }
    }
    println!("{table}");
    let _ = std::fs::create_dir_all("target");
    let _ = std::fs::write("target/seeded-style.md", &table);
    assert!(failed.is_empty(), "{failed:#?}");
}
