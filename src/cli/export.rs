//! `claimline export`: the view the app would show, written with no window at all. PNG
//! pictures of the window, the timeline or the claim panels (drawn on the CPU), or the
//! filtered data as CSV, RON or an .xlsx claims sheet, chosen by the output's extension. Every argument is checked
//! before anything is drawn, and errors say what was wrong.

use std::path::{Path, PathBuf};

use egui::Vec2;

use crate::app::ClaimlineApp;
use crate::app::headless::{Headless, caption_band};
use crate::command::HandoutOf;
use crate::command::{Command, DataFormat};
use crate::export::handout;
use crate::export::{Target, png};
use crate::load;
use crate::output;
use crate::session::Source;
use crate::session::settings::PaperSize;
use crate::session::settings::ThemeKind;

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Csv,
    Ron,
    /// A claims sheet: one row per claim, in the layout Claimline reads back.
    Xlsx,
    /// A handout: a tour's steps, or the filtered events, with every claim and source.
    Pdf,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "png" => Some(Format::Png),
            "csv" => Some(Format::Csv),
            "ron" => Some(Format::Ron),
            "xlsx" => Some(Format::Xlsx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Csv => "csv",
            Format::Ron => "ron",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
        }
    }
}

/// The widest and tallest picture drawn, in pixels: a 16,000-pixel square already takes
/// about 5 GB to draw, and twice that side four times as much.
pub const MAX_SIDE_PX: f32 = 16384.0;

#[derive(Debug, Clone)]
pub struct Request {
    /// The file to write, or `-` for standard output.
    pub out: PathBuf,
    /// What to write; when absent, the extension of `out` says (needed for `-`).
    pub format: Option<Format>,
    pub target: Target,
    /// Window size in points.
    pub size: (u32, u32),
    pub theme: ThemeKind,
    /// 1 for screen resolution, 2 for print and projectors.
    pub scale: f32,
    pub caption: bool,
    pub select: Option<String>,
    pub actors: Vec<String>,
    pub districts: Vec<String>,
    /// The timeline's range, as dates ("2022-09-12", "2022-09"): the view, not a filter.
    pub range: Option<(String, String)>,
    /// Datasets to load; the bundled one when empty.
    pub files: Vec<PathBuf>,
    /// For a handout (PDF): the tour to print (its id); the filtered events when absent.
    pub tour: Option<String>,
    /// For a handout: the paper it is set on.
    pub paper: PaperSize,
}

/// Parses "1600x1000".
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("invalid size \"{s}\": write it as WIDTHxHEIGHT, e.g. 1600x1000");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    if !(320..=8000).contains(&w) || !(240..=8000).contains(&h) {
        return Err(format!(
            "size {w}x{h} is out of range: 320x240 to 8000x8000"
        ));
    }
    Ok((w, h))
}

/// What the export wrote, for the command line to print.
pub fn run(req: &Request) -> Result<String, String> {
    let format = output_format(req)?;
    let cannot_write = |e: std::io::Error| format!("could not write {}: {e}", req.out.display());
    // Every refusal comes before the files are read and the picture drawn.
    if output::is_stdout(&req.out) {
        if format == Format::Png && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            return Err(
                "a PNG picture is not written to the terminal: redirect it to a \
                        file or a pipe"
                    .to_owned(),
            );
        }
    } else {
        output::refuse_special(&req.out).map_err(cannot_write)?;
        output::refuse_input(&req.out, &req.files)?;
    }
    if req.tour.is_some() && format != Format::Pdf {
        return Err("--tour prints a tour's handout: the output must end in .pdf".to_owned());
    }
    if format == Format::Png {
        refuse_huge(Vec2::new(req.size.0 as f32, req.size.1 as f32), req.scale)?;
    }
    let (mut app, mut headless) = prepare(req)?;
    let bytes = match format {
        Format::Csv => app.filtered_data(DataFormat::Csv)?,
        Format::Ron => app.filtered_data(DataFormat::Ron)?,
        Format::Xlsx => app.filtered_data(DataFormat::Xlsx)?,
        Format::Pdf => handout_of(&app, req)?,
        Format::Png => png::encode(&draw(&mut app, &mut headless, req)?.image)?,
    };
    output::write_to(&req.out, |w| w.write_all(&bytes)).map_err(cannot_write)?;
    Ok(format!(
        "wrote {} ({} bytes)",
        req.out.display(),
        bytes.len()
    ))
}

