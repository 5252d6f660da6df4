//! The balance report a curator runs before publishing: per party, what the data holds of its
//! words (claims, words, figures, one-sided events and the caveats on them, dispute links,
//! quoted loaded words, places with coordinates); per event, each speaker's share of the
//! words; and the asymmetries between parties worth a second look. It reports and never
//! judges or edits: an asymmetry may be the record itself, and only the curator can tell.
//!
//! Every party is computed alike, for any number of parties. Actors with no party are the
//! third parties: a row of their own, never part of the asymmetries between parties.
//! No egui here: `claimline balance` prints this, and the app's Balance window draws it.

pub mod asymmetry;
pub mod caveats;
pub mod disputes;
pub mod one_sided;
pub mod parties;
pub mod places;
pub mod table;
pub mod words;

pub use asymmetry::Asymmetry;
pub use one_sided::{one_sided_line, one_sided_party};
pub use parties::PartyRow;
pub use words::EventShares;

use crate::query::Catalog;

/// An event as a report names it: its place in the catalog (to select it) and its id (for
/// the curator to find it in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRef {
    pub index: usize,
    pub id: String,
}

impl EventRef {
    pub fn of(cat: &Catalog, e: usize) -> EventRef {
        EventRef {
            index: e,
            id: cat.dataset.events[e].id.to_string(),
        }
    }
}

/// A side as the report names it: the party's name, or "Third parties".
pub fn side_name(ds: &crate::model::Dataset, side: crate::model::Side) -> String {
    match side.party_index().and_then(|i| ds.parties.get(i)) {
        Some(p) => p.name.clone(),
        None => "Third parties".to_owned(),
    }
}

/// The whole report on one loaded dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The dataset's title.
    pub title: String,
    pub event_count: usize,
    pub claim_count: usize,
    /// One row per party, in the dataset's party order.
    pub parties: Vec<PartyRow>,
    /// The claims of actors with no party, when there are any.
    pub third_parties: Option<PartyRow>,
    /// Every event with claims, in time order, with each speaker's share of its words.
    pub events: Vec<EventShares>,
    /// The asymmetries of the kinds checked, in a fixed order: caveats, words, disputes,
    /// coordinates; within a kind, by party order and then event order.
    pub asymmetries: Vec<Asymmetry>,
}

impl Report {
    pub fn new(cat: &Catalog) -> Report {
        let (parties, third_parties) = parties::rows(cat);
        let events = words::event_shares(cat);
        let asymmetries = asymmetry::find(cat, &parties, &events);
        Report {
            title: cat.dataset.info.title.clone(),
            event_count: cat.dataset.events.len(),
            claim_count: cat.dataset.claim_count(),
            parties,
            third_parties,
            events,
            asymmetries,
        }
    }

    /// The events whose shares a reader should see: one-sided, or uneven between parties.
    pub fn notable_events(&self) -> impl Iterator<Item = &EventShares> {
        self.events.iter().filter(|e| e.one_sided || e.uneven)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::query::Catalog;

    /// Northland and Southland, invented: one event each party speaks on alone (Northland's
    /// with a caveat), one both speak on (Northland with far more words, Southland disputing
    /// it one way), and one Northland speaks on only through a claim `also_about` it.
    /// Northland's places all have coordinates; one of Southland's three has them.
    pub const SMALL: &str = r#"(
    format: 2,
    dataset: (title: "Balance unit fixture", description: "Invented.", curator: "Tests", licence: "CC0 1.0"),
    parties: [
        (id: "north", name: "Northland", adjective: "Northern"),
        (id: "south", name: "Southland", adjective: "Southern"),
    ],
    actors: [
        (id: "n-mod", name: "Northland Defence Ministry", role: "defence ministry", party: "north", kind: Military),
        (id: "s-mod", name: "Southland Defence Ministry", role: "defence ministry", party: "south", kind: Military),
        (id: "obs", name: "Lake Observers", role: "observers", kind: InternationalOrganisation),
    ],
    places: [
        (id: "n-a", name: "Arn", country: "Northland", lat: 10.0, lon: 10.0),
        (id: "n-b", name: "Bry", country: "Northland", lat: 10.5, lon: 10.5),
        (id: "s-a", name: "Cole", country: "Southland", lat: 9.0, lon: 10.0),
        (id: "s-b", name: "Dene", country: "Southland"),
        (id: "x", name: "Esk", country: "Westmark", admin: [(scheme: "de facto", country: "Southland")]),
    ],
    sources: [(id: "src", outlet: "Harbour Post", language: "en")],
    events: [
        (
            id: "north-only", title: "North only", when: (at: "2030-01-01", precision: Day), kind: Shelling,
            places: ["n-a"],
            summary: "Northland reported fire near Arn. The report could not be verified.",
            claims: [
                (id: "n1", actor: "n-mod", said: (at: "2030-01-01", precision: Day), kind: Report, text: "One two three four.", figures: [(measure: Killed, count: 1, whose: "north", people: Military)], sources: [(source: "src")]),
                (id: "t1", actor: "obs", said: (at: "2030-01-01", precision: Day), kind: Report, text: "Observers saw smoke.", sources: [(source: "src")]),
            ],
        ),
        (
            id: "south-only", title: "South only", when: (at: "2030-01-02", precision: Day), kind: Shelling,
            places: ["s-a"],
            summary: "Southland reported fire near Cole.",
            claims: [
                (id: "s1", actor: "s-mod", said: (at: "2030-01-02", precision: Day), kind: Report, text: "Fire near Cole.", sources: [(source: "src")]),
            ],
        ),
        (
            id: "both", title: "Both", when: (at: "2030-01-03", precision: Day), kind: Shelling,
            places: ["n-b", "s-b"],
            summary: "Both parties reported fire.",
            claims: [
                (id: "n2", actor: "n-mod", said: (at: "2030-01-03", precision: Day), kind: Accusation, text: "a b c d e f g h i j k l m n o p q r s t", sources: [(source: "src")]),
                (id: "s2", actor: "s-mod", said: (at: "2030-01-03", precision: Day), kind: Denial, text: "It called it an \"attack\" falsely.", sources: [(source: "src")], disputes: ["n2"]),
                (id: "n3", actor: "n-mod", said: (at: "2030-01-03", precision: Day), kind: Statement, text: "More fire followed.", sources: [(source: "src")], also_about: ["third-only"]),
            ],
        ),
        (
            id: "third-only", title: "Third only", when: (at: "2030-01-04", precision: Day), kind: Report,
            places: ["x"],
            summary: "Observers reported calm. Nothing more.",
            claims: [
                (id: "t2", actor: "obs", said: (at: "2030-01-04", precision: Day), kind: Report, text: "Calm.", sources: [(source: "src")]),
            ],
        ),
    ],
)"#;

    pub fn catalog() -> Catalog {
        let out = crate::load::load_texts(&[crate::load::SourceText {
            name: "small.ron".into(),
            text: SMALL.into(),
        }]);
        let errors: Vec<String> = (out.diagnostics.iter())
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        Catalog::new(out.dataset.expect("the fixture loads"))
    }
}
