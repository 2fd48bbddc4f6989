//! `slug/*`: what a story's slug line says about the story.
//!
//! A slug is the desk's label for a story above its headline or dateline: AP's `BC-`
//! keyword slug, Reuters' `XXX-YYY/` slug, or a `Words:` field of the story's metadata
//! (wire-style.md §1). The structure parser reads them as [`MetaKind::Slug`] and
//! [`MetaKind::Field`] lines; a rule here reads nothing else, and returns at once when a
//! story has none.
//!
//! [`MetaKind::Slug`]: crate::article::MetaKind::Slug
//! [`MetaKind::Field`]: crate::article::MetaKind::Field

mod word_count;

#[cfg(test)]
mod tests;

pub use word_count::WordCount;

use super::Rule;

pub const RULES: &[&dyn Rule] = &[&WordCount];
