//! What a handout's pages hold once set: text lines and shapes at positions in points (from
//! the page's top left, y down), each tied to the block of the document it belongs to, so the
//! PDF can tell screen readers what is a heading, a paragraph or a picture, in reading order.

use super::wrap::Style;

/// A sheet size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub const A4: Paper = Paper {
        width: 595.28,
        height: 841.89,
    };
    pub const LETTER: Paper = Paper {
        width: 612.0,
        height: 792.0,
    };
}

/// What a block of the document is, for the tag tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The document's title.
    Title,
    /// A heading, level 2 and below.
    Heading(u16),
    Paragraph,
    /// A picture, with its description in words.
    Figure(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        text: String,
        style: Style,
        block: Option<usize>,
    },
    /// A filled polygon.
    Fill {
        points: Vec<(f32, f32)>,
        colour: [u8; 3],
        block: Option<usize>,
    },
    /// A line through points.
    Stroke {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: [u8; 3],
        block: Option<usize>,
    },
    /// Where a click opens a web address: over the address's text (a piece of it, when it
    /// is broken over lines). Not drawn.
    Link {
        /// Left, top, right, bottom.
        rect: [f32; 4],
        url: String,
        block: Option<usize>,
    },
}

impl Mark {
    /// The block it belongs to; none for what is only decoration or repeated (page numbers,
    /// headings repeated on a continued page), which readers skip.
    pub fn block(&self) -> Option<usize> {
        match self {
            Mark::Text { block, .. }
            | Mark::Fill { block, .. }
            | Mark::Stroke { block, .. }
            | Mark::Link { block, .. } => *block,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub marks: Vec<Mark>,
}

/// A handout set on pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Pages {
    pub paper: Paper,
    pub title: String,
    pub pages: Vec<Page>,
    /// Every block, in reading order.
    pub blocks: Vec<Role>,
}

impl Pages {
    /// Every text line, page by page, in the order set: what tests read back.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.pages.iter().enumerate().flat_map(|(p, page)| {
            page.marks.iter().filter_map(move |m| match m {
                Mark::Text { text, .. } => Some((p, text.as_str())),
                _ => None,
            })
        })
    }
}
