//! Type sizes and the light or dark theme, set once and whenever the user switches.

use egui::{FontFamily, FontId, TextStyle};

/// Slightly larger type than egui's defaults: the app is read for long stretches, and on
/// projectors.
pub fn apply(ctx: &egui::Context, theme: crate::session::settings::ThemeKind) {
    ctx.set_theme(if theme.is_dark() {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.set_visuals_of(
        if theme.is_dark() {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        },
        super::theme::visuals(theme),
    );
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(11.5, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (TextStyle::Heading, FontId::new(19.0, super::fonts::bold())),
            (
                TextStyle::Monospace,
                FontId::new(13.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(6.0, 3.0);
        style.spacing.interact_size.y = 22.0;
    });
}
