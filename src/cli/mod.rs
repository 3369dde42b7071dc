//! The command line: parse arguments into a request, run it against the
//! library, print the answer. No domain logic lives here.

mod advance;
mod agenda;
mod appraise;
pub mod args;
mod assign;
mod attach;
mod calendar;
mod check;
mod completions;
mod consent;
mod dossier;
mod edit;
mod explain;
mod export;
mod extend;
mod followup;
mod git_setup;
mod help_zh;
mod import;
mod init;
mod leadership;
mod list;
mod mark;
mod merge_file;
mod note;
mod notice;
pub mod output;
mod policy;
mod promise;
mod register;
mod report;
mod set;
mod show;
mod summary;
pub mod table;
mod verify_push;
pub mod view;
mod void;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::Parser;

use crate::actions::Actor;
use crate::dates::{now_in, parse_datetime};
use crate::error::Exit;
use crate::policy::settings::Settings;
use crate::storage::{Location, Workspace, locate};
use args::{Cli, Command};
use output::Look;

/// Everything a command needs: the workspace, the output style, the clock.
pub struct Ctx {
    /// The opened workspace.
    pub ws: Workspace,
    /// How to print.
    pub look: Look,
    /// The current moment in the office's offset.
    pub now: DateTime<FixedOffset>,
    /// What the computer's clock says (`now` may be set by `PLAINT_NOW`).
    pub clock: DateTime<FixedOffset>,
    /// The day deadlines are evaluated on (`--today`, else the date of `now`).
    pub today: NaiveDate,
    acting: Option<String>,
    /// Deadlines met in this command that rest on uncovered years.
    coverage: std::cell::RefCell<Coverage>,
}

/// The provisional deadlines a command showed, for one warning at its end.
#[derive(Default)]
struct Coverage {
    /// (case, rule) of each provisional deadline, counted once.
    deadlines: std::collections::BTreeSet<(String, String)>,
    /// The uncovered years they touch.
    years: std::collections::BTreeSet<i32>,
    /// Some were shown without a mark (CSV, IDs).
    unmarked: bool,
    /// Some were shown as JSON, flagged `"provisional": true`.
    flagged: bool,
}

/// How the deadlines given to [`Ctx::note_coverage`] are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// With the `?` mark of a provisional date (tables, `show`), or as
    /// JSON flagged `"provisional": true` when the command runs with
    /// `--json`.
    Marked,
    /// As JSON, flagged `"provisional": true` (`list --format json`).
    Flagged,
    /// Without a mark: plain dates for a program (`list --format csv`),
    /// or only used to select (`list --format ids`).
    Unmarked,
}

