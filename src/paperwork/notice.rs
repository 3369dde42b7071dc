//! Issuing a notice: the template filled with the case's data, a document
//! number, the rendered document stored under `notices/`, and a `notice`
//! event recording kind, number, file and SHA-256.
//!
//! Document numbers are the case ID and a five-character token —
//! `受〔2026〕第 20261129-K7QF2-4Q7MA 号` — and the stored file carries the
//! same token (`notices/2026/20261129-K7QF2/acceptance-4Q7MA.html`). The
//! token is a digest of the case as it stood, the kind, the officer and
//! the moment of issue, so two clones issuing offline never write one path
//! or give one number to two documents, and a pull never conflicts on a
//! document. Issuing a kind again is a second issuance with its own number;
//! `check` warns about it until one is marked superseded
//! ([`supersede`]).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value, json};

use super::kinds::{self, NoticeKind, Recipient};
use super::render::{self, Source};
use crate::deadline::Deadline;
use crate::error::{Error, Result};
use crate::model::{Action, Case, CaseId, Event, EventKind, Move, Stored};
use crate::policy::citations::Citation;
use crate::policy::codes::Found;
use crate::policy::{Language, Role, code_label};
use crate::storage::atomic::write_atomic;
use crate::storage::{Update, Workspace};

pub use crate::model::id::NOTICES_DIR;

/// The file format of a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A self-contained, printable HTML page.
    Html,
    /// The Markdown the template renders to.
    Md,
}

impl Format {
    /// Parses `--format`.
    pub fn parse(text: &str) -> Result<Format> {
        match text {
            "html" => Ok(Format::Html),
            "md" => Ok(Format::Md),
            other => Err(Error::invalid(crate::said!(
                "notice-format-unknown",
                format = other
            ))),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
        }
    }
}

/// What to issue.
#[derive(Clone, Debug)]
pub struct NoticeRequest {
    /// The notice kind, e.g. `acceptance`.
    pub kind: String,
    /// `complainant`, `respondent`, or the name of a body; `None` takes the
    /// kind's usual addressee.
    pub to: Option<String>,
    /// The format stored and returned.
    pub format: Format,
    /// When the notice was served; records the kind's milestone.
    pub served: Option<DateTime<FixedOffset>>,
    /// Render only: nothing is numbered or stored.
    pub draft: bool,
    /// What the document asks or states, written for this issuance only
    /// (the matters an investigation request asks about).
    pub matter: Option<String>,
}

/// A rendered (and, unless a draft, issued) notice.
#[derive(Clone, Debug)]
pub struct Issued {
    /// The case after issuing (unchanged for a draft).
    pub case: Case,
    /// The notice kind.
    pub kind: &'static NoticeKind,
    /// The document number.
    pub number: String,
    /// The stored file relative to the workspace root; `None` for a draft.
    pub file: Option<String>,
    /// The SHA-256 of the document.
    pub sha256: String,
    /// The document itself.
    pub text: String,
    /// The document as plain text a person reads on a terminal: its
    /// Markdown (the same as `text` in the `md` format).
    pub readable: String,
    /// The milestone recorded as served, if any.
    pub served: Option<&'static str>,
    /// The deadlines still to be met whose due date the document prints
    /// although it rests on a year the calendar does not cover (a document
    /// carries no `?`): the command warns about them.
    pub provisional: Vec<Deadline>,
}

