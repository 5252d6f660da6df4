//! The words the dataset's facts go by, the same on screen, in picture captions and in CSV
//! cells: side and kind headings, figures, actor and place names, counted nouns. One place, so
//! a change of wording reaches all three, and no egui, so the exports can use it headless.
//!
//! And the neutrality rule for curated text: loaded words ("attack", "provocation", ...) may
//! appear only inside quotation marks, in the words of the actor who used them.

use super::{
    Actor, Claim, Dataset, Event, EventKind, Figure, Measure, People, Side, Stated, length,
};
use crate::model::IdRef;

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

/// "⇄ Disputes 3 claims: Ministry A, Ministry B": how many claims one claim disputes, and
/// whose, each actor named once in the order their claims are listed (two claims of one actor
/// need not be neighbours).
pub fn disputes_line<S: AsRef<str>>(actors_of_claims: &[S]) -> String {
    let mut once: Vec<&str> = Vec::new();
    for name in actors_of_claims {
        if !once.contains(&name.as_ref()) {
            once.push(name.as_ref());
        }
    }
    format!(
        "⇄ Disputes {}: {}",
        plural(actors_of_claims.len(), "claim"),
        once.join(", ")
    )
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

/// "105 Armenian servicemen killed", "at least 3 Armenian civilians wounded", "260–280 Hill
/// servicemen killed or wounded", "22 Hill tanks destroyed (as of 7 Oct 2022)", "Armenian
/// servicemen killed: no number given".
pub fn figure_text(ds: &Dataset, index: &impl IdLookup, f: &Figure) -> String {
    let stated = f.stated();
    let adjectives: Vec<&str> = f
        .parties()
        .iter()
        .filter_map(|id| ds.parties.iter().find(|p| &p.id == id))
        .map(|p| p.adjective.as_deref().unwrap_or(&p.name))
        .collect();
    let whose = match adjectives.as_slice() {
        [] => String::new(),
        [one] => format!("{one} "),
        [init @ .., last] => format!("{} and {last} ", init.join(", ")),
    };
    let people = match (f.people, stated.is_one()) {
        (People::Military, true) => "serviceman",
        (People::Military, false) => "servicemen",
        (People::Civilian, true) => "civilian",
        (People::Civilian, false) => "civilians",
        (People::Unspecified, true) => "person",
        (People::Unspecified, false) => "people",
    };
    let measure = measure_text(f.measure);
    // What is counted: people and what happened to them, bodies, or the curator's unit.
    let what = match f.measure {
        Measure::BodiesHandedOver => format!("{whose}{measure}"),
        Measure::Equipment | Measure::Other => {
            format!("{whose}{}", f.more.unit.as_deref().unwrap_or("items"))
        }
        _ => format!("{whose}{people} {measure}"),
    };
    let of_no_party = if f.more.of.as_ref().is_some_and(|of| of.is_empty()) {
        ", of no party"
    } else {
        ""
    };
    let as_of = f
        .more
        .as_of
        .as_deref()
        .map(|t| format!(", as of {}", instant_text(t)))
        .unwrap_or_default();
    let counted = f
        .more
        .counted_by
        .as_deref()
        .and_then(|id| actor_by_id(ds, index, id))
        .map(|a| format!(", counted by {}", a.name))
        .unwrap_or_default();
    let notes = format!("{of_no_party}{as_of}{counted}");
    let notes = match notes.strip_prefix(", ") {
        Some(n) => format!(" ({n})"),
        None => String::new(),
    };
    match stated {
        Stated::NoNumber => format!("{}: no number given{notes}", capitalise(&what)),
        _ => format!("{} {what}{notes}", stated.text()),
    }
}

/// What happened to the people a figure counts: "killed", "dead or missing"; empty for
/// things, which their `unit` names.
pub fn measure_text(measure: Measure) -> &'static str {
    match measure {
        Measure::Killed => "killed",
        Measure::Wounded => "wounded",
        Measure::Missing => "missing",
        Measure::DeadOrMissing => "dead or missing",
        Measure::Captured => "captured",
        Measure::Displaced => "displaced",
        Measure::BodiesHandedOver => "bodies handed over",
        Measure::Released => "released",
        Measure::KilledOrWounded => "killed or wounded",
        Measure::Equipment | Measure::Other => "",
    }
}

