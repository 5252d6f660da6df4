//! Tour files (`.tour.ron`): a teacher's tours kept apart from the datasets they walk through,
//! opened beside them and checked with them, problems named at their line and column.

mod common;

use std::path::Path;
use std::process::Command;

use claimline::load::LoadOutcome;
use common::load_named as load;

/// An invented dataset (two parties, three events), as a file beside the tour.
const DATASET: &str = include_str!("fixtures/borderland.ron");

/// A tour of both events, one line each so that positions are easy to state.
const TOUR: &str = r#"(
    format: 2,
    utc_offset: "+04:00",
    tours: [
        (id: "lesson", title: "Two days in the vale", steps: [
            (event: "night-fire", caption: "Both ministries speak", zoom: (from: "2022-09-12", to: "2022-09-14")),
            (event: "tolls-north"),
        ]),
    ],
)
"#;

fn lines(out: &LoadOutcome) -> Vec<String> {
    out.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn a_tour_file_opens_beside_its_dataset_in_either_order() {
    for files in [
        [("borderland.ron", DATASET), ("lesson.tour.ron", TOUR)],
        [("lesson.tour.ron", TOUR), ("borderland.ron", DATASET)],
    ] {
        let out = load(&files);
        assert!(out.diagnostics.is_empty(), "{:#?}", lines(&out));
        let ds = out.dataset.expect("the dataset and its tour load");
        assert_eq!(
            ds.info.title, "Borderland fixture",
            "the dataset, not the tour file, names the whole"
        );
        assert_eq!(ds.tours.len(), 1);
        let steps: Vec<&str> = ds.tours[0].steps.iter().map(|s| s.event.as_str()).collect();
        assert_eq!(steps, ["night-fire", "tolls-north"]);
    }
}

#[test]
fn a_step_naming_a_missing_event_is_an_error_at_its_line_and_column_with_a_suggestion() {
    let tour = TOUR.replace(r#"(event: "tolls-north")"#, r#"(event: "tolls-nort")"#);
    let out = load(&[("borderland.ron", DATASET), ("lesson.tour.ron", &tour)]);
    assert_eq!(
        lines(&out),
        [
            r#"lesson.tour.ron:7:21: error: unknown event "tolls-nort" (did you mean "tolls-north"?)"#
        ]
    );
    assert!(
        out.dataset.is_none(),
        "an error keeps the files from loading"
    );
}

#[test]
fn a_caption_in_loaded_words_is_a_warning_as_for_curated_text() {
    let tour = TOUR.replace("Both ministries speak", "The attack begins");
    let out = load(&[("borderland.ron", DATASET), ("lesson.tour.ron", &tour)]);
    let found = lines(&out);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("lesson.tour.ron:6:44: warning: tour caption uses \"attack\""),
        "{found:#?}"
    );
}

#[test]
fn a_tour_file_alone_says_to_open_it_with_its_datasets() {
    let out = load(&[("lesson.tour.ron", TOUR)]);
    let found = lines(&out);
    assert!(
        found
            .iter()
            .any(|l| l
                .contains("a tour file walks through the events of the datasets opened with it")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("lesson.tour.ron:6:21: error: unknown event")),
        "{found:#?}"
    );
}

#[test]
fn a_tour_file_holds_only_tours() {
    let tour = TOUR.replace(
        "    utc_offset: \"+04:00\",\n",
        "    dataset: (title: \"T\", description: \"D\", curator: \"C\", licence: \"L\"),\n",
    );
    let out = load(&[("borderland.ron", DATASET), ("lesson.tour.ron", &tour)]);
    let found = lines(&out);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("lesson.tour.ron:3:") && found[0].contains("dataset"),
        "{found:#?}"
    );
    // A wrong offset is named where it stands, as in a dataset's header.
    let tour = TOUR.replace("+04:00", "+4h");
    let out = load(&[("borderland.ron", DATASET), ("lesson.tour.ron", &tour)]);
    let found = lines(&out);
    assert!(
        found.len() == 1 && found[0].starts_with("lesson.tour.ron:3:17: error:"),
        "{found:#?}"
    );
}

#[test]
fn claimline_check_names_the_tour_files_problems() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("written");
        path
    };
    let dataset = write("borderland.ron", DATASET);
    let tour = write(
        "lesson.tour.ron",
        &TOUR.replace(r#"(event: "tolls-north")"#, r#"(event: "tolls-nort")"#),
    );
    let check = |files: &[&Path]| {
        Command::new(env!("CARGO_BIN_EXE_claimline"))
            .arg("check")
            .args(files)
            .output()
            .expect("claimline runs")
    };
    let out = check(&[&dataset, &tour]);
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains(
            r#"lesson.tour.ron:7:21: error: unknown event "tolls-nort" (did you mean "tolls-north"?)"#
        ),
        "{said}"
    );
    let good = write("good.tour.ron", TOUR);
    let out = check(&[&dataset, &good]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
