//! A figure in words, the same on a claim card and in a CSV cell: "105 Armenian servicemen
//! killed", "at least 3 Armenian civilians wounded", "up to 100 Armenian bodies handed over".

use crate::model::{Bound, Dataset, Figure, Measure, People};
use crate::query::Index;

/// "105 Armenian soldiers killed", "at least 3 Armenian civilians wounded".
pub fn figure_text(ds: &Dataset, index: &Index, f: &Figure) -> String {
    let bound = match f.bound {
        Bound::Exact => "",
        Bound::AtLeast => "at least ",
        Bound::MoreThan => "more than ",
        Bound::About => "about ",
        Bound::UpTo => "up to ",
        Bound::Nearly => "nearly ",
    };
    let whose = f
        .whose
        .as_deref()
        .and_then(|id| ds.parties.iter().find(|p| p.id == id))
        .map(|p| format!("{} ", p.adjective.as_deref().unwrap_or(&p.name)))
        .unwrap_or_default();
    let people = match (f.people, f.count == 1) {
        (People::Military, true) => "serviceman",
        (People::Military, false) => "servicemen",
        (People::Civilian, true) => "civilian",
        (People::Civilian, false) => "civilians",
        (People::Unspecified, true) => "person",
        (People::Unspecified, false) => "people",
    };
    let measure = match f.measure {
        Measure::Killed => "killed",
        Measure::Wounded => "wounded",
        Measure::Missing => "missing",
        Measure::DeadOrMissing => "dead or missing",
        Measure::Captured => "captured",
        Measure::Displaced => "displaced",
        Measure::BodiesHandedOver => "bodies handed over",
        Measure::Released => "released",
    };
    let counted = f
        .counted_by
        .as_deref()
        .and_then(|id| index.actor_index(id))
        .map(|a| format!(" (counted by {})", ds.actors[a].name))
        .unwrap_or_default();
    if f.measure == Measure::BodiesHandedOver {
        format!("{bound}{} {whose}{measure}{counted}", f.count)
    } else {
        format!("{bound}{} {whose}{people} {measure}{counted}", f.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;
    use crate::query::Catalog;

    #[test]
    fn figures_read_as_stated() {
        let cat = Catalog::new(load_bundled().dataset.unwrap());
        let f = Figure {
            measure: Measure::Killed,
            count: 105,
            bound: Bound::AtLeast,
            whose: Some("armenia".into()),
            people: People::Military,
            counted_by: None,
        };
        assert_eq!(
            figure_text(&cat.dataset, &cat.index, &f),
            "at least 105 Armenian servicemen killed"
        );
        let one = Figure {
            count: 1,
            people: People::Civilian,
            bound: Bound::Exact,
            ..f
        };
        assert_eq!(
            figure_text(&cat.dataset, &cat.index, &one),
            "1 Armenian civilian killed"
        );
    }
}
