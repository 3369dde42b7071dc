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
use crate::reports::offices::{Office, Offices, build_offices};
use crate::reports::report::{By, Dims, Line, NONE_KEY, Report, build_all};
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
    let dims = Dims::new(&ctx.ws.policy, args.by, args.then);
    let (mut report, unread) = build_all(&ctx.ws, &snapshot, args.period.clone(), dims, ctx.today);
    if !args.measures {
        report.measures = None;
    }
    match format {
        ReportFormat::Json => output::print_json(&report)?,
        ReportFormat::Md => output::print_text(&markdown(ctx, &report))?,
        ReportFormat::Html => output::print_document(ctx.look, &html(ctx, &report))?,
        ReportFormat::Csv => match &args.out {
            Some(dir) => write_sections(tables(ctx, &report), dir, args.bom)?,
            None => {
                let table = long_table(ctx, tables(ctx, &report));
                output::print_document(ctx.look, &table.to_csv(args.bom))?;
            }
        },
        ReportFormat::Table => output::print_tables(ctx.look, &tables(ctx, &report))?,
    }
    let mut broken = snapshot.broken;
    broken.extend(unread);
    ctx.report_broken(&broken)
}

/// A key of dimension `by` as the report prints it: a code by its label,
/// no value as "(none)" (an outcome's as "(not resolved)").
fn key_label(ctx: &Ctx, by: By, key: &str) -> String {
    match (by, by.codes()) {
        (By::Outcome, _) if key == NONE_KEY => text(ctx.lang(), "report-not-resolved").into(),
        _ if key == NONE_KEY => text(ctx.lang(), "report-none").into(),
        (By::Category, _) => category_label(ctx, key),
        (_, Some(kind)) => code_label(&ctx.ws.policy.codes(kind), key, ctx.ws.settings.language),
        (_, None) => key.to_string(),
    }
}

/// The heading of a column of keys of `by`.
fn by_label(ctx: &Ctx, by: By) -> &'static str {
    let id = match by {
        By::Category => "report-category",
        By::Type => "report-type",
        By::Cause => "report-cause",
        By::Respondent => "report-respondent",
        By::Department => "report-department",
        By::ReceivingDepartment => "report-receiving-department",
        By::Channel => "report-channel",
        By::Outcome => "report-outcome",
        By::Assignee => "report-assignee",
    };
    text(ctx.lang(), id)
}

/// The title of the chart of cases by `by`.
fn by_title(ctx: &Ctx, by: By) -> &'static str {
    let id = match by {
        By::Category => "report-cases-by-category",
        By::Type => "report-cases-by-type",
        By::Cause => "report-cases-by-cause",
        By::Respondent => "report-cases-by-respondent",
        By::Department => "report-cases-by-department",
        By::ReceivingDepartment => "report-cases-by-receiving-department",
        By::Channel => "report-cases-by-channel",
        By::Outcome => "report-cases-by-outcome",
        By::Assignee => "report-cases-by-assignee",
    };
    text(ctx.lang(), id)
}

/// The cross-tabulation: a row per key of one dimension, its total, and a
/// column per key of the other.
fn cross_table(ctx: &Ctx, cross: &crate::reports::report::Cross) -> Table {
    let title = crate::msg!(
        ctx.lang(),
        "report-crossed",
        rows = by_label(ctx, cross.by),
        columns = by_label(ctx, cross.then)
    );
    let mut header = vec![
        by_label(ctx, cross.by).to_string(),
        text(ctx.lang(), "report-total").to_string(),
    ];
    header.extend(cross.columns.iter().map(|k| key_label(ctx, cross.then, k)));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(Some(title.as_str()), &header);
    for row in &cross.rows {
        let mut cells = vec![key_label(ctx, cross.by, &row.key), row.total.to_string()];
        cells.extend(
            cross
                .columns
                .iter()
                .map(|k| row.cells.get(k).copied().unwrap_or(0).to_string()),
        );
        table.push(cells);
    }
    table
}

/// The compensation section: how many cases, and the sum in yuan.
fn compensation_table(ctx: &Ctx, report: &Report) -> Table {
    let mut table = Table::new(
        Some(text(ctx.lang(), "report-compensation")),
        &[
            text(ctx.lang(), "report-row"),
            text(ctx.lang(), "report-amount"),
        ],
    );
    table.push(vec![
        text(ctx.lang(), "report-compensated-cases").into(),
        report.compensation.cases.to_string(),
    ]);
    table.push(vec![
        text(ctx.lang(), "report-compensation-total").into(),
        report.compensation.total.to_string(),
    ]);
    table
}

