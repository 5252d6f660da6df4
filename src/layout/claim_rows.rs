//! How an event's claims are laid out in the claim panels: the left side's claims in the left
//! column, the right side's in the right, each column in the order the claims were made, and
//! a claim that disputes one in the other column on the same row as it, so that collisions
//! read across. Everyone else's claims go to the band below.

use crate::model::{Event, Side};

/// One row of the two columns; indices into the event's claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimRow {
    pub left: Option<usize>,
    pub right: Option<usize>,
    /// The two claims of this row dispute each other (one names the other in `disputes`).
    pub disputed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimLayout {
    pub rows: Vec<ClaimRow>,
    /// Third-party claims, in the order they were made.
    pub third: Vec<usize>,
}

/// `side` tells each claim's side; `said` gives a sort key for when it was made.
pub fn claim_layout(
    event: &Event,
    side: impl Fn(usize) -> Side,
    said: impl Fn(usize) -> i64,
) -> ClaimLayout {
    let n = event.claims.len();
    let by_time = |mut v: Vec<usize>| {
        v.sort_by_key(|&i| (said(i), i));
        v
    };
    let left = by_time((0..n).filter(|&i| side(i) == Side::Left).collect());
    let right = by_time((0..n).filter(|&i| side(i) == Side::Right).collect());
    let third = by_time((0..n).filter(|&i| side(i) == Side::Third).collect());

    let disputes = |a: usize, b: usize| {
        let (ca, cb) = (&event.claims[a], &event.claims[b]);
        ca.disputes.contains(&cb.id) || cb.disputes.contains(&ca.id)
    };
    // Pair each left claim with the first unpaired right claim it disputes (either way).
    let mut right_used = vec![false; n];
    let mut paired: Vec<(usize, usize)> = Vec::new();
    let mut left_alone = Vec::new();
    for &l in &left {
        match right.iter().find(|&&r| !right_used[r] && disputes(l, r)) {
            Some(&r) => {
                right_used[r] = true;
                paired.push((l, r));
            }
            None => left_alone.push(l),
        }
    }
    let right_alone: Vec<usize> = right.iter().copied().filter(|&r| !right_used[r]).collect();

    // Disputed pairs get rows of their own; the unpaired claims fill rows side by side.
    let mut rows: Vec<(i64, ClaimRow)> = paired
        .into_iter()
        .map(|(l, r)| {
            let row = ClaimRow {
                left: Some(l),
                right: Some(r),
                disputed: true,
            };
            (said(l).min(said(r)), row)
        })
        .collect();
    let longest = left_alone.len().max(right_alone.len());
    for k in 0..longest {
        let (l, r) = (left_alone.get(k).copied(), right_alone.get(k).copied());
        let key = l
            .map(&said)
            .into_iter()
            .chain(r.map(&said))
            .min()
            .unwrap_or(0);
        rows.push((
            key,
            ClaimRow {
                left: l,
                right: r,
                disputed: false,
            },
        ));
    }
    // Stable: rows of equal time keep disputed pairs first.
    rows.sort_by_key(|(t, _)| *t);
    ClaimLayout {
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        third,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Claim, ClaimKind, Event, EventKind, When};

    fn claim(id: &str, actor: &str, disputes: &[&str]) -> Claim {
        Claim {
            id: id.into(),
            actor: actor.into(),
            said: When::day("2022-09-13"),
            kind: ClaimKind::Statement,
            text: "text".into(),
            quote: false,
            original: None,
            figures: vec![],
            sources: vec![Citation {
                source: "s".into(),
                at: None,
            }],
            disputes: disputes.iter().map(|s| (*s).into()).collect(),
            note: None,
        }
    }

    fn event(claims: Vec<Claim>) -> Event {
        Event {
            file: 0,
            id: "e".into(),
            title: "t".into(),
            when: When::day("2022-09-13"),
            kind: EventKind::ArmedClash,
            places: vec![],
            summary: "s".into(),
            claims,
        }
    }

    fn side_of(e: &Event) -> impl Fn(usize) -> Side + '_ {
        |i| match e.claims[i].actor.as_str() {
            "l" => Side::Left,
            "r" => Side::Right,
            _ => Side::Third,
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
        let lay = claim_layout(&e, side_of(&e), |i| i as i64 + 1);
        let pair = lay
            .rows
            .iter()
            .find(|r| r.disputed)
            .expect("a disputed row");
        assert_eq!((pair.left, pair.right), (Some(2), Some(1)));
        assert_eq!(lay.third, [4]);
        // Every side claim appears exactly once.
        let mut seen: Vec<usize> = lay
            .rows
            .iter()
            .flat_map(|r| [r.left, r.right])
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
        let lay = claim_layout(&e, side_of(&e), |i| [30, 10, 20][i]);
        assert_eq!(lay.rows[0].left, Some(1)); // said at 10
        assert_eq!(lay.rows[0].right, Some(2));
        assert_eq!(lay.rows[1].left, Some(0));
        assert_eq!(lay.rows[1].right, None);
        assert!(lay.rows.iter().all(|r| !r.disputed));
    }

    #[test]
    fn one_sided_event_fills_one_column() {
        let e = event(vec![claim("R1", "r", &[]), claim("R2", "r", &[])]);
        let lay = claim_layout(&e, side_of(&e), |i| i as i64);
        assert_eq!(lay.rows.len(), 2);
        assert!(
            lay.rows
                .iter()
                .all(|r| r.left.is_none() && r.right.is_some())
        );
    }
}
