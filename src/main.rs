//! Command line: `claimline [FILE...]` opens the viewer, `claimline --view V.view.ron` opens a
//! saved view, `claimline check FILE...` validates.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use claimline::session::saved_view;
use claimline::{app, check};

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
}

#[derive(Subcommand)]
enum Command {
    /// Check dataset files and print every problem as file:line:col: error: message.
    Check {
        /// Files loaded together (ids may refer across them).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => {
            let report = check::check_paths(&files);
            eprint!("{}", report.diagnostics);
            println!("{}", report.summary);
            ExitCode::from(report.exit_code as u8)
        }
        None => {
            let view = match cli.view.as_deref().map(saved_view::read) {
                Some(Err(d)) => {
                    eprintln!("{d}");
                    return ExitCode::FAILURE;
                }
                Some(Ok(v)) => Some(v),
                None => None,
            };
            let start = app::Start {
                files: cli.files,
                view,
            };
            match app::run(start) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("claimline: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
