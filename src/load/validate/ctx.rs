//! What the checkers share while they walk the files: the problems found so far, where each
//! id is defined, what the whole set has seen (cited sources, parties with actors), and the
//! small checks every kind of item uses (required text, length, neutral wording, ids defined
//! and referred to, times).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::FixedOffset;

use crate::load::Severity;
use crate::load::locate::Path;
use crate::load::suggest;
use crate::model::When;
use crate::model::length::{self, MAX_ID_CHARS, MAX_TEXT_CHARS};
use crate::model::wording::loaded_words_outside_quotes;

/// A problem found before positions are known: which file, which value.
pub(super) struct Problem {
    pub(super) file: usize,
    pub(super) path: Path,
    pub(super) severity: Severity,
    pub(super) message: String,
    /// For duplicates: where the id was first defined.
    pub(super) first: Option<(usize, Path)>,
    /// For an id defined differently in two files: both definitions, named in the message
    /// (which is then `message` + " A and B: " + `detail`).
    pub(super) differs: Option<Box<Differs>>,
    /// For a place taken as another file's: where that one is defined, named in the message
    /// (which is then `message` + " (A)" + the text here).
    pub(super) taken_as: Option<Box<(usize, Path, String)>>,
    /// For an unknown id found on another thread: its kind and the id, for the "did you mean"
    /// added to the message when the finding is taken in (see [`Ctx::adopt`]).
    suggest: Option<Box<(Kind, String)>>,
}

impl Problem {
    fn new(file: usize, path: Path, severity: Severity, message: String) -> Problem {
        Problem {
            file,
            path,
            severity,
            message,
            first: None,
            differs: None,
            taken_as: None,
            suggest: None,
        }
    }
}

/// Two definitions of one id that do not match, and how they differ.
pub(super) struct Differs {
    pub(super) at: [(usize, Path); 2],
    pub(super) detail: String,
}

#[derive(Default)]
pub(super) struct Ctx<'a> {
    pub(super) problems: Vec<Problem>,
    /// What "did you mean" may still spend, on ids and districts alike.
    pub(super) suggestion_budget: suggest::Budget,
    /// Per kind, the defined ids ready for "did you mean": made at the first unknown id.
    known: [Option<suggest::Known<'a>>; KINDS],
    /// id → where it is defined, one table per kind; shared with the threads that check a
    /// large file's events once every id is defined.
    ids: Arc<Ids<'a>>,
    /// Set on a thread checking some of a file's events: an unknown id's "did you mean" is
    /// left to the Ctx that takes in what it found.
    suggest_later: bool,
    /// Where a later file defines an id an earlier one does too, so that a second definition
    /// within that later file is still a duplicate.
    again: HashMap<(Kind, &'a str, usize), Path>,
    pub(super) cited_sources: HashSet<&'a str>,
    pub(super) party_has_actor: HashSet<&'a str>,
    /// Each file's format version, in file order.
    pub(super) formats: Vec<u32>,
}

/// id → where it is defined, one table per kind.
#[derive(Default, Clone)]
struct Ids<'a> {
    parties: HashMap<&'a str, Defined>,
    actors: HashMap<&'a str, Defined>,
    places: HashMap<&'a str, Defined>,
    sources: HashMap<&'a str, Defined>,
    events: HashMap<&'a str, Defined>,
    claims: HashMap<&'a str, Defined>,
}

impl<'a> Ids<'a> {
    fn table(&self, kind: Kind) -> &HashMap<&'a str, Defined> {
        match kind {
            Kind::Party => &self.parties,
            Kind::Actor => &self.actors,
            Kind::Place => &self.places,
            Kind::Source => &self.sources,
            Kind::Event => &self.events,
            Kind::Claim => &self.claims,
        }
    }

    fn table_mut(&mut self, kind: Kind) -> &mut HashMap<&'a str, Defined> {
        match kind {
            Kind::Party => &mut self.parties,
            Kind::Actor => &mut self.actors,
            Kind::Place => &mut self.places,
            Kind::Source => &mut self.sources,
            Kind::Event => &mut self.events,
            Kind::Claim => &mut self.claims,
        }
    }
}

