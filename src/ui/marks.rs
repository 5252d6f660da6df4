//! Event markers painted in batches: every marker of a colour goes into one mesh, so a frame
//! with thousands of events adds a handful of shapes, not one per event.

use egui::epaint::{Mesh, Shape};
use egui::{Color32, Pos2, Stroke, pos2, vec2};

use super::theme::{MarkerShape, Palette};
use crate::layout::shapes;
use crate::model::Side;

/// Meshes keyed by colour in two layers (outlines behind, fills in front), drained into the
/// painter once per frame.
#[derive(Default)]
pub struct Batch {
    back: Vec<(Color32, Mesh)>,
    front: Vec<(Color32, Mesh)>,
    /// Where the next shapes go: behind (outlines) or in front (fills).
    behind: bool,
}

impl Batch {
    fn mesh(&mut self, colour: Color32) -> &mut Mesh {
        let layer = if self.behind {
            &mut self.back
        } else {
            &mut self.front
        };
        let i = match layer.iter().position(|(c, _)| *c == colour) {
            Some(i) => i,
            None => {
                layer.push((colour, Mesh::default()));
                layer.len() - 1
            }
        };
        &mut layer[i].1
    }

    fn outline(&mut self, f: impl FnOnce(&mut Batch)) {
        self.behind = true;
        f(self);
        self.behind = false;
    }

    /// A convex polygon, as a triangle fan.
    pub fn polygon(&mut self, points: &[Pos2], colour: Color32) {
        if points.len() < 3 || colour == Color32::TRANSPARENT {
            return;
        }
        let mesh = self.mesh(colour);
        let base = mesh.vertices.len() as u32;
        for p in points {
            mesh.colored_vertex(*p, colour);
        }
        for k in 1..points.len() as u32 - 1 {
            mesh.add_triangle(base, base + k, base + k + 1);
        }
    }

    pub fn rect(&mut self, min: Pos2, max: Pos2, colour: Color32) {
        self.polygon(&[min, pos2(max.x, min.y), max, pos2(min.x, max.y)], colour);
    }

    /// A ring between radii `r0 < r1`.
    pub fn ring(&mut self, c: Pos2, r0: f32, r1: f32, colour: Color32) {
        const N: usize = 20;
        let mesh = self.mesh(colour);
        let base = mesh.vertices.len() as u32;
        for k in 0..N {
            let a = k as f32 / N as f32 * std::f32::consts::TAU;
            let d = vec2(a.cos(), a.sin());
            mesh.colored_vertex(c + d * r0, colour);
            mesh.colored_vertex(c + d * r1, colour);
        }
        for k in 0..N as u32 {
            let (i0, o0) = (base + 2 * k, base + 2 * k + 1);
            let next = (k + 1) % N as u32;
            let (i1, o1) = (base + 2 * next, base + 2 * next + 1);
            mesh.add_triangle(i0, o0, o1);
            mesh.add_triangle(i0, o1, i1);
        }
    }

    /// A disc, or half of one (`half`: -1 the left half, +1 the right half, 0 whole).
    pub fn disc(&mut self, c: Pos2, r: f32, half: i8, colour: Color32) {
        const N: usize = 20;
        let (from, to) = match half {
            -1 => (0.25, 0.75),
            1 => (-0.25, 0.25),
            _ => (0.0, 1.0),
        };
        let steps = ((to - from) * N as f32).round() as usize;
        let mut pts = Vec::with_capacity(steps + 2);
        if half != 0 {
            pts.push(c);
        }
        for k in 0..=steps {
            let a = (from + (to - from) * k as f32 / steps as f32) * std::f32::consts::TAU;
            pts.push(c + vec2(a.cos(), -a.sin()) * r);
        }
        self.polygon(&pts, colour);
    }

    /// A slice of a disc between two angles, in turns (0.25 is the top), drawn clockwise.
    fn sector(&mut self, c: Pos2, r: f32, from: f32, to: f32, colour: Color32) {
        const N: f32 = 20.0;
        let steps = ((from - to).abs() * N).ceil().max(1.0) as usize;
        let mut pts = Vec::with_capacity(steps + 2);
        pts.push(c);
        for k in 0..=steps {
            let a = (from + (to - from) * k as f32 / steps as f32) * std::f32::consts::TAU;
            pts.push(c + vec2(a.cos(), -a.sin()) * r);
        }
        self.polygon(&pts, colour);
    }

