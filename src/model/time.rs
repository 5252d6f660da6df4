//! Time as curators write it: an instant with an explicit precision ("the morning of 13 September",
//! "about 00:05", "September 2022"), optionally ending later. Everything resolves to a
//! [`TimeSpan`] in UTC seconds, which the timeline draws as a marker (exact) or a bar (uncertain
//! or long).

use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU64;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use serde::{Deserialize, Serialize};

use super::omit;
pub use super::stamp::Granularity;
use super::stamp::Stamp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartOfDay {
    /// 00:00–06:00
    Night,
    /// 06:00–12:00
    Morning,
    /// 12:00–18:00
    Afternoon,
    /// 18:00–24:00
    Evening,
}

impl PartOfDay {
    pub fn hours(self) -> (u32, u32) {
        match self {
            PartOfDay::Night => (0, 6),
            PartOfDay::Morning => (6, 12),
            PartOfDay::Afternoon => (12, 18),
            PartOfDay::Evening => (18, 24),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Night => "night",
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
        }
    }
}

/// How exactly `at` is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Precision {
    /// To the minute as written.
    Exact,
    /// Some time within the hour of `at`.
    Hour,
    /// Some time within that part of the day of `at`.
    PartOfDay(PartOfDay),
    /// Some time on the day of `at`.
    Day,
    /// Some time in the month of `at`.
    Month,
    /// Some time in the year of `at`.
    Year,
    /// Around `at`, give or take `minutes`.
    Approximate { minutes: u32 },
}

/// A moment or a stretch of time as written in a dataset: `at` ("2022-09-13T00:05",
/// "2022-09-13T00:05+04:00", "2022-09-13", "2022-09" or "2022"), how precisely it is known,
/// and for spans the last moment, `end`, written like `at` and read with the same precision.
///
/// The texts are held as [`Stamp`]s with the precision and bound packed into `at`'s spare
/// byte: 16 bytes in all with no heap block (4.5 million of them at a million events). A
/// time that is not a real one in an accepted form, or an approximate one (its minutes do not
/// fit), is held whole in a block. Read through [`When::at`], [`When::end`],
/// [`When::precision`] and [`When::open`]; in files the fields are as before.
#[derive(Clone, PartialEq, Eq)]
pub struct When {
    written: Written,
}

#[derive(Clone, PartialEq, Eq)]
enum Written {
    /// `at`'s stamp tagged with the precision and bound (see [`tag`]), and in `second`
    /// `end`'s stamp (0 for none), or an approximate time's minutes.
    Stamps {
        at: NonZeroU64,
        second: u64,
    },
    Whole(Box<Whole>),
}

/// A time as written, for what does not pack into stamps.
#[derive(Clone, PartialEq, Eq)]
struct Whole {
    at: Box<str>,
    end: Option<Box<str>>,
    precision: Precision,
    open: Option<Open>,
}

/// The precisions [`tag`] numbers by their place here; an approximate time (which keeps
/// its minutes where `end` would be) is the number after them.
const PRECISIONS: [Precision; 9] = [
    Precision::Exact,
    Precision::Hour,
    Precision::PartOfDay(PartOfDay::Night),
    Precision::PartOfDay(PartOfDay::Morning),
    Precision::PartOfDay(PartOfDay::Afternoon),
    Precision::PartOfDay(PartOfDay::Evening),
    Precision::Day,
    Precision::Month,
    Precision::Year,
];
const APPROXIMATE: u8 = PRECISIONS.len() as u8;

/// The bounds [`tag`] numbers by their place here, after 0 for none.
const OPENS: [Open; 2] = [Open::After, Open::Before];

/// The precision and bound in 6 bits, and what the second word holds: `end`'s stamp, or an
/// approximate time's minutes (`None` when it has an end too: such a time is held whole).
fn tag(precision: Precision, open: Option<Open>, end: Option<Stamp>) -> Option<(u8, u64)> {
    let (p, second) = match precision {
        Precision::Approximate { minutes } if end.is_none() => (APPROXIMATE, u64::from(minutes)),
        Precision::Approximate { .. } => return None,
        _ => {
            let p = PRECISIONS.iter().position(|&q| q == precision)?;
            (p as u8, end.map_or(0, |e| e.tagged(0).get()))
        }
    };
    let o = open.map_or(0, |o| OPENS.iter().position(|&q| q == o).unwrap_or(0) + 1);
    Some((p | ((o as u8) << 4), second))
}

