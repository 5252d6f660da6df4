//! The viewer driven as a user would, through AccessKit labels: filters, selection, search,
//! clear all, and stepping with the arrow keys. No GPU or display: nothing is rendered.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;
use claimline::model::Side;

fn harness() -> Harness<'static, ClaimlineApp> {
    common::build(common::builder(1600.0, 1000.0))
}

fn title(h: &Harness<'_, ClaimlineApp>, e: usize) -> String {
    h.state().catalog.as_ref().unwrap().dataset.events[e]
        .title
        .to_string()
}

fn shown(h: &Harness<'_, ClaimlineApp>) -> Vec<usize> {
    h.state().derived.query.events.clone()
}

/// The event list's count line, e.g. "12 shown".
fn shown_label(h: &Harness<'_, ClaimlineApp>) -> String {
    format!("{} shown", shown(h).len())
}

#[test]
fn starts_with_every_event_and_both_side_headings() {
    let h = harness();
    let cat = h.state().catalog.as_ref().unwrap();
    assert_eq!(shown(&h).len(), cat.dataset.events.len());
    h.get_by_label(&shown_label(&h));
    // Lanes and filter groups name both sides alike.
    assert!(h.query_all_by_label_contains("Armenian side").count() >= 1);
    assert!(h.query_all_by_label_contains("Azerbaijani side").count() >= 1);
}

#[test]
fn choosing_an_actor_hides_events_without_it() {
    let mut h = harness();
    let all = shown(&h);
    let (csto, without): (usize, Vec<usize>) = {
        let cat = h.state().catalog.as_ref().unwrap();
        let a = cat.index.actor_index("csto").unwrap();
        let without = all
            .iter()
            .copied()
            .filter(|&e| {
                !cat.dataset.events[e]
                    .claims
                    .iter()
                    .any(|c| c.actor == "csto")
            })
            .collect();
        (a, without)
    };
    let n = h.state().derived.query.actor_counts[csto];
    // Third parties' actors start folded: open the group first.
    let third_actors = {
        let st = h.state();
        let cat = st.catalog.as_ref().unwrap();
        (0..cat.index.actor_count())
            .filter(|&a| {
                cat.index.actor_sides[a] == Side::THIRD && st.derived.query.actor_counts[a] > 0
            })
            .count()
    };
    h.get_by_label(&format!("Third parties ({third_actors})"))
        .click_accesskit();
    h.run();
    h.get_by_label(&format!("CSTO secretariat ({n})"))
        .click_accesskit();
    h.run();
    assert_eq!(shown(&h).len(), n);
    h.get_by_label(&format!("{n} shown"));
    h.get_by_label("Actor: CSTO secretariat  ×");
    // An event with no CSTO claim is gone from the list (and from everywhere else).
    let gone = title(&h, without[0]);
    assert!(h.query_by_label(&gone).is_none(), "{gone} still shown");
}

#[test]
fn choosing_a_district_keeps_only_its_events() {
    let mut h = harness();
    let (d, expected) = {
        let cat = h.state().catalog.as_ref().unwrap();
        let d = cat.index.district_index("Vayots Dzor").unwrap();
        let expected: Vec<usize> = (0..cat.dataset.events.len())
            .filter(|&e| cat.index.events[e].districts().contains(&(d as u32)))
            .collect();
        (d, expected)
    };
    let n = h.state().derived.query.district_counts[d];
    assert_eq!(n, expected.len());
    h.get_by_label(&format!("Vayots Dzor ({n})"))
        .click_accesskit();
    h.run();
    assert_eq!(shown(&h), expected);
    h.get_by_label("District: Vayots Dzor  ×");
}

