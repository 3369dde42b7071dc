//! Chinese input as people type it (one matching rule for every coded
//! input), codes shown by their labels in zh sentences, deadlines due
//! today said as 今日到期, and `list` on a narrow terminal keeping room
//! for the title.

use crate::support::Ws;

/// A fresh `plaint init --language zh` workspace (the generic preset).
fn generic_zh() -> Ws {
    Ws::init(&["--language", "zh"])
}

/// Registers a generic case titled `title` received at `now`; its ID.
fn register_at(ws: &Ws, now: &str, title: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "register",
        "--title",
        title,
        "--complainant",
        "张三",
        "--respondent",
        "某某旅行社",
    ];
    args.extend_from_slice(extra);
    ws.ok_at(now, &args).trim().to_string()
}

#[test]
fn a_preset_is_named_by_its_label_in_zh_sentences() {
    let ws = generic_zh();
    let id = register_at(&ws, "2026-11-29 10:00", "测试", &[]);
    let err = ws.fails(1, &["notice", &id, "refusal"]);
    assert!(err.contains("通用预设（generic）没有定义文书"), "{err}");
    let tourism = Ws::tourism_zh();
    let id = tourism.register(&[]);
    let err = tourism.fails(2, &["notice", &id, "投诉处理决定书"]);
    assert!(err.contains("旅游投诉预设（tourism）没有文书"), "{err}");
}

#[test]
fn a_channel_typed_with_its_number_is_taken_when_it_holds_one_label() {
    let ws = generic_zh();
    let id = register_at(
        &ws,
        "2026-11-29 10:00",
        "导游强迫购物",
        &["--channel", "12345热线"],
    );
    let case = ws.json(&["show", &id]);
    assert_eq!(case["channel"], "hotline", "{case}");
    // Holding two labels names neither: both are listed by their labels.
    let err = ws.fails(
        2,
        &[
            "register",
            "--title",
            "x",
            "--complainant",
            "张三",
            "--respondent",
            "某某旅行社",
            "--channel",
            "电话热线",
        ],
    );
    assert!(err.contains("与多个渠道相符"), "{err}");
    assert!(
        err.contains("电话（phone）") && err.contains("热线（hotline）"),
        "{err}"
    );
}

#[test]
fn notice_kinds_are_typed_by_the_names_people_use_and_an_ambiguous_one_lists_both() {
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    // Found, and refused only for the case's state.
    for (typed, title) in [
        ("和解记录", "旅游投诉和解记录"),
        ("立案表", "旅游投诉立案表"),
        // 调解书 is the 调解书, not the 终止调解书 that qualifies it.
        ("调解书", "旅游投诉调解书"),
    ] {
        let err = ws.fails(1, &["notice", &id, typed]);
        assert!(err.contains(title) && !err.contains("没有文书"), "{err}");
    }
    let err = ws.fails(2, &["notice", &id, "受理通知"]);
    assert!(err.contains("与多个文书相符"), "{err}");
    assert!(
        err.contains("旅游投诉受理通知书（respondent-notice）")
            && err.contains("旅游投诉不予受理通知书（refusal）"),
        "{err}"
    );
}

#[test]
fn the_suspended_state_is_typed_as_zhongzhi_where_the_preset_calls_it_zanting() {
    let (ws, id) = Ws::procurement_zh_accepted();
    // The reasons are listed by their labels, the code to type with each.
    let err = ws.fails(1, &["advance", &id, "已中止"]);
    assert!(err.contains("检验、检测、鉴定（testing）"), "{err}");
    assert!(!err.contains("correction、"), "{err}");
    let out = ws.ok(&["advance", &id, "已中止", "--reason", "检验"]);
    assert!(out.contains("暂停计算期限"), "{out}");
}

#[test]
fn policy_names_what_starts_stops_and_pauses_a_rule_by_its_labels_in_zh() {
    let ws = generic_zh();
    let out = ws.ok(&["policy"]);
    assert!(out.contains("起算：已受理"), "{out}");
    assert!(out.contains("终止：已办结、已结案、已撤回"), "{out}");
    assert!(out.contains("暂停：已中止"), "{out}");
    assert!(!out.contains("起算：accepted"), "{out}");
}

#[test]
fn a_deadline_due_today_reads_jinri_daoqi_in_list_show_and_explain() {
    let ws = generic_zh();
    // Received Tuesday 2026-11-24: five working days end on Tuesday 12-01.
    let id = register_at(
        &ws,
        "2026-11-24 10:00",
        "今日到期的投诉",
        &["--channel", "电话"],
    );
    let today = "2026-12-01 10:00";
    let show = ws.ok_at(today, &["show", &id]);
    assert!(
        show.contains("今日到期") && !show.contains("剩余 0"),
        "{show}"
    );
    let explain = ws.ok_at(today, &["explain", &id, "受理"]);
    assert!(explain.contains("状态：进行中，今日到期"), "{explain}");
    assert!(!explain.contains("剩余 0"), "{explain}");
    let list = ws.ok_at(today, &["list"]);
    assert!(list.contains("今日到期 决定是否受理"), "{list}");
}

