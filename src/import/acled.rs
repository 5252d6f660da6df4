//! ACLED's CSV export (Armed Conflict Location & Event Data) read into Claimline's model.
//!
//! Each row is one event that ACLED coded, with ACLED's own notes as its one claim: ACLED is a
//! third party that reports, never a party to the conflict, so its fatality count is a figure
//! in that claim and not a fact of the event.
//!
//! What each column becomes:
//!
//! | column | becomes |
//! |---|---|
//! | `event_id_cnty` | the event id, `acled-<id>` (characters ids cannot hold become `-`) |
//! | `event_date`, `time_precision` | the event's `when`: 1 the day; 2 the week around the date (ACLED codes the middle of a week it only knows), as a span from 3 days before to 3 days after; 3 the month |
//! | `sub_event_type` (else `event_type`), `location` | the title, "Armed clash in Ashby"; a category with a loaded word ("Attack") is quoted as ACLED's term |
//! | `event_type`, `sub_event_type` | the kind: see [`kind_of`] |
//! | `actor1`, `assoc_actor_1`, `actor2`, `assoc_actor_2` | the summary, "ACLED codes this event between X and Y.", and the parties the party map names |
//! | `country`, `admin1`, `admin2`, `location`, `latitude`, `longitude`, `geo_precision` | one place per distinct (country, admin1, admin2, location): name `location`, `district` `admin1` (the province level, which the district filter groups by; `admin2` is too fine for a filter in most countries), `country`, the coordinates, `coords_source` "ACLED", and `geo_precision` in words in the place's `note` |
//! | `notes` | the claim's text, as a quote (ACLED's words) |
//! | `timestamp` | when the claim was said (ACLED's last change to the row), else the event date |
//! | `fatalities` | a figure: killed, that count, people unspecified, no `whose` and no `of` (a tally across all sides and civilians; `of: []` would say no party's people were counted) |
//! | `source`, `source_scale` | one source per row: the outlet as ACLED wrote it (several may be named in it), language "und" (unknown), the scale in its note |
//! | `civilian_targeting`, `tags` | the claim's note |
//!
//! Unused: `year` (the date has it), `disorder_type`, `inter1`, `inter2`, `interaction`,
//! `iso`, `region`, `admin3`.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;

use super::table::{BOM, csv_error, first_line_cells, slug, warning};
use super::{Imported, Positions};
use crate::load::suggest::{Budget, Known};
use crate::load::{Diagnostic, LineCol, SourceText};
use crate::model::wording::{loaded_words_outside_quotes, plural};
use crate::model::{
    Actor, ActorKind, Citation, Claim, ClaimKind, ClaimMore, DatasetFile, DatasetInfo, Event,
    EventKind, FORMAT_VERSION, Figure, Measure, More, Party, People, Place, Precision, Source,
    ThinVec, When,
};

/// The columns an event cannot be built without.
pub const REQUIRED: [&str; 11] = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "actor1",
    "country",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
];

/// Every column of ACLED's standard export, in its order.
pub const ALL_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// What an ACLED export's header holds.
const LAYOUT: Layout = Layout {
    format: "an ACLED export",
    required: &REQUIRED,
    all: &ALL_COLUMNS,
    expected: "an ACLED header row (event_id_cnty, event_date, ...)",
};

/// The id of the one actor every imported claim is made by.
pub const ACLED_ACTOR: &str = "acled";

/// Which ACLED actors stand for which party, read from a small RON file:
/// `(parties: [(id: "north", name: "Northland", actors: ["Military Forces of Northland (2003-)"])])`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyMap {
    pub parties: Vec<MappedParty>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappedParty {
    pub id: String,
    pub name: String,
    /// ACLED actor names, exactly as the export writes them.
    #[serde(default)]
    pub actors: Vec<String>,
}

impl PartyMap {
    /// Reads a party map, with a RON error at its line and column.
    pub fn parse(src: &SourceText) -> Result<PartyMap, Diagnostic> {
        crate::load::parse_as(
            src,
            "a party map `(parties: [(id: ..., name: ..., actors: [...])])`",
        )
    }

    fn party_of(&self, actor: &str) -> Option<&MappedParty> {
        self.parties
            .iter()
            .find(|p| p.actors.iter().any(|a| a == actor))
    }
}

/// Whether the bytes start with an ACLED header row: one naming `event_id_cnty` and
/// `event_date`, after an optional UTF-8 byte order mark.
pub fn looks_like_acled(bytes: &[u8]) -> bool {
    let cells = first_line_cells(bytes);
    let has = |c: &str| cells.iter().any(|h| h == c);
    has("event_id_cnty") && has("event_date")
}

/// A row's cells as text: UTF-8, or else Latin-1 (every byte one character, which is what
/// older spreadsheet exports write), with a warning the first time, at that row.
fn text_of(
    name: &str,
    bytes: &csv::ByteRecord,
    latin1: &mut bool,
    diags: &mut Vec<Diagnostic>,
) -> csv::StringRecord {
    if let Ok(text) = csv::StringRecord::from_byte_record(bytes.clone()) {
        return text;
    }
    if !std::mem::replace(latin1, true) {
        let row = bytes.position().map(|p| LineCol {
            line: p.record() as usize + 1,
            col: 1,
        });
        diags.push(warning(
            name,
            row,
            "this row is not UTF-8 text: it and any other such row are read as Latin-1 \
             (ISO 8859-1); check the names with accents",
        ));
    }
    let mut text = csv::StringRecord::new();
    for cell in bytes {
        text.push_field(&cell.iter().map(|&b| char::from(b)).collect::<String>());
    }
    text.set_position(bytes.position().cloned());
    text
}

