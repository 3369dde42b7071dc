//! A fast reader for the YAML that plaint itself writes.
//!
//! Listing 100k cases is bound by YAML parsing, and a general YAML parser is
//! ten times slower than the files need: plaint writes block mappings and
//! sequences, plain, quoted and literal-block scalars, and nothing else.
//! This module turns exactly that subset into JSON text in one pass over the
//! lines, for `serde_json` to deserialize. On anything outside the subset
//! (anchors, tags, flow collections, folded scalars, comments after values,
//! a structure it does not expect) it returns `None`, and the caller parses
//! the file with `serde_yaml` as before — which also produces the error
//! messages. A property test checks that whenever this path answers, it
//! answers what `serde_yaml` answers.

use std::fmt::Write as _;

/// The deepest nesting the fast path follows; deeper files take the slow path.
const MAX_DEPTH: usize = 16;

/// Transcodes a YAML document of the canonical subset to JSON text.
pub fn to_json(text: &str) -> Option<String> {
    // YAML 1.1 parsers treat these as line breaks; leave them to serde_yaml.
    if has_odd_breaks(text) {
        return None;
    }
    // A final newline ends the last line; it does not start another.
    let lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect();
    let mut reader = Reader {
        lines,
        out: String::with_capacity(text.len() + text.len() / 4),
    };
    let first = reader.next_content(0)?;
    if reader.indent_of(first)? != 0 || reader.lines[first].starts_with("- ") {
        return None;
    }
    let end = reader.mapping(first, 0, 0, None)?;
    // Nothing but blank lines and comments may follow.
    match reader.next_content(end) {
        None => Some(reader.out),
        Some(_) => None,
    }
}

struct Reader<'a> {
    lines: Vec<&'a str>,
    out: String,
}

impl<'a> Reader<'a> {
    /// The index of the next line at or after `i` that is neither blank nor
    /// a whole-line comment.
    fn next_content(&self, mut i: usize) -> Option<usize> {
        while i < self.lines.len() {
            let trimmed = self.lines[i].trim_start_matches(' ');
            if !(trimmed.is_empty() || trimmed.starts_with('#')) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// Leading spaces of line `i`; `None` if it is indented with a tab.
    fn indent_of(&self, i: usize) -> Option<usize> {
        let line = self.lines[i];
        let indent = line.len() - line.trim_start_matches(' ').len();
        (!line[indent..].starts_with('\t')).then_some(indent)
    }

    /// A block mapping whose keys stand at `indent`, starting at line `i`.
    /// In a sequence item (`- key: value`) the first line's text after the
    /// dash is `opening`. Returns the index of the first line after it.
    fn mapping(
        &mut self,
        mut i: usize,
        indent: usize,
        depth: usize,
        opening: Option<&'a str>,
    ) -> Option<usize> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.out.push('{');
        let mut first = true;
        loop {
            let line = match (first, opening) {
                (true, Some(text)) => text,
                _ => {
                    let whole: &'a str = self.lines[i];
                    &whole[indent..]
                }
            };
            let (key, rest) = split_key(line)?;
            if !first {
                self.out.push(',');
            }
            first = false;
            push_string(&mut self.out, key);
            self.out.push(':');
            i = self.value(rest, i, indent, depth)?;
            match self.next_content(i) {
                Some(next)
                    if self.indent_of(next)? == indent && !is_item(&self.lines[next][indent..]) =>
                {
                    i = next;
                }
                Some(next) if self.indent_of(next)? > indent => return None,
                _ => break,
            }
        }
        self.out.push('}');
        Some(i)
    }

    /// The value after `key:` on line `i` (whose key stands at `indent`):
    /// inline, or a block on the following lines.
    fn value(&mut self, rest: &str, i: usize, indent: usize, depth: usize) -> Option<usize> {
        if !rest.is_empty() {
            return self.scalar(rest, i, indent);
        }
        let Some(next) = self.next_content(i + 1) else {
            self.out.push_str("null");
            return Some(i + 1);
        };
        let next_indent = self.indent_of(next)?;
        let body = &self.lines[next][next_indent..];
        if is_item(body) && next_indent >= indent {
            self.sequence(next, next_indent, depth + 1)
        } else if next_indent > indent {
            self.mapping(next, next_indent, depth + 1, None)
        } else {
            self.out.push_str("null");
            Some(i + 1)
        }
    }

    /// A block sequence whose `- ` markers stand at `indent`.
    fn sequence(&mut self, mut i: usize, indent: usize, depth: usize) -> Option<usize> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.out.push('[');
        let mut first = true;
        loop {
            let line: &'a str = self.lines[i];
            let item = line[indent..].strip_prefix("- ")?;
            if !first {
                self.out.push(',');
            }
            first = false;
            let item_indent = indent + 2;
            let leading = item.len() - item.trim_start_matches(' ').len();
            if leading > 0 {
                return None;
            }
            if split_key(item).is_some() {
                // A mapping whose first key shares the line with the dash.
                i = self.mapping(i, item_indent, depth + 1, Some(item))?;
            } else {
                i = self.scalar(item, i, indent)?;
            }
            match self.next_content(i) {
                Some(next)
                    if self.indent_of(next)? == indent && is_item(&self.lines[next][indent..]) =>
                {
                    i = next;
                }
                Some(next) if self.indent_of(next)? > indent => return None,
                _ => break,
            }
        }
        self.out.push(']');
        Some(i)
    }

