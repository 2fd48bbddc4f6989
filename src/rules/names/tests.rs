use crate::analysis::analyze;
use crate::article::Format;
use crate::config::Config;
use crate::rules::Finding;

fn findings_with(text: &str, config: &Config) -> Vec<Finding> {
    analyze(text, Format::Plain, config)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("names/"))
        .collect()
}

fn findings(text: &str) -> Vec<Finding> {
    findings_with(text, &Config::default())
}

fn codes(text: &str) -> Vec<(&'static str, String)> {
    findings(text)
        .into_iter()
        .map(|f| (f.code, f.span.text(text).to_string()))
        .collect()
}

/// Copy that follows the reference rules raises nothing.
const CLEAN: &[&str] = &[
    "MOSCOW, Sept. 19 (Xinhua) -- Russian Prime Minister Dmitry Medvedev met Chinese Premier Li Keqiang. Li said trade grew. Medvedev agreed.",
    "PARIS, Jan 1 (AFP) - “Li’s plan 🌊 works,” said Kenji Moriyama, a Japanese minister. Moriyama left for Tokyo.",
    "BEIJING (AP) — The UN and NATO met the Shanghai Cooperation Organization (SCO). The SCO agreed.",
    "WASHINGTON (Reuters) - White House Chief of Staff Donald Regan met President Reagan. Regan said Reagan was tired. Regan left.",
    "LONDON (Reuters) - The Tower commission met. Senator John Tower said the Tower report was fair.",
    "DALLAS (AP) — “Estrada is wrong,” a resident said of the plan. Mayor Carla Estrada said she would listen.",
    "BERLIN (AP) — Dean Foods said Dean would grow. President Howard Dean said so.",
    "SEOUL (AP) — Two people named Kim spoke: Foreign Minister Kim Sun-ho and Trade Minister Kim Ji-woo. Kim Sun-ho said talks went well, and Kim Ji-woo agreed.",
];

#[test]
fn clean_copy_raises_nothing() {
    for t in CLEAN {
        assert!(findings(t).is_empty(), "{t}\n{:#?}", findings(t));
    }
}

#[test]
fn surname_before_full() {
    let t = "BEIJING (AP) — Medvedev arrived on Thursday.\n\nRussian Prime Minister Dmitry Medvedev met officials.";
    let f = findings(t);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "names/surname-before-full");
    assert_eq!(f[0].span.text(t), "Medvedev");
    assert_eq!(f[0].related[0].span.text(t), "Dmitry Medvedev");
    assert_eq!(f[0].fixes[0].edits[0].replacement, "Dmitry Medvedev");
    assert!(!f[0].fixes[0].preferred);
}

#[test]
fn full_name_repeated() {
    let t = "BEIJING (AP) — Chinese Premier Li Keqiang spoke. Li Keqiang then left.";
    assert_eq!(
        codes(t),
        [("names/full-name-repeated", "Li Keqiang".to_string())]
    );
    let f = findings(t);
    assert_eq!(f[0].fixes[0].edits[0].replacement, "Li");
    assert_eq!(f[0].span.start, t.rfind("Li Keqiang").unwrap());
}

#[test]
fn near_miss_in_article_and_names_file() {
    let t = "MOSCOW (AP) — Russian Prime Minister Dmitry Medvedev spoke. Medvedev left. Medvedyev returned.";
    let f = findings(t);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "names/near-miss");
    assert_eq!(f[0].span.text(t), "Medvedyev");
    assert_eq!(f[0].fixes[0].edits[0].replacement, "Medvedev");
    assert!(f[0].fixes[0].preferred);

    let config = Config::from_toml(
        "[names]\n[[names.entry]]\nname = \"Sergei Lavrentyev\"\nkind = \"person\"\n",
    )
    .unwrap();
    let t = "MOSCOW (AP) — Foreign Minister Sergei Lavrentiev spoke.";
    let f = findings_with(t, &config);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].span.text(t), "Lavrentiev");
    assert!(f[0].message.contains("names file"), "{}", f[0].message);
    assert_eq!(f[0].fixes[0].edits[0].replacement, "Lavrentyev");
}

