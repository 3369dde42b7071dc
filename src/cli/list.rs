//! `plaint list`: cases with filters, as a table, JSON, CSV or IDs.

use super::args::{FilterArgs, ListArgs, ListFormat, SortKey};
use super::table::Table;
use super::view::{
    case_json_bytes, category_label, due_cell, due_cell_short, priority_label, status_label,
};
use super::{Ctx, Shown, output};
use crate::deadline::DeadlineState;
use crate::deadline::alarm::{Alarm, case_grade};
use crate::error::Exit;
use crate::messages::text;
use crate::model::Case;
use crate::query::{self, Filter, Hit, Row, Selection, Sort, sort_hits};
use crate::redact::redact_case;
use crate::storage::Snapshot;

/// After `--assignee NAME` found nothing: a warning suggesting the name
/// plaint.yaml lists one slip away from NAME (李铭 → 李明), so that an
/// empty list from a mistyped name is not taken for a quiet day.
fn warn_mistyped_assignee(ctx: &Ctx, name: Option<&str>) {
    let Some(name) = name.map(str::trim) else {
        return;
    };
    let people = crate::policy::people::listed(&ctx.ws.settings);
    if people.iter().any(|p| p == name) {
        return;
    }
    if let Some(meant) = crate::policy::people::closest(name, &people) {
        output::warn(&crate::msg!(
            ctx.lang(),
            "assignee-nobody",
            name = name,
            meant = meant
        ));
    }
}

/// Lists every readable case that passes the filters; unreadable files are
/// named on stderr and make the exit code 1. Cases are read through the
/// case index and decoded again for printing, so memory holds the hits
/// and the printed page, never every parsed case.
pub fn run(ctx: &Ctx, args: &ListArgs) -> anyhow::Result<Exit> {
    let mut filter = filter_of(args);
    filter.resolve_codes(&ctx.ws.policy)?;
    filter.validate(&ctx.ws.policy)?;
    let snapshot = ctx.scan()?;
    let repeats = args.repeat.then(|| query::repeats(&ctx.ws, &snapshot));
    let format = if ctx.look.json {
        ListFormat::Json
    } else {
        args.format
    };
    // The default order (lateness, then priority) rests on the deadlines
    // too, so that an ID list comes in the order the table shows.
    let shows_deadlines = format != ListFormat::Ids
        || filter.needs_deadlines()
        || matches!(args.sort, SortKey::Due | SortKey::Priority);
    let selection = Selection {
        filter: &filter,
        deadlines: shows_deadlines,
        only: repeats.as_ref(),
        today: ctx.today,
    };
    let (mut hits, unread) = query::select(&ctx.ws, &snapshot, selection);
    if hits.is_empty() {
        warn_mistyped_assignee(ctx, filter.assignee.as_deref());
    }
    sort_hits(&mut hits, sort_of(args.sort));
    report_hit_errors(&hits);
    note_shown_deadlines(ctx, &snapshot, &hits, format);
    // Filters and deadlines read the real case; only the output is redacted.
    let case_of = |hit: &Hit| -> Option<Case> {
        let case = snapshot.case(hit.index).ok()?;
        Some(if args.redact {
            redact_case(&case)
        } else {
            case
        })
    };
    match format {
        ListFormat::Json => {
            let levels = ctx.ws.policy.alarms;
            output::print_json_array(ctx.look, &hits, |hit| match case_of(hit) {
                Some(case) => case_json_bytes(&case, &hit.deadlines, &levels, args.full),
                None => b"null".to_vec(),
            })?;
        }
        ListFormat::Ids => {
            let ids: Vec<&str> = hits.iter().map(|h| snapshot.id(h.index).as_str()).collect();
            if !ids.is_empty() {
                output::print_line(&ids.join("\n"))?;
            }
        }
        ListFormat::Csv => {
            output::print_document(ctx.look, &csv_table(ctx, &hits, &case_of).to_csv(args.bom))?;
        }
        ListFormat::Table if hits.is_empty() && ctx.look.terminal => {
            output::notice(&crate::msg!(ctx.lang(), "no-cases-match"));
        }
        ListFormat::Table => print_table(ctx, &hits, &case_of)?,
    }
    let mut broken = snapshot.broken;
    broken.extend(unread);
    ctx.report_broken(&broken)
}

/// The library filter for these arguments.
pub fn filter_of(args: &ListArgs) -> Filter {
    let mut common = common_filter(&args.filter);
    if common.statuses.is_empty() && !args.all {
        common.statuses = vec!["open".to_string()];
    }
    Filter {
        overdue: args.overdue,
        due_within: args.due_within,
        alarm: args.alarm,
        void: args.all,
        escalated: args.escalated,
        ..common
    }
}

