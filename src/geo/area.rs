//! The bundled boundary data as areas with names, and the questions asked of it.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaKind {
    /// An Armenian province (marz), or Yerevan.
    Province,
    /// An Azerbaijani district (rayon) or city with district status.
    District,
    /// A country's outline.
    Country,
    Lake,
}

/// One ring around and any holes, as written (outer counter-clockwise, holes clockwise).
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub outer: Vec<LonLat>,
    pub holes: Vec<Vec<LonLat>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub kind: AreaKind,
    /// The English name the dataset's `district` fields use ("Vayots Dzor", "Lachin").
    pub name: String,
    /// The source's native name when it differs ("Kəlbəcər").
    pub other_name: Option<String>,
    pub country: String,
    /// ISO 3166-2 code, when the area has one.
    pub iso: Option<String>,
    pub polygons: Vec<Polygon>,
}

/// The boundary data: every area of `assets/map/region.geojson`, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapData {
    pub areas: Vec<Area>,
}

pub const BUNDLED_MAP: &str = include_str!("../../assets/map/region.geojson");

/// Regions a place's `district` may name that span several of the map's districts: the map
/// draws their districts, not them, so `check` takes these names as they are.
pub const REGIONS: &[&str] = &["Nakhchivan Autonomous Republic", "Nagorno-Karabakh"];

#[derive(Deserialize)]
struct RawCollection {
    features: Vec<RawFeature>,
}

#[derive(Deserialize)]
struct RawFeature {
    properties: RawProps,
    geometry: RawGeometry,
}

#[derive(Deserialize)]
struct RawProps {
    kind: AreaKind,
    name: String,
    #[serde(default)]
    other_name: Option<String>,
    country: String,
    #[serde(default)]
    iso: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum RawGeometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

fn polygon(rings: Vec<Vec<[f64; 2]>>) -> Polygon {
    let mut rings = rings.into_iter().map(|r| {
        r.into_iter()
            .map(|[lon, lat]| LonLat { lon, lat })
            .collect()
    });
    Polygon {
        outer: rings.next().unwrap_or_default(),
        holes: rings.collect(),
    }
}

/// Whether `p` is inside the ring (even-odd rule; a point on the edge may go either way).
fn in_ring(ring: &[LonLat], p: LonLat) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[j]);
        if (a.lat > p.lat) != (b.lat > p.lat)
            && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
        {
            inside = !inside;
        }
        j = i;
    }
    inside
}

impl Polygon {
    pub fn contains(&self, p: LonLat) -> bool {
        in_ring(&self.outer, p) && !self.holes.iter().any(|h| in_ring(h, p))
    }
}

impl Area {
    pub fn contains(&self, p: LonLat) -> bool {
        self.polygons.iter().any(|g| g.contains(p))
    }

    /// A province or district: what places name as their `district`.
    pub fn is_unit(&self) -> bool {
        matches!(self.kind, AreaKind::Province | AreaKind::District)
    }
}

impl MapData {
    pub fn parse(text: &str) -> Result<MapData, String> {
        let raw: RawCollection = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let areas = raw
            .features
            .into_iter()
            .map(|f| Area {
                kind: f.properties.kind,
                name: f.properties.name,
                other_name: f.properties.other_name,
                country: f.properties.country,
                iso: f.properties.iso,
                polygons: match f.geometry {
                    RawGeometry::Polygon(rings) => vec![polygon(rings)],
                    RawGeometry::MultiPolygon(ps) => ps.into_iter().map(polygon).collect(),
                },
            })
            .collect();
        Ok(MapData { areas })
    }

    /// The boundaries that ship with the app, parsed once.
    pub fn bundled() -> &'static MapData {
        static MAP: OnceLock<MapData> = OnceLock::new();
        MAP.get_or_init(|| MapData::parse(BUNDLED_MAP).expect("the bundled map parses"))
    }

    /// The province or district of this name (as a dataset writes it), if the map has it.
    pub fn unit(&self, name: &str) -> Option<&Area> {
        self.areas
            .iter()
            .find(|a| a.is_unit() && a.name.eq_ignore_ascii_case(name))
    }

    /// The provinces or districts of `country`; none for a country the map does not divide.
    pub fn units_of<'a>(&'a self, country: &'a str) -> impl Iterator<Item = &'a Area> {
        self.areas
            .iter()
            .filter(move |a| a.is_unit() && a.country == country)
    }

    /// The province or district a point lies in.
    pub fn unit_at(&self, p: LonLat) -> Option<&Area> {
        self.areas.iter().find(|a| a.is_unit() && a.contains(p))
    }
}

/// An area's polygons cut into triangles once (egui fills only convex shapes): vertices in
/// projected kilometres and triangle corner indices into them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Triangles {
    pub vertices: Vec<[f32; 2]>,
    pub indices: Vec<u32>,
}

