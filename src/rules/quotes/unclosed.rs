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
        // Built when first needed: the closed outer quotations, and the sentence ends of
        // each block, so that each unclosed quotation costs a search, not a scan (a
        // paragraph of many unclosed marks was quadratic).
        let outers = std::cell::OnceCell::new();
        let mut ends = SentenceEnds::new(cx.text);
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
                let outers = outers.get_or_init(|| Outers::new(&cx.article.quotes.quotations));
                let end = outers
                    .enclosing(q.paragraph, q.open.start)
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
            let block = if q.headline {
                stretch
            } else {
                cx.article.paragraphs[q.paragraph].span
            };
            let mut finding = Finding::new(&Self::META, q.open, message).with_related(end, related);
            if let Some(fix) = ends.closing_fix(q.open, stretch, block) {
                finding = finding.with_fix(fix);
            }
            out.push(finding);
        }
    }
}

/// The closed quotations at level 1 of each paragraph, in text order, for finding the
/// first one that opens before an offset and closes after it.
struct Outers {
    /// (paragraph, open start, close, greatest close start so far in the paragraph).
    list: Vec<(usize, usize, Span, usize)>,
}

impl Outers {
    fn new(quotations: &[crate::article::quotes::Quotation]) -> Self {
        let mut list: Vec<(usize, usize, Span, usize)> = Vec::new();
        for o in quotations.iter().filter(|o| o.level == 1) {
            let Some(c) = o.close else { continue };
            let most = match list.last() {
                Some(&(p, _, _, m)) if p == o.paragraph => m.max(c.start),
                _ => c.start,
            };
            list.push((o.paragraph, o.open.start, c, most));
        }
        Outers { list }
    }

    /// The close of the first quotation (in text order) of paragraph `p` that opens
    /// before `at` and closes after it. The greatest close so far first exceeds `at` at
    /// that quotation.
    fn enclosing(&self, p: usize, at: usize) -> Option<Span> {
        let from = self.list.partition_point(|o| o.0 < p);
        let to = self.list.partition_point(|o| o.0 <= p);
        let para = &self.list[from..to];
        let before = &para[..para.partition_point(|o| o.1 < at)];
        let k = before.partition_point(|o| o.3 <= at);
        before.get(k).map(|o| o.2)
    }
}

/// Where sentences end in the text, block by block, found once per block.
struct SentenceEnds<'t> {
    text: &'t str,
    /// Block start → offsets of the `.` `!` `?` in the block followed by whitespace.
    blocks: rustc_hash::FxHashMap<usize, Vec<usize>>,
    /// Stretch (start, end) → end of the stretch with trailing whitespace trimmed.
    trimmed: rustc_hash::FxHashMap<(usize, usize), usize>,
}

impl<'t> SentenceEnds<'t> {
    fn new(text: &'t str) -> Self {
        SentenceEnds {
            text,
            blocks: Default::default(),
            trimmed: Default::default(),
        }
    }

    /// Insert the closing mark after the end of the sentence the quotation opens, within
    /// `stretch` (which starts where `block`, the paragraph or headline, starts).
    ///
    /// The sentence ends at the first `.` `!` `?` after the opening mark that is followed
    /// by whitespace or by the end of the stretch; with none, the quotation closes at the
    /// end of the stretch's text.
    fn closing_fix(&mut self, open: Span, stretch: Span, block: Span) -> Option<Fix> {
        let text = self.text;
        let close = match open.text(text) {
            "“" | "”" => "”",
            "‘" | "’" => "’",
            "'" => "'",
            _ => "\"",
        };
        text.get(open.end..stretch.end)?;
        let e = stretch.end;
        let list = self.blocks.entry(block.start).or_insert_with(|| {
            let b = text.get(block.start..block.end).unwrap_or_default();
            memchr::memchr3_iter(b'.', b'!', b'?', b.as_bytes())
                .filter(|&i| {
                    b.get(i + 1..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_whitespace)
                })
                .map(|i| block.start + i)
                .collect()
        });
        // A terminator followed by whitespace inside the stretch, or one that ends it.
        let k = list.partition_point(|&p| p < open.end);
        let inside = list.get(k).copied().filter(|&p| p + 1 < e);
        let last =
            (e > open.end && matches!(text.as_bytes()[e - 1], b'.' | b'!' | b'?')).then_some(e - 1);
        let at = match (inside, last) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
        .map(|p| p + 1 - open.end);
        // A headline or a nested quotation may end without a full stop: close at its end.
        let rel = match at {
            Some(r) => r,
            None => {
                let trimmed = *self.trimmed.entry((stretch.start, e)).or_insert_with(|| {
                    let s = text.get(stretch.start..e).unwrap_or_default();
                    stretch.start + s.trim_end().len()
                });
                if trimmed <= open.end {
                    return None;
                }
                trimmed - open.end
            }
        };
        let pos = open.end + rel;
        let fix = Fix::replace(
            format!("Close the quotation with {close}"),
            Span::empty(pos),
            close,
        );
        Some(if pos == stretch.end {
            fix
        } else {
            fix.not_preferred()
        })
    }
}
