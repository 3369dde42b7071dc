//! `plaint import`: a batch of cases from a file or stdin, all or nothing.
//! Prints the result only (a progress bar too, for a large batch on a
//! terminal); `--json` prints the report the manual's "`plaint import FILE|-`" describes.

use std::io::{IsTerminal, Read};
use std::path::Path;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use super::args::{EncodingArg, ImportArgs, TransferFormat};
use super::{Ctx, output, print_warnings};
use crate::error::{Error, Exit};
use crate::transfer::csvmap::ColumnMap;
use crate::transfer::import::{Options, Report, Verdict, import};
use crate::transfer::input::{Encoding, text_reader};
use crate::transfer::records::ReadOptions;
use crate::transfer::{Format, RowError};

/// Inputs at least this large get a progress bar on a terminal.
const LARGE_INPUT: u64 = 512 * 1024;

/// `--assignee NAME`, trimmed and checked before anything is read: an
/// empty name is refused, a name one slip away from one plaint.yaml lists
/// is refused with it suggested; another name comes with a warning.
fn assignee<'a>(
    ctx: &Ctx,
    flag: Option<&'a str>,
) -> anyhow::Result<(Option<&'a str>, Option<String>)> {
    let Some(name) = flag.map(str::trim) else {
        return Ok((None, None));
    };
    if name.is_empty() {
        return Err(Error::invalid(crate::msg!(ctx.lang(), "officer-empty")).into());
    }
    let warning = crate::policy::people::check_handler(&ctx.ws.settings, ctx.lang(), name, None)?;
    Ok((Some(name), warning))
}

/// Imports the batch and prints the report; exit 1 when any record is bad.
pub fn run(ctx: &Ctx, args: &ImportArgs) -> anyhow::Result<Exit> {
    let (assignee, handler_warning) = assignee(ctx, args.assignee.as_deref())?;
    let label = label_of(&args.file);
    let format = format_of(args)?;
    let map = read_map(args.map.as_deref())?;
    let (reader, size) =
        open(&args.file).with_context(|| crate::msg!(ctx.lang(), "cannot-read", file = label))?;
    let bar = progress_bar(ctx, size);
    let reader: Box<dyn Read + Send> = match &bar {
        Some(bar) => Box::new(bar.wrap_read(reader)),
        None => reader,
    };
    let encoding = match args.encoding {
        EncodingArg::Utf8 => Encoding::Utf8,
        EncodingArg::Gbk => Encoding::Gb18030,
    };
    let text = text_reader(reader, encoding).with_context(|| label.clone())?;
    let actor = ctx.actor();
    if !args.dry_run {
        actor.check_clock()?;
    }
    let options = Options {
        read: ReadOptions {
            format,
            map: map.as_ref(),
            ignore_unknown: args.ignore_unknown,
        },
        update: args.update,
        dry_run: args.dry_run,
        force: args.force,
        by: &actor.name,
        assignee,
        now: actor.now,
    };
    let moving = |done: usize, total: usize| {
        if let Some(bar) = &bar {
            if bar.length() != Some(total as u64) {
                bar.set_style(
                    ProgressStyle::with_template(crate::messages::text(
                        ctx.lang(),
                        "import-progress-moving",
                    ))
                    .expect("valid template"),
                );
                bar.set_length(total as u64);
            }
            bar.set_position(done as u64);
        }
    };
    let mut report = import(&ctx.ws, text, &options, &moving)
        .with_context(|| crate::msg!(ctx.lang(), "nothing-imported", label = label))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    report.warnings.splice(0..0, handler_warning);
    print_report(ctx, &report)?;
    if report.errors.is_empty() {
        return Ok(Exit::Success);
    }
    Err(Error::invalid(crate::msg!(
        ctx.lang(),
        "import-problems",
        label = label,
        count = report.errors.len()
    ))
    .into())
}

fn label_of(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.display().to_string()
    }
}

/// The format from `--format`, else from the extension.
fn format_of(args: &ImportArgs) -> anyhow::Result<Format> {
    if let Some(format) = args.format {
        return Ok(format_arg(format));
    }
    Format::from_path(&args.file).ok_or_else(|| {
        Error::invalid(crate::said!(
            "import-format-unknown",
            file = label_of(&args.file)
        ))
        .into()
    })
}

