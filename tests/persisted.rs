//! What an earlier version saved still opens with the same meaning: the remembered session as
//! eframe keeps it (`tests/fixtures/state/app.ron`) and a saved view
//! (`tests/fixtures/state/night-fire.view.ron`), both written by the app itself (see the
//! README beside them). The datasets they name are the borderland and westland fixtures.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use egui_kittest::Harness;

use claimline::app::{ClaimlineApp, Start};
use claimline::layout::lanes::LaneMode;
use claimline::model::EventKind;
use claimline::model::Side;
use claimline::query::FilterState;
use claimline::session::Source;
use claimline::session::saved_view;
use claimline::session::settings::{ExportSettings, Settings, ThemeKind};

/// Where the fixtures were written: the remembered session names its files absolutely.
const WRITTEN_IN: &str = "/work/wt-state";

/// The timeline's range both files hold, UTC seconds.
const TIME_RANGE: (f64, f64) = (1_662_930_432.0, 1_663_210_368.0);

fn state_dir() -> PathBuf {
    common::fixture("state")
}

/// The filter both files hold.
fn filter() -> FilterState {
    FilterState {
        actors: BTreeSet::from(["north-mod".to_owned(), "south-mod".to_owned()]),
        districts: BTreeSet::from(["Upper Vale".to_owned()]),
        sides: BTreeSet::from([Side::FIRST]),
        kinds: BTreeSet::from([EventKind::ArmedClash]),
        from: Some(1_662_940_800),
        to: Some(1_663_286_400),
        text: "firing".to_owned(),
        contested_only: true,
    }
}

fn data_files() -> [PathBuf; 2] {
    let dir = state_dir();
    [dir.join("borderland.ron"), dir.join("westland.ron")]
}

/// The app's entry in eframe's `app.ron`, with the files moved to where this checkout is.
fn remembered_entry() -> String {
    let text = std::fs::read_to_string(state_dir().join("app.ron")).unwrap();
    let kv: HashMap<String, String> = ron::from_str(&text).unwrap();
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).display().to_string();
    kv[eframe::APP_KEY].replace(WRITTEN_IN, &here)
}

fn loaded(app: &ClaimlineApp) -> bool {
    app.catalog.is_some() && app.files.job().is_none()
}

/// The window started on `start` and what it remembers, once its files have loaded.
fn started(start: Start, entry: Option<&str>) -> Harness<'static, ClaimlineApp> {
    let remembered = claimline::session::state::read_remembered(entry, None).unwrap();
    let mut h = common::builder(1600.0, 1000.0)
        .build_eframe(move |cc| ClaimlineApp::start(&cc.egui_ctx, start, remembered));
    common::run_until(&mut h, "the files load", loaded);
    h.run();
    h
}

fn assert_range(app: &ClaimlineApp, want: (f64, f64)) {
    let got = app.panels.timeline.visible().expect("a drawn timeline");
    assert!(
        (got.0 - want.0).abs() < 1.0 && (got.1 - want.1).abs() < 1.0,
        "{got:?} vs {want:?}"
    );
}

#[test]
fn a_remembered_session_from_an_earlier_version_opens_as_it_was() {
    let entry = remembered_entry();
    let h = started(Start::default(), Some(&entry));
    let app = h.state();
    assert_eq!(
        app.settings,
        Settings {
            filter: filter(),
            lane_mode: LaneMode::District,
            theme: ThemeKind::HighContrast,
            export: ExportSettings {
                caption: false,
                double: true,
                // And from before handouts, A4.
                paper: Default::default(),
            },
            // Files from before columns could be chosen keep the dataset's.
            columns: None,
            // And from before the strip showed other kinds, the dead.
            toll_kind: Default::default(),
            // And from before places named administrations, their default districts.
            district_scheme: None,
            // And from before the panels folded, the window's width decides.
            panes: Default::default(),
        }
    );
    let [border, west] = data_files();
    assert_eq!(
        app.sources,
        [Source::File(border.clone()), Source::File(west.clone())]
    );
    assert_eq!(app.recent, [west, border]);
    assert_eq!(app.selected_id().as_deref(), Some("night-fire"));
    assert_range(app, TIME_RANGE);
    assert!(app.problems.is_none(), "{:?}", app.problems);
}

#[test]
fn a_saved_view_from_an_earlier_version_reads_as_it_was_written() {
    let view = saved_view::read(&state_dir().join("night-fire.view.ron")).unwrap();
    let [border, west] = data_files();
    assert_eq!(
        view.snapshot.sources,
        [Source::File(border.clone()), Source::File(west.clone())]
    );
    assert_eq!(view.filter, filter());
    assert_eq!(view.lane_mode, LaneMode::District);
    assert_eq!(view.snapshot.selected.as_deref(), Some("night-fire"));
    assert_eq!(view.snapshot.time_range, Some(TIME_RANGE));

    // And opens that picture, over what the last session remembered.
    let h = started(
        Start {
            files: vec![],
            view: Some(view),
            cache: None,
        },
        None,
    );
    let app = h.state();
    assert_eq!(app.sources, [Source::File(border), Source::File(west)]);
    assert_eq!(app.settings.filter, filter());
    assert_eq!(app.settings.lane_mode, LaneMode::District);
    assert_eq!(app.selected_id().as_deref(), Some("night-fire"));
    assert_range(app, TIME_RANGE);
}

#[test]
fn a_saved_view_is_still_written_as_before() {
    let path = state_dir().join("night-fire.view.ron");
    let view = saved_view::read(&path).unwrap();
    assert_eq!(
        saved_view::to_text(&view, &state_dir()).unwrap(),
        std::fs::read_to_string(&path).unwrap()
    );
}
