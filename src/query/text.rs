//! Text search over a prebuilt index: every event's words (title, summary, claims, actor and
//! place names with their other names), lowercased once at load into a vocabulary of distinct
//! words, each with the events it occurs in. A search word matches an event when it is part of
//! one of the event's words ("jerm" finds "Jermuk"), so a query scans the vocabulary, which is
//! far smaller than the text, and never the events.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::bits::Bits;

/// The lowercase alphanumeric runs of `text`: what is indexed, and how a query is split.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TextIndex {
    /// Distinct words, in order of first appearance.
    vocab: Box<[Box<str>]>,
    /// For each word, the events it occurs in.
    postings: Box<[Postings]>,
    events: usize,
}

/// The events a word occurs in, in whichever form takes less room: a word in one event of
/// 32 or more (a place named in every report, "said", "near") as a bit an event, which at a
/// million events is 125 KB where its list had been up to 4 MB; a rarer one as a list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
enum Postings {
    /// Ascending, each event once.
    Few(Box<[u32]>),
    Many(Bits),
}

impl Postings {
    /// `events` (ascending, each once) of `of` events, in the smaller form.
    fn of(events: Vec<u32>, of: usize) -> Postings {
        if events.len() * 32 > of {
            Postings::Many(Bits::of(of, events.iter().map(|&e| e as usize)))
        } else {
            Postings::Few(events.into_boxed_slice())
        }
    }

    /// Adds these events to `hits`.
    fn add_to(&self, hits: &mut Bits) {
        match self {
            Postings::Few(events) => events.iter().for_each(|&e| hits.insert(e as usize)),
            Postings::Many(bits) => hits.or_with(bits),
        }
    }
}

/// Where an FNV-1a hash starts, before any byte.
pub(super) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, continuing from `h` ([`FNV_START`] for a fresh hash): stable, fast, and
/// well spread over short words and ids, with no defence against chosen keys (none is needed).
pub(super) fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// [`fnv1a`] as a `Hasher`: the vocabulary is hashed millions of times while indexing.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let start = if self.0 == 0 { FNV_START } else { self.0 };
        self.0 = fnv1a(start, bytes);
    }
}

/// A word's events while an index is built: a list, and once that would take more room than
/// a bit an event (see [`Building::add`]), bits from the builder's first event. Built as lists
/// alone, the words of a million events held 100 MB of lists at the peak of loading, for a
/// word index of 17 MiB.
enum Building {
    /// Ascending, each event once.
    List(Vec<u32>),
    /// Bit `i` for the builder's event `first + i`; `count` of them set.
    Bits { words: Vec<u64>, count: usize },
}

/// A list shorter than this stays a list while building: a word met once or twice in a run
/// would otherwise take a bit for every event of it.
const LIST_AT_LEAST: usize = 64;

impl Building {
    /// Adds `event`, the `at`th of the builder (counted from its first), if it is not the
    /// last one added.
    fn add(&mut self, event: u32, at: usize) {
        match self {
            Building::List(list) => {
                if list.last() != Some(&event) {
                    list.push(event);
                }
            }
            Building::Bits { words, count } => {
                if words.len() <= at / 64 {
                    words.resize(at / 64 + 1, 0);
                }
                let bit = 1u64 << (at % 64);
                if words[at / 64] & bit == 0 {
                    words[at / 64] |= bit;
                    *count += 1;
                }
            }
        }
    }

    /// Becomes bits when its list is long enough and one event in 32 or more of the `span`
    /// events from `first` has it, as [`Postings::of`] decides in the end.
    fn settle(&mut self, first: usize, span: usize) {
        if let Building::List(list) = self
            && list.len() >= LIST_AT_LEAST
            && list.len() * 32 > span
        {
            self.become_bits(first);
        }
    }

    /// Becomes bits whatever its length.
    fn become_bits(&mut self, first: usize) {
        if let Building::List(list) = self {
            let list = std::mem::take(list);
            *self = Building::Bits {
                words: Vec::new(),
                count: 0,
            };
            for e in list {
                self.add(e, e as usize - first);
            }
        }
    }

    /// Adds the events of `later`, a builder's whose first event is `offset` after this
    /// one's first, all after this one's own.
    fn append(&mut self, later: Building, first: usize, offset: usize) {
        match later {
            Building::List(more) => match self {
                Building::List(list) => list.extend(more),
                Building::Bits { .. } => more
                    .into_iter()
                    .for_each(|e| self.add(e, e as usize - first)),
            },
            Building::Bits {
                words: more,
                count: n,
            } => {
                self.become_bits(first);
                let Building::Bits { words, count } = self else {
                    unreachable!("became bits")
                };
                or_shifted(words, &more, offset);
                *count += n;
            }
        }
    }

    /// The word's postings among `events` events, the builder's first at `first`.
    fn finish(self, first: usize, events: usize) -> Postings {
        match self {
            Building::List(list) => Postings::of(list, events),
            Building::Bits { words, count } if count * 32 > events && first == 0 => {
                Postings::Many(Bits::from_words(words, events))
            }
            Building::Bits { words, .. } => {
                let at = Bits::from_words(words, events - first);
                Postings::of(at.iter().map(|i| (first + i) as u32).collect(), events)
            }
        }
    }
}

