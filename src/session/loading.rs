//! Loading off the UI thread: a [`LoadJob`] reads, parses, validates and merges its sources on
//! a thread of its own and reports how far it got, so the window keeps drawing (with a
//! progress bar) while a large file loads. The same function serves the command line, the
//! file dialog, drag and drop, and live reload.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::Source;
use crate::import::Input;
use crate::load::cache::{Cache, Key};
use crate::load::{BUNDLED_NAME, BUNDLED_TEXT, Diagnostic, LoadOutcome, SourceText, Step};
use crate::query::Catalog;

/// How far a job is: which stage, and bytes read out of the total.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    read: AtomicU64,
    /// Bytes a streamed import has read, while parsing.
    parsed: AtomicU64,
    /// Events checked, and how many there are to check, while checking.
    checked: AtomicU64,
    to_check: AtomicU64,
    /// The share of indexing done, in millionths.
    indexed: AtomicU32,
    total: AtomicU64,
    cancelled: AtomicBool,
    /// When each stage began, in order: what `--frame-stats` reports the load took.
    began: Mutex<Vec<(Stage, Instant)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
    Checking,
    Indexing,
    Done,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "Reading",
            Stage::Parsing => "Parsing",
            Stage::Checking => "Checking",
            Stage::Indexing => "Indexing",
            Stage::Done => "Opening",
        }
    }
}

/// A finished load: the catalog (built on the loading thread, as indexing a large file takes
/// a while) and every diagnostic. No catalog when there were errors. The catalog is shared so
/// that the loading thread can still write its snapshot once the window has it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub catalog: Option<Arc<Catalog>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether it came from a snapshot of an earlier load of the same, unchanged files.
    pub from_cache: bool,
}

impl Loaded {
    /// Indexes an outcome's dataset, if it has one.
    pub fn index(out: LoadOutcome) -> Loaded {
        // Nobody cancels this progress, so there is always a result.
        Loaded::index_observed(out, &Progress::default()).unwrap_or_default()
    }

    /// [`Loaded::index`], telling `progress` how far indexing is; none if it was cancelled.
    fn index_observed(out: LoadOutcome, progress: &Progress) -> Option<Loaded> {
        let observe = |share: f32| {
            let millionths = (share * 1e6) as u32;
            progress.indexed.store(millionths, Ordering::Relaxed);
            !progress.is_cancelled()
        };
        let catalog = match out.dataset {
            Some(dataset) => Some(Arc::new(Catalog::new_observed(dataset, &observe)?)),
            None => None,
        };
        Some(Loaded {
            catalog,
            diagnostics: out.diagnostics,
            from_cache: false,
        })
    }
}

impl Progress {
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Checking,
            3 => Stage::Indexing,
            _ => Stage::Done,
        }
    }

    /// How far the load is, 0 to 1: reading by bytes, then each later stage at the share of
    /// the time it takes on a large file (parsing about half, checking and indexing a fifth
    /// each). A streamed import reports the bytes it has parsed, checking the events it has
    /// checked, and indexing its share done.
    pub fn fraction(&self) -> f32 {
        let (read, total) = self.bytes();
        match self.stage() {
            Stage::Reading => 0.1 * read as f32 / total.max(1) as f32,
            // A streamed import says how far it has read, a large RON file how far its
            // events are parsed; other files parse in one step.
            Stage::Parsing => {
                let parsed = self.parsed.load(Ordering::Relaxed);
                0.1 + 0.5 * (parsed as f32 / total.max(1) as f32).min(1.0)
            }
            Stage::Checking => {
                let checked = self.checked.load(Ordering::Relaxed);
                let of = self.to_check.load(Ordering::Relaxed);
                0.6 + 0.2 * (checked as f32 / of.max(1) as f32).min(1.0)
            }
            Stage::Indexing => {
                let indexed = self.indexed.load(Ordering::Relaxed);
                0.8 + 0.2 * (indexed as f32 / 1e6).min(1.0)
            }
            Stage::Done => 1.0,
        }
    }

    /// Asks the load to stop at its next stage; its result, if any, is thrown away.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
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
        if let Ok(mut began) = self.began.lock() {
            began.push((s, Instant::now()));
        }
    }

    /// How long each stage took, from its start to the next one's; the last stage (the
    /// result handed over, `Done`) is left out.
    pub fn stage_times(&self) -> Vec<(Stage, std::time::Duration)> {
        let began = self.began.lock().map(|b| b.clone()).unwrap_or_default();
        began
            .windows(2)
            .map(|w| (w[0].0, w[1].1.saturating_duration_since(w[0].1)))
            .collect()
    }
}

/// Reads, parses, validates, merges and indexes the sources, recording progress; `None` if it
/// was cancelled on the way. No cache is read or written.
pub fn load_sources(sources: &[Source], progress: &Progress) -> Option<Loaded> {
    load_sources_with(sources, progress, None).map(|(loaded, _)| loaded)
}

