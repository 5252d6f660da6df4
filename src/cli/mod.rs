//! The command line's own features, beside the window: `check` (diagnostics for a terminal),
//! `gen` (invented datasets of any size) and `export` (pictures and data without a window,
//! driving the app headless).

pub mod check;
#[cfg(feature = "gui")]
pub mod export;
pub mod generate;
