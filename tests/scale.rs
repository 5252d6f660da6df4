//! The indexed filter (bitsets, the text index, binary search over time) against a naive
//! reference written straight from the dataset, over generated data.

use std::collections::BTreeSet;

use claimline::app::ClaimlineApp;
use claimline::app::headless::Headless;
use claimline::cli::generate::{Spec, dataset};
use claimline::load::LoadOutcome;
use claimline::model::Side;
use claimline::query::{Catalog, FilterState, Query};
use claimline::session::settings::ThemeKind;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;

mod common;

fn catalog() -> &'static Catalog {
    static CAT: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(|| {
        Catalog::new(dataset(Spec {
            events: 3_000,
            seed: 11,
        }))
    })
}

fn side_of(cat: &Catalog, actor: &str) -> Side {
    let ds = &cat.dataset;
    let party = ds
        .actors
        .iter()
        .find(|a| a.id == actor)
        .and_then(|a| a.party.clone());
    // Every party its own side (the generator makes two to five); no party, third parties.
    party
        .and_then(|p| ds.parties.iter().position(|x| x.id == p))
        .map_or(Side::THIRD, Side::party)
}

/// Claims from two or more parties (third parties do not count).
fn contested(sides: &BTreeSet<Side>) -> bool {
    sides.iter().filter(|&&s| s != Side::THIRD).count() >= 2
}

/// An event's facts read straight from the raw data, with no help from the index.
struct Raw {
    actors: BTreeSet<String>,
    sides: BTreeSet<Side>,
    districts: BTreeSet<String>,
    kind: claimline::model::EventKind,
    span: claimline::model::TimeSpan,
    tokens: Vec<String>,
}

fn raw() -> &'static Vec<Raw> {
    static RAW: std::sync::OnceLock<Vec<Raw>> = std::sync::OnceLock::new();
    RAW.get_or_init(|| {
        let cat = catalog();
        let ds = &cat.dataset;
        ds.events
            .iter()
            .map(|ev| {
                let places: Vec<_> = ev
                    .places
                    .iter()
                    .filter_map(|p| ds.places.iter().find(|x| &x.id == p))
                    .collect();
                let mut words: Vec<String> = vec![ev.title.to_string(), ev.summary.to_string()];
                for c in &ev.claims {
                    words.push(c.text.to_string());
                    words.extend(
                        ds.actors
                            .iter()
                            .filter(|a| a.id == c.actor)
                            .map(|a| a.name.clone()),
                    );
                }
                for p in &places {
                    words.push(p.name.clone());
                    words.extend(p.other_names.iter().map(|o| o.name.clone()));
                }
                Raw {
                    actors: ev.claims.iter().map(|c| c.actor.to_string()).collect(),
                    sides: ev.claims.iter().map(|c| side_of(cat, &c.actor)).collect(),
                    districts: places.iter().filter_map(|p| p.district.clone()).collect(),
                    kind: ev.kind,
                    span: ev.when.span(ds.offset_of(ev)).unwrap(),
                    tokens: words
                        .iter()
                        .flat_map(|w| {
                            w.split(|c: char| !c.is_alphanumeric())
                                .map(str::to_lowercase)
                        })
                        .filter(|w| !w.is_empty())
                        .collect(),
                }
            })
            .collect()
    })
}

/// What the filter means, checked event by event. `skip` leaves out one facet, as the counts
/// beside it do.
fn naive_passes(f: &FilterState, e: usize, skip: Option<&str>) -> bool {
    let r = &raw()[e];
    let text_ok = f
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|q| r.tokens.iter().any(|t| t.contains(&q.to_lowercase())));
    (skip == Some("actor") || f.actors.is_empty() || r.actors.iter().any(|a| f.actors.contains(a)))
        && (skip == Some("district")
            || f.districts.is_empty()
            || r.districts.iter().any(|d| f.districts.contains(d)))
        && (skip == Some("side")
            || f.sides.is_empty()
            || r.sides.iter().any(|s| f.sides.contains(s)))
        && (skip == Some("kind") || f.kinds.is_empty() || f.kinds.contains(&r.kind))
        && f.from.is_none_or(|from| r.span.end >= from)
        && f.to.is_none_or(|to| r.span.start <= to)
        && (!f.contested_only || contested(&r.sides))
        && text_ok
}

