use super::guard::Guard;
use crate::config::StateNames;
use crate::declare_rule;
use crate::gazetteer::{gazetteer, Region};
use crate::rules::dateline::profile::AP_STATES;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// A U.S. state after a city in body text, not in the house form.
    ///
    /// Since 2014 AP spells state names out in the body of a story, alone or after a city
    /// (`Springfield, Illinois`); its abbreviations (`Ill.`, `Calif.`) stay in datelines,
    /// party affiliations (`D-Ill.`), lists and tables, and postal codes (`IL`) belong in
    /// full mailing addresses only. The rule reads a state after a city and a comma in
    /// body text: an AP abbreviation, or a postal code after a city the gazetteer places in
    /// that state, and offers the spelled-out name.
    ///
    /// House styles: AP by default. `[places] states = "abbreviated"` holds copy to AP's
    /// abbreviations instead (spelled-out names and postal codes after a city are flagged,
    /// the eight states AP never abbreviates excepted); `"spelled"` applies AP's form to
    /// any style; `"any"` (the default for Reuters, UPI, AFP, Xinhua, Bloomberg and
    /// generic copy, whose body forms are unconfirmed) turns the rule off. Never reported:
    /// the dateline, quotations, party labels (`R-N.Y.`), addresses with a ZIP code,
    /// tables, URLs and tickers.
    ///
    /// ## Example
    ///
    /// ```text
    /// The plant in Lombard, Ill., will close.
    /// ```
    ///
    /// Write instead (AP):
    ///
    /// ```text
    /// The plant in Lombard, Illinois, will close.
    /// ```
    pub struct StateName {
        code: "places/state-name",
        severity: Warning,
        summary: "a U.S. state after a city is not in the house form (AP spells it out in body text)",
    }
}

/// How a state was written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    Ap,
    Postal,
    Full,
}

/// The state written at byte `at` of `text`, with its form and length.
fn state_at(text: &str, at: usize) -> Option<(usize, Written, usize)> {
    let rest = text.get(at..)?;
    let boundary = |n: usize| {
        rest[n..]
            .chars()
            .next()
            .map_or(true, |c| !c.is_alphanumeric())
    };
    // Every state's name, abbreviation and postal code opens with a capital letter: most
    // commas are followed by anything else, and each entry is skipped on its first byte.
    let first = *rest.as_bytes().first()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    // The states (in table order) whose name, abbreviation or postal code opens with
    // each capital letter: a handful per letter instead of the whole table per comma.
    static BY_LETTER: std::sync::OnceLock<[Vec<usize>; 26]> = std::sync::OnceLock::new();
    let by_letter = BY_LETTER.get_or_init(|| {
        let mut t: [Vec<usize>; 26] = Default::default();
        for (i, &(postal, name, ap)) in AP_STATES.iter().enumerate() {
            if postal == "DC" {
                continue;
            }
            for (l, list) in t.iter_mut().enumerate() {
                let letter = b'A' + l as u8;
                let opens = |s: &str| s.as_bytes().first() == Some(&letter);
                if opens(postal) || opens(name) || opens(ap) {
                    list.push(i);
                }
            }
        }
        t
    });
    for &i in &by_letter[usize::from(first - b'A')] {
        let (postal, name, ap) = AP_STATES[i];
        if ap != name && rest.starts_with(ap) && boundary(ap.len()) {
            return Some((i, Written::Ap, ap.len()));
        }
        if rest.starts_with(postal) && boundary(2) && !rest[2..].starts_with(['.', '-', '&', '/']) {
            return Some((i, Written::Postal, 2));
        }
        if rest.starts_with(name) && boundary(name.len()) {
            return Some((i, Written::Full, name.len()));
        }
    }
    None
}

