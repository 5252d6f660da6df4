//! The timeline: egui_plot supplies the time axis, its calendar ticks, drag to pan and the
//! linked x range; the lanes, bars, markers, clusters and labels are painted here from the
//! layout maths, in batched meshes, and hover and click are resolved against this frame's own
//! list of placed markers rather than one plot item per event.

mod a11y;
mod density;
mod interact;
mod lanes;
mod view;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, UiBuilder, pos2, vec2};
use egui_plot::{AxisHints, GridMark, Plot, PlotBounds};

use super::bidi::visual;
use super::canvas::{Band, Label, LabelStyle, first_come, place_and_paint};
use super::marks::Batch;
use super::{ViewCtx, ellipsize};
use crate::command::Command;
use crate::layout::stack::{Bx, title_span};
use crate::layout::ticks;
use density::DensityStrip;
use lanes::{LaneArea, marker_box};
pub use view::glide_between;
use view::{Glide, ViewRequest, padded};

/// The x axes of the timeline and the casualty strip move together.
pub const TIME_LINK: &str = "claimline-time";

/// Room right of the plot for the last tick's label, which is centred on its tick.
pub const RIGHT_MARGIN: f32 = 44.0;
const MARKER_R: f32 = 6.0;
const ROW_H: f32 = 18.0;
/// Room in a lane above and below its rows.
const LANE_PAD: f32 = 4.0;
const LABEL_CHARS: usize = 36;
const LABEL_FONT: f32 = 12.0;
/// Above this many markers on screen, labels are not attempted (they could not fit anyway).
const MAX_LABEL_CANDIDATES: usize = 400;

#[derive(Debug, Default)]
pub struct TimelineState {
    pending: Option<ViewRequest>,
    visible: Option<(f64, f64)>,
    /// Where each marker was drawn last frame (event index, screen position): the index that
    /// hover and click are resolved against, and what tests point at.
    markers: Vec<(usize, Pos2)>,
    /// Move to new ranges smoothly (presenter mode) rather than at once.
    glide: bool,
    /// A glide under way.
    anim: Option<Glide>,
    /// The height that would have shown every lane's titles last frame.
    wanted_height: f32,
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

/// Half the height of a claimed time's mark on an event's bar.
const TICK_HALF: f32 = 8.0;

/// A marker whose title may be drawn beside it; the highest priority is placed first.
struct LabelCand {
    priority: i32,
    event: usize,
    at: Pos2,
}

/// What the lanes drew this frame: painted together once every lane is done (bars under
/// badges under markers), then hit-tested.
#[derive(Default)]
struct Drawn {
    markers: Batch,
    bars: Batch,
    placed: Vec<Placed>,
    badges: Vec<Badge>,
    labels: Vec<LabelCand>,
    density: Vec<DensityStrip>,
    /// The event times claims assert, marked on their events' bars.
    ticks: Vec<ClaimedTime>,
    /// The titles drawn: event, the words as written, where.
    titles: Vec<(usize, String, Rect)>,
}

/// A time a party's claim says its event happened, marked on the event's bar.
struct ClaimedTime {
    at: Pos2,
    side: crate::model::Side,
    /// "Hollin side says it happened 2 May 2023 06:00 UTC+01:00": what screen readers read.
    label: String,
}

impl TimelineState {
    pub fn request_fit(&mut self) {
        self.pending = Some(ViewRequest::Fit);
    }

    /// Opens on the story: the dataset's focus, else the span that holds most events.
    pub fn request_opening(&mut self) {
        self.pending = Some(ViewRequest::Opening);
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
            if let Some(g) = self.anim.take() {
                self.pending = Some(ViewRequest::Exact(g.to.0, g.to.1));
            }
        }
    }

    /// The time range shown last frame, UTC seconds.
    pub fn visible(&self) -> Option<(f64, f64)> {
        self.visible
    }

    /// The height (timeline and its axis) that would have drawn every title in view last
    /// frame: what presenter mode gives the timeline, within limits.
    pub fn wanted_height(&self) -> f32 {
        self.wanted_height
    }

