//! Claimline at scale: loading 10,000 and 100,000-event files, a filter change over a million
//! events, whole UI frames (egui layout and tessellation, no GPU) with 10,000 to 1,000,000
//! events in view, and the heap in use with a million events loaded. Run with `cargo bench`;
//! the README's table of results comes from here.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use claimline::app::ClaimlineApp;
use claimline::app::headless::Headless;
use claimline::cli::generate::{
    Shape, Spec, dataset_shaped, dataset_with_parties, generate_shaped, generate_with_parties,
    to_ron,
};
use claimline::command::Command;
use claimline::load::cache::Cache;
use claimline::load::{LoadOutcome, SourceText, load_texts};
use claimline::query::{Catalog, FilterState, Query};
use claimline::session::Source;
use claimline::session::loading::{Progress, load_sources_cached};
use claimline::session::settings::ThemeKind;

/// The system allocator, counting the bytes in use and their peak while `COUNTING` is set.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Set until the heap has been measured, then cleared: every thread allocating would contend
/// for the counters, which slows work spread over threads (decoding a snapshot, a filter
/// change) far more than the app itself, which does not count.
static COUNTING: AtomicBool = AtomicBool::new(true);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() && COUNTING.load(Ordering::Relaxed) {
            if new_size > layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const SEED: u64 = 1;

/// Every generated dataset here has six parties (two of them sharing a side), as issue 17 asks
/// the figures to hold at.
const PARTIES: Option<usize> = Some(6);

fn dataset(spec: Spec) -> claimline::model::Dataset {
    dataset_with_parties(spec, PARTIES)
}

fn main() {
    memory_at_a_million();
    memory_at_acled_world();
    stages_of_opening(100_000);
    stages_of_reopening(100_000);
    divan::main();
}

/// Where opening a 100,000-event file spends its time: parsing, then checking and merging,
/// then indexing (one run each, printed before the timings).
fn stages_of_opening(events: usize) {
    use std::time::Instant;
    let text = ron_text(events);
    let src = SourceText {
        name: "gen.ron".to_owned(),
        text: text.to_owned(),
    };
    let t = Instant::now();
    let parsed = claimline::load::parse(&src).expect("parses");
    let parse = t.elapsed();
    drop(parsed);
    let t = Instant::now();
    let out = load_texts(&[src]);
    let load = t.elapsed();
    let t = Instant::now();
    let cat = Catalog::new(out.dataset.expect("loads"));
    let index = t.elapsed();
    println!(
        "opening {events} events ({:.0} MB): parse {:.2} s, check and merge {:.2} s, index {:.2} s",
        text.len() as f64 / 1e6,
        parse.as_secs_f64(),
        (load - parse).as_secs_f64(),
        index.as_secs_f64()
    );
    drop(cat);
}

/// A file written to a temporary folder, with a cache folder beside it, the cache holding
/// the file's snapshot.
struct CachedFile {
    _dir: tempfile::TempDir,
    sources: Vec<Source>,
    cache: Cache,
}

fn cached_file(events: usize) -> CachedFile {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("gen.ron");
    std::fs::write(&path, ron_text(events)).expect("written");
    let cache = Cache::at(dir.path().join("cache"));
    let sources = vec![Source::File(path)];
    let first = load_sources_cached(&sources, &Progress::default(), &cache).expect("loads");
    assert!(first.catalog.is_some() && !first.from_cache);
    CachedFile {
        _dir: dir,
        sources,
        cache,
    }
}

/// What re-opening an unchanged file from its snapshot spends its time on: reading the file
/// and hashing it (to know it is unchanged), then reading the snapshot (printed before the
/// timings).
fn stages_of_reopening(events: usize) {
    use std::time::Instant;
    let f = cached_file(events);
    let Source::File(path) = &f.sources[0] else {
        unreachable!()
    };
    let t = Instant::now();
    let bytes = std::fs::read(path).expect("read");
    let read = t.elapsed();
    let t = Instant::now();
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let hashed = t.elapsed();
    let t = Instant::now();
    let loaded = load_sources_cached(&f.sources, &Progress::default(), &f.cache).expect("loads");
    let whole = t.elapsed();
    assert!(loaded.from_cache);
    let snapshot_mb = std::fs::read_dir(f.cache.dir())
        .expect("the cache folder")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum::<u64>() as f64
        / 1e6;
    println!(
        "re-opening {events} events ({:.0} MB, snapshot {snapshot_mb:.0} MB): read {:.3} s, \
         hash {:.3} s (xxh3 {hash:016x}), in all {:.2} s",
        bytes.len() as f64 / 1e6,
        read.as_secs_f64(),
        hashed.as_secs_f64(),
        whole.as_secs_f64(),
    );
}

/// Peak heap while a million generated events are built, indexed and filtered, and what stays
/// in use after: printed before the timings.
fn memory_at_a_million() {
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mb = |b: usize| (b - base) as f64 / (1024.0 * 1024.0);
    let ds = dataset(Spec {
        events: 1_000_000,
        seed: SEED,
    });
    let dataset_only = mb(IN_USE.load(Ordering::Relaxed));
    let cat = Catalog::new(ds);
    let q = Query::run(&cat.index, &FilterState::default());
    println!(
        "memory, 1,000,000 events ({} claims): {:.0} MiB in use (dataset {dataset_only:.0} MiB, \
         then index and query), peak {:.0} MiB",
        cat.dataset.claim_count(),
        mb(IN_USE.load(Ordering::Relaxed)),
        mb(PEAK.load(Ordering::Relaxed)),
    );
    where_the_memory_goes(cat, q, base);
    COUNTING.store(false, Ordering::Relaxed);
}

/// The heap in use with 2,500,000 ACLED-shaped events (one short report an event, a place
/// for every 20 events): the size of ACLED's global export.
fn memory_at_acled_world() {
    const EVENTS: usize = 2_500_000;
    COUNTING.store(true, Ordering::Relaxed);
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mib = |b: usize| (b - base) as f64 / (1024.0 * 1024.0);
    let ds = dataset_shaped(
        Spec {
            events: EVENTS,
            seed: SEED,
        },
        PARTIES,
        Shape::Acled,
    );
    let dataset_only = mib(IN_USE.load(Ordering::Relaxed));
    let cat = Catalog::new(ds);
    let q = Query::run(&cat.index, &FilterState::default());
    println!(
        "memory, 2,500,000 ACLED-shaped events: {:.0} MiB in use (dataset {dataset_only:.0} MiB), \
         peak {:.0} MiB",
        mib(IN_USE.load(Ordering::Relaxed)),
        mib(PEAK.load(Ordering::Relaxed)),
    );
    where_the_memory_goes(cat, q, base);
    COUNTING.store(false, Ordering::Relaxed);
}

/// The heap a loaded dataset holds, part by part: each part is measured by what
/// dropping it gives back; the dataset's fixed-size parts (one struct an event, a claim, a
/// citation, a figure) from their counts, the rest of it being its strings and lists; and
/// what stays when all is dropped (from `base`, the heap in use before the dataset was
/// made): the process's shared table of prose pieces (`model::Prose`), which the dataset's
/// texts are numbers into.
fn where_the_memory_goes(cat: Catalog, q: Query, base: usize) {
    use claimline::model::{Citation, Claim, Event, Figure};
    use std::mem::{size_of, take};
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    let ds = &cat.dataset;
    let claims = ds.events.iter().flat_map(|e| &e.claims);
    let fixed = [
        ("events", ds.events.len() * size_of::<Event>()),
        ("claims", claims.clone().count() * size_of::<Claim>()),
        (
            "citations",
            claims.clone().map(|c| c.sources.len()).sum::<usize>() * size_of::<Citation>(),
        ),
        (
            "figures",
            claims.map(|c| c.figures.len()).sum::<usize>() * size_of::<Figure>(),
        ),
    ];
    let Catalog { dataset, mut index } = cat;
    let freed = |what: &'static str, part: Box<dyn FnOnce()>| {
        let before = IN_USE.load(Ordering::Relaxed);
        part();
        (what, before - IN_USE.load(Ordering::Relaxed))
    };
    let text = take(&mut index.text);
    let facts = take(&mut index.events);
    let bits = take(&mut index.bits);
    let parts = [
        freed("query", Box::new(move || drop(q))),
        freed("word index", Box::new(move || drop(text))),
        freed("per-event facts", Box::new(move || drop(facts))),
        freed("filter masks", Box::new(move || drop(bits))),
        freed("rest of the index", Box::new(move || drop(index))),
        freed("dataset", Box::new(move || drop(dataset))),
    ];
    let line = |parts: &[(&str, usize)]| {
        parts
            .iter()
            .map(|(what, b)| format!("{what} {:.0}", mib(*b)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("  by part (MiB): {}", line(&parts));
    let fixed_sum: usize = fixed.iter().map(|(_, b)| b).sum();
    println!(
        "  dataset's fixed parts (MiB): {}; strings and lists {:.0}",
        line(&fixed),
        mib(parts[5].1 - fixed_sum)
    );
    println!(
        "  kept when all is dropped (the shared table of prose pieces): {:.0} MiB",
        mib(IN_USE.load(Ordering::Relaxed).saturating_sub(base))
    );
}

fn ron_text(events: usize) -> &'static str {
    static TEXTS: OnceLock<std::sync::Mutex<Vec<(usize, &'static str)>>> = OnceLock::new();
    let texts = TEXTS.get_or_init(Default::default);
    let mut t = texts.lock().unwrap();
    if let Some((_, s)) = t.iter().find(|(n, _)| *n == events) {
        return s;
    }
    let s: &'static str = to_ron(&generate_with_parties(Spec { events, seed: SEED }, PARTIES))
        .unwrap()
        .leak();
    t.push((events, s));
    s
}

/// Parse, validate, merge and index a generated file's text, as opening it does.
#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn open_file(bencher: divan::Bencher, events: usize) {
    let text = ron_text(events);
    bencher
        .with_inputs(|| SourceText {
            name: "gen.ron".to_owned(),
            text: text.to_owned(),
        })
        .bench_values(|src| {
            let out = load_texts(&[src]);
            Catalog::new(out.dataset.expect("generated data loads"))
        });
}

/// The same for an ACLED-shaped file (`claimline gen --shape acled`): one short report an
/// event and a place for every 20 events, as a large ACLED export has.
#[divan::bench(args = [100_000], sample_count = 3, sample_size = 1)]
fn open_acled_shaped_file(bencher: divan::Bencher, events: usize) {
    static TEXT: OnceLock<String> = OnceLock::new();
    let text = TEXT.get_or_init(|| {
        let file = generate_shaped(Spec { events, seed: SEED }, PARTIES, Shape::Acled);
        to_ron(&file).unwrap()
    });
    bencher
        .with_inputs(|| SourceText {
            name: "acled-shaped.ron".to_owned(),
            text: text.clone(),
        })
        .bench_values(|src| {
            let out = load_texts(&[src]);
            Catalog::new(out.dataset.expect("generated data loads"))
        });
}

/// Re-opening an unchanged 100,000-event file, as the window does: reading and hashing it,
/// then its snapshot from the cache instead of parsing, checking and indexing it.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn reopen_100k_from_cache(bencher: divan::Bencher) {
    let f = cached_file(100_000);
    bencher.bench_local(|| {
        let loaded =
            load_sources_cached(&f.sources, &Progress::default(), &f.cache).expect("loads");
        assert!(loaded.from_cache);
        loaded
    });
}

fn million() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| {
        Catalog::new(dataset(Spec {
            events: 1_000_000,
            seed: SEED,
        }))
    })
}

