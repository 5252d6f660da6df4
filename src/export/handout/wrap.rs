//! Breaking text into lines that fit a width: at spaces, and a word wider than the line (a
//! long address) after a slash, dot or hyphen where it can, else where it must. No character
//! is dropped: the lines joined again give back the words.

use super::typeface::Typefaces;

/// The style a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    /// sRGB.
    pub colour: [u8; 3],
}

impl Style {
    /// The distance from one line's top to the next's.
    pub fn line_height(self) -> f32 {
        self.size * 1.32
    }
}

/// `text` broken into lines no wider than `width` points in `style`; a new line in the text
/// starts a new line on paper.
pub fn wrap(text: &str, width: f32, style: Style, faces: &Typefaces) -> Vec<String> {
    let measure = |s: &str| faces.width(s, style.size, style.bold);
    let space = measure(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let w = measure(word);
            if !line.is_empty() && line_width + space + w <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width {
                line = word.to_owned();
                line_width = w;
                continue;
            }
            let mut pieces = break_word(word, width, measure);
            let last = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
            line_width = measure(&last);
            line = last;
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// A word wider than `width` in pieces that fit: each as long as fits, ending after a break
/// character (`/ . - _ ? & =`) when one falls in its second half; at least one character.
fn break_word(word: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        if measure(rest) <= width {
            pieces.push(rest.to_owned());
            break;
        }
        let ends: Vec<usize> = rest.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        // The longest prefix that fits: widths only grow with the prefix.
        let fits = ends.partition_point(|&e| measure(&rest[..e]) <= width);
        let longest = ends[fits.saturating_sub(1).min(ends.len() - 1)];
        let cut = rest[..longest]
            .char_indices()
            .filter(|&(i, c)| i >= longest / 2 && "/.-_?&=".contains(c))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(longest);
        pieces.push(rest[..cut].to_owned());
        rest = &rest[cut..];
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> Style {
        Style {
            size: 9.0,
            bold: false,
            colour: [0, 0, 0],
        }
    }

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let faces = Typefaces::new();
        let text = "The ministry said that positions near Eastford and Morrow Ridge came under \
                    fire from 00:05, and that it answered; see \
                    https://harbour-post.example/2022/09/13/a-very-long-address-with-many-parts-that-cannot-fit-on-one-line.html";
        for width in [60.0, 120.0, 240.0] {
            let lines = wrap(text, width, body(), &faces);
            assert!(lines.len() > 1);
            for l in &lines {
                assert!(
                    faces.width(l, 9.0, false) <= width + 0.01,
                    "{l:?} at {width}"
                );
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let words: String = text.split_whitespace().collect();
            assert_eq!(joined, words, "at {width}");
        }
    }

    #[test]
    fn a_long_address_breaks_after_a_slash_or_a_dot() {
        let faces = Typefaces::new();
        let lines = wrap(
            "https://harbour-post.example/2022/09/13/story.html",
            110.0,
            body(),
            &faces,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with(['/', '.']), "{lines:?}");
        }
        assert_eq!(
            lines.concat(),
            "https://harbour-post.example/2022/09/13/story.html"
        );
    }

    #[test]
    fn new_lines_start_new_lines_and_empty_text_is_one_empty_line() {
        let faces = Typefaces::new();
        assert_eq!(wrap("one\ntwo", 400.0, body(), &faces), ["one", "two"]);
        assert_eq!(wrap("", 400.0, body(), &faces), [""]);
    }
}
