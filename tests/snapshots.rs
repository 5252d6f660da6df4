//! Reviewed pictures: the casualty strip and an exported claims panel, drawn by the CPU
//! renderer of `claimline export` (no display, no GPU) on an invented fixture and compared
//! with the images in `tests/snapshots/`, which were looked at and judged right. A change in
//! what is drawn fails here; `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes the new
//! pictures, to be looked at before they are committed.

mod common;

use std::path::PathBuf;

use claimline::cli::export::{Request, draw, prepare};
use claimline::export::Target;
use claimline::export::png;

fn request(target: Target, size: (u32, u32), select: Option<&str>) -> Request {
    common::export_request(target, size, select, &["borderland.ron"])
}

fn path(name: &str, suffix: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}{suffix}.png"))
}

/// Compares `img` with the reviewed `name.png`: the same size, and no more than 0.1 % of the
/// pixels off by more than a little (anti-aliasing may differ in the last bit).
fn assert_snapshot(name: &str, img: &egui::ColorImage) {
    let bytes = png::encode(img).unwrap();
    let reviewed = path(name, "");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&reviewed, &bytes).unwrap();
        return;
    }
    let new = path(name, ".new");
    let Ok(old) = image::open(&reviewed) else {
        std::fs::write(&new, &bytes).unwrap();
        panic!(
            "no reviewed snapshot {}: look at {} and, if right, run with UPDATE_SNAPSHOTS=1",
            reviewed.display(),
            new.display()
        );
    };
    let old = old.to_rgba8();
    let [w, h] = img.size;
    let differ = if (old.width() as usize, old.height() as usize) == (w, h) {
        img.pixels
            .iter()
            .zip(old.pixels())
            .filter(|(a, b)| {
                a.to_array()
                    .iter()
                    .zip(b.0)
                    .any(|(x, y)| x.abs_diff(y) > 24)
            })
            .count()
    } else {
        usize::MAX
    };
    if differ > w * h / 1000 {
        std::fs::write(&new, &bytes).unwrap();
        panic!(
            "{name}: {} differs from the reviewed snapshot ({} pixels; {}x{} against {}x{}); \
             look at {} and, if right, run with UPDATE_SNAPSHOTS=1",
            reviewed.display(),
            if differ == usize::MAX {
                "size".to_owned()
            } else {
                differ.to_string()
            },
            w,
            h,
            old.width(),
            old.height(),
            new.display()
        );
    }
}

#[test]
fn casualty_strip_snapshot() {
    let req = request(Target::Timeline, (1000, 560), None);
    let (mut app, headless) = prepare(&req).unwrap();
    let mut headless = headless.with_accesskit();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    let strip = headless
        .accessible
        .iter()
        .find(|n| n.label.starts_with("Casualty strip"))
        .expect("the strip is drawn")
        .rect;
    // The strip with its name in the gutter to its left.
    let region = egui::Rect::from_min_max(
        egui::pos2(0.0, strip.min.y - 2.0),
        egui::pos2(strip.max.x + 2.0, strip.max.y + 2.0),
    );
    assert_snapshot("casualty-strip", &png::crop(&picture.image, region, 1.0));
}

#[test]
fn exported_claims_panel_snapshot() {
    let req = request(Target::Claims, (900, 400), Some("night-fire"));
    let (mut app, mut headless) = prepare(&req).unwrap();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    assert_snapshot("claims-night-fire", &picture.image);
}

/// The first window a new user sees: the bundled dataset at the window's default size, with no
/// saved state, so the timeline opens on the stretch that holds most events (September 2022),
/// its events written with their titles, and the status bar shows no warnings.
#[test]
fn first_window_snapshot() {
    let mut req = common::export_request(Target::Window, (1366, 768), None, &[]);
    req.range = None;
    req.caption = false;
    let (mut app, headless) = prepare(&req).unwrap();
    let mut headless = headless.with_accesskit();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    let (a, b) = app.panels.timeline.visible().expect("a timeline");
    let day = |s: f64| {
        chrono::DateTime::from_timestamp(s as i64, 0)
            .unwrap()
            .date_naive()
            .to_string()
    };
    assert!(
        day(a).starts_with("2022-09") && day(b).starts_with("2022-09"),
        "opens on {} to {}",
        day(a),
        day(b)
    );
    let titles = headless
        .accessible
        .iter()
        .filter(|n| {
            app.catalog
                .as_ref()
                .unwrap()
                .dataset
                .events
                .iter()
                .any(|e| claimline::ui::ellipsize(&e.title, 36) == n.value)
        })
        .count();
    // On a laptop's 1366x768 the claims take most of the height: the busiest days' titles
    // do not all fit, the selection's and the quieter ones' do.
    assert!(titles >= 2, "{titles} titles written on the timeline");
    assert!(
        !headless
            .accessible
            .iter()
            .any(|n| n.label.contains("warning") || n.value.contains("warning")),
        "a warning in the status bar"
    );
    assert_snapshot("first-window", &picture.image);
}
