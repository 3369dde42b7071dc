//! The case dossier (立卷归档): everything the office holds about a case
//! as files to archive — one self-contained HTML page per case (the case,
//! its parties, every event, each deadline with its explanation, the
//! notices issued, the attachments with their hashes), next to copies of
//! the notices and attachments themselves under the same relative paths,
//! so the page's links work inside the archive. A period's dossier adds an
//! `index.html` listing its cases.

use chrono::NaiveDate;
use std::fmt::Write as _;

use super::attach;
use crate::deadline::explain::explain;
use crate::error::{Error, Result};
use crate::html::{escape, html_page};
use crate::model::{Case, Event};
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
            return Err(Error::Refused(crate::msg!(
                ws.policy.language,
                "dossier-incomplete",
                file = problem.file.unwrap_or_else(|| case.id.to_string()),
                message = problem.message
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
        .filter_map(|n| n.event.file.clone())
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
        let parts: Vec<&str> = [&p.name, &p.phone, &p.email, &p.address]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .collect();
        out.push_str(&row(&format!("投诉人 {}", i + 1), &parts.join("，")));
    }
    if let Some(agent) = &case.agent {
        let parts: Vec<&str> = [&agent.name, &agent.contact, &agent.scope]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .collect();
        out.push_str(&row("代理人", &parts.join("，")));
    }
    if let Some(r) = &case.respondent {
        let parts: Vec<&str> = [&r.name, &r.department, &r.location]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .collect();
        out.push_str(&row("被投诉者", &parts.join("，")));
    }
    if let Some(p) = &case.project {
        let parts: Vec<&str> = [&p.name, &p.number, &p.lot]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .collect();
        out.push_str(&row("采购项目", &parts.join("，")));
    }
    if let Some(category) = &case.category {
        out.push_str(&row("类别", &code_label(&policy.categories, category, zh)));
    }
    out.push_str(&row("状态", &policy.state_label(&case.status, zh)));
    if let Some(outcome) = &case.outcome {
        out.push_str(&row("办结方式", &code_label(&policy.outcomes, outcome, zh)));
    }
    for (label, text) in [
        ("投诉请求", &case.demands),
        ("事实与理由", &case.facts),
        ("调查结论", &case.findings),
        ("协议内容", &case.agreement),
        ("整改措施", &case.measures),
        ("承办人", &case.assignee),
    ] {
        if let Some(text) = text {
            out.push_str(&row(label, text));
        }
    }
    out.push_str("</table>\n");
    out
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
        let file = e.file.as_deref().unwrap_or("");
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
            escape(e.number.as_deref().unwrap_or("")),
            escape(
                &e.kind
                    .as_deref()
                    .and_then(|k| super::kinds::find(preset, k))
                    .map_or_else(
                        || e.kind.clone().unwrap_or_default(),
                        |k| k.title.to_string()
                    )
            ),
            e.at.format("%Y-%m-%d"),
            escape(file),
            escape(file),
            escape(e.sha256.as_deref().unwrap_or("")),
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
    let policy = &ws.policy;
    let mut text = what_happened(ws, e);
    let suspended = e.to.is_some() && e.to == policy.suspend_state;
    let reasons = if suspended {
        &policy.suspension_reasons
    } else {
        &policy.rejection_reasons
    };
    let details = [
        label(reasons, e.reason.as_deref()),
        label(&policy.outcomes, e.outcome.as_deref()),
        e.transfer_to.clone().unwrap_or_default(),
        e.refer_to.clone().unwrap_or_default(),
        e.consent.clone().unwrap_or_default(),
        e.due
            .map(|d| format!("承诺于 {d} 前答复"))
            .unwrap_or_default(),
    ];
    for detail in details.into_iter().filter(|d| !d.is_empty()) {
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

/// The Chinese label of `code` among `codes` (empty for none).
fn label(codes: &[crate::policy::Code], code: Option<&str>) -> String {
    code.map(|c| code_label(codes, c, Language::Zh))
        .unwrap_or_default()
}

/// A message of the catalogue in Chinese.
fn zh(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    crate::messages::fill(Language::Zh, id, args)
}

/// What the event records, by its kind.
fn what_happened(ws: &Workspace, e: &Event) -> String {
    use crate::model::Action;
    let policy = &ws.policy;
    let state = |s: &Option<String>| {
        s.as_deref()
            .map(|s| policy.state_label(s, Language::Zh))
            .unwrap_or_default()
    };
    match e.action {
        Action::Registered => zh("event-registered", &[]),
        Action::Imported => zh("event-imported", &[]),
        Action::Note => zh("event-note", &[]),
        Action::Promised => zh("event-promised", &[]),
        Action::Consent => zh("event-consent", &[]),
        Action::Status => format!("{} → {}", state(&e.from), state(&e.to)),
        Action::Assigned => zh(
            "event-assigned",
            &[
                (
                    "from",
                    &e.from
                        .as_deref()
                        .map(|f| format!("{f} "))
                        .unwrap_or_default(),
                ),
                ("to", &e.to.as_deref().unwrap_or("")),
            ],
        ),
        Action::Edited => edited(e),
        Action::Milestone => zh(
            "event-milestone",
            &[(
                "milestone",
                &label(&policy.milestones, e.milestone.as_deref()),
            )],
        ),
        Action::Extended => extended(ws, e),
        Action::Followup => zh(
            "event-followup",
            &[("answer", &e.satisfaction.map_or("", |s| s.zh()))],
        ),
        Action::Notice => zh(
            "event-notice",
            &[
                (
                    "title",
                    &notice_title(&ws.settings.preset, e.kind.as_deref()),
                ),
                ("number", &e.number.as_deref().unwrap_or("")),
            ],
        ),
        Action::Superseded => zh(
            "event-superseded",
            &[("number", &e.number.as_deref().unwrap_or(""))],
        ),
        Action::Attached | Action::Detached => filed(e),
    }
}

/// A notice kind by its title (its code when the preset has none such).
fn notice_title(preset: &str, kind: Option<&str>) -> String {
    kind.and_then(|k| super::kinds::find(preset, k))
        .map_or_else(
            || kind.unwrap_or_default().to_string(),
            |k| k.title.to_string(),
        )
}

/// An edit, naming the fields by their Chinese labels.
fn edited(e: &Event) -> String {
    let fields: Vec<String> = e
        .fields
        .iter()
        .map(|f| crate::messages::field_label(Language::Zh, f))
        .collect();
    zh("event-edited", &[("fields", &fields.join("、"))])
}

/// An extension, with the rule by its label and the amount in Chinese.
fn extended(ws: &Workspace, e: &Event) -> String {
    let rule = e
        .rule
        .as_deref()
        .and_then(|r| ws.policy.rule(r).ok())
        .map_or_else(|| e.rule.clone().unwrap_or_default(), |r| r.zh.clone());
    let unit = match e.unit.as_deref() {
        Some("days") => "日",
        _ => "个工作日",
    };
    zh(
        "event-extended",
        &[
            ("rule", &rule),
            ("amount", &format!("{}{unit}", e.amount.unwrap_or(0))),
        ],
    )
}

/// A file attached or detached.
fn filed(e: &Event) -> String {
    let id = if e.action == crate::model::Action::Attached {
        "event-attached"
    } else {
        "event-detached"
    };
    let size = e
        .size
        .map(|n| zh("size-bytes", &[("n", &n)]))
        .unwrap_or_default();
    zh(
        id,
        &[
            ("name", &e.name.as_deref().unwrap_or("")),
            ("file", &e.file.as_deref().unwrap_or("")),
            ("size", &size),
        ],
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

/// The dossier as one zip archive (stored, not compressed: notices are
/// small and evidence photos are compressed already).
pub fn zip(files: &[File]) -> Result<Vec<u8>> {
    use std::io::Write as _;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let bad = |e: &dyn std::fmt::Display| {
        Error::Invalid(crate::msg!(
            crate::messages::language(),
            "zip-failed",
            error = e
        ))
    };
    for (name, bytes) in files {
        writer
            .start_file(name.as_str(), options)
            .map_err(|e| bad(&e))?;
        writer.write_all(bytes).map_err(|e| bad(&e))?;
    }
    let cursor = writer.finish().map_err(|e| bad(&e))?;
    Ok(cursor.into_inner())
}
