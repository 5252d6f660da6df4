//! One claim's card: who said it and when, what they said, the figures they gave, the claims it
//! disputes, and its sources as links.

use egui::{Frame as EFrame, Margin, RichText, Stroke};

use crate::command::Command;
use crate::model::Side;
use crate::model::link::web_link;
use crate::model::wording::{
    actor_by_id, and_list, claim_actor_names, figure_text, names_of_places, side_label,
};
use crate::model::{Citation, Claim, Dataset, Event, Figure, Source, length};
use crate::ui::bidi::visual;
use crate::ui::cut::{cut_line, cut_text};
use crate::ui::{ViewCtx, ellipsize};

use super::{DrawnCard, Out};

pub(super) fn claim_card(ui: &mut egui::Ui, view: &ViewCtx, e: usize, ci: usize, out: &mut Out) {
    let event = &view.cat.dataset.events[e];
    let claim = &event.claims[ci];
    // A joint statement across sides is no one party's: it gets the neutral outline.
    let side = view.cat.index.side_of_claim(claim);
    let stroke = side.map_or(view.palette.outline, |s| view.palette.fill_of(s));
    let card = EFrame::group(ui.style())
        .stroke(Stroke::new(1.0, stroke.gamma_multiply(0.7)))
        .corner_radius(5.0)
        // Folded, a little tighter: the room is for the words.
        .inner_margin(Margin::same(if out.fold { 6 } else { 8 }))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Columns lay out justified; a card's text reads better ragged.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                let folded = out.fold && !unfolded(ui, e, ci);
                if folded {
                    folded_body(ui, view, e, ci, side, out.folded_rows);
                } else {
                    card_body(ui, view, event, claim, side, out.cmds);
                    if out.fold {
                        fold_link(ui, e, ci, true);
                    }
                }
            });
        });
    let seen = card.response.rect.intersect(ui.clip_rect());
    if seen.is_positive() {
        out.cards.push(DrawnCard {
            event: e,
            claim: ci,
            visible: seen,
        });
    }
    // One node per card for screen readers: who, when, what, from which source.
    let ds = &view.cat.dataset;
    let who = claim_actor_names(ds, &view.cat.index, claim);
    let mut label = format!(
        "Claim by {} ({}), said {}: {}",
        length::shown(&who),
        speaker_label(view, claim),
        ds.when_text(&claim.said, event),
        claim.shown_text()
    );
    let cited: Vec<String> = cited_sources(view, claim)
        .map(|(src, _)| source_words(ds, event, src))
        .collect();
    if !cited.is_empty() {
        let heading = if cited.len() == 1 {
            "Source"
        } else {
            "Sources"
        };
        label.push_str(&format!(" — {heading}: {}", cited.join("; ")));
    }
    crate::ui::accessible_node(
        ui,
        card.response.id,
        egui::Role::Article,
        label,
        card.response.rect,
    );
    ui.add_space(if out.fold { 2.0 } else { 4.0 });
}

/// Where a card's unfolding is kept: for this run, per event and claim.
fn fold_id(e: usize, ci: usize) -> egui::Id {
    egui::Id::unique(("claim card unfolded", e, ci))
}

fn unfolded(ui: &egui::Ui, e: usize, ci: usize) -> bool {
    ui.data(|d| d.get_temp::<bool>(fold_id(e, ci)))
        .unwrap_or(false)
}

/// "more" or "less": unfolds a folded card or folds it again.
fn fold_link(ui: &mut egui::Ui, e: usize, ci: usize, open: bool) {
    let (words, tip) = if open {
        ("less", "Fold this card again")
    } else {
        (
            "more",
            "The whole claim: the places it names, what it disputes, its sources and notes",
        )
    };
    if ui
        .link(RichText::new(words).small())
        .on_hover_text(tip)
        .clicked()
    {
        ui.data_mut(|d| d.insert_temp(fold_id(e, ci), !open));
    }
}

