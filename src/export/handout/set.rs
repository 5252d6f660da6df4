//! Setting a handout on pages: headings, the step's picture, then its claims in columns,
//! row by row. A row that does not fit goes on line by line onto the next page, where the
//! column headings are repeated: a long step flows over as many pages as it needs and no line
//! is ever cut or lost. Every party's column, heading and card is set the same way.

use std::ops::Range;

use super::content::{Band, Card, Handout, Section, Strip};
use super::page::{Mark, Page, Pages, Paper, Role};
use super::typeface::Typefaces;
use super::wrap::{Style, wrap};
use crate::model::Side;

/// The colours of each side (by [`Side::index`]): marks, and text on white paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inks {
    pub fill: [[u8; 3]; Side::COUNT],
    pub text: [[u8; 3]; Side::COUNT],
}

const MARGIN_X: f32 = 50.0;
const TOP: f32 = 48.0;
/// From the content's end to the paper's bottom edge; the page number sits in it.
const BOTTOM: f32 = 56.0;
const GUTTER: f32 = 14.0;
/// The height of a lane in a step's picture of the timeline.
const STRIP_LANE: f32 = 15.0;
/// How many lines a cell starts with on a page, at least, when it has that many.
const KEEP_LINES: usize = 4;
/// Room kept left of a card's text for the bar in its side's colour.
const BAR_ROOM: f32 = 7.0;
const INK: [u8; 3] = [0x1e, 0x1e, 0x1e];
const GREY: [u8; 3] = [0x55, 0x55, 0x55];
const RULE: [u8; 3] = [0xb8, 0xb8, 0xb8];
/// The colour of what no party said alone: joint statements, events without claims.
const NEUTRAL: [u8; 3] = [0x70, 0x70, 0x70];

fn style(size: f32, bold: bool, colour: [u8; 3]) -> Style {
    Style { size, bold, colour }
}

/// One line of a cell: its words, its style and the space above it.
#[derive(Clone)]
struct Line {
    text: String,
    style: Style,
    gap: f32,
    /// The part of the line (bytes) that is a web address, and the whole address.
    link: Option<(Range<usize>, String)>,
}

/// Lines set one under another in a column of the page.
#[derive(Clone)]
struct Cell {
    x: f32,
    width: f32,
    lines: Vec<Line>,
    /// A bar down the left of the cell, in a side's colour: a claim's card.
    bar: Option<[u8; 3]>,
    /// A side's marker shape before the first line: a column's heading.
    swatch: Option<Side>,
    block: Option<usize>,
}

impl Cell {
    fn new(x: f32, width: f32, block: Option<usize>) -> Cell {
        Cell {
            x,
            width,
            lines: Vec::new(),
            bar: None,
            swatch: None,
            block,
        }
    }

    /// Adds `text` wrapped to the cell's width, the first line `gap` below the last.
    /// A web address in the text is a link on each line that holds a piece of it.
    fn add(&mut self, faces: &Typefaces, text: &str, style: Style, gap: f32) {
        let address = web_address(text);
        // Where each line starts in `text`: lines are its words in order, spaces dropped.
        let mut from = 0;
        for (k, line) in wrap(text, self.width, style, faces).into_iter().enumerate() {
            let start = text[from..].find(&line).map_or(from, |i| from + i);
            from = start + line.len();
            let link = address.as_ref().and_then(|a| {
                let (lo, hi) = (a.start.max(start), a.end.min(from));
                (lo < hi).then(|| (lo - start..hi - start, text[a.clone()].to_owned()))
            });
            self.lines.push(Line {
                text: line,
                style,
                gap: if k == 0 { gap } else { 0.0 },
                link,
            });
        }
    }
}

