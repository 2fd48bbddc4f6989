use super::dateline;
use crate::article::dateline::SeparatorKind;
use crate::declare_rule;
use crate::rules::{Context, Edit, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline is not spaced with single spaces.
    ///
    /// One space goes before the credit, one on each side of the separator (`) -- `), one
    /// after each comma; never two. (ANI's colon takes no space before it.) Wire systems
    /// and readers split datelines on these spaces, so a missing one (`Jan. 1(Xinhua)`, a
    /// real Xinhua defect) or a doubled one is an error of form.
    ///
    /// ## Examples
    ///
    /// ```text
    /// BRISBANE, Australia, Jan. 1(Xinhua) -- ...
    /// BEIJING, Sept. 19 (Xinhua)--Officials ...
    /// BEIJING,  Sept. 19 (Xinhua) -- ...
    /// ```
    ///
    /// The quick fix writes single spaces.
    pub struct Spacing {
        code: "dateline/spacing",
        severity: Warning,
        summary: "the dateline is not spaced with single spaces",
    }
}

fn ws_before(text: &str, at: usize, floor: usize) -> Span {
    let head = &text[floor..at];
    let n = head.len() - head.trim_end_matches([' ', '\t', '\u{a0}']).len();
    Span::new(at - n, at)
}

fn ws_after(text: &str, at: usize, ceil: usize) -> Span {
    let tail = &text[at..ceil];
    let n = tail.len() - tail.trim_start_matches([' ', '\t', '\u{a0}']).len();
    Span::new(at, at + n)
}

impl Rule for Spacing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, _)) = dateline(cx) else { return };
        let text = cx.text;
        let start = d.span.start;
        let line_end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        let mut findings: Vec<Finding> = Vec::new();
        let bad = |ws: Span| ws.text(text) != " ";
        let single =
            |ws: Span, what: &str| {
                Finding::new(&Self::META, ws, format!("{what}: use one space"))
                    .with_fix(Fix::replace("Write one space", ws, " "))
            };

        // Inside the place, region and date: doubled spaces and commas with no space.
        let head_end = d
            .credit
            .map(|c| c.span.start)
            .or(d.separator.map(|s| s.span.start))
            .unwrap_or(d.span.end);
        let head = &text[start..head_end];
        let head_trim = head.trim_end().len();
        let mut i = 0;
        while i < head_trim {
            let rest = &head[i..head_trim];
            let c = rest.chars().next().unwrap_or(' ');
            if c == ',' {
                let ws = ws_after(text, start + i + 1, start + head_trim);
                if ws.is_empty() && start + i + 1 < start + head_trim {
                    findings.push(
                        Finding::new(
                            &Self::META,
                            Span::new(start + i, start + i + 1),
                            "no space after the comma: write `, `",
                        )
                        .with_fix(Fix::replace(
                            "Add a space",
                            Span::new(start + i, start + i + 1),
                            ", ",
                        )),
                    );
                }
            } else if c.is_whitespace() {
                let ws = ws_after(text, start + i, start + head_trim);
                if ws.len() > 1 || (ws.len() == 1 && ws.text(text) != " ") {
                    findings.push(single(ws, "doubled space in the dateline"));
                }
                i += ws.len().max(c.len_utf8());
                continue;
            }
            i += c.len_utf8();
        }

        // Before the credit.
        if let Some(credit) = d.credit.filter(|c| c.parenthesized) {
            if credit.span.start > start {
                let ws = ws_before(text, credit.span.start, start);
                if ws.is_empty() {
                    findings.push(
                        Finding::new(
                            &Self::META,
                            credit.span,
                            "no space before the credit: write one space before `(`",
                        )
                        .with_fix(Fix::replace("Add a space", ws, " ")),
                    );
                } else if bad(ws) {
                    findings.push(single(ws, "more than one space before the credit"));
                }
            }
        }

        // Around the separator.
        if let Some(sep) = d.separator {
            let floor = d.credit.map_or(start, |c| c.span.end);
            let before = ws_before(text, sep.span.start, floor.min(sep.span.start));
            let after = ws_after(text, sep.span.end, line_end);
            let colon = sep.kind == SeparatorKind::Colon;
            let before_ok = if colon {
                before.is_empty()
            } else {
                before.text(text) == " "
            };
            let at_end = sep.span.end == line_end;
            let after_ok = at_end || after.text(text) == " ";
            let has_before = sep.span.start > start;
            if (has_before && !before_ok) || !after_ok {
                let missing =
                    (!colon && has_before && before.is_empty()) || (!at_end && after.is_empty());
                let mut edits = Vec::new();
                if has_before && !before_ok {
                    edits.push(Edit {
                        span: before,
                        replacement: if colon { String::new() } else { " ".into() },
                    });
                }
                if !after_ok {
                    edits.push(Edit {
                        span: after,
                        replacement: " ".into(),
                    });
                }
                let span = if missing {
                    sep.span
                } else if !after_ok {
                    after
                } else {
                    before
                };
                let what = sep.kind.as_str();
                findings.push(
                    Finding::new(
                        &Self::META,
                        span,
                        if colon {
                            format!("space the separator as `{what} `: none before it, one after")
                        } else {
                            format!("space the separator as ` {what} `: one space on each side")
                        },
                    )
                    .with_fix(Fix {
                        title: "Space the separator".into(),
                        edits,
                        preferred: true,
                    }),
                );
            }
        }
        out.extend(findings);
    }
}
