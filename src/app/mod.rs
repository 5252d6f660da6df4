//! The viewer's state and its one-way flow: the catalog and the filter go in, the query and the
//! views (lanes, casualty series) are derived from them when either changes, the panels draw
//! those and return [`Command`]s, and [`ClaimlineApp::apply`] carries the commands out.
//! [`ClaimlineApp::show`] lends the panels a `ui::ViewCtx` each frame. Opening, reloading and
//! remembering files is in [`files`], exports in [`exporting`], presenter mode in
//! [`presenting`], drawing without a window in [`headless`].

mod clipboard;

pub mod dialogs;
pub mod exporting;
pub mod files;
pub mod frame_stats;
pub mod headless;
pub mod presenting;
pub mod touring;
pub mod window;

pub use crate::command::Command;
pub use crate::session::problems::Problems;
pub use crate::session::settings::Settings;
pub use files::Start;

use std::path::PathBuf;

use crate::export::Target;
use crate::layout::casualties::TollTable;
use crate::layout::derived::Derived;
use crate::load::{Diagnostic, LoadOutcome};
use crate::model::utc;
use crate::query::{Catalog, FilterState};
use crate::session::Source;
use crate::ui;
use chrono::FixedOffset;

pub struct ClaimlineApp {
    pub catalog: Option<std::sync::Arc<Catalog>>,
    /// What the catalog was loaded from, in merge order.
    pub sources: Vec<Source>,
    /// Warnings of the load that produced the catalog.
    pub warnings: Vec<Diagnostic>,
    /// Why the last load failed; shown until dismissed or fixed.
    pub problems: Option<Problems>,
    pub settings: Settings,
    pub recent: Vec<PathBuf>,
    pub derived: Derived,
    /// Index into the dataset's events.
    pub selected: Option<usize>,
    /// Panel state that is not a user choice: the timeline's pending view change and what it
    /// showed last frame, the table's sort.
    pub panels: ui::PanelState,
    /// Set by `apply` when the selection changed, so the event list scrolls to it once.
    pub selection_moved: bool,
    /// Loading and watching: the parts that talk to the file system.
    pub files: files::FileState,
    /// The file dialog open now (the desktop's, or Claimline's own in the window).
    pub dialog: dialogs::DialogState,
    /// A short message for the user ("View saved to …"), with when it was set.
    pub toast: Option<(String, std::time::Instant)>,
    /// Pictures waiting for their screenshot.
    pub exports: exporting::ExportState,
    /// Presenter mode, while it is on.
    pub presenter: Option<presenting::Presenter>,
    /// Every toll figure of the catalog, for the casualty strip; built with the catalog.
    pub toll_table: TollTable,
    /// The Balance window stands open.
    pub balance_open: bool,
    /// The balance report on the catalog, made when the window first needs it after a load.
    pub balance: Option<crate::balance::Report>,
    /// The tour being built in the window, and its panel.
    pub touring: touring::Touring,
    /// Whether the window's place on the screen was checked (once, when it is first known).
    window_checked: bool,
}

impl ClaimlineApp {
    /// An app showing a load of the bundled dataset that already happened (tests).
    pub fn new(outcome: LoadOutcome) -> ClaimlineApp {
        ClaimlineApp::with_sources(outcome, vec![Source::Bundled])
    }

    /// An app showing a load of `sources` that already happened (`claimline export`).
    pub fn with_sources(outcome: LoadOutcome, sources: Vec<Source>) -> ClaimlineApp {
        let mut app = ClaimlineApp::empty();
        app.install(
            crate::session::loading::Loaded::index(outcome),
            sources,
            files::Purpose::Open,
        );
        app
    }

    /// Nothing loaded yet.
    fn empty() -> ClaimlineApp {
        ClaimlineApp {
            catalog: None,
            sources: vec![Source::Bundled],
            warnings: Vec::new(),
            problems: None,
            settings: Settings::default(),
            recent: Vec::new(),
            derived: Derived::default(),
            selected: None,
            panels: ui::PanelState::default(),
            selection_moved: false,
            files: files::FileState::default(),
            dialog: dialogs::DialogState::default(),
            toast: None,
            exports: exporting::ExportState::default(),
            presenter: None,
            toll_table: TollTable::default(),
            balance_open: false,
            balance: None,
            touring: touring::Touring::default(),
            window_checked: false,
        }
    }

    /// For eframe: installs fonts and the theme, then builds the app.
    pub fn with_context(ctx: &egui::Context, outcome: LoadOutcome) -> ClaimlineApp {
        ui::fonts::install(ctx);
        let app = ClaimlineApp::new(outcome);
        ui::style::apply(ctx, app.settings.theme);
        app
    }

