//! Dataset files as `claimline check` and the window read them: bytes → UTF-8 → RON → the
//! validation and merge → the report `check` prints → the index the window builds. NUL bytes
//! split the input into files loaded together (NUL is never valid RON), so references across
//! files and the merge are reached too.
#![no_main]

use claimline::cli::check;
use claimline::load::{self, Diagnostic, SourceText};
use claimline::query::{FilterState, Query};
use claimline::session::loading::Loaded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut texts: Vec<SourceText> = Vec::new();
    let mut unreadable: Vec<Diagnostic> = Vec::new();
    for (i, bytes) in data.split(|&b| b == 0).take(3).enumerate() {
        match load::decode(&format!("f{i}.ron"), bytes.to_vec()) {
            Ok(t) => texts.push(t),
            Err(d) => unreadable.push(d),
        }
    }
    for d in &unreadable {
        assert_within(d, &bytes_of(data, &d.file));
    }
    let mut outcome = load::load_texts(&texts);
    for d in &outcome.diagnostics {
        let text = texts
            .iter()
            .find(|t| t.name == d.file)
            .expect("a diagnostic names its file");
        assert_within(d, text.text.as_bytes());
    }
    // As `load_paths` does with a file it could not read.
    if !unreadable.is_empty() {
        outcome.dataset = None;
        outcome.diagnostics.append(&mut unreadable);
    }
    assert_eq!(
        outcome.dataset.is_some(),
        outcome.error_count() == 0,
        "a dataset comes back exactly when there is no error: {:?}",
        outcome.diagnostics
    );

    let report = check::report(
        &outcome,
        data.split(|&b| b == 0).take(3).count(),
        check::Detail::Everything,
    );
    assert!(
        !report
            .diagnostics
            .chars()
            .any(|c| c.is_control() && c != '\n'),
        "check prints a control character: {:?}",
        report.diagnostics
    );
    assert_eq!(report.exit_code == 0, report.summary.starts_with("ok:"));

    if let Some(catalog) = Loaded::index(outcome).catalog {
        let all = Query::run(&catalog.index, &FilterState::default());
        assert_eq!(all.events.len(), catalog.dataset.events.len());
        let _ = all.in_view(&catalog.index, i64::MIN, i64::MAX, 100);
    }
});

/// The bytes of the part of `data` that became the file `name` ("f1.ron" is the second).
fn bytes_of(data: &[u8], name: &str) -> Vec<u8> {
    let i: usize = name[1..name.len() - 4].parse().expect("a name given above");
    data.split(|&b| b == 0).nth(i).unwrap_or_default().to_vec()
}

/// A diagnostic's position, if it has one, is a line of the file and at most one column past
/// that line's end (where an unclosed file ends).
fn assert_within(d: &Diagnostic, text: &[u8]) {
    let Some(at) = d.at else { return };
    let text = String::from_utf8_lossy(text);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        at.line >= 1 && at.col >= 1,
        "{d}: lines and columns count from 1"
    );
    assert!(
        at.line <= lines.len(),
        "{d}: the file has {} lines",
        lines.len()
    );
    let width = lines[at.line - 1].chars().count();
    assert!(
        at.col <= width + 1,
        "{d}: line {} has {width} characters",
        at.line
    );
}
