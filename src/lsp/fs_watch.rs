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

/// The watcher and what it watches.
struct Watch {
    watcher: notify::RecommendedWatcher,
    files: BTreeSet<PathBuf>,
    dirs: BTreeSet<PathBuf>,
}

impl Watch {
    /// Watch the folders of the files the configuration now names: add the new ones,
    /// drop the ones no longer needed (one watcher throughout, so that no change made
    /// while the set changes is missed). True when a folder was added: a file in it may
    /// have changed before the watch began.
    fn update(&mut self, reloader: &Reloader) -> bool {
        self.files = watched_files(reloader);
        let dirs: BTreeSet<PathBuf> = self
            .files
            .iter()
            .filter_map(|f| f.parent().map(PathBuf::from))
            .collect();
        for gone in self.dirs.difference(&dirs) {
            let _ = self.watcher.unwatch(gone);
        }
        let mut watching = BTreeSet::new();
        for dir in &dirs {
            if self.dirs.contains(dir) {
                watching.insert(dir.clone());
                continue;
            }
            // A folder that does not exist yet (a sheet folder to come) is tried again
            // at the next reload.
            match self.watcher.watch(dir, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    watching.insert(dir.clone());
                }
                Err(e) => debug!("not watching {}: {e}", dir.display()),
            }
        }
        let added = watching.difference(&self.dirs).next().is_some();
        self.dirs = watching;
        debug!(
            "watching {} configuration files in {} folders",
            self.files.len(),
            self.dirs.len()
        );
        added
    }
}

/// Start watching, now (before a client can change a file), and hand the watcher to a
/// thread that reloads on each change. It ends with the server (when the worker's queue
/// closes).
pub(super) fn spawn(reloader: Reloader) {
    if lock(&reloader.state).root.is_none() {
        return;
    }
    let (tx, rx) = mpsc::channel();
    let watcher = match notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    }) {
        Ok(w) => w,
        Err(e) => {
            warn!("cannot watch the configuration files: {e}");
            return;
        }
    };
    let mut watch = Watch {
        watcher,
        files: BTreeSet::new(),
        dirs: BTreeSet::new(),
    };
    let _ = watch.update(&reloader);
    let spawned = std::thread::Builder::new()
        .name("copydesk-fs-watch".into())
        .spawn(move || run(reloader, watch, rx));
    if let Err(e) = spawned {
        warn!("cannot start the configuration file watcher: {e}");
    }
}

fn run(reloader: Reloader, mut watch: Watch, rx: mpsc::Receiver<notify::Result<notify::Event>>) {
    loop {
        let event = match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(e) => e,
            Err(mpsc::RecvTimeoutError::Timeout) if reloader.stopped() => return,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        let ours = match event {
            Ok(e) => !e.kind.is_access() && e.paths.iter().any(|p| watch.files.contains(p)),
            Err(e) => {
                debug!("file watcher: {e}");
                false
            }
        };
        if !ours {
            continue;
        }
        // Let the save finish, then reload once for all its events.
        std::thread::sleep(SETTLE);
        while rx.try_recv().is_ok() {}
        if reloader.stopped() {
            return;
        }
        debug!("a configuration file changed on disk: reloading");
        reloader.reload_config();
        // The reload may name other sheets or another names file: watch their folders,
        // and read once more what changed in them before the watch began.
        for _ in 0..3 {
            if !watch.update(&reloader) {
                break;
            }
            reloader.reload_config();
        }
    }
}
