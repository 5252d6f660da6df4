//! The dataset as curators write it: plain serde types mirroring `data/SCHEMA.md`, one file's
//! worth in [`DatasetFile`], and the merged, validated whole in [`Dataset`].
//!
//! Ids are strings chosen by the curator; every cross-reference (claim → actor, event → place,
//! claim → source, claim → disputed claim) is by id and checked by `load::validate`.
//!
//! The vocabulary every later stage speaks lives here too: which side a speaker stands on
//! ([`Side`], [`Voices`]) and the words the screen, captions and CSV share ([`wording`]).

mod claim_file;
mod claim_more;
mod figure;
mod figure_file;
mod id_ref;
pub mod length;
pub mod link;
pub mod list;
mod more;
pub mod omit;
pub mod prose;
mod rare_text;
mod side;
mod source;
mod stamp;
mod time;
pub mod wording;

pub use claim_more::ClaimMore;
pub use figure::{Bound, Figure, FigureMore, Measure, People, Stated};
pub use id_ref::{IdRef, Interning};
pub use more::More;
pub use prose::Prose;
pub use rare_text::RareText;
pub use side::{MAX_PARTIES, Side, Voices};
pub use source::{Published, PublishedError, PublishedRange};

/// At most this many claim columns side by side: more would be too narrow to read.
pub const MAX_COLUMNS: usize = 4;
pub use time::{
    Granularity, Open, PartOfDay, Precision, TimeError, TimeSpan, When, format_seconds,
    parse_instant, parse_offset, zone_name,
};

use serde::{Deserialize, Serialize};

pub use list::ThinVec;

/// The newest version of the file format: what this build writes. Format 2 is a superset of
/// format 1, so every format-1 file still reads; a field new in format 2 needs `format: 2`.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest version of the file format this build reads.
pub const OLDEST_FORMAT: u32 = 1;

/// One `.ron` file as written on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetFile {
    pub format: u32,
    pub dataset: DatasetInfo,
    #[serde(default)]
    pub parties: Vec<Party>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Guided walks through the events, for presenting.
    #[serde(default, skip_serializing_if = "omit::empty")]
    pub tours: Vec<Tour>,
}

/// A `.tour.ron` file: tours on their own, kept apart from the datasets whose events they walk
/// through (by id), so that a teacher's tour never changes a dataset file. It opens beside
/// them and is checked with them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourFile {
    pub format: u32,
    /// UTC offset ("+04:00") for the steps' zooms written without one. Default "+00:00".
    #[serde(default, skip_serializing_if = "omit::none")]
    pub utc_offset: Option<String>,
    pub tours: Vec<Tour>,
}

impl TourFile {
    /// The name ending that makes a file a tour file.
    pub const ENDING: &str = ".tour.ron";

    /// Whether a file of this name is a tour file.
    pub fn is_named(name: &str) -> bool {
        name.to_lowercase().ends_with(Self::ENDING)
    }

    /// The tours as a dataset file holding nothing else, to be checked and merged with the
    /// datasets opened beside them.
    pub fn into_dataset_file(self) -> DatasetFile {
        DatasetFile {
            format: self.format,
            dataset: DatasetInfo {
                utc_offset: self.utc_offset,
                ..DatasetInfo::default()
            },
            parties: Vec::new(),
            actors: Vec::new(),
            places: Vec::new(),
            sources: Vec::new(),
            events: Vec::new(),
            tours: self.tours,
        }
    }
}

/// A named, ordered walk through events: what a teacher steps through in presenter mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// Index into [`Dataset::files`] of the file this tour came from (set when merging): a
    /// tour file's tour is saved back there when edited.
    #[serde(skip)]
    pub file: usize,
    pub id: String,
    pub title: String,
    pub steps: Vec<TourStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    /// The event shown at this step.
    pub event: String,
    /// The presenter's words for this step, shown above the claim columns.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub caption: Option<String>,
    /// The stretch of time the timeline shows: dates or times as in `When.at`.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub zoom: Option<TimeRange>,
    /// The parties shown as claim columns at this step, by id (2 to 4), so a class compares
    /// the parties the step is about; otherwise the viewer's own columns.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub columns: Option<Vec<String>>,
}

