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

/// Where a names table sits in a TOML file: the top level of a names file, or the
/// `[names]` table of `copydesk.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamesTable {
    /// A names file (`names_file`): `[[entry]]` at the top level.
    File,
    /// `copydesk.toml`: `[[names.entry]]`.
    Config,
}

/// What [`add_entry`] made of a names table.
#[derive(Debug, PartialEq, Eq)]
pub enum Added {
    /// The new text of the file, with the entry appended.
    Text(String),
    /// The name is already an entry (or one's alias): nothing to write.
    AlreadyThere,
}

/// `text` (a names file or `copydesk.toml`, possibly empty) with an entry for `name`
/// appended to its names table, everything else — formatting, comments, order — kept as
/// it was (`toml_edit`). An error (invalid TOML, an `entry` that is not an array of
/// tables) changes nothing.
pub fn add_entry(
    text: &str,
    table: NamesTable,
    name: &str,
    kind: Option<EntityKind>,
) -> Result<Added, String> {
    use toml_edit::{value, ArrayOfTables, DocumentMut, Item, Table};
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| format!("invalid TOML: {}", e.message()))?;
    let names: &mut Table = match table {
        NamesTable::File => doc.as_table_mut(),
        NamesTable::Config => {
            let item = doc.entry("names").or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            });
            item.as_table_mut()
                .ok_or_else(|| "`names` is not a table".to_string())?
        }
    };
    let entries = names
        .entry("entry")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    let entries = entries
        .as_array_of_tables_mut()
        .ok_or_else(|| "`entry` is not an array of tables ([[entry]])".to_string())?;
    let known = entries.iter().any(|t| {
        t.get("name").and_then(|v| v.as_str()) == Some(name)
            || t.get("aliases")
                .and_then(|v| v.as_array())
                .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(name)))
    });
    if known {
        return Ok(Added::AlreadyThere);
    }
    let mut entry = Table::new();
    entry.insert("name", value(name));
    if let Some(kind) = kind {
        entry.insert("kind", value(kind.as_str()));
    }
    entries.push(entry);
    let mut out = doc.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(Added::Text(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_entry_keeps_comments_and_formatting() {
        let file = "# Desk names, kept by the night editor.\nwell_known = [ \"SCO\" ]   # acronyms\n\n[[entry]]\nname = \"Dmitry Medvedev\"  # not Medvedyev\nkind = \"person\"\n";
        let Added::Text(out) = add_entry(
            file,
            NamesTable::File,
            "Zhao Lijiān",
            Some(EntityKind::Person),
        )
        .unwrap() else {
            panic!("not added")
        };
        assert!(out.starts_with(file), "the existing text changed:\n{out}");
        assert!(
            out.ends_with("\n[[entry]]\nname = \"Zhao Lijiān\"\nkind = \"person\"\n"),
            "{out}"
        );
        let parsed = NamesConfig::from_toml(&out).unwrap();
        assert_eq!(parsed.entries.len(), 2);
        assert_eq!(
            add_entry(&out, NamesTable::File, "Zhao Lijiān", None),
            Ok(Added::AlreadyThere)
        );
        let aliased = "[[entry]]\nname = \"Dmitry Medvedev\"\naliases = [\"Medvedev\"]\n";
        assert_eq!(
            add_entry(aliased, NamesTable::File, "Medvedev", None),
            Ok(Added::AlreadyThere)
        );
    }

    #[test]
    fn add_entry_to_copydesk_toml_and_to_nothing() {
        let config = "style = \"ap\"  # house style\n\n[rules]\n\"quotes/*\" = \"warning\"\n";
        let Added::Text(out) = add_entry(config, NamesTable::Config, "Ana Ruiz", None).unwrap()
        else {
            panic!()
        };
        assert!(out.starts_with(config), "{out}");
        assert!(
            out.contains("[[names.entry]]\nname = \"Ana Ruiz\"\n"),
            "{out}"
        );
        let Added::Text(empty) = add_entry(
            "",
            NamesTable::File,
            "Ana Ruiz",
            Some(EntityKind::Organization),
        )
        .unwrap() else {
            panic!()
        };
        assert_eq!(
            empty,
            "[[entry]]\nname = \"Ana Ruiz\"\nkind = \"organization\"\n"
        );
        assert!(add_entry("name = [", NamesTable::File, "X", None)
            .unwrap_err()
            .starts_with("invalid TOML"));
        assert!(add_entry("entry = 3\n", NamesTable::File, "X", None).is_err());
        assert!(add_entry("names = 3\n", NamesTable::Config, "X", None).is_err());
    }

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