/// The precision and bound [`tag`] packed, and `end`'s stamp.
fn untag(at: NonZeroU64, second: u64) -> (Precision, Option<Open>, Option<Stamp>) {
    let tag = Stamp::untagged(at).1;
    let open = (tag >> 4)
        .checked_sub(1)
        .and_then(|o| OPENS.get(o as usize))
        .copied();
    match PRECISIONS.get(usize::from(tag & 0xF)) {
        Some(&precision) => {
            let end = NonZeroU64::new(second).map(|e| Stamp::untagged(e).0);
            (precision, open, end)
        }
        None => {
            let minutes = second as u32;
            (Precision::Approximate { minutes }, open, None)
        }
    }
}

/// `When` as a file writes it: the shape it is read from and written to.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "When")]
struct WhenInFile<'a> {
    #[serde(borrow)]
    at: Cow<'a, str>,
    precision: Precision,
    #[serde(default, borrow, skip_serializing_if = "omit::none")]
    end: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "omit::none")]
    open: Option<Open>,
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WhenInFile {
            at: self.at(),
            precision: self.precision(),
            end: self.end(),
            open: self.open(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = WhenInFile::deserialize(d)?;
        Ok(When::new(&w.at, w.precision, w.end.as_deref(), w.open))
    }
}

impl fmt::Debug for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("When")
            .field("at", &self.at())
            .field("precision", &self.precision())
            .field("end", &self.end())
            .field("open", &self.open())
            .finish()
    }
}

/// Which side of `at` a time with only a bound lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Open {
    After,
    Before,
}

/// A resolved time range in seconds since 1970-01-01 UTC; `start == end` for exact instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TimeSpan {
    pub start: i64,
    pub end: i64,
}

impl TimeSpan {
    pub fn is_instant(&self) -> bool {
        self.start == self.end
    }

    pub fn mid(&self) -> i64 {
        self.start + (self.end - self.start) / 2
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// The text is not one of the accepted forms.
    Syntax(String),
    /// The text has the right shape but names no real date or time (2022-02-30, 25:00).
    Invalid(String),
    /// The precision asks for more than the text gives ("Hour" on a bare date).
    TooCoarse(String),
    /// `end` comes before `at`.
    EndBeforeStart(String),
    /// A UTC offset that is not "+HH:MM", "-HH:MM" or "Z".
    Offset(String),
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::Syntax(m)
            | TimeError::Invalid(m)
            | TimeError::TooCoarse(m)
            | TimeError::EndBeforeStart(m)
            | TimeError::Offset(m) => f.write_str(m),
        }
    }
}

/// A parsed `at` or `end`: local wall-clock time plus the offset it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    pub local: NaiveDateTime,
    pub offset: FixedOffset,
    pub granularity: Granularity,
}

impl Instant {
    /// The time a stamp holds, as [`parse_instant`] reads its text.
    fn of_stamp(stamp: Stamp, default_offset: FixedOffset) -> Instant {
        Instant {
            local: stamp.local(),
            offset: stamp.offset().unwrap_or(default_offset),
            granularity: stamp.granularity(),
        }
    }

    fn utc_seconds(&self, local: NaiveDateTime) -> i64 {
        local.and_utc().timestamp() - i64::from(self.offset.local_minus_utc())
    }
}

