//! Opening, merging, live reload, session memory and saved views, through the same commands
//! the File menu, the dialog and drag and drop send. Files live in a temporary folder; the
//! tests also check that the app never changes a file it opened.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::run_until;

use claimline::app::{ClaimlineApp, Start};
use claimline::command::Command;
use claimline::command::FileCommand;
use claimline::load::BUNDLED_TEXT;
use claimline::session::saved_view;
use claimline::session::state::State;
use claimline::session::{OpenMode, Source};

const CEASEFIRE: &str = "2022-09-14-ceasefire";
const CEASEFIRE_TITLE: &str = "Ceasefire announced by Armenia for 20:00 on 14 September";

fn harness(start: Start, remembered: Option<State>) -> Harness<'static, ClaimlineApp> {
    common::builder(1600.0, 1000.0)
        .build_eframe(move |cc| ClaimlineApp::start(&cc.egui_ctx, start, remembered))
}

/// The app started on `path` from the command line, once it has loaded.
fn opened(path: &Path) -> Harness<'static, ClaimlineApp> {
    let mut h = harness(
        Start {
            files: vec![path.to_path_buf()],
            view: None,
            cache: None,
        },
        None,
    );
    run_until(&mut h, "the file loads", loaded);
    h
}

fn loaded(app: &ClaimlineApp) -> bool {
    app.catalog.is_some() && app.files.job().is_none()
}

fn send(h: &mut Harness<'_, ClaimlineApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![c]);
    h.step();
}

fn event_count(app: &ClaimlineApp) -> usize {
    app.catalog.as_ref().map_or(0, |c| c.dataset.events.len())
}

fn title_of(app: &ClaimlineApp, id: &str) -> Option<String> {
    let cat = app.catalog.as_ref()?;
    Some(
        cat.dataset.events[cat.index.event_index(&cat.dataset, id)?]
            .title
            .to_string(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Writes `text` the way editors often do: to a temporary file, renamed over the original.
fn save_as_editor(path: &Path, text: &str) {
    let tmp = path.with_extension("ron.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn files_from_the_command_line_load_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", BUNDLED_TEXT);
    let h = opened(&a);
    assert_eq!(h.state().sources, [Source::File(a)]);
    assert!(h.state().files.is_watching());
    h.get_by_label("Open: a.ron · reloaded when they change on disk");
}

#[test]
fn a_second_open_asks_to_add_or_replace_and_adding_merges() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", BUNDLED_TEXT);
    let b = write(dir.path(), "b.ron", common::SECOND_FILE);
    let mut h = opened(&a);
    let before = event_count(h.state());
    // What the dialog and drag and drop send.
    send(
        &mut h,
        Command::File(FileCommand::Open(vec![Source::File(b.clone())])),
    );
    h.run();
    h.get_by_label("Add to what is open").click();
    run_until(&mut h, "a.ron + b.ron load", |app| {
        loaded(app) && event_count(app) == before + 1
    });
    assert_eq!(
        h.state().sources,
        [Source::File(a.clone()), Source::File(b.clone())]
    );
    assert!(title_of(h.state(), "extra-event").is_some());
    assert_eq!(h.state().recent[0], b);
    // Replacing with a file that cannot stand alone (its actors are in a.ron) fails, and the
    // merged data stays on screen with the errors shown.
    send(
        &mut h,
        Command::File(FileCommand::Load(
            vec![Source::File(b.clone())],
            OpenMode::Replace,
        )),
    );
    run_until(&mut h, "the failed replace", |app| {
        app.problems.is_some() && app.files.job().is_none()
    });
    assert_eq!(event_count(h.state()), before + 1);
    let p = h.state().problems.clone().unwrap();
    assert!(p.failed);
    assert!(p.text().contains("b.ron:"), "{}", p.text());
    assert!(p.text().contains("unknown actor"), "{}", p.text());
    h.get_by_label("Copy all");
}

#[test]
fn an_edit_on_disk_reloads_and_keeps_the_selection_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", BUNDLED_TEXT);
    let mut h = opened(&a);
    common::select(&mut h, CEASEFIRE);
    send(&mut h, Command::ToggleActor("arm-mod".into()));
    send(&mut h, Command::ToggleActor("aze-mod".into()));
    assert_eq!(h.state().selected_id().as_deref(), Some(CEASEFIRE));
    // A curator edits the title, and inserts an event before it, so its index changes.
    assert!(BUNDLED_TEXT.contains(CEASEFIRE_TITLE), "the title to edit");
    let edited = BUNDLED_TEXT.replace(CEASEFIRE_TITLE, "Ceasefire (edited title)").replace(
        "    events: [\n",
        "    events: [\n        (id: \"inserted\", title: \"Inserted\", when: (at: \"1990\", precision: Year), kind: Background, summary: \"Inserted first.\"),\n",
    );
    let changed_at = Instant::now();
    save_as_editor(&a, &edited);
    run_until(&mut h, "the edit is picked up", |app| {
        title_of(app, CEASEFIRE).as_deref() == Some("Ceasefire (edited title)")
    });
    let took = changed_at.elapsed();
    assert!(took < Duration::from_secs(3), "reload took {took:?}");
    let app = h.state();
    assert_eq!(
        app.selected_id().as_deref(),
        Some(CEASEFIRE),
        "selection kept by id"
    );
    assert!(app.settings.filter.actors.contains("arm-mod"));
    assert!(title_of(app, "inserted").is_some());
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        edited,
        "the app never writes to it"
    );
}

