//! Hover and click on the map: a marker first (clicking selects its place's events one after
//! another), else the district under the pointer (clicking toggles it in the filter).

use super::paint::{Drawn, MapCanvas};
use crate::command::Command;
use crate::geo::Area;
use crate::layout::map_marks::{MapMarks, PlaceMark};
use crate::ui::bidi::visual;
use crate::ui::canvas::nearest;
use crate::ui::{ViewCtx, ellipsize};

/// What a click on the map asks of the view: zoom in on a merged marker's places.
pub(super) struct ZoomOn {
    /// The screen box of the marker's places, to fill most of the map.
    pub places: egui::Rect,
}

/// Hover and click; returns a zoom when a merged marker was clicked.
pub(super) fn respond(
    canvas: &MapCanvas,
    view: &ViewCtx,
    marks: &MapMarks,
    markers: &[Drawn],
    response: egui::Response,
    cmds: &mut Vec<Command>,
) -> Option<ZoomOn> {
    let pointer = response.hover_pos();
    let drawn = pointer.and_then(|p| nearest(markers, p, |m| (m.centre, m.r + 3.0)));
    if let Some(d) = drawn.filter(|d| d.is_merged()) {
        let places = d
            .marks
            .iter()
            .map(|&k| canvas.place_on_screen(view, &marks.places[k]));
        let zoom = response.clicked().then(|| ZoomOn {
            places: egui::Rect::from_points(&places.flatten().collect::<Vec<_>>()),
        });
        response.on_hover_ui_at_pointer(|ui| merged_tooltip(ui, view, marks, d));
        return zoom;
    }
    let hit = drawn.map(Drawn::mark);
    if response.clicked() {
        if let Some(mi) = hit {
            // Selects the place's events one after another, in time order.
            let events = &marks.places[mi].events;
            let next = view
                .selected
                .and_then(|s| events.iter().position(|&e| e == s))
                .map_or(0, |i| (i + 1) % events.len());
            cmds.push(Command::Select(Some(events[next])));
        } else if let Some(area) = pointer.and_then(|p| canvas.area_at(p))
            && view.cat.index.district_index(&area.name).is_some()
        {
            cmds.push(Command::ToggleDistrict(area.name.clone()));
        }
    }
    if let Some(mi) = hit {
        let m = &marks.places[mi];
        response.on_hover_ui_at_pointer(|ui| place_tooltip(ui, view, m));
    } else if let Some(area) = pointer.and_then(|p| canvas.area_at(p)) {
        response.on_hover_ui_at_pointer(|ui| area_tooltip(ui, view, marks, area));
    }
    None
}

/// A merged marker's places, busiest first, with their events in view.
fn merged_tooltip(ui: &mut egui::Ui, view: &ViewCtx, marks: &MapMarks, d: &Drawn) {
    ui.strong(format!("{} events at {} places", d.count, d.marks.len()));
    for &k in d.marks.iter().take(10) {
        let m = &marks.places[k];
        ui.label(format!(
            "• {}: {}",
            visual(&ellipsize(&view.cat.dataset.places[m.place].name, 40)),
            m.events.len()
        ));
    }
    if d.marks.len() > 10 {
        ui.weak(format!("and {} more places", d.marks.len() - 10));
    }
    ui.weak("Places close together at this zoom are drawn as one. Click to zoom in on them");
}

fn place_tooltip(ui: &mut egui::Ui, view: &ViewCtx, m: &PlaceMark) {
    let place = &view.cat.dataset.places[m.place];
    ui.strong(visual(&place.name));
    if !place.other_names.is_empty() {
        let names: Vec<&str> = place.other_names.iter().map(|o| o.name.as_str()).collect();
        ui.weak(visual(&format!("Also: {}", names.join(", "))));
    }
    if let Some(d) = &place.district {
        ui.weak(format!("{}, {}", visual(d), visual(&place.country)));
    }
    ui.label(format!(
        "{} {} in view",
        m.events.len(),
        if m.events.len() == 1 {
            "event"
        } else {
            "events"
        }
    ));
    for &e in m.events.iter().take(8) {
        ui.label(format!(
            "• {}",
            visual(&ellipsize(&view.cat.dataset.events[e].title, 60))
        ));
    }
    if m.events.len() > 8 {
        ui.weak(format!("and {} more", m.events.len() - 8));
    }
    ui.weak("Click to select; click again for the next");
}

fn area_tooltip(ui: &mut egui::Ui, view: &ViewCtx, marks: &MapMarks, area: &Area) {
    let n = marks.districts.get(&area.name).copied().unwrap_or(0);
    let known = view.cat.index.district_index(&area.name).is_some();
    ui.strong(format!("{}, {}", area.name, area.country));
    if let Some(o) = &area.other_name {
        ui.weak(o);
    }
    ui.label(format!("{n} events in view"));
    if known {
        ui.weak("Click to filter by this district (again to remove)");
    }
}
