//! `copydesk outline FILE...`: what the parser saw in each article (issue 13), so a desk
//! can tell a misread structure from a real finding.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::{self, Format};
use crate::outline::{render_structure, structure, Part};
use crate::text::{Document, Encoding};

#[derive(Serialize)]
struct JsonPart {
    story: usize,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    /// 1-based line and column (characters) of the start and the end.
    start: [u32; 2],
    end: [u32; 2],
    text: String,
}

#[derive(Serialize)]
struct JsonFile {
    path: String,
    stories: usize,
    parts: Vec<JsonPart>,
}

/// The structure of one text, as JSON parts.
fn json_parts(text: &str, parts: Vec<Part>) -> Vec<JsonPart> {
    let doc = Document::new(text, 0);
    parts
        .into_iter()
        .map(|p| {
            let (s, e) = doc.range(p.span, Encoding::Utf32);
            JsonPart {
                story: p.story,
                kind: p.kind,
                detail: p.detail,
                start: [s.line + 1, s.column + 1],
                end: [e.line + 1, e.column + 1],
                text: if p.kind == "story" {
                    String::new()
                } else {
                    p.span.text(text).to_string()
                },
            }
        })
        .collect()
}

/// Print each file's structure. `Ok(false)` when a file could not be read (reported on
/// standard error); the others are still printed.
pub fn run(
    out: &mut dyn Write,
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    json: bool,
) -> io::Result<bool> {
    let mut ok = true;
    let mut files = Vec::new();
    for path in paths {
        let (name, text) = if path.as_os_str() == "-" {
            let mut s = String::new();
            if let Err(e) = io::stdin().read_to_string(&mut s) {
                eprintln!("error: standard input: {e}");
                ok = false;
                continue;
            }
            (
                stdin_filename.map_or_else(|| PathBuf::from("-"), Path::to_path_buf),
                s,
            )
        } else {
            match std::fs::read(path) {
                Ok(bytes) => (path.clone(), String::from_utf8_lossy(&bytes).into_owned()),
                Err(e) => {
                    eprintln!("error: {}: {e}", path.display());
                    ok = false;
                    continue;
                }
            }
        };
        let format = Format::from_path(&name.to_string_lossy());
        let a = article::parse_structure(&text, format);
        if json {
            let parts = structure(&text, &a);
            files.push(JsonFile {
                path: name.display().to_string(),
                stories: a.all_stories().count(),
                parts: json_parts(&text, parts),
            });
        } else {
            if paths.len() > 1 {
                writeln!(out, "== {}", name.display())?;
            }
            out.write_all(render_structure(&text, &a).as_bytes())?;
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &files)?;
        writeln!(out)?;
    }
    Ok(ok)
}
