//! Prose as the model holds it: a claim's text and an event's summary, most of a large
//! dataset's bytes (at a million generated events 300 MB of claim texts and 111 MB of
//! summaries, against 787 MiB for everything else). Each is kept as the numbers of its words
//! in one table of words the process shares: a word written a million times is held once,
//! and a text takes one to three bytes a word instead of its letters.
//!
//! A text is cut into *pieces*, each a run of characters up to and including the next space
//! (the last piece has none): "Shelling near Vesk." is "Shelling ", "near ", "Vesk.". Joined,
//! the pieces are the text, byte for byte. A piece's number is written in as few bytes as it
//! needs (seven bits a byte, the high bit saying that more follow); pieces are numbered in
//! the order the process first meets them, so the words of the first texts read (the
//! commonest) take one byte.
//!
//! The table only grows: a piece once numbered keeps its number while the process lives, so
//! two texts are equal exactly when their numbers are, and a file opened again reuses the
//! pieces it had. It holds each distinct piece once, a few megabytes for a large file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::{LazyLock, PoisonError, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text held as the numbers of its pieces in the shared table. Read it with
/// [`Prose::read`] (or format it); make it from a `&str` or `String`.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Prose(Box<[u8]>);

/// Every piece met so far, by number, and each piece's number.
#[derive(Default)]
struct Pieces {
    /// Each piece, leaked: it lives as long as the process, and a `&'static str` is the key
    /// of `numbers` without a second copy.
    by_number: Vec<&'static str>,
    numbers: HashMap<&'static str, u32, BuildHasherDefault<PieceHasher>>,
}

/// The table every thread adds to.
static PIECES: LazyLock<RwLock<Pieces>> = LazyLock::new(RwLock::default);

thread_local! {
    /// This thread's copy of as much of the table as it has needed: the threads that parse
    /// and check a file in parallel read their copies without taking the shared lock for
    /// every text (which cost a third more time to open 100,000 events). The copy holds
    /// the same leaked pieces, and one more pointer and number for each.
    static KNOWN: RefCell<Pieces> = RefCell::default();
}

/// A multiply-and-rotate hash taking eight bytes a step: pieces are hashed millions of
/// times while a large file is read, and a byte-at-a-time hash took most of that time.
#[derive(Default)]
struct PieceHasher(u64);

impl std::hash::Hasher for PieceHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        let mut add = |word: u64| {
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
        };
        for chunk in &mut chunks {
            add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }
}

/// The pieces of `text`, in order.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(' ')
}

/// Appends `n` in as few bytes as it needs, seven bits a byte, low bits first.
fn write_number(mut n: u32, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7F) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The numbers [`write_number`] wrote, in order.
fn read_numbers(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut n = 0u32;
        let mut shift = 0;
        loop {
            let b = *bytes.get(at)?;
            at += 1;
            n |= u32::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
            shift += 7;
        }
    })
}

impl Prose {
    pub fn new(text: &str) -> Prose {
        thread_local! {
            static NUMBERS: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        NUMBERS.with(|numbers| {
            let mut numbers = numbers.borrow_mut();
            numbers.clear();
            KNOWN.with(|known| {
                let mut known = known.borrow_mut();
                for p in pieces(text) {
                    write_number(known.number_of(p), &mut numbers);
                }
            });
            // Made to measure, from the buffer: a piece takes one to three bytes.
            Prose(numbers.as_slice().into())
        })
    }

    /// The text.
    pub fn read(&self) -> String {
        let mut text = String::new();
        self.read_into(&mut text);
        text
    }

    /// Calls `f` with the text, read into a buffer this thread keeps: what reads every text
    /// of a large file (checking it) does not allocate a string for each.
    pub fn with<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        thread_local! {
            static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
        }
        BUFFER.with(|buffer| match buffer.try_borrow_mut() {
            Ok(mut text) => {
                text.clear();
                self.read_into(&mut text);
                f(&text)
            }
            // Called again from inside `f`: the buffer is in use.
            Err(_) => f(&self.read()),
        })
    }

