//! The neutrality rule for curated text: loaded words ("attack", "provocation", ...) may appear
//! only inside quotation marks, in the words of the actor who used them.

/// Word stems that take a side when used in the curator's own voice. Matched case-insensitively
/// at the start of a word, so "attack" also finds "attacks" and "attacked".
pub const LOADED_STEMS: &[&str] = &[
    "attack",
    "provocat",
    "provok",
    "aggress",
    "sabotage",
    "saboteur",
    "enemy",
    "enemies",
    "occupied",
    "occupation",
    "illegal",
    "martyr",
    "war crime",
    "targeted",
    "invasion",
    "invaded",
    "terror",
    "heroic",
    "atrocit",
    "massacre",
];

/// The loaded words in `text` that stand outside quotation marks ("…", “…”, «…»).
pub fn loaded_words_outside_quotes(text: &str) -> Vec<String> {
    let mut outside = String::with_capacity(text.len());
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '“' | '«' => quoted = true,
            '”' | '»' => quoted = false,
            _ if !quoted => outside.push(c),
            _ => outside.push(' '),
        }
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            outside.push(' ');
        }
    }
    let lower = outside.to_lowercase();
    // One pass over the word starts, comparing each with the stems: checking a large file
    // runs this on every title, summary and claim, so no per-stem search of the whole text.
    let mut found = Vec::new();
    let mut prev_alnum = false;
    for (i, c) in lower.char_indices() {
        let starts_word = c.is_alphanumeric() && !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        if !starts_word {
            continue;
        }
        let rest = &lower[i..];
        let first = rest.as_bytes()[0];
        let matching = LOADED_STEMS
            .iter()
            .filter(|s| s.as_bytes()[0] == first && rest.starts_with(**s));
        for stem in matching {
            let word: String = if stem.contains(' ') {
                (*stem).to_owned()
            } else {
                rest.chars().take_while(|c| c.is_alphanumeric()).collect()
            };
            if !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_allowed() {
        assert!(
            loaded_words_outside_quotes(r#"The MoD said Armenian forces "attacked" positions."#)
                .is_empty()
        );
        assert!(
            loaded_words_outside_quotes("He spoke of “aggression” and «provocations».").is_empty()
        );
    }

    #[test]
    fn unquoted_words_are_found() {
        assert_eq!(
            loaded_words_outside_quotes("Azerbaijani attacks on Jermuk"),
            vec!["attacks"]
        );
        assert_eq!(
            loaded_words_outside_quotes(r#"The "attack" was a provocation and a war crime"#),
            vec!["provocation", "war crime"]
        );
        // Only whole-word starts: "counterattack" is one word, "stacked" is not "attack".
        assert!(loaded_words_outside_quotes("Boxes were stacked.").is_empty());
    }
}
