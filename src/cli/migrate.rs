//! `claimline migrate FILE --out NEW`: a format-1 file rewritten as format 2. Format 2 is a
//! superset of format 1, so the only change is the version itself, made in the text: every
//! comment, blank line and field order the curator wrote stays as it was.

use crate::load::locate::{LineCol, value_positions};
use crate::load::{Diagnostic, SourceText, load_texts};
use crate::model::{FORMAT_VERSION, OLDEST_FORMAT};

/// What migrating a file gives.
#[derive(Debug, PartialEq)]
pub enum Migrated {
    /// The file's text as format 2.
    Text(String),
    /// The file is already in the newest format: nothing to write.
    Current,
}

/// `src` as format 2, or why not: its problems when it does not check clean (a file with errors
/// is fixed first, so what migrate writes is known to load).
pub fn migrate(src: &SourceText) -> Result<Migrated, Vec<Diagnostic>> {
    let outcome = load_texts(std::slice::from_ref(src));
    if outcome.error_count() > 0 || outcome.dataset.is_none() {
        return Err(outcome.diagnostics);
    }
    let format = version(src);
    match format {
        Some((FORMAT_VERSION, _)) => Ok(Migrated::Current),
        Some((OLDEST_FORMAT, at)) => {
            let start = byte_of(&src.text, at);
            let len = src.text[start..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(src.text.len() - start);
            let mut text = String::with_capacity(src.text.len());
            text.push_str(&src.text[..start]);
            text.push_str(&FORMAT_VERSION.to_string());
            text.push_str(&src.text[start + len..]);
            Ok(Migrated::Text(text))
        }
        // The load above accepts no other version.
        _ => Err(vec![Diagnostic::error(
            &src.name,
            None,
            "no `format` number found to migrate",
        )]),
    }
}

/// The file's format number and where it is written.
fn version(src: &SourceText) -> Option<(u32, LineCol)> {
    let at = *value_positions(&src.text).get("format")?;
    let start = byte_of(&src.text, at);
    let digits: String = src.text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((digits.parse().ok()?, at))
}

/// The byte offset of a 1-based line and a column counted in characters.
fn byte_of(text: &str, at: LineCol) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(at.line - 1)
        .map(str::len)
        .sum();
    let line = &text[line_start..];
    // A byte order mark takes no column, as in the lexer.
    let bom = if line_start == 0 && line.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    line_start
        + bom
        + line[bom..]
            .char_indices()
            .nth(at.col - 1)
            .map_or(line.len() - bom, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> SourceText {
        SourceText {
            name: "t.ron".to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_format_1_file_keeps_every_line_but_the_format() {
        let format_1 = include_str!("../../tests/fixtures/borderland.ron");
        let Ok(Migrated::Text(text)) = migrate(&src(format_1)) else {
            panic!("the format-1 fixture migrates");
        };
        let before: Vec<&str> = format_1.lines().collect();
        let after: Vec<&str> = text.lines().collect();
        assert_eq!(before.len(), after.len());
        let changed: Vec<(&str, &str)> = before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (*a, *b))
            .collect();
        assert_eq!(changed, [("    format: 1,", "    format: 2,")]);
        // And it loads to the same dataset, but for the version.
        let (a, b) = (
            load_texts(&[src(format_1)]).dataset.unwrap(),
            load_texts(&[src(&text)]).dataset.unwrap(),
        );
        assert_eq!(a.events, b.events);
        assert_eq!(a.places, b.places);
        assert_eq!(a.actors, b.actors);
        assert_eq!(a.sources, b.sources);
        assert_eq!(a.tours, b.tours);
        assert_eq!(migrate(&src(&text)), Ok(Migrated::Current));
    }

    #[test]
    fn the_bundled_dataset_is_already_format_2() {
        let bundled = crate::load::BUNDLED_TEXT;
        assert_eq!(migrate(&src(bundled)), Ok(Migrated::Current));
    }

    #[test]
    fn a_file_with_errors_is_not_migrated() {
        let bundled = crate::load::BUNDLED_TEXT;
        let broken = bundled.replacen("actor: \"", "actor: \"nobody-", 1);
        let Err(d) = migrate(&src(&broken)) else {
            panic!("a file with an unknown actor is refused");
        };
        assert!(d.iter().any(|d| d.is_error()), "{d:?}");
    }

    #[test]
    fn columns_count_characters_and_a_byte_order_mark_takes_none() {
        let text = "\u{feff}(é: 1, format: 1)";
        assert_eq!(byte_of(text, LineCol { line: 1, col: 1 }), 3);
        assert_eq!(
            &text[byte_of(text, LineCol { line: 1, col: 5 })..][..1],
            "1"
        );
        assert_eq!(byte_of("a\nbc", LineCol { line: 2, col: 2 }), 3);
    }
}
