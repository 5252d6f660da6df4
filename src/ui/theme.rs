//! Colours and marker shapes. The two sides get the same treatment: colours of equal weight
//! from the Okabe–Ito palette (safe for colour-blind viewers, and neither red nor green, so
//! neither reads as "right" or "wrong"), and shapes of equal area (a square and the same
//! square turned into a diamond), so side is told by shape as well as colour.

use egui::{Color32, Visuals};

use crate::model::Dataset;
use crate::query::{Side, Voices};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Marker and line colours: [left, right, third].
    pub fill: [Color32; 3],
    /// Text and heading colours with enough contrast on the panel background.
    pub text: [Color32; 3],
    pub lane_stripe: Color32,
    pub selection: Color32,
    pub outline: Color32,
}

impl Palette {
    pub fn new(dark: bool, ds: Option<&Dataset>) -> Palette {
        let mut p = if dark {
            Palette {
                fill: [hex(0x56B4E9), hex(0xE69F00), hex(0xA8A8A8)],
                text: [hex(0x8FD0F5), hex(0xF2B94A), hex(0xC8C8C8)],
                lane_stripe: Color32::from_white_alpha(6),
                selection: hex(0xF0E442),
                outline: hex(0xECECEC),
            }
        } else {
            Palette {
                fill: [hex(0x0072B2), hex(0xE69F00), hex(0x8A8A8A)],
                text: [hex(0x005A8C), hex(0x8A5600), hex(0x4F4F4F)],
                lane_stripe: Color32::from_black_alpha(9),
                selection: hex(0xCC3D9B),
                outline: hex(0x1E1E1E),
            }
        };
        // A curator's colours win for fills; text keeps the checked defaults.
        if let Some(ds) = ds {
            for (i, party) in ds.parties.iter().take(2).enumerate() {
                if let Some(c) = party.colour.as_deref().and_then(parse_hex) {
                    p.fill[i] = c;
                }
            }
        }
        p
    }

    pub fn fill_of(&self, side: Side) -> Color32 {
        self.fill[side as usize]
    }

    pub fn text_of(&self, side: Side) -> Color32 {
        self.text[side as usize]
    }
}

/// How an event's marker looks, from who made claims about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerShape {
    /// Only the left side spoke.
    Square,
    /// Only the right side spoke.
    Diamond,
    /// Both sides: a disc split into the two colours, ringed.
    Split,
    /// Only third parties.
    Triangle,
    /// Nobody: a hollow disc.
    Hollow,
}

pub fn marker_shape(v: Voices) -> MarkerShape {
    match (v.has(Side::Left), v.has(Side::Right)) {
        (true, true) => MarkerShape::Split,
        (true, false) => MarkerShape::Square,
        (false, true) => MarkerShape::Diamond,
        (false, false) if v.has(Side::Third) => MarkerShape::Triangle,
        _ => MarkerShape::Hollow,
    }
}

pub fn visuals(dark: bool) -> Visuals {
    if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    }
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
