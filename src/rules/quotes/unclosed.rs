use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A quotation mark opens a quotation that is never closed.
    ///
    /// Double quotation marks pair within a paragraph. A paragraph may end inside a
    /// quotation only when the same speaker goes on in the next paragraph, which then opens
    /// with a quotation mark (a running quote). Otherwise the reader cannot tell where the
    /// speaker's words stop.
    ///
    /// ## Example
    ///
    /// ```text
    /// “We will not give up, the minister said.
    ///
    /// Officials agreed.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// “We will not give up,” the minister said.
    /// ```
    ///
    /// The finding sits on the opening mark and points to where the paragraph ends. The
    /// quick fix closes the quotation at the end of the sentence the quotation opens; it is
    /// marked preferred only when that sentence ends the paragraph.
    pub struct Unclosed {
        code: "quotes/unclosed",
        severity: Error,
        summary: "a quotation mark is opened and never closed",
    }
}

impl Rule for Unclosed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for q in cx.article.quotes.unclosed() {
            let (stretch, message, related) = if q.headline {
                let Some(h) = &cx.article.headline else {
                    continue;
                };
                (
                    h.text,
                    "this quotation is never closed: the headline ends inside it",
                    "the headline ends here",
                )
            } else if q.level > 1 {
                let Some(para) = cx.article.paragraphs.get(q.paragraph) else {
                    continue;
                };
                let end = cx
                    .article
                    .quotes
                    .quotations
                    .iter()
                    .filter(|o| o.paragraph == q.paragraph && o.level == 1)
                    .filter(|o| o.open.start < q.open.start)
                    .filter_map(|o| o.close)
                    .find(|c| c.start > q.open.start)
                    .map_or(para.span, |c| Span::new(para.span.start, c.start));
                (
                    end,
                    "this quotation inside a quotation is never closed before the outer one ends",
                    "the outer quotation ends here",
                )
            } else {
                let Some(para) = cx.article.paragraphs.get(q.paragraph) else {
                    continue;
                };
                (
                    para.span,
                    "this quotation is never closed: the paragraph ends inside it and the next \
                     paragraph does not open with a quotation mark",
                    "the paragraph ends here",
                )
            };
            let end = Span::empty(stretch.end);
            let mut finding = Finding::new(&Self::META, q.open, message).with_related(end, related);
            if let Some(fix) = closing_fix(cx.text, q.open, stretch) {
                finding = finding.with_fix(fix);
            }
            out.push(finding);
        }
    }
}

/// Insert the closing mark after the end of the sentence the quotation opens.
fn closing_fix(text: &str, open: Span, para: Span) -> Option<Fix> {
    let close = match open.text(text) {
        "“" | "”" => "”",
        "‘" | "’" => "’",
        "'" => "'",
        _ => "\"",
    };
    let after = text.get(open.end..para.end)?;
    let mut chars = after.char_indices().peekable();
    let mut at = None;
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            match chars.peek() {
                None => {
                    at = Some(i + c.len_utf8());
                    break;
                }
                Some(&(_, n)) if n.is_whitespace() => {
                    at = Some(i + c.len_utf8());
                    break;
                }
                _ => {}
            }
        }
    }
    // A headline or a nested quotation may end without a full stop: close at its end.
    let rel = at.or_else(|| (!after.trim().is_empty()).then(|| after.trim_end().len()))?;
    let pos = open.end + rel;
    let fix = Fix::replace(
        format!("Close the quotation with {close}"),
        Span::empty(pos),
        close,
    );
    Some(if pos == para.end {
        fix
    } else {
        fix.not_preferred()
    })
}
