//! TimelineJS sheets (saved as CSV) read into datasets: the invented fixtures under
//! `tests/fixtures/timelinejs/` load clean through Claimline's own validation, each value
//! remembers the cell it came from, bad cells are reported at their row and column, and
//! `claimline import timelinejs` does both from the command line.

mod import_common;

use std::path::{Path, PathBuf};

use import_common::{claimline, shown, text, validation_warnings};

use claimline::import::Imported;
use claimline::import::timelinejs::{AUTHORS_ACTOR, GroupMap, read_timelinejs};
use claimline::load::{LineCol, SourceText};
use claimline::model::{ClaimKind, EventKind, Open, Precision, When};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timelinejs")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn group_map() -> GroupMap {
    let text = std::fs::read_to_string(fixture("groups.ron")).unwrap();
    GroupMap::parse(&SourceText {
        name: "groups.ron".into(),
        text,
    })
    .unwrap()
}

fn import(name: &str, groups: Option<&GroupMap>) -> Imported {
    read_timelinejs(name, &bytes(name), groups).unwrap_or_else(|d| panic!("{d:#?}"))
}

fn when(at: &str, precision: Precision, end: Option<&str>) -> When {
    When::new(at, precision, end, None)
}

#[test]
fn every_good_fixture_loads_clean() {
    let map = group_map();
    for (name, groups) in [
        ("standard.csv", None),
        ("standard.csv", Some(&map)),
        ("bom-crlf.csv", None),
    ] {
        let imported = import(name, groups);
        let warnings = validation_warnings(&imported.file);
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
    }
}

#[test]
fn the_title_row_names_the_timeline_and_eras_are_notes_not_events() {
    let imported = import("standard.csv", None);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let file = &imported.file;
    assert_eq!(file.dataset.title, "The Northland Bridge Story");
    assert_eq!(
        file.dataset.description,
        "A timeline of the bridge at Ashby, by The Example Gazette."
    );
    let notes = file.dataset.notes.as_deref().unwrap();
    assert!(notes.contains("“Reconstruction” (2020 to 2021)"), "{notes}");
    let ids: Vec<&str> = file.events.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            "bridge-plans-published",
            "bridge-at-ashby-reopens",
            "council-meets-in-brell",
            "attack-on-the-depot-at-corve-reported",
            "talks-in-corve",
        ]
    );
    assert_eq!(file.actors.len(), 1);
    assert_eq!(file.actors[0].id, AUTHORS_ACTOR);
    assert_eq!(
        file.actors[0].name,
        "The authors of “The Northland Bridge Story”"
    );
    assert_eq!(file.actors[0].party, None, "the authors are a third party");
    assert!(file.places.is_empty(), "TimelineJS has no places");
}

#[test]
fn times_take_the_precision_the_cells_give() {
    let file = import("standard.csv", None).file;
    let whens: Vec<&When> = file.events.iter().map(|e| &e.when).collect();
    assert_eq!(
        whens,
        [
            &when("2019", Precision::Year, None),
            &When::day("2020-03-05"),
            &when(
                "2020-03-06T14:30",
                Precision::Exact,
                Some("2020-03-06T16:00")
            ),
            &when("2020-03-09T09:00", Precision::Hour, None),
            &when("2020-04-01", Precision::Day, Some("2020-04-15")),
        ]
    );
    // Said some time after the event began: the sheet does not say when.
    let said = &file.events[0].claims[0].said;
    assert_eq!(
        (&*said.at(), said.precision(), said.open()),
        ("2019", Precision::Year, Some(Open::After))
    );
}

