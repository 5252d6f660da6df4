//! One row per party (and one for the third parties): what the data holds of its words.

use super::caveats::caveat_sentences;
use super::places::{Coverage, coverage};
use super::words::word_count;
use super::{EventRef, one_sided_party};
use crate::model::Side;
use crate::model::wording::{loaded_words_inside_quotes, loaded_words_outside_quotes};
use crate::query::Catalog;

/// The events only one party speaks on, and the caveats on them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OneSided {
    /// Every event on which this party alone (of the parties) has claims, in time order.
    pub events: Vec<EventRef>,
    /// Those of them whose summary has at least one caveat sentence.
    pub caveated: Vec<EventRef>,
    /// Caveat sentences over all of them.
    pub caveat_sentences: usize,
}

/// What the data holds of one party's words (or the third parties').
#[derive(Debug, Clone, PartialEq)]
pub struct PartyRow {
    pub side: Side,
    /// The party's name, or "Third parties".
    pub name: String,
    /// Claims its actors made (a joint statement counts for each party among its actors).
    pub claims: usize,
    /// Words of those claims' texts.
    pub words: usize,
    /// Figures those claims give.
    pub figures: usize,
    /// `None` for the third parties, who are never a party to an event's sides.
    pub one_sided: Option<OneSided>,
    /// Links from its claims to claims they dispute.
    pub disputes_out: usize,
    /// Links from other claims to its claims.
    pub disputes_in: usize,
    /// Loaded words inside quotation marks in its claims (each word once per claim): the
    /// actor's own words, allowed, and worth comparing.
    pub quoted_loaded: usize,
    /// `None` for the third parties, who have no country.
    pub places: Option<Coverage>,
}

/// The parties' rows in the dataset's party order, and the third parties' row when they made
/// any claim.
pub fn rows(cat: &Catalog) -> (Vec<PartyRow>, Option<PartyRow>) {
    let (ds, index) = (&cat.dataset, &cat.index);
    let mut rows: Vec<PartyRow> = Side::all()
        .filter(|s| s.party_index().is_none_or(|i| i < ds.parties.len()))
        .map(|side| PartyRow {
            side,
            name: super::side_name(ds, side),
            claims: 0,
            words: 0,
            figures: 0,
            one_sided: side.party_index().map(|_| OneSided::default()),
            disputes_out: 0,
            disputes_in: 0,
            quoted_loaded: 0,
            places: side.party_index().map(|i| coverage(ds, &ds.parties[i])),
        })
        .collect();
    let row_of = |side: Side| -> usize { side.party_index().unwrap_or(rows_len(ds)) };
    for (e, event) in ds.events.iter().enumerate() {
        for claim in &event.claims {
            let voices = index.claim_voices(claim);
            let text = claim.text.read();
            let words = word_count(claim);
            let quoted = if claim.quote {
                // The whole text is the actor's own words.
                let mut all = loaded_words_outside_quotes(&text);
                for w in loaded_words_inside_quotes(&text) {
                    if !all.contains(&w) {
                        all.push(w);
                    }
                }
                all.len()
            } else {
                loaded_words_inside_quotes(&text).len()
            };
            for side in Side::all().filter(|&s| voices.has(s)) {
                let row = &mut rows[row_of(side)];
                row.claims += 1;
                row.words += words;
                row.figures += claim.figures.len();
                row.quoted_loaded += quoted;
            }
        }
        if let Some(side) = one_sided_party(index, e)
            && let Some(one) = rows[row_of(side)].one_sided.as_mut()
        {
            let caveats = caveat_sentences(&event.summary.read()).len();
            one.events.push(EventRef::of(cat, e));
            if caveats > 0 {
                one.caveated.push(EventRef::of(cat, e));
                one.caveat_sentences += caveats;
            }
        }
    }
    for link in super::disputes::links(cat) {
        let voices_of = |(e, c): (usize, usize)| index.claim_voices(&ds.events[e].claims[c]);
        for side in Side::all().filter(|&s| voices_of(link.from).has(s)) {
            rows[row_of(side)].disputes_out += 1;
        }
        for side in Side::all().filter(|&s| voices_of(link.to).has(s)) {
            rows[row_of(side)].disputes_in += 1;
        }
    }
    let third = rows.pop().filter(|r| r.claims > 0);
    (rows, third)
}

/// How many party rows there are: the third parties' row comes after them.
fn rows_len(ds: &crate::model::Dataset) -> usize {
    ds.parties.len().min(crate::model::MAX_PARTIES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::tests::catalog;

    #[test]
    fn each_party_row_counts_its_own_claims() {
        let cat = catalog();
        let (parties, third) = rows(&cat);
        let [north, south] = parties.as_slice() else {
            panic!("two parties: {parties:#?}");
        };
        assert_eq!(north.name, "Northland");
        assert_eq!((north.claims, north.words, north.figures), (3, 27, 1));
        assert_eq!((south.claims, south.words, south.figures), (2, 9, 0));
        // s2 quotes "attack"; nobody else quotes a loaded word.
        assert_eq!((north.quoted_loaded, south.quoted_loaded), (0, 1));
        // s2 disputes n2, one way.
        assert_eq!((north.disputes_out, north.disputes_in), (0, 1));
        assert_eq!((south.disputes_out, south.disputes_in), (1, 0));
        let third = third.expect("observers spoke");
        assert_eq!(
            (third.name.as_str(), third.claims, third.words),
            ("Third parties", 2, 4)
        );
        assert!(third.one_sided.is_none() && third.places.is_none());
    }

    #[test]
    fn one_sided_events_and_their_caveats_are_counted_per_party() {
        let cat = catalog();
        let (parties, _) = rows(&cat);
        let ids = |v: &[EventRef]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        let north = parties[0].one_sided.as_ref().unwrap();
        assert_eq!(ids(&north.events), ["north-only", "third-only"]);
        assert_eq!(ids(&north.caveated), ["north-only"]);
        assert_eq!(north.caveat_sentences, 1);
        let south = parties[1].one_sided.as_ref().unwrap();
        assert_eq!(ids(&south.events), ["south-only"]);
        assert!(south.caveated.is_empty());
        assert_eq!(parties[1].places.as_ref().unwrap().total(), 3);
    }

    #[test]
    fn a_joint_statement_counts_for_each_of_its_parties() {
        let mut ds = catalog().dataset;
        let (e, c) = {
            let cat = Catalog::new(ds.clone());
            cat.index.claim_position(&cat.dataset, "s1").unwrap()
        };
        let claim = &mut ds.events[e].claims[c];
        claim.actor = crate::model::IdRef::default();
        claim.more.edit().actors = crate::model::ThinVec::from(["s-mod".into(), "n-mod".into()]);
        let cat = Catalog::new(ds);
        let (parties, _) = rows(&cat);
        assert_eq!((parties[0].claims, parties[1].claims), (4, 2));
        // "south-only" now has both parties' voices: one-sided for neither.
        let south = parties[1].one_sided.as_ref().unwrap();
        assert!(south.events.is_empty());
    }
}
