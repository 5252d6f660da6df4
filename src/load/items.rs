//! After a file fails to parse: every type error in it, not only the first.
//!
//! ron stops at the first error. When the file is well-formed RON and that error is one of
//! type (a misspelt field or kind, a missing field, a string where a number belongs), each item
//! of the top-level lists is parsed on its own, and the rest of the file once with those lists
//! emptied, so that each error is reported at its own line and column. This runs only when the
//! whole-file parse has failed, so a good file is parsed once. A syntax error (a missing comma,
//! an unclosed bracket) stops the file: past one, items cannot be told apart reliably.

use serde::de::{DeserializeOwned, IgnoredAny};

use super::locate::{LineCol, top_level};
use super::{Diagnostic, ron_error, ron_message, ron_options};
use crate::model::{Actor, DatasetFile, Event, Party, Place, Source, Tour};

/// Every error in `text`, given `first`, the error the whole-file parse stopped at.
pub(super) fn every_error(name: &str, text: &str, first: Diagnostic) -> Vec<Diagnostic> {
    if let Err(e) = ron_options().from_str::<IgnoredAny>(text) {
        // Not well-formed: the first error (which may be a type error before the syntax
        // error) and the syntax error.
        let syntax = ron_error(name, text, &e);
        return if syntax.at == first.at {
            vec![first]
        } else {
            let mut both = vec![first, syntax];
            both.sort_by_key(|d| d.at);
            both
        };
    }
    let top = top_level(text);
    let mut found = Vec::new();

    // The file with its lists emptied (blanked, so that positions stay): the header's errors.
    let mut rest = String::with_capacity(text.len());
    let mut done = 0;
    for list in &top.lists {
        let Some(inside) = text.get(list.inside.clone()) else {
            continue;
        };
        rest.push_str(&text[done..list.inside.start]);
        rest.extend(inside.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        done = list.inside.end;
    }
    rest.push_str(&text[done..]);
    if let Err(e) = ron_options().from_str::<DatasetFile>(&rest) {
        found.push(ron_error(name, text, &e));
    }

    // Each item with the extensions the file enables, its errors moved to where it starts.
    let options = top
        .extensions
        .iter()
        .filter_map(|x| ron::extensions::Extensions::from_ident(x))
        .fold(ron_options(), ron::Options::with_default_extension);
    for list in &top.lists {
        let check = match list.field.as_str() {
            "parties" => item_error::<Party>,
            "actors" => item_error::<Actor>,
            "places" => item_error::<Place>,
            "sources" => item_error::<Source>,
            "events" => item_error::<Event>,
            "tours" => item_error::<Tour>,
            // Not a list the format has: the emptied file reports the unknown field.
            _ => continue,
        };
        for item in &list.items {
            let Some(e) = text
                .get(item.bytes.clone())
                .and_then(|t| check(&options, t))
            else {
                continue;
            };
            let at = within(item.at, e.span.start);
            found.push(Diagnostic::error(name, Some(at), ron_message(&e.code)));
        }
    }

    // Should the pieces miss the error the whole parse found, it is still reported.
    if !found.iter().any(|d| d.at == first.at) {
        found.push(first);
    }
    found.sort_by_key(|d| d.at);
    found.dedup();
    found
}

fn item_error<T: DeserializeOwned>(
    options: &ron::Options,
    text: &str,
) -> Option<ron::error::SpannedError> {
    options.from_str::<T>(text).err()
}

/// A position inside an item that starts at `start`, as a position in the file.
fn within(start: LineCol, p: ron::error::Position) -> LineCol {
    if p.line <= 1 {
        LineCol {
            line: start.line,
            col: start.col + p.col.saturating_sub(1),
        }
    } else {
        LineCol {
            line: start.line + p.line - 1,
            col: p.col,
        }
    }
}
