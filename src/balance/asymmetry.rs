//! Asymmetries between parties worth a second look, each naming what differs and where (by
//! id), so the curator can find it. They are facts about the data, not findings about the
//! parties: a record can be uneven because the world was.

use super::EventRef;
use super::parties::PartyRow;
use super::words::{EventShares, SideWords};
use crate::model::Side;
use crate::model::wording::plural;
use crate::query::Catalog;

/// An event is worth a look when one speaking party has at least this many times the words
/// of another.
pub const WORD_RATIO: usize = 4;

/// Two parties' shares of places with coordinates are worth a look when they differ by more
/// than this many percentage points.
pub const COORDINATES_POINTS: f64 = 15.0;

/// A party's caveats on its one-sided events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaveatRate {
    pub side: Side,
    pub party: String,
    /// Its one-sided events with a caveat sentence.
    pub caveated: Vec<EventRef>,
    /// How many one-sided events it has.
    pub one_sided: usize,
}

/// A party's places with and without coordinates, by id.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceShare {
    pub side: Side,
    pub party: String,
    pub with_coordinates: usize,
    pub without: Vec<String>,
}

impl PlaceShare {
    pub fn total(&self) -> usize {
        self.with_coordinates + self.without.len()
    }

    fn percent(&self) -> f64 {
        self.with_coordinates as f64 * 100.0 / self.total().max(1) as f64
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Asymmetry {
    /// (a) Two parties' one-sided events carry caveat sentences at different rates, and at
    /// least one has some.
    CaveatRates {
        first: CaveatRate,
        second: CaveatRate,
    },
    /// (b) On one event, a speaking party has [`WORD_RATIO`] times the words of another.
    Words {
        event: EventRef,
        title: String,
        more: SideWords,
        fewer: SideWords,
    },
    /// (c) Claim `claim` lists `disputed` in its `disputes`; `disputed` does not list it.
    OneWayDispute {
        claim: String,
        event: EventRef,
        disputed: String,
        disputed_event: EventRef,
    },
    /// (d) Two parties' shares of places with coordinates differ by more than
    /// [`COORDINATES_POINTS`].
    Coordinates {
        first: PlaceShare,
        second: PlaceShare,
    },
}

impl Asymmetry {
    /// What kind of asymmetry it is, in a few words.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Asymmetry::CaveatRates { .. } => "Caveats on one-sided events",
            Asymmetry::Words { .. } => "Words on one event",
            Asymmetry::OneWayDispute { .. } => "Dispute listed one way",
            Asymmetry::Coordinates { .. } => "Places with coordinates",
        }
    }

    /// The asymmetry in a sentence, naming every id involved.
    pub fn describe(&self) -> String {
        match self {
            Asymmetry::CaveatRates { first, second } => {
                let rate = |r: &CaveatRate| {
                    let ids: Vec<&str> = r.caveated.iter().map(|e| e.id.as_str()).collect();
                    let named = if ids.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", ids.join(", "))
                    };
                    format!("{} {} of {}{named}", r.party, r.caveated.len(), r.one_sided)
                };
                format!(
                    "{} with a caveat sentence in the summary; {}.",
                    rate(first),
                    rate(second)
                )
            }
            Asymmetry::Words {
                event,
                title,
                more,
                fewer,
            } => format!(
                "Event {} (“{title}”): {} {}, {} {} ({:.1} times as many).",
                event.id,
                more.name,
                plural(more.words, "word"),
                fewer.name,
                plural(fewer.words, "word"),
                more.words as f64 / fewer.words.max(1) as f64
            ),
            Asymmetry::OneWayDispute {
                claim,
                event,
                disputed,
                disputed_event,
            } => format!(
                "Claim {claim} (event {}) disputes claim {disputed} (event {}), which does not list {claim} in its disputes.",
                event.id, disputed_event.id
            ),
            Asymmetry::Coordinates { first, second } => {
                let share = |p: &PlaceShare| {
                    let without = if p.without.is_empty() {
                        String::new()
                    } else {
                        format!(", without: {}", p.without.join(", "))
                    };
                    format!(
                        "{} {} of {} ({:.0}%{without})",
                        p.party,
                        p.with_coordinates,
                        plural(p.total(), "place"),
                        p.percent()
                    )
                };
                format!("{}; {}.", share(first), share(second))
            }
        }
    }

    /// The events it names, each once, in the order named: what a reader may select.
    pub fn events(&self) -> Vec<&EventRef> {
        let mut out: Vec<&EventRef> = match self {
            Asymmetry::CaveatRates { first, second } => {
                first.caveated.iter().chain(&second.caveated).collect()
            }
            Asymmetry::Words { event, .. } => vec![event],
            Asymmetry::OneWayDispute {
                event,
                disputed_event,
                ..
            } => vec![event, disputed_event],
            Asymmetry::Coordinates { .. } => Vec::new(),
        };
        let mut seen = Vec::new();
        out.retain(|e| {
            let new = !seen.contains(&e.index);
            seen.push(e.index);
            new
        });
        out
    }
}

