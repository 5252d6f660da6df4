//! A TimelineJS sheet (Knight Lab's Google Sheets template, downloaded as CSV) read into
//! Claimline's model.
//!
//! Each row of the sheet is a slide of a newsroom's timeline. A row of `Type` "title" is the
//! timeline's title slide and a row of `Type` "era" a span drawn behind the events: neither is
//! an event. Every other row is one event, whose text is one claim: the account of the
//! timeline's authors, a third party standing for the newsroom (named after the title slide,
//! else the file), since the sheet says who wrote it and nothing about who said what.
//!
//! What each column becomes:
//!
//! | column | becomes |
//! |---|---|
//! | `Year`, `Month`, `Day`, `Time` | the event's `when`, at the precision the cells give: the year, the month, the day, the hour (`Time` "14" or "2 PM") or the minute |
//! | `End Year`, `End Month`, `End Day`, `End Time` | the `end` of the span; the span is read at the coarser of the two precisions (the model has one precision for both) |
//! | `Headline` | the title, HTML tags stripped; a headline with loaded words is quoted as the authors' words; the event id is made from it |
//! | `Text` | HTML tags stripped: the summary (quoted when it has loaded words) and the claim's text, a quote (the authors' words); an empty `Text` gives the headline |
//! | `Display Date` | the claim's note: "Display date in the timeline: ..." |
//! | `Media Credit`, `Media` | one source per row: the credit as the outlet (else the timeline's name), `Media` as its `url` when it is an http(s) link; language "und" (unknown) |
//! | `Media Caption` | the source's note |
//! | `Group` | with a group map, the event's kind and the party whose actor makes the claim; otherwise a last line of the summary, "Timeline group: ..." |
//! | `Type` | "title": the dataset's title (`Headline`) and description (`Text`); "era": a line in the dataset's notes; any other value: an event, as TimelineJS reads it |
//!
//! Unused: `Media Thumbnail`, `Background` (how the slide looks). TimelineJS has no places,
//! so the events have none: the model does not need them, and inventing one would put every
//! event on the map somewhere it did not happen. The claim was made after the event began and
//! the sheet says no more: its `said` is "after" the event's start (`open: After`).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Deserialize;

use super::acled::{Cells, Layout, read_sheet};
use super::table::{slug, warning};
use super::{Imported, Positions};
use crate::load::suggest::{Budget, Known};
use crate::load::{Diagnostic, LineCol, SourceText, value_positions};
use crate::model::wording::{loaded_words_outside_quotes, plural};
use crate::model::{
    Actor, ActorKind, Citation, Claim, ClaimKind, ClaimMore, DatasetFile, DatasetInfo, Event,
    EventKind, FORMAT_VERSION, More, Open, Party, Precision, Source, When, utc,
};

/// The columns a row cannot be read without.
pub const REQUIRED: [&str; 2] = ["Year", "Headline"];

/// Every column of TimelineJS's sheet template, in its order.
pub const ALL_COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

const LAYOUT: Layout = Layout {
    format: "a TimelineJS sheet",
    required: &REQUIRED,
    all: &ALL_COLUMNS,
    expected: "a TimelineJS header row (Year, Month, Day, ..., Headline, Text, ...)",
};

/// The id of the actor standing for the timeline's authors, who make every claim a group map
/// does not give to a party's actor.
pub const AUTHORS_ACTOR: &str = "timeline-authors";

/// Event ids made from headlines are cut to about this many characters.
const ID_CHARS: usize = 60;

