//! Everything a user can ask the viewer to do. Panels, menus, shortcuts and tests all produce
//! these; [`super::ClaimlineApp::apply`] is the one place that carries them out.

use egui::{Key, KeyboardShortcut, Modifiers};

use std::path::PathBuf;

use crate::layout::lanes::LaneMode;
use crate::model::EventKind;
use crate::model::Side;
use crate::query::FilterState;
use crate::session::{OpenMode, Source};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select an event (by index into the dataset's events), or clear the selection.
    Select(Option<usize>),
    /// Select the next (+1) or previous (-1) filtered event in time.
    Step(i32),
    /// Fit the timeline to every filtered event.
    FitAll,
    /// Show this UTC range on the timeline.
    ZoomTo(f64, f64),
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
    SetTheme(crate::ui::theme::ThemeKind),
    File(FileCommand),
    Export(super::exporting::ExportCommand),
    /// Enter (true) or leave presenter mode.
    Present(bool),
    /// Present this tour (index into the dataset's tours), or step freely through events.
    ChooseTour(Option<usize>),
    /// The next, previous, first or last step of the tour (or event, without one).
    PresentStep(PresentStep),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentStep {
    Next,
    Previous,
    First,
    Last,
}

/// Opening, reloading and saving: what the File menu, drag and drop and the watcher ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum FileCommand {
    /// Show the native open dialog (on its own thread; the window keeps drawing).
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
pub const NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::ArrowRight);
pub const PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::ArrowLeft);
pub const FIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F);
pub const DESELECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Escape);
pub const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const RELOAD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::R);
pub const SAVE_VIEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const EXPORT_WINDOW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const EXPORT_TIMELINE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E);
pub const EXPORT_MAP: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::ALT), Key::M);
pub const EXPORT_CLAIMS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::ALT), Key::E);
pub const COPY_WINDOW: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

/// Shortcuts that act on the whole window, read once per frame. They are left alone while a
/// text field has the keyboard, so typing "f" in the search box does not fit the timeline.
pub fn from_keyboard(ctx: &egui::Context, presenting: bool) -> Vec<Command> {
    if presenting {
        return presenter_keys(ctx);
    }
    let mut out = ctx.input_mut(|i| {
        let mut out = Vec::new();
        for (shortcut, command) in [
            (OPEN, FileCommand::OpenDialog),
            (RELOAD, FileCommand::Reload),
            (SAVE_VIEW, FileCommand::SaveViewDialog),
        ] {
            if i.consume_shortcut(&shortcut) {
                out.push(Command::File(command));
            }
        }
        // The more specific shortcuts first: Ctrl+Shift+E before Ctrl+E.
        use super::exporting::{Dest, ExportCommand};
        use crate::export::Target;
        for (shortcut, command) in [
            (
                EXPORT_TIMELINE,
                ExportCommand::PictureDialog(Target::Timeline),
            ),
            (EXPORT_CLAIMS, ExportCommand::PictureDialog(Target::Claims)),
            (EXPORT_MAP, ExportCommand::PictureDialog(Target::Map)),
            (EXPORT_WINDOW, ExportCommand::PictureDialog(Target::Window)),
            (
                COPY_WINDOW,
                ExportCommand::Picture(Target::Window, Dest::Clipboard),
            ),
        ] {
            if i.consume_shortcut(&shortcut) {
                out.push(Command::Export(command));
            }
        }
        out
    });
    if ctx.text_edit_focused() {
        return out;
    }
    out.extend(ctx.input_mut(|i| {
        let mut out = Vec::new();
        if i.consume_shortcut(&NEXT) {
            out.push(Command::Step(1));
        }
        if i.consume_shortcut(&PREVIOUS) {
            out.push(Command::Step(-1));
        }
        if i.consume_shortcut(&FIT) {
            out.push(Command::FitAll);
        }
        if i.consume_shortcut(&DESELECT) {
            out.push(Command::Select(None));
        }
        if i.consume_shortcut(&PRESENT) {
            out.push(Command::Present(true));
        }
        out
    }));
    out
}

/// In presenter mode the keys a presentation clicker sends step through the tour: Page Down,
/// → and Space forward, Page Up and ← back, Home and End to the ends, Esc (or F5) to leave.
fn presenter_keys(ctx: &egui::Context) -> Vec<Command> {
    ctx.input_mut(|i| {
        let mut out = Vec::new();
        let mut key = |k: Key| i.consume_key(Modifiers::NONE, k);
        for (keys, step) in [
            (
                &[Key::PageDown, Key::ArrowRight, Key::Space, Key::ArrowDown][..],
                PresentStep::Next,
            ),
            (
                &[Key::PageUp, Key::ArrowLeft, Key::ArrowUp][..],
                PresentStep::Previous,
            ),
            (&[Key::Home][..], PresentStep::First),
            (&[Key::End][..], PresentStep::Last),
        ] {
            if keys.iter().any(|&k| key(k)) {
                out.push(Command::PresentStep(step));
            }
        }
        if key(Key::Escape) || key(Key::F5) {
            out.push(Command::Present(false));
        }
        out
    })
}
