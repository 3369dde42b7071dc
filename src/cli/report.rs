//! `plaint report`: the publication report for a period.

use super::args::{ReportArgs, ReportFormat};
use super::table::Table;
use super::view::{category_label, channel_label, rule_title, satisfaction_name_label};
use super::{Ctx, output};
use crate::error::{Error, Exit};
use crate::html::{escape, html_page};
use crate::messages::text;
use crate::policy::codes::CodeKind;
use crate::policy::rules::RuleKind;
use crate::policy::{Language, code_label};
use crate::reports::chart::{Scale, bar_chart};
use crate::reports::report::{By, Line, Report, build_all};
use std::fmt::Write as _;

/// Builds and prints the report.
pub fn run(ctx: &Ctx, args: &ReportArgs) -> anyhow::Result<Exit> {
    let format = if ctx.look.json {
        ReportFormat::Json
    } else {
        args.format
    };
    if args.out.is_some() && format != ReportFormat::Csv {
        return Err(Error::usage(crate::msg!(ctx.lang(), "out-needs-csv")).into());
    }
    let snapshot = ctx.scan()?;
    let (report, unread) = build_all(&ctx.ws, &snapshot, args.period.clone(), args.by, ctx.today);
    match format {
        ReportFormat::Json => output::print_json(&report)?,
        ReportFormat::Md => output::print_text(&markdown(ctx, &report))?,
        ReportFormat::Html => output::print_document(ctx.look, &html(ctx, &report))?,
        ReportFormat::Csv => match &args.out {
            Some(dir) => write_sections(ctx, &report, dir, args.bom)?,
            None => output::print_document(ctx.look, &long_table(ctx, &report).to_csv(args.bom))?,
        },
        ReportFormat::Table => output::print_tables(ctx.look, &tables(ctx, &report))?,
    }
    let mut broken = snapshot.broken;
    broken.extend(unread);
    ctx.report_broken(&broken)
}

fn key_label(ctx: &Ctx, by: By, key: &str) -> String {
    match by {
        By::Category => category_label(ctx, key),
        _ => key.to_string(),
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |x| format!("{:.1}%", x * 100.0))
}

fn line_cells(label: String, line: &Line) -> Vec<String> {
    vec![
        label,
        line.received.to_string(),
        line.accepted.to_string(),
        line.rejected.to_string(),
        line.transferred.to_string(),
        line.resolved.to_string(),
        line.withdrawn.to_string(),
        line.open.to_string(),
        pct(line.on_time_rate),
        line.median_workdays_to_close
            .map_or_else(|| "-".into(), |d| d.to_string()),
    ]
}

fn breakdown(ctx: &Ctx, report: &Report) -> Table {
    let by_label = match report.by {
        By::Category => text(ctx.lang(), "report-category"),
        By::Respondent => text(ctx.lang(), "report-respondent"),
        By::Department => text(ctx.lang(), "report-department"),
        By::Assignee => text(ctx.lang(), "report-assignee"),
    };
    let mut table = Table::new(
        Some(text(ctx.lang(), "report-cases-received")),
        &[
            by_label,
            text(ctx.lang(), "report-received"),
            text(ctx.lang(), "report-accepted"),
            text(ctx.lang(), "report-rejected"),
            text(ctx.lang(), "report-transferred"),
            text(ctx.lang(), "report-resolved"),
            text(ctx.lang(), "report-withdrawn"),
            text(ctx.lang(), "report-open"),
            super::summary::rate_header(ctx.ws.settings.language),
            text(ctx.lang(), "report-median-to-close"),
        ],
    );
    for line in &report.breakdown {
        table.push(line_cells(key_label(ctx, report.by, &line.key), line));
    }
    table.push(line_cells(
        text(ctx.lang(), "report-total").to_string(),
        &report.total,
    ));
    table
}

/// A table of counts by code, in the order the policy lists the codes;
/// an empty one says so in a row of its own.
fn code_table(
    ctx: &Ctx,
    title: &str,
    column: &str,
    (kind, map): (CodeKind, &std::collections::BTreeMap<String, usize>),
    label: impl Fn(&str) -> String,
) -> Table {
    let mut table = Table::new(Some(title), &[column, text(ctx.lang(), "report-cases")]);
    for (label, n) in super::summary::in_policy_order(ctx, kind, map, label) {
        table.push(vec![label, n.to_string()]);
    }
    if map.is_empty() {
        table.push(vec![
            text(ctx.lang(), "report-none").to_string(),
            "0".into(),
        ]);
    }
    table
}

