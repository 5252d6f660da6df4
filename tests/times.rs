//! Times are shown in the dataset's zone with the zone named, and as written wherever the
//! text carries another offset: on the claim cards (what AccessKit reports) and in the event
//! list. Invented fixture; no GPU or display.

mod common;

use egui_kittest::kittest::Queryable;

#[test]
fn a_claim_written_with_its_own_offset_shows_the_datasets_zone_and_as_written() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["borderland.ron"]);
    common::select(&mut h, "night-fire");
    // Lakeland's statement at 12:00+03:00 is 13:00 in the dataset's +04:00.
    let card = h.get_by_label_contains("Claim by Lakeland Foreign Ministry");
    let label = format!("{card:?}");
    assert!(
        label.contains("said 13 Sep 2022 13:00 UTC+04:00 (12:00 UTC+03:00 as written)"),
        "{label}"
    );
    // A time written without an offset is in the dataset's zone, named.
    h.get_by_label_contains(
        "Claim by Northland Defence Ministry (Northern side), said 13 Sep 2022 02:00 UTC+04:00:",
    );
    // The card's visible line says the same.
    assert!(
        h.query_all_by_label_contains("13:00 UTC+04:00 (12:00 UTC+03:00 as written)")
            .count()
            >= 2,
        "card text and its accessible label"
    );
}
