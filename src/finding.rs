//! What a check reports: [`Finding`]s with their [`Fix`]es ([`Edit`]s) and [`Related`]
//! places, at a [`Severity`]; and [`RuleMeta`], what every rule declares about itself.
//!
//! Below the article model, so that everything above it (the quotation reader's
//! typographic edits, the entities' rename edits, the rules) shares one vocabulary.
//! [`crate::rules`] re-exports every item, so `rules::Finding` still names them.

use serde::Serialize;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable, kebab-case, `family/name`.
    pub code: &'static str,
    pub default_severity: Severity,
    /// One line for `copydesk rules`.
    pub summary: &'static str,
    /// The rule's doc comment, Markdown.
    pub docs: &'static str,
}

impl RuleMeta {
    pub fn family(&self) -> &'static str {
        self.code.split('/').next().unwrap_or(self.code)
    }
}

/// A text replacement, in bytes of the analysed text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A fix offered for a finding: one or more edits applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The fix is certain: editors may apply it without asking.
    pub preferred: bool,
}

impl Fix {
    pub fn replace(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            preferred: true,
        }
    }

    pub fn not_preferred(mut self) -> Fix {
        self.preferred = false;
        self
    }
}

/// Another place that explains a finding (where a paragraph ends, the first reference).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    /// In the analysed text; unused (empty) when the place is in another file (`file`).
    pub span: Span,
    pub message: String,
    /// The place is in another file (another story of the folder: `names/spelling-drift`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<Box<FilePlace>>,
}

/// A line and column in a text, the column counted in each unit a reader may ask for
/// (UTF-8 bytes, UTF-16 code units, characters): kept for a file whose text is not at hand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct LineCol {
    /// 0-based.
    pub line: u32,
    pub utf8: u32,
    pub utf16: u32,
    pub chars: u32,
}

/// A range in another file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FilePlace {
    pub path: std::path::PathBuf,
    pub start: LineCol,
    pub end: LineCol,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Finding {
    pub fn new(meta: &RuleMeta, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            code: meta.code,
            severity: meta.default_severity,
            span,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fixes.push(fix);
        self
    }

    /// [`Finding::shifted`] in place: the same spans moved, nothing copied.
    pub fn into_shifted(mut self, by: usize) -> Finding {
        let at = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
        at(&mut self.span);
        for f in &mut self.fixes {
            for e in &mut f.edits {
                at(&mut e.span);
            }
        }
        for r in &mut self.related {
            if r.file.is_none() {
                at(&mut r.span);
            }
        }
        self
    }

    /// The finding with every span (its own, its fixes' edits, its related places) moved
    /// `by` bytes later: a paragraph rule's finding, relative to the paragraph, placed in
    /// the whole text.
    pub fn shifted(&self, by: usize) -> Finding {
        let at = |s: Span| Span::new(s.start + by, s.end + by);
        Finding {
            code: self.code,
            severity: self.severity,
            span: at(self.span),
            message: self.message.clone(),
            fixes: self
                .fixes
                .iter()
                .map(|f| Fix {
                    title: f.title.clone(),
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            span: at(e.span),
                            replacement: e.replacement.clone(),
                        })
                        .collect(),
                    preferred: f.preferred,
                })
                .collect(),
            related: self
                .related
                .iter()
                .map(|r| Related {
                    span: if r.file.is_some() { r.span } else { at(r.span) },
                    message: r.message.clone(),
                    file: r.file.clone(),
                })
                .collect(),
        }
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            span,
            message: message.into(),
            file: None,
        });
        self
    }
}
