//! Many events at few places, as a three-year export of one country is: the map's markers
//! keep a readable size and merge where they would overlap, and the event list follows the
//! timeline's visible range. The dataset is invented here: invented parties and places.

mod common;

use egui_kittest::kittest::{NodeT, Queryable};

use claimline::layout::map_clusters::{MAX_RADIUS, REACH};

const PLACES: usize = 120;
const EVENTS: usize = 3000;

/// 120 places in six tight groups (a few kilometres across) inside the bundled map's region,
/// and 3000 events, one a day in turn over three years from 1 January 2018, at unevenly busy
/// places, each with one claim from Northland, Southland or an outside monitor.
fn crowded() -> String {
    let places: Vec<String> = (0..PLACES)
        .map(|p| {
            let (g, k) = ((p % 6) as f64, (p / 6) as f64);
            let lat = 39.6 + g * 0.25 + (k * 0.37).sin() * 0.05;
            let lon = 45.0 + g * 0.2 + (k * 0.61).cos() * 0.05;
            format!(
                r#"(id: "p{p}", name: "Hamlet {p}", district: "Vale {g}", country: "Northland", lat: {lat:.4}, lon: {lon:.4}),"#
            )
        })
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
    let actors = ["north-mod", "south-mod", "monitor"];
    let events: Vec<String> = (0..EVENTS)
        .map(|i| {
            let day = start + chrono::Days::new((i % 1095) as u64);
            let place = (i * i + i / 7) % PLACES;
            let actor = actors[i % 3];
            format!(
                r#"(id: "e{i}", title: "Crowded event {i}", when: (at: "{day}", precision: Day), kind: Shelling, places: ["p{place}"], summary: "Invented.", claims: [(id: "c{i}", actor: "{actor}", said: (at: "{day}", precision: Day), kind: Report, text: "Fire was reported.", sources: [(source: "wire")])]),"#
            )
        })
        .collect();
    format!(
        r#"(
    format: 1,
    dataset: (title: "Crowded fixture", description: "Invented.", curator: "Fixture curator", licence: "CC0 1.0"),
    parties: [(id: "north", name: "Northland"), (id: "south", name: "Southland")],
    actors: [
        (id: "north-mod", name: "Northland Defence Ministry", role: "defence ministry", party: "north", kind: Military),
        (id: "south-mod", name: "Southland Defence Ministry", role: "defence ministry", party: "south", kind: Military),
        (id: "monitor", name: "Vale Monitoring Mission", role: "monitors", kind: InternationalOrganisation),
    ],
    places: [{}],
    sources: [(id: "wire", outlet: "Meridian Wire", date: "2018-01-01", language: "en")],
    events: [{}],
)"#,
        places.join("\n"),
        events.join("\n")
    )
}

fn harness() -> egui_kittest::Harness<'static, claimline::app::ClaimlineApp> {
    let outcome = common::load_named(&[("crowded.ron", &crowded())]);
    common::build_with(common::builder(1600.0, 1000.0), outcome)
}

/// The map's marks as drawn: centre, radius and events, read from their screen-reader nodes.
fn drawn_marks(
    h: &egui_kittest::Harness<'_, claimline::app::ClaimlineApp>,
) -> Vec<(egui::Pos2, f32, usize)> {
    h.query_all_by_label_contains("Map mark: ")
        .map(|n| {
            let label = n.accesskit_node().label().unwrap_or_default().to_owned();
            let count: usize = label["Map mark: ".len()..]
                .split(' ')
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| panic!("no count in {label:?}"));
            let r = n.rect();
            (r.center(), r.width() / 2.0, count)
        })
        .collect()
}

#[test]
fn crowded_marks_stay_small_and_merge_with_their_counts() {
    let h = harness();
    let marks = drawn_marks(&h);
    assert!(!marks.is_empty(), "no marks drawn");
    assert!(
        marks.len() < PLACES,
        "{} marks for {PLACES} places",
        marks.len()
    );
    for (i, &(a, ra, _)) in marks.iter().enumerate() {
        assert!(ra <= MAX_RADIUS + 0.01, "a mark of radius {ra}");
        for &(b, rb, _) in &marks[i + 1..] {
            let d = (a - b).length();
            // No mark covers another's centre: each is seen.
            assert!(
                d >= ra.max(rb) + REACH,
                "marks at {a:?} and {b:?} pile up ({d})"
            );
        }
    }
    // Every event in view is counted once (each is at one place).
    let shown = h.state().derived.query.events.len();
    assert_eq!(marks.iter().map(|m| m.2).sum::<usize>(), shown);
}

#[test]

fn the_event_list_follows_the_timelines_visible_range() {
    let mut h = harness();
    // The selection stays listed wherever it is: select nothing.
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::Select(None)]);
    h.run();
    common::zoom(&mut h, "2019-06-01", "2019-06-30");
    // The timeline pads the range it was asked for a little: the list follows what it shows.
    let (a, b) = h.state().panels.timeline.visible().unwrap();
    let first_day = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
    let in_june = |i: usize| {
        let day = first_day + chrono::Days::new((i % 1095) as u64);
        let start = day.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() as f64;
        start + 86_400.0 > a && start < b
    };
    // The first rows of 2018 are gone; June 2019's are listed first.
    assert!(
        h.query_all_by_label("Crowded event 0").next().is_none(),
        "2018 still listed"
    );
    let listed: Vec<usize> = (0..EVENTS)
        .filter(|&i| {
            h.query_all_by_label(&format!("Crowded event {i}"))
                .next()
                .is_some()
        })
        .collect();
    assert!(!listed.is_empty(), "nothing listed");
    assert!(listed.iter().all(|&i| in_june(i)), "{listed:?}");
    let june = (0..EVENTS).filter(|&i| in_june(i)).count();
    assert!(
        h.query_by_label_contains(&format!("{june} in the visible range"))
            .is_some()
    );
    // Showing all brings 2018 back.
    h.get_by_label("Show all").click();
    h.run();
    assert!(h.query_all_by_label("Crowded event 0").next().is_some());
}
