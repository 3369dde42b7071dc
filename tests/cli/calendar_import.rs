//! `plaint calendar import`: a new year's holiday schedule in one
//! command, and the settings and hook a Chinese office reads.
//!
//! The built-in `cn` calendar covers 2023..2026, so on [`NOW`]
//! (2026-11-29) a 30-working-day deadline reaches 2027 and is provisional.

use crate::support::{Ws, refused};

/// A 2027 schedule in holiday-cn's layout (its shape, not the official
/// notice: the test needs a whole year, and 元旦 on Friday 2027-01-01).
pub const HOLIDAY_CN_2027: &str = r#"{"year": 2027, "papers": [], "days": [
 {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
 {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
 {"name": "元旦", "date": "2027-01-03", "isOffDay": true},
 {"name": "春节", "date": "2027-02-06", "isOffDay": true},
 {"name": "春节", "date": "2027-02-08", "isOffDay": true},
 {"name": "春节", "date": "2027-02-20", "isOffDay": false},
 {"name": "清明节", "date": "2027-04-05", "isOffDay": true},
 {"name": "劳动节", "date": "2027-05-03", "isOffDay": true},
 {"name": "端午节", "date": "2027-06-09", "isOffDay": true},
 {"name": "中秋节", "date": "2027-09-15", "isOffDay": true},
 {"name": "国庆节", "date": "2027-10-01", "isOffDay": true},
 {"name": "国庆节", "date": "2027-10-09", "isOffDay": false}
]}"#;

/// A zh hospital workspace with one accepted case whose 30-working-day
/// resolution target falls on 2027-01-08 (weekends only assumed).
fn hospital_with_a_provisional_date() -> (Ws, String) {
    let ws = Ws::with_preset("hospital");
    ws.edit_settings("language: en", "language: zh");
    let id = ws.register_hospital("2026-11-29 09:00");
    ws.ok(&["advance", &id, "accepted"]);
    let show = ws.ok(&["show", &id]);
    assert!(show.contains("2027-01-08?"), "{show}");
    (ws, id)
}

#[test]
fn a_holiday_cn_file_adds_the_year_and_says_which_provisional_date_moved() {
    let (ws, id) = hospital_with_a_provisional_date();
    ws.write(".home/2027.json", HOLIDAY_CN_2027);
    let out = ws.ok(&["calendar", "import", ".home/2027.json"]);
    assert!(
        out.contains("已把 2027 年加入日历「cn-local」（calendars/cn-local.yaml）"),
        "{out}"
    );
    assert!(out.contains("plaint.yaml 已改用日历「cn-local」"), "{out}");
    assert!(out.contains("以下临时期限已变动"), "{out}");
    let row = out
        .lines()
        .find(|l| l.starts_with(&id))
        .expect("a moved row");
    assert!(
        row.contains("2027-01-08") && row.contains("2027-01-11"),
        "{row}"
    );

    let settings = std::fs::read_to_string(ws.root().join("plaint.yaml")).unwrap();
    assert!(settings.contains("calendar: cn-local"), "{settings}");
    let show = ws.ok(&["show", &id]);
    assert!(
        show.contains("2027-01-11 ") && !show.contains('?'),
        "{show}"
    );
    assert!(
        ws.ok(&["calendar", "is-workday", "2027-01-01"])
            .contains("元旦")
    );
    assert!(
        ws.ok(&["calendar", "is-workday", "2027-02-20"])
            .starts_with("是")
    );

    // Importing again rewrites the same file: nothing moves any more.
    let json = ws.json(&["calendar", "import", ".home/2027.json"]);
    assert_eq!(json["calendar"], "cn-local");
    assert_eq!(json["switched"], false);
    assert_eq!(json["moved"], serde_json::json!([]));
}

#[test]
fn a_table_of_dates_is_imported_too() {
    let (ws, id) = hospital_with_a_provisional_date();
    let mut table = String::from("日期,类型,名称\n");
    for (date, kind, name) in [
        ("2027-01-01", "休", "元旦"),
        ("2027-02-08", "休", "春节"),
        ("2027-02-20", "班", "春节"),
        ("2027-04-05", "休", "清明节"),
        ("2027-05-03", "休", "劳动节"),
        ("2027-06-09", "休", "端午节"),
        ("2027-09-15", "休", "中秋节"),
        ("2027-10-01", "holiday", "National Day"),
    ] {
        table.push_str(&format!("{date},{kind},{name}\n"));
    }
    ws.write(".home/2027.csv", &table);
    let json = ws.json(&["calendar", "import", ".home/2027.csv"]);
    assert_eq!(json["year"], 2027);
    assert_eq!(json["holidays"], 7);
    assert_eq!(json["workdays"], 1);
    assert_eq!(json["moved"][0]["id"], id.as_str());
    assert_eq!(json["moved"][0]["now"], "2027-01-11");
}

#[test]
fn a_bad_schedule_is_refused_and_changes_nothing() {
    let (ws, _) = hospital_with_a_provisional_date();
    let cases = [
        // A make-up working day on a Monday.
        (
            HOLIDAY_CN_2027.replace(
                "2027-02-20\", \"isOffDay\": false",
                "2027-02-22\", \"isOffDay\": false",
            ),
            "2027-02-22 是周一，却列为调休上班日",
        ),
        // A holiday without its name.
        (
            HOLIDAY_CN_2027.replace("\"name\": \"清明节\"", "\"name\": \"\""),
            "2027-04-05 没有写节日名称",
        ),
        // Not the whole year.
        (
            HOLIDAY_CN_2027.replace("国庆节", "中秋节"),
            "2027 年的安排不完整：缺少国庆节",
        ),
        // An escape sequence in a name.
        (
            HOLIDAY_CN_2027.replace(
                "\"name\": \"清明节\"",
                "\"name\": \"\\u001b]0;x\\u0007清明节\"",
            ),
            "2027-04-05 的名称含有控制字符",
        ),
        // Not the layout.
        ("{\"year\": 2027}".to_string(), "不是 holiday-cn 的格式"),
        // A day of a covered year the calendar disagrees with.
        (
            HOLIDAY_CN_2027.replace(
                "\"days\": [",
                "\"days\": [{\"name\": \"元旦\", \"date\": \"2026-12-30\", \"isOffDay\": true},",
            ),
            "2026-12-30（元旦）属于 2026 年",
        ),
    ];
    for (text, needle) in cases {
        ws.write(".home/bad.json", &text);
        refused(&ws, &["calendar", "import", ".home/bad.json"], &[needle]);
    }
    refused(
        &ws,
        &["calendar", "import", ".home/nosuch.json"],
        &[".home/nosuch.json：文件不存在"],
    );
    ws.write(".home/bad.csv", "2027-01-01,maybe,元旦\n");
    refused(
        &ws,
        &["calendar", "import", ".home/bad.csv"],
        &["第 1 行：「maybe」既不是放假"],
    );
}

#[test]
fn init_in_chinese_writes_chinese_comments() {
    let ws = Ws::init(&["--preset", "tourism", "--language", "zh"]);
    let settings = std::fs::read_to_string(ws.root().join("plaint.yaml")).unwrap();
    assert!(settings.starts_with("# plaint 工作区设置。"), "{settings}");
    assert!(settings.contains("language: zh"), "{settings}");
    assert!(!settings.contains("the name of a file"), "{settings}");
    let english = Ws::tourism();
    let settings = std::fs::read_to_string(english.root().join("plaint.yaml")).unwrap();
    assert!(
        settings.starts_with("# plaint workspace settings."),
        "{settings}"
    );
}
