//! Matching every desk rule of a configuration in one pass per part of the article.
//!
//! Every phrase of every `substitute` and `forbid` rule is one pattern of a single
//! Aho-Corasick automaton (ASCII case folded; each hit is then checked against the forms
//! the rule accepts, its word boundaries and its exceptions), and every `pattern` rule is
//! one member of a `RegexSet`, run once over the text; only the rules the set reports are
//! then run on their own. Both are built once per configuration.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::RegexSet;

use super::{DeskRule, Kind, Scope};
use crate::article::{Article, ParagraphKind};
use crate::rules::{Finding, Fix, Severity};
use crate::span::Span;

pub(crate) struct Matcher {
    phrases: Option<AhoCorasick>,
    /// Per automaton pattern: the rule phrases it stands for.
    targets: Vec<Vec<Target>>,
    set: Option<RegexSet>,
    /// Per set member: the rule index.
    set_rules: Vec<usize>,
}

struct Target {
    rule: usize,
    /// A literal prefix of a `pattern` rule, not a phrase: a hit makes the rule a
    /// candidate to run.
    trigger: bool,
    phrase: usize,
    /// The forms the text may take, normalized ([`normalize`]): as written, in capitals,
    /// first letter capitalized; for `ignore_case`, the lower-cased phrase alone.
    forms: Vec<String>,
    ignore_case: bool,
    /// Whether the phrase begins / ends with a word character (then a boundary is needed).
    word_start: bool,
    word_end: bool,
}

/// One part of the article to search, and which scope it belongs to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Region {
    pub span: Span,
    pub part: Scope,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Straight and typographic apostrophes are one; so are the hyphens.
fn norm_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        '\u{00A0}' | '\u{202F}' => ' ',
        c => c,
    }
}

fn normalize(s: &str) -> String {
    s.chars().map(norm_char).collect()
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The replacement in the case of what it replaces: `KIEV` -> `KYIV`, `In order to` -> `To`.
pub(crate) fn keep_case(found: &str, replacement: &str) -> String {
    let letters = found.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !found.chars().any(char::is_lowercase) {
        return replacement.to_uppercase();
    }
    if found.chars().next().is_some_and(char::is_uppercase)
        && replacement.chars().next().is_some_and(char::is_lowercase)
    {
        return capitalized(replacement);
    }
    replacement.to_string()
}

/// `s` with every straight/typographic apostrophe and hyphen choice: the forms text may
/// take for a phrase written with either.
fn mark_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    let swap = |v: &[String], from: &[char], to: char| -> Vec<String> {
        v.iter()
            .filter(|x| x.contains(from))
            .map(|x| {
                x.chars()
                    .map(|c| if from.contains(&c) { to } else { c })
                    .collect()
            })
            .collect()
    };
    let mut more = swap(&out, &['\'', '\u{2019}'], '\u{2019}');
    more.extend(swap(&out, &['\'', '\u{2019}'], '\''));
    out.extend(more);
    let mut more = swap(&out, &['-', '\u{2011}'], '\u{2011}');
    more.extend(swap(&out, &['-', '\u{2011}'], '-'));
    out.extend(more);
    out.sort();
    out.dedup();
    out
}

