//! The window's panels, one module each. A panel reads a [`ViewCtx`] (borrowed parts of the
//! app's state, built once per frame) and returns [`Command`]s; none of them filters data
//! itself, and none sees the app.
//!
//! Layout: a top bar; the filter sidebar on the left (folded to a strip on a narrow window);
//! on the right, the timeline with its casualty strip and the map above, and below it the
//! claim panels beside the event list (on a narrow window, the list is a tab of the claims
//! area). What is open is decided by [`crate::layout::panes`].

pub mod balance;
pub mod bidi;
pub mod canvas;
pub mod casualties;
pub mod chips;
pub mod claims;
pub mod cut;
pub mod event_list;
pub mod file_dialog;
pub mod files;
pub mod filters;
pub mod fonts;
pub mod map;
pub mod marks;
pub mod panes;
pub mod presenter;
pub mod style;
pub mod theme;
pub mod timeline;
pub mod top_bar;
pub mod tour_panel;

use std::path::PathBuf;
use std::time::Instant;

use chrono::FixedOffset;

use crate::command::Command;
use crate::layout::derived::Derived;
use crate::layout::lanes::LaneMode;
use crate::load::Diagnostic;
use crate::query::{Catalog, FilterState};
use crate::session::Source;
use crate::session::loading::LoadJob;
use crate::session::problems::Problems;
use crate::session::settings::{ExportSettings, Settings};
use theme::Palette;

/// Where the exportable parts of the window were drawn last frame, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Regions {
    pub window: egui::Rect,
    /// The timeline with its casualty strip.
    pub timeline: egui::Rect,
    pub claims: egui::Rect,
    pub map: egui::Rect,
}

impl Default for Regions {
    fn default() -> Self {
        Regions {
            window: egui::Rect::NOTHING,
            timeline: egui::Rect::NOTHING,
            claims: egui::Rect::NOTHING,
            map: egui::Rect::NOTHING,
        }
    }
}

impl Regions {
    pub fn of(&self, target: crate::export::Target) -> egui::Rect {
        match target {
            crate::export::Target::Window => self.window,
            crate::export::Target::Timeline => self.timeline,
            crate::export::Target::Claims => self.claims,
            crate::export::Target::Map => self.map,
        }
    }
}

/// Panel state that is not the user's choice of what to see: kept across frames, not saved.
#[derive(Default)]
pub struct PanelState {
    pub regions: Regions,
    pub timeline: timeline::TimelineState,
    pub table: event_list::TableState,
    pub map: map::MapState,
    pub filters: filters::FilterInputs,
    /// The window title last sent, so it is sent again only when the dataset changes.
    pub window_title: String,
    /// The claim cards drawn last frame, with the part of each that could be seen.
    pub cards: Vec<claims::DrawnCard>,
    /// How tall the claims panel's content was when last drawn whole, in points.
    pub claims_needed: f32,
    /// How presenter mode's claim cards lay last frame, and the page move asked of them.
    pub paging: claims::Paging,
    /// Which panels stood open last frame: what the toggles toggle.
    pub panes: crate::layout::panes::Panes,
    /// The tab the claims area shows while the event list is one of its tabs.
    pub tab: panes::Tab,
}

/// What every panel may read in a frame: borrowed parts of the app's state, built once per
/// frame by the app. Panels see this and never the app, so one can be drawn alone in a test.
pub struct ViewCtx<'a> {
    pub cat: &'a Catalog,
    pub derived: &'a Derived,
    pub settings: &'a Settings,
    pub filter: &'a FilterState,
    /// Index into the dataset's events.
    pub selected: Option<usize>,
    /// The event the lists should scroll to this frame, once, after the selection moved.
    pub scroll_to: Option<usize>,
    /// Presenter mode's tour and step, while presenting.
    pub presenting: Option<PresenterView>,
    pub status: &'a StatusView<'a>,
    pub palette: Palette,
    pub offset: FixedOffset,
    /// The time range the timeline showed last frame.
    pub visible: Option<(f64, f64)>,
    /// Draw everything, nothing folded ("more" links open): a picture for export.
    pub complete: bool,
}

impl ViewCtx<'_> {
    /// The parties shown as claim columns: the user's choice, or the dataset's.
    pub fn columns(&self) -> Vec<crate::model::Side> {
        // A tour step's columns hold while it is presented; the viewer's choice comes back after.
        let step = self.presenting.as_ref().and_then(|p| p.columns.as_deref());
        self.cat
            .dataset
            .columns_chosen(step.or(self.settings.columns.as_deref()))
    }

    /// The claim columns as groups of parties: one party each, or, with lanes by side, the
    /// parties standing together (up to four groups), each group under its first party.
    pub fn column_groups(&self) -> Vec<Vec<crate::model::Side>> {
        let ds = &self.cat.dataset;
        if self.settings.lane_mode == LaneMode::Side && LaneMode::Side.applies_to(ds) {
            let mut groups = crate::layout::lanes::party_groups(ds);
            groups.truncate(crate::model::MAX_COLUMNS);
            return groups;
        }
        self.columns().into_iter().map(|s| vec![s]).collect()
    }
}

