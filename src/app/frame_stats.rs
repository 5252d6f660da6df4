//! Frame timings written to a CSV file (`--frame-stats FILE`, or `CLAIMLINE_FRAME_STATS=FILE`),
//! so that a real window, under a software renderer too, can be measured while it zooms and
//! pans: each frame's CPU time and the wall-clock time since the frame before.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The environment variable that names the frame-stats file when `--frame-stats` is not given.
pub const ENV: &str = "CLAIMLINE_FRAME_STATS";

/// The CSV's first line.
pub const HEADER: &str = "frame,cpu_ms,interval_ms,loading";

/// Writes one CSV row a frame: `frame,cpu_ms,interval_ms,loading`. `cpu_ms` is what eframe
/// reports (the CPU time of the frame before, from the start of its update to the end of its
/// painting: it is known only once that frame is done); `interval_ms` is the wall-clock time
/// since the frame before began, that is, between presents; `loading` is the share of a load
/// under way that its progress bar shows (to a ten-thousandth), empty when none is: what shows
/// that the bar of a file of millions moves. A field not known yet (the first frame's) is
/// left empty.
pub struct FrameStats {
    out: Box<dyn Write>,
    frame: u64,
    last: Option<Instant>,
}

impl FrameStats {
    /// Starts the CSV in `out` with its header.
    pub fn new(mut out: Box<dyn Write>) -> std::io::Result<FrameStats> {
        writeln!(out, "{HEADER}")?;
        out.flush()?;
        Ok(FrameStats {
            out,
            frame: 0,
            last: None,
        })
    }

    /// Creates (or truncates) the file at `path` for the CSV.
    pub fn create(path: &Path) -> std::io::Result<FrameStats> {
        FrameStats::new(Box::new(std::fs::File::create(path)?))
    }

    /// Records the frame that begins at `now`, with the CPU seconds eframe reports. Each row
    /// is flushed as it is written: the window may be stopped any time (a test's timeout), and
    /// the rows so far must be in the file.
    pub fn record(
        &mut self,
        cpu_seconds: Option<f32>,
        now: Instant,
        loading: Option<f32>,
    ) -> std::io::Result<()> {
        let cpu = cpu_seconds.map(|s| ms(f64::from(s)));
        let interval = self
            .last
            .map(|last| ms(now.saturating_duration_since(last).as_secs_f64()));
        writeln!(
            self.out,
            "{},{},{},{}",
            self.frame,
            cpu.unwrap_or_default(),
            interval.unwrap_or_default(),
            loading.map(|l| format!("{l:.4}")).unwrap_or_default()
        )?;
        self.out.flush()?;
        self.frame += 1;
        self.last = Some(now);
        Ok(())
    }

    /// How many frames have been recorded.
    pub fn frames(&self) -> u64 {
        self.frame
    }
}

/// Seconds as milliseconds to a thousandth, as written in the CSV.
fn ms(seconds: f64) -> String {
    format!("{:.3}", seconds * 1000.0)
}

/// When the window started and when its first files finished loading, to say how long the
/// window took to open them.
pub struct OpenTimer {
    started: Instant,
    reported: bool,
}

impl OpenTimer {
    pub fn new(started: Instant) -> OpenTimer {
        OpenTimer {
            started,
            reported: false,
        }
    }

    /// The time since the start, the first time it is called with `loading` false after the
    /// first frame; none after that, or while loading.
    pub fn opened(&mut self, loading: bool, now: Instant) -> Option<Duration> {
        if loading || self.reported {
            return None;
        }
        self.reported = true;
        Some(now.saturating_duration_since(self.started))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A writer whose bytes the test can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn each_frame_is_a_row_of_cpu_time_and_time_since_the_frame_before() {
        let bytes = Shared::default();
        let mut stats = FrameStats::new(Box::new(bytes.clone())).unwrap();
        let t0 = Instant::now();
        stats.record(None, t0, Some(0.25)).unwrap();
        stats
            .record(Some(0.0042), t0 + Duration::from_micros(16_667), None)
            .unwrap();
        stats
            .record(Some(0.012_5), t0 + Duration::from_micros(116_667), None)
            .unwrap();
        assert_eq!(stats.frames(), 3);
        let text = String::from_utf8(bytes.0.lock().unwrap().clone()).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[0], "frame,cpu_ms,interval_ms,loading");
        assert_eq!(rows[1], "0,,,0.2500");
        assert_eq!(rows[2], "1,4.200,16.667,");
        assert_eq!(rows[3], "2,12.500,100.000,");
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn the_window_is_open_once_the_first_load_is_done() {
        let t0 = Instant::now();
        let mut timer = OpenTimer::new(t0);
        assert_eq!(timer.opened(true, t0 + Duration::from_secs(1)), None);
        assert_eq!(
            timer.opened(false, t0 + Duration::from_secs(3)),
            Some(Duration::from_secs(3))
        );
        assert_eq!(timer.opened(false, t0 + Duration::from_secs(4)), None);
    }
}
