//! Claimline: curated event files about a contested conflict, shown as a timeline beside
//! side-by-side claim panels. The data and logic modules here have no egui in them; the
//! window lives in `viewer`.

pub mod check;
pub mod load;
pub mod model;
pub mod viewer;