#[test]
fn text_is_stripped_of_html_and_is_the_authors_one_claim() {
    let file = import("standard.csv", None).file;
    let reopens = &file.events[1];
    assert_eq!(&*reopens.title, "Bridge at Ashby reopens");
    assert_eq!(
        &*reopens.summary.read(),
        "The bridge reopened to traffic, trade and visitors.\n\nTolls & fees were waived."
    );
    let c = &reopens.claims[0];
    assert_eq!(
        (c.actor.as_str(), c.kind, c.quote),
        (AUTHORS_ACTOR, ClaimKind::Report, true)
    );
    assert_eq!(*c.text.read(), *reopens.summary.read());
    assert_eq!(
        c.more.note.as_deref(),
        Some("Display date in the timeline: Early March 2020")
    );
    let s = &file.sources[1];
    assert_eq!(c.sources[0].source, s.id);
    assert_eq!(
        (s.outlet.as_str(), s.url.as_deref(), s.note.as_deref()),
        (
            "The Example Gazette",
            Some("https://example.org/bridge.jpg"),
            Some("Media caption: The bridge at dawn")
        )
    );
    // A quoted cell with a comma and a line end stays one cell.
    let council = &file.events[2];
    assert_eq!(
        &*council.claims[0].text.read(),
        "First line of the minutes.\nSecond line, with a comma."
    );
    // Without a group map, the group is the summary's last line.
    assert!(
        council
            .summary
            .read()
            .ends_with("\n\nTimeline group: Northland statements."),
        "{}",
        council.summary
    );
    // A headline with a loaded word is the authors' words, quoted.
    assert_eq!(
        &*file.events[3].title,
        "“Attack on the depot at Corve reported”"
    );
    assert_eq!(
        (
            file.sources[3].outlet.as_str(),
            file.sources[3].url.as_deref()
        ),
        ("Harbour Post", None)
    );
    // No credit: the timeline itself is the source. No text: the headline is the account.
    assert_eq!(file.sources[0].outlet, "“The Northland Bridge Story”");
    assert_eq!(&*file.events[4].claims[0].text.read(), "Talks in Corve");
}

#[test]
fn values_remember_the_cell_they_came_from() {
    let imported = import("standard.csv", None);
    let at = |path: &str| imported.positions.get(path);
    let cell = |line, col| Some(LineCol { line, col });
    assert_eq!(at("events[0]"), cell(4, 1));
    assert_eq!(at("events[1].title"), cell(5, 10));
    assert_eq!(at("events[1].summary"), cell(5, 11));
    assert_eq!(at("events[1].claims[0].note"), cell(5, 9));
    assert_eq!(at("sources[1].outlet"), cell(5, 13));
    assert_eq!(at("sources[1].url"), cell(5, 12));
    assert_eq!(at("events[2].when.end"), cell(6, 5));
    // The row after a cell with a line end starts a line later in the file, but it is the
    // next row, as a spreadsheet program numbers it.
    assert_eq!(at("events[3]"), cell(7, 1));
    assert_eq!(at("events[4].when.at"), cell(8, 1));
    assert_eq!(
        at("events[4].summary"),
        cell(8, 10),
        "no Text: the headline"
    );
    assert_eq!(at("dataset.title"), cell(2, 10));
    assert_eq!(at("dataset.notes"), cell(3, 10));
}

#[test]
fn a_group_map_gives_kinds_and_a_partys_actor() {
    let imported = import("standard.csv", Some(&group_map()));
    let file = &imported.file;
    let council = &file.events[2];
    assert_eq!(council.kind, EventKind::Statement);
    let speaker = &council.claims[0].actor;
    let actor = file.actors.iter().find(|a| &a.id == speaker).unwrap();
    assert_eq!(
        (actor.name.as_str(), actor.party.as_deref()),
        ("Northland Press Office", Some("north"))
    );
    assert!(!council.summary.read().contains("Timeline group"));
    assert_eq!(
        council.claims[0].more.note.as_deref(),
        Some("Timeline group: Northland statements")
    );
    let parties: Vec<&str> = file.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parties, ["north"], "a party no group uses is left out");
    let talks = &file.events[4];
    assert_eq!(talks.kind, EventKind::Diplomatic);
    assert_eq!(talks.claims[0].actor, AUTHORS_ACTOR);
    assert_eq!(file.events[1].kind, EventKind::Report, "no group");
    assert_eq!(
        imported.positions.get("events[2].claims[0].actor"),
        Some(LineCol { line: 6, col: 17 })
    );
    let warnings = shown(&imported.warnings);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0].starts_with(
            "standard.csv:4:17: warning: group \"Plans\" is not in the group map: kept in the summary"
        ),
        "{warnings:#?}"
    );
    assert_eq!(
        warnings[1],
        "standard.csv: warning: the group map names group \"Harbour news\", which no row has"
    );
    assert!(
        file.events[0]
            .summary
            .read()
            .ends_with("Timeline group: Plans.")
    );
}

