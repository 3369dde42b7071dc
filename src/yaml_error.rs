//! Why a YAML file (a case file, `plaint.yaml`, a calendar file, a column
//! map) cannot be read, told in the workspace language.
//!
//! The parsers word their errors in English. Of a `serde_yaml` error,
//! [`describe_yaml`] takes the place from the error itself: its
//! `location()` gives the line and column of the problem. Everything else
//! `serde_yaml` exposes only as text, so it is read back out of the
//! message: the problem itself, the field path in front of it
//! (`history[0].action: `), libyaml's context and where that context
//! starts (`, while scanning a simple key at line 10 column 1`), and the
//! byte position of a reader error (`at position 39`, which `location()`
//! reports as line 1 column 1). `serde_json` and `chrono` errors, and text
//! whose error is gone, go through [`describe`], which reads the place out
//! of the text too.
//!
//! The shapes read are a syntax error, a missing or unknown field, an
//! unknown value, a value of the wrong type, a date that is cut short; they
//! are said again in Chinese, keeping field names, values and line and
//! column numbers as they were. A shape it does not know keeps its
//! original text inside a Chinese frame. English text is returned
//! unchanged, so English output is exactly the parser's.

use crate::messages::Language;
use crate::msg;

/// The parser's message `original` in `lang`: unchanged in English; in
/// Chinese, the recognised shapes translated and any other text framed as
/// `无法读取：<original>`.
pub fn describe(lang: Language, original: &str) -> String {
    match lang {
        Language::En => original.to_string(),
        // Already told in Chinese (a message of plaint's own, raised inside the parser).
        Language::Zh if original.chars().any(is_cjk) => original.to_string(),
        Language::Zh => describe_zh(original)
            .unwrap_or_else(|| msg!(Language::Zh, "yaml-unreadable", message = original)),
    }
}

/// The parser's message `original` as a placeholder's value: told in
/// the language the sentence around it is rendered in.
pub fn parser_arg(original: &str) -> crate::messages::said::Arg {
    crate::messages::said::Arg::each(
        describe(Language::En, original),
        describe(Language::Zh, original),
    )
}

/// The `serde_yaml` error `error` as a placeholder's value, as
/// [`parser_arg`] tells a parser's message.
pub fn yaml_arg(error: &serde_yaml::Error) -> crate::messages::said::Arg {
    crate::messages::said::Arg::each(
        describe_yaml(Language::En, error),
        describe_yaml(Language::Zh, error),
    )
}

/// The `serde_yaml` error `error` in `lang`, as [`describe`] tells a
/// message, but with the place of the problem taken from the error's
/// `location()` rather than read out of its text.
pub fn describe_yaml(lang: Language, error: &serde_yaml::Error) -> String {
    let original = error.to_string();
    if lang == Language::Zh && original.chars().any(is_cjk) {
        // A message of plaint's own, raised inside the parser: only the
        // parser's place is said again.
        return error
            .location()
            .and_then(|at| at_location(&original, at.line(), at.column()))
            .filter(|(_, _, context)| context.is_none())
            .map_or(original.clone(), |(text, mark, _)| {
                let (path, text) = split_path(text);
                let path = path.map(|p| format!("{p}：")).unwrap_or_default();
                format!("{path}{text}（{}）", place(mark))
            });
    }
    if lang == Language::En {
        return describe(lang, &original);
    }
    let located = error
        .location()
        .and_then(|at| at_location(&original, at.line(), at.column()));
    let said = match located {
        Some((text, mark, context)) => told(text, Some(mark), context),
        // No location, or one the text does not show (a reader error at
        // a byte position): the text is all there is.
        None => describe_zh(&original),
    };
    said.unwrap_or_else(|| msg!(Language::Zh, "yaml-unreadable", message = original))
}

/// Cuts `text`, a `serde_yaml` message whose problem is at `line` and
/// `column`, around the place the library wrote there: the problem
/// before it, and libyaml's context after it. `None` when the text does
/// not show that place.
fn at_location(text: &str, line: usize, column: usize) -> Option<(&str, Mark, Context<'_>)> {
    let mark = Mark::LineColumn(line as u64, column as u64);
    let at = format!(" at line {line} column {column}");
    if let Some(problem) = text.strip_suffix(&at) {
        return Some((problem, mark, None));
    }
    let (problem, context) = text.split_once(&format!("{at}, "))?;
    let context = match find_mark(context) {
        Some((what, start, "")) => (what, Some(start)),
        Some(_) => return None,
        None => (context, None),
    };
    Some((problem, mark, Some(context)))
}

