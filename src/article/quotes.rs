//! Finding quotations: pairing double quotation marks paragraph by paragraph.
//!
//! Marks pair within a paragraph. A paragraph that ends inside a quotation is correct when
//! the next paragraph opens with a quotation mark (a running quote); otherwise the opening
//! mark is unclosed. Straight marks carry no direction, so their direction is read from
//! their neighbours; a `"` after a figure that reads as inches (`6'2"`, `a 7" record`) is
//! not a quotation mark.

use serde::Serialize;

use crate::span::Span;

/// A quotation: an opening mark and, when it was found, its closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    pub open: Span,
    /// `None` when the quotation runs on into the next paragraph or is never closed.
    pub close: Option<Span>,
    /// Index into [`crate::article::Article::paragraphs`].
    pub paragraph: usize,
    /// The paragraph ends inside this quotation and the next one opens with a mark.
    pub runs_on: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Quotes {
    pub quotations: Vec<Quotation>,
    /// Closing marks with no opening mark before them in their paragraph.
    pub unmatched_closes: Vec<Span>,
}

impl Quotes {
    /// Quotations that are opened and never closed (not running quotes).
    pub fn unclosed(&self) -> impl Iterator<Item = &Quotation> {
        self.quotations
            .iter()
            .filter(|q| q.close.is_none() && !q.runs_on)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

/// A double mark with its reading.
#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    dir: Dir,
    /// A figure's inch sign unless a quotation is open.
    inches: bool,
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'),
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
                )
        }
    }
}

/// How sure we are that a straight `"` after a figure is the inch sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Inches {
    No,
    /// `6'2"`: feet and inches.
    Certain,
    /// `a 7" record`: inches unless a quotation is open.
    Unless,
}

/// `6'2"` or `a 7" record`: a straight double mark used as the inch sign.
fn inches(para: &str, i: usize) -> Inches {
    let before = &para[..i];
    let Some(prev) = before.chars().next_back() else {
        return Inches::No;
    };
    if !prev.is_ascii_digit() {
        return Inches::No;
    }
    let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.ends_with('\'') || digits.ends_with('′') {
        return Inches::Certain;
    }
    let after = &para[i + 1..];
    let mut chars = after.chars();
    if matches!(chars.next(), Some(' ') | Some('-'))
        && chars.next().is_some_and(|c| c.is_lowercase())
    {
        Inches::Unless
    } else {
        Inches::No
    }
}

fn marks(text: &str, span: Span) -> Vec<Mark> {
    let para = span.text(text);
    let mut out = Vec::new();
    for (i, c) in para.char_indices() {
        let mut maybe_inches = false;
        let dir = match c {
            '“' => Dir::Open,
            '”' => Dir::Close,
            '"' => {
                match inches(para, i) {
                    Inches::Certain => continue,
                    Inches::Unless => maybe_inches = true,
                    Inches::No => {}
                }
                let prev = para[..i].chars().next_back();
                let next = para[i + 1..].chars().next();
                match (is_opening_context(prev), is_closing_context(next)) {
                    (true, false) => Dir::Open,
                    (false, true) => Dir::Close,
                    _ => Dir::Either,
                }
            }
            _ => continue,
        };
        out.push(Mark {
            span: span.sub(i, i + c.len_utf8()),
            dir,
            inches: maybe_inches,
        });
    }
    out
}

/// Does this paragraph open with a double quotation mark (a running quote continues)?
fn opens_with_mark(text: &str, span: Span) -> bool {
    span.text(text).trim_start().starts_with(['"', '“'])
}

/// Pair the double quotation marks of each paragraph.
pub fn scan(text: &str, paragraphs: &[Span]) -> Quotes {
    let mut quotes = Quotes::default();
    for (p, &span) in paragraphs.iter().enumerate() {
        let mut open: Option<Span> = None;
        for m in marks(text, span) {
            if m.inches && open.is_none() {
                continue;
            }
            let dir = match m.dir {
                Dir::Either if open.is_some() => Dir::Close,
                Dir::Either => Dir::Open,
                d => d,
            };
            match (dir, open) {
                (Dir::Open, None) => open = Some(m.span),
                (Dir::Open, Some(prev)) => {
                    // A second opener before a closer: the first was never closed.
                    quotes.quotations.push(Quotation {
                        open: prev,
                        close: None,
                        paragraph: p,
                        runs_on: false,
                    });
                    open = Some(m.span);
                }
                (Dir::Close, Some(o)) => {
                    quotes.quotations.push(Quotation {
                        open: o,
                        close: Some(m.span),
                        paragraph: p,
                        runs_on: false,
                    });
                    open = None;
                }
                (Dir::Close, None) => quotes.unmatched_closes.push(m.span),
                (Dir::Either, _) => unreachable!("resolved above"),
            }
        }
        if let Some(o) = open {
            let runs_on = paragraphs
                .get(p + 1)
                .is_some_and(|&next| opens_with_mark(text, next));
            quotes.quotations.push(Quotation {
                open: o,
                close: None,
                paragraph: p,
                runs_on,
            });
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_paras(paras: &[&str]) -> (String, Quotes) {
        let text = paras.join("\n\n");
        let mut spans = Vec::new();
        let mut at = 0;
        for p in paras {
            spans.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        let q = scan(&text, &spans);
        (text, q)
    }

    #[test]
    fn balanced_straight_and_curly() {
        let (_, q) = scan_paras(&[
            "\"We will go on,\" the minister said.",
            "“北京 is ready — 😀,” he said.",
        ]);
        assert_eq!(q.unclosed().count(), 0);
        assert!(q.unmatched_closes.is_empty());
        assert_eq!(q.quotations.len(), 2);
    }

    #[test]
    fn running_quote_is_not_unclosed() {
        let (_, q) = scan_paras(&[
            "\"We will go on. We will not stop.",
            "\"Nobody can stop us,\" she said.",
        ]);
        assert_eq!(q.unclosed().count(), 0);
        assert!(q.quotations[0].runs_on);
    }

    #[test]
    fn unclosed_when_next_paragraph_does_not_open() {
        let (t, q) = scan_paras(&["He said “we will go on.", "Officials agreed."]);
        let u: Vec<_> = q.unclosed().collect();
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].open.text(&t), "“");
    }

    #[test]
    fn inches_are_not_quotes() {
        let (_, q) = scan_paras(&["The 6'2\" center bought a 7\" record."]);
        assert!(q.quotations.is_empty());
        assert!(q.unmatched_closes.is_empty());
    }

    #[test]
    fn stray_closer() {
        let (t, q) = scan_paras(&["The plan works,” he said."]);
        assert_eq!(q.unmatched_closes.len(), 1);
        assert_eq!(q.unmatched_closes[0].text(&t), "”");
    }
}
