//! The balance report: `claimline balance` on fixtures with one planted asymmetry each names
//! exactly that one (by id), a clean three-party fixture names none; the app's Balance window
//! opens from its menu entry and shows the same report; and the claims panel says when an
//! event holds only one party's account, in the same words for every party.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use claimline::balance::{Report, one_sided_line};
use claimline::model::Side;

fn balance(files: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimline"))
        .arg("balance")
        .args(files)
        .output()
        .expect("run claimline")
}

/// The report on one fixture of `tests/fixtures/balance/`; it must exit 0.
fn report_on(name: &str) -> String {
    let path = common::fixture(&format!("balance/{name}"));
    let out = balance(&[&path]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The numbered lines under "Asymmetries worth a look:".
fn asymmetries(report: &str) -> Vec<String> {
    report
        .lines()
        .skip_while(|l| *l != "Asymmetries worth a look:")
        .skip(1)
        .map(|l| l.trim().to_owned())
        .collect()
}

/// A party's row of the table, split into its cells (two spaces or more apart).
fn table_row(report: &str, party: &str) -> Vec<String> {
    let line = report
        .lines()
        .find(|l| l.starts_with(&format!("{party} ")))
        .unwrap_or_else(|| panic!("no row for {party}:\n{report}"));
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn caveats_on_one_partys_one_sided_events_only_are_named() {
    let report = report_on("caveats.ron");
    assert_eq!(
        asymmetries(&report),
        [
            "1. Caveats on one-sided events: Northland 1 of 1 (north-raid) with a caveat sentence \
          in the summary; Southland 0 of 1."
        ]
    );
}

#[test]
fn four_times_the_words_on_one_event_is_named() {
    let report = report_on("words.ron");
    assert_eq!(
        asymmetries(&report),
        [
            "1. Words on one event: Event ridge-clash (“Clash on the ridge”): Northland 25 words, \
          Southland 4 words (6.2 times as many)."
        ]
    );
    // The even event is not among the uneven ones; the uneven one is.
    assert!(report.contains("  ridge-clash “Clash on the ridge”, uneven: Northland 86% (25 words), Southland 14% (4 words)"), "{report}");
    assert!(!report.contains("ford-clash"), "{report}");
}

#[test]
fn a_dispute_listed_one_way_is_named_and_one_listed_both_ways_is_not() {
    let report = report_on("disputes.ron");
    assert_eq!(
        asymmetries(&report),
        [
            "1. Dispute listed one way: Claim s1 (event mill-fire) disputes claim n1 (event \
          mill-fire), which does not list s1 in its disputes."
        ]
    );
}

#[test]
fn uneven_shares_of_places_with_coordinates_are_named() {
    let report = report_on("coordinates.ron");
    assert_eq!(
        asymmetries(&report),
        [
            "1. Places with coordinates: Northland 2 of 2 places (100%); Southland 1 of 2 places \
          (50%, without: dene)."
        ]
    );
}

#[test]
fn a_clean_three_party_dataset_has_no_asymmetry_and_three_party_rows() {
    let report = report_on("clean.ron");
    assert!(
        report.contains("\nNo asymmetries of the kinds checked.\n"),
        "{report}"
    );
    assert!(asymmetries(&report).is_empty());
    // Party, claims, words, figures, one-sided, caveated, caveats, disputes out and in,
    // quoted loaded words, places with coordinates.
    // Northland and Southland dispute each other: the same counts, party for party.
    for party in ["Northland", "Southland"] {
        assert_eq!(
            table_row(&report, party),
            [
                party,
                "2",
                "14",
                "0",
                "1",
                "1",
                "1",
                "1",
                "1",
                "0",
                "1 of 1 (100%)"
            ]
        );
    }
    assert_eq!(
        table_row(&report, "Eastmark"),
        [
            "Eastmark",
            "2",
            "14",
            "0",
            "1",
            "1",
            "1",
            "0",
            "0",
            "0",
            "1 of 1 (100%)"
        ]
    );
    assert_eq!(
        table_row(&report, "Third parties"),
        [
            "Third parties",
            "1",
            "7",
            "0",
            "–",
            "–",
            "–",
            "0",
            "0",
            "0",
            "–"
        ]
    );
    let header = report.lines().find(|l| l.starts_with("Party ")).unwrap();
    let rows = report
        .lines()
        .skip_while(|l| !l.starts_with("Party "))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .count();
    assert_eq!(rows, 4, "three parties and the third parties");
    // Aligned: every row of the table as wide as the header or narrower, the numbers'
    // columns ending where their headings end.
    let claims_end = header.find("Claims").unwrap() + "Claims".len();
    for party in ["Northland", "Southland", "Eastmark", "Third parties"] {
        let line = report.lines().find(|l| l.starts_with(party)).unwrap();
        let chars: Vec<char> = line.chars().collect();
        assert!(chars[claims_end - 1].is_ascii_digit(), "{line}");
        assert_eq!(chars[claims_end], ' ', "{line}");
    }
}

#[test]
fn a_file_that_does_not_load_prints_its_errors_at_file_line_col_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: 2, dataset: (title: \"x\",)").unwrap();
    let out = balance(&[&bad]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty());
    let first = stderr.lines().next().unwrap();
    let name = bad.display().to_string();
    assert!(first.starts_with(&format!("{name}:")), "{first}");
    let parts: Vec<&str> = first[name.len()..].splitn(4, ':').collect();
    assert!(
        parts[1].parse::<usize>().is_ok() && parts[2].parse::<usize>().is_ok(),
        "{first} has no line:col"
    );
    assert!(first.contains(": error: "), "{first}");
}

#[test]
fn the_report_and_the_one_sided_line_agree() {
    let cat = claimline::query::Catalog::new(
        claimline::import::load_paths(&[common::fixture("balance/caveats.ron")])
            .dataset
            .unwrap(),
    );
    let report = Report::new(&cat);
    let one_sided: Vec<&str> = report.parties[0]
        .one_sided
        .iter()
        .chain(&report.parties[1].one_sided)
        .flat_map(|o| &o.events)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(one_sided, ["north-raid", "south-raid"]);
    for id in one_sided {
        let e = cat.index.event_index(&cat.dataset, id).unwrap();
        assert!(claimline::balance::one_sided_party(&cat.index, e).is_some());
    }
    let talks = cat.index.event_index(&cat.dataset, "river-talks").unwrap();
    assert_eq!(claimline::balance::one_sided_party(&cat.index, talks), None);
    assert_eq!(
        one_sided_line(&cat.dataset, Side::SECOND),
        "Only the Southern side's account is in this data for this event."
    );
}

/// Opens the Balance window as a user does: the View menu, then its entry.
fn open_balance_from_the_menu(h: &mut egui_kittest::Harness<'_, claimline::app::ClaimlineApp>) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Balance report").click();
    h.run();
}

#[test]
fn the_balance_window_opens_from_the_view_menu_and_shows_every_party_and_the_asymmetry() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["balance/clean.ron"]);
    assert!(h.query_by_role_and_label(Role::Window, "Balance").is_none());
    open_balance_from_the_menu(&mut h);
    let window = h.get_by_role_and_label(Role::Window, "Balance");
    // Each party's row: its name, and its claims and words after it.
    for party in ["Northland", "Southland", "Eastmark", "Third parties"] {
        window.get_by_label(party);
    }
    window.get_by_label("No asymmetries of the kinds checked.");

    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["balance/caveats.ron"]);
    open_balance_from_the_menu(&mut h);
    let window = h.get_by_role_and_label(Role::Window, "Balance");
    for party in ["Northland", "Southland", "Third parties"] {
        window.get_by_label(party);
    }
    window.get_by_label(
        "1. Caveats on one-sided events: Northland 1 of 1 (north-raid) with a caveat sentence in \
         the summary; Southland 0 of 1.",
    );
    assert!(h.state().selected.is_none());
    // The asymmetry's button selects the event it names.
    // The asymmetry's button comes first; the event's share line has one too.
    h.get_by_role_and_label(Role::Window, "Balance")
        .query_all_by_role_and_label(Role::Button, "Select north-raid")
        .next()
        .unwrap()
        .click();
    h.run();
    let cat = h.state().catalog.as_ref().unwrap();
    let north_raid = (cat.index).event_index(&cat.dataset, "north-raid").unwrap();
    assert_eq!(h.state().selected, Some(north_raid));
    // The window stays open beside the selection, and its close button hides it.
    h.get_by_role_and_label(Role::Window, "Balance");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(&ctx, vec![claimline::command::Command::ShowBalance(false)]);
    h.run();
    assert!(h.query_by_role_and_label(Role::Window, "Balance").is_none());
}

