//! `claimline check FILE...`: load files together and report every problem in the compilers'
//! `file:line:col: error: message` form.

use std::path::PathBuf;

use crate::load::{self, LoadOutcome};

/// What `check` prints and the exit code it returns.
pub struct CheckReport {
    /// Diagnostics, one per line (for standard error).
    pub diagnostics: String,
    /// A one-line summary (for standard output).
    pub summary: String,
    pub exit_code: i32,
}

pub fn check_paths(paths: &[PathBuf]) -> CheckReport {
    report(&load::load_paths(paths), paths.len())
}

pub fn report(outcome: &LoadOutcome, file_count: usize) -> CheckReport {
    let mut diagnostics = String::new();
    for d in &outcome.diagnostics {
        diagnostics.push_str(&d.to_string());
        diagnostics.push('\n');
    }
    let errors = outcome.error_count();
    let warnings = outcome.diagnostics.len() - errors;
    let files = plural(file_count, "file");
    let summary = match &outcome.dataset {
        Some(ds) if errors == 0 => format!(
            "ok: {files}, {}, {}, {}, {}, {}, {}{}",
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
            "failed: {files}, {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    };
    CheckReport {
        diagnostics,
        summary,
        exit_code: if errors == 0 && outcome.dataset.is_some() {
            0
        } else {
            1
        },
    }
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "party") => format!("{n} parties"),
        _ => format!("{n} {word}s"),
    }
}
