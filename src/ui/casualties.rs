//! The casualty strip under the timeline, on the same time axis: each side's announced toll
//! of one kind (killed, by default; the gutter's menu picks another) as a step line in that
//! side's colour and marker shape, solid for its own people and dashed for another side's,
//! third parties' figures as loose grey points, a range as a band from its low to its high,
//! every figure labelled where it fits. The counts are drawn on a logarithmic scale ([`CountScale`]), so a
//! historical toll in the thousands does not flatten the September figures in the hundreds;
//! the legend has a row of its own above the counts, so no line runs under it.

use egui::{Align2, FontId, Pos2, Rect, Sense, Shape, Stroke, UiBuilder, pos2, vec2};
use egui_plot::{Plot, PlotTransform};

use super::ViewCtx;
use super::canvas::{Label, LabelStyle, first_come, nearest, paint_label, rect_of};
use super::marks::Batch;
use super::timeline::{RIGHT_MARGIN, TIME_LINK, TimelineState};
use crate::command::Command;
use crate::layout::casualties::{CountScale, TollPoint, TollSeries, Whose, thin};
use crate::layout::stack::Bx;
use crate::model::Side;
use crate::model::format_seconds;
use crate::model::wording::side_label;

/// One row of the legend along the strip's top edge.
const LEGEND_H: f32 = 16.0;
/// The legend wraps to at most this many rows; what is left is named on a last "+N more" entry.
const LEGEND_MAX_ROWS: usize = 3;
/// Room above the highest figure for its label (drawn 6–19 px above the point).
const LABEL_ROOM: f32 = 21.0;

/// The narrowest spacing of one series' figures, in points: a marker is 8 wide.
const MARKER_PITCH: f32 = 4.0;

/// Figures whose labels are attempted: more could not fit in the strip anyway.
const MAX_LABELS: usize = 200;

/// "Armenian side: own dead", "Third parties: Hill wounded", "Dale side: several parties'
/// missing".
fn series_label(view: &ViewCtx, s: &TollSeries) -> String {
    format!(
        "{}: {}",
        side_label(&view.cat.dataset, s.reporter),
        whose_label(view, s)
    )
}

/// "own dead", "Hill wounded", "both sides' dead", "dead of no party".
fn whose_label(view: &ViewCtx, s: &TollSeries) -> String {
    let ds = &view.cat.dataset;
    let noun = view.settings.toll_kind.noun();
    match s.whose {
        Whose::Party(w) if w == s.reporter => format!("own {noun}"),
        Whose::Party(w) => format!("{} {noun}", side_label(ds, w).trim_end_matches(" side")),
        Whose::Several if ds.parties.len() == 2 => format!("both sides' {noun}"),
        Whose::Several => format!("several parties' {noun}"),
        Whose::NoParty => format!("{noun} of no party"),
    }
}

/// One figure's label, wanting the box above its point.
struct FigureLabel {
    bx: Bx,
    text: String,
    side: Side,
    count: u32,
}

/// A figure drawn this frame, for hit-testing: where, and which series and point.
type Hit = (Pos2, usize, usize);

/// Where the counts are drawn: the shared time axis across, `scale` between the band's top
/// and bottom.
struct Strip<'a> {
    frame: Rect,
    transform: &'a PlotTransform,
    scale: CountScale,
    band: (f32, f32),
}

