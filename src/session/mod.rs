//! What is open and how it got there, with no egui in it: loading files off the UI thread,
//! watching them for changes, the recent-files list, saved views and the state remembered
//! between runs. The app decides when to call these; they never write to a file they read.

mod cached;
pub mod file_picker;
pub mod loading;
pub mod problems;
pub mod recent;
pub mod saved_view;
pub mod settings;
pub mod state;
pub mod tour_draft;
pub mod watch;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::TourFile;

/// One input of a load: the dataset built into the binary, or a file on disk.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    Bundled,
    File(PathBuf),
}

impl Source {
    /// The sources for files named on the command line. Tour files alone open beside the
    /// bundled dataset, which a tour built on it walks through: `claimline lesson.tour.ron`
    /// opens the next lesson from its file alone.
    pub fn for_paths(paths: &[PathBuf]) -> Vec<Source> {
        let files = paths.iter().cloned().map(Source::File);
        if Source::tours_alone(paths) {
            std::iter::once(Source::Bundled).chain(files).collect()
        } else {
            files.collect()
        }
    }

    /// Whether `paths` are all tour files (and there are some).
    pub fn tours_alone(paths: &[PathBuf]) -> bool {
        !paths.is_empty()
            && paths
                .iter()
                .all(|p| (p.file_name()).is_some_and(|n| TourFile::is_named(&n.to_string_lossy())))
    }

    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Source::Bundled => None,
            Source::File(p) => Some(p),
        }
    }

    /// The same source with an absolute path, so that a later run from another folder opens
    /// the same file. Not canonicalised: a file that is missing still gets a path.
    pub fn absolute(self) -> Source {
        match self {
            Source::File(p) => Source::File(std::path::absolute(&p).unwrap_or(p)),
            Source::Bundled => Source::Bundled,
        }
    }

    /// How the source is named in the window.
    pub fn label(&self) -> String {
        match self {
            Source::Bundled => "bundled dataset".to_owned(),
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

/// Whether newly opened files join what is loaded or take its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    Add,
    Replace,
}

/// The sources after opening `new` in `mode` over `current`: in order, each once.
pub fn combine(current: &[Source], new: &[Source], mode: OpenMode) -> Vec<Source> {
    let mut out: Vec<Source> = match mode {
        OpenMode::Add => current.to_vec(),
        OpenMode::Replace => Vec::new(),
    };
    for s in new {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tour_files_alone_open_beside_the_bundled_dataset() {
        let tour = PathBuf::from("lessons/Night.TOUR.ron");
        let data = PathBuf::from("vale.ron");
        assert_eq!(
            Source::for_paths(std::slice::from_ref(&tour)),
            [Source::Bundled, Source::File(tour.clone())]
        );
        assert_eq!(
            Source::for_paths(&[data.clone(), tour.clone()]),
            [Source::File(data), Source::File(tour)]
        );
        assert!(Source::for_paths(&[]).is_empty());
    }

    #[test]
    fn adding_keeps_order_and_skips_repeats() {
        let a = Source::File("a.ron".into());
        let b = Source::File("b.ron".into());
        let cur = vec![Source::Bundled, a.clone()];
        assert_eq!(
            combine(&cur, &[a.clone(), b.clone()], OpenMode::Add),
            [Source::Bundled, a.clone(), b.clone()]
        );
        assert_eq!(
            combine(&cur, std::slice::from_ref(&b), OpenMode::Replace),
            [b]
        );
    }

    #[test]
    fn a_relative_path_is_made_absolute_against_the_working_folder() {
        let here = std::env::current_dir().unwrap();
        assert_eq!(
            Source::File("data.ron".into()).absolute(),
            Source::File(here.join("data.ron"))
        );
        let missing = here.join("no-such-folder").join("x.ron");
        assert_eq!(
            Source::File(missing.clone()).absolute(),
            Source::File(missing)
        );
        assert_eq!(Source::Bundled.absolute(), Source::Bundled);
    }
}