#[test]
fn clicking_an_event_fills_both_columns_side_by_side() {
    let mut h = harness();
    // A contested event: claims from both sides.
    let (e, left_text, right_text) = common::contested(h.state().catalog.as_ref().unwrap());
    let t = title(&h, e);
    h.get_all_by_label(&t).next().unwrap().click();
    h.run();
    assert_eq!(h.state().selected, Some(e));
    let left = h.get_by_label(&left_text).rect();
    let right = h.get_by_label(&right_text).rect();
    assert!(
        left.max.x <= right.min.x,
        "left claim {left:?} is not left of {right:?}"
    );
    // The two columns are the same width.
    assert!((left.width() - right.width()).abs() < 40.0);
    h.get_by_label("← Previous");
}

#[test]
fn searching_another_name_finds_the_place() {
    let mut h = harness();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("Istisu");
    h.run();
    let cat = h.state().catalog.as_ref().unwrap();
    let shown_ids: Vec<&str> = shown(&h)
        .iter()
        .map(|&e| cat.dataset.events[e].id.as_ref())
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    assert!(!shown_ids.is_empty());
    assert!(shown_ids.len() < cat.dataset.events.len());
    for e in &cat.dataset.events {
        if e.places.iter().any(|p| p == "jermuk") {
            assert!(
                shown_ids.contains(&e.id.as_ref()),
                "{} (at Jermuk) not found by \"Istisu\"",
                e.id
            );
        }
    }
    h.get_by_label("Text: “Istisu”  ×");
}

#[test]
fn clear_all_brings_everything_back() {
    let mut h = harness();
    let total = shown(&h).len();
    h.get_by_label_contains("Contested only (").click();
    h.run();
    assert!(shown(&h).len() < total);
    h.get_all_by_label("Clear all").next().unwrap().click();
    h.run();
    assert_eq!(shown(&h).len(), total);
    assert!(h.query_by_label("Contested only  ×").is_none());
}

#[test]
fn removing_a_chip_removes_only_that_filter() {
    let mut h = harness();
    h.get_by_label_contains("Contested only (").click();
    h.run();
    let n = h.state().derived.query.district_counts[h
        .state()
        .catalog
        .as_ref()
        .unwrap()
        .index
        .district_index("Syunik")
        .unwrap()];
    h.get_by_label(&format!("Syunik ({n})")).click_accesskit();
    h.run();
    h.get_by_label("Contested only  ×").click();
    h.run();
    let f = &h.state().settings.filter;
    assert!(!f.contested_only);
    assert!(f.districts.contains("Syunik"));
}

#[test]
fn arrow_keys_step_through_events_in_time() {
    let mut h = harness();
    let events = shown(&h);
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected, Some(events[0]));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected, Some(events[1]));
    // The claim panel's heading follows the selection.
    assert!(h.query_all_by_label(&title(&h, events[1])).count() >= 2);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().selected, Some(events[0]));
    // At the start, ← stays on the first event.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().selected, Some(events[0]));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected, None);
}

#[test]
fn stepping_follows_the_filter() {
    let mut h = harness();
    h.get_by_label_contains("Contested only (").click();
    h.run();
    let contested = shown(&h);
    for &expected in contested.iter().take(3) {
        h.key_press(Key::ArrowRight);
        h.run();
        assert_eq!(h.state().selected, Some(expected));
    }
}

#[test]
fn lane_modes_switch() {
    let mut h = harness();
    h.get_by_label("By district").click();
    h.run();
    let labels = common::lane_labels(&h);
    assert!(labels.contains(&"Gegharkunik".to_owned()), "{labels:?}");
    h.get_by_label("By kind").click();
    h.run();
    let labels = common::lane_labels(&h);
    assert!(labels.contains(&"Ceasefire".to_owned()), "{labels:?}");
}

#[test]
fn sorting_the_table_by_title() {
    let mut h = harness();
    h.get_by_label("Event").click();
    h.run();
    // The first row is now the alphabetically first title.
    let first = {
        let cat = h.state().catalog.as_ref().unwrap();
        let mut titles: Vec<String> = cat
            .dataset
            .events
            .iter()
            .map(|e| e.title.to_lowercase())
            .collect();
        titles.sort();
        titles[0].clone()
    };
    let e = {
        let cat = h.state().catalog.as_ref().unwrap();
        cat.dataset
            .events
            .iter()
            .position(|e| e.title.to_lowercase() == first)
            .unwrap()
    };
    let row = h.get_all_by_label(&title(&h, e)).next().unwrap().rect();
    let date_header = h.get_by_label("Date").rect();
    assert!(
        row.min.y - date_header.max.y < 40.0,
        "first title is in the first row"
    );
}

