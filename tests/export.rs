//! `claimline export` as a script runs it: no display, no GPU (the CPU renderer draws), the
//! requested size, pictures that follow the selection, clear errors for bad arguments, and
//! data exports that read back.

use std::path::Path;
use std::process::{Command, Output};

fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimline"))
        .arg("export")
        .args(args)
        // No display and no GPU driver are needed: make sure none is used.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("WGPU_BACKEND", "none")
        .output()
        .expect("run claimline export")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn failed(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "expected a failure; stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn png(path: &Path) -> image::RgbaImage {
    image::open(path).expect("a PNG").to_rgba8()
}

/// Distinct colours in rows y0..y1: a blank region has one or two.
fn colours(img: &image::RgbaImage, y0: u32, y1: u32) -> usize {
    let mut seen = std::collections::HashSet::new();
    for y in y0..y1.min(img.height()) {
        for x in 0..img.width() {
            seen.insert(img.get_pixel(x, y).0);
        }
    }
    seen.len()
}

#[test]
fn the_window_at_the_requested_size_with_its_caption() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("w.png");
    let out = export(&["--out", out_path.to_str().unwrap(), "--size", "1366x768"]);
    ok(&out);
    let img = png(&out_path);
    assert_eq!(
        img.dimensions(),
        (1366, 768),
        "caption included, the size is as asked"
    );
    // The timeline (top third) has content; so does the caption band at the bottom.
    assert!(colours(&img, 40, 260) > 50, "the timeline looks blank");
    assert!(colours(&img, 720, 768) > 10, "the caption looks blank");
}

#[test]
fn a_timeline_picture_differs_between_two_selections() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.png");
    let b = dir.path().join("b.png");
    ok(&export(&[
        "--out",
        a.to_str().unwrap(),
        "--view",
        "timeline",
        "--select",
        "2022-09-14-ceasefire",
    ]));
    ok(&export(&[
        "--out",
        b.to_str().unwrap(),
        "--view",
        "timeline",
        "--select",
        "2022-09-13-fighting",
    ]));
    let (ia, ib) = (png(&a), png(&b));
    assert!(
        ia.width() > 600 && ia.height() > 200,
        "{:?}",
        ia.dimensions()
    );
    assert!(
        colours(&ia, 0, ia.height() / 2) > 50,
        "timeline region is blank"
    );
    assert_ne!(ia.as_raw(), ib.as_raw(), "two selections, one picture");
}

#[test]
fn claim_panels_without_caption_in_dark() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.png");
    ok(&export(&[
        "--out",
        p.to_str().unwrap(),
        "--view",
        "claims",
        "--theme",
        "dark",
        "--no-caption",
        "--select",
        "2022-09-14-ceasefire",
        "--actor",
        "arm-mod",
    ]));
    let img = png(&p);
    // Dark: the average pixel is dark.
    let mean: u64 = img
        .pixels()
        .map(|p| u64::from(p.0[0]) + u64::from(p.0[1]) + u64::from(p.0[2]))
        .sum::<u64>()
        / (3 * u64::from(img.width() * img.height()));
    assert!(mean < 100, "mean {mean}");
}

#[test]
fn bad_arguments_fail_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.png");
    let p = p.to_str().unwrap();
    let err = failed(&export(&["--out", p, "--select", "2022-09-14-ceasefir"]));
    assert!(
        err.contains("unknown event id \"2022-09-14-ceasefir\""),
        "{err}"
    );
    assert!(
        err.contains("did you mean \"2022-09-14-ceasefire\""),
        "{err}"
    );
    let err = failed(&export(&["--out", p, "--actor", "nobody"]));
    assert!(err.contains("unknown actor id"), "{err}");
    let err = failed(&export(&["--out", p, "--district", "Atlantis"]));
    assert!(err.contains("unknown district"), "{err}");
    let err = failed(&export(&["--out", "/no/such/folder/x.png"]));
    assert!(
        err.contains("could not write /no/such/folder/x.png"),
        "{err}"
    );
    let err = failed(&export(&["--out", p, "--size", "big"]));
    assert!(err.contains("WIDTHxHEIGHT"), "{err}");
    let err = failed(&export(&["--out", "x.gif"]));
    assert!(err.contains(".png"), "{err}");
    assert!(!Path::new(p).exists(), "nothing written on failure");
}

