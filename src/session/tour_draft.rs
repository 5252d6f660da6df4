//! A tour being built in the window: steps added from the selected event and the timeline's
//! view, reordered, captioned, and saved as a `.tour.ron` file of its own, never into a
//! dataset file. No egui here: the tour panel shows a draft and returns commands that call
//! these.

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, TimeZone};

use crate::model::{FORMAT_VERSION, TimeRange, Tour, TourFile, TourStep};

/// A tour under construction, and where it is saved.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TourDraft {
    pub tour: Tour,
    /// The file it was last saved to or opened from.
    pub file: Option<PathBuf>,
    /// Whether it changed since it was last saved.
    pub unsaved: bool,
}

impl TourDraft {
    pub fn new(title: &str) -> TourDraft {
        TourDraft {
            tour: Tour {
                file: 0,
                id: id_from(title),
                title: title.to_owned(),
                steps: Vec::new(),
            },
            file: None,
            unsaved: false,
        }
    }

    /// A tour of the data to edit, saved back to `file` (its tour file) if it has one.
    pub fn editing(tour: Tour, file: Option<PathBuf>) -> TourDraft {
        TourDraft {
            tour,
            file,
            unsaved: false,
        }
    }

    /// A new title, and the id made from it (which names the file it is saved in).
    pub fn set_title(&mut self, title: &str) {
        if self.tour.title != title {
            self.tour.title = title.to_owned();
            self.tour.id = id_from(title);
            self.unsaved = true;
        }
    }

    /// Appends a step showing event `event` (its id) over `view`; returns its place.
    pub fn add(&mut self, event: &str, view: Option<TimeRange>) -> usize {
        self.tour.steps.push(TourStep {
            event: event.to_owned(),
            caption: None,
            zoom: view,
            columns: None,
        });
        self.unsaved = true;
        self.tour.steps.len() - 1
    }

    /// Moves step `from` to stand at `to` (both places in the list before the move); a place
    /// out of range changes nothing.
    pub fn move_step(&mut self, from: usize, to: usize) {
        let n = self.tour.steps.len();
        if from >= n || to >= n || from == to {
            return;
        }
        let step = self.tour.steps.remove(from);
        self.tour.steps.insert(to, step);
        self.unsaved = true;
    }

    pub fn remove(&mut self, step: usize) {
        if step < self.tour.steps.len() {
            self.tour.steps.remove(step);
            self.unsaved = true;
        }
    }

    /// The presenter's words for `step`; blank words are none.
    pub fn set_caption(&mut self, step: usize, caption: &str) {
        let caption = (!caption.trim().is_empty()).then(|| caption.to_owned());
        if let Some(s) = self.tour.steps.get_mut(step)
            && s.caption != caption
        {
            s.caption = caption;
            self.unsaved = true;
        }
    }

    /// The stretch of time `step` shows (none: the event's own).
    pub fn set_zoom(&mut self, step: usize, zoom: Option<TimeRange>) {
        if let Some(s) = self.tour.steps.get_mut(step)
            && s.zoom != zoom
        {
            s.zoom = zoom;
            self.unsaved = true;
        }
    }

    /// The tour file's text: the tour alone, its zooms read at `offset`, one step a line.
    pub fn file_text(&self, offset: FixedOffset) -> String {
        let file = TourFile {
            format: FORMAT_VERSION,
            utc_offset: Some(offset.to_string()),
            tours: vec![self.tour.clone()],
        };
        let config = ron::ser::PrettyConfig::new()
            .struct_names(false)
            .depth_limit(4)
            // Captions as written: an apostrophe or a quotation stays readable.
            .escape_strings(false)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        let text = ron::Options::default()
            .to_string_pretty(&file, config)
            .unwrap_or_default();
        format!("// A Claimline tour: open it beside the datasets it walks through.\n{text}\n")
    }
}

/// A tour id from its title: lowercase letters and digits joined by hyphens ("Two days" →
/// "two-days"); "tour" for a title with none.
fn id_from(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "tour".to_owned()
    } else {
        words.join("-")
    }
}

/// The stretch from `start` to `end` (UTC seconds) as a step's zoom writes it, read at
/// `offset`: whole local days as dates, otherwise times to the minute that cover it.
pub fn zoom_as_written(start: i64, end: i64, offset: FixedOffset) -> TimeRange {
    let local = |secs: i64| offset.timestamp_opt(secs, 0).single();
    let midnight = |secs: i64| (secs + i64::from(offset.local_minus_utc())).rem_euclid(86_400) == 0;
    if end > start
        && midnight(start)
        && midnight(end)
        && let (Some(from), Some(to)) = (local(start), local(end - 1))
    {
        return TimeRange {
            from: from.format("%Y-%m-%d").to_string(),
            to: to.format("%Y-%m-%d").to_string(),
        };
    }
    let minute = |secs: i64| {
        local(secs).map_or_else(
            || secs.to_string(),
            |t| t.format("%Y-%m-%dT%H:%M%:z").to_string(),
        )
    };
    TimeRange {
        from: minute(start.div_euclid(60) * 60),
        to: minute((end.max(start) + 59).div_euclid(60) * 60),
    }
}

