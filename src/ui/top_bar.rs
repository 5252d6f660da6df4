//! The top bar: the dataset's title, what is shown out of what is loaded, and the view
//! actions (lanes, fit, theme).

use egui::RichText;

use super::Frame;
use crate::app::Command;
use crate::layout::lanes::LaneMode;

pub fn ui(ui: &mut egui::Ui, fr: &Frame, cmds: &mut Vec<Command>) {
    let ds = &fr.cat.dataset;
    let q = &fr.app.derived.query;
    ui.add_space(3.0);
    ui.horizontal(|ui| {
        super::files::menu_ui(ui, fr.app, cmds);
        ui.separator();
        ui.label(RichText::new(&ds.info.title).heading());
        ui.separator();
        ui.label(format!(
            "{} of {} events · {} of {} claims",
            q.events.len(),
            ds.events.len(),
            q.claims,
            ds.claim_count()
        ))
        .on_hover_text(format!(
            "{} actors, {} places, {} sources",
            ds.actors.len(),
            ds.places.len(),
            ds.sources.len()
        ));
        ui.separator();
        super::files::status_ui(ui, fr.app, cmds);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dark = fr.app.settings.dark;
            if ui
                .button(if dark { "Light theme" } else { "Dark theme" })
                .on_hover_text("Switch between the light and dark themes")
                .clicked()
            {
                cmds.push(Command::SetDark(!dark));
            }
            if ui
                .button("Fit")
                .on_hover_text("Fit the timeline to the filtered events (F, or double-click)")
                .clicked()
            {
                cmds.push(Command::FitAll);
            }
            ui.separator();
            for mode in LaneMode::ALL.iter().rev() {
                if ui
                    .selectable_label(fr.app.settings.lane_mode == *mode, mode.label())
                    .on_hover_text("Lanes of the timeline")
                    .clicked()
                {
                    cmds.push(Command::SetLaneMode(*mode));
                }
            }
            ui.label("Lanes:");
        });
    });
    ui.add_space(3.0);
}