    /// An inline scalar on line `i`, or a literal block scalar starting there.
    /// An empty item (`- ` alone) takes the slow path.
    fn scalar(&mut self, text: &str, i: usize, indent: usize) -> Option<usize> {
        match *text.as_bytes().first()? {
            b'\'' => push_string(&mut self.out, &single_quoted(text)?),
            b'"' => push_string(&mut self.out, &double_quoted(text)?),
            b'|' => return self.literal(text, i, indent),
            b'{' if text == "{}" => self.out.push_str("{}"),
            b'[' if text == "[]" => self.out.push_str("[]"),
            _ => self.plain(text)?,
        }
        Some(i + 1)
    }

    fn plain(&mut self, text: &str) -> Option<()> {
        let first = *text.as_bytes().first()?;
        if b"&*!>%@`{}[],#?".contains(&first)
            || (first == b'-' && (text == "-" || text.starts_with("- ") || text.starts_with("---")))
            || text.contains(": ")
            || text.contains(" #")
            || text.ends_with(':')
            || text.contains('\t')
        {
            return None;
        }
        let text = text.trim_end_matches(' ');
        match text {
            "~" | "null" | "Null" | "NULL" => self.out.push_str("null"),
            "true" | "True" | "TRUE" => self.out.push_str("true"),
            "false" | "False" | "FALSE" => self.out.push_str("false"),
            _ if is_decimal_int(text) => {
                text.parse::<i64>().ok()?;
                self.out.push_str(text.trim_start_matches('+'));
            }
            _ if looks_numeric(text) => return None,
            _ => push_string(&mut self.out, text),
        }
        Some(())
    }

    /// `|`, `|-` or `|+` followed by lines indented deeper than `indent`.
    fn literal(&mut self, header: &str, i: usize, indent: usize) -> Option<usize> {
        let chomp = match header {
            "|" => Chomp::Clip,
            "|-" => Chomp::Strip,
            "|+" => Chomp::Keep,
            _ => return None, // indentation indicators, comments: slow path
        };
        let mut j = i + 1;
        let mut body = String::new();
        let mut content_indent = None;
        while j < self.lines.len() {
            let line = self.lines[j];
            let spaces = line.len() - line.trim_start_matches(' ').len();
            let blank = spaces == line.len();
            match content_indent {
                None if blank => return None, // leading blank lines: slow path
                None if spaces > indent => {
                    if line[spaces..].starts_with('\t') {
                        return None;
                    }
                    content_indent = Some(spaces);
                }
                None => break,
                Some(_) if blank => {}
                Some(ci) if spaces >= ci => {}
                Some(_) => break,
            }
            let ci = content_indent.expect("set above");
            if blank {
                if spaces > ci {
                    body.push_str(&line[ci..]);
                }
            } else {
                body.push_str(&line[ci..]);
            }
            body.push('\n');
            j += 1;
        }
        content_indent?;
        // Trailing blank lines belong to the chomping, not the content.
        let trimmed_len = body.trim_end_matches('\n').len();
        let text = match chomp {
            Chomp::Strip => &body[..trimmed_len],
            Chomp::Clip => &body[..(trimmed_len + 1).min(body.len())],
            Chomp::Keep => &body[..],
        };
        push_string(&mut self.out, text);
        // The blank lines after a block are part of it only for `|+`, and
        // reading resumes at the next content line either way.
        Some(j)
    }
}

