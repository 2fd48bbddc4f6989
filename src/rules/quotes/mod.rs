//! `quotes/*`: quotation marks.

mod unclosed;

pub use unclosed::Unclosed;

use super::Rule;

pub const RULES: &[&dyn Rule] = &[&Unclosed];
