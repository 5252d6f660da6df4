//! Re-opening unchanged files from a snapshot of what loading them produced, instead of
//! parsing, checking and indexing them again (seconds for a 100,000-event file).
//!
//! A snapshot is kept in the user's cache folder (`$XDG_CACHE_HOME/claimline`, else
//! `~/.cache/claimline`), never beside the files it was made from, one per set of files opened
//! together. It is valid for a [`Key`]: each file's name, size, modification time and a hash of
//! its bytes, so a file rewritten within the same second, or to the same size, is not taken
//! for the one that was cached. A snapshot that is stale, cut short, corrupt, or written by
//! another build of the program is ignored (and rebuilt by the next load): reading one never
//! fails loudly, and never yields anything but what was written for that key.
//!
//! What goes into a snapshot is the caller's (the session keeps its catalog there); this
//! module only keys, stamps, checks and stores bytes.
//!
//! The bytes are postcard (serde, no field names): that is why the model writes every field
//! while a snapshot is encoded (see `model::omit`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

/// The first bytes of every snapshot.
const MAGIC: &[u8; 16] = b"claimline-cache\n";

/// The layout of a snapshot. Change it whenever what is stored changes shape (the model, the
/// index, the diagnostics): an older snapshot is then ignored rather than misread. A build
/// never reads another build's snapshots anyway (see [`Stamp`]); this covers a rebuilt
/// program of the same size and time, which is unlikely but possible.
pub const FORMAT: u32 = 3;

/// How many snapshots are kept: the most recently used. A 100,000-event file's snapshot
/// takes tens of megabytes, and a user who opens many large files once should not find
/// their cache folder holding all of them.
pub const KEEP: usize = 8;

/// Set to anything but `0` or nothing, no snapshot is read or written.
pub const NO_CACHE_VAR: &str = "CLAIMLINE_NO_CACHE";
/// Where snapshots go instead of the user's cache folder (tests, or a user's own choice).
pub const CACHE_DIR_VAR: &str = "CLAIMLINE_CACHE_DIR";

/// A folder snapshots are kept in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// One input file as a snapshot of it is valid for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey {
    /// The name the file was opened by: what its diagnostics name.
    name: String,
    len: u64,
    /// Seconds and nanoseconds since 1970, when the file system gives them.
    modified: Option<(u64, u32)>,
    hash: u64,
}

/// What a snapshot is valid for: the files opened together, in order, each with its size,
/// modification time and hash; and where it is kept, named after the files' paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Key {
    files: Vec<FileKey>,
    /// A hash of the files' paths (not their contents): the same files opened again find
    /// the same snapshot, stale or not, and replace it.
    place: u64,
}

impl Key {
    /// Adds a file read from `path` (named `name` in diagnostics) whose bytes were `bytes`.
    /// The size and time are the file's now; the hash is of the bytes that were read, so a
    /// file changed in between never gets a snapshot of its old contents under its new time.
    pub fn add_file(&mut self, name: &str, path: &Path, bytes: &[u8]) {
        let meta = std::fs::metadata(path).ok();
        let modified = meta
            .as_ref()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| (d.as_secs(), d.subsec_nanos()));
        self.files.push(FileKey {
            name: name.to_owned(),
            len: meta.map_or(bytes.len() as u64, |m| m.len()),
            modified,
            hash: xxh3_64(bytes),
        });
        let at = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let mut place = self.place.to_le_bytes().to_vec();
        place.extend_from_slice(at.as_os_str().as_encoded_bytes());
        place.extend_from_slice(name.as_bytes());
        self.place = xxh3_64(&place);
    }

    /// Adds bytes read alongside a file (an ACLED export's party map): its name and hash.
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) {
        self.files.push(FileKey {
            name: name.to_owned(),
            len: bytes.len() as u64,
            modified: None,
            hash: xxh3_64(bytes),
        });
    }

    fn file_name(&self) -> String {
        format!("{:016x}.snapshot", self.place)
    }
}

