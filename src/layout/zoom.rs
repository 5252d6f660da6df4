//! Quick zooms that need no knowledge of the dataset: the window of a given width that holds
//! the most events, so "busiest week" lands on the clashes whatever the file covers.

/// The quick zooms beside "All": a label and a width in seconds.
pub const QUICK_ZOOMS: [(&str, i64); 3] = [
    ("Busiest month", 30 * 86_400),
    ("week", 7 * 86_400),
    ("day", 86_400),
];

/// The `[start, start + width]` window holding the most of `starts` (sorted ascending),
/// beginning at one of them; the earliest such window on a tie. `None` when empty.
pub fn busiest(starts: &[i64], width: i64) -> Option<(i64, i64)> {
    let mut best: Option<(usize, i64)> = None;
    let mut hi = 0;
    for (lo, &s) in starts.iter().enumerate() {
        hi = hi.max(lo);
        while hi < starts.len() && starts[hi] <= s + width {
            hi += 1;
        }
        let n = hi - lo;
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, s));
        }
    }
    best.map(|(_, s)| (s, s + width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_densest_window() {
        let starts = [0, 100, 1000, 1001, 1002, 1003, 5000];
        assert_eq!(busiest(&starts, 10), Some((1000, 1010)));
        assert_eq!(busiest(&starts, 10_000), Some((0, 10_000)));
        assert_eq!(busiest(&[], 10), None);
    }

    #[test]
    fn ties_go_to_the_earliest() {
        assert_eq!(busiest(&[0, 1, 50, 51], 5), Some((0, 5)));
    }
}
