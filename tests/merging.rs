//! Files opened together that define the same party, actor, place or source: one item when
//! they define it alike, an error at both definitions when they do not, and a merged dataset
//! that does not depend on the order the files are opened in. Every place, party and outlet
//! here is invented.

use claimline::cli::check;
use claimline::layout::map_marks::map_marks;
mod common;

use claimline::load::LoadOutcome;
use claimline::model::Dataset;
use claimline::query::{Catalog, FilterState, Query};

/// A dataset file with an event at Brask, which it defines on line 10 (the id at column 14).
const ALPHA: &str = r#"(
    format: 2,
    dataset: (title: "Alpha", description: "D", curator: "Curator A", licence: "CC0 1.0", utc_offset: "+04:00"),
    parties: [(id: "north", name: "Northland"), (id: "east", name: "Eastland")],
    actors: [
        (id: "north-mod", name: "N MoD", role: "ministry", party: "north", kind: Military),
        (id: "east-mod", name: "E MoD", role: "ministry", party: "east", kind: Military),
    ],
    places: [
        (id: "brask", name: "Brask", district: "Upper Vale", country: "Northland", lat: 40.1, lon: 45.0),
    ],
    sources: [(id: "daily", outlet: "Daily Example", language: "en")],
    events: [
        (id: "a1", title: "Shelling", when: (at: "2022-09-13", precision: Day), kind: Shelling, places: ["brask"], summary: "S", claims: [
            (id: "a1-c1", actor: "north-mod", said: (at: "2022-09-13", precision: Day), kind: Accusation, text: "X", sources: [(source: "daily")]),
        ]),
    ],
)
"#;

/// Another dataset file (format 1) with Brask defined as ALPHA defines it, on line 5, and the
/// party "east" written first where ALPHA writes it second.
const BETA: &str = r#"(
    format: 1,
    dataset: (title: "Beta", description: "D", curator: "Curator B", licence: "CC BY 4.0", utc_offset: "+03:00"),
    places: [
        (id: "brask", name: "Brask", district: "Upper Vale", country: "Northland", lat: 40.1, lon: 45.0),
    ],
    parties: [(id: "east", name: "Eastland")],
    sources: [(id: "weekly", outlet: "Weekly Example", language: "en")],
    events: [
        (id: "b1", title: "Statement", when: (at: "2022-09-14", precision: Day), kind: Statement, places: ["brask"], summary: "S", claims: [
            (id: "b1-c1", actor: "east-mod", said: (at: "2022-09-14", precision: Day), kind: Denial, text: "Y", sources: [(source: "weekly")]),
        ]),
    ],
)
"#;

/// A gazetteer: shared definitions and no events. Its title sorts before the others'.
const GAZETTEER: &str = r#"(
    format: 2,
    dataset: (title: "A gazetteer of the Vale", description: "Places", curator: "Curator G", licence: "CC0 1.0"),
    places: [
        (id: "brask", name: "Brask", district: "Upper Vale", country: "Northland", lat: 40.1, lon: 45.0),
        (id: "tarn", name: "Tarn", country: "Northland", lat: 40.3, lon: 45.2),
    ],
    sources: [(id: "daily", outlet: "Daily Example", language: "en")],
)
"#;

use common::load_named as load;

fn printed(out: &LoadOutcome) -> Vec<String> {
    out.diagnostics.iter().map(ToString::to_string).collect()
}

fn clean(texts: &[(&str, &str)]) -> (Dataset, LoadOutcome) {
    let out = load(texts);
    assert!(out.diagnostics.is_empty(), "{:#?}", printed(&out));
    (out.dataset.clone().expect("a dataset"), out)
}

#[test]
fn a_place_defined_alike_in_two_files_is_one_place() {
    let (ds, out) = clean(&[("a.ron", ALPHA), ("b.ron", BETA)]);
    assert_eq!(ds.places.len(), 1, "{:?}", ds.places);
    assert_eq!(ds.parties.len(), 2, "{:?}", ds.parties);
    assert_eq!(ds.events.len(), 2);
    assert!(ds.events.iter().all(|e| *e.places == ["brask"]));
    // The filters count one district with both events, the map one mark with both.
    let cat = Catalog::new(ds);
    assert_eq!(cat.index.districts.len(), 1);
    let q = Query::run(&cat.index, &FilterState::default());
    assert_eq!(q.district_counts, [2]);
    let marks = map_marks(&cat.dataset, &cat.index, &q.events);
    assert_eq!(marks.places.len(), 1);
    assert_eq!(marks.places[0].events.len(), 2);
    // What check notes: the items the two files share, and that one is kept.
    assert_eq!(out.shared.len(), 1);
    assert_eq!(out.shared[0].files, ["a.ron", "b.ron"]);
    let report = check::report(&out, 2, check::Detail::Everything);
    assert_eq!(
        report.notes,
        "note: 1 party and 1 place are defined identically in a.ron and b.ron: \
         each is kept once\n"
    );
    assert!(report.summary.starts_with("ok: 2 files, 2 events"));
}

