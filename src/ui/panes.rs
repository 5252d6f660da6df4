//! The panels that fold on a narrow window: the filter sidebar, which folds to a slim strip
//! that opens it again, and the claims area, which holds the event list as a second tab when
//! the list does not stand beside it. Which is open is [`crate::layout::panes`]'s call.

use egui::Sense;

use super::{PanelState, ViewCtx};
use crate::command::{Action, Command};

/// The tab the claims area shows while the event list is one of its tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Claims,
    Events,
}

/// How wide the folded sidebar's strip is, in points.
const STRIP_WIDTH: f32 = 30.0;

/// The filter sidebar, open or folded to a strip. Dragging its edge past the strip folds or
/// opens it too, as the toggle does.
pub fn filter_sidebar(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    panels: &mut PanelState,
    open: bool,
    window_width: f32,
    cmds: &mut Vec<Command>,
) {
    let mut expanded = open;
    let folded = egui::Panel::left("filters_folded")
        .resizable(true)
        .exact_size(STRIP_WIDTH);
    let full = egui::Panel::left("filters")
        .resizable(true)
        .default_size((window_width * 0.19).clamp(230.0, 330.0))
        .size_range(200.0..=480.0);
    egui::Panel::show_switched(ui, &mut expanded, folded, full, |ui, is_open| {
        if is_open {
            super::filters::ui(ui, view, &mut panels.filters, cmds);
        } else {
            folded_strip(ui, view, cmds);
        }
    });
    if expanded != open {
        cmds.push(Command::ShowFilters(expanded));
    }
}

/// The folded sidebar: one tall button reading "Filters" upwards, with a mark while any
/// filter is in use (the chips above the timeline say which).
fn folded_strip(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    let rect = ui.available_rect_before_wrap();
    let in_use = !view.filter.is_empty();
    let name = if in_use {
        "Show the filters (some are in use)"
    } else {
        "Show the filters"
    };
    let response = spine(
        ui,
        rect,
        "open filters",
        "» Filters",
        name,
        egui::Role::Button,
        false,
    );
    if in_use {
        let dot = egui::pos2(rect.center().x, rect.min.y + 14.0);
        ui.painter()
            .circle_filled(dot, 4.0, ui.visuals().selection.bg_fill);
    }
    let tip = Action::ToggleFilters.tooltip(ui.ctx());
    if response.on_hover_text(tip).clicked() {
        cmds.push(Command::ShowFilters(true));
    }
}

/// A button filling `rect` whose `words` read upwards, as on a book's spine, from near its
/// top: the folded sidebar, the tabs of the claims area. `name` is what a screen reader says.
fn spine(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    salt: &str,
    words: &str,
    name: &str,
    role: egui::Role,
    selected: bool,
) -> egui::Response {
    let response = ui.interact(rect, egui::Id::unique(("spine", salt)), Sense::click());
    let name = name.to_owned();
    response.widget_info(|| egui::WidgetInfo::selected(role, true, selected, &name));
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() {
        ui.painter()
            .rect_filled(rect.shrink(2.0), 4.0, visuals.weak_bg_fill);
    }
    let colour = visuals.text_color();
    let galley =
        ui.painter()
            .layout_no_wrap(words.to_owned(), egui::FontId::proportional(14.0), colour);
    // Rotated a quarter turn back, the text's top-left corner is its bottom-left on screen.
    let at = egui::pos2(
        rect.center().x - galley.size().y / 2.0,
        rect.min.y + 26.0 + galley.size().x,
    );
    ui.painter().add(
        egui::epaint::TextShape::new(at, galley, colour).with_angle(-std::f32::consts::FRAC_PI_2),
    );
    response
}

/// How wide the rail of the claims area's tabs is, in points.
const RAIL_WIDTH: f32 = 30.0;

/// The rail at the right of the claims area, where the event list stands when it is beside
/// them: two tabs, "Claims" and "Events (N)", reading upwards. It takes no height from the
/// cards.
pub fn tab_rail(ui: &mut egui::Ui, view: &ViewCtx, panels: &mut PanelState) {
    egui::Panel::right("claims_tabs")
        .resizable(false)
        .exact_size(RAIL_WIDTH)
        .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::same(0)))
        .show(ui, |ui| {
            let full = ui.available_rect_before_wrap();
            let count = view.derived.query.events.len();
            let events = format!("Events ({count})");
            let split = full.min.y + (full.height() * 0.5).clamp(110.0, 180.0);
            let tabs = [
                (Tab::Claims, "Claims".to_owned(), full.min.y, split),
                (Tab::Events, events, split, full.max.y),
            ];
            for (tab, words, top, bottom) in tabs {
                let rect = egui::Rect::from_x_y_ranges(full.x_range(), top..=bottom);
                let response = spine(
                    ui,
                    rect,
                    &words,
                    &words,
                    &words,
                    egui::Role::Tab,
                    panels.tab == tab,
                );
                let tip = match tab {
                    Tab::Claims => "The selected event's claims",
                    Tab::Events => "The list of the filtered events: pick one to see its claims",
                };
                if response.on_hover_text(tip).clicked() {
                    panels.tab = tab;
                }
            }
        });
}

/// The claims area while the event list is its second tab: the claims, or the list. Picking
/// an event in the list shows its claims; stepping with the arrow keys keeps the list in view.
/// Returns the area the claims are drawn in.
pub fn tabbed(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    panels: &mut PanelState,
    cmds: &mut Vec<Command>,
) -> egui::Rect {
    let area = ui.available_rect_before_wrap();
    match panels.tab {
        Tab::Claims => super::claims::ui(ui, view, view.visible, cmds, &mut panels.cards),
        Tab::Events => {
            let before = cmds.len();
            super::event_list::ui(ui, view, &mut panels.table, cmds);
            if super::picked(&cmds[before..]) {
                panels.tab = Tab::Claims;
                // The claims are drawn next frame.
                ui.ctx().request_repaint();
            }
            // No cards are drawn: a picture of the window has no claims to name.
            panels.cards.clear();
        }
    }
    area
}
