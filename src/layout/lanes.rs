//! Rows of the timeline. By party, an event sits in the lane of every side that made claims
//! about it, so what both sides spoke about lines up vertically; by district, in the lane of
//! each district it touches; by kind, in its kind's lane.

use serde::{Deserialize, Serialize};

use crate::model::wording::{group_label, kind_label};
use crate::model::{Dataset, EventKind, Side};
use crate::query::Index;
use crate::query::bits::Bits;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LaneMode {
    #[default]
    Party,
    District,
    Kind,
    /// One lane for each side parties stand on together (a party naming no side is its own).
    Side,
}

impl LaneMode {
    pub const ALL: [LaneMode; 4] = [
        LaneMode::Party,
        LaneMode::Side,
        LaneMode::District,
        LaneMode::Kind,
    ];

    /// Whether the mode means anything for `ds`: by side only where parties name sides.
    pub fn applies_to(self, ds: &Dataset) -> bool {
        self != LaneMode::Side || ds.parties.iter().any(|p| p.side.is_some())
    }

    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Party => "By party",
            LaneMode::District => "By district",
            LaneMode::Kind => "By kind",
            LaneMode::Side => "By side",
        }
    }
}

/// What a lane holds, for its label and colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaneKey {
    Side(Side),
    District(usize),
    Kind(EventKind),
    /// Events with no claims (party lanes) or no district (district lanes).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub key: LaneKey,
    pub label: String,
    /// Events in this lane, as a set over the dataset's events, which are in time order: a
    /// filter change at a million events fills a few sets of bits instead of growing lists.
    pub members: Bits,
    /// How many events it holds.
    pub count: usize,
}

impl Lane {
    fn new(key: LaneKey, label: String, members: Bits) -> Lane {
        Lane {
            key,
            label,
            count: members.count(),
            members,
        }
    }

    /// Its events in time order.
    pub fn events(&self) -> impl Iterator<Item = usize> + '_ {
        self.members.iter()
    }

    pub fn contains(&self, e: usize) -> bool {
        e < self.members.len() && self.members.contains(e)
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The events overlapping `[t0, t1]`, in time order: those starting in the range, found by
    /// binary search over the dataset's start times, plus the few long events starting
    /// earlier that reach into it.
    pub fn visible(&self, index: &Index, t0: i64, t1: i64) -> Vec<usize> {
        let lo = starting_before(index, t0.saturating_sub(index.longest));
        let hi = starting_before(index, t1.saturating_add(1));
        (self.members.iter_in(lo, hi))
            .filter(|&e| index.events[e].span.end >= t0)
            .collect()
    }

    /// How many of the lane's events start in `[a, b)`.
    pub fn count_starting_in(&self, index: &Index, a: i64, b: i64) -> usize {
        self.members
            .count_in(starting_before(index, a), starting_before(index, b))
    }

    /// How many events overlap `[t0, t1]`, without listing them: the count that chooses the
    /// level of detail, counted a word at a time plus a look back over events that start
    /// before `t0` and may reach into it.
    pub fn visible_count(&self, index: &Index, t0: i64, t1: i64) -> usize {
        let lo = starting_before(index, t0.saturating_sub(index.longest));
        let at = starting_before(index, t0);
        let reaching_in = (self.members.iter_in(lo, at))
            .filter(|&e| index.events[e].span.end >= t0)
            .count();
        reaching_in + self.count_starting_in(index, t0, t1.saturating_add(1))
    }
}

/// How many of the dataset's events start before `t` (they are in time order).
fn starting_before(index: &Index, t: i64) -> usize {
    index.starts.partition_point(|&s| s < t)
}

