//! CSV columns and case fields: which header names which field, the
//! `--map` file for headers named otherwise (`投诉人: complainant.name`),
//! turning a row into a record, and a case back into a row for export.
//!
//! Columns are the draft's field names; nested fields use a dot:
//! `complainant.name` is the first complainant, `complainant2.name` the
//! second, `agent.contact`, `respondent.name`. Lists (`tags`, `links`,
//! `representatives`) are `;`-separated; `history` is JSON text. An empty
//! cell is an absent field.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::RowError;
use crate::error::{Error, Result};
use crate::messages::said::Text;
use crate::model::Case;
use crate::model::case::CASE_FIELDS;

/// Top-level fields that are not one text cell each: the schema, the
/// lists, the parties and the history.
const NOT_TEXT: &[&str] = &[
    "schema",
    "complainants",
    "representatives",
    "agent",
    "respondent",
    "project",
    "tags",
    "links",
    "history",
];

/// Top-level fields that are one text cell each, in file order.
fn text_fields() -> impl Iterator<Item = &'static str> {
    CASE_FIELDS
        .iter()
        .copied()
        .filter(|f| !NOT_TEXT.contains(f))
}

/// Top-level fields that are `;`-separated lists.
const LIST_FIELDS: &[&str] = &["tags", "links", "representatives"];
/// The fields of a complainant.
const PERSON_FIELDS: &[&str] = &[
    "name",
    "gender",
    "nationality",
    "address",
    "postcode",
    "phone",
    "email",
    "legal_representative",
];
const AGENT_FIELDS: &[&str] = &["name", "contact", "scope"];
/// The fields of a procurement project.
const PROJECT_FIELDS: &[&str] = &["name", "number", "lot"];
const RESPONDENT_FIELDS: &[&str] = &["name", "location", "department", "legal_representative"];
/// Columns every import must have.
pub const REQUIRED_COLUMNS: &[&str] = &["received"];

