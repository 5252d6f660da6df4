//! A claims sheet: a table an analyst keeps in a spreadsheet, one row per claim, read into
//! Claimline's model. Rows that share an `event_id` are one event's claims. The columns, their
//! defaults and the figures syntax are documented in `data/SCHEMA.md` ("Claims sheets"); the
//! same layout is what `claimline export --out x.xlsx` writes, so a sheet round-trips.
//!
//! Read from a CSV file ([`read_claims_csv`]) or from the first sheet of an `.xlsx` or `.ods`
//! workbook whose header row is a claims sheet's ([`read_workbook`]). Every problem is reported
//! at once, each at its row and column (in a workbook, at its cell: `book.xlsx[Sheet1]:C4`).

use crate::model::IdRef;
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Reader};
use serde::de::DeserializeOwned;

use super::table::{self, Columns, csv_error, decode, slug, warning};
use super::{Imported, Positions};
use crate::load::suggest::{Budget, Known};
use crate::load::{Diagnostic, LineCol};
use crate::model::{
    Actor, ActorKind, Bound, Citation, Claim, ClaimKind, ClaimMore, DatasetFile, DatasetInfo,
    Event, EventKind, FORMAT_VERSION, Figure, Granularity, Measure, More, Party, People, Place,
    Precision, Source, When, parse_instant, utc,
};

/// Every column of a claims sheet, in the order the export writes them.
pub const COLUMNS: [&str; 27] = [
    "event_id",
    "event_title",
    "event_time",
    "event_end",
    "event_precision",
    "event_kind",
    "event_places",
    "event_summary",
    "claim_id",
    "party",
    "actor",
    "actor_kind",
    "role",
    "said",
    "said_end",
    "said_precision",
    "kind",
    "text",
    "quote",
    "source_outlet",
    "source_title",
    "source_url",
    "source_date",
    "source_language",
    "places",
    "figures",
    "note",
];

/// The columns a claim cannot be built without.
pub const REQUIRED: [&str; 4] = ["event_id", "actor", "text", "source_outlet"];

/// The columns that describe the event, not the claim: they may be written on the event's
/// first row only, and where repeated must agree.
const EVENT_COLUMNS: [&str; 7] = [
    "event_title",
    "event_time",
    "event_end",
    "event_precision",
    "event_kind",
    "event_places",
    "event_summary",
];

/// What an event's summary is when no row gives one (the model needs one).
pub const NO_SUMMARY: &str = "No summary given in the claims sheet.";
/// An actor's role when no row gives one.
pub const NO_ROLE: &str = "not given in the claims sheet";
/// A place's country when its entry names none.
pub const NO_COUNTRY: &str = "not given";

const EVENT_KINDS: [&str; 11] = [
    "Shelling",
    "DroneStrike",
    "ArmedClash",
    "CasualtyReport",
    "Ceasefire",
    "Diplomatic",
    "Humanitarian",
    "Mission",
    "Statement",
    "Report",
    "Background",
];

const CLAIM_KINDS: [&str; 11] = [
    "Accusation",
    "Denial",
    "CasualtyReport",
    "Appeal",
    "Offer",
    "Assessment",
    "Announcement",
    "Condemnation",
    "Support",
    "Report",
    "Statement",
];

const ACTOR_KINDS: [&str; 10] = [
    "Government",
    "Military",
    "Official",
    "Legislature",
    "Diplomat",
    "InternationalOrganisation",
    "Media",
    "Ngo",
    "Expert",
    "Other",
];

const MEASURES: [&str; 11] = [
    "Killed",
    "Wounded",
    "Missing",
    "DeadOrMissing",
    "Captured",
    "Displaced",
    "BodiesHandedOver",
    "Released",
    "KilledOrWounded",
    "Equipment",
    "Other",
];

/// Whether a header row is a claims sheet's: it names `event_id` and at least two more of
/// its columns (so a sheet with a misspelt required column is still read, and its problem
/// named).
pub fn looks_like_claims_sheet(header: &[&str]) -> bool {
    let names: HashSet<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    names.contains("event_id")
        && COLUMNS
            .iter()
            .filter(|c| **c != "event_id" && names.contains(**c))
            .count()
            >= 2
}

/// [`looks_like_claims_sheet`] for the first line of a CSV file.
pub fn looks_like_claims_csv(bytes: &[u8]) -> bool {
    let cells = table::first_line_cells(bytes);
    looks_like_claims_sheet(&cells.iter().map(String::as_str).collect::<Vec<_>>())
}

/// A table read from a CSV file or a sheet: its header and rows, each with where it stands.
struct Table {
    /// How diagnostics name it: `claims.csv`, `book.xlsx[Sheet1]`.
    file: String,
    header: Vec<String>,
    /// The header's row, and the column (1-based) of the table's first column.
    header_line: usize,
    first_col: usize,
    rows: Vec<TableRow>,
}

struct TableRow {
    line: usize,
    cells: Vec<String>,
}

/// Reads a claims sheet saved as CSV (UTF-8 with or without a byte order mark, else
/// Latin-1; LF or CRLF line ends). `name` is how diagnostics name the file.
pub fn read_claims_csv(name: &str, bytes: &[u8]) -> Result<Imported, Vec<Diagnostic>> {
    let (text, decoded) = decode(name, bytes);
    let mut diags: Vec<Diagnostic> = decoded.into_iter().collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            diags.push(csv_error(name, &e));
            return Err(diags);
        }
        None => {
            diags.push(Diagnostic::error(
                name,
                Some(LineCol { line: 1, col: 1 }),
                "file is empty: expected a claims sheet's header row (event_id, actor, text, source_outlet, ...)",
            ));
            return Err(diags);
        }
    };
    let mut rows = Vec::new();
    for record in records {
        match record {
            Ok(r) => rows.push(TableRow {
                // The row as a spreadsheet program numbers it (a cell with a line break is
                // still one row), as a workbook's cells are named.
                line: r.position().map_or(0, |p| p.record() as usize + 1),
                cells: r.iter().map(str::to_owned).collect(),
            }),
            Err(e) => diags.push(csv_error(name, &e)),
        }
    }
    let table = Table {
        file: name.to_owned(),
        header: header.iter().map(str::to_owned).collect(),
        header_line: 1,
        first_col: 1,
        rows,
    };
    read_table(&table, diags)
}