/// A date or time as written in a file ("2022-10-07T12:00"), as a reader reads it ("7 Oct
/// 2022 12:00"), in the clock it was written in; as written when it does not parse.
pub fn instant_text(written: &str) -> String {
    use super::time::Granularity;
    match super::parse_instant(written, super::utc()) {
        Ok(i) => {
            let format = match i.granularity {
                Granularity::Year => "%Y",
                Granularity::Month => "%b %Y",
                Granularity::Day => "%-d %b %Y",
                Granularity::Minute => "%-d %b %Y %H:%M",
            };
            i.local.format(format).to_string()
        }
        Err(_) => written.to_owned(),
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// The actor with this id, if the dataset has one.
pub fn actor_by_id<'a>(ds: &'a Dataset, index: &impl IdLookup, id: &str) -> Option<&'a Actor> {
    index.actor_index(id).map(|a| &ds.actors[a])
}

/// An actor's name, or the id itself when no actor has it (a view saved on other data).
pub fn actor_name<'a>(ds: &'a Dataset, index: &impl IdLookup, id: &'a str) -> &'a str {
    actor_by_id(ds, index, id).map_or(id, |a| a.name.as_str())
}

/// "Vale", "Vale and Hill", "Vale, Hill and Fen": names read as a sentence lists them.
pub fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// Who made a claim, by name: "Northland Defence Ministry", or a joint statement's
/// "Vale Council and Hill Assembly".
pub fn claim_actor_names(ds: &Dataset, index: &impl IdLookup, claim: &Claim) -> String {
    let names: Vec<&str> = claim
        .actor_ids()
        .iter()
        .map(|id| actor_name(ds, index, id))
        .collect();
    and_list(&names)
}

/// "Jermuk (Istisu), Sotk (Zod)": the dataset's names, with other names in use after them.
pub fn place_names(ds: &Dataset, index: &impl IdLookup, event: &Event) -> String {
    names_of_places(ds, index, &event.places)
}

