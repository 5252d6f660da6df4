//! Presenter mode's window: no sidebar, list or status bar; a slim bar to choose the tour and
//! step, the step's caption in large type, the timeline, and the two claim columns below it.

use egui::{Frame as EFrame, Margin, RichText};

use super::ViewCtx;
use crate::command::{Action, Command};

pub fn ui(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    panels: &mut super::PanelState,
    cmds: &mut Vec<Command>,
) {
    let total_h = ui.available_height();
    egui::Panel::top("present_bar").show(ui, |ui| bar_ui(ui, view, &mut panels.map, cmds));
    if let Some(caption) = view.presenting.as_ref().and_then(|p| p.caption.as_deref()) {
        egui::Panel::top("present_caption")
            .frame(
                EFrame::new()
                    .fill(super::theme::band_fill(ui.visuals()))
                    .inner_margin(Margin::symmetric(16, 10)),
            )
            .show(ui, |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(super::bidi::visual(caption))
                            .size(19.0)
                            .strong(),
                    )
                    .wrap(),
                );
            });
    }
    let timeline_area = egui::Panel::top("present_timeline")
        .resizable(true)
        .default_size((total_h * 0.27).clamp(140.0, 420.0))
        .show(ui, |ui| {
            // No casualty strip here: the gutter holds only the lane names.
            let gutter = super::timeline::gutter_width(ui, view, 0.0);
            let h = ui.available_height();
            panels.timeline.ui(ui, view, gutter, h, cmds);
        })
        .response
        .rect;
    // The map beside the claim columns, with the step's places ringed.
    let map_area = if panels.map.hidden_in_presenter {
        egui::Rect::NOTHING
    } else {
        egui::Panel::right("present_map")
            .resizable(true)
            .default_size((ui.available_width() * 0.32).clamp(260.0, 640.0))
            .show(ui, |ui| super::map::ui(ui, view, &mut panels.map, cmds))
            .response
            .rect
    };
    let claims_area = egui::CentralPanel::default()
        .show(ui, |ui| {
            super::claims::ui(ui, view, view.visible, cmds, &mut panels.cards)
        })
        .response
        .rect;
    panels.regions = super::Regions {
        window: ui.ctx().content_rect(),
        timeline: timeline_area,
        claims: claims_area,
        map: map_area,
    };
}

fn bar_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    map: &mut super::map::MapState,
    cmds: &mut Vec<Command>,
) {
    let tours = &view.cat.dataset.tours;
    let Some(p) = &view.presenting else { return };
    ui.horizontal(|ui| {
        let current = p
            .tour
            .and_then(|t| tours.get(t))
            .map_or("All filtered events, in time order", |t| t.title.as_str());
        egui::ComboBox::from_id_salt("tour")
            .selected_text(super::bidi::visual(current))
            .width(240.0)
            .show_ui(ui, |ui| {
                for (i, t) in tours.iter().enumerate() {
                    if ui
                        .selectable_label(p.tour == Some(i), super::bidi::visual(&t.title))
                        .clicked()
                    {
                        cmds.push(Command::ChooseTour(Some(i)));
                    }
                }
                if ui
                    .selectable_label(p.tour.is_none(), "All filtered events, in time order")
                    .clicked()
                {
                    cmds.push(Command::ChooseTour(None));
                }
            })
            .response
            .on_hover_text("What to step through");
        Action::PresentPrevious.button(ui, cmds);
        Action::PresentNext.button(ui, cmds);
        ui.label(format!("Step {} of {}", p.step + 1, p.step_count.max(1)));
        let mut shown = !map.hidden_in_presenter;
        if ui
            .checkbox(&mut shown, "Map")
            .on_hover_text("The map beside the claims, with this step's places ringed")
            .changed()
        {
            map.hidden_in_presenter = !shown;
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // The way out is written on the button: a presenter should never hunt for it.
            let exit = Action::StopPresenting;
            let key = exit.kb_shortcuts(ui.ctx().os())[0];
            let words = format!("{} ({})", exit.text(), ui.ctx().format_shortcut(&key));
            let zoom = |k| ui.ctx().format_shortcut(&k);
            let tip = format!(
                "{}. {} and {} change the size of everything.",
                exit.tooltip(ui.ctx()),
                zoom(egui::gui_zoom::kb_shortcuts::ZOOM_IN),
                zoom(egui::gui_zoom::kb_shortcuts::ZOOM_OUT)
            );
            if ui.button(words).on_hover_text(tip).clicked() {
                cmds.push(exit.command());
            }
        });
    });
}