/// A stretch of time written as two dates or times (as in `When.at`): from the start of
/// `from` to the end of `to`, so `(from: "2022-09-12", to: "2022-09-14")` is three days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    pub from: String,
    pub to: String,
}

impl TimeRange {
    /// The range in UTC seconds, reading times without an offset at `offset`.
    pub fn span(&self, offset: chrono::FixedOffset) -> Result<(i64, i64), TimeError> {
        let from = When::span_as_written(&self.from, offset)?;
        let to = When::span_as_written(&self.to, offset)?;
        Ok((from.start, to.end))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    pub title: String,
    pub description: String,
    pub curator: String,
    /// Licence of the curated text, or a note on its terms.
    pub licence: String,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub notes: Option<String>,
    /// UTC offset ("+04:00") for dates and times written without one. Default "+00:00".
    #[serde(default, skip_serializing_if = "omit::none")]
    pub utc_offset: Option<String>,
    /// The parties (ids) shown side by side in the claim panels, two to four, in that order.
    /// Without it, the first two parties. When files are merged, the first that names columns
    /// wins, and these parties come first in the party order.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub columns: Option<Vec<String>>,
    /// The stretch of time the story happens in: what a first view of the dataset shows
    /// (format 2). Without it, the stretch that holds most of the events.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub focus: Option<TimeRange>,
}

/// A party to the conflict: a side whose statements are contrasted, with its own lane, column
/// (when chosen), colour and marker shape. Parties keep the order the data declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub id: String,
    pub name: String,
    /// "Armenian", used in headings such as "Armenian side".
    #[serde(default, skip_serializing_if = "omit::none")]
    pub adjective: Option<String>,
    /// "#rrggbb"; the viewer picks a neutral, colour-blind-safe default when absent.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub colour: Option<String>,
    /// The side it stands on with other parties (the de facto authorities and a government on
    /// one side, say), so a view can show one column per side.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub side: Option<String>,
}

impl Party {
    /// A party that says nothing but its id (its name is the id; no adjective, colour or
    /// side), as a claims sheet defines the parties its rows name. Opened beside a file that
    /// defines the same id fully, it is that party.
    pub fn is_named_by_id_only(&self) -> bool {
        self.name == self.id
            && self.adjective.is_none()
            && self.colour.is_none()
            && self.side.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActorKind {
    Government,
    Military,
    Official,
    Legislature,
    Diplomat,
    InternationalOrganisation,
    Media,
    Ngo,
    Expert,
    Other,
}

/// Someone who makes claims: a ministry, a person, an organisation, an outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// What the actor is, in a few words: "defence ministry", "prime minister".
    pub role: String,
    /// The party the actor speaks for; none for third parties.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub party: Option<String>,
    pub kind: ActorKind,
    /// For grouping third parties: "Russia", "United States", "CSTO", "European Union".
    #[serde(default, skip_serializing_if = "omit::none")]
    pub affiliation: Option<String>,
}

/// Another name of a place, as used in some statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherName {
    pub name: String,
    /// Language code ("az", "hy", "ru") when the name belongs to one language.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "omit::empty")]
    pub other_names: Vec<OtherName>,
    /// The province or district the place lies in; what the district filter uses.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub district: Option<String>,
    pub country: String,
    /// The place under each named administration ("de jure", "de facto") where they differ:
    /// `district` and `country` stay the place's default reading (what the map, the district
    /// lanes and the CSV `districts` column use); the district filter can follow one scheme,
    /// and a place without an entry for that scheme keeps its default there. Format 2.
    #[serde(default, skip_serializing_if = "omit::empty")]
    pub admin: Vec<Admin>,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub lon: Option<f64>,
    /// Where the coordinates come from ("GeoNames", a page address).
    #[serde(default, skip_serializing_if = "omit::none")]
    pub coords_source: Option<String>,
    /// The curator's acknowledgement that the point falls outside the named district's
    /// polygon on the map (its boundaries are coarse), which silences `check`'s warning.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub boundary_note: Option<String>,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub note: Option<String>,
}

