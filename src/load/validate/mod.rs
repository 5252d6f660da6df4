//! Checks parsed files against each other and against the rules of `data/SCHEMA.md`, collecting
//! every problem rather than stopping at the first, then merges them into one [`Dataset`].
//!
//! The entry here runs three passes over the files and hands each item to the checker of its
//! kind (one file per kind: header, parties and actors, places, sources, events and claims,
//! tours); what they share, and the small checks they all use, is in `ctx`.

mod ctx;
mod events;
mod figures;
mod header;
mod on_cores;
mod parties;
mod places;
mod same_place;
mod shared;
mod sources;
mod tours;

use crate::model::IdRef;
use std::collections::{HashMap, HashSet};

use chrono::FixedOffset;

use super::locate::{LineCol, Path, value_positions};
use super::positions::Positions;
use super::{Diagnostic, Shared, SourceText, Step};
use crate::model::{Dataset, DatasetFile, FileInfo, TourFile};
use ctx::{Ctx, Kind, Problem};

/// Validates every file, then merges them; returns no dataset when there is nothing to merge,
/// and what files share.
/// `tables` holds, per file, where an importer found each value (none: walk the RON text).
/// `observe` hears how many events have been checked as it goes; when it returns false (the
/// user cancelled), checking stops there with nothing found.
pub(super) fn validate_and_merge(
    parsed: Vec<(&SourceText, DatasetFile)>,
    tables: &[Option<Positions>],
    observe: &mut dyn FnMut(Step) -> bool,
) -> (Option<Dataset>, Vec<Diagnostic>, Vec<Shared>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    validate_on(threads, parsed, tables, observe)
}

/// [`validate_and_merge`] on up to `threads` threads.
fn validate_on(
    threads: usize,
    parsed: Vec<(&SourceText, DatasetFile)>,
    tables: &[Option<Positions>],
    observe: &mut dyn FnMut(Step) -> bool,
) -> (Option<Dataset>, Vec<Diagnostic>, Vec<Shared>) {
    let files = parsed.as_slice();
    let mut cx = Ctx::default();
    let (events, claims) = (files.iter().flat_map(|(_, file)| &file.events))
        .fold((0, 0), |(e, c), event| (e + 1, c + event.claims.len()));
    cx.reserve(events, claims);
    let root = Path::root();
    let mut offsets = Vec::new();
    let mut repeats = Vec::new();

    // Passes 1 and 2 go through every event: how far they are is told as they go.
    let mut checked = Checked {
        done: 0,
        of: 2 * files
            .iter()
            .map(|(_, file)| file.events.len())
            .sum::<usize>(),
        observe,
    };

    // Pass 1: headers and definitions, so that references may point into any file.
    for f in 0..files.len() {
        let tours_only = TourFile::is_named(&files[f].0.name);
        offsets.push(header::check_header(
            &mut cx,
            (f, &files[f].1, tours_only),
            &root,
        ));
        if !define_ids(&mut cx, &mut repeats, files, f, &mut checked) {
            return (None, Vec::new(), Vec::new());
        }
    }

    // Places of two files that are one place, read as the first's from here on.
    let ranks = canonical_ranks(files);
    let aliases = same_place::join_places(&mut cx, files, &ranks);

    // Pass 2: every field and reference.
    for (f, (_, file)) in files.iter().enumerate() {
        if !check_items(&mut cx, (f, file), offsets[f], threads, &mut checked) {
            return (None, Vec::new(), Vec::new());
        }
    }

    // Pass 3: facts about the whole set.
    for (f, (_, file)) in files.iter().enumerate() {
        let offset = offsets[f];
        let mut tour_ids = HashSet::new();
        for (i, t) in file.tours.iter().enumerate() {
            let tp = root.field("tours").index(i);
            tours::check_tour(&mut cx, f, &tp, t, offset, &mut tour_ids);
        }
        for (i, p) in file.parties.iter().enumerate() {
            let pp = root.field("parties").index(i);
            parties::check_party_has_actor(&mut cx, f, &pp, p);
        }
        for (i, s) in file.sources.iter().enumerate() {
            let sp = root.field("sources").index(i);
            sources::check_source_cited(&mut cx, f, &sp, s);
        }
    }
    let every_party = files.iter().enumerate().flat_map(|(f, (_, file))| {
        let pp = root.field("parties");
        file.parties
            .iter()
            .enumerate()
            .map(move |(i, p)| (f, pp.index(i), p))
    });
    parties::check_colours_differ(&mut cx, every_party.clone());
    parties::check_party_count(&mut cx, &in_party_order(files, every_party));

    warn_without_events(&mut cx, files);

    let shared = shared::by_pair_of_files(files, &ranks, &repeats);
    let diagnostics = locate_problems(files, tables, cx.problems);
    (merge(parsed, offsets, &aliases), diagnostics, shared)
}

