//! Configuration in the server: `copydesk.toml` in the workspace root (and the names
//! file it names), the client's settings (initializationOptions, pulled with
//! `workspace/configuration` or pushed with `didChangeConfiguration`), the file watcher,
//! and what the client's capabilities say about all of it.
//!
//! Every change of configuration bumps the store's configuration generation, so a
//! snapshot made under the old one is never taken for the new one, and re-checks every
//! open document. [`read_config_file`] is the one place the server reads the file.

use std::path::{Path, PathBuf};

use tower_lsp::lsp_types::*;
use tracing::{debug, warn};

use super::store::lock;
use super::worker::Job;
use super::{convert, Backend};
use crate::config::{Config, ConfigError, ConfigErrorKind, CONFIG_FILE};
use crate::sheets::SheetError;
use crate::text::{Document, Encoding};

/// Read `copydesk.toml` in `root` ([`crate::settings::load`], the loader `check` uses):
/// the config, the file's text with the error if it is bad, and the mistakes in its desk
/// rule sheets (the config then holds the valid desk rules).
pub(super) fn read_config_file(
    root: &Path,
) -> (Config, Option<(String, ConfigError)>, Vec<SheetError>) {
    let path = root.join(CONFIG_FILE);
    match crate::settings::load(&path) {
        Ok(c) => (c, None, Vec::new()),
        Err(e) => match e.kind {
            ConfigErrorKind::Sheets(both) => (both.0, None, both.1),
            _ => {
                let (config, error) = from_error(&path, e);
                (config, error, Vec::new())
            }
        },
    }
}

/// What the server runs with when loading failed with `e`.
fn from_error(path: &Path, e: ConfigError) -> (Config, Option<(String, ConfigError)>) {
    match e.kind.clone() {
        ConfigErrorKind::Read(std::io::ErrorKind::NotFound) => (Config::default(), None),
        ConfigErrorKind::Read(_) => {
            warn!("cannot read {}: {e}; using defaults", path.display());
            (Config::default(), None)
        }
        ConfigErrorKind::NamesFile(without_names) => {
            warn!("{e}; names file ignored");
            // Shown at the top of copydesk.toml.
            let e = ConfigError::invalid(e.message, None);
            (*without_names, Some((String::new(), e)))
        }
        // Mistakes in desk rule sheets are shown in the sheets (`sheet_diagnostics`);
        // the configuration and the valid desk rules apply.
        ConfigErrorKind::Sheets(both) => (both.0, None),
        ConfigErrorKind::Invalid => {
            warn!("{}: {e}; using defaults", path.display());
            (
                Config::default(),
                Some((e.text.clone().unwrap_or_default(), e)),
            )
        }
    }
}

/// The diagnostics of every desk rule sheet `config` read (and of `previous`, to clear
/// them): each invalid rule (`sheet/invalid`) and each failing example (`sheet/example`) at
/// its place in its sheet. The rest of the configuration applies regardless.
fn sheet_diagnostics(
    config: &Config,
    errors: &[SheetError],
    previous: &[PathBuf],
    enc: Encoding,
) -> Vec<(PathBuf, Vec<Diagnostic>)> {
    let mut out: Vec<(PathBuf, Vec<Diagnostic>)> = Vec::new();
    let mut add = |path: &Path, diag: Option<Diagnostic>| {
        let i = match out.iter().position(|(p, _)| p == path) {
            Some(i) => i,
            None => {
                out.push((path.to_path_buf(), Vec::new()));
                out.len() - 1
            }
        };
        out[i].1.extend(diag);
    };
    for p in previous
        .iter()
        .cloned()
        .chain(crate::sheets::DeskRules::of(config).files())
    {
        add(&p, None);
    }
    let diag = |text: &str, span, code: &str, message: String| Diagnostic {
        range: convert::range(&Document::new(text, 0), span, enc),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(code.into())),
        source: Some("copydesk".into()),
        message,
        ..Diagnostic::default()
    };
    for e in errors {
        let d = diag(
            &e.text,
            e.span.unwrap_or_default(),
            "sheet/invalid",
            e.message.clone(),
        );
        add(&e.path, Some(d));
    }
    for f in crate::sheets::run_examples(&crate::sheets::DeskRules::of(config)) {
        let d = diag(&f.text, f.span, "sheet/example", f.message());
        add(&f.path, Some(d));
    }
    out
}

/// The diagnostics of the configuration file: one at the mistake, or none.
pub(super) fn config_diagnostics(
    err: Option<&(String, ConfigError)>,
    enc: Encoding,
) -> Vec<Diagnostic> {
    let Some((text, e)) = err else {
        return vec![];
    };
    let doc = Document::new(text, 0);
    let span = e.span.unwrap_or_default();
    vec![Diagnostic {
        range: convert::range(&doc, span, enc),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config/invalid".into())),
        source: Some("copydesk".into()),
        message: format!("{e}; copydesk is using its defaults"),
        ..Diagnostic::default()
    }]
}

