//! A parsed TOML file as the loader reads it: a small tree of spanned values.
//!
//! [`parse`] reads the TOML the registry is written in (comments, `[table]` and
//! `[[array]]` headers, dotted keys, one-line strings, decimal numbers, dates, arrays and
//! one-line inline tables) in one pass straight into this tree. Anything else (multi-line
//! strings, hexadecimal, `inf`, a redefined table, an error of any kind) it hands to the
//! `toml` crate, whose tree [`from_toml`] converts, and whose errors the caller reports.
//! So the tree of a file is the same whichever way it was read — a differential test
//! holds the two readers to that — and every message about broken TOML is toml's own.
//!
//! Why not toml's `DeTable` throughout: it costs about four times the reading below (a
//! B-tree and a copied key for every table), and on a national registry that was half
//! of `check`.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A value and where it stands in the file, in bytes.
#[derive(Debug, Clone)]
pub struct Item<'i> {
    pub span: Range<usize>,
    pub value: Value<'i>,
}

#[derive(Debug, Clone)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    /// The digits as written (for messages) and their value; None beyond 128 bits.
    Integer(Cow<'i, str>, Option<i128>),
    /// None: too large for a double.
    Float(Option<f64>),
    Boolean(bool),
    /// A date-time in the form `toml_datetime` writes it (`2026-03-20`,
    /// `2026-03-20T13:00:00`).
    Datetime(Cow<'i, str>),
    Array(Array<'i>),
    Table(Table<'i>),
}

#[derive(Debug, Clone, Default)]
pub struct Array<'i> {
    pub items: Vec<Item<'i>>,
    /// Built by `[[key]]` headers, which may add to it; an array written as a value may not
    /// be extended.
    of_tables: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Table<'i> {
    pub entries: Vec<Entry<'i>>,
    /// Made by a header's or a dotted key's path, not defined yet: a header may still
    /// define it once.
    implicit: bool,
    /// Made by a dotted key's path: no header may define it.
    dotted: bool,
    /// Written inline: nothing may be added to it.
    inline: bool,
}

#[derive(Debug, Clone)]
pub struct Entry<'i> {
    pub key: Cow<'i, str>,
    pub key_span: Range<usize>,
    pub item: Item<'i>,
}

impl<'i> Table<'i> {
    pub fn get(&self, key: &str) -> Option<&Item<'i>> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.item)
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.key == key)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

impl Value<'_> {
    pub fn as_table(&self) -> Option<&Table<'_>> {
        match self {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// The tree of a TOML file, read by whichever reader can: Err holds toml's errors.
pub fn read(text: &str) -> Result<Item<'_>, Vec<toml::de::Error>> {
    read_at(text, 0)
}

/// [`read`] of `text[range]` within the file's `text`, with spans in the file.
pub fn read_part(text: &str, range: Range<usize>) -> Result<Item<'_>, Vec<toml::de::Error>> {
    read_at(&text[range.clone()], range.start)
}

fn read_at(text: &str, base: usize) -> Result<Item<'_>, Vec<toml::de::Error>> {
    if let Some(tree) = parse(text, base) {
        return Ok(tree);
    }
    let (doc, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        Ok(shift(from_toml(doc), base))
    } else {
        Err(errors)
    }
}

fn shift(mut item: Item<'_>, by: usize) -> Item<'_> {
    fn walk(item: &mut Item<'_>, by: usize) {
        item.span = item.span.start + by..item.span.end + by;
        match &mut item.value {
            Value::Array(a) => a.items.iter_mut().for_each(|i| walk(i, by)),
            Value::Table(t) => t.entries.iter_mut().for_each(|e| {
                e.key_span = e.key_span.start + by..e.key_span.end + by;
                walk(&mut e.item, by);
            }),
            _ => {}
        }
    }
    if by > 0 {
        walk(&mut item, by);
    }
    item
}

/// toml's tree of a file as this module's.
pub fn from_toml(doc: Spanned<DeTable<'_>>) -> Item<'_> {
    let span = doc.span();
    Item {
        span,
        value: Value::Table(table_from_toml(doc.into_inner())),
    }
}

fn table_from_toml(table: DeTable<'_>) -> Table<'_> {
    Table {
        entries: table
            .into_iter()
            .map(|(key, value)| Entry {
                key_span: key.span(),
                key: key.into_inner(),
                item: item_from_toml(value),
            })
            .collect(),
        ..Table::default()
    }
}

fn item_from_toml(value: Spanned<DeValue<'_>>) -> Item<'_> {
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::String(s) => Value::String(s),
        DeValue::Integer(i) => Value::Integer(
            Cow::Owned(i.as_str().to_owned()),
            i128::from_str_radix(i.as_str(), i.radix()).ok(),
        ),
        // As toml reads a float: an infinity only where `inf` is written.
        DeValue::Float(f) => Value::Float(
            f.as_str()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() || f.as_str().contains("inf")),
        ),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(d) => Value::Datetime(Cow::Owned(d.to_string())),
        DeValue::Array(a) => Value::Array(Array {
            items: a.into_iter().map(item_from_toml).collect(),
            of_tables: false,
        }),
        DeValue::Table(t) => Value::Table(table_from_toml(t)),
    };
    Item { span, value }
}

/// Arrays and inline tables nested deeper than this go to toml, which limits them too.
const MAX_DEPTH: usize = 32;

/// One pass over `text` (which starts at byte `base` of its file) into a tree; None for
/// anything outside the subset described at the top, and for anything that is not TOML.
pub fn parse(text: &str, base: usize) -> Option<Item<'_>> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        base,
        path: Vec::new(),
        depth: 0,
    };
    p.document()
}

