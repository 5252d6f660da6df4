//! Command line: `claimline [FILE...]` opens the viewer, `claimline --view V.view.ron` opens a
//! saved view, `claimline check FILE...` validates, `claimline balance FILE...` reports.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use claimline::cli::check;
use claimline::cli::check::terminal_safe;
use claimline::cli::export::Format;
use claimline::cli::generate::MAX_EVENTS;
use claimline::output;
use claimline::session::saved_view;
use claimline::session::settings::{PaperSize, ThemeKind};
use claimline::{app, export};

#[derive(Parser)]
#[command(
    name = "claimline",
    version,
    about = "Claims about contested events, side by side, with their sources"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Dataset files (.ron) to open together; without any, the last session's files or the
    /// bundled dataset.
    files: Vec<PathBuf>,
    /// A saved view (written by "Save view…") to open exactly as it was saved.
    #[arg(long, value_name = "FILE.view.ron", conflicts_with = "files")]
    view: Option<PathBuf>,
    /// Write each frame's CPU time and the time since the frame before to FILE as CSV
    /// (`frame,cpu_ms,interval_ms,loading`), and say on standard error when the window has opened its
    /// files; also set by the environment variable CLAIMLINE_FRAME_STATS=FILE.
    #[arg(long, value_name = "FILE.csv")]
    frame_stats: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Write a picture (.png) of the view the app would show, or the filtered data (.csv,
    /// .ron), with no window: needs neither a display nor a GPU.
    Export(ExportArgs),
    /// Check dataset files and print every problem as file:line:col: error: message.
    Check {
        /// Files loaded together (ids may refer across them); - reads standard input. Other
        /// files must be regular files (not FIFOs or devices).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also list the notes: information about the data that needs no fixing, such as
        /// places the sources give no coordinates for.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Report what the data holds of each party's words before publishing: a table per
    /// party, the word shares of one-sided or uneven events, and the asymmetries between
    /// parties worth a look. Counts, never judges; exits 0 whenever the report is made.
    Balance {
        /// Files loaded together, as for check; - reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite a format-1 dataset file as format 2, keeping its comments and layout; the file
    /// must check clean. Never writes over its input.
    Migrate {
        /// The format-1 file (- reads standard input).
        file: PathBuf,
        /// The file to write, or - for standard output.
        #[arg(long)]
        out: PathBuf,
    },
    /// Read another format into a dataset file: `claimline import acled FILE.csv --out NEW.ron`,
    /// `claimline import timelinejs SHEET.csv --out NEW.ron`.
    #[command(subcommand)]
    Import(ImportFormat),
    /// Write a synthetic dataset (invented parties, places and claims) for benchmarks and
    /// scale tests; the same seed gives the same file.
    Gen {
        /// How many events: at most 10000000 (the dataset is made whole in memory; a million
        /// events make a 1.2 GB file).
        #[arg(long, value_parser = parse_events)]
        events: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How many parties, 2 to 8 (some then stand together on one side); without it, 2 to 6
        /// as the seed decides.
        #[arg(long, value_parser = claimline::cli::generate::parse_parties)]
        parties: Option<usize>,
        /// What the data looks like: `analyst` (a merged analyst file: 1–6 claims an event,
        /// disputes) or `acled` (an ACLED export: one short report an event, by day, one
        /// place for every 20 events).
        #[arg(long, value_enum, default_value_t = ShapeArg::Analyst)]
        shape: ShapeArg,
        /// The file to write, or - for standard output.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ShapeArg {
    Analyst,
    Acled,
}

impl From<ShapeArg> for claimline::cli::generate::Shape {
    fn from(s: ShapeArg) -> Self {
        match s {
            ShapeArg::Analyst => Self::Analyst,
            ShapeArg::Acled => Self::Acled,
        }
    }
}

#[derive(Subcommand)]
enum ImportFormat {
    /// An ACLED CSV export: each row one event, ACLED's notes its one claim. Prints every
    /// problem as file:row:col: error: message, and writes nothing when there is an error.
    Acled {
        /// The export (- reads standard input); UTF-8, or else read as Latin-1.
        file: PathBuf,
        /// Which ACLED actors stand for which party:
        /// `(parties: [(id: "north", name: "Northland", actors: ["..."])])`.
        #[arg(long, value_name = "MAP.ron")]
        parties: Option<PathBuf>,
        /// The dataset file to write, or - for standard output. Never the input.
        #[arg(long)]
        out: PathBuf,
    },
    /// A TimelineJS sheet saved as CSV: each event row one event, its text the one claim of
    /// the timeline's authors. Prints every problem as file:row:col: error: message, and
    /// writes nothing when there is an error.
    Timelinejs {
        /// The sheet as CSV (- reads standard input); UTF-8, or else read as Latin-1.
        file: PathBuf,
        /// What the sheet's groups mean: `(parties: [(id: "north", name: "Northland")],
        /// groups: [(group: "...", kind: Statement, party: "north", actor: "...")])`.
        #[arg(long, value_name = "MAP.ron")]
        groups: Option<PathBuf>,
        /// The dataset file to write, or - for standard output. Never the input.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The file to write: .png for a picture, .csv, .ron or .xlsx (a claims sheet) for the
    /// filtered data, .pdf for a handout (a tour with --tour, else the filtered events); - for
    /// standard output (with --format). Never one of the input files.
    #[arg(long)]
    out: PathBuf,
    /// What to write: needed with --out -; otherwise the extension of --out says.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// What the picture shows.
    #[arg(long, value_enum, default_value = "window")]
    view: ViewArg,
    /// The window's size in points, WIDTHxHEIGHT.
    #[arg(long, default_value = "1600x1000", value_parser = claimline::cli::export::parse_size)]
    size: (u32, u32),
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    /// Pixels per point: 2 for print and projectors.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    scale: f32,
    /// Leave out the caption (dataset, filters, sources) under the picture.
    #[arg(long)]
    no_caption: bool,
    /// The event to select (its id), as a click on it would.
    #[arg(long, value_name = "EVENT_ID")]
    select: Option<String>,
    /// Show only events with a claim by this actor (its id); may be repeated.
    #[arg(long, value_name = "ID")]
    actor: Vec<String>,
    /// Show only events in this district (its name); may be repeated.
    #[arg(long, value_name = "NAME")]
    district: Vec<String>,
    /// The timeline's first day (YYYY, YYYY-MM or YYYY-MM-DD); with --to. A view, not a filter.
    #[arg(long, requires = "to", value_name = "DATE")]
    from: Option<String>,
    /// The timeline's last day; with --from.
    #[arg(long, requires = "from", value_name = "DATE")]
    to: Option<String>,
    /// Print this tour's handout (its id): the output must be a .pdf.
    #[arg(long, value_name = "TOUR_ID")]
    tour: Option<String>,
    /// The paper a handout is set on.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// Datasets to load together; the bundled one when none are given.
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ViewArg {
    Window,
    Timeline,
    Claims,
    Map,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Png,
    Csv,
    Ron,
    Xlsx,
    Pdf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
    HighContrast,
}

fn parse_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.5..=4.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "invalid scale \"{s}\": use a number from 0.5 to 4, e.g. 2"
        )),
    }
}

fn parse_events(s: &str) -> Result<usize, String> {
    let n: u128 = s
        .parse()
        .map_err(|_| format!("\"{s}\" is not a number of events"))?;
    match usize::try_from(n) {
        Ok(n) if n <= MAX_EVENTS => Ok(n),
        _ => Err(format!(
            "{n} events are too many: at most {MAX_EVENTS}, which take gigabytes of memory \
             to make"
        )),
    }
}

/// Prints what was written: on standard error when the output itself went to standard output.
fn report_written(out: &std::path::Path, summary: &str) {
    let summary = terminal_safe(summary);
    if output::is_stdout(out) {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
}

fn migrate(file: &std::path::Path, out: &std::path::Path) -> ExitCode {
    use claimline::cli::migrate::{Migrated, migrate};
    let fail = |message: String| {
        eprintln!("claimline migrate: {}", terminal_safe(&message));
        ExitCode::FAILURE
    };
    if let Err(e) = output::refuse_input(out, &[file.to_path_buf()]) {
        return fail(e);
    }
    let src = match claimline::load::read_input(file) {
        Ok(src) => src,
        Err(d) => return fail(d.to_string()),
    };
    match migrate(&src) {
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", terminal_safe(&d.to_string()));
            }
            fail(format!(
                "{} does not check clean: fix it first, then migrate",
                file.display()
            ))
        }
        Ok(Migrated::Current) => {
            println!(
                "{} is already format {}: nothing written",
                terminal_safe(&file.display().to_string()),
                claimline::model::FORMAT_VERSION
            );
            ExitCode::SUCCESS
        }
        Ok(Migrated::Text(text)) => match output::write_to(out, |w| w.write_all(text.as_bytes())) {
            Ok(_) => {
                report_written(
                    out,
                    &format!(
                        "wrote {} as format {}",
                        out.display(),
                        claimline::model::FORMAT_VERSION
                    ),
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("cannot write {}: {e}", out.display())),
        },
    }
}

/// What an importer made of a file: the dataset and its warnings, or every problem found.
type Import = Result<
    (
        claimline::model::DatasetFile,
        Vec<claimline::load::Diagnostic>,
    ),
    Vec<claimline::load::Diagnostic>,
>;

/// Reads `file` (and the importer's optional mapping file `map`) with `read`, prints every
/// problem, and writes the dataset to `out` only when there is no error.
fn import_file(
    file: &std::path::Path,
    map: Option<&std::path::Path>,
    out: &std::path::Path,
    heading: &str,
    read: impl FnOnce(&str, &[u8], Option<&claimline::load::SourceText>) -> Import,
    summary: fn(&claimline::model::DatasetFile) -> String,
) -> ExitCode {
    let fail = |message: String| {
        eprintln!("claimline import: {}", terminal_safe(&message));
        ExitCode::FAILURE
    };
    let inputs: Vec<PathBuf> = std::iter::once(file).chain(map).map(Into::into).collect();
    if let Err(e) = output::refuse_input(out, &inputs) {
        return fail(e);
    }
    let map = match map.map(claimline::load::read_input) {
        Some(Err(d)) => return fail(d.to_string()),
        Some(Ok(m)) => Some(m),
        None => None,
    };
    let name = claimline::load::input_name(file);
    let bytes = match claimline::load::read_input_bytes(file) {
        Ok(b) => b,
        Err(d) => return fail(d.to_string()),
    };
    let (dataset, warnings) = match read(&name, &bytes, map.as_ref()) {
        Ok(done) => done,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}", terminal_safe(&d.to_string()));
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            return fail(format!(
                "{}: nothing written",
                claimline::model::wording::plural(errors, "error")
            ));
        }
    };
    for d in &warnings {
        eprintln!("{}", terminal_safe(&d.to_string()));
    }
    let text = match claimline::export::data::to_ron_headed(&dataset, heading) {
        Ok(t) => t,
        Err(e) => return fail(format!("cannot write the dataset: {e}")),
    };
    match output::write_to(out, |w| w.write_all(text.as_bytes())) {
        Ok(_) => {
            report_written(out, &summary(&dataset));
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("cannot write {}: {e}", out.display())),
    }
}