/// What a sheet's `Group` values mean, read from a small RON file:
///
/// ```ron
/// (
///     parties: [(id: "north", name: "Northland")],
///     groups: [
///         (group: "Northland statements", party: "north", actor: "Northland Press Office", kind: Statement),
///         (group: "Clashes", kind: ArmedClash),
///     ],
/// )
/// ```
///
/// A group may give its rows' events a kind, and its rows' claims to an actor of a party (the
/// actor's name is needed with `party`). Groups are matched exactly as the sheet writes them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupMap {
    #[serde(default)]
    pub parties: Vec<GroupParty>,
    pub groups: Vec<MappedGroup>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupParty {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappedGroup {
    /// The `Group` cell, exactly as the sheet writes it.
    pub group: String,
    #[serde(default)]
    pub kind: Option<EventKind>,
    /// The party (an id of `parties`) whose actor makes the group's claims.
    #[serde(default)]
    pub party: Option<String>,
    /// That actor's name; needed with `party`, and only with it.
    #[serde(default)]
    pub actor: Option<String>,
}

impl GroupMap {
    /// Reads a group map, with a RON error at its line and column, and every group that
    /// names an unknown party or a party without its actor at the value at fault.
    pub fn parse(src: &SourceText) -> Result<GroupMap, Vec<Diagnostic>> {
        let map: GroupMap = crate::load::parse_as(
            src,
            "a group map `(parties: [...], groups: [(group: ..., kind: ..., party: ..., actor: ...)])`",
        )
        .map_err(|d| vec![d])?;
        let positions = value_positions(&src.text);
        let at = |path: String| positions.get(&path).copied();
        let mut problems = Vec::new();
        for (i, g) in map.groups.iter().enumerate() {
            let path = format!("groups[{i}]");
            if let Some(p) = &g.party
                && !map.parties.iter().any(|q| &q.id == p)
            {
                problems.push(Diagnostic::error(
                    &src.name,
                    at(format!("{path}.party")),
                    format!(
                        "group \"{}\" names party \"{p}\", which `parties` does not list",
                        g.group
                    ),
                ));
            }
            match (&g.party, &g.actor) {
                (Some(_), None) => problems.push(Diagnostic::error(
                    &src.name,
                    at(path),
                    format!(
                        "group \"{}\" names a party but no `actor`: name who speaks for it",
                        g.group
                    ),
                )),
                (None, Some(_)) => problems.push(Diagnostic::error(
                    &src.name,
                    at(format!("{path}.actor")),
                    format!(
                        "group \"{}\" names an actor but no `party`: without a party its rows are the timeline authors' account",
                        g.group
                    ),
                )),
                _ => {}
            }
        }
        if problems.is_empty() {
            Ok(map)
        } else {
            Err(problems)
        }
    }

    fn group(&self, name: &str) -> Option<&MappedGroup> {
        self.groups.iter().find(|g| g.group == name)
    }
}

/// Whether a header row is TimelineJS's: it names `Year` and `Headline` (in any case, after an
/// optional byte order mark or quotes) and at least one more column of the template.
pub fn looks_like_timelinejs(header: &[&str]) -> bool {
    let cells: Vec<String> = header
        .iter()
        .map(|c| {
            c.trim_start_matches('\u{feff}')
                .trim()
                .trim_matches('"')
                .trim()
                .to_lowercase()
        })
        .collect();
    let has = |c: &str| cells.iter().any(|h| *h == c.to_lowercase());
    REQUIRED.into_iter().all(has)
        && ALL_COLUMNS
            .into_iter()
            .filter(|c| !REQUIRED.contains(c))
            .any(has)
}

/// Reads a TimelineJS sheet saved as CSV. `name` is how diagnostics name the file; `groups`
/// says what its `Group` values mean. On success, the dataset, its warnings and where each
/// value came from; otherwise every problem found, each at its row (the line the row starts
/// on, the header being line 1) and column (1-based).
pub fn read_timelinejs(
    name: &str,
    bytes: &[u8],
    groups: Option<&GroupMap>,
) -> Result<Imported, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let Some(sheet) = read_sheet(name, bytes, &LAYOUT, &mut diags) else {
        return Err(diags);
    };
    unknown_columns(name, &sheet.columns.header, &mut diags);
    let mut title: Option<Slide> = None;
    let mut eras: Vec<Slide> = Vec::new();
    let mut events: Vec<Slide> = Vec::new();
    for (record, line) in &sheet.rows {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut c = Cells::new(name, &sheet.columns, record, *line);
        let kind = c.text("Type").to_lowercase();
        match kind.as_str() {
            "title" if title.is_none() => title = Some(Slide::read(&mut c, Role::Title)),
            "era" => eras.push(Slide::read(&mut c, Role::Era)),
            "title" => {
                diags.push(warning(
                    name,
                    Some(c.at("Type")),
                    "a second title row: read as an event, as TimelineJS shows it",
                ));
                events.push(Slide::read(&mut c, Role::Event));
            }
            "" => events.push(Slide::read(&mut c, Role::Event)),
            _ => {
                diags.push(warning(
                    name,
                    Some(c.at("Type")),
                    format!(
                        "Type \"{}\" is neither \"title\" nor \"era\": read as an event, as TimelineJS reads it",
                        c.text("Type")
                    ),
                ));
                events.push(Slide::read(&mut c, Role::Event));
            }
        }
        // In the order of the columns, as a reader goes along the row.
        c.problems.sort_by_key(|d| d.at.map(|at| at.col));
        diags.append(&mut c.problems);
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let mut build = Builder::new(name, groups, title.as_ref());
    for slide in events {
        build.add(slide, &mut diags);
    }
    if let Some(map) = groups {
        for g in map
            .groups
            .iter()
            .filter(|g| !build.used_groups.contains(&g.group))
        {
            diags.push(warning(
                name,
                None,
                format!(
                    "the group map names group \"{}\", which no row has",
                    g.group
                ),
            ));
        }
    }
    Ok(build.finish(title, &eras, diags))
}

/// "imported 4 events from a TimelineJS sheet": what an import made.
pub fn summary(file: &DatasetFile) -> String {
    format!(
        "imported {} from a TimelineJS sheet",
        plural(file.events.len(), "event")
    )
}

/// Warns of each header the template does not have: TimelineJS ignores it, and so does this.
fn unknown_columns(name: &str, header: &[String], diags: &mut Vec<Diagnostic>) {
    let known = Known::new(ALL_COLUMNS.into_iter());
    let mut budget = Budget::default();
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() || ALL_COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(h)) {
            continue;
        }
        let hint = known
            .nearest(h, &mut budget)
            .map(|k| format!(" (did you mean \"{k}\"?)"))
            .unwrap_or_default();
        diags.push(warning(
            name,
            Some(LineCol {
                line: 1,
                col: i + 1,
            }),
            format!("column \"{h}\" is not in TimelineJS's template: it is left out{hint}"),
        ));
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Title,
    Era,
    Event,
}

