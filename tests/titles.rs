//! Titles over bubbles: the timeline's lanes share its height by what they hold, so a busy
//! lane stacks its markers with their titles before anything is counted on a "+N" badge. The
//! dataset is invented here: invented parties, places and outlets.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;

/// A day on which Northland's ministry speaks of `busy` events an hour and a half apart, and
/// Southland and a monitor of one each.
fn one_busy_lane(busy: usize, apart_minutes: usize) -> String {
    let event = |i: usize, actor: &str, minute: usize| {
        let (h, m) = (minute / 60, minute % 60);
        format!(
            r#"(id: "e{i}", title: "Reported incident number {i} at Ferrow", when: (at: "2031-05-04T{h:02}:{m:02}", precision: Exact), kind: Shelling, places: ["ferrow"], summary: "Invented.", claims: [(id: "c{i}", actor: "{actor}", said: (at: "2031-05-04T23:30", precision: Exact), kind: Report, text: "Fire was reported.", sources: [(source: "wire")])]),"#
        )
    };
    let mut events: Vec<String> = (0..busy)
        .map(|i| event(i, "north-mod", 120 + i * apart_minutes))
        .collect();
    events.push(event(busy, "south-mod", 9 * 60));
    events.push(event(busy + 1, "monitor", 12 * 60));
    format!(
        r#"(
    format: 2,
    dataset: (title: "Busy lane fixture", description: "Invented.", curator: "Fixture curator", licence: "CC0 1.0", focus: (from: "2031-05-04", to: "2031-05-04")),
    parties: [(id: "north", name: "Northland"), (id: "south", name: "Southland")],
    actors: [
        (id: "north-mod", name: "Northland Defence Ministry", role: "defence ministry", party: "north", kind: Military),
        (id: "south-mod", name: "Southland Defence Ministry", role: "defence ministry", party: "south", kind: Military),
        (id: "monitor", name: "Vale Monitoring Mission", role: "monitors", kind: InternationalOrganisation),
    ],
    places: [(id: "ferrow", name: "Ferrow", district: "Vale", country: "Northland")],
    sources: [(id: "wire", outlet: "Meridian Wire", date: "2031-05-04", language: "en")],
    events: [{}],
)"#,
        events.join("\n")
    )
}

fn harness(busy: usize, apart_minutes: usize, w: f32, h: f32) -> Harness<'static, ClaimlineApp> {
    let outcome = common::load_named(&[("busy.ron", &one_busy_lane(busy, apart_minutes))]);
    common::build_with(common::builder(w, h), outcome)
}

/// Every marker drawn has its title written beside it, at its height.
fn every_marker_has_its_title(h: &Harness<'_, ClaimlineApp>) -> Result<(), String> {
    let ds = &h.state().catalog.as_ref().unwrap().dataset;
    let markers = h.state().panels.timeline.markers().to_vec();
    if markers.len() != ds.events.len() {
        return Err(format!(
            "{} markers for {} events",
            markers.len(),
            ds.events.len()
        ));
    }
    for (e, centre) in markers {
        let title = claimline::ui::ellipsize(&ds.events[e].title, 36);
        let beside = h.query_all_by_label(&title).any(|node| {
            let r = node.rect();
            (r.center().y - centre.y).abs() < 4.0
                && (r.min.x - centre.x).abs().min((r.max.x - centre.x).abs()) < 20.0
        });
        if !beside {
            return Err(format!("no title beside \"{title}\" at {centre:?}"));
        }
    }
    Ok(())
}

#[test]
fn a_busy_lane_takes_the_rows_quiet_lanes_do_not_need_and_titles_every_event() {
    // Six overlapping titles want six rows: three lanes of equal height would have four each.
    let h = harness(6, 90, 1600.0, 1000.0);
    assert!(h.query_by_label_contains("Cluster of ").is_none());
    every_marker_has_its_title(&h).unwrap();
    // Six rows of titles in the busy lane: its six markers at six heights.
    let mut heights: Vec<i32> = h
        .state()
        .panels
        .timeline
        .markers()
        .iter()
        .map(|m| m.1.y.round() as i32)
        .collect();
    heights.sort();
    heights.dedup();
    assert!(heights.len() >= 6, "{heights:?}");
}

#[test]
fn when_titles_cannot_fit_every_marker_is_still_drawn() {
    // Forty events half an hour apart do not fit 1600x1000 with titles; their markers do, so
    // nothing is counted on a badge.
    let h = harness(40, 30, 1600.0, 1000.0);
    assert!(every_marker_has_its_title(&h).is_err());
    assert!(h.query_by_label_contains("Cluster of ").is_none());
    assert_eq!(h.state().panels.timeline.markers().len(), 42);
}

#[test]
fn only_markers_that_cannot_fit_are_counted() {
    // Sixty events a minute apart overlap whatever the rows: the overflow is counted, and
    // every event is either drawn or counted.
    let h = harness(60, 1, 1600.0, 1000.0);
    let drawn = h.state().panels.timeline.markers().len();
    let counted: usize = h
        .query_all_by_label_contains("Cluster of ")
        .map(|n| {
            let label = format!("{n:?}");
            let at = label.find("Cluster of ").unwrap() + "Cluster of ".len();
            label[at..]
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert!(counted > 0);
    assert_eq!(drawn + counted, 62);
}

/// Writes the fixture for a look at it (`cargo test --test titles -- --ignored`).
#[test]
#[ignore]
fn write_the_fixture() {
    std::fs::write("/tmp/busy.ron", one_busy_lane(6, 90)).unwrap();
}
