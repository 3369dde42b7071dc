//! Everyday gaps an officer meets: a handler's name mistyped by one
//! character, imported cases without an owner or a contract end date, the
//! times inside a dossier's zip, and the default workspace outside any
//! office folder.

use std::io::Read as _;

use crate::support::{Ws, refused};

/// A zh tourism workspace whose plaint.yaml lists its handlers.
fn office_with_handlers() -> Ws {
    let ws = Ws::tourism_zh();
    ws.add_settings("handlers: [王芳, 李明]\nroles:\n  leaders: [陈建国]\n");
    ws
}

#[test]
fn a_handler_name_one_character_off_a_listed_one_is_refused_with_it() {
    let ws = office_with_handlers();
    let id = ws.register(&[]);
    // 李铭 for 李明: a homophone the input method offered first.
    refused(
        &ws,
        &["assign", &id, "李铭"],
        &[
            "「李铭」不在 plaint.yaml 所列人员中",
            "是否想输入「李明」",
            "--force",
        ],
    );
    refused(&ws, &["assign", &id, "陈建华"], &["是否想输入「陈建国」"]);
    refused(
        &ws,
        &[
            "register",
            "--title",
            "退团",
            "--anonymous",
            "--assignee",
            "王方",
        ],
        &["是否想输入「王芳」"],
    );
    // The listed name goes through without a word; a name one slip away is
    // taken with --force, and a newcomer's name with a warning.
    let out = ws.run(&["assign", &id, "李明"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{out:?}");
    let forced = ws.run(&["assign", &id, "李铭", "--force", "--note", "新同事"]);
    assert!(forced.status.success(), "{forced:?}");
    let warned = String::from_utf8_lossy(&forced.stderr);
    assert!(warned.contains("王芳、李明、陈建国"), "{warned}");
    assert!(ws.case_text(&id).contains("assignee: 李铭\n"));
    let newcomer = ws.run(&["assign", &id, "赵国强"]);
    assert!(newcomer.status.success());
    assert!(String::from_utf8_lossy(&newcomer.stderr).contains("所列人员"));
}

#[test]
fn list_for_a_mistyped_assignee_suggests_the_listed_name() {
    let ws = office_with_handlers();
    ws.register(&["--assignee", "李明"]);
    let out = ws.run(&["list", "--assignee", "李铭", "--format", "ids"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("没有交由「李铭」承办的案件；是否想输入「李明」？"),
        "{said}"
    );
    // A listed name with no case, or one nothing like a listed one: silence.
    for name in ["王芳", "赵国强"] {
        let quiet = ws.run(&["list", "--assignee", name]);
        assert!(quiet.stderr.is_empty(), "{name}: {quiet:?}");
    }
}

#[test]
fn a_latin_handler_name_misspelt_is_refused_in_english_too() {
    let ws = Ws::tourism();
    ws.add_settings("handlers: [Wang Fang, Li Ming]\n");
    let id = ws.register(&[]);
    refused(
        &ws,
        &["assign", &id, "Li Mnig"],
        &["did you mean 'Li Ming'?", "--force"],
    );
}

const TWO_ROWS: &str = "\
external_ref,received,complainant.name,complainant.phone,respondent.name,category,title,assignee,contract_end
HOT-1,2026-11-02 09:30,张三,13800138000,桂林阳光旅行社,shopping,导游强迫购物,王芳,2026-10-30
HOT-2,2026-11-03 10:00,李四,13900139000,漓江游船,ticketing,退票,,
";

#[test]
fn import_assignee_owns_every_new_case_without_a_handler() {
    let ws = office_with_handlers();
    ws.write("batch.csv", TWO_ROWS);
    let doc = ws.json(&["import", "batch.csv", "--assignee", "李明"]);
    assert_eq!(doc["created"], 2, "{doc}");
    let ids: Vec<String> = doc["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let own = ws.json(&["show", &ids[0]]);
    assert_eq!(own["assignee"], "王芳", "the row's own handler stays");
    let given = ws.json(&["show", &ids[1]]);
    assert_eq!(given["assignee"], "李明", "{given}");
    let handover = given["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "assigned")
        .expect("the handover is recorded");
    assert_eq!(handover["to"], "李明");
    // The record stays whole: check finds nothing to say.
    ws.ok(&["check"]);
    let listed = ws.ok(&["list", "--assignee", "李明", "--format", "ids"]);
    assert_eq!(listed.trim(), ids[1]);
}

#[test]
fn import_assignee_is_checked_before_anything_is_read() {
    let ws = office_with_handlers();
    ws.write("batch.csv", TWO_ROWS);
    refused(
        &ws,
        &["import", "batch.csv", "--assignee", "李铭"],
        &["是否想输入「李明」", "handlers"],
    );
    refused(&ws, &["import", "batch.csv", "--assignee", "  "], &[]);
    // A name nobody listed is taken, with a warning in the report.
    let doc = ws.json(&["import", "batch.csv", "--assignee", "赵国强"]);
    let warnings = doc["warnings"].to_string();
    assert!(
        warnings.contains("「赵国强」不在 plaint.yaml 所列人员中"),
        "{warnings}"
    );
}

#[test]
fn import_warns_per_row_about_a_missing_contract_end_as_register_does() {
    let ws = Ws::tourism_zh();
    ws.write("batch.csv", TWO_ROWS);
    let out = ws.run(&["import", "batch.csv"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("第 3 行：没有合同结束日期：未核对 90 天的投诉期限"),
        "{said}"
    );
    assert!(!said.contains("第 2 行"), "row 2 has its date: {said}");
    // register says the same of a case without the date.
    let registered = ws.run(&Ws::register_args(&[]));
    assert!(String::from_utf8_lossy(&registered.stderr).contains("未核对 90 天的投诉期限"));
    // A large batch names the first ten rows and counts the rest.
    let mut big = String::from(TWO_ROWS.lines().next().unwrap());
    for i in 0..12 {
        big.push_str(&format!(
            "\nBIG-{i},2026-11-05 09:00,赵六,13600136000,阳朔酒店,accommodation,房间{i},,"
        ));
    }
    ws.write("big.csv", &big);
    let said = ws.run(&["import", "big.csv", "--dry-run"]);
    let said = String::from_utf8_lossy(&said.stderr);
    assert!(
        said.contains("第 2、3、4、5、6、7、8、9、10、11 行等共 12 行：没有合同结束日期"),
        "{said}"
    );
    // A repeated import skips the rows, silently.
    let again = ws.run(&["import", "batch.csv"]);
    assert!(!String::from_utf8_lossy(&again.stderr).contains("合同结束日期"));
}

/// The entries of the zip at `path`: name and modification time as
/// `YYYY-MM-DD HH:MM:SS`.
fn zip_times(path: &std::path::Path) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let t = entry.last_modified().expect("a time");
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            let at = format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            );
            (entry.name().to_string(), at)
        })
        .collect()
}

#[test]
fn dossier_zip_entries_carry_the_times_they_were_recorded() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let photo = ws.write("photo.jpg", "JPEGDATA");
    ws.ok_at(
        "2026-11-29 10:42:07",
        &["attach", &id, photo.to_str().unwrap()],
    );
    let outside = tempfile::tempdir().unwrap();
    let zip = outside.path().join("case.zip");
    ws.ok_at(
        "2026-11-29 16:05:30",
        &["dossier", &id, "--out", zip.to_str().unwrap()],
    );
    let times = zip_times(&zip);
    assert_eq!(times.len(), 2, "{times:?}");
    assert_eq!(
        times[0],
        ("index.html".to_string(), "2026-11-29 16:05:30".to_string())
    );
    assert!(times[1].0.ends_with("-photo.jpg"), "{times:?}");
    // The office's local time (+08:00), to zip's two seconds.
    assert_eq!(times[1].1, "2026-11-29 10:42:06", "{times:?}");
}

/// Runs plaint in `dir` (outside any workspace) with a Chinese locale.
fn outside(ws: &Ws, dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    ws.cmd()
        .current_dir(dir)
        .env("LANG", "zh_CN.UTF-8")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn no_read_command_outside_a_workspace_makes_the_default_one() {
    let ws = Ws::tourism();
    let elsewhere = tempfile::tempdir().unwrap();
    let default = ws.root().join(".home/data/plaint/workspace");
    let zip = elsewhere.path().join("d.zip");
    let reads: [&[&str]; 16] = [
        &["list"],
        &["show", "X"],
        &["summary"],
        &["report", "--period", "2026"],
        &["agenda"],
        &["explain", "X", "resolution"],
        &["check"],
        &["calendar", "show", "2026"],
        &["calendar", "between", "2026-12-01", "2026-12-10"],
        &["policy"],
        &["export"],
        &["dossier", "X", "--out", zip.to_str().unwrap()],
        &["notice", "X", "acceptance", "--draft"],
        &["complete", "states"],
        &["list", "--json"],
        &["git-setup"],
    ];
    for args in reads {
        let out = outside(&ws, elsewhere.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("工作区") && !said.contains("error:"),
            "{args:?}: {said}"
        );
        assert!(!default.exists(), "{args:?} made the default workspace");
    }
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn every_write_in_the_default_workspace_says_where_it_is_and_json_stays_whole() {
    let ws = Ws::tourism();
    let elsewhere = tempfile::tempdir().unwrap();
    let here = elsewhere.path();
    let default = ws.root().join(".home/data/plaint/workspace");
    let made = outside(
        &ws,
        here,
        &["register", "--title", "退票", "--anonymous", "--json"],
    );
    assert!(made.status.success(), "{made:?}");
    let doc: serde_json::Value = serde_json::from_slice(&made.stdout).expect("stdout is JSON");
    let id = doc["id"].as_str().unwrap().to_string();
    let said = String::from_utf8_lossy(&made.stderr);
    let created = format!("已在 {} 创建默认工作区", default.display());
    assert!(said.contains(&created), "{said}");
    assert!(default.join("plaint.yaml").is_file());
    // Every later write names it, in the workspace's language; reads do not.
    let used = format!("（默认工作区：{}）", default.display());
    for args in [
        vec!["note", &id, "回电"],
        vec!["note", &id, "再次回电", "--json"],
        vec!["check", "--fix"],
    ] {
        let out = outside(&ws, here, &args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(&used),
            "{args:?}: {out:?}"
        );
    }
    for args in [["list", "--json"], ["check", "--json"]] {
        let out = outside(&ws, here, &args);
        assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON");
    }
}

#[test]
fn demands_and_facts_taken_down_after_a_call_are_set_by_command() {
    let ws = Ws::tourism_zh();
    let id = ws.register_without(&["--demands", "--category"]);
    let before = ws.case_text(&id);
    let err = ws.fails(1, &["advance", &id, "已受理"]);
    assert!(
        err.contains("投诉请求（`plaint set 编号 demands 内容`）"),
        "{err}"
    );
    assert_eq!(ws.case_text(&id), before, "a refused step wrote");
    ws.ok(&["set", &id, "demands", "退还购物款3000元"]);
    ws.ok(&["set", &id, "facts", "导游带团进入玉器店，强迫购物"]);
    let case = ws.json(&["show", &id]);
    assert_eq!(case["demands"], "退还购物款3000元", "{case}");
    assert_eq!(case["facts"], "导游带团进入玉器店，强迫购物", "{case}");
    ws.ok(&["advance", &id, "已受理"]);
    // A case without a category is counted under （无）, as the report does.
    let summary = ws.ok(&["summary"]);
    assert!(summary.contains("（无）\t1"), "{summary}");
}
