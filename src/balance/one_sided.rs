//! One-sided events: those on which exactly one party has claims (third parties may speak
//! too). The claims panel says so under the event's heading, and the balance report counts
//! them per party; both ask here, so the card and the report always agree.

use crate::model::wording::side_label;
use crate::model::{Dataset, Side};
use crate::query::Index;

/// The one party with claims on event `e` (its own claims, a joint statement's each party,
/// and claims of other events `also_about` it, as the filters count them), or `None` when no
/// party or several spoke.
pub fn one_sided_party(index: &Index, e: usize) -> Option<Side> {
    let voices = index.events.get(e)?.voices;
    let mut parties = voices.party_sides();
    let only = parties.next()?;
    parties.next().is_none().then_some(only)
}

/// "Only the Northern side's account is in this data for this event.": the same sentence for
/// every party but for its name (its adjective's side, or its name when it has none).
pub fn one_sided_line(ds: &Dataset, side: Side) -> String {
    let has_adjective = side
        .party_index()
        .and_then(|i| ds.parties.get(i))
        .is_some_and(|p| p.adjective.is_some());
    let whose = side_label(ds, side);
    let the = if has_adjective { "the " } else { "" };
    format!("Only {the}{whose}'s account is in this data for this event.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::tests::catalog;

    #[test]
    fn an_event_is_one_sided_when_one_party_alone_speaks() {
        let cat = catalog();
        let at = |id: &str| cat.index.event_index(&cat.dataset, id).unwrap();
        assert_eq!(
            one_sided_party(&cat.index, at("north-only")),
            Some(Side::FIRST)
        );
        assert_eq!(
            one_sided_party(&cat.index, at("south-only")),
            Some(Side::SECOND)
        );
        assert_eq!(one_sided_party(&cat.index, at("both")), None);
        // A claim filed under "both" that is also about "third-only" makes it Northland's.
        assert_eq!(
            one_sided_party(&cat.index, at("third-only")),
            Some(Side::FIRST)
        );
    }

    #[test]
    fn the_line_is_the_same_for_every_party_but_the_name() {
        let cat = catalog();
        let ds = &cat.dataset;
        assert_eq!(
            one_sided_line(ds, Side::FIRST),
            "Only the Northern side's account is in this data for this event."
        );
        assert_eq!(
            one_sided_line(ds, Side::SECOND),
            "Only the Southern side's account is in this data for this event."
        );
        let mut unnamed = ds.clone();
        unnamed.parties[1].adjective = None;
        assert_eq!(
            one_sided_line(&unnamed, Side::SECOND),
            "Only Southland's account is in this data for this event."
        );
    }
}
