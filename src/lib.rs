//! Claimline: curated event files about a contested conflict, shown as a timeline beside
//! side-by-side claim panels. `model`, `load`, `query` and `layout` have no egui in them;
//! the window is `app` (state and commands) with one module per panel in `ui`. The window and
//! the picture export are behind the default `gui` feature.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
#[cfg(feature = "gui")]
pub mod command;
#[cfg(feature = "gui")]
pub mod export;
pub mod geo;
pub mod layout;
pub mod load;
pub mod model;
pub mod output;
pub mod query;
pub mod session;
#[cfg(feature = "gui")]
pub mod ui;
