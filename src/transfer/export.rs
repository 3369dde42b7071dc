//! Exporting cases: the stored case objects as a JSON array, JSONL, a YAML
//! document stream (each document the exact case file) or CSV.
//!
//! Every stored field is written, `history` included, so importing an
//! export into an empty workspace gives back byte-identical case files.
//! Cases come through the case index and are streamed: decoded, filtered
//! and rendered in parallel chunks and written in ID order. CSV makes one
//! pass more first, as its header has one column group per complainant.

use std::io::Write;

use rayon::prelude::*;

use super::Format;
use super::csvmap::{export_header, export_row, zh_header};
use crate::error::{Error, Result};
use crate::model::Case;
use crate::query::Filter;
use crate::redact::redact_case;
use crate::storage::casefile::render_case;
use crate::storage::{Snapshot, Workspace};

/// Case files read and rendered together.
const CHUNK: usize = 2048;

/// What to export, and how.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// The output format.
    pub format: Format,
    /// Which cases.
    pub filter: &'a Filter,
    /// Leave personal data out ([`crate::redact`]).
    pub redact: bool,
    /// Start CSV with a UTF-8 byte order mark, for spreadsheet programs.
    pub bom: bool,
    /// The office code (`office.code`), written into every exported case
    /// (JSON: an `office` field first; CSV: an `office` column first;
    /// YAML: a `# office:` comment, as the documents are the case files).
    pub office: Option<&'a str>,
}

/// The outcome of an export.
#[derive(Debug, Default)]
pub struct Exported {
    /// How many cases were written.
    pub cases: usize,
    /// Case files that could not be read (left out, named here).
    pub broken: Vec<Error>,
}

/// Writes the selected cases of `ws` to `out`, in ID order.
pub fn export(ws: &Workspace, out: &mut dyn Write, options: Options) -> Result<Exported> {
    if options.format == Format::Csv {
        return export_csv(ws, out, options);
    }
    let io = |e: std::io::Error| {
        Error::io(
            crate::messages::text(ws.policy.language, "export-output"),
            e,
        )
    };
    let mut exported = Exported::default();
    if options.format == Format::Json {
        out.write_all(b"[").map_err(io)?;
    }
    for_each_chunk(
        ws,
        options,
        &mut exported,
        &mut |case| {
            let (before, body, after): (&[u8], Vec<u8>, &[u8]) = match options.format {
                Format::Json => (b"\n", to_json(case, options.office)?, b""),
                Format::Jsonl => (b"", to_json(case, options.office)?, b"\n"),
                Format::Yaml => (b"---\n", to_yaml(case, options.office)?, b""),
                Format::Csv => unreachable!("handled above"),
            };
            Ok([before, &body, after].concat())
        },
        &mut |i, bytes| {
            if options.format == Format::Json && i > 0 {
                out.write_all(b",").map_err(io)?;
            }
            out.write_all(&bytes).map_err(io)
        },
    )?;
    if options.format == Format::Json {
        let end: &[u8] = if exported.cases == 0 {
            b"]\n"
        } else {
            b"\n]\n"
        };
        out.write_all(end).map_err(io)?;
    }
    out.flush().map_err(io)?;
    Ok(exported)
}

/// Decodes, filters and renders the cases in parallel chunks, then hands
/// each rendering to `write` in ID order.
fn for_each_chunk(
    ws: &Workspace,
    options: Options,
    exported: &mut Exported,
    render: &mut (dyn Fn(&Case) -> Result<Vec<u8>> + Sync),
    write: &mut dyn FnMut(usize, Vec<u8>) -> Result<()>,
) -> Result<()> {
    let mut snapshot = ws.scan()?;
    exported.broken.append(&mut snapshot.broken);
    exported
        .broken
        .extend(each_chunk(&snapshot, &mut |start, end| {
            let rendered: Vec<Result<Option<Vec<u8>>>> = (start..end)
                .into_par_iter()
                .map(|i| {
                    let case = snapshot.case(i)?;
                    select(ws, options, case).map(|c| render(&c)).transpose()
                })
                .collect();
            let mut broken = Vec::new();
            for result in rendered {
                match result {
                    Ok(Some(bytes)) => {
                        write(exported.cases, bytes)?;
                        exported.cases += 1;
                    }
                    Ok(None) => {}
                    Err(e) => broken.push(e),
                }
            }
            Ok(broken)
        })?);
    Ok(())
}

