//! `titles/*`: formal titles before and after names (wire-style.md §4): capitalized
//! directly before a name, lowercase alone, abbreviated before a full name per house.
//!
//! The rules read the recognizer's people ([`crate::rules::ParagraphContext::mentions`]):
//! a title is one only before a person's name, so a capitalized word that is not before a
//! person is left alone.

mod abbreviation;
mod capitalized_alone;
mod lowercase_before_name;

#[cfg(test)]
mod tests;

pub use abbreviation::Abbreviation;
pub use capitalized_alone::CapitalizedAlone;
pub use lowercase_before_name::LowercaseBeforeName;

use super::Rule;
use crate::config::{Config, Style, TitleAbbreviation};

pub const RULES: &[&dyn Rule] = &[&Abbreviation, &CapitalizedAlone, &LowercaseBeforeName];

/// Whether `style` abbreviates titles before a full name: `[titles] abbreviate`, else AP
/// and UPI do (`Gov.`, `Sen.`), Xinhua spells them out, and the others are left alone
/// (their forms are unconfirmed and their copy writes both).
pub(crate) fn abbreviation(style: Style, config: &Config) -> TitleAbbreviation {
    config.titles.abbreviate.unwrap_or(match style {
        Style::Ap | Style::Upi => TitleAbbreviation::BeforeFullName,
        Style::Xinhua => TitleAbbreviation::Never,
        _ => TitleAbbreviation::Any,
    })
}

/// Titles and the abbreviation AP writes before a full name: (spelled out, abbreviated).
/// Longest first, so that `Lieutenant Governor` is read before `Governor`.
pub(crate) const ABBREVIATED: &[(&str, &str)] = &[
    ("Lieutenant Governor", "Lt. Gov."),
    ("Lieutenant General", "Lt. Gen."),
    ("Major General", "Maj. Gen."),
    ("Brigadier General", "Brig. Gen."),
    ("Lieutenant Colonel", "Lt. Col."),
    ("Rear Admiral", "Rear Adm."),
    ("Vice Admiral", "Vice Adm."),
    ("Governor", "Gov."),
    ("Senator", "Sen."),
    ("Representative", "Rep."),
    ("Reverend", "Rev."),
    ("General", "Gen."),
    ("Colonel", "Col."),
    ("Admiral", "Adm."),
    ("Sergeant", "Sgt."),
    ("Lieutenant", "Lt."),
];

/// Whether the mention at `span` of `cx` is a person's full name (two words or more).
pub(crate) fn full_name(text: &str, span: crate::span::Span) -> bool {
    span.text(text).trim().contains(' ')
}
