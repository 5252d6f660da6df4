//! Presenter mode as a teacher drives it: F5 in, the keys a clicker sends to step through the
//! bundled tour, the caption of each step, larger type, Esc out.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;

fn harness() -> Harness<'static, ClaimlineApp> {
    // A step glides to its range, and the timeline then takes the height its titles need:
    // a few frames more than a still window.
    common::build(common::builder(1280.0, 720.0).with_max_steps(8))
}

fn tour_step(h: &Harness<'_, ClaimlineApp>, k: usize) -> (String, String) {
    let cat = h.state().catalog.as_ref().unwrap();
    let s = &cat.dataset.tours[0].steps[k];
    (s.event.clone(), s.caption.clone().unwrap_or_default())
}

fn selected_id(h: &Harness<'_, ClaimlineApp>) -> Option<String> {
    h.state().selected_id()
}

#[test]
fn f5_presents_the_tour_and_esc_leaves() {
    let mut h = harness();
    h.get_by_label("Lanes:");
    let zoom = h.ctx.zoom_factor();
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().presenter.is_some());
    assert!(h.query_by_label("Lanes:").is_none(), "chrome hidden");
    // Larger type: 1.5×, or as much smaller as the step's first claims need to fit, never
    // under 1.1×.
    let presenting = h.ctx.zoom_factor() / zoom;
    assert!(
        (1.1 - 1e-3..=1.5 + 1e-3).contains(&presenting),
        "type {presenting}× larger"
    );
    let (event, caption) = tour_step(&h, 0);
    assert_eq!(selected_id(&h).as_deref(), Some(event.as_str()));
    h.get_by_label(&caption);
    h.get_by_label("Step 1 of 11");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().presenter.is_none());
    assert!((h.ctx.zoom_factor() - zoom).abs() < 1e-3);
    h.get_by_label("Lanes:");
}

fn step_of(h: &Harness<'_, ClaimlineApp>) -> usize {
    h.state().presenter.as_ref().expect("presenting").step
}

#[test]
fn arrows_step_forward_and_back_through_the_tour() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    for (key, k) in [
        (Key::ArrowRight, 1),
        (Key::ArrowDown, 2),
        (Key::ArrowRight, 3),
        (Key::ArrowUp, 2),
        (Key::ArrowLeft, 1),
    ] {
        h.key_press(key);
        h.run();
        let (event, caption) = tour_step(&h, k);
        assert_eq!(
            selected_id(&h).as_deref(),
            Some(event.as_str()),
            "after {key:?}"
        );
        h.get_by_label(&caption);
        h.get_by_label(&format!("Step {} of 11", k + 1));
    }
    h.key_press(Key::End);
    h.run();
    assert_eq!(selected_id(&h), Some(tour_step(&h, 10).0));
    // Past the end it stays on the last step.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(selected_id(&h), Some(tour_step(&h, 10).0));
    h.key_press(Key::Home);
    h.run();
    assert_eq!(selected_id(&h), Some(tour_step(&h, 0).0));
}

/// A clicker sends Page Down: it shows the rest of a step's claims, a page at a time, before
/// the next step, with a cue while cards are below; Page Up goes back up them first.
#[test]
fn clicker_keys_page_through_a_steps_claims_before_moving_on() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    let mut paged = 0;
    while step_of(&h) != 10 || h.state().panels.paging.more_below() {
        let (step, paging) = (step_of(&h), h.state().panels.paging);
        assert_eq!(
            paging.more_below(),
            h.query_by_label_contains("More below").is_some(),
            "step {}: the cue says whether cards are below",
            step + 1
        );
        h.key_press(Key::PageDown);
        h.run();
        let now = h.state().panels.paging;
        if paging.more_below() {
            assert_eq!(step_of(&h), step, "moved on with cards below");
            assert!(
                now.offset > paging.offset + 10.0,
                "{now:?} after {paging:?}"
            );
            paged += 1;
        } else {
            assert_eq!(step_of(&h), step + 1);
            assert!(!now.scrolled(), "a new step starts at its first cards");
        }
        assert!(paged < 400);
    }
    assert!(paged > 0, "no step at 1280x720 needed a second page");
    // Page Up: up the cards first, then the step before; Space goes on as Page Down does.
    let last = h.state().panels.paging;
    h.key_press(Key::PageUp);
    h.run();
    if last.scrolled() {
        assert_eq!(step_of(&h), 10);
        assert!(h.state().panels.paging.offset < last.offset);
    }
    while h.state().panels.paging.scrolled() {
        h.key_press(Key::PageUp);
        h.run();
    }
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(step_of(&h), 9);
}

