//! How the window shares its room: on a laptop-sized window the claim panels get the room
//! (the filters fold, the event list becomes a tab, the timeline takes less height), on a
//! wide one everything stands side by side, and the user's toggles and split sizes are
//! remembered across runs.

mod common;

use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use claimline::app::{ClaimlineApp, Start};
use claimline::model::Side;
use claimline::model::wording::side_label;
use claimline::session::state::State;

type H = Harness<'static, ClaimlineApp>;

fn cat(h: &H) -> &claimline::query::Catalog {
    h.state().catalog.as_ref().unwrap()
}

/// The cards of `side`'s column on screen, top to bottom, found by what their screen-reader
/// node says: "Claim by …(Armenian side), said …".
fn column_cards(h: &H, side: Side) -> Vec<Rect> {
    let label = side_label(&cat(h).dataset, side);
    let mut cards: Vec<Rect> = h
        .query_all_by_label_contains(&format!("({label}), said"))
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Article)
        .map(|n| n.rect())
        .collect();
    cards.sort_by(|a, b| a.min.y.total_cmp(&b.min.y));
    cards
}

/// Why the first two cards of each party's column of event `e` are not both whole on
/// screen inside the claims area, or none when they are.
fn first_cards_cut(h: &H, e: usize) -> Option<String> {
    let window = h.ctx.content_rect();
    let claims = h.state().panels.regions.claims;
    let mut why = Vec::new();
    for side in [Side::FIRST, Side::SECOND] {
        let claims_of_side = cat(h).dataset.events[e]
            .claims
            .iter()
            .filter(|c| cat(h).index.side_of_claim(c) == Some(side))
            .count();
        let cards = column_cards(h, side);
        assert!(
            cards.len() >= claims_of_side.min(2),
            "{} cards found for {side:?}",
            cards.len()
        );
        for (i, card) in cards.iter().take(2).enumerate() {
            if !window.contains_rect(*card) || !claims.contains_rect(*card) {
                why.push(format!(
                    "{side:?} card {i} at {card:?} is cut (claims area {claims:?})"
                ));
            }
        }
    }
    (!why.is_empty()).then(|| format!("event {}: {}", cat(h).dataset.events[e].id, why.join("; ")))
}

#[test]
fn on_a_laptop_a_contested_event_shows_two_whole_cards_a_column() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    let (e, _, _) = common::contested(cat(&h));
    let id = cat(&h).dataset.events[e].id.clone();
    common::select(&mut h, &id);
    if let Some(why) = first_cards_cut(&h, e) {
        panic!("{why}");
    }
}

#[test]
fn on_a_laptop_every_contested_event_shows_two_whole_cards_a_column() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    let contested: Vec<usize> = (0..cat(&h).dataset.events.len())
        .filter(|&e| cat(&h).index.events[e].voices.is_contested())
        .collect();
    assert!(contested.len() > 3);
    let mut cut = Vec::new();
    for e in contested {
        let id = cat(&h).dataset.events[e].id.clone();
        common::select(&mut h, &id);
        cut.extend(first_cards_cut(&h, e));
    }
    assert!(cut.is_empty(), "{}", cut.join("\n"));
}

/// Whether the filter sidebar is drawn: its "Contested only" choice can be read.
fn filters_shown(h: &H) -> bool {
    h.query_all_by_label_contains("Contested only (")
        .next()
        .is_some()
}

#[test]
fn the_filter_sidebar_folds_and_opens_and_is_remembered() {
    let mut h = common::build(common::builder(1600.0, 1000.0));
    assert!(filters_shown(&h), "a wide window opens with the filters");
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    assert!(!filters_shown(&h), "the shortcut folds them");
    // The folded strip opens them again.
    h.get_by_label("Show the filters").click();
    h.run();
    assert!(filters_shown(&h));
    // The top bar's toggle folds them.
    h.query_all_by_label("Filters")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("the top bar's toggle")
        .click();
    h.run();
    assert!(!filters_shown(&h));
    // Folded, the filters in use are still shown, as chips above the timeline.
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::SetContested(true)]);
    h.run();
    assert!(
        h.query_all_by_label_contains("Contested only")
            .next()
            .is_some()
    );
    assert!(
        h.get_by_label_contains("Show the filters (some are in use)")
            .rect()
            .is_positive()
    );

    // A later run, on the same wide window, keeps them folded.
    let mut again = restarted(&h, 1600.0, 1000.0);
    assert!(!filters_shown(&again), "the folded sidebar is remembered");
    again.key_press_modifiers(Modifiers::COMMAND, Key::B);
    again.run();
    assert!(filters_shown(&again));
    // And a narrow one opens with them open, as the user last chose.
    let narrow = restarted(&again, 1280.0, 700.0);
    assert!(filters_shown(&narrow));
}

