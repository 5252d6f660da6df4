//! Facts about each event that filters, lanes and panels ask for over and over, computed once
//! when a dataset is loaded: its resolved time span, which sides spoke, which actors and
//! districts it involves, and a lowercase text to search. Lookups from ids to positions live
//! here too, so no panel scans the dataset by id.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::bits::Bits;
use super::tally::Tally;
use super::text::{FNV_START, TextIndex, TextIndexBuilder, fnv1a};
use crate::model::wording::IdLookup;
use crate::model::{Claim, Dataset, Event, EventKind, Side, TimeSpan, Voices};

/// A province or district that places name, with the country it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    pub name: String,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFacts {
    pub span: TimeSpan,
    pub kind: EventKind,
    /// Every side with a claim about it, a joint statement's each of them.
    pub voices: Voices,
    /// Two or more parties spoke about it apart, each in its own claims: the accounts can be
    /// compared. A joint statement of two parties alone does not make an event contested.
    pub contested: bool,
    /// The sides of the actors the event `involves` who made no claim about it.
    pub involved_sides: Voices,
    /// The event's actors, involved actors, places and districts (read them through
    /// [`EventFacts::actors`] and the others), one list after another in one block: as four
    /// boxed slices they took 64 bytes an event and four heap blocks, at a million events 40
    /// MB more.
    lists: Box<[u32]>,
    /// Where the involved actors, the places and the districts begin in `lists`.
    starts: [u32; 3],
}

impl EventFacts {
    /// Actor indices with a claim on this event, sorted, each once.
    pub fn actors(&self) -> &[u32] {
        &self.lists[..self.starts[0] as usize]
    }

    /// Actor indices the event `involves` who made no claim about it (their sides are
    /// `involved_sides`): the actor and side filters find the event under them, but they
    /// are not voices.
    pub fn involved(&self) -> &[u32] {
        &self.lists[self.starts[0] as usize..self.starts[1] as usize]
    }

    /// Place indices of the event's places and its claims' places (those of claims filed
    /// under other events that are also about it too), sorted, each once: the map reads them
    /// for every event in view at each zoom step, too often to look ids up.
    pub fn places(&self) -> &[u32] {
        &self.lists[self.starts[1] as usize..self.starts[2] as usize]
    }

    /// District indices of the event's places and its claims' places, sorted, each once.
    pub fn districts(&self) -> &[u32] {
        &self.lists[self.starts[2] as usize..]
    }
}

/// The lists one after another, as indices into tables far smaller than 4 billion rows
/// (`u32`, half the room), and where each after the first begins.
fn concatenated(lists: [&[usize]; 4]) -> (Box<[u32]>, [u32; 3]) {
    let mut starts = [0u32; 3];
    let mut end = 0;
    for (start, list) in starts.iter_mut().zip(lists) {
        end += list.len();
        *start = end as u32;
    }
    let all = lists.iter().flat_map(|l| l.iter()).map(|&i| i as u32);
    (all.collect(), starts)
}

/// A claim with figures, and when it was said (UTC seconds, the middle of its `said` span).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureClaim {
    /// The event's index and the claim's within it, as `u32` (see [`FigureClaim::at`]):
    /// ACLED-shaped data has a figure on every event.
    pub event: u32,
    pub claim: u32,
    pub said: i64,
}

impl FigureClaim {
    /// The claim's event and its place there, as indices.
    pub fn at(&self) -> (usize, usize) {
        (self.event as usize, self.claim as usize)
    }
}

/// Each filterable facet as a set of events: what a filter change combines instead of
/// rescanning every event.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FacetBits {
    /// By actor index: events with a claim by that actor.
    pub actors: Vec<Bits>,
    /// By district index: events at a place in that district (the places' default reading).
    pub districts: Vec<Bits>,
    /// By scheme (as in [`Index::schemes`]), then district index: the same under that
    /// scheme. Built once, so choosing a scheme costs a filter change nothing more.
    pub districts_by_scheme: Vec<Vec<Bits>>,
    /// By side: events with a claim from that side, or that involve one of its actors.
    pub sides: [Bits; Side::COUNT],
    /// By side: events with a claim from that side (its voice), what the party lanes hold.
    pub voices: [Bits; Side::COUNT],
    /// Events of each kind present in the dataset, in kind order.
    pub kinds: Vec<(EventKind, Bits)>,
    /// Events two or more parties made claims about.
    pub contested: Bits,
}

