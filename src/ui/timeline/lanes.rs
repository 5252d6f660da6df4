//! Painting one lane of the timeline: its stripe and its name in the gutter, then either its
//! density strip (too crowded for markers) or its markers, stacked into rows with the overflow
//! counted on badges, each with its bar where the event lasts or its time is uncertain. What
//! is drawn goes into [`Drawn`], painted together and hit-tested once all lanes are done.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, pos2, vec2};
use egui_plot::PlotTransform;

use super::density::density_strip;
use super::{Badge, Drawn, LabelCand, MARKER_R, Placed, ROW_H, title_galley};
use crate::layout::detail::{Detail, detail};
use crate::layout::lanes::{Lane, LaneKey, LaneMode};
use crate::layout::stack::{BADGE_W, Bx, Slot, cluster_runs, rows_needed, stack, title_span};
use crate::model::Side;
use crate::ui::theme::marker_shape;
use crate::ui::{ViewCtx, accessible_node, ellipsize};

/// Where this frame's lanes are drawn: the plot's frame and time transform, and the gutter
/// beside it for the lanes' names.
pub(super) struct LaneArea<'a> {
    pub frame: Rect,
    pub transform: &'a PlotTransform,
    pub painter: Painter,
    pub gutter: Rect,
    pub gutter_painter: Painter,
    pub visible: (f64, f64),
}

/// One lane's events in view and the room each takes: what decides how many rows it wants.
pub(super) struct LanePlan {
    level: Detail,
    /// Events in view (dataset indices), in the lane's time order.
    events: Vec<usize>,
    /// Each event's extent in pixels: its marker, and its bar where it lasts.
    bare: Vec<(f32, f32)>,
    /// The same with the event's title beside its marker, where titles are worth drawing.
    titled: Option<Vec<(f32, f32)>>,
}

/// Pixels between neighbours in a row.
const ROW_GAP: f32 = 3.0;

impl LanePlan {
    /// Rows that show every event of the lane with its title (or, too crowded for titles,
    /// every marker); a density strip takes one.
    pub fn rows_wanted(&self) -> usize {
        match (&self.titled, self.level) {
            (_, Detail::Density) => 1,
            (Some(titled), _) => rows_needed(titled, ROW_GAP),
            (None, _) => rows_needed(&self.bare, ROW_GAP),
        }
    }
}

/// Where one lane is drawn: its top, its height and the rows of markers it holds.
#[derive(Debug, Clone, Copy)]
pub(super) struct LaneBand {
    pub top: f32,
    pub height: f32,
    pub rows: usize,
}

