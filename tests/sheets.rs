//! Claims sheets (one row per claim, from CSV or a workbook) read into datasets: the invented
//! fixtures under `tests/fixtures/sheets/` and the templates under `data/templates/` load clean
//! through Claimline's own validation, bad cells are reported at their row and column (or
//! cell), and the `.xlsx` export reads back as the events it was written from.

use std::path::{Path, PathBuf};

use claimline::export::sheet::{SheetData, to_xlsx};
use claimline::import::Imported;
use claimline::import::sheet::{read_claims_csv, read_workbook};
use claimline::load::{Diagnostic, LineCol, SourceText, load_bundled, load_texts};
use claimline::model::{
    ActorKind, ClaimKind, DatasetFile, Event, EventKind, Measure, People, Precision, When, utc,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/sheets").join(name)
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn shown(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

fn csv(name: &str) -> Imported {
    read_claims_csv(name, &bytes(&fixture(name))).unwrap_or_else(|d| panic!("{:#?}", shown(&d)))
}

/// The imported file as written and loaded again: its warnings, after asserting no errors.
fn validation_warnings(file: &DatasetFile) -> Vec<String> {
    let text = claimline::export::data::to_ron(file).unwrap();
    let outcome = load_texts(&[SourceText {
        name: "imported.ron".into(),
        text,
    }]);
    assert_eq!(
        outcome.error_count(),
        0,
        "{:#?}",
        shown(&outcome.diagnostics)
    );
    assert!(outcome.dataset.is_some());
    shown(&outcome.diagnostics)
}

fn event<'a>(file: &'a DatasetFile, id: &str) -> &'a Event {
    file.events.iter().find(|e| &*e.id == id).expect(id)
}

#[test]
fn a_csv_sheet_with_a_bom_crlf_and_quoted_cells_loads_clean() {
    let imported = csv("claims.csv");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let warnings = validation_warnings(&imported.file);
    assert!(warnings.is_empty(), "{warnings:#?}");
    let file = &imported.file;
    assert_eq!(file.events.len(), 2);
    let shelling = event(file, "ashby-shelling");
    assert_eq!(&*shelling.title, "Shelling near Ashby");
    assert_eq!(shelling.kind, EventKind::Shelling);
    assert_eq!(&*shelling.when.at(), "2031-03-04");
    assert!(matches!(shelling.when.precision(), Precision::PartOfDay(_)));
    assert_eq!(*shelling.places, ["ashby", "brell"]);
    let [north, south] = &shelling.claims[..] else {
        panic!("two claims");
    };
    assert_eq!(&*north.id, "north-1");
    assert_eq!(
        &*south.id, "ashby-shelling-2",
        "claim ids default to <event>-<n>"
    );
    assert!(
        north.text.read().contains("Ashby, Brell and Corve"),
        "quoted commas"
    );
    assert_eq!(
        &*south.text.read(),
        "\"We did not fire first.\nOur units only returned fire.\""
    );
    assert!(south.quote);
    assert_eq!(south.kind, ClaimKind::Denial);
    assert_eq!(south.said, When::day("2031-03-04"));
    assert_eq!(&*north.said.at(), "2031-03-04T07:30+02:00");
    assert_eq!(north.said.precision(), Precision::Exact);
    assert_eq!(*north.more.places, ["ashby", "corve"]);
    let f = &north.figures;
    assert_eq!(
        (f[0].measure, f[0].count, f[0].people, f[0].whose.as_deref()),
        (Measure::Killed, Some(2), People::Military, Some("north"))
    );
    assert_eq!(
        (f[1].more.low, f[1].more.high, f[1].people),
        (Some(3), Some(5), People::Civilian)
    );
    assert_eq!(south.figures[0].count, None);
    let ashby = &file.places[0];
    assert_eq!(
        (
            ashby.district.as_deref(),
            ashby.country.as_str(),
            ashby.lat,
            ashby.lon
        ),
        (Some("Upper Vale"), "Northland", Some(41.2), Some(44.5))
    );
    let talks = event(file, "brell-talks");
    assert_eq!(talks.kind, EventKind::Diplomatic);
    assert_eq!(
        talks.claims[0].said,
        When::day("2031-03-06"),
        "said from the source's date"
    );
    assert_eq!(talks.claims[0].kind, ClaimKind::Appeal);
    let ids: Vec<&str> = file.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["north", "south"]);
    let council = file
        .actors
        .iter()
        .find(|a| a.name == "Lantern Council")
        .unwrap();
    assert_eq!(
        (
            council.id.as_str(),
            council.party.as_deref(),
            council.kind,
            council.role.as_str()
        ),
        (
            "lantern-council",
            None,
            ActorKind::InternationalOrganisation,
            "mediator"
        )
    );
    let sources: Vec<&str> = file.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        sources,
        [
            "the-example-gazette-2031-03-04",
            "southern-courier-2031-03-05",
            "the-example-gazette-2031-03-06"
        ]
    );
    // The row after a text with a line break in it starts two lines on in the file, but is
    // the next row, as a spreadsheet program numbers it (and names it in a workbook).
    let at = |path: &str| imported.positions.get(path);
    assert_eq!(
        at("events[0].claims[1].text"),
        Some(LineCol { line: 3, col: 15 })
    );
    assert_eq!(at("events[1]"), Some(LineCol { line: 4, col: 1 }));
    assert_eq!(at("events[1].kind"), Some(LineCol { line: 4, col: 5 }));
    assert_eq!(
        at("events[0].claims[0].figures[1]"),
        Some(LineCol { line: 2, col: 21 })
    );
}