impl Ctx {
    /// Every case through the case index ([`Workspace::scan`]). When the
    /// index lacks most files (the first command after a clone, or after a
    /// pull that changed most of them) and reading them takes more than a
    /// second, a progress line shows on stderr if it is a terminal, and is
    /// cleared when the reading ends.
    pub fn scan(&self) -> anyhow::Result<crate::storage::Snapshot> {
        use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
        use std::io::IsTerminal as _;
        if !std::io::stderr().is_terminal() {
            return Ok(self.ws.scan()?);
        }
        let style =
            ProgressStyle::with_template(crate::messages::text(self.lang(), "scan-progress"))
                .expect("valid template");
        let bar =
            ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()).with_style(style);
        let started = std::time::Instant::now();
        let shown = std::sync::Once::new();
        let snapshot = self.ws.scan_reporting(&|done, total| {
            if started.elapsed() >= std::time::Duration::from_secs(1) {
                shown.call_once(|| {
                    bar.set_length(total as u64);
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                });
            }
            bar.set_position(done as u64);
        })?;
        bar.finish_and_clear();
        Ok(snapshot)
    }

    /// The deadlines of `case` as of `today`, every one of them shown:
    /// the open ones that rest on unaccepted uncovered years count in the
    /// coverage warning. Computation errors are printed on stderr.
    pub fn deadlines(&self, case: &crate::model::Case) -> Vec<crate::deadline::Deadline> {
        let deadlines = self.evaluate(case);
        self.note_coverage(case.id.as_str(), &deadlines, Shown::Marked);
        deadlines
    }

    /// The deadlines of `case` as of `today`, for a command that shows
    /// only some of them (it notes those with [`Ctx::note_coverage`]);
    /// computation errors are printed on stderr, never hidden.
    pub fn evaluate(&self, case: &crate::model::Case) -> Vec<crate::deadline::Deadline> {
        let ws = &self.ws;
        crate::deadline::evaluate(case, &ws.policy, &ws.calendar, ws.offset, self.today)
            .unwrap_or_else(|e| {
                output::warn(&crate::msg!(
                    self.lang(),
                    "deadlines-not-computed",
                    id = case.id,
                    error = e.describe(self.lang())
                ));
                Vec::new()
            })
    }

    /// Remembers, among the `deadlines` of case `id` the command shows,
    /// those still to be met whose due date rests on a year the calendar
    /// does not cover and the office has not accepted (`assume_weekends`);
    /// [`Ctx::warn_coverage`] reports them once. A deadline met, missed or
    /// no longer running depends on no assumed day: it is not counted.
    pub fn note_coverage(&self, id: &str, deadlines: &[crate::deadline::Deadline], shown: Shown) {
        let calendar = &self.ws.calendar;
        let mut coverage = self.coverage.borrow_mut();
        for d in deadlines.iter().filter(|d| d.state.is_open()) {
            let years: Vec<i32> = d
                .uncovered_years
                .iter()
                .copied()
                .filter(|&y| calendar.warns_for(y))
                .collect();
            if !years.is_empty() {
                coverage.deadlines.insert((id.to_string(), d.rule.clone()));
                coverage.years.extend(years);
                coverage.unmarked |= shown == Shown::Unmarked;
                coverage.flagged |= shown == Shown::Flagged;
            }
        }
    }

    /// One warning for every provisional deadline the command showed, with
    /// their count and years, and how they are marked in this output.
    /// Those warned about are forgotten, so a command that ends with an
    /// error document calls this before printing it (the error stays the
    /// last line on stderr) and nothing is said twice.
    pub fn warn_coverage(&self) {
        let coverage = std::mem::take(&mut *self.coverage.borrow_mut());
        if coverage.deadlines.is_empty() {
            return;
        }
        let key = if coverage.unmarked {
            "coverage-once-plain"
        } else if coverage.flagged || self.look.json {
            "coverage-once-json"
        } else {
            "coverage-once"
        };
        let years: Vec<String> = coverage.years.iter().map(i32::to_string).collect();
        let (calendar, years, count) = (
            self.ws.calendar.name(),
            years.join(", "),
            coverage.deadlines.len(),
        );
        output::warn(&crate::messages::fill(
            self.lang(),
            key,
            &[
                ("calendar", &calendar),
                ("years", &years),
                ("count", &count),
            ],
        ));
    }

    /// Names every unreadable case file after the command's answer (see
    /// [`output::report_broken`]), after the coverage warning so the error
    /// stays the last line on stderr.
    pub fn report_broken(&self, broken: &[crate::error::Error]) -> anyhow::Result<Exit> {
        if !broken.is_empty() {
            self.warn_coverage();
        }
        Ok(output::report_broken(self.look.json, broken))
    }

    /// The workspace language: human messages are worded in it.
    pub fn lang(&self) -> crate::policy::Language {
        self.ws.settings.language
    }

    /// The acting officer and the moment of the action.
    pub fn actor(&self) -> Actor {
        Actor {
            approved_by: None,
            name: acting_officer(self.acting.as_deref(), &self.ws),
            now: self.now,
            clock: self.clock,
        }
    }
}