/// What a snapshot records besides its contents: which program wrote it, for which files.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    version: String,
    program: Option<(u64, u64, u32)>,
    files: Vec<FileKey>,
}

impl Stamp {
    fn new(key: &Key) -> Stamp {
        Stamp {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            program: program_id(),
            files: key.files.clone(),
        }
    }
}

/// The running program's size and modification time: a rebuilt program (whose model or
/// index may have changed shape) never reads what an earlier build wrote.
fn program_id() -> Option<(u64, u64, u32)> {
    static ID: OnceLock<Option<(u64, u64, u32)>> = OnceLock::new();
    *ID.get_or_init(|| {
        let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
        let t = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some((meta.len(), t.as_secs(), t.subsec_nanos()))
    })
}

/// A value as a snapshot holds it (postcard, every field written); none if it cannot be.
pub fn encode<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    crate::model::omit::every_field(|| postcard::to_stdvec(value).ok())
}

/// A value [`encode`] made, if `bytes` are one, whole.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    // A snapshot holds the ids the parse shared: shared again as they are read.
    let _shared_ids = crate::model::Interning::begin();
    postcard::from_bytes(bytes).ok()
}

/// A snapshot encoded and ready to write: encoding needs what was loaded, writing does not,
/// so the loaded result can be handed over first and written after.
pub struct Encoded {
    file_name: String,
    bytes: Vec<u8>,
}

impl Encoded {
    /// Encodes `value` as the snapshot for `key`; none if it cannot be encoded.
    pub fn new<T: Serialize>(key: &Key, value: &T) -> Option<Encoded> {
        Encoded::of_parts(key, &[encode(value)?])
    }

    /// The snapshot for `key` of parts each [`encode`]d apart, so that they can be decoded
    /// apart, at the same time (see [`Cache::read_parts`]).
    pub fn of_parts(key: &Key, parts: &[Vec<u8>]) -> Option<Encoded> {
        let mut payload = postcard::to_stdvec(&Stamp::new(key)).ok()?;
        for part in parts {
            payload.extend_from_slice(&(part.len() as u64).to_le_bytes());
            payload.extend_from_slice(part);
        }
        let mut bytes = Vec::with_capacity(payload.len() + 36);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        Some(Encoded {
            file_name: key.file_name(),
            bytes,
        })
    }
}

impl Cache {
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The cache the environment asks for: none when `CLAIMLINE_NO_CACHE` is set, else
    /// `CLAIMLINE_CACHE_DIR`, `$XDG_CACHE_HOME/claimline` or `~/.cache/claimline`; none when
    /// there is no home to put it in (never the current folder, which holds the user's files).
    pub fn from_env() -> Option<Cache> {
        Cache::from_vars(|name| std::env::var_os(name))
    }

