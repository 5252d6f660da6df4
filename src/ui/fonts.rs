//! Fonts bundled with the app, so that place names render on any machine.
//!
//! egui's built-in fonts (Ubuntu Light, Hack and a few icon fonts) have no Armenian glyphs,
//! and eframe is built without system-font discovery, so names such as "Ջերմուկ" or "Սոթք"
//! would otherwise show up as tofu boxes. This module adds Noto Sans (Latin, including the
//! Azerbaijani letters ə ğ ı ş ç ö ü, and Cyrillic) as the primary proportional font, Noto
//! Sans Armenian as its first fallback, and keeps egui's own fonts behind them, so everything
//! they draw (egui's icons, and its emoji when the `monochrome_emoji_fonts` feature is on)
//! still renders. A bold family, [`bold`], is registered too.
//! The font files, their origin and their licence (SIL OFL 1.1) are in `assets/fonts/`.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Key of Noto Sans Regular in [`FontDefinitions::font_data`].
const NOTO_SANS: &str = "NotoSans-Regular";
/// Key of Noto Sans Bold in [`FontDefinitions::font_data`].
const NOTO_SANS_BOLD: &str = "NotoSans-Bold";
/// Key of Noto Sans Armenian Regular in [`FontDefinitions::font_data`].
const NOTO_SANS_ARMENIAN: &str = "NotoSansArmenian-Regular";
/// Name of the bold family, see [`bold`].
const BOLD_FAMILY: &str = "bold";

/// egui's default fonts plus the bundled Noto fonts.
///
/// * [`FontFamily::Proportional`]: Noto Sans, then Noto Sans Armenian, then egui's defaults,
///   then egui's monospace font for symbols.
/// * [`FontFamily::Monospace`]: egui's Hack first, then the Noto fonts as fallbacks for the
///   characters Hack lacks (e.g. Armenian), then the rest of egui's defaults.
/// * [`bold`]: Noto Sans Bold, then Noto Sans Armenian (regular weight), then the same
///   fallbacks as the proportional family.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();

    defs.font_data.insert(
        NOTO_SANS.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Regular.ttf"
        ))),
    );
    defs.font_data.insert(
        NOTO_SANS_BOLD.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Bold.ttf"
        ))),
    );
    defs.font_data.insert(
        NOTO_SANS_ARMENIAN.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSansArmenian-Regular.ttf"
        ))),
    );

    // What egui would use for proportional text; our fonts go in front of it.
    let egui_proportional = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();

    // egui's monospace font, Hack, last: it has the arrows, triangles and other symbols
    // (→ ⇄ ▲ ▼) that neither Noto Sans nor egui's proportional fonts carry.
    let egui_monospace_first = defs
        .families
        .get(&FontFamily::Monospace)
        .and_then(|m| m.first().cloned());
    let chain = |first: &str| -> Vec<String> {
        [first, NOTO_SANS_ARMENIAN]
            .into_iter()
            .map(str::to_owned)
            .chain(egui_proportional.iter().cloned())
            .chain(egui_monospace_first.iter().cloned())
            .collect()
    };

    defs.families
        .insert(FontFamily::Proportional, chain(NOTO_SANS));
    defs.families.insert(bold(), chain(NOTO_SANS_BOLD));

    // Keep egui's monospace font (Hack) first so code-like text stays monospaced,
    // but let it fall back to the Noto fonts before egui's other fallbacks.
    let monospace = defs.families.entry(FontFamily::Monospace).or_default();
    let at = usize::from(!monospace.is_empty());
    monospace.splice(at..at, [NOTO_SANS, NOTO_SANS_ARMENIAN].map(str::to_owned));

    defs
}

/// The bold font family registered by [`definitions`].
///
/// Use it as e.g. `egui::FontId::new(14.0, fonts::bold())` or
/// `egui::RichText::new(text).family(fonts::bold())`.
#[must_use]
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD_FAMILY.into())
}

