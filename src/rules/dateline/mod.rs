//! `dateline/*`: the dateline at the start of the first body paragraph.

mod missing;
mod unparseable;

pub use missing::Missing;
pub use unparseable::Unparseable;

use super::Rule;
use crate::config::Style;

pub const RULES: &[&dyn Rule] = &[&Missing, &Unparseable];

/// The dateline form a style expects, for messages.
pub fn example(style: Style) -> &'static str {
    match style {
        Style::Ap => "`DALLAS (AP) — `",
        Style::Upi => "`BEIRUT, Lebanon, Sept. 20 (UPI) -- `",
        Style::Reuters => "`HOUSTON, Jan 27 (Reuters) - `",
        Style::Afp => "`PARIS, Jan 1 (AFP) - `",
        Style::Xinhua => "`BEIJING, March 30 (Xinhua) -- `",
        Style::Bloomberg => "`(Bloomberg) -- `",
        Style::Generic => "`PLACE, Month Day (Agency) -- `",
    }
}
