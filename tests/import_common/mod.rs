//! What the importer tests share: diagnostics as printed, an imported dataset checked by
//! Claimline's own validation, and the `claimline` binary run.
// Each test file uses part of this module.
#![allow(dead_code)]

use std::process::{Command, Output};

use claimline::load::{Diagnostic, SourceText, load_texts};
use claimline::model::DatasetFile;

pub fn shown(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

/// The imported file as written and loaded again: its warnings, after asserting no errors.
pub fn validation_warnings(file: &DatasetFile) -> Vec<String> {
    let text = claimline::export::data::to_ron(file).unwrap();
    let outcome = load_texts(&[SourceText {
        name: "imported.ron".into(),
        text,
    }]);
    assert_eq!(outcome.error_count(), 0, "{:#?}", outcome.diagnostics);
    assert!(outcome.dataset.is_some());
    shown(&outcome.diagnostics)
}

pub fn claimline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimline"))
        .args(args)
        .output()
        .expect("run claimline")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