/// Reads the first sheet of an `.xlsx` or `.ods` workbook whose header row is a claims
/// sheet's. Diagnostics name it `name[Sheet]`, and point at cells. Date cells are read as
/// dates (with their time of day where it is not midnight).
pub fn read_workbook(name: &str, bytes: &[u8]) -> Result<Imported, Vec<Diagnostic>> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        vec![Diagnostic::error(
            name,
            None,
            format!("cannot read the workbook (.xlsx or .ods): {e}"),
        )]
    })?;
    let mut looked_at = Vec::new();
    for (sheet, range) in book.worksheets() {
        let file = format!("{name}[{sheet}]");
        let Some((row0, col0)) = range.start() else {
            looked_at.push(format!("\"{sheet}\" (empty)"));
            continue;
        };
        let mut diags = Vec::new();
        let mut rows = range.rows().enumerate().map(|(i, cells)| {
            let line = row0 as usize + i + 1;
            let cells: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    cell_text(c).unwrap_or_else(|message| {
                        let at = LineCol {
                            line,
                            col: col0 as usize + j + 1,
                        };
                        diags.push(Diagnostic::error(&file, Some(at), message));
                        String::new()
                    })
                })
                .collect();
            TableRow { line, cells }
        });
        let Some(header) = rows.next() else {
            continue;
        };
        let names: Vec<&str> = header.cells.iter().map(String::as_str).collect();
        if !looks_like_claims_sheet(&names) {
            looked_at.push(format!("\"{sheet}\""));
            continue;
        }
        let rows: Vec<TableRow> = rows.collect();
        let table = Table {
            file: file.clone(),
            header: header.cells,
            header_line: header.line,
            first_col: col0 as usize + 1,
            rows,
        };
        return read_table(&table, diags);
    }
    Err(vec![Diagnostic::error(
        name,
        None,
        format!(
            "no sheet has a claims sheet's header row (event_id, actor, text, source_outlet, ...) \
             as its first row; looked at {}",
            if looked_at.is_empty() {
                "no sheets".to_owned()
            } else {
                looked_at.join(", ")
            }
        ),
    )])
}

/// A cell as text: numbers as written (whole numbers without a decimal point), date cells as
/// `YYYY-MM-DD` (and `THH:MM` when not midnight). A spreadsheet error (`#N/A`) is a problem.
fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            match (h, mi, s) {
                (0, 0, 0) => format!("{y:04}-{mo:02}-{day:02}"),
                (_, _, 0) => format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}"),
                _ => format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}"),
            }
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) => iso_cell(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(format!("the cell holds the spreadsheet error {e}")),
    })
}

/// An ODS date cell's ISO text as a claims sheet writes it: the date alone at midnight, and
/// no seconds when they are zero.
fn iso_cell(s: &str) -> String {
    let s = s.strip_suffix(".000").unwrap_or(s);
    if let Some(date) = s.strip_suffix("T00:00:00") {
        return date.to_owned();
    }
    match s.strip_suffix(":00") {
        Some(t) if t.len() == "YYYY-MM-DDTHH:MM".len() => t.to_owned(),
        _ => s.to_owned(),
    }
}

/// The rows of a table with a claims sheet's header, read into a dataset.
fn read_table(t: &Table, mut diags: Vec<Diagnostic>) -> Result<Imported, Vec<Diagnostic>> {
    unknown_columns(t, &mut diags);
    let columns = match Columns::find(
        &t.file,
        &t.header,
        (t.header_line, t.first_col),
        &REQUIRED,
        &COLUMNS,
        "which a claims sheet needs",
    ) {
        Ok(c) => c,
        Err(mut missing) => {
            diags.append(&mut missing);
            diags.sort_by_key(|d| d.at.map(|at| (at.line, at.col)));
            return Err(diags);
        }
    };
    let mut build = Builder::new(&t.file);
    for row in &t.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut cells = Cells {
            file: &t.file,
            columns: &columns,
            row,
            first_col: t.first_col,
            problems: Vec::new(),
        };
        build.row(&mut cells);
        cells.problems.sort_by_key(|d| d.at.map(|at| at.col));
        diags.append(&mut cells.problems);
    }
    let file = build.finish(&mut diags);
    // In reading order, the header's first; a problem of the whole file before them.
    diags.sort_by_key(|d| d.at.map(|at| (at.line, at.col)));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Imported {
        file,
        warnings: diags,
        positions: build.positions,
    })
}

/// A warning for each header cell that names no claims-sheet column, with the one it is
/// nearest to, and for a column named twice.
fn unknown_columns(t: &Table, diags: &mut Vec<Diagnostic>) {
    let known = Known::new(COLUMNS.iter().copied());
    let mut budget = Budget::default();
    let mut seen = HashSet::new();
    for (i, name) in t.header.iter().enumerate() {
        let lower = name.trim().to_lowercase();
        let at = Some(LineCol {
            line: t.header_line,
            col: t.first_col + i,
        });
        if lower.is_empty() {
            continue;
        }
        if !seen.insert(lower.clone()) {
            diags.push(warning(
                &t.file,
                at,
                format!("column \"{lower}\" is named twice: only the first is read"),
            ));
        } else if !COLUMNS.contains(&lower.as_str()) {
            let hint = known
                .nearest(&lower, &mut budget)
                .map(|k| format!(" (did you mean \"{k}\"?)"))
                .unwrap_or_default();
            diags.push(warning(
                &t.file,
                at,
                format!(
                    "column \"{}\" is not a claims-sheet column and is left out{hint}",
                    name.trim()
                ),
            ));
        }
    }
}

/// Reads one row's cells by column name, collecting every problem of the row.
struct Cells<'a> {
    file: &'a str,
    columns: &'a Columns,
    row: &'a TableRow,
    first_col: usize,
    problems: Vec<Diagnostic>,
}

impl Cells<'_> {
    fn at(&self, column: &str) -> LineCol {
        LineCol {
            line: self.row.line,
            col: self.first_col + self.columns.index.get(column).copied().unwrap_or(0),
        }
    }

    fn error(&mut self, column: &str, message: String) {
        let at = self.at(column);
        self.problems
            .push(Diagnostic::error(self.file, Some(at), message));
    }

    /// The cell, trimmed; empty when the column or the cell is missing.
    fn text(&self, column: &str) -> String {
        self.columns
            .index
            .get(column)
            .and_then(|&i| self.row.cells.get(i))
            .map_or_else(String::new, |c| c.trim().to_owned())
    }

    /// The cell, which must not be empty.
    fn required(&mut self, column: &str) -> String {
        let t = self.text(column);
        if t.is_empty() {
            self.error(column, format!("{column} is empty"));
        }
        t
    }

    /// A name of `names` (case, spaces, `-` and `_` aside), as its enum; `None` when empty.
    fn named<T: DeserializeOwned>(&mut self, column: &str, names: &[&str]) -> Option<T> {
        let t = self.text(column);
        if t.is_empty() {
            return None;
        }
        match named(&t, names) {
            Ok(v) => Some(v),
            Err(m) => {
                self.error(column, format!("{column} {m}"));
                None
            }
        }
    }
}