/// The same file, however the paths are spelled (`style/../house.toml`).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || std::fs::canonicalize(a)
            .ok()
            .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
}

/// The position encoding to use: UTF-8 when offered, else UTF-16 (also UTF-32).
pub(super) fn negotiate_encoding(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    let Some(offered) = offered else {
        return Encoding::Utf16;
    };
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&PositionEncodingKind::UTF16) || offered.is_empty() {
        Encoding::Utf16
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| f.uri.to_file_path().ok())
        .or_else(|| {
            #[allow(deprecated)]
            params.root_uri.as_ref().and_then(|u| u.to_file_path().ok())
        })
}

impl Backend {
    /// Take what `initialize` says about the client and its settings, and read the file.
    pub(super) fn configure(&self, params: &InitializeParams, encoding: Encoding) {
        {
            let mut st = lock(&self.state);
            st.encoding = encoding;
            st.root = workspace_root(params);
            let edit_caps = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref());
            // A client that takes resource operations reads `documentChanges` (they exist
            // only there), even when it does not say `documentChanges: true` (Neovim 0.11):
            // versioned edits let it refuse a fix computed for an older text.
            st.document_changes = edit_caps.is_some_and(|e| {
                e.document_changes.unwrap_or(false)
                    || e.resource_operations
                        .as_ref()
                        .is_some_and(|r| !r.is_empty())
            });
            st.pull_diagnostics = super::pull::client_pulls(params);
            st.snippets = params
                .capabilities
                .text_document
                .as_ref()
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.snippet_support)
                .unwrap_or(false);
            let workspace = params.capabilities.workspace.as_ref();
            st.inlay_refresh = workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|h| h.refresh_support)
                .unwrap_or(false);
            st.lens_refresh = workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|l| l.refresh_support)
                .unwrap_or(false);
            st.pull_settings = workspace.and_then(|w| w.configuration).unwrap_or(false);
            st.watch_files = workspace
                .and_then(|w| w.did_change_watched_files)
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
        }
        if let Some(opts) = &params.initialization_options {
            // Read the file first: the settings may set levels for its desk rules.
            let root = lock(&self.state).root.clone();
            if let Some(root) = root {
                lock(&self.state).file_config = read_config_file(&root).0;
            }
            self.apply_settings(opts);
        }
        self.reload_config();
    }

    /// Re-read `copydesk.toml`, merge the settings, and re-check every open document.
    pub(super) fn reload_config(&self) {
        self.reloader().reload_config();
    }

    /// What reloading needs, for a thread that outlives this call (the server's own
    /// file watcher, [`super::fs_watch`]).
    pub(super) fn reloader(&self) -> Reloader {
        Reloader {
            state: self.state.clone(),
            jobs: self.jobs.clone(),
            refresh: super::pull::Refresher {
                client: self.client.clone(),
                runtime: tokio::runtime::Handle::current(),
                ready: self.ready.clone(),
            },
        }
    }

    /// Replace the client settings with `value` (the client always sends them whole).
    /// `null` — a client with no `copydesk` section, or a bare change notice — keeps them.
    fn apply_settings(&self, value: &serde_json::Value) {
        if value.is_null() {
            return;
        }
        lock(&self.state).hint_kinds = super::inlay::kinds_from_settings(value);
        lock(&self.state).lens_kinds = super::lens::kinds_from_settings(value);
        // The levels may name the desk rules of the workspace's sheets.
        let desk = lock(&self.state).file_config.desk.clone();
        match Config::from_settings_knowing(value, desk.codes()) {
            Ok((settings, ignored)) => {
                if !ignored.is_empty() {
                    // Editors send their own keys (path, trace, documentSelector) too.
                    debug!("settings keys not for the server: {}", ignored.join(", "));
                }
                // A key one typo away from ours is the user's mistake: say so.
                let typos: Vec<String> = ignored
                    .iter()
                    .filter_map(|k| {
                        crate::config::near_setting_key(k)
                            .map(|near| format!("`{k}` (did you mean `{near}`?)"))
                    })
                    .collect();
                if !typos.is_empty() {
                    let msg = format!("copydesk: unknown settings ignored: {}", typos.join(", "));
                    warn!("{msg}");
                    self.show_warning(msg);
                }
                lock(&self.state).settings = settings;
            }
            Err(e) => {
                warn!("ignoring invalid copydesk settings: {e}");
                self.show_warning(format!("copydesk: invalid settings ignored: {e}"));
            }
        }
    }

    fn show_warning(&self, msg: String) {
        let client = self.client.clone();
        tokio::spawn(async move {
            client.show_message(MessageType::WARNING, msg).await;
        });
    }

    /// Ask the client for the `copydesk` section (`workspace/configuration`); `false` when
    /// the client does not support it or the request failed.
    pub(super) async fn pull_settings(&self) -> bool {
        if !lock(&self.state).pull_settings {
            return false;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        };
        match self.client.configuration(vec![item]).await {
            Ok(values) => {
                let value = values.into_iter().next().unwrap_or_default();
                self.apply_settings(&value);
                true
            }
            Err(e) => {
                warn!("workspace/configuration failed: {e}");
                false
            }
        }
    }

    /// Ask the client to tell us when any `copydesk.toml` or TOML names file changes.
    pub(super) async fn watch_config_files(&self) {
        if !lock(&self.state).watch_files {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                    kind: None,
                },
                // The names file may have any name; `did_change_watched_files` picks ours.
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.toml".into()),
                    kind: None,
                },
            ],
        };
        let registration = Registration {
            id: "copydesk-config-watcher".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            warn!("could not register a watcher for {CONFIG_FILE}: {e}");
        }
    }

    pub(super) async fn change_configuration(&self, params: DidChangeConfigurationParams) {
        // Pull-model clients send no settings here (or stale ones): ask for them.
        if !self.pull_settings().await {
            self.apply_settings(&params.settings);
        }
        self.reload_config();
    }

    pub(super) fn watched_files_changed(&self, params: DidChangeWatchedFilesParams) {
        self.reloader().watched_files_changed(params);
    }
}

