//! Running each rule's `examples.match` and `examples.pass` (`copydesk rules test`, and the
//! server when it loads a sheet).

use std::fmt;
use std::path::PathBuf;

use super::{DeskRules, Scope};
use crate::article::{self, Format};
use crate::span::Span;

/// An example that did not do what its sheet says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFailure {
    pub path: PathBuf,
    /// 1-based line and column (characters) of the example string in the sheet.
    pub line: usize,
    pub column: usize,
    /// Byte span of the example string in the sheet.
    pub span: Span,
    pub code: &'static str,
    pub example: String,
    /// `examples.match` (it did not raise the rule) or `examples.pass` (it did).
    pub must_match: bool,
    /// The sheet's text, for converting the span to editor positions.
    pub text: std::sync::Arc<str>,
}

impl ExampleFailure {
    /// `rule CODE: example "…" did not match` (without the position).
    pub fn message(&self) -> String {
        if self.must_match {
            format!(
                "rule {}: example \"{}\" did not match",
                self.code, self.example
            )
        } else {
            format!(
                "rule {}: pass example \"{}\" matched, but should pass",
                self.code, self.example
            )
        }
    }
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message()
        )
    }
}

/// The article an example is checked in: the example is placed in the first part of an
/// article the rule runs in (a body paragraph, the headline, the dateline or a trailer).
/// Returns the text, its format, and where the example lies in it.
fn example_article(scope: Scope, example: &str) -> (String, Format, Span) {
    let (prefix, suffix, format) = if scope.has(Scope::BODY) || scope.has(Scope::QUOTATION) {
        ("Desk rule example\n\n", "\n", Format::Plain)
    } else if scope.has(Scope::HEADLINE) {
        ("# ", "\n\nOfficials said on Monday.\n", Format::Markdown)
    } else if scope.has(Scope::DATELINE) {
        ("Desk rule example\n\n", "\n", Format::Plain)
    } else {
        (
            "Desk rule example\n\nOfficials said on Monday.\n\n",
            "\n",
            Format::Plain,
        )
    };
    let text = format!("{prefix}{example}{suffix}");
    let span = Span::new(prefix.len(), prefix.len() + example.len());
    (text, format, span)
}

/// Run every example of every rule; the failures, in sheet order.
pub fn run_examples(desk: &DeskRules) -> Vec<ExampleFailure> {
    let Some(compiled) = desk.0.as_deref() else {
        return Vec::new();
    };
    let mut failures = Vec::new();
    let mut levels = vec![None; compiled.rules.len()];
    for (ri, rule) in compiled.rules.iter().enumerate() {
        levels[ri] = Some(rule.severity);
        for ex in &rule.examples {
            let (text, format, at) = example_article(rule.scope, &ex.text);
            let article = article::parse(&text, format);
            let mut found = Vec::new();
            compiled
                .matcher
                .run(&compiled.rules, &levels, &text, &article, &mut found);
            let hit = found
                .iter()
                .any(|f| f.span.start >= at.start && f.span.end <= at.end);
            if hit != ex.must_match {
                let src = &compiled.sources[ex.source];
                let (line, column) = super::line_col(&src.text, ex.span.start);
                failures.push(ExampleFailure {
                    path: src.path.clone(),
                    line,
                    column,
                    span: ex.span,
                    code: rule.code,
                    example: ex.text.clone(),
                    must_match: ex.must_match,
                    text: src.text.clone(),
                });
            }
        }
        levels[ri] = None;
    }
    failures
}