#[test]
fn data_exports_read_back_and_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("d.csv");
    let ron_path = dir.path().join("d.ron");
    ok(&export(&[
        "--out",
        csv_path.to_str().unwrap(),
        "--district",
        "Gegharkunik",
    ]));
    ok(&export(&[
        "--out",
        ron_path.to_str().unwrap(),
        "--district",
        "Gegharkunik",
    ]));
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let rows = r.records().count();
    // As many rows as the RON subset has claims.
    let check = Command::new(env!("CARGO_BIN_EXE_claimline"))
        .arg("check")
        .arg(&ron_path)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&check.stdout).into_owned();
    assert!(
        check.status.success(),
        "{summary}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        summary.contains(&format!("{rows} claims")),
        "{summary} vs {rows} rows"
    );
    assert!(rows > 0);
}

/// The README's picture is what the app draws now: made again and compared with the committed
/// one (a few pixels may differ by rounding; a changed layout differs in many).
#[test]
fn the_readme_screenshot_is_current() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshots/claimline.png");
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("now.png");
    ok(&export(&[
        "--out",
        fresh.to_str().unwrap(),
        "--size",
        "1600x1000",
        "--select",
        "2022-09-13-fighting-begins",
        "--from",
        "2022-09-11",
        "--to",
        "2022-09-20",
    ]));
    let (a, b) = (png(&committed), png(&fresh));
    let stale = "assets/screenshots/claimline.png is stale: make it again with the command in assets/screenshots/README.md";
    assert_eq!(a.dimensions(), b.dimensions(), "{stale}");
    let differing = a.pixels().zip(b.pixels()).filter(|(x, y)| x != y).count();
    assert!(
        differing * 200 < (a.width() * a.height()) as usize,
        "{stale} ({differing} pixels differ)"
    );
}

#[test]
fn the_map_exports_with_its_caption_and_shows_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.png"), dir.path().join("b.png"));
    for (p, sel) in [
        (&a, "2022-09-13-fighting-begins"),
        (&b, "2022-09-14-ceasefire"),
    ] {
        ok(&export(&[
            "--out",
            p.to_str().unwrap(),
            "--view",
            "map",
            "--select",
            sel,
        ]));
    }
    let (ia, ib) = (png(&a), png(&b));
    // A map panel and its caption band: wide, with many colours (fills, lines, markers, text).
    assert!(
        ia.width() >= 300 && ia.height() >= 200,
        "{}x{}",
        ia.width(),
        ia.height()
    );
    assert!(colours(&ia, 0, ia.height() / 2) > 50);
    // The selection's places and districts are highlighted, so two selections differ.
    assert_ne!(ia.as_raw(), ib.as_raw());
}

#[test]
fn csv_names_the_party_of_each_claims_actor() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("three.csv");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three-parties.ron");
    ok(&export(&[
        "--out",
        csv_path.to_str().unwrap(),
        fixture.to_str().unwrap(),
    ]));
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (claim, party, side) = (col("claim_id"), col("party"), col("side"));
    let mut rows: Vec<(String, String, String)> = r
        .records()
        .map(|row| {
            let row = row.unwrap();
            (row[claim].into(), row[party].into(), row[side].into())
        })
        .collect();
    rows.sort();
    let want = [
        ("k1", "korsenn", "Korsenni side"),
        ("k2", "korsenn", "Korsenni side"),
        ("k3", "korsenn", "Korsenni side"),
        ("k4", "korsenn", "Korsenni side"),
        ("o1", "ostmere", "Ostmeran side"),
        ("o2", "ostmere", "Ostmeran side"),
        ("o3", "ostmere", "Ostmeran side"),
        ("o4", "ostmere", "Ostmeran side"),
        ("t1", "", "Third parties"),
        ("t2", "", "Third parties"),
        ("t3", "", "Third parties"),
        ("v1", "valdria", "Valdrian side"),
        ("v2", "valdria", "Valdrian side"),
        ("v3", "valdria", "Valdrian side"),
    ]
    .map(|(c, p, s)| (c.to_owned(), p.to_owned(), s.to_owned()));
    assert_eq!(rows, want);
    // The columns that were there before keep their places.
    assert_eq!(&header[..3], ["event_id", "event_title", "event_when"]);
    assert_eq!(col("side"), 9);
    assert_eq!(col("dataset"), 17);
}