#[test]
fn a_place_defined_differently_is_an_error_at_both_definitions() {
    let beta = BETA.replacen("lat: 40.1", "lat: 40.2", 1);
    let out = load(&[("a.ron", ALPHA), ("b.ron", &beta)]);
    assert!(out.dataset.is_none());
    let message = "place \"brask\" is defined differently in a.ron:10:14 and b.ron:5:14: \
                   lat 40.1 vs 40.2; not taken as one place: 11.1 km apart, more than 1 km";
    assert_eq!(
        printed(&out),
        [
            format!("a.ron:10:14: error: {message}"),
            format!("b.ron:5:14: error: {message}"),
        ]
    );
}

#[test]
fn every_field_that_differs_is_named_with_both_values() {
    let beta = BETA
        .replacen(r#"district: "Upper Vale", "#, "", 1)
        .replacen(r#"name: "Brask""#, r#"name: "Brasque""#, 1);
    let out = load(&[("a.ron", ALPHA), ("b.ron", &beta)]);
    let d = printed(&out);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d[0].ends_with(
            r#": district "Upper Vale" vs none; name "Brask" vs "Brasque"; not taken as one place: the names differ"#
        ),
        "{d:#?}"
    );
}

#[test]
fn the_order_files_are_opened_in_changes_nothing() {
    let (ab, _) = clean(&[("a.ron", ALPHA), ("b.ron", BETA)]);
    let (ba, _) = clean(&[("b.ron", BETA), ("a.ron", ALPHA)]);
    assert_eq!(ab.info, ba.info);
    assert_eq!(ab.info.title, "Alpha");
    assert_eq!(ab.display_zone(), ba.display_zone());
    assert_eq!(ab.parties, ba.parties);
    let party_ids: Vec<&str> = ab.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        party_ids,
        ["north", "east"],
        "as Alpha, first by title, writes them"
    );
    assert_eq!((&ab.actors, &ab.places), (&ba.actors, &ba.places));
    assert_eq!((&ab.sources, &ab.tours), (&ba.sources, &ba.tours));
    // The events alike, each from the same file; `files` stays in the order opened, which
    // the status bar follows.
    let from = |ds: &Dataset| -> Vec<(String, String)> {
        let events = ds.events.iter();
        events
            .map(|e| (e.id.to_string(), ds.files[e.file as usize].name.clone()))
            .collect()
    };
    assert_eq!(from(&ab), from(&ba));
    let strip = |ds: &Dataset| -> Vec<claimline::model::Event> {
        let mut events = ds.events.clone();
        events.iter_mut().for_each(|e| e.file = 0);
        events
    };
    assert_eq!(strip(&ab), strip(&ba));
    assert_eq!(ba.files[0].name, "b.ron");
}

#[test]
fn a_gazetteer_never_names_the_dataset() {
    for files in [
        [("gaz.ron", GAZETTEER), ("a.ron", ALPHA)],
        [("a.ron", ALPHA), ("gaz.ron", GAZETTEER)],
    ] {
        let (ds, out) = clean(&files);
        assert_eq!(
            ds.info.title, "Alpha",
            "not the gazetteer's, which sorts first"
        );
        assert_eq!(ds.display_zone().to_string(), "+04:00");
        assert_eq!((ds.places.len(), ds.sources.len()), (2, 1));
        // The gazetteer is credited with the events that use its places.
        let credited: Vec<&str> = ds
            .contributing_files(&[0])
            .iter()
            .map(|f| f.info.curator.as_str())
            .collect();
        assert_eq!(credited.len(), 2, "{credited:?}");
        assert!(credited.contains(&"Curator G"), "{credited:?}");
        let notes = check::report(&out, 2, check::Detail::Everything).notes;
        assert_eq!(
            notes,
            "note: 1 place and 1 source are defined identically in gaz.ron and a.ron: \
             each is kept once\n"
        );
    }
}

