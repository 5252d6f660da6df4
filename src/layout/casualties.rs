//! The casualty strip's data: tolls as each side announced them, over the time they were
//! announced. One series per announcing side and per side whose people are counted, so a user
//! sees a toll change and who gave it; third parties' figures are points only, because a line
//! joining different outlets' numbers would suggest one running count.
//!
//! The strip shows one kind of figure at a time ([`TollKind`]: killed, wounded, killed or
//! wounded..., for soldiers and people of unspecified status or for civilians), so a line
//! never joins, and a scale never compares, figures of different kinds. A range ("260–280") is
//! drawn at its best estimate (or its middle) with a band from low to high.
//!
//! A side's line follows the highest toll it had announced so far: a later, smaller figure is
//! usually a count for one place or one day ("4 killed in Jermuk"), not a revised total. Every
//! figure is still a point of its own, so such a count stays visible without pulling the line.

use serde::{Deserialize, Serialize};

use crate::model::{Bound, Claim, Dataset, Figure, Measure, People, Side, Stated};
use crate::query::Index;
use crate::query::bits::Bits;

/// The one kind of figure the strip shows: what was counted, and whether of civilians or of
/// soldiers and people of unspecified status (the tolls announced day by day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TollKind {
    pub measure: Measure,
    pub civilian: bool,
}

impl Default for TollKind {
    /// Deaths of soldiers and of people of unspecified status: what the strip showed before
    /// it showed other kinds.
    fn default() -> TollKind {
        TollKind {
            measure: Measure::Killed,
            civilian: false,
        }
    }
}

impl TollKind {
    /// The kind a figure is of, if the strip can draw it: people counted, with a number.
    pub fn of(f: &Figure) -> Option<TollKind> {
        (!f.measure.counts_things() && f.height().is_some()).then_some(TollKind {
            measure: f.measure,
            civilian: f.people == People::Civilian,
        })
    }

    /// "Killed", "Killed or wounded": the strip's title.
    pub fn title(self) -> String {
        crate::model::wording::capitalise(crate::model::wording::measure_text(self.measure))
    }

    /// "dead", "wounded": the people a series counts, in its label ("own dead").
    pub fn noun(self) -> &'static str {
        match self.measure {
            Measure::Killed => "dead",
            other => crate::model::wording::measure_text(other),
        }
    }

    /// "soldiers, unspecified" or "civilians": whose figures, under the title.
    pub fn people(self) -> &'static str {
        if self.civilian {
            "civilians"
        } else {
            "soldiers, unspecified"
        }
    }
}

/// One announced figure.
#[derive(Debug, Clone, PartialEq)]
pub struct TollPoint {
    /// When it was said, UTC seconds (the middle of the claim's `said` span).
    pub t: i64,
    /// The height it is drawn at: the figure, or its best estimate, or its range's middle.
    pub count: u32,
    pub bound: Bound,
    /// A range's low and high, drawn as a band.
    pub range: Option<(u32, u32)>,
    /// Where it comes from: (event index, claim index).
    pub claim: (usize, usize),
    /// Which of the claim's figures it is.
    pub figure: usize,
}

/// Whose people a series counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Whose {
    Party(Side),
    /// Several parties' together, or (without `whose`) both sides'.
    Several,
    /// No party's (`of: []`): foreign journalists, say.
    NoParty,
}

impl TollSeries {
    /// The step line's corners: (time, highest count announced up to then), where that
    /// highest count rises. A step line through every point would draw the same, with as many
    /// vertices as figures; this has one per new high.
    pub fn corners(&self) -> Vec<(i64, u32)> {
        let mut out: Vec<(i64, u32)> = Vec::new();
        for p in &self.points {
            if out.last().is_none_or(|&(_, high)| p.count > high) {
                out.push((p.t, p.count));
            }
        }
        out
    }

    /// Positions of the points announced within `[t0, t1]` (points are in time order).
    pub fn visible(&self, t0: i64, t1: i64) -> std::ops::Range<usize> {
        let lo = self.points.partition_point(|p| p.t < t0);
        let hi = self.points.partition_point(|p| p.t <= t1);
        lo..hi.max(lo)
    }
}