/// Where an id is defined, in twelve bytes: its file and its place in its list (for a claim,
/// its event's and its own). A file of two million events defines seven million claim ids, and
/// a full [`Path`] for each (two hundred bytes) took gigabytes, and seconds each time the
/// table grew.
#[derive(Clone, Copy)]
pub(super) struct Defined {
    file: u32,
    at: [u32; 2],
}

impl Defined {
    /// The file and the path of the id.
    fn place(self, kind: Kind) -> (usize, Path) {
        (
            self.file as usize,
            kind.id_path(self.at.map(|i| i as usize)),
        )
    }
}

impl<'a> Ctx<'a> {
    /// Makes room in the id tables for the events and claims of every file, so that they do
    /// not grow (rehashing millions of entries) as a large file is checked.
    pub(super) fn reserve(&mut self, events: usize, claims: usize) {
        self.ids_mut().events.reserve(events);
        self.ids_mut().claims.reserve(claims);
    }

    /// The id tables, to define ids in. Ids are defined before any thread shares the tables
    /// and after every one has ended, so this never copies them.
    fn ids_mut(&mut self) -> &mut Ids<'a> {
        Arc::make_mut(&mut self.ids)
    }

    /// A Ctx for checking some of a file's events on another thread, once every id is defined:
    /// it reads the id tables (shared, not copied) and leaves "did you mean" to [`Ctx::adopt`].
    pub(super) fn for_another_thread(&self) -> Ctx<'a> {
        Ctx {
            ids: Arc::clone(&self.ids),
            formats: self.formats.clone(),
            suggest_later: true,
            ..Ctx::default()
        }
    }

    /// Takes in what a Ctx of [`Ctx::for_another_thread`] found, after what this one has found:
    /// taken in run by run in file order, the problems and their suggestions (which share one
    /// budget) are those one thread would have found, whatever the number of threads.
    pub(super) fn adopt(&mut self, other: Ctx<'a>) {
        for mut problem in other.problems {
            if let Some(pending) = problem.suggest.take()
                && let Some(nearest) = self.nearest(pending.0, &pending.1)
            {
                problem.message.push_str(&did_you_mean(nearest));
            }
            self.problems.push(problem);
        }
        self.cited_sources.extend(other.cited_sources);
        self.party_has_actor.extend(other.party_has_actor);
    }

    /// A field (or a phrase naming a use) new in format 2 met in file `file`: an error in a format-1 file, which an older
    /// Claimline would refuse whole, so the curator says which format they write.
    pub(super) fn format_2(&mut self, file: usize, path: Path, field: &str) {
        if self.formats.get(file).is_some_and(|&v| v < 2) {
            self.error(
                file,
                path,
                format!(
                    "{} is new in format 2: write `format: 2` at the top of the file \
                     (`claimline migrate` rewrites a format-1 file as format 2)",
                    // A field by its name; a phrase ("a figure with no number") as it is.
                    if field.contains(' ') {
                        field.to_owned()
                    } else {
                        format!("`{field}`")
                    }
                ),
            );
        }
    }

    pub(super) fn error(&mut self, file: usize, path: Path, message: impl Into<String>) {
        self.problems
            .push(Problem::new(file, path, Severity::Error, message.into()));
    }

    pub(super) fn warning(&mut self, file: usize, path: Path, message: impl Into<String>) {
        self.problems
            .push(Problem::new(file, path, Severity::Warning, message.into()));
    }

    pub(super) fn note(&mut self, file: usize, path: Path, message: impl Into<String>) {
        self.problems
            .push(Problem::new(file, path, Severity::Note, message.into()));
    }

    // The checks below take the path as a closure: they run on every field of every event
    // and claim, and the path is needed only when something is wrong.

    /// A required text: an error when empty, a warning when longer than the window shows.
    pub(super) fn non_empty(
        &mut self,
        file: usize,
        path: impl FnOnce() -> Path,
        value: &str,
        what: &str,
    ) {
        if value.trim().is_empty() {
            self.error(file, path(), format!("{what} is empty"));
        } else {
            self.not_too_long(file, path, value, what);
        }
    }

    /// Warns about text longer than the window shows (it shows the start, cut).
    pub(super) fn not_too_long(
        &mut self,
        file: usize,
        path: impl FnOnce() -> Path,
        value: &str,
        what: &str,
    ) {
        if let Some(n) = length::over(value, MAX_TEXT_CHARS) {
            let max = length::thousands(MAX_TEXT_CHARS);
            self.warning(
                file,
                path(),
                format!(
                    "{what} has {} characters, more than {max}: the window shows only the first {max}",
                    length::thousands(n)
                ),
            );
        }
    }

    /// Warns about loaded words in the curator's own voice (outside quotation marks).
    pub(super) fn neutral(
        &mut self,
        file: usize,
        path: impl FnOnce() -> Path,
        text: &str,
        what: &str,
    ) {
        let words = loaded_words_outside_quotes(text);
        if !words.is_empty() {
            self.warning(
                file,
                path(),
                format!("{what} uses {} outside quotation marks: quote the actor who said it, or use neutral words", words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ")),
            );
        }
    }

    pub(super) fn non_empty_opt(
        &mut self,
        file: usize,
        path: impl FnOnce() -> Path,
        value: &Option<impl AsRef<str>>,
        what: &str,
    ) {
        if let Some(v) = value {
            let v = v.as_ref();
            self.non_empty(file, path, v, what);
        }
    }

    /// Registers an id, reporting a bad one and a duplicate: twice in one file, or in two files
    /// for events and claims. An id that an earlier file defines too, in a kind files may
    /// share, is left to the caller, who gets that file and the path of its definition to
    /// compare the two.
    /// Registers `id`, of `kind`, as defined in file `file` at `at` (see [`Kind::id_path`]).
    /// When an earlier file defines it too and ids of that kind may be shared, returns where.
    pub(super) fn define(
        &mut self,
        kind: Kind,
        file: usize,
        at: [usize; 2],
        id: &'a str,
    ) -> Option<(usize, Path)> {
        let path = kind.id_path(at);
        if id.is_empty() {
            self.error(file, path, format!("{} id is empty", kind.name()));
            return None;
        }
        if let Some(n) = length::over(id, MAX_ID_CHARS) {
            self.warning(
                file,
                path,
                format!(
                    "{} id has {} characters, more than {MAX_ID_CHARS}: shorten it",
                    kind.name(),
                    length::thousands(n)
                ),
            );
        }
        if let Some(bad) = id
            .chars()
            .find(|c| !(c.is_alphanumeric() || "-_.:/".contains(*c)))
        {
            self.error(
                file,
                path,
                format!(
                    "{} id \"{id}\" contains {bad:?}: use letters, digits and - _ . : / only",
                    kind.name()
                ),
            );
        }
        let Some(first) = self.ids.table(kind).get(id).copied() else {
            let defined = Defined {
                file: file as u32,
                at: at.map(|i| i as u32),
            };
            self.ids_mut().table_mut(kind).insert(id, defined);
            return None;
        };
        let (first_file, first_path) = first.place(kind);
        if !kind.shareable() || first_file == file {
            self.duplicate(kind, file, path, id, (first_file, first_path));
            return None;
        }
        if let Some(&earlier) = self.again.get(&(kind, id, file)) {
            self.duplicate(kind, file, path, id, (file, earlier));
            return None;
        }
        self.again.insert((kind, id, file), path);
        Some((first_file, first_path))
    }

    fn duplicate(&mut self, kind: Kind, file: usize, path: Path, id: &str, first: (usize, Path)) {
        let message = format!("duplicate {} id \"{id}\"", kind.name());
        self.problems.push(Problem {
            first: Some(first),
            ..Problem::new(file, path, Severity::Error, message)
        });
    }

    /// An id that two files define differently: an error at each definition, saying how they
    /// differ.
    pub(super) fn defined_differently(
        &mut self,
        kind: Kind,
        id: &str,
        at: [(usize, Path); 2],
        detail: String,
    ) {
        for (file, path) in at {
            let message = format!("{} \"{id}\" is defined differently in", kind.name());
            self.problems.push(Problem {
                differs: Some(Box::new(Differs {
                    at,
                    detail: detail.clone(),
                })),
                ..Problem::new(file, path, Severity::Error, message)
            });
        }
    }

    /// A warning that the place at `path` is taken as the one at `kept`: `message`, then
    /// where that one is, then `rest`.
    pub(super) fn taken_as(
        &mut self,
        file: usize,
        path: Path,
        message: String,
        kept: (usize, Path),
        rest: String,
    ) {
        self.problems.push(Problem {
            taken_as: Some(Box::new((kept.0, kept.1, rest))),
            ..Problem::new(file, path, Severity::Warning, message)
        });
    }

    /// Reports a reference to an id that no file defines, with a suggestion.
    pub(super) fn refer(&mut self, kind: Kind, file: usize, path: impl FnOnce() -> Path, id: &str) {
        if self.suggest_later {
            if !self.ids.table(kind).contains_key(id) {
                let problem = Problem::new(file, path(), Severity::Error, unknown_id(kind, id));
                self.problems.push(Problem {
                    suggest: Some(Box::new((kind, id.to_owned()))),
                    ..problem
                });
            }
        } else if let Some(message) = self.unknown(kind, id) {
            self.error(file, path(), message);
        }
    }

    /// "unknown party "x" (did you mean "y"?)" when no file defines `id`, else nothing.
    pub(super) fn unknown(&mut self, kind: Kind, id: &str) -> Option<String> {
        if self.ids.table(kind).contains_key(id) {
            return None;
        }
        let mut message = unknown_id(kind, id);
        if let Some(nearest) = self.nearest(kind, id) {
            message.push_str(&did_you_mean(nearest));
        }
        Some(message)
    }

    /// The defined id of `kind` nearest to `id`, while "did you mean" has budget left.
    fn nearest(&mut self, kind: Kind, id: &str) -> Option<&'a str> {
        let k = kind as usize;
        if self.known[k].is_none() {
            let ids = self.ids.table(kind).keys().copied();
            self.known[k] = Some(suggest::Known::new(ids));
        }
        self.known[k]
            .as_ref()?
            .nearest(id, &mut self.suggestion_budget)
    }

    pub(super) fn when(
        &mut self,
        file: usize,
        path: impl FnOnce() -> Path,
        when: &When,
        offset: FixedOffset,
    ) {
        let span = when.span(offset);
        if span.is_ok() && when.open().is_none() {
            return;
        }
        let path = path();
        if when.open().is_some() {
            self.format_2(file, path.field("open"), "open");
            if when.has_end() {
                self.error(
                    file,
                    path.field("open"),
                    "a time with only a bound (`open`) has no `end`: give one or the other",
                );
            }
        }
        let Err(e) = span else {
            return;
        };
        // Which field is at fault: the start on its own, or else the end.
        let start_only = when.without_end();
        match start_only.span(offset) {
            Err(e) => self.error(file, path.field("at"), e.to_string()),
            Ok(_) => self.error(file, path.field("end"), e.to_string()),
        }
    }
}

