//! Saved views: a small RON file naming the files, the filter, the time range, the selection
//! and the lane mode, so `claimline --view FILE.view.ron` opens exactly the picture an analyst
//! handed over. Paths are written relative to the view file when they lie under its folder.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Source;
use super::settings::Settings;
use super::state::Snapshot;
use crate::layout::lanes::LaneMode;
use crate::load::{self, Diagnostic, SourceText};
use crate::model::{EventKind, MAX_PARTIES, Side};
use crate::query::FilterState;

pub const VIEW_FORMAT: u32 = 1;

/// A view: the [`Snapshot`] of what was open, with the part of the settings that shapes the
/// picture (the filter and the lane mode). Theme and export options stay the reader's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ViewFile", into = "ViewFile")]
pub struct SavedView {
    pub format: u32,
    pub filter: FilterState,
    pub lane_mode: LaneMode,
    /// The administration scheme the district filter reads places under (`admin`, format 2):
    /// the same district names select other places under another scheme.
    pub district_scheme: Option<String>,
    pub snapshot: Snapshot,
}

impl SavedView {
    /// The view of `snapshot` with `settings`' filter and lane mode, in today's format.
    /// It is given in the form its file reads back as (parties counted from the filter's own
    /// ids), so a view compares equal to itself saved and read.
    pub fn new(snapshot: Snapshot, settings: &Settings) -> SavedView {
        let view = SavedView {
            format: VIEW_FORMAT,
            filter: settings.filter.clone(),
            lane_mode: settings.lane_mode,
            district_scheme: settings.district_scheme.clone(),
            snapshot,
        };
        SavedView::try_from(ViewFile::from(view.clone())).unwrap_or(view)
    }
}

/// A view as its file spells it: one flat record, the order and names analysts have in the
/// files they exchange.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewFile {
    format: u32,
    sources: Vec<Source>,
    #[serde(default)]
    filter: ViewFilter,
    #[serde(default)]
    time_range: Option<(f64, f64)>,
    #[serde(default)]
    selected: Option<String>,
    #[serde(default)]
    lane_mode: LaneMode,
    /// Views that name sides by place (`sides: [Party(2)]`): the party ids in the order those
    /// places count. Read for views written before the filter named parties by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parties: Option<Vec<String>>,
    /// The scheme the district filter reads places under; left out for their default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    districts_by: Option<String>,
}

/// The filter as a view file spells it: chosen parties by id and the third parties by name,
/// so a reader of the file sees whom the view narrows to, and the view keeps them whatever
/// order the files later give their parties. Views written before name sides by their place
/// in the party order (`sides: [Left]`); those still read.
#[derive(Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ViewFilter {
    actors: BTreeSet<String>,
    districts: BTreeSet<String>,
    /// Events with a claim by an actor of any of these parties (by id).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parties: Vec<String>,
    /// Events with a claim by a third party (an actor of no party).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    third_parties: bool,
    /// Sides by place, as views wrote them before they named parties.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    sides: BTreeSet<Side>,
    kinds: BTreeSet<EventKind>,
    from: Option<i64>,
    to: Option<i64>,
    text: String,
    contested_only: bool,
}

impl TryFrom<ViewFile> for SavedView {
    type Error = String;

    fn try_from(f: ViewFile) -> Result<SavedView, String> {
        let ViewFilter {
            actors,
            districts,
            parties,
            third_parties,
            mut sides,
            kinds,
            from,
            to,
            text,
            contested_only,
        } = f.filter;
        // Parties named by id become places in a party order of their own, which the load
        // then maps onto the dataset's (as it maps a remembered order).
        let mut order = f.parties.clone().unwrap_or_default();
        if !parties.is_empty() && sides.iter().any(|s| s.party_index().is_some()) {
            return Err(
                "the filter names parties both by id (`parties`) and by place \
                        (`sides`): keep `parties`"
                    .to_owned(),
            );
        }
        for id in &parties {
            let at = match order.iter().position(|p| p == id) {
                Some(at) => at,
                None => {
                    order.push(id.clone());
                    order.len() - 1
                }
            };
            if at >= MAX_PARTIES {
                return Err(format!(
                    "the filter names party \"{id}\" past the {MAX_PARTIES}th: a dataset has at \
                     most {MAX_PARTIES} parties"
                ));
            }
            sides.insert(Side::party(at));
        }
        if third_parties {
            sides.insert(Side::THIRD);
        }
        let named_by_id = !parties.is_empty();
        Ok(SavedView {
            format: f.format,
            filter: FilterState {
                actors,
                districts,
                sides,
                kinds,
                from,
                to,
                text,
                contested_only,
            },
            lane_mode: f.lane_mode,
            district_scheme: f.districts_by,
            snapshot: Snapshot {
                sources: f.sources,
                selected: f.selected,
                time_range: f.time_range,
                parties: (named_by_id || f.parties.is_some()).then_some(order),
            },
        })
    }
}