#[test]
fn a_missing_column_is_named_with_the_near_header_and_unknown_ones_warned() {
    let Err(d) = read_claims_csv("missing.csv", &bytes(&fixture("missing-column.csv"))) else {
        panic!("a sheet without an actor column is refused");
    };
    assert_eq!(
        shown(&d),
        [
            "missing.csv:1:3: warning: column \"acter\" is not a claims-sheet column and is left out (did you mean \"actor\"?)",
            "missing.csv:1:3: error: the header has no \"actor\" column, which a claims sheet needs (did you mean \"acter\"?)",
            "missing.csv:1:6: warning: column \"colour\" is not a claims-sheet column and is left out (did you mean \"actor\"?)",
        ]
    );
}

#[test]
fn every_bad_cell_is_reported_at_its_row_and_column() {
    let Err(d) = read_claims_csv("bad.csv", &bytes(&fixture("bad-cells.csv"))) else {
        panic!("bad cells are errors");
    };
    assert_eq!(
        shown(&d),
        [
            "bad.csv:2:3: error: invalid date \"2031-02-30\": that day does not exist",
            "bad.csv:3:4: error: event_precision \"weekly\" is not a precision: exact, hour, day, month, year, night, morning, afternoon, evening or approximate N (minutes)",
            "bad.csv:4:5: error: event_kind \"Sheling\" is not one of Shelling, DroneStrike, ArmedClash, CasualtyReport, Ceasefire, Diplomatic, Humanitarian, Mission, Statement, Report, Background (did you mean \"Shelling\"?)",
            "bad.csv:4:8: error: kind \"Acusation\" is not one of Accusation, Denial, CasualtyReport, Appeal, Offer, Assessment, Announcement, Condemnation, Support, Report, Statement (did you mean \"Accusation\"?)",
            "bad.csv:4:10: error: quote \"perhaps\" is not yes, no, true, false, 1 or 0",
            "bad.csv:5:2: error: event_title \"Tree\" differs from \"Three\" given for event \"e3\" on row 4: give the event's fields once, on its first row, or alike",
            "bad.csv:5:7: error: invalid date \"yesterday\": expected \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or \"YYYY-MM-DDTHH:MM\" (optionally with \":SS\" and an offset such as \"+04:00\")",
            "bad.csv:5:12: error: figure \"killed 2 tanks\": \"tanks\" is not understood: after the number come soldiers, civilians or people, then \"of\" and the party",
        ]
    );
}

/// A date cell: its row and column, the date, and a time of day where it has one.
type DateCell = (u32, u16, (u16, u8, u8), Option<(u16, u8)>);

/// A workbook made as a spreadsheet program would: dates as date cells.
fn workbook(rows: &[[&str; 6]], dates: &[DateCell]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    for &(r, c, (y, m, d), time) in dates {
        let mut t = ExcelDateTime::from_ymd(y, m, d).unwrap();
        if let Some((h, mi)) = time {
            t = t.and_hms(h, mi, 0).unwrap();
        }
        sheet.write_datetime_with_format(r, c, &t, &date).unwrap();
    }
    book.save_to_buffer().unwrap()
}