/// Files without events (gazetteers) load alone, so that a curator can check one, but show
/// nothing on the timeline or the map: say why, rather than leave the window blank.
fn warn_without_events(cx: &mut Ctx, files: &[(&SourceText, DatasetFile)]) {
    if files.is_empty() || files.iter().any(|(_, f)| !f.events.is_empty()) {
        return;
    }
    if files.iter().any(|(src, _)| TourFile::is_named(&src.name)) {
        cx.warning(
            0,
            Path::root(),
            "no events in the files opened: a tour file walks through the events of the \
             datasets opened with it; open it with them",
        );
        return;
    }
    let what = match files {
        [(src, _)] => format!(
            "{} holds only parties, actors, places and sources for the dataset files opened \
             with it; open it with one",
            src.name
        ),
        _ => "they hold only parties, actors, places and sources for the dataset files \
              opened with them; open them with one"
            .to_owned(),
    };
    cx.warning(
        0,
        Path::root(),
        format!("no events in the files opened: {what} to see events on the timeline and the map"),
    );
}

/// Registers every id the file defines, in the order they are written; false if the
/// observer said to stop.
fn define_ids<'a>(
    cx: &mut Ctx<'a>,
    repeats: &mut Vec<shared::Repeat<'a>>,
    files: &'a [(&SourceText, DatasetFile)],
    f: usize,
    checked: &mut Checked,
) -> bool {
    // The four kinds files may share; events are apart because each holds its claims' ids.
    let (parties, actors) = ((f, Kind::Party), (f, Kind::Actor));
    shared::define_list(cx, repeats, files, parties, |d| &d.parties, |x| &x.id);
    shared::define_list(cx, repeats, files, actors, |d| &d.actors, |x| &x.id);
    let (places, sources) = ((f, Kind::Place), (f, Kind::Source));
    shared::define_list(cx, repeats, files, places, |d| &d.places, |x| &x.id);
    shared::define_list(cx, repeats, files, sources, |d| &d.sources, |x| &x.id);
    let file = &files[f].1;
    for (i, e) in file.events.iter().enumerate() {
        cx.define(Kind::Event, f, [i, 0], &e.id);
        for (j, c) in e.claims.iter().enumerate() {
            cx.define(Kind::Claim, f, [i, j], &c.id);
        }
        if !checked.one_more() {
            return false;
        }
    }
    true
}

/// How far checking is (each event counts once a pass), told to whoever is waiting for it.
struct Checked<'o> {
    done: usize,
    of: usize,
    observe: &'o mut dyn FnMut(Step) -> bool,
}

impl Checked<'_> {
    /// Counts one event gone through; tells the observer every few thousand (often enough for a
    /// progress bar on a file of millions, rarely enough to cost nothing), and returns false
    /// when it says to stop.
    fn one_more(&mut self) -> bool {
        self.done += 1;
        !self.done.is_multiple_of(Self::EVERY) || self.report(self.done)
    }

    /// How many events between reports.
    const EVERY: usize = 4096;

    /// Tells the observer that `done` events are gone through; false when it says to stop.
    fn report(&mut self, done: usize) -> bool {
        self.done = done;
        (self.observe)(Step::Checked { done, of: self.of })
    }
}

/// Every field and reference of the file's parties, actors, places, sources and events;
/// false if the observer said to stop.
fn check_items<'a>(
    cx: &mut Ctx<'a>,
    (f, file): (usize, &'a DatasetFile),
    offset: FixedOffset,
    threads: usize,
    checked: &mut Checked,
) -> bool {
    let root = &Path::root();
    for (i, p) in file.parties.iter().enumerate() {
        parties::check_party(cx, f, &root.field("parties").index(i), p);
    }
    for (i, a) in file.actors.iter().enumerate() {
        parties::check_actor(cx, f, &root.field("actors").index(i), a);
    }
    for (i, p) in file.places.iter().enumerate() {
        places::check_place(cx, f, &root.field("places").index(i), p);
    }
    for (i, s) in file.sources.iter().enumerate() {
        sources::check_source(cx, f, &root.field("sources").index(i), s, offset);
    }
    if !on_cores::check_events(cx, f, &file.events, offset, threads, checked) {
        return false;
    }
    header::check_columns(cx, f, root, file);
    true
}