fn import_acled(
    file: &std::path::Path,
    parties: Option<&std::path::Path>,
    out: &std::path::Path,
) -> ExitCode {
    use claimline::import::acled::{PartyMap, read_acled, summary};
    let read = |name: &str, bytes: &[u8], map: Option<&claimline::load::SourceText>| {
        let map = map.map(PartyMap::parse).transpose().map_err(|d| vec![d])?;
        read_acled(name, bytes, map.as_ref()).map(|i| (i.file, i.warnings))
    };
    let heading = "Imported by Claimline from an ACLED export";
    import_file(file, parties, out, heading, read, summary)
}

fn import_timelinejs(
    file: &std::path::Path,
    groups: Option<&std::path::Path>,
    out: &std::path::Path,
) -> ExitCode {
    use claimline::import::timelinejs::{GroupMap, read_timelinejs, summary};
    let read = |name: &str, bytes: &[u8], map: Option<&claimline::load::SourceText>| {
        let map = map.map(GroupMap::parse).transpose()?;
        read_timelinejs(name, bytes, map.as_ref()).map(|i| (i.file, i.warnings))
    };
    let heading = "Imported by Claimline from a TimelineJS sheet";
    import_file(file, groups, out, heading, read, summary)
}

fn generate(
    events: usize,
    seed: u64,
    parties: Option<usize>,
    shape: ShapeArg,
    out: PathBuf,
) -> ExitCode {
    let spec = claimline::cli::generate::Spec { events, seed };
    let file = claimline::cli::generate::generate_shaped(spec, parties, shape.into());
    match output::write_to(&out, |w| claimline::cli::generate::write_ron(&file, w)) {
        Ok(bytes) => {
            let summary = format!(
                "wrote {}: {events} events, {} claims, {:.1} MB",
                out.display(),
                file.events.iter().map(|e| e.claims.len()).sum::<usize>(),
                bytes as f64 / 1e6
            );
            report_written(&out, &summary);
            ExitCode::SUCCESS
        }
        Err(e) => {
            let out = out.display().to_string();
            eprintln!(
                "claimline gen: cannot write {}",
                terminal_safe(&format!("{out}: {e}"))
            );
            ExitCode::FAILURE
        }
    }
}

