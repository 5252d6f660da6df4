//! The casualty strip draws every announced figure at a height that follows its count, inside
//! the strip: read from what AccessKit reports of the drawn points (their positions), not from
//! counted pixels. No GPU or display.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use claimline::app::ClaimlineApp;
use claimline::command::Command;
use claimline::layout::casualties::TollKind;
use claimline::model::Measure;

/// Every figure drawn: (count, label, centre y), and the strip's rectangle.
fn drawn(h: &Harness<'_, ClaimlineApp>) -> (Vec<(u32, String, f32)>, egui::Rect) {
    let (points, strip) = drawn_of(h, "dead");
    let points = points
        .into_iter()
        .map(|(c, l, r)| (c, l, r.center().y))
        .collect();
    (points, strip)
}

/// Every figure of the kind called `noun` drawn: (its height's count, label, the rectangle
/// AccessKit reports: a marker's, or a range's band), and the strip's rectangle.
fn drawn_of(
    h: &Harness<'_, ClaimlineApp>,
    noun: &str,
) -> (Vec<(u32, String, egui::Rect)>, egui::Rect) {
    let strip = h
        .get_by_label_contains(&format!("Casualty strip: announced {noun} ("))
        .rect();
    let prefix = format!("Announced {noun}: ");
    let points = h
        .query_all_by_label_contains(&prefix)
        .map(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            // "105", "≥105", or a range "260–280, drawn at 270" (its best, or its middle).
            let said = &label[prefix.len()..];
            let figure = match said.split_once(", drawn at ") {
                Some((_, at)) => at,
                None => said.trim_start_matches(['≥', '>', '~', '≤', '<']),
            };
            // A figure that stands at a time of its own goes on ", as of 2 May 2023 12:00".
            let count = figure.split([' ', ',']).next().unwrap().parse().unwrap();
            (count, label.clone(), n.rect())
        })
        .collect();
    (points, strip)
}

fn show_kind(h: &mut Harness<'_, ClaimlineApp>, measure: Measure, civilian: bool) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![Command::SetTollKind(TollKind { measure, civilian })],
    );
    h.run();
}

fn assert_heights_follow_counts(points: &[(u32, String, f32)], strip: egui::Rect) {
    for (count, label, y) in points {
        assert!(
            strip.min.y < *y && *y <= strip.max.y,
            "{label} ({count}) drawn at y {y}, outside the strip {strip:?}"
        );
    }
    for a in points {
        for b in points {
            if a.0 > b.0 {
                assert!(a.2 < b.2, "{} drawn no higher than {}", a.1, b.1);
            } else if a.0 == b.0 {
                assert_eq!(a.2, b.2, "{} and {} at different heights", a.1, b.1);
            }
        }
    }
}

#[test]
fn known_figures_are_drawn_at_heights_in_the_order_of_their_counts() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["borderland.ron"]);
    common::zoom(&mut h, "2022-09-12", "2022-09-16");
    let (points, strip) = drawn(&h);
    let mut counts: Vec<u32> = points.iter().map(|p| p.0).collect();
    counts.sort_unstable();
    assert_eq!(counts, [4, 49, 49, 80, 105, 207], "{points:#?}");
    assert_heights_follow_counts(&points, strip);
    // The highest figure uses the strip: it sits in its upper half, the lowest near the foot.
    let y = |c: u32| points.iter().find(|p| p.0 == c).unwrap().2;
    assert!(y(207) < strip.center().y, "207 at {} in {strip:?}", y(207));
    assert!(y(4) > strip.center().y, "4 at {} in {strip:?}", y(4));
}

#[test]
fn the_bundled_tolls_in_the_hundreds_are_inside_the_strip() {
    // The README's view: 11–20 September 2022, up to the Security Council's 207 of the 19th.
    let mut h = common::build(common::builder(1600.0, 1000.0));
    common::zoom(&mut h, "2022-09-11", "2022-09-20");
    let (points, strip) = drawn(&h);
    for wanted in [105, 135] {
        assert!(
            points.iter().any(|p| p.0 == wanted),
            "{wanted} is not drawn: {points:#?}"
        );
    }
    assert_heights_follow_counts(&points, strip);
    // The 207 is of the dead and missing together: not on the line of the killed, which it
    // would seem to raise, but drawn when that kind is chosen.
    assert!(!points.iter().any(|p| p.0 == 207), "{points:#?}");
    show_kind(&mut h, Measure::DeadOrMissing, false);
    let (points, strip) = drawn_of(&h, "dead or missing");
    assert!(points.iter().any(|p| p.0 == 207), "{points:#?}");
    assert!(
        points.iter().all(|p| strip.contains(p.2.center())),
        "{points:#?}"
    );
}

