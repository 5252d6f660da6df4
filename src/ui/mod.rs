//! The window's panels, one module each. A panel reads the app's derived views and returns
//! [`Command`]s; none of them filters data itself.
//!
//! Layout: a top bar; the filter sidebar on the left; on the right, the timeline with its
//! casualty strip above, and below it the claim panels beside the event list.

pub mod bidi;
pub mod casualties;
pub mod chips;
pub mod claims;
pub mod event_list;
pub mod files;
pub mod filters;
pub mod fonts;
pub mod map;
pub mod marks;
pub mod presenter;
pub mod style;
pub mod theme;
pub mod timeline;
pub mod top_bar;

use chrono::FixedOffset;

use crate::app::ClaimlineApp;
use crate::command::Command;
use crate::query::Catalog;
use crate::query::FilterState;
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
}

/// What every panel may read in a frame.
pub struct Frame<'a> {
    pub cat: &'a Catalog,
    pub app: &'a ClaimlineApp,
    pub filter: &'a FilterState,
    pub palette: Palette,
    pub offset: FixedOffset,
    /// The time range the timeline showed last frame.
    pub visible: Option<(f64, f64)>,
    /// Draw everything, nothing folded ("more" links open): a picture for export.
    pub complete: bool,
}

/// Draws the whole window; returns what the user asked for.
pub fn show(ui: &mut egui::Ui, app: &mut ClaimlineApp) -> Vec<Command> {
    let mut cmds = crate::command::from_keyboard(ui.ctx(), app.presenter.is_some());
    let ctx = ui.ctx().clone();
    files::open_prompt_ui(&ctx, app, &mut cmds);
    files::toast_ui(&ctx, app);
    let Some(cat) = app.catalog.as_ref() else {
        files::nothing_loaded_ui(ui, app, &mut cmds);
        return cmds;
    };
    let title = format!(
        "{} — Claimline",
        crate::model::length::shown(&cat.dataset.info.title)
    );
    if app.panels.window_title != title {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
        app.panels.window_title = title;
    }
    let palette = Palette::new(app.settings.theme, Some(&cat.dataset));
    let offset = app.display_offset();
    let scroll_to = std::mem::take(&mut app.selection_moved)
        .then_some(app.selected)
        .flatten();
    // Panel state is borrowed mutably beside a read-only view of everything else.
    let mut panels = std::mem::take(&mut app.panels);
    let cat = app.catalog.as_ref().expect("checked above");
    let fr = Frame {
        cat,
        app,
        filter: &app.settings.filter,
        palette,
        offset,
        visible: panels.timeline.visible(),
        complete: false,
    };
    if fr.app.presenter.is_some() {
        presenter::ui(ui, &fr, &mut panels, &mut cmds);
        app.panels = panels;
        return cmds;
    }
    let total_h = ui.available_height();
    let total_w = ui.available_width();

    egui::Panel::top("top_bar").show(ui, |ui| top_bar::ui(ui, &fr, &mut cmds));
    top_bar::status_bar(ui, &fr, &mut cmds);
    files::problems_ui(ui, fr.app, &mut cmds);
    egui::Panel::left("filters")
        .resizable(true)
        .default_size((total_w * 0.19).clamp(230.0, 330.0))
        .size_range(200.0..=480.0)
        .show(ui, |ui| {
            filters::ui(ui, &fr, &mut panels.filters, &mut cmds)
        });
    let shown = egui::Panel::top("timeline_area")
        .resizable(true)
        .default_size((total_h * 0.40).clamp(240.0, 560.0))
        .size_range(200.0..=(total_h * 0.75).max(220.0))
        .show(ui, |ui| {
            // The map beside the timeline, the split between them resizable: where and when
            // side by side, at the full height of the timeline and its casualty strip.
            let map_rect = egui::Panel::right("map")
                .resizable(true)
                .default_size((ui.available_width() * 0.28).clamp(240.0, 560.0))
                .size_range(200.0..=(ui.available_width() * 0.6).max(210.0))
                .show(ui, |ui| map::ui(ui, &fr, &mut panels.map, &mut cmds))
                .response
                .rect;
            timeline_and_strip(ui, &fr, &mut panels, &mut cmds);
            map_rect
        });
    let (area, map_area) = (shown.response.rect, shown.inner);
    // The timeline picture leaves the map out; the map has its own.
    let timeline_area = egui::Rect::from_min_max(area.min, egui::pos2(map_area.min.x, area.max.y));
    egui::Panel::right("event_list")
        .resizable(true)
        .default_size((total_w * 0.3).clamp(320.0, 620.0))
        .size_range(260.0..=900.0)
        .show(ui, |ui| {
            event_list::ui(ui, &fr, &mut panels.table, scroll_to, &mut cmds)
        });
    let claims_area = egui::CentralPanel::default()
        .show(ui, |ui| {
            claims::ui(ui, &fr, fr.visible, &mut cmds, &mut panels.cards)
        })
        .response
        .rect;
    panels.regions = Regions {
        window: ui.ctx().content_rect(),
        timeline: timeline_area,
        claims: claims_area,
        map: map_area,
    };
    app.panels = panels;
    cmds
}

/// The filter chips, the timeline and its casualty strip, in the space `ui` has.
fn timeline_and_strip(
    ui: &mut egui::Ui,
    fr: &Frame,
    panels: &mut PanelState,
    cmds: &mut Vec<Command>,
) {
    chips::ui(ui, fr, cmds);
    let strip_h = (ui.available_height() * 0.28).clamp(84.0, 150.0);
    let gutter = timeline::gutter_width(ui, fr);
    let timeline_h = ui.available_height() - strip_h - ui.spacing().item_spacing.y;
    panels.timeline.ui(ui, fr, gutter, timeline_h, cmds);
    casualties::ui(ui, fr, gutter, &panels.timeline, cmds);
}

/// One exportable panel alone, filling the window: what `claimline export --view` draws, and
/// the in-app export of the claim panels. The claims are laid out whole (nothing scrolled
/// away or folded), so a picture holds every claim it names; `PanelState::claims_needed`
/// says how tall that is.
pub fn show_one(
    ui: &mut egui::Ui,
    app: &mut ClaimlineApp,
    target: crate::export::Target,
) -> Vec<Command> {
    use crate::export::Target;
    if target == Target::Window {
        return show(ui, app);
    }
    let mut cmds = Vec::new();
    let Some(cat) = app.catalog.as_ref() else {
        return cmds;
    };
    let mut panels = std::mem::take(&mut app.panels);
    let fr = Frame {
        cat,
        app,
        filter: &app.settings.filter,
        palette: Palette::new(app.settings.theme, Some(&cat.dataset)),
        offset: app.display_offset(),
        visible: panels.timeline.visible(),
        complete: true,
    };
    let rect = egui::CentralPanel::default()
        .show(ui, |ui| match target {
            Target::Claims => {
                let bottom = claims::whole(ui, &fr, fr.visible, &mut cmds, &mut panels.cards);
                // The panel's own margin below the last card.
                panels.claims_needed = bottom + ui.spacing().window_margin.bottom as f32 + 8.0;
            }
            Target::Timeline => timeline_and_strip(ui, &fr, &mut panels, &mut cmds),
            Target::Map => map::ui(ui, &fr, &mut panels.map, &mut cmds),
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
    app.panels = panels;
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
