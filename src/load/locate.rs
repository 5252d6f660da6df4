//! Finds where a value sits in a RON text. ron reports positions only for syntax and type errors,
//! so for validation errors ("unknown actor") we walk the text once more, after it has parsed,
//! and record the line and column at which each value starts, keyed by its path
//! (`events[3].claims[1].actor`). This runs only when there is something to report.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// One step from a value to a value inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Seg {
    #[default]
    Root,
    Field(&'static str),
    Index(usize),
}

/// The deepest path the format has (`events[i].claims[j].sources[k].source` is seven).
const PATH_DEPTH: usize = 8;

/// Where a value is inside a file's top-level value, e.g. `events[3].claims[1].actor`.
/// A fixed array, not a vector: validation makes one for every field of every event and claim,
/// and copying one costs far less than allocating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segs: [Seg; PATH_DEPTH],
    len: u8,
}

impl Path {
    pub fn root() -> Path {
        Path::default()
    }

    fn push(&self, seg: Seg) -> Path {
        let mut p = *self;
        // Deeper paths than the format has are never made; if one were, it would stop at
        // its enclosing value, which is still a useful position.
        if (p.len as usize) < PATH_DEPTH {
            p.segs[p.len as usize] = seg;
            p.len += 1;
        }
        p
    }

    pub fn field(&self, name: &'static str) -> Path {
        self.push(Seg::Field(name))
    }

    pub fn index(&self, i: usize) -> Path {
        self.push(Seg::Index(i))
    }

    pub fn segs(&self) -> &[Seg] {
        &self.segs[..self.len as usize]
    }

    /// The enclosing value's path; `None` at the root.
    pub fn parent(&self) -> Option<Path> {
        (self.len > 0).then(|| {
            let mut p = *self;
            p.len -= 1;
            p.segs[p.len as usize] = Seg::Root;
            p
        })
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.segs().iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Root => {}
            }
        }
        Ok(())
    }
}

/// A 1-based line and column (columns count characters, as ron's do).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
    /// Strings, numbers, chars: anything that is a whole value by itself.
    Scalar,
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    col: usize,
    len: usize,
    /// The byte offset at which the last token returned by `next` starts.
    token_start: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        let mut chars = text.char_indices().peekable();
        // A byte order mark is not text: ron skips it, so it takes no column here either
        // (it is not `char::is_whitespace`, and would otherwise stop the walk at 1:1).
        chars.next_if(|&(_, c)| c == '\u{feff}');
        Lexer {
            chars,
            line: 1,
            col: 1,
            len: text.len(),
            token_start: 0,
        }
    }

    /// The byte offset of the next character.
    fn offset(&mut self) -> usize {
        self.chars.peek().map_or(self.len, |&(i, _)| i)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') => {
                    let mut ahead = self.chars.clone();
                    ahead.next();
                    match ahead.peek().map(|&(_, c)| c) {
                        Some('/') => {
                            while let Some(c) = self.bump() {
                                if c == '\n' {
                                    break;
                                }
                            }
                        }
                        Some('*') => {
                            self.bump();
                            self.bump();
                            let mut depth = 1usize;
                            let mut prev = '\0';
                            while let Some(c) = self.bump() {
                                if prev == '/' && c == '*' {
                                    depth += 1;
                                    prev = '\0';
                                    continue;
                                }
                                if prev == '*' && c == '/' {
                                    depth -= 1;
                                    if depth == 0 {
                                        break;
                                    }
                                    prev = '\0';
                                    continue;
                                }
                                prev = c;
                            }
                        }
                        _ => return,
                    }
                }
                _ => return,
            }
        }
    }

    fn quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == quote {
                return;
            }
        }
    }

    fn raw_string(&mut self) {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump(); // opening quote
        'outer: while let Some(c) = self.bump() {
            if c == '"' {
                for _ in 0..hashes {
                    if self.peek() != Some('#') {
                        continue 'outer;
                    }
                    self.bump();
                }
                return;
            }
        }
    }

    /// The next token and where it starts.
    fn next(&mut self) -> Option<(Tok, LineCol)> {
        self.skip_trivia();
        self.token_start = self.offset();
        let at = LineCol {
            line: self.line,
            col: self.col,
        };
        let c = self.peek()?;
        let tok = match c {
            '"' => {
                self.bump();
                self.quoted('"');
                Tok::Scalar
            }
            '\'' => {
                self.bump();
                self.quoted('\'');
                Tok::Scalar
            }
            c if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => {
                self.bump();
                while let Some(c) = self.peek() {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                        self.bump();
                    } else if c == '-' || c == '+' {
                        // exponent sign
                        self.bump();
                    } else {
                        break;
                    }
                }
                Tok::Scalar
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut ident = String::new();
                while let Some(c) = self.peek() {
                    if c.is_alphanumeric() || c == '_' {
                        ident.push(c);
                        self.bump();
                    } else {
                        break;
                    }
                }
                match (ident.as_str(), self.peek()) {
                    ("r" | "br", Some('"' | '#')) => {
                        self.raw_string();
                        Tok::Scalar
                    }
                    ("b", Some('"')) => {
                        self.bump();
                        self.quoted('"');
                        Tok::Scalar
                    }
                    ("b", Some('\'')) => {
                        self.bump();
                        self.quoted('\'');
                        Tok::Scalar
                    }
                    _ => Tok::Ident(ident),
                }
            }
            other => {
                self.bump();
                Tok::Punct(other)
            }
        };
        Some((tok, at))
    }
}

