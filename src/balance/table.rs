//! The party table as words, the same in the terminal and the window: its column headings,
//! each row's cells and the legend that says what they count.

use super::PartyRow;

/// The table's headings, in column order; the first column is left-aligned, the rest right.
pub const COLUMNS: [&str; 11] = [
    "Party",
    "Claims",
    "Words",
    "Figures",
    "One-sided",
    "Caveated",
    "Caveats",
    "Disputes out",
    "Disputes in",
    "Quoted loaded",
    "Places with coordinates",
];

/// A row's cells, in [`COLUMNS`] order: "–" where a count does not apply (third parties have
/// no one-sided events and no country).
pub fn cells(row: &PartyRow) -> [String; 11] {
    let none = || "–".to_owned();
    let one = row.one_sided.as_ref();
    [
        row.name.clone(),
        row.claims.to_string(),
        row.words.to_string(),
        row.figures.to_string(),
        one.map_or_else(none, |o| o.events.len().to_string()),
        one.map_or_else(none, |o| o.caveated.len().to_string()),
        one.map_or_else(none, |o| o.caveat_sentences.to_string()),
        row.disputes_out.to_string(),
        row.disputes_in.to_string(),
        row.quoted_loaded.to_string(),
        row.places
            .as_ref()
            .map_or_else(none, |p| match p.percent() {
                Some(pc) => format!("{} of {} ({pc:.0}%)", p.with_coordinates.len(), p.total()),
                None => "no places".to_owned(),
            }),
    ]
}

/// What each column counts, under the table.
pub const LEGEND: &str = "\
One-sided: events on which this party alone (of the parties) has claims; Caveated: those
of them whose summary has a caveat sentence (\"could not be verified\", \"only one side\", ...);
Caveats: such sentences. Disputes out: links from its claims to claims they dispute; in: links
to its claims. Quoted loaded: loaded words inside quotation marks in its claims. Places with
coordinates: of the places in the country named as the party (or under its administration).
";