/// What a CSV format's header must and may hold, for [`read_sheet`].
pub(super) struct Layout {
    /// How messages name a file of the format: "an ACLED export".
    pub(super) format: &'static str,
    /// The columns no row can be read without, spelled as the format spells them (headers
    /// are matched without case).
    pub(super) required: &'static [&'static str],
    /// Every column the format names, in its spelling.
    pub(super) all: &'static [&'static str],
    /// What an empty file should have held: "an ACLED header row (...)".
    pub(super) expected: &'static str,
}

/// A CSV file's columns and its rows, each with its row number as a spreadsheet counts (the
/// header being row 1).
pub(super) struct Sheet {
    pub(super) columns: Columns,
    pub(super) rows: Vec<(csv::StringRecord, usize)>,
}

/// Reads `bytes` as CSV with a header laid out as `layout` says: UTF-8 with or without a byte
/// order mark, or else Latin-1; quoted cells may hold commas and line ends; lines may end in
/// CRLF. The problems of the text (not UTF-8, a row the CSV reader refuses, a missing
/// column) go to `diags`; `None` when no header names the columns the rows need.
pub(super) fn read_sheet(
    name: &str,
    bytes: &[u8],
    layout: &Layout,
    diags: &mut Vec<Diagnostic>,
) -> Option<Sheet> {
    let (columns, mut reader) = open_sheet(name, bytes, layout, diags)?;
    let mut rows = Vec::new();
    while let Some(row) = reader.next(diags) {
        rows.push(row);
    }
    Some(Sheet { columns, rows })
}

/// A CSV file read one row at a time, so that a file of millions of rows is never held whole.
pub(super) struct RowReader<'n, R: std::io::Read> {
    name: &'n str,
    reader: csv::Reader<std::io::BufReader<R>>,
    bytes: csv::ByteRecord,
    latin1: bool,
}

impl<R: std::io::Read> RowReader<'_, R> {
    /// The next row and its number as a spreadsheet counts it (a cell that holds line ends
    /// makes a row span several lines of the file, but it is one row); rows the CSV reader
    /// refuses are reported and skipped.
    pub(super) fn next(
        &mut self,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(csv::StringRecord, usize)> {
        loop {
            match self.reader.read_byte_record(&mut self.bytes) {
                Ok(true) => {
                    let text = text_of(self.name, &self.bytes, &mut self.latin1, diags);
                    let row = text.position().map_or(0, |p| p.record() as usize + 1);
                    return Some((text, row));
                }
                Ok(false) => return None,
                Err(e) => diags.push(csv_error(self.name, &e)),
            }
        }
    }
}

/// Opens `input` as CSV with a header laid out as `layout` says (see [`read_sheet`]): its
/// columns, and a reader of its rows.
pub(super) fn open_sheet<'n, R: std::io::Read>(
    name: &'n str,
    input: R,
    layout: &Layout,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Columns, RowReader<'n, R>)> {
    let mut input = std::io::BufReader::new(input);
    if let Ok(start) = std::io::BufRead::fill_buf(&mut input)
        && start.starts_with(BOM)
    {
        std::io::BufRead::consume(&mut input, BOM.len());
    }
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut rows = RowReader {
        name,
        reader,
        bytes: csv::ByteRecord::new(),
        latin1: false,
    };
    let Some((header, _)) = rows.next(diags) else {
        diags.push(Diagnostic::error(
            name,
            Some(LineCol { line: 1, col: 1 }),
            format!("file is empty: expected {}", layout.expected),
        ));
        return None;
    };
    match Columns::find(name, &header, layout) {
        Ok(columns) => Some((columns, rows)),
        Err(mut missing) => {
            diags.append(&mut missing);
            None
        }
    }
}

/// Reads an ACLED CSV export. `name` is how diagnostics name the file; `parties` says which
/// ACLED actors stand for which party. On success, the dataset and its warnings; otherwise
/// every problem found, each at its row (as a spreadsheet numbers it: the header is row 1)
/// and column (1-based).
pub fn read_acled(
    name: &str,
    bytes: &[u8],
    parties: Option<&PartyMap>,
) -> Result<Imported, Vec<Diagnostic>> {
    read_acled_from(name, bytes, parties, &mut |_| true)
}

/// How many rows are read between two reports of progress.
const ROWS_PER_REPORT: u64 = 4096;

