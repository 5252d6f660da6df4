//! Native file dialogs, and whether one can open at all. rfd asks the desktop portal over
//! D-Bus, then runs `zenity`; with neither it answers nothing, exactly as when the user
//! cancels, so without this check Open, Save and Export would do nothing without a word.

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// What to install, said whenever no dialog can open.
pub const NO_DIALOG: &str = "No file dialog is available on this system: install \
    xdg-desktop-portal with a file chooser (xdg-desktop-portal-gtk, -gnome or -kde) or zenity";

/// Runs `dialog` on its own thread (it blocks until the user answers), first checking that a
/// dialog can open. The receiver gets the answer, or why no dialog could open; nothing when
/// the user cancels. `wake` runs last, so the window looks at the answer.
pub fn spawn<T: Send + 'static>(
    dialog: impl FnOnce() -> Option<T> + Send + 'static,
    wake: impl FnOnce() + Send + 'static,
) -> Receiver<Result<T, String>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        match unavailable() {
            Some(why) => {
                let _ = tx.send(Err(why));
            }
            None => {
                if let Some(answer) = dialog() {
                    let _ = tx.send(Ok(answer));
                }
            }
        }
        wake();
    });
    rx
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
    fn with_neither_zenity_nor_a_portal_the_message_says_what_to_install() {
        let why = why_unavailable(false, || Err("no D-Bus session bus (refused)".into()));
        assert_eq!(
            why.as_deref(),
            Some(
                "No file dialog is available on this system: install xdg-desktop-portal with \
                 a file chooser (xdg-desktop-portal-gtk, -gnome or -kde) or zenity \
                 (no zenity on PATH; the desktop portal: no D-Bus session bus (refused))"
            )
        );
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