/// `text` as one of `names` (compared without case, spaces, `-` or `_`), parsed as `T`.
fn named<T: DeserializeOwned>(text: &str, names: &[&str]) -> Result<T, String> {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let want = squash(text);
    if let Some(n) = names.iter().find(|n| squash(n) == want)
        && let Ok(v) = ron::from_str::<T>(n)
    {
        return Ok(v);
    }
    let hint = Known::new(names.iter().copied())
        .nearest(text, &mut Budget::default())
        .map(|k| format!(" (did you mean \"{k}\"?)"))
        .unwrap_or_default();
    Err(format!(
        "\"{text}\" is not one of {}{hint}",
        names.join(", ")
    ))
}

/// `yes`, `no`, `true`, `false`, `1`, `0` (any case); empty is no.
fn yes_no(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "n" => Some(false),
        "yes" | "true" | "1" | "y" => Some(true),
        _ => None,
    }
}

/// A precision as a claims sheet writes it: `exact`, `hour`, `day`, `month`, `year`,
/// `night`, `morning`, `afternoon`, `evening`, or `approximate N` (give or take N minutes).
pub fn parse_precision(text: &str) -> Result<Precision, String> {
    use crate::model::PartOfDay;
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    Ok(match words.as_slice() {
        ["exact"] => Precision::Exact,
        ["hour"] => Precision::Hour,
        ["day"] => Precision::Day,
        ["month"] => Precision::Month,
        ["year"] => Precision::Year,
        ["night"] => Precision::PartOfDay(PartOfDay::Night),
        ["morning"] => Precision::PartOfDay(PartOfDay::Morning),
        ["afternoon"] => Precision::PartOfDay(PartOfDay::Afternoon),
        ["evening"] => Precision::PartOfDay(PartOfDay::Evening),
        ["approximate", n] | ["approximate", n, "minutes" | "min"] if n.parse::<u32>().is_ok() => {
            Precision::Approximate {
                minutes: n.parse().unwrap_or(0),
            }
        }
        _ => {
            return Err(format!(
                "\"{text}\" is not a precision: exact, hour, day, month, year, night, morning, \
                 afternoon, evening or approximate N (minutes)"
            ));
        }
    })
}

/// A precision as a claims sheet writes it; [`parse_precision`] reads it back.
pub fn precision_text(p: Precision) -> String {
    match p {
        Precision::Exact => "exact".into(),
        Precision::Hour => "hour".into(),
        Precision::Day => "day".into(),
        Precision::Month => "month".into(),
        Precision::Year => "year".into(),
        Precision::PartOfDay(p) => p.label().into(),
        Precision::Approximate { minutes } => format!("approximate {minutes}"),
    }
}

/// The precision a date or time is written to: a year, a month, a day, or to the minute.
fn precision_as_written(g: Granularity) -> Precision {
    match g {
        Granularity::Year => Precision::Year,
        Granularity::Month => Precision::Month,
        Granularity::Day => Precision::Day,
        Granularity::Minute => Precision::Exact,
    }
}

/// A `When` from a time cell and its precision cell (the precision as written when empty);
/// the problem, and which of the two cells it is in, otherwise.
fn when_of(
    what: &str,
    at: &str,
    end: Option<&str>,
    precision: &str,
) -> Result<When, (bool, String)> {
    // "after 2022-11" or "before 2022-11": a time known only by a bound (`When.open`).
    let (open, at) = match (at.strip_prefix("after "), at.strip_prefix("before ")) {
        (Some(rest), _) => (Some(crate::model::Open::After), rest.trim()),
        (_, Some(rest)) => (Some(crate::model::Open::Before), rest.trim()),
        _ => (None, at),
    };
    let instant = parse_instant(at, utc()).map_err(|e| (false, e.to_string()))?;
    let precision = if precision.is_empty() {
        precision_as_written(instant.granularity)
    } else {
        parse_precision(precision).map_err(|e| (true, format!("{what}_precision {e}")))?
    };
    let when = When::new(at, precision, end.filter(|e| !e.is_empty()), open);
    when.span(utc()).map_err(|e| (false, e.to_string()))?;
    Ok(when)
}

/// A place as a claims sheet names it: `Ashby`, `Ashby (Northland)`,
/// `Ashby (Upper Vale, Northland)` or `Ashby (Upper Vale, Northland @ 41.2, 44.5)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    pub name: String,
    pub district: Option<String>,
    pub country: Option<String>,
    pub coords: Option<(f64, f64)>,
}

impl PlaceEntry {
    fn has_details(&self) -> bool {
        self.district.is_some() || self.country.is_some() || self.coords.is_some()
    }

    /// How a claims sheet writes a place: what [`parse_place`] reads back.
    pub fn of(p: &Place) -> String {
        let mut inner = String::new();
        if let Some(d) = &p.district {
            inner.push_str(d);
            inner.push_str(", ");
        }
        inner.push_str(&p.country);
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            inner.push_str(&format!(" @ {lat}, {lon}"));
        }
        format!("{} ({inner})", p.name)
    }
}

/// Reads one place entry (see [`PlaceEntry`]).
pub fn parse_place(text: &str) -> Result<PlaceEntry, String> {
    let text = text.trim();
    let (name, inner) = match (text.rfind('('), text.strip_suffix(')')) {
        (Some(open), Some(body)) => (text[..open].trim(), Some(&body[open + 1..])),
        _ => (text, None),
    };
    if name.is_empty() {
        return Err(format!("place \"{text}\" has no name"));
    }
    let mut entry = PlaceEntry {
        name: name.to_owned(),
        district: None,
        country: None,
        coords: None,
    };
    let Some(inner) = inner else {
        return Ok(entry);
    };
    let (admin, coords) = match inner.split_once('@') {
        Some((a, c)) => (a.trim(), Some(c.trim())),
        None => (inner.trim(), None),
    };
    let parts: Vec<&str> = admin.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [""] => {}
        [country] => entry.country = Some((*country).to_owned()),
        [district, country] if !district.is_empty() && !country.is_empty() => {
            entry.district = Some((*district).to_owned());
            entry.country = Some((*country).to_owned());
        }
        _ => {
            return Err(format!(
                "place \"{text}\": write its details as (country), (district, country) or \
                 (district, country @ lat, lon)"
            ));
        }
    }
    if let Some(c) = coords {
        let bad = || {
            format!(
                "place \"{text}\": coordinates are written \"@ lat, lon\" in degrees, as \"@ 41.2, 44.5\""
            )
        };
        let (lat, lon) = c.split_once(',').ok_or_else(bad)?;
        let (lat, lon): (f64, f64) = (
            lat.trim().parse().map_err(|_| bad())?,
            lon.trim().parse().map_err(|_| bad())?,
        );
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(format!(
                "place \"{text}\": latitude must be within ±90 and longitude within ±180"
            ));
        }
        entry.coords = Some((lat, lon));
    }
    Ok(entry)
}

