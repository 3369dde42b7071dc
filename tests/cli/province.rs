//! Many offices: the office code in exports and reports, the Parquet
//! export, and the provincial figures in DuckDB matching the offices'
//! own reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use crate::support::{Ws, isolated, refused, usage_refused};

const TODAY: &str = "2026-11-27";

/// A tourism workspace of office `GL-TOUR` with three cases: one resolved,
/// one rejected, one still open.
fn office() -> Ws {
    let ws = Ws::tourism_zh();
    ws.add_settings("office:\n  code: GL-TOUR\n  name: 桂林市文化广电和旅游局\n");
    let a = register_at(&ws, "2026-07-06 09:00");
    let b = register_at(&ws, "2026-08-03 10:00");
    register_at(&ws, "2026-11-02 11:00");
    ws.ok(&["advance", &a, "accepted"]);
    ws.ok(&["advance", &b, "rejected", "--reason", "incomplete"]);
    ws
}

/// Registers the support's complete case, received at `received`.
fn register_at(ws: &Ws, received: &str) -> String {
    let mut args = Ws::register_args(&[]);
    let at = args.iter().position(|a| *a == "--received").unwrap();
    args[at + 1] = received;
    ws.ok(&args).trim().to_string()
}

fn read_parquet(path: &Path) -> (arrow_schema::SchemaRef, BTreeMap<String, String>, usize) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let meta: BTreeMap<String, String> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .into_iter()
        .flatten()
        .filter_map(|kv| Some((kv.key.clone(), kv.value.clone()?)))
        .collect();
    let schema = builder.schema().clone();
    let rows = builder
        .build()
        .unwrap()
        .map(|b| b.unwrap().num_rows())
        .sum();
    (schema, meta, rows)
}

