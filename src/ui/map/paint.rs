//! Painting the map, bottom to top: the areas' fills and borders, the places' markers and
//! names, the scale bar and the notes on where the map comes from and what it leaves out.

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, Visuals, pos2, vec2,
};

use super::map_pos;
use crate::geo::{AreaKind, Geometry, LonLat, MapData};
use crate::layout::map_clusters::{Spot, cluster};
use crate::layout::map_marks::{LabelWant, MapMarks, place_map_labels};
use crate::layout::stack::Bx;
use crate::model::Voices;
use crate::ui::bidi::visual;
use crate::ui::canvas::{Band, Label, LabelStyle, place_and_paint};
use crate::ui::marks::Batch;
use crate::ui::theme::marker_shape;
use crate::ui::{ViewCtx, accessible_node, ellipsize};

/// The strip along the map's top edge that holds the count of places not on the map and the
/// Fit button (4 to 24 px down): place names are placed below it.
pub(super) const TOP_NOTES_HEIGHT: f32 = 26.0;

/// A marker drawn this frame: the marks (places) it holds, busiest first, where, how big,
/// and their summed events. One place, or several merged where their discs would overlap.
pub(super) struct Drawn {
    pub marks: Vec<usize>,
    pub centre: Pos2,
    pub r: f32,
    pub count: usize,
}

impl Drawn {
    /// The busiest of its places, which names it.
    pub fn mark(&self) -> usize {
        self.marks[0]
    }

    pub fn is_merged(&self) -> bool {
        self.marks.len() > 1
    }
}

/// Where and how this frame's map is drawn.
pub(super) struct MapCanvas<'a> {
    pub rect: Rect,
    pub painter: Painter,
    /// From map space to the screen.
    pub to_screen: TSTransform,
    pub geo: &'a Geometry,
    pub map: &'static MapData,
    pub visuals: Visuals,
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

