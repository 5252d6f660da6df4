//! Claimline: curated event files about a contested conflict, shown as a timeline beside
//! side-by-side claim panels. `model`, `load`, `query` and `layout` have no egui in them;
//! the window is `app` (state and commands) with one module per panel in `ui`.

pub mod app;
pub mod check;
pub mod export;
pub mod generate;
pub mod geo;
pub mod layout;
pub mod load;
pub mod model;
pub mod output;
pub mod query;
pub mod session;
pub mod ui;
