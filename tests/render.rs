//! Rendered pixels: the window drawn by wgpu (on a machine without a GPU, Mesa's software
//! Vulkan, llvmpipe) at a laptop's and a projector's size, checked for a timeline with content
//! and two filled claim columns. The images are written to `target/screenshots/` to look at.
//!
//! These need a Vulkan driver, so `cargo test` alone skips them visibly (ignored); `.ci/run`
//! installs the driver and runs them with `cargo test --test render -- --ignored`.

mod common;

use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use image::RgbaImage;

use claimline::app::ClaimlineApp;
use claimline::command::Command;

fn harness(w: f32, h: f32) -> Harness<'static, ClaimlineApp> {
    common::build(common::builder(w, h).wgpu())
}

fn render(h: &mut Harness<'_, ClaimlineApp>, name: &str) -> RgbaImage {
    let img = h.render().unwrap_or_else(|e| {
        panic!("could not render: {e}. Install Mesa's software Vulkan: apt-get install mesa-vulkan-drivers libvulkan1")
    });
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    img.save(dir.join(format!("{name}.png"))).unwrap();
    img
}

/// Distinct colours in a region: a blank or flat region has one or two.
fn colours(img: &RgbaImage, r: Rect) -> usize {
    let mut seen = std::collections::HashSet::new();
    let (x0, y0) = (r.min.x.max(0.0) as u32, r.min.y.max(0.0) as u32);
    let (x1, y1) = (
        (r.max.x as u32).min(img.width()),
        (r.max.y as u32).min(img.height()),
    );
    for y in y0..y1 {
        for x in x0..x1 {
            seen.insert(img.get_pixel(x, y).0);
        }
    }
    seen.len()
}

