//! What most claims leave out: a joint statement's actors, the time a claim gives the event,
//! the original-language text, other events it is about, the places it names itself and the
//! curator's note. At a million events 3.5 million claims had carried room for all six, 48
//! bytes each; they now carry one pointer, to a block made only for a claim that gives any.

use std::ops::Deref;

use super::list::ThinVec;
use super::{IdRef, OriginalText, When};

/// The fields of a claim that most claims leave out; read through [`More`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimMore {
    /// Format 2: a joint statement's actors, each named on its one card and counted by the
    /// filters for each; given instead of `actor`. Read both through
    /// [`Claim::actor_ids`](super::Claim::actor_ids).
    pub actors: ThinVec<IdRef>,
    /// Format 2: when the claim says the event happened, where the parties disagree on it
    /// (one says fire began at 06:00, the other at 07:10): the timeline marks each on the
    /// event's bar and the claim panels set them side by side.
    pub claims_time: Option<When>,
    pub original: Option<OriginalText>,
    /// Format 2: other events this claim is also about (ids). It is shown with each of them
    /// and counted by their filters, but written once, under the event it sits in.
    pub also_about: ThinVec<String>,
    /// Format 2: places the claim itself names (place ids), when it speaks of some places
    /// inside a wider event: three villages of a day's shelling.
    pub places: ThinVec<IdRef>,
    /// The curator's note: context, conflicting renderings, caveats.
    pub note: Option<Box<str>>,
}

/// What every claim that gives none of them reads.
static NONE_GIVEN: ClaimMore = ClaimMore {
    actors: ThinVec::new(),
    claims_time: None,
    original: None,
    also_about: ThinVec::new(),
    places: ThinVec::new(),
    note: None,
};

impl ClaimMore {
    fn is_empty(&self) -> bool {
        self == &NONE_GIVEN
    }
}

/// A claim's [`ClaimMore`]: no block when it gives none of them. It reads as a `ClaimMore`
/// either way, and two are equal when they read the same.
#[derive(Clone, Default)]
pub struct More(Option<Box<ClaimMore>>);

impl More {
    /// Holds `more`, without a block when it gives nothing.
    pub fn new(more: ClaimMore) -> More {
        More((!more.is_empty()).then(|| Box::new(more)))
    }

    /// To change: the block, made if there was none. Call [`tidy`](Self::tidy) after
    /// emptying it.
    pub fn edit(&mut self) -> &mut ClaimMore {
        self.0.get_or_insert_default()
    }

    /// Drops a block left with nothing in it.
    pub fn tidy(&mut self) {
        if self.0.as_deref().is_some_and(ClaimMore::is_empty) {
            self.0 = None;
        }
    }
}

impl Deref for More {
    type Target = ClaimMore;

    fn deref(&self) -> &ClaimMore {
        self.0.as_deref().unwrap_or(&NONE_GIVEN)
    }
}

impl PartialEq for More {
    fn eq(&self, other: &More) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for More {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_that_gives_none_holds_no_block_and_reads_as_empty() {
        let none = More::new(ClaimMore::default());
        assert!(none.0.is_none());
        assert!(none.note.is_none() && none.also_about.is_empty());
        let mut noted = More::new(ClaimMore {
            note: Some("a caveat".into()),
            ..ClaimMore::default()
        });
        assert_eq!(noted.note.as_deref(), Some("a caveat"));
        assert_ne!(noted, none);
        // Emptied and tidied, it is a claim that gives none again, block and all.
        noted.edit().note = None;
        assert_eq!(noted, none, "equal as read, before tidying");
        noted.tidy();
        assert!(noted.0.is_none());
    }
}