/// Whether `text`, a parser's message as [`describe`] gives it in either
/// language, says that a date or time is no date or time.
pub fn is_date_problem(text: &str) -> bool {
    PLAIN_MESSAGES[..DATE_MESSAGES]
        .iter()
        .chain(&EXPECTED[EXPECTED.len() - DATE_EXPECTATIONS..])
        .any(|(en, zh)| text.contains(en) || text.contains(zh))
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}

fn describe_zh(original: &str) -> Option<String> {
    let (text, mark, context) = split_marks(original);
    told(text, mark, context)
}

/// The Chinese of a problem `text` (with its field path, if any) found at
/// `mark`, while libyaml was reading `context`.
fn told(text: &str, mark: Option<Mark>, context: Context<'_>) -> Option<String> {
    let (path, text) = split_path(text);
    if let Some(problem) = phrase(SYNTAX_PROBLEMS, text) {
        let context = match context {
            Some((what, at)) => syntax_context(what, at)?,
            None => String::new(),
        };
        let place = mark.map(|m| place(m) + "：").unwrap_or_default();
        return Some(msg!(
            Language::Zh,
            "yaml-syntax",
            place = place,
            problem = format!("{problem}{context}")
        ));
    }
    if context.is_some() {
        return None;
    }
    let said = shape(text)?;
    let path = path.map(|p| format!("{p}：")).unwrap_or_default();
    let mark = mark
        .map(|m| format!("（{}）", place(m)))
        .unwrap_or_default();
    Some(format!("{path}{said}{mark}"))
}

/// Where in the text: a line and column, or a byte position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    LineColumn(u64, u64),
    Position(u64),
}

fn place(mark: Mark) -> String {
    match mark {
        Mark::LineColumn(line, column) => msg!(
            Language::Zh,
            "yaml-line-column",
            line = line,
            column = column
        ),
        Mark::Position(n) => msg!(Language::Zh, "yaml-position", n = n),
    }
}

/// Splits a field path such as `history[0].action: ` off the front.
fn split_path(text: &str) -> (Option<&str>, &str) {
    let Some((head, rest)) = text.split_once(": ") else {
        return (None, text);
    };
    let is_path = !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']' | '.' | '-'));
    if is_path {
        (Some(head), rest)
    } else {
        (None, text)
    }
}

/// What `libyaml` was reading when it failed, and where that began.
type Context<'a> = Option<(&'a str, Option<Mark>)>;

/// Splits `problem at line L column C, context at line A column B` into
/// its parts; every part but the problem is optional.
fn split_marks(text: &str) -> (&str, Option<Mark>, Context<'_>) {
    let Some((problem, mark, rest)) = find_mark(text) else {
        return (text, None, None);
    };
    if rest.is_empty() {
        return (problem, Some(mark), None);
    }
    let Some(context) = rest.strip_prefix(", ") else {
        return (text, None, None);
    };
    match find_mark(context) {
        Some((what, at, "")) => (problem, Some(mark), Some((what, Some(at)))),
        Some(_) => (text, None, None),
        None => (problem, Some(mark), Some((context, None))),
    }
}

/// The first ` at line L column C` or ` at position N` in `text`: what
/// comes before, the mark, and what comes after.
fn find_mark(text: &str) -> Option<(&str, Mark, &str)> {
    for (i, _) in text.match_indices(" at ") {
        let after = &text[i + 4..];
        if let Some(rest) = after.strip_prefix("line ") {
            let (line, rest) = number(rest)?;
            let Some(rest) = rest.strip_prefix(" column ") else {
                continue;
            };
            let (column, rest) = number(rest)?;
            return Some((&text[..i], Mark::LineColumn(line, column), rest));
        }
        if let Some(rest) = after.strip_prefix("position ")
            && let Some((n, rest)) = number(rest)
        {
            return Some((&text[..i], Mark::Position(n), rest));
        }
    }
    None
}

fn number(text: &str) -> Option<(u64, &str)> {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    Some((text[..end].parse().ok()?, &text[end..]))
}

