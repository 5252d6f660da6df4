//! The claim panels: for the selected event, the first party's claims in the left column and
//! the second's in the right, two equal columns under headings of the same size and weight,
//! disputing claims on one row; third parties in a band below across both. With nothing
//! selected, the same layout for every filtered event in the timeline's visible range.

mod card;
mod columns;
mod fold;
mod paging;
mod tooltip;

pub use paging::{Page, Paging};
pub use tooltip::event_tooltip;

use egui::{Frame as EFrame, Margin, RichText, Stroke};

use super::bidi::visual;
use super::cut::cut_line;
use super::{ViewCtx, ellipsize};
use crate::command::{Action, Command};
use crate::layout::claim_rows::claim_layout;
use crate::model::Side;
use crate::model::wording::{kind_label, place_names};
use card::claim_card;

/// How many events the unselected overview lists before asking the user to zoom in.
const OVERVIEW_LIMIT: usize = 25;

/// The narrowest a claim column may be, in points: about 18 characters of card text.
const MIN_COLUMN_WIDTH: f32 = 150.0;

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
    paged(ui, view, visible, cmds, cards, &mut Paging::default());
}

/// [`ui`], moved by `paging`'s request and telling it how the cards lie.
pub fn paged(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    visible: Option<(f64, f64)>,
    cmds: &mut Vec<Command>,
    cards: &mut Vec<DrawnCard>,
    paging: &mut Paging,
) {
    cards.clear();
    // Cards fold to their first lines when the first two of each column would not be whole
    // in the panel; presenter mode shows claims whole and pages through them instead.
    let fold_key = view
        .selected
        .filter(|_| view.presenting.is_none())
        .map(|e| fold::Key::new(e, ui.available_width(), ui.ctx().pixels_per_point()));
    let level = match fold_key {
        Some(key) => fold::decided(ui.ctx(), key, ui.available_height()),
        // The overview of many events folds in a short window, to show more of them.
        None if view.presenting.is_none()
            && view.selected.is_none()
            && ui.ctx().content_rect().height() < fold::OVERVIEW_WINDOW_BELOW
            && ui.available_height() < fold::OVERVIEW_BELOW =>
        {
            fold::Level::OVERVIEW
        }
        None => fold::Level::Whole,
    };
    let mut area = egui::ScrollArea::vertical()
        .id_salt("claims")
        .auto_shrink([false, false]);
    if let Some(page) = paging.request.take() {
        area = area.vertical_scroll_offset(paging.target(page));
    }
    let shown = area.show(ui, |ui| {
        let top = ui.min_rect().min.y;
        // egui's scroll bar floats over the content while the pointer is on the panel: a
        // gutter keeps it off the cards and the Close button.
        let gutter = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
        let mut out = Out {
            cmds,
            cards,
            fold: level != fold::Level::Whole,
            folded_rows: level.rows(),
            first_cards_end: None,
            two_cards_end: None,
            band_rows: None,
        };
        EFrame::NONE
            .inner_margin(Margin {
                right: gutter.ceil() as i8,
                ..Margin::ZERO
            })
            .show(ui, |ui| content(ui, view, visible, &mut out));
        (
            out.first_cards_end.map(|end| end - top),
            out.two_cards_end.map(|end| end - top),
        )
    });
    let (first_cards_end, two_cards_end) = shown.inner;
    if let Some(key) = fold_key {
        // Measured: fold further from now on if the first two cards of a column were cut
        // (this frame is drawn again, so no one sees it cut).
        let need = two_cards_end.unwrap_or(0.0);
        fold::measured(ui.ctx(), key, level, need, shown.inner_rect.height());
    }
    paging.offset = shown.state.clamped_offset().y;
    paging.page = shown.inner_rect.height();
    paging.content = shown.content_size.y;
    paging.first_cards_end = first_cards_end;
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
    let mut out = Out {
        cmds,
        cards,
        fold: false,
        folded_rows: fold::Level::Whole.rows(),
        first_cards_end: None,
        two_cards_end: None,
        band_rows: None,
    };
    content(ui, view, visible, &mut out);
    ui.min_rect().max.y
}

/// How many claim columns `width` points hold side by side: never fewer than two.
fn columns_that_fit(width: f32) -> usize {
    (width / MIN_COLUMN_WIDTH).floor().max(2.0) as usize
}

/// What the panel's parts hand back: commands, and the cards they drew.
struct Out<'a> {
    cmds: &'a mut Vec<Command>,
    cards: &'a mut Vec<DrawnCard>,
    /// Cards folded to their first lines, and the event's header to a few: a short panel.
    fold: bool,
    /// Lines of a claim's words a folded card shows.
    folded_rows: usize,
    /// Where the first row of cards ended (the columns' first cards, or without columns the
    /// first pair of a band): what presenter mode fits on screen.
    first_cards_end: Option<f32>,
    /// Where the rows holding each column's first two cards ended (without columns, the first
    /// two pairs of the first band): whether the panel must fold.
    two_cards_end: Option<f32>,
    /// Rows of bands drawn so far, counted for `two_cards_end` when there are no columns.
    band_rows: Option<usize>,
}