/// Install [`definitions`] into `ctx`.
///
/// Call once, e.g. from the `eframe` app creator. The fonts take effect from the next pass.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    use egui::FontId;
    use egui::epaint::text::{Fonts, TextOptions};

    /// Place names in the three scripts the app must show, plus the Azerbaijani letters
    /// that plain Latin-1 fonts lack.
    const SAMPLE: &str =
        "Ջերմուկ Սոթք Джермук Kəlbəcər Laçın Şuşa ğ ı ə ş ç ö ü Ə Ğ İ Ş Ç Ö Ü → ← ⇄ ▲ ▼ × ≥ ≤ “ ”";

    /// Only the installed fonts: no system-font provider, so the result does not depend
    /// on the machine running the tests.
    fn fonts(defs: FontDefinitions) -> Fonts {
        Fonts::new(TextOptions::default(), defs)
    }

    fn missing(fonts: &mut Fonts, family: &FontFamily, text: &str) -> Vec<char> {
        let font_id = FontId::new(14.0, family.clone());
        text.chars()
            .filter(|&c| !fonts.has_glyph(&font_id, c))
            .collect()
    }

    #[test]
    fn every_family_covers_the_sample() {
        let mut fonts = fonts(definitions());
        for family in [FontFamily::Proportional, FontFamily::Monospace, bold()] {
            let missing = missing(&mut fonts, &family, SAMPLE);
            assert!(
                missing.is_empty(),
                "{family:?} has no glyph for {missing:?}"
            );
        }
    }

    #[test]
    fn egui_default_fonts_lack_armenian() {
        // Proves the bundle is what makes Armenian render.
        let mut fonts = fonts(FontDefinitions::default());
        let armenian = "Ջերմուկ Սոթք".replace(' ', "");
        let missing = missing(&mut fonts, &FontFamily::Proportional, &armenian);
        assert_eq!(
            missing,
            armenian.chars().collect::<Vec<_>>(),
            "egui's default fonts now cover some Armenian; the bundled font may be unneeded"
        );
    }

    #[test]
    fn noto_sans_is_the_primary_proportional_font() {
        let defs = definitions();
        let egui_defaults = FontDefinitions::default();
        let egui_proportional = &egui_defaults.families[&FontFamily::Proportional];

        let hack = &egui_defaults.families[&FontFamily::Monospace][0];
        let n = egui_proportional.len();

        let proportional = &defs.families[&FontFamily::Proportional];
        assert_eq!(proportional[..2], [NOTO_SANS, NOTO_SANS_ARMENIAN]);
        assert_eq!(&proportional[2..2 + n], egui_proportional.as_slice());
        assert_eq!(&proportional[2 + n..], std::slice::from_ref(hack));

        let bold = &defs.families[&bold()];
        assert_eq!(bold[..2], [NOTO_SANS_BOLD, NOTO_SANS_ARMENIAN]);
        assert_eq!(&bold[2..2 + n], egui_proportional.as_slice());

        // Every name in every family has font data (egui panics otherwise).
        for name in defs.families.values().flatten() {
            assert!(defs.font_data.contains_key(name), "no font data for {name}");
        }

        // And the glyphs really come from the bundled fonts, in that order.
        let mut fonts = fonts(defs);
        let mut view = fonts.with_pixels_per_point(1.0);
        let characters = view.characters(&FontFamily::Proportional);
        for c in ['K', 'ə', 'ı', 'Д'] {
            assert_eq!(characters[&c][0], NOTO_SANS, "{c:?}");
        }
        assert_eq!(characters[&'Ջ'][0], NOTO_SANS_ARMENIAN);
    }

    #[test]
    fn everything_egui_draws_still_draws() {
        // egui's own fonts stay in the chain as fallbacks, so no character egui could draw
        // (its icons, and its emoji when the `monochrome_emoji_fonts` feature is on) is lost.
        let mut egui_fonts = fonts(FontDefinitions::default());
        let egui_chars: Vec<char> = egui_fonts
            .with_pixels_per_point(1.0)
            .characters(&FontFamily::Proportional)
            .keys()
            .copied()
            .collect();
        assert!(egui_chars.contains(&'\u{E624}'), "egui's GitHub icon");

        let mut ours = fonts(definitions());
        for family in [FontFamily::Proportional, bold()] {
            let lost = missing(&mut ours, &family, &String::from_iter(&egui_chars));
            assert!(lost.is_empty(), "{family:?} lost {lost:?}");
        }
    }

    #[test]
    fn install_into_a_context() {
        let ctx = egui::Context::default();
        install(&ctx);
        // Fonts are only built during a pass.
        ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.label(SAMPLE);
        })
        .drop_without_applying_deltas();
        let missing: Vec<char> = ctx.fonts_mut(|fonts| {
            let font_id = FontId::proportional(14.0);
            SAMPLE
                .chars()
                .filter(|&c| !fonts.has_glyph(&font_id, c))
                .collect()
        });
        assert!(missing.is_empty(), "no glyph for {missing:?}");
        assert!(ctx.fonts(|fonts| fonts.families().contains(&bold())));
    }
}