/// [`read_acled`] from a reader, row by row, so that an export of millions of rows is never
/// held whole in memory. `progress` is told the bytes read so far every few thousand rows;
/// when it returns false (the user cancelled), reading stops and the result is an error with
/// no diagnostics.
pub fn read_acled_from(
    name: &str,
    input: impl std::io::Read,
    parties: Option<&PartyMap>,
    progress: &mut dyn FnMut(u64) -> bool,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let Some((columns, mut reader)) = open_sheet(name, input, &LAYOUT, &mut diags) else {
        return Err(diags);
    };
    let mut build = Builder::new(name, parties, &columns);
    let mut first = true;
    let mut rows: u64 = 0;
    while let Some((record, line)) = reader.next(&mut diags) {
        rows += 1;
        let read = record.position().map_or(0, csv::Position::byte);
        if rows.is_multiple_of(ROWS_PER_REPORT) && !progress(read) {
            return Err(Vec::new());
        }
        if std::mem::take(&mut first) && is_hxl(&record) {
            continue;
        }
        match Row::read(name, &columns, &record, line) {
            Ok(row) => build.add(row, &mut diags),
            Err(mut problems) => diags.append(&mut problems),
        }
    }
    if let Some(map) = parties {
        for p in &map.parties {
            for a in p
                .actors
                .iter()
                .filter(|a| !build.mapped_actors.contains(*a))
            {
                diags.push(warning(
                    name,
                    None,
                    format!(
                        "the party map names \"{a}\" (party \"{}\"), who is in no row",
                        p.id
                    ),
                ));
            }
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let positions = std::mem::take(&mut build.positions);
    Ok(Imported {
        file: build.finish(name, parties),
        warnings: diags,
        positions,
    })
}

/// "imported 12 rows as 12 events, 9 places": what an import made.
pub fn summary(file: &DatasetFile) -> String {
    format!(
        "imported {} as {}, {}",
        plural(file.events.len(), "row"),
        plural(file.events.len(), "event"),
        plural(file.places.len(), "place")
    )
}

/// A row of HXL hashtags (`#date+occurred`) under the header: every cell that is not empty
/// starts with `#`.
fn is_hxl(record: &csv::StringRecord) -> bool {
    let mut cells = record.iter().map(str::trim).filter(|c| !c.is_empty());
    let mut any = false;
    cells.all(|c| {
        any = true;
        c.starts_with('#')
    }) && any
}

/// Where each column is: its 0-based index, by its name in lower case.
pub(super) struct Columns {
    index: HashMap<String, usize>,
    /// The header's cells, trimmed, as written.
    pub(super) header: Vec<String>,
    count: usize,
}

impl Columns {
    /// The 0-based index of `column` (any case), if the header has it.
    pub(super) fn position(&self, column: &str) -> Option<usize> {
        self.index.get(&column.to_lowercase()).copied()
    }

    fn find(
        name: &str,
        header: &csv::StringRecord,
        layout: &Layout,
    ) -> Result<Columns, Vec<Diagnostic>> {
        let written: Vec<String> = header.iter().map(|c| c.trim().to_owned()).collect();
        let names: Vec<String> = written.iter().map(|c| c.to_lowercase()).collect();
        let all: Vec<String> = layout.all.iter().map(|c| c.to_lowercase()).collect();
        let mut index = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            index.entry(n.clone()).or_insert(i);
        }
        // A column the format names is never a misspelling of another it names.
        let known = Known::new(
            written
                .iter()
                .zip(&names)
                .filter(|(_, n)| !all.contains(n))
                .map(|(w, _)| w.as_str()),
        );
        let mut budget = Budget::default();
        let missing: Vec<Diagnostic> = layout
            .required
            .iter()
            .filter(|r| !index.contains_key(&r.to_lowercase()))
            .map(|r| {
                // At the near header when there is one, else at the header row's start.
                let near = known
                    .nearest(r, &mut budget)
                    .map(|k| (k, written.iter().position(|n| n == k).unwrap_or(0) + 1));
                let hint = near
                    .map(|(k, _)| format!(" (did you mean \"{k}\"?)"))
                    .unwrap_or_default();
                let col = near.map_or(1, |(_, col)| col);
                Diagnostic::error(
                    name,
                    Some(LineCol { line: 1, col }),
                    format!(
                        "the header has no \"{r}\" column, which {} has{hint}",
                        layout.format
                    ),
                )
            })
            .collect();
        if missing.is_empty() {
            Ok(Columns {
                index,
                header: written,
                count: names.len(),
            })
        } else {
            Err(missing)
        }
    }
}

/// One row's cells, read and checked.
struct Row {
    line: usize,
    id: String,
    date: NaiveDate,
    time_precision: u8,
    event_type: String,
    sub_event_type: String,
    actor1: String,
    assoc1: String,
    actor2: String,
    assoc2: String,
    country: String,
    admin1: String,
    admin2: String,
    location: String,
    lat: f64,
    lon: f64,
    geo_precision: Option<u8>,
    source: String,
    source_scale: String,
    notes: String,
    fatalities: u32,
    civilian_targeting: String,
    tags: String,
    timestamp: Option<i64>,
}

/// Reads cells by column name (any case), collecting every problem of the row.
pub(super) struct Cells<'a> {
    file: &'a str,
    columns: &'a Columns,
    record: &'a csv::StringRecord,
    pub(super) line: usize,
    pub(super) problems: Vec<Diagnostic>,
}

impl<'a> Cells<'a> {
    /// The row's cells; a row shorter than the header is a problem at the first cell it lacks.
    pub(super) fn new(
        file: &'a str,
        columns: &'a Columns,
        record: &'a csv::StringRecord,
        line: usize,
    ) -> Self {
        let mut problems = Vec::new();
        if record.len() < columns.count {
            let at = LineCol {
                line,
                col: record.len() + 1,
            };
            problems.push(Diagnostic::error(
                file,
                Some(at),
                format!(
                    "the row has {} while the header has {}",
                    plural(record.len(), "cell"),
                    plural(columns.count, "column")
                ),
            ));
        }
        Cells {
            file,
            columns,
            record,
            line,
            problems,
        }
    }

    /// Where the column's cell is in this row; the row's first cell when there is no column.
    pub(super) fn at(&self, column: &str) -> LineCol {
        LineCol {
            line: self.line,
            col: self.columns.position(column).map_or(1, |i| i + 1),
        }
    }

    pub(super) fn error(&mut self, column: &str, message: String) {
        let at = self.at(column);
        self.problems
            .push(Diagnostic::error(self.file, Some(at), message));
    }

    /// The cell, trimmed; empty when the column or the cell is missing.
    pub(super) fn text(&self, column: &str) -> String {
        self.columns
            .position(column)
            .and_then(|i| self.record.get(i))
            .map_or_else(String::new, |c| c.trim().to_owned())
    }

