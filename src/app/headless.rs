//! Drawing the app without a window: the same `ui::show` the window runs, in an egui context of
//! its own, for a few frames until the layout settles, then rasterized on the CPU. Also the
//! caption band, drawn the same way, that goes under every exported picture.

use egui::{Color32, ColorImage, Context, FullOutput, Pos2, RawInput, Rect, Vec2, ViewportId};

use crate::app::ClaimlineApp;
use crate::export::Target;
use crate::export::raster::{Textures, rasterize};
use crate::session::settings::ThemeKind;
use crate::ui;

/// Frames run before the picture is taken: fonts, panel sizes and the timeline's fit each take
/// a frame to settle.
const SETTLE_FRAMES: usize = 5;

/// An egui context with no window, and the textures it has sent so far.
pub struct Headless {
    pub ctx: Context,
    textures: Textures,
    /// What a screen reader was told in the last frame, when asked for
    /// ([`Headless::with_accesskit`]): what a picture holds, checked by its meaning.
    pub accessible: Vec<AccessibleNode>,
}

/// One node of the accessibility tree: its role, its words and where it is, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessibleNode {
    pub role: egui::accesskit::Role,
    pub label: String,
    /// A text label's words (egui gives a `Label` a value, not a label).
    pub value: String,
    pub rect: Rect,
}

impl Headless {
    /// Set up as the window is: the bundled fonts, the app's type sizes, the theme.
    pub fn new(theme: ThemeKind) -> Headless {
        let ctx = Context::default();
        ui::fonts::install(&ctx);
        ui::style::apply(&ctx, theme);
        ctx.all_styles_mut(|s| s.animation_time = 0.0);
        Headless {
            ctx,
            textures: Textures::default(),
            accessible: Vec::new(),
        }
    }

    /// Also keeps what screen readers are told of each frame, in [`Headless::accessible`].
    pub fn with_accesskit(self) -> Headless {
        self.ctx.enable_accesskit();
        self
    }

    /// One frame; its texture changes are kept, whether or not the frame is drawn.
    fn frame(
        &mut self,
        size: Vec2,
        pixels_per_point: f32,
        draw: impl FnMut(&mut egui::Ui),
    ) -> FullOutput {
        let mut raw = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
            ..Default::default()
        };
        if let Some(v) = raw.viewports.get_mut(&ViewportId::ROOT) {
            v.native_pixels_per_point = Some(pixels_per_point);
        }
        let mut out = self.ctx.run_ui(raw, draw);
        self.textures.apply(&mut out.textures_delta);
        if let Some(tree) = &out.platform_output.accesskit_update {
            // egui gives bounds in points (the window scales them).
            self.accessible = tree
                .nodes
                .iter()
                .map(|(_, n)| AccessibleNode {
                    role: n.role(),
                    label: n.label().unwrap_or_default().to_owned(),
                    value: n.value().unwrap_or_default().to_owned(),
                    rect: n.bounds().map_or(Rect::NOTHING, |b| {
                        Rect::from_min_max(
                            Pos2::new(b.x0 as f32, b.y0 as f32),
                            Pos2::new(b.x1 as f32, b.y1 as f32),
                        )
                    }),
                })
                .collect();
        }
        out
    }

    /// Runs `frames` frames of `draw` and rasterizes the last.
    fn render(
        &mut self,
        size: Vec2,
        pixels_per_point: f32,
        frames: usize,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> ColorImage {
        let mut out = self.frame(size, pixels_per_point, &mut draw);
        for _ in 1..frames {
            out = self.frame(size, pixels_per_point, &mut draw);
        }
        let ppp = out.pixels_per_point;
        let primitives = self.ctx.tessellate(out.shapes, ppp);
        let px = [
            (size.x * ppp).round() as usize,
            (size.y * ppp).round() as usize,
        ];
        let bg = self.ctx.global_style().visuals.panel_fill;
        rasterize(&primitives, &self.textures, px, ppp, bg)
    }

    /// Runs the app's frames at `size` without drawing them, so its layout and view settle.
    pub fn settle(&mut self, app: &mut ClaimlineApp, size: Vec2) {
        self.settle_view(app, Target::Window, size);
    }

    /// Like [`Headless::settle`], for one panel alone ([`ui::show_one`]).
    pub fn settle_view(&mut self, app: &mut ClaimlineApp, target: Target, size: Vec2) {
        for _ in 0..SETTLE_FRAMES {
            self.frame(size, 1.0, |ui| view_frame(ui, app, target));
        }
    }

    /// The size a picture of `target` needs at `size`: the claim panels grow to hold every
    /// card (a picture never cuts what its caption names); other views keep `size`. Settles
    /// the view at the size it returns.
    pub fn fit(&mut self, app: &mut ClaimlineApp, target: Target, size: Vec2) -> Vec2 {
        self.settle_view(app, target, size);
        if target != Target::Claims {
            return size;
        }
        let needed = app.panels.claims_needed.ceil();
        if needed <= size.y {
            return size;
        }
        let grown = Vec2::new(size.x, needed);
        self.settle_view(app, target, grown);
        grown
    }

    /// One whole frame of the app as a window draws it, short of the GPU: egui's layout and
    /// painting, then tessellation into meshes. Returns the number of primitives, so that a
    /// benchmark measures the real work.
    pub fn frame_and_tessellate(&mut self, app: &mut ClaimlineApp, size: Vec2) -> usize {
        let out = self.frame(size, 1.0, |ui| app_frame(ui, app));
        self.ctx.tessellate(out.shapes, out.pixels_per_point).len()
    }

    /// The whole window as `app` would draw it at `size` points.
    pub fn render_app(
        &mut self,
        app: &mut ClaimlineApp,
        size: Vec2,
        pixels_per_point: f32,
    ) -> ColorImage {
        self.render_view(app, Target::Window, size, pixels_per_point)
    }

    /// `target` as `app` would draw it alone at `size` points (the window for `Window`).
    pub fn render_view(
        &mut self,
        app: &mut ClaimlineApp,
        target: Target,
        size: Vec2,
        pixels_per_point: f32,
    ) -> ColorImage {
        self.render(size, pixels_per_point, SETTLE_FRAMES, |ui| {
            view_frame(ui, app, target)
        })
    }
}

