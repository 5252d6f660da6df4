//! What a handout says, before it is set on paper: for each step of a tour (or each filtered
//! event), its caption, the event, a picture of the timeline around it and every claim about
//! it in the same columns as the claim panels, each with its sources; then every source cited.
//! Words only, from the same wording as the window, the captions and the CSV.

use crate::layout::claim_rows::claim_layout;
use crate::layout::lanes::{Lane, LaneKey, LaneMode, lanes};
use crate::layout::ticks;
use crate::model::wording::{
    actor_by_id, and_list, claim_actor_names, disputes_line, figure_text, kind_label,
    names_of_places, place_names, plural, side_label,
};
use crate::model::{Claim, Dataset, Event, Side, length};
use crate::query::Catalog;

#[derive(Debug, Clone, PartialEq)]
pub struct Handout {
    pub title: String,
    /// Lines under the title: what the document walks through, and whose data it is.
    pub about: Vec<String>,
    pub sections: Vec<Section>,
    /// Every source cited, in the order of first citation.
    pub sources: Vec<String>,
}

/// One step of a tour, or one event of a filtered list.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// "Step 2 of 5", "Event 3 of 12".
    pub label: String,
    /// The presenter's words for the step.
    pub caption: Option<String>,
    pub event_title: String,
    /// When, what kind, where: one line.
    pub facts: String,
    pub strip: Strip,
    /// The party columns, left to right: each one's heading and side.
    pub columns: Vec<(String, Side)>,
    /// Rows across the columns: a claim that disputes one in another column sits beside it.
    pub rows: Vec<Vec<Option<Card>>>,
    /// Below the columns: other parties, joint statements, third parties, each a band.
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub heading: String,
    /// Whose colour the band's cards carry; none for joint statements across sides.
    pub side: Option<Side>,
    pub cards: Vec<Card>,
}

/// One claim as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// Who said it.
    pub who: String,
    /// Role and when: "Ministry spokesperson · said 13 Sep 2022 06:00 UTC+04:00".
    pub said: String,
    pub text: String,
    /// Places named, the original text, figures, the claims it disputes: one line each.
    pub details: Vec<String>,
    /// "Source: outlet, published, address (where in it)", one per cited source.
    pub sources: Vec<String>,
    pub note: Option<String>,
    /// Whose colour it carries; none for a joint statement across sides.
    pub side: Option<Side>,
}

/// The timeline around a step, as a small picture: a lane per side, each event a mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    /// The stretch shown, UTC seconds.
    pub from: i64,
    pub to: i64,
    /// Where each tick falls, 0 to 1 across, and its label.
    pub ticks: Vec<(f32, String)>,
    pub lanes: Vec<StripLane>,
    /// The picture in words, for readers who cannot see it.
    pub alt: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StripLane {
    pub label: String,
    /// None for the lane of events no one made claims about.
    pub side: Option<Side>,
    /// Each event in the stretch: where it starts and ends, 0 to 1 across (clamped), and
    /// whether it is the step's own event.
    pub marks: Vec<StripMark>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StripMark {
    pub start: f32,
    pub end: f32,
    /// Whether it starts inside the stretch: one that began before shows as a bar only, its
    /// marker (at its start) being off the picture, as on the timeline.
    pub starts_in: bool,
    pub current: bool,
}

/// The events of a document: a tour's steps, or filtered events in time order.
pub struct Walk<'a> {
    pub title: String,
    pub about: Vec<String>,
    /// Each section's event, its caption and the stretch of time its picture shows.
    pub steps: Vec<StepOf<'a>>,
    /// The events the pictures show (all of them for a tour, the filtered ones for a list).
    pub shown: &'a [usize],
    /// The columns when a step names none: the viewer's choice of parties, by id.
    pub columns: Option<&'a [String]>,
    /// "Step", "Event".
    pub noun: &'static str,
}

pub struct StepOf<'a> {
    pub event: Option<usize>,
    /// The event id as the tour wrote it, for a step whose event is not open.
    pub event_id: &'a str,
    pub caption: Option<&'a str>,
    pub range: Option<(i64, i64)>,
    pub columns: Option<&'a [String]>,
}

/// The stretch a step's picture shows when the tour gives none: three days around the
/// event, or the event and a tenth of its length each side when it is longer.
pub fn around(start: i64, end: i64) -> (i64, i64) {
    const DAY: i64 = 86_400;
    let len = end - start;
    if len < 3 * DAY {
        let mid = start + len / 2;
        (mid - 3 * DAY / 2, mid + 3 * DAY / 2)
    } else {
        (start - len / 10, end + len / 10)
    }
}

