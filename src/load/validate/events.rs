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
    cx.non_empty(f, || ep.field("summary"), &e.summary, "event summary");
    cx.neutral(f, || ep.field("title"), &e.title, "event title");
    cx.neutral(f, || ep.field("summary"), &e.summary, "event summary");
    cx.when(f, || ep.field("when"), &e.when, offset);
    for (j, place) in e.places.iter().enumerate() {
        cx.refer(Kind::Place, f, || ep.field("places").index(j), place);
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
        check_claim(cx, f, &ep.field("claims").index(j), c, offset);
    }
}

pub(super) fn check_claim<'a>(
    cx: &mut Ctx<'a>,
    f: usize,
    cp: &Path,
    c: &'a Claim,
    offset: FixedOffset,
) {
    cx.refer(Kind::Actor, f, || cp.field("actor"), &c.actor);
    cx.when(f, || cp.field("said"), &c.said, offset);
    if let Some(t) = &c.claims_time {
        cx.format_2(f, cp.field("claims_time"), "claims_time");
        cx.when(f, || cp.field("claims_time"), t, offset);
    }
    cx.non_empty(f, || cp.field("text"), &c.text, "claim text");
    cx.non_empty_opt(f, || cp.field("note"), &c.note, "note");
    cx.neutral(f, || cp.field("text"), &c.text, "claim text");
    if let Some(note) = &c.note {
        cx.neutral(f, || cp.field("note"), note, "note");
    }
    if let Some(o) = &c.original {
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

/// What a claim points to: its sources (which count as cited) and the claims it disputes.
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
    for (k, d) in c.disputes.iter().enumerate() {
        let dp = cp.field("disputes").index(k);
        if d == &c.id {
            cx.error(f, dp, format!("claim \"{d}\" disputes itself"));
        } else {
            cx.refer(Kind::Claim, f, || dp, d);
        }
    }
}