#[test]
fn searching_opens_the_folded_sidebar() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    assert!(
        !filters_shown(&h),
        "a narrow window opens with the filters folded"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(filters_shown(&h));
    assert!(h.get_by_label("Search").is_focused() || h.ctx.text_edit_focused());
}

/// The app as a later run starts it from what this one saved: its settings and egui's memory
/// (panel sizes), as eframe keeps them, in a window of `w`×`h`.
fn restarted(h: &H, w: f32, height: f32) -> H {
    let state = ron::to_string(&h.state().persisted()).unwrap();
    let memory = ron::to_string(&h.ctx.memory(|m| m.clone())).unwrap();
    let state: State = ron::from_str(&state).unwrap();
    let memory: egui::Memory = ron::from_str(&memory).unwrap();
    let mut next = common::builder(w, height).build_eframe(move |cc| {
        cc.egui_ctx.memory_mut(|m| *m = memory);
        ClaimlineApp::start(&cc.egui_ctx, Start::default(), Some(state))
    });
    common::run_until(&mut next, "the files load", |app| {
        app.catalog.is_some() && app.files.job().is_none()
    });
    next.run();
    next
}

/// The event list's heading, which stands over the list wherever it is.
fn list_shown(h: &H) -> bool {
    h.query_all_by_label("Events")
        .any(|n| n.accesskit_node().role() == egui::accesskit::Role::Label)
}

#[test]
fn on_a_narrow_window_the_event_list_is_a_tab_and_picking_shows_the_claims() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    assert!(!list_shown(&h), "the list is a tab, not a column");
    let n = h.state().derived.query.events.len();
    h.get_by_label(&format!("Events ({n})")).click();
    h.run();
    assert!(list_shown(&h));
    // Picking an event in the list shows its claims.
    let (e, first, _) = common::contested(cat(&h));
    let title = cat(&h).dataset.events[e].title.clone();
    h.query_all_by_label(&title)
        .next()
        .expect("its row")
        .click();
    h.run();
    assert_eq!(h.state().selected, Some(e));
    assert!(!list_shown(&h), "the claims tab is back");
    assert!(h.query_all_by_label_contains(&first).next().is_some());
    // The arrow keys step through the events, on either tab.
    h.key_press(Key::ArrowRight);
    h.run();
    let after = h.state().selected;
    assert_ne!(after, Some(e));
    h.get_by_label(&format!("Events ({n})")).click();
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().selected, Some(e));
    assert!(list_shown(&h), "stepping keeps the list in view");
}

#[test]
fn the_list_can_stand_beside_the_claims_on_a_narrow_window_too() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert!(list_shown(&h));
    assert!(
        h.query_all_by_label_contains("Events (").next().is_none(),
        "no tabs"
    );
}

#[test]
fn a_wide_window_shows_filters_list_and_claims_side_by_side() {
    let mut h = common::build(common::builder(1600.0, 1000.0));
    let (e, first, second) = common::contested(cat(&h));
    let id = cat(&h).dataset.events[e].id.clone();
    common::select(&mut h, &id);
    assert!(filters_shown(&h));
    assert!(list_shown(&h));
    let filters = h.get_by_label_contains("Contested only (").rect();
    let list = h.get_by_label("Events").rect();
    let claims = h.state().panels.regions.claims;
    let card = |text: &str| {
        h.query_all_by_label_contains(text)
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Article)
            .expect("its card")
            .rect()
    };
    let (card, other) = (card(&first), card(&second));
    assert!(other.is_positive());
    assert!(
        filters.max.x <= claims.min.x,
        "{filters:?} left of {claims:?}"
    );
    assert!(claims.max.x <= list.min.x, "{claims:?} left of {list:?}");
    // Each column starts in the claims area (the cards are whole here: tall ones run on below).
    for card in [card, other] {
        assert!(claims.contains(card.left_top()), "{card:?} in {claims:?}");
    }
}