/// The filters `list` and `export` share.
pub fn common_filter(args: &FilterArgs) -> Filter {
    Filter {
        statuses: args.status.clone(),
        assignee: args.assignee.clone(),
        category: args.category.clone(),
        channel: args.channel.clone(),
        department: args.department.clone(),
        receiving_department: args.receiving_department.clone(),
        case_type: args.case_type.clone(),
        cause: args.cause.clone(),
        search: args.search.clone(),
        ..Filter::default()
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
        SortKey::Due => Sort::Due,
    }
}

/// Prints each distinct computation error once.
fn report_hit_errors(hits: &[Hit]) {
    let mut seen = std::collections::BTreeSet::new();
    for hit in hits {
        for message in hit.error.iter() {
            if seen.insert(message.clone()) {
                output::warn(message);
            }
        }
    }
}

/// Notes, for the command's one coverage warning, exactly the deadlines
/// this format shows: every deadline of each case in JSON; the next one
/// due of each row in a table (unless paused: its cell shows no date), a
/// CSV or an ID list (whose selection may rest on it).
fn note_shown_deadlines(ctx: &Ctx, snapshot: &Snapshot, hits: &[Hit], format: ListFormat) {
    for hit in hits {
        let id = snapshot.id(hit.index).as_str();
        let next = || crate::deadline::next_due(&hit.deadlines).into_iter();
        match format {
            ListFormat::Json => ctx.note_coverage(id, &hit.deadlines, Shown::Flagged),
            ListFormat::Table => {
                let dated: Vec<_> = next()
                    .filter(|d| d.state != DeadlineState::Paused)
                    .cloned()
                    .collect();
                ctx.note_coverage(id, &dated, Shown::Marked);
            }
            ListFormat::Csv | ListFormat::Ids => {
                let next: Vec<_> = next().cloned().collect();
                ctx.note_coverage(id, &next, Shown::Unmarked);
            }
        }
    }
}