/// Runs plaint with the process arguments; returns the exit status.
pub fn main() -> Exit {
    // Until clap has parsed the line, `--json` is looked for by hand (an
    // error must already be a JSON document); a `--json` after `--` is a
    // value, such as the text of a note.
    let json = json_before_separator(std::env::args_os().skip(1));
    output::set_json_messages(json);
    let cli = match parse_in_workspace_language() {
        Ok(cli) => cli,
        Err(e) => return report_usage(&e, json),
    };
    let json = cli.json;
    match run(cli) {
        Ok(exit) => exit,
        Err(err) if is_broken_pipe(&err) => Exit::Success,
        Err(err) => output::report_error(&err, json),
    }
}

/// Shows clap's help or usage error `e`: in Chinese when the line speaks
/// it (see [`line_language`]), rebuilt from the catalogue only then.
fn report_usage(e: &clap::Error, json: bool) -> Exit {
    use std::error::Error as _;
    let own = e
        .source()
        .is_some_and(|s| s.downcast_ref::<crate::error::Error>().is_some());
    if e.kind() == clap::error::ErrorKind::DisplayVersion {
        return output::report_usage(e, json);
    }
    let language = line_language();
    output::set_language(language);
    if language == crate::policy::Language::Zh && !own && output::repeated_flag(e).is_none() {
        return help_zh::report(e, json);
    }
    output::report_usage(e, json)
}

/// The language of the process's command line before it parses: that of
/// the workspace it names or finds (`-C`, $PLAINT_WORKSPACE, the folder),
/// else, with no workspace, that of the locale ($LC_ALL, $LC_MESSAGES,
/// $LANG).
fn line_language() -> crate::policy::Language {
    let explicit = workspace_flag(std::env::args_os().skip(1));
    let root = match find_workspace(explicit.as_deref()) {
        Ok(Location::Found(root) | Location::Default(root)) => Some(root),
        Err(_) => None,
    };
    root.and_then(|root| workspace_language(&root))
        .unwrap_or_else(init::language_from_locale)
}

/// Parses the process arguments. A value one of plaint's own parsers
/// refused is worded in the language of the workspace the line names (its
/// settings are read, nothing is created), so the line is parsed again
/// once that language is known.
fn parse_in_workspace_language() -> Result<Cli, clap::Error> {
    use std::error::Error as _;
    let first = Cli::try_parse();
    let Err(e) = &first else { return first };
    if e.source()
        .and_then(|s| s.downcast_ref::<crate::error::Error>())
        .is_none()
        && output::repeated_flag(e).is_none()
    {
        return first;
    }
    let explicit = workspace_flag(std::env::args_os().skip(1));
    match workspace_root(explicit.as_deref(), false) {
        Ok(root) => {
            adopt_language(&root);
            Cli::try_parse()
        }
        Err(_) => first,
    }
}

/// The folder of a `-C DIR`, `-CDIR`, `--workspace DIR` or
/// `--workspace=DIR` among `args` before a `--` separator.
fn workspace_flag(args: impl Iterator<Item = std::ffi::OsString>) -> Option<PathBuf> {
    let mut found = None;
    let mut args = args.take_while(|a| a != "--");
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "-C" || text == "--workspace" {
            found = args.next().map(PathBuf::from);
        } else if let Some(dir) = text.strip_prefix("--workspace=") {
            found = Some(PathBuf::from(dir));
        } else if let Some(dir) = text.strip_prefix("-C").filter(|d| !d.is_empty()) {
            found = Some(PathBuf::from(dir));
        }
    }
    found
}