/// The city before the comma at `comma`: up to three capitalized words, the longest the
/// gazetteer places in `state` first; `None` when the word before is not capitalized.
fn city_before(text: &str, comma: usize, state: &str) -> Option<Known> {
    let before = text.get(..comma)?;
    let mut starts = Vec::new();
    let mut end = before.len();
    for _ in 0..3 {
        let seg = &before[..end];
        let Some(start) = seg
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            .last()
            .map(|(i, _)| i)
        else {
            break;
        };
        let word = &seg[start..];
        let title = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase);
        if !(title || !starts.is_empty() && matches!(word, "St." | "Ft." | "Mt.")) {
            break;
        }
        starts.push(start);
        match seg[..start].strip_suffix(' ') {
            Some(s) => end = s.len(),
            None => break,
        }
    }
    if starts.is_empty() {
        return None;
    }
    let g = gazetteer();
    let region = g.region(state)?;
    if !matches!(region, Region::State(_)) {
        return Some(Known::Elsewhere);
    }
    if starts
        .iter()
        .rev()
        .any(|&s| g.region_contains(region, &before[s..]))
    {
        return Some(Known::InState);
    }
    // A town too small for the gazetteer (`Alamo, CA`): no city of that name anywhere.
    if starts.iter().all(|&s| g.cities(&before[s..]).is_empty()) {
        return Some(Known::Unknown);
    }
    Some(Known::Elsewhere)
}

/// What the gazetteer says of the city before a state (a postal code that is no word
/// needs none of it; one that is a word needs `InState`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    InState,
    /// No city of that name is known.
    Unknown,
    /// Cities of that name are known, none in that state.
    Elsewhere,
}

/// Postal codes that are also words or other abbreviations (`IN`, `OR`, `LA`, `PA`):
/// taken for a state only after a city the gazetteer places there.
const AMBIGUOUS_POSTAL: &[&str] = &[
    "IN", "OR", "ME", "OK", "HI", "LA", "DE", "AL", "CO", "MD", "MO", "MS", "NE", "SC", "ID", "UT",
    "MT",
];

impl Rule for StateName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let house = super::state_names(cx.story.style, cx.config);
        if house == StateNames::Any {
            return;
        }
        let mut guard: Option<Guard> = None;
        let text = cx.text;
        for comma in super::comma_spaces(text) {
            let at = comma + 2;
            let Some((i, written, len)) = state_at(text, at) else {
                continue;
            };
            let (_, name, ap) = AP_STATES[i];
            let wanted = match (house, written) {
                (StateNames::Spelled, Written::Ap | Written::Postal) => name,
                (StateNames::Abbreviated, Written::Full | Written::Postal) if ap != name => ap,
                _ => continue,
            };
            let mut span = Span::new(at, at + len);
            // An address: a ZIP code follows.
            let after = &text[span.end..];
            let zip = after.trim_start_matches([' ', ',']);
            if zip.len() >= 5 && zip.as_bytes()[..5].iter().all(u8::is_ascii_digit) {
                continue;
            }
            // The city must be a capitalized word; a postal code or a spelled-out name
            // needs the gazetteer's word that the city lies in that state.
            let Some(known) = city_before(text, comma, name) else {
                continue;
            };
            let (postal, _, _) = AP_STATES[i];
            let sure = match (written, known) {
                (Written::Ap, _) | (_, Known::InState) => true,
                (Written::Postal, _) => !AMBIGUOUS_POSTAL.contains(&postal),
                _ => false,
            };
            if !sure {
                continue;
            }
            // `Chicago, Ill.`: `places/standalone-city` reports the whole region.
            if super::standalone_city::on(cx)
                && super::standalone_city::standalone_at(cx, comma).is_some()
            {
                continue;
            }
            let guard = guard.get_or_insert_with(|| Guard::new(cx));
            if guard.table || guard.skip(cx, span) {
                continue;
            }
            let mut replacement = wanted.to_string();
            if written == Written::Ap && super::ends_sentence(text, cx.prose(), span.end) {
                // `in Lombard, Ill.`: the abbreviation's period also ends the sentence.
                replacement.push('.');
            } else if wanted.ends_with('.') && after.starts_with('.') {
                span.end += 1;
            }
            let form = span.text(text);
            let message = match house {
                StateNames::Spelled => format!(
                    "in {} style the state is spelled out in body text: `{name}`, not `{form}`",
                    cx.story.style.agency()
                ),
                _ => format!("the house abbreviates states after a city: `{ap}`, not `{form}`"),
            };
            out.push(
                Finding::new(&Self::META, span, message).with_fix(Fix::replace(
                    format!("Write `{wanted}`"),
                    span,
                    replacement,
                )),
            );
        }
    }
}
