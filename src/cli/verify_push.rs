//! `plaint verify-push OLD NEW [REF]`: what a server's `pre-receive` or
//! `update` hook runs for each ref pushed; exit 0 lets the push in.

use std::path::Path;

use serde::Serialize;

use super::output::{self, Look};
use crate::check::push::{PushProblem, push_language, verify_push};
use crate::error::{Error, Exit};
use crate::git::objects::Repo;
use crate::messages::Language;

/// The `--json` document.
#[derive(Serialize)]
struct Answer<'a> {
    #[serde(rename = "ref")]
    target: Option<&'a str>,
    old: &'a str,
    new: &'a str,
    accepted: bool,
    files: usize,
    problems: Vec<Shown<'a>>,
}

/// A problem as `--json` gives it: its texts in the office's language.
#[derive(Serialize)]
struct Shown<'a> {
    file: Option<&'a str>,
    event: Option<String>,
    message: String,
}

/// Verifies the push of `target` from `old` to `new` in the repository
/// at `dir`, in the office's language: one line per problem, exit 3 when
/// the push is refused.
pub fn run(
    dir: &Path,
    old: &str,
    new: &str,
    target: Option<&str>,
    subdir: Option<&str>,
    look: Look,
) -> anyhow::Result<Exit> {
    let repo = Repo::at(dir);
    output::set_language(push_language(&repo, old, new, subdir));
    let lang = output::language();
    let verdict = verify_push(&repo, old, new, subdir)?;
    let count = verdict.problems.len();
    if look.json {
        output::print_json(&Answer {
            target,
            old,
            new,
            accepted: verdict.accepted(),
            files: verdict.files,
            problems: verdict
                .problems
                .iter()
                .map(|p| Shown {
                    file: p.file.as_deref(),
                    event: p.event.as_ref().map(|e| e.render(lang)),
                    message: p.message.render(lang),
                })
                .collect(),
        })?;
    } else {
        for p in &verdict.problems {
            output::print_line(&problem_line(p, lang))?;
        }
        let shown: String = target.map_or_else(|| new.chars().take(12).collect(), str::to_string);
        let summary = if verdict.accepted() {
            crate::msg!(lang, "push-accepted", target = shown, files = verdict.files)
        } else {
            crate::msg!(lang, "push-refused", target = shown, count = count)
        };
        output::print_line(&summary)?;
    }
    if verdict.accepted() {
        Ok(Exit::Success)
    } else {
        Ok(Error::CheckFailed(count).exit())
    }
}

/// `FILE: EVENT: MESSAGE`, as much of it as the problem has.
fn problem_line(p: &PushProblem, lang: Language) -> String {
    let space = if lang == Language::Zh { "" } else { " " };
    let mut line = String::new();
    for part in p
        .file
        .iter()
        .cloned()
        .chain(p.event.iter().map(|e| e.render(lang)))
    {
        line.push_str(&crate::msg!(lang, "field-label", label = part));
        line.push_str(space);
    }
    line.push_str(&p.message.render(lang));
    line
}
