//! Saved views as `claimline --view` and "Open view…" read them, then what the window does
//! with one that parses: run its filter over a dataset, look up the events in its time range;
//! and what "Save view…" writes must read back as the same view.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use claimline::load::{self, SourceText};
use claimline::query::{Catalog, Query};
use claimline::session::saved_view;
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let text = include_str!("../../tests/fixtures/borderland.ron");
        let src = SourceText {
            name: "borderland.ron".into(),
            text: text.into(),
        };
        Catalog::new(load::load_texts(&[src]).dataset.expect("the fixture loads"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = load::decode("v.view.ron", data.to_vec()) else {
        return;
    };
    let base = Path::new("/views");
    let Ok(view) = saved_view::parse(&src, base) else {
        return;
    };

    let cat = catalog();
    let query = Query::run(&cat.index, &view.filter);
    if let Some((a, b)) = view.snapshot.time_range {
        let _ = query.in_view(&cat.index, a as i64, b as i64, 100);
    }

    let saved = saved_view::to_text(&view, base).expect("a view that was read can be written");
    let again = SourceText {
        name: "saved.view.ron".into(),
        text: saved,
    };
    let back = saved_view::parse(&again, base)
        .unwrap_or_else(|d| panic!("a saved view reads back: {d}\n{}", again.text));
    // NaN is never equal to itself; everything else must come back as it was.
    if !view
        .snapshot
        .time_range
        .is_some_and(|(a, b)| a.is_nan() || b.is_nan())
    {
        assert_eq!(back, view, "{}", again.text);
    }
});
