//! Places per party: those in the party's country (a place whose `country`, or one of whose
//! `admin` entries, is the party's name), and how many of them have coordinates. A map that
//! shows one party's places and not another's tells a story of its own.

use crate::model::{Dataset, Party};

/// A party's places, by id, split by whether they have coordinates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub with_coordinates: Vec<String>,
    pub without: Vec<String>,
}

impl Coverage {
    pub fn total(&self) -> usize {
        self.with_coordinates.len() + self.without.len()
    }

    /// The share with coordinates, in per cent; `None` for a party with no places.
    pub fn percent(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| self.with_coordinates.len() as f64 * 100.0 / total as f64)
    }
}

/// The places of `party`, in the dataset's place order. Names are compared trimmed and
/// without regard to letter case.
pub fn coverage(ds: &Dataset, party: &Party) -> Coverage {
    let same = |a: &str| a.trim().to_lowercase() == party.name.trim().to_lowercase();
    let mut out = Coverage::default();
    for place in &ds.places {
        if !(same(&place.country) || place.admin.iter().any(|a| same(&a.country))) {
            continue;
        }
        // Both coordinates, in range: what the map can draw.
        match place.point() {
            Some(_) => out.with_coordinates.push(place.id.clone()),
            None => out.without.push(place.id.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::tests::catalog;

    #[test]
    fn places_are_a_partys_by_country_or_administration() {
        let cat = catalog();
        let ds = &cat.dataset;
        let north = coverage(ds, &ds.parties[0]);
        assert_eq!(north.with_coordinates, ["n-a", "n-b"]);
        assert!(north.without.is_empty());
        assert_eq!(north.percent(), Some(100.0));
        // "x" is in Westmark by default, in Southland under the de facto administration.
        let south = coverage(ds, &ds.parties[1]);
        assert_eq!(south.with_coordinates, ["s-a"]);
        assert_eq!(south.without, ["s-b", "x"]);
        assert_eq!(south.total(), 3);
        assert_eq!(Coverage::default().percent(), None);
    }
}
