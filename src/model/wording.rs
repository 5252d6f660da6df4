//! The words the dataset's facts go by, the same on screen, in picture captions and in CSV
//! cells: side and kind headings, figures, actor and place names, counted nouns. One place, so
//! a change of wording reaches all three, and no egui, so the exports can use it headless.
//!
//! And the neutrality rule for curated text: loaded words ("attack", "provocation", ...) may
//! appear only inside quotation marks, in the words of the actor who used them.

use super::{Actor, Bound, Dataset, Event, EventKind, Figure, Measure, People, Side, length};

/// Where an actor or a place sits in the dataset's lists, found by id. The query index answers
/// this without a scan; the wording asks through a trait because the model sits below the
/// index and must not depend on it.
pub trait IdLookup {
    fn actor_index(&self, id: &str) -> Option<usize>;
    fn place_index(&self, id: &str) -> Option<usize>;
}

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

/// The heading a side goes by: "Armenian side", "Azerbaijani side", "Third parties".
pub fn side_label(ds: &Dataset, side: Side) -> String {
    let party = side.party_index().and_then(|i| ds.parties.get(i));
    match party {
        Some(p) => match &p.adjective {
            Some(adj) => format!("{adj} side"),
            None => p.name.clone(),
        },
        None if side == Side::THIRD => "Third parties".to_owned(),
        // Only asked of a side the dataset lacks by a view saved on another dataset.
        None => "No party".to_owned(),
    }
}

/// The heading of parties standing together: "Westmark and Hill side"; one party's is its own.
pub fn group_label(ds: &Dataset, group: &[Side]) -> String {
    let names: Vec<String> = group
        .iter()
        .map(|&s| match s.party_index().and_then(|i| ds.parties.get(i)) {
            Some(p) => p.adjective.clone().unwrap_or_else(|| p.name.clone()),
            None => side_label(ds, s),
        })
        .collect();
    match names.as_slice() {
        [_] => side_label(ds, group[0]),
        [init @ .., last] => format!("{} and {last} side", init.join(", ")),
        [] => String::new(),
    }
}

/// The heading an event kind goes by: "Drone strike", "Armed clash".
pub fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Shelling => "Shelling",
        EventKind::DroneStrike => "Drone strike",
        EventKind::ArmedClash => "Armed clash",
        EventKind::CasualtyReport => "Casualty report",
        EventKind::Ceasefire => "Ceasefire",
        EventKind::Diplomatic => "Diplomatic",
        EventKind::Humanitarian => "Humanitarian",
        EventKind::Mission => "Mission",
        EventKind::Statement => "Statement",
        EventKind::Report => "Report",
        EventKind::Background => "Background",
    }
}

/// "105 Armenian soldiers killed", "at least 3 Armenian civilians wounded".
pub fn figure_text(ds: &Dataset, index: &impl IdLookup, f: &Figure) -> String {
    let bound = match f.bound {
        Bound::Exact => "",
        Bound::AtLeast => "at least ",
        Bound::MoreThan => "more than ",
        Bound::About => "about ",
        Bound::UpTo => "up to ",
        Bound::Nearly => "nearly ",
    };
    let whose = f
        .whose
        .as_deref()
        .and_then(|id| ds.parties.iter().find(|p| p.id == id))
        .map(|p| format!("{} ", p.adjective.as_deref().unwrap_or(&p.name)))
        .unwrap_or_default();
    let people = match (f.people, f.count == 1) {
        (People::Military, true) => "serviceman",
        (People::Military, false) => "servicemen",
        (People::Civilian, true) => "civilian",
        (People::Civilian, false) => "civilians",
        (People::Unspecified, true) => "person",
        (People::Unspecified, false) => "people",
    };
    let measure = match f.measure {
        Measure::Killed => "killed",
        Measure::Wounded => "wounded",
        Measure::Missing => "missing",
        Measure::DeadOrMissing => "dead or missing",
        Measure::Captured => "captured",
        Measure::Displaced => "displaced",
        Measure::BodiesHandedOver => "bodies handed over",
        Measure::Released => "released",
    };
    let counted = f
        .counted_by
        .as_deref()
        .and_then(|id| actor_by_id(ds, index, id))
        .map(|a| format!(" (counted by {})", a.name))
        .unwrap_or_default();
    if f.measure == Measure::BodiesHandedOver {
        format!("{bound}{} {whose}{measure}{counted}", f.count)
    } else {
        format!("{bound}{} {whose}{people} {measure}{counted}", f.count)
    }
}

/// The actor with this id, if the dataset has one.
pub fn actor_by_id<'a>(ds: &'a Dataset, index: &impl IdLookup, id: &str) -> Option<&'a Actor> {
    index.actor_index(id).map(|a| &ds.actors[a])
}

/// An actor's name, or the id itself when no actor has it (a view saved on other data).
pub fn actor_name<'a>(ds: &'a Dataset, index: &impl IdLookup, id: &'a str) -> &'a str {
    actor_by_id(ds, index, id).map_or(id, |a| a.name.as_str())
}

/// "Jermuk (Istisu), Sotk (Zod)": the dataset's names, with other names in use after them.
pub fn place_names(ds: &Dataset, index: &impl IdLookup, event: &Event) -> String {
    event
        .places
        .iter()
        .filter_map(|id| index.place_index(id))
        .map(|p| {
            let place = &ds.places[p];
            let name = length::shown(&place.name);
            if place.other_names.is_empty() {
                name.into_owned()
            } else {
                let others: Vec<_> = place
                    .other_names
                    .iter()
                    .map(|o| length::shown(&o.name))
                    .collect();
                format!("{name} ({})", others.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
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
    use crate::load::load_bundled;
    use crate::query::Catalog;

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

    #[test]
    fn figures_read_as_stated() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let f = Figure {
            measure: Measure::Killed,
            count: 105,
            bound: Bound::AtLeast,
            whose: Some("armenia".into()),
            people: People::Military,
            counted_by: None,
        };
        assert_eq!(
            figure_text(&cat.dataset, &cat.index, &f),
            "at least 105 Armenian servicemen killed"
        );
        let one = Figure {
            count: 1,
            people: People::Civilian,
            bound: Bound::Exact,
            ..f
        };
        assert_eq!(
            figure_text(&cat.dataset, &cat.index, &one),
            "1 Armenian civilian killed"
        );
    }
}