/// [`load_sources`] through `cache`, writing the snapshot for the next open (if there is one
/// to write) before returning.
pub fn load_sources_cached(
    sources: &[Source],
    progress: &Progress,
    cache: &Cache,
) -> Option<Loaded> {
    let (loaded, key) = load_sources_with(sources, progress, Some(cache))?;
    if let (Some(key), Some(catalog)) = (key, &loaded.catalog) {
        write_snapshot(cache, &key, catalog, &loaded.diagnostics);
    }
    Some(loaded)
}

/// [`load_sources`], first looking in `cache` for a snapshot of the same, unchanged files
/// and, when there was none, returning the key to write one under once the result is handed
/// over ([`write_snapshot`]: encoding and writing take a moment the window need not wait).
/// Only files are cached (the bundled dataset is in the program), only when every one was
/// read whole, and only a load without errors: one with errors is opened again to show
/// them as they are then.
pub fn load_sources_with(
    sources: &[Source],
    progress: &Progress,
    cache: Option<&Cache>,
) -> Option<(Loaded, Option<Key>)> {
    let total: u64 = sources
        .iter()
        .map(|s| match s {
            Source::Bundled => BUNDLED_TEXT.len() as u64,
            Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        })
        .sum();
    progress.total.store(total, Ordering::Relaxed);
    progress.set(Stage::Reading);
    let mut inputs = Vec::new();
    let mut unreadable: Vec<Diagnostic> = Vec::new();
    for s in sources {
        if progress.is_cancelled() {
            return None;
        }
        let input = match s {
            Source::Bundled => {
                let len = BUNDLED_TEXT.len() as u64;
                progress.read.fetch_add(len, Ordering::Relaxed);
                Ok(Input::text(SourceText {
                    name: BUNDLED_NAME.to_owned(),
                    text: BUNDLED_TEXT.to_owned(),
                }))
            }
            Source::File(p) => crate::import::open::read_input_observed(p, &|bytes| {
                progress.read.fetch_add(bytes, Ordering::Relaxed);
            }),
        };
        match input {
            Ok(input) => inputs.push(input),
            Err(d) => unreadable.push(d),
        }
    }
    let key = cache
        .filter(|_| unreadable.is_empty())
        .and_then(|_| cache_key(sources, &inputs));
    if let (Some(cache), Some(key)) = (cache, &key) {
        if let Some((catalog, diagnostics)) = super::cached::read_catalog(cache, key) {
            progress.set(Stage::Done);
            let loaded = Loaded {
                catalog: Some(Arc::new(catalog)),
                diagnostics,
                from_cache: true,
            };
            return Some((loaded, None));
        }
        if progress.is_cancelled() {
            return None;
        }
    }
    let mut out = crate::import::open::load_inputs_observed(inputs, &mut |step| {
        match step {
            Step::Parsing => progress.set(Stage::Parsing),
            Step::Read(bytes) => progress.parsed.store(bytes, Ordering::Relaxed),
            Step::Checking => progress.set(Stage::Checking),
            Step::Checked { done, of } => {
                progress.checked.store(done as u64, Ordering::Relaxed);
                progress.to_check.store(of as u64, Ordering::Relaxed);
            }
        }
        !progress.is_cancelled()
    });
    if progress.is_cancelled() {
        return None;
    }
    if !unreadable.is_empty() {
        out.dataset = None;
        unreadable.append(&mut out.diagnostics);
        out.diagnostics = unreadable;
    }
    progress.set(Stage::Indexing);
    let loaded = Loaded::index_observed(out, progress)?;
    if progress.is_cancelled() {
        return None;
    }
    progress.set(Stage::Done);
    Some((loaded, key))
}

/// Writes the snapshot of a load (from files that had none) under `key` in `cache`, for the
/// next open.
fn write_snapshot(cache: &Cache, key: &Key, catalog: &Catalog, diagnostics: &[Diagnostic]) {
    if let Some(snapshot) = super::cached::encode_catalog(key, catalog, diagnostics) {
        cache.write_quietly(&snapshot);
    }
}

/// What a snapshot of loading these inputs is valid for; none when they cannot be cached:
/// the bundled dataset, or a file too large to hold whole (streamed, never read whole).
fn cache_key(sources: &[Source], inputs: &[Input]) -> Option<Key> {
    if sources.len() != inputs.len() {
        return None;
    }
    let mut key = Key::default();
    for (source, input) in sources.iter().zip(inputs) {
        let path = source.path()?;
        if input.stream.is_some() || path.as_os_str() == "-" {
            return None;
        }
        key.add_file(&input.name, path, &input.bytes);
        if let Some(map) = &input.map {
            key.add_bytes(&map.name, map.text.as_bytes());
        }
    }
    Some(key)
}

/// A load under way on its own thread.
pub struct LoadJob {
    pub sources: Vec<Source>,
    pub progress: Arc<Progress>,
    pub started: Instant,
    rx: Receiver<Loaded>,
}