#[test]
fn a_broken_file_keeps_the_last_good_data_until_it_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", BUNDLED_TEXT);
    let mut h = opened(&a);
    let good = event_count(h.state());
    // Cut the file in half, as a crashed editor might.
    let broken = &BUNDLED_TEXT[..BUNDLED_TEXT.len() / 2];
    std::fs::write(&a, broken).unwrap();
    run_until(&mut h, "the broken file is reported", |app| {
        app.problems.is_some()
    });
    let app = h.state();
    assert_eq!(event_count(app), good, "the old data stays");
    let p = app.problems.as_ref().unwrap();
    assert!(p.heading.contains("a.ron"), "{}", p.heading);
    assert!(p.heading.contains("loaded before"), "{}", p.heading);
    // file:line:col
    let first = p.diagnostics[0].to_string();
    assert!(
        first.contains("a.ron:") && first.matches(':').count() >= 3,
        "{first}"
    );
    // Fixing the file clears the problems.
    std::fs::write(&a, BUNDLED_TEXT).unwrap();
    run_until(&mut h, "the fixed file loads", |app| {
        app.problems.is_none() && app.files.job().is_none()
    });
    assert_eq!(event_count(h.state()), good);
}

#[test]
fn the_session_is_remembered_and_a_vanished_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", BUNDLED_TEXT);
    let gone = dir.path().join("gone.ron");
    let mut h = opened(&a);
    common::select(&mut h, CEASEFIRE);
    send(&mut h, Command::SetContested(true));
    send(
        &mut h,
        Command::SetLaneMode(claimline::layout::lanes::LaneMode::Kind),
    );
    send(
        &mut h,
        Command::SetTheme(claimline::session::settings::ThemeKind::Dark),
    );
    let mut remembered = h.state().persisted();
    // Through eframe's storage format and back.
    let text = ron::to_string(&remembered).unwrap();
    let back: State = ron::from_str(&text).unwrap();
    assert_eq!(back, remembered);
    remembered.snapshot.sources.push(Source::File(gone.clone()));

    let mut h2 = harness(Start::default(), Some(remembered.clone()));
    run_until(&mut h2, "the remembered files load", loaded);
    let app = h2.state();
    assert_eq!(app.sources, [Source::File(a)]);
    assert_eq!(app.settings, remembered.settings);
    assert_eq!(app.selected_id().as_deref(), Some(CEASEFIRE));
    let p = app
        .problems
        .as_ref()
        .expect("the vanished file is reported");
    assert!(!p.failed);
    assert!(p.text().contains("gone.ron"), "{}", p.text());
}

