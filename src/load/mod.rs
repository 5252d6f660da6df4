//! Reading dataset files: bytes → text → [`DatasetFile`] → validated, merged [`Dataset`].
//! Every problem becomes a [`Diagnostic`] naming the file, line and column; a load with any
//! error yields no dataset, so a caller can keep what it had.

pub mod cache;
mod items;
pub(crate) mod locate;
mod positions;
pub mod split;
pub(crate) mod suggest;
mod validate;

pub use locate::{LineCol, Path, Seg, value_positions};
pub use positions::Positions;

use std::fmt;
use std::io::Read;

use crate::model::{Dataset, DatasetFile, TourFile};

/// The share of the memory available that one file may take. Loading peaks at several times
/// the file's size (measured: a 1.19 GB RON file peaked at 7.5 GB, about 6x; a 2.5 M-event
/// ACLED-shaped file was killed at 22.7 GB, over 8x), so a file larger than an eighth would
/// leave the machine swapping or killed rather than open.
pub const MEMORY_SHARE: u64 = 8;

/// The limit where the memory available cannot be told (not Linux, or no `/proc`): generous,
/// since a million-event file is 1.2 GB.
pub const FIXED_LIMIT_BYTES: u64 = 4 * 1000 * 1000 * 1000;

/// How large a file may be read, given the memory available in bytes (none when it cannot be
/// told): an eighth of it, else [`FIXED_LIMIT_BYTES`].
pub fn size_limit(available: Option<u64>) -> u64 {
    match available {
        Some(bytes) => bytes / MEMORY_SHARE,
        None => FIXED_LIMIT_BYTES,
    }
}

/// The memory available to start new work without swapping, in bytes: `MemAvailable` in
/// `/proc/meminfo` (Linux), else none.
pub fn memory_available() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    mem_available_in(&text)
}

/// `MemAvailable` from the text of `/proc/meminfo`, in bytes (the file gives kB).
fn mem_available_in(meminfo: &str) -> Option<u64> {
    let line = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemAvailable:"))?;
    let kb: u64 = line.trim().strip_suffix("kB")?.trim().parse().ok()?;
    kb.checked_mul(1024)
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    /// Something a curator should fix, though the file still loads.
    Warning,
    /// Information about the data, nothing to fix (a place the sources give no coordinates
    /// for): `check --verbose` lists them, the status bar does not count them.
    Note,
}

/// One problem, printed as `file:line:col: error: message` (the compilers' convention).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub file: String,
    /// Absent for problems with the file as a whole (cannot be read, too large).
    pub at: Option<LineCol>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, at: Option<LineCol>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            at,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    pub fn is_note(&self) -> bool {
        self.severity == Severity::Note
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match self.at {
            // A workbook's sheet (`book.xlsx[Sheet1]`) is pointed into by cell, as a
            // spreadsheet program names it.
            Some(at) if is_sheet(&self.file) => write!(
                f,
                "{}:{}: {level}: {}",
                self.file,
                cell_name(at),
                self.message
            ),
            Some(at) => write!(
                f,
                "{}:{}:{}: {level}: {}",
                self.file, at.line, at.col, self.message
            ),
            None => write!(f, "{}: {level}: {}", self.file, self.message),
        }
    }
}

/// Whether a diagnostic's file is one sheet of a workbook, named `book.xlsx[Sheet1]`: its
/// positions are cells (row, column), not lines of text.
pub fn is_sheet(file: &str) -> bool {
    file.ends_with(']') && file.contains('[')
}

/// A cell's name as spreadsheets write it: column letters, then the row (`A12`, `AB3`).
pub fn cell_name(at: LineCol) -> String {
    let mut letters = Vec::new();
    let mut n = at.col.max(1);
    while n > 0 {
        let d = (n - 1) % 26;
        letters.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8(letters).unwrap_or_default(),
        at.line
    )
}

/// A file's name (as shown to the user) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

/// Reads a file from disk, refusing what is not a regular file, too large or not UTF-8.
pub fn read_file(path: &std::path::Path) -> Result<SourceText, Diagnostic> {
    let name = path.display().to_string();
    decode(&name, read_file_bytes(path)?)
}

