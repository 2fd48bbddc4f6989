//! `quotes/*`: quotation marks.

mod double_as_apostrophe;
mod mixed_marks;
mod punctuation_outside;
mod unclosed;
mod unmatched_close;
mod wrong_direction;
mod wrong_nesting;

pub use double_as_apostrophe::DoubleAsApostrophe;
pub use mixed_marks::MixedMarks;
pub use punctuation_outside::PunctuationOutside;
pub use unclosed::Unclosed;
pub use unmatched_close::UnmatchedClose;
pub use wrong_direction::WrongDirection;
pub use wrong_nesting::WrongNesting;

use super::Rule;

pub const RULES: &[&dyn Rule] = &[
    &DoubleAsApostrophe,
    &MixedMarks,
    &PunctuationOutside,
    &Unclosed,
    &UnmatchedClose,
    &WrongDirection,
    &WrongNesting,
];