/// Party `party`'s claims about event `e`, counted from the data: its own claims and those
/// filed under other events that are also about it, whose actor (or one of a joint
/// statement's) is of the party.
fn party_claims(ds: &claimline::model::Dataset, e: usize, party: usize) -> usize {
    let party = &ds.parties[party].id;
    let of_party =
        |id: &str| (ds.actors.iter()).any(|a| a.id == id && a.party.as_deref() == Some(party));
    let about =
        |c: &&claimline::model::Claim| c.more.also_about.iter().any(|a| **a == *ds.events[e].id);
    (ds.events[e].claims.iter())
        .chain(ds.events.iter().flat_map(|o| o.claims.iter()).filter(about))
        .filter(|c| c.actor_ids().iter().any(|a| of_party(a)))
        .count()
}

/// Sorted by a party's column, the table's first row is an event with the most claims of
/// that party, and its cell in the column reads that number.
#[test]
fn a_partys_column_counts_its_claims_about_each_row() {
    let mut h = harness();
    h.get_by_label("Aze").click();
    h.run();
    let ds = h.state().catalog.as_ref().unwrap().dataset.clone();
    let most = (0..ds.events.len())
        .map(|e| party_claims(&ds, e, 1))
        .max()
        .unwrap();
    assert!(
        most >= 3,
        "the bundled data has an event with {most} claims"
    );
    let header = h.get_by_label("Date").rect();
    let column = (h.query_all_by_label_contains("Aze"))
        .map(|n| n.rect())
        .find(|r| (r.center().y - header.center().y).abs() < 4.0)
        .expect("the column's heading");
    let first = (0..ds.events.len())
        .find_map(|e| {
            let row = h.query_all_by_label(&ds.events[e].title).next()?.rect();
            (row.min.y > header.max.y && row.min.y - header.max.y < 40.0).then_some((e, row))
        })
        .expect("a first row");
    assert_eq!(
        party_claims(&ds, first.0, 1),
        most,
        "{}",
        ds.events[first.0].id
    );
    let cell = (h.query_all_by_label(&most.to_string()))
        .map(|n| n.rect())
        .find(|r| {
            (r.center().y - first.1.center().y).abs() < 6.0
                && column.x_range().contains(r.center().x)
        });
    assert!(cell.is_some(), "the row's Aze cell reads {most}");
}

#[test]
fn hovering_a_marker_shows_its_card_and_clicking_selects_it() {
    let mut h = harness();
    h.get_by_label("week").click();
    h.run();
    let (e, pos) = h.state().panels.timeline.markers()[0];
    h.hover_at(pos);
    h.run();
    // The tooltip names the event and counts claims per side.
    let t = title(&h, e);
    assert!(h.query_all_by_label(&t).count() >= 1);
    // "Armenian side: 2" in the tooltip (the strip's legend also starts with a side's name).
    for side in ["Armenian side: ", "Azerbaijani side: "] {
        let counted = h.query_all_by_label_contains(side).filter(|n| {
            let text = egui_kittest::kittest::NodeT::accesskit_node(n)
                .value()
                .unwrap_or_default();
            text.strip_prefix(side)
                .is_some_and(|n| n.parse::<usize>().is_ok())
        });
        assert_eq!(counted.count(), 1, "{side}");
    }
    // Each count is that party's claims about the event, counted here from the data.
    let ds = &h.state().catalog.as_ref().unwrap().dataset;
    for (side, party) in [("Armenian side: ", 0), ("Azerbaijani side: ", 1)] {
        let n = party_claims(ds, e, party);
        assert!(
            h.query_by_label(&format!("{side}{n}")).is_some(),
            "the card says {side}{n}"
        );
    }
    h.drag_at(pos);
    h.drop_at(pos);
    h.run();
    assert_eq!(h.state().selected, Some(e));
}