/// [`read_file`] without the UTF-8 check: the bytes, for formats that may come in another
/// encoding (a CSV export).
pub fn read_file_bytes(path: &std::path::Path) -> Result<Vec<u8>, Diagnostic> {
    read_file_bytes_observed(path, &|_| {})
}

/// [`read_file_bytes`], telling `read` each time more bytes have been read (a file of
/// gigabytes takes seconds to read).
pub fn read_file_bytes_observed(
    path: &std::path::Path,
    read: &dyn Fn(u64),
) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    let (file, len) = open_regular(path)?;
    let available = memory_available();
    let limit = size_limit(available);
    if len > limit {
        return Err(Diagnostic::error(
            &name,
            None,
            too_large(len, available, limit),
        ));
    }
    // Into one buffer of the file's size: read_to_end alone would grow it by doubling, and a
    // 1.2 GB file would then briefly take 2 GB or more.
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(len as usize + 1)
        .map_err(|_| Diagnostic::error(&name, None, too_large(len, available, limit)))?;
    read_bounded_into(&name, file, (limit, available), bytes, read)
}

/// Opens a regular file for reading, refusing anything else (a FIFO, a device, a folder)
/// without waiting on it; with its length.
pub fn open_regular(path: &std::path::Path) -> Result<(std::fs::File, u64), Diagnostic> {
    let name = path.display().to_string();
    let fail = |m: String| Diagnostic::error(&name, None, m);
    // Looked at before opening: opening a FIFO waits for a writer, and a device may never end.
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    refuse_special(&meta).map_err(fail)?;
    let file = open_without_waiting(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    // What was opened may not be what was looked at, if the name changed hands in between.
    let meta = file
        .metadata()
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    refuse_special(&meta).map_err(fail)?;
    Ok((file, meta.len()))
}

/// What `-` names on the command line: standard input, whatever it is (a pipe, a file).
pub const STDIN_NAME: &str = "<stdin>";

/// Reads standard input, with the limits of [`read_file`].
pub fn read_stdin() -> Result<SourceText, Diagnostic> {
    decode(
        STDIN_NAME,
        read_bounded(STDIN_NAME, std::io::stdin().lock())?,
    )
}

/// The bytes of standard input for `-`, else of the file, with the limits of [`read_file`]
/// but no UTF-8 check.
pub fn read_input_bytes(path: &std::path::Path) -> Result<Vec<u8>, Diagnostic> {
    read_input_bytes_observed(path, &|_| {})
}

/// [`read_input_bytes`], telling `read` each time more bytes of a file have been read.
pub fn read_input_bytes_observed(
    path: &std::path::Path,
    read: &dyn Fn(u64),
) -> Result<Vec<u8>, Diagnostic> {
    if path == std::path::Path::new("-") {
        read_bounded(STDIN_NAME, std::io::stdin().lock())
    } else {
        read_file_bytes_observed(path, read)
    }
}

/// [`read_stdin`] for `-`, [`read_file`] for any other path.
pub fn read_input(path: &std::path::Path) -> Result<SourceText, Diagnostic> {
    if path == std::path::Path::new("-") {
        read_stdin()
    } else {
        read_file(path)
    }
}

/// How a path given on the command line is named in diagnostics.
pub fn input_name(path: &std::path::Path) -> String {
    if path == std::path::Path::new("-") {
        STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    }
}

fn refuse_special(meta: &std::fs::Metadata) -> Result<(), String> {
    if meta.is_dir() {
        Err("is a directory, not a dataset file".into())
    } else if !meta.is_file() {
        Err("is not a regular file".into())
    } else {
        Ok(())
    }
}

/// Opens for reading without waiting: a FIFO that became the file after it was looked at
/// opens at once (and is then refused) instead of blocking until someone writes to it.
fn open_without_waiting(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Reads at most the size limit (and one byte more, to tell that it was exceeded).
fn read_bounded(name: &str, r: impl Read) -> Result<Vec<u8>, Diagnostic> {
    let available = memory_available();
    let limits = (size_limit(available), available);
    read_bounded_into(name, r, limits, Vec::new(), &|_| {})
}

/// How much is read between two reports to the observer of [`read_bounded_into`]: a few
/// hundredths of a second from a disk.
const READ_CHUNK: u64 = 16 << 20;

/// [`read_bounded`] into `bytes`, whose capacity may already be the size expected; the
/// file may have grown since its size was looked at, so the limit still holds. `limits`
/// are the size limit and the memory available it comes from; `read` hears each chunk.
fn read_bounded_into(
    name: &str,
    r: impl Read,
    (limit, available): (u64, Option<u64>),
    mut bytes: Vec<u8>,
    read: &dyn Fn(u64),
) -> Result<Vec<u8>, Diagnostic> {
    let mut r = r.take(limit + 1);
    loop {
        let n = (&mut r)
            .take(READ_CHUNK)
            .read_to_end(&mut bytes)
            .map_err(|e| Diagnostic::error(name, None, format!("cannot read: {e}")))?;
        if n == 0 {
            break;
        }
        read(n as u64);
    }
    if bytes.len() as u64 > limit {
        return Err(Diagnostic::error(
            name,
            None,
            too_large(bytes.len() as u64, available, limit),
        ));
    }
    Ok(bytes)
}

/// Why a file is refused for its size: its size, the memory available and the limit.
fn too_large(len: u64, available: Option<u64>, limit: u64) -> String {
    match available {
        Some(available) => format!(
            "file is too large ({}; {} of memory is available, and a file may take at most \
             an eighth of it, {})",
            size(len),
            size(available),
            size(limit)
        ),
        None => format!(
            "file is too large ({}; the limit is {})",
            size(len),
            size(limit)
        ),
    }
}

/// A size in bytes as people read it: MB under a gigabyte, else GB to a tenth.
pub fn size(bytes: u64) -> String {
    if bytes < 1_000_000_000 {
        format!("{:.0} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} GB", bytes as f64 / 1e9)
    }
}

/// Checks that bytes are UTF-8 text, pointing at the first byte that is not.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<SourceText, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceText {
            name: name.to_owned(),
            text,
        }),
        Err(e) => {
            let bytes = e.as_bytes();
            let offset = e.utf8_error().valid_up_to();
            let at = locate::line_col_of_byte(bytes, offset);
            Err(Diagnostic::error(
                name,
                Some(at),
                format!(
                    "not UTF-8 text (byte 0x{:02X}); is this a dataset file?",
                    bytes[offset]
                ),
            ))
        }
    }
}

