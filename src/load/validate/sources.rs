//! Sources: the outlet, language and date of each published text claims are taken from, and
//! whether any claim cites it.

use chrono::FixedOffset;

use super::ctx::Ctx;
use crate::load::locate::Path;
use crate::model::{Granularity, Source, parse_instant};

pub(super) fn check_source(cx: &mut Ctx, f: usize, sp: &Path, s: &Source, offset: FixedOffset) {
    cx.non_empty(f, || sp.field("outlet"), &s.outlet, "outlet");
    cx.non_empty(f, || sp.field("language"), &s.language, "language");
    cx.non_empty_opt(f, || sp.field("title"), &s.title, "title");
    cx.non_empty_opt(f, || sp.field("url"), &s.url, "url");
    if let Some(date) = &s.date {
        match parse_instant(date, offset) {
            Ok(i) if i.granularity == Granularity::Minute => cx.error(
                f,
                sp.field("date"),
                format!("source date \"{date}\" has a time of day: write the date only"),
            ),
            Ok(_) => {}
            Err(e) => cx.error(f, sp.field("date"), e.to_string()),
        }
    }
}

/// A source no claim cites is dead weight, or a citation gone missing: asked once every claim
/// has been seen.
pub(super) fn check_source_cited(cx: &mut Ctx, f: usize, sp: &Path, s: &Source) {
    if !cx.cited_sources.contains(s.id.as_str()) {
        cx.warning(
            f,
            sp.field("id"),
            format!("source \"{}\" is not cited by any claim", s.id),
        );
    }
}
