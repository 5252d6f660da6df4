//! File dialogs: the desktop's (rfd asks the desktop portal over D-Bus, then runs `zenity`)
//! or, where there is neither or the user asks for it, Claimline's own drawn in the window
//! ([`crate::session::file_picker`]). rfd answers nothing without a portal or zenity, exactly
//! as when the user cancels, so without the check here Open, Save and Export would do nothing
//! without a word. Either way the answer is the same list of paths, turned into the same
//! command, so opening, saving views and exporting go through one path.

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use super::{ClaimlineApp, Command};
use crate::session::file_picker::{Mode, Picker, Request};

/// Why Claimline's own dialog is used, said once per run (the first time one opens).
pub const NO_DIALOG: &str = "No desktop file chooser here (no portal, no zenity): using \
    Claimline's own. For the desktop's, install xdg-desktop-portal with a file chooser \
    (xdg-desktop-portal-gtk, -gnome or -kde) or zenity";

/// The environment variable that chooses the dialog: `in-window` for Claimline's own always
/// (tests, or users who prefer it); anything else, or unset, the desktop's when there is one.
pub const CHOOSER_VARIABLE: &str = "CLAIMLINE_FILE_DIALOG";

/// Which file dialog opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chooser {
    Native,
    /// Claimline's own, and why (said once).
    InWindow(String),
}

/// The dialog for a `CLAIMLINE_FILE_DIALOG` value: Claimline's own when asked for or when the
/// desktop has none (`unavailable` says why not; it is asked only when it matters).
pub fn choose(setting: Option<&str>, unavailable: impl FnOnce() -> Option<String>) -> Chooser {
    if setting.is_some_and(|s| s.trim().eq_ignore_ascii_case("in-window")) {
        return Chooser::InWindow(format!(
            "{CHOOSER_VARIABLE}=in-window: using Claimline's own file dialog"
        ));
    }
    match unavailable() {
        Some(why) => Chooser::InWindow(why),
        None => Chooser::Native,
    }
}

/// What the dialog's thread sends back.
enum Reply {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No native dialog: open Claimline's own, and why.
    InWindow(String),
}

/// What becomes of the chosen paths: the command the app carries out.
type Then = Box<dyn FnOnce(Vec<PathBuf>) -> Command + Send>;

enum Showing {
    /// The native dialog (or the check before it) on its thread.
    Native(Receiver<Reply>),
    InWindow(Box<Picker>),
}

struct Open {
    request: Request,
    then: Then,
    showing: Showing,
}

/// The file dialog open now (one at a time: a new one replaces it) and the choice made.
#[derive(Default)]
pub struct DialogState {
    /// Decided the first time the native one could not be used, then kept for the run.
    in_window: Option<String>,
    open: Option<Open>,
}

impl DialogState {
    /// Claimline's own dialog, while it is open (for the window to draw).
    pub fn picker_mut(&mut self) -> Option<&mut Picker> {
        match &mut self.open.as_mut()?.showing {
            Showing::InWindow(p) => Some(p.as_mut()),
            Showing::Native(_) => None,
        }
    }

    /// Claimline's own dialog, while it is open.
    pub fn picker(&self) -> Option<&Picker> {
        match &self.open.as_ref()?.showing {
            Showing::InWindow(p) => Some(p.as_ref()),
            Showing::Native(_) => None,
        }
    }
}

impl ClaimlineApp {
    /// Asks for files: the native dialog on its own thread (the window keeps drawing) or
    /// Claimline's own. `then` turns the answer into the command to carry out.
    pub(super) fn file_dialog(
        &mut self,
        ctx: &egui::Context,
        request: Request,
        then: impl FnOnce(Vec<PathBuf>) -> Command + Send + 'static,
    ) {
        let then: Then = Box::new(then);
        if self.dialog.in_window.is_some() {
            let showing = Showing::InWindow(picker(request.clone()));
            self.dialog.open = Some(Open {
                request,
                then,
                showing,
            });
            return;
        }
        let (tx, rx) = channel();
        let wake = ctx.clone();
        let asked = request.clone();
        std::thread::spawn(move || {
            let setting = std::env::var(CHOOSER_VARIABLE).ok();
            let reply = match choose(setting.as_deref(), unavailable) {
                Chooser::InWindow(why) => Reply::InWindow(why),
                Chooser::Native => native(&asked).map_or(Reply::Cancelled, Reply::Chosen),
            };
            let _ = tx.send(reply);
            wake.request_repaint();
        });
        self.dialog.open = Some(Open {
            request,
            then,
            showing: Showing::Native(rx),
        });
    }

    /// A native dialog's answer, if it arrived: the command to carry out; or Claimline's own
    /// opened in its place, the first time with a word why.
    pub(super) fn poll_dialog(&mut self) -> Option<Command> {
        let open = self.dialog.open.as_mut()?;
        let Showing::Native(rx) = &open.showing else {
            return None;
        };
        match rx.try_recv().ok()? {
            Reply::Chosen(paths) => self.dialog.open.take().map(|o| (o.then)(paths)),
            Reply::Cancelled => {
                self.dialog.open = None;
                None
            }
            Reply::InWindow(why) => {
                open.showing = Showing::InWindow(picker(open.request.clone()));
                if self.dialog.in_window.is_none() {
                    self.dialog.in_window = Some(why.clone());
                    self.toast(why);
                }
                None
            }
        }
    }

