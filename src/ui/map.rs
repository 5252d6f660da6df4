//! The locator map: the provinces and districts (Natural Earth), filled once-triangulated
//! meshes, with the dataset's places as markers sized by their events in the filter and the
//! timeline's visible range. Drag pans, scroll zooms, double-click fits; clicking a district
//! toggles it in the filter as the sidebar does; clicking a marker selects its events in turn.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, pos2, vec2};

use super::bidi::visual;
use super::marks::Batch;
use super::theme::marker_shape;
use super::{ViewCtx, ellipsize};
use crate::command::Command;
use crate::geo::{AreaKind, LonLat, MapData, Projection, Triangles};
use crate::layout::map_marks::{LabelWant, MapMarks, map_marks, place_map_labels};
use crate::layout::stack::Bx;

/// The region's centre: the projection's origin.
const CENTRE: LonLat = LonLat {
    lon: 45.4,
    lat: 40.0,
};

/// Areas projected and triangulated once.
struct Geometry {
    proj: Projection,
    /// Per area: its triangles and its rings, in kilometres.
    shapes: Vec<(Triangles, Vec<Vec<[f32; 2]>>)>,
    /// A point inside each area (the centre of its largest triangle), for its accessible node.
    inside: Vec<[f32; 2]>,
}

impl Geometry {
    fn new() -> Geometry {
        let proj = Projection::new(CENTRE);
        let map = MapData::bundled();
        let project = |p: LonLat| proj.forward(p);
        let mut shapes = Vec::new();
        let mut inside = Vec::new();
        for a in &map.areas {
            let t = Triangles::of(a, project);
            let rings = a
                .polygons
                .iter()
                .flat_map(|g| std::iter::once(&g.outer).chain(&g.holes))
                .map(|r| {
                    r.iter()
                        .map(|&p| {
                            let [x, y] = project(p);
                            [x as f32, y as f32]
                        })
                        .collect()
                })
                .collect();
            let mut best = ([0.0f32; 2], -1.0f32);
            for c in t.indices.chunks(3) {
                let [p, q, r] = [c[0], c[1], c[2]].map(|i| t.vertices[i as usize]);
                let area = ((q[0] - p[0]) * (r[1] - p[1]) - (r[0] - p[0]) * (q[1] - p[1])).abs();
                if area > best.1 {
                    best = (
                        [(p[0] + q[0] + r[0]) / 3.0, (p[1] + q[1] + r[1]) / 3.0],
                        area,
                    );
                }
            }
            inside.push(best.0);
            shapes.push((t, rings));
        }
        Geometry {
            proj,
            shapes,
            inside,
        }
    }
}

/// Pan and zoom, and what was computed for the last filter and range.
#[derive(Default)]
pub struct MapState {
    geometry: Option<Geometry>,
    /// Centre of the view in projected km, and km per point.
    view: Option<([f64; 2], f64)>,
    marks: Option<((u64, i64, i64), MapMarks)>,
    /// Presenter mode shows the map beside the claims unless the presenter hides it.
    pub hidden_in_presenter: bool,
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
        self.view = Some((centre, km_per_pt));
    }
}

/// A marker's radius for `n` events: area grows with the count.
fn radius(n: usize) -> f32 {
    4.0 + 2.2 * (n as f32).sqrt().min(8.0)
}

/// Fill for a district with `n` of `max` events: one neutral hue from the background to a
/// slate, by lightness only, so it reads in greyscale and for every kind of colour vision and
/// takes neither side's colour.
fn shade(bg: Color32, dark: bool, n: usize, max: usize) -> Color32 {
    let t = ((n as f32) / (max.max(1) as f32)).sqrt() * 0.8 + 0.2;
    let ink = if dark {
        Color32::from_rgb(0xB8, 0xC4, 0xD6)
    } else {
        Color32::from_rgb(0x4A, 0x5A, 0x78)
    };
    bg.lerp_to_gamma(ink, t * 0.75)
}

