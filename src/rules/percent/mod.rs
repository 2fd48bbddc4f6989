//! `percent/*`: percentages with figures: the house form (`3.1%` or `3.1 percent`) and
//! the leading zero (`0.6%`).
//!
//! Both are [`Scope::Paragraph`](crate::rules::Scope::Paragraph) rules held back by the
//! numbers family's guard (never in quotations, URLs, e-mail addresses, code spans,
//! tickers, tables or the dateline). `percentage point(s)` is never a percentage here.

mod form;
mod leading_zero;
#[cfg(test)]
mod tests;

pub use form::Form;
pub use leading_zero::LeadingZero;

use super::Rule;

pub const RULES: &[&dyn Rule] = &[&Form, &LeadingZero];