fn content(ui: &mut egui::Ui, view: &ViewCtx, visible: Option<(f64, f64)>, out: &mut Out) {
    // With more parties than columns, which are columns is the reader's choice (by side, the
    // sides are the columns).
    if view.cat.dataset.parties.len() > 2 && columns::movable(view) {
        columns::chooser(ui, view, columns_that_fit(ui.available_width()), out.cmds);
    }
    match view.selected {
        // Presenting, the caption stands for the summary: the title, then the columns.
        Some(e) if view.presenting.is_some() => {
            compact_header(ui, view, e);
            event_claims(ui, view, e, out);
        }
        Some(e) => {
            event_header(ui, view, e, out.fold, out.cmds);
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
        // Beside the title, as in the window's header: a class sees when one side alone speaks.
        if let Some(side) = crate::balance::one_sided_party(&view.cat.index, e) {
            ui.label(crate::balance::one_sided_line(ds, side));
        }
    });
    ui.add_space(2.0);
}

/// `fold`: a short panel, where the header keeps to one line each for the time and places
/// and for the summary.
fn event_header(ui: &mut egui::Ui, view: &ViewCtx, e: usize, fold: bool, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let events = &view.derived.query.events;
    let title = RichText::new(visual(&event.title)).heading().size(17.0);
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
                if view.presenting.is_none() {
                    Action::AddToTour.button(ui, cmds);
                }
                // Folded, the title shares the buttons' line, cut where it meets them.
                if fold {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(title.clone()).truncate());
                    });
                }
            });
        });
    }
    if !fold || view.complete {
        ui.label(title);
    }
    // Said whichever party it is, in the same words and type: the reader should know the
    // other side is missing here, not infer it from an empty column.
    if let Some(side) = crate::balance::one_sided_party(&view.cat.index, e) {
        ui.label(crate::balance::one_sided_line(ds, side));
    }
    let facts = |ui: &mut egui::Ui| {
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
            // Places under more than one administration: each reading on hover.
            let mut hover = places.clone();
            for line in crate::model::wording::place_admins(ds, &view.cat.index, event) {
                hover.push('\n');
                hover.push_str(&line);
            }
            // Folded, the line ends where the panel does.
            let places = if fold {
                cut_line(visual(&shown))
            } else {
                egui::Label::new(visual(&shown))
            };
            ui.add(places).on_hover_text(visual(&hover));
        }
    };
    if fold {
        ui.horizontal(facts);
    } else {
        ui.horizontal_wrapped(facts);
    }
    // On a short screen a long summary would hide the claims: its start, and "more".
    const SHORT: usize = 160;
    let id = egui::Id::unique(("summary_open", e));
    let open = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    let summary = event.summary.read();
    if open || view.complete || summary.chars().count() <= SHORT || ui.available_height() > 700.0 {
        ui.label(visual(&summary));
    } else if fold {
        // One line, cut where the panel ends, and "more" at its end.
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.link("more").clicked() {
                    ui.data_mut(|d| d.insert_temp(id, true));
                }
                let summary = visual(&ellipsize(&summary, 600)).to_string();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(summary).truncate());
                });
            });
        });
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.label(visual(&ellipsize(&summary, SHORT)));
            if ui.link("more").clicked() {
                ui.data_mut(|d| d.insert_temp(id, true));
            }
        });
    }
    possibly_same(ui, view, e, cmds);
    ui.add_space(if fold { 2.0 } else { 6.0 });
}

/// How many events of other files the header offers as possibly the same happening.
const SAME_SHOWN: usize = 5;

/// Events of other files on the same day at the same place, each a line with a link that
/// selects it: offered for the reader to compare, never merged with this one.
fn possibly_same(ui: &mut egui::Ui, view: &ViewCtx, e: usize, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let same: Vec<usize> = view.cat.index.possibly_same(e).collect();
    for &other in same.iter().take(SAME_SHOWN) {
        let event = &ds.events[other];
        let file = ds
            .files
            .get(event.file as usize)
            .map_or("", |f| file_name(&f.name));
        let target = format!("{} ({file})", event.title);
        let line = format!("Possibly the same happening: {target}");
        ui.horizontal_wrapped(|ui| {
            ui.weak("Possibly the same happening:");
            let link = ui.link(visual(&target)).on_hover_text("Select this event");
            link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &line));
            if link.clicked() {
                cmds.push(Command::Select(Some(other)));
            }
        });
    }
    if same.len() > SAME_SHOWN {
        ui.weak(format!(
            "and {} more of other files on the same day at the same place",
            crate::model::wording::plural(same.len() - SAME_SHOWN, "event")
        ));
    }
}

