//! `copydesk entities`: every entity of each story, with every mention — what a desk
//! exports to tag a story or build a names index, and how the recognizer is measured
//! (`scripts/ner-eval.py`).
//!
//! Positions: `line` and `column` are 1-based and count characters (as in `check`);
//! `start` and `end` are UTF-8 byte offsets into the file, `end` exclusive.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::{exit, inputs, read_article, FileError};
use crate::analysis::analyze;
use crate::article::Format;
use crate::config::Config;
use crate::entities::{Entity, MentionForm};
use crate::span::Span;
use crate::text::{Encoding, LineIndex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntitiesFormat {
    Json,
    /// One line per mention, tab-separated, with a header line.
    Tsv,
}

/// What `copydesk entities` was asked to do.
pub struct EntitiesOptions {
    /// Files or folders; `-` reads one article from standard input.
    pub paths: Vec<PathBuf>,
    pub format: EntitiesFormat,
    /// `--config FILE`: use it for every file instead of discovering `copydesk.toml`.
    pub config: Option<Config>,
    /// The name standard input stands for.
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    text: &'a str,
    form: MentionForm,
    /// In the headline or a subhead.
    heading: bool,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    canonical: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    surname: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acronym: Option<&'a str>,
    /// Index in `mentions` of the first reference.
    first_reference: usize,
    mentions: Vec<JsonMention<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    entities: Vec<JsonEntity<'a>>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: String,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: &'static str,
    files: Vec<JsonFile<'a>>,
    errors: Vec<JsonError<'a>>,
}

/// One story's entities.
struct Story {
    path: PathBuf,
    text: String,
    entities: Vec<Entity>,
}

fn story(path: PathBuf, text: String, config: &Config) -> Story {
    let format = Format::from_path(&path.to_string_lossy());
    let entities = analyze(&text, format, config).entities.entities;
    Story {
        path,
        text,
        entities,
    }
}

fn mention<'a>(
    text: &'a str,
    lines: &LineIndex,
    span: Span,
    heading: bool,
    form: MentionForm,
) -> JsonMention<'a> {
    let s = lines.position(text, span.start, Encoding::Utf32);
    let e = lines.position(text, span.end, Encoding::Utf32);
    JsonMention {
        text: span.text(text),
        form,
        heading,
        line: s.line + 1,
        column: s.column + 1,
        end_line: e.line + 1,
        end_column: e.column + 1,
        start: span.start,
        end: span.end,
    }
}

fn json_file(st: &Story) -> JsonFile<'_> {
    let lines = LineIndex::new(&st.text);
    JsonFile {
        path: st.path.display().to_string(),
        entities: st
            .entities
            .iter()
            .map(|e| JsonEntity {
                id: e.id,
                kind: e.kind.as_str(),
                canonical: &e.canonical,
                role: e.role.as_deref(),
                surname: e.surname.as_deref(),
                acronym: e.acronym.as_deref(),
                first_reference: e.first,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| mention(&st.text, &lines, m.span, m.in_heading, m.form))
                    .collect(),
            })
            .collect(),
    }
}

/// A TSV field: tabs and line breaks become spaces.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn tsv(out: &mut dyn Write, stories: &[Story]) -> io::Result<()> {
    writeln!(
        out,
        "path\tentity\ttype\tcanonical\tform\tfirst\theading\tline\tcolumn\tstart\tend\ttext"
    )?;
    for st in stories {
        let f = json_file(st);
        for e in &f.entities {
            for (i, m) in e.mentions.iter().enumerate() {
                let form = match m.form {
                    MentionForm::Full => "full",
                    MentionForm::Surname => "surname",
                    MentionForm::Acronym => "acronym",
                    MentionForm::Name => "name",
                };
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    field(&f.path),
                    e.id,
                    e.kind,
                    field(e.canonical),
                    form,
                    u8::from(i == e.first_reference),
                    u8::from(m.heading),
                    m.line,
                    m.column,
                    m.start,
                    m.end,
                    field(m.text)
                )?;
            }
        }
    }
    Ok(())
}

/// Run `copydesk entities`: write every story's entities and return the exit code (0, or
/// 2 when a file or a configuration could not be read; the other files are still written).
pub fn run_entities(
    opts: &EntitiesOptions,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let inputs = inputs::inputs(
        &inputs::InputOptions {
            paths: &opts.paths,
            config: opts.config.as_ref(),
            style: None,
            stdin_filename: opts.stdin_filename.as_deref(),
        },
        Some(stdin),
    );
    let mut errors: Vec<FileError> = Vec::new();
    for problem in inputs.problems {
        match problem {
            inputs::Problem::File(e) => errors.push(e),
            inputs::Problem::Config { error, stdin: true } => {
                errors.push(FileError::from_config(&error));
            }
            inputs::Problem::Config {
                error,
                stdin: false,
            } => {
                let error = FileError::from_config(&error);
                if !errors.iter().any(|x| x.path == error.path) {
                    errors.push(error);
                }
            }
        }
    }
    let mut stories = Vec::new();
    if let Some(input) = inputs.stdin {
        stories.push(story(input.name, input.text, &input.config));
    }
    let read: Vec<Result<Story, FileError>> = inputs
        .files
        .par_iter()
        .map(|(f, c)| read_article(f).map(|text| story(f.clone(), text, c)))
        .collect();
    for r in read {
        match r {
            Ok(s) => stories.push(s),
            Err(e) => errors.push(e),
        }
    }
    match opts.format {
        EntitiesFormat::Json => {
            let report = JsonReport {
                version: env!("CARGO_PKG_VERSION"),
                files: stories.iter().map(json_file).collect(),
                errors: errors
                    .iter()
                    .map(|e| JsonError {
                        path: e.path.display().to_string(),
                        message: &e.message,
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        EntitiesFormat::Tsv => tsv(out, &stories)?,
    }
    for e in &errors {
        writeln!(err, "error: {}: {}", e.path.display(), e.message)?;
    }
    Ok(if errors.is_empty() {
        exit::CLEAN
    } else {
        exit::TROUBLE
    })
}
