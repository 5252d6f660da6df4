//! What the painted panels (the timeline, the map, the casualty strip) share: labels laid out,
//! placed clear of each other and of the markers, and painted; and the hit test that finds the
//! marker under the pointer in a frame's own list of what was drawn where.

use std::sync::Arc;

use egui::{Align, Align2, Color32, Galley, Painter, Pos2, Rect, Vec2, pos2};

use crate::layout::stack::{Bx, place_labels};

impl From<Rect> for Bx {
    fn from(r: Rect) -> Bx {
        Bx {
            x0: r.min.x,
            y0: r.min.y,
            x1: r.max.x,
            y1: r.max.y,
        }
    }
}

/// A box's rectangle on the screen.
pub fn rect_of(b: Bx) -> Rect {
    Rect::from_min_max(pos2(b.x0, b.y0), pos2(b.x1, b.y1))
}

/// One label waiting for a place: its text laid out, and the colour it is painted in.
pub struct Label {
    pub galley: Arc<Galley>,
    pub colour: Color32,
}

/// The band a label is painted on, so that it stays legible over what lies under it.
pub struct Band {
    pub fill: Color32,
    pub rounding: f32,
    /// How far the band reaches left of the text's box.
    pub left: f32,
}

/// How placed labels are painted: where the text sits in the box it was given, on a band or
/// bare.
pub struct LabelStyle {
    pub anchor: Align2,
    pub band: Option<Band>,
}

/// Places `labels` (in priority order) and paints the ones that found room. `place` is given
/// each label's size and says where each goes, if anywhere. Returns each label's box as painted.
pub fn place_and_paint(
    painter: &Painter,
    labels: Vec<Label>,
    place: impl FnOnce(&[Vec2]) -> Vec<Option<Bx>>,
    style: &LabelStyle,
) -> Vec<Option<Rect>> {
    let sizes: Vec<Vec2> = labels.iter().map(|l| l.galley.size()).collect();
    let spots = place(&sizes);
    labels
        .into_iter()
        .zip(spots)
        .map(|(label, spot)| {
            let r = rect_of(spot?);
            paint_label(painter, r, label, style);
            Some(r)
        })
        .collect()
}

/// Paints one label in the box `r` it was given.
pub fn paint_label(painter: &Painter, r: Rect, label: Label, style: &LabelStyle) {
    if let Some(band) = &style.band {
        painter.rect_filled(r.with_min_x(r.min.x - band.left), band.rounding, band.fill);
    }
    let x = match style.anchor.x() {
        Align::Min => r.min.x,
        Align::Center => (r.min.x + r.max.x) / 2.0,
        Align::Max => r.max.x,
    };
    let y = match style.anchor.y() {
        Align::Min => r.min.y,
        Align::Center => (r.min.y + r.max.y) / 2.0,
        Align::Max => r.max.y,
    };
    let size = label.galley.size();
    painter.galley(
        style.anchor.anchor_size(pos2(x, y), size).min,
        label.galley,
        label.colour,
    );
}

/// First come, first placed: each box where it asked to be, if it lies within `bounds` and
/// overlaps neither a box placed before it nor any of the `obstacles`.
pub fn first_come(boxes: &[Bx], obstacles: &[Bx], bounds: Bx) -> Vec<Option<Bx>> {
    boxes
        .iter()
        .zip(place_labels(boxes, obstacles, bounds))
        .map(|(b, keep)| keep.then_some(*b))
        .collect()
}

/// The item drawn nearest to `p`, of those whose centre is within their reach of it; `at`
/// gives an item's centre and reach.
pub fn nearest<T>(
    items: impl IntoIterator<Item = T>,
    p: Pos2,
    at: impl Fn(&T) -> (Pos2, f32),
) -> Option<T> {
    let distance = |item: &T| at(item).0.distance(p);
    items
        .into_iter()
        .filter(|item| distance(item) <= at(item).1)
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_item_within_reach_wins() {
        let items = [
            (pos2(0.0, 0.0), 5.0),
            (pos2(4.0, 0.0), 1.0),
            (pos2(9.0, 0.0), 6.0),
        ];
        let at = |i: &&(Pos2, f32)| (i.0, i.1);
        // (4, 0) is nearer but out of its reach; (0, 0) is within its own.
        assert_eq!(nearest(&items, pos2(2.5, 0.0), at), Some(&items[0]));
        assert_eq!(nearest(&items, pos2(4.2, 0.0), at), Some(&items[1]));
        assert_eq!(nearest(&items, pos2(20.0, 0.0), at), None);
    }

    #[test]
    fn a_box_from_a_rect_and_back_is_the_same() {
        let r = Rect::from_min_max(pos2(1.0, 2.0), pos2(3.5, 7.0));
        assert_eq!(rect_of(Bx::from(r)), r);
    }
}