impl Matcher {
    pub fn new(rules: &[DeskRule]) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut set_sources = Vec::new();
        let mut set_rules = Vec::new();
        for (ri, rule) in rules.iter().enumerate() {
            match &rule.kind {
                Kind::Phrases {
                    phrases,
                    ignore_case,
                } => {
                    for (pi, p) in phrases.iter().enumerate() {
                        let text = p.text.as_str();
                        let forms: Vec<String> = if *ignore_case {
                            vec![normalize(&text.to_lowercase())]
                        } else {
                            let mut f = vec![
                                normalize(text),
                                normalize(&text.to_uppercase()),
                                normalize(&capitalized(text)),
                            ];
                            f.dedup();
                            f
                        };
                        // The automaton folds ASCII case only: other letters need their
                        // case forms spelled out.
                        let mut spellings = vec![text.to_string()];
                        if !text.is_ascii() {
                            spellings.push(text.to_uppercase());
                            spellings.push(text.to_lowercase());
                            spellings.push(capitalized(text));
                        }
                        let mut seen_here: Vec<usize> = Vec::new();
                        for s in spellings {
                            for v in mark_variants(&s) {
                                let key = v.to_ascii_lowercase();
                                let id = *index.entry(key.clone()).or_insert_with(|| {
                                    patterns.push(key);
                                    targets.push(Vec::new());
                                    patterns.len() - 1
                                });
                                if seen_here.contains(&id) {
                                    continue;
                                }
                                seen_here.push(id);
                                targets[id].push(Target {
                                    rule: ri,
                                    trigger: false,
                                    phrase: pi,
                                    forms: forms.clone(),
                                    ignore_case: *ignore_case,
                                    word_start: text.chars().next().is_some_and(is_word),
                                    word_end: text.chars().next_back().is_some_and(is_word),
                                });
                            }
                        }
                    }
                }
                Kind::Pattern { source, .. } => match triggers(source) {
                    Some(lits) => {
                        for lit in lits {
                            let key = lit.to_ascii_lowercase();
                            let id = *index.entry(key.clone()).or_insert_with(|| {
                                patterns.push(key);
                                targets.push(Vec::new());
                                patterns.len() - 1
                            });
                            if !targets[id].iter().any(|t| t.trigger && t.rule == ri) {
                                targets[id].push(Target {
                                    rule: ri,
                                    trigger: true,
                                    phrase: 0,
                                    forms: Vec::new(),
                                    ignore_case: false,
                                    word_start: false,
                                    word_end: false,
                                });
                            }
                        }
                    }
                    None => {
                        set_sources.push(source.clone());
                        set_rules.push(ri);
                    }
                },
            }
        }
        let phrases = (!patterns.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    // A DFA: the fastest search per byte, built once per configuration.
                    .kind(Some(AhoCorasickKind::DFA))
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        // Each member compiled alone when the sheet was read; together they can only
        // exceed the size limit, which then falls back to running every pattern rule.
        let set = (!set_sources.is_empty())
            .then(|| {
                regex::RegexSetBuilder::new(&set_sources)
                    .size_limit(64 << 20)
                    .build()
                    .ok()
            })
            .flatten();
        Matcher {
            phrases,
            targets,
            set,
            set_rules,
        }
    }

