//! Warnings that tell the truth, in en and zh: the calendar-coverage
//! warning counts exactly the deadlines a command shows that still run on
//! assumed weekends, every one of them carries the `?` it promises, and
//! `assume_weekends` silences it everywhere; a `.yaml` file in `cases/`
//! whose name is no case ID is named by every reading command, never
//! silently left out.

use serde_json::Value;

use crate::support::Ws;

/// What the messages say, in each language.
struct Words {
    /// Any coverage warning.
    uncovered: &'static str,
    /// The promise of a `?` next to each provisional date.
    marked: &'static str,
    /// One deadline counted.
    one: &'static str,
    /// Two deadlines counted.
    two: &'static str,
    /// The problem `check` names for `20261130-FIFO0.yaml`.
    misnamed: &'static str,
}

const EN: Words = Words {
    uncovered: "does not cover 2027",
    marked: "(marked ?)",
    one: ": 1 deadline(s)",
    two: ": 2 deadline(s)",
    misnamed: "misnamed case file: the file name should be 20261130-F1F00.yaml",
};

const ZH: Words = Words {
    uncovered: "未覆盖 2027 年",
    marked: "以 ? 标记",
    one: "：1 个期限",
    two: "：2 个期限",
    misnamed: "案件文件名有误：应为 20261130-F1F00.yaml",
};

/// A tourism workspace in `lang` with its words.
fn workspace(lang: &str) -> (Ws, &'static Words) {
    let ws = Ws::init(&["--preset", "tourism", "--language", lang]);
    (ws, if lang == "zh" { &ZH } else { &EN })
}

/// A case of `category` accepted on 2026-11-27: its 60-day resolution is
/// due on 2027-01-26, a day the `cn` calendar does not cover.
fn accepted(ws: &Ws, category: &str) -> String {
    let mut args = Ws::register_args(&[]);
    let at = args.iter().position(|a| *a == "--category").unwrap() + 1;
    args[at] = category;
    let id = ws.ok(&args).trim().to_string();
    ws.ok(&["advance", &id, "accepted", "--at", "2026-11-27 10:00"]);
    id
}

/// [`accepted`], with the respondent notified and replied: the next
/// deadline due is the provisional resolution.
fn awaiting_resolution(ws: &Ws, category: &str) -> String {
    let id = accepted(ws, category);
    ws.ok(&["mark", &id, "respondent-notified"]);
    ws.ok(&["mark", &id, "respondent-replied"]);
    id
}

/// [`accepted`], then resolved and closed on time.
fn closed(ws: &Ws) -> String {
    let id = accepted(ws, "shopping");
    ws.ok(&["advance", &id, "investigating"]);
    ws.ok(&["advance", &id, "resolved", "--outcome", "settled"]);
    ws.ok(&["advance", &id, "closed"]);
    id
}

/// Runs `args`, asserts success, returns (stdout, stderr).
#[track_caller]
fn both(ws: &Ws, args: &[&str]) -> (String, String) {
    let out = ws.run(args);
    assert!(
        out.status.success(),
        "plaint {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Adds `assume_weekends: [2027]` to plaint.yaml.
fn acknowledge_2027(ws: &Ws) {
    ws.add_settings("assume_weekends: [2027]\n");
}

#[test]
fn a_met_deadline_in_an_uncovered_year_keeps_its_mark_but_is_not_warned_about() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        let id = closed(&ws);
        let (shown, err) = both(&ws, &["show", &id]);
        assert!(shown.contains("2027-01-26?"), "{lang}: {shown}");
        assert!(!err.contains(words.uncovered), "{lang}: show warns: {err}");
        for args in [
            vec!["list", "--all"],
            vec!["list", "--status", "closed"],
            vec!["show", &id, "--json"],
        ] {
            let (_, err) = both(&ws, &args);
            assert!(!err.contains(words.uncovered), "{lang} {args:?}: {err}");
        }
        let (explained, err) = both(&ws, &["explain", &id, "resolution"]);
        assert!(explained.contains("2027-01-26"), "{lang}: {explained}");
        assert!(
            !explained.contains(words.uncovered) && !err.contains(words.uncovered),
            "{lang}: {explained}{err}"
        );
    }
}

#[test]
fn a_filtered_list_warns_only_about_the_deadlines_its_rows_show() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        closed(&ws);
        // Its row shows the notification due 2026-12-04; the provisional
        // resolution behind it is not on the screen.
        accepted(&ws, "accommodation");
        awaiting_resolution(&ws, "shopping");

        let (rows, err) = both(&ws, &["list", "--category", "accommodation"]);
        assert!(rows.contains("2026-12-04") && !rows.contains('?'), "{rows}");
        assert!(!err.contains(words.uncovered), "{lang}: {err}");

        for args in [
            vec!["list", "--category", "shopping"],
            vec!["list"],
            vec!["list", "--all"],
        ] {
            let (rows, err) = both(&ws, &args);
            assert_eq!(rows.matches("2027-01-26?").count(), 1, "{rows}");
            assert_eq!(err.matches(words.uncovered).count(), 1, "{err}");
            assert!(err.contains(words.one), "{lang} {args:?}: {err}");
            assert!(err.contains(words.marked), "{lang} {args:?}: {err}");
            // The warning names the one command that adds the missing year.
            assert!(err.contains("`plaint calendar import "), "{err}");
        }
    }
}

