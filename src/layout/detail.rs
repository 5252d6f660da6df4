//! Level of detail on the timeline. Zoomed out, a lane holding more events than it has room
//! for shows a density strip (events per time bucket) instead of markers; zooming in, markers
//! appear (stacked, with counted clusters where they still crowd), and then their labels. The
//! choice is made per lane and per frame from how many of its events are in view, so it needs
//! no state and switches at the same zoom whichever way the user goes.

use super::lanes::Lane;
use crate::query::Index;

/// What a lane draws at the current zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// Counts per bucket.
    Density,
    /// Markers, stacked, with clusters; no labels.
    Markers,
    /// Markers with their titles where they fit.
    Labels,
}

/// Above this many events per pixel of lane width, markers would be a smear: show density.
pub const DENSITY_ABOVE_PER_PX: f32 = 0.25;
/// At or below this many events per pixel, titles are worth placing (about one per 20 px).
pub const LABELS_UPTO_PER_PX: f32 = 1.0 / 20.0;
/// Width of one density bucket, in pixels.
pub const BUCKET_PX: f32 = 4.0;

/// The detail for `visible` events in a lane `width_px` wide.
pub fn detail(visible: usize, width_px: f32) -> Detail {
    let per_px = visible as f32 / width_px.max(1.0);
    if per_px > DENSITY_ABOVE_PER_PX {
        Detail::Density
    } else if per_px <= LABELS_UPTO_PER_PX {
        Detail::Labels
    } else {
        Detail::Markers
    }
}

/// How many events start in each of `buckets` equal slices of `[t0, t1)`: one binary search
/// per bucket edge, so the cost does not grow with the number of events.
pub fn bucket_counts(lane: &Lane, index: &Index, t0: f64, t1: f64, buckets: usize) -> Vec<usize> {
    let edge = |k: usize| (t0 + (t1 - t0) * k as f64 / buckets as f64).floor() as i64;
    (0..buckets)
        .map(|k| lane.count_starting_in(index, edge(k), edge(k + 1)))
        .collect()
}

/// The time slice of bucket `k`.
pub fn bucket_range(t0: f64, t1: f64, buckets: usize, k: usize) -> (f64, f64) {
    let w = (t1 - t0) / buckets as f64;
    (t0 + w * k as f64, t0 + w * (k + 1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::generate::{Spec, dataset};
    use crate::layout::lanes::{LaneMode, lanes};
    use crate::query::{Catalog, FilterState, Query};

    #[test]
    fn detail_grows_as_fewer_events_are_in_view() {
        assert_eq!(detail(100_000, 1000.0), Detail::Density);
        assert_eq!(detail(251, 1000.0), Detail::Density);
        assert_eq!(detail(250, 1000.0), Detail::Markers);
        assert_eq!(detail(51, 1000.0), Detail::Markers);
        assert_eq!(detail(50, 1000.0), Detail::Labels);
        assert_eq!(detail(0, 0.0), Detail::Labels);
        // Monotonic: more events never mean more detail.
        let levels: Vec<Detail> = (0..2000).map(|n| detail(n, 800.0)).collect();
        assert!(levels.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn bucket_counts_add_up_to_the_filtered_events_of_each_lane() {
        let cat = Catalog::new(dataset(Spec {
            events: 5_000,
            seed: 3,
        }));
        let filter = FilterState {
            contested_only: true,
            ..Default::default()
        };
        let q = Query::run(&cat.index, &filter);
        let ext = cat.index.extent.unwrap();
        for mode in LaneMode::ALL {
            for lane in lanes(&cat.dataset, &cat.index, mode, &q.events) {
                for buckets in [1, 7, 300] {
                    let counts = bucket_counts(
                        &lane,
                        &cat.index,
                        ext.start as f64,
                        ext.end as f64 + 1.0,
                        buckets,
                    );
                    assert_eq!(counts.len(), buckets);
                    assert_eq!(counts.iter().sum::<usize>(), lane.count, "{}", lane.label);
                }
                // A bucket's count is the number of its events starting in its slice.
                let (t0, t1) = (ext.start as f64, ext.end as f64 + 1.0);
                let counts = bucket_counts(&lane, &cat.index, t0, t1, 50);
                for (k, &c) in counts.iter().enumerate() {
                    let (a, b) = bucket_range(t0, t1, 50, k);
                    let naive = (lane.events())
                        .map(|e| cat.index.starts[e])
                        .filter(|&s| s >= a.floor() as i64 && s < b.floor() as i64)
                        .count();
                    assert_eq!(c, naive);
                }
            }
        }
    }

    #[test]
    fn the_visible_range_matches_a_scan() {
        let cat = Catalog::new(dataset(Spec {
            events: 3_000,
            seed: 4,
        }));
        let all = Query::run(&cat.index, &FilterState::default()).events;
        let ext = cat.index.extent.unwrap();
        for lane in lanes(&cat.dataset, &cat.index, LaneMode::Party, &all) {
            for k in 0..20 {
                let t0 = ext.start + (ext.end - ext.start) / 20 * k;
                let t1 = t0 + 86_400 * (k + 1);
                let fast = lane.visible(&cat.index, t0, t1);
                assert_eq!(lane.visible_count(&cat.index, t0, t1), fast.len());
                let slow: Vec<usize> = (lane.events())
                    .filter(|&e| {
                        let s = cat.index.events[e].span;
                        s.end >= t0 && s.start <= t1
                    })
                    .collect();
                assert_eq!(fast, slow);
            }
        }
    }
}
