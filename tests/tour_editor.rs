//! Building a tour in the window as a teacher would: three events added (the shortcut and the
//! panel's button), a step moved, a caption typed, the tour saved through the file dialog
//! into a `.tour.ron` file of its own, that file opened beside the dataset, and the tour
//! presented. No GPU or display (Claimline's own file dialog, forced).

mod common;

use std::sync::Once;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;
use claimline::app::dialogs::CHOOSER_VARIABLE;
use claimline::command::{Command, TourCommand};
use claimline::model::EventKind;
use claimline::session::Source;
use common::run_until;

fn harness() -> Harness<'static, ClaimlineApp> {
    static FORCED: Once = Once::new();
    // SAFETY: set once, before any test here starts a thread that reads the environment.
    FORCED.call_once(|| unsafe { std::env::set_var(CHOOSER_VARIABLE, "in-window") });
    common::build(common::builder(1600.0, 1000.0).with_max_steps(8))
}

fn select(h: &mut Harness<'_, ClaimlineApp>, e: usize) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Command::Select(Some(e))]);
    h.run();
}

fn steps(h: &Harness<'_, ClaimlineApp>) -> Vec<String> {
    let draft = h
        .state()
        .touring
        .draft
        .as_ref()
        .expect("a tour is being built");
    draft.tour.steps.iter().map(|s| s.event.clone()).collect()
}

#[test]
fn a_tour_built_in_the_window_is_saved_reopened_and_presented() {
    let mut h = harness();
    // Three events of the story (not background), in the dataset's order.
    let (ids, picked): (Vec<String>, Vec<usize>) = {
        let ds = &h.state().catalog.as_ref().unwrap().dataset;
        let picked: Vec<usize> = (0..ds.events.len())
            .filter(|&e| ds.events[e].kind != EventKind::Background)
            .step_by(5)
            .take(3)
            .collect();
        (
            picked
                .iter()
                .map(|&e| ds.events[e].id.to_string())
                .collect(),
            picked,
        )
    };

    // The shortcut adds the selected event and opens the panel, which names it.
    select(&mut h, picked[0]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert_eq!(steps(&h), [ids[0].clone()]);
    h.get_by_label("Caption of step 1:");
    // The panel's button adds the next two.
    for &e in &picked[1..] {
        select(&mut h, e);
        // The claims panel's button or the tour panel's: both add the selected event.
        h.get_all_by_label("Add to tour")
            .next()
            .expect("a button")
            .click();
        h.run();
    }
    assert_eq!(steps(&h), ids);

    // The first step moves down one place: B, A, C.
    h.get_all_by_label("↓")
        .next()
        .expect("a move-down button")
        .click();
    h.run();
    let moved = vec![ids[1].clone(), ids[0].clone(), ids[2].clone()];
    assert_eq!(steps(&h), moved);

    // A caption typed into step 2.
    h.get_by_label("Caption of step 2:").click();
    h.run();
    h.get_by_label("Caption of step 2:")
        .type_text("Both ministries speak of the night");
    h.run();
    let draft = h.state().touring.draft.clone().unwrap();
    assert_eq!(
        draft.tour.steps[1].caption.as_deref(),
        Some("Both ministries speak of the night")
    );

    // Saved through the dialog, under a name without the ending: it is added.
    let dir = tempfile::tempdir().unwrap();
    h.get_by_label("Save tour…").click();
    h.run();
    common::save_as_in_dialog(&mut h, &dir.path().join("lesson"));
    let saved = dir.path().join("lesson.tour.ron");
    // The saved file opens beside the dataset, its tour one of the dataset's.
    run_until(&mut h, "the tour file opens beside the dataset", |app| {
        app.sources.contains(&Source::File(saved.clone())) && app.files.job().is_none()
    });
    assert!(saved.is_file(), "saved as {}", saved.display());
    let title = draft.tour.title.clone();
    let tours = &h.state().catalog.as_ref().unwrap().dataset.tours;
    let tour = tours
        .iter()
        .find(|t| t.title == title)
        .expect("the saved tour");
    assert_eq!(tour.steps, draft.tour.steps, "the tour as it was built");

    // Changed and saved again: its own file, open beside the data, is written again and
    // read again (a dataset's file never is: `tour_draft::save_path`).
    let ctx = h.ctx.clone();
    let edits = vec![
        Command::Tour(TourCommand::SetCaption(0, "The first reports".to_owned())),
        Command::Tour(TourCommand::Save(saved.clone())),
    ];
    h.state_mut().apply(&ctx, edits);
    h.run();
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("The first reports"), "{text}");
    h.state_mut().apply(
        &ctx,
        vec![Command::Tour(TourCommand::SetCaption(0, String::new()))],
    );
    h.state_mut()
        .apply(&ctx, vec![Command::Tour(TourCommand::Save(saved.clone()))]);
    run_until(&mut h, "the tour file is read again", |app| {
        app.files.job().is_none()
            && (app.catalog.as_ref().unwrap().dataset.tours.iter())
                .any(|t| t.title == title && t.steps[0].caption.is_none())
    });
    let tours = &h.state().catalog.as_ref().unwrap().dataset.tours;

    // Presented: each step selects its event, the caption shows.
    let ctx = h.ctx.clone();
    let index = tours.iter().position(|t| t.title == title).unwrap();
    h.state_mut().apply(
        &ctx,
        vec![Command::Present(true), Command::ChooseTour(Some(index))],
    );
    h.run();
    assert_eq!(h.state().selected_id().as_deref(), Some(moved[0].as_str()));
    h.get_by_label("Step 1 of 3");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected_id().as_deref(), Some(moved[1].as_str()));
    h.get_by_label("Both ministries speak of the night");
    h.get_by_label("Step 2 of 3");
}

