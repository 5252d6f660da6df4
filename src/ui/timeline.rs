//! The timeline: egui_plot supplies the time axis, its calendar ticks, drag to pan and the
//! linked x range; the lanes, bars, markers, clusters and labels are painted here from the
//! layout maths, in batched meshes, and hover and click are resolved against this frame's own
//! list of placed markers rather than one plot item per event.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, UiBuilder, pos2, vec2};
use egui_plot::{AxisHints, GridMark, Plot, PlotBounds};

use super::bidi::visual;
use super::marks::Batch;
use super::theme::marker_shape;
use super::{ViewCtx, ellipsize};
use crate::command::Command;
use crate::layout::detail::{BUCKET_PX, Detail, bucket_counts, bucket_range, detail};
use crate::layout::lanes::{Lane, LaneKey};
use crate::layout::stack::{Bx, Slot, place_labels, stack};
use crate::layout::ticks;
use crate::model::Side;

/// The x axes of the timeline and the casualty strip move together.
pub const TIME_LINK: &str = "claimline-time";

/// Room right of the plot for the last tick's label, which is centred on its tick.
pub const RIGHT_MARGIN: f32 = 44.0;
const MARKER_R: f32 = 6.0;
const ROW_H: f32 = 18.0;
const LABEL_CHARS: usize = 36;
/// Above this many markers on screen, labels are not attempted (they could not fit anyway).
const MAX_LABEL_CANDIDATES: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq)]
enum ViewRequest {
    Fit,
    Range(f64, f64),
    /// Exactly this range (a saved view's), without padding.
    Exact(f64, f64),
    /// Bring this span into view, moving as little as possible.
    Show(f64, f64),
}

#[derive(Debug, Default)]
pub struct TimelineState {
    pending: Option<ViewRequest>,
    visible: Option<(f64, f64)>,
    /// Where each marker was drawn last frame (event index, screen position): the index that
    /// hover and click are resolved against, and what tests point at.
    markers: Vec<(usize, Pos2)>,
    /// Move to new ranges smoothly (presenter mode) rather than at once.
    glide: bool,
    /// A glide under way: from, to, and when it started (egui's clock, seconds).
    anim: Option<Glide>,
}

/// A range glide: from, to, and when it started.
type Glide = ((f64, f64), (f64, f64), f64);

/// How long a glide takes, in seconds.
const GLIDE_SECS: f64 = 0.6;

/// The range `t` (0 to 1) of the way from `a` to `b`: the centre moves, and the width changes
/// by equal ratios, so zooming from a decade to a day reads as one smooth movement.
pub fn glide_between(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    let ease = t * t * (3.0 - 2.0 * t);
    let (ca, cb) = ((a.0 + a.1) / 2.0, (b.0 + b.1) / 2.0);
    let (wa, wb) = ((a.1 - a.0).max(1.0), (b.1 - b.0).max(1.0));
    let c = ca + (cb - ca) * ease;
    let w = (wa.ln() + (wb.ln() - wa.ln()) * ease).exp();
    (c - w / 2.0, c + w / 2.0)
}

/// One marker drawn this frame, for hit-testing.
struct Placed {
    event: usize,
    centre: Pos2,
}

/// One cluster badge drawn this frame.
struct Badge {
    rect: Rect,
    events: Vec<usize>,
}

impl TimelineState {
    pub fn request_fit(&mut self) {
        self.pending = Some(ViewRequest::Fit);
    }

    pub fn request_range(&mut self, a: f64, b: f64) {
        self.pending = Some(ViewRequest::Range(a, b));
    }

    pub fn request_exact(&mut self, a: f64, b: f64) {
        self.pending = Some(ViewRequest::Exact(a, b));
    }

    /// Brings a span into view, unless a zoom or fit asked for in the same frame comes first.
    pub fn request_show(&mut self, span: (f64, f64)) {
        if self.pending.is_none() {
            self.pending = Some(ViewRequest::Show(span.0, span.1));
        }
    }

