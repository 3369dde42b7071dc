//! `plaint list`: cases with filters, as a table, JSON, CSV or IDs.

use super::args::{ListArgs, ListFormat, SortKey};
use super::view::{case_json, category_label, status_label};
use super::{Ctx, output};
use crate::error::Error;
use crate::model::Case;
use crate::query::{Filter, Sort, sort_cases};

/// Lists every readable case that passes the filters; unreadable files are
/// named on stderr and make the exit code 1.
pub fn run(ctx: &Ctx, args: &ListArgs) -> anyhow::Result<i32> {
    let filter = filter_of(args);
    filter.validate(&ctx.ws.policy)?;
    let loaded = ctx.ws.load_all()?;
    let mut cases: Vec<&Case> = loaded
        .cases
        .iter()
        .filter(|c| filter.matches(&ctx.ws.policy, c))
        .collect();
    sort_cases(&mut cases, sort_of(args.sort));
    let format = if ctx.look.json {
        ListFormat::Json
    } else {
        args.format
    };
    match format {
        ListFormat::Json => {
            let docs: Vec<_> = cases.iter().map(|c| case_json(ctx, c, args.full)).collect();
            output::print_json(&docs)?;
        }
        ListFormat::Ids => {
            let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
            if !ids.is_empty() {
                output::print_line(&ids.join("\n"))?;
            }
        }
        ListFormat::Csv => print_csv(ctx, &cases)?,
        ListFormat::Table => print_table(ctx, &cases)?,
    }
    report_broken(ctx, &loaded.broken)
}

/// The library filter for these arguments.
pub fn filter_of(args: &ListArgs) -> Filter {
    Filter {
        statuses: args.status.clone(),
        assignee: args.assignee.clone(),
        category: args.category.clone(),
        search: args.search.clone(),
    }
}

/// The library sort key for a command-line sort key.
pub fn sort_of(key: SortKey) -> Sort {
    match key {
        SortKey::Priority => Sort::Priority,
        SortKey::Id => Sort::Id,
        SortKey::Received => Sort::Received,
        SortKey::Status => Sort::Status,
        SortKey::Assignee => Sort::Assignee,
    }
}

fn header(ctx: &Ctx) -> Vec<String> {
    let zh = ctx.ws.settings.language == crate::policy::Language::Zh;
    let cols: [(&str, &str); 8] = [
        ("ID", "编号"),
        ("Received", "登记日期"),
        ("Status", "状态"),
        ("Priority", "优先级"),
        ("Category", "类别"),
        ("Assignee", "承办人"),
        ("Complainant", "投诉人"),
        ("Title", "标题"),
    ];
    cols.iter()
        .map(|(en, cn)| if zh { cn } else { en }.to_string())
        .collect()
}

fn row(ctx: &Ctx, case: &Case) -> Vec<String> {
    vec![
        case.id.to_string(),
        case.received.format("%Y-%m-%d").to_string(),
        status_label(ctx, &case.status),
        case.priority.as_str().to_string(),
        case.category
            .as_deref()
            .map(|c| category_label(ctx, c))
            .unwrap_or_default(),
        case.assignee.clone().unwrap_or_default(),
        case.complainant_name().unwrap_or("").to_string(),
        case.title.clone().unwrap_or_default(),
    ]
}

fn print_table(ctx: &Ctx, cases: &[&Case]) -> anyhow::Result<()> {
    let rows = cases.iter().map(|c| row(ctx, c)).collect();
    output::print_rows(ctx.look, header(ctx), rows)
}

fn print_csv(ctx: &Ctx, cases: &[&Case]) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
    writer.write_record([
        "id",
        "received",
        "status",
        "priority",
        "category",
        "assignee",
        "complainant",
        "title",
    ])?;
    for case in cases {
        let mut record = row(ctx, case);
        record[1] = case.received.to_rfc3339();
        record[2] = case.status.clone();
        record[4] = case.category.clone().unwrap_or_default();
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

/// Names every unreadable file on stderr; exit code 1 when there is any.
pub fn report_broken(ctx: &Ctx, broken: &[Error]) -> anyhow::Result<i32> {
    if broken.is_empty() {
        return Ok(0);
    }
    if ctx.look.json {
        let files: Vec<_> = broken
            .iter()
            .map(|e| match e {
                Error::BadFile { path, message } => {
                    serde_json::json!({"file": path, "message": message})
                }
                other => serde_json::json!({"file": null, "message": other.to_string()}),
            })
            .collect();
        let doc = serde_json::json!({"error": {
            "message": format!("{} case file(s) could not be read", broken.len()),
            "code": "bad_file",
            "files": files,
        }});
        eprintln!("{doc}");
    } else {
        for e in broken {
            output::warn(&format!("skipped {e}"));
        }
        output::warn(&format!(
            "{} case file(s) could not be read; the list above is incomplete (run `plaint check`)",
            broken.len()
        ));
    }
    Ok(1)
}
