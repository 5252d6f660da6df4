//! Paging through the claim cards, as presenter mode does it: a clicker's Page Down shows
//! the rest of a step's cards before it moves on, so what was on the last line of the screen
//! is never skipped. Read from last frame's scroll area, asked of the next one.

/// A move of the claim panel's scroll asked for this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Down,
    Up,
    Top,
}

/// How much of a page a Page Down moves: a line or two of the last page stays in view, so the
/// reader keeps their place.
const PAGE_FRACTION: f32 = 0.85;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Paging {
    /// Last frame: scrolled this far from the top, in points.
    pub offset: f32,
    /// Last frame: the height of the visible part.
    pub page: f32,
    /// Last frame: the height of all the cards.
    pub content: f32,
    /// Last frame: how far below the top of the content the first card of every column (or,
    /// with no columns, the first cards of the bands) ended; none without cards.
    pub first_cards_end: Option<f32>,
    /// A move to make this frame.
    pub request: Option<Page>,
}

impl Paging {
    /// Cards are hidden below the visible part.
    pub fn more_below(&self) -> bool {
        // A few points of margin are not worth a page.
        self.offset + self.page < self.content - 8.0
    }

    /// Scrolled away from the top.
    pub fn scrolled(&self) -> bool {
        self.offset > 0.5
    }

    /// Whether the first card of each column lies wholly in view at the top of the panel.
    pub fn first_cards_whole(&self) -> bool {
        self.first_cards_end
            .is_none_or(|end| end <= self.page + 0.5)
    }

    /// The offset the request asks for, from last frame's.
    pub fn target(&self, request: Page) -> f32 {
        let step = self.page * PAGE_FRACTION;
        let last = (self.content - self.page).max(0.0);
        match request {
            Page::Down => (self.offset + step).min(last),
            Page::Up => (self.offset - step).max(0.0),
            Page::Top => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_move_most_of_a_screen_and_stop_at_the_ends() {
        let p = Paging {
            offset: 0.0,
            page: 200.0,
            content: 500.0,
            first_cards_end: Some(180.0),
            request: None,
        };
        assert!(p.more_below() && !p.scrolled() && p.first_cards_whole());
        assert_eq!(p.target(Page::Down), 170.0);
        let end = Paging { offset: 300.0, ..p };
        assert!(!end.more_below() && end.scrolled());
        assert_eq!(end.target(Page::Down), 300.0);
        assert_eq!(end.target(Page::Up), 130.0);
        assert_eq!(Paging { offset: 100.0, ..p }.target(Page::Up), 0.0);
        assert_eq!(end.target(Page::Top), 0.0);
        assert!(
            !Paging {
                first_cards_end: Some(201.0),
                ..p
            }
            .first_cards_whole()
        );
        assert!(
            Paging {
                first_cards_end: None,
                ..p
            }
            .first_cards_whole()
        );
    }
}
