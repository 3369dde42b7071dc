//! What people see: `show` as text, tables on a real terminal (colour and
//! width), the other presets' deadlines, an office outside +08:00, the
//! language taken from the locale, `PLAINT_TODAY`, and the less common sorts.

use unicode_width::UnicodeWidthStr;

use crate::support::Ws;

/// `screen` without its colour codes; panics on a code cut in half (what a
/// table that wraps inside a code shows as garbage).
fn strip_ansi(screen: &str) -> String {
    let mut out = String::new();
    for line in screen.lines() {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\u{1b}' {
                out.push(c);
                continue;
            }
            assert_eq!(chars.next(), Some('['), "a broken colour code in {line:?}");
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() || d == ';' => {}
                    Some('m') => break,
                    other => panic!("a colour code cut at {other:?} in {line:?}"),
                }
            }
        }
        out.push('\n');
    }
    out
}

/// An office with one overdue case and one on time, on 2026-11-29.
fn overdue_office() -> (Ws, String, String) {
    let ws = Ws::tourism();
    let late = ws.register(&[
        "--title",
        "导游强迫购物并辱骂游客，要求退还全部购物款和赔偿精神损失",
    ]);
    let fresh = ws.register(&["--title", "XY", "--received", "2026-11-27 09:30"]);
    (ws, late, fresh)
}

#[test]
fn the_list_on_a_colour_terminal_marks_overdue_rows_at_any_width() {
    let (ws, _, _) = overdue_office();
    let mut heights = Vec::new();
    for columns in [80u16, 140] {
        let screen = ws.terminal(columns, true, &["list"]);
        let text = strip_ansi(&screen);
        for line in text.lines() {
            assert!(
                line.width() <= usize::from(columns),
                "wider than {columns}: {line}\n{text}"
            );
        }
        let red = "\u{1b}[38;5;9m";
        let title_line = |needle: &str| {
            screen
                .lines()
                .find(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle} not on screen:\n{text}"))
        };
        assert!(title_line("OVE").contains(red), "overdue is red:\n{screen}");
        assert!(!title_line("XY").contains(red), "on time is not:\n{screen}");
        if columns == 80 {
            assert!(text.contains('…'), "a cut title ends in …:\n{text}");
        }
        heights.push(text.lines().count());
    }
    assert_eq!(
        heights[0], heights[1],
        "rows never wrap: a narrow terminal cuts the title instead"
    );
}

#[test]
fn the_list_on_a_terminal_without_colour_has_no_codes() {
    let (ws, late, _) = overdue_office();
    let screen = ws.terminal(200, false, &["list"]);
    assert!(!screen.contains('\u{1b}'), "{screen}");
    assert!(screen.contains(&late) && screen.contains('┌'), "{screen}");
}

#[test]
fn show_prints_the_case_its_deadlines_and_history_as_text() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.ok_at("2026-11-03 10:00", &["note", &id, "回访：投诉人不在家"]);
    let text = ws.ok(&["show", &id, "--today", "2026-11-03"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("{id}  导游强迫购物  [Received]"));
    for expected in [
        "Received:     2026-11-02 09:30 +08:00 (phone)",
        "Complainant:  张三  13800138000",
        "Respondent:   桂林阳光旅行社",
        "Category:     Forced shopping",
        "Priority:     normal",
        "Assignee:     tester",
        "Demands",
        "退还购物款",
        "Deadlines",
        "History",
        "2026-11-02 09:30  tester  registered",
        "2026-11-03 10:00  tester  note: 回访：投诉人不在家",
    ] {
        assert!(
            lines.iter().any(|l| l.trim() == expected),
            "no line {expected:?} in:\n{text}"
        );
    }
    let acceptance = lines
        .iter()
        .find(|l| l.trim_start().starts_with("acceptance"))
        .unwrap_or_else(|| panic!("no acceptance deadline:\n{text}"));
    assert!(acceptance.contains("2026-11-09"), "{acceptance}");
    assert!(acceptance.contains("running"), "{acceptance}");
}