    /// The offset in which times are shown: the dataset's (see [`crate::model::Dataset::display_zone`]).
    pub fn display_offset(&self) -> FixedOffset {
        self.catalog
            .as_ref()
            .map_or_else(utc, |c| c.dataset.display_zone())
    }

    /// Draws the window (or one exportable panel alone, laid out whole) from a view of the
    /// state, and returns what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui, one: Option<Target>) -> Vec<Command> {
        // The whole window is the window, drawn as on screen.
        let one = one.filter(|&t| t != Target::Window);
        let presenting = self.presenter.as_ref().map(|p| ui::PresenterView {
            tour: p.tour,
            step: p.step,
            step_count: self.step_count(),
            caption: self.current_step().and_then(|s| s.caption.clone()),
            columns: self.current_step().and_then(|s| s.columns.clone()),
            short: p.fit.short(),
        });
        let offset = self.display_offset();
        let scroll_to = std::mem::take(&mut self.selection_moved)
            .then_some(self.selected)
            .flatten();
        let visible = self.panels.timeline.visible();
        let status = ui::StatusView {
            catalog: self.catalog.as_deref(),
            job: self.files.job(),
            watching: self.files.is_watching(),
            pending_open: self.files.pending_open.as_deref(),
            toast: self.toast.as_ref(),
            problems: self.problems.as_ref(),
            warnings: &self.warnings,
            recent: &self.recent,
            sources: &self.sources,
            export: self.settings.export,
            file_dialog_open: self.dialog.picker().is_some(),
            draft_tour: (self.touring.draft.as_ref())
                .filter(|d| !d.tour.steps.is_empty())
                .map(|d| d.tour.title.as_str()),
        };
        let view = self.catalog.as_ref().map(|cat| ui::ViewCtx {
            cat,
            derived: &self.derived,
            settings: &self.settings,
            filter: &self.settings.filter,
            selected: self.selected,
            scroll_to,
            presenting,
            status: &status,
            palette: ui::theme::Palette::new(self.settings.theme, Some(&cat.dataset)),
            offset,
            visible,
            complete: one.is_some(),
        });
        let mut cmds = match (one, view.as_ref()) {
            (Some(target), Some(view)) => ui::show_one(ui, view, &mut self.panels, target),
            (Some(_), None) => Vec::new(),
            (None, view) => ui::show(ui, &status, view, &mut self.panels),
        };
        // The Balance window, over the window (never in a picture of one panel, nor while
        // presenting).
        if one.is_none()
            && self.balance_open
            && self.presenter.is_none()
            && let Some(cat) = &self.catalog
        {
            let report = self
                .balance
                .get_or_insert_with(|| crate::balance::Report::new(cat));
            ui::balance::window(ui.ctx(), report, &mut cmds);
        }
        if one.is_none() && self.touring.asking_to_close {
            ui::tour_panel::close_question(ui.ctx(), &mut cmds);
        }
        // The tour panel, over the window like the Balance window.
        if one.is_none()
            && self.touring.open
            && self.presenter.is_none()
            && let (Some(cat), Some(draft)) = (&self.catalog, &self.touring.draft)
        {
            let offset = self.display_offset();
            let tour = ui::tour_panel::TourView {
                cat,
                draft,
                selected: self.selected,
                offset,
            };
            ui::tour_panel::window(ui.ctx(), &tour, &mut cmds);
        }
        if one.is_none()
            && let Some(picker) = self.dialog.picker_mut()
            && let Some(answer) = ui::file_dialog::show(ui.ctx(), picker)
        {
            cmds.extend(self.answer_in_window(answer));
        }
        // Panels drawn before the timeline (the event list, the claims overview) read the
        // range it showed last frame: when it moved, they are drawn again with the new one.
        // (An animation already asks for the next frame; its last step does not.)
        if one.is_none()
            && self.panels.timeline.visible() != visible
            && !ui.ctx().has_requested_repaint()
        {
            ui.ctx().request_repaint();
        }
        cmds
    }

    fn rederive(&mut self) {
        let Some(cat) = &self.catalog else {
            self.derived = Derived::default();
            return;
        };
        self.derived = Derived::new(
            cat,
            &self.settings.filter,
            self.settings.query_options(),
            self.settings.lane_mode,
            &self.toll_table,
            self.settings.toll_kind,
            self.derived.generation + 1,
        );
    }

    /// The selected event's id, which survives a reload where its index may not.
    pub fn selected_id(&self) -> Option<String> {
        let (cat, e) = (self.catalog.as_ref()?, self.selected?);
        Some(cat.dataset.events[e].id.to_string())
    }

    pub fn apply(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let before = (self.settings.clone(), self.selected);
        for c in commands {
            self.apply_one(ctx, c);
        }
        if self.settings.filter != before.0.filter
            || self.settings.lane_mode != before.0.lane_mode
            || self.settings.district_scheme != before.0.district_scheme
            || self.settings.toll_kind != before.0.toll_kind
        {
            self.rederive();
            // A filter that hides the selected event clears the selection.
            if self.settings.filter != before.0.filter
                && self
                    .selected
                    .is_some_and(|s| !self.derived.query.contains(s))
            {
                self.selected = None;
            }
        }
        if self.selected != before.1 {
            self.selection_moved = true;
            if let Some(e) = self.selected {
                self.panels.timeline.request_show(self.event_span(e));
            }
        }
    }

    fn event_span(&self, e: usize) -> (f64, f64) {
        self.catalog.as_ref().map_or((0.0, 0.0), |c| {
            let s = c.index.events[e].span;
            (s.start as f64, s.end as f64)
        })
    }

    fn apply_one(&mut self, ctx: &egui::Context, c: Command) {
        let f = &mut self.settings.filter;
        match c {
            Command::Select(e) => self.selected = e,
            Command::Step(d) => self.selected = self.step(d),
            Command::FitAll => self.panels.timeline.request_fit(),
            Command::FocusSearch => {
                // The search field is in the sidebar: searching opens it.
                if !self.panels.panes.filters_open {
                    self.settings.panes.filters_open = Some(true);
                }
                self.panels.filters.focus_search = true;
                ctx.request_repaint();
            }
            Command::ZoomTo(a, b) => self.panels.timeline.request_range(a, b),
            Command::ZoomToBusiest(width) => {
                // Found when asked: on every filter change it took most of the change's time
                // at a million events.
                if let Some(cat) = &self.catalog {
                    let starts: Vec<i64> = (self.derived.query.events.iter())
                        .map(|&e| cat.index.starts[e])
                        .collect();
                    if let Some((a, b)) = crate::layout::zoom::busiest(&starts, width) {
                        self.panels.timeline.request_range(a as f64, b as f64);
                    }
                }
            }
            Command::ToggleActor(id) => toggle(&mut f.actors, id),
            Command::ToggleDistrict(name) => toggle(&mut f.districts, name),
            Command::ToggleSide(s) => toggle(&mut f.sides, s),
            Command::ToggleKind(k) => toggle(&mut f.kinds, k),
            Command::SetText(t) => f.text = t,
            Command::SetContested(on) => f.contested_only = on,
            Command::SetRange(from, to) => (f.from, f.to) = (from, to),
            Command::SetFilter(new) => *f = new,
            Command::ClearFilters => *f = FilterState::default(),
            Command::SetLaneMode(m) => self.settings.lane_mode = m,
            Command::SetDistrictScheme(s) => self.settings.district_scheme = s,
            Command::SetColumns(c) => self.settings.columns = c,
            Command::SetTollKind(k) => self.settings.toll_kind = k,
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ui::style::apply(ctx, theme);
            }
            Command::ShowFilters(open) => self.settings.panes.filters_open = Some(open),
            Command::ToggleFilters => {
                self.settings.panes.filters_open = Some(!self.panels.panes.filters_open);
            }
            Command::ToggleListBeside => {
                self.settings.panes.list_beside = Some(!self.panels.panes.list_beside);
            }
            Command::AutoPanes => self.settings.panes = Default::default(),
            Command::ShowBalance(open) => self.balance_open = open,
            Command::File(fc) => self.apply_file(ctx, fc),
            Command::Export(ec) => self.apply_export(ctx, ec),
            c @ (Command::Present(_) | Command::ChooseTour(_) | Command::PresentStep(_)) => {
                self.apply_present(ctx, c)
            }
            Command::Tour(tc) => self.apply_tour(ctx, tc),
        }
    }

    /// The filtered event `d` steps after (or before) the selection; from nothing, the first
    /// (or last). Stops at the ends rather than wrapping, as a reader expects of a timeline.
    fn step(&self, d: i32) -> Option<usize> {
        let events = &self.derived.query.events;
        if events.is_empty() {
            return None;
        }
        let pos = match self
            .selected
            .and_then(|s| events.iter().position(|&e| e == s))
        {
            Some(p) => (p as i64 + i64::from(d)).clamp(0, events.len() as i64 - 1) as usize,
            None if d >= 0 => 0,
            None => events.len() - 1,
        };
        Some(events[pos])
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
}