    /// The cell, which must not be empty.
    pub(super) fn required(&mut self, column: &str) -> String {
        let t = self.text(column);
        if t.is_empty() {
            self.error(column, format!("{column} is empty"));
        }
        t
    }

    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        let t = self.required(column);
        if t.is_empty() {
            return None;
        }
        let d = parse_date(&t);
        if d.is_none() {
            self.error(
                column,
                format!(
                    "{column} \"{t}\" is not a date such as 2020-12-05, 05 December 2020 or 5-Dec-20"
                ),
            );
        }
        d
    }

    fn degrees(&mut self, column: &str, limit: f64) -> Option<f64> {
        let t = self.required(column);
        if t.is_empty() {
            return None;
        }
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() && (-limit..=limit).contains(&v) => Some(v),
            Ok(_) => {
                self.error(
                    column,
                    format!("{column} {t} is not between -{limit} and {limit}"),
                );
                None
            }
            Err(_) => {
                self.error(column, format!("{column} \"{t}\" is not a number"));
                None
            }
        }
    }

    /// A precision code, 1 to 3; `empty` when the cell is empty or absent.
    fn code(&mut self, column: &str, empty: Option<u8>) -> Option<u8> {
        let t = self.text(column);
        if t.is_empty() {
            return empty;
        }
        match t.parse::<u8>() {
            Ok(v @ 1..=3) => Some(v),
            _ => {
                self.error(column, format!("{column} \"{t}\" is not 1, 2 or 3"));
                empty
            }
        }
    }

    fn parsed<T: std::str::FromStr>(&mut self, column: &str, what: &str) -> Option<T> {
        let t = self.text(column);
        if t.is_empty() {
            return None;
        }
        let v = t.parse().ok();
        if v.is_none() {
            self.error(column, format!("{column} \"{t}\" is not {what}"));
        }
        v
    }
}

impl Row {
    fn read(
        file: &str,
        columns: &Columns,
        record: &csv::StringRecord,
        line: usize,
    ) -> Result<Row, Vec<Diagnostic>> {
        let mut c = Cells::new(file, columns, record, line);
        let id = c.required("event_id_cnty");
        let date = c.date("event_date");
        let time_precision = c.code("time_precision", Some(1));
        let event_type = c.required("event_type");
        let actor1 = c.required("actor1");
        let country = c.required("country");
        let location = c.required("location");
        let lat = c.degrees("latitude", 90.0);
        let lon = c.degrees("longitude", 180.0);
        let geo_precision = c.code("geo_precision", None);
        let source = c.required("source");
        let notes = c.required("notes");
        let fatalities = c.required("fatalities");
        let fatalities = if fatalities.is_empty() {
            None
        } else {
            c.parsed::<u32>("fatalities", "a whole number of people")
        };
        let timestamp = c.parsed::<i64>("timestamp", "a Unix time in seconds");
        let timestamp = match timestamp {
            Some(t) if DateTime::from_timestamp(t, 0).is_none() => {
                c.error("timestamp", format!("timestamp {t} is out of range"));
                None
            }
            t => t,
        };
        // In the order of the columns, as a reader goes along the row.
        c.problems.sort_by_key(|d| d.at.map(|at| at.col));
        let (Some(date), Some(time_precision), Some(lat), Some(lon), Some(fatalities), true) = (
            date,
            time_precision,
            lat,
            lon,
            fatalities,
            c.problems.is_empty(),
        ) else {
            return Err(c.problems);
        };
        Ok(Row {
            line,
            id,
            date,
            time_precision,
            event_type,
            sub_event_type: c.text("sub_event_type"),
            actor1,
            assoc1: c.text("assoc_actor_1"),
            actor2: c.text("actor2"),
            assoc2: c.text("assoc_actor_2"),
            country,
            admin1: c.text("admin1"),
            admin2: c.text("admin2"),
            location,
            lat,
            lon,
            geo_precision,
            source,
            source_scale: c.text("source_scale"),
            notes,
            fatalities,
            civilian_targeting: c.text("civilian_targeting"),
            tags: c.text("tags"),
            timestamp,
        })
    }
}

/// `2020-12-05`, `05 December 2020`, `5 December 2020` or `5-Dec-20`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%d %B %Y", "%d-%b-%y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// The event kind for ACLED's event type and sub-event type (compared without case):
///
/// | ACLED | kind |
/// |---|---|
/// | Battles | `ArmedClash` |
/// | Explosions/Remote violence, sub-event "Air/drone strike" | `DroneStrike` |
/// | Explosions/Remote violence, any other | `Shelling` |
/// | Violence against civilians | `Report`: the model has no kind for violence by one side against people who are not fighting, and `ArmedClash` would say two armed sides fought |
/// | Strategic developments, sub-event "Agreement" | `Diplomatic` |
/// | Protests, Riots, other Strategic developments, anything else | `Report` |
pub fn kind_of(event_type: &str, sub_event_type: &str) -> EventKind {
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if is(event_type, "Battles") {
        EventKind::ArmedClash
    } else if is(event_type, "Explosions/Remote violence") {
        if is(sub_event_type, "Air/drone strike") {
            EventKind::DroneStrike
        } else {
            EventKind::Shelling
        }
    } else if is(event_type, "Strategic developments") && is(sub_event_type, "Agreement") {
        EventKind::Diplomatic
    } else {
        EventKind::Report
    }
}