/// The strip's vertical scale: counts on a logarithmic scale (of one more than the count, so
/// that zero sits at the foot), zero at the bottom of the band and the highest figure in view
/// at its top. Announced tolls span orders of magnitude (4 killed in one village, 207 after a
/// week, a historical war's 6,700 cited the same week): on a linear or square-root scale the
/// largest would flatten the rest against the foot. Equal counts stay at equal heights and a
/// higher count is always drawn higher; every figure is labelled with its number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountScale {
    /// ln(1 + the highest count the band must hold), the highest at least 10 so that a few
    /// single-digit figures do not fill the strip.
    top: f64,
}

impl CountScale {
    /// The scale for a band whose highest figure is `max`.
    pub fn new(max: u32) -> CountScale {
        CountScale {
            top: f64::from(max.max(10)).ln_1p(),
        }
    }

    /// Where `count` sits, from 0.0 (the bottom: no dead) to 1.0 (the highest figure).
    pub fn fraction(&self, count: u32) -> f64 {
        (f64::from(count).ln_1p() / self.top).min(1.0)
    }

    /// The screen y of `count` in a band from `bottom` (zero) up to `top` (the highest
    /// figure); screen y grows downwards.
    pub fn y(&self, count: u32, top: f32, bottom: f32) -> f32 {
        bottom - (bottom - top) * self.fraction(count) as f32
    }
}

/// Positions of the highest figure in any run of points, by blocks: the highest of every
/// block of 64 is kept, so a query scans at most two partial blocks and the whole blocks
/// between. Built in one pass per series; thinning then costs per pixel column, not per point.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RangeMax {
    /// Position of the highest count in each block (the first on ties).
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl RangeMax {
    pub fn new(counts: &[u32]) -> RangeMax {
        let blocks = counts
            .chunks(BLOCK)
            .enumerate()
            .map(|(b, chunk)| (b * BLOCK + first_max(chunk)) as u32)
            .collect();
        RangeMax { blocks }
    }

    /// The position of the highest count in `lo..hi` (non-empty), the first on ties.
    pub fn argmax(&self, counts: &[u32], lo: usize, hi: usize) -> usize {
        let mut best = lo;
        let better = |i: usize, best: usize| counts[i] > counts[best];
        let first_full = lo.div_ceil(BLOCK);
        let last_full = hi / BLOCK;
        if first_full >= last_full {
            return lo + first_max(&counts[lo..hi]);
        }
        for i in lo..first_full * BLOCK {
            if better(i, best) {
                best = i;
            }
        }
        for &m in &self.blocks[first_full..last_full] {
            if better(m as usize, best) {
                best = m as usize;
            }
        }
        for i in last_full * BLOCK..hi {
            if better(i, best) {
                best = i;
            }
        }
        best
    }
}

/// The position of the first highest value.
fn first_max(xs: &[u32]) -> usize {
    let mut best = 0;
    for (i, &x) in xs.iter().enumerate() {
        if x > xs[best] {
            best = i;
        }
    }
    best
}

/// Thins a series' points in `[t0, t1]` to at most one a column of `columns`, keeping each
/// column's highest figure: beyond one point a pixel, more points add nothing visible but
/// cost. Returns the positions kept, in time order. Two binary searches and one range-max per
/// column, however many points there are.
pub fn thin(series: &TollSeries, t0: f64, t1: f64, columns: usize) -> Vec<usize> {
    let points = &series.points;
    let range = series.visible(t0.floor() as i64, t1.ceil() as i64);
    if range.len() <= columns {
        return range.collect();
    }
    let edge = |c: usize| (t0 + (t1 - t0) * c as f64 / columns as f64).floor() as i64;
    let mut kept = Vec::with_capacity(columns);
    let mut lo = range.start;
    for c in 0..columns {
        let hi = if c + 1 == columns {
            range.end
        } else {
            lo + points[lo..range.end].partition_point(|p| p.t < edge(c + 1))
        };
        if hi > lo {
            kept.push(series.range_max.argmax(&series.counts, lo, hi));
        }
        lo = hi;
    }
    kept
}