/// The deadlines of a fresh case in a workspace of `preset`, as
/// `(rule, due)`, after `advance`ing it through `states` on the given days.
fn deadlines(preset: &str, states: &[(&str, &str)]) -> Vec<(String, String)> {
    let ws = Ws::with_preset(preset);
    let id = ws
        .ok(&[
            "register",
            "--title",
            "x",
            "--anonymous",
            "--received",
            "2026-11-02 09:30",
        ])
        .trim()
        .to_string();
    for (state, at) in states {
        ws.ok(&["advance", &id, state, "--at", at]);
    }
    let doc = ws.json(&["show", &id, "--today", "2026-11-03"]);
    doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["due"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_hospital_preset_counts_five_and_thirty_working_days_from_receipt() {
    // Received Monday 2026-11-02: five working days end Monday 11-09,
    // thirty end Monday 12-14.
    assert_eq!(
        deadlines("hospital", &[]),
        pairs(&[
            ("first-reply", "2026-11-09"),
            ("investigation", "2026-11-09"),
            ("resolution", "2026-12-14"),
        ])
    );
}

#[test]
fn the_generic_preset_starts_the_resolution_clock_at_acceptance() {
    assert_eq!(
        deadlines("generic", &[]),
        pairs(&[("acceptance", "2026-11-09")])
    );
    // Accepted Tuesday 11-03: thirty working days end Tuesday 12-15.
    assert_eq!(
        deadlines("generic", &[("accepted", "2026-11-03 10:00")]),
        pairs(&[("acceptance", "2026-11-09"), ("resolution", "2026-12-15")])
    );
}

#[test]
fn an_office_west_of_greenwich_files_a_late_evening_case_in_its_own_quarter() {
    let ws = Ws::init(&["--preset", "tourism", "--timezone", "-05:00"]);
    let id = ws.register(&["--received", "2026-09-30 23:30"]);
    let doc = ws.json(&["show", &id]);
    assert_eq!(doc["received"], "2026-09-30T23:30:00-05:00");
    assert!(id.starts_with("20260930-"), "{id}");
    let q3 = ws.json(&["report", "--period", "2026-Q3"]);
    let q4 = ws.json(&["report", "--period", "2026-Q4"]);
    assert_eq!(q3["total"]["received"], 1, "{q3}");
    assert_eq!(q4["total"]["received"], 0, "{q4}");
    // A walk-in at 23:30 on the office's clock arrives on 09-30 too.
    let walk_in = ws
        .ok_at(
            "2026-09-30 23:30",
            &["register", "--title", "walk-in", "--anonymous"],
        )
        .trim()
        .to_string();
    assert!(walk_in.starts_with("20260930-"), "{walk_in}");
    let q3 = ws.json(&["report", "--period", "2026-Q3"]);
    assert_eq!(q3["total"]["received"], 2, "{q3}");
}

#[test]
fn init_takes_the_language_from_the_locale() {
    for (lang, expected) in [("zh_CN.UTF-8", "zh"), ("en_GB.UTF-8", "en"), ("C", "en")] {
        let dir = tempfile::tempdir().unwrap();
        let out = crate::support::plaint(dir.path(), &dir.path().join(".home"))
            .env("LANG", lang)
            .args(["init", ".", "--preset", "tourism"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let settings = std::fs::read_to_string(dir.path().join("plaint.yaml")).unwrap();
        assert!(
            settings.contains(&format!("language: {expected}")),
            "LANG={lang}:\n{settings}"
        );
    }
}

#[test]
fn plaint_today_sets_the_day_deadlines_are_read_on() {
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let state = |today: &str| {
        let out = ws
            .cmd()
            .env("PLAINT_TODAY", today)
            .args(["show", &id, "--json"])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["deadlines"][0]["state"].as_str().unwrap().to_string()
    };
    assert_eq!(state("2026-11-03"), "running");
    assert_eq!(state("2026-11-20"), "overdue");
    let out = ws
        .cmd()
        .env("PLAINT_TODAY", "someday")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a bad PLAINT_TODAY is refused");
}

#[test]
fn list_sorts_by_status_and_by_assignee() {
    let ws = Ws::tourism();
    let received = ws.register(&[]);
    let rejected = ws.register(&[]);
    ws.ok(&["advance", &rejected, "rejected", "--reason", "incomplete"]);
    let accepted = ws.register(&[]);
    ws.ok(&["advance", &accepted, "accepted"]);
    ws.ok(&["assign", &received, "王芳"]);
    ws.ok(&["assign", &rejected, "李明"]);
    ws.ok(&["assign", &accepted, "Zhou"]);
    let ids = |sort: &str| ws.ok(&["list", "--all", "--format", "ids", "--sort", sort]);
    assert_eq!(
        ids("status"),
        format!("{accepted}\n{received}\n{rejected}\n"),
        "by status code"
    );
    let mut by_name = [
        ("Zhou", &accepted),
        ("李明", &rejected),
        ("王芳", &received),
    ];
    by_name.sort();
    let want: String = by_name.iter().map(|(_, id)| format!("{id}\n")).collect();
    assert_eq!(ids("assignee"), want, "by assignee");
}
