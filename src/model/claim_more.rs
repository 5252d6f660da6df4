//! What most claims leave out: a joint statement's actors, the time a claim gives the event,
//! the original-language text, other events it is about, the places it names itself and the
//! curator's note. At a million events 3.5 million claims had carried room for all six, 56
//! bytes each; they now carry one pointer, to a block made only for a claim that gives any.

use super::list::ThinVec;
use super::more::Rare;
use super::{IdRef, OriginalText, When};

/// The fields of a claim that most claims leave out; read through
/// [`More`](super::More).
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

impl Rare for ClaimMore {
    fn none_given() -> &'static ClaimMore {
        &NONE_GIVEN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::More;

    #[test]
    fn a_claim_that_gives_none_holds_no_block_and_reads_as_empty() {
        let none = More::new(ClaimMore::default());
        assert!(!none.has_block());
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
        assert!(!noted.has_block());
    }
}
