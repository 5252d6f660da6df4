//! Re-opening unchanged files from the cache: the second open of the same files is served from
//! a snapshot and shows exactly what the first showed (data, index, warnings); a snapshot cut
//! short, corrupted, or of a file since changed is ignored and rebuilt; the snapshot lives in
//! the cache folder, never beside the user's files; `claimline check` never uses it.

use std::path::{Path, PathBuf};

use claimline::load::BUNDLED_TEXT;
use claimline::load::cache::Cache;
use claimline::query::{Catalog, FilterState, Query};
use claimline::session::Source;
use claimline::session::loading::{Loaded, Progress, load_sources, load_sources_cached};

const CEASEFIRE_TITLE: &str = "Ceasefire announced by Armenia for 20:00 on 14 September";

/// The bundled dataset with a source no claim cites: it loads, with a warning.
fn with_warning() -> String {
    let text = BUNDLED_TEXT.replacen(
        "    ],\n    events",
        "        (id: \"uncited-extra\", outlet: \"O\", language: \"en\"),\n    ],\n    events",
        1,
    );
    assert_ne!(text, BUNDLED_TEXT);
    text
}

/// A second file that refers to the bundled dataset's actors and sources.
const SECOND_FILE: &str = include_str!("fixtures/second-file.ron");

struct Setup {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    cache: Cache,
}

impl Setup {
    fn new() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let cache = Cache::at(tmp.path().join("cache"));
        Setup {
            _tmp: tmp,
            data,
            cache,
        }
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.data.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn open(&self, files: &[&Path]) -> Loaded {
        let sources: Vec<Source> = files
            .iter()
            .map(|p| Source::File(p.to_path_buf()))
            .collect();
        load_sources_cached(&sources, &Progress::default(), &self.cache).expect("not cancelled")
    }

    /// The snapshots in the cache folder.
    /// Opening `file` again shows what `first` showed, not from the spoiled snapshot, and
    /// writes a whole one again, which the next open reads.
    fn assert_ignored_and_rebuilt(&self, file: &Path, first: &Loaded, spoiled: &str) {
        let again = self.open(&[file]);
        assert!(!again.from_cache, "read a snapshot {spoiled}");
        assert_same(first, &again);
        assert!(self.open(&[file]).from_cache, "not rebuilt after {spoiled}");
    }

    fn snapshots(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.cache.dir()) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    fn snapshot(&self) -> PathBuf {
        let all = self.snapshots();
        assert_eq!(all.len(), 1, "{all:?}");
        all[0].clone()
    }
}

/// The same files loaded with no cache at all.
fn fresh(files: &[&Path]) -> Loaded {
    let sources: Vec<Source> = files
        .iter()
        .map(|p| Source::File(p.to_path_buf()))
        .collect();
    load_sources(&sources, &Progress::default()).unwrap()
}

/// What a user sees of a load: the data, every diagnostic, and what the index answers.
fn assert_same(a: &Loaded, b: &Loaded) {
    assert_eq!(a.diagnostics, b.diagnostics);
    let (a, b): (&Catalog, &Catalog) = (a.catalog.as_ref().unwrap(), b.catalog.as_ref().unwrap());
    assert_eq!(a.dataset, b.dataset);
    assert_eq!(a.index.events, b.index.events);
    assert_eq!(a.index.districts, b.index.districts);
    assert_eq!(a.index.figure_claims, b.index.figure_claims);
    for f in [
        FilterState::default(),
        FilterState {
            text: "ceasefire".into(),
            ..Default::default()
        },
        FilterState {
            actors: ["arm-mod".to_owned()].into(),
            ..Default::default()
        },
        FilterState {
            contested_only: true,
            ..Default::default()
        },
    ] {
        let (qa, qb) = (Query::run(&a.index, &f), Query::run(&b.index, &f));
        assert!(!qa.events.is_empty() || f.contested_only, "{f:?}");
        assert_eq!(qa.events, qb.events, "{f:?}");
    }
    let ceasefire = |c: &Catalog| {
        c.dataset
            .events
            .iter()
            .position(|e| &*e.title == CEASEFIRE_TITLE)
    };
    assert_eq!(ceasefire(a), ceasefire(b));
}

#[test]
fn a_second_open_of_unchanged_files_comes_from_the_cache_as_the_first_showed_them() {
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    let b = s.file("b.ron", SECOND_FILE);
    let c = s.file(
        "c.tour.ron",
        r#"(format: 2, tours: [(id: "extra", title: "Extra", steps: [(event: "extra-event")])])"#,
    );
    let first = s.open(&[&a, &b, &c]);
    assert!(!first.from_cache);
    assert_eq!(
        first.diagnostics.iter().filter(|d| d.is_warning()).count(),
        1,
        "{:?}",
        first.diagnostics
    );
    let second = s.open(&[&a, &b, &c]);
    assert!(
        second.from_cache,
        "the second open was not served from the cache"
    );
    assert_same(&first, &second);
    assert_same(&fresh(&[&a, &b, &c]), &second);
    // Which file each event came from survives the snapshot.
    let ds = &second.catalog.as_ref().unwrap().dataset;
    let extra = ds.events.iter().find(|e| &*e.id == "extra-event").unwrap();
    assert_eq!(ds.files[extra.file as usize].info.title, "Extra");
    assert_eq!(
        ds.files[extra.file as usize].utc_offset.local_minus_utc(),
        4 * 3600
    );
    // And which file each tour came from (where an edited tour is saved back).
    let tour = ds.tours.iter().find(|t| t.id == "extra").unwrap();
    assert!(ds.files[tour.file].name.ends_with("c.tour.ron"));
}

