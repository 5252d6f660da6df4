//! What the viewer tests share: the app on the bundled dataset, and a contested event; one
//! panel alone, without the app, is in [`panel`].
// Each test file uses part of this module.
#![allow(dead_code)]

pub mod panel;

/// A second file that refers to the bundled dataset's actors and sources: one event, one claim.
pub const SECOND_FILE: &str = include_str!("../fixtures/second-file.ron");

use egui_kittest::{Harness, HarnessBuilder};

use claimline::app::ClaimlineApp;
use claimline::load::load_bundled;
use claimline::model::Side;
use claimline::query::Catalog;

/// Loads texts as files of these names, as the app and `check` do.
pub fn load_named(texts: &[(&str, &str)]) -> claimline::load::LoadOutcome {
    let sources: Vec<claimline::load::SourceText> = texts
        .iter()
        .map(|(n, t)| claimline::load::SourceText {
            name: n.to_string(),
            text: t.to_string(),
        })
        .collect();
    claimline::load::load_texts(&sources)
}

/// A harness at `w`×`h` in the light theme (the app's default), before the first frame.
pub fn builder(w: f32, h: f32) -> HarnessBuilder<ClaimlineApp> {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_theme(egui::Theme::Light)
}

pub fn build(b: HarnessBuilder<ClaimlineApp>) -> Harness<'static, ClaimlineApp> {
    let mut h = b.build_eframe(|cc| ClaimlineApp::with_context(&cc.egui_ctx, load_bundled()));
    h.run();
    h
}

/// The first event both sides made claims about, with the text of each side's first claim
/// as the claim panel shows it.
pub fn contested(cat: &Catalog) -> (usize, String, String) {
    let e = (0..cat.dataset.events.len())
        // Not a background event: those lie decades before the first view's range.
        .find(|&e| {
            cat.index.events[e].voices.is_contested()
                && cat.dataset.events[e].kind != claimline::model::EventKind::Background
        })
        .expect("the bundled dataset has contested events");
    let event = &cat.dataset.events[e];
    let first = |side: Side| {
        event
            .claims
            .iter()
            .find(|c| cat.index.side_of_actor(&c.actor) == side)
            .expect("a claim from each side")
            .shown_text()
    };
    (e, first(Side::FIRST), first(Side::SECOND))
}

/// The timeline's lanes, top to bottom, by their labels.
pub fn lane_labels(h: &Harness<'_, ClaimlineApp>) -> Vec<String> {
    h.state()
        .derived
        .lanes
        .iter()
        .map(|l| l.label.clone())
        .collect()
}

/// A test fixture of invented parties and places, under `tests/fixtures/`.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The app on fixture files (merged in the order given), after its first frame.
pub fn build_on(b: HarnessBuilder<ClaimlineApp>, files: &[&str]) -> Harness<'static, ClaimlineApp> {
    let paths: Vec<_> = files.iter().map(|f| fixture(f)).collect();
    build_with(b, claimline::import::load_paths(&paths))
}

/// The app on a load's outcome (which must have no error), after its first frame.
pub fn build_with(
    b: HarnessBuilder<ClaimlineApp>,
    outcome: claimline::load::LoadOutcome,
) -> Harness<'static, ClaimlineApp> {
    assert_eq!(outcome.error_count(), 0, "{:#?}", outcome.diagnostics);
    let mut h = b.build_eframe(move |cc| ClaimlineApp::with_context(&cc.egui_ctx, outcome));
    h.run();
    h
}

/// Shows the timeline from `from` to `to` (dates as a dataset writes them).
pub fn zoom(h: &mut Harness<'_, ClaimlineApp>, from: &str, to: &str) {
    let offset = h.state().display_offset();
    let span = |s: &str| claimline::model::When::span_as_written(s, offset).unwrap();
    let (a, b) = (span(from).start as f64, span(to).end as f64);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::ZoomTo(a, b)]);
    h.run();
}

/// Steps frames until `done` holds, for up to ten seconds (loads and the watcher are threads).
pub fn run_until(
    h: &mut Harness<'_, ClaimlineApp>,
    what: &str,
    done: impl Fn(&ClaimlineApp) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !done(h.state()) {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for: {what}"
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.step();
}

/// Selects the event with id `id`, as a click on it would, and runs a frame.
pub fn select(h: &mut Harness<'_, ClaimlineApp>, id: &str) -> usize {
    let cat = h.state().catalog.as_ref().unwrap();
    let e = (cat.index.event_index(&cat.dataset, id)).unwrap_or_else(|| panic!("no event {id}"));
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::Select(Some(e))]);
    h.run();
    e
}

