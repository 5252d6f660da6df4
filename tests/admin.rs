//! Places under more than one administration (`admin`, format 2): their checks with positions,
//! the district filter read under a chosen scheme, the claims panel, and both exports.

mod common;

use claimline::command::Command;
use claimline::export::data::{CSV_HEADER, subset, to_csv, to_ron};
use claimline::query::{Catalog, FilterState, Query, QueryOptions};
use common::load_named as load;
use egui_kittest::kittest::Queryable;

/// A small valid format-2 file whose one place (line 6) can be given `admin` entries.
const VALID: &str = r#"(
    format: 2,
    dataset: (title: "T", description: "D", curator: "C", licence: "L", utc_offset: "+01:00"),
    parties: [(id: "hollin", name: "Hollin"), (id: "marrow", name: "Marrow")],
    actors: [(id: "hollin-mod", name: "H office", role: "office", party: "hollin", kind: Military), (id: "marrow-mod", name: "M office", role: "office", party: "marrow", kind: Military)],
    places: [(id: "quill", name: "Quill", district: "North Fen", country: "Hollin", ADMIN),],
    sources: [(id: "gazette", outlet: "Gazette", date: "2023-05-02", language: "en")],
    events: [
        (id: "e1", title: "Shelling", when: (at: "2023-05-01", precision: Day), kind: Shelling, places: ["quill"], summary: "S", claims: [
            (id: "c1", actor: "hollin-mod", said: (at: "2023-05-02", precision: Day), kind: Accusation, text: "X", sources: [(source: "gazette")]),
        ]),
    ],
)
"#;

/// `VALID` with `admin` set to `entries` (and the format to `format`); the diagnostics as
/// printed, leaving out the one for the place's missing coordinates.
fn with_admin(format: u32, entries: &str) -> Vec<String> {
    let text = VALID
        .replacen("format: 2", &format!("format: {format}"), 1)
        .replacen("ADMIN", &format!("admin: [{entries}]"), 1);
    let out = load(&[("t.ron", &text)]);
    out.diagnostics
        .iter()
        .map(ToString::to_string)
        .filter(|d| !d.contains("has no coordinates"))
        .collect()
}

/// The column on line 6 of `VALID` (with `admin: [entries]`) where `needle` starts, 1-based.
fn col(entries: &str, needle: &str, nth: usize) -> usize {
    let line = VALID
        .lines()
        .nth(5)
        .unwrap()
        .replacen("ADMIN", &format!("admin: [{entries}]"), 1);
    line.match_indices(needle).nth(nth).unwrap().0 + 1
}

const TWO: &str = r#"(scheme: "de jure", country: "Hollin", district: "North Fen"), (scheme: "de facto", country: "Marrow", district: "Marrow Reach")"#;

#[test]
fn two_schemes_are_clean_in_format_2() {
    assert_eq!(with_admin(2, TWO), Vec::<String>::new());
}

#[test]
fn a_format_1_file_using_admin_is_told_to_say_format_2() {
    let d = with_admin(1, TWO);
    assert_eq!(
        d,
        [format!(
            "t.ron:6:{}: error: `admin` is new in format 2: write `format: 2` at the top of the file (`claimline migrate` rewrites a format-1 file as format 2)",
            col(TWO, "[(scheme", 0)
        )]
    );
}

#[test]
fn the_same_scheme_twice_is_an_error_at_the_second() {
    let entries = r#"(scheme: "de facto", country: "Hollin", district: "North Fen"), (scheme: "de facto", country: "Marrow", district: "Marrow Reach")"#;
    assert_eq!(
        with_admin(2, entries),
        [format!(
            "t.ron:6:{}: error: place \"quill\" gives scheme \"de facto\" twice: give each scheme once",
            col(entries, "\"de facto\"", 1)
        )]
    );
}

#[test]
fn an_empty_scheme_is_an_error_at_it() {
    let entries = r#"(scheme: " ", country: "Marrow", district: "Marrow Reach")"#;
    let d = with_admin(2, entries);
    assert_eq!(d.len(), 1, "{d:#?}");
    let at = format!("t.ron:6:{}: error: ", col(entries, "\" \"", 0));
    assert!(d[0].starts_with(&at) && d[0].contains("scheme"), "{d:#?}");
}

#[test]
fn a_district_the_map_lacks_in_an_admin_entry_gets_the_maps_warning() {
    // Armenia is a country the bundled map divides; "Syunikk" is not one of its provinces.
    let entries = r#"(scheme: "de facto", country: "Armenia", district: "Syunikk")"#;
    let d = with_admin(2, entries);
    assert_eq!(
        d,
        [format!(
            "t.ron:6:{}: warning: district \"Syunikk\" is not a province of Armenia on the bundled map (did you mean \"Syunik\"?)",
            col(entries, "\"Syunikk\"", 0)
        )]
    );
    // Under a country the map does not cover, no check.
    let entries = r#"(scheme: "de facto", country: "Marrow", district: "Syunikk")"#;
    assert_eq!(with_admin(2, entries), Vec::<String>::new());
}

