//! Whether a value a dataset file may leave out (an absent option, an empty list) is left out
//! when it is written. A RON file leaves them out, so that it says only what its curator
//! wrote; the load cache's binary snapshot (`load::cache`) writes every one, because its
//! format has no field names to tell which were left out, and reading it back would misalign.

use std::cell::Cell;

thread_local! {
    /// Set on the thread writing a snapshot, for as long as it writes.
    static EVERY_FIELD: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` with every field written, none left out, on this thread.
pub fn every_field<R>(write: impl FnOnce() -> R) -> R {
    /// Puts the setting back even if `write` panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            EVERY_FIELD.set(self.0);
        }
    }
    let _restore = Restore(EVERY_FIELD.replace(true));
    write()
}

fn leave_out(absent: bool) -> bool {
    absent && !EVERY_FIELD.get()
}

pub fn none<T>(v: &Option<T>) -> bool {
    leave_out(v.is_none())
}

pub fn empty<T>(v: &[T]) -> bool {
    leave_out(v.is_empty())
}

pub fn empty_str(v: &str) -> bool {
    leave_out(v.is_empty())
}
