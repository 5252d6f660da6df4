//! Format 2's figures and times. Figures: ranges, kinds, several parties' or none's people, a
//! date of their own, and losses with no number; times: when a claim says its event happened,
//! and times known only by a bound. Each is checked with its position, read the same way in
//! the window, and kept by the CSV and RON exports. The fixtures are invented.

mod common;

use egui_kittest::kittest::Queryable;

use claimline::export::data::{CSV_HEADER, subset, to_csv, to_ron};
use claimline::load::{LoadOutcome, SourceText, load_texts};
use claimline::query::Catalog;

const FIXTURE: &str = include_str!("fixtures/figures-v2.ron");
const TIMES: &str = include_str!("fixtures/claimed-times.ron");

fn load(text: &str) -> LoadOutcome {
    load_texts(&[SourceText {
        name: "f.ron".to_owned(),
        text: text.to_owned(),
    }])
}

/// The fixture with `from` replaced by `to`, and its diagnostics.
fn diagnostics_with(from: &str, to: &str) -> Vec<String> {
    assert!(FIXTURE.contains(from), "the fixture has no {from:?}");
    diagnostics_of(&FIXTURE.replacen(from, to, 1))
}

/// What loading `text` says, one line a problem.
fn diagnostics_of(text: &str) -> Vec<String> {
    load(text)
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Line and column of the first `needle` in the fixture with `from` replaced by `to`.
fn position(from: &str, to: &str, needle: &str) -> (usize, usize) {
    let text = FIXTURE.replacen(from, to, 1);
    let line = text.lines().position(|l| l.contains(needle)).unwrap();
    let col = text.lines().nth(line).unwrap().find(needle).unwrap();
    let col = text.lines().nth(line).unwrap()[..col].chars().count();
    (line + 1, col + 1)
}

#[test]
fn the_fixture_checks_clean() {
    let out = load(FIXTURE);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
}

#[test]
fn a_low_above_its_high_is_an_error_at_the_low() {
    let (from, to) = ("low: 260, high: 280", "low: 290, high: 280");
    let (line, col) = position(from, to, "290");
    assert_eq!(
        diagnostics_with(from, to),
        [format!(
            "f.ron:{line}:{col}: error: low (290) is above high (280)"
        )]
    );
    // A best estimate outside its range, at the end it passes.
    let (from, to) = ("low: 40, best: 50, high: 70", "low: 40, best: 80, high: 70");
    let (line, col) = position(from, to, "70, of");
    assert_eq!(
        diagnostics_with(from, to),
        [format!(
            "f.ron:{line}:{col}: error: high (70) is below the best (80)"
        )]
    );
}

#[test]
fn an_of_naming_an_unknown_party_is_an_error_at_that_entry() {
    let (from, to) = (r#"of: ["hollin", "marrow"]"#, r#"of: ["hollin", "marow"]"#);
    let (line, col) = position(from, to, r#""marow""#);
    assert_eq!(
        diagnostics_with(from, to),
        [format!(
            r#"f.ron:{line}:{col}: error: unknown party "marow" (did you mean "marrow"?)"#
        )]
    );
}

#[test]
fn misused_fields_are_errors_at_their_place() {
    // Equipment needs a unit; a unit is only for things; `count` and `best` are one number;
    // `whose` and `of` say the same; an `as_of` must be a date.
    let cases = [
        (
            r#"unit: "tanks destroyed", "#,
            "",
            "Equipment,",
            "Equipment needs a `unit` saying what is counted (\"tanks destroyed\")",
        ),
        (
            "count: 12, whose",
            r#"count: 12, unit: "soldiers", whose"#,
            r#""soldiers""#,
            "a `unit` is for Equipment and Other; Killed counts people",
        ),
        (
            "best: 50,",
            "count: 50, best: 50,",
            "50, high",
            "give `count` or `best`, not both: they are the same number",
        ),
        (
            r#"of: ["hollin", "marrow"]"#,
            r#"whose: "hollin", of: ["hollin", "marrow"]"#,
            r#"["hollin", "marrow"]"#,
            "give `whose` (one party) or `of` (several, or none), not both",
        ),
        (
            r#"as_of: "2023-05-02T12:00""#,
            r#"as_of: "2 May""#,
            r#""2 May""#,
            "invalid date \"2 May\"",
        ),
    ];
    for (from, to, at, message) in cases {
        let (line, col) = position(from, to, at);
        let d = diagnostics_with(from, to);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].starts_with(&format!("f.ron:{line}:{col}: error: {message}")),
            "{to}: {d:#?}"
        );
    }
}

#[test]
fn a_format_1_file_using_format_2_figures_is_told_to_say_format_2() {
    let d = diagnostics_with("format: 2,", "format: 1,");
    let (line, col) = position("format: 2,", "format: 1,", "260, high");
    let low = format!(
        "f.ron:{line}:{col}: error: `low` is new in format 2: write `format: 2` at the top of the file"
    );
    assert!(d.iter().any(|x| x.starts_with(&low)), "{d:#?}");
    assert!(
        d.iter()
            .any(|x| x.contains("error: a figure with no number is new in format 2")),
        "{d:#?}"
    );
    assert!(d.iter().all(|x| x.contains("is new in format 2")), "{d:#?}");
}

#[test]
fn cards_read_each_figure_as_stated() {
    let h = common::build_on(common::builder(1600.0, 1400.0), &["figures-v2.ron"]);
    for figure in [
        "260–280 Hollin servicemen killed or wounded (as of 2 May 2023 12:00)",
        "22 Hollin tanks destroyed",
        "Marrow servicemen killed: no number given",
        "2 civilians wounded (of no party)",
        "40–70 (best 50) Hollin and Marrow servicemen killed",
        "5 Hollin civilians killed",
    ] {
        h.get_by_label(figure);
    }
}

#[test]
fn the_csv_has_a_column_for_each_part_of_a_figure_and_the_ron_keeps_them() {
    let out = load(FIXTURE);
    let cat = Catalog::new(out.dataset.unwrap());
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let csv = to_csv(&cat.dataset, &cat.index, &all).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_slice());
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let m1 = rows.iter().find(|r| &r[col("claim_id")] == "m1").unwrap();
    let parts: Vec<&str> = [
        "figure_what",
        "figure_who",
        "figure_of",
        "figure_low",
        "figure_best",
        "figure_high",
        "figure_unit",
        "figure_as_of",
    ]
    .iter()
    .map(|c| &m1[col(c)])
    .collect();
    assert_eq!(
        parts,
        [
            "KilledOrWounded | Equipment",
            "Military | Military",
            "hollin | hollin",
            "260 | ",
            " | 22",
            "280 | ",
            " | tanks destroyed",
            "2023-05-02T12:00 | ",
        ]
    );
    let w1 = rows.iter().find(|r| &r[col("claim_id")] == "w1").unwrap();
    assert_eq!(&w1[col("figure_of")], " | hollin marrow");
    // The RON export is format 2 and loads to the same figures.
    let text = to_ron(&subset(&cat.dataset, &all, "all")).unwrap();
    let again = load(&text);
    assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
    let figures = |ds: &claimline::model::Dataset| -> Vec<claimline::model::Figure> {
        ds.events
            .iter()
            .flat_map(|e| &e.claims)
            .flat_map(|c| c.figures.clone())
            .collect()
    };
    assert_eq!(figures(&again.dataset.unwrap()), figures(&cat.dataset));
}

