//! `--help`, `plaint help CMD` and the usage errors of the command line in
//! Chinese. The English command (`Cli::command()`, its doc comments) parses
//! every line; only when clap has help or an error to show, and the line
//! speaks Chinese, is the command rebuilt with the catalogue's texts
//! (`crate::messages::help`) and the line parsed again with it, so an
//! ordinary command never pays for the translation. clap writes its own
//! few words (headings, `[default: …]`) in English: [`localize`] rewords
//! them; its errors are worded here from their kind and context.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory as _};

use crate::error::Exit;
use crate::messages::{Language, help::help_text};

/// The command of [`crate::cli::args::Cli`] with every description, value
/// name and clap's own help entries in Chinese.
pub fn command() -> Command {
    let mut cmd = translate(crate::cli::args::Cli::command(), "plaint");
    cmd.build();
    finish(cmd)
}

/// Shows help, or reports a usage error, for the process arguments in
/// Chinese; `english` is clap's answer from the English command.
pub fn report(english: &clap::Error, json: bool) -> Exit {
    let answer = match command().try_get_matches_from(std::env::args_os()) {
        Err(e) if e.kind() == english.kind() => e,
        // Parsed both ways the same line cannot differ; if it does, the
        // English answer stands.
        _ => return crate::cli::output::report_usage(english, json),
    };
    match answer.kind() {
        // A program gets one error document, as for any usage error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand if json => {
            crate::cli::output::report_usage_text(&missing_command(), true);
            Exit::Usage
        }
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let text = localize(&answer.render().ansi().to_string());
            crate::cli::output::print_help_screen(&text, answer.use_stderr());
            if answer.exit_code() == 0 {
                Exit::Success
            } else {
                Exit::Usage
            }
        }
        _ => {
            crate::cli::output::report_usage_text(&usage_error(&answer, json), json);
            Exit::Usage
        }
    }
}

/// What a line that names no command (`plaint`, `plaint calendar`) lacks:
/// the commands it may go on with.
fn missing_command() -> String {
    let mut cmd = crate::cli::args::Cli::command();
    let mut path = vec![cmd.get_name().to_string()];
    for arg in std::env::args_os().skip(1) {
        let arg = arg.to_string_lossy();
        if let Some(sub) = cmd.find_subcommand(arg.as_ref()).cloned() {
            path.push(sub.get_name().to_string());
            cmd = sub;
        }
    }
    let names: Vec<&str> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(Command::get_name)
        .collect();
    crate::msg!(
        Language::Zh,
        "usage-missing-command-of",
        command = path.join(" "),
        commands = crate::messages::join(Language::Zh, &names)
    )
}

/// `cmd` (at `path`, `plaint` or `plaint calendar add`) and its
/// subcommands with the catalogue's descriptions and value names.
fn translate(cmd: Command, path: &str) -> Command {
    let key = key_of(path);
    let mut cmd = cmd.subcommand_value_name(value_name("COMMAND"));
    if let Some(about) = cmd.get_about().map(ToString::to_string) {
        cmd = cmd.about(lookup(&key, None, &about));
    }
    if let Some(long) = cmd.get_long_about().map(ToString::to_string) {
        cmd = cmd.long_about(lookup(&format!("{key}.long"), None, &long));
    }
    let cmd = cmd.mut_args(|arg| translate_arg(arg, &key));
    cmd.mut_subcommands(|sub| {
        let path = format!("{path} {}", sub.get_name());
        translate(sub, &path)
    })
}

/// The catalogue key of the command at `path`: `help.plaint`,
/// `help.calendar.add`.
pub fn key_of(path: &str) -> String {
    match path.strip_prefix("plaint ") {
        Some(rest) => format!("help.{}", rest.replace(' ', ".")),
        None => "help.plaint".to_string(),
    }
}

