//! The server's own watcher for its configuration files: `copydesk.toml`, the names file
//! and the desk rule sheets.
//!
//! The protocol's way is `workspace/didChangeWatchedFiles` with a dynamic registration
//! ([`Backend::watch_config_files`](super::Backend), still made when the client offers
//! it). But Neovim does not offer it on Linux and the BSDs (its backends there are too
//! limited), so a desk editing its rule sheet in Neovim would see nothing change until
//! the server restarted; and VS Code's watcher took about 600 ms of the 800 ms from a
//! save to the new diagnostics in the editor test. So the server always watches the
//! folders holding those files itself (not recursively: a few watches, whatever the
//! size of the workspace) with the `notify` crate, and reloads the configuration about
//! 50 ms after a change. A client's later notification of the same change reloads again
//! and finds the same configuration.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tracing::{debug, warn};

use super::settings::Reloader;
use super::store::lock;
use crate::config::CONFIG_FILE;

/// How long to wait after a change for the rest of a save (editors write a temporary
/// file and rename it, or truncate and write) before reloading once.
const SETTLE: Duration = Duration::from_millis(40);

/// The files whose change reloads the configuration: `copydesk.toml` at the root, the
/// names file and every desk rule sheet (read or named).
fn watched_files(reloader: &Reloader) -> BTreeSet<PathBuf> {
    let st = lock(&reloader.state);
    let Some(root) = st.root.clone() else {
        return BTreeSet::new();
    };
    let mut files = BTreeSet::new();
    files.insert(root.join(CONFIG_FILE));
    if let Some(n) = &st.file_config.names_file {
        files.insert(root.join(n));
    }
    files.extend(st.sheet_files.iter().cloned());
    files.extend(st.file_config.sheets.iter().map(|s| root.join(s)));
    files
}

/// Start the watcher thread. It ends with the server (when the worker's queue closes).
pub(super) fn spawn(reloader: Reloader) {
    let spawned = std::thread::Builder::new()
        .name("copydesk-fs-watch".into())
        .spawn(move || run(reloader));
    if let Err(e) = spawned {
        warn!("cannot start the configuration file watcher: {e}");
    }
}

fn run(reloader: Reloader) {
    loop {
        let files = watched_files(&reloader);
        if files.is_empty() {
            return;
        }
        let dirs: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|f| f.parent().map(PathBuf::from))
            .collect();
        let (tx, rx) = mpsc::channel();
        let mut watcher = match notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        }) {
            Ok(w) => w,
            Err(e) => {
                warn!("cannot watch the configuration files: {e}");
                return;
            }
        };
        for dir in &dirs {
            // A folder that does not exist yet (a sheet folder to come) is skipped until
            // the next reload names it again.
            if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
                debug!("not watching {}: {e}", dir.display());
            }
        }
        debug!(
            "watching {} configuration files in {} folders",
            files.len(),
            dirs.len()
        );
        // Wait for a change to one of the files; then reload, and watch anew (the
        // reload may name other sheets or another names file).
        loop {
            let event = match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(e) => e,
                Err(mpsc::RecvTimeoutError::Timeout) if reloader.stopped() => return,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            let ours = match event {
                Ok(e) => !e.kind.is_access() && e.paths.iter().any(|p| files.contains(p)),
                Err(e) => {
                    debug!("file watcher: {e}");
                    false
                }
            };
            if !ours {
                continue;
            }
            std::thread::sleep(SETTLE);
            while rx.try_recv().is_ok() {}
            if reloader.stopped() {
                return;
            }
            debug!("a configuration file changed on disk: reloading");
            reloader.reload_config();
            break;
        }
        drop(watcher);
    }
}