    /// Appends the text to `out`.
    pub fn read_into(&self, out: &mut String) {
        self.each_piece(|piece| out.push_str(piece));
    }

    /// Calls `f` with each piece of the text, in order.
    fn each_piece(&self, mut f: impl FnMut(&'static str)) {
        KNOWN.with(|known| {
            let mut known = known.borrow_mut();
            for n in read_numbers(&self.0) {
                // A number made on another thread since this one last looked.
                if n as usize >= known.by_number.len() {
                    known.catch_up();
                }
                f(known.by_number[n as usize]);
            }
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bytes the text takes here (its numbers), for measuring.
    pub fn held_bytes(&self) -> usize {
        self.0.len()
    }
}

impl Pieces {
    /// The number of `piece`: from this thread's copy, or else [`Pieces::learn`]ed.
    fn number_of(&mut self, piece: &str) -> u32 {
        match self.numbers.get(piece) {
            Some(&n) => n,
            None => self.learn(piece),
        }
    }

    /// The number of `piece`, which this thread's copy does not hold: from the shared table,
    /// which numbers it if no thread has. The copy keeps it for the next time.
    fn learn(&mut self, piece: &str) -> u32 {
        let known = {
            let table = PIECES.read().unwrap_or_else(PoisonError::into_inner);
            (table.numbers.get_key_value(piece)).map(|(&piece, &n)| (piece, n))
        };
        let (piece, n) = known.unwrap_or_else(|| {
            let mut table = PIECES.write().unwrap_or_else(PoisonError::into_inner);
            if let Some((&piece, &n)) = table.numbers.get_key_value(piece) {
                return (piece, n);
            }
            let n = u32::try_from(table.by_number.len()).expect("under 4 billion pieces");
            let piece: &'static str = Box::leak(piece.into());
            table.by_number.push(piece);
            table.numbers.insert(piece, n);
            (piece, n)
        });
        self.numbers.insert(piece, n);
        n
    }

    /// Takes the pieces the shared table has gained since this copy last looked: their
    /// texts by number (what reading needs), not their numbers by text, which a thread
    /// learns piece by piece as it writes (a new thread would otherwise hash the whole
    /// table again).
    fn catch_up(&mut self) {
        let table = PIECES.read().unwrap_or_else(PoisonError::into_inner);
        let have = self.by_number.len();
        self.by_number.extend_from_slice(&table.by_number[have..]);
    }
}

/// Any text (`&str`, `String`, `Box<str>`): made into prose.
impl<T: AsRef<str>> From<T> for Prose {
    fn from(text: T) -> Prose {
        Prose::new(text.as_ref())
    }
}

impl PartialEq<str> for Prose {
    fn eq(&self, other: &str) -> bool {
        self.read() == other
    }
}

impl PartialEq<&str> for Prose {
    fn eq(&self, other: &&str) -> bool {
        self.read() == *other
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut written = Ok(());
        self.each_piece(|piece| written = written.and_then(|()| f.write_str(piece)));
        written
    }
}

impl fmt::Debug for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.read(), f)
    }
}

/// How a snapshot (the cache's copy of a loaded file) numbers the pieces its texts use: the
/// snapshot holds those pieces once and each text as its numbers, so that reading it back
/// maps numbers instead of cutting and looking up every piece of every text again (which
/// took re-opening 100,000 events from 0.24 to 0.39 s).
enum Numbering {
    /// Writing: the snapshot's number of each piece, by the process's number.
    Writing(Vec<u32>),
    /// Reading: the process's number of each piece, by the snapshot's number.
    Reading(Vec<u32>),
}

thread_local! {
    /// Set while this thread writes or reads a snapshot's texts.
    static NUMBERING: RefCell<Option<Numbering>> = const { RefCell::new(None) };
}

/// Marks a number not used by a snapshot being written.
const UNUSED: u32 = u32::MAX;

/// The pieces `texts` use, in the order of the process's numbers, and each piece's place
/// among them by its number in the process (`UNUSED` for the rest): what a snapshot holds,
/// and how [`write_numbered`] numbers its texts.
pub fn pieces_used<'a>(texts: impl Iterator<Item = &'a Prose>) -> (Vec<Box<str>>, Vec<u32>) {
    let mut places: Vec<u32> = Vec::new();
    for n in texts.flat_map(|t| read_numbers(&t.0)) {
        let n = n as usize;
        if places.len() <= n {
            places.resize(n + 1, UNUSED);
        }
        places[n] = 0;
    }
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        if known.by_number.len() < places.len() {
            known.catch_up();
        }
        let mut pieces = Vec::new();
        for (n, place) in places.iter_mut().enumerate() {
            if *place != UNUSED {
                *place = pieces.len() as u32;
                pieces.push(known.by_number[n].into());
            }
        }
        (pieces, places)
    })
}

