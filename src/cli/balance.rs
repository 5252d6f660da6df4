//! `claimline balance FILE...`: the balance report as plain text, for a curator to read
//! before publishing. It counts and lists; it never judges or edits. The numbers come from
//! [`crate::balance`]; this is only their layout: a table per party with aligned columns,
//! the word shares of events that are one-sided or uneven, then the asymmetries.

use std::path::PathBuf;

use super::check::terminal_safe;
use crate::balance::Report;
use crate::balance::table::{COLUMNS, LEGEND, cells};
use crate::load::LoadOutcome;
use crate::model::wording::plural;
use crate::query::Catalog;

/// What `balance` prints and the exit code it returns.
pub struct BalanceOutput {
    /// The report (for standard output); empty when the files did not load.
    pub report: String,
    /// Diagnostics of a failed load, one per line, or a count of warnings (standard error).
    pub diagnostics: String,
    pub exit_code: i32,
}

pub fn balance_paths(paths: &[PathBuf]) -> BalanceOutput {
    balance_outcome(crate::import::load_paths(paths))
}

/// The report on a load's outcome; a load with errors prints them as `check` does, and
/// exits 1.
pub fn balance_outcome(outcome: LoadOutcome) -> BalanceOutput {
    let errors = outcome.error_count();
    let dataset = match outcome.dataset {
        Some(ds) if errors == 0 => ds,
        _ => {
            let diagnostics: String = (outcome.diagnostics.iter())
                .filter(|d| !d.is_note())
                .map(|d| format!("{}\n", terminal_safe(&d.to_string())))
                .collect();
            return BalanceOutput {
                report: String::new(),
                diagnostics: format!(
                    "{diagnostics}claimline balance: the files do not load ({}): nothing to report\n",
                    plural(errors, "error")
                ),
                exit_code: 1,
            };
        }
    };
    let diagnostics = match outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_warning())
        .count()
    {
        0 => String::new(),
        n => format!("{} (claimline check lists them)\n", plural(n, "warning")),
    };
    let report = Report::new(&Catalog::new(dataset));
    BalanceOutput {
        // Line by line: the report's own new lines stay, any in a name or id is written out.
        report: report_text(&report)
            .lines()
            .map(|l| format!("{}\n", terminal_safe(l)))
            .collect(),
        diagnostics,
        exit_code: 0,
    }
}

/// The report as text, lines ending in new lines. Control characters in names and ids are
/// for the caller to escape, line by line.
pub fn report_text(report: &Report) -> String {
    let mut out = format!(
        "Balance of “{}”: {}, {}, {}.\n",
        report.title,
        plural(report.parties.len(), "party"),
        plural(report.event_count, "event"),
        plural(report.claim_count, "claim"),
    );
    out.push_str("What the data holds of each party's words: counts, not judgements.\n\n");
    out.push_str(&party_table(report));
    out.push('\n');
    out.push_str(&event_lines(report));
    out.push('\n');
    if report.asymmetries.is_empty() {
        out.push_str("No asymmetries of the kinds checked.\n");
    } else {
        out.push_str("Asymmetries worth a look:\n");
        for (i, a) in report.asymmetries.iter().enumerate() {
            out.push_str(&format!(
                "  {}. {}: {}\n",
                i + 1,
                a.kind_label(),
                a.describe()
            ));
        }
    }
    out
}

fn party_table(report: &Report) -> String {
    let rows: Vec<[String; 11]> = (report.parties.iter())
        .chain(&report.third_parties)
        .map(cells)
        .collect();
    let width = |col: usize| {
        rows.iter()
            .map(|r| r[col].chars().count())
            .chain([COLUMNS[col].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..COLUMNS.len()).map(width).collect();
    let line = |cells: &[String]| {
        let mut l = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.chars().count());
            match i {
                0 => l.push_str(&format!("{cell}{pad}")),
                // The places column is text: left-aligned, like the party's name.
                10 => l.push_str(&format!("  {cell}{pad}")),
                _ => l.push_str(&format!("  {pad}{cell}")),
            }
        }
        format!("{}\n", l.trim_end())
    };
    let headings: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut out = line(&headings);
    for r in &rows {
        out.push_str(&line(r));
    }
    out.push('\n');
    out.push_str(LEGEND);
    out
}

/// The word shares of the events that are one-sided or uneven, one line each.
fn event_lines(report: &Report) -> String {
    let notable: Vec<_> = report.notable_events().collect();
    if notable.is_empty() {
        return "No event is one-sided, and on none has a party twice another's words or more.\n"
            .to_owned();
    }
    let mut out = format!(
        "Word shares on events that are one-sided or uneven (a party with {} times another's words or more): {}\n",
        crate::balance::words::UNEVEN_RATIO,
        notable.len()
    );
    for e in notable {
        let how = if e.one_sided { "one-sided" } else { "uneven" };
        let shares: Vec<String> = (e.words.iter())
            .map(|w| {
                format!(
                    "{} {:.0}% ({})",
                    w.name,
                    e.percent(w),
                    plural(w.words, "word")
                )
            })
            .collect();
        out.push_str(&format!(
            "  {} “{}”, {how}: {}\n",
            e.event.id,
            e.title,
            shares.join(", ")
        ));
    }
    out
}