/// One item of a top-level list: its bytes in the text and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub bytes: Range<usize>,
    pub at: LineCol,
}

/// A field of the outermost `( ... )` whose value is a list: `events: [ ... ]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopList {
    pub field: String,
    /// The bytes between the brackets.
    pub inside: Range<usize>,
    pub items: Vec<Item>,
}

/// The extensions a text enables (`#![enable(implicit_some)]`) and its top-level lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopLevel {
    pub extensions: Vec<String>,
    pub lists: Vec<TopList>,
}

/// Finds the top-level lists of a text that is well-formed RON, so that their items can be
/// parsed one by one. On a text that is not, it returns what it found before losing its way.
pub fn top_level(text: &str) -> TopLevel {
    let mut top = TopLevel::default();
    let mut lx = Lexer::new(text);
    let mut tok = lx.next();
    // `#![enable(a, b)]`: the names inside the parentheses.
    while matches!(tok, Some((Tok::Punct('#'), _))) {
        let mut depth = 0usize;
        loop {
            match lx.next() {
                None => return top,
                Some((Tok::Punct('(' | '['), _)) => depth += 1,
                Some((Tok::Punct(')' | ']'), _)) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                Some((Tok::Ident(name), _)) if depth == 2 => top.extensions.push(name),
                Some(_) => {}
            }
        }
        tok = lx.next();
    }
    // An optional struct name, then the fields.
    if matches!(tok, Some((Tok::Ident(_), _))) {
        tok = lx.next();
    }
    if !matches!(tok, Some((Tok::Punct('('), _))) {
        return top;
    }
    loop {
        let Some((Tok::Ident(field), _)) = lx.next() else {
            return top;
        };
        if !matches!(lx.next(), Some((Tok::Punct(':'), _))) {
            return top;
        }
        let Some((first, _)) = lx.next() else {
            return top;
        };
        let end = if first == Tok::Punct('[') {
            let start = lx.offset();
            let mut list = TopList {
                field,
                inside: start..start,
                items: Vec::new(),
            };
            let end = loop {
                let Some((tok, at)) = lx.next() else {
                    return top;
                };
                if tok == Tok::Punct(']') {
                    break Some(tok);
                }
                let start = lx.token_start;
                let (end, last) = lx.value_end(&tok);
                list.items.push(Item {
                    bytes: start..last,
                    at,
                });
                if end != Some(Tok::Punct(',')) {
                    break end;
                }
            };
            list.inside.end = lx.token_start;
            top.lists.push(list);
            if end != Some(Tok::Punct(']')) {
                return top;
            }
            lx.next().map(|t| t.0)
        } else {
            lx.value_end(&first).0
        };
        if end != Some(Tok::Punct(',')) {
            return top;
        }
    }
}

impl Lexer<'_> {
    /// Reads the rest of a value whose first token was `first`, through the `,` or closing
    /// bracket that follows it. Returns that token and the byte offset where the value ends.
    fn value_end(&mut self, first: &Tok) -> (Option<Tok>, usize) {
        let mut depth = usize::from(matches!(first, Tok::Punct('(' | '[' | '{')));
        let mut end = self.offset();
        loop {
            let Some((tok, _)) = self.next() else {
                return (None, end);
            };
            match tok {
                Tok::Punct(',' | ')' | ']' | '}') if depth == 0 => return (Some(tok), end),
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                _ => {}
            }
            end = self.offset();
        }
    }
}

/// A one-token-lookahead walker over the lexer that records value positions by path.
struct Walker<'a> {
    lexer: Lexer<'a>,
    ahead: Vec<(Tok, LineCol)>,
    found: HashMap<String, LineCol>,
}

/// Deeper than this, positions are not recorded (ron refuses such files anyway).
const MAX_DEPTH: usize = 256;