/// The notice kind `code` of the workspace's preset, or an error listing
/// the kinds it has.
pub fn kind(ws: &Workspace, code: &str) -> Result<&'static NoticeKind> {
    let preset = &ws.settings.preset;
    let lang = ws.policy.language;
    let codes = kinds::codes(preset);
    if codes.is_empty() {
        return Err(Error::invalid(crate::said!(
            "no-notices",
            preset = crate::messages::preset_name(preset)
        )));
    }
    match kinds::lookup(preset, code) {
        Found::One(kind) => Ok(kind),
        Found::Several(several) => {
            let fitting: Vec<&crate::policy::Code> = codes
                .iter()
                .filter(|c| several.iter().any(|k| k.code == c.code))
                .collect();
            let kinds = crate::messages::text(lang, "kind-notice-plural");
            Err(Error::usage(crate::policy::codes::ambiguous_among(
                lang, kinds, code, &fitting,
            )))
        }
        Found::None => {
            // A mistyped notice is a usage error, with the closest suggested.
            let known: Vec<String> = codes
                .iter()
                .map(|k| match lang {
                    crate::messages::Language::En => k.code.clone(),
                    crate::messages::Language::Zh => format!("{}（{}）", k.zh, k.code),
                })
                .collect();
            let mut message = crate::msg!(
                lang,
                "notice-unknown",
                preset = crate::messages::preset_name(preset),
                code = code,
                known = known.join(crate::policy::codes::list_separator(lang))
            );
            message.push_str(&crate::policy::codes::suggestion(lang, code, &codes));
            Err(Error::usage(message))
        }
    }
}

/// Renders notice `request` for case `id` and, unless it is a draft,
/// stores it and records it, under the workspace lock. Every check runs
/// before anything is written.
pub fn issue(
    ws: &Workspace,
    id: &CaseId,
    request: &NoticeRequest,
    officer: &str,
    now: DateTime<FixedOffset>,
) -> Result<Issued> {
    let kind = kind(ws, &request.kind)?;
    if request.served.is_some() && kind.served.is_none() {
        return Err(Error::invalid(crate::msg!(
            ws.policy.language,
            "served-starts-no-clock",
            kind = kind.name(ws.policy.language)
        )));
    }
    let source = render::template(&ws.root, &ws.settings.preset, kind.code, kind.template)?;
    // Every check and the rendering, for the case as it stands.
    let prepare = |case: &Case| -> Result<(String, Issued)> {
        check_state(&ws.policy, case, kind)?;
        // Refused before the document is stored, so a refusal leaves nothing behind.
        crate::policy::workflow::check_event_time(case, Action::Notice, now)?;
        let (token, number) = if request.draft {
            (String::new(), DRAFT_NUMBER.to_string())
        } else {
            // Everything the document is made of besides the case: two
            // clones that differ in any of it draw different tokens.
            let office = serde_json::to_string(&ws.settings.office).unwrap_or_default();
            let made_of = [
                request.to.as_deref().unwrap_or(""),
                &source.text,
                &office,
                request.matter.as_deref().unwrap_or(""),
            ];
            let token = unique_token(&ws.root, case, kind, officer, now, request.format, &made_of)?;
            let number = number(kind, &case.id, now.date_naive(), &token);
            (token, number)
        };
        let stamp = Stamp {
            number: &number,
            officer,
            when: now,
        };
        let (text, readable) = render_notice(ws, case, kind, &source, request, &stamp)?;
        let issued = Issued {
            readable,
            case: case.clone(),
            kind,
            sha256: super::sha256_hex(text.as_bytes()),
            number,
            file: None,
            provisional: printed_provisional(ws, case, now.date_naive(), &text),
            text,
            served: None,
        };
        Ok((token, issued))
    };
    // Rendered before the lock is taken, so a slow template never holds
    // other commands up; under the lock it is rendered again only if the
    // case changed in between.
    let seen = ws.read_case(id)?;
    let rendered = prepare(&seen)?;
    if request.draft {
        return Ok(rendered.1);
    }
    let mut early = Some((seen, rendered));
    let (case, mut issued, _) = ws.update_or_keep(id, |case| {
        let (token, mut issued) = match early.take() {
            Some((seen, rendered)) if seen == *case => rendered,
            _ => prepare(case)?,
        };
        let served = served_event(case, kind, request.served, now, officer)?;
        let file = notice_file(case, kind, &token, request.format);
        let path = crate::storage::confine::checked(&ws.root, &file)?;
        write_atomic(&path, issued.text.as_bytes())?;
        let stored = Stored {
            kind: kind.code.to_string(),
            number: issued.number.clone(),
            file: file.clone(),
            sha256: issued.sha256.clone(),
        };
        let event = Event::new(now, officer, EventKind::Notice(stored));
        crate::policy::workflow::insert_event(case, event)?;
        if let Some(milestone) = served {
            crate::policy::workflow::insert_event(case, milestone)?;
            issued.served = kind.served;
        }
        issued.file = Some(file);
        Ok(Update::Write(issued))
    })?;
    issued.case = case;
    Ok(issued)
}