#[test]
fn every_provisional_date_the_warning_speaks_of_shows_its_mark_at_the_terminal() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        accepted(&ws, "accommodation");
        let id = awaiting_resolution(&ws, "shopping");
        let screen = ws.terminal(160, false, &["list"]);
        let warning = screen
            .lines()
            .find(|l| l.contains(words.uncovered))
            .unwrap_or_else(|| panic!("{lang}: no warning on\n{screen}"));
        assert!(warning.contains(words.one) && warning.contains(words.marked));
        let marked: Vec<&str> = screen
            .lines()
            .filter(|l| l.contains("2027-01-26?"))
            .collect();
        assert_eq!(marked.len(), 1, "{lang}:\n{screen}");
        assert!(marked[0].contains(&id), "{lang}:\n{screen}");

        // `show` lists every deadline; it counts the open one, marked.
        let screen = ws.terminal(160, false, &["show", &id]);
        assert!(screen.contains("2027-01-26?"), "{lang}:\n{screen}");
        assert!(screen.contains(words.one), "{lang}:\n{screen}");
    }
}

#[test]
fn machine_output_warnings_promise_no_question_mark() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        accepted(&ws, "accommodation");
        awaiting_resolution(&ws, "shopping");

        // CSV dates stay plain: the warning does not speak of a mark.
        let (csv, err) = both(&ws, &["list", "--format", "csv"]);
        assert!(csv.contains(",2027-01-26,") && !csv.contains('?'), "{csv}");
        assert!(err.contains(words.one), "{lang}: {err}");
        assert!(!err.contains(words.marked), "{lang}: {err}");

        // JSON shows every deadline: both open resolutions, flagged.
        let out = ws.run(&["list", "--json"]);
        assert!(out.status.success());
        let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
        let flagged = listed
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|case| case["deadlines"].as_array().unwrap())
            .filter(|d| d["provisional"] == true)
            .count();
        assert_eq!(flagged, 2);
        let err = String::from_utf8(out.stderr).unwrap();
        let doc: Value = serde_json::from_str(err.trim()).unwrap();
        let message = doc["warning"]["message"].as_str().unwrap();
        assert!(message.contains(words.uncovered), "{message}");
        assert!(message.contains(words.two), "{message}");
        assert!(message.contains("\"provisional\": true"), "{message}");
        assert!(!message.contains(words.marked), "{message}");
    }
}

#[test]
fn assume_weekends_silences_every_coverage_warning_and_keeps_the_marks() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        let id = awaiting_resolution(&ws, "shopping");
        let commands: Vec<Vec<&str>> = vec![
            vec!["show", &id],
            vec!["show", &id, "--json"],
            vec!["list"],
            vec!["list", "--json"],
            vec!["list", "--format", "csv"],
            vec!["explain", &id, "resolution"],
            vec!["explain", &id, "resolution", "--json"],
            vec!["calendar", "add", "2026-12-30", "5"],
            vec!["calendar", "add", "2026-12-30", "5", "--calendar", "cn"],
            vec!["calendar", "between", "2026-12-30", "2027-01-05", "--json"],
            vec!["calendar", "is-workday", "2027-01-04"],
            vec!["calendar", "show", "2027"],
            vec!["summary"],
            vec!["report", "--period", "2026-Q4"],
            vec!["export"],
        ];
        // Each of these speaks of 2027 before the year is acknowledged...
        for args in [
            &commands[0],
            &commands[1],
            &commands[2],
            &commands[5],
            &commands[7],
            &commands[10],
            &commands[11],
        ] {
            let (out, err) = both(&ws, args);
            assert!(
                out.contains(words.uncovered) || err.contains(words.uncovered),
                "{lang} {args:?} gave no warning:\n{out}\n{err}"
            );
        }
        acknowledge_2027(&ws);
        // ...and none does after.
        for args in &commands {
            let (out, err) = both(&ws, args);
            for text in [&out, &err] {
                assert!(
                    !text.contains(words.uncovered) && !text.contains("does not cover"),
                    "{lang} {args:?} still warns:\n{text}"
                );
            }
        }
        let (shown, _) = both(&ws, &["show", &id]);
        assert!(shown.contains("2027-01-26?"), "{lang}: {shown}");
        let case = ws.json(&["show", &id]);
        let resolution = case["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "resolution")
            .unwrap();
        assert_eq!(resolution["provisional"], true);
        assert_eq!(resolution["warnings"], serde_json::json!([]));
    }
}

