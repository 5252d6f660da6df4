//! The event list: a sortable table of the filtered events (date, title, places, claims per
//! side). Clicking a row selects the event, which also brings it into view on the timeline.

use egui::{Align, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::bidi::visual;
use crate::command::Command;
use crate::layout::in_range::{InRange, in_range};
use crate::layout::lanes::sides_of;
use crate::model::Side;
use crate::model::wording::{place_names, side_label};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Date,
    Title,
    Places,
    Claims(Side),
}

#[derive(Debug, Default)]
pub struct TableState {
    pub sort: SortBy,
    pub descending: bool,
    /// The rows in table order, and what they were sorted for: sorting by place builds a
    /// string per event, which is not work for every frame.
    /// The rows in order, shared so that a frame does not copy a million of them.
    cache: Option<(SortKey, std::sync::Arc<[usize]>)>,
    /// List every filtered event, not only those in the timeline's visible range.
    pub show_all: bool,
    /// The rows in range, and what they were picked for.
    in_range: Option<(RangeKey, std::sync::Arc<InRange>)>,
}

/// What the rows in range depend on: the sorted rows' key, the range and the selection.
type RangeKey = (SortKey, i64, i64, Option<usize>);

impl TableState {
    fn click(&mut self, by: SortBy) {
        if self.sort == by {
            self.descending = !self.descending;
        } else {
            self.sort = by;
            self.descending = matches!(by, SortBy::Claims(_));
        }
    }
}

/// What the cached order depends on: the derivation it was sorted from, and the sort.
type SortKey = (u64, SortBy, bool);

/// The filtered events in the table's order.
pub fn sorted_rows(view: &ViewCtx, state: &TableState) -> Vec<usize> {
    let mut rows = view.derived.query.events.clone();
    let ds = &view.cat.dataset;
    let idx = &view.cat.index;
    match state.sort {
        SortBy::Date => {}
        SortBy::Title => rows.sort_by_cached_key(|&e| ds.events[e].title.to_lowercase()),
        SortBy::Places => rows.sort_by_cached_key(|&e| {
            place_names(ds, &view.cat.index, &ds.events[e]).to_lowercase()
        }),
        SortBy::Claims(s) => rows.sort_by_cached_key(|&e| idx.claims_per_side(ds, e)[s.index()]),
    }
    if state.descending {
        rows.reverse();
    }
    rows
}

