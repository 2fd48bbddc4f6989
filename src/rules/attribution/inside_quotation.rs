use crate::declare_rule;
use crate::rules::places::guard::Guard;
use crate::rules::{Edit, Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// The attribution inside the quotation marks: `“We will go on, the minister said.”`
    ///
    /// The speaker's words are inside the marks and the attribution outside them; a
    /// closing mark typed after the attribution instead of after the quoted words puts
    /// `the minister said` in the minister's mouth. The rule reads a quotation whose last
    /// words, after a comma, are a subject (a pronoun, `the` and a noun or two, or a
    /// capitalized name of up to three words) and `said`, `says` or `added`, ending the
    /// quotation. The fix closes the quotation after the comma.
    ///
    /// Every house style (reported as `info`: a speaker may report someone else's words,
    /// `“… and then, she said, …”`, which the rule leaves alone because the attribution does
    /// not end the quotation). Not in the dateline or tables.
    ///
    /// ## Example
    ///
    /// ```text
    /// “We will go on, the minister said.”
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// “We will go on,” the minister said.
    /// ```
    pub struct InsideQuotation {
        code: "attribution/inside-quotation",
        severity: Info,
        summary: "the attribution (`the minister said`) is inside the quotation marks",
    }
}

const PRONOUNS: &[&str] = &["he", "she", "they", "we"];

/// Whether `tail` (after the quotation's last comma, without the final period) is an
/// attribution: subject + `said`/`says`/`added`.
fn is_attribution(tail: &str) -> bool {
    let words: Vec<&str> = tail.split(' ').collect();
    let Some((&verb, subject)) = words.split_last() else {
        return false;
    };
    if !matches!(verb, "said" | "says" | "added") || subject.is_empty() || subject.len() > 3 {
        return false;
    }
    let title = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '.' || c == '-')
    };
    match subject {
        [p] if PRONOUNS.contains(p) => true,
        ["the", rest @ ..] => {
            !rest.is_empty()
                && rest
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        }
        names => names.iter().all(title),
    }
}

impl Rule for InsideQuotation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let mut guard: Option<Guard> = None;
        for q in cx.quoted {
            let Some(close) = text[q.start..q.end].chars().next_back() else {
                continue;
            };
            if !matches!(close, '”' | '"') || q.end - q.start < 4 {
                continue;
            }
            let close_at = q.end - close.len_utf8();
            let open_len = text[q.start..].chars().next().map_or(1, char::len_utf8);
            let inner = &text[q.start + open_len..close_at];
            let Some(body) = inner.strip_suffix('.') else {
                continue;
            };
            let Some(comma) = body.rfind(", ") else {
                continue;
            };
            let tail = &body[comma + 2..];
            if !is_attribution(tail) || body[..comma].trim().is_empty() {
                continue;
            }
            // Nested marks inside make the reading unsure.
            if inner.contains(['“', '"', '‘']) {
                continue;
            }
            let comma_at = q.start + open_len + comma;
            let span = Span::new(comma_at + 2, close_at - 1);
            let g = guard.get_or_insert_with(|| Guard::new(cx));
            if g.table || span.start < g.body_start {
                continue;
            }
            let mark = close.to_string();
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("the attribution `{tail}` is inside the quotation marks"),
                )
                .with_fix(Fix {
                    title: "Close the quotation before the attribution".to_string(),
                    edits: vec![
                        Edit {
                            span: Span::empty(comma_at + 1),
                            replacement: mark,
                        },
                        Edit {
                            span: Span::new(close_at, q.end),
                            replacement: String::new(),
                        },
                    ],
                    preferred: true,
                }),
            );
        }
    }
}
