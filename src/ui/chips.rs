//! The active filters as removable chips above the timeline, with "Clear all", so a user
//! always sees what is narrowing the view.

use egui::RichText;

use super::ViewCtx;
use crate::command::{Action, Command};
use crate::model::wording::{actor_name, kind_label, side_label};
use crate::query::FilterState;

/// One chip: its text, and the filter without it.
pub fn chips(view: &ViewCtx) -> Vec<(String, FilterState)> {
    let f = view.filter;
    let ds = &view.cat.dataset;
    let mut out = Vec::new();
    let without = |edit: &dyn Fn(&mut FilterState)| {
        let mut g = f.clone();
        edit(&mut g);
        g
    };
    if !f.text.trim().is_empty() {
        out.push((
            format!("Text: “{}”", f.text.trim()),
            without(&|g| g.text.clear()),
        ));
    }
    if f.contested_only {
        out.push((
            "Contested only".to_owned(),
            without(&|g| g.contested_only = false),
        ));
    }
    for s in &f.sides {
        out.push((
            format!("Side: {}", side_label(ds, *s)),
            without(&|g| {
                g.sides.remove(s);
            }),
        ));
    }
    for k in &f.kinds {
        out.push((
            format!("Kind: {}", kind_label(*k)),
            without(&|g| {
                g.kinds.remove(k);
            }),
        ));
    }
    if f.from.is_some() || f.to.is_some() {
        let show = |t: Option<i64>| {
            t.map_or("…".to_owned(), |t| {
                crate::model::format_seconds(t, view.offset, false)
            })
        };
        out.push((
            format!("Dates: {} – {}", show(f.from), show(f.to)),
            without(&|g| (g.from, g.to) = (None, None)),
        ));
    }
    for id in &f.actors {
        let name = actor_name(ds, &view.cat.index, id);
        out.push((
            format!("Actor: {}", crate::model::length::shown(name)),
            without(&|g| {
                g.actors.remove(id);
            }),
        ));
    }
    for d in &f.districts {
        out.push((
            format!("District: {d}"),
            without(&|g| {
                g.districts.remove(d);
            }),
        ));
    }
    out
}

pub fn ui(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    let chips = chips(view);
    ui.horizontal_wrapped(|ui| {
        zoom_buttons(ui, view, cmds);
        ui.separator();
        if chips.is_empty() {
            ui.weak("No filters: every event is shown. Scroll to zoom, drag to pan, F or double-click to fit.");
            return;
        }
        for (label, rest) in chips {
            let b = egui::Button::new(RichText::new(format!("{label}  ×")).small()).corner_radius(10.0);
            if ui.add(b).on_hover_text("Remove this filter").clicked() {
                cmds.push(Command::SetFilter(rest));
            }
        }
        if ui.button(RichText::new("Clear all").small()).clicked() {
            cmds.push(Command::ClearFilters);
        }
    });
}

/// "All", then the busiest month, week and day among the filtered events.
fn zoom_buttons(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    ui.label(RichText::new("Zoom:").small());
    if ui
        .small_button("All")
        .on_hover_text(format!(
            "Every filtered event ({})",
            Action::Fit.shortcut_text(ui.ctx())
        ))
        .clicked()
    {
        cmds.push(Command::FitAll);
    }
    if view.derived.query.events.is_empty() {
        return;
    }
    // The stretch is found when clicked, not on every filter change.
    for &(label, width) in &crate::layout::zoom::QUICK_ZOOMS {
        if ui
            .small_button(label)
            .on_hover_text("The stretch of this length with the most filtered events")
            .clicked()
        {
            cmds.push(Command::ZoomToBusiest(width));
        }
    }
}