/// A date and time as the cells give it: a year, and then as much as is known.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stamp {
    date: NaiveDate,
    month: bool,
    day: bool,
    /// Hour, minute, second; `None` for the minute when `Time` gives only the hour.
    time: Option<(u32, Option<u32>, u32)>,
}

/// How finely a stamp is known, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fineness {
    Year,
    Month,
    Day,
    Hour,
    Minute,
}

impl Stamp {
    fn fineness(&self) -> Fineness {
        match (self.month, self.day, self.time) {
            (false, _, _) => Fineness::Year,
            (true, false, _) => Fineness::Month,
            (true, true, None) => Fineness::Day,
            (true, true, Some((_, None, _))) => Fineness::Hour,
            (true, true, Some(_)) => Fineness::Minute,
        }
    }

    /// As `When.at` writes it, to the fineness the cells give.
    fn text(&self) -> String {
        let d = self.date;
        match self.fineness() {
            Fineness::Year => d.format("%Y").to_string(),
            Fineness::Month => d.format("%Y-%m").to_string(),
            Fineness::Day => d.format("%Y-%m-%d").to_string(),
            _ => {
                let (h, m, s) = self.time.unwrap_or_default();
                let clock = match s {
                    0 => format!("{h:02}:{:02}", m.unwrap_or(0)),
                    s => format!("{h:02}:{:02}:{s:02}", m.unwrap_or(0)),
                };
                format!("{}T{clock}", d.format("%Y-%m-%d"))
            }
        }
    }
}

fn precision(f: Fineness) -> Precision {
    match f {
        Fineness::Year => Precision::Year,
        Fineness::Month => Precision::Month,
        Fineness::Day => Precision::Day,
        Fineness::Hour => Precision::Hour,
        Fineness::Minute => Precision::Exact,
    }
}

/// One row read and checked: an event, an era or the title slide.
struct Slide {
    line: usize,
    headline: String,
    text: String,
    when: Option<When>,
    display_date: String,
    media: String,
    credit: String,
    caption: String,
    group: String,
    /// Where each cell a field is read from stands, by column.
    cells: HashMap<&'static str, LineCol>,
}

