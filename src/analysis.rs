//! The engine's one entry point: `analyze(text, format, &config) -> Analysis`.

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::article::{self, quotes, Article, Format};
use crate::config::{Config, Style, StyleSource};
use crate::entities::tokens::{tokenize, Tok, TokenCache};
use crate::entities::{self, Entities};
use crate::outline::{self, Symbol};
use crate::prose::Prose;
use crate::rules::{self, Context, Finding};
use crate::span::Span;

/// Everything the editor and the command line are told about one text.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub article: Article,
    /// Sorted by position, then code.
    pub findings: Vec<Finding>,
    pub outline: Vec<Symbol>,
    /// People, places, organizations and other names, with every mention.
    pub entities: Entities,
    /// The house style the article was checked against.
    pub style: Style,
    /// Whether that style was configured or inferred from the credit.
    pub style_source: StyleSource,
}

/// Work kept from one analysis of a document to the next (the language server keeps one
/// per open document): the per-paragraph work of the entity pass, keyed by paragraph
/// text, so an edit re-reads the paragraphs it changed. The result is the same as
/// [`analyze`]'s; only the time differs.
#[derive(Default)]
pub struct Reuse {
    entities: entities::Reuse,
    words: WordStore,
    /// The same for the later stories of a file that holds several, by story number.
    later: Vec<(entities::Reuse, WordStore)>,
    /// For one analysis only: later stories keep nothing either.
    once: bool,
    /// The structure parser's block facts and each paragraph's quotation marks.
    article: article::Reuse,
}

pub fn analyze(text: &str, format: Format, config: &Config) -> Analysis {
    analyze_reusing(
        text,
        format,
        config,
        &mut Reuse {
            entities: entities::Reuse::once(),
            words: WordStore::once(),
            later: Vec::new(),
            once: true,
            article: article::Reuse::default(),
        },
    )
}

/// A paragraph's findings kept for one set of facts: (facts key, generation last used,
/// findings relative to the paragraph).
type KeptFindings = (u64, u64, Arc<[Finding]>);

/// A paragraph's prose: kept from the last analysis, or read when a rule first asks.
type ProseCell = OnceLock<Arc<Prose>>;

/// The words of each paragraph, for the rules: most come from the blocks the recognizer
/// read (shared, not copied); the others (the lede, whose recognizer block starts after
/// the dateline) are tokenized here and kept by paragraph text for the next analysis.
#[derive(Default)]
struct WordStore {
    /// For a single analysis: keep nothing.
    once: bool,
    generation: u64,
    /// Paragraph text -> (generation last used, its words relative to its start).
    kept: FxHashMap<Box<str>, (u64, Arc<[Tok]>)>,
    /// Paragraph text -> (generation last used, its sentences and figures), for the
    /// paragraphs whose prose a rule asked for ([`Context::prose`]).
    prose: FxHashMap<Box<str>, (u64, Arc<Prose>)>,
    /// Paragraph text -> the paragraph rules' findings (relative to the paragraph) for
    /// each set of facts the paragraph was checked under: (facts key, generation last
    /// used, findings). See [`WordStore::paragraph_findings`].
    findings: FxHashMap<Box<str>, Vec<KeptFindings>>,
    /// The configuration the kept findings were made under; another one clears them.
    findings_config: Option<Config>,
    /// Paragraph text -> (generation last used, what the `names/` rules read of it).
    names: FxHashMap<Box<str>, (u64, Arc<rules::names::ParagraphNames>)>,
}

impl WordStore {
    fn once() -> WordStore {
        WordStore {
            once: true,
            ..WordStore::default()
        }
    }

    /// The words and the prose of every paragraph of `article`, in order; `blocks`: the
    /// recognizer's words.
    fn paragraphs(
        &mut self,
        text: &str,
        article: &Article,
        blocks: &TokenCache,
    ) -> (Vec<Arc<[Tok]>>, Vec<ProseCell>) {
        self.generation += 1;
        let generation = self.generation;
        let mut out = Vec::with_capacity(article.paragraphs.len());
        let mut read = Vec::with_capacity(article.paragraphs.len());
        for p in &article.paragraphs {
            let block = text.get(p.span.start..p.span.end).unwrap_or_default();
            read.push(self.kept_prose(block, generation));
            if let Some(toks) = blocks.get_shared(p.span) {
                out.push(toks.clone());
                continue;
            }
            if let Some((used, toks)) = self.kept.get_mut(block) {
                *used = generation;
                out.push(toks.clone());
                continue;
            }
            let toks: Arc<[Tok]> = tokenize(block, Span::new(0, block.len())).into();
            if !self.once {
                self.kept
                    .insert(Box::from(block), (generation, toks.clone()));
            }
            out.push(toks);
        }
        if !self.once {
            self.kept.retain(|_, (used, _)| *used == generation);
        }
        (out, read)
    }

