//! Whether a selected event's cards fold to their first lines: only when the first two cards
//! of each column, drawn whole, would not fit the panel. The need is measured by drawing them
//! whole once (that frame is discarded and drawn again folded) and remembered for the event
//! at that width and scale, so a folded panel knows when it may unfold again.

/// With no event selected, the overview's cards fold in a window shorter than this (in
/// points: a laptop's 1366x768, or 1920x1080 at 150 %) ...
pub const OVERVIEW_WINDOW_BELOW: f32 = 800.0;
/// ... when the panel's view is shorter than this: more events are seen at a glance.
pub const OVERVIEW_BELOW: f32 = 480.0;

/// What the measured height depends on: the event, the panel's width and the scale.
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

/// The height the event's first two cards of each column need, drawn whole.
#[derive(Debug, Clone, Copy)]
struct Need {
    key: Key,
    height: f32,
}

fn memory_id() -> egui::Id {
    egui::Id::unique("claims fold need")
}

/// Whether to fold, if the need for `key` is known: when it is more than `panel` points.
pub fn decided(ctx: &egui::Context, key: Key, panel: f32) -> Option<bool> {
    let need = ctx.data(|d| d.get_temp::<Need>(memory_id()))?;
    (need.key == key).then_some(need.height > panel + 0.5)
}

/// Remembers what the cards drawn whole needed; if that is more than the `panel` showed, the
/// frame is drawn again, folded.
pub fn measured(ctx: &egui::Context, key: Key, height: f32, panel: f32) {
    ctx.data_mut(|d| d.insert_temp(memory_id(), Need { key, height }));
    if height > panel + 0.5 {
        ctx.request_discard("the first cards do not fit: fold them");
    }
}
