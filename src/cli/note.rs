//! `plaint note`: append a note.

use std::io::Read;

use anyhow::Context as _;

use super::args::NoteArgs;
use super::view::changed_json;
use super::{Ctx, output, print_warnings, resolve};
use crate::actions;
use crate::error::Exit;

/// Appends the note to the case's history.
pub fn run(ctx: &Ctx, args: &NoteArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let text = if args.text == "-" {
        let mut bytes = Vec::new();
        let limit = crate::limits::MAX_FIELD_BYTES;
        std::io::stdin()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .context("stdin")?;
        // The length first: a note cut at the limit may end mid-character.
        if bytes.len() > limit {
            anyhow::bail!(crate::error::Error::invalid(crate::said!(
                "note-too-long",
                kib = limit / 1024,
                hint = crate::limits::large_material_hint()
            )));
        }
        String::from_utf8(bytes)
            .map_err(|_| crate::error::Error::invalid(crate::msg!(ctx.lang(), "stdin-not-utf8")))?
    } else {
        args.text.clone()
    };
    let changed = actions::note(&ctx.ws, &id, &text, &ctx.actor())?;
    print_warnings(&changed.warnings);
    if ctx.look.json {
        output::print_json(&changed_json(ctx, &changed.case, &changed.warnings))?;
    } else if ctx.look.terminal {
        output::notice(&crate::msg!(ctx.lang(), "note-added", id = id));
    }
    Ok(Exit::Success)
}
