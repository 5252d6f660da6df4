//! A claim's figures: a number, a range or none, whose people, what was counted, and as of
//! when. Format 1 needs one `count`; the rest is format 2.

use chrono::FixedOffset;

use super::ctx::{Ctx, Kind};
use crate::load::locate::Path;
use crate::model::{Figure, parse_instant};

pub(super) fn check_figure(cx: &mut Ctx, f: usize, fp: &Path, fig: &Figure, offset: FixedOffset) {
    format_2_fields(cx, f, fp, fig);
    if fig.count.is_some() && fig.more.best.is_some() {
        cx.error(
            f,
            fp.field("best"),
            "give `count` or `best`, not both: they are the same number",
        );
    }
    // The range must hold the best estimate: low ≤ best ≤ high.
    let best = fig.best();
    let best_field = if fig.more.best.is_some() {
        "best"
    } else {
        "count"
    };
    if let (Some(low), Some(high)) = (fig.more.low, fig.more.high)
        && low > high
    {
        cx.error(
            f,
            fp.field("low"),
            format!("low ({low}) is above high ({high})"),
        );
    }
    if let (Some(low), Some(b)) = (fig.more.low, best)
        && low > b
    {
        cx.error(
            f,
            fp.field("low"),
            format!("low ({low}) is above the {best_field} ({b})"),
        );
    }
    if let (Some(high), Some(b)) = (fig.more.high, best)
        && b > high
    {
        cx.error(
            f,
            fp.field("high"),
            format!("high ({high}) is below the {best_field} ({b})"),
        );
    }
    if fig.whose.is_some() && fig.more.of.is_some() {
        cx.error(
            f,
            fp.field("of"),
            "give `whose` (one party) or `of` (several, or none), not both",
        );
    }
    if let Some(w) = &fig.whose {
        cx.refer(Kind::Party, f, || fp.field("whose"), w);
    }
    for (k, id) in fig.more.of.iter().flatten().enumerate() {
        cx.refer(Kind::Party, f, || fp.field("of").index(k), id);
    }
    if let Some(a) = &fig.more.counted_by {
        cx.refer(Kind::Actor, f, || fp.field("counted_by"), a);
    }
    match (&fig.more.unit, fig.measure.counts_things()) {
        (None, true) => cx.error(
            f,
            fp.field("measure"),
            format!(
                "{:?} needs a `unit` saying what is counted (\"tanks destroyed\")",
                fig.measure
            ),
        ),
        (Some(_), false) => cx.error(
            f,
            fp.field("unit"),
            format!(
                "a `unit` is for Equipment and Other; {:?} counts people",
                fig.measure
            ),
        ),
        (Some(unit), true) => cx.non_empty(f, || fp.field("unit"), unit, "unit"),
        (None, false) => {}
    }
    if let Some(at) = &fig.more.as_of
        && let Err(e) = parse_instant(at, offset)
    {
        cx.error(f, fp.field("as_of"), e.to_string());
    }
}

/// Every format-2 part of a figure, each an error in a format-1 file.
fn format_2_fields(cx: &mut Ctx, f: usize, fp: &Path, fig: &Figure) {
    let fields = [
        ("best", fig.more.best.is_some()),
        ("low", fig.more.low.is_some()),
        ("high", fig.more.high.is_some()),
        ("of", fig.more.of.is_some()),
        ("unit", fig.more.unit.is_some()),
        ("as_of", fig.more.as_of.is_some()),
    ];
    for (field, given) in fields {
        if given {
            cx.format_2(f, fp.field(field), field);
        }
    }
    if !fig.measure.in_format_1() {
        cx.format_2(f, fp.field("measure"), &format!("{:?}", fig.measure));
    }
    if fig.count.is_none()
        && fig.more.best.is_none()
        && fig.more.low.is_none()
        && fig.more.high.is_none()
    {
        // Format 1 needs its one number; format 2 reads this as losses with no number.
        cx.format_2(f, *fp, "a figure with no number");
    }
}
