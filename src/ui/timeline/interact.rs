//! Hover and click on the timeline, resolved against this frame's own list of what was drawn
//! where: a marker selects its event, a badge or a density bucket zooms into its events, empty
//! space clears the selection, a double click fits; each of the three has its tooltip.

use super::a11y::{
    accessible_badges, accessible_markers, accessible_strips, accessible_ticks, accessible_titles,
};
use super::density::BucketHit;
use super::{Badge, Drawn, MARKER_R, TimelineState};
use crate::command::Command;
use crate::ui::bidi::visual;
use crate::ui::canvas::nearest;
use crate::ui::{ViewCtx, ellipsize};

impl TimelineState {
    /// Keeps this frame's markers for tests and screen readers, and turns the pointer's hover
    /// and clicks into tooltips and commands.
    pub(super) fn respond(
        &mut self,
        ui: &egui::Ui,
        view: &ViewCtx,
        response: egui::Response,
        drawn: Drawn,
        cmds: &mut Vec<Command>,
    ) {
        let pointer = response.hover_pos();
        let hit = pointer.and_then(|p| {
            nearest(&drawn.placed, p, |m| (m.centre, MARKER_R + 4.0)).map(|m| m.event)
        });
        let badge_hit =
            pointer.and_then(|p| drawn.badges.iter().find(|b| b.rect.expand(2.0).contains(p)));
        let bucket_hit = pointer.and_then(|p| drawn.density.iter().find_map(|s| s.bucket_at(p)));
        self.markers = drawn.placed.iter().map(|p| (p.event, p.centre)).collect();
        accessible_markers(ui, view, &drawn.placed);
        accessible_strips(ui, &view.derived.lanes, &drawn.density);
        accessible_ticks(ui, &drawn.ticks);
        accessible_titles(ui, &drawn.titles);
        accessible_badges(ui, view, &drawn.badges);
        if response.double_clicked() {
            cmds.push(Command::FitAll);
        } else if response.clicked() {
            cmds.push(click(view, hit, badge_hit, bucket_hit.as_ref()));
        }
        if let Some(e) = hit {
            response.on_hover_ui_at_pointer(|ui| crate::ui::claims::event_tooltip(ui, view, e));
        } else if let Some(b) = badge_hit {
            response.on_hover_ui_at_pointer(|ui| badge_tooltip(ui, view, &b.events));
        } else if let Some(b) = bucket_hit {
            response.on_hover_ui_at_pointer(|ui| bucket_tooltip(ui, view, &b));
        }
    }
}

/// What a click asks for: the marker's event, a zoom into a badge's events or a bucket's
/// range, or, on empty space, no selection.
fn click(
    view: &ViewCtx,
    hit: Option<usize>,
    badge_hit: Option<&Badge>,
    bucket_hit: Option<&BucketHit>,
) -> Command {
    if let Some(e) = hit {
        Command::Select(Some(e))
    } else if let Some(b) = badge_hit {
        let spans = b.events.iter().map(|&e| view.cat.index.events[e].span);
        let lo = spans.clone().map(|s| s.start).min().unwrap_or(0) as f64;
        let hi = spans.map(|s| s.end).max().unwrap_or(0) as f64;
        Command::ZoomTo(lo, hi.max(lo + 3600.0))
    } else if let Some(b) = bucket_hit {
        let (lo, hi) = b.range;
        Command::ZoomTo(lo, hi.max(lo + 3600.0))
    } else {
        Command::Select(None)
    }
}

fn badge_tooltip(ui: &mut egui::Ui, view: &ViewCtx, events: &[usize]) {
    ui.strong(format!("{} events here — click to zoom in", events.len()));
    for &e in events.iter().take(12) {
        ui.label(visual(&ellipsize(&view.cat.dataset.events[e].title, 60)));
    }
    if events.len() > 12 {
        ui.weak(format!("and {} more", events.len() - 12));
    }
}

fn bucket_tooltip(ui: &mut egui::Ui, view: &ViewCtx, b: &BucketHit) {
    let (a, z) = (b.range.0 as i64, b.range.1 as i64);
    let with_time = z - a < 4 * 86_400;
    let when = format!(
        "{} – {}",
        crate::model::format_seconds(a, view.offset, with_time),
        crate::model::format_seconds(z, view.offset, with_time)
    );
    ui.strong(format!(
        "{} {} · {}",
        b.count,
        if b.count == 1 { "event" } else { "events" },
        b.lane
    ));
    ui.label(when);
    ui.weak("Click to zoom in");
}
