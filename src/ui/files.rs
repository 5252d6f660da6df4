//! The file side of the window: the File menu (open, recent, reload, save view), the loading
//! indicator, the problems panel (every diagnostic, copyable, while the old data stays on
//! screen), the add-or-replace question, and short confirmations.

use crate::model::length::shown;
use std::time::Duration;

use egui::{RichText, TextStyle};

use super::StatusView;
use crate::command::{Action, Command, FileCommand};
use crate::session::loading::LoadJob;
use crate::session::{OpenMode, Source};

fn file(c: FileCommand) -> Command {
    Command::File(c)
}

pub fn menu_ui(ui: &mut egui::Ui, status: &StatusView, cmds: &mut Vec<Command>) {
    ui.menu_button("File", |ui| {
        Action::Open.menu_button(ui, true, cmds);
        ui.menu_button("Open recent", |ui| {
            if status.recent.is_empty() {
                ui.weak("No recent files");
            }
            for p in status.recent {
                let label = p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .button(label)
                    .on_hover_text(p.display().to_string())
                    .clicked()
                {
                    cmds.push(file(FileCommand::Open(vec![Source::File(p.clone())])));
                }
            }
        });
        Action::OpenBundled.menu_button(ui, true, cmds);
        ui.separator();
        let has_files = status.sources.iter().any(|s| s.path().is_some());
        Action::Reload.menu_button(ui, has_files, cmds);
        Action::SaveView.menu_button(ui, true, cmds);
    });
}

/// The Export menu: pictures of the window or one panel, the clipboard, the filtered data,
/// handouts.
pub fn export_menu_ui(ui: &mut egui::Ui, status: &StatusView, cmds: &mut Vec<Command>) {
    use crate::command::{DataFormat, ExportCommand};
    let ex = |c| Command::Export(c);
    ui.menu_button("Export", |ui| {
        for action in [
            Action::ExportWindow,
            Action::ExportTimeline,
            Action::ExportClaims,
            Action::ExportMap,
            Action::CopyWindow,
        ] {
            action.menu_button(ui, true, cmds);
        }
        ui.separator();
        let mut caption = status.export.caption;
        if ui
            .checkbox(&mut caption, "Caption under pictures")
            .on_hover_text("Dataset, active filters and the sources of the claims shown")
            .changed()
        {
            cmds.push(ex(ExportCommand::SetCaption(caption)));
        }
        let mut double = status.export.double;
        if ui
            .checkbox(&mut double, "Export at 2× (print, projectors)")
            .changed()
        {
            cmds.push(ex(ExportCommand::SetDouble(double)));
        }
        ui.separator();
        if ui
            .button("Filtered data as CSV…")
            .on_hover_text("One row per claim")
            .clicked()
        {
            cmds.push(ex(ExportCommand::DataDialog(DataFormat::Csv)));
        }
        if ui
            .button("Filtered data as RON…")
            .on_hover_text("A dataset file of the filtered events, to share and open again")
            .clicked()
        {
            cmds.push(ex(ExportCommand::DataDialog(DataFormat::Ron)));
        }
        if ui
            .button("Filtered data as a spreadsheet (xlsx)…")
            .on_hover_text(
                "A claims sheet, one row per claim: edit it in a spreadsheet program and open it again",
            )
            .clicked()
        {
            cmds.push(ex(ExportCommand::DataDialog(DataFormat::Xlsx)));
        }
        ui.separator();
        handout_menu_ui(ui, status, cmds);
    });
}

/// Handouts (PDF): a tour's, chosen among the tour being edited and the open files' tours,
/// or the filtered events'; and the paper they are set on.
fn handout_menu_ui(ui: &mut egui::Ui, status: &StatusView, cmds: &mut Vec<Command>) {
    use crate::command::{ExportCommand, HandoutOf};
    use crate::session::settings::PaperSize;
    let dialog = |of| Command::Export(ExportCommand::HandoutDialog(of));
    let tours = status
        .catalog
        .map_or(&[][..], |c| c.dataset.tours.as_slice());
    let any = status.draft_tour.is_some() || !tours.is_empty();
    ui.add_enabled_ui(any, |ui| {
        ui.menu_button("Tour handout (PDF)", |ui| {
            if let Some(title) = status.draft_tour
                && ui
                    .button(format!("{} (being edited)…", shown(title)))
                    .on_hover_text("The tour in the tour editor, as it stands now")
                    .clicked()
            {
                cmds.push(dialog(HandoutOf::Draft));
            }
            for (t, tour) in tours.iter().enumerate() {
                if ui.button(format!("{}…", shown(&tour.title))).clicked() {
                    cmds.push(dialog(HandoutOf::Tour(t)));
                }
            }
        })
        .response
        .on_hover_text(
            "A printable account of each step: its caption, the event, the timeline around it, \
             every party's claims side by side and their sources",
        )
        .on_disabled_hover_text("No tour is open: build one with View → Tour editor");
    });
    if ui
        .button("Filtered events (PDF)…")
        .on_hover_text("The same account for each event the filters select, in time order")
        .clicked()
    {
        cmds.push(dialog(HandoutOf::Filtered));
    }
    ui.horizontal(|ui| {
        ui.label("Paper:");
        for paper in PaperSize::ALL {
            if ui
                .radio(status.export.paper == paper, paper.label())
                .clicked()
            {
                cmds.push(Command::Export(ExportCommand::SetPaper(paper)));
            }
        }
    });
}

