//! States by role: a preset that calls every state otherwise keeps every
//! rule that rests on what the states mean (acceptance checks, notices,
//! deadlines, reports, follow-up), because plaint asks a state's role,
//! never its name.

use crate::support::Ws;

const NOW: &str = "2026-11-27 12:00";

/// The tourism preset's state names and the names the office uses instead.
const RENAMED: [(&str, &str); 10] = [
    ("received", "dengji"),
    ("accepted", "shouli"),
    ("investigating", "diaocha"),
    ("mediating", "tiaojie"),
    ("suspended", "zhongzhi"),
    ("resolved", "banjie"),
    ("closed", "jiean"),
    ("rejected", "buyu"),
    ("transferred", "yisong"),
    ("withdrawn", "chehui"),
];

/// `text` with every state name, as a whole word, replaced.
fn rename(text: &str) -> String {
    let is_word = |c: char| c.is_ascii_lowercase() || c == '-' || c == '_';
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let renamed = RENAMED
            .iter()
            .find(|(from, _)| from == word)
            .map_or(word.as_str(), |(_, to)| to);
        out.push_str(renamed);
        word.clear();
    };
    for c in text.chars() {
        if is_word(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A tourism workspace whose policy is the tourism preset with every
/// state renamed (its roles named, as a policy with new names must).
fn renamed_office() -> Ws {
    let ws = Ws::tourism();
    let preset = include_str!("../../src/policy/presets/tourism.yaml");
    let body: String = rename(preset)
        .lines()
        .filter(|l| !l.starts_with('#'))
        // Role names are roles, not states: put back the ones renamed.
        .map(|l| {
            let mut line = l.to_string();
            for (from, to) in RENAMED {
                line = line.replace(&format!("role: {to}"), &format!("role: {from}"));
            }
            format!("  {}\n", line.replace("role: diaocha", "role: handling"))
        })
        .collect();
    ws.add_settings(&format!(
        "office:\n  name: 桂林市文化广电和旅游局\npolicy:\n{body}"
    ));
    ws
}

#[test]
fn a_preset_with_every_state_renamed_runs_the_whole_lifecycle() {
    let ws = renamed_office();
    let policy = ws.json(&["policy"]);
    let names: Vec<&str> = policy["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names[..2], ["dengji", "shouli"], "{policy:#}");
    let id = ws.register(&["--received", "2026-11-02 09:30"]);
    assert_eq!(ws.json(&["show", &id])["status"], "dengji");
    // Acceptance (the role) checks the filing limit and joint complaints
    // as the tourism preset's `accepted` does.
    ws.ok_at(NOW, &["advance", &id, "shouli"]);
    // The acceptance notice is issued in a state whose role is accepted.
    ws.ok_at(NOW, &["notice", &id, "acceptance", "--format", "md"]);
    ws.ok_at(NOW, &["advance", &id, "diaocha"]);
    ws.ok_at(NOW, &["advance", &id, "banjie", "--outcome", "mediated"]);
    // A follow-up goes with a closing role.
    ws.ok_at(NOW, &["followup", &id, "--satisfaction", "satisfied"]);
    // Reopened: the resolution clock runs again.
    ws.ok_at(NOW, &["advance", &id, "diaocha"]);
    let shown = ws.json(&["show", &id, "--today", "2027-03-01"]);
    let resolution = shown["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "resolution")
        .unwrap()
        .clone();
    assert_eq!(resolution["state"], "overdue", "{resolution:#}");
    ws.ok_at(NOW, &["advance", &id, "banjie", "--outcome", "mediated"]);
    ws.ok_at(NOW, &["advance", &id, "jiean"]);
    // A refusal names its reason, and a refusal notice goes with it.
    let refused = ws.register(&["--received", "2026-11-02 09:30"]);
    ws.ok_at(
        NOW,
        &["advance", &refused, "buyu", "--reason", "time-barred"],
    );
    ws.ok_at(NOW, &["notice", &refused, "refusal", "--format", "md"]);
    // The report counts by role.
    let report = ws.json(&["report", "--period", "2026-11", "--format", "json"]);
    let total = &report["total"];
    assert_eq!(total["received"], 2, "{report:#}");
    assert_eq!(total["accepted"], 1, "{report:#}");
    assert_eq!(total["resolved"], 1, "{report:#}");
    assert_eq!(total["rejected"], 1, "{report:#}");
    ws.ok(&["check"]);
}

#[test]
fn a_new_state_name_without_a_role_is_refused_naming_the_roles() {
    let ws = Ws::tourism();
    ws.add_settings("policy:\n  states:\n    - {name: new, en: New, zh: 新}\n  transitions: {}\n  requires: {}\n  suspend_state: null\n  deadlines: []\n  on_the_spot: []\n");
    let err = ws.fails(1, &["list"]);
    assert!(err.contains("state new needs a `role`"), "{err}");
    assert!(err.contains("intake"), "{err}");
}