impl LaneArea<'_> {
    fn x_of(&self, secs: i64) -> f32 {
        self.transform.position_from_point_x(secs as f64)
    }

    /// What lane `lane` has in view at this zoom, and how wide each of its events is drawn.
    pub fn plan_lane(&self, ui: &egui::Ui, view: &ViewCtx, lane: &Lane) -> LanePlan {
        let frame = self.frame;
        // The lane's visible events, found by binary search in its sorted start times.
        let (v0, v1) = self.visible;
        let margin = (v1 - v0) * 0.02;
        let (t0, t1) = ((v0 - margin).floor() as i64, (v1 + margin).ceil() as i64);
        let level = detail(lane.visible_count(&view.cat.index, t0, t1), frame.width());
        if level == Detail::Density {
            return LanePlan {
                level,
                events: Vec::new(),
                bare: Vec::new(),
                titled: None,
            };
        }
        let events: Vec<usize> = lane.visible(&view.cat.index, t0, t1);
        // Stacking keeps markers and real spans apart; an uncertain time's light bar may
        // run under its neighbours, or a day-long "some time on 13 September" would push
        // every other event of that day into rows of its own.
        let bare: Vec<(f32, f32)> = events
            .iter()
            .map(|&e| {
                let s = view.cat.index.events[e].span;
                let mid = self.x_of(s.mid());
                if view.cat.dataset.events[e].when.has_end() {
                    let a = self.x_of(s.start).max(frame.min.x - 50.0);
                    let b = self.x_of(s.end).min(frame.max.x + 50.0);
                    (a.min(mid - MARKER_R), b.max(mid + MARKER_R))
                } else {
                    (mid - MARKER_R, mid + MARKER_R)
                }
            })
            .collect();
        let titled = (level == Detail::Labels).then(|| {
            events
                .iter()
                .zip(&bare)
                .map(|(&e, &(a, b))| {
                    let mid = self.x_of(view.cat.index.events[e].span.mid());
                    let w = title_galley(ui, view, e).size().x;
                    let (x0, x1) = title_span(mid, MARKER_R, w, frame.max.x);
                    (a.min(x0), b.max(x1))
                })
                .collect()
        });
        LanePlan {
            level,
            events,
            bare,
            titled,
        }
    }

    /// Lane `k` in its band: its stripe, its name, and its events as density or markers,
    /// with titles where its rows hold them all.
    #[allow(clippy::too_many_arguments)]
    pub fn paint_lane(
        &self,
        ui: &egui::Ui,
        view: &ViewCtx,
        k: usize,
        lane: &Lane,
        plan: &LanePlan,
        band: LaneBand,
        drawn: &mut Drawn,
    ) {
        let frame = self.frame;
        let lane_rect = Rect::from_min_size(
            pos2(frame.min.x, band.top),
            vec2(frame.width(), band.height),
        );
        if k.is_multiple_of(2) {
            self.painter
                .rect_filled(lane_rect, 0.0, view.palette.lane_stripe);
        }
        self.paint_name(ui, view, k, lane, band);
        if plan.level == Detail::Density {
            self.paint_density(view, lane, lane_rect, drawn);
            return;
        }
        // Titles only when every one of them fits: else markers alone, stacked tighter,
        // with such titles as find room placed afterwards.
        let (extents, level) = match &plan.titled {
            Some(t) if rows_needed(t, ROW_GAP) <= band.rows => (t, Detail::Labels),
            _ => (&plan.bare, plan.level),
        };
        for (e, y) in self.stack_markers(view, &plan.events, extents, band, drawn) {
            self.draw_event(view, e, y, level, drawn);
            self.claimed_times(view, e, y, &lane.key, drawn);
        }
    }

    /// The lane's name in the gutter, and for screen readers: the painted label is no widget.
    fn paint_name(&self, ui: &egui::Ui, view: &ViewCtx, k: usize, lane: &Lane, band: LaneBand) {
        let (top, lane_h) = (band.top, band.height);
        let colour = match lane.key {
            LaneKey::Side(s) => view.palette.text_of(s),
            _ => ui.visuals().text_color(),
        };
        self.gutter_painter.text(
            pos2(self.gutter.max.x - 4.0, top + lane_h / 2.0),
            Align2::RIGHT_CENTER,
            ellipsize(&lane.label, 22),
            FontId::proportional(12.5),
            colour,
        );
        let row = Rect::from_min_max(
            pos2(self.gutter.min.x, top),
            pos2(self.gutter.max.x, top + lane_h),
        );
        let id = egui::Id::unique(("timeline-lane", k));
        let label = format!("Lane: {}", lane.label);
        accessible_node(ui, id, egui::Role::RowHeader, label, row);
    }

    /// Counts per bucket; the selection is drawn over the strip, so it never disappears on
    /// zooming out.
    fn paint_density(&self, view: &ViewCtx, lane: &Lane, lane_rect: Rect, drawn: &mut Drawn) {
        let strip = density_strip(lane, &view.cat.index, lane_rect, self.visible);
        strip.paint(&mut drawn.bars, fill_of_lane(view, &lane.key));
        drawn.density.push(strip);
        if let Some(sel) = view.selected
            && lane.contains(sel)
        {
            let c = self.put_marker(view, sel, lane_rect.center().y, drawn);
            drawn.labels.push(LabelCand {
                priority: i32::MAX,
                event: sel,
                at: c,
            });
        }
    }

    /// Stacks the lane's visible events, each `extents` wide, into the band's rows; returns
    /// each event to draw with its row's y, and adds a badge for each run of markers that did
    /// not get a row.
    fn stack_markers(
        &self,
        view: &ViewCtx,
        visible: &[usize],
        extents: &[(f32, f32)],
        band: LaneBand,
        drawn: &mut Drawn,
    ) -> Vec<(usize, f32)> {
        let frame = self.frame;
        let st = stack(extents, band.rows, ROW_GAP, BADGE_W);
        let rows_y0 = band.top + (band.height - st.rows as f32 * ROW_H).max(0.0) / 2.0;
        let row_y = |r: usize| rows_y0 + (r as f32 + 0.5) * ROW_H.min(band.height);
        let mut draws: Vec<(usize, f32)> = visible
            .iter()
            .zip(&st.slots)
            .filter_map(|(&e, slot)| match slot {
                Slot::Row(r) => Some((e, row_y(*r))),
                Slot::Cluster(_) => None,
            })
            .collect();
        for cl in &st.clusters {
            let y = row_y(cl.row);
            let members = cl
                .members
                .iter()
                .map(|&i| {
                    (
                        self.x_of(view.cat.index.events[visible[i]].span.mid()),
                        visible[i],
                    )
                })
                .collect();
            let runs = cluster_runs(members, view.selected);
            draws.extend(runs.shown.into_iter().map(|e| (e, y)));
            drawn
                .badges
                .extend(runs.badges.into_iter().map(|run| Badge {
                    rect: Rect::from_min_max(
                        pos2(run.x0.max(frame.min.x), y - 8.0),
                        pos2(run.x1.min(frame.max.x), y + 8.0),
                    ),
                    events: run.items,
                }));
        }
        draws
    }

    /// Event `e`'s marker at its middle, at height `y`; returns its centre.
    fn put_marker(&self, view: &ViewCtx, e: usize, y: f32, drawn: &mut Drawn) -> Pos2 {
        let facts = &view.cat.index.events[e];
        let c = pos2(self.x_of(facts.span.mid()), y);
        drawn.markers.marker(
            c,
            MARKER_R,
            marker_shape(facts.voices),
            &view.palette,
            false,
        );
        drawn.placed.push(Placed {
            event: e,
            centre: c,
        });
        c
    }

    /// One event's marker at height `y`, over its bar where it spans more than a marker.
    fn draw_event(&self, view: &ViewCtx, e: usize, y: f32, level: Detail, drawn: &mut Drawn) {
        let frame = self.frame;
        let facts = &view.cat.index.events[e];
        let (a, b) = (self.x_of(facts.span.start), self.x_of(facts.span.end));
        // One party alone: its colour; several, or none: the neutral grey.
        let only = facts
            .voices
            .party_sides()
            .next()
            .filter(|_| facts.voices.parties() == 1);
        let side_fill = view.palette.fill_of(only.unwrap_or(Side::THIRD));
        if b - a > 2.0 * MARKER_R {
            // A span drawn solid; an uncertain instant drawn lighter over its range.
            let real_span = view.cat.dataset.events[e].when.has_end();
            let (alpha, h) = if real_span { (0.55, 3.5) } else { (0.22, 5.0) };
            drawn.bars.rect(
                pos2(a.max(frame.min.x - 2.0), y - h),
                pos2(b.min(frame.max.x + 2.0), y + h),
                side_fill.gamma_multiply(alpha),
            );
        }
        let c = self.put_marker(view, e, y, drawn);
        let priority = if Some(e) == view.selected {
            i32::MAX
        } else if level == Detail::Labels {
            view.cat.index.claim_count(e) as i32 + if facts.contested { 100 } else { 0 }
        } else {
            // Markers without titles: the lane is too crowded for labels to help.
            return;
        };
        drawn.labels.push(LabelCand {
            priority,
            event: e,
            at: c,
        });
    }
}