fn translate_arg(mut arg: Arg, key: &str) -> Arg {
    let id = arg.get_id().to_string();
    let own = format!("{key}@{id}");
    let shared = format!("help@{id}");
    let help = arg
        .get_help()
        .map(|help| lookup(&own, Some(&shared), &help.to_string()));
    let long = arg.get_long_help().map(|long| {
        let (own, shared) = (format!("{own}.long"), format!("{shared}.long"));
        lookup(&own, Some(&shared), &long.to_string())
    });
    if let Some(name) = help_text(Language::Zh, &format!("{own}.value")) {
        // A value name that names something else here (`--project <NAME>`).
        arg = arg.value_name(name);
    } else if let Some(names) = arg.get_value_names() {
        let names: Vec<&'static str> = names.iter().map(|n| value_name(n)).collect();
        arg = arg.value_names(names);
    } else if arg.is_positional() {
        arg = arg.value_name(value_name(&id.to_uppercase()));
    }
    let values = described_values(&arg, &own, &shared);
    let Notes {
        mut short,
        possible,
        listed,
    } = notes(&arg, values.as_deref());
    // The long help lists the documented values one a line instead.
    let long_notes = short.join(" ");
    short.extend(possible);
    let notes = short.join(" ");
    if let Some(values) = values {
        // Only help is shown and errors told from this command: the
        // value it parses to is never read.
        arg = arg.value_parser(PossibleValuesParser::new(values));
    }
    if arg.get_action().takes_values() {
        arg = arg
            .hide_default_value(true)
            .hide_env(true)
            .hide_possible_values(true);
    }
    let with = |text: &str, notes: &str| match notes.is_empty() {
        true => text.to_string(),
        false => format!("{text} {notes}"),
    };
    if let Some(help) = &help {
        arg = arg.help(with(help, &notes));
    }
    match (long, listed) {
        (Some(long), listed) => arg.long_help(format!("{}{listed}", with(&long, &long_notes))),
        (None, listed) if !listed.is_empty() => {
            let help = help.unwrap_or_default();
            arg.long_help(format!("{}{listed}", with(&help, &long_notes)))
        }
        _ => arg,
    }
}

/// The possible values of `arg` with their descriptions in Chinese, when
/// it documents them (a `ValueEnum` with doc comments).
fn described_values(arg: &Arg, own: &str, shared: &str) -> Option<Vec<PossibleValue>> {
    let values = arg.get_possible_values();
    if values.iter().all(|v| v.get_help().is_none()) {
        return None;
    }
    let values = values
        .into_iter()
        .map(|v| {
            let Some(help) = v.get_help().map(ToString::to_string) else {
                return v;
            };
            let own = format!("{own}={}", v.get_name());
            let shared = format!("{shared}={}", v.get_name());
            let text = lookup(&own, Some(&shared), &help);
            v.help(text)
        })
        .collect();
    Some(values)
}

/// What clap writes after an argument's help in English brackets, in
/// Chinese: `[默认：html] [环境变量：PLAINT_TODAY]`, `[可选值：html、md]`;
/// and the list of documented values, one a line, for `--help`.
#[derive(Default)]
struct Notes {
    short: Vec<String>,
    possible: Option<String>,
    listed: String,
}

fn notes(arg: &Arg, described: Option<&[PossibleValue]>) -> Notes {
    use std::fmt::Write as _;
    let mut notes = Vec::new();
    if !arg.get_action().takes_values() {
        return Notes::default();
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(crate::msg!(
            Language::Zh,
            "help-default",
            value = crate::messages::join(Language::Zh, &defaults)
        ));
    }
    let values: Vec<PossibleValue> = match described {
        Some(values) => values.to_vec(),
        None => arg.get_possible_values(),
    };
    let shown: Vec<&PossibleValue> = values.iter().filter(|v| !v.is_hide_set()).collect();
    let mut possible = None;
    if !shown.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = shown.iter().map(|v| v.get_name()).collect();
        let names = crate::messages::join(Language::Zh, &names);
        possible = Some(crate::msg!(Language::Zh, "help-possible", values = names));
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push(crate::msg!(
            Language::Zh,
            "help-env",
            name = env.to_string_lossy()
        ));
    }
    let mut listed = String::new();
    if described.is_some() && !shown.is_empty() {
        listed.push_str("\n\n");
        listed.push_str(&said("help-values"));
        for v in shown {
            let help = v.get_help().map(ToString::to_string).unwrap_or_default();
            let _ = write!(listed, "\n- {}：{help}", v.get_name());
        }
    }
    Notes {
        short: notes,
        possible,
        listed,
    }
}

