//! "Add to names file": a quick fix on an unrecognized or near-miss name that writes it to
//! the desk's names file, through a server-side command (`workspace/executeCommand`
//! `copydesk.addName`), so it works alike in every client.
//!
//! The file is the one `copydesk.toml` names (`names_file`, relative to the workspace
//! root), else the `[names]` table of `copydesk.toml` itself, created when there is none.
//! The engine edits the TOML keeping its formatting and comments
//! ([`crate::entities::names::add_entry`]); the result must still be a valid names table
//! (or configuration) before anything is written, and it is written atomically
//! ([`crate::fix::write_atomic`]). Writes are serialized, so two quick actions in a row
//! each read the other's result and no entry is lost. Then the configuration is read
//! again, which re-checks every open document. Every failure — a read-only file, a missing
//! folder, invalid TOML — is a `window/showMessage` error and changes nothing.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tracing::info;

use super::store::{lock, Snapshot};
use super::Backend;
use crate::config::{Config, CONFIG_FILE};
use crate::entities::names::{add_entry, Added, NamesConfig, NamesTable};
use crate::entities::EntityKind;
use crate::span::Span;

/// The command the quick fix runs.
pub const ADD_NAME_COMMAND: &str = "copydesk.addName";

/// One names-file write at a time, read-modify-write whole.
static WRITING: Mutex<()> = Mutex::new(());

/// The command's one argument.
#[derive(Debug, Serialize, Deserialize)]
struct AddName {
    name: String,
    #[serde(default)]
    kind: Option<EntityKind>,
}

