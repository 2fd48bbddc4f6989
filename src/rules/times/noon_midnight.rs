use super::read_time;
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::dates::checkable;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// `12 noon`, `12 midnight`, `12 p.m.` or `12 a.m.`, where the house writes `noon`
    /// or `midnight`.
    ///
    /// `12 noon` and `12 midnight` say the hour twice; `12 p.m.` and `12 a.m.` are
    /// misread by many readers. Write `noon` (12 p.m.) and `midnight` (12 a.m.). All
    /// styles.
    ///
    /// ## Example
    ///
    /// ```text
    /// The curfew runs from 12 a.m. to 6 a.m.; the market reopens at 12 noon.
    /// ```
    ///
    /// Write instead `from midnight to 6 a.m.` and `at noon`. The quick fix writes the
    /// word.
    pub struct NoonMidnight {
        code: "times/noon-midnight",
        severity: Warning,
        summary: "12 noon, 12 midnight, 12 p.m. or 12 a.m. for noon or midnight",
    }
}

impl Rule for NoonMidnight {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        for f in cx.figures() {
            let written = f.span.text(text);
            let (span, word) = match f.kind {
                // `12 noon`, `12:00 midnight`.
                Kind::Number | Kind::Time if written == "12" || written == "12:00" => {
                    let after = &text[f.span.end..];
                    let Some(word) = ["noon", "midnight"].into_iter().find(|w| {
                        after
                            .strip_prefix(' ')
                            .and_then(|r| r.strip_prefix(w))
                            .is_some_and(|r| {
                                !r.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                            })
                    }) else {
                        continue;
                    };
                    (Span::new(f.span.start, f.span.end + 1 + word.len()), word)
                }
                // `12 p.m.`, `12:00 AM`, `12pm`.
                Kind::Time => {
                    let Some(t) = read_time(text, f.span) else {
                        continue;
                    };
                    let on_the_hour = t.minutes.map_or(true, |m| m.text(text) == "00");
                    if t.hour != 12 || !on_the_hour {
                        continue;
                    }
                    (f.span, if t.pm { "noon" } else { "midnight" })
                }
                _ => continue,
            };
            if !checkable(cx, span) {
                continue;
            }
            let written = span.text(text);
            // `12 a.m.` at a sentence's end: its period was the sentence's too.
            let fixed = if written.ends_with('.') && sentence_ends_after(text, span) {
                format!("{word}.")
            } else {
                word.to_string()
            };
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("write `{word}`, not `{written}`"),
                )
                .with_fix(Fix::replace(format!("Write `{word}`"), span, fixed)),
            );
        }
    }
}

/// Whether a sentence ends with the period at the end of `span`: the paragraph ends, or
/// a capital, a figure or an opening quote follows.
fn sentence_ends_after(text: &str, span: Span) -> bool {
    let rest = text[span.end..].trim_start_matches(['"', '”', '’', ')']);
    match rest.strip_prefix(char::is_whitespace) {
        None => rest.is_empty(),
        Some(r) => r
            .trim_start()
            .chars()
            .next()
            .map_or(true, |c| !c.is_lowercase()),
    }
}