/// Whether `--json` is among `args` before a `--` separator.
fn json_before_separator(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    args.take_while(|a| a != "--").any(|a| a == "--json")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(broken)
            || matches!(cause.downcast_ref::<crate::error::Error>(), Some(crate::error::Error::Io { cause, .. }) if broken(cause))
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let look = output::detect(cli.json);
    configure_lock_wait(cli.lock_timeout.and_then(|t| t.0));
    // The clock is checked before any file is read or created.
    let clock_override = std::env::var("PLAINT_NOW").ok().filter(|v| !v.is_empty());
    if let Some(text) = &clock_override {
        parse_datetime(text, FixedOffset::east_opt(0).expect("UTC")).context("PLAINT_NOW")?;
    }
    match &cli.command {
        Command::Init(args) => return init::run(args, look),
        Command::Completions(args) => return completions::completions(args.shell),
        Command::Man(args) => return completions::man(args.out.as_deref(), look),
        Command::MergeFile(args) => return merge_file::run(args),
        Command::VerifyPush(args) => {
            let dir = args.repo.clone().unwrap_or_else(|| PathBuf::from("."));
            let target = args.target.as_deref();
            let subdir = args.subdir.as_deref();
            return verify_push::run(&dir, &args.old, &args.new, target, subdir, look);
        }
        Command::Check(args) => {
            return check::run(&workspace_root(cli.workspace(), args.fix)?, look, args.fix);
        }
        Command::GitSetup(_) => {
            return git_setup::run(&workspace_root(cli.workspace(), true)?, look);
        }
        Command::Report(args) if cli.workspaces.len() > 1 || args.offices.is_some() => {
            let roots = report::office_roots(&cli.workspaces, args.offices.as_deref())?;
            let mut offices = Vec::new();
            for root in roots {
                let ws = Workspace::open(&root)?;
                offices.push(context(ws, look, &cli, clock_override.as_deref())?);
            }
            return report::run_offices(&offices, args);
        }
        _ if cli.workspaces.len() > 1 => {
            adopt_language(&cli.workspaces[0]);
            let lang = output::language();
            return Err(crate::error::Error::usage(crate::msg!(lang, "one-workspace")).into());
        }
        _ => {}
    }
    let ws = open_workspace(cli.workspace(), cli.command.writes())?;
    let ctx = context(ws, look, &cli, clock_override.as_deref())?;
    let result = run_command(&ctx, cli.command);
    ctx.warn_coverage();
    result
}

/// The context a command runs in, in workspace `ws`: its language, the
/// moment (`PLAINT_NOW` read in the office's offset) and the day.
fn context(
    ws: Workspace,
    look: output::Look,
    cli: &Cli,
    clock_override: Option<&str>,
) -> anyhow::Result<Ctx> {
    output::set_language(ws.settings.language);
    let clock = now_in(ws.offset);
    let now = match clock_override {
        Some(text) => parse_datetime(text, ws.offset).context("PLAINT_NOW")?,
        None => clock,
    };
    let today = cli.today.unwrap_or_else(|| now.date_naive());
    Ok(Ctx {
        ws,
        look,
        now,
        clock,
        today,
        acting: cli.acting.clone(),
        coverage: Default::default(),
    })
}

fn run_command(ctx: &Ctx, command: Command) -> anyhow::Result<Exit> {
    match command {
        Command::Init(_)
        | Command::MergeFile(_)
        | Command::VerifyPush(_)
        | Command::Check(_)
        | Command::GitSetup(_)
        | Command::Completions(_)
        | Command::Man(_) => {
            unreachable!("handled above")
        }
        Command::Complete(args) => completions::words(ctx, &args.what),
        Command::Register(args) => register::run(ctx, &args),
        Command::Show(args) => show::run(ctx, &args),
        Command::List(args) => list::run(ctx, &args),
        Command::Assign(args) => assign::run(ctx, &args),
        Command::Advance(args) => advance::run(ctx, &args),
        Command::Note(args) => note::run(ctx, &args),
        Command::Edit(args) => edit::run(ctx, &args),
        Command::Set(args) => set::run(ctx, &args),
        Command::Mark(args) => mark::run(ctx, &args),
        Command::Extend(args) => extend::run(ctx, &args),
        Command::Promise(args) => promise::run(ctx, &args),
        Command::Consent(args) => consent::run(ctx, &args),
        Command::Policy(_) => policy::run(ctx),
        Command::Explain(args) => explain::run(ctx, &args),
        Command::Calendar(command) => calendar::run(ctx, &command),
        Command::Followup(args) => followup::run(ctx, &args),
        Command::Summary(args) => summary::run(ctx, &args),
        Command::Agenda(args) => agenda::run(ctx, &args),
        Command::Report(args) => report::run(ctx, &args),
        Command::Import(args) => import::run(ctx, &args),
        Command::Export(args) => export::run(ctx, &args),
        Command::Notice(args) => notice::run(ctx, &args),
        Command::Attach(args) => attach::run(ctx, &args),
        Command::Detach(args) => attach::detach(ctx, &args),
        Command::Dossier(args) => dossier::run(ctx, &args),
        Command::Supersede(args) => notice::supersede(ctx, &args),
        Command::Void(args) => void::run(ctx, &args),
        Command::Approve(args) => leadership::approve(ctx, &args),
        Command::Escalate(args) => leadership::escalate(ctx, &args),
        Command::Instruct(args) => leadership::instruct(ctx, &args),
        Command::Appraise(args) => appraise::run(ctx, &args),
    }
}