impl From<SavedView> for ViewFile {
    fn from(v: SavedView) -> ViewFile {
        let FilterState {
            actors,
            districts,
            sides: chosen,
            kinds,
            from,
            to,
            text,
            contested_only,
        } = v.filter;
        let order = v.snapshot.parties.unwrap_or_default();
        let (mut parties, mut sides) = (Vec::new(), BTreeSet::new());
        for side in &chosen {
            match side.party_index().map(|i| order.get(i)) {
                None => {}
                Some(Some(id)) => parties.push(id.clone()),
                // No dataset was open to name it: kept by place (with one open, a place past
                // its parties names no one).
                Some(None) if order.is_empty() => {
                    sides.insert(*side);
                }
                Some(None) => {}
            }
        }
        ViewFile {
            format: v.format,
            sources: v.snapshot.sources,
            filter: ViewFilter {
                actors,
                districts,
                parties,
                third_parties: chosen.contains(&Side::THIRD),
                sides,
                kinds,
                from,
                to,
                text,
                contested_only,
            },
            time_range: v.snapshot.time_range,
            selected: v.snapshot.selected,
            lane_mode: v.lane_mode,
            parties: None,
            districts_by: v.district_scheme,
        }
    }
}

/// Reads a view; its relative paths are resolved against the view file's folder.
pub fn read(path: &Path) -> Result<SavedView, Diagnostic> {
    let src = load::read_file(path)?;
    parse(&src, path.parent().unwrap_or(Path::new(".")))
}

/// Parses a view's text; its relative paths are resolved against `base`.
pub fn parse(src: &SourceText, base: &Path) -> Result<SavedView, Diagnostic> {
    let mut view: SavedView = load::parse_as(src, "a saved view `(format: 1, sources: [...])`")?;
    if view.format != VIEW_FORMAT {
        return Err(Diagnostic::error(
            &src.name,
            None,
            format!(
                "unsupported view format {}: this version reads format {VIEW_FORMAT}",
                view.format
            ),
        ));
    }
    for s in &mut view.snapshot.sources {
        if let Source::File(p) = s {
            // Absolute too, as the session remembers what it opens.
            *p = std::path::absolute(base.join(&*p)).unwrap_or_else(|_| base.join(&*p));
        }
    }
    Ok(view)
}

/// Writes a view to a temporary file beside `path`, then renames it into place, so a failed
/// write never leaves half a file.
pub fn write(path: &Path, view: &SavedView) -> std::io::Result<()> {
    let base = path
        .parent()
        .map(|b| std::path::absolute(b).unwrap_or(b.to_path_buf()))
        .unwrap_or_default();
    let text = to_text(view, &base).map_err(std::io::Error::other)?;
    crate::output::write_atomic(path, text.as_bytes())
}