/// The start of what is said of an unknown id: "unknown party "x"".
fn unknown_id(kind: Kind, id: &str) -> String {
    format!("unknown {} \"{id}\"", kind.name())
}

/// What follows it when a defined id is near: " (did you mean "y"?)".
fn did_you_mean(nearest: &str) -> String {
    format!(" (did you mean \"{nearest}\"?)")
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    Party,
    Actor,
    Place,
    Source,
    Event,
    Claim,
}

impl Kind {
    /// Whether several files may define the same id, identically, as one item: what a
    /// gazetteer of places, actors, parties and sources is for. Events and claims are each
    /// told once.
    pub(super) fn shareable(self) -> bool {
        matches!(self, Kind::Party | Kind::Actor | Kind::Place | Kind::Source)
    }

    /// Where the id of item `at[0]` of a file's list of this kind is written; for a claim,
    /// of claim `at[1]` of event `at[0]`.
    pub(super) fn id_path(self, [item, claim]: [usize; 2]) -> Path {
        let list = match self {
            Kind::Party => "parties",
            Kind::Actor => "actors",
            Kind::Place => "places",
            Kind::Source => "sources",
            Kind::Event | Kind::Claim => "events",
        };
        let path = Path::root().field(list).index(item);
        match self {
            Kind::Claim => path.field("claims").index(claim).field("id"),
            _ => path.field("id"),
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Party => "party",
            Kind::Actor => "actor",
            Kind::Place => "place",
            Kind::Source => "source",
            Kind::Event => "event",
            Kind::Claim => "claim",
        }
    }
}

/// How many kinds of id there are.
const KINDS: usize = 6;