    /// What the `names/` rules read of each paragraph of `article`, in order: kept by
    /// paragraph text (filled by the rules on first use), or new. None for a single
    /// analysis: the rules then read the text itself.
    fn names(&mut self, text: &str, article: &Article) -> Vec<Arc<rules::names::ParagraphNames>> {
        if self.once {
            return Vec::new();
        }
        let generation = self.generation;
        let parts = article
            .paragraphs
            .iter()
            .map(|p| {
                let block = text.get(p.span.start..p.span.end).unwrap_or_default();
                if let Some((used, part)) = self.names.get_mut(block) {
                    *used = generation;
                    return part.clone();
                }
                let part = Arc::<rules::names::ParagraphNames>::default();
                self.names
                    .insert(Box::from(block), (generation, part.clone()));
                part
            })
            .collect();
        self.names.retain(|_, (used, _)| *used == generation);
        parts
    }

    /// The prose kept for the paragraph whose text is `block`, if any: a cell the rules
    /// fill on first use otherwise.
    fn kept_prose(&mut self, block: &str, generation: u64) -> OnceLock<Arc<Prose>> {
        let cell = OnceLock::new();
        if let Some((used, p)) = self.prose.get_mut(block) {
            *used = generation;
            let _ = cell.set(p.clone());
        }
        cell
    }

