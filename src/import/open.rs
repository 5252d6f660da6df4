//! Opening a file of any kind Claimline reads. Its kind is told from its first bytes: a
//! workbook's signature, a CSV header's column names, or a RON dataset's opening. A RON
//! dataset is parsed by `load`; any other kind goes through its importer. All of them are
//! then validated and merged as one set, so an ACLED export opens beside curated files.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::{GroupMap, Imported, PartyMap, acled};
use crate::load::{self, Diagnostic, LoadOutcome, Parsed, SourceText, Step};

/// The kinds of file Claimline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Claimline dataset (`.ron`).
    Ron,
    /// ACLED's CSV export.
    Acled,
    /// A claims sheet saved as CSV.
    ClaimsSheet,
    /// A TimelineJS sheet saved as CSV.
    TimelineJs,
    /// A workbook (`.xlsx`, `.ods`, `.xls`) holding a claims sheet.
    Workbook,
}

/// What a file of an unknown kind is told Claimline reads.
pub const KINDS_READ: &str = "a Claimline dataset (.ron), an ACLED export (.csv), a claims \
    sheet (.csv, .xlsx or .ods) or a TimelineJS sheet (.csv)";

/// The file names the open dialog offers, by extension.
pub const EXTENSIONS: [&str; 5] = ["ron", "csv", "xlsx", "ods", "xls"];

/// A file as read from disk: its name in diagnostics, its bytes, and the mapping file found
/// beside it (an ACLED export's party map, a TimelineJS sheet's group map).
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
    /// A file too large to hold whole, read row by row from here when it is opened: `bytes`
    /// then holds only its start, which tells its kind.
    pub stream: Option<PathBuf>,
    pub map: Option<SourceText>,
}

impl Input {
    /// A text already in memory (the bundled dataset, a test's file).
    pub fn text(src: SourceText) -> Input {
        Input {
            name: src.name,
            bytes: src.text.into_bytes(),
            stream: None,
            map: None,
        }
    }
}

/// Where the mapping file of an ACLED export (its party map) or a TimelineJS sheet (its
/// group map) is looked for: beside it, named after it (`export.csv` → `export.parties.ron`,
/// `timeline.csv` → `timeline.groups.ron`).
pub fn map_path(path: &Path, kind: Kind) -> Option<PathBuf> {
    match kind {
        Kind::Acled => Some(path.with_extension("parties.ron")),
        Kind::TimelineJs => Some(path.with_extension("groups.ron")),
        _ => None,
    }
}

/// The mapping files a file may have beside it, whichever kind it turns out to be: what the
/// window watches with it, so that writing or editing a party map reloads the export.
pub fn maps_beside(path: &Path) -> Vec<PathBuf> {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        return Vec::new();
    }
    [Kind::Acled, Kind::TimelineJs]
        .into_iter()
        .filter_map(|k| map_path(path, k))
        .collect()
}

/// How much of a file too large to hold whole is read to tell its kind.
const HEAD_BYTES: u64 = 64 * 1024;

/// An ACLED export larger than this is read row by row rather than held whole: its rows are
/// turned into events one at a time, so its text need never be in memory at once.
pub const STREAM_ACLED_ABOVE: u64 = 128 * 1024 * 1024;

/// Reads a file (or standard input for `-`), with the party map beside a CSV file if there
/// is one. A large ACLED export is streamed rather than read whole; any other file is read
/// whole, up to the limit the memory available sets (`load::size_limit`).
pub fn read_input(path: &Path) -> Result<Input, Diagnostic> {
    read_input_observed(path, &|_| {})
}

/// [`read_input`], telling `read` each time more bytes have been read.
pub fn read_input_observed(path: &Path, read: &dyn Fn(u64)) -> Result<Input, Diagnostic> {
    let name = load::input_name(path);
    let mut stream = None;
    let bytes = match path.to_str() {
        Some("-") => load::read_input_bytes(path)?,
        _ => {
            let (file, len) = load::open_regular(path)?;
            let mut head = Vec::new();
            std::io::Read::read_to_end(&mut std::io::Read::take(file, HEAD_BYTES), &mut head)
                .map_err(|e| Diagnostic::error(&name, None, format!("cannot read: {e}")))?;
            if len > STREAM_ACLED_ABOVE && kind_of(&name, &head) == Some(Kind::Acled) {
                stream = Some(path.to_path_buf());
                read(head.len() as u64);
                head
            } else {
                load::read_input_bytes_observed(path, read)?
            }
        }
    };
    let map = match kind_of(&name, &bytes).and_then(|k| map_path(path, k)) {
        Some(map) if map.is_file() => Some(load::read_file(&map)?),
        _ => None,
    };
    Ok(Input {
        name,
        bytes,
        stream,
        map,
    })
}

