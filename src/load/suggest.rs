//! "Did you mean": the defined id nearest to an unknown one, at a cost bounded for the whole
//! check. Comparing two strings costs the product of their lengths, so comparing every unknown
//! id with every defined one would make a file full of unknown (or very long) ids take time
//! quadratic in its size; three bounds keep the check linear instead.

use std::collections::HashMap;

/// Ids longer than this get no suggestion: a typo is made in something typed, and comparing
/// long strings costs the product of their lengths.
pub const MAX_CHARS: usize = 64;

/// Only defined ids at most this many characters longer or shorter than the unknown one are
/// compared: a closer match needs more than three insertions or deletions, which the
/// thresholds below would hardly accept anyway.
const LENGTH_SLACK: usize = 3;

/// How much all suggestions of one check may cost, in pairs of characters compared: about
/// eighty searches through the bundled file's 562 ids of 14 characters, two through the
/// 35,000 claim ids of a generated 10,000-event file; about a second in a test build, a tenth
/// in a release build. Beyond it, unknown ids are reported without a suggestion.
pub const WORK: u64 = 5_000_000;

/// What is left of [`WORK`].
pub struct Budget(u64);

impl Default for Budget {
    fn default() -> Self {
        Budget(WORK)
    }
}

impl Budget {
    /// Takes `cost` if that much is left. A search that does not fit is not started, so a
    /// suggestion never depends on where a search happened to stop.
    pub fn spend(&mut self, cost: u64) -> bool {
        match self.0.checked_sub(cost) {
            Some(left) => {
                self.0 = left;
                true
            }
            None => false,
        }
    }
}

/// The defined ids of one kind, lower-cased and grouped by length in characters.
pub struct Known<'a> {
    by_length: HashMap<usize, Vec<(String, &'a str)>>,
}

impl<'a> Known<'a> {
    pub fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut by_length: HashMap<usize, Vec<(String, &'a str)>> = HashMap::new();
        for id in ids {
            // Only the first MAX_CHARS + LENGTH_SLACK + 1 characters decide whether an id can
            // be a candidate at all.
            if id.chars().nth(MAX_CHARS + LENGTH_SLACK).is_some() {
                continue;
            }
            let lower = id.to_lowercase();
            by_length
                .entry(lower.chars().count())
                .or_default()
                .push((lower, id));
        }
        Known { by_length }
    }

    /// The known id closest to `id`, if it is close enough to be what the curator meant and
    /// the search fits in `budget`.
    pub fn nearest(&self, id: &str, budget: &mut Budget) -> Option<&'a str> {
        if id.chars().nth(MAX_CHARS).is_some() {
            return None;
        }
        let lower = id.to_lowercase();
        let n = lower.chars().count();
        let buckets: Vec<_> = (n.saturating_sub(LENGTH_SLACK)..=n + LENGTH_SLACK)
            .filter_map(|len| Some((len, self.by_length.get(&len)?)))
            .collect();
        let cost = buckets
            .iter()
            .map(|(len, ids)| (n * len * ids.len()) as u64)
            .sum();
        if !budget.spend(cost) {
            return None;
        }
        buckets
            .iter()
            .flat_map(|(_, ids)| ids.iter())
            .map(|(kl, k)| (score(&lower, kl), *k))
            .filter(|(score, _)| *score >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, k)| k)
    }
}

/// How alike two lower-cased ids are, from 0 to 1.
fn score(a: &str, b: &str) -> f64 {
    let edits = strsim::damerau_levenshtein(a, b);
    let longest = a.chars().count().max(b.chars().count()).max(1);
    let score = (1.0 - edits as f64 / longest as f64).max(strsim::jaro_winkler(a, b) - 0.1);
    // One slip in a short id ("c9" for "c1") is as likely a typo as a close long one.
    if edits <= 1 { score.max(0.6) } else { score }
}