/// The report's tables in the order of the Markdown report.
///
/// Long by design: one table per report section, each a few lines; the
/// order is the published one and reads best in one place.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
fn tables(ctx: &Ctx, report: &Report) -> Vec<Table> {
    let policy = &ctx.ws.policy;
    let lang = ctx.ws.settings.language;
    let mut on_time = Table::new(
        Some(text(ctx.lang(), "report-deadlines-met-on-time")),
        &[
            text(ctx.lang(), "report-rule"),
            text(ctx.lang(), "report-met"),
            text(ctx.lang(), "report-missed"),
            text(ctx.lang(), "report-overdue"),
            text(ctx.lang(), "report-not-tracked"),
            super::summary::rate_header(ctx.ws.settings.language),
        ],
    );
    let rank = |rule: &str| {
        let rules = &ctx.ws.policy.deadlines;
        rules
            .iter()
            .position(|r| r.name == rule)
            .unwrap_or(rules.len())
    };
    let mut rules: Vec<_> = report.on_time.iter().collect();
    rules.sort_by_key(|(rule, _)| (rank(rule), rule.as_str()));
    for (rule, o) in rules {
        let label = rule_title(ctx, rule);
        let target = match o.kind {
            Some(RuleKind::OfficeTarget) => {
                crate::msg!(lang, "aside", text = RuleKind::OfficeTarget.label(lang))
            }
            _ => String::new(),
        };
        let name = match lang {
            Language::En => format!("{rule} ({label}{target})"),
            Language::Zh => format!("{label}{target}"),
        };
        on_time.push(vec![
            name,
            o.met.to_string(),
            o.missed.to_string(),
            o.overdue.to_string(),
            o.not_tracked.to_string(),
            pct(o.rate),
        ]);
    }
    let mut satisfaction = code_table(
        ctx,
        text(ctx.lang(), "report-follow-up-satisfaction"),
        text(ctx.lang(), "report-answer"),
        (CodeKind::Satisfaction, &report.satisfaction),
        |k| satisfaction_name_label(ctx, k),
    );
    satisfaction.push(vec![
        text(ctx.lang(), "report-satisfaction-rate").into(),
        pct(report.satisfaction_rate),
    ]);
    let mut forced = Table::new(
        Some(text(ctx.lang(), "report-overrides")),
        &[
            text(ctx.lang(), "report-override"),
            text(ctx.lang(), "report-count"),
        ],
    );
    forced.push(vec![
        text(ctx.lang(), "report-forced-extensions").to_string(),
        report.forced_extensions.to_string(),
    ]);
    let overrides = (report.forced_extensions > 0).then_some(forced);
    let mut tables = vec![
        breakdown(ctx, report),
        code_table(
            ctx,
            text(ctx.lang(), "report-rejected-by-reason"),
            text(ctx.lang(), "report-reason"),
            (CodeKind::Reason, &report.rejected_by_reason),
            |k| code_label(&policy.rejection_reasons, k, lang),
        ),
        code_table(
            ctx,
            text(ctx.lang(), "report-resolved-by-outcome"),
            text(ctx.lang(), "report-outcome"),
            (CodeKind::Outcome, &report.resolved_by_outcome),
            |k| code_label(&policy.outcomes, k, lang),
        ),
        code_table(
            ctx,
            text(ctx.lang(), "report-by-channel"),
            text(ctx.lang(), "report-channel"),
            (CodeKind::Channel, &report.by_channel),
            |k| channel_label(ctx, k),
        ),
        on_time,
        satisfaction,
    ];
    tables.extend(overrides);
    tables
}

fn report_title(ctx: &Ctx) -> &'static str {
    text(ctx.lang(), "report-complaint-statistics")
}

/// Writes each non-empty section of the report as `NN-title.csv` in `dir`,
/// in the order of the Markdown report; prints the files written.
fn write_sections(
    ctx: &Ctx,
    report: &Report,
    dir: &std::path::Path,
    bom: bool,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let sections = tables(ctx, report)
        .into_iter()
        .filter(|t| !t.rows.is_empty());
    for (n, table) in sections.enumerate() {
        let title = table.title.clone().unwrap_or_default();
        let name: String = title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let path = dir.join(format!("{:02}-{name}.csv", n + 1));
        crate::storage::atomic::write_atomic(&path, table.to_csv(bom).as_bytes())?;
        output::print_line(&path.display().to_string())?;
    }
    Ok(())
}

/// Every non-empty section of the report in one CSV table, one value a
/// row: the section's title, the row's label (its first cell), the
/// column's name and the value, in the order of the Markdown report. A
/// spreadsheet filters it by section; `--out DIR` writes the sections as
/// tables of their own.
fn long_table(ctx: &Ctx, report: &Report) -> Table {
    let mut rows = Vec::new();
    for table in tables(ctx, report) {
        let section = table.title.clone().unwrap_or_default();
        for row in &table.rows {
            let label = row.first().cloned().unwrap_or_default();
            for (column, value) in table.header.iter().zip(row).skip(1) {
                rows.push(vec![
                    section.clone(),
                    label.clone(),
                    column.clone(),
                    value.clone(),
                ]);
            }
        }
    }
    let header = [
        text(ctx.lang(), "report-section"),
        text(ctx.lang(), "report-row"),
        text(ctx.lang(), "report-column"),
        text(ctx.lang(), "report-value"),
    ];
    Table {
        header: header
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        rows,
        ..Table::default()
    }
}

