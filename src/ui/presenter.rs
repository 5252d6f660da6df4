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
    // The timeline as tall as the step's titles need, within a share that leaves the claims
    // their room; it follows each step, so it is not dragged.
    // A step whose first claims are cut even in the smallest type gives them more.
    let short = view.presenting.as_ref().is_some_and(|p| p.short);
    let share = if short { 0.2 } else { 0.4 };
    let most = (total_h * share).max(140.0);
    let timeline_h = panels.timeline.wanted_height().clamp(140.0, most);
    let timeline_area = egui::Panel::top("present_timeline")
        .resizable(false)
        .exact_size(timeline_h)
        .show(ui, |ui| {
            // No casualty strip here: the gutter holds only the lane names.
            let gutter = super::timeline::gutter_width(ui, view, 0.0);
            let h = ui.available_height();
            panels.timeline.ui(ui, view, gutter, h, cmds);
        })
        .response
        .rect;
    if (panels.timeline.wanted_height().clamp(140.0, most) - timeline_h).abs() > 1.0 {
        ui.ctx().request_repaint();
    }
    // The map beside the claim columns, with the step's places ringed.
    // A short step's map narrows too, so the columns are wider and the claims shorter.
    let map_area = if panels.map.hidden_in_presenter {
        egui::Rect::NOTHING
    } else {
        let panel = if short {
            egui::Panel::right("present_map_short")
                .resizable(false)
                .exact_size((ui.available_width() * 0.2).clamp(200.0, 400.0))
        } else {
            egui::Panel::right("present_map")
                .resizable(true)
                .default_size((ui.available_width() * 0.32).clamp(260.0, 640.0))
        };
        panel
            .show(ui, |ui| super::map::ui(ui, view, &mut panels.map, cmds))
            .response
            .rect
    };
    let claims_area = egui::CentralPanel::default()
        .show(ui, |ui| {
            super::claims::paged(
                ui,
                view,
                view.visible,
                cmds,
                &mut panels.cards,
                &mut panels.paging,
            );
            if panels.paging.more_below() {
                more_below_cue(ui, view);
            }
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

/// A band across the foot of the claims saying that more cards are below, and which key shows
/// them: a class should not miss the claim under the last line.
fn more_below_cue(ui: &egui::Ui, view: &ViewCtx) {
    let key = Action::PresentForward.kb_shortcuts(ui.ctx().os())[0];
    let words = format!("▼ More below ({})", ui.ctx().format_shortcut(&key));
    let area = ui.max_rect();
    let font = egui::FontId::proportional(14.0);
    let galley = ui
        .painter()
        .layout_no_wrap(words.clone(), font, ui.visuals().strong_text_color());
    let band = egui::Rect::from_min_max(
        egui::pos2(area.min.x, area.max.y - galley.size().y - 8.0),
        area.max,
    );
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("more-below"),
    ));
    painter.rect_filled(band, 0.0, super::theme::band_fill(ui.visuals()));
    painter.line_segment(
        [band.left_top(), band.right_top()],
        egui::Stroke::new(1.0, view.palette.outline),
    );
    let at = egui::pos2(band.center().x - galley.size().x / 2.0, band.min.y + 4.0);
    painter.galley(at, galley, ui.visuals().strong_text_color());
    super::accessible_node(
        ui,
        egui::Id::unique("more-below-cue"),
        egui::Role::Label,
        words,
        band,
    );
}
