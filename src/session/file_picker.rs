//! Claimline's own file dialog, without the drawing: what a request asks for (open several
//! files, or save one), the folder shown and its listing, and what the typed path names. Used
//! where the desktop offers no file chooser (no portal, no zenity) or when the user asks for
//! it; the window draws it in `ui::file_dialog`, and its answer is the same list of paths the
//! native dialog gives.

use std::path::{Path, PathBuf};

/// What a file dialog is asked for, native or in the window alike.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub title: String,
    pub mode: Mode,
    /// The first is chosen when the dialog opens.
    pub filters: Vec<Filter>,
    /// Where the dialog starts (a folder), when known.
    pub folder: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// One or more existing files.
    OpenMany,
    /// One file to write, proposed under this name.
    Save { file_name: String },
}

/// A named set of file name extensions (without the dot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

impl Filter {
    pub fn new(name: &str, extensions: &[&str]) -> Filter {
        Filter {
            name: name.to_owned(),
            extensions: extensions.iter().map(|e| (*e).to_owned()).collect(),
        }
    }

    /// Whether `path`'s extension is one of the filter's (in any case).
    pub fn admits(&self, path: &Path) -> bool {
        let ext = path.extension().and_then(|e| e.to_str());
        ext.is_some_and(|e| self.extensions.iter().any(|f| f.eq_ignore_ascii_case(e)))
    }
}

/// One line of a folder's listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub is_folder: bool,
}

/// What the typed path asks for when the user confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Go into this folder.
    Folder(PathBuf),
    /// The answer: files to open, or the one to save.
    Files(Vec<PathBuf>),
}

/// The in-window dialog's state between frames.
#[derive(Debug, Clone)]
pub struct Picker {
    pub request: Request,
    pub folder: PathBuf,
    /// What is in the path field: a name, a path, or several quoted names (`"a.ron" "b.csv"`).
    pub typed: String,
    /// Index into the request's filters; `None` shows every file.
    pub filter: Option<usize>,
    pub listing: Vec<Entry>,
    /// Why the folder could not be read, or why the typed path cannot be the answer.
    pub problem: Option<String>,
    /// A file to save over, once the user was told it exists: confirming again replaces it.
    pub replace: Option<PathBuf>,
}

impl Picker {
    /// The dialog at the request's folder (else `home`), listing what the first filter admits.
    pub fn new(request: Request, home: PathBuf) -> Picker {
        let folder = request.folder.clone().unwrap_or(home);
        let typed = match &request.mode {
            Mode::OpenMany => String::new(),
            Mode::Save { file_name } => file_name.clone(),
        };
        let filter = (!request.filters.is_empty()).then_some(0);
        let mut picker = Picker {
            request,
            folder,
            typed,
            filter,
            listing: Vec::new(),
            problem: None,
            replace: None,
        };
        picker.refresh();
        picker
    }

    pub fn is_save(&self) -> bool {
        matches!(self.request.mode, Mode::Save { .. })
    }

    /// Reads the folder again (after a move or a change of filter).
    pub fn refresh(&mut self) {
        let filter = self.filter.and_then(|i| self.request.filters.get(i));
        match list(&self.folder, filter) {
            Ok(l) => {
                self.listing = l;
                self.problem = None;
            }
            Err(e) => {
                self.listing.clear();
                self.problem = Some(format!("Cannot read {}: {e}", self.folder.display()));
            }
        }
    }

    pub fn go_to(&mut self, folder: PathBuf) {
        self.folder = folder;
        self.replace = None;
        if !self.is_save() {
            self.typed.clear();
        }
        self.refresh();
    }

    pub fn go_up(&mut self) {
        if let Some(parent) = self.folder.parent() {
            self.go_to(parent.to_path_buf());
        }
    }

    pub fn set_filter(&mut self, filter: Option<usize>) {
        self.filter = filter;
        self.refresh();
    }