enum Chomp {
    Clip,
    Strip,
    Keep,
}

/// Splits `key: rest` or `key:` (a plain lower-case key) off a line.
fn split_key(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let rest = &line[colon + 1..];
    if rest.is_empty() {
        return Some((key, ""));
    }
    let value = rest.strip_prefix(' ')?.trim_start_matches(' ');
    Some((key, value))
}

fn is_item(body: &str) -> bool {
    body.starts_with("- ")
}

fn is_decimal_int(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Plain scalars YAML might read as a float or a non-decimal integer.
fn looks_numeric(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let body = lower.trim_start_matches(['-', '+']);
    body.starts_with('.')
        || body.starts_with("0x")
        || body.starts_with("0o")
        || (body.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && body
                .bytes()
                .all(|b| b.is_ascii_digit() || b"._e+-".contains(&b)))
}

/// The text of a `'...'` scalar that closes on its line.
fn single_quoted(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = text[1..].char_indices().peekable();
    while let Some((pos, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().map(|(_, n)| *n) == Some('\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            return text[1 + pos + 1..]
                .trim_end_matches(' ')
                .is_empty()
                .then_some(out);
        }
        out.push(c);
    }
    None
}

/// The text of a `"..."` scalar that closes on its line.
fn double_quoted(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = text[1..].char_indices();
    while let Some((pos, c)) = chars.next() {
        match c {
            '"' => {
                return text[1 + pos + 1..]
                    .trim_end_matches(' ')
                    .is_empty()
                    .then_some(out);
            }
            '\\' => {
                let (_, e) = chars.next()?;
                let hex = |n: usize, chars: &mut std::str::CharIndices| -> Option<char> {
                    let digits: String = (0..n)
                        .filter_map(|_| chars.next().map(|(_, d)| d))
                        .collect();
                    (digits.len() == n).then_some(())?;
                    char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
                };
                out.push(match e {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    't' | '\t' => '\t',
                    'n' => '\n',
                    'v' => '\u{b}',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    ' ' => ' ',
                    '"' => '"',
                    '/' => '/',
                    '\\' => '\\',
                    'N' => '\u{85}',
                    '_' => '\u{a0}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    'x' => hex(2, &mut chars)?,
                    'u' => hex(4, &mut chars)?,
                    'U' => hex(8, &mut chars)?,
                    _ => return None,
                });
            }
            _ => out.push(c),
        }
    }
    None
}

/// Appends `text` as a JSON string literal, copying runs that need no
/// escaping in one piece.
fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// Whether `text` holds a character YAML 1.1 parsers treat as a line break
/// (CR, NEL, LS, PS) or a byte order mark: one pass over the bytes.
fn has_odd_breaks(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\r' => true,
        0xC2 => bytes.get(i + 1) == Some(&0x85),
        0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)),
        0xEF => bytes.get(i + 1) == Some(&0xBB) && bytes.get(i + 2) == Some(&0xBF),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(&to_json(text).expect("fast path answers")).unwrap()
    }

    #[test]
    fn reads_the_canonical_shapes() {
        let doc = "schema: 1\nid: x\ntitle: 导游 强迫购物\nphone: '007'\nlist:\n- name: a\n  n: 2\n- name: b\nmap:\n  k: v\nempty: {}\ntext: |-\n  one\n\n   two\nkeep: |\n  a\nq: \"tab\\there \\u00e9\"\nlast: ~\n";
        assert_eq!(
            json(doc),
            serde_json::json!({
                "schema": 1, "id": "x", "title": "导游 强迫购物", "phone": "007",
                "list": [{"name": "a", "n": 2}, {"name": "b"}], "map": {"k": "v"}, "empty": {},
                "text": "one\n\n two", "keep": "a\n", "q": "tab\there é", "last": null
            })
        );
    }

    #[test]
    fn leaves_everything_else_to_the_full_parser() {
        for doc in [
            "a: &x 1\nb: *x\n",
            "a: !tag x\n",
            "a: [1, 2]\n",
            "a: >\n  folded\n",
            "a: b # comment\n",
            "a: |2-\n   x\n",
            "a: 0x10\n",
            "a: 1.5\n",
            "- a\n",
            "a: 'open\n  quote'\n",
            "---\na: 1\n",
            "tags:\n- \n",
            "tags:\n-  \n",
        ] {
            assert!(to_json(doc).is_none(), "{doc:?}");
        }
    }
}
