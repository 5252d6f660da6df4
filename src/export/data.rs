//! The filtered events and claims as data: CSV with one row per claim (for spreadsheets and
//! scripts), and RON in the dataset format (a subset that opens again in Claimline and checks
//! clean: only the actors, places and sources it uses, disputes only between claims it keeps).

use crate::model::IdRef;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::model::wording::{actor_by_id, districts_by_scheme, figure_text, side_label};
use crate::model::{
    Actor, Dataset, DatasetFile, DatasetInfo, Event, FORMAT_VERSION, FileInfo, Source, When,
};
use crate::query::Index;

/// The columns, in order. Columns added later come last, though `party` belongs beside `side`,
/// the figures' parts beside `figures` and the `source_` columns beside `sources`, so that
/// scripts reading the earlier columns by position still read the same ones. Each `figure_*`
/// column lists one part of every figure in the `figures` order, joined by " | " like
/// `figures` (an empty part where a figure has none), so a figure's parts line up across
/// columns; the `source_` columns do the same for the cited sources. `districts` reads places by their
/// default `district`; `districts_by_scheme` gives the event's districts under each `admin`
/// scheme the data names ("de jure: North Fen; de facto: Marrow Reach"), empty without any.
pub const CSV_HEADER: [&str; 35] = [
    "event_id",
    "event_title",
    "event_when",
    "event_kind",
    "places",
    "districts",
    "claim_id",
    "actor_id",
    "actor",
    "side",
    "said",
    "claim_kind",
    "quote",
    "text",
    "figures",
    "sources",
    "disputes",
    "dataset",
    "party",
    "figure_what",
    "figure_who",
    "figure_of",
    "figure_low",
    "figure_best",
    "figure_high",
    "figure_unit",
    "figure_as_of",
    "source_via",
    "source_published",
    "source_note",
    "claims_time",
    "districts_by_scheme",
    "joint_actors",
    "also_about",
    "claim_places",
];