    /// [`Cache::from_env`] with the environment's variables as `get` gives them.
    pub fn from_vars(get: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Cache> {
        let var = |name| get(name).filter(|v| !v.is_empty());
        if var(NO_CACHE_VAR).is_some_and(|v| v != "0") {
            return None;
        }
        let absolute = |p: PathBuf| p.is_absolute().then_some(p);
        if let Some(dir) = var(CACHE_DIR_VAR).map(PathBuf::from).and_then(absolute) {
            return Some(Cache::at(dir));
        }
        // The XDG base directory rules: a relative `XDG_CACHE_HOME` is to be ignored.
        let base = var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .and_then(absolute)
            .or_else(|| Some(PathBuf::from(var("HOME")?).join(".cache")).and_then(absolute))?;
        Some(Cache::at(base.join("claimline")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the snapshot for `key` is kept.
    pub fn path_for(&self, key: &Key) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The snapshot for `key`, if there is one, whole, written by this build for exactly
    /// these files' sizes, times and contents.
    pub fn read<T: DeserializeOwned>(&self, key: &Key) -> Option<T> {
        self.read_parts(key, |parts| match parts {
            [one] => decode(one),
            _ => None,
        })
        .flatten()
    }

    /// The parts of the snapshot for `key` (as [`Encoded::of_parts`] wrote them) given to
    /// `decode`, if there is a snapshot whole, written by this build for exactly these files'
    /// sizes, times and contents; what `decode` makes of them.
    pub fn read_parts<T>(&self, key: &Key, decode: impl FnOnce(&[&[u8]]) -> T) -> Option<T> {
        let path = self.path_for(key);
        let bytes = std::fs::read(&path).ok()?;
        let payload = checked_payload(&bytes)?;
        let (stamp, mut rest) = postcard::take_from_bytes::<Stamp>(payload).ok()?;
        if stamp != Stamp::new(key) {
            return None;
        }
        let mut parts = Vec::new();
        while !rest.is_empty() {
            let (len, after) = rest.split_first_chunk::<8>()?;
            let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
            if len > after.len() {
                return None;
            }
            let (part, after) = after.split_at(len);
            parts.push(part);
            rest = after;
        }
        let value = decode(&parts);
        // Marked as used, so that pruning keeps it over those not opened since.
        let _ = std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()));
        Some(value)
    }

    /// Writes a snapshot through a temporary file renamed into place, so a reader never sees
    /// half of one (and one cut short by a crash fails its length or checksum).
    pub fn write(&self, snapshot: &Encoded) -> std::io::Result<()> {
        static WRITES: AtomicU64 = AtomicU64::new(0);
        std::fs::create_dir_all(&self.dir)?;
        let path = self.dir.join(&snapshot.file_name);
        // Unique to this write: two loads of the same files may write at once.
        let partial = self.dir.join(format!(
            ".{}.{}.{}.partial",
            snapshot.file_name,
            std::process::id(),
            WRITES.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::write(&partial, &snapshot.bytes)
            .and_then(|()| std::fs::rename(&partial, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written?;
        self.prune();
        Ok(())
    }

    /// Removes all but the [`KEEP`] most recently used snapshots.
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut snapshots: Vec<(std::time::SystemTime, PathBuf)> = entries
            .filter_map(|e| {
                let e = e.ok()?;
                let path = e.path();
                (path.extension()? == "snapshot").then_some(())?;
                Some((e.metadata().ok()?.modified().ok()?, path))
            })
            .collect();
        snapshots.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (_, old) in snapshots.into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(old);
        }
    }

    /// [`Cache::write`], reporting a failure on standard error only: a cache that cannot be
    /// written costs the next open its time, nothing else.
    pub fn write_quietly(&self, snapshot: &Encoded) {
        if let Err(e) = self.write(snapshot) {
            eprintln!(
                "claimline: could not write to the cache in {}: {e}",
                self.dir.display()
            );
        }
    }
}

/// The payload of a snapshot's bytes, if they are one of this format, whole and unchanged.
fn checked_payload(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (format, rest) = rest.split_first_chunk::<4>()?;
    let (len, rest) = rest.split_first_chunk::<8>()?;
    let (hash, payload) = rest.split_first_chunk::<8>()?;
    (u32::from_le_bytes(*format) == FORMAT
        && u64::from_le_bytes(*len) == payload.len() as u64
        && u64::from_le_bytes(*hash) == xxh3_64(payload))
    .then_some(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_for(dir: &Path, text: &str) -> Key {
        let path = dir.join("a.ron");
        std::fs::write(&path, text).unwrap();
        let mut key = Key::default();
        key.add_file("a.ron", &path, text.as_bytes());
        key
    }

    #[test]
    fn what_is_written_reads_back_for_the_same_key_only() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache"));
        let key = key_for(tmp.path(), "one");
        let value = (String::from("held"), vec![1u32, 2, 3]);
        cache.write(&Encoded::new(&key, &value).unwrap()).unwrap();
        assert_eq!(cache.read::<(String, Vec<u32>)>(&key), Some(value));
        let other = key_for(tmp.path(), "two");
        assert_eq!(cache.path_for(&other), cache.path_for(&key));
        assert_eq!(cache.read::<(String, Vec<u32>)>(&other), None);
    }

    #[test]
    fn the_cache_folder_is_the_users_never_a_relative_one() {
        let from = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Cache::from_vars(|name| {
                (vars.iter())
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.into())
            })
            .map(|c| c.dir)
        };
        let home = [("HOME", "/home/u")];
        assert_eq!(from(&home), Some("/home/u/.cache/claimline".into()));
        let xdg = [("HOME", "/home/u"), ("XDG_CACHE_HOME", "/var/c")];
        assert_eq!(from(&xdg), Some("/var/c/claimline".into()));
        let relative = [("HOME", "/home/u"), ("XDG_CACHE_HOME", "c")];
        assert_eq!(from(&relative), Some("/home/u/.cache/claimline".into()));
        let chosen = [("HOME", "/home/u"), ("CLAIMLINE_CACHE_DIR", "/tmp/x")];
        assert_eq!(from(&chosen), Some("/tmp/x".into()));
        assert_eq!(
            from(&[("HOME", "/home/u"), ("CLAIMLINE_NO_CACHE", "1")]),
            None
        );
        assert_eq!(
            from(&[("HOME", "/home/u"), ("CLAIMLINE_NO_CACHE", "0")]),
            from(&home)
        );
        // No home: no cache, rather than one in the current folder among the user's files.
        assert_eq!(from(&[]), None);
        assert_eq!(from(&[("HOME", "rel")]), None);
    }

    #[test]
    fn only_the_most_recently_used_snapshots_are_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache"));
        let keys: Vec<Key> = (0..KEEP + 3)
            .map(|i| {
                let path = tmp.path().join(format!("{i}.ron"));
                std::fs::write(&path, "x").unwrap();
                let mut key = Key::default();
                key.add_file(&format!("{i}.ron"), &path, b"x");
                key
            })
            .collect();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for (i, key) in keys[..KEEP + 2].iter().enumerate() {
            cache.write(&Encoded::new(key, &i).unwrap()).unwrap();
            // Each older than the next, the first the oldest.
            let at = old + std::time::Duration::from_secs(i as u64);
            let f = std::fs::File::options()
                .write(true)
                .open(cache.path_for(key));
            f.unwrap().set_modified(at).unwrap();
        }
        let kept = |keys: &[Key]| -> Vec<bool> {
            keys.iter().map(|k| cache.path_for(k).exists()).collect()
        };
        // Writing the ninth and tenth removed the two oldest.
        let mut expected = vec![true; KEEP + 2];
        expected[..2].fill(false);
        assert_eq!(kept(&keys[..KEEP + 2]), expected);
        // The oldest left is used again: it stays, and the next oldest goes instead.
        assert_eq!(cache.read::<usize>(&keys[2]), Some(2));
        cache
            .write(&Encoded::new(&keys[KEEP + 2], &99usize).unwrap())
            .unwrap();
        let mut expected = vec![true; KEEP + 3];
        expected[..2].fill(false);
        expected[3] = false;
        assert_eq!(kept(&keys), expected);
    }

    #[test]
    fn bytes_cut_short_or_changed_are_not_a_snapshot() {
        let tmp = tempfile::tempdir().unwrap();
        let key = key_for(tmp.path(), "one");
        let bytes = Encoded::new(&key, &vec![7u64; 100]).unwrap().bytes;
        assert!(checked_payload(&bytes).is_some());
        for cut in [0, 10, MAGIC.len() + 12, bytes.len() - 1] {
            assert!(checked_payload(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in [3, MAGIC.len() + 1, MAGIC.len() + 13, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x20;
            assert!(checked_payload(&flipped).is_none(), "flipped at {at}");
        }
    }
}