pub fn handout(cat: &Catalog, walk: &Walk) -> Handout {
    let ds = &cat.dataset;
    let lanes = lanes(ds, &cat.index, LaneMode::Party, walk.shown);
    let mut sources: Vec<usize> = Vec::new();
    let n = walk.steps.len();
    let sections = walk
        .steps
        .iter()
        .enumerate()
        .map(|(k, step)| {
            let label = format!("{} {} of {n}", walk.noun, k + 1);
            match step.event {
                Some(e) => section(cat, walk, step, e, label, &lanes, &mut sources),
                None => missing(step, label),
            }
        })
        .collect();
    Handout {
        title: walk.title.clone(),
        about: walk.about.clone(),
        sections,
        sources: sources.iter().map(|&s| source_entry(ds, s)).collect(),
    }
}

/// A step whose event is not among the open files: said so, not left out.
fn missing(step: &StepOf, label: String) -> Section {
    Section {
        label,
        caption: step.caption.map(str::to_owned),
        event_title: format!("Event “{}” is not in the open files", step.event_id),
        facts: String::new(),
        strip: Strip {
            from: 0,
            to: 0,
            ticks: Vec::new(),
            lanes: Vec::new(),
            alt: String::new(),
        },
        columns: Vec::new(),
        rows: Vec::new(),
        bands: Vec::new(),
    }
}

fn section(
    cat: &Catalog,
    walk: &Walk,
    step: &StepOf,
    e: usize,
    label: String,
    lanes: &[Lane],
    sources: &mut Vec<usize>,
) -> Section {
    let ds = &cat.dataset;
    let index = &cat.index;
    let event = &ds.events[e];
    let columns = ds.columns_chosen(step.columns.or(walk.columns));
    // A claim goes in a column when all its actors stand on that column's side.
    let column_of = |i: usize| {
        let mut sides = event.claims[i]
            .actor_ids()
            .iter()
            .map(|a| index.side_of_actor(a));
        let first = sides.next()?;
        sides.all(|s| s == first).then_some(first)
    };
    let offset = ds.offset_of(event);
    let layout = claim_layout(event, &columns, column_of, |i| {
        event.claims[i].said.span(offset).map_or(0, |s| s.start)
    });
    let mut card = |i: usize| card(cat, event, &event.claims[i], sources);
    let rows = layout
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.map(&mut card)).collect())
        .collect();
    let mut bands = Vec::new();
    for (side, claims) in &layout.others {
        bands.push(band(side_label(ds, *side), Some(*side), claims, &mut card));
    }
    if !layout.joint.is_empty() {
        bands.push(band(
            "Joint statements".into(),
            None,
            &layout.joint,
            &mut card,
        ));
    }
    if !layout.third.is_empty() {
        let third = side_label(ds, Side::THIRD);
        bands.push(band(third, Some(Side::THIRD), &layout.third, &mut card));
    }
    let span = index.events[e].span;
    let range = step.range.unwrap_or_else(|| around(span.start, span.end));
    let places = place_names(ds, index, event);
    let mut facts = vec![
        ds.when_text(&event.when, event),
        kind_label(event.kind).to_owned(),
    ];
    if !places.is_empty() {
        facts.push(places);
    }
    Section {
        label,
        caption: step.caption.map(str::to_owned),
        event_title: event.title.to_string(),
        facts: facts.join(" · "),
        strip: strip(cat, lanes, e, range),
        columns: columns.iter().map(|&s| (side_label(ds, s), s)).collect(),
        rows,
        bands,
    }
}

fn band(
    heading: String,
    side: Option<Side>,
    claims: &[usize],
    card: &mut impl FnMut(usize) -> Card,
) -> Band {
    Band {
        heading: format!("{heading} ({})", plural(claims.len(), "claim")),
        side,
        cards: claims.iter().map(|&i| card(i)).collect(),
    }
}