#[test]
fn one_shared_item_is_named_in_its_note() {
    let gazetteer = GAZETTEER.replacen(
        r#"sources: [(id: "daily", outlet: "Daily Example", language: "en")],"#,
        "",
        1,
    );
    let (_, out) = clean(&[("a.ron", ALPHA), ("gaz.ron", &gazetteer)]);
    assert_eq!(
        check::report(&out, 2, check::Detail::Everything).notes,
        "note: place \"brask\" is defined identically in gaz.ron and a.ron: one place\n"
    );
}

#[test]
fn a_gazetteer_alone_loads_with_a_warning_that_it_has_no_events() {
    let out = load(&[("gaz.ron", GAZETTEER)]);
    let ds = out.dataset.as_ref().expect("it loads");
    assert_eq!((ds.events.len(), ds.places.len()), (0, 2));
    assert_eq!(ds.info.title, "A gazetteer of the Vale");
    assert_eq!(
        printed(&out),
        [
            "gaz.ron:1:1: warning: no events in the files opened: gaz.ron holds only parties, \
          actors, places and sources for the dataset files opened with it; open it with one \
          to see events on the timeline and the map",
            // Cited by the dataset files opened with it, but by none here.
            "gaz.ron:8:20: warning: source \"daily\" is not cited by any claim"
        ]
    );
    assert_eq!(
        check::report(&out, 1, check::Detail::Everything).exit_code,
        0
    );
}

#[test]
fn the_same_definition_twice_in_one_file_is_still_a_duplicate() {
    let twice = ALPHA.replacen(
        "    places: [\n",
        "    places: [\n        (id: \"brask\", name: \"Brask\", district: \"Upper Vale\", country: \"Northland\", lat: 40.1, lon: 45.0),\n",
        1,
    );
    let out = load(&[("a.ron", &twice)]);
    assert!(out.dataset.is_none());
    assert_eq!(
        printed(&out),
        [r#"a.ron:11:14: error: duplicate place id "brask" (first defined at a.ron:10:14)"#]
    );
    // Also when an earlier file defines it once too.
    let twice = BETA.replacen(
        "    places: [\n",
        "    places: [\n        (id: \"brask\", name: \"Brask\", district: \"Upper Vale\", country: \"Northland\", lat: 40.1, lon: 45.0),\n",
        1,
    );
    let out = load(&[("a.ron", ALPHA), ("b.ron", &twice)]);
    assert_eq!(
        printed(&out),
        [r#"b.ron:6:14: error: duplicate place id "brask" (first defined at b.ron:5:14)"#]
    );
}

#[test]
fn events_and_claims_are_still_told_once() {
    let beta = BETA.replacen(r#"(id: "b1""#, r#"(id: "a1""#, 1);
    let out = load(&[("a.ron", ALPHA), ("b.ron", &beta)]);
    assert_eq!(
        printed(&out),
        [r#"b.ron:10:14: error: duplicate event id "a1" (first defined at a.ron:14:14)"#]
    );
}

#[test]
fn many_shared_items_make_one_line_per_pair_of_files() {
    let paths = [
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/borderland.ron"),
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vale-gazetteer.ron"),
    ];
    let out = claimline::import::load_paths(&paths);
    assert!(out.diagnostics.is_empty(), "{:#?}", printed(&out));
    let ds = out.dataset.as_ref().unwrap();
    assert_eq!(ds.info.title, "Borderland fixture");
    assert_eq!(ds.places.len(), 3);
    let notes = check::report(&out, 2, check::Detail::Everything).notes;
    let (b, g) = (paths[0].display(), paths[1].display());
    assert_eq!(
        notes,
        format!(
            "note: 1 actor and 2 places are defined identically in {b} and {g}: each is kept once\n"
        )
    );
}

/// The gazetteer example of `data/SCHEMA.md`.
fn schema_gazetteer() -> &'static str {
    let schema = include_str!("../data/SCHEMA.md");
    let section = schema.find("## Sharing definitions").expect("the section");
    let start = section + schema[section..].find("```ron\n").expect("its example") + 7;
    let end = start + schema[start..].find("```").expect("end of block");
    &schema[start..end]
}

#[test]
fn the_schema_gazetteer_loads_alone_with_only_its_warning() {
    let out = load(&[("gazetteer.ron", schema_gazetteer())]);
    let ds = out.dataset.as_ref().expect("it loads");
    assert_eq!((ds.events.len(), ds.places.len()), (0, 2));
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", printed(&out));
    assert!(printed(&out)[0].contains("warning: no events in the files opened"));
}
