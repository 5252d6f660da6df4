//! The claim panels: for the selected event, the first party's claims in the left column and
//! the second's in the right, two equal columns under headings of the same size and weight,
//! disputing claims on one row; third parties in a band below across both. With nothing
//! selected, the same layout for every filtered event in the timeline's visible range.

use egui::{Color32, Frame as EFrame, Margin, RichText, Stroke};

use super::bidi::visual;
use super::{ViewCtx, ellipsize};
use crate::command::{Action, Command};
use crate::layout::claim_rows::claim_layout;
use crate::layout::lanes::sides_of;
use crate::model::Side;
use crate::model::link::web_link;
use crate::model::wording::{
    actor_by_id, actor_name, figure_text, kind_label, place_names, side_label,
};
use crate::model::{Claim, Event, Figure, length};

/// How many events the unselected overview lists before asking the user to zoom in.
const OVERVIEW_LIMIT: usize = 25;

/// A claim card drawn this frame, and the part of it that could be seen: what a picture of
/// the panel shows, and so which sources its caption names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawnCard {
    pub event: usize,
    pub claim: usize,
    /// The card's rectangle cut to the panel's visible area, in points.
    pub visible: egui::Rect,
}

/// The panel in the window: scrolled, the cards that are seen recorded in `cards`.
pub fn ui(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    visible: Option<(f64, f64)>,
    cmds: &mut Vec<Command>,
    cards: &mut Vec<DrawnCard>,
) {
    cards.clear();
    egui::ScrollArea::vertical()
        .id_salt("claims")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            content(ui, view, visible, &mut Out { cmds, cards })
        });
}

/// The panel laid out whole, with nothing scrolled away or folded: for pictures, which must
/// hold every claim they name. Returns the bottom of the content, in points.
pub fn whole(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    visible: Option<(f64, f64)>,
    cmds: &mut Vec<Command>,
    cards: &mut Vec<DrawnCard>,
) -> f32 {
    cards.clear();
    content(ui, view, visible, &mut Out { cmds, cards });
    ui.min_rect().max.y
}

/// What the panel's parts hand back: commands, and the cards they drew.
struct Out<'a> {
    cmds: &'a mut Vec<Command>,
    cards: &'a mut Vec<DrawnCard>,
}

fn content(ui: &mut egui::Ui, view: &ViewCtx, visible: Option<(f64, f64)>, out: &mut Out) {
    match view.selected {
        // Presenting, the caption stands for the summary: the title, then the columns.
        Some(e) if view.presenting.is_some() => {
            compact_header(ui, view, e);
            event_claims(ui, view, e, out);
        }
        Some(e) => {
            event_header(ui, view, e, out.cmds);
            event_claims(ui, view, e, out);
        }
        None => overview(ui, view, visible, out),
    }
}

fn overview(ui: &mut egui::Ui, view: &ViewCtx, visible: Option<(f64, f64)>, out: &mut Out) {
    let q = &view.derived.query;
    let (count, first) = match visible {
        Some((a, b)) => q.in_view(
            &view.cat.index,
            a.floor() as i64,
            b.ceil() as i64,
            OVERVIEW_LIMIT,
        ),
        None => (
            q.events.len(),
            q.events.iter().copied().take(OVERVIEW_LIMIT).collect(),
        ),
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading("Claims in view");
        ui.weak(format!(
            "{} on the visible part of the timeline. Click an event, or press {} to step through them.",
            crate::model::wording::plural(count, "event"),
            Action::Next.shortcut_text(ui.ctx())
        ));
    });
    ui.add_space(4.0);
    for &e in &first {
        let event = &view.cat.dataset.events[e];
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let title = RichText::new(visual(&event.title)).strong().size(15.0);
            if ui.link(title).on_hover_text("Select this event").clicked() {
                out.cmds.push(Command::Select(Some(e)));
            }
            ui.weak(view.cat.dataset.when_text(&event.when, event));
        });
        event_claims(ui, view, e, out);
    }
    if count > OVERVIEW_LIMIT {
        ui.separator();
        ui.weak(format!(
            "and {} more events: zoom in on the timeline, narrow the filters, or select an event.",
            count - OVERVIEW_LIMIT
        ));
    }
}