impl Strip<'_> {
    fn to_screen(&self, secs: i64, count: u32) -> Pos2 {
        pos2(
            self.transform.position_from_point_x(secs as f64),
            self.scale.y(count, self.band.0, self.band.1),
        )
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    gutter: f32,
    timeline: &TimelineState,
    cmds: &mut Vec<Command>,
) {
    let height = ui.available_height().max(60.0);
    let (outer, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
    let plot_rect = Rect::from_min_max(
        pos2(outer.min.x + gutter, outer.min.y),
        pos2(outer.max.x - RIGHT_MARGIN, outer.max.y),
    );
    let series = &view.derived.tolls;
    let (v0, v1) = timeline.visible().unwrap_or((0.0, 1.0));
    let scale = count_scale(series, v0, v1);

    let plot = Plot::new("casualties")
        .width(plot_rect.width())
        .height(plot_rect.height())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_axes(false)
        .show_grid(false)
        .set_margin_fraction(vec2(0.0, 0.0))
        .link_axis(egui::Id::unique(TIME_LINK), [true, false]);
    let mut child = ui.new_child(UiBuilder::new().max_rect(plot_rect));
    // The plot gives the shared time axis; heights come from `scale`, in screen space.
    let resp = plot.show(&mut child, |pui| pui.set_plot_bounds_y(0.0..=1.0));
    let t = resp.transform;
    let frame = *t.frame();
    let painter = ui.painter_at(frame);
    let legend = plan_legend(view, &painter, frame);
    // From the top: the legend's rows, room for the highest figure's label, then the band the
    // counts are drawn in, so no line or label ever runs under the legend or off the strip.
    let strip = Strip {
        frame,
        transform: &t,
        scale,
        band: (
            legend.bottom + LABEL_ROOM,
            (frame.max.y - 4.0).max(legend.bottom + LABEL_ROOM + 8.0),
        ),
    };
    let kind = view.settings.toll_kind;
    super::accessible_node(
        ui,
        egui::Id::unique("casualty_strip"),
        egui::Role::Figure,
        format!(
            "Casualty strip: announced {} ({}), logarithmic scale",
            kind.noun(),
            kind.people()
        ),
        frame,
    );
    paint_gutter(ui, view, outer, frame, cmds);
    let (hits, labels) = paint_series(ui, view, &painter, &strip, (v0, v1));
    let legend_boxes = paint_legend(ui, view, &painter, legend);
    paint_labels(view, &painter, frame, labels, &legend_boxes);
    if series.is_empty() {
        painter.text(
            frame.center(),
            Align2::CENTER_CENTER,
            format!(
                "No figures of {} ({}) announced in the filtered events",
                kind.noun(),
                kind.people()
            ),
            FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
    }
    interact(view, resp.response, &hits, cmds);
}

/// The scale for the highest figure drawn: points in view, and lines, which carry their last
/// figure on.
fn count_scale(series: &[TollSeries], v0: f64, v1: f64) -> CountScale {
    let (t0, t1) = (v0.floor() as i64, v1.ceil() as i64);
    // The highest figure in view of each series, by one range-max query.
    let in_view = series.iter().filter_map(|s| {
        let r = s.visible(t0, t1);
        (!r.is_empty()).then(|| s.counts[s.range_max.argmax(&s.counts, r.start, r.end)])
    });
    let carried = series
        .iter()
        .filter(|s| s.stepped)
        .flat_map(|s| s.steps.iter().take_while(|(t, _)| *t <= t1).last())
        .map(|(_, high)| *high);
    CountScale::new(in_view.chain(carried).max().unwrap_or(0))
}

/// The strip's name in the gutter, a menu of the kinds of figure it can show, and its scale
/// in two short lines: the gutter is as narrow as the lane names allow.
fn paint_gutter(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    outer: Rect,
    frame: Rect,
    cmds: &mut Vec<Command>,
) {
    let gutter = Rect::from_min_max(outer.min, pos2(frame.min.x - 2.0, outer.max.y));
    let kind = view.settings.toll_kind;
    let mut menu_ui = ui.new_child(
        UiBuilder::new()
            .max_rect(Rect::from_min_max(
                gutter.min,
                pos2(frame.min.x - 4.0, outer.min.y + 20.0),
            ))
            .layout(egui::Layout::right_to_left(egui::Align::Min)),
    );
    let button = egui::RichText::new(title(view)).size(TITLE_SIZE).strong();
    egui::containers::menu::MenuButton::new(button)
        .ui(&mut menu_ui, |ui| kind_menu(ui, view, cmds))
        .0
        .on_hover_text("Which figures the strip shows: one kind at a time");
    let gutter_painter = ui.painter_at(gutter);
    for (k, line) in [kind.people(), "announced, log scale"]
        .into_iter()
        .enumerate()
    {
        gutter_painter.text(
            pos2(frame.min.x - 6.0, outer.min.y + 21.0 + 13.0 * k as f32),
            Align2::RIGHT_TOP,
            line,
            FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
    }
}

const TITLE_SIZE: f32 = 12.5;

/// The strip's title, on the button that picks the kind of figure: "Killed ▼".
fn title(view: &ViewCtx) -> String {
    format!("{} ▼", view.settings.toll_kind.title())
}

/// How wide the strip's title button is, so the gutter it shares with the lanes holds it.
pub fn title_width(ui: &egui::Ui, view: &ViewCtx) -> f32 {
    let galley = ui.painter().layout_no_wrap(
        title(view),
        FontId::proportional(TITLE_SIZE),
        egui::Color32::WHITE,
    );
    galley.size().x + 2.0 * ui.spacing().button_padding.x + 8.0
}

/// The kinds of figure in the dataset, each with how many: picking one shows it.
fn kind_menu(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    ui.weak("Figures of one kind at a time, never added together");
    for &(kind, n) in &view.derived.toll_kinds {
        let text = format!(
            "{} — {} ({})",
            kind.title(),
            kind.people(),
            crate::model::wording::plural(n, "figure")
        );
        if ui
            .selectable_label(view.settings.toll_kind == kind, text)
            .clicked()
        {
            cmds.push(Command::SetTollKind(kind));
        }
    }
    if view.derived.toll_kinds.is_empty() {
        ui.weak("This dataset has no figures a strip can show.");
    }
}

/// Each series: its step line (solid for its own dead, dashed for the other side's), then
/// every figure's marker over all the lines. Returns the figures drawn and their labels.
fn paint_series(
    ui: &egui::Ui,
    view: &ViewCtx,
    painter: &egui::Painter,
    strip: &Strip,
    (v0, v1): (f64, f64),
) -> (Vec<Hit>, Vec<FigureLabel>) {
    let frame = strip.frame;
    let mut batch = Batch::default();
    let mut hits: Vec<Hit> = Vec::new();
    let mut labels: Vec<FigureLabel> = Vec::new();
    for (si, s) in view.derived.tolls.iter().enumerate() {
        let colour = view.palette.fill_of(s.reporter);
        if s.stepped {
            let mut pts: Vec<Pos2> = Vec::new();
            for &(t, high) in &s.steps {
                let q = strip.to_screen(t, high);
                if let Some(last) = pts.last().copied() {
                    pts.push(pos2(q.x, last.y));
                }
                pts.push(q);
            }
            if let Some(last) = pts.last().copied() {
                // The last announced figure stands until the end of the view.
                pts.push(pos2(frame.max.x, last.y));
            }
            let stroke = Stroke::new(2.0, colour);
            if s.whose == Whose::Party(s.reporter) {
                painter.add(Shape::line(pts, stroke));
            } else {
                painter.extend(Shape::dashed_line(&pts, stroke, 6.0, 4.0));
            }
        }
        // One figure a marker's width at most: markers closer than that overlap whole, and
        // with many parties' series each point costs a label and a node for screen readers.
        let columns = (frame.width() / MARKER_PITCH).max(1.0) as usize;
        for pi in thin(s, v0, v1, columns) {
            let p = &s.points[pi];
            let q = strip.to_screen(p.t, p.count);
            if !frame.expand(8.0).contains(q) {
                continue;
            }
            let band = range_band(strip, p);
            if let Some(band) = band {
                painter.rect_filled(band, 2.0, colour.gamma_multiply(0.35));
            }
            batch.marker(
                q,
                4.0,
                super::theme::side_shape(s.reporter),
                &view.palette,
                false,
            );
            hits.push((q, si, pi));
            super::accessible_node(
                ui,
                egui::Id::unique(("toll", si, pi)),
                egui::Role::Image,
                format!(
                    "Announced {}: {}{} — {}",
                    view.settings.toll_kind.noun(),
                    p.spoken(),
                    as_of_words(view, p),
                    series_label(view, s).replacen(": ", ", ", 1)
                ),
                // A range reports its band: from its high down to its low.
                band.map_or(Rect::from_center_size(q, vec2(8.0, 8.0)), |b| {
                    b.union(Rect::from_center_size(q, vec2(8.0, 0.0)))
                }),
            );
            let text = p.label();
            let w = text.chars().count() as f32 * 6.5 + 4.0;
            labels.push(FigureLabel {
                bx: Bx {
                    x0: q.x - w / 2.0,
                    y0: q.y - 19.0,
                    x1: q.x + w / 2.0,
                    y1: q.y - 6.0,
                },
                text,
                side: s.reporter,
                count: p.count,
            });
        }
    }
    painter.extend(batch.into_shapes());
    (hits, labels)
}

/// A range's band: from its low up to its high, a bar narrower than a marker.
fn range_band(strip: &Strip, p: &crate::layout::casualties::TollPoint) -> Option<Rect> {
    let (low, high) = p.range?;
    let x = strip.transform.position_from_point_x(p.t as f64);
    let (top, bottom) = strip.band;
    Some(Rect::from_x_y_ranges(
        x - 3.0..=x + 3.0,
        strip.scale.y(high, top, bottom)..=strip.scale.y(low, top, bottom),
    ))
}

/// One legend entry: a line series alone, or all of one reporter's loose points together
/// (they share one marker, so separate entries would look alike; each point's own label says
/// whose people it counts).
struct LegendItem {
    /// The first series it names: its sample is drawn.
    series: usize,
    /// "Armenian side: own dead", "Third parties: Armenian dead, Azerbaijani dead".
    text: String,
}

fn legend_items(view: &ViewCtx) -> Vec<LegendItem> {
    let tolls = &view.derived.tolls;
    let mut items: Vec<LegendItem> = Vec::new();
    for (i, s) in tolls.iter().enumerate() {
        let joins = (!s.stepped)
            .then(|| {
                items
                    .iter_mut()
                    .find(|it| !tolls[it.series].stepped && tolls[it.series].reporter == s.reporter)
            })
            .flatten();
        match joins {
            Some(item) => {
                item.text.push_str(", ");
                item.text.push_str(&whose_label(view, s));
            }
            None => items.push(LegendItem {
                series: i,
                text: series_label(view, s),
            }),
        }
    }
    items
}

/// The legend's entries placed in rows along the strip's top edge, before anything is drawn,
/// so the counts' band starts under however many rows it takes.
struct LegendPlan {
    /// Each entry: the series whose sample it draws (None: the "+N more" entry), its text, its
    /// box.
    entries: Vec<(Option<usize>, String, Rect)>,
    /// The legend's lower edge.
    bottom: f32,
}

/// Every entry gets a place, wrapping to a new row where the next would pass the right edge,
/// so a narrow window never leaves a drawn series unnamed. Past [`LEGEND_MAX_ROWS`] rows the
/// last entry says how many more there are and names them to a screen reader.
fn plan_legend(view: &ViewCtx, painter: &egui::Painter, frame: Rect) -> LegendPlan {
    let small = FontId::proportional(11.0);
    let width_of = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), small.clone(), egui::Color32::WHITE)
            .size()
            .x
    };
    let items = legend_items(view);
    let left = frame.min.x + 6.0;
    let (mut x, mut row) = (left, 0usize);
    let mut entries = Vec::new();
    let more_entry = |i: usize, x: f32, row: usize| {
        let more = format!("+{} more", items.len() - i);
        let rest: Vec<&str> = items[i..].iter().map(|it| it.text.as_str()).collect();
        let at = Rect::from_min_size(
            pos2(x, frame.min.y + row as f32 * LEGEND_H),
            vec2(width_of(&more) + 6.0, LEGEND_H),
        );
        (None, format!("{more}: {}", rest.join("; ")), at)
    };
    for (i, item) in items.iter().enumerate() {
        let w = width_of(&item.text) + 30.0;
        if x + w > frame.max.x && x > left {
            if row + 1 == LEGEND_MAX_ROWS {
                entries.push(more_entry(i, x, row));
                break;
            }
            row += 1;
            x = left;
        }
        // On the last row, an entry that would leave no room for "+N more" becomes it.
        let after = format!("+{} more", items.len() - i - 1);
        if row + 1 == LEGEND_MAX_ROWS
            && i + 1 < items.len()
            && x + w + 10.0 + width_of(&after) + 6.0 > frame.max.x
        {
            entries.push(more_entry(i, x, row));
            break;
        }
        let at = Rect::from_min_size(
            pos2(x, frame.min.y + row as f32 * LEGEND_H),
            vec2(w, LEGEND_H),
        );
        entries.push((Some(item.series), item.text.clone(), at));
        x += w + 10.0;
    }
    let bottom = entries
        .iter()
        .map(|(_, _, r)| r.max.y)
        .fold(frame.min.y, f32::max);
    LegendPlan { entries, bottom }
}

