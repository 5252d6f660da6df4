//! Presenter mode as a teacher drives it: F5 in, the keys a clicker sends to step through the
//! bundled tour, the caption of each step, larger type, Esc out.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;

fn harness() -> Harness<'static, ClaimlineApp> {
    common::build(common::builder(1280.0, 720.0))
}

fn tour_step(h: &Harness<'_, ClaimlineApp>, k: usize) -> (String, String) {
    let cat = h.state().catalog.as_ref().unwrap();
    let s = &cat.dataset.tours[0].steps[k];
    (s.event.clone(), s.caption.clone().unwrap_or_default())
}

fn selected_id(h: &Harness<'_, ClaimlineApp>) -> Option<String> {
    h.state().selected_id()
}

#[test]
fn f5_presents_the_tour_and_esc_leaves() {
    let mut h = harness();
    h.get_by_label("Lanes:");
    let zoom = h.ctx.zoom_factor();
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().presenter.is_some());
    assert!(h.query_by_label("Lanes:").is_none(), "chrome hidden");
    assert!(
        (h.ctx.zoom_factor() - zoom * 1.5).abs() < 1e-3,
        "type 1.5× larger"
    );
    let (event, caption) = tour_step(&h, 0);
    assert_eq!(selected_id(&h).as_deref(), Some(event.as_str()));
    h.get_by_label(&caption);
    h.get_by_label("Step 1 of 11");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().presenter.is_none());
    assert!((h.ctx.zoom_factor() - zoom).abs() < 1e-3);
    h.get_by_label("Lanes:");
}

#[test]
fn clicker_keys_step_forward_and_back_through_the_tour() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    for (key, k) in [
        (Key::PageDown, 1),
        (Key::Space, 2),
        (Key::ArrowRight, 3),
        (Key::PageUp, 2),
        (Key::ArrowLeft, 1),
    ] {
        h.key_press(key);
        h.run();
        let (event, caption) = tour_step(&h, k);
        assert_eq!(
            selected_id(&h).as_deref(),
            Some(event.as_str()),
            "after {key:?}"
        );
        h.get_by_label(&caption);
        h.get_by_label(&format!("Step {} of 11", k + 1));
    }
    h.key_press(Key::End);
    h.run();
    assert_eq!(selected_id(&h), Some(tour_step(&h, 10).0));
    // Past the end it stays on the last step.
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(selected_id(&h), Some(tour_step(&h, 10).0));
    h.key_press(Key::Home);
    h.run();
    assert_eq!(selected_id(&h), Some(tour_step(&h, 0).0));
}

#[test]
fn a_step_s_zoom_moves_the_timeline_there() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::PageDown);
    h.key_press(Key::PageDown);
    h.run();
    // Step 3 zooms to 12–15 September 2022 (local time, +04:00).
    let (a, b) = h.state().panels.timeline.visible().unwrap();
    assert!((a - 1_662_926_400.0).abs() < 3600.0, "{a}");
    assert!((b - 1_663_272_000.0).abs() < 3600.0, "{b}");
    // Both sides' columns are on screen.
    assert!(h.query_all_by_label_contains("Armenian side").count() >= 1);
    assert!(h.query_all_by_label_contains("Azerbaijani side").count() >= 1);
}

#[test]
fn presenting_shows_the_map_beside_the_claims_and_its_box_hides_it() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    assert!(
        h.query_by_label_contains("Map: Syunik").is_some(),
        "map shown"
    );
    h.get_by_label("Map").click();
    h.run();
    assert!(
        h.state().panels.map.hidden_in_presenter,
        "the box hides the map"
    );
    assert!(
        h.query_by_label_contains("Map: Syunik").is_none(),
        "map hidden"
    );
}

#[test]
fn exporting_the_hidden_map_says_so_instead_of_writing_a_picture() {
    use claimline::command::Command;
    use claimline::command::{Dest, ExportCommand};
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    h.get_by_label("Map").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![Command::Export(ExportCommand::Picture(
            claimline::export::Target::Map,
            Dest::File(out.clone()),
        ))],
    );
    h.run();
    assert!(!out.exists());
    let toast = h
        .state()
        .toast
        .as_ref()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    assert!(toast.contains("not on screen"), "{toast}");
}
