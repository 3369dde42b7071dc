//! `--help`, `plaint help CMD` and clap's usage errors speak the language
//! of the line: Chinese in a `language: zh` workspace, or with a Chinese
//! locale and no workspace; English otherwise, as before.

use std::process::Output;

use crate::support::{Ws, plaint};

/// Runs `plaint ARGS` in `ws` at 100 columns.
fn run(ws: &Ws, args: &[&str]) -> Output {
    ws.cmd()
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("plaint runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// stdout of a help screen: exit 0, nothing on stderr.
#[track_caller]
fn help(ws: &Ws, args: &[&str]) -> String {
    let out = run(ws, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// stderr of a usage error: exit 2, nothing on stdout.
#[track_caller]
fn usage_error(ws: &Ws, args: &[&str]) -> String {
    let out = run(ws, args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?}: {}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
    text(&out.stderr)
}

#[test]
fn help_in_a_chinese_workspace_is_chinese() {
    let ws = Ws::tourism_zh();
    insta::assert_snapshot!("help_zh_top", help(&ws, &["--help"]));
    insta::assert_snapshot!("help_zh_register", help(&ws, &["register", "--help"]));
    insta::assert_snapshot!("help_zh_dossier", help(&ws, &["dossier", "-h"]));
    // `plaint help CMD` is `plaint CMD --help`.
    assert_eq!(
        help(&ws, &["help", "dossier"]),
        help(&ws, &["dossier", "--help"])
    );
    let calendar = help(&ws, &["help", "calendar", "add"]);
    assert!(calendar.contains("用法：plaint calendar add"), "{calendar}");
    assert!(calendar.contains("<日期>"), "{calendar}");
}

#[test]
fn a_missing_argument_is_told_in_chinese_with_exit_2() {
    let ws = Ws::tourism_zh();
    let said = usage_error(&ws, &["dossier", "--out", "x"]);
    assert!(said.contains("缺少必需的参数：<案件编号>"), "{said}");
    assert!(said.contains("用法：plaint dossier"), "{said}");
    assert!(said.contains("更多说明请加 --help 查看。"), "{said}");
    let said = usage_error(&ws, &["extend", "X", "accept"]);
    assert!(said.contains("--by <数量>"), "{said}");
    assert!(said.contains("--reason <理由>"), "{said}");
    assert!(!said.contains("required"), "{said}");
}

#[test]
fn an_unknown_flag_is_told_in_chinese_with_the_similar_one() {
    let ws = Ws::tourism_zh();
    let said = usage_error(&ws, &["list", "--statsu", "accepted"]);
    assert!(said.contains("无法识别的参数「--statsu」"), "{said}");
    assert!(said.contains("提示：有相近的参数「--status」"), "{said}");
    let said = usage_error(&ws, &["lsit"]);
    assert!(said.contains("没有「lsit」这个命令"), "{said}");
    assert!(
        said.contains("提示：有相近的命令「set」、「list」"),
        "{said}"
    );
}

#[test]
fn an_invalid_value_is_told_in_chinese_with_the_possible_ones() {
    let ws = Ws::tourism_zh();
    let said = usage_error(&ws, &["list", "--format", "xml"]);
    assert!(
        said.contains("「xml」不是「--format <格式>」的有效取值；可选值：table、json、csv、ids"),
        "{said}"
    );
    let said = usage_error(&ws, &["list", "--format"]);
    assert!(said.contains("「--format <格式>」需要一个值"), "{said}");
    let said = usage_error(&ws, &["show", "A", "B"]);
    assert!(said.contains("无法识别的参数「B」"), "{said}");
    let said = usage_error(&ws, &["calendar"]);
    assert!(said.contains("用法：plaint calendar"), "{said}");
    assert!(said.contains("命令："), "{said}");
    let said = usage_error(&ws, &["calendar", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(said.trim()).expect("one JSON document");
    assert_eq!(
        doc["error"]["message"],
        "「plaint calendar」后面还需要写明子命令：add、between、show、is-workday、import、help"
    );
}

#[test]
fn a_chinese_usage_error_with_json_is_one_error_document() {
    let ws = Ws::tourism_zh();
    let said = usage_error(&ws, &["list", "--json", "--statsu", "x"]);
    let doc: serde_json::Value = serde_json::from_str(said.trim()).expect("one JSON document");
    assert_eq!(doc["error"]["code"], "usage");
    assert_eq!(
        doc["error"]["message"],
        "无法识别的参数「--statsu」；提示：有相近的参数「--status」"
    );
}

#[test]
fn an_english_workspace_keeps_claps_english() {
    let ws = Ws::tourism();
    let top = help(&ws, &["--help"]);
    assert!(top.contains("Usage: plaint [OPTIONS] <COMMAND>"), "{top}");
    assert!(
        top.contains("Commands:") && top.contains("Options:"),
        "{top}"
    );
    let said = usage_error(&ws, &["list", "--statsu", "x"]);
    assert!(
        said.contains("unexpected argument '--statsu' found"),
        "{said}"
    );
    assert!(
        said.contains("tip: a similar argument exists: '--status'"),
        "{said}"
    );
    let said = usage_error(&ws, &["dossier", "--out", "x"]);
    assert!(
        said.contains("the following required arguments were not provided"),
        "{said}"
    );
}

#[test]
fn a_chinese_locale_without_a_workspace_gives_chinese_help() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |lang: &str, args: &[&str]| {
        plaint(dir.path(), &dir.path().join(".home"))
            .env("LANG", lang)
            .env("COLUMNS", "100")
            .args(args)
            .output()
            .expect("plaint runs")
    };
    let out = run("zh_CN.UTF-8", &["list", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let said = text(&out.stdout);
    assert!(said.contains("用法：plaint list [选项]"), "{said}");
    assert!(said.contains("列出案件，可筛选"), "{said}");
    let out = run("zh_CN.UTF-8", &["list", "--statsu"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("无法识别的参数「--statsu」"));
    let out = run("C.UTF-8", &["list", "--help"]);
    assert!(text(&out.stdout).contains("Usage: plaint list [OPTIONS]"));
    // No workspace was created by asking for help.
    assert!(!dir.path().join(".home/data/plaint").exists());
}

#[test]
fn the_workspace_named_by_dash_c_decides_the_language() {
    let zh = Ws::tourism_zh();
    let en = Ws::tourism();
    let dir = zh.root().display().to_string();
    let said = usage_error(&en, &["-C", &dir, "list", "--statsu"]);
    assert!(said.contains("无法识别的参数"), "{said}");
    let dir = en.root().display().to_string();
    let said = usage_error(&zh, &["list", "--statsu", "--workspace", &dir]);
    assert!(said.contains("unexpected argument"), "{said}");
}

#[test]
fn the_version_the_man_page_and_completions_stay_english() {
    let ws = Ws::tourism_zh();
    let version = help(&ws, &["--version"]);
    assert!(version.starts_with("plaint "), "{version}");
    let man = ws.ok(&["man"]);
    assert!(
        man.contains("complaint cases as YAML files"),
        "{}",
        &man[..200]
    );
    let bash = ws.ok(&["completions", "bash"]);
    assert!(bash.contains("--workspace"));
}
