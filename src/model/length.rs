//! How long ids and text may be. `check` warns about longer ones, and the window and its
//! pictures show longer text cut, so that no file, however long its fields, makes a frame slow:
//! egui lays out, and AccessKit copies, every character it is given. The data itself is never
//! cut: exports write every character.

use std::borrow::Cow;

/// Ids are typed and referred to by hand; a longer one is most likely a paste gone wrong.
pub const MAX_ID_CHARS: usize = 256;

/// Any text: a title, a name, a summary, a claim, a note. Ten times the longest text of the
/// bundled dataset (a claim of 1,013 characters), about four pages: more than a card or a
/// heading can usefully show, and laid out in a few milliseconds.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// `text` as the window shows it: whole when it has at most [`MAX_TEXT_CHARS`] characters,
/// else its start, an ellipsis and how long it is. Costs time in proportion to the part shown
/// (and a count of the rest), not to the whole.
pub fn shown(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!(
            "{}… (text cut: {} characters)",
            &text[..end],
            thousands(text.chars().count())
        )),
    }
}

/// How many characters `text` has, if more than `max`: the length a warning names.
pub fn over(text: &str, max: usize) -> Option<usize> {
    // A text has no more characters than bytes: most are told by their length alone.
    if text.len() <= max {
        return None;
    }
    text.char_indices().nth(max).map(|_| text.chars().count())
}

/// 10000000 → "10,000,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_shown_whole_and_not_copied() {
        let t = "x".repeat(MAX_TEXT_CHARS);
        assert!(matches!(shown(&t), Cow::Borrowed(s) if s == t));
    }

    #[test]
    fn long_text_is_cut_at_a_character_and_says_how_long_it_was() {
        let t = "é".repeat(MAX_TEXT_CHARS + 1);
        let s = shown(&t);
        assert_eq!(
            s,
            format!(
                "{}… (text cut: 10,001 characters)",
                "é".repeat(MAX_TEXT_CHARS)
            )
        );
    }

    #[test]
    fn lengths_over_a_limit() {
        assert_eq!(over("abc", 3), None);
        assert_eq!(over("abcd", 3), Some(4));
        assert_eq!(
            [0, 7, 999, 1000, 123456, 10_000_000].map(thousands),
            ["0", "7", "999", "1,000", "123,456", "10,000,000"]
        );
    }
}