    pub fn set_glide(&mut self, on: bool) {
        self.glide = on;
        if !on {
            // Land where the glide was going.
            if let Some((_, to, _)) = self.anim.take() {
                self.pending = Some(ViewRequest::Exact(to.0, to.1));
            }
        }
    }

    /// The time range shown last frame, UTC seconds.
    pub fn visible(&self) -> Option<(f64, f64)> {
        self.visible
    }

    /// Markers drawn last frame: (event index, centre in screen points).
    pub fn markers(&self) -> &[(usize, Pos2)] {
        &self.markers
    }

    fn resolve(&self, req: ViewRequest, view: &ViewCtx) -> Option<(f64, f64)> {
        match req {
            ViewRequest::Fit => {
                let ev = &view.derived.query.events;
                let idx = &view.cat.index;
                let lo = ev.iter().map(|&e| idx.events[e].span.start).min()?;
                let hi = ev.iter().map(|&e| idx.events[e].span.end).max()?;
                Some(padded(lo as f64, hi as f64))
            }
            ViewRequest::Range(a, b) => Some(padded(a, b)),
            ViewRequest::Exact(a, b) => (b > a).then_some((a, b)),
            ViewRequest::Show(a, b) => {
                let Some((v0, v1)) = self.visible else {
                    return Some(padded(a, b));
                };
                let width = v1 - v0;
                if a >= v0 && b <= v1 {
                    return None;
                }
                if b - a > width * 0.8 {
                    return Some(padded(a, b));
                }
                let mid = (a + b) / 2.0;
                Some((mid - width / 2.0, mid + width / 2.0))
            }
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx,
        gutter: f32,
        height: f32,
        cmds: &mut Vec<Command>,
    ) {
        let lanes = &view.derived.lanes;
        let n = lanes.len().max(1) as f64;
        let (outer, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
        let plot_rect = Rect::from_min_max(
            pos2(outer.min.x + gutter, outer.min.y),
            pos2(outer.max.x - RIGHT_MARGIN, outer.max.y),
        );
        let offset = view.offset;
        let width_px = plot_rect.width();
        let mut request = self.pending.take().and_then(|r| self.resolve(r, view));
        let now = ui.input(|i| i.time);
        if self.glide
            && let (Some(to), Some(from)) = (request, self.visible)
        {
            self.anim = Some((from, to, now));
            request = None;
        }
        if let Some((from, to, start)) = self.anim {
            let t = ((now - start) / GLIDE_SECS).clamp(0.0, 1.0);
            request = Some(glide_between(from, to, t));
            if t >= 1.0 {
                self.anim = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
        let initial = view
            .cat
            .index
            .extent
            .map_or((0.0, 1.0), |s| padded(s.start as f64, s.end as f64));

        let plot = Plot::new("timeline")
            .width(plot_rect.width())
            .height(plot_rect.height())
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_x(false)
            .show_y(false)
            .show_axes([true, false])
            .show_grid([true, false])
            .set_margin_fraction(vec2(0.0, 0.0))
            .default_x_bounds(initial.0, initial.1)
            .default_y_bounds(-n + 0.5, 0.5)
            .link_axis(egui::Id::unique(TIME_LINK), [true, false])
            .custom_x_axes(vec![
                AxisHints::new_x()
                    .formatter(move |mark: GridMark, _| {
                        ticks::label(
                            mark.value as i64,
                            ticks::Step::from_seconds(mark.step_size),
                            offset,
                        )
                    })
                    .label_spacing(30.0..=50.0),
            ])
            .x_grid_spacer(move |input| {
                let (t0, t1) = input.bounds;
                let step = ticks::choose_step(t1 - t0, width_px, 7.5);
                ticks::ticks(t0, t1, step, offset)
                    .into_iter()
                    .map(|t| GridMark {
                        value: t as f64,
                        step_size: step.seconds(),
                    })
                    .collect()
            });
        let mut child = ui.new_child(UiBuilder::new().max_rect(plot_rect));
        let resp = plot.show(&mut child, |pui| {
            if let Some((a, b)) = request {
                pui.set_plot_bounds_x(a..=b);
            }
            pui.set_plot_bounds_y(-n + 0.5..=0.5);
            // Plain scrolling zooms time around the pointer (drag pans), as on a map.
            if pui.response().hovered() {
                let dy = pui.ctx().input(|i| i.smooth_scroll_delta.y);
                if dy != 0.0 {
                    pui.zoom_bounds_around_hovered(vec2((dy / 250.0).exp(), 1.0));
                }
            }
        });
        let t = resp.transform;
        let frame = *t.frame();
        let b: &PlotBounds = t.bounds();
        let (v0, v1) = (b.min()[0], b.max()[0]);
        self.visible = Some((v0, v1));

        let painter = ui.painter_at(frame);
        let gutter_rect = Rect::from_min_max(outer.min, pos2(frame.min.x - 4.0, frame.max.y));
        let gutter_painter = ui.painter_at(gutter_rect);
        let x_of = |secs: i64| t.position_from_point_x(secs as f64);
        let lane_h = frame.height() / n as f32;
        let max_rows = (((lane_h - 4.0) / ROW_H).floor() as usize).max(1);
        let small = FontId::proportional(11.5);

        let mut batch = Batch::default();
        let mut bars = Batch::default();
        let mut placed: Vec<Placed> = Vec::new();
        let mut badges: Vec<Badge> = Vec::new();
        let mut label_cands: Vec<(i32, usize, Pos2)> = Vec::new();
        let mut density: Vec<DensityStrip> = Vec::new();
        let margin = (v1 - v0) * 0.02;
        for (k, lane) in lanes.iter().enumerate() {
            let top = frame.min.y + k as f32 * lane_h;
            let lane_rect =
                Rect::from_min_size(pos2(frame.min.x, top), vec2(frame.width(), lane_h));
            if k % 2 == 0 {
                painter.rect_filled(lane_rect, 0.0, view.palette.lane_stripe);
            }
            let colour = match lane.key {
                LaneKey::Side(s) => view.palette.text_of(s),
                _ => ui.visuals().text_color(),
            };
            gutter_painter.text(
                pos2(gutter_rect.max.x - 4.0, top + lane_h / 2.0),
                Align2::RIGHT_CENTER,
                ellipsize(&lane.label, 22),
                FontId::proportional(12.5),
                colour,
            );
            // The painted label is no widget: name the lane for screen readers.
            let row = Rect::from_min_max(
                pos2(gutter_rect.min.x, top),
                pos2(gutter_rect.max.x, top + lane_h),
            );
            let id = egui::Id::unique(("timeline-lane", k));
            let label = format!("Lane: {}", lane.label);
            super::accessible_node(ui, id, egui::Role::RowHeader, label, row);
            // The lane's visible events, found by binary search in its sorted start times.
            let (t0, t1) = ((v0 - margin).floor() as i64, (v1 + margin).ceil() as i64);
            let level = detail(lane.visible_count(&view.cat.index, t0, t1), frame.width());
            if level == Detail::Density {
                let strip = density_strip(lane, lane_rect, (v0, v1));
                strip.paint(&mut bars, fill_of_lane(view, &lane.key));
                density.push(strip);
                // The selection is drawn over the strip, so it never disappears on zooming out.
                if let Some(sel) = view.selected
                    && lane.events.binary_search(&sel).is_ok()
                {
                    let y = top + lane_h / 2.0;
                    let facts = &view.cat.index.events[sel];
                    let c = pos2(x_of(facts.span.mid()), y);
                    batch.marker(
                        c,
                        MARKER_R,
                        marker_shape(facts.voices),
                        &view.palette,
                        false,
                    );
                    placed.push(Placed {
                        event: sel,
                        centre: c,
                    });
                    label_cands.push((i32::MAX, sel, c));
                }
                continue;
            }
            let visible: Vec<usize> = lane
                .visible(&view.cat.index, t0, t1)
                .into_iter()
                .map(|k| lane.events[k])
                .collect();
            // Stacking keeps markers and real spans apart; an uncertain time's light bar may
            // run under its neighbours, or a day-long "some time on 13 September" would push
            // every other event of that day into rows of its own.
            let extents: Vec<(f32, f32)> = visible
                .iter()
                .map(|&e| {
                    let s = view.cat.index.events[e].span;
                    let mid = x_of(s.mid());
                    if view.cat.dataset.events[e].when.end.is_some() {
                        let a = x_of(s.start).max(frame.min.x - 50.0);
                        let b = x_of(s.end).min(frame.max.x + 50.0);
                        (a.min(mid - MARKER_R), b.max(mid + MARKER_R))
                    } else {
                        (mid - MARKER_R, mid + MARKER_R)
                    }
                })
                .collect();
            let st = stack(&extents, max_rows, 3.0, 26.0);
            let rows_y0 = top + (lane_h - st.rows as f32 * ROW_H).max(0.0) / 2.0;
            let row_y = |r: usize| rows_y0 + (r as f32 + 0.5) * ROW_H.min(lane_h);
            // (event, y) of every marker to draw.
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
                // Badges sit over the hidden markers, not their spans: one badge per run of
                // markers less than a badge apart, and a marker alone is drawn, not counted.
                let mut members: Vec<(f32, usize)> = cl
                    .members
                    .iter()
                    .map(|&i| {
                        (
                            x_of(view.cat.index.events[visible[i]].span.mid()),
                            visible[i],
                        )
                    })
                    .collect();
                members.sort_by(|a, b| a.0.total_cmp(&b.0));
                // The selection is always drawn, even inside a cluster (on top of its badge).
                if let Some(pos) = members.iter().position(|m| Some(m.1) == view.selected) {
                    let (_, e) = members.remove(pos);
                    draws.push((e, y));
                }
                for run in members.chunk_by(|a, b| b.0 - a.0 < 30.0) {
                    if let [(_, e)] = run {
                        draws.push((*e, y));
                        continue;
                    }
                    let (lo, hi) = (run[0].0 - 12.0, run[run.len() - 1].0 + 12.0);
                    let hi = hi.max(lo + 26.0);
                    let rect = Rect::from_min_max(
                        pos2(lo.max(frame.min.x), y - 8.0),
                        pos2(hi.min(frame.max.x), y + 8.0),
                    );
                    badges.push(Badge {
                        rect,
                        events: run.iter().map(|m| m.1).collect(),
                    });
                }
            }
            for (e, y) in draws {
                let facts = &view.cat.index.events[e];
                let (a, b) = (x_of(facts.span.start), x_of(facts.span.end));
                let side_fill = match (facts.voices.has(Side::Left), facts.voices.has(Side::Right))
                {
                    (true, false) => view.palette.fill_of(Side::Left),
                    (false, true) => view.palette.fill_of(Side::Right),
                    _ => view.palette.fill_of(Side::Third),
                };
                if b - a > 2.0 * MARKER_R {
                    // A span drawn solid; an uncertain instant drawn lighter over its range.
                    let real_span = view.cat.dataset.events[e].when.end.is_some();
                    let (alpha, h) = if real_span { (0.55, 3.5) } else { (0.22, 5.0) };
                    bars.rect(
                        pos2(a.max(frame.min.x - 2.0), y - h),
                        pos2(b.min(frame.max.x + 2.0), y + h),
                        side_fill.gamma_multiply(alpha),
                    );
                }
                let c = pos2(x_of(facts.span.mid()), y);
                batch.marker(
                    c,
                    MARKER_R,
                    marker_shape(facts.voices),
                    &view.palette,
                    false,
                );
                placed.push(Placed {
                    event: e,
                    centre: c,
                });
                let priority = if Some(e) == view.selected {
                    i32::MAX
                } else if level == Detail::Labels {
                    facts.claim_count as i32 + if facts.voices.is_contested() { 100 } else { 0 }
                } else {
                    // Markers without titles: the lane is too crowded for labels to help.
                    continue;
                };
                label_cands.push((priority, e, c));
            }
        }

        painter.extend(bars.into_shapes());
        for badge in &badges {
            painter.rect(
                badge.rect,
                8.0,
                ui.visuals().widgets.inactive.bg_fill,
                Stroke::new(1.0, view.palette.outline.gamma_multiply(0.6)),
                egui::StrokeKind::Inside,
            );
            painter.text(
                badge.rect.center(),
                Align2::CENTER_CENTER,
                format!("+{}", badge.events.len()),
                small.clone(),
                ui.visuals().text_color(),
            );
        }
        painter.extend(batch.into_shapes());

        // The selection: a ring on each of its markers and a line across the lanes.
        if let Some(sel) = view.selected {
            let sel_stroke = Stroke::new(2.5, view.palette.selection);
            let span = view.cat.index.events[sel].span;
            let x = x_of(span.mid());
            if x >= frame.min.x && x <= frame.max.x {
                painter.line_segment(
                    [pos2(x, frame.min.y), pos2(x, frame.max.y)],
                    Stroke::new(1.0, view.palette.selection.gamma_multiply(0.6)),
                );
            }
            for p in placed.iter().filter(|p| p.event == sel) {
                painter.circle_stroke(p.centre, MARKER_R + 5.0, sel_stroke);
            }
        }

        paint_labels(ui, view, &painter, frame, &placed, &badges, label_cands);

        // Hover and click, from this frame's own list of what is where.
        let response = resp.response;
        let pointer = response.hover_pos();
        let hit = pointer.and_then(|p| {
            placed
                .iter()
                .filter(|m| m.centre.distance(p) <= MARKER_R + 4.0)
                .min_by(|a, b| a.centre.distance(p).total_cmp(&b.centre.distance(p)))
                .map(|m| m.event)
        });
        let badge_hit =
            pointer.and_then(|p| badges.iter().find(|b| b.rect.expand(2.0).contains(p)));
        let bucket_hit = pointer.and_then(|p| density.iter().find_map(|s| s.bucket_at(p)));
        self.markers = placed.iter().map(|p| (p.event, p.centre)).collect();
        accessible_markers(ui, view, &placed);
        accessible_strips(ui, lanes, &density);
        if response.double_clicked() {
            cmds.push(Command::FitAll);
        } else if response.clicked() {
            if let Some(e) = hit {
                cmds.push(Command::Select(Some(e)));
            } else if let Some(b) = badge_hit {
                let spans = b.events.iter().map(|&e| view.cat.index.events[e].span);
                let lo = spans.clone().map(|s| s.start).min().unwrap_or(0) as f64;
                let hi = spans.map(|s| s.end).max().unwrap_or(0) as f64;
                cmds.push(Command::ZoomTo(lo, hi.max(lo + 3600.0)));
            } else if let Some(b) = &bucket_hit {
                let (lo, hi) = b.range;
                cmds.push(Command::ZoomTo(lo, hi.max(lo + 3600.0)));
            } else {
                cmds.push(Command::Select(None));
            }
        }
        if let Some(e) = hit {
            response.on_hover_ui_at_pointer(|ui| super::claims::event_tooltip(ui, view, e));
        } else if let Some(b) = badge_hit {
            let events = b.events.clone();
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(format!("{} events here — click to zoom in", events.len()));
                for &e in events.iter().take(12) {
                    ui.label(visual(&ellipsize(&view.cat.dataset.events[e].title, 60)));
                }
                if events.len() > 12 {
                    ui.weak(format!("and {} more", events.len() - 12));
                }
            });
        } else if let Some(b) = bucket_hit {
            let (a, z) = (b.range.0 as i64, b.range.1 as i64);
            let with_time = z - a < 4 * 86_400;
            let when = format!(
                "{} – {}",
                crate::model::format_seconds(a, offset, with_time),
                crate::model::format_seconds(z, offset, with_time)
            );
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(format!(
                    "{} {} · {}",
                    b.count,
                    if b.count == 1 { "event" } else { "events" },
                    b.lane
                ));
                ui.label(when);
                ui.weak("Click to zoom in");
            });
        }
    }
}

