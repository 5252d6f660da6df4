//! On a system with no desktop services, the window does what it can and says what it cannot
//! instead of doing nothing or claiming success: with no desktop file dialog (neither a desktop
//! portal nor zenity) it opens its own and says why once; with no clipboard (no display) it
//! says so. No GPU or display. Every test here runs in that environment: this
//! binary empties PATH, points D-Bus nowhere and unsets the display.

mod common;

use std::sync::{LazyLock, Once};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use claimline::app::ClaimlineApp;
use claimline::app::dialogs::NO_DIALOG;
use claimline::command::Command;
use claimline::command::FileCommand;
use claimline::command::{DataFormat, Dest, ExportCommand};
use claimline::export::Target;

static NOWHERE: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().unwrap());

/// The app, in an environment with no desktop services.
fn harness() -> Harness<'static, ClaimlineApp> {
    static NO_DESKTOP: Once = Once::new();
    // SAFETY: set once, before any test here goes on to start a thread that reads the
    // environment (the other tests wait on the `Once`).
    NO_DESKTOP.call_once(|| unsafe {
        std::env::set_var("PATH", NOWHERE.path());
        std::env::set_var(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/bus", NOWHERE.path().display()),
        );
        std::env::remove_var("DISPLAY");
        std::env::remove_var("WAYLAND_DISPLAY");
    });
    common::build(common::builder(1600.0, 1000.0))
}

/// Carries out `command` and returns what the window says about it (waiting for a dialog's
/// thread to answer).
fn said_after(h: &mut Harness<'_, ClaimlineApp>, command: Command) -> String {
    let ctx = h.ctx.clone();
    h.state_mut().toast = None;
    h.state_mut().apply(&ctx, vec![command.clone()]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().toast.is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    let toast = h.state().toast.as_ref().map(|(m, _)| m.clone());
    toast.unwrap_or_else(|| panic!("{command:?}: nothing said in 20 s"))
}

#[test]
fn open_save_and_export_open_claimlines_own_dialog_and_say_why_once() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    for (i, (command, title)) in [
        (
            Command::File(FileCommand::OpenDialog),
            "Open Claimline datasets",
        ),
        (Command::File(FileCommand::SaveViewDialog), "Save this view"),
        (
            Command::Export(ExportCommand::PictureDialog(Target::Window)),
            "Export a picture of the timeline and claims",
        ),
        (
            Command::Export(ExportCommand::DataDialog(DataFormat::Csv)),
            "Export the filtered data",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        h.state_mut().toast = None;
        h.state_mut().apply(&ctx, vec![command.clone()]);
        common::run_until(&mut h, "the in-window dialog opens", |app| {
            app.dialog.picker().is_some()
        });
        h.get_by_label(title);
        let said = h.state().toast.as_ref().map(|(m, _)| m.clone());
        if i == 0 {
            let said = said.expect("the first dialog says why it is Claimline's own");
            assert!(said.starts_with(NO_DIALOG), "{command:?}: {said}");
            assert!(said.contains("no zenity on PATH"), "{said}");
            assert!(said.contains("no D-Bus session bus"), "{said}");
        } else {
            assert_eq!(said, None, "{command:?}: said once, not on every open");
        }
        h.get_by_label("Cancel").click();
        h.run();
        assert!(
            h.state().dialog.picker().is_none(),
            "{command:?}: cancelled"
        );
    }
}

#[test]
fn a_picture_is_not_said_to_be_copied_when_there_is_no_clipboard() {
    let mut h = harness();
    // The claim panels are drawn off screen by the CPU renderer: no GPU needed.
    let copy = ExportCommand::Picture(Target::Claims, Dest::Clipboard);
    let said = said_after(&mut h, Command::Export(copy));
    assert!(
        said.starts_with("Not exported: no clipboard is available on this system ("),
        "{said}"
    );
}
