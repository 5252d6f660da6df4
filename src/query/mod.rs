//! Which events the user is looking at. [`Index`] holds the per-event facts every filter needs
//! (time span, who spoke, which actors and districts, a lowercase search text), computed once
//! per load; [`FilterState`] is the one filter the timeline, the panels, the casualty strip and
//! the event list all read; [`Query`] applies the one to the other and counts each facet.
//!
//! Filters choose events, never claims: an event that passes shows every claim made about it,
//! so narrowing to one side's actor never hides what the other side said about the same event.

pub mod bits;
mod index;
pub mod same_day;
pub mod tally;
pub mod text;

pub use bits::Bits;
pub use index::{District, EventFacts, FacetBits, FigureClaim, Index, sort_events};

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, EventKind, Side};

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

    /// [`Catalog::new`], telling `observe` the share done as it goes (a million events take
    /// seconds); none when it returns false (the user cancelled).
    pub fn new_observed(mut dataset: Dataset, observe: tally::Observer) -> Option<Catalog> {
        let n = dataset.events.len();
        // Sorting counts each event three times, as the index counts its passes.
        let tally = tally::Tally::new(3 * n + Index::steps(n), observe);
        index::sort_events_observed(&mut dataset, &tally);
        let index = Index::new_observed(&dataset, &tally)?;
        Some(Catalog { dataset, index })
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

/// What a query reads besides the filter: how the district filter reads places.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueryOptions<'a> {
    /// The administration scheme places' districts are read under (`None`: their default).
    pub district_scheme: Option<&'a str>,
}

impl FilterState {
    pub fn is_empty(&self) -> bool {
        *self == FilterState::default()
    }

    /// Keeps the chosen sides pointing at the same parties when the party order changes:
    /// `before` is the party ids in the order the sides were chosen in, `now` the dataset
    /// they apply to. A party that is gone is dropped from the filter.
    pub fn follow_parties(&mut self, before: &[String], now: &Dataset) {
        self.sides = std::mem::take(&mut self.sides)
            .into_iter()
            .filter_map(|side| match side.party_index() {
                None => Some(side),
                Some(i) => {
                    let id = before.get(i)?;
                    let j = now.parties.iter().position(|p| &p.id == id)?;
                    Some(Side::party(j)).filter(|s| s.party_index().is_some())
                }
            })
            .collect();
    }
}

/// A [`FilterState`] as sets of events, one per facet (`None`: that facet does not narrow).
/// Each facet's counts honour every other facet but not its own, so a user sees what ticking
/// one more box would add.
struct Masks {
    actors: Option<Bits>,
    districts: Option<Bits>,
    sides: Option<Bits>,
    kinds: Option<Bits>,
    /// Dates, text and "contested only": facets without counts.
    rest: Option<Bits>,
}

impl Masks {
    fn new(index: &Index, f: &FilterState, district_bits: &[Bits]) -> Masks {
        let n = index.events.len();
        let b = &index.bits;
        // Each facet: no choice means no narrowing; otherwise the union of the chosen members'
        // sets. A chosen id the index does not know (say, from a saved view of other data)
        // adds nothing, so it narrows to nothing rather than being ignored.
        fn chosen<'b>(n: usize, any: bool, sets: impl Iterator<Item = &'b Bits>) -> Option<Bits> {
            any.then(|| Bits::union(n, sets))
        }
        let actors = chosen(
            n,
            !f.actors.is_empty(),
            f.actors
                .iter()
                .filter_map(|id| index.actor_index(id))
                .map(|a| &b.actors[a]),
        );
        let districts = chosen(
            n,
            !f.districts.is_empty(),
            f.districts
                .iter()
                .filter_map(|name| index.district_index(name))
                .map(|d| &district_bits[d]),
        );
        let sides = chosen(
            n,
            !f.sides.is_empty(),
            f.sides.iter().map(|&s| &b.sides[s.index()]),
        );
        let kinds = chosen(
            n,
            !f.kinds.is_empty(),
            b.kinds
                .iter()
                .filter(|(k, _)| f.kinds.contains(k))
                .map(|(_, bits)| bits),
        );
        let mut rest: Option<Bits> = None;
        let mut narrow = |m: Bits| match &mut rest {
            Some(r) => r.and_with(&m),
            None => rest = Some(m),
        };
        if f.from.is_some() || f.to.is_some() {
            narrow(time_mask(
                index,
                f.from.unwrap_or(i64::MIN),
                f.to.unwrap_or(i64::MAX),
            ));
        }
        if f.contested_only {
            narrow(b.contested.clone());
        }
        if let Some(hits) = index.text.search(&f.text) {
            narrow(hits);
        }
        Masks {
            actors,
            districts,
            sides,
            kinds,
            rest,
        }
    }

    /// Every mask ANDed, leaving out the one at `skip` (0 actors, 1 districts, 2 sides, 3
    /// kinds; anything else leaves none out). `None` when nothing narrows.
    fn all_but(&self, skip: usize) -> Option<Bits> {
        let masks = [
            &self.actors,
            &self.districts,
            &self.sides,
            &self.kinds,
            &self.rest,
        ];
        let mut out: Option<Bits> = None;
        for (k, m) in masks.iter().enumerate() {
            if k == skip {
                continue;
            }
            if let Some(m) = m {
                match &mut out {
                    Some(o) => o.and_with(m),
                    None => out = Some(m.clone()),
                }
            }
        }
        out
    }
}

