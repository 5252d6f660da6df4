//! The locator map, driven through AccessKit: clicking a district on the map narrows the
//! timeline and the event list to it, as the sidebar's district filter does.

mod common;

use claimline::command::Command;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn clicking_a_district_on_the_map_filters_by_it() {
    let mut h = common::build(common::builder(1600.0, 1000.0));
    let all = h.state().derived.query.events.len();
    assert!(
        h.query_by_label_contains("Map: Syunik").is_some(),
        "Syunik is on the map"
    );
    h.get_by_label_contains("Map: Syunik").click();
    h.run();
    let app = h.state();
    assert!(app.settings.filter.districts.contains("Syunik"));
    let shown = app.derived.query.events.len();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    let cat = app.catalog.as_ref().unwrap();
    let syunik = cat.index.district_index("Syunik").unwrap();
    for &e in &app.derived.query.events {
        assert!(cat.index.events[e].districts().contains(&(syunik as u32)));
    }
    // The timeline's lanes and the list show only those events.
    let in_lanes: usize = app.derived.lanes.iter().flat_map(|l| l.events()).count();
    assert!(in_lanes >= shown);
    assert!(
        app.derived
            .lanes
            .iter()
            .flat_map(|l| l.events())
            .all(|e| app.derived.query.events.contains(&e))
    );
    assert!(
        h.query_by_label_contains(&format!("{shown} shown"))
            .is_some()
    );
    // A second click removes it again.
    h.get_by_label_contains("Map: Syunik").click();
    h.run();
    assert_eq!(h.state().derived.query.events.len(), all);
}

/// The selected event's places are always labelled on the map, whatever is around them. In
/// the bundled dataset Stepanakert / Khankendi (beside the Nagorno-Karabakh marker) was never
/// labelled, even when selected.
#[test]
fn the_selected_events_places_are_labelled() {
    let mut h = common::build(common::builder(1600.0, 1000.0));
    let cat = h.state().catalog.as_ref().unwrap();
    let e = cat
        .dataset
        .events
        .iter()
        .position(|e| e.places.iter().any(|p| p == "stepanakert-khankendi"))
        .expect("an event at Stepanakert");
    let names: Vec<String> = cat.dataset.events[e]
        .places
        .iter()
        .map(|id| {
            let p = cat.index.place_index(id).unwrap();
            cat.dataset.places[p].name.clone()
        })
        .collect();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, vec![Command::Select(Some(e))]);
    h.run();
    for name in &names {
        assert!(
            h.query_by_label(&format!("Map place: {name}")).is_some(),
            "no label for {name}"
        );
    }
}

/// Place names stay off the notes at the map's top edge: the count of places not on the map
/// (which covered "Tovuz" and "Chinarli" on the first window) and the Fit button. Checked
/// on a wide window and on a projector's.
#[test]
fn place_names_leave_the_map_notes_readable() {
    for (w, hgt) in [(1600.0, 1000.0), (1280.0, 720.0)] {
        let h = common::build(common::builder(w, hgt));
        let note = h.get_by_label_contains("Not on the map").rect();
        // The map's Fit, beside the note (the toolbar has one for the timeline too).
        let fit = (h.query_all_by_label("Fit").map(|n| n.rect()))
            .find(|r| (r.min.y - note.min.y).abs() < 8.0)
            .expect("the map's Fit button");
        let names: Vec<_> = h.query_all_by_label_contains("Map place: ").collect();
        assert!(
            names.len() >= 5,
            "{w}x{hgt}: only {} place names",
            names.len()
        );
        for name in names {
            let r = name.rect();
            let label = name.accesskit_node().value().unwrap_or_default();
            for (what, other) in [("the note", note), ("Fit", fit)] {
                assert!(
                    !r.intersects(other),
                    "{w}x{hgt}: {label} at {r:?} covers {what} at {other:?}"
                );
            }
        }
    }
}

/// A gazetteer opened alone has no events to draw: it opens, and its warning says why the
/// timeline and the map are empty.
#[test]
fn a_gazetteer_alone_opens_with_a_warning_that_says_why_nothing_is_drawn() {
    let h = common::build_on(common::builder(1280.0, 720.0), &["vale-gazetteer.ron"]);
    let app = h.state();
    let ds = &app.catalog.as_ref().expect("loaded").dataset;
    assert_eq!((ds.events.len(), ds.places.len()), (0, 3));
    assert_eq!(app.warnings.len(), 1, "{:#?}", app.warnings);
    assert!(
        app.warnings[0]
            .message
            .starts_with("no events in the files opened: "),
        "{:#?}",
        app.warnings
    );
    assert!(h.query_by_label_contains("1 warning").is_some());
}

/// The bundled data has nothing a curator should fix: the places its sources give no
/// coordinates for are notes, counted beside the map, and the status bar shows no warnings.
#[test]
fn the_bundled_data_opens_with_no_warnings_in_the_status_bar() {
    let h = common::build(common::builder(1600.0, 1000.0));
    let app = h.state();
    assert!(app.warnings.is_empty(), "{:#?}", app.warnings);
    assert!(h.query_by_label_contains("warning").is_none());
}