/// Which country and district a place is in under one named administration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Admin {
    /// The administration this entry reads the place under: "de jure", "de facto".
    pub scheme: String,
    pub country: String,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub district: Option<String>,
}

impl Place {
    /// Whether two places go by one name: the same name, or one's name among the other's
    /// other names, letter case aside. Half of what makes two files' places one place.
    pub fn shares_name_with(&self, other: &Place) -> bool {
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        let named = |p: &Place, name: &str| {
            same(&p.name, name) || p.other_names.iter().any(|o| same(&o.name, name))
        };
        named(self, &other.name) || named(other, &self.name)
    }

    /// The place's point, when it has both coordinates and they are in range.
    pub fn point(&self) -> Option<crate::geo::LonLat> {
        let (lat, lon) = (self.lat?, self.lon?);
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(crate::geo::LonLat { lon, lat })
    }

    /// The place's district under `scheme` (`None`: the default reading): its `admin` entry
    /// for that scheme, or the default `district` where it has none.
    pub fn district_by(&self, scheme: Option<&str>) -> Option<&str> {
        match scheme.and_then(|s| self.admin.iter().find(|a| a.scheme == s)) {
            Some(a) => a.district.as_deref(),
            None => self.district.as_deref(),
        }
    }
}

/// A published text that claims are taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The outlet as cited: the one whose page was read, "Harbour Post"; in format 1 with
    /// any wire agency, "Lantern Wire via Harbour Post" (format 2 writes that in `via`).
    pub outlet: String,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub title: Option<String>,
    /// Publication date: "2022-09-13", "2022-09" or "2022"; absent when the page shows none.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub url: Option<String>,
    /// Language code of the text: "en", "ru", "fr".
    pub language: String,
    /// (Format 2.) The channels the outlet relays, from the outlet outwards to the original:
    /// `outlet: "Harbour Post", via: ["Lantern Wire", "Vale Ministry channel"]` is Harbour
    /// Post quoting Lantern Wire quoting the ministry's channel. Names only: a relay whose
    /// page was read is a source of its own, with its own `url`.
    #[serde(default, skip_serializing_if = "omit::empty")]
    pub via: Vec<String>,
    /// (Format 2.) When it was published, to the minute or only bounded; richer than `date`,
    /// and shown instead of it when given.
    #[serde(default, skip_serializing_if = "omit::none")]
    pub published: Option<Published>,
    /// (Format 2.) The curator's note on the source: "stored copy; the original page is gone".
    #[serde(default, skip_serializing_if = "omit::none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    Shelling,
    DroneStrike,
    ArmedClash,
    CasualtyReport,
    Ceasefire,
    Diplomatic,
    Humanitarian,
    Mission,
    Statement,
    Report,
    Background,
}

/// Something that happened, with every claim made about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Index into [`Dataset::files`] of the file this event came from (set when merging).
    #[serde(skip)]
    pub file: u32,
    pub id: Box<str>,
    pub title: Box<str>,
    pub when: When,
    pub kind: EventKind,
    #[serde(default)]
    pub places: Box<[IdRef]>,
    /// Held as [`Prose`]: read it with `read()`.
    pub summary: Prose,
    #[serde(default)]
    pub claims: Box<[Claim]>,
    /// Actors (by id) a record codes as taking part, who made no claim about the event: an
    /// ACLED row's actors that a party map names (format 2). The actor and side filters find
    /// the event under them; they are never a voice (no lane, no column, not contested).
    #[serde(
        default,
        deserialize_with = "list::read_shrunk",
        skip_serializing_if = "omit::empty"
    )]
    pub involves: ThinVec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClaimKind {
    Accusation,
    Denial,
    CasualtyReport,
    Appeal,
    Offer,
    Assessment,
    Announcement,
    Condemnation,
    Support,
    Report,
    Statement,
}

