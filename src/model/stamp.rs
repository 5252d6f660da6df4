//! A date or time as a dataset writes it ("2022", "2022-09", "2022-09-13",
//! "2022-09-13T00:05", "2022-09-13T00:05:30+04:00"), held as its parts in one integer. A
//! million events carry four and a half million of them: as text each was a 16-byte pointer
//! and a heap block, and was parsed again each time it was resolved to seconds.
//!
//! Only text that names a real date and time in exactly the accepted form is held so, and
//! the parts write it back byte for byte; anything else stays text (see `When`), so that
//! `check` can say what is wrong with it in the curator's own words.

use std::num::NonZeroU64;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// How much of a date and time the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    Year,
    Month,
    Day,
    Minute,
}

/// The parts of a written time, packed: year 14 bits, month 4, day 5, hour 5, minute 6,
/// second 6, granularity 2, whether seconds are written 1, the offset's kind 2 (none, "Z",
/// "+", "-"), its hours 4 and minutes 6; the top bit is always set, so a stamp is never 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp(NonZeroU64);

const FIELDS: [(u32, u32); 11] = [
    (0, 14), // year
    (14, 4), // month
    (18, 5), // day
    (23, 5), // hour
    (28, 6), // minute
    (34, 6), // second
    (40, 2), // granularity
    (42, 1), // seconds written
    (43, 2), // offset kind
    (45, 4), // offset hours
    (49, 6), // offset minutes
];
const YEAR: usize = 0;
const MONTH: usize = 1;
const DAY: usize = 2;
const HOUR: usize = 3;
const MINUTE: usize = 4;
const SECOND: usize = 5;
const GRANULARITY: usize = 6;
const SECONDS_WRITTEN: usize = 7;
const OFFSET_KIND: usize = 8;
const OFFSET_HOURS: usize = 9;
const OFFSET_MINUTES: usize = 10;
const ALWAYS_SET: u64 = 1 << 63;

const NO_OFFSET: u32 = 0;
const OFFSET_Z: u32 = 1;
const OFFSET_PLUS: u32 = 2;
const OFFSET_MINUS: u32 = 3;

