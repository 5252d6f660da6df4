//! The top bar: the File menu, the dataset's title and what is shown out of what is loaded on
//! the left (truncated when the window is narrow), the view actions (lanes, fit, theme) on the
//! right, which always keep their room.

use egui::RichText;

use super::ViewCtx;
use crate::command::{Action, Command};
use crate::layout::lanes::LaneMode;
use crate::layout::panes::{FILTERS_OPEN_FROM, Panes};

pub fn ui(ui: &mut egui::Ui, view: &ViewCtx, panes: Panes, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let q = &view.derived.query;
    ui.add_space(3.0);
    // Each side gets its own list: the two closures cannot share one.
    let (mut left, mut right) = (Vec::new(), Vec::new());
    egui::containers::Sides::new()
        .height(26.0)
        .shrink_left()
        .truncate()
        .show(
            ui,
            |ui| {
                Action::ToggleFilters.toggle(ui, panes.filters_open, &mut left);
                ui.separator();
                super::files::menu_ui(ui, view.status, &mut left);
                super::files::export_menu_ui(ui, view.status, &mut left);
                view_menu_ui(ui, view, panes, &mut left);
                ui.separator();
                ui.label(RichText::new(super::bidi::visual(&ds.info.title)).heading())
                    .on_hover_text(super::bidi::visual(&ds.info.description));
                ui.separator();
                ui.label(format!(
                    "{} of {} events · {} of {} claims",
                    q.events.len(),
                    ds.events.len(),
                    q.claims,
                    view.cat.index.claim_total
                ))
                .on_hover_text(format!(
                    "{} actors, {} places, {} sources",
                    ds.actors.len(),
                    ds.places.len(),
                    ds.sources.len()
                ));
            },
            |ui| {
                let current = view.settings.theme;
                egui::ComboBox::from_id_salt("theme")
                    .selected_text(current.label())
                    .show_ui(ui, |ui| {
                        for t in crate::session::settings::ThemeKind::ALL {
                            if ui.selectable_label(t == current, t.label()).clicked() {
                                right.push(Command::SetTheme(t));
                            }
                        }
                    })
                    .response
                    .on_hover_text("Theme: light, dark, or high contrast for projectors");
                Action::Fit.button(ui, &mut right);
                Action::ToggleListBeside.toggle(ui, panes.list_beside, &mut right);
                ui.separator();
                let modes = LaneMode::ALL.iter().rev();
                for mode in modes.filter(|m| m.applies_to(&view.cat.dataset)) {
                    if ui
                        .selectable_label(view.settings.lane_mode == *mode, mode.label())
                        .on_hover_text("Lanes of the timeline")
                        .clicked()
                    {
                        right.push(Command::SetLaneMode(*mode));
                    }
                }
                ui.label("Lanes:");
            },
        );
    cmds.append(&mut left);
    cmds.append(&mut right);
    ui.add_space(3.0);
}

/// The View menu: which panels stand open, each with its shortcut, and the way back to the
/// layout the window's width suggests.
fn view_menu_ui(ui: &mut egui::Ui, view: &ViewCtx, panes: Panes, cmds: &mut Vec<Command>) {
    ui.menu_button("View", |ui| {
        Action::ToggleFilters.menu_toggle(ui, panes.filters_open, cmds);
        Action::ToggleListBeside.menu_toggle(ui, panes.list_beside, cmds);
        ui.separator();
        Action::ShowBalance.menu_button(ui, true, cmds);
        Action::ShowTour.menu_button(ui, true, cmds);
        Action::AddToTour.menu_button(ui, view.selected.is_some(), cmds);
        ui.separator();
        let chosen = view.settings.panes != Default::default();
        if ui
            .add_enabled(chosen, egui::Button::new("Fit the layout to the window"))
            .on_hover_text(format!(
                "Below {FILTERS_OPEN_FROM:.0} points wide the filters fold and the event list \
                 becomes a tab; your own choice holds until you click this"
            ))
            .clicked()
        {
            cmds.push(Command::AutoPanes);
        }
    });
}

/// The status bar along the bottom: what is open, whether it is watched, warnings, loading.
pub fn status_bar(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| super::files::status_ui(ui, view.status, cmds));
    });
}
