//! The map's markers on screen: each place's disc sized by its events, capped so that a busy
//! place stays a marker and not a blob, and places whose discs would overlap at the current zoom
//! merged into one mark that carries their summed count. Computed in screen points every frame
//! (the merging depends on the zoom); a few hundred places cost well under a millisecond.

/// The largest marker radius, in points, whatever the count.
pub const MAX_RADIUS: f32 = 14.0;
/// The smallest, for one event.
pub const MIN_RADIUS: f32 = 5.0;
/// How far a marker's drawing reaches past its radius (the contested ring, the outlines), in
/// points.
pub const REACH: f32 = 3.0;

/// A marker's radius for `n` events: its area grows with the logarithm of the count, up to
/// [`MAX_RADIUS`] (about 400 events), so the busiest place is a few times a quiet one, not
/// twenty.
pub fn radius(n: usize) -> f32 {
    let n = n.max(1) as f32;
    (MIN_RADIUS * MIN_RADIUS * (1.0 + 1.1 * n.ln()))
        .sqrt()
        .min(MAX_RADIUS)
}

/// One place to draw: where it falls on the screen and how many events it has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    pub at: [f32; 2],
    pub count: usize,
}

/// A mark to draw: one place or several merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The count-weighted centre of its places.
    pub at: [f32; 2],
    pub r: f32,
    /// The summed count of its places.
    pub count: usize,
    /// Indices into the spots given, busiest first.
    pub members: Vec<usize>,
}

impl Cluster {
    /// Whether one mark would cover the other's centre (with its reach), hiding most of it.
    /// Marks that only touch stay apart, as places a few kilometres apart should at a
    /// country's scale; a crowd of marks piled on one spot becomes one.
    pub fn overlaps(&self, other: &Cluster) -> bool {
        let (dx, dy) = (self.at[0] - other.at[0], self.at[1] - other.at[1]);
        let need = self.r.max(other.r) + REACH;
        dx * dx + dy * dy < need * need
    }
}

/// Marks for `spots`: each spot its own mark unless marks would overlap, in which case they are
/// merged (repeatedly, since a merged mark is larger and may reach another) until no two
/// overlap. Busiest first in the result; a spot belongs to exactly one mark.
pub fn cluster(spots: &[Spot]) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..spots.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(spots[k].count));
    let mut marks: Vec<Cluster> = Vec::with_capacity(spots.len());
    // Greedy first: each spot, busiest first, joins the first mark it would overlap.
    for k in order {
        let s = spots[k];
        let one = Cluster {
            at: s.at,
            r: radius(s.count),
            count: s.count,
            members: vec![k],
        };
        match marks.iter().position(|m| m.overlaps(&one)) {
            Some(i) => merge_into(&mut marks[i], one, spots),
            None => marks.push(one),
        }
    }
    // Then until no two overlap: a merge moves and grows a mark.
    while let Some((i, j)) = first_overlap(&marks) {
        let other = marks.swap_remove(j);
        merge_into(&mut marks[i], other, spots);
    }
    marks.sort_by(|a, b| b.count.cmp(&a.count).then(a.members[0].cmp(&b.members[0])));
    marks
}

fn first_overlap(marks: &[Cluster]) -> Option<(usize, usize)> {
    (0..marks.len()).find_map(|i| {
        (i + 1..marks.len())
            .find(|&j| marks[i].overlaps(&marks[j]))
            .map(|j| (i, j))
    })
}

fn merge_into(into: &mut Cluster, other: Cluster, spots: &[Spot]) {
    let total = (into.count + other.count).max(1) as f32;
    let (wa, wb) = (into.count as f32 / total, other.count as f32 / total);
    into.at = [
        into.at[0] * wa + other.at[0] * wb,
        into.at[1] * wa + other.at[1] * wb,
    ];
    into.count += other.count;
    into.r = radius(into.count);
    into.members.extend(other.members);
    into.members
        .sort_by_key(|&k| (std::cmp::Reverse(spots[k].count), k));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(x: f32, y: f32, count: usize) -> Spot {
        Spot { at: [x, y], count }
    }

    #[test]
    fn radius_grows_with_the_count_and_stays_under_the_cap() {
        assert_eq!(radius(1), MIN_RADIUS);
        let mut last = 0.0;
        for n in [1, 2, 5, 10, 50, 100, 400, 5_000, 1_000_000] {
            let r = radius(n);
            assert!(r >= last && r <= MAX_RADIUS, "{n}: {r}");
            last = r;
        }
        assert!(radius(10) > radius(1) + 2.0);
        assert_eq!(radius(1_000_000), MAX_RADIUS);
    }

    #[test]
    fn apart_places_stay_apart_and_close_ones_merge_with_their_counts() {
        let spots = [
            spot(0.0, 0.0, 10),
            spot(4.0, 3.0, 5),
            spot(200.0, 0.0, 1),
            spot(0.0, 200.0, 3),
        ];
        let marks = cluster(&spots);
        assert_eq!(marks.len(), 3);
        assert_eq!(marks[0].count, 15);
        assert_eq!(marks[0].members, vec![0, 1]);
        // The merged mark sits between its places, nearer the busier.
        assert!(marks[0].at[0] > 0.0 && marks[0].at[0] < 2.0);
        assert_eq!(marks[1].members, vec![3]);
        assert_eq!(marks[2].members, vec![2]);
    }

    #[test]
    fn a_dense_crowd_leaves_no_two_marks_overlapping_and_loses_no_event() {
        // 180 places in a few tight groups along a line, counts falling off as real data's do.
        let mut seed = 7u64;
        let mut rand = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f32 / (1u64 << 31) as f32
        };
        let spots: Vec<Spot> = (0..180)
            .map(|k| {
                let town = (k % 12) as f32;
                spot(
                    40.0 * town + 30.0 * rand(),
                    100.0 + 30.0 * rand(),
                    1 + 600 / (k + 1),
                )
            })
            .collect();
        let marks = cluster(&spots);
        assert!(
            marks.len() < spots.len() && marks.len() > 1,
            "{}",
            marks.len()
        );
        for (i, a) in marks.iter().enumerate() {
            assert!(a.r <= MAX_RADIUS);
            for b in &marks[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} and {b:?} overlap");
            }
        }
        let total: usize = spots.iter().map(|s| s.count).sum();
        assert_eq!(marks.iter().map(|m| m.count).sum::<usize>(), total);
        let mut members: Vec<usize> = marks.iter().flat_map(|m| m.members.clone()).collect();
        members.sort_unstable();
        assert_eq!(members, (0..180).collect::<Vec<_>>());
    }

    #[test]
    fn zooming_in_splits_what_zooming_out_merged() {
        let at = |scale: f32| {
            [spot(0.0, 0.0, 4), spot(10.0 * scale, 0.0, 4)]
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(cluster(&at(1.0)).len(), 1);
        assert_eq!(cluster(&at(8.0)).len(), 2);
    }
}