/// A card folded to fit a short panel: who and when on one line, the first lines of what was
/// said, the figures and the sources; "more" shows the rest. Every party's cards fold alike.
fn folded_body(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    e: usize,
    ci: usize,
    side: Option<Side>,
    rows: usize,
) {
    let ds = &view.cat.dataset;
    let event = &ds.events[e];
    let claim = &event.claims[ci];
    let name = claim_actor_names(ds, &view.cat.index, claim);
    let colour = side.map_or(ui.visuals().strong_text_color(), |s| {
        view.palette.text_of(s)
    });
    let said = format!("said {}", ds.when_text(&claim.said, event));
    let role = match claim.actor_ids() {
        _ if !claim.more.actors.is_empty() => Some("joint statement".to_owned()),
        [one] => actor_by_id(ds, &view.cat.index, one).map(|a| visual(&a.role).to_string()),
        _ => None,
    };
    let byline = role.map_or(said.clone(), |r| format!("{r} · {said}"));
    ui.horizontal(|ui| {
        ui.label(RichText::new(visual(&name)).strong().color(colour));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            fold_link(ui, e, ci, false);
            ui.add(egui::Label::new(RichText::new(byline).small().weak()).truncate());
        });
    });
    let text = visual(&claim.shown_text()).to_string();
    let mut job = egui::text::LayoutJob::simple(
        text.clone(),
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
        ui.available_width(),
    );
    job.wrap.max_rows = rows;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let words = ui.add(cut_text(galley.clone()));
    if galley.elided {
        words.on_hover_text(ellipsize(&text, 1200));
    }
    // The figures on one line, cut where the card ends; each whole on hover and under "more".
    if !claim.figures.is_empty() {
        let all: Vec<String> = claim
            .figures
            .iter()
            .map(|f| figure_text(ds, &view.cat.index, f))
            .collect();
        let line = RichText::new(all.join(" · ")).small().strong();
        ui.add(cut_line(line)).on_hover_text(all.join("\n"));
    }
    let cited: Vec<(&Source, &Citation)> = cited_sources(view, claim).collect();
    if !cited.is_empty() {
        // One line: the sources that fit, then how many more (named on hover and under "more").
        ui.horizontal(|ui| {
            ui.label(RichText::new(sources_heading(cited.len())).small());
            let font = egui::TextStyle::Small.resolve(ui.style());
            let words: Vec<String> = cited
                .iter()
                .map(|(src, _)| source_words(ds, event, src))
                .collect();
            for (k, ((src, _), label)) in cited.iter().zip(&words).enumerate() {
                let width = ui
                    .painter()
                    .layout_no_wrap(label.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x;
                let rest = cited.len() - k;
                // Room for this one, and for "+N more" after it unless it is the last.
                let needed = width + if rest > 1 { 70.0 } else { 12.0 };
                if k > 0 && needed > ui.available_width() {
                    ui.label(RichText::new(format!("+{rest} more")).small().weak())
                        .on_hover_text(words[k..].join("\n"));
                    break;
                }
                if k > 0 {
                    ui.label(RichText::new("·").small().weak());
                }
                source_link(ui, label.clone(), src);
            }
        });
    }
}

/// One source's words, a link to it where it has a web address, its address and the
/// curator's note on hover.
fn source_link(ui: &mut egui::Ui, label: String, src: &Source) -> egui::Response {
    let note = src
        .note
        .as_deref()
        .map(|n| format!("Curator's note: {}", visual(&ellipsize(n, 300))));
    let url = src.url.as_deref().and_then(web_link);
    let hover: Vec<&str> = [url, note.as_deref()].into_iter().flatten().collect();
    let shown = match url {
        Some(url) => ui.hyperlink_to(RichText::new(visual(&label)).small(), url),
        None => ui.label(RichText::new(visual(&label)).small()),
    };
    if hover.is_empty() {
        shown
    } else {
        shown.on_hover_text(hover.join("\n"))
    }
}

/// The side a claim speaks for, as its card's screen-reader line says it: "Northern side", or
/// for a joint statement "joint statement: Northern side and Southern side".
fn speaker_label(view: &ViewCtx, claim: &Claim) -> String {
    let ds = &view.cat.dataset;
    if claim.more.actors.is_empty() {
        return side_label(ds, view.cat.index.side_of_actor(&claim.actor));
    }
    // Every side among its actors, in party order and the third parties last.
    let voices = view.cat.index.claim_voices(claim);
    let sides: Vec<String> = Side::all()
        .filter(|&s| voices.has(s))
        .map(|s| side_label(ds, s))
        .collect();
    format!("joint statement: {}", and_list(&sides))
}

