//! Datasets with fewer than two parties: every lane and claim column is titled by a party the
//! dataset names, or as third parties once; no side is made up (invented fixtures).

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn one_party_shows_its_own_lane_and_column_and_the_third_parties() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["one-party.ron"]);
    common::select(&mut h, "vesk-flood");
    assert_eq!(common::lane_labels(&h), ["Northern side", "Third parties"]);
    h.get_by_label("Lane: Northern side");
    h.get_by_label("Lane: Third parties");
    // The claim panel: the party's column heading, and the third parties' band, once each.
    assert_eq!(h.query_all_by_label("Northern side").count(), 1);
    assert_eq!(h.query_all_by_label("Third parties").count(), 1);
    assert_eq!(
        h.query_all_by_label_contains("Claim by Northland Defence Ministry (Northern side)")
            .count(),
        1
    );
    // The side filter offers the sides there are.
    h.get_by_role_and_label(Role::CheckBox, "Northern side (1)");
    h.get_by_role_and_label(Role::CheckBox, "Third parties (1)");
    assert_eq!(h.query_all_by_label("Third parties (0)").count(), 0);
}

#[test]
fn no_party_shows_only_third_parties_and_says_why() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["no-parties.ron"]);
    common::select(&mut h, "oram-storm");
    assert_eq!(common::lane_labels(&h), ["Third parties"]);
    h.get_by_label("Lane: Third parties");
    assert_eq!(h.query_all_by_label("Third parties").count(), 1);
    h.get_by_label("No parties are named in this dataset: every claim is a third party's.");
    h.get_by_role_and_label(Role::CheckBox, "Third parties (1)");
    assert_eq!(h.query_all_by_label("Third parties (0)").count(), 0);
}

/// The top of the card of claim `claim` as drawn last frame, and its left edge.
fn card_at(
    h: &egui_kittest::Harness<'_, claimline::app::ClaimlineApp>,
    claim: usize,
) -> egui::Pos2 {
    h.state()
        .panels
        .cards
        .iter()
        .find(|c| c.claim == claim)
        .unwrap_or_else(|| panic!("claim {claim} has no card"))
        .visible
        .min
}

#[test]
fn four_parties_get_four_lanes_four_columns_and_a_filter_each() {
    let mut h = common::build_on(common::builder(1600.0, 1800.0), &["four-parties.ron"]);
    common::select(&mut h, "brisk-shelling");
    // The header's columns set the party order, not the order the file lists them in.
    let sides = ["Ostmark side", "Westmark side", "Hill side", "Dale side"];
    assert_eq!(
        common::lane_labels(&h),
        [&sides[..], &["Third parties"]].concat()
    );
    for (side, events) in sides.into_iter().zip([1, 1, 2, 1]) {
        h.get_by_label(&format!("Lane: {side}"));
        // One column heading each, none of them filed with the third parties.
        assert_eq!(h.query_all_by_label(side).count(), 1, "{side}");
        h.get_by_role_and_label(Role::CheckBox, &format!("{side} ({events})"));
    }
    assert_eq!(h.query_all_by_label("Third parties").count(), 1);
    h.get_by_label_contains("Claim by Hill Authority Command (Hill side)");
    h.get_by_label_contains("Claim by Dale Foreign Office (Dale side)");
    // Four columns left to right, in order: each party's claim further right.
    let xs: Vec<f32> = [0, 1, 2, 3].map(|c| card_at(&h, c).x).to_vec();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    // The third and fourth parties' dispute is one row: the two cards at one height, and the
    // first two parties' dispute on a row of its own.
    assert!((card_at(&h, 2).y - card_at(&h, 3).y).abs() < 1.0);
    assert!((card_at(&h, 0).y - card_at(&h, 1).y).abs() < 1.0);
    assert!((card_at(&h, 0).y - card_at(&h, 2).y).abs() > 20.0);
    // Claims from four parties make the event contested.
    let cat = h.state().catalog.as_ref().unwrap();
    assert!(cat.index.events[0].voices.is_contested());
}

