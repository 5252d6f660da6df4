//! The model keeps rarely used fields boxed and lists as boxed slices to stay small at a
//! million events. What it holds must still be exactly what the file says: every fixture
//! and the bundled dataset read, written and read again give the same model, and writing
//! that gives the same text.

use claimline::export::data::to_ron_headed;
use claimline::load::{SourceText, parse};

fn round_trip(name: &str, text: &str) {
    let first = parse(&SourceText {
        name: name.to_owned(),
        text: text.to_owned(),
    })
    .unwrap_or_else(|d| panic!("{name} parses: {d:?}"));
    let written = to_ron_headed(&first, "round trip").expect("writes");
    let second = parse(&SourceText {
        name: format!("{name} (written)"),
        text: written.clone(),
    })
    .unwrap_or_else(|d| panic!("{name} written back parses: {d:?}\n{written}"));
    // Name the first event that differs rather than print two whole datasets.
    if let Some((a, b)) = first
        .events
        .iter()
        .zip(&second.events)
        .find(|(a, b)| a != b)
    {
        panic!("{name}: event {} read back differs:\n{a:?}\n{b:?}", a.id);
    }
    assert!(first == second, "{name}: the model read back differs");
    assert_eq!(
        written,
        to_ron_headed(&second, "round trip").expect("writes"),
        "{name}: the text written twice differs"
    );
}

#[test]
fn every_fixture_and_the_bundled_dataset_round_trip_through_the_model() {
    let mut files = vec![(
        claimline::load::BUNDLED_NAME.to_owned(),
        claimline::load::BUNDLED_TEXT.to_owned(),
    )];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for entry in std::fs::read_dir(dir).expect("the fixtures folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).expect("a fixture");
            files.push((path.display().to_string(), text));
        }
    }
    assert!(files.len() >= 14, "{} files", files.len());
    // The fields boxed for size must be among what the files exercise, or this proves
    // nothing about them.
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    for field in [
        "claims_time:",
        "original:",
        "actors: [",
        "disputes:",
        "also_about:",
        "places: [",
        "figures:",
        "note:",
        "end:",
        " at: \"",
    ] {
        assert!(all.contains(field), "no fixture writes {field}");
    }
    for (name, text) in &files {
        round_trip(name, text);
    }
}