/// `while scanning a simple key` (at a mark) in Chinese.
fn syntax_context(what: &str, at: Option<Mark>) -> Option<String> {
    let rest = what
        .strip_prefix("while scanning ")
        .or_else(|| what.strip_prefix("while parsing "))?;
    let rest = rest
        .strip_prefix("a ")
        .or_else(|| rest.strip_prefix("an "))
        .unwrap_or(rest);
    let part = phrase(SYNTAX_PARTS, rest)?;
    Some(match at {
        Some(mark) => msg!(
            Language::Zh,
            "yaml-context-at",
            part = part,
            place = place(mark)
        ),
        None => msg!(Language::Zh, "yaml-context", part = part),
    })
}

/// A shape of `serde`, `serde_yaml` or `chrono` message, in Chinese.
fn shape(text: &str) -> Option<String> {
    let zh = Language::Zh;
    if let Some(said) = phrase(PLAIN_MESSAGES, text) {
        return Some(said.to_string());
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        return Some(msg!(zh, "yaml-missing-field", field = ticked(rest)?));
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        return Some(msg!(zh, "yaml-duplicate-field", field = ticked(rest)?));
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let (field, known) = unknown(rest)?;
        return Some(msg!(zh, "yaml-unknown-field", field = field, known = known));
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (value, known) = unknown(rest)?;
        return Some(msg!(
            zh,
            "yaml-unknown-variant",
            value = value,
            known = known
        ));
    }
    for (prefix, id) in [
        ("invalid type: ", "yaml-invalid-type"),
        ("invalid value: ", "yaml-invalid-value"),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            let (found, expected) = rest.rsplit_once(", expected ")?;
            let (found, expected) = (unexpected(found), expectation(expected));
            return Some(crate::messages::fill(
                zh,
                id,
                &[("found", &found), ("expected", &expected)],
            ));
        }
    }
    if let Some(rest) = text.strip_prefix("invalid date '") {
        let (date, why) = rest.split_once("': ")?;
        let why = match why.strip_prefix("year must be ") {
            Some(year) => msg!(
                zh,
                "calendar-date-year",
                year = year.strip_suffix(" or later")?
            ),
            None => phrase(DATE_PROBLEMS, why)?.to_string(),
        };
        return Some(msg!(zh, "calendar-bad-date", date = date, why = why));
    }
    if let Some(rest) = text.strip_prefix("unknown weekday '") {
        let (day, _) = rest.split_once("': ")?;
        return Some(msg!(zh, "calendar-bad-weekday", day = day));
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(msg!(
            zh,
            "yaml-invalid-length",
            found = found,
            expected = expectation(expected)
        ));
    }
    None
}

/// The name inside backticks: `` `action` `` → `action`.
fn ticked(text: &str) -> Option<&str> {
    text.strip_prefix('`')?.strip_suffix('`')
}

/// `` `a`, expected one of `b`, `c` `` → (`a`, what is allowed).
fn unknown(text: &str) -> Option<(&str, String)> {
    let (name, allowed) = match text.split_once(", ") {
        Some((name, allowed)) => (ticked(name)?, allowed),
        None => (ticked(text)?, ""),
    };
    let list = allowed
        .strip_prefix("expected one of ")
        .or_else(|| allowed.strip_prefix("expected "));
    let known = match list {
        Some(list) => {
            // Two names read `a` or `b`; more, `a`, `b`, `c`.
            let names: Option<Vec<&str>> = list
                .split(", ")
                .flat_map(|part| part.split(" or "))
                .map(ticked)
                .collect();
            msg!(Language::Zh, "yaml-allowed", list = names?.join("、"))
        }
        None if allowed.starts_with("there are no ") || allowed.is_empty() => String::new(),
        None => return None,
    };
    Some((name, known))
}

/// What `serde` found, such as `` integer `-1` `` or `sequence`, in Chinese.
fn unexpected(text: &str) -> String {
    for (kind, zh) in FOUND_KINDS {
        if let Some(value) = text.strip_prefix(kind) {
            return format!("{zh}{value}");
        }
    }
    format!("「{text}」")
}

/// What `serde` expected, such as `a string` or `usize`, in Chinese.
fn expectation(text: &str) -> String {
    if let Some(zh) = phrase(EXPECTED, text) {
        return zh.to_string();
    }
    if text.starts_with("struct ") || text.starts_with("internally tagged enum ") {
        return "映射".to_string();
    }
    format!("「{text}」")
}

