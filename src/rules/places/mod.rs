//! `places/*`: U.S. states, the United States' abbreviation and stand-alone cities in body
//! text and headlines, in the house form (wire-style.md §4). The dateline's own place
//! forms are the `dateline/` rules' business; these rules never look at the dateline.

pub(crate) mod guard;
mod standalone_city;
mod state_name;
mod us_in_headline;
mod us_in_text;

#[cfg(test)]
mod tests;

pub use standalone_city::StandaloneCity;
pub use state_name::StateName;
pub use us_in_headline::UsInHeadline;
pub use us_in_text::UsInText;

use super::Rule;
use crate::config::{Config, StateNames, Style, UsForm};

pub const RULES: &[&dyn Rule] = &[&StandaloneCity, &StateName, &UsInHeadline, &UsInText];

/// How `style` writes state names after a city in body text: `[places] states`, else AP's
/// spelled-out names for AP; the other houses' forms are unconfirmed, so they are left alone.
pub(crate) fn state_names(style: Style, config: &Config) -> StateNames {
    config.places.states.unwrap_or(match style {
        Style::Ap => StateNames::Spelled,
        _ => StateNames::Any,
    })
}

/// How `style` writes the United States' abbreviation in body text: `[places] us`, else
/// `US` for AFP, `U.S.` for the other agencies, either in generic copy.
pub(crate) fn us_in_text(style: Style, config: &Config) -> UsForm {
    config.places.us.unwrap_or(match style {
        Style::Afp => UsForm::Bare,
        Style::Generic => UsForm::Any,
        _ => UsForm::Periods,
    })
}

/// The sentence of `prose` holding `span` ends right after it (closing marks aside).
pub(crate) fn ends_sentence(text: &str, prose: &crate::prose::Prose, end: usize) -> bool {
    let Some(s) = prose.sentence_at(text, end.saturating_sub(1)) else {
        return false;
    };
    text.get(end..s.end).is_some_and(|rest| {
        rest.chars()
            .all(|c| matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'))
    })
}

/// The offsets of every `, ` in `text`, in order (what `text.match_indices(", ")` finds,
/// by a byte search for the comma).
pub(crate) fn comma_spaces(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes).filter(move |&i| bytes.get(i + 1) == Some(&b' '))
}