/// A key's part: its text and span.
type Part<'i> = (Cow<'i, str>, Range<usize>);

struct Parser<'i> {
    text: &'i str,
    bytes: &'i [u8],
    pos: usize,
    base: usize,
    /// The dotted parts of the key being read, all but the last.
    path: Vec<Part<'i>>,
    depth: usize,
}

struct Header<'i> {
    path: Vec<Part<'i>>,
    key: Part<'i>,
    span: Range<usize>,
    is_array: bool,
}

/// The builder's state, after toml's own (`toml::de::parser::document`): key/values go into
/// the current table, which a header's table replaces and which is put in its place in
/// the root when the next header (or the end) comes.
#[derive(Default)]
struct State<'i> {
    root: Table<'i>,
    current: Table<'i>,
    header: Option<Header<'i>>,
}

impl<'i> Parser<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn span(&self, start: usize) -> Range<usize> {
        self.base + start..self.base + self.pos
    }

    fn skip_spaces(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Spaces, newlines and comments, as between an array's values.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'\r') if self.at(1) == Some(b'\n') => self.pos += 2,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// A comment up to its newline, which is left: no control character but tab in it.
    fn comment(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => break,
                b'\r' if self.at(1) == Some(b'\n') => break,
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        Some(())
    }

    /// The rest of a line after a key/value or a header: spaces, a comment, the newline.
    fn line_end(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(b'\r') if self.at(1) == Some(b'\n') => {
                self.pos += 2;
                Some(())
            }
            _ => None,
        }
    }

    fn document(&mut self) -> Option<Item<'i>> {
        if self.text.starts_with('\u{feff}') {
            return None;
        }
        let mut state = State::default();
        loop {
            self.skip_spaces();
            match self.peek() {
                None => break,
                Some(b'\n') => self.pos += 1,
                Some(b'\r') if self.at(1) == Some(b'\n') => self.pos += 2,
                Some(b'#') => {
                    self.comment()?;
                }
                Some(b'[') => {
                    let header = self.header()?;
                    self.line_end()?;
                    state.finish_table()?;
                    state.start_table(header)?;
                }
                Some(_) => {
                    let key = self.key()?;
                    // The key's path is kept apart: an inline table in the value reads keys too.
                    let path = std::mem::take(&mut self.path);
                    self.skip_spaces();
                    if self.peek() != Some(b'=') {
                        return None;
                    }
                    self.pos += 1;
                    self.skip_spaces();
                    let value = self.value()?;
                    self.line_end()?;
                    state.key_value(&path, key, value)?;
                    // Its allocation serves the next key.
                    self.path = path;
                    self.path.clear();
                }
            }
        }
        state.finish_table()?;
        Some(Item {
            span: self.base..self.base,
            value: Value::Table(state.root),
        })
    }

    fn header(&mut self) -> Option<Header<'i>> {
        let start = self.pos;
        let is_array = self.at(1) == Some(b'[');
        self.pos += if is_array { 2 } else { 1 };
        self.skip_spaces();
        let key = self.key()?;
        self.skip_spaces();
        let close: &[u8] = if is_array { b"]]" } else { b"]" };
        if !self.bytes[self.pos..].starts_with(close) {
            return None;
        }
        self.pos += close.len();
        Some(Header {
            path: std::mem::take(&mut self.path),
            key,
            span: self.span(start),
            is_array,
        })
    }

    /// A key of one or more parts: the last is returned, the others are in `self.path`.
    fn key(&mut self) -> Option<Part<'i>> {
        let mut part = self.key_part()?;
        loop {
            let before = self.pos;
            self.skip_spaces();
            if self.peek() != Some(b'.') {
                self.pos = before;
                return Some(part);
            }
            self.pos += 1;
            self.skip_spaces();
            self.path.push(part);
            if self.path.len() > MAX_DEPTH {
                return None;
            }
            part = self.key_part()?;
        }
    }

    fn key_part(&mut self) -> Option<Part<'i>> {
        let start = self.pos;
        match self.peek()? {
            b'"' => {
                let text = self.basic_string()?;
                Some((text, self.span(start)))
            }
            b'\'' => {
                let text = self.literal_string()?;
                Some((Cow::Borrowed(text), self.span(start)))
            }
            _ => {
                while let Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-') = self.peek()
                {
                    self.pos += 1;
                }
                // Nothing bare, or a bare key running into other letters (TOML 1.1 allows
                // some): toml decides.
                if self.pos == start || self.peek().is_some_and(|b| b >= 0x80) {
                    return None;
                }
                Some((Cow::Borrowed(&self.text[start..self.pos]), self.span(start)))
            }
        }
    }

    /// `"…"` on one line; its text with escapes resolved.
    fn basic_string(&mut self) -> Option<Cow<'i, str>> {
        if self.bytes[self.pos..].starts_with(b"\"\"\"") {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    s.push(self.escape()?);
                    run = self.pos;
                    continue;
                }
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        let text = match owned {
            None => Cow::Borrowed(&self.text[start..self.pos]),
            Some(mut s) => {
                s.push_str(&self.text[run..self.pos]);
                Cow::Owned(s)
            }
        };
        self.pos += 1;
        Some(text)
    }

    /// One escape, from its backslash; TOML 1.1's `\e` and `\xHH` go to toml.
    fn escape(&mut self) -> Option<char> {
        let c = match self.at(1)? {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' | b'U' => {
                let len = if self.at(1) == Some(b'u') { 4 } else { 8 };
                let hex = self.text.get(self.pos + 2..self.pos + 2 + len)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                self.pos += 2 + len;
                return Some(c);
            }
            _ => return None,
        };
        self.pos += 2;
        Some(c)
    }

    /// `'…'` on one line.
    fn literal_string(&mut self) -> Option<&'i str> {
        if self.bytes[self.pos..].starts_with(b"'''") {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\'' => break,
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        let text = &self.text[start..self.pos];
        self.pos += 1;
        Some(text)
    }

    fn value(&mut self) -> Option<Item<'i>> {
        let start = self.pos;
        let value = match self.peek()? {
            b'"' => Value::String(self.basic_string()?),
            b'\'' => Value::String(Cow::Borrowed(self.literal_string()?)),
            b't' if self.word("true") => Value::Boolean(true),
            b'f' if self.word("false") => Value::Boolean(false),
            b'[' => Value::Array(self.array()?),
            b'{' => Value::Table(self.inline_table()?),
            b'0'..=b'9' | b'-' => self.number_or_date()?,
            _ => return None,
        };
        Some(Item {
            span: self.span(start),
            value,
        })
    }

    /// `word` here, followed by something that ends a value.
    fn word(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let ends = |b: Option<&u8>| {
            !matches!(
                b,
                Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
            )
        };
        if self.bytes[self.pos..].starts_with(word.as_bytes()) && ends(self.bytes.get(end)) {
            self.pos = end;
            true
        } else {
            false
        }
    }

    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Option<Array<'i>> {
        self.nested(|p| {
            p.pos += 1;
            let mut items = Vec::new();
            loop {
                p.skip_blank()?;
                if p.peek()? == b']' {
                    break;
                }
                items.push(p.value()?);
                p.skip_blank()?;
                match p.peek()? {
                    b',' => p.pos += 1,
                    b']' => break,
                    _ => return None,
                }
            }
            p.pos += 1;
            Some(Array {
                items,
                of_tables: false,
            })
        })
    }

    /// `{ key = value, … }` on one line, without dotted keys or a trailing comma.
    fn inline_table(&mut self) -> Option<Table<'i>> {
        self.nested(|p| {
            p.pos += 1;
            let mut table = Table {
                inline: true,
                ..Table::default()
            };
            p.skip_spaces();
            if p.peek()? == b'}' {
                p.pos += 1;
                return Some(table);
            }
            loop {
                p.skip_spaces();
                let (key, key_span) = p.key()?;
                if !p.path.is_empty() || table.position(&key).is_some() {
                    return None;
                }
                p.skip_spaces();
                if p.peek()? != b'=' {
                    return None;
                }
                p.pos += 1;
                p.skip_spaces();
                let item = p.value()?;
                table.entries.push(Entry {
                    key,
                    key_span,
                    item,
                });
                p.skip_spaces();
                match p.peek()? {
                    b',' => p.pos += 1,
                    b'}' => break,
                    _ => return None,
                }
            }
            p.pos += 1;
            Some(table)
        })
    }

    /// A decimal integer or float without `_` or exponent, or a date-time.
    fn number_or_date(&mut self) -> Option<Value<'i>> {
        let start = self.pos;
        let token_byte =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.' | b':');
        while self.peek().is_some_and(token_byte) {
            self.pos += 1;
        }
        // A date, a space and a time: one value.
        if self.pos - start == 10
            && self.peek() == Some(b' ')
            && self.at(1).is_some_and(|b| b.is_ascii_digit())
        {
            self.pos += 1;
            while self.peek().is_some_and(token_byte) {
                self.pos += 1;
            }
        }
        let token = &self.text[start..self.pos];
        let b = token.as_bytes();
        if b.len() >= 3 && (b.get(4) == Some(&b'-') || b.get(2) == Some(&b':')) {
            return if crate::model::date::is_plain_date(token) {
                Some(Value::Datetime(Cow::Borrowed(token)))
            } else {
                let parsed: toml::value::Datetime = token.parse().ok()?;
                Some(Value::Datetime(Cow::Owned(parsed.to_string())))
            };
        }
        let digits = token.strip_prefix('-').unwrap_or(token);
        let (whole, fraction) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        let decimal = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !decimal(whole) || (whole.len() > 1 && whole.starts_with('0')) {
            return None;
        }
        match fraction {
            None => {
                let value: i64 = token.parse().ok()?;
                Some(Value::Integer(
                    Cow::Borrowed(token),
                    Some(i128::from(value)),
                ))
            }
            Some(f) if decimal(f) => Some(Value::Float(Some(token.parse().ok()?))),
            Some(_) => None,
        }
    }
}

