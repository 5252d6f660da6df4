//! One panel alone, without the app: the parts a panel reads (a catalog of the bundled
//! dataset, its derived views, the settings, a status) built here, a [`ViewCtx`] made of them
//! each frame as `ClaimlineApp::show` makes it, and the commands the panel returns kept for
//! the test to read. Nothing here applies a command: a test sees what a panel asks for.

use egui_kittest::{Harness, HarnessBuilder};

use claimline::command::Command;
use claimline::layout::casualties::TollTable;
use claimline::layout::derived::Derived;
use claimline::query::Catalog;
use claimline::session::Source;
use claimline::session::settings::{Settings, ThemeKind};
use claimline::ui::theme::Palette;
use claimline::ui::{PanelState, PresenterView, StatusView, ViewCtx};

/// The panels that can be shown alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The filter chips, the timeline and its casualty strip, as the window stacks them.
    Timeline,
    Claims,
    /// The casualty strip on the time range the timeline showed (drawn in the first frame).
    Casualties,
    Map,
    Filters,
    /// Presenter mode's whole window; set [`Scene::presenting`].
    Presenter,
}

/// What the panel is shown on: the data, what is selected and the time range in view.
pub struct Scene {
    pub cat: Catalog,
    pub derived: Derived,
    pub settings: Settings,
    pub selected: Option<usize>,
    /// The time range to show (UTC seconds): the timeline is asked for exactly this, and the
    /// other panels are told the timeline showed it.
    pub range: Option<(f64, f64)>,
    pub presenting: Option<PresenterView>,
    sources: Vec<Source>,
}

impl Scene {
    /// The bundled dataset under the default settings (every event, lanes by party, light).
    pub fn bundled() -> Scene {
        let outcome = claimline::load::load_bundled();
        assert_eq!(outcome.error_count(), 0, "{:#?}", outcome.diagnostics);
        let cat = Catalog::new(outcome.dataset.expect("the bundled dataset loads"));
        let settings = Settings::default();
        let table = TollTable::new(&cat.dataset, &cat.index);
        let derived = Derived::new(
            &cat,
            &settings.filter,
            settings.query_options(),
            settings.lane_mode,
            &table,
            settings.toll_kind,
            1,
        );
        Scene {
            cat,
            derived,
            settings,
            selected: None,
            range: None,
            presenting: None,
            sources: vec![Source::Bundled],
        }
    }

    /// The event with id `id`; panics if there is none.
    pub fn event(&self, id: &str) -> usize {
        self.cat
            .index
            .event_index(&self.cat.dataset, id)
            .unwrap_or_else(|| panic!("no event {id}"))
    }

    /// A time range given as a dataset writes dates, from the start of `from` to the end of `to`.
    pub fn dates(&self, from: &str, to: &str) -> (f64, f64) {
        let offset = self.offset();
        let span = |s: &str| claimline::model::When::span_as_written(s, offset).unwrap();
        (span(from).start as f64, span(to).end as f64)
    }

    /// Times are shown in the first file's offset, as the app shows them.
    fn offset(&self) -> chrono::FixedOffset {
        self.cat
            .dataset
            .files
            .first()
            .map_or_else(claimline::model::utc, |f| f.utc_offset)
    }
}

/// The harness's state: the scene, the panel's own state kept across frames, and every command
/// the panel returned since the test last took them.
pub struct Shown {
    pub panel: Panel,
    pub scene: Scene,
    pub panels: PanelState,
    pub commands: Vec<Command>,
}

impl Shown {
    /// The commands returned since the last call.
    pub fn take_commands(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }
}

/// A harness of `w`×`h` points in the light theme with the app's fonts and type sizes, before
/// its first frame. Add a renderer ([`vulkan`]) to take snapshots.
pub fn builder(w: f32, h: f32) -> HarnessBuilder<Shown> {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_theme(egui::Theme::Light)
        .with_context_setup(|ctx| {
            claimline::ui::fonts::install(ctx);
            claimline::ui::style::apply(ctx, ThemeKind::Light);
        })
}