/// One line: the event's title and time, for presenting.
fn compact_header(ui: &mut egui::Ui, view: &ViewCtx, e: usize) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(visual(&event.title)).heading().size(17.0));
        ui.weak(ds.when_text(&event.when, event));
    });
    ui.add_space(2.0);
}

fn event_header(ui: &mut egui::Ui, view: &ViewCtx, e: usize, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let events = &view.derived.query.events;
    // A picture has no use for buttons: it starts at the event's title.
    if !view.complete {
        ui.horizontal(|ui| {
            // Presenting, the same buttons step through the tour.
            let (back, forward) = if view.presenting.is_some() {
                (Action::PresentPrevious, Action::PresentNext)
            } else {
                (Action::Previous, Action::Next)
            };
            for (words, action) in [(Action::Previous, back), (Action::Next, forward)] {
                let tip = action.tooltip(ui.ctx());
                if ui.button(words.text()).on_hover_text(tip).clicked() {
                    cmds.push(action.command());
                }
            }
            if let Some(pos) = events.iter().position(|&x| x == e) {
                ui.weak(format!("Event {} of {}", pos + 1, events.len()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                Action::Deselect.button(ui, cmds);
            });
        });
    }
    ui.label(RichText::new(visual(&event.title)).heading().size(17.0));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(ds.when_text(&event.when, event)).strong());
        ui.weak("·");
        ui.weak(kind_label(event.kind));
        let places = place_names(&view.cat.dataset, &view.cat.index, event);
        if !places.is_empty() {
            ui.weak("·");
            // Long lists of places would push the claims down: show the start, all on hover
            // (a picture has no hover: it shows them all).
            let shown = if view.complete {
                places.clone()
            } else {
                ellipsize(&places, 110)
            };
            ui.label(visual(&shown)).on_hover_text(visual(&places));
        }
    });
    // On a short screen a long summary would hide the claims: its start, and "more".
    const SHORT: usize = 160;
    let id = egui::Id::unique(("summary_open", e));
    let open = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if open
        || view.complete
        || event.summary.chars().count() <= SHORT
        || ui.available_height() > 700.0
    {
        ui.label(visual(&event.summary));
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.label(visual(&ellipsize(&event.summary, SHORT)));
            if ui.link("more").clicked() {
                ui.data_mut(|d| d.insert_temp(id, true));
            }
        });
    }
    ui.add_space(6.0);
}

fn event_claims(ui: &mut egui::Ui, view: &ViewCtx, e: usize, out: &mut Out) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let offset = ds.offset_of(event);
    let layout = claim_layout(
        event,
        |i| view.cat.index.side_of_actor(&event.claims[i].actor),
        |i| event.claims[i].said.span(offset).map_or(0, |s| s.start),
    );
    // A column for each party the dataset names (two at most), none made up for a dataset
    // with fewer: their claims never land on a missing side.
    let parties: Vec<Side> = sides_of(&view.cat.dataset)
        .into_iter()
        .filter(|&s| s != Side::Third)
        .collect();
    if parties.is_empty() {
        ui.weak("No parties are named in this dataset: every claim is a third party's.");
    } else {
        party_columns(ui, view, e, &parties, &layout, out);
    }
    if !layout.third.is_empty() {
        ui.add_space(4.0);
        side_heading(ui, view, Side::Third, layout.third.len());
        for pair in layout.third.chunks(2) {
            ui.columns(2, |cols| {
                for (col, &ci) in cols.iter_mut().zip(pair) {
                    claim_card(col, view, e, ci, out);
                }
            });
        }
    }
    ui.add_space(6.0);
}

