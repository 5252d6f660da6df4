//! Events written as a claims sheet (one row per claim, in the layout `import::sheet` reads):
//! an `.xlsx` workbook a spreadsheet opens, which Claimline opens again as the same events,
//! claims, actors, sources and places, as far as the layout carries them (see "Claims sheets"
//! in `data/SCHEMA.md` for what it leaves out).

use crate::model::IdRef;
use chrono::FixedOffset;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::import::sheet::{COLUMNS, PlaceEntry, figures_text, precision_text};
use crate::model::{Actor, Dataset, DatasetFile, Event, Place, Source, parse_offset, utc};

/// What the rows of a claims sheet are made from: the definitions the events refer to, and
/// each event with the offset its times without one are read in.
pub struct SheetData<'a> {
    pub actors: &'a [Actor],
    pub places: &'a [Place],
    pub sources: &'a [Source],
    pub events: Vec<(&'a Event, FixedOffset)>,
}

impl<'a> SheetData<'a> {
    /// The events of a merged dataset at `events` (indices), as the filters chose them.
    pub fn of_dataset(ds: &'a Dataset, events: &[usize]) -> Self {
        SheetData {
            actors: &ds.actors,
            places: &ds.places,
            sources: &ds.sources,
            events: events
                .iter()
                .map(|&e| (&ds.events[e], ds.offset_of(&ds.events[e])))
                .collect(),
        }
    }

    /// Every event of one file.
    pub fn of_file(file: &'a DatasetFile) -> Self {
        let offset = file
            .dataset
            .utc_offset
            .as_deref()
            .and_then(|o| parse_offset(o).ok())
            .unwrap_or_else(utc);
        SheetData {
            actors: &file.actors,
            places: &file.places,
            sources: &file.sources,
            events: file.events.iter().map(|e| (e, offset)).collect(),
        }
    }

    /// The header and one row per claim, cells as text, in the order of [`COLUMNS`].
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut out = vec![COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
        for (event, offset) in &self.events {
            for claim in &event.claims {
                let mut row: Vec<String> = Vec::with_capacity(COLUMNS.len());
                let actors: Vec<Option<&Actor>> = claim
                    .actor_ids()
                    .iter()
                    .map(|id| self.actors.iter().find(|a| &a.id == id))
                    .collect();
                let first = actors.first().copied().flatten();
                let source = claim
                    .sources
                    .first()
                    .and_then(|c| self.sources.iter().find(|s| s.id == c.source));
                for column in COLUMNS {
                    let cell = match column {
                        "event_id" => event.id.to_string(),
                        "event_title" => event.title.to_string(),
                        "event_time" => zoned(&event.when.at(), *offset),
                        "event_end" => event
                            .when
                            .end()
                            .map(|e| zoned(&e, *offset))
                            .unwrap_or_default(),
                        "event_precision" => precision_text(event.when.precision()),
                        "event_kind" => format!("{:?}", event.kind),
                        "event_places" => self.places_text(&event.places),
                        "event_summary" => event.summary.to_string(),
                        "claim_id" => claim.id.to_string(),
                        "party" => {
                            let parties: Vec<&str> = actors
                                .iter()
                                .map(|a| a.and_then(|a| a.party.as_deref()).unwrap_or(""))
                                .collect();
                            if parties.iter().all(|p| *p == parties[0]) {
                                parties[0].to_owned()
                            } else {
                                parties.join("; ")
                            }
                        }
                        "actor" => actors
                            .iter()
                            .zip(claim.actor_ids())
                            .map(|(a, id)| a.map_or(id.as_str(), |a| a.name.as_str()))
                            .collect::<Vec<_>>()
                            .join("; "),
                        "actor_kind" => first.map(|a| format!("{:?}", a.kind)).unwrap_or_default(),
                        "role" => first.map(|a| a.role.clone()).unwrap_or_default(),
                        "said" => bounded(&claim.said, zoned(&claim.said.at(), *offset)),
                        "said_end" => claim
                            .said
                            .end()
                            .map(|e| zoned(&e, *offset))
                            .unwrap_or_default(),
                        "said_precision" => precision_text(claim.said.precision()),
                        "kind" => format!("{:?}", claim.kind),
                        "text" => claim.text.to_string(),
                        "quote" => if claim.quote { "yes" } else { "no" }.to_owned(),
                        "source_outlet" => source.map(|s| s.outlet.clone()).unwrap_or_default(),
                        "source_title" => source.and_then(|s| s.title.clone()).unwrap_or_default(),
                        "source_url" => source.and_then(|s| s.url.clone()).unwrap_or_default(),
                        "source_date" => source.and_then(|s| s.date.clone()).unwrap_or_default(),
                        "source_language" => source.map(|s| s.language.clone()).unwrap_or_default(),
                        "places" => self.places_text(&claim.more.places),
                        "figures" => {
                            let figures: Vec<_> = claim
                                .figures
                                .iter()
                                .map(|f| {
                                    let mut f = f.clone();
                                    if let Some(t) = f.more.as_of.as_deref() {
                                        f.more.edit().as_of = Some(zoned(t, *offset).into());
                                    }
                                    f
                                })
                                .collect();
                            figures_text(&figures)
                        }
                        "note" => claim.more.note.as_deref().unwrap_or_default().to_owned(),
                        _ => String::new(),
                    };
                    row.push(cell);
                }
                out.push(row);
            }
        }
        out
    }

    fn places_text(&self, ids: &[IdRef]) -> String {
        ids.iter()
            .map(|id| {
                self.places
                    .iter()
                    .find(|p| &p.id == id)
                    .map_or_else(|| id.to_string(), PlaceEntry::of)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A time of day written without an offset, with the offset of the file it was read in, so
/// that the sheet (which has no header to hold one) means the same instant. Dates, and times
/// that carry their own offset, are kept as written.
/// A time known only by a bound, as the sheet reader takes it: "after 2022-11".
fn bounded(when: &crate::model::When, at: String) -> String {
    match when.open() {
        Some(crate::model::Open::After) => format!("after {at}"),
        Some(crate::model::Open::Before) => format!("before {at}"),
        None => at,
    }
}

fn zoned(at: &str, offset: FixedOffset) -> String {
    let Some((_, time)) = at.split_once('T') else {
        return at.to_owned();
    };
    let secs = offset.local_minus_utc();
    if secs == 0 || time.contains(['+', '-', 'Z']) {
        return at.to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("{at}{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The rows as an `.xlsx` workbook of one sheet, "Claims", every cell text (so that dates
/// keep the precision they are written to), the header bold and frozen.
pub fn to_xlsx(data: &SheetData) -> Result<Vec<u8>, String> {
    write_xlsx(&data.rows()).map_err(|e| format!("cannot write the workbook: {e}"))
}

fn write_xlsx(rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Claims")?;
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if r == 0 {
                sheet.write_string_with_format(r, c, cell, &bold)?;
            } else if !cell.is_empty() {
                sheet.write_string(r, c, cell)?;
            }
        }
    }
    for (c, column) in COLUMNS.iter().enumerate() {
        let wide = matches!(*column, "text" | "event_summary" | "figures");
        sheet.set_column_width(c as u16, if wide { 48 } else { 16 })?;
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