fn card_body(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    event: &Event,
    claim: &Claim,
    side: Option<Side>,
    cmds: &mut Vec<Command>,
) {
    let ds = &view.cat.dataset;
    let name = claim_actor_names(ds, &view.cat.index, claim);
    let colour = side.map_or(ui.visuals().strong_text_color(), |s| {
        view.palette.text_of(s)
    });
    ui.label(RichText::new(visual(&name)).strong().color(colour));
    // Role and time on one line: cards stay short enough for the first row to show whole.
    let said = format!("said {}", ds.when_text(&claim.said, event));
    let role = match claim.actor_ids() {
        _ if !claim.more.actors.is_empty() => Some("joint statement".to_owned()),
        [one] => actor_by_id(ds, &view.cat.index, one).map(|a| visual(&a.role).to_string()),
        _ => None,
    };
    match role {
        Some(role) => ui.label(RichText::new(format!("{role} · {said}")).small().weak()),
        None => ui.label(RichText::new(said).small().weak()),
    };
    ui.label(visual(&claim.shown_text()));
    if !claim.more.places.is_empty() {
        let places = names_of_places(ds, &view.cat.index, &claim.more.places);
        ui.label(RichText::new(format!("Places it names: {}", visual(&places))).small());
    }
    if let Some(orig) = &claim.more.original {
        ui.weak(format!(
            "Original ({}): {}",
            visual(&orig.lang),
            visual(&orig.text)
        ));
    }
    if !claim.figures.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for f in &claim.figures {
                figure_chip(ui, view, f);
            }
        });
    }
    disputes_ui(ui, view, claim, cmds);
    also_about_ui(ui, view, event, claim, cmds);
    sources_ui(ui, view, event, claim);
    if let Some(note) = &claim.more.note {
        let words = RichText::new(format!("Curator's note: {}", visual(note)))
            .small()
            .weak();
        if view.presenting.is_some() {
            // On the projector a line, the whole note on hover: the claim comes first.
            ui.add(cut_line(words)).on_hover_text(visual(note));
        } else {
            ui.label(words);
        }
    }
}

fn figure_chip(ui: &mut egui::Ui, view: &ViewCtx, f: &Figure) {
    let text = RichText::new(figure_text(&view.cat.dataset, &view.cat.index, f))
        .small()
        .strong();
    // A chip that does not fit the rest of the row starts the next one, rather than wrap
    // into the sliver left beside the last chip.
    let margin = 12.0;
    let width = egui::WidgetText::from(text.clone())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Small,
        )
        .size()
        .x
        + margin;
    if width > ui.available_size_before_wrap().x && ui.cursor().min.x > ui.max_rect().min.x + 1.0 {
        ui.end_row();
    }
    EFrame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(Stroke::new(
            1.0,
            ui.visuals().widgets.noninteractive.bg_stroke.color,
        ))
        .corner_radius(4.0)
        .inner_margin(Margin::symmetric(5, 1))
        .show(ui, |ui| ui.label(text));
}