impl eframe::App for ClaimlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.window_checked {
            self.window_checked = window::keep_on_screen(&ctx);
        }
        self.guard_close(&ctx);
        let mut commands = self.poll(&ctx);
        commands.extend(self.show(ui, None));
        self.apply(&ctx, commands);
        self.fit_type(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.persisted());
    }
}

/// The name eframe keeps the saved state under (in `~/.local/share/claimline/app.ron` on Linux),
/// given to it as `persistence_path` since the window has an app id.
const APP_NAME: &str = "Claimline";

/// The app with its frames timed into a CSV file (`--frame-stats`), and the time the window
/// took to open its files said on standard error.
struct Measured {
    app: ClaimlineApp,
    stats: frame_stats::FrameStats,
    timer: frame_stats::OpenTimer,
    /// The progress of the first load, kept to say how long its stages took.
    load_progress: Option<std::sync::Arc<crate::session::loading::Progress>>,
}

/// "; loading took T s: reading a s, parsing b s, ..." for the window-open line.
fn load_stages(times: &[(crate::session::loading::Stage, std::time::Duration)]) -> String {
    if times.is_empty() {
        return String::new();
    }
    let total: f64 = times.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let each: Vec<String> = (times.iter())
        .map(|(s, d)| format!("{} {:.2} s", s.label().to_lowercase(), d.as_secs_f64()))
        .collect();
    format!("; loading took {total:.2} s: {}", each.join(", "))
}

