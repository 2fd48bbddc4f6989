//! The rule catalogue: `copydesk rules`, the generated pages `docs/rules/<family>/<name>.md`,
//! and the links to them that diagnostics carry.
//!
//! Everything here is generic over [`rules::all()`]: a new rule gets its page from its doc
//! comment when the pages are regenerated (`copydesk rules --write-docs docs/rules`, or
//! `UPDATE_DOCS=1 cargo test --test rule_docs`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::Config;
use crate::rules::{self, docs_markdown, RuleMeta, Severity};

/// The generated pages in the source tree, as a `file://` URL: where links point when no
/// `docs_base_url` is configured.
pub const DEFAULT_DOCS_BASE: &str = concat!("file://", env!("CARGO_MANIFEST_DIR"), "/docs/rules/");

/// The folder of the generated pages in the source tree.
pub const DOCS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules");

const GENERATED: &str = "<!-- Generated from the rule's doc comment by `copydesk rules --write-docs docs/rules`; do not edit. -->";

/// The base URL in force: the configured one (with a `/` added if missing) or the default.
pub fn docs_base(config: &Config) -> String {
    match config.docs_base_url.as_deref().map(str::trim) {
        Some(base) if !base.is_empty() => {
            if base.ends_with('/') {
                base.to_string()
            } else {
                format!("{base}/")
            }
        }
        _ => DEFAULT_DOCS_BASE.to_string(),
    }
}

/// The page of the rule `code` (`quotes/unclosed` -> `{base}quotes/unclosed.md`).
pub fn docs_url(config: &Config, code: &str) -> String {
    format!("{}{code}.md", docs_base(config))
}

/// Where a finding of `code` links to: a built-in rule's page, or a desk rule's `url`
/// (none when its sheet gives none).
pub fn rule_url(config: &Config, code: &str) -> Option<String> {
    match crate::sheets::DeskRules::of(config).get(code) {
        Some(desk) => desk.url.clone(),
        None => Some(docs_url(config, code)),
    }
}

/// One line of `copydesk rules --format json`.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub code: &'static str,
    pub family: &'static str,
    pub default_severity: Severity,
    pub summary: String,
    /// The rule's page; a desk rule without a `url` has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs_url: Option<String>,
    /// The sheet a desk rule comes from; absent for built-in rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// Every rule in force under `config`: the built-in ones, then the desk's (rule sheets).
pub fn entries(config: &Config) -> Vec<Entry> {
    let mut out: Vec<Entry> = rules::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            Entry {
                code: m.code,
                family: m.family(),
                default_severity: m.default_severity,
                summary: m.summary.to_string(),
                docs_url: Some(docs_url(config, m.code)),
                sheet: None,
            }
        })
        .collect();
    let desk = crate::sheets::DeskRules::of(config);
    for r in desk.rules() {
        out.push(Entry {
            code: r.code,
            family: r.family(),
            default_severity: r.severity,
            summary: r.summary(),
            docs_url: r.url.clone(),
            sheet: desk.source_of(r).map(|p| p.display().to_string()),
        });
    }
    out
}

/// The human table of the built-in rules: code, default severity, summary.
pub fn table() -> String {
    table_for(&Config::default())
}