/// Sets how long commands wait for the workspace lock, and that a person
/// at a terminal is told about the wait.
fn configure_lock_wait(timeout: Option<std::time::Duration>) {
    use std::io::IsTerminal;
    let mut wait = crate::storage::lock::LockWait::default();
    if let Some(timeout) = timeout {
        wait.timeout = timeout;
    }
    if std::io::stderr().is_terminal() {
        wait.notify = Some(|said| output::notice(&said.render(output::language())));
    }
    crate::storage::lock::set_wait(wait);
}

/// Finds the workspace folder without opening it, for commands that must
/// work when `plaint.yaml` is damaged (`check`, `git-setup`).
/// The root of the workspace `check` and `git-setup` work in, never
/// created: the default one only when it exists, and then (for a command
/// that `writes` there: `check --fix`, `git-setup`) named on stderr.
fn workspace_root(explicit: Option<&Path>, writes: bool) -> anyhow::Result<PathBuf> {
    match find_workspace(explicit)? {
        Location::Found(root) => Ok(root),
        Location::Default(root) if root.join(crate::policy::settings::SETTINGS_FILE).is_file() => {
            if writes {
                adopt_language(&root);
                output::notice(&crate::msg!(
                    output::language(),
                    "default-workspace-used",
                    dir = root.display()
                ));
            }
            Ok(root)
        }
        Location::Default(_) => {
            let lang = init::language_from_locale();
            output::set_language(lang);
            Err(crate::error::Error::invalid(crate::msg!(lang, "no-workspace-found")).into())
        }
    }
}

fn find_workspace(explicit: Option<&Path>) -> anyhow::Result<Location> {
    let env = std::env::var_os("PLAINT_WORKSPACE")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let cwd = std::env::current_dir()
        .with_context(|| crate::msg!(output::language(), "cwd-unreadable"))?;
    let default = default_workspace_dir()?;
    Ok(locate(explicit, env.as_deref(), &cwd, &default))
}

/// Finds and opens the workspace; creates the default one on first use.
/// Speaks the language of the workspace at `root` when its settings can
/// be read, for commands that look at a workspace without opening it
/// (`check`, `git-setup`) and for the refusal of a broken `plaint.yaml`
/// (then from its `language:` line; English without one).
fn adopt_language(root: &Path) {
    if let Some(language) = workspace_language(root) {
        output::set_language(language);
    }
}

/// The language of the workspace at `root` when its settings can be read:
/// parsed, else from their `language:` line; `None` without settings or
/// (when they do not parse) without that line.
fn workspace_language(root: &Path) -> Option<crate::policy::Language> {
    let path = root.join(crate::policy::settings::SETTINGS_FILE);
    let limit = crate::limits::MAX_SETTINGS_BYTES;
    let text = crate::limits::read_text_bounded(&path, limit, "settings file").ok()?;
    Settings::parse(&text, "plaint.yaml").map_or_else(
        |_| Settings::declared_language(&text),
        |settings| Some(settings.language),
    )
}

