//! Pure exports: PNG encoding and cropping, the caption's words, the filtered data (CSV, RON),
//! and `raster`, which draws egui's output on the CPU so the headless `claimline export` needs
//! neither a display nor a GPU. Driving the app without a window is `app::headless`; the
//! `export` command is `cli::export`. Nothing here imports `app` or `ui`.

pub mod caption;
pub mod data;
pub mod fonts;
pub mod handout;
pub mod png;
pub mod raster;
pub mod sheet;

use serde::{Deserialize, Serialize};

/// What a picture shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Target {
    #[default]
    Window,
    /// The timeline with its casualty strip.
    Timeline,
    /// The claim panels.
    Claims,
    /// The locator map.
    Map,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Window => "window",
            Target::Timeline => "timeline",
            Target::Claims => "claims",
            Target::Map => "map",
        }
    }

    /// The caption's words for it.
    pub fn describe(self) -> &'static str {
        match self {
            Target::Window => "timeline and claims",
            Target::Timeline => "timeline",
            Target::Claims => "claim panels",
            Target::Map => "map of the places",
        }
    }
}
