//! Places that two files each define, under their own ids or the same id with other fields,
//! and that are one place: the same name (or one's name among the other's other names) and
//! points at most [`SAME_PLACE_KM`] apart. An imported export names its places by its own
//! ids; a curated file may know the same village under another id, with a note of its own
//! and coordinates a few hundred metres off. The dataset keeps the definition of the file
//! first in the canonical order, every reference to the other points to it, and `check`
//! says so at the other definition, naming both.

use std::collections::HashMap;

use super::ctx::Ctx;
use crate::geo::{SAME_PLACE_KM, distance_km, pairs_within_km};
use crate::load::SourceText;
use crate::load::locate::Path;
use crate::model::{DatasetFile, Place};

/// Why two definitions of one place id are not one place, for the end of the error that
/// names what differs; `None` when they are (the same name, at most a kilometre apart).
pub(super) fn why_not_one(a: &Place, b: &Place) -> Option<String> {
    let (Some(pa), Some(pb)) = (a.point(), b.point()) else {
        return Some(
            "; places are taken as one despite differences only with coordinates in both"
                .to_owned(),
        );
    };
    let km = distance_km(pa, pb);
    if !a.shares_name_with(b) {
        Some("; not taken as one place: the names differ".to_owned())
    } else if km > SAME_PLACE_KM {
        Some(format!(
            "; not taken as one place: {km:.1} km apart, more than {SAME_PLACE_KM} km"
        ))
    } else {
        None
    }
}

/// One place definition in the order places are matched: files in the canonical order,
/// each file's places as written.
struct Definition<'a> {
    file: usize,
    index: usize,
    place: &'a Place,
}

/// Finds the places of later files (in the canonical order, `rank`) that are one with a
/// place of an earlier file, warns at each, and returns the ids to read as another: each
/// joined place's id → the id of the place the dataset keeps. A place with the same id as
/// the one it joins keeps its id and is not in the map.
pub(super) fn join_places(
    cx: &mut Ctx,
    files: &[(&SourceText, DatasetFile)],
    rank: &[usize],
) -> HashMap<String, String> {
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&f| rank[f]);
    let mut defs: Vec<Definition> = Vec::new();
    for &f in &order {
        for (index, place) in files[f].1.places.iter().enumerate() {
            defs.push(Definition {
                file: f,
                index,
                place,
            });
        }
    }
    // Only places with a point can be near one another.
    let located: Vec<usize> = (0..defs.len())
        .filter(|&d| defs[d].place.point().is_some())
        .collect();
    let points: Vec<_> = located
        .iter()
        .filter_map(|&d| defs[d].place.point())
        .collect();
    let mut near: HashMap<usize, Vec<(usize, f64)>> = HashMap::new();
    for (i, j, km) in pairs_within_km(&points, SAME_PLACE_KM) {
        let (a, b) = (located[i], located[j]);
        near.entry(a).or_default().push((b, km));
        near.entry(b).or_default().push((a, km));
    }

    let mut aliases = HashMap::new();
    // The first definition of each id, and whether the dataset keeps it as a place of its own.
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut kept = vec![false; defs.len()];
    for d in 0..defs.len() {
        let def = &defs[d];
        if let Some(&first) = first_of.get(def.place.id.as_str()) {
            // Defined before: alike (one item), twice in one file (a duplicate), differing
            // (an error already, unless they are one place).
            let earlier = &defs[first];
            if earlier.file != def.file
                && earlier.place != def.place
                && why_not_one(earlier.place, def.place).is_none()
            {
                let km = distance_of(earlier.place, def.place);
                report(cx, files, (earlier, def), km);
            }
            continue;
        }
        first_of.insert(&def.place.id, d);
        let same = near.get(&d).into_iter().flatten().filter(|&&(k, _)| {
            kept[k]
                && rank[defs[k].file] < rank[def.file]
                && defs[k].place.shares_name_with(def.place)
        });
        // The nearest; of two as near, the first in the canonical order.
        match same.min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0))) {
            Some(&(k, km)) => {
                aliases.insert(def.place.id.clone(), defs[k].place.id.clone());
                report(cx, files, (&defs[k], def), km);
            }
            None => kept[d] = true,
        }
    }
    aliases
}

fn distance_of(a: &Place, b: &Place) -> f64 {
    match (a.point(), b.point()) {
        (Some(pa), Some(pb)) => distance_km(pa, pb),
        _ => 0.0,
    }
}

/// Warns at the joined place: which place it is taken as, how far apart, and what of its own
/// definition gives way.
fn report(
    cx: &mut Ctx,
    files: &[(&SourceText, DatasetFile)],
    (kept, joined): (&Definition, &Definition),
    km: f64,
) {
    let (kept_file, joined_file) = (&files[kept.file].0.name, &files[joined.file].0.name);
    let path = |d: &Definition| Path::root().field("places").index(d.index).field("id");
    let (k, j) = (kept.place, joined.place);
    let mut rest =
        format!(": same name, {km:.1} km apart; the dataset keeps {kept_file}'s definition");
    if k.district != j.district || k.admin != j.admin || k.country != j.country {
        let shown = |p: &Place| match &p.district {
            Some(d) => format!("\"{d}\", {}", p.country),
            None => p.country.clone(),
        };
        rest.push_str(&format!(
            ", whose district and administrations stand ({} there, {} here)",
            shown(k),
            shown(j)
        ));
    }
    cx.taken_as(
        joined.file,
        path(joined),
        format!(
            "{joined_file}'s place \"{}\" is taken as {kept_file}'s \"{}\"",
            j.id, k.id
        ),
        (kept.file, path(kept)),
        rest,
    );
}
