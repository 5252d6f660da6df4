//! The filter sidebar: text search, contested only, sides, kinds, a date range, actors grouped
//! by side and districts grouped by country, each choice with the number of events it would
//! show. It only reads the filter and returns commands; the query is computed elsewhere.

use egui::{CollapsingHeader, RichText};

use super::ViewCtx;
use crate::command::Command;
use crate::layout::lanes::sides_of;
use crate::model::Side;
use crate::model::When;
use crate::model::wording::{kind_label, side_label};

/// Text the user is typing into the date fields, kept until it parses.
#[derive(Debug, Default)]
pub struct FilterInputs {
    pub from: String,
    pub to: String,
    pub error: Option<String>,
    /// The filter's range when the fields were last filled from it.
    synced: Option<(Option<i64>, Option<i64>)>,
    /// Put the keyboard in the search field when next drawn (the Find action).
    pub focus_search: bool,
}

pub fn ui(ui: &mut egui::Ui, view: &ViewCtx, inputs: &mut FilterInputs, cmds: &mut Vec<Command>) {
    let q = &view.derived.query;
    let f = view.filter;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Filters");
        if !f.is_empty() && ui.button("Clear all").clicked() {
            cmds.push(Command::ClearFilters);
        }
    });
    ui.weak("Filters choose events; each event keeps all its claims.");
    ui.add_space(4.0);

    let mut text = f.text.clone();
    let search = ui
        .horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("titles, claims, places…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        })
        .inner;
    let find = crate::command::Action::Find.shortcut_text(ui.ctx());
    let search = search.on_hover_text(format!("Every word must appear. Place names include their other names (Istisu finds Jermuk). {find}"));
    if std::mem::take(&mut inputs.focus_search) {
        search.request_focus();
    }
    if search.changed() {
        cmds.push(Command::SetText(text));
    }
    ui.add_space(2.0);
    let mut contested = f.contested_only;
    let contested_n = q.contested;
    if ui
        .checkbox(&mut contested, format!("Contested only ({contested_n})"))
        .on_hover_text("Only events both sides made claims about")
        .changed()
    {
        cmds.push(Command::SetContested(contested));
    }

    egui::ScrollArea::vertical()
        .id_salt("filters")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            section(ui, "Side", true, |ui| {
                for side in sides_of(&view.cat.dataset) {
                    let mut on = f.sides.contains(&side);
                    let label = RichText::new(format!(
                        "{} ({})",
                        side_label(&view.cat.dataset, side),
                        q.side_counts[side.index()]
                    ))
                    .color(view.palette.text_of(side));
                    let tip = "Events with a claim by one of its actors, or that a record \
                               (an ACLED row) codes one of them as taking part in";
                    if ui.checkbox(&mut on, label).on_hover_text(tip).changed() {
                        cmds.push(Command::ToggleSide(side));
                    }
                }
            });
            section(ui, "Kind of event", false, |ui| {
                for &(kind, n) in &q.kind_counts {
                    let mut on = f.kinds.contains(&kind);
                    if ui
                        .checkbox(&mut on, format!("{} ({n})", kind_label(kind)))
                        .changed()
                    {
                        cmds.push(Command::ToggleKind(kind));
                    }
                }
            });
            section(ui, "Date range", false, |ui| {
                date_range_ui(ui, view, inputs, cmds)
            });
            section(ui, "Actors", true, |ui| actors_ui(ui, view, cmds));
            section(ui, "Districts", true, |ui| districts_ui(ui, view, cmds));
        });
}

fn section(ui: &mut egui::Ui, title: &str, open: bool, body: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(2.0);
    CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(title)
        .default_open(open)
        .show(ui, body);
}

fn actors_ui(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    let ds = &view.cat.dataset;
    let counts = &view.derived.query.actor_counts;
    for side in sides_of(ds) {
        let mut members: Vec<usize> = (0..ds.actors.len())
            .filter(|&a| view.cat.index.actor_sides[a] == side)
            .filter(|&a| counts[a] > 0 || view.filter.actors.contains(&ds.actors[a].id))
            .collect();
        if members.is_empty() {
            continue;
        }
        members.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then(ds.actors[a].name.cmp(&ds.actors[b].name))
        });
        let heading = RichText::new(format!("{} ({})", side_label(ds, side), members.len()))
            .color(view.palette.text_of(side));
        CollapsingHeader::new(heading)
            .id_salt(("actors", side))
            .default_open(side != Side::THIRD)
            .show(ui, |ui| {
                for a in members {
                    let actor = &ds.actors[a];
                    let mut on = view.filter.actors.contains(&actor.id);
                    let name = crate::model::length::shown(&actor.name);
                    let r = ui.checkbox(&mut on, format!("{name} ({})", counts[a]));
                    if r.on_hover_text(super::bidi::visual(&actor.role)).changed() {
                        cmds.push(Command::ToggleActor(actor.id.clone()));
                    }
                }
            });
    }
}

