//! Checks parsed files against each other and against the rules of `data/SCHEMA.md`, collecting
//! every problem rather than stopping at the first, then merges them into one [`Dataset`].

use std::collections::{HashMap, HashSet};

use chrono::FixedOffset;

use super::locate::{LineCol, Path, value_positions};
use super::suggest;
use super::{Diagnostic, Severity, SourceText};
use crate::model::length::{self, MAX_ID_CHARS, MAX_TEXT_CHARS};
use crate::model::wording::loaded_words_outside_quotes;
use crate::model::{
    Dataset, DatasetFile, FORMAT_VERSION, FileInfo, Granularity, When, parse_instant, parse_offset,
    utc,
};

/// A problem found before positions are known: which file, which value.
struct Problem {
    file: usize,
    path: Path,
    severity: Severity,
    message: String,
    /// For duplicates: where the id was first defined.
    first: Option<(usize, Path)>,
}

#[derive(Default)]
struct Ctx<'a> {
    problems: Vec<Problem>,
    /// What "did you mean" may still spend, on ids and districts alike.
    suggestion_budget: suggest::Budget,
    /// Per kind, the defined ids ready for "did you mean": made at the first unknown id.
    known: [Option<suggest::Known<'a>>; KINDS],
    /// id → where it is defined, one table per kind.
    parties: HashMap<&'a str, (usize, Path)>,
    actors: HashMap<&'a str, (usize, Path)>,
    places: HashMap<&'a str, (usize, Path)>,
    sources: HashMap<&'a str, (usize, Path)>,
    events: HashMap<&'a str, (usize, Path)>,
    claims: HashMap<&'a str, (usize, Path)>,
    cited_sources: HashSet<&'a str>,
    party_has_actor: HashSet<&'a str>,
}

impl<'a> Ctx<'a> {
    fn error(&mut self, file: usize, path: Path, message: impl Into<String>) {
        self.problems.push(Problem {
            file,
            path,
            severity: Severity::Error,
            message: message.into(),
            first: None,
        });
    }

    fn warning(&mut self, file: usize, path: Path, message: impl Into<String>) {
        self.problems.push(Problem {
            file,
            path,
            severity: Severity::Warning,
            message: message.into(),
            first: None,
        });
    }

    /// Warns when a place's point falls outside the province or district it names, on the
    /// bundled Natural Earth boundaries. Those lines are coarse (about a kilometre), so this is
    /// a warning a curator can acknowledge with the place's `boundary_note`, never an error.
    fn on_the_map(&mut self, file: usize, pp: &Path, p: &crate::model::Place, lat: f64, lon: f64) {
        let map = crate::geo::MapData::bundled();
        let (Some(district), None) = (&p.district, &p.boundary_note) else {
            return;
        };
        let Some(unit) = map.unit(district) else {
            return;
        };
        let point = crate::geo::LonLat { lon, lat };
        if unit.contains(point) {
            return;
        }
        let found = map
            .unit_at(point)
            .map_or("no province or district on the map".to_owned(), |a| {
                format!("{}, {}", a.name, a.country)
            });
        self.warning(
            file,
            pp.field("lat"),
            format!(
                "place \"{}\" at {lat}, {lon} lies outside {district} as Natural Earth draws it (it falls in {found}): check the coordinates, or acknowledge with `boundary_note`",
                p.id
            ),
        );
    }

    /// Warns when a place in a country the map divides (Armenia, Azerbaijan) names a
    /// `district` the map does not have by that name: the map and its district filter go by
    /// the name, and a miss is most often a misspelling or another transliteration, so the
    /// closest of the country's names is suggested.
    fn district_on_the_map(&mut self, file: usize, pp: &Path, p: &crate::model::Place) {
        let Some(district) = &p.district else {
            return;
        };
        let map = crate::geo::MapData::bundled();
        let Some(first) = map.units_of(&p.country).next() else {
            return;
        };
        if district.trim().is_empty()
            || crate::geo::REGIONS.contains(&district.as_str())
            || map.units_of(&p.country).any(|a| a.name == *district)
        {
            return;
        }
        let kind = match first.kind {
            crate::geo::AreaKind::Province => "province",
            _ => "district",
        };
        let mut message = format!(
            "district \"{district}\" is not a {kind} of {} on the bundled map",
            p.country
        );
        let wanted = fold(district);
        let cost = wanted.chars().count() as u64
            * map
                .units_of(&p.country)
                .flat_map(|a| std::iter::once(&a.name).chain(&a.other_name))
                .map(|n| n.len() as u64)
                .sum::<u64>();
        if wanted.chars().nth(suggest::MAX_CHARS).is_none() && self.suggestion_budget.spend(cost) {
            // Edit distance only: Jaro-Winkler, good for ids, finds "Saatly" in "Atlantis".
            let best = map
                .units_of(&p.country)
                .map(|a| {
                    let names = std::iter::once(&a.name).chain(&a.other_name);
                    let score = names
                        .map(|n| strsim::normalized_damerau_levenshtein(&wanted, &fold(n)))
                        .fold(0.0, f64::max);
                    (score, a.name.as_str())
                })
                .filter(|(score, _)| *score >= 0.6)
                .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
            if let Some((_, name)) = best {
                message.push_str(&format!(" (did you mean \"{name}\"?)"));
            }
        }
        self.warning(file, pp.field("district"), message);
    }

