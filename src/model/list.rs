//! The short lists a claim mostly leaves empty (a joint statement's actors, figures, disputes,
//! other events, places named): a `ThinVec` is one pointer, empty without a heap block,
//! where a boxed slice is two; at a million events, 3.5 million claims carry five of them.

use serde::{Deserialize, Deserializer};
pub use thin_vec::ThinVec;

/// Reads a list and gives back the room its growth left over: a list read from a file
/// keeps no spare capacity.
pub fn read_shrunk<'de, D, T>(from: D) -> Result<ThinVec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = ThinVec::deserialize(from)?;
    list.shrink_to_fit();
    Ok(list)
}