fn export(a: ExportArgs) -> ExitCode {
    if output::is_stdout(&a.out) && a.format.is_none() {
        Cli::command()
            .error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "--out - (standard output) needs --format png, csv, ron, xlsx or pdf",
            )
            .exit();
    }
    let out = a.out.clone();
    let req = claimline::cli::export::Request {
        out: a.out,
        format: a.format.map(|f| match f {
            FormatArg::Png => Format::Png,
            FormatArg::Csv => Format::Csv,
            FormatArg::Ron => Format::Ron,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Pdf => Format::Pdf,
        }),
        target: match a.view {
            ViewArg::Window => export::Target::Window,
            ViewArg::Timeline => export::Target::Timeline,
            ViewArg::Claims => export::Target::Claims,
            ViewArg::Map => export::Target::Map,
        },
        size: a.size,
        theme: match a.theme {
            ThemeArg::Light => ThemeKind::Light,
            ThemeArg::Dark => ThemeKind::Dark,
            ThemeArg::HighContrast => ThemeKind::HighContrast,
        },
        scale: a.scale,
        caption: !a.no_caption,
        select: a.select,
        actors: a.actor,
        districts: a.district,
        range: a.from.zip(a.to),
        files: a.files,
        tour: a.tour,
        paper: match a.paper {
            PaperArg::A4 => PaperSize::A4,
            PaperArg::Letter => PaperSize::Letter,
        },
    };
    match claimline::cli::export::run(&req) {
        Ok(summary) => {
            report_written(&out, &summary);
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Line by line, so that the message keeps its own new lines (the diagnostics in it
            // were escaped one by one, new lines included).
            let e: Vec<_> = e.lines().map(terminal_safe).collect();
            eprintln!("claimline export: {}", e.join("\n"));
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(
        cli.command,
        Some(
            Command::Gen { .. } | Command::Export(_) | Command::Migrate { .. } | Command::Import(_)
        )
    ) {
        // Without it an interrupted write leaves its temporary file; the write itself is
        // the same either way, so a failure here is not worth stopping for.
        let _ = output::remove_partial_files_on_signal();
    }
    match cli.command {
        Some(Command::Export(args)) => export(args),
        Some(Command::Gen {
            events,
            seed,
            parties,
            shape,
            out,
        }) => generate(events, seed, parties, shape, out),
        Some(Command::Migrate { file, out }) => migrate(&file, &out),
        Some(Command::Import(ImportFormat::Acled { file, parties, out })) => {
            import_acled(&file, parties.as_deref(), &out)
        }
        Some(Command::Import(ImportFormat::Timelinejs { file, groups, out })) => {
            import_timelinejs(&file, groups.as_deref(), &out)
        }
        Some(Command::Check { files, verbose }) => {
            let detail = if verbose {
                check::Detail::Everything
            } else {
                check::Detail::ErrorsAndWarnings
            };
            let report = check::check_paths(&files, detail);
            eprint!("{}", report.diagnostics);
            print!("{}", report.notes);
            println!("{}", report.summary);
            ExitCode::from(report.exit_code as u8)
        }
        Some(Command::Balance { files }) => {
            let out = claimline::cli::balance::balance_paths(&files);
            eprint!("{}", out.diagnostics);
            print!("{}", out.report);
            ExitCode::from(out.exit_code as u8)
        }
        None => {
            let view = match cli.view.as_deref().map(saved_view::read) {
                Some(Err(d)) => {
                    eprintln!("{}", terminal_safe(&d.to_string()));
                    return ExitCode::FAILURE;
                }
                Some(Ok(v)) => Some(v),
                None => None,
            };
            let start = app::Start {
                files: cli.files,
                view,
                cache: claimline::load::cache::Cache::from_env(),
            };
            let frame_stats = (cli.frame_stats)
                .or_else(|| std::env::var_os(app::frame_stats::ENV).map(PathBuf::from));
            match app::run(start, frame_stats) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("claimline: {}", terminal_safe(&e.to_string()));
                    ExitCode::FAILURE
                }
            }
        }
    }
}