impl<'i> State<'i> {
    fn key_value(&mut self, path: &[Part<'i>], key: Part<'i>, value: Item<'i>) -> Option<()> {
        let dotted = !path.is_empty();
        let parent = descend(&mut self.current, path, dotted)?;
        // A dotted key may not add to a table a header defined.
        if dotted && !parent.implicit {
            return None;
        }
        if parent.position(&key.0).is_some() {
            return None;
        }
        parent.entries.push(Entry {
            key: key.0,
            key_span: key.1,
            item: value,
        });
        Some(())
    }

    fn finish_table(&mut self) -> Option<()> {
        let table = std::mem::take(&mut self.current);
        let Some(header) = self.header.take() else {
            self.root = table;
            return Some(());
        };
        let item = Item {
            span: header.span.clone(),
            value: Value::Table(table),
        };
        let parent = descend(&mut self.root, &header.path, false)?;
        let (key, key_span) = header.key;
        if header.is_array {
            let index = match parent.position(&key) {
                Some(i) => i,
                None => {
                    parent.entries.push(Entry {
                        key,
                        key_span,
                        item: Item {
                            span: header.span,
                            value: Value::Array(Array {
                                items: Vec::new(),
                                of_tables: true,
                            }),
                        },
                    });
                    parent.entries.len() - 1
                }
            };
            match &mut parent.entries[index].item.value {
                Value::Array(array) if array.of_tables => array.items.push(item),
                _ => return None,
            }
        } else {
            parent.entries.push(Entry {
                key,
                key_span,
                item,
            });
        }
        Some(())
    }

    fn start_table(&mut self, header: Header<'i>) -> Option<()> {
        if !header.is_array {
            // A table its subtables' headers made implicitly may be defined once; anything
            // else under the key is defined already.
            let parent = descend(&mut self.root, &header.path, false)?;
            if let Some(index) = parent.position(&header.key.0) {
                match parent.entries.remove(index).item.value {
                    Value::Table(t) if t.implicit && !t.dotted => self.current = t,
                    _ => return None,
                }
            }
        }
        self.current.implicit = false;
        self.current.dotted = false;
        self.header = Some(header);
        Some(())
    }
}

/// The table at `path` under `table`, made (implicit) where missing; None where TOML does
/// not allow the path (through a value, an inline table, or a table defined otherwise).
fn descend<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Part<'i>],
    dotted: bool,
) -> Option<&'t mut Table<'i>> {
    for (key, span) in path {
        let index = match table.position(key) {
            Some(index) => index,
            None => {
                table.entries.push(Entry {
                    key: key.clone(),
                    key_span: span.clone(),
                    item: Item {
                        span: span.clone(),
                        value: Value::Table(Table {
                            implicit: true,
                            dotted,
                            ..Table::default()
                        }),
                    },
                });
                table.entries.len() - 1
            }
        };
        table = match &mut table.entries[index].item.value {
            Value::Array(array) if array.of_tables => match &mut array.items.last_mut()?.value {
                Value::Table(t) => t,
                _ => return None,
            },
            Value::Table(t) => {
                if t.inline {
                    return None;
                }
                if dotted && t.implicit {
                    t.dotted = true;
                }
                if dotted && !t.implicit {
                    return None;
                }
                t
            }
            _ => return None,
        };
    }
    Some(table)
}