/// One issued notice of a case and, once another issuance replaced it,
/// the event that says so.
#[derive(Clone, Debug)]
pub struct Issuance<'a> {
    /// The `notice` event.
    pub event: &'a Event,
    /// What it stored.
    pub notice: &'a Stored,
    /// The `superseded` event naming it, if any.
    pub superseded: Option<&'a Event>,
}

/// The notices `case` issued, in the order of its history, each with
/// the event that superseded it. A `superseded` event names a number and,
/// where one number was recorded twice (two clones of an older plaint),
/// the SHA-256 (or a prefix of it) of the one it means.
pub fn issued(case: &Case) -> Vec<Issuance<'_>> {
    let supersedes = |s: &Event, notice: &Stored| match &s.what {
        EventKind::Superseded { number, sha256 } => {
            *number == notice.number
                && sha256
                    .as_deref()
                    .is_none_or(|prefix| notice.sha256.starts_with(prefix))
        }
        _ => false,
    };
    case.history
        .iter()
        .filter_map(|event| event.notice().map(|notice| (event, notice)))
        .map(|(event, notice)| Issuance {
            event,
            notice,
            superseded: case.history.iter().find(|s| supersedes(s, notice)),
        })
        .collect()
}

/// What `check` warns about a case's notices: a kind issued more than
/// once with none of the issuances marked superseded, and a number
/// recorded twice. Warnings, not failures: two issuances are a fact of
/// the record, and `plaint supersede` says which one stands. `intact`
/// tells whether a notice's stored file still holds its bytes: of two
/// notices under one number, the one whose file does not is named.
pub fn issuance_warnings(
    preset: &str,
    case: &Case,
    intact: &dyn Fn(&Stored) -> bool,
) -> Vec<crate::messages::said::Said> {
    use crate::messages::said::Arg;
    // A kind is named as the reader knows it: its code in English, its
    // title in Chinese.
    let kind_name = |code: &str| match kinds::find(preset, code) {
        Some(kind) => Arg::each(code, kind.title),
        None => Arg::Text(code.to_string()),
    };
    let all = issued(case);
    let mut warnings = Vec::new();
    let mut by_kind: std::collections::BTreeMap<&str, Vec<&Issuance>> = Default::default();
    for issuance in all.iter().filter(|i| i.superseded.is_none()) {
        by_kind
            .entry(issuance.notice.kind.as_str())
            .or_default()
            .push(issuance);
    }
    for (kind, standing) in by_kind.into_iter().filter(|(_, v)| v.len() > 1) {
        let numbers: Vec<&str> = standing.iter().map(|i| i.notice.number.as_str()).collect();
        let same_number = numbers.windows(2).any(|w| w[0] == w[1]);
        let example = if same_number {
            standing
                .iter()
                .find(|i| !intact(i.notice))
                .unwrap_or(&standing[0])
        } else {
            standing[0]
        };
        let which = if same_number {
            let sha = &example.notice.sha256;
            format!(
                "\"{}\" --sha256 {}",
                example.notice.number,
                &sha[..sha.len().min(12)]
            )
        } else {
            format!("\"{}\"", example.notice.number)
        };
        warnings.push(crate::said!(
            "check-issued-twice",
            id = case.id,
            kind = kind_name(kind),
            count = standing.len(),
            numbers = shortened(&numbers),
            which = which
        ));
    }
    warnings
}

/// A list of numbers for a sentence: at most three, then `…`.
fn shortened(numbers: &[&str]) -> crate::messages::said::Arg {
    let mut shown: Vec<&str> = numbers.iter().copied().take(3).collect();
    if numbers.len() > 3 {
        shown.push("…");
    }
    crate::messages::said::Arg::list(&shown)
}

