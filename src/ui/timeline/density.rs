//! A lane too crowded for markers, drawn as counts per time bucket: the strip is kept for the
//! frame, so hover names a bucket's count and click zooms into it.

use egui::{Color32, Pos2, Rect, pos2};

use crate::layout::detail::{BUCKET_PX, bucket_counts, bucket_range};
use crate::layout::lanes::Lane;
use crate::query::Index;
use crate::ui::marks::Batch;

/// A lane drawn as counts per time bucket, kept for this frame's hover and click.
pub(super) struct DensityStrip {
    pub lane: String,
    pub rect: Rect,
    /// The visible range the buckets divide.
    pub range: (f64, f64),
    pub counts: Vec<usize>,
}

/// What the pointer is over in a density strip.
pub(super) struct BucketHit {
    pub lane: String,
    pub range: (f64, f64),
    pub count: usize,
}

pub(super) fn density_strip(
    lane: &Lane,
    index: &Index,
    rect: Rect,
    range: (f64, f64),
) -> DensityStrip {
    let buckets = (rect.width() / BUCKET_PX).ceil().max(1.0) as usize;
    DensityStrip {
        lane: lane.label.clone(),
        rect,
        range,
        counts: bucket_counts(lane, index, range.0, range.1, buckets),
    }
}

impl DensityStrip {
    fn bucket_w(&self) -> f32 {
        self.rect.width() / self.counts.len() as f32
    }

    /// One bar a bucket, rising from the lane's foot; heights on a square-root scale so that
    /// quiet stretches stay visible beside the busiest hours.
    pub fn paint(&self, bars: &mut Batch, fill: Color32) {
        let max = self.counts.iter().copied().max().unwrap_or(0).max(1) as f32;
        let (w, foot) = (self.bucket_w(), self.rect.max.y - 3.0);
        let room = (self.rect.height() - 8.0).max(4.0);
        for (k, &c) in self.counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let h = (room * (c as f32 / max).sqrt()).max(2.0);
            let x = self.rect.min.x + k as f32 * w;
            bars.rect(pos2(x, foot - h), pos2(x + w - 0.5, foot), fill);
        }
    }

    pub fn bucket_at(&self, p: Pos2) -> Option<BucketHit> {
        if !self.rect.contains(p) {
            return None;
        }
        let k = (((p.x - self.rect.min.x) / self.bucket_w()) as usize).min(self.counts.len() - 1);
        let (t0, t1) = self.range;
        Some(BucketHit {
            lane: self.lane.clone(),
            range: bucket_range(t0, t1, self.counts.len(), k),
            count: self.counts[k],
        })
    }
}
