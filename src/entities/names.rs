//! The names file: the desk's style sheet of names.
//!
//! Kept in the `[names]` section of `copydesk.toml`, or in a file named by the top-level
//! `names_file` key (a path relative to the workspace root) whose top level is the same
//! table:
//!
//! ```toml
//! well_known = ["SCO"]          # acronyms that may stand without being spelled out
//!
//! [[entry]]
//! name = "Dmitry Medvedev"      # the preferred spelling
//! kind = "person"               # person | place | organization | other
//! role = "Russian prime minister"
//! aliases = ["Medvedev"]        # other forms that refer to the same entity
//! note = "Not Medvedyev."
//!
//! [[entry]]
//! name = "Shanghai Cooperation Organization"
//! kind = "organization"
//! acronym = "SCO"
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::EntityKind;

/// The `[names]` table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NamesConfig {
    /// Acronyms that need not be spelled out, on top of the shipped list.
    pub well_known: Vec<String>,
    /// Known names with their preferred spellings.
    #[serde(rename = "entry")]
    pub entries: Vec<NameEntry>,
}

/// One entry of the names file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    /// The preferred spelling of the full name.
    pub name: String,
    #[serde(default)]
    pub kind: Option<EntityKind>,
    /// Title or role, as the desk wants it given.
    #[serde(default)]
    pub role: Option<String>,
    /// The acronym of an organization.
    #[serde(default)]
    pub acronym: Option<String>,
    /// Other forms that refer to the same entity.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The surname comes first (Chinese, Korean names); guessed when absent.
    #[serde(default)]
    pub surname_first: Option<bool>,
    #[serde(default)]
    pub note: Option<String>,
}

impl NamesConfig {
    pub fn is_empty(&self) -> bool {
        self.well_known.is_empty() && self.entries.is_empty()
    }

    /// `self` with `other`'s acronyms and entries added.
    pub fn extend(&mut self, other: &NamesConfig) {
        self.well_known.extend(other.well_known.iter().cloned());
        self.entries.extend(other.entries.iter().cloned());
    }

    pub fn from_toml(text: &str) -> Result<NamesConfig, String> {
        toml::from_str(text).map_err(|e| e.message().to_string())
    }
}

/// Read the names file `file` (relative to `root` unless absolute) and add it to `names`.
pub fn load_names_file(names: &mut NamesConfig, root: &Path, file: &str) -> Result<(), String> {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read names file {}: {e}", path.display()))?;
    let extra = NamesConfig::from_toml(&text)
        .map_err(|e| format!("{}: invalid names file: {e}", path.display()))?;
    names.extend(&extra);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_names_table() {
        let n = NamesConfig::from_toml(
            "well_known = [\"SCO\"]\n[[entry]]\nname = \"Dmitry Medvedev\"\nkind = \"person\"\nnote = \"Not Medvedyev.\"\n",
        )
        .unwrap();
        assert_eq!(n.well_known, vec!["SCO"]);
        assert_eq!(n.entries[0].kind, Some(EntityKind::Person));
        assert_eq!(n.entries[0].note.as_deref(), Some("Not Medvedyev."));
        assert!(NamesConfig::from_toml("[[entry]]\nnam = \"x\"\n").is_err());
    }
}