/// Marks the issued notice `number` of case `id` superseded (replaced by
/// another issuance), with the reason; `sha256` (a prefix of at least six
/// characters) picks one of two notices recorded under one number. The
/// document itself stays as issued.
pub fn supersede(
    ws: &Workspace,
    id: &CaseId,
    number: &str,
    sha256: Option<&str>,
    reason: &str,
    officer: &str,
    now: DateTime<FixedOffset>,
) -> Result<Case> {
    let lang = ws.policy.language;
    if reason.trim().is_empty() {
        return Err(Error::invalid(crate::said!("supersede-no-reason")));
    }
    let number = number.trim();
    let (case, ()) = ws.update(id, |case| {
        let all = issued(case);
        let matching: Vec<&Issuance> = all
            .iter()
            .filter(|i| i.notice.number == number)
            .filter(|i| sha256.is_none_or(|p| p.len() >= 6 && i.notice.sha256.starts_with(p)))
            .collect();
        let found = match matching.as_slice() {
            [one] => one,
            [] => {
                let mut known: Vec<String> = all.iter().map(|i| i.notice.number.clone()).collect();
                if known.is_empty() {
                    known.push(crate::msg!(lang, "check-none"));
                }
                return Err(Error::invalid(crate::said!(
                    "supersede-unknown",
                    id = case.id,
                    number = number,
                    known = known.join(crate::policy::codes::list_separator(lang))
                )));
            }
            _ => {
                return Err(Error::invalid(crate::said!(
                    "supersede-ambiguous",
                    number = number,
                    count = matching.len()
                )));
            }
        };
        if found.event.at > now {
            return Err(super::attach::before_event(
                now,
                crate::said!("event-kind-notice"),
                found.event.at,
            ));
        }
        if found.superseded.is_some() {
            return Err(Error::refused(crate::said!(
                "supersede-already",
                id = case.id,
                number = number
            )));
        }
        // Named only where the number alone does not pick one notice.
        let shared = all.iter().filter(|i| i.notice.number == number).count() > 1;
        let superseded = EventKind::Superseded {
            number: number.to_string(),
            sha256: shared.then(|| found.notice.sha256.clone()),
        };
        let mut event = Event::new(now, officer, superseded);
        event.note = Some(reason.trim().replace("\r\n", "\n"));
        crate::policy::workflow::insert_event(case, event)
    })?;
    Ok(case)
}

/// A due date as a document states it. One the calendar does not cover
/// yet (counted over weekends only) says that a public holiday postpones
/// it, as the Civil Code's period rule does (民法典 第二百零三条), so the
/// document promises nothing the year's schedule may change.
fn printed_due(due: NaiveDate, provisional: bool) -> String {
    let date = zh_date(due);
    if provisional {
        crate::msg!(Language::Zh, "notice-due-provisional", date = date)
    } else {
        date
    }
}

/// The open deadlines of `case` as of `today` whose provisional due date
/// (the way [`context`] writes it) appears in `text`.
fn printed_provisional(ws: &Workspace, case: &Case, today: NaiveDate, text: &str) -> Vec<Deadline> {
    crate::deadline::evaluate(case, &ws.policy, &ws.calendar, ws.offset, today)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.provisional && d.state.is_open())
        .filter(|d| d.due.is_some_and(|due| text.contains(&zh_date(due))))
        .collect()
}

/// The milestone `mark ID served` records: the one the case's latest
/// notice that starts a clock waits for (e.g. `respondent-notified` after
/// the respondent notice). `None` when no such notice was issued.
pub fn served_milestone(preset: &str, case: &Case) -> Option<&'static str> {
    case.history
        .iter()
        .rev()
        .filter_map(Event::notice)
        .filter_map(|n| kinds::find(preset, &n.kind))
        .find_map(|kind| kind.served)
}

