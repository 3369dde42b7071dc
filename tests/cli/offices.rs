//! `plaint report` over several offices' workspaces (`-C` repeated, or an
//! `--offices` list file): each office's report is the one it makes
//! itself, and the total is counted from their counts, its rates
//! recomputed from the sums (never an average of the offices' rates).

use serde_json::Value;

use crate::support::Ws;

/// Three offices of three presets with cases in several states: the
/// tourism office answered on time, the generic one let a deadline pass.
fn county() -> Vec<Ws> {
    let tourism = Ws::tourism();
    let register = |received: &str, channel: &str| {
        let args = [
            "register",
            "--title",
            "导游强迫购物",
            "--complainant",
            "张三",
            "--respondent",
            "桂林阳光旅行社",
            "--category",
            "shopping",
            "--channel",
            channel,
            "--demands",
            "退还购物款",
            "--contract-end",
            "2026-10-01",
            "--received",
            received,
        ];
        tourism.ok_at(received, &args).trim().to_string()
    };
    let on_time = register("2026-10-09 09:00", "phone");
    tourism.ok_at("2026-10-10 09:00", &["advance", &on_time, "accepted"]);
    let refused = register("2026-10-12 09:00", "online");
    tourism.ok_at(
        "2026-10-13 09:00",
        &["advance", &refused, "rejected", "--reason", "incomplete"],
    );

    let hospital = Ws::with_preset("hospital");
    let waiting = hospital.register_hospital("2026-10-20 09:00");
    hospital.ok(&["advance", &waiting, "accepted"]);
    hospital.register_hospital("2026-11-02 09:00");

    let generic = Ws::with_preset("generic");
    for received in ["2026-10-05 09:00", "2026-10-06 09:00", "2026-10-07 09:00"] {
        generic.ok_at(
            received,
            &[
                "register",
                "--title",
                "噪音扰民",
                "--complainant",
                "李四",
                "--respondent",
                "某物业公司",
                "--demands",
                "停止施工",
                "--facts",
                "夜间施工",
                "--received",
                received,
            ],
        );
    }
    vec![tourism, hospital, generic]
}

fn own_report(ws: &Ws) -> Value {
    ws.json(&["report", "--period", "2026-Q4"])
}

fn path(ws: &Ws) -> String {
    ws.root().display().to_string()
}

const COUNTS: [&str; 7] = [
    "received",
    "accepted",
    "rejected",
    "transferred",
    "resolved",
    "withdrawn",
    "open",
];

#[test]
fn the_total_is_the_sum_of_each_offices_counts_and_its_rates_are_recomputed() {
    let offices = county();
    let (t, h, g) = (path(&offices[0]), path(&offices[1]), path(&offices[2]));
    let all = offices[0].json(&[
        "report", "--period", "2026-Q4", "-C", &t, "-C", &h, "-C", &g,
    ]);
    let own: Vec<Value> = offices.iter().map(own_report).collect();

    let listed = all["offices"].as_array().unwrap();
    assert_eq!(listed.len(), 3);
    for ((office, own), ws) in listed.iter().zip(&own).zip(&offices) {
        // Each office's figures are the ones it publishes itself.
        assert_eq!(&office["report"], own, "{}", office["office"]);
        let folder = ws.root().canonicalize().unwrap();
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(office["office"], name.as_str());
    }
    assert_eq!(listed[1]["preset"], "hospital");

    let total = &all["total"];
    for count in COUNTS {
        let sum: u64 = own
            .iter()
            .map(|r| r["total"][count].as_u64().unwrap())
            .sum();
        assert_eq!(total["total"][count].as_u64().unwrap(), sum, "{count}");
    }
    assert_eq!(total["total"]["received"], 7);

    // Per rule: outcomes added up, the rate recomputed from the sums.
    let (mut met, mut counted) = (0, 0);
    for (rule, o) in total["on_time"].as_object().unwrap() {
        for field in ["met", "missed", "overdue", "stopped", "not_tracked"] {
            let sum: u64 = own
                .iter()
                .filter_map(|r| r["on_time"][rule][field].as_u64())
                .sum();
            assert_eq!(o[field].as_u64().unwrap(), sum, "{rule} {field}");
        }
        let c = o["met"].as_u64().unwrap()
            + o["missed"].as_u64().unwrap()
            + o["overdue"].as_u64().unwrap();
        met += o["met"].as_u64().unwrap();
        counted += c;
        if c > 0 {
            let rate = o["rate"].as_f64().unwrap();
            assert!(
                (rate - o["met"].as_f64().unwrap() / c as f64).abs() < 1e-9,
                "{rule}"
            );
        }
    }
    assert!(
        met > 0 && counted > met,
        "the county needs deadlines met and not met"
    );
    let pooled = met as f64 / counted as f64;
    let rate = total["total"]["on_time_rate"].as_f64().unwrap();
    assert!((rate - pooled).abs() < 1e-9, "{rate} vs {pooled}");
    // Not the mean of the offices' rates.
    let rates: Vec<f64> = own
        .iter()
        .filter_map(|r| r["total"]["on_time_rate"].as_f64())
        .collect();
    let mean = rates.iter().sum::<f64>() / rates.len() as f64;
    assert!(
        (rate - mean).abs() > 1e-6,
        "pooled {rate} equals the mean {mean}"
    );

    for section in [
        "by_channel",
        "rejected_by_reason",
        "resolved_by_outcome",
        "by_month",
    ] {
        for (key, n) in total[section].as_object().unwrap() {
            let sum: u64 = own.iter().filter_map(|r| r[section][key].as_u64()).sum();
            assert_eq!(n.as_u64().unwrap(), sum, "{section} {key}");
        }
    }
}

