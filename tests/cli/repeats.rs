//! Repeat complaints: same-second registrations, large repeat groups,
//! anonymous callers.

use std::fmt::Write as _;

use crate::support::Ws;

const NOW: &str = "2026-11-29 09:00";

/// A workspace holding `rows` imported cases of one complainant `name`
/// against one respondent, a minute apart, oldest first.
fn imported(name: &str, rows: usize) -> Ws {
    let ws = Ws::tourism();
    let mut csv = String::from("title,complainant.name,respondent.name,received,external_ref\n");
    for i in 0..rows {
        let (hour, minute) = (8 + i / 60 % 10, i % 60);
        let day = 1 + i / 600;
        writeln!(
            csv,
            "来电,{name},桂林阳光旅行社,2026-10-{day:02} {hour:02}:{minute:02},R{i}"
        )
        .unwrap();
    }
    ws.write("batch.csv", &csv);
    ws.ok_at(NOW, &["import", "batch.csv"]);
    ws
}

fn ids_of(ws: &Ws, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "ids", "--today", "2026-11-29"]);
    ws.ok_at(NOW, &all).lines().map(str::to_string).collect()
}

// issue 17

#[test]
fn registrations_within_one_second_are_repeats() {
    let ws = Ws::tourism();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let out = ws
            .cmd()
            .env("PLAINT_NOW", NOW)
            .args(Ws::register_args(&["--received", NOW]))
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        ids.push((
            String::from_utf8(out.stdout).unwrap().trim().to_string(),
            stderr,
        ));
    }
    assert!(!ids[0].1.contains("repeat complaint"), "{}", ids[0].1);
    for (id, stderr) in &ids[1..] {
        assert!(stderr.contains("repeat complaint"), "{stderr}");
        let case = ws.json(&["show", id, "--today", "2026-11-29"]);
        assert_eq!(case["priority"], "important");
    }
    let repeats = ids_of(&ws, &["list", "--repeat"]);
    for (id, _) in &ids[1..] {
        assert!(repeats.contains(id), "{id} in {repeats:?}");
    }
}

// issue 18

#[test]
fn show_of_the_1000th_repeat_names_a_few_earlier_cases_and_the_count() {
    let ws = imported("张三", 1000);
    let ids = ids_of(&ws, &["list", "--sort", "received"]);
    assert_eq!(ids.len(), 1000);
    let last = ids.last().unwrap();
    let case = ws.json(&["show", last, "--today", "2026-11-29"]);
    assert_eq!(case["earlier_count"], 999);
    let named = case["earlier_cases"].as_array().unwrap();
    assert_eq!(named.len(), 10, "a bounded list");
    assert_eq!(named.last().unwrap(), &ids[998], "the most recent first");
    let text = ws.ok_at(NOW, &["show", last, "--today", "2026-11-29"]);
    assert!(text.contains("and 989 older (999 in all)"), "{text}");
    let summary = ws.json(&["summary", "--today", "2026-11-29"]);
    assert_eq!(summary["repeat"], 999);
}

// issue 18

#[test]
fn an_anonymous_name_never_makes_a_repeat() {
    let ws = imported("匿名", 3);
    assert!(ids_of(&ws, &["list", "--repeat"]).is_empty());
    let summary = ws.json(&["summary", "--today", "2026-11-29"]);
    assert_eq!(summary["repeat"], 0);
    let out = ws
        .cmd()
        .env("PLAINT_NOW", NOW)
        .args([
            "register",
            "--title",
            "又来电",
            "--complainant",
            "匿名",
            "--respondent",
            "桂林阳光旅行社",
            "--received",
            NOW,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("repeat"));
}
