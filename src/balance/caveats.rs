//! Caveat sentences: the sentences of an event's summary in which the curator says that what
//! the data holds is one side's word, or was not checked by anyone else. A balance report
//! counts them on one-sided events, so a curator can see whether every party's uncontested
//! accounts carry the same warning.

/// Phrases that make a summary sentence a caveat, matched case-insensitively anywhere in the
/// sentence. Kept in one list so the report, its tests and the schema's advice agree; add a
/// phrase here when curators use a new way of saying "only one side says so".
pub const CAVEAT_PHRASES: &[&str] = &[
    "only one side",
    "one side's account",
    "one party's account",
    "single source",
    "single-source",
    "not independently",
    "could not be verified",
    "cannot be verified",
    "not verified",
    "unverified",
    "not confirmed",
    "did not confirm",
    "no independent",
];

/// The sentences of `text` (split after ".", "!" or "?" followed by a space or the end) that
/// contain a caveat phrase, trimmed, in order.
pub fn caveat_sentences(text: &str) -> Vec<&str> {
    sentences(text)
        .filter(|s| {
            // A curly apostrophe is the same word as a straight one.
            let lower = s.to_lowercase().replace('’', "'");
            CAVEAT_PHRASES.iter().any(|p| lower.contains(p))
        })
        .collect()
}

/// The sentences of `text`, trimmed, empty ones left out.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if ends {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    out.push(&text[start..]);
    out.into_iter().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sentences_with_a_caveat_are_found() {
        let summary = "Northland reported shelling of Vesk. The report could not be verified. \
                       Southland said nothing!";
        assert_eq!(
            caveat_sentences(summary),
            ["The report could not be verified."]
        );
    }

    #[test]
    fn every_phrase_is_found_in_any_letter_case() {
        for phrase in CAVEAT_PHRASES {
            let text = format!("First sentence. {} here. Last.", phrase.to_uppercase());
            assert_eq!(caveat_sentences(&text).len(), 1, "{phrase}");
        }
        assert_eq!(
            caveat_sentences("It is one side’s account."),
            ["It is one side’s account."]
        );
    }

    #[test]
    fn a_point_inside_a_number_does_not_end_a_sentence() {
        assert_eq!(
            caveat_sentences("At 3.5 km, unverified. Then calm."),
            ["At 3.5 km, unverified."]
        );
        assert!(caveat_sentences("Northland and Southland both spoke.").is_empty());
    }
}