impl Walker<'_> {
    fn peek_n(&mut self, n: usize) -> Option<&(Tok, LineCol)> {
        while self.ahead.len() <= n {
            let t = self.lexer.next()?;
            self.ahead.push(t);
        }
        self.ahead.get(n)
    }

    fn next(&mut self) -> Option<(Tok, LineCol)> {
        if self.ahead.is_empty() {
            self.lexer.next()
        } else {
            Some(self.ahead.remove(0))
        }
    }

    fn is_punct(&mut self, n: usize, c: char) -> bool {
        matches!(self.peek_n(n), Some((Tok::Punct(p), _)) if *p == c)
    }

    fn skip_attributes(&mut self) {
        // #![enable(...)]
        while self.is_punct(0, '#') {
            self.next();
            if self.is_punct(0, '!') {
                self.next();
            }
            if self.is_punct(0, '[') {
                self.skip_group();
            }
        }
    }

    /// Skips a bracketed group whose opening bracket is the next token.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        while let Some((tok, _)) = self.next() {
            match tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn value(&mut self, name: &mut String, depth: usize) {
        let Some((_, at)) = self.peek_n(0).cloned() else {
            return;
        };
        self.found.entry(name.clone()).or_insert(at);
        if depth > MAX_DEPTH {
            self.skip_value();
            return;
        }
        match self.peek_n(0).map(|t| t.0.clone()) {
            Some(Tok::Punct('(')) => self.parens(name, depth),
            Some(Tok::Punct('[')) => self.list(name, depth),
            Some(Tok::Punct('{')) => self.skip_group(),
            Some(Tok::Ident(_)) => {
                self.next();
                if self.is_punct(0, '(') {
                    self.parens(name, depth);
                }
            }
            Some(_) => {
                self.next();
            }
            None => {}
        }
    }

    fn skip_value(&mut self) {
        match self.peek_n(0).map(|t| t.0.clone()) {
            Some(Tok::Punct('(' | '[' | '{')) => self.skip_group(),
            Some(Tok::Ident(_)) => {
                self.next();
                if self.is_punct(0, '(') {
                    self.skip_group();
                }
            }
            _ => {
                self.next();
            }
        }
    }

    fn with_seg(
        &mut self,
        name: &mut String,
        seg: SegName,
        f: impl FnOnce(&mut Self, &mut String),
    ) {
        let len = name.len();
        match &seg {
            SegName::Field(n) if name.is_empty() => name.push_str(n),
            SegName::Field(n) => {
                name.push('.');
                name.push_str(n);
            }
            SegName::Index(i) => {
                name.push('[');
                name.push_str(&i.to_string());
                name.push(']');
            }
        }
        f(self, name);
        name.truncate(len);
    }

    /// `( ... )`: named fields, or unnamed elements (a newtype keeps its parent's path).
    fn parens(&mut self, name: &mut String, depth: usize) {
        self.next(); // (
        let named = matches!(self.peek_n(0), Some((Tok::Ident(_), _))) && self.is_punct(1, ':');
        let mut index = 0;
        loop {
            if self.is_punct(0, ')') {
                self.next();
                return;
            }
            if self.peek_n(0).is_none() {
                return;
            }
            if named {
                let Some((Tok::Ident(field), _)) = self.next() else {
                    return;
                };
                if !self.is_punct(0, ':') {
                    return;
                }
                self.next();
                self.with_seg(name, SegName::Field(field), |w, n| w.value(n, depth + 1));
            } else if index == 0 && self.single_element() {
                self.value(name, depth + 1);
            } else {
                self.with_seg(name, SegName::Index(index), |w, n| w.value(n, depth + 1));
            }
            index += 1;
            if self.is_punct(0, ',') {
                self.next();
            }
        }
    }

    /// Whether the tuple being read has exactly one element (`Some(x)`, `PartOfDay(Morning)`).
    fn single_element(&mut self) -> bool {
        // Look ahead without consuming: count top-level commas before the closing paren.
        let mut depth = 0usize;
        let mut i = 0;
        loop {
            match self.peek_n(i).map(|t| t.0.clone()) {
                None => return true,
                Some(Tok::Punct('(' | '[' | '{')) => depth += 1,
                Some(Tok::Punct(')' | ']' | '}')) if depth == 0 => return true,
                Some(Tok::Punct(')' | ']' | '}')) => depth -= 1,
                Some(Tok::Punct(',')) if depth == 0 => {
                    return self.is_punct(i + 1, ')');
                }
                _ => {}
            }
            i += 1;
            if i > 64 {
                return false;
            }
        }
    }

    fn list(&mut self, name: &mut String, depth: usize) {
        self.next(); // [
        let mut index = 0;
        loop {
            if self.is_punct(0, ']') {
                self.next();
                return;
            }
            if self.peek_n(0).is_none() {
                return;
            }
            self.with_seg(name, SegName::Index(index), |w, n| w.value(n, depth + 1));
            index += 1;
            if self.is_punct(0, ',') {
                self.next();
            }
        }
    }
}

