//! Parsing a large file on every core: the top-level `events` list is cut into its items by
//! a byte scan, the items are parsed on several threads, and the rest of the file once.
//!
//! ron parses a file on one thread, and on a 100,000-event file parsing is half of opening
//! it. The scan only needs to know where an item ends: brackets, strings (with escapes, raw
//! strings), characters and comments. Whatever it is unsure of (no `events` list, a bracket
//! it cannot match, an item that does not parse), it gives up and the whole file is parsed
//! as before, which also reports any error at its line and column: so this path never
//! changes what a file means or what its errors say, only how fast a good file opens.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use crate::model::{DatasetFile, Event};

/// Below this size one thread is as fast: the threads and the scan are not worth starting.
pub const PARALLEL_FROM_BYTES: usize = 4 * 1024 * 1024;

/// How often the thread waiting for the parsers says how far they are: a 2,000,000-event
/// file parses for half a minute, and its progress bar should move well within a second.
const REPORT_EVERY: Duration = Duration::from_millis(50);

/// What came of parsing a file's events in parallel.
#[derive(Debug, PartialEq)]
pub enum Split<T = DatasetFile> {
    Parsed(T),
    /// The scan was unsure or something did not parse: parse the whole file instead.
    Unsure,
    /// The observer asked to stop.
    Cancelled,
}

/// `text` (a whole file, without its byte order mark) parsed with its events on `threads`
/// threads; none when the scan is unsure or anything fails to parse.
pub fn parse(text: &str, options: &ron::Options, threads: usize) -> Option<DatasetFile> {
    match parse_observed(text, options, threads, &mut |_| true) {
        Split::Parsed(file) => Some(file),
        Split::Unsure | Split::Cancelled => None,
    }
}

/// [`parse`], telling `observe` how many bytes of the file are parsed: every few thousand
/// items while the list is cut into items, then every [`REPORT_EVERY`] and once at the end.
/// When it returns false the parsers stop and nothing is returned.
pub fn parse_observed(
    text: &str,
    options: &ron::Options,
    threads: usize,
    observe: &mut dyn FnMut(u64) -> bool,
) -> Split {
    // Cutting the list into items (a tenth of the parse's time) counts as a tenth of each
    // byte, parsing the items as the other nine tenths: the bar moves from the start.
    let mut cancelled = false;
    let cut = cut(text, &mut |scanned| {
        cancelled = !observe(scanned as u64 / 10);
        !cancelled
    });
    if cancelled {
        return Split::Cancelled;
    }
    let Some(cut) = cut else {
        return Split::Unsure;
    };
    let options = cut
        .extensions
        .iter()
        .filter_map(|x| ron::extensions::Extensions::from_ident(x))
        .fold(options.clone(), ron::Options::with_default_extension);
    // The file without its events: the header, parties, actors, places, sources, tours.
    let mut rest = String::with_capacity(text.len() - cut.list.len());
    rest.push_str(&text[..cut.list.start]);
    rest.push_str(&text[cut.list.end..]);
    let before = cut.list.start as u64 + cut.list.len() as u64 / 10;
    let events = match parse_items(text, &cut.items, &options, threads, &mut |done| {
        observe(before + done * 9 / 10)
    }) {
        Split::Parsed(events) => events,
        Split::Unsure => return Split::Unsure,
        Split::Cancelled => return Split::Cancelled,
    };
    let Ok(mut file) = options.from_str::<DatasetFile>(&rest) else {
        return Split::Unsure;
    };
    if !file.events.is_empty() {
        return Split::Unsure;
    }
    file.events = events;
    Split::Parsed(file)
}

