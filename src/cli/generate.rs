//! Synthetic datasets for benchmarks and scale tests (`claimline gen`): the shape of a merged
//! analyst file (bursts of activity between pairs of parties, quiet stretches, dozens of
//! districts, 1–6 claims an event, some disputes, spans and approximate times) with invented
//! names, so nothing generated can be mistaken for a real claim. The parties are 2 to 6 as the
//! seed decides, or as many as asked (2 to 8), some then grouped into sides.
//!
//! The random numbers come from our own SplitMix64, not a crate: a seed must give the same file
//! on every build, and general-purpose generators do not promise that across versions.

use crate::model::{
    Actor, ActorKind, Bound, Citation, Claim, ClaimKind, DatasetFile, DatasetInfo, Event,
    EventKind, FORMAT_VERSION, Figure, MAX_COLUMNS, MAX_PARTIES, Measure, More, PartOfDay, Party,
    People, Place, Precision, Source, ThinVec, When,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub events: usize,
    pub seed: u64,
}

/// What the generated data looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// A merged analyst file: 1–6 claims an event with disputes, dozens of districts.
    #[default]
    Analyst,
    /// An ACLED export as the importer reads it: one short report an event, by day, and many
    /// places (one for every [`ACLED_EVENTS_PER_PLACE`] events), as millions of ACLED rows have.
    Acled,
}

/// In the ACLED shape, how many events there are for each place.
pub const ACLED_EVENTS_PER_PLACE: usize = 20;

/// The bounds of an ACLED-shaped claim's text, in characters: ACLED's notes are a sentence
/// or two.
pub const ACLED_TEXT_CHARS: std::ops::RangeInclusive<usize> = 60..=240;

/// The fewest parties `claimline gen --parties` makes: a dispute needs two.
pub const MIN_PARTIES: usize = 2;

