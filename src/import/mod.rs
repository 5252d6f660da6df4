//! Bringing other people's data into Claimline's model: each importer reads one export format
//! into a [`DatasetFile`](crate::model::DatasetFile) that passes Claimline's own validation,
//! with every problem of the input as a [`Diagnostic`](crate::load::Diagnostic) at its row and
//! column.

pub mod acled;

pub use acled::{PartyMap, looks_like_acled, read_acled};