    /// A click on a file of the listing: it becomes the typed name, or (with `add`, when
    /// opening) joins or leaves the names already typed.
    pub fn pick(&mut self, name: &str, add: bool) {
        self.replace = None;
        if !add || self.is_save() {
            self.typed = name.to_owned();
            return;
        }
        let mut names = split_names(&self.typed);
        match names.iter().position(|n| n == name) {
            Some(i) => {
                names.remove(i);
            }
            None => names.push(name.to_owned()),
        }
        self.typed = join_names(&names);
    }

    /// The user confirmed (OK, Enter or a double click): moves into a folder, or returns the
    /// answer; `None` when there is none yet (the reason is in `problem`).
    pub fn confirm(&mut self) -> Option<Vec<PathBuf>> {
        let filter = self.filter.and_then(|i| self.request.filters.get(i));
        match resolve(&self.typed, &self.folder, &self.request.mode, filter) {
            Ok(Resolved::Folder(f)) => {
                self.go_to(f);
                None
            }
            Ok(Resolved::Files(files)) => {
                let over = files.first().filter(|f| self.is_save() && f.exists());
                if let Some(over) = over
                    && self.replace.as_ref() != Some(over)
                {
                    self.problem = Some(format!(
                        "{} exists: Save again to replace it",
                        over.display()
                    ));
                    self.replace = Some(over.clone());
                    return None;
                }
                Some(files)
            }
            Err(e) => {
                self.problem = Some(e);
                None
            }
        }
    }
}

/// The folders and the files `filter` admits in `folder`, folders first, each group by name;
/// hidden entries (a leading dot) are left out.
pub fn list(folder: &Path, filter: Option<&Filter>) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Follows links: a link to a folder is a folder to go into.
            let is_folder = e.path().is_dir();
            let shown = !name.starts_with('.')
                && (is_folder || filter.is_none_or(|f| f.admits(Path::new(&name))));
            shown.then_some(Entry { name, is_folder })
        })
        .collect();
    entries.sort_by(|a, b| {
        (!a.is_folder, a.name.to_lowercase()).cmp(&(!b.is_folder, b.name.to_lowercase()))
    });
    Ok(entries)
}

/// What `typed` names, relative to `folder` unless absolute (`~/` is the home folder). A
/// folder is moved into. Opening needs existing files; saving one file in an existing folder,
/// given the filter's first extension when it has none of the filter's.
pub fn resolve(
    typed: &str,
    folder: &Path,
    mode: &Mode,
    filter: Option<&Filter>,
) -> Result<Resolved, String> {
    let names = split_names(typed);
    if names.is_empty() {
        return Err(match mode {
            Mode::OpenMany => "Choose a file, or type its name or path".to_owned(),
            Mode::Save { .. } => "Type a file name".to_owned(),
        });
    }
    let paths: Vec<PathBuf> = names.iter().map(|n| absolute(n, folder)).collect();
    if let [only] = paths.as_slice()
        && only.is_dir()
    {
        return Ok(Resolved::Folder(only.clone()));
    }
    match mode {
        Mode::OpenMany => {
            if let Some(missing) = paths.iter().find(|p| !p.is_file()) {
                return Err(format!("{} is not a file", missing.display()));
            }
            Ok(Resolved::Files(paths))
        }
        Mode::Save { .. } => {
            let [path] = paths.as_slice() else {
                return Err("Type one file name to save to".to_owned());
            };
            let mut path = path.clone();
            if let Some(f) = filter
                && !f.admits(&path)
                && let Some(ext) = f.extensions.first()
            {
                let mut name = path.file_name().unwrap_or_default().to_os_string();
                name.push(format!(".{ext}"));
                path.set_file_name(name);
            }
            match path.parent() {
                Some(p) if p.is_dir() => Ok(Resolved::Files(vec![path])),
                _ => Err(format!("No folder {}", path.display())),
            }
        }
    }
}

fn absolute(name: &str, folder: &Path) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match (name.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => folder.join(name),
    }
}

