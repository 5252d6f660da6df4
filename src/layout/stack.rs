//! Keeping a dense timeline readable, in screen pixels: markers that would overlap within a
//! lane are stacked into rows; when the rows are full the rest gather into counted clusters,
//! drawn as badges over runs of nearby markers; labels are placed greedily, by priority, only where they overlap nothing already placed.

/// An axis-aligned box in screen pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bx {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Bx {
    pub fn overlaps(&self, o: &Bx) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// Where one item of a lane ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Drawn in this row of the lane (0 = top).
    Row(usize),
    /// Hidden in this cluster (an index into [`Stacked::clusters`]).
    Cluster(usize),
}

/// Items that could not get a row, drawn as one badge with their count.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub x0: f32,
    pub x1: f32,
    /// The row the badge sits in.
    pub row: usize,
    /// Indices into the items given to [`stack`].
    pub members: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stacked {
    pub slots: Vec<Slot>,
    pub clusters: Vec<Cluster>,
    /// Rows in use, badges included.
    pub rows: usize,
}

/// Stacks items, each a horizontal extent `(x0, x1)` in pixels, into at most `max_rows` rows
/// with `gap` pixels between neighbours. If they do not all fit, the last row holds cluster
/// badges (each at least `badge_w` wide) for the items that did not get a row of their own.
pub fn stack(items: &[(f32, f32)], max_rows: usize, gap: f32, badge_w: f32) -> Stacked {
    let max_rows = max_rows.max(1);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].0.total_cmp(&items[b].0));
    if let Some(s) = try_rows(items, &order, max_rows, gap) {
        return s;
    }
    if max_rows == 1 {
        return runs_in_one_row(items, &order, gap, badge_w);
    }
    // Overflow: one row fewer for items, the last row for badges.
    let item_rows = max_rows - 1;
    let mut row_end = vec![f32::NEG_INFINITY; item_rows];
    let mut slots = vec![Slot::Row(0); items.len()];
    let mut clusters: Vec<Cluster> = Vec::new();
    for &i in &order {
        let (x0, x1) = items[i];
        if let Some(r) = row_end.iter().position(|&end| end + gap <= x0) {
            row_end[r] = x1;
            slots[i] = Slot::Row(r);
            continue;
        }
        match clusters.last_mut() {
            Some(c) if c.x1 + gap > x0 => {
                c.x1 = c.x1.max(x1);
                c.members.push(i);
            }
            _ => clusters.push(Cluster {
                x0,
                x1: x1.max(x0 + badge_w),
                row: item_rows,
                members: vec![i],
            }),
        }
        slots[i] = Slot::Cluster(clusters.len() - 1);
    }
    // A badge for one hidden item would say "+1" where the item itself fits: draw the item.
    let mut kept = Vec::new();
    let mut renumber = vec![usize::MAX; clusters.len()];
    for (k, c) in clusters.into_iter().enumerate() {
        if let [only] = c.members[..] {
            slots[only] = Slot::Row(item_rows);
        } else {
            renumber[k] = kept.len();
            kept.push(c);
        }
    }
    for s in &mut slots {
        if let Slot::Cluster(k) = s {
            *k = renumber[*k];
        }
    }
    Stacked {
        slots,
        clusters: kept,
        rows: max_rows,
    }
}

/// With room for one row only: each run of overlapping items is either its one item or, when
/// there are several, one badge counting them all.
fn runs_in_one_row(items: &[(f32, f32)], order: &[usize], gap: f32, badge_w: f32) -> Stacked {
    let mut runs: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for &i in order {
        let (x0, x1) = items[i];
        match runs.last_mut() {
            Some((_, end, members)) if *end + gap > x0 => {
                *end = end.max(x1);
                members.push(i);
            }
            _ => runs.push((x0, x1, vec![i])),
        }
    }
    let mut slots = vec![Slot::Row(0); items.len()];
    let mut clusters = Vec::new();
    for (x0, x1, members) in runs {
        if members.len() > 1 {
            for &m in &members {
                slots[m] = Slot::Cluster(clusters.len());
            }
            clusters.push(Cluster {
                x0,
                x1: x1.max(x0 + badge_w),
                row: 0,
                members,
            });
        }
    }
    Stacked {
        slots,
        clusters,
        rows: 1,
    }
}

