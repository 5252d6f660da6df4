//! Every user action that has a menu entry, a button or a shortcut, in one registry: its words,
//! its tooltip, its shortcuts on each platform, and the [`Command`] it stands for. Menus and
//! hints format the shortcuts from here (`Ctrl+O` on Linux, `⌘O` on a Mac), one listener reads
//! the keyboard for all of them, and a test forbids two actions of one mode sharing a key.
//! Modelled on rerun's `re_ui::UICommand`.

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Command, Dest, ExportCommand, FileCommand, PresentStep, TourCommand};
use crate::export::Target;

/// Which set of shortcuts is live: presenting, the keys a clicker sends step through a tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Presenter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open,
    OpenBundled,
    Reload,
    SaveView,
    ExportWindow,
    ExportTimeline,
    ExportClaims,
    ExportMap,
    CopyWindow,
    Find,
    Next,
    Previous,
    Fit,
    Deselect,
    ToggleFilters,
    ToggleListBeside,
    ShowBalance,
    AddToTour,
    ShowTour,
    Present,
    PresentNext,
    PresentPrevious,
    PresentForward,
    PresentBack,
    PresentFirst,
    PresentLast,
    StopPresenting,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
// `COMMAND` is Ctrl on Linux and Windows and ⌘ on a Mac, both when matched and when shown.
const CMD: Modifiers = Modifiers::COMMAND;

impl Action {
    pub const ALL: [Action; 27] = [
        Action::Open,
        Action::OpenBundled,
        Action::Reload,
        Action::SaveView,
        Action::ExportWindow,
        Action::ExportTimeline,
        Action::ExportClaims,
        Action::ExportMap,
        Action::CopyWindow,
        Action::Find,
        Action::Next,
        Action::Previous,
        Action::Fit,
        Action::Deselect,
        Action::ToggleFilters,
        Action::ToggleListBeside,
        Action::ShowBalance,
        Action::AddToTour,
        Action::ShowTour,
        Action::Present,
        Action::PresentNext,
        Action::PresentPrevious,
        Action::PresentForward,
        Action::PresentBack,
        Action::PresentFirst,
        Action::PresentLast,
        Action::StopPresenting,
    ];