pub fn ui(ui: &mut egui::Ui, view: &ViewCtx, state: &mut TableState, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Events");
        ui.weak(format!("{} shown", view.derived.query.events.len()));
        // The rows' times are in this zone; each row names another only where written so.
        ui.weak(format!(
            "· times in {}",
            crate::model::zone_name(view.cat.dataset.display_zone())
        ));
    });
    let key = (view.derived.generation, state.sort, state.descending);
    let all: std::sync::Arc<[usize]> = match &state.cache {
        Some((k, rows)) if *k == key => rows.clone(),
        _ => {
            let rows: std::sync::Arc<[usize]> = sorted_rows(view, state).into();
            state.cache = Some((key, rows.clone()));
            rows
        }
    };
    // The list follows the timeline: the events in its visible range (and the selection).
    let picked = view.visible.filter(|_| !state.show_all).map(|range| {
        let rkey = (key, range.0 as i64, range.1 as i64, view.selected);
        match &state.in_range {
            Some((k, r)) if *k == rkey => r.clone(),
            _ => {
                let r = std::sync::Arc::new(in_range(&view.cat.index, &all, range, view.selected));
                state.in_range = Some((rkey, r.clone()));
                r
            }
        }
    });
    // With every event in range there is nothing to say.
    let outside = picked.as_ref().map(|r| r.before + r.after);
    let say = outside.map_or(view.visible.is_some(), |n| n > 0);
    if say {
        ui.horizontal_wrapped(|ui| match &picked {
            Some(r) => {
                ui.label(format!("{} in the visible range", r.rows.len()));
                ui.weak(format!("· {} before · {} after", r.before, r.after));
                if ui
                    .small_button("Show all")
                    .on_hover_text("List every event the filters show, whatever the timeline shows")
                    .clicked()
                {
                    state.show_all = true;
                }
            }
            None if view.visible.is_some()
                && ui
                    .small_button("Follow the timeline")
                    .on_hover_text("List only the events in the timeline's visible range")
                    .clicked() =>
            {
                state.show_all = false;
            }
            _ => {}
        });
    }
    let rows: &[usize] = match &picked {
        Some(r) => &r.rows,
        None => &all,
    };
    // A click anywhere on a row selects its event; selectable text would take the click.
    ui.style_mut().interaction.selectable_labels = false;
    let ds = &view.cat.dataset;
    let sides = sides_of(ds);
    let mut table = TableBuilder::new(ui)
        .id_salt("event_table")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::initial(112.0).at_least(70.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::initial(96.0).at_least(50.0).clip(true))
        // A count for each side the dataset has.
        .columns(Column::exact(44.0), sides.len())
        .auto_shrink([false, false]);
    if let Some(pos) = view
        .scroll_to
        .and_then(|e| rows.iter().position(|&r| r == e))
    {
        table = table.scroll_to_row(pos, Some(Align::Center));
    }
    let mut header_click = None;
    table
        .header(24.0, |mut h| {
            let heads = headings(ds, &sides);
            for (label, by, hint) in heads {
                h.col(|ui| {
                    let arrow = if state.sort == by {
                        if state.descending { " ▼" } else { " ▲" }
                    } else {
                        ""
                    };
                    if ui
                        .button(RichText::new(format!("{label}{arrow}")).strong())
                        .on_hover_text(hint)
                        .clicked()
                    {
                        header_click = Some(by);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let e = rows[row.index()];
                let event = &ds.events[e];
                let per_side = view.cat.index.claims_per_side(ds, e);
                row.set_selected(view.selected == Some(e));
                row.col(|ui| {
                    ui.label(ds.when_text_unzoned(&event.when, event))
                        .on_hover_text(ds.when_text(&event.when, event));
                });
                row.col(|ui| {
                    ui.label(visual(&event.title))
                        .on_hover_text(visual(&event.title));
                });
                row.col(|ui| {
                    ui.label(visual(&place_names(
                        &view.cat.dataset,
                        &view.cat.index,
                        event,
                    )));
                });
                for &side in &sides {
                    row.col(|ui| {
                        let n = per_side[side.index()];
                        ui.label(RichText::new(n.to_string()).color(view.palette.text_of(side)));
                    });
                }
                if row.response().clicked() {
                    cmds.push(Command::Select(Some(e)));
                }
            });
        });
    if let Some(by) = header_click {
        state.click(by);
    }
}

/// The columns' headings: words, what clicking sorts by, and a tooltip.
fn headings(ds: &crate::model::Dataset, sides: &[Side]) -> Vec<(String, SortBy, String)> {
    let short = |s: Side| match s {
        Side::THIRD => "3rd".to_owned(),
        s => side_label(ds, s).chars().take(3).collect(),
    };
    let mut heads = vec![
        (
            "Date".to_owned(),
            SortBy::Date,
            format!(
                "Sort by date (times in {})",
                crate::model::zone_name(ds.display_zone())
            ),
        ),
        (
            "Event".to_owned(),
            SortBy::Title,
            "Sort by title".to_owned(),
        ),
        (
            "Places".to_owned(),
            SortBy::Places,
            "Sort by place".to_owned(),
        ),
    ];
    heads.extend(sides.iter().map(|&side| {
        let hint = match side {
            Side::THIRD => "Claims by third parties".to_owned(),
            s => format!("Claims by the {}", side_label(ds, s)),
        };
        (short(side), SortBy::Claims(side), hint)
    }));
    heads
}
