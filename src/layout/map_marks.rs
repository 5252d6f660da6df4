//! What the map shows of the filtered events in the timeline's visible range: one mark per
//! place with the events there and whose claims they carry, and events per district for the
//! shading. Recomputed only when the filter or the visible range changes.

use std::collections::HashMap;

use super::stack::Bx;
use crate::model::{Dataset, Voices};
use crate::query::Index;

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
///
/// With a million events in view (the first zoom step from the whole range) this runs over
/// each of them, so it counts in tables indexed by place and district, and names the
/// districts only at the end.
pub fn map_marks(ds: &Dataset, index: &Index, events: &[usize]) -> MapMarks {
    let mut by_place: Vec<Option<PlaceMark>> = ds.places.iter().map(|_| None).collect();
    let mut unplaced = vec![false; ds.places.len()];
    let mut per_district = vec![0usize; index.districts.len()];
    for &e in events {
        let facts = &index.events[e];
        for &d in facts.districts() {
            per_district[d as usize] += 1;
        }
        // The event's places, and those its claims name (its own, and those of claims
        // filed elsewhere that are also about it), as the district filter reads them: each
        // once, so an event is listed once at each of its places.
        for &p in facts.places() {
            let p = p as usize;
            let place = &ds.places[p];
            if place.lat.is_none() || place.lon.is_none() {
                unplaced[p] = true;
                continue;
            }
            let mark = by_place[p].get_or_insert_with(|| PlaceMark {
                place: p,
                events: Vec::new(),
                voices: Voices::NONE,
            });
            mark.events.push(e);
            mark.voices = mark.voices.union(facts.voices);
        }
    }
    let mut out = MapMarks::default();
    // Two districts may share a name (in two countries): their events add up under it.
    for (d, &n) in per_district.iter().enumerate().filter(|(_, n)| **n > 0) {
        *out.districts
            .entry(index.districts[d].name.clone())
            .or_insert(0) += n;
    }
    out.unplaced = (unplaced.iter().enumerate())
        .filter_map(|(p, &u)| u.then_some(p))
        .collect();
    out.places = by_place.into_iter().flatten().collect();
    out.places.sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then(a.place.cmp(&b.place))
    });
    out
}

/// A place's label, to go beside its marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelWant {
    /// The marker's box.
    pub marker: Bx,
    /// The label's width and height.
    pub size: [f32; 2],
    /// A place of the selected event: always labelled.
    pub pinned: bool,
}

/// Where each label goes, or `None` where there is no room for it.
///
/// A label goes to the right of its marker, else to its left, above or below, inside `bounds`,
/// clear of the `obstacles` (the markers) and of the labels placed before it. The selected
/// event's places (`pinned`) are placed first, so the others give way to them, and always: with
/// no free spot, a pinned label goes where it covers no other pinned label, moved inside
/// `bounds` (a long name near the map's edge was never drawn when only the right was tried).
/// The others are placed in the order given, most important first.
pub fn place_map_labels(wants: &[LabelWant], obstacles: &[Bx], bounds: Bx) -> Vec<Option<Bx>> {
    let inside =
        |b: &Bx| b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1;
    let mut kept: Vec<Bx> = Vec::new();
    let mut out = vec![None; wants.len()];
    let pinned_first = (0..wants.len())
        .filter(|&k| wants[k].pinned)
        .chain((0..wants.len()).filter(|&k| !wants[k].pinned));
    for k in pinned_first {
        let w = &wants[k];
        let spots = spots(w);
        let free = spots.iter().copied().find(|b| {
            inside(b)
                && !kept.iter().any(|o| o.overlaps(b))
                && !obstacles.iter().any(|o| o.overlaps(b))
        });
        let spot = free.or_else(|| {
            w.pinned.then(|| {
                let moved = spots.map(|b| move_inside(b, bounds));
                moved
                    .iter()
                    .copied()
                    .find(|b| !kept.iter().any(|o| o.overlaps(b)))
                    .unwrap_or(moved[0])
            })
        });
        if let Some(b) = spot {
            kept.push(b);
            out[k] = Some(b);
        }
    }
    out
}

/// Where a label may go, best first: right of the marker, left, above, below.
fn spots(w: &LabelWant) -> [Bx; 4] {
    let m = w.marker;
    let [width, height] = w.size;
    let (cx, cy) = ((m.x0 + m.x1) / 2.0, (m.y0 + m.y1) / 2.0);
    let beside = |x0: f32| Bx {
        x0,
        y0: cy - height / 2.0,
        x1: x0 + width + 2.0,
        y1: cy + height / 2.0,
    };
    let level = |y0: f32| Bx {
        x0: cx - width / 2.0 - 1.0,
        y0,
        x1: cx + width / 2.0 + 1.0,
        y1: y0 + height,
    };
    [
        beside(m.x1 + 3.0),
        beside(m.x0 - 5.0 - width),
        level(m.y0 - 1.0 - height),
        level(m.y1 + 1.0),
    ]
}

