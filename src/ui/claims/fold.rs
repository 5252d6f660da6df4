//! How far a selected event's cards fold: only as far as the first two cards of each column
//! need to be whole in the panel. Each level is measured by drawing it once (a frame that
//! does not fit is discarded and drawn again at the next level) and remembered for the event
//! at that width and scale, so a panel that grows unfolds again.

/// With no event selected, the overview's cards fold in a window shorter than this (in
/// points: a laptop's 1366x768, or 1920x1080 at 150 %) ...
pub const OVERVIEW_WINDOW_BELOW: f32 = 800.0;
/// ... when the panel's view is shorter than this: more events are seen at a glance.
pub const OVERVIEW_BELOW: f32 = 480.0;

/// How the cards are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Whole,
    /// Who and when on a line, the first lines of the words, figures and sources.
    Folded,
    /// Folded to a single line of words: the first two cards did not fit folded.
    Tight,
}

impl Level {
    /// Lines of a claim's words a folded card shows.
    pub fn rows(self) -> usize {
        match self {
            Level::Tight => 1,
            _ => 2,
        }
    }
}

/// What the measured heights depend on: the event, the panel's width and the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    event: usize,
    width: u32,
    pixels_per_point: u32,
}

impl Key {
    pub fn new(event: usize, width: f32, pixels_per_point: f32) -> Self {
        Key {
            event,
            width: width.round() as u32,
            pixels_per_point: (pixels_per_point * 100.0).round() as u32,
        }
    }
}

/// The heights the event's first two cards of each column need, whole and folded.
#[derive(Debug, Clone, Copy)]
struct Need {
    key: Key,
    whole: f32,
    folded: Option<f32>,
}

fn memory_id() -> egui::Id {
    egui::Id::unique("claims fold need")
}

/// The level to draw `key` at in a panel `panel` points tall: whole until measured.
pub fn decided(ctx: &egui::Context, key: Key, panel: f32) -> Level {
    let need = ctx
        .data(|d| d.get_temp::<Need>(memory_id()))
        .filter(|n| n.key == key);
    match need {
        Some(n) if n.whole > panel + 0.5 => {
            if n.folded.is_some_and(|f| f > panel + 0.5) {
                Level::Tight
            } else {
                Level::Folded
            }
        }
        _ => Level::Whole,
    }
}

/// Remembers what the cards drawn at `level` needed; if that is more than the `panel`
/// showed, the frame is drawn again at the next level.
pub fn measured(ctx: &egui::Context, key: Key, level: Level, height: f32, panel: f32) {
    ctx.data_mut(|d| {
        let mut need = d
            .get_temp::<Need>(memory_id())
            .filter(|n| n.key == key)
            .unwrap_or(Need {
                key,
                whole: 0.0,
                folded: None,
            });
        match level {
            Level::Whole => {
                need.whole = height;
                need.folded = None;
            }
            // The least seen: a card the reader unfolds makes the panel taller, and that
            // must not fold the others further.
            Level::Folded => need.folded = Some(need.folded.map_or(height, |f| f.min(height))),
            Level::Tight => {}
        }
        d.insert_temp(memory_id(), need);
    });
    if height > panel + 0.5 && level != Level::Tight {
        ctx.request_discard("the first cards do not fit: fold them further");
        // When this frame's passes are spent, the next frame folds further.
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_as_far_as_the_first_cards_need_and_unfolds_when_the_panel_grows() {
        let ctx = egui::Context::default();
        let key = Key::new(3, 600.0, 1.0);
        assert_eq!(decided(&ctx, key, 400.0), Level::Whole, "not measured yet");
        measured(&ctx, key, Level::Whole, 500.0, 400.0);
        assert_eq!(decided(&ctx, key, 400.0), Level::Folded);
        assert_eq!(decided(&ctx, key, 520.0), Level::Whole, "a taller panel");
        measured(&ctx, key, Level::Folded, 420.0, 400.0);
        assert_eq!(decided(&ctx, key, 400.0), Level::Tight);
        // A card the reader unfolds makes the folded panel taller: no further folding.
        measured(&ctx, key, Level::Folded, 390.0, 410.0);
        measured(&ctx, key, Level::Folded, 700.0, 410.0);
        assert_eq!(decided(&ctx, key, 400.0), Level::Folded);
        // Another event, or the same at another width, is measured afresh.
        assert_eq!(decided(&ctx, Key::new(4, 600.0, 1.0), 400.0), Level::Whole);
        assert_eq!(decided(&ctx, Key::new(3, 500.0, 1.0), 400.0), Level::Whole);
    }
}
