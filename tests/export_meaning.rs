//! Exported pictures hold what their captions name: checked through what the export tells a
//! screen reader (each claim card's words and where it is) against the caption's sources and
//! credits, on invented fixtures. Drawn on the CPU: no display, no GPU.

mod common;

use claimline::app::headless::AccessibleNode;
use claimline::cli::export::{Request, draw, prepare};
use claimline::export::Target;

fn request(target: Target, size: (u32, u32), select: Option<&str>, files: &[&str]) -> Request {
    common::export_request(target, size, select, files)
}

/// The claim cards a screen reader is told of in the last frame drawn.
fn cards(nodes: &[AccessibleNode]) -> Vec<&AccessibleNode> {
    nodes
        .iter()
        .filter(|n| n.role == egui::accesskit::Role::Article && n.label.starts_with("Claim by "))
        .collect()
}

fn sources_line(caption: &[String]) -> &str {
    caption
        .iter()
        .find(|l| l.starts_with("Sources: "))
        .expect("a sources line")
}

#[test]
fn a_claims_export_holds_every_claim_of_the_event_and_names_only_their_sources() {
    // 8 claims: three from each party, two from third parties; a window too short for them.
    let req = request(
        Target::Claims,
        (900, 300),
        Some("night-fire"),
        &["borderland.ron"],
    );
    let (mut app, headless) = prepare(&req).unwrap();
    let mut headless = headless.with_accesskit();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    let drawn = cards(&headless.accessible);
    assert_eq!(drawn.len(), 8, "{drawn:#?}");
    // Every card lies whole inside the picture (above its caption band).
    let [w, h] = picture.image.size;
    for c in &drawn {
        assert!(c.rect.is_positive(), "a card with no place: {c:?}");
        assert!(
            c.rect.min.x >= 0.0
                && c.rect.max.x <= w as f32
                && c.rect.min.y >= 0.0
                && c.rect.max.y <= h as f32,
            "card cut off: {c:?} in a {w}x{h} picture"
        );
    }
    assert!(h > 300, "the picture grew to hold the cards: {w}x{h}");
    // Both third parties' cards are there, under their band.
    for who in ["Lakeland Foreign Ministry", "Meridian Wire"] {
        assert!(drawn.iter().any(|c| c.label.contains(who)), "{who} missing");
    }
    // The caption names the eight outlets of these claims, and no other.
    let line = sources_line(&picture.caption);
    for outlet in [
        "Northern Herald",
        "Southern Courier",
        "Vale Gazette",
        "Marches Tribune",
        "Lakeland Bulletin",
        "Meridian Wire",
        "Harbour Observer",
        "Plains Ledger",
    ] {
        assert!(line.contains(outlet), "{outlet} missing from {line}");
    }
    assert!(!line.contains("Toll Register"), "{line}");
    assert_eq!(line.matches("; ").count(), 7, "{line}");
}

#[test]
fn a_window_export_names_the_sources_of_the_cards_it_shows() {
    // At 1280x720 the claims panel shows some of the eight cards; the rest are scrolled away.
    let req = request(
        Target::Window,
        (1280, 720),
        Some("night-fire"),
        &["borderland.ron"],
    );
    let (mut app, headless) = prepare(&req).unwrap();
    let mut headless = headless.with_accesskit();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    let line = sources_line(&picture.caption).to_owned();
    let panel = app.panels.regions.claims;
    let ds = &app.catalog.as_ref().unwrap().dataset;
    let event = ds.events.iter().find(|e| &*e.id == "night-fire").unwrap();
    let drawn = cards(&headless.accessible);
    assert!(drawn.iter().all(|c| c.rect.is_positive()), "{drawn:#?}");
    let mut seen = 0;
    for claim in &event.claims {
        let outlet = &ds
            .sources
            .iter()
            .find(|s| s.id == claim.sources[0].source)
            .unwrap()
            .outlet;
        let in_picture = drawn
            .iter()
            .any(|c| c.label.contains(&claim.shown_text()) && c.rect.intersects(panel));
        seen += usize::from(in_picture);
        assert_eq!(
            line.contains(outlet.as_str()),
            in_picture,
            "{outlet} (claim {}) named: {line}; panel {panel:?}; cards {drawn:#?}",
            claim.id
        );
    }
    assert!(seen >= 2, "{seen} cards seen");
}