/// A headless export of fixture files, 12–16 September 2022 in view, captioned.
pub fn export_request(
    target: claimline::export::Target,
    size: (u32, u32),
    select: Option<&str>,
    files: &[&str],
) -> claimline::cli::export::Request {
    claimline::cli::export::Request {
        out: "unused.png".into(),
        format: None,
        target,
        size,
        theme: claimline::session::settings::ThemeKind::Light,
        scale: 1.0,
        caption: true,
        select: select.map(str::to_owned),
        actors: vec![],
        districts: vec![],
        range: Some(("2022-09-12".into(), "2022-09-16".into())),
        files: files.iter().map(|f| fixture(f)).collect(),
        tour: None,
        paper: claimline::session::settings::PaperSize::A4,
    }
}

/// The CSV export of `events`, read back: its header and its rows.
pub fn csv_of(cat: &Catalog, events: &[usize]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let csv = claimline::export::data::to_csv(&cat.dataset, &cat.index, events).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    (header, reader.records().map(Result::unwrap).collect())
}

/// The RON export of `events`, loaded back; it must load with no diagnostics at all.
pub fn ron_round_trip(cat: &Catalog, events: &[usize]) -> claimline::model::Dataset {
    use claimline::export::data::{subset, to_ron};
    let text = to_ron(&subset(&cat.dataset, events, "Filters: test")).unwrap();
    let again = claimline::load::load_texts(&[claimline::load::SourceText {
        name: "subset.ron".into(),
        text: text.clone(),
    }]);
    assert!(
        again.diagnostics.is_empty(),
        "{:#?}\n{text}",
        again.diagnostics
    );
    again.dataset.unwrap()
}

/// Opens the filter sidebar and puts the event list beside the claims, as a user can on a
/// narrow window: the claims panel at its narrowest.
pub fn filters_and_list_beside(h: &mut Harness<'_, ClaimlineApp>) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![
            claimline::command::Command::ShowFilters(true),
            claimline::command::Command::ToggleListBeside,
        ],
    );
    h.run();
}

/// Drags from `from` to `to` as a hand does: the pointer travels in four steps before it
/// lets go.
pub fn drag_in_steps(h: &mut Harness<'_, ClaimlineApp>, from: egui::Pos2, to: egui::Pos2) {
    h.drag_at(from);
    h.run();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// Three events of the story (not background), every `every`-th, each added to the tour being
/// built with Ctrl+T after it is selected; returns their ids in that order.
pub fn tour_of_three(h: &mut Harness<'_, ClaimlineApp>, every: usize) -> Vec<String> {
    let picked: Vec<usize> = {
        let ds = &h.state().catalog.as_ref().unwrap().dataset;
        (0..ds.events.len())
            .filter(|&e| ds.events[e].kind != claimline::model::EventKind::Background)
            .step_by(every)
            .take(3)
            .collect()
    };
    let mut ids = Vec::new();
    for e in picked {
        let ctx = h.ctx.clone();
        h.state_mut()
            .apply(&ctx, vec![claimline::command::Command::Select(Some(e))]);
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::T);
        h.run();
        ids.push(h.state().selected_id().expect("selected"));
    }
    ids
}

/// What the window manager sends when the user closes the window.
pub fn request_close(h: &mut Harness<'_, ClaimlineApp>) {
    let root = (h.input_mut().viewports)
        .get_mut(&egui::ViewportId::ROOT)
        .expect("the root viewport");
    root.events.push(egui::ViewportEvent::Close);
    h.run();
}

/// Claimline's own save dialog, once asked for: waits for it, types `path` into "Save as"
/// over what it proposes, and presses Enter.
pub fn save_as_in_dialog(h: &mut Harness<'_, ClaimlineApp>, path: &std::path::Path) {
    use egui_kittest::kittest::Queryable;
    run_until(h, "the save dialog opens", |app| {
        app.dialog.picker().is_some()
    });
    h.run();
    h.get_by_label("Save as").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Save as")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}
