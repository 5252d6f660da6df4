//! Everything a user can ask the viewer to do. Panels, menus, shortcuts and tests all produce
//! these; the app's `apply` is the one place that carries them out. This module depends on the
//! logic layer and on `export::Target` only, never on `app` or `ui`, so panels can name
//! commands without seeing the app.

use std::path::PathBuf;

pub mod action;

pub use action::{Action, from_keyboard};

use crate::export::Target;
use crate::layout::lanes::LaneMode;
use crate::model::EventKind;
use crate::model::Side;
use crate::query::FilterState;
use crate::session::settings::{PaperSize, ThemeKind};
use crate::session::{OpenMode, Source};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select an event (by index into the dataset's events), or clear the selection.
    Select(Option<usize>),
    /// Select the next (+1) or previous (-1) filtered event in time.
    Step(i32),
    /// Fit the timeline to every filtered event.
    FitAll,
    /// Put the keyboard in the search field.
    FocusSearch,
    /// Show this UTC range on the timeline.
    ZoomTo(f64, f64),
    /// Shows the stretch of this many seconds holding the most filtered events.
    ZoomToBusiest(i64),
    ToggleActor(String),
    ToggleDistrict(String),
    ToggleSide(Side),
    ToggleKind(EventKind),
    SetText(String),
    SetContested(bool),
    /// The date range filter, UTC seconds.
    SetRange(Option<i64>, Option<i64>),
    /// Replace the whole filter (removing one chip).
    SetFilter(FilterState),
    ClearFilters,
    SetLaneMode(LaneMode),
    /// Read places' districts under this administration scheme in the district filter
    /// (`None`: their default `district`).
    SetDistrictScheme(Option<String>),
    /// Show these parties (ids, in order) as the claim columns; none: the dataset's choice.
    SetColumns(Option<Vec<String>>),
    /// The kind of figure the casualty strip shows.
    SetTollKind(crate::layout::casualties::TollKind),
    SetTheme(ThemeKind),
    /// Open the filter sidebar, or fold it to a strip (a choice that then holds at any width).
    ShowFilters(bool),
    /// Fold the filter sidebar if it is open, open it if folded.
    ToggleFilters,
    /// Put the event list beside the claims if it is a tab, or make it a tab if beside.
    ToggleListBeside,
    /// Forget the user's choices of what stands open: the window's width decides again.
    AutoPanes,
    File(FileCommand),
    Export(ExportCommand),
    /// Show (true) or hide the Balance window: the balance report on the data loaded.
    ShowBalance(bool),
    /// Enter (true) or leave presenter mode.
    Present(bool),
    /// Present this tour (index into the dataset's tours), or step freely through events.
    ChooseTour(Option<usize>),
    /// The next, previous, first or last step of the tour (or event, without one).
    PresentStep(PresentStep),
    /// Building a tour in the window.
    Tour(TourCommand),
}

/// The tour being built: its steps and its file.
#[derive(Debug, Clone, PartialEq)]
pub enum TourCommand {
    /// Add the selected event as the last step, showing the timeline's view (starting a
    /// tour when none is being built), and show the tour panel.
    AddSelected,
    /// Show (true) or hide the tour panel.
    Show(bool),
    SetTitle(String),
    /// Move a step (its place) to another place.
    Move {
        from: usize,
        to: usize,
    },
    Remove(usize),
    SetCaption(usize, String),
    /// A step shows what the timeline shows now.
    UseView(usize),
    /// A step shows its event's own stretch of time.
    ClearZoom(usize),
    SaveDialog,
    Save(PathBuf),
    /// Present the tour being built, from this step.
    PlayFrom(usize),
    /// Edit a tour of the data (index into the dataset's tours) in place of the one being
    /// built.
    Edit(usize),
    /// Asked whether to close with unsaved changes to the tour: close (true) or stay.
    Close(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentStep {
    Next,
    Previous,
    /// Page Down: the rest of the step's claims if some are below, else the next step.
    Forward,
    /// Page Up: back up the step's claims if scrolled, else the previous step.
    Back,
    First,
    Last,
}

/// Opening, reloading and saving: what the File menu, drag and drop and the watcher ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum FileCommand {
    /// Show the open dialog: the desktop's (on its own thread; the window keeps drawing) or
    /// Claimline's own in the window.
    OpenDialog,
    /// Open these; when files are already open, ask whether to add or replace.
    Open(Vec<Source>),
    /// Open these, adding to or replacing what is loaded.
    Load(Vec<Source>, OpenMode),
    /// Forget a pending open (the add-or-replace question was cancelled).
    CancelOpen,
    /// Stop the running load; what is on screen stays.
    CancelLoad,
    /// Load the open files again.
    Reload,
    SaveViewDialog,
    SaveView(PathBuf),
    DismissProblems,
    /// Show the warnings of the current load.
    ShowWarnings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Csv,
    Ron,
    /// A claims sheet (`.xlsx`): one row per claim, the layout Claimline opens again.
    Xlsx,
}

/// Where a picture goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Dest {
    File(PathBuf),
    Clipboard,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportCommand {
    /// Ask where to save a picture of `Target` (in a file dialog, as for every export).
    PictureDialog(Target),
    Picture(Target, Dest),
    DataDialog(DataFormat),
    Data(DataFormat, PathBuf),
    SetCaption(bool),
    SetDouble(bool),
    /// Ask where to save a handout (PDF) of a tour or of the filtered events.
    HandoutDialog(HandoutOf),
    Handout(HandoutOf, PathBuf),
    SetPaper(PaperSize),
}

/// What a handout prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoutOf {
    /// The tour in the tour editor, as it stands, saved or not.
    Draft,
    /// A tour of the open files, by its place among their tours.
    Tour(usize),
    /// The events the filters select, in time order.
    Filtered,
}