/// The sections the policy's types, the office's causes, a
/// cross-tabulation and compensation add after the main breakdown.
fn classified(ctx: &Ctx, report: &Report) -> Vec<Table> {
    let policy = &ctx.ws.policy;
    let mut tables = Vec::new();
    for (by, title, map, defined) in [
        (
            By::Type,
            "report-by-type",
            &report.by_type,
            !policy.types.is_empty(),
        ),
        (
            By::Cause,
            "report-by-cause",
            &report.by_cause,
            !policy.causes.is_empty(),
        ),
    ] {
        if defined {
            let kind = by.codes().expect("types and causes are codes");
            tables.push(code_table(
                ctx,
                text(ctx.lang(), title),
                by_label(ctx, by),
                (kind, map),
                |k| key_label(ctx, by, k),
            ));
        }
    }
    tables.extend(report.cross.as_ref().map(|c| cross_table(ctx, c)));
    if report.compensation.cases > 0 {
        tables.push(compensation_table(ctx, report));
    }
    tables
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
    let by_label = by_label(ctx, report.by);
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
    shorten(ctx, &mut table, &[(8, Short::Rate), (9, Short::Median)]);
    table.fit.blocks = true;
    for line in &report.breakdown {
        table.push(line_cells(key_label(ctx, report.by, &line.key), line));
    }
    table.push(line_cells(
        text(ctx.lang(), "report-total").to_string(),
        &report.total,
    ));
    table
}

/// A long column name a terminal shortens.
#[derive(Clone, Copy)]
enum Short {
    /// The on-time rate and its formula.
    Rate,
    /// The median working days to close.
    Median,
}