/// What was said, by whom, when, and where it is written. In a file, the fields of
/// [`ClaimMore`] stand among these (see `claim_file`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "claim_file::ClaimInFile")]
pub struct Claim {
    pub id: Box<str>,
    /// Who made the claim. Empty when `more.actors` names a joint statement's actors instead.
    pub actor: IdRef,
    /// When the claim was made (not when the event happened).
    pub said: When,
    pub kind: ClaimKind,
    /// The claim in English. Quoted words keep their quotation marks. Held as [`Prose`]: read
    /// it with `read()`.
    pub text: Prose,
    /// True when `text` as a whole is the actor's own words.
    pub quote: bool,
    pub figures: ThinVec<Figure>,
    pub sources: Box<[Citation]>,
    /// Claims this one contradicts.
    pub disputes: ThinVec<String>,
    /// What most claims leave out: joint actors, the time it gives the event, the original
    /// text, other events it is about, places it names, the curator's note.
    pub more: More<ClaimMore>,
}

impl Claim {
    /// Every actor who made the claim: the one `actor`, or a joint statement's `actors`.
    pub fn actor_ids(&self) -> &[IdRef] {
        if self.more.actors.is_empty() {
            std::slice::from_ref(&self.actor)
        } else {
            &self.more.actors
        }
    }

    /// The text as shown to a reader: a direct quote in quotation marks, and cut when it is
    /// too long to lay out (see [`length::shown`]).
    pub fn shown_text(&self) -> String {
        let full = self.text.read();
        let text = length::shown(&full);
        if self.quote {
            format!("“{text}”")
        } else {
            text.into_owned()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OriginalText {
    pub text: String,
    pub lang: String,
}

/// A pointer into a source: which one, and where in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: IdRef,
    #[serde(default, skip_serializing_if = "omit::none")]
    pub at: Option<RareText>,
}

/// Several validated files merged into one: what every later stage reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The header of the first file.
    pub info: DatasetInfo,
    /// The files merged, in order.
    pub files: Vec<FileInfo>,
    pub parties: Vec<Party>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    /// Every file's tours, in file order.
    pub tours: Vec<Tour>,
}

/// Where part of a merged dataset came from.
#[derive(Debug, Clone, PartialEq)]
pub struct FileInfo {
    pub name: String,
    /// That file's offset for times written without one.
    pub utc_offset: chrono::FixedOffset,
    /// That file's own header: who curated what it adds, under which licence.
    pub info: DatasetInfo,
}

impl Dataset {
    /// The focus the dataset declares, in UTC seconds: that of the file that names the
    /// whole, else of the first file that declares one, read at its own offset.
    pub fn focus(&self) -> Option<(i64, i64)> {
        let naming = self.files.iter().filter(|f| f.info == self.info);
        let others = self.files.iter().filter(|f| f.info != self.info);
        naming
            .chain(others)
            .find_map(|f| f.info.focus.as_ref()?.span(f.utc_offset).ok())
    }
}

impl FileInfo {
    /// "“Title” (curated by X; licence)": how a picture or a file credits this one.
    pub fn credit(&self) -> String {
        format!(
            "“{}” (curated by {}; {})",
            self.info.title, self.info.curator, self.info.licence
        )
    }
}

impl Dataset {
    /// The parties shown side by side in the claim panels: the header's `columns` (two to
    /// four known parties, in that order), or else the first two parties.
    pub fn column_sides(&self) -> Vec<Side> {
        self.columns_chosen(None)
    }

