//! A figure as a file writes it: every field at the top level, as format 2 defines them,
//! while [`Figure`] keeps the ones most figures leave out in one block ([`FigureMore`]).
//! Reading goes through [`FigureInFile`], writing through [`FigureToFile`], so files,
//! exports and the cache's snapshots keep their shape.

use serde::{Deserialize, Serialize};

use super::{Bound, Figure, FigureMore, IdRef, Measure, More, People, ThinVec, omit};

/// A figure as read from a file. Named `Figure`, so that messages about its fields name it so.
#[derive(Deserialize)]
#[serde(rename = "Figure", deny_unknown_fields)]
pub(super) struct FigureInFile {
    measure: Measure,
    #[serde(default)]
    count: Option<u32>,
    #[serde(default)]
    best: Option<u32>,
    #[serde(default)]
    low: Option<u32>,
    #[serde(default)]
    high: Option<u32>,
    #[serde(default)]
    bound: Bound,
    #[serde(default)]
    whose: Option<IdRef>,
    #[serde(default)]
    of: Option<ThinVec<IdRef>>,
    people: People,
    #[serde(default)]
    unit: Option<Box<str>>,
    #[serde(default)]
    as_of: Option<Box<str>>,
    #[serde(default)]
    counted_by: Option<Box<str>>,
}

impl From<FigureInFile> for Figure {
    fn from(f: FigureInFile) -> Figure {
        Figure {
            measure: f.measure,
            count: f.count,
            bound: f.bound,
            whose: f.whose,
            people: f.people,
            more: More::new(FigureMore {
                best: f.best,
                low: f.low,
                high: f.high,
                of: f.of,
                unit: f.unit,
                as_of: f.as_of,
                counted_by: f.counted_by,
            }),
        }
    }
}

/// A figure as written: the fields in the order of [`FigureInFile`], those left out that a
/// file leaves out (see [`omit`]).
#[derive(Serialize)]
#[serde(rename = "Figure")]
struct FigureToFile<'a> {
    measure: Measure,
    #[serde(skip_serializing_if = "omit::none")]
    count: Option<u32>,
    #[serde(skip_serializing_if = "omit::none")]
    best: Option<u32>,
    #[serde(skip_serializing_if = "omit::none")]
    low: Option<u32>,
    #[serde(skip_serializing_if = "omit::none")]
    high: Option<u32>,
    bound: Bound,
    #[serde(skip_serializing_if = "omit::none")]
    whose: Option<&'a IdRef>,
    #[serde(skip_serializing_if = "omit::none")]
    of: Option<&'a ThinVec<IdRef>>,
    people: People,
    #[serde(skip_serializing_if = "omit::none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "omit::none")]
    as_of: Option<&'a str>,
    #[serde(skip_serializing_if = "omit::none")]
    counted_by: Option<&'a str>,
}

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        let more = &*self.more;
        FigureToFile {
            measure: self.measure,
            count: self.count,
            best: more.best,
            low: more.low,
            high: more.high,
            bound: self.bound,
            whose: self.whose.as_ref(),
            of: more.of.as_ref(),
            people: self.people,
            unit: more.unit.as_deref(),
            as_of: more.as_of.as_deref(),
            counted_by: more.counted_by.as_deref(),
        }
        .serialize(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ron::Options {
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
    }

    fn read(text: &str) -> Figure {
        options().from_str(text).unwrap()
    }

    /// A figure of one number, as every ACLED row gives, holds no block; one with a range,
    /// a unit, several parties, a time and a counter holds them all in one, and both write
    /// back every field where the file had it (the texts are as RON writes them).
    #[test]
    fn rare_fields_read_into_one_block_and_write_back_in_place() {
        let plain = r#"(measure:Killed,count:3,bound:AtLeast,whose:"north",people:Military)"#;
        let f = read(plain);
        assert!(!f.more.has_block());
        assert_eq!(f.height(), Some(3));
        let rich = concat!(
            r#"(measure:Other,best:270,low:260,high:280,bound:Exact,of:["north","south"],"#,
            r#"people:Civilian,unit:"houses damaged",as_of:"2030-10-07",counted_by:"Harbour Post")"#
        );
        let f = read(rich);
        assert!(f.more.has_block());
        let range = crate::model::Stated::Range {
            low: 260,
            best: Some(270),
            high: 280,
        };
        assert_eq!(f.stated(), range);
        assert_eq!(f.parties(), ["north", "south"]);
        assert_eq!(f.more.counted_by.as_deref(), Some("Harbour Post"));
        for text in [plain, rich] {
            assert_eq!(options().to_string(&read(text)).unwrap(), text);
        }
    }
}
