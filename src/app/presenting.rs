//! Presenter mode: full screen, chrome hidden, type scaled up, and the events stepped through
//! in a tour's order (or in time order without one), the timeline gliding to each.

use super::{ClaimlineApp, Command};
use crate::command::PresentStep;
use crate::layout::type_fit::TypeFit;
use crate::model::TourStep;
use crate::ui::claims::Page;

/// How much larger everything is drawn when presenting (Ctrl +/- changes it further).
pub const PRESENT_ZOOM: f32 = 1.5;
/// The smallest type presenter mode fits a step's first claims into: still larger than the
/// window's, for the back of a room.
pub const PRESENT_MIN_ZOOM: f32 = 1.1;

#[derive(Debug, Clone, PartialEq)]
pub struct Presenter {
    /// The tour presented (index into the dataset's tours), or none: every filtered event.
    pub tour: Option<usize>,
    /// The tour being built, when presenting it (before the dataset's own).
    pub draft: Option<crate::model::Tour>,
    /// The step shown.
    pub step: usize,
    /// The zoom before presenting, put back on leaving.
    saved_zoom: f32,
    /// The type size, fitted to each step.
    pub(super) fit: TypeFit,
}

impl ClaimlineApp {
    pub(super) fn apply_present(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::Present(true) if self.presenter.is_none() => {
                let tours = self.catalog.as_ref().map_or(0, |c| c.dataset.tours.len());
                self.presenter = Some(Presenter {
                    tour: (tours > 0).then_some(0),
                    draft: None,
                    step: 0,
                    saved_zoom: ctx.zoom_factor(),
                    fit: TypeFit::new(
                        ctx.zoom_factor() * PRESENT_ZOOM,
                        ctx.zoom_factor() * PRESENT_MIN_ZOOM,
                    ),
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
                    p.draft = None;
                    self.go_to_step(0);
                }
            }
            Command::PresentStep(s) => {
                let Some(p) = &self.presenter else { return };
                let n = self.step_count();
                if n == 0 {
                    return;
                }
                let paging = &mut self.panels.paging;
                let step = match s {
                    PresentStep::Forward if paging.more_below() => {
                        paging.request = Some(Page::Down);
                        return;
                    }
                    PresentStep::Back if paging.scrolled() => {
                        paging.request = Some(Page::Up);
                        return;
                    }
                    PresentStep::Next | PresentStep::Forward => (p.step + 1).min(n - 1),
                    PresentStep::Previous | PresentStep::Back => p.step.saturating_sub(1),
                    PresentStep::First => 0,
                    PresentStep::Last => n - 1,
                };
                self.go_to_step(step);
            }
            _ => {}
        }
    }

    /// After a frame: the type size for the next, smaller while the step's first claims do
    /// not fit.
    pub(super) fn fit_type(&mut self, ctx: &egui::Context) {
        let Some(p) = &mut self.presenter else { return };
        let drawn_at = ctx.zoom_factor();
        let was_short = p.fit.short();
        let next = p.fit.next(drawn_at, self.panels.paging.first_cards_whole());
        if (next - drawn_at).abs() > 1e-3 {
            ctx.set_zoom_factor(next);
            ctx.request_repaint();
        } else if p.fit.short() != was_short {
            // The timeline gives up room: draw again.
            ctx.request_repaint();
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
        let p = self.presenter.as_ref()?;
        if let Some(draft) = &p.draft {
            return Some(draft);
        }
        let i = p.tour?;
        self.catalog.as_ref()?.dataset.tours.get(i)
    }

    /// The tour step shown, if presenting a tour.
    pub fn current_step(&self) -> Option<&TourStep> {
        let p = self.presenter.as_ref()?;
        self.current_tour()?.steps.get(p.step)
    }

    /// Presents `tour` (the one being built) from `step`.
    pub(super) fn present_draft(&mut self, tour: crate::model::Tour, step: usize) {
        let last = tour.steps.len().saturating_sub(1);
        if let Some(p) = &mut self.presenter {
            p.draft = Some(tour);
            self.go_to_step(step.min(last));
        }
    }

    fn go_to_step(&mut self, step: usize) {
        let Some(p) = &mut self.presenter else { return };
        p.step = step;
        // Each step starts at its first cards, in the largest type they fit in.
        p.fit.start();
        self.panels.paging.request = Some(Page::Top);
        let Some(cat) = &self.catalog else { return };
        let (event, zoom) = match self.current_step() {
            Some(s) => (
                cat.index.event_index(&cat.dataset, &s.event),
                s.zoom.clone(),
            ),
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
