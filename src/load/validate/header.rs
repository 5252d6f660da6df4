//! A file's first lines: the format version it is written in, and its dataset header (title,
//! description, curator, licence, notes, and the UTC offset its times are read in).

use chrono::FixedOffset;

use super::ctx::Ctx;
use crate::load::locate::Path;
use crate::model::{DatasetFile, FORMAT_VERSION, parse_offset, utc};

/// Checks the format and the header; returns the offset for the file's times written without
/// one (UTC when it is absent or wrong, so the rest of the file can still be checked).
pub(super) fn check_header(cx: &mut Ctx, f: usize, root: &Path, file: &DatasetFile) -> FixedOffset {
    if file.format != FORMAT_VERSION {
        cx.error(
            f,
            root.field("format"),
            format!(
                "unsupported format {}: this version of Claimline reads format {FORMAT_VERSION}",
                file.format
            ),
        );
    }
    let h = root.field("dataset");
    let d = &file.dataset;
    cx.non_empty(f, || h.field("title"), &d.title, "title");
    cx.non_empty(f, || h.field("description"), &d.description, "description");
    cx.non_empty(f, || h.field("curator"), &d.curator, "curator");
    cx.non_empty(f, || h.field("licence"), &d.licence, "licence");
    if let Some(notes) = &d.notes {
        cx.not_too_long(f, || h.field("notes"), notes, "notes");
    }
    match d.utc_offset.as_deref().map(parse_offset) {
        None => utc(),
        Some(Ok(o)) => o,
        Some(Err(e)) => {
            cx.error(f, h.field("utc_offset"), e.to_string());
            utc()
        }
    }
}