    /// Markers drawn last frame: (event index, centre in screen points).
    pub fn markers(&self) -> &[(usize, Pos2)] {
        &self.markers
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
        let request = self.next_range(ui, view);
        let mut child = ui.new_child(UiBuilder::new().max_rect(plot_rect));
        let resp = time_plot(view, plot_rect, n).show(&mut child, |pui| {
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

        let gutter_rect = Rect::from_min_max(outer.min, pos2(frame.min.x - 4.0, frame.max.y));
        let area = LaneArea {
            frame,
            transform: &t,
            painter: ui.painter_at(frame),
            gutter: gutter_rect,
            gutter_painter: ui.painter_at(gutter_rect),
            visible: (v0, v1),
        };
        let plans: Vec<_> = lanes.iter().map(|l| area.plan_lane(ui, view, l)).collect();
        let wanted: Vec<usize> = plans.iter().map(|p| p.rows_wanted()).collect();
        // What would show every title: the lanes' rows and the axis under them.
        self.wanted_height = wanted
            .iter()
            .map(|&r| r as f32 * ROW_H + LANE_PAD)
            .sum::<f32>()
            + (height - frame.height());
        let bands = bands(frame, &wanted);
        let mut drawn = Drawn::default();
        for (k, lane) in lanes.iter().enumerate() {
            area.paint_lane(ui, view, k, lane, &plans[k], bands[k], &mut drawn);
        }
        let x_sel = view
            .selected
            .map(|sel| t.position_from_point_x(view.cat.index.events[sel].span.mid() as f64));
        drawn.paint(ui, view, &area, x_sel);
        self.respond(ui, view, resp.response, drawn, cmds);
    }
}

/// Each lane's band in `frame`: the rows the lanes want where the frame holds them (the lanes
/// wanting least served whole first), the height left over shared evenly.
fn bands(frame: Rect, wanted: &[usize]) -> Vec<lanes::LaneBand> {
    let n = wanted.len().max(1) as f32;
    let total = ((frame.height() - n * LANE_PAD) / ROW_H).floor().max(0.0) as usize;
    let rows = crate::layout::stack::share_rows(wanted, total);
    let used: f32 = rows.iter().map(|&r| r as f32 * ROW_H + LANE_PAD).sum();
    let spare = ((frame.height() - used) / n).max(0.0);
    let mut top = frame.min.y;
    rows.into_iter()
        .map(|r| {
            let height = if used > frame.height() {
                // Not even a row each: equal shares.
                frame.height() / n
            } else {
                r as f32 * ROW_H + LANE_PAD + spare
            };
            let band = lanes::LaneBand {
                top,
                height,
                rows: r,
            };
            top += height;
            band
        })
        .collect()
}

/// Event `e`'s title as the timeline writes it beside its marker.
fn title_galley(ui: &egui::Ui, view: &ViewCtx, e: usize) -> std::sync::Arc<egui::Galley> {
    let text = visual(&ellipsize(&view.cat.dataset.events[e].title, LABEL_CHARS)).into_owned();
    ui.painter().layout_no_wrap(
        text,
        FontId::proportional(LABEL_FONT),
        ui.visuals().text_color(),
    )
}

/// The plot that gives the timeline its time axis: calendar ticks, drag to pan, the x range
/// linked with the casualty strip's.
fn time_plot(view: &ViewCtx, plot_rect: Rect, n: f64) -> Plot<'static> {
    let offset = view.offset;
    let width_px = plot_rect.width();
    let initial = view
        .cat
        .index
        .extent
        .map_or((0.0, 1.0), |s| padded(s.start as f64, s.end as f64));
    Plot::new("timeline")
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
        })
}

