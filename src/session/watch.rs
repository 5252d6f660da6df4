//! Watching the open files. Editors often save by writing a new file and renaming it over the
//! old one, which ends a watch on the file itself; so the folders holding the files are
//! watched, and only events naming one of the files are passed on. A folder that is deleted
//! (or moved away) takes its watch with it: a thread looks every half second for such folders
//! and watches them again once they are back, reporting their files as changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use notify::event::{ModifyKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How often folders that lost their watch are looked for.
const REARM_EVERY: Duration = Duration::from_millis(500);

pub struct FileWatcher {
    // Kept alive for as long as the files are watched; the re-arming thread holds only a weak
    // reference, so it ends soon after this is dropped.
    _watcher: Arc<Mutex<RecommendedWatcher>>,
    rx: Receiver<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// Absolute and, where it exists, without symlinks: how paths are compared.
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
}

/// Tells a folder from one made again under the same name; `None` while there is none.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        // Elsewhere a folder made again is told by the removal event that marks it lost.
        let _ = meta;
        Some((0, 0))
    }
}

/// A watched folder and the identity it had when its watch was set; `None` when it was missing.
struct Folder {
    path: PathBuf,
    armed: Option<(u64, u64)>,
}

impl FileWatcher {
    /// Watches `files`; `wake` is called (from another thread) on every change to one.
    pub fn new(
        files: &[PathBuf],
        wake: impl Fn() + Send + Sync + 'static,
    ) -> notify::Result<FileWatcher> {
        let wake = Arc::new(wake);
        let (tx, rx) = channel();
        let wanted: HashSet<PathBuf> = files.iter().map(|p| canonical(p)).collect();
        let dirs: HashSet<PathBuf> = wanted
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        // Folders whose watch ended (deleted or moved away), as the watcher reports them.
        let lost: Arc<Mutex<HashSet<PathBuf>>> = Arc::default();
        let names = wanted.clone();
        let (on_change, watched, lost_in) = (tx.clone(), dirs.clone(), Arc::clone(&lost));
        let on_wake = Arc::clone(&wake);
        let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let Ok(event) = res else { return };
            let gone = matches!(
                event.kind,
                EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From))
            );
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            for p in event.paths {
                if gone && watched.contains(&p) {
                    lost_in.lock().expect("not poisoned").insert(p.clone());
                }
                // A renamed-over file may not resolve yet: compare the absolute path too.
                let abs = std::path::absolute(&p).unwrap_or(p.clone());
                if names.contains(&abs) || names.contains(&canonical(&p)) {
                    let _ = on_change.send(abs);
                    on_wake();
                }
            }
        })?;
        let watcher = Arc::new(Mutex::new(watcher));
        let mut folders = Vec::new();
        for d in dirs {
            let armed = identity(&d);
            // A folder that is missing now is watched once it appears.
            if armed.is_some() {
                watcher
                    .lock()
                    .expect("not poisoned")
                    .watch(&d, RecursiveMode::NonRecursive)?;
            }
            folders.push(Folder { path: d, armed });
        }
        let rearm = Rearm {
            watcher: Arc::downgrade(&watcher),
            folders,
            lost,
            files: wanted.into_iter().collect(),
            tx,
            wake,
        };
        std::thread::Builder::new()
            .name("claimline-rewatch".into())
            .spawn(move || rearm.run())
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok(FileWatcher {
            _watcher: watcher,
            rx,
            files: files.to_vec(),
        })
    }

    /// The files that changed since the last call, each once.
    pub fn changed(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        while let Ok(p) = self.rx.try_recv() {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

/// The thread that watches folders again once they are back.
struct Rearm {
    watcher: Weak<Mutex<RecommendedWatcher>>,
    folders: Vec<Folder>,
    lost: Arc<Mutex<HashSet<PathBuf>>>,
    files: Vec<PathBuf>,
    tx: Sender<PathBuf>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Rearm {
    fn run(mut self) {
        loop {
            std::thread::sleep(REARM_EVERY);
            let Some(watcher) = self.watcher.upgrade() else {
                return;
            };
            for f in &mut self.folders {
                let now = identity(&f.path);
                let lost = self.lost.lock().expect("not poisoned").contains(&f.path);
                if now.is_none() {
                    f.armed = None;
                    continue;
                }
                if now == f.armed && !lost {
                    continue;
                }
                let mut w = watcher.lock().expect("not poisoned");
                // The old watch may be gone already, or still on the folder moved away.
                let _ = w.unwatch(&f.path);
                if w.watch(&f.path, RecursiveMode::NonRecursive).is_err() {
                    continue;
                }
                drop(w);
                f.armed = now;
                self.lost.lock().expect("not poisoned").remove(&f.path);
                // Whatever was written while nothing watched is read now.
                for file in self.files.iter().filter(|p| p.parent() == Some(&f.path)) {
                    let _ = self.tx.send(file.clone());
                }
                (self.wake)();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_for_change(w: &FileWatcher) -> Vec<PathBuf> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let c = w.changed();
            if !c.is_empty() || Instant::now() > deadline {
                return c;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn an_edit_in_place_and_a_rename_over_are_both_seen() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        let other = dir.path().join("other.txt");
        std::fs::write(&file, "one").unwrap();
        let w = FileWatcher::new(std::slice::from_ref(&file), || {}).unwrap();
        // Another file in the same folder is not reported.
        std::fs::write(&other, "x").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        assert!(w.changed().is_empty());
        std::fs::write(&file, "two").unwrap();
        assert_eq!(wait_for_change(&w), [canonical(&file)]);
        // Save as an editor does: write elsewhere, rename over.
        let tmp = dir.path().join(".a.ron.swp");
        std::fs::write(&tmp, "three").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        assert_eq!(wait_for_change(&w), [canonical(&file)]);
    }

    #[test]
    fn a_folder_deleted_and_made_again_is_watched_again() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("w");
        std::fs::create_dir(&sub).unwrap();
        let file = sub.join("a.ron");
        std::fs::write(&file, "one").unwrap();
        let w = FileWatcher::new(std::slice::from_ref(&file), || {}).unwrap();
        std::fs::remove_dir_all(&sub).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        w.changed();
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(&file, "two").unwrap();
        assert_eq!(wait_for_change(&w), [canonical(&file)]);
        // Watched again: the next edit is seen too.
        std::thread::sleep(Duration::from_millis(300));
        w.changed();
        std::fs::write(&file, "three").unwrap();
        assert_eq!(wait_for_change(&w), [canonical(&file)]);
    }
}