/// How much taller than one row the legend is in a strip `width` wide: the strip grows by
/// that much, so a wrapped legend does not squeeze the counts.
pub fn legend_extra_height(ui: &egui::Ui, view: &ViewCtx, width: f32) -> f32 {
    let frame = Rect::from_min_size(Pos2::ZERO, vec2(width, 100.0));
    let plan = plan_legend(view, ui.painter(), frame);
    (plan.bottom - LEGEND_H).max(0.0)
}

/// The planned legend, on a band of the plot's background above the lines it names, each
/// entry reported to AccessKit as "Legend: …". Returns the entries' boxes.
fn paint_legend(
    ui: &egui::Ui,
    view: &ViewCtx,
    painter: &egui::Painter,
    legend: LegendPlan,
) -> Vec<Bx> {
    let small = FontId::proportional(11.0);
    let legend_bg = painter.add(Shape::Noop);
    let mut legend_boxes = Vec::new();
    for (n, (series, text, at)) in legend.entries.into_iter().enumerate() {
        let (x, y) = (at.min.x, at.min.y + 9.0);
        super::accessible_node(
            ui,
            egui::Id::unique(("toll legend", n)),
            egui::Role::Label,
            format!("Legend: {text}"),
            at,
        );
        legend_boxes.push(Bx {
            x0: at.min.x - 2.0,
            y0: at.min.y,
            x1: at.max.x,
            y1: at.max.y,
        });
        let Some(s) = series.map(|i| &view.derived.tolls[i]) else {
            let shown = text.split(':').next().unwrap_or_default().to_owned();
            painter.text(
                pos2(x + 2.0, at.min.y + 2.0),
                Align2::LEFT_TOP,
                shown,
                small.clone(),
                ui.visuals().weak_text_color(),
            );
            continue;
        };
        // A sample of the line (solid: own dead, dashed: the other side's, none: points).
        let colour = view.palette.fill_of(s.reporter);
        let sample = [pos2(x, y), pos2(x + 18.0, y)];
        match (s.stepped, s.whose == Whose::Party(s.reporter)) {
            (true, true) => {
                painter.line_segment(sample, Stroke::new(2.0, colour));
            }
            (true, false) => {
                painter.extend(Shape::dashed_line(
                    &sample,
                    Stroke::new(2.0, colour),
                    4.0,
                    3.0,
                ));
            }
            (false, _) => {}
        }
        super::marks::paint_swatch(
            painter,
            pos2(x + 9.0, y),
            3.5,
            super::theme::side_shape(s.reporter),
            &view.palette,
        );
        painter.text(
            pos2(x + 25.0, at.min.y + 2.0),
            Align2::LEFT_TOP,
            text,
            small.clone(),
            view.palette.text_of(s.reporter),
        );
    }
    // One band per row under its entries.
    let mut rows: Vec<(f32, f32, f32)> = Vec::new();
    for b in &legend_boxes {
        match rows.iter_mut().find(|r| r.0 == b.y0) {
            Some(r) => r.2 = r.2.max(b.x1),
            None => rows.push((b.y0, b.x0, b.x1)),
        }
    }
    let bands = rows
        .into_iter()
        .map(|(y0, x0, x1)| {
            Shape::rect_filled(
                Rect::from_min_max(pos2(x0, y0 + 1.0), pos2(x1 + 4.0, y0 + LEGEND_H + 1.0)),
                3.0,
                ui.visuals().extreme_bg_color.gamma_multiply(0.85),
            )
        })
        .collect();
    painter.set(legend_bg, Shape::Vec(bands));
    legend_boxes
}