    // The checks below take the path as a closure: they run on every field of every event
    // and claim, and the path is needed only when something is wrong.

    /// A required text: an error when empty, a warning when longer than the window shows.
    fn non_empty(&mut self, file: usize, path: impl FnOnce() -> Path, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error(file, path(), format!("{what} is empty"));
        } else {
            self.not_too_long(file, path, value, what);
        }
    }

    /// Warns about text longer than the window shows (it shows the start, cut).
    fn not_too_long(&mut self, file: usize, path: impl FnOnce() -> Path, value: &str, what: &str) {
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
    fn neutral(&mut self, file: usize, path: impl FnOnce() -> Path, text: &str, what: &str) {
        let words = loaded_words_outside_quotes(text);
        if !words.is_empty() {
            self.warning(
                file,
                path(),
                format!("{what} uses {} outside quotation marks: quote the actor who said it, or use neutral words", words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ")),
            );
        }
    }

    fn non_empty_opt(
        &mut self,
        file: usize,
        path: impl FnOnce() -> Path,
        value: &Option<String>,
        what: &str,
    ) {
        if let Some(v) = value {
            self.non_empty(file, path, v, what);
        }
    }

    /// Registers an id in `table`, reporting a bad or duplicate one.
    fn define(&mut self, kind: Kind, file: usize, path: Path, id: &'a str) {
        if id.is_empty() {
            self.error(file, path, format!("{} id is empty", kind.name()));
            return;
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
        let table = self.table(kind);
        if let Some(first) = table.get(id).cloned() {
            self.problems.push(Problem {
                file,
                path,
                severity: Severity::Error,
                message: format!("duplicate {} id \"{id}\"", kind.name()),
                first: Some(first),
            });
        } else {
            table.insert(id, (file, path));
        }
    }

    fn table(&mut self, kind: Kind) -> &mut HashMap<&'a str, (usize, Path)> {
        match kind {
            Kind::Party => &mut self.parties,
            Kind::Actor => &mut self.actors,
            Kind::Place => &mut self.places,
            Kind::Source => &mut self.sources,
            Kind::Event => &mut self.events,
            Kind::Claim => &mut self.claims,
        }
    }

    /// Reports a reference to an id that no file defines, with a suggestion.
    fn refer(&mut self, kind: Kind, file: usize, path: impl FnOnce() -> Path, id: &str) {
        if self.table(kind).contains_key(id) {
            return;
        }
        let mut message = format!("unknown {} \"{id}\"", kind.name());
        let k = kind as usize;
        if self.known[k].is_none() {
            self.known[k] = Some(suggest::Known::new(self.table(kind).keys().copied()));
        }
        if let Some(known) = &self.known[k]
            && let Some(s) = known.nearest(id, &mut self.suggestion_budget)
        {
            message.push_str(&format!(" (did you mean \"{s}\"?)"));
        }
        self.error(file, path(), message);
    }

    fn when(&mut self, file: usize, path: impl FnOnce() -> Path, when: &When, offset: FixedOffset) {
        let Err(e) = when.span(offset) else {
            return;
        };
        // Which field is at fault: the start on its own, or else the end.
        let start_only = When {
            end: None,
            ..when.clone()
        };
        match start_only.span(offset) {
            Err(e) => self.error(file, path().field("at"), e.to_string()),
            Ok(_) => self.error(file, path().field("end"), e.to_string()),
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Party,
    Actor,
    Place,
    Source,
    Event,
    Claim,
}

impl Kind {
    fn name(self) -> &'static str {
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

/// A place name for comparing: lower case, with the letters of the map's Azerbaijani names
/// read as the plain letters an English spelling uses ("Şəki" → "seki"), and combining
/// accents dropped.
fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ə' => 'e',
            'ı' => 'i',
            'ş' => 's',
            'ç' => 'c',
            'ğ' => 'g',
            'ö' => 'o',
            'ü' => 'u',
            c => c,
        })
        .collect()
}

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Validates every file, then merges them; returns no dataset when there is nothing to merge.
pub(super) fn validate_and_merge(
    parsed: Vec<(&SourceText, DatasetFile)>,
) -> (Option<Dataset>, Vec<Diagnostic>) {
    let files = parsed.as_slice();
    let mut cx = Ctx::default();
    let root = Path::root();
    let mut offsets = Vec::new();

    // Pass 1: headers and definitions, so that references may point into any file.
    for (f, (_, file)) in files.iter().enumerate() {
        if file.format != FORMAT_VERSION {
            cx.error(f, root.field("format"), format!("unsupported format {}: this version of Claimline reads format {FORMAT_VERSION}", file.format));
        }
        let h = root.field("dataset");
        let d = &file.dataset;
        cx.non_empty(f, || h.field("title"), &d.title, "title");
        cx.non_empty(f, || h.field("description"), &d.description, "description");
        cx.non_empty(f, || h.field("curator"), &d.curator, "curator");
        cx.non_empty(f, || h.field("licence"), &d.licence, "licence");
        if let Some(notes) = &d.notes {
            cx.not_too_long(f, || h.field("notes"), notes, "notes");
        }
        let offset = match d.utc_offset.as_deref().map(parse_offset) {
            None => utc(),
            Some(Ok(o)) => o,
            Some(Err(e)) => {
                cx.error(f, h.field("utc_offset"), e.to_string());
                utc()
            }
        };
        offsets.push(offset);
        for (i, x) in file.parties.iter().enumerate() {
            cx.define(
                Kind::Party,
                f,
                root.field("parties").index(i).field("id"),
                &x.id,
            );
        }
        for (i, x) in file.actors.iter().enumerate() {
            cx.define(
                Kind::Actor,
                f,
                root.field("actors").index(i).field("id"),
                &x.id,
            );
        }
        for (i, x) in file.places.iter().enumerate() {
            cx.define(
                Kind::Place,
                f,
                root.field("places").index(i).field("id"),
                &x.id,
            );
        }
        for (i, x) in file.sources.iter().enumerate() {
            cx.define(
                Kind::Source,
                f,
                root.field("sources").index(i).field("id"),
                &x.id,
            );
        }
        for (i, e) in file.events.iter().enumerate() {
            let ep = root.field("events").index(i);
            cx.define(Kind::Event, f, ep.field("id"), &e.id);
            for (j, c) in e.claims.iter().enumerate() {
                cx.define(
                    Kind::Claim,
                    f,
                    ep.field("claims").index(j).field("id"),
                    &c.id,
                );
            }
        }
    }

    // Pass 2: every field and reference.
    for (f, (_, file)) in files.iter().enumerate() {
        let offset = offsets[f];
        for (i, p) in file.parties.iter().enumerate() {
            let pp = root.field("parties").index(i);
            cx.non_empty(f, || pp.field("name"), &p.name, "party name");
            cx.non_empty_opt(f, || pp.field("adjective"), &p.adjective, "party adjective");
            if let Some(c) = &p.colour
                && !is_colour(c)
            {
                cx.error(
                    f,
                    pp.field("colour"),
                    format!("invalid colour \"{c}\": write it as \"#rrggbb\""),
                );
            }
        }
        for (i, a) in file.actors.iter().enumerate() {
            let ap = root.field("actors").index(i);
            cx.non_empty(f, || ap.field("name"), &a.name, "actor name");
            cx.non_empty(f, || ap.field("role"), &a.role, "actor role");
            cx.non_empty_opt(f, || ap.field("affiliation"), &a.affiliation, "affiliation");
            if let Some(party) = &a.party {
                cx.refer(Kind::Party, f, || ap.field("party"), party);
                cx.party_has_actor.insert(party);
            }
        }
        for (i, p) in file.places.iter().enumerate() {
            let pp = root.field("places").index(i);
            cx.non_empty(f, || pp.field("name"), &p.name, "place name");
            cx.non_empty(f, || pp.field("country"), &p.country, "country");
            cx.non_empty_opt(f, || pp.field("district"), &p.district, "district");
            cx.district_on_the_map(f, &pp, p);
            for (field, text) in [
                ("note", &p.note),
                ("coords_source", &p.coords_source),
                ("boundary_note", &p.boundary_note),
            ] {
                if let Some(t) = text {
                    cx.not_too_long(f, || pp.field(field), t, field);
                }
            }
            for (j, n) in p.other_names.iter().enumerate() {
                cx.non_empty(
                    f,
                    || pp.field("other_names").index(j).field("name"),
                    &n.name,
                    "other name",
                );
            }
            match (p.lat, p.lon) {
                (Some(lat), Some(lon))
                    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
                {
                    cx.on_the_map(f, &pp, p, lat, lon);
                }
                (Some(lat), Some(lon)) => {
                    if !(-90.0..=90.0).contains(&lat) {
                        cx.error(
                            f,
                            pp.field("lat"),
                            format!("latitude {lat} is outside -90..90"),
                        );
                    }
                    if !(-180.0..=180.0).contains(&lon) {
                        cx.error(
                            f,
                            pp.field("lon"),
                            format!("longitude {lon} is outside -180..180"),
                        );
                    }
                }
                (Some(_), None) => cx.error(
                    f,
                    pp.field("lat"),
                    "latitude without longitude: give both or neither",
                ),
                (None, Some(_)) => cx.error(
                    f,
                    pp.field("lon"),
                    "longitude without latitude: give both or neither",
                ),
                (None, None) => cx.warning(
                    f,
                    pp.field("id"),
                    format!(
                        "place \"{}\" has no coordinates: the map lists it beside the map instead of drawing it",
                        p.id
                    ),
                ),
            }
        }
        for (i, s) in file.sources.iter().enumerate() {
            let sp = root.field("sources").index(i);
            cx.non_empty(f, || sp.field("outlet"), &s.outlet, "outlet");
            cx.non_empty(f, || sp.field("language"), &s.language, "language");
            cx.non_empty_opt(f, || sp.field("title"), &s.title, "title");
            cx.non_empty_opt(f, || sp.field("url"), &s.url, "url");
            if let Some(date) = &s.date {
                match parse_instant(date, offset) {
                    Ok(i) if i.granularity == Granularity::Minute => cx.error(
                        f,
                        sp.field("date"),
                        format!("source date \"{date}\" has a time of day: write the date only"),
                    ),
                    Ok(_) => {}
                    Err(e) => cx.error(f, sp.field("date"), e.to_string()),
                }
            }
        }
        for (i, e) in file.events.iter().enumerate() {
            let ep = root.field("events").index(i);
            cx.non_empty(f, || ep.field("title"), &e.title, "event title");
            cx.non_empty(f, || ep.field("summary"), &e.summary, "event summary");
            cx.neutral(f, || ep.field("title"), &e.title, "event title");
            cx.neutral(f, || ep.field("summary"), &e.summary, "event summary");
            cx.when(f, || ep.field("when"), &e.when, offset);
            for (j, place) in e.places.iter().enumerate() {
                cx.refer(Kind::Place, f, || ep.field("places").index(j), place);
            }
            if e.claims.is_empty() {
                cx.warning(
                    f,
                    ep.field("id"),
                    format!(
                        "event \"{}\" has no claims: nothing attributes it to a source",
                        e.id
                    ),
                );
            }
            for (j, c) in e.claims.iter().enumerate() {
                let cp = ep.field("claims").index(j);
                cx.refer(Kind::Actor, f, || cp.field("actor"), &c.actor);
                cx.when(f, || cp.field("said"), &c.said, offset);
                cx.non_empty(f, || cp.field("text"), &c.text, "claim text");
                cx.non_empty_opt(f, || cp.field("note"), &c.note, "note");
                cx.neutral(f, || cp.field("text"), &c.text, "claim text");
                if let Some(note) = &c.note {
                    cx.neutral(f, || cp.field("note"), note, "note");
                }
                if let Some(o) = &c.original {
                    cx.non_empty(
                        f,
                        || cp.field("original").field("text"),
                        &o.text,
                        "original text",
                    );
                    cx.non_empty(
                        f,
                        || cp.field("original").field("lang"),
                        &o.lang,
                        "original language",
                    );
                }
                if c.sources.is_empty() {
                    cx.error(
                        f,
                        cp.field("sources"),
                        format!(
                            "claim \"{}\" has no source: every claim needs at least one",
                            c.id
                        ),
                    );
                }
                for (k, cit) in c.sources.iter().enumerate() {
                    cx.refer(
                        Kind::Source,
                        f,
                        || cp.field("sources").index(k).field("source"),
                        &cit.source,
                    );
                    cx.cited_sources.insert(&cit.source);
                    cx.non_empty_opt(
                        f,
                        || cp.field("sources").index(k).field("at"),
                        &cit.at,
                        "citation place",
                    );
                }
                for (k, d) in c.disputes.iter().enumerate() {
                    let dp = cp.field("disputes").index(k);
                    if d == &c.id {
                        cx.error(f, dp, format!("claim \"{d}\" disputes itself"));
                    } else {
                        cx.refer(Kind::Claim, f, || dp, d);
                    }
                }
                for (k, fig) in c.figures.iter().enumerate() {
                    let fp = cp.field("figures").index(k);
                    if let Some(w) = &fig.whose {
                        cx.refer(Kind::Party, f, || fp.field("whose"), w);
                    }
                    if let Some(a) = &fig.counted_by {
                        cx.refer(Kind::Actor, f, || fp.field("counted_by"), a);
                    }
                }
            }
        }
    }

    // Pass 3: facts about the whole set.
    for (f, (_, file)) in files.iter().enumerate() {
        let offset = offsets[f];
        let mut tour_ids = HashSet::new();
        for (i, t) in file.tours.iter().enumerate() {
            let tp = root.field("tours").index(i);
            cx.non_empty(f, || tp.field("title"), &t.title, "tour title");
            if !tour_ids.insert(t.id.as_str()) {
                cx.error(f, tp.field("id"), format!("duplicate tour id \"{}\"", t.id));
            }
            if t.steps.is_empty() {
                cx.error(f, tp.field("steps"), "a tour needs at least one step");
            }
            for (j, step) in t.steps.iter().enumerate() {
                let sp = tp.field("steps").index(j);
                cx.refer(Kind::Event, f, || sp.field("event"), &step.event);
                if let Some(c) = &step.caption {
                    cx.not_too_long(f, || sp.field("caption"), c, "tour caption");
                    cx.neutral(f, || sp.field("caption"), c, "tour caption");
                }
                if let Some(z) = &step.zoom {
                    let zp = sp.field("zoom");
                    for (field, at) in [("from", &z.from), ("to", &z.to)] {
                        if let Err(e) = parse_instant(at, offset) {
                            cx.error(f, zp.field(field), e.to_string());
                        }
                    }
                    if let (Ok(a), Ok(b)) =
                        (parse_instant(&z.from, offset), parse_instant(&z.to, offset))
                        && b.local < a.local
                    {
                        cx.error(
                            f,
                            zp.field("to"),
                            format!("zoom ends (\"{}\") before it starts (\"{}\")", z.to, z.from),
                        );
                    }
                }
            }
        }
        for (i, p) in file.parties.iter().enumerate() {
            if !cx.party_has_actor.contains(p.id.as_str()) {
                cx.error(
                    f,
                    root.field("parties").index(i).field("id"),
                    format!(
                        "party \"{}\" has no actor: add an actor with `party: \"{}\"`",
                        p.id, p.id
                    ),
                );
            }
        }
        for (i, s) in file.sources.iter().enumerate() {
            if !cx.cited_sources.contains(s.id.as_str()) {
                cx.warning(
                    f,
                    root.field("sources").index(i).field("id"),
                    format!("source \"{}\" is not cited by any claim", s.id),
                );
            }
        }
    }

    let diagnostics = locate_problems(files, cx.problems);
    (merge(parsed, offsets), diagnostics)
}

/// Turns paths into lines and columns, walking each file's text only if it has problems.
fn locate_problems(
    files: &[(&SourceText, DatasetFile)],
    problems: Vec<Problem>,
) -> Vec<Diagnostic> {
    let mut positions: HashMap<usize, HashMap<String, LineCol>> = HashMap::new();
    let mut find = |file: usize, path: &Path| -> Option<LineCol> {
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
            if let Some((ff, fp)) = p.first {
                let name = &files[ff].0.name;
                match find(ff, &fp) {
                    Some(a) => message
                        .push_str(&format!(" (first defined at {name}:{}:{})", a.line, a.col)),
                    None => message.push_str(&format!(" (first defined in {name})")),
                }
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
/// the memory the app uses.
fn merge(files: Vec<(&SourceText, DatasetFile)>, offsets: Vec<FixedOffset>) -> Option<Dataset> {
    let (_, first) = files.first()?;
    let mut ds = Dataset {
        info: first.dataset.clone(),
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
    for (f, (_, file)) in files.into_iter().enumerate() {
        ds.tours.extend(file.tours);
        ds.parties.extend(file.parties);
        ds.actors.extend(file.actors);
        ds.places.extend(file.places);
        ds.sources.extend(file.sources);
        ds.events.extend(file.events.into_iter().map(|mut e| {
            e.file = f;
            e
        }));
    }
    Some(ds)
}