pub fn ui(ui: &mut egui::Ui, view: &ViewCtx, state: &mut MapState, cmds: &mut Vec<Command>) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    if state.view.is_none() || response.double_clicked() {
        state.fit(view, rect);
    }
    let geo = state.geometry.get_or_insert_with(Geometry::new);
    let Some((mut centre, mut km_per_pt)) = state.view else {
        return;
    };
    // Pan by dragging; zoom around the pointer with the wheel.
    if response.dragged() {
        let d = response.drag_delta();
        centre[0] -= f64::from(d.x) * km_per_pt;
        centre[1] += f64::from(d.y) * km_per_pt;
    }
    if let Some(p) = response.hover_pos() {
        let dy = ui.input(|i| i.smooth_scroll_delta.y);
        if dy != 0.0 {
            let f = f64::from((-dy / 250.0).exp()).clamp(0.5, 2.0);
            let before = [
                centre[0] + f64::from(p.x - rect.center().x) * km_per_pt,
                centre[1] - f64::from(p.y - rect.center().y) * km_per_pt,
            ];
            km_per_pt = (km_per_pt * f).clamp(0.05, 5.0);
            centre = [
                before[0] - f64::from(p.x - rect.center().x) * km_per_pt,
                before[1] + f64::from(p.y - rect.center().y) * km_per_pt,
            ];
        }
    }
    state.view = Some((centre, km_per_pt));
    let to_screen = |[x, y]: [f32; 2]| -> Pos2 {
        pos2(
            rect.center().x + ((f64::from(x) - centre[0]) / km_per_pt) as f32,
            rect.center().y - ((f64::from(y) - centre[1]) / km_per_pt) as f32,
        )
    };
    let to_km = |p: Pos2| -> [f64; 2] {
        [
            centre[0] + f64::from(p.x - rect.center().x) * km_per_pt,
            centre[1] - f64::from(p.y - rect.center().y) * km_per_pt,
        ]
    };

    // The marks for this filter and visible range, computed again only when either changes.
    let (a, b) = view.visible.unwrap_or((f64::MIN, f64::MAX));
    let key = (view.derived.generation, a as i64, b as i64);
    if state.marks.as_ref().is_none_or(|(k, _)| *k != key) {
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
        state.marks = Some((key, map_marks(&view.cat.dataset, &view.cat.index, &events)));
    }
    let marks = &state.marks.as_ref().expect("just set").1;

    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    let dark = visuals.dark_mode;
    let bg = visuals.extreme_bg_color;
    painter.rect_filled(rect, 0.0, bg);
    let map = MapData::bundled();
    let max = marks.districts.values().copied().max().unwrap_or(0);
    let land = bg.lerp_to_gamma(visuals.panel_fill, 0.5);
    let water = if dark {
        Color32::from_rgb(0x2B, 0x3F, 0x55)
    } else {
        Color32::from_rgb(0xC9, 0xDD, 0xEE)
    };
    let border = visuals.weak_text_color().gamma_multiply(0.55);
    let country_line = visuals.text_color().gamma_multiply(0.7);
    let selected_districts: Vec<usize> = view
        .selected
        .map_or_else(Vec::new, |e| view.cat.index.events[e].districts.clone());
    // Fills: countries, then provinces and districts over them, then lakes.
    let mut mesh = Mesh::default();
    for order in [AreaKind::Country, AreaKind::Province, AreaKind::Lake] {
        for (k, area) in map.areas.iter().enumerate() {
            let kind = if area.kind == AreaKind::District {
                AreaKind::Province
            } else {
                area.kind
            };
            if kind != order {
                continue;
            }
            let fill = match area.kind {
                AreaKind::Country => land,
                AreaKind::Lake => water,
                _ => match marks.districts.get(&area.name) {
                    Some(&n) => shade(bg, dark, n, max),
                    None => continue,
                },
            };
            let (t, _) = &geo.shapes[k];
            let base = mesh.vertices.len() as u32;
            for &v in &t.vertices {
                mesh.colored_vertex(to_screen(v), fill);
            }
            mesh.indices.extend(t.indices.iter().map(|i| base + i));
        }
    }
    painter.add(Shape::mesh(mesh));
    // Lines: district and province borders thin, country outlines stronger.
    for (k, area) in map.areas.iter().enumerate() {
        let is_selected = view
            .cat
            .index
            .district_index(&area.name)
            .is_some_and(|d| selected_districts.contains(&d) && area.is_unit());
        let stroke = match area.kind {
            AreaKind::Country => Stroke::new(1.4, country_line),
            AreaKind::Lake => Stroke::new(0.8, water.gamma_multiply(0.8)),
            _ if is_selected => Stroke::new(2.5, view.palette.selection),
            _ => Stroke::new(0.6, border),
        };
        for ring in &geo.shapes[k].1 {
            let pts: Vec<Pos2> = ring.iter().map(|&p| to_screen(p)).collect();
            painter.add(Shape::line(pts, stroke));
        }
    }
    // District names, faint, where there is room, under the markers.
    let small = FontId::proportional(11.0);
    let mut obstacles: Vec<Bx> = Vec::new();
    let mut markers: Vec<(usize, Pos2, f32)> = Vec::new();
    let mut batch = Batch::default();
    let selected_places: Vec<usize> = view.selected.map_or_else(Vec::new, |e| {
        view.cat.dataset.events[e]
            .places
            .iter()
            .filter_map(|id| view.cat.index.place_index(id))
            .collect()
    });
    for (mi, m) in marks.places.iter().enumerate() {
        let place = &view.cat.dataset.places[m.place];
        let (Some(lon), Some(lat)) = (place.lon, place.lat) else {
            continue;
        };
        let [x, y] = geo.proj.forward(LonLat { lon, lat });
        let c = to_screen([x as f32, y as f32]);
        if !rect.expand(20.0).contains(c) {
            continue;
        }
        let r = radius(m.events.len());
        batch.marker(c, r, marker_shape(m.voices), &view.palette, false);
        obstacles.push(Bx {
            x0: c.x - r,
            y0: c.y - r,
            x1: c.x + r,
            y1: c.y + r,
        });
        markers.push((mi, c, r));
    }
    painter.extend(batch.into_shapes());
    for &(mi, c, r) in &markers {
        if selected_places.contains(&marks.places[mi].place) {
            painter.circle_stroke(c, r + 4.0, Stroke::new(2.5, view.palette.selection));
        }
    }
    // Place labels by priority (the selection's places, then the busiest), never overlapping;
    // the selection's are always drawn (see `place_map_labels`).
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&k| {
        let m = &marks.places[markers[k].0];
        (
            !selected_places.contains(&m.place),
            std::cmp::Reverse(m.events.len()),
        )
    });
    let font = FontId::proportional(12.0);
    let text_colour = visuals.text_color();
    let galleys: Vec<_> = order
        .iter()
        .take(120)
        .map(|&k| {
            let name = &view.cat.dataset.places[marks.places[markers[k].0].place].name;
            painter.layout_no_wrap(
                visual(&ellipsize(name, 24)).into_owned(),
                font.clone(),
                text_colour,
            )
        })
        .collect();
    let wants: Vec<LabelWant> = order
        .iter()
        .zip(&galleys)
        .map(|(&k, g)| {
            let (mi, c, r) = markers[k];
            LabelWant {
                marker: Bx {
                    x0: c.x - r,
                    y0: c.y - r,
                    x1: c.x + r,
                    y1: c.y + r,
                },
                size: [g.size().x, g.size().y],
                pinned: selected_places.contains(&marks.places[mi].place),
            }
        })
        .collect();
    let note_h = 36.0;
    let bounds = Bx {
        x0: rect.min.x,
        y0: rect.min.y,
        x1: rect.max.x,
        y1: rect.max.y - note_h,
    };
    let label_bg = bg.gamma_multiply(0.8);
    let spots = place_map_labels(&wants, &obstacles, bounds);
    for ((spot, g), &k) in spots.into_iter().zip(galleys).zip(&order) {
        let Some(bx) = spot else {
            continue;
        };
        let r = Rect::from_min_max(pos2(bx.x0, bx.y0), pos2(bx.x1, bx.y1));
        painter.rect_filled(r.with_min_x(r.min.x - 1.0), 2.0, label_bg);
        painter.galley(r.min, g, text_colour);
        // Painted text is invisible to screen readers (and tests): one node per label.
        let place = marks.places[markers[k].0].place;
        super::accessible_node(
            ui,
            egui::Id::unique(("map-label", place)),
            egui::Role::Label,
            format!(
                "Map place: {}",
                crate::model::length::shown(&view.cat.dataset.places[place].name)
            ),
            r,
        );
    }
    scale_bar(&painter, rect, km_per_pt, visuals.text_color(), &small);
    // Where the map comes from, on a band so that it stays legible over the districts.
    let note = painter.layout_no_wrap(
        "Natural Earth · GeoNames (CC BY 4.0)".to_owned(),
        FontId::proportional(10.0),
        visuals.weak_text_color(),
    );
    let at = pos2(
        rect.max.x - note.size().x - 6.0,
        rect.max.y - note.size().y - 3.0,
    );
    painter.rect_filled(
        Rect::from_min_size(at - vec2(3.0, 1.0), note.size() + vec2(6.0, 2.0)),
        2.0,
        bg.gamma_multiply(0.85),
    );
    painter.galley(at, note, visuals.weak_text_color());
    accessible_areas(ui, geo, map, &to_screen, rect);
    // Fit, as double-click does: back to the dataset's places.
    let fit_rect = Rect::from_min_size(pos2(rect.max.x - 40.0, rect.min.y + 4.0), vec2(36.0, 20.0));
    let fit = ui
        .put(fit_rect, egui::Button::new("Fit").small())
        .on_hover_text("Show all the dataset's places (or double-click the map)")
        .clicked();
    // Places of these events that have no coordinates are named, not silently dropped.
    if !marks.unplaced.is_empty() {
        let names: Vec<&str> = marks
            .unplaced
            .iter()
            .map(|&p| view.cat.dataset.places[p].name.as_str())
            .collect();
        let text = format!("Not on the map (no coordinates): {}", names.len());
        let g = painter.layout_no_wrap(text, small.clone(), visuals.weak_text_color());
        let at = pos2(rect.min.x + 6.0, rect.min.y + 4.0);
        let band = Rect::from_min_size(at - vec2(3.0, 1.0), g.size() + vec2(6.0, 2.0));
        painter.rect_filled(band, 2.0, bg.gamma_multiply(0.85));
        painter.galley(at, g, visuals.weak_text_color());
        if response.hover_pos().is_some_and(|p| band.contains(p)) {
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                ui.scope_id().with("unplaced"),
                egui::PopupAnchor::Pointer,
            )
            .show(|ui| {
                ui.set_max_width(320.0);
                ui.label(visual(&names.join(", ")));
            });
        }
    }

    // Hover and click: a marker first, else the district under the pointer.
    let pointer = response.hover_pos();
    let hit = pointer.and_then(|p| {
        markers
            .iter()
            .filter(|(_, c, r)| c.distance(p) <= r + 3.0)
            .min_by(|a, b| a.1.distance(p).total_cmp(&b.1.distance(p)))
            .map(|m| m.0)
    });
    let area_at = |p: Pos2| map.unit_at(geo.proj.inverse(to_km(p)));
    if response.clicked() {
        if let Some(mi) = hit {
            // Selects the place's events one after another, in time order.
            let events = &marks.places[mi].events;
            let next = view
                .selected
                .and_then(|s| events.iter().position(|&e| e == s))
                .map_or(0, |i| (i + 1) % events.len());
            cmds.push(Command::Select(Some(events[next])));
        } else if let Some(area) = pointer.and_then(area_at)
            && view.cat.index.district_index(&area.name).is_some()
        {
            cmds.push(Command::ToggleDistrict(area.name.clone()));
        }
    }
    if let Some(mi) = hit {
        let m = &marks.places[mi];
        let place = &view.cat.dataset.places[m.place];
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(visual(&place.name));
            if !place.other_names.is_empty() {
                let names: Vec<&str> = place.other_names.iter().map(|o| o.name.as_str()).collect();
                ui.weak(visual(&format!("Also: {}", names.join(", "))));
            }
            if let Some(d) = &place.district {
                ui.weak(format!("{}, {}", visual(d), visual(&place.country)));
            }
            ui.label(format!(
                "{} {} in view",
                m.events.len(),
                if m.events.len() == 1 {
                    "event"
                } else {
                    "events"
                }
            ));
            for &e in m.events.iter().take(8) {
                ui.label(format!(
                    "• {}",
                    visual(&ellipsize(&view.cat.dataset.events[e].title, 60))
                ));
            }
            if m.events.len() > 8 {
                ui.weak(format!("and {} more", m.events.len() - 8));
            }
            ui.weak("Click to select; click again for the next");
        });
    } else if let Some(area) = pointer.and_then(area_at) {
        let n = marks.districts.get(&area.name).copied().unwrap_or(0);
        let known = view.cat.index.district_index(&area.name).is_some();
        response.on_hover_ui_at_pointer(|ui| {
            ui.strong(format!("{}, {}", area.name, area.country));
            if let Some(o) = &area.other_name {
                ui.weak(o);
            }
            ui.label(format!("{n} events in view"));
            if known {
                ui.weak("Click to filter by this district (again to remove)");
            }
        });
    }
    if fit {
        state.view = None;
    }
}

