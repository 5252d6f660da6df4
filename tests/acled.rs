//! ACLED CSV exports read into datasets: the invented fixtures under `tests/fixtures/acled/`
//! load clean through Claimline's own validation, bad ones are reported at their row and
//! column, and `claimline import acled` does both from the command line.

mod import_common;

use std::path::{Path, PathBuf};
use std::process::Output;

use import_common::{claimline, shown, text, validation_warnings};

use claimline::import::acled::{PartyMap, read_acled};
use claimline::load::{Diagnostic, SourceText};
use claimline::model::DatasetFile;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/acled")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn party_map() -> PartyMap {
    let text = std::fs::read_to_string(fixture("parties.ron")).unwrap();
    PartyMap::parse(&SourceText {
        name: "parties.ron".into(),
        text,
    })
    .unwrap()
}

fn import(name: &str, parties: Option<&PartyMap>) -> (DatasetFile, Vec<Diagnostic>) {
    let imported = read_acled(name, &bytes(name), parties).unwrap_or_else(|d| panic!("{d:#?}"));
    (imported.file, imported.warnings)
}

#[test]
fn every_good_fixture_loads_clean() {
    let map = party_map();
    for (name, parties) in [
        ("standard.csv", None),
        ("standard.csv", Some(&map)),
        ("hxl.csv", None),
        ("bom.csv", None),
        ("latin1.csv", Some(&map)),
    ] {
        let (file, _) = import(name, parties);
        let warnings = validation_warnings(&file);
        // ACLED's notes are quotes, and the one loaded category in the fixtures is quoted
        // in its title: nothing here is in the curator's voice.
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
    }
}

#[test]
fn the_hxl_row_and_the_byte_order_mark_change_nothing() {
    let (standard, _) = import("standard.csv", None);
    let (hxl, warnings) = import("hxl.csv", None);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(hxl.events, standard.events);
    assert_eq!(hxl.places, standard.places);
    let (bom, warnings) = import("bom.csv", None);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(bom.events, standard.events[..2]);
}

#[test]
fn latin1_bytes_are_read_as_latin1_with_one_warning() {
    let (file, warnings) = import("latin1.csv", None);
    assert_eq!(
        shown(&warnings),
        [
            "latin1.csv:2:1: warning: this row is not UTF-8 text: it and any other such row are read as Latin-1 (ISO 8859-1); check the names with accents"
        ]
    );
    assert_eq!(file.places[0].name, "Sévrin");
    assert_eq!(file.sources[0].outlet, "Gazette de Sévrin");
    assert!(
        file.events[0].claims[0]
            .text
            .read()
            .starts_with("Le 2 mars 2021, échange")
    );
}

#[test]
fn a_missing_required_column_is_named_with_the_near_header() {
    let Err(d) = read_acled("missing-column.csv", &bytes("missing-column.csv"), None) else {
        panic!("an export without notes and fatalities is refused");
    };
    assert_eq!(
        shown(&d),
        [
            "missing-column.csv:1:1: error: the header has no \"notes\" column, which an ACLED export has",
            "missing-column.csv:1:28: error: the header has no \"fatalities\" column, which an ACLED export has (did you mean \"fatality\"?)",
        ]
    );
}

#[test]
fn bad_cells_are_all_reported_at_their_row_and_column_with_crlf_line_ends() {
    let Err(d) = read_acled("bad-values.csv", &bytes("bad-values.csv"), None) else {
        panic!("a bad latitude and a bad date are errors");
    };
    assert_eq!(
        shown(&d),
        [
            "bad-values.csv:2:23: error: latitude 123.4 is not between -90 and 90",
            "bad-values.csv:4:2: error: event_date \"December the 7th\" is not a date such as 2020-12-05, 05 December 2020 or 5-Dec-20",
        ]
    );
}

#[test]
fn a_row_after_a_note_with_a_newline_is_named_by_its_row_as_a_spreadsheet_counts() {
    // standard.csv's second row has a newline in its notes, so the third row starts on line 5
    // of the file; a spreadsheet program shows it as row 4 (the header is row 1), and that is
    // where an analyst looks for it.
    let text = String::from_utf8(bytes("standard.csv"))
        .unwrap()
        .replace("7 December 2020", "7 Decembre 2020");
    let Err(d) = read_acled("standard.csv", text.as_bytes(), None) else {
        panic!("a bad date is an error");
    };
    assert!(
        shown(&d)[0].starts_with("standard.csv:4:2: error: "),
        "{d:?}"
    );
}

