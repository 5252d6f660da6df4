//! Right-to-left text (Hebrew, Arabic, Persian) put in display order before egui lays it out.
//!
//! epaint 0.37 does no bidi reordering. It cuts a line into runs of one font each and puts the
//! runs left to right in the order of the text; harfrust, which shapes each run, guesses the
//! run's direction from its script and lays a run of Hebrew or Arabic letters out right to
//! left. So one word comes out right, but the words of a sentence (the space between them is in
//! another font), numbers and Latin words inside it stay in reading order, left to right, and
//! Arabic-Indic digits, being Arabic script, come out backwards.
//!
//! [`visual`] reorders a line by the Unicode Bidirectional Algorithm (the `unicode-bidi` crate)
//! into the order it is drawn in, left to right, except inside runs of right-to-left letters:
//! those stay in reading order, because harfrust needs them so to join Arabic letters, and it
//! reverses them itself. A word joiner (invisible; epaint gives it the primary font) keeps each
//! such run apart from its neighbours, so that harfrust gets exactly that run.
//!
//! Known limits: a paragraph that wraps onto several rows is reordered as one line, so the rows
//! of a wrapped right-to-left paragraph come out in the wrong order; text selected and copied
//! from a label is in display order.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

use crate::model::length;

/// Keeps a run of right-to-left letters apart from what is next to it in the display string.
/// WORD JOINER: invisible, no line break, and a grapheme of its own, so epaint puts it in the
/// family's primary font and ends the font run there.
const SPLIT: char = '\u{2060}';

/// `text` in display order for egui; unchanged (and not copied) when it has no right-to-left
/// letter or Arabic digit. Lines (split at paragraph separators such as `\n`) are reordered
/// one by one, each in the direction of its first strong letter.
///
/// Text too long to lay out in a frame is cut first ([`length::shown`]): dataset text on its
/// way to the screen passes here, and reordering costs time in proportion to its length.
pub fn visual(text: &str) -> Cow<'_, str> {
    match length::shown(text) {
        Cow::Borrowed(text) => reordered(text),
        Cow::Owned(cut) => Cow::Owned(reordered(&cut).into_owned()),
    }
}

fn reordered(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| {
        arabic_digit(c)
            || matches!(
                bidi_class(c),
                BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
            )
    }) {
        return Cow::Borrowed(text);
    }
    let info = BidiInfo::new(text, None);
    let mut out = String::with_capacity(text.len() + 16);
    for para in &info.paragraphs {
        let whole = &text[para.range.clone()];
        // The separator ends the line as it is; reordered, it would move to the front.
        let sep = whole
            .chars()
            .next_back()
            .filter(|&c| bidi_class(c) == BidiClass::B);
        let line = para.range.start..para.range.end - sep.map_or(0, char::len_utf8);
        if !line.is_empty() {
            let (levels, runs) = info.visual_runs(para, line);
            let pieces: Vec<Piece> = runs
                .into_iter()
                .flat_map(|run| pieces(&text[run.clone()], levels[run.start].is_rtl()))
                .collect();
            for (k, p) in pieces.iter().enumerate() {
                if k > 0 && (p.rtl_shaped || pieces[k - 1].rtl_shaped) {
                    out.push(SPLIT);
                }
                if p.reverse {
                    out.extend(p.text.chars().rev().map(mirror));
                } else {
                    out.push_str(p.text);
                }
            }
        }
        out.extend(sep);
    }
    Cow::Owned(out)
}

/// A stretch of one level run, as it goes into the display string.
struct Piece<'a> {
    text: &'a str,
    /// Written backwards (and brackets mirrored).
    reverse: bool,
    /// harfrust will lay it out right to left, so it must be a font run of its own.
    rtl_shaped: bool,
}

