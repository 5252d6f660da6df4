//! Joint statements (`actors`), claims about two events (`also_about`) and claims naming places
//! of their own (`places`), format 2: their checks with positions, the filters that count them,
//! the claim panels (what AccessKit reports, and where), and both exports. Invented fixture.

mod common;

use std::collections::BTreeSet;

use claimline::export::data::CSV_HEADER;
use claimline::import::load_paths;
use claimline::model::Side;
use claimline::query::{Catalog, FilterState, Query};
use common::load_named as load;
use egui_kittest::kittest::Queryable;

fn joint() -> Catalog {
    let out = load_paths(&[common::fixture("joint.ron")]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    Catalog::new(out.dataset.unwrap())
}

/// The ids of the events `filter` lets through.
fn passing(cat: &Catalog, filter: &FilterState) -> Vec<String> {
    Query::run(&cat.index, filter)
        .events
        .iter()
        .map(|&e| cat.dataset.events[e].id.to_string())
        .collect()
}

fn by_actor(id: &str) -> FilterState {
    FilterState {
        actors: BTreeSet::from([id.to_owned()]),
        ..FilterState::default()
    }
}

#[test]
fn a_joint_statement_is_found_under_each_of_its_actors_and_sides() {
    let cat = joint();
    // The talks' only party claim is the joint statement of both foreign offices.
    assert_eq!(
        passing(&cat, &by_actor("north-fm")),
        ["ridge-shelling", "ridge-talks"]
    );
    assert_eq!(passing(&cat, &by_actor("south-fm")), ["ridge-talks"]);
    for side in [Side::FIRST, Side::SECOND] {
        let filter = FilterState {
            sides: BTreeSet::from([side]),
            ..FilterState::default()
        };
        assert!(
            passing(&cat, &filter).contains(&"ridge-talks".to_owned()),
            "{side:?}"
        );
    }
    // Spoken together, not against each other: the talks are not contested; the shelling,
    // where each party gave its own account, is.
    let contested = FilterState {
        contested_only: true,
        ..FilterState::default()
    };
    assert_eq!(passing(&cat, &contested), ["ridge-shelling"]);
    // At the talks the joint statement counts once for each side; the Northern offices'
    // statement that is also about the talks counts for the Northern side again.
    let talks = cat.index.event_index(&cat.dataset, "ridge-talks").unwrap();
    let per_side = cat.index.claims_per_side(&cat.dataset, talks);
    assert_eq!(per_side[Side::FIRST.index()], 2);
    assert_eq!(per_side[Side::SECOND.index()], 1);
}

#[test]
fn a_claim_also_about_another_event_counts_there_too() {
    let cat = joint();
    // The Northern offices' statement is filed under the shelling and is also about the talks:
    // the defence office, who spoke only there, is found at the talks too.
    assert_eq!(
        passing(&cat, &by_actor("north-mod")),
        ["ridge-shelling", "ridge-talks"]
    );
    let talks = cat.index.event_index(&cat.dataset, "ridge-talks").unwrap();
    let shelling = cat
        .index
        .event_index(&cat.dataset, "ridge-shelling")
        .unwrap();
    assert_eq!(
        cat.index.also_about_of(talks).collect::<Vec<_>>(),
        [(shelling, 2)]
    );
    assert_eq!(cat.index.also_about_of(shelling).count(), 0);
}

#[test]
fn the_places_a_claim_names_count_for_the_district_filter_and_search() {
    let cat = joint();
    // Ashby, Brell and Corve are in Lower Marsh; the shelling's own place is in Upper Marsh,
    // and the talks' at Fenwick Quay. The claim naming them is about both events.
    let lower = FilterState {
        districts: BTreeSet::from(["Lower Marsh".to_owned()]),
        ..FilterState::default()
    };
    assert_eq!(passing(&cat, &lower), ["ridge-shelling", "ridge-talks"]);
    let search = FilterState {
        text: "corve".into(),
        ..FilterState::default()
    };
    assert_eq!(passing(&cat, &search), ["ridge-shelling", "ridge-talks"]);
    // Upper Marsh is the shelling's own district, and no claim about the talks names it.
    let upper = FilterState {
        districts: BTreeSet::from(["Upper Marsh".to_owned()]),
        ..FilterState::default()
    };
    assert_eq!(passing(&cat, &upper), ["ridge-shelling"]);
}

#[test]
fn a_joint_statement_across_parties_is_one_card_in_a_band_of_its_own() {
    let mut h = common::build_on(common::builder(1600.0, 1400.0), &["joint.ron"]);
    common::select(&mut h, "ridge-talks");
    let card = h.get_by_label_contains(
        "Claim by Northland Foreign Office and Southland Foreign Office (joint statement: \
         Northern side and Southern side), said 15 Sep 2022 16:00 UTC+04:00: The two offices \
         said they agreed to pull their guns back from the ridge.",
    );
    let card = card.rect();
    assert_eq!(
        h.query_all_by_label_contains("Claim by Northland Foreign Office and Southland")
            .count(),
        1,
        "one card for the joint statement"
    );
    // Neither party's column holds it: both headings count no claim, and the card sits
    // under its own heading, below them and as wide as a band's card.
    assert_eq!(
        h.query_all_by_label("Spoke in a joint statement only: see Joint statements below.")
            .count(),
        2
    );
    let band = h.get_by_label("Joint statements").rect();
    let north = h.get_by_label("Northern side").rect();
    assert!(
        band.min.y > north.max.y && card.min.y > band.max.y,
        "{band:?} {card:?}"
    );
    // The claim filed under the shelling that is also about the talks shows here whole,
    // under a heading of its own, with a link back to the event it is filed under.
    let also = h.get_by_label("Also about this event").rect();
    let nj = h
        .get_by_label_contains(
            "Claim by Northland Foreign Office and Northland Defence Office (joint statement: \
             Northern side), said 13 Sep 2022 18:00 UTC+04:00",
        )
        .rect();
    assert!(nj.min.y > also.max.y, "{also:?} {nj:?}");
    h.get_by_label("“Shelling on Tamber Ridge”").click();
    h.run();
    assert_eq!(
        h.state().selected,
        (h.state().catalog.as_ref())
            .and_then(|c| c.index.event_index(&c.dataset, "ridge-shelling"))
    );
}

#[test]
fn a_joint_statement_of_one_party_sits_in_its_column_naming_both_actors_and_its_places() {
    let mut h = common::build_on(common::builder(1600.0, 1400.0), &["joint.ron"]);
    common::select(&mut h, "ridge-shelling");
    let nj = h
        .get_by_label_contains(
            "Claim by Northland Foreign Office and Northland Defence Office (joint statement: \
             Northern side)",
        )
        .rect();
    let n1 = h
        .get_by_label_contains("Claim by Northland Defence Office (")
        .rect();
    let s1 = h
        .get_by_label_contains("Claim by Southland Defence Office (")
        .rect();
    // In the Northern column, under its first claim (which sits in a disputed row's frame, a
    // few points in); not in a band of its own.
    assert!(
        (nj.max.x - n1.max.x).abs() < 1.0 && (nj.min.x - n1.min.x).abs() < 8.0,
        "{nj:?} {n1:?}"
    );
    assert!(nj.min.y > n1.max.y);
    assert!(nj.max.x < s1.min.x);
    assert_eq!(h.query_all_by_label("Joint statements").count(), 0);
    h.get_by_label("Places it names: Ashby; Brell; Corve");
    h.get_by_label("“Talks at Fenwick Quay”");
}

#[test]
fn csv_names_every_actor_and_gives_the_new_fields_columns_of_their_own() {
    let cat = joint();
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let (header, rows) = common::csv_of(&cat, &all);
    assert_eq!(header, CSV_HEADER);
    assert_eq!(
        header[header.len() - 3..],
        ["joint_actors", "also_about", "claim_places"]
    );
    let cells = |claim: &str| -> Vec<String> {
        let row = rows.iter().find(|r| &r[6] == claim).unwrap();
        let named = [
            "actor_id",
            "actor",
            "side",
            "party",
            "joint_actors",
            "also_about",
            "claim_places",
        ];
        named
            .iter()
            .map(|n| row[header.iter().position(|h| h == n).unwrap()].to_owned())
            .collect()
    };
    assert_eq!(
        cells("joint"),
        [
            "north-fm; south-fm",
            "Northland Foreign Office; Southland Foreign Office",
            "Northern side; Southern side",
            "north; south",
            "north-fm; south-fm",
            "",
            "",
        ]
    );
    assert_eq!(
        cells("nj"),
        [
            "north-fm; north-mod",
            "Northland Foreign Office; Northland Defence Office",
            "Northern side",
            "north; north",
            "north-fm; north-mod",
            "ridge-talks",
            "Ashby; Brell; Corve",
        ]
    );
    assert_eq!(
        cells("n1"),
        [
            "north-mod",
            "Northland Defence Office",
            "Northern side",
            "north",
            "",
            "",
            ""
        ]
    );
}

#[test]
fn joint_actors_also_about_and_claim_places_survive_the_ron_export() {
    let cat = joint();
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    assert_eq!(
        common::ron_round_trip(&cat, &all).events,
        cat.dataset.events
    );
    // Exporting the shelling alone drops the reference to the talks, which the file lacks,
    // and keeps the places the claim names.
    let shelling = cat
        .index
        .event_index(&cat.dataset, "ridge-shelling")
        .unwrap();
    let ds = common::ron_round_trip(&cat, &[shelling]);
    let nj = ds.events[0].claims.iter().find(|c| &*c.id == "nj").unwrap();
    assert!(nj.more.also_about.is_empty());
    assert_eq!(*nj.more.places, ["ashby", "brell", "corve"]);
    assert_eq!(ds.places.len(), 4, "the ridge and the three villages");
}

/// A small valid format-2 file; CLAIM is replaced by one claim's fields after its id.
const VALID: &str = r#"(
    format: 2,
    dataset: (title: "T", description: "D", curator: "C", licence: "L", utc_offset: "+04:00"),
    parties: [(id: "north", name: "Northland"), (id: "south", name: "Southland")],
    actors: [(id: "north-fm", name: "N FO", role: "office", party: "north", kind: Government), (id: "south-fm", name: "S FO", role: "office", party: "south", kind: Government)],
    places: [(id: "ashby", name: "Ashby", district: "Lower Marsh", country: "Northland", lat: 40.0, lon: 45.0)],
    sources: [(id: "daily", outlet: "Daily", date: "2022-09-13", url: "https://example.org", language: "en")],
    events: [
        (id: "e1", title: "Talks", when: (at: "2022-09-13", precision: Day), kind: Diplomatic, places: ["ashby"], summary: "S", claims: [
            (id: "c1", CLAIM, said: (at: "2022-09-13", precision: Day), kind: Statement, text: "X", sources: [(source: "daily")]),
        ]),
        (id: "e2", title: "Shelling", when: (at: "2022-09-14", precision: Day), kind: Shelling, places: ["ashby"], summary: "S", claims: [
            (id: "c2", actor: "north-fm", said: (at: "2022-09-14", precision: Day), kind: Statement, text: "Y", sources: [(source: "daily")]),
        ]),
    ],
)
"#;

