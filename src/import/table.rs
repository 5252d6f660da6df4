//! What every importer of a table (a CSV file, a workbook's sheet) needs: the text of the
//! bytes whatever their encoding, the line a CSV record starts on, and the header's columns
//! found by name, with "did you mean" for a required column that is misspelt.

use std::collections::HashMap;

use crate::load::suggest::{Budget, Known};
use crate::load::{Diagnostic, LineCol, Severity};

pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// The cells of the first line of a CSV text, after an optional byte order mark, trimmed and
/// without their quotes: enough to tell which importer a file is for.
pub(crate) fn first_line_cells(bytes: &[u8]) -> Vec<String> {
    let bytes = without_bom(bytes);
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    String::from_utf8_lossy(first)
        .trim_end_matches('\r')
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_owned())
        .collect()
}

/// The text of the bytes: UTF-8 without its byte order mark, or else Latin-1 (every byte one
/// character, which is what older spreadsheet exports write), with a warning saying so.
pub(crate) fn decode(name: &str, bytes: &[u8]) -> (String, Option<Diagnostic>) {
    let bytes = without_bom(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(_) => (
            bytes.iter().map(|&b| char::from(b)).collect(),
            Some(warning(
                name,
                None,
                "not UTF-8 text: read as Latin-1 (ISO 8859-1); check the names with accents",
            )),
        ),
    }
}

pub(crate) fn warning(file: &str, at: Option<LineCol>, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        ..Diagnostic::error(file, at, message)
    }
}

/// A row the CSV reader refuses, at its row as a spreadsheet numbers it (the header is row 1).
pub(crate) fn csv_error(name: &str, e: &csv::Error) -> Diagnostic {
    let at = e.position().map(|p| LineCol {
        line: p.record() as usize + 1,
        col: 1,
    });
    Diagnostic::error(name, at, format!("cannot read the CSV: {e}"))
}

/// Where each column is: its 0-based index, by its name in lower case.
pub(crate) struct Columns {
    pub index: HashMap<String, usize>,
}

impl Columns {
    /// Finds the columns of a header row (`names` as written) at line `line`, whose first
    /// cell is in column `first_col` (1-based). Every `required` column missing is an error,
    /// at the header cell it is nearest to ("did you mean") when there is one; `known` are all
    /// the columns of the format, never taken for misspellings of one another; `which` ends
    /// the message: "which an ACLED export has".
    pub fn find(
        file: &str,
        names: &[String],
        (line, first_col): (usize, usize),
        required: &[&str],
        known: &[&str],
        which: &str,
    ) -> Result<Columns, Vec<Diagnostic>> {
        let names: Vec<String> = names.iter().map(|c| c.trim().to_lowercase()).collect();
        let mut index = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            index.entry(n.clone()).or_insert(i);
        }
        let others = Known::new(
            names
                .iter()
                .map(String::as_str)
                .filter(|n| !known.contains(n)),
        );
        let mut budget = Budget::default();
        let missing: Vec<Diagnostic> = required
            .iter()
            .filter(|r| !index.contains_key(**r))
            .map(|r| {
                // At the near header when there is one, else at the header row's start.
                let near = others
                    .nearest(r, &mut budget)
                    .map(|k| (k, names.iter().position(|n| n == k).unwrap_or(0)));
                let hint = near
                    .map(|(k, _)| format!(" (did you mean \"{k}\"?)"))
                    .unwrap_or_default();
                let col = first_col + near.map_or(0, |(_, i)| i);
                Diagnostic::error(
                    file,
                    Some(LineCol { line, col }),
                    format!("the header has no \"{r}\" column, {which}{hint}"),
                )
            })
            .collect();
        if missing.is_empty() {
            Ok(Columns { index })
        } else {
            Err(missing)
        }
    }
}

/// `text` as an id: letters and digits kept (lower-cased when `lower`), anything else one `-`.
pub(crate) fn slug(text: &str, lower: bool) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            if lower {
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