fn card(cat: &Catalog, event: &Event, claim: &Claim, cited: &mut Vec<usize>) -> Card {
    let ds = &cat.dataset;
    let index = &cat.index;
    let said = format!("said {}", ds.when_text(&claim.said, event));
    let role = match claim.actor_ids() {
        _ if !claim.more.actors.is_empty() => Some("joint statement".to_owned()),
        [one] => actor_by_id(ds, index, one).map(|a| a.role.clone()),
        _ => None,
    };
    let mut details = Vec::new();
    if !claim.more.places.is_empty() {
        let places = names_of_places(ds, index, &claim.more.places);
        details.push(format!("Places it names: {places}"));
    }
    if let Some(orig) = &claim.more.original {
        details.push(format!("Original ({}): {}", orig.lang, orig.text));
    }
    if !claim.figures.is_empty() {
        let figures: Vec<String> = claim
            .figures
            .iter()
            .map(|f| figure_text(ds, index, f))
            .collect();
        details.push(format!("Figures: {}", figures.join("; ")));
    }
    if !claim.disputes.is_empty() {
        let actors: Vec<String> = claim
            .disputes
            .iter()
            .filter_map(|id| event.claims.iter().find(|c| *c.id == **id))
            .map(|c| claim_actor_names(ds, index, c))
            .collect();
        if !actors.is_empty() {
            let line = disputes_line(&actors);
            details.push(
                line.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_owned(),
            );
        }
    }
    let sources = claim
        .sources
        .iter()
        .filter_map(|cit| Some((index.source_index(&cit.source)?, cit)))
        .map(|(s, cit)| {
            if !cited.contains(&s) {
                cited.push(s);
            }
            let src = &ds.sources[s];
            let mut words = vec![src.chain()];
            words.extend(src.when_published(ds.offset_of(event), ds.display_zone()));
            words.extend(src.url.clone());
            let mut line = format!("Source: {}", words.join(", "));
            if let Some(at) = &cit.at {
                line.push_str(&format!(" ({at})"));
            }
            line
        })
        .collect();
    Card {
        who: claim_actor_names(ds, index, claim),
        said: match role {
            Some(role) if !role.is_empty() => format!("{role} · {said}"),
            _ => said,
        },
        text: claim.shown_text(),
        details,
        sources,
        note: claim
            .more
            .note
            .as_ref()
            .map(|n| format!("Curator's note: {n}")),
        side: index.side_of_claim(claim),
    }
}

/// The timeline around event `e` over `range`: a lane per side with events in it.
fn strip(cat: &Catalog, lanes: &[Lane], e: usize, (from, to): (i64, i64)) -> Strip {
    let ds = &cat.dataset;
    let index = &cat.index;
    let width = (to - from).max(1) as f64;
    let at = |t: i64| ((t - from) as f64 / width).clamp(0.0, 1.0) as f32;
    let zone = ds.display_zone();
    // About 480 points across, labels of 7-point type.
    let step = ticks::choose_step(width, 480.0, 4.0);
    let ticks = ticks::ticks(from as f64, to as f64, step, zone)
        .into_iter()
        .map(|t| (at(t), ticks::label(t, step, zone)))
        .collect();
    let mut shown = 0;
    let lanes: Vec<StripLane> = lanes
        .iter()
        .map(|lane| {
            let marks: Vec<StripMark> = lane
                .visible(index, from, to)
                .into_iter()
                .map(|v| {
                    let span = index.events[v].span;
                    StripMark {
                        start: at(span.start),
                        end: at(span.end),
                        starts_in: (from..=to).contains(&span.start),
                        current: v == e,
                    }
                })
                .collect();
            shown += marks.len();
            StripLane {
                label: lane.label.clone(),
                side: match lane.key {
                    LaneKey::Side(s) => Some(s),
                    _ => None,
                },
                marks,
            }
        })
        .filter(|l| !l.marks.is_empty())
        .collect();
    let voices: Vec<&str> = lanes
        .iter()
        .filter(|l| l.marks.iter().any(|m| m.current))
        .map(|l| l.label.as_str())
        .collect();
    let alt = format!(
        "Timeline from {} to {}: {} in lanes {}; this event in {}.",
        ticks::label(from, ticks::Step::Days(1), zone),
        ticks::label(to, ticks::Step::Days(1), zone),
        plural(shown, "mark"),
        and_list(&lanes.iter().map(|l| l.label.as_str()).collect::<Vec<_>>()),
        and_list(&voices),
    );
    Strip {
        from,
        to,
        ticks,
        lanes,
        alt,
    }
}

/// A source as listed at the end: outlet chain, title, when published, address, note.
fn source_entry(ds: &Dataset, s: usize) -> String {
    let src = &ds.sources[s];
    let mut parts = vec![length::shown(&src.chain()).into_owned()];
    if let Some(t) = &src.title {
        parts.push(format!("“{t}”"));
    }
    parts.extend(src.when_published(ds.display_zone(), ds.display_zone()));
    parts.extend(src.url.clone());
    if let Some(n) = &src.note {
        parts.push(n.clone());
    }
    parts.join(" — ")
}