impl TollPoint {
    /// The label, and for a range the height it is drawn at: "40–70, drawn at 50".
    pub fn spoken(&self) -> String {
        match self.range {
            Some(_) => format!("{}, drawn at {}", self.label(), self.count),
            None => self.label(),
        }
    }

    /// "105", "≥105", ">200", "~430", "≤100", "<300", "260–280".
    pub fn label(&self) -> String {
        if let Some((low, high)) = self.range {
            return format!("{low}–{high}");
        }
        let prefix = match self.bound {
            Bound::Exact => "",
            Bound::AtLeast => "≥",
            Bound::MoreThan => ">",
            Bound::About => "~",
            Bound::UpTo => "≤",
            Bound::Nearly => "<",
        };
        format!("{prefix}{}", self.count)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TollSeries {
    /// Who announced it.
    pub reporter: Side,
    /// Whose people.
    pub whose: Whose,
    /// A line of steps (one side's own running count) or loose points.
    pub stepped: bool,
    /// In the order announced.
    pub points: Vec<TollPoint>,
    /// How high each point reaches (its count, or its range's high), and the table that
    /// finds the highest of any run of them.
    pub counts: Vec<u32>,
    pub range_max: RangeMax,
    /// The step line's corners ([`TollSeries::corners`]), kept so a frame need not walk the
    /// points.
    pub steps: Vec<(i64, u32)>,
}

/// Every figure a strip can draw, with its kind, who announced it and whose people it
/// counts, in the order announced: built once per load, so a filter change or another kind
/// only picks rows, never walks (or parses the times of) the claims.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TollTable {
    rows: Vec<(TollKind, Side, Whose, TollPoint)>,
    /// The kinds of figure the rows hold, each with how many, in a fixed order.
    kinds: Vec<(TollKind, usize)>,
}

impl TollTable {
    pub fn new(ds: &Dataset, index: &Index) -> TollTable {
        let side_of_party = |id: &str| ds.parties.iter().position(|p| p.id == id).map(Side::party);
        let mut rows = Vec::new();
        for fc in &index.figure_claims {
            let (event, claim_at) = fc.at();
            let claim = &ds.events[event].claims[claim_at];
            // A joint statement across sides reports for none of them: its figures are
            // neither side's "own" nor "the other side's".
            let reporter = index.side_of_claim(claim).unwrap_or(Side::THIRD);
            for (kind, whose, f) in tolls(claim, &side_of_party) {
                let point = TollPoint {
                    t: fc.said,
                    count: f.height().unwrap_or(0),
                    // A low or a high alone reads "at least" or "up to".
                    bound: match f.stated() {
                        Stated::AtLeast(_) => Bound::AtLeast,
                        Stated::UpTo(_) => Bound::UpTo,
                        _ => f.bound,
                    },
                    range: f.range(),
                    claim: (event, claim_at),
                    figure: claim
                        .figures
                        .iter()
                        .position(|x| std::ptr::eq(x, f))
                        .unwrap_or(0),
                };
                rows.push((kind, reporter, whose, point));
            }
        }
        rows.sort_by_key(|(_, _, _, p)| (p.t, p.count));
        let mut kinds: std::collections::BTreeMap<TollKind, usize> = Default::default();
        for (kind, ..) in &rows {
            *kinds.entry(*kind).or_default() += 1;
        }
        TollTable {
            rows,
            kinds: kinds.into_iter().collect(),
        }
    }

    /// The kinds of figure in the dataset, each with how many, in a fixed order.
    pub fn kinds(&self) -> &[(TollKind, usize)] {
        &self.kinds
    }