    /// The claim columns for a choice of party ids (the user's), when it names two to four
    /// parties of this dataset; else the dataset's own ([`Dataset::column_sides`]).
    pub fn columns_chosen(&self, chosen: Option<&[String]>) -> Vec<Side> {
        let resolve = |ids: &[String]| -> Vec<Side> {
            let mut out: Vec<Side> = Vec::new();
            for id in ids {
                match self.parties.iter().position(|p| &p.id == id) {
                    Some(i) if i < MAX_PARTIES && !out.contains(&Side::party(i)) => {
                        out.push(Side::party(i));
                    }
                    _ => {}
                }
            }
            out.truncate(MAX_COLUMNS);
            out
        };
        for ids in [chosen, self.info.columns.as_deref()].into_iter().flatten() {
            let sides = resolve(ids);
            if sides.len() >= 2 {
                return sides;
            }
        }
        (0..self.parties.len().min(2).min(MAX_PARTIES))
            .map(Side::party)
            .collect()
    }

    /// The offset in which an event's (and its claims') times without an offset are read.
    pub fn offset_of(&self, event: &Event) -> chrono::FixedOffset {
        self.files
            .get(event.file as usize)
            .map_or_else(utc, |f| f.utc_offset)
    }

    /// The zone every time is shown in, as on the timeline's axis: the `utc_offset` of the
    /// header that names the whole (never a gazetteer's, when a file with events is open).
    pub fn display_zone(&self) -> chrono::FixedOffset {
        self.info
            .utc_offset
            .as_deref()
            .and_then(|o| parse_offset(o).ok())
            .unwrap_or_else(utc)
    }

    /// `when` (the event's own, or one of its claims') as a person reads it: in the
    /// dataset's zone, named, and as written where that differs.
    pub fn when_text(&self, when: &When, event: &Event) -> String {
        when.describe_in(self.offset_of(event), self.display_zone())
    }

    /// The files that `events` came from, and every file without events but a tour file (a
    /// gazetteer, whose places, actors and sources the events may use), in merge order: whom
    /// a view of them must credit.
    pub fn contributing_files(&self, events: &[usize]) -> Vec<&FileInfo> {
        let mut has_events = vec![false; self.files.len()];
        for e in &self.events {
            if let Some(h) = has_events.get_mut(e.file as usize) {
                *h = true;
            }
        }
        // A tour file adds no data of its own to credit: only walks through the others'.
        let mut used: Vec<bool> = (has_events.iter().zip(&self.files))
            .map(|(h, f)| !h && !TourFile::is_named(&f.name))
            .collect();
        for &e in events {
            if let Some(u) = used.get_mut(self.events[e].file as usize) {
                *u = true;
            }
        }
        self.files
            .iter()
            .zip(used)
            .filter_map(|(f, u)| u.then_some(f))
            .collect()
    }

    /// [`Dataset::when_text`] without the zone's name, for a table whose heading names it.
    pub fn when_text_unzoned(&self, when: &When, event: &Event) -> String {
        when.describe_unzoned(self.offset_of(event), self.display_zone())
    }

    pub fn claim_count(&self) -> usize {
        self.events.iter().map(|e| e.claims.len()).sum()
    }
}

/// UTC as a fixed offset.
pub fn utc() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(0).expect("zero offset")
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// A million events hold three and a half million claims: every byte of a claim's
    /// fixed part is 3.5 MB. Fields most claims leave empty cost a pointer, not their whole
    /// size: a claimed time and an original text are boxed, lists a claim mostly leaves
    /// empty are `ThinVec`s, its sources a boxed slice (no spare capacity), texts boxed
    /// strings, times stamps (see `When`), ids shared behind one pointer. A field added
    /// unboxed fails here.
    #[test]
    fn a_claim_and_an_event_stay_small() {
        assert_eq!(std::mem::size_of::<When>(), 16);
        assert_eq!(std::mem::size_of::<Citation>(), 16);
        assert_eq!(std::mem::size_of::<Figure>(), 32);
        assert_eq!(std::mem::size_of::<IdRef>(), 8);
        assert!(
            std::mem::size_of::<Claim>() <= 104,
            "{}",
            std::mem::size_of::<Claim>()
        );
        assert!(
            std::mem::size_of::<Event>() <= 112,
            "{}",
            std::mem::size_of::<Event>()
        );
    }
}
