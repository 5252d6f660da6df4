//! The tour panel: the tour being built, a row per step (its event, caption and time range),
//! steps reordered by dragging their handle or with the ↑ ↓ buttons (which the keyboard
//! reaches too), and buttons to add the selected event, present from a step and save the tour
//! as a `.tour.ron` file. A thin panel: it is handed the draft and returns commands.

use chrono::FixedOffset;
use egui::RichText;

use crate::command::{Action, Command, ExportCommand, HandoutOf, TourCommand};
use crate::model::{TourStep, format_seconds, zone_name};
use crate::query::Catalog;
use crate::session::tour_draft::TourDraft;

/// The window's title, as a screen reader announces it.
pub const TITLE: &str = "Tour";

/// What the panel shows.
pub struct TourView<'a> {
    pub cat: &'a Catalog,
    pub draft: &'a TourDraft,
    pub selected: Option<usize>,
    /// The zone the window shows times in.
    pub offset: FixedOffset,
}

/// A step being dragged, by its place.
#[derive(Clone, Copy)]
struct Dragged(usize);

pub fn window(ctx: &egui::Context, view: &TourView, cmds: &mut Vec<Command>) {
    let mut open = true;
    let screen = ctx.content_rect();
    egui::Window::new(TITLE)
        .open(&mut open)
        .default_pos(screen.right_top() + egui::vec2(-560.0, 60.0))
        // Tall enough for four steps on a projector's 720 lines, five on a laptop's.
        .default_size(egui::vec2(
            540.0,
            (screen.height() - 160.0).clamp(300.0, 640.0),
        ))
        .max_size((screen.size() - egui::vec2(40.0, 100.0)).max(egui::vec2(300.0, 200.0)))
        .collapsible(false)
        .show(ctx, |ui| content(ui, view, cmds));
    if !open {
        cmds.push(Command::Tour(TourCommand::Show(false)));
    }
}

fn content(ui: &mut egui::Ui, view: &TourView, cmds: &mut Vec<Command>) {
    let draft = view.draft;
    ui.horizontal(|ui| {
        let label = ui.label("Tour title:");
        let mut title = draft.tour.title.clone();
        let field = ui.add(egui::TextEdit::singleline(&mut title).desired_width(260.0));
        if field.labelled_by(label.id).changed() {
            cmds.push(Command::Tour(TourCommand::SetTitle(title)));
        }
    });
    let tours = &view.cat.dataset.tours;
    if !tours.is_empty() {
        ui.horizontal(|ui| {
            let label = ui.label("Edit a tour of the data:");
            let choose = egui::ComboBox::from_id_salt("tour_to_edit")
                .selected_text("choose…")
                .show_ui(ui, |ui| {
                    for (i, t) in tours.iter().enumerate() {
                        if ui.selectable_label(false, &t.title).clicked() {
                            cmds.push(Command::Tour(TourCommand::Edit(i)));
                        }
                    }
                });
            choose.response.labelled_by(label.id);
        });
    }
    let saved = match (&draft.file, draft.unsaved) {
        (Some(f), false) => format!("Saved in {}", f.display()),
        (Some(f), true) => format!("Changed since saved in {}", f.display()),
        (None, _) => "Not saved yet: a tour is saved in a .tour.ron file of its own".to_owned(),
    };
    ui.weak(saved);
    ui.separator();
    let steps = &draft.tour.steps;
    if steps.is_empty() {
        ui.label("No steps yet: select an event, then Add to tour.");
    }
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 40.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (i, step) in steps.iter().enumerate() {
                step_row(ui, view, (i, step), cmds);
                ui.separator();
            }
        });
    ui.horizontal(|ui| {
        Action::AddToTour.button_enabled(ui, view.selected.is_some(), cmds);
        let has_steps = !steps.is_empty();
        if ui
            .add_enabled(has_steps, egui::Button::new("▶ Present"))
            .on_hover_text("Present this tour from its first step")
            .clicked()
        {
            cmds.push(Command::Tour(TourCommand::PlayFrom(0)));
        }
        if ui
            .add_enabled(has_steps, egui::Button::new("Save tour…"))
            .on_hover_text("Save the tour as a .tour.ron file, to open beside its datasets")
            .clicked()
        {
            cmds.push(Command::Tour(TourCommand::SaveDialog));
        }
        if ui
            .add_enabled(has_steps, egui::Button::new("Handout (PDF)…"))
            .on_hover_text(
                "A printable account of each step for the class: caption, event, timeline, \
                 every party's claims side by side and their sources",
            )
            .clicked()
        {
            cmds.push(Command::Export(ExportCommand::HandoutDialog(
                HandoutOf::Draft,
            )));
        }
    });
}