impl eframe::App for Measured {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let now = std::time::Instant::now();
        let loading = (self.app.files.job()).map(|job| job.progress.fraction());
        if let Err(e) = self.stats.record(frame.info().cpu_usage, now, loading) {
            eprintln!("claimline: cannot write the frame stats: {e}");
        }
        self.app.ui(ui, frame);
        if let Some(job) = self.app.files.job() {
            self.load_progress = Some(std::sync::Arc::clone(&job.progress));
        }
        let loading = self.app.files.job().is_some();
        if let Some(t) = self.timer.opened(loading, std::time::Instant::now()) {
            let events = self
                .app
                .catalog
                .as_ref()
                .map_or(0, |c| c.dataset.events.len());
            let stages = (self.load_progress.as_ref())
                .map(|p| load_stages(&p.stage_times()))
                .unwrap_or_default();
            eprintln!(
                "claimline: window open with {events} events {:.2} s after start (frame {}){stages}",
                t.as_secs_f64(),
                self.stats.frames()
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}

/// Opens the window; returns an error message when no renderer could start. With
/// `frame_stats`, each frame's timings go to that file as CSV ([`frame_stats`]).
pub fn run(start: Start, frame_stats: Option<PathBuf>) -> Result<(), String> {
    let started = std::time::Instant::now();
    let stats = match frame_stats.as_deref().map(frame_stats::FrameStats::create) {
        Some(Err(e)) => return Err(format!("cannot write the frame stats: {e}")),
        Some(Ok(stats)) => Some(stats),
        None => None,
    };
    let state_file = eframe::storage_dir(APP_NAME).map(|d| d.join("app.ron"));
    let options = eframe::NativeOptions {
        viewport: window::viewport(),
        // Runs on the saved geometry eframe restored, before the window opens.
        window_builder: Some(Box::new(window::sane_viewport)),
        // eframe would keep the state under the app id once one is set; this keeps it where
        // earlier versions saved it, so an update remembers the session.
        persistence_path: state_file.clone(),
        ..Default::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            let entry = cc.storage.and_then(|s| s.get_string(eframe::APP_KEY));
            let remembered =
                crate::session::state::read_remembered(entry.as_deref(), state_file.as_deref());
            let mut app =
                ClaimlineApp::start(&cc.egui_ctx, start, remembered.clone().unwrap_or_default());
            if let Err(why) = remembered {
                app.settings_unreadable(why);
            }
            Ok(match stats {
                Some(stats) => Box::new(Measured {
                    app,
                    stats,
                    timer: frame_stats::OpenTimer::new(started),
                    load_progress: None,
                }),
                None => Box::new(app),
            })
        }),
    )
    .map_err(|e| {
        format!(
            "could not open a window: {e}. On Linux without a GPU install Mesa's software Vulkan \
             (apt-get install mesa-vulkan-drivers libvulkan1)."
        )
    })
}
