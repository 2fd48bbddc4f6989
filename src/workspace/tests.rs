use std::path::{Path, PathBuf};

use super::*;
use crate::analysis::analyze;

/// Stories an editor of the desk might file on one day (invented people).
fn story(place: &str, who: &str, line: &str) -> String {
    format!(
        "Talks resume on grain corridor\n\n{place}, March 3 (Reuters) - Russian Prime Minister \
         {who} arrived on Thursday for talks on the grain corridor, officials said.\n\n\
         {line}\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn drift_of(index: &Index, path: &Path, config: &Config) -> Vec<Finding> {
    let text = std::fs::read_to_string(path).unwrap();
    let a = analyze(&text, Format::from_path(&path.to_string_lossy()), config);
    spelling_drift(index, path, &text, &a.entities, config)
}

use crate::finding::Finding;

#[test]
fn a_drifted_surname_is_fixed_to_the_majority_spelling_with_the_other_stories_related() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (i, place) in ["MOSCOW", "KAZAN", "SOCHI"].iter().enumerate() {
        write(
            d,
            &format!("a{i}.txt"),
            &story(
                place,
                "Dmitry Medvedev",
                "Medvedev said the corridor would reopen.",
            ),
        );
    }
    let odd = write(
        d,
        "b.txt",
        &story(
            "OMSK",
            "Dmitry Medvedv",
            "Medvedv said “the corridor” would reopen.",
        ),
    );
    let config = Config::default();
    let (index, skipped) = Index::build(&[d.to_path_buf()], &config);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(index.len(), 4);
    let found = drift_of(&index, &odd, &config);
    assert_eq!(found.len(), 2, "{found:#?}");
    let text = std::fs::read_to_string(&odd).unwrap();
    for f in &found {
        assert_eq!(f.code, "names/spelling-drift");
        assert_eq!(f.span.text(&text), "Medvedv");
        assert!(
            f.message.contains("`Medvedev` in 3 other stories"),
            "{}",
            f.message
        );
        assert_eq!(f.fixes[0].edits[0].replacement, "Medvedev");
        assert!(f.fixes[0].preferred);
        assert_eq!(f.related.len(), 3);
        let place = f.related[0].file.as_ref().unwrap();
        assert!(place.path.starts_with(d));
        assert_eq!(place.start.line, 2);
    }
    // The majority is not flagged.
    for i in 0..3 {
        assert!(drift_of(&index, &d.join(format!("a{i}.txt")), &config).is_empty());
    }
}

#[test]
fn case_and_diacritics_drift_needs_a_majority_and_ignores_a_sentence_opening_capital() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let line = |s: &str| format!("Officials said Turkish President Recep Tayyip {s} would attend.");
    write(
        d,
        "a.txt",
        &story("ANKARA", "Dmitry Medvedev", &line("Erdogan")),
    );
    write(
        d,
        "b.txt",
        &story("ISTANBUL", "Dmitry Medvedev", &line("Erdogan")),
    );
    let odd = write(
        d,
        "c.txt",
        &story("IZMIR", "Dmitry Medvedev", &line("Erdoğan")),
    );
    let config = Config::default();
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    let found = drift_of(&index, &odd, &config);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].fixes[0].edits[0].replacement, "Erdogan");
    assert!(drift_of(&index, &d.join("a.txt"), &config).is_empty());

    // Case: `Macdonald` mid-sentence in two stories, `MacDonald` in one.
    let line = |s: &str| format!("Officials said Finance Minister Alan {s} would attend.");
    write(
        d,
        "a.txt",
        &story("OTTAWA", "Dmitry Medvedev", &line("Macdonald")),
    );
    write(
        d,
        "b.txt",
        &story("TORONTO", "Dmitry Medvedev", &line("Macdonald")),
    );
    let odd = write(
        d,
        "c.txt",
        &story("OTTAWA", "Dmitry Medvedev", &line("MacDonald")),
    );
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    let found = drift_of(&index, &odd, &config);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].fixes[0].edits[0].replacement, "Macdonald");
    // One against one is no majority.
    std::fs::remove_file(d.join("b.txt")).unwrap();
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    assert!(drift_of(&index, &odd, &config).is_empty());
}

#[test]
fn sentence_starts() {
    let t = "He said. Vance left “Vance” and Vance";
    assert!(drift::sentence_start(t, 0));
    assert!(drift::sentence_start(t, t.find("Vance").unwrap()));
    assert!(drift::sentence_start(t, t.find("Vance”").unwrap()));
    assert!(!drift::sentence_start(t, t.rfind("Vance").unwrap()));
}