/// The claims this one disputes, on one wrapped line: many links (both sides' claims often
/// answer several of the other's) must not push the card's words off the panel.
fn disputes_ui(ui: &mut egui::Ui, view: &ViewCtx, claim: &Claim, cmds: &mut Vec<Command>) {
    let others: Vec<(usize, usize)> = claim
        .disputes
        .iter()
        .filter_map(|id| view.cat.index.claim_position(&view.cat.dataset, id))
        .collect();
    if others.is_empty() {
        return;
    }
    let ds = &view.cat.dataset;
    if view.presenting.is_some() {
        // On the projector one line: who is disputed; the whole list on hover.
        let names: Vec<String> = others
            .iter()
            .map(|&(ei, ci)| claim_actor_names(ds, &view.cat.index, &ds.events[ei].claims[ci]))
            .collect();
        let line = crate::model::wording::disputes_line(&names);
        ui.add(cut_line(RichText::new(visual(&line)).small()))
            .on_hover_text(visual(&names.join("\n")));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("⇄ Disputes").small().strong());
        for (k, &(ei, ci)) in others.iter().enumerate() {
            if k > 0 {
                ui.label(RichText::new("·").small().weak());
            }
            let event = &ds.events[ei];
            let other = &event.claims[ci];
            let who = claim_actor_names(ds, &view.cat.index, other);
            if Some(ei) == view.selected {
                // When it was said tells apart two claims of the same actor.
                let said = ds.when_text(&other.said, event);
                ui.label(RichText::new(format!("{who}'s claim of {said}")).small())
                    .on_hover_text(visual(&ellipsize(&other.text.read(), 300)));
            } else if ui
                .link(
                    RichText::new(visual(&format!(
                        "{who}'s claim in “{}”",
                        ellipsize(&event.title, 40)
                    )))
                    .small(),
                )
                .clicked()
            {
                cmds.push(Command::Select(Some(ei)));
            }
        }
    });
}

/// The other events a claim is about, each a link that selects it; shown with any of them,
/// the claim names the event it is filed under too, so every one of them is a click away.
fn also_about_ui(
    ui: &mut egui::Ui,
    view: &ViewCtx,
    event: &Event,
    claim: &Claim,
    cmds: &mut Vec<Command>,
) {
    if claim.more.also_about.is_empty() {
        return;
    }
    let index = &view.cat.index;
    let events = std::iter::once(&*event.id)
        .chain(claim.more.also_about.iter().map(String::as_str))
        .filter_map(|id| index.event_index(&view.cat.dataset, id))
        .filter(|&e| Some(e) != view.selected);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Also about:").small().strong());
        for e in events {
            let title = &view.cat.dataset.events[e].title;
            if ui
                .link(RichText::new(visual(&format!("“{}”", ellipsize(title, 40)))).small())
                .on_hover_text(visual(title))
                .clicked()
            {
                cmds.push(Command::Select(Some(e)));
            }
        }
    });
}

/// The sources a claim cites that the dataset defines, each with its citation.
fn cited_sources<'v>(
    view: &'v ViewCtx,
    claim: &'v Claim,
) -> impl Iterator<Item = (&'v Source, &'v Citation)> {
    claim.sources.iter().filter_map(|cit| {
        let s = view.cat.index.source_index(&cit.source)?;
        Some((&view.cat.dataset.sources[s], cit))
    })
}

/// "Vale Ministry channel via Lantern Wire via Harbour Post, 2022-09-13": the relay chain
/// and when it was published. A time without an offset is read in the offset of the file of
/// the event citing it (the source's own file, but for a source cited across files).
fn source_words(ds: &Dataset, event: &Event, src: &Source) -> String {
    let mut words = length::shown(&src.chain()).into_owned();
    if let Some(when) = src.when_published(ds.offset_of(event), ds.display_zone()) {
        words.push_str(&format!(", {when}"));
    }
    words
}

/// "Source:" or "Sources:", before `n` of them on a line.
fn sources_heading(n: usize) -> &'static str {
    if n == 1 { "Source:" } else { "Sources:" }
}

fn sources_ui(ui: &mut egui::Ui, view: &ViewCtx, event: &Event, claim: &Claim) {
    if view.presenting.is_some() {
        // On the projector every source on one wrapped line.
        let cited: Vec<_> = cited_sources(view, claim).collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(sources_heading(cited.len())).small());
            for (k, (src, cit)) in cited.into_iter().enumerate() {
                if k > 0 {
                    ui.label(RichText::new("·").small().weak());
                }
                source_link(ui, source_words(&view.cat.dataset, event, src), src);
                if let Some(at) = &cit.at {
                    ui.label(RichText::new(format!("({})", visual(at))).small().weak());
                }
            }
        });
        return;
    }
    for (src, cit) in cited_sources(view, claim) {
        let label = source_words(&view.cat.dataset, event, src);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Source:").small());
            // On hover: the address a link opens, and the curator's note on the source.
            source_link(ui, label, src);
            if let Some(at) = &cit.at {
                ui.label(RichText::new(format!("({})", visual(at))).small().weak());
            }
        });
    }
}