/// Runs `f`, which writes a snapshot, with the texts it writes numbered by their place
/// among the pieces [`pieces_used`] gave, `places` being the places it gave.
pub fn write_numbered<R>(places: &[u32], f: impl FnOnce() -> R) -> R {
    with_numbering(Numbering::Writing(places.to_vec()), f)
}

/// This process's numbers of a snapshot's `pieces`, by their place there: what
/// [`read_numbered`] maps its texts by.
pub fn numbers_of(pieces: &[Box<str>]) -> Vec<u32> {
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        pieces.iter().map(|piece| known.number_of(piece)).collect()
    })
}

/// Runs `f`, which reads a snapshot, with its texts' numbers mapped by `numbers` (as
/// [`numbers_of`] gave them for its pieces) to this process's.
pub fn read_numbered<R>(numbers: &[u32], f: impl FnOnce() -> R) -> R {
    with_numbering(Numbering::Reading(numbers.to_vec()), f)
}

fn with_numbering<R>(numbering: Numbering, f: impl FnOnce() -> R) -> R {
    let before = NUMBERING.with(|n| n.borrow_mut().replace(numbering));
    let out = f();
    NUMBERING.with(|n| *n.borrow_mut() = before);
    out
}

/// `bytes`, numbers written by [`write_number`], with each number `n` as `map[n]`; none if
/// the bytes end inside a number or name one the map does not hold.
fn renumber(bytes: &[u8], map: &[u32]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut n = 0u32;
    let mut shift = 0;
    for &b in bytes {
        n |= u32::from(b & 0x7F).checked_shl(shift)?;
        if b & 0x80 == 0 {
            let to = *map.get(n as usize)?;
            if to == UNUSED {
                return None;
            }
            write_number(to, &mut out);
            (n, shift) = (0, 0);
        } else {
            shift += 7;
        }
    }
    (shift == 0).then_some(out)
}

impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        NUMBERING.with(|numbering| match &*numbering.borrow() {
            Some(Numbering::Writing(map)) => match renumber(&self.0, map) {
                Some(bytes) => s.serialize_bytes(&bytes),
                None => Err(serde::ser::Error::custom(
                    "a piece the snapshot does not hold",
                )),
            },
            _ => s.serialize_str(&self.read()),
        })
    }
}

