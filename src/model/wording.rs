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
    let mut found = Vec::new();
    for stem in LOADED_STEMS {
        for (i, _) in lower.match_indices(stem) {
            let starts_word = lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if starts_word {
                let word: String = if stem.contains(' ') {
                    (*stem).to_owned()
                } else {
                    lower[i..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric())
                        .collect()
                };
                if !found.contains(&word) {
                    found.push(word);
                }
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