fn try_rows(items: &[(f32, f32)], order: &[usize], rows: usize, gap: f32) -> Option<Stacked> {
    let mut row_end: Vec<f32> = Vec::new();
    let mut slots = vec![Slot::Row(0); items.len()];
    for &i in order {
        let (x0, x1) = items[i];
        let r = match row_end.iter().position(|&end| end + gap <= x0) {
            Some(r) => r,
            None if row_end.len() < rows => {
                row_end.push(f32::NEG_INFINITY);
                row_end.len() - 1
            }
            None => return None,
        };
        row_end[r] = x1;
        slots[i] = Slot::Row(r);
    }
    Some(Stacked {
        slots,
        clusters: Vec::new(),
        rows: row_end.len().max(1),
    })
}

/// How many rows `items` need, stacked with `gap` pixels between neighbours, with no limit.
pub fn rows_needed(items: &[(f32, f32)], gap: f32) -> usize {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].0.total_cmp(&items[b].0));
    try_rows(items, &order, usize::MAX, gap).map_or(1, |s| s.rows)
}

/// Shares `total` rows among lanes that want `wanted[k]` rows each (every lane at least one).
/// When there is room for all, each lane gets what it wants; else the lanes wanting least are
/// served whole first and the crowded ones share the rest evenly, so a quiet lane keeps its
/// titles and a crowded one is what falls back to markers alone.
pub fn share_rows(wanted: &[usize], total: usize) -> Vec<usize> {
    let wanted: Vec<usize> = wanted.iter().map(|&w| w.max(1)).collect();
    let total = total.max(wanted.len());
    if wanted.iter().sum::<usize>() <= total {
        return wanted;
    }
    // The highest level every lane can be filled to, then one more row each for the first
    // lanes still short, while rows are left.
    let filled = |level: usize| wanted.iter().map(|&w| w.min(level)).sum::<usize>();
    let mut level = 1;
    while filled(level + 1) <= total {
        level += 1;
    }
    let mut rows: Vec<usize> = wanted.iter().map(|&w| w.min(level)).collect();
    let mut left = total - filled(level);
    for (r, &w) in rows.iter_mut().zip(&wanted) {
        if left > 0 && w > *r {
            *r += 1;
            left -= 1;
        }
    }
    rows
}

/// Pixels between a marker's edge and its title.
pub const TITLE_GAP: f32 = 5.0;
/// Pixels after a title, so that the next marker in its row does not touch it.
pub const TITLE_PAD: f32 = 4.0;

/// Where a title `width` pixels wide goes beside a marker of radius `r` centred at `x`: to its
/// right, or to its left when it would run past `right_edge` (an event near the end of the
/// view keeps its title).
pub fn title_span(x: f32, r: f32, width: f32, right_edge: f32) -> (f32, f32) {
    let x0 = x + r + TITLE_GAP;
    if x0 + width + TITLE_PAD <= right_edge {
        (x0, x0 + width + TITLE_PAD)
    } else {
        let x1 = x - r - TITLE_GAP;
        (x1 - width - TITLE_PAD, x1)
    }
}

/// How far apart (in pixels) two hidden markers may be and still share one badge.
pub const RUN_GAP: f32 = 30.0;
/// How far a badge reaches beyond the first and last marker it counts.
pub const BADGE_PAD: f32 = 12.0;
/// The narrowest badge, wide enough for its count.
pub const BADGE_W: f32 = 26.0;

/// A badge over a run of hidden markers: its extent, and the items it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct BadgeRun<T> {
    pub x0: f32,
    pub x1: f32,
    pub items: Vec<T>,
}

/// What one cluster shows: the items drawn after all, and the badges for the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterRuns<T> {
    pub shown: Vec<T>,
    pub badges: Vec<BadgeRun<T>>,
}

/// Splits a cluster's members, each `(x, item)` at its marker's centre, into badges: badges
/// sit over the hidden markers, not their spans, one per run of markers less than
/// [`RUN_GAP`] apart. A marker alone in its run is shown rather than counted, and so is
/// `pinned` (the selection), which is shown first, even inside a run.
pub fn cluster_runs<T: Copy + PartialEq>(
    mut members: Vec<(f32, T)>,
    pinned: Option<T>,
) -> ClusterRuns<T> {
    members.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut shown = Vec::new();
    if let Some(pos) = members.iter().position(|m| Some(m.1) == pinned) {
        shown.push(members.remove(pos).1);
    }
    let mut badges = Vec::new();
    for run in members.chunk_by(|a, b| b.0 - a.0 < RUN_GAP) {
        if let [(_, item)] = run {
            shown.push(*item);
            continue;
        }
        let (x0, x1) = (run[0].0 - BADGE_PAD, run[run.len() - 1].0 + BADGE_PAD);
        badges.push(BadgeRun {
            x0,
            x1: x1.max(x0 + BADGE_W),
            items: run.iter().map(|m| m.1).collect(),
        });
    }
    ClusterRuns { shown, badges }
}

