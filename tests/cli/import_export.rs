//! Batch import and export: formats, column maps, encodings,
//! all-or-nothing, idempotence, crash safety, round trips and redaction.

use std::path::Path;

use plaint::storage::Workspace;
use plaint::storage::staging::Staging;
use serde_json::Value;

use crate::support::{Ws, refused, usage_refused};

const HOTLINE_CSV: &str = "\
external_ref,received,complainant.name,complainant.phone,respondent.name,category,title
HOT-1,2026/11/02 09:30,张三,13800138000,桂林阳光旅行社,shopping,导游强迫购物
HOT-2,2026年11月03日,李四,13900139000,漓江游船,ticketing,退票
HOT-3,2026-11-04 14:00:00,王五,13700137000,阳朔酒店,accommodation,房间与合同不符
";

fn ids(ws: &Ws) -> Vec<String> {
    ws.ok(&["list", "--format", "ids", "--sort", "id"])
        .lines()
        .map(str::to_string)
        .collect()
}

/// Every case file of a workspace by file name, with its bytes.
fn case_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for year in std::fs::read_dir(root.join("cases")).unwrap() {
        for file in std::fs::read_dir(year.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            files.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            ));
        }
    }
    files.sort();
    files
}

#[test]
fn csv_import_creates_imported_cases_and_running_it_twice_creates_nothing() {
    let ws = Ws::tourism();
    ws.write("batch.csv", HOTLINE_CSV);
    let first = ws.json(&["import", "batch.csv"]);
    assert_eq!(first["created"], 3, "{first}");
    assert_eq!(first["skipped"], 0);
    assert_eq!(first["errors"], Value::Array(vec![]));
    assert_eq!(first["ids"].as_array().unwrap().len(), 3);
    let listed = ids(&ws);
    assert_eq!(listed.len(), 3);
    let text = ws.case_text(&listed[0]);
    assert!(
        text.contains("received: 2026-11-02T09:30:00+08:00\n"),
        "{text}"
    );
    assert!(text.contains("external_ref: HOT-1\n"), "{text}");
    assert!(text.contains("  action: imported\n"), "{text}");
    assert!(!text.contains("action: registered"), "{text}");
    let third = ws.case_text(&listed[2]);
    assert!(
        third.contains("received: 2026-11-04T14:00:00+08:00\n"),
        "{third}"
    );

    let before = ws.snapshot();
    let second = ws.json(&["import", "batch.csv"]);
    assert_eq!(second["created"], 0, "{second}");
    assert_eq!(second["skipped"], 3);
    assert_eq!(before, ws.snapshot(), "a repeated import changed files");
    assert!(!ws.root().join(".plaint/staging").exists());
}

#[test]
fn plain_output_is_the_result_alone() {
    let ws = Ws::tourism();
    ws.write("batch.csv", HOTLINE_CSV);
    let out = ws.run(&["import", "batch.csv"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "created 3, updated 0, skipped 0\n"
    );
    // No progress when piped: only the warning that the batch gives no
    // contract end dates to check the filing limit against.
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "warning: rows 2, 3, 4: no contract_end: the 90-day filing limit was not checked (set it with `plaint edit`)\n",
    );
}

#[test]
fn dry_run_reports_every_record_and_writes_nothing() {
    let ws = Ws::tourism();
    ws.write("batch.csv", HOTLINE_CSV);
    ws.write(
        "first.csv",
        &HOTLINE_CSV.lines().take(2).collect::<Vec<_>>().join("\n"),
    );
    ws.ok(&["import", "first.csv"]);
    let before = ws.snapshot();
    let out = ws.ok(&["import", "batch.csv", "--dry-run"]);
    assert!(out.contains("row 2: skip "), "{out}");
    assert!(
        out.contains("row 3: create (new ID) (external_ref HOT-2)"),
        "{out}"
    );
    assert!(
        out.contains("would create 2, update 0, skip 1; nothing was written"),
        "{out}"
    );
    let doc = ws.json(&["import", "batch.csv", "--dry-run"]);
    assert_eq!(doc["dry_run"], true);
    assert_eq!(doc["created"], 2);
    assert_eq!(doc["records"][0]["action"], "skip");
    assert_eq!(before, ws.snapshot(), "a dry run wrote files");
    assert!(!ws.root().join(".plaint/staging").exists());
}

