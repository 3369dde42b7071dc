//! The case dossier (立卷归档): everything the office holds about a case
//! as files to archive — one self-contained HTML page per case (the case,
//! its parties, every event, each deadline with its explanation, the
//! notices issued, the attachments with their hashes), next to copies of
//! the notices and attachments themselves under the same relative paths,
//! so the page's links work inside the archive. A period's dossier adds an
//! `index.html` listing its cases.

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::attach;
use crate::deadline::explain::explain;
use crate::error::{Error, Result};
use crate::html::{escape, html_page};
use crate::model::{Case, Event, EventKind, Extension};
use crate::policy::{Language, code_label};
use crate::storage::Workspace;

/// One file of a dossier: its path inside the dossier and its bytes.
pub type File = (String, Vec<u8>);

/// The files of the dossier of `cases`: `index.html` (the case page for a
/// single case, else a list of cases), a page `ID.html` per case of a
/// period, and every notice and attachment the cases hold. A stored file
/// that is missing or altered is an error: a dossier must be complete.
pub fn build(ws: &Workspace, cases: &[Case], title: &str, today: NaiveDate) -> Result<Vec<File>> {
    let mut files = Vec::new();
    if let [case] = cases {
        files.push((
            "index.html".to_string(),
            case_page(ws, case, today).into_bytes(),
        ));
    } else {
        files.push((
            "index.html".to_string(),
            index_page(ws, cases, title).into_bytes(),
        ));
        for case in cases {
            files.push((
                format!("{}.html", case.id),
                case_page(ws, case, today).into_bytes(),
            ));
        }
    }
    for case in cases {
        if let Some(problem) = attach::verify(&ws.root, case).into_iter().next() {
            return Err(Error::refused(crate::said!(
                "dossier-incomplete",
                file = problem.file.unwrap_or_else(|| case.id.to_string()),
                message = problem.message.arg()
            )));
        }
        let limit = usize::try_from(ws.settings.attachment_limit())
            .unwrap_or(usize::MAX)
            .max(crate::limits::MAX_FILE_BYTES);
        for stored in stored_files(case) {
            let bytes = crate::storage::confine::read(&ws.root, &stored, limit, "attachment")?;
            files.push((stored, bytes));
        }
    }
    Ok(files)
}

/// The notices and current attachments of `case`, relative to the root.
fn stored_files(case: &Case) -> Vec<String> {
    let mut files: Vec<String> = crate::paperwork::notice::issued(case)
        .into_iter()
        .map(|n| n.notice.file.clone())
        .chain(attach::current(case).into_iter().map(|a| a.file))
        .collect();
    // One path recorded twice (see `attach::verify`) is packed once.
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    files
}

fn index_page(ws: &Workspace, cases: &[Case], title: &str) -> String {
    let mut body = format!(
        "<h2>{}</h2>\n<table>\n<thead><tr><th>案件编号</th><th>标题</th><th>收到日期</th><th>状态</th></tr></thead>\n<tbody>\n",
        escape(title)
    );
    for case in cases {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"{id}.html\">{id}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(case.title.as_deref().unwrap_or("")),
            case.received.with_timezone(&ws.offset).date_naive(),
            escape(&ws.policy.state_label(&case.status, Language::Zh)),
            id = case.id,
        );
    }
    body.push_str("</tbody>\n</table>\n");
    html_page(title, &body)
}

/// The dossier page of one case.
pub fn case_page(ws: &Workspace, case: &Case, today: NaiveDate) -> String {
    let title = format!("案卷 {}", case.id);
    let office = ws
        .settings
        .office
        .as_ref()
        .and_then(|o| o.name.as_deref())
        .map(|name| format!("<h1>{}</h1>\n", escape(name)))
        .unwrap_or_default();
    let mut body = format!("{office}<h2>{}</h2>\n", escape(&title));
    body.push_str(&particulars(ws, case));
    body.push_str(&deadlines(ws, case, today));
    body.push_str(&notices(&ws.settings.preset, case));
    body.push_str(&attachments(case));
    body.push_str(&history(ws, case));
    let _ = writeln!(body, "<p class=\"meta\">归档日期 {today}</p>");
    html_page(&title, &body)
}

fn row(label: &str, value: &str) -> String {
    format!(
        "<tr><th>{}</th><td>{}</td></tr>\n",
        escape(label),
        escape(value)
    )
}