#[test]
fn each_partys_claimed_time_is_marked_on_the_bar_at_that_time_and_set_side_by_side() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["claimed-times.ron"]);
    common::select(&mut h, "ridge-fire");
    common::zoom(&mut h, "2023-05-02T04:00", "2023-05-02T10:00");
    let x = |label: &str| h.get_by_label_contains(label).rect().center().x;
    let hollin = x("Hollin side says Firing at Quill ridge happened 2 May 2023 06:00");
    let marrow = x("Marrow side says Firing at Quill ridge happened 2 May 2023 07:10");
    // The event runs 05:00–09:00: its marker stands at 07:00, in both lanes.
    let markers: Vec<f32> = h
        .query_all_by_label_contains("Event: Firing at Quill ridge")
        .map(|n| n.rect().center().x)
        .collect();
    assert_eq!(markers.len(), 2, "one marker in each party's lane");
    let seven = markers[0];
    // 06:00 is an hour before the marker, 07:10 ten minutes after: the marks keep that ratio.
    let ratio = (marrow - seven) / (seven - hollin);
    assert!(
        (ratio - 10.0 / 60.0).abs() < 0.02,
        "{hollin} {seven} {marrow}: {ratio}"
    );
    // In the claims panel the two times stand side by side, Hollin's column on the left.
    let left = h
        .get_by_label("Says it happened: 2 May 2023 06:00 UTC+01:00")
        .rect();
    let right = h
        .get_by_label("Says it happened: 2 May 2023 07:10 UTC+01:00")
        .rect();
    assert!(left.max.x <= right.min.x && (left.min.y - right.min.y).abs() < 1.0);
}

