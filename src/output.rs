//! Where the window and the command line write: only to regular files that are none of the
//! files read, through a temporary file renamed into place, which a failure or an interrupting
//! signal (SIGINT, SIGTERM, SIGHUP) removes; or to standard output, given as `-`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files being written now, for the signal handler to remove.
static PARTIAL_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn partial_files() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it usable: it is only a list of names.
    PARTIAL_FILES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether `path` means standard output.
pub fn is_stdout(path: &Path) -> bool {
    path == Path::new("-")
}

/// Whether two paths name the same file, however spelt (`./`, `../`, a symlink).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Refuses an output that is one of `inputs`: nothing ever writes over what it read.
pub fn refuse_input(out: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    if inputs.iter().any(|i| same_file(i, out)) {
        return Err(format!(
            "{} is an input dataset: choose another name",
            out.display()
        ));
    }
    Ok(())
}

/// Writes `bytes` to `path` as [`write_atomic_with`] does.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes)).map(|_| ())
}

/// Writes what `fill` writes to `path` through a temporary file in the same folder, renamed
/// into place: a failed or interrupted write never leaves half a file under the name the user
/// chose, nor the temporary file. A `path` that exists and is not a regular file (a device,
/// a FIFO, a folder) is refused: renaming over it would replace it. Returns the bytes written.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<u64> {
    refuse_special(path)?;
    let partial = Partial::begin(temp_name(path));
    let mut w = Counter::new(BufWriter::new(File::create(&partial.0)?));
    fill(&mut w)?;
    let f = w
        .inner
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    f.sync_all()?;
    std::fs::rename(&partial.0, path)?;
    Ok(w.bytes)
}

/// Writes what `fill` writes to `path`, or to standard output when `path` is `-`. Returns
/// the bytes written.
pub fn write_to(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<u64> {
    if is_stdout(path) {
        let mut w = Counter::new(BufWriter::new(io::stdout().lock()));
        fill(&mut w)?;
        w.flush()?;
        Ok(w.bytes)
    } else {
        write_atomic_with(path, fill)
    }
}

/// Counts the bytes written through it.
struct Counter<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Counter<W> {
    fn new(inner: W) -> Self {
        Counter { inner, bytes: 0 }
    }
}

impl<W: Write> Write for Counter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Refuses a `path` that exists and is not a regular file: writing would replace it.
pub fn refuse_special(path: &Path) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is not a regular file",
        )),
        _ => Ok(()),
    }
}

fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

/// A temporary file being written: listed for the signal handler while it lives, and removed
/// when it is dropped (after the rename there is nothing left to remove).
struct Partial(PathBuf);

impl Partial {
    /// Listed before the file is created, so that no signal can come between the two.
    fn begin(path: PathBuf) -> Partial {
        partial_files().push(path.clone());
        Partial(path)
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        let mut list = partial_files();
        let _ = std::fs::remove_file(&self.0);
        list.retain(|p| *p != self.0);
    }
}

/// From now on, SIGINT, SIGTERM and SIGHUP remove the temporary files being written, then end
/// the process as the signal would have.
pub fn remove_partial_files_on_signal() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held to the end: no new temporary file can begin.
            let list = partial_files();
            for p in list.iter() {
                let _ = std::fs::remove_file(p);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fifo(dir: &Path) -> PathBuf {
        let path = dir.join("f.ron");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.expect("this test needs mkfifo (coreutils)").success());
        path
    }

    #[test]
    fn a_special_file_is_refused_and_kept() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let path = fifo(dir.path());
        let e = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(e.to_string(), "is not a regular file");
        assert!(
            std::fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        let e = write_atomic(dir.path(), b"x").unwrap_err();
        assert_eq!(e.to_string(), "is not a regular file");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_fill_leaves_neither_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        let e = write_atomic_with(&path, |w| {
            w.write_all(&[b'x'; 100_000])?;
            Err(io::Error::other("the data could not be made"))
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "the data could not be made");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(partial_files().is_empty());
    }

    #[test]
    fn an_input_is_refused_however_spelt() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.ron");
        std::fs::write(&input, "x").unwrap();
        std::os::unix::fs::symlink(&input, dir.path().join("link.ron")).unwrap();
        let inputs = [PathBuf::from("elsewhere.ron"), input.clone()];
        for out in [
            input.clone(),
            dir.path().join(".").join("in.ron"),
            dir.path().join("link.ron"),
        ] {
            assert_eq!(
                refuse_input(&out, &inputs),
                Err(format!(
                    "{} is an input dataset: choose another name",
                    out.display()
                ))
            );
        }
        assert_eq!(refuse_input(&dir.path().join("out.ron"), &inputs), Ok(()));
    }
}