    /// Claimline's own dialog was answered (`Some` paths) or cancelled.
    pub(super) fn answer_in_window(&mut self, answer: Option<Vec<PathBuf>>) -> Option<Command> {
        let open = self.dialog.open.take()?;
        answer.map(open.then)
    }
}

fn picker(request: Request) -> Box<Picker> {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"));
    Box::new(Picker::new(request, home))
}

/// The desktop's dialog for `request`; blocks until the user answers.
fn native(request: &Request) -> Option<Vec<PathBuf>> {
    let mut dialog = rfd::FileDialog::new().set_title(&request.title);
    for f in &request.filters {
        dialog = dialog.add_filter(&f.name, &f.extensions);
    }
    if let Some(folder) = &request.folder {
        dialog = dialog.set_directory(folder);
    }
    match &request.mode {
        Mode::OpenMany => dialog.pick_files(),
        Mode::Save { file_name } => dialog.set_file_name(file_name).save_file().map(|p| vec![p]),
    }
}

/// Why no file dialog can open here, or `None` when one can: `zenity` is on `PATH` or the
/// session bus has a desktop portal with a file chooser (the two things rfd tries).
pub fn unavailable() -> Option<String> {
    let path = std::env::var_os("PATH");
    why_unavailable(zenity_on_path(path.as_deref()), portal_file_chooser)
}

/// The message for what was found; the portal is asked only when there is no zenity.
pub fn why_unavailable(
    zenity: bool,
    portal: impl FnOnce() -> Result<(), String>,
) -> Option<String> {
    if zenity {
        return None;
    }
    portal()
        .err()
        .map(|e| format!("{NO_DIALOG} (no zenity on PATH; the desktop portal: {e})"))
}

/// Whether an executable `zenity` is in one of the folders of `path` (a `PATH` value).
pub fn zenity_on_path(path: Option<&OsStr>) -> bool {
    path.is_some_and(|p| std::env::split_paths(p).any(|dir| is_executable(&dir.join("zenity"))))
}

fn is_executable(file: &Path) -> bool {
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Asks the session bus for the portal's file chooser (which starts the portal if it is
/// installed but not running). An error says what is missing.
pub fn portal_file_chooser() -> Result<(), String> {
    pollster::block_on(async {
        let bus = zbus::connection::Builder::session()
            .map(|b| b.method_timeout(Duration::from_secs(10)))
            .map_err(|e| format!("no D-Bus session bus ({e})"))?
            .build()
            .await
            .map_err(|e| format!("no D-Bus session bus ({e})"))?;
        file_chooser_on(&bus).await
    })
}

async fn file_chooser_on(bus: &zbus::Connection) -> Result<(), String> {
    let properties = zbus::fdo::PropertiesProxy::builder(bus)
        .destination("org.freedesktop.portal.Desktop")
        .and_then(|b| b.path("/org/freedesktop/portal/desktop"))
        .map_err(|e| e.to_string())?
        .build()
        .await
        .map_err(|e| e.to_string())?;
    let chooser =
        zbus::names::InterfaceName::from_static_str_unchecked("org.freedesktop.portal.FileChooser");
    properties
        .get(chooser, "version")
        .await
        .map(|_| ())
        .map_err(|e| format!("no file chooser ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zenity_is_found_only_as_an_executable_on_path() {
        let dir = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let path = std::env::join_paths([other.path(), dir.path()]).unwrap();
        assert!(!zenity_on_path(Some(&path)), "no zenity yet");
        let zenity = dir.path().join("zenity");
        std::fs::write(&zenity, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(!zenity_on_path(Some(&path)), "not executable");
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(zenity_on_path(Some(&path)));
        assert!(!zenity_on_path(None));
        std::fs::create_dir(other.path().join("zenity")).unwrap();
        assert!(
            zenity_on_path(Some(&path)),
            "a folder named zenity does not hide the file"
        );
    }

    #[test]
    fn with_neither_zenity_nor_a_portal_the_message_says_why_and_what_to_install() {
        let why = why_unavailable(false, || Err("no D-Bus session bus (refused)".into()));
        assert_eq!(
            why.as_deref(),
            Some(
                "No desktop file chooser here (no portal, no zenity): using Claimline's own. \
                 For the desktop's, install xdg-desktop-portal with a file chooser \
                 (xdg-desktop-portal-gtk, -gnome or -kde) or zenity \
                 (no zenity on PATH; the desktop portal: no D-Bus session bus (refused))"
            )
        );
    }

    #[test]
    fn claimlines_own_dialog_opens_when_asked_for_or_when_the_desktop_has_none() {
        let none = || Some("no chooser".to_owned());
        let native = || None;
        let asked = || panic!("the desktop is not asked when the setting decides");
        assert_eq!(choose(None, native), Chooser::Native);
        assert_eq!(choose(None, none), Chooser::InWindow("no chooser".into()));
        assert_eq!(choose(Some("native"), native), Chooser::Native);
        assert_eq!(
            choose(Some(""), none),
            Chooser::InWindow("no chooser".into())
        );
        for forced in ["in-window", "In-Window", " in-window\n"] {
            assert_eq!(
                choose(Some(forced), asked),
                Chooser::InWindow(
                    "CLAIMLINE_FILE_DIALOG=in-window: using Claimline's own file dialog".into()
                ),
                "{forced:?}"
            );
        }
    }

    #[test]
    fn either_zenity_or_a_portal_is_enough() {
        assert_eq!(why_unavailable(false, || Ok(())), None);
        assert_eq!(
            why_unavailable(true, || panic!(
                "the portal is not asked when zenity is there"
            )),
            None
        );
    }
}
