//! What went wrong with a load, as the window shows it until dismissed: a failed load's
//! diagnostics, or the warnings of a good one that the user asked to see.

use crate::load::Diagnostic;

/// A failed load, or warnings the user asked to see.
#[derive(Debug, Clone, PartialEq)]
pub struct Problems {
    pub heading: String,
    pub diagnostics: Vec<Diagnostic>,
    /// True when the load failed (as opposed to warnings of a good load).
    pub failed: bool,
}

impl Problems {
    /// All of them as text, one per line, to copy.
    pub fn text(&self) -> String {
        self.diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
