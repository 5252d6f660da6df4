//! The app as the desktop sees it: the `.desktop` file, the AppStream metainfo, the icons and
//! the `.deb` layout all name the app id the window sets, so a launcher, a software centre and
//! the running window are matched to one another. Reads the files only; no display.

use std::path::{Path, PathBuf};

use claimline::app::window::{APP_ID, ICON_PNG, icon, viewport};

/// The sizes `tools/icon/render.sh` renders and the `.deb` installs under `hicolor/`.
const ICON_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn desktop_entry() -> String {
    read(&format!("assets/linux/{APP_ID}.desktop"))
}

fn metainfo() -> String {
    read(&format!("assets/linux/{APP_ID}.metainfo.xml"))
}

/// The value of `key` in the `.desktop` file's `[Desktop Entry]` group.
fn entry_value<'a>(entry: &'a str, key: &str) -> &'a str {
    entry
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("the .desktop file has no {key}="))
}

/// The text of every `<tag ...>text</tag>` in the metainfo whose opening tag is exactly
/// `open` (with its attributes).
fn elements<'a>(xml: &'a str, open: &str, tag: &str) -> Vec<&'a str> {
    xml.split(open)
        .skip(1)
        .map(|rest| rest.split(&format!("</{tag}>")).next().unwrap().trim())
        .collect()
}

/// The binary cargo builds, as the `.desktop` file and the metainfo must call it.
fn binary_name() -> String {
    Path::new(env!("CARGO_BIN_EXE_claimline"))
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn app_id_is_reverse_dns() {
    let parts: Vec<&str> = APP_ID.split('.').collect();
    assert!(parts.len() >= 3, "{APP_ID}: not reverse DNS");
    assert!(
        parts.iter().all(|p| !p.is_empty()
            && !p.starts_with(|c: char| c.is_ascii_digit())
            && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')),
        "{APP_ID}: each part must be letters, digits or _, not starting with a digit"
    );
}

#[test]
fn desktop_entry_names_the_app_id_icon_and_binary() {
    let entry = desktop_entry();
    assert_eq!(entry_value(&entry, "Icon"), APP_ID);
    let exec = entry_value(&entry, "Exec");
    assert_eq!(
        exec.split_whitespace().next(),
        Some(binary_name().as_str()),
        "Exec={exec} does not start the binary"
    );
    // Files chosen in a file manager are passed on as paths, as `claimline FILE...` takes them.
    assert!(exec.contains("%F"), "Exec={exec} does not pass files");
    // Docks match the running window to this entry by its X11 class, which is the app id.
    assert_eq!(entry_value(&entry, "StartupWMClass"), APP_ID);
    // "Open with" offers Claimline for the spreadsheets it opens.
    let types = entry_value(&entry, "MimeType");
    for kind in [
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.spreadsheet",
    ] {
        assert!(types.split(';').any(|t| t == kind), "MimeType lacks {kind}");
    }
}

#[test]
fn metainfo_names_the_app_id_desktop_file_and_binary() {
    let xml = metainfo();
    assert_eq!(elements(&xml, "<id>", "id"), [APP_ID]);
    assert_eq!(
        elements(&xml, "<launchable type=\"desktop-id\">", "launchable"),
        [format!("{APP_ID}.desktop")]
    );
    assert_eq!(elements(&xml, "<binary>", "binary"), [binary_name()]);
}

#[test]
fn every_icon_decodes_at_its_size() {
    for size in ICON_SIZES {
        let path = repo(&format!("assets/icon/claimline-{size}.png"));
        let picture = image::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            (picture.width(), picture.height()),
            (size, size),
            "{}",
            path.display()
        );
    }
    // No other size lies there, left out of the package.
    for file in std::fs::read_dir(repo("assets/icon")).unwrap() {
        let name = file.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(size) = name
            .strip_prefix("claimline-")
            .and_then(|n| n.strip_suffix(".png"))
        {
            assert!(
                ICON_SIZES.iter().any(|s| s.to_string() == size),
                "assets/icon/{name} is not one of the sizes installed"
            );
        }
    }
}

#[test]
fn window_icon_is_one_of_the_icons_and_decodes() {
    let same = ICON_SIZES.iter().find(|size| {
        std::fs::read(repo(&format!("assets/icon/claimline-{size}.png"))).unwrap() == ICON_PNG
    });
    assert!(
        same.is_some(),
        "the window's icon is none of assets/icon/claimline-*.png"
    );
    let decoded = icon().expect("the window's icon does not decode");
    let size = *same.unwrap();
    assert_eq!((decoded.width, decoded.height), (size, size));
    assert_eq!(decoded.rgba.len(), (size * size * 4) as usize);
}

#[test]
fn window_sets_the_app_id_and_icon() {
    let window = viewport();
    assert_eq!(window.app_id.as_deref(), Some(APP_ID));
    let shown = window.icon.expect("the window has no icon");
    assert_eq!(Some(&*shown), icon().as_ref());
}

#[test]
fn deb_installs_every_file_under_the_app_id() {
    let manifest = read("Cargo.toml");
    let deb = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has no [package.metadata.deb]");
    let mut installed = vec![
        format!("\"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg\""),
        format!("[\"assets/linux/{APP_ID}.desktop\", \"usr/share/applications/\""),
        format!("[\"assets/linux/{APP_ID}.metainfo.xml\", \"usr/share/metainfo/\""),
        format!("[\"target/release/{}\", \"usr/bin/\"", binary_name()),
    ];
    installed.extend(ICON_SIZES.iter().map(|size| {
        format!(
            "[\"assets/icon/claimline-{size}.png\", \
             \"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png\""
        )
    }));
    for asset in installed {
        assert!(deb.contains(&asset), "the .deb assets lack {asset}");
    }
}
