//! Who spoke: the side a claim's speaker stands on (one of up to [`MAX_PARTIES`] parties, in
//! the dataset's party order, or the third parties: everyone without a party), and the set of
//! sides that made claims about an event. Filters, lanes, map marks and colours all speak in
//! these terms, so they live with the dataset types rather than with the index that computes
//! them. Every party is treated alike: nothing here knows a "left" or a "right".

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How many parties a dataset may have: each gets its own colour and marker shape, and there
/// are eight of each that colour-blind viewers can tell apart (Okabe–Ito).
pub const MAX_PARTIES: usize = 8;

/// Where a claim's speaker stands: a party, by its place in the dataset's party order, or the
/// third parties (actors with no party).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Side(u8);

impl Side {
    /// The dataset's first party (in a two-party dataset, the left column).
    pub const FIRST: Side = Side(0);
    /// The dataset's second party.
    pub const SECOND: Side = Side(1);
    /// Everyone without a party: foreign ministries, agencies, reporters.
    pub const THIRD: Side = Side(MAX_PARTIES as u8);
    /// How many sides there can be: every party and the third parties.
    pub const COUNT: usize = MAX_PARTIES + 1;

    /// The party at `i` in the dataset's order; the third parties past the last.
    pub fn party(i: usize) -> Side {
        if i < MAX_PARTIES {
            Side(i as u8)
        } else {
            Side::THIRD
        }
    }

    /// Which party it is, or none for the third parties.
    pub fn party_index(self) -> Option<usize> {
        (self != Side::THIRD).then_some(usize::from(self.0))
    }

    /// A dense index, 0 to [`Side::COUNT`], for per-side arrays.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Every side there can be, parties first.
    pub fn all() -> impl Iterator<Item = Side> {
        (0..Side::COUNT).map(|i| Side(i as u8))
    }

    fn bit(self) -> u16 {
        1 << self.0
    }
}

/// How a side is written in saved views and settings. The first two parties keep the names
/// files written before parties were counted used ("Left", "Right"), so those files still
/// open, and the same view is written as it always was.
#[derive(Serialize, Deserialize)]
enum SideRepr {
    Left,
    Right,
    Third,
    Party(u8),
}

impl Serialize for Side {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Side::FIRST => SideRepr::Left,
            Side::SECOND => SideRepr::Right,
            Side::THIRD => SideRepr::Third,
            Side(n) => SideRepr::Party(n),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Side, D::Error> {
        Ok(match SideRepr::deserialize(d)? {
            SideRepr::Left => Side::FIRST,
            SideRepr::Right => Side::SECOND,
            SideRepr::Third => Side::THIRD,
            SideRepr::Party(n) if usize::from(n) < MAX_PARTIES => Side(n),
            SideRepr::Party(n) => {
                return Err(serde::de::Error::custom(format!(
                    "party {n}: a dataset has at most {MAX_PARTIES} parties"
                )));
            }
        })
    }
}

/// The set of sides that made claims about an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Voices(u16);

impl Voices {
    pub const NONE: Voices = Voices(0);

    pub fn with(self, side: Side) -> Voices {
        Voices(self.0 | side.bit())
    }

    pub fn union(self, other: Voices) -> Voices {
        Voices(self.0 | other.0)
    }

    pub fn has(self, side: Side) -> bool {
        self.0 & side.bit() != 0
    }

    pub fn intersects(self, other: Voices) -> bool {
        self.0 & other.0 != 0
    }

    /// How many parties (not counting third parties) made claims about it.
    pub fn parties(self) -> u32 {
        (self.0 & !Side::THIRD.bit()).count_ones()
    }

    /// Two or more parties made claims about it: the accounts can be compared (or collide).
    pub fn is_contested(self) -> bool {
        self.parties() >= 2
    }

    /// The parties that spoke, in party order.
    pub fn party_sides(self) -> impl Iterator<Item = Side> {
        (0..MAX_PARTIES)
            .map(Side::party)
            .filter(move |&s| self.has(s))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_two_parties_make_an_event_contested_third_parties_do_not() {
        let v = Voices::NONE.with(Side::party(2)).with(Side::THIRD);
        assert!(!v.is_contested());
        assert!(v.with(Side::party(3)).is_contested());
        assert!(
            Voices::NONE
                .with(Side::FIRST)
                .with(Side::SECOND)
                .is_contested()
        );
        assert_eq!(
            v.with(Side::party(7)).party_sides().collect::<Vec<_>>(),
            [Side::party(2), Side::party(7)]
        );
    }

    #[test]
    fn sides_are_written_as_before_and_parties_past_two_by_number() {
        let text =
            ron::to_string(&[Side::FIRST, Side::SECOND, Side::THIRD, Side::party(5)]).unwrap();
        assert_eq!(text, "(Left,Right,Third,Party(5))");
        let back: Vec<Side> = ron::from_str("[Left, Right, Third, Party(5)]").unwrap();
        assert_eq!(
            back,
            [Side::FIRST, Side::SECOND, Side::THIRD, Side::party(5)]
        );
        assert!(ron::from_str::<Side>("Party(8)").is_err());
    }
}
