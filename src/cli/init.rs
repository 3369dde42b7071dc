//! `plaint init`: create a workspace.

use std::path::Path;

use super::args::{InitArgs, LanguageArg};
use super::output::{self, Look};
use crate::error::Exit;
use crate::git::setup::{register_driver, repository_top};
use crate::policy::Language;
use crate::policy::settings::{Settings, parse_offset};
use crate::storage::Workspace;

/// Writes `plaint.yaml`, `.gitignore` and `.gitattributes` in the folder,
/// and registers the merge driver when the folder is in a git repository.
pub fn run(args: &InitArgs, look: Look) -> anyhow::Result<Exit> {
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => std::env::current_dir()?,
    };
    parse_offset(&args.timezone)?;
    // `--calendar` names a calendar, or is a calendar file to copy in.
    let calendar_file = Path::new(&args.calendar);
    let calendar_file = calendar_file.is_file().then_some(calendar_file);
    let mut settings = Settings::new(&args.preset, &args.calendar);
    settings.timezone = args.timezone.clone();
    settings.language = match args.language {
        Some(LanguageArg::En) => Language::En,
        Some(LanguageArg::Zh) => Language::Zh,
        None => language_from_locale(),
    };
    let ws = Workspace::init_with_calendar(&dir, &settings, calendar_file)?;
    let driver = register_git_driver(&ws.root, ws.settings.language);
    if look.json {
        output::print_json(&serde_json::json!({
            "workspace": ws.root,
            "preset": ws.settings.preset,
            "calendar": ws.settings.calendar,
            "git_driver": driver,
        }))?;
    } else {
        let lang = ws.settings.language;
        output::print_line(&crate::msg!(
            lang,
            "workspace-created",
            preset = crate::messages::preset_name(&ws.settings.preset),
            dir = ws.root.display()
        ))?;
        if let Some(command) = &driver {
            output::notice(&crate::msg!(lang, "driver-registered", command = command));
        }
    }
    Ok(Exit::Success)
}

/// Inside a git repository, registers the merge driver for case files so
/// the clone that creates the workspace merges well from the start. A
/// failure is a warning: the workspace itself is fine.
fn register_git_driver(root: &Path, lang: Language) -> Option<String> {
    repository_top(root)?;
    let registered = std::env::current_exe()
        .map_err(|e| e.to_string())
        .and_then(|exe| register_driver(root, &exe).map_err(|e| e.to_string()));
    match registered {
        Ok(command) => Some(command),
        Err(e) => {
            output::warn(&crate::msg!(lang, "driver-not-registered", error = e));
            None
        }
    }
}

/// `zh` when the user's locale is Chinese (`LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn language_from_locale() -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|l| !l.is_empty()))
        .unwrap_or_default();
    if locale.starts_with("zh") {
        Language::Zh
    } else {
        Language::En
    }
}