#[test]
fn a_yaml_file_whose_name_is_no_case_id_is_named_by_every_reading_command() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        let id = ws.register(&[]);
        let text = ws.case_text(&id);
        ws.write("cases/2026/20261130-FIFO0.yaml", &text);
        for args in [
            vec!["list"],
            vec!["list", "--all", "--format", "ids"],
            vec!["summary"],
            vec!["report", "--period", "2026-Q4"],
            vec!["export"],
        ] {
            let err = ws.fails(1, &args);
            assert!(
                err.contains("20261130-FIFO0.yaml"),
                "{lang} {args:?}: {err}"
            );
            assert!(err.contains(words.misnamed), "{lang} {args:?}: {err}");
            assert!(err.contains("plaint check"), "{lang} {args:?}: {err}");
        }
        // The readable case is still listed.
        let out = ws.run(&["list", "--json"]);
        assert_eq!(out.status.code(), Some(1));
        let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(listed[0]["id"], id.as_str());
        let err = String::from_utf8(out.stderr).unwrap();
        let doc: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
        assert_eq!(doc["error"]["code"], "bad_file");
        let file = &doc["error"]["files"][0];
        assert!(
            file["file"]
                .as_str()
                .unwrap()
                .ends_with("20261130-FIFO0.yaml")
        );
        assert!(file["message"].as_str().unwrap().contains(words.misnamed));
        // An import could not know its external_ref: refused.
        ws.write("batch.csv", "title,complainant\n购物,张三\n");
        let err = ws.fails(1, &["import", "batch.csv"]);
        assert!(err.contains("20261130-FIFO0.yaml"), "{lang}: {err}");
        // check names it in the same words.
        let err = ws.fails(3, &["check"]);
        let out = ws.run(&["check"]);
        let report = String::from_utf8_lossy(&out.stdout) + err.as_str();
        assert!(report.contains(words.misnamed), "{lang}: {report}");
    }
}

#[test]
fn yaml_files_outside_their_place_are_named_too() {
    let (ws, words) = workspace("en");
    let id = ws.register(&[]);
    let text = ws.case_text(&id);
    ws.write(&format!("cases/2025/{id}.yaml"), &text);
    ws.write("cases/notes.yaml", "a: 1\n");
    ws.write("cases/2026/draft.yaml", "a: 1\n");
    let err = ws.fails(1, &["list"]);
    assert!(
        err.contains("case file in the wrong folder: it belongs in cases/2026/"),
        "{err}"
    );
    assert!(
        err.contains("cases/notes.yaml") && err.contains("draft.yaml"),
        "{err}"
    );
    assert!(err.contains("3 case file(s) could not be read"), "{err}");
    assert!(!err.contains(words.misnamed), "{err}");
}

#[test]
fn files_plainly_not_case_files_are_left_to_check() {
    let (ws, _) = workspace("zh");
    let id = ws.register(&[]);
    let text = ws.case_text(&id);
    for name in [
        format!("{id}.yaml~"),
        format!("{id}.yaml.orig"),
        format!(".{id}.yaml.swp"),
        ".hidden.yaml".to_string(),
        "README.md".to_string(),
    ] {
        ws.write(&format!("cases/2026/{name}"), &text);
    }
    for args in [vec!["list"], vec!["summary"], vec!["export"]] {
        let (_, err) = both(&ws, &args);
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    // check still reports every one of them.
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_notice_that_prints_a_provisional_date_warns_without_promising_a_mark() {
    for lang in ["en", "zh"] {
        let (ws, words) = workspace(lang);
        ws.add_settings("office:\n  name: 桂林市文化广电和旅游局\n");
        let id = accepted(&ws, "shopping");
        let (text, err) = both(&ws, &["notice", &id, "acceptance", "--format", "md"]);
        // The document itself says a public holiday postpones the date.
        assert!(
            text.contains("于2027年1月26日（遇法定节假日顺延）前"),
            "{text}"
        );
        assert!(err.contains(words.uncovered), "{lang}: {err}");
        assert!(err.contains(words.one), "{lang}: {err}");
        assert!(!err.contains(words.marked), "{lang}: {err}");
        acknowledge_2027(&ws);
        let (_, err) = both(&ws, &["notice", &id, "acceptance", "--draft"]);
        assert!(!err.contains(words.uncovered), "{lang}: {err}");
    }
}

#[test]
fn a_notice_prints_a_covered_due_date_as_it_is() {
    let ws = Ws::tourism_zh();
    ws.add_settings("office:\n  name: 桂林市文化广电和旅游局\n");
    let id = ws.register(&["--received", "2026-09-01 09:00"]);
    ws.ok(&["advance", &id, "accepted", "--at", "2026-09-02 10:00"]);
    let text = ws.ok(&["notice", &id, "acceptance", "--format", "md"]);
    // 60 days end on Sunday 1 November 2026, so on Monday the 2nd.
    assert!(text.contains("于2026年11月2日前作出处理"), "{text}");
    assert!(!text.contains("顺延"), "{text}");
}
