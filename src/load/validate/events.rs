//! Events and the claims made about them: required text in neutral words, times that
//! resolve, and every reference (places, actors, sources, disputed claims, parties and
//! counters of figures) to an id some file defines.

use chrono::FixedOffset;

use super::ctx::{Ctx, Kind};
use crate::load::locate::Path;
use crate::model::{Claim, Event};

pub(super) fn check_event<'a>(
    cx: &mut Ctx<'a>,
    f: usize,
    ep: &Path,
    e: &'a Event,
    offset: FixedOffset,
) {
    cx.non_empty(f, || ep.field("title"), &e.title, "event title");
    e.summary
        .with(|summary| cx.non_empty(f, || ep.field("summary"), summary, "event summary"));
    cx.neutral(f, || ep.field("title"), &e.title, "event title");
    e.summary
        .with(|summary| cx.neutral(f, || ep.field("summary"), summary, "event summary"));
    cx.when(f, || ep.field("when"), &e.when, offset);
    for (j, place) in e.places.iter().enumerate() {
        cx.refer(Kind::Place, f, || ep.field("places").index(j), place);
    }
    if !e.involves.is_empty() {
        cx.format_2(f, ep.field("involves"), "involves");
    }
    for (j, actor) in e.involves.iter().enumerate() {
        cx.refer(Kind::Actor, f, || ep.field("involves").index(j), actor);
    }
    if e.claims.is_empty() {
        cx.warning(
            f,
            ep.field("id"),
            format!(
                "event \"{}\" has no claims: nothing attributes it to a source",
                e.id
            ),
        );
    }
    for (j, c) in e.claims.iter().enumerate() {
        let cp = ep.field("claims").index(j);
        check_claim(cx, f, &cp, c, offset);
        for (k, other) in c.more.also_about.iter().enumerate() {
            if **other == *e.id {
                cx.error(
                    f,
                    cp.field("also_about").index(k),
                    format!(
                        "claim \"{}\" is under event \"{other}\" already: `also_about` names \
                         the other events it is about",
                        c.id
                    ),
                );
            }
        }
    }
}

/// Who made a claim: one `actor`, or (format 2) a joint statement's `actors`, never both.
fn speakers<'a>(cx: &mut Ctx<'a>, f: usize, cp: &Path, c: &'a Claim) {
    if c.more.actors.is_empty() {
        if c.actor.is_empty() {
            cx.error(
                f,
                cp.field("id"),
                format!(
                    "claim \"{}\" names no actor: give `actor` (or, in format 2, `actors` \
                     for a joint statement)",
                    c.id
                ),
            );
        } else {
            cx.refer(Kind::Actor, f, || cp.field("actor"), &c.actor);
        }
        return;
    }
    cx.format_2(f, cp.field("actors"), "actors");
    if !c.actor.is_empty() {
        cx.error(
            f,
            cp.field("actor"),
            "give `actor` or `actors`, not both: a joint statement lists every actor in `actors`",
        );
    }
    if c.more.actors.len() < 2 {
        cx.warning(
            f,
            cp.field("actors"),
            "`actors` names one actor: a joint statement has two or more (for one, write `actor`)",
        );
    }
    for (k, a) in c.more.actors.iter().enumerate() {
        if c.more.actors[..k].contains(a) {
            cx.error(
                f,
                cp.field("actors").index(k),
                format!("actor \"{a}\" is named twice in this joint statement"),
            );
        } else {
            cx.refer(Kind::Actor, f, || cp.field("actors").index(k), a);
        }
    }
}

pub(super) fn check_claim<'a>(
    cx: &mut Ctx<'a>,
    f: usize,
    cp: &Path,
    c: &'a Claim,
    offset: FixedOffset,
) {
    speakers(cx, f, cp, c);
    cx.when(f, || cp.field("said"), &c.said, offset);
    if let Some(t) = &c.more.claims_time {
        cx.format_2(f, cp.field("claims_time"), "claims_time");
        cx.when(f, || cp.field("claims_time"), t, offset);
    }
    c.text
        .with(|text| cx.non_empty(f, || cp.field("text"), text, "claim text"));
    cx.non_empty_opt(f, || cp.field("note"), &c.more.note, "note");
    // A quoted claim is the actor's own words (an imported record's too: ACLED's notes are
    // ACLED's), whatever words they chose; the curator's paraphrase is held to neutral ones.
    if !c.quote {
        c.text
            .with(|text| cx.neutral(f, || cp.field("text"), text, "claim text"));
    }
    if let Some(note) = &c.more.note {
        cx.neutral(f, || cp.field("note"), note, "note");
    }
    if let Some(o) = &c.more.original {
        cx.non_empty(
            f,
            || cp.field("original").field("text"),
            &o.text,
            "original text",
        );
        cx.non_empty(
            f,
            || cp.field("original").field("lang"),
            &o.lang,
            "original language",
        );
    }
    if c.sources.is_empty() {
        cx.error(
            f,
            cp.field("sources"),
            format!(
                "claim \"{}\" has no source: every claim needs at least one",
                c.id
            ),
        );
    }
    references(cx, f, cp, c);
    for (k, fig) in c.figures.iter().enumerate() {
        let fp = cp.field("figures").index(k);
        super::figures::check_figure(cx, f, &fp, fig, offset);
    }
}

/// What a claim points to: its sources (which count as cited), the other events it is also
/// about, the places it names, and the claims it disputes.
fn references<'a>(cx: &mut Ctx<'a>, f: usize, cp: &Path, c: &'a Claim) {
    for (k, cit) in c.sources.iter().enumerate() {
        cx.refer(
            Kind::Source,
            f,
            || cp.field("sources").index(k).field("source"),
            &cit.source,
        );
        cx.cited_sources.insert(&cit.source);
        cx.non_empty_opt(
            f,
            || cp.field("sources").index(k).field("at"),
            &cit.at,
            "citation place",
        );
    }
    if !c.more.also_about.is_empty() {
        cx.format_2(f, cp.field("also_about"), "also_about");
    }
    for (k, e) in c.more.also_about.iter().enumerate() {
        let ap = cp.field("also_about").index(k);
        if c.more.also_about[..k].contains(e) {
            cx.warning(
                f,
                ap,
                format!("event \"{e}\" is named twice in `also_about`"),
            );
        } else {
            cx.refer(Kind::Event, f, || ap, e);
        }
    }
    if !c.more.places.is_empty() {
        cx.format_2(f, cp.field("places"), "places");
    }
    for (k, p) in c.more.places.iter().enumerate() {
        cx.refer(Kind::Place, f, || cp.field("places").index(k), p);
    }
    for (k, d) in c.disputes.iter().enumerate() {
        let dp = cp.field("disputes").index(k);
        if **d == *c.id {
            cx.error(f, dp, format!("claim \"{d}\" disputes itself"));
        } else {
            cx.refer(Kind::Claim, f, || dp, d);
        }
    }
}