/// The pieces of one level run, in display order.
fn pieces(run: &str, rtl: bool) -> Vec<Piece<'_>> {
    // In a right-to-left run: letters of right-to-left scripts (with their marks and joiners)
    // are left for harfrust to reverse, anything else (spaces, punctuation) is reversed here.
    // In a left-to-right run only Arabic-Indic digits need help: harfrust would reverse them.
    let special = |c: char| {
        if rtl {
            right_to_left_letter(c)
        } else {
            arabic_digit(c)
        }
    };
    let mut out: Vec<Piece> = Vec::new();
    let mut start = 0;
    let mut chars = run.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let kind = special(c);
        if chars.peek().is_none_or(|&(_, d)| special(d) != kind) {
            let end = chars.peek().map_or(run.len(), |&(j, _)| j);
            out.push(Piece {
                text: &run[start..end],
                reverse: rtl != kind,
                rtl_shaped: kind,
            });
            start = end;
        }
    }
    if rtl {
        out.reverse();
    }
    out
}

/// A letter or mark that harfrust shapes right to left with the letters around it. The right-
/// to-left mark is left out: epaint gives it a font run of its own.
fn right_to_left_letter(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::NSM) && c != '\u{200F}'
        || matches!(c, '\u{200C}' | '\u{200D}')
}

/// Arabic-Indic and Persian digits (and the Arabic decimal and thousands separators): numbers
/// read left to right, but being Arabic script they are shaped right to left.
fn arabic_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}')
}

/// Rule L4: a bracket in right-to-left text is drawn as its mirror image.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use egui::{Color32, FontId};

    /// The characters of `text` as the app draws them, left to right: laid out with the app's
    /// fonts after [`visual`], read off the galley's glyph positions. Glyphs with no advance
    /// (joiners, the second letter of a ligature) are left out.
    fn drawn(text: &str) -> String {
        let ctx = egui::Context::default();
        super::super::fonts::install(&ctx);
        // A box for a missing glyph would be laid out as one run and could pass by chance.
        ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                visual(text).into_owned(),
                FontId::proportional(14.0),
                Color32::WHITE,
            )
        });
        assert_eq!(galley.rows.len(), 1);
        let mut glyphs: Vec<_> = galley.rows[0]
            .row
            .glyphs
            .iter()
            .filter(|g| g.advance_width > 0.0)
            .map(|g| (g.pos.x, g.chr))
            .collect();
        glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
        glyphs.into_iter().map(|(_, c)| c).collect()
    }

    #[test]
    fn hebrew_words_read_right_to_left() {
        // "שלום עולם": the first glyph at the left is the last letter of the last word.
        assert_eq!(drawn("שלום עולם"), "םלוע םולש");
        assert_eq!(drawn("שלום").chars().next(), Some('ם'));
    }

    #[test]
    fn numbers_and_latin_keep_their_order_inside_right_to_left_text() {
        assert_eq!(drawn("שנת 2022"), "2022 תנש");
        assert_eq!(drawn("Hello שלום עולם!"), "Hello םלוע םולש!");
        assert_eq!(drawn("שלום Hello עולם"), "םלוע Hello םולש");
        // Persian: "ایران" (Iran), the year 1401 in Persian digits.
        assert_eq!(drawn("ایران ۱۴۰۱"), "۱۴۰۱ ناریا");
        assert_eq!(drawn("۱۴۰۱"), "۱۴۰۱");
        // Brackets are mirrored; a comma stays after the word it follows. ("سلام": the lam
        // and alef are one glyph, drawn as the lam.)
        assert_eq!(drawn("(שלום)"), "(םולש)");
        assert_eq!(drawn("سلام، ایران"), "ناریا ،ملس");
    }

    #[test]
    fn lines_are_reordered_one_by_one() {
        assert_eq!(visual("a\nשלום עולם\nb").lines().count(), 3);
        assert!(visual("Kəlbəcər").eq("Kəlbəcər"));
        assert!(matches!(visual("Москва, Երևան"), Cow::Borrowed(_)));
    }
}