#[test]
fn a_saved_view_opens_exactly_that_view() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.ron", BUNDLED_TEXT);
    let view_path = dir.path().join("v.view.ron");
    let mut h = opened(&a);
    send(&mut h, Command::ToggleDistrict("Syunik".into()));
    send(
        &mut h,
        Command::SetLaneMode(claimline::layout::lanes::LaneMode::District),
    );
    send(&mut h, Command::SetDistrictScheme(Some("de facto".into())));
    common::select(&mut h, CEASEFIRE);
    send(&mut h, Command::ZoomTo(1_662_900_000.0, 1_663_500_000.0));
    h.run();
    // Saving over the open dataset is refused: the app never writes to what it opened.
    send(&mut h, Command::File(FileCommand::SaveView(a.clone())));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), BUNDLED_TEXT);
    send(
        &mut h,
        Command::File(FileCommand::SaveView(view_path.clone())),
    );
    let saved = h.state().saved_view();
    let view = saved_view::read(&view_path).unwrap();
    assert_eq!(view, saved);

    let mut h2 = harness(
        Start {
            files: vec![],
            view: Some(view.clone()),
            cache: None,
        },
        None,
    );
    run_until(&mut h2, "the view's files load", loaded);
    h2.run();
    let app = h2.state();
    assert_eq!(app.sources, [Source::File(a.clone())]);
    assert_eq!(app.settings.filter, view.filter);
    assert_eq!(app.settings.lane_mode, view.lane_mode);
    assert_eq!(app.settings.district_scheme.as_deref(), Some("de facto"));
    assert_eq!(app.selected_id(), view.snapshot.selected);
    let (a0, b0) = view.snapshot.time_range.unwrap();
    let (a1, b1) = app.panels.timeline.visible().unwrap();
    assert!(
        (a0 - a1).abs() < 60.0 && (b0 - b1).abs() < 60.0,
        "{:?} vs {:?}",
        (a0, b0),
        (a1, b1)
    );
}

/// A temporary folder under the crate's `target/`, so that a path relative to the working
/// directory of the tests (the crate root) can name a file in it.
fn relative_tempdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("session-relative-")
        .tempdir_in("target")
        .unwrap();
    let rel = Path::new("target").join(dir.path().file_name().unwrap());
    (dir, rel)
}

#[test]
fn a_file_opened_by_a_relative_path_is_remembered_by_its_absolute_path() {
    let (dir, rel) = relative_tempdir();
    write(dir.path(), "data.ron", BUNDLED_TEXT);
    let typed = rel.join("data.ron");
    assert!(typed.is_relative());
    let absolute = std::path::absolute(&typed).unwrap();
    let h = opened(&typed);
    assert_eq!(h.state().sources, [Source::File(absolute.clone())]);
    let remembered = h.state().persisted();
    assert_eq!(
        remembered.snapshot.sources,
        [Source::File(absolute.clone())]
    );
    assert_eq!(remembered.recent, std::slice::from_ref(&absolute));
    // A saved view read through a relative path names its files absolutely too.
    let view = rel.join("v.view.ron");
    saved_view::write(&view, &h.state().saved_view()).unwrap();
    assert_eq!(
        saved_view::read(&view).unwrap().snapshot.sources,
        [Source::File(absolute)]
    );
}

#[test]
fn a_folder_deleted_and_made_again_is_watched_again() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("w");
    std::fs::create_dir(&sub).unwrap();
    let a = write(&sub, "data.ron", BUNDLED_TEXT);
    let mut h = opened(&a);
    std::fs::remove_dir_all(&sub).unwrap();
    run_until(&mut h, "the vanished file is reported", |app| {
        app.problems.is_some() && app.files.job().is_none()
    });
    std::fs::create_dir(&sub).unwrap();
    let changed = BUNDLED_TEXT.replace(CEASEFIRE_TITLE, "Ceasefire (after the folder came back)");
    let changed_at = Instant::now();
    std::fs::write(&a, &changed).unwrap();
    run_until(&mut h, "the file in the new folder is loaded", |app| {
        title_of(app, CEASEFIRE).as_deref() == Some("Ceasefire (after the folder came back)")
    });
    // Half a second to see the folder back, then a load (or two, if the folder was seen
    // before the file was written) on a test machine busy with the other tests.
    let took = changed_at.elapsed();
    assert!(took < Duration::from_secs(8), "reload took {took:?}");
    assert!(h.state().problems.is_none());
    // And the next save is seen as well.
    save_as_editor(&a, BUNDLED_TEXT);
    run_until(&mut h, "a later save is loaded", |app| {
        title_of(app, CEASEFIRE).as_deref() == Some(CEASEFIRE_TITLE)
    });
}