/// The format asked for: `--format` if given (it must agree with the file's extension), else
/// the extension.
fn output_format(req: &Request) -> Result<Format, String> {
    let out = req.out.display();
    if output::is_stdout(&req.out) {
        return req.format.ok_or_else(|| {
            "standard output (--out -) needs --format png, csv, ron, xlsx or pdf".to_owned()
        });
    }
    match (Format::of(&req.out), req.format) {
        (None, _) => Err(format!(
            "{out}: the output must end in .png (a picture), .csv, .ron or .xlsx (the filtered \
             data) or .pdf (a handout)"
        )),
        (Some(by_name), Some(asked)) if by_name != asked => Err(format!(
            "{out}: --format {} does not match the file's extension",
            asked.name()
        )),
        (Some(by_name), _) => Ok(by_name),
    }
}

/// The handout the request asks for: its tour's, or the filtered events'.
fn handout_of(app: &ClaimlineApp, req: &Request) -> Result<Vec<u8>, String> {
    let cat = app.catalog.as_ref().ok_or("nothing is loaded")?;
    let pages = match &req.tour {
        Some(id) => {
            let t = (cat.dataset.tours.iter().position(|t| &t.id == id)).ok_or_else(|| {
                let known: Vec<&str> = cat.dataset.tours.iter().map(|t| t.id.as_str()).collect();
                if known.is_empty() {
                    format!("unknown tour \"{id}\": the files hold no tours")
                } else {
                    suggest("tour", id, known)
                }
            })?;
            app.handout(HandoutOf::Tour(t), req.paper)?
        }
        None => app.handout(HandoutOf::Filtered, req.paper)?,
    };
    handout::to_pdf(&pages)
}

/// Refuses a picture of `size` points at `scale` that would be too large to draw, before
/// anything is allocated for it.
fn refuse_huge(size: Vec2, scale: f32) -> Result<(), String> {
    let (w, h) = ((size.x * scale).round(), (size.y * scale).round());
    if w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(format!(
            "a picture of {w}x{h} pixels is too large: at most {MAX_SIDE_PX} a side; \
             lower --size or --scale"
        ));
    }
    Ok(())
}

/// The request's files loaded into an app, its filters, selection and range applied, and a
/// context to draw it in.
pub fn prepare(req: &Request) -> Result<(ClaimlineApp, Headless), String> {
    let outcome = if req.files.is_empty() {
        load::load_bundled()
    } else if Source::tours_alone(&req.files) {
        crate::import::open::load_paths_after_bundled(&req.files)
    } else {
        crate::import::load_paths(&req.files)
    };
    if outcome.dataset.is_none() {
        let lines: Vec<String> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            // Escaped here, one by one, as the message joins them with new lines.
            .map(|d| crate::cli::check::terminal_safe(&d.to_string()).into_owned())
            .collect();
        return Err(format!(
            "the files could not be loaded:\n{}",
            lines.join("\n")
        ));
    }
    let sources = if req.files.is_empty() {
        vec![Source::Bundled]
    } else {
        Source::for_paths(&req.files)
    };
    let mut app = ClaimlineApp::with_sources(outcome, sources);
    let commands = commands(&app, req)?;
    let headless = Headless::new(req.theme);
    let ctx = headless.ctx.clone();
    app.apply(&ctx, commands);
    Ok((app, headless))
}