/// What a running load shows: a spinner, its stage, a progress bar for large files, and a
/// button that cancels it (the data on screen stays).
pub fn load_progress(ui: &mut egui::Ui, job: &LoadJob, cmds: &mut Vec<Command>) {
    busy_indicator(ui);
    let (_, total) = job.progress.bytes();
    ui.label(format!(
        "{} {}…",
        job.progress.stage().label(),
        job.describe()
    ));
    if total > 4 << 20 {
        ui.add(
            egui::ProgressBar::new(job.progress.fraction())
                .desired_width(140.0)
                .show_percentage(),
        );
    }
    if ui
        .button("Cancel")
        .on_hover_text("Stop loading; what is on screen stays")
        .clicked()
    {
        cmds.push(Command::File(FileCommand::CancelLoad));
    }
}

/// How often the window is drawn while a file loads: the dots and the progress bar move twice
/// a second. Under a software renderer each frame costs tens of milliseconds of both cores,
/// taken from the loader: at ten frames a second a 100,000-event file took 6 s to open in
/// the window against 3.5 s for the same stages alone; at four, 1.98–2.23 s against
/// 1.74–1.97 s at two (alternating runs, 2026-12-04).
pub const LOADING_FRAME: Duration = Duration::from_millis(500);

/// A ring of dots whose bright one moves a step each [`LOADING_FRAME`]. egui's spinner asks
/// for the next frame at once, every frame, which kept a core busy while the loader needed it.
fn busy_indicator(ui: &mut egui::Ui) {
    const DOTS: usize = 8;
    let side = ui.style().spacing.interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, "Loading"));
    let lit = (ui.input(|i| i.time) / LOADING_FRAME.as_secs_f64()) as usize % DOTS;
    let (strong, weak) = (
        ui.visuals().strong_text_color(),
        ui.visuals().weak_text_color(),
    );
    let radius = side * 0.35;
    for k in 0..DOTS {
        let angle = k as f32 / DOTS as f32 * std::f32::consts::TAU;
        let at = rect.center() + radius * egui::vec2(angle.cos(), angle.sin());
        let colour = if k == lit { strong } else { weak };
        ui.painter().circle_filled(at, side * 0.08, colour);
    }
    ui.ctx().request_repaint_after(LOADING_FRAME);
}

/// A spinner and progress bar while a load runs; the open files and their warnings otherwise.
pub fn status_ui(ui: &mut egui::Ui, status: &StatusView, cmds: &mut Vec<Command>) {
    if let Some(job) = status.job {
        load_progress(ui, job, cmds);
        return;
    }
    let watching = if status.watching {
        " · reloaded when they change on disk"
    } else {
        ""
    };
    // Each file by its own title, with its curator and licence on hover: merged files are
    // credited each for its part, never under the first file's name.
    let files = status
        .catalog
        .as_ref()
        .map_or(&[][..], |c| c.dataset.files.as_slice());
    let names: Vec<String> = status.sources.iter().map(Source::label).collect();
    let full: Vec<String> = status
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = s
                .path()
                .map_or_else(|| s.label(), |p| p.display().to_string());
            match files.get(i) {
                Some(f) => format!("{}\n    {path}", shown(&f.credit())),
                None => path,
            }
        })
        .collect();
    ui.weak(format!("Open: {}{watching}", names.join(" + ")))
        .on_hover_text(full.join("\n"));
    if files.len() > 1 {
        let titles: Vec<String> = files
            .iter()
            .map(|f| format!("“{}”", shown(&f.info.title)))
            .collect();
        let credits: Vec<String> = files
            .iter()
            .map(|f| shown(&f.credit()).into_owned())
            .collect();
        ui.weak(format!("· {} datasets: {}", files.len(), titles.join(", ")))
            .on_hover_text(credits.join("\n"));
    }
    if !status.warnings.is_empty()
        && ui
            .small_button(format!(
                "{} warning{}",
                status.warnings.len(),
                if status.warnings.len() == 1 { "" } else { "s" }
            ))
            .on_hover_text("Show the warnings of the files loaded")
            .clicked()
    {
        cmds.push(file(FileCommand::ShowWarnings));
    }
}