/// Parses "+04:00", "-03:30" or "Z".
pub fn parse_offset(s: &str) -> Result<FixedOffset, TimeError> {
    if s == "Z" {
        return Ok(FixedOffset::east_opt(0).expect("zero offset"));
    }
    let bad = || {
        TimeError::Offset(format!(
            "invalid UTC offset \"{s}\": write it as \"+04:00\", \"-05:00\" or \"Z\""
        ))
    };
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' || !(b[0] == b'+' || b[0] == b'-') {
        return Err(bad());
    }
    let h: i32 = s[1..3].parse().map_err(|_| bad())?;
    let m: i32 = s[4..6].parse().map_err(|_| bad())?;
    if h > 14 || m > 59 {
        return Err(bad());
    }
    let secs = (h * 3600 + m * 60) * if b[0] == b'-' { -1 } else { 1 };
    FixedOffset::east_opt(secs).ok_or_else(bad)
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Parses one of the accepted forms; `default_offset` applies when the text carries none.
pub fn parse_instant(s: &str, default_offset: FixedOffset) -> Result<Instant, TimeError> {
    let syntax = || {
        TimeError::Syntax(format!(
            "invalid date \"{s}\": expected \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or \"YYYY-MM-DDTHH:MM\" (optionally with \":SS\" and an offset such as \"+04:00\")"
        ))
    };
    let invalid = |what: &str| TimeError::Invalid(format!("invalid date \"{s}\": {what}"));
    let (date_part, time_part) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut fields = date_part.split('-');
    let year = fields
        .next()
        .and_then(|y| digits(y, 4))
        .ok_or_else(syntax)? as i32;
    let month = match fields.next() {
        Some(m) => Some(digits(m, 2).ok_or_else(syntax)?),
        None => None,
    };
    let day = match fields.next() {
        Some(d) => Some(digits(d, 2).ok_or_else(syntax)?),
        None => None,
    };
    if fields.next().is_some() || (time_part.is_some() && day.is_none()) {
        return Err(syntax());
    }
    if let Some(m) = month
        && !(1..=12).contains(&m)
    {
        return Err(invalid(&format!("there is no month {m}")));
    }
    let date = NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
        .ok_or_else(|| invalid("that day does not exist"))?;
    let mut offset = default_offset;
    let (time, granularity) = match time_part {
        None => (
            NaiveTime::MIN,
            match (month, day) {
                (None, _) => Granularity::Year,
                (Some(_), None) => Granularity::Month,
                _ => Granularity::Day,
            },
        ),
        Some(t) => {
            let (clock, off) = split_offset(t);
            if let Some(off) = off {
                offset = parse_offset(off)?;
            }
            // "HH:MM" or "HH:MM:SS", read in place: this runs for every time of a file.
            let mut parts = clock.split(':');
            let mut next = || parts.next().map(|p| digits(p, 2).ok_or_else(syntax));
            let h = next().ok_or_else(syntax)??;
            let m = next().ok_or_else(syntax)??;
            let sec = next().transpose()?.unwrap_or(0);
            if next().is_some() {
                return Err(syntax());
            }
            let time = NaiveTime::from_hms_opt(h, m, sec)
                .ok_or_else(|| invalid("that time of day does not exist"))?;
            (time, Granularity::Minute)
        }
    };
    Ok(Instant {
        local: date.and_time(time),
        offset,
        granularity,
    })
}

fn split_offset(t: &str) -> (&str, Option<&str>) {
    if let Some(clock) = t.strip_suffix('Z') {
        return (clock, Some("Z"));
    }
    match t.rfind(['+', '-']) {
        Some(i) => (&t[..i], Some(&t[i..])),
        None => (t, None),
    }
}

impl Precision {
    fn needs(self) -> Granularity {
        match self {
            Precision::Exact | Precision::Hour | Precision::Approximate { .. } => {
                Granularity::Minute
            }
            Precision::PartOfDay(_) | Precision::Day => Granularity::Day,
            Precision::Month => Granularity::Month,
            Precision::Year => Granularity::Year,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Precision::Exact => "Exact",
            Precision::Hour => "Hour",
            Precision::PartOfDay(_) => "PartOfDay",
            Precision::Day => "Day",
            Precision::Month => "Month",
            Precision::Year => "Year",
            Precision::Approximate { .. } => "Approximate",
        }
    }

    /// The range of UTC seconds that `instant` read at this precision covers.
    fn range(self, i: &Instant) -> (i64, i64) {
        let date = i.local.date();
        let at = |d: NaiveDateTime| i.utc_seconds(d);
        let midnight = |d: NaiveDate| d.and_time(NaiveTime::MIN);
        match self {
            Precision::Exact => (at(i.local), at(i.local)),
            Precision::Hour => {
                let h = midnight(date) + chrono::Duration::hours(i64::from(i.local.hour()));
                (at(h), at(h) + 3600)
            }
            Precision::PartOfDay(p) => {
                let (a, b) = p.hours();
                let m = at(midnight(date));
                (m + i64::from(a) * 3600, m + i64::from(b) * 3600)
            }
            Precision::Day => (at(midnight(date)), at(midnight(date)) + 86_400),
            Precision::Month => {
                let first =
                    NaiveDate::from_ymd_opt(date.year(), date.month(), 1).expect("valid month");
                let next = first
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(first);
                (at(midnight(first)), at(midnight(next)))
            }
            Precision::Year => {
                let first = NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("valid year");
                let next = NaiveDate::from_ymd_opt(date.year() + 1, 1, 1).unwrap_or(first);
                (at(midnight(first)), at(midnight(next)))
            }
            Precision::Approximate { minutes } => {
                let t = at(i.local);
                (t - i64::from(minutes) * 60, t + i64::from(minutes) * 60)
            }
        }
    }
}

impl When {
    /// The span a date or time covers at the precision it is written to: "2022" the year,
    /// "2022-09" the month, "2022-09-13" the day, "2022-09-13T04:00" the minute. What date
    /// fields, tour zooms and `--from/--to` mean.
    pub fn span_as_written(at: &str, offset: FixedOffset) -> Result<TimeSpan, TimeError> {
        let instant = parse_instant(at, offset)?;
        let precision = match instant.granularity {
            Granularity::Year => Precision::Year,
            Granularity::Month => Precision::Month,
            Granularity::Day => Precision::Day,
            Granularity::Minute => Precision::Exact,
        };
        let (start, end) = precision.range(&instant);
        Ok(TimeSpan { start, end })
    }