#[test]
fn a_claimed_time_is_checked_and_needs_format_2() {
    let text = TIMES;
    let bad = text.replacen(
        r#"claims_time: (at: "2023-05-02T06:00""#,
        r#"claims_time: (at: "2023-05-32T06:00""#,
        1,
    );
    let d: Vec<String> = diagnostics_of(&bad);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains("error: invalid date \"2023-05-32T06:00\""),
        "{d:#?}"
    );
    let v1 = text.replacen("format: 2,", "format: 1,", 1);
    let d: Vec<String> = diagnostics_of(&v1);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d.iter()
            .all(|x| x.contains("`claims_time` is new in format 2")),
        "{d:#?}"
    );
}

#[test]
fn a_time_with_only_a_bound_reads_after_or_before_and_has_no_end() {
    let text = TIMES;
    let from = r#"said: (at: "2023-05-02T11:00", precision: Exact)"#;
    let after = text.replacen(
        from,
        r#"said: (at: "2023-05-02", precision: Day, open: After)"#,
        1,
    );
    let out = load(&after);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let ds = out.dataset.unwrap();
    let event = &ds.events[0];
    assert_eq!(
        ds.when_text(&event.claims[1].said, event),
        "after 2 May 2023"
    );
    // With an end too, the bound is an error at `open`; in format 1 it needs format 2.
    let both = text.replacen(
        from,
        r#"said: (at: "2023-05-02", end: "2023-05-03", precision: Day, open: Before)"#,
        1,
    );
    let d: Vec<String> = diagnostics_of(&both);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains("error: a time with only a bound (`open`) has no `end`"),
        "{d:#?}"
    );
    let v1 = after.replacen("format: 2,", "format: 1,", 1);
    let d: Vec<String> = diagnostics_of(&v1);
    assert!(
        d.iter().any(|x| x.contains("`open` is new in format 2")),
        "{d:#?}"
    );
}

#[test]
fn a_figure_chip_that_does_not_fit_its_row_starts_the_next_whole() {
    // At 1280 points with the filters open and the event list beside the claims, the
    // cards are about 240 wide: the range's chip fills its row, so the tanks' chip must start
    // a row of its own, not wrap into the sliver beside it.
    let mut h = common::build_on(common::builder(1280.0, 1400.0), &["figures-v2.ron"]);
    common::filters_and_list_beside(&mut h);
    common::select(&mut h, "quill-fighting");
    let range = h
        .get_by_label("260–280 Hollin servicemen killed or wounded (as of 2 May 2023 12:00)")
        .rect();
    let tanks = h.get_by_label("22 Hollin tanks destroyed").rect();
    assert!(tanks.min.y >= range.max.y, "{tanks:?} beside {range:?}");
    assert!(
        tanks.height() < 20.0 && tanks.width() > 100.0,
        "the tanks' chip is one line: {tanks:?}"
    );
    assert!(
        (tanks.min.x - range.min.x).abs() < 1.0,
        "{tanks:?} {range:?}"
    );
}