/// `claimline import acled CSV --out OUT`.
fn import_cli(csv: &Path, out: &Path) -> Output {
    claimline(&[
        "import",
        "acled",
        csv.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn cli_imports_an_export_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported.ron");
    let csv = fixture("standard.csv");
    let map = fixture("parties.ron");
    let run = claimline(&[
        "import",
        "acled",
        csv.to_str().unwrap(),
        "--parties",
        map.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "imported 6 rows as 6 events, 4 places\n");
    let check = claimline(&["check", out.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout)
            .contains("6 events, 6 claims, 5 actors, 4 places, 6 sources, 2 parties"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn cli_reports_every_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("imported.ron");
    let csv = fixture("bad-values.csv");
    let run = import_cli(&csv, &out);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    let name = csv.display().to_string();
    assert!(
        stderr.contains(&format!("{name}:2:23: error: latitude 123.4")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}:4:2: error: event_date")),
        "{stderr}"
    );
    assert!(stderr.contains("2 errors: nothing written"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn cli_writes_to_standard_output_and_never_over_its_input() {
    let csv = fixture("bom.csv");
    let run = claimline(&["import", "acled", csv.to_str().unwrap(), "--out", "-"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("acled-NRL2"));
    assert_eq!(text(&run.stderr), "imported 2 rows as 2 events, 2 places\n");

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("export.csv");
    std::fs::copy(&csv, &copy).unwrap();
    let run = import_cli(&copy, &copy);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read(&copy).unwrap(), bytes("bom.csv"));
}

#[test]
fn the_side_filter_finds_what_acled_coded_a_party_as_involved_in_without_making_it_a_voice() {
    use claimline::model::Side;
    use claimline::query::{Catalog, FilterState, Query};
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("export.csv");
    std::fs::write(&csv, bytes("standard.csv")).unwrap();
    std::fs::write(
        dir.path().join("export.parties.ron"),
        std::fs::read(common_fixture("parties.ron")).unwrap(),
    )
    .unwrap();
    let out = claimline::import::load_paths(std::slice::from_ref(&csv));
    let cat = Catalog::new(
        out.dataset
            .unwrap_or_else(|| panic!("{:#?}", out.diagnostics)),
    );
    let ds = &cat.dataset;
    let south = Side::party(ds.parties.iter().position(|p| p.id == "south").unwrap());
    let filter = FilterState {
        sides: [south].into(),
        ..Default::default()
    };
    let found: Vec<&str> = Query::run(&cat.index, &filter)
        .events
        .iter()
        .map(|&e| ds.events[e].id.as_ref())
        .collect();
    // Every row that names a Southland actor, in time order; no other.
    let expected: Vec<&str> = (ds.events.iter())
        .filter(|e| e.summary.read().contains("Southland"))
        .map(|e| e.id.as_ref())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(found, expected);
    // Involvement is not a claim: ACLED alone speaks, so nothing is contested and no party
    // has a voice.
    for facts in &cat.index.events {
        assert!(!facts.contested);
        assert_eq!(facts.voices.parties(), 0);
    }
}

fn common_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/acled")
        .join(name)
}

#[test]
fn claimlines_own_checks_name_the_row_and_column_an_imported_value_came_from() {
    // A curated file beside the export defines a source with the id the import gives row 3's
    // source; the duplicate is Claimline's check, not the importer's, and it must still
    // point at the row and the `source` column (26th) of the export.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("standard.csv");
    std::fs::write(&csv, bytes("standard.csv")).unwrap();
    let ron = dir.path().join("curated.ron");
    std::fs::write(
        &ron,
        r#"(
    format: 2,
    dataset: (
        title: "Curated beside an export",
        description: "An invented file for a test.",
        curator: "Fixture curator",
        licence: "CC0 1.0",
    ),
    sources: [
        (id: "acled-NRL2-source", outlet: "Harbour Post", language: "en"),
    ],
)
"#,
    )
    .unwrap();
    let out = claimline::import::load_paths(&[csv, ron]);
    let shown = shown(&out.diagnostics);
    assert!(
        shown.iter().any(|d| d.contains("standard.csv:3:26")),
        "{shown:#?}"
    );
}