#[test]
fn while_a_load_waits_the_window_repaints_about_ten_times_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let file = claimline::cli::generate::generate(claimline::cli::generate::Spec {
        events: 20_000,
        seed: 7,
    });
    let big = write(
        dir.path(),
        "big.ron",
        &claimline::cli::generate::to_ron(&file).unwrap(),
    );
    let mut h = harness(
        Start {
            files: vec![big],
            view: None,
            cache: None,
        },
        None,
    );
    let mut delays = Vec::new();
    for frame in 0..60 {
        h.step();
        let Some(job) = h.state().files.job() else {
            break;
        };
        // Once the loader is done it wakes the window at once, as it should.
        if job.progress.stage() == claimline::session::loading::Stage::Done {
            break;
        }
        // The first frames settle the layout.
        if frame >= 3 {
            delays.push(h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        delays.len() >= 5,
        "the load ended before it could be watched ({} frames)",
        delays.len()
    );
    for d in &delays {
        assert!(
            *d >= Duration::from_millis(90),
            "a frame asked to be drawn again after {d:?}: {delays:?}"
        );
    }
}

#[test]
fn unreadable_saved_settings_are_reported_once_and_the_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("app.ron");
    // Random bytes, half a file, an empty file: eframe reads none of them and gives no entry.
    for (bytes, says) in [
        (&[0x9f, 0x00, 0xff, 0x13, 0x80][..], "not text"),
        (&b"{\n    \"app\": \"(settings: (theme: Dark"[..], "app.ron"),
        (&b""[..], "app.ron"),
    ] {
        std::fs::write(&state, bytes).unwrap();
        let why = claimline::session::state::read_remembered(None, Some(&state)).unwrap_err();
        assert_eq!(why.file, state.display().to_string());
        assert!(why.to_string().contains(says), "{why}");
    }
    // An entry that is no session's settings.
    let why = claimline::session::state::read_remembered(
        Some("(settings: (theme: Purple))"),
        Some(&state),
    )
    .unwrap_err();
    assert!(why.message.contains("Purple"), "{why}");

    // The window says so, and starts on the defaults.
    let mut h = harness(Start::default(), None);
    h.state_mut().settings_unreadable(why);
    run_until(&mut h, "the bundled dataset loads", loaded);
    h.get_by_label("Your saved settings could not be read; defaults are used");
    assert_eq!(h.state().settings, claimline::app::Settings::default());

    // Once the state is saved cleanly, the next run says nothing.
    let saved = ron::to_string(&h.state().persisted()).unwrap();
    assert_eq!(
        claimline::session::state::read_remembered(Some(&saved), Some(&state)).unwrap(),
        Some(h.state().persisted())
    );
    // A first run, with no file yet, says nothing either.
    let none = dir.path().join("none.ron");
    assert_eq!(
        claimline::session::state::read_remembered(None, Some(&none)).unwrap(),
        None
    );
}

#[test]
fn a_saved_views_side_filter_stays_on_its_party_when_the_party_order_changes() {
    use claimline::model::Side;
    use claimline::model::wording::side_label;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("quad.ron");
    let text = std::fs::read_to_string(common::fixture("four-parties.ron")).unwrap();
    std::fs::write(&data, &text).unwrap();
    let mut h = opened(&data);
    let hill = Side::party(2);
    let ds = &h.state().catalog.as_ref().unwrap().dataset;
    assert_eq!(side_label(ds, hill), "Hill side");
    send(&mut h, Command::ToggleSide(hill));
    let view_path = dir.path().join("hill.view.ron");
    send(
        &mut h,
        Command::File(FileCommand::SaveView(view_path.clone())),
    );
    // The file names the party by its id, as a reader of it would look for it.
    let written = std::fs::read_to_string(&view_path).unwrap();
    assert!(written.contains("\"hill\""), "{written}");
    assert!(!written.contains("Party("), "{written}");
    let view = saved_view::read(&view_path).unwrap();
    // The dataset is edited: its columns now put Dale and Hill first, so Hill is the second
    // party, no longer the third.
    let edited = text.replace(
        r#"columns: ["ost", "west", "hill", "dale"]"#,
        r#"columns: ["dale", "hill"]"#,
    );
    assert_ne!(edited, text);
    std::fs::write(&data, edited).unwrap();
    let mut h2 = harness(
        Start {
            files: vec![],
            view: Some(view),
            cache: None,
        },
        None,
    );
    run_until(&mut h2, "the view's files load", loaded);
    let app = h2.state();
    let ds = &app.catalog.as_ref().unwrap().dataset;
    let chosen: Vec<String> = (app.settings.filter.sides.iter())
        .map(|&s| side_label(ds, s))
        .collect();
    assert_eq!(chosen, ["Hill side"]);
}