/// Filters a user might set, each a change from no filter.
fn filters(cat: &Catalog) -> Vec<(&'static str, FilterState)> {
    let actor = cat.dataset.actors[0].id.clone();
    let district = cat.index.districts[0].name.clone();
    let mid = cat.index.extent.unwrap().start + 400 * 86_400;
    vec![
        (
            "actor",
            FilterState {
                actors: [actor.clone()].into(),
                ..Default::default()
            },
        ),
        (
            "district",
            FilterState {
                districts: [district.clone()].into(),
                ..Default::default()
            },
        ),
        (
            "text",
            FilterState {
                text: "denied".to_owned(),
                ..Default::default()
            },
        ),
        (
            "dates",
            FilterState {
                from: Some(mid),
                to: Some(mid + 30 * 86_400),
                ..Default::default()
            },
        ),
        (
            "all",
            FilterState {
                actors: [actor].into(),
                districts: [district].into(),
                text: "fire".to_owned(),
                contested_only: true,
                from: Some(mid),
                to: Some(mid + 300 * 86_400),
                ..Default::default()
            },
        ),
    ]
}

/// The query alone: the events that pass and every facet's counts.
#[divan::bench(args = ["actor", "district", "text", "dates", "all"], sample_count = 10)]
fn filter_query_1m(bencher: divan::Bencher, which: &str) {
    let cat = million();
    let f = filters(cat)
        .into_iter()
        .find(|(n, _)| *n == which)
        .unwrap()
        .1;
    bencher.bench(|| Query::run(&cat.index, &f));
}