/// A bar of a round number of kilometres, about a fifth of the map's width.
fn scale_bar(painter: &egui::Painter, rect: Rect, km_per_pt: f64, colour: Color32, font: &FontId) {
    let want = f64::from(rect.width()) * 0.2 * km_per_pt;
    let km = [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0]
        .into_iter()
        .rev()
        .find(|&k| k <= want)
        .unwrap_or(1.0);
    let w = (km / km_per_pt) as f32;
    let y = rect.max.y - 24.0;
    let x0 = rect.min.x + 10.0;
    let stroke = Stroke::new(2.0, colour);
    painter.line_segment([pos2(x0, y), pos2(x0 + w, y)], stroke);
    painter.line_segment([pos2(x0, y - 4.0), pos2(x0, y + 4.0)], stroke);
    painter.line_segment([pos2(x0 + w, y - 4.0), pos2(x0 + w, y + 4.0)], stroke);
    painter.text(
        pos2(x0 + w / 2.0, y - 5.0),
        Align2::CENTER_BOTTOM,
        format!("{km} km"),
        font.clone(),
        colour,
    );
}

/// One node per province and district in view, at a point inside it, so a screen reader (and
/// a test) can find and click it.
fn accessible_areas(
    ui: &egui::Ui,
    geo: &Geometry,
    map: &MapData,
    to_screen: &dyn Fn([f32; 2]) -> Pos2,
    rect: Rect,
) {
    for (k, area) in map.areas.iter().enumerate() {
        if !area.is_unit() {
            continue;
        }
        let c = to_screen(geo.inside[k]);
        if !rect.contains(c) {
            continue;
        }
        super::accessible_node(
            ui,
            egui::Id::unique(("map-area", k)),
            egui::Role::Button,
            format!("Map: {}, {}", area.name, area.country),
            Rect::from_center_size(c, vec2(4.0, 4.0)),
        );
    }
}