/// A lane drawn as counts per time bucket, kept for this frame's hover and click.
struct DensityStrip {
    lane: String,
    rect: Rect,
    /// The visible range the buckets divide.
    range: (f64, f64),
    counts: Vec<usize>,
}

/// What the pointer is over in a density strip.
struct BucketHit {
    lane: String,
    range: (f64, f64),
    count: usize,
}

fn density_strip(lane: &Lane, rect: Rect, range: (f64, f64)) -> DensityStrip {
    let buckets = (rect.width() / BUCKET_PX).ceil().max(1.0) as usize;
    DensityStrip {
        lane: lane.label.clone(),
        rect,
        range,
        counts: bucket_counts(lane, range.0, range.1, buckets),
    }
}

impl DensityStrip {
    fn bucket_w(&self) -> f32 {
        self.rect.width() / self.counts.len() as f32
    }

    /// One bar a bucket, rising from the lane's foot; heights on a square-root scale so that
    /// quiet stretches stay visible beside the busiest hours.
    fn paint(&self, bars: &mut Batch, fill: Color32) {
        let max = self.counts.iter().copied().max().unwrap_or(0).max(1) as f32;
        let (w, foot) = (self.bucket_w(), self.rect.max.y - 3.0);
        let room = (self.rect.height() - 8.0).max(4.0);
        for (k, &c) in self.counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let h = (room * (c as f32 / max).sqrt()).max(2.0);
            let x = self.rect.min.x + k as f32 * w;
            bars.rect(pos2(x, foot - h), pos2(x + w - 0.5, foot), fill);
        }
    }

    fn bucket_at(&self, p: Pos2) -> Option<BucketHit> {
        if !self.rect.contains(p) {
            return None;
        }
        let k = (((p.x - self.rect.min.x) / self.bucket_w()) as usize).min(self.counts.len() - 1);
        let (t0, t1) = self.range;
        Some(BucketHit {
            lane: self.lane.clone(),
            range: bucket_range(t0, t1, self.counts.len(), k),
            count: self.counts[k],
        })
    }
}

