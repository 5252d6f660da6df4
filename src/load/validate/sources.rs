//! Sources: the outlet, language and date of each published text claims are taken from, the
//! channels it relays, when it was published, the curator's note on it, and whether any claim
//! cites it.

use chrono::FixedOffset;

use super::ctx::Ctx;
use crate::load::locate::Path;
use crate::model::{Granularity, Source, When, parse_instant};

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
    check_via(cx, f, sp, s);
    check_published(cx, f, sp, s, offset);
    if let Some(note) = &s.note {
        cx.format_2(f, sp.field("note"), "note");
        cx.non_empty(f, || sp.field("note"), note, "note");
        cx.neutral(f, || sp.field("note"), note, "note");
    }
}

/// The relay chain: every entry named, and none the outlet itself (which the chain already
/// ends with: "Lantern Wire via Lantern Wire" says nothing).
fn check_via(cx: &mut Ctx, f: usize, sp: &Path, s: &Source) {
    if s.via.is_empty() {
        return;
    }
    cx.format_2(f, sp.field("via"), "via");
    for (k, relay) in s.via.iter().enumerate() {
        let rp = || sp.field("via").index(k);
        cx.non_empty(f, rp, relay, "via entry");
        if relay.trim() == s.outlet.trim() && !relay.trim().is_empty() {
            cx.warning(
                f,
                rp(),
                format!("via names the outlet \"{relay}\" again: list only the channels it relays"),
            );
        }
    }
}

/// A publication time that reads, and agrees with `date` when both are given.
fn check_published(cx: &mut Ctx, f: usize, sp: &Path, s: &Source, offset: FixedOffset) {
    let Some(published) = &s.published else {
        return;
    };
    let pp = sp.field("published");
    cx.format_2(f, pp, "published");
    let range = match published.range(offset) {
        Ok(range) => range,
        Err(e) => {
            let at = e.field.map_or(pp, |field| pp.field(field));
            cx.error(f, at, e.message);
            return;
        }
    };
    // A `date` that does not parse has its own error already.
    if let Some(date) = &s.date
        && let Ok(day) = When::span_as_written(date, offset)
        && !range.overlaps(day)
    {
        cx.warning(
            f,
            pp,
            format!(
                "published and date \"{date}\" disagree (published reads \"{}\"): correct \
                 one, or leave out `date`",
                published.describe(offset, offset)
            ),
        );
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
