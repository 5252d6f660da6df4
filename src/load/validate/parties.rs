//! Parties, and the actors who speak for one of them or for none; what the parties of all the
//! files must be together (colours of their own, no more than are shown).

use std::collections::HashMap;

use super::ctx::{Ctx, Kind};
use crate::load::locate::Path;
use crate::model::{Actor, MAX_PARTIES, Party};

pub(super) fn check_party(cx: &mut Ctx, f: usize, pp: &Path, p: &Party) {
    cx.non_empty(f, || pp.field("name"), &p.name, "party name");
    cx.non_empty_opt(f, || pp.field("adjective"), &p.adjective, "party adjective");
    if let Some(c) = &p.colour
        && !is_colour(c)
    {
        cx.error(
            f,
            pp.field("colour"),
            format!("invalid colour \"{c}\": write it as \"#rrggbb\""),
        );
    }
}

pub(super) fn check_actor<'a>(cx: &mut Ctx<'a>, f: usize, ap: &Path, a: &'a Actor) {
    cx.non_empty(f, || ap.field("name"), &a.name, "actor name");
    cx.non_empty(f, || ap.field("role"), &a.role, "actor role");
    cx.non_empty_opt(f, || ap.field("affiliation"), &a.affiliation, "affiliation");
    if let Some(party) = &a.party {
        cx.refer(Kind::Party, f, || ap.field("party"), party);
        cx.party_has_actor.insert(party);
    }
}

/// A party nobody speaks for has no claims to show: asked once every actor has been seen.
pub(super) fn check_party_has_actor(cx: &mut Ctx, f: usize, pp: &Path, p: &Party) {
    if !cx.party_has_actor.contains(p.id.as_str()) {
        cx.error(
            f,
            pp.field("id"),
            format!(
                "party \"{}\" has no actor: add an actor with `party: \"{}\"`",
                p.id, p.id
            ),
        );
    }
}

/// Two parties of one colour can be told apart only by their markers' shapes: warned at the
/// second, in the order the files and their parties are written.
pub(super) fn check_colours_differ<'a>(
    cx: &mut Ctx,
    parties: impl IntoIterator<Item = (usize, Path, &'a Party)>,
) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (f, pp, p) in parties {
        let Some(c) = p.colour.as_deref().filter(|c| is_colour(c)) else {
            continue;
        };
        match seen.get(&c.to_ascii_lowercase()) {
            Some(first) if *first != p.id => cx.warning(
                f,
                pp.field("colour"),
                format!(
                    "party \"{}\" has the colour {c} of party \"{first}\": give each party its own colour",
                    p.id
                ),
            ),
            Some(_) => {}
            None => {
                seen.insert(c.to_ascii_lowercase(), &p.id);
            }
        }
    }
}

/// Parties past the [`MAX_PARTIES`]th in the party order have no lane, column or colour of
/// their own: their actors are shown with the third parties. `ordered` is every party once,
/// in that order.
pub(super) fn check_party_count(cx: &mut Ctx, ordered: &[(usize, Path, &str)]) {
    let n = ordered.len();
    for (k, (f, pp, id)) in ordered.iter().enumerate().skip(MAX_PARTIES) {
        cx.warning(
            *f,
            pp.field("id"),
            format!(
                "party \"{id}\" is the {} of {n} parties, and Claimline shows at most \
                 {MAX_PARTIES}: its actors' claims are shown as third parties",
                ordinal(k + 1)
            ),
        );
    }
}

/// "9th", "21st", "112th".
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}
