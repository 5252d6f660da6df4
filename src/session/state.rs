//! What is remembered between runs, in one shape: the user's [`Settings`], the [`Snapshot`] of
//! what was open (also the body of a saved view), the recent files, and the tour being built. eframe saves it as
//! RON under the app's key; panel sizes and the window's size are egui's and eframe's own
//! memory, saved beside it. Earlier versions wrote the snapshot's fields at the top level;
//! [`State`] still reads that shape.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Source;
use super::settings::Settings;
use super::tour_draft::TourDraft;
use crate::load::Diagnostic;

/// What the window showed: the files, the selected event and the timeline's range. Restored
/// once those files have loaded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    /// The datasets, in the order they were merged.
    pub sources: Vec<Source>,
    /// The selected event's id, which survives a reload where its index may not.
    pub selected: Option<String>,
    /// The timeline's range, UTC seconds.
    pub time_range: Option<(f64, f64)>,
    /// The party ids in the order the filter's sides counted them when this was taken, so a
    /// side chosen then is the same party once the files load, whatever order they give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parties: Option<Vec<String>>,
}

/// Everything remembered between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, from = "StateFile")]
pub struct State {
    pub settings: Settings,
    pub snapshot: Snapshot,
    pub recent: Vec<PathBuf>,
    /// The tour in the tour editor, saved or not: a teacher's steps and captions survive a
    /// closed lid or a crash (eframe saves this every half minute too), not only a close.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tour_draft: Option<TourDraft>,
}

/// [`State`] as read: the snapshot's fields may stand at the top level, where versions before
/// the snapshot had them.
#[derive(Deserialize, Default)]
#[serde(default)]
struct StateFile {
    settings: Settings,
    snapshot: Snapshot,
    recent: Vec<PathBuf>,
    tour_draft: Option<TourDraft>,
    sources: Vec<Source>,
    selected: Option<String>,
    time_range: Option<(f64, f64)>,
}

impl From<StateFile> for State {
    fn from(f: StateFile) -> State {
        // A file has one shape or the other, so at most one of the two is not empty.
        let snapshot = if f.snapshot == Snapshot::default() {
            Snapshot {
                sources: f.sources,
                selected: f.selected,
                time_range: f.time_range,
                parties: None,
            }
        } else {
            f.snapshot
        };
        State {
            settings: f.settings,
            snapshot,
            recent: f.recent,
            tour_draft: f.tour_draft,
        }
    }
}

/// The last session as eframe's storage holds it: `entry` is the value under the app's key,
/// `state_file` the file eframe keeps it in, read only when there is no entry, to tell a first
/// run from a file eframe could not parse (it then starts empty without a word). `Err` says
/// what could not be read.
pub fn read_remembered(
    entry: Option<&str>,
    state_file: Option<&Path>,
) -> Result<Option<State>, Diagnostic> {
    let name = state_file.map_or_else(|| "saved state".to_owned(), |p| p.display().to_string());
    let unreadable = |why: String| Diagnostic::error(&name, None, why);
    if let Some(text) = entry {
        return ron::from_str(text)
            .map(Some)
            .map_err(|e| unreadable(format!("the last session's settings: {e}")));
    }
    let Some(path) = state_file else {
        return Ok(None);
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| unreadable("not text".to_owned()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    match ron::from_str::<HashMap<String, String>>(&text) {
        Ok(_) => Ok(None),
        Err(e) => Err(unreadable(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        State {
            settings: Settings::default(),
            snapshot: Snapshot {
                sources: vec![Source::Bundled, Source::File("/data/a.ron".into())],
                selected: Some("an-event".into()),
                time_range: Some((1.6e9, 1.7e9)),
                parties: None,
            },
            recent: vec!["/data/a.ron".into()],
            tour_draft: None,
        }
    }

    #[test]
    fn the_state_round_trips_through_its_text() {
        let text = ron::to_string(&sample()).unwrap();
        assert!(text.contains("snapshot:"), "{text}");
        assert_eq!(read_remembered(Some(&text), None).unwrap(), Some(sample()));
    }

    #[test]
    fn a_tour_being_built_is_remembered_with_its_steps_file_and_changes() {
        let mut draft = TourDraft::new("Lesson one");
        draft.add("night-fire", None);
        draft.set_caption(0, "Both ministries speak");
        draft.file = Some("/lessons/one.tour.ron".into());
        let state = State {
            tour_draft: Some(draft),
            ..sample()
        };
        let text = ron::to_string(&state).unwrap();
        assert_eq!(read_remembered(Some(&text), None).unwrap(), Some(state));
    }

    #[test]
    fn the_shape_before_the_snapshot_still_reads() {
        let old = r#"(settings:(),sources:[Bundled,File("/data/a.ron")],recent:["/data/a.ron"],selected:Some("an-event"),time_range:Some((1.6e9,1.7e9)))"#;
        assert_eq!(read_remembered(Some(old), None).unwrap(), Some(sample()));
    }
}
