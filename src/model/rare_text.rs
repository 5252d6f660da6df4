//! A text that most values leave out, one pointer wide: `Option<RareText>` is 8 bytes where
//! `Option<Box<str>>` is 16. A citation's place in its source is one: five million
//! citations at a million events give almost none, and each carried the room for one.

use std::fmt;
use std::ops::Deref;

/// A text kept behind one pointer (its own block holds the text's pointer and length).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RareText(Box<Box<str>>);

impl Deref for RareText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RareText {
    fn as_ref(&self) -> &str {
        self
    }
}

impl From<&str> for RareText {
    fn from(text: &str) -> RareText {
        RareText(Box::new(text.into()))
    }
}

impl From<String> for RareText {
    fn from(text: String) -> RareText {
        RareText(Box::new(text.into_boxed_str()))
    }
}

impl fmt::Debug for RareText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for RareText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl serde::Serialize for RareText {
    fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for RareText {
    fn deserialize<D: serde::Deserializer<'de>>(from: D) -> Result<RareText, D::Error> {
        String::deserialize(from).map(RareText::from)
    }
}