/// Asked when the window is to close with unsaved changes to the tour.
pub fn close_question(ctx: &egui::Context, cmds: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("tour_close_question")).show(ctx, |ui| {
        ui.heading("The tour has unsaved changes");
        ui.label("Closing now loses them. Save the tour in a .tour.ron file first?");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save tour…").clicked() {
                cmds.push(Command::Tour(TourCommand::Close(false)));
                cmds.push(Command::Tour(TourCommand::SaveDialog));
            }
            if ui.button("Close without saving").clicked() {
                cmds.push(Command::Tour(TourCommand::Close(true)));
            }
            if ui.button("Cancel").clicked() {
                cmds.push(Command::Tour(TourCommand::Close(false)));
            }
        });
    });
}

/// One step: its handle and number, its event, its caption, its time range, its buttons.
fn step_row(
    ui: &mut egui::Ui,
    view: &TourView,
    (i, step): (usize, &TourStep),
    cmds: &mut Vec<Command>,
) {
    let tour = |c| Command::Tour(c);
    let n = view.draft.tour.steps.len();
    let row = ui.horizontal(|ui| {
        let handle = ui.dnd_drag_source(egui::Id::unique(("tour_step", i)), Dragged(i), |ui| {
            ui.label(RichText::new(format!("↕ {}", i + 1)).strong())
        });
        handle.response.on_hover_text("Drag to move this step");
        ui.vertical(|ui| {
            ui.label(RichText::new(event_title(view, &step.event)).strong());
            ui.horizontal(|ui| {
                // Named by step, so a screen reader (and a test) tells the fields apart.
                let label = ui.label(format!("Caption of step {}:", i + 1));
                let mut caption = step.caption.clone().unwrap_or_default();
                let field = egui::TextEdit::singleline(&mut caption)
                    .hint_text("the presenter's words")
                    .desired_width(240.0);
                if ui.add(field).labelled_by(label.id).changed() {
                    cmds.push(tour(TourCommand::SetCaption(i, caption)));
                }
            });
            ui.horizontal(|ui| {
                ui.weak(zoom_text(view, step));
                if ui
                    .small_button("Use view")
                    .on_hover_text("Show what the timeline shows now at this step")
                    .clicked()
                {
                    cmds.push(tour(TourCommand::UseView(i)));
                }
                if step.zoom.is_some()
                    && ui
                        .small_button("Event's own")
                        .on_hover_text("Show the event's own stretch of time at this step")
                        .clicked()
                {
                    cmds.push(tour(TourCommand::ClearZoom(i)));
                }
            });
            ui.horizontal(|ui| {
                let up = ui.add_enabled(i > 0, egui::Button::new("↑").small());
                if up.on_hover_text("Move this step up").clicked() {
                    cmds.push(tour(TourCommand::Move { from: i, to: i - 1 }));
                }
                let down = ui.add_enabled(i + 1 < n, egui::Button::new("↓").small());
                if down.on_hover_text("Move this step down").clicked() {
                    cmds.push(tour(TourCommand::Move { from: i, to: i + 1 }));
                }
                if ui
                    .small_button("▶ Present from here")
                    .on_hover_text("Present the tour from this step")
                    .clicked()
                {
                    cmds.push(tour(TourCommand::PlayFrom(i)));
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text("Take this step out of the tour")
                    .clicked()
                {
                    cmds.push(tour(TourCommand::Remove(i)));
                }
            });
        });
    });
    // A step dropped on this row takes its place.
    let response = row.response;
    if let Some(dragged) = response.dnd_hover_payload::<Dragged>()
        && dragged.0 != i
    {
        let stroke = ui.visuals().selection.stroke;
        ui.painter()
            .rect_stroke(response.rect, 2.0, stroke, egui::StrokeKind::Outside);
    }
    if let Some(dragged) = response.dnd_release_payload::<Dragged>() {
        cmds.push(tour(TourCommand::Move {
            from: dragged.0,
            to: i,
        }));
    }
}

/// The title of the event a step names, or what is wrong with the id.
fn event_title(view: &TourView, id: &str) -> String {
    let ds = &view.cat.dataset;
    match view.cat.index.event_index(ds, id) {
        Some(e) => ds.events[e].title.to_string(),
        None => format!("{id} (no such event in the files open)"),
    }
}

/// "13 Sep 2022 – 14 Sep 2022", or that the step shows its event's own time.
fn zoom_text(view: &TourView, step: &TourStep) -> String {
    match step.zoom.as_ref().map(|z| z.span(view.offset)) {
        None => "Shows the event's own time".to_owned(),
        Some(Ok((a, b))) => {
            let whole_days = (b - a) % 86_400 == 0;
            let with_time = !whole_days;
            let end = if whole_days { b - 1 } else { b };
            // The zone once, after the end: "13 Sep 2022 06:00 – 14 Sep 2022 09:00 UTC+04:00".
            let start = format_seconds(a, view.offset, with_time);
            let zone = format!(" {}", zone_name(view.offset));
            let start = start.strip_suffix(&zone).unwrap_or(&start);
            format!(
                "Shows {start} – {}",
                format_seconds(end, view.offset, with_time)
            )
        }
        Some(Err(e)) => format!("Time range unreadable: {e}"),
    }
}