/// The parties' columns: headings of the same size, weight and form for each, then the rows.
fn party_columns(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    e: usize,
    parties: &[Side],
    layout: &crate::layout::claim_rows::ClaimLayout,
    out: &mut Out,
) {
    let per_side = view.cat.index.events[e].claims_per_side;
    ui.columns(parties.len(), |cols| {
        for (col, &side) in cols.iter_mut().zip(parties) {
            side_heading(col, view, side, per_side[side as usize]);
            if per_side[side as usize] == 0 {
                col.weak("No claims from this side about this event.");
            }
        }
    });
    for row in &layout.rows {
        let mut body = |ui: &mut egui::Ui| {
            if row.disputed {
                ui.label(
                    RichText::new("⇄ These two claims dispute each other")
                        .small()
                        .color(view.palette.outline),
                );
            }
            ui.columns(parties.len(), |cols| {
                for (col, claim) in cols.iter_mut().zip([row.left, row.right]) {
                    if let Some(ci) = claim {
                        claim_card(col, view, e, ci, out);
                    }
                }
            });
        };
        if row.disputed {
            EFrame::new()
                .stroke(Stroke::new(1.0, view.palette.outline.gamma_multiply(0.5)))
                .corner_radius(6.0)
                .inner_margin(Margin::same(4))
                .show(ui, body);
        } else {
            body(ui);
        }
    }
}

fn side_heading(ui: &mut egui::Ui, view: &ViewCtx, side: Side, count: usize) {
    let colour = view.palette.text_of(side);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        super::marks::paint_swatch(
            ui.painter(),
            rect.center(),
            5.0,
            shape_for(side),
            &view.palette,
        );
        ui.label(
            RichText::new(side_label(&view.cat.dataset, side))
                .strong()
                .size(15.0)
                .color(colour),
        );
        ui.weak(format!(
            "{count} claim{}",
            if count == 1 { "" } else { "s" }
        ));
    });
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 2.0), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 0.0, view.palette.fill_of(side));
}

fn shape_for(side: Side) -> super::theme::MarkerShape {
    use super::theme::MarkerShape;
    match side {
        Side::Left => MarkerShape::Square,
        Side::Right => MarkerShape::Diamond,
        Side::Third => MarkerShape::Triangle,
    }
}

fn claim_card(ui: &mut egui::Ui, view: &ViewCtx, e: usize, ci: usize, out: &mut Out) {
    let event = &view.cat.dataset.events[e];
    let claim = &event.claims[ci];
    let side = view.cat.index.side_of_actor(&claim.actor);
    let card = EFrame::group(ui.style())
        .stroke(Stroke::new(
            1.0,
            view.palette.fill_of(side).gamma_multiply(0.7),
        ))
        .corner_radius(5.0)
        .inner_margin(Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Columns lay out justified; a card's text reads better ragged.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                card_body(ui, view, event, claim, side, out.cmds)
            });
        });
    let seen = card.response.rect.intersect(ui.clip_rect());
    if seen.is_positive() {
        out.cards.push(DrawnCard {
            event: e,
            claim: ci,
            visible: seen,
        });
    }
    // One node per card for screen readers: who, when, what, from which source.
    let ds = &view.cat.dataset;
    let who = actor_name(ds, &view.cat.index, &claim.actor);
    let label = format!(
        "Claim by {} ({}), said {}: {}",
        length::shown(who),
        side_label(ds, side),
        ds.when_text(&claim.said, event),
        claim.shown_text()
    );
    super::accessible_node(
        ui,
        card.response.id,
        egui::Role::Article,
        label,
        card.response.rect,
    );
    ui.add_space(4.0);
}

fn card_body(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    event: &Event,
    claim: &Claim,
    side: Side,
    cmds: &mut Vec<Command>,
) {
    let ds = &view.cat.dataset;
    let actor = actor_by_id(ds, &view.cat.index, &claim.actor);
    let name = actor.map_or(claim.actor.as_str(), |a| a.name.as_str());
    ui.label(
        RichText::new(visual(name))
            .strong()
            .color(view.palette.text_of(side)),
    );
    // Role and time on one line: cards stay short enough for the first row to show whole.
    let said = format!("said {}", ds.when_text(&claim.said, event));
    match actor {
        Some(a) => ui.label(
            RichText::new(format!("{} · {said}", visual(&a.role)))
                .small()
                .weak(),
        ),
        None => ui.label(RichText::new(said).small().weak()),
    };
    ui.label(visual(&claim.shown_text()));
    if let Some(orig) = &claim.original {
        ui.weak(format!(
            "Original ({}): {}",
            visual(&orig.lang),
            visual(&orig.text)
        ));
    }
    if !claim.figures.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for f in &claim.figures {
                figure_chip(ui, view, f);
            }
        });
    }
    disputes_ui(ui, view, claim, cmds);
    sources_ui(ui, view, claim);
    if let Some(note) = &claim.note {
        ui.label(
            RichText::new(format!("Curator's note: {}", visual(note)))
                .small()
                .weak(),
        );
    }
}

