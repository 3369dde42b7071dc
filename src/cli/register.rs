//! `plaint register`: a new case from flags or a document.

use std::io::Read;
use std::path::Path;

use anyhow::Context as _;

use super::args::RegisterArgs;
use super::view::changed_json;
use super::{Ctx, output, print_warnings};
use crate::actions;
use crate::error::{Error, Exit};
use crate::intake::{Intake, build_case};
use crate::model::draft::parse_draft;
use crate::model::{Action, Draft, Person, Respondent};
use crate::policy::codes::CodeKind;
use crate::policy::workflow::ANONYMOUS_TAG;

/// The named assignee checked against the people plaint.yaml lists: a
/// name one slip away from a listed one is refused, another warned about.
fn handler_warning(ctx: &Ctx, draft: &Draft) -> anyhow::Result<Option<String>> {
    let named = draft.assignee.as_deref().map(str::trim);
    match named.filter(|name| !name.is_empty()) {
        Some(name) => Ok(crate::policy::people::check_handler(
            &ctx.ws.settings,
            ctx.lang(),
            name,
            None,
        )?),
        None => Ok(None),
    }
}

/// Registers the case and prints its ID.
pub fn run(ctx: &Ctx, args: &RegisterArgs) -> anyhow::Result<Exit> {
    let mut draft = match &args.from {
        Some(path) => read_draft(path)?,
        None => Draft::default(),
    };
    apply_flags(ctx, &mut draft, args)?;
    let handler_warning = handler_warning(ctx, &draft)?;
    let actor = ctx.actor();
    actor.check_clock()?;
    let intake = Intake {
        policy: &ctx.ws.policy,
        calendar: &ctx.ws.calendar,
        force: false,
        offset: ctx.ws.offset,
        now: actor.now,
        by: &actor.name,
        action: Action::Registered,
    };
    let blank = args.from.is_none() && draft == Draft::default();
    let bad_date = has_bad_date(&draft, ctx.ws.offset);
    let built = build_case(draft, &intake).map_err(|errors| {
        if blank {
            let lang = ctx.lang();
            return Error::invalid(format!(
                "{}\n\n{}",
                crate::msg!(lang, "nothing-to-register"),
                register_usage()
            ));
        }
        let list: Vec<String> = errors.iter().map(|e| e.render(ctx.lang())).collect();
        let list = list.join(crate::messages::text(ctx.lang(), "list-separator"));
        let message = crate::msg!(ctx.lang(), "not-registered", problems = list);
        if bad_date {
            Error::bad_date(message)
        } else {
            Error::invalid(message)
        }
    })?;
    let mut changed = actions::register(&ctx.ws, built)?;
    changed.warnings.extend(handler_warning);
    changed
        .warnings
        .extend(joint_without_representative(ctx, &changed.case));
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
        print_warnings(&changed.warnings);
        return Ok(Exit::Success);
    }
    print_warnings(&changed.warnings);
    output::print_line(changed.case.id.as_str())?;
    if ctx.look.terminal {
        let state = super::view::status_label(ctx, &changed.case.status);
        output::notice(&crate::msg!(
            ctx.lang(),
            "registered-next",
            id = changed.case.id,
            state = state
        ));
    }
    Ok(Exit::Success)
}

/// Whether a date the draft carries (`--received`, `--contract-end`,
/// `--challenge-due` or the document's) is no date at all: the refusal is
/// then coded `bad_date`, like every other date on the command line.
fn has_bad_date(draft: &Draft, offset: chrono::FixedOffset) -> bool {
    let moment = draft
        .received
        .as_deref()
        .is_some_and(|text| crate::dates::parse_datetime(text, offset).is_err());
    let day = [&draft.contract_end, &draft.challenge_due]
        .into_iter()
        .flatten()
        .any(|text| crate::dates::parse_date(text).is_err());
    moment || day
}

/// Reads a YAML or JSON document ('-' for stdin), refusing unknown fields
/// with all of them listed.
fn read_draft(path: &Path) -> anyhow::Result<Draft> {
    let label = path.display().to_string();
    // At most one case file's worth, from stdin, a file or a pipe alike:
    // `/dev/zero` or an endless pipe is refused, not read for ever.
    let limit = crate::storage::casefile::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    // A regular file's size is known before reading; a pipe's only after.
    let mut size = None;
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .context("stdin")?;
    } else {
        let cannot_read =
            || crate::msg!(crate::cli::output::language(), "cannot-read", file = label);
        let file = std::fs::File::open(path).with_context(cannot_read)?;
        size = file
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len());
        file.take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .with_context(cannot_read)?;
    }
    if bytes.len() > limit {
        let len = size.unwrap_or(bytes.len() as u64);
        return Err(crate::error::Error::BadFile {
            path: path.to_path_buf(),
            message: crate::limits::too_large(len, limit, "case file").into(),
        }
        .into());
    }
    let text = String::from_utf8(bytes).map_err(|e| crate::error::Error::BadFile {
        path: path.to_path_buf(),
        message: crate::limits::not_utf8(&e.utf8_error()).into(),
    })?;
    Ok(parse_draft(&text, &label)?)
}

/// The short usage of `register`, as clap renders it.
fn register_usage() -> String {
    use clap::CommandFactory;
    let mut command = super::args::Cli::command();
    command
        .find_subcommand_mut("register")
        .map(|c| c.render_usage().to_string())
        .unwrap_or_default()
}

