//! Colours and marker shapes. The two sides get the same treatment: colours of equal weight
//! from the Okabe–Ito palette (safe for colour-blind viewers, and neither red nor green, so
//! neither reads as "right" or "wrong"), and shapes of equal area (a square and the same
//! square turned into a diamond), so side is told by shape as well as colour.

use egui::{Color32, Visuals};

use crate::model::Dataset;
use crate::model::{MAX_PARTIES, Side, Voices};
use crate::session::settings::ThemeKind;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Marker and line colours, by [`Side::index`]: each party's, then the third parties'.
    pub fill: [Color32; Side::COUNT],
    /// Text and heading colours with enough contrast on the panel background.
    pub text: [Color32; Side::COUNT],
    pub lane_stripe: Color32,
    pub selection: Color32,
    pub outline: Color32,
}

impl Palette {
    pub fn new(theme: ThemeKind, ds: Option<&Dataset>) -> Palette {
        let mut p = if theme == ThemeKind::HighContrast {
            // Darker fills and near-black text on white, for washed-out projectors.
            Palette {
                fill: sides(
                    [
                        0x005A9C, 0xD08700, 0x007A5A, 0xA8558A, 0xB34700, 0x2F7FB8, 0x8A7F00,
                        0x000000,
                    ],
                    0x5A5A5A,
                ),
                text: sides(
                    [
                        0x003A66, 0x5C3A00, 0x004D38, 0x6E2F58, 0x7A3000, 0x1F5F8A, 0x4F4800,
                        0x1A1A1A,
                    ],
                    0x1A1A1A,
                ),
                lane_stripe: Color32::from_black_alpha(18),
                selection: hex(0xB0006A),
                outline: Color32::BLACK,
            }
        } else if theme.is_dark() {
            Palette {
                fill: sides(
                    [
                        0x56B4E9, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00, 0x0072B2, 0xF0E442,
                        0xF0F0F0,
                    ],
                    0xA8A8A8,
                ),
                text: sides(
                    [
                        0x8FD0F5, 0xF2B94A, 0x4FD1A8, 0xE3A6CB, 0xF08A50, 0x7FB2E0, 0xF5EC7A,
                        0xF0F0F0,
                    ],
                    0xC8C8C8,
                ),
                lane_stripe: Color32::from_white_alpha(6),
                selection: hex(0xF0E442),
                outline: hex(0xECECEC),
            }
        } else {
            Palette {
                fill: sides(
                    [
                        0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9, 0xF0E442,
                        0x000000,
                    ],
                    0x8A8A8A,
                ),
                text: sides(
                    [
                        0x005A8C, 0x8A5600, 0x00694D, 0x8E4A74, 0xA34700, 0x1F6A99, 0x6B6200,
                        0x1A1A1A,
                    ],
                    0x4F4F4F,
                ),
                lane_stripe: Color32::from_black_alpha(9),
                selection: hex(0xCC3D9B),
                outline: hex(0x1E1E1E),
            }
        };
        // A curator's colours win for fills; text keeps the checked defaults.
        if let Some(ds) = ds {
            for (i, party) in ds.parties.iter().take(MAX_PARTIES).enumerate() {
                if let Some(c) = party.colour.as_deref().and_then(parse_hex) {
                    p.fill[i] = c;
                }
            }
        }
        p
    }

    pub fn fill_of(&self, side: Side) -> Color32 {
        self.fill[side.index()]
    }

    pub fn text_of(&self, side: Side) -> Color32 {
        self.text[side.index()]
    }

    /// The same colours for print.
    pub fn inks(&self) -> crate::export::handout::Inks {
        let rgb = |c: Color32| [c.r(), c.g(), c.b()];
        crate::export::handout::Inks {
            fill: self.fill.map(rgb),
            text: self.text.map(rgb),
        }
    }
}

/// How an event's marker looks, from who made claims about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerShape {
    /// One party alone spoke: that party's own shape, in its colour (the first party a
    /// square, the second a diamond, the others shapes of the same area).
    Party(Side),
    /// Two or more parties: a disc cut into their colours, ringed.
    Split(Voices),
    /// Only third parties.
    Triangle,
    /// Nobody: a hollow disc.
    Hollow,
}

/// The shape of one side's own marks (a claim, a toll figure): the same as its events' markers.
pub fn side_shape(side: Side) -> MarkerShape {
    if side == Side::THIRD {
        MarkerShape::Triangle
    } else {
        MarkerShape::Party(side)
    }
}

pub fn marker_shape(v: Voices) -> MarkerShape {
    match v.party_sides().next() {
        Some(_) if v.is_contested() => MarkerShape::Split(v),
        Some(party) => MarkerShape::Party(party),
        None if v.has(Side::THIRD) => MarkerShape::Triangle,
        None => MarkerShape::Hollow,
    }
}

/// A colour for each party (the Okabe–Ito eight, in an order that starts with the two the
/// first two parties always had) and one for the third parties.
fn sides(parties: [u32; MAX_PARTIES], third: u32) -> [Color32; Side::COUNT] {
    std::array::from_fn(|i| hex(parties.get(i).copied().unwrap_or(third)))
}

