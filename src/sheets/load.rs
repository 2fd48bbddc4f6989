//! Reading sheets: `[[sheet.rule]]` in `copydesk.toml` and `[[rule]]` in the files that
//! `sheets = [...]` names, with the byte span of every value so that each mistake is
//! reported at its file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::{self, Deserializer};
use serde::Deserialize;
use toml::Spanned;

use super::{intern, DeskRule, Example, Kind, Phrase, Scope, SheetError, Source};
use crate::config::Style;
use crate::rules::Severity;
use crate::span::Span;

/// The top level of a sheet file, and `[sheet]` in `copydesk.toml`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SheetSpec {
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

/// The parts of `copydesk.toml` the sheets need.
#[derive(Deserialize, Default)]
struct ConfigPart {
    #[serde(default)]
    sheet: Option<SheetSpec>,
    #[serde(default)]
    sheets: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    code: Spanned<String>,
    message: Spanned<String>,
    #[serde(default)]
    severity: Option<Spanned<String>>,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    substitute: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    #[serde(default)]
    forbid: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pattern: Option<Spanned<String>>,
    #[serde(default)]
    replace: Option<Spanned<String>>,
    #[serde(default)]
    ignore_case: bool,
    #[serde(default)]
    scope: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    styles: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    unless_before: Vec<String>,
    #[serde(default)]
    unless_after: Vec<String>,
    #[serde(default)]
    examples: Option<ExamplesSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExamplesSpec {
    #[serde(default, rename = "match")]
    must_match: Vec<Spanned<String>>,
    #[serde(default)]
    pass: Vec<Spanned<String>>,
}

/// `scope = "headline"` or `scope = ["headline", "body"]`.
struct OneOrMany(Vec<Spanned<String>>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<OneOrMany, E> {
                // A lone string has no span of its own here; the caller uses the key's.
                Ok(OneOrMany(vec![Spanned::new(
                    usize::MAX..usize::MAX,
                    s.into(),
                )]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut v = Vec::new();
                while let Some(s) = seq.next_element::<Spanned<String>>()? {
                    v.push(s);
                }
                Ok(OneOrMany(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// What loading found: the rules that are valid, and every mistake.
#[derive(Default)]
pub(super) struct Loaded {
    pub rules: Vec<DeskRule>,
    pub sources: Vec<Source>,
    pub errors: Vec<SheetError>,
    /// `[rules]` keys of the configuration, for checking once the desk codes are known.
    pub level_keys: Vec<(String, Span)>,
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    Span::from(s.span())
}

impl Loaded {
    fn error(&mut self, source: usize, span: Span, message: impl Into<String>) {
        let src = &self.sources[source];
        self.errors.push(SheetError::new(
            src.path.clone(),
            src.text.clone(),
            Some(span),
            message.into(),
        ));
    }

    fn add_source(&mut self, path: PathBuf, text: Arc<str>) -> usize {
        self.sources.push(Source { path, text });
        self.sources.len() - 1
    }

    /// Parse one sheet (a file, or `copydesk.toml`'s `[sheet]`) into rules.
    fn read_rules(&mut self, source: usize, spec: SheetSpec) {
        for rule in spec.rule {
            if let Some(r) = self.read_rule(source, rule) {
                self.rules.push(r);
            }
        }
    }

    fn read_rule(&mut self, source: usize, r: RuleSpec) -> Option<DeskRule> {
        let code_span = span_of(&r.code);
        let code = r.code.get_ref().trim().to_string();
        if let Some(why) = bad_code(&code) {
            self.error(source, code_span, why);
            return None;
        }
        let severity = match &r.severity {
            None => Severity::Warning,
            Some(s) => match s.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                "hint" => Severity::Hint,
                other => {
                    self.error(
                        source,
                        span_of(s),
                        format!("rule {code}: unknown severity `{other}`; expected error, warning, info or hint"),
                    );
                    return None;
                }
            },
        };
        let given: Vec<&str> = [
            r.substitute.as_ref().map(|_| "substitute"),
            r.forbid.as_ref().map(|_| "forbid"),
            r.pattern.as_ref().map(|_| "pattern"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if given.len() != 1 {
            let message = if given.is_empty() {
                format!("rule {code} has nothing to match: give one of `substitute`, `forbid` or `pattern`")
            } else {
                format!(
                    "rule {code} gives {}: a rule has exactly one of `substitute`, `forbid` or `pattern`",
                    given.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(" and ")
                )
            };
            self.error(source, code_span, message);
            return None;
        }
        if r.replace.is_some() && r.pattern.is_none() {
            let span = r.replace.as_ref().map(span_of).unwrap_or(code_span);
            self.error(
                source,
                span,
                format!("rule {code}: `replace` goes with `pattern` (a substitution's fixes are its values)"),
            );
            return None;
        }
        let kind = if let Some(map) = &r.substitute {
            if map.get_ref().is_empty() {
                self.error(
                    source,
                    span_of(map),
                    format!("rule {code}: `substitute` is empty"),
                );
                return None;
            }
            let mut phrases = Vec::new();
            for (from, to) in map.get_ref() {
                if from.get_ref().trim().is_empty() {
                    self.error(
                        source,
                        span_of(from),
                        format!("rule {code}: an empty phrase in `substitute`"),
                    );
                    return None;
                }
                phrases.push(Phrase {
                    text: from.get_ref().trim().to_string(),
                    replacement: Some(to.get_ref().clone()),
                });
            }
            Kind::Phrases {
                phrases,
                ignore_case: r.ignore_case,
            }
        } else if let Some(list) = &r.forbid {
            if list.get_ref().is_empty() {
                self.error(
                    source,
                    span_of(list),
                    format!("rule {code}: `forbid` is empty"),
                );
                return None;
            }
            let mut phrases = Vec::new();
            for p in list.get_ref() {
                if p.get_ref().trim().is_empty() {
                    self.error(
                        source,
                        span_of(p),
                        format!("rule {code}: an empty phrase in `forbid`"),
                    );
                    return None;
                }
                phrases.push(Phrase {
                    text: p.get_ref().trim().to_string(),
                    replacement: None,
                });
            }
            Kind::Phrases {
                phrases,
                ignore_case: r.ignore_case,
            }
        } else {
            let pattern = r.pattern.as_ref()?;
            let source_text = if r.ignore_case {
                format!("(?i:{})", pattern.get_ref())
            } else {
                pattern.get_ref().clone()
            };
            let regex = match regex::Regex::new(&source_text) {
                Ok(re) => re,
                Err(e) => {
                    self.error(
                        source,
                        span_of(pattern),
                        format!(
                            "rule {code}: invalid regular expression: {}",
                            regex_error(&e)
                        ),
                    );
                    return None;
                }
            };
            if regex.is_match("") {
                self.error(
                    source,
                    span_of(pattern),
                    format!("rule {code}: the pattern matches the empty string, so it would fire everywhere"),
                );
                return None;
            }
            if let Some(rep) = &r.replace {
                if let Some(group) = missing_group(&regex, rep.get_ref()) {
                    self.error(
                        source,
                        span_of(rep),
                        format!("rule {code}: `replace` names the group `{group}`, which the pattern does not have"),
                    );
                    return None;
                }
            }
            Kind::Pattern {
                source: source_text,
                regex,
                replace: r.replace.as_ref().map(|s| s.get_ref().clone()),
            }
        };
        let scope = match &r.scope {
            None => Scope::BODY,
            Some(list) => {
                let mut scope = Scope::default();
                for s in &list.get_ref().0 {
                    let span = if s.span().start == usize::MAX {
                        span_of(list)
                    } else {
                        span_of(s)
                    };
                    match Scope::parse(s.get_ref()) {
                        Some(bit) => scope = scope.with(bit),
                        None => {
                            self.error(
                                source,
                                span,
                                format!(
                                    "rule {code}: unknown scope `{}`; expected headline, dateline, body, quotation or trailer",
                                    s.get_ref()
                                ),
                            );
                            return None;
                        }
                    }
                }
                if scope.is_empty() {
                    self.error(
                        source,
                        span_of(list),
                        format!("rule {code}: `scope` is empty"),
                    );
                    return None;
                }
                scope
            }
        };
        let mut styles = Vec::new();
        if let Some(list) = &r.styles {
            for s in &list.get_ref().0 {
                let span = if s.span().start == usize::MAX {
                    span_of(list)
                } else {
                    span_of(s)
                };
                match Style::parse(s.get_ref()) {
                    Some(st) => styles.push(st),
                    None => {
                        self.error(
                            source,
                            span,
                            format!(
                                "rule {code}: unknown style `{}`; expected ap, upi, reuters, afp, xinhua, bloomberg or generic",
                                s.get_ref()
                            ),
                        );
                        return None;
                    }
                }
            }
        }
        let mut examples = Vec::new();
        if let Some(ex) = r.examples {
            for (list, must_match) in [(ex.must_match, true), (ex.pass, false)] {
                for e in list {
                    examples.push(Example {
                        text: e.get_ref().clone(),
                        must_match,
                        source,
                        span: span_of(&e),
                    });
                }
            }
        }
        Some(DeskRule {
            code: intern(&code),
            code_span,
            source,
            message: r.message.get_ref().clone(),
            severity,
            url: r.url.map(|u| u.into_inner()),
            kind,
            scope,
            styles,
            unless_before: r
                .unless_before
                .iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect(),
            unless_after: r
                .unless_after
                .iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect(),
            examples,
        })
    }
}

/// Why `code` cannot be a desk rule's code, if it cannot.
fn bad_code(code: &str) -> Option<String> {
    let kebab = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let Some((family, name)) = code.split_once('/') else {
        return Some(format!(
            "rule code `{code}` must be `family/name` in lower-case kebab-case (`desk/kyiv`)"
        ));
    };
    if !kebab(family) || !kebab(name) {
        return Some(format!(
            "rule code `{code}` must be `family/name` in lower-case kebab-case (`desk/kyiv`)"
        ));
    }
    if crate::rules::by_code(code).is_some() {
        return Some(format!(
            "rule code `{code}` is a built-in rule; give the desk rule a family of its own (`desk/{name}`)"
        ));
    }
    if BUILT_IN_FAMILIES.contains(&family)
        || crate::rules::all()
            .iter()
            .any(|r| r.meta().family() == family)
    {
        return Some(format!(
            "rule code `{code}` is in the built-in family `{family}`; give the desk rule a family of its own (`desk/{name}`)"
        ));
    }
    None
}

/// Families copydesk uses for itself beyond the rules' (`config/invalid`, sheet problems).
const BUILT_IN_FAMILIES: &[&str] = &["config", "sheet"];

/// The regex crate's message, on one line.
fn regex_error(e: &regex::Error) -> String {
    match e {
        regex::Error::Syntax(s) => {
            // The crate's message draws the pattern with a caret; keep its last line.
            let last = s
                .lines()
                .rev()
                .find(|l| l.starts_with("error:"))
                .unwrap_or(s);
            last.trim_start_matches("error:").trim().to_string()
        }
        regex::Error::CompiledTooBig(limit) => {
            format!("the compiled pattern is larger than the limit of {limit} bytes")
        }
        other => other.to_string(),
    }
}

/// A `$name` / `${name}` / `$1` in `replace` that the pattern has no group for.
fn missing_group(re: &regex::Regex, replace: &str) -> Option<String> {
    let b = replace.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        if b.get(i + 1) == Some(&b'$') {
            i += 2;
            continue;
        }
        let (name, next) = if b.get(i + 1) == Some(&b'{') {
            match replace[i + 2..].find('}') {
                Some(end) => (&replace[i + 2..i + 2 + end], i + 3 + end),
                None => return Some(replace[i + 1..].to_string()),
            }
        } else {
            let len = replace[i + 1..]
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
                .count();
            (&replace[i + 1..i + 1 + len], i + 1 + len)
        };
        if !name.is_empty() {
            let known = match name.parse::<usize>() {
                Ok(n) => n < re.captures_len(),
                Err(_) => re.capture_names().flatten().any(|g| g == name),
            };
            if !known {
                return Some(name.to_string());
            }
        }
        i = next.max(i + 1);
    }
    None
}

/// The message of a `toml` error without its position (the caller adds file, line, column).
fn toml_error(e: &toml::de::Error) -> String {
    let m = e.message().trim();
    // serde's "unknown field `x`, expected one of ..." for a rule: name the key and the
    // key it was probably meant to be.
    if let Some(rest) = m.strip_prefix("unknown field `") {
        if let Some((key, expected)) = rest.split_once('`') {
            let keys: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            let near = keys
                .iter()
                .find(|k| strsim::damerau_levenshtein(k, key) <= 2)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_else(|| {
                    format!(
                        "; expected {}",
                        keys.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            return format!("unknown key `{key}`{near}");
        }
    }
    m.to_string()
}

/// Parse `text` as `T`; when a rule table is bad, report it and parse again with that
/// table blanked out (offsets kept), so one mistake does not discard the other rules.
fn parse_lenient<T: serde::de::DeserializeOwned + Default>(
    loaded: &mut Loaded,
    source: usize,
) -> T {
    let mut text = loaded.sources[source].text.to_string();
    for _ in 0..256 {
        match toml::from_str::<T>(&text) {
            Ok(v) => return v,
            Err(e) => {
                let span = e.span().map(Span::from);
                loaded.error(source, span.unwrap_or_default(), toml_error(&e));
                match span.and_then(|s| rule_table_around(&text, s.start)) {
                    Some(table) => blank(&mut text, table),
                    None => return T::default(),
                }
            }
        }
    }
    T::default()
}

/// The `[[rule]]` / `[[sheet.rule]]` table (header to the next table that is not one of
/// its sub-tables) holding byte `at`.
fn rule_table_around(text: &str, at: usize) -> Option<Span> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let header = |i: usize| text[i..].trim_start().starts_with("[[");
    let start = *starts.iter().rev().find(|&&i| i <= at && header(i))?;
    let end = starts
        .iter()
        .copied()
        .find(|&i| {
            i > start && {
                let t = text[i..].trim_start();
                t.starts_with("[[")
                    || (t.starts_with('[')
                        && !t.starts_with("[rule.")
                        && !t.starts_with("[sheet.rule."))
            }
        })
        .unwrap_or(text.len());
    (end > start).then_some(Span::new(start, end))
}

/// Replace every character of `span` but line breaks with spaces (offsets unchanged).
fn blank(text: &mut String, span: Span) {
    let blanked: String = text[span.start..span.end]
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                c.to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(span.start..span.end, &blanked);
}

/// Read every sheet of the configuration in `config_text` (at `config_path`): its own
/// `[[sheet.rule]]` and each file `sheets` names, relative to the configuration's folder.
pub(super) fn load(config_text: &str, config_path: &Path) -> Loaded {
    let mut loaded = Loaded::default();
    let config_src = loaded.add_source(config_path.to_path_buf(), Arc::from(config_text));
    let part: ConfigPart = parse_lenient(&mut loaded, config_src);
    loaded.level_keys = part
        .rules
        .keys()
        .map(|k| (k.get_ref().clone(), span_of(k)))
        .collect();
    if let Some(spec) = part.sheet {
        loaded.read_rules(config_src, spec);
    }
    let root = config_path.parent().unwrap_or(Path::new("."));
    for file in &part.sheets {
        let path = root.join(file.get_ref());
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                loaded.error(
                    config_src,
                    span_of(file),
                    format!("cannot read rule sheet {}: {e}", path.display()),
                );
                continue;
            }
        };
        let src = loaded.add_source(path, Arc::from(text.as_str()));
        let spec: SheetSpec = parse_lenient(&mut loaded, src);
        loaded.read_rules(src, spec);
    }
    // Duplicate codes: the first stays, later ones are errors at their code.
    let mut seen: BTreeMap<&'static str, ()> = BTreeMap::new();
    let mut dups = Vec::new();
    loaded.rules.retain(|r| {
        if seen.insert(r.code, ()).is_some() {
            dups.push((r.source, r.code_span, r.code));
            false
        } else {
            true
        }
    });
    for (src, span, code) in dups {
        let first = loaded.rules.iter().find(|r| r.code == code).map(|r| {
            let s = &loaded.sources[r.source];
            let (line, col) = super::line_col(&s.text, r.code_span.start);
            format!("{}:{line}:{col}", s.path.display())
        });
        loaded.error(
            src,
            span,
            format!(
                "duplicate rule code `{code}`; it is already defined at {}",
                first.unwrap_or_default()
            ),
        );
    }
    loaded
}
