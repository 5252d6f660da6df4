//! Tours: a title, unique ids within their file, steps that name events, and the captions,
//! zooms and columns a presenter can use.

use std::collections::HashSet;

use chrono::FixedOffset;

use super::ctx::{Ctx, Kind};
use crate::load::locate::Path;
use crate::model::Tour;

/// `tour_ids` holds the ids of the file's tours checked before this one.
pub(super) fn check_tour<'t>(
    cx: &mut Ctx,
    f: usize,
    tp: &Path,
    t: &'t Tour,
    offset: FixedOffset,
    tour_ids: &mut HashSet<&'t str>,
) {
    cx.non_empty(f, || tp.field("title"), &t.title, "tour title");
    if !tour_ids.insert(t.id.as_str()) {
        cx.error(f, tp.field("id"), format!("duplicate tour id \"{}\"", t.id));
    }
    if t.steps.is_empty() {
        cx.error(f, tp.field("steps"), "a tour needs at least one step");
    }
    for (j, step) in t.steps.iter().enumerate() {
        let sp = tp.field("steps").index(j);
        cx.refer(Kind::Event, f, || sp.field("event"), &step.event);
        if let Some(c) = &step.caption {
            cx.not_too_long(f, || sp.field("caption"), c, "tour caption");
            cx.neutral(f, || sp.field("caption"), c, "tour caption");
        }
        if let Some(columns) = &step.columns {
            super::header::check_column_ids(cx, f, sp.field("columns"), columns);
        }
        if let Some(z) = &step.zoom {
            super::header::check_time_range(cx, f, sp.field("zoom"), z, offset, "zoom");
        }
    }
}