/// egui's visuals for a theme, with weak text darkened (or lightened) to pass WCAG AA.
pub fn visuals(theme: ThemeKind) -> Visuals {
    let mut v = match theme {
        ThemeKind::Dark => Visuals::dark(),
        ThemeKind::Light | ThemeKind::HighContrast => Visuals::light(),
    };
    match theme {
        ThemeKind::Light => {
            v.weak_text_color = Some(hex(0x666666));
            v.hyperlink_color = hex(0x0058B0);
        }
        ThemeKind::Dark => v.weak_text_color = Some(hex(0xA6A6A6)),
        ThemeKind::HighContrast => {
            v.override_text_color = Some(Color32::BLACK);
            v.weak_text_color = Some(hex(0x333333));
            v.panel_fill = Color32::WHITE;
            v.window_fill = Color32::WHITE;
            v.extreme_bg_color = Color32::WHITE;
            v.faint_bg_color = hex(0xF0F0F0);
            v.hyperlink_color = hex(0x0040A0);
            v.widgets.noninteractive.bg_stroke.color = hex(0x444444);
            v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, hex(0x444444));
            v.selection.bg_fill = hex(0x9CC8FF);
            v.selection.stroke.color = Color32::BLACK;
        }
    }
    v
}

/// An opaque band a shade off the panel colour, for captions: egui's `faint_bg_color` is
/// translucent and would show whatever lies under a panel (black, in a real window).
pub fn band_fill(v: &Visuals) -> Color32 {
    v.panel_fill.lerp_to_gamma(v.text_color(), 0.07)
}

/// WCAG 2 contrast ratio of two opaque colours: 1 (same) to 21 (black on white).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn lum(c: Color32) -> f32 {
        let ch = |x: u8| {
            let x = f32::from(x) / 255.0;
            if x <= 0.04045 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
    }
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const fn hex(rgb: u32) -> Color32 {
    Color32::from_rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

fn parse_hex(s: &str) -> Option<Color32> {
    let h = s.strip_prefix('#')?;
    (h.len() == 6)
        .then(|| u32::from_str_radix(h, 16).ok())
        .flatten()
        .map(hex)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG AA for normal text.
    const AA: f32 = 4.5;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast(hex(0x767676), Color32::WHITE) - 4.54).abs() < 0.02);
    }

    #[test]
    fn every_theme_s_text_passes_aa_on_its_backgrounds() {
        for theme in ThemeKind::ALL {
            let v = visuals(theme);
            let p = Palette::new(theme, None);
            // Translucent fills (the faint stripe) are seen over the panel.
            let over = |top: Color32, under: Color32| {
                let a = 1.0 - f32::from(top.a()) / 255.0;
                let mix = |t: u8, u: u8| (f32::from(t) + f32::from(u) * a).round().min(255.0) as u8;
                Color32::from_rgb(
                    mix(top.r(), under.r()),
                    mix(top.g(), under.g()),
                    mix(top.b(), under.b()),
                )
            };
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("faint", over(v.faint_bg_color, v.panel_fill)),
                ("extreme", v.extreme_bg_color),
                ("caption band", band_fill(&v)),
            ];
            let mut texts = vec![
                ("text", v.text_color()),
                ("weak text", v.weak_text_color()),
                ("link", v.hyperlink_color),
            ];
            for side in Side::all() {
                texts.push(("side text", p.text_of(side)));
            }
            for (bn, bg) in backgrounds {
                for (tn, fg) in &texts {
                    let r = contrast(*fg, bg);
                    assert!(r >= AA, "{theme:?}: {tn} {fg:?} on {bn} {bg:?} is {r:.2}:1");
                }
            }
        }
    }

    #[test]
    fn markers_stand_out_from_the_lanes_and_the_sides_from_each_other() {
        for theme in ThemeKind::ALL {
            let v = visuals(theme);
            let p = Palette::new(theme, None);
            // Graphics need 3:1 (WCAG 1.4.11) against the plot's background.
            for side in [Side::FIRST, Side::SECOND] {
                let r = contrast(p.fill_of(side), v.extreme_bg_color);
                assert!(r >= 2.0, "{theme:?}: {side:?} fill only {r:.2}:1");
            }
            // Outlines carry the shapes for everyone.
            assert!(
                contrast(p.outline, v.extreme_bg_color) >= 3.0,
                "{theme:?}: outline"
            );
        }
    }

    #[test]
    fn the_two_sides_get_neither_red_nor_green() {
        for theme in ThemeKind::ALL {
            let p = Palette::new(theme, None);
            for side in [Side::FIRST, Side::SECOND] {
                let c = p.fill_of(side);
                let (r, g, b) = (i32::from(c.r()), i32::from(c.g()), i32::from(c.b()));
                let reddish = r > g + 60 && r > b + 60 && g < 110;
                let greenish = g > r + 40 && g > b + 40;
                assert!(!reddish && !greenish, "{theme:?} {side:?}: {c:?}");
            }
        }
    }
}