/// A file's name without its folders: the status bar's full path is too long for a line.
fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn event_claims(ui: &mut egui::Ui, view: &ViewCtx, e: usize, out: &mut Out) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let offset = ds.offset_of(event);
    // A column for each chosen party (the dataset's columns, or its first two), or for each
    // side parties stand on together; none made up for a dataset with fewer: their claims
    // never land on a missing side. A group's claims are laid out under its first party.
    let mut groups = view.column_groups();
    // Columns narrower than a card can hold keep their claims in bands below instead: at
    // least two side by side, the rest dropped from the right.
    groups.truncate(columns_that_fit(ui.available_width()));
    let parties: Vec<Side> = groups.iter().map(|g| g[0]).collect();
    let column_of = |s: Side| groups.iter().find(|g| g.contains(&s)).map_or(s, |g| g[0]);
    // A joint statement goes in a column when its actors all stand in it; one of actors in
    // different columns goes in a band of its own, as no one party's.
    let claim_column = |i: usize| {
        let mut columns = event.claims[i]
            .actor_ids()
            .iter()
            .map(|a| column_of(view.cat.index.side_of_actor(a)));
        let first = columns.next()?;
        columns.all(|c| c == first).then_some(first)
    };
    let layout = claim_layout(event, &parties, claim_column, |i| {
        event.claims[i].said.span(offset).map_or(0, |s| s.start)
    });
    if parties.is_empty() {
        ui.weak("No parties are named in this dataset: every claim is a third party's.");
    } else {
        party_columns(ui, view, e, &groups, &layout, out);
    }
    // Parties that are not columns, each in a band of its own, then the third parties: the
    // same headings and cards as the columns.
    let bands = layout.others.iter().map(|(s, c)| (*s, c.as_slice()));
    if !layout.joint.is_empty() {
        ui.add_space(4.0);
        plain_heading(ui, view, "Joint statements", layout.joint.len());
        let cards: Vec<(usize, usize)> = layout.joint.iter().map(|&ci| (e, ci)).collect();
        cards_in_pairs(ui, view, &cards, out);
    }
    for (side, claims) in bands.chain([(Side::THIRD, layout.third.as_slice())]) {
        if claims.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        side_heading(ui, view, &[side], claims.len());
        let cards: Vec<(usize, usize)> = claims.iter().map(|&ci| (e, ci)).collect();
        cards_in_pairs(ui, view, &cards, out);
    }
    // Claims written under other events that are also about this one: shown whole here too,
    // each naming the event it is filed under.
    let also: Vec<(usize, usize)> = view.cat.index.also_about_of(e).collect();
    if !also.is_empty() {
        ui.add_space(4.0);
        plain_heading(ui, view, "Also about this event", also.len());
        cards_in_pairs(ui, view, &also, out);
    }
    ui.add_space(6.0);
}

/// Cards two to a row, each (event, claim): the bands under the columns.
fn cards_in_pairs(ui: &mut egui::Ui, view: &ViewCtx, cards: &[(usize, usize)], out: &mut Out) {
    for pair in cards.chunks(2) {
        ui.columns(2, |cols| {
            for (col, &(e, ci)) in cols.iter_mut().zip(pair) {
                claim_card(col, view, e, ci, out);
            }
        });
        out.first_cards_end.get_or_insert(ui.min_rect().max.y);
        // With no columns, the bands' first two rows are what must be whole.
        if out.band_rows.is_none() && out.two_cards_end.is_none() {
            out.band_rows = Some(0);
        }
        if let Some(rows) = out.band_rows.as_mut()
            && *rows < 2
        {
            *rows += 1;
            out.two_cards_end = Some(ui.min_rect().max.y);
        }
    }
}

/// A band's heading that belongs to no side: the same size and weight as a side's, in the
/// neutral outline colour.
fn plain_heading(ui: &mut egui::Ui, view: &ViewCtx, title: &str, count: usize) {
    ui.horizontal(|ui| {
        ui.add(egui::Label::new(RichText::new(title).strong().size(15.0)).wrap());
        ui.weak(crate::model::wording::plural(count, "claim"));
    });
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 2.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 0.0, view.palette.outline);
}