fn phrase<'a>(table: &[(&str, &'a str)], text: &str) -> Option<&'a str> {
    table.iter().find(|(en, _)| *en == text).map(|(_, zh)| *zh)
}

/// The problems `libyaml` reports, in Chinese.
const SYNTAX_PROBLEMS: &[(&str, &str)] = &[
    ("could not find expected ':'", "缺少应有的「:」"),
    ("did not find expected key", "缺少应有的键"),
    ("did not find expected node content", "缺少应有的内容"),
    ("did not find expected '-' indicator", "缺少应有的「-」"),
    ("did not find expected ',' or ']'", "缺少应有的「,」或「]」"),
    ("did not find expected ',' or '}'", "缺少应有的「,」或「}」"),
    (
        "did not find expected <document start>",
        "缺少应有的文档开头",
    ),
    (
        "did not find expected comment or line break",
        "缺少应有的注释或换行",
    ),
    (
        "did not find expected whitespace or line break",
        "缺少应有的空白或换行",
    ),
    ("found unexpected end of stream", "文件意外结束"),
    (
        "found unexpected document indicator",
        "出现了意外的文档分隔符",
    ),
    ("found unexpected ':'", "出现了意外的「:」"),
    (
        "mapping values are not allowed in this context",
        "此处不能有映射值",
    ),
    (
        "block sequence entries are not allowed in this context",
        "此处不能有列表项",
    ),
    (
        "found character that cannot start any token",
        "出现了不能开始任何记号的字符",
    ),
    (
        "found a tab character that violates indentation",
        "缩进中有制表符",
    ),
    (
        "found a tab character where an indentation space is expected",
        "应为空格缩进处有制表符",
    ),
    ("found unknown escape character", "未知的转义字符"),
    ("found undefined tag handle", "未定义的标签前缀"),
    ("found duplicate anchor; first occurrence", "锚点重复"),
    (
        "did not find expected alphabetic or numeric character",
        "缺少应有的字母或数字",
    ),
    (
        "found unexpected non-alphabetical character",
        "出现了意外的非字母字符",
    ),
    ("found extra closing bracket", "多了一个右括号"),
    ("control characters are not allowed", "不能有控制字符"),
    ("invalid leading UTF-8 octet", "无效的 UTF-8 首字节"),
    ("incomplete UTF-8 octet sequence", "UTF-8 序列不完整"),
    ("invalid trailing UTF-8 octet", "无效的 UTF-8 后续字节"),
    ("invalid Unicode character", "无效的 Unicode 字符"),
];

/// Why a calendar file's date is no date, in Chinese.
const DATE_PROBLEMS: &[(&str, &str)] = &[
    ("expected YYYY-MM-DD", "应为 YYYY-MM-DD"),
    ("no such day", "没有这一天"),
];

/// The parts of a document `libyaml` names in its context, in Chinese.
const SYNTAX_PARTS: &[(&str, &str)] = &[
    ("simple key", "简单键"),
    ("quoted scalar", "引号字符串"),
    ("plain scalar", "普通字符串"),
    ("block scalar", "块字符串"),
    ("block mapping", "块映射"),
    ("block collection", "块集合"),
    ("flow sequence", "流式列表"),
    ("flow mapping", "流式映射"),
    ("flow node", "流式节点"),
    ("block node", "块节点"),
    ("node", "节点"),
    ("anchor", "锚点"),
    ("alias", "别名"),
    ("tag", "标签"),
    ("directive", "指令"),
    ("%YAML directive", "%YAML 指令"),
    ("%TAG directive", "%TAG 指令"),
];

/// How many of [`PLAIN_MESSAGES`], at its start, are about a date or time.
const DATE_MESSAGES: usize = 6;

/// How many of [`EXPECTED`], at its end, are a date or time.
const DATE_EXPECTATIONS: usize = 4;

