//! How the window shares its room among the panels, from its size and the user's toggles: the
//! claim panels are the heart of the app, so on a laptop-sized window the filter sidebar folds
//! to a slim strip, the event list becomes a tab of the claims area and the timeline takes a
//! smaller share of the height. Where the user chose, their choice holds at every size.

use serde::{Deserialize, Serialize};

/// Below this width (logical points) the filter sidebar starts folded.
pub const FILTERS_OPEN_FROM: f32 = 1400.0;

/// Below this width the event list is a tab beside the claims rather than a column of its own.
pub const LIST_BESIDE_FROM: f32 = 1400.0;

/// What the user chose of the layout: none means "as the window's width suggests".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaneChoice {
    /// The filter sidebar open (true) or folded to a strip (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters_open: Option<bool>,
    /// The event list beside the claims (true) or a tab of the claims area (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_beside: Option<bool>,
}

/// The layout drawn: which panels stand open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub filters_open: bool,
    pub list_beside: bool,
}

impl Default for Panes {
    /// The wide layout, as a window draws before it knows its size.
    fn default() -> Self {
        Panes {
            filters_open: true,
            list_beside: true,
        }
    }
}

impl PaneChoice {
    /// The layout for a window `width` points wide.
    pub fn panes(self, width: f32) -> Panes {
        Panes {
            filters_open: self.filters_open.unwrap_or(width >= FILTERS_OPEN_FROM),
            list_beside: self.list_beside.unwrap_or(width >= LIST_BESIDE_FROM),
        }
    }
}

/// The timeline area's first height in a window whose panels share `height` points: 40% on a
/// tall window, down to 27% on a laptop's (about 700 points), so the claims below keep room
/// for two whole cards a column. Once the user drags the split, egui remembers their height.
pub fn timeline_default_height(height: f32) -> f32 {
    let share = (0.27 + (height - 700.0) / 300.0 * 0.13).clamp(0.27, 0.40);
    (height * share).clamp(TIMELINE_MIN_HEIGHT, 560.0)
}

/// The least height the timeline area may be dragged to: chips, a few lanes and the strip.
pub const TIMELINE_MIN_HEIGHT: f32 = 180.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_decides_until_the_user_does() {
        let auto = PaneChoice::default();
        assert_eq!(
            auto.panes(1280.0),
            Panes {
                filters_open: false,
                list_beside: false
            }
        );
        assert_eq!(auto.panes(1600.0), Panes::default());
        let chose = PaneChoice {
            filters_open: Some(true),
            list_beside: Some(false),
        };
        assert_eq!(
            chose.panes(1280.0),
            Panes {
                filters_open: true,
                list_beside: false
            }
        );
        assert_eq!(chose.panes(1600.0), chose.panes(1280.0));
    }

    #[test]
    fn a_short_window_gives_the_timeline_a_smaller_share() {
        assert_eq!(timeline_default_height(1000.0), 400.0);
        assert!((timeline_default_height(700.0) - 189.0).abs() < 0.01);
        assert!(timeline_default_height(400.0) >= TIMELINE_MIN_HEIGHT);
        // No jump between the two: the share grows with the height.
        let mut last = 0.0;
        for h in (500..1400).step_by(10) {
            let now = timeline_default_height(h as f32);
            assert!(now >= last, "at {h}");
            last = now;
        }
    }
}