fn fill_of_lane(view: &ViewCtx, key: &LaneKey) -> Color32 {
    match key {
        LaneKey::Side(s) => view.palette.fill_of(*s),
        _ => view.palette.fill_of(Side::Third),
    }
    .gamma_multiply(0.85)
}

/// One node per lane shown as density, naming how many events it holds in view.
fn accessible_strips(ui: &egui::Ui, lanes: &[Lane], strips: &[DensityStrip]) {
    for s in strips {
        let n: usize = s.counts.iter().sum();
        let label = format!("Density: {}, {n} events in view", s.lane);
        let id = egui::Id::unique(("timeline-density", &s.lane, lanes.len()));
        super::accessible_node(ui, id, egui::Role::Image, label, s.rect);
    }
}

/// Titles beside markers, by priority (the selection, then contested and much-discussed
/// events), where they overlap no other label, marker or badge.
fn paint_labels(
    ui: &egui::Ui,
    view: &ViewCtx,
    painter: &egui::Painter,
    frame: Rect,
    placed: &[Placed],
    badges: &[Badge],
    mut cands: Vec<(i32, usize, Pos2)>,
) {
    if cands.len() > MAX_LABEL_CANDIDATES {
        cands.retain(|c| c.0 == i32::MAX);
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let font = FontId::proportional(12.0);
    let text_colour = ui.visuals().text_color();
    let galleys: Vec<_> = cands
        .iter()
        .map(|&(_, e, _)| {
            painter.layout_no_wrap(
                visual(&ellipsize(&view.cat.dataset.events[e].title, LABEL_CHARS)).into_owned(),
                font.clone(),
                text_colour,
            )
        })
        .collect();
    let boxes: Vec<Bx> = cands
        .iter()
        .zip(&galleys)
        .map(|(&(_, _, c), g)| {
            let x0 = c.x + MARKER_R + 5.0;
            let h = g.size().y;
            Bx {
                x0,
                y0: c.y - h / 2.0,
                x1: x0 + g.size().x + 4.0,
                y1: c.y + h / 2.0,
            }
        })
        .collect();
    let mut obstacles: Vec<Bx> = placed
        .iter()
        .map(|p| Bx {
            x0: p.centre.x - MARKER_R - 2.0,
            y0: p.centre.y - MARKER_R - 2.0,
            x1: p.centre.x + MARKER_R + 2.0,
            y1: p.centre.y + MARKER_R + 2.0,
        })
        .collect();
    obstacles.extend(badges.iter().map(|b| Bx {
        x0: b.rect.min.x,
        y0: b.rect.min.y,
        x1: b.rect.max.x,
        y1: b.rect.max.y,
    }));
    let bounds = Bx {
        x0: frame.min.x,
        y0: frame.min.y,
        x1: frame.max.x,
        y1: frame.max.y,
    };
    let keep = place_labels(&boxes, &obstacles, bounds);
    let bg = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
    for ((bx, g), k) in boxes.iter().zip(galleys).zip(keep) {
        if k {
            let r = Rect::from_min_max(pos2(bx.x0 - 2.0, bx.y0), pos2(bx.x1, bx.y1));
            painter.rect_filled(r, 3.0, bg);
            painter.galley(pos2(bx.x0, bx.y0), g, text_colour);
        }
    }
}

/// Screen readers get one node per marker on screen (the painted markers are not widgets):
/// "Event: title, time, contested", with its bounds, so the timeline can be read and pointed at.
fn accessible_markers(ui: &egui::Ui, view: &ViewCtx, placed: &[Placed]) {
    const MAX_NODES: usize = 500;
    for (k, p) in placed.iter().take(MAX_NODES).enumerate() {
        let e = &view.cat.dataset.events[p.event];
        let facts = &view.cat.index.events[p.event];
        let mut label = format!(
            "Event: {}, {}",
            crate::model::length::shown(&e.title),
            view.cat.dataset.when_text(&e.when, e)
        );
        if facts.voices.is_contested() {
            label.push_str(", both sides made claims");
        }
        if Some(p.event) == view.selected {
            label.push_str(", selected");
        }
        let rect = Rect::from_center_size(p.centre, vec2(2.0 * MARKER_R, 2.0 * MARKER_R));
        let id = egui::Id::unique(("timeline-marker", p.event, k));
        super::accessible_node(ui, id, egui::Role::Button, label, rect);
    }
}

/// Pads a range by 4% each side, and to at least six hours, so markers at the ends show whole.
fn padded(a: f64, b: f64) -> (f64, f64) {
    let (a, b) = if b - a < 6.0 * 3600.0 {
        let mid = (a + b) / 2.0;
        (mid - 3.0 * 3600.0, mid + 3.0 * 3600.0)
    } else {
        (a, b)
    };
    let pad = (b - a) * 0.04;
    (a - pad, b + pad)
}

/// Width of the lane-label gutter: the widest label, within limits.
pub fn gutter_width(ui: &egui::Ui, view: &ViewCtx) -> f32 {
    let font = FontId::proportional(12.5);
    let widest = view
        .derived
        .lanes
        .iter()
        .map(|l| {
            ui.painter()
                .layout_no_wrap(ellipsize(&l.label, 22), font.clone(), Color32::WHITE)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    // At least as wide as the casualty strip's own label, "Announced dead".
    (widest + 14.0).clamp(124.0, 190.0)
}

#[cfg(test)]
mod tests {
    use super::glide_between;

    #[test]
    fn a_glide_starts_and_ends_where_asked_and_zooms_by_ratios() {
        let (a, b) = ((0.0, 1000.0), (500.0, 510.0));
        let start = glide_between(a, b, 0.0);
        assert!(
            (start.0 - a.0).abs() < 1e-6 && (start.1 - a.1).abs() < 1e-6,
            "{start:?}"
        );
        let end = glide_between(a, b, 1.0);
        assert!((end.0 - b.0).abs() < 1e-6 && (end.1 - b.1).abs() < 1e-6);
        // Half way, the width is the geometric mean (100), not the arithmetic one (505).
        let mid = glide_between(a, b, 0.5);
        assert!(((mid.1 - mid.0) - 100.0).abs() < 1e-6, "{mid:?}");
    }
}
