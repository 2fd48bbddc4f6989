//! The prefilters of the paragraph rules ([`super::ParagraphContext::may_hold_any`]) never
//! change a finding: every text we have — the samples, the fixtures, the demo and, when
//! `COPYDESK_CORPORA` names the folder of corpora, every corpus — checked with the
//! prefilters and without them (the set then answers "maybe" to everything), under the
//! inferred style and every house style, and under the settings that turn the filtered
//! rules' other branches on, gives the same findings.

use crate::analysis::analyze;
use crate::article::Format;
use crate::config::{Config, Style};
use crate::rules::words_seen::tests::without_the_set;

fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "md" | "markdown")
        ) {
            out.push(p);
        }
    }
}

fn configs() -> Vec<Config> {
    let mut out = Vec::new();
    for style in [
        None,
        Some(Style::Ap),
        Some(Style::Reuters),
        Some(Style::Xinhua),
    ] {
        out.push(Config {
            style,
            ..Config::default()
        });
    }
    // `numbers/large-in-figures` below ten, `dates/relative-day` in every style.
    let mut c = Config::default();
    c.numbers.spell_out_below = Some(5);
    c.dates.relative_days = Some(true);
    out.push(c);
    out
}

/// The codes found, each once.
fn same_with_and_without(texts: &[(String, String)], configs: &[Config]) -> Vec<&'static str> {
    let mut findings = Vec::new();
    for (name, text) in texts {
        let format = Format::from_path(name);
        for config in configs {
            let filtered = analyze(text, format, config).findings;
            let unfiltered = without_the_set(|| analyze(text, format, config).findings);
            assert_eq!(filtered, unfiltered, "{name} under {:?}", config.style);
            findings.extend(filtered.iter().map(|f| f.code));
            findings.sort_unstable();
            findings.dedup();
        }
    }
    findings
}

fn read(paths: &[std::path::PathBuf]) -> Vec<(String, String)> {
    paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
        .collect()
}

#[test]
fn prefilters_change_no_finding_in_samples_fixtures_and_demo() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["samples", "tests/fixtures", "demo"] {
        files(&root.join(dir), &mut paths);
    }
    assert!(paths.len() > 10, "{}", paths.len());
    let mut texts = read(&paths);
    // Copy that has what the filtered rules look for, so the comparison is not vacuous.
    texts.push((
        "probe.txt".into(),
        "LANFORD, Ore. (AP) — The president said today that twelve homes burned and \
         the Mayor met in Jan. and mid-Dec., yesterday, with twenty-five people, \
         “it’s 東京 🎉” — and seven cars, tonight. “We will rebuild,” Mayor Ana Ruiz \
         stated. She noted that “every street” stays open."
            .into(),
    ));
    let found = same_with_and_without(&texts, &configs());
    for code in [
        "attribution/said",
        "dates/month-spelled-out",
        "dates/relative-day",
        "numbers/large-in-figures",
        "titles/capitalized-alone",
    ] {
        assert!(found.contains(&code), "{code}: {found:?}");
    }
}

/// The same over every corpus of `COPYDESK_CORPORA` (skipped when it is not set), under
/// the inferred style, AP pinned and the settings that widen the rules.
#[test]
fn prefilters_change_no_finding_in_the_corpora() {
    let Some(dir) = std::env::var_os("COPYDESK_CORPORA") else {
        return;
    };
    let mut paths = Vec::new();
    files(std::path::Path::new(&dir), &mut paths);
    let configs = configs();
    // Inferred, AP pinned (the AP-only branches on every corpus), and the widened settings.
    let configs = [configs[0].clone(), configs[1].clone(), configs[4].clone()];
    same_with_and_without(&read(&paths), &configs);
}