/// Chooses which labels to draw. `labels` are in priority order (most important first); a
/// label is kept when it lies within `bounds` and overlaps neither a label kept before it nor
/// any of the `obstacles` (other markers). Returns one flag per label.
pub fn place_labels(labels: &[Bx], obstacles: &[Bx], bounds: Bx) -> Vec<bool> {
    let mut kept: Vec<Bx> = Vec::new();
    labels
        .iter()
        .map(|l| {
            let inside =
                l.x0 >= bounds.x0 && l.x1 <= bounds.x1 && l.y0 >= bounds.y0 && l.y1 <= bounds.y1;
            let ok = inside
                && !kept.iter().any(|k| k.overlaps(l))
                && !obstacles.iter().any(|o| o.overlaps(l));
            if ok {
                kept.push(*l);
            }
            ok
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bx(x0: f32, y0: f32, x1: f32, y1: f32) -> Bx {
        Bx { x0, y0, x1, y1 }
    }

    #[test]
    fn apart_items_share_one_row() {
        let s = stack(&[(0.0, 10.0), (20.0, 30.0), (40.0, 50.0)], 3, 2.0, 20.0);
        assert_eq!(s.slots, [Slot::Row(0); 3]);
        assert_eq!(s.rows, 1);
        assert!(s.clusters.is_empty());
    }

    #[test]
    fn overlapping_items_stack_into_rows_in_time_order() {
        // Given out of order: stacking follows x, not input order.
        let s = stack(&[(5.0, 15.0), (0.0, 10.0), (8.0, 18.0)], 3, 2.0, 20.0);
        assert_eq!(s.slots, [Slot::Row(1), Slot::Row(0), Slot::Row(2)]);
        assert_eq!(s.rows, 3);
    }

    #[test]
    fn overflow_gathers_into_counted_clusters_on_the_last_row() {
        let items: Vec<(f32, f32)> = (0..10).map(|i| (i as f32, i as f32 + 10.0)).collect();
        let s = stack(&items, 3, 2.0, 20.0);
        assert_eq!(s.rows, 3);
        let in_rows = s.slots.iter().filter(|s| matches!(s, Slot::Row(_))).count();
        let in_clusters: usize = s.clusters.iter().map(|c| c.members.len()).sum();
        assert_eq!(in_rows + in_clusters, 10, "every item is drawn or counted");
        assert!(
            s.slots
                .iter()
                .all(|s| !matches!(s, Slot::Row(r) if *r >= 2))
        );
        assert!(s.clusters.iter().all(|c| c.row == 2));
        // No two drawn items in a row overlap.
        for r in 0..2 {
            let mut row: Vec<(f32, f32)> = items
                .iter()
                .zip(&s.slots)
                .filter(|(_, s)| **s == Slot::Row(r))
                .map(|(i, _)| *i)
                .collect();
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(row.windows(2).all(|w| w[0].1 + 2.0 <= w[1].0));
        }
    }

    #[test]
    fn one_row_shows_lone_items_and_counts_runs() {
        let items = [(0.0, 10.0), (5.0, 15.0), (100.0, 110.0)];
        let s = stack(&items, 1, 2.0, 20.0);
        assert_eq!(s.slots[2], Slot::Row(0));
        assert_eq!(s.clusters.len(), 1);
        assert_eq!(s.clusters[0].members, [0, 1]);
        assert_eq!(s.slots[0], Slot::Cluster(0));
    }

    #[test]
    fn a_single_overflow_is_drawn_not_counted() {
        // Two rows: the first three overlap (one row of items, B and C counted), then D fits
        // the item row and E alone overflows: E is drawn in the badge row, not as "+1".
        let items = [
            (0.0, 10.0),
            (1.0, 11.0),
            (2.0, 12.0),
            (30.0, 40.0),
            (31.0, 41.0),
        ];
        let s = stack(&items, 2, 2.0, 20.0);
        assert_eq!(s.clusters.len(), 1);
        assert_eq!(s.clusters[0].members, [1, 2]);
        assert_eq!(s.slots[3], Slot::Row(0));
        assert_eq!(s.slots[4], Slot::Row(1));
        assert_eq!(s.slots[1], Slot::Cluster(0));
    }

    #[test]
    fn far_apart_overflows_make_separate_clusters() {
        let mut items: Vec<(f32, f32)> = (0..4).map(|i| (i as f32, i as f32 + 5.0)).collect();
        items.extend((0..4).map(|i| (500.0 + i as f32, 505.0 + i as f32)));
        let s = stack(&items, 2, 1.0, 20.0);
        assert_eq!(s.clusters.len(), 2);
        assert!(s.clusters[0].x1 < s.clusters[1].x0);
    }

    #[test]
    fn cluster_runs_count_close_markers_and_show_lone_ones_and_the_selection() {
        // Given out of order: runs follow x. 0, 10 and 35 are one run (each step under 30),
        // 100 is alone, 200 and 205 are a run that holds the selection.
        let members = vec![
            (35.0, 'c'),
            (0.0, 'a'),
            (10.0, 'b'),
            (100.0, 'd'),
            (205.0, 'f'),
        ];
        let mut with_pinned = members.clone();
        with_pinned.push((200.0, 'e'));
        let runs = cluster_runs(with_pinned, Some('e'));
        assert_eq!(runs.shown, ['e', 'd', 'f']);
        assert_eq!(
            runs.badges,
            [BadgeRun {
                x0: -12.0,
                x1: 47.0,
                items: vec!['a', 'b', 'c'],
            }]
        );
        // Without the selection, 200 and 205 are counted, in a badge at least BADGE_W wide.
        let mut all = members;
        all.push((200.0, 'e'));
        let runs = cluster_runs(all, None);
        assert_eq!(runs.shown, ['d']);
        assert_eq!(runs.badges[1].items, ['e', 'f']);
        assert_eq!((runs.badges[1].x0, runs.badges[1].x1), (188.0, 217.0));
        let narrow = cluster_runs(vec![(50.0, 1), (51.0, 2)], None);
        assert_eq!(narrow.badges[0].x1 - narrow.badges[0].x0, BADGE_W);
    }

    #[test]
    fn rows_needed_counts_the_deepest_overlap() {
        assert_eq!(rows_needed(&[], 2.0), 1);
        assert_eq!(rows_needed(&[(0.0, 10.0), (20.0, 30.0)], 2.0), 1);
        // The gap counts: 10 + 2 > 11.
        assert_eq!(rows_needed(&[(0.0, 10.0), (11.0, 20.0)], 2.0), 2);
        assert_eq!(
            rows_needed(
                &[(0.0, 100.0), (10.0, 20.0), (30.0, 40.0), (50.0, 60.0)],
                2.0
            ),
            2
        );
        assert_eq!(rows_needed(&[(0.0, 9.0), (1.0, 9.0), (2.0, 9.0)], 2.0), 3);
    }

    #[test]
    fn rows_are_shared_so_quiet_lanes_keep_what_they_want() {
        // Room for all: each lane gets what it wants, at least one.
        assert_eq!(share_rows(&[2, 0, 3], 10), [2, 1, 3]);
        // Short: the quiet lanes whole, the crowded ones share the rest evenly.
        assert_eq!(share_rows(&[1, 8, 2], 7), [1, 4, 2]);
        assert_eq!(share_rows(&[6, 6, 6], 10), [4, 3, 3]);
        // Never below one row a lane, even with no room at all.
        assert_eq!(share_rows(&[5, 5], 0), [1, 1]);
        for (wanted, total) in [(vec![3, 9, 1, 4], 9), (vec![7, 7], 13), (vec![1; 5], 3)] {
            let rows = share_rows(&wanted, total);
            assert_eq!(rows.iter().sum::<usize>(), total.max(wanted.len()));
            assert!(rows.iter().zip(&wanted).all(|(r, w)| r <= &(*w).max(1)));
        }
    }

    #[test]
    fn a_title_goes_right_of_its_marker_unless_it_would_run_off_the_view() {
        assert_eq!(title_span(100.0, 6.0, 50.0, 1000.0), (111.0, 165.0));
        // Near the right edge: left of the marker, ending a gap before it.
        assert_eq!(title_span(980.0, 6.0, 50.0, 1000.0), (915.0, 969.0));
    }

    #[test]
    fn labels_never_overlap_each_other_or_markers() {
        let bounds = bx(0.0, 0.0, 300.0, 100.0);
        let labels = [
            bx(10.0, 0.0, 110.0, 12.0),
            bx(50.0, 0.0, 150.0, 12.0),  // overlaps the first
            bx(120.0, 0.0, 220.0, 12.0), // free
            bx(250.0, 0.0, 350.0, 12.0), // out of bounds
            bx(10.0, 20.0, 60.0, 32.0),  // on a marker
        ];
        let markers = [bx(30.0, 22.0, 40.0, 30.0)];
        assert_eq!(
            place_labels(&labels, &markers, bounds),
            [true, false, true, false, false]
        );
    }
}