/// Selects the first event both sides made claims about and zooms to its week.
fn select_contested(h: &mut Harness<'_, ClaimlineApp>) -> (String, String) {
    let (e, left, right) = common::contested(h.state().catalog.as_ref().unwrap());
    let span = h.state().catalog.as_ref().unwrap().index.events[e].span;
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![
            Command::ZoomTo(
                span.start as f64 - 2.0 * 86400.0,
                span.end as f64 + 3.0 * 86400.0,
            ),
            Command::Select(Some(e)),
        ],
    );
    h.run();
    (left, right)
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn overview_shows_lanes_ticks_and_markers() {
    let mut h = harness(1600.0, 1000.0);
    let img = render(&mut h, "overview-1600x1000");
    assert_eq!((img.width(), img.height()), (1600, 1000));
    // The timeline: right of the lane labels, across the lanes.
    let zoom = h.get_by_label("Zoom:").rect();
    let plot = Rect::from_min_max(
        egui::pos2(zoom.min.x + 150.0, zoom.max.y + 10.0),
        egui::pos2(1590.0, zoom.max.y + 220.0),
    );
    assert!(colours(&img, plot) > 20, "the timeline looks blank");
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn selected_event_fills_both_columns_at_laptop_and_projector_sizes() {
    for (w, hgt, dark) in [
        (1366.0, 768.0, false),
        (1920.0, 1080.0, false),
        (1600.0, 1000.0, true),
    ] {
        let mut h = harness(w, hgt);
        if dark {
            let ctx = h.ctx.clone();
            h.state_mut().apply(
                &ctx,
                vec![Command::SetTheme(
                    claimline::session::settings::ThemeKind::Dark,
                )],
            );
            h.run();
        }
        let (left, right) = select_contested(&mut h);
        let name = format!("selected-{w}x{hgt}{}", if dark { "-dark" } else { "" });
        let img = render(&mut h, &name);
        let l = h.get_by_label(&left).rect();
        let r = h.get_by_label(&right).rect();
        assert!(l.max.x <= r.min.x);
        assert!(colours(&img, l) > 8, "{name}: left column text not drawn");
        assert!(colours(&img, r) > 8, "{name}: right column text not drawn");
        // Both columns start on screen, within the window.
        assert!(
            l.min.y < hgt && r.min.y < hgt,
            "{name}: claims pushed off screen"
        );
    }
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn different_selections_draw_different_pictures() {
    let mut h = harness(1600.0, 1000.0);
    h.key_press(Key::ArrowRight);
    h.run();
    let a = render(&mut h, "step-1");
    h.key_press(Key::ArrowRight);
    h.run();
    let b = render(&mut h, "step-2");
    assert_ne!(a.as_raw(), b.as_raw());
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn zooms_and_lane_modes_each_draw_a_different_timeline() {
    let mut h = harness(1600.0, 1000.0);
    let mut last = render(&mut h, "zoom-all");
    for (button, name) in [
        ("Busiest month", "zoom-month"),
        ("week", "zoom-week"),
        ("day", "zoom-day"),
        ("By district", "lanes-district"),
        ("By kind", "lanes-kind"),
        ("dark", "dark"),
        ("high contrast", "high-contrast"),
    ] {
        use claimline::session::settings::ThemeKind;
        let ctx = h.ctx.clone();
        match button {
            "dark" => h
                .state_mut()
                .apply(&ctx, vec![Command::SetTheme(ThemeKind::Dark)]),
            "high contrast" => h
                .state_mut()
                .apply(&ctx, vec![Command::SetTheme(ThemeKind::HighContrast)]),
            label => h.get_by_label(label).click(),
        }
        h.run();
        let img = render(&mut h, name);
        assert_ne!(
            img.as_raw(),
            last.as_raw(),
            "{name} looks like the step before"
        );
        last = img;
    }
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn the_in_app_export_writes_what_is_on_screen() {
    use claimline::command::{Dest, ExportCommand};
    use claimline::export::Target;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(1600.0, 1000.0);
    select_contested(&mut h);
    let ctx = h.ctx.clone();
    let export = |h: &mut Harness<'_, ClaimlineApp>, target: Target, name: &str| {
        let path = dir.path().join(name);
        h.state_mut().apply(
            &ctx,
            vec![Command::Export(ExportCommand::Picture(
                target,
                Dest::File(path.clone()),
            ))],
        );
        for _ in 0..20 {
            if path.exists() {
                break;
            }
            h.step();
        }
        image::open(&path)
            .unwrap_or_else(|e| panic!("{name} not written: {e}"))
            .to_rgba8()
    };
    h.state_mut().apply(
        &ctx,
        vec![Command::Export(ExportCommand::SetCaption(false))],
    );
    h.run();
    let screen = render(&mut h, "in-app-screen");
    let file = export(&mut h, Target::Window, "window.png");
    assert_eq!(file.dimensions(), screen.dimensions());
    let differing = file
        .pixels()
        .zip(screen.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 8))
        .count();
    let share = differing as f64 / f64::from(file.width() * file.height());
    assert!(
        share < 0.01,
        "{:.2}% of pixels differ from the screen",
        share * 100.0
    );
    // A panel is cut to its rectangle; the caption adds a band under it.
    let claims = export(&mut h, Target::Claims, "claims.png");
    let region = h.state().panels.regions.claims;
    assert_eq!(claims.width(), region.width().round() as u32);
    h.state_mut()
        .apply(&ctx, vec![Command::Export(ExportCommand::SetCaption(true))]);
    let captioned = export(&mut h, Target::Claims, "claims-captioned.png");
    assert_eq!(captioned.width(), claims.width());
    assert!(captioned.height() > claims.height() + 30);
    captioned
        .save(
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join("../screenshots/in-app-claims-captioned.png"),
        )
        .unwrap();
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn presenter_steps_at_1280x720_show_caption_event_and_both_columns() {
    // A step glides there and fits its type: a few frames more than a still window.
    let mut h = common::build(common::builder(1280.0, 720.0).wgpu().with_max_steps(12));
    h.key_press(Key::F5);
    h.run();
    for (k, shot) in [
        (2usize, "present-step-3"),
        (4, "present-step-5"),
        (8, "present-step-9"),
    ] {
        let current = h.state().presenter.as_ref().unwrap().step;
        for _ in current..k {
            h.key_press(Key::ArrowRight);
            h.run();
        }
        let img = render(&mut h, shot);
        let (caption, e) = {
            let cat = h.state().catalog.as_ref().unwrap();
            let step = &cat.dataset.tours[0].steps[k];
            (
                step.caption.clone().unwrap(),
                cat.index.event_index(&cat.dataset, &step.event).unwrap(),
            )
        };
        let c = h.get_by_label(&caption).rect();
        let zoom = h.ctx.zoom_factor();
        assert!(
            c.max.y < 720.0 / zoom && c.max.x <= 1280.0 / zoom + 1.0,
            "{shot}: caption cut off: {c:?}"
        );
        assert!(
            colours(&img, Rect::from_min_max(c.min * 1.0, c.max)) > 4,
            "{shot}: caption not drawn"
        );
        assert_eq!(h.state().selected, Some(e));
    }
}

#[test]
#[ignore = "renders with wgpu: needs a Vulkan driver (apt-get install mesa-vulkan-drivers libvulkan1); .ci/run runs it"]
fn the_tour_panel_shows_every_step_within_the_window() {
    for (w, hgt) in [(1600.0, 1000.0), (1280.0, 720.0)] {
        let mut h = common::build(common::builder(w, hgt).wgpu().with_max_steps(8));
        common::tour_of_three(&mut h, 5);
        render(&mut h, &format!("tour-panel-{w}x{hgt}"));
        let window = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, hgt));
        for n in 1..=3 {
            let label = format!("Caption of step {n}:");
            let r = h.get_by_label(&label).rect();
            assert!(
                window.contains_rect(r),
                "{w}x{hgt}: step {n}'s caption at {r:?}"
            );
        }
        for label in ["Save tour…", "Handout (PDF)…"] {
            let r = h.get_by_label(label).rect();
            assert!(window.contains_rect(r), "{w}x{hgt}: {label} at {r:?}");
        }
        for button in h.get_all_by_label("▶ Present from here") {
            let r = button.rect();
            assert!(
                window.contains_rect(r),
                "{w}x{hgt}: a step's buttons at {r:?}"
            );
        }
        // Closing with the tour unsaved: the question stands over the window.
        common::request_close(&mut h);
        render(&mut h, &format!("tour-close-question-{w}x{hgt}"));
        let r = h.get_by_label("Close without saving").rect();
        assert!(window.contains_rect(r), "{w}x{hgt}: the question at {r:?}");
    }
}