    /// A time as a file writes it: `at`, its precision, the `end` of a span, the bound of an
    /// open one.
    pub fn new(at: &str, precision: Precision, end: Option<&str>, open: Option<Open>) -> When {
        let stamps = Stamp::read(at).and_then(|at| match end {
            None => Some((at, None)),
            Some(end) => Stamp::read(end).map(|end| (at, Some(end))),
        });
        let tagged = stamps.and_then(|(at, end)| Some((at, tag(precision, open, end)?)));
        let written = match tagged {
            Some((at, (tag, second))) => Written::Stamps {
                at: at.tagged(tag),
                second,
            },
            _ => Written::Whole(Box::new(Whole {
                at: at.into(),
                end: end.map(Into::into),
                precision,
                open,
            })),
        };
        When { written }
    }

    /// A day-precision `When`, the commonest case in tests and generated data.
    pub fn day(at: &str) -> When {
        When::new(at, Precision::Day, None, None)
    }

    /// How precisely `at` is known.
    pub fn precision(&self) -> Precision {
        match &self.written {
            Written::Stamps { at, second } => untag(*at, *second).0,
            Written::Whole(w) => w.precision,
        }
    }

    /// Only a bound is known: "after" or "before" `at`.
    pub fn open(&self) -> Option<Open> {
        match &self.written {
            Written::Stamps { at, second } => untag(*at, *second).1,
            Written::Whole(w) => w.open,
        }
    }