#[test]
fn a_window_export_names_its_files_in_the_status_bar() {
    let req = request(
        Target::Window,
        (1000, 600),
        None,
        &["borderland.ron", "westland.ron"],
    );
    let (mut app, headless) = prepare(&req).unwrap();
    let mut headless = headless.with_accesskit();
    draw(&mut app, &mut headless, &req).unwrap();
    let status: Vec<&str> = headless
        .accessible
        .iter()
        .map(|n| n.value.as_str())
        .filter(|l| l.starts_with("Open: "))
        .collect();
    assert!(
        !status.is_empty()
            && status
                .iter()
                .all(|s| *s == "Open: borderland.ron + westland.ron"),
        "{status:?}"
    );
}

#[test]
fn a_panel_export_is_that_panel_at_the_size_asked() {
    for target in [Target::Map, Target::Timeline] {
        let req = request(target, (1200, 500), None, &["borderland.ron"]);
        let (mut app, mut headless) = prepare(&req).unwrap();
        let picture = draw(&mut app, &mut headless, &req).unwrap();
        let [w, h] = picture.image.size;
        assert_eq!(w, 1200, "{target:?}");
        assert!(h > 500, "{target:?}: {w}x{h} (500 and the caption)");
        assert_eq!(app.panels.regions.of(target).width(), 1200.0, "{target:?}");
    }
}

#[test]
fn merged_files_are_each_credited_in_the_caption() {
    let req = request(
        Target::Timeline,
        (1200, 500),
        None,
        &["borderland.ron", "westland.ron"],
    );
    let (mut app, mut headless) = prepare(&req).unwrap();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    let credits = picture.caption.last().unwrap();
    assert_eq!(
        credits,
        "Made with Claimline from “Borderland fixture” (curated by Fixture curator North; CC0 1.0) \
         and “Westland observers fixture” (curated by Fixture curator West; CC BY 4.0)."
    );
    // A picture of the second file's event alone credits that file only.
    let req = request(
        Target::Claims,
        (900, 400),
        Some("west-visit"),
        &["borderland.ron", "westland.ron"],
    );
    let (mut app, mut headless) = prepare(&req).unwrap();
    let picture = draw(&mut app, &mut headless, &req).unwrap();
    assert_eq!(
        picture.caption.last().unwrap(),
        "Made with Claimline from “Westland observers fixture” (curated by Fixture curator West; CC BY 4.0)."
    );
    assert_eq!(
        sources_line(&picture.caption),
        "Sources: Westland Mission Report"
    );
}

