//! How far a selected event's cards fold: only as far as the first two cards of each column
//! need to be whole in the panel. Each level is measured by drawing it once (a frame that
//! does not fit is discarded and drawn again at the next level) and remembered for the event
//! at that width and scale, so a panel that grows unfolds again.

/// With no event selected, the overview's cards fold in a window shorter than this (in
/// points: a laptop's 1366x768, or 1920x1080 at 150 %) ...
pub const OVERVIEW_WINDOW_BELOW: f32 = 800.0;
/// ... when the panel's view is shorter than this: more events are seen at a glance.
pub const OVERVIEW_BELOW: f32 = 480.0;

/// Lines of a claim's words a folded card shows, most first: a panel folds only as far as
/// its first cards need.
const ROWS: [usize; 4] = [6, 4, 2, 1];

/// How the cards are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Whole,
    /// Who and when on a line, the first `ROWS[k]` lines of the words, figures and sources.
    Folded(usize),
}

impl Level {
    /// The overview's folding: two lines of each claim.
    pub const OVERVIEW: Level = Level::Folded(2);

    /// Lines of a claim's words a folded card shows.
    pub fn rows(self) -> usize {
        match self {
            Level::Whole => usize::MAX,
            Level::Folded(k) => ROWS[k.min(ROWS.len() - 1)],
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

/// The heights the event's first two cards of each column need at each level: the least
/// seen (a card the reader unfolds makes the panel taller, and that must not fold the others
/// further).
#[derive(Debug, Clone, Copy)]
struct Need {
    key: Key,
    whole: f32,
    folded: [Option<f32>; ROWS.len()],
}

fn memory_id() -> egui::Id {
    egui::Id::unique("claims fold need")
}

/// The deepest folding: one line of words only in a short window (a laptop's), where the
/// first cards must be seen whole; elsewhere no fewer than two, which say something.
fn deepest(ctx: &egui::Context) -> usize {
    if ctx.content_rect().height() < OVERVIEW_WINDOW_BELOW {
        ROWS.len() - 1
    } else {
        ROWS.len() - 2
    }
}

/// The level to draw `key` at in a panel `panel` points tall: whole until measured, then
/// the first level not known to be too tall.
pub fn decided(ctx: &egui::Context, key: Key, panel: f32) -> Level {
    let Some(need) = ctx
        .data(|d| d.get_temp::<Need>(memory_id()))
        .filter(|n| n.key == key)
    else {
        return Level::Whole;
    };
    if need.whole <= panel + 0.5 {
        return Level::Whole;
    }
    let k = need
        .folded
        .iter()
        .position(|h| h.is_none_or(|h| h <= panel + 0.5))
        .unwrap_or(ROWS.len() - 1);
    Level::Folded(k.min(deepest(ctx)))
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
                folded: [None; ROWS.len()],
            });
        match level {
            Level::Whole => {
                need.whole = height;
                need.folded = [None; ROWS.len()];
            }
            Level::Folded(k) => {
                let seen = &mut need.folded[k.min(ROWS.len() - 1)];
                *seen = Some(seen.map_or(height, |f| f.min(height)));
            }
        }
        d.insert_temp(memory_id(), need);
    });
    let last = level == Level::Folded(deepest(ctx));
    if height > panel + 0.5 && !last {
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
        assert_eq!(decided(&ctx, key, 400.0), Level::Folded(0));
        assert_eq!(decided(&ctx, key, 520.0), Level::Whole, "a taller panel");
        measured(&ctx, key, Level::Folded(0), 450.0, 400.0);
        assert_eq!(decided(&ctx, key, 400.0), Level::Folded(1));
        measured(&ctx, key, Level::Folded(1), 380.0, 400.0);
        assert_eq!(
            decided(&ctx, key, 400.0),
            Level::Folded(1),
            "six lines did not fit, four do"
        );
        assert_eq!(Level::Folded(1).rows(), 4);
        // A card the reader unfolds makes the folded panel taller: no further folding.
        measured(&ctx, key, Level::Folded(1), 700.0, 400.0);
        assert_eq!(decided(&ctx, key, 400.0), Level::Folded(1));
        // Nothing fits: the last level.
        assert_eq!(
            decided(&ctx, key, 100.0),
            Level::Folded(2),
            "two lines, not yet measured"
        );
        // Another event, or the same at another width, is measured afresh.
        assert_eq!(decided(&ctx, Key::new(4, 600.0, 1.0), 400.0), Level::Whole);
        assert_eq!(decided(&ctx, Key::new(3, 500.0, 1.0), 400.0), Level::Whole);
    }
}
