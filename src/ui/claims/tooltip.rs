//! The tooltip that names an event wherever it is pointed at: timeline markers and list rows.

use egui::{Color32, RichText};

use crate::layout::lanes::sides_of;
use crate::model::wording::{place_names, side_label};
use crate::ui::ViewCtx;
use crate::ui::bidi::visual;

/// The timeline's hover card: title, time, places, claims per side.
pub fn event_tooltip(ui: &mut egui::Ui, view: &ViewCtx, e: usize) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let facts = &view.cat.index.events[e];
    let per_side = view.cat.index.claims_per_side(ds, e);
    ui.set_max_width(360.0);
    ui.strong(visual(&event.title));
    ui.label(ds.when_text(&event.when, event));
    let places = place_names(&view.cat.dataset, &view.cat.index, event);
    if !places.is_empty() {
        ui.label(visual(&places));
    }
    ui.horizontal(|ui| {
        for side in sides_of(ds) {
            let n = per_side[side.index()];
            ui.label(
                RichText::new(format!("{}: {n}", side_label(ds, side)))
                    .color(view.palette.text_of(side)),
            );
        }
    });
    if facts.contested {
        ui.label(
            RichText::new("Both sides made claims about this event")
                .small()
                .color(Color32::GRAY),
        );
    }
}
