//! Parties, actors, places and sources that several files define: one item when every file
//! defines it alike (a gazetteer of places shared by two datasets, say), an error at both
//! definitions, saying what differs, when they do not.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::ctx::{Ctx, Kind};
use crate::load::locate::{Path, Seg};
use crate::load::{Shared, SourceText};
use crate::model::{Actor, DatasetFile, Party, Place, Source};

/// The longest value a "defined differently" message quotes whole.
const MAX_SHOWN_CHARS: usize = 60;

/// One id defined identically by two files: `first` (opened first) and `again`.
pub(super) struct Repeat<'a> {
    kind: Kind,
    id: &'a str,
    files: [usize; 2],
}

/// Registers the ids of one list of file `f` (its `parties`, say), comparing each that an
/// earlier file defines too with that definition.
pub(super) fn define_list<'a, T: Definition>(
    cx: &mut Ctx<'a>,
    repeats: &mut Vec<Repeat<'a>>,
    files: &'a [(&SourceText, DatasetFile)],
    (f, kind): (usize, Kind),
    list: fn(&'a DatasetFile) -> &'a [T],
    id_of: fn(&'a T) -> &'a str,
) {
    for (i, item) in list(&files[f].1).iter().enumerate() {
        let path = kind.id_path([i, 0]);
        let id = id_of(item);
        let Some((first_file, first_path)) = cx.define(kind, f, [i, 0], id) else {
            continue;
        };
        let first = index_in_list(&first_path).and_then(|j| list(&files[first_file].1).get(j));
        let Some(first) = first else { continue };
        if first == item {
            repeats.push(Repeat {
                kind,
                id,
                files: [first_file, f],
            });
        } else if let Some(why) = first.why_not_one(item) {
            let detail = differences(first, item) + &why;
            cx.defined_differently(kind, id, [(first_file, first_path), (f, path)], detail);
        }
    }
}

/// An item files may share, and whether two definitions of its id that differ are still one.
pub(super) trait Definition: PartialEq + Serialize {
    /// `None` when two differing definitions are one item all the same (the first kept);
    /// else what the error adds after naming the differences.
    fn why_not_one(&self, _other: &Self) -> Option<String> {
        Some(String::new())
    }
}

/// A party named only by its id (a claims sheet's) is the party another file defines fully.
impl Definition for Party {
    fn why_not_one(&self, other: &Self) -> Option<String> {
        (!self.is_named_by_id_only() && !other.is_named_by_id_only()).then(String::new)
    }
}
impl Definition for Actor {}
impl Definition for Source {}

/// A place of one name within a kilometre is one place (see `same_place`).
impl Definition for Place {
    fn why_not_one(&self, other: &Self) -> Option<String> {
        super::same_place::why_not_one(self, other)
    }
}

/// The item's place in its list, from the path of its id (`places[3].id`).
fn index_in_list(path: &Path) -> Option<usize> {
    path.segs().iter().find_map(|s| match s {
        Seg::Index(i) => Some(*i),
        _ => None,
    })
}

/// "lat 40.1 vs 40.2; district \"Upper\" vs none": each field whose values differ, with both.
fn differences<T: Serialize>(a: &T, b: &T) -> String {
    let fields = |x: &T| match serde_json::to_value(x) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let (a, b) = (fields(a), fields(b));
    let names: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let each: Vec<String> = names
        .into_iter()
        .filter(|n| a.get(*n) != b.get(*n))
        .map(|n| format!("{n} {} vs {}", shown(a.get(n)), shown(b.get(n))))
        .collect();
    if each.is_empty() {
        // Values that serialize alike but do not compare equal (a NaN coordinate).
        "their values do not compare equal".to_owned()
    } else {
        each.join("; ")
    }
}

/// A field's value as a curator writes it: text quoted, numbers bare, "none" when left out.
fn shown(value: Option<&serde_json::Value>) -> String {
    let text = match value {
        None | Some(serde_json::Value::Null) => return "none".to_owned(),
        Some(serde_json::Value::String(s)) => format!("{s:?}"),
        Some(other) => other.to_string(),
    };
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// The repeats grouped by pair of files, each pair in the canonical order (`rank` gives each
/// file's place in it) with the file whose definition is kept first.
pub(super) fn by_pair_of_files(
    files: &[(&SourceText, DatasetFile)],
    rank: &[usize],
    repeats: &[Repeat],
) -> Vec<Shared> {
    // Every file that defines each repeated id, to find the one kept (first in the order).
    let mut defined_in: HashMap<(Kind, &str), Vec<usize>> = HashMap::new();
    for r in repeats {
        let files = defined_in.entry((r.kind, r.id)).or_default();
        for f in r.files {
            if !files.contains(&f) {
                files.push(f);
            }
        }
    }
    let mut pairs: BTreeMap<(usize, usize), BTreeMap<Kind, Vec<String>>> = BTreeMap::new();
    let mut ids: Vec<(&(Kind, &str), &Vec<usize>)> = defined_in.iter().collect();
    ids.sort();
    for ((kind, id), in_files) in ids {
        let kept = *in_files
            .iter()
            .min_by_key(|&&f| rank[f])
            .expect("two files");
        for &other in in_files.iter().filter(|&&f| f != kept) {
            pairs
                .entry((rank[kept], rank[other]))
                .or_default()
                .entry(*kind)
                .or_default()
                .push((*id).to_owned());
        }
    }
    let file_at_rank = |r: usize| {
        let f = rank.iter().position(|&x| x == r).expect("a rank per file");
        files[f].0.name.clone()
    };
    pairs
        .into_iter()
        .map(|((kept, other), kinds)| Shared {
            files: [file_at_rank(kept), file_at_rank(other)],
            items: kinds.into_iter().map(|(k, ids)| (k.name(), ids)).collect(),
        })
        .collect()
}
