//! An imported ACLED export opened with a curated file: a place both define by one name within
//! a kilometre is one place (the curated file's, first in the canonical order), which `check`
//! reports; events of the two files on one day at one place are offered to each other as
//! possibly the same happening, and never merged. Every place, party and outlet is invented.

mod common;

use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;
use claimline::cli::check;
use claimline::load::LoadOutcome;
use claimline::query::Catalog;

/// A curated file: Ashby 0.4 km north of where the export puts it (line 12), a mill 0.6 km
/// north of it under a name of its own, and Corby, far from the export's Brell.
const CURATED: &str = r#"(
    format: 2,
    dataset: (title: "A curated record of the Vale", description: "D", curator: "Curator A", licence: "CC0 1.0"),
    parties: [(id: "north", name: "Northland"), (id: "south", name: "Southland")],
    actors: [
        (id: "north-mod", name: "N MoD", role: "ministry", party: "north", kind: Military),
        (id: "south-mod", name: "S MoD", role: "ministry", party: "south", kind: Military),
    ],
    places: [
        (id: "corby", name: "Corby", district: "Upper Vale", country: "Northland", lat: 41.3, lon: 44.9),
        (id: "ashby-mill", name: "Ashby Mill", district: "Upper Vale", country: "Northland", lat: 41.2554, lon: 44.5),
        (id: "ashby-village", name: "Ashby", district: "Upper Vale", country: "Northland", lat: 41.2536, lon: 44.5, note: "the village by the ford"),
    ],
    sources: [(id: "daily", outlet: "Daily Example", language: "en")],
    events: [
        (id: "c-ashby", title: "Fire at Ashby", when: (at: "2020-12-05", precision: Day), kind: Shelling, places: ["ashby-village"], summary: "S", claims: [
            (id: "c-ashby-1", actor: "north-mod", said: (at: "2020-12-05", precision: Day), kind: Accusation, text: "X", sources: [(source: "daily")]),
        ]),
        (id: "c-ashby-later", title: "Evening fire at Ashby", when: (at: "2020-12-05", precision: Day), kind: Shelling, places: ["ashby-village"], summary: "S", claims: [
            (id: "c-ashby-later-1", actor: "south-mod", said: (at: "2020-12-05", precision: Day), kind: Denial, text: "Y", sources: [(source: "daily")]),
        ]),
        (id: "c-mill", title: "Fire at the mill", when: (at: "2020-12-06", precision: Day), kind: Shelling, places: ["ashby-mill"], summary: "S", claims: [
            (id: "c-mill-1", actor: "south-mod", said: (at: "2020-12-06", precision: Day), kind: Accusation, text: "Z", sources: [(source: "daily")]),
        ]),
        (id: "c-corby", title: "Fire at Corby", when: (at: "2020-12-07", precision: Day), kind: Shelling, places: ["corby"], summary: "S", claims: [
            (id: "c-corby-1", actor: "north-mod", said: (at: "2020-12-07", precision: Day), kind: Accusation, text: "W", sources: [(source: "daily")]),
        ]),
    ],
)
"#;

/// `tests/fixtures/acled/ashby.csv` converted as `claimline import acled` does: Ashby on 5
/// and 6 December, Brell on 7 December.
fn imported() -> String {
    let path = common::fixture("acled/ashby.csv");
    let bytes = std::fs::read(path).unwrap();
    let imported = claimline::import::read_acled("ashby.csv", &bytes, None).unwrap();
    let diags = &imported.warnings;
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    claimline::export::data::to_ron_headed(&imported.file, "Imported from an ACLED export").unwrap()
}

fn load(curated: &str) -> LoadOutcome {
    common::load_named(&[("imported.ron", &imported()), ("curated.ron", curated)])
}

fn printed(out: &LoadOutcome) -> Vec<String> {
    out.diagnostics.iter().map(ToString::to_string).collect()
}

