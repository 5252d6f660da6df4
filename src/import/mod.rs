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

pub use crate::load::Positions;

use crate::load::Diagnostic;
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