fn particulars(ws: &Workspace, case: &Case) -> String {
    let policy = &ws.policy;
    let zh = Language::Zh;
    let mut out = String::from("<h3>案件信息</h3>\n<table>\n");
    out.push_str(&row("案件编号", case.id.as_str()));
    if let Some(title) = &case.title {
        out.push_str(&row("标题", title));
    }
    out.push_str(&row(
        "收到时间",
        &case.received.format("%Y-%m-%d %H:%M").to_string(),
    ));
    if let Some(channel) = &case.channel {
        out.push_str(&row(
            "渠道",
            &crate::policy::code_label(&policy.channels, channel, zh),
        ));
    }
    for (i, p) in case.complainants.iter().enumerate() {
        out.push_str(&parts_row(
            &format!("投诉人 {}", i + 1),
            &[&p.name, &p.phone, &p.email, &p.address],
        ));
    }
    if let Some(agent) = &case.agent {
        out.push_str(&parts_row(
            "代理人",
            &[&agent.name, &agent.contact, &agent.scope],
        ));
    }
    if let Some(r) = &case.respondent {
        let departments = r.departments_text("、");
        out.push_str(&parts_row(
            "被投诉人",
            &[&r.name, &departments, &r.location],
        ));
    }
    if let Some(p) = &case.project {
        out.push_str(&parts_row("采购项目", &[&p.name, &p.number, &p.lot]));
    }
    if let Some(category) = &case.category {
        out.push_str(&row("类别", &code_label(&policy.categories, category, zh)));
    }
    out.push_str(&row("状态", &policy.state_label(&case.status, zh)));
    if let Some(outcome) = &case.outcome {
        out.push_str(&row("办结方式", &code_label(&policy.outcomes, outcome, zh)));
    }
    for field in [
        "demands",
        "facts",
        "findings",
        "agreement",
        "measures",
        "assignee",
    ] {
        if let Some(text) = case.free_text(field) {
            out.push_str(&row(&crate::messages::field_label(zh, field), text));
        }
    }
    out.push_str("</table>\n");
    out
}

/// A row of the values present among `parts`, joined with `，`.
fn parts_row(label: &str, parts: &[&Option<String>]) -> String {
    let present: Vec<&str> = parts.iter().filter_map(|v| v.as_deref()).collect();
    row(label, &present.join("，"))
}

fn deadlines(ws: &Workspace, case: &Case, today: NaiveDate) -> String {
    let policy = &ws.policy;
    let mut out = String::from("<h3>办理期限</h3>\n");
    let mut provisional = false;
    for rule in &policy.deadlines {
        let explained = explain(
            case,
            policy,
            rule,
            &ws.calendar,
            ws.offset,
            today,
            Language::Zh,
        );
        let Ok(Some(e)) = explained else {
            continue;
        };
        provisional |= e.deadline.provisional;
        let _ = write!(
            out,
            "<p><strong>{}</strong> 期限 {}{}</p>\n<ul>\n",
            escape(&e.label),
            e.deadline
                .due
                .map_or_else(|| "未记录".to_string(), |d| d.to_string()),
            e.source
                .as_deref()
                .map(|s| format!(
                    "，依据 {}",
                    escape(crate::policy::source_in(Language::Zh, s))
                ))
                .unwrap_or_default()
        );
        for line in &e.lines {
            let _ = writeln!(out, "<li>{}</li>", escape(&line.text));
        }
        out.push_str("</ul>\n");
    }
    if provisional {
        out.push_str("<p class=\"meta\">标“?”的日期所在年份，日历尚无官方节假日安排，暂按周末计算；安排公布后可能变动。</p>\n");
    }
    out
}

