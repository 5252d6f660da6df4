//! The timeline for screen readers (and tests): its painted markers and density strips are no
//! widgets, so each gets an AccessKit node with its words and bounds.

use egui::{Rect, vec2};

use super::density::DensityStrip;
use super::{Badge, MARKER_R, Placed};
use crate::layout::lanes::Lane;
use crate::ui::{ViewCtx, accessible_node};

/// One node per lane shown as density, naming how many events it holds in view.
pub(super) fn accessible_strips(ui: &egui::Ui, lanes: &[Lane], strips: &[DensityStrip]) {
    for s in strips {
        let n: usize = s.counts.iter().sum();
        let label = format!("Density: {}, {n} events in view", s.lane);
        let id = egui::Id::unique(("timeline-density", &s.lane, lanes.len()));
        accessible_node(ui, id, egui::Role::Image, label, s.rect);
    }
}

/// One node per claimed time marked on a bar, saying whose claim and what time.
pub(super) fn accessible_ticks(ui: &egui::Ui, ticks: &[super::ClaimedTime]) {
    for (k, t) in ticks.iter().enumerate() {
        let rect = Rect::from_center_size(t.at, vec2(3.0, 2.0 * super::TICK_HALF));
        let id = egui::Id::unique(("timeline-claimed-time", k));
        accessible_node(ui, id, egui::Role::Image, t.label.clone(), rect);
    }
}

/// Screen readers get one node per marker on screen (the painted markers are not widgets):
/// "Event: title, time, contested", with its bounds, so the timeline can be read and pointed at.
pub(super) fn accessible_markers(ui: &egui::Ui, view: &ViewCtx, placed: &[Placed]) {
    const MAX_NODES: usize = 500;
    for (k, p) in placed.iter().take(MAX_NODES).enumerate() {
        let e = &view.cat.dataset.events[p.event];
        let facts = &view.cat.index.events[p.event];
        let mut label = format!(
            "Event: {}, {}",
            crate::model::length::shown(&e.title),
            view.cat.dataset.when_text(&e.when, e)
        );
        if facts.contested {
            label.push_str(", both sides made claims");
        }
        if Some(p.event) == view.selected {
            label.push_str(", selected");
        }
        let rect = Rect::from_center_size(p.centre, vec2(2.0 * MARKER_R, 2.0 * MARKER_R));
        let id = egui::Id::unique(("timeline-marker", p.event, k));
        accessible_node(ui, id, egui::Role::Button, label, rect);
    }
}

/// One node per title written beside a marker, its words as drawn: what a reader sees.
pub(super) fn accessible_titles(ui: &egui::Ui, titles: &[(usize, String, Rect)]) {
    for (k, (event, text, rect)) in titles.iter().enumerate() {
        let id = egui::Id::unique(("timeline-title", *event, k));
        accessible_node(ui, id, egui::Role::Label, text.clone(), *rect);
    }
}

/// One node per cluster badge: how many events it stands for, and their titles.
pub(super) fn accessible_badges(ui: &egui::Ui, view: &ViewCtx, badges: &[Badge]) {
    for (k, b) in badges.iter().enumerate() {
        let titles: Vec<String> = b
            .events
            .iter()
            .map(|&e| crate::model::length::shown(&view.cat.dataset.events[e].title).into_owned())
            .collect();
        let label = format!(
            "Cluster of {} events: {}",
            b.events.len(),
            titles.join("; ")
        );
        let id = egui::Id::unique(("timeline-cluster", k));
        accessible_node(ui, id, egui::Role::Button, label, b.rect);
    }
}