/// The manual's column tables: `table → [(column, type)]`, read from the
/// rows of the tables under "### `cases.parquet`" and the like.
fn documented_columns() -> BTreeMap<String, Vec<(String, String)>> {
    let manual =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/manual.md"))
            .unwrap();
    let mut tables = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in manual.lines() {
        if let Some(rest) = line.strip_prefix("#### `") {
            current = rest
                .strip_suffix(".parquet`")
                .map(str::to_string)
                .filter(|t| ["cases", "events", "deadlines"].contains(&t.as_str()));
            continue;
        }
        let Some(table) = &current else { continue };
        if line.starts_with('#') {
            current = None;
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() > 3 && cells[1].starts_with('`') {
            tables
                .entry(table.clone())
                .or_insert_with(Vec::new)
                .push((cells[1].trim_matches('`').to_string(), cells[2].to_string()));
        }
    }
    tables
}

fn type_name(ty: &arrow_schema::DataType) -> String {
    use arrow_schema::DataType::*;
    match ty {
        Utf8 => "string".into(),
        Date32 => "date".into(),
        Int32 => "int32".into(),
        Boolean => "boolean".into(),
        Timestamp(_, Some(tz)) => format!("timestamp ({tz})"),
        other => format!("{other:?}"),
    }
}

#[test]
fn parquet_export_reads_back_with_the_documented_schema() {
    let ws = office();
    let out = ws.root().join("out");
    let done = ws.json(&[
        "export",
        "--format",
        "parquet",
        "--out",
        out.to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert_eq!(done["office"], "GL-TOUR");
    assert_eq!(done["cases"], 3);
    let documented = documented_columns();
    assert_eq!(documented.len(), 3, "the manual documents the three tables");
    let dir = out.join("office=GL-TOUR/year=2026");
    for (table, rows) in [("cases", 3), ("events", 5)] {
        let (_, _, n) = read_parquet(&dir.join(format!("{table}.parquet")));
        assert_eq!(n, rows, "{table}");
    }
    for table in ["cases", "events", "deadlines"] {
        let (schema, meta, _) = read_parquet(&dir.join(format!("{table}.parquet")));
        assert_eq!(meta["plaint.schema_version"], "1", "{table}");
        assert_eq!(meta["plaint.office"], "GL-TOUR");
        assert_eq!(meta["plaint.as_of"], TODAY);
        let found: Vec<(String, String)> = schema
            .fields()
            .iter()
            .map(|f| (f.name().clone(), type_name(f.data_type())))
            .collect();
        let doc: Vec<(String, String)> = documented[table]
            .iter()
            .map(|(c, t)| (c.clone(), t.replace("timestamp", "timestamp (+08:00)")))
            .collect();
        assert_eq!(found, doc, "{table}.parquet against the manual");
    }
    // The deadlines carry the state `report` gives them.
    let report = ws.json(&["report", "--period", "2026", "--today", TODAY]);
    assert_eq!(report["office"], "GL-TOUR");
    assert_eq!(report["office_name"], "桂林市文化广电和旅游局");
    let (_, _, deadlines) = read_parquet(&dir.join("deadlines.parquet"));
    assert!(deadlines >= 3, "{deadlines}");
}

#[test]
fn parquet_export_replaces_its_own_folder_and_refuses_a_foreign_one() {
    let ws = office();
    let out = ws.root().join("province");
    let args = |out: &Path| {
        [
            "export",
            "--format",
            "parquet",
            "--out",
            &out.display().to_string(),
        ]
        .map(String::from)
    };
    let run = |out: &Path| {
        let a = args(out);
        ws.ok(&a.iter().map(String::as_str).collect::<Vec<_>>());
    };
    // Another office's export beside ours is fine; ours is replaced whole.
    run(&out);
    std::fs::create_dir_all(out.join("office=LZ-1/year=2025")).unwrap();
    std::fs::write(out.join("office=LZ-1/year=2025/cases.parquet"), b"x").unwrap();
    std::fs::create_dir_all(out.join("office=GL-TOUR/year=2019")).unwrap();
    run(&out);
    assert!(!out.join("office=GL-TOUR/year=2019").exists());
    assert!(out.join("office=LZ-1/year=2025/cases.parquet").exists());
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "no temporary folder is left: {names:?}");
    // A folder with anything else in it is refused, and left as it was.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let a = args(&out);
    refused(
        &ws,
        &a.iter().map(String::as_str).collect::<Vec<_>>(),
        &["notes.txt"],
    );
    let doc = ws.root().join("doc.txt");
    std::fs::write(&doc, "a file").unwrap();
    let a = args(&doc);
    refused(
        &ws,
        &a.iter().map(String::as_str).collect::<Vec<_>>(),
        &["doc.txt"],
    );
    usage_refused(&ws, &["export", "--format", "parquet"], &["--out"]);
    usage_refused(&ws, &["export", "--out", "x"], &["--out"]);
}

#[test]
fn parquet_export_needs_an_office_code_and_refuses_a_bad_one() {
    let ws = Ws::tourism_zh();
    ws.register(&[]);
    refused(
        &ws,
        &["export", "--format", "parquet", "--out", "p"],
        &["office.code"],
    );
    ws.add_settings("office:\n  code: ../../etc\n");
    let err = ws.fails(1, &["list"]);
    assert!(err.contains("单位代码「../../etc」"), "{err}");
}

#[test]
fn exports_name_the_office_and_import_reads_them_back() {
    let ws = office();
    for (format, needle) in [
        ("json", "\"office\":\"GL-TOUR\""),
        ("jsonl", "{\"office\":\"GL-TOUR\","),
        ("yaml", "# office: GL-TOUR\n"),
        ("csv", "单位代码"),
    ] {
        let text = ws.ok(&["export", "--format", format]);
        assert!(text.contains(needle), "{format}: {text}");
        let fresh = Ws::tourism_zh();
        let file = fresh.write(&format!("batch.{format}"), &text);
        fresh.ok(&["import", file.to_str().unwrap()]);
        let again = fresh.ok(&["export", "--format", "jsonl"]);
        let before = ws.ok(&["export", "--format", "jsonl"]);
        let strip = |t: &str| t.replace("{\"office\":\"GL-TOUR\",", "{");
        assert_eq!(strip(&before), again, "{format} round trip");
    }
    let md = ws.ok(&["report", "--period", "2026", "--format", "md"]);
    assert!(
        md.contains("填报单位：桂林市文化广电和旅游局 (GL-TOUR)"),
        "{md}"
    );
}

/// Whether `python3` can import `duckdb`; outside CI a machine without it
/// skips the DuckDB test (CI installs it: `.ci/run`).
fn duckdb_available() -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").is_err(),
            "CI must have python3 with duckdb (pip install duckdb)"
        );
        eprintln!("SKIPPED: python3 lacks the duckdb package (pip install duckdb)");
    }
    found
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs a program isolated in `dir`; asserts success; gives stdout.
fn run_ok(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = isolated(program, dir, &dir.join(".home"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn plaint_ok(dir: &Path, args: &[&str]) -> String {
    run_ok(
        dir,
        assert_cmd::cargo::cargo_bin("plaint").to_str().unwrap(),
        args,
    )
}

/// 20 offices of every preset and both calendars, their Parquet in one
/// folder, and the provincial SQL in DuckDB: each figure equals the sum
/// of the offices' own `plaint report --format json` (rates recomputed
/// from the summed counts, and each office's rate and median its own).
#[test]
fn province_sql_matches_the_sum_of_the_office_reports() {
    if !duckdb_available() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let out = base.path().join("province");
    let presets = ["tourism", "hospital", "procurement", "generic"];
    let mut offices = Vec::new();
    for n in 0..20 {
        let code = format!("OF-{n:02}");
        let dir = base.path().join(&code);
        run_ok(
            base.path(),
            "python3",
            &[
                repo("scripts/gen_workspace.py").to_str().unwrap(),
                dir.to_str().unwrap(),
                "60",
                "--seed",
                &n.to_string(),
                "--preset",
                presets[n % 4],
                "--calendar",
                if n % 3 == 0 { "weekends" } else { "cn" },
                "--office",
                &code,
            ],
        );
        plaint_ok(
            &dir,
            &[
                "export",
                "--format",
                "parquet",
                "--out",
                out.to_str().unwrap(),
                "--today",
                TODAY,
            ],
        );
        offices.push((code, dir));
    }
    for period in ["2025-Q3", "2026"] {
        let reports: Vec<(String, Value)> = offices
            .iter()
            .map(|(code, dir)| {
                let text = plaint_ok(
                    dir,
                    &[
                        "report", "--period", period, "--today", TODAY, "--format", "json",
                    ],
                );
                (code.clone(), serde_json::from_str(&text).unwrap())
            })
            .collect();
        let sql: Value = serde_json::from_str(&run_ok(
            base.path(),
            "python3",
            &[
                repo("examples/province/run.py").to_str().unwrap(),
                out.to_str().unwrap(),
                period,
                "--json",
            ],
        ))
        .unwrap();
        compare(period, &reports, &sql);
    }
}

const LINE: [&str; 7] = [
    "received",
    "accepted",
    "rejected",
    "transferred",
    "resolved",
    "withdrawn",
    "open",
];

fn num(v: &Value) -> i64 {
    v.as_i64()
        .unwrap_or_else(|| v.as_f64().map_or(0, |f| f as i64))
}

fn rate(part: i64, whole: i64) -> Value {
    if whole == 0 {
        return Value::Null;
    }
    let r = ((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0;
    Value::from(r)
}

fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a.is_null() && b.is_null(),
    }
}

/// The SQL's rows of `figure` as `key column → count column`.
fn counted(sql: &Value, figure: &str, key: &str, count: &str) -> BTreeMap<String, i64> {
    sql[figure]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r[key].as_str().unwrap().to_string(), num(&r[count])))
        .collect()
}

/// Sums a map section (`by_channel`, ...) of every report, leaving zeros out.
fn summed(reports: &[(String, Value)], section: &str) -> BTreeMap<String, i64> {
    let mut sum = BTreeMap::new();
    for (_, r) in reports {
        for (k, v) in r[section].as_object().unwrap() {
            *sum.entry(k.clone()).or_insert(0) += num(v);
        }
    }
    sum.retain(|_, v| *v != 0);
    sum
}

#[allow(clippy::too_many_lines, reason = "one comparison per report figure")]
fn compare(period: &str, reports: &[(String, Value)], sql: &Value) {
    let rows = sql["quarter"].as_array().unwrap();
    let total = rows.iter().find(|r| r["office"] == "total").unwrap();
    assert!(
        num(&total["received"]) > 20,
        "{period}: too few cases to compare"
    );
    // Each office's line is its own report's totals line.
    for (code, r) in reports {
        let row = rows.iter().find(|row| row["office"] == code.as_str());
        let Some(row) = row else {
            assert_eq!(num(&r["total"]["received"]), 0, "{period} {code}");
            continue;
        };
        for f in LINE {
            assert_eq!(num(&row[f]), num(&r["total"][f]), "{period} {code} {f}");
        }
        for f in ["on_time_rate", "median_workdays_to_close"] {
            assert!(
                same_number(&row[f], &r["total"][f]),
                "{period} {code} {f}: {} vs {}",
                row[f],
                r["total"][f]
            );
        }
        assert_eq!(
            num(&row["forced_extensions"]),
            num(&r["forced_extensions"]),
            "{period} {code}"
        );
        assert!(
            same_number(&row["satisfaction_rate"], &r["satisfaction_rate"]),
            "{period} {code} satisfaction"
        );
    }
    // The province's line is the sum of the offices'.
    for f in LINE {
        let sum: i64 = reports.iter().map(|(_, r)| num(&r["total"][f])).sum();
        assert_eq!(num(&total[f]), sum, "{period} total {f}");
    }
    let forced: i64 = reports
        .iter()
        .map(|(_, r)| num(&r["forced_extensions"]))
        .sum();
    assert_eq!(num(&total["forced_extensions"]), forced, "{period} forced");
    // On time, rule by rule, and the province's rate from the sums.
    let mut rules: BTreeMap<String, [i64; 5]> = BTreeMap::new();
    for (_, r) in reports {
        for (rule, o) in r["on_time"].as_object().unwrap() {
            let e = rules.entry(rule.clone()).or_default();
            for (i, f) in ["met", "missed", "overdue", "stopped", "not_tracked"]
                .iter()
                .enumerate()
            {
                e[i] += num(&o[f]);
            }
        }
    }
    let mut from_sql: BTreeMap<String, [i64; 5]> = BTreeMap::new();
    for row in sql["on_time"].as_array().unwrap() {
        let e = from_sql
            .entry(row["rule"].as_str().unwrap().to_string())
            .or_default();
        for (i, f) in ["met", "missed", "overdue", "stopped", "not_tracked"]
            .iter()
            .enumerate()
        {
            e[i] += num(&row[f]);
        }
    }
    assert_eq!(from_sql, rules, "{period} on time per rule");
    let (met, counted_all) = rules
        .values()
        .fold((0, 0), |(m, c), v| (m + v[0], c + v[0] + v[1] + v[2]));
    assert!(
        same_number(&total["on_time_rate"], &rate(met, counted_all)),
        "{period} province rate"
    );
    // The breakdowns.
    for (section, figure, key) in [
        ("by_channel", "by_channel", "channel"),
        ("rejected_by_reason", "rejected_by_reason", "reason"),
        ("resolved_by_outcome", "resolved_by_outcome", "outcome"),
        ("satisfaction", "satisfaction", "satisfaction"),
        ("by_month", "by_month", "month"),
    ] {
        assert_eq!(
            counted(sql, figure, key, "cases"),
            summed(reports, section),
            "{period} {section}"
        );
    }
    let (satisfied, answers) = satisfaction_sums(reports);
    assert!(
        same_number(&total["satisfaction_rate"], &rate(satisfied, answers)),
        "{period} satisfaction rate"
    );
    // The category breakdown: every count the sum of the offices' lines.
    let mut lines: BTreeMap<String, [i64; 7]> = BTreeMap::new();
    for (_, r) in reports {
        for line in r["breakdown"].as_array().unwrap() {
            let e = lines
                .entry(line["key"].as_str().unwrap().to_string())
                .or_default();
            for (i, f) in LINE.iter().enumerate() {
                e[i] += num(&line[f]);
            }
        }
    }
    let mut from_sql: BTreeMap<String, [i64; 7]> = BTreeMap::new();
    for row in sql["by_category"].as_array().unwrap() {
        let e = from_sql
            .entry(row["category"].as_str().unwrap().to_string())
            .or_default();
        for (i, f) in LINE.iter().enumerate() {
            e[i] = num(&row[f]);
        }
    }
    assert_eq!(from_sql, lines, "{period} by category");
}

fn satisfaction_sums(reports: &[(String, Value)]) -> (i64, i64) {
    let sum = summed(reports, "satisfaction");
    let get = |k: &str| sum.get(k).copied().unwrap_or(0);
    let satisfied = get("very-satisfied") + get("satisfied") + get("neutral");
    (satisfied, satisfied + get("dissatisfied"))
}
