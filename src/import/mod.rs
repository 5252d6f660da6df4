//! Bringing other people's data into Claimline's model: each importer reads one export format
//! into a [`DatasetFile`] that passes Claimline's own validation, with every problem of the
//! input as a [`Diagnostic`] at its row and column.

pub mod acled;
pub mod open;
pub mod sheet;
mod table;
pub mod timelinejs;

pub use acled::{PartyMap, looks_like_acled, read_acled};
pub use open::{Input, Kind, kind_of, load_inputs, load_paths};
pub use sheet::{looks_like_claims_csv, looks_like_claims_sheet, read_claims_csv, read_workbook};
pub use timelinejs::{GroupMap, looks_like_timelinejs, read_timelinejs};

use std::collections::HashMap;

use crate::load::{Diagnostic, LineCol};
use crate::model::DatasetFile;

/// A file read from another format: the dataset it makes, the warnings found on the way, and
/// where each of the dataset's values came from in the input, so that Claimline's own checks
/// point at the row and column (or the sheet's cell) a curator has to fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub file: DatasetFile,
    pub warnings: Vec<Diagnostic>,
    pub positions: Positions,
}

/// Where values of an imported dataset stand in its input, by their path in the dataset as
/// [`crate::load::Path`] writes it (`events[3]`, `events[3].claims[0].text`). A problem at a
/// path with no entry is reported at its nearest enclosing one, so an importer records at
/// least each event's row, and each cell it reads a field from where it can.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Positions(pub HashMap<String, LineCol>);

impl Positions {
    /// Records that the value at `path` came from `at` (row, column; both 1-based).
    pub fn record(&mut self, path: impl Into<String>, at: LineCol) {
        self.0.insert(path.into(), at);
    }
}
