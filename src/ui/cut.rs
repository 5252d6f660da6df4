//! Lines cut where their room ends, each saying on hover what it cut.
//!
//! egui gives a cut label its own tooltip, the label's text again. The lines here have a
//! hover text of their own (a whole note, a figure a line, a long text shortened), so they
//! turn egui's off: with both, two tooltips stack under the pointer.

use egui::{Label, WidgetText};

/// A one-line label cut with "…" at the room's end, with no tooltip of egui's own.
pub fn cut_line(text: impl Into<WidgetText>) -> Label {
    cut_text(text).truncate()
}

/// A label whose text is cut as laid out (a galley of some rows), with no tooltip of
/// egui's own.
pub fn cut_text(text: impl Into<WidgetText>) -> Label {
    Label::new(text).show_tooltip_when_elided(false)
}