enum SegName {
    Field(String),
    Index(usize),
}

/// Line and column of every value in `text`, keyed by its path as [`Path`] displays it.
pub fn value_positions(text: &str) -> HashMap<String, LineCol> {
    let mut w = Walker {
        lexer: Lexer::new(text),
        ahead: Vec::new(),
        found: HashMap::new(),
    };
    w.skip_attributes();
    let mut name = String::new();
    w.value(&mut name, 0);
    w.found
}

/// The line and column of byte offset `offset` in `text`.
pub fn line_col_of_byte(text: &[u8], offset: usize) -> LineCol {
    let before = &text[..offset.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // A byte order mark at the start of the file takes no column, as in the lexer.
    let line_text = &before[line_start..];
    let line_text = line_text
        .strip_prefix("\u{feff}".as_bytes())
        .filter(|_| line_start == 0)
        .unwrap_or(line_text);
    let col = 1 + String::from_utf8_lossy(line_text).chars().count();
    LineCol { line, col }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_list_items_and_nested_values() {
        let text = "#![enable(implicit_some)]\n(\n  format: 1,\n  events: [\n    (id: \"a\", claims: [(actor: \"x\")]),\n    ( // comment (with parens\n      id: \"b\",\n      when: (at: \"2022\", precision: PartOfDay(Morning)),\n    ),\n  ],\n)\n";
        let pos = value_positions(text);
        assert_eq!(pos["format"], LineCol { line: 3, col: 11 });
        assert_eq!(pos["events[0].id"], LineCol { line: 5, col: 10 });
        assert_eq!(
            pos["events[0].claims[0].actor"],
            LineCol { line: 5, col: 32 }
        );
        assert_eq!(pos["events[1]"], LineCol { line: 6, col: 5 });
        assert_eq!(pos["events[1].id"], LineCol { line: 7, col: 11 });
        assert_eq!(
            pos["events[1].when.precision"],
            LineCol { line: 8, col: 37 }
        );
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        let text = "(a: \"(\\\"[\", b: r#\"x\"y)\"#, c: /* /* nested */ ) */ 'c', d: [1, 2e-3])";
        let pos = value_positions(text);
        assert_eq!(pos["b"].col, 16);
        assert_eq!(pos["c"].col, 51);
        assert_eq!(pos["d[1]"].col, 63);
    }

    #[test]
    fn top_level_lists_and_their_items() {
        let text = "#![enable(implicit_some, unwrap_newtypes)]\n(\n  format: 1,\n  head: (a: [1]),\n  events: [\n    (id: \"a\", t: [\"]\"]), // ],\n    Event(id: \"b\"),\n  ],\n  none: [],\n)";
        let top = top_level(text);
        assert_eq!(top.extensions, ["implicit_some", "unwrap_newtypes"]);
        let names: Vec<&str> = top.lists.iter().map(|l| l.field.as_str()).collect();
        assert_eq!(names, ["events", "none"]);
        let items: Vec<(&str, LineCol)> = top.lists[0]
            .items
            .iter()
            .map(|i| (&text[i.bytes.clone()], i.at))
            .collect();
        assert_eq!(
            items,
            [
                ("(id: \"a\", t: [\"]\"])", LineCol { line: 6, col: 5 }),
                ("Event(id: \"b\")", LineCol { line: 7, col: 5 }),
            ]
        );
        assert!(top.lists[1].items.is_empty() && top.lists[1].inside.is_empty());
        // Not RON: whatever it finds, and no panic.
        for broken in [
            "(events: [(a: 1",
            "#![",
            "(a: ]",
            "(a: [,,]",
            "([",
            "(a: [)",
        ] {
            top_level(broken);
        }
    }

    #[test]
    fn path_display() {
        let p = Path::root()
            .field("events")
            .index(3)
            .field("claims")
            .index(1)
            .field("actor");
        assert_eq!(p.to_string(), "events[3].claims[1].actor");
    }

    #[test]
    fn byte_offsets_to_line_and_column() {
        let text = "ab\ncdé\nf".as_bytes();
        assert_eq!(line_col_of_byte(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(line_col_of_byte(text, 3), LineCol { line: 2, col: 1 });
        assert_eq!(line_col_of_byte(text, 8), LineCol { line: 3, col: 1 });
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        // Editors on Windows may start a file with U+FEFF; ron skips it, and so must positions.
        let pos = value_positions("\u{feff}(a: 1,\n b: 2)");
        assert_eq!(pos["a"], LineCol { line: 1, col: 5 });
        assert_eq!(pos["b"], LineCol { line: 2, col: 5 });
        let bytes = "\u{feff}(a: \u{ff}".as_bytes();
        assert_eq!(line_col_of_byte(bytes, 7), LineCol { line: 1, col: 5 });
    }
}