/// The parties' columns: headings of the same size, weight and form for each, then the rows.
fn party_columns(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    e: usize,
    groups: &[Vec<Side>],
    layout: &crate::layout::claim_rows::ClaimLayout,
    out: &mut Out,
) {
    // Each heading counts the claims its column holds (a joint statement across columns is
    // counted in its own band).
    let held = |i: usize| layout.rows.iter().filter(|r| r.cells[i].is_some()).count();
    let movable = columns::movable(view);
    ui.columns(groups.len(), |cols| {
        for (i, (col, group)) in cols.iter_mut().zip(groups).enumerate() {
            let count = held(i);
            if movable {
                columns::draggable_heading(col, e, i, out.cmds, view, |ui| {
                    side_heading(ui, view, group, count)
                });
            } else {
                side_heading(col, view, group, count);
            }
            // A side that spoke only jointly with another is pointed to its band, not called
            // silent.
            let joint = layout.joint.iter().any(|&ci| {
                let sides = view
                    .cat
                    .index
                    .claim_voices(&view.cat.dataset.events[e].claims[ci]);
                group.iter().any(|&s| sides.has(s))
            });
            if count == 0 && joint {
                col.weak("Spoke in a joint statement only: see Joint statements below.");
            } else if count == 0 {
                col.weak("No claims from this side about this event.");
            }
        }
    });
    // A presenter's step short of room keeps the times to a line a column, like a folded panel.
    let terse = out.fold || view.presenting.as_ref().is_some_and(|p| p.short);
    claimed_times(ui, view, e, groups, terse);
    // Cards seen so far in each column.
    let mut first_seen = vec![0usize; groups.len()];
    for row in &layout.rows {
        let mut body = |ui: &mut egui::Ui| {
            // Folded, the frame alone says so (and its hover): the cards keep the room.
            if row.disputed && !terse {
                ui.label(
                    RichText::new("⇄ These two claims dispute each other")
                        .small()
                        .color(view.palette.outline),
                );
            }
            ui.columns(groups.len(), |cols| {
                for (col, claim) in cols.iter_mut().zip(&row.cells) {
                    if let Some(ci) = *claim {
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
        // The row that holds a column's first card: the first cards end where the last such
        // row does.
        let mut firsts = false;
        let mut seconds = false;
        for (seen, cell) in first_seen.iter_mut().zip(&row.cells) {
            if cell.is_some() {
                firsts |= *seen == 0;
                seconds |= *seen < 2;
                *seen += 1;
            }
        }
        if firsts {
            out.first_cards_end = Some(ui.min_rect().max.y);
        }
        if seconds {
            out.two_cards_end = Some(ui.min_rect().max.y);
        }
    }
}

/// When each column's claims say the event happened, side by side under the headings, where
/// any claim says: the disagreement is often the point.
/// `fold`: one line a column, cut where it ends, the whole on hover.
fn claimed_times(ui: &mut egui::Ui, view: &ViewCtx, e: usize, groups: &[Vec<Side>], fold: bool) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    if event.claims.iter().all(|c| c.more.claims_time.is_none()) {
        return;
    }
    ui.columns(groups.len(), |cols| {
        for (col, group) in cols.iter_mut().zip(groups) {
            let times: Vec<String> = event
                .claims
                .iter()
                .filter(|c| {
                    let sides = view.cat.index.claim_voices(c);
                    group.iter().any(|&s| sides.has(s))
                })
                .filter_map(|c| c.more.claims_time.as_ref())
                .map(|t| ds.when_text(t, event))
                .collect();
            // Columns lay out justified; a line of times reads better ragged.
            col.with_layout(egui::Layout::top_down(egui::Align::Min), |col| {
                if times.is_empty() {
                    col.weak("Names no time of its own for the event.");
                } else {
                    let words = format!("Says it happened: {}", times.join("; "));
                    let line = RichText::new(words.clone()).strong();
                    if fold {
                        col.add(cut_line(line)).on_hover_text(words);
                    } else {
                        col.label(line);
                    }
                }
            });
        }
    });
    ui.add_space(2.0);
}

/// A column's or band's heading: its party's (or its parties') name, shape and colour, the
/// same size and weight for every side.
fn side_heading(ui: &mut egui::Ui, view: &ViewCtx, group: &[Side], count: usize) {
    let side = group[0];
    let colour = view.palette.text_of(side);
    let name = crate::model::wording::group_label(&view.cat.dataset, group);
    let heading = |ui: &mut egui::Ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        super::marks::paint_swatch(
            ui.painter(),
            rect.center(),
            5.0,
            super::theme::side_shape(side),
            &view.palette,
        );
        ui.add(egui::Label::new(RichText::new(&name).strong().size(15.0).color(colour)).wrap());
        ui.weak(crate::model::wording::plural(count, "claim"));
    };
    // Three or four columns can be narrower than a heading: it wraps there rather than run
    // into the next column's.
    let needed = 14.0
        + 90.0
        + ui.fonts_mut(|f| {
            f.layout_no_wrap(name.clone(), egui::FontId::proportional(15.0), colour)
                .size()
                .x
        });
    if needed > ui.available_width() {
        ui.horizontal_wrapped(heading);
    } else {
        ui.horizontal(heading);
    }
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 2.0), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 0.0, view.palette.fill_of(side));
}