#[test]
fn a_snapshot_cut_short_is_ignored_and_rebuilt() {
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    let first = s.open(&[&a]);
    let snap = s.snapshot();
    let bytes = std::fs::read(&snap).unwrap();
    for len in [0, 10, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&snap, &bytes[..len]).unwrap();
        s.assert_ignored_and_rebuilt(&a, &first, &format!("cut to {len} bytes"));
    }
}

#[test]
fn a_corrupted_snapshot_is_ignored_and_rebuilt_never_read_as_other_data() {
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    let first = s.open(&[&a]);
    let snap = s.snapshot();
    let bytes = std::fs::read(&snap).unwrap();
    // A flipped letter inside an event's title still decodes, as another title: only a
    // check of the whole snapshot tells it from what was written.
    let title_at = bytes
        .windows(CEASEFIRE_TITLE.len())
        .position(|w| w == CEASEFIRE_TITLE.as_bytes())
        .expect("the title is in the snapshot");
    let mid = bytes.len() / 2;
    for at in [title_at, title_at + 5, mid, 3, 20, bytes.len() - 1] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x20;
        std::fs::write(&snap, &flipped).unwrap();
        s.assert_ignored_and_rebuilt(&a, &first, &format!("flipped at {at}"));
    }
}

/// Writes `new` over `file` (which holds `old`, of the same length) and sets its time back.
fn rewrite_keeping_size_and_time(file: &Path, old: &str, new: &str) {
    assert_eq!(new.len(), old.len());
    let modified = std::fs::metadata(file).unwrap().modified().unwrap();
    std::fs::write(file, new).unwrap();
    std::fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

#[test]
fn a_file_changed_to_the_same_size_and_time_is_not_taken_for_the_cached_one() {
    let s = Setup::new();
    let text = with_warning();
    let a = s.file("a.ron", &text);
    s.open(&[&a]);
    // One letter of a title changed: same size, and the time set back as it was.
    let changed = text.replacen(CEASEFIRE_TITLE, &CEASEFIRE_TITLE.replace('C', "K"), 1);
    rewrite_keeping_size_and_time(&a, &text, &changed);
    let again = s.open(&[&a]);
    assert!(!again.from_cache);
    let titles = |l: &Loaded| {
        (l.catalog.as_ref().unwrap().dataset.events.iter())
            .filter(|e| e.title.starts_with("Keasefire"))
            .count()
    };
    assert_eq!(titles(&again), 1);
    assert_same(&fresh(&[&a]), &again);
    assert!(s.open(&[&a]).from_cache);
}

#[test]
fn a_file_touched_is_opened_again() {
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    s.open(&[&a]);
    assert!(s.open(&[&a]).from_cache);
    let later =
        std::fs::metadata(&a).unwrap().modified().unwrap() + std::time::Duration::from_secs(7);
    std::fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert!(!s.open(&[&a]).from_cache);
    assert!(s.open(&[&a]).from_cache);
}

#[test]
fn the_snapshot_is_kept_in_the_cache_folder_never_beside_the_files() {
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    s.open(&[&a]);
    assert!(s.snapshot().starts_with(s.cache.dir()));
    let beside: Vec<_> = std::fs::read_dir(&s.data)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["a.ron"]);
}

#[test]
fn a_load_with_errors_is_not_cached() {
    let s = Setup::new();
    let a = s.file(
        "a.ron",
        &BUNDLED_TEXT.replacen("kind: ", "kind: NoSuchKind", 1),
    );
    let first = s.open(&[&a]);
    assert!(first.catalog.is_none() && first.diagnostics.iter().any(|d| d.is_error()));
    assert!(s.snapshots().is_empty(), "{:?}", s.snapshots());
    assert!(!s.open(&[&a]).from_cache);
}

#[test]
fn the_window_hands_over_the_result_and_then_writes_the_snapshot() {
    use claimline::session::loading::LoadJob;
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    let job = LoadJob::spawn_with(vec![Source::File(a.clone())], Some(s.cache.clone()), || {});
    let first = job.wait();
    assert!(!first.from_cache);
    // The snapshot is written after the result is sent: wait for it to appear.
    let start = std::time::Instant::now();
    while s
        .snapshots()
        .iter()
        .all(|p| p.extension().is_none_or(|e| e != "snapshot"))
    {
        assert!(start.elapsed().as_secs() < 30, "no snapshot written");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let job = LoadJob::spawn_with(vec![Source::File(a)], Some(s.cache.clone()), || {});
    let second = job.wait();
    assert!(second.from_cache);
    assert_same(&first, &second);
}

#[test]
fn check_reads_the_file_itself_and_writes_no_cache() {
    let s = Setup::new();
    let a = s.file("a.ron", &with_warning());
    // A snapshot of the file as it was...
    s.open(&[&a]);
    let before = s.snapshots();
    // ...then an error in it at the same size and time: `check` must see the error.
    let text = with_warning();
    let broken = text.replacen("kind: Statement", "kind: Statemenx", 1);
    rewrite_keeping_size_and_time(&a, &text, &broken);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimline"))
        .arg("check")
        .arg(&a)
        .env("CLAIMLINE_CACHE_DIR", s.cache.dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stdout}{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains("Statemenx"),
        "{stdout}{stderr}"
    );
    assert_eq!(s.snapshots(), before);
}
