//! What the map shows of the filtered events in the timeline's visible range: one mark per
//! place with the events there and whose claims they carry, and events per district for the
//! shading. Recomputed only when the filter or the visible range changes.

use std::collections::HashMap;

use crate::model::Dataset;
use crate::query::{Index, Voices};

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMark {
    /// Index into the dataset's places.
    pub place: usize,
    /// The events at this place, in time order.
    pub events: Vec<usize>,
    /// Every side that made claims about them.
    pub voices: Voices,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapMarks {
    /// Places with coordinates and at least one event, most events first.
    pub places: Vec<PlaceMark>,
    /// Events per district name (an event counts once per district it touches).
    pub districts: HashMap<String, usize>,
    /// Places of these events that have no coordinates: listed, not drawn.
    pub unplaced: Vec<usize>,
}

/// Marks for `events` (filtered and in view, in time order).
pub fn map_marks(ds: &Dataset, index: &Index, events: &[usize]) -> MapMarks {
    let mut by_place: HashMap<usize, PlaceMark> = HashMap::new();
    let mut out = MapMarks::default();
    for &e in events {
        let facts = &index.events[e];
        for &d in &facts.districts {
            *out.districts
                .entry(index.districts[d].name.clone())
                .or_insert(0) += 1;
        }
        for p in ds.events[e]
            .places
            .iter()
            .filter_map(|id| index.place_index(id))
        {
            let place = &ds.places[p];
            if place.lat.is_none() || place.lon.is_none() {
                if !out.unplaced.contains(&p) {
                    out.unplaced.push(p);
                }
                continue;
            }
            let mark = by_place.entry(p).or_insert_with(|| PlaceMark {
                place: p,
                events: Vec::new(),
                voices: Voices::NONE,
            });
            if mark.events.last() != Some(&e) {
                mark.events.push(e);
                for side in crate::query::Side::ALL {
                    if facts.voices.has(side) {
                        mark.voices = mark.voices.with(side);
                    }
                }
            }
        }
    }
    out.places = by_place.into_values().collect();
    out.places.sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then(a.place.cmp(&b.place))
    });
    out.unplaced.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;
    use crate::query::{Catalog, FilterState, Query};

    #[test]
    fn marks_count_each_event_once_per_place_and_district() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let all = Query::run(&cat.index, &FilterState::default()).events;
        let m = map_marks(&cat.dataset, &cat.index, &all);
        let jermuk = cat.index.place_index("jermuk").expect("Jermuk is a place");
        let mark = m.places.iter().find(|p| p.place == jermuk).unwrap();
        let expected = cat
            .dataset
            .events
            .iter()
            .filter(|e| e.places.iter().any(|p| p == "jermuk"))
            .count();
        assert_eq!(mark.events.len(), expected);
        let vd = cat
            .dataset
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                cat.index.events[*i]
                    .districts
                    .iter()
                    .any(|&d| cat.index.districts[d].name == "Vayots Dzor")
            })
            .count();
        assert_eq!(m.districts["Vayots Dzor"], vd);
        // Places without coordinates are listed, never drawn.
        for &p in &m.unplaced {
            assert!(cat.dataset.places[p].lat.is_none());
            assert!(m.places.iter().all(|x| x.place != p));
        }
        assert!(
            m.places
                .windows(2)
                .all(|w| w[0].events.len() >= w[1].events.len())
        );
    }
}
