//! A `language: zh` workspace tells every error in Chinese: a damaged case
//! file (in `list`, `show`, `note`, `check` and `edit`), an unreadable
//! import, a `plaint.yaml` that parses but is invalid. And every date on
//! the command line that is no date is coded `bad_date` in `--json`.

use plaint::model::case::CASE_FIELDS;

use crate::support::Ws;

/// Words a Chinese message may hold: names of fields, codes, commands,
/// flags and formats, which stay as they are in every language.
const KEPT: &[&str] = &[
    "error",
    "message",
    "code",
    "bad_file",
    "invalid_input",
    "csv",
    "json",
    "jsonl",
    "reg",
    "plaint",
    "check",
    "edit",
    "cases",
    "yaml",
    "YAML",
    "UTF",
    "git",
    "JSON",
    "JSONL",
    "CSV",
    "NUL",
    "Windows",
    "encoding",
    "gbk",
    "map",
    "ignore",
    "unknown",
    "MiB",
    "policy",
    "action",
    "registered",
    "imported",
    "assigned",
    "note",
    "milestone",
    "extended",
    "edited",
    "followup",
    "promised",
    "consent",
    "notice",
    "attached",
    "detached",
    "superseded",
    "voided",
    "approved",
    "escalated",
    "instructed",
    "routed",
    "appraisal",
    "started",
    "result",
    "number",
    "lot",
    "urgent",
    "important",
    "normal",
    "preset",
    "calendar",
    "calendars",
    "timezone",
    "language",
    "officer",
    "handlers",
    "roles",
    "assume_weekends",
    "office",
    "attachment_limit_mb",
    "tourism",
    "hospital",
    "procurement",
    "generic",
    "weekends",
];

/// Words of three or more Latin letters in `text` that are not [`KEPT`],
/// a case field's name, nor in `also` (the values a message quotes back).
fn english_words(text: &str, also: &[&str]) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
        .map(|w| w.trim_matches('_'))
        .filter(|w| w.len() >= 3 && !KEPT.contains(w) && !CASE_FIELDS.contains(w))
        .filter(|w| !also.contains(w))
        .map(str::to_string)
        .collect()
}

/// Stderr and stdout of `plaint ARGS`, with the workspace path and the
/// case ID taken out (they are names, not words).
fn said(ws: &Ws, id: &str, args: &[&str]) -> String {
    let out = ws.run(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.replace(&ws.root().display().to_string(), "")
        .replace(id, "")
}

/// The damages of a case file a user may find, each with a piece of the
/// Chinese message it must get and the values the message quotes.
fn damages(good: &str) -> Vec<(&'static str, Vec<u8>, &'static str, Vec<&'static str>)> {
    let lines: Vec<&str> = good.lines().collect();
    let with = |from: &str, to: &str| {
        good.lines()
            .map(|l| if l.starts_with(from) { to } else { l })
            .collect::<Vec<_>>()
            .join("\n")
            .into_bytes()
    };
    let mut syntax = lines[..9].join("\n");
    syntax.push_str("\nbad line\nother\n");
    let mut utf8 = good.as_bytes()[..39].to_vec();
    utf8.extend_from_slice(b"\xe6\xb5");
    let mut deep = good.to_string();
    deep.push_str(&format!("tags: {}\n", "[".repeat(40)));
    vec![
        (
            "syntax",
            syntax.into_bytes(),
            "YAML 语法错误（缺少应有的「:」",
            vec![],
        ),
        ("not utf-8", utf8, "不是 UTF-8 文本（第 39 字节处", vec![]),
        (
            "cut date",
            with("received:", "received: 2026-11-2T1"),
            "received：日期时间",
            vec![],
        ),
        (
            "missing field",
            good.replace("  action: registered\n", "").into_bytes(),
            "缺少字段 action",
            vec![],
        ),
        (
            "unknown variant",
            good.replace("action: registered", "action: reg")
                .into_bytes(),
            "未知的取值 reg",
            vec![],
        ),
        (
            "unknown field",
            format!("{good}zzz: 1\n").into_bytes(),
            "未知的字段 zzz",
            vec!["zzz"],
        ),
        (
            "invalid type",
            with("id:", "id: [a, b]"),
            "id：类型不对：应为字符串，实为列表",
            vec![],
        ),
        ("too deep", deep.into_bytes(), "嵌套超过 32 层", vec![]),
    ]
}

#[test]
fn a_damaged_case_file_is_told_in_zh_by_list_show_note_and_check() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let path = ws.case_path(&id);
    let good = ws.case_text(&id);
    for (name, bytes, chinese, quoted) in damages(&good) {
        std::fs::write(&path, &bytes).unwrap();
        for args in [
            vec!["list"],
            vec!["show", &id],
            vec!["note", &id, "补充材料"],
            vec!["check"],
            vec!["show", &id, "--json"],
        ] {
            let text = said(&ws, &id, &args);
            assert!(text.contains(chinese), "{name}, {args:?}:\n{text}");
            assert_eq!(
                english_words(&text, &quoted),
                Vec::<String>::new(),
                "{name}, {args:?}:\n{text}"
            );
        }
    }
}