/// Reads a figures cell: figures separated by `;`, each
/// `MEASURE [NUMBER] [PEOPLE] [UNIT] [of PARTY[, PARTY...] | of nobody] [as of TIME]`:
///
/// - MEASURE: killed, wounded, missing, dead-or-missing, captured, displaced,
///   bodies-handed-over, released, killed-or-wounded, equipment, other;
/// - NUMBER: `12`, `about 12` (also `at least`, `more than`, `up to`, `nearly`), a range
///   `260-280`, `low 10` (at least), `high 10` (up to), and `best 270` (alone or after a range);
///   none at all for losses acknowledged with no number;
/// - PEOPLE: soldiers (or military), civilians, people (unspecified; the default);
/// - UNIT: for equipment and other only, what is counted: `equipment 22 tanks destroyed`;
/// - `of north` one party's people, `of north, south` several parties', `of nobody` no
///   party's; left out, a tally of everyone;
/// - `as of 2022-10-07` the time the figure stands at.
pub fn parse_figures(text: &str) -> Result<Vec<Figure>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(parse_figure)
        .collect()
}

fn parse_figure(text: &str) -> Result<Figure, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let is = |i: usize, w: &str| lower.get(i).is_some_and(|l| l == w);
    let number = |i: usize| -> Result<u32, String> {
        words.get(i).and_then(|w| w.parse().ok()).ok_or_else(|| {
            format!(
                "figure \"{text}\": a whole number is missing after \"{}\"",
                words[i - 1]
            )
        })
    };
    let measure: Measure =
        named(words[0], &MEASURES).map_err(|e| format!("figure \"{text}\": measure {e}"))?;
    let mut f = Figure {
        measure,
        ..Figure::default()
    };
    let mut i = 1;
    // The number, as stated.
    loop {
        let bound = match (
            lower.get(i).map(String::as_str),
            lower.get(i + 1).map(String::as_str),
        ) {
            (Some("about"), _) => Some((Bound::About, 1)),
            (Some("nearly"), _) => Some((Bound::Nearly, 1)),
            (Some("at"), Some("least")) => Some((Bound::AtLeast, 2)),
            (Some("more"), Some("than")) => Some((Bound::MoreThan, 2)),
            (Some("up"), Some("to")) => Some((Bound::UpTo, 2)),
            _ => None,
        };
        if let Some((bound, n)) = bound {
            f.bound = bound;
            i += n;
            f.count = Some(number(i)?);
            i += 1;
        } else if is(i, "best") || is(i, "low") || is(i, "high") {
            let n = number(i + 1)?;
            match lower[i].as_str() {
                "best" => f.more.edit().best = Some(n),
                "low" => f.more.edit().low = Some(n),
                _ => f.more.edit().high = Some(n),
            }
            i += 2;
        } else if let Some(w) = words
            .get(i)
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            let bad = || {
                format!(
                    "figure \"{text}\": \"{w}\" is not a whole number or a range such as 260-280"
                )
            };
            match w.split_once(['-', '–']) {
                Some((a, b)) => {
                    f.more.edit().low = Some(a.parse().map_err(|_| bad())?);
                    f.more.edit().high = Some(b.parse().map_err(|_| bad())?);
                }
                None => f.count = Some(w.parse().map_err(|_| bad())?),
            }
            i += 1;
        } else {
            break;
        }
    }
    f.people = match lower.get(i).map(String::as_str) {
        Some("soldiers" | "soldier" | "military" | "servicemen") => People::Military,
        Some("civilians" | "civilian") => People::Civilian,
        Some("people" | "unspecified") => People::Unspecified,
        _ => {
            i -= 1;
            People::Unspecified
        }
    };
    i += 1;
    let unit_start = i;
    while i < words.len() && !is(i, "of") && !(is(i, "as") && is(i + 1, "of")) {
        i += 1;
    }
    let unit = words[unit_start..i].join(" ");
    if measure.counts_things() {
        if unit.is_empty() {
            return Err(format!(
                "figure \"{text}\": say what {} counts, as \"equipment 22 tanks destroyed\"",
                words[0]
            ));
        }
        f.more.edit().unit = Some(unit.into());
    } else if !unit.is_empty() {
        return Err(format!(
            "figure \"{text}\": \"{unit}\" is not understood: after the number come soldiers, \
             civilians or people, then \"of\" and the party"
        ));
    }
    if is(i, "of") {
        let start = i + 1;
        i = start;
        while i < words.len() && !(is(i, "as") && is(i + 1, "of")) {
            i += 1;
        }
        let parties: Vec<String> = words[start..i]
            .join(" ")
            .split(',')
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        match parties.as_slice() {
            [] => {
                return Err(format!(
                    "figure \"{text}\": \"of\" needs a party id, or \"nobody\""
                ));
            }
            [one] if one.eq_ignore_ascii_case("nobody") => {
                f.more.edit().of = Some(Default::default())
            }
            [one] => f.whose = Some(one.into()),
            _ => f.more.edit().of = Some(parties.iter().map(IdRef::from).collect()),
        }
    }
    if is(i, "as") && is(i + 1, "of") {
        let Some(t) = words.get(i + 2) else {
            return Err(format!("figure \"{text}\": \"as of\" needs a date or time"));
        };
        parse_instant(t, utc()).map_err(|e| format!("figure \"{text}\": {e}"))?;
        f.more.edit().as_of = Some((*t).into());
        i += 3;
    }
    if i < words.len() {
        return Err(format!(
            "figure \"{text}\": \"{}\" is not understood",
            words[i..].join(" ")
        ));
    }
    Ok(f)
}