#[test]
fn a_range_is_a_band_from_its_low_to_its_high_and_kinds_are_never_mixed() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["figures-v2.ron"]);
    common::zoom(&mut h, "2023-05-01", "2023-05-05");
    // Killed soldiers: Hollin's 12 and the monitors' 40–70 (best 50); never the killed or
    // wounded, the civilians or the tanks.
    let (killed, _) = drawn_of(&h, "dead");
    let mut counts: Vec<u32> = killed.iter().map(|p| p.0).collect();
    counts.sort_unstable();
    assert_eq!(counts, [12, 50], "{killed:#?}");
    show_kind(&mut h, Measure::KilledOrWounded, false);
    let (points, strip) = drawn_of(&h, "killed or wounded");
    let range = points
        .iter()
        .find(|p| p.1.contains("260–280"))
        .expect("the range is drawn");
    let single = points
        .iter()
        .find(|p| p.0 == 300)
        .expect("the 300 is drawn");
    assert_eq!(points.len(), 2, "{points:#?}");
    // It stands at midday on 2 May, which the reader hears beside when it was said.
    assert!(
        range.1.starts_with(
            "Announced killed or wounded: 260–280, drawn at 270, as of 2 May 2023 12:00 — "
        ),
        "{}",
        range.1
    );
    assert!(!single.1.contains("as of"), "{}", single.1);
    // The band stands from 260 up to 280 on the strip's scale: taller than a point, its top
    // below the 300's marker, inside the strip.
    let band = range.2;
    assert!(band.height() > 0.5, "{band:?}");
    assert!(
        single.2.center().y < band.min.y,
        "300 at {:?}, band {band:?}",
        single.2
    );
    assert!(
        strip.min.y < band.min.y && band.max.y <= strip.max.y,
        "{band:?} in {strip:?}"
    );
    // On a log scale the band's height is ln(281/261) of the log span, as 300 sits at the top.
    let foot = strip.max.y - 4.0;
    let top = single.2.center().y;
    let y = |c: f32| foot - (foot - top) * (c + 1.0).ln() / 301f32.ln();
    assert!(
        (band.min.y - y(280.0)).abs() < 0.6,
        "{} vs {}",
        band.min.y,
        y(280.0)
    );
    assert!(
        (band.max.y - y(260.0)).abs() < 0.6,
        "{} vs {}",
        band.max.y,
        y(260.0)
    );
    // Civilians are a kind of their own.
    show_kind(&mut h, Measure::Killed, true);
    let (civilians, _) = drawn_of(&h, "dead");
    assert_eq!(civilians.iter().map(|p| p.0).collect::<Vec<_>>(), [5]);
}

#[test]
fn at_projector_size_the_figures_stay_inside_a_smaller_strip() {
    let mut h = common::build_on(common::builder(1280.0, 720.0), &["borderland.ron"]);
    common::zoom(&mut h, "2022-09-12", "2022-09-16");
    let (points, strip) = drawn(&h);
    assert_eq!(points.len(), 6, "{points:#?}");
    assert_heights_follow_counts(&points, strip);
}

/// Every series with a figure in view is named in the legend, inside the strip and clear of the
/// other entries, at desktop and projector sizes: a narrow window once dropped the last entry.
#[test]
fn every_drawn_series_is_named_in_the_legend_at_any_window_size() {
    for (w, hgt) in [(1600.0, 1000.0), (1280.0, 720.0), (1000.0, 700.0)] {
        let h = common::build(common::builder(w, hgt));
        let (points, strip) = drawn_of(&h, "dead");
        let named: std::collections::BTreeSet<String> = points
            .iter()
            .map(|(_, label, _)| label.split_once(" — ").unwrap().1.replacen(", ", ": ", 1))
            .collect();
        assert!(named.len() >= 4, "{w}x{hgt}: {named:?}");
        let legend: Vec<(String, egui::Rect)> = h
            .query_all_by_label_contains("Legend: ")
            .map(|n| (n.accesskit_node().value().unwrap_or_default(), n.rect()))
            .collect();
        // "Legend: Third parties: Armenian dead, Azerbaijani dead" names two series.
        for series in &named {
            let (reporter, whose) = series.split_once(": ").unwrap();
            let entry = legend.iter().find(|(text, _)| {
                text.strip_prefix("Legend: ")
                    .and_then(|t| t.strip_prefix(reporter))
                    .and_then(|t| t.strip_prefix(": "))
                    .is_some_and(|t| t.split(", ").any(|w| w == whose))
            });
            let (_, at) =
                entry.unwrap_or_else(|| panic!("{w}x{hgt}: no legend for {series}: {legend:?}"));
            assert!(
                strip.contains_rect(*at),
                "{w}x{hgt}: {series} at {at:?} outside {strip:?}"
            );
        }
        for (i, (a, ra)) in legend.iter().enumerate() {
            for (b, rb) in &legend[i + 1..] {
                assert!(
                    !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                    "{w}x{hgt}: {a} overlaps {b}"
                );
            }
        }
    }
}