    /// `at` as written.
    pub fn at(&self) -> Cow<'_, str> {
        match &self.written {
            Written::Stamps { at, .. } => Cow::Owned(Stamp::untagged(*at).0.text()),
            Written::Whole(w) => Cow::Borrowed(&w.at),
        }
    }

    /// The last moment of a span, as written.
    pub fn end(&self) -> Option<Cow<'_, str>> {
        match &self.written {
            Written::Stamps { at, second } => untag(*at, *second).2.map(|e| Cow::Owned(e.text())),
            Written::Whole(w) => w.end.as_deref().map(Cow::Borrowed),
        }
    }

    /// Whether the time is held packed in its 16 bytes, with no block.
    #[cfg(test)]
    fn is_packed(&self) -> bool {
        matches!(self.written, Written::Stamps { .. })
    }

    /// Whether the time is a span with an `end`.
    pub fn has_end(&self) -> bool {
        match &self.written {
            Written::Stamps { at, second } => untag(*at, *second).2.is_some(),
            Written::Whole(w) => w.end.is_some(),
        }
    }

    /// The same time without its `end`.
    pub fn without_end(&self) -> When {
        match &self.written {
            // An approximate time's second word is its minutes, not an end: it stays.
            Written::Stamps { at, second } => {
                let approximate = Stamp::untagged(*at).1 & 0xF == APPROXIMATE;
                let second = if approximate { *second } else { 0 };
                When {
                    written: Written::Stamps { at: *at, second },
                }
            }
            Written::Whole(w) => When::new(&w.at, w.precision, None, w.open),
        }
    }

    /// The same time with `at` and `end` written anew.
    pub fn rewritten(&self, at: &str, end: Option<&str>) -> When {
        When::new(at, self.precision(), end, self.open())
    }

    /// `at`, or `end` (`None` when there is none), as written: from its stamp, or parsed
    /// from its text.
    fn read(&self, end: bool, default_offset: FixedOffset) -> Option<Result<Instant, TimeError>> {
        Some(match (&self.written, end) {
            (Written::Stamps { at, .. }, false) => {
                Ok(Instant::of_stamp(Stamp::untagged(*at).0, default_offset))
            }
            (Written::Stamps { at, second }, true) => {
                Ok(Instant::of_stamp(untag(*at, *second).2?, default_offset))
            }
            (Written::Whole(w), false) => parse_instant(&w.at, default_offset),
            (Written::Whole(w), true) => parse_instant(w.end.as_deref()?, default_offset),
        })
    }

    /// [`When::read`], held to the precision, which may ask for more than the text gives.
    fn instant(
        &self,
        end: bool,
        default_offset: FixedOffset,
    ) -> Option<Result<Instant, TimeError>> {
        Some(self.read(end, default_offset)?.and_then(|i| {
            if i.granularity >= self.precision().needs() {
                return Ok(i);
            }
            let text = if end {
                self.end().unwrap_or_default()
            } else {
                self.at()
            };
            let example = match self.precision().needs() {
                Granularity::Minute => "a time of day such as \"2022-09-13T04:00\"",
                Granularity::Day => "a full date such as \"2022-09-13\"",
                Granularity::Month => "a month such as \"2022-09\"",
                Granularity::Year => "a year",
            };
            Err(TimeError::TooCoarse(format!(
                "precision {} needs {example}, but \"{text}\" gives less",
                self.precision().name()
            )))
        }))
    }

    /// Resolves to UTC seconds. Errors name the text that is wrong and why.
    pub fn span(&self, default_offset: FixedOffset) -> Result<TimeSpan, TimeError> {
        let start = self
            .instant(false, default_offset)
            .expect("every time has its `at`")?;
        let (lo, hi) = self.precision().range(&start);
        let Some(end) = self.instant(true, default_offset).transpose()? else {
            return Ok(TimeSpan { start: lo, end: hi });
        };
        let (end_lo, end_hi) = self.precision().range(&end);
        if end_lo < lo {
            return Err(TimeError::EndBeforeStart(format!(
                "end \"{}\" is before the start \"{}\"",
                self.end().unwrap_or_default(),
                self.at()
            )));
        }
        Ok(TimeSpan {
            start: lo,
            end: end_hi.max(hi),
        })
    }

    /// How the time reads to a person, at its precision, in the zone it was written in:
    /// [`When::describe_in`] with the file's offset as the zone shown.
    pub fn describe(&self, default_offset: FixedOffset) -> String {
        self.describe_in(default_offset, default_offset)
    }

    /// How the time reads to a person, at its precision, shown in `zone` (the dataset's) and
    /// named: "1994", "Sep 2022", "13 Sep 2022", "13 Sep 2022, morning",
    /// "13 Sep 2022 04:00–05:00 UTC+04:00", "~00:05 UTC+04:00, 13 Sep 2022",
    /// "15 Sep 2022 – 16 Sep 2022". A time written with an offset of its own that differs
    /// from `zone` is shown in `zone` and then as written, so a Moscow statement at
    /// "12:00+03:00" in a "+04:00" dataset reads "13:00 UTC+04:00 (12:00 UTC+03:00 as
    /// written)". `default_offset` reads the times written without one. Unparsable text is
    /// shown as written.
    pub fn describe_in(&self, default_offset: FixedOffset, zone: FixedOffset) -> String {
        self.words_in(default_offset, zone, true)
    }

    /// [`When::describe_in`] without naming `zone`, for places that name it once for many
    /// times (a table's heading); a time written in another zone still says so.
    pub fn describe_unzoned(&self, default_offset: FixedOffset, zone: FixedOffset) -> String {
        self.words_in(default_offset, zone, false)
    }

    fn words_in(&self, default_offset: FixedOffset, zone: FixedOffset, name_zone: bool) -> String {
        // Read from the stamp, not from its text written out and parsed again: cards
        // describe their times every frame.
        let one = |end: bool| -> String {
            let Some(Ok(mut i)) = self.read(end, default_offset) else {
                let text = if end { self.end() } else { Some(self.at()) };
                return text.unwrap_or_default().into_owned();
            };
            if self.precision() == Precision::Hour {
                // The hour as written, before it moves to another zone (+03:30 to +04:00
                // makes 04:00–05:00 into 04:30–05:30).
                i.local = i
                    .local
                    .with_minute(0)
                    .and_then(|t| t.with_second(0))
                    .unwrap_or(i.local);
            }
            let shown = i.in_zone(zone);
            let mut out = self.precision().words(&shown, true, name_zone);
            if i.granularity == Granularity::Minute && i.offset != zone {
                let written = self.precision().words(&i, false, true);
                out.push_str(&format!(" ({written} as written)"));
            }
            out
        };
        match (self.has_end(), self.open()) {
            (true, _) => format!("{} – {}", one(false), one(true)),
            (false, Some(Open::After)) => format!("after {}", one(false)),
            (false, Some(Open::Before)) => format!("before {}", one(false)),
            (false, None) => one(false),
        }
    }
}

impl Instant {
    /// The same moment on the wall clock of `zone`.
    fn in_zone(&self, zone: FixedOffset) -> Instant {
        let shift = i64::from(zone.local_minus_utc() - self.offset.local_minus_utc());
        Instant {
            local: self.local + chrono::Duration::seconds(shift),
            offset: zone,
            granularity: self.granularity,
        }
    }
}

