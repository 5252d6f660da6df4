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