/// `b` shifted to lie inside `bounds` (to its top left corner when it is larger).
fn move_inside(b: Bx, bounds: Bx) -> Bx {
    let dx = (bounds.x1 - b.x1).min(0.0).max(bounds.x0 - b.x0);
    let dy = (bounds.y1 - b.y1).min(0.0).max(bounds.y0 - b.y0);
    Bx {
        x0: b.x0 + dx,
        y0: b.y0 + dy,
        x1: b.x1 + dx,
        y1: b.y1 + dy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bx(x0: f32, y0: f32, x1: f32, y1: f32) -> Bx {
        Bx { x0, y0, x1, y1 }
    }

    /// A marker of radius 5 at (x, y), with a label 60 × 14.
    fn want(x: f32, y: f32, pinned: bool) -> LabelWant {
        LabelWant {
            marker: bx(x - 5.0, y - 5.0, x + 5.0, y + 5.0),
            size: [60.0, 14.0],
            pinned,
        }
    }

    const BOUNDS: Bx = Bx {
        x0: 0.0,
        y0: 0.0,
        x1: 400.0,
        y1: 300.0,
    };

    fn inside(b: &Bx) -> bool {
        b.x0 >= BOUNDS.x0 && b.x1 <= BOUNDS.x1 && b.y0 >= BOUNDS.y0 && b.y1 <= BOUNDS.y1
    }

    #[test]
    fn the_selected_places_are_labelled_first_and_always() {
        // Busier places first, as the map orders them; the selection's places come later.
        let wants = [
            // An unselected label where the selected one below would go.
            want(100.0, 100.0, false),
            // Selected, at the right edge: its label cannot go to the right.
            want(390.0, 50.0, true),
            // Selected, with another marker just to its right.
            want(200.0, 200.0, true),
            // Selected, right of the first: its label's usual place is taken by that one's.
            want(70.0, 100.0, true),
        ];
        let markers: Vec<Bx> = wants
            .iter()
            .map(|w| w.marker)
            .chain([bx(212.0, 195.0, 222.0, 205.0)])
            .collect();
        let placed = place_map_labels(&wants, &markers, BOUNDS);
        for (k, w) in wants.iter().enumerate() {
            if !w.pinned {
                continue;
            }
            let b = placed[k].unwrap_or_else(|| panic!("selected label {k} not drawn"));
            assert!(inside(&b), "label {k} at {b:?} leaves the map");
            assert!(
                !markers.iter().any(|m| m.overlaps(&b)),
                "label {k} at {b:?} covers a marker"
            );
        }
        // Labels never overlap; the unselected one gave way where it had to.
        let kept: Vec<Bx> = placed.iter().flatten().copied().collect();
        for (i, a) in kept.iter().enumerate() {
            for b in &kept[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn a_selected_label_is_drawn_even_with_no_free_room() {
        // Boxed in by markers on every side: still drawn, inside the map.
        let w = want(200.0, 150.0, true);
        let walls: Vec<Bx> = [(-20.0, 0.0), (20.0, 0.0), (0.0, -15.0), (0.0, 15.0)]
            .iter()
            .flat_map(|&(dx, dy)| {
                (-8..=8).map(move |s| {
                    let (x, y) = (200.0 + dx * (1.0 + s as f32 / 2.0), 150.0 + dy);
                    bx(x - 5.0, y - 5.0, x + 5.0, y + 5.0)
                })
            })
            .collect();
        let placed = place_map_labels(&[w], &walls, BOUNDS);
        assert!(placed[0].is_some_and(|b| inside(&b)));
        // An unselected one there gives up.
        assert_eq!(
            place_map_labels(&[want(200.0, 150.0, false)], &walls, BOUNDS),
            [None]
        );
    }
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
                    .districts()
                    .iter()
                    .any(|&d| cat.index.districts[d as usize].name == "Vayots Dzor")
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

    /// A mark's shape shows the sides that spoke about its events: worked out here from the
    /// claims' actors and their parties, not from the index.
    #[test]
    fn a_marks_sides_are_those_whose_actors_spoke_about_its_events() {
        use crate::model::Side;
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let ds = &cat.dataset;
        let all = Query::run(&cat.index, &FilterState::default()).events;
        let m = map_marks(ds, &cat.index, &all);
        let side_of = |actor: &str| {
            let a = ds.actors.iter().find(|a| a.id == actor)?;
            let party = a.party.as_deref();
            let at = party.and_then(|p| ds.parties.iter().position(|q| q.id == p));
            Some(at.map_or(Side::THIRD, Side::party))
        };
        for mark in &m.places {
            let mut sides = std::collections::BTreeSet::new();
            for &e in &mark.events {
                let event = &ds.events[e];
                let also = (ds.events.iter().flat_map(|o| o.claims.iter()))
                    .filter(|c| c.more.also_about.iter().any(|a| **a == *event.id));
                for c in event.claims.iter().chain(also) {
                    sides.extend(c.actor_ids().iter().filter_map(|a| side_of(a)));
                }
            }
            let place = &ds.places[mark.place].name;
            for side in Side::all() {
                let drawn = mark.voices.has(side);
                assert_eq!(drawn, sides.contains(&side), "{place}: {side:?}");
            }
        }
        // Places both parties spoke about are drawn as such.
        assert!(m.places.iter().any(|p| p.voices.party_sides().count() >= 2));
    }

    #[test]
    fn the_places_a_claim_names_are_marked_with_its_event() {
        let out = crate::import::load_paths(&[std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/joint.ron"
        ))]);
        let cat = crate::query::Catalog::new(out.dataset.unwrap());
        let shelling = cat
            .index
            .event_index(&cat.dataset, "ridge-shelling")
            .unwrap();
        let talks = cat.index.event_index(&cat.dataset, "ridge-talks").unwrap();
        let m = map_marks(&cat.dataset, &cat.index, &[shelling, talks]);
        let events_at = |id: &str| {
            let p = cat.index.place_index(id).unwrap();
            m.places
                .iter()
                .find(|x| x.place == p)
                .map(|x| x.events.clone())
        };
        // The ridge is the shelling's own place; Corve is named by a claim filed under the
        // shelling that is also about the talks.
        assert_eq!(events_at("ridge"), Some(vec![shelling]));
        assert_eq!(events_at("corve"), Some(vec![shelling, talks]));
        assert_eq!(events_at("quay"), Some(vec![talks]));
    }
}