#[test]
fn parties_that_are_not_columns_get_bands_of_their_own() {
    let mut h = common::build_on(common::builder(1600.0, 1800.0), &["four-parties.ron"]);
    common::select(&mut h, "brisk-shelling");
    let ctx = h.ctx.clone();
    let columns = vec!["hill".to_owned(), "dale".to_owned()];
    h.state_mut().apply(
        &ctx,
        vec![claimline::command::Command::SetColumns(Some(columns))],
    );
    h.run();
    // Two columns: Hill left of Dale, side by side.
    let (hill, dale) = (card_at(&h, 2), card_at(&h, 3));
    assert!(hill.x < dale.x && (hill.y - dale.y).abs() < 1.0);
    // Ostmark and Westmark below, each under its own heading, above the third parties.
    for side in ["Ostmark side", "Westmark side", "Third parties"] {
        assert_eq!(h.query_all_by_label(side).count(), 1, "{side}");
    }
    let (ost, west, watch) = (card_at(&h, 0), card_at(&h, 1), card_at(&h, 4));
    assert!(hill.y < ost.y && ost.y < west.y && west.y < watch.y);
}

#[test]
fn by_side_puts_parties_that_stand_together_in_one_lane() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["four-parties.ron"]);
    // Offered only because this dataset's parties name sides.
    h.get_by_label("By side").click();
    h.run();
    assert_eq!(
        common::lane_labels(&h),
        [
            "Ostmark side",
            "Westmark and Hill side",
            "Dale side",
            "Third parties"
        ]
    );
    h.get_by_label("Lane: Westmark and Hill side");
}

#[test]
fn by_side_is_not_offered_where_no_party_names_a_side() {
    let h = common::build_on(common::builder(1600.0, 1000.0), &["one-party.ron"]);
    assert_eq!(h.query_all_by_label("By side").count(), 0);
    h.get_by_label("By party");
}

#[test]
fn a_third_partys_own_dead_are_its_own_series_under_its_name() {
    let h = common::build_on(common::builder(1600.0, 1000.0), &["four-parties.ron"]);
    let hill = claimline::model::Side::party(2);
    let app = h.state();
    let series = app
        .derived
        .tolls
        .iter()
        .find(|s| s.reporter == hill)
        .expect("the Hill Authority's series");
    assert_eq!(
        series.whose,
        claimline::layout::casualties::Whose::Party(hill)
    );
    assert!(
        series.stepped,
        "a party's own toll is a line, as the first two parties' are"
    );
    let counts: Vec<u32> = series.points.iter().map(|p| p.count).collect();
    assert_eq!(counts, [3, 7]);
    // Each figure is read out under the party's name, never as "Third parties".
    assert_eq!(
        h.query_all_by_label_contains("Hill side, own dead").count(),
        2
    );
    assert_eq!(
        h.query_all_by_label_contains("Third parties, own dead")
            .count(),
        0
    );
}

/// The parties (ids, in order) and the claim columns of fixture files merged in this order.
fn merged(files: &[&str]) -> (Vec<String>, Vec<String>) {
    let paths: Vec<_> = files.iter().map(|f| common::fixture(f)).collect();
    let out = claimline::import::load_paths(&paths);
    let ds = out.dataset.expect("the files merge");
    let ids: Vec<String> = ds.parties.iter().map(|p| p.id.clone()).collect();
    let columns = ds
        .column_sides()
        .iter()
        .map(|s| ids[s.party_index().unwrap()].clone())
        .collect();
    (ids, columns)
}