fn fixture() -> Catalog {
    let out = claimline::import::load_paths(&[common::fixture("admin.ron")]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    Catalog::new(out.dataset.unwrap())
}

fn ids(cat: &Catalog, events: &[usize]) -> Vec<String> {
    events
        .iter()
        .map(|&e| cat.dataset.events[e].id.to_string())
        .collect()
}

#[test]
fn the_district_filter_reads_places_under_the_chosen_scheme() {
    let cat = fixture();
    assert_eq!(cat.index.schemes, ["de jure", "de facto"]);
    let reach = FilterState {
        districts: ["Marrow Reach".to_owned()].into(),
        ..FilterState::default()
    };
    let run = |scheme: Option<&str>| {
        let q = Query::run_with(
            &cat.index,
            &reach,
            QueryOptions {
                district_scheme: scheme,
            },
        );
        ids(&cat, &q.events)
    };
    assert_eq!(run(None), ["tallow-shelling"]);
    assert_eq!(run(Some("de jure")), ["tallow-shelling"]);
    assert_eq!(run(Some("de facto")), ["quill-shelling", "tallow-shelling"]);
    // A scheme the data does not name reads the default.
    assert_eq!(run(Some("provisional")), ["tallow-shelling"]);
}

#[test]
fn the_csv_keeps_default_districts_and_adds_each_scheme_at_the_end() {
    let cat = fixture();
    // After the columns before it, before the claim fields that came with it in format 2.
    let scheme = CSV_HEADER
        .iter()
        .position(|h| *h == "districts_by_scheme")
        .unwrap();
    assert_eq!(CSV_HEADER[scheme - 1], "claims_time");
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let csv = to_csv(&cat.dataset, &cat.index, &all).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let q1 = rows.iter().find(|r| &r[at("claim_id")] == "q1").unwrap();
    assert_eq!(&q1[at("districts")], "North Fen");
    assert_eq!(
        &q1[at("districts_by_scheme")],
        "de jure: North Fen; de facto: Marrow Reach"
    );
    let s1 = rows.iter().find(|r| &r[at("claim_id")] == "s1").unwrap();
    assert_eq!(
        &s1[at("districts_by_scheme")],
        "de jure: South Fen; de facto: South Fen"
    );
}

#[test]
fn the_ron_export_keeps_admin() {
    let cat = fixture();
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let text = to_ron(&subset(&cat.dataset, &all, "all")).unwrap();
    let again = load(&[("again.ron", &text)]);
    assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
    let places = again.dataset.unwrap().places;
    let quill = places.iter().find(|p| p.id == "quill").unwrap();
    let before = cat.dataset.places.iter().find(|p| p.id == "quill").unwrap();
    assert_eq!(quill.admin.len(), 2);
    assert_eq!(quill, before);
}

#[test]
fn the_filters_panel_offers_the_schemes_and_filters_by_the_one_chosen() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["admin.ron"]);
    // Under the default reading Quill is in North Fen.
    h.get_by_label("North Fen (1)");
    h.get_by_label("Marrow Reach (1)");
    h.get_by_label("de facto").click_accesskit();
    h.run();
    assert_eq!(
        h.state().settings.district_scheme.as_deref(),
        Some("de facto")
    );
    // De facto, Quill counts in Marrow Reach, and North Fen has no event left.
    assert!(h.query_by_label("North Fen (1)").is_none());
    h.get_by_label("Marrow Reach (2)").click_accesskit();
    h.run();
    let cat = h.state().catalog.as_ref().unwrap();
    assert_eq!(
        ids(cat, &h.state().derived.query.events),
        ["quill-shelling", "tallow-shelling"]
    );
    // Back to the default reading: the same filter keeps Tallow only.
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![Command::SetDistrictScheme(None)]);
    h.run();
    let cat = h.state().catalog.as_ref().unwrap();
    assert_eq!(
        ids(cat, &h.state().derived.query.events),
        ["tallow-shelling"]
    );
}

#[test]
fn data_with_one_reading_shows_no_scheme_choice() {
    let h = common::build_on(common::builder(1600.0, 1000.0), &["figures-v2.ron"]);
    h.get_by_label("North Fen (1)");
    assert!(h.query_by_label("Districts by:").is_none());
}

#[test]
fn the_claims_panel_hover_names_each_administration() {
    let cat = fixture();
    let e = cat
        .index
        .event_index(&cat.dataset, "quill-shelling")
        .unwrap();
    let lines =
        claimline::model::wording::place_admins(&cat.dataset, &cat.index, &cat.dataset.events[e]);
    assert_eq!(
        lines,
        ["Quill: de jure North Fen, Hollin; de facto Marrow Reach, Marrow"]
    );
    let e = cat
        .index
        .event_index(&cat.dataset, "sedge-shelling")
        .unwrap();
    assert!(
        claimline::model::wording::place_admins(&cat.dataset, &cat.index, &cat.dataset.events[e])
            .is_empty()
    );
}

#[test]
fn the_chosen_scheme_is_remembered_with_the_settings() {
    let settings = claimline::app::Settings {
        district_scheme: Some("de facto".to_owned()),
        ..Default::default()
    };
    let text = ron::to_string(&settings).unwrap();
    let again: claimline::app::Settings = ron::from_str(&text).unwrap();
    assert_eq!(again.district_scheme.as_deref(), Some("de facto"));
    // Settings written before schemes read as the default.
    let plain = ron::to_string(&claimline::app::Settings::default()).unwrap();
    assert!(!plain.contains("district_scheme"), "{plain}");
}