#[test]
fn a_group_map_that_names_an_unknown_party_is_refused_at_the_value() {
    let text = "(\n    parties: [(id: \"north\", name: \"Northland\")],\n    groups: [\n        (group: \"A\", party: \"nort\", actor: \"X\"),\n        (group: \"B\", party: \"north\"),\n    ],\n)\n";
    let Err(d) = GroupMap::parse(&SourceText {
        name: "groups.ron".into(),
        text: text.into(),
    }) else {
        panic!("an unknown party and a party without its actor are errors");
    };
    assert_eq!(
        shown(&d),
        [
            "groups.ron:4:29: error: group \"A\" names party \"nort\", which `parties` does not list",
            "groups.ron:5:9: error: group \"B\" names a party but no `actor`: name who speaks for it",
        ]
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_change_nothing() {
    let standard = import("standard.csv", None);
    let bom = import("bom-crlf.csv", None);
    assert!(bom.warnings.is_empty(), "{:?}", bom.warnings);
    assert_eq!(bom.file.events, standard.file.events);
    assert_eq!(bom.positions, standard.positions);
}

#[test]
fn a_missing_required_column_is_named_with_the_near_header() {
    let Err(d) = read_timelinejs("missing-column.csv", &bytes("missing-column.csv"), None) else {
        panic!("a sheet without Headline is refused");
    };
    assert_eq!(
        shown(&d),
        [
            "missing-column.csv:1:4: error: the header has no \"Headline\" column, which a TimelineJS sheet has (did you mean \"Headlin\"?)"
        ]
    );
}

#[test]
fn an_unknown_column_is_a_warning_with_the_near_template_column() {
    let text = "Year,Headline,Txet\n2020,Bridge reopens,The bridge reopened.\n";
    let imported = read_timelinejs("t.csv", text.as_bytes(), None).unwrap();
    assert_eq!(
        shown(&imported.warnings),
        [
            "t.csv:1:3: warning: column \"Txet\" is not in TimelineJS's template: it is left out (did you mean \"Text\"?)"
        ]
    );
    assert_eq!(&*imported.file.events[0].summary.read(), "Bridge reopens");
}

#[test]
fn bad_cells_are_all_reported_at_their_row_and_column() {
    let Err(d) = read_timelinejs("bad-cells.csv", &bytes("bad-cells.csv"), None) else {
        panic!("bad cells are errors");
    };
    assert_eq!(
        shown(&d),
        [
            "bad-cells.csv:2:2: error: Month \"13\" is not a month from 1 to 12",
            "bad-cells.csv:3:1: error: Year \"20x0\" is not a year such as 2020",
            "bad-cells.csv:4:3: error: Day 31 is not a day of 2020-04",
            "bad-cells.csv:5:4: error: Time \"25:00\" is not a time of day such as 14:30 or 2:30 PM",
            "bad-cells.csv:6:5: error: the end, 2020-04-01, is before the start, 2020-04-02",
            "bad-cells.csv:7:9: error: Headline is empty: an event needs a title",
            "bad-cells.csv:8:3: error: Day is given without a Month",
            "bad-cells.csv:9:1: error: Year is empty: a row needs at least its year",
            "bad-cells.csv:10:5: error: End Year is empty: an end needs at least its year",
        ]
    );
}

#[test]
fn cli_imports_a_sheet_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported.ron");
    let csv = fixture("standard.csv");
    let map = fixture("groups.ron");
    let run = claimline(&[
        "import",
        "timelinejs",
        csv.to_str().unwrap(),
        "--groups",
        map.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(
        text(&run.stdout),
        "imported 5 events from a TimelineJS sheet\n"
    );
    assert!(text(&run.stderr).contains("\"Harbour news\""));
    let check = claimline(&["check", out.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains("5 events, 5 claims, 2 actors, 0 places, 5 sources, 1 party"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn cli_reports_every_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported.ron");
    let csv = fixture("bad-cells.csv");
    let run = claimline(&[
        "import",
        "timelinejs",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    let name = csv.display().to_string();
    assert!(
        stderr.contains(&format!("{name}:2:2: error: Month \"13\"")),
        "{stderr}"
    );
    assert!(stderr.contains("9 errors: nothing written"), "{stderr}");
    assert!(!out.exists());
}