/// Calls `visit` on each chunk of the snapshot (a range of indexes) and
/// gathers what it could not read.
fn each_chunk(
    snapshot: &Snapshot,
    visit: &mut dyn FnMut(usize, usize) -> Result<Vec<Error>>,
) -> Result<Vec<Error>> {
    let mut broken = Vec::new();
    for start in (0..snapshot.len()).step_by(CHUNK) {
        broken.extend(visit(start, (start + CHUNK).min(snapshot.len()))?);
    }
    Ok(broken)
}

/// The case as exported, if the filter keeps it.
fn select(ws: &Workspace, options: Options, case: Case) -> Option<Case> {
    if !options.filter.matches(&ws.policy, &case) {
        return None;
    }
    Some(if options.redact {
        redact_case(&case)
    } else {
        case
    })
}

/// The case as a JSON object, led by `"office"` when the office has a code.
fn to_json(case: &Case, office: Option<&str>) -> Result<Vec<u8>> {
    let fail =
        |e: serde_json::Error| Error::invalid(crate::said!("case-error", id = case.id, error = e));
    let body = serde_json::to_vec(case).map_err(fail)?;
    let Some(code) = office else {
        return Ok(body);
    };
    let mut led = format!(
        "{{\"office\":{},",
        serde_json::to_string(code).map_err(fail)?
    )
    .into_bytes();
    // The case object is never empty (`schema` and `id` come first).
    led.extend_from_slice(body.get(1..).unwrap_or_default());
    Ok(led)
}

/// The case file, after a `# office:` comment when the office has a code.
fn to_yaml(case: &Case, office: Option<&str>) -> Result<Vec<u8>> {
    let file = render_case(case)?;
    Ok(match office {
        Some(code) => format!("# office: {code}\n{file}").into_bytes(),
        None => file.into_bytes(),
    })
}

fn export_csv(ws: &Workspace, out: &mut dyn Write, options: Options) -> Result<Exported> {
    let mut snapshot = ws.scan()?;
    let mut broken = std::mem::take(&mut snapshot.broken);
    let most = (0..snapshot.len())
        .into_par_iter()
        .filter_map(|i| snapshot.case(i).ok())
        .filter_map(|c| select(ws, options, c))
        .map(|c| c.complainants.len())
        .max()
        .unwrap_or(1);
    let header = export_header(most);
    let office_column = options
        .office
        .map(|_| super::csvmap::EXPORT_OFFICE.to_string());
    let csv_error = |e: csv::Error| {
        Error::io(
            crate::messages::text(ws.policy.language, "export-output"),
            e.into(),
        )
    };
    if options.bom {
        out.write_all("\u{feff}".as_bytes()).map_err(|e| {
            Error::io(
                crate::messages::text(ws.policy.language, "export-output"),
                e,
            )
        })?;
    }
    let mut writer = csv::Writer::from_writer(out);
    // A zh workspace heads the columns in Chinese, as its import reads them.
    let shown: Vec<String> = match ws.policy.language {
        crate::messages::Language::Zh => office_column
            .iter()
            .chain(&header)
            .map(|c| zh_header(c))
            .collect(),
        crate::messages::Language::En => office_column.iter().chain(&header).cloned().collect(),
    };
    crate::csvcell::write_record(&mut writer, &shown).map_err(csv_error)?;
    let mut cases = 0;
    broken.extend(each_chunk(&snapshot, &mut |start, end| {
        let chunk: Vec<Result<Option<Case>>> = (start..end)
            .into_par_iter()
            .map(|i| Ok(select(ws, options, snapshot.case(i)?)))
            .collect();
        let mut unread = Vec::new();
        for result in chunk {
            match result {
                Ok(Some(case)) => {
                    let mut row = export_row(&case, &header)?;
                    if let Some(code) = options.office {
                        row.insert(0, code.to_string());
                    }
                    crate::csvcell::write_record(&mut writer, row).map_err(csv_error)?;
                    cases += 1;
                }
                Ok(None) => {}
                Err(e) => unread.push(e),
            }
        }
        Ok(unread)
    })?);
    writer.flush().map_err(|e| {
        Error::io(
            crate::messages::text(ws.policy.language, "export-output"),
            e,
        )
    })?;
    Ok(Exported { cases, broken })
}

#[cfg(test)]
mod tests;