fn app_with(events: usize) -> ClaimlineApp {
    ClaimlineApp::new(LoadOutcome {
        dataset: Some(dataset(Spec { events, seed: SEED })),
        ..LoadOutcome::default()
    })
}

/// A whole filter change in the app: the query, then the lanes and casualty series the panels
/// draw, as ticking an actor does.
#[divan::bench(sample_count = 10)]
fn filter_change_in_app_1m(bencher: divan::Bencher) {
    static APP: OnceLock<std::sync::Mutex<ClaimlineApp>> = OnceLock::new();
    let mut app = APP
        .get_or_init(|| std::sync::Mutex::new(app_with(1_000_000)))
        .lock()
        .unwrap();
    let ctx = egui::Context::default();
    let actor = app.catalog.as_ref().unwrap().dataset.actors[0].id.clone();
    bencher.bench_local(|| app.apply(&ctx, vec![Command::ToggleActor(actor.clone())]));
}

/// One frame of the whole window at 1600×1000 with every event in view (the timeline fitted
/// to the data): layout, painting and tessellation.
#[divan::bench(args = [10_000, 100_000, 1_000_000], sample_count = 20)]
fn frame(bencher: divan::Bencher, events: usize) {
    let mut app = app_with(events);
    let mut h = Headless::new(ThemeKind::Light);
    let size = egui::vec2(1600.0, 1000.0);
    h.settle(&mut app, size);
    bencher.bench_local(|| h.frame_and_tessellate(&mut app, size));
}

/// The parts of a filter change after the query, each over a million events.
#[divan::bench(sample_count = 10)]
fn lanes_1m(bencher: divan::Bencher) {
    let cat = million();
    let all = Query::run(&cat.index, &FilterState::default()).events;
    bencher.bench(|| {
        claimline::layout::lanes::lanes(
            &cat.dataset,
            &cat.index,
            claimline::layout::lanes::LaneMode::Party,
            &all,
        )
    });
}

#[divan::bench(sample_count = 10)]
fn casualty_series_1m(bencher: divan::Bencher) {
    let cat = million();
    let all = Query::run(&cat.index, &FilterState::default()).events;
    let table = claimline::layout::casualties::TollTable::new(&cat.dataset, &cat.index);
    bencher.bench(|| table.series(&all, Default::default()));
}

/// The map's marks for a million events in view, as the first zoom step from the whole range
/// recomputes them (they follow the visible range).
#[divan::bench(sample_count = 5)]
fn map_marks_1m(bencher: divan::Bencher) {
    let cat = million();
    let all = Query::run(&cat.index, &FilterState::default()).events;
    bencher.bench(|| claimline::layout::map_marks::map_marks(&cat.dataset, &cat.index, &all));
}
