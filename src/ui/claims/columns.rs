//! Which parties are the claim columns, and in what order: a menu that lists every party, two
//! to four of them ticked, each ticked one movable left or right, and headings that drag onto
//! one another. Every party is offered the same way; the dataset's own choice is one click
//! away.

use crate::command::Command;
use crate::model::wording::side_label;
use crate::model::{MAX_COLUMNS, Side};
use crate::ui::ViewCtx;

/// Whether the reader chooses and orders the columns here: the columns are parties (by side
/// they are the sides), a tour step has not chosen them, and this is a window, not a picture.
pub(super) fn movable(view: &ViewCtx) -> bool {
    let by_side = view.column_groups().iter().any(|g| g.len() > 1);
    let step_chooses = (view.presenting.as_ref()).is_some_and(|p| p.columns.is_some());
    !view.complete && !by_side && !step_chooses
}

/// The column dragged by its heading: its place among the columns.
#[derive(Clone, Copy)]
struct DraggedColumn(usize);

/// Column `at`'s heading (drawn by `heading`), which drags onto another column's heading to
/// move the column there. `e` is the event, as each event in the overview has headings.
pub(super) fn draggable_heading(
    ui: &mut egui::Ui,
    e: usize,
    at: usize,
    cmds: &mut Vec<Command>,
    view: &ViewCtx,
    heading: impl FnOnce(&mut egui::Ui),
) {
    let id = egui::Id::unique(("claim column heading", e, at));
    let response = ui.dnd_drag_source(id, DraggedColumn(at), heading).response;
    let held = response.dnd_hover_payload::<DraggedColumn>();
    if held.is_some_and(|from| from.0 != at) {
        let stroke = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
        ui.painter()
            .rect_stroke(response.rect, 2.0, stroke, egui::StrokeKind::Outside);
    }
    if let Some(from) = response.dnd_release_payload::<DraggedColumn>()
        && from.0 != at
    {
        let columns = view.columns();
        cmds.push(Command::SetColumns(Some(party_ids(
            view,
            &moved(&columns, from.0, at),
        ))));
    }
    response.on_hover_text("Drag onto another column's heading to move this column there");
}

/// `columns` with the one at `from` taken out and put in at `to`.
fn moved(columns: &[Side], from: usize, to: usize) -> Vec<Side> {
    let mut next = columns.to_vec();
    if from < next.len() && to < next.len() {
        let side = next.remove(from);
        next.insert(to, side);
    }
    next
}

/// The party ids of `sides`, as `SetColumns` names them.
fn party_ids(view: &ViewCtx, sides: &[Side]) -> Vec<String> {
    let ds = &view.cat.dataset;
    sides
        .iter()
        .filter_map(|s| s.party_index().map(|i| ds.parties[i].id.clone()))
        .collect()
}

/// `fit` is how many columns the panel's width holds: the chosen ones past it are drawn as
/// bands, and the button and the menu say so rather than name columns that are not there.
pub(super) fn chooser(ui: &mut egui::Ui, view: &ViewCtx, fit: usize, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let columns = view.columns();
    let ids = |sides: &[Side]| party_ids(view, sides);
    let shown: Vec<String> = columns
        .iter()
        .take(fit)
        .map(|&s| side_label(ds, s))
        .collect();
    let banded = columns.len().saturating_sub(fit);
    let mut button = shown.join(" · ");
    if banded > 0 {
        button.push_str(&format!(" (+{banded} as bands: too narrow)"));
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Columns:");
        ui.menu_button(button, |ui| {
            ui.weak(format!("Two to {MAX_COLUMNS} parties side by side"));
            if banded > 0 {
                ui.weak(format!(
                    "This panel is wide enough for {fit}: widen it to see the others as columns."
                ));
            }
            for i in 0..ds.parties.len().min(crate::model::MAX_PARTIES) {
                let side = Side::party(i);
                let at = columns.iter().position(|&s| s == side);
                ui.horizontal(|ui| {
                    let mut on = at.is_some();
                    let can = if on {
                        columns.len() > 2
                    } else {
                        columns.len() < MAX_COLUMNS
                    };
                    let mut name = side_label(ds, side);
                    if at.is_some_and(|k| k >= fit) {
                        name.push_str(" (a band for now)");
                    }
                    let label = egui::RichText::new(name).color(view.palette.text_of(side));
                    if ui
                        .add_enabled(can, egui::Checkbox::new(&mut on, label))
                        .changed()
                    {
                        let mut next = columns.clone();
                        match at {
                            Some(k) => {
                                next.remove(k);
                            }
                            None => next.push(side),
                        }
                        cmds.push(Command::SetColumns(Some(ids(&next))));
                    }
                    if let Some(k) = at {
                        for (arrow, to, tip) in [
                            ("◀", k.checked_sub(1), "Move this column left"),
                            (
                                "▶",
                                (k + 1 < columns.len()).then_some(k + 1),
                                "Move this column right",
                            ),
                        ] {
                            let button =
                                ui.add_enabled(to.is_some(), egui::Button::new(arrow).small());
                            if let (true, Some(to)) = (button.on_hover_text(tip).clicked(), to) {
                                let mut next = columns.clone();
                                next.swap(k, to);
                                cmds.push(Command::SetColumns(Some(ids(&next))));
                            }
                        }
                    }
                });
            }
            ui.separator();
            if ui.button("The dataset's columns").clicked() {
                cmds.push(Command::SetColumns(None));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_moves_to_where_it_is_dropped() {
        let [a, b, c, d] = [0, 1, 2, 3].map(Side::party);
        assert_eq!(moved(&[a, b, c, d], 0, 2), [b, c, a, d]);
        assert_eq!(moved(&[a, b, c, d], 3, 0), [d, a, b, c]);
        assert_eq!(moved(&[a, b], 1, 0), [b, a]);
        assert_eq!(moved(&[a, b], 2, 0), [a, b]);
    }
}
