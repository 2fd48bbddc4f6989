//! Output for CI: SARIF 2.1.0 (code-scanning views) and GitHub workflow annotations.
//!
//! SARIF is written with our own serde structs for the subset we emit;
//! `tests/cli_output.rs` validates it against the OASIS SARIF 2.1.0 schema.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::{FileError, FileReport};
use crate::catalogue;
use crate::config::Config;
use crate::rules::{self, docs_markdown, Severity};
use crate::span::Span;
use crate::text::{Encoding, LineIndex};

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: Vec<Invocation>,
    /// Columns count Unicode code points, as in the human and JSON output.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: String,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: DefaultConfiguration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct DefaultConfiguration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    /// The column after the region's last character.
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative path as a URI reference (`/` separators, percent-encoded); an absolute path
/// as a `file://` URL.
pub fn uri(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut out = String::new();
    if path.is_absolute() {
        out.push_str("file://");
        if !s.starts_with('/') {
            out.push('/');
        }
    }
    let s = s.strip_prefix("./").unwrap_or(&s);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(text: &str, lines: &LineIndex, span: Span) -> Region {
    let (s, e) = lines.range(text, span, Encoding::Utf32);
    Region {
        start_line: s.line + 1,
        start_column: s.column + 1,
        end_line: e.line + 1,
        end_column: e.column + 1,
    }
}

/// Write one SARIF 2.1.0 log for the whole run.
pub fn sarif(
    out: &mut dyn Write,
    reports: &[FileReport],
    errors: &[FileError],
    config: &Config,
) -> io::Result<()> {
    let all = rules::all();
    // Desk rules (rule sheets) follow the built-in ones in the rule table.
    let desk_rules = crate::sheets::DeskRules::of(config);
    let desk = desk_rules.rules();
    let index_of = |code: &str| {
        all.iter().position(|r| r.meta().code == code).or_else(|| {
            desk.iter()
                .position(|r| r.code == code)
                .map(|i| all.len() + i)
        })
    };
    let mut descriptors: Vec<Descriptor> = all
        .iter()
        .map(|r| {
            let m = r.meta();
            let docs = docs_markdown(m);
            let first = docs.lines().next().unwrap_or(m.summary).trim().to_string();
            Descriptor {
                id: m.code,
                name: m.code.replace('/', "-"),
                short_description: Text {
                    text: m.summary.to_string(),
                },
                full_description: Text { text: first },
                help: Help {
                    text: docs.clone(),
                    markdown: docs,
                },
                help_uri: Some(catalogue::docs_url(config, m.code)),
                default_configuration: DefaultConfiguration {
                    level: level(m.default_severity),
                },
            }
        })
        .collect();
    descriptors.extend(desk.iter().map(|r| {
        let docs = r.docs();
        Descriptor {
            id: r.code,
            name: r.code.replace('/', "-"),
            short_description: Text { text: r.summary() },
            full_description: Text {
                text: r.message.clone(),
            },
            help: Help {
                text: docs.clone(),
                markdown: docs,
            },
            help_uri: r.url.clone(),
            default_configuration: DefaultConfiguration {
                level: level(r.severity),
            },
        }
    }));
    let mut results = Vec::new();
    for rep in reports {
        let lines = LineIndex::new(&rep.text);
        let artifact = uri(&rep.path);
        for f in &rep.findings {
            let Some(rule_index) = index_of(f.code) else {
                continue;
            };
            let physical = |span| PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: artifact.clone(),
                },
                region: Some(region(&rep.text, &lines, span)),
            };
            results.push(SarifResult {
                rule_id: f.code,
                rule_index,
                level: level(f.severity),
                message: Text {
                    text: f.message.clone(),
                },
                locations: vec![Location {
                    physical_location: physical(f.span),
                }],
                related_locations: f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| RelatedLocation {
                        id: i,
                        physical_location: match &r.file {
                            // Another story of the folder (`names/spelling-drift`).
                            Some(place) => PhysicalLocation {
                                artifact_location: ArtifactLocation {
                                    uri: uri(&place.path),
                                },
                                region: Some(Region {
                                    start_line: place.start.line + 1,
                                    start_column: place.start.chars + 1,
                                    end_line: place.end.line + 1,
                                    end_column: place.end.chars + 1,
                                }),
                            },
                            None => physical(r.span),
                        },
                        message: Text {
                            text: r.message.clone(),
                        },
                    })
                    .collect(),
                fixes: f
                    .fixes
                    .iter()
                    .map(|fix| SarifFix {
                        description: Text {
                            text: fix.title.clone(),
                        },
                        artifact_changes: vec![ArtifactChange {
                            artifact_location: ArtifactLocation {
                                uri: artifact.clone(),
                            },
                            replacements: fix
                                .edits
                                .iter()
                                .map(|e| Replacement {
                                    deleted_region: region(&rep.text, &lines, e.span),
                                    inserted_content: Text {
                                        text: e.replacement.clone(),
                                    },
                                })
                                .collect(),
                        }],
                    })
                    .collect(),
            });
        }
    }
    let notifications = errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Text {
                text: e.located_message(),
            },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri(&e.path) },
                    region: None,
                },
            }],
        })
        .collect();
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "copydesk",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: catalogue::docs_base(config),
                    rules: descriptors,
                },
            },
            invocations: vec![Invocation {
                execution_successful: errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// Escape a workflow command's message (`%`, CR, LF).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value (also `:` and `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub workflow annotations, one line per finding:
/// `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE`.
/// Lines and columns are 1-based; columns count characters and `endColumn` is the last
/// character's column (GitHub shows columns only when the finding is on one line).
pub fn github(out: &mut dyn Write, reports: &[FileReport], errors: &[FileError]) -> io::Result<()> {
    for rep in reports {
        let lines = LineIndex::new(&rep.text);
        let file = escape_property(&rep.path.display().to_string());
        for f in &rep.findings {
            let (s, e) = lines.range(&rep.text, f.span, Encoding::Utf32);
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let (line, col) = (s.line + 1, s.column + 1);
            let end_line = e.line + 1;
            let end_col = if e.line == s.line {
                e.column.max(s.column + 1)
            } else {
                e.column.max(1)
            };
            writeln!(
                out,
                "::{command} file={file},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                escape_property(f.code),
                escape_data(&f.message)
            )?;
        }
    }
    for e in errors {
        let file = escape_property(&e.path.display().to_string());
        match e.position {
            Some((line, col)) => writeln!(
                out,
                "::error file={file},line={line},col={col},title=copydesk::{}",
                escape_data(&e.message)
            )?,
            None => writeln!(
                out,
                "::error file={file},title=copydesk::{}",
                escape_data(&e.message)
            )?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn uris() {
        assert_eq!(uri(Path::new("./desk/a b.txt")), "desk/a%20b.txt");
        assert_eq!(uri(Path::new("/tmp/x.md")), "file:///tmp/x.md");
        assert_eq!(uri(Path::new("é.txt")), "%C3%A9.txt");
    }
}