/// Shows `panel` on `scene`, and runs until it settles.
pub fn show(b: HarnessBuilder<Shown>, panel: Panel, scene: Scene) -> Harness<'static, Shown> {
    let mut panels = PanelState::default();
    if let Some((a, b)) = scene.range {
        panels.timeline.request_exact(a, b);
    }
    // The strip takes its time range from the timeline, which must have been drawn once.
    let first = if panel == Panel::Casualties {
        Panel::Timeline
    } else {
        panel
    };
    let state = Shown {
        panel: first,
        scene,
        panels,
        commands: Vec::new(),
    };
    let mut h = b.build_ui_state(frame, state);
    h.run();
    if first != panel {
        h.state_mut().panel = panel;
        h.run();
    }
    h.state_mut().commands.clear();
    h
}

/// One frame: a view of the scene, as `ClaimlineApp::show` builds it, and the panel drawn.
fn frame(ui: &mut egui::Ui, s: &mut Shown) {
    let Shown {
        panel,
        scene,
        panels,
        commands,
    } = s;
    let status = StatusView {
        catalog: Some(&scene.cat),
        job: None,
        watching: false,
        pending_open: None,
        toast: None,
        problems: None,
        warnings: &[],
        recent: &[],
        sources: &scene.sources,
        export: scene.settings.export,
        file_dialog_open: false,
        draft_tour: None,
    };
    let view = ViewCtx {
        cat: &scene.cat,
        derived: &scene.derived,
        settings: &scene.settings,
        filter: &scene.settings.filter,
        selected: scene.selected,
        scroll_to: None,
        presenting: scene.presenting.clone(),
        status: &status,
        palette: Palette::new(scene.settings.theme, Some(&scene.cat.dataset)),
        offset: scene.offset(),
        visible: panels.timeline.visible().or(scene.range),
        complete: false,
    };
    draw(ui, *panel, &view, panels, commands);
}

fn draw(
    ui: &mut egui::Ui,
    panel: Panel,
    view: &ViewCtx,
    panels: &mut PanelState,
    cmds: &mut Vec<Command>,
) {
    use claimline::export::Target;
    use claimline::ui::{casualties, claims, filters, map, presenter, timeline};
    match panel {
        // The chips, the timeline and its strip stacked by the window's own code (in a central
        // panel, as `claimline export --view timeline` draws them).
        Panel::Timeline => {
            cmds.extend(claimline::ui::show_one(ui, view, panels, Target::Timeline));
        }
        Panel::Casualties => {
            let gutter = timeline::gutter_width(ui, view, casualties::title_width(ui, view));
            casualties::ui(ui, view, gutter, &panels.timeline, cmds);
        }
        Panel::Claims => claims::ui(ui, view, view.visible, cmds, &mut panels.cards),
        Panel::Map => map::ui(ui, view, &mut panels.map, cmds),
        Panel::Filters => filters::ui(ui, view, &mut panels.filters, cmds),
        Panel::Presenter => presenter::ui(ui, view, panels, cmds),
    }
}

/// What to install when no Vulkan device is found.
const NO_VULKAN: &str = "no Vulkan adapter: snapshots are drawn by wgpu on Mesa's software \
     Vulkan (llvmpipe). Install it with `apt-get install mesa-vulkan-drivers libvulkan1` and run \
     under `xvfb-run`, as .ci/run does";

/// Draws with wgpu on a Vulkan adapter (on a machine without a GPU, Mesa's llvmpipe, which is
/// what the reviewed snapshots were drawn with). Panics, saying what to install, when there is
/// none, rather than falling back to another backend whose pixels differ.
pub fn vulkan<S>(b: HarnessBuilder<S>) -> HarnessBuilder<S> {
    use eframe::egui_wgpu::{WgpuSetup, wgpu};
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends: wgpu::Backends::VULKAN,
        ..wgpu::InstanceDescriptor::new_without_display_handle()
    });
    let adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::VULKAN));
    assert!(!adapters.is_empty(), "{NO_VULKAN}");
    let WgpuSetup::CreateNew(mut setup) = egui_kittest::wgpu::default_wgpu_setup() else {
        unreachable!("kittest creates its own device");
    };
    setup.instance_descriptor.backends = wgpu::Backends::VULKAN;
    b.wgpu_setup(WgpuSetup::CreateNew(setup))
}