/// One row per claim of `events`, with a header row.
pub fn to_csv(ds: &Dataset, index: &Index, events: &[usize]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for &ei in events {
        let e = &ds.events[ei];
        // Each row credits the file it came from: merged files have their own curators.
        let dataset = ds
            .files
            .get(e.file as usize)
            .map_or_else(String::new, FileInfo::credit);

        let places: Vec<&str> = e
            .places
            .iter()
            .filter_map(|p| index.place_index(p))
            .map(|p| ds.places[p].name.as_str())
            .collect();
        let districts: Vec<&str> = index.events[ei]
            .districts()
            .iter()
            .map(|&d| index.districts[d as usize].name.as_str())
            .collect();
        let by_scheme = districts_by_scheme(ds, index, e, &index.schemes);
        for c in &e.claims {
            // A joint statement names each of its actors, their sides and parties, "; "
            // between them, in the order the statement lists them.
            let actors: Vec<Option<&Actor>> = c
                .actor_ids()
                .iter()
                .map(|id| actor_by_id(ds, index, id))
                .collect();
            let actor_names = actors
                .iter()
                .map(|a| a.map_or("", |a| a.name.as_str()))
                .collect::<Vec<_>>()
                .join("; ");
            let mut sides: Vec<String> = Vec::new();
            for id in c.actor_ids() {
                let side = side_label(ds, index.side_of_actor(id));
                if !sides.contains(&side) {
                    sides.push(side);
                }
            }
            // The party each actor speaks for, as written: empty for a third party.
            let party = actors
                .iter()
                .map(|a| a.and_then(|a| a.party.as_deref()).unwrap_or(""))
                .collect::<Vec<_>>()
                .join("; ");
            let claim_places: Vec<&str> = c
                .more
                .places
                .iter()
                .filter_map(|p| index.place_index(p))
                .map(|p| ds.places[p].name.as_str())
                .collect();
            let figures: Vec<String> = c
                .figures
                .iter()
                .map(|f| figure_text(ds, index, f))
                .collect();
            let cited: Vec<&Source> = c
                .sources
                .iter()
                .filter_map(|cit| index.source_index(&cit.source))
                .map(|s| &ds.sources[s])
                .collect();
            let sources: Vec<String> = cited
                .iter()
                .map(|s| {
                    [Some(s.outlet.as_str()), s.date.as_deref(), s.url.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect();
            let via = parts(&cited, |s| s.via.join("; "));
            let published = parts(&cited, |s| {
                s.published.as_ref().map_or_else(String::new, |p| {
                    p.describe(ds.offset_of(e), ds.display_zone())
                })
            });
            let note = parts(&cited, |s| s.note.clone().unwrap_or_default());
            let row: [&str; CSV_HEADER.len()] = [
                &*e.id,
                &*e.title,
                &ds.when_text(&e.when, e),
                &format!("{:?}", e.kind),
                &places.join("; "),
                &districts.join("; "),
                &*c.id,
                &c.actor_ids().join("; "),
                &actor_names,
                &sides.join("; "),
                &ds.when_text(&c.said, e),
                &format!("{:?}", c.kind),
                if c.quote { "yes" } else { "no" },
                &c.text.read(),
                &figures.join(" | "),
                &sources.join(" | "),
                &c.disputes.join(" "),
                &dataset,
                &party,
                &parts(&c.figures, |f| format!("{:?}", f.measure)),
                &parts(&c.figures, |f| format!("{:?}", f.people)),
                &parts(&c.figures, |f| f.parties().join(" ")),
                &parts(&c.figures, |f| number(f.more.low)),
                &parts(&c.figures, |f| number(f.best())),
                &parts(&c.figures, |f| number(f.more.high)),
                &parts(&c.figures, |f| {
                    f.more.unit.as_deref().unwrap_or_default().to_owned()
                }),
                &parts(&c.figures, |f| {
                    f.more.as_of.as_deref().unwrap_or_default().to_owned()
                }),
                &via,
                &published,
                &note,
                &c.more
                    .claims_time
                    .as_ref()
                    .map(|t| ds.when_text(t, e))
                    .unwrap_or_default(),
                &by_scheme,
                &c.more.actors.join("; "),
                &c.more.also_about.join("; "),
                &claim_places.join("; "),
            ];
            w.write_record(row.map(formula_safe).iter().map(|c| c.as_bytes()))?;
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

fn number(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// One part of each item (a claim's figures, its cited sources), in their order and joined as
/// the `figures` and `sources` columns are (" | "), so the n-th part of each column belongs to
/// the same item; empty when no item gives the part.
fn parts<T>(items: &[T], part: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(part).collect();
    if parts.iter().all(String::is_empty) {
        String::new()
    } else {
        parts.join(" | ")
    }
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+1`, `-1`, `@SUM`, or
/// one of those behind a tab or carriage return) gets a leading `'`, which spreadsheets
/// read as "this is text": dataset files come from anyone, and the CSV is opened by others.
fn formula_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The events as a dataset file of their own, with what they refer to and nothing more.
pub fn subset(ds: &Dataset, events: &[usize], note: &str) -> DatasetFile {
    let kept: Vec<&Event> = events.iter().map(|&e| &ds.events[e]).collect();
    let offset = (!ds.files.is_empty()).then(|| ds.display_zone());
    let head = header(ds, events, note, offset);
    let claim_ids: HashSet<&str> = kept
        .iter()
        .flat_map(|e| &e.claims)
        .map(|c| &*c.id)
        .collect();
    let mut actors = HashSet::new();
    let mut places = HashSet::new();
    // Each kept source, with the offset of the file of the first kept event citing it: the
    // source's own file but for a source cited across files (sources keep no file).
    let mut sources: HashMap<&str, Option<chrono::FixedOffset>> = HashMap::new();
    for e in &kept {
        places.extend(e.places.iter().map(IdRef::as_str));
        let file_offset = ds.files.get(e.file as usize).map(|f| f.utc_offset);
        for c in &e.claims {
            actors.extend(c.actor_ids().iter().map(|id| id.as_str()));
            places.extend(c.more.places.iter().map(IdRef::as_str));
            actors.extend(
                c.figures
                    .iter()
                    .filter_map(|f| f.more.counted_by.as_deref()),
            );
            for cit in &c.sources {
                sources.entry(cit.source.as_str()).or_insert(file_offset);
            }
        }
    }
    let event_ids: HashSet<&str> = kept.iter().map(|e| &*e.id).collect();
    let events: Vec<Event> = kept
        .iter()
        .map(|e| {
            let mut e = (*e).clone();
            for c in &mut e.claims {
                c.disputes = ids_kept(&c.disputes, |d| claim_ids.contains(d));
                if !c.more.also_about.is_empty() {
                    c.more.edit().also_about =
                        ids_kept(&c.more.also_about, |a| event_ids.contains(a));
                    c.more.tidy();
                }
            }
            // A clock time read in another file's offset keeps that offset, written out.
            if let Some(file) = ds.files.get(e.file as usize)
                && Some(file.utc_offset) != offset
            {
                pin_offset(&mut e.when, file.utc_offset);
                for c in &mut e.claims {
                    pin_offset(&mut c.said, file.utc_offset);
                }
            }
            e
        })
        .collect();
    // Tours keep the steps whose events are kept; a tour with none left is dropped.
    let tours = ds
        .tours
        .iter()
        .map(|t| {
            let mut t = t.clone();
            t.steps.retain(|s| event_ids.contains(s.event.as_str()));
            t
        })
        .filter(|t| !t.steps.is_empty())
        .collect();
    DatasetFile {
        format: FORMAT_VERSION,
        dataset: head,
        parties: ds.parties.clone(),
        actors: ds
            .actors
            .iter()
            .filter(|a| actors.contains(a.id.as_str()))
            .cloned()
            .collect(),
        places: ds
            .places
            .iter()
            .filter(|p| places.contains(p.id.as_str()))
            .cloned()
            .collect(),
        sources: ds
            .sources
            .iter()
            .filter_map(|s| {
                let file_offset = sources.get(s.id.as_str())?;
                let mut s = s.clone();
                // A publication time read in another file's offset keeps it, written out.
                if let (Some(p), Some(file_offset)) = (&mut s.published, *file_offset)
                    && Some(file_offset) != offset
                {
                    for t in [&mut p.at, &mut p.after, &mut p.before]
                        .into_iter()
                        .flatten()
                    {
                        pin_text(t, file_offset);
                    }
                }
                Some(s)
            })
            .collect(),
        events,
        tours,
    }
}

/// The subset's header: one file's own, or, for events from several merged files, each file
/// named with its curator and licence, so no claim is credited to another file's curator.
fn header(
    ds: &Dataset,
    events: &[usize],
    note: &str,
    offset: Option<chrono::FixedOffset>,
) -> DatasetInfo {
    let files = ds.contributing_files(events);
    let utc_offset = offset.map(|o| o.to_string());
    if let [one] = files.as_slice() {
        return DatasetInfo {
            title: format!("{} (filtered)", one.info.title),
            description: format!(
                "{} This file holds part of it: {note}",
                one.info.description
            ),
            utc_offset,
            ..one.info.clone()
        };
    }
    let mut curators: Vec<&str> = Vec::new();
    let mut licences: Vec<&str> = Vec::new();
    for f in &files {
        if !curators.contains(&f.info.curator.as_str()) {
            curators.push(&f.info.curator);
        }
        if !licences.contains(&f.info.licence.as_str()) {
            licences.push(&f.info.licence);
        }
    }
    let licence = if licences.len() <= 1 {
        licences.concat()
    } else {
        let each: Vec<String> = files
            .iter()
            .map(|f| format!("“{}”: {}", f.info.title, f.info.licence))
            .collect();
        each.join("; ")
    };
    let titles: Vec<&str> = files.iter().map(|f| f.info.title.as_str()).collect();
    let credits: Vec<String> = files.iter().map(|f| f.credit()).collect();
    let notes: Vec<String> = files
        .iter()
        .filter_map(|f| {
            f.info
                .notes
                .as_ref()
                .map(|n| format!("“{}”: {n}", f.info.title))
        })
        .collect();
    DatasetInfo {
        title: if titles.is_empty() {
            format!("{} (filtered)", ds.info.title)
        } else {
            format!("{} (filtered)", titles.join(" + "))
        },
        description: format!(
            "Events merged from {}. This file holds part of them: {note}",
            credits.join(" and ")
        ),
        curator: curators.join("; "),
        licence,
        notes: (!notes.is_empty()).then(|| notes.join(" ")),
        utc_offset,
        columns: ds.info.columns.clone(),
        focus: None,
    }
}

/// The ids of `ids` that `keep` accepts, in their order.
fn ids_kept(ids: &[String], keep: impl Fn(&str) -> bool) -> crate::model::ThinVec<String> {
    ids.iter().filter(|id| keep(id)).cloned().collect()
}

/// Writes `offset` into a clock time that has none, so it reads the same in a file with
/// another default offset. Dates stay as written: the format gives them no offset.
fn pin_offset(when: &mut When, offset: chrono::FixedOffset) {
    let mut at = when.at().into_owned();
    pin_text(&mut at, offset);
    let end = when.end().map(|end| {
        let mut text = end.into_owned();
        pin_text(&mut text, offset);
        text
    });
    *when = when.rewritten(&at, end.as_deref());
}

/// A clock time written without an offset gets `offset` written out; a date needs none.
fn pin_text(t: &mut String, offset: chrono::FixedOffset) {
    let clock = t.split_once('T').map(|(_, c)| c);
    if clock.is_some_and(|c| !c.contains(['+', '-', 'Z'])) {
        t.push_str(&offset.to_string());
    }
}

/// The subset as RON text, headed by a comment saying what it is.
pub fn to_ron(file: &DatasetFile) -> Result<String, ron::Error> {
    to_ron_headed(file, "A subset exported by Claimline")
}

/// A dataset file as RON text, headed by `// {what}. Format: data/SCHEMA.md.`.
pub fn to_ron_headed(file: &DatasetFile, what: &str) -> Result<String, ron::Error> {
    let body =
        ron::ser::to_string_pretty(file, ron::ser::PrettyConfig::default().struct_names(false))?;
    Ok(format!(
        "// {what}. Format: data/SCHEMA.md.\n#![enable(implicit_some)]\n{body}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceText, load_bundled, load_texts};
    use crate::query::{Catalog, FilterState, Query};

    fn filtered() -> (Catalog, Vec<usize>) {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let f = FilterState {
            districts: ["Syunik".to_owned()].into(),
            ..Default::default()
        };
        let events = Query::run(&cat.index, &f).events;
        (cat, events)
    }

    #[test]
    fn csv_has_one_row_per_claim_and_reads_back() {
        let (cat, events) = filtered();
        let bytes = to_csv(&cat.dataset, &cat.index, &events).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let claims: usize = events
            .iter()
            .map(|&e| cat.dataset.events[e].claims.len())
            .sum();
        assert_eq!(rows.len(), claims);
        // Quotes, commas and new lines in texts survive.
        let first = &cat.dataset.events[events[0]].claims[0];
        assert_eq!(&rows[0][13], &*first.text.read());
        assert!(
            rows.iter().all(|r| !r[15].is_empty()),
            "every claim has a source"
        );
    }

    #[test]
    fn the_ron_subset_loads_and_checks_clean() {
        let (cat, events) = filtered();
        let file = subset(&cat.dataset, &events, "Filters: district: Syunik");
        let text = to_ron(&file).unwrap();
        let out = load_texts(&[SourceText {
            name: "subset.ron".into(),
            text,
        }]);
        let errors: Vec<String> = out
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let warnings: Vec<String> = out.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            !warnings.iter().any(|w| w.contains("not cited")),
            "only cited sources are kept: {warnings:#?}"
        );
        let ds = out.dataset.unwrap();
        assert_eq!(ds.events.len(), events.len());
        assert!(ds.actors.len() < cat.dataset.actors.len());
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted() {
        let mut ds = load_bundled().dataset.unwrap();
        ds.events[0].title = "=HYPERLINK(\"http://evil.example/\",\"click\")".into();
        let texts = [
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "Northland said -3",
        ];
        // The first claims in file order, one row each in the same order.
        let claims = ds.events.iter_mut().flat_map(|e| e.claims.iter_mut());
        for (c, text) in claims.zip(texts) {
            c.text = text.into();
        }
        let cat = Catalog::new(ds);
        let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
        let bytes = to_csv(&cat.dataset, &cat.index, &all).unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        // Rows come in time order, not file order: each cell is found by what it holds.
        let titles: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
        assert!(
            titles.contains(&"'=HYPERLINK(\"http://evil.example/\",\"click\")"),
            "{titles:?}"
        );
        let cells: Vec<&str> = rows.iter().map(|r| &r[13]).collect();
        for text in texts {
            let want = if text.starts_with("Northland") {
                text.to_string()
            } else {
                format!("'{text}")
            };
            assert!(cells.contains(&want.as_str()), "{want:?} not in {cells:?}");
        }
    }
}
