//! Calendar ticks for the time axis: as the user zooms from decades to minutes, the step goes
//! years → months → days → hours → minutes, aligned to calendar boundaries in the dataset's
//! local time, and never closer than its labels need.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike};

/// A tick step: a count of one calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Years(i32),
    Months(u32),
    Days(u32),
    Hours(u32),
    Minutes(u32),
}

const LADDER: [Step; 22] = [
    Step::Minutes(1),
    Step::Minutes(5),
    Step::Minutes(10),
    Step::Minutes(15),
    Step::Minutes(30),
    Step::Hours(1),
    Step::Hours(2),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Days(5),
    Step::Days(10),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
];

impl Step {
    /// Nominal length in seconds (months as 30 days, years as 365.25): what the plot uses to
    /// tell steps apart, and to find the step again from a grid mark.
    pub fn seconds(self) -> f64 {
        const DAY: f64 = 86_400.0;
        match self {
            Step::Years(n) => f64::from(n) * 365.25 * DAY,
            Step::Months(n) => f64::from(n) * 30.0 * DAY,
            Step::Days(n) => f64::from(n) * DAY,
            Step::Hours(n) => f64::from(n) * 3600.0,
            Step::Minutes(n) => f64::from(n) * 60.0,
        }
    }

    /// The widest label this step produces, in characters, to keep labels apart.
    fn label_chars(self) -> f32 {
        match self {
            Step::Years(_) => 4.0,
            Step::Months(_) => 8.0,
            Step::Days(_) => 11.0,
            Step::Hours(_) | Step::Minutes(_) => 17.0,
        }
    }

    /// The step whose nominal length is nearest `seconds` (inverse of [`Step::seconds`]).
    pub fn from_seconds(seconds: f64) -> Step {
        let mut best = LADDER[0];
        for s in LADDER.into_iter().chain([Step::Years(20), Step::Years(50)]) {
            if (s.seconds() - seconds).abs() < (best.seconds() - seconds).abs() {
                best = s;
            }
        }
        best
    }
}

/// The finest step whose labels (about `char_px` wide per character, plus a gap) fit between
/// ticks when `span_secs` of time fill `width_px`.
pub fn choose_step(span_secs: f64, width_px: f32, char_px: f32) -> Step {
    let px_per_sec = f64::from(width_px.max(1.0)) / span_secs.max(1.0);
    let ladder = LADDER
        .into_iter()
        .chain([Step::Years(20), Step::Years(50), Step::Years(100)]);
    let mut last = Step::Years(100);
    for s in ladder {
        let need = f64::from(s.label_chars() * char_px + 24.0);
        if s.seconds() * px_per_sec >= need {
            return s;
        }
        last = s;
    }
    last
}

/// Tick instants (UTC seconds) from `t0` to `t1`, on calendar boundaries of `step` in `offset`.
/// Bounded: a step too fine for the range yields at most `MAX_TICKS`.
pub fn ticks(t0: f64, t1: f64, step: Step, offset: FixedOffset) -> Vec<i64> {
    const MAX_TICKS: usize = 2000;
    let (Some(lo), Some(hi)) = (to_local(t0.floor(), offset), to_local(t1.ceil(), offset)) else {
        return Vec::new();
    };
    let mut t = floor_to(lo, step);
    let mut out = Vec::new();
    while t <= hi && out.len() < MAX_TICKS {
        if t >= lo {
            out.push(t.and_utc().timestamp() - i64::from(offset.local_minus_utc()));
        }
        match advance(t, step) {
            Some(next) if next > t => t = next,
            _ => break,
        }
    }
    out
}

/// The label of a tick at `t` for `step`: "2022", "Sep 2022", "13 Sep 2022", "13 Sep 2022 06:00".
pub fn label(t: i64, step: Step, offset: FixedOffset) -> String {
    let Some(local) = offset.timestamp_opt(t, 0).single() else {
        return String::new();
    };
    let fmt = match step {
        Step::Years(_) => "%Y",
        Step::Months(_) => "%b %Y",
        Step::Days(_) => "%-d %b %Y",
        Step::Hours(_) | Step::Minutes(_) => "%-d %b %Y %H:%M",
    };
    local.format(fmt).to_string()
}

fn to_local(secs: f64, offset: FixedOffset) -> Option<NaiveDateTime> {
    // Keep to chrono's range (and to years a timeline can mean).
    if !secs.is_finite() || secs.abs() > 3e11 {
        return None;
    }
    offset
        .timestamp_opt(secs as i64, 0)
        .single()
        .map(|t| t.naive_local())
}

fn floor_to(t: NaiveDateTime, step: Step) -> NaiveDateTime {
    let date = t.date();
    let day = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap_or(t);
    match step {
        Step::Years(n) => {
            let y = date.year() - date.year().rem_euclid(n);
            day(NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(date))
        }
        Step::Months(n) => {
            let m0 = date.month0() - date.month0() % n;
            day(NaiveDate::from_ymd_opt(date.year(), m0 + 1, 1).unwrap_or(date))
        }
        Step::Days(n) => {
            // Days of the month 1, 1+n, 1+2n…: ticks restart each month, as calendars do.
            let d0 = date.day0() - date.day0() % n;
            day(NaiveDate::from_ymd_opt(date.year(), date.month(), d0 + 1).unwrap_or(date))
        }
        Step::Hours(n) => day(date) + Duration::hours(i64::from(t.hour() - t.hour() % n)),
        Step::Minutes(n) => {
            day(date)
                + Duration::hours(i64::from(t.hour()))
                + Duration::minutes(i64::from(t.minute() - t.minute() % n))
        }
    }
}

