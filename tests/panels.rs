//! Each panel alone, on the bundled dataset, without the app: the timeline (with its chips
//! and casualty strip), the claims, the casualty strip, the map, the filters and presenter
//! mode. Every panel is shown on the week of the September 2022 fighting with the night it
//! began selected (an event both sides made claims about).
//!
//! One test per panel drives it through AccessKit and checks what it asks for (the commands
//! it returns); these need no GPU. One more test compares a picture of each panel, drawn by
//! wgpu, with the reviewed `tests/snapshots/panel-*.png`. That needs a Vulkan driver (Mesa's
//! llvmpipe), so it is ignored by `cargo test` and run by `.ci/run` under `xvfb-run`;
//! `UPDATE_SNAPSHOTS=1` writes new pictures, to be looked at before they are committed.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use claimline::command::{Command, PresentStep};
use claimline::ui::PresenterView;
use common::panel::{self, Panel, Scene, Shown};

/// The event selected in every scene: fighting breaks out, night of 12–13 September 2022.
const SELECTED: &str = "2022-09-13-fighting-begins";

/// The bundled dataset, the week of the fighting in view, its first night selected.
fn scene() -> Scene {
    let mut s = Scene::bundled();
    s.selected = Some(s.event(SELECTED));
    s.range = Some(s.dates("2022-09-11", "2022-09-17"));
    s
}

fn show(panel: Panel, (w, h): (f32, f32), scene: Scene) -> Harness<'static, Shown> {
    panel::show(panel::builder(w, h), panel, scene)
}

/// Runs the frames input waits for, and returns what the panel asked for in them.
fn asked(h: &mut Harness<'_, Shown>) -> Vec<Command> {
    h.run();
    h.state_mut().take_commands()
}

/// Clicks the node labelled `label` and returns what the panel asked for.
fn click(h: &mut Harness<'_, Shown>, label: &str) -> Vec<Command> {
    h.get_by_label(label).click();
    asked(h)
}

/// What the marker of event `e` on the timeline is called.
fn marker(s: &Scene, e: usize) -> String {
    let event = &s.cat.dataset.events[e];
    let when = s.cat.dataset.when_text(&event.when, event);
    format!("Event: {}, {when}", event.title)
}

const TIMELINE: (f32, f32) = (1000.0, 420.0);

#[test]
fn the_timeline_alone_names_its_markers_and_a_click_selects_the_one_clicked() {
    let mut h = show(Panel::Timeline, TIMELINE, scene());
    let e = h.state().scene.selected.unwrap();
    let marker = marker(&h.state().scene, e);
    // One marker in each lane the event is in: both sides' at least.
    let lanes = h.state().scene.derived.lanes.iter();
    let lanes = lanes.filter(|l| l.contains(e)).count();
    assert!(lanes >= 2);
    let selected = format!("{marker}, both sides made claims, selected");
    assert_eq!(h.query_all_by_label(&selected).count(), lanes, "{selected}");
    h.get_by_label("Lane: Armenian side");
    h.get_by_label("Lane: Azerbaijani side");
    // Another event's marker, found by its name: clicking it selects that event.
    let (other, _) = *h
        .state()
        .panels
        .timeline
        .markers()
        .iter()
        .find(|(k, _)| *k != e)
        .expect("other events in the week");
    let label = {
        let ds = &h.state().scene.cat.dataset;
        format!("Event: {}, ", ds.events[other].title)
    };
    h.get_all_by_label_contains(&label).next().unwrap().click();
    assert_eq!(asked(&mut h), [Command::Select(Some(other))]);
}

const CLAIMS: (f32, f32) = (1000.0, 600.0);

#[test]
fn the_claims_alone_put_each_side_in_its_column_and_ask_to_step() {
    let mut h = show(Panel::Claims, CLAIMS, scene());
    let (left, right) = {
        let cat = &h.state().scene.cat;
        let (e, left, right) = common::contested(cat);
        assert_eq!(cat.dataset.events[e].id.as_ref(), SELECTED);
        (left, right)
    };
    let (l, r) = (h.get_by_label(&left).rect(), h.get_by_label(&right).rect());
    assert!(
        l.max.x <= r.min.x,
        "the left side's claim is left of the right side's"
    );
    assert_eq!(click(&mut h, "Next →"), [Command::Step(1)]);
    assert_eq!(click(&mut h, "← Previous"), [Command::Step(-1)]);
    assert_eq!(click(&mut h, "Close"), [Command::Select(None)]);
}

#[test]
fn the_claims_keep_clear_of_the_scroll_bar() {
    // egui's scroll bar floats over the panel's right edge while the pointer is on it: nothing
    // the reader clicks or reads may sit under it.
    let h = show(Panel::Claims, CLAIMS, scene());
    let bar = h.ctx.global_style().spacing.scroll.bar_width;
    let close = h.get_by_label("Close").rect();
    let right = {
        let cat = &h.state().scene.cat;
        common::contested(cat).2
    };
    let card = h.get_by_label(&right).rect();
    for (what, edge) in [
        ("Close", close.max.x),
        ("the right column's card", card.max.x),
    ] {
        assert!(
            edge <= CLAIMS.0 - bar,
            "{what} ends at {edge}, under the {bar}-point scroll bar at the panel's edge ({})",
            CLAIMS.0
        );
    }
}

const STRIP: (f32, f32) = (1000.0, 150.0);