/// Serialisable so that a snapshot of a load keeps it (see `load::cache`): building it again
/// takes most of a second at 100,000 events, longer than reading it back.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    pub events: Vec<EventFacts>,
    pub districts: Vec<District>,
    /// The administration schemes places' `admin` entries name, in order of first mention.
    pub schemes: Vec<String>,
    /// Side of each actor, by actor index.
    pub actor_sides: Vec<Side>,
    actor_pos: HashMap<String, usize>,
    place_pos: HashMap<String, usize>,
    source_pos: HashMap<String, usize>,
    district_pos: HashMap<String, usize>,
    /// Event id → event index, as (the id's hash, event) sorted, as `claim_pos` (lookups
    /// check the id): a map of cloned ids took seconds to build at two million events.
    event_pos: Vec<(u32, u32)>,
    /// Claim id → its number in the dataset (claims counted in event order; see
    /// `claim_starts`), as (the id's hash, number) sorted: a million-event file has millions
    /// of claims, and a map of cloned ids would cost hundreds of megabytes. The hash is 32
    /// bits and ids do share one now and then; lookups check the id itself.
    claim_pos: Vec<(u32, u32)>,
    /// The number of each event's first claim, by event index: a claim's number less its
    /// event's first is its place in the event, and the next event's first less this one's
    /// is its count of claims (see [`Index::claim_count`]).
    claim_starts: Vec<u32>,
    /// The earliest start and latest end over all events.
    pub extent: Option<TimeSpan>,
    /// Each event's start time and voices, by event index, side by side in memory: what lanes
    /// and time filters read for every event, without striding through the facts.
    pub starts: Vec<i64>,
    pub voices: Vec<Voices>,
    /// The longest event, in seconds: how far before a time range an event reaching into it
    /// can start.
    pub longest: i64,
    pub bits: FacetBits,
    /// Claims filed under one event that are also about another (format 2 `also_about`), as
    /// (the other event, event, claim), sorted: what the claim panels show under "Also about
    /// this event". Few in any dataset, so a sorted list rather than a map.
    also_about: Vec<(u32, u32, u32)>,
    /// (event, event of another file on the same day at the same place), both ways, sorted:
    /// what the claim panels offer as possibly the same happening (see `same_day`).
    same_day: Vec<(u32, u32)>,
    /// Claims in the whole dataset.
    pub claim_total: usize,
    /// Every claim that gives figures, in event order: what the casualty strip reads, without
    /// walking (and parsing the times of) every claim of a large dataset.
    pub figure_claims: Vec<FigureClaim>,
    /// Title, summary, claim texts, actor names, place names and their other names.
    pub text: TextIndex,
}

/// The (event, claim) positions of claims that are also about event `e`, from a list of
/// (other event, event, claim) sorted by the other event.
fn claims_also_about(
    also_about: &[(u32, u32, u32)],
    e: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let from = also_about.partition_point(|a| (a.0 as usize) < e);
    also_about[from..]
        .iter()
        .take_while(move |a| a.0 as usize == e)
        .map(|&(_, ev, c)| (ev as usize, c as usize))
}

/// The hash event and claim ids are sorted by in [`Index`]'s tables: FNV-1a folded to 32
/// bits, half the room of the whole hash in tables of millions.
pub(super) fn id_hash(id: &str) -> u32 {
    let h = fnv1a(FNV_START, id.as_bytes());
    (h ^ (h >> 32)) as u32
}

/// Puts events in time order (by start, then end, then id), the order every view relies on.
pub fn sort_events(ds: &mut Dataset) {
    sort_events_observed(ds, &Tally::new(1, &|_| true));
}