/// Curated Ashby moved north to `lat`.
fn curated_ashby_at(lat: &str) -> String {
    CURATED.replacen("lat: 41.2536", &format!("lat: {lat}"), 1)
}

#[test]
fn a_place_of_one_name_within_a_km_is_one_place_and_check_says_so() {
    let out = load(CURATED);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let ds = out.dataset.as_ref().unwrap();
    let ids: Vec<&str> = ds.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["corby", "ashby-mill", "ashby-village", "brell"]);
    // The curated definition stands, district and note.
    let ashby = &ds.places[2];
    assert_eq!(ashby.district.as_deref(), Some("Upper Vale"));
    assert_eq!(ashby.note.as_deref(), Some("the village by the ford"));
    let event = ds.events.iter().find(|e| &*e.id == "acled-ASH1").unwrap();
    assert_eq!(*event.places, ["ashby-village"]);
    let report = check::report(&out, 2, check::Detail::Everything);
    let taken: Vec<&str> = report
        .diagnostics
        .lines()
        .filter(|l| l.contains("taken as"))
        .collect();
    assert_eq!(
        taken,
        [
            "imported.ron:22:17: warning: imported.ron's place \"ashby\" is taken as \
             curated.ron's \"ashby-village\" (curated.ron:12:14): same name, 0.4 km apart; \
             the dataset keeps curated.ron's definition, whose district and administrations \
             stand (\"Upper Vale\", Northland there, \"Ashby Province\", Northland here)"
        ]
    );
    assert!(
        report.summary.starts_with("ok: 2 files, 7 events"),
        "{}",
        report.summary
    );
    assert!(report.summary.contains("4 places"), "{}", report.summary);
}

#[test]
fn an_other_name_is_a_name() {
    let curated = CURATED.replacen(
        r#"name: "Ashby", district"#,
        r#"name: "Ashby Ford", other_names: [(name: "ASHBY")], district"#,
        1,
    );
    let out = load(&curated);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let ds = out.dataset.as_ref().unwrap();
    assert_eq!(ds.places.len(), 4);
    assert!(printed(&out).iter().any(|l| l.contains("taken as")));
}

#[test]
fn places_one_and_a_half_km_apart_stay_two() {
    let out = load(&curated_ashby_at("41.2635"));
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let ds = out.dataset.as_ref().unwrap();
    assert_eq!(ds.places.len(), 5);
    assert!(!printed(&out).iter().any(|l| l.contains("taken as")));
    // Nor are their events offered to each other.
    let cat = Catalog::new(out.dataset.unwrap());
    let e = cat.index.event_index(&cat.dataset, "c-ashby").unwrap();
    assert_eq!(cat.index.possibly_same(e).count(), 0);
}

#[test]
fn one_id_defined_farther_apart_than_a_km_is_an_error_saying_so() {
    let curated = curated_ashby_at("41.2635").replacen("\"ashby-village\"", "\"ashby\"", 3);
    let out = load(&curated);
    assert!(out.dataset.is_none());
    let errors: Vec<String> = printed(&out)
        .into_iter()
        .filter(|l| l.contains("error"))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].ends_with("; not taken as one place: 1.5 km apart, more than 1 km"),
        "{errors:#?}"
    );
}

#[test]
fn one_id_defined_within_a_km_by_one_name_is_one_place() {
    let curated = CURATED.replacen("\"ashby-village\"", "\"ashby\"", 3);
    let out = load(&curated);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let ds = out.dataset.as_ref().unwrap();
    assert_eq!(ds.places.len(), 4);
    let ashby = ds.places.iter().find(|p| p.id == "ashby").unwrap();
    assert_eq!(ashby.note.as_deref(), Some("the village by the ford"));
    assert!(
        printed(&out)
            .iter()
            .any(|l| l
                .contains("imported.ron's place \"ashby\" is taken as curated.ron's \"ashby\"")),
        "{:#?}",
        printed(&out)
    );
}