/// Turns paths into lines and columns, walking each file's text only if it has problems.
fn locate_problems(
    files: &[(&SourceText, DatasetFile)],
    tables: &[Option<Positions>],
    problems: Vec<Problem>,
) -> Vec<Diagnostic> {
    let mut positions: HashMap<usize, HashMap<String, LineCol>> = HashMap::new();
    let mut find = |file: usize, path: &Path| -> Option<LineCol> {
        if let Some(Some(imported)) = tables.get(file) {
            return imported.find(path);
        }
        let table = positions
            .entry(file)
            .or_insert_with(|| value_positions(&files[file].0.text));
        // A value that is absent (a defaulted field) is reported at its nearest enclosing value.
        let mut p = *path;
        loop {
            if let Some(at) = table.get(&p.to_string()) {
                return Some(*at);
            }
            p = p.parent()?;
        }
    };
    let mut out: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| {
            let at = find(p.file, &p.path);
            let mut message = p.message;
            let mut position = |ff: usize, fp: &Path| {
                let name = &files[ff].0.name;
                match find(ff, fp) {
                    Some(a) => format!("{name}:{}:{}", a.line, a.col),
                    None => name.clone(),
                }
            };
            if let Some((ff, fp)) = p.first {
                message.push_str(&format!(" (first defined at {})", position(ff, &fp)));
            }
            if let Some(d) = p.differs {
                let [(fa, pa), (fb, pb)] = d.at;
                let (a, b) = (position(fa, &pa), position(fb, &pb));
                message.push_str(&format!(" {a} and {b}: {}", d.detail));
            }
            if let Some(t) = p.taken_as {
                let (ff, fp, rest) = *t;
                message.push_str(&format!(" ({}){rest}", position(ff, &fp)));
            }
            Diagnostic {
                file: files[p.file].0.name.clone(),
                at,
                severity: p.severity,
                message,
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.file, a.at).cmp(&(&b.file, b.at)));
    out
}

/// Moves the files' contents into one dataset: no copies, as a large file's events are most of
/// the memory the app uses. The files are taken in the canonical order, so the dataset is the
/// same whatever order they were opened in; `files` keeps that order (the status bar names
/// them so), and each event the index of its file there.
///
/// `aliases` are places taken as another file's (see `same_place`): they are left out, and
/// every reference to them points to the place kept.
fn merge(
    files: Vec<(&SourceText, DatasetFile)>,
    offsets: Vec<FixedOffset>,
    aliases: &HashMap<String, String>,
) -> Option<Dataset> {
    let order = canonical_order(&files);
    // A file with no events (a gazetteer of places and actors) names the whole only alone.
    let named_by = *order
        .iter()
        .find(|&&f| !files[f].1.events.is_empty())
        .or(order.first())?;
    let mut ds = Dataset {
        info: files[named_by].1.dataset.clone(),
        files: files
            .iter()
            .zip(offsets)
            .map(|((src, file), utc_offset)| FileInfo {
                name: src.name.clone(),
                utc_offset,
                info: file.dataset.clone(),
            })
            .collect(),
        parties: Vec::new(),
        actors: Vec::new(),
        places: Vec::new(),
        sources: Vec::new(),
        events: Vec::new(),
        tours: Vec::new(),
    };
    ds.info.columns = merged_columns(&files);
    let place_in_file = places_in_files(&files);
    let mut slots: Vec<Option<DatasetFile>> = files.into_iter().map(|(_, f)| Some(f)).collect();
    // An id several files define (alike, or validation would have failed) is kept once.
    let mut kept: [HashSet<String>; 4] = Default::default();
    let [parties, actors, places, sources] = &mut kept;
    places.extend(aliases.keys().cloned());
    // A party one file names only by its id is kept as the file that defines it fully has it.
    let full_parties: HashMap<String, crate::model::Party> = (slots.iter().flatten())
        .flat_map(|f| &f.parties)
        .filter(|p| !p.is_named_by_id_only())
        .map(|p| (p.id.clone(), p.clone()))
        .collect();
    for f in order {
        let Some(file) = slots[f].take() else {
            continue;
        };
        let tours = file
            .tours
            .into_iter()
            .map(|t| crate::model::Tour { file: f, ..t });
        ds.tours.extend(tours);
        let file_parties = file
            .parties
            .into_iter()
            .map(|p| match full_parties.get(&p.id) {
                Some(full) if p.is_named_by_id_only() => full.clone(),
                _ => p,
            });
        extend_once(&mut ds.parties, file_parties.collect(), parties, |x| &x.id);
        extend_once(&mut ds.actors, file.actors, actors, |x| &x.id);
        extend_once(&mut ds.places, file.places, places, |x| &x.id);
        extend_once(&mut ds.sources, file.sources, sources, |x| &x.id);
        let mut events = file.events;
        for e in &mut events {
            e.file = f as u32;
            if !aliases.is_empty() {
                read_places_as_kept(e, aliases);
            }
        }
        // The first file's events are kept where they are: moving millions takes a while.
        if ds.events.is_empty() {
            ds.events = events;
        } else {
            ds.events.extend(events);
        }
    }
    order_parties(&mut ds, &place_in_file);
    Some(ds)
}