fn filter_strategy() -> impl Strategy<Value = FilterState> {
    let cat = catalog();
    let actors: Vec<String> = cat.dataset.actors.iter().map(|a| a.id.clone()).collect();
    let districts: Vec<String> = cat.index.districts.iter().map(|d| d.name.clone()).collect();
    let kinds: Vec<_> = cat.index.bits.kinds.iter().map(|(k, _)| *k).collect();
    let extent = cat.index.extent.unwrap();
    let words = [
        "",
        "near",
        "jor",
        "DENIED",
        "fire mar",
        "ministry avar",
        "zzz",
        "1",
    ];
    (
        proptest::sample::subsequence(actors, 0..3),
        proptest::sample::subsequence(districts, 0..3),
        proptest::sample::subsequence(vec![Side::FIRST, Side::SECOND, Side::THIRD], 0..3),
        proptest::sample::subsequence(kinds, 0..3),
        proptest::option::of(extent.start..extent.end),
        proptest::option::of(0i64..200 * 86_400),
        proptest::sample::select(words.to_vec()),
        any::<bool>(),
    )
        .prop_map(|(a, d, s, k, from, len, text, contested)| FilterState {
            actors: a.into_iter().collect(),
            districts: d.into_iter().collect(),
            sides: s.into_iter().collect(),
            kinds: k.into_iter().collect(),
            from,
            to: from.zip(len).map(|(f, l)| f + l),
            text: text.to_owned(),
            contested_only: contested,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn indexed_filters_match_the_naive_reference(f in filter_strategy()) {
        let cat = catalog();
        let q = Query::run(&cat.index, &f);
        let n = cat.dataset.events.len();
        // Which events pass with no facet left out, and with each left out in turn.
        let passing = |skip: Option<&str>| -> Vec<usize> {
            (0..n).filter(|&e| naive_passes(&f, e, skip)).collect()
        };
        let expected = passing(None);
        prop_assert_eq!(&q.events, &expected);
        let claims: usize = expected.iter().map(|&e| cat.dataset.events[e].claims.len()).sum();
        prop_assert_eq!(q.claims, claims);
        let contested = expected
            .iter()
            .filter(|&&e| contested(&raw()[e].sides))
            .count();
        prop_assert_eq!(q.contested, contested);
        // Facet counts: each ignores its own facet.
        let base = passing(Some("actor"));
        for (a, actor) in cat.dataset.actors.iter().enumerate() {
            let want = base.iter().filter(|&&e| raw()[e].actors.contains(&actor.id)).count();
            prop_assert_eq!(q.actor_counts[a], want, "actor {}", actor.id);
        }
        let base = passing(Some("district"));
        for (d, district) in cat.index.districts.iter().enumerate() {
            let want = base.iter().filter(|&&e| raw()[e].districts.contains(&district.name)).count();
            prop_assert_eq!(q.district_counts[d], want, "district {}", district.name);
        }
        let base = passing(Some("side"));
        let side_want: Vec<usize> = Side::all()
            .map(|s| base.iter().filter(|&&e| raw()[e].sides.contains(&s)).count())
            .collect();
        prop_assert_eq!(q.side_counts.to_vec(), side_want);
        let base = passing(Some("kind"));
        for (kind, count) in &q.kind_counts {
            let want = base.iter().filter(|&&e| raw()[e].kind == *kind).count();
            prop_assert_eq!(*count, want, "kind {:?}", kind);
        }
        let kind_total: usize = q.kind_counts.iter().map(|(_, c)| c).sum();
        prop_assert_eq!(kind_total, base.len());
    }
}

/// A frame with nothing changed must not run the filter again: at a million events that
/// would cost a filter change every frame.
#[test]
fn settled_frames_do_not_derive_again() {
    let mut app = ClaimlineApp::new(LoadOutcome {
        dataset: Some(dataset(Spec {
            events: 2_000,
            seed: 1,
        })),
        ..LoadOutcome::default()
    });
    let mut h = Headless::new(ThemeKind::Light);
    let size = egui::vec2(1600.0, 1000.0);
    h.settle(&mut app, size);
    let g = app.derived.generation;
    for _ in 0..5 {
        h.frame_and_tessellate(&mut app, size);
    }
    assert_eq!(app.derived.generation, g);
}

/// Zoomed out over 20,000 events the lanes are density strips; zoomed in to a day they are
/// markers, and the selected event is drawn at every level.
#[test]
fn zooming_in_goes_from_density_to_markers() {
    let mut h = common::builder(1600.0, 1000.0).build_eframe(|cc| {
        ClaimlineApp::with_context(
            &cc.egui_ctx,
            LoadOutcome {
                dataset: Some(dataset(Spec {
                    events: 20_000,
                    seed: 2,
                })),
                ..LoadOutcome::default()
            },
        )
    });
    h.run();
    let strips = h.query_all_by_label_contains("Density: ").count();
    assert!(strips >= 2, "{strips} density strips at the whole range");
    // The selected event stays drawn over its strip.
    let ctx = h.ctx.clone();
    let sel = 10_000;
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::Select(Some(sel))]);
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::FitAll]);
    h.run();
    assert!(h.query_all_by_label_contains("Density: ").count() >= 2);
    assert!(
        h.state()
            .panels
            .timeline
            .markers()
            .iter()
            .any(|(e, _)| *e == sel)
    );
    // One day around the selection: markers, no strips.
    let t = h.state().catalog.as_ref().unwrap().index.events[sel]
        .span
        .start as f64;
    h.state_mut().apply(
        &ctx,
        vec![claimline::command::Command::ZoomTo(
            t - 43_200.0,
            t + 43_200.0,
        )],
    );
    h.run();
    h.run();
    assert_eq!(h.query_all_by_label_contains("Density: ").count(), 0);
    let markers = h.query_all_by_label_contains("Event: ").count();
    assert!(markers >= 2, "{markers} markers in a day");
}