/// The names in a path field: several quoted ones, or the whole text as one.
fn split_names(typed: &str) -> Vec<String> {
    let typed = typed.trim();
    if !typed.starts_with('"') {
        return (!typed.is_empty())
            .then(|| typed.to_owned())
            .into_iter()
            .collect();
    }
    typed
        .split('"')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn join_names(names: &[String]) -> String {
    match names {
        [one] => one.clone(),
        _ => names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheets() -> Filter {
        Filter::new("Sheets", &["csv", "xlsx"])
    }

    fn folder_with_files() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.csv", "A.XLSX", "notes.txt", ".hidden.csv"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("zeta")).unwrap();
        dir
    }

    #[test]
    fn the_listing_puts_folders_first_and_shows_what_the_filter_admits() {
        let dir = folder_with_files();
        let names = |f: Option<&Filter>| -> Vec<String> {
            list(dir.path(), f)
                .unwrap()
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(names(Some(&sheets())), ["zeta", "A.XLSX", "b.csv"]);
        assert_eq!(names(None), ["zeta", "A.XLSX", "b.csv", "notes.txt"]);
    }

    #[test]
    fn opening_needs_existing_files_and_a_folder_is_entered() {
        let dir = folder_with_files();
        let open = |typed: &str| resolve(typed, dir.path(), &Mode::OpenMany, None);
        assert_eq!(
            open("b.csv"),
            Ok(Resolved::Files(vec![dir.path().join("b.csv")]))
        );
        assert_eq!(
            open(r#""b.csv" "notes.txt""#),
            Ok(Resolved::Files(vec![
                dir.path().join("b.csv"),
                dir.path().join("notes.txt")
            ]))
        );
        assert_eq!(open("zeta"), Ok(Resolved::Folder(dir.path().join("zeta"))));
        let typed = dir.path().join("zeta").display().to_string();
        assert_eq!(
            resolve(&typed, Path::new("/"), &Mode::OpenMany, None),
            Ok(Resolved::Folder(dir.path().join("zeta")))
        );
        assert!(open("gone.csv").unwrap_err().contains("is not a file"));
        assert!(open("  ").is_err());
    }

    #[test]
    fn saving_adds_the_filters_extension_and_needs_the_folder() {
        let dir = folder_with_files();
        let save = Mode::Save {
            file_name: String::new(),
        };
        let filter = Filter::new("CSV", &["csv"]);
        let to = |typed: &str| resolve(typed, dir.path(), &save, Some(&filter));
        assert_eq!(
            to("out"),
            Ok(Resolved::Files(vec![dir.path().join("out.csv")]))
        );
        assert_eq!(
            to("out.CSV"),
            Ok(Resolved::Files(vec![dir.path().join("out.CSV")]))
        );
        assert!(to("nowhere/out.csv").unwrap_err().starts_with("No folder"));
        assert!(to(r#""a.csv" "b.csv""#).is_err());
    }

    #[test]
    fn saving_over_a_file_asks_for_a_second_confirmation() {
        let dir = folder_with_files();
        let request = Request {
            title: "Export".into(),
            mode: Mode::Save {
                file_name: "b.csv".into(),
            },
            filters: vec![Filter::new("CSV", &["csv"])],
            folder: Some(dir.path().to_path_buf()),
        };
        let mut picker = Picker::new(request, PathBuf::from("/"));
        assert_eq!(picker.confirm(), None);
        assert!(picker.problem.as_deref().unwrap().contains("exists"));
        assert_eq!(picker.confirm(), Some(vec![dir.path().join("b.csv")]));
    }

    #[test]
    fn clicks_with_add_choose_several_files_to_open() {
        let dir = folder_with_files();
        let request = Request {
            title: "Open".into(),
            mode: Mode::OpenMany,
            filters: vec![sheets()],
            folder: Some(dir.path().to_path_buf()),
        };
        let mut picker = Picker::new(request, PathBuf::from("/"));
        picker.pick("b.csv", false);
        picker.pick("A.XLSX", true);
        assert_eq!(picker.typed, r#""b.csv" "A.XLSX""#);
        picker.pick("b.csv", true);
        assert_eq!(picker.typed, "A.XLSX");
        assert_eq!(picker.confirm(), Some(vec![dir.path().join("A.XLSX")]));
    }
}
