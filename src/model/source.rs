//! How a source is cited to a reader: the relay chain from the original channel to the outlet
//! that was read ("Vale Ministry channel via Lantern Wire via Harbour Post"), and when it was
//! published, known to the day or minute or only bounded ("undated (after 2022-10-01)").
//! The card, the captions and the CSV all say it this way.

use chrono::FixedOffset;
use serde::{Deserialize, Serialize};

use super::time::{Granularity, TimeError, TimeSpan, parse_instant};
use super::{Precision, Source, When, omit};

/// When a source was published, as distinct from when anything in it was said: known
/// (`at`), or for an undated page only bounded (`after`, `before`, or both). Each is written
/// like `When.at` and read in the file's `utc_offset` unless it carries its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// The date or time of publication: "2022-09-13", "2022-09-13T10:30+03:00".
    #[serde(default, skip_serializing_if = "omit::none")]
    pub at: Option<String>,
    /// For an undated page: the earliest it can have appeared (it mentions that day, say).
    #[serde(default, skip_serializing_if = "omit::none")]
    pub after: Option<String>,
    /// For an undated page: the latest it can have appeared (when it was stored, say).
    #[serde(default, skip_serializing_if = "omit::none")]
    pub before: Option<String>,
}

/// What is wrong with a `published`, and in which of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedError {
    /// "at", "after" or "before"; `None` for the value as a whole.
    pub field: Option<&'static str>,
    pub message: String,
}

/// The span of UTC seconds a publication time allows; an open end is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedRange {
    pub start: Option<i64>,
    pub end: Option<i64>,
}

impl PublishedRange {
    /// Whether some moment lies in both this range and `span`.
    pub fn overlaps(&self, span: TimeSpan) -> bool {
        // An instant (start == end) counts as its own second, so that it lies in the day or
        // minute it names.
        let span_end = span.end.max(span.start + 1);
        let end = self
            .end
            .map(|e| if Some(e) == self.start { e + 1 } else { e });
        self.start.is_none_or(|s| s < span_end) && end.is_none_or(|e| e > span.start)
    }
}

impl Published {
    /// The range the publication time allows, or what is wrong with it.
    pub fn range(&self, offset: FixedOffset) -> Result<PublishedRange, PublishedError> {
        let span = |field: &'static str, text: &str| {
            When::span_as_written(text, offset).map_err(|e: TimeError| PublishedError {
                field: Some(field),
                message: e.to_string(),
            })
        };
        match (&self.at, &self.after, &self.before) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Err(PublishedError {
                field: Some(if self.after.is_some() {
                    "after"
                } else {
                    "before"
                }),
                message: "published gives `at` and a bound: write `at` when the date is \
                          known, `after`/`before` when it is not"
                    .to_owned(),
            }),
            (None, None, None) => Err(PublishedError {
                field: None,
                message: "published is empty: write `(at: \"2022-09-13\")`, or \
                          `(after: \"2022-10-01\")` and/or `(before: ...)` for an undated page"
                    .to_owned(),
            }),
            (Some(at), None, None) => {
                let s = span("at", at)?;
                Ok(PublishedRange {
                    start: Some(s.start),
                    end: Some(s.end),
                })
            }
            (None, after, before) => {
                let start = after.as_deref().map(|a| span("after", a)).transpose()?;
                let end = before.as_deref().map(|b| span("before", b)).transpose()?;
                if let (Some(a), Some(b), Some(after), Some(before)) = (start, end, after, before)
                    && b.end <= a.start
                {
                    return Err(PublishedError {
                        field: Some("before"),
                        message: format!(
                            "published before \"{before}\" is not later than after \"{after}\""
                        ),
                    });
                }
                Ok(PublishedRange {
                    start: start.map(|s| s.start),
                    end: end.map(|e| e.end),
                })
            }
        }
    }

    /// How a reader sees it: a date as written ("2022-09-13", like a source's `date`), a time
    /// in the dataset's zone and named ("13 Sep 2022 10:30 UTC+04:00"), and a bounded one as
    /// "undated (after 2022-10-01)". `offset` reads what carries no offset of its own.
    pub fn describe(&self, offset: FixedOffset, zone: FixedOffset) -> String {
        let one = |text: &str| match parse_instant(text, offset) {
            Ok(i) if i.granularity == Granularity::Minute => {
                When::new(text, Precision::Exact, None, None).describe_in(offset, zone)
            }
            _ => text.to_owned(),
        };
        match (&self.at, &self.after, &self.before) {
            (Some(at), _, _) => one(at),
            (None, Some(a), Some(b)) => format!("undated ({} to {})", one(a), one(b)),
            (None, Some(a), None) => format!("undated (after {})", one(a)),
            (None, None, Some(b)) => format!("undated (before {})", one(b)),
            (None, None, None) => "undated".to_owned(),
        }
    }
}

