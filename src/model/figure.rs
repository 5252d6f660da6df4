//! A figure inside a claim: what was counted (killed, wounded, equipment...), whose, how many
//! as stated (one number with its wording, a range low to high, or none at all), as of when,
//! and counted by whom. Format 1 had one number; format 2 adds the rest, as casualty datasets
//! such as UCDP's publish low, best and high estimates.

use serde::{Deserialize, Serialize};

use super::more::{More, Rare};
use super::{IdRef, ThinVec};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Measure {
    #[default]
    Killed,
    Wounded,
    Missing,
    DeadOrMissing,
    Captured,
    Displaced,
    BodiesHandedOver,
    Released,
    /// Format 2: one number for killed and wounded together ("260 personnel losses").
    KilledOrWounded,
    /// Format 2: equipment, counted in its `unit` ("tanks destroyed").
    Equipment,
    /// Format 2: anything else counted, named by its `unit` ("houses damaged").
    Other,
}

impl Measure {
    /// Format 1's measures; the others need `format: 2`.
    pub fn in_format_1(self) -> bool {
        !matches!(
            self,
            Measure::KilledOrWounded | Measure::Equipment | Measure::Other
        )
    }

    /// Whether it counts things named by a `unit` rather than people.
    pub fn counts_things(self) -> bool {
        matches!(self, Measure::Equipment | Measure::Other)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum People {
    Military,
    Civilian,
    #[default]
    Unspecified,
}

/// How a count was stated: "49", "at least 3", "more than 200", "some 430", "up to 100".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Bound {
    #[default]
    Exact,
    AtLeast,
    MoreThan,
    About,
    UpTo,
    Nearly,
}

/// One figure inside a claim: whose people, how many, counted by whom. In a file, the fields
/// of [`FigureMore`] stand among these (see `figure_file`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(from = "super::figure_file::FigureInFile")]
pub struct Figure {
    pub measure: Measure,
    /// The number stated (format 1 requires it). With `low` and `high`, the best estimate.
    pub count: Option<u32>,
    /// How the number was worded; applies to `count` (or `best`).
    pub bound: Bound,
    /// The party whose people are counted; absent for "both sides" tallies.
    pub whose: Option<IdRef>,
    pub people: People,
    /// What most figures leave out: a range, a best estimate, several parties, a unit, a
    /// time and a counter.
    pub more: More<FigureMore>,
}

/// The fields of a figure that most figures leave out (an ACLED row's figure gives none).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FigureMore {
    /// Format 2: the best estimate, by its name in casualty datasets; give `count` or `best`.
    pub best: Option<u32>,
    /// Format 2: the lower end of a range ("260–280"), or "at least" this many alone.
    pub low: Option<u32>,
    /// Format 2: the upper end of a range, or "up to" this many alone.
    pub high: Option<u32>,
    /// Format 2: whose losses, when several parties' (`of: ["a", "b"]`) or no party's
    /// (`of: []`: foreign journalists, say). Give `whose` or `of`.
    pub of: Option<ThinVec<IdRef>>,
    /// Format 2: what `Equipment` or `Other` counts: "tanks destroyed", "houses damaged".
    pub unit: Option<Box<str>>,
    /// Format 2: the time the figure stands at ("by midday 7 Oct"), written like `When.at`,
    /// when it differs from when it was said.
    pub as_of: Option<Box<str>>,
    /// Who did the counting, when not the claim's actor.
    pub counted_by: Option<Box<str>>,
}

/// What every figure that gives none of them reads.
static NONE_GIVEN: FigureMore = FigureMore {
    best: None,
    low: None,
    high: None,
    of: None,
    unit: None,
    as_of: None,
    counted_by: None,
};

impl Rare for FigureMore {
    fn none_given() -> &'static FigureMore {
        &NONE_GIVEN
    }
}

/// A figure's number as it was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// One number, worded by `bound`.
    One(u32, Bound),
    /// From `low` to `high`, with a best estimate where one was given.
    Range {
        low: u32,
        best: Option<u32>,
        high: u32,
    },
    /// At least this many: a `low` alone.
    AtLeast(u32),
    /// At most this many: a `high` alone.
    UpTo(u32),
    /// Losses acknowledged with no number.
    NoNumber,
}

impl Figure {
    /// The best estimate: `best`, or format 1's `count`.
    pub fn best(&self) -> Option<u32> {
        self.more.best.or(self.count)
    }

    /// The number as it was stated.
    pub fn stated(&self) -> Stated {
        match (self.more.low, self.best(), self.more.high) {
            (Some(low), best, Some(high)) => Stated::Range { low, best, high },
            (_, Some(n), _) => Stated::One(n, self.bound),
            (Some(low), None, None) => Stated::AtLeast(low),
            (None, None, Some(high)) => Stated::UpTo(high),
            (None, None, None) => Stated::NoNumber,
        }
    }

    /// The height a chart draws it at: the best estimate, else the middle of its range, else
    /// the one end given; none for a figure with no number.
    pub fn height(&self) -> Option<u32> {
        match self.stated() {
            Stated::One(n, _) | Stated::AtLeast(n) | Stated::UpTo(n) => Some(n),
            Stated::Range { best: Some(b), .. } => Some(b),
            Stated::Range { low, high, .. } => Some(low + (high - low) / 2),
            Stated::NoNumber => None,
        }
    }

    /// The range a chart draws as a band, when a low and a high were both given.
    pub fn range(&self) -> Option<(u32, u32)> {
        self.more.low.zip(self.more.high)
    }

    /// The parties whose people are counted, by id: `whose`, or `of`.
    pub fn parties(&self) -> &[IdRef] {
        match (&self.whose, &self.more.of) {
            (Some(w), _) => std::slice::from_ref(w),
            (None, Some(of)) => of,
            (None, None) => &[],
        }
    }
}

impl Stated {
    /// "105", "at least 105", "260–280", "260–280 (best 270)", "no number given".
    pub fn text(self) -> String {
        match self {
            Stated::One(n, bound) => {
                let words = match bound {
                    Bound::Exact => "",
                    Bound::AtLeast => "at least ",
                    Bound::MoreThan => "more than ",
                    Bound::About => "about ",
                    Bound::UpTo => "up to ",
                    Bound::Nearly => "nearly ",
                };
                format!("{words}{n}")
            }
            Stated::Range {
                low,
                best: None,
                high,
            } => format!("{low}–{high}"),
            Stated::Range {
                low,
                best: Some(b),
                high,
            } => format!("{low}–{high} (best {b})"),
            Stated::AtLeast(n) => format!("at least {n}"),
            Stated::UpTo(n) => format!("up to {n}"),
            Stated::NoNumber => "no number given".to_owned(),
        }
    }

    /// Whether one thing is meant: a singular noun reads right after it.
    pub fn is_one(self) -> bool {
        matches!(self, Stated::One(1, _))
    }
}
