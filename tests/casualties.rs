//! The casualty strip draws every announced figure at a height that follows its count, inside
//! the strip: read from what AccessKit reports of the drawn points (their positions), not from
//! counted pixels. No GPU or display.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use claimline::app::ClaimlineApp;

/// Every figure drawn: (count, label, centre y), and the strip's rectangle.
fn drawn(h: &Harness<'_, ClaimlineApp>) -> (Vec<(u32, String, f32)>, egui::Rect) {
    let strip = h
        .get_by_label_contains("Casualty strip: announced dead")
        .rect();
    let points = h
        .query_all_by_label_contains("Announced dead: ")
        .map(|n| {
            let label = n.accesskit_node().label().unwrap_or_default();
            let figure = label["Announced dead: ".len()..]
                .split(' ')
                .next()
                .unwrap()
                .trim_start_matches(['≥', '>', '~', '≤', '<']);
            (figure.parse().unwrap(), label.clone(), n.rect().center().y)
        })
        .collect();
    (points, strip)
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
    for wanted in [105, 207] {
        assert!(
            points.iter().any(|p| p.0 == wanted),
            "{wanted} is not drawn: {points:#?}"
        );
    }
    assert_heights_follow_counts(&points, strip);
}

#[test]
fn at_projector_size_the_figures_stay_inside_a_smaller_strip() {
    let mut h = common::build_on(common::builder(1280.0, 720.0), &["borderland.ron"]);
    common::zoom(&mut h, "2022-09-12", "2022-09-16");
    let (points, strip) = drawn(&h);
    assert_eq!(points.len(), 6, "{points:#?}");
    assert_heights_follow_counts(&points, strip);
}
