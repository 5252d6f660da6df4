//! How an event's claims are laid out in the claim panels: one column for each chosen party,
//! each column in the order the claims were made, and a claim that disputes one in another
//! column on the same row as it, so that collisions read across. Parties that are not columns
//! get bands of their own below; joint statements of actors on different sides a band of
//! their own (no one party's column holds them); third parties the last band.

use crate::model::{Event, Side};

/// One row of the columns: for each column, the index of a claim of the event, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    pub cells: Vec<Option<usize>>,
    /// The two claims of this row dispute each other (one names the other in `disputes`).
    pub disputed: bool,
}

impl ClaimRow {
    /// The first column's claim.
    pub fn left(&self) -> Option<usize> {
        self.cells.first().copied().flatten()
    }

    /// The second column's claim.
    pub fn right(&self) -> Option<usize> {
        self.cells.get(1).copied().flatten()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimLayout {
    pub rows: Vec<ClaimRow>,
    /// Claims of parties that are not columns, each party in a band of its own, in party
    /// order: never mixed with the third parties.
    pub others: Vec<(Side, Vec<usize>)>,
    /// Joint statements of actors on different sides, in the order they were made.
    pub joint: Vec<usize>,
    /// Third-party claims, in the order they were made.
    pub third: Vec<usize>,
}

/// Lays out an event's claims in `columns` (parties, in the order shown). `side` tells each
/// claim's side (`None` for a joint statement across sides); `said` gives a sort key for when
/// it was made.
pub fn claim_layout(
    event: &Event,
    columns: &[Side],
    side: impl Fn(usize) -> Option<Side>,
    said: impl Fn(usize) -> i64,
) -> ClaimLayout {
    let n = event.claims.len();
    let by_time = |mut v: Vec<usize>| {
        v.sort_by_key(|&i| (said(i), i));
        v
    };
    let of = |s: Option<Side>| by_time((0..n).filter(|&i| side(i) == s).collect());
    let in_columns: Vec<Vec<usize>> = columns.iter().map(|&s| of(Some(s))).collect();
    let third = of(Some(Side::THIRD));
    let joint = of(None);
    let mut others: Vec<(Side, Vec<usize>)> = (0..n)
        .filter_map(&side)
        .filter(|s| *s != Side::THIRD && !columns.contains(s))
        .collect::<std::collections::BTreeSet<Side>>()
        .into_iter()
        .map(|s| (s, of(Some(s))))
        .collect();
    others.retain(|(_, claims)| !claims.is_empty());

    let disputes = |a: usize, b: usize| {
        let (ca, cb) = (&event.claims[a], &event.claims[b]);
        ca.disputes.iter().any(|d| **d == *cb.id) || cb.disputes.iter().any(|d| **d == *ca.id)
    };
    // Pair each claim with the first unpaired claim of a later column it disputes (either
    // way), columns in order and each column's claims in time order.
    let mut used = vec![false; n];
    let mut rows: Vec<(i64, ClaimRow)> = Vec::new();
    for (i, column) in in_columns.iter().enumerate() {
        for &a in column {
            if used[a] {
                continue;
            }
            let partner = in_columns[i + 1..]
                .iter()
                .enumerate()
                .find_map(|(dj, other)| {
                    let b = other
                        .iter()
                        .copied()
                        .find(|&b| !used[b] && disputes(a, b))?;
                    Some((i + 1 + dj, b))
                });
            if let Some((j, b)) = partner {
                used[a] = true;
                used[b] = true;
                let mut cells = vec![None; columns.len()];
                cells[i] = Some(a);
                cells[j] = Some(b);
                let row = ClaimRow {
                    cells,
                    disputed: true,
                };
                rows.push((said(a).min(said(b)), row));
            }
        }
    }
    // The unpaired claims fill rows side by side.
    let alone: Vec<Vec<usize>> = in_columns
        .iter()
        .map(|c| c.iter().copied().filter(|&i| !used[i]).collect())
        .collect();
    let longest = alone.iter().map(Vec::len).max().unwrap_or(0);
    for k in 0..longest {
        let cells: Vec<Option<usize>> = alone.iter().map(|c| c.get(k).copied()).collect();
        let key = cells.iter().flatten().map(|&i| said(i)).min().unwrap_or(0);
        let row = ClaimRow {
            cells,
            disputed: false,
        };
        rows.push((key, row));
    }
    // Stable: rows of equal time keep disputed pairs first.
    rows.sort_by_key(|(t, _)| *t);
    ClaimLayout {
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        others,
        joint,
        third,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Claim, ClaimKind, Event, EventKind, More, When};

    fn claim(id: &str, actor: &str, disputes: &[&str]) -> Claim {
        Claim {
            id: id.into(),
            actor: actor.into(),
            said: When::day("2022-09-13"),
            kind: ClaimKind::Statement,
            text: "text".into(),
            quote: false,
            figures: Default::default(),
            sources: Box::new([Citation {
                source: "s".into(),
                at: None,
            }]),
            disputes: disputes.iter().map(|s| (*s).into()).collect(),
            more: More::default(),
        }
    }

    fn event(claims: Vec<Claim>) -> Event {
        Event {
            file: 0,
            id: "e".into(),
            title: "t".into(),
            when: When::day("2022-09-13"),
            kind: EventKind::ArmedClash,
            places: Box::default(),
            summary: "s".into(),
            claims: claims.into(),
            involves: Default::default(),
        }
    }

    const TWO: [Side; 2] = [Side::FIRST, Side::SECOND];

    fn side_of(e: &Event) -> impl Fn(usize) -> Option<Side> + '_ {
        |i| match e.claims[i].actor.as_str() {
            "l" => Some(Side::FIRST),
            "r" => Some(Side::SECOND),
            "p2" => Some(Side::party(2)),
            "p3" => Some(Side::party(3)),
            "joint" => None,
            _ => Some(Side::THIRD),
        }
    }

    #[test]
    fn disputing_claims_share_a_row_whichever_names_the_other() {
        // Order in the file: L1, R1 (disputes L2), L2, R2, T1.
        let e = event(vec![
            claim("L1", "l", &[]),
            claim("R1", "r", &["L2"]),
            claim("L2", "l", &[]),
            claim("R2", "r", &[]),
            claim("T1", "t", &[]),
        ]);
        // Said times: L1=1, R1=2, L2=3, R2=4, T1=5.
        let lay = claim_layout(&e, &TWO, side_of(&e), |i| i as i64 + 1);
        let pair = lay
            .rows
            .iter()
            .find(|r| r.disputed)
            .expect("a disputed row");
        assert_eq!((pair.left(), pair.right()), (Some(2), Some(1)));
        assert_eq!(lay.third, [4]);
        // Every side claim appears exactly once.
        let mut seen: Vec<usize> = lay
            .rows
            .iter()
            .flat_map(|r| [r.left(), r.right()])
            .flatten()
            .collect();
        seen.sort();
        assert_eq!(seen, [0, 1, 2, 3]);
    }

    #[test]
    fn rows_follow_the_order_claims_were_made() {
        let e = event(vec![
            claim("L1", "l", &[]),
            claim("L2", "l", &[]),
            claim("R1", "r", &[]),
        ]);
        let lay = claim_layout(&e, &TWO, side_of(&e), |i| [30, 10, 20][i]);
        assert_eq!(lay.rows[0].left(), Some(1)); // said at 10
        assert_eq!(lay.rows[0].right(), Some(2));
        assert_eq!(lay.rows[1].left(), Some(0));
        assert_eq!(lay.rows[1].right(), None);
        assert!(lay.rows.iter().all(|r| !r.disputed));
    }

    #[test]
    fn one_sided_event_fills_one_column() {
        let e = event(vec![claim("R1", "r", &[]), claim("R2", "r", &[])]);
        let lay = claim_layout(&e, &TWO, side_of(&e), |i| i as i64);
        assert_eq!(lay.rows.len(), 2);
        assert!(
            lay.rows
                .iter()
                .all(|r| r.left().is_none() && r.right().is_some())
        );
    }

    #[test]
    fn a_dispute_between_the_third_and_fourth_party_is_one_row() {
        let e = event(vec![
            claim("L1", "l", &[]),
            claim("A", "p2", &[]),
            claim("B", "p3", &["A"]),
            claim("R1", "r", &[]),
            claim("T1", "t", &[]),
        ]);
        let four = [Side::FIRST, Side::SECOND, Side::party(2), Side::party(3)];
        let lay = claim_layout(&e, &four, side_of(&e), |i| i as i64);
        let disputed: Vec<&ClaimRow> = lay.rows.iter().filter(|r| r.disputed).collect();
        assert_eq!(disputed.len(), 1);
        assert_eq!(disputed[0].cells, [None, None, Some(1), Some(2)]);
        assert_eq!(lay.third, [4]);
        assert!(lay.others.is_empty());
        // With two columns the other parties get bands of their own, never the third parties'.
        let lay = claim_layout(&e, &TWO, side_of(&e), |i| i as i64);
        assert_eq!(
            lay.others,
            [(Side::party(2), vec![1]), (Side::party(3), vec![2])]
        );
        assert_eq!(lay.third, [4]);
    }

    #[test]
    fn a_claim_pairs_with_a_dispute_in_any_later_column() {
        // The first party's claim is disputed by the third column's, not the second's.
        let e = event(vec![
            claim("L1", "l", &[]),
            claim("R1", "r", &[]),
            claim("A", "p2", &["L1"]),
        ]);
        let three = [Side::FIRST, Side::SECOND, Side::party(2)];
        let lay = claim_layout(&e, &three, side_of(&e), |i| i as i64);
        let pair = lay.rows.iter().find(|r| r.disputed).unwrap();
        assert_eq!(pair.cells, [Some(0), None, Some(2)]);
        assert_eq!(lay.rows.len(), 2);
    }

    #[test]
    fn a_joint_statement_across_sides_is_in_no_partys_column() {
        let e = event(vec![
            claim("L1", "l", &[]),
            claim("J", "joint", &[]),
            claim("R1", "r", &[]),
            claim("T1", "t", &[]),
        ]);
        let lay = claim_layout(&e, &TWO, side_of(&e), |i| i as i64);
        assert_eq!(lay.joint, [1]);
        assert_eq!(lay.third, [3]);
        let placed: Vec<usize> = lay
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten().copied())
            .collect();
        assert_eq!(placed, [0, 2]);
    }
}