    /// Push the findings of every rule whose level is `Some` for the article.
    pub fn run(
        &self,
        rules: &[DeskRule],
        levels: &[Option<Severity>],
        text: &str,
        article: &Article,
        out: &mut Vec<Finding>,
    ) {
        let regions = regions(text, article);
        let mut hits: Vec<(usize, Span, Option<String>)> = Vec::new();
        // Pattern rules whose literal prefix the automaton found.
        let mut triggered: Vec<usize> = Vec::new();
        if let Some(ac) = &self.phrases {
            // One pass over the whole text; each hit is then placed in its region (regions
            // are sorted and disjoint), and one that is in none or crosses a region's end
            // is dropped.
            for m in ac.find_overlapping_iter(text) {
                let span = Span::new(m.start(), m.end());
                let i = regions.partition_point(|r| r.span.end <= span.start);
                let Some(region) = regions.get(i) else {
                    continue;
                };
                if region.span.start > span.start || span.end > region.span.end {
                    continue;
                }
                {
                    for t in &self.targets[m.pattern().as_usize()] {
                        if t.trigger {
                            if levels[t.rule].is_some() {
                                triggered.push(t.rule);
                            }
                            continue;
                        }
                        let rule = &rules[t.rule];
                        if levels[t.rule].is_none() || !rule.scope.has(region.part) {
                            continue;
                        }
                        let found = &text[span.start..span.end];
                        if !accepts(t, found) || !bounded(text, span, t) || exempt(rule, text, span)
                        {
                            continue;
                        }
                        let fix = match &rule.kind {
                            Kind::Phrases { phrases, .. } => phrases[t.phrase]
                                .replacement
                                .as_deref()
                                .map(|r| keep_case(found, r)),
                            Kind::Pattern { .. } => None,
                        };
                        hits.push((t.rule, span, fix));
                    }
                }
            }
        }
        {
            let mut candidates = triggered;
            if !self.set_rules.is_empty() {
                match &self.set {
                    Some(set) => {
                        candidates.extend(set.matches(text).iter().map(|i| self.set_rules[i]))
                    }
                    None => candidates.extend_from_slice(&self.set_rules),
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for ri in candidates {
                let rule = &rules[ri];
                let Kind::Pattern { regex, replace, .. } = &rule.kind else {
                    continue;
                };
                if levels[ri].is_none() {
                    continue;
                }
                for region in regions.iter().filter(|r| rule.scope.has(r.part)) {
                    let hay = &text[region.span.start..region.span.end];
                    for caps in regex.captures_iter(hay) {
                        let Some(m) = caps.get(0) else { continue };
                        if m.is_empty() {
                            continue;
                        }
                        let span =
                            Span::new(region.span.start + m.start(), region.span.start + m.end());
                        if exempt(rule, text, span) {
                            continue;
                        }
                        let fix = replace.as_deref().map(|r| {
                            let mut dst = String::new();
                            caps.expand(r, &mut dst);
                            dst
                        });
                        hits.push((ri, span, fix));
                    }
                }
            }
        }
        // One finding per place per rule: of a rule's overlapping hits, the longest.
        hits.sort_by_key(|h| (h.0, h.1.start, std::cmp::Reverse(h.1.end)));
        let mut last: Option<(usize, usize)> = None;
        for (ri, span, fix) in hits {
            if let Some((lr, lend)) = last {
                if lr == ri && span.start < lend {
                    continue;
                }
            }
            last = Some((ri, span.end));
            let rule = &rules[ri];
            let Some(severity) = levels[ri] else { continue };
            let found = &text[span.start..span.end];
            let message = if rule.message.contains('{') {
                rule.message
                    .replace("{found}", found)
                    .replace("{fix}", fix.as_deref().unwrap_or(""))
            } else {
                rule.message.clone()
            };
            let mut f = Finding {
                code: rule.code,
                severity,
                span,
                message,
                fixes: Vec::new(),
                related: Vec::new(),
            };
            if let Some(fix) = fix {
                if fix != found {
                    let title = if fix.is_empty() {
                        format!("Delete `{found}`")
                    } else {
                        format!("Replace with `{fix}`")
                    };
                    f.fixes.push(Fix::replace(title, span, fix));
                }
            }
            out.push(f);
        }
    }
}

/// Literals one of which every match of the regular expression `source` starts with,
/// when there are a few of at least two bytes each (so the phrase automaton can find the
/// places the pattern may match); `None` sends the pattern to the `RegexSet`.
pub(super) fn triggers(source: &str) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(source)
        .ok()?;
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(64)
        .extract(&hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > 32 {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    for l in lits {
        let s = std::str::from_utf8(l.as_bytes()).ok()?;
        if s.len() < 2 {
            return None;
        }
        out.push(s.to_string());
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The text matches one of the forms the phrase accepts.
fn accepts(t: &Target, found: &str) -> bool {
    if t.ignore_case {
        let mut lower = found.chars().flat_map(char::to_lowercase).map(norm_char);
        let form = &t.forms[0];
        return form.chars().all(|c| lower.next() == Some(c)) && lower.next().is_none();
    }
    t.forms.iter().any(|form| {
        let mut it = found.chars().map(norm_char);
        form.chars().all(|c| it.next() == Some(c)) && it.next().is_none()
    })
}

/// A phrase that starts (ends) with a letter or digit is not part of a longer word.
fn bounded(text: &str, span: Span, t: &Target) -> bool {
    let before_ok = !t.word_start || !text[..span.start].chars().next_back().is_some_and(is_word);
    let after_ok = !t.word_end || !text[span.end..].chars().next().is_some_and(is_word);
    before_ok && after_ok
}

/// The match is followed by an `unless_before` phrase or preceded by an `unless_after` one.
fn exempt(rule: &DeskRule, text: &str, span: Span) -> bool {
    if !rule.unless_before.is_empty() {
        let rest = text[span.end..].trim_start();
        if rule
            .unless_before
            .iter()
            .any(|p| starts_with_phrase(rest, p))
        {
            return true;
        }
    }
    if !rule.unless_after.is_empty() {
        let head = text[..span.start].trim_end();
        if rule.unless_after.iter().any(|p| ends_with_phrase(head, p)) {
            return true;
        }
    }
    false
}

/// Case-insensitive comparison of one char with a lower-cased, normalized one.
fn same(c: char, lower: char) -> bool {
    let c = norm_char(c);
    c == lower || c.to_lowercase().eq(std::iter::once(lower))
}

fn starts_with_phrase(hay: &str, phrase: &str) -> bool {
    let mut it = hay.char_indices();
    for p in phrase.chars().map(norm_char) {
        match it.next() {
            Some((_, c)) if same(c, p) => {}
            _ => return false,
        }
    }
    let end_word = phrase.chars().next_back().is_some_and(is_word);
    !end_word || !it.next().is_some_and(|(_, c)| is_word(c))
}

fn ends_with_phrase(hay: &str, phrase: &str) -> bool {
    let mut it = hay.chars().rev();
    for p in phrase.chars().rev().map(norm_char) {
        match it.next() {
            Some(c) if same(c, p) => {}
            _ => return false,
        }
    }
    let start_word = phrase.chars().next().is_some_and(is_word);
    !start_word || !it.next().is_some_and(is_word)
}

/// The parts of the article desk rules can run in: the headline, the dateline, body
/// paragraphs and subheads split into text outside and inside quotations, the trailers.
pub(crate) fn regions(text: &str, article: &Article) -> Vec<Region> {
    let mut out = Vec::new();
    if let Some(h) = &article.headline {
        out.push(Region {
            span: h.text,
            part: Scope::HEADLINE,
        });
    }
    let dateline = article.dateline().map(|d| d.span);
    if let Some(d) = dateline {
        out.push(Region {
            span: d,
            part: Scope::DATELINE,
        });
    }
    for s in &article.sections {
        out.push(Region {
            span: s.title,
            part: Scope::BODY,
        });
    }
    let quotes = &article.quotes.quotations;
    let mut qi = 0;
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let mut start = p.span.start;
        if p.kind == ParagraphKind::Lede {
            if let Some(d) = dateline {
                if d.start >= p.span.start && d.end <= p.span.end {
                    start = d.end;
                }
            }
        }
        while qi < quotes.len() && quotes[qi].paragraph < pi {
            qi += 1;
        }
        let mut cursor = start;
        let mut j = qi;
        while j < quotes.len() && quotes[j].paragraph == pi {
            let q = &quotes[j];
            j += 1;
            let q_start = q.open.start.max(cursor);
            let q_end = q.close.map_or(p.span.end, |c| c.end).min(p.span.end);
            if q_end <= cursor || q_start >= p.span.end {
                continue;
            }
            if q_start > cursor {
                out.push(Region {
                    span: Span::new(cursor, q_start),
                    part: Scope::BODY,
                });
            }
            out.push(Region {
                span: Span::new(q_start, q_end),
                part: Scope::QUOTATION,
            });
            cursor = q_end;
        }
        if cursor < p.span.end {
            out.push(Region {
                span: Span::new(cursor, p.span.end),
                part: Scope::BODY,
            });
        }
    }
    for t in &article.trailers {
        out.push(Region {
            span: t.span,
            part: Scope::TRAILER,
        });
    }
    out.sort_by_key(|r| r.span.start);
    // Spans lie on character boundaries of `text`; keep only those that do.
    out.retain(|r| {
        r.span.start <= r.span.end
            && r.span.end <= text.len()
            && text.is_char_boundary(r.span.start)
            && text.is_char_boundary(r.span.end)
    });
    out
}