/// ORs `more` into `words` `offset` bits along.
fn or_shifted(words: &mut Vec<u64>, more: &[u64], offset: usize) {
    let (skip, shift) = (offset / 64, offset % 64);
    let needed = skip + more.len() + usize::from(shift != 0);
    if words.len() < needed {
        words.resize(needed, 0);
    }
    for (k, &w) in more.iter().enumerate() {
        words[skip + k] |= w << shift;
        if shift != 0 {
            words[skip + k + 1] |= w >> (64 - shift);
        }
    }
}

/// Builds a [`TextIndex`] one event at a time, in event order; a run of events may be built
/// apart and appended.
#[derive(Default)]
pub struct TextIndexBuilder {
    /// Distinct words, in order of first appearance.
    vocab: Vec<Box<str>>,
    /// For each word, the events it occurs in.
    postings: Vec<Building>,
    /// The events added so far, counted from the first of all runs.
    events: usize,
    ids: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
    lower: String,
    /// The first event this builder was given.
    first: usize,
}

impl TextIndexBuilder {
    /// A builder for the events from `first` on, to [`append`](Self::append) to the one
    /// built for those before.
    pub fn starting_at(first: usize) -> TextIndexBuilder {
        let mut b = TextIndexBuilder {
            first,
            ..TextIndexBuilder::default()
        };
        b.events = first;
        b
    }

    /// Appends what `later` indexed, built apart for the events that follow this builder's,
    /// as if they had been added here: its words new here come after this one's, in its
    /// order of first appearance, and its events' postings after this one's.
    pub fn append(&mut self, later: TextIndexBuilder) {
        debug_assert_eq!(later.first, self.events, "runs appended in order");
        let (first, offset) = (self.first, later.first - self.first);
        let span = later.events - first;
        let words = later.vocab.into_iter().zip(later.postings);
        for (word, events) in words {
            match self.ids.get(&word) {
                Some(&id) => {
                    let mine = &mut self.postings[id as usize];
                    mine.append(events, first, offset);
                    mine.settle(first, span);
                }
                None => {
                    self.ids.insert(word.clone(), self.vocab.len() as u32);
                    self.vocab.push(word);
                    // Its events stand `offset` along here.
                    let mut mine = Building::List(Vec::new());
                    mine.append(events, first, offset);
                    mine.settle(first, span);
                    self.postings.push(mine);
                }
            }
        }
        self.events = later.events;
    }

    /// Adds the texts of the next event.
    pub fn add_event<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>) {
        let event = self.events as u32;
        self.events += 1;
        for text in texts {
            for w in text.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                // Lowercase into a reused buffer: most words are already known.
                self.lower.clear();
                if w.is_ascii() {
                    self.lower.push_str(w);
                    self.lower.make_ascii_lowercase();
                } else {
                    self.lower.push_str(&w.to_lowercase());
                }
                let id = match self.ids.get(self.lower.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = self.vocab.len() as u32;
                        let word: Box<str> = self.lower.as_str().into();
                        self.vocab.push(word.clone());
                        self.postings.push(Building::List(Vec::new()));
                        self.ids.insert(word, id);
                        id
                    }
                };
                let at = event as usize - self.first;
                let word = &mut self.postings[id as usize];
                word.add(event, at);
                word.settle(self.first, at + 1);
            }
        }
    }

    pub fn finish(self) -> TextIndex {
        let (first, events) = (self.first, self.events);
        TextIndex {
            vocab: self.vocab.into_boxed_slice(),
            postings: self
                .postings
                .into_iter()
                .map(|word| word.finish(first, events))
                .collect(),
            events,
        }
    }
}

impl TextIndex {
    /// Events containing every word of `query` (each as part of some word of the event), or
    /// `None` when the query has no words.
    pub fn search(&self, query: &str) -> Option<Bits> {
        let mut result: Option<Bits> = None;
        for w in words(query) {
            let mut hits = Bits::empty(self.events);
            for (v, word) in self.vocab.iter().enumerate() {
                if word.contains(w.as_str()) {
                    self.postings[v].add_to(&mut hits);
                }
            }
            match &mut result {
                Some(r) => r.and_with(&hits),
                None => result = Some(hits),
            }
        }
        result
    }