/// Lanes for the given events (already filtered, in time order), top to bottom.
pub fn lanes(ds: &Dataset, index: &Index, mode: LaneMode, events: &[usize]) -> Vec<Lane> {
    let mut out: Vec<Lane> = match mode {
        LaneMode::Party => party_lanes(ds, index, events),
        LaneMode::Side => grouped_lanes(ds, index, events),
        LaneMode::District => district_lanes(ds, index, events),
        LaneMode::Kind => kind_lanes(index, events),
    };
    out.retain(|l| !l.is_empty() || matches!(l.key, LaneKey::Side(_)));
    out
}

/// The sides a dataset has: one for each of its parties, in the dataset's order, then the
/// third parties. A dataset with one party or none has just that.
pub fn sides_of(ds: &Dataset) -> Vec<Side> {
    (0..ds.parties.len().min(crate::model::MAX_PARTIES))
        .map(Side::party)
        .chain([Side::THIRD])
        .collect()
}

fn party_lanes(ds: &Dataset, index: &Index, events: &[usize]) -> Vec<Lane> {
    let groups: Vec<Vec<Side>> = sides_of(ds).into_iter().map(|s| vec![s]).collect();
    voice_lanes(ds, index, events, groups)
}

/// The parties grouped by the side each names, in party order (a group where its first
/// party stands); a party naming no side is a group alone.
pub fn party_groups(ds: &Dataset) -> Vec<Vec<Side>> {
    let mut groups: Vec<(Option<&str>, Vec<Side>)> = Vec::new();
    for side in sides_of(ds).into_iter().filter(|&s| s != Side::THIRD) {
        let named = side
            .party_index()
            .and_then(|i| ds.parties[i].side.as_deref());
        match groups
            .iter_mut()
            .find(|(n, _)| named.is_some() && *n == named)
        {
            Some((_, members)) => members.push(side),
            None => groups.push((named, vec![side])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

fn grouped_lanes(ds: &Dataset, index: &Index, events: &[usize]) -> Vec<Lane> {
    let mut groups = party_groups(ds);
    groups.push(vec![Side::THIRD]);
    voice_lanes(ds, index, events, groups)
}

/// A lane for each group of sides, holding the events any of them made claims about, then
/// the events nobody did. A group's lane takes its first party's colour and its parties' names.
fn voice_lanes(ds: &Dataset, index: &Index, events: &[usize], groups: Vec<Vec<Side>>) -> Vec<Lane> {
    // Whole words at a time: the shown events and each group's voices, from the index.
    let shown = Bits::of(index.starts.len(), events.iter().copied());
    let members: Vec<Bits> = (groups.iter())
        .map(|g| {
            let mut set = Bits::union(shown.len(), g.iter().map(|s| &index.bits.voices[s.index()]));
            set.and_with(&shown);
            set
        })
        .collect();
    let mut silent = Bits::union(shown.len(), &index.bits.voices);
    silent.invert();
    silent.and_with(&shown);
    let mut lanes: Vec<Lane> = (groups.iter().zip(members))
        .map(|(g, set)| Lane::new(LaneKey::Side(g[0]), group_label(ds, g), set))
        .collect();
    lanes.push(Lane::new(LaneKey::Other, "No claims".to_owned(), silent));
    lanes
}

fn district_lanes(ds: &Dataset, index: &Index, events: &[usize]) -> Vec<Lane> {
    let mut per_district: Vec<Vec<usize>> = vec![Vec::new(); index.districts.len()];
    let mut none = Vec::new();
    for &e in events {
        let ds_of = index.events[e].districts();
        if ds_of.is_empty() {
            none.push(e);
        }
        for &d in ds_of {
            per_district[d as usize].push(e);
        }
    }
    // Lists first and sets after: a set per district over every event would be large with
    // thousands of districts, most of them holding few events.
    let n = index.starts.len();
    // Countries in the order of the parties they are named after, then the rest by name;
    // districts by name within a country.
    let country_rank = |c: &str| {
        ds.parties
            .iter()
            .position(|p| p.name == c)
            .unwrap_or(ds.parties.len())
    };
    let mut order: Vec<usize> = (0..index.districts.len()).collect();
    order.sort_by(|&a, &b| {
        let (da, db) = (&index.districts[a], &index.districts[b]);
        (country_rank(&da.country), &da.country, &da.name).cmp(&(
            country_rank(&db.country),
            &db.country,
            &db.name,
        ))
    });
    let mut lanes: Vec<Lane> = order
        .into_iter()
        .map(|d| {
            let events = std::mem::take(&mut per_district[d]);
            Lane::new(
                LaneKey::District(d),
                index.districts[d].name.clone(),
                Bits::of(n, events),
            )
        })
        .collect();
    lanes.push(Lane::new(
        LaneKey::Other,
        "No district".to_owned(),
        Bits::of(n, none),
    ));
    lanes
}

fn kind_lanes(index: &Index, events: &[usize]) -> Vec<Lane> {
    let mut per_kind: Vec<(EventKind, Bits)> = Vec::new();
    for &e in events {
        let kind = index.events[e].kind;
        match per_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, set)) => set.insert(e),
            None => per_kind.push((kind, Bits::of(index.starts.len(), [e]))),
        }
    }
    let mut lanes: Vec<Lane> = (per_kind.into_iter())
        .map(|(kind, set)| Lane::new(LaneKey::Kind(kind), kind_label(kind).to_owned(), set))
        .collect();
    lanes.sort_by_key(|l| match l.key {
        LaneKey::Kind(k) => k,
        _ => EventKind::Background,
    });
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;
    use crate::query::{Catalog, FilterState, Query};

    fn setup() -> (Catalog, Vec<usize>) {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let all = Query::run(&cat.index, &FilterState::default()).events;
        (cat, all)
    }

    #[test]
    fn party_lanes_put_contested_events_in_both_sides_lanes() {
        let (cat, all) = setup();
        let ls = lanes(&cat.dataset, &cat.index, LaneMode::Party, &all);
        assert_eq!(ls[0].label, "Armenian side");
        assert_eq!(ls[1].label, "Azerbaijani side");
        assert_eq!(ls[2].label, "Third parties");
        let contested: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&e| cat.index.events[e].contested)
            .collect();
        assert!(!contested.is_empty());
        for e in contested {
            assert!(ls[0].contains(e) && ls[1].contains(e));
        }
        // Every event is in at least one lane.
        for e in &all {
            assert!(ls.iter().any(|l| l.contains(*e)));
        }
    }

    #[test]
    fn district_lanes_group_by_country_in_party_order() {
        let (cat, all) = setup();
        let ls = lanes(&cat.dataset, &cat.index, LaneMode::District, &all);
        let countries: Vec<&str> = ls
            .iter()
            .filter_map(|l| match l.key {
                LaneKey::District(d) => Some(cat.index.districts[d].country.as_str()),
                _ => None,
            })
            .collect();
        let first_aze = countries.iter().position(|c| *c == "Azerbaijan").unwrap();
        assert!(countries[..first_aze].iter().all(|c| *c == "Armenia"));
        assert!(ls.iter().any(|l| l.label == "Gegharkunik"));
        assert!(ls.iter().any(|l| l.label == "Kalbajar"));
        // Lanes with nothing in them are dropped.
        assert!(ls.iter().all(|l| !l.is_empty()));
    }

    #[test]
    fn kind_lanes_hold_each_event_once() {
        let (cat, all) = setup();
        let ls = lanes(&cat.dataset, &cat.index, LaneMode::Kind, &all);
        let total: usize = ls.iter().map(|l| l.count).sum();
        assert_eq!(total, all.len());
        let mut each: Vec<usize> = ls.iter().flat_map(|l| l.events()).collect();
        each.sort_unstable();
        assert_eq!(each, all, "each event once");
    }

    #[test]
    fn side_lanes_stay_when_empty() {
        let (cat, _) = setup();
        let ls = lanes(&cat.dataset, &cat.index, LaneMode::Party, &[]);
        assert_eq!(ls.len(), 3);
    }
}