fn figure_chip(ui: &mut egui::Ui, view: &ViewCtx, f: &Figure) {
    let text = figure_text(&view.cat.dataset, &view.cat.index, f);
    EFrame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(Stroke::new(
            1.0,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        ))
        .corner_radius(4.0)
        .inner_margin(Margin::symmetric(5, 1))
        .show(ui, |ui| ui.label(RichText::new(text).small().strong()));
}

fn disputes_ui(ui: &mut egui::Ui, view: &ViewCtx, claim: &Claim, cmds: &mut Vec<Command>) {
    for id in &claim.disputes {
        let Some((ei, ci)) = view.cat.index.claim_position(&view.cat.dataset, id) else {
            continue;
        };
        let other = &view.cat.dataset.events[ei].claims[ci];
        let who = actor_name(&view.cat.dataset, &view.cat.index, &other.actor);
        let same_event = Some(ei) == view.selected;
        // When it was said tells apart two claims of the same actor.
        let event = &view.cat.dataset.events[ei];
        let said = view.cat.dataset.when_text(&other.said, event);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("⇄ Disputes").small().strong());
            if same_event {
                ui.label(RichText::new(format!("{who}'s claim of {said}")).small())
                    .on_hover_text(visual(&ellipsize(&other.text, 300)));
            } else if ui
                .link(
                    RichText::new(visual(&format!(
                        "{who}'s claim in “{}”",
                        ellipsize(&view.cat.dataset.events[ei].title, 40)
                    )))
                    .small(),
                )
                .clicked()
            {
                cmds.push(Command::Select(Some(ei)));
            }
        });
    }
}

fn sources_ui(ui: &mut egui::Ui, view: &ViewCtx, claim: &Claim) {
    for cit in &claim.sources {
        let Some(s) = view.cat.index.source_index(&cit.source) else {
            continue;
        };
        let src = &view.cat.dataset.sources[s];
        let mut label = length::shown(&src.outlet).into_owned();
        if let Some(d) = &src.date {
            label.push_str(&format!(", {d}"));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Source:").small());
            match src.url.as_deref().and_then(web_link) {
                Some(url) => {
                    ui.hyperlink_to(RichText::new(visual(&label)).small(), url)
                        .on_hover_text(url);
                }
                None => {
                    ui.label(RichText::new(visual(&label)).small());
                }
            }
            if let Some(at) = &cit.at {
                ui.label(RichText::new(format!("({})", visual(at))).small().weak());
            }
        });
    }
}

/// The timeline's hover card: title, time, places, claims per side.
pub fn event_tooltip(ui: &mut egui::Ui, view: &ViewCtx, e: usize) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let facts = &view.cat.index.events[e];
    ui.set_max_width(360.0);
    ui.strong(visual(&event.title));
    ui.label(ds.when_text(&event.when, event));
    let places = place_names(&view.cat.dataset, &view.cat.index, event);
    if !places.is_empty() {
        ui.label(visual(&places));
    }
    ui.horizontal(|ui| {
        for side in sides_of(ds) {
            let n = facts.claims_per_side[side as usize];
            ui.label(
                RichText::new(format!("{}: {n}", side_label(ds, side)))
                    .color(view.palette.text_of(side)),
            );
        }
    });
    if facts.voices.is_contested() {
        ui.label(
            RichText::new("Both sides made claims about this event")
                .small()
                .color(Color32::GRAY),
        );
    }
}