/// A notice makes sense only in some states: no refusal for an accepted case.
fn check_state(policy: &crate::policy::Policy, case: &Case, kind: &NoticeKind) -> Result<()> {
    let lang = policy.language;
    if policy
        .role(&case.status)
        .is_some_and(|role| kind.states.contains(&role))
    {
        // A notice that states how the case ended must match its outcome.
        let outcome_fits = kind.outcomes.is_empty()
            || case
                .outcome
                .as_deref()
                .is_some_and(|o| kind.outcomes.contains(&o));
        if outcome_fits {
            return Ok(());
        }
        // English names outcomes by code, as they are typed; Chinese by label.
        let label = |o: &str| match lang {
            crate::messages::Language::En => o.to_string(),
            crate::messages::Language::Zh => crate::policy::code_label(&policy.outcomes, o, lang),
        };
        let wanted: Vec<String> = kind.outcomes.iter().map(|o| label(o)).collect();
        return Err(Error::refused(crate::said!(
            "notice-wrong-outcome",
            title = kind.title,
            id = case.id,
            outcome = case.outcome.as_deref().map(label).unwrap_or_default(),
            outcomes = wanted.join(crate::policy::codes::list_separator(lang))
        )));
    }
    // English names the states by code, as they are typed; Chinese by label.
    let label = |s: &str| match lang {
        crate::messages::Language::En => s.to_string(),
        crate::messages::Language::Zh => policy.state_label(s, lang),
    };
    let states: Vec<String> = policy
        .states_with(kind.states)
        .into_iter()
        .map(label)
        .collect();
    Err(Error::refused(crate::said!(
        "notice-wrong-state",
        title = kind.title,
        code = kind.code,
        id = case.id,
        state = label(&case.status),
        states = crate::messages::join(lang, &states)
    )))
}

/// The milestone event serving the notice records, if `--served` was given
/// and it was not recorded before.
fn served_event(
    case: &Case,
    kind: &NoticeKind,
    served: Option<DateTime<FixedOffset>>,
    issued: DateTime<FixedOffset>,
    officer: &str,
) -> Result<Option<Event>> {
    let (Some(at), Some(milestone)) = (served, kind.served) else {
        return Ok(None);
    };
    if at.date_naive() < issued.date_naive() {
        return Err(Error::invalid(crate::said!(
            "served-before-issued",
            served = at.date_naive(),
            issued = issued.date_naive()
        )));
    }
    let reached = case
        .history
        .iter()
        .any(|e| e.milestone() == Some(milestone));
    if reached {
        return Ok(None);
    }
    let reached = EventKind::Milestone {
        milestone: milestone.to_string(),
    };
    Ok(Some(Event::new(at.max(issued), officer, reached)))
}

/// What a draft prints where the number goes: a draft is numbered by
/// nobody, so it can never be mistaken for the issued document.
pub const DRAFT_NUMBER: &str = "（草稿，未编号）";

/// The document number: the kind's character, the year, the case ID and
/// the issuance's token.
pub fn number(kind: &NoticeKind, id: &CaseId, issued: NaiveDate, token: &str) -> String {
    format!("{}〔{}〕第 {id}-{token} 号", kind.abbr, issued.format("%Y"))
}

/// Where an issued notice is stored, relative to the workspace root.
fn notice_file(case: &Case, kind: &NoticeKind, token: &str, format: Format) -> String {
    format!(
        "{NOTICES_DIR}/{}/{}/{}-{token}.{}",
        case.id.year(),
        case.id,
        kind.code,
        format.extension()
    )
}