/// The dataset as it is built, row by row.
struct Builder<'a> {
    parties: Option<&'a PartyMap>,
    places: Vec<Place>,
    place_ids: HashMap<(String, String, String, String), String>,
    used_place_ids: HashSet<String>,
    sources: Vec<Source>,
    events: Vec<Event>,
    event_lines: HashMap<String, usize>,
    mapped_actors: HashSet<String>,
    file: &'a str,
    columns: &'a Columns,
    /// The mapped ACLED actors (by name) of the row being added, for its event's `involves`.
    involves: Vec<String>,
    /// Where each event, claim, place and source came from: its row, and the cell a field
    /// was read from.
    positions: Positions,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str, parties: Option<&'a PartyMap>, columns: &'a Columns) -> Self {
        let mut build = Builder {
            parties,
            places: Vec::new(),
            place_ids: HashMap::new(),
            used_place_ids: HashSet::new(),
            sources: Vec::new(),
            events: Vec::new(),
            event_lines: HashMap::new(),
            mapped_actors: HashSet::new(),
            file,
            columns,
            involves: Vec::new(),
            positions: Positions::default(),
        };
        build.record_columns();
        build
    }

    /// Records that the value at `path` was read from `column` of the row on `line`.
    fn came_from(&mut self, path: String, line: usize, column: &str) {
        let col = self.column_number(column);
        self.positions.record(path, LineCol { line, col });
    }

    /// The 1-based number of the column named `column` (1 if the file lacks it).
    fn column_number(&self, column: &str) -> usize {
        self.columns.index.get(column).map_or(1, |i| i + 1)
    }

    /// Records, once for the file, which column each value of an event and its source is
    /// read from; each row then records only its line.
    fn record_columns(&mut self) {
        for (list, below, column) in [
            ("events", "", "event_id_cnty"),
            ("events", "id", "event_id_cnty"),
            ("events", "when", "event_date"),
            ("events", "title", "sub_event_type"),
            ("events", "summary", "actor1"),
            ("events", "places", "location"),
            ("events", "claims[0]", "notes"),
            ("events", "claims[0].text", "notes"),
            ("events", "claims[0].figures", "fatalities"),
            ("events", "claims[0].said", "timestamp"),
            ("events", "claims[0].sources", "source"),
            ("sources", "", "source"),
        ] {
            let col = self.column_number(column);
            self.positions.column(list, below, col);
        }
    }

    fn add(&mut self, row: Row, diags: &mut Vec<Diagnostic>) {
        let id = format!("acled-{}", slug(&row.id, false));
        if let Some(first) = self.event_lines.get(&id) {
            diags.push(Diagnostic::error(
                self.file,
                Some(LineCol {
                    line: row.line,
                    col: 1,
                }),
                format!(
                    "event_id_cnty \"{}\" makes the event id \"{id}\", as row {first} does",
                    row.id
                ),
            ));
            return;
        }
        self.event_lines.insert(id.clone(), row.line);
        self.positions
            .item_row("events", self.events.len(), row.line);
        self.positions
            .item_row("sources", self.sources.len(), row.line);
        let place = self.place(&row);
        let source_id = format!("{id}-source");
        self.sources.push(Source {
            id: source_id.clone(),
            outlet: row.source.clone(),
            title: None,
            date: None,
            url: None,
            language: "und".to_owned(),
            via: Vec::new(),
            published: None,
            note: (!row.source_scale.is_empty())
                .then(|| format!("ACLED source scale: {}", row.source_scale)),
        });
        let category = if row.sub_event_type.is_empty() {
            &row.event_type
        } else {
            &row.sub_event_type
        };
        let title = if loaded_words_outside_quotes(category).is_empty() {
            format!("{category} in {}", row.location)
        } else {
            format!("“{category}” in {}", row.location)
        };
        self.involves.clear();
        let summary = self.summary(&row);
        let claim = Claim {
            id: format!("{id}-report").into(),
            actor: ACLED_ACTOR.into(),
            said: said(&row),
            kind: ClaimKind::Report,
            text: row.notes.as_str().into(),
            quote: true,
            figures: ThinVec::from([Figure {
                measure: Measure::Killed,
                count: Some(row.fatalities),
                people: People::Unspecified,
                ..Figure::default()
            }]),
            sources: Box::new([Citation {
                source: source_id.into(),
                at: None,
            }]),
            disputes: Default::default(),
            more: More::new(ClaimMore {
                note: claim_note(&row).map(Into::into),
                ..ClaimMore::default()
            }),
        };
        self.events.push(Event {
            file: 0,
            id: id.into(),
            title: title.into(),
            when: when(&row),
            kind: kind_of(&row.event_type, &row.sub_event_type),
            places: Box::new([place.into()]),
            summary: summary.into(),
            claims: Box::new([claim]),
            // By name until the actors get their ids, when the file is finished.
            involves: self.involves.drain(..).collect(),
        });
    }

    /// The place id of the row's location, made the first time it is seen.
    fn place(&mut self, row: &Row) -> String {
        let key = (
            row.country.clone(),
            row.admin1.clone(),
            row.admin2.clone(),
            row.location.clone(),
        );
        if let Some(id) = self.place_ids.get(&key) {
            return id.clone();
        }
        let base = match slug(&row.location, true) {
            s if s.is_empty() => "place".to_owned(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.used_place_ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used_place_ids.insert(id.clone());
        self.place_ids.insert(key, id.clone());
        let path = format!("places[{}]", self.places.len());
        self.came_from(path, row.line, "location");
        let note = row.geo_precision.map(|p| {
            match p {
                1 => "ACLED geo_precision 1: the coordinates are of this place",
                2 => "ACLED geo_precision 2: the event was near this place",
                _ => "ACLED geo_precision 3: only the wider region is known; the coordinates stand for it",
            }
            .to_owned()
        });
        self.places.push(Place {
            id: id.clone(),
            name: row.location.clone(),
            other_names: Vec::new(),
            district: (!row.admin1.is_empty()).then(|| row.admin1.clone()),
            country: row.country.clone(),
            admin: Vec::new(),
            lat: Some(row.lat),
            lon: Some(row.lon),
            coords_source: Some("ACLED".to_owned()),
            boundary_note: None,
            note,
        });
        id
    }

    /// "ACLED codes this event between X and Y." and the parties the party map finds in it.
    fn summary(&mut self, row: &Row) -> String {
        let side = |actor: &str, assoc: &str| {
            if assoc.is_empty() {
                actor.to_owned()
            } else {
                format!("{actor} (with {assoc})")
            }
        };
        let mut out = if row.actor2.is_empty() {
            format!(
                "ACLED codes one actor in this event: {}.",
                side(&row.actor1, &row.assoc1)
            )
        } else {
            format!(
                "ACLED codes this event between {} and {}.",
                side(&row.actor1, &row.assoc1),
                side(&row.actor2, &row.assoc2)
            )
        };
        let Some(map) = self.parties else {
            return out;
        };
        let named = [&row.actor1, &row.actor2]
            .into_iter()
            .map(String::as_str)
            .chain(row.assoc1.split(';').chain(row.assoc2.split(';')))
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let mut involved: Vec<&str> = Vec::new();
        for actor in named {
            if let Some(p) = map.party_of(actor) {
                self.mapped_actors.insert(actor.to_owned());
                if !involved.contains(&p.name.as_str()) {
                    involved.push(&p.name);
                }
                if !self.involves.contains(&actor.to_owned()) {
                    self.involves.push(actor.to_owned());
                }
            }
        }
        if !involved.is_empty() {
            out.push_str(&format!(
                " Parties involved, by the party map: {}.",
                involved.join(", ")
            ));
        }
        out
    }

    /// The mapped parties with an actor in some row, in the map's order (a party with no
    /// actor would not load).
    fn used_parties(&self, parties: Option<&PartyMap>) -> Vec<Party> {
        let Some(map) = parties else {
            return Vec::new();
        };
        map.parties
            .iter()
            .filter(|p| p.actors.iter().any(|a| self.mapped_actors.contains(a)))
            .map(|p| Party {
                id: p.id.clone(),
                name: p.name.clone(),
                adjective: None,
                colour: None,
                side: None,
            })
            .collect()
    }

    /// ACLED, who makes every claim, and each mapped ACLED actor found in a row, with its
    /// party: they make no claims, but they tie the party to the dataset.
    fn actors(&self, parties: Option<&PartyMap>) -> Vec<Actor> {
        let mut out = vec![Actor {
            id: ACLED_ACTOR.to_owned(),
            name: "ACLED".to_owned(),
            role: "conflict event dataset".to_owned(),
            party: None,
            kind: ActorKind::Ngo,
            affiliation: None,
        }];
        let mapped = parties.into_iter().flat_map(|m| &m.parties).flat_map(|p| {
            p.actors
                .iter()
                .filter(|a| self.mapped_actors.contains(*a))
                .map(move |a| (p, a))
        });
        let mut ids: HashSet<String> = HashSet::from([ACLED_ACTOR.to_owned()]);
        for (party, name) in mapped {
            let base = format!("acled-actor-{}", slug(name, true));
            let mut id = base.clone();
            let mut n = 1;
            while !ids.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            let kind = if name.starts_with("Military Forces") {
                ActorKind::Military
            } else if name.starts_with("Government") {
                ActorKind::Government
            } else {
                ActorKind::Other
            };
            out.push(Actor {
                id,
                name: name.clone(),
                role: "actor as ACLED codes it".to_owned(),
                party: Some(party.id.clone()),
                kind,
                affiliation: None,
            });
        }
        out
    }

    fn finish(mut self, name: &str, parties: Option<&PartyMap>) -> DatasetFile {
        let actors = self.actors(parties);
        let id_of: HashMap<&str, &str> = (actors.iter())
            .map(|a| (a.name.as_str(), a.id.as_str()))
            .collect();
        for e in &mut self.events {
            for involved in &mut e.involves {
                if let Some(id) = id_of.get(involved.as_str()) {
                    *involved = (*id).to_owned();
                }
            }
        }
        let base = std::path::Path::new(name)
            .file_name()
            .map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned());
        DatasetFile {
            format: FORMAT_VERSION,
            dataset: DatasetInfo {
                title: format!("ACLED events from {base}"),
                description: "Events of an ACLED (Armed Conflict Location & Event Data) export: \
                    each row is one event, with ACLED's notes as its one claim."
                    .to_owned(),
                curator: "ACLED; imported by Claimline".to_owned(),
                licence: "ACLED's terms of use, as for the export it was imported from".to_owned(),
                notes: None,
                utc_offset: None,
                columns: None,
                focus: None,
            },
            parties: self.used_parties(parties),
            actors,
            places: self.places,
            sources: self.sources,
            events: self.events,
            tours: Vec::new(),
        }
    }
}