/// Whole messages of `chrono` (first), `serde_json` and `serde_yaml`, in
/// Chinese.
const PLAIN_MESSAGES: &[(&str, &str)] = &[
    ("premature end of input", "日期时间不完整"),
    ("input contains invalid characters", "日期时间含有无效字符"),
    ("input is out of range", "日期时间超出范围"),
    ("trailing input", "日期时间末尾有多余内容"),
    (
        "no possible date and time matching input",
        "不存在这样的日期时间",
    ),
    (
        "input is not enough for unique date and time",
        "日期时间信息不足",
    ),
    ("expected value", "缺少值"),
    ("expected `,` or `]`", "缺少「,」或「]」"),
    ("expected `,` or `}`", "缺少「,」或「}」"),
    ("expected `:`", "缺少「:」"),
    ("expected ident", "无法识别的词"),
    ("trailing characters", "末尾有多余的字符"),
    ("trailing comma", "多余的逗号"),
    ("key must be a string", "键必须是字符串"),
    ("invalid number", "无效的数字"),
    ("number out of range", "数字超出范围"),
    ("invalid escape", "无效的转义"),
    ("invalid unicode code point", "无效的 Unicode 码位"),
    (
        "lone leading surrogate in hex escape",
        "十六进制转义中有孤立的代理项",
    ),
    ("unexpected end of hex escape", "十六进制转义不完整"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "字符串中有控制字符",
    ),
    ("EOF while parsing a list", "列表未结束，文件就结束了"),
    ("EOF while parsing an object", "对象未结束，文件就结束了"),
    ("EOF while parsing a string", "字符串未结束，文件就结束了"),
    ("EOF while parsing a value", "文件意外结束"),
    ("recursion limit exceeded", "嵌套过深"),
    ("repetition limit exceeded", "别名展开次数过多"),
    ("unknown anchor", "未知的锚点"),
    ("failed to parse YAML number", "无法解析数字"),
    ("empty YAML tag is not allowed", "不能有空的 YAML 标签"),
    (
        "deserializing from YAML containing more than one document is not supported",
        "含有多个 YAML 文档",
    ),
];

/// What `serde` says it found, by kind (the value that follows is kept).
const FOUND_KINDS: &[(&str, &str)] = &[
    ("integer ", "整数 "),
    ("floating point ", "小数 "),
    ("boolean ", "布尔值 "),
    ("string ", "字符串 "),
    ("character ", "字符 "),
    ("unit value", "空值"),
    ("sequence", "列表"),
    ("map", "映射"),
    ("Option value", "可选值"),
    ("enum", "枚举"),
    ("byte array", "字节串"),
    ("unit variant", "枚举值"),
    ("newtype variant", "枚举值"),
    ("tuple variant", "枚举值"),
    ("struct variant", "枚举值"),
    ("newtype struct", "结构"),
    ("unit struct", "结构"),
];