/// The token of a new issuance: a digest of the case as it stands, the
/// kind, the officer, the moment, the format and what else the document
/// is `made_of` (addressee, template, office), redrawn (with a counter)
/// until neither its number nor its file is taken locally. Two clones
/// that differ in any of these draw different tokens; two that issue the
/// very same document from the very same case get the same file, number
/// and event, which git and the merge driver keep once.
#[allow(clippy::too_many_arguments, reason = "each is part of the digest")]
fn unique_token(
    root: &std::path::Path,
    case: &Case,
    kind: &NoticeKind,
    officer: &str,
    when: DateTime<FixedOffset>,
    format: Format,
    made_of: &[&str],
) -> Result<String> {
    use sha2::{Digest, Sha256};
    let state = serde_json::to_vec(case).map_err(|e| Error::invalid(e.to_string()))?;
    let taken = |token: &str| {
        let number = number(kind, &case.id, when.date_naive(), token);
        case.history
            .iter()
            .filter_map(Event::notice)
            .any(|n| n.number == number)
            || std::fs::symlink_metadata(root.join(notice_file(case, kind, token, format))).is_ok()
    };
    for attempt in 0u32..1000 {
        let mut digest = Sha256::new();
        digest.update(&state);
        let when = when.to_rfc3339();
        let parts = [kind.code, officer, &when, format.extension()];
        for part in parts.iter().chain(made_of) {
            digest.update(part.as_bytes());
            digest.update([0]);
        }
        digest.update(attempt.to_le_bytes());
        let token = crate::model::id::crockford(&digest.finalize()[..TOKEN_LEN]);
        if !taken(&token) {
            return Ok(token);
        }
    }
    Err(Error::invalid(crate::said!(
        "notice-no-number",
        id = case.id,
        kind = crate::messages::said::Arg::each(kind.code, kind.title)
    )))
}

/// Characters in a document number's token: 25 bits, as in a case ID.
const TOKEN_LEN: usize = 5;

/// A date as Chinese documents write it: `2026年7月3日`.
pub fn zh_date(date: NaiveDate) -> String {
    date.format("%Y年%-m月%-d日").to_string()
}

/// What the issuing adds to a document: its number, signer and date.
struct Stamp<'a> {
    number: &'a str,
    officer: &'a str,
    when: DateTime<FixedOffset>,
}

fn render_notice(
    ws: &Workspace,
    case: &Case,
    kind: &NoticeKind,
    source: &Source,
    request: &NoticeRequest,
    stamp: &Stamp,
) -> Result<(String, String)> {
    let Stamp {
        number,
        officer,
        when,
    } = *stamp;
    let recipient = recipient(&ws.policy, case, kind, request.to.as_deref())?;
    let mut context = context(ws, case, when.date_naive());
    let map = context.as_object_mut().expect("the context is a mapping");
    map.insert("recipient".into(), json!(recipient));
    map.insert("number".into(), json!(number));
    map.insert("officer".into(), json!(officer));
    map.insert("issued".into(), json!(zh_date(when.date_naive())));
    map.insert("title".into(), json!(kind.title));
    if let Some(matter) = request
        .matter
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        map.insert("matter".into(), json!(matter));
    }
    let markdown = render::render(source, &context, &ws.policy.citations)?;
    let readable = render::hard_breaks(&markdown);
    let text = match request.format {
        Format::Md => readable.clone(),
        Format::Html => crate::html::html_page(
            &format!("{} {number}", kind.title),
            &render::markdown_to_html(&markdown),
        ),
    };
    Ok((text, readable))
}

/// The addressee's name: the complainants, the respondent, the body the
/// case went to, or a body named on the command line.
fn recipient(
    policy: &crate::policy::Policy,
    case: &Case,
    kind: &NoticeKind,
    to: Option<&str>,
) -> Result<String> {
    let to = match to.map(str::trim) {
        Some("") => return Err(Error::invalid(crate::said!("to-empty"))),
        // A notice speaks to its party ("您", "你单位"): another party
        // would receive a letter about itself in the wrong person.
        Some("complainant") if kind.to == Recipient::Complainant => Recipient::Complainant,
        Some("respondent") if kind.to == Recipient::Respondent => Recipient::Respondent,
        Some(body)
            if matches!(kind.to, Recipient::TransferBody | Recipient::Body)
                && body != "complainant"
                && body != "respondent" =>
        {
            return Ok(body.to_string());
        }
        Some(other) => {
            let usual = match kind.to {
                Recipient::Complainant => "complainant",
                Recipient::Respondent => "respondent",
                Recipient::TransferBody | Recipient::Body => "BODY",
                Recipient::File => "-",
            };
            return Err(Error::invalid(crate::said!(
                "notice-wrong-addressee",
                kind = crate::messages::said::Arg::each(kind.code, kind.title),
                to = other,
                usual = usual
            )));
        }
        None => kind.to,
    };
    let missing = |what: String| {
        Error::invalid(crate::said!(
            "notice-no-recipient",
            id = case.id,
            what = what,
            kind = crate::messages::said::Arg::each(kind.code, kind.title)
        ))
    };
    match to {
        Recipient::Complainant => {
            let names = complainant_names(case);
            if names.is_empty() {
                return Err(missing(crate::msg!(
                    policy.language,
                    "recipient-complainant"
                )));
            }
            Ok(names)
        }
        Recipient::Respondent => case
            .respondent_name()
            .map(str::to_string)
            .ok_or_else(|| missing(crate::msg!(policy.language, "recipient-respondent"))),
        Recipient::TransferBody => transfer_to(policy, case)
            .ok_or_else(|| missing(crate::msg!(policy.language, "recipient-transfer"))),
        // Filed in the case: addressed to no one.
        Recipient::File => Ok(String::new()),
        Recipient::Body => Err(Error::invalid(crate::said!(
            "notice-to-office",
            kind = crate::messages::said::Arg::each(kind.code, kind.title)
        ))),
    }
}

