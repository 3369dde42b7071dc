//! `plaint init`: create a workspace.

use super::args::{InitArgs, LanguageArg};
use super::output::{self, Look};
use crate::policy::Language;
use crate::policy::settings::{Settings, parse_offset};
use crate::storage::Workspace;

/// Writes `plaint.yaml`, `.gitignore` and `.gitattributes` in the folder.
pub fn run(args: &InitArgs, look: Look) -> anyhow::Result<i32> {
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => std::env::current_dir()?,
    };
    parse_offset(&args.timezone)?;
    let mut settings = Settings::new(&args.preset, &args.calendar);
    settings.timezone = args.timezone.clone();
    settings.language = match args.language {
        LanguageArg::En => Language::En,
        LanguageArg::Zh => Language::Zh,
    };
    let ws = Workspace::init(&dir, &settings)?;
    if look.json {
        output::print_json(&serde_json::json!({
            "workspace": ws.root,
            "preset": ws.settings.preset,
            "calendar": ws.settings.calendar,
        }))?;
    } else {
        output::print_line(&format!(
            "created a {} workspace in {}",
            ws.settings.preset,
            ws.root.display()
        ))?;
    }
    Ok(0)
}