    /// Run every [`rules::Scope::Paragraph`] rule that is on (`levels`) over each body
    /// paragraph of `cx`, reusing the findings kept for a paragraph whose text and facts
    /// (kind, quotations, mentions, [`rules::StoryFacts`]) are unchanged, under the same
    /// configuration. Findings are pushed to `out` at their place in the text.
    fn paragraph_findings(
        &mut self,
        cx: &Context<'_>,
        on: &[&dyn rules::Rule],
        out: &mut Vec<Finding>,
    ) {
        if on.is_empty() {
            return;
        }
        if !self.once && self.findings_config.as_ref() != Some(cx.config) {
            self.findings.clear();
            self.findings_config = Some(cx.config.clone());
        }
        let article = cx.article;
        let story = rules::StoryFacts {
            style: cx.style,
            style_source: cx.style_source,
            date: rules::story_date(cx.text, article),
        };
        let (quoted, mentions) = paragraph_facts(article, cx.entities);
        let generation = self.generation;
        // The paragraphs whose findings were not kept, each with its reuse key. Their rules
        // run rule by rule over all of them (not paragraph by paragraph), so that one rule's
        // code stays in the instruction cache while it reads every paragraph. The findings
        // are gathered per paragraph and come out in the order they always did.
        let mut todo: Vec<(u64, rules::ParagraphContext<'_>)> = Vec::new();
        // Per paragraph, in order: its kept findings, or its place in `todo`.
        let mut order: Vec<Result<Arc<[Finding]>, usize>> =
            Vec::with_capacity(article.paragraphs.len());
        for (i, p) in article.paragraphs.iter().enumerate() {
            let block = cx.text.get(p.span.start..p.span.end).unwrap_or_default();
            let dateline = dateline_in(article, p);
            // The reuse key (nothing is kept for a single analysis).
            let key = if self.once {
                0
            } else {
                use std::hash::{Hash, Hasher};
                let mut h = rustc_hash::FxHasher::default();
                (p.kind as u8).hash(&mut h);
                quoted[i].hash(&mut h);
                mentions[i].hash(&mut h);
                story.hash(&mut h);
                dateline.hash(&mut h);
                h.finish()
            };
            if let Some(kept) = self.findings.get_mut(block) {
                if let Some((_, used, found)) = kept.iter_mut().find(|(k, _, _)| *k == key) {
                    *used = generation;
                    order.push(Ok(found.clone()));
                    continue;
                }
            }
            order.push(Err(todo.len()));
            todo.push((
                key,
                rules::ParagraphContext {
                    index: i,
                    kind: p.kind,
                    text: block,
                    words: cx.words.get(i).map(|w| &w[..]).unwrap_or_default(),
                    prose: cx.prose.get(i),
                    has_digit: has_ascii_digit(block.as_bytes()),
                    quoted: &quoted[i],
                    mentions: &mentions[i],
                    dateline,
                    story: &story,
                    config: cx.config,
                    seen: Default::default(),
                },
            ));
        }
        let mut found: Vec<Vec<Finding>> = Vec::new();
        found.resize_with(todo.len(), Vec::new);
        for rule in on {
            for ((_, pcx), found) in todo.iter().zip(&mut found) {
                rule.check_paragraph(pcx, found);
            }
        }
        for (p, at) in article.paragraphs.iter().zip(order) {
            match at {
                Ok(kept) => out.extend(kept.iter().map(|f| f.shifted(p.span.start))),
                Err(j) => {
                    let found = std::mem::take(&mut found[j]);
                    if self.once {
                        // Nothing kept: the findings are moved into place.
                        out.extend(found.into_iter().map(|f| f.into_shifted(p.span.start)));
                    } else {
                        out.extend(found.iter().map(|f| f.shifted(p.span.start)));
                        let (key, pcx) = &todo[j];
                        self.findings.entry(Box::from(pcx.text)).or_default().push((
                            *key,
                            generation,
                            found.into(),
                        ));
                    }
                }
            }
        }
        if !self.once {
            self.findings.retain(|_, kept| {
                kept.retain(|(_, used, _)| *used == generation);
                !kept.is_empty()
            });
        }
    }

    /// After the rules: keep the prose they read (`read`, from [`WordStore::paragraphs`]),
    /// by paragraph text, and forget the paragraphs the text no longer holds.
    fn keep_prose(&mut self, text: &str, article: &Article, read: &[OnceLock<Arc<Prose>>]) {
        if self.once {
            return;
        }
        let generation = self.generation;
        for (p, cell) in article.paragraphs.iter().zip(read) {
            if let Some(prose) = cell.get() {
                let block = text.get(p.span.start..p.span.end).unwrap_or_default();
                self.prose
                    .entry(Box::from(block))
                    .or_insert_with(|| (generation, prose.clone()));
            }
        }
        self.prose.retain(|_, (used, _)| *used == generation);
    }
}

/// One story, its quotations already paired in its style: its entities and every rule's
/// findings (levels are applied by the caller, after the suppressions).
#[allow(clippy::too_many_arguments)]
fn check_story(
    text: &str,
    article: &Article,
    (style, style_source): (Style, StyleSource),
    config: &Config,
    levels: &[Option<rules::Severity>],
    reuse: &mut entities::Reuse,
    words: &mut WordStore,
) -> (Entities, Vec<Finding>) {
    let (entities, block_words) = entities::extract_with_words(text, article, &config.names, reuse);
    let (paragraph_words, prose) = words.paragraphs(text, article, &block_words);
    drop(block_words);
    let names = words.names(text, article);
    let cx = Context {
        text,
        article,
        style,
        style_source,
        config,
        entities: &entities,
        words: &paragraph_words,
        prose: &prose,
        names: &names,
        shared: Default::default(),
    };
    let mut findings = Vec::new();
    for (rule, level) in rules::all().iter().zip(levels) {
        if level.is_some() {
            rule.check(&cx, &mut findings);
        }
    }
    let paragraph_rules: Vec<&dyn rules::Rule> = rules::all()
        .iter()
        .zip(levels)
        .filter(|(r, l)| l.is_some() && r.scope() == rules::Scope::Paragraph)
        .map(|(r, _)| *r)
        .collect();
    words.paragraph_findings(&cx, &paragraph_rules, &mut findings);
    // The desk's own rules (rule sheets), at their configured severities.
    crate::sheets::check(&cx, &mut findings);
    words.keep_prose(text, article, &prose);
    (entities, findings)
}

/// [`analyze`], reusing what `reuse` kept from the last analysis of the same document.
pub fn analyze_reusing(text: &str, format: Format, config: &Config, reuse: &mut Reuse) -> Analysis {
    // The house style follows from each story's dateline credit (unless configured); the
    // quotation marks are paired once per story, with the settings that style calls for.
    let settings = |story: &Article| quote_settings(config, house_style(text, story, config).0);
    let article = if reuse.once {
        article::parse_with(text, format, settings)
    } else {
        article::parse_reusing(text, format, settings, &mut reuse.article)
    };
    let (style, style_source) = house_style(text, &article, config);
    let levels = rules::levels(config);
    // Each story of the file is checked on its own, in its own house style (a digest may
    // hold Reuters and AP copy): its names, its rules.
    let (mut entities, mut findings) = check_story(
        text,
        &article,
        (style, style_source),
        config,
        &levels,
        &mut reuse.entities,
        &mut reuse.words,
    );
    if !reuse.once {
        reuse
            .later
            .resize_with(article.stories.len(), Default::default);
    }
    for (k, story) in article.stories.iter().enumerate() {
        let story_style = house_style(text, story, config);
        let (story_entities, story_findings) = match reuse.later.get_mut(k) {
            Some((r, w)) => check_story(text, story, story_style, config, &levels, r, w),
            None => check_story(
                text,
                story,
                story_style,
                config,
                &levels,
                &mut entities::Reuse::once(),
                &mut WordStore::once(),
            ),
        };
        findings.extend(story_findings);
        let offset = entities.entities.len();
        entities
            .entities
            .extend(story_entities.entities.into_iter().map(|mut e| {
                e.id += offset;
                e
            }));
    }
    rules::suppress::apply(text, &article, config, &mut findings);
    rules::apply_levels(&levels, &mut findings);
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
    let outline = outline::outline(text, &article);
    Analysis {
        article,
        findings,
        outline,
        entities,
        style,
        style_source,
    }
}

/// Does `bytes` hold an ASCII digit? Tested 32 bytes at a time (a loop the compiler
/// vectorizes), not byte by byte.
fn has_ascii_digit(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(32);
    let any = |c: &[u8]| c.iter().fold(false, |any, b| any | b.is_ascii_digit());
    chunks.by_ref().any(any) || any(chunks.remainder())
}

/// The dateline (or what looks like one) at the start of paragraph `p`, relative to it.
fn dateline_in(article: &Article, p: &article::Paragraph) -> Option<Span> {
    if p.kind != article::ParagraphKind::Lede {
        return None;
    }
    let span = match article.dateline_read.as_ref()? {
        article::DatelineRead::Found(d) => d.span,
        article::DatelineRead::Unparseable { span, .. } => *span,
        article::DatelineRead::None => return None,
    };
    (span.start >= p.span.start && span.end <= p.span.end)
        .then(|| Span::new(span.start - p.span.start, span.end - p.span.start))
}

/// What the workspace index keeps of a text ([`crate::workspace`]): the article (each
/// story's quotation marks paired in its house style, as [`analyze`] reads them) and the
/// entities of every story, the same as [`Analysis::entities`], without running a rule.
pub fn read_entities(text: &str, format: Format, config: &Config) -> (Article, Entities) {
    let article = article::parse_with(text, format, |story| {
        quote_settings(config, house_style(text, story, config).0)
    });
    let mut entities = entities::extract(text, &article, &config.names);
    for story in &article.stories {
        let more = entities::extract(text, story, &config.names);
        let offset = entities.entities.len();
        entities
            .entities
            .extend(more.entities.into_iter().map(|mut e| {
                e.id += offset;
                e
            }));
    }
    (article, entities)
}

/// The quotations and the entity mentions of each paragraph of `article`, relative to
/// the paragraph's start, in order: what paragraph rules read beside the text.
#[allow(clippy::type_complexity)]
fn paragraph_facts(
    article: &Article,
    entities: &Entities,
) -> (Vec<Vec<Span>>, Vec<Vec<(Span, entities::EntityKind)>>) {
    let paragraphs = &article.paragraphs;
    let mut quoted = vec![Vec::new(); paragraphs.len()];
    let mut mentions = vec![Vec::new(); paragraphs.len()];
    let holding = |at: usize| {
        let i = paragraphs.partition_point(|p| p.span.end <= at);
        paragraphs
            .get(i)
            .filter(|p| p.span.start <= at)
            .map(|p| (i, p.span))
    };
    for q in article.quotes.quotations.iter().filter(|q| !q.headline) {
        if let Some((i, p)) = holding(q.open.start) {
            let end = q.close.map_or(p.end, |c| c.end.min(p.end));
            quoted[i].push(Span::new(q.open.start - p.start, end - p.start));
        }
    }
    for e in &entities.entities {
        for m in e.mentions.iter().filter(|m| !m.in_heading) {
            if let Some((i, p)) = holding(m.span.start) {
                if m.span.end <= p.end {
                    let rel = Span::new(m.span.start - p.start, m.span.end - p.start);
                    mentions[i].push((rel, e.kind));
                }
            }
        }
    }
    // Nested quotations lie inside their outer one: keep the disjoint union, in order.
    for q in &mut quoted {
        q.sort_unstable_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut merged: Vec<Span> = Vec::with_capacity(q.len());
        for s in q.drain(..) {
            match merged.last_mut() {
                Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        *q = merged;
    }
    for m in &mut mentions {
        m.sort_unstable_by_key(|(s, k)| (s.start, s.end, *k as u8));
    }
    (quoted, mentions)
}

/// The house style and where it came from: configured, else the one whose agency wrote
/// the dateline credit, else generic.
fn house_style(text: &str, article: &Article, config: &Config) -> (Style, StyleSource) {
    match config.style {
        Some(s) => (s, StyleSource::Configured),
        None => match article
            .dateline()
            .and_then(|d| d.credit)
            .and_then(|c| Style::from_credit(c.agency.text(text)))
        {
            Some(s) => (s, StyleSource::Credit),
            None => (Style::Generic, StyleSource::Default),
        },
    }
}

/// How to read the quotation marks of an article in `style` under `config`.
fn quote_settings(config: &Config, style: Style) -> quotes::Settings {
    quotes::Settings {
        nesting: config.quotes.nesting.unwrap_or_default(),
        headline_singles: matches!(style, Style::Ap | Style::Upi),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prose kept by paragraph text across edits is the prose read afresh, paragraph
    /// for paragraph, and the store keeps only the paragraphs of the last analysis.
    #[test]
    fn prose_kept_across_edits_equals_a_fresh_read() {
        let mut text = String::from(
            "WELLINGTON, Jan. 5 (Reuters) - Mr. Okafor said sales rose 5% to $5.2 million.\n\n\
             “It’s 東京 now,” he said—smiling 🎉. The vote is at 10:30 a.m. on March 14.\n\n\
             Shares fell 2.5 percent to 1,250 yen, the 14th fall.\n",
        );
        let mut store = WordStore::default();
        let edits = [
            (10, "X"),
            (90, " 7 p.m."),
            (40, "\n\nU.S. officials met. "),
            (0, ""),
        ];
        for (at, insert) in edits {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, insert);
            let article = article::parse(&text, Format::Plain);
            let (_, read) = store.paragraphs(&text, &article, &TokenCache::default());
            assert_eq!(read.len(), article.paragraphs.len());
            let reused = read.iter().filter(|c| c.get().is_some()).count();
            if insert.is_empty() {
                // Nothing changed: every paragraph's prose comes from the store.
                assert_eq!(reused, article.paragraphs.len());
            }
            for (p, cell) in article.paragraphs.iter().zip(&read) {
                let block = p.span.text(&text);
                let fresh = crate::prose::read(block);
                let kept = cell.get_or_init(|| Arc::new(Prose::of(block)));
                assert_eq!(kept.figures, fresh.figures, "{insert:?}");
                assert_eq!(kept.sentences(block), fresh.sentences(block), "{insert:?}");
            }
            store.keep_prose(&text, &article, &read);
            assert_eq!(store.prose.len(), {
                let mut distinct: Vec<&str> = article
                    .paragraphs
                    .iter()
                    .map(|p| p.span.text(&text))
                    .collect();
                distinct.sort_unstable();
                distinct.dedup();
                distinct.len()
            });
        }
    }

    /// A paragraph rule for the reuse test: reports every figure outside quotations,
    /// with a message naming everything it read (kind, mention, story facts), and counts
    /// the paragraphs it was run on.
    struct FigureProbe;
    static PROBE_RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    static PROBE: rules::RuleMeta = rules::RuleMeta {
        code: "test/figure-probe",
        default_severity: rules::Severity::Info,
        summary: "test",
        docs: "test",
    };
    impl rules::Rule for FigureProbe {
        fn meta(&self) -> &'static rules::RuleMeta {
            &PROBE
        }
        fn scope(&self) -> rules::Scope {
            rules::Scope::Paragraph
        }
        fn check_paragraph(&self, cx: &rules::ParagraphContext<'_>, out: &mut Vec<Finding>) {
            PROBE_RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            for f in cx.figures() {
                if cx.in_quotation(f.span) {
                    continue;
                }
                let message = format!(
                    "{:?} {:?} {:?} {:?} {:?} {}",
                    f.kind,
                    cx.mention_at(f.span),
                    cx.kind,
                    cx.story,
                    cx.mentions.len(),
                    f.span.text(cx.text),
                );
                out.push(
                    Finding::new(&PROBE, f.span, message)
                        .with_fix(rules::Fix::replace("probe", f.span, "#")),
                );
            }
        }
    }

    /// Paragraph findings kept across edits are the findings of a fresh check, finding
    /// for finding and byte for byte (spans and fix edits in place), and an edit to one
    /// paragraph re-runs the rules on that paragraph only.
    #[test]
    fn paragraph_findings_kept_across_edits_equal_a_fresh_check() {
        let config = Config::default();
        let mut text = String::from(
            "Markets rally\n\n\
             WELLINGTON, Jan. 5 (Reuters) - Prime Minister Aroha Tane said sales rose 5% to $5.2 million.\n\n\
             “It’s 東京 at 10:30 a.m., not 9,” Tane said—smiling 🎉. The vote is on March 14.\n\n\
             Shares fell 2.5 percent to 1,250 yen, the 14th fall in Auckland.\n",
        );
        let mut store = WordStore::default();
        let mut ereuse = entities::Reuse::default();
        let edits = [
            (0, ""),
            (200, " 7 p.m."),
            (120, "\n\nU.S. officials met 3 times. "),
            (0, ""),
            (16, "MOSCOW, "),
            (150, "“3 "),
        ];
        let runs = || PROBE_RUNS.load(std::sync::atomic::Ordering::Relaxed);
        for (n, (at, insert)) in edits.into_iter().enumerate() {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, insert);
            let article = article::parse(&text, Format::Plain);
            let check = |store: &mut WordStore, ereuse: &mut entities::Reuse| {
                let (ents, blocks) =
                    entities::extract_with_words(&text, &article, &config.names, ereuse);
                let (words, prose) = store.paragraphs(&text, &article, &blocks);
                let cx = Context {
                    text: &text,
                    article: &article,
                    style: Style::Reuters,
                    style_source: StyleSource::Credit,
                    config: &config,
                    entities: &ents,
                    words: &words,
                    prose: &prose,
                    names: &[],
                    shared: Default::default(),
                };
                let mut out = Vec::new();
                store.paragraph_findings(&cx, &[&FigureProbe], &mut out);
                store.keep_prose(&text, &article, &prose);
                out
            };
            let before = runs();
            let kept = check(&mut store, &mut ereuse);
            let reran = runs() - before;
            let fresh = check(&mut WordStore::once(), &mut entities::Reuse::once());
            assert_eq!(kept, fresh, "after edit {n} ({insert:?})");
            assert!(!fresh.is_empty());
            for f in &fresh {
                assert!(f.message.ends_with(f.span.text(&text)), "{f:?}");
                assert_eq!(f.fixes[0].edits[0].span, f.span);
            }
            match n {
                0 => assert_eq!(reran, article.paragraphs.len()),
                // Nothing changed: nothing re-run.
                3 => assert_eq!(reran, 0),
                // One paragraph changed (one more added by the edit at 120).
                1 | 5 => assert_eq!(reran, 1, "edit {n}"),
                _ => assert!(reran < article.paragraphs.len(), "edit {n}: {reran}"),
            }
        }
    }
}

#[cfg(test)]
mod digit_tests {
    /// The chunked digit test answers what the byte loop answers, at every length and
    /// position around the 32-byte chunks.
    #[test]
    fn has_ascii_digit_equals_the_byte_loop() {
        for len in 0..80 {
            for at in 0..=len {
                let mut b = vec![b'a'; len];
                if at < len {
                    b[at] = b"0123456789/:"[at % 12];
                }
                assert_eq!(
                    super::has_ascii_digit(&b),
                    b.iter().any(u8::is_ascii_digit),
                    "{len} {at}"
                );
            }
        }
        let s = "“It’s 東京 now,” he said—smiling 🎉 at ٣ and ３.";
        assert!(!super::has_ascii_digit(s.as_bytes()));
        assert!(super::has_ascii_digit(format!("{s}{s}7").as_bytes()));
    }
}