/// Every asymmetry of the kinds checked: caveats, then words, then disputes, then
/// coordinates; pairs of parties in party order, events in time order.
pub fn find(cat: &Catalog, parties: &[PartyRow], events: &[EventShares]) -> Vec<Asymmetry> {
    let mut out = Vec::new();
    let pairs = || {
        (0..parties.len())
            .flat_map(move |i| (i + 1..parties.len()).map(move |j| (&parties[i], &parties[j])))
    };
    for (a, b) in pairs() {
        let (Some(ra), Some(rb)) = (caveat_rate(a), caveat_rate(b)) else {
            continue;
        };
        let (ka, na, kb, nb) = (
            ra.caveated.len(),
            ra.one_sided,
            rb.caveated.len(),
            rb.one_sided,
        );
        // k/n differ, compared without division; at least one party has caveats.
        if ka * nb != kb * na && ka + kb > 0 {
            out.push(Asymmetry::CaveatRates {
                first: ra,
                second: rb,
            });
        }
    }
    for shares in events {
        if let Some((more, fewer)) = shares.extremes()
            && shares.ratio_at_least(WORD_RATIO)
        {
            out.push(Asymmetry::Words {
                event: shares.event.clone(),
                title: shares.title.clone(),
                more: more.clone(),
                fewer: fewer.clone(),
            });
        }
    }
    let ds = &cat.dataset;
    for link in super::disputes::links(cat)
        .into_iter()
        .filter(|l| !l.reciprocated)
    {
        out.push(Asymmetry::OneWayDispute {
            claim: ds.events[link.from.0].claims[link.from.1].id.to_string(),
            event: EventRef::of(cat, link.from.0),
            disputed: ds.events[link.to.0].claims[link.to.1].id.to_string(),
            disputed_event: EventRef::of(cat, link.to.0),
        });
    }
    for (a, b) in pairs() {
        let (Some(pa), Some(pb)) = (place_share(a), place_share(b)) else {
            continue;
        };
        if (pa.percent() - pb.percent()).abs() > COORDINATES_POINTS {
            out.push(Asymmetry::Coordinates {
                first: pa,
                second: pb,
            });
        }
    }
    out
}

/// A party's caveat rate, when it has one-sided events (else there is no rate to compare).
fn caveat_rate(row: &PartyRow) -> Option<CaveatRate> {
    let one = row.one_sided.as_ref().filter(|o| !o.events.is_empty())?;
    Some(CaveatRate {
        side: row.side,
        party: row.name.clone(),
        caveated: one.caveated.clone(),
        one_sided: one.events.len(),
    })
}

/// A party's places with coordinates, when it has places.
fn place_share(row: &PartyRow) -> Option<PlaceShare> {
    let places = row.places.as_ref().filter(|p| p.total() > 0)?;
    Some(PlaceShare {
        side: row.side,
        party: row.name.clone(),
        with_coordinates: places.with_coordinates.len(),
        without: places.without.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::Report;
    use crate::balance::tests::catalog;

    #[test]
    fn the_small_fixture_has_caveat_dispute_and_coordinate_asymmetries() {
        let report = Report::new(&catalog());
        let kinds: Vec<&str> = report.asymmetries.iter().map(|a| a.kind_label()).collect();
        // 23 words against 6 is under four times: no word asymmetry.
        assert_eq!(
            kinds,
            [
                "Caveats on one-sided events",
                "Dispute listed one way",
                "Places with coordinates"
            ]
        );
        assert_eq!(
            report.asymmetries[0].describe(),
            "Northland 1 of 2 (north-only) with a caveat sentence in the summary; Southland 0 of 1."
        );
        assert_eq!(
            report.asymmetries[1].describe(),
            "Claim s2 (event both) disputes claim n2 (event both), which does not list s2 in its disputes."
        );
        assert_eq!(
            report.asymmetries[2].describe(),
            "Northland 2 of 2 places (100%); Southland 1 of 3 places (33%, without: s-b, x)."
        );
        let events: Vec<&str> = (report.asymmetries.iter())
            .flat_map(|a| a.events())
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(events, ["north-only", "both"]);
    }

    #[test]
    fn four_times_the_words_is_an_asymmetry_and_equal_rates_are_not() {
        let mut ds = catalog().dataset;
        // s2 cut to five words: 23 against 5.
        for claim in ds.events.iter_mut().flat_map(|e| &mut e.claims) {
            if &*claim.id == "s2" {
                claim.text = "It called it \"attack\" falsely.".into();
            }
        }
        // Southland's one-sided event gets a caveat: 1 of 2 against 1 of 1 still differs;
        // then Northland's second loses its share: 1 of 1 against 1 of 1 does not.
        for event in &mut ds.events {
            if &*event.id == "south-only" {
                event.summary =
                    format!("{} It was not independently confirmed.", event.summary).into();
            }
        }
        let report = Report::new(&Catalog::new(ds.clone()));
        let kinds: Vec<&str> = report.asymmetries.iter().map(|a| a.kind_label()).collect();
        assert_eq!(kinds[0], "Caveats on one-sided events");
        assert_eq!(kinds[1], "Words on one event");
        assert_eq!(
            report.asymmetries[1].describe(),
            "Event both (“Both”): Northland 23 words, Southland 5 words (4.6 times as many)."
        );
        for claim in ds.events.iter_mut().flat_map(|e| &mut e.claims) {
            claim.more.edit().also_about = Default::default();
        }
        let report = Report::new(&Catalog::new(ds));
        assert!(
            !(report.asymmetries.iter()).any(|a| matches!(a, Asymmetry::CaveatRates { .. })),
            "{:#?}",
            report.asymmetries
        );
    }
}