#[test]
fn a_step_s_zoom_moves_the_timeline_there() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.key_press(Key::ArrowRight);
    h.run();
    // Step 3 zooms to 12–15 September 2022 (local time, +04:00).
    let (a, b) = h.state().panels.timeline.visible().unwrap();
    assert!((a - 1_662_926_400.0).abs() < 3600.0, "{a}");
    assert!((b - 1_663_272_000.0).abs() < 3600.0, "{b}");
    // Both sides' columns are on screen.
    assert!(h.query_all_by_label_contains("Armenian side").count() >= 1);
    assert!(h.query_all_by_label_contains("Azerbaijani side").count() >= 1);
}

#[test]
fn presenting_shows_the_map_beside_the_claims_and_its_box_hides_it() {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    assert!(
        h.query_by_label_contains("Map: Syunik").is_some(),
        "map shown"
    );
    h.get_by_label("Map").click();
    h.run();
    assert!(
        h.state().panels.map.hidden_in_presenter,
        "the box hides the map"
    );
    assert!(
        h.query_by_label_contains("Map: Syunik").is_none(),
        "map hidden"
    );
}

#[test]
fn exporting_the_hidden_map_says_so_instead_of_writing_a_picture() {
    use claimline::command::Command;
    use claimline::command::{Dest, ExportCommand};
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    h.get_by_label("Map").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![Command::Export(ExportCommand::Picture(
            claimline::export::Target::Map,
            Dest::File(out.clone()),
        ))],
    );
    h.run();
    assert!(!out.exists());
    let toast = h
        .state()
        .toast
        .as_ref()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    assert!(toast.contains("not on screen"), "{toast}");
}

