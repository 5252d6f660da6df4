//! Where the values of an imported dataset stand in its input, so that Claimline's own checks
//! point at the row and column (or the sheet's cell) a curator has to fix.
//!
//! An importer that makes one item a row (an ACLED event, its source) would otherwise record a
//! dozen paths a row: at 100,000 rows that table cost more time to build than the rows did to
//! read. Such lists record each item's row once, and once for the whole file the column each
//! field below an item came from; a path is only spelled out when a problem is looked up.

use std::collections::HashMap;

use super::locate::{LineCol, Path, Seg};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Positions {
    /// Values recorded one by one, by their path as [`Path`] writes it (`events[3].title`).
    exact: HashMap<String, LineCol>,
    /// Top-level lists whose items each came from one row: the row of each item, by index.
    rows: HashMap<&'static str, Vec<usize>>,
    /// For those lists, the column each value below an item was read from, by the list and
    /// the path below the item (`claims[0].text`; the empty path is the item itself).
    columns: HashMap<(&'static str, String), usize>,
}

impl Positions {
    /// Records that the value at `path` came from `at` (row, column; both 1-based).
    pub fn record(&mut self, path: impl Into<String>, at: LineCol) {
        self.exact.insert(path.into(), at);
    }

    /// Records that item `index` of the top-level `list` came from the row on `line`.
    pub fn item_row(&mut self, list: &'static str, index: usize, line: usize) {
        let rows = self.rows.entry(list).or_default();
        if rows.len() <= index {
            rows.resize(index + 1, 0);
        }
        rows[index] = line;
    }

    /// Records that, for every item of `list`, the value at `below` the item (`""` for the
    /// item itself) was read from column `col` of the item's row.
    pub fn column(&mut self, list: &'static str, below: &str, col: usize) {
        self.columns.insert((list, below.to_owned()), col);
    }

    /// Where the value at `path` came from, or the nearest enclosing value with a position.
    pub fn find(&self, path: &Path) -> Option<LineCol> {
        let mut p = *path;
        loop {
            if let Some(at) = self.at(&p) {
                return Some(at);
            }
            p = p.parent()?;
        }
    }

    /// Where the value at exactly `path` came from.
    pub fn at(&self, path: &Path) -> Option<LineCol> {
        if !self.exact.is_empty()
            && let Some(at) = self.exact.get(&path.to_string())
        {
            return Some(*at);
        }
        let [Seg::Field(list), Seg::Index(i), below @ ..] = path.segs() else {
            return None;
        };
        let line = *self.rows.get(list)?.get(*i).filter(|l| **l > 0)?;
        let col = *self.columns.get(&(*list, below_text(below)))?;
        Some(LineCol { line, col })
    }

    /// The position recorded for the path written `path`, as [`Positions::at`] finds it.
    pub fn get(&self, path: &str) -> Option<LineCol> {
        if let Some(at) = self.exact.get(path) {
            return Some(*at);
        }
        let (list, rest) = path.split_once('[')?;
        let (index, below) = rest.split_once(']')?;
        let rows = self.rows.iter().find(|(l, _)| **l == list)?;
        let line = *rows
            .1
            .get(index.parse::<usize>().ok()?)
            .filter(|l| **l > 0)?;
        let below = below.strip_prefix('.').unwrap_or(below);
        let col = *self.columns.get(&(*rows.0, below.to_owned()))?;
        Some(LineCol { line, col })
    }
}

/// A path below a list's item, written as [`Path`] would write it from there.
fn below_text(segs: &[Seg]) -> String {
    let mut out = String::new();
    for seg in segs {
        match seg {
            Seg::Field(name) if out.is_empty() => out.push_str(name),
            Seg::Field(name) => {
                out.push('.');
                out.push_str(name);
            }
            Seg::Index(n) => out.push_str(&format!("[{n}]")),
            Seg::Root => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_row_and_a_field_column_place_every_value_below_the_item() {
        let mut p = Positions::default();
        p.column("events", "", 1);
        p.column("events", "claims[0].text", 28);
        p.item_row("events", 0, 2);
        p.item_row("events", 1, 5);
        let text = Path::root()
            .field("events")
            .index(1)
            .field("claims")
            .index(0)
            .field("text");
        assert_eq!(p.find(&text), Some(LineCol { line: 5, col: 28 }));
        assert_eq!(p.get("events[1].claims[0].text"), p.find(&text));
        // A value with no column of its own is found at its item's row.
        let title = Path::root().field("events").index(0).field("title");
        assert_eq!(p.find(&title), Some(LineCol { line: 2, col: 1 }));
        // An item no row was recorded for has no position.
        assert_eq!(p.find(&Path::root().field("events").index(7)), None);
    }

    #[test]
    fn a_value_recorded_exactly_comes_first() {
        let mut p = Positions::default();
        p.item_row("events", 0, 2);
        p.column("events", "", 1);
        p.record("events[0]", LineCol { line: 9, col: 3 });
        assert_eq!(
            p.find(&Path::root().field("events").index(0)),
            Some(LineCol { line: 9, col: 3 })
        );
    }
}
