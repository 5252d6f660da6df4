//! A reference by id to an actor, a source, a place or a party, as the model holds it: one
//! shared copy of each id however many items name it. A million events name a few dozen actors and
//! sources some eight million times; as `String`s those names took 24 bytes each and a heap
//! block of their own, as shared ids they take 8 and no block (the id's text is behind one
//! more pointer, `Arc<Box<str>>`, as a shared `Arc<str>` would take 16).
//!
//! Sharing happens while a file is read inside an [`Interning`] scope (the loaders open one on
//! each thread that parses); elsewhere an id is its own copy, as a `String` would be.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An id naming another item: reads as a `&str`, compares and hashes as its text.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdRef(Arc<Box<str>>);

impl IdRef {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id for `text`: the copy already read in this thread's [`Interning`] scope, if any.
    fn read(text: &str) -> IdRef {
        POOL.with(|pool| match pool.borrow_mut().as_mut() {
            Some(pool) => match pool.get(text) {
                Some(shared) => shared.clone(),
                None => {
                    let id = IdRef(Arc::new(text.into()));
                    pool.insert(id.clone());
                    id
                }
            },
            None => IdRef(Arc::new(text.into())),
        })
    }
}

thread_local! {
    /// The ids read so far in this thread's [`Interning`] scope; none outside one.
    static POOL: RefCell<Option<HashSet<IdRef>>> = const { RefCell::new(None) };
}

/// While it lives, ids read on this thread share one copy each. Scopes may nest: the
/// outermost ends the sharing, and what was read keeps its copies.
#[must_use = "ids are shared only while the scope lives"]
pub struct Interning {
    outermost: bool,
}

impl Interning {
    pub fn begin() -> Interning {
        POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            let outermost = pool.is_none();
            if outermost {
                *pool = Some(HashSet::new());
            }
            Interning { outermost }
        })
    }
}

impl Drop for Interning {
    fn drop(&mut self) {
        if self.outermost {
            POOL.with(|pool| *pool.borrow_mut() = None);
        }
    }
}

impl Default for IdRef {
    fn default() -> Self {
        IdRef(Arc::new("".into()))
    }
}

impl Deref for IdRef {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for IdRef {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for IdRef {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for IdRef {
    fn from(text: &str) -> Self {
        IdRef::read(text)
    }
}

impl From<String> for IdRef {
    fn from(text: String) -> Self {
        IdRef::read(&text)
    }
}

impl From<&String> for IdRef {
    fn from(text: &String) -> Self {
        IdRef::read(text)
    }
}

impl From<IdRef> for String {
    fn from(id: IdRef) -> Self {
        id.0.to_string()
    }
}

impl PartialEq<str> for IdRef {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for IdRef {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for IdRef {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<IdRef> for String {
    fn eq(&self, other: &IdRef) -> bool {
        **self == *other.as_str()
    }
}

impl PartialEq<IdRef> for &str {
    fn eq(&self, other: &IdRef) -> bool {
        **self == *other.as_str()
    }
}

impl fmt::Debug for IdRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for IdRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl serde::Serialize for IdRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for IdRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = IdRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<IdRef, E> {
                Ok(IdRef::read(text))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(ron: &str) -> Vec<IdRef> {
        ron::from_str(ron).expect("a list of ids")
    }

    #[test]
    fn ids_read_in_a_scope_share_one_copy_and_outside_it_do_not() {
        let scope = Interning::begin();
        let inner = Interning::begin();
        let ids = read(r#"["p0-a1", "src-2", "p0-a1"]"#);
        drop(inner);
        // The outer scope still shares with what the inner one read.
        let later = read(r#"["p0-a1"]"#);
        assert!(Arc::ptr_eq(&ids[0].0, &ids[2].0) && Arc::ptr_eq(&ids[0].0, &later[0].0));
        assert!(!Arc::ptr_eq(&ids[0].0, &ids[1].0));
        drop(scope);
        let apart = read(r#"["p0-a1", "p0-a1"]"#);
        assert!(!Arc::ptr_eq(&apart[0].0, &apart[1].0));
        // Shared or not, an id is its text.
        assert_eq!(ids[0], apart[1]);
        assert_eq!(ids[0], "p0-a1");
        assert_eq!(
            ron::to_string(&ids).expect("written"),
            r#"["p0-a1","src-2","p0-a1"]"#
        );
    }
}