/// Parses one file's text. RON syntax and type errors come back with their line and column:
/// every type error in the file's items, but only the first syntax error.
pub fn parse(src: &SourceText) -> Result<DatasetFile, Vec<Diagnostic>> {
    parse_observed(src, &mut |_| true)
}

/// [`parse`], telling `observe` how many bytes of a large file are parsed as it goes (a
/// small one, or one the parallel parse leaves to the whole-file parse, tells nothing).
/// When `observe` returns false the parse stops, with no file and no diagnostics.
pub fn parse_observed(
    src: &SourceText,
    observe: &mut dyn FnMut(u64) -> bool,
) -> Result<DatasetFile, Vec<Diagnostic>> {
    if TourFile::is_named(&src.name) {
        let expected = "a tour file `(format: 2, tours: [...])`";
        let tours: TourFile = parse_as(src, expected).map_err(|d| vec![d])?;
        return Ok(tours.into_dataset_file());
    }
    // The claims name a few actors and sources again and again: one copy of each.
    let _shared_ids = crate::model::Interning::begin();
    let text = without_bom(&src.text);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if text.len() >= split::PARALLEL_FROM_BYTES && threads > 1 {
        match split::parse_observed(text, &ron_options(), threads, observe) {
            split::Split::Parsed(file) => return Ok(file),
            split::Split::Cancelled => return Err(Vec::new()),
            split::Split::Unsure => {}
        }
    }
    parse_as(src, "a dataset `(format: 2, ...)`")
        .map_err(|first| items::every_error(&src.name, without_bom(&src.text), first))
}

fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// How every file is read: optional values may be written bare (`lat: 40.2`).
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses a RON text into `T` (a dataset, a saved view), with errors at their line and
/// column; `expected` names what an empty file should have held.
pub fn parse_as<T: serde::de::DeserializeOwned>(
    src: &SourceText,
    expected: &str,
) -> Result<T, Diagnostic> {
    let text = without_bom(&src.text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            &src.name,
            Some(LineCol { line: 1, col: 1 }),
            format!("file is empty: expected {expected}"),
        ));
    }
    ron_options()
        .from_str::<T>(text)
        .map_err(|e| ron_error(&src.name, text, &e))
}

/// A ron error in the whole of `text`, at its line and column.
fn ron_error(name: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let at = LineCol {
        line: e.span.start.line,
        col: e.span.start.col,
    };
    let mut message = ron_message(&e.code);
    // An error on the last line of a file that does not close is almost always a
    // truncated file: say so, rather than only which token was expected.
    let body = text.trim_end();
    if at.line >= body.lines().count() && e.code != ron::Error::Eof && !body.ends_with(')') {
        message.push_str(" (the file ends here: is it incomplete?)");
    }
    Diagnostic::error(name, Some(at), message)
}

fn ron_message(e: &ron::Error) -> String {
    match e {
        ron::Error::Eof => {
            "unexpected end of file: the file is incomplete (a closing bracket or value is missing)"
                .to_owned()
        }
        ron::Error::ExceededRecursionLimit => {
            "nested too deeply (more than 128 levels of brackets)".to_owned()
        }
        other => other.to_string(),
    }
}

/// What loading a set of files produced: a dataset if there were no errors, and every diagnostic.
#[derive(Debug, Clone, Default)]
pub struct LoadOutcome {
    pub dataset: Option<Dataset>,
    pub diagnostics: Vec<Diagnostic>,
    /// The parties, actors, places and sources that several files define alike, each one
    /// item in the dataset, by pair of files.
    pub shared: Vec<Shared>,
}

/// Items that two files define identically: the dataset holds each once, as `files[0]`
/// (the first of the two in the canonical order of the files) defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub files: [String; 2],
    /// Per kind ("party", "actor", "place", "source", in that order), the ids, sorted.
    pub items: Vec<(&'static str, Vec<String>)>,
}

impl LoadOutcome {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_warning()).count()
    }

    pub fn note_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_note()).count()
    }
}

/// The steps of [`load_texts_observed`], reported as each begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Parsing,
    /// Bytes of the input read so far, as a streamed import goes.
    Read(u64),
    Checking,
    /// How far checking is: events gone through so far, of the files' events times the
    /// passes checking makes over them.
    Checked {
        done: usize,
        of: usize,
    },
}

/// One file parsed into the model, with how to find where its values stand: its RON text
/// (walked for positions only when a problem needs them), or the table an importer made of
/// the rows and columns it read.
pub struct Parsed<'a> {
    pub src: std::borrow::Cow<'a, SourceText>,
    pub file: DatasetFile,
    pub positions: Option<Positions>,
}

/// Parses, validates and merges texts that are meant to be used together.
pub fn load_texts(sources: &[SourceText]) -> LoadOutcome {
    load_texts_observed(sources, &mut |_| true)
}

/// [`load_texts`], telling `observe` as each step begins; when it returns false (the user
/// cancelled), the load stops there with no dataset and no diagnostics.
pub fn load_texts_observed(
    sources: &[SourceText],
    observe: &mut dyn FnMut(Step) -> bool,
) -> LoadOutcome {
    if !observe(Step::Parsing) {
        return LoadOutcome::default();
    }
    let mut diagnostics = Vec::new();
    let mut parsed = Vec::new();
    for src in sources {
        match parse(src) {
            Ok(file) => parsed.push(Parsed {
                src: std::borrow::Cow::Borrowed(src),
                file,
                positions: None,
            }),
            Err(mut d) => diagnostics.append(&mut d),
        }
    }
    merge_parsed(parsed, diagnostics, sources.len(), observe)
}

