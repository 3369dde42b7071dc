//! `plaint agenda`: the officer's day, grouped, in the workspace language;
//! `--json` for scripts; `--ics` for the calendar on a phone. The exit
//! status says whether anything is due (see [`crate::reports::agenda`]).

use super::args::AgendaArgs;
use super::table::Table;
use super::view::{due_date, priority_label, rule_title, status_label};
use super::{Ctx, Shown, output};
use crate::error::{Error, Exit};
use crate::model::Priority;
use crate::msg;
use crate::reports::agenda::{self, Agenda, Followup, Group, Item};
use crate::reports::ics;

/// Prints the agenda (or the feed) as of `--today`. Exit status: 1 when
/// something is due or overdue, else 0 (an unreadable case file also
/// makes it 1); the feed exits 0.
pub fn run(ctx: &Ctx, args: &AgendaArgs) -> anyhow::Result<Exit> {
    if args.ics && ctx.look.json {
        return Err(Error::usage(crate::said!("agenda-ics-json")).into());
    }
    let officer = args.officer.as_deref().map(str::trim);
    let snapshot = ctx.scan()?;
    let (found, unread) = agenda::collect(&ctx.ws, &snapshot, officer, ctx.today);
    if let Some(name) = officer {
        check_officer(ctx, name, &found.officers)?;
    }
    for error in &found.errors {
        output::warn(error);
    }
    let mut broken = snapshot.broken;
    broken.extend(unread);
    if args.ics {
        let items: Vec<&Item> = found.items.iter().collect();
        for item in &items {
            ctx.note_coverage(
                &item.case.id,
                std::slice::from_ref(&item.deadline),
                Shown::Marked,
            );
        }
        // Redirected to a file, the feed is written as it is (CRLF line
        // ends, as RFC 5545 wants); on a terminal it is shown with plain
        // line ends, every control character made visible.
        let feed = feed(ctx, officer, &items);
        if ctx.look.terminal {
            output::print_document(ctx.look, &feed.replace("\r\n", "\n"))?;
        } else {
            output::print_raw(&feed)?;
        }
        return ctx.report_broken(&broken);
    }
    let agenda = Agenda::new(
        ctx.today,
        officer.map(str::to_string),
        args.days,
        &found.items,
        found.followups,
    )
    .with_escalations(found.escalations);
    for group in Group::ALL {
        for item in agenda.items(group) {
            ctx.note_coverage(
                &item.case.id,
                std::slice::from_ref(&item.deadline),
                Shown::Marked,
            );
        }
    }
    if ctx.look.json {
        output::print_json(&agenda)?;
    } else {
        output::print_line(&headline(ctx, &agenda))?;
        let tables = tables(ctx, &agenda);
        if !tables.is_empty() {
            output::print_tables(ctx.look, &tables)?;
        }
    }
    let status = ctx.report_broken(&broken)?;
    Ok(if agenda.due { Exit::Failure } else { status })
}

/// A `--for` that names nobody is refused: in a cron line a misspelt name
/// would otherwise report "nothing due" every day.
fn check_officer(
    ctx: &Ctx,
    name: &str,
    assigned: &std::collections::BTreeSet<String>,
) -> anyhow::Result<()> {
    let handlers = &ctx.ws.settings.handlers;
    let staff = ctx.ws.settings.roles.values().flatten();
    if assigned.contains(name)
        || handlers.iter().any(|h| h == name)
        || staff.clone().any(|h| h == name)
    {
        return Ok(());
    }
    let mut known: Vec<&str> = assigned.iter().map(String::as_str).collect();
    known.extend(handlers.iter().map(String::as_str));
    known.extend(staff.map(String::as_str));
    known.sort_unstable();
    known.dedup();
    let meant = crate::policy::people::closest(name, &known).map(|meant| {
        let separator = crate::messages::text(ctx.lang(), "list-separator");
        format!(
            "{separator}{}",
            msg!(ctx.lang(), "did-you-mean", code = meant)
        )
    });
    let known = if known.is_empty() {
        msg!(ctx.lang(), "check-none")
    } else {
        crate::messages::join(ctx.lang(), &known)
    };
    let refusal = msg!(
        ctx.lang(),
        "agenda-unknown-officer",
        name = name,
        known = known
    );
    Err(Error::usage(refusal + &meant.unwrap_or_default()).into())
}

