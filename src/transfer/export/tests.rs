//! Exports of a small workspace in every format, in ID order, filtered,
//! redacted, and with broken files named rather than hidden.

use super::*;
use crate::policy::settings::Settings;
use crate::storage::casefile::parse_yaml_case;

fn case(id: &str, status: &str, name: &str) -> Case {
    parse_yaml_case(&format!(
        "schema: 1\nid: {id}\ntitle: t{id}\nreceived: 2026-11-02T09:30:00+08:00\ncomplainants:\n\
         - name: {name}\n  phone: '13800138000'\nstatus: {status}\nhistory:\n\
         - at: 2026-11-02T09:30:00+08:00\n  by: a\n  action: registered\n"
    ))
    .unwrap()
}

/// A workspace with three cases written out of ID order.
fn office() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::init(dir.path(), &Settings::new("tourism", "cn")).unwrap();
    let lock = ws.lock().unwrap();
    for c in [
        case("20261103-CCCCC", "received", "王五"),
        case("20261101-AAAAA", "withdrawn", "张三"),
        case("20261102-BBBBB", "received", "李四"),
    ] {
        ws.write_case(&lock, &c).unwrap();
    }
    (dir, ws)
}

fn run(ws: &Workspace, format: Format, filter: &Filter, redact: bool) -> (String, Exported) {
    let mut out = Vec::new();
    let options = Options {
        format,
        filter,
        redact,
        bom: false,
        office: None,
    };
    let exported = export(ws, &mut out, options).unwrap();
    (String::from_utf8(out).unwrap(), exported)
}

fn jsonl_ids(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_format_lists_the_cases_in_id_order() {
    let (_dir, ws) = office();
    let all = Filter::default();
    let (jsonl, n) = run(&ws, Format::Jsonl, &all, false);
    assert_eq!(n.cases, 3);
    assert_eq!(
        jsonl_ids(&jsonl),
        ["20261101-AAAAA", "20261102-BBBBB", "20261103-CCCCC"]
    );
    let (json, _) = run(&ws, Format::Json, &all, false);
    let array: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let ids: Vec<&str> = array.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["20261101-AAAAA", "20261102-BBBBB", "20261103-CCCCC"]);
    let (yaml, _) = run(&ws, Format::Yaml, &all, false);
    assert_eq!(yaml.matches("---\n").count(), 3);
    let (csv, _) = run(&ws, Format::Csv, &all, false);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "header and three rows");
    assert!(rows[1].starts_with("20261101-AAAAA,"), "{}", rows[1]);
}

#[test]
fn filters_and_redaction_apply() {
    let (_dir, ws) = office();
    let open = Filter {
        statuses: vec!["open".into()],
        ..Filter::default()
    };
    let (jsonl, n) = run(&ws, Format::Jsonl, &open, false);
    assert_eq!(n.cases, 2);
    assert_eq!(jsonl_ids(&jsonl), ["20261102-BBBBB", "20261103-CCCCC"]);
    let (redacted, _) = run(&ws, Format::Jsonl, &Filter::default(), true);
    assert!(
        !redacted.contains("13800138000") && !redacted.contains("张三"),
        "{redacted}"
    );
    let (empty, n) = run(
        &ws,
        Format::Json,
        &Filter {
            statuses: vec!["closed".into()],
            ..Filter::default()
        },
        false,
    );
    assert_eq!((empty.as_str(), n.cases), ("[]\n", 0));
}

#[test]
fn a_broken_file_is_named_and_the_others_exported() {
    let (_dir, ws) = office();
    let bad = ws.root.join("cases/2026/20261101-BAD00.yaml");
    std::fs::write(&bad, "schema: 1\nid: [\n").unwrap();
    let (jsonl, n) = run(&ws, Format::Jsonl, &Filter::default(), false);
    assert_eq!(jsonl_ids(&jsonl).len(), 3);
    assert_eq!(n.broken.len(), 1);
    assert!(n.broken[0].to_string().contains("20261101-BAD00.yaml"));
}
