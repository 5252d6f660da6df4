use super::*;
use crate::load::load_bundled;

fn bundled() -> Catalog {
    Catalog::new(load_bundled().dataset.expect("bundled dataset loads"))
}

fn ids(cat: &Catalog, q: &Query) -> Vec<String> {
    q.events
        .iter()
        .map(|&i| cat.dataset.events[i].id.to_string())
        .collect()
}

#[test]
fn events_are_in_time_order_and_index_matches() {
    let cat = bundled();
    let starts: Vec<i64> = cat.index.events.iter().map(|f| f.span.start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(cat.index.events.len(), cat.dataset.events.len());
    for (i, e) in cat.dataset.events.iter().enumerate() {
        assert_eq!(cat.index.event_index(&cat.dataset, &e.id), Some(i));
    }
    assert_eq!(cat.index.event_index(&cat.dataset, "no-such-event"), None);
    // A prefix of an id is not the id.
    let first = &cat.dataset.events[0].id;
    assert_eq!(
        cat.index
            .event_index(&cat.dataset, &first[..first.len() - 1]),
        None
    );
}

#[test]
fn empty_filter_passes_everything() {
    let cat = bundled();
    let q = Query::run(&cat.index, &FilterState::default());
    assert_eq!(q.events.len(), cat.dataset.events.len());
    assert_eq!(q.claims, cat.dataset.claim_count());
}

#[test]
fn actor_filter_keeps_only_events_with_that_actors_claims() {
    let cat = bundled();
    let f = FilterState {
        actors: ["csto".to_owned()].into(),
        ..Default::default()
    };
    let q = Query::run(&cat.index, &f);
    assert!(!q.events.is_empty());
    assert!(q.events.len() < cat.dataset.events.len());
    for &i in &q.events {
        assert!(
            cat.dataset.events[i]
                .claims
                .iter()
                .any(|c| c.actor == "csto")
        );
    }
    // The actor's own count ignores the actor filter, and equals what the filter shows.
    let a = cat.index.actor_index("csto").unwrap();
    assert_eq!(q.actor_counts[a], q.events.len());
}

#[test]
fn district_filter_matches_places_in_that_district() {
    let cat = bundled();
    let f = FilterState {
        districts: ["Vayots Dzor".to_owned()].into(),
        ..Default::default()
    };
    let q = Query::run(&cat.index, &f);
    assert!(!q.events.is_empty());
    for &i in &q.events {
        let e = &cat.dataset.events[i];
        assert!(e.places.iter().any(|p| {
            let place = &cat.dataset.places[cat.index.place_index(p).unwrap()];
            place.district.as_deref() == Some("Vayots Dzor")
        }));
    }
}

#[test]
fn text_search_finds_places_by_other_names() {
    let cat = bundled();
    let by_other = Query::run(
        &cat.index,
        &FilterState {
            text: "ISTISU".into(),
            ..Default::default()
        },
    );
    let jermuk_events: Vec<String> = cat
        .dataset
        .events
        .iter()
        .filter(|e| e.places.iter().any(|p| p == "jermuk"))
        .map(|e| e.id.to_string())
        .collect();
    assert!(!jermuk_events.is_empty());
    let found = ids(&cat, &by_other);
    for id in &jermuk_events {
        assert!(
            found.contains(id),
            "{id} not found by its place's other name"
        );
    }
}

#[test]
fn every_word_must_match() {
    let cat = bundled();
    let one = Query::run(
        &cat.index,
        &FilterState {
            text: "ceasefire".into(),
            ..Default::default()
        },
    );
    let two = Query::run(
        &cat.index,
        &FilterState {
            text: "ceasefire zzzz-no-such-word".into(),
            ..Default::default()
        },
    );
    assert!(!one.events.is_empty());
    assert!(two.events.is_empty());
}

#[test]
fn contested_only_needs_both_sides() {
    let cat = bundled();
    let q = Query::run(
        &cat.index,
        &FilterState {
            contested_only: true,
            ..Default::default()
        },
    );
    assert!(q.events.len() >= 8);
    for &i in &q.events {
        let sides: Vec<Side> = cat.dataset.events[i]
            .claims
            .iter()
            .map(|c| cat.index.side_of_actor(&c.actor))
            .collect();
        assert!(sides.contains(&Side::FIRST) && sides.contains(&Side::SECOND));
    }
}

#[test]
fn date_range_keeps_overlapping_events() {
    let cat = bundled();
    // 13 Sep 2022 local (+04:00): 2022-09-12T20:00Z to 2022-09-13T20:00Z.
    let (from, to) = (1_663_012_800, 1_663_099_200 - 1);
    let q = Query::run(
        &cat.index,
        &FilterState {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        },
    );
    assert!(!q.events.is_empty());
    for &i in &q.events {
        let s = cat.index.events[i].span;
        assert!(s.end >= from && s.start <= to);
    }
    // The 1994 ceasefire is outside.
    assert!(
        q.events
            .iter()
            .all(|&i| cat.index.events[i].span.end > 800_000_000)
    );
}

#[test]
fn facets_combine_with_and_choices_within_a_facet_with_or() {
    let cat = bundled();
    let one = |k: EventKind| {
        Query::run(
            &cat.index,
            &FilterState {
                kinds: [k].into(),
                ..Default::default()
            },
        )
        .events
        .len()
    };
    let both = Query::run(
        &cat.index,
        &FilterState {
            kinds: [EventKind::Diplomatic, EventKind::Ceasefire].into(),
            ..Default::default()
        },
    );
    assert_eq!(
        both.events.len(),
        one(EventKind::Diplomatic) + one(EventKind::Ceasefire)
    );
    let narrowed = Query::run(
        &cat.index,
        &FilterState {
            kinds: [EventKind::Diplomatic, EventKind::Ceasefire].into(),
            contested_only: true,
            ..Default::default()
        },
    );
    assert!(narrowed.events.len() <= both.events.len());
    assert!(narrowed.events.iter().all(|i| both.contains(*i)));
}

#[test]
fn side_counts_ignore_the_side_filter() {
    let cat = bundled();
    let all = Query::run(&cat.index, &FilterState::default());
    let left_only = Query::run(
        &cat.index,
        &FilterState {
            sides: [Side::FIRST].into(),
            ..Default::default()
        },
    );
    assert_eq!(all.side_counts, left_only.side_counts);
    assert_eq!(left_only.events.len(), all.side_counts[0]);
}

#[test]
fn unknown_ids_in_a_filter_match_nothing_instead_of_panicking() {
    let cat = bundled();
    let q = Query::run(
        &cat.index,
        &FilterState {
            actors: ["no-such-actor".to_owned()].into(),
            districts: ["Atlantis".to_owned()].into(),
            ..Default::default()
        },
    );
    assert!(q.events.is_empty());
}

#[test]
fn in_view_counts_like_a_scan_of_every_event() {
    let cat = Catalog::new(crate::cli::generate::dataset(crate::cli::generate::Spec {
        events: 4_000,
        seed: 9,
    }));
    let q = Query::run(
        &cat.index,
        &FilterState {
            contested_only: true,
            ..Default::default()
        },
    );
    let ext = cat.index.extent.unwrap();
    for k in 0..30 {
        let a = ext.start + (ext.end - ext.start) / 30 * k;
        let b = a + 3_600 * (k * k + 1);
        let naive: Vec<usize> = q
            .events
            .iter()
            .copied()
            .filter(|&e| {
                let s = cat.index.events[e].span;
                s.end >= a && s.start <= b
            })
            .collect();
        let (count, first) = q.in_view(&cat.index, a, b, 5);
        assert_eq!(count, naive.len());
        assert_eq!(first, naive.iter().copied().take(5).collect::<Vec<_>>());
    }
}

#[test]
fn every_claim_is_found_by_its_id_and_unknown_ids_are_not() {
    let cat = Catalog::new(crate::cli::generate::dataset(crate::cli::generate::Spec {
        events: 2_000,
        seed: 5,
    }));
    for (e, ev) in cat.dataset.events.iter().enumerate() {
        for (c, cl) in ev.claims.iter().enumerate() {
            assert_eq!(cat.index.claim_position(&cat.dataset, &cl.id), Some((e, c)));
        }
    }
    assert_eq!(
        cat.index.claim_position(&cat.dataset, "no-such-claim"),
        None
    );
}

/// Each event's count of claims, read from where its claims and the next event's begin,
/// is the number it holds: events with none included, first and last.
#[test]
fn each_events_claim_count_is_its_claims() {
    let mut ds = crate::cli::generate::dataset(crate::cli::generate::Spec {
        events: 40,
        seed: 3,
    });
    for e in [0, 17, 18, 39] {
        ds.events[e].claims = Box::new([]);
    }
    let cat = Catalog::new(ds);
    let counts: Vec<usize> = (0..40).map(|e| cat.index.claim_count(e)).collect();
    let held: Vec<usize> = cat.dataset.events.iter().map(|e| e.claims.len()).collect();
    assert_eq!(counts, held);
    assert_eq!(held.iter().filter(|&&n| n == 0).count(), 4);
}

/// Ids share a 32-bit hash now and then (at 3.5 million claims, about 1,400 pairs): two
/// claims and two events whose ids share one are each found as themselves.
#[test]
fn ids_that_share_a_hash_are_each_found() {
    let mut seen = std::collections::HashMap::new();
    let (a, b) = (0..)
        .map(|i| format!("k{i}"))
        .find_map(|id| {
            let h = super::index::id_hash(&id);
            seen.insert(h, id.clone()).map(|before| (before, id))
        })
        .unwrap();
    let mut ds = crate::cli::generate::dataset(crate::cli::generate::Spec {
        events: 50,
        seed: 5,
    });
    ds.events[3].claims[0].id = a.as_str().into();
    let last = ds.events.len() - 1;
    let last_claim = ds.events[last].claims.len() - 1;
    ds.events[last].claims[last_claim].id = b.as_str().into();
    ds.events[7].id = a.as_str().into();
    ds.events[8].id = b.as_str().into();
    let cat = Catalog::new(ds);
    let find = |id: &str| cat.index.claim_position(&cat.dataset, id);
    let (ea, ca) = find(&a).unwrap();
    let (eb, cb) = find(&b).unwrap();
    assert_eq!(*cat.dataset.events[ea].claims[ca].id, *a);
    assert_eq!(*cat.dataset.events[eb].claims[cb].id, *b);
    assert_ne!((ea, ca), (eb, cb));
    let ev = |id: &str| {
        cat.index
            .event_index(&cat.dataset, id)
            .map(|e| cat.dataset.events[e].id.to_string())
    };
    assert_eq!(ev(&a), Some(a.clone()));
    assert_eq!(ev(&b), Some(b.clone()));
}

#[test]
fn chosen_sides_follow_their_parties_into_a_new_order() {
    use crate::model::{Party, Side};
    let party = |id: &str| Party {
        id: id.into(),
        name: id.into(),
        adjective: None,
        colour: None,
        side: None,
    };
    let mut now = crate::cli::generate::dataset(crate::cli::generate::Spec {
        events: 10,
        seed: 1,
    });
    now.parties = vec![party("c"), party("a")];
    let before: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    let mut f = FilterState {
        sides: [Side::party(0), Side::party(1), Side::party(2), Side::THIRD].into(),
        ..Default::default()
    };
    f.follow_parties(&before, &now);
    // a is now second, c first; b is gone; third parties stay.
    assert_eq!(
        f.sides,
        [Side::party(1), Side::party(0), Side::THIRD].into()
    );
}

/// A two-million-event file indexes for a quarter of a minute: the loading bar hears the share
/// done every few thousand events, from both indexing threads, and Cancel stops them.
#[test]
fn indexing_reports_its_progress_and_stops_when_cancelled() {
    use crate::cli::generate::{Spec, dataset};
    let ds = dataset(Spec {
        events: 20_000,
        seed: 5,
    });
    let heard = std::sync::Mutex::new(Vec::new());
    let observe = |share: f32| {
        heard.lock().unwrap().push(share);
        true
    };
    let cat = Catalog::new_observed(ds.clone(), &observe).expect("not cancelled");
    let heard = heard.into_inner().unwrap();
    // The passes over every event (moving them into order, facts, words, gathering) each
    // report every 4096 events; the quick steps between them report once each.
    assert!(
        heard.len() >= 4 * (20_000 / 4096),
        "{} reports",
        heard.len()
    );
    assert!(heard.windows(2).all(|w| w[0] <= w[1]), "{heard:?}");
    assert!(heard[0] < 0.2 && *heard.last().unwrap() > 0.99, "{heard:?}");
    // The same catalog as built without anyone listening.
    let plain = Catalog::new(ds.clone());
    let ids = |c: &Catalog| {
        c.dataset
            .events
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&cat), ids(&plain));
    assert_eq!(cat.index.starts, plain.index.starts);
    let counts = |c: &Catalog| {
        (0..c.dataset.events.len())
            .map(|e| c.index.claim_count(e))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&cat), counts(&plain));
    assert_eq!(
        cat.index.figure_claims.len(),
        plain.index.figure_claims.len()
    );
    let query = |c: &Catalog| {
        let filter = FilterState {
            text: "shelling".into(),
            ..FilterState::default()
        };
        Query::run(&c.index, &filter).events
    };
    assert_eq!(query(&cat), query(&plain));
    assert!(!query(&cat).is_empty());

    // Told to stop halfway: nothing comes back.
    let stop_at_half = |share: f32| share < 0.5;
    assert!(Catalog::new_observed(ds, &stop_at_half).is_none());
}

