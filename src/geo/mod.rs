//! Where things are: the bundled boundaries of Armenia's provinces, Azerbaijan's districts, the
//! neighbouring countries and Lake Sevan (`assets/map/region.geojson`, prepared from Natural
//! Earth by `tools/map/build.sh`), a local projection for drawing them, point-in-polygon for
//! checking a place's district, and triangles for filling them, made once into the map's
//! [`Geometry`]. No egui here.

mod area;
mod geometry;
mod projection;

pub use area::{Area, AreaKind, LonLat, MapData, Polygon, REGIONS, Triangles};
pub use geometry::{AreaShape, CENTRE, Geometry};
pub use projection::Projection;

/// The mean radius of the Earth, in kilometres (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The great-circle distance between two points, in kilometres (haversine): what "the same
/// place" is measured by when files are merged.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Places this close, in kilometres, with the same name, are one place when files are merged;
/// events of different files this close on the same day are offered as possibly the same.
pub const SAME_PLACE_KM: f64 = 1.0;

/// Kilometres per degree of latitude, rounded down, so that a band of latitude never leaves
/// out a point within reach.
const KM_PER_DEGREE_LAT: f64 = 110.5;

/// Every pair of points at most `km` apart, as (i, j, distance) with i < j, sorted: a sweep
/// over the points by latitude, so thousands of places cost far less than every pair.
pub fn pairs_within_km(points: &[LonLat], km: f64) -> Vec<(usize, usize, f64)> {
    let mut by_lat: Vec<usize> = (0..points.len()).collect();
    by_lat.sort_by(|&a, &b| points[a].lat.total_cmp(&points[b].lat));
    let reach = km / KM_PER_DEGREE_LAT;
    let mut out = Vec::new();
    for (k, &i) in by_lat.iter().enumerate() {
        for &j in &by_lat[k + 1..] {
            if points[j].lat - points[i].lat > reach {
                break;
            }
            let d = distance_km(points[i], points[j]);
            if d <= km {
                out.push((i.min(j), i.max(j), d));
            }
        }
    }
    out.sort_by_key(|p| (p.0, p.1));
    out
}

#[cfg(test)]
mod distance_tests {
    use super::{LonLat, distance_km};

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let a = LonLat {
            lon: 45.0,
            lat: 40.0,
        };
        let b = LonLat {
            lon: 45.0,
            lat: 41.0,
        };
        assert!((distance_km(a, b) - 111.2).abs() < 0.1);
        assert_eq!(distance_km(a, a), 0.0);
    }

    #[test]
    fn pairs_within_reach_are_found_and_no_others() {
        let at = |lat: f64, lon: f64| LonLat { lon, lat };
        // 0.9 km, 1.5 km and far north of the first.
        let points = [
            at(40.0, 45.0),
            at(40.2, 45.0),
            at(40.0081, 45.0),
            at(40.0135, 45.0),
        ];
        let pairs: Vec<(usize, usize)> = super::pairs_within_km(&points, 1.0)
            .into_iter()
            .map(|(i, j, _)| (i, j))
            .collect();
        assert_eq!(pairs, [(0, 2), (2, 3)]);
    }
}
