//! Loading off the UI thread: a [`LoadJob`] reads, parses, validates and merges its sources on
//! a thread of its own and reports how far it got, so the window keeps drawing (with a
//! progress bar) while a large file loads. The same function serves the command line, the
//! file dialog, drag and drop, and live reload.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use super::Source;
use crate::load::{self, BUNDLED_NAME, BUNDLED_TEXT, Diagnostic, LoadOutcome, SourceText};

/// How far a job is: which stage, and bytes read out of the total.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    read: AtomicU64,
    total: AtomicU64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Checking,
    Done,
}

impl Progress {
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Checking,
            _ => Stage::Done,
        }
    }

    /// Bytes read so far and in all, for a progress bar.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.read.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    fn set(&self, s: Stage) {
        self.stage.store(s as u8, Ordering::Relaxed);
    }
}

/// Reads every source, then parses, validates and merges them together. Sizes are taken
/// first, so progress can be shown in bytes.
pub fn load_sources(sources: &[Source], progress: &Progress) -> LoadOutcome {
    let total: u64 = sources
        .iter()
        .map(|s| match s {
            Source::Bundled => BUNDLED_TEXT.len() as u64,
            Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        })
        .sum();
    progress.total.store(total, Ordering::Relaxed);
    let mut texts = Vec::new();
    let mut unreadable: Vec<Diagnostic> = Vec::new();
    for s in sources {
        let text = match s {
            Source::Bundled => Ok(SourceText {
                name: BUNDLED_NAME.to_owned(),
                text: BUNDLED_TEXT.to_owned(),
            }),
            Source::File(p) => load::read_file(p),
        };
        match text {
            Ok(t) => {
                progress
                    .read
                    .fetch_add(t.text.len() as u64, Ordering::Relaxed);
                texts.push(t);
            }
            Err(d) => unreadable.push(d),
        }
    }
    progress.set(Stage::Checking);
    let mut out = load::load_texts(&texts);
    if !unreadable.is_empty() {
        out.dataset = None;
        unreadable.append(&mut out.diagnostics);
        out.diagnostics = unreadable;
    }
    progress.set(Stage::Done);
    out
}

/// A load under way on its own thread.
pub struct LoadJob {
    pub sources: Vec<Source>,
    pub progress: Arc<Progress>,
    pub started: Instant,
    rx: Receiver<LoadOutcome>,
}

impl LoadJob {
    /// Starts loading; `done` is called from the loading thread when the result is ready
    /// (the app passes a repaint request, so the window wakes up for it).
    pub fn spawn(sources: Vec<Source>, done: impl FnOnce() + Send + 'static) -> LoadJob {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let p = Arc::clone(&progress);
        let s = sources.clone();
        std::thread::Builder::new()
            .name("claimline-load".into())
            .spawn(move || {
                let out = load_sources(&s, &p);
                // The receiver may be gone (a newer load replaced this one): nothing to do.
                let _ = tx.send(out);
                done();
            })
            .expect("spawn a loading thread");
        LoadJob {
            sources,
            progress,
            started: Instant::now(),
            rx,
        }
    }

    /// The result, once there is one.
    pub fn poll(&self) -> Option<LoadOutcome> {
        match self.rx.try_recv() {
            Ok(out) => Some(out),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(LoadOutcome {
                dataset: None,
                diagnostics: vec![Diagnostic::error(
                    "claimline",
                    None,
                    "the loading thread stopped without a result",
                )],
            }),
        }
    }

    /// Waits for the result (tests, and the command line).
    pub fn wait(self) -> LoadOutcome {
        self.rx.recv().unwrap_or_default()
    }

    /// The largest file's name, for "Loading big.ron (120 MB)…".
    pub fn describe(&self) -> String {
        let names: Vec<String> = self.sources.iter().map(Source::label).collect();
        names.join(", ")
    }
}

/// The file paths among the sources.
pub fn paths(sources: &[Source]) -> Vec<PathBuf> {
    sources.iter().filter_map(|s| s.path().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_loads_through_a_job() {
        let job = LoadJob::spawn(vec![Source::Bundled], || {});
        let p = Arc::clone(&job.progress);
        let out = job.wait();
        assert!(out.dataset.is_some(), "{:?}", out.diagnostics);
        assert_eq!(p.stage(), Stage::Done);
        let (read, total) = p.bytes();
        assert_eq!(read, total);
        assert_eq!(total, BUNDLED_TEXT.len() as u64);
    }

    #[test]
    fn a_missing_file_is_a_diagnostic_not_a_panic() {
        let out = load_sources(
            &[Source::Bundled, Source::File("/no/such/file.ron".into())],
            &Progress::default(),
        );
        assert!(out.dataset.is_none());
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.file.contains("/no/such/file.ron")),
            "{:?}",
            out.diagnostics
        );
    }
}