/// Whose day it is: the officer, or the whole office.
fn who(ctx: &Ctx, officer: Option<&str>) -> String {
    officer.map_or_else(|| msg!(ctx.lang(), "agenda-office"), str::to_string)
}

/// One line that says it all, first on stdout (a cron mail's first line).
fn headline(ctx: &Ctx, agenda: &Agenda) -> String {
    let lang = ctx.lang();
    let who = who(ctx, agenda.officer.as_deref());
    if agenda.is_empty() {
        return msg!(
            lang,
            "agenda-nothing",
            who = who,
            date = agenda.today,
            n = agenda.days
        );
    }
    msg!(
        lang,
        "agenda-headline",
        who = who,
        date = agenda.today,
        overdue = agenda.items(Group::Overdue).len(),
        today = agenda.items(Group::DueToday).len(),
        soon = agenda.items(Group::DueSoon).len(),
        n = agenda.days,
        promises = agenda.items(Group::Promises).len(),
        followups = agenda.followups.len()
    )
}

/// One table per group that has anything in it.
fn tables(ctx: &Ctx, agenda: &Agenda) -> Vec<Table> {
    let lang = ctx.lang();
    let mut tables = Vec::new();
    for group in Group::ALL {
        let title = match group {
            Group::Overdue => msg!(lang, "agenda-overdue"),
            Group::DueToday => msg!(lang, "agenda-due-today"),
            Group::DueSoon => msg!(lang, "agenda-due-soon", n = agenda.days),
            Group::Promises => msg!(lang, "agenda-promises"),
            Group::Followups => msg!(lang, "agenda-followups"),
        };
        if group == Group::Followups {
            if !agenda.followups.is_empty() {
                tables.push(followup_table(ctx, agenda, &title));
            }
            continue;
        }
        let items = agenda.items(group);
        if items.is_empty() {
            continue;
        }
        let title = format!("{title} ({})", items.len());
        tables.push(item_table(ctx, agenda, &title, items));
    }
    if !agenda.escalations.is_empty() {
        tables.push(escalation_table(ctx, agenda));
    }
    tables
}

/// The escalations waiting for an instruction.
fn escalation_table(ctx: &Ctx, agenda: &Agenda) -> Table {
    let lang = ctx.lang();
    let columns = [
        "col-id",
        "col-escalated",
        "col-to",
        "col-due",
        "col-assignee",
        "col-title",
    ];
    let header = header(ctx, &columns);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let title = format!(
        "{} ({})",
        msg!(lang, "agenda-escalations"),
        agenda.escalations.len()
    );
    let mut table = Table::new(Some(&title), &header);
    table.fit.flex = Some(header.len() - 1);
    table.fit.drop_order = vec![4, 3, 5];
    for w in &agenda.escalations {
        let row = vec![
            w.id.clone(),
            msg!(
                lang,
                "agenda-ended",
                date = w.escalated,
                days = w.days_since
            ),
            w.to.clone(),
            w.due.map(|d| d.to_string()).unwrap_or_default(),
            w.assignee.clone().unwrap_or_default(),
            w.title.clone().unwrap_or_default(),
        ];
        if w.due.is_some_and(|d| d < agenda.today) {
            table.push_alarm(row);
        } else {
            table.push(row);
        }
    }
    table
}

fn header(ctx: &Ctx, ids: &[&str]) -> Vec<String> {
    ids.iter()
        .map(|id| crate::messages::text(ctx.lang(), id).to_string())
        .collect()
}