/// The ids of the events offered as possibly the same happening as event `id`.
fn possibly_same(cat: &Catalog, id: &str) -> Vec<String> {
    let e = cat.index.event_index(&cat.dataset, id).unwrap();
    cat.index
        .possibly_same(e)
        .map(|o| cat.dataset.events[o].id.to_string())
        .collect()
}

#[test]
fn events_of_two_files_on_one_day_at_one_place_are_offered_to_each_other() {
    let cat = Catalog::new(load(CURATED).dataset.unwrap());
    // The same place after the merge, on the same day: both ways; never an event of its own
    // file.
    assert_eq!(possibly_same(&cat, "c-ashby"), ["acled-ASH1"]);
    assert_eq!(possibly_same(&cat, "c-ashby-later"), ["acled-ASH1"]);
    assert_eq!(
        possibly_same(&cat, "acled-ASH1"),
        ["c-ashby", "c-ashby-later"]
    );
    // Another place 0.6 km off, the same day.
    assert_eq!(possibly_same(&cat, "c-mill"), ["acled-ASH2"]);
    assert_eq!(possibly_same(&cat, "acled-ASH2"), ["c-mill"]);
    // The same day, far apart.
    assert_eq!(possibly_same(&cat, "c-corby"), Vec::<String>::new());
    assert_eq!(possibly_same(&cat, "acled-ASH3"), Vec::<String>::new());
    // Both files' events are all still there, apart.
    assert_eq!(cat.dataset.events.len(), 7);
}

#[test]
fn a_day_is_read_in_each_events_own_offset() {
    // At +05:00 the curated event's 5 December starts at 19:00 UTC on the 4th; the export's
    // 4 December (UTC) overlaps it in time but is another calendar day.
    let curated = CURATED.replacen(
        "licence: \"CC0 1.0\"",
        "licence: \"CC0 1.0\", utc_offset: \"+05:00\"",
        1,
    );
    let text = imported().replacen("at: \"2020-12-05\"", "at: \"2020-12-04\"", 1);
    let out = common::load_named(&[("imported.ron", &text), ("curated.ron", &curated)]);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let cat = Catalog::new(out.dataset.unwrap());
    assert_eq!(possibly_same(&cat, "c-ashby"), Vec::<String>::new());
    assert_eq!(possibly_same(&cat, "acled-ASH1"), Vec::<String>::new());
}

#[test]
fn the_panel_offers_the_other_event_and_its_link_selects_it() {
    let out = load(CURATED);
    assert_eq!(out.error_count(), 0);
    let mut h = common::builder(1600.0, 1000.0)
        .build_eframe(move |cc| ClaimlineApp::with_context(&cc.egui_ctx, out));
    h.run();
    common::select(&mut h, "c-ashby");
    let label = "Possibly the same happening: Armed clash in Ashby (imported.ron)";
    h.get_by_label(label).click();
    h.run();
    let app = h.state();
    let selected = app.selected.unwrap();
    assert_eq!(
        app.catalog.as_ref().unwrap().dataset.events[selected]
            .id
            .as_ref(),
        "acled-ASH1"
    );
    // And from there, back to both curated events.
    h.get_by_label("Possibly the same happening: Fire at Ashby (curated.ron)");
    h.get_by_label("Possibly the same happening: Evening fire at Ashby (curated.ron)");
}

#[test]
fn a_place_one_of_its_claims_names_counts_as_the_events_place_too() {
    // The curated event is at Corby, but its claim says the fire came from Brell: the
    // export's event at Brell that day is offered.
    let curated = CURATED.replacen(
        "text: \"W\", sources",
        "text: \"W\", places: [\"brell\"], sources",
        1,
    );
    let out = load(&curated);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let cat = Catalog::new(out.dataset.unwrap());
    assert_eq!(possibly_same(&cat, "c-corby"), ["acled-ASH3"]);
    assert_eq!(possibly_same(&cat, "acled-ASH3"), ["c-corby"]);
}
