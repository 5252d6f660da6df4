//! Events of different files that may tell of one happening: on the same calendar day, at the
//! same place or places at most [`SAME_PLACE_KM`] apart. An imported export and a curated
//! file often both hold a day's shelling of a village; the claim panels offer each as
//! "possibly the same happening" of the other and leave them apart, for the reader to judge.
//! Found once per load by bucketing events by (day, place), never by comparing every pair.

use std::collections::HashMap;

use crate::geo::{SAME_PLACE_KM, pairs_within_km};
use crate::model::{Dataset, TimeSpan};

/// An event spanning more calendar days than this (one known only to the month or the year,
/// say) has no day to share with another.
pub const MAX_DAYS: i64 = 7;

const DAY: i64 = 86_400;

/// Every (event, event of another file) that share a calendar day and a place, both ways,
/// sorted. `spans` are the events' resolved spans, by event index.
pub(super) fn possible_matches(
    ds: &Dataset,
    spans: &[TimeSpan],
    place_pos: &HashMap<String, usize>,
) -> Vec<(u32, u32)> {
    let near = places_near(ds);
    // Each event's calendar days (in its own file's offset) and places, where it has both.
    let mut at: Vec<(u32, i64, i64, Vec<usize>)> = Vec::new();
    for (ei, (e, span)) in ds.events.iter().zip(spans).enumerate() {
        let Some((first, last)) = days(span, ds.offset_of(e).local_minus_utc()) else {
            continue;
        };
        // The event's places and those its claims name (where a claim says the fire came
        // from, say).
        let mut places: Vec<usize> = (e.places.iter())
            .chain(e.claims.iter().flat_map(|c| &c.more.places))
            .filter_map(|p| place_pos.get(p.as_str()))
            .copied()
            .collect();
        places.sort_unstable();
        places.dedup();
        if !places.is_empty() {
            at.push((ei as u32, first, last, places));
        }
    }
    // (day, place, event), sorted: the events at a place on a day are one run.
    let mut buckets: Vec<(i64, u32, u32)> = Vec::new();
    for (ei, first, last, places) in &at {
        for day in *first..=*last {
            buckets.extend(places.iter().map(|&p| (day, p as u32, *ei)));
        }
    }
    buckets.sort_unstable();
    buckets.dedup();
    let mut pairs = Vec::new();
    for (ei, first, last, places) in &at {
        let file = ds.events[*ei as usize].file;
        for day in *first..=*last {
            for q in places.iter().flat_map(|&p| &near[p]) {
                let from = buckets.partition_point(|b| (b.0, b.1) < (day, *q));
                let run = buckets[from..]
                    .iter()
                    .take_while(|b| (b.0, b.1) == (day, *q));
                for &(_, _, other) in run {
                    if ds.events[other as usize].file != file {
                        pairs.push((*ei, other));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The first and last calendar day a span touches, as days since 1970-01-01 on the wall clock
/// `offset` seconds east of UTC; `None` for a span of more than [`MAX_DAYS`] days.
fn days(span: &TimeSpan, offset: i32) -> Option<(i64, i64)> {
    let offset = i64::from(offset);
    // A span ends where the next begins: its last moment is a second earlier.
    let last_moment = (span.end - 1).max(span.start);
    let first = (span.start + offset).div_euclid(DAY);
    let last = (last_moment + offset).div_euclid(DAY);
    (last - first < MAX_DAYS).then_some((first, last))
}

/// For each place (by index), itself and every place at most [`SAME_PLACE_KM`] from it.
fn places_near(ds: &Dataset) -> Vec<Vec<u32>> {
    let mut near: Vec<Vec<u32>> = (0..ds.places.len() as u32).map(|p| vec![p]).collect();
    let located: Vec<usize> = (0..ds.places.len())
        .filter(|&p| ds.places[p].point().is_some())
        .collect();
    let points: Vec<_> = located
        .iter()
        .filter_map(|&p| ds.places[p].point())
        .collect();
    for (i, j, _) in pairs_within_km(&points, SAME_PLACE_KM) {
        let (a, b) = (located[i], located[j]);
        near[a].push(b as u32);
        near[b].push(a as u32);
    }
    near
}

#[cfg(test)]
mod tests {
    use super::{DAY, days};
    use crate::model::TimeSpan;

    #[test]
    fn a_day_is_one_day_in_its_own_offset() {
        let plus4 = 4 * 3600;
        // 13 September 2022, 00:00 to 24:00 at +04:00.
        let start = 19_248 * DAY - i64::from(plus4);
        let day = TimeSpan {
            start,
            end: start + DAY,
        };
        assert_eq!(days(&day, plus4), Some((19_248, 19_248)));
        // Read in UTC it touches two days.
        assert_eq!(days(&day, 0), Some((19_247, 19_248)));
        let instant = TimeSpan { start, end: start };
        assert_eq!(days(&instant, plus4), Some((19_248, 19_248)));
        let month = TimeSpan {
            start,
            end: start + 30 * DAY,
        };
        assert_eq!(days(&month, plus4), None);
    }
}
