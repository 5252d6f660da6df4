//! View maths with no egui in it: the timeline's lanes, ticks, stacking and labels, the claim
//! panels' rows, and the casualty strip's series. Panels in `ui` draw what these compute.

pub mod casualties;
pub mod claim_rows;
pub mod derived;
pub mod detail;
pub mod in_range;
pub mod lanes;
pub mod map_clusters;
pub mod map_marks;
pub mod opening;
pub mod panes;
pub mod shapes;
pub mod stack;
pub mod ticks;
pub mod type_fit;
pub mod zoom;
