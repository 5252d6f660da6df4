//! Command line: `claimline [FILE...]` opens the viewer, `claimline check FILE...` validates.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use claimline::{app, check, load};

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
    /// Dataset files (.ron) to open together; the bundled dataset when none are given.
    files: Vec<PathBuf>,
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
            let outcome = if cli.files.is_empty() {
                load::load_bundled()
            } else {
                load::load_paths(&cli.files)
            };
            match app::run(outcome) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("claimline: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
