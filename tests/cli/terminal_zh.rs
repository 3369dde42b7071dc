//! The terminal in Chinese: tables on a real colour terminal of several
//! widths, a zh workspace that answers in zh, codes typed as their labels.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

use crate::support::Ws;

/// `text` without ANSI escape sequences (CSI and OSC) and carriage returns.
fn strip_terminal(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    for c in chars.by_ref() {
                        if c == '\u{7}' {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs plaint with `args` on a pseudo-terminal `width` columns wide (via
/// `script`), colour on; returns what the terminal received, or `None`
/// when `script` is not installed.
fn on_terminal(ws: &Ws, width: usize, args: &str) -> Option<String> {
    let plaint = env!("CARGO_BIN_EXE_plaint");
    let line = format!("stty cols {width} rows 60; '{plaint}' {args} 2>/dev/null");
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(ws.root())
        .env_remove("NO_COLOR")
        .env_remove("PLAINT_WORKSPACE")
        .env_remove("PLAINT_TODAY")
        .env("TERM", "xterm-256color")
        .env("PLAINT_USER", "tester")
        .env("PLAINT_NOW", "2026-11-27 10:00")
        .env("HOME", ws.root().join(".home"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn list_on_a_colour_terminal_fits_80_100_and_160_columns_without_escape_fragments() {
    let ws = Ws::example("tourism");
    for width in [80, 100, 160] {
        let Some(raw) = on_terminal(&ws, width, "list --today 2026-11-27") else {
            eprintln!("`script` is not installed; terminal rendering not tested");
            return;
        };
        assert!(raw.contains("\u{1b}["), "colour is on at {width}:\n{raw}");
        let screen = strip_terminal(&raw);
        assert!(
            !screen.contains("0m"),
            "escape fragments at {width}:\n{screen}"
        );
        let widths: Vec<usize> = screen.lines().map(UnicodeWidthStr::width).collect();
        assert!(
            widths.iter().all(|&w| w == widths[0] && w <= width),
            "lines of different widths at {width}: {widths:?}\n{screen}"
        );
        for id in ["20261109-8C282", "20261117-KKDVB"] {
            assert!(screen.contains(id), "{id} whole at {width}:\n{screen}");
        }
        insta::assert_snapshot!(format!("list_terminal_{width}"), screen);
    }
}

#[test]
fn report_on_a_colour_terminal_keeps_headers_short_and_defines_them_under_the_table() {
    let ws = Ws::example("tourism");
    for by in ["category", "respondent"] {
        for width in [80, 100, 160] {
            let args = format!("report --period 2026 --by {by} --today 2026-11-27");
            let Some(raw) = on_terminal(&ws, width, &args) else {
                eprintln!("`script` is not installed; terminal rendering not tested");
                return;
            };
            // Colour is on (a report has no alarm rows to paint; block
            // row names are bold): no escape fragment is left behind.
            let screen = strip_terminal(&raw);
            assert!(
                !screen.contains("0m"),
                "escape fragments at {width}:\n{screen}"
            );
            assert!(
                screen.lines().all(|l| l.width() <= width),
                "a line wider than {width}:\n{screen}"
            );
            // No header stands more than two lines tall: the long
            // definitions are under the table, once.
            let mut tall = 0;
            for line in screen.lines() {
                if line.starts_with('┌') {
                    tall = 0;
                } else if line.starts_with('╞') {
                    assert!(
                        tall <= 2,
                        "a header {tall} lines tall at {width}:\n{screen}"
                    );
                } else {
                    tall += 1;
                }
            }
            assert!(
                !screen.contains("按时率 = 按时 ÷ (按时 + 超时 + 逾期未办) ┆"),
                "{screen}"
            );
            assert!(
                screen.contains("\n按时率 = 按时 ÷ (按时 + 超时 + 逾期未办)\n"),
                "{screen}"
            );
            assert!(
                screen.contains("\n用时中位数 = 办结用时中位数（工作日）\n"),
                "{screen}"
            );
            insta::assert_snapshot!(format!("report_by_{by}_terminal_{width}"), screen);
        }
    }
}

/// Words of three or more Latin letters in `text`, but for the command and
/// file names a message may quote.
fn english_words(text: &str) -> Vec<String> {
    const QUOTED: [&str; 10] = [
        "plaint", "show", "list", "format", "ids", "yaml", "assume", "weekends", "calendar",
        "import",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !QUOTED.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_zh_workspace_answers_a_whole_case_lifecycle_in_zh() {
    let ws = Ws::tourism_zh();
    let register = Ws::register_args(&["--facts", "导游带团进入玉器店"]);
    let out = ws
        .cmd()
        .env("PLAINT_USER", "王芳")
        .args(&register)
        .output()
        .unwrap();
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let now = "2026-11-03 10:00";
    let steps: Vec<Vec<&str>> = vec![
        vec!["advance", &id, "accepted", "--note", "材料齐全"],
        vec!["mark", &id, "respondent-notified"],
        vec!["assign", &id, "李明"],
        vec!["advance", &id, "investigating"],
        vec!["advance", &id, "suspended", "--note", "等待鉴定"],
        vec!["advance", &id, "investigating"],
        vec![
            "extend",
            &id,
            "resolution",
            "--by",
            "10",
            "--unit",
            "days",
            "--reason",
            "需补充材料",
            // The tourism preset's limits allow no extension: an override.
            "--force",
        ],
        vec!["note", &id, "电话联系投诉人"],
        vec!["explain", &id, "resolution"],
        vec!["explain", &id, "acceptance"],
        vec!["advance", &id, "resolved", "--outcome", "mediated"],
        vec!["followup", &id, "--satisfaction", "satisfied"],
        vec!["advance", &id, "closed"],
        vec!["show", &id],
        vec!["list", "--all"],
        vec!["calendar", "show", "2026"],
        vec!["calendar", "is-workday", "2026-10-10"],
    ];
    let mut seen = String::new();
    for args in &steps {
        let out = ws
            .cmd()
            .env("PLAINT_NOW", now)
            .env("PLAINT_USER", "王芳")
            .args(args)
            .args(["--today", "2026-11-20"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        seen.push_str(&String::from_utf8_lossy(&out.stdout));
        seen.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    for (args, code) in [
        (vec!["advance", id.as_str(), "accepted"], 1),
        (vec!["show", "9999"], 1),
    ] {
        seen.push_str(&ws.fails(code, &args));
    }
    let words = english_words(&seen.replace(&id, ""));
    assert!(
        words.is_empty(),
        "English in a zh workspace: {words:?}\n{seen}"
    );
    for expected in [
        "现为已受理",
        "已交由 李明 承办",
        "已记录回访（满意）",
        "调休上班",
        "国庆节",
        "周六",
    ] {
        assert!(seen.contains(expected), "{expected:?} missing:\n{seen}");
    }
}

#[test]
fn the_coverage_warning_comes_once_with_the_count_and_plaint_yaml_can_acknowledge_the_year() {
    let ws = Ws::tourism();
    for _ in 0..3 {
        let id = ws.register(&["--received", "2026-11-20 09:00"]);
        ws.ok_at("2026-11-20 10:00", &["advance", &id, "accepted"]);
    }
    // The JSON shows every deadline; the table only the next one due.
    let out = ws
        .cmd()
        .args(["list", "--format", "json", "--today", "2026-11-27"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("does not cover").count(), 1, "{err}");
    assert!(err.contains("3 deadline(s)"), "{err}");
    let id = ws.ok(&["list", "--format", "ids"]);
    let id = id.lines().next().unwrap();
    let shown = ws.ok(&["show", id, "--today", "2026-11-27"]);
    assert!(shown.contains("2027-01-19?"), "{shown}");
    let listed = ws.json(&["list", "--today", "2026-11-27"]);
    let resolution = listed[0]["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "resolution")
        .unwrap();
    assert_eq!(resolution["provisional"], true);

    ws.add_settings("assume_weekends: [2027]\n");
    let out = ws
        .cmd()
        .args(["list", "--format", "json", "--today", "2026-11-27"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("does not cover"), "acknowledged, yet: {err}");
    let shown = ws.ok(&["show", id, "--today", "2026-11-27"]);
    assert!(shown.contains("2027-01-19?"), "still provisional: {shown}");
}

#[test]
fn the_readme_tour_runs_in_a_zh_workspace_typing_chinese_codes() {
    let ws = Ws::tourism_zh();
    let now = "2026-11-29 10:15";
    let at = |args: &[&str]| ws.ok_at(now, args);
    let id = at(&[
        "register",
        "--channel",
        "电话",
        "--title",
        "导游强迫购物",
        "--complainant",
        "张三",
        "--phone",
        "13800138000",
        "--respondent",
        "桂林阳光旅行社",
        "--category",
        "强迫购物",
        "--priority",
        "重要",
        "--demands",
        "退还购物款 3000 元",
        "--contract-end",
        "2026-11-22",
    ]);
    let id = id.trim();
    for args in [
        vec!["advance", id, "已受理", "--note", "材料齐全"],
        vec!["mark", id, "已通知被投诉人"],
        vec!["assign", id, "李明"],
        vec!["advance", id, "调查中"],
        vec!["advance", id, "已中止", "--note", "等待鉴定"],
        vec!["advance", id, "调查中"],
        vec!["advance", id, "已办结", "--outcome", "达成调解协议"],
        vec!["followup", id, "--satisfaction", "满意"],
        vec!["advance", id, "已结案"],
    ] {
        at(&args);
    }
    let case = ws.json(&["show", id]);
    assert_eq!(case["channel"], "phone");
    assert_eq!(case["category"], "shopping");
    assert_eq!(case["priority"], "important");
    assert_eq!(case["status"], "closed");
    assert_eq!(case["outcome"], "mediated");
    assert_eq!(case["satisfaction"], "satisfied");
    let listed = ws.ok(&[
        "list",
        "--status",
        "已结案",
        "--category",
        "强迫购物",
        "--format",
        "ids",
    ]);
    assert_eq!(listed.trim(), id);

    let other = at(&Ws::register_args(&["--received", "2026-11-29 09:00"]));
    at(&[
        "advance",
        other.trim(),
        "不予受理",
        "--reason",
        "不符合第十条规定的条件",
    ]);
    assert_eq!(ws.json(&["show", other.trim()])["status"], "rejected");
}

#[test]
fn a_mistyped_code_exits_2_with_a_did_you_mean() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let err = ws.fails(2, &["advance", &id, "acepted"]);
    assert!(err.contains("did you mean 'accepted'?"), "{err}");
    let err = ws.fails(2, &["register", "--channel", "phnoe"]);
    assert!(err.contains("did you mean 'phone'?"), "{err}");
    let err = ws.fails(2, &["list", "--status", "closd"]);
    assert!(err.contains("did you mean 'closed'?"), "{err}");
}

#[test]
fn a_mistyped_chinese_label_suggests_the_label_in_a_zh_workspace() {
    let ws = Ws::tourism_zh();
    let register = |channel: &str| {
        ws.fails(
            2,
            &[
                "register",
                "--title",
                "导游强迫购物",
                "--complainant",
                "张三",
                "--channel",
                channel,
            ],
        )
    };
    // A homophone typed by the input method, and a Latin typo.
    for typed in ["电化", "phnoe"] {
        let err = register(typed);
        assert!(
            err.trim_end().ends_with("；是否想输入「电话」（phone）？"),
            "{err}"
        );
        assert!(err.contains("电话（phone）、信函（letter）"), "{err}");
    }
    // A short form of one label is taken as that label (已结 → 已结案);
    // one that fits several is asked about.
    ws.ok(&["list", "--status", "已结"]);
    let err = ws.fails(2, &["list", "--status", "已"]);
    assert!(err.contains("未知的"), "{err}");
    let err = ws.fails(2, &["list", "--status", "调中"]);
    assert!(err.contains("与多个"), "{err}");
    // Nothing alike: no suggestion.
    let err = register("微信");
    assert!(!err.contains("是否想输入"), "{err}");
}

#[test]
fn an_import_takes_codes_as_their_chinese_labels() {
    let ws = Ws::tourism_zh();
    ws.write(
        "batch.yaml",
        "- received: 2026-11-02 09:00\n  title: 住宿投诉\n  channel: 热线\n  category: 住宿\n  \
         status: 已受理\n  complainants: [{name: 李四}]\n  respondent: {name: 某酒店}\n  demands: 退款\n",
    );
    ws.ok_at("2026-11-03 10:00", &["import", "batch.yaml"]);
    let cases = ws.json(&["list", "--all"]);
    assert_eq!(cases[0]["status"], "accepted");
    assert_eq!(cases[0]["channel"], "hotline");
    assert_eq!(cases[0]["category"], "accommodation");
}

#[test]
fn an_ambiguous_prefix_lists_at_most_ten_candidates_and_the_count() {
    let ws = Ws::tourism();
    for _ in 0..12 {
        ws.register(&[]);
    }
    let err = ws.fails(1, &["show", "2026"]);
    assert!(err.contains("matches 12 cases"), "{err}");
    assert!(err.contains("and 2 more"), "{err}");
    assert_eq!(err.matches("20261102-").count(), 10, "{err}");
}

#[test]
fn completion_scripts_are_printed_for_every_shell_and_bash_completes_case_ids() {
    let ws = Ws::tourism();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = ws.ok(&["completions", shell]);
        assert!(script.len() > 1000 && script.contains("advance"), "{shell}");
    }
    let bash = ws.ok(&["completions", "bash"]);
    assert!(bash.contains("plaint list --all --format ids"), "{bash}");
    ws.fails(2, &["completions", "tcsh"]);
}

#[test]
fn the_man_page_is_roff_that_man_reads() {
    let ws = Ws::tourism();
    let page = ws.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH plaint"),
        "{page}"
    );
    // `man` renders the page with the machine's real clock: a run of the
    // suite under faketime shifts only plaint's (its preload breaks man's
    // pipeline of helper programs).
    let Ok(mut man) = Command::new("man")
        .args(["-l", "-"])
        .env_remove("LD_PRELOAD")
        .env_remove("FAKETIME")
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("`man` is not installed; the page was not rendered");
        return;
    };
    use std::io::Write as _;
    man.stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = man.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("NAME") && text.contains("advance"), "{text}");
}

#[test]
fn a_reply_rule_is_not_met_when_the_case_is_resolved_without_the_reply() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let now = "2026-11-03 10:00";
    ws.ok_at(now, &["advance", &id, "accepted"]);
    ws.ok_at(now, &["mark", &id, "respondent-notified"]);
    ws.ok_at(now, &["advance", &id, "investigating"]);
    ws.ok_at(now, &["advance", &id, "resolved", "--outcome", "mediated"]);
    let case = ws.json(&["show", &id, "--today", "2026-11-20"]);
    let state = |rule: &str| {
        case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == rule)
            .map(|d| d["state"].clone())
            .unwrap()
    };
    assert_eq!(state("respondent-reply"), "ended");
    assert_eq!(state("resolution"), "met");
    assert_eq!(state("notify-respondent"), "met");
}

#[test]
fn a_joint_complaint_names_its_representatives_at_registration_and_lists_as_one_name_and_a_count() {
    let ws = Ws::tourism_zh();
    let mut args = vec![];
    for name in ["张三", "李四", "王五", "赵六", "钱七"] {
        args.extend(["--complainant", name]);
    }
    let out = ws.cmd().args(Ws::register_args(&args)).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("未指定代表人"), "{err}");
    let first = ws.ok(&["list", "--format", "ids"]);
    assert!(ws.ok(&["list"]).contains("张三 等6人"), "{first}");
    // register_args names 张三 first, so 李四 is at position 2.
    args.extend(["--representative", "李四", "--representative", "3"]);
    let id = ws.register(&args);
    let case = ws.json(&["show", &id]);
    assert_eq!(case["representatives"], serde_json::json!([2, 3]));
    let listed = ws.ok(&["list"]);
    assert!(listed.contains("李四 等6人"), "{listed}");
    ws.fails(2, &Ws::register_args(&["--representative", "周八"]));
}

#[test]
fn markdown_report_headings_go_down_one_level_at_a_time() {
    let ws = Ws::example("tourism");
    let md = ws.ok(&[
        "report",
        "--period",
        "2026-Q4",
        "--format",
        "md",
        "--today",
        "2026-11-27",
    ]);
    let levels: Vec<usize> = md
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.chars().take_while(|&c| c == '#').count())
        .collect();
    assert_eq!(levels.first(), Some(&1), "{md}");
    assert!(
        levels.windows(2).all(|w| w[1] <= w[0] + 1),
        "{levels:?}\n{md}"
    );
}

#[test]
fn a_csv_with_chinese_headers_and_labels_imports_without_a_map() {
    let ws = Ws::tourism_zh();
    ws.write(
        "热线.csv",
        "外部编号,登记时间,投诉人,联系电话,被投诉单位,类别,渠道,状态,投诉请求\n\
         HOT-1,2026-11-02 09:00,张三,13800138000,桂林阳光旅行社,强迫购物,热线,已受理,退款\n",
    );
    ws.ok_at("2026-11-03 10:00", &["import", "热线.csv"]);
    let case = &ws.json(&["list", "--all"])[0];
    assert_eq!(case["external_ref"], "HOT-1");
    assert_eq!(case["complainants"][0]["phone"], "13800138000");
    assert_eq!(case["respondent"]["name"], "桂林阳光旅行社");
    assert_eq!(case["category"], "shopping");
    assert_eq!(case["channel"], "hotline");
    assert_eq!(case["status"], "accepted");
}

#[test]
fn report_csv_with_out_writes_every_section_of_the_markdown_report() {
    let ws = Ws::example("tourism");
    let args = ["report", "--period", "2026-Q3", "--today", "2026-11-27"];
    let md = ws.ok(&[&args[..], &["--format", "md"]].concat());
    let sections = md.lines().filter(|l| l.starts_with("## ")).count();
    let listed = ws.ok(&[&args[..], &["--format", "csv", "--out", "q3"]].concat());
    let files: Vec<&str> = listed.lines().collect();
    assert_eq!(files.len(), sections, "{listed}\n{md}");
    assert!(files[0].ends_with("01-受理情况.csv"), "{listed}");
    for file in files {
        let text = std::fs::read_to_string(ws.root().join(file)).unwrap();
        assert!(text.lines().count() >= 2, "{file}: {text}");
    }
    ws.fails(2, &[&args[..], &["--format", "md", "--out", "q3"]].concat());
}

#[test]
fn edit_after_a_refused_edit_offers_the_kept_copy() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let breaker = ws.write("break.sh", "printf 'not: [valid\\n' >> \"$1\"\n");
    let out = ws
        .cmd()
        .env("EDITOR", format!("sh {}", breaker.display()))
        .args(["edit", &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the broken edit is refused");
    let looker = ws.write("look.sh", "cp \"$1\" opened.yaml\n");
    let plaint = env!("CARGO_BIN_EXE_plaint");
    let line = format!("EDITOR='sh {}' '{plaint}' edit {id}", looker.display());
    // The question needs a terminal on stdin: run inside `script`, which
    // passes its own stdin (the answer) through the pseudo-terminal.
    let child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .current_dir(ws.root())
        .env("PLAINT_USER", "tester")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("`script` is not installed; the question was not tested");
        return;
    };
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(b"y\n").unwrap();
    let screen = String::from_utf8_lossy(&child.wait_with_output().unwrap().stdout).into_owned();
    assert!(
        screen.contains("resume your edited copy? [Y/n]"),
        "{screen}"
    );
    let opened = std::fs::read_to_string(ws.root().join("opened.yaml")).unwrap();
    assert!(
        opened.contains("not: [valid"),
        "the kept copy was reopened: {opened}"
    );
}

/// `text` without what a Chinese message quotes verbatim: `commands`,
/// --flags, file names and paths, codes in parentheses after their labels
/// (`达成调解协议（mediated）`) and field names (`字段 received`).
fn without_quoted(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    let mut kept = String::new();
    let mut in_code = false;
    for c in out.chars() {
        match c {
            '（' => {
                in_code = true;
                kept.push(c);
            }
            '）' => in_code = false,
            c if in_code && c.is_ascii() => {}
            c => {
                in_code = false;
                kept.push(c);
            }
        }
    }
    kept.split(|c: char| c.is_whitespace() || "：，；、「」".contains(c))
        .filter(|w| !w.starts_with("--") && !w.contains(['.', '/', '|', '_', '-']))
        .collect::<Vec<_>>()
        .join(" ")
        .replace("字段 ", "字段")
        .split(' ')
        .filter(|w| !w.starts_with("字段"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_zh_workspace_says_its_errors_imports_checks_and_reports_in_zh() {
    let ws = Ws::tourism_zh();
    let now = "2026-11-03 10:00";
    let mut seen = String::new();
    let mut run = |args: &[&str], code: i32| {
        let out = ws
            .cmd()
            .env("PLAINT_NOW", now)
            .env("PLAINT_USER", "王芳")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        seen.push_str(&String::from_utf8_lossy(&out.stdout));
        seen.push_str(&String::from_utf8_lossy(&out.stderr));
    };
    // A complaint phoned in, typed with Chinese codes; then the mistakes
    // an officer makes at intake.
    let register = Ws::register_args(&["--channel", "电话", "--category", "强迫购物"]);
    run(&register, 0);
    let id = ws.ok(&["list", "--format", "ids"]).trim().to_string();
    run(&["register", "--channel", "电话", "--title", "缺投诉人"], 1);
    run(
        &[
            "register",
            "--complainant",
            "李四",
            "--received",
            "2026-13-01",
        ],
        1,
    );
    run(
        &[
            "register",
            "--complainant",
            "李四",
            "--title",
            "x",
            "--received",
            "2027-01-01",
        ],
        1,
    );
    run(&["register"], 1);
    run(&["list"], 0);
    run(&["list", "--due-within", "3"], 0);
    run(&["show", &id], 0);
    run(&["advance", &id, "已受理", "--note", "材料齐全"], 0);
    run(&["advance", &id, "已结案"], 1);
    run(&["advance", &id, "调查中", "--at", "2027-01-01"], 1);
    run(&["mark", &id, "已通知被投诉人"], 0);
    run(&["mark", &id, "已通知被投诉人"], 0);
    run(&["mark", &id, "promise-kept"], 1);
    run(&["assign", &id, " "], 1);
    run(&["assign", &id, "李明"], 0);
    run(&["assign", &id, "李明"], 0);
    run(&["note", &id, " "], 1);
    run(&["followup", &id, "--satisfaction", "满意"], 1);
    run(&["promise", &id, "2026-11-01"], 1);
    run(&["promise", &id, "2026-11-44"], 1);
    run(&["notice", &id, "受理通知"], 2);
    run(&["notice", &id, "不存在的文书"], 2);
    run(&["notice", &id, "acceptance", "--served", "2027-01-01"], 1);
    run(&["advance", &id, "调查中"], 0);
    run(&["advance", &id, "已中止", "--note", "等待鉴定"], 0);
    run(&["advance", &id, "已中止"], 1);
    run(&["advance", &id, "调查中"], 0);
    run(
        &["extend", &id, "办结", "--by", "10", "--reason", "补充材料"],
        1,
    );
    run(
        &["extend", &id, "办结", "--by", "0", "--reason", "补充材料"],
        1,
    );
    run(
        &["extend", &id, "办结", "--by", "十", "--reason", "补充材料"],
        1,
    );
    run(&["extend", &id, "办结", "--by", "5", "--reason", " "], 1);
    run(&["explain", &id, "办结"], 0);
    run(&["dossier", &id, "--out", "案卷"], 0);
    run(&["dossier", &id, "--out", "案卷"], 1);
    run(&["advance", &id, "已办结"], 1);
    run(&["advance", &id, "已办结", "--outcome", "调解成功"], 2);
    run(&["advance", &id, "已办结", "--outcome", "达成调解协议"], 0);
    run(&["followup", &id, "--satisfaction", "满意"], 0);
    run(&["advance", &id, "已结案"], 0);
    run(&["mark", &id, "已通知被投诉人"], 1);
    run(&["show", &id], 0);
    run(&["summary"], 0);
    run(&["report", "--period", "2026-Q4"], 0);
    run(&["report", "--period", "2026-Q9"], 1);
    run(&["report", "--period", "2026-Q4", "--format", "xx"], 1);
    run(&["report", "--period", "2026-Q4", "--by", "xx"], 1);
    run(&["check"], 0);
    // Import: the export re-imported (skipped), then broken batches.
    let csv = ws.ok(&["export", "--format", "csv"]);
    ws.write("导出.csv", &csv);
    run(&["import", "导出.csv", "--dry-run"], 0);
    run(&["import", "导出.csv"], 0);
    ws.write("坏.csv", "received,title,多余\n2026-11-02,t,1\n");
    run(&["import", "坏.csv"], 1);
    ws.write("缺列.csv", "title\nx\n");
    run(&["import", "缺列.csv"], 1);
    run(&["import", "不存在.csv"], 1);
    ws.write("名单.txt", "x");
    run(&["import", "名单.txt"], 1);
    // Limits, and the lock another command holds.
    ws.write("cases/多余.txt", "x");
    run(&["check"], 3);
    let long = ws
        .cmd()
        .args(["note", &id, "-"])
        .write_stdin("长".repeat(100_000))
        .output()
        .unwrap();
    assert_eq!(long.status.code(), Some(1));
    seen.push_str(&String::from_utf8_lossy(&long.stderr));

    // Codes and names a message quotes as they are typed: date forms,
    // formats, `--by` values, the preset; clap's usage line stays English.
    const TYPED: [&str; 17] = [
        "KiB",
        "YYYY",
        "RFC",
        "table",
        "html",
        "csv",
        "json",
        "category",
        "respondent",
        "department",
        "assignee",
        "type",
        "cause",
        "receiving",
        "channel",
        "outcome",
        "tourism",
    ];
    let human: String = seen
        .replace(&id, "")
        .lines()
        .filter(|l| !l.starts_with("Usage:"))
        .collect::<Vec<_>>()
        .join("\n");
    let words: Vec<String> = english_words(&without_quoted(&human))
        .into_iter()
        .filter(|w| !TYPED.contains(&w.as_str()))
        .collect();
    assert!(
        words.is_empty(),
        "English in a zh workspace: {words:?}\n{seen}"
    );
    for expected in [
        "案件未登记",
        "新建 0 件，更新 0 件，跳过 1 件",
        "未知的列",
        "发现 1 个问题",
        "多余的文件",
        "不存在",
        "已由 李明 承办",
        "未知的办理结果",
    ] {
        assert!(seen.contains(expected), "{expected:?} missing:\n{seen}");
    }
}

#[test]
fn a_zh_workspace_says_a_lock_timeout_in_zh() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let lock = ws.root().join(".plaint").join("lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&lock)
        .unwrap();
    held.lock().unwrap();
    let err = ws.fails(1, &["--lock-timeout", "0.2", "note", &id, "电话联系"]);
    assert!(err.contains("等待 0.2 秒后放弃"), "{err}");
    assert!(english_words(&without_quoted(&err)).is_empty(), "{err}");
}

#[test]
fn check_names_a_damaged_history_in_zh() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let path = ws.case_path(&id);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("status: received", "status: closed")).unwrap();
    let err = ws.cmd().arg("check").output().unwrap();
    assert_eq!(err.status.code(), Some(3));
    let seen =
        String::from_utf8_lossy(&err.stdout).into_owned() + &String::from_utf8_lossy(&err.stderr);
    assert!(seen.contains("状态以处理记录为准"), "{seen}");
    let words = english_words(&without_quoted(&seen));
    assert!(
        words.is_empty(),
        "English in a zh workspace: {words:?}\n{seen}"
    );
}

#[test]
fn a_bad_case_id_and_a_refused_on_the_spot_resolution_are_said_in_zh() {
    let ws = Ws::tourism_zh();
    let err = ws.fails(1, &["show", "2026/../x"]);
    assert!(err.contains("不是案件编号"), "{err}");
    let err = ws.fails(1, &["show", "20261102-K9QV5-EXTRA"]);
    assert!(err.contains("不是案件编号"), "{err}");
    let id = ws.ok(&[
        "register",
        "--title",
        "导游强迫购物",
        "--complainant",
        "张三",
        "--category",
        "强迫购物",
        "--contract-end",
        "2026-11-01",
        "--received",
        "2026-11-02 09:30",
    ]);
    let id = id.trim();
    let err = ws.fails(1, &["advance", id, "closed", "--on-the-spot"]);
    assert!(err.contains("不能当场"), "{err}");
    assert!(
        err.contains("当场处理时，已登记的案件可转为：已办结"),
        "{err}"
    );
    assert!(english_words(&err.replace(id, "")).is_empty(), "{err}");
}

#[test]
fn a_broken_plaint_yaml_in_a_zh_workspace_is_refused_in_zh() {
    let ws = Ws::tourism_zh();
    ws.edit_settings("preset: tourism", "preset: [");
    let err = ws.fails(1, &["list"]);
    assert!(err.starts_with("错误: 设置文件有误："), "{err}");
    assert!(err.contains("plaint.yaml"), "{err}");
    let out = ws.run(&["list", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.starts_with("设置文件有误："), "{doc}");
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("plaint.yaml: preset：类型不对：应为字符串，实为列表"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("发现 1 个问题"));

    // An English workspace keeps the message as it was.
    let en = Ws::tourism();
    en.write("plaint.yaml", "preset: nosuch\n");
    let err = en.fails(1, &["list"]);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("unknown preset 'nosuch'"), "{err}");
}

#[test]
fn a_record_without_title_or_facts_is_refused_without_naming_a_field() {
    let ws = Ws::tourism_zh();
    let err = ws.fails(1, &["register", "--complainant", "张三"]);
    assert_eq!(
        err.trim_end(),
        "错误: 案件未登记：新案件需要标题或事实与理由（--title、--facts）"
    );
}

#[test]
fn a_zh_dossier_reads_in_chinese_throughout() {
    let ws = Ws::tourism_zh();
    ws.add_settings("office:\n  name: 桂林市文化广电和旅游局\n");
    let id = ws.register(&["--facts", "导游带团进入玉器店"]);
    let now = "2026-11-03 10:00";
    let evidence = tempfile::tempdir().unwrap();
    let photo = evidence.path().join("现场照片.jpg");
    std::fs::write(&photo, "JPEG").unwrap();
    for step in [
        vec![
            "advance",
            &id,
            "accepted",
            "--note",
            "材料齐全",
            "--as",
            "王芳",
        ],
        vec!["notice", &id, "acceptance"],
        vec!["attach", &id, photo.to_str().unwrap()],
        vec!["mark", &id, "respondent-notified"],
        vec!["advance", &id, "investigating"],
        vec!["advance", &id, "suspended", "--reason", "等待鉴定结论"],
        vec!["advance", &id, "investigating"],
        vec!["promise", &id, "2026-11-20"],
        vec!["set", &id, "agreement", "退还购物款"],
        vec!["advance", &id, "resolved", "--outcome", "mediated"],
        vec!["followup", &id, "--satisfaction", "基本满意"],
    ] {
        ws.ok_at(now, &step);
    }
    let out = evidence.path().join("dossier");
    ws.ok_at(now, &["dossier", &id, "--out", out.to_str().unwrap()]);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("桂林市文化广电和旅游局"),
        "the office signs it"
    );
    // Only what is in the page's text counts: tags, names of files and the
    // hashes are not words a reader reads.
    let text: String = {
        let mut inside = false;
        let after_style = page.split("</style>").last().unwrap_or(&page);
        after_style
            .chars()
            .filter(|c| match c {
                '<' => {
                    inside = true;
                    false
                }
                '>' => {
                    inside = false;
                    false
                }
                _ => !inside,
            })
            .collect()
    };
    let body = text;
    let words: Vec<String> = english_words(&body)
        .into_iter()
        .filter(|w| {
            ![
                "notices",
                "attachments",
                "html",
                "jpg",
                "SHA",
                "acceptance",
                "tester",
            ]
            .contains(&w.as_str())
        })
        .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit()))
        // IDs, document tokens (upper case) and a file name run into its hash.
        .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
        .filter(|w| !(w.starts_with("html") || w.starts_with("jpg")))
        .collect();
    assert_eq!(words, Vec::<String>::new(), "{body}");
}

#[test]
fn list_puts_what_is_late_before_what_is_important_and_says_due_today() {
    let ws = Ws::tourism_zh();
    // Important, with weeks to go.
    let important = ws.register(&["--priority", "important", "--received", "2026-11-27 09:00"]);
    // Normal, and its acceptance decision overdue.
    let late = ws.register(&["--received", "2026-11-02 09:00"]);
    // Normal, its acceptance decision due on the day read (5 working days
    // after Monday 11-23 is Monday 11-30).
    let today = ws.register(&["--received", "2026-11-23 09:00"]);
    let rows = ws.ok(&["list", "--today", "2026-11-30"]);
    let order: Vec<&str> = rows
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        order,
        [late.as_str(), today.as_str(), important.as_str()],
        "{rows}"
    );
    assert!(rows.contains("今日到期 决定是否受理"), "{rows}");
}

#[test]
fn list_filters_by_channel_and_department_typed_as_labels() {
    let ws = Ws::tourism_zh();
    let phoned = ws.register(&["--channel", "phone", "--department", "导游部"]);
    let visited = ws.register(&["--channel", "visit"]);
    let by_channel = ws.ok(&["list", "--channel", "电话", "--format", "ids"]);
    assert_eq!(by_channel.trim(), phoned, "{by_channel}");
    let by_department = ws.ok(&["list", "--department", "导游部", "--format", "ids"]);
    assert_eq!(by_department.trim(), phoned);
    let exported = ws.ok(&["export", "--channel", "visit", "--format", "jsonl"]);
    assert!(exported.contains(&visited) && !exported.contains(&phoned));
    // A handover keeps its reason in the history.
    ws.ok(&["assign", &phoned, "李明", "--note", "王芳休假"]);
    assert!(ws.case_text(&phoned).contains("note: 王芳休假"));
}

#[test]
fn chinese_sentences_name_requirements_by_label_and_join_lists_with_the_chinese_comma() {
    let ws = Ws::tourism_zh();
    let policy = ws.ok(&["policy"]);
    assert!(
        policy.contains("received → accepted  需要：投诉人姓名、被投诉人名称、投诉请求"),
        "{policy}"
    );
    let first = ws.register(&[]);
    let second = ws.register(&[]);
    let out = ws.run(&Ws::register_args(&[]));
    let said = String::from_utf8_lossy(&out.stderr);
    // Both were received at the same moment: either may come first.
    assert!(
        said.contains(&format!("该投诉人此前已有案件 {first}、{second}"))
            || said.contains(&format!("该投诉人此前已有案件 {second}、{first}")),
        "{said}"
    );
}

#[test]
fn bash_completes_states_after_advance_and_policy_codes_after_their_options() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    let script = ws.ok(&["completions", "bash"]);
    ws.write(".home/plaint.bash", &script);
    let bin = assert_cmd::cargo::cargo_bin("plaint");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let complete = |words: &str| -> String {
        let line = format!(
            "source .home/plaint.bash; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _plaint_ids; echo \"${{COMPREPLY[*]}}\""
        );
        let out = crate::support::isolated("bash", ws.root(), &ws.root().join(".home"))
            .env("PATH", &path)
            .args(["-c", &line])
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(
        complete(&format!("plaint advance {id} inv")),
        "investigating"
    );
    assert_eq!(
        complete(&format!("plaint advance {id} ''"))
            .split(' ')
            .count(),
        10
    );
    assert!(complete("plaint list --channel hot").contains("hotline-12345"));
    assert!(complete("plaint list --category shop").contains("shopping"));
    assert!(complete("plaint list --status susp").contains("suspended"));
    assert!(complete(&format!("plaint notice {id} sett")).contains("settlement"));
    assert!(complete(&format!("plaint explain {id} res")).contains("resolution"));
    assert!(
        complete(&format!("plaint advance {id} rejected --reason time")).contains("time-barred")
    );
}

#[test]
fn explain_of_the_promised_reply_says_what_it_is_instead_of_an_unknown_rule() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    for typed in ["承诺答复", "promise"] {
        let said = ws.fails(1, &["explain", &id, typed]);
        assert!(said.contains("承诺答复是向投诉人承诺的日期"), "{said}");
        assert!(said.contains(&format!("plaint show {id}")), "{said}");
    }
}
