//! Pictures: crop to a panel, stack the caption under it, encode PNG. They are written with
//! [`crate::output::write_atomic`].

use egui::{Color32, ColorImage, Rect};

/// The part of `img` under `rect` (in points), at `pixels_per_point`.
pub fn crop(img: &ColorImage, rect: Rect, pixels_per_point: f32) -> ColorImage {
    img.region(&rect, Some(pixels_per_point))
}

/// `top` with `bottom` under it; the narrower one is padded with `fill`.
pub fn stack(top: &ColorImage, bottom: &ColorImage, fill: Color32) -> ColorImage {
    let w = top.size[0].max(bottom.size[0]);
    let h = top.size[1] + bottom.size[1];
    let mut pixels = Vec::with_capacity(w * h);
    for img in [top, bottom] {
        for row in img.pixels.chunks(img.size[0].max(1)) {
            pixels.extend_from_slice(row);
            pixels.extend(std::iter::repeat_n(fill, w - img.size[0]));
        }
    }
    ColorImage::new([w, h], pixels)
}

/// PNG bytes of an image (egui's colours are premultiplied; PNG's are not).
pub fn encode(img: &ColorImage) -> Result<Vec<u8>, String> {
    let rgba: Vec<u8> = img
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let mut out = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut out),
        &rgba,
        img.size[0] as u32,
        img.size[1] as u32,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacking_pads_the_narrower_image() {
        let a = ColorImage::filled([4, 2], Color32::RED);
        let b = ColorImage::filled([2, 1], Color32::BLUE);
        let s = stack(&a, &b, Color32::WHITE);
        assert_eq!(s.size, [4, 3]);
        assert_eq!(s.pixels[8], Color32::BLUE);
        assert_eq!(s.pixels[10], Color32::WHITE);
    }

    #[test]
    fn png_round_trips_and_writes_leave_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.png");
        let img = ColorImage::filled([3, 2], Color32::from_rgb(10, 20, 30));
        crate::output::write_atomic(&path, &encode(&img).unwrap()).unwrap();
        let back = image::open(&path).unwrap().to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert_eq!(back.get_pixel(0, 0).0, [10, 20, 30, 255]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let bad = dir.path().join("missing-folder").join("x.png");
        assert!(crate::output::write_atomic(&bad, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
