//! The command line's own features, beside the window: `check` (diagnostics for a terminal),
//! `balance` (the balance report before publishing),
//! `gen` (invented datasets of any size), `migrate` (a format-1 file as format 2) and `export` (pictures and data without a window,
//! driving the app headless).

pub mod balance;
pub mod check;
#[cfg(feature = "gui")]
pub mod export;
pub mod generate;
pub mod migrate;