impl LoadJob {
    /// Starts loading, reading and writing snapshots in `cache` (none: no cache); `done` is
    /// called from the loading thread when the result is ready (the app passes a repaint
    /// request, so the window wakes up for it).
    pub fn spawn_with(
        sources: Vec<Source>,
        cache: Option<Cache>,
        done: impl FnOnce() + Send + 'static,
    ) -> LoadJob {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let p = Arc::clone(&progress);
        let s = sources.clone();
        std::thread::Builder::new()
            .name("claimline-load".into())
            .spawn(move || {
                // A cancelled load sends nothing. The receiver may be gone (a newer load
                // replaced this one, or the user cancelled): nothing to do then.
                let Some((out, key)) = load_sources_with(&s, &p, cache.as_ref()) else {
                    done();
                    return;
                };
                // The window gets the catalog first; the snapshot of it is made and written
                // after, from a share of the same catalog (with the diagnostics it had).
                let snapshot = (cache.as_ref().zip(key).zip(out.catalog.clone()))
                    .map(|((cache, key), catalog)| (cache, key, catalog, out.diagnostics.clone()));
                let _ = tx.send(out);
                done();
                if let Some((cache, key, catalog, diagnostics)) = snapshot {
                    write_snapshot(cache, &key, &catalog, &diagnostics);
                }
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
    pub fn poll(&self) -> Option<Loaded> {
        match self.rx.try_recv() {
            Ok(out) => Some(out),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Loaded {
                from_cache: false,
                catalog: None,
                diagnostics: vec![Diagnostic::error(
                    "claimline",
                    None,
                    "the loading thread stopped without a result",
                )],
            }),
        }
    }

    /// Waits for the result (tests, and the command line).
    pub fn wait(self) -> Loaded {
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
        let job = LoadJob::spawn_with(vec![Source::Bundled], None, || {});
        let p = Arc::clone(&job.progress);
        let out = job.wait();
        assert!(out.catalog.is_some(), "{:?}", out.diagnostics);
        assert_eq!(p.stage(), Stage::Done);
        let (read, total) = p.bytes();
        assert_eq!(read, total);
        assert_eq!(total, BUNDLED_TEXT.len() as u64);
    }

    #[test]
    fn a_cancelled_load_stops_and_gives_nothing() {
        let p = Progress::default();
        p.cancel();
        assert!(load_sources(&[Source::Bundled], &p).is_none());
        // Cancelled after reading: stops before parsing.
        let p = Progress::default();
        let mut seen = Vec::new();
        let out = crate::load::load_texts_observed(
            &[SourceText {
                name: "x.ron".into(),
                text: BUNDLED_TEXT.into(),
            }],
            &mut |s| {
                seen.push(s);
                p.cancel();
                !p.is_cancelled()
            },
        );
        assert_eq!(seen, [Step::Parsing]);
        assert!(out.dataset.is_none() && out.diagnostics.is_empty());
    }

    #[test]
    fn checking_tells_how_far_it_is_and_stops_when_cancelled() {
        use crate::cli::generate::{Spec, generate};
        let spec = Spec {
            events: 10_000,
            seed: 3,
        };
        let text = crate::cli::generate::to_ron(&generate(spec)).expect("serialises");
        let mut seen = Vec::new();
        let out = crate::load::load_texts_observed(
            &[SourceText {
                name: "gen.ron".into(),
                text,
            }],
            &mut |s| match s {
                Step::Checked { done, of } => {
                    seen.push((done, of));
                    false
                }
                _ => true,
            },
        );
        assert_eq!(seen, [(4096, 20_000)]);
        assert!(out.dataset.is_none() && out.diagnostics.is_empty());
    }

    #[test]
    fn progress_only_moves_forward() {
        let p = Progress::default();
        p.total.store(100, Ordering::Relaxed);
        let mut last = p.fraction();
        for stage in [
            Stage::Parsing,
            Stage::Checking,
            Stage::Indexing,
            Stage::Done,
        ] {
            p.set(stage);
            assert!(p.fraction() > last, "{stage:?}");
            last = p.fraction();
        }
    }

    #[test]
    fn the_bar_moves_while_indexing() {
        let p = Progress::default();
        p.set(Stage::Indexing);
        let start = p.fraction();
        p.indexed.store(500_000, Ordering::Relaxed);
        let half = p.fraction();
        p.indexed.store(1_000_000, Ordering::Relaxed);
        let end = p.fraction();
        assert!(start < half && half < end, "{start} {half} {end}");
        p.set(Stage::Done);
        assert!(p.fraction() >= end);
    }

    #[test]
    fn a_missing_file_is_a_diagnostic_not_a_panic() {
        let out = load_sources(
            &[Source::Bundled, Source::File("/no/such/file.ron".into())],
            &Progress::default(),
        )
        .expect("not cancelled");
        assert!(out.catalog.is_none());
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.file.contains("/no/such/file.ron")),
            "{:?}",
            out.diagnostics
        );
    }
}
