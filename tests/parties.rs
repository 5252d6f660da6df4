//! Datasets with fewer than two parties: every lane and claim column is titled by a party the
//! dataset names, or as third parties once; no side is made up (invented fixtures).

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

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
