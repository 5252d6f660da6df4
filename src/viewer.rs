//! The window. For now a plain reader of the loaded dataset (events in time order with their
//! claims) or of the problems that kept it from loading; the interactive timeline, claim panels
//! and filters replace it.

use eframe::egui;

use crate::load::LoadOutcome;
use crate::model::Dataset;

pub struct ViewerApp {
    outcome: LoadOutcome,
}

impl ViewerApp {
    /// Takes the load result; events are put in time order once, here, not every frame.
    pub fn new(mut outcome: LoadOutcome) -> Self {
        if let Some(ds) = &mut outcome.dataset {
            let mut events = std::mem::take(&mut ds.events);
            events.sort_by_key(|e| e.when.span(ds.offset_of(e)).map(|s| s.start).unwrap_or(0));
            ds.events = events;
        }
        ViewerApp { outcome }
    }
}

impl eframe::App for ViewerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| match &self.outcome.dataset {
            Some(ds) => dataset_ui(ui, ds),
            None => {
                ui.heading("The files could not be loaded");
                for d in &self.outcome.diagnostics {
                    ui.monospace(d.to_string());
                }
            }
        });
    }
}

fn dataset_ui(ui: &mut egui::Ui, ds: &Dataset) {
    ui.heading(&ds.info.title);
    ui.label(format!(
        "{} events, {} claims",
        ds.events.len(),
        ds.claim_count()
    ));
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for e in &ds.events {
            let when = e.when.describe(ds.offset_of(e));
            ui.strong(format!("{when} · {}", e.title));
            for c in &e.claims {
                let actor = ds
                    .actors
                    .iter()
                    .find(|a| a.id == c.actor)
                    .map_or(c.actor.as_str(), |a| a.name.as_str());
                ui.label(format!("    {actor}: {}", c.text));
            }
        }
    });
}

/// Opens the window; returns an error message when no renderer could start.
pub fn run(outcome: LoadOutcome) -> Result<(), String> {
    let title = outcome
        .dataset
        .as_ref()
        .map_or("Claimline".to_owned(), |d| {
            format!("{} — Claimline", d.info.title)
        });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1366.0, 768.0])
            .with_title(title),
        ..Default::default()
    };
    eframe::run_native("Claimline", options, Box::new(|_cc| Ok(Box::new(ViewerApp::new(outcome)))))
        .map_err(|e| format!("could not open a window: {e}. On Linux without a GPU install Mesa's software Vulkan (apt-get install mesa-vulkan-drivers libvulkan1)."))
}
