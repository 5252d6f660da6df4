//! A file's first lines: the format version it is written in, and its dataset header (title,
//! description, curator, licence, notes, the UTC offset its times are read in, the parties
//! shown as claim columns, and the stretch of time a first view shows).

use chrono::FixedOffset;

use super::ctx::{Ctx, Kind};
use crate::load::locate::Path;
use crate::model::{
    DatasetFile, FORMAT_VERSION, MAX_COLUMNS, OLDEST_FORMAT, TimeRange, parse_instant,
    parse_offset, utc,
};

/// Checks the format and the header; returns the offset for the file's times written without
/// one (UTC when it is absent or wrong, so the rest of the file can still be checked). A tour
/// file (`tours_only`) has no header but its UTC offset.
pub(super) fn check_header(
    cx: &mut Ctx,
    (f, file, tours_only): (usize, &DatasetFile, bool),
    root: &Path,
) -> FixedOffset {
    if !(OLDEST_FORMAT..=FORMAT_VERSION).contains(&file.format) {
        cx.error(
            f,
            root.field("format"),
            format!(
                "unsupported format {}: this version of Claimline reads formats \
                 {OLDEST_FORMAT} to {FORMAT_VERSION}",
                file.format
            ),
        );
    }
    cx.formats.push(file.format);
    let h = if tours_only {
        *root
    } else {
        root.field("dataset")
    };
    let d = &file.dataset;
    let offset = match d.utc_offset.as_deref().map(parse_offset) {
        None => utc(),
        Some(Ok(o)) => o,
        Some(Err(e)) => {
            cx.error(f, h.field("utc_offset"), e.to_string());
            utc()
        }
    };
    if tours_only {
        return offset;
    }
    cx.non_empty(f, || h.field("title"), &d.title, "title");
    cx.non_empty(f, || h.field("description"), &d.description, "description");
    cx.non_empty(f, || h.field("curator"), &d.curator, "curator");
    cx.non_empty(f, || h.field("licence"), &d.licence, "licence");
    if let Some(notes) = &d.notes {
        cx.not_too_long(f, || h.field("notes"), notes, "notes");
    }
    if let Some(focus) = &d.focus {
        cx.format_2(f, h.field("focus"), "focus");
        check_time_range(cx, f, h.field("focus"), focus, offset, "focus");
    }
    offset
}

/// A range of two dates or times (a tour step's zoom, the header's focus) at `rp`: each
/// readable, and the end not before the start.
pub(super) fn check_time_range(
    cx: &mut Ctx,
    f: usize,
    rp: Path,
    range: &TimeRange,
    offset: FixedOffset,
    what: &str,
) {
    for (field, at) in [("from", &range.from), ("to", &range.to)] {
        if let Err(e) = parse_instant(at, offset) {
            cx.error(f, rp.field(field), e.to_string());
        }
    }
    if let (Ok(a), Ok(b)) = (
        parse_instant(&range.from, offset),
        parse_instant(&range.to, offset),
    ) && b.local < a.local
    {
        cx.error(
            f,
            rp.field("to"),
            format!(
                "{what} ends (\"{}\") before it starts (\"{}\")",
                range.to, range.from
            ),
        );
    }
}

/// The header's `columns`: known parties, each once, two to [`MAX_COLUMNS`] of them. Only
/// warnings, as the viewer copes with each (it leaves out what it cannot show), but the
/// curator would not see the columns they named. Asked once every file's parties are defined.
pub(super) fn check_columns<'a>(cx: &mut Ctx<'a>, f: usize, root: &Path, file: &'a DatasetFile) {
    if let Some(columns) = &file.dataset.columns {
        check_column_ids(cx, f, root.field("dataset").field("columns"), columns);
    }
}

/// A list of party ids shown as columns, the header's or a tour step's, at `cp`.
pub(super) fn check_column_ids(cx: &mut Ctx, f: usize, cp: Path, columns: &[String]) {
    let n = columns.len();
    if n < 2 {
        cx.warning(
            f,
            cp,
            format!(
                "columns name {n} of the 2 to {MAX_COLUMNS} parties shown side by side: \
                 the first two parties are shown instead"
            ),
        );
    } else if n > MAX_COLUMNS {
        cx.warning(
            f,
            cp,
            format!(
                "columns name {n} parties, more than the {MAX_COLUMNS} shown side by side: \
                 only the first {MAX_COLUMNS} are shown"
            ),
        );
    }
    for (i, id) in columns.iter().enumerate() {
        if columns[..i].contains(id) {
            cx.warning(
                f,
                cp.index(i),
                format!("party \"{id}\" is named twice in columns: name each party once"),
            );
        } else if let Some(unknown) = cx.unknown(Kind::Party, id) {
            cx.warning(
                f,
                cp.index(i),
                format!("columns name an {unknown}: that column is left out"),
            );
        }
    }
}
