//! `plaint dossier`: the case file (立卷归档) of one case or a period, as a
//! folder or a zip archive.

use super::args::DossierArgs;
use super::{Ctx, output, resolve};
use crate::error::{Error, Exit};
use crate::paperwork::dossier;
use crate::storage::atomic::write_atomic;

/// Builds the dossier and writes it to `--out`.
pub fn run(ctx: &Ctx, args: &DossierArgs) -> anyhow::Result<Exit> {
    if args.out.exists() && !args.force {
        return Err(Error::refused(crate::msg!(
            ctx.lang(),
            "out-exists",
            out = args.out.display()
        ))
        .into());
    }
    let ws = &ctx.ws;
    let (cases, title) = match (&args.id, &args.period) {
        (Some(id), _) => {
            let id = resolve(ctx, id)?;
            (vec![ws.read_case(&id)?], format!("案卷 {id}"))
        }
        (None, Some(period)) => {
            let loaded = ws.load_all()?;
            if let Some(broken) = loaded.broken.first() {
                return Err(Error::refused(crate::msg!(
                    ctx.lang(),
                    "dossier-broken",
                    broken = broken
                ))
                .into());
            }
            let cases: Vec<_> = loaded
                .cases
                .into_iter()
                .filter(|c| period.contains(c.received.with_timezone(&ws.offset).date_naive()))
                .collect();
            (cases, format!("案卷目录 {}", period.label))
        }
        (None, None) => unreachable!("clap requires an ID or --period"),
    };
    let files = dossier::build(ws, &cases, &title, ctx.today)?;
    let is_zip = args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if is_zip {
        let times = dossier::recorded_times(&cases);
        let bytes = dossier::zip(&files, &times, ctx.now, ctx.ws.offset)?;
        write_atomic(&args.out, &bytes)?;
    } else {
        if args.out.is_file() {
            return Err(Error::refused(crate::msg!(
                ctx.lang(),
                "out-is-file",
                out = args.out.display()
            ))
            .into());
        }
        dossier::write_dir(&args.out, &files)?;
    }
    if ctx.look.json {
        output::print_json(&serde_json::json!({
            "out": args.out.display().to_string(),
            "cases": cases.iter().map(|c| c.id.to_string()).collect::<Vec<_>>(),
            "files": files.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>(),
        }))?;
    } else {
        output::notice(&crate::msg!(
            ctx.lang(),
            "dossier-written",
            cases = cases.len(),
            files = files.len(),
            out = args.out.display()
        ));
    }
    Ok(Exit::Success)
}