/// Sets `handout` on sheets of `paper`.
pub fn set(handout: &Handout, paper: Paper, faces: &Typefaces, inks: &Inks) -> Pages {
    let mut s = Setter {
        paper,
        faces,
        inks,
        pages: vec![Page::default()],
        y: TOP,
        blocks: Vec::new(),
        running: None,
    };
    s.front(handout);
    for (k, section) in handout.sections.iter().enumerate() {
        s.section(section, k == 0);
    }
    s.sources(&handout.sources);
    s.page_numbers(&handout.title);
    Pages {
        paper,
        title: handout.title.clone(),
        pages: s.pages,
        blocks: s.blocks,
    }
}

struct Setter<'a> {
    paper: Paper,
    faces: &'a Typefaces,
    inks: &'a Inks,
    pages: Vec<Page>,
    /// The top of the next thing set on the current page.
    y: f32,
    blocks: Vec<Role>,
    /// Column headings to repeat at the top of each new page while a step's rows go on.
    running: Option<Vec<Cell>>,
}

impl Setter<'_> {
    fn width(&self) -> f32 {
        self.paper.width - 2.0 * MARGIN_X
    }

    fn bottom(&self) -> f32 {
        self.paper.height - BOTTOM
    }

    fn marks(&mut self) -> &mut Vec<Mark> {
        &mut self.pages.last_mut().expect("a page").marks
    }

    fn block(&mut self, role: Role) -> usize {
        self.blocks.push(role);
        self.blocks.len() - 1
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
        if let Some(heads) = self.running.take() {
            self.row(heads.clone());
            self.y += 4.0;
            self.running = Some(heads);
        }
    }

    /// Starts a new page unless `height` more fits on this one (or this one is still empty).
    fn keep(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > TOP + 0.5 {
            self.new_page();
        }
    }

    /// A paragraph across the page.
    fn para(&mut self, text: &str, style: Style, role: Role) {
        let block = Some(self.block(role));
        let mut cell = Cell::new(MARGIN_X, self.width(), block);
        cell.add(self.faces, text, style, 0.0);
        self.row(vec![cell]);
    }

    fn rule(&mut self) {
        let y = self.y;
        let (x0, x1) = (MARGIN_X, MARGIN_X + self.width());
        self.marks().push(Mark::Stroke {
            points: vec![(x0, y), (x1, y)],
            width: 0.5,
            colour: RULE,
            block: None,
        });
    }

    fn front(&mut self, handout: &Handout) {
        self.para(&handout.title, style(20.0, true, INK), Role::Title);
        self.y += 4.0;
        for line in &handout.about {
            self.para(line, style(9.0, false, GREY), Role::Paragraph);
            self.y += 2.0;
        }
        self.y += 8.0;
    }

    /// How tall `text` is set across the page in `style`.
    fn height_of(&self, text: &str, style: Style) -> f32 {
        wrap(text, self.width(), style, self.faces).len() as f32 * style.line_height()
    }

    fn section(&mut self, section: &Section, first: bool) {
        // The heading, the picture and the first lines of the first claims together on one
        // page: a step's words never stand at a page's foot with its claims overleaf.
        let big = style(14.0, true, INK);
        let headed = section.caption.as_deref().unwrap_or(&section.event_title);
        let mut head = 40.0 + self.height_of(headed, big);
        if section.caption.is_some() {
            head += self.height_of(&section.event_title, style(11.5, true, INK));
        }
        head += self.height_of(&section.facts, style(8.5, false, GREY));
        if !section.strip.lanes.is_empty() {
            head += STRIP_LANE * section.strip.lanes.len() as f32 + 22.0;
        }
        // The columns' headings and a card's first lines, or a band's heading and its.
        self.keep(head + 90.0);
        if !first && self.y > TOP + 0.5 {
            self.y += 8.0;
            self.rule();
            self.y += 12.0;
        }
        let heading = Some(self.block(Role::Heading(2)));
        let mut cell = Cell::new(MARGIN_X, self.width(), heading);
        cell.add(self.faces, &section.label, style(8.5, false, GREY), 0.0);
        match &section.caption {
            Some(caption) => cell.add(self.faces, caption, big, 2.0),
            None => cell.add(self.faces, &section.event_title, big, 2.0),
        }
        self.row(vec![cell]);
        if section.caption.is_some() {
            self.y += 3.0;
            let title = style(11.5, true, INK);
            self.para(&section.event_title, title, Role::Heading(3));
        }
        if !section.facts.is_empty() {
            self.y += 1.0;
            self.para(&section.facts, style(8.5, false, GREY), Role::Paragraph);
        }
        if !section.strip.lanes.is_empty() {
            self.y += 6.0;
            self.strip(&section.strip);
        }
        self.y += 10.0;
        self.columns(section);
        for band in &section.bands {
            self.band(band);
        }
        if section.rows.is_empty() && section.bands.is_empty() && !section.facts.is_empty() {
            let none = "No claims about this event are recorded in the open files.";
            self.para(none, style(9.0, false, GREY), Role::Paragraph);
        }
    }

    /// The party columns: headings, then the rows of cards.
    fn columns(&mut self, section: &Section) {
        if section.rows.is_empty() {
            return;
        }
        let n = section.columns.len().max(1);
        let col = (self.width() - GUTTER * (n as f32 - 1.0)) / n as f32;
        let x_of = |k: usize| MARGIN_X + k as f32 * (col + GUTTER);
        let heads = |s: &Setter, continued: bool, block: Option<usize>| -> Vec<Cell> {
            (section.columns.iter().enumerate())
                .map(|(k, (label, side))| {
                    let mut cell = Cell::new(x_of(k) + 12.0, col - 12.0, block);
                    let label = if continued {
                        format!("{label} (continued)")
                    } else {
                        label.clone()
                    };
                    let ink = s.inks.text[side.index()];
                    cell.add(s.faces, &label, style(10.0, true, ink), 0.0);
                    cell.swatch = Some(*side);
                    cell
                })
                .collect()
        };
        self.keep(90.0);
        let block = Some(self.block(Role::Heading(3)));
        let first = heads(self, false, block);
        self.row(first);
        self.y += 5.0;
        self.running = Some(heads(self, true, None));
        for row in &section.rows {
            let cells = (row.iter().enumerate())
                .filter_map(|(k, card)| Some((k, card.as_ref()?)))
                .map(|(k, card)| self.card(card, x_of(k), col))
                .collect();
            self.row(cells);
            self.y += 7.0;
        }
        self.running = None;
    }

    /// A band below the columns: its heading, then its cards two to a row.
    fn band(&mut self, band: &Band) {
        self.keep(70.0);
        self.y += 4.0;
        let ink = band.side.map_or(INK, |s| self.inks.text[s.index()]);
        self.para(&band.heading, style(10.0, true, ink), Role::Heading(3));
        self.y += 5.0;
        let col = (self.width() - GUTTER) / 2.0;
        for pair in band.cards.chunks(2) {
            let cells = (pair.iter().enumerate())
                .map(|(k, card)| self.card(card, MARGIN_X + k as f32 * (col + GUTTER), col))
                .collect();
            self.row(cells);
            self.y += 7.0;
        }
    }

    /// A claim's card in a column at `x`, `width` wide: one paragraph for readers.
    fn card(&mut self, card: &Card, x: f32, width: f32) -> Cell {
        let block = Some(self.block(Role::Paragraph));
        let mut cell = Cell::new(x + BAR_ROOM, width - BAR_ROOM, block);
        let faces = self.faces;
        let (text_ink, bar) = match card.side {
            Some(s) => (self.inks.text[s.index()], self.inks.fill[s.index()]),
            None => (INK, NEUTRAL),
        };
        cell.bar = Some(bar);
        cell.add(faces, &card.who, style(9.0, true, text_ink), 0.0);
        cell.add(faces, &card.said, style(7.5, false, GREY), 0.5);
        cell.add(faces, &card.text, style(9.0, false, INK), 2.0);
        for d in &card.details {
            cell.add(faces, d, style(8.0, false, INK), 2.0);
        }
        for src in &card.sources {
            cell.add(faces, src, style(7.5, false, GREY), 2.0);
        }
        if let Some(note) = &card.note {
            cell.add(faces, note, style(7.5, false, GREY), 2.0);
        }
        cell
    }

    /// Sets cells side by side from the current line, each line by line, going on at the top
    /// of the next page (after any running headings) with whatever does not fit.
    fn row(&mut self, cells: Vec<Cell>) {
        let mut next = vec![0usize; cells.len()];
        loop {
            let left = cells.iter().zip(&next).any(|(c, &k)| k < c.lines.len());
            if !left {
                break;
            }
            let room = self.bottom() - self.y;
            // How many more lines of each cell fit, and how tall they are.
            let mut takes: Vec<(usize, f32)> = cells
                .iter()
                .zip(&next)
                .map(|(c, &from)| fitting(&c.lines, from, room))
                .collect();
            // A card's first few lines stay together: no name alone at a page's foot.
            let starting = next.iter().all(|&k| k == 0);
            let orphaned = (cells.iter().zip(&takes))
                .any(|(c, t)| t.0 < c.lines.len().min(KEEP_LINES) && t.0 < c.lines.len());
            let stuck = takes.iter().zip(&next).all(|(t, &from)| t.0 == from);
            if (starting && orphaned || stuck) && self.y > TOP + 0.5 + self.running_height() {
                self.new_page();
                continue;
            }
            if stuck {
                // A line taller than a whole page: set it anyway rather than loop.
                takes = (cells.iter().zip(&next))
                    .map(|(c, &from)| match c.lines.get(from) {
                        Some(line) => (from + 1, line.style.line_height()),
                        None => (from, 0.0),
                    })
                    .collect();
            }
            let top = self.y;
            let mut tallest: f32 = 0.0;
            for ((cell, from), (to, height)) in cells.iter().zip(&mut next).zip(&takes) {
                if *to > *from {
                    self.lines(cell, *from, *to, top);
                    tallest = tallest.max(*height);
                }
                *from = *to;
            }
            self.y = top + tallest;
            if cells.iter().zip(&next).any(|(c, &k)| k < c.lines.len()) {
                self.new_page();
            }
        }
    }

    /// The height the running headings take at a page's top.
    fn running_height(&self) -> f32 {
        self.running.as_ref().map_or(0.0, |heads| {
            let h = heads
                .iter()
                .map(|c| fitting(&c.lines, 0, f32::INFINITY).1)
                .fold(0.0, f32::max);
            h + 4.0
        })
    }

    /// Draws lines `from..to` of `cell` from `top` down, with its bar and swatch.
    fn lines(&mut self, cell: &Cell, from: usize, to: usize, top: f32) {
        let mut y = top;
        let mut marks = Vec::new();
        for (k, line) in cell.lines[from..to].iter().enumerate() {
            if k > 0 {
                y += line.gap;
            }
            let baseline = y + line.style.size * 1.02;
            if from + k == 0
                && let Some(side) = cell.swatch
            {
                let c = (cell.x - 7.0, baseline - line.style.size * 0.35);
                let colour = self.inks.fill[side.index()];
                marks.push(shape_mark(side, c, 3.6, colour, cell.block));
            }
            marks.push(Mark::Text {
                x: cell.x,
                y: baseline,
                text: line.text.clone(),
                style: line.style,
                block: cell.block,
            });
            if let Some((range, url)) = &line.link {
                let size = line.style.size;
                let x0 = cell.x
                    + self
                        .faces
                        .width(&line.text[..range.start], size, line.style.bold);
                let w = self
                    .faces
                    .width(&line.text[range.clone()], size, line.style.bold);
                marks.push(Mark::Link {
                    rect: [x0, baseline - size, x0 + w, baseline + size * 0.3],
                    url: url.clone(),
                    block: cell.block,
                });
            }
            y += line.style.line_height();
        }
        if let Some(colour) = cell.bar {
            let x = cell.x - BAR_ROOM + 1.2;
            marks.push(Mark::Fill {
                points: rect(x, top + 1.0, x + 2.4, y - 1.0),
                colour,
                block: None,
            });
        }
        self.marks().extend(marks);
    }

    /// The timeline around a step: a lane per side, each event a mark in that side's shape,
    /// the step's own event larger and ringed, and the time axis under them.
    fn strip(&mut self, strip: &Strip) {
        const LANE: f32 = STRIP_LANE;
        const LABELS: f32 = 92.0;
        let height = LANE * strip.lanes.len() as f32 + 16.0;
        self.keep(height + 40.0);
        let block = Some(self.block(Role::Figure(strip.alt.clone())));
        let (x0, x1) = (MARGIN_X + LABELS, MARGIN_X + self.width() - 6.0);
        let at = |f: f32| x0 + f * (x1 - x0);
        let top = self.y;
        let mut marks = Vec::new();
        for (k, lane) in strip.lanes.iter().enumerate() {
            let mid = top + LANE * (k as f32 + 0.5);
            let (fill, ink) = lane.side.map_or((NEUTRAL, GREY), |s| {
                (self.inks.fill[s.index()], self.inks.text[s.index()])
            });
            let label = super::wrap::wrap(
                &lane.label,
                LABELS - 8.0,
                style(7.5, false, ink),
                self.faces,
            );
            marks.push(Mark::Text {
                x: MARGIN_X,
                y: mid + 2.6,
                text: label.into_iter().next().unwrap_or_default(),
                style: style(7.5, false, ink),
                block,
            });
            marks.push(Mark::Stroke {
                points: vec![(x0, mid), (x1, mid)],
                width: 0.4,
                colour: RULE,
                block,
            });
            // The step's own event last, on top.
            let mut order: Vec<_> = lane.marks.iter().collect();
            order.sort_by_key(|m| m.current);
            for m in order {
                let (a, b) = (at(m.start), at(m.end));
                if b - a > 2.0 {
                    marks.push(Mark::Fill {
                        points: rect(a, mid - 1.2, b, mid + 1.2),
                        colour: fill,
                        block,
                    });
                }
                if !m.starts_in {
                    continue;
                }
                let r = if m.current { 4.6 } else { 3.0 };
                if m.current {
                    marks.push(match lane.side {
                        Some(s) => grown_mark(s, (a, mid), r, INK, block),
                        None => disc(a, mid, r + 1.4, INK, block),
                    });
                }
                marks.push(match lane.side {
                    Some(s) => shape_mark(s, (a, mid), r, fill, block),
                    None => disc(a, mid, r, fill, block),
                });
            }
        }
        let axis = top + LANE * strip.lanes.len() as f32 + 2.0;
        marks.push(Mark::Stroke {
            points: vec![(x0, axis), (x1, axis)],
            width: 0.6,
            colour: GREY,
            block,
        });
        let tick_style = style(7.0, false, GREY);
        let mut free_from = MARGIN_X;
        for (f, label) in &strip.ticks {
            let x = at(*f);
            marks.push(Mark::Stroke {
                points: vec![(x, axis), (x, axis + 3.0)],
                width: 0.6,
                colour: GREY,
                block,
            });
            let w = self.faces.width(label, tick_style.size, false);
            let lx = (x - w / 2.0).min(x1 + 6.0 - w);
            // Labels that would run into the last one are left out; the tick stays.
            if lx >= free_from {
                marks.push(Mark::Text {
                    x: lx,
                    y: axis + 11.0,
                    text: label.clone(),
                    style: tick_style,
                    block,
                });
                free_from = lx + w + 6.0;
            }
        }
        self.marks().extend(marks);
        self.y = top + height;
    }

    fn sources(&mut self, sources: &[String]) {
        if sources.is_empty() {
            return;
        }
        self.new_page();
        let heading = format!("Sources ({})", sources.len());
        self.para(&heading, style(14.0, true, INK), Role::Heading(2));
        self.y += 6.0;
        // Numbers in a margin of their own, the entries' lines all starting after it.
        let body = style(8.5, false, INK);
        let indent = self
            .faces
            .width(&format!("{}.", sources.len()), body.size, false)
            + 6.0;
        for (k, s) in sources.iter().enumerate() {
            let block = Some(self.block(Role::Paragraph));
            let mut number = Cell::new(MARGIN_X, indent, block);
            number.add(self.faces, &format!("{}.", k + 1), body, 0.0);
            let mut entry = Cell::new(MARGIN_X + indent, self.width() - indent, block);
            entry.add(self.faces, s, body, 0.0);
            self.row(vec![number, entry]);
            self.y += 3.0;
        }
    }

    /// "Title — page 2 of 7" at the foot of every page, for readers as decoration.
    fn page_numbers(&mut self, title: &str) {
        let n = self.pages.len();
        let y = self.paper.height - BOTTOM + 30.0;
        let small = style(7.5, false, GREY);
        let title = wrap(title, self.width() * 0.7, small, self.faces)
            .into_iter()
            .next()
            .unwrap_or_default();
        for (k, page) in self.pages.iter_mut().enumerate() {
            page.marks.push(Mark::Text {
                x: MARGIN_X,
                y,
                text: format!("{title} — page {} of {n}", k + 1),
                style: small,
                block: None,
            });
        }
    }
}

