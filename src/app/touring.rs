//! Building a tour in the window: steps added from the selected event and the timeline's view,
//! edited in the tour panel, saved as a `.tour.ron` file and presented from any step.

use std::path::PathBuf;

use super::{ClaimlineApp, Command};
use crate::command::{FileCommand, TourCommand};
use crate::session::file_picker::{Filter, Mode, Request};
use crate::session::tour_draft::{self, TourDraft};

/// A new tour's title, until the teacher gives one.
const NEW_TOUR: &str = "New tour";

/// The tour being built and whether its panel stands open.
#[derive(Debug, Default)]
pub struct Touring {
    pub draft: Option<TourDraft>,
    pub open: bool,
    /// The window was asked to close with unsaved changes to the tour: the question stands.
    pub asking_to_close: bool,
    /// The user chose to close without saving.
    may_close: bool,
}

impl Touring {
    /// Whether closing now would lose steps or changes.
    fn unsaved(&self) -> bool {
        (self.draft.as_ref()).is_some_and(|d| d.unsaved && !d.tour.steps.is_empty())
    }
}

impl ClaimlineApp {
    /// At a request to close the window: with unsaved changes to the tour, the window stays
    /// and asks first.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing && self.touring.unsaved() && !self.touring.may_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.touring.asking_to_close = true;
        }
    }

    pub(super) fn apply_tour(&mut self, ctx: &egui::Context, c: TourCommand) {
        let offset = self.display_offset();
        let view = self.panels.timeline.visible();
        match c {
            TourCommand::AddSelected => {
                let Some(id) = self.selected_id() else {
                    self.toast("Select an event to add it to the tour".to_owned());
                    return;
                };
                let zoom =
                    view.map(|(a, b)| tour_draft::zoom_as_written(a as i64, b as i64, offset));
                let draft = (self.touring.draft).get_or_insert_with(|| TourDraft::new(NEW_TOUR));
                let n = draft.add(&id, zoom) + 1;
                self.touring.open = true;
                self.toast(format!("Added as step {n} of the tour"));
            }
            TourCommand::Show(open) => {
                self.touring.open = open;
                if open && self.touring.draft.is_none() {
                    self.touring.draft = Some(TourDraft::new(NEW_TOUR));
                }
            }
            TourCommand::SetTitle(title) => self.edit_draft(|d| d.set_title(&title)),
            TourCommand::Move { from, to } => self.edit_draft(|d| d.move_step(from, to)),
            TourCommand::Remove(step) => self.edit_draft(|d| d.remove(step)),
            TourCommand::SetCaption(step, text) => self.edit_draft(|d| d.set_caption(step, &text)),
            TourCommand::UseView(step) => {
                let zoom =
                    view.map(|(a, b)| tour_draft::zoom_as_written(a as i64, b as i64, offset));
                self.edit_draft(|d| d.set_zoom(step, zoom));
            }
            TourCommand::ClearZoom(step) => self.edit_draft(|d| d.set_zoom(step, None)),
            TourCommand::SaveDialog => {
                let Some(d) = &self.touring.draft else { return };
                let request = Request {
                    title: "Save the tour".to_owned(),
                    mode: Mode::Save {
                        file_name: format!("{}{}", d.tour.id, crate::model::TourFile::ENDING),
                    },
                    filters: vec![Filter::new("Claimline tour", &["ron"])],
                    folder: self.dialog_folder(),
                };
                self.file_dialog(ctx, request, |paths| {
                    Command::Tour(TourCommand::Save(super::files::first(paths)))
                });
            }
            TourCommand::Save(chosen) => self.save_tour(ctx, &chosen),
            TourCommand::Close(close) => {
                self.touring.asking_to_close = false;
                if close {
                    self.touring.may_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            TourCommand::Edit(i) => {
                if self.touring.draft.as_ref().is_some_and(|d| d.unsaved) {
                    let why =
                        "Save the tour being built first (Save tour…): it has unsaved changes";
                    return self.toast(why.to_owned());
                }
                let Some(cat) = &self.catalog else { return };
                let Some(tour) = cat.dataset.tours.get(i) else {
                    return;
                };
                // A tour file's tour goes back to its file; a dataset's to a new one.
                let file = (cat.dataset.files.get(tour.file))
                    .filter(|f| crate::model::TourFile::is_named(&f.name))
                    .map(|f| PathBuf::from(&f.name));
                self.touring.draft = Some(TourDraft::editing(tour.clone(), file));
                self.touring.open = true;
            }
            TourCommand::PlayFrom(step) => {
                let Some(d) = &self.touring.draft else { return };
                if d.tour.steps.is_empty() {
                    return;
                }
                let tour = d.tour.clone();
                self.apply_present(ctx, Command::Present(true));
                self.present_draft(tour, step);
            }
        }
    }

    fn edit_draft(&mut self, edit: impl FnOnce(&mut TourDraft)) {
        if let Some(d) = &mut self.touring.draft {
            edit(d);
        }
    }

    /// Writes the tour to its own file (never over an open one), then opens that file beside
    /// the datasets, so its tour is one of theirs from then on.
    fn save_tour(&mut self, ctx: &egui::Context, chosen: &std::path::Path) {
        let Some(d) = &self.touring.draft else { return };
        let open = crate::session::loading::paths(&self.sources);
        // The tour's own file, opened beside the data when it was saved, may be saved again.
        let others: Vec<PathBuf> = (open.iter())
            .filter(|p| Some(*p) != d.file.as_ref())
            .cloned()
            .collect();
        let path = match tour_draft::save_path(chosen, &others) {
            Ok(p) => p,
            Err(e) => return self.toast(format!("Tour not saved: {e}")),
        };
        let text = d.file_text(self.display_offset());
        if let Err(e) = crate::output::write_atomic(&path, text.as_bytes()) {
            return self.toast(format!(
                "Could not save the tour to {}: {e}",
                path.display()
            ));
        }
        if let Some(d) = &mut self.touring.draft {
            d.file = Some(path.clone());
            d.unsaved = false;
        }
        self.toast(format!("Tour saved to {}", path.display()));
        let saved: PathBuf = path;
        if open.contains(&saved) {
            // Read again now rather than when the watcher notices.
            self.apply_file(ctx, FileCommand::Reload);
        } else {
            let source = crate::session::Source::File(saved);
            let mode = crate::session::OpenMode::Add;
            self.apply_file(ctx, FileCommand::Load(vec![source], mode));
        }
    }
}
