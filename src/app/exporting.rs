//! Exports from the window. A picture at screen resolution is the window's own pixels: egui is
//! asked for a screenshot, which arrives a frame later and is cut to the panel's rectangle. At
//! 2× the same view is drawn again off screen by the CPU renderer, with the window's memory
//! (panel sizes, the timeline's range) copied over, so the layout is the one on screen. Either
//! way the caption goes under it, and the file is written through a temporary name.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::clipboard::PictureClipboard;
use super::headless::{self, Headless};
use super::{ClaimlineApp, Command};
use crate::command::{DataFormat, Dest, ExportCommand, HandoutOf};
use crate::export::{Target, caption, data, handout, png};
use crate::model::Tour;
use crate::session::file_picker::{Filter, Mode, Request};
use crate::session::settings::{PaperSize, ThemeKind};
use crate::ui::theme::Palette;

/// A picture on its way: the screenshot it waits for.
pub struct Capture {
    target: Target,
    dest: Dest,
    rx: Receiver<Arc<egui::ColorImage>>,
}

#[derive(Default)]
pub struct ExportState {
    capture: Option<Capture>,
    clipboard: PictureClipboard,
    /// The caption of the last picture delivered: what it named, whether or not it was drawn.
    pub last_caption: Vec<String>,
}

impl ExportState {
    pub fn busy(&self) -> bool {
        self.capture.is_some()
    }
}

impl ClaimlineApp {
    pub(super) fn apply_export(&mut self, ctx: &egui::Context, c: ExportCommand) {
        match c {
            ExportCommand::PictureDialog(target) => {
                let name = format!("{}-{}-{}.png", self.slug(), target.name(), today());
                let title = format!("Export a picture of the {}", target.describe());
                self.save_dialog(ctx, title, name, "PNG image", "png", move |p| {
                    ExportCommand::Picture(target, Dest::File(p))
                });
            }
            ExportCommand::DataDialog(format) => {
                let (ext, what) = match format {
                    DataFormat::Csv => ("csv", "CSV (one row per claim)"),
                    DataFormat::Ron => ("ron", "Claimline dataset (RON)"),
                    DataFormat::Xlsx => ("xlsx", "Claims sheet (Excel workbook)"),
                };
                let name = format!("{}-filtered-{}.{ext}", self.slug(), today());
                let title = "Export the filtered data".to_owned();
                self.save_dialog(ctx, title, name, what, ext, move |p| {
                    ExportCommand::Data(format, p)
                });
            }
            ExportCommand::Picture(target, dest) => self.start_picture(ctx, target, dest),
            ExportCommand::Data(format, path) => {
                let result = self.filtered_data(format).and_then(|bytes| {
                    self.refuse_open_dataset(&path)?;
                    crate::output::write_atomic(&path, &bytes).map_err(|e| e.to_string())
                });
                self.report(result.map(|()| format!("Saved {}", path.display())));
            }
            ExportCommand::SetCaption(on) => self.settings.export.caption = on,
            ExportCommand::SetDouble(on) => self.settings.export.double = on,
            ExportCommand::SetPaper(paper) => self.settings.export.paper = paper,
            ExportCommand::HandoutDialog(of) => {
                let what = match of {
                    HandoutOf::Filtered => "events".to_owned(),
                    _ => self
                        .tour_of(of)
                        .map_or_else(|_| "tour".to_owned(), |t| t.id.clone()),
                };
                let name = format!("{}-{what}-{}.pdf", self.slug(), today());
                let title = match of {
                    HandoutOf::Filtered => "Save a handout of the filtered events",
                    _ => "Save the tour's handout",
                };
                self.save_dialog(
                    ctx,
                    title.to_owned(),
                    name,
                    "PDF document",
                    "pdf",
                    move |p| ExportCommand::Handout(of, p),
                );
            }
            ExportCommand::Handout(of, path) => {
                let paper = self.settings.export.paper;
                let result = (self.handout(of, paper))
                    .and_then(|pages| handout::to_pdf(&pages))
                    .and_then(|bytes| {
                        self.refuse_open_dataset(&path)?;
                        crate::output::write_atomic(&path, &bytes).map_err(|e| e.to_string())
                    });
                self.report(result.map(|()| format!("Saved {}", path.display())));
            }
        }
    }

    /// The tour a handout of `of` prints.
    fn tour_of(&self, of: HandoutOf) -> Result<&Tour, String> {
        match of {
            HandoutOf::Draft => (self.touring.draft.as_ref())
                .map(|d| &d.tour)
                .ok_or_else(|| "no tour is being edited".to_owned()),
            HandoutOf::Tour(t) => (self.catalog.as_ref())
                .and_then(|c| c.dataset.tours.get(t))
                .ok_or_else(|| "there is no such tour".to_owned()),
            HandoutOf::Filtered => Err("the filtered events are not a tour".to_owned()),
        }
    }