const HEADER: [&str; 6] = [
    "event_id",
    "event_time",
    "actor",
    "said",
    "text",
    "source_outlet",
];

#[test]
fn an_xlsx_sheet_with_date_cells_is_read() {
    let bytes = workbook(
        &[
            HEADER,
            [
                "e1",
                "",
                "Northland Ministry of Defence",
                "",
                "Fired near Ashby.",
                "The Example Gazette",
            ],
            [
                "e1",
                "",
                "Southland Ministry of Defence",
                "",
                "Denied it.",
                "Southern Courier",
            ],
        ],
        &[
            (1, 1, (2031, 3, 4), None),
            (1, 3, (2031, 3, 4), Some((7, 30))),
            (2, 3, (2031, 3, 5), None),
        ],
    );
    let imported = read_workbook("x.xlsx", &bytes).unwrap_or_else(|d| panic!("{:#?}", shown(&d)));
    let e = &imported.file.events[0];
    assert_eq!(e.when, When::day("2031-03-04"));
    assert_eq!(&*e.claims[0].said.at(), "2031-03-04T07:30");
    assert_eq!(e.claims[0].said.precision(), Precision::Exact);
    assert_eq!(e.claims[1].said, When::day("2031-03-05"));
    validation_warnings(&imported.file);
}

#[test]
fn a_bad_cell_of_a_workbook_is_named_by_its_sheet_and_cell() {
    let bytes = workbook(
        &[
            HEADER,
            [
                "e1",
                "2031-03-04",
                "North MoD",
                "",
                "Fired.",
                "The Example Gazette",
            ],
            [
                "e1",
                "",
                "North MoD",
                "",
                "Fired again.",
                "The Example Gazette",
            ],
            [
                "e2",
                "",
                "North MoD",
                "2031-03-05",
                "",
                "The Example Gazette",
            ],
        ],
        &[],
    );
    let Err(d) = read_workbook("x.xlsx", &bytes) else {
        panic!("an empty text is an error");
    };
    assert_eq!(shown(&d), ["x.xlsx[Sheet1]:E4: error: text is empty"]);
    let bytes = workbook(
        &[
            HEADER,
            [
                "e1",
                "2031-03-04",
                "North MoD",
                "",
                "Fired.",
                "The Example Gazette",
            ],
            [
                "e1",
                "",
                "North MoD",
                "",
                "Fired again.",
                "The Example Gazette",
            ],
            [
                "e2",
                "4 March",
                "North MoD",
                "",
                "Fired.",
                "The Example Gazette",
            ],
        ],
        &[],
    );
    let Err(d) = read_workbook("x.xlsx", &bytes) else {
        panic!("a bad time is an error");
    };
    assert_eq!(shown(&d).len(), 1);
    assert!(
        shown(&d)[0].starts_with("x.xlsx[Sheet1]:B4: error: invalid date \"4 March\""),
        "{d:?}"
    );
}

#[test]
fn a_workbook_without_a_claims_sheet_says_which_sheets_it_looked_at() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "hello")
        .unwrap();
    book.add_worksheet();
    let Err(d) = read_workbook("x.xlsx", &book.save_to_buffer().unwrap()) else {
        panic!("no claims sheet");
    };
    assert_eq!(
        shown(&d),
        [
            "x.xlsx: error: no sheet has a claims sheet's header row (event_id, actor, text, source_outlet, ...) as its first row; looked at \"Notes\", \"Sheet2\" (empty)"
        ]
    );
}

#[test]
fn the_xlsx_export_of_a_fixture_reads_back_as_the_same_dataset() {
    let imported = csv("claims.csv");
    let xlsx = to_xlsx(&SheetData::of_file(&imported.file)).unwrap();
    let back = read_workbook("claims.xlsx", &xlsx).unwrap_or_else(|d| panic!("{:#?}", shown(&d)));
    let (a, b) = (&imported.file, &back.file);
    assert_eq!(b.events, a.events);
    assert_eq!(b.actors, a.actors);
    assert_eq!(b.places, a.places);
    assert_eq!(b.sources, a.sources);
    assert_eq!(b.parties, a.parties);
}