/// The diagnostics of `VALID` with `claim` for CLAIM (and `format`), as printed.
fn with_claim(format: u32, claim: &str) -> Vec<String> {
    let text = VALID
        .replacen("format: 2", &format!("format: {format}"), 1)
        .replacen("CLAIM", claim, 1);
    let out = load(&[("t.ron", &text)]);
    out.diagnostics.iter().map(ToString::to_string).collect()
}

/// Where `needle` starts on line 10 of `VALID` with `claim` for CLAIM: "t.ron:10:COL".
fn at(claim: &str, needle: &str) -> String {
    let line = VALID.lines().nth(9).unwrap().replacen("CLAIM", claim, 1);
    format!("t.ron:10:{}", line.find(needle).unwrap() + 1)
}

#[test]
fn joint_actors_also_about_and_claim_places_are_clean_in_format_2() {
    let claim = r#"actors: ["north-fm", "south-fm"], also_about: ["e2"], places: ["ashby"]"#;
    assert_eq!(with_claim(2, claim), Vec::<String>::new());
    // A one-actor claim as format 1 wrote it stays valid.
    assert_eq!(with_claim(2, r#"actor: "north-fm""#), Vec::<String>::new());
}

#[test]
fn each_misuse_is_reported_where_it_is_written() {
    let cases = [
        (
            r#"actor: "north-fm", actors: ["north-fm", "south-fm"]"#,
            r#""north-fm", actors"#,
            "error: give `actor` or `actors`, not both: a joint statement lists every actor in `actors`",
        ),
        (
            r#"actors: ["north-fm", "south-fn"]"#,
            r#""south-fn""#,
            r#"error: unknown actor "south-fn" (did you mean "south-fm"?)"#,
        ),
        (
            r#"actors: ["north-fm", "north-fm"]"#,
            r#""north-fm"]"#,
            r#"error: actor "north-fm" is named twice in this joint statement"#,
        ),
        (
            r#"actors: ["north-fm"]"#,
            r#"["north-fm"]"#,
            "warning: `actors` names one actor: a joint statement has two or more (for one, write `actor`)",
        ),
        (
            r#"actor: "north-fm", also_about: ["e3"]"#,
            r#""e3""#,
            r#"error: unknown event "e3" (did you mean "e1"?)"#,
        ),
        (
            r#"actor: "north-fm", also_about: ["e1"]"#,
            r#""e1""#,
            r#"error: claim "c1" is under event "e1" already: `also_about` names the other events it is about"#,
        ),
        (
            r#"actor: "north-fm", places: ["ashbey"]"#,
            r#""ashbey""#,
            r#"error: unknown place "ashbey" (did you mean "ashby"?)"#,
        ),
    ];
    for (claim, needle, message) in cases {
        let diags = with_claim(2, claim);
        let expected = format!("{}: {message}", at(claim, needle));
        assert!(
            diags.contains(&expected),
            "{claim}: expected {expected:?} among {diags:#?}"
        );
    }
    // No actor at all: said at the claim's id.
    let diags = with_claim(2, r#"note: "n""#);
    let expected = format!(
        "{}: error: claim \"c1\" names no actor: give `actor` (or, in format 2, `actors` for a joint statement)",
        at(r#"note: "n""#, r#""c1""#)
    );
    assert!(diags.contains(&expected), "{diags:#?}");
}

#[test]
fn a_format_1_file_using_the_new_claim_fields_is_told_to_say_format_2() {
    for (claim, field) in [
        (r#"actors: ["north-fm", "south-fm"]"#, "actors"),
        (r#"actor: "north-fm", also_about: ["e2"]"#, "also_about"),
        (r#"actor: "north-fm", places: ["ashby"]"#, "places"),
    ] {
        let diags = with_claim(1, claim);
        let expected = format!(
            "{}: error: `{field}` is new in format 2: write `format: 2` at the top of the file \
             (`claimline migrate` rewrites a format-1 file as format 2)",
            at(claim, claim.split(&format!("{field}: ")).nth(1).unwrap())
        );
        assert!(
            diags.contains(&expected),
            "{claim}: expected {expected:?} among {diags:#?}"
        );
    }
}