/// [`sort_events`], counting each event three times in `tally` (when its time is read, when
/// the times are sorted, when it is in place).
pub(super) fn sort_events_observed(ds: &mut Dataset, tally: &Tally) {
    // Positions are sorted and each event then moved into place by swaps: sorting the events
    // themselves (a couple of hundred bytes each) took seconds at two million, and a sorted
    // copy would hold them twice.
    let mut keyed: Vec<(TimeSpan, u32)> = Vec::with_capacity(ds.events.len());
    for (i, e) in ds.events.iter().enumerate() {
        keyed.push((span_of(ds, e), i as u32));
        tally.tick(i);
    }
    tally.rest(keyed.len());
    let events = &mut ds.events;
    keyed.sort_unstable_by(|(a, i), (b, j)| {
        a.cmp(b)
            .then_with(|| events[*i as usize].id.cmp(&events[*j as usize].id))
            .then(i.cmp(j))
    });
    let mut order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
    tally.add(order.len());
    // Position `hole` takes the event at `order[hole]`; a position done is marked as its own.
    // Each move is a step of the tally (up to one per event, the rest counted at the end).
    let mut moves = 0;
    for start in 0..order.len() {
        let mut hole = start;
        while order[hole] as usize != hole {
            let from = order[hole] as usize;
            order[hole] = hole as u32;
            if from == start {
                break;
            }
            events.swap(hole, from);
            tally.tick(moves);
            moves += 1;
            hole = from;
        }
    }
    tally.add(order.len() - Tally::ticked(moves));
}

/// A validated dataset's times always resolve; an unresolvable one (never expected) sorts first.
fn span_of(ds: &Dataset, e: &Event) -> TimeSpan {
    e.when
        .span(ds.offset_of(e))
        .unwrap_or(TimeSpan { start: 0, end: 0 })
}

/// Every event's searchable words: title, summary, claim texts, the names of the actors who
/// made them, and the names (and other names) of its places. Built in runs of events, which
/// any thread that calls this takes one at a time until none is left (`next` counts the runs
/// taken); the runs are appended in order by [`join_text_runs`].
fn text_index_runs(
    ds: &Dataset,
    actor_pos: &HashMap<String, usize>,
    place_pos: &HashMap<String, usize>,
    also_about: &[(u32, u32, u32)],
    (next, tally): (&AtomicUsize, &Tally),
) -> Vec<(usize, TextIndexBuilder)> {
    let mut runs = Vec::new();
    loop {
        let run = next.fetch_add(1, Ordering::Relaxed);
        let first = run * TEXT_RUN;
        if first >= ds.events.len() || tally.stopped() {
            return runs;
        }
        let mut b = TextIndexBuilder::starting_at(first);
        // The event's summary and claim texts, read out of their numbers into one text
        // (words are split at spaces either way), reused from event to event.
        let mut prose = String::new();
        for ei in first..ds.events.len().min(first + TEXT_RUN) {
            if !tally.tick(ei) {
                return runs;
            }
            let e = &ds.events[ei];
            prose.clear();
            e.summary.read_into(&mut prose);
            let mut texts: Vec<&str> = vec![&e.title];
            // Its own claims, and those of other events that are also about it.
            let also = claims_also_about(also_about, ei).map(|(e, c)| &ds.events[e].claims[c]);
            let claims: Vec<&Claim> = e.claims.iter().chain(also).collect();
            for c in &claims {
                for &a in c
                    .actor_ids()
                    .iter()
                    .filter_map(|id| actor_pos.get(id.as_str()))
                {
                    texts.push(&ds.actors[a].name);
                }
                prose.push(' ');
                c.text.read_into(&mut prose);
            }
            texts.push(&prose);
            let claim_places = claims.iter().flat_map(|c| &c.more.places);
            for &p in e
                .places
                .iter()
                .chain(claim_places)
                .filter_map(|id| place_pos.get(id.as_str()))
            {
                let place = &ds.places[p];
                texts.push(&place.name);
                texts.extend(place.other_names.iter().map(|o| o.name.as_str()));
            }
            b.add_event(texts);
        }
        runs.push((run, b));
    }
}

/// How many events a run of the text index holds: a whole number of the tally's steps, and
/// few enough that both threads end together.
const TEXT_RUN: usize = 8192;

/// The text index from the runs every thread built, in the events' order.
fn join_text_runs(runs: impl IntoIterator<Item = (usize, TextIndexBuilder)>) -> TextIndex {
    let mut runs: Vec<_> = runs.into_iter().collect();
    runs.sort_unstable_by_key(|(run, _)| *run);
    let mut runs = runs.into_iter().map(|(_, b)| b);
    let mut whole = runs.next().unwrap_or_default();
    runs.for_each(|run| whole.append(run));
    whole.finish()
}

