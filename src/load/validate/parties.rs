//! Parties, and the actors who speak for one of them or for none.

use super::ctx::{Ctx, Kind};
use crate::load::locate::Path;
use crate::model::{Actor, Party};

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

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}