/// Whether `got` (read from a sheet, without an offset of its own) is the time `want` was
/// in a file read at `offset`: the same instant for a time of day, the same text for a date.
fn same_time(want: &When, offset: chrono::FixedOffset, got: &When) -> bool {
    if want.at().contains('T') {
        want.span(offset) == got.span(utc()) && want.precision() == got.precision()
    } else {
        want == got
    }
}

#[test]
fn the_xlsx_export_of_the_bundled_dataset_reads_back_as_its_events() {
    let ds = load_bundled().dataset.expect("bundled loads");
    let chosen: Vec<usize> = (0..ds.events.len()).step_by(3).collect();
    let xlsx = to_xlsx(&SheetData::of_dataset(&ds, &chosen)).unwrap();
    let back = read_workbook("subset.xlsx", &xlsx).unwrap_or_else(|d| panic!("{:#?}", shown(&d)));
    validation_warnings(&back.file);
    let wanted: Vec<&Event> = chosen
        .iter()
        .map(|&e| &ds.events[e])
        .filter(|e| !e.claims.is_empty())
        .collect();
    assert_eq!(back.file.events.len(), wanted.len());
    let place = |file_places: &[claimline::model::Place], id: &str| {
        let p = file_places.iter().find(|p| p.id == id).unwrap().clone();
        (p.name, p.district, p.country, p.lat, p.lon)
    };
    for (want, got) in wanted.iter().zip(&back.file.events) {
        let offset = ds.offset_of(want);
        assert_eq!(
            (&got.id, &got.title, got.kind, &got.summary),
            (&want.id, &want.title, want.kind, &want.summary)
        );
        assert!(
            same_time(&want.when, offset, &got.when),
            "{:?} {:?}",
            want.when,
            got.when
        );
        let places = |e: &Event, all: &[claimline::model::Place]| -> Vec<_> {
            e.places.iter().map(|p| place(all, p)).collect()
        };
        assert_eq!(places(got, &back.file.places), places(want, &ds.places));
        assert_eq!(got.claims.len(), want.claims.len());
        for (w, g) in want.claims.iter().zip(&got.claims) {
            assert_eq!(
                (&g.id, g.kind, &g.text, g.quote, &g.more.note),
                (&w.id, w.kind, &w.text, w.quote, &w.more.note)
            );
            assert!(
                same_time(&w.said, offset, &g.said),
                "{} {:?} {:?}",
                w.id,
                w.said,
                g.said
            );
            let actor = |id: &str, all: &[claimline::model::Actor]| {
                let a = all.iter().find(|a| a.id == id).unwrap().clone();
                (a.name, a.party, a.kind, a.role)
            };
            assert_eq!(
                actor(&g.actor, &back.file.actors),
                actor(&w.actor, &ds.actors)
            );
            let source = |id: &str, all: &[claimline::model::Source]| {
                let s = all.iter().find(|s| s.id == id).unwrap().clone();
                (s.outlet, s.title, s.url, s.date, s.language)
            };
            assert_eq!(
                source(&g.sources[0].source, &back.file.sources),
                source(&w.sources[0].source, &ds.sources)
            );
            assert_eq!(g.figures.len(), w.figures.len());
            for (wf, gf) in w.figures.iter().zip(&g.figures) {
                assert_eq!(
                    (
                        gf.measure,
                        gf.count,
                        gf.more.best,
                        gf.more.low,
                        gf.more.high,
                        gf.bound,
                        &gf.whose,
                        &gf.more.of,
                        gf.people,
                        &gf.more.unit
                    ),
                    (
                        wf.measure,
                        wf.count,
                        wf.more.best,
                        wf.more.low,
                        wf.more.high,
                        wf.bound,
                        &wf.whose,
                        &wf.more.of,
                        wf.people,
                        &wf.more.unit
                    )
                );
            }
            let claim_places = |c: &claimline::model::Claim, all| -> Vec<_> {
                c.more.places.iter().map(|p| place(all, p)).collect()
            };
            assert_eq!(
                claim_places(g, &back.file.places),
                claim_places(w, &ds.places)
            );
        }
    }
}

fn template(name: &str) -> PathBuf {
    root().join("data/templates").join(name)
}

