//! The caption every exported picture carries, so that an image that leaves the app still says
//! what it shows and where its words come from: the dataset, the view, the active filters, and
//! the outlets of the claims shown.

use std::collections::BTreeMap;

use crate::model::Dataset;
use crate::model::wording::{actor_name, kind_label, side_label};
use crate::query::{FilterState, Index};

/// How many outlets are named before "and N more".
const MAX_OUTLETS: usize = 14;

/// The events whose claims an image shows: the selection, or every filtered event in view.
pub fn shown_events(
    index: &Index,
    filtered: &[usize],
    selected: Option<usize>,
    range: Option<(f64, f64)>,
) -> Vec<usize> {
    match selected {
        Some(e) => vec![e],
        None => filtered
            .iter()
            .copied()
            .filter(|&e| {
                range.is_none_or(|(a, b)| {
                    let s = index.events[e].span;
                    s.end as f64 >= a && s.start as f64 <= b
                })
            })
            .collect(),
    }
}

/// Every claim of `events`, as (event, claim) positions: what a picture of their markers
/// stands for.
pub fn claims_of(ds: &Dataset, events: &[usize]) -> Vec<(usize, usize)> {
    events
        .iter()
        .flat_map(|&e| (0..ds.events[e].claims.len()).map(move |c| (e, c)))
        .collect()
}

/// The outlets cited by `claims` ((event, claim) positions), each with the channels it relays
/// ("Lantern Wire via Harbour Post"), most cited first, then by name. Dates and notes stay on
/// the cards: a caption only credits.
pub fn outlets(ds: &Dataset, index: &Index, claims: &[(usize, usize)]) -> Vec<String> {
    let mut per_source: BTreeMap<usize, usize> = BTreeMap::new();
    for &(e, c) in claims {
        for cit in &ds.events[e].claims[c].sources {
            if let Some(s) = index.source_index(&cit.source) {
                *per_source.entry(s).or_default() += 1;
            }
        }
    }
    // Many sources may read alike (one outlet's pages): counted together.
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for (s, n) in per_source {
        *count.entry(ds.sources[s].chain()).or_default() += n;
    }
    let mut v: Vec<(String, usize)> = count.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(o, _)| o).collect()
}

/// "Filters: Actor: CSTO secretariat; District: Syunik", or "Filters: none".
pub fn filters_line(ds: &Dataset, index: &Index, f: &FilterState) -> String {
    let mut parts = Vec::new();
    if !f.text.trim().is_empty() {
        parts.push(format!("text “{}”", f.text.trim()));
    }
    if f.contested_only {
        parts.push("contested only".to_owned());
    }
    for s in &f.sides {
        parts.push(format!("side: {}", side_label(ds, *s)));
    }
    for k in &f.kinds {
        parts.push(format!("kind: {}", kind_label(*k)));
    }
    for a in &f.actors {
        let name = actor_name(ds, index, a);
        parts.push(format!("actor: {name}"));
    }
    for d in &f.districts {
        parts.push(format!("district: {d}"));
    }
    // Dates in the dataset's zone, as the filter's fields take them.
    let day = |t: i64| crate::model::format_seconds(t, ds.display_zone(), false);
    match (f.from, f.to) {
        (Some(a), Some(b)) => parts.push(format!("dates {} – {}", day(a), day(b))),
        (Some(a), None) => parts.push(format!("dates from {}", day(a))),
        (None, Some(b)) => parts.push(format!("dates to {}", day(b))),
        (None, None) => {}
    }
    if parts.is_empty() {
        "Filters: none".to_owned()
    } else {
        format!("Filters: {}", parts.join("; "))
    }
}

/// "Made with Claimline from “A” (curated by X; CC0) and “B” (…)": every file whose events
/// are in the picture, each with its own curator and licence; all open files when none is.
pub fn credits(ds: &Dataset, events: &[usize]) -> String {
    let mut files = ds.contributing_files(events);
    if files.is_empty() {
        files = ds.files.iter().collect();
    }
    let each: Vec<String> = files.iter().map(|f| f.credit()).collect();
    let each = if each.is_empty() {
        // A dataset built in memory, with no file behind it.
        vec![format!(
            "“{}” (curated by {}; {})",
            ds.info.title, ds.info.curator, ds.info.licence
        )]
    } else {
        each
    };
    format!("Made with Claimline from {}.", each.join(" and "))
}

/// The caption's lines: what it shows, the filters, the sources of `claims` (the claims the
/// picture shows, as (event, claim) positions), and the files `events` came from.
pub fn caption(
    ds: &Dataset,
    index: &Index,
    f: &FilterState,
    what: &str,
    events: &[usize],
    claims: &[(usize, usize)],
) -> Vec<String> {
    let outlets = outlets(ds, index, claims);
    let sources = if outlets.is_empty() {
        "Sources: none (no claims shown)".to_owned()
    } else if outlets.len() > MAX_OUTLETS {
        format!(
            "Sources: {}; and {} more",
            outlets[..MAX_OUTLETS].join("; "),
            outlets.len() - MAX_OUTLETS
        )
    } else {
        format!("Sources: {}", outlets.join("; "))
    };
    vec![
        format!("{} — {what}", ds.info.title),
        filters_line(ds, index, f),
        sources,
        credits(ds, events),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;
    use crate::query::{Catalog, Query};

    #[test]
    fn a_selected_events_caption_names_its_outlets_and_filters() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let e = cat
            .index
            .event_index(&cat.dataset, "2022-09-14-ceasefire")
            .unwrap();
        let f = FilterState {
            actors: ["csto".to_owned()].into(),
            ..Default::default()
        };
        let claims = claims_of(&cat.dataset, &[e]);
        let lines = caption(&cat.dataset, &cat.index, &f, "claim panels", &[e], &claims);
        assert!(
            lines[0].starts_with("September 2022 Armenia–Azerbaijan border clashes — claim panels")
        );
        assert_eq!(lines[1], "Filters: actor: CSTO secretariat");
        let outlets = outlets(&cat.dataset, &cat.index, &claims);
        assert!(!outlets.is_empty());
        for o in outlets.iter().take(MAX_OUTLETS) {
            assert!(
                lines[2].contains(o.as_str()),
                "{o} missing from {}",
                lines[2]
            );
        }
    }

    #[test]
    fn without_a_selection_the_events_in_view_count() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let all = Query::run(&cat.index, &FilterState::default()).events;
        assert_eq!(shown_events(&cat.index, &all, None, None), all);
        // A range before any event shows none, and then no sources.
        let none = shown_events(&cat.index, &all, None, Some((0.0, 1.0)));
        assert!(none.is_empty());
        let lines = caption(
            &cat.dataset,
            &cat.index,
            &FilterState::default(),
            "timeline",
            &none,
            &[],
        );
        assert_eq!(lines[1], "Filters: none");
        assert!(lines[2].contains("none"));
    }
}
