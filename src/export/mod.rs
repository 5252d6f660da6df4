//! Exports: pictures of the window or one panel (PNG, with a caption naming the dataset, the
//! filters and the sources), and the filtered data (CSV, RON). `raster` draws egui's output on
//! the CPU, so the headless `claimline export` needs neither a display nor a GPU.

pub mod caption;
pub mod data;
pub mod headless;
pub mod png;
pub mod raster;
pub mod render;

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