/// The human table of every rule in force under `config`, desk rules included.
pub fn table_for(config: &Config) -> String {
    let entries = entries(config);
    let width = entries.iter().map(|e| e.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for e in &entries {
        let _ = writeln!(
            out,
            "{:<width$}  {:<7}  {}",
            e.code,
            e.default_severity.as_str(),
            e.summary
        );
    }
    out
}

/// The page of one rule.
pub fn page(meta: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{GENERATED}\n");
    let _ = writeln!(out, "# `{}`\n", meta.code);
    let _ = writeln!(
        out,
        "Default severity: **{}**. In short: {}.\n",
        meta.default_severity.as_str(),
        meta.summary
    );
    let body = docs_markdown(meta);
    let body = body.trim();
    out.push_str(body);
    out.push('\n');
    let _ = write!(
        out,
        "\n## Configuration\n\n```toml\n[rules]\n\"{}\" = \"{}\"  # off | error | warning | info | hint\n```\n\n\
         To silence it for one paragraph, put `copydesk-ignore: {}` on the line above it.\n\
         For the whole article, write `copydesk-ignore-file: {}` on a line of its own.\n",
        meta.code,
        meta.default_severity.as_str(),
        meta.code,
        meta.code
    );
    out
}

/// The index page: every rule, by family.
pub fn index() -> String {
    let mut by_family: BTreeMap<&str, Vec<&RuleMeta>> = BTreeMap::new();
    for r in rules::all() {
        by_family
            .entry(r.meta().family())
            .or_default()
            .push(r.meta());
    }
    let mut out = String::new();
    let _ = writeln!(out, "{GENERATED}\n");
    let _ = writeln!(out, "# copydesk rules\n");
    let _ = writeln!(
        out,
        "Every rule has a stable code `family/name`. Set its level in `copydesk.toml` under\n\
         `[rules]`; silence it in an article with a `copydesk-ignore:` line.\n"
    );
    for (family, metas) in by_family {
        let _ = writeln!(out, "## {family}\n");
        let _ = writeln!(out, "| code | default | summary |\n| --- | --- | --- |");
        for m in metas {
            let _ = writeln!(
                out,
                "| [`{}`]({}.md) | {} | {} |",
                m.code,
                m.code,
                m.default_severity.as_str(),
                m.summary.replace('|', "\\|")
            );
        }
        out.push('\n');
    }
    out
}

/// Every page that should exist under the docs folder: relative path -> content.
pub fn pages() -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    out.insert(PathBuf::from("README.md"), index());
    for r in rules::all() {
        let m = r.meta();
        out.insert(PathBuf::from(format!("{}.md", m.code)), page(m));
    }
    out
}

/// Write every page under `dir` and delete stale `.md` pages; returns the paths written.
pub fn write_docs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let want = pages();
    for stale in existing_pages(dir)? {
        if !want.contains_key(&stale) {
            std::fs::remove_file(dir.join(&stale))?;
        }
    }
    let mut written = Vec::new();
    for (rel, text) in &want {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// How the pages under `dir` differ from what the rules say: one line per problem.
pub fn drift(dir: &Path) -> io::Result<Vec<String>> {
    let want = pages();
    let mut problems = Vec::new();
    for (rel, text) in &want {
        match std::fs::read_to_string(dir.join(rel)) {
            Ok(have) if have == *text => {}
            Ok(_) => problems.push(format!("{} is out of date", rel.display())),
            Err(_) => problems.push(format!("{} is missing", rel.display())),
        }
    }
    for rel in existing_pages(dir)? {
        if !want.contains_key(&rel) {
            problems.push(format!("{} belongs to no rule", rel.display()));
        }
    }
    Ok(problems)
}

/// The `.md` files below `dir`, relative to it.
fn existing_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        let p = entry.path();
        if entry.file_type().is_file() && p.extension().is_some_and(|e| e == "md") {
            if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_path_buf());
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let mut c = Config::default();
        assert!(docs_url(&c, "quotes/unclosed").starts_with("file:///"));
        assert!(docs_url(&c, "quotes/unclosed").ends_with("/docs/rules/quotes/unclosed.md"));
        c.docs_base_url = Some("https://example.org/rules".into());
        assert_eq!(
            docs_url(&c, "quotes/unclosed"),
            "https://example.org/rules/quotes/unclosed.md"
        );
    }

    #[test]
    fn every_rule_has_a_page_with_its_example() {
        for r in rules::all() {
            let p = page(r.meta());
            assert!(p.contains(&format!("# `{}`", r.meta().code)));
            assert!(p.contains("## Example"), "{}", r.meta().code);
        }
    }
}