/// The field a column feeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A top-level text field.
    Text(&'static str),
    /// A top-level `;`-separated list.
    List(&'static str),
    /// `schema` (a number).
    Schema,
    /// `history`, as JSON text.
    History,
    /// A field of the complainant at this index.
    Person(usize, &'static str),
    /// A field of the agent.
    Agent(&'static str),
    /// A field of the procurement project.
    Project(&'static str),
    /// A field of the respondent.
    Respondent(&'static str),
    /// A column the `--map` file says to leave out.
    Ignore,
}

/// The field or column an export adds to name the office it came from
/// (`office.code` of its `plaint.yaml`); import reads past it.
pub const EXPORT_OFFICE: &str = "office";

/// Parses a field name as a column target: `title`, `complainant.phone`,
/// `complainant2.name`, `respondent.name`, ...
pub fn parse_target(name: &str) -> Option<Target> {
    let name = name.trim();
    if let Some(field) = chinese_header(name) {
        return parse_target(&field);
    }
    let find = |set: &[&'static str], key: &str| set.iter().copied().find(|f| *f == key);
    if let Some(f) = text_fields().find(|f| *f == name) {
        return Some(Target::Text(f));
    }
    if let Some(f) = find(LIST_FIELDS, name) {
        return Some(Target::List(f));
    }
    match name {
        "schema" => return Some(Target::Schema),
        "history" => return Some(Target::History),
        // The exporting office (`office.code`): the importing workspace is
        // the office its cases now belong to.
        EXPORT_OFFICE => return Some(Target::Ignore),
        _ => {}
    }
    let (group, key) = name.split_once('.')?;
    match group {
        "agent" => find(AGENT_FIELDS, key).map(Target::Agent),
        "project" => find(PROJECT_FIELDS, key).map(Target::Project),
        "respondent" => find(RESPONDENT_FIELDS, key).map(Target::Respondent),
        _ => {
            let number = group.strip_prefix("complainant")?;
            let index = match number {
                "" => 0,
                n => n.parse::<usize>().ok().filter(|n| *n >= 2)? - 1,
            };
            find(PERSON_FIELDS, key).map(|f| Target::Person(index, f))
        }
    }
}

/// Chinese column headers and the fields they name: the headers
/// `export --format csv` writes in a zh workspace (the first header of a
/// field) and those an import reads without a `--map` (every one), as a
/// zh workspace labels fields (`show`, `list`, the Markdown report) and as
/// office spreadsheets head them. One table, so an export always
/// re-imports.
const ZH_HEADERS: &[(&str, &str)] = &[
    ("id", "编号"),
    ("title", "标题"),
    ("received", "登记时间"),
    ("received", "登记日期"),
    ("received", "受理日期"),
    ("channel", "渠道"),
    ("department", "部门"),
    ("complainant.name", "投诉人"),
    ("complainant.name", "投诉人姓名"),
    ("complainant.phone", "联系电话"),
    ("complainant.email", "电子邮件"),
    ("representatives", "代表人"),
    ("agent.name", "代理人"),
    ("agent.contact", "代理人联系方式"),
    ("agent.scope", "代理权限"),
    ("project.name", "采购项目名称"),
    ("project.number", "采购项目编号"),
    ("project.lot", "包号"),
    ("respondent.name", "被投诉人"),
    ("respondent.name", "被投诉者"),
    ("respondent.name", "被投诉单位"),
    ("respondent.location", "被投诉人所在地"),
    ("respondent.location", "被投诉者所在地"),
    ("respondent.department", "被投诉人部门"),
    ("respondent.department", "被投诉者部门"),
    ("respondent.department", "被投诉科室"),
    ("respondent.legal_representative", "被投诉人法定代表人"),
    ("respondent.legal_representative", "被投诉者法定代表人"),
    ("category", "类别"),
    ("type", "类型"),
    ("cause", "原因"),
    ("priority", "优先级"),
    ("tags", "标签"),
    ("demands", "投诉请求"),
    ("facts", "事实与理由"),
    ("contract_end", "合同结束"),
    ("contract_end", "合同结束日期"),
    ("challenge_due", "质疑答复期限"),
    ("assignee", "承办人"),
    ("status", "状态"),
    ("outcome", "办理结果"),
    ("compensation", "赔偿金额"),
    ("refer_to", "告知机关"),
    ("measures", "整改措施"),
    ("findings", "调查结论"),
    ("agreement", "协议内容"),
    ("satisfaction", "满意度"),
    ("external_ref", "外部编号"),
    ("links", "关联案件"),
    ("history", "处理记录"),
    ("schema", "格式版本"),
    ("office", "单位代码"),
];

/// The fields of a complainant in Chinese: `投诉人性别` is the first
/// complainant's gender, `投诉人2姓名` the second complainant's name.
const ZH_PERSON_FIELDS: &[(&str, &str)] = &[
    ("name", "姓名"),
    ("gender", "性别"),
    ("nationality", "国籍"),
    ("address", "住址"),
    ("postcode", "邮编"),
    ("phone", "联系电话"),
    ("email", "电子邮件"),
    ("legal_representative", "法定代表人"),
];

/// The field a Chinese column header names (see [`ZH_HEADERS`]).
fn chinese_header(name: &str) -> Option<String> {
    if let Some((field, _)) = ZH_HEADERS.iter().find(|(_, h)| *h == name) {
        return Some(field.to_string());
    }
    let rest = name.strip_prefix("投诉人")?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let (number, label) = rest.split_at(digits);
    let (field, _) = ZH_PERSON_FIELDS.iter().find(|(_, l)| *l == label)?;
    let group = match number {
        "" | "1" => "complainant".to_string(),
        n => format!("complainant{n}"),
    };
    Some(format!("{group}.{field}"))
}

/// The Chinese header `export` writes for column `column` (from
/// [`export_header`]); [`chinese_header`] reads it back.
pub fn zh_header(column: &str) -> String {
    if let Some((_, header)) = ZH_HEADERS.iter().find(|(f, _)| *f == column) {
        return header.to_string();
    }
    let Some((group, key)) = column.split_once('.') else {
        return column.to_string();
    };
    let number = group.strip_prefix("complainant").unwrap_or(group);
    match ZH_PERSON_FIELDS.iter().find(|(f, _)| *f == key) {
        Some((_, label)) if group.starts_with("complainant") => format!("投诉人{number}{label}"),
        _ => column.to_string(),
    }
}

/// Every column name an import knows (complainants beyond the first take
/// the same fields as `complainant2.*`, `complainant3.*`, ...).
pub fn known_columns() -> Vec<String> {
    let mut names: Vec<String> = text_fields().map(str::to_string).collect();
    names.extend(LIST_FIELDS.iter().map(std::string::ToString::to_string));
    names.push("history".into());
    names.extend(PERSON_FIELDS.iter().map(|f| format!("complainant.{f}")));
    names.extend(AGENT_FIELDS.iter().map(|f| format!("agent.{f}")));
    names.extend(PROJECT_FIELDS.iter().map(|f| format!("project.{f}")));
    names.extend(RESPONDENT_FIELDS.iter().map(|f| format!("respondent.{f}")));
    names
}

/// The `--map` file: header → field name, or `~` (null) to leave the
/// column out.
#[derive(Clone, Debug, Default)]
pub struct ColumnMap {
    map: BTreeMap<String, Target>,
}

impl ColumnMap {
    /// Parses a map file (YAML or JSON), refusing targets that are not fields.
    pub fn parse(text: &str, label: &str) -> Result<Self> {
        crate::limits::check_nesting(text)
            .map_err(|e| Error::invalid(crate::said!("file-error", file = label, message = e)))?;
        let raw: BTreeMap<String, Option<String>> = serde_yaml::from_str(text).map_err(|e| {
            Error::invalid(crate::said!(
                "map-not-mapping",
                label = label,
                error = crate::yaml_error::yaml_arg(&e)
            ))
        })?;
        let mut map = BTreeMap::new();
        let mut bad = Vec::new();
        for (header, field) in raw {
            let target = match field.as_deref().map(str::trim) {
                None | Some("") => Some(Target::Ignore),
                Some(field) => parse_target(field),
            };
            match target {
                Some(t) => {
                    map.insert(header.trim().to_string(), t);
                }
                None => bad.push(format!("{header}: {}", field.unwrap_or_default())),
            }
        }
        if !bad.is_empty() {
            use crate::messages::said::Arg;
            return Err(Error::invalid(crate::said!(
                "map-unknown-fields",
                label = label,
                bad = Arg::list(&bad),
                fields = Arg::list(&known_columns())
            )));
        }
        Ok(ColumnMap { map })
    }

    fn get(&self, header: &str) -> Option<&Target> {
        self.map.get(header)
    }
}

/// The columns of a CSV file, resolved from its header.
#[derive(Clone, Debug)]
pub struct Columns {
    targets: Vec<(String, Target)>,
}

impl Columns {
    /// Resolves a header row. Every problem is a row-1 error: an unknown
    /// column (unless `ignore_unknown`), two columns for one field, a
    /// missing required column.
    pub fn resolve(
        header: &[&str],
        map: Option<&ColumnMap>,
        ignore_unknown: bool,
    ) -> std::result::Result<Columns, Vec<RowError>> {
        let mut errors = Vec::new();
        let mut targets = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for raw in header {
            let name = raw.trim().trim_start_matches('\u{feff}').to_string();
            let target = map
                .and_then(|m| m.get(&name).cloned())
                .or_else(|| parse_target(&name));
            let target = match target {
                Some(t) => t,
                None if ignore_unknown => Target::Ignore,
                None => {
                    errors.push(RowError::field(1, &name, crate::said!("unknown-column")));
                    Target::Ignore
                }
            };
            if target != Target::Ignore {
                let key = format!("{target:?}");
                if let Some(other) = seen.insert(key, name.clone()) {
                    errors.push(RowError::field(
                        1,
                        &name,
                        crate::said!("same-field-as", other = other),
                    ));
                }
            }
            targets.push((name, target));
        }
        for required in REQUIRED_COLUMNS {
            let want = parse_target(required).expect("required columns are fields");
            if !targets.iter().any(|(_, t)| *t == want) {
                errors.push(RowError::field(
                    1,
                    required,
                    crate::said!("required-column-missing"),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Columns { targets })
        } else {
            Err(errors)
        }
    }

    /// How many columns the header has.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether the header is empty.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Turns the cells of CSV row `row` into a record of draft fields.
    pub fn record(
        &self,
        row: u64,
        cells: &csv::StringRecord,
    ) -> std::result::Result<Map<String, Value>, Vec<RowError>> {
        let mut out = Map::new();
        let mut errors = Vec::new();
        for ((name, target), cell) in self.targets.iter().zip(cells.iter()) {
            if cell.trim().is_empty() {
                continue;
            }
            if let Err(message) = put(&mut out, target, cell) {
                errors.push(RowError::field(row, name, message));
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

/// Puts one cell into the record.
fn put(out: &mut Map<String, Value>, target: &Target, cell: &str) -> std::result::Result<(), Text> {
    let text = || Value::String(cell.to_string());
    match target {
        Target::Ignore => {}
        Target::Text(f) => {
            out.insert(f.to_string(), text());
        }
        Target::List(f) => {
            let items = split_list(cell);
            let values = if *f == "representatives" {
                items
                    .iter()
                    .map(|i| {
                        i.parse::<u64>()
                            .map(Value::from)
                            .map_err(|_| Text::from(crate::said!("import-not-index", text = i)))
                    })
                    .collect::<std::result::Result<Vec<_>, _>>()?
            } else {
                items.into_iter().map(Value::String).collect()
            };
            out.insert(f.to_string(), Value::Array(values));
        }
        Target::Schema => {
            let n: u64 = cell
                .trim()
                .parse()
                .map_err(|_| Text::from(crate::said!("import-schema-not-number", text = cell)))?;
            out.insert("schema".into(), Value::from(n));
        }
        Target::History => {
            let history: Value = serde_json::from_str(cell).map_err(|e| {
                Text::from(crate::said!(
                    "import-history-not-json",
                    error = crate::yaml_error::parser_arg(&e.to_string())
                ))
            })?;
            out.insert("history".into(), history);
        }
        Target::Person(index, f) => {
            let list = out
                .entry("complainants")
                .or_insert_with(|| Value::Array(Vec::new()))
                .as_array_mut()
                .expect("complainants is a list");
            while list.len() <= *index {
                list.push(Value::Object(Map::new()));
            }
            list[*index]
                .as_object_mut()
                .expect("a complainant is an object")
                .insert(f.to_string(), text());
        }
        Target::Agent(f) | Target::Respondent(f) | Target::Project(f) => {
            let group = match target {
                Target::Agent(_) => "agent",
                Target::Project(_) => "project",
                _ => "respondent",
            };
            // Several departments complained about share one cell, as
            // export writes them (`内科;外科`).
            let value = match (group, *f) {
                ("respondent", "department") => match split_list(cell).as_slice() {
                    [one] => Value::String(one.clone()),
                    many => Value::Array(many.iter().cloned().map(Value::String).collect()),
                },
                _ => text(),
            };
            out.entry(group)
                .or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
                .expect("a group is an object")
                .insert(f.to_string(), value);
        }
    }
    Ok(())
}

/// The items of a list cell: `a;b` (`；` too, as typed in Chinese), or
/// the JSON array export writes when a plain list would not read back
/// ([`list_cell`]).
fn split_list(cell: &str) -> Vec<String> {
    if cell.starts_with('[')
        && let Ok(items) = serde_json::from_str::<Vec<String>>(cell)
    {
        return items;
    }
    cell.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A list as one cell: `a;b` where that reads back as the same items,
/// else a JSON array (`["a;b"," c",""]`), so a tag holding a separator,
/// a blank tag or one with outer spaces survives export and import.
fn list_cell(items: &[Value]) -> String {
    let texts: Vec<String> = items.iter().map(scalar_text).collect();
    let plain = texts.join(";");
    if split_list(&plain) == texts && !plain.starts_with('[') {
        return plain;
    }
    serde_json::to_string(&texts).unwrap_or(plain)
}

/// The export header for cases with at most `complainants` complainants.
pub fn export_header(complainants: usize) -> Vec<String> {
    let mut header: Vec<String> = ["id", "title", "received", "channel"]
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    for i in 0..complainants.max(1) {
        let group = match i {
            0 => "complainant".to_string(),
            n => format!("complainant{}", n + 1),
        };
        header.extend(PERSON_FIELDS.iter().map(|f| format!("{group}.{f}")));
    }
    header.push("representatives".into());
    header.extend(AGENT_FIELDS.iter().map(|f| format!("agent.{f}")));
    header.extend(RESPONDENT_FIELDS.iter().map(|f| format!("respondent.{f}")));
    header.extend(PROJECT_FIELDS.iter().map(|f| format!("project.{f}")));
    // The rest of the fields, in file order.
    header.extend(
        CASE_FIELDS
            .iter()
            .skip_while(|f| **f != "category")
            .map(std::string::ToString::to_string),
    );
    header
}

/// The cells of `case` under `header` (from [`export_header`]).
pub fn export_row(case: &Case, header: &[String]) -> Result<Vec<String>> {
    let value = serde_json::to_value(case)
        .map_err(|e| Error::invalid(crate::said!("case-error", id = case.id, error = e)))?;
    header
        .iter()
        .map(|column| export_cell(&value, column))
        .collect()
}

fn export_cell(case: &Value, column: &str) -> Result<String> {
    let found = match parse_target(column) {
        Some(Target::Person(i, f)) => case
            .get("complainants")
            .and_then(|l| l.get(i))
            .and_then(|p| p.get(f)),
        Some(Target::Agent(f)) => case.get("agent").and_then(|a| a.get(f)),
        Some(Target::Project(f)) => case.get("project").and_then(|p| p.get(f)),
        Some(Target::Respondent(f)) => case.get("respondent").and_then(|r| r.get(f)),
        _ => case.get(column),
    };
    Ok(match (column, found) {
        (_, None | Some(Value::Null)) => String::new(),
        ("history", Some(v)) => serde_json::to_string(v).map_err(|e| {
            Error::invalid(crate::said!("labelled", label = "history", message = e))
        })?,
        (_, Some(Value::Array(items))) => list_cell(items),
        (_, Some(v)) => scalar_text(v),
    })
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_cell_reads_back_as_the_same_items() {
        let lists: [&[&str]; 7] = [
            &["a", "b"],
            &["a;b", "c"],
            &["投诉；升级"],
            &["", "x"],
            &["  leading", "trailing "],
            &["[1]"],
            &[],
        ];
        for list in lists {
            let items: Vec<Value> = list.iter().map(|t| Value::from(*t)).collect();
            let cell = list_cell(&items);
            assert_eq!(split_list(&cell), list.to_vec(), "{cell}");
        }
        assert_eq!(list_cell(&[Value::from("a"), Value::from("b")]), "a;b");
    }

    #[test]
    fn every_chinese_export_header_reads_back_as_its_column() {
        let mut seen = std::collections::BTreeSet::new();
        for column in export_header(3) {
            let header = zh_header(&column);
            assert!(!header.is_ascii(), "{column} has no Chinese header");
            assert!(seen.insert(header.clone()), "{header} heads two columns");
            assert_eq!(parse_target(&header), parse_target(&column), "{header}");
        }
    }

    #[test]
    fn targets_of_column_names() {
        assert_eq!(parse_target("title"), Some(Target::Text("title")));
        assert_eq!(
            parse_target("complainant.phone"),
            Some(Target::Person(0, "phone"))
        );
        assert_eq!(
            parse_target("complainant3.name"),
            Some(Target::Person(2, "name"))
        );
        assert_eq!(parse_target("complainant1.name"), None);
        assert_eq!(parse_target("agent.scope"), Some(Target::Agent("scope")));
        assert_eq!(parse_target("respondent.phone"), None);
        assert_eq!(parse_target("投诉人"), parse_target("complainant.name"));
        assert_eq!(parse_target("某列"), None);
    }

    #[test]
    fn a_row_becomes_nested_fields() {
        let columns = Columns::resolve(
            &[
                "received",
                "complainant.name",
                "complainant2.name",
                "tags",
                "agent.name",
                "x",
            ],
            None,
            true,
        )
        .unwrap();
        let row = csv::StringRecord::from(vec!["2026-11-29", "张三", "李四", "a; b", "", "zz"]);
        let record = columns.record(2, &row).unwrap();
        assert_eq!(
            Value::Object(record),
            serde_json::json!({
                "received": "2026-11-29",
                "complainants": [{"name": "张三"}, {"name": "李四"}],
                "tags": ["a", "b"],
            })
        );
    }
}