    /// A handout of a tour or of the filtered events, set on `paper` in the light theme's
    /// colours (paper is white), with the viewer's columns for steps that name none.
    pub fn handout(&self, of: HandoutOf, paper: PaperSize) -> Result<handout::Pages, String> {
        let cat = self.catalog.as_ref().ok_or("nothing is loaded")?;
        let inks = Palette::new(ThemeKind::Light, Some(&cat.dataset)).inks();
        let paper = match paper {
            PaperSize::A4 => handout::Paper::A4,
            PaperSize::Letter => handout::Paper::LETTER,
        };
        let columns = self.settings.columns.as_deref();
        match of {
            HandoutOf::Filtered => {
                let filters =
                    caption::filters_line(&cat.dataset, &cat.index, &self.settings.filter);
                let events = &self.derived.query.events;
                handout::events_pages(cat, events, &filters, columns, paper, &inks)
            }
            _ => {
                let tour = self.tour_of(of)?;
                if tour.steps.is_empty() {
                    return Err("the tour has no steps yet: add events to it first".to_owned());
                }
                Ok(handout::tour_pages(cat, tour, columns, paper, &inks))
            }
        }
    }

    fn save_dialog(
        &mut self,
        ctx: &egui::Context,
        title: String,
        name: String,
        what: &'static str,
        ext: &'static str,
        then: impl FnOnce(PathBuf) -> ExportCommand + Send + 'static,
    ) {
        let request = Request {
            title,
            mode: Mode::Save { file_name: name },
            filters: vec![Filter::new(what, &[ext])],
            folder: self.dialog_folder(),
        };
        self.file_dialog(ctx, request, |paths| {
            Command::Export(then(super::files::first(paths)))
        });
    }

    fn start_picture(&mut self, ctx: &egui::Context, target: Target, dest: Dest) {
        // A panel that is not on screen (the map hidden in presenter mode) has no picture.
        if !self.panels.regions.of(target).is_positive() {
            self.toast(format!(
                "The {} is not on screen: nothing to export",
                target.describe()
            ));
            return;
        }
        if self.settings.export.double || target == Target::Claims {
            // Off screen, with the window's layout: at 2×, or the claim panels whole (a
            // screenshot would cut the cards scrolled out of view). The panels' record of
            // where things were drawn is the window's again afterwards.
            let on_screen = (self.panels.regions, self.panels.cards.clone());
            let result = self
                .render_off_screen(ctx, target)
                .and_then(|img| self.deliver(img, target, &dest));
            (self.panels.regions, self.panels.cards) = on_screen;
            self.report(result);
            return;
        }
        let (tx, rx) = channel();
        let wake = ctx.clone();
        ctx.request_screenshot(move |img| {
            let _ = tx.send(img);
            wake.request_repaint();
        });
        self.exports.capture = Some(Capture { target, dest, rx });
    }

    /// Called every frame: a screenshot may have arrived.
    pub(super) fn poll_exports(&mut self, ctx: &egui::Context) {
        let arrived = self
            .exports
            .capture
            .as_ref()
            .and_then(|c| c.rx.try_recv().ok());
        if let Some(img) = arrived {
            let cap = self.exports.capture.take().expect("checked");
            let ppp = ctx.pixels_per_point();
            let region = self.panels.regions.of(cap.target);
            let cut = match cap.target {
                Target::Window => (*img).clone(),
                _ => png::crop(&img, region, ppp),
            };
            let result = self.deliver(cut, cap.target, &cap.dest);
            self.report(result);
        }
    }

    /// Adds the caption and sends the picture where it goes; says what happened.
    fn deliver(
        &mut self,
        img: egui::ColorImage,
        target: Target,
        dest: &Dest,
    ) -> Result<String, String> {
        let ppp = img.size[0] as f32 / self.panels.regions.of(target).width().max(1.0);
        self.exports.last_caption = self.caption_lines(target);
        let img = if self.settings.export.caption {
            let band = headless::caption_band(
                &self.exports.last_caption,
                img.size[0],
                ppp,
                self.settings.theme,
            );
            let fill = band.pixels.first().copied().unwrap_or_default();
            png::stack(&img, &band, fill)
        } else {
            img
        };
        match dest {
            Dest::Clipboard => {
                self.exports.clipboard.copy(&img)?;
                Ok(format!(
                    "Picture copied to the clipboard ({}×{})",
                    img.size[0], img.size[1]
                ))
            }
            Dest::File(path) => {
                self.refuse_open_dataset(path)?;
                let bytes = png::encode(&img)?;
                crate::output::write_atomic(path, &bytes)
                    .map_err(|e| format!("could not write {}: {e}", path.display()))?;
                Ok(format!(
                    "Saved {} ({}×{})",
                    path.display(),
                    img.size[0],
                    img.size[1]
                ))
            }
        }
    }