/// The items parsed in order, each thread taking a run of them, while this thread tells
/// `observe` how many of their bytes are parsed.
fn parse_items(
    text: &str,
    items: &[Range<usize>],
    options: &ron::Options,
    threads: usize,
    observe: &mut dyn FnMut(u64) -> bool,
) -> Split<Vec<Event>> {
    let per_thread = items.len().div_ceil(threads.max(1)).max(1);
    let parsed_bytes = AtomicU64::new(0);
    // Set when the observer cancels or an item fails: the other runs stop at their next item.
    let stop = AtomicBool::new(false);
    let (runs, cancelled) = std::thread::scope(|s| {
        let (parsed_bytes, stop) = (&parsed_bytes, &stop);
        let handles: Vec<_> = items
            .chunks(per_thread)
            .map(|run| {
                s.spawn(move || {
                    let _shared_ids = crate::model::Interning::begin();
                    let mut events = Vec::with_capacity(run.len());
                    for r in run {
                        if stop.load(Ordering::Relaxed) {
                            return None;
                        }
                        let Ok(event) = options.from_str::<Event>(&text[r.clone()]) else {
                            stop.store(true, Ordering::Relaxed);
                            return None;
                        };
                        events.push(event);
                        parsed_bytes.fetch_add(r.len() as u64, Ordering::Relaxed);
                    }
                    Some(events)
                })
            })
            .collect();
        let mut cancelled = false;
        while !cancelled && handles.iter().any(|h| !h.is_finished()) {
            std::thread::sleep(REPORT_EVERY);
            cancelled = !observe(parsed_bytes.load(Ordering::Relaxed));
        }
        if cancelled {
            stop.store(true, Ordering::Relaxed);
        }
        let runs: Vec<Option<Vec<Event>>> = handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect();
        (
            runs,
            cancelled || !observe(parsed_bytes.load(Ordering::Relaxed)),
        )
    });
    if cancelled {
        return Split::Cancelled;
    }
    let mut events = Vec::with_capacity(items.len());
    for run in runs {
        let Some(run) = run else {
            return Split::Unsure;
        };
        events.extend(run);
    }
    Split::Parsed(events)
}

/// Where a file's events are.
#[derive(Debug, PartialEq)]
struct Cut {
    /// `#![enable(...)]` names.
    extensions: Vec<String>,
    /// The bytes between the `events` list's brackets.
    list: Range<usize>,
    /// Each item's bytes, without the commas between them.
    items: Vec<Range<usize>>,
}

/// Scans `text` for the top-level `events: [ ... ]` and its items, telling `scanned` how many
/// bytes it has gone through every few thousand items; none when it is unsure, or when
/// `scanned` returns false.
fn cut(text: &str, scanned: &mut dyn FnMut(usize) -> bool) -> Option<Cut> {
    let b = text.as_bytes();
    let mut s = Scan { b, at: 0 };
    let mut extensions = Vec::new();
    // `#![enable(a, b)]` lines before the value.
    loop {
        s.skip_blank()?;
        if !b[s.at..].starts_with(b"#![enable(") {
            break;
        }
        s.at += "#![enable(".len();
        let end = s.at + b[s.at..].iter().position(|&c| c == b')')?;
        extensions.extend(
            text[s.at..end]
                .split(',')
                .map(|x| x.trim().to_owned())
                .filter(|x| !x.is_empty()),
        );
        s.at = end;
        if !b[s.at..].starts_with(b")]") {
            return None;
        }
        s.at += 2;
    }
    // An optional struct name, then the outermost parenthesis.
    s.ident();
    s.skip_blank()?;
    if b.get(s.at) != Some(&b'(') {
        return None;
    }
    s.at += 1;
    // The fields: `name: value,` until `events`.
    loop {
        s.skip_blank()?;
        let name = s.ident()?;
        s.skip_blank()?;
        if b.get(s.at) != Some(&b':') {
            return None;
        }
        s.at += 1;
        s.skip_blank()?;
        if name == "events" {
            break;
        }
        s.skip_value()?;
        s.skip_blank()?;
        match b.get(s.at) {
            Some(b',') => s.at += 1,
            _ => return None,
        }
    }
    if b.get(s.at) != Some(&b'[') {
        return None;
    }
    s.at += 1;
    let start = s.at;
    let mut items = Vec::new();
    loop {
        s.skip_blank()?;
        if b.get(s.at) == Some(&b']') {
            break;
        }
        let item = s.at;
        s.skip_value()?;
        items.push(item..s.at);
        if items.len().is_multiple_of(4096) && !scanned(s.at) {
            return None;
        }
        s.skip_blank()?;
        match b.get(s.at) {
            Some(b',') => s.at += 1,
            Some(b']') => break,
            _ => return None,
        }
    }
    Some(Cut {
        extensions,
        list: start..s.at,
        items,
    })
}

