//! Which time range the timeline shows next: the ranges asked for (fit, zoom, a saved view's,
//! bring an event into view), padded so markers at the ends show whole, and the glide that
//! moves between ranges smoothly in presenter mode. Pure ranges, in UTC seconds.

use super::TimelineState;
use crate::layout::opening::opening_range;
use crate::ui::ViewCtx;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ViewRequest {
    Fit,
    /// Where a first view opens: the dataset's focus, else the span holding most events.
    Opening,
    Range(f64, f64),
    /// Exactly this range (a saved view's), without padding.
    Exact(f64, f64),
    /// Bring this span into view, moving as little as possible.
    Show(f64, f64),
}

/// A range glide under way.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glide {
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// When it started (egui's clock, seconds).
    pub start: f64,
}

/// How long a glide takes, in seconds.
const GLIDE_SECS: f64 = 0.6;

/// The range `t` (0 to 1) of the way from `a` to `b`: the centre moves, and the width changes
/// by equal ratios, so zooming from a decade to a day reads as one smooth movement.
pub fn glide_between(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    let ease = t * t * (3.0 - 2.0 * t);
    let (ca, cb) = ((a.0 + a.1) / 2.0, (b.0 + b.1) / 2.0);
    let (wa, wb) = ((a.1 - a.0).max(1.0), (b.1 - b.0).max(1.0));
    let c = ca + (cb - ca) * ease;
    let w = (wa.ln() + (wb.ln() - wa.ln()) * ease).exp();
    (c - w / 2.0, c + w / 2.0)
}

impl TimelineState {
    /// The range to set this frame, if any: the request waiting, or the glide's next step.
    pub(super) fn next_range(&mut self, ui: &egui::Ui, view: &ViewCtx) -> Option<(f64, f64)> {
        let mut request = self.pending.take().and_then(|r| self.resolve(r, view));
        let now = ui.input(|i| i.time);
        if self.glide
            && let (Some(to), Some(from)) = (request, self.visible)
        {
            self.anim = Some(Glide {
                from,
                to,
                start: now,
            });
            request = None;
        }
        if let Some(g) = self.anim {
            let t = ((now - g.start) / GLIDE_SECS).clamp(0.0, 1.0);
            request = Some(glide_between(g.from, g.to, t));
            if t >= 1.0 {
                self.anim = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
        request
    }

    fn resolve(&self, req: ViewRequest, view: &ViewCtx) -> Option<(f64, f64)> {
        match req {
            ViewRequest::Fit => {
                let ev = &view.derived.query.events;
                let idx = &view.cat.index;
                let lo = ev.iter().map(|&e| idx.events[e].span.start).min()?;
                let hi = ev.iter().map(|&e| idx.events[e].span.end).max()?;
                Some(padded(lo as f64, hi as f64))
            }
            ViewRequest::Opening => {
                let idx = &view.cat.index;
                let spans: Vec<_> = (view.derived.query.events.iter())
                    .map(|&e| idx.events[e].span)
                    .collect();
                let (a, b) = opening_range(view.cat.dataset.focus(), &spans)?;
                Some(padded(a as f64, b as f64))
            }
            ViewRequest::Range(a, b) => Some(padded(a, b)),
            ViewRequest::Exact(a, b) => (b > a).then_some((a, b)),
            ViewRequest::Show(a, b) => {
                let Some((v0, v1)) = self.visible else {
                    return Some(padded(a, b));
                };
                let width = v1 - v0;
                if a >= v0 && b <= v1 {
                    return None;
                }
                if b - a > width * 0.8 {
                    return Some(padded(a, b));
                }
                let mid = (a + b) / 2.0;
                Some((mid - width / 2.0, mid + width / 2.0))
            }
        }
    }
}

/// Pads a range by 4% each side, and to at least six hours, so markers at the ends show whole.
pub(super) fn padded(a: f64, b: f64) -> (f64, f64) {
    let (a, b) = if b - a < 6.0 * 3600.0 {
        let mid = (a + b) / 2.0;
        (mid - 3.0 * 3600.0, mid + 3.0 * 3600.0)
    } else {
        (a, b)
    };
    let pad = (b - a) * 0.04;
    (a - pad, b + pad)
}

#[cfg(test)]
mod tests {
    use super::glide_between;

    #[test]
    fn a_glide_starts_and_ends_where_asked_and_zooms_by_ratios() {
        let (a, b) = ((0.0, 1000.0), (500.0, 510.0));
        let start = glide_between(a, b, 0.0);
        assert!(
            (start.0 - a.0).abs() < 1e-6 && (start.1 - a.1).abs() < 1e-6,
            "{start:?}"
        );
        let end = glide_between(a, b, 1.0);
        assert!((end.0 - b.0).abs() < 1e-6 && (end.1 - b.1).abs() < 1e-6);
        // Half way, the width is the geometric mean (100), not the arithmetic one (505).
        let mid = glide_between(a, b, 0.5);
        assert!(((mid.1 - mid.0) - 100.0).abs() < 1e-6, "{mid:?}");
    }
}