/// The Chinese text of entry `own`, else of the entry `shared` by several
/// commands when it describes the same English; the English if neither
/// (a test keeps that from happening).
fn lookup(own: &str, shared: Option<&str>, english: &str) -> String {
    if let Some(text) = help_text(Language::Zh, own) {
        return text.to_string();
    }
    shared
        .filter(|shared| help_text(Language::En, shared) == Some(english))
        .and_then(|shared| help_text(Language::Zh, shared))
        .unwrap_or(english)
        .to_string()
}

/// A value name in Chinese (`PERIOD` → `期间`); parts of `DIR|FILE.zip`
/// each. clap keeps a value name for the life of the program, as this
/// command lives until plaint exits with its answer.
fn value_name(name: &str) -> &'static str {
    name.split('|')
        .map(|part| {
            let (stem, ext) = part
                .split_once('.')
                .map_or((part, None), |(s, e)| (s, Some(e)));
            let zh = help_text(Language::Zh, &format!("help-value.{stem}")).unwrap_or(stem);
            match ext {
                Some(ext) => format!("{zh}.{ext}"),
                None => zh.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("|")
        .leak()
}

/// The parts clap adds as it builds the command: `-h/--help`,
/// `-V/--version` and the `help` subcommand.
fn finish(cmd: Command) -> Command {
    let cmd = cmd.subcommand_value_name(value_name("COMMAND"));
    let cmd = cmd.mut_args(|arg| match arg.get_id().as_str() {
        "help" if arg.get_long_help().is_some() => arg
            .help(said("help-flag-more"))
            .long_help(said("help-flag-summary")),
        "help" => arg.help(said("help-flag")),
        "version" => arg.help(said("version-flag")),
        _ => arg,
    });
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help"
            && sub
                .get_about()
                .is_some_and(|a| a.to_string().starts_with("Print this"))
        {
            let sub = sub.about(said("help-command")).mut_args(|arg| {
                arg.help(said("help-command-arg"))
                    .value_name(value_name("COMMAND"))
            });
            return finish(sub);
        }
        finish(sub)
    })
}

fn said(id: &str) -> String {
    crate::messages::text(Language::Zh, id).to_string()
}

/// clap's own English words in a help screen or usage line, in Chinese:
/// the headings, `[OPTIONS]` and a command's aliases. They are clap's,
/// never plaint's texts nor what the user typed, so they are replaced
/// where they stand (the brackets after an argument's help, which clap
/// may wrap anywhere, are hidden and written by [`notes`] instead).
pub fn localize(text: &str) -> String {
    let mut out = text.to_string();
    for (english, chinese) in [
        ("Usage:\u{1b}[0m ", "用法：\u{1b}[0m"),
        ("Usage: ", "用法："),
        ("Usage:", "用法："),
        ("Commands:", "命令："),
        ("Arguments:", "参数："),
        ("Options:", "选项："),
        ("[OPTIONS]", "[选项]"),
        // A long line may wrap after the colon.
        ("[aliases: ", "[别名："),
        ("[alias: ", "[别名："),
        ("[aliases:", "[别名："),
        ("[alias:", "[别名："),
    ] {
        out = out.replace(english, chinese);
    }
    out
}

/// A usage error of clap as a sentence of the catalogue, with its tips,
/// and (for a person) the usage line and where to read more.
fn usage_error(e: &clap::Error, json: bool) -> String {
    let mut text = sentence(e);
    // A document's message is one line: the tips follow after a ；.
    let before_tip = if json { "；" } else { "\n  " };
    for tip in tips(e) {
        text.push_str(before_tip);
        text.push_str(&tip);
    }
    if json {
        return text;
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        text.push_str("\n\n");
        text.push_str(&localize(&usage.to_string()));
    }
    text.push_str("\n\n");
    text.push_str(&said("usage-more"));
    text
}