    pub fn vocabulary_len(&self) -> usize {
        self.vocab.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(events: &[&str]) -> TextIndex {
        let mut b = TextIndexBuilder::default();
        for e in events {
            b.add_event([*e]);
        }
        b.finish()
    }

    /// The index of `texts` built in runs from each cut to the next, appended in order.
    fn built_in_runs(texts: &[String], cuts: &[usize]) -> TextIndex {
        let mut runs = cuts.windows(2).map(|w| {
            let mut b = TextIndexBuilder::starting_at(w[0]);
            for t in &texts[w[0]..w[1]] {
                b.add_event([t.as_str()]);
            }
            b
        });
        let mut built = runs.next().expect("a first run");
        runs.for_each(|run| built.append(run));
        built.finish()
    }

    #[test]
    fn every_query_word_must_be_part_of_a_word_of_the_event() {
        let ix = index(&[
            "Shelling near Jermuk",
            "Talks in Brussels; JERMUK named",
            "Verin Shorzha",
        ]);
        let hits = |q: &str| ix.search(q).map(|b| b.iter().collect::<Vec<_>>());
        assert_eq!(hits("jerm"), Some(vec![0, 1]));
        assert_eq!(hits("Jermuk shell"), Some(vec![0]));
        assert_eq!(hits("verin-shorzha"), Some(vec![2]));
        assert_eq!(hits("nowhere"), Some(vec![]));
        assert_eq!(hits("  ,; "), None);
        assert_eq!(ix.vocabulary_len(), 9);
    }

    #[test]
    fn runs_built_apart_and_appended_make_the_index_built_in_one() {
        let texts: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "Word{} shared w{} Jermuk{} ÇİLƏK{}",
                    i % 7,
                    i % 3,
                    i % 5,
                    i % 2
                )
            })
            .collect();
        let whole = index(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        for cuts in [
            vec![0, 40],
            vec![0, 1, 40],
            vec![0, 13, 14, 27, 40],
            vec![0, 39, 40],
        ] {
            assert_eq!(built_in_runs(&texts, &cuts), whole, "cut at {cuts:?}");
        }
    }

    /// A word in one event of 32 or more is held as a bit an event, a rarer one as a list,
    /// and both find the same events a list would.
    #[test]
    fn common_words_are_held_as_bits_and_rare_ones_as_lists() {
        let texts: Vec<String> = (0..640)
            .map(|i| match i {
                _ if i % 32 == 0 => format!("near Vesk, every32nd{i}"),
                _ if i % 33 == 0 => format!("near Vesk, every33rd{i}"),
                _ => format!("near Vesk {i}"),
            })
            .collect();
        let ix = index(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let held = |word: &str| {
            let v = ix.vocab.iter().position(|w| &**w == word).unwrap();
            match &ix.postings[v] {
                Postings::Few(list) => format!("list of {}", list.len()),
                Postings::Many(bits) => format!("bits of {}", bits.count()),
            }
        };
        assert_eq!(held("near"), "bits of 640");
        assert_eq!(held("every32nd32"), "list of 1");
        let hits = |q: &str| ix.search(q).unwrap().iter().collect::<Vec<_>>();
        assert_eq!(hits("vesk"), (0..640).collect::<Vec<_>>());
        // 20 events of 640 hold "every32nd": as lists, they are found all the same.
        assert_eq!(hits("every32nd"), (0..640).step_by(32).collect::<Vec<_>>());
        assert_eq!(
            hits("near every33rd"),
            [
                33, 66, 99, 132, 165, 198, 231, 264, 297, 330, 363, 396, 429, 462, 495, 528, 561,
                594, 627
            ]
        );
        // At the bound: a word in exactly one event of 32 stays a list, one more makes bits.
        let bound = |n: usize| {
            let texts: Vec<&str> = (0..64).map(|i| if i < n { "rare" } else { "x" }).collect();
            let ix = index(&texts);
            matches!(ix.postings[0], Postings::Many(_))
        };
        assert!(!bound(2), "2 of 64 as a list");
        assert!(bound(3), "3 of 64 as bits");
    }

    /// Words common enough to be bits while building, in runs cut anywhere (at 64-event
    /// words or not), find the events a plain scan finds, and the index is the one built in
    /// one run.
    #[test]
    fn words_held_as_bits_while_building_find_what_a_scan_finds() {
        let texts: Vec<String> = (0..3000)
            .map(|i| {
                let mut t = format!("every rare{} ", i % 700);
                if i % 2 == 0 {
                    t.push_str("half ");
                }
                if i % 3 == 0 {
                    t.push_str("third ");
                }
                if (1000..1100).contains(&i) {
                    t.push_str("burst ");
                }
                if i >= 2900 {
                    t.push_str("late ");
                }
                t
            })
            .collect();
        let whole = index(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        for word in ["every", "half", "third", "burst", "late", "rare7"] {
            let scan: Vec<usize> = (0..texts.len())
                .filter(|&i| texts[i].split(' ').any(|w| w.contains(word)))
                .collect();
            let found: Vec<usize> = whole.search(word).unwrap().iter().collect();
            assert_eq!(found, scan, "{word}");
        }
        for cuts in [
            vec![0, 3000],
            vec![0, 64, 128, 3000],
            vec![0, 13, 1000, 1001, 1050, 2950, 3000],
            vec![0, 1024, 2048, 3000],
        ] {
            assert_eq!(built_in_runs(&texts, &cuts), whole, "cut at {cuts:?}");
        }
    }

    #[test]
    fn non_ascii_words_are_lowercased_too() {
        let ix = index(&["Kəlbəcər", "ÇİLƏK"]);
        assert_eq!(ix.search("kəlb").unwrap().iter().collect::<Vec<_>>(), [0]);
        assert_eq!(ix.search("ÇİLƏK").unwrap().count(), 1);
        assert_eq!(ix.search("çi").unwrap().count(), 1);
    }
}