#[test]
fn one_bad_record_stops_the_whole_batch_and_every_problem_is_listed() {
    let ws = Ws::tourism();
    ws.write(
        "batch.csv",
        "external_ref,received,complainant.name,category,status\n\
         OK-1,2026-11-02,张三,shopping,\n\
         BAD-1,2026-13-01,李四,weather,\n\
         BAD-2,2026-11-05,王五,,finished\n\
         OK-1,2026-11-06,赵六,,\n",
    );
    refused(
        &ws,
        &["import", "batch.csv"],
        &[
            "row 3, field received: '2026-13-01' is not a valid date",
            "row 3, field category: unknown category 'weather'",
            "row 4, field status: unknown state 'finished'",
            "row 5, field external_ref: 'OK-1' is also on row 2",
            "4 problem(s) found; nothing was imported",
        ],
    );
    assert!(ids(&ws).is_empty());
    assert!(!ws.root().join(".plaint/staging").exists());
    let out = ws.run(&["import", "batch.csv", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["created"], 0);
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 4);
    assert_eq!(errors[0]["row"], 3);
    assert_eq!(errors[0]["field"], "received");
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "invalid_input");
}

#[test]
fn a_map_file_names_chinese_headers_and_gbk_files_are_decoded() {
    let ws = Ws::tourism();
    let csv = "投诉人,联系电话,被投诉单位,受理日期,备注,编号\n\
               张三,13800138000,桂林阳光旅行社,2026年11月29日,内部,W-1\n\
               李四,13900139000,漓江游船,2026/11/28 10:00,,W-2\n";
    ws.write(
        "map.yaml",
        "投诉人: complainant.name\n联系电话: complainant.phone\n被投诉单位: respondent.name\n\
         受理日期: received\n备注: ~\n编号: external_ref\n",
    );
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(csv);
    assert!(!unmappable);
    std::fs::write(ws.root().join("gbk.csv"), &gbk).unwrap();
    refused(
        &ws,
        &["import", "gbk.csv", "--map", "map.yaml"],
        &["not UTF-8", "--encoding gbk"],
    );
    let doc = ws.json(&[
        "import",
        "gbk.csv",
        "--map",
        "map.yaml",
        "--encoding",
        "gbk",
    ]);
    assert_eq!(doc["created"], 2, "{doc}");
    let cases = ws.json(&["list", "--sort", "id"]);
    assert_eq!(cases[0]["complainants"][0]["name"], "李四");
    assert_eq!(cases[1]["respondent"]["name"], "桂林阳光旅行社");
    assert_eq!(cases[1]["received"], "2026-11-29T00:00:00+08:00");

    let ws = Ws::tourism();
    ws.write("map.yaml", "投诉人: complainant.name\n受理日期: received\n");
    ws.write("bom.csv", "\u{feff}投诉人,受理日期\n张三,2026-11-29\n");
    assert_eq!(
        ws.json(&["import", "bom.csv", "--map", "map.yaml"])["created"],
        1
    );
    refused(
        &ws,
        &["import", "bom.csv", "--map", "nope.yaml"],
        &["cannot read --map nope.yaml"],
    );
    ws.write("bad-map.yaml", "投诉人: complainant.nickname\n");
    refused(
        &ws,
        &["import", "bom.csv", "--map", "bad-map.yaml"],
        &["unknown field(s)", "complainant.nickname"],
    );
}

#[test]
fn unknown_columns_are_refused_by_name_unless_ignored() {
    let ws = Ws::tourism();
    ws.write(
        "batch.csv",
        "received,备注,title,Notes\n2026-11-29,张三,t,x\n",
    );
    refused(
        &ws,
        &["import", "batch.csv"],
        &[
            "row 1, field 备注: unknown column",
            "row 1, field Notes",
            "--map",
        ],
    );
    assert_eq!(
        ws.json(&["import", "batch.csv", "--ignore-unknown"])["created"],
        1
    );
}

