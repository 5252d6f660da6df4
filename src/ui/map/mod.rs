//! The locator map: the provinces and districts (Natural Earth), filled once-triangulated
//! meshes, with the dataset's places as markers sized by their events in the filter and the
//! timeline's visible range. Drag pans, scroll zooms, double-click fits; clicking a district
//! toggles it in the filter as the sidebar does; clicking a marker selects its events in turn.
//!
//! The view is one [`TSTransform`] (a scale and a shift) from map space, projected kilometres
//! with y pointing south as the screen's does, to points from the map's centre.

mod interact;
mod paint;

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Sense, pos2};

use super::ViewCtx;
use crate::command::Command;
use crate::geo::{Geometry, LonLat, MapData};
use crate::layout::map_marks::{MapMarks, map_marks};
use paint::MapCanvas;

/// The closest and the widest zoom, in kilometres per point.
const KM_PER_PT: (f32, f32) = (0.05, 5.0);

/// Pan and zoom, and what was computed for the last filter and range.
#[derive(Default)]
pub struct MapState {
    geometry: Option<Geometry>,
    /// From map space to points from the centre of the map's rectangle, so the same places
    /// stay in the middle when the panel is resized.
    view: Option<TSTransform>,
    marks: Option<(MarksKey, MapMarks)>,
    /// Presenter mode shows the map beside the claims unless the presenter hides it.
    pub hidden_in_presenter: bool,
}

/// What the marks were computed for: the filter's generation and the visible range.
type MarksKey = (u64, i64, i64);

/// A point in map space: projected kilometres, y turned to point south.
fn map_pos([x, y]: [f32; 2]) -> Pos2 {
    pos2(x, -y)
}

impl MapState {
    fn fit(&mut self, view: &ViewCtx, rect: Rect) {
        let geo = self.geometry.get_or_insert_with(Geometry::new);
        let pts: Vec<[f64; 2]> = view
            .cat
            .dataset
            .places
            .iter()
            .filter_map(|p| {
                Some(LonLat {
                    lon: p.lon?,
                    lat: p.lat?,
                })
            })
            .filter(|p| (43.0..47.6).contains(&p.lon) && (38.3..41.9).contains(&p.lat))
            .map(|p| geo.proj.forward(p))
            .collect();
        let (lo, hi) = if pts.is_empty() {
            ([-200.0, -170.0], [200.0, 170.0])
        } else {
            pts.iter()
                .fold(([f64::MAX; 2], [f64::MIN; 2]), |(lo, hi), p| {
                    (
                        [lo[0].min(p[0]), lo[1].min(p[1])],
                        [hi[0].max(p[0]), hi[1].max(p[1])],
                    )
                })
        };
        let centre = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
        let span_x = (hi[0] - lo[0]).max(40.0) * 1.25;
        let span_y = (hi[1] - lo[1]).max(40.0) * 1.25;
        let km_per_pt = (span_x / f64::from(rect.width())).max(span_y / f64::from(rect.height()));
        let scaling = (1.0 / km_per_pt) as f32;
        let centre = map_pos([centre[0] as f32, centre[1] as f32]);
        self.view = Some(TSTransform::new(-scaling * centre.to_vec2(), scaling));
    }

    /// The marks for this filter and visible range, computed again only when either changes.
    fn update_marks(&mut self, view: &ViewCtx) {
        let (a, b) = view.visible.unwrap_or((f64::MIN, f64::MAX));
        let key = (view.derived.generation, a as i64, b as i64);
        if self.marks.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let q = &view.derived.query;
        let events = match view.visible {
            Some((a, b)) => {
                q.in_view(
                    &view.cat.index,
                    a.floor() as i64,
                    b.ceil() as i64,
                    usize::MAX,
                )
                .1
            }
            None => q.events.clone(),
        };
        self.marks = Some((key, map_marks(&view.cat.dataset, &view.cat.index, &events)));
    }
}

/// Pan by dragging; zoom around the pointer with the wheel.
fn pan_zoom(
    ui: &egui::Ui,
    response: &egui::Response,
    rect: Rect,
    mut view: TSTransform,
) -> TSTransform {
    if response.dragged() {
        view.translation += response.drag_delta();
    }
    if let Some(p) = response.hover_pos() {
        let dy = ui.input(|i| i.smooth_scroll_delta.y);
        if dy != 0.0 {
            let f = (-dy / 250.0).exp().clamp(0.5, 2.0);
            let km_per_pt = (f / view.scaling).clamp(KM_PER_PT.0, KM_PER_PT.1);
            let zoom = 1.0 / (km_per_pt * view.scaling);
            // The point under the pointer stays under it.
            let at = p - rect.center();
            view = TSTransform::from_translation(at)
                * TSTransform::from_scaling(zoom)
                * TSTransform::from_translation(-at)
                * view;
        }
    }
    view
}

/// The view zoomed in on `places` (a box on the screen): its centre to the middle, and enough
/// closer that the places spread over much of the map, at least twice as close, as close as
/// the map goes at most.
fn zoom_on(view: TSTransform, rect: Rect, places: Rect) -> TSTransform {
    let fill = (rect.width() * 0.5 / places.width().max(1.0))
        .min(rect.height() * 0.5 / places.height().max(1.0));
    let closest = 1.0 / (KM_PER_PT.0 * view.scaling);
    let f = fill.clamp(2.0, 16.0).min(closest).max(1.0);
    let at = places.center() - rect.center();
    TSTransform::from_scaling(f) * TSTransform::from_translation(-at) * view
}

pub fn ui(ui: &mut egui::Ui, view: &ViewCtx, state: &mut MapState, cmds: &mut Vec<Command>) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    if state.view.is_none() || response.double_clicked() {
        state.fit(view, rect);
    }
    let Some(v) = state.view else {
        return;
    };
    let v = pan_zoom(ui, &response, rect, v);
    state.view = Some(v);
    state.update_marks(view);
    let geo = state.geometry.get_or_insert_with(Geometry::new);
    let marks = &state.marks.as_ref().expect("just set").1;
    let canvas = MapCanvas {
        rect,
        painter: ui.painter_at(rect),
        to_screen: TSTransform::from_translation(rect.center().to_vec2()) * v,
        geo,
        map: MapData::bundled(),
        visuals: ui.visuals().clone(),
    };
    canvas.painter.rect_filled(rect, 0.0, canvas.bg());
    canvas.paint_areas(view, marks);
    let markers = canvas.paint_places(ui, view, marks);
    canvas.paint_notes();
    canvas.accessible_areas(ui);
    // Fit, as double-click does: back to the dataset's places.
    let fit_rect = Rect::from_min_size(
        pos2(rect.max.x - 40.0, rect.min.y + 4.0),
        egui::vec2(36.0, paint::TOP_NOTES_HEIGHT - 6.0),
    );
    let fit = ui
        .put(fit_rect, egui::Button::new("Fit").small())
        .on_hover_text("Show all the dataset's places (or double-click the map)")
        .clicked();
    canvas.paint_unplaced(ui, view, marks, &response);
    let zoom = interact::respond(&canvas, view, marks, &markers, response, cmds);
    if let Some(z) = zoom {
        state.view = Some(zoom_on(v, rect, z.places));
    }
    if fit {
        state.view = None;
    }
}