#[test]
fn the_order_files_are_opened_in_changes_no_party_and_no_column() {
    let (ids, columns) = merged(&["four-parties.ron", "one-party.ron"]);
    assert_eq!(
        merged(&["one-party.ron", "four-parties.ron"]),
        (ids.clone(), columns.clone())
    );
    // The columns the four-party file names, whichever file came first.
    assert_eq!(columns, ["ost", "west", "hill", "dale"]);
    assert_eq!(&ids[..4], columns.as_slice());
    assert!(ids.contains(&"north".to_owned()));
    // Two files naming no columns: the same two parties lead either way.
    assert_eq!(
        merged(&["westland.ron", "borderland.ron"]),
        merged(&["borderland.ron", "westland.ron"])
    );
}

#[test]
fn three_parties_get_three_lanes_columns_and_filters_and_by_side_merges_two() {
    let mut h = common::build_on(common::builder(1600.0, 1800.0), &["three-parties.ron"]);
    common::select(&mut h, "bridge-fire");
    let sides = ["Valdrian side", "Korsenni side", "Ostmeran side"];
    assert_eq!(
        common::lane_labels(&h),
        [&sides[..], &["Third parties"]].concat()
    );
    for side in sides {
        assert_eq!(
            h.query_all_by_label(side).count(),
            1,
            "one column heading: {side}"
        );
        let filter = h
            .query_all_by_label_contains(&format!("{side} ("))
            .filter(|n| n.accesskit_node().role() == Role::CheckBox)
            .count();
        assert_eq!(filter, 1, "a side filter entry: {side}");
    }
    // Korsenn (2nd) and Ostmere (3rd) dispute each other: one row, side by side.
    let (k1, o1, v1) = (card_at(&h, 0), card_at(&h, 1), card_at(&h, 2));
    assert!((k1.y - o1.y).abs() < 1.0 && k1.x < o1.x, "{k1:?} {o1:?}");
    assert!(v1.x < k1.x, "Valdria's column is the first");
    // Valdria and Korsenn stand on one side: by side, they share a lane.
    h.get_by_label("By side").click();
    h.run();
    assert_eq!(
        common::lane_labels(&h),
        [
            "Valdrian and Korsenni side",
            "Ostmeran side",
            "Third parties"
        ]
    );
}