    /// Series of figures of `kind` over the given events (filtered, sorted by index), in a
    /// fixed order: the first party's announcements first, then the next's, then third
    /// parties'.
    pub fn series(&self, events: &[usize], kind: TollKind) -> Vec<TollSeries> {
        let mut series: Vec<TollSeries> = Vec::new();
        // A set to test each figure's event in one read: a binary search per figure over a
        // million events was most of a filter change's time.
        let shown = Bits::of(
            events.last().map_or(0, |&last| last + 1),
            events.iter().copied(),
        );
        let is_shown = |e: usize| e < shown.len() && shown.contains(e);
        for (row_kind, reporter, whose, point) in &self.rows {
            if *row_kind != kind || !is_shown(point.claim.0) {
                continue;
            }
            let (reporter, whose) = (*reporter, *whose);
            match series
                .iter_mut()
                .find(|s| s.reporter == reporter && s.whose == whose)
            {
                Some(s) => s.points.push(point.clone()),
                None => series.push(TollSeries {
                    reporter,
                    whose,
                    stepped: reporter != Side::THIRD && whose != Whose::NoParty,
                    points: vec![point.clone()],
                    counts: Vec::new(),
                    range_max: RangeMax::default(),
                    steps: Vec::new(),
                }),
            }
        }
        series.sort_by_key(|s| (s.reporter, s.whose));
        for s in &mut series {
            // What the scale and thinning need is how high each figure reaches: a range's
            // band reaches its high.
            s.counts = s
                .points
                .iter()
                .map(|p| p.range.map_or(p.count, |(_, high)| high.max(p.count)))
                .collect();
            s.range_max = RangeMax::new(&s.counts);
            s.steps = s.corners();
        }
        series
    }
}

/// The series over the given events, building the table first (tests and one-off uses; the
/// app keeps its table for the whole load).
pub fn toll_series(
    ds: &Dataset,
    index: &Index,
    events: &[usize],
    kind: TollKind,
) -> Vec<TollSeries> {
    TollTable::new(ds, index).series(events, kind)
}

/// The figures in one claim a strip can draw, one per kind and whose people: the highest
/// when a claim gives several of one kind for the same people (a total beside a part of it).
fn tolls<'c>(
    claim: &'c Claim,
    side_of_party: &impl Fn(&str) -> Option<Side>,
) -> Vec<(TollKind, Whose, &'c Figure)> {
    let mut out: Vec<(TollKind, Whose, &Figure)> = Vec::new();
    for f in &claim.figures {
        let Some(kind) = TollKind::of(f) else {
            continue;
        };
        let whose = match (f.parties(), &f.more.of) {
            ([one], _) => side_of_party(one).map_or(Whose::Several, Whose::Party),
            ([], Some(_)) => Whose::NoParty,
            _ => Whose::Several,
        };
        match out.iter_mut().find(|(k, w, _)| *k == kind && *w == whose) {
            Some(existing) if existing.2.height() < f.height() => existing.2 = f,
            Some(_) => {}
            None => out.push((kind, whose, f)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;
    use crate::query::{Catalog, FilterState, Query};

    #[test]
    fn each_sides_own_toll_is_a_stepped_series_that_rises() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let all = Query::run(&cat.index, &FilterState::default()).events;
        let series = toll_series(&cat.dataset, &cat.index, &all, TollKind::default());
        let own = |side: Side| {
            series
                .iter()
                .find(|s| s.reporter == side && s.whose == Whose::Party(side))
                .unwrap_or_else(|| panic!("{side:?} own toll"))
        };
        for side in [Side::FIRST, Side::SECOND] {
            let s = own(side);
            assert!(s.stepped);
            assert!(s.points.len() >= 2, "{side:?}: {:?}", s.points);
            assert!(s.points.windows(2).all(|w| w[0].t <= w[1].t));
        }
        // The Armenian side announced 49 dead first and 105 later (chronology, 13 Sep 2022).
        let left: Vec<u32> = own(Side::FIRST).points.iter().map(|p| p.count).collect();
        let first_49 = left.iter().position(|&c| c == 49).unwrap();
        let first_105 = left.iter().position(|&c| c == 105).unwrap();
        assert!(first_49 < first_105);
        // The line never falls, though a later partial count may be lower.
        let line = own(Side::FIRST).corners();
        assert!(line.windows(2).all(|w| w[0].1 < w[1].1 && w[0].0 <= w[1].0));
        assert_eq!(line.last().unwrap().1, *left.iter().max().unwrap());
        // Third parties' figures are never joined into a line.
        assert!(
            series
                .iter()
                .filter(|s| s.reporter == Side::THIRD)
                .all(|s| !s.stepped)
        );
    }

    #[test]
    fn counts_are_drawn_at_heights_that_rise_with_them_inside_the_band() {
        let scale = CountScale::new(207);
        let (top, bottom) = (40.0, 140.0);
        let ys: Vec<f32> = [0, 4, 49, 105, 207]
            .iter()
            .map(|&c| scale.y(c, top, bottom))
            .collect();
        assert_eq!(ys[0], bottom, "no dead sits on the bottom edge");
        assert_eq!(ys[4], top, "the highest figure sits on the top edge");
        assert!(ys.windows(2).all(|w| w[1] < w[0]), "{ys:?}");
        // On a logarithmic scale: 49 is ln 50 / ln 208 of the way up, not 49/207.
        let frac49 = (bottom - ys[2]) / (bottom - top);
        assert!((frac49 - 50f32.ln() / 208f32.ln()).abs() < 1e-4, "{frac49}");
        assert_eq!(scale.y(105, top, bottom), ys[3]);
        // A small strip's highest figure is at least 10.
        assert_eq!(CountScale::new(4).y(10, top, bottom), top);
    }

    #[test]
    fn range_max_finds_the_first_highest_of_any_run() {
        let counts: Vec<u32> = (0..900u32).map(|i| (i * 37 + 11) % 23 + i / 200).collect();
        let rm = RangeMax::new(&counts);
        for lo in (0..900).step_by(7) {
            for hi in (lo + 1..=900).step_by(5) {
                let naive = (lo..hi)
                    .max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a)))
                    .unwrap();
                assert_eq!(rm.argmax(&counts, lo, hi), naive, "{lo}..{hi}");
            }
        }
    }

    #[test]
    fn thinning_keeps_one_point_a_column_with_its_highest_figure() {
        let points: Vec<TollPoint> = (0..1000)
            .map(|i| TollPoint {
                t: i,
                count: (i % 7) as u32,
                bound: Bound::Exact,
                range: None,
                claim: (0, 0),
                figure: 0,
            })
            .collect();
        let counts: Vec<u32> = points.iter().map(|p| p.count).collect();
        let s = TollSeries {
            reporter: Side::FIRST,
            whose: Whose::Party(Side::FIRST),
            stepped: true,
            range_max: RangeMax::new(&counts),
            counts,
            points,
            steps: Vec::new(),
        };
        let kept = thin(&s, 0.0, 1000.0, 100);
        assert_eq!(kept.len(), 100);
        assert!(kept.windows(2).all(|w| w[0] < w[1]));
        // Each column of ten holds counts 0..6: the kept one is a 6 wherever a 6 falls.
        assert!(kept.iter().filter(|&&k| s.points[k].count == 6).count() >= 99);
        // Few points: all of them.
        assert_eq!(thin(&s, 10.0, 19.0, 100), (10..20).collect::<Vec<_>>());
    }

    #[test]
    fn each_figure_is_of_one_kind_and_things_or_no_number_of_none() {
        let f = |measure, people| Figure {
            measure,
            people,
            count: Some(3),
            ..Figure::default()
        };
        let kind = |measure, civilian| Some(TollKind { measure, civilian });
        assert_eq!(
            TollKind::of(&f(Measure::Killed, People::Civilian)),
            kind(Measure::Killed, true)
        );
        assert_eq!(
            TollKind::of(&f(Measure::Killed, People::Unspecified)),
            kind(Measure::Killed, false)
        );
        assert_eq!(
            TollKind::of(&f(Measure::DeadOrMissing, People::Military)),
            kind(Measure::DeadOrMissing, false)
        );
        assert_eq!(TollKind::of(&f(Measure::Equipment, People::Military)), None);
        let no_number = Figure {
            count: None,
            ..f(Measure::Killed, People::Military)
        };
        assert_eq!(TollKind::of(&no_number), None);
    }

    #[test]
    fn labels_show_how_the_count_was_stated() {
        let p = |bound| TollPoint {
            t: 0,
            count: 105,
            bound,
            range: None,
            claim: (0, 0),
            figure: 0,
        };
        assert_eq!(p(Bound::Exact).label(), "105");
        assert_eq!(p(Bound::AtLeast).label(), "≥105");
        assert_eq!(p(Bound::About).label(), "~105");
    }

    #[test]
    fn no_events_no_series() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        assert!(toll_series(&cat.dataset, &cat.index, &[], TollKind::default()).is_empty());
    }
}