/// The problems of the last load, in a panel across the bottom of the window.
pub fn problems_ui(ui: &mut egui::Ui, status: &StatusView, cmds: &mut Vec<Command>) {
    let Some(p) = &status.problems else { return };
    egui::Panel::bottom("problems")
        .resizable(true)
        .default_size(160.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let colour = if p.failed { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
                ui.label(RichText::new(&p.heading).strong().color(colour));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Dismiss").clicked() {
                        cmds.push(file(FileCommand::DismissProblems));
                    }
                    if ui.button("Copy all").on_hover_text("Copy every message as file:line:col: text").clicked() {
                        ui.copy_text(p.text());
                    }
                });
            });
            if p.failed {
                ui.weak("Fix the file and save it: it is reloaded by itself. Nothing is written to your files.");
            }
            let mut text = shown(&p.text()).into_owned();
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
                // Read-only but selectable, so any part can be copied.
                ui.add(
                    egui::TextEdit::multiline(&mut text)
                        .font(TextStyle::Monospace)
                        .interactive(true)
                        .desired_width(f32::INFINITY)
                        .desired_rows(3),
                )
                .on_hover_text("Problems found (read only)");
            });
        });
}

/// Asks whether files just opened join what is loaded or replace it.
pub fn open_prompt_ui(ctx: &egui::Context, status: &StatusView, cmds: &mut Vec<Command>) {
    let Some(new) = status.pending_open else {
        return;
    };
    let names: Vec<String> = new.iter().map(Source::label).collect();
    let modal = egui::Modal::new(egui::Id::unique("open_prompt")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Open files");
        ui.label(format!("Open {}:", names.join(", ")));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button("Add to what is open")
                .on_hover_text("Merge with the files already loaded")
                .clicked()
            {
                cmds.push(file(FileCommand::Load(new.to_vec(), OpenMode::Add)));
            }
            if ui
                .button("Replace")
                .on_hover_text("Close the files loaded and open these")
                .clicked()
            {
                cmds.push(file(FileCommand::Load(new.to_vec(), OpenMode::Replace)));
            }
            if ui.button("Cancel").clicked() {
                cmds.push(file(FileCommand::CancelOpen));
            }
        });
    });
    if modal.should_close() {
        cmds.push(file(FileCommand::CancelOpen));
    }
}

/// A confirmation in the corner that fades after a few seconds.
pub fn toast_ui(ctx: &egui::Context, status: &StatusView) {
    const SHOW: Duration = Duration::from_secs(4);
    let Some((msg, at)) = &status.toast else {
        return;
    };
    if at.elapsed() > SHOW {
        return;
    }
    ctx.request_repaint_after(SHOW.saturating_sub(at.elapsed()));
    egui::Area::new(egui::Id::unique("toast"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(msg);
            });
        });
}

/// The whole window while nothing is loaded: a load in progress, or why none succeeded.
pub fn nothing_loaded_ui(ui: &mut egui::Ui, status: &StatusView, cmds: &mut Vec<Command>) {
    egui::Panel::top("top_bar_empty").show(ui, |ui| {
        ui.horizontal(|ui| {
            menu_ui(ui, status, cmds);
            ui.separator();
            status_ui(ui, status, cmds);
        });
    });
    problems_ui(ui, status, cmds);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.3);
            if let Some(job) = status.job {
                ui.heading("Loading…");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    // Centre the row: its width is known only roughly before it is laid out.
                    ui.add_space((ui.available_width() - 520.0).max(0.0) / 2.0);
                    load_progress(ui, job, cmds);
                });
            } else {
                ui.heading("Nothing is loaded");
                let open = Action::Open.shortcut_text(ui.ctx());
                ui.label(format!("Open a dataset (File → Open…, {open}), drop files here (datasets, ACLED exports, claims sheets), or open the bundled one."));
                Action::OpenBundled.button(ui, cmds);
            }
        });
    });
}
