//! Which of the event list's rows fall in the timeline's visible range: the list follows the
//! timeline, so an analyst zoomed on one month reads that month's events, with a count of those
//! before and after it. The selected event stays listed wherever it is.

use crate::query::Index;

/// The rows to list, and how many of the others lie before and after the range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InRange {
    pub rows: Vec<usize>,
    pub before: usize,
    pub after: usize,
}

/// The `rows` (in the table's order, kept) whose events overlap `[a, b]` (UTC seconds), plus
/// `selected` wherever it is; the others counted by whether they end before `a` or start after
/// `b`.
pub fn in_range(
    index: &Index,
    rows: &[usize],
    (a, b): (f64, f64),
    selected: Option<usize>,
) -> InRange {
    let (a, b) = (a.floor() as i64, b.ceil() as i64);
    let mut out = InRange::default();
    for &e in rows {
        let span = index.events[e].span;
        if span.end < a {
            out.before += 1;
        } else if span.start > b {
            out.after += 1;
        } else {
            out.rows.push(e);
            continue;
        }
        if Some(e) == selected {
            out.rows.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;
    use crate::query::Catalog;

    #[test]
    fn only_the_events_in_range_are_listed_with_the_rest_counted() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let rows: Vec<usize> = (0..cat.dataset.events.len()).collect();
        let starts: Vec<i64> = rows
            .iter()
            .map(|&e| cat.index.events[e].span.start)
            .collect();
        // A month from the middle event on: the bundled events cluster in September 2022.
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        let mid = sorted[sorted.len() / 2];
        let range = (mid as f64, (mid + 30 * 86_400) as f64);
        let got = in_range(&cat.index, &rows, range, None);
        assert!(!got.rows.is_empty() && got.rows.len() < rows.len());
        assert_eq!(got.rows.len() + got.before + got.after, rows.len());
        for &e in &got.rows {
            let s = cat.index.events[e].span;
            assert!(s.end >= mid && s.start <= mid + 30 * 86_400, "{e}");
        }
        // The selection stays listed, out of range.
        let far = rows
            .iter()
            .copied()
            .find(|&e| cat.index.events[e].span.end < mid)
            .unwrap();
        let with = in_range(&cat.index, &rows, range, Some(far));
        assert!(with.rows.contains(&far));
        assert_eq!(with.before, got.before);
        // The table's order is kept.
        let reversed: Vec<usize> = rows.iter().rev().copied().collect();
        let back = in_range(&cat.index, &reversed, range, None);
        assert_eq!(
            back.rows,
            got.rows.iter().rev().copied().collect::<Vec<_>>()
        );
    }
}