impl MapCanvas<'_> {
    pub fn bg(&self) -> Color32 {
        self.visuals.extreme_bg_color
    }

    fn water(&self) -> Color32 {
        if self.visuals.dark_mode {
            Color32::from_rgb(0x2B, 0x3F, 0x55)
        } else {
            Color32::from_rgb(0xC9, 0xDD, 0xEE)
        }
    }

    /// A point of map space (projected kilometres) on the screen.
    pub fn screen(&self, km: [f32; 2]) -> Pos2 {
        self.to_screen * map_pos(km)
    }

    /// Where a place's marker goes on the screen, if it has coordinates.
    pub fn place_on_screen(
        &self,
        view: &ViewCtx,
        m: &crate::layout::map_marks::PlaceMark,
    ) -> Option<Pos2> {
        let place = &view.cat.dataset.places[m.place];
        let [x, y] = self.geo.proj.forward(LonLat {
            lon: place.lon?,
            lat: place.lat?,
        });
        Some(self.screen([x as f32, y as f32]))
    }

    /// The area under a point of the screen, if any.
    pub fn area_at(&self, p: Pos2) -> Option<&'static crate::geo::Area> {
        let q = self.to_screen.inverse() * p;
        let km = [f64::from(q.x), -f64::from(q.y)];
        self.map.unit_at(self.geo.proj.inverse(km))
    }

    /// Fills (countries, then provinces and districts over them by their events, then lakes)
    /// and the lines over them: district and province borders thin, country outlines stronger,
    /// the selected event's districts in the selection's colour.
    pub fn paint_areas(&self, view: &ViewCtx, marks: &MapMarks) {
        let (bg, dark) = (self.bg(), self.visuals.dark_mode);
        let max = marks.districts.values().copied().max().unwrap_or(0);
        let land = bg.lerp_to_gamma(self.visuals.panel_fill, 0.5);
        let water = self.water();
        let mut mesh = Mesh::default();
        for order in [AreaKind::Country, AreaKind::Province, AreaKind::Lake] {
            for (k, area) in self.map.areas.iter().enumerate() {
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
                let t = &self.geo.shapes[k].triangles;
                let base = mesh.vertices.len() as u32;
                for &v in &t.vertices {
                    mesh.colored_vertex(self.screen(v), fill);
                }
                mesh.indices.extend(t.indices.iter().map(|i| base + i));
            }
        }
        self.painter.add(Shape::mesh(mesh));
        let border = self.visuals.weak_text_color().gamma_multiply(0.55);
        let country_line = self.visuals.text_color().gamma_multiply(0.7);
        let selected_districts: Vec<usize> = view.selected.map_or_else(Vec::new, |e| {
            (view.cat.index.events[e].districts().iter())
                .map(|&d| d as usize)
                .collect()
        });
        for (k, area) in self.map.areas.iter().enumerate() {
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
            for ring in &self.geo.shapes[k].rings {
                let pts: Vec<Pos2> = ring.iter().map(|&p| self.screen(p)).collect();
                self.painter.add(Shape::line(pts, stroke));
            }
        }
    }

    /// The places' markers, a ring on the selected event's, and their names where there is
    /// room. Returns the markers drawn.
    pub fn paint_places(&self, ui: &egui::Ui, view: &ViewCtx, marks: &MapMarks) -> Vec<Drawn> {
        let mut markers: Vec<Drawn> = Vec::new();
        let mut batch = Batch::default();
        let selected_places: Vec<usize> = view.selected.map_or_else(Vec::new, |e| {
            view.cat.dataset.events[e]
                .places
                .iter()
                .filter_map(|id| view.cat.index.place_index(id))
                .collect()
        });
        // Places merge where their discs would overlap at this zoom, the selection's too: a
        // mark drawn apart on top of a merged one would hide it. The selection's ring goes
        // round the mark that holds its place.
        let mut spots: Vec<(usize, Spot)> = Vec::new();
        for (mi, m) in marks.places.iter().enumerate() {
            let place = &view.cat.dataset.places[m.place];
            let (Some(lon), Some(lat)) = (place.lon, place.lat) else {
                continue;
            };
            let [x, y] = self.geo.proj.forward(LonLat { lon, lat });
            let c = self.screen([x as f32, y as f32]);
            if !self.rect.expand(20.0).contains(c) {
                continue;
            }
            let spot = Spot {
                at: [c.x, c.y],
                count: m.events.len(),
            };
            spots.push((mi, spot));
        }
        let only: Vec<Spot> = spots.iter().map(|(_, s)| *s).collect();
        let mut merged: Vec<Drawn> = cluster(&only)
            .into_iter()
            .map(|c| Drawn {
                marks: c.members.iter().map(|&k| spots[k].0).collect(),
                centre: pos2(c.at[0], c.at[1]),
                r: c.r,
                count: c.count,
            })
            .collect();
        merged.append(&mut markers);
        markers = merged;
        for m in &markers {
            let voices = m
                .marks
                .iter()
                .fold(Voices::NONE, |v, &k| v.union(marks.places[k].voices));
            batch.marker(m.centre, m.r, marker_shape(voices), &view.palette, false);
        }
        self.painter.extend(batch.into_shapes());
        self.paint_counts(ui, view, marks, &markers);
        for m in &markers {
            if (m.marks.iter()).any(|&k| selected_places.contains(&marks.places[k].place)) {
                self.painter.circle_stroke(
                    m.centre,
                    m.r + 4.0,
                    Stroke::new(2.5, view.palette.selection),
                );
            }
        }
        self.paint_place_names(ui, view, marks, &markers, &selected_places);
        markers
    }

    /// A merged marker's summed count on a small band over its centre, legible on any
    /// party's colour; and for every marker a node saying what it holds.
    fn paint_counts(&self, ui: &egui::Ui, view: &ViewCtx, marks: &MapMarks, markers: &[Drawn]) {
        let font = FontId::proportional(10.5);
        let ink = self.visuals.text_color();
        for m in markers {
            let box_ = Rect::from_center_size(m.centre, vec2(2.0 * m.r, 2.0 * m.r));
            let name = crate::model::length::shown(
                &view.cat.dataset.places[marks.places[m.mark()].place].name,
            );
            let words = if m.is_merged() {
                let g = self
                    .painter
                    .layout_no_wrap(m.count.to_string(), font.clone(), ink);
                let band = Rect::from_center_size(m.centre, g.size() + vec2(5.0, 1.0));
                self.painter
                    .rect_filled(band, 3.0, self.bg().gamma_multiply(0.9));
                self.painter.rect_stroke(
                    band,
                    3.0,
                    Stroke::new(0.8, ink),
                    egui::StrokeKind::Inside,
                );
                self.painter.galley(band.min + vec2(2.5, 0.5), g, ink);
                format!(
                    "Map mark: {} events at {} places, {name} the busiest",
                    m.count,
                    m.marks.len()
                )
            } else {
                format!("Map mark: {} events at {name}", m.count)
            };
            accessible_node(
                ui,
                egui::Id::unique(("map-mark", m.mark())),
                egui::Role::Button,
                words,
                box_,
            );
        }
    }

    /// Place names by priority (the selection's places, then the busiest), never
    /// overlapping; the selection's are always drawn (see `place_map_labels`).
    fn paint_place_names(
        &self,
        ui: &egui::Ui,
        view: &ViewCtx,
        marks: &MapMarks,
        markers: &[Drawn],
        selected_places: &[usize],
    ) {
        let place_of = |k: usize| marks.places[markers[k].mark()].place;
        let mut order: Vec<usize> = (0..markers.len()).collect();
        order.sort_by_key(|&k| {
            let m = &marks.places[markers[k].mark()];
            (
                !selected_places.contains(&m.place),
                std::cmp::Reverse(markers[k].count),
            )
        });
        order.truncate(120);
        let font = FontId::proportional(12.0);
        let text_colour = self.visuals.text_color();
        let labels: Vec<Label> = order
            .iter()
            .map(|&k| Label {
                galley: self.painter.layout_no_wrap(
                    // A merged marker is named by its busiest place, and how many more it holds.
                    match markers[k].marks.len() {
                        1 => visual(&ellipsize(&view.cat.dataset.places[place_of(k)].name, 24))
                            .into_owned(),
                        n => format!(
                            "{} +{}",
                            visual(&ellipsize(&view.cat.dataset.places[place_of(k)].name, 20)),
                            n - 1
                        ),
                    },
                    font.clone(),
                    text_colour,
                ),
                colour: text_colour,
            })
            .collect();
        let marker_box = |m: &Drawn| Bx::from(Rect::from_pos(m.centre).expand(m.r));
        let obstacles: Vec<Bx> = markers.iter().map(marker_box).collect();
        let place = |sizes: &[egui::Vec2]| {
            let wants: Vec<LabelWant> = order
                .iter()
                .zip(sizes)
                .map(|(&k, size)| LabelWant {
                    marker: marker_box(&markers[k]),
                    size: [size.x, size.y],
                    pinned: selected_places.contains(&place_of(k)),
                })
                .collect();
            // The notes' bands along the bottom edge (scale, credits) and the top edge (the
            // count of places not on the map, the Fit button) stay clear.
            let bounds = Bx::from(
                (self.rect.with_max_y(self.rect.max.y - 36.0))
                    .with_min_y(self.rect.min.y + TOP_NOTES_HEIGHT),
            );
            place_map_labels(&wants, &obstacles, bounds)
        };
        let style = LabelStyle {
            anchor: Align2::LEFT_TOP,
            band: Some(Band {
                fill: self.bg().gamma_multiply(0.8),
                rounding: 2.0,
                left: 1.0,
            }),
        };
        let painted = place_and_paint(&self.painter, labels, place, &style);
        // Painted text is invisible to screen readers (and tests): one node per label.
        for (r, &k) in painted.into_iter().zip(&order) {
            let Some(r) = r else { continue };
            let place = place_of(k);
            accessible_node(
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
    }

    /// The scale bar, and where the map comes from, on a band so that it stays legible over
    /// the districts.
    pub fn paint_notes(&self) {
        let weak = self.visuals.weak_text_color();
        scale_bar(
            &self.painter,
            self.rect,
            1.0 / f64::from(self.to_screen.scaling),
            self.visuals.text_color(),
            &FontId::proportional(11.0),
        );
        let note = self.painter.layout_no_wrap(
            "Natural Earth · GeoNames (CC BY 4.0)".to_owned(),
            FontId::proportional(10.0),
            weak,
        );
        let at = pos2(
            self.rect.max.x - note.size().x - 6.0,
            self.rect.max.y - note.size().y - 3.0,
        );
        self.painter.rect_filled(
            Rect::from_min_size(at - vec2(3.0, 1.0), note.size() + vec2(6.0, 2.0)),
            2.0,
            self.bg().gamma_multiply(0.85),
        );
        self.painter.galley(at, note, weak);
    }

    /// Places of these events that have no coordinates are named, not silently dropped: a
    /// count in the corner (within [`TOP_NOTES_HEIGHT`]), the names on hover.
    pub fn paint_unplaced(
        &self,
        ui: &egui::Ui,
        view: &ViewCtx,
        marks: &MapMarks,
        response: &egui::Response,
    ) {
        if marks.unplaced.is_empty() {
            return;
        }
        let weak = self.visuals.weak_text_color();
        let names: Vec<&str> = marks
            .unplaced
            .iter()
            .map(|&p| view.cat.dataset.places[p].name.as_str())
            .collect();
        // The corner beside the map's Fit button: the long form where it fits, else short.
        let room = self.rect.width() - 52.0;
        let layout = |text: String| {
            self.painter
                .layout_no_wrap(text, FontId::proportional(11.0), weak)
        };
        let mut g = layout(format!("Not on the map (no coordinates): {}", names.len()));
        if g.size().x > room {
            g = layout(format!("No coordinates: {}", names.len()));
        }
        let at = pos2(self.rect.min.x + 6.0, self.rect.min.y + 4.0);
        let band = Rect::from_min_size(at - vec2(3.0, 1.0), g.size() + vec2(6.0, 2.0));
        debug_assert!(band.max.y <= self.rect.min.y + TOP_NOTES_HEIGHT);
        self.painter
            .rect_filled(band, 2.0, self.bg().gamma_multiply(0.85));
        // Painted text is invisible to screen readers (and tests): a node says it too.
        accessible_node(
            ui,
            egui::Id::unique("map-unplaced"),
            egui::Role::Label,
            format!("{} ({})", g.text(), names.join(", ")),
            band,
        );
        self.painter.galley(at, g, weak);
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

    /// One node per province and district in view, at a point inside it, so a screen reader
    /// (and a test) can find and click it.
    pub fn accessible_areas(&self, ui: &egui::Ui) {
        for (k, area) in self.map.areas.iter().enumerate() {
            if !area.is_unit() {
                continue;
            }
            let c = self.screen(self.geo.inside[k]);
            if !self.rect.contains(c) {
                continue;
            }
            accessible_node(
                ui,
                egui::Id::unique(("map-area", k)),
                egui::Role::Button,
                format!("Map: {}, {}", area.name, area.country),
                Rect::from_center_size(c, vec2(4.0, 4.0)),
            );
        }
    }
}

/// A bar of a round number of kilometres, about a fifth of the map's width.
fn scale_bar(painter: &Painter, rect: Rect, km_per_pt: f64, colour: Color32, font: &FontId) {
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