/// A position in a RON text, moved forward over what the format allows.
struct Scan<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Scan<'a> {
    /// Past white space and comments; none at a comment that does not end.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            match self.b.get(self.at..self.at + 2) {
                Some(b"//") => {
                    self.at += self.b[self.at..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .unwrap_or(self.b.len() - self.at);
                }
                Some(b"/*") => self.skip_block_comment()?,
                _ => match self.b.get(self.at) {
                    Some(c) if c.is_ascii_whitespace() => self.at += 1,
                    _ => return Some(()),
                },
            }
        }
    }

    /// Past a block comment, which may hold others.
    fn skip_block_comment(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.b.get(self.at..self.at + 2)? {
                b"/*" => {
                    depth += 1;
                    self.at += 2;
                }
                b"*/" => {
                    depth -= 1;
                    self.at += 2;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => self.at += 1,
            }
        }
    }

    /// An identifier (a field's or a struct's name), if one starts here.
    fn ident(&mut self) -> Option<&'a str> {
        let start = self.at;
        while self
            .b
            .get(self.at)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.at += 1;
        }
        let b: &'a [u8] = self.b;
        (self.at > start).then(|| std::str::from_utf8(&b[start..self.at]).ok())?
    }

    /// Past one value: up to the `,` or closing bracket that ends it, at this depth.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            let c = *self.b.get(self.at)?;
            match c {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.at += 1;
                }
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    self.at += 1;
                }
                b',' if depth == 0 => return Some(()),
                b'"' | b'\'' => self.skip_quoted(c)?,
                b'/' if matches!(self.b.get(self.at + 1), Some(b'/' | b'*')) => {
                    self.skip_blank()?
                }
                b'r' if self.raw_string_starts() => self.skip_raw_string()?,
                _ => self.at += 1,
            }
        }
    }

    /// Past a string (`"…"`) or a character (`'…'`), whose escapes may hide the quote.
    fn skip_quoted(&mut self, quote: u8) -> Option<()> {
        self.at += 1;
        loop {
            match *self.b.get(self.at)? {
                b'\\' => self.at += 2,
                c if c == quote => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    /// `r"…"` or `r#"…"#` starts here (and not inside an identifier such as `for`).
    fn raw_string_starts(&self) -> bool {
        let before_is_ident = self.at > 0
            && (self.b[self.at - 1].is_ascii_alphanumeric() || self.b[self.at - 1] == b'_');
        let hashes = self.b[self.at + 1..]
            .iter()
            .take_while(|&&c| c == b'#')
            .count();
        !before_is_ident && self.b.get(self.at + 1 + hashes) == Some(&b'"')
    }

    fn skip_raw_string(&mut self) -> Option<()> {
        self.at += 1;
        let hashes = self.b[self.at..].iter().take_while(|&&c| c == b'#').count();
        self.at += hashes + 1;
        loop {
            let close = self.b[self.at..].iter().position(|&c| c == b'"')?;
            self.at += close + 1;
            let tail = self.b.get(self.at..self.at + hashes)?;
            if tail.iter().all(|&c| c == b'#') {
                self.at += hashes;
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r##"// a comment with "quotes" and ( brackets
#![enable(implicit_some)]
(
  format: 2,
  dataset: (title: "T, with ] and ) inside", description: "d", curator: "c", licence: "l"),
  parties: [(id: "p", name: "P")],
  events: [
    (id: "e1", title: "One ( two", when: (at: "2022-01-01", precision: Day), kind: Statement,
     summary: r#"raw "quoted", ]"#, claims: []), /* a block /* nested */ comment ] */
    (id: "e2", title: "Esc \" ] ,", when: (at: "2022-01-02", precision: Day), kind: Statement,
     summary: "s", claims: []),
  ],
  tours: [],
)
"##;

    fn options() -> ron::Options {
        ron::Options::default()
    }

    #[test]
    fn the_events_list_is_cut_into_its_items_past_strings_comments_and_brackets() {
        let cut = cut(FILE, &mut |_| true).expect("cut");
        assert_eq!(cut.extensions, ["implicit_some"]);
        let items: Vec<&str> = cut.items.iter().map(|r| &FILE[r.clone()]).collect();
        assert_eq!(items.len(), 2, "{items:#?}");
        assert!(items[0].starts_with("(id: \"e1\"") && items[0].ends_with("claims: [])"));
        assert!(items[1].starts_with("(id: \"e2\"") && items[1].ends_with("claims: [])"));
    }

    #[test]
    fn on_any_number_of_threads_it_parses_as_the_whole_file_does() {
        let whole: DatasetFile = options()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(FILE)
            .unwrap();
        for threads in [1, 2, 3, 8] {
            assert_eq!(parse(FILE, &options(), threads).as_ref(), Some(&whole));
        }
    }

    #[test]
    fn anything_it_is_unsure_of_is_left_to_the_whole_file_parse() {
        // An item that does not parse, a list that does not close, no events list at all.
        let bad_item = FILE.replace(
            "kind: Statement,\n     summary: \"s\"",
            "kind: Nope, summary: \"s\"",
        );
        assert!(parse(&bad_item, &options(), 2).is_none());
        let open = FILE.replace("  ],\n  tours", "  tours");
        assert!(parse(&open, &options(), 2).is_none());
        let none = "(format: 2, dataset: (title: \"t\", description: \"d\", curator: \"c\", licence: \"l\"))";
        assert!(parse(none, &options(), 2).is_none());
    }
}
