//! `plaint export`: the selected cases as JSON, JSONL, CSV or YAML on
//! stdout, with every stored field, or redacted.

use std::io::Write;

use super::args::{ExportArgs, TransferFormat};
use super::import::format_arg;
use super::list::common_filter;
use super::{Ctx, output};
use crate::error::Exit;
use crate::transfer::export::{Options, export};

/// Writes the export; unreadable case files are named on stderr and make
/// the exit code 1.
pub fn run(ctx: &Ctx, args: &ExportArgs) -> anyhow::Result<Exit> {
    let mut filter = common_filter(&args.filter);
    filter.resolve_codes(&ctx.ws.policy)?;
    filter.validate(&ctx.ws.policy)?;
    let format = if ctx.look.json {
        TransferFormat::Json
    } else {
        args.format
    };
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
