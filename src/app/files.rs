//! Opening, reloading and remembering files. Every way in (the command line, the dialog, drag
//! and drop, a recent file, a saved view, a change on disk) ends in one [`LoadJob`] on its own
//! thread, and its result in [`ClaimlineApp::install`]: a good load replaces the catalog,
//! keeping the selection and filters whose ids still exist; a failed one only sets
//! [`Problems`], so what is on screen stays as it was.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{ClaimlineApp, Command};
use crate::command::FileCommand;
use crate::load::Diagnostic;
use crate::query::{Catalog, FilterState};
use crate::session::file_picker::{Filter, Mode, Request};
use crate::session::loading::{LoadJob, Loaded, paths};
use crate::session::problems::Problems;
use crate::session::saved_view::{self, SavedView};
use crate::session::state::{Snapshot, State};
use crate::session::watch::FileWatcher;
use crate::session::{Source, combine, recent};

/// How long after the last change on disk a reload starts: editors write in bursts.
const SETTLE: Duration = Duration::from_millis(150);

/// What this run was asked to open on the command line; unlike [`State`], never remembered.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// Files named on the command line (the bundled dataset when empty and nothing remembered).
    pub files: Vec<PathBuf>,
    /// A saved view given with `--view`, already read.
    pub view: Option<SavedView>,
    /// Where loads keep snapshots (see `load::cache`): the environment's choice in the window;
    /// none keeps none (the tests, which must not touch the user's cache folder).
    pub cache: Option<crate::load::cache::Cache>,
}

/// Why a load runs: opening keeps nothing of the old view's range; a reload keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    Reload,
}

#[derive(Default)]
pub struct FileState {
    job: Option<(LoadJob, Purpose)>,
    watcher: Option<FileWatcher>,
    reload_at: Option<Instant>,
    /// Files waiting for the add-or-replace answer.
    pub pending_open: Option<Vec<Source>>,
    /// What to put back once a load lands: a saved view's or the last session's picture.
    restore: Option<Snapshot>,
    /// Where loads keep and look for snapshots: [`Start::cache`].
    pub cache: Option<crate::load::cache::Cache>,
}

impl FileState {
    /// The load under way, if any: what it loads and how far it is.
    pub fn job(&self) -> Option<&LoadJob> {
        self.job.as_ref().map(|(j, _)| j)
    }

    pub fn is_watching(&self) -> bool {
        self.watcher.is_some()
    }
}

impl ClaimlineApp {
    /// The app as the window starts it: from a saved view, the command line, the last session
    /// or the bundled dataset, in that order of precedence.
    pub fn start(ctx: &egui::Context, start: Start, remembered: Option<State>) -> ClaimlineApp {
        crate::ui::fonts::install(ctx);
        let mut app = ClaimlineApp::empty();
        app.files.cache = start.cache;
        let remembered = remembered.unwrap_or_default();
        app.recent = remembered.recent;
        app.settings = remembered.settings;
        app.touring.draft = remembered.tour_draft;
        if let Some(d) = &app.touring.draft {
            app.toast(format!(
                "The tour you were building, “{}” ({}), is as you left it: View → Tour",
                crate::model::length::shown(&d.tour.title),
                crate::model::wording::plural(d.tour.steps.len(), "step")
            ));
        }
        let mut sources: Vec<Source> = Vec::new();
        let mut missing = Vec::new();
        if let Some(view) = start.view {
            app.settings.filter = view.filter;
            app.settings.lane_mode = view.lane_mode;
            app.settings.district_scheme = view.district_scheme;
            sources = view.snapshot.sources.clone();
            app.files.restore = Some(view.snapshot);
        } else if !start.files.is_empty() {
            sources = Source::for_paths(&start.files);
        } else {
            for s in &remembered.snapshot.sources {
                match s.path() {
                    Some(p) if !p.exists() => missing.push(p.clone()),
                    _ => sources.push(s.clone()),
                }
            }
            app.files.restore = Some(remembered.snapshot);
        }
        if sources.is_empty() {
            sources.push(Source::Bundled);
        }
        crate::ui::style::apply(ctx, app.settings.theme);
        app.load(ctx, sources, Purpose::Open);
        if !missing.is_empty() {
            app.problems = Some(Problems {
                heading: "Files from the last session are gone; the rest was opened".to_owned(),
                diagnostics: missing
                    .iter()
                    .map(|p| {
                        Diagnostic::error(
                            &p.display().to_string(),
                            None,
                            "no longer exists (moved or deleted?)",
                        )
                    })
                    .collect(),
                failed: false,
            });
        }
        app
    }

    /// Says, once, that the saved settings could not be read and the defaults are used.
    pub fn settings_unreadable(&mut self, why: Diagnostic) {
        self.problems = Some(Problems {
            heading: "Your saved settings could not be read; defaults are used".to_owned(),
            diagnostics: vec![why],
            failed: false,
        });
    }