    /// One event's marker: shape by who spoke, colours by side, a ring when contested.
    pub fn marker(&mut self, c: Pos2, r: f32, shape: MarkerShape, pal: &Palette, faded: bool) {
        let fade = |col: Color32| if faded { col.gamma_multiply(0.35) } else { col };
        let outline = fade(pal.outline);
        match shape {
            MarkerShape::Party(side) => {
                let fill = fade(pal.fill_of(side));
                let points = |grow: f32| party_outline(side, c, r, grow);
                self.outline(|b| b.polygon(points(1.0).as_slice(), outline));
                self.polygon(points(0.0).as_slice(), fill);
            }
            MarkerShape::Split(voices) => {
                // No allocation: contested markers are drawn by the thousand every frame.
                let two =
                    voices.parties() == 2 && voices.has(Side::FIRST) && voices.has(Side::SECOND);
                if two {
                    self.disc(c, r, -1, fade(pal.fill_of(Side::FIRST)));
                    self.disc(c, r, 1, fade(pal.fill_of(Side::SECOND)));
                } else {
                    // One equal slice a party, clockwise from the top in party order.
                    let n = voices.parties() as f32;
                    for (k, side) in voices.party_sides().enumerate() {
                        let from = 0.25 - k as f32 / n;
                        self.sector(c, r, from, from - 1.0 / n, fade(pal.fill_of(side)));
                    }
                }
                // The contested mark: a ring around the split disc.
                self.ring(c, r + 1.0, r + 3.0, outline);
            }
            MarkerShape::Triangle => {
                let tri = |s: f32| {
                    [
                        c + vec2(0.0, -s),
                        c + vec2(s * 0.95, s * 0.7),
                        c + vec2(-s * 0.95, s * 0.7),
                    ]
                };
                self.outline(|b| b.polygon(&tri(r + 1.6), outline));
                self.polygon(&tri(r), fade(pal.fill_of(Side::THIRD)));
            }
            MarkerShape::Hollow => self.ring(c, r - 2.0, r, outline),
        }
    }

    pub fn into_shapes(self) -> impl Iterator<Item = Shape> {
        self.back
            .into_iter()
            .chain(self.front)
            .map(|(_, m)| Shape::mesh(m))
    }
}

/// A small legend swatch for a marker shape, for headings and the legend strip.
pub fn paint_swatch(painter: &egui::Painter, c: Pos2, r: f32, shape: MarkerShape, pal: &Palette) {
    let mut b = Batch::default();
    b.marker(c, r, shape, pal, false);
    painter.extend(b.into_shapes());
}

/// A thin stroke helper shared by the panels that outline their selection.
pub fn selection_stroke(pal: &Palette) -> Stroke {
    Stroke::new(2.5, pal.selection)
}

/// A party's outline: at most 12 points, kept on the stack, as markers are drawn by the
/// thousand every frame.
struct Outline {
    points: [Pos2; 12],
    len: usize,
}

impl Outline {
    fn new() -> Outline {
        Outline {
            points: [Pos2::ZERO; 12],
            len: 0,
        }
    }

    fn push(&mut self, p: Pos2) {
        self.points[self.len] = p;
        self.len += 1;
    }

    fn as_slice(&self) -> &[Pos2] {
        &self.points[..self.len]
    }
}

/// A party's own shape around `c` (see [`shapes::party_outline`]).
fn party_outline(side: Side, c: Pos2, r: f32, grow: f32) -> Outline {
    let mut out = Outline::new();
    shapes::party_outline(side.party_index().unwrap_or(0), r, grow, |dx, dy| {
        out.push(c + vec2(dx, dy));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The area inside an outline (a fan from its first point for the star, whose first point
    /// is its centre: the shoelace over the rim gives the same).
    fn area(points: &[Pos2]) -> f32 {
        let rim = if points.len() == 12 {
            &points[1..11]
        } else {
            points
        };
        let n = rim.len();
        (0..n)
            .map(|i| {
                let (p, q) = (rim[i], rim[(i + 1) % n]);
                p.x * q.y - q.x * p.y
            })
            .sum::<f32>()
            .abs()
            / 2.0
    }

    #[test]
    fn every_party_has_its_own_shape_of_the_same_area() {
        let (c, r) = (Pos2::new(50.0, 50.0), 6.0);
        let square = (1.6 * r) * (1.6 * r);
        let shapes: Vec<Vec<Pos2>> = (0..crate::model::MAX_PARTIES)
            .map(|i| party_outline(Side::party(i), c, r, 0.0).as_slice().to_vec())
            .collect();
        for (i, s) in shapes.iter().enumerate() {
            let a = area(s);
            assert!(
                (a - square).abs() < square * 0.02,
                "party {i}: area {a} against {square}"
            );
            assert!(
                s.iter().all(|p| (*p - c).length() < 3.0 * r),
                "party {i} strays"
            );
            for (j, t) in shapes.iter().enumerate().skip(i + 1) {
                assert_ne!(s, t, "parties {i} and {j} share a shape");
            }
        }
        // The outline drawn behind each shape is larger all round.
        for (i, shape) in shapes.iter().enumerate() {
            let grown = party_outline(Side::party(i), c, r, 1.0);
            assert!(area(grown.as_slice()) > area(shape), "party {i}");
        }
    }
}