/// The lines under the report's title: the period, the day it was made,
/// the number of cases received.
fn facts(ctx: &Ctx, report: &Report) -> [(&'static str, String); 3] {
    [
        (
            text(ctx.lang(), "report-period-of-receipt"),
            format!("{} – {}", report.period.start, report.period.end),
        ),
        (
            text(ctx.lang(), "report-generated"),
            report.generated.to_string(),
        ),
        (
            text(ctx.lang(), "report-cases-received-count"),
            report.total.received.to_string(),
        ),
    ]
}

fn markdown(ctx: &Ctx, report: &Report) -> String {
    let title = report_title(ctx);
    let facts: Vec<String> = facts(ctx, report)
        .iter()
        .map(|(label, value)| format!("{label}{}{value}", text(ctx.lang(), "colon")))
        .collect();
    let mut out = format!(
        "# {title} — {}\n\n{}\n\n",
        report.period.label,
        facts.join("  \n")
    );
    // An empty section (no rejections yet) is left out of a public notice.
    for table in tables(ctx, report)
        .into_iter()
        .filter(|t| !t.rows.is_empty())
    {
        out.push_str(&table.to_markdown());
        out.push('\n');
    }
    out
}

/// The publishable page: the Markdown report's sections as tables, after
/// four charts; inline CSS and SVG, nothing fetched, no scripts.
fn html(ctx: &Ctx, report: &Report) -> String {
    let title = format!("{} — {}", report_title(ctx), report.period.label);
    let facts: Vec<String> = facts(ctx, report)
        .iter()
        .map(|(label, value)| escape(&format!("{label}{}{value}", text(ctx.lang(), "colon"))))
        .collect();
    let mut body = format!(
        "<h2>{}</h2>\n<p class=\"meta\">{}</p>\n",
        escape(&title),
        facts.join("<br>")
    );
    for (caption, svg) in charts(ctx, report) {
        let _ = write!(
            body,
            "<figure>\n<figcaption>{}</figcaption>\n{svg}</figure>\n",
            escape(&caption)
        );
    }
    for table in tables(ctx, report)
        .into_iter()
        .filter(|t| !t.rows.is_empty())
    {
        body.push_str(&table.to_html());
    }
    html_page(&title, &body)
}

/// Cases received per month, by category, on-time rate per rule, outcomes.
fn charts(ctx: &Ctx, report: &Report) -> Vec<(String, String)> {
    let policy = &ctx.ws.policy;
    let lang = ctx.ws.settings.language;
    let counts = |map: &std::collections::BTreeMap<String, usize>,
                  label: &dyn Fn(&str) -> String| {
        map.iter()
            .map(|(k, n)| (label(k), *n as f64))
            .collect::<Vec<_>>()
    };
    let months = counts(&report.by_month, &|k| k.to_string());
    let categories: std::collections::BTreeMap<String, usize> = report
        .breakdown
        .iter()
        .map(|line| (line.key.clone(), line.received))
        .collect();
    let categories: Vec<(String, f64)> = if report.by == By::Category {
        counts(&categories, &|k| category_label(ctx, k))
    } else {
        counts(&categories, &|k| k.to_string())
    };
    let on_time: Vec<(String, f64)> = report
        .on_time
        .iter()
        .filter_map(|(rule, o)| {
            let label = super::view::rule_title(ctx, rule);
            o.rate.map(|rate| (label, rate))
        })
        .collect();
    let outcomes = counts(&report.resolved_by_outcome, &|k| {
        code_label(&policy.outcomes, k, lang)
    });
    let by_title = match report.by {
        By::Category => text(ctx.lang(), "report-cases-by-category"),
        By::Respondent => text(ctx.lang(), "report-cases-by-respondent"),
        By::Department => text(ctx.lang(), "report-cases-by-department"),
        By::Assignee => text(ctx.lang(), "report-cases-by-assignee"),
    };
    [
        (
            text(ctx.lang(), "report-cases-received-per-month"),
            months,
            Scale::Count,
        ),
        (by_title, categories, Scale::Count),
        (
            text(ctx.lang(), "report-on-time-rate-per-deadline"),
            on_time,
            Scale::Percent,
        ),
        (
            text(ctx.lang(), "report-outcomes-of-resolved-cases"),
            outcomes,
            Scale::Count,
        ),
    ]
    .into_iter()
    .map(|(title, bars, scale)| (title.to_string(), bar_chart(title, &bars, scale)))
    .collect()
}
