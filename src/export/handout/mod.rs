//! Handouts: a tour, or the events the filters select, as a printed document (PDF) a class
//! or a brief can keep. `content` says what the document holds (the same words as the
//! window), `set` lays it on pages (`wrap` breaks lines, measured by `typeface`), `pdf`
//! writes it with krilla. Nothing here knows the window: the caller gives the colours.

pub mod content;
pub mod page;
pub mod pdf;
pub mod set;
pub mod typeface;
pub mod wrap;

pub use page::{Pages, Paper};
pub use set::Inks;

use crate::export::caption;
use crate::model::Tour;
use crate::model::wording::plural;
use crate::query::Catalog;
use content::{StepOf, Walk};

/// The most events a filtered handout holds: a section each, a page or more for many, so a
/// larger selection is refused with a word on narrowing the filters.
pub const MAX_EVENTS: usize = 400;

/// What the handout says about itself, whatever it walks through.
const NEUTRAL: &str = "Each claim is given as the named actor made it, with its source. The \
                       parties' claims are set side by side, each in the same layout; this \
                       document does not say which of them are true.";

/// The handout of `t` (a tour of the open files, or one being edited), set on pages.
/// `columns` are the viewer's parties for steps that name none.
pub fn tour_pages(
    cat: &Catalog,
    t: &Tour,
    columns: Option<&[String]>,
    paper: Paper,
    inks: &Inks,
) -> Pages {
    let ds = &cat.dataset;
    let zone = ds.display_zone();
    let steps: Vec<StepOf> = t
        .steps
        .iter()
        .map(|s| StepOf {
            event: cat.index.event_index(ds, &s.event),
            event_id: &s.event,
            caption: s.caption.as_deref(),
            range: s.zoom.as_ref().and_then(|z| z.span(zone).ok()),
            columns: s.columns.as_deref(),
        })
        .collect();
    let events: Vec<usize> = steps.iter().filter_map(|s| s.event).collect();
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let walk = Walk {
        title: t.title.clone(),
        about: vec![
            format!(
                "A tour of {} through “{}”.",
                plural(steps.len(), "step"),
                ds.info.title
            ),
            NEUTRAL.to_owned(),
            caption::credits(ds, &events),
        ],
        steps,
        shown: &all,
        columns,
        noun: "Step",
    };
    set_on_pages(cat, &walk, paper, inks)
}

/// The handout of `events` (the filtered ones, in time order), set on pages; `filters`
/// names the filters that chose them.
pub fn events_pages(
    cat: &Catalog,
    events: &[usize],
    filters: &str,
    columns: Option<&[String]>,
    paper: Paper,
    inks: &Inks,
) -> Result<Pages, String> {
    if events.is_empty() {
        return Err("no events are selected by the filters".to_owned());
    }
    if events.len() > MAX_EVENTS {
        return Err(format!(
            "the filters select {} events: a handout holds at most {MAX_EVENTS} (a section \
             each); narrow the filters first",
            events.len()
        ));
    }
    let ds = &cat.dataset;
    let walk = Walk {
        title: format!("Events of “{}”", ds.info.title),
        about: vec![
            format!(
                "{}, in time order. {filters}.",
                plural(events.len(), "event")
            ),
            NEUTRAL.to_owned(),
            caption::credits(ds, events),
        ],
        steps: events
            .iter()
            .map(|&e| StepOf {
                event: Some(e),
                event_id: &ds.events[e].id,
                caption: None,
                range: None,
                columns: None,
            })
            .collect(),
        shown: events,
        columns,
        noun: "Event",
    };
    Ok(set_on_pages(cat, &walk, paper, inks))
}

fn set_on_pages(cat: &Catalog, walk: &Walk, paper: Paper, inks: &Inks) -> Pages {
    let handout = content::handout(cat, walk);
    set::set(&handout, paper, &typeface::Typefaces::new(), inks)
}

/// The PDF of a set handout.
pub fn to_pdf(pages: &Pages) -> Result<Vec<u8>, String> {
    pdf::write(pages, &typeface::Typefaces::new(), "en")
}
