//! Dispute links: claim A lists claim B in its `disputes`. Counted per party both ways, and
//! checked for their reverse: a link one way only may be the record (B came first and never
//! answered), or a link the curator forgot to write back.

use crate::query::Catalog;

/// One entry of a claim's `disputes`, resolved to positions: (event, claim) of each end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub from: (usize, usize),
    pub to: (usize, usize),
    /// The disputed claim lists the disputing one in its own `disputes`.
    pub reciprocated: bool,
}

/// Every dispute link of the dataset, in event and claim order; ids that name no claim
/// (never in a validated dataset) are left out.
pub fn links(cat: &Catalog) -> Vec<Link> {
    let (ds, index) = (&cat.dataset, &cat.index);
    let mut out = Vec::new();
    for (e, event) in ds.events.iter().enumerate() {
        for (c, claim) in event.claims.iter().enumerate() {
            for id in &claim.disputes {
                let Some(to) = index.claim_position(ds, id) else {
                    continue;
                };
                let disputed = &ds.events[to.0].claims[to.1];
                out.push(Link {
                    from: (e, c),
                    to,
                    reciprocated: disputed.disputes.iter().any(|d| **d == *claim.id),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::tests::catalog;

    #[test]
    fn a_link_one_way_is_not_reciprocated() {
        let cat = catalog();
        let found = links(&cat);
        assert_eq!(found.len(), 1);
        let claim = |(e, c): (usize, usize)| cat.dataset.events[e].claims[c].id.as_ref();
        assert_eq!((claim(found[0].from), claim(found[0].to)), ("s2", "n2"));
        assert!(!found[0].reciprocated);

        let mut both_ways = cat.dataset.clone();
        let (e, c) = cat.index.claim_position(&both_ways, "n2").unwrap();
        let disputes = &mut both_ways.events[e].claims[c].disputes;
        *disputes = disputes.iter().cloned().chain(["s2".into()]).collect();
        let found = links(&Catalog::new(both_ways));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|l| l.reciprocated));
    }
}
