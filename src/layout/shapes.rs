//! The shape each party's marks take, so side is told by shape as well as colour (on a
//! printed page in grey too): the window's markers and the handout's are drawn from these.

use std::f32::consts::{PI, SQRT_2, TAU};

/// The outline of party `party`'s shape (by its place in the party order) around a centre,
/// each of the same area as a disc of radius `r` squared into a square of side 1.6r, so no
/// party's marks weigh more than another's; `grow` widens it by about that many points for
/// an outline drawn behind. `corner` gets each corner as an offset from the centre (y down),
/// in order: star-shaped about the centre, drawn as a fan from it (the star starts at the
/// centre itself). At most 12 corners.
pub fn party_outline(party: usize, r: f32, grow: f32, mut corner: impl FnMut(f32, f32)) {
    let area = (1.6 * r) * (1.6 * r);
    // The point at `radius` in direction `turn` (in turns, clockwise from the top).
    let mut at = |turn: f32, radius: f32| {
        let a = turn * TAU;
        corner(a.sin() * radius, -a.cos() * radius);
    };
    // A regular polygon of `n` corners with that area, turned by `turn`.
    let regular = |n: usize, turn: f32, at: &mut dyn FnMut(f32, f32)| {
        let radius = (2.0 * area / (n as f32 * (TAU / n as f32).sin())).sqrt() + grow * 1.2;
        for k in 0..n {
            at(turn + k as f32 / n as f32, radius);
        }
    };
    match party {
        0 | 6 | 7 => {
            // A square, a wide bar or a tall bar, w:h, of that area.
            let (w, h) = match party {
                6 => (2.0, 1.0),
                7 => (1.0, 2.0),
                _ => (1.0, 1.0),
            };
            let s = (area / (w * h)).sqrt();
            let (hw, hh) = (w * s / 2.0 + grow, h * s / 2.0 + grow);
            for (x, y) in [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)] {
                corner(x, y);
            }
        }
        1 => {
            let h = r * 0.8 * SQRT_2 + grow * 1.4;
            for k in 0..4 {
                at(k as f32 / 4.0, h);
            }
        }
        2 => regular(5, 0.0, &mut at),
        3 => regular(6, 0.0, &mut at),
        4 => regular(3, 0.5, &mut at),
        _ => {
            // A five-pointed star: inner corners at 0.45 of the outer radius.
            let outer = (area / (5.0 * 0.45 * (PI / 5.0).sin())).sqrt() + grow * 1.5;
            at(0.0, 0.0);
            for k in 0..=10 {
                let rad = if k % 2 == 0 { outer } else { outer * 0.45 };
                at(k as f32 / 10.0, rad);
            }
        }
    }
}