/// Gives the columns of `table` their short names on a terminal, with
/// what each stands for under the table (the long names stay in every
/// other format).
fn shorten(ctx: &Ctx, table: &mut Table, columns: &[(usize, Short)]) {
    let lang = ctx.lang();
    for &(i, short) in columns {
        let (name, note) = match short {
            Short::Rate => (
                text(lang, "report-short-on-time"),
                super::summary::rate_header(lang).to_string(),
            ),
            Short::Median => (
                text(lang, "report-short-median"),
                crate::msg!(lang, "report-note-median"),
            ),
        };
        table.short.insert(i, name.to_string());
        table.notes.push(note);
    }
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
    shorten(ctx, &mut on_time, &[(5, Short::Rate)]);
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
        let target_label = RuleKind::OfficeTarget.label(lang);
        let target = match o.kind {
            // A label that already says so (办结（内部目标）) is not told twice.
            Some(RuleKind::OfficeTarget) if !label.contains(target_label) => {
                crate::msg!(lang, "aside", text = target_label)
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
    let mut escalated = Table::new(
        Some(text(ctx.lang(), "report-escalation")),
        &[
            text(ctx.lang(), "report-measure-escalation"),
            text(ctx.lang(), "report-count"),
        ],
    );
    escalated.push(vec![
        text(ctx.lang(), "report-escalated").to_string(),
        report.escalated.to_string(),
    ]);
    escalated.push(vec![
        text(ctx.lang(), "report-awaiting-instruction").to_string(),
        report.awaiting_instruction.to_string(),
    ]);
    let escalated = (report.escalated > 0).then_some(escalated);
    let mut tables = vec![breakdown(ctx, report)];
    tables.extend(classified(ctx, report));
    tables.extend([
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
    ]);
    tables.extend(overrides);
    tables.extend(measures_table(ctx, report));
    tables.extend(escalated);
    tables
}

/// Each case's corrective measures (`--measures`), one row a case.
fn measures_table(ctx: &Ctx, report: &Report) -> Option<Table> {
    let list = report.measures.as_ref()?;
    let lang = ctx.lang();
    let mut table = Table::new(
        Some(text(lang, "report-measures")),
        &[
            text(lang, "report-case-id"),
            text(lang, "report-category"),
            text(lang, "report-department-concerned"),
            text(lang, "report-measures-text"),
        ],
    );
    for m in list {
        table.push(vec![
            m.id.clone(),
            m.category
                .as_deref()
                .map(|c| category_label(ctx, c))
                .unwrap_or_default(),
            crate::messages::join(lang, &m.departments),
            m.measures.clone(),
        ]);
    }
    if list.is_empty() {
        table.push(vec![
            text(lang, "report-none").to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    Some(table)
}

fn report_title(ctx: &Ctx) -> &'static str {
    text(ctx.lang(), "report-complaint-statistics")
}

/// Writes each non-empty section of the report as `NN-title.csv` in `dir`,
/// in the order of the Markdown report; prints the files written.
fn write_sections(tables: Vec<Table>, dir: &std::path::Path, bom: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let sections = tables.into_iter().filter(|t| !t.rows.is_empty());
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
fn long_table(ctx: &Ctx, tables: Vec<Table>) -> Table {
    let mut rows = Vec::new();
    for table in tables {
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

/// The lines under the report's title: the office (when `plaint.yaml`
/// names it), the period, the day it was made, the number of cases
/// received.
fn facts(ctx: &Ctx, report: &Report) -> Vec<(&'static str, String)> {
    let office = match (&report.office_name, &report.office) {
        (Some(name), Some(code)) => Some(format!("{name} ({code})")),
        (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    let office = office.map(|o| (text(ctx.lang(), "report-filed-by"), o));
    office
        .into_iter()
        .chain([
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
        ])
        .collect()
}

fn markdown(ctx: &Ctx, report: &Report) -> String {
    let facts = facts(ctx, report);
    markdown_of(ctx, &report.period.label, &facts, tables(ctx, report))
}

/// The Markdown report: its title, the `facts` under it, and the tables.
fn markdown_of(ctx: &Ctx, period: &str, facts: &[(&str, String)], tables: Vec<Table>) -> String {
    let title = report_title(ctx);
    let facts: Vec<String> = facts
        .iter()
        .map(|(label, value)| format!("{label}{}{value}", text(ctx.lang(), "colon")))
        .collect();
    let mut out = format!("# {title} — {period}\n\n{}\n\n", facts.join("  \n"));
    // An empty section (no rejections yet) is left out of a public notice.
    for table in tables.into_iter().filter(|t| !t.rows.is_empty()) {
        out.push_str(&table.to_markdown());
        out.push('\n');
    }
    out
}

/// The publishable page: the Markdown report's sections as tables, after
/// four charts; inline CSS and SVG, nothing fetched, no scripts.
fn html(ctx: &Ctx, report: &Report) -> String {
    let facts = facts(ctx, report);
    let charts = charts(ctx, report);
    html_of(
        ctx,
        &report.period.label,
        &facts,
        charts,
        tables(ctx, report),
    )
}

/// The printable page: title, `facts`, charts, tables.
fn html_of(
    ctx: &Ctx,
    period: &str,
    facts: &[(&str, String)],
    charts: Vec<(String, String)>,
    tables: Vec<Table>,
) -> String {
    let title = format!("{} — {period}", report_title(ctx));
    let facts: Vec<String> = facts
        .iter()
        .map(|(label, value)| escape(&format!("{label}{}{value}", text(ctx.lang(), "colon"))))
        .collect();
    let mut body = format!(
        "<h2>{}</h2>\n<p class=\"meta\">{}</p>\n",
        escape(&title),
        facts.join("<br>")
    );
    for (caption, svg) in charts {
        let _ = write!(
            body,
            "<figure>\n<figcaption>{}</figcaption>\n{svg}</figure>\n",
            escape(&caption)
        );
    }
    for table in tables.into_iter().filter(|t| !t.rows.is_empty()) {
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
    let categories: Vec<(String, f64)> = report
        .breakdown
        .iter()
        .map(|line| (key_label(ctx, report.by, &line.key), line.received as f64))
        .collect();
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
    let by_title = by_title(ctx, report.by);
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

/// The workspace folders of a report on several offices: each `-C`, then
/// each line of the `--offices` file (blank lines and `#` comments
/// skipped; a relative folder is taken from the file's own folder). One
/// folder named twice would count its cases twice, so it is refused.
pub fn office_roots(
    flags: &[std::path::PathBuf],
    list: Option<&std::path::Path>,
) -> anyhow::Result<Vec<std::path::PathBuf>> {
    // Refusals are told in the first office's language, when one is named.
    if let Some(first) = flags.first() {
        super::adopt_language(first);
    }
    let lang = output::language();
    let mut roots = flags.to_vec();
    if let Some(file) = list {
        let limit = crate::limits::MAX_SETTINGS_BYTES;
        let text = crate::limits::read_text_bounded(file, limit, "offices file")?;
        let base = file.parent().unwrap_or(std::path::Path::new(""));
        let before = roots.len();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            roots.push(base.join(line));
        }
        if roots.len() == before {
            let file = file.display();
            return Err(Error::usage(crate::msg!(lang, "offices-none", file = file)).into());
        }
    }
    let mut seen = Vec::new();
    for root in roots {
        // Named by where it is, however the line reached it.
        let same = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        if seen.contains(&same) {
            let dir = root.display();
            return Err(Error::usage(crate::msg!(lang, "office-twice", dir = dir)).into());
        }
        seen.push(same);
    }
    Ok(seen)
}

/// How the report names an office: its code (`office.code` in
/// plaint.yaml), else its workspace folder's name.
pub fn office_name(ctx: &Ctx) -> String {
    if let Some(code) = ctx.ws.settings.office_code() {
        return code.to_string();
    }
    let root = &ctx.ws.root;
    root.file_name().map_or_else(
        || root.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The report of several offices (one context each, in the order given):
/// each office's figures and their total, the total counted from the
/// offices' counts. Printed in the first office's language and labels.
pub fn run_offices(offices: &[Ctx], args: &ReportArgs) -> anyhow::Result<Exit> {
    let first = &offices[0];
    let format = if first.look.json {
        ReportFormat::Json
    } else {
        args.format
    };
    if args.out.is_some() && format != ReportFormat::Csv {
        return Err(Error::usage(crate::msg!(first.lang(), "out-needs-csv")).into());
    }
    let mut snapshots = Vec::new();
    for ctx in offices {
        snapshots.push(ctx.ws.scan()?);
    }
    let inputs: Vec<Office> = offices
        .iter()
        .zip(&snapshots)
        .map(|(ctx, snapshot)| Office {
            name: office_name(ctx),
            ws: &ctx.ws,
            snapshot,
            today: ctx.today,
        })
        .collect();
    let (mut all, unread) = build_offices(&inputs, &args.period, args.by, args.then);
    if !args.measures {
        all.total.measures = None;
        for office in &mut all.offices {
            office.report.measures = None;
        }
    }
    let label = &all.total.period.label;
    match format {
        ReportFormat::Json => output::print_json(&all)?,
        ReportFormat::Md => {
            let facts = office_facts(first, &all);
            let md = markdown_of(first, label, &facts, office_tables(offices, &all));
            output::print_text(&md)?;
        }
        ReportFormat::Html => {
            let facts = office_facts(first, &all);
            let charts = charts(first, &all.total);
            let page = html_of(first, label, &facts, charts, office_tables(offices, &all));
            output::print_document(first.look, &page)?;
        }
        ReportFormat::Csv => match &args.out {
            Some(dir) => write_sections(office_tables(offices, &all), dir, args.bom)?,
            None => {
                let table = long_table(first, office_tables(offices, &all));
                output::print_document(first.look, &table.to_csv(args.bom))?;
            }
        },
        ReportFormat::Table => output::print_tables(first.look, &office_tables(offices, &all))?,
    }
    let mut broken: Vec<Error> = snapshots.into_iter().flat_map(|s| s.broken).collect();
    broken.extend(unread);
    first.report_broken(&broken)
}

/// The lines under the title of a report on several offices.
fn office_facts(ctx: &Ctx, all: &Offices) -> Vec<(&'static str, String)> {
    let mut lines = facts(ctx, &all.total);
    lines.insert(
        2,
        (
            text(ctx.lang(), "report-offices"),
            all.offices.len().to_string(),
        ),
    );
    lines
}

/// The tables of a report on several offices: one line per office and
/// the total; the sections of the total; then each office's sections,
/// titled with its name, in its own policy's labels.
fn office_tables(offices: &[Ctx], all: &Offices) -> Vec<Table> {
    let first = &offices[0];
    let lang = first.lang();
    let mut by_office = Table::new(
        Some(text(lang, "report-by-office")),
        &[
            text(lang, "report-office"),
            text(lang, "report-received"),
            text(lang, "report-accepted"),
            text(lang, "report-rejected"),
            text(lang, "report-transferred"),
            text(lang, "report-resolved"),
            text(lang, "report-withdrawn"),
            text(lang, "report-open"),
            super::summary::rate_header(lang),
            text(lang, "report-median-to-close"),
        ],
    );
    for office in &all.offices {
        by_office.push(line_cells(office.office.clone(), &office.report.total));
    }
    by_office.push(line_cells(
        text(lang, "report-total").to_string(),
        &all.total.total,
    ));
    let titled = |name: &str, mut table: Table| {
        let title = table.title.take().unwrap_or_default();
        table.title = Some(crate::msg!(
            lang,
            "report-office-section",
            office = name,
            title = title
        ));
        table
    };
    let total = text(lang, "report-total");
    let mut out = vec![by_office];
    out.extend(
        tables(first, &all.total)
            .into_iter()
            .map(|t| titled(total, t)),
    );
    for (ctx, office) in offices.iter().zip(&all.offices) {
        out.extend(
            tables(ctx, &office.report)
                .into_iter()
                .map(|t| titled(&office.office, t)),
        );
    }
    out
}
