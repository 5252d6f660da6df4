//! The Balance window: the balance report (see [`crate::balance`]) on the data loaded, as
//! `claimline balance` prints it: a row per party, the asymmetries worth a look (each with a
//! button that selects the event it names), and the word shares of one-sided or uneven events.
//! A thin panel: it is handed the report (computed once per load) and returns commands.
//! Every party's row has the same layout, weight and colour.

use egui::RichText;

use crate::balance::table::{COLUMNS, LEGEND, cells};
use crate::balance::{EventRef, Report};
use crate::command::Command;

/// The window's title, as a screen reader announces it.
pub const TITLE: &str = "Balance";

/// Draws the window over the app; closing it asks for it to be hidden.
pub fn window(ctx: &egui::Context, report: &Report, cmds: &mut Vec<Command>) {
    let mut open = true;
    let screen = ctx.content_rect();
    let size = egui::vec2(
        (screen.width() - 80.0).clamp(320.0, 1000.0),
        (screen.height() - 120.0).clamp(240.0, 640.0),
    );
    egui::Window::new(TITLE)
        .open(&mut open)
        .default_rect(egui::Rect::from_center_size(screen.center(), size))
        // Within the window below the menu bar, even when the window shrinks after it opened.
        .max_size((screen.size() - egui::vec2(40.0, 100.0)).max(egui::vec2(300.0, 200.0)))
        .scroll([true, true])
        .collapsible(false)
        .show(ctx, |ui| content(ui, report, cmds));
    if !open {
        cmds.push(Command::ShowBalance(false));
    }
}

fn content(ui: &mut egui::Ui, report: &Report, cmds: &mut Vec<Command>) {
    ui.label(
        RichText::new(format!(
            "{}: what the data holds of each party's words",
            report.title
        ))
        .strong(),
    );
    ui.weak("Counts, not judgements: an asymmetry may be the record itself.");
    ui.add_space(6.0);
    party_grid(ui, report);
    ui.add_space(2.0);
    ui.weak(LEGEND.replace('\n', " "));
    ui.add_space(8.0);
    asymmetries(ui, report, cmds);
    ui.add_space(8.0);
    event_shares(ui, report, cmds);
}

/// One row per party and one for the third parties, in the same type; numbers right-aligned.
fn party_grid(ui: &mut egui::Ui, report: &Report) {
    egui::Grid::new("balance_parties")
        .striped(true)
        .num_columns(COLUMNS.len())
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for heading in COLUMNS {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for row in report.parties.iter().chain(&report.third_parties) {
                for (i, cell) in cells(row).into_iter().enumerate() {
                    if i == 0 || i == COLUMNS.len() - 1 {
                        ui.label(cell);
                    } else {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(cell);
                        });
                    }
                }
                ui.end_row();
            }
        });
}

/// A button that selects an event, named by its id.
fn select_button(ui: &mut egui::Ui, event: &EventRef, cmds: &mut Vec<Command>) {
    if ui
        .button(format!("Select {}", event.id))
        .on_hover_text("Show this event's claims")
        .clicked()
    {
        cmds.push(Command::Select(Some(event.index)));
    }
}

fn asymmetries(ui: &mut egui::Ui, report: &Report, cmds: &mut Vec<Command>) {
    if report.asymmetries.is_empty() {
        ui.label(RichText::new("No asymmetries of the kinds checked.").strong());
        return;
    }
    ui.label(RichText::new("Asymmetries worth a look").strong());
    for (i, a) in report.asymmetries.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}. {}: {}", i + 1, a.kind_label(), a.describe()));
            for event in a.events() {
                select_button(ui, event, cmds);
            }
        });
    }
}

fn event_shares(ui: &mut egui::Ui, report: &Report, cmds: &mut Vec<Command>) {
    let notable: Vec<_> = report.notable_events().collect();
    let heading = format!(
        "Word shares on one-sided or uneven events ({})",
        notable.len()
    );
    egui::CollapsingHeader::new(RichText::new(heading).strong())
        .id_salt("balance_event_shares")
        .default_open(notable.len() <= 12)
        .show(ui, |ui| {
            if notable.is_empty() {
                ui.weak(
                    "None: no event is one-sided, and on none has a party twice another's words.",
                );
                return;
            }
            egui::Grid::new("balance_events")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for e in notable {
                        select_button(ui, &e.event, cmds);
                        ui.label(if e.one_sided { "one-sided" } else { "uneven" });
                        ui.label(format!("“{}”", crate::ui::ellipsize(&e.title, 60)));
                        let shares: Vec<String> = (e.words.iter())
                            .map(|w| format!("{} {:.0}% ({} words)", w.name, e.percent(w), w.words))
                            .collect();
                        ui.label(shares.join(", "));
                        ui.end_row();
                    }
                });
        });
}