/// Presenter mode as the panels see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PresenterView {
    /// The tour presented (index into the dataset's tours), or none: every filtered event.
    pub tour: Option<usize>,
    pub step: usize,
    /// Steps in the tour, or filtered events without one.
    pub step_count: usize,
    /// The caption of the tour step shown.
    pub caption: Option<String>,
    /// The party ids the tour step shows as columns, if it names them.
    pub columns: Option<Vec<String>>,
    /// The step's first claims are cut even in the smallest presenting type: the timeline
    /// gives them more of the screen.
    pub short: bool,
}

/// What the file side of the window shows, loaded or not: the load under way, the files open,
/// their warnings and problems, and the messages for the user.
pub struct StatusView<'a> {
    pub catalog: Option<&'a Catalog>,
    pub job: Option<&'a LoadJob>,
    pub watching: bool,
    /// Files waiting for the add-or-replace answer.
    pub pending_open: Option<&'a [Source]>,
    pub toast: Option<&'a (String, Instant)>,
    pub problems: Option<&'a Problems>,
    pub warnings: &'a [Diagnostic],
    pub recent: &'a [PathBuf],
    pub sources: &'a [Source],
    pub export: ExportSettings,
    /// Claimline's own file dialog is open: the keys are its own, not the app's shortcuts.
    pub file_dialog_open: bool,
    /// The title of the tour in the tour editor, when it has steps to print.
    pub draft_tour: Option<&'a str>,
}

/// Draws the whole window; returns what the user asked for. `view` is none while nothing is
/// loaded.
pub fn show(
    ui: &mut egui::Ui,
    status: &StatusView,
    view: Option<&ViewCtx>,
    panels: &mut PanelState,
) -> Vec<Command> {
    let mut cmds = if status.file_dialog_open {
        Vec::new()
    } else {
        crate::command::from_keyboard(ui.ctx(), view.is_some_and(|v| v.presenting.is_some()))
    };
    let ctx = ui.ctx().clone();
    files::open_prompt_ui(&ctx, status, &mut cmds);
    files::toast_ui(&ctx, status);
    let Some(view) = view else {
        files::nothing_loaded_ui(ui, status, &mut cmds);
        return cmds;
    };
    let title = format!(
        "{} — Claimline",
        crate::model::length::shown(&view.cat.dataset.info.title)
    );
    if panels.window_title != title {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        panels.window_title = title;
    }
    if view.presenting.is_some() {
        presenter::ui(ui, view, panels, &mut cmds);
        return cmds;
    }
    let total_h = ui.available_height();
    let total_w = ui.available_width();
    let shown_panes = view.settings.panes.panes(total_w);
    panels.panes = shown_panes;

    egui::Panel::top("top_bar").show(ui, |ui| top_bar::ui(ui, view, shown_panes, &mut cmds));
    top_bar::status_bar(ui, view, &mut cmds);
    files::problems_ui(ui, status, &mut cmds);
    panes::filter_sidebar(
        ui,
        view,
        panels,
        shown_panes.filters_open,
        total_w,
        &mut cmds,
    );
    // A legend that wraps to more rows makes its strip taller: the area starts taller by as
    // much (the strip's width estimated from the map's first width), so the lanes keep theirs.
    let map_default_w = (total_w * 0.28).clamp(240.0, 560.0);
    let legend_extra = casualties::legend_extra_height(
        ui,
        view,
        total_w
            - map_default_w
            - timeline::gutter_width(ui, view, casualties::title_width(ui, view)),
    );
    let shown = egui::Panel::top("timeline_area")
        .resizable(true)
        .default_size(crate::layout::panes::timeline_default_height(total_h) + legend_extra)
        .size_range(
            crate::layout::panes::TIMELINE_MIN_HEIGHT
                ..=(total_h * 0.75).max(crate::layout::panes::TIMELINE_MIN_HEIGHT + 20.0),
        )
        .show(ui, |ui| {
            // The map beside the timeline, the split between them resizable: where and when
            // side by side, at the full height of the timeline and its casualty strip.
            let map_rect = egui::Panel::right("map")
                .resizable(true)
                .default_size((ui.available_width() * 0.28).clamp(240.0, 560.0))
                .size_range(200.0..=(ui.available_width() * 0.6).max(210.0))
                .show(ui, |ui| map::ui(ui, view, &mut panels.map, &mut cmds))
                .response
                .rect;
            timeline_and_strip(ui, view, panels, &mut cmds);
            map_rect
        });
    let (area, map_area) = (shown.response.rect, shown.inner);
    // The timeline picture leaves the map out; the map has its own.
    let timeline_area = egui::Rect::from_min_max(area.min, egui::pos2(map_area.min.x, area.max.y));
    let claims_area = if shown_panes.list_beside {
        egui::Panel::right("event_list")
            .resizable(true)
            .default_size((total_w * 0.3).clamp(320.0, 620.0))
            .size_range(260.0..=900.0)
            .show(ui, |ui| {
                event_list::ui(ui, view, &mut panels.table, &mut cmds)
            });
        egui::CentralPanel::default()
            .show(ui, |ui| {
                claims::ui(ui, view, view.visible, &mut cmds, &mut panels.cards)
            })
            .response
            .rect
    } else {
        // An event picked elsewhere this frame (the timeline, the map) is shown with its claims.
        if picked(&cmds) {
            panels.tab = panes::Tab::Claims;
        }
        panes::tab_rail(ui, view, panels);
        egui::CentralPanel::default()
            .show(ui, |ui| panes::tabbed(ui, view, panels, &mut cmds))
            .inner
    };
    panels.regions = Regions {
        window: ui.ctx().content_rect(),
        timeline: timeline_area,
        claims: claims_area,
        map: map_area,
    };
    cmds
}

