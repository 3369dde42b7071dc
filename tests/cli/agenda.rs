//! `plaint agenda`: the officer's day, its exit status for cron, and the
//! iCalendar feed read back by a real parser.

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

use crate::support::Ws;

/// Monday 7 December 2026, mid-morning.
const NOW: &str = "2026-12-07 10:00";

/// The cases of [`office`], by what the agenda should make of them.
struct Office {
    ws: Ws,
    /// 王芳's case whose acceptance was due on 9 November.
    overdue: String,
    /// 王芳's case whose acceptance is due today.
    today: String,
    /// 王芳's case whose acceptance is due Wednesday, 2 working days on.
    soon: String,
    /// 王芳's case due Friday (4 working days on), with a reply promised
    /// for Tuesday.
    later: String,
    /// 王芳's case resolved on 20 November, no follow-up call yet.
    followup: String,
    /// 李明's overdue case.
    other: String,
}

/// A Chinese tourism office with handlers 王芳, 李明 and 张伟 (who has
/// no case), and one case for each group of the agenda.
fn office() -> Office {
    let ws = Ws::tourism_zh();
    ws.add_settings("handlers: [王芳, 李明, 张伟]\n");
    let reg = |received: &str, officer: &str| {
        let mut args = Ws::register_args(&["--received", received, "--assignee", officer]);
        args.retain(|a| !a.is_empty());
        ws.ok_at(NOW, &args).trim().to_string()
    };
    let overdue = reg("2026-11-02 09:30", "王芳");
    let today = reg("2026-11-30 09:30", "王芳");
    let soon = reg("2026-12-02 09:30", "王芳");
    let later = reg("2026-12-04 09:30", "王芳");
    ws.ok_at(
        NOW,
        &["promise", &later, "2026-12-08", "--note", "周二回电"],
    );
    let followup = reg("2026-11-02 09:30", "王芳");
    for (state, at) in [
        ("accepted", "2026-11-03 10:00"),
        ("investigating", "2026-11-04 10:00"),
    ] {
        ws.ok_at(NOW, &["advance", &followup, state, "--at", at]);
    }
    ws.ok_at(
        NOW,
        &[
            "advance",
            &followup,
            "resolved",
            "--outcome",
            "mediated",
            "--at",
            "2026-11-20 10:00",
        ],
    );
    let other = reg("2026-11-02 09:30", "李明");
    Office {
        ws,
        overdue,
        today,
        soon,
        later,
        followup,
        other,
    }
}

