//! What the viewer tests share: the app on the bundled dataset, and a contested event.
// Each test file uses part of this module.
#![allow(dead_code)]

use egui_kittest::{Harness, HarnessBuilder};

use claimline::app::ClaimlineApp;
use claimline::load::load_bundled;
use claimline::query::{Catalog, Side};

/// A harness at `w`×`h` in the light theme (the app's default), before the first frame.
pub fn builder(w: f32, h: f32) -> HarnessBuilder<ClaimlineApp> {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_theme(egui::Theme::Light)
}

pub fn build(b: HarnessBuilder<ClaimlineApp>) -> Harness<'static, ClaimlineApp> {
    let mut h = b.build_eframe(|cc| ClaimlineApp::with_context(&cc.egui_ctx, load_bundled()));
    h.run();
    h
}

/// The first event both sides made claims about, with the text of each side's first claim
/// as the claim panel shows it.
pub fn contested(cat: &Catalog) -> (usize, String, String) {
    let e = (0..cat.dataset.events.len())
        .find(|&e| cat.index.events[e].voices.is_contested())
        .expect("the bundled dataset has contested events");
    let event = &cat.dataset.events[e];
    let first = |side: Side| {
        event
            .claims
            .iter()
            .find(|c| cat.index.side_of_actor(&c.actor) == side)
            .expect("a claim from each side")
            .shown_text()
    };
    (e, first(Side::Left), first(Side::Right))
}
