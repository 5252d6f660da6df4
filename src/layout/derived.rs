//! What the panels draw: the query result, the lanes and the casualty series,
//! derived from the catalog and the filter in one place whenever either changes.

use crate::layout::casualties::{TollKind, TollSeries, TollTable};
use crate::layout::lanes::{Lane, LaneMode, lanes};
use crate::query::{Catalog, FilterState, Query, QueryOptions};

/// What the panels draw, derived from the catalog and the settings.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub query: Query,
    pub lanes: Vec<Lane>,
    pub tolls: Vec<TollSeries>,
    /// The kinds of figure the casualty strip can show, each with how many figures.
    pub toll_kinds: Vec<(TollKind, usize)>,
    /// Bumped whenever these are derived again, so panels can cache what they build on them.
    pub generation: u64,
}

impl Derived {
    /// Runs the filter and lays out what it keeps; `generation` tells caches it is new.
    pub fn new(
        cat: &Catalog,
        filter: &FilterState,
        options: QueryOptions,
        mode: LaneMode,
        table: &TollTable,
        toll_kind: TollKind,
        generation: u64,
    ) -> Derived {
        let query = Query::run_with(&cat.index, filter, options);
        let events = &query.events;
        // The lanes on one core, the casualty series on the other: at a million events the
        // series take a good part of a filter change.
        let (lanes, tolls) = std::thread::scope(|s| {
            let other = s.spawn(|| table.series(events, toll_kind));
            let lanes = lanes(&cat.dataset, &cat.index, mode, events);
            (lanes, other.join().expect("deriving does not panic"))
        });
        Derived {
            generation,
            lanes,
            tolls,
            toll_kinds: table.kinds().to_vec(),
            query,
        }
    }
}
