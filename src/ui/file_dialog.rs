//! Claimline's own file dialog, drawn in the window where the desktop has none: the folder
//! and its listing, a path field, the filters, and the buttons. What it does is in
//! [`crate::session::file_picker::Picker`].

use std::path::PathBuf;

use crate::session::file_picker::Picker;

/// Draws the dialog. `None` while it stays open; `Some(None)` when cancelled, `Some(paths)`
/// when answered.
pub fn show(ctx: &egui::Context, picker: &mut Picker) -> Option<Option<Vec<PathBuf>>> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("file_dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(&picker.request.title);
        ui.horizontal(|ui| {
            if ui
                .button("Parent folder")
                .on_hover_text("Go up one folder")
                .clicked()
            {
                picker.go_up();
            }
            ui.label(picker.folder.display().to_string());
        });
        listing(ui, picker, &mut answer);
        let confirm_typed = ui
            .horizontal(|ui| {
                let label = ui.label(if picker.is_save() { "Save as" } else { "File name" });
                let field = ui
                    .add(egui::TextEdit::singleline(&mut picker.typed).desired_width(f32::INFINITY))
                    .labelled_by(label.id)
                    .on_hover_text(
                        "A name in this folder or a whole path; several files as \"a.ron\" \"b.csv\"",
                    );
                if field.changed() {
                    picker.replace = None;
                }
                field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
            })
            .inner;
        filters(ui, picker);
        if let Some(problem) = &picker.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let ok = if picker.is_save() { "Save" } else { "Open" };
            if (ui.button(ok).clicked() || confirm_typed)
                && let Some(paths) = picker.confirm()
            {
                answer = Some(Some(paths));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    answer
}

/// The folder's folders and files: a click on a folder goes in, on a file chooses it (with
/// Ctrl, adds it when opening), a double click on a file answers.
fn listing(ui: &mut egui::Ui, picker: &mut Picker, answer: &mut Option<Option<Vec<PathBuf>>>) {
    let mut go_into = None;
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .max_height(280.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if picker.listing.is_empty() {
                ui.weak("Nothing here that the filter shows");
            }
            for entry in &picker.listing {
                if entry.is_folder {
                    if ui
                        .selectable_label(false, format!("{}/", entry.name))
                        .clicked()
                    {
                        go_into = Some(picker.folder.join(&entry.name));
                    }
                    continue;
                }
                let picked = picker.typed == entry.name
                    || picker.typed.contains(&format!("\"{}\"", entry.name));
                let r = ui.selectable_label(picked, &entry.name);
                if r.clicked() || r.double_clicked() {
                    let add = ui.input(|i| i.modifiers.command);
                    chosen = Some((entry.name.clone(), add, r.double_clicked()));
                }
            }
        });
    if let Some(folder) = go_into {
        picker.go_to(folder);
    }
    if let Some((name, add, answered)) = chosen {
        if !answered {
            picker.pick(&name, add);
        } else if let Some(paths) = picker.confirm() {
            *answer = Some(Some(paths));
        }
    }
}

fn filters(ui: &mut egui::Ui, picker: &mut Picker) {
    let name = |i: Option<usize>| match i.and_then(|i| picker.request.filters.get(i)) {
        Some(f) => format!("{} ({})", f.name, f.extensions.join(", ")),
        None => "All files".to_owned(),
    };
    let mut filter = picker.filter;
    ui.horizontal(|ui| {
        let label = ui.label("Show");
        egui::ComboBox::from_id_salt("file_dialog_filter")
            .selected_text(name(filter))
            .width(360.0)
            .show_ui(ui, |ui| {
                for i in (0..picker.request.filters.len()).map(Some).chain([None]) {
                    ui.selectable_value(&mut filter, i, name(i));
                }
            })
            .response
            .labelled_by(label.id);
    });
    if filter != picker.filter {
        picker.set_filter(filter);
    }
}
