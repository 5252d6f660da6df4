//! Where the window opens. eframe restores the saved position and size as they were written
//! and, on Linux, checks the position against no screen: a corrupt or stale entry opened the
//! window off every screen, or at 64×64 points. These keep it where it can be seen and used.

use egui::{Pos2, Rect, Vec2, ViewportBuilder, vec2};

/// The application id (reverse DNS): the window's Wayland app id and X11 class, and the name of
/// the `.desktop` file, AppStream metainfo and icons under `assets/linux/` and in the `.deb`, so
/// the desktop can match the running window to its launcher and icon.
pub const APP_ID: &str = "org.claimline.Claimline";

/// The window's icon, for desktops that take it from the window rather than from the
/// `.desktop` file (X11 title bars and task bars, Windows); one of the PNGs in `assets/icon/`.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/claimline-256.png");

/// [`ICON_PNG`] decoded for the viewport; `None` (no icon, the window still opens) if it does
/// not decode, which a test rules out.
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// The window the app opens: its size, title, app id and icon.
pub fn viewport() -> ViewportBuilder {
    let viewport = ViewportBuilder::default()
        .with_inner_size(DEFAULT_SIZE)
        .with_min_inner_size(MIN_SIZE)
        .with_title("Claimline")
        .with_app_id(APP_ID)
        .with_drag_and_drop(true);
    match icon() {
        Some(icon) => viewport.with_icon(icon),
        None => viewport,
    }
}

pub const DEFAULT_SIZE: Vec2 = vec2(1366.0, 768.0);
pub const MIN_SIZE: Vec2 = vec2(900.0, 560.0);

/// No arrangement of screens puts a window farther from the origin, in points (X11 itself
/// addresses no more than 32,767 pixels).
const FAR: f32 = 16_384.0;

/// The window eframe is about to open, made sane: a position that is not a number or lies
/// beyond any screen is dropped (the window manager places the window), and a size that is
/// not a number is the default, one too small to use the minimum.
pub fn sane_viewport(mut v: ViewportBuilder) -> ViewportBuilder {
    let near = |x: f32| x.is_finite() && x.abs() <= FAR;
    if v.position.is_some_and(|p| !(near(p.x) && near(p.y))) {
        v.position = None;
    }
    v.inner_size = Some(match v.inner_size {
        Some(s) if near(s.x) && near(s.y) => s.max(MIN_SIZE),
        _ => DEFAULT_SIZE,
    });
    v
}

/// Where to move a window whose outer rectangle is `outer` when too little of it can be on a
/// screen, given the size of the screen it is on (`monitor`, in points): `None` to leave it.
/// Only that size is known, not where the other screens lie, so the window counts as on a
/// screen anywhere within two screens' widths and heights of the first one.
pub fn onscreen_position(outer: Rect, monitor: Vec2) -> Option<Pos2> {
    if !(monitor.x > 0.0 && monitor.y > 0.0 && outer.is_finite()) {
        return None;
    }
    let screens = Rect::from_min_max((-2.0 * monitor).to_pos2(), (3.0 * monitor).to_pos2());
    let seen = outer.intersect(screens);
    // Enough of it to grab, with its title bar (at its top) on a screen.
    let reachable =
        seen.width() >= 64.0 && seen.height() >= 32.0 && screens.y_range().contains(outer.min.y);
    if reachable {
        return None;
    }
    // Centred on the first screen.
    Some(((monitor - outer.size()) / 2.0).max(Vec2::ZERO).to_pos2())
}

/// Moves the window onto the screen if it opened off it. Returns true once the window's place
/// was known and checked; until then (the first frames, or a platform that does not tell) it
/// is asked again next frame.
pub fn keep_on_screen(ctx: &egui::Context) -> bool {
    let (outer, monitor) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().monitor_size));
    let (Some(outer), Some(monitor)) = (outer, monitor) else {
        return false;
    };
    if let Some(to) = onscreen_position(outer, monitor) {
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(to));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn restored(position: Pos2, size: Vec2) -> ViewportBuilder {
        sane_viewport(
            ViewportBuilder::default()
                .with_position(position)
                .with_inner_size(size),
        )
    }

    #[test]
    fn a_position_beyond_any_screen_is_dropped_and_a_good_one_kept() {
        let v = restored(pos2(-1e9, 1e30), vec2(1200.0, 800.0));
        assert_eq!(v.position, None);
        assert_eq!(v.inner_size, Some(vec2(1200.0, 800.0)));
        let v = restored(pos2(f32::NAN, 10.0), vec2(1200.0, 800.0));
        assert_eq!(v.position, None);
        // A second screen to the left or right is fine.
        let v = restored(pos2(-1900.0, 40.0), vec2(1200.0, 800.0));
        assert_eq!(v.position, Some(pos2(-1900.0, 40.0)));
        let v = restored(pos2(3900.0, 40.0), vec2(1200.0, 800.0));
        assert_eq!(v.position, Some(pos2(3900.0, 40.0)));
    }

    #[test]
    fn a_size_that_is_no_number_or_too_small_gives_a_usable_window() {
        let nan = restored(pos2(0.0, 0.0), vec2(f32::NAN, 600.0));
        assert_eq!(nan.inner_size, Some(DEFAULT_SIZE));
        let huge = restored(pos2(0.0, 0.0), vec2(100_000.0, 100_000.0));
        assert_eq!(huge.inner_size, Some(DEFAULT_SIZE));
        let tiny = restored(pos2(0.0, 0.0), vec2(64.0, 64.0));
        assert_eq!(tiny.inner_size, Some(MIN_SIZE));
        let zero = restored(pos2(0.0, 0.0), Vec2::ZERO);
        assert_eq!(zero.inner_size, Some(MIN_SIZE));
        let wide = restored(pos2(0.0, 0.0), vec2(1600.0, 500.0));
        assert_eq!(wide.inner_size, Some(vec2(1600.0, 560.0)));
        assert_eq!(
            sane_viewport(ViewportBuilder::default()).inner_size,
            Some(DEFAULT_SIZE)
        );
    }

    #[test]
    fn a_window_off_the_screen_is_brought_back_and_one_on_it_left() {
        let screen = vec2(1600.0, 1000.0);
        let size = vec2(1366.0, 768.0);
        // Where the review saw it: x = 13824 on a 1600-point screen.
        let off = Rect::from_min_size(pos2(13_824.0, 0.0), size);
        assert_eq!(onscreen_position(off, screen), Some(pos2(117.0, 116.0)));
        // Above the screens, title bar out of reach.
        let above = Rect::from_min_size(pos2(100.0, -2_500.0), size);
        assert_eq!(onscreen_position(above, screen), Some(pos2(117.0, 116.0)));
        // Larger than the screen: at its corner.
        let big = Rect::from_min_size(pos2(20_000.0, 0.0), vec2(2000.0, 1200.0));
        assert_eq!(onscreen_position(big, screen), Some(Pos2::ZERO));
        for on in [
            Rect::from_min_size(pos2(100.0, 50.0), size),
            // Mostly off the right edge, but its title bar can be grabbed.
            Rect::from_min_size(pos2(1500.0, 50.0), size),
            // On a second screen to the right.
            Rect::from_min_size(pos2(1700.0, 50.0), size),
        ] {
            assert_eq!(onscreen_position(on, screen), None, "{on:?}");
        }
        // Nothing known of the screen: nothing to judge by.
        assert_eq!(onscreen_position(off, Vec2::ZERO), None);
    }
}
