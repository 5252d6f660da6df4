//! The neutrality rule for curated text: loaded words ("attack", "provocation", ...) may appear
//! only inside quotation marks, in the words of the actor who used them.

/// Word stems that take a side when used in the curator's own voice. Matched case-insensitively
/// at the start of a word, so "attack" also finds "attacks" and "attacked", and "liberat"
/// finds "liberation" and "liberated" but not "liberal".
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
    "occupier",
    "invasion",
    "invad",
    "liberat",
    "mercenar",
    "terror",
    "heroic",
    "atrocit",
    "massacre",
];

/// "1 event", "2 events", "3 parties": a count with its noun, for every sentence that counts.
pub fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "party") => format!("{n} parties"),
        _ => format!("{n} {word}s"),
    }
}

/// The loaded words in `text` that stand outside quotation marks ("…", “…”, «…»).
///
/// A quotation runs from an opening mark to the next closing mark of its kind. An opening mark
/// with no closing mark after it quotes nothing: a stray or unclosed mark must not hide the
/// rest of the text from the check.
pub fn loaded_words_outside_quotes(text: &str) -> Vec<String> {
    let mut outside = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let close = match c {
            '"' => Some('"'),
            '“' => Some('”'),
            '«' => Some('»'),
            _ => None,
        };
        match close.and_then(|d| Some(rest.find(d)? + d.len_utf8())) {
            // The quotation and its marks are left out, as a word break.
            Some(end) => {
                rest = &rest[end..];
                outside.push(' ');
            }
            None if matches!(c, '"' | '“' | '”' | '«' | '»') => outside.push(' '),
            None => outside.push(c),
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
    fn one_of_a_thing_is_singular() {
        assert_eq!(plural(1, "event"), "1 event");
        assert_eq!(plural(0, "event"), "0 events");
        assert_eq!(plural(2, "party"), "2 parties");
    }

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

    #[test]
    fn an_unclosed_quotation_mark_quotes_nothing() {
        // Before, the stray mark hid everything after it from the check.
        assert_eq!(
            loaded_words_outside_quotes(r#"Northland said "the shelling. It was an attack."#),
            vec!["attack"]
        );
        assert_eq!(
            loaded_words_outside_quotes("Vesk spoke of “aggression. A provocation followed."),
            vec!["aggression", "provocation"]
        );
        // A closed quotation still hides its words; an unclosed one after it does not.
        assert_eq!(
            loaded_words_outside_quotes(r#"Vesk said "attack", then "provocation"#),
            vec!["provocation"]
        );
        assert!(
            loaded_words_outside_quotes("«Aggression» and “attacks” and \"sabotage\"").is_empty()
        );
    }

    #[test]
    fn words_of_liberation_occupiers_mercenaries_terrorists_and_invaders() {
        let text = "Vesk calls it liberation; the liberated town; occupiers and an occupier; \
                    mercenaries, a mercenary; terrorists; a terrorist; invaders, an invader.";
        assert_eq!(
            loaded_words_outside_quotes(text),
            vec![
                "liberation",
                "liberated",
                "occupiers",
                "occupier",
                "mercenaries",
                "mercenary",
                "terrorists",
                "terrorist",
                "invaders",
                "invader"
            ]
        );
        // Words that only start alike are neutral.
        assert!(
            loaded_words_outside_quotes("A liberal deliberately took liberties with Liberia.")
                .is_empty()
        );
        assert!(
            loaded_words_outside_quotes(
                r#"Northland's ministry spoke of "liberation" and "occupiers"."#
            )
            .is_empty()
        );
    }
}
