//! Source links: a click on a web address asks the platform to open it; any other address is
//! drawn as plain text and a click on it asks for nothing. No GPU or display.

mod common;

use egui::OutputCommand;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use claimline::app::ClaimlineApp;

/// The borderland fixture with the Southern Courier's address replaced by `url`, opened on
/// the event whose claims cite the Northern Herald and the Southern Courier.
fn harness_with_courier_at(url: &str) -> (tempfile::TempDir, Harness<'static, ClaimlineApp>) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::fixture("borderland.ron")).unwrap();
    let text = text.replace(r#""https://example.org/courier""#, &format!("{url:?}"));
    let path = dir.path().join("borderland.ron");
    std::fs::write(&path, text).unwrap();
    let outcome = claimline::import::load_paths(&[path]);
    assert_eq!(outcome.error_count(), 0, "{:#?}", outcome.diagnostics);
    let mut h = common::builder(1600.0, 1000.0)
        .build_eframe(move |cc| ClaimlineApp::with_context(&cc.egui_ctx, outcome));
    h.run();
    common::select(&mut h, "night-fire");
    (dir, h)
}

/// The addresses the app asked the platform to open in the frames after a click on `label`.
fn opened_by_clicking(h: &mut Harness<'_, ClaimlineApp>, label: &str) -> Vec<String> {
    h.get_by_label(label).click();
    let mut opened = Vec::new();
    for _ in 0..4 {
        h.step();
        for c in &h.output().platform_output.commands {
            if let OutputCommand::OpenUrl(o) = c {
                opened.push(o.url.clone());
            }
        }
    }
    opened
}

#[test]
fn clicking_an_https_source_opens_it() {
    let (_dir, mut h) = harness_with_courier_at("https://example.org/courier");
    assert_eq!(
        opened_by_clicking(&mut h, "Northern Herald, 2022-09-13"),
        ["https://example.org/herald"]
    );
    assert_eq!(
        opened_by_clicking(&mut h, "Southern Courier, 2022-09-13"),
        ["https://example.org/courier"]
    );
}

#[test]
fn clicking_a_source_at_any_other_address_opens_nothing() {
    for url in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "HTTPS://example.org/courier",
        "data:text/html,hello",
        " https://example.org/courier",
        "https:///etc/passwd",
        "https://example.org/\u{202e}fdp.exe",
    ] {
        let (_dir, mut h) = harness_with_courier_at(url);
        let node = h.get_by_label("Southern Courier, 2022-09-13");
        assert_eq!(
            node.accesskit_node().role(),
            egui::accesskit::Role::Label,
            "{url} is drawn as plain text"
        );
        assert_eq!(
            opened_by_clicking(&mut h, "Southern Courier, 2022-09-13"),
            Vec::<String>::new(),
            "{url}"
        );
    }
}