#[test]
fn f_fits_and_double_click_fits_too() {
    let mut h = harness();
    // The window opens on the story, not on everything: F shows the whole record.
    let opening = h.state().panels.timeline.visible().unwrap();
    h.key_press(Key::F);
    h.run();
    let all = h.state().panels.timeline.visible().unwrap();
    assert!(
        all.1 - all.0 > 10.0 * (opening.1 - opening.0),
        "{all:?} {opening:?}"
    );
    h.get_by_label("day").click();
    h.run();
    let day = h.state().panels.timeline.visible().unwrap();
    assert!(
        day.1 - day.0 < (all.1 - all.0) / 100.0,
        "zoomed to a day: {day:?}"
    );
    h.key_press(Key::F);
    h.run();
    let fitted = h.state().panels.timeline.visible().unwrap();
    assert!((fitted.0 - all.0).abs() < 1.0 && (fitted.1 - all.1).abs() < 1.0);
}

#[test]
fn a_double_density_export_draws_the_panel_at_twice_its_size() {
    use claimline::command::Command;
    use claimline::command::{Dest, ExportCommand};
    use claimline::export::Target;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims@2x.png");
    let mut h = harness();
    h.key_press(Key::ArrowRight);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![
            Command::Export(ExportCommand::SetCaption(false)),
            Command::Export(ExportCommand::SetDouble(true)),
            Command::Export(ExportCommand::Picture(
                Target::Claims,
                Dest::File(path.clone()),
            )),
        ],
    );
    h.run();
    let region = h.state().panels.regions.claims;
    let img = image::open(&path).expect("written").to_rgba8();
    assert_eq!(img.width(), (region.width() * 2.0).round() as u32);
    // The claim panels are drawn whole: at least the panel, taller when the cards need it.
    assert!(img.height() >= (region.height() * 2.0).round() as u32);
    // The toast confirms it.
    assert!(
        h.state()
            .toast
            .as_ref()
            .is_some_and(|(m, _)| m.starts_with("Saved"))
    );
}

#[test]
fn a_screen_reader_can_read_the_markers_and_the_claim_cards() {
    let mut h = harness();
    h.get_by_label("week").click();
    h.run();
    let markers = h.query_all_by_label_contains("Event: ").count();
    assert!(markers >= 10, "{markers} marker nodes");
    h.key_press(Key::ArrowRight);
    h.run();
    let e = h.state().selected.unwrap();
    let t = title(&h, e);
    assert!(
        h.query_all_by_label_contains(&format!("Event: {t}"))
            .count()
            >= 1
    );
    assert!(h.query_all_by_label_contains(", selected").count() >= 1);
    assert!(h.query_all_by_label_contains("Claim by ").count() >= 1);
}

#[test]
fn tab_reaches_the_controls() {
    let mut h = harness();
    assert!(h.ctx.memory(|m| m.focused()).is_none());
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.ctx.memory(|m| m.focused()).is_some(),
        "Tab focuses a control"
    );
}

#[test]
fn the_selected_event_is_drawn_even_where_its_neighbours_are_clustered() {
    let mut h = harness();
    // Zoomed out to the whole range, September 2022 is one dense cluster per lane.
    let events = shown(&h);
    let last = *events.last().unwrap();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::Select(Some(last))]);
    h.run();
    assert!(
        h.state()
            .panels
            .timeline
            .markers()
            .iter()
            .any(|(e, _)| *e == last),
        "the selected event has a marker"
    );
}