#[test]
fn acronym_before_spelled_out() {
    let t = "BEIJING (AP) — The SCO will meet in June. Members of the Shanghai Cooperation Organization (SCO) agreed.";
    let f = findings(t);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "names/acronym-before-spelled-out");
    assert_eq!(f[0].span.start, t.find("SCO").unwrap());
    // A configured well-known acronym may stand.
    let config = Config::from_toml("[names]\nwell_known = [\"SCO\"]\n").unwrap();
    assert!(findings_with(t, &config).is_empty());
}

#[test]
fn near_miss_against_an_organization_in_the_names_file() {
    let config = Config::from_toml(
        "[names]\n[[names.entry]]\nname = \"Eurasian Economic Union\"\nacronym = \"EAEU\"\n",
    )
    .unwrap();
    let t = "MOSCOW (AP) — Members of the Euroasian Economic Union met. Unions protested.";
    let f = findings_with(t, &config);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].span.text(t), "Euroasian");
    assert_eq!(f[0].fixes[0].edits[0].replacement, "Eurasian");
}

/// 1-based line of byte `offset`, counted from the start: the reference for [`super::Lines`].
fn line_of(text: &str, offset: usize) -> usize {
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut line = 1;
    for i in 0..end {
        match b[i] {
            b'\n' => line += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
    }
    line
}

#[test]
fn lines_count_every_kind_of_break() {
    assert_eq!(super::Lines::new("a\nb\r\nc\rd").line_of(9), 4);
    assert_eq!(line_of("a\nb\r\nc\rd", 9), 4);
}

proptest::proptest! {
    /// The line index gives the line counting from the start gives, for every kind of
    /// line break.
    #[test]
    fn line_index_agrees_with_line_of(
        t in "[a\r\n“😀 ]{0,40}",
        at in proptest::collection::vec(0usize..60, 1..6),
    ) {
        // One `Lines` asked several times, in any order: it reads on as asked.
        let lines = super::Lines::new(&t);
        for at in at {
            proptest::prop_assert_eq!(lines.line_of(at), line_of(&t, at), "{:?} {}", t, at);
        }
    }
}

/// Real-copy false alarms of the name rules, each class in invented copy: relatives sharing
/// a surname, a suffix, companies named like people, a full name inside a quotation, a
/// name the story never shortens.
const REAL_CLASSES: &[&str] = &[
    // Relatives: a given name and `and` before the full name.
    "DENVER (AP) — Calloway thanked voters. Tom and Ruth Calloway opened the school on Monday.",
    // The family named in the plural.
    "DENVER (AP) — Calloway spoke first. Later Ruth Calloway said the Calloways would stay. Calloway left.",
    // A father and a son with a suffix.
    "OMAHA (AP) — Mark Whitlow Jr. said the firm would grow. Mark Whitlow told reporters the same. Mark Whitlow declined to say more.",
    // A company named like a person, never shortened.
    "FRESNO, Calif. (AP) — Harriet Meadows sold its garlic crop early. Harriet Meadows said prices rose.",
    "FRESNO, Calif. (AP) — Growers at Christopher Ranch cut prices. Christopher Ranch said demand fell.",
    // A full name inside a quotation: the speaker is not held to reference style.
    "DENVER (AP) — Mayor Ruth Calloway spoke. Calloway left early. “Ruth Calloway never quits,” an aide said.",
];

#[test]
fn real_copy_classes_raise_nothing() {
    for t in REAL_CLASSES {
        assert!(findings(t).is_empty(), "{t}\n{:#?}", codes(t));
    }
}

#[test]
fn a_repeated_full_name_of_a_titled_person_is_still_flagged() {
    let t = "DENVER (AP) — Mayor Ruth Calloway spoke. Calloway left early.\n\nRuth Calloway came back at noon.";
    let c = codes(t);
    assert!(
        c.contains(&("names/full-name-repeated", "Ruth Calloway".to_string())),
        "{c:?}"
    );
}

/// `the Calloways` names a relative: the repeated full name may be the relative's, and is
/// not flagged; `the Callowaysburg road` or `the calloways` (no such family) changes
/// nothing. The family index keeps only the runs a surname of the story opens.
#[test]
fn a_family_named_with_the_silences_a_repeated_full_name() {
    let base = "DENVER (AP) — Mayor Ruth Calloway spoke. Calloway left early.\n\nRuth Calloway came back at noon.";
    for (extra, flagged) in [
        (" “It’s the Calloways’ town,” a neighbor said 🎉.", false),
        (" Lunch was at the Calloways, as always.", false),
        (" They took the Callowaysburg road.", true),
        (" They met the calloways.", true),
        (" Nothing else — 東京 was quiet.", true),
    ] {
        let t = format!("{base}{extra}");
        let c = codes(&t);
        assert_eq!(
            c.contains(&("names/full-name-repeated", "Ruth Calloway".to_string())),
            flagged,
            "{extra}: {c:?}"
        );
    }
}

/// The family index merged from the paragraphs' parts (as on a keystroke) answers as the
/// one read from the whole text (a single analysis): random stories of names, families,
/// suffixes, quotation marks, CJK and emoji, in plain text and Markdown, each read twice
/// (the second time from the parts already filled).
#[test]
fn families_from_parts_match_the_whole_text() {
    use super::{has_relative, Families, ParagraphNames};
    use crate::rules::Context;
    use std::sync::Arc;
    const PIECES: &[&str] = &[
        "Mayor Ruth Calloway",
        "Calloway",
        "the Calloways",
        "the Calloways’",
        "Barron",
        "Conrad Hilton",
        "Hilton",
        "Bill and Hillary Clinton",
        "Clinton",
        "the Clintons",
        "Michael Flynn Jr.",
        "Flynn",
        "Senator",
        "Paris",
        "Only",
        "said",
        "the",
        " ",
        " ",
        " ",
        ", ",
        ". ",
        "\n\n",
        "\n",
        "“",
        "”",
        "(",
        "—",
        "東京",
        "🎉",
        "Łukasz Nowak",
        "Nowak",
        "the Nowaks",
        "al-Assad",
        "Bashar al-Assad",
        "# ",
        "> ",
        "Élodie Roux",
        "Roux",
        "the Rouxs",
        "O'Brien",
        "Sean O'Brien",
        "the O'Briens",
        "theCalloway",
        "\n\n   ",
        "\n\n  Calloway",
        "\n\n Barron Hilton",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let config = Config::default();
    for round in 0..300 {
        let mut text = String::from("DENVER (AP) — ");
        for _ in 0..(10 + next(60)) {
            text.push_str(PIECES[next(PIECES.len())]);
        }
        let format = if round % 3 == 0 {
            Format::Markdown
        } else {
            Format::Plain
        };
        let article = crate::article::parse(&text, format);
        let entities = crate::entities::extract(&text, &article, &config.names);
        let parts: Vec<Arc<ParagraphNames>> =
            article.paragraphs.iter().map(|_| Arc::default()).collect();
        let cx = |names| Context {
            text: &text,
            article: &article,
            style: crate::config::Style::Ap,
            style_source: crate::config::StyleSource::Credit,
            config: &config,
            entities: &entities,
            words: &[],
            prose: &[],
            names,
            shared: Default::default(),
        };
        let whole = cx(&[]);
        let from_parts = cx(&parts);
        for _ in 0..2 {
            let (a, b) = (Families::new(&whole), Families::new(&from_parts));
            assert_eq!(a.after_the, b.after_the, "{text:?}");
            for (run, at) in &b.after_space {
                assert!(
                    at.iter().all(|x| a.after_space[run].contains(x)),
                    "{text:?}"
                );
            }
            for e in entities.iter() {
                let (ca, cb) = (Default::default(), Default::default());
                assert_eq!(
                    has_relative(&whole, e, &ca),
                    has_relative(&from_parts, e, &cb),
                    "{} in {text:?}",
                    e.canonical
                );
            }
        }
    }
}