#[test]
fn list_names_a_skipped_file_the_chinese_way_on_both_streams() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    std::fs::write(ws.case_path(&id), "schema: 1\n").unwrap();
    let err = ws.fails(1, &["list"]);
    let file = ws.case_path(&id).display().to_string();
    assert!(err.contains(&format!("已跳过 {file}：")), "{err}");
    let out = ws.run(&["list", "--json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(doc["error"]["message"], "有 1 个案件文件无法读取");
    assert_eq!(doc["error"]["code"], "bad_file");
}

#[test]
fn edit_refuses_an_invalid_edit_in_zh_and_a_damaged_file_too() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let editor = ws.write(
        ".home/editor.sh",
        "#!/bin/sh\nsed -i 's/^id: .*/id: [a, b]/' \"$1\"\n",
    );
    let out = ws
        .cmd()
        .env("EDITOR", format!("sh {}", editor.display()))
        .args(["edit", &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stderr)
        .replace(&ws.root().display().to_string(), "")
        .replace(&id, "");
    assert!(
        text.contains("修改后的案件无效：id：类型不对：应为字符串，实为列表"),
        "{text}"
    );
    assert_eq!(english_words(&text, &[]), Vec::<String>::new(), "{text}");

    let good = ws.case_text(&id);
    let path = ws.case_path(&id);
    for (name, bytes, chinese, quoted) in damages(&good) {
        std::fs::write(&path, &bytes).unwrap();
        let text = said(&ws, &id, &["edit", &id]);
        assert!(text.contains(chinese), "{name}:\n{text}");
        assert_eq!(
            english_words(&text, &quoted),
            Vec::<String>::new(),
            "{name}:\n{text}"
        );
    }
}

#[test]
fn an_import_that_cannot_be_read_is_refused_in_zh() {
    let ws = Ws::tourism_zh();
    let table: [(&str, &[u8], &str); 9] = [
        (
            "short.csv",
            b"title,received\nx\n",
            "有 1 个单元格，但表头有 2 列",
        ),
        ("header.csv", b"title,received\n", "输入中没有记录"),
        // A cause follows its context after a Chinese colon.
        (
            "bad.json",
            b"[1,",
            "未导入任何案件：不是由案件对象组成的 JSON 数组",
        ),
        (
            "bad.jsonl",
            b"{\"title\": 1}\nxx\n",
            "不是 JSON 对象（缺少值",
        ),
        ("bad.yaml", b"- title: [\n", "不是由案件组成的 YAML 列表"),
        ("nul.csv", b"title\0,received\n", "二进制文件"),
        (
            "gbk.csv",
            b"title,received\n\xb2\xe2,2026-11-02\n",
            "--encoding gbk",
        ),
        ("items.json", b"[3]", "应为由案件字段组成的对象，实为数字"),
        (
            "field.json",
            b"[{\"zzz\": 1}]",
            "未知的字段；可用的字段：schema、id、",
        ),
    ];
    for (name, bytes, chinese) in table {
        let path = ws.write(&format!(".home/{name}"), "");
        std::fs::write(&path, bytes).unwrap();
        let text = said(&ws, "\u{1}", &["import", &path.display().to_string()]);
        assert!(text.contains(chinese), "{name}:\n{text}");
        assert_eq!(
            english_words(
                &text,
                &[
                    "home", "short", "header", "bad", "nul", "items", "field", "zzz"
                ]
            ),
            Vec::<String>::new(),
            "{name}:\n{text}"
        );
    }
    let gbk = ws.write(".home/gbk.csv", "");
    std::fs::write(&gbk, b"title,received\n\x81\x20,2026-11-02\n").unwrap();
    let text = said(
        &ws,
        "\u{1}",
        &["import", &gbk.display().to_string(), "--encoding", "gbk"],
    );
    assert!(text.contains("输入不是有效的 GB18030（GBK）文本"), "{text}");
    assert_eq!(
        english_words(&text, &["home", "GBK"]),
        Vec::<String>::new(),
        "{text}"
    );
    let text = said(&ws, "\u{1}", &["import", "/dev/null", "--format", "csv"]);
    assert!(text.contains("输入为空：没有可导入的内容"), "{text}");
    assert_eq!(
        english_words(&text, &["dev", "null", "format"]),
        Vec::<String>::new(),
        "{text}"
    );
    let map = ws.write(".home/map.yaml", "Title: x\n");
    let csv = ws.write(".home/a.csv", "Title,received\nx,2026-11-02\n");
    let text = said(
        &ws,
        "\u{1}",
        &[
            "import",
            &csv.display().to_string(),
            "--map",
            &map.display().to_string(),
        ],
    );
    assert!(text.contains("中有未知的字段；可用的字段："), "{text}");
    assert_eq!(
        english_words(
            &text,
            &[
                "home",
                "Title",
                "complainant",
                "name",
                "gender",
                "nationality",
                "address",
                "postcode",
                "phone",
                "email",
                "legal_representative",
                "contact",
                "scope",
                "location"
            ]
        ),
        Vec::<String>::new(),
        "{text}"
    );
}

#[test]
fn a_plaint_yaml_that_parses_but_is_invalid_is_refused_in_zh() {
    let ws = Ws::tourism_zh();
    let table = [
        (
            "calendar: nosuch\n",
            "未知的日历「nosuch」；可用的日历：cn、weekends",
            vec!["nosuch"],
        ),
        (
            "preset: tourismo\n",
            "未知的预设「tourismo」",
            vec!["tourismo"],
        ),
        (
            "timezone: \"+25:00\"\n",
            "时区「+25:00」不是 +08:00 这样的 UTC 偏移",
            vec!["UTC"],
        ),
        (
            "policy:\n  joint_threshold: -1\n",
            "policy.joint_threshold：类型不对：应为非负整数，实为整数 `-1`",
            vec!["joint_threshold"],
        ),
        (
            "policy:\n  states: []\n",
            "policy：`states` 为空",
            vec!["states"],
        ),
        (
            "policy:\n  suspension_pauses: [nope]\n",
            "`suspension_pauses` 中的「nope」不是期限规则",
            vec!["suspension_pauses", "nope"],
        ),
        ("zzz: 1\n", "未知的字段 zzz", vec!["zzz"]),
    ];
    for (line, chinese, quoted) in table {
        let key = line.split(':').next().unwrap();
        let mut text = format!("language: zh\n{line}");
        for default in ["preset: tourism\n", "calendar: cn\n"] {
            if !default.starts_with(key) {
                text.push_str(default);
            }
        }
        ws.write("plaint.yaml", &text);
        let out = said(&ws, "\u{1}", &["list"]);
        assert!(out.contains("设置文件有误："), "{line}:\n{out}");
        assert!(out.contains(chinese), "{line}:\n{out}");
        assert_eq!(
            english_words(&out, &quoted),
            Vec::<String>::new(),
            "{line}:\n{out}"
        );
    }
}

#[test]
fn every_date_on_the_command_line_that_is_no_date_is_coded_bad_date() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let register = |flag: &'static str, value: &'static str| -> Vec<String> {
        let mut args: Vec<String> = ["register", "--title", "x", "--complainant", "y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend([flag.to_string(), value.to_string()]);
        args
    };
    let with_id = |args: &[&str]| -> Vec<String> {
        args.iter()
            .map(|a| {
                if *a == "ID" {
                    id.clone()
                } else {
                    a.to_string()
                }
            })
            .collect()
    };
    let table: Vec<Vec<String>> = vec![
        register("--received", "notadate"),
        register("--received", "2026-11-02 25:00"),
        register("--contract-end", "2026-02-30"),
        register("--challenge-due", "xx"),
        with_id(&["notice", "ID", "acceptance", "--served", "xx"]),
        with_id(&["advance", "ID", "accepted", "--at", "notadate"]),
        with_id(&["mark", "ID", "respondent-notified", "--at", "xx"]),
        with_id(&[
            "followup",
            "ID",
            "--satisfaction",
            "satisfied",
            "--at",
            "xx",
        ]),
        with_id(&["promise", "ID", "2026-02-30"]),
        with_id(&["calendar", "add", "notadate", "5"]),
        with_id(&["calendar", "between", "2026-01-01", "xx"]),
        with_id(&["calendar", "is-workday", "2026-13-01"]),
    ];
    for args in table {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.push("--json");
        let stderr = ws.fails(1, &all);
        let last = stderr.lines().last().unwrap_or_default();
        let doc: serde_json::Value = serde_json::from_str(last)
            .unwrap_or_else(|e| panic!("{all:?}: not JSON ({e}):\n{stderr}"));
        assert_eq!(doc["error"]["code"], "bad_date", "{all:?}:\n{stderr}");
    }
}

#[test]
fn an_edit_that_leaves_no_date_is_coded_bad_date() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let editor = ws.write(
        ".home/editor.sh",
        "#!/bin/sh\nsed -i 's/^received: .*/received: notadate/' \"$1\"\n",
    );
    let out = ws
        .cmd()
        .env("EDITOR", format!("sh {}", editor.display()))
        .args(["edit", &id, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let doc: serde_json::Value =
        serde_json::from_str(stderr.lines().last().unwrap_or_default()).unwrap();
    assert_eq!(doc["error"]["code"], "bad_date", "{stderr}");
}

#[test]
fn a_calendar_file_that_cannot_be_used_is_refused_in_zh() {
    let ws = Ws::tourism_zh();
    let table = [
        (
            "weekend: [mon, tue, wed, thu, fri, sat, sun]\n",
            "周末不能是一周七天",
        ),
        (
            "holidays:\n  - {date: 2026-10-01, name: x}\n  - {date: 2026-10-01, name: y}\n",
            "2026-10-01 作为节假日列了两次",
        ),
        (
            "holidays:\n  - {date: 2026-13-01, name: x}\n",
            "日期「2026-13-01」无效：没有这一天",
        ),
        (
            "holidays:\n  - {date: 2026-11-01, name: x, weekday: true}\n",
            "2026-11-01 是 周日，但该条目写的是 weekday: true",
        ),
        ("weekend: [xx]\n", "未知的星期「xx」"),
        (
            "extends: nope\n",
            "extends 了未知的日历「nope」（已知的日历：cn、weekends、my）",
        ),
        ("holidays: [\n", "YAML 语法错误"),
    ];
    for (body, chinese) in table {
        ws.write("calendars/my.yaml", &format!("name: my\n{body}"));
        for args in [["list"], ["check"]] {
            let out = said(&ws, "\u{1}", &args);
            assert!(out.contains(chinese), "{body}, {args:?}:\n{out}");
            assert_eq!(
                english_words(
                    &out,
                    &[
                        "my", "nope", "weekday", "true", "extends", "weekend", "holidays", "name",
                        "date", "mon", "tue", "wed", "thu", "fri", "sat", "sun"
                    ]
                ),
                Vec::<String>::new(),
                "{body}, {args:?}:\n{out}"
            );
        }
    }
}

#[test]
fn check_tells_a_case_with_an_unknown_code_in_zh() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let text = ws.case_text(&id);
    let path = ws.case_path(&id);
    std::fs::write(
        &path,
        text.replace("category: shopping", "category: nosuch"),
    )
    .unwrap();
    let out = said(&ws, &id, &["check"]);
    assert!(
        out.contains("字段 category：未知的类别「nosuch」；可用的类别："),
        "{out}"
    );
    assert_eq!(
        english_words(
            &out,
            &[
                "nosuch",
                "itinerary",
                "shopping",
                "guide",
                "accommodation",
                "transport",
                "catering",
                "ticketing",
                "contract",
                "safety",
                "other"
            ]
        ),
        Vec::<String>::new(),
        "{out}"
    );
}

#[test]
fn calendar_arithmetic_refusals_are_told_in_zh() {
    let ws = Ws::tourism_zh();
    let out = said(&ws, "\u{1}", &["calendar", "add", "2026-01-01", "999999"]);
    assert!(out.contains("一次最多只能计算 100000 个工作日"), "{out}");
    assert_eq!(english_words(&out, &[]), Vec::<String>::new(), "{out}");
}

#[test]
fn codes_inside_zh_sentences_are_named_by_their_labels() {
    // The deadline rules of `policy`: what starts, stops and pauses them.
    for preset in ["tourism", "procurement", "generic"] {
        let ws = Ws::with_preset(preset);
        ws.edit_settings("language: en", "language: zh");
        let policy = ws.ok(&["policy"]);
        for line in policy
            .lines()
            .filter(|l| l.contains("起算") || l.contains("暂停："))
        {
            let words = english_words(line, &[]);
            assert!(words.is_empty(), "{preset}: {words:?} in {line}");
        }
    }
    // A suspension without its reason lists the reasons by their labels.
    let (ws, id) = Ws::procurement_zh_accepted();
    let text = said(&ws, &id, &["advance", &id, "中止"]);
    let codes = [
        "correction",
        "testing",
        "expert",
        "review",
        "other",
        "reason",
    ];
    assert_eq!(english_words(&text, &codes), Vec::<String>::new(), "{text}");
    assert!(text.contains("专家评审（expert-review）"), "{text}");
    // A milestone, an explanation, a notice refused for the case's state
    // (its title named, its code beside it as the one to type).
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    for args in [
        vec!["mark", &id, "已通知被投诉人"],
        vec!["explain", &id, "受理"],
        vec!["notice", &id, "受理告知书", "--draft"],
    ] {
        let text = said(&ws, &id, &args);
        let words = english_words(&text, &["acceptance"]);
        assert_eq!(words, Vec::<String>::new(), "{args:?}: {text}");
    }
}