#[test]
fn the_tour_being_built_prints_its_handout_from_the_panel_and_the_export_menu() {
    let mut h = harness();
    let ids = common::tour_of_three(&mut h, 6);
    h.get_by_label("Caption of step 2:").click();
    h.run();
    h.get_by_label("Caption of step 2:")
        .type_text("What each ministry said of the night");
    h.run();
    // The Export menu offers the tour being edited, by its title.
    let title = h.state().touring.draft.as_ref().unwrap().tour.title.clone();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Tour handout (PDF)").click();
    h.run();
    h.get_by_label(&format!("{title} (being edited)…"));
    h.key_press(Key::Escape);
    h.run();

    // The panel's button asks where, and writes the PDF there.
    let dir = tempfile::tempdir().unwrap();
    h.get_by_label("Handout (PDF)…").click();
    h.run();
    let chosen = dir.path().join("lesson.pdf");
    common::save_as_in_dialog(&mut h, &chosen);
    run_until(&mut h, "the handout is written", |_| chosen.is_file());
    let doc = lopdf::Document::load_mem(&std::fs::read(&chosen).unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text: String = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect();
    let squeezed = |s: &str| s.split_whitespace().collect::<String>();
    assert!(text.contains(&squeezed("What each ministry said of the night")));
    // Each step's event, in the tour's order.
    let ds = &h.state().catalog.as_ref().unwrap().dataset;
    let at: Vec<usize> = (ids.iter())
        .map(|id| {
            let e = ds.events.iter().find(|e| *e.id == **id).unwrap();
            text.find(&squeezed(&e.title)).expect("the step's event")
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn the_tour_being_built_is_there_again_after_a_restart_still_unsaved() {
    let mut h = harness();
    let ids = common::tour_of_three(&mut h, 4);
    h.get_by_label("Caption of step 3:").click();
    h.run();
    h.get_by_label("Caption of step 3:")
        .type_text("Last, the handover");
    h.run();
    // What eframe writes on closing (and every half minute), read back as at the next start.
    let text = ron::to_string(&h.state().persisted()).unwrap();
    let remembered = claimline::session::state::read_remembered(Some(&text), None).unwrap();
    let mut again = common::builder(1600.0, 1000.0).build_eframe(move |cc| {
        ClaimlineApp::start(&cc.egui_ctx, claimline::app::Start::default(), remembered)
    });
    run_until(&mut again, "the files load", |app| {
        app.catalog.is_some() && app.files.job().is_none()
    });
    assert_eq!(steps(&again), ids);
    let draft = again.state().touring.draft.clone().unwrap();
    assert_eq!(
        draft.tour.steps[2].caption.as_deref(),
        Some("Last, the handover")
    );
    assert!(draft.unsaved, "still to be saved");
    let said = again
        .state()
        .toast
        .as_ref()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    assert!(said.contains("(3 steps), is as you left it"), "{said}");
    // Closing asks again: the steps are still not in a file.
    common::request_close(&mut again);
    again.get_by_label("Close without saving");
}

#[test]
fn the_tour_being_built_is_presented_from_the_step_chosen() {
    let mut h = harness();
    common::tour_of_three(&mut h, 7);
    let third = h.state().touring.draft.as_ref().unwrap().tour.steps[2]
        .event
        .clone();
    h.get_all_by_label("▶ Present from here")
        .nth(2)
        .expect("a button on step 3")
        .click();
    h.run();
    assert!(h.state().presenter.is_some(), "presenting");
    assert_eq!(h.state().selected_id(), Some(third));
    h.get_by_label("Step 3 of 3");
}

#[test]
fn a_tour_of_the_data_is_edited_and_saved_back_to_its_own_file_only() {
    use claimline::session::tour_draft::TourDraft;
    let dir = tempfile::tempdir().unwrap();
    let dataset = dir.path().join("borderland.ron");
    std::fs::copy(common::fixture("borderland.ron"), &dataset).unwrap();
    let mut draft = TourDraft::new("Night and tolls");
    draft.add("night-fire", None);
    let tour_file = dir.path().join("night.tour.ron");
    let offset = chrono::FixedOffset::east_opt(4 * 3600).unwrap();
    std::fs::write(&tour_file, draft.file_text(offset)).unwrap();
    let paths = [dataset.clone(), tour_file.clone()];
    let outcome = claimline::import::load_paths(&paths);
    let mut h = common::build_with(common::builder(1600.0, 1000.0), outcome);
    h.state_mut().sources = paths.iter().map(|p| Source::File(p.clone())).collect();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Command::Tour(TourCommand::Edit(0))]);
    h.run();
    let editing = h.state().touring.draft.clone().expect("editing");
    assert_eq!(editing.tour.title, "Night and tolls");
    assert_eq!(editing.file.as_deref(), Some(tour_file.as_path()));
    h.get_by_label("Caption of step 1:");
    // Changed and saved back: the tour file is written, the dataset file never.
    let before = std::fs::read(&dataset).unwrap();
    h.state_mut().apply(
        &ctx,
        vec![
            Command::Tour(TourCommand::SetCaption(0, "Both accounts".to_owned())),
            Command::Tour(TourCommand::Save(tour_file.clone())),
        ],
    );
    h.run();
    assert!(
        std::fs::read_to_string(&tour_file)
            .unwrap()
            .contains("Both accounts")
    );
    assert_eq!(std::fs::read(&dataset).unwrap(), before);
    // An unsaved change is never dropped for another tour.
    h.state_mut().apply(
        &ctx,
        vec![
            Command::Tour(TourCommand::SetCaption(0, "Changed again".to_owned())),
            Command::Tour(TourCommand::Edit(0)),
        ],
    );
    let kept = h.state().touring.draft.as_ref().unwrap();
    assert_eq!(kept.tour.steps[0].caption.as_deref(), Some("Changed again"));
}

#[test]
fn a_step_dragged_by_its_handle_onto_another_takes_its_place() {
    let mut h = harness();
    let before = common::tour_of_three(&mut h, 3);
    assert_eq!(steps(&h), before);
    let from = h.get_by_label("↕ 1").rect().center();
    let to = h.get_by_label("Caption of step 3:").rect().center();
    h.hover_at(from);
    h.run();
    common::drag_in_steps(&mut h, from, to);
    let after = vec![before[1].clone(), before[2].clone(), before[0].clone()];
    assert_eq!(steps(&h), after, "step 1 dropped on step 3");
}

#[test]
fn closing_the_window_with_an_unsaved_tour_asks_first() {
    let mut h = harness();
    select(&mut h, 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    common::request_close(&mut h);
    h.get_by_label("The tour has unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("The tour has unsaved changes").is_none());
    assert!(
        h.state().touring.draft.as_ref().unwrap().unsaved,
        "nothing lost"
    );
    // Asked again, the user may close without saving: then nothing asks.
    common::request_close(&mut h);
    h.get_by_label("Close without saving").click();
    h.run();
    common::request_close(&mut h);
    assert!(h.query_by_label("The tour has unsaved changes").is_none());
}

#[test]
fn use_view_gives_a_step_the_stretch_the_timeline_shows_and_the_panel_says_which() {
    let mut h = harness();
    common::tour_of_three(&mut h, 4);
    common::zoom(&mut h, "2022-09-13", "2022-09-14");
    let (a, b) = h.state().panels.timeline.visible().expect("a view");
    h.get_all_by_label("Use view")
        .next()
        .expect("step 1's")
        .click();
    h.run();
    let offset = h.state().display_offset();
    let zoom = h.state().touring.draft.as_ref().unwrap().tour.steps[0]
        .zoom
        .clone();
    let (from, to) = zoom.expect("a range").span(offset).expect("readable");
    // The step covers what the timeline showed, to the minute.
    assert!(
        from <= a as i64 && to >= b as i64 && a as i64 - from < 60 && to - b as i64 <= 60,
        "{from}..{to} for the view {a}..{b}"
    );
    // And the panel names that stretch's first day.
    let day = claimline::model::format_seconds(from, offset, false);
    let said = format!("Shows {day}");
    assert!(
        h.query_all_by_label_contains(&said).next().is_some(),
        "nothing in the panel says {said:?}"
    );
}
