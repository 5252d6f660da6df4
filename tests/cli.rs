//! `claimline check` as a curator runs it: exit codes, the `file:line:col` convention, and
//! inputs that must never panic or hang.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimline(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimline"))
        .arg("check")
        .args(args)
        .output()
        .expect("run claimline")
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/2022-09-armenia-azerbaijan-border.ron")
}

/// Asserts a failed check whose diagnostics name the file (and, for syntax errors, line:col).
fn assert_fails(out: &Output, file: &Path, with_position: bool) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let name = file.display().to_string();
    // Warnings (the bundled file's places without coordinates) may come first.
    let first = stderr
        .lines()
        .find(|l| !l.contains(": warning: "))
        .unwrap_or_default();
    assert!(first.starts_with(&name), "{first:?} does not name {name}");
    if with_position {
        let rest = &first[name.len()..];
        let parts: Vec<&str> = rest.splitn(4, ':').collect();
        assert!(
            parts.len() == 4
                && parts[1].parse::<usize>().is_ok()
                && parts[2].parse::<usize>().is_ok(),
            "{first:?} has no file:line:col"
        );
        assert!(first.contains(": error: "), "{first}");
    }
    stderr
}

#[test]
fn bundled_dataset_checks_clean() {
    let out = claimline(&[&bundled()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("ok: 1 file, "), "{stdout}");
    // Only the places the sources give no coordinates for are warned about.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().all(|l| l.contains("has no coordinates")),
        "{stderr}"
    );
}

#[test]
fn bundled_file_cut_in_half() {
    let text = std::fs::read(bundled()).unwrap();
    let d = dir();
    let half = write(d.path(), "half.ron", &text[..text.len() / 2]);
    let err = assert_fails(&claimline(&[&half]), &half, true);
    assert!(err.contains("incomplete"), "{err}");
}

#[test]
fn empty_file() {
    let d = dir();
    let empty = write(d.path(), "empty.ron", b"");
    let err = assert_fails(&claimline(&[&empty]), &empty, true);
    assert!(err.contains("file is empty"), "{err}");
}

#[test]
fn random_bytes() {
    // A fixed pseudo-random sequence (xorshift), so the test is repeatable.
    let mut x: u32 = 0x9E37_79B9;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    let d = dir();
    let f = write(d.path(), "random.bin", &bytes);
    assert_fails(&claimline(&[&f]), &f, true);
}

#[test]
fn invalid_utf8_points_at_the_byte() {
    let d = dir();
    let f = write(
        d.path(),
        "latin1.ron",
        b"(\n  format: 1,\n  dataset: (title: \"Caf\xE9\"),\n)",
    );
    let err = assert_fails(&claimline(&[&f]), &f, true);
    assert!(
        err.contains(":3:24: error: not UTF-8 text (byte 0xE9)"),
        "{err}"
    );
}

#[test]
fn deeply_nested_brackets() {
    let d = dir();
    let mut text = "(format: 1, dataset: ".to_owned();
    text.push_str(&"[".repeat(100_000));
    let f = write(d.path(), "nested.ron", text.as_bytes());
    let err = assert_fails(&claimline(&[&f]), &f, true);
    assert!(
        err.contains("nested too deeply") || err.contains("Expected"),
        "{err}"
    );
}

#[test]
fn a_200_mb_file_is_refused_without_reading_it() {
    let d = dir();
    let p = d.path().join("huge.ron");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(200 * 1000 * 1000).unwrap(); // sparse: costs no disk
    let err = assert_fails(&claimline(&[&p]), &p, false);
    assert!(
        err.contains("file is too large (200 MB; the limit is 128 MB)"),
        "{err}"
    );
}

#[test]
fn missing_file_and_directory() {
    let d = dir();
    let missing = d.path().join("nope.ron");
    let err = assert_fails(&claimline(&[&missing]), &missing, false);
    assert!(err.contains("cannot open"), "{err}");
    let err = assert_fails(&claimline(&[d.path()]), d.path(), false);
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn every_file_is_reported_and_good_ones_do_not_hide_bad_ones() {
    let d = dir();
    let empty = write(d.path(), "a.ron", b"");
    let garbage = write(d.path(), "b.ron", b"\xFF\xFE");
    let out = claimline(&[&bundled(), &empty, &garbage]);
    let stderr = assert_fails(&out, &empty, true);
    assert!(
        stderr.contains(&format!("{}:1:1: error: not UTF-8", garbage.display())),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("failed: 3 files, 2 errors"));
}

#[test]
fn no_files_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimline"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FILES"));
}

#[test]
fn every_type_error_in_a_file_is_printed() {
    // Two misspelt kinds far apart in the bundled file: both are reported, each at its line.
    let text = std::fs::read_to_string(bundled()).unwrap();
    let text = text
        .replacen("kind: Military", "kind: Militray", 1)
        .replacen("kind: Denial", "kind: Denail", 1);
    let line_of = |word: &str| text.lines().position(|l| l.contains(word)).unwrap() + 1;
    let d = dir();
    let f = write(d.path(), "typos.ron", text.as_bytes());
    let out = claimline(&[&f]);
    let stderr = assert_fails(&out, &f, true);
    for (word, line) in [
        ("Militray", line_of("Militray")),
        ("Denail", line_of("Denail")),
    ] {
        let prefix = format!("{}:{line}:", f.display());
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&prefix) && l.contains(": error: ") && l.contains(word)),
            "{word} at line {line}: {stderr}"
        );
    }
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("failed: 1 file, 2 errors"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn dataset_text_cannot_drive_the_terminal() {
    // An id that would retitle the terminal, clear the screen, hide what follows and
    // reverse the line's direction, were it printed raw.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/borderland.ron"),
    )
    .unwrap();
    let evil = r#"actor: "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[8m\u{9b}\u{202e}\u{2066}north""#;
    let text = text.replacen(r#"actor: "north-mod""#, evil, 1);
    assert!(text.contains("PWNED"));
    let d = dir();
    let f = write(d.path(), "evil.ron", text.as_bytes());
    let out = claimline(&[&f]);
    let stderr = assert_fails(&out, &f, true);
    assert!(stderr.contains("PWNED"), "{stderr}");
    let bad = |c: char| {
        c.is_control() && c != '\n'
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!stderr.chars().any(bad), "{stderr:?}");
    assert!(
        stderr.contains(r"\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[8m\u{9b}\u{202e}\u{2066}north"),
        "{stderr}"
    );
}