/// [`place_names`] of any list of place ids: an event's, or a claim's own.
pub fn names_of_places(ds: &Dataset, index: &impl IdLookup, places: &[IdRef]) -> String {
    places
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

/// Each of the event's places that names other administrations, one line each:
/// "Quill: de jure North Fen, Hollin; de facto Marrow Reach, Marrow". Empty when none does.
pub fn place_admins(ds: &Dataset, index: &impl IdLookup, event: &Event) -> Vec<String> {
    event
        .places
        .iter()
        .filter_map(|id| index.place_index(id))
        .map(|p| &ds.places[p])
        .filter(|place| !place.admin.is_empty())
        .map(|place| {
            let readings: Vec<String> = place
                .admin
                .iter()
                .map(|a| match &a.district {
                    Some(d) => format!("{} {d}, {}", a.scheme, a.country),
                    None => format!("{} {}", a.scheme, a.country),
                })
                .collect();
            format!("{}: {}", length::shown(&place.name), readings.join("; "))
        })
        .collect()
}

/// The event's districts under each of `schemes`, "de jure: North Fen; de facto: Marrow
/// Reach" (a scheme's districts joined by ", "; a place without an entry for a scheme counts
/// under its default district). Empty when there are no schemes.
pub fn districts_by_scheme(
    ds: &Dataset,
    index: &impl IdLookup,
    event: &Event,
    schemes: &[String],
) -> String {
    schemes
        .iter()
        .map(|scheme| {
            let mut names: Vec<&str> = Vec::new();
            for p in event.places.iter().filter_map(|id| index.place_index(id)) {
                if let Some(d) = ds.places[p].district_by(Some(scheme))
                    && !names.contains(&d)
                {
                    names.push(d);
                }
            }
            format!("{scheme}: {}", names.join(", "))
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
    if !may_hold_loaded_words(text) {
        return Vec::new();
    }
    loaded_words_in(&split_quotations(text).0)
}

/// The loaded words in `text` that stand inside quotation marks: the actor's own words, which
/// the neutrality rule allows, and which a balance report counts per party. Quotations are
/// read as [`loaded_words_outside_quotes`] reads them.
pub fn loaded_words_inside_quotes(text: &str) -> Vec<String> {
    if !may_hold_loaded_words(text) {
        return Vec::new();
    }
    loaded_words_in(&split_quotations(text).1)
}

/// False when no word of an ASCII `text` starts with a stem (with the first word of "war
/// crime"), in any case: then neither its quotations nor the rest hold a loaded word, as a word
/// there starts where one of the whole text does. Checking a large file asks this of every
/// title, summary and claim, and the answer costs no allocation; other texts are read in full.
fn may_hold_loaded_words(text: &str) -> bool {
    if !text.is_ascii() {
        return true;
    }
    let bytes = text.as_bytes();
    let mut prev_alnum = false;
    for (i, b) in bytes.iter().enumerate() {
        let alnum = b.is_ascii_alphanumeric();
        if alnum && !prev_alnum {
            let rest = &bytes[i..];
            let stems = match b.to_ascii_lowercase() {
                l @ b'a'..=b'z' => &STEMS_BY_LETTER[usize::from(l - b'a')],
                _ => &[][..],
            };
            let starts_stem = |word: &&[u8]| {
                rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word)
            };
            if stems.iter().any(starts_stem) {
                return true;
            }
        }
        prev_alnum = alnum;
    }
    false
}

/// The first word of each stem of [`LOADED_STEMS`], by its first letter: most word starts
/// compare with none or two.
static STEMS_BY_LETTER: std::sync::LazyLock<[Vec<&[u8]>; 26]> = std::sync::LazyLock::new(|| {
    let mut by_letter: [Vec<&[u8]>; 26] = Default::default();
    for stem in LOADED_STEMS {
        let word = stem.split(' ').next().unwrap_or(stem).as_bytes();
        by_letter[usize::from(word[0] - b'a')].push(word);
    }
    by_letter
});

/// `text` split into what stands outside quotation marks and what stands inside them, each
/// quotation (without its marks) a word break from the rest.
fn split_quotations(text: &str) -> (String, String) {
    let mut outside = String::with_capacity(text.len());
    let mut inside = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let close = match c {
            '"' => Some('"'),
            '“' => Some('”'),
            '«' => Some('»'),
            _ => None,
        };
        match close.and_then(|d| Some((rest.find(d)?, d.len_utf8()))) {
            // The quotation and its marks are left out, as a word break.
            Some((at, mark)) => {
                inside.push_str(&rest[..at]);
                inside.push(' ');
                rest = &rest[at + mark..];
                outside.push(' ');
            }
            None if matches!(c, '"' | '“' | '”' | '«' | '»') => outside.push(' '),
            None => outside.push(c),
        }
    }
    (outside, inside)
}

/// The loaded words of [`LOADED_STEMS`] in `text`, each once, in order of first use.
fn loaded_words_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
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
    #[test]
    fn a_disputes_line_counts_every_claim_and_names_each_actor_once_in_order() {
        let line = super::disputes_line(&["Hill MoD", "Dale MoD", "Hill MoD"]);
        assert_eq!(line, "⇄ Disputes 3 claims: Hill MoD, Dale MoD");
        assert_eq!(
            super::disputes_line(&["Dale MoD"]),
            "⇄ Disputes 1 claim: Dale MoD"
        );
    }

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
    fn the_quick_look_finds_every_loaded_word_the_full_reading_finds() {
        // Cases, word edges, quotations that join words, and a non-ASCII letter that
        // lowercases to ASCII (the Kelvin sign), each read both ways.
        let parts = [
            "An ATTACK",
            "Attacked",
            "counter-attack",
            "war crime",
            "war\"x\"crime",
            "a warning",
            "«Provocation»",
            "Liberia",
            "liberated",
            "\u{212A}",
            "attac\u{212A}",
            "\"aggression\"",
            "x1enemy",
            "Enemies!",
            "calm",
            "\"",
            "«",
            "terror\u{e9}",
        ];
        for a in parts {
            for b in parts {
                let text = format!("{a} {b}{a}");
                assert_eq!(
                    loaded_words_outside_quotes(&text),
                    loaded_words_in(&split_quotations(&text).0),
                    "outside, in {text:?}"
                );
                assert_eq!(
                    loaded_words_inside_quotes(&text),
                    loaded_words_in(&split_quotations(&text).1),
                    "inside, in {text:?}"
                );
            }
        }
        assert_eq!(loaded_words_outside_quotes("An ATTACK"), vec!["attack"]);
    }

    #[test]
    fn loaded_words_inside_quotes_are_the_quoted_ones() {
        assert_eq!(
            loaded_words_inside_quotes(r#"The "attack" was a provocation and «aggression»"#),
            vec!["attack", "aggression"]
        );
        assert!(loaded_words_inside_quotes("An attack, unquoted.").is_empty());
        // An unclosed mark quotes nothing, as for the words outside.
        assert!(loaded_words_inside_quotes(r#"Vesk said "attack"#).is_empty());
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
        use crate::model::{Bound, FigureMore, More};
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let text = |f: &Figure| figure_text(&cat.dataset, &cat.index, f);
        let f = Figure {
            measure: Measure::Killed,
            count: Some(105),
            bound: Bound::AtLeast,
            whose: Some("armenia".into()),
            people: People::Military,
            ..Figure::default()
        };
        assert_eq!(text(&f), "at least 105 Armenian servicemen killed");
        let one = Figure {
            count: Some(1),
            people: People::Civilian,
            bound: Bound::Exact,
            ..f.clone()
        };
        assert_eq!(text(&one), "1 Armenian civilian killed");
        // Format 2: a range of one kind that joins two, several parties, a date of its own.
        let range = Figure {
            measure: Measure::KilledOrWounded,
            count: None,
            whose: None,
            more: More::new(FigureMore {
                low: Some(260),
                high: Some(280),
                of: Some(["armenia".into(), "azerbaijan".into()].into()),
                as_of: Some("2022-10-07".into()),
                ..FigureMore::default()
            }),
            ..f.clone()
        };
        assert_eq!(
            text(&range),
            "260–280 Armenian and Azerbaijani servicemen killed or wounded (as of 7 Oct 2022)"
        );
        let mut best = range.clone();
        best.more.edit().best = Some(270);
        assert!(
            text(&best).starts_with("260–280 (best 270) "),
            "{}",
            text(&best)
        );
        let tanks = Figure {
            measure: Measure::Equipment,
            count: Some(22),
            more: More::new(FigureMore {
                unit: Some("tanks destroyed".into()),
                ..FigureMore::default()
            }),
            ..f.clone()
        };
        assert_eq!(text(&tanks), "at least 22 Armenian tanks destroyed");
        let none = Figure {
            count: None,
            ..f.clone()
        };
        assert_eq!(text(&none), "Armenian servicemen killed: no number given");
        let journalists = Figure {
            whose: None,
            more: More::new(FigureMore {
                of: Some(Default::default()),
                ..FigureMore::default()
            }),
            people: People::Civilian,
            count: Some(2),
            bound: Bound::Exact,
            ..f
        };
        assert_eq!(text(&journalists), "2 civilians killed (of no party)");
    }
}