/// Presents the tour at 1280x720 and calls `at_step` on each step in turn (1-based), once
/// the arrow key has reached it.
fn each_step(mut at_step: impl FnMut(&Harness<'static, ClaimlineApp>, usize)) {
    let mut h = harness();
    h.key_press(Key::F5);
    h.run();
    let steps = h.state().catalog.as_ref().unwrap().dataset.tours[0]
        .steps
        .len();
    for k in 0..steps {
        if k > 0 {
            h.key_press(Key::ArrowRight);
            h.run();
        }
        at_step(&h, k + 1);
    }
}

/// Whether event `e`'s title is written beside its marker at `centre`.
fn titled(h: &Harness<'_, ClaimlineApp>, e: usize, centre: egui::Pos2) -> bool {
    let ds = &h.state().catalog.as_ref().unwrap().dataset;
    let title = claimline::ui::ellipsize(&ds.events[e].title, 36);
    h.query_all_by_label(&title).any(|node| {
        let r = node.rect();
        (r.center().y - centre.y).abs() < 4.0
            && (r.min.x > centre.x || r.max.x < centre.x)
            && (r.min.x - centre.x).abs().min((r.max.x - centre.x).abs()) < 20.0
    })
}

/// On a projector's 1280x720 the timeline takes the height its titles need: the steps whose
/// range holds a few events write the title of every one, with no "+N" cluster; the steps
/// over the busiest days (some forty events in four days, more than any screen can title)
/// still write their own event's title beside its marker.
#[test]
fn at_1280x720_each_step_writes_its_titles() {
    each_step(|h, step| {
        let markers = h.state().panels.timeline.markers().to_vec();
        let selected = h.state().selected.expect("a step selects its event");
        assert!(
            markers
                .iter()
                .any(|&(e, centre)| e == selected && titled(h, e, centre)),
            "step {step}: its own title"
        );
        if markers.len() <= 3 {
            assert!(
                h.query_by_label_contains("Cluster of ").is_none(),
                "step {step}: a cluster"
            );
            for (e, centre) in markers {
                assert!(titled(h, e, centre), "step {step}: no title for event {e}");
            }
        }
    });
}

/// The cards of each party column's first claim, as screen readers find them: the claims the
/// panel's layout puts first in the two columns.
fn first_cards(h: &Harness<'_, ClaimlineApp>) -> Vec<egui::Rect> {
    use claimline::model::Side;
    let cat = h.state().catalog.as_ref().unwrap();
    let event = &cat.dataset.events[h.state().selected.expect("a step selects its event")];
    let offset = cat.dataset.offset_of(event);
    let columns = [Side::party(0), Side::party(1)];
    let layout = claimline::layout::claim_rows::claim_layout(
        event,
        &columns,
        |i| {
            let c = &event.claims[i];
            c.more
                .actors
                .is_empty()
                .then(|| cat.index.side_of_actor(&c.actor))
        },
        |i| event.claims[i].said.span(offset).map_or(0, |s| s.start),
    );
    (0..columns.len())
        .filter_map(|col| layout.rows.iter().find_map(|r| r.cells[col]))
        .map(|ci| {
            let text = event.claims[ci].shown_text();
            h.query_all_by_label_contains("Claim by ")
                .find(|n| {
                    use egui_kittest::kittest::NodeT;
                    n.accesskit_node()
                        .label()
                        .is_some_and(|l| l.contains(&*text))
                })
                .unwrap_or_else(|| panic!("no card for {text:?}"))
                .rect()
        })
        .collect()
}

/// At a projector's 1280x720 and a full-HD screen, each step's first claims are whole in type
/// fitted down no further than 1.1× (and, at the floor, with the timeline giving up room);
/// where a claim is too long for that, the cue says more is below.
#[test]
fn each_steps_first_claims_are_whole_or_the_cue_says_more_is_below() {
    for (w, hgt) in [(1280.0, 720.0), (1920.0, 1080.0)] {
        let mut h = common::build(common::builder(w, hgt).with_max_steps(12));
        h.key_press(Key::F5);
        h.run();
        let mut whole = 0;
        for k in 0..11 {
            if k > 0 {
                h.key_press(Key::ArrowRight);
                h.run();
            }
            let claims = h.state().panels.regions.claims;
            let firsts = first_cards(&h);
            if firsts.iter().all(|r| claims.expand(1.0).contains_rect(*r)) {
                whole += 1;
            } else {
                assert!(
                    h.ctx.zoom_factor() <= 1.1 + 1e-3,
                    "{w}x{hgt} step {}",
                    k + 1
                );
                assert!(h.query_by_label_contains("More below").is_some());
            }
        }
        // Seen: 9 of 11 at 1280x720. Step 3's first Azerbaijani claim (seven quoted
        // passages) is taller than the panel in any readable type, and step 6's (a long quoted
        // readout) is 20 points short. 5 of 11 before presenter cards put disputes, sources and
        // notes on a line each (the dataset's dispute links now run both ways, so a card lists
        // up to six); 11 of 11 at 1920x1080.
        let least = if w < 1500.0 { 9 } else { 11 };
        assert!(whole >= least, "{w}x{hgt}: {whole} of 11 steps whole");
    }
}

/// A tour step on an event where one party alone speaks says so beside its title, in the
/// words the window uses; a step where both speak does not.
#[test]
fn a_one_sided_step_says_so_beside_its_title() {
    let (mut said, mut silent) = (0, 0);
    each_step(|h, step| {
        let cat = h.state().catalog.as_ref().unwrap();
        let e = h.state().selected.expect("a step selects its event");
        let shown = h.query_by_label_contains("account is in this data for this event");
        match claimline::balance::one_sided_party(&cat.index, e) {
            Some(side) => {
                let line = claimline::balance::one_sided_line(&cat.dataset, side);
                assert!(
                    h.query_by_label(&line).is_some(),
                    "step {step}: {line:?} not shown"
                );
                said += 1;
            }
            None => {
                assert!(shown.is_none(), "step {step}: a line on a two-sided step");
                silent += 1;
            }
        }
    });
    assert!(
        said > 0 && silent > 0,
        "{said} one-sided steps, {silent} others"
    );
}