impl Slide {
    fn read(c: &mut Cells, role: Role) -> Slide {
        let headline = strip_html(&c.text("Headline"));
        if headline.is_empty() && role == Role::Event {
            c.error(
                "Headline",
                "Headline is empty: an event needs a title".to_owned(),
            );
        }
        let when = if role == Role::Title {
            None
        } else {
            read_when(c)
        };
        let cells = ALL_COLUMNS.iter().map(|&k| (k, c.at(k))).collect();
        Slide {
            line: c.line,
            headline,
            text: strip_html(&c.text("Text")),
            when,
            display_date: c.text("Display Date"),
            media: c.text("Media"),
            credit: strip_html(&c.text("Media Credit")),
            caption: strip_html(&c.text("Media Caption")),
            group: c.text("Group"),
            cells,
        }
    }

    fn at(&self, column: &'static str) -> LineCol {
        self.cells.get(column).copied().unwrap_or(LineCol {
            line: self.line,
            col: 1,
        })
    }
}

/// The row's time: its start from `Year`..`Time`, its end from `End Year`..`End Time`.
fn read_when(c: &mut Cells) -> Option<When> {
    let start = stamp(c, ["Year", "Month", "Day", "Time"]);
    let end_given = ["End Year", "End Month", "End Day", "End Time"]
        .iter()
        .any(|k| !c.text(k).is_empty());
    let end = if end_given {
        stamp(c, ["End Year", "End Month", "End Day", "End Time"])
    } else {
        None
    };
    let start = start?;
    if end_given && end.is_none() {
        return None;
    }
    let fineness = end.map_or(start.fineness(), |e| e.fineness().min(start.fineness()));
    let when = When::new(
        &start.text(),
        precision(fineness),
        end.map(|e| e.text()).as_deref(),
        None,
    );
    if let (Some(e), Err(_)) = (end, when.span(utc())) {
        c.error(
            "End Year",
            format!(
                "the end, {}, is before the start, {}",
                e.text(),
                start.text()
            ),
        );
        return None;
    }
    Some(when)
}

/// A date and time from the four cells named (year, month, day, time); every bad cell is a
/// problem of the row.
fn stamp(c: &mut Cells, [y, m, d, t]: [&str; 4]) -> Option<Stamp> {
    let year_text = c.text(y);
    let year = if year_text.is_empty() {
        let why = if y == "Year" {
            "a row needs at least its year"
        } else {
            "an end needs at least its year"
        };
        c.error(y, format!("{y} is empty: {why}"));
        None
    } else {
        // TimelineJS drops spaces and thousands separators ("2 020", "1,850").
        let cleaned: String = year_text
            .chars()
            .filter(|ch| !ch.is_whitespace() && *ch != ',')
            .collect();
        match cleaned.parse::<i32>() {
            Ok(v) if (1..=9999).contains(&v) => Some(v),
            Ok(_) => {
                c.error(
                    y,
                    format!("{y} \"{year_text}\" is not a year from 1 to 9999, which Claimline's dates are"),
                );
                None
            }
            Err(_) => {
                c.error(y, format!("{y} \"{year_text}\" is not a year such as 2020"));
                None
            }
        }
    };
    let month = number(c, m, 1..=12, "a month from 1 to 12");
    let day = number(c, d, 1..=31, "a day from 1 to 31");
    let time_text = c.text(t);
    let time = if time_text.is_empty() {
        None
    } else {
        let parsed = parse_time(&time_text);
        if parsed.is_none() {
            c.error(
                t,
                format!("{t} \"{time_text}\" is not a time of day such as 14:30 or 2:30 PM"),
            );
        }
        parsed
    };
    // A bad cell is reported already; a cell given without the one it needs is reported here.
    let month_bad = !c.text(m).is_empty() && month.is_none();
    let day_bad = !c.text(d).is_empty() && day.is_none();
    let time_bad = !time_text.is_empty() && time.is_none();
    if day.is_some() && month.is_none() && !month_bad {
        c.error(d, format!("{d} is given without a {m}"));
        return None;
    }
    if time.is_some() && day.is_none() && !day_bad {
        c.error(
            t,
            format!("{t} is given without a {d}: a time needs its day"),
        );
        return None;
    }
    let year = year?;
    if month_bad || day_bad || time_bad {
        return None;
    }
    let Some(date) = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)) else {
        c.error(
            d,
            format!(
                "{d} {} is not a day of {year}-{:02}",
                day.unwrap_or(1),
                month.unwrap_or(1)
            ),
        );
        return None;
    };
    Some(Stamp {
        date,
        month: month.is_some(),
        day: day.is_some(),
        time,
    })
}

