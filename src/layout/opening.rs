//! The stretch of time a first view shows: the story, not the whole record. A dataset about a
//! week of fighting that also holds a few background events decades earlier would otherwise
//! open on thirty years with everything squeezed against one edge. "All" stays one click away.
//! Found from the events' starts in one pass over a sorted list.

use crate::model::TimeSpan;

const DAY: i64 = 86_400;

/// The share of the events a first view shows at least.
const MOST: f64 = 0.6;

/// A first view narrows to where most events are only when that is at most this share of the
/// whole record's time: an evenly spread record opens whole.
const NARROWER_THAN: f64 = 1.0 / 3.0;

/// The range to open on, in UTC seconds: the dataset's declared focus if it has one, else
/// the shortest stretch that holds most of `spans` (the events shown), when that is much
/// shorter than the whole; else the whole. `None` when there is nothing.
pub fn opening_range(focus: Option<(i64, i64)>, spans: &[TimeSpan]) -> Option<(i64, i64)> {
    if let Some((a, b)) = focus
        && b > a
    {
        return Some((a, b));
    }
    let whole = (
        spans.iter().map(|s| s.start).min()?,
        spans.iter().map(|s| s.end).max()?,
    );
    let mut by_start: Vec<TimeSpan> = spans.to_vec();
    by_start.sort_by_key(|s| (s.start, s.end));
    let most = ((by_start.len() as f64 * MOST).ceil() as usize).clamp(1, by_start.len());
    // The run of `most` events (by start) that starts and ends closest together.
    let first = (0..=by_start.len() - most)
        .min_by_key(|&i| by_start[i + most - 1].start - by_start[i].start)
        .unwrap_or(0);
    // Then the events close by on either side, so that the stretch does not cut a story's
    // first or last day: each next event within half the first stretch's width of the one
    // before (a reach that does not grow, so it cannot creep over a long, thin tail).
    let (mut lo, mut hi) = (first, first + most);
    let reach = ((by_start[hi - 1].start - by_start[lo].start) / 2).max(DAY);
    loop {
        if lo > 0 && by_start[lo].start - by_start[lo - 1].start <= reach {
            lo -= 1;
        } else if hi < by_start.len() && by_start[hi].start - by_start[hi - 1].start <= reach {
            hi += 1;
        } else {
            break;
        }
    }
    let kept = &by_start[lo..hi];
    let (start, last_start) = (kept[0].start, kept[kept.len() - 1].start);
    let width = last_start - start;
    // Events longer than the stretch itself and than a week (background years, say) do not
    // widen it; shorter ones are shown whole.
    let end = (kept.iter())
        .filter(|s| s.end - s.start <= width.max(7 * DAY))
        .map(|s| s.end)
        .max()
        .unwrap_or(last_start)
        .max(last_start);
    let narrow = (end - start) as f64 <= (whole.1 - whole.0) as f64 * NARROWER_THAN;
    Some(if narrow && end > start {
        (start, end)
    } else {
        whole
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: i64) -> TimeSpan {
        TimeSpan {
            start: d * DAY,
            end: (d + 1) * DAY,
        }
    }

    #[test]
    fn a_few_background_events_decades_earlier_are_left_out() {
        // 1994, two in 2020, then thirty events over nine days of September 2022.
        let sept_12_2022 = 19_247;
        let mut spans = vec![day(8_800), day(18_500), day(18_560)];
        spans.extend((0..30).map(|i| day(sept_12_2022 + i % 9)));
        assert_eq!(
            opening_range(None, &spans),
            Some((sept_12_2022 * DAY, (sept_12_2022 + 9) * DAY))
        );
    }

    #[test]
    fn an_evenly_spread_record_opens_whole() {
        let spans: Vec<TimeSpan> = (0..1_000).map(|i| day(i * 3)).collect();
        assert_eq!(opening_range(None, &spans), Some((0, 2_998 * DAY)));
    }

    #[test]
    fn two_stories_of_about_one_size_are_both_shown() {
        // Two clusters far apart, 45 and 55 events: neither holds most, both are shown.
        let mut spans: Vec<TimeSpan> = (0..45).map(|i| day(i % 9)).collect();
        spans.extend((0..55).map(|i| day(5_000 + i % 11)));
        assert_eq!(opening_range(None, &spans), Some((0, 5_011 * DAY)));
    }

    #[test]
    fn the_last_events_are_shown_to_their_end() {
        let two_days = TimeSpan {
            start: DAY,
            end: 3 * DAY,
        };
        assert_eq!(opening_range(None, &[day(0), two_days]), Some((0, 3 * DAY)));
    }

    #[test]
    fn a_declared_focus_comes_first() {
        let spans = vec![day(0), day(10)];
        assert_eq!(
            opening_range(Some((3 * DAY, 5 * DAY)), &spans),
            Some((3 * DAY, 5 * DAY))
        );
        assert_eq!(opening_range(None, &[]), None);
    }
}
#[cfg(test)]
mod bundled {
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_bundled_dataset_opens_on_its_days_of_september_2022() {
        // It holds events of 1994 and 2020 as background; the first view leaves them out.
        let cat = crate::query::Catalog::new(crate::load::load_bundled().dataset.unwrap());
        let spans: Vec<_> = cat.index.events.iter().map(|e| e.span).collect();
        let whole = spans.iter().map(|s| s.start).min().unwrap();
        let (a, b) = super::opening_range(cat.dataset.focus(), &spans).unwrap();
        let sept = |d| {
            Utc.with_ymd_and_hms(2022, 9, d, 0, 0, 0)
                .unwrap()
                .timestamp()
        };
        assert!(whole < sept(1) - 365 * 86_400);
        assert!(a >= sept(10) && a <= sept(12), "opens {a}");
        assert!(b >= sept(15) && b <= sept(30), "ends {b}");
    }
}