fn advance(t: NaiveDateTime, step: Step) -> Option<NaiveDateTime> {
    let date = t.date();
    match step {
        Step::Years(n) => NaiveDate::from_ymd_opt(date.year() + n, 1, 1)?.and_hms_opt(0, 0, 0),
        Step::Months(n) => {
            let m = date.month0() + n;
            NaiveDate::from_ymd_opt(date.year() + (m / 12) as i32, m % 12 + 1, 1)?
                .and_hms_opt(0, 0, 0)
        }
        Step::Days(n) => {
            let next = date.day0() + n;
            // A tick on the 31st of a month would sit one day before the 1st: skip to the 1st.
            let in_month = NaiveDate::from_ymd_opt(date.year(), date.month(), next + 1)
                .filter(|_| next + n / 2 < days_in_month(date));
            match in_month {
                Some(d) => d.and_hms_opt(0, 0, 0),
                None => first_of_next_month(date)?.and_hms_opt(0, 0, 0),
            }
        }
        Step::Hours(n) => Some(t + Duration::hours(i64::from(n))),
        Step::Minutes(n) => Some(t + Duration::minutes(i64::from(n))),
    }
}

fn first_of_next_month(d: NaiveDate) -> Option<NaiveDate> {
    if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    }
}

fn days_in_month(d: NaiveDate) -> u32 {
    first_of_next_month(d)
        .and_then(|n| n.pred_opt())
        .map_or(31, |last| last.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plus4() -> FixedOffset {
        FixedOffset::east_opt(4 * 3600).unwrap()
    }

    fn secs(s: &str) -> f64 {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp() as f64
    }

    #[test]
    fn step_follows_zoom_from_decades_to_hours() {
        let w = 1200.0;
        let decades = secs("2022-12-31T00:00:00Z") - secs("1990-01-01T00:00:00Z");
        assert!(matches!(choose_step(decades, w, 7.0), Step::Years(_)));
        let month = 30.0 * 86400.0;
        assert!(matches!(choose_step(month, w, 7.0), Step::Days(_)));
        let year = 365.0 * 86400.0;
        assert!(matches!(choose_step(year, w, 7.0), Step::Months(_)));
        let night = 12.0 * 3600.0;
        assert!(matches!(choose_step(night, w, 7.0), Step::Hours(_)));
        assert!(matches!(choose_step(1800.0, w, 7.0), Step::Minutes(_)));
    }

    #[test]
    fn labels_never_crowd() {
        // Whatever the span, neighbouring ticks are at least as far apart as a label is wide.
        for span in [600.0, 7200.0, 86400.0, 3e6, 3e7, 3e8, 1e9] {
            let step = choose_step(span, 1000.0, 7.0);
            let px = step.seconds() * 1000.0 / span;
            assert!(
                px >= f64::from(step.label_chars() * 7.0),
                "{span}: {step:?} {px}"
            );
        }
    }

    #[test]
    fn ticks_sit_on_local_calendar_boundaries() {
        let t0 = secs("2022-09-12T22:10:00+04:00");
        let t1 = secs("2022-09-13T04:50:00+04:00");
        let ts = ticks(t0, t1, Step::Hours(1), plus4());
        let labels: Vec<String> = ts
            .iter()
            .map(|&t| label(t, Step::Hours(1), plus4()))
            .collect();
        assert_eq!(labels[0], "12 Sep 2022 23:00");
        assert_eq!(labels[1], "13 Sep 2022 00:00");
        assert_eq!(labels.last().unwrap(), "13 Sep 2022 04:00");
        assert_eq!(ts.len(), 6);
    }

    #[test]
    fn month_and_year_labels() {
        let t0 = secs("2020-07-15T00:00:00Z");
        let t1 = secs("2021-02-15T00:00:00Z");
        let ts = ticks(t0, t1, Step::Months(3), plus4());
        let labels: Vec<String> = ts
            .iter()
            .map(|&t| label(t, Step::Months(3), plus4()))
            .collect();
        assert_eq!(labels, ["Oct 2020", "Jan 2021"]);
        let ys = ticks(
            secs("1993-06-01T00:00:00Z"),
            secs("2023-01-01T00:00:00Z"),
            Step::Years(10),
            plus4(),
        );
        let ylabels: Vec<String> = ys
            .iter()
            .map(|&t| label(t, Step::Years(10), plus4()))
            .collect();
        assert_eq!(ylabels, ["2000", "2010", "2020"]);
    }

    #[test]
    fn day_ticks_restart_each_month_without_a_crowded_31st() {
        let ts = ticks(
            secs("2022-08-20T00:00:00+04:00"),
            secs("2022-09-12T00:00:00+04:00"),
            Step::Days(5),
            plus4(),
        );
        let labels: Vec<String> = ts
            .iter()
            .map(|&t| label(t, Step::Days(5), plus4()))
            .collect();
        assert_eq!(
            labels,
            [
                "21 Aug 2022",
                "26 Aug 2022",
                "1 Sep 2022",
                "6 Sep 2022",
                "11 Sep 2022"
            ]
        );
    }

    #[test]
    fn step_round_trips_through_seconds() {
        for s in LADDER {
            assert_eq!(Step::from_seconds(s.seconds()), s);
        }
    }

    #[test]
    fn absurd_ranges_give_no_ticks_rather_than_hanging() {
        assert!(ticks(f64::NAN, 1.0, Step::Days(1), plus4()).is_empty());
        assert!(ticks(-1e300, 1e300, Step::Minutes(1), plus4()).is_empty());
        assert!(ticks(0.0, 1e9, Step::Minutes(1), plus4()).len() <= 2000);
    }
}