/// Frames with the night-fire event selected, on the borderland fixture with `edit` applied:
/// how long the frame that first shows it took, the slowest of the five after it (the pointer
/// moving over the claim panel), and the labels a screen reader gets. On a thread of its own,
/// so that frames that would take minutes fail the test at `limit`.
fn frames_on(
    edit: impl FnOnce(String) -> String + Send + 'static,
    limit: std::time::Duration,
) -> (std::time::Duration, std::time::Duration, Vec<String>) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let text = std::fs::read_to_string(common::fixture("borderland.ron")).unwrap();
        let outcome = claimline::load::load_texts(&[claimline::load::SourceText {
            name: "borderland.ron".into(),
            text: edit(text),
        }]);
        let mut h = common::build_with(common::builder(1600.0, 1000.0), outcome);
        let t = std::time::Instant::now();
        common::select(&mut h, "night-fire");
        let first = t.elapsed();
        let mut slowest = std::time::Duration::ZERO;
        for k in 0..5 {
            h.hover_at(egui::pos2(1000.0 + 20.0 * k as f32, 500.0));
            let t = std::time::Instant::now();
            h.step();
            slowest = slowest.max(t.elapsed());
        }
        let labels = h
            .query_all(egui_kittest::kittest::By::new().predicate(|_| true))
            .filter_map(|n| {
                let a = egui_kittest::kittest::NodeT::accesskit_node(&n);
                if a.role() == egui::accesskit::Role::Label {
                    a.value()
                } else {
                    a.label()
                }
            })
            .collect();
        let _ = tx.send((first, slowest, labels));
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("the frames took longer than {limit:?}"))
}

#[test]
fn a_ten_megabyte_title_and_quote_are_shown_cut_without_slowing_frames() {
    let limit = std::time::Duration::from_secs(120);
    let (first0, slowest0, _) = frames_on(|t| t, limit);
    let big = 10_000_000;
    let (first, slowest, labels) = frames_on(
        move |t| {
            t.replacen(
                r#"title: "Night firing at Vesk and Oram""#,
                &format!(r#"title: "{}""#, "A".repeat(big)),
                1,
            )
            .replacen(
                r#"text: "The ministry said Southern units opened fire at 00:05 near Vesk.""#,
                &format!(r#"text: "{}", quote: true"#, "B".repeat(big)),
                1,
            )
        },
        limit,
    );
    eprintln!(
        "frames: first {first:?}, then at most {slowest:?} (as written: {first0:?}, {slowest0:?})"
    );
    // The heading, the event list's row and the marker's node show the first 10,000 letters,
    // and the card its quote so cut.
    let title = format!("{}… (text cut: 10,000,000 characters)", "A".repeat(10_000));
    let quote = format!(
        "“{}… (text cut: 10,000,000 characters)”",
        "B".repeat(10_000)
    );
    assert!(labels.contains(&title), "no label is the cut title");
    assert!(
        labels
            .iter()
            .any(|l| l.contains(&format!("Event: {title}, ")))
    );
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("Claim by ") && l.contains(&quote))
    );
    let longest = labels.iter().map(String::len).max().unwrap();
    assert!(longest < 30_000, "a label of {longest} bytes");
    // Bounds far above the fixture's own frames, far below what whole text took.
    let bound = |d: std::time::Duration| d * 4 + std::time::Duration::from_millis(500);
    assert!(
        first < bound(first0),
        "first frame {first:?}, as written {first0:?}"
    );
    assert!(
        slowest < bound(slowest0),
        "a frame took {slowest:?}, as written {slowest0:?}"
    );
}

