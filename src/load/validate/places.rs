//! Places: their names, the district they name (against the bundled map), and their
//! coordinates (in range, both or neither, and inside the district they name).

use super::ctx::Ctx;
use crate::load::locate::Path;
use crate::load::suggest;
use crate::model::Place;

pub(super) fn check_place(cx: &mut Ctx, f: usize, pp: &Path, p: &Place) {
    cx.non_empty(f, || pp.field("name"), &p.name, "place name");
    cx.non_empty(f, || pp.field("country"), &p.country, "country");
    cx.non_empty_opt(f, || pp.field("district"), &p.district, "district");
    if let Some(district) = &p.district {
        district_on_the_map(cx, f, pp.field("district"), district, &p.country);
    }
    admin(cx, f, pp, p);
    for (field, text) in [
        ("note", &p.note),
        ("coords_source", &p.coords_source),
        ("boundary_note", &p.boundary_note),
    ] {
        if let Some(t) = text {
            cx.not_too_long(f, || pp.field(field), t, field);
        }
    }
    for (j, n) in p.other_names.iter().enumerate() {
        cx.non_empty(
            f,
            || pp.field("other_names").index(j).field("name"),
            &n.name,
            "other name",
        );
    }
    coordinates(cx, f, pp, p);
}

/// The place under other administrations: each entry names its scheme, once per place, and
/// its district is checked against the bundled map like the place's own `district`.
fn admin(cx: &mut Ctx, f: usize, pp: &Path, p: &Place) {
    if p.admin.is_empty() {
        return;
    }
    cx.format_2(f, pp.field("admin"), "admin");
    for (j, a) in p.admin.iter().enumerate() {
        let ap = || pp.field("admin").index(j);
        cx.non_empty(f, || ap().field("scheme"), &a.scheme, "scheme");
        cx.non_empty(f, || ap().field("country"), &a.country, "country");
        cx.non_empty_opt(f, || ap().field("district"), &a.district, "district");
        if !a.scheme.trim().is_empty() && p.admin[..j].iter().any(|b| b.scheme == a.scheme) {
            cx.error(
                f,
                ap().field("scheme"),
                format!(
                    "place \"{}\" gives scheme \"{}\" twice: give each scheme once",
                    p.id, a.scheme
                ),
            );
        }
        if let Some(district) = &a.district {
            district_on_the_map(cx, f, ap().field("district"), district, &a.country);
        }
    }
}

/// Latitude and longitude: both or neither, each in range, and then on the map.
fn coordinates(cx: &mut Ctx, f: usize, pp: &Path, p: &Place) {
    match (p.lat, p.lon) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            on_the_map(cx, f, pp, p, lat, lon);
        }
        (Some(lat), Some(lon)) => {
            if !(-90.0..=90.0).contains(&lat) {
                cx.error(
                    f,
                    pp.field("lat"),
                    format!("latitude {lat} is outside -90..90"),
                );
            }
            if !(-180.0..=180.0).contains(&lon) {
                cx.error(
                    f,
                    pp.field("lon"),
                    format!("longitude {lon} is outside -180..180"),
                );
            }
        }
        (Some(_), None) => cx.error(
            f,
            pp.field("lat"),
            "latitude without longitude: give both or neither",
        ),
        (None, Some(_)) => cx.error(
            f,
            pp.field("lon"),
            "longitude without latitude: give both or neither",
        ),
        // Sources often name a village and no more: information, not something to fix.
        (None, None) => cx.note(
            f,
            pp.field("id"),
            format!(
                "place \"{}\" has no coordinates: the map lists it beside the map instead of drawing it",
                p.id
            ),
        ),
    }
}

/// Warns when a place's point falls outside the province or district it names, on the
/// bundled Natural Earth boundaries. Those lines are coarse (about a kilometre), so this is
/// a warning a curator can acknowledge with the place's `boundary_note`, never an error.
fn on_the_map(cx: &mut Ctx, file: usize, pp: &Path, p: &Place, lat: f64, lon: f64) {
    let map = crate::geo::MapData::bundled();
    let (Some(district), None) = (&p.district, &p.boundary_note) else {
        return;
    };
    let Some(unit) = map.unit(district) else {
        return;
    };
    let point = crate::geo::LonLat { lon, lat };
    if unit.contains(point) {
        return;
    }
    let found = map
        .unit_at(point)
        .map_or("no province or district on the map".to_owned(), |a| {
            format!("{}, {}", a.name, a.country)
        });
    cx.warning(
        file,
        pp.field("lat"),
        format!(
            "place \"{}\" at {lat}, {lon} lies outside {district} as Natural Earth draws it (it falls in {found}): check the coordinates, or acknowledge with `boundary_note`",
            p.id
        ),
    );
}

/// Warns when a place in a country the map divides (Armenia, Azerbaijan) names a
/// `district` the map does not have by that name: the map and its district filter go by
/// the name, and a miss is most often a misspelling or another transliteration, so the
/// closest of the country's names is suggested.
fn district_on_the_map(cx: &mut Ctx, file: usize, at: Path, district: &str, country: &str) {
    let map = crate::geo::MapData::bundled();
    let Some(first) = map.units_of(country).next() else {
        return;
    };
    if district.trim().is_empty()
        || crate::geo::REGIONS.contains(&district)
        || map.units_of(country).any(|a| a.name == district)
    {
        return;
    }
    let kind = match first.kind {
        crate::geo::AreaKind::Province => "province",
        _ => "district",
    };
    let mut message =
        format!("district \"{district}\" is not a {kind} of {country} on the bundled map");
    let wanted = fold(district);
    let cost = wanted.chars().count() as u64
        * map
            .units_of(country)
            .flat_map(|a| std::iter::once(&a.name).chain(&a.other_name))
            .map(|n| n.len() as u64)
            .sum::<u64>();
    if wanted.chars().nth(suggest::MAX_CHARS).is_none() && cx.suggestion_budget.spend(cost) {
        // Edit distance only: Jaro-Winkler, good for ids, finds "Saatly" in "Atlantis".
        let best = map
            .units_of(country)
            .map(|a| {
                let names = std::iter::once(&a.name).chain(&a.other_name);
                let score = names
                    .map(|n| strsim::normalized_damerau_levenshtein(&wanted, &fold(n)))
                    .fold(0.0, f64::max);
                (score, a.name.as_str())
            })
            .filter(|(score, _)| *score >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        if let Some((_, name)) = best {
            message.push_str(&format!(" (did you mean \"{name}\"?)"));
        }
    }
    cx.warning(file, at, message);
}

/// A place name for comparing: lower case, with the letters of the map's Azerbaijani names
/// read as the plain letters an English spelling uses ("Şəki" → "seki"), and combining
/// accents dropped.
fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ə' => 'e',
            'ı' => 'i',
            'ş' => 's',
            'ç' => 'c',
            'ğ' => 'g',
            'ö' => 'o',
            'ü' => 'u',
            c => c,
        })
        .collect()
}