/// A string or the strings of context `kind`, joined with 、.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(crate::messages::join(Language::Zh, v)),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

/// The string or strings of context `kind`, each in 「」, joined with 、.
fn quoted(e: &clap::Error, kind: ContextKind) -> Option<String> {
    let items: Vec<String> = match e.get(kind)? {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(v) => v.clone(),
        _ => return None,
    };
    let items: Vec<String> = items.iter().map(|s| format!("「{s}」")).collect();
    (!items.is_empty()).then(|| crate::messages::join(Language::Zh, &items))
}

/// A usage error as the catalogue's sentence for its kind, filled with
/// what clap tells of it.
fn sentence(e: &clap::Error) -> String {
    let get = |kind| context(e, kind).unwrap_or_default();
    let value = get(ContextKind::InvalidValue);
    let valid = context(e, ContextKind::ValidValue);
    let commands = context(e, ContextKind::ValidSubcommand);
    let id = match e.kind() {
        ErrorKind::MissingRequiredArgument => "usage-missing-arg",
        ErrorKind::UnknownArgument => "usage-unknown-arg",
        ErrorKind::InvalidValue if value.is_empty() => "usage-value-missing",
        ErrorKind::InvalidValue if valid.is_some() => "usage-invalid-value-of",
        // plaint's own parsers are told before (`output::report_usage`);
        // another's reason would be English.
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "usage-invalid-value",
        ErrorKind::InvalidSubcommand => "usage-unknown-command",
        ErrorKind::MissingSubcommand if commands.is_some() => "usage-missing-command-of",
        ErrorKind::MissingSubcommand => "usage-missing-command",
        ErrorKind::TooManyValues => "usage-unexpected-value",
        ErrorKind::TooFewValues => "usage-too-few-values",
        ErrorKind::WrongNumberOfValues => "usage-wrong-number-of-values",
        ErrorKind::NoEquals => "usage-no-equals",
        ErrorKind::ArgumentConflict => return conflict(e),
        ErrorKind::InvalidUtf8 => "usage-not-utf8",
        _ => "usage-wrong",
    };
    crate::messages::fill(
        Language::Zh,
        id,
        &[
            ("arg", &get(ContextKind::InvalidArg)),
            ("value", &value),
            ("valid", &valid.unwrap_or_default()),
            ("command", &get(ContextKind::InvalidSubcommand)),
            ("commands", &commands.unwrap_or_default()),
            ("min", &get(ContextKind::MinValues)),
            ("expected", &get(ContextKind::ExpectedNumValues)),
            ("given", &get(ContextKind::ActualNumValues)),
        ],
    )
}

fn conflict(e: &clap::Error) -> String {
    let lang = Language::Zh;
    let arg = context(e, ContextKind::InvalidArg)
        .or_else(|| context(e, ContextKind::InvalidSubcommand))
        .unwrap_or_default();
    match quoted(e, ContextKind::PriorArg) {
        Some(prior) => crate::msg!(lang, "usage-conflict", arg = arg, other = prior),
        None => crate::msg!(lang, "usage-conflict-others", arg = arg),
    }
}

/// The suggestions of an error: a similar flag, command or value, and
/// clap's tips (`-- VALUE`), each a sentence of the catalogue.
fn tips(e: &clap::Error) -> Vec<String> {
    let lang = Language::Zh;
    let mut tips = Vec::new();
    if let Some(command) = quoted(e, ContextKind::SuggestedSubcommand) {
        tips.push(crate::msg!(lang, "usage-tip-command", command = command));
    }
    if let Some(arg) = quoted(e, ContextKind::SuggestedArg) {
        tips.push(crate::msg!(lang, "usage-tip-arg", arg = arg));
    }
    if let Some(value) = quoted(e, ContextKind::SuggestedValue) {
        tips.push(crate::msg!(lang, "usage-tip-value", value = value));
    }
    if let Some(ContextValue::StyledStrs(said)) = e.get(ContextKind::Suggested) {
        tips.extend(said.iter().filter_map(|s| clap_tip(&s.to_string())));
    }
    tips
}