/// Runs `plaint ARGS` at [`NOW`]; returns the exit code and stdout.
fn run(ws: &Ws, args: &[&str]) -> (i32, String) {
    let out = ws.cmd_at(NOW).args(args).output().expect("plaint runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

fn ids(doc: &serde_json::Value, group: &str) -> Vec<String> {
    doc[group]
        .as_array()
        .unwrap_or_else(|| panic!("no group {group}: {doc}"))
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_agenda_groups_an_officers_deadlines_and_exits_1_when_something_is_due() {
    let o = office();
    let (code, out) = run(&o.ws, &["agenda", "--for", "王芳", "--json"]);
    assert_eq!(code, 1, "{out}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["today"], "2026-12-07");
    assert_eq!(doc["officer"], "王芳");
    assert_eq!(doc["due"], true);
    assert_eq!(ids(&doc, "overdue"), [o.overdue.as_str()]);
    assert_eq!(doc["overdue"][0]["rule"], "acceptance");
    assert_eq!(doc["overdue"][0]["state"], "overdue");
    // 20 working days late: 严重超时; due today: 预警.
    assert_eq!(doc["overdue"][0]["workdays_left"], -20);
    assert_eq!(doc["overdue"][0]["alarm"], "severe");
    assert_eq!(doc["due_today"][0]["alarm"], "warning");
    assert_eq!(ids(&doc, "due_today"), [o.today.as_str()]);
    assert_eq!(doc["due_today"][0]["days_left"], 0);
    assert_eq!(ids(&doc, "due_soon"), [o.soon.as_str()]);
    assert_eq!(doc["due_soon"][0]["workdays_left"], 2);
    assert_eq!(ids(&doc, "promises"), [o.later.as_str()]);
    assert_eq!(doc["promises"][0]["due"], "2026-12-08");
    assert_eq!(ids(&doc, "followups"), [o.followup.as_str()]);
    assert_eq!(doc["followups"][0]["ended"], "2026-11-20");
    assert_eq!(doc["followups"][0]["days_since"], 17);
    // 李明's case is not 王芳's.
    assert!(!out.contains(&o.other));

    // A wider horizon brings in Friday's acceptance.
    let (_, out) = run(&o.ws, &["agenda", "--for", "王芳", "--days", "4", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(&doc, "due_soon"), [o.soon.clone(), o.later.clone()]);

    // The whole office: both officers' overdue cases.
    let (code, out) = run(&o.ws, &["agenda", "--json"]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["officer"], serde_json::Value::Null);
    let mut overdue = ids(&doc, "overdue");
    overdue.sort();
    let mut expected = vec![o.overdue.clone(), o.other.clone()];
    expected.sort();
    assert_eq!(overdue, expected);
}

#[test]
fn the_agenda_reads_in_chinese_and_says_so_when_nothing_is_due() {
    let o = office();
    let (code, out) = run(&o.ws, &["agenda", "--for", "王芳"]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "王芳 2026-12-07：已逾期 1 项，今日到期 1 项，3 个工作日内到期 1 项，承诺答复 1 项，待回访 1 件"
    );
    for heading in [
        "# 已逾期 (1)",
        "# 今日到期 (1)",
        "# 3 个工作日内到期 (1)",
        "# 承诺答复 (1)",
        "# 待回访 (1)",
    ] {
        assert!(out.contains(heading), "{heading} missing:\n{out}");
    }
    assert!(out.contains("决定是否受理"), "{out}");
    assert!(out.contains("逾期 28 天"), "{out}");
    assert!(out.contains("2026-11-20（17 天前）"), "{out}");

    // 张伟 is a handler with nothing to do: exit 0, one line.
    let (code, out) = run(&o.ws, &["agenda", "--for", "张伟"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        "张伟 2026-12-07：3 个工作日内没有到期事项，也没有待回访的案件\n"
    );
    let (code, out) = run(&o.ws, &["agenda", "--for", "张伟", "--json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["due"], false);
    assert_eq!(ids(&doc, "overdue"), Vec::<String>::new());
}

#[test]
fn a_follow_up_alone_is_listed_but_does_not_make_the_day_due() {
    let ws = Ws::tourism();
    let id = ws
        .ok_at(NOW, &Ws::register_args(&["--assignee", "王芳"]))
        .trim()
        .to_string();
    for (state, at) in [
        ("accepted", "2026-11-03 10:00"),
        ("investigating", "2026-11-04 10:00"),
    ] {
        ws.ok_at(NOW, &["advance", &id, state, "--at", at]);
    }
    ws.ok_at(
        NOW,
        &[
            "advance",
            &id,
            "resolved",
            "--outcome",
            "mediated",
            "--at",
            "2026-12-01 10:00",
        ],
    );
    let (code, out) = run(&ws, &["agenda", "--for", "王芳", "--json"]);
    assert_eq!(code, 0, "{out}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(&doc, "followups"), [id.as_str()]);
    // Recorded: off the list.
    ws.ok_at(NOW, &["followup", &id, "--satisfaction", "satisfied"]);
    let (_, out) = run(&ws, &["agenda", "--for", "王芳", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(&doc, "followups"), Vec::<String>::new());
    // Thirty-one days after the end it has left the list as well.
    let out = ws.ok_at(
        "2027-01-01 10:00",
        &["agenda", "--for", "王芳", "--today", "2027-01-01", "--json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(&doc, "followups"), Vec::<String>::new());
}

#[test]
fn a_misspelt_officer_is_a_usage_error_not_a_quiet_day() {
    let o = office();
    let err = o.ws.fails(2, &["agenda", "--for", "王方"]);
    assert!(err.contains("王方"), "{err}");
    assert!(err.contains("请核对姓名；是否想输入「王芳」？"), "{err}");
    let err = o.ws.fails(2, &["agenda", "--days", "-1"]);
    assert!(err.contains("--days"), "{err}");
    let err = o.ws.fails(2, &["agenda", "--ics", "--json"]);
    assert!(err.contains("--ics"), "{err}");
}

/// The cron line the README shows, run as cron would run it: the
/// workspace and the binary put in, `notify-send` a stand-in that writes
/// down what it was asked to show.
#[test]
fn the_cron_line_of_the_readme_notifies_only_when_something_is_due() {
    let o = office();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.contains("plaint agenda --for 王芳 >"))
        .expect("the README shows the cron line");
    let command = line
        .strip_prefix("30 8 * * 1-5  ")
        .expect("a crontab line")
        .replace("~/office", &o.ws.root().display().to_string())
        .replace("/tmp/agenda.txt", "agenda.txt")
        .replace(
            "plaint agenda",
            &format!(
                "'{}' agenda",
                assert_cmd::cargo::cargo_bin("plaint").display()
            ),
        );
    let bin = o.ws.root().join(".bin");
    std::fs::create_dir_all(&bin).unwrap();
    let fake = bin.join("notify-send");
    std::fs::write(
        &fake,
        "#!/bin/sh\nprintf '%s|%s\\n' \"$1\" \"$2\" >> notified.txt\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let cron = |officer: &str| -> String {
        let notified = o.ws.root().join("notified.txt");
        let _ = std::fs::remove_file(&notified);
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let status = crate::support::isolated("sh", o.ws.root(), &o.ws.root().join(".home"))
            .env("PLAINT_NOW", NOW)
            .env("PATH", path)
            .args(["-c", &command.replace("王芳", officer)])
            .status()
            .expect("sh runs");
        assert!(status.success());
        std::fs::read_to_string(&notified).unwrap_or_default()
    };
    assert_eq!(
        cron("王芳"),
        "投诉期限|王芳 2026-12-07：已逾期 1 项，今日到期 1 项，3 个工作日内到期 1 项，承诺答复 1 项，待回访 1 件\n"
    );
    assert_eq!(cron("张伟"), "");
}

/// The events of a feed, parsed by the `icalendar` crate's reader.
fn events(text: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = text.parse().unwrap_or_else(|e| panic!("{e}:\n{text}"));
    calendar
        .components
        .iter()
        .filter_map(CalendarComponent::as_event)
        .cloned()
        .collect()
}

fn date(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_ics_feed_parses_back_with_the_due_dates_and_stable_uids() {
    let o = office();
    let (code, first) = run(&o.ws, &["agenda", "--for", "王芳", "--ics"]);
    assert_eq!(code, 0, "the feed is data: it exits 0");
    assert!(first.contains("\r\n") && !first.replace("\r\n", "").contains('\n'));
    for line in first.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let parsed = events(&first);
    // Every open deadline of 王芳's (four acceptances and a promise);
    // none of 李明's, none stopped.
    assert_eq!(parsed.len(), 5, "{first}");
    let mut by_uid = std::collections::BTreeMap::new();
    for event in &parsed {
        let uid = event.get_uid().expect("UID").to_string();
        assert!(
            by_uid.insert(uid, event.clone()).is_none(),
            "UIDs are unique"
        );
        assert!(!event.get_summary().unwrap().contains(&o.other));
    }
    let start = |id: &str, rule: &str| -> DatePerhapsTime {
        let event = by_uid
            .iter()
            .find(|(uid, _)| uid.starts_with(&format!("{id}.{rule}@")))
            .unwrap_or_else(|| panic!("no {id}.{rule} in {:?}", by_uid.keys()))
            .1;
        event.get_start().unwrap()
    };
    assert_eq!(
        start(&o.overdue, "acceptance"),
        DatePerhapsTime::Date(date("2026-11-09"))
    );
    assert_eq!(
        start(&o.today, "acceptance"),
        DatePerhapsTime::Date(date("2026-12-07"))
    );
    assert_eq!(
        start(&o.later, "promise-1"),
        DatePerhapsTime::Date(date("2026-12-08"))
    );
    let summary = by_uid
        .values()
        .find(|e| {
            e.get_uid()
                .unwrap()
                .starts_with(&format!("{}.acceptance", o.soon))
        })
        .unwrap()
        .get_summary()
        .unwrap()
        .to_string();
    assert_eq!(summary, format!("{} 决定是否受理：导游强迫购物", o.soon));
    // No complainant's name or phone leaves the office on a phone.
    assert!(!first.contains("张三") && !first.contains("13800138000"));
    assert!(first.contains("TRIGGER:-P1D\r\n"));
    assert!(first.contains("X-WR-CALNAME:plaint：王芳\r\n"));

    // A later run (another moment, a case changed): the same UIDs.
    o.ws.ok_at(NOW, &["note", &o.today, "已电话联系"]);
    let second =
        o.ws.ok_at("2026-12-07 16:00", &["agenda", "--for", "王芳", "--ics"]);
    let again: Vec<String> = events(&second)
        .iter()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    let before: Vec<&String> = by_uid.keys().collect();
    let mut after: Vec<&String> = again.iter().collect();
    after.sort();
    assert_eq!(before, after);
    // The changed case's events carry a higher sequence number.
    let seq = |text: &str| -> Vec<String> {
        text.replace("\r\n ", "")
            .split("BEGIN:VEVENT")
            .filter(|e| e.contains(&format!("UID:{}.acceptance", o.today)))
            .flat_map(|e| {
                e.lines()
                    .filter(|l| l.starts_with("SEQUENCE:"))
                    .map(str::to_string)
            })
            .collect()
    };
    assert_ne!(seq(&first), seq(&second));
}