/// "unknown actor id \"x\"; did you mean \"y\"?"
fn suggest(what: &str, given: &str, known: Vec<&str>) -> String {
    let near = known
        .iter()
        .map(|k| (strsim::jaro_winkler(given, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8)
        .map(|(_, k)| format!("; did you mean \"{k}\"?"))
        .unwrap_or_default();
    format!("unknown {what} \"{given}\"{near}")
}

/// The request's filters and selection as commands, each id checked against the data.
fn commands(app: &ClaimlineApp, req: &Request) -> Result<Vec<Command>, String> {
    let cat = app.catalog.as_ref().expect("loaded");
    let idx = &cat.index;
    let mut cmds = Vec::new();
    for a in &req.actors {
        if idx.actor_index(a).is_none() {
            return Err(suggest(
                "actor id",
                a,
                cat.dataset.actors.iter().map(|x| &*x.id).collect(),
            ));
        }
        cmds.push(Command::ToggleActor(a.clone()));
    }
    for d in &req.districts {
        if idx.district_index(d).is_none() {
            return Err(suggest(
                "district",
                d,
                idx.districts.iter().map(|x| x.name.as_str()).collect(),
            ));
        }
        cmds.push(Command::ToggleDistrict(d.clone()));
    }
    if let Some(id) = &req.select {
        let e = idx.event_index(&cat.dataset, id).ok_or_else(|| {
            suggest(
                "event id",
                id,
                cat.dataset.events.iter().map(|x| &*x.id).collect(),
            )
        })?;
        cmds.push(Command::Select(Some(e)));
    }
    cmds.push(Command::SetTheme(req.theme));
    if let Some((from, to)) = &req.range {
        let offset = app.display_offset();
        let span =
            |s: &str| crate::model::When::span_as_written(s, offset).map_err(|e| e.to_string());
        let (a, b) = (span(from)?, span(to)?);
        if b.end <= a.start {
            return Err(format!("--to {to} is not after --from {from}"));
        }
        cmds.push(Command::ZoomTo(a.start as f64, b.end as f64));
    }
    Ok(cmds)
}

/// A picture and the caption under it.
pub struct Picture {
    pub image: egui::ColorImage,
    /// The caption's lines (also when `req.caption` is off: what it would say).
    pub caption: Vec<String>,
}

/// The requested view drawn, with its caption band under it when asked for.
pub fn draw(
    app: &mut ClaimlineApp,
    headless: &mut Headless,
    req: &Request,
) -> Result<Picture, String> {
    let size = Vec2::new(req.size.0 as f32, req.size.1 as f32);
    refuse_huge(size, req.scale)?;
    let width_px = (size.x * req.scale).round() as usize;
    // The window first, as the app would open on it: the timeline's range settles there,
    // and a panel drawn alone shows the same stretch of time.
    headless.settle(app, size);
    let target = req.target;
    let band_of = |app: &ClaimlineApp| {
        req.caption
            .then(|| caption_band(&app.caption_lines(target), width_px, req.scale, req.theme))
    };
    let img = if target == Target::Window {
        // A window picture keeps the requested size, caption included; the caption names
        // what the window shows at the height left to it, so the two are settled together.
        let mut band = band_of(app);
        let mut img;
        let mut tries = 0;
        loop {
            let band_h = band.as_ref().map_or(0.0, |b| b.size[1] as f32 / req.scale);
            let window = Vec2::new(size.x, (size.y - band_h).max(200.0));
            img = headless.render_view(app, target, window, req.scale);
            let again = band_of(app);
            tries += 1;
            let same = match (&band, &again) {
                (Some(a), Some(b)) => a.size == b.size && a.pixels == b.pixels,
                _ => true,
            };
            band = again;
            if same || tries == 3 {
                break;
            }
        }
        stack_caption(img, band)
    } else {
        // A panel alone at the requested size, grown to hold all its claims.
        let size = headless.fit(app, target, size);
        refuse_huge(size, req.scale)?;
        let img = headless.render_view(app, target, size, req.scale);
        stack_caption(img, band_of(app))
    };
    Ok(Picture {
        image: img,
        caption: app.caption_lines(target),
    })
}

fn stack_caption(img: egui::ColorImage, band: Option<egui::ColorImage>) -> egui::ColorImage {
    match band {
        Some(band) => png::stack(
            &img,
            &band,
            band.pixels.first().copied().unwrap_or_default(),
        ),
        None => img,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_before_its_start_is_refused() {
        let req = Request {
            out: "x.csv".into(),
            format: None,
            target: Target::Window,
            size: (800, 600),
            theme: ThemeKind::Light,
            scale: 1.0,
            caption: false,
            select: None,
            actors: vec![],
            districts: vec![],
            range: Some(("2022-09-20".into(), "2022-09-10".into())),
            files: vec![],
            tour: None,
            paper: PaperSize::A4,
        };
        assert!(run(&req).unwrap_err().contains("is not after"));
    }

    #[test]
    fn sizes_parse_and_absurd_ones_are_refused() {
        assert_eq!(parse_size("1600x1000"), Ok((1600, 1000)));
        assert_eq!(parse_size("800X600"), Ok((800, 600)));
        assert!(parse_size("1600").unwrap_err().contains("WIDTHxHEIGHT"));
        assert!(parse_size("10x10").unwrap_err().contains("out of range"));
    }
}