#[test]
fn a_planted_word_asymmetry_is_in_the_window_and_its_button_selects_the_event() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let mut h = common::build_on(common::builder(1280.0, 720.0), &["balance/words.ron"]);
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        &ctx,
        vec![claimline::command::Action::ShowBalance.command()],
    );
    h.run();
    let window = h.get_by_role_and_label(Role::Window, "Balance");
    window.get_by_label_contains("1. Words on one event: Event ridge-clash");
    // Two buttons name ridge-clash: the asymmetry's and the event's share line; the first
    // is the asymmetry's.
    window
        .query_all_by_role_and_label(Role::Button, "Select ridge-clash")
        .next()
        .unwrap()
        .click();
    h.run();
    let cat = h.state().catalog.as_ref().unwrap();
    let ridge = (cat.index)
        .event_index(&cat.dataset, "ridge-clash")
        .unwrap();
    assert_eq!(h.state().selected, Some(ridge));
}

/// The one-sided line the claims panel shows for the selected event, if any.
fn one_sided_shown(h: &egui_kittest::Harness<'_, claimline::app::ClaimlineApp>) -> Vec<String> {
    use egui_kittest::kittest::{NodeT, Queryable};
    h.query_all_by_label_contains("account is in this data for this event")
        .map(|n| {
            let node = n.accesskit_node();
            // egui's labels give their text as the node's value.
            node.value()
                .or(node.label())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn the_claims_panel_says_when_only_one_partys_account_is_in_the_data() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["balance/caveats.ron"]);
    common::select(&mut h, "north-raid");
    let north = one_sided_shown(&h);
    assert_eq!(
        north,
        ["Only the Northern side's account is in this data for this event."]
    );
    common::select(&mut h, "south-raid");
    let south = one_sided_shown(&h);
    assert_eq!(
        south,
        ["Only the Southern side's account is in this data for this event."]
    );
    // The same words apart from the name.
    assert_eq!(
        north[0].replace("Northern", "_"),
        south[0].replace("Southern", "_")
    );
    // Both parties spoke on the talks: no line.
    common::select(&mut h, "river-talks");
    assert!(one_sided_shown(&h).is_empty());
}

/// The one-sided line in a picture of the claims panel: `claimline export --view claims`
/// draws the panel itself, so the picture says what the window says.
#[test]
fn an_exported_claims_panel_says_when_only_one_partys_account_is_in_the_data() {
    use claimline::cli::export::{draw, prepare};
    let lines = |select: &str| -> Vec<String> {
        let mut req = common::export_request(
            claimline::export::Target::Claims,
            (900, 500),
            Some(select),
            &["balance/caveats.ron"],
        );
        req.range = None;
        let (mut app, headless) = prepare(&req).unwrap();
        let mut headless = headless.with_accesskit();
        draw(&mut app, &mut headless, &req).unwrap();
        (headless.accessible.iter())
            .filter(|n| n.value.contains("account is in this data"))
            .map(|n| n.value.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    assert_eq!(
        lines("south-raid"),
        ["Only the Southern side's account is in this data for this event."]
    );
    assert!(lines("river-talks").is_empty());
}