/// Every figure's count above its point, where it overlaps no other label and no legend entry.
fn paint_labels(
    view: &ViewCtx,
    painter: &egui::Painter,
    frame: Rect,
    mut labels: Vec<FigureLabel>,
    legend_boxes: &[Bx],
) {
    // Crowded, the highest figures get their labels first (placement is first come).
    if labels.len() > MAX_LABELS {
        labels.sort_by_key(|l| std::cmp::Reverse(l.count));
        labels.truncate(MAX_LABELS);
    }
    let boxes: Vec<Bx> = labels.iter().map(|l| l.bx).collect();
    let style = LabelStyle {
        anchor: Align2::CENTER_BOTTOM,
        band: None,
    };
    let spots = first_come(&boxes, legend_boxes, Bx::from(frame));
    // Only the labels placed are laid out: a crowded strip may offer two hundred.
    for (l, spot) in labels.into_iter().zip(spots) {
        if let Some(b) = spot {
            let colour = view.palette.text_of(l.side);
            let galley = painter.layout_no_wrap(l.text, FontId::proportional(11.0), colour);
            paint_label(painter, rect_of(b), Label { galley, colour }, &style);
        }
    }
}

/// Hover on a figure names it, who announced it and when; click selects its event.
fn interact(view: &ViewCtx, response: egui::Response, hits: &[Hit], cmds: &mut Vec<Command>) {
    let series = &view.derived.tolls;
    // Strictly within 9 points of the figure.
    let hit = response
        .hover_pos()
        .and_then(|p| nearest(hits, p, |h| (h.0, 9.0f32.next_down())).copied());
    if let Some((_, si, pi)) = hit {
        let point = &series[si].points[pi];
        let (ei, ci) = point.claim;
        if response.clicked() {
            cmds.push(Command::Select(Some(ei)));
        }
        response.on_hover_ui_at_pointer(|ui| {
            let ds = &view.cat.dataset;
            let event = &ds.events[ei];
            let claim = &event.claims[ci];
            let actor = crate::model::wording::claim_actor_names(ds, &view.cat.index, claim);
            ui.strong(format!(
                "{} — {}",
                point.label(),
                series_label(view, &series[si])
            ));
            ui.label(format!(
                "{}, {}",
                crate::model::length::shown(&actor),
                ds.when_text(&claim.said, event)
            ));
            let as_of = as_of_words(view, point);
            if !as_of.is_empty() {
                ui.label(format!("Stands{as_of}"));
            }
            ui.weak(format!("In: {}", super::bidi::visual(&event.title)));
            ui.weak(format!(
                "Plotted at {}",
                format_seconds(point.t, view.offset, true)
            ));
        });
    }
}

/// ", as of 7 Oct 2022 12:00" for a figure that stands at a time of its own (format 2
/// `as_of`), else nothing: it is drawn when it was said, and the reader needs both.
fn as_of_words(view: &ViewCtx, p: &TollPoint) -> String {
    let (e, c) = p.claim;
    view.cat.dataset.events[e].claims[c]
        .figures
        .get(p.figure)
        .and_then(|f| f.more.as_of.as_deref())
        .map_or_else(String::new, |t| {
            format!(", as of {}", crate::model::wording::instant_text(t))
        })
}
