//! `claimline check FILE...`: load files together and report every problem in the compilers'
//! `file:line:col: error: message` form.

use std::borrow::Cow;
use std::path::PathBuf;

use crate::load::{LoadOutcome, Shared};
use crate::model::wording::plural;

/// What `check` prints and the exit code it returns.
pub struct CheckReport {
    /// Diagnostics, one per line (for standard error).
    pub diagnostics: String,
    /// What files share, a line per pair of files (for standard output, before the summary).
    pub notes: String,
    /// A one-line summary (for standard output).
    pub summary: String,
    pub exit_code: i32,
}

/// How much `check` prints: notes (information, nothing to fix) only when asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    ErrorsAndWarnings,
    /// `--verbose`: the notes too.
    Everything,
}

pub fn check_paths(paths: &[PathBuf], detail: Detail) -> CheckReport {
    report(&crate::import::load_paths(paths), paths.len(), detail)
}

pub fn report(outcome: &LoadOutcome, file_count: usize, detail: Detail) -> CheckReport {
    let mut diagnostics = String::new();
    for d in &outcome.diagnostics {
        if d.is_note() && detail == Detail::ErrorsAndWarnings {
            continue;
        }
        diagnostics.push_str(&terminal_safe(&d.to_string()));
        diagnostics.push('\n');
    }
    let errors = outcome.error_count();
    let warnings = outcome.warning_count();
    let notes = match outcome.note_count() {
        0 => String::new(),
        n if detail == Detail::Everything => format!(", {}", plural(n, "note")),
        n => format!(", {} (--verbose lists them)", plural(n, "note")),
    };
    let files = plural(file_count, "file");
    let summary = match &outcome.dataset {
        Some(ds) if errors == 0 => format!(
            "ok: {files}, {}, {}, {}, {}, {}, {}{}{notes}",
            plural(ds.events.len(), "event"),
            plural(ds.claim_count(), "claim"),
            plural(ds.actors.len(), "actor"),
            plural(ds.places.len(), "place"),
            plural(ds.sources.len(), "source"),
            plural(ds.parties.len(), "party"),
            if warnings > 0 {
                format!(", {}", plural(warnings, "warning"))
            } else {
                String::new()
            }
        ),
        _ => format!(
            "failed: {files}, {}, {}{notes}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    };
    let notes: String = outcome
        .shared
        .iter()
        .map(|s| format!("note: {}\n", terminal_safe(&shared_note(s))))
        .collect();
    CheckReport {
        diagnostics,
        notes,
        summary,
        exit_code: if errors == 0 && outcome.dataset.is_some() {
            0
        } else {
            1
        },
    }
}

/// What two files share, in a line: the item itself when there is one, else how many of each
/// kind ("12 places and 3 actors"), so that a gazetteer shared whole stays one line.
fn shared_note(shared: &Shared) -> String {
    let [kept, other] = &shared.files;
    let what = match shared.items.as_slice() {
        [(kind, ids)] if ids.len() == 1 => {
            return format!(
                "{kind} \"{}\" is defined identically in {kept} and {other}: one {kind}",
                ids[0]
            );
        }
        kinds => {
            let each: Vec<String> = kinds
                .iter()
                .map(|(kind, ids)| plural(ids.len(), kind))
                .collect();
            match each.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            }
        }
    };
    format!("{what} are defined identically in {kept} and {other}: each is kept once")
}

/// `text` with every character that a terminal would act on rather than show written out as
/// `\u{1b}`: control characters (C0, DEL, C1; a new line too, so that a value cannot start a
/// line of its own) and the marks that reorder a line (bidi overrides, isolates, LRM, RLM).
/// Dataset files come from anyone, and their ids and texts are quoted in what we print:
/// raw, they could clear the screen, retitle the terminal or hide the summary.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn terminal_safe_writes_out_what_a_terminal_would_act_on() {
        assert_eq!(terminal_safe("Northland «ok» ü"), "Northland «ok» ü");
        assert_eq!(
            terminal_safe("a\u{1b}[2J\u{7}\n\t\u{7f}\u{9b}\u{202e}\u{2067}\u{200f}b"),
            r"a\u{1b}[2J\u{7}\u{a}\u{9}\u{7f}\u{9b}\u{202e}\u{2067}\u{200f}b"
        );
    }
}
