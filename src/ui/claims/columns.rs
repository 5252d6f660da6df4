//! Which parties are the claim columns, and in what order: a menu that lists every party, two
//! to four of them ticked, each ticked one movable left or right. Every party is offered the
//! same way; the dataset's own choice is one click away.

use crate::command::Command;
use crate::model::wording::side_label;
use crate::model::{MAX_COLUMNS, Side};
use crate::ui::ViewCtx;

/// `fit` is how many columns the panel's width holds: the chosen ones past it are drawn as
/// bands, and the button and the menu say so rather than name columns that are not there.
pub(super) fn chooser(ui: &mut egui::Ui, view: &ViewCtx, fit: usize, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let columns = view.columns();
    let ids = |sides: &[Side]| -> Vec<String> {
        sides
            .iter()
            .filter_map(|s| s.party_index().map(|i| ds.parties[i].id.clone()))
            .collect()
    };
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