#[test]
fn a_dragged_split_is_remembered() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    let area = h.state().panels.regions.timeline;
    // The split's handle is the timeline area's bottom edge.
    let from = egui::pos2(area.center().x, area.max.y + 1.0);
    let to = from + egui::vec2(0.0, 60.0);
    common::drag_in_steps(&mut h, from, to);
    let dragged = h.state().panels.regions.timeline.height();
    assert!(
        (dragged - area.height() - 60.0).abs() < 4.0,
        "{} to {dragged}",
        area.height()
    );
    let again = restarted(&h, 1280.0, 700.0);
    let kept = again.state().panels.regions.timeline.height();
    assert!((kept - dragged).abs() < 1.0, "{dragged} then {kept}");
}

/// Whether any card of the claims panel is folded: a folded card offers "more".
fn folded(h: &H) -> bool {
    h.query_all_by_label("more").next().is_some()
}

/// Cards fold only when the first two of a column would not be whole: an event of a few
/// short claims is shown whole on a laptop, an event of long ones folds there and not in a
/// tall window.
#[test]
fn cards_fold_only_when_the_first_two_would_not_fit() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    let words = |h: &H, e: usize| -> usize {
        cat(h).dataset.events[e]
            .claims
            .iter()
            .map(|c| c.text.read().split_whitespace().count())
            .sum()
    };
    let with_claims: Vec<usize> = (0..cat(&h).dataset.events.len())
        .filter(|&e| !cat(&h).dataset.events[e].claims.is_empty())
        .collect();
    let shortest = *with_claims.iter().min_by_key(|&&e| words(&h, e)).unwrap();
    let longest = *with_claims.iter().max_by_key(|&&e| words(&h, e)).unwrap();
    let id = |h: &H, e: usize| cat(h).dataset.events[e].id.clone();

    let short_id = id(&h, shortest);
    common::select(&mut h, &short_id);
    assert!(!folded(&h), "{short_id}: its few words fit unfolded");

    let long_id = id(&h, longest);
    common::select(&mut h, &long_id);
    assert!(
        folded(&h),
        "{long_id}: its first cards need folding at 1280x700"
    );
    if let Some(why) = first_cards_cut(&h, longest) {
        panic!("{why}");
    }

    let mut tall = common::build(common::builder(1600.0, 2200.0));
    common::select(&mut tall, &long_id);

    assert!(!folded(&tall), "{long_id}: a tall window shows it whole");
}

/// A folded card's cut text shows whole on hover, once: egui's own tooltip for a cut label
/// would stack a second copy under the card's.
#[test]
fn a_cut_claim_shows_its_whole_text_in_one_tooltip() {
    let mut h = common::build(common::builder(1280.0, 700.0));
    let longest = (0..cat(&h).dataset.events.len())
        .max_by_key(|&e| {
            let claims = &cat(&h).dataset.events[e].claims;
            claims.iter().map(|c| c.text.read().len()).sum::<usize>()
        })
        .unwrap();
    let id = cat(&h).dataset.events[longest].id.clone();
    common::select(&mut h, &id);
    assert!(folded(&h), "{id}: its cards fold at 1280x700");
    // A long claim whose folded card is in view: its text is cut to the fold's rows, and
    // its label carries the whole text.
    let region = h.state().panels.regions.claims;
    let text = cat(&h).dataset.events[longest]
        .claims
        .iter()
        .map(|c| c.text.to_string())
        .filter(|t| t.len() > 400)
        .find(|t| {
            h.query_all_by_value(t)
                .any(|n| region.contains_rect(n.rect()) && n.rect().height() < 60.0)
        })
        .expect("a long claim's card in view");
    let copies = |h: &H| h.query_all_by_value(&text).count();
    assert_eq!(copies(&h), 1, "the card alone, before hovering");
    h.get_by_value(&text).hover();
    for _ in 0..4 {
        h.step();
    }
    assert_eq!(copies(&h), 2, "the card and one tooltip");
}