/// Whether `cmds` pick an event: a click on it, not a step of the keyboard's.
fn picked(cmds: &[Command]) -> bool {
    cmds.iter().any(|c| matches!(c, Command::Select(Some(_))))
}

/// The filter chips, the timeline and its casualty strip, in the space `ui` has.
fn timeline_and_strip(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    panels: &mut PanelState,
    cmds: &mut Vec<Command>,
) {
    chips::ui(ui, view, cmds);
    let gutter = timeline::gutter_width(ui, view, casualties::title_width(ui, view));
    let strip_w = ui.available_width() - gutter - timeline::RIGHT_MARGIN;
    let height = ui.available_height();
    let strip_h = (height * 0.28).clamp(84.0, 150.0);
    // A wrapped legend makes the strip taller, taking at most half of what the lanes have.
    let strip_h = strip_h
        + casualties::legend_extra_height(ui, view, strip_w).min((height - strip_h).max(0.0) / 2.0);
    let timeline_h = (height - strip_h - ui.spacing().item_spacing.y).max(0.0);
    panels.timeline.ui(ui, view, gutter, timeline_h, cmds);
    casualties::ui(ui, view, gutter, &panels.timeline, cmds);
}

/// One exportable panel alone, filling the window: what `claimline export --view` draws, and
/// the in-app export of the claim panels. The claims are laid out whole (nothing scrolled
/// away or folded), so a picture holds every claim it names; `PanelState::claims_needed`
/// says how tall that is. `view.complete` should be set.
pub fn show_one(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    panels: &mut PanelState,
    target: crate::export::Target,
) -> Vec<Command> {
    use crate::export::Target;
    if target == Target::Window {
        return show(ui, view.status, Some(view), panels);
    }
    let mut cmds = Vec::new();
    let rect = egui::CentralPanel::default()
        .show(ui, |ui| match target {
            Target::Claims => {
                let bottom = claims::whole(ui, view, view.visible, &mut cmds, &mut panels.cards);
                // The panel's own margin below the last card.
                panels.claims_needed = bottom + ui.spacing().window_margin.bottom as f32 + 8.0;
            }
            Target::Timeline => timeline_and_strip(ui, view, panels, &mut cmds),
            Target::Map => map::ui(ui, view, &mut panels.map, &mut cmds),
            Target::Window => unreachable!("drawn by show"),
        })
        .response
        .rect;
    panels.regions = Regions {
        window: ui.ctx().content_rect(),
        ..Regions::default()
    };
    match target {
        Target::Claims => panels.regions.claims = rect,
        Target::Timeline => panels.regions.timeline = rect,
        Target::Map => panels.regions.map = rect,
        Target::Window => {}
    }
    cmds
}

/// A screen-reader node for something painted rather than a widget (a marker, a density strip,
/// a district on the map): its role, its words and where it is.
pub fn accessible_node(
    ui: &egui::Ui,
    id: egui::Id,
    role: egui::Role,
    label: String,
    r: egui::Rect,
) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(role);
        // AccessKit reads a label's text from its value, as egui's own labels set it.
        if role == egui::Role::Label {
            node.set_value(label);
        } else {
            node.set_label(label);
        }
        node.set_bounds(egui::accesskit::Rect {
            x0: f64::from(r.min.x),
            y0: f64::from(r.min.y),
            x1: f64::from(r.max.x),
            y1: f64::from(r.max.y),
        });
    });
}

/// Truncates to `max` characters with an ellipsis, for labels in tight places. Looks at no
/// more than `max` characters, however long `s` is.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.char_indices().nth(max).is_none() {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