/// The first web address in `text` (bytes), as the window would open it.
fn web_address(text: &str) -> Option<Range<usize>> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let len = text[start..]
        .find(char::is_whitespace)
        .unwrap_or(text.len() - start);
    let url = text[start..start + len].trim_end_matches([',', ';', '.']);
    crate::model::link::web_link(url)?;
    Some(start..start + url.len())
}

/// Lines of `lines` from `from` that fit in `room`: the index after the last, and the height.
fn fitting(lines: &[Line], from: usize, room: f32) -> (usize, f32) {
    let mut height = 0.0;
    let mut to = from;
    for (k, line) in lines[from..].iter().enumerate() {
        let gap = if k > 0 { line.gap } else { 0.0 };
        let h = gap + line.style.line_height();
        if height + h > room {
            break;
        }
        height += h;
        to += 1;
    }
    (to, height)
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<(f32, f32)> {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
}

/// A side's marker at `c`: a party's own shape, the third parties' triangle.
fn shape_mark(side: Side, c: (f32, f32), r: f32, colour: [u8; 3], block: Option<usize>) -> Mark {
    Mark::Fill {
        points: outline(side, c, r, 0.0),
        colour,
        block,
    }
}

/// The same shape widened, drawn behind the step's own event as a ring.
fn grown_mark(side: Side, c: (f32, f32), r: f32, colour: [u8; 3], block: Option<usize>) -> Mark {
    Mark::Fill {
        points: outline(side, c, r, 1.4),
        colour,
        block,
    }
}

fn outline(side: Side, (cx, cy): (f32, f32), r: f32, grow: f32) -> Vec<(f32, f32)> {
    let mut points = Vec::new();
    match side.party_index() {
        Some(party) => crate::layout::shapes::party_outline(party, r, grow, |dx, dy| {
            points.push((cx + dx, cy + dy));
        }),
        None => {
            // The third parties' triangle, as on screen.
            let s = r * 1.25 + grow * 1.5;
            points.extend([
                (cx, cy - s),
                (cx + s * 0.95, cy + s * 0.7),
                (cx - s * 0.95, cy + s * 0.7),
            ]);
        }
    }
    points
}

/// A disc: the mark of an event no party made claims about.
fn disc(cx: f32, cy: f32, r: f32, colour: [u8; 3], block: Option<usize>) -> Mark {
    let points = (0..16)
        .map(|k| {
            let a = k as f32 / 16.0 * std::f32::consts::TAU;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    Mark::Fill {
        points,
        colour,
        block,
    }
}