fn notices(preset: &str, case: &Case) -> String {
    let issued = crate::paperwork::notice::issued(case);
    if issued.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<h3>文书</h3>\n<table>\n<thead><tr><th>文号</th><th>种类</th><th>日期</th><th>文件与 SHA-256</th></tr></thead>\n<tbody>\n",
    );
    for issuance in issued {
        let e = issuance.event;
        let n = issuance.notice;
        let file = n.file.as_str();
        let superseded = issuance
            .superseded
            .map(|s| {
                format!(
                    "<br>（{} 已被取代：{}）",
                    s.at.format("%Y-%m-%d"),
                    escape(s.note.as_deref().unwrap_or(""))
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}{superseded}</td><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a><br><code>{}</code></td></tr>",
            escape(&n.number),
            escape(&notice_title(preset, &n.kind)),
            e.at.format("%Y-%m-%d"),
            escape(file),
            escape(file),
            escape(&n.sha256),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn attachments(case: &Case) -> String {
    let list = attach::current(case);
    if list.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<h3>证据材料</h3>\n<table>\n<thead><tr><th>名称</th><th>大小（字节）</th><th>文件与 SHA-256</th></tr></thead>\n<tbody>\n",
    );
    for a in list {
        let _ = writeln!(
            out,
            "<tr><td>{}{}</td><td>{}</td><td><a href=\"{}\">{}</a><br><code>{}</code></td></tr>",
            escape(&a.name),
            a.note
                .as_deref()
                .map(|n| format!("<br>{}", escape(n)))
                .unwrap_or_default(),
            a.size,
            escape(&a.file),
            escape(&a.file),
            a.sha256,
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn history(ws: &Workspace, case: &Case) -> String {
    let mut out = String::from(
        "<h3>处理记录</h3>\n<table>\n<thead><tr><th>时间</th><th>经办人</th><th>事项</th></tr></thead>\n<tbody>\n",
    );
    for e in &case.history {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            e.at.format("%Y-%m-%d %H:%M"),
            escape(&e.by),
            escape(&describe(ws, e))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// One event in words, as the Chinese case file reads it: what happened,
/// with codes shown by their labels, then its details and note.
fn describe(ws: &Workspace, e: &Event) -> String {
    let mut text = what_happened(ws, e);
    for detail in details(&ws.policy, e).into_iter().filter(|d| !d.is_empty()) {
        let _ = write!(text, "（{detail}）");
    }
    if !e.forced.is_empty() {
        let _ = write!(text, "（强制记录：{}）", e.forced.join("、"));
    }
    if let Some(note) = &e.note {
        let _ = write!(text, "：{note}");
    }
    text
}

/// The details an event records besides what happened: a move's reason,
/// outcome and referrals, a consent, a promised day, an extension's reason.
fn details(policy: &crate::policy::Policy, e: &Event) -> Vec<String> {
    match &e.what {
        EventKind::Status(m) => {
            let reasons = if policy.suspend_state.as_ref() == Some(&m.to) {
                &policy.suspension_reasons
            } else {
                &policy.rejection_reasons
            };
            vec![
                label(reasons, m.reason.as_deref()),
                label(&policy.outcomes, m.outcome.as_deref()),
                m.transfer_to.clone().unwrap_or_default(),
                m.refer_to.clone().unwrap_or_default(),
                m.consent.clone().unwrap_or_default(),
            ]
        }
        EventKind::Extended(x) => vec![x.reason.clone().unwrap_or_default()],
        EventKind::Consent { consent } => vec![consent.clone()],
        EventKind::Promised { due } => vec![format!("承诺于 {due} 前答复")],
        // The other kinds say all they record in `what_happened`, which
        // names every kind.
        _ => Vec::new(),
    }
}

/// The Chinese label of `code` among `codes` (empty for none).
fn label(codes: &[crate::policy::Code], code: Option<&str>) -> String {
    code.map(|c| code_label(codes, c, Language::Zh))
        .unwrap_or_default()
}

/// A message of the catalogue in Chinese.
fn zh(id: &str, args: &[(&str, &dyn crate::messages::said::Show)]) -> String {
    crate::messages::fill(Language::Zh, id, args)
}

/// What the event records, by its kind.
fn what_happened(ws: &Workspace, e: &Event) -> String {
    let policy = &ws.policy;
    let state = |s: &str| policy.state_label(s, Language::Zh);
    match &e.what {
        EventKind::Registered => zh("event-registered", &[]),
        EventKind::Imported { .. } => zh("event-imported", &[]),
        EventKind::Note => zh("event-note", &[]),
        EventKind::Promised { .. } => zh("event-promised", &[]),
        EventKind::Consent { .. } => zh("event-consent", &[]),
        EventKind::Status(m) => format!(
            "{} → {}",
            m.from.as_deref().map(state).unwrap_or_default(),
            state(&m.to)
        ),
        EventKind::Assigned { from, to } => zh(
            "event-assigned",
            &[
                (
                    "from",
                    &from.as_deref().map(|f| format!("{f} ")).unwrap_or_default(),
                ),
                ("to", &to.as_deref().unwrap_or("")),
            ],
        ),
        EventKind::Edited { fields } => edited(fields),
        EventKind::Milestone { milestone } => zh(
            "event-milestone",
            &[("milestone", &label(&policy.milestones, Some(milestone)))],
        ),
        EventKind::Extended(x) => extended(ws, x),
        EventKind::Followup { satisfaction } => {
            zh("event-followup", &[("answer", &satisfaction.zh())])
        }
        EventKind::Notice(n) => zh(
            "event-notice",
            &[
                ("title", &notice_title(&ws.settings.preset, &n.kind)),
                ("number", &n.number),
            ],
        ),
        EventKind::Superseded { number, .. } => zh("event-superseded", &[("number", number)]),
        EventKind::Approved { kind } => zh(
            "event-approved",
            &[(
                "act",
                &crate::policy::leadership::duty_text(Language::Zh, kind),
            )],
        ),
        EventKind::Escalated { to, .. } => zh("event-escalated", &[("to", to)]),
        EventKind::Instructed => zh("event-instructed", &[]),
        EventKind::AppraisalStarted(a) => crate::model::appraisal::started_text(Language::Zh, a),
        EventKind::AppraisalResult(o) => crate::model::appraisal::result_text(Language::Zh, o),
        EventKind::Routed { to, reason } => zh(
            "event-routed",
            &[
                ("to", to),
                (
                    "why",
                    &crate::policy::leadership::route_why_text(Language::Zh, reason),
                ),
            ],
        ),
        EventKind::Attached {
            name, file, size, ..
        } => zh(
            "event-attached",
            &[
                ("name", name),
                ("file", file),
                ("size", &zh("size-bytes", &[("n", size)])),
            ],
        ),
        EventKind::Detached { name, file, .. } => zh(
            "event-detached",
            &[("name", name), ("file", file), ("size", &"")],
        ),
        EventKind::Voided { reason } => zh("event-voided", &[("reason", reason)]),
    }
}

/// A notice kind by its title (its code when the preset has none such).
fn notice_title(preset: &str, kind: &str) -> String {
    super::kinds::find(preset, kind).map_or_else(|| kind.to_string(), |k| k.title.to_string())
}

/// An edit, naming the fields by their Chinese labels.
fn edited(fields: &[String]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|f| crate::messages::field_label(Language::Zh, f))
        .collect();
    zh("event-edited", &[("fields", &fields.join("、"))])
}

/// An extension, with the rule by its label and the amount in Chinese.
fn extended(ws: &Workspace, x: &Extension) -> String {
    let rule = ws
        .policy
        .rule(&x.rule)
        .map_or_else(|_| x.rule.clone(), |r| r.zh.clone());
    let unit = match x.unit.as_str() {
        "days" => "日",
        _ => "个工作日",
    };
    zh(
        "event-extended",
        &[("rule", &rule), ("amount", &format!("{}{unit}", x.amount))],
    )
}

/// Writes the dossier into folder `dir` (created; existing files with the
/// same names are replaced, every one atomically).
pub fn write_dir(dir: &std::path::Path, files: &[File]) -> Result<()> {
    for (name, bytes) in files {
        crate::storage::atomic::write_atomic(&dir.join(name), bytes)?;
    }
    Ok(())
}

/// When each stored file of `cases` was recorded: a notice when it was
/// issued, an attachment when it was (last) attached.
pub fn recorded_times(cases: &[Case]) -> BTreeMap<String, DateTime<FixedOffset>> {
    let mut times = BTreeMap::new();
    for event in cases.iter().flat_map(|c| &c.history) {
        let file = match &event.what {
            EventKind::Notice(stored) => &stored.file,
            EventKind::Attached { file, .. } => file,
            _ => continue,
        };
        times.insert(file.clone(), event.at);
    }
    times
}

/// A moment as a zip entry's time: the office's local time (zip records
/// no zone), to two seconds; a moment zip cannot hold (before 1980 or
/// after 2107) is its earliest.
fn zip_time(at: DateTime<FixedOffset>, offset: FixedOffset) -> zip::DateTime {
    use chrono::{Datelike as _, Timelike as _};
    let local = at.with_timezone(&offset);
    let narrow = |n: u32| u8::try_from(n).unwrap_or(0);
    u16::try_from(local.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(
                year,
                narrow(local.month()),
                narrow(local.day()),
                narrow(local.hour()),
                narrow(local.minute()),
                narrow(local.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}

/// The dossier as one zip archive (stored, not compressed: notices are
/// small and evidence photos are compressed already). Each notice and
/// attachment carries the time it was recorded (`times`, from
/// [`recorded_times`]), the pages the time the dossier was `made`, in the
/// office's local time (`offset`).
pub fn zip(
    files: &[File],
    times: &BTreeMap<String, DateTime<FixedOffset>>,
    made: DateTime<FixedOffset>,
    offset: FixedOffset,
) -> Result<Vec<u8>> {
    use std::io::Write as _;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let bad = |e: &dyn std::fmt::Display| Error::invalid(crate::said!("zip-failed", error = e));
    for (name, bytes) in files {
        let at = times.get(name).copied().unwrap_or(made);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip_time(at, offset));
        writer
            .start_file(name.as_str(), options)
            .map_err(|e| bad(&e))?;
        writer.write_all(bytes).map_err(|e| bad(&e))?;
    }
    let cursor = writer.finish().map_err(|e| bad(&e))?;
    Ok(cursor.into_inner())
}