/// A view's text as [`write`] saves it in the folder `base`: [`parse`] with the same `base`
/// gives the view back.
pub fn to_text(view: &SavedView, base: &Path) -> Result<String, ron::Error> {
    let mut v = view.clone();
    for s in &mut v.snapshot.sources {
        if let Source::File(p) = s {
            let abs = std::path::absolute(&*p).unwrap_or(p.clone());
            if let Ok(rel) = abs.strip_prefix(base) {
                *p = rel.to_path_buf();
            }
        }
    }
    let text = ron::ser::to_string_pretty(&v, ron::ser::PrettyConfig::default())?;
    Ok(format!(
        "// A Claimline view: claimline --view THIS_FILE\n{text}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(dir: &Path) -> SavedView {
        SavedView {
            format: VIEW_FORMAT,
            filter: FilterState {
                actors: ["arm-mod".to_owned()].into(),
                text: "Jermuk".into(),
                contested_only: true,
                ..Default::default()
            },
            lane_mode: LaneMode::District,
            district_scheme: Some("de facto".into()),
            snapshot: Snapshot {
                sources: vec![
                    Source::Bundled,
                    Source::File(dir.join("data").join("mine.ron")),
                ],
                selected: Some("2022-09-14-ceasefire".into()),
                time_range: Some((1.6e9, 1.7e9)),
                parties: None,
            },
        }
    }

    #[test]
    fn round_trips_with_paths_relative_to_the_view() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.view.ron");
        let view = sample(dir.path());
        write(&path, &view).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"data/mine.ron\""), "{text}");
        assert_eq!(read(&path).unwrap(), view);
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_broken_view_names_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.view.ron");
        std::fs::write(
            &path,
            "(\n  format: 1,\n  sources: [Bundled],\n  lane_mode: Sideways,\n)",
        )
        .unwrap();
        let d = read(&path).unwrap_err();
        let at = d.at.expect("a position");
        assert_eq!(at.line, 4);
        assert!(d.to_string().contains("bad.view.ron:4:"), "{d}");
    }

    fn view_of(text: &str) -> Result<SavedView, Diagnostic> {
        let src = SourceText {
            name: "t.view.ron".into(),
            text: text.into(),
        };
        parse(&src, Path::new("/"))
    }

    #[test]
    fn the_filter_names_its_parties_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let mut view = sample(dir.path());
        view.filter.sides = [Side::party(2), Side::THIRD].into();
        view.snapshot.parties = Some(["ost", "west", "hill"].map(String::from).to_vec());
        let text = to_text(&view, dir.path()).unwrap();
        assert!(
            text.contains("parties: [\n            \"hill\",\n        ]"),
            "{text}"
        );
        assert!(text.contains("third_parties: true"), "{text}");
        assert!(
            !text.contains("Party(") && !text.contains("sides:"),
            "{text}"
        );
        // Read back, the party is the first of an order of its own, which the load maps onto
        // the dataset's.
        let back = parse(
            &SourceText {
                name: "v".into(),
                text,
            },
            dir.path(),
        )
        .unwrap();
        assert_eq!(back.filter.sides, [Side::party(0), Side::THIRD].into());
        assert_eq!(back.snapshot.parties, Some(vec!["hill".to_owned()]));
    }

    #[test]
    fn views_that_name_sides_by_place_still_read() {
        let old = "(format: 1, sources: [Bundled], filter: (sides: [Left, Third]))";
        let view = view_of(old).unwrap();
        assert_eq!(view.filter.sides, [Side::FIRST, Side::THIRD].into());
        assert_eq!(view.snapshot.parties, None);
        let counted = "(format: 1, sources: [Bundled], filter: (sides: [Party(2)]), \
                       parties: [\"a\", \"b\", \"c\"])";
        let view = view_of(counted).unwrap();
        assert_eq!(view.filter.sides, [Side::party(2)].into());
        assert_eq!(view.snapshot.parties.unwrap()[2], "c");
    }

    #[test]
    fn a_filter_naming_parties_both_ways_is_refused_at_its_line() {
        let both = "(format: 1, sources: [Bundled],\nfilter: (sides: [Left], parties: [\"a\"]))";
        let d = view_of(both).unwrap_err();
        assert!(d.message.contains("both by id"), "{d}");
        assert!(d.at.is_some(), "{d}");
        let many: Vec<String> = (0..9).map(|i| format!("\"p{i}\"")).collect();
        let nine = format!(
            "(format: 1, sources: [Bundled], filter: (parties: [{}]))",
            many.join(", ")
        );
        let d = view_of(&nine).unwrap_err();
        assert!(d.message.contains("\"p8\""), "{d}");
    }

    #[test]
    fn a_view_is_never_written_over_a_fifo() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.view.ron");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.expect("this test needs mkfifo (coreutils)").success());
        let e = write(&path, &sample(dir.path())).unwrap_err();
        assert_eq!(e.to_string(), "is not a regular file");
        let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
        assert!(kind.is_fifo(), "{kind:?}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("v.view.ron");
        assert!(write(&path, &sample(dir.path())).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
