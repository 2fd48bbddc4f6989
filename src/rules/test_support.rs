//! The scaffolding the rule table tests share (`dates/`, `times/`, `numbers/`, `percent/`,
//! `places/`, `titles/`, `attribution/`): build an article, run the rules, keep one family's
//! findings, apply a fix, and compare code, span and fixed text with a table.
//!
//! Two table shapes:
//! - [`run_table`]: rows of (style, text, expected findings), each expected finding its code,
//!   the text of its span and the whole text after its first fix (`None`: no fix);
//! - [`marked`]: one body paragraph of a small story per case, `⟦…⟧` around the one span
//!   that must be reported (the `numbers/` and `percent/` tables).

use crate::analysis::analyze;
use crate::article::Format;
use crate::config::{Config, Style};
use crate::rules::{Edit, Finding};

/// A configuration with `style` and nothing else set.
pub(crate) fn config(style: Option<Style>) -> Config {
    Config {
        style,
        ..Config::default()
    }
}

/// The findings of the rules whose code starts with `family` on `text`.
pub(crate) fn findings_in(
    text: &str,
    format: Format,
    config: &Config,
    family: &str,
) -> Vec<Finding> {
    analyze(text, format, config)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with(family))
        .collect()
}

/// The findings of `family` on plain `text` in `style`.
pub(crate) fn findings(style: Style, text: &str, family: &str) -> Vec<Finding> {
    findings_in(text, Format::Plain, &config(Some(style)), family)
}

/// The findings of `family` on plain `text` under `config`.
pub(crate) fn findings_with(config: &Config, text: &str, family: &str) -> Vec<Finding> {
    findings_in(text, Format::Plain, config, family)
}

/// `text` with `edits` applied (last first, so that earlier spans stay put).
pub(crate) fn apply(text: &str, edits: &[Edit]) -> String {
    let mut edits: Vec<_> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

/// `text` with the first fix of `f` applied (`f` must have one).
pub(crate) fn fixed(text: &str, f: &Finding) -> String {
    apply(text, &f.fixes[0].edits)
}

/// One found or expected finding: code, text of the span, the whole text after the first
/// fix (`None` without a fix).
pub(crate) type Found = (&'static str, String, Option<String>);

/// The findings of `family` on `text` as [`Found`] triples.
pub(crate) fn run(text: &str, format: Format, config: &Config, family: &str) -> Vec<Found> {
    findings_in(text, format, config, family)
        .into_iter()
        .map(|f| {
            let after = f.fixes.first().map(|fix| apply(text, &fix.edits));
            (f.code, f.span.text(text).to_string(), after)
        })
        .collect()
}

/// An expected finding: code, text of the span, the text after the first fix.
pub(crate) type Expect<'a> = (&'a str, &'a str, Option<&'a str>);

/// Each case: style (a `Style` or an `Option<Style>`, `None` for the inferred one), plain
/// text, and the findings of the family expected on it, in order (`&[]`: none).
pub(crate) type Case<'a, S = Style> = (S, &'a str, &'a [Expect<'a>]);