/// What `serde` says it expected, in Chinese.
const EXPECTED: &[(&str, &str)] = &[
    ("a string", "字符串"),
    ("a borrowed string", "字符串"),
    ("a character", "单个字符"),
    ("a sequence", "列表"),
    ("a map", "映射"),
    ("a boolean", "布尔值（true 或 false）"),
    ("unit", "空值"),
    ("option", "可选值"),
    ("u8", "非负整数"),
    ("u16", "非负整数"),
    ("u32", "非负整数"),
    ("u64", "非负整数"),
    ("usize", "非负整数"),
    ("i8", "整数"),
    ("i16", "整数"),
    ("i32", "整数"),
    ("i64", "整数"),
    ("isize", "整数"),
    ("f32", "数字"),
    ("f64", "数字"),
    (
        "a date YYYY-MM-DD or {date: YYYY-MM-DD, name: ...}",
        "日期 YYYY-MM-DD 或 {date: YYYY-MM-DD, name: ...}",
    ),
    ("a JSON array of case objects", "由案件对象组成的 JSON 数组"),
    (
        "a formatted date and time string or a unix timestamp",
        "日期时间",
    ),
    ("a formatted date and time string", "日期时间"),
    ("a formatted date string", "日期"),
    ("a formatted time string", "时间"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_parser_text_unchanged() {
        let text = "history[0]: missing field `action` at line 11 column 3";
        assert_eq!(describe(Language::En, text), text);
    }

    #[test]
    fn the_common_shapes_are_told_in_chinese_with_names_values_and_places_kept() {
        let table = [
            (
                "could not find expected ':' at line 11 column 1, while scanning a simple key at line 10 column 1",
                "第 11 行第 1 列：YAML 语法错误（缺少应有的「:」；该简单键始于第 10 行第 1 列）",
            ),
            (
                "found unexpected end of stream at line 4 column 1, while scanning a quoted scalar at line 2 column 5",
                "第 4 行第 1 列：YAML 语法错误（文件意外结束；该引号字符串始于第 2 行第 5 列）",
            ),
            (
                "mapping values are not allowed in this context at line 3 column 9",
                "第 3 行第 9 列：YAML 语法错误（此处不能有映射值）",
            ),
            (
                "history[0]: missing field `action` at line 11 column 3",
                "history[0]：缺少字段 action（第 11 行第 3 列）",
            ),
            (
                "unknown field `a`, expected one of `schema`, `id` at line 14 column 1",
                "未知的字段 a（可用的有：schema、id）（第 14 行第 1 列）",
            ),
            (
                "history[0].action: unknown variant `reg`, expected one of `registered`, `note` at line 13 column 11",
                "history[0].action：未知的取值 reg（可用的有：registered、note）（第 13 行第 11 列）",
            ),
            (
                "unknown variant `x`, expected `a`",
                "未知的取值 x（可用的有：a）",
            ),
            (
                "history[2].chosen: unknown variant `stat`, expected `agreed` or `statutory`",
                "history[2].chosen：未知的取值 stat（可用的有：agreed、statutory）",
            ),
            ("unknown field `x`, there are no fields", "未知的字段 x"),
            (
                "id: invalid type: sequence, expected a string at line 2 column 5",
                "id：类型不对：应为字符串，实为列表（第 2 行第 5 列）",
            ),
            (
                "policy.joint_threshold: invalid type: integer `-1`, expected usize",
                "policy.joint_threshold：类型不对：应为非负整数，实为整数 `-1`",
            ),
            (
                "received: premature end of input at line 4 column 11",
                "received：日期时间不完整（第 4 行第 11 列）",
            ),
            (
                "priority: invalid value: string \"x\", expected something odd",
                "priority：取值不对：应为「something odd」，实为字符串 \"x\"",
            ),
        ];
        for (english, chinese) in table {
            assert_eq!(describe(Language::Zh, english), chinese, "{english}");
        }
    }

    fn yaml_error(text: &str) -> serde_yaml::Error {
        serde_yaml::from_str::<std::collections::BTreeMap<String, u32>>(text).unwrap_err()
    }

    #[test]
    fn a_yaml_error_is_placed_by_its_location() {
        let e = yaml_error("a: 1\nb: x\n");
        assert_eq!(describe_yaml(Language::En, &e), e.to_string());
        assert_eq!(
            describe_yaml(Language::Zh, &e),
            "b：类型不对：应为非负整数，实为字符串 \"x\"（第 2 行第 4 列）"
        );
        // A value that reads like a place does not move the place.
        let e = yaml_error("a: 1\nb: x at line 9 column 9\n");
        assert_eq!(
            describe_yaml(Language::Zh, &e),
            "b：类型不对：应为非负整数，实为字符串 \"x at line 9 column 9\"（第 2 行第 4 列）"
        );
        // libyaml's context and where it starts are text only.
        let e = yaml_error("a: 1\nb: 'x\n");
        assert_eq!(
            describe_yaml(Language::Zh, &e),
            "第 3 行第 1 列：YAML 语法错误（文件意外结束；该引号字符串始于第 2 行第 4 列）",
            "{e}"
        );
        // A reader error: `location()` says line 1 column 1, and the byte
        // it stopped at is in the text alone.
        let e = yaml_error("a: \u{1}\n");
        assert_eq!(
            describe_yaml(Language::Zh, &e),
            "第 3 字节：YAML 语法错误（不能有控制字符）"
        );
    }

    #[test]
    fn a_date_that_is_no_date_is_recognised_in_both_languages() {
        let english = "received: input contains invalid characters at line 4 column 11";
        assert!(is_date_problem(english));
        assert!(is_date_problem(&describe(Language::Zh, english)));
        assert!(is_date_problem(
            "at: invalid type: integer `5`, expected a formatted date and time string or a unix timestamp"
        ));
        assert!(!is_date_problem("history[0]: missing field `action`"));
    }

    #[test]
    fn an_unknown_shape_keeps_its_text_in_a_chinese_frame() {
        assert_eq!(
            describe(Language::Zh, "something new went wrong"),
            "无法读取：something new went wrong"
        );
        assert_eq!(
            describe(
                Language::Zh,
                "odd at line 2 column 3, while dreaming at line 1 column 1"
            ),
            "无法读取：odd at line 2 column 3, while dreaming at line 1 column 1"
        );
    }
}