fn header(ctx: &Ctx) -> Vec<String> {
    let lang = ctx.ws.settings.language;
    [
        text(lang, "list-col-id"),
        text(lang, "list-col-received"),
        text(lang, "list-col-status"),
        text(lang, "list-col-priority"),
        text(lang, "list-col-category"),
        text(lang, "list-col-assignee"),
        text(lang, "list-col-complainant"),
        text(lang, "list-col-due"),
        text(lang, "list-col-alarm"),
        text(lang, "list-col-title"),
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}

/// Below this many columns a terminal's list shows the short due cell
/// ([`due_cell_short`]), so that the title keeps its room.
const NARROW: usize = 120;

fn cells(ctx: &Ctx, row: &Row) -> Vec<String> {
    let case = row.case;
    let narrow = ctx.look.terminal && ctx.look.width.is_some_and(|w| w < NARROW);
    let due = |d| {
        if narrow {
            due_cell_short(ctx, d)
        } else {
            due_cell(ctx, d)
        }
    };
    vec![
        case.id.to_string(),
        case.received.format("%Y-%m-%d").to_string(),
        if case.is_void() {
            crate::messages::text(ctx.lang(), "status-void").to_string()
        } else {
            status_label(ctx, &case.status)
        },
        priority_label(ctx, case.priority),
        case.category
            .as_deref()
            .map(|c| category_label(ctx, c))
            .unwrap_or_default(),
        case.assignee.clone().unwrap_or_default(),
        complainants_cell(ctx, case),
        row.next_due().map(due).unwrap_or_default(),
        alarm_of(ctx, &row.deadlines)
            .map(|a| a.label(ctx.lang()))
            .unwrap_or_default(),
        case.title.clone().unwrap_or_default(),
    ]
}

/// The alarm grade of a case with these deadlines, under the policy.
fn alarm_of(ctx: &Ctx, deadlines: &[crate::deadline::Deadline]) -> Option<Alarm> {
    case_grade(deadlines, &ctx.ws.policy.alarms)
}

/// Columns of the terminal table, by position in [`cells`].
const DUE: usize = 7;
const ALARM: usize = 8;
const TITLE: usize = 9;
/// On a narrow terminal the title shrinks first; then these columns are
/// left out, least needed first (the alarm before the title: the due
/// column still says OVERDUE, and the row is red). ID, status and due
/// date always stay.
const DROP_ORDER: [usize; 7] = [1, 3, 6, 4, 5, ALARM, TITLE];

/// The complainant, or for a joint complaint its first representative
/// and the number of people: `张三 等5人`.
fn complainants_cell(ctx: &Ctx, case: &Case) -> String {
    let count = case.complainants.len();
    let first = case
        .representatives
        .first()
        .and_then(|&i| case.complainants.get(i))
        .and_then(|p| p.name.as_deref())
        .or(case.complainant_name())
        .unwrap_or("");
    if count > 1 {
        crate::msg!(ctx.lang(), "joint-names", name = first, count = count)
    } else {
        first.to_string()
    }
}

/// The cells of each hit, its case decoded again (in parallel, a window
/// at a time); a case that can no longer be read is left out (it was read
/// a moment before).
fn hit_cells<T>(
    hits: &[Hit],
    case_of: &(dyn Fn(&Hit) -> Option<Case> + Sync),
    cells: impl Fn(&Row) -> T,
) -> Vec<(bool, T)> {
    use rayon::prelude::*;
    let mut out = Vec::with_capacity(hits.len());
    for window in hits.chunks(4096) {
        let cases: Vec<Option<Case>> = window.par_iter().map(case_of).collect();
        for (hit, case) in window.iter().zip(cases) {
            if let Some(case) = case {
                out.push((hit.overdue(), cells(&hit.row(&case))));
            }
        }
    }
    out
}

/// A piped list: tab-separated rows written as they are made, a window
/// at a time, so memory never holds every row.
fn stream_tsv(
    ctx: &Ctx,
    header: &[String],
    hits: &[Hit],
    case_of: &(dyn Fn(&Hit) -> Option<Case> + Sync),
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let mut out = output::TsvStream::new(header)?;
    for window in hits.chunks(4096) {
        let cases: Vec<Option<Case>> = window.par_iter().map(case_of).collect();
        for (hit, case) in window.iter().zip(cases) {
            if let Some(case) = case {
                out.row(&cells(ctx, &hit.row(&case)))?;
            }
        }
    }
    out.finish()
}

fn print_table(
    ctx: &Ctx,
    hits: &[Hit],
    case_of: &(dyn Fn(&Hit) -> Option<Case> + Sync),
) -> anyhow::Result<()> {
    let header = header(ctx);
    if !ctx.look.terminal {
        return stream_tsv(ctx, &header, hits, case_of);
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(None, &header);
    table.fit.flex = Some(TITLE);
    table.fit.drop_order = DROP_ORDER.to_vec();
    // Twelve Chinese characters of a title stay before other columns go;
    // below 60 columns each case is a block of lines.
    table.fit.want = 26;
    table.fit.blocks_below = 60;
    let graded = |row: &Row| (alarm_of(ctx, &row.deadlines), cells(ctx, row));
    for (overdue, (grade, cells)) in hit_cells(hits, case_of, graded) {
        if let Some(grade) = grade {
            // The due cell too: it keeps the colour when the alarm column
            // is left out on a narrow terminal.
            table.tones.insert((table.rows.len(), ALARM), grade);
            table.tones.insert((table.rows.len(), DUE), grade);
        }
        if overdue {
            table.push_alarm(cells);
        } else {
            table.push(cells);
        }
    }
    // A terminal shows the alarm column only when some row has an alarm;
    // piped output keeps every column in its place for `cut -f`.
    if ctx.look.terminal && table.tones.is_empty() {
        table.header.remove(ALARM);
        for row in &mut table.rows {
            row.remove(ALARM);
        }
        table.fit.flex = Some(TITLE - 1);
        table.fit.drop_order = DROP_ORDER
            .iter()
            .filter(|&&c| c != ALARM)
            .map(|&c| if c > ALARM { c - 1 } else { c })
            .collect();
    }
    output::print_table(ctx.look, &table)
}

/// The CSV of `list`: every coded column holds its code, never a label, so
/// the file reads the same whatever the workspace language.
fn csv_table(ctx: &Ctx, hits: &[Hit], case_of: &(dyn Fn(&Hit) -> Option<Case> + Sync)) -> Table {
    let mut table = Table::new(
        None,
        &[
            "id",
            "received",
            "status",
            "priority",
            "category",
            "assignee",
            "complainant",
            "next_due",
            "alarm",
            "title",
        ],
    );
    let records = hit_cells(hits, case_of, |row| {
        let mut record = cells(ctx, row);
        record[1] = row.case.received.to_rfc3339();
        record[2] = row.case.status.clone();
        record[3] = row.case.priority.as_str().to_string();
        record[4] = row.case.category.clone().unwrap_or_default();
        record[6] = row.case.complainant_name().unwrap_or("").to_string();
        record[7] = row
            .next_due()
            .and_then(|d| d.due)
            .map(|due| due.to_string())
            .unwrap_or_default();
        record[ALARM] = alarm_of(ctx, &row.deadlines)
            .map(|a| a.as_str().to_string())
            .unwrap_or_default();
        record
    });
    for (_, record) in records {
        table.push(record);
    }
    table
}
