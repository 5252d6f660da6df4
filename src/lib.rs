//! Claimline: curated event files about a contested conflict, shown as a timeline beside
//! side-by-side claim panels. Data flows one way, and each layer imports only those below it:
//!
//! - `cli`: the command line's own features (`check`, `gen`, `export` without a window);
//! - `app`: the eframe app: state, `apply(Command)`, deriving views, files, exports,
//!   presenter mode, and `app::headless`, which draws the app without a window;
//! - `ui`: one module (or folder) per panel; each draws a `ui::ViewCtx` (borrowed parts of the
//!   state, built once per frame) and returns `Command`s, never seeing the app;
//! - `command`: `Command` and its sub-enums, and `command::Action`, the registry of actions with
//!   their words and shortcuts; it depends on nothing above the logic layer;
//! - `export`: pure exports (PNG encoding and cropping, captions, CSV, RON, the CPU rasteriser);
//! - `session`: loading off the UI thread, watching, recent files, saved views, settings;
//! - `layout`: view maths (lanes, ticks, stacking, claim rows, casualty series, `Derived`);
//! - `import`: opening a file of any kind (telling its kind from its first bytes) and the
//!   importers of other formats (ACLED's CSV export) into the model, on top of `load`;
//! - `balance`: the balance report a curator runs before publishing (per party, per event,
//!   and the asymmetries between parties), and what makes an event one-sided;
//! - `query`: the catalog, its index and the filter; `load`: reading and validating Claimline's
//!   own files, merging any set of parsed files, and the cache that keeps snapshots of loads;
//! - `model`: the dataset types, times, sides and the wording shared by screen, captions and
//!   CSV; `geo`: boundaries and projection; `output`: safe writes.
//!
//! Everything from `session` down, and `balance`, has no egui in it. The window (`app`, `ui`, `command`),
//! the picture export and `cli::export` are behind the default `gui` feature.

#[cfg(feature = "gui")]
pub mod app;
pub mod balance;
pub mod cli;
#[cfg(feature = "gui")]
pub mod command;
#[cfg(feature = "gui")]
pub mod export;
pub mod geo;
pub mod import;
pub mod layout;
pub mod load;
pub mod model;
pub mod output;
pub mod query;
pub mod session;
#[cfg(feature = "gui")]
pub mod ui;