#[test]
fn a_generated_four_party_file_opens_with_four_lanes_and_four_columns() {
    use claimline::cli::generate::{Spec, generate_with_parties, to_ron};
    let file = generate_with_parties(
        Spec {
            events: 300,
            seed: 4,
        },
        Some(4),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("four.ron");
    std::fs::write(&path, to_ron(&file).unwrap()).unwrap();
    let h = common::build_with(
        common::builder(1600.0, 1000.0),
        claimline::import::load_paths(&[path]),
    );
    let cat = h.state().catalog.as_ref().unwrap();
    assert_eq!(cat.dataset.parties.len(), 4);
    assert_eq!(cat.dataset.column_sides().len(), 4);
    let party_lanes = h
        .state()
        .derived
        .lanes
        .iter()
        .filter(|l| matches!(l.key, claimline::layout::lanes::LaneKey::Side(s) if s.party_index().is_some()))
        .count();
    assert_eq!(party_lanes, 4);
}

#[test]
fn by_side_the_claim_columns_are_the_sides() {
    let mut h = common::build_on(common::builder(1600.0, 1800.0), &["four-parties.ron"]);
    common::select(&mut h, "brisk-shelling");
    h.get_by_label("By side").click();
    h.run();
    // Three columns: Ostmark, Westmark with Hill, Dale; each heading once.
    for side in ["Ostmark side", "Westmark and Hill side", "Dale side"] {
        assert_eq!(h.query_all_by_label(side).count(), 1, "one column: {side}");
        h.get_by_label(&format!("Lane: {side}"));
    }
    assert_eq!(h.query_all_by_label("Hill side").count(), 0);
    // Westmark's and Hill's claims share a column; Hill's dispute with Dale is still a row.
    let (ost, west, hill, dale) = (
        card_at(&h, 0),
        card_at(&h, 1),
        card_at(&h, 2),
        card_at(&h, 3),
    );
    assert!((west.x - hill.x).abs() < 1.0 && ost.x < west.x && west.x < dale.x);
    assert!((hill.y - dale.y).abs() < 1.0 && (ost.y - west.y).abs() < 1.0);
}

#[test]
fn a_narrow_window_keeps_the_columns_that_fit_and_bands_the_rest() {
    // At 1280 points with the filters open and the event list beside, the claims panel
    // holds about 400: two columns of cards, not four.
    let mut h = common::build_on(common::builder(1280.0, 1800.0), &["four-parties.ron"]);
    common::filters_and_list_beside(&mut h);
    common::select(&mut h, "brisk-shelling");
    let (ost, west, hill, dale) = (
        card_at(&h, 0),
        card_at(&h, 1),
        card_at(&h, 2),
        card_at(&h, 3),
    );
    assert!(ost.x < west.x && (ost.y - west.y).abs() < 1.0);
    // Hill and Dale below, each under its own heading, never squeezed beside the others.
    assert!(hill.y > ost.y && dale.y > hill.y);
    for side in ["Hill side", "Dale side"] {
        assert_eq!(h.query_all_by_label(side).count(), 1, "{side}");
    }
    // The columns button names the two columns drawn, and says the others are bands.
    h.get_by_label("Ostmark side · Westmark side (+2 as bands: too narrow)");
}

#[test]
fn a_tour_step_shows_the_columns_it_names_and_the_viewers_come_back_after() {
    use claimline::command::{Command, PresentStep};
    let mut h = common::build_on(common::builder(1600.0, 1800.0), &["four-parties.ron"]);
    let ctx = h.ctx.clone();
    let present = |h: &mut egui_kittest::Harness<'_, claimline::app::ClaimlineApp>, c| {
        h.state_mut().apply(&ctx, vec![c]);
        h.run();
    };
    present(&mut h, Command::Present(true));
    present(&mut h, Command::ChooseTour(Some(0)));
    // The first step names Hill and Dale: their claims side by side, Hill's on the left, and
    // Ostmark's and Westmark's in bands below, never columns.
    let (ost, west, hill, dale) = (
        card_at(&h, 0),
        card_at(&h, 1),
        card_at(&h, 2),
        card_at(&h, 3),
    );
    assert!(hill.x < dale.x && (hill.y - dale.y).abs() < 1.0);
    assert!(ost.y > hill.y && west.y > ost.y);
    // The step decides: no columns menu to contradict it.
    assert!(h.query_by_label_contains("Columns:").is_none());
    // The next step names none: the dataset's four columns again.
    present(&mut h, Command::PresentStep(PresentStep::Next));
    present(&mut h, Command::PresentStep(PresentStep::Previous));
    present(&mut h, Command::Present(false));
    common::select(&mut h, "brisk-shelling");
    let xs: Vec<f32> = [0, 1, 2, 3].map(|c| card_at(&h, c).x).to_vec();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
}

#[test]
fn a_column_dragged_by_its_heading_onto_another_moves_there() {
    let mut h = common::build_on(common::builder(1600.0, 1800.0), &["four-parties.ron"]);
    common::select(&mut h, "brisk-shelling");
    let at = |h: &egui_kittest::Harness<'_, claimline::app::ClaimlineApp>, side: &str| {
        h.get_by_label(side).rect().center()
    };
    let (ost, hill) = (at(&h, "Ostmark side"), at(&h, "Hill side"));
    // The pointer lets go over Hill's heading.
    common::drag_in_steps(&mut h, ost, hill);
    let columns = h.state().settings.columns.clone();
    assert_eq!(
        columns.as_deref(),
        Some(&["west", "hill", "ost", "dale"].map(String::from)[..])
    );
    // Ostmark's claim is now the third column, right of Hill's.
    assert!(card_at(&h, 0).x > card_at(&h, 2).x);
}
