//! Sources that relay other channels, with publication times and curator's notes (format 2):
//! on the claim cards (what AccessKit reports), in the caption's sources, in the CSV's columns
//! and through the RON export and back. Invented fixture; no GPU or display.

mod common;

use egui_kittest::kittest::Queryable;

use claimline::export::caption::{claims_of, outlets};
use claimline::export::data::{CSV_HEADER, subset, to_csv, to_ron};
use claimline::import::load_paths;
use claimline::load::{SourceText, load_texts};
use claimline::query::Catalog;

fn relayed() -> Catalog {
    let out = load_paths(&[common::fixture("relayed.ron")]);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    Catalog::new(out.dataset.unwrap())
}

#[test]
fn a_card_names_the_relay_chain_and_when_the_source_was_published() {
    let mut h = common::build_on(common::builder(1600.0, 1000.0), &["relayed.ron"]);
    common::select(&mut h, "vesk-fire");
    // The chain reads from the original channel to the outlet read, as "Lantern Wire via
    // Harbour Post" written in one `outlet` would.
    let chain =
        "Northland Ministry channel via Lantern Wire via Harbour Post, 13 Sep 2022 10:30 UTC+04:00";
    h.get_by_label_contains(&format!(
        "Claim by Northland Defence Ministry (Northern side), said 13 Sep 2022 02:00 UTC+04:00: The ministry said Southern units opened fire near Vesk. — Source: {chain}"
    ));
    // The card's visible source line says the same, as a link.
    h.get_by_label(chain);
    // An undated page reads so, with its bound; a plain source as it always has.
    h.get_by_label_contains(
        "— Sources: Southern Courier, undated (after 2022-10-01); Plains Ledger, 2022-09-14",
    );
    h.get_by_label("Southern Courier, undated (after 2022-10-01)");
    h.get_by_label("Plains Ledger, 2022-09-14");
    // The curator's note on the source shows on hover, not before.
    assert_eq!(
        h.query_all_by_label_contains("Curator's note: stored copy")
            .count(),
        0
    );
    h.get_by_label(chain).hover();
    h.run();
    // The curator's note shows below the address the link opens.
    h.get_by_label(
        "https://example.org/harbour\nCurator's note: stored copy; the original page is gone",
    );
}

#[test]
fn a_caption_credits_each_source_with_its_relays() {
    let cat = relayed();
    let e = cat.index.event_index(&cat.dataset, "vesk-fire").unwrap();
    let claims = claims_of(&cat.dataset, &[e]);
    assert_eq!(
        outlets(&cat.dataset, &cat.index, &claims),
        [
            "Northland Ministry channel via Lantern Wire via Harbour Post",
            "Plains Ledger",
            "Southern Courier"
        ]
    );
}

#[test]
fn csv_gives_relays_publication_and_note_in_columns_of_their_own_at_the_end() {
    let cat = relayed();
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let csv = String::from_utf8(to_csv(&cat.dataset, &cat.index, &all).unwrap()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, CSV_HEADER);
    // The columns that were there before keep their places; the new ones come last.
    assert_eq!((&*header[15], &*header[18]), ("sources", "party"));
    let via = header.iter().position(|h| h == "source_via").unwrap();
    assert!(via > 18);
    assert_eq!(
        &header[via..via + 3],
        ["source_via", "source_published", "source_note"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cells = |claim: &str| -> Vec<String> {
        let row = rows.iter().find(|r| &r[6] == claim).unwrap();
        let named = [
            "sources",
            "disputes",
            "dataset",
            "party",
            "source_via",
            "source_published",
            "source_note",
        ];
        named
            .iter()
            .map(|n| row[header.iter().position(|h| h == n).unwrap()].to_owned())
            .collect()
    };
    assert_eq!(
        cells("r1"),
        [
            "Harbour Post, https://example.org/harbour",
            "",
            "“Relayed sources fixture” (curated by Fixture curator Relay; CC0 1.0)",
            "north",
            "Lantern Wire; Northland Ministry channel",
            "13 Sep 2022 10:30 UTC+04:00",
            "stored copy; the original page is gone",
        ]
    );
    // Two sources: each field's parts in the order of `sources`, the second source's empty.
    assert_eq!(
        cells("r2")[0],
        "Southern Courier | Plains Ledger, 2022-09-14"
    );
    assert_eq!(cells("r2")[4..], ["", "undated (after 2022-10-01) | ", ""]);
}

#[test]
fn relays_publication_and_notes_survive_the_ron_export() {
    let cat = relayed();
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    let ds = common::ron_round_trip(&cat, &all);
    assert_eq!(ds.sources, cat.dataset.sources);
    let relay = ds.sources.iter().find(|s| s.id == "harbour-relay").unwrap();
    assert_eq!(relay.via, ["Lantern Wire", "Northland Ministry channel"]);
    assert_eq!(
        relay.published.as_ref().and_then(|p| p.at.as_deref()),
        Some("2022-09-13T10:30")
    );
}

#[test]
fn a_publication_time_keeps_its_files_offset_when_merged_and_exported() {
    // The relayed file read at +03:00, after a file at +04:00 that names the dataset's zone.
    // (It has an event: a file of definitions alone never names the dataset.)
    let head = r#"(format: 2, dataset: (title: "Head", description: "D", curator: "C", licence: "L", utc_offset: "+04:00"), events: [(id: "h", title: "Head event", when: (at: "2022-09-12", precision: Day), kind: Statement, summary: "S")])"#;
    let relayed = std::fs::read_to_string(common::fixture("relayed.ron"))
        .unwrap()
        .replacen(r#"utc_offset: "+04:00""#, r#"utc_offset: "+03:00""#, 1);
    let texts = [("head.ron", head), ("relayed.ron", relayed.as_str())].map(|(n, t)| SourceText {
        name: n.into(),
        text: t.into(),
    });
    let out = load_texts(&texts);
    assert_eq!(out.error_count(), 0, "{:#?}", out.diagnostics);
    let cat = Catalog::new(out.dataset.unwrap());
    let all: Vec<usize> = (0..cat.dataset.events.len()).collect();
    // 10:30 at +03:00 is 11:30 in the dataset's zone.
    let csv = String::from_utf8(to_csv(&cat.dataset, &cat.index, &all).unwrap()).unwrap();
    assert!(
        csv.contains("13 Sep 2022 11:30 UTC+04:00 (10:30 UTC+03:00 as written)"),
        "{csv}"
    );
    // The subset is read at +04:00: the time carries its own +03:00.
    let text = to_ron(&subset(&cat.dataset, &all, "Filters: none")).unwrap();
    let again = load_texts(&[SourceText {
        name: "subset.ron".into(),
        text: text.clone(),
    }]);
    assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
    let ds = again.dataset.unwrap();
    let relay = ds.sources.iter().find(|s| s.id == "harbour-relay").unwrap();
    assert_eq!(
        relay.published.as_ref().and_then(|p| p.at.as_deref()),
        Some("2022-09-13T10:30+03:00"),
        "{text}"
    );
}