#[test]
fn an_acled_export_opens_in_the_window_merges_and_reloads_when_edited() {
    let dir = tempfile::tempdir().unwrap();
    let standard = std::fs::read_to_string(common::fixture("acled/standard.csv")).unwrap();
    let csv = write(dir.path(), "export.csv", &standard);
    let mut h = opened(&csv);
    assert_eq!(event_count(h.state()), 6);
    assert!(title_of(h.state(), "acled-NRL1").is_some());
    // Beside the bundled dataset: both sets of events, one dataset.
    send(
        &mut h,
        Command::File(FileCommand::Load(vec![Source::Bundled], OpenMode::Add)),
    );
    run_until(&mut h, "both load", |app| {
        loaded(app) && event_count(app) > 6
    });
    let bundled = claimline::load::load_bundled()
        .dataset
        .unwrap()
        .events
        .len();
    assert_eq!(event_count(h.state()), bundled + 6);
    // A row added in a spreadsheet program shows on save.
    let added = standard.trim_end().to_owned()
        + "\nNRL7,2020-12-08,2020,1,Political violence,Battles,Armed clash,Military Forces of Northland (2003-),,1,,,,,,901,Middle Vale,Northland,Ashby Province,Ashby District,,Ashby,41.2500,44.5000,1,Harbour Post,National,\"Fire was exchanged near Ashby.\",0,,1607472000\n";
    std::fs::write(&csv, &added).unwrap();
    run_until(&mut h, "the new row shows", |app| {
        app.files.job().is_none() && title_of(app, "acled-NRL7").is_some()
    });
    // A broken row keeps what was shown, and names its row and column.
    std::fs::write(
        &csv,
        added.replace(
            "41.2500,44.5000,1,Harbour Post,National,\"Fire",
            "141.25,44.5000,1,Harbour Post,National,\"Fire",
        ),
    )
    .unwrap();
    run_until(&mut h, "the broken row is reported", |app| {
        app.problems.is_some()
    });
    let app = h.state();
    assert!(
        title_of(app, "acled-NRL7").is_some(),
        "the last good data stays"
    );
    let p = app.problems.as_ref().unwrap();
    let shown: Vec<String> = p.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|d| d
                .ends_with("export.csv:8:23: error: latitude 141.25 is not between -90 and 90")),
        "{shown:#?}"
    );
    // The app never wrote to the file it opened.
    assert!(std::fs::read_to_string(&csv).unwrap().contains("141.25"));
    // A party map written beside the export (the row fixed again) is read with it: the
    // window reloads, and Northland is a party.
    std::fs::write(&csv, &added).unwrap();
    run_until(&mut h, "the fixed row reloads", |app| {
        app.files.job().is_none() && app.problems.is_none()
    });
    h.run_steps(3);
    assert!(
        h.state()
            .catalog
            .as_ref()
            .unwrap()
            .dataset
            .parties
            .iter()
            .all(|p| p.name != "Northland")
    );
    let map = std::fs::read_to_string(common::fixture("acled/parties.ron")).unwrap();
    write(dir.path(), "export.parties.ron", &map);
    run_until(&mut h, "the party map is read", |app| {
        app.files.job().is_none()
            && app
                .catalog
                .as_ref()
                .is_some_and(|c| c.dataset.parties.iter().any(|p| p.name == "Northland"))
    });
}

#[test]
fn a_timelinejs_sheet_opens_in_the_window_with_its_group_map_and_reloads_when_edited() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = std::fs::read_to_string(common::fixture("timelinejs/standard.csv")).unwrap();
    let csv = write(dir.path(), "timeline.csv", &sheet);
    // The group map beside it, named after it, is read with it.
    let map = std::fs::read_to_string(common::fixture("timelinejs/groups.ron")).unwrap();
    write(dir.path(), "timeline.groups.ron", &map);
    let mut h = opened(&csv);
    let cat = h.state().catalog.as_ref().unwrap();
    // Five rows are events: the title and era rows are not.
    assert_eq!(cat.dataset.events.len(), 5);
    assert!(!cat.dataset.parties.is_empty(), "the group map's party");
    let edited = sheet.replace("Bridge at Ashby reopens", "Bridge at Ashby opens again");
    std::fs::write(&csv, edited).unwrap();
    run_until(&mut h, "the edited headline shows", |app| {
        app.files.job().is_none()
            && app.catalog.as_ref().is_some_and(|c| {
                c.dataset
                    .events
                    .iter()
                    .any(|e| &*e.title == "Bridge at Ashby opens again")
            })
    });
    // A bad cell keeps what was shown and names its row and column.
    std::fs::write(&csv, sheet.replace("2020,3,5,", "2020,13,5,")).unwrap();
    run_until(&mut h, "the bad month is reported", |app| {
        app.problems.is_some()
    });
    let shown: Vec<String> = (h.state().problems.as_ref().unwrap().diagnostics.iter())
        .map(ToString::to_string)
        .collect();
    assert!(
        shown.iter().any(|d| d.contains("timeline.csv:5:2: error:")),
        "{shown:#?}"
    );
    assert_eq!(event_count(h.state()), 5);
}