    /// What to remember of this session.
    pub fn persisted(&self) -> State {
        State {
            settings: self.settings.clone(),
            snapshot: self.snapshot(),
            recent: self.recent.clone(),
            tour_draft: (self.touring.draft.clone()).filter(|d| !d.tour.steps.is_empty()),
        }
    }

    /// The current picture as a saved view.
    pub fn saved_view(&self) -> SavedView {
        SavedView::new(self.snapshot(), &self.settings)
    }

    /// What is open and shown now, to restore later.
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            sources: self.sources.clone(),
            selected: self.selected_id(),
            time_range: self.panels.timeline.visible(),
            parties: self.catalog.as_ref().map(|c| party_ids(&c.dataset)),
        }
    }

    /// Starts loading `sources` on a thread; the window wakes when it is done.
    fn load(&mut self, ctx: &egui::Context, sources: Vec<Source>, purpose: Purpose) {
        // Remembered as absolute paths: a relative one would name another file in a later run
        // started from another folder.
        let sources = sources.into_iter().map(Source::absolute).collect();
        let ctx = ctx.clone();
        let job = LoadJob::spawn_with(sources, self.files.cache.clone(), move || {
            ctx.request_repaint()
        });
        self.files.job = Some((job, purpose));
    }

    /// Everything that arrives between frames: a finished load, a dialog's answer, dropped
    /// files, changes on disk. Returns commands for `apply`.
    pub fn poll(&mut self, ctx: &egui::Context) -> Vec<Command> {
        self.poll_exports(ctx);
        let mut cmds = Vec::new();
        if let Some((job, purpose)) = &self.files.job {
            match job.poll() {
                Some(out) => {
                    let (sources, purpose) = (job.sources.clone(), *purpose);
                    self.files.job = None;
                    self.install(out, sources, purpose);
                    self.rewatch(ctx);
                }
                // Keep the progress bar moving.
                None => ctx.request_repaint_after(crate::ui::files::LOADING_FRAME),
            }
        }
        cmds.extend(self.poll_dialog());
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            cmds.push(Command::File(FileCommand::Open(
                dropped.into_iter().map(Source::File).collect(),
            )));
        }
        if let Some(w) = &self.files.watcher
            && !w.changed().is_empty()
        {
            self.files.reload_at = Some(Instant::now() + SETTLE);
            ctx.request_repaint_after(SETTLE);
        }
        if let Some(at) = self.files.reload_at {
            if Instant::now() >= at && self.files.job.is_none() {
                self.files.reload_at = None;
                self.load(ctx, self.sources.clone(), Purpose::Reload);
            } else {
                ctx.request_repaint_after(SETTLE);
            }
        }
        cmds
    }

    /// Takes a finished load. A good one replaces the catalog; a failed one keeps it.
    pub fn install(&mut self, out: Loaded, sources: Vec<Source>, purpose: Purpose) {
        let names: Vec<String> = sources.iter().map(Source::label).collect();
        let Some(catalog) = out.catalog else {
            let errors = out.diagnostics.iter().filter(|d| d.is_error()).count();
            let kept = if self.catalog.is_some() {
                "the data on screen is what was loaded before"
            } else {
                "nothing is loaded"
            };
            self.problems = Some(Problems {
                heading: format!(
                    "Could not load {}: {errors} error{}; {kept}",
                    names.join(", "),
                    if errors == 1 { "" } else { "s" }
                ),
                diagnostics: out.diagnostics,
                failed: true,
            });
            if self.catalog.is_none() {
                // Keep the sources so that fixing the file (watched) loads it.
                self.sources = sources;
            }
            return;
        };
        let selected = self
            .files
            .restore
            .as_mut()
            .and_then(|r| r.selected.take())
            .or_else(|| self.selected_id());
        // Sides chosen under the old party order (this load's predecessor, or the snapshot
        // being restored) name the same parties under the new one.
        let before = (self.files.restore.as_mut())
            .and_then(|r| r.parties.take())
            .or_else(|| self.catalog.as_ref().map(|c| party_ids(&c.dataset)));
        if let Some(before) = before {
            self.settings
                .filter
                .follow_parties(&before, &catalog.dataset);
        }
        keep_known(&mut self.settings.filter, &catalog);
        self.selected = selected.and_then(|id| catalog.index.event_index(&catalog.dataset, &id));
        self.toll_table =
            crate::layout::casualties::TollTable::new(&catalog.dataset, &catalog.index);
        self.catalog = Some(catalog);
        // Made again from the new catalog when the Balance window next needs it.
        self.balance = None;
        self.warnings = out
            .diagnostics
            .into_iter()
            // Notes (places without coordinates) need no fixing: the map counts those.
            .filter(|d| d.is_warning())
            .collect();
        if self.problems.as_ref().is_some_and(|p| p.failed) {
            self.problems = None;
        }
        if purpose == Purpose::Open {
            // The files opened last come first.
            let mut opened = paths(&sources);
            opened.reverse();
            recent::remember(&mut self.recent, &opened);
            match self.files.restore.take().and_then(|r| r.time_range) {
                Some((a, b)) => self.panels.timeline.request_exact(a, b),
                None => self.panels.timeline.request_opening(),
            }
        }
        self.sources = sources;
        self.rederive();
        self.selection_moved = true;
    }

    /// Watches the open files and the mapping files that may sit beside them (again, if
    /// they changed).
    fn rewatch(&mut self, ctx: &egui::Context) {
        let mut files = paths(&self.sources);
        let maps: Vec<PathBuf> = files
            .iter()
            .flat_map(|f| crate::import::open::maps_beside(f))
            .collect();
        files.extend(maps);
        if self.files.watcher.as_ref().map(|w| &w.files) == Some(&files) {
            return;
        }
        self.files.watcher = None;
        if files.is_empty() {
            return;
        }
        let ctx = ctx.clone();
        match FileWatcher::new(&files, move || ctx.request_repaint()) {
            Ok(w) => self.files.watcher = Some(w),
            Err(e) => {
                self.toast(format!("Changes on disk will not be seen: {e}"));
            }
        }
    }

    /// Where a file dialog starts: beside the first file open, if any.
    pub(super) fn dialog_folder(&self) -> Option<PathBuf> {
        let first = paths(&self.sources).into_iter().next()?;
        first.parent().map(std::path::Path::to_path_buf)
    }

    pub fn toast(&mut self, message: String) {
        self.toast = Some((message, Instant::now()));
    }

    pub(super) fn apply_file(&mut self, ctx: &egui::Context, c: FileCommand) {
        match c {
            FileCommand::OpenDialog => {
                let request = Request {
                    title: "Open Claimline datasets".to_owned(),
                    mode: Mode::OpenMany,
                    filters: vec![
                        Filter::new(
                            "Datasets, ACLED exports and sheets",
                            &crate::import::open::EXTENSIONS,
                        ),
                        Filter::new("Claimline dataset (RON)", &["ron"]),
                        Filter::new("CSV: ACLED, claims sheet, TimelineJS", &["csv"]),
                        Filter::new("Workbook: claims sheet", &["xlsx", "ods", "xls"]),
                    ],
                    folder: self.dialog_folder(),
                };
                self.file_dialog(ctx, request, |paths| {
                    Command::File(FileCommand::Open(
                        paths.into_iter().map(Source::File).collect(),
                    ))
                });
            }
            FileCommand::Open(new) => {
                let new: Vec<Source> = new.into_iter().map(Source::absolute).collect();
                // Over files the user opened, ask; over the bundled sample, just open.
                if self.catalog.is_some() && self.sources.iter().any(|s| s.path().is_some()) {
                    self.files.pending_open = Some(new);
                } else {
                    self.load(ctx, new, Purpose::Open);
                }
            }
            FileCommand::CancelLoad => {
                if let Some((job, _)) = self.files.job.take() {
                    job.progress.cancel();
                    self.toast(format!("Stopped loading {}", job.describe()));
                }
            }
            FileCommand::Load(new, mode) => {
                self.files.pending_open = None;
                let sources = combine(&self.sources, &new, mode);
                self.load(ctx, sources, Purpose::Open);
            }
            FileCommand::CancelOpen => self.files.pending_open = None,
            FileCommand::Reload => self.load(ctx, self.sources.clone(), Purpose::Reload),
            FileCommand::SaveViewDialog => {
                let request = Request {
                    title: "Save this view".to_owned(),
                    mode: Mode::Save {
                        file_name: format!("{}.view.ron", self.slug()),
                    },
                    filters: vec![Filter::new("Claimline view", &["ron"])],
                    folder: self.dialog_folder(),
                };
                self.file_dialog(ctx, request, |paths| {
                    Command::File(FileCommand::SaveView(first(paths)))
                });
            }
            FileCommand::SaveView(path) => {
                if let Err(e) = self.refuse_open_dataset(&path) {
                    self.toast(format!("Not saved: {e}"));
                    return;
                }
                match saved_view::write(&path, &self.saved_view()) {
                    Ok(()) => self.toast(format!("View saved to {}", path.display())),
                    Err(e) => self.toast(format!(
                        "Could not save the view to {}: {e}",
                        path.display()
                    )),
                }
            }
            FileCommand::DismissProblems => self.problems = None,
            FileCommand::ShowWarnings => {
                self.problems = Some(Problems {
                    heading: format!("{} warning(s) in the files loaded", self.warnings.len()),
                    diagnostics: self.warnings.clone(),
                    failed: false,
                })
            }
        }
    }
}

/// The one path a save dialog answers.
pub(super) fn first(paths: Vec<PathBuf>) -> PathBuf {
    paths.into_iter().next().unwrap_or_default()
}

fn party_ids(ds: &crate::model::Dataset) -> Vec<String> {
    ds.parties.iter().map(|p| p.id.clone()).collect()
}

/// Drops filter choices whose actor or district the new catalog no longer has.
fn keep_known(f: &mut FilterState, cat: &Catalog) {
    f.actors.retain(|id| cat.index.actor_index(id).is_some());
    f.districts
        .retain(|d| cat.index.district_index(d).is_some());
}