/// `--parties N`: a count from [`MIN_PARTIES`] to [`MAX_PARTIES`], or why not.
pub fn parse_parties(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if (MIN_PARTIES..=MAX_PARTIES).contains(&n) => Ok(n),
        _ => Err(format!(
            "give a number of parties from {MIN_PARTIES} to {MAX_PARTIES} \
             (a dataset shows at most {MAX_PARTIES})"
        )),
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and fully determined by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PARTY_NAMES: [(&str, &str); MAX_PARTIES] = [
    ("Avaria", "Avarian"),
    ("Belmora", "Belmoran"),
    ("Corvand", "Corvandi"),
    ("Dastria", "Dastrian"),
    ("Elmarch", "Elmarchi"),
    ("Fennmark", "Fennish"),
    ("Gorvath", "Gorvathi"),
    ("Hestmoor", "Hestmoori"),
];
const ROLES: [(&str, ActorKind); 8] = [
    ("Ministry of Defence", ActorKind::Military),
    ("Ministry of Foreign Affairs", ActorKind::Government),
    ("Prime Minister", ActorKind::Government),
    ("Border Service", ActorKind::Military),
    ("Ombudsman", ActorKind::Official),
    ("Parliament", ActorKind::Legislature),
    ("Interior Ministry", ActorKind::Government),
    ("State News Agency", ActorKind::Media),
];
const THIRD_PARTIES: [(&str, ActorKind); 8] = [
    (
        "Regional Monitoring Mission",
        ActorKind::InternationalOrganisation,
    ),
    (
        "Union of Northern States",
        ActorKind::InternationalOrganisation,
    ),
    ("Red Crescent Liaison Office", ActorKind::Ngo),
    ("Conflict Research Institute", ActorKind::Expert),
    (
        "Continental Security Council",
        ActorKind::InternationalOrganisation,
    ),
    ("Observer Network", ActorKind::Ngo),
    ("Special Envoy for the Region", ActorKind::Diplomat),
    ("Independent Press Council", ActorKind::Media),
];
const SYLLABLES: [&str; 16] = [
    "ar", "bel", "cor", "dan", "es", "far", "gol", "har", "in", "jor", "kel", "lun", "mar", "nor",
    "os", "vel",
];
const OUTLETS: [&str; 12] = [
    "Daily Ledger",
    "Regional Wire",
    "Morning Courier",
    "Evening Dispatch",
    "Frontier Radio",
    "Capital Times",
    "Valley Herald",
    "Continental Post",
    "Border Review",
    "Open Channel",
    "Weekly Record",
    "Harbour Gazette",
];
const WEAPONS: [&str; 6] = [
    "artillery",
    "mortars",
    "small arms",
    "drones",
    "rocket launchers",
    "large-calibre weapons",
];
/// Kinds of events with the weights they are drawn with: mostly fighting and reports of it.
const KINDS: [(EventKind, usize); 9] = [
    (EventKind::Shelling, 30),
    (EventKind::ArmedClash, 20),
    (EventKind::DroneStrike, 10),
    (EventKind::CasualtyReport, 12),
    (EventKind::Statement, 10),
    (EventKind::Diplomatic, 7),
    (EventKind::Ceasefire, 4),
    (EventKind::Humanitarian, 4),
    (EventKind::Mission, 3),
];

/// The generated world: parties with their actors and districts, third parties, sources.
struct World {
    parties: Vec<Party>,
    actors: Vec<Actor>,
    /// Actor indices per party, then the third parties' at the end.
    party_actors: Vec<Vec<usize>>,
    third_actors: Vec<usize>,
    places: Vec<Place>,
    /// Place indices per district, and each district's party.
    district_places: Vec<Vec<usize>>,
    district_party: Vec<usize>,
    sources: Vec<Source>,
}

fn name(rng: &mut Rng, parts: usize) -> String {
    let mut s: String = (0..parts).map(|_| *rng.pick(&SYLLABLES)).collect();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The side each of `n` asked-for parties stands on: pairs of parties from the last one back
/// stand together, as long as two are left on their own (none in three parties, one pair in
/// four or five, two in six or seven, three in eight).
fn sides(n: usize) -> Vec<Option<String>> {
    (0..n)
        .map(|p| {
            let from_end = n - 1 - p;
            let group = from_end / 2 + 1;
            (n >= 2 + 2 * group).then(|| format!("Coalition {group}"))
        })
        .collect()
}

fn world(rng: &mut Rng, parties: Option<usize>) -> World {
    // Drawn only when not asked, so that a seed alone gives the file it always gave.
    let n_parties = parties.unwrap_or_else(|| rng.range(2, 6));
    let sides = match parties {
        Some(n) => sides(n),
        None => vec![None; n_parties],
    };
    let mut w = World {
        parties: Vec::new(),
        actors: Vec::new(),
        party_actors: Vec::new(),
        third_actors: Vec::new(),
        places: Vec::new(),
        district_places: Vec::new(),
        district_party: Vec::new(),
        sources: Vec::new(),
    };
    for (p, (pname, adjective)) in PARTY_NAMES.iter().take(n_parties).enumerate() {
        let pid = format!("p{p}");
        w.parties.push(Party {
            id: pid.clone(),
            name: (*pname).to_owned(),
            adjective: Some((*adjective).to_owned()),
            colour: None,
            side: sides[p].clone(),
        });
        let mut ids = Vec::new();
        for (r, (role, kind)) in ROLES.iter().enumerate().take(rng.range(4, ROLES.len())) {
            ids.push(w.actors.len());
            w.actors.push(Actor {
                id: format!("p{p}-a{r}"),
                name: format!("{role} of {pname}"),
                role: role.to_lowercase(),
                party: Some(pid.clone()),
                kind: *kind,
                affiliation: None,
            });
        }
        w.party_actors.push(ids);
        // Each party's districts lie in a band of longitude, like neighbours along a border.
        // The invented places sit in the open South Atlantic, far from any real place, so
        // that no generated event is ever drawn on the map of a real region.
        for d in 0..rng.range(6, 14) {
            let district = format!("{} District", name(rng, 2));
            let (lat0, lon0) = (-48.0 + d as f64 * 0.3, -30.0 + p as f64 * 1.5);
            let mut places = Vec::new();
            for k in 0..rng.range(2, 5) {
                places.push(w.places.len());
                w.places.push(Place {
                    id: format!("p{p}-d{d}-{k}"),
                    name: name(rng, 3),
                    other_names: Vec::new(),
                    district: Some(district.clone()),
                    country: (*pname).to_owned(),
                    admin: Vec::new(),
                    lat: Some(round4(lat0 + rng.unit() * 0.25)),
                    lon: Some(round4(lon0 + rng.unit() * 1.2)),
                    coords_source: Some("generated".to_owned()),
                    boundary_note: None,
                    note: None,
                });
            }
            w.district_places.push(places);
            w.district_party.push(p);
        }
    }
    for (t, (tname, kind)) in THIRD_PARTIES.iter().enumerate() {
        w.third_actors.push(w.actors.len());
        w.actors.push(Actor {
            id: format!("t{t}"),
            name: (*tname).to_owned(),
            role: "third party".to_owned(),
            party: None,
            kind: *kind,
            affiliation: None,
        });
    }
    for (s, outlet) in OUTLETS.iter().enumerate() {
        w.sources.push(Source {
            id: format!("s{s}"),
            outlet: (*outlet).to_owned(),
            title: None,
            date: None,
            url: None,
            language: "en".to_owned(),
            via: Vec::new(),
            published: None,
            note: None,
        });
    }
    w
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A stretch of heavy activity between two parties (any two) in a few of their districts.
struct Burst {
    start: i64,
    /// Mean gap between its events, in seconds.
    spread: f64,
    parties: (usize, usize),
    districts: Vec<usize>,
}

/// 2019-01-01T00:00Z: generated events fall in the three years after it.
const EPOCH: i64 = 1_546_300_800;
const YEARS: i64 = 3 * 365 * 86_400;

fn bursts(rng: &mut Rng, w: &World, events: usize) -> Vec<Burst> {
    let n = (events / 150).clamp(1, 2_000);
    (0..n)
        .map(|_| {
            let a = rng.below(w.parties.len());
            let b = (a + 1 + rng.below(w.parties.len() - 1)) % w.parties.len();
            let of = |p: usize| -> Vec<usize> {
                (0..w.district_party.len())
                    .filter(|&d| w.district_party[d] == p)
                    .collect()
            };
            let (da, db) = (of(a), of(b));
            let mut districts = vec![*rng.pick(&da), *rng.pick(&db)];
            if rng.chance(0.5) {
                districts.push(*rng.pick(&da));
            }
            Burst {
                start: EPOCH + (rng.unit() * YEARS as f64) as i64,
                spread: 60.0 * rng.range(2, 240) as f64,
                parties: (a, b),
                districts,
            }
        })
        .collect()
}

/// Generates a dataset that validates clean: same spec, same dataset.
pub fn generate(spec: Spec) -> DatasetFile {
    generate_with_parties(spec, None)
}

/// [`generate`] with `parties` parties ([`MIN_PARTIES`] to [`MAX_PARTIES`]) rather than as many
/// as the seed decides. Their first four are the header's columns.
///
/// # Panics
/// When `parties` is out of that range ([`parse_parties`] refuses such counts).
pub fn generate_with_parties(spec: Spec, parties: Option<usize>) -> DatasetFile {
    // As a file read would have them, each actor and source id once.
    let _shared_ids = crate::model::Interning::begin();
    if let Some(n) = parties {
        assert!(
            (MIN_PARTIES..=MAX_PARTIES).contains(&n),
            "{n} parties: give {MIN_PARTIES} to {MAX_PARTIES}"
        );
    }
    let mut rng = Rng(spec.seed);
    let w = world(&mut rng, parties);
    let bursts = bursts(&mut rng, &w, spec.events);
    let mut events = Vec::with_capacity(spec.events);
    let mut cursor: Vec<i64> = bursts.iter().map(|b| b.start).collect();
    for i in 0..spec.events {
        // Seven in ten events belong to a burst; the rest are spread over the whole range.
        let (at, parties, districts) = if rng.chance(0.7) {
            let b = rng.below(bursts.len());
            cursor[b] += (-(1.0 - rng.unit()).ln() * bursts[b].spread) as i64 + 60;
            (cursor[b], bursts[b].parties, bursts[b].districts.clone())
        } else {
            let n = w.parties.len();
            let a = rng.below(n);
            // Neighbours only, as always, unless the count was asked for: then any two.
            let b = match parties {
                None => (a + 1) % n,
                Some(_) => (a + 1 + rng.below(n - 1)) % n,
            };
            let d = rng.below(w.district_places.len());
            (EPOCH + (rng.unit() * YEARS as f64) as i64, (a, b), vec![d])
        };
        events.push(event(&mut rng, &w, i, at, parties, &districts));
    }
    DatasetFile {
        format: FORMAT_VERSION,
        dataset: DatasetInfo {
            title: match parties {
                None => format!(
                    "Generated dataset ({} events, seed {})",
                    spec.events, spec.seed
                ),
                Some(n) => format!(
                    "Generated dataset ({} events, {n} parties, seed {})",
                    spec.events, spec.seed
                ),
            },
            description: "Synthetic events for benchmarks and scale tests: invented parties, \
                          places and claims, with the shape of a merged analyst file."
                .to_owned(),
            curator: "claimline gen".to_owned(),
            licence: "CC0: generated, no real claims".to_owned(),
            notes: None,
            utc_offset: Some("+00:00".to_owned()),
            columns: parties.map(|_| {
                w.parties
                    .iter()
                    .take(MAX_COLUMNS)
                    .map(|p| p.id.clone())
                    .collect()
            }),
            focus: None,
        },
        parties: w.parties,
        actors: w.actors,
        places: w.places,
        sources: w.sources,
        events,
        tours: Vec::new(),
    }
}

/// [`generate_with_parties`] in the given shape.
pub fn generate_shaped(spec: Spec, parties: Option<usize>, shape: Shape) -> DatasetFile {
    match shape {
        Shape::Analyst => generate_with_parties(spec, parties),
        Shape::Acled => generate_acled(spec, parties),
    }
}

/// The ACLED shape: the analyst shape's parties and bursts of activity, but each event one
/// report by a monitoring organisation (as the importer makes each row one claim of ACLED's),
/// dated to the day, at one of many places.
fn generate_acled(spec: Spec, parties: Option<usize>) -> DatasetFile {
    let _shared_ids = crate::model::Interning::begin();
    if let Some(n) = parties {
        assert!(
            (MIN_PARTIES..=MAX_PARTIES).contains(&n),
            "{n} parties: give {MIN_PARTIES} to {MAX_PARTIES}"
        );
    }
    let mut rng = Rng(spec.seed);
    let mut w = world(&mut rng, parties);
    add_places(&mut rng, &mut w, spec.events / ACLED_EVENTS_PER_PLACE);
    let bursts = bursts(&mut rng, &w, spec.events);
    let mut cursor: Vec<i64> = bursts.iter().map(|b| b.start).collect();
    // The one reporter, as ACLED is the one actor of an imported export.
    let reporter = w.third_actors[0];
    let mut events = Vec::with_capacity(spec.events);
    for i in 0..spec.events {
        let (at, (a, b), district) = if rng.chance(0.7) {
            let k = rng.below(bursts.len());
            cursor[k] += (-(1.0 - rng.unit()).ln() * bursts[k].spread) as i64 + 60;
            (
                cursor[k],
                bursts[k].parties,
                *rng.pick(&bursts[k].districts),
            )
        } else {
            let n = w.parties.len();
            let a = rng.below(n);
            let b = (a + 1 + rng.below(n - 1)) % n;
            let at = EPOCH + (rng.unit() * YEARS as f64) as i64;
            (at, (a, b), rng.below(w.district_places.len()))
        };
        let place = *rng.pick(&w.district_places[district]);
        let kind = weighted_kind(&mut rng);
        let (pa, pb) = (&w.parties[a].adjective, &w.parties[b].adjective);
        let (pa, pb) = (pa.as_deref().unwrap_or(""), pb.as_deref().unwrap_or(""));
        let place_name = &w.places[place].name;
        let district_name = w.places[place].district.as_deref().unwrap_or("");
        let fatalities = if rng.chance(0.7) { 0 } else { rng.range(1, 12) };
        let weapon = rng.pick(&WEAPONS);
        let date = day(at);
        let text = match rng.below(3) {
            0 => format!(
                "On {date}, {pa} forces shelled {pb} positions near {place_name} \
                 ({district_name}). {fatalities} fatalities."
            ),
            1 => format!(
                "On {date}, {pa} and {pb} forces clashed near {place_name} with {weapon}. \
                 {fatalities} fatalities reported."
            ),
            _ => format!("On {date}, {pa} officials reported {weapon} fire near {place_name}."),
        };
        events.push(Event {
            file: 0,
            id: format!("e{i}").into(),
            title: acled_title(kind, place_name).into(),
            when: When::day(&date),
            kind,
            places: Box::new([w.places[place].id.as_str().into()]),
            summary: format!("{pa} and {pb} forces, as the monitors code it.").into(),
            claims: Box::new([Claim {
                id: format!("e{i}-report").into(),
                actor: w.actors[reporter].id.as_str().into(),
                said: When::day(&day(at + 86_400 * rng.range(1, 7) as i64)),
                kind: ClaimKind::Report,
                text: text.into(),
                quote: true,
                figures: ThinVec::from([Figure {
                    measure: Measure::Killed,
                    count: Some(fatalities as u32),
                    people: People::Unspecified,
                    ..Figure::default()
                }]),
                sources: Box::new([Citation {
                    source: rng.pick(&w.sources).id.as_str().into(),
                    at: None,
                }]),
                disputes: Default::default(),
                more: More::default(),
            }]),
            involves: Default::default(),
        });
    }
    let title = format!(
        "Generated ACLED-shaped dataset ({} events, seed {})",
        spec.events, spec.seed
    );
    DatasetFile {
        format: FORMAT_VERSION,
        dataset: DatasetInfo {
            title,
            description: "Synthetic events for benchmarks and scale tests: invented parties, \
                          places and reports, with the shape of an ACLED export."
                .to_owned(),
            curator: "claimline gen --shape acled".to_owned(),
            licence: "CC0: generated, no real claims".to_owned(),
            notes: None,
            utc_offset: Some("+00:00".to_owned()),
            columns: parties.map(|_| {
                w.parties
                    .iter()
                    .take(MAX_COLUMNS)
                    .map(|p| p.id.clone())
                    .collect()
            }),
            focus: None,
        },
        parties: w.parties,
        actors: w.actors,
        places: w.places,
        sources: w.sources,
        events,
        tours: Vec::new(),
    }
}

/// Adds places to the world's districts, in turn, until it has `at_least`.
fn add_places(rng: &mut Rng, w: &mut World, at_least: usize) {
    let districts = w.district_places.len();
    let mut d = 0;
    while w.places.len() < at_least {
        let first = &w.places[w.district_places[d][0]];
        let (district, country) = (first.district.clone(), first.country.clone());
        let (lat0, lon0) = (first.lat.unwrap_or(0.0), first.lon.unwrap_or(0.0));
        let k = w.district_places[d].len();
        let id = format!("{}-{k}", first.id.rsplit_once('-').map_or("", |(p, _)| p));
        w.district_places[d].push(w.places.len());
        w.places.push(Place {
            id,
            name: name(rng, 4),
            other_names: Vec::new(),
            district,
            country,
            admin: Vec::new(),
            lat: Some(round4(lat0 + (rng.unit() - 0.5) * 0.25)),
            lon: Some(round4(lon0 + (rng.unit() - 0.5) * 1.2)),
            coords_source: Some("generated".to_owned()),
            boundary_note: None,
            note: None,
        });
        d = (d + 1) % districts;
    }
}

/// An ACLED-shaped title: the event type, in quotation marks when it has a loaded word
/// (ACLED's own "attack"), as the importer writes it, so that the file checks clean.
fn acled_title(kind: EventKind, place: &str) -> String {
    let label = kind_label(kind);
    if crate::model::wording::loaded_words_outside_quotes(label).is_empty() {
        format!("{label} in {place}")
    } else {
        format!("“{label}” in {place}")
    }
}

/// How an event's kind starts an ACLED-shaped title.
fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Shelling => "Shelling/artillery/missile attack",
        EventKind::ArmedClash => "Armed clash",
        EventKind::DroneStrike => "Air/drone strike",
        EventKind::CasualtyReport => "Attack",
        EventKind::Ceasefire | EventKind::Diplomatic => "Agreement",
        EventKind::Humanitarian => "Displacement",
        EventKind::Mission => "Strategic development",
        _ => "Other",
    }
}

/// The generated dataset as the loader would produce it from the file, without writing and
/// parsing it: for benchmarks and tests that need a million events in memory. The file form is
/// checked clean by this module's tests.
pub fn dataset(spec: Spec) -> crate::model::Dataset {
    dataset_with_parties(spec, None)
}

/// [`dataset`] with `parties` parties, as [`generate_with_parties`] makes them.
pub fn dataset_with_parties(spec: Spec, parties: Option<usize>) -> crate::model::Dataset {
    dataset_shaped(spec, parties, Shape::Analyst)
}

/// [`dataset_with_parties`] in the shape `shape`, as [`generate_shaped`] makes it.
pub fn dataset_shaped(spec: Spec, parties: Option<usize>, shape: Shape) -> crate::model::Dataset {
    let f = generate_shaped(spec, parties, shape);
    crate::model::Dataset {
        files: vec![crate::model::FileInfo {
            name: format!("generated-{}-{}.ron", spec.events, spec.seed),
            utc_offset: crate::model::utc(),
            info: f.dataset.clone(),
        }],
        info: f.dataset,
        parties: f.parties,
        actors: f.actors,
        places: f.places,
        sources: f.sources,
        events: f.events,
        tours: f.tours,
    }
}

fn weighted_kind(rng: &mut Rng) -> EventKind {
    let total: usize = KINDS.iter().map(|(_, w)| w).sum();
    let mut x = rng.below(total);
    for (kind, weight) in KINDS {
        if x < weight {
            return kind;
        }
        x -= weight;
    }
    EventKind::Statement
}

/// "2022-09-13T00:05", as curators write times (UTC, which the generated file declares).
fn stamp(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn day(seconds: i64) -> String {
    stamp(seconds)[..10].to_owned()
}

/// How exactly the time is known: mostly to the minute, sometimes a day or a part of it,
/// sometimes "about"; one event in twenty lasts hours or days.
fn when(rng: &mut Rng, at: i64) -> When {
    let roll = rng.below(100);
    let (text, precision) = match roll {
        0..=59 => (stamp(at), Precision::Exact),
        60..=69 => (stamp(at), Precision::Hour),
        70..=79 => (
            stamp(at),
            Precision::PartOfDay(match (at.rem_euclid(86_400)) / 21_600 {
                0 => PartOfDay::Night,
                1 => PartOfDay::Morning,
                2 => PartOfDay::Afternoon,
                _ => PartOfDay::Evening,
            }),
        ),
        80..=89 => (day(at), Precision::Day),
        _ => (
            stamp(at),
            Precision::Approximate {
                minutes: 15 * rng.range(1, 8) as u32,
            },
        ),
    };
    let end = (precision == Precision::Exact && rng.chance(0.08))
        .then(|| stamp(at + 60 * rng.range(30, 3 * 24 * 60) as i64));
    When::new(&text, precision, end.as_deref(), None)
}

fn event(
    rng: &mut Rng,
    w: &World,
    i: usize,
    at: i64,
    (a, b): (usize, usize),
    districts: &[usize],
) -> Event {
    let kind = weighted_kind(rng);
    let district = *rng.pick(districts);
    let mut places = vec![*rng.pick(&w.district_places[district])];
    if rng.chance(0.3) {
        let near = *rng.pick(districts);
        let other = *rng.pick(&w.district_places[near]);
        if !places.contains(&other) {
            places.push(other);
        }
    }
    let place_name = &w.places[places[0]].name;
    let weapon = rng.pick(&WEAPONS);
    let (pa, pb) = (&w.parties[a].name, &w.parties[b].name);
    let title = match kind {
        EventKind::Shelling => format!("Shelling reported near {place_name}"),
        EventKind::ArmedClash => format!("Exchange of fire near {place_name}"),
        EventKind::DroneStrike => format!("Drone strike reported near {place_name}"),
        EventKind::CasualtyReport => format!("Casualty figures for {place_name}"),
        EventKind::Ceasefire => format!("Ceasefire announced between {pa} and {pb}"),
        EventKind::Diplomatic => format!("Talks between {pa} and {pb}"),
        EventKind::Humanitarian => format!("Civilians leave {place_name}"),
        EventKind::Mission => format!("Monitors visit {place_name}"),
        _ => format!("Statements on the situation near {place_name}"),
    };
    let summary = format!(
        "{pa} and {pb} gave accounts of {} around {place_name}, with {weapon} named.",
        title.to_lowercase()
    );
    let claims = claims(rng, w, i, at, (a, b), kind, place_name, weapon);
    Event {
        file: 0,
        id: format!("e{i}").into(),
        title: title.into(),
        when: when(rng, at),
        kind,
        places: places
            .iter()
            .map(|&p| w.places[p].id.as_str().into())
            .collect(),
        summary: summary.into(),
        claims: claims.into(),
        involves: Default::default(),
    }
}

#[allow(clippy::too_many_arguments)]
fn claims(
    rng: &mut Rng,
    w: &World,
    i: usize,
    at: i64,
    (a, b): (usize, usize),
    kind: EventKind,
    place: &str,
    weapon: &str,
) -> Vec<Claim> {
    let n = rng.range(1, 6);
    let mut out: Vec<Claim> = Vec::with_capacity(n);
    // The party of each claim so far, for disputes.
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(n);
    let mut said = at + 60 * rng.range(10, 600) as i64;
    for j in 0..n {
        // The two parties speak most; a third party in one claim of five.
        let (actor, party) = match rng.below(5) {
            0 => (*rng.pick(&w.third_actors), None),
            1 | 2 => (*rng.pick(&w.party_actors[a]), Some(a)),
            _ => (*rng.pick(&w.party_actors[b]), Some(b)),
        };
        let speaker = &w.actors[actor].name;
        let other = w.parties[if party == Some(a) { b } else { a }]
            .name
            .as_str();
        let (claim_kind, text) = match (party, rng.below(4)) {
            (None, 0) => (
                ClaimKind::Appeal,
                format!("{speaker} called on both sides to stop firing near {place}."),
            ),
            (None, _) => (
                ClaimKind::Assessment,
                format!("{speaker} said it could not confirm either account of {place}."),
            ),
            (Some(_), 0) => (
                ClaimKind::Denial,
                format!("{speaker} denied that its units opened fire near {place}."),
            ),
            (Some(_), 1) => (
                ClaimKind::Statement,
                format!("{speaker} said the situation near {place} was under control."),
            ),
            (Some(_), _) => (
                ClaimKind::Accusation,
                format!(
                    "{speaker} said forces of {other} fired {weapon} at positions near {place}."
                ),
            ),
        };
        let figures = if kind == EventKind::CasualtyReport && party.is_some() {
            vec![Figure {
                measure: if rng.chance(0.6) {
                    Measure::Killed
                } else {
                    Measure::Wounded
                },
                count: Some(rng.range(1, 60) as u32),
                bound: if rng.chance(0.3) {
                    Bound::AtLeast
                } else {
                    Bound::Exact
                },
                whose: party.map(|p| w.parties[p].id.as_str().into()),
                people: People::Military,
                ..Figure::default()
            }]
        } else {
            Vec::new()
        };
        // A party's claim disputes the other party's earlier claim now and then.
        let disputes = speakers
            .iter()
            .rposition(|&s| party.is_some() && s.is_some() && s != party)
            .filter(|_| rng.chance(0.35))
            .map(|k| vec![out[k].id.clone()])
            .unwrap_or_default();
        speakers.push(party);
        out.push(Claim {
            id: format!("e{i}-c{j}").into(),
            actor: w.actors[actor].id.as_str().into(),
            said: When::new(&stamp(said), Precision::Exact, None, None),
            kind: claim_kind,
            text: text.into(),
            quote: false,
            figures: figures.into(),
            sources: (0..rng.range(1, 2))
                .map(|_| Citation {
                    source: rng.pick(&w.sources).id.as_str().into(),
                    at: None,
                })
                .collect(),
            disputes: disputes.into_iter().map(String::from).collect(),
            more: More::default(),
        });
        said += 60 * rng.range(5, 720) as i64;
    }
    out
}

/// A bound on the bytes one generated event takes in the file, its share of the header
/// included. Measured: 1,166–1,221 an event at 1,000 events, 1,181–1,194 at 20,000 and
/// 1,188–1,191 at 110,000 (seeds 1 to 8).
pub const BYTES_PER_EVENT: u64 = 1_250;

/// The most events `claimline gen` writes: the dataset is made whole in memory before it is
/// written (a few kilobytes an event), and ten million events would take tens of gigabytes.
pub const MAX_EVENTS: usize = 10_000_000;

/// The dataset as RON, one value per line and no indentation: compact (a million events
/// take 1.2 GB) and still readable with line numbers. Written
/// as it is made, so that a large file is never held whole in memory.
pub fn write_ron(file: &DatasetFile, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("")
        .depth_limit(2)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    w.write_all(b"// Generated by `claimline gen`: synthetic data, no real claims.\n")?;
    ron::Options::default()
        .to_io_writer_pretty(&mut *w, file, config)
        .map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// [`write_ron`] into a string.
pub fn to_ron(file: &DatasetFile) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    write_ron(file, &mut bytes)?;
    String::from_utf8(bytes).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceText, load_texts};

    fn load(spec: Spec) -> crate::load::LoadOutcome {
        let text = to_ron(&generate(spec)).expect("serialises");
        load_texts(&[SourceText {
            name: "gen.ron".to_owned(),
            text,
        }])
    }

    #[test]
    fn the_output_checks_clean() {
        for seed in [1, 2, 3] {
            let loaded = load(Spec {
                events: 2_000,
                seed,
            });
            assert!(
                loaded.diagnostics.is_empty(),
                "seed {seed}: {:?}",
                &loaded.diagnostics[..loaded.diagnostics.len().min(5)]
            );
            let ds = loaded.dataset.expect("loads");
            assert_eq!(ds.events.len(), 2_000);
            assert!((2..=6).contains(&ds.parties.len()));
            let claims = ds.claim_count() as f64 / 2_000.0;
            assert!((3.0..4.0).contains(&claims), "{claims} claims an event");
            assert!(ds.events.iter().any(|e| e.when.has_end()));
            assert!(
                ds.events
                    .iter()
                    .flat_map(|e| &e.claims)
                    .any(|c| !c.disputes.is_empty())
            );
        }
    }

    /// FNV-1a: a fingerprint of a file that no future Rust can change.
    fn fingerprint(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    #[test]
    fn a_seed_alone_gives_the_file_it_gave_before_party_counts_could_be_asked_for() {
        let spec = Spec {
            events: 300,
            seed: 7,
        };
        let text = to_ron(&generate(spec)).unwrap();
        assert_eq!(to_ron(&generate_with_parties(spec, None)).unwrap(), text);
        assert_eq!(
            fingerprint(&text),
            FINGERPRINT_300_EVENTS_SEED_7,
            "{text:.600}"
        );
    }

    /// The fingerprint of `gen --events 300 --seed 7` as it was written before `--parties`,
    /// but for its version line: `format: 2` since format 2 (with `format: 1` it is
    /// 4_425_769_981_032_856_826, the fingerprint before).
    const FINGERPRINT_300_EVENTS_SEED_7: u64 = 11_315_347_640_801_349_121;

    #[test]
    fn asked_for_parties_check_clean_with_columns_and_sides() {
        for n in MIN_PARTIES..=MAX_PARTIES {
            let file = generate_with_parties(
                Spec {
                    events: 300,
                    seed: 3,
                },
                Some(n),
            );
            let columns: Vec<&str> = file.parties.iter().take(4).map(|p| p.id.as_str()).collect();
            assert_eq!(file.dataset.columns.as_deref().unwrap(), columns);
            let sides: Vec<Option<&str>> = file.parties.iter().map(|p| p.side.as_deref()).collect();
            let grouped = sides.iter().filter(|s| s.is_some()).count();
            assert_eq!(grouped, 2 * (n.saturating_sub(2) / 2), "{n}: {sides:?}");
            assert!(sides[..2].iter().all(Option::is_none), "{n}: {sides:?}");
            let loaded = load_texts(&[SourceText {
                name: "gen.ron".to_owned(),
                text: to_ron(&file).unwrap(),
            }]);
            assert!(
                loaded.diagnostics.is_empty(),
                "{n} parties: {:?}",
                &loaded.diagnostics[..loaded.diagnostics.len().min(5)]
            );
            assert_eq!(loaded.dataset.unwrap().parties.len(), n);
        }
    }

    #[test]
    fn every_two_asked_for_parties_dispute_somewhere() {
        for n in [4, MAX_PARTIES] {
            let file = generate_with_parties(
                Spec {
                    events: 2_000,
                    seed: 1,
                },
                Some(n),
            );
            let party_of: std::collections::HashMap<&str, &str> = file
                .actors
                .iter()
                .filter_map(|a| Some((a.id.as_str(), a.party.as_deref()?)))
                .collect();
            let mut pairs = std::collections::HashSet::new();
            for e in &file.events {
                for c in &e.claims {
                    for d in &c.disputes {
                        let other = e.claims.iter().find(|o| *o.id == **d).unwrap();
                        let (a, b) = (party_of[c.actor.as_str()], party_of[other.actor.as_str()]);
                        assert_ne!(a, b);
                        pairs.insert(if a < b { (a, b) } else { (b, a) });
                    }
                }
            }
            assert_eq!(pairs.len(), n * (n - 1) / 2, "{n} parties: {pairs:?}");
        }
    }

    #[test]
    fn events_take_no_more_bytes_than_gen_allows_for() {
        // A small file: the header's share of each event is at its largest.
        for seed in 1..=4 {
            let events = 2_000;
            let text = to_ron(&generate(Spec { events, seed })).unwrap();
            let per_event = text.len() as u64 / events as u64;
            assert!(
                per_event < BYTES_PER_EVENT,
                "seed {seed}: {per_event} bytes an event"
            );
        }
    }

    #[test]
    fn the_acled_shape_has_one_short_claim_an_event_and_places_that_grow_with_it() {
        let mut places = Vec::new();
        for events in [2_000, 20_000] {
            let file = generate_shaped(Spec { events, seed: 4 }, None, Shape::Acled);
            assert_eq!(file.events.len(), events);
            for e in &file.events {
                assert_eq!(e.claims.len(), 1, "{}", e.id);
                assert_eq!(e.places.len(), 1, "{}", e.id);
                let chars = e.claims[0].text.read().chars().count();
                assert!(
                    ACLED_TEXT_CHARS.contains(&chars),
                    "{chars}: {}",
                    e.claims[0].text
                );
            }
            // Every place is a distinct id, and most are used.
            let ids: std::collections::HashSet<&str> =
                file.places.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(ids.len(), file.places.len());
            places.push(file.places.len());
            let loaded = load_texts(&[SourceText {
                name: "acled-shaped.ron".to_owned(),
                text: to_ron(&file).unwrap(),
            }]);
            assert!(
                loaded
                    .diagnostics
                    .iter()
                    .all(|d| !d.is_error() && !d.is_warning()),
                "{:?}",
                &loaded.diagnostics[..loaded.diagnostics.len().min(5)]
            );
            assert_eq!(loaded.dataset.unwrap().events.len(), events);
        }
        assert!(places[0] >= 2_000 / ACLED_EVENTS_PER_PLACE, "{places:?}");
        assert!(places[1] >= 20_000 / ACLED_EVENTS_PER_PLACE, "{places:?}");
        assert!(places[1] > 2 * places[0], "{places:?}");
    }

    #[test]
    fn a_seed_gives_the_same_file_and_another_seed_another() {
        let a = to_ron(&generate(Spec {
            events: 300,
            seed: 7,
        }))
        .unwrap();
        let b = to_ron(&generate(Spec {
            events: 300,
            seed: 7,
        }))
        .unwrap();
        let c = to_ron(&generate(Spec {
            events: 300,
            seed: 8,
        }))
        .unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn events_come_in_bursts() {
        let file = generate(Spec {
            events: 20_000,
            seed: 5,
        });
        let ds = crate::load::load_texts(&[SourceText {
            name: "g".into(),
            text: to_ron(&file).unwrap(),
        }])
        .dataset
        .unwrap();
        let catalog = crate::query::Catalog::new(ds);
        // Count events per day: the busiest day holds many times the mean.
        let mut per_day = std::collections::HashMap::new();
        for f in &catalog.index.events {
            *per_day.entry(f.span.start / 86_400).or_insert(0usize) += 1;
        }
        let mean = 20_000.0 / (3.0 * 365.0);
        let max = *per_day.values().max().unwrap() as f64;
        assert!(max > 5.0 * mean, "busiest day {max}, mean {mean}");
    }
}