#[test]
fn bad_files_are_refused_with_a_clear_message() {
    let ws = Ws::tourism();
    let cases: &[(&str, &[u8], &[&str])] = &[
        (
            "missing.csv",
            b"title,complainant.name\nt,x\n",
            &["row 1, field received: required column is missing"],
        ),
        ("empty.csv", b"", &["empty"]),
        ("empty.json", b"", &["empty"]),
        ("header.csv", b"received,title\n", &["no records"]),
        ("none.json", b"[]", &["no records"]),
        ("binary.json", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &["binary"]),
        (
            "ragged.csv",
            b"received,title\n2026-11-29,a\n2026-11-29\n",
            &["row 3: has 1 cells, but the header has 2 columns"],
        ),
        (
            "latin1.csv",
            b"received,title\n2026-11-29,caf\xe9\n",
            &["not UTF-8", "--encoding gbk"],
        ),
        (
            "types.json",
            br#"[{"received": "2026-11-29", "title": 5, "tags": "x"}]"#,
            &[
                "row 1, field title: invalid type",
                "row 1, field tags: invalid type",
            ],
        ),
        (
            "unknown.json",
            br#"[{"received": "2026-11-29", "nickname": "x"}]"#,
            &["row 1, field nickname: unknown field"],
        ),
        (
            "notes.jsonl",
            b"{\"received\": \"2026-11-29\"}\nnot json\n[1]\n",
            &[
                "row 2: not a JSON object",
                "row 3: expected an object of case fields, found a list",
            ],
        ),
        (
            "broken.json",
            br#"[{"received": "2026-11-29"}, {"#,
            &["not a JSON array of case objects"],
        ),
        (
            "scalar.yaml",
            b"just text\n",
            &["row 1: expected an object of case fields"],
        ),
        (
            "dates.yaml",
            b"- received: 2026-02-30\n  contract_end: someday\n",
            &[
                "row 1, field received",
                "row 1, field contract_end: 'someday'",
            ],
        ),
        (
            "nodate.jsonl",
            b"{\"title\": \"t\"}\n",
            &["row 1, field received: is required"],
        ),
        ("noformat.txt", b"x", &["--format csv|json|jsonl|yaml"]),
    ];
    for (name, bytes, needles) in cases {
        std::fs::write(ws.root().join(name), bytes).unwrap();
        refused(&ws, &["import", name], needles);
    }
    assert!(ids(&ws).is_empty());
}

