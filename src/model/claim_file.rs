//! A claim as a file writes it: every field at the top level of the claim, as format 2
//! defines them, while [`Claim`] keeps the ones most claims leave out in one block
//! ([`ClaimMore`]). Reading goes through [`ClaimInFile`], writing through [`ClaimToFile`], so
//! files, exports and the cache's snapshots keep their shape.

use serde::{Deserialize, Serialize};

use super::list::{self, ThinVec};
use super::{
    Citation, Claim, ClaimKind, ClaimMore, Figure, IdRef, More, OriginalText, Prose, When, omit,
};

/// A claim as read from a file. Named `Claim`, so that messages about its fields name it so.
#[derive(Deserialize)]
#[serde(rename = "Claim", deny_unknown_fields)]
pub(super) struct ClaimInFile {
    id: Box<str>,
    #[serde(default)]
    actor: IdRef,
    #[serde(default, deserialize_with = "list::read_shrunk")]
    actors: ThinVec<IdRef>,
    said: When,
    #[serde(default)]
    claims_time: Option<When>,
    kind: ClaimKind,
    text: Prose,
    #[serde(default)]
    quote: bool,
    #[serde(default)]
    original: Option<OriginalText>,
    #[serde(default, deserialize_with = "list::read_shrunk")]
    figures: ThinVec<Figure>,
    sources: Box<[Citation]>,
    #[serde(default, deserialize_with = "list::read_shrunk")]
    disputes: ThinVec<String>,
    #[serde(default, deserialize_with = "list::read_shrunk")]
    also_about: ThinVec<String>,
    #[serde(default, deserialize_with = "list::read_shrunk")]
    places: ThinVec<IdRef>,
    #[serde(default)]
    note: Option<Box<str>>,
}

impl From<ClaimInFile> for Claim {
    fn from(c: ClaimInFile) -> Claim {
        Claim {
            id: c.id,
            actor: c.actor,
            said: c.said,
            kind: c.kind,
            text: c.text,
            quote: c.quote,
            figures: c.figures,
            sources: c.sources,
            disputes: c.disputes,
            more: More::new(ClaimMore {
                actors: c.actors,
                claims_time: c.claims_time,
                original: c.original,
                also_about: c.also_about,
                places: c.places,
                note: c.note,
            }),
        }
    }
}

/// A claim as written: the fields in the order of [`ClaimInFile`], those left out that a
/// file leaves out (see [`omit`]).
#[derive(Serialize)]
#[serde(rename = "Claim")]
struct ClaimToFile<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "omit::empty_str")]
    actor: &'a str,
    #[serde(skip_serializing_if = "omit::empty")]
    actors: &'a [IdRef],
    said: &'a When,
    #[serde(skip_serializing_if = "omit::none")]
    claims_time: Option<&'a When>,
    kind: ClaimKind,
    text: &'a Prose,
    quote: bool,
    #[serde(skip_serializing_if = "omit::none")]
    original: Option<&'a OriginalText>,
    #[serde(skip_serializing_if = "omit::empty")]
    figures: &'a [Figure],
    sources: &'a [Citation],
    #[serde(skip_serializing_if = "omit::empty")]
    disputes: &'a [String],
    #[serde(skip_serializing_if = "omit::empty")]
    also_about: &'a [String],
    #[serde(skip_serializing_if = "omit::empty")]
    places: &'a [IdRef],
    #[serde(skip_serializing_if = "omit::none")]
    note: Option<&'a str>,
}

impl Serialize for Claim {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        let more = &*self.more;
        ClaimToFile {
            id: &self.id,
            actor: &self.actor,
            actors: &more.actors,
            said: &self.said,
            claims_time: more.claims_time.as_ref(),
            kind: self.kind,
            text: &self.text,
            quote: self.quote,
            original: more.original.as_ref(),
            figures: &self.figures,
            sources: &self.sources,
            disputes: &self.disputes,
            also_about: &more.also_about,
            places: &more.places,
            note: more.note.as_deref(),
        }
        .serialize(to)
    }
}