/// One of clap's tips in Chinese: `to pass 'X' as a value, use 'Y'`,
/// `'Y' exists`, `subcommand 'S' exists; to use it, remove the '--'
/// before it`; another is left out.
fn clap_tip(tip: &str) -> Option<String> {
    let lang = Language::Zh;
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    if tip.starts_with("to pass ") && quoted.len() == 2 {
        Some(crate::msg!(
            lang,
            "usage-tip-as-value",
            arg = quoted[0],
            line = quoted[1]
        ))
    } else if tip.starts_with("subcommand ") && !quoted.is_empty() {
        Some(crate::msg!(
            lang,
            "usage-tip-no-separator",
            command = quoted[0]
        ))
    } else if tip.ends_with(" exists") && quoted.len() == 1 {
        Some(crate::msg!(
            lang,
            "usage-tip-arg",
            arg = format!("「{}」", quoted[0])
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::{Arg, Command, CommandFactory as _};

    use super::key_of;
    use crate::messages::Language;
    use crate::messages::help::{HELP, help_text};

    /// Every command of `cmd` with its path (`plaint calendar add`).
    fn commands(cmd: &Command, path: &str, out: &mut Vec<(String, Command)>) {
        out.push((path.to_string(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            commands(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    fn all() -> Vec<(String, Command)> {
        let mut out = Vec::new();
        commands(&crate::cli::args::Cli::command(), "plaint", &mut out);
        out
    }

    /// The entry that holds `english` for `own` (or the shared `shared`),
    /// noted in `used`; a problem otherwise.
    fn entry(
        own: &str,
        shared: &str,
        english: &str,
        used: &mut BTreeSet<String>,
    ) -> Option<String> {
        for id in [own, shared] {
            if let Some(en) = help_text(Language::En, id)
                && (id == own || en == english)
            {
                used.insert(id.to_string());
                return (en != english).then(|| {
                    format!("{id}: the catalogue says {en:?}, the doc comment {english:?}")
                });
            }
        }
        Some(format!("{own}: no Chinese for {english:?}"))
    }

    fn arg_problems(arg: &Arg, key: &str, used: &mut BTreeSet<String>) -> Vec<String> {
        let id = arg.get_id().as_str();
        let (own, shared) = (format!("{key}@{id}"), format!("help@{id}"));
        let mut problems = Vec::new();
        match arg.get_help() {
            Some(help) => problems.extend(entry(&own, &shared, &help.to_string(), used)),
            None => problems.push(format!("{own}: no help")),
        }
        if let Some(long) = arg.get_long_help() {
            let (own, shared) = (format!("{own}.long"), format!("{shared}.long"));
            problems.extend(entry(&own, &shared, &long.to_string(), used));
        }
        for value in arg.get_possible_values() {
            if let Some(help) = value.get_help() {
                let (own, shared) = (
                    format!("{own}={}", value.get_name()),
                    format!("{shared}={}", value.get_name()),
                );
                problems.extend(entry(&own, &shared, &help.to_string(), used));
            }
        }
        let own_name = format!("{own}.value");
        if help_text(Language::Zh, &own_name).is_some() {
            used.insert(own_name);
        } else if arg.get_action().takes_values() {
            let uppercase = [id.to_uppercase()];
            let names: Vec<String> = match arg.get_value_names() {
                Some(names) => names.iter().map(ToString::to_string).collect(),
                None => uppercase.to_vec(),
            };
            for part in names.iter().flat_map(|n| n.split('|')) {
                let stem = part.split('.').next().unwrap_or(part);
                let id = format!("help-value.{stem}");
                match help_text(Language::Zh, &id) {
                    Some(_) => drop(used.insert(id)),
                    None => problems.push(format!("{own}: no Chinese value name {id}")),
                }
            }
        }
        problems
    }

    #[test]
    fn every_command_and_argument_has_its_chinese_help_and_no_entry_is_left_over() {
        let mut used = BTreeSet::new();
        let mut problems = Vec::new();
        used.insert("help-value.COMMAND".to_string());
        for (path, cmd) in all() {
            let key = key_of(&path);
            match cmd.get_about() {
                Some(about) => problems.extend(entry(&key, &key, &about.to_string(), &mut used)),
                None => problems.push(format!("{key}: no description")),
            }
            if let Some(long) = cmd.get_long_about() {
                let long_key = format!("{key}.long");
                problems.extend(entry(&long_key, &long_key, &long.to_string(), &mut used));
            }
            for arg in cmd.get_arguments() {
                problems.extend(arg_problems(arg, &key, &mut used));
            }
        }
        problems.extend(
            HELP.iter()
                .filter(|m| !used.contains(m.id))
                .map(|m| format!("{}: describes nothing", m.id)),
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Words a Chinese help screen may hold: codes, commands, formats,
    /// names of programs and variables, which stay as they are.
    const KEPT: &[&str] = &[
        // Formats, encodings, standards and programs.
        "CSV",
        "GBK",
        "HTML",
        "JSON",
        "JSONL",
        "Markdown",
        "Parquet",
        "RFC",
        "SHA",
        "UTC",
        "UTF",
        "Windows",
        "YAML",
        "iCalendar",
        "html",
        "roff",
        "sha",
        "shell",
        "SHELL",
        "zip",
        // Variables, files and folders, placeholders in examples.
        "CODE",
        "EDITOR",
        "GIT_DIR",
        "LANG",
        "PLAINT_LOCK_TIMEOUT",
        "PLAINT_TODAY",
        "PLAINT_USER",
        "PLAINT_WORKSPACE",
        "YEAR",
        "YYYY",
        "attachments",
        "calendars",
        "gitattributes",
        "gitignore",
        "heads",
        "main",
        "office",
        "refs",
        "year",
        "user",
        "name",
        "new",
        // Codes of the presets, given with their Chinese labels.
        "accept",
        "acceptance",
        "close",
        "complaint",
        "date",
        "decide",
        "dispute",
        "dissatisfied",
        "external_ref",
        "holiday",
        "hotline",
        "important",
        "imported",
        "jurisdiction",
        "kind",
        "letter",
        "moderate",
        "neutral",
        "normal",
        "notified",
        "open",
        "outside",
        "refusal",
        "refuse",
        "rejected",
        "resolved",
        "satisfied",
        "severe",
        "transferred",
        "urgent",
        "visit",
        "warning",
        "weekends",
    ];

    fn english_words(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
            .map(|w| w.trim_matches('_'))
            .filter(|w| w.len() >= 3 && !KEPT.contains(w))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn chinese_help_screens_hold_no_english_words_beyond_codes_and_names() {
        let mut translated = Vec::new();
        commands(&super::command(), "plaint", &mut translated);
        // The names of commands, flags and values are typed as they are.
        let mut names = BTreeSet::new();
        for (path, cmd) in &translated {
            let mut typed: Vec<String> = path.split(' ').map(str::to_string).collect();
            for arg in cmd.get_arguments() {
                typed.extend(arg.get_long().map(str::to_string));
                typed.extend(
                    arg.get_possible_values()
                        .iter()
                        .map(|v| v.get_name().to_string()),
                );
            }
            names.extend(
                typed
                    .iter()
                    .flat_map(|t| t.split('-').map(str::to_string))
                    .collect::<Vec<_>>(),
            );
        }
        let mut problems = Vec::new();
        for (path, mut cmd) in translated {
            for help in [cmd.render_help(), cmd.render_long_help()] {
                let text = super::localize(&help.to_string());
                let mut words = english_words(&text);
                words.retain(|w| !names.contains(w));
                if !words.is_empty() {
                    problems.push(format!("{path}: {words:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
