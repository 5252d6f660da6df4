//! Claimline's own file dialog, forced with `CLAIMLINE_FILE_DIALOG=in-window` (every test in
//! this binary): it is drawn by egui, so it is driven here as a user would, and its answer goes
//! through the same commands as the desktop's (opening, exporting, the refusal to write over
//! an open file). No GPU or display.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Once;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::run_until;

use claimline::app::ClaimlineApp;
use claimline::app::dialogs::CHOOSER_VARIABLE;
use claimline::command::{Command, DataFormat, ExportCommand};
use claimline::session::Source;

fn harness() -> Harness<'static, ClaimlineApp> {
    static FORCED: Once = Once::new();
    // SAFETY: set once, before any test here starts a thread that reads the environment (the
    // other tests wait on the `Once`).
    FORCED.call_once(|| unsafe { std::env::set_var(CHOOSER_VARIABLE, "in-window") });
    common::build(common::builder(1600.0, 1000.0))
}

fn dialog_open(app: &ClaimlineApp) -> bool {
    app.dialog.picker().is_some()
}

/// Waits until Claimline's own dialog is drawn, titled `title`.
fn wait_for_dialog(h: &mut Harness<'_, ClaimlineApp>, title: &str) {
    run_until(h, "the in-window dialog opens", dialog_open);
    h.run();
    h.get_by_label(title);
}

/// Types `path` into the dialog's path field and confirms with Enter.
fn type_and_confirm(h: &mut Harness<'_, ClaimlineApp>, field: &str, path: &Path) {
    h.get_by_label(field).click();
    h.run();
    // Selects what is there (a proposed name) so the typed path replaces it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(field).type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn copy_fixture(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(common::fixture(name), &to).unwrap();
    to
}

#[test]
fn ctrl_o_opens_claimlines_own_dialog_and_the_typed_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_fixture(dir.path(), "three-parties.ron");
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    wait_for_dialog(&mut h, "Open Claimline datasets");
    let said = h.state().toast.as_ref().unwrap().0.clone();
    assert_eq!(
        said,
        "CLAIMLINE_FILE_DIALOG=in-window: using Claimline's own file dialog"
    );
    // While it is open, the app's shortcuts (Ctrl+S: save the view) wait.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let title = &h.state().dialog.picker().unwrap().request.title;
    assert_eq!(title, "Open Claimline datasets");
    type_and_confirm(&mut h, "File name", &file);
    run_until(&mut h, "the file loads", |app| {
        app.sources == [Source::File(file.clone())] && app.files.job().is_none()
    });
    let cat = h.state().catalog.as_ref().unwrap();
    assert_eq!(cat.dataset.info.title, "Three parties fixture");
    assert!(h.state().dialog.picker().is_none(), "the dialog closed");
}

#[test]
fn folders_are_entered_from_the_listing_and_a_file_is_chosen_with_a_click() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("inner")).unwrap();
    let file = copy_fixture(&dir.path().join("inner"), "three-parties.ron");
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    wait_for_dialog(&mut h, "Open Claimline datasets");
    // Typing a folder goes into it; its folders and files are listed.
    type_and_confirm(&mut h, "File name", dir.path());
    h.get_by_label("inner/").click();
    h.run();
    h.get_by_label("three-parties.ron").click();
    h.run();
    h.get_by_label("Open").click();
    h.run();
    run_until(&mut h, "the file loads", |app| {
        app.sources == [Source::File(file.clone())] && app.files.job().is_none()
    });
}

#[test]
fn filtered_data_is_exported_through_claimlines_own_dialog_but_never_over_an_open_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    let ctx = h.ctx.clone();
    let csv = Command::Export(ExportCommand::DataDialog(DataFormat::Csv));
    h.state_mut().apply(&ctx, vec![csv.clone()]);
    wait_for_dialog(&mut h, "Export the filtered data");
    // The extension is added from the filter.
    let out = dir.path().join("filtered");
    type_and_confirm(&mut h, "Save as", &out);
    run_until(&mut h, "the export is written", |_| {
        dir.path().join("filtered.csv").exists()
    });
    let text = std::fs::read_to_string(dir.path().join("filtered.csv")).unwrap();
    let header = claimline::export::data::CSV_HEADER.join(",");
    assert!(
        text.starts_with(&header),
        "{}",
        &text[..200.min(text.len())]
    );

    // Over the file open as the dataset: the same refusal as after the desktop's dialog.
    let open = copy_fixture(dir.path(), "three-parties.ron");
    let before = std::fs::read(&open).unwrap();
    h.state_mut().apply(
        &ctx,
        vec![Command::File(claimline::command::FileCommand::Open(vec![
            Source::File(open.clone()),
        ]))],
    );
    run_until(&mut h, "the file loads", |app| {
        app.sources == [Source::File(open.clone())] && app.files.job().is_none()
    });
    h.state_mut().apply(&ctx, vec![csv]);
    h.run();
    h.get_by_label("Export the filtered data");
    // With "All files" shown, no extension is added: the typed name is the file.
    h.get_by_label("Show").click();
    h.run();
    h.get_by_label("All files").click();
    h.run();
    let same = dir.path().join("three-parties.ron");
    type_and_confirm(&mut h, "Save as", &same);
    // It exists: a second confirmation replaces it, where the app refuses.
    h.get_by_label("Save").click();
    h.run();
    let said = h.state().toast.as_ref().unwrap().0.clone();
    assert!(said.starts_with("Not exported:"), "{said}");
    assert_eq!(
        std::fs::read(&open).unwrap(),
        before,
        "the dataset is unchanged"
    );
}