/// The "Add … to the names file" actions for the names in `want` (a byte range of the
/// snapshot): each near-miss spelling flagged there, and each person, organization or
/// other name mentioned there that the names file does not hold.
pub(super) fn actions(snap: &Snapshot, want: Span) -> Vec<CodeActionOrCommand> {
    let overlaps = |s: Span| s.start <= want.end && want.start <= s.end;
    let mut names: Vec<(String, Option<EntityKind>)> = Vec::new();
    for f in &snap.analysis.findings {
        if f.code == "names/near-miss" && overlaps(f.span) {
            if let Some(word) = snap.text.get(f.span.start..f.span.end) {
                names.push((word.to_string(), Some(EntityKind::Person)));
            }
        }
    }
    for e in snap.analysis.entities.iter() {
        if e.in_names_file || e.kind == EntityKind::Place {
            continue;
        }
        if e.mentions.iter().any(|m| overlaps(m.span)) {
            names.push((e.canonical.clone(), Some(e.kind)));
        }
    }
    let mut seen = Vec::new();
    names
        .into_iter()
        .filter(|(n, _)| !n.trim().is_empty())
        .filter(|(n, _)| {
            let new = !seen.contains(n);
            seen.push(n.clone());
            new
        })
        .map(|(name, kind)| {
            let title = format!("Add “{name}” to the names file");
            let arg = serde_json::to_value(AddName { name, kind }).unwrap_or_default();
            CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                command: Some(Command {
                    title,
                    command: ADD_NAME_COMMAND.into(),
                    arguments: Some(vec![arg]),
                }),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// Where an entry goes: the file and which table of it.
fn target(root: &Path, names_file: Option<&str>) -> (PathBuf, NamesTable) {
    match names_file {
        Some(f) => (root.join(f), NamesTable::File),
        None => (root.join(CONFIG_FILE), NamesTable::Config),
    }
}

/// Add `name` to the names file under `root`: `Ok(true)` when written, `Ok(false)` when
/// it was there already, `Err(message)` when nothing could be (or was) changed.
pub(super) fn add_to_names_file(
    root: &Path,
    names_file: Option<&str>,
    name: &str,
    kind: Option<EntityKind>,
) -> std::result::Result<bool, String> {
    let _one_at_a_time = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let (path, table) = target(root, names_file);
    let shown = path.display();
    let folder = path.parent().unwrap_or(root);
    if !folder.is_dir() {
        return Err(format!(
            "cannot add “{name}” to the names file: the folder {} does not exist",
            folder.display()
        ));
    }
    let text = match std::fs::metadata(&path) {
        Ok(meta) => {
            if meta.permissions().readonly() {
                return Err(format!(
                    "cannot add “{name}” to the names file: {shown} is read-only"
                ));
            }
            std::fs::read_to_string(&path).map_err(|e| {
                format!("cannot add “{name}” to the names file: cannot read {shown}: {e}")
            })?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(format!(
                "cannot add “{name}” to the names file: {shown}: {e}"
            ))
        }
    };
    let new = match add_entry(&text, table, name, kind) {
        Ok(Added::Text(t)) => t,
        Ok(Added::AlreadyThere) => return Ok(false),
        Err(e) => {
            return Err(format!(
                "cannot add “{name}” to the names file: {shown}: {e}; nothing was changed"
            ))
        }
    };
    // What is written must still read as what it is.
    let valid = match table {
        NamesTable::File => NamesConfig::from_toml(&new).map(|_| ()),
        NamesTable::Config => Config::from_toml(&new)
            .map(|_| ())
            .map_err(|e| e.to_string()),
    };
    if let Err(e) = valid {
        return Err(format!(
            "cannot add “{name}” to the names file: {shown} would not be valid ({e}); nothing was changed"
        ));
    }
    crate::fix::write_atomic(&path, new.as_bytes())
        .map_err(|e| format!("cannot add “{name}” to the names file: cannot write {shown}: {e}"))?;
    info!("added {name} to {shown}");
    Ok(true)
}

impl Backend {
    /// `workspace/executeCommand` `copydesk.addName`.
    pub(super) async fn add_name(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        let arg = params
            .arguments
            .into_iter()
            .next()
            .and_then(|v| serde_json::from_value::<AddName>(v).ok());
        let Some(arg) = arg else {
            return Err(tower_lsp::jsonrpc::Error::invalid_params(
                "copydesk.addName takes one argument: { name, kind? }",
            ));
        };
        let (root, names_file) = {
            let st = lock(&self.state);
            (st.root.clone(), st.file_config.names_file.clone())
        };
        let Some(root) = root else {
            let msg = format!(
                "copydesk: cannot add “{}” to the names file: no workspace folder is open",
                arg.name
            );
            self.client.show_message(MessageType::ERROR, msg).await;
            return Ok(None);
        };
        let written = add_to_names_file(&root, names_file.as_deref(), &arg.name, arg.kind);
        match written {
            Ok(true) => {
                // Read the configuration again: every open document is checked with the new
                // name (the file watcher may tell us too; that costs one more analysis).
                self.reload_config();
                Ok(Some(serde_json::json!({ "added": arg.name })))
            }
            Ok(false) => {
                let msg = format!("copydesk: “{}” is already in the names file", arg.name);
                self.client.show_message(MessageType::INFO, msg).await;
                Ok(None)
            }
            Err(msg) => {
                self.client
                    .show_message(MessageType::ERROR, format!("copydesk: {msg}"))
                    .await;
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_writes_in_a_row_keep_both_entries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(root.join(CONFIG_FILE), "# desk\nstyle = \"ap\"\n").unwrap();
        let threads: Vec<_> = ["Ana Ruiz", "Tomás Ferreira", "Zhao Lijiān", "Aiko Mori"]
            .into_iter()
            .map(|n| {
                let root = root.clone();
                std::thread::spawn(move || {
                    add_to_names_file(&root, None, n, Some(EntityKind::Person))
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), Ok(true));
        }
        let text = std::fs::read_to_string(root.join(CONFIG_FILE)).unwrap();
        assert!(text.starts_with("# desk\nstyle = \"ap\"\n"), "{text}");
        let config = Config::from_toml(&text).unwrap();
        assert_eq!(config.names.entries.len(), 4, "{text}");
        assert_eq!(add_to_names_file(&root, None, "Ana Ruiz", None), Ok(false));
    }

    #[test]
    fn bad_names_files_change_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let err = add_to_names_file(root, Some("desk/names.toml"), "Ana Ruiz", None).unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
        std::fs::write(root.join("names.toml"), "[[entry]\nname = ").unwrap();
        let err = add_to_names_file(root, Some("names.toml"), "Ana Ruiz", None).unwrap_err();
        assert!(err.contains("invalid TOML"), "{err}");
        assert_eq!(
            std::fs::read_to_string(root.join("names.toml")).unwrap(),
            "[[entry]\nname = "
        );
        std::fs::write(root.join("ro.toml"), "").unwrap();
        let mut perms = std::fs::metadata(root.join("ro.toml"))
            .unwrap()
            .permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(root.join("ro.toml"), perms).unwrap();
        let err = add_to_names_file(root, Some("ro.toml"), "Ana Ruiz", None).unwrap_err();
        assert!(err.contains("read-only"), "{err}");
        assert_eq!(std::fs::read_to_string(root.join("ro.toml")).unwrap(), "");
        // A names file that does not exist yet, in a folder that does: created.
        assert_eq!(
            add_to_names_file(root, Some("new.toml"), "Ana Ruiz", None),
            Ok(true)
        );
        assert_eq!(
            std::fs::read_to_string(root.join("new.toml")).unwrap(),
            "[[entry]]\nname = \"Ana Ruiz\"\n"
        );
    }
}