/// The library format of a command-line format.
pub fn format_arg(format: TransferFormat) -> Format {
    match format {
        TransferFormat::Csv => Format::Csv,
        TransferFormat::Json => Format::Json,
        TransferFormat::Jsonl => Format::Jsonl,
        TransferFormat::Yaml => Format::Yaml,
    }
}

fn read_map(path: Option<&Path>) -> anyhow::Result<Option<ColumnMap>> {
    let Some(path) = path else {
        return Ok(None);
    };
    let label = path.display().to_string();
    let text =
        crate::limits::read_text_bounded(path, crate::limits::MAX_SETTINGS_BYTES, "column map")
            .with_context(|| {
                crate::msg!(
                    crate::cli::output::language(),
                    "map-unreadable",
                    label = label
                )
            })?;
    Ok(Some(ColumnMap::parse(&text, &label)?))
}

/// The input and its size, when known.
fn open(path: &Path) -> std::io::Result<(Box<dyn Read + Send>, Option<u64>)> {
    if path.as_os_str() == "-" {
        return Ok((Box::new(std::io::stdin()), None));
    }
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    Ok((Box::new(file), Some(size)))
}

/// A bar over the bytes read, for a large input when stderr is a terminal.
fn progress_bar(ctx: &Ctx, size: Option<u64>) -> Option<ProgressBar> {
    let large = size.is_none_or(|s| s >= LARGE_INPUT);
    if ctx.look.json || !large || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = match size {
        Some(size) => ProgressBar::new(size).with_style(
            ProgressStyle::with_template(crate::messages::text(
                ctx.lang(),
                "import-progress-reading",
            ))
            .expect("valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template(crate::messages::text(
                ctx.lang(),
                "import-progress-spinner",
            ))
            .expect("valid template"),
        ),
    };
    Some(bar)
}

fn print_report(ctx: &Ctx, report: &Report) -> anyhow::Result<()> {
    if ctx.look.json {
        output::print_json(&report.rendered(ctx.lang()))?;
        return Ok(());
    }
    print_warnings(&report.warnings);
    for e in &report.errors {
        print_problem(ctx.lang(), e);
    }
    if !report.errors.is_empty() {
        return Ok(());
    }
    if report.dry_run {
        for planned in &report.records {
            output::print_line(&describe(ctx.lang(), planned))?;
        }
    }
    let lang = ctx.lang();
    let (created, updated, skipped) = (report.created, report.updated, report.skipped);
    let line = if report.dry_run {
        crate::msg!(
            lang,
            "import-dry-run",
            created = created,
            updated = updated,
            skipped = skipped
        )
    } else {
        crate::msg!(
            lang,
            "import-done",
            created = created,
            updated = updated,
            skipped = skipped
        )
    };
    output::print_line(&line)
}

fn print_problem(lang: crate::messages::Language, e: &RowError) {
    output::notice(&e.render(lang));
}

/// One line of a dry run: `row 2: create 20261102-ABCDE (external_ref HOT-1)`.
fn describe(lang: crate::messages::Language, p: &crate::transfer::import::Planned) -> String {
    let verb = match p.action {
        Verdict::Create => crate::msg!(lang, "plan-create"),
        Verdict::Update => crate::msg!(lang, "plan-update"),
        Verdict::Skip => crate::msg!(lang, "plan-skip"),
    };
    let id =
        p.id.as_ref()
            .map_or_else(|| crate::msg!(lang, "plan-new-id"), |i| format!(" {i}"));
    let reference = p
        .external_ref
        .as_deref()
        .map(|r| crate::msg!(lang, "plan-external-ref", reference = r))
        .unwrap_or_default();
    let detail = match (&p.reason, p.fields.is_empty()) {
        (Some(reason), _) => match reason.as_str() {
            "unchanged" => crate::msg!(lang, "plan-unchanged"),
            "already in the workspace" => crate::msg!(lang, "plan-already"),
            other => other.to_string(),
        },
        (None, false) => crate::messages::join(lang, &p.fields),
        _ => String::new(),
    };
    let detail = if detail.is_empty() {
        detail
    } else {
        crate::msg!(lang, "event-note-text", note = detail)
    };
    crate::msg!(
        lang,
        "row-error",
        row = p.row,
        message = format!("{verb}{id}{reference}{detail}")
    )
}