/// The claims-sheet template as a workbook, with `from` written `to` in every cell.
fn workbook_with(from: &str, to: &str) -> Vec<u8> {
    let template =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/templates/claims.xlsx");
    let bytes = std::fs::read(&template).unwrap();
    let imported = claimline::import::read_workbook("claims.xlsx", &bytes).unwrap();
    let mut file = imported.file;
    for e in &mut file.events {
        e.title = e.title.replace(from, to).into();
    }
    claimline::export::sheet::to_xlsx(&claimline::export::sheet::SheetData::of_file(&file)).unwrap()
}

#[test]
fn a_claims_sheet_opens_in_the_window_as_csv_and_as_a_workbook_and_reloads_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let csv_text = std::fs::read_to_string(root.join("data/templates/claims.csv")).unwrap();
    let csv = write(dir.path(), "claims.csv", &csv_text);
    let mut h = opened(&csv);
    assert!(title_of(h.state(), "ashby-night-fire").is_some());
    let events = event_count(h.state());
    // Saved from a spreadsheet program with a new title: the window shows it.
    std::fs::write(
        &csv,
        csv_text.replace("Talks in Brell", "Talks held in Brell"),
    )
    .unwrap();
    run_until(&mut h, "the new title shows", |app| {
        app.files.job().is_none()
            && title_of(app, "brell-talks").as_deref() == Some("Talks held in Brell")
    });

    // The same sheet as a workbook, beside the bundled dataset.
    let xlsx = dir.path().join("claims.xlsx");
    std::fs::write(&xlsx, workbook_with("Talks in Brell", "Talks in Brell")).unwrap();
    let mut h = harness(
        Start {
            files: vec![xlsx.clone()],
            view: None,
            cache: None,
        },
        None,
    );
    run_until(&mut h, "the workbook loads", loaded);
    assert_eq!(event_count(h.state()), events);
    send(
        &mut h,
        Command::File(FileCommand::Load(vec![Source::Bundled], OpenMode::Add)),
    );
    let bundled = claimline::load::load_bundled()
        .dataset
        .unwrap()
        .events
        .len();
    run_until(&mut h, "both load", |app| {
        loaded(app) && event_count(app) == bundled + events
    });
    std::fs::write(
        &xlsx,
        workbook_with("Talks in Brell", "Talks held in Brell"),
    )
    .unwrap();
    run_until(&mut h, "the workbook's new title shows", |app| {
        app.files.job().is_none()
            && title_of(app, "brell-talks").as_deref() == Some("Talks held in Brell")
    });
}

#[test]
fn the_filtered_data_saved_as_a_workbook_opens_again_as_those_events() {
    use claimline::command::{DataFormat, ExportCommand};
    use claimline::query::FilterState;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        Start {
            files: Vec::new(),
            view: None,
            cache: None,
        },
        None,
    );
    run_until(&mut h, "the bundled dataset loads", loaded);
    // Narrow to one day, so the sheet holds a subset, not the whole.
    let day = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
    send(
        &mut h,
        Command::SetFilter(FilterState {
            from: Some(day("2022-09-13T00:00:00+00:00")),
            to: Some(day("2022-09-13T23:59:59+00:00")),
            ..Default::default()
        }),
    );
    h.run_steps(2);
    let selected: Vec<String> = {
        let app = h.state();
        let ds = &app.catalog.as_ref().unwrap().dataset;
        (app.derived.query.events.iter())
            .map(|&e| ds.events[e].id.to_string())
            .collect()
    };
    assert!(selected.len() > 2 && selected.len() < event_count(h.state()));
    let xlsx = dir.path().join("subset.xlsx");
    send(
        &mut h,
        Command::Export(ExportCommand::Data(DataFormat::Xlsx, xlsx.clone())),
    );
    h.run_steps(2);
    let mut again = opened(&xlsx);
    run_until(&mut again, "the workbook loads", loaded);
    let app = again.state();
    let ds = &app.catalog.as_ref().unwrap().dataset;
    let mut read: Vec<String> = ds.events.iter().map(|e| e.id.to_string()).collect();
    let mut want = selected;
    read.sort();
    want.sort();
    assert_eq!(read, want);
}
