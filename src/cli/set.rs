//! `plaint set`: write a case's demands, facts, findings, agreement or
//! measures.

use std::io::Read;

use anyhow::Context as _;

use super::args::SetArgs;
use super::view::changed_json;
use super::{Ctx, output, print_warnings, resolve};
use crate::actions::{self, TextField};
use crate::error::{Error, Exit};

/// Records the text, read from the argument, stdin or `$EDITOR`.
pub fn run(ctx: &Ctx, args: &SetArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let field = match args.field.as_str() {
        "demands" => TextField::Demands,
        "facts" => TextField::Facts,
        "findings" => TextField::Findings,
        "agreement" => TextField::Agreement,
        _ => TextField::Measures,
    };
    let text = match args.text.as_deref() {
        Some("-") => read_stdin(ctx)?,
        Some(text) => text.to_string(),
        None if ctx.look.terminal => in_editor(ctx, &id, field)?,
        None => return Err(Error::usage(crate::msg!(ctx.lang(), "set-no-text")).into()),
    };
    let changed = actions::set_text(&ctx.ws, &id, field, &text, &ctx.actor())?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else {
        let name = crate::messages::fill(ctx.lang(), &format!("field-{}", field.name()), &[]);
        let said = if changed.written {
            "set-done"
        } else {
            "set-unchanged"
        };
        output::notice(&crate::messages::fill(
            ctx.lang(),
            said,
            &[("id", &id), ("field", &name)],
        ));
    }
    Ok(Exit::Success)
}

fn read_stdin(ctx: &Ctx) -> anyhow::Result<String> {
    let limit = crate::limits::MAX_FIELD_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .context("stdin")?;
    if bytes.len() > limit {
        anyhow::bail!(Error::invalid(crate::msg!(
            ctx.lang(),
            "note-too-long",
            kib = limit / 1024,
            hint = crate::limits::large_material_hint()
        )));
    }
    Ok(String::from_utf8(bytes)
        .map_err(|_| Error::invalid(crate::msg!(ctx.lang(), "stdin-not-utf8")))?)
}

/// The field's text as the officer leaves it in `$EDITOR`, starting from
/// what the case holds.
fn in_editor(ctx: &Ctx, id: &crate::model::CaseId, field: TextField) -> anyhow::Result<String> {
    let mut case = ctx.ws.read_case(id)?;
    let current = field.of(&mut case).clone().unwrap_or_default();
    let dir = ctx.ws.root.join(crate::storage::workspace::LOCAL_DIR);
    let path = dir.join(format!("set-{id}-{}.txt", field.name()));
    crate::storage::atomic::write_atomic(&path, current.as_bytes())?;
    super::edit::run_editor(&path)?;
    let text =
        crate::limits::read_text_bounded(&path, crate::limits::MAX_FIELD_BYTES, "case file")?;
    let _ = std::fs::remove_file(&path);
    Ok(text)
}