#[test]
fn the_names_file_wins_over_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let line = |s: &str| format!("Officials said Finance Minister Alan {s} would attend.");
    let a = write(
        d,
        "a.txt",
        &story("OTTAWA", "Dmitry Medvedev", &line("Macdonald")),
    );
    write(
        d,
        "b.txt",
        &story("TORONTO", "Dmitry Medvedev", &line("Macdonald")),
    );
    let c = write(
        d,
        "c.txt",
        &story("OTTAWA", "Dmitry Medvedev", &line("MacDonald")),
    );
    let mut config = Config::default();
    config.names.entries.push(crate::entities::NameEntry {
        name: "Alan MacDonald".into(),
        kind: Some(EntityKind::Person),
        role: None,
        acronym: None,
        aliases: vec![],
        surname_first: None,
        note: None,
    });
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    assert!(drift_of(&index, &c, &config).is_empty());
    let found = drift_of(&index, &a, &config);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].fixes[0].edits[0].replacement, "MacDonald");
    assert!(found[0].message.contains("names file"));

    // A near misspelling of the names file's spelling is `names/near-miss`'s alone.
    config.names.entries[0].name = "Alan Macdonnald".into();
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    assert!(drift_of(&index, &c, &config).is_empty());
}

#[test]
fn two_people_with_near_surnames_are_not_drift() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..3 {
        write(
            d,
            &format!("a{i}.txt"),
            &story(
                "WASHINGTON",
                "Ronald Reagan",
                "Reagan said the talks would go on.",
            ),
        );
    }
    let odd = write(
        d,
        "b.txt",
        &story(
            "WASHINGTON",
            "Donald Regan",
            "Regan said the talks would go on.",
        ),
    );
    let config = Config::default();
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    assert!(drift_of(&index, &odd, &config).is_empty());
}

#[test]
fn updating_and_removing_a_story_changes_the_lookups() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "a.txt", &story("MOSCOW", "Dmitry Medvedev", "He left."));
    let config = Config::default();
    let (mut index, _) = Index::build(&[d.to_path_buf()], &config);
    let key = name_key(EntityKind::Person, "Dmitry Medvedev");
    assert_eq!(index.uses(&key).len(), 1);
    let g = index.generation();
    let text = story("MOSCOW", "Dmitry Medvedv", "He left.");
    index.insert(Story::from_text(&a, &text, Format::Plain, &config, None));
    assert!(index.generation() > g);
    assert_eq!(index.len(), 1);
    assert!(index.uses(&key).is_empty());
    assert_eq!(
        index
            .uses(&name_key(EntityKind::Person, "Dmitry Medvedv"))
            .len(),
        1
    );
    assert!(index.remove(&a));
    assert!(index.is_empty());
    assert!(!index.remove(&a));
}

#[test]
fn the_walk_honours_gitignore_and_exclude_and_skips_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "keep.txt", "Headline\n\nText.\n");
    write(d, "notes.md", "# Notes\n\nText.\n");
    write(d, "skip.rs", "fn main() {}\n");
    write(d, "drafts/x.txt", "Draft\n");
    write(d, "archive/old.markdown", "Old\n");
    write(d, ".gitignore", "drafts/\n");
    std::fs::write(d.join("latin1.txt"), b"Caf\xe9 au lait\n").unwrap();
    let big = std::fs::File::create(d.join("big.txt")).unwrap();
    big.set_len(MAX_STORY_BYTES + 1).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
    let (paths, skipped) = stories_in(&[d.to_path_buf()], &["archive/".to_string()]);
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.strip_prefix(d).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["big.txt", "keep.txt", "latin1.txt", "notes.md"]);
    #[cfg(unix)]
    assert!(
        skipped.iter().any(|s| s.reason.contains("loop")),
        "{skipped:?}"
    );
    // archive/ is not excluded here: keep.txt, notes.md, archive/old.markdown.
    let (index, skipped) = Index::build(&[d.to_path_buf()], &Config::default());
    assert_eq!(index.len(), 3);
    assert!(skipped
        .iter()
        .any(|s| s.path.ends_with("latin1.txt") && s.reason.contains("not valid UTF-8")));
    assert!(skipped
        .iter()
        .any(|s| s.path.ends_with("big.txt") && s.reason.contains("larger than")));
}

#[test]
fn positions_are_kept_in_every_unit() {
    let text = "Grain “deal” — 粮食 😀 signed\n\nMOSCOW, March 3 (Reuters) - “Ja” 粮食 😀 — Prime Minister Dmitry Medvedev said.\n";
    let s = Story::from_text(
        Path::new("/x/a.txt"),
        text,
        Format::Plain,
        &Config::default(),
        None,
    );
    let e = s
        .entities
        .iter()
        .find(|e| &*e.name == "Dmitry Medvedev")
        .expect("Medvedev recognized");
    let m = &e.mentions[0];
    let line = "MOSCOW, March 3 (Reuters) - “Ja” 粮食 😀 — Prime Minister ";
    assert_eq!(m.start.line, 2);
    assert_eq!(m.start.utf8 as usize, line.len());
    assert_eq!(m.start.chars as usize, line.chars().count());
    assert_eq!(m.start.utf16 as usize, line.encode_utf16().count());
    assert_eq!(s.dateline.as_deref(), Some("MOSCOW"));
}

