//! `copydesk audit`: how often each rule (built-in and desk) fires over a folder of copy,
//! in what share of the stories, with sample matches in context, so that an editor sees a
//! rule's noise before turning it on. Files are checked on every core (rayon); a progress
//! bar goes to stderr when it is a terminal.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::{check_file, exit, FileReport};
use crate::article::suppress::code_matches;
use crate::config::{Config, Style};

pub struct AuditOptions {
    pub paths: Vec<PathBuf>,
    /// Only these rules (codes or `family/*`); empty: all.
    pub rules: Vec<String>,
    /// Sample matches shown per rule.
    pub samples: usize,
    pub json: bool,
    pub config: Option<Config>,
    pub style: Option<Style>,
}

#[derive(Serialize)]
struct Sample {
    path: String,
    line: usize,
    column: usize,
    /// The matched text.
    matched: String,
    /// The line around it, the match between `«` and `»`.
    context: String,
}

#[derive(Serialize)]
struct RuleTally {
    code: String,
    findings: usize,
    stories: usize,
    /// `stories` / stories audited.
    share: f64,
    samples: Vec<Sample>,
}

#[derive(Serialize)]
struct Audit {
    stories: usize,
    rules: Vec<RuleTally>,
    errors: Vec<String>,
}

/// The line holding `span` with the match marked, trimmed to about 60 characters each side.
fn context(text: &str, span: crate::span::Span) -> String {
    let line_start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| span.end + i);
    let before: String = {
        let b = &text[line_start..span.start];
        let n = b.chars().count();
        let kept: String = b.chars().skip(n.saturating_sub(60)).collect();
        if n > 60 {
            format!("…{kept}")
        } else {
            kept
        }
    };
    let after: String = {
        let a = &text[span.end..line_end.max(span.end)];
        let kept: String = a.chars().take(60).collect();
        if a.chars().count() > 60 {
            format!("{kept}…")
        } else {
            kept
        }
    };
    let matched = &text[span.start..span.end.min(line_end.max(span.start))];
    format!("{before}«{matched}»{after}")
}

pub fn run_audit(opts: &AuditOptions, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let inputs = super::inputs::inputs(
        &super::inputs::InputOptions {
            paths: &opts.paths,
            config: opts.config.as_ref(),
            style: opts.style,
            stdin_filename: None,
        },
        None,
    );
    let mut errors: Vec<String> = Vec::new();
    for problem in inputs.problems {
        match problem {
            super::inputs::Problem::File(e) => errors.push(e.to_string()),
            super::inputs::Problem::Config { error, .. } => {
                let s = super::FileError::from_config(&error).to_string();
                if !errors.contains(&s) {
                    errors.push(s);
                }
            }
        }
    }
    let jobs = inputs.files;
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(jobs.len() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} stories, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let reports: Vec<Result<FileReport, super::FileError>> = jobs
        .par_iter()
        .map(|(f, c)| {
            let r = check_file(f, c);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let wanted =
        |code: &str| opts.rules.is_empty() || opts.rules.iter().any(|r| code_matches(r, code));
    let mut tallies: BTreeMap<&'static str, RuleTally> = BTreeMap::new();
    let mut stories = 0;
    for r in &reports {
        let rep = match r {
            Ok(rep) => rep,
            Err(e) => {
                errors.push(e.to_string());
                continue;
            }
        };
        stories += 1;
        let index = crate::text::LineIndex::new(&rep.text);
        let mut seen_here: Vec<&str> = Vec::new();
        for f in rep.findings.iter().filter(|f| wanted(f.code)) {
            let t = tallies.entry(f.code).or_insert_with(|| RuleTally {
                code: f.code.to_string(),
                findings: 0,
                stories: 0,
                share: 0.0,
                samples: Vec::new(),
            });
            t.findings += 1;
            if !seen_here.contains(&f.code) {
                seen_here.push(f.code);
                t.stories += 1;
            }
            if t.samples.len() < opts.samples {
                let p = index.position(&rep.text, f.span.start, crate::text::Encoding::Utf32);
                t.samples.push(Sample {
                    path: rep.path.display().to_string(),
                    line: p.line as usize + 1,
                    column: p.column as usize + 1,
                    matched: f.span.text(&rep.text).to_string(),
                    context: context(&rep.text, f.span),
                });
            }
        }
    }
    let mut rules: Vec<RuleTally> = tallies.into_values().collect();
    for t in &mut rules {
        t.share = if stories == 0 {
            0.0
        } else {
            t.stories as f64 / stories as f64
        };
    }
    rules.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.code.cmp(&b.code)));
    let audit = Audit {
        stories,
        rules,
        errors,
    };
    if opts.json {
        serde_json::to_writer_pretty(&mut *out, &audit)?;
        writeln!(out)?;
    } else {
        let width = audit
            .rules
            .iter()
            .map(|t| t.code.len())
            .max()
            .unwrap_or(4)
            .max(4);
        writeln!(
            out,
            "{:<width$}  {:>8}  {:>7}  {:>6}",
            "rule", "findings", "stories", "share"
        )?;
        for t in &audit.rules {
            writeln!(
                out,
                "{:<width$}  {:>8}  {:>7}  {:>5.1}%",
                t.code,
                t.findings,
                t.stories,
                t.share * 100.0
            )?;
        }
        for t in audit.rules.iter().filter(|t| !t.samples.is_empty()) {
            writeln!(out, "\n{}:", t.code)?;
            for s in &t.samples {
                writeln!(out, "  {}:{}:{}: {}", s.path, s.line, s.column, s.context)?;
            }
        }
        for e in &audit.errors {
            writeln!(err, "error: {e}")?;
        }
        writeln!(err, "{} stories audited", audit.stories)?;
    }
    Ok(if audit.errors.is_empty() {
        exit::CLEAN
    } else {
        exit::TROUBLE
    })
}