/// The position of `--representative` among the complainants: a name
/// given with --complainant, or a position from 0.
fn representative_index(complainants: &[Person], given: &str) -> anyhow::Result<usize> {
    let given = given.trim();
    let by_name = complainants
        .iter()
        .position(|p| p.name.as_deref().map(str::trim) == Some(given));
    let by_index = given
        .parse::<usize>()
        .ok()
        .filter(|&i| i < complainants.len());
    by_name.or(by_index).ok_or_else(|| {
        Error::usage(crate::said!(
            "representative-unknown",
            given = given,
            last = complainants.len().saturating_sub(1)
        ))
        .into()
    })
}

/// A warning when a joint complaint names no representative: it will be
/// needed before the case can be accepted.
fn joint_without_representative(ctx: &Ctx, case: &crate::model::Case) -> Option<String> {
    let policy = &ctx.ws.policy;
    let threshold = policy.joint_threshold?;
    let count = case.complainants.len();
    (count >= threshold && case.representatives.is_empty()).then(|| {
        crate::msg!(
            ctx.lang(),
            "joint-no-representative",
            count = count,
            max = policy.max_representatives
        )
    })
}

fn apply_flags(ctx: &Ctx, draft: &mut Draft, args: &RegisterArgs) -> anyhow::Result<()> {
    let set = |target: &mut Option<String>, value: &Option<String>| {
        if value.is_some() {
            *target = value.clone();
        }
    };
    set(&mut draft.title, &args.title);
    let policy = &ctx.ws.policy;
    let code = |kind, value: &Option<String>| -> anyhow::Result<Option<String>> {
        Ok(value
            .as_deref()
            .map(|v| policy.resolve_code(kind, v))
            .transpose()?)
    };
    let category = code(CodeKind::Category, &args.category)?;
    let channel = code(CodeKind::Channel, &args.channel)?;
    let priority = code(CodeKind::Priority, &args.priority)?;
    set(&mut draft.category, &category);
    set(
        &mut draft.case_type,
        &code(CodeKind::Type, &args.case_type)?,
    );
    set(&mut draft.cause, &code(CodeKind::Cause, &args.cause)?);
    set(&mut draft.compensation, &args.compensation);
    set(&mut draft.channel, &channel);
    set(&mut draft.priority, &priority);
    set(&mut draft.department, &args.receiving_department);
    set(&mut draft.received, &args.received);
    set(&mut draft.demands, &args.demands);
    set(&mut draft.facts, &args.facts);
    set(&mut draft.contract_end, &args.contract_end);
    set(&mut draft.challenge_due, &args.challenge_due);
    set(&mut draft.assignee, &args.assignee);
    set(&mut draft.external_ref, &args.external_ref);
    draft.tags.extend(args.tag.iter().cloned());
    if args.anonymous && !draft.tags.iter().any(|t| t == ANONYMOUS_TAG) {
        draft.tags.push(ANONYMOUS_TAG.to_string());
    }
    apply_complainants(draft, args)?;
    if args.project.is_some() || args.project_number.is_some() || args.lot.is_some() {
        let p = draft
            .project
            .get_or_insert_with(crate::model::case::Project::default);
        set(&mut p.name, &args.project);
        set(&mut p.number, &args.project_number);
        set(&mut p.lot, &args.lot);
    }
    if args.respondent.is_some()
        || !args.department.is_empty()
        || args.location.is_some()
        || args.respondent_representative.is_some()
    {
        let r = draft.respondent.get_or_insert_with(Respondent::default);
        set(&mut r.name, &args.respondent);
        if !args.department.is_empty() {
            r.department.clone_from(&args.department);
        }
        set(&mut r.location, &args.location);
        set(&mut r.legal_representative, &args.respondent_representative);
    }
    Ok(())
}

/// The complainants of the flags (paired by position with their phones and
/// e-mails), the first one's legal representative and address, and the
/// representatives of a joint complaint.
fn apply_complainants(draft: &mut Draft, args: &RegisterArgs) -> anyhow::Result<()> {
    let people = args
        .complainant
        .len()
        .max(args.phone.len())
        .max(args.email.len());
    if people > 0 && args.complainant.len() < people {
        anyhow::bail!(Error::invalid(crate::said!("complainant-per-contact")));
    }
    for i in 0..people {
        draft.complainants.push(Person {
            name: args.complainant.get(i).cloned(),
            phone: args.phone.get(i).cloned(),
            email: args.email.get(i).cloned(),
            ..Person::default()
        });
    }
    if let (Some(rep), Some(first)) = (&args.legal_representative, draft.complainants.first_mut()) {
        first.legal_representative = Some(rep.clone());
    } else if args.legal_representative.is_some() {
        anyhow::bail!(Error::invalid(crate::said!("legal-rep-needs-complainant")));
    }
    for rep in &args.representative {
        let index = representative_index(&draft.complainants, rep)?;
        if !draft.representatives.contains(&index) {
            draft.representatives.push(index);
        }
    }
    if let (Some(address), Some(first)) = (&args.address, draft.complainants.first_mut()) {
        first.address = Some(address.clone());
    } else if args.address.is_some() {
        anyhow::bail!(Error::invalid(crate::said!("address-needs-complainant")));
    }
    Ok(())
}
