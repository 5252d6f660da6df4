//! The locator map, driven through AccessKit: clicking a district on the map narrows the
//! timeline and the event list to it, as the sidebar's district filter does.

mod common;

use egui_kittest::kittest::Queryable;

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
        assert!(cat.index.events[e].districts.contains(&syunik));
    }
    // The timeline's lanes and the list show only those events.
    let in_lanes: usize = app.derived.lanes.iter().flat_map(|l| &l.events).count();
    assert!(in_lanes >= shown);
    assert!(
        app.derived.lanes.iter().flat_map(|l| &l.events).all(|e| app
            .derived
            .query
            .events
            .contains(e))
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
