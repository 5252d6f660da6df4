//! What a snapshot of a load keeps (see `load::cache`): the catalog, sorted and indexed, and
//! the diagnostics, so that re-opening unchanged files shows the same data and the same
//! warnings and notes without parsing, checking or indexing them again.
//!
//! The dataset is written field by field because it is not a file format of its own: the
//! file each event came from is not part of an event as a file writes it. It is written in
//! parts (the rest of the dataset, the events in two halves, the index) so that reading it
//! back decodes them on several threads at once: decoding is most of the time a re-open takes.

use serde::{Deserialize, Serialize};

use crate::load::Diagnostic;
use crate::load::cache::{Cache, Encoded, Key, decode, encode};
use crate::model::{
    Actor, Dataset, DatasetInfo, Event, FileInfo, Party, Place, Source, Tour, prose,
};
use crate::query::{Catalog, Index};

/// A file of the set, with its offset in seconds east of UTC.
type FileHeld = (String, i32, DatasetInfo);

/// Everything but the events and the index.
#[derive(Serialize, Deserialize)]
struct Head {
    info: DatasetInfo,
    files: Vec<FileHeld>,
    parties: Vec<Party>,
    actors: Vec<Actor>,
    places: Vec<Place>,
    sources: Vec<Source>,
    /// Each event's file, by event.
    event_files: Vec<u32>,
    tours: Vec<Tour>,
    /// Each tour's file, by tour.
    tour_files: Vec<u32>,
    diagnostics: Vec<Diagnostic>,
    /// The pieces the events' texts use, which the events' parts number their texts by
    /// (see `model::prose`).
    pieces: Vec<Box<str>>,
}

/// How many parts the events are written in.
const EVENT_PARTS: usize = 2;

/// Encodes a catalog and its diagnostics as the snapshot for `key`.
pub fn encode_catalog(key: &Key, catalog: &Catalog, diagnostics: &[Diagnostic]) -> Option<Encoded> {
    let d = &catalog.dataset;
    // The pieces the texts use go in the head, and the events' parts number their texts by
    // their place there.
    let texts = (d.events.iter())
        .flat_map(|e| std::iter::once(&e.summary).chain(e.claims.iter().map(|c| &c.text)));
    let (pieces, places) = prose::pieces_used(texts);
    let head = Head {
        info: d.info.clone(),
        files: (d.files.iter())
            .map(|f| {
                (
                    f.name.clone(),
                    f.utc_offset.local_minus_utc(),
                    f.info.clone(),
                )
            })
            .collect(),
        parties: d.parties.clone(),
        actors: d.actors.clone(),
        places: d.places.clone(),
        sources: d.sources.clone(),
        event_files: d.events.iter().map(|e| e.file).collect(),
        tours: d.tours.clone(),
        tour_files: d.tours.iter().map(|t| t.file as u32).collect(),
        diagnostics: diagnostics.to_vec(),
        pieces,
    };
    let mut parts = vec![encode(&head)?];
    let half = d.events.len().div_ceil(EVENT_PARTS).max(1);
    let mut chunks = d.events.chunks(half);
    for _ in 0..EVENT_PARTS {
        let chunk = chunks.next().unwrap_or_default();
        parts.push(prose::write_numbered(&places, || encode(&chunk))?);
    }
    parts.push(encode(&catalog.index)?);
    Encoded::of_parts(key, &parts)
}

/// The catalog and diagnostics kept for `key`, if the cache holds them.
pub fn read_catalog(cache: &Cache, key: &Key) -> Option<(Catalog, Vec<Diagnostic>)> {
    let (head, events, index) = cache
        .read_parts(key, |parts| {
            let [head, events @ .., index] = parts else {
                return None;
            };
            if events.len() != EVENT_PARTS {
                return None;
            }
            std::thread::scope(|s| {
                let index = s.spawn(|| decode::<Index>(index));
                // The head first: it holds the pieces the events' texts are numbered by.
                let mut head = decode::<Head>(head)?;
                let numbers = prose::numbers_of(&std::mem::take(&mut head.pieces));
                let halves: Vec<_> = (events.iter())
                    .map(|part| {
                        let numbers = numbers.clone();
                        s.spawn(move || {
                            prose::read_numbered(&numbers, || decode::<Vec<Event>>(part))
                        })
                    })
                    .collect();
                let mut events = Vec::new();
                for half in halves {
                    events.extend(half.join().ok()??);
                }
                Some((head, events, index.join().ok()??))
            })
        })
        .flatten()?;
    if head.event_files.len() != events.len() || head.tour_files.len() != head.tours.len() {
        return None;
    }
    let mut files = Vec::with_capacity(head.files.len());
    for (name, offset, info) in head.files {
        let utc_offset = chrono::FixedOffset::east_opt(offset)?;
        files.push(FileInfo {
            name,
            utc_offset,
            info,
        });
    }
    let mut events = events;
    for (e, file) in events.iter_mut().zip(head.event_files) {
        e.file = file;
    }
    let mut tours = head.tours;
    for (t, file) in tours.iter_mut().zip(head.tour_files) {
        t.file = file as usize;
    }
    let dataset = Dataset {
        info: head.info,
        files,
        parties: head.parties,
        actors: head.actors,
        places: head.places,
        sources: head.sources,
        events,
        tours,
    };
    Some((Catalog { dataset, index }, head.diagnostics))
}