/// Where a tour is saved when the user picks `chosen`: with the tour file's ending, and
/// never one of the `open` files (a dataset, or a tour opened as one).
pub fn save_path(chosen: &Path, open: &[PathBuf]) -> Result<PathBuf, String> {
    let name = chosen.file_name().map(|n| n.to_string_lossy().to_string());
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return Err("choose a file name for the tour".to_owned());
    };
    let path = if TourFile::is_named(&name) {
        chosen.to_path_buf()
    } else {
        let stem = name.strip_suffix(".ron").unwrap_or(&name);
        chosen.with_file_name(format!("{stem}{}", TourFile::ENDING))
    };
    crate::output::refuse_input(&path, open)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceText, load_texts};

    fn plus4() -> FixedOffset {
        FixedOffset::east_opt(4 * 3600).expect("an offset")
    }

    #[test]
    fn steps_are_added_moved_captioned_and_removed() {
        let mut d = TourDraft::new("Two days in the vale");
        assert_eq!(d.tour.id, "two-days-in-the-vale");
        for e in ["a", "b", "c"] {
            d.add(e, None);
        }
        d.move_step(2, 0);
        d.move_step(0, 7);
        let order = |d: &TourDraft| {
            d.tour
                .steps
                .iter()
                .map(|s| s.event.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(order(&d), ["c", "a", "b"]);
        d.set_caption(1, "Both ministries speak");
        d.set_caption(2, "   ");
        assert_eq!(
            d.tour.steps[1].caption.as_deref(),
            Some("Both ministries speak")
        );
        assert_eq!(d.tour.steps[2].caption, None);
        d.remove(0);
        assert_eq!(order(&d), ["a", "b"]);
        d.set_title("Ceasefire, 14 September");
        assert_eq!(d.tour.id, "ceasefire-14-september");
        assert!(d.unsaved);
    }

    #[test]
    fn a_zoom_covers_the_view_in_whole_days_or_minutes() {
        // 2022-09-13 00:00 at +04:00.
        let midnight = 1_663_012_800;
        let days = zoom_as_written(midnight, midnight + 2 * 86_400, plus4());
        assert_eq!(
            (days.from.as_str(), days.to.as_str()),
            ("2022-09-13", "2022-09-14")
        );
        assert_eq!(days.span(plus4()), Ok((midnight, midnight + 2 * 86_400)));
        let (start, end) = (midnight + 6 * 3600 + 30, midnight + 9 * 3600 + 1);
        let times = zoom_as_written(start, end, plus4());
        assert_eq!(times.from, "2022-09-13T06:00+04:00");
        assert_eq!(times.to, "2022-09-13T09:01+04:00");
        let (from, to) = times.span(plus4()).expect("readable");
        assert!(from <= start && to >= end && start - from < 60 && to - end < 60);
    }

    #[test]
    fn a_saved_tour_opens_beside_its_dataset_as_it_was_built() {
        let dataset = include_str!("../../tests/fixtures/borderland.ron");
        let mut d = TourDraft::new("Night and tolls");
        let midnight = 1_663_012_800;
        d.add(
            "night-fire",
            Some(zoom_as_written(midnight, midnight + 86_400, plus4())),
        );
        d.add("tolls-north", None);
        d.set_caption(0, "Each side's \"provocation\", in its words");
        let text = d.file_text(plus4());
        let out = load_texts(&[
            SourceText {
                name: "borderland.ron".to_owned(),
                text: dataset.to_owned(),
            },
            SourceText {
                name: "night.tour.ron".to_owned(),
                text: text.clone(),
            },
        ]);
        assert!(out.diagnostics.is_empty(), "{:#?}\n{text}", out.diagnostics);
        let ds = out.dataset.expect("loads");
        // As built, from the second file opened.
        let built = Tour {
            file: 1,
            ..d.tour.clone()
        };
        assert_eq!(ds.tours, vec![built], "{text}");
        assert_eq!(
            text.lines().filter(|l| l.contains("event:")).count(),
            2,
            "{text}"
        );
    }

    #[test]
    fn a_tour_is_saved_under_its_own_ending_and_never_over_an_open_file() {
        let open = vec![PathBuf::from("/data/vale.ron")];
        let saved = |p: &str| save_path(Path::new(p), &open);
        assert_eq!(
            saved("/data/lesson"),
            Ok(PathBuf::from("/data/lesson.tour.ron"))
        );
        assert_eq!(
            saved("/data/lesson.ron"),
            Ok(PathBuf::from("/data/lesson.tour.ron"))
        );
        assert_eq!(
            saved("/data/Lesson.TOUR.ron"),
            Ok(PathBuf::from("/data/Lesson.TOUR.ron"))
        );
        assert!(saved("/data/vale.ron").is_ok(), "becomes vale.tour.ron");
        let open_tour = vec![PathBuf::from("/data/vale.tour.ron")];
        let refused = save_path(Path::new("/data/vale.tour.ron"), &open_tour);
        assert!(refused.is_err_and(|e| e.contains("is an input dataset")));
    }
}