/// How a claims sheet writes figures: what [`parse_figures`] reads back.
pub fn figures_text(figures: &[Figure]) -> String {
    figures
        .iter()
        .map(figure_text)
        .collect::<Vec<_>>()
        .join("; ")
}

fn figure_text(f: &Figure) -> String {
    let mut words: Vec<String> = vec![measure_word(f.measure)];
    if let Some(n) = f.count {
        words.push(
            match f.bound {
                Bound::Exact => "",
                Bound::AtLeast => "at least ",
                Bound::MoreThan => "more than ",
                Bound::About => "about ",
                Bound::UpTo => "up to ",
                Bound::Nearly => "nearly ",
            }
            .to_owned()
                + &n.to_string(),
        );
    }
    match (f.more.low, f.more.high) {
        (Some(l), Some(h)) => words.push(format!("{l}-{h}")),
        (Some(l), None) => words.push(format!("low {l}")),
        (None, Some(h)) => words.push(format!("high {h}")),
        (None, None) => {}
    }
    if let Some(b) = f.more.best {
        words.push(format!("best {b}"));
    }
    match (f.people, f.measure.counts_things()) {
        (People::Military, _) => words.push("soldiers".into()),
        (People::Civilian, _) => words.push("civilians".into()),
        (People::Unspecified, false) => words.push("people".into()),
        (People::Unspecified, true) => {}
    }
    if let Some(u) = &f.more.unit {
        words.push(u.to_string());
    }
    match (&f.whose, &f.more.of) {
        (Some(w), _) => words.push(format!("of {w}")),
        (None, Some(of)) if of.is_empty() => words.push("of nobody".into()),
        (None, Some(of)) => words.push(format!("of {}", of.join(", "))),
        (None, None) => {}
    }
    if let Some(t) = &f.more.as_of {
        words.push(format!("as of {t}"));
    }
    words.join(" ")
}

