//! Fonts bundled with the app, so that place names and quotes render on any machine.
//!
//! egui's built-in fonts (Ubuntu Light, Hack and a few icon fonts) have no Armenian, Georgian,
//! Hebrew or Arabic glyphs, and eframe is built without system-font discovery, so names such
//! as "Ջերմուկ" or "საქართველო" and quotes in Persian would otherwise show up as tofu boxes.
//! This module adds Noto Sans (Latin, including the Azerbaijani and Turkish letters ə ğ ı ş ç
//! ö ü, and Cyrillic) as the primary proportional font, Noto Sans Armenian, Georgian, Hebrew
//! and Arabic (which covers Persian) as its fallbacks, and keeps egui's own fonts behind them,
//! so everything they draw (egui's icons, and its emoji when the `monochrome_emoji_fonts`
//! feature is on) still renders. A bold family, [`bold`], is registered too.
//! epaint shapes Arabic (joined letters) but does not put right-to-left text in display
//! order: see [`super::bidi`].
//! The font files, their origin and their licence (SIL OFL 1.1) are in `assets/fonts/`.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Key of Noto Sans Regular in [`FontDefinitions::font_data`].
const NOTO_SANS: &str = "NotoSans-Regular";
/// Key of Noto Sans Bold in [`FontDefinitions::font_data`].
const NOTO_SANS_BOLD: &str = "NotoSans-Bold";
/// The scripts Noto Sans lacks, one font each (keys in [`FontDefinitions::font_data`]), in the
/// order they are tried after the family's first font. Regular weight; bold text uses them too.
const FALLBACKS: [(&str, &[u8]); 4] = crate::export::fonts::FALLBACKS;
/// Name of the bold family, see [`bold`].
const BOLD_FAMILY: &str = "bold";

/// egui's default fonts plus the bundled Noto fonts.
///
/// * [`FontFamily::Proportional`]: Noto Sans, then Noto Sans Armenian, Georgian, Hebrew and
///   Arabic, then egui's defaults, then egui's monospace font for symbols.
/// * [`FontFamily::Monospace`]: egui's Hack first, then the Noto fonts as fallbacks for the
///   characters Hack lacks (e.g. Armenian), then the rest of egui's defaults.
/// * [`bold`]: Noto Sans Bold, then the same fallbacks (regular weight) as the proportional
///   family.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();

    defs.font_data.insert(
        NOTO_SANS.to_owned(),
        Arc::new(FontData::from_static(crate::export::fonts::REGULAR)),
    );
    defs.font_data.insert(
        NOTO_SANS_BOLD.to_owned(),
        Arc::new(FontData::from_static(crate::export::fonts::BOLD)),
    );
    for (name, bytes) in FALLBACKS {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }

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
        std::iter::once(first)
            .chain(FALLBACKS.map(|(name, _)| name))
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
    let noto = std::iter::once(NOTO_SANS).chain(FALLBACKS.map(|(name, _)| name));
    monospace.splice(at..at, noto.map(str::to_owned));

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
    fn egui_default_fonts_lack_these_scripts() {
        // Proves the bundle is what makes them render.
        let mut fonts = fonts(FontDefinitions::default());
        for text in ["Ջերմուկ", "საქართველო", "שלום", "ایران"] {
            let missing = missing(&mut fonts, &FontFamily::Proportional, text);
            assert_eq!(
                missing,
                text.chars().collect::<Vec<_>>(),
                "egui's default fonts now cover some of {text:?}; a bundled font may be unneeded"
            );
        }
    }

    #[test]
    fn noto_sans_is_the_primary_proportional_font() {
        let defs = definitions();
        let egui_defaults = FontDefinitions::default();
        let egui_proportional = &egui_defaults.families[&FontFamily::Proportional];

        let hack = &egui_defaults.families[&FontFamily::Monospace][0];
        let n = egui_proportional.len();

        let ours = 1 + FALLBACKS.len();
        let fallbacks = FALLBACKS.map(|(name, _)| name);
        let proportional = &defs.families[&FontFamily::Proportional];
        assert_eq!(proportional[0], NOTO_SANS);
        assert_eq!(proportional[1..ours], fallbacks);
        assert_eq!(&proportional[ours..ours + n], egui_proportional.as_slice());
        assert_eq!(&proportional[ours + n..], std::slice::from_ref(hack));

        let bold = &defs.families[&bold()];
        assert_eq!(bold[0], NOTO_SANS_BOLD);
        assert_eq!(bold[1..ours], fallbacks);
        assert_eq!(&bold[ours..ours + n], egui_proportional.as_slice());

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
        for (c, font) in ['Ջ', 'ს', 'ש', 'ی'].into_iter().zip(fallbacks) {
            assert_eq!(characters[&c][0], font, "{c:?}");
        }
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

    /// A word in each script the dataset's names and quotes come in.
    const SCRIPTS: [(&str, &str); 8] = [
        ("Azerbaijani", "Kəlbəcər Şuşa"),
        ("Armenian", "Երևան"),
        ("Georgian", "საქართველო"),
        ("Russian", "Москва"),
        ("Persian", "ایران تهران ۱۴۰۱"),
        ("Arabic", "سلام"),
        ("Turkish", "Iğdır"),
        ("Hebrew", "שלום"),
    ];

    #[test]
    fn every_script_renders() {
        let ctx = egui::Context::default();
        install(&ctx);
        // Tofu would make layout panic rather than draw a box.
        ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
        for family in [FontFamily::Proportional, FontFamily::Monospace, bold()] {
            let font_id = FontId::new(14.0, family.clone());
            for (script, sample) in SCRIPTS {
                let missing: Vec<char> = ctx.fonts_mut(|f| {
                    sample
                        .chars()
                        .filter(|&c| !f.has_glyph(&font_id, c))
                        .collect()
                });
                assert!(
                    missing.is_empty(),
                    "{script} in {family:?}: no glyph for {missing:?}"
                );
                let galley = ctx.fonts_mut(|f| {
                    f.layout_no_wrap(sample.to_owned(), font_id.clone(), egui::Color32::WHITE)
                });
                assert!(
                    galley.rows[0]
                        .row
                        .glyphs
                        .iter()
                        .all(|g| g.chr != '\u{FFFD}'),
                    "{script} in {family:?}: a replacement character"
                );
            }
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