/// Checks every case of a table of `family`: exactly the findings listed, in order, with
/// their code, span and fixed text.
pub(crate) fn run_table<S: Copy + Into<Option<Style>> + std::fmt::Debug>(
    family: &str,
    cases: &[Case<'_, S>],
) {
    for &(style, text, want) in cases {
        let got = run(text, Format::Plain, &config(style.into()), family);
        let want: Vec<(&str, &str, Option<&str>)> = want.to_vec();
        let got_ref: Vec<(&str, &str, Option<&str>)> = got
            .iter()
            .map(|(c, s, f)| (*c, s.as_str(), f.as_deref()))
            .collect();
        assert_eq!(got_ref, want, "{style:?}: {text}");
    }
}

/// Checks that none of `texts` raises a finding of `family`.
pub(crate) fn run_clean<S: Copy + Into<Option<Style>> + std::fmt::Debug>(
    family: &str,
    texts: &[(S, &str)],
) {
    for &(style, text) in texts {
        let found = run(text, Format::Plain, &config(style.into()), family);
        assert!(found.is_empty(), "{style:?}: {text}\n{found:#?}");
    }
}

/// The marked-paragraph table of the `numbers/` and `percent/` rules: each case is one
/// body paragraph of a small story checked in a house style; `⟦…⟧` marks the one span that
/// must be reported, and the case gives the code and the paragraph after the fix. A case
/// without marks must raise nothing of the two families.
pub(crate) mod marked {
    use super::apply;
    use crate::analysis::analyze;
    use crate::article::Format;
    use crate::config::{Config, Style};

    pub(crate) struct Case {
        pub style: Style,
        /// The paragraph, with `⟦…⟧` around the span of the expected finding, if any.
        pub marked: &'static str,
        /// The expected code and the paragraph after its fix (`None`: a finding without a
        /// fix), or `None` for a paragraph that must raise nothing.
        pub expect: Option<(&'static str, Option<&'static str>)>,
        pub config: Option<&'static str>,
    }

    pub(crate) const fn ok(style: Style, marked: &'static str) -> Case {
        Case {
            style,
            marked,
            expect: None,
            config: None,
        }
    }

    pub(crate) const fn bad(
        style: Style,
        marked: &'static str,
        code: &'static str,
        fixed: &'static str,
    ) -> Case {
        Case {
            style,
            marked,
            expect: Some((code, Some(fixed))),
            config: None,
        }
    }

    pub(crate) const fn bad_no_fix(style: Style, marked: &'static str, code: &'static str) -> Case {
        Case {
            style,
            marked,
            expect: Some((code, None)),
            config: None,
        }
    }

    /// A story around `paragraph` (the third paragraph; the lede and a second one hold
    /// nothing for these rules).
    fn story(style: Style, paragraph: &str) -> (String, usize) {
        let dateline = match style {
            Style::Xinhua => "LANFORD, March 3 (Xinhua) -- ",
            Style::Reuters => "LANFORD, Illinois, March 3 (Reuters) - ",
            Style::Afp => "LANFORD, United States, March 3 (AFP) - ",
            Style::Upi => "LANFORD, Ill., March 3 (UPI) -- ",
            Style::Bloomberg => "(Bloomberg) -- ",
            Style::Ap | Style::Generic => "LANFORD, Ill. (AP) — ",
        };
        let head = format!(
            "Lanford council backs new bridge\n\n{dateline}The city council on Tuesday backed a plan for a new bridge.\n\nThe vote came after a long debate.\n\n"
        );
        let at = head.len();
        (format!("{head}{paragraph}\n"), at)
    }

    /// The paragraph without its marks and the marked span (relative to it).
    fn unmark(marked: &str) -> (String, Option<(usize, usize)>) {
        match (marked.find('⟦'), marked.find('⟧')) {
            (Some(a), Some(b)) => {
                let close = b - '⟦'.len_utf8();
                let plain = marked.replacen('⟦', "", 1).replacen('⟧', "", 1);
                (plain, Some((a, close)))
            }
            _ => (marked.to_string(), None),
        }
    }

    fn check(case: &Case) -> Result<(), String> {
        let (paragraph, span) = unmark(case.marked);
        let (text, at) = story(case.style, &paragraph);
        let mut config = match case.config {
            Some(toml) => Config::parse_toml(toml).map_err(|e| e.message)?,
            None => Config::default(),
        };
        config.style = Some(case.style);
        let analysis = analyze(&text, Format::Plain, &config);
        let ours: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.code.starts_with("numbers/") || f.code.starts_with("percent/"))
            .collect();
        let shown = |fs: &[&crate::finding::Finding]| {
            fs.iter()
                .map(|f| format!("{} {:?} {:?}", f.code, f.span.text(&text), f.message))
                .collect::<Vec<_>>()
        };
        match (case.expect, span) {
            (None, _) => {
                if !ours.is_empty() {
                    return Err(format!("expected nothing, got {:?}", shown(&ours)));
                }
            }
            (Some((code, fixed)), Some((start, end))) => {
                let [f] = ours[..] else {
                    return Err(format!("expected one {code}, got {:?}", shown(&ours)));
                };
                if f.code != code || (f.span.start, f.span.end) != (at + start, at + end) {
                    return Err(format!(
                        "expected {code} at {:?}, got {:?}",
                        &paragraph[start..end],
                        shown(&ours)
                    ));
                }
                match (fixed, f.fixes.first()) {
                    (None, None) => {}
                    (Some(want), Some(fix)) => {
                        if !fix.preferred {
                            return Err("the fix is not preferred".into());
                        }
                        let got = apply(&text, &fix.edits);
                        let got_paragraph = &got[at..got.len() - 1];
                        if got_paragraph != want {
                            return Err(format!("fixed to {got_paragraph:?}, want {want:?}"));
                        }
                    }
                    (want, got) => return Err(format!("fix: want {want:?}, got {got:?}")),
                }
            }
            (Some(_), None) => return Err("a bad case needs ⟦…⟧".into()),
        }
        Ok(())
    }

    /// Checks that every rule of `rules` has a bad case in `cases`.
    pub(crate) fn covers_every_rule(cases: &[Case], rules: &[&dyn crate::rules::Rule]) {
        for rule in rules {
            let code = rule.meta().code;
            assert!(
                cases
                    .iter()
                    .any(|c| c.expect.is_some_and(|(k, _)| k == code)),
                "{code} has no bad case"
            );
        }
    }

    /// Checks every case; the failures are listed together.
    pub(crate) fn run_table(cases: &[Case]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|c| {
                check(c)
                    .err()
                    .map(|e| format!("{:?} {:?}: {e}", c.style, c.marked))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}
