//! `plaint summary`: one screen that says how the office is doing.

use std::collections::BTreeMap;

use super::args::SummaryArgs;
use super::table::Table;
use super::view::{category_label, channel_label, priority_name_label, rule_title, status_label};
use super::{Ctx, output};
use crate::deadline::PROMISE_RULE;
use crate::error::Exit;
use crate::messages::text;
use crate::policy::Language;
use crate::policy::codes::CodeKind;
use crate::reports::summary::{DUE_SOON_WORKDAYS, Summary, summarize_all};

/// Prints the summary as of `--today`.
pub fn run(ctx: &Ctx, _args: &SummaryArgs) -> anyhow::Result<Exit> {
    let snapshot = ctx.scan()?;
    let (summary, unread) = summarize_all(&ctx.ws, &snapshot, ctx.today);
    if ctx.look.json {
        output::print_json(&summary)?;
    } else {
        output::print_tables(ctx.look, &tables(ctx, &summary))?;
    }
    let mut broken = snapshot.broken;
    broken.extend(unread);
    ctx.report_broken(&broken)
}

/// The tables of `summary`: the overview, the deadlines, then the counts
/// by status, category, assignee, channel and priority.
fn tables(ctx: &Ctx, s: &Summary) -> Vec<Table> {
    let mut tables = vec![
        overview_table(ctx, s),
        rules_table(ctx, s),
        alarm_table(ctx, s),
    ];
    tables.extend(type_table(ctx, s));
    tables.extend(count_tables(ctx, s));
    tables
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |x| format!("{x}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |x| format!("{:.1}%", x * 100.0))
}

/// Counts, times and the satisfaction rate.
fn overview_table(ctx: &Ctx, s: &Summary) -> Table {
    let lang = ctx.ws.settings.language;
    let mut overview = Table::new(
        Some(text(lang, "summary-overview")),
        &[text(lang, "summary-measure"), text(lang, "summary-value")],
    );
    for (name, value) in [
        (text(lang, "summary-cases"), s.total.to_string()),
        (text(lang, "summary-overdue"), s.overdue.to_string()),
        (text(lang, "summary-due-within-3"), s.due_soon.to_string()),
        (
            text(lang, "summary-repeat-complaints"),
            s.repeat.to_string(),
        ),
        (text(lang, "summary-escalated"), s.escalated.to_string()),
        (
            text(lang, "summary-awaiting-instruction"),
            s.awaiting_instruction.to_string(),
        ),
        (
            text(lang, "summary-median-to-decision"),
            num(s.median_workdays_to_decision),
        ),
        (
            text(lang, "summary-p90-to-decision"),
            num(s.p90_workdays_to_decision),
        ),
        (
            text(lang, "summary-median-to-close"),
            num(s.median_workdays_to_close),
        ),
        (
            text(lang, "summary-p90-to-close"),
            num(s.p90_workdays_to_close),
        ),
        (
            text(lang, "summary-satisfaction-rate"),
            pct(s.satisfaction_rate),
        ),
    ] {
        overview.push(vec![name.to_string(), value]);
    }
    overview
}

/// Each deadline rule (and promises, once any was made): overdue, due
/// soon, met, missed, the on-time rate.
fn rules_table(ctx: &Ctx, s: &Summary) -> Table {
    let lang = ctx.ws.settings.language;
    debug_assert_eq!(DUE_SOON_WORKDAYS, 3);
    let mut rules = Table::new(
        Some(text(lang, "summary-deadlines")),
        &[
            text(lang, "summary-rule"),
            text(lang, "summary-col-overdue"),
            text(lang, "summary-due-soon"),
            text(lang, "summary-met"),
            text(lang, "summary-missed"),
            text(lang, "summary-not-tracked"),
            rate_header(lang),
        ],
    );
    let promise = PROMISE_RULE.to_string();
    let names = ctx.ws.policy.deadlines.iter().map(|r| &r.name).chain(
        // Promises are listed once any was made.
        s.on_time.contains_key(PROMISE_RULE).then_some(&promise),
    );
    for name in names {
        let on_time = s.on_time.get(name);
        let count = |counts: &BTreeMap<String, usize>| counts.get(name).copied().unwrap_or(0);
        rules.push(vec![
            match lang {
                Language::En => format!("{name} ({})", rule_title(ctx, name)),
                Language::Zh => rule_title(ctx, name),
            },
            count(&s.overdue_by_rule).to_string(),
            count(&s.due_soon_by_rule).to_string(),
            on_time.map_or(0, |o| o.met).to_string(),
            on_time.map_or(0, |o| o.missed).to_string(),
            on_time.map_or(0, |o| o.not_tracked).to_string(),
            pct(on_time.and_then(|o| o.rate)),
        ]);
    }
    rules
}

/// Open cases by alarm grade, mildest first, every grade shown.
fn alarm_table(ctx: &Ctx, s: &Summary) -> Table {
    let lang = ctx.lang();
    let rows = crate::deadline::alarm::Alarm::ALL
        .iter()
        .map(|a| {
            (
                a.label(lang),
                s.by_alarm.get(a.as_str()).copied().unwrap_or(0),
            )
        })
        .collect();
    counts(
        &crate::msg!(lang, "summary-by-alarm"),
        &crate::msg!(lang, "field-alarm"),
        rows,
        lang,
    )
}

/// The counts by type, where the policy has types.
fn type_table(ctx: &Ctx, s: &Summary) -> Option<Table> {
    let lang = ctx.ws.settings.language;
    let policy = &ctx.ws.policy;
    (!policy.types.is_empty()).then(|| {
        counts(
            text(lang, "summary-by-type"),
            text(lang, "summary-type"),
            in_policy_order(ctx, CodeKind::Type, &s.by_type, |k| {
                crate::policy::code_label(&policy.types, k, lang)
            }),
            lang,
        )
    })
}

/// The counts by status, category, assignee, channel and priority.
fn count_tables(ctx: &Ctx, s: &Summary) -> Vec<Table> {
    let lang = ctx.ws.settings.language;
    let status_rows = ctx
        .ws
        .policy
        .states
        .iter()
        .filter_map(|st| {
            s.by_status
                .get(&st.name)
                .map(|n| (status_label(ctx, &st.name), *n))
        })
        .collect();
    vec![
        counts(
            text(lang, "summary-by-status"),
            text(lang, "summary-status"),
            status_rows,
            lang,
        ),
        counts(
            text(lang, "summary-by-category"),
            text(lang, "summary-category"),
            in_policy_order(ctx, CodeKind::Category, &s.by_category, |k| {
                category_label(ctx, k)
            }),
            lang,
        ),
        counts(
            text(lang, "summary-by-assignee"),
            text(lang, "summary-assignee"),
            labelled(&s.by_assignee, str::to_string),
            lang,
        ),
        counts(
            text(lang, "summary-by-channel"),
            text(lang, "summary-channel"),
            in_policy_order(ctx, CodeKind::Channel, &s.by_channel, |k| {
                channel_label(ctx, k)
            }),
            lang,
        ),
        counts(
            text(lang, "summary-by-priority"),
            text(lang, "summary-priority"),
            in_policy_order(ctx, CodeKind::Priority, &s.by_priority, |k| {
                priority_name_label(ctx, k)
            }),
            lang,
        ),
    ]
}

/// The on-time column's header, which states how the rate is computed.
pub fn rate_header(lang: Language) -> &'static str {
    text(lang, "summary-rate-header")
}

fn labelled(map: &BTreeMap<String, usize>, label: impl Fn(&str) -> String) -> Vec<(String, usize)> {
    let mut rows: Vec<(String, usize)> = map.iter().map(|(k, v)| (label(k), *v)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// Counts in the order the policy lists the codes (priorities by
/// severity, categories as the preset lists them, as `report` does);
/// values the policy does not list follow, by name.
pub(super) fn in_policy_order(
    ctx: &Ctx,
    kind: CodeKind,
    map: &BTreeMap<String, usize>,
    label: impl Fn(&str) -> String,
) -> Vec<(String, usize)> {
    let order: Vec<String> = ctx
        .ws
        .policy
        .codes(kind)
        .into_iter()
        .map(|c| c.code)
        .collect();
    let rank = |k: &str| order.iter().position(|c| c == k).unwrap_or(order.len());
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| (rank(k), k.as_str()));
    keys.into_iter().map(|k| (label(k), map[k])).collect()
}

fn counts(title: &str, column: &str, rows: Vec<(String, usize)>, lang: Language) -> Table {
    let mut table = Table::new(Some(title), &[column, text(lang, "summary-col-cases")]);
    for (label, n) in rows {
        table.push(vec![label, n.to_string()]);
    }
    table
}
