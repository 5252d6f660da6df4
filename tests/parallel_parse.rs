//! A large file's events are parsed on several threads (`load::split`): the result must be
//! exactly what the whole-file parse gives, for each shape `gen` writes and for the bundled
//! dataset, and a file with an error must still be reported at its line and column.

use claimline::cli::generate::{Shape, Spec, generate_shaped, to_ron};
use claimline::load::{SourceText, parse, parse_as, split};
use claimline::model::DatasetFile;

fn whole(name: &str, text: &str) -> DatasetFile {
    let src = SourceText {
        name: name.to_owned(),
        text: text.to_owned(),
    };
    parse_as(&src, "a dataset").expect("parses whole")
}

#[test]
fn generated_files_parse_on_threads_exactly_as_whole() {
    for (shape, events) in [(Shape::Analyst, 5_000), (Shape::Acled, 20_000)] {
        let text = to_ron(&generate_shaped(Spec { events, seed: 7 }, Some(3), shape)).unwrap();
        assert!(
            text.len() >= split::PARALLEL_FROM_BYTES,
            "{shape:?}: {} bytes",
            text.len()
        );
        let expected = whole("gen.ron", &text);
        assert_eq!(expected.events.len(), events);
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        for threads in [2, 3] {
            let split = split::parse(&text, &options, threads).expect("the scan cuts it");
            assert!(split == expected, "{shape:?} on {threads} threads differs");
        }
        // And through the loader's own entry, which takes the threaded path at this size.
        let src = SourceText {
            name: "gen.ron".to_owned(),
            text,
        };
        assert!(parse(&src).unwrap() == expected);
    }
}

#[test]
fn the_bundled_file_cuts_and_parses_as_whole() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/2022-09-armenia-azerbaijan-border.ron"
    ))
    .unwrap();
    let expected = whole("bundled.ron", &text);
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let split = split::parse(&text, &options, 2).expect("the scan cuts it");
    assert!(split == expected);
}

#[test]
fn an_error_in_a_large_file_is_still_reported_at_its_line_and_column() {
    let text = to_ron(&generate_shaped(
        Spec {
            events: 5_000,
            seed: 3,
        },
        Some(2),
        Shape::Analyst,
    ))
    .unwrap();
    // Break one event's kind far into the file.
    let at = text.len() * 3 / 4;
    let kind = at + text[at..].find("kind: ").unwrap() + "kind: ".len();
    let mut broken = text.clone();
    broken.replace_range(kind..kind + 1, "Q");
    let line = broken[..kind].matches('\n').count() + 1;
    let src = SourceText {
        name: "broken.ron".to_owned(),
        text: broken,
    };
    let errors = parse(&src).unwrap_err();
    assert!(
        errors.iter().any(|d| d.at.is_some_and(|p| p.line == line)),
        "line {line}: {errors:?}"
    );
}

/// A 2,000,000-event file parses for half a minute: the loading window's bar follows the
/// bytes parsed, reported while the threads work, and Cancel stops them.
#[test]
fn parsing_a_large_file_reports_its_progress_and_stops_when_cancelled() {
    let text = to_ron(&generate_shaped(
        Spec {
            events: 5_000,
            seed: 3,
        },
        Some(3),
        Shape::Analyst,
    ))
    .unwrap();
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let start = std::time::Instant::now();
    let mut reports: Vec<(std::time::Duration, u64)> = Vec::new();
    let out = split::parse_observed(&text, &options, 2, &mut |bytes| {
        reports.push((start.elapsed(), bytes));
        true
    });
    let split::Split::Parsed(file) = out else {
        panic!("parses: {out:?}")
    };
    assert_eq!(file.events.len(), 5_000);
    let bytes: Vec<u64> = reports.iter().map(|r| r.1).collect();
    assert!(bytes.windows(2).all(|w| w[0] <= w[1]), "{bytes:?}");
    // The last report is the whole events list, less the commas between items.
    let last = *bytes.last().expect("at least the final report");
    assert!(last as usize > text.len() * 9 / 10 && last as usize <= text.len());
    // Reports while the threads work, each within a second of the one before.
    let distinct = bytes.iter().filter(|&&b| b < last).count();
    assert!(distinct >= 2, "only the end was reported: {bytes:?}");
    let mut at = std::time::Duration::ZERO;
    for (t, _) in &reports {
        assert!(*t - at < std::time::Duration::from_secs(1), "{reports:?}");
        at = *t;
    }

    // Cancelled at the first report: no file, nothing to fall back to.
    let out = split::parse_observed(&text, &options, 2, &mut |_| false);
    assert_eq!(out, split::Split::Cancelled);
}