#[test]
fn an_offices_file_names_the_same_offices_and_every_format_shows_each_and_the_total() {
    let offices = county();
    let parent = offices[0].root();
    let list = parent.join("county.txt");
    let relative = |ws: &Ws| {
        // The list file's folders, relative to the list file where they can be.
        pathdiff(parent, ws.root())
    };
    std::fs::write(
        &list,
        format!(
            "# 本县各单位\n{}\n\n{}\n{}\n",
            relative(&offices[0]),
            relative(&offices[1]),
            relative(&offices[2])
        ),
    )
    .unwrap();
    let list = list.display().to_string();
    let (t, h, g) = (path(&offices[0]), path(&offices[1]), path(&offices[2]));
    let by_flags = offices[1].json(&[
        "report", "--period", "2026-Q4", "-C", &t, "-C", &h, "-C", &g,
    ]);
    let by_file = offices[1].json(&["report", "--period", "2026-Q4", "--offices", &list]);
    assert_eq!(by_flags, by_file);

    let names: Vec<String> = by_file["offices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["office"].as_str().unwrap().to_string())
        .collect();
    let md = offices[0].ok(&[
        "report",
        "--period",
        "2026-Q4",
        "--offices",
        &list,
        "--format",
        "md",
    ]);
    assert!(md.contains("## Figures by office"), "{md}");
    assert!(md.contains("## Total — Cases received"), "{md}");
    for name in &names {
        assert!(md.contains(&format!("| {name} | ")), "{md}");
        assert!(md.contains(&format!("## {name} — Cases received")), "{md}");
    }
    assert!(md.contains("| Total | 7 |"), "{md}");

    let csv = offices[0].ok(&[
        "report",
        "--period",
        "2026-Q4",
        "--offices",
        &list,
        "--format",
        "csv",
    ]);
    assert!(csv.contains("Figures by office,Total,"), "{csv}");
    for name in &names {
        assert!(csv.contains(&format!("Figures by office,{name},")), "{csv}");
    }
    let html = offices[0].ok(&[
        "report",
        "--period",
        "2026-Q4",
        "--offices",
        &list,
        "--format",
        "html",
    ]);
    assert!(html.contains("<svg"), "the total's charts");
    for name in &names {
        assert!(html.contains(name.as_str()));
    }
}

#[test]
fn an_office_named_twice_and_several_workspaces_elsewhere_are_refused() {
    let offices = county();
    let t = path(&offices[0]);
    let err = offices[0].fails(2, &["report", "--period", "2026-Q4", "-C", &t, "-C", &t]);
    assert!(err.contains("is named twice"), "{err}");
    let h = path(&offices[1]);
    let err = offices[0].fails(2, &["list", "-C", &t, "-C", &h]);
    assert!(err.contains("only `report` reads several"), "{err}");
    let zh = Ws::tourism_zh();
    let z = path(&zh);
    let err = zh.fails(2, &["list", "-C", &z, "-C", &t]);
    assert!(err.contains("只有 `report` 可以读取多个"), "{err}");
    let err = zh.fails(2, &["report", "--period", "2026-Q4", "-C", &z, "-C", &z]);
    assert!(err.contains("被列出两次"), "{err}");
    let empty = offices[0].root().join("none.txt");
    std::fs::write(&empty, "# nothing yet\n").unwrap();
    let empty = empty.display().to_string();
    let err = offices[0].fails(2, &["report", "--period", "2026-Q4", "--offices", &empty]);
    assert!(err.contains("lists no workspace folder"), "{err}");
}

/// `to` relative to `from` when `to` is under `from`'s parent, else whole.
fn pathdiff(from: &std::path::Path, to: &std::path::Path) -> String {
    match (
        from.parent(),
        to.strip_prefix(from.parent().unwrap_or(from)),
    ) {
        (Some(_), Ok(rest)) => format!("../{}", rest.display()),
        _ => to.display().to_string(),
    }
}
