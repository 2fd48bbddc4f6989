use super::guard::Guard;
use crate::config::Style;
use crate::declare_rule;
use crate::gazetteer::{gazetteer, key};
use crate::rules::dateline::profile::{self, AP_STATES};
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A city that stands alone followed by its state or country in body text.
    ///
    /// AP names the cities that need no state or country in a dateline (`CHICAGO`,
    /// `PARIS`), and writes them alone in the body of a story too: `Paris`, not
    /// `Paris, France`; `Chicago`, not `Chicago, Illinois`. The lists are the dateline
    /// profile's (wire-style.md §2; the foreign list is unconfirmed), edited by
    /// `[dateline] standalone_add` / `standalone_remove`. Only the region that holds the
    /// city is reported: `Paris, Texas` is another city and is left alone, and so is
    /// `Washington, D.C.`.
    ///
    /// House styles: AP by default; `[places] standalone_in_text = true` or `false` sets it
    /// for any style. Never in the dateline, quotations, tables, URLs or tickers.
    ///
    /// ## Example
    ///
    /// ```text
    /// The talks in Geneva, Switzerland, ended on Monday.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// The talks in Geneva ended on Monday.
    /// ```
    pub struct StandaloneCity {
        code: "places/standalone-city",
        severity: Warning,
        summary: "a city that stands alone is followed by its state or country in body text",
    }
}

/// The stand-alone city (with its country code) that `name` is, under `style`'s dateline
/// profile and the house's additions and removals.
fn standalone(cx: &ParagraphContext<'_>, name: &str) -> Option<&'static str> {
    let k = key(name);
    let d = &cx.config.dateline;
    if d.standalone_remove.iter().any(|r| key(r) == k) {
        return None;
    }
    // The AP profile's stand-alone cities by key (the first entry of a key wins, as the
    // lists read in order did), built once instead of a walk of the lists per word.
    static LISTED: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let listed = LISTED.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for &(c, cc) in profile::profile(Style::Ap)
            .standalone
            .iter()
            .flat_map(|l| l.iter())
        {
            m.entry(c).or_insert(cc);
        }
        m
    });
    let listed = listed.get(k.as_str()).copied();
    listed.or_else(|| {
        d.standalone_add
            .iter()
            .any(|a| key(a) == k)
            .then(|| gazetteer().cities(name).first().map(|p| p.country))
            .flatten()
    })
}

/// Whether the region written at the start of `rest` holds the city of country `cc` named
/// `city`: its length.
fn region_of(rest: &str, city: &str, cc: &str) -> Option<usize> {
    let word_end = |n: usize| {
        rest[n..]
            .chars()
            .next()
            .map_or(true, |c| !c.is_alphanumeric())
    };
    if cc == "US" {
        let (_, name, ap) = AP_STATES.iter().find(|(postal, name, ap)| {
            *postal != "DC"
                && [*name, *ap]
                    .iter()
                    .any(|f| rest.starts_with(f) && word_end(f.len()))
        })?;
        let g = gazetteer();
        let region = g.region(name)?;
        if !g.region_contains(region, city) {
            return None;
        }
        return [*name, *ap]
            .iter()
            .filter(|f| rest.starts_with(**f) && word_end(f.len()))
            .map(|f| f.len())
            .max();
    }
    // A country: the capitalized words up to the next punctuation.
    let end = rest
        .find(|c: char| !(c.is_alphabetic() || c == ' ' || c == '-'))
        .unwrap_or(rest.len());
    let words = rest[..end].trim_end();
    let mut best = None;
    let mut len = 0;
    for w in words.split(' ') {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        len += if len == 0 { w.len() } else { w.len() + 1 };
        if gazetteer()
            .country(&rest[..len])
            .is_some_and(|c| c.country == cc)
        {
            best = Some(len);
        }
    }
    best
}

/// Whether the comma at `comma` of the paragraph follows a stand-alone city and precedes
/// the region that holds it: the city's start and the region's length.
pub(super) fn standalone_at(cx: &ParagraphContext<'_>, comma: usize) -> Option<(usize, usize)> {
    let text = cx.text;
    let rest = text.get(comma + 2..)?;
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // The city: one to three title-case words before the comma, the longest listed.
    let before = &text[..comma];
    let mut found = None;
    let mut start = before.len();
    for _ in 0..3 {
        let seg = &before[..start];
        let Some(ws) = seg
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            .last()
            .map(|(i, _)| i)
        else {
            break;
        };
        let w = &seg[ws..];
        if !(w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase))
        {
            break;
        }
        if let Some(cc) = standalone(cx, &before[ws..]) {
            found = Some((ws, cc));
        }
        match seg[..ws].strip_suffix(' ') {
            Some(s) => start = s.len(),
            None => break,
        }
    }
    let (city_start, cc) = found?;
    let len = region_of(rest, &before[city_start..], cc)?;
    Some((city_start, len))
}

/// Whether the rule is on for the paragraph's story.
pub(super) fn on(cx: &ParagraphContext<'_>) -> bool {
    cx.config
        .places
        .standalone_in_text
        .unwrap_or(cx.story.style == Style::Ap)
}

impl Rule for StandaloneCity {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        if !on(cx) {
            return;
        }
        let text = cx.text;
        let mut guard: Option<Guard> = None;
        for comma in super::comma_spaces(text) {
            let Some((city_start, len)) = standalone_at(cx, comma) else {
                continue;
            };
            let before = &text[..comma];
            let city = &before[city_start..];
            let region_end = comma + 2 + len;
            let mut span = Span::new(comma, region_end);
            let guard = guard.get_or_insert_with(|| Guard::new(cx));
            if guard.table || guard.skip(cx, Span::new(city_start, region_end)) {
                continue;
            }
            let after = &text[region_end..];
            // A state abbreviation's period may end the sentence: keep it.
            let region = &text[comma + 2..region_end];
            let mut replacement = String::new();
            if region.ends_with('.') && super::ends_sentence(text, cx.prose(), region_end) {
                replacement.push('.');
            } else if after.starts_with(',') {
                // The comma that closed the region goes with it.
                span.end += 1;
            }
            out.push(
                Finding::new(
                    &Self::META,
                    Span::new(comma + 2, region_end),
                    format!("`{city}` stands alone: it needs no `{region}` after it"),
                )
                .with_fix(Fix::replace(
                    format!("Remove `, {region}`"),
                    span,
                    replacement,
                )),
            );
        }
    }
}
