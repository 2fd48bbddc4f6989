use crate::declare_rule;
use crate::rules::Rule;

declare_rule! {
    /// A name is spelled one way in this story and another way in the other stories of the
    /// folder.
    ///
    /// A desk's day runs the same people through many stories, and a transliteration or a
    /// particle drifts from one to the next: `Medvedv` here beside `Medvedev` in three
    /// other stories, `Al-Assad` beside `al-Assad`. The rule reads the whole folder (the
    /// workspace index: every `.txt`, `.md` and `.markdown` story, as `.gitignore` and
    /// `[workspace] exclude` in `copydesk.toml` allow), so it runs in the editor and in
    /// `copydesk check` over a folder, not on a single file or standard input.
    ///
    /// ## Example
    ///
    /// Three stories of the folder write `Russian Prime Minister Dmitry Medvedev`; this
    /// one writes:
    ///
    /// ```text
    /// Russian Prime Minister Dmitry Medvedv arrived on Thursday.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Russian Prime Minister Dmitry Medvedev arrived on Thursday.
    /// ```
    ///
    /// The fix writes the folder's majority spelling (the one more stories use); the other
    /// stories are listed as related information. The names file always wins: a spelling
    /// it gives is never reported, and one it spells otherwise takes its spelling (a near
    /// misspelling of a names-file entry is `names/near-miss`'s). Only people's surnames
    /// are compared (two or more letters apart from a known surname, a common surname or a
    /// place are left alone). A one-letter or two-letter difference is reported only when
    /// both spellings are surely one person: the same given name in both, or a spelling
    /// used once against one used by at least three stories, never with a different given
    /// name. A difference of case, hyphen or diacritics (`al-Assad`, `Erdogan`) needs only
    /// a majority; a name opening a sentence is not counted for case.
    pub struct SpellingDrift {
        code: "names/spelling-drift",
        severity: Warning,
        summary: "a name is spelled differently in other stories of the folder",
    }
}

/// The findings come from [`crate::workspace::spelling_drift`]: a story alone has nothing
/// to compare with, so `check` reports nothing here.
impl Rule for SpellingDrift {
    fn meta(&self) -> &'static crate::rules::RuleMeta {
        &Self::META
    }
}