/// Each quick zoom shows the stretch of its length holding the most filtered events, found
/// when clicked: with every event, and again after a filter narrows them.
#[test]
fn the_quick_zooms_show_the_busiest_stretch_of_the_filtered_events() {
    use claimline::layout::zoom::{QUICK_ZOOMS, busiest};
    let mut h = harness();
    let expected = |h: &Harness<'_, ClaimlineApp>, width: i64| {
        let app = h.state();
        let cat = app.catalog.as_ref().unwrap();
        let starts: Vec<i64> = (app.derived.query.events.iter())
            .map(|&e| cat.index.starts[e])
            .collect();
        busiest(&starts, width).unwrap()
    };
    for narrowed in [false, true] {
        if narrowed {
            let ctx = h.ctx.clone();
            let actor = "aze-mfa".to_owned();
            h.state_mut()
                .apply(&ctx, vec![claimline::command::Command::ToggleActor(actor)]);
            h.run();
        }
        for (label, width) in QUICK_ZOOMS {
            let (a, b) = expected(&h, width);
            h.get_by_label(label).click();
            h.run();
            let shown = h.state().panels.timeline.visible().unwrap();
            // The stretch with a small margin each side.
            let (a, b) = (a as f64, b as f64);
            assert!(
                shown.0 <= a && shown.1 >= b && shown.1 - shown.0 <= 1.1 * (b - a),
                "{label} (narrowed: {narrowed}): {shown:?}, expected {a}..{b}"
            );
        }
    }
}

/// A claim's curator's note and its original-language text (fields most claims leave out,
/// held apart from the claim's own) each read on its card, whole, when the card is unfolded:
/// every claim of the bundled dataset that gives one, checked on its event.
/// Every event's summary and every claim's text, as the bundled file writes them (read here
/// as plain RON values, not through the model), read whole on the panel when the event is
/// selected: the panel reads them back from the numbers the model keeps them as.
#[test]
fn every_summary_and_claim_text_of_the_bundled_file_reads_on_the_panel() {
    let mut h = common::build(common::builder(1600.0, 4000.0));
    let text = include_str!("../data/2022-09-armenia-azerbaijan-border.ron");
    let file: ron::Value = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .expect("the bundled file reads as RON");
    let field = |v: &ron::Value, name: &str| -> ron::Value {
        let ron::Value::Map(m) = v else {
            panic!("not a struct: {v:?}")
        };
        m.get(&ron::Value::String(name.into()))
            .cloned()
            .unwrap_or(ron::Value::Unit)
    };
    let string = |v: ron::Value| match v {
        ron::Value::String(s) => s,
        other => panic!("not a string: {other:?}"),
    };
    let ron::Value::Seq(events) = field(&file, "events") else {
        panic!("no events")
    };
    let mut claims = 0;
    for event in &events {
        let id = string(field(event, "id"));
        common::select(&mut h, &id);
        let summary = string(field(event, "summary"));
        assert!(
            h.query_by_label(&summary).is_some(),
            "event {id}: its summary {summary:?}"
        );
        let ron::Value::Seq(its) = field(event, "claims") else {
            continue;
        };
        for claim in &its {
            let words = string(field(claim, "text"));
            let shown = match field(claim, "quote") {
                ron::Value::Bool(true) => format!("“{words}”"),
                _ => words,
            };
            assert!(
                h.query_all_by_label(&shown).next().is_some(),
                "event {id}: no card reads {shown:?}"
            );
            claims += 1;
        }
    }
    assert!(
        events.len() > 50 && claims > 150,
        "{} events, {claims} claims",
        events.len()
    );
}

#[test]
fn a_claims_note_and_original_text_read_on_its_card() {
    let mut h = common::build(common::builder(1600.0, 4000.0));
    let cat = h.state().catalog.as_ref().unwrap();
    let mut expected: Vec<(String, String)> = Vec::new();
    for e in &cat.dataset.events {
        for c in &e.claims {
            if let Some(note) = &c.more.note {
                expected.push((e.id.to_string(), format!("Curator's note: {note}")));
            }
            if let Some(o) = &c.more.original {
                expected.push((
                    e.id.to_string(),
                    format!("Original ({}): {}", o.lang, o.text),
                ));
            }
        }
    }
    assert!(
        expected.iter().any(|(_, l)| l.starts_with("Original"))
            && expected
                .iter()
                .filter(|(_, l)| l.starts_with("Curator"))
                .count()
                > 20,
        "the bundled dataset gives originals and notes: {}",
        expected.len()
    );
    for (event, line) in expected {
        common::select(&mut h, &event);
        assert!(
            h.query_all_by_label(&line).next().is_some(),
            "event {event}: no card line {line:?}"
        );
    }
}
