//! How far indexing is, told to whoever waits for it (the loading bar) by the threads that
//! index: often enough for a bar that moves every second at millions of events.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Hears the share of indexing done, 0 to 1, from any of the indexing threads; returns false
/// to stop (the user cancelled).
pub type Observer<'a> = &'a (dyn Fn(f32) -> bool + Sync);

/// How many events a loop goes through between two reports: a few milliseconds' work.
const EVERY: usize = 4096;

/// Steps done out of all there are, shared by the threads that index.
pub struct Tally<'a> {
    done: AtomicUsize,
    of: usize,
    observe: Observer<'a>,
    stopped: AtomicBool,
}

impl<'a> Tally<'a> {
    pub fn new(of: usize, observe: Observer<'a>) -> Tally<'a> {
        Tally {
            done: AtomicUsize::new(0),
            of: of.max(1),
            observe,
            stopped: AtomicBool::new(false),
        }
    }

    /// Counts `steps` more and tells the observer; false once it has said to stop.
    pub fn add(&self, steps: usize) -> bool {
        if self.stopped() {
            return false;
        }
        let done = self.done.fetch_add(steps, Ordering::Relaxed) + steps;
        if !(self.observe)((done as f32 / self.of as f32).min(1.0)) {
            self.stopped.store(true, Ordering::Relaxed);
            return false;
        }
        true
    }

    /// Called with each item's position in a loop: reports every few thousand items, and
    /// says whether to go on.
    pub fn tick(&self, i: usize) -> bool {
        if (i + 1).is_multiple_of(EVERY) {
            self.add(EVERY)
        } else {
            !self.stopped()
        }
    }

    /// The steps that [`Tally::tick`] counted over a loop of `items` items.
    pub fn ticked(items: usize) -> usize {
        items / EVERY * EVERY
    }

    /// After a loop of `items` items that ticked each: counts the steps its ticks left out.
    pub fn rest(&self, items: usize) -> bool {
        self.add(items - Tally::ticked(items))
    }

    pub fn stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_tally_reports_every_few_thousand_steps_and_stops_when_told() {
        let heard = Mutex::new(Vec::new());
        let observe = |share: f32| {
            heard.lock().unwrap().push(share);
            share < 0.5
        };
        let tally = Tally::new(4 * EVERY, &observe);
        assert!((0..EVERY - 1).all(|i| tally.tick(i)));
        assert!(heard.lock().unwrap().is_empty());
        assert!(tally.tick(EVERY - 1));
        assert_eq!(*heard.lock().unwrap(), [0.25]);
        // The second report reaches a half: the observer says stop, and every later step hears so.
        assert!(!tally.add(EVERY));
        assert!(!tally.tick(0));
        assert!(!tally.add(EVERY));
        assert_eq!(*heard.lock().unwrap(), [0.25, 0.5]);
    }
}
