//! `attribution/*`: how quotations are attributed (wire-style.md §4). `said` is neutral
//! and always right; other verbs colour the quote. Preferences, reported as `info`.

mod inside_quotation;
mod said;

#[cfg(test)]
mod tests;

pub use inside_quotation::InsideQuotation;
pub use said::Said;

use super::Rule;

pub const RULES: &[&dyn Rule] = &[&InsideQuotation, &Said];