fn app_frame(ui: &mut egui::Ui, app: &mut ClaimlineApp) {
    view_frame(ui, app, Target::Window);
}

fn view_frame(ui: &mut egui::Ui, app: &mut ClaimlineApp, target: Target) {
    let cmds = app.show(ui, Some(target));
    let ctx = ui.ctx().clone();
    app.apply(&ctx, cmds);
}

/// The caption as a band `width_px` wide, in the theme of the picture it goes under.
pub fn caption_band(
    lines: &[String],
    width_px: usize,
    pixels_per_point: f32,
    theme: ThemeKind,
) -> ColorImage {
    let mut h = Headless::new(theme);
    let width = width_px as f32 / pixels_per_point;
    let draw = |ui: &mut egui::Ui| {
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(ui::theme::band_fill(ui.visuals()))
                    .inner_margin(8),
            )
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 1.0;
                for (k, line) in lines.iter().enumerate() {
                    let text = egui::RichText::new(ui::bidi::visual(line)).size(caption_size(k));
                    let text = if k == 0 { text.strong() } else { text };
                    ui.add(egui::Label::new(text).wrap());
                }
            });
    };
    // One frame loads the fonts; then the wrapped lines can be measured.
    h.frame(Vec2::new(width, 100.0), pixels_per_point, |_| {});
    let height = measure(&h.ctx, lines, width);
    h.render(Vec2::new(width, height), pixels_per_point, 2, draw)
}

fn caption_size(line: usize) -> f32 {
    if line == 0 { 13.0 } else { 11.5 }
}

/// The height the caption's wrapped lines take at `width` points, margins included.
fn measure(ctx: &Context, lines: &[String], width: f32) -> f32 {
    let inner = (width - 16.0).max(50.0);
    let mut h = 16.0;
    ctx.fonts_mut(|f| {
        for (k, line) in lines.iter().enumerate() {
            let font = egui::FontId::proportional(caption_size(k));
            let line = ui::bidi::visual(line).into_owned();
            h += f.layout(line, font, Color32::WHITE, inner).size().y + 1.0;
        }
    });
    h.ceil() + 2.0
}
