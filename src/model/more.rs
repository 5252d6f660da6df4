//! Fields most values leave out, kept in one block made only for a value that gives any: a
//! claim's joint actors, notes and other rare fields ([`ClaimMore`](super::ClaimMore)), a
//! figure's range, unit and counter ([`FigureMore`](super::FigureMore)). Millions of claims
//! and figures carry one pointer for them instead of room for each.

use std::ops::Deref;

/// A set of rare fields: all absent by default, and one shared value that reads so.
pub trait Rare: Default + PartialEq + 'static {
    /// The value with none of the fields given, read by every value without a block.
    fn none_given() -> &'static Self;
}

/// Rare fields `T`: no block when none is given. It reads as a `T` either way, and two are
/// equal when they read the same.
#[derive(Clone, Default)]
pub struct More<T: Rare>(Option<Box<T>>);

impl<T: Rare> More<T> {
    /// Holds `more`, without a block when it gives nothing.
    pub fn new(more: T) -> More<T> {
        More((more != *T::none_given()).then(|| Box::new(more)))
    }

    /// To change: the block, made if there was none. Call [`tidy`](Self::tidy) after
    /// emptying it.
    pub fn edit(&mut self) -> &mut T {
        self.0.get_or_insert_default()
    }

    /// Drops a block left with nothing in it.
    pub fn tidy(&mut self) {
        if self.0.as_deref().is_some_and(|m| m == T::none_given()) {
            self.0 = None;
        }
    }

    /// Whether a block is held: what the tests of what is kept where read.
    #[cfg(test)]
    pub(crate) fn has_block(&self) -> bool {
        self.0.is_some()
    }
}

impl<T: Rare> Deref for More<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0.as_deref().unwrap_or(T::none_given())
    }
}

impl<T: Rare> PartialEq for More<T> {
    fn eq(&self, other: &More<T>) -> bool {
        **self == **other
    }
}

impl<T: Rare + std::fmt::Debug> std::fmt::Debug for More<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}