#[test]
fn spelling_summaries_follow_inserts_replacements_and_removals() {
    let config = Config::default();
    let mut index = Index::default();
    let people = [
        "Dmitry Medvedev",
        "Anna Medvedev",
        "Dmitry Medvedv",
        "Boris Orlov",
    ];
    for round in 0..3 {
        for i in 0..12 {
            let who = people[(i * 7 + round) % people.len()];
            let text = story(
                "MOSCOW",
                who,
                &format!("{} said no.", who.split(' ').nth(1).unwrap()),
            );
            let path = PathBuf::from(format!("/folder/{i}.txt"));
            index.insert(Story::from_text(&path, &text, Format::Plain, &config, None));
        }
        index.remove(Path::new(&format!("/folder/{round}.txt")));
    }
    for sp in &index.spellings {
        let mut ids: Vec<StoryId> = sp.uses.iter().map(|u| u.0).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(sp.stories as usize, ids.len(), "{}", sp.text);
        let mut givens: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        for &u in &sp.uses {
            let (_, e) = index.entity(u).unwrap();
            if !e.given.is_empty() {
                *givens
                    .entry(crate::gazetteer::key(&e.given).into())
                    .or_default() += 1;
            }
        }
        assert_eq!(sp.givens, givens, "{}", sp.text);
    }
}

/// `check` over a folder reads the drift from the index's own copy of each story
/// (`spelling_drift_indexed`); it must say exactly what the drift from the analysis says.
#[test]
fn drift_read_from_the_index_is_the_drift_read_from_the_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = [
        (
            "MOSCOW",
            "Dmitry Medvedev",
            "Medvedev said the corridor would reopen.",
        ),
        (
            "KAZAN",
            "Dmitry Medvedev",
            "“Medvedev” was cheered — 谢谢 🎉 — in Kazan.",
        ),
        (
            "SOCHI",
            "Dmitry Medvedev",
            "Officials said Recep Tayyip Erdogan would attend.",
        ),
        (
            "OMSK",
            "Dmitry Medvedv",
            "Medvedv said Recep Tayyip Erdoğan would attend.",
        ),
        (
            "TVER",
            "Dmitry medvedev",
            "Later medvedev and Recep Tayyip Erdogan spoke.",
        ),
    ];
    let mut paths = Vec::new();
    for (i, (place, who, line)) in lines.iter().enumerate() {
        paths.push(write(d, &format!("s{i}.txt"), &story(place, who, line)));
    }
    let config = Config::default();
    let (index, _) = Index::build(&[d.to_path_buf()], &config);
    let mut total = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let live = drift_of(&index, p, &config);
        let indexed = spelling_drift_indexed(&index, p, &text, &config);
        assert_eq!(live, indexed, "{}", p.display());
        total += live.len();
    }
    assert!(total >= 2, "the stories drift: {total}");
    // A story the index does not hold has no drift of its own.
    let outside = dir.path().join("elsewhere.txt");
    assert!(spelling_drift_indexed(&index, &outside, "", &config).is_empty());
}

/// `line_col` counts the three units in one pass; it must agree with the line index's
/// position in each unit at every offset (inside characters too), over curly quotes, em
/// dashes, CJK, emoji and every line ending.
#[test]
fn line_col_agrees_with_the_line_index_in_every_unit() {
    use crate::text::{Encoding, LineIndex};
    let text = "“Wú” — 北京 said\r\n🎉 ok\rthird — line\nlast 谢谢";
    let lines = LineIndex::new(text);
    for offset in 0..=text.len() + 2 {
        let lc = line_col(&lines, text, offset);
        let p8 = lines.position(text, offset, Encoding::Utf8);
        let p16 = lines.position(text, offset, Encoding::Utf16);
        let p32 = lines.position(text, offset, Encoding::Utf32);
        assert_eq!(
            (lc.line, lc.utf8, lc.utf16, lc.chars),
            (p8.line, p8.column, p16.column, p32.column),
            "offset {offset}"
        );
    }
}