impl Triangles {
    pub fn of(area: &Area, project: impl Fn(LonLat) -> [f64; 2]) -> Triangles {
        let mut t = Triangles::default();
        for poly in &area.polygons {
            let mut flat: Vec<f64> = Vec::new();
            let mut holes: Vec<usize> = Vec::new();
            // GeoJSON rings repeat their first point at the end; earcut wants it once.
            let ring = |r: &[LonLat]| -> Vec<LonLat> {
                let n = if r.len() > 1 && r.first() == r.last() {
                    r.len() - 1
                } else {
                    r.len()
                };
                r[..n].to_vec()
            };
            for (k, r) in std::iter::once(&poly.outer).chain(&poly.holes).enumerate() {
                if k > 0 {
                    holes.push(flat.len() / 2);
                }
                for p in ring(r) {
                    flat.extend(project(p));
                }
            }
            let base = t.vertices.len() as u32;
            let Ok(indices) = earcutr::earcut(&flat, &holes, 2) else {
                continue;
            };
            t.vertices
                .extend(flat.chunks(2).map(|c| [c[0] as f32, c[1] as f32]));
            t.indices
                .extend(indices.into_iter().map(|i| base + i as u32));
        }
        t
    }

    /// The triangles' total area, in square kilometres when built from a projection.
    pub fn area(&self) -> f64 {
        self.indices
            .chunks(3)
            .map(|c| {
                let [a, b, d] = [c[0], c[1], c[2]].map(|i| self.vertices[i as usize]);
                let cross = (b[0] - a[0]) * (d[1] - a[1]) - (d[0] - a[0]) * (b[1] - a[1]);
                f64::from(cross.abs()) / 2.0
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::Projection;

    fn at(lat: f64, lon: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn the_map_holds_the_provinces_and_the_datasets_districts() {
        let map = MapData::bundled();
        let provinces: Vec<&str> = map
            .areas
            .iter()
            .filter(|a| a.kind == AreaKind::Province)
            .map(|a| a.name.as_str())
            .collect();
        for p in [
            "Aragatsotn",
            "Ararat",
            "Armavir",
            "Gegharkunik",
            "Kotayk",
            "Lori",
            "Shirak",
            "Syunik",
            "Tavush",
            "Vayots Dzor",
            "Yerevan",
        ] {
            assert!(provinces.contains(&p), "{p} missing");
        }
        assert_eq!(provinces.len(), 11);
        // Every Azerbaijani district the bundled dataset names.
        let ds = crate::load::load_bundled().dataset.unwrap();
        for place in ds.places.iter().filter(|p| p.country == "Azerbaijan") {
            let Some(d) = &place.district else { continue };
            if REGIONS.contains(&d.as_str()) {
                // Regions made of several districts, not districts themselves.
                continue;
            }
            assert!(map.unit(d).is_some(), "{d} missing from the map");
        }
        let lachin = map.unit("Lachin").expect("Lachin is named Lachin");
        assert_eq!(lachin.iso.as_deref(), Some("AZ-LAC"));
        // Lankaran is one district, not also the mislabelled Lachin polygon; the towns that
        // Natural Earth also draws as city polygons are kept as their districts only.
        for name in ["Lankaran", "Shaki", "Shusha", "Yevlakh"] {
            let n = map.areas.iter().filter(|a| a.name == name).count();
            assert_eq!(n, 1, "{name}: {n} features");
        }
        assert!(
            map.areas
                .iter()
                .any(|a| a.kind == AreaKind::Lake && a.name.contains("Sevan"))
        );
    }

    #[test]
    fn places_fall_in_their_provinces_and_districts() {
        let map = MapData::bundled();
        let unit = |lat, lon| map.unit_at(at(lat, lon)).map(|a| a.name.as_str());
        assert_eq!(unit(39.8414, 45.6719), Some("Vayots Dzor"), "Jermuk");
        assert_eq!(unit(40.2097, 45.9267), Some("Gegharkunik"), "Sotk");
        assert_eq!(unit(40.1561, 45.8539), Some("Gegharkunik"), "Verin Shorzha");
        assert_eq!(unit(39.5111, 46.3386), Some("Syunik"), "Goris");
        assert_eq!(unit(39.5208, 46.0322), Some("Syunik"), "Sisian");
        assert_eq!(unit(40.1017, 46.0364), Some("Kalbajar"), "Kalbajar town");
        assert_eq!(unit(40.17765, 44.5126), Some("Yerevan"));
        assert_eq!(unit(0.0, 0.0), None);
    }

    #[test]
    fn triangles_cover_each_area_once() {
        let map = MapData::bundled();
        let proj = Projection::new(at(40.0, 45.5));
        let syunik = map.unit("Syunik").unwrap();
        let t = Triangles::of(syunik, |p| proj.forward(p));
        assert!(t.indices.len() >= 3 && t.indices.len().is_multiple_of(3));
        // Syunik is about 4,500 km²; the triangles' area is close to it.
        let km2 = t.area();
        assert!((4_000.0..5_000.0).contains(&km2), "{km2} km²");
        for a in &map.areas {
            let t = Triangles::of(a, |p| proj.forward(p));
            assert!(!t.indices.is_empty(), "{} has no triangles", a.name);
        }
    }
}