    /// The words on its menu entry or button, and what hovering it says.
    pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
        match self {
            Action::Open => ("Open…", "Open dataset files"),
            Action::OpenBundled => (
                "Open the bundled dataset",
                "The dataset that comes with Claimline",
            ),
            Action::Reload => (
                "Reload",
                "Open files are reloaded by themselves when they change on disk",
            ),
            Action::SaveView => (
                "Save view…",
                "Files, filters, time range, selection and lanes, to open with claimline --view",
            ),
            Action::ExportWindow => ("Window as PNG…", "The whole window, with a caption"),
            Action::ExportTimeline => (
                "Timeline as PNG…",
                "The timeline with its casualty strip, with a caption",
            ),
            Action::ExportClaims => (
                "Claim panels as PNG…",
                "Every claim in view, laid out whole, with a caption",
            ),
            Action::ExportMap => ("Map as PNG…", "The map of the places, with a caption"),
            Action::CopyWindow => ("Copy window image", "The whole window, to paste elsewhere"),
            Action::Find => ("Search", "Search titles, claims and places"),
            Action::Next => ("Next →", "Next event in time"),
            Action::Previous => ("← Previous", "Previous event in time"),
            Action::Fit => (
                "Fit",
                "Fit the timeline to the filtered events; double-clicking it does too",
            ),
            Action::Deselect => ("Close", "Clear the selection"),
            Action::ToggleFilters => (
                "Filters",
                "Show or fold the filter sidebar; the chips above the timeline show the filters in use",
            ),
            Action::ToggleListBeside => (
                "Event list",
                "The event list beside the claims; off, it is a tab of the claims area",
            ),
            Action::ShowBalance => (
                "Balance report",
                "Each party's claims, words, one-sided events and caveats in this data, and the asymmetries worth a look: counts, not judgements",
            ),
            Action::AddToTour => (
                "Add to tour",
                "The selected event becomes the tour's next step, showing what the timeline shows now",
            ),
            Action::ShowTour => (
                "Tour",
                "The tour being built: its steps, their captions and time ranges; save it as a .tour.ron file",
            ),
            Action::Present => (
                "Present",
                "Full screen, large type, stepping through a tour",
            ),
            Action::PresentNext => ("Next ▶", "The next step"),
            Action::PresentPrevious => ("◀ Previous", "The previous step"),
            Action::PresentForward => (
                "Page down",
                "The rest of this step's claims, then the next step",
            ),
            Action::PresentBack => (
                "Page up",
                "Back up this step's claims, then the previous step",
            ),
            Action::PresentFirst => ("First", "The first step"),
            Action::PresentLast => ("Last", "The last step"),
            Action::StopPresenting => ("Exit", "Leave presenter mode"),
        }
    }

    pub fn text(self) -> &'static str {
        self.text_and_tooltip().0
    }

    pub fn mode(self) -> Mode {
        match self {
            Action::PresentNext
            | Action::PresentPrevious
            | Action::PresentForward
            | Action::PresentBack
            | Action::PresentFirst
            | Action::PresentLast
            | Action::StopPresenting => Mode::Presenter,
            _ => Mode::Normal,
        }
    }

    /// Its shortcuts on `os`, the first the one menus show.
    pub fn kb_shortcuts(self, os: OperatingSystem) -> Vec<KeyboardShortcut> {
        let mac = os == OperatingSystem::Mac;
        match self {
            Action::Open => vec![key(CMD, Key::O)],
            Action::OpenBundled => vec![],
            Action::Reload => vec![key(CMD, Key::R)],
            Action::SaveView => vec![key(CMD, Key::S)],
            Action::ExportWindow => vec![key(CMD, Key::E)],
            Action::ExportTimeline => vec![key(CMD.plus(Modifiers::SHIFT), Key::E)],
            Action::ExportClaims => vec![key(CMD.plus(Modifiers::ALT), Key::E)],
            Action::ExportMap => vec![key(CMD.plus(Modifiers::ALT), Key::M)],
            Action::CopyWindow => vec![key(CMD.plus(Modifiers::SHIFT), Key::C)],
            Action::Find => vec![key(CMD, Key::F)],
            Action::Next => vec![key(NONE, Key::ArrowRight)],
            Action::Previous => vec![key(NONE, Key::ArrowLeft)],
            Action::Fit => vec![key(NONE, Key::F)],
            Action::Deselect => vec![key(NONE, Key::Escape)],
            // As the sidebar of code editors and file managers.
            Action::ToggleFilters => vec![key(CMD, Key::B)],
            Action::ToggleListBeside => vec![key(CMD, Key::L)],
            Action::ShowBalance => vec![],
            Action::AddToTour => vec![key(CMD, Key::T)],
            Action::ShowTour => vec![key(CMD.plus(Modifiers::SHIFT), Key::T)],
            // Keynote's "Play slideshow" on a Mac, where F5 is often a media key.
            Action::Present if mac => {
                vec![key(NONE, Key::F5), key(CMD.plus(Modifiers::ALT), Key::P)]
            }
            Action::Present => vec![key(NONE, Key::F5)],
            // The arrows go from step to step; the keys presentation clickers send page
            // through a step's claims first, so none is skipped.
            Action::PresentNext => [Key::ArrowRight, Key::ArrowDown]
                .map(|k| key(NONE, k))
                .to_vec(),
            Action::PresentPrevious => [Key::ArrowLeft, Key::ArrowUp]
                .map(|k| key(NONE, k))
                .to_vec(),
            Action::PresentForward => [Key::PageDown, Key::Space].map(|k| key(NONE, k)).to_vec(),
            Action::PresentBack => vec![key(NONE, Key::PageUp)],
            Action::PresentFirst => vec![key(NONE, Key::Home)],
            Action::PresentLast => vec![key(NONE, Key::End)],
            Action::StopPresenting => vec![key(NONE, Key::Escape), key(NONE, Key::F5)],
        }
    }

    /// What carrying it out means.
    pub fn command(self) -> Command {
        let picture = |t| Command::Export(ExportCommand::PictureDialog(t));
        match self {
            Action::Open => Command::File(FileCommand::OpenDialog),
            Action::OpenBundled => {
                Command::File(FileCommand::Open(vec![crate::session::Source::Bundled]))
            }
            Action::Reload => Command::File(FileCommand::Reload),
            Action::SaveView => Command::File(FileCommand::SaveViewDialog),
            Action::ExportWindow => picture(Target::Window),
            Action::ExportTimeline => picture(Target::Timeline),
            Action::ExportClaims => picture(Target::Claims),
            Action::ExportMap => picture(Target::Map),
            Action::CopyWindow => {
                Command::Export(ExportCommand::Picture(Target::Window, Dest::Clipboard))
            }
            Action::Find => Command::FocusSearch,
            Action::Next => Command::Step(1),
            Action::Previous => Command::Step(-1),
            Action::Fit => Command::FitAll,
            Action::Deselect => Command::Select(None),
            Action::ToggleFilters => Command::ToggleFilters,
            Action::ToggleListBeside => Command::ToggleListBeside,
            Action::ShowBalance => Command::ShowBalance(true),
            Action::AddToTour => Command::Tour(TourCommand::AddSelected),
            Action::ShowTour => Command::Tour(TourCommand::Show(true)),
            Action::Present => Command::Present(true),
            Action::PresentNext => Command::PresentStep(PresentStep::Next),
            Action::PresentPrevious => Command::PresentStep(PresentStep::Previous),
            Action::PresentForward => Command::PresentStep(PresentStep::Forward),
            Action::PresentBack => Command::PresentStep(PresentStep::Back),
            Action::PresentFirst => Command::PresentStep(PresentStep::First),
            Action::PresentLast => Command::PresentStep(PresentStep::Last),
            Action::StopPresenting => Command::Present(false),
        }
    }

    /// Its shortcuts as this platform writes them ("Right or Space"); empty without any.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        let keys: Vec<String> = self
            .kb_shortcuts(ctx.os())
            .iter()
            .map(|k| ctx.format_shortcut(k))
            .collect();
        match keys.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }

    /// The tooltip with the shortcuts after it: "Previous event in time (Left)".
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        let (_, tip) = self.text_and_tooltip();
        match self.shortcut_text(ctx) {
            keys if keys.is_empty() => tip.to_owned(),
            keys => format!("{tip} ({keys})"),
        }
    }

    /// The shortcut a menu writes at the right of an entry: its first, as the platform
    /// writes it.
    fn menu_shortcut(self, ctx: &egui::Context) -> String {
        self.kb_shortcuts(ctx.os())
            .first()
            .map(|k| ctx.format_shortcut(k))
            .unwrap_or_default()
    }

    /// A menu entry: its words, its first shortcut at the right, its tooltip. Pushes the
    /// command when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool, cmds: &mut Vec<Command>) {
        let (text, tip) = self.text_and_tooltip();
        let shortcut = self.menu_shortcut(ui.ctx());
        let mut button = egui::Button::new(text);
        // An empty shortcut text would still end the screen reader's name with a space.
        if !shortcut.is_empty() {
            button = button.shortcut_text(shortcut);
        }
        if ui.add_enabled(enabled, button).on_hover_text(tip).clicked() {
            cmds.push(self.command());
        }
    }

    /// A menu entry for something on or off: ticked while `on`, its first shortcut at the
    /// right. Pushes the command (which toggles it) when clicked.
    pub fn menu_toggle(self, ui: &mut egui::Ui, on: bool, cmds: &mut Vec<Command>) {
        let (text, tip) = self.text_and_tooltip();
        let shortcut = self.menu_shortcut(ui.ctx());
        // "•", which Noto Sans has (a check mark is in none of the bundled fonts).
        let text = if on {
            format!("• {text}")
        } else {
            format!("    {text}")
        };
        let button = egui::Button::selectable(on, text).shortcut_text(shortcut);
        if ui.add(button).on_hover_text(tip).clicked() {
            cmds.push(self.command());
        }
    }

    /// A button that stays pressed while `on`, with its tooltip and shortcuts on hover.
    pub fn toggle(self, ui: &mut egui::Ui, on: bool, cmds: &mut Vec<Command>) {
        let tip = self.tooltip(ui.ctx());
        if ui
            .selectable_label(on, self.text())
            .on_hover_text(tip)
            .clicked()
        {
            cmds.push(self.command());
        }
    }

    /// A button with its words and, on hover, its tooltip and shortcuts.
    pub fn button(self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        self.button_enabled(ui, true, cmds);
    }

    /// [`Action::button`], greyed out unless `enabled`.
    pub fn button_enabled(self, ui: &mut egui::Ui, enabled: bool, cmds: &mut Vec<Command>) {
        let tip = self.tooltip(ui.ctx());
        let button = ui.add_enabled(enabled, egui::Button::new(self.text()));
        if button.on_hover_text(tip).clicked() {
            cmds.push(self.command());
        }
    }

    /// The actions whose shortcut was pressed this frame, in `mode`: the more specific
    /// shortcuts first (Ctrl+Shift+E before Ctrl+E, which would also match it), each key
    /// consumed once. While a text field has the keyboard, shortcuts that would interfere with
    /// typing (a plain "f", the arrows) are left to it.
    pub fn listen(ctx: &egui::Context, mode: Mode) -> Vec<Action> {
        let typing = ctx.text_edit_focused();
        let mut keys: Vec<(KeyboardShortcut, Action)> = Action::ALL
            .into_iter()
            .filter(|a| a.mode() == mode)
            .flat_map(|a| a.kb_shortcuts(ctx.os()).into_iter().map(move |k| (k, a)))
            .filter(|(k, _)| !(typing && k.conflicts_with_text_editing()))
            .collect();
        keys.sort_by_key(|(k, _)| std::cmp::Reverse(modifier_count(k.modifiers)));
        let mut out: Vec<Action> = Vec::new();
        ctx.input_mut(|i| {
            for (k, a) in keys {
                if i.consume_shortcut(&k) && !out.contains(&a) {
                    out.push(a);
                }
            }
        });
        // In the order of the registry, as the loose lists of before did.
        out.sort_by_key(|a| Action::ALL.iter().position(|b| b == a));
        out
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

/// What the keyboard asked for this frame, as commands.
pub fn from_keyboard(ctx: &egui::Context, presenting: bool) -> Vec<Command> {
    let mode = if presenting {
        Mode::Presenter
    } else {
        Mode::Normal
    };
    Action::listen(ctx, mode)
        .into_iter()
        .map(Action::command)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two shortcuts clash when one key press would match both: the same key, and modifiers
    /// that `matches_logically` would accept for either (Shift and Alt are ignored when the
    /// shortcut does not name them, so Ctrl+E also fires on Ctrl+Shift+E: the listener takes
    /// the more specific first, so that pair is allowed; the same modifiers twice are not).
    fn clash(a: &KeyboardShortcut, b: &KeyboardShortcut, os: OperatingSystem) -> bool {
        a.logical_key == b.logical_key && held(a.modifiers, os) == held(b.modifiers, os)
    }

    /// The keys a user holds for these modifiers on `os`: `COMMAND` is Ctrl, or ⌘ on a Mac.
    fn held(m: Modifiers, os: OperatingSystem) -> (bool, bool, bool, bool) {
        let mac = os == OperatingSystem::Mac;
        let ctrl = m.ctrl || (m.command && !mac);
        let cmd = m.mac_cmd || (m.command && mac);
        (m.alt, m.shift, ctrl, cmd)
    }

    fn clashes(actions: &[Action], os: OperatingSystem) -> Vec<String> {
        let mut found = Vec::new();
        for mode in [Mode::Normal, Mode::Presenter] {
            let keys: Vec<(KeyboardShortcut, Action)> = actions
                .iter()
                .filter(|a| a.mode() == mode)
                .flat_map(|&a| a.kb_shortcuts(os).into_iter().map(move |k| (k, a)))
                .collect();
            for (i, (ka, a)) in keys.iter().enumerate() {
                for (kb, b) in &keys[i + 1..] {
                    if clash(ka, kb, os) {
                        let shown = ka.format(&egui::ModifierNames::NAMES, false);
                        found.push(format!("{a:?} and {b:?} share {shown} in {mode:?} mode"));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn no_two_actions_share_a_shortcut_in_one_mode() {
        for os in [
            OperatingSystem::Nix,
            OperatingSystem::Windows,
            OperatingSystem::Mac,
        ] {
            let found = clashes(&Action::ALL, os);
            assert!(found.is_empty(), "on {os:?}: {}", found.join("; "));
        }
    }

    #[test]
    fn the_clash_test_sees_a_clash() {
        // Fit (F) and a second action bound to F in the same mode would be a clash; the same
        // key in the other mode is not.
        let found = clashes(&[Action::Fit, Action::Fit], OperatingSystem::Nix);
        assert_eq!(found, ["Fit and Fit share F in Normal mode"]);
        assert!(clashes(&[Action::Next, Action::PresentNext], OperatingSystem::Nix).is_empty());
    }

    #[test]
    fn every_action_is_in_the_registry_once() {
        for (i, a) in Action::ALL.iter().enumerate() {
            assert!(!Action::ALL[i + 1..].contains(a), "{a:?} twice");
            assert!(!a.text().is_empty());
        }
    }

    /// One frame of `ctx` with `input`, its textures dropped on purpose.
    fn frame(ctx: &egui::Context, input: egui::RawInput, f: impl FnMut(&egui::Context)) {
        let mut f = f;
        let mut output = ctx.run_ui(input, |ui| f(ui.ctx()));
        output.textures_delta.clear();
    }

    #[test]
    fn the_more_specific_shortcut_wins() {
        let ctx = egui::Context::default();
        let press = |modifiers: Modifiers| {
            let mut input = egui::RawInput::default();
            input.events.push(egui::Event::Key {
                key: Key::E,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            });
            let mut out = Vec::new();
            frame(&ctx, input, |ctx| out = Action::listen(ctx, Mode::Normal));
            out
        };
        // What egui-winit sends for Ctrl on Linux: both `ctrl` and `command`.
        let ctrl = Modifiers::CTRL | Modifiers::COMMAND;
        assert_eq!(press(ctrl), [Action::ExportWindow]);
        assert_eq!(press(ctrl | Modifiers::SHIFT), [Action::ExportTimeline]);
        assert_eq!(press(ctrl | Modifiers::ALT), [Action::ExportClaims]);
    }

    #[test]
    fn menus_write_shortcuts_for_the_platform() {
        let ctx = egui::Context::default();
        // Formatting asks the fonts whether ⌘ can be drawn; they exist after a frame.
        frame(&ctx, egui::RawInput::default(), |_| {});
        ctx.set_os(OperatingSystem::Nix);
        assert_eq!(Action::Open.shortcut_text(&ctx), "Ctrl+O");
        assert_eq!(Action::PresentPrevious.shortcut_text(&ctx), "Left or Up");
        assert_eq!(
            Action::PresentForward.shortcut_text(&ctx),
            "PageDown or Space"
        );
        ctx.set_os(OperatingSystem::Mac);
        assert_ne!(Action::Open.shortcut_text(&ctx), "Ctrl+O");
        assert!(Action::Open.shortcut_text(&ctx).contains('O'));
        assert_ne!(Action::ToggleFilters.shortcut_text(&ctx), "Ctrl+B");
        ctx.set_os(OperatingSystem::Nix);
        assert_eq!(Action::ToggleFilters.shortcut_text(&ctx), "Ctrl+B");
        assert_eq!(
            Action::ToggleFilters.tooltip(&ctx),
            "Show or fold the filter sidebar; the chips above the timeline show the filters in use (Ctrl+B)"
        );
    }
}