#[test]
fn a_yaml_alias_bomb_is_refused_quickly() {
    let ws = Ws::tourism();
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    ws.write("bomb.yaml", &bomb);
    let started = std::time::Instant::now();
    refused(
        &ws,
        &["import", "bomb.yaml"],
        &["not a YAML list of cases (repetition limit exceeded)"],
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn json_jsonl_yaml_and_stdin_are_read_alike() {
    let ws = Ws::tourism();
    ws.write(
        "a.json",
        r#"[{"external_ref": "J-1", "received": "2026-11-01", "complainants": [{"name": "张三"}, {"name": "李四"}], "representatives": [0]}]"#,
    );
    ws.write("b.jsonl", "{\"external_ref\": \"L-1\", \"received\": \"2026-11-02\"}\n\n{\"external_ref\": \"L-2\", \"received\": \"2026-11-02\"}\n");
    ws.write("c.yaml", "external_ref: Y-1\nreceived: 2026-11-03\n---\nexternal_ref: Y-2\nreceived: 2026-11-03\ntags: [a, b]\n");
    ws.write("d.yml", "- external_ref: Y-3\n  received: 2026-11-04\n");
    for file in ["a.json", "b.jsonl", "c.yaml", "d.yml"] {
        ws.ok(&["import", file]);
    }
    let out = ws
        .cmd()
        .args(["import", "-", "--format", "jsonl", "--json"])
        .write_stdin("{\"external_ref\": \"S-1\", \"received\": \"2026-11-05\"}\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let by_ref: std::collections::BTreeMap<String, serde_json::Value> = ws
        .ok(&["export", "--format", "jsonl"])
        .lines()
        .map(|line| {
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            (case["external_ref"].as_str().unwrap().to_string(), case)
        })
        .collect();
    let received: Vec<(&str, &str)> = by_ref
        .iter()
        .map(|(r, c)| (r.as_str(), &c["received"].as_str().unwrap()[..10]))
        .collect();
    assert_eq!(
        received,
        [
            ("J-1", "2026-11-01"),
            ("L-1", "2026-11-02"),
            ("L-2", "2026-11-02"),
            ("S-1", "2026-11-05"),
            ("Y-1", "2026-11-03"),
            ("Y-2", "2026-11-03"),
            ("Y-3", "2026-11-04"),
        ]
    );
    let j = &by_ref["J-1"];
    assert_eq!(j["complainants"][0]["name"], "张三");
    assert_eq!(j["complainants"][1]["name"], "李四");
    assert_eq!(j["representatives"], serde_json::json!([0]));
    assert_eq!(by_ref["Y-2"]["tags"], serde_json::json!(["a", "b"]));
    assert_eq!(by_ref["Y-1"]["tags"], serde_json::Value::Null);
}

#[test]
fn update_merges_changed_fields_as_an_edited_event() {
    let ws = Ws::tourism();
    ws.write("batch.csv", HOTLINE_CSV);
    ws.ok(&["import", "batch.csv"]);
    ws.write(
        "changes.csv",
        "external_ref,received,complainant.phone,title\n\
         HOT-1,2026/11/02 09:30,13811111111,导游强迫购物\n\
         HOT-2,2026年11月03日,,退票\n",
    );
    let dry = ws.ok(&["import", "changes.csv", "--update", "--dry-run"]);
    assert!(dry.contains("row 2: update "), "{dry}");
    assert!(dry.contains(": complainants"), "{dry}");
    assert!(dry.contains("row 3: skip "), "{dry}");
    let doc = ws.json(&["import", "changes.csv", "--update"]);
    assert_eq!(doc["updated"], 1, "{doc}");
    assert_eq!(doc["skipped"], 1);
    assert_eq!(
        doc["records"][0]["fields"],
        serde_json::json!(["complainants"])
    );
    let id = doc["records"][0]["id"].as_str().unwrap().to_string();
    let case = ws.json(&["show", &id]);
    assert_eq!(case["complainants"][0]["name"], "张三", "the name is kept");
    assert_eq!(case["complainants"][0]["phone"], "13811111111");
    let last = case["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "edited");
    assert_eq!(last["fields"], serde_json::json!(["complainants"]));
    let again = ws.json(&["import", "changes.csv", "--update"]);
    assert_eq!(again["updated"], 0, "an unchanged record is skipped");
    assert_eq!(again["skipped"], 2);
}

#[test]
fn a_record_with_its_own_history_is_kept_exactly() {
    let ws = Ws::tourism();
    ws.write(
        "migrated.yaml",
        "- external_ref: OLD-7\n  received: 2026-10-08 09:00\n  status: accepted\n  assignee: 王芳\n\
         \x20 complainants: [{name: 张三}]\n  respondent: {name: 甲旅行社}\n  demands: 退款\n  history:\n\
         \x20 - at: 2026-10-08T09:00:00+08:00\n    by: 旧系统\n    action: registered\n\
         \x20 - at: 2026-10-09T10:00:00+08:00\n    by: 王芳\n    action: status\n    from: received\n    to: accepted\n",
    );
    let doc = ws.json(&["import", "migrated.yaml"]);
    let id = doc["ids"][0].as_str().unwrap();
    let text = ws.case_text(id);
    assert!(text.contains("status: accepted\n"), "{text}");
    assert!(
        !text.contains("imported"),
        "its own history is kept:\n{text}"
    );
    assert!(text.contains("by: 旧系统\n"), "{text}");
    let fresh = Ws::tourism();
    fresh.write("mid.jsonl", "{\"external_ref\": \"M-1\", \"received\": \"2026-10-08\", \"status\": \"investigating\", \"complainants\": [{\"name\": \"张三\"}], \"respondent\": {\"name\": \"甲\"}, \"demands\": \"退款\"}\n");
    let id = fresh.json(&["import", "mid.jsonl"])["ids"][0]
        .as_str()
        .unwrap()
        .to_string();
    let text = fresh.case_text(&id);
    assert!(
        text.contains("action: imported\n  to: investigating\n"),
        "{text}"
    );
}

/// A workspace with a variety of cases: registered, moved, noted,
/// imported with joint complainants and an agent.
fn varied_workspace() -> Ws {
    let ws = Ws::tourism();
    let id = ws.register(&["--tag", "vip", "--contract-end", "2026-10-30"]);
    ws.ok(&["advance", &id, "accepted", "--note", "材料齐全\n已电话告知"]);
    ws.ok(&["assign", &id, "王芳"]);
    ws.register(&["--priority", "urgent", "--email", "a@b.cn"]);
    ws.write(
        "joint.json",
        r#"[{"external_ref": "J-9", "received": "2026-11-20 08:15", "title": "团队投诉, \"引号\"",
             "complainants": [{"name": "张三", "address": "桂林市七星区1号", "postcode": "541000"},
                              {"name": "John Smith", "nationality": "GB"}, {"name": "李四"}],
             "representatives": [0, 2], "agent": {"name": "李律师", "contact": "13900139000", "scope": "代为调解"},
             "facts": "第一行\n第二行", "links": [], "channel": "hotline"}]"#,
    );
    ws.ok(&["import", "joint.json"]);
    ws
}

#[test]
fn export_then_import_reproduces_byte_identical_case_files() {
    let source = varied_workspace();
    let original = case_files(source.root());
    assert_eq!(original.len(), 3);
    for (format, file, bom) in [
        ("json", "all.json", false),
        ("jsonl", "all.jsonl", false),
        ("yaml", "all.yaml", false),
        ("csv", "all.csv", false),
        ("csv", "all.csv", true),
    ] {
        let mut args = vec!["export", "--format", format];
        if bom {
            args.push("--bom");
        }
        let exported = source.ok(&args);
        assert_eq!(exported.starts_with('\u{feff}'), bom, "{format} bom {bom}");
        let target = Ws::tourism();
        target.write(file, &exported);
        let doc = target.json(&["import", file]);
        assert_eq!(doc["created"], 3, "{format}: {doc}");
        assert_eq!(
            case_files(target.root()),
            original,
            "{format} round trip differs"
        );
        let again = target.json(&["import", file]);
        assert_eq!(
            again["skipped"], 3,
            "{format}: re-import by id is idempotent"
        );
    }
}

#[test]
fn export_takes_the_list_filters() {
    let ws = varied_workspace();
    let accepted: Value =
        serde_json::from_str(&ws.ok(&["export", "--status", "accepted"])).unwrap();
    assert_eq!(accepted.as_array().unwrap().len(), 1);
    assert_eq!(accepted[0]["status"], "accepted");
    assert!(accepted[0]["history"].is_array(), "export keeps history");
    let lines = ws.ok(&["export", "--format", "jsonl", "--search", "john smith"]);
    assert_eq!(lines.lines().count(), 1);
    assert_eq!(ws.ok(&["export", "--assignee", "nobody"]), "[]\n");
    usage_refused(
        &ws,
        &["export", "--status", "done"],
        &["unknown state 'done'"],
    );
}

#[test]
fn redacted_outputs_carry_no_personal_data() {
    let ws = Ws::tourism();
    ws.write(
        "pii.json",
        r#"[{"external_ref": "R-1", "received": "2026-11-20", "title": "MKTITLE",
             "complainants": [{"name": "MKNAMEONE Smith", "address": "12 MKSTREET Road, Springfield", "postcode": "MKPOST",
                               "phone": "MKPHONE13800138000", "email": "mkemail@example.com"},
                              {"name": "马MKCNNAME", "address": "桂林市MKADDR路1号", "phone": "MKPH2"}],
             "agent": {"name": "MKAGENT", "contact": "MKCONTACT139", "scope": "MKSCOPE"},
             "demands": "MKDEMANDS", "facts": "MKFACTS", "measures": "MKMEASURES"}]"#,
    );
    let id = ws.json(&["import", "pii.json"])["ids"][0]
        .as_str()
        .unwrap()
        .to_string();
    ws.ok(&["note", &id, "MKNOTE 电话 13800138000"]);
    let markers = [
        "MKTITLE",
        "MKNAMEONE",
        "MKSTREET",
        "MKPOST",
        "MKPHONE",
        "mkemail",
        "MKCNNAME",
        "MKADDR",
        "MKPH2",
        "MKAGENT",
        "MKCONTACT",
        "MKSCOPE",
        "MKDEMANDS",
        "MKFACTS",
        "MKMEASURES",
        "MKNOTE",
        "13800138000",
    ];
    for format in ["json", "jsonl", "csv", "yaml"] {
        let plain = ws.ok(&["export", "--format", format]);
        assert!(
            plain.contains("MKFACTS"),
            "{format}: the unredacted export has the data"
        );
        let redacted = ws.ok(&["export", "--format", format, "--redact"]);
        for marker in markers {
            assert!(
                !redacted.contains(marker),
                "{format} --redact leaks {marker}:\n{redacted}"
            );
        }
        assert!(redacted.contains("R-1"), "{format}: codes and refs stay");
    }
    let redacted_commands: [&[&str]; 8] = [
        &["list", "--redact"],
        &["list", "--redact", "--json", "--full"],
        &["list", "--redact", "--format", "csv"],
        &["list", "--redact", "--search", "MKFACTS"],
        &["report", "--period", "2026", "--redact"],
        &["report", "--period", "2026", "--redact", "--format", "md"],
        &[
            "report",
            "--period",
            "2026",
            "--redact",
            "--format",
            "csv",
            "--by",
            "respondent",
        ],
        &["report", "--period", "2026", "--redact", "--format", "json"],
    ];
    for args in redacted_commands {
        let out = ws.ok(args);
        assert!(!out.trim().is_empty(), "{args:?} printed nothing");
        for marker in markers {
            assert!(!out.contains(marker), "{args:?} leaks {marker}:\n{out}");
        }
    }
    assert!(
        ws.ok(&["list", "--search", "MKFACTS", "--redact", "--format", "ids"])
            .contains(&id)
    );
    let doc: Value = serde_json::from_str(&ws.ok(&["export", "--redact"])).unwrap();
    assert_eq!(doc[0]["complainants"][0]["name"], "M*** S***");
    assert_eq!(doc[0]["complainants"][1]["name"], "马*");
    assert_eq!(doc[0]["complainants"][1]["address"], "桂林市");
    assert_eq!(doc[0]["complainants"][0]["address"], "Springfield");
}

