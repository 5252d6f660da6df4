//! Words: how much of an event's text each speaker has, counted as whitespace-separated
//! words of claim texts. A count, not a weight: a long claim is not a truer one, but a reader
//! who sees one side's three paragraphs beside the other's line may take it as one.

use super::EventRef;
use crate::model::{Claim, Side};
use crate::query::Catalog;

/// An event's shares are uneven when one speaking party has at least this many times the
/// words of another: the report lists its shares.
pub const UNEVEN_RATIO: usize = 2;

/// The words of a claim's text, split at whitespace.
pub fn word_count(claim: &Claim) -> usize {
    claim.text.with(|text| text.split_whitespace().count())
}

/// One side's words on an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideWords {
    pub side: Side,
    /// The party's name, or "Third parties".
    pub name: String,
    pub words: usize,
}

/// Each speaker's words on one event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventShares {
    pub event: EventRef,
    pub title: String,
    /// Every side with claims on it: parties in the dataset's order, then third parties.
    pub words: Vec<SideWords>,
    /// Exactly one party has claims on it.
    pub one_sided: bool,
    /// One speaking party has [`UNEVEN_RATIO`] times the words of another or more.
    pub uneven: bool,
}

impl EventShares {
    pub fn total(&self) -> usize {
        self.words.iter().map(|w| w.words).sum()
    }

    /// A side's share of the event's words, in per cent (0 when nobody wrote a word).
    pub fn percent(&self, side: &SideWords) -> f64 {
        match self.total() {
            0 => 0.0,
            total => side.words as f64 * 100.0 / total as f64,
        }
    }

    /// The speaking party with the most words and the one with the fewest (the first in party
    /// order on a tie), when two or more parties speak.
    pub fn extremes(&self) -> Option<(&SideWords, &SideWords)> {
        let parties: Vec<&SideWords> = (self.words.iter())
            .filter(|w| w.side.party_index().is_some())
            .collect();
        if parties.len() < 2 {
            return None;
        }
        let most = parties
            .iter()
            .copied()
            .reduce(|a, b| if b.words > a.words { b } else { a })?;
        let fewest = (parties.iter().copied())
            .filter(|w| w.side != most.side)
            .reduce(|a, b| if b.words < a.words { b } else { a })?;
        Some((most, fewest))
    }

    /// Whether the most words of a party are at least `ratio` times the fewest.
    pub fn ratio_at_least(&self, ratio: usize) -> bool {
        self.extremes()
            .is_some_and(|(most, fewest)| most.words > 0 && most.words >= ratio * fewest.words)
    }
}

/// Every event with claims, in the catalog's (time) order: each speaking side's words, from
/// the event's own claims and those of other events that are `also_about` it (as the
/// filters and the claim panels count them). A joint statement's words count for each side
/// among its actors.
pub fn event_shares(cat: &Catalog) -> Vec<EventShares> {
    let (ds, index) = (&cat.dataset, &cat.index);
    let mut out = Vec::new();
    for (e, event) in ds.events.iter().enumerate() {
        let also = index.also_about_of(e).map(|(e, c)| &ds.events[e].claims[c]);
        let mut words = [0usize; Side::COUNT];
        let mut spoke = crate::model::Voices::NONE;
        for claim in event.claims.iter().chain(also) {
            let voices = index.claim_voices(claim);
            spoke = spoke.union(voices);
            let n = word_count(claim);
            for side in Side::all().filter(|&s| voices.has(s)) {
                words[side.index()] += n;
            }
        }
        if spoke.is_empty() {
            continue;
        }
        let words: Vec<SideWords> = Side::all()
            .filter(|&s| spoke.has(s))
            .map(|side| SideWords {
                side,
                name: super::side_name(ds, side),
                words: words[side.index()],
            })
            .collect();
        let mut shares = EventShares {
            event: EventRef::of(cat, e),
            title: event.title.to_string(),
            words,
            one_sided: spoke.parties() == 1,
            uneven: false,
        };
        shares.uneven = shares.ratio_at_least(UNEVEN_RATIO);
        out.push(shares);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::tests::catalog;

    #[test]
    fn words_are_counted_per_side_with_claims_also_about_the_event() {
        let cat = catalog();
        let shares = event_shares(&cat);
        let of = |id: &str| shares.iter().find(|s| s.event.id == id).unwrap();
        let both = of("both");
        // n2 has 20 words, n3 ("More fire followed.") 3; s2 6.
        let words: Vec<(&str, usize)> = both
            .words
            .iter()
            .map(|w| (w.name.as_str(), w.words))
            .collect();
        assert_eq!(words, [("Northland", 23), ("Southland", 6)]);
        assert!(both.uneven && !both.one_sided);
        let (most, fewest) = both.extremes().unwrap();
        assert_eq!((most.words, fewest.words), (23, 6));
        assert!(!both.ratio_at_least(4) && both.ratio_at_least(3));
        // "third-only": the observers' own claim, and Northland's n3, filed under "both".
        let third = of("third-only");
        let words: Vec<(&str, usize)> = third
            .words
            .iter()
            .map(|w| (w.name.as_str(), w.words))
            .collect();
        assert_eq!(words, [("Northland", 3), ("Third parties", 1)]);
        assert!(third.one_sided);
        assert_eq!(third.percent(&third.words[0]), 75.0);
    }
}
