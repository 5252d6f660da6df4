//! Presenter mode's type size, fitted to each step: a step opens in the largest type, and
//! shrinks a notch a frame until the first claim of each column fits on screen, never below
//! a floor that a class can still read from the back of the room. The user's own zoom keys
//! (Ctrl +/-) win: the size they chose becomes the largest and is kept as it is.

/// How much smaller each try is.
const NOTCH: f32 = 0.92;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeFit {
    largest: f32,
    floor: f32,
    /// The zoom the step is drawn at now, or is to be drawn at next.
    current: f32,
    /// The step has just changed: the frame before was drawn for the step before.
    restarted: bool,
    /// The user chose this step's size with the zoom keys: it is not fitted further.
    chosen: bool,
    /// The floor was reached and the first claims were still cut: the step is short of
    /// room, until the next (kept, or giving the claims more room would take it back).
    short: bool,
}

impl TypeFit {
    pub fn new(largest: f32, floor: f32) -> TypeFit {
        TypeFit {
            largest,
            floor: floor.min(largest),
            current: largest,
            restarted: true,
            chosen: false,
            short: false,
        }
    }

    /// Whether the step's first claims did not fit even at the floor.
    pub fn short(&self) -> bool {
        self.short
    }

    /// A new step: from the largest type again.
    pub fn start(&mut self) {
        self.current = self.largest;
        self.restarted = true;
        self.chosen = false;
        self.short = false;
    }

    /// The zoom for the next frame, given the zoom the last one was drawn at and whether the
    /// first cards were whole in it. It only shrinks within a step (the timeline may still be
    /// growing to its titles), so it settles; a zoom other than the one it chose is the user's.
    pub fn next(&mut self, drawn_at: f32, fits: bool) -> f32 {
        if std::mem::take(&mut self.restarted) {
            return self.current;
        }
        if (drawn_at - self.current).abs() > 1e-3 {
            self.largest = drawn_at.max(self.floor);
            self.current = drawn_at;
            self.chosen = true;
        } else if !fits && !self.chosen {
            self.short |= self.current <= self.floor;
            self.current = (self.current * NOTCH).max(self.floor);
        }
        self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinks_until_it_fits_and_starts_again_at_each_step() {
        let mut f = TypeFit::new(1.5, 1.0);
        // The frame that asked for presenting was drawn before it: not judged.
        assert_eq!(f.next(1.0, false), 1.5);
        assert_eq!(f.next(1.5, false), 1.5 * NOTCH);
        assert_eq!(f.next(1.5 * NOTCH, true), 1.5 * NOTCH);
        assert_eq!(f.next(1.5 * NOTCH, true), 1.5 * NOTCH);
        // A timeline that grew later takes more room: smaller again, never larger.
        assert_eq!(f.next(1.5 * NOTCH, false), 1.5 * NOTCH * NOTCH);
        // The next step starts from the largest again, whatever the last frame showed.
        f.start();
        assert_eq!(f.next(1.5 * NOTCH * NOTCH, true), 1.5);
        assert_eq!(f.next(1.5, true), 1.5);
    }

    #[test]
    fn never_goes_below_the_floor_and_then_says_the_step_is_short() {
        let mut f = TypeFit::new(1.5, 1.2);
        let mut z = 1.5;
        for _ in 0..20 {
            z = f.next(z, false);
        }
        assert_eq!(z, 1.2);
        assert!(f.short());
        // Short for the rest of the step, even once the claims fit.
        f.next(z, true);
        assert!(f.short());
        f.start();
        assert!(!f.short());
    }

    #[test]
    fn the_users_own_zoom_wins() {
        let mut f = TypeFit::new(1.5, 1.0);
        f.next(1.0, true);
        assert_eq!(f.next(1.5, true), 1.5);
        // Ctrl + pressed: 1.65 is kept even where it does not fit, and the next step starts there.
        assert_eq!(f.next(1.65, false), 1.65);
        assert_eq!(f.next(1.65, false), 1.65);
        f.start();
        assert_eq!(f.next(1.65, true), 1.65);
        assert_eq!(f.next(1.65, false), 1.65 * NOTCH);
    }
}
