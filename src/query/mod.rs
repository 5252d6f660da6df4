//! Which events the user is looking at. [`Index`] holds the per-event facts every filter needs
//! (time span, who spoke, which actors and districts, a lowercase search text), computed once
//! per load; [`FilterState`] is the one filter the timeline, the panels, the casualty strip and
//! the event list all read; [`Query`] applies the one to the other and counts each facet.
//!
//! Filters choose events, never claims: an event that passes shows every claim made about it,
//! so narrowing to one side's actor never hides what the other side said about the same event.

mod index;

pub use index::{District, EventFacts, Index, Side, Voices, sort_events};

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, EventKind};

/// A dataset with its events in time order and the index built over them: the two always
/// change together.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub dataset: Dataset,
    pub index: Index,
}

impl Catalog {
    pub fn new(mut dataset: Dataset) -> Catalog {
        sort_events(&mut dataset);
        let index = Index::new(&dataset);
        Catalog { dataset, index }
    }
}

/// Everything that narrows the view. Ids and names, not indices, so that a filter survives a
/// reload of the files (and can be written to a saved view).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterState {
    /// Events with a claim by any of these actors (by id).
    pub actors: BTreeSet<String>,
    /// Events at a place in any of these districts (by name).
    pub districts: BTreeSet<String>,
    /// Events with a claim from any of these sides.
    pub sides: BTreeSet<Side>,
    pub kinds: BTreeSet<EventKind>,
    /// Events that overlap `[from, to]`, in UTC seconds; either end may be open.
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Every word must appear in the title, summary, a claim, an actor or a place name.
    pub text: String,
    /// Only events both sides made claims about.
    pub contested_only: bool,
}

impl FilterState {
    pub fn is_empty(&self) -> bool {
        *self == FilterState::default()
    }
}

/// The facets whose counts are shown beside their choices. Each facet's counts honour every
/// other filter but not its own, so a user sees what ticking one more box would add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Actor,
    District,
    Side,
    Kind,
}

/// A [`FilterState`] turned into masks over the index, once per change.
struct Compiled {
    actors: Option<Vec<bool>>,
    districts: Option<Vec<bool>>,
    sides: Option<Voices>,
    kinds: Option<BTreeSet<EventKind>>,
    from: i64,
    to: i64,
    words: Vec<String>,
    contested_only: bool,
}

impl Compiled {
    fn new(index: &Index, f: &FilterState) -> Compiled {
        let mask = |n: usize, pos: &dyn Fn(&str) -> Option<usize>, set: &BTreeSet<String>| {
            (!set.is_empty()).then(|| {
                let mut m = vec![false; n];
                for id in set {
                    if let Some(i) = pos(id) {
                        m[i] = true;
                    }
                }
                m
            })
        };
        Compiled {
            actors: mask(index.actor_count(), &|id| index.actor_index(id), &f.actors),
            districts: mask(
                index.districts.len(),
                &|name| index.district_index(name),
                &f.districts,
            ),
            sides: (!f.sides.is_empty())
                .then(|| f.sides.iter().fold(Voices::NONE, |v, s| v.with(*s))),
            kinds: (!f.kinds.is_empty()).then(|| f.kinds.clone()),
            from: f.from.unwrap_or(i64::MIN),
            to: f.to.unwrap_or(i64::MAX),
            words: f.text.split_whitespace().map(str::to_lowercase).collect(),
            contested_only: f.contested_only,
        }
    }

    /// Whether an event passes every filter except `skip`.
    fn passes(&self, e: &EventFacts, skip: Option<Facet>) -> bool {
        let any = |mask: &Option<Vec<bool>>, ids: &[usize]| {
            mask.as_ref().is_none_or(|m| ids.iter().any(|&i| m[i]))
        };
        (skip == Some(Facet::Actor) || any(&self.actors, &e.actors))
            && (skip == Some(Facet::District) || any(&self.districts, &e.districts))
            && (skip == Some(Facet::Side) || self.sides.is_none_or(|s| e.voices.intersects(s)))
            && (skip == Some(Facet::Kind)
                || self.kinds.as_ref().is_none_or(|k| k.contains(&e.kind)))
            && e.span.end >= self.from
            && e.span.start <= self.to
            && (!self.contested_only || e.voices.is_contested())
            && self.words.iter().all(|w| e.search.contains(w.as_str()))
    }
}

/// The result of applying a filter: the events that pass, in time order, and each facet's counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Indices into `Dataset::events` (which the index keeps in time order).
    pub events: Vec<usize>,
    /// Events per actor (by actor index), ignoring the actor filter.
    pub actor_counts: Vec<usize>,
    /// Events per district (by district index), ignoring the district filter.
    pub district_counts: Vec<usize>,
    /// Events per side, ignoring the side filter: [left, right, third].
    pub side_counts: [usize; 3],
    /// Events per kind, ignoring the kind filter.
    pub kind_counts: Vec<(EventKind, usize)>,
    /// Claims on the events that pass.
    pub claims: usize,
}

impl Query {
    pub fn run(index: &Index, filter: &FilterState) -> Query {
        let c = Compiled::new(index, filter);
        let mut q = Query {
            actor_counts: vec![0; index.actor_count()],
            district_counts: vec![0; index.districts.len()],
            ..Query::default()
        };
        let mut kinds: Vec<(EventKind, usize)> = Vec::new();
        for (i, e) in index.events.iter().enumerate() {
            if c.passes(e, None) {
                q.events.push(i);
                q.claims += e.claim_count;
            }
            if c.passes(e, Some(Facet::Actor)) {
                for &a in &e.actors {
                    q.actor_counts[a] += 1;
                }
            }
            if c.passes(e, Some(Facet::District)) {
                for &d in &e.districts {
                    q.district_counts[d] += 1;
                }
            }
            if c.passes(e, Some(Facet::Side)) {
                for (k, side) in Side::ALL.iter().enumerate() {
                    if e.voices.has(*side) {
                        q.side_counts[k] += 1;
                    }
                }
            }
            if c.passes(e, Some(Facet::Kind)) {
                match kinds.iter_mut().find(|(k, _)| *k == e.kind) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((e.kind, 1)),
                }
            }
        }
        kinds.sort();
        q.kind_counts = kinds;
        q
    }

    pub fn contains(&self, event: usize) -> bool {
        self.events.binary_search(&event).is_ok()
    }
}

#[cfg(test)]
mod tests;