/// `DeadOrMissing` as `dead-or-missing`.
fn measure_word(m: Measure) -> String {
    let mut out = String::new();
    for (i, c) in format!("{m:?}").chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// An event's fields as the rows give them: each column's first value, and where it is.
struct EventDraft {
    id: String,
    line: usize,
    at: LineCol,
    fields: HashMap<&'static str, (String, LineCol)>,
    claims: Vec<ClaimDraft>,
}

/// A claim whose `said` may come from its event's time (known once every row is read).
struct ClaimDraft {
    claim: Claim,
    said: Option<When>,
}

/// The dataset as it is built, row by row.
struct Builder<'a> {
    file: &'a str,
    events: Vec<EventDraft>,
    event_index: HashMap<String, usize>,
    parties: Vec<Party>,
    actors: Vec<Actor>,
    /// By actor name: its index, and the cells its party, role and kind were first read from.
    actor_index: HashMap<String, usize>,
    actor_fields: Vec<HashMap<&'static str, (String, LineCol)>>,
    places: Vec<Place>,
    place_index: HashMap<String, (usize, bool)>,
    sources: Vec<Source>,
    source_index: HashMap<[String; 5], usize>,
    claim_lines: HashMap<String, usize>,
    /// Party ids the figures name, and the cell that names them.
    figure_parties: Vec<(String, LineCol)>,
    positions: Positions,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str) -> Self {
        Builder {
            file,
            events: Vec::new(),
            event_index: HashMap::new(),
            parties: Vec::new(),
            actors: Vec::new(),
            actor_index: HashMap::new(),
            actor_fields: Vec::new(),
            places: Vec::new(),
            place_index: HashMap::new(),
            sources: Vec::new(),
            source_index: HashMap::new(),
            claim_lines: HashMap::new(),
            figure_parties: Vec::new(),
            positions: Positions::default(),
        }
    }

    fn row(&mut self, c: &mut Cells) {
        let event_id = c.required("event_id");
        if !event_id.is_empty() && !is_id(&event_id) {
            c.error(
                "event_id",
                format!("event_id \"{event_id}\" is not an id: use letters, digits and - _ . : / (no spaces)"),
            );
        }
        let e = match self.event_index.get(&event_id) {
            Some(&e) => e,
            None => {
                self.events.push(EventDraft {
                    id: event_id.clone(),
                    line: c.row.line,
                    at: c.at("event_id"),
                    fields: HashMap::new(),
                    claims: Vec::new(),
                });
                self.event_index
                    .insert(event_id.clone(), self.events.len() - 1);
                self.events.len() - 1
            }
        };
        let ep = format!("events[{e}]");
        for column in EVENT_COLUMNS {
            let value = c.text(column);
            if value.is_empty() {
                continue;
            }
            let draft = &mut self.events[e];
            match draft.fields.get(column) {
                None => {
                    draft.fields.insert(column, (value, c.at(column)));
                }
                Some((first, at)) if *first != value => {
                    let message = format!(
                        "{column} \"{value}\" differs from \"{first}\" given for event \"{}\" on row {}: \
                         give the event's fields once, on its first row, or alike",
                        draft.id, at.line
                    );
                    c.error(column, message);
                }
                Some(_) => {}
            }
        }
        let n = self.events[e].claims.len();
        let cp = format!("{ep}.claims[{n}]");
        self.positions.record(
            &cp,
            LineCol {
                line: c.row.line,
                col: c.first_col,
            },
        );
        let id = match c.text("claim_id") {
            t if t.is_empty() => format!("{event_id}-{}", n + 1),
            t => {
                if !is_id(&t) {
                    c.error(
                        "claim_id",
                        format!("claim_id \"{t}\" is not an id: use letters, digits and - _ . : / (no spaces)"),
                    );
                }
                self.positions.record(format!("{cp}.id"), c.at("claim_id"));
                t
            }
        };
        if let Some(first) = self.claim_lines.get(&id) {
            let message = format!("claim id \"{id}\" is given to the claim on row {first} too");
            c.error(
                if c.text("claim_id").is_empty() {
                    "event_id"
                } else {
                    "claim_id"
                },
                message,
            );
        } else {
            self.claim_lines.insert(id.clone(), c.row.line);
        }
        let actors = self.actors_of(c);
        if actors.len() == 1 {
            self.positions.record(format!("{cp}.actor"), c.at("actor"));
        } else {
            self.positions.record(format!("{cp}.actors"), c.at("actor"));
        }
        let said = self.said_of(c);
        if said.is_some() {
            self.positions.record(format!("{cp}.said"), c.at("said"));
        }
        let kind = c
            .named::<ClaimKind>("kind", &CLAIM_KINDS)
            .unwrap_or(ClaimKind::Statement);
        self.positions.record(format!("{cp}.kind"), c.at("kind"));
        let text = c.required("text");
        self.positions.record(format!("{cp}.text"), c.at("text"));
        let quote_text = c.text("quote");
        let quote = yes_no(&quote_text).unwrap_or_else(|| {
            c.error(
                "quote",
                format!("quote \"{quote_text}\" is not yes, no, true, false, 1 or 0"),
            );
            false
        });
        self.positions.record(format!("{cp}.quote"), c.at("quote"));
        let source = self.source_of(c);
        self.positions
            .record(format!("{cp}.sources[0]"), c.at("source_outlet"));
        let places = self.places_of(c, "places");
        for k in 0..places.len() {
            self.positions
                .record(format!("{cp}.places[{k}]"), c.at("places"));
        }
        let figures = match parse_figures(&c.text("figures")) {
            Ok(f) => f,
            Err(m) => {
                c.error("figures", m);
                Vec::new()
            }
        };
        for (k, f) in figures.iter().enumerate() {
            self.positions
                .record(format!("{cp}.figures[{k}]"), c.at("figures"));
            let named = f.whose.iter().chain(f.more.of.iter().flatten());
            self.figure_parties
                .extend(named.map(|p| (p.to_string(), c.at("figures"))));
        }
        let note = Some(c.text("note")).filter(|n| !n.is_empty());
        let (actor, actors) = match actors.as_slice() {
            [one] => (one.clone(), Vec::new()),
            _ => (String::new(), actors),
        };
        self.events[e].claims.push(ClaimDraft {
            claim: Claim {
                id: id.into(),
                actor: actor.into(),
                said: When::day("0000-01-01"),
                kind,
                text: text.into(),
                quote,
                figures: figures.into(),
                sources: source
                    .into_iter()
                    .map(|source| Citation {
                        source: source.into(),
                        at: None,
                    })
                    .collect(),
                disputes: Default::default(),
                more: More::new(ClaimMore {
                    actors: actors.into_iter().map(crate::model::IdRef::from).collect(),
                    places: places.into_iter().map(IdRef::from).collect(),
                    note: note.map(Into::into),
                    ..ClaimMore::default()
                }),
            },
            said,
        });
    }

    /// When the claim was said: its `said` cell (at `said_precision`), else the source's date.
    fn said_of(&self, c: &mut Cells) -> Option<When> {
        let (column, at) = match (c.text("said"), c.text("source_date")) {
            (s, _) if !s.is_empty() => ("said", s),
            (_, d) if !d.is_empty() => ("source_date", d),
            _ => return None,
        };
        let (precision, end) = if column == "said" {
            (c.text("said_precision"), c.text("said_end"))
        } else {
            (String::new(), String::new())
        };
        match when_of("said", &at, Some(&end), &precision) {
            Ok(w) => Some(w),
            Err((in_precision, m)) => {
                // A bad source date is reported once, with the source.
                if column == "said" {
                    let column = match (in_precision, m.contains("end")) {
                        (true, _) => "said_precision",
                        (false, true) if !end.is_empty() => "said_end",
                        _ => "said",
                    };
                    c.error(column, m);
                }
                None
            }
        }
    }

    /// The actors the `actor` cell names (`;` between a joint statement's), each defined the
    /// first time it is seen, with the `party`, `actor_kind` and `role` of that row.
    fn actors_of(&mut self, c: &mut Cells) -> Vec<String> {
        let cell = c.required("actor");
        let names: Vec<&str> = cell
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        let parties_cell = c.text("party");
        let parties: Vec<&str> = parties_cell.split(';').map(str::trim).collect();
        if parties.len() > 1 && parties.len() != names.len() {
            c.error(
                "party",
                format!(
                    "party names {} parties for {} actors: give one party for all, or one per actor",
                    parties.len(),
                    names.len()
                ),
            );
        }
        let kind_text = c.text("actor_kind");
        let kind = c.named::<ActorKind>("actor_kind", &ACTOR_KINDS);
        let role = c.text("role");
        let mut ids = Vec::new();
        for (k, name) in names.iter().enumerate() {
            let party = if parties.len() == names.len() {
                parties[k]
            } else {
                parties[0]
            };
            if !party.is_empty() {
                self.party(c, party);
            }
            let i = match self.actor_index.get(*name) {
                Some(&i) => i,
                None => {
                    let base = match slug(name, true) {
                        s if s.is_empty() => "actor".to_owned(),
                        s => s,
                    };
                    let mut id = base.clone();
                    let mut n = 1;
                    while self.actors.iter().any(|a| a.id == id) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    self.positions
                        .record(format!("actors[{}]", self.actors.len()), c.at("actor"));
                    self.actors.push(Actor {
                        id,
                        name: (*name).to_owned(),
                        role: NO_ROLE.to_owned(),
                        party: None,
                        kind: ActorKind::Other,
                        affiliation: None,
                    });
                    self.actor_fields.push(HashMap::new());
                    self.actor_index
                        .insert((*name).to_owned(), self.actors.len() - 1);
                    self.actors.len() - 1
                }
            };
            ids.push(self.actors[i].id.clone());
            for (column, value) in [
                ("party", party),
                ("actor_kind", kind_text.as_str()),
                ("role", role.as_str()),
            ] {
                if value.is_empty() {
                    continue;
                }
                match self.actor_fields[i].get(column) {
                    None => {
                        self.actor_fields[i].insert(column, (value.to_owned(), c.at(column)));
                        let a = &mut self.actors[i];
                        let field = match column {
                            "party" => {
                                a.party = Some(value.to_owned());
                                "party"
                            }
                            "actor_kind" => {
                                a.kind = kind.unwrap_or(ActorKind::Other);
                                "kind"
                            }
                            _ => {
                                a.role = value.to_owned();
                                "role"
                            }
                        };
                        self.positions.record(format!("actors[{i}].{field}"), c.at(column));
                    }
                    Some((first, at)) if first != value => c.error(
                        column,
                        format!(
                            "{column} \"{value}\" differs from \"{first}\" given for actor \"{name}\" on row {}",
                            at.line
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
        ids
    }

    /// The party of that id, defined (named by its id) the first time it is seen.
    fn party(&mut self, c: &mut Cells, id: &str) {
        if !is_id(id) {
            c.error(
                "party",
                format!(
                    "party \"{id}\" is not an id: use letters, digits and - _ . : / (no spaces)"
                ),
            );
            return;
        }
        if self.parties.iter().all(|p| p.id != id) {
            self.positions
                .record(format!("parties[{}]", self.parties.len()), c.at("party"));
            self.parties.push(Party {
                id: id.to_owned(),
                name: id.to_owned(),
                adjective: None,
                colour: None,
                side: None,
            });
        }
    }

    /// The source of the row: one per distinct outlet, title, address, date and language.
    fn source_of(&mut self, c: &mut Cells) -> Option<String> {
        let outlet = c.required("source_outlet");
        let title = c.text("source_title");
        let url = c.text("source_url");
        let date = c.text("source_date");
        let language = match c.text("source_language") {
            l if l.is_empty() => "und".to_owned(),
            l => l,
        };
        if !date.is_empty() {
            match parse_instant(&date, utc()) {
                Ok(i) if i.granularity == Granularity::Minute => c.error(
                    "source_date",
                    format!("source_date \"{date}\" has a time of day: write the date only (the time goes in said)"),
                ),
                Ok(_) => {}
                Err(e) => c.error("source_date", format!("source_date: {e}")),
            }
        }
        if outlet.is_empty() {
            return None;
        }
        let key = [
            outlet.clone(),
            title.clone(),
            url.clone(),
            date.clone(),
            language.clone(),
        ];
        if let Some(&i) = self.source_index.get(&key) {
            return Some(self.sources[i].id.clone());
        }
        let base = match (slug(&outlet, true), date.as_str()) {
            (s, "") => s,
            (s, d) => format!("{s}-{d}"),
        };
        let base = if base.is_empty() {
            "source".to_owned()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.sources.iter().any(|s| s.id == id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        let i = self.sources.len();
        self.positions
            .record(format!("sources[{i}]"), c.at("source_outlet"));
        for (column, field) in [
            ("source_title", "title"),
            ("source_url", "url"),
            ("source_date", "date"),
            ("source_language", "language"),
        ] {
            if !c.text(column).is_empty() {
                self.positions
                    .record(format!("sources[{i}].{field}"), c.at(column));
            }
        }
        let some = |s: String| (!s.is_empty()).then_some(s);
        self.sources.push(Source {
            id: id.clone(),
            outlet,
            title: some(title),
            date: some(date),
            url: some(url),
            language,
            via: Vec::new(),
            published: None,
            note: None,
        });
        self.source_index.insert(key, i);
        Some(id)
    }

    /// The place ids of a places cell (`;` between entries).
    fn places_of(&mut self, c: &mut Cells, column: &str) -> Vec<String> {
        let cell = c.text(column);
        let at = c.at(column);
        self.places_in(&cell, at, &mut c.problems)
    }

    fn places_in(
        &mut self,
        cell: &str,
        at: LineCol,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<String> {
        let mut ids = Vec::new();
        for entry in cell.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            let entry = match parse_place(entry) {
                Ok(p) => p,
                Err(m) => {
                    problems.push(Diagnostic::error(self.file, Some(at), m));
                    continue;
                }
            };
            let detailed = entry.has_details();
            let place = Place {
                id: String::new(),
                name: entry.name.clone(),
                other_names: Vec::new(),
                district: entry.district.clone(),
                country: entry
                    .country
                    .clone()
                    .unwrap_or_else(|| NO_COUNTRY.to_owned()),
                admin: Vec::new(),
                lat: entry.coords.map(|c| c.0),
                lon: entry.coords.map(|c| c.1),
                coords_source: None,
                boundary_note: None,
                note: None,
            };
            let i = match self.place_index.get(&entry.name).copied() {
                Some((i, had_details)) => {
                    let known = &mut self.places[i];
                    if detailed && !had_details {
                        *known = Place {
                            id: known.id.clone(),
                            ..place
                        };
                        self.place_index.insert(entry.name.clone(), (i, true));
                        self.positions.record(format!("places[{i}]"), at);
                    } else if detailed
                        && (known.district != place.district
                            || known.country != place.country
                            || known.lat != place.lat
                            || known.lon != place.lon)
                    {
                        problems.push(Diagnostic::error(
                            self.file,
                            Some(at),
                            format!(
                                "place \"{}\" is given as \"{}\" here and as \"{}\" before: give its details alike, or once",
                                entry.name,
                                PlaceEntry::of(&place),
                                PlaceEntry::of(known)
                            ),
                        ));
                    }
                    i
                }
                None => {
                    let base = match slug(&entry.name, true) {
                        s if s.is_empty() => "place".to_owned(),
                        s => s,
                    };
                    let mut id = base.clone();
                    let mut n = 1;
                    while self.places.iter().any(|p| p.id == id) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    let i = self.places.len();
                    self.positions.record(format!("places[{i}]"), at);
                    self.places.push(Place { id, ..place });
                    self.place_index.insert(entry.name.clone(), (i, detailed));
                    i
                }
            };
            ids.push(self.places[i].id.clone());
        }
        ids
    }

    /// The events from their drafts, each problem of their fields at its cell.
    fn finish(&mut self, diags: &mut Vec<Diagnostic>) -> DatasetFile {
        let mut events = Vec::new();
        let drafts = std::mem::take(&mut self.events);
        for (e, draft) in drafts.into_iter().enumerate() {
            let ep = format!("events[{e}]");
            self.positions.record(
                &ep,
                LineCol {
                    line: draft.line,
                    col: draft.at.col,
                },
            );
            self.positions.record(format!("{ep}.id"), draft.at);
            let field = |column: &str| draft.fields.get(column).map(|(v, at)| (v.as_str(), *at));
            let mut error =
                |at: LineCol, m: String| diags.push(Diagnostic::error(self.file, Some(at), m));
            let title = match field("event_title") {
                Some((t, at)) => {
                    self.positions.record(format!("{ep}.title"), at);
                    t.to_owned()
                }
                None => draft.id.clone(),
            };
            let summary = match field("event_summary") {
                Some((s, at)) => {
                    self.positions.record(format!("{ep}.summary"), at);
                    s.to_owned()
                }
                None => NO_SUMMARY.to_owned(),
            };
            let kind = match field("event_kind") {
                Some((k, at)) => {
                    self.positions.record(format!("{ep}.kind"), at);
                    named::<EventKind>(k, &EVENT_KINDS).unwrap_or_else(|m| {
                        error(at, format!("event_kind {m}"));
                        EventKind::Report
                    })
                }
                None => EventKind::Report,
            };
            let first_said = draft.claims.first().and_then(|c| c.said.clone());
            let when = match field("event_time") {
                Some((t, at)) => {
                    self.positions.record(format!("{ep}.when"), at);
                    let end = field("event_end");
                    let precision = field("event_precision");
                    match when_of("event", t, end.map(|e| e.0), precision.map_or("", |p| p.0)) {
                        Ok(w) => Some(w),
                        Err((in_precision, m)) => {
                            let at = match (in_precision, precision, end) {
                                (true, Some((_, p)), _) => p,
                                (false, _, Some((_, e))) if m.contains("end") => e,
                                _ => at,
                            };
                            error(at, m);
                            None
                        }
                    }
                }
                None => {
                    if first_said.is_none() {
                        let at = LineCol {
                            line: draft.line,
                            col: draft.at.col,
                        };
                        error(
                            at,
                            format!(
                                "event \"{}\" has no time: give event_time (or the claim's said) on its first row",
                                draft.id
                            ),
                        );
                    }
                    first_said
                }
            };
            let places = match field("event_places") {
                Some((cell, at)) => {
                    let ids = self.places_in(cell, at, diags);
                    for k in 0..ids.len() {
                        self.positions.record(format!("{ep}.places[{k}]"), at);
                    }
                    ids
                }
                None => Vec::new(),
            };
            let when = when.unwrap_or_else(|| When::day("0000-01-01"));
            let claims = draft
                .claims
                .into_iter()
                .map(|d| Claim {
                    said: d.said.unwrap_or_else(|| when.without_end()),
                    ..d.claim
                })
                .collect();
            events.push(Event {
                file: 0,
                id: draft.id.into(),
                title: title.into(),
                when,
                kind,
                places: places.into_iter().map(IdRef::from).collect(),
                summary: summary.into(),
                claims,
                involves: Default::default(),
            });
        }
        for (party, at) in &self.figure_parties {
            if self.parties.iter().all(|p| &p.id != party) {
                let hint = Known::new(self.parties.iter().map(|p| p.id.as_str()))
                    .nearest(party, &mut Budget::default())
                    .map(|k| format!(" (did you mean \"{k}\"?)"))
                    .unwrap_or_default();
                diags.push(Diagnostic::error(
                    self.file,
                    Some(*at),
                    format!(
                        "figures name party \"{party}\", which no row's party column names{hint}"
                    ),
                ));
            }
        }
        let base = std::path::Path::new(self.file).file_name().map_or_else(
            || self.file.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        DatasetFile {
            format: FORMAT_VERSION,
            dataset: DatasetInfo {
                title: format!("Claims from {base}"),
                description: format!("The claims of the claims sheet {base}: one row per claim."),
                curator: "not given in the claims sheet; imported by Claimline".to_owned(),
                licence: "not given in the claims sheet: ask its author".to_owned(),
                notes: None,
                utc_offset: None,
                columns: None,
                focus: None,
            },
            parties: std::mem::take(&mut self.parties),
            actors: std::mem::take(&mut self.actors),
            places: std::mem::take(&mut self.places),
            sources: std::mem::take(&mut self.sources),
            events,
            tours: Vec::new(),
        }
    }
}

/// Whether `text` can be an id: letters, digits and `- _ . : /`.
fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.:/".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_back_as_written() {
        let text = "killed 12 soldiers of north; wounded 3-5 civilians; missing about 4 people of north, south; \
                    killed-or-wounded 260-280 best 270 soldiers of south as of 2022-10-07T12:00; \
                    equipment 22 soldiers tanks destroyed of north; killed soldiers of south; \
                    wounded 2 civilians of nobody; captured low 10 people; released high 7 people";
        let figures = parse_figures(text).unwrap();
        assert_eq!(figures.len(), 9);
        assert_eq!(
            (
                figures[0].measure,
                figures[0].count,
                figures[0].people,
                figures[0].whose.as_deref()
            ),
            (Measure::Killed, Some(12), People::Military, Some("north"))
        );
        assert_eq!(
            (figures[1].more.low, figures[1].more.high),
            (Some(3), Some(5))
        );
        assert_eq!(figures[2].bound, Bound::About);
        assert_eq!(
            figures[2].more.of,
            Some(["north".into(), "south".into()].into())
        );
        assert_eq!(figures[3].more.best, Some(270));
        assert_eq!(figures[3].more.as_of.as_deref(), Some("2022-10-07T12:00"));
        assert_eq!(figures[4].more.unit.as_deref(), Some("tanks destroyed"));
        assert_eq!(figures[5].count, None);
        assert_eq!(figures[6].more.of, Some(Default::default()));
        assert_eq!(parse_figures(&figures_text(&figures)).unwrap(), figures);
        assert_eq!(
            figures_text(&figures[..2]),
            "killed 12 soldiers of north; wounded 3-5 civilians"
        );
    }

    #[test]
    fn bad_figures_say_what_is_wrong() {
        for (text, says) in [
            ("kiled 3", "did you mean \"Killed\""),
            ("killed 3 tanks", "\"tanks\" is not understood"),
            ("equipment 3", "say what equipment counts"),
            ("killed at least soldiers", "a whole number is missing"),
            ("killed 3-x", "not a whole number or a range"),
            ("killed 3 of", "needs a party id"),
        ] {
            let e = parse_figures(text).unwrap_err();
            assert!(e.contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn places_take_their_details_in_brackets() {
        let p = parse_place("Ashby (Upper Vale, Northland @ 41.2, 44.5)").unwrap();
        assert_eq!(
            (
                p.name.as_str(),
                p.district.as_deref(),
                p.country.as_deref(),
                p.coords
            ),
            (
                "Ashby",
                Some("Upper Vale"),
                Some("Northland"),
                Some((41.2, 44.5))
            )
        );
        assert_eq!(parse_place("Brell").unwrap().country, None);
        assert!(parse_place("Brell (a, b, c)").is_err());
        assert!(parse_place("Brell (Northland @ 91, 0)").is_err());
    }

    #[test]
    fn precisions_read_back_as_written() {
        for p in [
            "exact",
            "hour",
            "day",
            "month",
            "year",
            "morning",
            "approximate 30",
        ] {
            assert_eq!(precision_text(parse_precision(p).unwrap()), p);
        }
        assert!(parse_precision("weekly").is_err());
    }

    #[test]
    fn a_header_is_a_claims_sheets_by_its_names() {
        assert!(looks_like_claims_sheet(&["Event_ID", "actor", "text"]));
        assert!(!looks_like_claims_sheet(&["event_id", "event_date"]));
        assert!(looks_like_claims_csv(
            b"\xEF\xBB\xBFevent_id,actor,text\r\n"
        ));
    }
}