impl Precision {
    /// `i` in words at this precision; with `with_day` false, only its clock time and zone
    /// (what follows "as written").
    fn words(self, i: &Instant, with_day: bool, name_zone: bool) -> String {
        let day = i.local.format("%-d %b %Y").to_string();
        let zone = if name_zone {
            format!(" {}", zone_name(i.offset))
        } else {
            String::new()
        };
        let clock = match self {
            Precision::Year => return i.local.format("%Y").to_string(),
            Precision::Month => return i.local.format("%b %Y").to_string(),
            Precision::Day => return day,
            Precision::PartOfDay(p) => return format!("{day}, {}", p.label()),
            Precision::Exact => format!("{}{zone}", i.local.format("%H:%M")),
            Precision::Hour => {
                let end = i.local + chrono::Duration::hours(1);
                format!("{}–{}{zone}", i.local.format("%H:%M"), end.format("%H:%M"))
            }
            Precision::Approximate { .. } => {
                return if with_day {
                    format!("~{}{zone}, {day}", i.local.format("%H:%M"))
                } else {
                    format!("~{}{zone}", i.local.format("%H:%M"))
                };
            }
        };
        if with_day {
            format!("{day} {clock}")
        } else {
            clock
        }
    }
}

/// "UTC+04:00", "UTC-03:30", "UTC": how a zone is named wherever a clock time is shown.
pub fn zone_name(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return "UTC".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.abs() / 60;
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Formats UTC seconds in the given offset, e.g. "13 Sep 2022 06:00 UTC+04:00" (a clock time
/// names its zone) or "13 Sep 2022".
pub fn format_seconds(secs: i64, offset: FixedOffset, with_time: bool) -> String {
    match offset.timestamp_opt(secs, 0).single() {
        Some(t) if with_time => format!("{} {}", t.format("%-d %b %Y %H:%M"), zone_name(offset)),
        Some(t) => t.format("%-d %b %Y").to_string(),
        None => format!("{secs}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::utc;

    fn plus4() -> FixedOffset {
        parse_offset("+04:00").unwrap()
    }

    fn span(at: &str, precision: Precision, end: Option<&str>) -> Result<TimeSpan, TimeError> {
        When::new(at, precision, end, None).span(plus4())
    }

    // 2022-09-13T00:00+04:00 is 2022-09-12T20:00Z.
    const SEP13_LOCAL_MIDNIGHT: i64 = 1_663_012_800;

    /// Every precision and bound, with an end and without, reads back as given; all but an
    /// approximate time with an end, and text that is no real time, pack into the stamps.
    #[test]
    fn every_precision_and_bound_reads_back_from_the_packed_stamps() {
        let approximate = [0, 45, u32::MAX].map(|minutes| Precision::Approximate { minutes });
        let precisions = PRECISIONS.into_iter().chain(approximate);
        let ends = [None, Some("2022-09-14T06:30+04:00")];
        for precision in precisions {
            for open in [None, Some(Open::After), Some(Open::Before)] {
                for end in ends {
                    let at = "2022-09-13T00:05:30Z";
                    let w = When::new(at, precision, end, open);
                    let what = format!("{precision:?} {open:?} {end:?}");
                    assert_eq!(w.precision(), precision, "{what}");
                    assert_eq!(w.open(), open, "{what}");
                    assert_eq!(w.at(), at, "{what}");
                    assert_eq!(w.end().as_deref(), end, "{what}");
                    assert_eq!(w.has_end(), end.is_some(), "{what}");
                    let approximate = matches!(precision, Precision::Approximate { .. });
                    assert_eq!(w.is_packed(), !(approximate && end.is_some()), "{what}");
                }
            }
        }
        let text = When::new("13 Sept", Precision::Day, None, Some(Open::Before));
        assert!(!text.is_packed());
        assert_eq!(
            (text.at(), text.precision(), text.open()),
            ("13 Sept".into(), Precision::Day, Some(Open::Before))
        );
    }

    #[test]
    fn text_is_read_at_the_precision_it_is_written_to() {
        let year = When::span_as_written("2022", plus4()).unwrap();
        assert_eq!(year.end - year.start, 365 * 86400);
        let day = When::span_as_written("2022-09-13", plus4()).unwrap();
        assert_eq!(
            (day.start, day.end - day.start),
            (SEP13_LOCAL_MIDNIGHT, 86400)
        );
        let minute = When::span_as_written("2022-09-13T00:05", plus4()).unwrap();
        assert!(minute.is_instant());
        assert!(When::span_as_written("13 Sep", plus4()).is_err());
    }

    #[test]
    fn day_covers_local_midnight_to_midnight() {
        let s = span("2022-09-13", Precision::Day, None).unwrap();
        assert_eq!(
            s,
            TimeSpan {
                start: SEP13_LOCAL_MIDNIGHT,
                end: SEP13_LOCAL_MIDNIGHT + 86_400
            }
        );
    }

    #[test]
    fn exact_time_uses_default_offset_or_its_own() {
        let local = span("2022-09-13T00:05", Precision::Exact, None).unwrap();
        assert_eq!(local.start, SEP13_LOCAL_MIDNIGHT + 300);
        assert!(local.is_instant());
        let moscow = span("2022-09-13T09:00+03:00", Precision::Exact, None).unwrap();
        let gmt = span("2022-09-13T06:00Z", Precision::Exact, None).unwrap();
        let baku = span("2022-09-13T10:00", Precision::Exact, None).unwrap();
        assert_eq!(moscow, gmt);
        assert_eq!(moscow, baku);
    }

    #[test]
    fn coarse_precisions() {
        let hour = span("2022-09-13T04:40", Precision::Hour, None).unwrap();
        assert_eq!(hour.start, SEP13_LOCAL_MIDNIGHT + 4 * 3600);
        assert_eq!(hour.end - hour.start, 3600);
        let evening = span("2022-09-13", Precision::PartOfDay(PartOfDay::Evening), None).unwrap();
        assert_eq!(evening.start, SEP13_LOCAL_MIDNIGHT + 18 * 3600);
        let about = span(
            "2022-09-13T00:00",
            Precision::Approximate { minutes: 30 },
            None,
        )
        .unwrap();
        assert_eq!(about.end - about.start, 3600);
        let month = span("2022-09", Precision::Month, None).unwrap();
        assert_eq!((month.end - month.start) / 86_400, 30);
        let year = span("1994", Precision::Year, None).unwrap();
        assert_eq!((year.end - year.start) / 86_400, 365);
    }

    #[test]
    fn spans_end_at_the_end_of_their_last_unit() {
        let s = span("2022-09-15", Precision::Day, Some("2022-09-16")).unwrap();
        assert_eq!(s.end - s.start, 2 * 86_400);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let e = span("2022-09-31", Precision::Day, None).unwrap_err();
        assert!(matches!(e, TimeError::Invalid(_)), "{e}");
        let e = span("2022-13", Precision::Month, None).unwrap_err();
        assert!(e.to_string().contains("no month 13"), "{e}");
        let e = span("13 Sep 2022", Precision::Day, None).unwrap_err();
        assert!(matches!(e, TimeError::Syntax(_)), "{e}");
        let e = span("2022-09-13T25:00", Precision::Exact, None).unwrap_err();
        assert!(matches!(e, TimeError::Invalid(_)), "{e}");
        let e = span("2022-09-13", Precision::Hour, None).unwrap_err();
        assert!(matches!(e, TimeError::TooCoarse(_)), "{e}");
        let e = span("2022-09-16", Precision::Day, Some("2022-09-15")).unwrap_err();
        assert!(matches!(e, TimeError::EndBeforeStart(_)), "{e}");
        let e = span("2022-09-13T10:00+4", Precision::Exact, None).unwrap_err();
        assert!(matches!(e, TimeError::Offset(_)), "{e}");
    }

    #[test]
    fn describes_at_its_precision() {
        let d = |at: &str, precision: Precision, end: Option<&str>| {
            When::new(at, precision, end, None).describe(plus4())
        };
        assert_eq!(d("1994", Precision::Year, None), "1994");
        assert_eq!(
            d("2020-09", Precision::Month, Some("2020-11")),
            "Sep 2020 – Nov 2020"
        );
        assert_eq!(
            d("2022-09-13", Precision::PartOfDay(PartOfDay::Evening), None),
            "13 Sep 2022, evening"
        );
        assert_eq!(
            d(
                "2022-09-13T00:00",
                Precision::Approximate { minutes: 90 },
                None
            ),
            "~00:00 UTC+04:00, 13 Sep 2022"
        );
        assert_eq!(
            d("2022-09-13T04:40", Precision::Hour, None),
            "13 Sep 2022 04:00–05:00 UTC+04:00"
        );
        assert_eq!(
            d("2022-09-13T09:00+04:00", Precision::Exact, None),
            "13 Sep 2022 09:00 UTC+04:00"
        );
        assert_eq!(d("soon", Precision::Day, None), "soon");
    }

    #[test]
    fn a_time_with_its_own_offset_is_shown_in_the_datasets_zone_and_as_written() {
        let d =
            |at: &str, precision: Precision| When::new(at, precision, None, None).describe(plus4());
        // Moscow's noon is 13:00 in a +04:00 dataset; it must not read as local noon.
        assert_eq!(
            d("2020-10-10T12:00+03:00", Precision::Exact),
            "10 Oct 2020 13:00 UTC+04:00 (12:00 UTC+03:00 as written)"
        );
        assert_eq!(
            d("2022-09-13T23:30Z", Precision::Exact),
            "14 Sep 2022 03:30 UTC+04:00 (23:30 UTC as written)"
        );
        assert_eq!(
            d("2022-09-13T04:40+03:30", Precision::Hour),
            "13 Sep 2022 04:30–05:30 UTC+04:00 (04:00–05:00 UTC+03:30 as written)"
        );
        assert_eq!(
            d(
                "2022-09-13T00:05-05:00",
                Precision::Approximate { minutes: 10 }
            ),
            "~09:05 UTC+04:00, 13 Sep 2022 (~00:05 UTC-05:00 as written)"
        );
        // Shown in another zone than the file's (a merged dataset's first file).
        let moscow_file = parse_offset("+03:00").unwrap();
        let w = When::new("2022-09-13T12:00", Precision::Exact, None, None);
        assert_eq!(
            w.describe_in(moscow_file, plus4()),
            "13 Sep 2022 13:00 UTC+04:00 (12:00 UTC+03:00 as written)"
        );
        assert_eq!(zone_name(utc()), "UTC");
        // Where the zone is named once for many times, only another zone is named.
        assert_eq!(w.describe_unzoned(plus4(), plus4()), "13 Sep 2022 12:00");
        assert_eq!(
            w.describe_unzoned(moscow_file, plus4()),
            "13 Sep 2022 13:00 (12:00 UTC+03:00 as written)"
        );
    }

    #[test]
    fn formats_in_local_time() {
        assert_eq!(
            format_seconds(SEP13_LOCAL_MIDNIGHT + 6 * 3600, plus4(), true),
            "13 Sep 2022 06:00 UTC+04:00"
        );
        assert_eq!(
            format_seconds(SEP13_LOCAL_MIDNIGHT, plus4(), false),
            "13 Sep 2022"
        );
    }

    /// A time kept as text (not a real time in an accepted form) reads as written; dropping
    /// an end gives the time as if written without one, stamped or not.
    #[test]
    fn text_kept_as_written_reads_as_written_and_an_end_drops_cleanly() {
        let unreadable = When::new("13 Sep 2022", Precision::Day, None, None);
        assert_eq!(unreadable.describe(plus4()), "13 Sep 2022");
        assert_eq!(unreadable.at(), "13 Sep 2022");
        for (at, end) in [
            ("2022-09-13", "2022-09-15"),
            ("2022-09-13", "the 15th"),
            ("13 Sep", "2022-09-15"),
        ] {
            let span = When::new(at, Precision::Day, Some(end), None);
            assert_eq!(span.end().as_deref(), Some(end));
            assert_eq!(
                span.without_end(),
                When::new(at, Precision::Day, None, None),
                "{at} – {end}"
            );
        }
    }

    /// Every text a stamp holds, `parse_instant` reads to the same time, with or without a
    /// default offset to apply; every text it reads to a time, a stamp holds.
    #[test]
    fn the_stamp_agrees_with_the_parser_on_a_sweep_of_texts() {
        let mut texts = Vec::new();
        for y in ["1999", "2022", "2024"] {
            texts.push(y.to_owned());
            for m in ["00", "01", "02", "12", "13"] {
                texts.push(format!("{y}-{m}"));
                for d in ["00", "01", "28", "29", "30", "31", "32"] {
                    texts.push(format!("{y}-{m}-{d}"));
                    for t in [
                        "00:00",
                        "23:59:59",
                        "07:30Z",
                        "07:30+04:00",
                        "07:30-11:45",
                        "07:30:05-00:00",
                    ] {
                        texts.push(format!("{y}-{m}-{d}T{t}"));
                    }
                }
            }
        }
        let defaults = [plus4(), utc(), parse_offset("-09:30").unwrap()];
        let mut held = 0;
        for text in &texts {
            match (Stamp::read(text), parse_instant(text, plus4())) {
                (Some(stamp), Ok(_)) => {
                    for default in defaults {
                        let parsed = parse_instant(text, default).unwrap();
                        assert_eq!(Instant::of_stamp(stamp, default), parsed, "{text}");
                    }
                    assert_eq!(&stamp.text(), text);
                    held += 1;
                }
                (Some(_), Err(e)) => panic!("{text} held but the parser says {e}"),
                (None, Ok(_)) => panic!("{text} read by the parser but not held"),
                (None, Err(_)) => {}
            }
        }
        // Per year: the year, its three real months, and each real day (1, 28, 29 in a leap
        // year, 30 and 31 in January and December) alone and at six clock times: 88, 88, 95.
        assert_eq!(held, 271);
    }
}