/// The columns of a deadline table; the assignee only for the office.
fn item_table(ctx: &Ctx, agenda: &Agenda, title: &str, items: &[Item]) -> Table {
    let lang = ctx.lang();
    let mut columns = vec![
        "col-id",
        "col-due",
        "col-left",
        "field-alarm",
        "col-deadline",
    ];
    let office = agenda.officer.is_none();
    if office {
        columns.push("col-assignee");
    }
    columns.extend(["col-priority", "col-title"]);
    let header = header(ctx, &columns);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = Table::new(Some(title), &header);
    table.fit.flex = Some(header.len() - 1);
    // On a narrow terminal the priority goes first, then the date (the
    // days left say it), then the assignee, then the alarm grade (the
    // section says how late), then the title, which keeps twelve Chinese
    // characters before the alarm goes.
    table.fit.want = 26;
    let at = |id: &str| columns.iter().position(|c| *c == id);
    table.fit.drop_order = [
        "col-priority",
        "col-due",
        "col-assignee",
        "field-alarm",
        "col-title",
    ]
    .into_iter()
    .filter_map(at)
    .collect();
    for item in items {
        let left = match item.state {
            crate::deadline::DeadlineState::Overdue => {
                msg!(lang, "agenda-late", days = -item.days_left)
            }
            _ if item.days_left == 0 => msg!(lang, "agenda-today"),
            _ => msg!(
                lang,
                "agenda-left",
                days = item.days_left,
                workdays = item.workdays_left
            ),
        };
        if let Some(grade) = item.alarm {
            table.tones.insert((table.rows.len(), 3), grade);
        }
        let mut row = vec![
            item.case.id.clone(),
            due_date(&item.deadline),
            left,
            item.alarm.map(|a| a.label(lang)).unwrap_or_default(),
            rule_title(ctx, &item.rule),
        ];
        if office {
            row.push(item.case.assignee.clone().unwrap_or_default());
        }
        row.push(if item.priority == Priority::Normal {
            String::new()
        } else {
            priority_label(ctx, item.priority)
        });
        row.push(item.case.title.clone().unwrap_or_default());
        if item.state == crate::deadline::DeadlineState::Overdue {
            table.push_alarm(row);
        } else {
            table.push(row);
        }
    }
    table
}

fn followup_table(ctx: &Ctx, agenda: &Agenda, title: &str) -> Table {
    let mut columns = vec!["col-id", "col-ended", "col-status"];
    let office = agenda.officer.is_none();
    if office {
        columns.push("col-assignee");
    }
    columns.push("col-title");
    let header = header(ctx, &columns);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let title = format!("{title} ({})", agenda.followups.len());
    let mut table = Table::new(Some(&title), &header);
    table.fit.flex = Some(header.len() - 1);
    for f in &agenda.followups {
        table.push(followup_row(ctx, f, office));
    }
    table
}

fn followup_row(ctx: &Ctx, f: &Followup, office: bool) -> Vec<String> {
    let mut row = vec![
        f.case.id.clone(),
        msg!(
            ctx.lang(),
            "agenda-ended",
            date = f.ended,
            days = f.days_since
        ),
        status_label(ctx, &f.case.status),
    ];
    if office {
        row.push(f.case.assignee.clone().unwrap_or_default());
    }
    row.push(f.case.title.clone().unwrap_or_default());
    row
}

/// The iCalendar feed of every open deadline of `items`. The summary
/// names the case ID, the deadline and the case's title; the description
/// adds the state and the due date; no complainant's name or contact goes
/// into a calendar that leaves the office on a phone.
fn feed(ctx: &Ctx, officer: Option<&str>, items: &[&Item]) -> String {
    let lang = ctx.lang();
    let entries: Vec<ics::Entry> = items
        .iter()
        .map(|item| {
            let rule = rule_title(ctx, &item.rule);
            let title = item
                .case
                .title
                .clone()
                .unwrap_or_else(|| msg!(lang, "no-title"));
            ics::Entry {
                id: item.case.id.clone(),
                key: item.key.clone(),
                due: item.due,
                summary: msg!(
                    lang,
                    "ics-summary",
                    id = item.case.id,
                    rule = rule,
                    title = title
                ),
                description: msg!(
                    lang,
                    "ics-description",
                    id = item.case.id,
                    rule = rule,
                    due = due_date(&item.deadline),
                    status = status_label(ctx, &item.case.status),
                    assignee = item.case.assignee.as_deref().unwrap_or("-")
                ),
                sequence: item.revision,
            }
        })
        .collect();
    let office = ctx
        .ws
        .settings
        .office
        .as_ref()
        .and_then(|o| o.name.as_deref());
    ics::feed(
        &msg!(lang, "ics-calendar-name", who = who(ctx, officer)),
        &ics::uid_domain(office),
        &entries,
        &msg!(lang, "ics-alarm"),
        ctx.now.with_timezone(&chrono::Utc),
    )
}