/// Whether the text opens as a RON dataset does: a bracket, a comment or an attribute,
/// after an optional byte order mark and white space.
fn opens_like_ron(bytes: &[u8]) -> bool {
    let start = super::table::without_bom(bytes).trim_ascii_start();
    start.is_empty()
        || [&b"("[..], b"//", b"/*", b"#!"]
            .iter()
            .any(|p| start.starts_with(p))
}

/// The file's kind, or none when it is none Claimline reads.
pub fn kind_of(name: &str, bytes: &[u8]) -> Option<Kind> {
    // Zip (xlsx, ods) and OLE (xls) containers.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some(Kind::Workbook);
    }
    let header: Vec<String> = (super::table::first_line_cells(bytes).iter())
        .map(|c| c.to_lowercase())
        .collect();
    if acled::looks_like_acled(bytes) {
        return Some(Kind::Acled);
    }
    let cells: Vec<&str> = header.iter().map(String::as_str).collect();
    if super::timelinejs::looks_like_timelinejs(&cells) {
        return Some(Kind::TimelineJs);
    }
    if super::sheet::looks_like_claims_sheet(&cells) {
        return Some(Kind::ClaimsSheet);
    }
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    let is_ron = ext.as_deref() == Some("ron");
    let is_sheet = ext.as_deref().is_some_and(|e| EXTENSIONS[1..].contains(&e));
    (is_ron || (!is_sheet && opens_like_ron(bytes))).then_some(Kind::Ron)
}

/// Reads a file of a kind other than RON into the model, telling `observe` how far it is.
fn import(
    kind: Kind,
    input: &Input,
    observe: &mut dyn FnMut(Step) -> bool,
) -> Result<Imported, Vec<Diagnostic>> {
    match kind {
        Kind::Acled => {
            let map = match &input.map {
                Some(src) => Some(PartyMap::parse(src).map_err(|d| vec![d])?),
                None => None,
            };
            let mut progress = |read| observe(Step::Read(read));
            match &input.stream {
                Some(path) => {
                    let (file, _) = load::open_regular(path).map_err(|d| vec![d])?;
                    acled::read_acled_from(&input.name, file, map.as_ref(), &mut progress)
                }
                None => acled::read_acled_from(
                    &input.name,
                    &input.bytes[..],
                    map.as_ref(),
                    &mut progress,
                ),
            }
        }
        Kind::ClaimsSheet => super::sheet::read_claims_csv(&input.name, &input.bytes),
        Kind::Workbook => super::sheet::read_workbook(&input.name, &input.bytes),
        Kind::TimelineJs => {
            let map = match &input.map {
                Some(src) => Some(GroupMap::parse(src)?),
                None => None,
            };
            super::timelinejs::read_timelinejs(&input.name, &input.bytes, map.as_ref())
        }
        Kind::Ron => unreachable!("RON is parsed by load"),
    }
}

/// One input parsed into the model: a RON text, or an imported file with the warnings its
/// import found.
fn parse(
    input: Input,
    observe: &mut dyn FnMut(Step) -> bool,
) -> Result<(Parsed<'static>, Vec<Diagnostic>), Vec<Diagnostic>> {
    // An import names a few actors and sources on every row: one copy of each.
    let _shared_ids = crate::model::Interning::begin();
    match kind_of(&input.name, &input.bytes) {
        Some(Kind::Ron) => {
            let src = load::decode(&input.name, input.bytes).map_err(|d| vec![d])?;
            let file = load::parse_observed(&src, &mut |bytes| observe(Step::Read(bytes)))?;
            let parsed = Parsed {
                src: Cow::Owned(src),
                file,
                positions: None,
            };
            Ok((parsed, Vec::new()))
        }
        Some(kind) => {
            let imported = import(kind, &input, observe)?;
            let parsed = Parsed {
                src: Cow::Owned(SourceText {
                    name: input.name,
                    text: String::new(),
                }),
                file: imported.file,
                positions: Some(imported.positions),
            };
            Ok((parsed, imported.warnings))
        }
        None => Err(vec![Diagnostic::error(
            &input.name,
            None,
            format!("cannot tell what kind of file this is: Claimline reads {KINDS_READ}"),
        )]),
    }
}