#[test]
fn the_casualty_strip_alone_selects_the_event_of_the_figure_clicked() {
    let mut h = show(Panel::Casualties, STRIP, scene());
    let strip = h
        .get_by_label_contains("Casualty strip: announced dead")
        .rect();
    let figure = h
        .query_all_by_label_contains("Announced dead: ")
        .next()
        .expect("figures announced that week");
    let label = figure.accesskit_node().label().unwrap_or_default();
    assert!(
        strip.contains(figure.rect().center()),
        "{label} drawn outside the strip"
    );
    figure.click();
    let cmds = asked(&mut h);
    let [Command::Select(Some(e))] = cmds[..] else {
        panic!("clicking {label} gave {cmds:?}");
    };
    // The event selected is one whose claims announced that figure.
    let figure = label["Announced dead: ".len()..].split(' ').next().unwrap();
    let tolls = &h.state().scene.derived.tolls;
    assert!(
        tolls
            .iter()
            .flat_map(|s| &s.points)
            .any(|p| p.claim.0 == e && p.label() == figure),
        "{label}: event {e} announced no such figure"
    );
}

const MAP: (f32, f32) = (600.0, 420.0);

#[test]
fn the_map_alone_labels_the_selected_events_places_and_filters_by_a_district_clicked() {
    let mut h = show(Panel::Map, MAP, scene());
    for name in ["Jermuk", "Sotk"] {
        h.get_by_label(&format!("Map place: {name}"));
    }
    assert_eq!(
        click(&mut h, "Map: Vayots Dzor, Armenia"),
        [Command::ToggleDistrict("Vayots Dzor".into())]
    );
}

const FILTERS: (f32, f32) = (300.0, 900.0);

#[test]
fn the_filters_alone_ask_for_what_is_ticked() {
    let mut h = show(Panel::Filters, FILTERS, scene());
    h.get_by_label_contains("Contested only (").click();
    assert_eq!(asked(&mut h), [Command::SetContested(true)]);
    // Below the fold of the sidebar's scrolling list, so through AccessKit.
    h.get_by_label_contains("Syunik (").click_accesskit();
    assert_eq!(asked(&mut h), [Command::ToggleDistrict("Syunik".into())]);
}

const PRESENTER: (f32, f32) = (1280.0, 720.0);

/// Presenting the bundled tour at its third step, the night the fighting began.
fn presenting() -> Scene {
    let mut s = scene();
    let tour = &s.cat.dataset.tours[0];
    let step = 2;
    assert_eq!(tour.steps[step].event, SELECTED);
    s.presenting = Some(PresenterView {
        tour: Some(0),
        step,
        step_count: tour.steps.len(),
        caption: tour.steps[step].caption.clone(),
        columns: tour.steps[step].columns.clone(),
        short: false,
    });
    s
}

#[test]
fn presenter_mode_alone_shows_the_steps_caption_and_asks_for_the_next() {
    let mut h = show(Panel::Presenter, PRESENTER, presenting());
    let caption = h.state().scene.presenting.clone().unwrap().caption.unwrap();
    h.get_by_label(&caption);
    h.get_by_label("Step 3 of 11");
    assert_eq!(
        click(&mut h, "Next ▶"),
        [Command::PresentStep(PresentStep::Next)]
    );
    assert_eq!(click(&mut h, "Exit (Escape)"), [Command::Present(false)]);
}

/// What each picture must name, so that a picture of the wrong thing fails for a reason that
/// can be read: the selected event's marker, its first claim, the strip, a place it names.
type Seen = fn(&Scene) -> String;

#[test]
#[ignore = "needs software Vulkan: run under xvfb-run with mesa-vulkan-drivers, see .ci/run"]
fn each_panel_alone_looks_as_reviewed() {
    let selected: Seen = |s| marker(s, s.selected.unwrap()) + ", both sides made claims, selected";
    let first_claim: Seen = |s| common::contested(&s.cat).1;
    let panels: [(Panel, (f32, f32), &str, Seen); 6] = [
        (Panel::Timeline, TIMELINE, "panel-timeline", selected),
        (Panel::Claims, CLAIMS, "panel-claims", first_claim),
        (Panel::Casualties, STRIP, "panel-casualties", |_| {
            "Casualty strip: announced dead".into()
        }),
        (Panel::Map, MAP, "panel-map", |_| "Map place: Jermuk".into()),
        (Panel::Filters, FILTERS, "panel-filters", |_| {
            "Contested only (".into()
        }),
        (Panel::Presenter, PRESENTER, "panel-presenter", |_| {
            "Step 3 of 11".into()
        }),
    ];
    // Every picture is compared (and, with UPDATE_SNAPSHOTS, written) before any failure.
    let mut results = egui_kittest::SnapshotResults::new();
    let mut unnamed = Vec::new();
    for (panel, (w, h), name, seen) in panels {
        let scene = if panel == Panel::Presenter {
            presenting()
        } else {
            scene()
        };
        let seen = seen(&scene);
        let mut h = panel::show(panel::vulkan(panel::builder(w, h)), panel, scene);
        if h.query_all_by_label_contains(&seen).next().is_none() {
            unnamed.push(format!("{name}: nothing named {seen:?}"));
        }
        results.add(h.try_snapshot(name));
    }
    assert!(unnamed.is_empty(), "{}\n{results}", unnamed.join("\n"));
    results.unwrap();
}
