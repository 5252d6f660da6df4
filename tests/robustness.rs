//! Whatever bytes arrive, the loader answers with diagnostics, never a panic.

use claimline::load::{BUNDLED_TEXT, decode, load_texts};
use proptest::prelude::*;

/// Loads bytes and checks the one promise that holds for any input: either a dataset, or at
/// least one error saying why not.
fn load_bytes(bytes: Vec<u8>) {
    if let Ok(text) = decode("fuzz.ron", bytes) {
        let out = load_texts(&[text]);
        assert!(
            out.dataset.is_some() || out.error_count() > 0,
            "failed without an error"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        load_bytes(bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[\\(\\)\\[\\]{}:,\"'#!a-z0-9 \n/*r-]{0,512}") {
        load_bytes(text.into_bytes());
    }

    /// Truncations and one-byte edits of a real file: close to valid, so they reach the
    /// validator and the position locator, not just the parser.
    #[test]
    fn edits_of_the_bundled_file_never_panic(cut in 0usize..BUNDLED_TEXT.len(), at in 0usize..BUNDLED_TEXT.len(), byte in any::<u8>()) {
        let mut bytes = BUNDLED_TEXT.as_bytes()[..cut.max(1)].to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        load_bytes(bytes);
        let mut whole = BUNDLED_TEXT.as_bytes().to_vec();
        whole[at] = byte;
        load_bytes(whole);
    }
}

#[test]
fn an_edited_id_is_reported_not_panicked() {
    // Breaking one reference in a valid file exercises validation and the locator end to end.
    let text = BUNDLED_TEXT.replacen("party: \"armenia\"", "party: \"armenja\"", 1);
    let out = load_texts(&[claimline::load::SourceText {
        name: "x.ron".into(),
        text,
    }]);
    assert!(out.dataset.is_none());
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.message.contains("armenja"))
        .expect("reported");
    assert!(d.at.is_some());
    assert!(
        d.message.contains("did you mean \"armenia\""),
        "{}",
        d.message
    );
}