/// A whole number in `range` from the column's cell; `None` when it is empty or bad.
fn number(
    c: &mut Cells,
    column: &str,
    range: std::ops::RangeInclusive<u32>,
    what: &str,
) -> Option<u32> {
    let t = c.text(column);
    if t.is_empty() {
        return None;
    }
    match t.parse::<u32>() {
        Ok(v) if range.contains(&v) => Some(v),
        _ => {
            c.error(column, format!("{column} \"{t}\" is not {what}"));
            None
        }
    }
}

/// A time of day as TimelineJS reads one: "14", "14:30", "14:30:15", "1430", "14.30", each
/// with an optional "AM"/"PM" ("2:30 pm", "2 p.m."). Hour, minute (none when only the hour is
/// given) and second.
pub fn parse_time(text: &str) -> Option<(u32, Option<u32>, u32)> {
    let t = text.trim();
    let lower = t.to_lowercase();
    let (clock, period) = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
        .iter()
        .find_map(|p| {
            lower
                .strip_suffix(p)
                .map(|c| (c.trim().to_owned(), p.starts_with('p')))
        })
        .map_or((lower.clone(), None), |(c, pm)| (c, Some(pm)));
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> =
        if clock.len() >= 3 && clock.len() <= 4 && clock.bytes().all(|b| b.is_ascii_digit()) {
            let (h, m) = clock.split_at(clock.len() - 2);
            vec![h, m]
        } else if clock.contains(':') {
            clock.split(':').collect()
        } else {
            clock.split('.').collect()
        };
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(|p| all_digits(p)) {
        return None;
    }
    let mut hour: u32 = parts[0].parse().ok()?;
    let minute: Option<u32> = parts.get(1).map(|m| m.parse()).transpose().ok()?;
    let second: u32 = parts.get(2).map_or(Ok(0), |s| s.parse()).ok()?;
    match period {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        None if hour > 23 => return None,
        None => {}
    }
    if minute.is_some_and(|m| m > 59) || second > 59 {
        return None;
    }
    Some((hour, minute, second))
}