fn facet_bits(index: &Index) -> FacetBits {
    let n = index.events.len();
    let mut b = FacetBits {
        actors: vec![Bits::empty(n); index.actor_count()],
        districts: vec![Bits::empty(n); index.districts.len()],
        districts_by_scheme: Vec::new(),
        sides: std::array::from_fn(|_| Bits::empty(n)),
        voices: std::array::from_fn(|_| Bits::empty(n)),
        kinds: Vec::new(),
        contested: Bits::empty(n),
    };
    let mut kinds: std::collections::BTreeMap<EventKind, Bits> = Default::default();
    for (i, e) in index.events.iter().enumerate() {
        for &a in e.actors().iter().chain(e.involved()) {
            b.actors[a as usize].insert(i);
        }
        for &d in e.districts() {
            b.districts[d as usize].insert(i);
        }
        for side in Side::all() {
            if e.voices.union(e.involved_sides).has(side) {
                b.sides[side.index()].insert(i);
            }
            if e.voices.has(side) {
                b.voices[side.index()].insert(i);
            }
        }
        if e.contested {
            b.contested.insert(i);
        }
        kinds
            .entry(e.kind)
            .or_insert_with(|| Bits::empty(n))
            .insert(i);
    }
    b.kinds = kinds.into_iter().collect();
    b
}

impl Index {
    /// Builds the index of a dataset whose events are already in time order ([`sort_events`]).
    pub fn new(ds: &Dataset) -> Index {
        let index = Index::new_observed(ds, &Tally::new(1, &|_| true));
        index.unwrap_or_default()
    }

    /// How many steps of a [`Tally`] building the index of `events` events takes.
    pub(super) fn steps(events: usize) -> usize {
        5 * events
    }

