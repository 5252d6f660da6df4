//! Every kind of diagnostic the loader gives, with the line and column it points at.

use std::time::{Duration, Instant};

mod common;

use claimline::load::{LoadOutcome, SourceText, load_texts};

/// A small valid dataset, one item per line so that positions are easy to state.
const VALID: &str = r#"(
    format: 1,
    dataset: (title: "T", description: "D", curator: "C", licence: "L", utc_offset: "+04:00"),
    parties: [
        (id: "north", name: "Northland"),
        (id: "south", name: "Southland"),
    ],
    actors: [
        (id: "north-mod", name: "N MoD", role: "ministry", party: "north", kind: Military),
        (id: "south-mod", name: "S MoD", role: "ministry", party: "south", kind: Military),
    ],
    places: [
        (id: "hilltown", name: "Hilltown", district: "Upper", country: "Northland", lat: 40.0, lon: 45.0),
    ],
    sources: [
        (id: "daily", outlet: "Daily", date: "2022-09-13", url: "https://example.org", language: "en"),
    ],
    events: [
        (id: "e1", title: "Shelling", when: (at: "2022-09-13", precision: Day), kind: Shelling, places: ["hilltown"], summary: "S", claims: [
            (id: "c1", actor: "north-mod", said: (at: "2022-09-13T02:30", precision: Exact), kind: Accusation, text: "X", sources: [(source: "daily")]),
            (id: "c2", actor: "south-mod", said: (at: "2022-09-13", precision: Day), kind: Denial, text: "Y", sources: [(source: "daily")], disputes: ["c1"]),
        ]),
    ],
)
"#;

use common::load_named as load;

/// Loads `VALID` with one substitution and returns the diagnostics as printed.
fn diagnostics_with(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "fixture has no {from:?}");
    let text = VALID.replacen(from, to, 1);
    let out = load(&[("t.ron", &text)]);
    assert!(out.dataset.is_none() || out.error_count() == 0);
    out.diagnostics.iter().map(ToString::to_string).collect()
}

fn assert_one(diags: &[String], expected: &str) {
    assert!(
        diags.iter().any(|d| d == expected),
        "expected {expected:?} among {diags:#?}"
    );
    let errors = diags.iter().filter(|d| d.contains(": error: ")).count();
    assert_eq!(errors, 1, "expected exactly one error, got {diags:#?}");
}