/// Events overlapping `[from, to]`. Events are sorted by start, so those starting after `to`
/// are cut off by binary search; only the ends of the rest are compared.
fn time_mask(index: &Index, from: i64, to: i64) -> Bits {
    let n = index.events.len();
    let last = index.starts.partition_point(|&s| s <= to);
    let mut m = Bits::empty(n);
    for (i, e) in index.events[..last].iter().enumerate() {
        if e.span.end >= from {
            m.insert(i);
        }
    }
    m
}

/// How many events of `set` pass `base` (all of them when nothing narrows).
fn count_in(set: &Bits, base: &Option<Bits>) -> usize {
    match base {
        Some(b) => set.count_and(b),
        None => set.count(),
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
    pub side_counts: [usize; Side::COUNT],
    /// Events per kind, ignoring the kind filter.
    pub kind_counts: Vec<(EventKind, usize)>,
    /// Claims on the events that pass.
    pub claims: usize,
    /// How many of the events that pass both sides made claims about.
    pub contested: usize,
}

impl Query {
    pub fn run(index: &Index, filter: &FilterState) -> Query {
        Query::run_with(index, filter, QueryOptions::default())
    }

    /// [`Query::run`], with districts read under `options`' scheme.
    pub fn run_with(index: &Index, filter: &FilterState, options: QueryOptions) -> Query {
        let district_bits = index.district_bits(options.district_scheme);
        let m = Masks::new(index, filter, district_bits);
        let b = &index.bits;
        let all = m.all_but(usize::MAX);
        let events: Vec<usize> = match &all {
            Some(all) => all.iter().collect(),
            None => (0..index.events.len()).collect(),
        };
        let contested = count_in(&b.contested, &all);
        let claims = (events.iter()).map(|&e| index.claim_count(e)).sum();
        let base = m.all_but(0);
        let actor_counts = b.actors.iter().map(|s| count_in(s, &base)).collect();
        let base = m.all_but(1);
        let district_counts = district_bits.iter().map(|s| count_in(s, &base)).collect();
        let base = m.all_but(2);
        let side_counts = std::array::from_fn(|k| count_in(&b.sides[k], &base));
        let base = m.all_but(3);
        let kind_counts = b
            .kinds
            .iter()
            .map(|(k, s)| (*k, count_in(s, &base)))
            .filter(|(_, n)| *n > 0)
            .collect();
        Query {
            events,
            actor_counts,
            district_counts,
            side_counts,
            kind_counts,
            claims,
            contested,
        }
    }

    /// How many of the events overlap `[a, b]`, and the first `limit` of them. The events are
    /// in time order, so this is two binary searches and a look back over the events that
    /// start before `a` but may last into it, not a scan of every event.
    pub fn in_view(&self, index: &Index, a: i64, b: i64, limit: usize) -> (usize, Vec<usize>) {
        let start = |e: usize| index.events[e].span.start;
        let lo = self
            .events
            .partition_point(|&e| start(e) < a.saturating_sub(index.longest));
        let at_a = self.events.partition_point(|&e| start(e) < a);
        let hi = self.events.partition_point(|&e| start(e) <= b).max(at_a);
        let overlaps = |e: usize| index.events[e].span.end >= a;
        let reaching_in = self.events[lo..at_a]
            .iter()
            .filter(|&&e| overlaps(e))
            .count();
        let first = self.events[lo..hi]
            .iter()
            .copied()
            .filter(|&e| overlaps(e))
            .take(limit)
            .collect();
        (reaching_in + (hi - at_a), first)
    }

    pub fn contains(&self, event: usize) -> bool {
        self.events.binary_search(&event).is_ok()
    }
}

#[cfg(test)]
mod tests;