/// Validates and merges files already parsed, after the `diagnostics` found parsing them;
/// `inputs` is how many files there were, parsed or not: if any failed to parse, there is no
/// dataset.
pub fn merge_parsed(
    parsed: Vec<Parsed>,
    mut diagnostics: Vec<Diagnostic>,
    inputs: usize,
    observe: &mut dyn FnMut(Step) -> bool,
) -> LoadOutcome {
    if !observe(Step::Checking) {
        return LoadOutcome::default();
    }
    let parsed_count = parsed.len();
    let mut tables = Vec::with_capacity(parsed_count);
    let mut texts = Vec::with_capacity(parsed_count);
    let mut files = Vec::with_capacity(parsed_count);
    for p in parsed {
        tables.push(p.positions);
        texts.push(p.src);
        files.push(p.file);
    }
    let pairs = texts.iter().map(|t| &**t).zip(files).collect();
    let (dataset, mut found, shared) = validate::validate_and_merge(pairs, &tables, observe);
    diagnostics.append(&mut found);
    let failed = diagnostics.iter().any(Diagnostic::is_error) || parsed_count < inputs;
    LoadOutcome {
        dataset: if failed { None } else { dataset },
        diagnostics,
        shared,
    }
}

/// The dataset that ships inside the binary.
pub const BUNDLED_NAME: &str = "data/2022-09-armenia-azerbaijan-border.ron";
pub const BUNDLED_TEXT: &str = include_str!("../../data/2022-09-armenia-azerbaijan-border.ron");

pub fn load_bundled() -> LoadOutcome {
    load_texts(&[SourceText {
        name: BUNDLED_NAME.to_owned(),
        text: BUNDLED_TEXT.to_owned(),
    }])
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn a_file_may_take_an_eighth_of_the_memory_available() {
        assert_eq!(size_limit(Some(24_000_000_000)), 3_000_000_000);
        assert_eq!(size_limit(Some(8_000_000_000)), 1_000_000_000);
        // A 1.2 GB file (a million events) opens with 16 GB available, not with 8 GB.
        assert!(1_200_000_000 <= size_limit(Some(16_000_000_000)));
        assert!(1_200_000_000 > size_limit(Some(8_000_000_000)));
        assert_eq!(size_limit(None), FIXED_LIMIT_BYTES);
    }

    #[test]
    fn mem_available_is_read_in_bytes_from_meminfo() {
        let meminfo = "MemTotal:       24683420 kB\nMemFree:         3876000 kB\n\
                       MemAvailable:   23879556 kB\nBuffers:            1000 kB\n";
        assert_eq!(mem_available_in(meminfo), Some(23_879_556 * 1024));
        assert_eq!(mem_available_in("MemTotal: 1 kB\n"), None);
        assert_eq!(mem_available_in("MemAvailable: lots\n"), None);
    }

    #[test]
    fn a_refusal_says_the_size_the_memory_and_the_limit() {
        let m = too_large(1_500_000_000, Some(3_000_000_000), 1_000_000_000);
        assert_eq!(
            m,
            "file is too large (1.5 GB; 3.0 GB of memory is available, and a file may take \
             at most an eighth of it, 1.0 GB)"
        );
        let m = too_large(200_000_000, None, 100_000_000);
        assert_eq!(m, "file is too large (200 MB; the limit is 100 MB)");
    }
}

#[cfg(test)]
mod sheet_tests {
    use super::*;

    #[test]
    fn a_problem_in_a_sheet_is_named_by_its_cell() {
        let at = |line, col| Some(LineCol { line, col });
        let d = Diagnostic::error("claims.xlsx[Sheet1]", at(12, 1), "empty");
        assert_eq!(d.to_string(), "claims.xlsx[Sheet1]:A12: error: empty");
        let d = Diagnostic::error("claims.xlsx[Sheet1]", at(3, 28), "x");
        assert_eq!(d.to_string(), "claims.xlsx[Sheet1]:AB3: error: x");
        let d = Diagnostic::error("claims.csv", at(12, 1), "empty");
        assert_eq!(d.to_string(), "claims.csv:12:1: error: empty");
    }
}