impl LaneArea<'_> {
    /// The times the event's claims say it happened, each on its bar: in a party's lane its
    /// own (or its side's) claims, in other lanes every party's.
    fn claimed_times(&self, view: &ViewCtx, e: usize, y: f32, key: &LaneKey, drawn: &mut Drawn) {
        let ds = &view.cat.dataset;
        let event = &ds.events[e];
        if event.claims.iter().all(|c| c.more.claims_time.is_none()) {
            return;
        }
        let shown: Option<Vec<Side>> = match key {
            LaneKey::Side(s) if view.settings.lane_mode == LaneMode::Side => Some(
                crate::layout::lanes::party_groups(ds)
                    .into_iter()
                    .find(|g| g.contains(s))
                    .unwrap_or_else(|| vec![*s]),
            ),
            LaneKey::Side(s) => Some(vec![*s]),
            _ => None,
        };
        let offset = ds.offset_of(event);
        for c in &event.claims {
            let Some(when) = &c.more.claims_time else {
                continue;
            };
            // A joint statement's time is each of its sides' time.
            let sides = view.cat.index.claim_voices(c);
            let Some(side) = Side::all()
                .find(|&s| sides.has(s) && shown.as_ref().is_none_or(|shown| shown.contains(&s)))
            else {
                continue;
            };
            let Ok(span) = when.span(offset) else {
                continue;
            };
            let x = self.x_of(span.mid());
            if x < self.frame.min.x || x > self.frame.max.x {
                continue;
            }
            drawn.ticks.push(super::ClaimedTime {
                at: pos2(x, y),
                side,
                label: format!(
                    "{} says {} happened {}",
                    crate::model::wording::side_label(ds, side),
                    crate::model::length::shown(&event.title),
                    ds.when_text(when, event)
                ),
            });
        }
    }
}

fn fill_of_lane(view: &ViewCtx, key: &LaneKey) -> Color32 {
    match key {
        LaneKey::Side(s) => view.palette.fill_of(*s),
        _ => view.palette.fill_of(Side::THIRD),
    }
    .gamma_multiply(0.85)
}

/// A marker's box, as an obstacle for labels.
pub(super) fn marker_box(c: Pos2) -> Bx {
    Bx {
        x0: c.x - MARKER_R - 2.0,
        y0: c.y - MARKER_R - 2.0,
        x1: c.x + MARKER_R + 2.0,
        y1: c.y + MARKER_R + 2.0,
    }
}
