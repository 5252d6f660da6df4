//! What the user chose that is worth remembering between runs: the filter, the lane mode, the
//! look, the export options and which panels stand open. Plain data with no egui in it, so the command line, the
//! window and the saved state all read the same types.

use serde::{Deserialize, Serialize};

use crate::layout::casualties::TollKind;
use crate::layout::lanes::LaneMode;
use crate::layout::panes::PaneChoice;
use crate::query::{FilterState, QueryOptions};

/// What the user chose that is worth remembering between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub filter: FilterState,
    pub lane_mode: LaneMode,
    pub theme: ThemeKind,
    pub export: ExportSettings,
    /// The parties (ids) the user chose as claim columns, in order; none: the dataset's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// The kind of figure the casualty strip shows.
    pub toll_kind: TollKind,
    /// The administration scheme ("de facto") the district filter reads places under;
    /// none: their default `district`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district_scheme: Option<String>,
    /// Whether the filter sidebar is open and the event list beside the claims, where the
    /// user chose; otherwise the window's width decides.
    pub panes: PaneChoice,
}

impl Settings {
    /// What the query reads from these settings besides the filter.
    pub fn query_options(&self) -> QueryOptions<'_> {
        QueryOptions {
            district_scheme: self.district_scheme.as_deref(),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            filter: FilterState::default(),
            lane_mode: LaneMode::Party,
            theme: ThemeKind::Light,
            export: ExportSettings::default(),
            columns: None,
            toll_kind: TollKind::default(),
            district_scheme: None,
            panes: PaneChoice::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportSettings {
    /// Put the caption (dataset, filters, sources) under pictures.
    pub caption: bool,
    /// Draw pictures at twice the screen's pixel density.
    pub double: bool,
    /// The paper handouts are set on.
    pub paper: PaperSize,
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            caption: true,
            double: false,
            paper: PaperSize::A4,
        }
    }
}

/// The sheet a handout is printed on: A4 almost everywhere, Letter in North America.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PaperSize {
    #[default]
    A4,
    Letter,
}

impl PaperSize {
    pub const ALL: [PaperSize; 2] = [PaperSize::A4, PaperSize::Letter];

    pub fn label(self) -> &'static str {
        match self {
            PaperSize::A4 => "A4",
            PaperSize::Letter => "Letter",
        }
    }
}

/// The three looks: light for laptops, dark for dim rooms, high contrast for projectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeKind {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl ThemeKind {
    pub const ALL: [ThemeKind; 3] = [ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast];

    pub fn label(self) -> &'static str {
        match self {
            ThemeKind::Light => "Light",
            ThemeKind::Dark => "Dark",
            ThemeKind::HighContrast => "High contrast",
        }
    }

    pub fn is_dark(self) -> bool {
        self == ThemeKind::Dark
    }
}
