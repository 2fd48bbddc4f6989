use crate::config::Style;
use crate::declare_rule;
use crate::rules::places::guard::Guard;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A formal title capitalized where it stands alone: `the President said`.
    ///
    /// A title is capitalized only directly before a name; standing alone, after a name or
    /// set off by commas it is lower case in every agency's style: `the president said`,
    /// `Xi Jinping, the president of China,`. The rule reads `the` (or `the former`)
    /// followed by a capitalized government or church title — `President`, `Vice
    /// President`, `Prime Minister`, `Premier`, `Chancellor`, `Governor`, `Senator`,
    /// `Mayor`, `Pope`, and in AP, UPI, Xinhua and Bloomberg copy `King` and `Queen`
    /// (British usage, which Reuters and AFP copy may follow, capitalizes the monarch) — and
    /// lowers it.
    ///
    /// Left alone, to keep false alarms down: a title followed by a capitalized word (a
    /// name, or a name of its own: `the President Hotel`, `the Prime Minister's Office`),
    /// a title inside a recognized name, lines in capitals, quotations, the dateline and
    /// tables.
    ///
    /// ## Example
    ///
    /// ```text
    /// The President said the talks would resume.
    /// ```
    ///
    /// is right at the start of a sentence only as `The president said ...`:
    ///
    /// ```text
    /// The president said the talks would resume.
    /// ```
    pub struct CapitalizedAlone {
        code: "titles/capitalized-alone",
        severity: Warning,
        summary: "a formal title standing alone (`the President said`) is capitalized",
    }
}

/// Titles that stand alone in lower case: their words as written capitalized.
const TITLES: &[&[&str]] = &[
    &["Vice", "President"],
    &["Vice-President"],
    &["President"],
    &["Prime", "Minister"],
    &["Premier"],
    &["Chancellor"],
    &["Governor"],
    &["Senator"],
    &["Mayor"],
    &["Pope"],
    &["King"],
    &["Queen"],
];

impl Rule for CapitalizedAlone {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let royals = matches!(
            cx.story.style,
            Style::Ap | Style::Upi | Style::Xinhua | Style::Bloomberg
        );
        // The first words of the titles (`Vice-President` opens as `Vice` does).
        const FIRST: [u64; 11] = crate::rules::words_seen::keys([
            "vice",
            "president",
            "prime",
            "premier",
            "chancellor",
            "governor",
            "senator",
            "mayor",
            "pope",
            "king",
            "queen",
        ]);
        const _: () = assert!(TITLES.len() == 12);
        if !cx.may_hold_any(&FIRST) {
            return;
        }
        let words = cx.words;
        let text = cx.text;
        let mut guard: Option<Guard> = None;
        for (i, w) in words.iter().enumerate() {
            // Every title's first word opens with one of these capitals.
            if !w.title_case()
                || !matches!(
                    text.as_bytes().get(w.span.start),
                    Some(b'V' | b'P' | b'C' | b'G' | b'S' | b'M' | b'K' | b'Q')
                )
            {
                continue;
            }
            let Some(title) = TITLES.iter().find(|t| {
                t.iter()
                    .enumerate()
                    .all(|(k, part)| words.get(i + k).is_some_and(|t| t.text(text) == *part))
            }) else {
                continue;
            };
            if !royals && matches!(title[0], "King" | "Queen") {
                continue;
            }
            let last = &words[i + title.len() - 1];
            // Only spaces inside a two-word title.
            if title.len() == 2 && text.get(w.span.end..words[i + 1].span.start) != Some(" ") {
                continue;
            }
            // `the` or `the former` before it, with only a space between.
            let mut k = i;
            let prev = |k: usize| k.checked_sub(1).and_then(|j| words.get(j));
            let mut before = prev(k);
            if before.is_some_and(|b| b.text(text) == "former") {
                k -= 1;
                before = prev(k);
            }
            if !before.is_some_and(|b| b.text(text).eq_ignore_ascii_case("the")) {
                continue;
            }
            if !w.joined || !words[k].joined {
                continue;
            }
            // A capitalized word after the title (`the President Hotel`, `the Prime
            // Minister's Office`) or after its possessive makes it a name.
            let next = words.get(i + title.len());
            let named = next.is_some_and(|n| {
                n.cap()
                    && n.joined
                    && text.get(last.span.end..n.span.start).is_some_and(|gap| {
                        gap.chars()
                            .all(|c| c == ' ' || c == '\'' || c == '’' || c == 's')
                    })
            });
            if named || (last.possessive && next.is_some_and(|n| n.cap())) {
                continue;
            }
            // `the Chancellor of the Exchequer Nigel Lawson`: a longer title before a name.
            if next.is_some_and(|n| n.text(text) == "of") {
                let of_end = next.map_or(last.span.end, |n| n.span.end);
                let before_name = cx.mentions.iter().any(|&(m, k)| {
                    k == crate::entities::EntityKind::Person
                        && m.start > of_end
                        && text
                            .get(of_end..m.start)
                            .is_some_and(|gap| gap.len() < 40 && !gap.contains([',', '.', ';']))
                });
                if before_name {
                    continue;
                }
            }
            // `of the United States` / `of France` after it is still the title standing
            // alone; but a name inside a recognized entity is not.
            let span = Span::new(w.span.start, last.span.end);
            if cx.mention_at(span).is_some() {
                continue;
            }
            let g = guard.get_or_insert_with(|| Guard::new(cx));
            if g.table || g.skip(cx, span) || caps_sentence(cx, span.start) {
                continue;
            }
            let wanted = span.text(text).to_lowercase();
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("a title standing alone is lower case: `{wanted}`"),
                )
                .with_fix(Fix::replace(
                    format!("Write `{wanted}`"),
                    span,
                    wanted.clone(),
                )),
            );
        }
    }
}

/// Most words of the sentence holding `at` are capitalized (a heading or a title-case
/// line), where a capital says nothing.
fn caps_sentence(cx: &ParagraphContext<'_>, at: usize) -> bool {
    let Some(words) = cx.sentence_words(at) else {
        return false;
    };
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && caps * 3 > words.len() * 2
}