/// The text of a cell that may hold HTML, as TimelineJS lets `Headline` and `Text` do: tags
/// dropped (a line break for `<br>`, a blank line between paragraphs and list items), the
/// common character references decoded, and runs of spaces made one.
pub fn strip_html(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(j) if is_tag => {
                let name: String = after[..j]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_lowercase();
                match name.as_str() {
                    "br" => out.push('\n'),
                    "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4"
                    | "h5" | "h6" | "tr" => out.push_str("\n\n"),
                    _ => {}
                }
                rest = &after[j + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    let mut lines: Vec<String> = Vec::new();
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        // At most one blank line in a row.
        if !(line.is_empty() && lines.last().is_none_or(String::is_empty)) {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines.join("\n")
}

/// `&amp;`, `&lt;`, `&#39;`, `&#x2014;` and the other common references decoded; any other is
/// kept as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&j| j <= 10);
        let decoded = end.and_then(|j| {
            let name = &after[..j];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                "hellip" => '…',
                _ => {
                    let n = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                    };
                    char::from_u32(n?)?
                }
            };
            Some((c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &after[j + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text in the curator's voice when it has no loaded word outside quotation marks, else
/// quoted as a whole: the timeline's authors wrote it.
fn voiced(text: &str) -> String {
    if loaded_words_outside_quotes(text).is_empty() {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

/// The dataset as it is built, event by event.
struct Builder<'a> {
    file: &'a str,
    /// The file's name without its folders.
    base: String,
    groups: Option<&'a GroupMap>,
    /// What the title slide calls the timeline, else the file's name.
    timeline: String,
    events: Vec<Event>,
    sources: Vec<Source>,
    event_ids: HashSet<String>,
    used_groups: HashSet<String>,
    /// Unmapped groups warned of already.
    unmapped: HashSet<String>,
    /// Mapped actors used, as (party id, name) → actor id, in order of first use.
    actors: Vec<((String, String), String)>,
    positions: Positions,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str, groups: Option<&'a GroupMap>, title: Option<&Slide>) -> Self {
        let base = std::path::Path::new(file)
            .file_name()
            .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
        let timeline = match title.map(|t| t.headline.as_str()) {
            Some(h) if !h.is_empty() => format!("“{h}”"),
            _ => base.clone(),
        };
        Builder {
            file,
            base,
            groups,
            timeline,
            events: Vec::new(),
            sources: Vec::new(),
            event_ids: HashSet::new(),
            used_groups: HashSet::new(),
            unmapped: HashSet::new(),
            actors: Vec::new(),
            positions: Positions::default(),
        }
    }

    /// An id from the headline, unique among the events: "bridge-at-ashby-reopens", then
    /// "bridge-at-ashby-reopens-2".
    fn event_id(&mut self, slide: &Slide) -> String {
        let mut base = slug(&slide.headline, true);
        if base.chars().count() > ID_CHARS {
            let cut: String = base.chars().take(ID_CHARS).collect();
            base = match cut.rfind('-') {
                Some(i) if i > 0 => cut[..i].to_owned(),
                _ => cut,
            };
        }
        if base.is_empty() {
            base = format!("row-{}", slide.line);
        }
        let mut id = base.clone();
        let mut n = 1;
        while !self.event_ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// Who makes the row's claim: the actor the group map gives its group, else the authors.
    fn speaker(
        &mut self,
        slide: &Slide,
        diags: &mut Vec<Diagnostic>,
    ) -> (String, Option<EventKind>) {
        let authors = (AUTHORS_ACTOR.to_owned(), None);
        if slide.group.is_empty() {
            return authors;
        }
        let Some(map) = self.groups else {
            return authors;
        };
        let Some(g) = map.group(&slide.group) else {
            if self.unmapped.insert(slide.group.clone()) {
                let known = Known::new(map.groups.iter().map(|g| g.group.as_str()));
                let hint = known
                    .nearest(&slide.group, &mut Budget::default())
                    .map(|k| format!(" (did you mean \"{k}\"?)"))
                    .unwrap_or_default();
                diags.push(warning(
                    self.file,
                    Some(slide.at("Group")),
                    format!(
                        "group \"{}\" is not in the group map: kept in the summary{hint}",
                        slide.group
                    ),
                ));
            }
            return authors;
        };
        self.used_groups.insert(g.group.clone());
        let actor = match (&g.party, &g.actor) {
            (Some(party), Some(name)) => {
                let key = (party.clone(), name.clone());
                match self.actors.iter().find(|(k, _)| *k == key) {
                    Some((_, id)) => id.clone(),
                    None => {
                        let base = format!("group-actor-{}", slug(name, true));
                        let mut id = base.clone();
                        let mut n = 1;
                        while self.actors.iter().any(|(_, other)| *other == id) {
                            n += 1;
                            id = format!("{base}-{n}");
                        }
                        self.actors.push((key, id.clone()));
                        id
                    }
                }
            }
            _ => AUTHORS_ACTOR.to_owned(),
        };
        (actor, g.kind)
    }

    fn add(&mut self, slide: Slide, diags: &mut Vec<Diagnostic>) {
        let Some(when) = slide.when.clone() else {
            return;
        };
        let i = self.events.len();
        let id = self.event_id(&slide);
        let (actor, kind) = self.speaker(&slide, diags);
        let mapped = self.used_groups.contains(&slide.group);
        let account = if slide.text.is_empty() {
            slide.headline.clone()
        } else {
            slide.text.clone()
        };
        let mut summary = voiced(&account);
        if !slide.group.is_empty() && !mapped {
            summary.push_str(&format!("\n\nTimeline group: {}.", slide.group));
        }
        let account_column = if slide.text.is_empty() {
            "Headline"
        } else {
            "Text"
        };
        let source_id = format!("{id}-source");
        let url = (slide.media.starts_with("http://") || slide.media.starts_with("https://"))
            .then(|| slide.media.clone());
        let s = self.sources.len();
        let sp = format!("sources[{s}]");
        let (outlet, outlet_at) = if slide.credit.is_empty() {
            (self.timeline.clone(), slide.at("Headline"))
        } else {
            (slide.credit.clone(), slide.at("Media Credit"))
        };
        self.positions.record(sp.clone(), outlet_at);
        self.positions.record(format!("{sp}.outlet"), outlet_at);
        if url.is_some() {
            self.positions
                .record(format!("{sp}.url"), slide.at("Media"));
        }
        if !slide.caption.is_empty() {
            self.positions
                .record(format!("{sp}.note"), slide.at("Media Caption"));
        }
        self.sources.push(Source {
            id: source_id.clone(),
            outlet,
            title: None,
            date: None,
            url,
            language: "und".to_owned(),
            via: Vec::new(),
            published: None,
            note: (!slide.caption.is_empty()).then(|| format!("Media caption: {}", slide.caption)),
        });
        let mut notes = Vec::new();
        if !slide.display_date.is_empty() {
            notes.push(format!(
                "Display date in the timeline: {}",
                slide.display_date
            ));
        }
        if mapped {
            notes.push(format!("Timeline group: {}", slide.group));
        }
        let said = When::new(&when.at(), when.precision(), None, Some(Open::After));
        let ep = format!("events[{i}]");
        let cp = format!("{ep}.claims[0]");
        let row = LineCol {
            line: slide.line,
            col: 1,
        };
        for (path, at) in [
            (ep.clone(), row),
            (format!("{ep}.id"), slide.at("Headline")),
            (format!("{ep}.title"), slide.at("Headline")),
            (format!("{ep}.when"), slide.at("Year")),
            (format!("{ep}.when.at"), slide.at("Year")),
            (format!("{ep}.summary"), slide.at(account_column)),
            (cp.clone(), row),
            (format!("{cp}.text"), slide.at(account_column)),
            (format!("{cp}.said"), slide.at("Year")),
            (format!("{cp}.sources"), outlet_at),
        ] {
            self.positions.record(path, at);
        }
        if when.has_end() {
            self.positions
                .record(format!("{ep}.when.end"), slide.at("End Year"));
        }
        if kind.is_some() || actor != AUTHORS_ACTOR {
            self.positions
                .record(format!("{ep}.kind"), slide.at("Group"));
            self.positions
                .record(format!("{cp}.actor"), slide.at("Group"));
        }
        if !notes.is_empty() {
            let column = if slide.display_date.is_empty() {
                "Group"
            } else {
                "Display Date"
            };
            self.positions
                .record(format!("{cp}.note"), slide.at(column));
        }
        self.events.push(Event {
            file: 0,
            id: id.as_str().into(),
            title: voiced(if slide.headline.is_empty() {
                &account
            } else {
                &slide.headline
            })
            .into(),
            when,
            kind: kind.unwrap_or(EventKind::Report),
            places: Box::default(),
            summary: summary.into(),
            claims: Box::new([Claim {
                id: format!("{id}-account").into(),
                actor: actor.into(),
                said,
                kind: ClaimKind::Report,
                text: account.into(),
                quote: true,
                figures: Default::default(),
                sources: Box::new([Citation {
                    source: source_id.into(),
                    at: None,
                }]),
                disputes: Default::default(),
                more: More::new(ClaimMore {
                    note: (!notes.is_empty()).then(|| notes.join("; ").into()),
                    ..ClaimMore::default()
                }),
            }]),
            involves: Default::default(),
        });
    }

    fn finish(
        mut self,
        title: Option<Slide>,
        eras: &[Slide],
        warnings: Vec<Diagnostic>,
    ) -> Imported {
        let authors_name = format!("The authors of {}", self.timeline);
        let mut actors = vec![Actor {
            id: AUTHORS_ACTOR.to_owned(),
            name: authors_name.clone(),
            role: "authors of the TimelineJS timeline".to_owned(),
            party: None,
            kind: ActorKind::Media,
            affiliation: None,
        }];
        let mut parties: Vec<Party> = Vec::new();
        let map_parties = self.groups.map_or(&[][..], |m| &m.parties[..]);
        for ((party, name), id) in &self.actors {
            if let Some(p) = map_parties.iter().find(|p| &p.id == party)
                && !parties.iter().any(|q| q.id == p.id)
            {
                parties.push(Party {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    adjective: None,
                    colour: None,
                    side: None,
                });
            }
            actors.push(Actor {
                id: id.clone(),
                name: name.clone(),
                role: "speaks for its party in the timeline's group".to_owned(),
                party: Some(party.clone()),
                kind: ActorKind::Other,
                affiliation: None,
            });
        }
        // The map's order, as the map's author set it out.
        parties.sort_by_key(|p| map_parties.iter().position(|q| q.id == p.id));
        let (dataset_title, description) = match &title {
            Some(t) => {
                if !t.headline.is_empty() {
                    self.positions.record("dataset.title", t.at("Headline"));
                }
                if !t.text.is_empty() {
                    self.positions.record("dataset.description", t.at("Text"));
                }
                (t.headline.clone(), t.text.clone())
            }
            None => (String::new(), String::new()),
        };
        let dataset_title = if dataset_title.is_empty() {
            format!("TimelineJS timeline from {}", self.base)
        } else {
            dataset_title
        };
        let description = if description.is_empty() {
            format!(
                "Events of a TimelineJS sheet ({}): each row one event, with its text as the account of {}.",
                self.base,
                authors_name.to_lowercase().trim_start_matches("the ")
            )
        } else {
            description
        };
        let mut notes = vec![
            "Imported from a TimelineJS sheet. Times are as the sheet writes them, read in UTC: \
             set `utc_offset` to the timeline's zone. Each claim was made some time after its \
             event began; the sheet does not say when."
                .to_owned(),
        ];
        if let Some(first) = eras.first() {
            self.positions.record("dataset.notes", first.at("Headline"));
            let list: Vec<String> = eras
                .iter()
                .map(|e| {
                    let span = e.when.as_ref().map_or_else(String::new, |w| match w.end() {
                        Some(end) => format!(" ({} to {end})", w.at()),
                        None => format!(" (from {})", w.at()),
                    });
                    let name = if e.headline.is_empty() {
                        "an untitled era".to_owned()
                    } else {
                        format!("“{}”", e.headline)
                    };
                    format!("{name}{span}")
                })
                .collect();
            notes.push(format!(
                "The timeline's eras (spans it draws behind its events, not events): {}.",
                list.join("; ")
            ));
        }
        let file = DatasetFile {
            format: FORMAT_VERSION,
            dataset: DatasetInfo {
                title: dataset_title,
                description,
                curator: format!("{authors_name}; imported by Claimline"),
                licence: "as the timeline's authors publish it (the sheet does not say)".to_owned(),
                notes: Some(notes.join("\n\n")),
                utc_offset: None,
                columns: None,
                focus: None,
            },
            parties,
            actors,
            places: Vec::new(),
            sources: self.sources,
            events: self.events,
            tours: Vec::new(),
        };
        Imported {
            file,
            warnings,
            positions: self.positions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_each_form_timelinejs_reads() {
        for (text, want) in [
            ("14", Some((14, None, 0))),
            ("14:30", Some((14, Some(30), 0))),
            ("14:30:15", Some((14, Some(30), 15))),
            ("1430", Some((14, Some(30), 0))),
            ("9.05", Some((9, Some(5), 0))),
            ("2:30 PM", Some((14, Some(30), 0))),
            ("12 a.m.", Some((0, None, 0))),
            ("12pm", Some((12, None, 0))),
            ("25:00", None),
            ("13 PM", None),
            ("14:60", None),
            ("noon", None),
            ("", None),
        ] {
            assert_eq!(parse_time(text), want, "{text}");
        }
    }

    #[test]
    fn html_is_stripped_to_its_text() {
        assert_eq!(
            strip_html(
                "<p>The <b>bridge</b> at Ashby&nbsp;reopened.</p><p>Traffic &amp; trade<br/>resumed.</p>"
            ),
            "The bridge at Ashby reopened.\n\nTraffic & trade\nresumed."
        );
        assert_eq!(
            strip_html(
                "a < b and <a href=\"https://example.org\">a link</a> &#8220;x&#x201D; &bogus;"
            ),
            "a < b and a link “x” &bogus;"
        );
    }

    #[test]
    fn a_template_header_is_recognised() {
        assert!(looks_like_timelinejs(&[
            "\u{feff}Year",
            "Month",
            "Headline",
            "Text"
        ]));
        assert!(looks_like_timelinejs(&[
            "\"year\"",
            "\"headline\"",
            "\"type\""
        ]));
        assert!(!looks_like_timelinejs(&["Year", "Headline"]));
        assert!(!looks_like_timelinejs(&["event_id_cnty", "event_date"]));
    }
}