impl Drawn {
    /// Bars, then badges, then markers; the selection (a ring on each of its markers and a
    /// line across the lanes at `x_sel`) and the labels over them.
    fn paint(&mut self, ui: &egui::Ui, view: &ViewCtx, area: &LaneArea, x_sel: Option<f32>) {
        let (painter, frame) = (&area.painter, area.frame);
        painter.extend(std::mem::take(&mut self.bars).into_shapes());
        // Each claimed time a short upright bar across the event's bar, in its party's colour
        // with the outline every marker has.
        for t in &self.ticks {
            let r = egui::Rect::from_center_size(t.at, egui::vec2(3.0, 2.0 * TICK_HALF));
            painter.rect(
                r,
                0.5,
                view.palette.fill_of(t.side),
                Stroke::new(0.8, view.palette.outline),
                egui::StrokeKind::Outside,
            );
        }
        for badge in &self.badges {
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
                FontId::proportional(11.5),
                ui.visuals().text_color(),
            );
        }
        painter.extend(std::mem::take(&mut self.markers).into_shapes());
        if let (Some(sel), Some(x)) = (view.selected, x_sel) {
            let sel_stroke = Stroke::new(2.5, view.palette.selection);
            if x >= frame.min.x && x <= frame.max.x {
                painter.line_segment(
                    [pos2(x, frame.min.y), pos2(x, frame.max.y)],
                    Stroke::new(1.0, view.palette.selection.gamma_multiply(0.6)),
                );
            }
            for p in self.placed.iter().filter(|p| p.event == sel) {
                painter.circle_stroke(p.centre, MARKER_R + 5.0, sel_stroke);
            }
        }
        self.paint_labels(ui, view, area);
    }

    /// Titles beside markers, by priority (the selection, then contested and much-discussed
    /// events), where they overlap no other label, marker or badge.
    fn paint_labels(&mut self, ui: &egui::Ui, view: &ViewCtx, area: &LaneArea) {
        let (painter, frame) = (&area.painter, area.frame);
        let mut cands = std::mem::take(&mut self.labels);
        if cands.len() > MAX_LABEL_CANDIDATES {
            cands.retain(|c| c.priority == i32::MAX);
        }
        cands.sort_by_key(|c| std::cmp::Reverse(c.priority));
        let selected = cands.iter().filter(|c| c.priority == i32::MAX).count();
        let text_colour = ui.visuals().text_color();
        let labels: Vec<Label> = cands
            .iter()
            .map(|c| Label {
                galley: title_galley(ui, view, c.event),
                colour: text_colour,
            })
            .collect();
        let words: Vec<String> = labels.iter().map(|l| l.galley.text().to_owned()).collect();
        let mut obstacles: Vec<Bx> = self.placed.iter().map(|p| marker_box(p.centre)).collect();
        obstacles.extend(self.badges.iter().map(|b| Bx::from(b.rect)));
        let place = |sizes: &[egui::Vec2]| {
            let boxes: Vec<Bx> = cands
                .iter()
                .zip(sizes)
                .map(|(c, size)| {
                    // The same place the lane reserved for it when stacking with titles.
                    let (x0, x1) = title_span(c.at.x, MARKER_R, size.x, frame.max.x);
                    Bx {
                        x0,
                        y0: c.at.y - size.y / 2.0,
                        x1,
                        y1: c.at.y + size.y / 2.0,
                    }
                })
                .collect();
            // The selection's title is always written, over whatever markers it crosses (its
            // band keeps it legible); the others only where they cover nothing.
            let (selection, rest) = boxes.split_at(selected);
            let mut spots = first_come(selection, &[], Bx::from(frame));
            let mut obstacles = obstacles.clone();
            obstacles.extend(spots.iter().flatten());
            spots.extend(first_come(rest, &obstacles, Bx::from(frame)));
            spots
        };
        let style = LabelStyle {
            anchor: Align2::LEFT_TOP,
            band: Some(Band {
                fill: ui.visuals().extreme_bg_color.gamma_multiply(0.8),
                rounding: 3.0,
                left: 2.0,
            }),
        };
        let spots = place_and_paint(painter, labels, place, &style);
        self.titles = cands
            .iter()
            .zip(words)
            .zip(spots)
            .filter_map(|((c, text), spot)| Some((c.event, text, spot?)))
            .collect();
    }
}

/// Width of the lane-label gutter: the widest label or `shared` (what else stands in the
/// gutter, such as the casualty strip's title), within limits.
pub fn gutter_width(ui: &egui::Ui, view: &ViewCtx, shared: f32) -> f32 {
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
    (widest + 14.0).max(shared).clamp(124.0, 190.0)
}
