//! The bundled map's areas made ready to draw, once: projected around the region's centre,
//! triangulated for filling, their rings kept for outlining, and a point inside each for
//! whatever marks an area by a point (its accessible node).

use super::{LonLat, MapData, Projection, Triangles};

/// The region's centre: the projection's origin.
pub const CENTRE: LonLat = LonLat {
    lon: 45.4,
    lat: 40.0,
};

/// One area of the bundled map, in projected kilometres.
pub struct AreaShape {
    pub triangles: Triangles,
    /// Its outer rings and holes.
    pub rings: Vec<Vec<[f32; 2]>>,
}

/// The bundled map's areas projected and triangulated once, in the order of
/// [`MapData::bundled`]'s areas.
pub struct Geometry {
    pub proj: Projection,
    pub shapes: Vec<AreaShape>,
    /// A point inside each area (the centre of its largest triangle).
    pub inside: Vec<[f32; 2]>,
}

impl Geometry {
    pub fn new() -> Geometry {
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
            inside.push(largest_triangle_centre(&t));
            shapes.push(AreaShape {
                triangles: t,
                rings,
            });
        }
        Geometry {
            proj,
            shapes,
            inside,
        }
    }
}

impl Default for Geometry {
    fn default() -> Self {
        Geometry::new()
    }
}

fn largest_triangle_centre(t: &Triangles) -> [f32; 2] {
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
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_areas_inside_point_lies_in_it() {
        let geo = Geometry::new();
        let map = MapData::bundled();
        assert_eq!(geo.shapes.len(), map.areas.len());
        for (a, &[x, y]) in map
            .areas
            .iter()
            .zip(&geo.inside)
            .filter(|(a, _)| a.is_unit())
        {
            let p = geo.proj.inverse([f64::from(x), f64::from(y)]);
            assert!(a.contains(p), "{} at {p:?}", a.name);
        }
    }
}