/// The story's mention positions come from one sweep over the offsets; each must be what
/// `line_col` says of its offset alone (curly quotes, em dashes, CJK, emoji, CRLF and
/// several mentions on one line).
#[test]
fn indexed_mention_positions_are_line_col_of_their_offsets() {
    use crate::text::LineIndex;
    let text = "Talks resume — 会谈 🎉\r\n\r\nMOSCOW, March 3 (Reuters) - “Russian Prime Minister \
                Dmitry Medvedev” — 北京 🎉 — met Li Keqiang and Olaf Brandt in Moscow on \
                Thursday, Medvedev’s office said.\r\n\r\nMedvedev, Li and Brandt — 再见 — \
                spoke. Brandt left for Berlin; Li for Beijing.\n";
    let config = Config::default();
    let story = Story::from_text(
        Path::new("/tmp/x.txt"),
        text,
        Format::from_path("x.txt"),
        &config,
        None,
    );
    let lines = LineIndex::new(text);
    let mut n = 0;
    for e in story.entities.iter() {
        for m in e.mentions.iter() {
            assert_eq!(m.start, line_col(&lines, text, m.span.start), "{e:?}");
            assert_eq!(m.end, line_col(&lines, text, m.span.end), "{e:?}");
            n += 1;
        }
    }
    assert!(n >= 8, "{n} mentions");
}

/// The people's surnames of the story at `path` as the index holds it (sorted, once).
fn surnames_in(index: &Index, path: &Path) -> Vec<Box<str>> {
    let mut v: Vec<Box<str>> = index
        .id_of(path)
        .and_then(|id| index.story(id))
        .into_iter()
        .flat_map(|s| s.entities.iter())
        .filter_map(|e| e.surname.clone())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// `drift_dependents` names every story whose drift findings a change of another story
/// changed: a walk of 400 random changes (new people, removals) over ten stories whose
/// people share, nearly share or differ in case or diacritics from each other's surnames.
/// It also names fewer stories than all of them: what the server gains by asking it. (Made
/// to fail by leaving out either of its two kinds of dependents.)
#[test]
fn drift_dependents_are_every_story_whose_drift_changed() {
    let config = Config::default();
    let people = [
        "Dmitry Medvedev",
        "Anna Medvedev",
        "Dmitry Medvedv",
        "Dmitry Medvédev",
        "Anna Medvedeva",
        "Boris Orlov",
        "Boris Orlow",
        "Olga Orlova",
        "Recep Tayyip Erdogan",
        "Recep Tayyip Erdoğan",
        "Ingrid Solberg",
        "Ingrid Solbreg",
        "Olaf Brandt",
    ];
    let places = ["MOSCOW", "KAZAN", "SOCHI", "OMSK", "TVER"];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut index = Index::default();
    let paths: Vec<PathBuf> = (0..10)
        .map(|i| PathBuf::from(format!("/folder/{i}.txt")))
        .collect();
    // Each story's text and analysis, as filed.
    let mut live: Vec<Option<(String, crate::analysis::Analysis)>> = vec![None; paths.len()];
    let drift_all = |index: &Index, live: &[Option<(String, crate::analysis::Analysis)>]| {
        live.iter()
            .zip(&paths)
            .map(|(l, p)| {
                l.as_ref()
                    .map(|(t, a)| spelling_drift(index, p, t, &a.entities, &config))
            })
            .collect::<Vec<_>>()
    };
    let (mut changed_seen, mut named, mut others) = (0, 0, 0);
    for step in 0..400 {
        let k = next(paths.len());
        let before_drift = drift_all(&index, &live);
        let before = surnames_in(&index, &paths[k]);
        if step > 40 && next(8) == 0 {
            index.remove(&paths[k]);
            live[k] = None;
        } else {
            let who = people[next(people.len())];
            let other = people[next(people.len())];
            let line = format!(
                "Officials said {other} would attend. {} said no.",
                other.rsplit(' ').next().unwrap()
            );
            let text = story(places[next(places.len())], who, &line);
            let a = analyze(&text, Format::Plain, &config);
            index.insert(Story::from_analysis(&paths[k], &text, &a, None));
            live[k] = Some((text, a));
        }
        let after = surnames_in(&index, &paths[k]);
        let deps = drift_dependents(&index, &before, &after);
        let after_drift = drift_all(&index, &live);
        for j in (0..paths.len()).filter(|&j| j != k) {
            let id = index.id_of(&paths[j]);
            if before_drift[j] != after_drift[j] {
                changed_seen += 1;
                assert!(
                    id.is_some_and(|id| deps.contains(&id)),
                    "step {step}: story {j} (id {id:?})'s drift changed with story {k} ({before:?} \
                     -> {after:?}) but it is not named: {deps:?}\n{:#?}\n{:#?}",
                    before_drift[j],
                    after_drift[j]
                );
            }
            if live[j].is_some() {
                others += 1;
                named += usize::from(id.is_some_and(|id| deps.contains(&id)));
            }
        }
    }
    assert!(
        changed_seen >= 20,
        "the walk changes other stories' drift: {changed_seen}"
    );
    // 1,469 of 3,118 when written: the people here are all near one another.
    assert!(named * 3 < others * 2, "{named} of {others} named");
}