fn complainant_names(case: &Case) -> String {
    let names: Vec<&str> = case
        .complainants
        .iter()
        .filter_map(|p| p.name.as_deref())
        .collect();
    names.join("、")
}

fn transfer_to(policy: &crate::policy::Policy, case: &Case) -> Option<String> {
    last_move_into(policy, case, Role::Transferred)?
        .transfer_to
        .clone()
}

/// The last move of `case` into a state of `role`, if it has one.
fn last_move_into<'a>(
    policy: &crate::policy::Policy,
    case: &'a Case,
    role: Role,
) -> Option<&'a Move> {
    let moved = |e: &&Event| e.moved_to().is_some_and(|to| policy.has_role(to, role));
    case.history.iter().rev().find(moved)?.status_move()
}

/// The data a template sees. Absent values are left out (never blank), so
/// a template that needs one fails naming it.
///
/// Long by design: one `insert` per template variable, in the order the
/// the manual's variable table (docs/manual.md) lists them, so the two are compared at a glance.
#[allow(clippy::too_many_lines, reason = "see the doc comment")]
pub fn context(ws: &Workspace, case: &Case, today: NaiveDate) -> Value {
    let policy = &ws.policy;
    let zh = Language::Zh;
    let mut c = Map::new();
    let put = |map: &mut Map<String, Value>, key: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            map.insert(key.to_string(), Value::String(v));
        }
    };
    put(&mut c, "id", Some(case.id.to_string()));
    put(&mut c, "title", case.title.clone());
    put(
        &mut c,
        "received",
        Some(zh_date(
            case.received.with_timezone(&ws.offset).date_naive(),
        )),
    );
    put(
        &mut c,
        "category",
        case.category
            .as_deref()
            .map(|code| code_label(&policy.categories, code, zh)),
    );
    put(
        &mut c,
        "channel",
        case.channel
            .as_deref()
            .map(|code| code_label(&policy.channels, code, zh)),
    );
    put(&mut c, "accepted", accepted_on(ws, case));
    put(&mut c, "assignee", case.assignee.clone());
    put(&mut c, "demands", case.demands.clone());
    put(&mut c, "facts", case.facts.clone());
    put(&mut c, "status", Some(policy.state_label(&case.status, zh)));
    let outcome_cite = case
        .outcome
        .as_deref()
        .and_then(|o| policy.outcome_citation(o));
    put(&mut c, "outcome_cite", outcome_cite.map(Citation::zh));
    put(
        &mut c,
        "outcome",
        case.outcome
            .as_deref()
            .map(|code| code_label(&policy.outcomes, code, zh)),
    );
    put(&mut c, "measures", case.measures.clone());
    put(&mut c, "findings", case.findings.clone());
    put(&mut c, "agreement", case.agreement.clone());
    let reason = last_move_into(policy, case, Role::Rejected).and_then(|m| m.reason.clone());
    let reason_cite = reason.as_deref().and_then(|r| policy.reason_citation(r));
    put(&mut c, "reason_says", reason_cite.map(|c| c.says.clone()));
    put(&mut c, "reason_cite", reason_cite.map(Citation::zh));
    put(
        &mut c,
        "reason",
        reason.map(|code| code_label(&policy.rejection_reasons, &code, zh)),
    );
    put(&mut c, "transfer_to", transfer_to(policy, case));
    // The competent body a refusal names; read by name so that a case
    // model with or without the field both work.
    let refer_to = serde_json::to_value(case).ok().and_then(|v| {
        v.get("refer_to")
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    put(&mut c, "refer_to", refer_to);
    let mut complainant = Map::new();
    if let Some(first) = case.complainants.first() {
        put(&mut complainant, "name", first.name.clone());
        put(&mut complainant, "address", first.address.clone());
        put(&mut complainant, "phone", first.phone.clone());
        put(
            &mut complainant,
            "legal_representative",
            first.legal_representative.clone(),
        );
    }
    let mut respondent = Map::new();
    if let Some(r) = &case.respondent {
        put(&mut respondent, "name", r.name.clone());
        put(&mut respondent, "location", r.location.clone());
        put(&mut respondent, "department", r.departments_text("、"));
        put(
            &mut respondent,
            "legal_representative",
            r.legal_representative.clone(),
        );
    }
    let mut office = Map::new();
    if let Some(o) = &ws.settings.office {
        put(&mut office, "name", o.name.clone());
        put(&mut office, "address", o.address.clone());
        put(&mut office, "phone", o.phone.clone());
        put(&mut office, "review_body", o.review_body.clone());
        put(&mut office, "court", o.court.clone());
    }
    let mut deadlines = Map::new();
    let evaluated =
        crate::deadline::evaluate(case, policy, &ws.calendar, ws.offset, today).unwrap_or_default();
    for d in evaluated {
        // A rule whose start the history hides has no date to print.
        let Some(due) = d.due else {
            continue;
        };
        let label = policy
            .rule(&d.rule)
            .map(|r| r.zh.clone())
            .unwrap_or_default();
        deadlines.insert(
            d.rule.replace('-', "_"),
            json!({"due": printed_due(due, d.provisional), "label": label}),
        );
    }
    let mut root = Map::new();
    root.insert("case".into(), Value::Object(c));
    let names = complainant_names(case);
    if !names.is_empty() {
        root.insert("complainant_names".into(), json!(names));
    }
    // Every complainant by name, for a signature line each.
    let list: Vec<&str> = case
        .complainants
        .iter()
        .filter_map(|p| p.name.as_deref())
        .collect();
    root.insert("complainant_list".into(), json!(list));
    // How a notice to the complainants addresses them: a joint complaint's
    // notice goes to every complainant, not to one "您".
    let you = if case.complainants.len() > 1 {
        "你们"
    } else {
        "您"
    };
    root.insert("you".into(), json!(you));
    root.insert("complainant".into(), Value::Object(complainant));
    root.insert("respondent".into(), Value::Object(respondent));
    let mut project = Map::new();
    if let Some(p) = &case.project {
        put(&mut project, "name", p.name.clone());
        put(&mut project, "number", p.number.clone());
        put(&mut project, "lot", p.lot.clone());
    }
    root.insert("project".into(), Value::Object(project));
    let mut agent = Map::new();
    if let Some(a) = &case.agent {
        put(&mut agent, "name", a.name.clone());
        put(&mut agent, "contact", a.contact.clone());
    }
    root.insert("agent".into(), Value::Object(agent));
    root.insert("office".into(), Value::Object(office));
    root.insert("deadlines".into(), Value::Object(deadlines));
    let attachments: Vec<String> = super::attach::current(case)
        .into_iter()
        .map(|a| a.name)
        .collect();
    root.insert("attachments".into(), json!(attachments));
    Value::Object(root)
}

/// The day the case was first accepted, in Chinese, if it was.
fn accepted_on(ws: &Workspace, case: &Case) -> Option<String> {
    case.history
        .iter()
        .find(|e| {
            e.moved_to()
                .is_some_and(|to| ws.policy.has_role(to, Role::Accepted))
        })
        .map(|e| zh_date(e.at.with_timezone(&ws.offset).date_naive()))
}