#[test]
fn text_search_finds_words_in_every_run_the_index_was_built_in() {
    // 20,000 events: the text index is built in runs of 8,192 on two threads.
    let mut ds = crate::cli::generate::dataset(crate::cli::generate::Spec {
        events: 20_000,
        seed: 3,
    });
    let marked = [0, 8_191, 8_192, 12_000, 19_999];
    let shared = [5, 9_000, 17_000];
    for &e in &marked {
        ds.events[e].summary = format!("{} Zq{e}marker.", ds.events[e].summary).into();
    }
    for &e in &shared {
        ds.events[e].claims[0].text = format!("{} zqshared", ds.events[e].claims[0].text).into();
    }
    let ids = |events: &[usize]| -> Vec<String> {
        events
            .iter()
            .map(|&e| ds.events[e].id.to_string())
            .collect()
    };
    let (marked_ids, shared_ids) = (ids(&marked), ids(&shared));
    let cat = Catalog::new(ds);
    let found = |word: &str| -> Vec<&str> {
        let hits = cat.index.text.search(word).expect("a word");
        let mut ids: Vec<&str> = hits
            .iter()
            .map(|e| cat.dataset.events[e].id.as_ref())
            .collect();
        ids.sort_unstable();
        ids
    };
    for (e, id) in marked.iter().zip(&marked_ids) {
        assert_eq!(
            found(&format!("zq{e}marker")),
            vec![id.as_str()],
            "event {e}"
        );
    }
    let mut shared_ids: Vec<&str> = shared_ids.iter().map(String::as_str).collect();
    shared_ids.sort_unstable();
    assert_eq!(found("ZQSHARED"), shared_ids);
}