/// Cases of every lateness, the most important the least late.
fn pressing(ws: &Ws) -> [String; 4] {
    let calm = register_at(
        ws,
        "2026-11-30 09:00",
        "游客反映导游强迫购物并辱骂游客要求赔偿",
        &["--channel", "12345热线", "--priority", "紧急"],
    );
    let soon = register_at(
        ws,
        "2026-11-26 09:00",
        "酒店退订押金迟迟不退还",
        &["--channel", "电话"],
    );
    let today = register_at(
        ws,
        "2026-11-24 09:00",
        "景区门票价格与公示不符",
        &["--channel", "电话"],
    );
    let late = register_at(
        ws,
        "2026-11-10 09:00",
        "旅行社擅自变更行程",
        &["--channel", "网上"],
    );
    [late, today, soon, calm]
}

#[test]
fn list_puts_lateness_before_priority() {
    let ws = generic_zh();
    let expected = pressing(&ws);
    let ids = ws.ok_at("2026-12-01 10:00", &["list", "--format", "ids"]);
    let ids: Vec<&str> = ids.lines().collect();
    assert_eq!(ids, expected.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn list_on_a_narrow_terminal_keeps_twelve_characters_of_a_title() {
    let ws = generic_zh();
    let [late, today, soon, calm] = pressing(&ws);
    // The snapshots name each case by its lateness (IDs are random).
    let named = |screen: String| {
        [
            (&late, "LATE1"),
            (&today, "TODAY"),
            (&soon, "SOON1"),
            (&calm, "CALM1"),
        ]
        .iter()
        .fold(screen, |s, (id, name)| {
            s.replace(id.as_str(), &format!("{}-{name}", &id[..8]))
        })
    };
    let at = |columns: u16| {
        let cmd = ws.terminal(columns, true, &["list", "--today", "2026-12-01"]);
        (cmd.clone(), strip(&cmd))
    };
    let (raw, eighty) = at(80);
    assert!(raw.contains("\u{1b}["), "colour is on:\n{raw}");
    for line in eighty.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{eighty}"
        );
    }
    assert!(eighty.contains("游客反映导游强迫购物并辱"), "{eighty}");
    assert!(eighty.contains("11-17 受理 逾期"), "{eighty}");
    assert!(eighty.contains("12-03 受理 剩2日"), "{eighty}");
    assert!(eighty.contains("今日到期 受理"), "{eighty}");
    for id in [&late, &today, &soon, &calm] {
        assert!(eighty.contains(id.as_str()), "{id} whole:\n{eighty}");
    }
    let (_, wide) = at(160);
    assert!(
        wide.contains("2026-12-03 决定是否受理 剩2个工作日"),
        "{wide}"
    );
    // Below 60 columns each case is a block of lines.
    let (_, narrow) = at(50);
    assert!(narrow.lines().any(|l| l == late), "{narrow}");
    assert!(narrow.contains("  标题 旅行社擅自变更行程"), "{narrow}");
    insta::assert_snapshot!("zh_list_80", named(eighty));
    insta::assert_snapshot!("zh_list_100", named(at(100).1));
    insta::assert_snapshot!("zh_list_160", named(wide));
    insta::assert_snapshot!("zh_list_50", named(narrow));
}

/// `text` without its colour escapes and carriage returns.
fn strip(text: &str) -> String {
    let mut out = String::new();
    let mut escape = false;
    for c in text.chars() {
        match c {
            '\u{1b}' => escape = true,
            c if escape => escape = !c.is_ascii_alphabetic(),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn agenda_on_a_narrow_terminal_keeps_the_title_before_the_alarm_grade() {
    let ws = generic_zh();
    // Nothing overdue: an agenda with overdue items exits 3.
    register_at(
        &ws,
        "2026-11-26 09:00",
        "酒店退订押金迟迟不退还",
        &["--channel", "电话"],
    );
    register_at(
        &ws,
        "2026-11-24 09:00",
        "景区门票价格与公示不符",
        &["--channel", "电话"],
    );
    // `agenda` exits 1 when something is due: run it on a terminal here.
    let line = format!(
        "stty cols 80 rows 60; exec '{}' agenda --today 2026-12-01",
        env!("CARGO_BIN_EXE_plaint")
    );
    let out = crate::support::isolated("script", ws.root(), &ws.root().join(".home"))
        .env("PLAINT_USER", "tester")
        .env("TERM", "xterm-256color")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .output()
        .expect("script runs");
    assert_eq!(out.status.code(), Some(1), "something is due");
    let screen = strip(&String::from_utf8_lossy(&out.stdout));
    // The tables fit (the headline is a sentence the terminal wraps).
    for line in screen.lines().filter(|l| !l.starts_with('全')) {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{screen}"
        );
    }
    assert!(screen.contains("酒店退订押金迟迟不退还"), "{screen}");
    assert!(screen.contains("景区门票价格与公示不符"), "{screen}");
}
