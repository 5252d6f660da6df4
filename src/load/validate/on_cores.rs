//! A large file's events checked on every core. Once every id is defined, checking an event
//! only reads the id tables, so each thread takes a run of the events with a Ctx of its own;
//! the runs' findings are then taken in in file order, so that what is reported, and each
//! "did you mean" (which share one budget), do not depend on the number of cores.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use chrono::FixedOffset;

use super::Checked;
use super::ctx::Ctx;
use super::events::check_event;
use crate::load::locate::Path;
use crate::model::Event;

/// Below this many events a file is checked on one thread: starting others would cost more
/// than it saves.
const PARALLEL_FROM_EVENTS: usize = 4096;

/// How often the observer hears how far the other threads are, once this one is done.
const REPORT_EVERY: Duration = Duration::from_millis(20);

/// Checks the events of file `f` on up to `threads` threads; false if the observer said to
/// stop (then what was found is left out).
pub(super) fn check_events<'a>(
    cx: &mut Ctx<'a>,
    f: usize,
    events: &'a [Event],
    offset: FixedOffset,
    threads: usize,
    checked: &mut Checked,
) -> bool {
    let list = Path::root().field("events");
    if threads < 2 || events.len() < PARALLEL_FROM_EVENTS {
        for (i, e) in events.iter().enumerate() {
            check_event(cx, f, &list.index(i), e, offset);
            if !checked.one_more() {
                return false;
            }
        }
        return true;
    }
    let per_thread = events.len().div_ceil(threads);
    let before = checked.done;
    // Events checked by every thread, and whether to stop (the observer said so).
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let runs = std::thread::scope(|s| {
        let (done, stop) = (&done, &stop);
        let others: Vec<_> = (events.chunks(per_thread).enumerate().skip(1))
            .map(|(r, run)| {
                let mut elsewhere = cx.for_another_thread();
                s.spawn(move || {
                    for (k, e) in run.iter().enumerate() {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let at = list.index(r * per_thread + k);
                        check_event(&mut elsewhere, f, &at, e, offset);
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    elsewhere
                })
            })
            .collect();
        // This thread checks the first run itself, telling the observer as it goes.
        for (i, e) in events[..per_thread].iter().enumerate() {
            check_event(cx, f, &list.index(i), e, offset);
            let all = done.fetch_add(1, Ordering::Relaxed) + 1;
            if (i + 1).is_multiple_of(Checked::EVERY) && !checked.report(before + all) {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
        while !stop.load(Ordering::Relaxed) && others.iter().any(|h| !h.is_finished()) {
            std::thread::sleep(REPORT_EVERY);
            if !checked.report(before + done.load(Ordering::Relaxed)) {
                stop.store(true, Ordering::Relaxed);
            }
        }
        let runs: Vec<_> = others.into_iter().map(|h| h.join()).collect();
        runs
    });
    if stop.load(Ordering::Relaxed) {
        return false;
    }
    for run in runs {
        match run {
            Ok(found) => cx.adopt(found),
            // A checker that panicked is a bug; its panic goes on rather than a partial check.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    checked.report(before + events.len())
}

#[cfg(test)]
mod tests {
    use super::super::validate_on;
    use crate::cli::generate::{Spec, generate, to_ron};
    use crate::load::{Diagnostic, SourceText, Step, parse};

    /// A generated file (invented parties and places) with problems spread through its events:
    /// ids a letter off defined ones (each said with a "did you mean" while the budget lasts),
    /// loaded words, duplicate ids, a claim with no source.
    fn file_with_problems() -> SourceText {
        let mut file = generate(Spec {
            events: 6000,
            seed: 7,
        });
        for (i, e) in file.events.iter_mut().enumerate() {
            let near = |id: &str| format!("{id}x");
            let claim = &mut e.claims[0];
            match i % 5 {
                0 => e.title = format!("{} after an attack", e.title).into(),
                1 => claim.actor = near(&claim.actor).into(),
                2 => e.places = [e.places[0].clone(), near(&e.places[0]).into()].into(),
                3 => claim.sources = Box::default(),
                _ => e.id = format!("event-{}", i / 50).into(),
            }
            // An unknown claim every 600 events: searching the 21,000 claim ids for the
            // nearest spends the budget partway through the file, so which get a suggestion
            // shows the order the suggestions were made in.
            if i % 600 == 599 {
                claim.disputes = vec![near(&claim.id)].into();
            }
        }
        let text = to_ron(&file).expect("the generated file is written");
        SourceText {
            name: "problems.ron".to_owned(),
            text,
        }
    }

    fn checked_on(threads: usize, src: &SourceText) -> Vec<Diagnostic> {
        let parsed = parse(src).expect("the file parses");
        let (_, found, _) = validate_on(threads, vec![(src, parsed)], &[None], &mut |_| true);
        found
    }

    #[test]
    fn what_is_found_is_the_same_on_any_number_of_threads() {
        let src = file_with_problems();
        let one = checked_on(1, &src);
        let said = |what: &str| one.iter().filter(|d| d.message.contains(what)).count();
        assert_eq!(said("uses \"attack\""), 1200);
        assert_eq!(said("has no source"), 1200);
        assert!(said("duplicate event id") > 1000);
        assert!(said("unknown actor") >= 1200 && said("unknown place") >= 1200);
        let unknown_claims = said("unknown claim");
        let suggested = (one.iter())
            .filter(|d| {
                d.message.starts_with("unknown claim") && d.message.contains("did you mean")
            })
            .count();
        assert!(
            unknown_claims == 10 && suggested > 0 && suggested < unknown_claims,
            "{suggested} of {unknown_claims} unknown claims have a suggestion: the budget \
             should run out partway"
        );
        for threads in [2, 3, 8] {
            let many = checked_on(threads, &src);
            assert_eq!(many.len(), one.len(), "{threads} threads");
            for (a, b) in one.iter().zip(&many) {
                assert_eq!(a, b, "{threads} threads");
            }
        }
    }

    #[test]
    fn the_observer_hears_every_event_and_can_stop_the_threads() {
        let src = file_with_problems();
        let parsed = parse(&src).expect("the file parses");
        let mut heard = Vec::new();
        let mut note = |step: Step| {
            if let Step::Checked { done, of } = step {
                heard.push((done, of));
            }
            true
        };
        validate_on(2, vec![(&src, parsed)], &[None], &mut note);
        assert!(heard.windows(2).all(|w| w[0].0 <= w[1].0), "{heard:?}");
        assert_eq!(heard.last(), Some(&(12_000, 12_000)));

        // Told to stop during the second pass (the threads' pass), nothing is found.
        let parsed = parse(&src).expect("the file parses");
        let mut stop = |step: Step| !matches!(step, Step::Checked { done, .. } if done > 6000);
        let (dataset, found, _) = validate_on(2, vec![(&src, parsed)], &[None], &mut stop);
        assert!(dataset.is_none() && found.is_empty());
    }
}