/// The workspace a command works in. Outside any office folder that is
/// the default workspace: a command that writes says so each time, and
/// only such a command creates it; a read finds nothing to read instead.
fn open_workspace(explicit: Option<&Path>, writes: bool) -> anyhow::Result<Workspace> {
    match find_workspace(explicit)? {
        Location::Found(root) => Workspace::open(&root).map_err(|e| {
            adopt_language(&root);
            e.into()
        }),
        Location::Default(root) => {
            if root.join(crate::policy::settings::SETTINGS_FILE).is_file() {
                let ws = Workspace::open(&root)?;
                if writes {
                    output::notice(&crate::msg!(
                        ws.settings.language,
                        "default-workspace-used",
                        dir = root.display()
                    ));
                }
                return Ok(ws);
            }
            if !writes {
                // The whole refusal in the locale's language, "error:" too.
                let lang = init::language_from_locale();
                output::set_language(lang);
                return Err(crate::error::Error::invalid(crate::msg!(
                    lang,
                    "no-workspace-here",
                    dir = root.display()
                ))
                .into());
            }
            let mut settings = Settings::new("generic", "cn");
            settings.language = init::language_from_locale();
            let ws = Workspace::init(&root, &settings)?;
            output::notice(&crate::msg!(
                settings.language,
                "default-workspace-created",
                dir = root.display()
            ));
            Ok(ws)
        }
    }
}

/// The default workspace: the user's data folder for plaint.
fn default_workspace_dir() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "plaint")
        .map(|dirs| dirs.data_dir().join("workspace"))
        .with_context(|| crate::msg!(output::language(), "no-home-folder"))
}

/// The acting officer: `--as`, `PLAINT_USER`, the settings, git's
/// `user.name` in the workspace, the login name.
fn acting_officer(flag: Option<&str>, ws: &Workspace) -> String {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    flag.map(str::to_string)
        .or_else(|| env("PLAINT_USER"))
        .or_else(|| ws.settings.officer.clone())
        .or_else(|| git_user_name(&ws.root))
        .or_else(|| env("USER"))
        .or_else(|| env("USERNAME"))
        .or_else(|| env("LOGNAME"))
        .unwrap_or_else(|| "unknown".to_string())
}

fn git_user_name(dir: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(dir)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}

/// Parses an `--at` moment in the office's offset.
pub fn parse_at(ctx: &Ctx, at: Option<&str>) -> anyhow::Result<Option<DateTime<FixedOffset>>> {
    let at = at
        .map(|t| parse_datetime(t, ctx.ws.offset))
        .transpose()
        .context("--at")?;
    if let Some(moment) = at {
        crate::dates::check_record_date(moment.date_naive(), "--at")?;
    }
    Ok(at)
}

/// Resolves a user-typed ID in the context's workspace.
pub fn resolve(ctx: &Ctx, query: &str) -> anyhow::Result<crate::model::CaseId> {
    Ok(ctx.ws.resolve(query)?)
}

/// Prints warnings on stderr (and nowhere else: JSON output carries them too).
pub fn print_warnings(warnings: &[String]) {
    for w in warnings {
        output::warn(w);
    }
}

#[cfg(test)]
mod tests {
    use super::workspace_flag;
    use std::ffi::OsString;
    use std::path::PathBuf;

    fn flag(args: &[&str]) -> Option<PathBuf> {
        workspace_flag(args.iter().map(OsString::from))
    }

    #[test]
    fn the_workspace_flag_is_found_in_each_spelling_and_never_after_the_separator() {
        assert_eq!(flag(&["-C", "a", "list"]), Some("a".into()));
        assert_eq!(flag(&["-Cb", "list"]), Some("b".into()));
        assert_eq!(flag(&["list", "--workspace", "c"]), Some("c".into()));
        assert_eq!(flag(&["--workspace=d", "list"]), Some("d".into()));
        assert_eq!(flag(&["note", "X", "--", "-C", "e"]), None);
        assert_eq!(flag(&["list", "-C"]), None);
        assert_eq!(flag(&["list"]), None);
    }
}
