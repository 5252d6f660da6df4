//! Which bundled font prints each character, and how wide a text is: measured by shaping it
//! with rustybuzz, the shaper krilla draws with, so a line measured to fit is the line drawn.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::export::fonts;

/// A face of the bundled fonts: Noto Sans regular or bold, or one of the fallbacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    /// Index into [`fonts::FALLBACKS`].
    Fallback(usize),
}

impl Face {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => fonts::REGULAR,
            Face::Bold => fonts::BOLD,
            Face::Fallback(i) => fonts::FALLBACKS[i].1,
        }
    }
}

/// The parsed faces and a cache of measured words.
pub struct Typefaces {
    regular: rustybuzz::Face<'static>,
    bold: rustybuzz::Face<'static>,
    fallbacks: Vec<rustybuzz::Face<'static>>,
    /// Width in ems of a run set in a face: claims repeat names, outlets and dates.
    widths: RefCell<HashMap<(Face, String), f32>>,
}

impl Default for Typefaces {
    fn default() -> Self {
        Self::new()
    }
}

impl Typefaces {
    pub fn new() -> Typefaces {
        let parse = |bytes: &'static [u8]| {
            rustybuzz::Face::from_slice(bytes, 0).expect("the bundled fonts parse")
        };
        Typefaces {
            regular: parse(fonts::REGULAR),
            bold: parse(fonts::BOLD),
            fallbacks: fonts::FALLBACKS.iter().map(|(_, b)| parse(b)).collect(),
            widths: RefCell::default(),
        }
    }

    fn face(&self, face: Face) -> &rustybuzz::Face<'static> {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Fallback(i) => &self.fallbacks[i],
        }
    }

    /// The face that prints `c`: the text's own weight of Noto Sans when it has the glyph,
    /// else the first fallback that has it; the text's own face when none does (a box is
    /// printed, as on screen).
    fn face_of(&self, c: char, bold: bool) -> Face {
        let first = if bold { Face::Bold } else { Face::Regular };
        // Spaces, marks and punctuation that every face has stay in the run around them.
        if self.face(first).glyph_index(c).is_some() {
            return first;
        }
        (0..self.fallbacks.len())
            .map(Face::Fallback)
            .find(|&f| self.face(f).glyph_index(c).is_some())
            .unwrap_or(first)
    }

    /// `text` cut into runs of one face each, in text order.
    pub fn runs(&self, text: &str, bold: bool) -> Vec<(Face, Range<usize>)> {
        let mut out: Vec<(Face, Range<usize>)> = Vec::new();
        for (i, c) in text.char_indices() {
            let face = match out.last() {
                // A space stays in the run it follows, so words keep one face's spacing.
                Some((f, _)) if c == ' ' => *f,
                _ => self.face_of(c, bold),
            };
            match out.last_mut() {
                Some((f, r)) if *f == face => r.end = i + c.len_utf8(),
                _ => out.push((face, i..i + c.len_utf8())),
            }
        }
        out
    }

    /// The width of `text` set at `size` points, as drawn run by run.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.runs(text, bold)
            .into_iter()
            .map(|(face, r)| self.run_width(face, &text[r], size))
            .sum()
    }

    /// The width of one run in one face, at `size` points.
    pub fn run_width(&self, face: Face, text: &str, size: f32) -> f32 {
        let key = (face, text.to_owned());
        let cached = self.widths.borrow().get(&key).copied();
        let ems = cached.unwrap_or_else(|| {
            let f = self.face(face);
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(text);
            buffer.guess_segment_properties();
            let shaped = rustybuzz::shape(f, &[], buffer);
            let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
            let ems = units as f32 / f.units_per_em() as f32;
            self.widths.borrow_mut().insert(key, ems);
            ems
        });
        ems * size
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armenian_goes_to_its_own_face_and_latin_stays_in_noto_sans() {
        let t = Typefaces::new();
        let text = "Jermuk Ջերմուկ Джермук";
        let runs: Vec<(Face, &str)> = t
            .runs(text, false)
            .into_iter()
            .map(|(f, r)| (f, &text[r]))
            .collect();
        assert_eq!(
            runs,
            vec![
                (Face::Regular, "Jermuk "),
                (Face::Fallback(0), "Ջերմուկ "),
                (Face::Regular, "Джермук"),
            ]
        );
    }

    #[test]
    fn widths_grow_with_the_text_and_the_size() {
        let t = Typefaces::new();
        let one = t.width("Harbour Post", 10.0, false);
        assert!(one > 40.0 && one < 80.0, "{one}");
        assert!((t.width("Harbour Post", 20.0, false) - 2.0 * one).abs() < 1e-3);
        assert!(t.width("Harbour Post", 10.0, true) > one);
        assert!(t.width("Harbour Post, 2022", 10.0, false) > one);
    }
}