/// Parses, validates and merges files of any kind, telling `observe` as each step begins;
/// when it returns false (the user cancelled), the load stops there with no dataset.
pub fn load_inputs_observed(
    inputs: Vec<Input>,
    observe: &mut dyn FnMut(Step) -> bool,
) -> LoadOutcome {
    if !observe(Step::Parsing) {
        return LoadOutcome::default();
    }
    let count = inputs.len();
    let mut parsed = Vec::new();
    let mut diagnostics = Vec::new();
    for input in inputs {
        match parse(input, observe) {
            Ok((p, mut warnings)) => {
                parsed.push(p);
                diagnostics.append(&mut warnings);
            }
            Err(mut d) => diagnostics.append(&mut d),
        }
    }
    load::merge_parsed(parsed, diagnostics, count, observe)
}

/// [`load_inputs_observed`] without observing.
pub fn load_inputs(inputs: Vec<Input>) -> LoadOutcome {
    load_inputs_observed(inputs, &mut |_| true)
}

/// Reads, parses, validates and merges files from disk (`-` is standard input).
pub fn load_paths(paths: &[PathBuf]) -> LoadOutcome {
    load_paths_after(Vec::new(), paths)
}

/// [`load_paths`] after the bundled dataset: what tour files opened alone walk through.
pub fn load_paths_after_bundled(paths: &[PathBuf]) -> LoadOutcome {
    let bundled = Input::text(load::SourceText {
        name: load::BUNDLED_NAME.to_owned(),
        text: load::BUNDLED_TEXT.to_owned(),
    });
    load_paths_after(vec![bundled], paths)
}

fn load_paths_after(mut inputs: Vec<Input>, paths: &[PathBuf]) -> LoadOutcome {
    let mut unreadable = Vec::new();
    for p in paths {
        match read_input(p) {
            Ok(input) => inputs.push(input),
            Err(d) => unreadable.push(d),
        }
    }
    let mut out = load_inputs(inputs);
    if !unreadable.is_empty() {
        out.dataset = None;
        out.diagnostics.append(&mut unreadable);
        // Report in the order the files were given (the sort is stable within a file).
        let names: Vec<String> = paths.iter().map(|p| load::input_name(p)).collect();
        out.diagnostics
            .sort_by_key(|d| names.iter().position(|n| *n == d.file));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_kind_is_told_from_its_first_bytes() {
        let kind = |name: &str, text: &str| kind_of(name, text.as_bytes());
        assert_eq!(kind("a.ron", "(format: 2)"), Some(Kind::Ron));
        assert_eq!(kind("-", "// a dataset\n(format: 2)"), Some(Kind::Ron));
        assert_eq!(kind("a.ron", "garbage"), Some(Kind::Ron));
        assert_eq!(
            kind("x.csv", "\u{feff}event_id_cnty,event_date,year\n"),
            Some(Kind::Acled)
        );
        assert_eq!(
            kind("t.csv", "Year,Month,Day,Time,Headline,Text\r\n"),
            Some(Kind::TimelineJs)
        );
        assert_eq!(
            kind("c.csv", "\"event_id\",actor,text\n"),
            Some(Kind::ClaimsSheet)
        );
        assert_eq!(kind("b.xlsx", "PK\u{3}\u{4}rest"), Some(Kind::Workbook));
        assert_eq!(kind("p.csv", "name,count\n"), None);
        assert_eq!(kind("p.txt", "hello"), None);
    }

    #[test]
    fn a_file_of_no_kind_read_is_refused_naming_the_kinds() {
        let out = load_inputs(vec![Input::text(SourceText {
            name: "people.csv".into(),
            text: "name,count\nAshby,3\n".into(),
        })]);
        assert!(out.dataset.is_none());
        let d = &out.diagnostics[0];
        assert!(d.message.contains("cannot tell what kind"), "{d}");
        assert!(d.message.contains("ACLED export"), "{d}");
    }
}
