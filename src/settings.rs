//! Reading configuration: `copydesk.toml` text and LSP settings, checked against the rule
//! registry, and the names file a configuration names.
//!
//! [`crate::config`] is plain data and reads its syntax; this module, above
//! [`crate::rules`], adds what needs the registry or the file system. The command line and
//! the language server both read configuration through it.

use std::path::Path;

use crate::config::{Config, ConfigError, ConfigErrorKind};
use crate::entities::names;
use crate::rules;

impl Config {
    /// Parse `copydesk.toml` text: its syntax and values ([`Config::parse_toml`]) and its
    /// `[rules]` keys, which must be rule codes or families. Errors carry the byte span of
    /// the mistake.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let config = Config::parse_toml(text)?;
        rules::check_rule_keys(&config, Some(text))?;
        Ok(config)
    }

    /// Parse LSP settings: `{ "copydesk": { ... } }` or the inner object alone.
    pub fn from_json(value: &serde_json::Value) -> Result<Config, ConfigError> {
        Config::from_settings(value).map(|(config, _)| config)
    }

    /// Parse LSP settings as editors send them ([`Config::parse_settings`]), with the
    /// `[rules]` keys checked; also returns the keys that were left out.
    pub fn from_settings(value: &serde_json::Value) -> Result<(Config, Vec<String>), ConfigError> {
        Config::from_settings_knowing(value, &[])
    }

    /// [`Config::from_settings`], where the `rules` may also set the levels of the desk
    /// rules `desk` (the workspace's sheets, read from its `copydesk.toml`).
    pub fn from_settings_knowing(
        value: &serde_json::Value,
        desk: &[(&'static str, crate::finding::Severity)],
    ) -> Result<(Config, Vec<String>), ConfigError> {
        let (config, ignored) = Config::parse_settings(value)?;
        rules::check_rule_keys_knowing(&config, None, desk)?;
        Ok((config, ignored))
    }
}

/// The one configuration loader, for the command line and the language server: read the
/// configuration file at `path`, check it ([`Config::from_toml`]) and add the names file
/// it names (relative to the file's folder). The error says which file, where in it
/// (a byte span of [`ConfigError::text`]) and what.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        message: e.to_string(),
        span: None,
        path: Some(path.to_path_buf()),
        text: None,
        kind: ConfigErrorKind::Read(e.kind()),
    })?;
    let mut config = match Config::from_toml(&text) {
        Ok(config) => config,
        Err(e) => {
            return Err(ConfigError {
                path: Some(path.to_path_buf()),
                text: Some(text),
                ..e
            })
        }
    };
    let root = path.parent().unwrap_or(Path::new("."));
    let without_names = config.clone();
    match resolve_names_file(&mut config, root) {
        Ok(()) => {
            // Desk rule sheets: compiled into the configuration; each mistake at its file,
            // line and column, the valid rules kept for a caller that goes on.
            let sheets = crate::sheets::resolve(&mut config, &text, path);
            match sheets.errors.first() {
                None => Ok(config),
                Some(first) => Err(ConfigError {
                    message: first.message.clone(),
                    span: first.span,
                    path: Some(first.path.clone()),
                    text: Some(first.text.to_string()),
                    kind: ConfigErrorKind::Sheets(Box::new((
                        config.clone(),
                        sheets.errors.clone(),
                    ))),
                }),
            }
        }
        Err(message) => Err(ConfigError {
            message,
            span: None,
            path: Some(path.to_path_buf()),
            text: Some(text),
            kind: ConfigErrorKind::NamesFile(Box::new(without_names)),
        }),
    }
}

/// Read `config.names_file` (relative to `root` unless absolute) and add its names to
/// `config.names`. Without a names file, nothing happens.
pub fn resolve_names_file(config: &mut Config, root: &Path) -> Result<(), String> {
    let Some(file) = config.names_file.clone() else {
        return Ok(());
    };
    names::load_names_file(&mut config.names, root, &file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_section_and_names_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("desk-names.toml"),
            "[[entry]]\nname = \"Li Keqiang\"\nkind = \"person\"\nsurname_first = true\n",
        )
        .unwrap();
        let mut c = Config::from_toml(
            "names_file = \"desk-names.toml\"\n[names]\nwell_known = [\"SCO\"]\n[[names.entry]]\nname = \"Eurasian Economic Union\"\nacronym = \"EAEU\"\n",
        )
        .unwrap();
        assert_eq!(c.names.entries.len(), 1);
        resolve_names_file(&mut c, dir.path()).unwrap();
        assert_eq!(c.names.entries.len(), 2);
        assert_eq!(c.names.entries[1].surname_first, Some(true));
        assert_eq!(c.names.well_known, ["SCO"]);
        // A missing names file is a clear error, not a panic.
        c.names_file = Some("missing.toml".into());
        let e = resolve_names_file(&mut c, dir.path()).unwrap_err();
        assert!(e.contains("missing.toml"), "{e}");
    }

    #[test]
    fn load_says_which_file_where_and_what() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copydesk.toml");
        let e = load(&path).unwrap_err();
        assert_eq!(e.kind, ConfigErrorKind::Read(std::io::ErrorKind::NotFound));
        assert_eq!(e.path.as_deref(), Some(path.as_path()));
        // A mistake after curly quotes and an emoji: the span is in bytes of the file.
        let text = "# “house” 😀\nstyle = \"apx\"\n";
        std::fs::write(&path, text).unwrap();
        let e = load(&path).unwrap_err();
        assert_eq!(e.kind, ConfigErrorKind::Invalid);
        assert_eq!(e.text.as_deref(), Some(text));
        assert_eq!(e.span.unwrap().text(text), "\"apx\"");
        std::fs::write(&path, "style = \"ap\"\nnames_file = \"gone.toml\"\n").unwrap();
        let e = load(&path).unwrap_err();
        assert!(e.message.contains("gone.toml"), "{}", e.message);
        let ConfigErrorKind::NamesFile(without) = e.kind else {
            panic!("{:?}", e.kind)
        };
        assert_eq!(without.style, Some(crate::config::Style::Ap));
        std::fs::write(dir.path().join("gone.toml"), "well_known = [\"SCO\"]\n").unwrap();
        assert_eq!(load(&path).unwrap().names.well_known, ["SCO"]);
    }

    #[test]
    fn unknown_rule_keys_are_rejected_with_their_span() {
        let text = "[rules]\n\"no/such\" = \"off\"\n";
        // As data the file is fine; against the registry it is not.
        assert!(Config::parse_toml(text).is_ok());
        let e = Config::from_toml(text).unwrap_err();
        assert!(e.message.contains("no/such"), "{}", e.message);
        assert_eq!(e.span.unwrap().text(text), "\"no/such\"");
        assert!(Config::from_toml("[rules]\n\"dateline/*\" = \"off\"\n\"*\" = \"hint\"\n").is_ok());
        assert!(Config::from_json(&serde_json::json!({"rules": {"nope/*": "off"}})).is_err());
    }
}