    /// [`Index::new`], counting its steps in `tally` ([`Index::steps`]: each event once as
    /// its id is filed, once for its facts, once for its words, once as they are
    /// gathered, and once for the claim table and the filter masks made after); none when the tally's
    /// observer said to stop.
    pub(super) fn new_observed(ds: &Dataset, tally: &Tally) -> Option<Index> {
        let actor_pos: HashMap<String, usize> = ds
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        // Every party its own side, in the dataset's party order; actors without a party (or
        // of a party the dataset does not declare) are the third parties.
        let actor_sides = ds
            .actors
            .iter()
            .map(|a| {
                a.party
                    .as_deref()
                    .and_then(|p| ds.parties.iter().position(|q| q.id == p))
                    .map_or(Side::THIRD, Side::party)
            })
            .collect();

        let mut districts: Vec<District> = Vec::new();
        let mut district_pos = HashMap::new();
        let mut district_of = |name: &String, country: &String| {
            *district_pos.entry(name.clone()).or_insert_with(|| {
                districts.push(District {
                    name: name.clone(),
                    country: country.clone(),
                });
                districts.len() - 1
            })
        };
        let mut place_district = Vec::with_capacity(ds.places.len());
        for p in &ds.places {
            place_district.push(p.district.as_ref().map(|d| district_of(d, &p.country)));
        }
        let mut schemes: Vec<String> = Vec::new();
        for a in ds.places.iter().flat_map(|p| &p.admin) {
            if !schemes.contains(&a.scheme) {
                schemes.push(a.scheme.clone());
            }
        }
        // Each place's district under each scheme: its entry there, or its default.
        let place_district_by_scheme: Vec<Vec<Option<usize>>> = schemes
            .iter()
            .map(|scheme| {
                ds.places
                    .iter()
                    .zip(&place_district)
                    .map(
                        |(p, &default)| match p.admin.iter().find(|a| &a.scheme == scheme) {
                            Some(a) => a.district.as_ref().map(|d| district_of(d, &a.country)),
                            None => default,
                        },
                    )
                    .collect()
            })
            .collect();
        let place_pos: HashMap<String, usize> = ds
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();

        let mut index = Index {
            districts,
            schemes,
            actor_sides,
            actor_pos,
            place_pos,
            district_pos,
            source_pos: ds
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect(),
            ..Index::default()
        };
        index.event_pos = ds
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (id_hash(&e.id), i as u32))
            .collect();
        index.event_pos.sort_unstable();
        let mut also_about = Vec::new();
        for (ei, e) in ds.events.iter().enumerate() {
            for (ci, c) in e.claims.iter().enumerate() {
                for other in c
                    .more
                    .also_about
                    .iter()
                    .filter_map(|id| index.event_index(ds, id))
                {
                    also_about.push((other as u32, ei as u32, ci as u32));
                }
            }
        }
        also_about.sort_unstable();
        index.also_about = also_about;
        tally.add(ds.events.len());
        // The text index is built on a second thread while this one works out the facts, then
        // on both: on a large file they are the two biggest parts of indexing.
        let (actor_pos, place_pos, also) = (&index.actor_pos, &index.place_pos, &index.also_about);
        let next_run = AtomicUsize::new(0);
        let text_runs = || text_index_runs(ds, actor_pos, place_pos, also, (&next_run, tally));
        let text = std::thread::scope(|scope| {
            let theirs = scope.spawn(text_runs);
            let mut facts = Vec::with_capacity(ds.events.len());
            for (ei, e) in ds.events.iter().enumerate() {
                if !tally.tick(ei) {
                    break;
                }
                let also = index
                    .also_about_of(ei)
                    .map(|(e, c)| &ds.events[e].claims[c]);
                facts.push(index.facts(ds, e, also, &place_district));
            }
            tally.rest(ds.events.len());
            let mine = text_runs();
            let theirs = theirs.join().expect("text indexing does not panic");
            (facts, join_text_runs(theirs.into_iter().chain(mine)))
        });
        tally.rest(ds.events.len());
        let (all_facts, text) = text;
        if tally.stopped() {
            return None;
        }
        // Made to measure: grown by doubling, these tables kept up to half their room
        // spare (at 2,500,000 events the facts alone held 150 MB unused).
        let events = ds.events.len();
        index.starts.reserve_exact(events);
        index.voices.reserve_exact(events);
        index.claim_pos.reserve_exact(ds.claim_count());
        index.claim_starts.reserve_exact(events);
        // The facts are read in place and then moved into the index, never copied: a copy
        // held them twice at the peak of loading (84 MiB more at a million events).
        for (ei, (e, facts)) in ds.events.iter().zip(&all_facts).enumerate() {
            if !tally.tick(ei) {
                break;
            }
            index.extent = Some(match index.extent {
                None => facts.span,
                Some(x) => TimeSpan {
                    start: x.start.min(facts.span.start),
                    end: x.end.max(facts.span.end),
                },
            });
            index.longest = index.longest.max(facts.span.end - facts.span.start);
            index.starts.push(facts.span.start);
            let first = index.claim_total;
            index.claim_starts.push(first as u32);
            index.claim_total += e.claims.len();
            index.voices.push(facts.voices);
            for (ci, c) in e.claims.iter().enumerate() {
                index.claim_pos.push((id_hash(&c.id), (first + ci) as u32));
                if !c.figures.is_empty()
                    && let Ok(said) = c.said.span(ds.offset_of(e))
                {
                    index.figure_claims.push(FigureClaim {
                        event: ei as u32,
                        claim: ci as u32,
                        said: said.mid(),
                    });
                }
            }
        }
        index.figure_claims.shrink_to_fit();
        tally.rest(ds.events.len());
        index.events = all_facts;
        index.text = text;
        if ds.files.len() > 1 {
            let spans: Vec<TimeSpan> = index.events.iter().map(|f| f.span).collect();
            index.same_day = super::same_day::possible_matches(ds, &spans, &index.place_pos);
        }
        index.claim_pos.sort_unstable();
        index.bits = facet_bits(&index);
        index.bits.districts_by_scheme = place_district_by_scheme
            .iter()
            .map(|by_place| index.scheme_bits(ds, by_place))
            .collect();
        tally.add(ds.events.len());
        (!tally.stopped()).then_some(index)
    }

    /// What filters and lanes need of event `e`: its own claims and those of other events
    /// that are `also` about it count alike.
    fn facts<'a>(
        &self,
        ds: &Dataset,
        e: &'a Event,
        also: impl Iterator<Item = &'a Claim>,
        place_district: &[Option<usize>],
    ) -> EventFacts {
        let mut actors = Vec::new();
        let mut voices = Voices::NONE;
        let mut apart = Voices::NONE;
        let mut claim_places: Vec<&crate::model::IdRef> = Vec::new();
        for c in e.claims.iter().chain(also) {
            let mut sides = Voices::NONE;
            for a in c.actor_ids().iter().filter_map(|id| self.actor_index(id)) {
                actors.push(a);
                sides = sides.with(self.actor_sides[a]);
            }
            if let Some(side) = self.side_of_claim(c) {
                apart = apart.with(side);
            }
            voices = voices.union(sides);
            claim_places.extend(&c.more.places);
        }
        actors.sort_unstable();
        actors.dedup();
        let mut involved: Vec<usize> = (e.involves.iter())
            .filter_map(|id| self.actor_index(id))
            .filter(|a| actors.binary_search(a).is_err())
            .collect();
        involved.sort_unstable();
        involved.dedup();
        let involved_sides =
            (involved.iter()).fold(Voices::NONE, |v, &a| v.with(self.actor_sides[a]));
        let mut places = Vec::new();
        let mut districts = Vec::new();
        for id in e.places.iter().chain(claim_places) {
            let Some(&p) = self.place_pos.get(id.as_str()) else {
                continue;
            };
            places.push(p);
            if let Some(d) = place_district[p] {
                districts.push(d);
            }
        }
        places.sort_unstable();
        places.dedup();
        districts.sort_unstable();
        districts.dedup();
        let (lists, starts) = concatenated([&actors, &involved, &places, &districts]);
        EventFacts {
            span: span_of(ds, e),
            kind: e.kind,
            voices,
            contested: apart.is_contested(),
            involved_sides,
            lists,
            starts,
        }
    }

    /// Events per district when each place is in `by_place`'s district (by place index).
    fn scheme_bits(&self, ds: &Dataset, by_place: &[Option<usize>]) -> Vec<Bits> {
        let n = ds.events.len();
        let mut bits = vec![Bits::empty(n); self.districts.len()];
        for (i, e) in ds.events.iter().enumerate() {
            for p in e.places.iter().filter_map(|id| self.place_index(id)) {
                if let Some(d) = by_place[p] {
                    bits[d].insert(i);
                }
            }
        }
        bits
    }

    /// The district sets for `scheme` (`None`, or one no place names: the default reading).
    pub fn district_bits(&self, scheme: Option<&str>) -> &[Bits] {
        scheme
            .and_then(|s| self.schemes.iter().position(|x| x == s))
            .map_or(&self.bits.districts, |k| &self.bits.districts_by_scheme[k])
    }

    pub fn actor_count(&self) -> usize {
        self.actor_sides.len()
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_pos.get(id).copied()
    }

    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.place_pos.get(id).copied()
    }

    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.source_pos.get(id).copied()
    }

    pub fn district_index(&self, name: &str) -> Option<usize> {
        self.district_pos.get(name).copied()
    }

    /// Where an event is, by its id.
    pub fn event_index(&self, ds: &Dataset, id: &str) -> Option<usize> {
        let h = id_hash(id);
        let from = self.event_pos.partition_point(|p| p.0 < h);
        self.event_pos[from..]
            .iter()
            .take_while(|p| p.0 == h)
            .map(|&(_, e)| e as usize)
            .find(|&e| ds.events.get(e).is_some_and(|ev| *ev.id == *id))
    }

    /// Event `e`'s number of claims: what a filter change sums over the events it keeps and
    /// the timeline ranks titles by, read from two neighbouring numbers rather than from
    /// the event (a million scattered reads took milliseconds).
    pub fn claim_count(&self, e: usize) -> usize {
        let next = self
            .claim_starts
            .get(e + 1)
            .map_or(self.claim_total, |&n| n as usize);
        next - self.claim_starts[e] as usize
    }

    /// Where a claim lives: (event index, claim index within that event).
    pub fn claim_position(&self, ds: &Dataset, id: &str) -> Option<(usize, usize)> {
        let h = id_hash(id);
        let from = self.claim_pos.partition_point(|c| c.0 < h);
        self.claim_pos[from..]
            .iter()
            .take_while(|c| c.0 == h)
            .filter_map(|&(_, n)| {
                let e = self.claim_starts.partition_point(|&first| first <= n);
                let e = e.checked_sub(1)?;
                Some((e, (n - self.claim_starts[e]) as usize))
            })
            .find(|&(e, c)| {
                ds.events
                    .get(e)
                    .and_then(|ev| ev.claims.get(c))
                    .is_some_and(|cl| *cl.id == *id)
            })
    }

    /// Claims of other events that are also about event `e`, as (event, claim) positions.
    pub fn also_about_of(&self, e: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        claims_also_about(&self.also_about, e)
    }

    /// Claims about event `e` per side, by [`Side::index`]: each party's, then the third
    /// parties'; its own claims and those of other events also about it, a joint statement
    /// once for each side among its actors. Counted when asked (a table's rows, a tooltip):
    /// kept for every event they took 36 bytes an event, 34 MiB at a million.
    pub fn claims_per_side(&self, ds: &Dataset, e: usize) -> [u32; Side::COUNT] {
        let also = self
            .also_about_of(e)
            .map(|(ev, c)| &ds.events[ev].claims[c]);
        let mut per_side = [0; Side::COUNT];
        for c in ds.events[e].claims.iter().chain(also) {
            let sides = (c.actor_ids().iter())
                .filter_map(|id| self.actor_index(id))
                .fold(Voices::NONE, |v, a| v.with(self.actor_sides[a]));
            for side in Side::all().filter(|&s| sides.has(s)) {
                per_side[side.index()] += 1;
            }
        }
        per_side
    }

    /// Events of other files on the same calendar day as event `e` at the same place or one
    /// within a kilometre: possibly the same happening, told apart. In time order.
    pub fn possibly_same(&self, e: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.same_day.partition_point(|p| (p.0 as usize) < e);
        self.same_day[from..]
            .iter()
            .take_while(move |p| p.0 as usize == e)
            .map(|p| p.1 as usize)
    }

    /// The sides of every actor who made `claim`: one, or a joint statement's several.
    pub fn claim_voices(&self, claim: &Claim) -> Voices {
        claim
            .actor_ids()
            .iter()
            .fold(Voices::NONE, |v, a| v.with(self.side_of_actor(a)))
    }

    /// The one side a claim speaks for; `None` for a joint statement of actors on different
    /// sides, which belongs to no one party's column.
    pub fn side_of_claim(&self, claim: &Claim) -> Option<Side> {
        let mut sides = claim.actor_ids().iter().map(|a| self.side_of_actor(a));
        let first = sides.next()?;
        sides.all(|s| s == first).then_some(first)
    }

    /// The side of a claim's actor; unknown actors (never in a validated set) count as third.
    pub fn side_of_actor(&self, actor_id: &str) -> Side {
        self.actor_index(actor_id)
            .map_or(Side::THIRD, |a| self.actor_sides[a])
    }
}