impl Source {
    /// The outlet with the channels it relays, from the original to the outlet read:
    /// "Vale Ministry channel via Lantern Wire via Harbour Post". `via` is written from the
    /// outlet outwards, so it reads here reversed; an outlet without `via` reads as written,
    /// so that "Lantern Wire via Harbour Post" in `outlet` and `outlet: "Harbour Post",
    /// via: ["Lantern Wire"]` read alike.
    pub fn chain(&self) -> String {
        let mut out = String::new();
        for relay in self.via.iter().rev() {
            out.push_str(relay);
            out.push_str(" via ");
        }
        out.push_str(&self.outlet);
        out
    }

    /// When it was published as a reader sees it: `published` (see [`Published::describe`])
    /// when given, else `date` as written.
    pub fn when_published(&self, offset: FixedOffset, zone: FixedOffset) -> Option<String> {
        match &self.published {
            Some(p) => Some(p.describe(offset, zone)),
            None => self.date.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_offset;

    fn plus4() -> FixedOffset {
        parse_offset("+04:00").unwrap()
    }

    fn published(at: Option<&str>, after: Option<&str>, before: Option<&str>) -> Published {
        Published {
            at: at.map(Into::into),
            after: after.map(Into::into),
            before: before.map(Into::into),
        }
    }

    #[test]
    fn a_chain_reads_from_the_original_to_the_outlet() {
        let mut s = Source {
            id: "s".into(),
            outlet: "Harbour Post".into(),
            title: None,
            date: None,
            url: None,
            language: "en".into(),
            via: vec![],
            published: None,
            note: None,
        };
        assert_eq!(s.chain(), "Harbour Post");
        s.via = vec!["Lantern Wire".into(), "Vale Ministry channel".into()];
        assert_eq!(
            s.chain(),
            "Vale Ministry channel via Lantern Wire via Harbour Post"
        );
    }

    #[test]
    fn published_reads_as_a_date_a_time_in_the_zone_or_bounds() {
        let d = |p: Published| p.describe(plus4(), plus4());
        assert_eq!(d(published(Some("2022-09-13"), None, None)), "2022-09-13");
        assert_eq!(
            d(published(Some("2022-09-13T10:30+03:00"), None, None)),
            "13 Sep 2022 11:30 UTC+04:00 (10:30 UTC+03:00 as written)"
        );
        assert_eq!(
            d(published(None, Some("2022-10-01"), None)),
            "undated (after 2022-10-01)"
        );
        assert_eq!(
            d(published(None, Some("2022-10"), Some("2022-11-02"))),
            "undated (2022-10 to 2022-11-02)"
        );
    }

    #[test]
    fn published_errors_name_their_field() {
        let field = |p: Published| p.range(plus4()).unwrap_err().field;
        assert_eq!(field(published(None, None, None)), None);
        assert_eq!(field(published(Some("2022-09-31"), None, None)), Some("at"));
        assert_eq!(
            field(published(Some("2022"), Some("2022"), None)),
            Some("after")
        );
        assert_eq!(
            field(published(None, Some("2022-10-02"), Some("2022-10-01"))),
            Some("before")
        );
        // The same day as both bounds is one day, not a contradiction.
        assert!(
            published(None, Some("2022-10-01"), Some("2022-10-01"))
                .range(plus4())
                .is_ok()
        );
    }

    #[test]
    fn ranges_overlap_a_date_only_where_they_share_time() {
        let day = When::span_as_written("2022-09-13", plus4()).unwrap();
        let r = |p: Published| p.range(plus4()).unwrap();
        assert!(r(published(Some("2022-09-13T10:00"), None, None)).overlaps(day));
        assert!(!r(published(Some("2022-09-14T10:00"), None, None)).overlaps(day));
        assert!(r(published(None, Some("2022-09"), None)).overlaps(day));
        assert!(!r(published(None, Some("2022-10-01"), None)).overlaps(day));
        assert!(!r(published(None, None, Some("2022-09-12"))).overlaps(day));
    }
}
