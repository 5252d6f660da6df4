//! The dataset that ships in the binary: clean, and carrying what the AP article and the
//! sourced chronology say, from both sides.

use std::collections::HashSet;

use claimline::load::load_bundled;
use claimline::model::{Dataset, EventKind, Measure};

fn dataset() -> Dataset {
    let out = load_bundled();
    // No errors, no warnings; the notes are places the sources give no coordinates for (the
    // map lists them; coordinates are never made up).
    let other: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| !d.is_note() || !d.message.contains("has no coordinates"))
        .collect();
    assert!(other.is_empty(), "{other:#?}");
    out.dataset.expect("bundled dataset loads")
}

#[test]
fn checks_clean_with_enough_events_and_claims() {
    let ds = dataset();
    assert!(ds.events.len() >= 40, "{} events", ds.events.len());
    assert!(ds.claim_count() >= 80, "{} claims", ds.claim_count());
    assert_eq!(
        ds.parties.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["armenia", "azerbaijan"]
    );
}

#[test]
fn every_chronology_line_is_a_claim() {
    // Claim ids "cl-NNN" carry the chronology's line numbers: 12 to 142.
    let ds = dataset();
    let ids: HashSet<&str> = ds
        .events
        .iter()
        .flat_map(|e| &e.claims)
        .map(|c| &*c.id)
        .collect();
    let missing: Vec<usize> = (12..=142)
        .filter(|n| !ids.contains(format!("cl-{n:03}").as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "chronology lines without a claim: {missing:?}"
    );
}

#[test]
fn both_sides_and_third_parties_speak() {
    let ds = dataset();
    let party_of = |actor: &str| {
        ds.actors
            .iter()
            .find(|a| a.id == actor)
            .and_then(|a| a.party.clone())
    };
    let mut counts = std::collections::HashMap::new();
    for c in ds.events.iter().flat_map(|e| &e.claims) {
        *counts
            .entry(party_of(&c.actor).unwrap_or_else(|| "third".into()))
            .or_insert(0) += 1;
    }
    for side in ["armenia", "azerbaijan", "third"] {
        assert!(
            counts.get(side).copied().unwrap_or(0) >= 20,
            "{side}: {counts:?}"
        );
    }
    let contested = ds
        .events
        .iter()
        .filter(|e| {
            let parties: HashSet<_> = e.claims.iter().filter_map(|c| party_of(&c.actor)).collect();
            parties.len() == 2
        })
        .count();
    assert!(
        contested >= 8,
        "only {contested} events carry claims from both sides"
    );
}

#[test]
fn places_and_districts_of_both_sides() {
    let ds = dataset();
    let districts: HashSet<&str> = ds
        .places
        .iter()
        .filter_map(|p| p.district.as_deref())
        .collect();
    for d in [
        "Gegharkunik",
        "Vayots Dzor",
        "Syunik",
        "Kalbajar",
        "Lachin",
        "Dashkasan",
        "Gadabay",
    ] {
        assert!(districts.contains(d), "no place in {d}");
    }
    // Every place the AP article names.
    let names: HashSet<&str> = ds.places.iter().map(|p| p.name.as_str()).collect();
    for p in [
        "Jermuk",
        "Verin Shorzha",
        "Kalbajar",
        "Lachin",
        "Nagorno-Karabakh",
        "Samarkand",
        "Yerevan",
        "Washington",
    ] {
        assert!(names.contains(p), "AP names {p}");
    }
    let jermuk = ds.places.iter().find(|p| p.name == "Jermuk").unwrap();
    assert!(
        jermuk.other_names.iter().any(|n| n.name == "Istisu"),
        "statements call Jermuk Istisu"
    );
}

#[test]
fn actors_the_ap_article_names() {
    let ds = dataset();
    let names: HashSet<&str> = ds.actors.iter().map(|a| a.name.as_str()).collect();
    for a in [
        "Nikol Pashinyan",
        "Ilham Aliyev",
        "Vladimir Putin",
        "Sergei Markedonov",
        "Rep. Adam Schiff and four other members of Congress",
    ] {
        assert!(names.contains(a), "AP names {a}");
    }
    assert!(ds.actors.iter().any(|a| a.role.contains("Dmitry Peskov")));
}

#[test]
fn figures_the_ap_article_gives() {
    let ds = dataset();
    let has = |actor: &str, measure: Measure, count: u32| {
        ds.events
            .iter()
            .flat_map(|e| &e.claims)
            .filter(|c| c.actor == actor)
            .flat_map(|c| &c.figures)
            .any(|f| f.measure == measure && f.count == Some(count))
    };
    assert!(has("arm-pm", Measure::Killed, 105), "Pashinyan's 105");
    assert!(has("aze-mod", Measure::Killed, 50), "Azerbaijan's 50");
    assert!(has("ap", Measure::Killed, 155), "AP's 155");
    assert!(
        has("ap", Measure::Killed, 6700),
        "2020 war: more than 6,700"
    );
    // Tolls changed day by day: several dated announcements per side.
    assert!(has("aze-mod", Measure::Killed, 71) && has("aze-mod", Measure::Killed, 79));
    assert!(has("arm-pm", Measure::Killed, 49) && has("arm-pm", Measure::Killed, 135));
}

#[test]
fn competing_accounts_are_claims_of_their_own() {
    let ds = dataset();
    let event = |id: &str| {
        ds.events
            .iter()
            .find(|e| &*e.id == id)
            .unwrap_or_else(|| panic!("no event {id}"))
    };
    // Who brokered the 14 September ceasefire: several actors, several accounts.
    let ceasefire = event("2022-09-14-ceasefire");
    let speakers: HashSet<&str> = ceasefire.claims.iter().map(|c| c.actor.as_str()).collect();
    assert!(speakers.len() >= 4, "{speakers:?}");
    // When the CSTO mission arrived: the contemporaneous 15 September report and Zas's later "a day later".
    let csto = event("2022-09-15-csto-mission-arrives");
    let ids: HashSet<&str> = csto.claims.iter().map(|c| &*c.id).collect();
    assert!(ids.contains("cl-090") && ids.contains("cl-140"), "{ids:?}");
    let zas = csto.claims.iter().find(|c| &*c.id == "cl-140").unwrap();
    assert!(zas.disputes.iter().any(|d| d == "cl-090"));
}

#[test]
fn covers_september_to_october_2022_and_the_background() {
    let ds = dataset();
    let off = ds.files[0].utc_offset;
    let spans: Vec<_> = ds
        .events
        .iter()
        .map(|e| (e, e.when.span(off).unwrap()))
        .collect();
    let year_of = |s: i64| {
        chrono::DateTime::from_timestamp(s, 0)
            .unwrap()
            .with_timezone(&off)
            .format("%Y-%m")
            .to_string()
    };
    let months: HashSet<String> = spans.iter().map(|(_, s)| year_of(s.start)).collect();
    for m in ["1994-01", "2020-09", "2022-09", "2022-10"] {
        assert!(months.contains(m), "no event starting in {m}: {months:?}");
    }
    assert!(
        spans
            .iter()
            .filter(|(e, _)| e.kind == EventKind::Background)
            .count()
            >= 3
    );
}

#[test]
fn the_bundled_tour_walks_both_sides_statements_in_8_to_12_steps() {
    let ds = claimline::load::load_bundled().dataset.expect("loads");
    assert_eq!(ds.tours.len(), 1);
    let tour = &ds.tours[0];
    assert!(
        (8..=12).contains(&tour.steps.len()),
        "{} steps",
        tour.steps.len()
    );
    let index = claimline::query::Index::new(&ds);
    let mut contested = 0;
    for s in &tour.steps {
        let caption = s.caption.as_deref().expect("every step has a caption");
        assert!(
            claimline::model::wording::loaded_words_outside_quotes(caption).is_empty(),
            "{caption}"
        );
        let e = index.event_index(&ds, &s.event).expect("a known event");
        if index.events[e].voices.is_contested() {
            contested += 1;
        }
    }
    // A walk through both sides' statements: several steps carry claims from both.
    assert!(contested >= 4, "{contested} contested steps");
}
