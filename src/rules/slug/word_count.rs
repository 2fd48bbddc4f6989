use crate::article::{Article, MetaKind};
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The word count a slug line gives differs from the body's by more than 10 %.
    ///
    /// The desk budgets a story's length on its slug, and the count goes out with it;
    /// after the story is cut or extended the slug should say so. Read forms:
    ///
    /// - AP's keyword slug with the count after a comma: `BC-Council-Budget,650` or
    ///   `BC-US--Council Budget, 650`;
    /// - a slug (or any metadata line above the story) ending in `(650 words)`, as
    ///   Reuters budget lines give it: `USA-BUDGET/ (650 words)`;
    /// - a `Words: 650` or `Word count: 650` field.
    ///
    /// The body's count is the words of its paragraphs (the dateline counts; the
    /// headline, slug, subheads, end mark and trailers do not; `—` alone is no word), the
    /// same count as the story facts on the headline in the editor. The finding is on
    /// the slug's number; with a 10 % drift allowed, small edits never raise it. All
    /// styles. The quick fix writes the body's count into the slug (not applied by
    /// fix-all: the drift may mean the story wants cutting, not the slug updating).
    ///
    /// ## Example
    ///
    /// ```text
    /// BC-Council-Budget,650
    /// Council approves budget
    ///
    /// DALLAS (AP) — The council voted 9-2 on Tuesday to approve the budget.
    /// ```
    ///
    /// The body has 12 words, not about 650: write `BC-Council-Budget,12` (or restore the
    /// story's length).
    pub struct WordCount {
        code: "slug/word-count",
        severity: Info,
        summary: "the slug's word count differs from the body's by more than 10 %",
    }
}

/// How far the body's count may drift from the slug's: a tenth of it.
pub const TOLERANCE: f64 = 0.10;

/// The word count a metadata line gives, and where its digits are: `BC-…,650`,
/// `… (650 words)`, `Words: 650`.
pub fn slug_count(line: &str, kind: MetaKind) -> Option<(usize, Span)> {
    let t = line.trim_end();
    let digits_before = |s: &str| {
        let n = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (n > 0 && n <= 6).then(|| Span::new(s.len() - n, s.len()))
    };
    let span = if let Some(inner) = t
        .strip_suffix(" words)")
        .or_else(|| t.strip_suffix(" Words)"))
    {
        // `(650 words)`: digits right after the parenthesis.
        digits_before(inner).filter(|d| inner[..d.start].ends_with('('))
    } else if kind == MetaKind::Slug && t.starts_with("BC-") {
        digits_before(t).filter(|d| t[..d.start].trim_end().ends_with(','))
    } else if kind == MetaKind::Field {
        let lower = t.to_ascii_lowercase();
        let value = ["words", "word count"].iter().find_map(|k| {
            lower
                .strip_prefix(k)
                .and_then(|r| r.trim_start().strip_prefix(':'))
                .map(|v| t.len() - v.len())
        })?;
        let v = t[value..].trim_start();
        let at = t.len() - v.len();
        (!v.is_empty() && v.len() <= 6 && v.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Span::new(at, t.len()))
    } else {
        None
    }?;
    let n: usize = t[span.start..span.end].parse().ok()?;
    (n > 0).then_some((n, span))
}

/// The count `n` written as `like` was (`0650` keeps its width).
fn written_like(n: usize, like: &str) -> String {
    if like.starts_with('0') {
        format!("{n:0width$}", width = like.len())
    } else {
        n.to_string()
    }
}

fn check_story(cx: &Context<'_>, story: &Article, out: &mut Vec<Finding>) {
    // Cheap: a look at the story's few metadata lines; nothing more without a count.
    let counts = story
        .metadata
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                MetaKind::Slug | MetaKind::Field | MetaKind::Advisory
            )
        })
        .filter_map(|m| {
            let (n, at) = slug_count(m.span.text(cx.text), m.kind)?;
            Some((n, Span::new(m.span.start + at.start, m.span.start + at.end)))
        });
    let mut body = None;
    for (said, span) in counts {
        let words = *body.get_or_insert_with(|| crate::article::body_words(story, cx.text));
        let drift = (words as f64 - said as f64) / said as f64;
        if drift.abs() <= TOLERANCE {
            continue;
        }
        let written = span.text(cx.text);
        out.push(
            Finding::new(
                &WordCount::META,
                span,
                format!(
                    "the slug says {said} words, the body has {words} ({:+.0} %)",
                    drift * 100.0
                ),
            )
            .with_fix(
                Fix::replace(
                    format!("Write the body's count: {words}"),
                    span,
                    written_like(words, written),
                )
                .not_preferred(),
            ),
        );
    }
}

impl Rule for WordCount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.article.metadata.is_empty() {
            return;
        }
        check_story(cx, cx.article, out);
    }
}