/// Points the event's and its claims' places taken as another file's at the place kept,
/// each place once.
fn read_places_as_kept(e: &mut crate::model::Event, aliases: &HashMap<String, String>) {
    let rename = |places: &[IdRef]| -> Vec<IdRef> {
        let mut seen = HashSet::new();
        places
            .iter()
            .map(|p| {
                aliases
                    .get(p.as_str())
                    .map_or_else(|| p.clone(), IdRef::from)
            })
            .filter(|p| seen.insert(p.clone()))
            .collect()
    };
    e.places = rename(&e.places).into();
    for c in &mut e.claims {
        if !c.more.places.is_empty() {
            c.more.edit().places = rename(&c.more.places).into();
        }
    }
}

/// Appends the items whose ids are not in `kept` yet.
fn extend_once<T>(
    into: &mut Vec<T>,
    items: Vec<T>,
    kept: &mut HashSet<String>,
    id: fn(&T) -> &str,
) {
    for item in items {
        if kept.insert(id(&item).to_owned()) {
            into.push(item);
        }
    }
}

/// The files in their canonical order, by title and then name: what decides which file names
/// the whole, whose columns count, and where each item stands, so that the order they were
/// opened in changes nothing.
fn canonical_order(files: &[(&SourceText, DatasetFile)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&f| (files[f].1.dataset.title.as_str(), files[f].0.name.as_str()));
    order
}

/// Each file's place in [`canonical_order`].
fn canonical_ranks(files: &[(&SourceText, DatasetFile)]) -> Vec<usize> {
    let mut rank = vec![0; files.len()];
    for (r, f) in canonical_order(files).into_iter().enumerate() {
        rank[f] = r;
    }
    rank
}

/// The columns of the merged dataset: those of the first file, in the canonical order, that
/// names any.
fn merged_columns(files: &[(&SourceText, DatasetFile)]) -> Option<Vec<String>> {
    canonical_order(files)
        .into_iter()
        .find_map(|f| files[f].1.dataset.columns.clone())
}

/// The party order, which decides lanes, colours and default columns: the columns' parties
/// first, in the columns' order, then every other party by its place in its own file and its
/// id. It depends on what the files say, never on the order they were opened in.
fn order_parties(ds: &mut Dataset, place_in_file: &HashMap<String, usize>) {
    let columns = ds.info.columns.clone().unwrap_or_default();
    ds.parties
        .sort_by_cached_key(|p| party_rank(&columns, place_in_file, &p.id));
}

/// Where each party stands in its own file (its first in the canonical order, if several
/// define it), for an order that ignores the order the files were opened in.
fn places_in_files(files: &[(&SourceText, DatasetFile)]) -> HashMap<String, usize> {
    let mut place_in_file = HashMap::new();
    for f in canonical_order(files) {
        for (i, p) in files[f].1.parties.iter().enumerate() {
            place_in_file.entry(p.id.clone()).or_insert(i);
        }
    }
    place_in_file
}

/// A party's key in the party order of [`order_parties`].
fn party_rank(
    columns: &[String],
    place_in_file: &HashMap<String, usize>,
    id: &str,
) -> (usize, usize, String) {
    let column = columns.iter().position(|c| c == id).unwrap_or(usize::MAX);
    let place = place_in_file.get(id).copied().unwrap_or(usize::MAX);
    (column, place, id.to_owned())
}

/// The parties as the merged dataset will order them, each id once (where first defined),
/// before the files are merged: so that a check can say which party ends up where.
fn in_party_order<'a>(
    files: &[(&SourceText, DatasetFile)],
    parties: impl Iterator<Item = (usize, Path, &'a crate::model::Party)>,
) -> Vec<(usize, Path, &'a str)> {
    let columns = merged_columns(files).unwrap_or_default();
    let place_in_file = places_in_files(files);
    let mut seen = HashSet::new();
    let mut ordered: Vec<(usize, Path, &str)> = parties
        .filter(|(_, _, p)| seen.insert(p.id.as_str()))
        .map(|(f, pp, p)| (f, pp, p.id.as_str()))
        .collect();
    ordered.sort_by_cached_key(|(_, _, id)| party_rank(&columns, &place_in_file, id));
    ordered
}