/// Stages the cases of `source` into `target` as an import would, seals
/// the batch or not, and stops there, as a killed process would.
fn interrupted_batch(source: &Ws, target: &Ws, seal: bool, moved_by_hand: usize) -> Vec<String> {
    let cases = Workspace::open(source.root())
        .unwrap()
        .load_all()
        .unwrap()
        .cases;
    let ws = Workspace::open(target.root()).unwrap();
    let lock = ws.lock().unwrap();
    let mut staging = Staging::begin(&ws, &lock).unwrap();
    staging.stage(&cases).unwrap();
    if seal {
        let _sealed = staging.seal().unwrap(); // never applied: the "crash"
        for case in cases.iter().take(moved_by_hand) {
            let staged = ws
                .root
                .join(".plaint/staging")
                .join(format!("{}.yaml", case.id));
            let target = ws.case_path(&case.id);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::rename(staged, target).unwrap();
        }
    }
    cases.iter().map(|c| c.id.to_string()).collect()
}

#[test]
fn an_import_killed_while_moving_files_is_rolled_forward_by_the_next_command() {
    let source = varied_workspace();
    let target = Ws::tourism();
    let mut want = interrupted_batch(&source, &target, true, 1);
    want.sort();
    assert_eq!(
        case_files(target.root()).len(),
        1,
        "the crash left the batch half moved"
    );
    assert_eq!(ids(&target), want, "the next command completes the batch");
    assert!(!target.root().join(".plaint/staging").exists());
    assert_eq!(case_files(target.root()), case_files(source.root()));
}

#[test]
fn an_import_killed_before_its_commit_leaves_nothing() {
    let source = varied_workspace();
    let target = Ws::tourism();
    interrupted_batch(&source, &target, false, 0);
    assert!(target.root().join(".plaint/staging").exists());
    assert!(ids(&target).is_empty(), "staged files are never cases");
    assert!(
        !target.root().join(".plaint/staging").exists(),
        "and are thrown away"
    );
}

#[test]
fn a_broken_case_file_stops_an_import() {
    let ws = Ws::tourism();
    ws.write("cases/2026/20261102-AAAAA.yaml", "schema: 1\nid: [\n");
    ws.write("batch.csv", HOTLINE_CSV);
    refused(
        &ws,
        &["import", "batch.csv"],
        &["cannot be read", "plaint check"],
    );
}