fn districts_ui(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    let idx = &view.cat.index;
    let counts = &view.derived.query.district_counts;
    let ds = &view.cat.dataset;
    scheme_ui(ui, view, cmds);
    // Countries in party order, then the others by name, as in the district lanes.
    let mut countries: Vec<&str> = idx.districts.iter().map(|d| d.country.as_str()).collect();
    countries.sort_by_key(|c| {
        (
            ds.parties
                .iter()
                .position(|p| p.name == *c)
                .unwrap_or(usize::MAX),
            *c,
        )
    });
    countries.dedup();
    for country in countries {
        let mut ds_in: Vec<usize> = (0..idx.districts.len())
            .filter(|&d| idx.districts[d].country == country)
            .filter(|&d| counts[d] > 0 || view.filter.districts.contains(&idx.districts[d].name))
            .collect();
        if ds_in.is_empty() {
            continue;
        }
        ds_in.sort_by(|&a, &b| idx.districts[a].name.cmp(&idx.districts[b].name));
        let is_party_country = ds.parties.iter().take(2).any(|p| p.name == country);
        CollapsingHeader::new(format!("{country} ({})", ds_in.len()))
            .id_salt(("districts", country))
            .default_open(is_party_country)
            .show(ui, |ui| {
                for d in ds_in {
                    let name = &idx.districts[d].name;
                    let mut on = view.filter.districts.contains(name);
                    if ui
                        .checkbox(
                            &mut on,
                            format!("{} ({})", crate::model::length::shown(name), counts[d]),
                        )
                        .changed()
                    {
                        cmds.push(Command::ToggleDistrict(name.clone()));
                    }
                }
            });
    }
}

/// Which administration the district filter reads places under: shown only when places
/// name schemes (`admin`), so data with one reading of its districts keeps a plain list.
fn scheme_ui(ui: &mut egui::Ui, view: &ViewCtx, cmds: &mut Vec<Command>) {
    let schemes = &view.cat.index.schemes;
    if schemes.is_empty() {
        return;
    }
    let current = view
        .settings
        .district_scheme
        .as_deref()
        .filter(|s| schemes.iter().any(|x| x == s));
    ui.horizontal_wrapped(|ui| {
        ui.label("Districts by:");
        let choices = std::iter::once((None, "default"))
            .chain(schemes.iter().map(|s| (Some(s.as_str()), s.as_str())));
        for (scheme, label) in choices {
            let r = ui
                .selectable_label(current == scheme, label)
                .on_hover_text(match scheme {
                    None => "Each place's own district".to_owned(),
                    Some(s) => format!("Each place's district {s}, where its data gives one"),
                });
            if r.clicked() && current != scheme {
                cmds.push(Command::SetDistrictScheme(scheme.map(str::to_owned)));
            }
        }
    });
}

fn date_range_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    inputs: &mut FilterInputs,
    cmds: &mut Vec<Command>,
) {
    let f = view.filter;
    let offset = view.offset;
    // Refill the fields when the range changed elsewhere (a chip removed, clear all).
    if inputs.synced != Some((f.from, f.to)) {
        inputs.from = f.from.map(|t| iso_day(t, offset)).unwrap_or_default();
        inputs.to = f.to.map(|t| iso_day(t, offset)).unwrap_or_default();
        inputs.synced = Some((f.from, f.to));
        inputs.error = None;
    }
    let mut changed = false;
    egui::Grid::new("date_range").num_columns(2).show(ui, |ui| {
        ui.label("From");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut inputs.from)
                    .hint_text("2022-09-12")
                    .desired_width(110.0),
            )
            .lost_focus();
        ui.end_row();
        ui.label("To");
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut inputs.to)
                    .hint_text("2022-09-30")
                    .desired_width(110.0),
            )
            .lost_focus();
        ui.end_row();
    });
    ui.horizontal(|ui| {
        if ui.button("Apply").clicked() {
            changed = true;
        }
        if let Some((a, b)) = view.visible
            && ui
                .button("Use visible range")
                .on_hover_text("The part of the timeline on screen")
                .clicked()
        {
            cmds.push(Command::SetRange(Some(a as i64), Some(b as i64)));
        }
    });
    if changed {
        match (
            parse_day(&inputs.from, offset, false),
            parse_day(&inputs.to, offset, true),
        ) {
            (Ok(a), Ok(b)) => {
                inputs.error = None;
                if (a, b) != (f.from, f.to) {
                    cmds.push(Command::SetRange(a, b));
                }
            }
            (Err(e), _) | (_, Err(e)) => inputs.error = Some(e),
        }
    }
    if let Some(e) = &inputs.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.weak("Dates as YYYY, YYYY-MM or YYYY-MM-DD, in the dataset's local time.");
}

fn iso_day(t: i64, offset: chrono::FixedOffset) -> String {
    use chrono::TimeZone;
    offset
        .timestamp_opt(t, 0)
        .single()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// An empty field is an open end; otherwise the start (or, for `to`, the end) of the day,
/// month or year written.
fn parse_day(s: &str, offset: chrono::FixedOffset, end: bool) -> Result<Option<i64>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let span = When::span_as_written(s, offset).map_err(|e| e.to_string())?;
    Ok(Some(if end { span.end - 1 } else { span.start }))
}
