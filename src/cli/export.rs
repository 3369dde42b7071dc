//! `plaint export`: the selected cases as JSON, JSONL, CSV or YAML on
//! stdout, with every stored field, or redacted; or, with `--format
//! parquet --out DIR`, the office's Parquet tables for a province.

use std::io::Write;

use super::args::{ExportArgs, ExportFormat, TransferFormat};
use super::import::format_arg;
use super::list::common_filter;
use super::{Ctx, output};
use crate::error::{Error, Exit};
use crate::query::Filter;
use crate::transfer::export::{Options, export};

/// Writes the export; unreadable case files are named on stderr and make
/// the exit code 1.
pub fn run(ctx: &Ctx, args: &ExportArgs) -> anyhow::Result<Exit> {
    let mut filter = common_filter(&args.filter);
    filter.resolve_codes(&ctx.ws.policy)?;
    filter.validate(&ctx.ws.policy)?;
    let format = match (args.format, ctx.look.json) {
        (ExportFormat::Parquet, _) => return parquet(ctx, args, &filter),
        (_, true) | (ExportFormat::Json, _) => TransferFormat::Json,
        (ExportFormat::Jsonl, _) => TransferFormat::Jsonl,
        (ExportFormat::Csv, _) => TransferFormat::Csv,
        (ExportFormat::Yaml, _) => TransferFormat::Yaml,
    };
    if args.out.is_some() {
        return Err(Error::usage(crate::said!("export-out-only-parquet")).into());
    }
    let options = Options {
        format: format_arg(format),
        filter: &filter,
        redact: args.redact,
        bom: args.bom,
        office: ctx.ws.settings.office_code(),
    };
    let mut out = output::data_stream();
    let exported = export(&ctx.ws, &mut out, options)?;
    out.flush()?;
    ctx.report_broken(&exported.broken)
}

/// `--format parquet`: the tables into `--out`, and what was written on
/// stdout (a table, or JSON with `--json`).
fn parquet(ctx: &Ctx, args: &ExportArgs, filter: &Filter) -> anyhow::Result<Exit> {
    let Some(out) = args.out.as_deref() else {
        return Err(Error::usage(crate::said!("export-parquet-needs-out")).into());
    };
    if args.bom {
        return Err(Error::usage(crate::said!("export-parquet-no-bom")).into());
    }
    let policy = &ctx.ws.policy;
    let written = crate::actions::parquet::export_parquet(&ctx.ws, out, ctx.today, |case| {
        filter.matches(policy, case)
    })?;
    let files: Vec<serde_json::Value> = written
        .files
        .iter()
        .map(|f| {
            serde_json::json!({
                "path": written.dir.join(&f.path).display().to_string(),
                "table": f.table,
                "year": f.year,
                "rows": f.rows,
                "bytes": f.bytes.len(),
            })
        })
        .collect();
    if ctx.look.json {
        output::print_json(&serde_json::json!({
            "office": written.office,
            "dir": written.dir.display().to_string(),
            "as_of": ctx.today,
            "schema_version": crate::reports::parquet::SCHEMA_VERSION,
            "cases": written.cases,
            "files": files,
        }))?;
    } else {
        for f in &written.files {
            output::print_line(&crate::msg!(
                ctx.lang(),
                "export-parquet-file",
                path = written.dir.join(&f.path).display(),
                rows = f.rows
            ))?;
        }
        output::notice(&crate::msg!(
            ctx.lang(),
            "export-parquet-done",
            cases = written.cases,
            office = written.office,
            dir = written.dir.display(),
            today = ctx.today
        ));
    }
    ctx.report_broken(&written.broken)
}