/// The event's time at ACLED's time precision.
fn when(row: &Row) -> When {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    match row.time_precision {
        2 => When::new(
            &day(row.date - chrono::Duration::days(3)),
            Precision::Day,
            Some(&day(row.date + chrono::Duration::days(3))),
            None,
        ),
        3 => When::new(
            &row.date.format("%Y-%m").to_string(),
            Precision::Month,
            None,
            None,
        ),
        _ => When::day(&day(row.date)),
    }
}

/// When ACLED said it: the row's timestamp, to the minute in UTC, else the event's date.
fn said(row: &Row) -> When {
    match row.timestamp.and_then(|t| DateTime::from_timestamp(t, 0)) {
        Some(t) => When::new(
            &t.format("%Y-%m-%dT%H:%MZ").to_string(),
            Precision::Exact,
            None,
            None,
        ),
        None => When::day(&row.date.format("%Y-%m-%d").to_string()),
    }
}

fn claim_note(row: &Row) -> Option<String> {
    let parts: Vec<String> = [
        ("civilian_targeting", &row.civilian_targeting),
        ("tags", &row.tags),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("ACLED {k}: {v}"))
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STANDARD: &[u8] = include_bytes!("../../tests/fixtures/acled/standard.csv");

    fn read(bytes: &[u8], parties: Option<&PartyMap>) -> (DatasetFile, Vec<Diagnostic>) {
        match read_acled("standard.csv", bytes, parties) {
            Ok(r) => (r.file, r.warnings),
            Err(d) => panic!("{d:#?}"),
        }
    }

    /// The standard fixture's header and first row, then that row again `n` times over with
    /// ids of its own.
    fn many_rows(n: usize) -> Vec<u8> {
        let text = std::str::from_utf8(STANDARD).unwrap();
        let mut lines = text.lines();
        let (header, row) = (lines.next().unwrap(), lines.next().unwrap());
        let mut out = format!("{header}\n");
        for i in 0..n {
            out.push_str(&row.replacen("NRL1", &format!("R{i}"), 1));
            out.push('\n');
        }
        out.into_bytes()
    }

    #[test]
    fn a_streamed_import_reports_how_far_it_has_read_and_stops_when_told() {
        let bytes = many_rows(10_000);
        let mut seen = Vec::new();
        let imported = read_acled_from("big.csv", &bytes[..], None, &mut |read| {
            seen.push(read);
            true
        })
        .unwrap();
        assert_eq!(imported.file.events.len(), 10_000);
        // Every 4,096 rows, further on each time, never past the end.
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert!(
            seen[0] < seen[1] && seen[1] < bytes.len() as u64,
            "{seen:?}"
        );
        // Cancelled at the first report: nothing, and nothing to report.
        let cancelled = read_acled_from("big.csv", &bytes[..], None, &mut |_| false);
        assert_eq!(cancelled.unwrap_err(), Vec::<Diagnostic>::new());
    }

    fn event<'a>(file: &'a DatasetFile, id: &str) -> &'a Event {
        file.events.iter().find(|e| &*e.id == id).expect(id)
    }

    #[test]
    fn each_row_is_one_event_with_acleds_notes_as_its_claim() {
        let (file, warnings) = read(STANDARD, None);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(file.events.len(), 6);
        assert_eq!(summary(&file), "imported 6 rows as 6 events, 4 places");
        let e = event(&file, "acled-NRL1");
        assert_eq!(&*e.title, "Armed clash in Ashby");
        assert_eq!(e.kind, EventKind::ArmedClash);
        assert_eq!(e.when, When::day("2020-12-05"));
        assert_eq!(*e.places, ["ashby"]);
        assert_eq!(
            &*e.summary.read(),
            "ACLED codes this event between Military Forces of Northland (2003-) and \
             Military Forces of Southland (1999-)."
        );
        let c = &e.claims[0];
        assert_eq!(
            (c.actor.as_str(), c.kind, c.quote),
            ("acled", ClaimKind::Report, true)
        );
        assert!(
            c.text
                .read()
                .contains("near Ashby, with small arms and mortars.")
        );
        // 1607299200 is 2020-12-07 00:00 UTC.
        assert_eq!(&*c.said.at(), "2020-12-07T00:00Z");
        assert_eq!(c.said.precision(), Precision::Exact);
        let f = &c.figures[0];
        assert_eq!(
            (f.measure, f.count, f.people),
            (Measure::Killed, Some(3), People::Unspecified)
        );
        assert_eq!((f.whose.as_deref(), f.more.of.as_deref()), (None, None));
        let s = file
            .sources
            .iter()
            .find(|s| s.id == c.sources[0].source)
            .unwrap();
        assert_eq!(
            (s.outlet.as_str(), s.language.as_str()),
            ("Harbour Post", "und")
        );
        assert_eq!(s.note.as_deref(), Some("ACLED source scale: National"));
        assert_eq!(file.actors[0].kind, ActorKind::Ngo);
    }

    #[test]
    fn dates_precisions_and_kinds_follow_acleds_codes() {
        let (file, _) = read(STANDARD, None);
        // "06 December 2020" at precision 2: the week around it.
        let drone = event(&file, "acled-NRL2");
        assert_eq!(drone.kind, EventKind::DroneStrike);
        assert_eq!(&*drone.when.at(), "2020-12-03");
        assert_eq!(drone.when.end().as_deref(), Some("2020-12-09"));
        assert_eq!(drone.when.precision(), Precision::Day);
        // A note with a newline in it stays one cell.
        assert!(
            drone.claims[0]
                .text
                .read()
                .contains("Brell.\nNo further details")
        );
        // "7 December 2020" at precision 3: the month; a loaded category is ACLED's term.
        let shelling = event(&file, "acled-NRL3");
        assert_eq!(shelling.kind, EventKind::Shelling);
        assert_eq!(&*shelling.when.at(), "2020-12");
        assert_eq!(shelling.when.precision(), Precision::Month);
        assert_eq!(
            &*shelling.title,
            "“Shelling/artillery/missile attack” in Brell"
        );
        assert_eq!(shelling.places, drone.places, "one place for one location");
        // "8-Dec-20", and quoted commas in the notes.
        let taken = event(&file, "acled-NRL4");
        assert_eq!(taken.when, When::day("2020-12-08"));
        assert_eq!(taken.kind, EventKind::Report);
        assert!(
            taken.claims[0]
                .text
                .read()
                .contains("two farmers, a father and his son, were")
        );
        assert_eq!(
            taken.claims[0].more.note.as_deref(),
            Some("ACLED civilian_targeting: Civilian targeting; ACLED tags: local administrators")
        );
        let agreement = event(&file, "acled-NRL5");
        assert_eq!(agreement.kind, EventKind::Diplomatic);
        assert_eq!(
            agreement.claims[0].said,
            When::day("2020-12-09"),
            "no timestamp"
        );
        assert!(
            agreement
                .summary
                .read()
                .contains("Government of Northland (2003-) (with Lantern Council)")
        );
        let protest = event(&file, "acled-NRL6");
        assert_eq!(
            &*protest.summary.read(),
            "ACLED codes one actor in this event: Protesters (Northland)."
        );
    }

    #[test]
    fn places_are_one_per_location_with_coordinates_and_precision() {
        let (file, _) = read(STANDARD, None);
        let ids: Vec<&str> = file.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["ashby", "brell", "corve", "dunmere"]);
        let corve = &file.places[2];
        assert_eq!(corve.name, "Corve");
        assert_eq!(corve.district.as_deref(), Some("Ashby Province"));
        assert_eq!(corve.country, "Northland");
        assert_eq!((corve.lat, corve.lon), (Some(41.3), Some(44.2)));
        assert_eq!(corve.coords_source.as_deref(), Some("ACLED"));
        assert!(corve.note.as_deref().unwrap().contains("near this place"));
    }

    #[test]
    fn the_party_map_names_parties_in_the_summary() {
        let map = PartyMap {
            parties: vec![
                MappedParty {
                    id: "north".into(),
                    name: "Northland".into(),
                    actors: vec![
                        "Military Forces of Northland (2003-)".into(),
                        "Government of Northland (2003-)".into(),
                    ],
                },
                MappedParty {
                    id: "south".into(),
                    name: "Southland".into(),
                    actors: vec![
                        "Military Forces of Southland (1999-)".into(),
                        "Nobody of Southland".into(),
                    ],
                },
            ],
        };
        let (file, warnings) = read(STANDARD, Some(&map));
        let ids: Vec<&str> = file.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["north", "south"]);
        assert!(
            event(&file, "acled-NRL2")
                .summary
                .read()
                .ends_with(" Parties involved, by the party map: Southland, Northland."),
        );
        assert!(
            !event(&file, "acled-NRL6")
                .summary
                .read()
                .contains("party map")
        );
        // Each mapped actor found in a row stands for its party (which needs one to load).
        let actors: Vec<(&str, Option<&str>, ActorKind)> = file
            .actors
            .iter()
            .map(|a| (a.name.as_str(), a.party.as_deref(), a.kind))
            .collect();
        assert_eq!(
            actors,
            [
                ("ACLED", None, ActorKind::Ngo),
                (
                    "Military Forces of Northland (2003-)",
                    Some("north"),
                    ActorKind::Military
                ),
                (
                    "Government of Northland (2003-)",
                    Some("north"),
                    ActorKind::Government
                ),
                (
                    "Military Forces of Southland (1999-)",
                    Some("south"),
                    ActorKind::Military
                ),
            ]
        );
        let (only_north, _) = read(
            STANDARD,
            Some(&PartyMap {
                parties: vec![
                    map.parties[0].clone(),
                    MappedParty {
                        id: "west".into(),
                        name: "Westland".into(),
                        actors: vec!["Nobody of Westland".into()],
                    },
                ],
            }),
        );
        let ids: Vec<&str> = only_north.parties.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["north"], "a party in no row is left out");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].message.contains("\"Nobody of Southland\""));
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let text = "notes,fatalities,source,longitude,latitude,location,country,actor1,event_type,event_date,event_id_cnty\n\
                    \"A, b\",2,Harbour Post,44,41,Ashby,Northland,Someone,Battles,2020-12-05,X 1\n";
        let (file, _) = read(text.as_bytes(), None);
        let e = &file.events[0];
        assert_eq!(&*e.id, "acled-X-1");
        assert_eq!(&*e.title, "Battles in Ashby");
        assert_eq!(&*e.claims[0].text.read(), "A, b");
        assert_eq!(e.claims[0].figures[0].count, Some(2));
        assert_eq!(file.places[0].district, None);
    }

    #[test]
    fn every_bad_cell_is_reported_at_its_row_and_column() {
        let text = "event_id_cnty,event_date,event_type,actor1,country,location,latitude,longitude,source,notes,fatalities,time_precision\n\
                    A,2020-12-05,Battles,X,N,L,123.4,200,S,n,-1,4\n\
                    B,31 Nov 2020,Battles,X,N,L,1,1,,n,0,1\n\
                    C,2020-12-05,Battles,X,N,L,1,1,S,n,0,1\n\
                    C,2020-12-06,Battles,X,N,L,1,1,S,n,0,1\n\
                    D,2020-12-06,Battles,X,N,L,1,1,S,n,0\n";
        let Err(d) = read_acled("t.csv", text.as_bytes(), None) else {
            panic!("bad cells are errors");
        };
        let shown: Vec<String> = d.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "t.csv:2:7: error: latitude 123.4 is not between -90 and 90",
                "t.csv:2:8: error: longitude 200 is not between -180 and 180",
                "t.csv:2:11: error: fatalities \"-1\" is not a whole number of people",
                "t.csv:2:12: error: time_precision \"4\" is not 1, 2 or 3",
                "t.csv:3:2: error: event_date \"31 Nov 2020\" is not a date such as 2020-12-05, 05 December 2020 or 5-Dec-20",
                "t.csv:3:9: error: source is empty",
                "t.csv:5:1: error: event_id_cnty \"C\" makes the event id \"acled-C\", as row 4 does",
                "t.csv:6:12: error: the row has 11 cells while the header has 12 columns",
            ]
        );
    }

    #[test]
    fn dates_in_each_acled_form() {
        for (text, want) in [
            ("2020-12-05", "2020-12-05"),
            ("05 December 2020", "2020-12-05"),
            ("5 December 2020", "2020-12-05"),
            ("5-Dec-20", "2020-12-05"),
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for bad in ["12/05/2020", "2020-12-32", "December 5 2020", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_header_is_recognised_after_a_byte_order_mark() {
        assert!(looks_like_acled(STANDARD));
        assert!(looks_like_acled(
            b"\xEF\xBB\xBF\"event_id_cnty\",\"event_date\"\r\n"
        ));
        assert!(!looks_like_acled(b"id,event_date\nevent_id_cnty\n"));
        assert!(!looks_like_acled(b"(format: 2)"));
    }
}
