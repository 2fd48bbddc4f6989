//! Story facts for the headline's code lens and hover, read from an [`Analysis`] (never a
//! new one) when asked: `412 words · 9 paragraphs · 3 quotations · 2 people quoted ·
//! 2 min read`. Nothing here runs on the analysis path.
//!
//! - **words**: [`body_words`], the words of the body paragraphs (the dateline counts,
//!   subheads, end marks and trailers do not) — the count `slug/word-count` compares;
//! - **paragraphs**: body paragraphs;
//! - **quotations**: outer quotations in the body, a quotation that runs on over several
//!   paragraphs counted once;
//! - **people quoted**: people named, outside the quotation, in a paragraph that holds a
//!   quotation (`“…,” said Ann Lee`; a pronoun's speaker is not resolved);
//! - **reading time**: words at 238 a minute (the average silent reading rate for
//!   non-fiction, Brysbaert 2019), rounded, at least a minute.

use crate::analysis::Analysis;
use crate::article::Article;
use crate::entities::EntityKind;
use crate::span::Span;

/// Words a minute for the reading time.
pub const WORDS_PER_MINUTE: usize = 238;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryFacts {
    /// The story's headline (where the lens goes).
    pub headline: Span,
    pub words: usize,
    pub paragraphs: usize,
    pub quotations: usize,
    pub people_quoted: usize,
    /// Minutes, at least 1.
    pub minutes: usize,
}

impl StoryFacts {
    /// `412 words · 9 paragraphs · 3 quotations · 2 people quoted · 2 min read`.
    pub fn title(&self) -> String {
        let n =
            |n: usize, one: &str, many: &str| format!("{} {}", n, if n == 1 { one } else { many });
        [
            n(self.words, "word", "words"),
            n(self.paragraphs, "paragraph", "paragraphs"),
            n(self.quotations, "quotation", "quotations"),
            format!(
                "{} {} quoted",
                self.people_quoted,
                if self.people_quoted == 1 {
                    "person"
                } else {
                    "people"
                }
            ),
            format!("{} min read", self.minutes),
        ]
        .join(" · ")
    }

    /// The hover on the headline: `**Story facts**` and the same line as the lens.
    pub fn markdown(&self) -> String {
        format!("**Story facts**\n\n{}", self.title())
    }
}

// Word counts live with the article model (below the rules, which count the body for
// `slug/word-count`): the facts read them from there.
pub use crate::article::{body_words, count_words};

/// The facts of `story`, one of `analysis`' stories; `None` without a headline.
pub fn story_facts(analysis: &Analysis, story: &Article, text: &str) -> Option<StoryFacts> {
    let headline = story.headline.as_ref()?.text;
    let words = body_words(story, text);
    let body: Vec<_> = story
        .quotes
        .quotations
        .iter()
        .filter(|q| !q.headline && q.level == 1)
        .collect();
    // A quotation that continues one run on from the paragraph before is the same one.
    let quotations = body
        .iter()
        .enumerate()
        .filter(|(i, q)| {
            !(*i > 0 && body[i - 1].runs_on && body[i - 1].paragraph + 1 == q.paragraph)
        })
        .count();
    let spans: Vec<(usize, Span)> = body
        .iter()
        .map(|q| {
            let end = match q.close {
                Some(c) => c.end,
                None => story
                    .paragraphs
                    .get(q.paragraph)
                    .map_or(q.open.end, |p| p.span.end),
            };
            (q.paragraph, Span::new(q.open.start, end))
        })
        .collect();
    let paragraph_of = |at: usize| {
        story
            .paragraphs
            .iter()
            .position(|p| p.span.start <= at && at < p.span.end)
    };
    let people_quoted = analysis
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| {
            e.mentions.iter().any(|m| {
                !m.in_heading
                    && story.body.start <= m.span.start
                    && m.span.end <= story.body.end
                    && paragraph_of(m.span.start).is_some_and(|p| {
                        spans.iter().any(|(qp, _)| *qp == p)
                            && !spans
                                .iter()
                                .any(|(_, s)| s.start <= m.span.start && m.span.end <= s.end)
                    })
            })
        })
        .count();
    let minutes = ((words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE).max(1);
    Some(StoryFacts {
        headline,
        words,
        paragraphs: story.paragraphs.len(),
        quotations,
        people_quoted,
        minutes,
    })
}

/// The facts of every story of `analysis` that has a headline, in text order.
pub fn all_facts(analysis: &Analysis, text: &str) -> Vec<StoryFacts> {
    analysis
        .article
        .all_stories()
        .filter_map(|s| story_facts(analysis, s, text))
        .collect()
}

/// The facts of the story whose headline holds `offset`.
pub fn facts_at(analysis: &Analysis, text: &str, offset: usize) -> Option<StoryFacts> {
    let story = analysis.article.all_stories().find(|s| {
        s.headline
            .as_ref()
            .is_some_and(|h| h.span.start <= offset && offset <= h.span.end)
    })?;
    story_facts(analysis, story, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::article::Format;
    use crate::config::Config;

    const STORY: &str = "Harbor “café” reopens 🎉\n\nPORTLAND, Maine (AP) — The harbor café reopened on Monday after a storm, said owner Marta Quill.\n\n“We lost the roof,” Quill said. “We kept the 北京 teapot.”\n\n“It was the best week,” said Tomas Brandt, a cook. “And the worst.\n\n“But we stayed.”\n\nThe café seats 40.\n\n-30-\n";

    #[test]
    fn counts_words_paragraphs_quotations_and_people_quoted() {
        let a = analyze(STORY, Format::Plain, &Config::default());
        let f = all_facts(&a, STORY);
        assert_eq!(f.len(), 1);
        let f = &f[0];
        assert_eq!(f.headline.text(STORY), "Harbor “café” reopens 🎉");
        assert_eq!(f.paragraphs, 5);
        // 16 + 11 + 13 + 3 + 4 (the em dash is no word, 北京 is one).
        assert_eq!(f.words, 47);
        // Two in the third paragraph, one running on over two paragraphs, one more.
        assert_eq!(f.quotations, 4);
        // Quill (by surname) and Brandt; not the headline's.
        assert_eq!(f.people_quoted, 2);
        assert_eq!(f.minutes, 1);
        assert_eq!(
            f.title(),
            "47 words · 5 paragraphs · 4 quotations · 2 people quoted · 1 min read"
        );
        // On the headline only.
        let at = STORY.find("reopens").unwrap();
        assert_eq!(facts_at(&a, STORY, at).as_ref(), Some(f));
        assert_eq!(
            facts_at(&a, STORY, STORY.find("harbor café").unwrap()),
            None
        );
    }

    #[test]
    fn singular_forms_and_reading_time() {
        let f = StoryFacts {
            headline: Span::new(0, 1),
            words: 412,
            paragraphs: 1,
            quotations: 1,
            people_quoted: 1,
            minutes: 2,
        };
        assert_eq!(
            f.title(),
            "412 words · 1 paragraph · 1 quotation · 1 person quoted · 2 min read"
        );
        assert_eq!(count_words("DALLAS (AP) — The council voted 9-2."), 6);
        assert_eq!(count_words("-30- — ###"), 1);
    }
}