    /// The view drawn again off screen (at twice the pixel density when asked): the claim
    /// panels alone at their width and the height all their cards need, other views as the
    /// window shows them.
    fn render_off_screen(
        &mut self,
        ctx: &egui::Context,
        target: Target,
    ) -> Result<egui::ColorImage, String> {
        let size = self.panels.regions.window.size();
        if size.x < 1.0 {
            return Err("nothing has been drawn yet".to_owned());
        }
        let factor = if self.settings.export.double {
            2.0
        } else {
            1.0
        };
        let ppp = ctx.pixels_per_point() * factor;
        let mut h = Headless::new(self.settings.theme);
        let memory = ctx.memory(|m| m.clone());
        h.ctx.memory_mut(|m| *m = memory);
        if let Some((a, b)) = self.panels.timeline.visible() {
            self.panels.timeline.request_exact(a, b);
        }
        if target == Target::Claims {
            let panel = self.panels.regions.claims.size();
            let size = h.fit(self, target, panel);
            return Ok(h.render_view(self, target, size, ppp));
        }
        let full = h.render_app(self, size, ppp);
        Ok(match target {
            Target::Window => full,
            t => png::crop(&full, self.panels.regions.of(t), ppp),
        })
    }

    /// The caption for what the app shows now. A picture with claim cards names the sources
    /// of the cards that can be seen in it; a picture of markers (timeline, map) those of the
    /// events they stand for: the selection, or the filtered events in view.
    pub fn caption_lines(&self, target: Target) -> Vec<String> {
        let Some(cat) = &self.catalog else {
            return Vec::new();
        };
        let ds = &cat.dataset;
        let in_view = caption::shown_events(
            &cat.index,
            &self.derived.query.events,
            self.selected,
            self.panels.timeline.visible(),
        );
        let (events, claims) = match target {
            Target::Timeline | Target::Map => {
                let claims = caption::claims_of(ds, &in_view);
                (in_view, claims)
            }
            Target::Claims | Target::Window => {
                let region = self.panels.regions.of(target);
                let claims: Vec<(usize, usize)> = self
                    .panels
                    .cards
                    .iter()
                    .filter(|c| c.visible.intersects(region))
                    .map(|c| (c.event, c.claim))
                    .collect();
                let mut events: Vec<usize> = claims.iter().map(|c| c.0).collect();
                if target == Target::Window {
                    events.extend(&in_view);
                }
                events.sort_unstable();
                events.dedup();
                (events, claims)
            }
        };
        caption::caption(
            ds,
            &cat.index,
            &self.settings.filter,
            target.describe(),
            &events,
            &claims,
        )
    }

    /// The events the filters select, written as `format`: what Export → Filtered data
    /// saves, and what `claimline export --out x.csv` writes.
    pub fn filtered_data(&self, format: DataFormat) -> Result<Vec<u8>, String> {
        let cat = self.catalog.as_ref().ok_or("nothing is loaded")?;
        let events = &self.derived.query.events;
        match format {
            DataFormat::Csv => {
                data::to_csv(&cat.dataset, &cat.index, events).map_err(|e| e.to_string())
            }
            DataFormat::Ron => {
                let note = caption::filters_line(&cat.dataset, &cat.index, &self.settings.filter);
                let file = data::subset(&cat.dataset, events, &note);
                data::to_ron(&file)
                    .map(String::into_bytes)
                    .map_err(|e| e.to_string())
            }
            DataFormat::Xlsx => crate::export::sheet::to_xlsx(
                &crate::export::sheet::SheetData::of_dataset(&cat.dataset, events),
            ),
        }
    }

    /// The app never writes to a file it opened (exports and saved views alike).
    pub(super) fn refuse_open_dataset(&self, path: &std::path::Path) -> Result<(), String> {
        crate::output::refuse_input(path, &crate::session::loading::paths(&self.sources))
    }

    fn report(&mut self, result: Result<String, String>) {
        match result {
            Ok(m) => self.toast(m),
            Err(e) => self.toast(format!("Not exported: {e}")),
        }
    }

    /// The dataset's title as a file name part.
    pub(super) fn slug(&self) -> String {
        let title = self
            .catalog
            .as_ref()
            .map_or("claimline", |c| c.dataset.info.title.as_str());
        let s: String = title
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        s.split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    }
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}