/// The wording's names of actors and places are found through the index's tables.
impl IdLookup for Index {
    fn actor_index(&self, id: &str) -> Option<usize> {
        Index::actor_index(self, id)
    }

    fn place_index(&self, id: &str) -> Option<usize> {
        Index::place_index(self, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A million events keep a million facts: a field added to every event's facts is a
    /// megabyte a byte. What a view asks of one event at a time (its claims per side) is
    /// counted when asked instead.
    #[test]
    fn an_events_facts_stay_small() {
        assert!(
            std::mem::size_of::<EventFacts>() <= 56,
            "{}",
            std::mem::size_of::<EventFacts>()
        );
    }

    /// Each list reads back whole and alone, empty ones included, wherever they stand.
    #[test]
    fn an_events_four_lists_read_back_from_their_one_block() {
        let cases: [[&[usize]; 4]; 4] = [
            [&[1, 2], &[], &[5], &[7, 8, 9]],
            [&[], &[], &[], &[]],
            [&[], &[3], &[], &[]],
            [&[0], &[4, 6], &[2, 3], &[]],
        ];
        for lists in cases {
            let (block, starts) = concatenated(lists);
            let facts = EventFacts {
                span: TimeSpan { start: 0, end: 0 },
                kind: EventKind::Shelling,
                voices: Voices::NONE,
                contested: false,
                involved_sides: Voices::NONE,
                lists: block,
                starts,
            };
            let read = [
                facts.actors(),
                facts.involved(),
                facts.places(),
                facts.districts(),
            ];
            for (got, want) in read.iter().zip(lists) {
                let want: Vec<u32> = want.iter().map(|&i| i as u32).collect();
                assert_eq!(*got, &want[..], "{lists:?}");
            }
        }
    }
}
