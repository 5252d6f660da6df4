//! Presenter mode: full screen, chrome hidden, type scaled up, and the events stepped through
//! in a tour's order (or in time order without one), the timeline gliding to each.

use super::{ClaimlineApp, Command};
use crate::command::PresentStep;
use crate::model::TourStep;

/// How much larger everything is drawn when presenting (Ctrl +/- changes it further).
pub const PRESENT_ZOOM: f32 = 1.5;

#[derive(Debug, Clone, PartialEq)]
pub struct Presenter {
    /// The tour presented (index into the dataset's tours), or none: every filtered event.
    pub tour: Option<usize>,
    /// The step shown.
    pub step: usize,
    /// The zoom before presenting, put back on leaving.
    saved_zoom: f32,
}

impl ClaimlineApp {
    pub(super) fn apply_present(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::Present(true) if self.presenter.is_none() => {
                let tours = self.catalog.as_ref().map_or(0, |c| c.dataset.tours.len());
                self.presenter = Some(Presenter {
                    tour: (tours > 0).then_some(0),
                    step: 0,
                    saved_zoom: ctx.zoom_factor(),
                });
                ctx.set_zoom_factor(ctx.zoom_factor() * PRESENT_ZOOM);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                self.panels.timeline.set_glide(true);
                self.go_to_step(0);
            }
            Command::Present(false) => {
                if let Some(p) = self.presenter.take() {
                    ctx.set_zoom_factor(p.saved_zoom);
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
                self.panels.timeline.set_glide(false);
            }
            Command::ChooseTour(tour) => {
                if let Some(p) = &mut self.presenter {
                    p.tour = tour;
                    self.go_to_step(0);
                }
            }
            Command::PresentStep(s) => {
                let Some(p) = &self.presenter else { return };
                let n = self.step_count();
                if n == 0 {
                    return;
                }
                let step = match s {
                    PresentStep::Next => (p.step + 1).min(n - 1),
                    PresentStep::Previous => p.step.saturating_sub(1),
                    PresentStep::First => 0,
                    PresentStep::Last => n - 1,
                };
                self.go_to_step(step);
            }
            _ => {}
        }
    }

    /// Steps in the current tour, or filtered events without one.
    pub fn step_count(&self) -> usize {
        match self.current_tour() {
            Some(t) => t.steps.len(),
            None => self.derived.query.events.len(),
        }
    }

    pub fn current_tour(&self) -> Option<&crate::model::Tour> {
        let i = self.presenter.as_ref()?.tour?;
        self.catalog.as_ref()?.dataset.tours.get(i)
    }

    /// The tour step shown, if presenting a tour.
    pub fn current_step(&self) -> Option<&TourStep> {
        let p = self.presenter.as_ref()?;
        self.current_tour()?.steps.get(p.step)
    }

    fn go_to_step(&mut self, step: usize) {
        let Some(p) = &mut self.presenter else { return };
        p.step = step;
        let Some(cat) = &self.catalog else { return };
        let (event, zoom) = match self.current_step() {
            Some(s) => (cat.index.event_index(&s.event), s.zoom.clone()),
            None => (self.derived.query.events.get(step).copied(), None),
        };
        self.selected = event;
        self.selection_moved = true;
        let offset = self.display_offset();
        let range = zoom
            .and_then(|z| z.span(offset).ok())
            .map(|(a, b)| (a as f64, b as f64));
        match (range, event) {
            (Some((a, b)), _) => self.panels.timeline.request_exact(a, b),
            (None, Some(e)) => {
                let s = cat.index.events[e].span;
                self.panels
                    .timeline
                    .request_show((s.start as f64, s.end as f64));
            }
            (None, None) => {}
        }
    }
}