#[test]
fn csv_and_ron_of_merged_files_credit_each_file_and_keep_each_files_times() {
    use claimline::export::data::{CSV_HEADER, subset, to_csv, to_ron};
    let paths = [
        common::fixture("borderland.ron"),
        common::fixture("westland.ron"),
    ];
    let cat =
        claimline::query::Catalog::new(claimline::import::load_paths(&paths).dataset.unwrap());
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let csv = String::from_utf8(to_csv(&cat.dataset, &cat.index, &all).unwrap()).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let row = |claim: &str| rows.iter().find(|r| &r[col("claim_id")] == claim).unwrap();
    assert_eq!(
        &row("w1")[col("dataset")],
        "“Westland observers fixture” (curated by Fixture curator West; CC BY 4.0)"
    );
    assert_eq!(
        &row("n1")[col("dataset")],
        "“Borderland fixture” (curated by Fixture curator North; CC0 1.0)"
    );
    // Times in the first file's zone, named; a time with its own offset also as written.
    assert_eq!(&row("n1")[col("said")], "13 Sep 2022 02:00 UTC+04:00");
    assert_eq!(
        &row("t1")[col("said")],
        "13 Sep 2022 13:00 UTC+04:00 (12:00 UTC+03:00 as written)"
    );
    // West's 11:00 is read at its file's +03:00.
    assert_eq!(
        &row("w1")[col("said")],
        "14 Sep 2022 12:00 UTC+04:00 (11:00 UTC+03:00 as written)"
    );

    let file = subset(&cat.dataset, &all, "Filters: none");
    assert_eq!(
        file.dataset.curator,
        "Fixture curator North; Fixture curator West"
    );
    assert_eq!(
        file.dataset.licence,
        "“Borderland fixture”: CC0 1.0; “Westland observers fixture”: CC BY 4.0"
    );
    assert!(
        file.dataset
            .title
            .contains("Borderland fixture + Westland observers fixture")
    );
    // The subset opens again, clean, with West's time still at 11:00 +03:00.
    let text = to_ron(&file).unwrap();
    let again = claimline::load::load_texts(&[claimline::load::SourceText {
        name: "subset.ron".into(),
        text,
    }]);
    assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
    let ds = again.dataset.unwrap();
    let west = ds.events.iter().find(|e| &*e.id == "west-visit").unwrap();
    assert_eq!(&*west.claims[0].said.at(), "2022-09-14T11:00+03:00");
    let orig = cat
        .dataset
        .events
        .iter()
        .find(|e| &*e.id == "west-visit")
        .unwrap();
    assert_eq!(
        west.claims[0].said.span(ds.offset_of(west)),
        orig.claims[0].said.span(cat.dataset.offset_of(orig))
    );
}

#[test]
fn the_in_app_claims_export_holds_every_card_the_panel_scrolls() {
    use claimline::command::Command;
    use claimline::command::{Dest, ExportCommand};
    let mut h = common::build_on(common::builder(1280.0, 720.0), &["borderland.ron"]);
    common::select(&mut h, "night-fire");
    let ctx = h.ctx.clone();
    let on_screen = h.state().panels.regions.claims;
    let seen_on_screen = h.state().panels.cards.len();
    assert!(
        seen_on_screen < 8,
        "the window shows only some cards: {seen_on_screen}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("claims.png");
    h.state_mut().apply(
        &ctx,
        vec![Command::Export(ExportCommand::Picture(
            Target::Claims,
            Dest::File(out.clone()),
        ))],
    );
    // Drawn off screen, whole: the caption names the eight cards' outlets; the window's own
    // record of what it shows is untouched.
    let caption = &h.state().exports.last_caption;
    assert_eq!(
        sources_line(caption).matches("; ").count(),
        7,
        "{caption:?}"
    );
    assert_eq!(h.state().panels.cards.len(), seen_on_screen);
    let img = image::open(&out).unwrap();
    assert_eq!(img.width() as f32, on_screen.width());
    assert!(
        img.height() as f32 > on_screen.height() + 40.0,
        "{}x{} for a panel of {on_screen:?}",
        img.width(),
        img.height()
    );
    h.run();
}

#[test]
fn a_claims_export_of_four_parties_shows_four_columns() {
    let mut req = request(
        Target::Claims,
        (1400, 600),
        Some("brisk-shelling"),
        &["four-parties.ron"],
    );
    req.range = None;
    let (mut app, headless) = prepare(&req).unwrap();
    let mut headless = headless.with_accesskit();
    draw(&mut app, &mut headless, &req).unwrap();
    let drawn = cards(&headless.accessible);
    // One card a party, left to right in the header's column order, then the observer below.
    let at = |who: &str| {
        drawn
            .iter()
            .find(|c| c.label.contains(who))
            .unwrap_or_else(|| panic!("{who} missing: {drawn:#?}"))
            .rect
    };
    let columns = [
        "Ostmark Defence Office",
        "Westmark Defence Office",
        "Hill Authority Command",
        "Dale Foreign Office",
    ];
    let xs: Vec<f32> = columns.iter().map(|w| at(w).min.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    // Four equal columns: each card starts about a quarter of the width after the last.
    let step = xs[1] - xs[0];
    assert!(step > 250.0 && (xs[3] - xs[2] - step).abs() < 8.0, "{xs:?}");
    assert!(at("Lantern Watch").min.y > at("Dale Foreign Office").max.y);
}