impl<'de> Deserialize<'de> for Prose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Prose, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Prose;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Prose, E> {
                Ok(Prose::new(v))
            }
        }
        struct Numbers;
        impl serde::de::Visitor<'_> for Numbers {
            type Value = Prose;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a snapshot's numbers of pieces")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Prose, E> {
                NUMBERING.with(|numbering| match &*numbering.borrow() {
                    Some(Numbering::Reading(map)) => renumber(v, map)
                        .map(|bytes| Prose(bytes.into_boxed_slice()))
                        .ok_or_else(|| E::custom("a piece the snapshot does not hold")),
                    _ => Err(E::custom("numbers outside a snapshot")),
                })
            }
        }
        let reading = NUMBERING.with(|n| matches!(&*n.borrow(), Some(Numbering::Reading(_))));
        if reading {
            d.deserialize_bytes(Numbers)
        } else {
            d.deserialize_str(Text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text reads back byte for byte: spaces leading, trailing and doubled, no space
    /// at all, other whitespace, non-Latin letters, the empty text.
    #[test]
    fn every_text_reads_back_as_written() {
        let texts = [
            "Shelling near Vesk.",
            "  two leading spaces and two  inside, one trailing ",
            "one",
            "",
            " ",
            "line\nbreak\tand tab",
            "Կրակոցներ Ջերմուկի մոտ — «цитата» 炮击",
            "Shelling near Vesk.",
        ];
        for text in texts {
            let prose = Prose::new(text);
            assert_eq!(prose.read(), text);
            assert_eq!(prose.with(|t| Prose::new(t).with(str::to_owned)), text);
            assert_eq!(prose, Prose::new(text), "the same text, the same numbers");
        }
        assert_ne!(Prose::new("near Vesk"), Prose::new("near Vesk "));
    }

    /// Numbers past one byte's seven bits take two and three bytes and read back.
    #[test]
    fn numbers_of_any_size_read_back() {
        let mut out = Vec::new();
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 2_000_000, u32::MAX];
        for n in numbers {
            write_number(n, &mut out);
        }
        assert_eq!(read_numbers(&out).collect::<Vec<_>>(), numbers);
        let mut one = Vec::new();
        write_number(127, &mut one);
        write_number(128, &mut one);
        assert_eq!(one.len(), 3, "127 in one byte, 128 in two");
    }

    /// A text of known words takes a byte or two a word, not its letters.
    #[test]
    fn a_text_of_known_words_takes_a_few_bytes() {
        let text = "Officials said forces fired artillery at positions near the ridge overnight.";
        let first = Prose::new(text);
        let again = Prose::new(text);
        assert_eq!(first, again);
        assert!(again.held_bytes() <= 2 * 11, "{} bytes", again.held_bytes());
        assert!(again.held_bytes() < text.len() / 3);
    }

    /// A snapshot's texts, written numbered by the pieces they use and read back in a
    /// process that numbers its pieces otherwise, are the same texts; numbers a snapshot
    /// does not hold are refused.
    #[test]
    fn a_snapshot_numbers_its_own_pieces_and_reads_back() {
        let texts: Vec<Prose> = ["snapshot alpha beta", "beta gamma snapshot", "  "]
            .iter()
            .map(|t| Prose::new(t))
            .collect();
        let (pieces, places) = pieces_used(texts.iter());
        assert_eq!(pieces.len(), 7, "{pieces:?}");
        let bytes = write_numbered(&places, || postcard::to_stdvec(&texts).unwrap());
        // Another process: the same pieces in another order, behind others.
        let mut elsewhere: Vec<Box<str>> = pieces.iter().rev().cloned().collect();
        elsewhere.insert(0, "unrelated ".into());
        let back: Vec<Prose> = read_numbered(&numbers_of(&pieces), || {
            postcard::from_bytes(&bytes).unwrap()
        });
        assert_eq!(back, texts);
        let shuffled: Result<Vec<Prose>, _> =
            read_numbered(&numbers_of(&elsewhere), || postcard::from_bytes(&bytes));
        assert_ne!(
            shuffled.ok(),
            Some(texts.clone()),
            "numbers are the snapshot's own"
        );
        let too_few: Result<Vec<Prose>, _> =
            read_numbered(&numbers_of(&pieces[..2]), || postcard::from_bytes(&bytes));
        assert!(too_few.is_err());
        assert_eq!(renumber(&[0x80], &[0, 1]), None, "a number cut short");
    }

    /// Made on several threads at once, texts read back whole.
    #[test]
    fn texts_made_on_threads_at_once_read_back() {
        let made: Vec<Vec<(String, Prose)>> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..4)
                .map(|t| {
                    s.spawn(move || {
                        (0..500)
                            .map(|i| {
                                let text = format!("thread{t} word{} common {i} end", i % 37);
                                let prose = Prose::new(&text);
                                (text, prose)
                            })
                            .collect()
                    })
                })
                .collect();
            runs.into_iter().map(|r| r.join().unwrap()).collect()
        });
        for (text, prose) in made.iter().flatten() {
            assert_eq!(&prose.read(), text);
        }
    }
}