#[test]
fn the_fixture_is_clean() {
    let out = load(&[("t.ron", VALID)]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = out.dataset.expect("dataset");
    assert_eq!((ds.events.len(), ds.claim_count()), (1, 2));
}

#[test]
fn syntax_error_has_rons_position() {
    let d = diagnostics_with(r#"(id: "daily", outlet"#, r#"(id: "daily" outlet"#);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("t.ron:16:22: error: "), "{d:#?}");
}

#[test]
fn unknown_field_is_a_typo() {
    let d = diagnostics_with("utc_offset:", "utc_ofset:");
    assert!(
        d[0].starts_with("t.ron:3:") && d[0].contains("utc_ofset"),
        "{d:#?}"
    );
}

#[test]
fn unknown_actor_with_suggestion() {
    let d = diagnostics_with(r#"actor: "north-mod""#, r#"actor: "nort-mod""#);
    assert_one(
        &d,
        r#"t.ron:20:31: error: unknown actor "nort-mod" (did you mean "north-mod"?)"#,
    );
}

#[test]
fn unknown_place_and_source_and_disputed_claim() {
    let d = diagnostics_with(r#"places: ["hilltown"]"#, r#"places: ["hiltown"]"#);
    assert_one(
        &d,
        r#"t.ron:19:106: error: unknown place "hiltown" (did you mean "hilltown"?)"#,
    );
    let d = diagnostics_with(r#"disputes: ["c1"]"#, r#"disputes: ["c9"]"#);
    assert_one(
        &d,
        r#"t.ron:21:152: error: unknown claim "c9" (did you mean "c1"?)"#,
    );
    let d = diagnostics_with(
        r#"sources: [(source: "daily")]),"#,
        r#"sources: [(source: "weekly")]),"#,
    );
    assert_one(&d, r#"t.ron:20:142: error: unknown source "weekly""#);
}

#[test]
fn unknown_id_far_from_any_known_gets_no_suggestion() {
    let d = diagnostics_with(r#"party: "south""#, r#"party: "zzzzzzzz""#);
    let unknown = d
        .iter()
        .find(|x| x.contains("unknown party"))
        .expect("unknown party");
    assert!(!unknown.contains("did you mean"), "{unknown}");
    assert!(unknown.starts_with("t.ron:10:"), "{unknown}");
}

#[test]
fn duplicate_ids_point_at_both_places() {
    let d = diagnostics_with(r#"(id: "c2""#, r#"(id: "c1""#);
    assert!(
        d.iter().any(|x| x
            == r#"t.ron:21:18: error: duplicate claim id "c1" (first defined at t.ron:20:18)"#),
        "{d:#?}"
    );
}

#[test]
fn invalid_dates_and_times() {
    let d = diagnostics_with(
        r#"(at: "2022-09-13", precision: Day), kind: Shelling"#,
        r#"(at: "2022-09-31", precision: Day), kind: Shelling"#,
    );
    assert_one(
        &d,
        r#"t.ron:19:50: error: invalid date "2022-09-31": that day does not exist"#,
    );
    let d = diagnostics_with(
        r#"(at: "2022-09-13T02:30", precision: Exact)"#,
        r#"(at: "2022-09-13T25:30", precision: Exact)"#,
    );
    assert_one(
        &d,
        r#"t.ron:20:55: error: invalid date "2022-09-13T25:30": that time of day does not exist"#,
    );
    let d = diagnostics_with(r#"date: "2022-09-13""#, r#"date: "13/09/2022""#);
    assert!(
        d.iter()
            .any(|x| x.starts_with("t.ron:16:46: error: invalid date \"13/09/2022\"")),
        "{d:#?}"
    );
    let d = diagnostics_with(r#"utc_offset: "+04:00""#, r#"utc_offset: "+4""#);
    assert_one(
        &d,
        r#"t.ron:3:85: error: invalid UTC offset "+4": write it as "+04:00", "-05:00" or "Z""#,
    );
}

#[test]
fn precision_finer_than_the_text() {
    let d = diagnostics_with(
        r#"(at: "2022-09-13", precision: Day), kind: Denial"#,
        r#"(at: "2022-09-13", precision: Hour), kind: Denial"#,
    );
    assert!(
        d.iter()
            .any(|x| x.starts_with("t.ron:21:55: error: precision Hour needs a time of day")),
        "{d:#?}"
    );
}

#[test]
fn end_before_start() {
    let d = diagnostics_with(
        r#"(at: "2022-09-13", precision: Day), kind: Shelling"#,
        r#"(at: "2022-09-13", precision: Day, end: "2022-09-12"), kind: Shelling"#,
    );
    assert_one(
        &d,
        r#"t.ron:19:85: error: end "2022-09-12" is before the start "2022-09-13""#,
    );
}

#[test]
fn empty_required_fields() {
    let d = diagnostics_with(r#"text: "X""#, r#"text: "  ""#);
    assert_one(&d, "t.ron:20:118: error: claim text is empty");
    let d = diagnostics_with(r#"title: "T""#, r#"title: """#);
    assert_one(&d, "t.ron:3:22: error: title is empty");
    let d = diagnostics_with(
        r#"(id: "hilltown", name: "Hilltown""#,
        r#"(id: "", name: "Hilltown""#,
    );
    assert!(
        d.iter()
            .any(|x| x.starts_with("t.ron:13:14: error: place id is empty")),
        "{d:#?}"
    );
}

#[test]
fn claim_without_a_source() {
    let d = diagnostics_with(
        r#"sources: [(source: "daily")], disputes"#,
        r#"sources: [], disputes"#,
    );
    assert!(
        d.iter().any(|x| x
            == r#"t.ron:21:120: error: claim "c2" has no source: every claim needs at least one"#),
        "{d:#?}"
    );
}

#[test]
fn missing_required_field_is_reported_by_ron() {
    let d = diagnostics_with(r#", sources: [(source: "daily")], disputes"#, ", disputes");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("t.ron:21:") && d[0].contains("sources"),
        "{d:#?}"
    );
}

#[test]
fn party_with_no_actor() {
    let d = diagnostics_with(r#"party: "south", kind: Military"#, "kind: Military");
    assert_one(
        &d,
        r#"t.ron:6:14: error: party "south" has no actor: add an actor with `party: "south"`"#,
    );
}

#[test]
fn bad_colour_and_half_coordinates() {
    let d = diagnostics_with(
        r#"(id: "north", name: "Northland")"#,
        r#"(id: "north", name: "Northland", colour: "blue")"#,
    );
    assert_one(
        &d,
        r##"t.ron:5:50: error: invalid colour "blue": write it as "#rrggbb""##,
    );
    let d = diagnostics_with(", lon: 45.0", "");
    assert_one(
        &d,
        "t.ron:13:90: error: latitude without longitude: give both or neither",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = VALID
        .replacen(r#"actor: "north-mod""#, r#"actor: "nobody""#, 1)
        .replacen(r#"places: ["hilltown"]"#, r#"places: ["nowhere"]"#, 1)
        .replacen(r#"text: "Y""#, r#"text: """#, 1)
        .replacen("2022-09-13T02:30", "2022-09-13T02:61", 1);
    let out = load(&[("t.ron", &text)]);
    assert!(out.dataset.is_none());
    assert_eq!(out.error_count(), 4, "{:#?}", out.diagnostics);
    // Sorted by position.
    let lines: Vec<usize> = out.diagnostics.iter().map(|d| d.at.unwrap().line).collect();
    assert!(lines.is_sorted(), "{lines:?}");
}

#[test]
fn unsupported_format_version() {
    let d = diagnostics_with("format: 1", "format: 3");
    assert_one(
        &d,
        "t.ron:2:13: error: unsupported format 3: this version of Claimline reads formats 1 to 2",
    );
}

#[test]
fn uncited_sources_and_claimless_events_are_warnings() {
    let text = VALID.replacen(
        "    ],\n    events",
        "        (id: \"unused\", outlet: \"O\", language: \"en\"),\n    ],\n    events",
        1,
    );
    let out = load(&[("t.ron", &text)]);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    assert!(out.dataset.is_some());
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(
        out.diagnostics[0].to_string(),
        r#"t.ron:17:14: warning: source "unused" is not cited by any claim"#
    );
}

/// A second file that refers to the first file's ids and adds its own.
const SECOND: &str = r#"(
    format: 1,
    dataset: (title: "More", description: "D", curator: "C", licence: "L"),
    actors: [(id: "un", name: "UN", role: "organisation", kind: InternationalOrganisation, affiliation: "UN")],
    events: [
        (id: "e2", title: "Appeal", when: (at: "2022-09-14T10:00", precision: Exact), kind: Diplomatic, summary: "S", claims: [
            (id: "c3", actor: "un", said: (at: "2022-09-14", precision: Day), kind: Appeal, text: "Z", sources: [(source: "daily")], disputes: ["c2"]),
        ]),
    ],
)
"#;

#[test]
fn merging_two_files_with_cross_references() {
    let out = load(&[("a.ron", VALID), ("b.ron", SECOND)]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = out.dataset.expect("merged");
    assert_eq!(ds.events.len(), 2);
    assert_eq!(ds.claim_count(), 3);
    // The first file with events by title names the whole, whichever was opened first.
    assert_eq!(ds.info.title, "More");
    let e2 = ds.events.iter().find(|e| &*e.id == "e2").unwrap();
    assert_eq!(e2.file, 1);
    // b.ron has no utc_offset: its 10:00 is UTC, a.ron's times are +04:00.
    assert_eq!(e2.when.span(ds.offset_of(e2)).unwrap().start, 1_663_149_600);
}

#[test]
fn ids_clashing_across_files_are_reported_in_the_second() {
    let second = SECOND.replacen(r#"(id: "e2""#, r#"(id: "e1""#, 1);
    let out = load(&[("a.ron", VALID), ("b.ron", &second)]);
    assert!(out.dataset.is_none());
    let d: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert_one(
        &d,
        r#"b.ron:6:14: error: duplicate event id "e1" (first defined at a.ron:19:14)"#,
    );
}

#[test]
fn a_broken_file_among_good_ones_fails_the_whole_load() {
    let out = load(&[("a.ron", VALID), ("b.ron", "(format: 1,")]);
    assert!(out.dataset.is_none());
    assert_eq!(out.diagnostics.len(), 1);
    assert!(
        out.diagnostics[0]
            .to_string()
            .starts_with("b.ron:1:11: error: unexpected end of file"),
        "{:?}",
        out.diagnostics
    );
}

/// The complete small example of `data/SCHEMA.md`.
fn schema_example() -> &'static str {
    let schema = include_str!("../data/SCHEMA.md");
    let start = schema.rfind("```ron\n#![enable").expect("example block") + "```ron\n".len();
    let end = start + schema[start..].find("```").expect("end of block");
    &schema[start..end]
}

#[test]
fn the_schema_example_is_valid() {
    let out = load(&[("SCHEMA.md example", schema_example())]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = out.dataset.unwrap();
    assert_eq!(
        (ds.events.len(), ds.claim_count(), ds.parties.len()),
        (1, 3, 2)
    );
}

/// `VALID` with its closing replaced by `tail` (which reopens the file after `events`).
fn with_tours(tail: &str) -> String {
    VALID
        .trim_end()
        .trim_end_matches(')')
        .trim_end()
        .trim_end_matches("],")
        .to_owned()
        + tail
}

#[test]
fn a_tour_step_naming_an_unknown_event_is_an_error_at_its_place() {
    let tour = "    ],\n    tours: [\n        (id: \"t\", title: \"Tour\", steps: [\n            (event: \"e1\", caption: \"First\"),\n            (event: \"e2\"),\n        ]),\n    ],\n)\n";
    let text = with_tours(tour);
    let out = load(&[("t.ron", &text)]);
    let diags: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    let line = text
        .lines()
        .position(|l| l.contains("(event: \"e2\")"))
        .unwrap()
        + 1;
    let col = text.lines().nth(line - 1).unwrap().find("\"e2\"").unwrap() + 1;
    assert_one(
        &diags,
        &format!("t.ron:{line}:{col}: error: unknown event \"e2\" (did you mean \"e1\"?)"),
    );
}

#[test]
fn a_tour_zoom_that_ends_before_it_starts_is_an_error() {
    let tour = "    ],\n    tours: [\n        (id: \"t\", title: \"Tour\", steps: [\n            (event: \"e1\", zoom: (from: \"2022-09-14\", to: \"2022-09-12\")),\n        ]),\n    ],\n)\n";
    let text = with_tours(tour);
    let out = load(&[("t.ron", &text)]);
    let diags: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        diags
            .iter()
            .any(|d| d.contains("zoom ends (\"2022-09-12\") before it starts")),
        "{diags:#?}"
    );
}

#[test]
fn a_tour_step_naming_an_unknown_party_as_a_column_is_a_warning_at_that_entry() {
    let tour = "    ],\n    tours: [\n        (id: \"t\", title: \"Tour\", steps: [\n            (event: \"e1\", columns: [\"north\", \"sout\"]),\n        ]),\n    ],\n)\n";
    let text = with_tours(tour);
    let out = load(&[("t.ron", &text)]);
    let diags: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    let line = text.lines().position(|l| l.contains("columns:")).unwrap() + 1;
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"sout\"")
        .unwrap()
        + 1;
    assert_eq!(
        diags,
        [format!(
            "t.ron:{line}:{col}: warning: columns name an unknown party \"sout\" (did you mean \"south\"?): that column is left out"
        )],
    );
}

/// Jermuk's GeoNames point (39.8414 N, 45.6719 E) as the fixture's place, named in one
/// district or another.
fn placed(district: &str, extra: &str) -> Vec<String> {
    diagnostics_with(
        r#"district: "Upper", country: "Northland", lat: 40.0, lon: 45.0),"#,
        &format!(
            r#"district: "{district}", country: "Armenia", lat: 39.8414, lon: 45.6719{extra}),"#
        ),
    )
}

#[test]
fn a_place_outside_the_district_it_names_is_a_warning_at_its_latitude() {
    // Jermuk lies in Vayots Dzor: named there, nothing to say.
    assert!(
        placed("Vayots Dzor", "").is_empty(),
        "{:#?}",
        placed("Vayots Dzor", "")
    );
    // Named in Syunik, it is outside: a warning (never an error) at `lat`, naming where it falls.
    let d = placed("Syunik", "");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("t.ron:13:")
            && d[0].contains(": warning: ")
            && d[0].contains("outside Syunik")
            && d[0].contains("falls in Vayots Dzor, Armenia"),
        "{}",
        d[0]
    );
    let col: usize = d[0].split(':').nth(2).unwrap().parse().unwrap();
    let line = VALID.lines().nth(12).unwrap();
    assert!(line.contains("Hilltown"));
    // The column points at the latitude of the edited line.
    let edited = line.replacen(
        r#"district: "Upper", country: "Northland", lat: 40.0"#,
        r#"district: "Syunik", country: "Armenia", lat: 39.8414"#,
        1,
    );
    assert_eq!(&edited[col - 1..col + 6], "39.8414");
    // A curator's note acknowledges it.
    assert!(placed("Syunik", r#", boundary_note: "checked""#).is_empty());
    // A district the map does not have is not checked for the point (it gets its own
    // warning, below).
    let d = placed("Upper", "");
    assert!(
        d.len() == 1 && d[0].contains("district \"Upper\" is not a province"),
        "{d:#?}"
    );
}

#[test]
fn a_place_without_coordinates_is_a_note_at_its_id() {
    let d = diagnostics_with(", lat: 40.0, lon: 45.0", "");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("t.ron:13:14: note: place \"hilltown\" has no coordinates"),
        "{}",
        d[0]
    );
}

/// Each edit of `VALID` on its own, and all of them together.
fn one_by_one_and_together(edits: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
    let mut alone = Vec::new();
    let mut text = VALID.to_owned();
    for (from, to) in edits {
        alone.extend(diagnostics_with(from, to));
        assert!(text.contains(from), "fixture has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    let out = load(&[("t.ron", &text)]);
    assert!(out.dataset.is_none());
    let together = out.diagnostics.iter().map(ToString::to_string).collect();
    (alone, together)
}

#[test]
fn every_type_error_in_a_file_is_reported_at_its_place() {
    // A misspelt header field, enum variants in two items of one list and one nested deep in
    // an event, a misspelt field in a source: each alone is the file's first error.
    let (alone, together) = one_by_one_and_together(&[
        ("utc_offset:", "utc_ofset:"),
        ("kind: Military", "kind: Militery"),
        (
            "role: \"ministry\", party: \"south\"",
            "role: 7, party: \"south\"",
        ),
        (r#"language: "en""#, r#"langauge: "en""#),
        ("kind: Denial", "kind: Denail"),
    ]);
    assert_eq!(alone.len(), 5, "{alone:#?}");
    // Together, every one is reported, where the whole-file parse puts it when it is first.
    assert_eq!(together, alone);
    let lines: Vec<&str> = together
        .iter()
        .map(|d| d.split(':').nth(1).unwrap())
        .collect();
    assert_eq!(lines, ["3", "9", "10", "16", "21"]);
    let col = VALID.lines().nth(20).unwrap().find("Denial").unwrap() + 1;
    assert!(
        together[4].starts_with(&format!("t.ron:21:{col}: error: "))
            && together[4].contains("Denail"),
        "{together:#?}"
    );
}

#[test]
fn a_syntax_error_stops_the_file_at_it() {
    // A type error, then a missing comma, then another type error: the first and the
    // syntax error are reported; past a syntax error nothing can be read reliably.
    let (alone, together) = one_by_one_and_together(&[
        ("kind: Military", "kind: Militery"),
        (r#"(id: "daily", outlet"#, r#"(id: "daily" outlet"#),
        ("kind: Denial", "kind: Denail"),
    ]);
    assert_eq!(together, alone[..2], "{together:#?}");
    assert!(
        together[1].starts_with("t.ron:16:22: error: "),
        "{together:#?}"
    );
}

/// The fixture's place moved into Sumqayit (a point inside it on the map), its `district`
/// written as given.
fn in_azerbaijan(district: &str) -> Vec<String> {
    diagnostics_with(
        r#"district: "Upper", country: "Northland", lat: 40.0, lon: 45.0"#,
        &format!(r#"district: "{district}", country: "Azerbaijan", lat: 40.59, lon: 49.63"#),
    )
}

#[test]
fn a_district_not_on_the_map_is_a_warning_with_a_suggestion() {
    assert!(
        in_azerbaijan("Sumqayit").is_empty(),
        "{:#?}",
        in_azerbaijan("Sumqayit")
    );
    let col = VALID.lines().nth(12).unwrap().find("\"Upper\"").unwrap() + 1;
    let warning = |name: &str, suggestion: &str| {
        format!(
            "t.ron:13:{col}: warning: district \"{name}\" is not a district of Azerbaijan on the bundled map{suggestion}"
        )
    };
    // A misspelling, the native spelling, another case: each has the map's name suggested.
    for name in ["Sumgayit", "Sumqayıt", "sumqayit"] {
        assert_eq!(
            in_azerbaijan(name),
            [warning(name, " (did you mean \"Sumqayit\"?)")]
        );
    }
    // Nothing close: a warning without a suggestion.
    assert_eq!(in_azerbaijan("Atlantis"), [warning("Atlantis", "")]);
    // A region made of several of the map's districts is named as it is.
    assert!(in_azerbaijan("Nakhchivan Autonomous Republic").is_empty());
    // Armenia's are provinces.
    let d = placed("Vayots Dzr", "");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains(": warning: district \"Vayots Dzr\" is not a province of Armenia on the bundled map (did you mean \"Vayots Dzor\"?)"),
        "{d:#?}"
    );
    // Countries the map has no districts of are not checked: the fixture's "Upper" in
    // Northland is clean (`the_fixture_is_clean`).
}

#[test]
fn a_byte_order_mark_does_not_move_positions() {
    let text = VALID.replacen(r#"actor: "north-mod""#, r#"actor: "nort-mod""#, 1);
    let with_bom = format!("\u{feff}{text}");
    let out = load(&[("t.ron", &with_bom)]);
    let d: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert_one(
        &d,
        r#"t.ron:20:31: error: unknown actor "nort-mod" (did you mean "north-mod"?)"#,
    );
}

/// Loads `text` on a thread of its own and fails once `limit` has passed, so that a check that
/// would take minutes fails at the limit instead of holding the test run. Returns the outcome
/// and how long the load took.
fn load_within(name: &str, text: String, limit: Duration) -> (LoadOutcome, Duration) {
    let (tx, rx) = std::sync::mpsc::channel();
    let name = name.to_owned();
    std::thread::spawn(move || {
        let t = Instant::now();
        let out = load_texts(&[SourceText { name, text }]);
        let _ = tx.send((out, t.elapsed()));
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("the check took longer than {limit:?}"))
}

#[test]
fn a_long_unknown_id_is_reported_at_once() {
    // The review's longref.ron: a 60,000-character actor id, and a reference to another of
    // that length. "Did you mean" once compared them character by character, 3.6 billion
    // pairs: half a minute for a 123 KB file.
    let n = 60_000;
    let text = schema_example()
        .replace(
            r#"(id: "north-mod", name"#,
            &format!(r#"(id: "{}", name"#, "a".repeat(n)),
        )
        .replace(
            r#"actor: "north-mod""#,
            &format!(r#"actor: "{}""#, "b".repeat(n)),
        );
    let (out, took) = load_within("longref.ron", text, Duration::from_secs(2));
    eprintln!("a 60,000-character unknown id checked in {took:?}");
    let d: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(out.error_count(), 1, "{d:#?}");
    assert!(
        d.iter().any(|x| x
            == "longref.ron:16:14: warning: actor id has 60,000 characters, more than 256: shorten it"),
        "{d:#?}"
    );
    assert!(
        d.contains(&format!(
            r#"longref.ron:46:28: error: unknown actor "{}""#,
            "b".repeat(n)
        )),
        "{d:#?}"
    );
}

#[test]
fn a_file_full_of_unknown_ids_is_checked_in_linear_time() {
    // The review's 10,000 generated events with every disputed claim's id broken: 3,331
    // unknown ids, each compared with 34,845 claim ids, took 24.5 s in a release build.
    let mut file = claimline::cli::generate::generate(claimline::cli::generate::Spec {
        events: 10_000,
        seed: 1,
    });
    let clean = claimline::cli::generate::to_ron(&file).unwrap();
    let mut broken = 0;
    for c in file.events.iter_mut().flat_map(|e| &mut e.claims) {
        for d in &mut c.disputes {
            d.insert(0, 'x');
            broken += 1;
        }
    }
    assert!(broken > 3000, "only {broken} disputes to break");
    let bad = claimline::cli::generate::to_ron(&file).unwrap();
    let (out, clean_took) = load_within("g.ron", clean, Duration::from_secs(120));
    assert_eq!(
        out.error_count(),
        0,
        "{:#?}",
        out.diagnostics.iter().take(5).collect::<Vec<_>>()
    );
    // Errors cost as much again as the clean check (their positions are found by walking the
    // text a second time), and the suggestions a bounded amount more.
    let limit = clean_took * 3 + Duration::from_secs(2);
    let (out, took) = load_within("gbad.ron", bad, limit);
    eprintln!("{broken} unknown ids checked in {took:?} (clean: {clean_took:?})");
    let unknown: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.message.starts_with("unknown claim \"x"))
        .collect();
    assert_eq!(
        unknown.len(),
        broken,
        "{:#?}",
        out.diagnostics.iter().take(5).collect::<Vec<_>>()
    );
    assert_eq!(out.error_count(), broken);
    assert!(unknown.iter().all(|d| d.at.is_some()));
}

#[test]
fn text_longer_than_the_window_shows_is_a_warning_at_its_place() {
    let d = diagnostics_with(
        r#"title: "Shelling""#,
        &format!(r#"title: "{}""#, "A".repeat(10_000_000)),
    );
    assert_eq!(
        d,
        [
            "t.ron:19:27: warning: event title has 10,000,000 characters, more than 10,000: the window shows only the first 10,000"
        ]
    );
    // Up to the limit, nothing is said.
    let d = diagnostics_with(
        r#"title: "Shelling""#,
        &format!(r#"title: "{}""#, "A".repeat(10_000)),
    );
    assert!(d.is_empty(), "{d:#?}");
}

// ---- The header's columns and what the parties must be together ----

/// `VALID` with `columns` written in its header.
fn with_columns(columns: &str) -> Vec<String> {
    diagnostics_with(
        r#"utc_offset: "+04:00")"#,
        &format!(r#"utc_offset: "+04:00", columns: [{columns}])"#),
    )
}

#[test]
fn columns_naming_known_parties_are_clean() {
    assert!(with_columns(r#""south", "north""#).is_empty());
}

#[test]
fn a_column_naming_an_unknown_party_is_a_warning_at_that_entry() {
    let d = with_columns(r#""north", "sout""#);
    assert_eq!(
        d,
        [
            r#"t.ron:3:114: warning: columns name an unknown party "sout" (did you mean "south"?): that column is left out"#
        ]
    );
}

#[test]
fn too_few_or_too_many_columns_are_a_warning_at_columns() {
    let d = with_columns(r#""north""#);
    assert_eq!(
        d,
        [
            "t.ron:3:104: warning: columns name 1 of the 2 to 4 parties shown side by side: the first two parties are shown instead"
        ]
    );
    // Five entries: two parties, and three more the check also names.
    let d = with_columns(r#""north", "south", "east", "west", "centre""#);
    assert!(
        d.contains(
            &"t.ron:3:104: warning: columns name 5 parties, more than the 4 shown side by side: only the first 4 are shown"
                .to_owned()
        ),
        "{d:#?}"
    );
    assert_eq!(d.len(), 4, "{d:#?}");
}

#[test]
fn a_party_named_twice_in_columns_is_a_warning_at_the_second() {
    let d = with_columns(r#""north", "south", "north""#);
    assert_eq!(
        d,
        [r#"t.ron:3:123: warning: party "north" is named twice in columns: name each party once"#]
    );
}

#[test]
fn two_parties_of_one_colour_are_a_warning_at_the_second() {
    let text = VALID
        .replacen(
            r#"(id: "north", name: "Northland")"#,
            r##"(id: "north", name: "Northland", colour: "#aa3377")"##,
            1,
        )
        .replacen(
            r#"(id: "south", name: "Southland")"#,
            r##"(id: "south", name: "Southland", colour: "#AA3377")"##,
            1,
        );
    let out = load(&[("t.ron", &text)]);
    let d: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        d,
        [
            r##"t.ron:6:50: warning: party "south" has the colour #AA3377 of party "north": give each party its own colour"##
        ]
    );
}

/// `VALID` with `extra` more parties (ids "x1", "x2", …), each with an actor, after its own.
fn with_extra_parties(extra: usize, columns: &str) -> String {
    let parties: String = (1..=extra)
        .map(|i| format!("        (id: \"x{i}\", name: \"Extraland {i}\"),\n"))
        .collect();
    let actors: String = (1..=extra)
        .map(|i| {
            format!(
                "        (id: \"x{i}-mod\", name: \"X{i} MoD\", role: \"ministry\", party: \"x{i}\", kind: Military),\n"
            )
        })
        .collect();
    VALID
        .replacen(
            "    ],\n    actors",
            &format!("{parties}    ],\n    actors"),
            1,
        )
        .replacen(
            "    ],\n    places",
            &format!("{actors}    ],\n    places"),
            1,
        )
        .replacen(
            r#"utc_offset: "+04:00")"#,
            &format!(r#"utc_offset: "+04:00"{columns})"#),
            1,
        )
}

#[test]
fn parties_past_the_eighth_are_a_warning_saying_they_are_shown_as_third_parties() {
    let load_one = |text: &str| -> Vec<String> {
        let out = load(&[("t.ron", text)]);
        assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
        out.diagnostics.iter().map(ToString::to_string).collect()
    };
    // Eight parties: nothing to say.
    assert!(load_one(&with_extra_parties(6, "")).is_empty());
    // Ten: the last two in the file's order ("x7" on line 13, "x8" on line 14).
    assert_eq!(
        load_one(&with_extra_parties(8, "")),
        [
            r#"t.ron:13:14: warning: party "x7" is the 9th of 10 parties, and Claimline shows at most 8: its actors' claims are shown as third parties"#,
            r#"t.ron:14:14: warning: party "x8" is the 10th of 10 parties, and Claimline shows at most 8: its actors' claims are shown as third parties"#,
        ]
    );
    // Columns come first in the party order: naming "x8" puts "x6" (line 12) past the eighth.
    let d = load_one(&with_extra_parties(
        8,
        r#", columns: ["x8", "north", "south"]"#,
    ));
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d[0].starts_with(r#"t.ron:12:14: warning: party "x6" is the 9th"#),
        "{d:#?}"
    );
    assert!(
        d[1].starts_with(r#"t.ron:13:14: warning: party "x7" is the 10th"#),
        "{d:#?}"
    );
}

/// `VALID` as format 2, its one source (line 16) given `extra` fields from column 104.
fn source_with(extra: &str) -> Vec<String> {
    let text = VALID.replacen("format: 1", "format: 2", 1).replacen(
        r#"language: "en"),"#,
        &format!(r#"language: "en", {extra}),"#),
        1,
    );
    let out = load(&[("t.ron", &text)]);
    out.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn a_format_1_source_using_a_format_2_field_is_an_error_at_it() {
    let d = diagnostics_with(
        r#"language: "en"),"#,
        r#"language: "en", via: ["Lantern Wire"]),"#,
    );
    assert_one(
        &d,
        "t.ron:16:109: error: `via` is new in format 2: write `format: 2` at the top of the file (`claimline migrate` rewrites a format-1 file as format 2)",
    );
    for (field, col) in [
        (r#"published: (at: "2022-09-13")"#, 115),
        (r#"note: "stored copy""#, 110),
    ] {
        let d = diagnostics_with(
            r#"language: "en"),"#,
            &format!(r#"language: "en", {field}),"#),
        );
        let name = field.split(':').next().unwrap();
        assert_one(
            &d,
            &format!(
                "t.ron:16:{col}: error: `{name}` is new in format 2: write `format: 2` at the top of the file (`claimline migrate` rewrites a format-1 file as format 2)"
            ),
        );
    }
}

#[test]
fn relays_publication_times_and_notes_are_clean_in_format_2() {
    let d = source_with(
        r#"via: ["Lantern Wire", "Vale Ministry channel"], published: (at: "2022-09-13T10:30+03:00"), note: "stored copy; the original page is gone""#,
    );
    assert!(d.is_empty(), "{d:#?}");
    for bounds in [
        r#"(after: "2022-09")"#,
        r#"(before: "2022-09-14")"#,
        r#"(after: "2022-09-13", before: "2022-09-13")"#,
    ] {
        let d = source_with(&format!("published: {bounds}"));
        assert!(d.is_empty(), "{bounds}: {d:#?}");
    }
}

#[test]
fn an_empty_relay_is_an_error_and_the_outlet_named_again_a_warning() {
    let d = source_with(r#"via: ["", "Daily"]"#);
    assert_one(&d, "t.ron:16:110: error: via entry is empty");
    assert!(
        d.iter().any(|x| x
            == r#"t.ron:16:114: warning: via names the outlet "Daily" again: list only the channels it relays"#),
        "{d:#?}"
    );
}

#[test]
fn a_bad_publication_time_is_an_error_at_its_place() {
    let d = source_with(r#"published: (at: "2022-09-31")"#);
    assert_one(
        &d,
        r#"t.ron:16:120: error: invalid date "2022-09-31": that day does not exist"#,
    );
    let d = source_with(r#"published: (after: "2022-10-02", before: "2022-10-01")"#);
    assert_one(
        &d,
        r#"t.ron:16:145: error: published before "2022-10-01" is not later than after "2022-10-02""#,
    );
    let d = source_with(r#"published: (at: "2022", after: "2021")"#);
    assert_one(
        &d,
        "t.ron:16:135: error: published gives `at` and a bound: write `at` when the date is known, `after`/`before` when it is not",
    );
    let d = source_with(r#"published: (bfore: "2022")"#);
    assert!(
        d.len() == 1 && d[0].starts_with("t.ron:16:") && d[0].contains("bfore"),
        "{d:#?}"
    );
}

#[test]
fn a_publication_time_that_disagrees_with_the_date_is_a_warning() {
    // The fixture's source is dated 2022-09-13.
    let d = source_with(r#"published: (at: "2022-09-14T10:00")"#);
    assert_eq!(
        d,
        [
            r#"t.ron:16:115: warning: published and date "2022-09-13" disagree (published reads "14 Sep 2022 10:00 UTC+04:00"): correct one, or leave out `date`"#
        ]
    );
    let d = source_with(r#"published: (after: "2022-10-01")"#);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].contains("undated (after 2022-10-01)"), "{d:#?}");
    // The same day, given to the minute, agrees.
    assert!(source_with(r#"published: (at: "2022-09-13T23:59")"#).is_empty());
}

#[test]
fn a_source_note_is_checked_like_a_claims_note() {
    let d = source_with(r#"note: " ""#);
    assert_one(&d, "t.ron:16:110: error: note is empty");
    let d = source_with(r#"note: "a report of aggression""#);
    assert_eq!(
        d,
        [
            r#"t.ron:16:110: warning: note uses "aggression" outside quotation marks: quote the actor who said it, or use neutral words"#
        ]
    );
}

#[test]
fn the_schema_sources_example_is_valid_in_format_2() {
    let schema = include_str!("../data/SCHEMA.md");
    let section = &schema[schema.find("### `sources`").expect("sources section")..];
    let start = section.find("```ron\n").expect("example block") + "```ron\n".len();
    let block = &section[start..start + section[start..].find("```").expect("end of block")];
    let text = VALID
        .replacen("format: 1", "format: 2", 1)
        .replacen("    sources: [\n", &format!("    sources: [\n{block}"), 1)
        .replacen(
            r#"sources: [(source: "daily")]"#,
            r#"sources: [(source: "daily"), (source: "harbour-2022-09-13"), (source: "courier-undated")]"#,
            1,
        );
    let out = load(&[("t.ron", &text)]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = out.dataset.unwrap();
    assert_eq!(ds.sources.len(), 3);
    assert_eq!(
        ds.sources[0].chain(),
        "Northland Ministry channel via Lantern Wire via Harbour Post"
    );
}

#[test]
fn loaded_words_in_a_quoted_claim_are_the_actors_own() {
    // Paraphrased by the curator: a warning at the claim's text.
    let d = diagnostics_with(r#"text: "X""#, r#"text: "an act of aggression""#);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains("warning: claim text uses \"aggression\""),
        "{d:#?}"
    );
    // The actor's own words, quoted whole: nothing to say.
    let d = diagnostics_with(
        r#"text: "X""#,
        r#"text: "an act of aggression", quote: true"#,
    );
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn a_focus_is_read_in_the_files_offset_and_checked_at_its_place() {
    let header = r#"utc_offset: "+04:00"),"#;
    let with = |focus: &str, format: &str| {
        VALID.replacen("format: 1", format, 1).replacen(
            header,
            &format!(r#"utc_offset: "+04:00", focus: {focus}),"#),
            1,
        )
    };
    // Two days at +04:00.
    let text = with(r#"(from: "2022-09-12", to: "2022-09-13")"#, "format: 2");
    let out = load(&[("f.ron", &text)]);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let start = chrono::DateTime::parse_from_rfc3339("2022-09-12T00:00:00+04:00")
        .unwrap()
        .timestamp();
    assert_eq!(
        out.dataset.unwrap().focus(),
        Some((start, start + 2 * 86_400))
    );
    // Backwards: an error at `to`.
    let text = with(r#"(from: "2022-09-14", to: "2022-09-12")"#, "format: 2");
    let diags: Vec<String> = (load(&[("f.ron", &text)]).diagnostics.iter())
        .map(ToString::to_string)
        .collect();
    // At the value of `to`.
    let col = text
        .lines()
        .nth(2)
        .unwrap()
        .find(r#"to: "2022-09-12""#)
        .unwrap()
        + 5;
    assert_one(
        &diags,
        &format!(
            "f.ron:3:{col}: error: focus ends (\"2022-09-12\") before it starts (\"2022-09-14\")"
        ),
    );
    // New in format 2.
    let text = with(r#"(from: "2022-09-12", to: "2022-09-13")"#, "format: 1");
    let diags: Vec<String> = (load(&[("f.ron", &text)]).diagnostics.iter())
        .map(ToString::to_string)
        .collect();
    assert!(
        diags
            .iter()
            .any(|d| d.contains("error: `focus` is new in format 2")),
        "{diags:#?}"
    );
}
