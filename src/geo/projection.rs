//! An equirectangular projection centred on the region, in kilometres. Over the few hundred
//! kilometres of the South Caucasus its distortion is under one per cent, it keeps north up,
//! and a scale bar in kilometres is exact along the centre parallel.

use super::LonLat;

const KM_PER_DEGREE_LAT: f64 = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR: f64 = 111.320;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub centre: LonLat,
    cos_lat: f64,
}

impl Projection {
    pub fn new(centre: LonLat) -> Projection {
        Projection {
            centre,
            cos_lat: centre.lat.to_radians().cos(),
        }
    }

    /// Kilometres east and north of the centre.
    pub fn forward(&self, p: LonLat) -> [f64; 2] {
        [
            (p.lon - self.centre.lon) * KM_PER_DEGREE_LON_AT_EQUATOR * self.cos_lat,
            (p.lat - self.centre.lat) * KM_PER_DEGREE_LAT,
        ]
    }

    pub fn inverse(&self, [x, y]: [f64; 2]) -> LonLat {
        LonLat {
            lon: self.centre.lon + x / (KM_PER_DEGREE_LON_AT_EQUATOR * self.cos_lat),
            lat: self.centre.lat + y / KM_PER_DEGREE_LAT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projection_round_trips_and_measures_kilometres() {
        let p = Projection::new(LonLat {
            lon: 45.5,
            lat: 40.0,
        });
        for (lon, lat) in [(43.4, 41.2), (46.55, 39.64), (45.5, 40.0), (47.1, 38.5)] {
            let q = p.inverse(p.forward(LonLat { lon, lat }));
            assert!((q.lon - lon).abs() < 1e-9 && (q.lat - lat).abs() < 1e-9);
        }
        // Yerevan to Goris is about 200 km as the crow flies.
        let yerevan = p.forward(LonLat {
            lon: 44.5126,
            lat: 40.17765,
        });
        let goris = p.forward(LonLat {
            lon: 46.3386,
            lat: 39.5111,
        });
        let km = ((yerevan[0] - goris[0]).powi(2) + (yerevan[1] - goris[1]).powi(2)).sqrt();
        assert!((160.0..180.0).contains(&km), "{km} km");
    }
}