/// The store and the worker's queue: enough to reload the configuration from any thread.
#[derive(Clone)]
pub(super) struct Reloader {
    pub(super) state: std::sync::Arc<std::sync::Mutex<super::store::State>>,
    jobs: tokio::sync::mpsc::UnboundedSender<Job>,
    /// Tells clients that pull diagnostics or show inlay hints to ask again.
    refresh: super::pull::Refresher,
}

impl Reloader {
    /// Hand a job to the worker (dropped when it has stopped: the server is ending).
    fn send(&self, job: Job) {
        let _ = self.jobs.send(job);
    }

    /// The worker is gone (the server is ending).
    pub(super) fn stopped(&self) -> bool {
        self.jobs.is_closed()
    }

    /// Re-read `copydesk.toml`, merge the settings, and re-check every open document.
    pub(super) fn reload_config(&self) {
        let (root, settings) = {
            let st = lock(&self.state);
            (st.root.clone(), st.settings.clone())
        };
        let (file_config, error, sheet_errors) =
            root.as_deref().map(read_config_file).unwrap_or_default();
        let merged = file_config.clone().merged(&settings);
        let (previous, enc) = {
            let st = lock(&self.state);
            (st.sheet_files.clone(), st.encoding)
        };
        let mut sheets = sheet_diagnostics(&file_config, &sheet_errors, &previous, enc);
        let uris: Vec<Url> = {
            let mut st = lock(&self.state);
            st.file_config = file_config;
            st.config = std::sync::Arc::new(merged);
            st.config_gen += 1;
            st.sheet_files = sheets.iter().map(|(p, _)| p.clone()).collect();
            st.docs.keys().cloned().collect()
        };
        if let Some(root) = root {
            let config_path = root.join(CONFIG_FILE);
            if error.is_some() {
                // The configuration file's own mistake is its diagnostic.
                sheets.retain(|(p, _)| *p != config_path);
            }
            if let Ok(uri) = Url::from_file_path(&config_path) {
                self.send(Job::ConfigError(uri, error));
            }
        }
        for (path, diags) in sheets {
            if let Ok(uri) = Url::from_file_path(&path) {
                self.send(Job::Sheet(uri, diags));
            }
        }
        for uri in uris {
            self.send(Job::Analyze(uri));
        }
        self.refresh.after_reload(&self.state);
    }

    pub(super) fn watched_files_changed(&self, params: DidChangeWatchedFilesParams) {
        let (names_file, sheets) = {
            let st = lock(&self.state);
            let names_file = match (&st.root, &st.file_config.names_file) {
                (Some(root), Some(f)) => Some(root.join(f)),
                _ => None,
            };
            // Desk rule sheets: those read, and those named (one that could not be read
            // may appear).
            let mut sheets = st.sheet_files.clone();
            if let Some(root) = &st.root {
                sheets.extend(st.file_config.sheets.iter().map(|s| root.join(s)));
            }
            (names_file, sheets)
        };
        let ours = params.changes.is_empty()
            || params.changes.iter().any(|c| {
                let path = c.uri.to_file_path().ok();
                c.uri.path().ends_with(CONFIG_FILE)
                    || names_file
                        .as_deref()
                        .is_some_and(|n| path.as_deref() == Some(n))
                    || path.is_some_and(|p| sheets.iter().any(|s| same_file(s, &p)))
            });
        if ours {
            self.reload_config();
        }
    }
}