impl Stamp {
    /// The stamp of `text`, when it is a real date or time in one of the accepted forms.
    pub fn read(text: &str) -> Option<Stamp> {
        let b = text.as_bytes();
        let num = |from: usize, len: usize| -> Option<u32> {
            let digits = b.get(from..from + len)?;
            digits.iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        let at = |i: usize, c: u8| b.get(i) == Some(&c);
        let mut parts = [0u32; 11];
        parts[YEAR] = num(0, 4)?;
        let granularity = match b.len() {
            4 => Granularity::Year,
            7 => Granularity::Month,
            10 => Granularity::Day,
            _ => Granularity::Minute,
        };
        if granularity >= Granularity::Month {
            if !at(4, b'-') {
                return None;
            }
            parts[MONTH] = num(5, 2)?;
        }
        if granularity >= Granularity::Day {
            if !at(7, b'-') {
                return None;
            }
            parts[DAY] = num(8, 2)?;
        }
        let mut end = b.len();
        if granularity == Granularity::Minute {
            if !at(10, b'T') || !at(13, b':') {
                return None;
            }
            parts[HOUR] = num(11, 2)?;
            parts[MINUTE] = num(14, 2)?;
            end = 16;
            if at(16, b':') {
                parts[SECOND] = num(17, 2)?;
                parts[SECONDS_WRITTEN] = 1;
                end = 19;
            }
            match b.get(end) {
                None => {}
                Some(b'Z') => {
                    parts[OFFSET_KIND] = OFFSET_Z;
                    end += 1;
                }
                Some(&sign @ (b'+' | b'-')) => {
                    parts[OFFSET_KIND] = if sign == b'+' {
                        OFFSET_PLUS
                    } else {
                        OFFSET_MINUS
                    };
                    parts[OFFSET_HOURS] = num(end + 1, 2)?;
                    if !at(end + 3, b':') {
                        return None;
                    }
                    parts[OFFSET_MINUTES] = num(end + 4, 2)?;
                    end += 6;
                }
                Some(_) => return None,
            }
        }
        if end != b.len() {
            return None;
        }
        parts[GRANULARITY] = granularity as u32;
        // What `time::parse_instant` would refuse stays text, for it to say why.
        let month = if granularity >= Granularity::Month {
            parts[MONTH]
        } else {
            1
        };
        let day = if granularity >= Granularity::Day {
            parts[DAY]
        } else {
            1
        };
        let real_day = NaiveDate::from_ymd_opt(parts[YEAR] as i32, month, day).is_some();
        let real_clock = parts[HOUR] < 24 && parts[MINUTE] < 60 && parts[SECOND] < 60;
        let real_offset = parts[OFFSET_HOURS] <= 14 && parts[OFFSET_MINUTES] < 60;
        if !(real_day && real_clock && real_offset) {
            return None;
        }
        let bits = FIELDS
            .iter()
            .zip(parts)
            .fold(ALWAYS_SET, |bits, (&(shift, _), v)| {
                bits | (u64::from(v) << shift)
            });
        Some(Stamp(NonZeroU64::new(bits).expect("top bit set")))
    }

    /// The spare top byte below the always-set bit, free for a holder to keep a few bits of
    /// its own beside the stamp (`When` keeps its precision and bound there).
    pub(super) const SPARE_SHIFT: u32 = 55;

    /// The stamp's bits with `tag` (at most 8 bits) in its spare byte.
    pub(super) fn tagged(self, tag: u8) -> NonZeroU64 {
        self.0 | (u64::from(tag) << Self::SPARE_SHIFT)
    }

    /// The stamp and tag of [`Stamp::tagged`]'s bits.
    pub(super) fn untagged(bits: NonZeroU64) -> (Stamp, u8) {
        let spare = 0xFFu64 << Self::SPARE_SHIFT;
        let stamp = NonZeroU64::new(bits.get() & !spare).expect("top bit set");
        (
            Stamp(stamp),
            ((bits.get() & spare) >> Self::SPARE_SHIFT) as u8,
        )
    }

    fn part(self, which: usize) -> u32 {
        let (shift, width) = FIELDS[which];
        ((self.0.get() >> shift) & ((1 << width) - 1)) as u32
    }

    pub fn granularity(self) -> Granularity {
        match self.part(GRANULARITY) {
            0 => Granularity::Year,
            1 => Granularity::Month,
            2 => Granularity::Day,
            _ => Granularity::Minute,
        }
    }

    /// The offset written with the time, if any.
    pub fn offset(self) -> Option<FixedOffset> {
        let secs = (self.part(OFFSET_HOURS) * 3600 + self.part(OFFSET_MINUTES) * 60) as i32;
        match self.part(OFFSET_KIND) {
            NO_OFFSET => None,
            OFFSET_MINUS => FixedOffset::east_opt(-secs),
            _ => FixedOffset::east_opt(secs),
        }
    }

    /// The wall-clock date and time written (the first of the month or year when no day
    /// is written, midnight when no time).
    pub fn local(self) -> NaiveDateTime {
        let date = NaiveDate::from_ymd_opt(
            self.part(YEAR) as i32,
            self.part(MONTH).max(1),
            self.part(DAY).max(1),
        )
        .expect("a stamp holds a real day");
        let time = NaiveTime::from_hms_opt(self.part(HOUR), self.part(MINUTE), self.part(SECOND))
            .expect("a stamp holds a real time of day");
        date.and_time(time)
    }

    /// Writes the text the stamp was read from, byte for byte.
    pub fn write(self, out: &mut String) {
        use std::fmt::Write;
        let g = self.granularity();
        let _ = write!(out, "{:04}", self.part(YEAR));
        if g >= Granularity::Month {
            let _ = write!(out, "-{:02}", self.part(MONTH));
        }
        if g >= Granularity::Day {
            let _ = write!(out, "-{:02}", self.part(DAY));
        }
        if g == Granularity::Minute {
            let _ = write!(out, "T{:02}:{:02}", self.part(HOUR), self.part(MINUTE));
            if self.part(SECONDS_WRITTEN) == 1 {
                let _ = write!(out, ":{:02}", self.part(SECOND));
            }
            let (h, m) = (self.part(OFFSET_HOURS), self.part(OFFSET_MINUTES));
            match self.part(OFFSET_KIND) {
                NO_OFFSET => {}
                OFFSET_Z => out.push('Z'),
                OFFSET_PLUS => {
                    let _ = write!(out, "+{h:02}:{m:02}");
                }
                _ => {
                    let _ = write!(out, "-{h:02}:{m:02}");
                }
            }
        }
    }

    pub fn text(self) -> String {
        let mut out = String::with_capacity(22);
        self.write(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts end below the spare byte, and a tag there leaves the stamp as it was.
    #[test]
    fn a_tag_in_the_spare_byte_leaves_the_stamp_whole() {
        let (shift, width) = FIELDS[FIELDS.len() - 1];
        assert!(shift + width <= Stamp::SPARE_SHIFT);
        let stamp = Stamp::read("2022-09-13T23:59:59-12:45").unwrap();
        for tag in [0, 1, 0x2A, 0xFF] {
            let (back, got) = Stamp::untagged(stamp.tagged(tag));
            assert_eq!((back, got), (stamp, tag));
            assert_eq!(back.text(), "2022-09-13T23:59:59-12:45");
        }
    }

    #[test]
    fn every_accepted_form_is_held_and_written_back_as_it_was() {
        for text in [
            "2022",
            "0000",
            "9999",
            "2022-09",
            "2022-09-13",
            "2024-02-29",
            "2022-09-13T00:05",
            "2022-09-13T23:59:59",
            "2022-09-13T00:05Z",
            "2022-09-13T00:05:07Z",
            "2022-09-13T00:05+04:00",
            "2022-09-13T00:05-03:30",
            "2022-09-13T00:05-00:00",
            "2022-09-13T00:05+00:00",
            "2022-09-13T00:05:30+14:00",
        ] {
            let stamp = Stamp::read(text).unwrap_or_else(|| panic!("{text} not held"));
            assert_eq!(stamp.text(), text);
        }
    }

    #[test]
    fn text_that_is_not_a_real_time_in_an_accepted_form_stays_text() {
        for text in [
            "",
            "22",
            "2022-9",
            "2022-09-1",
            "2022/09/13",
            "13 Sep 2022",
            "2022-13",
            "2022-00",
            "2022-02-30",
            "2023-02-29",
            "2022-09-13T24:00",
            "2022-09-13T12:60",
            "2022-09-13T12:00:60",
            "2022-09-13T12:00+15:00",
            "2022-09-13T12:00+04:60",
            "2022-09-13T12:00+0400",
            "2022-09-13T12:00 ",
            "2022-09-13 12:00",
            "2022-09-13T12",
            "2022-09-13T12:00ZZ",
            "2022-09-13T1२:00",
            "２０２２",
        ] {
            assert!(Stamp::read(text).is_none(), "{text:?} was held");
        }
    }
}
