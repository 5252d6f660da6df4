//! Watching the open files. Editors often save by writing a new file and renaming it over the
//! old one, which ends a watch on the file itself; so the folders holding the files are
//! watched, and only events naming one of the files are passed on.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

pub struct FileWatcher {
    // Kept alive for as long as the files are watched.
    _watcher: RecommendedWatcher,
    rx: Receiver<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// Absolute and, where it exists, without symlinks: how paths are compared.
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
}

impl FileWatcher {
    /// Watches `files`; `wake` is called (from the watcher's thread) on every change to one.
    pub fn new(files: &[PathBuf], wake: impl Fn() + Send + 'static) -> notify::Result<FileWatcher> {
        let (tx, rx) = channel();
        let wanted: HashSet<PathBuf> = files.iter().map(|p| canonical(p)).collect();
        let names: HashSet<PathBuf> = wanted.clone();
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                let Ok(event) = res else { return };
                if matches!(event.kind, EventKind::Access(_)) {
                    return;
                }
                for p in event.paths {
                    // A renamed-over file may not resolve yet: compare the absolute path too.
                    let abs = std::path::absolute(&p).unwrap_or(p.clone());
                    if names.contains(&abs) || names.contains(&canonical(&p)) {
                        let _ = tx.send(abs);
                        wake();
                    }
                }
            })?;
        let dirs: HashSet<PathBuf> = wanted
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        for d in dirs {
            watcher.watch(&d, RecursiveMode::NonRecursive)?;
        }
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
}