#[test]
fn the_templates_import_and_validate_clean() {
    let from_csv = read_claims_csv("claims.csv", &bytes(&template("claims.csv")))
        .unwrap_or_else(|d| panic!("{:#?}", shown(&d)));
    assert!(from_csv.warnings.is_empty(), "{:?}", from_csv.warnings);
    let warnings = validation_warnings(&from_csv.file);
    assert!(warnings.is_empty(), "{warnings:#?}");
    // The workbook is the CSV written by the export: `UPDATE_TEMPLATES=1 cargo test --test
    // sheets` writes it again after the CSV changes.
    let xlsx = to_xlsx(&SheetData::of_file(&from_csv.file)).unwrap();
    if std::env::var_os("UPDATE_TEMPLATES").is_some() {
        std::fs::write(template("claims.xlsx"), &xlsx).unwrap();
    }
    let from_xlsx = read_workbook("claims.xlsx", &bytes(&template("claims.xlsx")))
        .unwrap_or_else(|d| panic!("{:#?}", shown(&d)));
    assert!(from_xlsx.warnings.is_empty(), "{:?}", from_xlsx.warnings);
    assert_eq!(from_xlsx.file.events, from_csv.file.events);
    assert_eq!(from_xlsx.file.actors, from_csv.file.actors);
    assert_eq!(from_xlsx.file.places, from_csv.file.places);
    assert_eq!(from_xlsx.file.sources, from_csv.file.sources);
}

#[test]
fn a_party_the_sheet_names_by_id_is_the_party_an_export_beside_it_defines() {
    // The sheet says only "north"; the ACLED export's party map calls it Northland. Opened
    // together they are one party, with the map's name, and the sheet's claim is that party's.
    let dir = tempfile::tempdir().unwrap();
    let acled = root().join("tests/fixtures/acled");
    let export = dir.path().join("export.csv");
    std::fs::copy(acled.join("standard.csv"), &export).unwrap();
    std::fs::copy(
        acled.join("parties.ron"),
        dir.path().join("export.parties.ron"),
    )
    .unwrap();
    let sheet = dir.path().join("claims.csv");
    std::fs::write(
        &sheet,
        "event_id,event_title,event_time,event_places,party,actor,said,kind,text,source_outlet\n\
         elmstead-statement,Statement on Elmstead,2031-03-04,\"Elmstead (Far Vale, Northland @ 43.1, 46.2)\",\
         north,Northland Ministry of Defence,2031-03-04,Statement,Said its units held their positions.,Harbour Post\n",
    )
    .unwrap();
    for order in [[&export, &sheet], [&sheet, &export]] {
        let out = claimline::import::load_paths(&order.map(|p| p.to_path_buf()));
        let ds = out
            .dataset
            .unwrap_or_else(|| panic!("{:#?}", shown(&out.diagnostics)));
        let north: Vec<_> = ds.parties.iter().filter(|p| p.id == "north").collect();
        assert_eq!(north.len(), 1);
        assert_eq!(north[0].name, "Northland");
        let statement = ds
            .events
            .iter()
            .find(|e| &*e.id == "elmstead-statement")
            .unwrap();
        let actor = &statement.claims[0].actor;
        let actor = ds.actors.iter().find(|a| &a.id == actor).unwrap();
        assert_eq!(actor.party.as_deref(), Some("north"));
    }
}

#[test]
fn an_ods_workbook_reads_as_the_same_claims_as_its_csv() {
    // claims.ods is claims.csv written as an OpenDocument spreadsheet by
    // tools/fixtures/csv_to_ods.py (text cells, a line break as a new paragraph).
    let from_csv = csv("claims.csv");
    let ods = read_workbook("claims.ods", &bytes(&fixture("claims.ods")))
        .unwrap_or_else(|d| panic!("{:#?}", shown(&d)));
    assert_eq!(ods.file.events, from_csv.file.events);
    assert_eq!(ods.file.actors, from_csv.file.actors);
    assert_eq!(ods.file.places, from_csv.file.places);
    assert_eq!(ods.file.sources, from_csv.file.sources);
    assert_eq!(
        ods.positions.get("events[0].claims[1].text"),
        Some(LineCol { line: 3, col: 15 }),
        "row 3, column O"
    );
    // The row after the cell with a line break is row 4 in both.
    assert_eq!(
        ods.positions.get("events[1].kind"),
        from_csv.positions.get("events[1].kind")
    );
}
