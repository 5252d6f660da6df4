//! Who spoke: the three sides a claim's speaker can stand on, and the set of sides that made
//! claims about an event. Filters, lanes, map marks and colours all speak in these terms, so
//! they live with the dataset types rather than with the index that computes them.

use serde::{Deserialize, Serialize};

/// Where a claim's speaker stands: the dataset's first party (left column), its second (right
/// column), or anyone else (the band below both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
    Third,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Left, Side::Right, Side::Third];

    fn bit(self) -> u8 {
        match self {
            Side::Left => 1,
            Side::Right => 2,
            Side::Third => 4,
        }
    }
}

/// The set of sides that made claims about an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Voices(u8);

impl Voices {
    pub const NONE: Voices = Voices(0);

    pub fn with(self, side: Side) -> Voices {
        Voices(self.0 | side.bit())
    }

    pub fn has(self, side: Side) -> bool {
        self.0 & side.bit() != 0
    }

    pub fn intersects(self, other: Voices) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sides made claims about it: the accounts can be compared (or collide).
    pub fn is_contested(self) -> bool {
        self.has(Side::Left) && self.has(Side::Right)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}
