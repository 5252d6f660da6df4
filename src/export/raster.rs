//! A software renderer for egui's output, so `claimline export` draws the same picture as the
//! window on a machine with no display and no GPU at all. egui tessellates everything into
//! triangles with premultiplied sRGB vertex colours and one texture per mesh (the font atlas,
//! mostly) and feathers their edges for anti-aliasing; drawing those triangles with bilinear
//! texture sampling and "over" blending is all a renderer has to do.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, TextureId, Vertex};
use egui::{Color32, ColorImage, TexturesDelta};

/// The textures egui has asked for so far, kept up to date frame by frame.
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Applies one frame's changes (in order: every frame's delta must be applied).
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        for (id, d) in delta
            .set
            .iter()
            .flat_map(|(id, ds)| ds.iter().map(move |d| (id, d)))
        {
            let egui::ImageData::Color(patch) = &d.image;
            match d.pos {
                None => {
                    self.images.insert(*id, (**patch).clone());
                }
                Some([x0, y0]) => {
                    if let Some(img) = self.images.get_mut(id) {
                        let w = img.size[0];
                        for y in 0..patch.size[1] {
                            for x in 0..patch.size[0] {
                                let (tx, ty) = (x0 + x, y0 + y);
                                if tx < w && ty < img.size[1] {
                                    img.pixels[ty * w + tx] = patch.pixels[y * patch.size[0] + x];
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
        delta.clear();
    }

    fn get(&self, id: TextureId) -> Option<&ColorImage> {
        self.images.get(&id)
    }
}

/// Premultiplied RGBA in 0..=1, in sRGB space as egui's colours are.
type Px = [f32; 4];

/// Draws the primitives into a `size` pixel image at `pixels_per_point`, over `background`.
pub fn rasterize(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    size: [usize; 2],
    pixels_per_point: f32,
    background: Color32,
) -> ColorImage {
    let [w, h] = size;
    let bg = to_px(background);
    let mut buf: Vec<Px> = vec![bg; w * h];
    for p in primitives {
        let Primitive::Mesh(mesh) = &p.primitive else {
            continue; // Paint callbacks draw with the GPU; the app uses none.
        };
        let texture = textures.get(mesh.texture_id);
        let clip = p.clip_rect;
        let cx0 = ((clip.min.x * pixels_per_point).round().max(0.0) as usize).min(w);
        let cy0 = ((clip.min.y * pixels_per_point).round().max(0.0) as usize).min(h);
        let cx1 = ((clip.max.x * pixels_per_point).round().max(0.0) as usize).min(w);
        let cy1 = ((clip.max.y * pixels_per_point).round().max(0.0) as usize).min(h);
        if cx0 >= cx1 || cy0 >= cy1 {
            continue;
        }
        for tri in mesh.indices.chunks_exact(3) {
            let v = [
                &mesh.vertices[tri[0] as usize],
                &mesh.vertices[tri[1] as usize],
                &mesh.vertices[tri[2] as usize],
            ];
            triangle(
                &mut buf,
                w,
                (cx0, cy0, cx1, cy1),
                v,
                pixels_per_point,
                texture,
            );
        }
    }
    ColorImage::new(size, buf.into_iter().map(from_px).collect())
}

fn to_px(c: Color32) -> Px {
    let [r, g, b, a] = c.to_array();
    [r, g, b, a].map(|x| f32::from(x) / 255.0)
}

fn from_px(p: Px) -> Color32 {
    let [r, g, b, a] = p.map(|x| (x.clamp(0.0, 1.0) * 255.0 + 0.5) as u8);
    Color32::from_rgba_premultiplied(r, g, b, a)
}

/// Twice the signed area of (a, b, p): which side of a→b the point p is on.
fn edge(a: [f32; 2], b: [f32; 2], p: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
}

fn triangle(
    buf: &mut [Px],
    w: usize,
    (cx0, cy0, cx1, cy1): (usize, usize, usize, usize),
    v: [&Vertex; 3],
    ppp: f32,
    texture: Option<&ColorImage>,
) {
    let mut p = v.map(|v| [v.pos.x * ppp, v.pos.y * ppp]);
    let mut v = v;
    let mut area = edge(p[0], p[1], p[2]);
    if area.abs() < 1e-6 {
        return;
    }
    // One winding for all, so "inside" is w >= 0 on every edge.
    if area < 0.0 {
        p.swap(1, 2);
        v.swap(1, 2);
        area = -area;
    }
    let min_x = p
        .iter()
        .map(|q| q[0])
        .fold(f32::MAX, f32::min)
        .floor()
        .max(cx0 as f32) as usize;
    let max_x = (p.iter().map(|q| q[0]).fold(f32::MIN, f32::max).ceil() as usize).min(cx1);
    let min_y = p
        .iter()
        .map(|q| q[1])
        .fold(f32::MAX, f32::min)
        .floor()
        .max(cy0 as f32) as usize;
    let max_y = (p.iter().map(|q| q[1]).fold(f32::MIN, f32::max).ceil() as usize).min(cy1);
    if min_x >= max_x || min_y >= max_y {
        return;
    }
    // The top-left rule: a pixel centre exactly on an edge belongs to one triangle only, so
    // the two halves of a translucent rectangle do not double up along their diagonal.
    let top_left = |a: [f32; 2], b: [f32; 2]| {
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        (dy == 0.0 && dx > 0.0) || dy < 0.0
    };
    let tl = [
        top_left(p[1], p[2]),
        top_left(p[2], p[0]),
        top_left(p[0], p[1]),
    ];
    let col = v.map(|v| to_px(v.color));
    let uv = v.map(|v| [v.uv.x, v.uv.y]);
    for y in min_y..max_y {
        for x in min_x..max_x {
            let c = [x as f32 + 0.5, y as f32 + 0.5];
            let ws = [
                edge(p[1], p[2], c),
                edge(p[2], p[0], c),
                edge(p[0], p[1], c),
            ];
            if ws
                .iter()
                .zip(tl)
                .any(|(&e, tl)| e < 0.0 || (e == 0.0 && !tl))
            {
                continue;
            }
            let b = ws.map(|e| e / area);
            let mut src = [0.0; 4];
            for (k, s) in src.iter_mut().enumerate() {
                *s = b[0] * col[0][k] + b[1] * col[1][k] + b[2] * col[2][k];
            }
            if let Some(tex) = texture {
                let u = b[0] * uv[0][0] + b[1] * uv[1][0] + b[2] * uv[2][0];
                let vv = b[0] * uv[0][1] + b[1] * uv[1][1] + b[2] * uv[2][1];
                let t = sample(tex, u, vv);
                for k in 0..4 {
                    src[k] *= t[k];
                }
            }
            let dst = &mut buf[y * w + x];
            let keep = 1.0 - src[3];
            for k in 0..4 {
                dst[k] = src[k] + dst[k] * keep;
            }
        }
    }
}

/// Bilinear sample at normalised (u, v), clamped to the edge.
fn sample(img: &ColorImage, u: f32, v: f32) -> Px {
    let [w, h] = img.size;
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |x: usize, y: usize| to_px(img.pixels[y * w + x]);
    let (a, b, c, d) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
    let mut out = [0.0; 4];
    for k in 0..4 {
        let top = a[k] + (b[k] - a[k]) * fx;
        let bottom = c[k] + (d[k] - c[k]) * fx;
        out[k] = top + (bottom - top) * fy;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::Mesh;
    use egui::{Rect, pos2};

    fn prim(mesh: Mesh, clip: Rect) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect: clip,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn white_texture() -> Textures {
        let mut t = Textures::default();
        let mut delta = TexturesDelta::default();
        delta.set.insert(
            TextureId::default(),
            [egui::epaint::ImageDelta::full(
                ColorImage::filled([1, 1], Color32::WHITE),
                Default::default(),
            )]
            .into(),
        );
        t.apply(&mut delta);
        t
    }

    #[test]
    fn a_rectangle_fills_exactly_its_pixels() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(2.0, 2.0), pos2(6.0, 5.0)),
            Color32::RED,
        );
        let img = rasterize(
            &[prim(mesh, Rect::EVERYTHING)],
            &white_texture(),
            [8, 8],
            1.0,
            Color32::BLACK,
        );
        let red = img.pixels.iter().filter(|&&p| p == Color32::RED).count();
        assert_eq!(red, 4 * 3);
        assert_eq!(img.pixels[3 * 8 + 3], Color32::RED);
        assert_eq!(img.pixels[0], Color32::BLACK);
    }

    #[test]
    fn translucent_halves_do_not_double_on_the_diagonal() {
        let mut mesh = Mesh::default();
        let half = Color32::from_rgba_premultiplied(0, 0, 128, 128);
        mesh.add_colored_rect(Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 8.0)), half);
        let img = rasterize(
            &[prim(mesh, Rect::EVERYTHING)],
            &white_texture(),
            [8, 8],
            1.0,
            Color32::BLACK,
        );
        let first = img.pixels[0];
        assert!(
            img.pixels.iter().all(|&p| p == first),
            "uneven fill: {:?}",
            img.pixels
        );
    }

    #[test]
    fn clip_rects_and_pixels_per_point_apply() {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0)),
            Color32::GREEN,
        );
        let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 4.0));
        let img = rasterize(
            &[prim(mesh, clip)],
            &white_texture(),
            [8, 8],
            2.0,
            Color32::BLACK,
        );
        let green = img.pixels.iter().filter(|&&p| p == Color32::GREEN).count();
        // 2×4 points of the rectangle survive the clip, at 2 pixels per point.
        assert_eq!(green, 4 * 8);
    }
}
