//! `plaint completions SHELL` and `plaint man`: the shell completion script
//! (clap_complete) and the manual page (clap_mangen), both generated from
//! the argument definitions so they never drift from `--help`.

use std::fmt::Write as _;

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Cli;
use crate::error::Exit;

/// The subcommands whose first argument is a case ID.
const TAKES_AN_ID: &str = "show assign advance note edit mark extend explain followup notice promise consent attach detach dossier supersede set void";

/// What every completion script runs to learn the case IDs: it reads no
/// case file, so it is quick on a large workspace.
const LIST_IDS: &str = "plaint list --all --format ids";

/// Prints the completion script for `shell`. In every shell, the case ID
/// after a subcommand that takes one is completed too, by asking
/// [`LIST_IDS`].
pub fn completions(shell: Shell) -> anyhow::Result<Exit> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "plaint", &mut script);
    let script = String::from_utf8(script)?;
    let script = match shell {
        Shell::Bash => script + &bash_ids(),
        Shell::Fish => script + &fish_ids(),
        Shell::Zsh => zsh_ids(&script),
        Shell::PowerShell => powershell_ids(&script),
        Shell::Elvish => elvish_ids(&script),
        _ => script,
    };
    super::output::print_bytes(script.as_bytes())?;
    Ok(Exit::Success)
}

/// Prints the codes of `what` in the workspace policy, one a line: what
/// the completion scripts offer after `advance ID`, `notice ID`,
/// `explain ID`, `extend ID`, `--status`, `--channel`, `--category`,
/// `--reason` and `--outcome`.
pub fn words(ctx: &super::Ctx, what: &str) -> anyhow::Result<Exit> {
    let policy = &ctx.ws.policy;
    let codes = |list: &[crate::policy::Code]| list.iter().map(|c| c.code.clone()).collect();
    let words: Vec<String> = match what {
        "states" => policy.states.iter().map(|s| s.name.clone()).collect(),
        "channels" => codes(&policy.channels),
        "categories" => codes(&policy.categories),
        "reasons" => codes(&policy.rejection_reasons),
        "outcomes" => codes(&policy.outcomes),
        "kinds" => crate::paperwork::kinds::for_preset(&ctx.ws.settings.preset)
            .iter()
            .map(|k| k.code.to_string())
            .collect(),
        _ => policy.deadlines.iter().map(|r| r.name.clone()).collect(),
    };
    let mut text = words.join("\n");
    text.push('\n');
    super::output::print_bytes(text.as_bytes())?;
    Ok(Exit::Success)
}

/// The command line as the manual pages describe it: without clap's
/// `help` subcommand (`--help` is on every page), so that every page
/// `SEE ALSO` names is one [`man_pages`] writes.
fn man_command() -> clap::Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

/// Every manual page as `(file name, roff)`: `plaint.1`, then one page a
/// subcommand that `--help` lists (`plaint-init.1`, and
/// `plaint-calendar-import.1` for a subcommand's own subcommands), in the
/// order of `plaint --help`.
pub fn man_pages() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    fn add(command: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()> {
        let man = clap_mangen::Man::new(command.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            add(sub.clone(), pages)?;
        }
        Ok(())
    }
    let mut pages = Vec::new();
    add(man_command(), &mut pages)?;
    Ok(pages)
}

/// Prints `plaint.1` as roff, or with `out` writes every page of
/// [`man_pages`] into that folder (created if missing; each page
/// atomically) and lists them: a path a line, or with `--json`
/// `{out, files}`.
pub fn man(out: Option<&std::path::Path>, look: super::output::Look) -> anyhow::Result<Exit> {
    let Some(dir) = out else {
        let mut page = Vec::new();
        clap_mangen::Man::new(man_command()).render(&mut page)?;
        super::output::print_bytes(&page)?;
        return Ok(Exit::Success);
    };
    if dir.exists() && !dir.is_dir() {
        let lang = super::init::language_from_locale();
        let refused = crate::msg!(lang, "man-out-not-folder", out = dir.display());
        return Err(crate::error::Error::invalid(refused).into());
    }
    let pages = man_pages()?;
    let mut written = Vec::new();
    for (name, page) in &pages {
        let path = dir.join(name);
        crate::storage::atomic::write_atomic(&path, page)?;
        written.push(path.display().to_string());
    }
    if look.json {
        super::output::print_json(&serde_json::json!({
            "out": dir.display().to_string(),
            "files": written,
        }))?;
    } else {
        super::output::print_line(&written.join("\n"))?;
    }
    Ok(Exit::Success)
}

/// `case` arms of a POSIX-like shell: `a|b) what=codes ;;` for each word.
fn case_arms(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(words, what)| format!("{}) what={what} ;;", words.replace(' ', "|")))
        .collect::<Vec<_>>()
        .join("\n            ")
}

/// The `case` arms of the options of [`OPTION_WORDS`]: `--status) what=states ;;`.
fn option_arms() -> String {
    let options: Vec<(String, &str)> = OPTION_WORDS
        .iter()
        .map(|(flag, what)| (format!("--{flag}"), *what))
        .collect();
    let options: Vec<(&str, &str)> = options.iter().map(|(f, w)| (f.as_str(), *w)).collect();
    case_arms(&options)
}

/// zsh: clap's `_plaint` becomes `_plaint_clap`, and a new `_plaint`
/// offers the IDs in the word after an ID-taking subcommand and the codes
/// of [`OPTION_WORDS`] and [`ARGUMENT_WORDS`] from `plaint complete`, else
/// hands over; so the hook holds whether the file is autoloaded or sourced.
fn zsh_ids(script: &str) -> String {
    let (options, arguments) = (option_arms(), case_arms(&ARGUMENT_WORDS));
    let hook = format!(
        r#"_plaint() {{
    if (( CURRENT == 3 )) && [[ " {TAKES_AN_ID} " == *" ${{words[2]}} "* && ${{words[CURRENT]}} != -* ]]; then
        local -a ids
        ids=(${{(f)"$({LIST_IDS} 2>/dev/null)"}})
        compadd -a ids && return 0
    fi
    local what=""
    case "${{words[CURRENT-1]}}" in
            {options}
    esac
    if [[ -z $what ]] && (( CURRENT == 4 )) && [[ ${{words[CURRENT]}} != -* ]]; then
        case "${{words[2]}}" in
            {arguments}
        esac
    fi
    if [[ -n $what ]]; then
        local -a codes
        codes=(${{(f)"$(plaint complete $what 2>/dev/null)"}})
        compadd -a codes && return 0
    fi
    _plaint_clap "$@"
}}

if [ "$funcstack[1]" = "_plaint" ]; then"#
    );
    script
        .replacen("\n_plaint() {", "\n_plaint_clap() {", 1)
        .replacen("if [ \"$funcstack[1]\" = \"_plaint\" ]; then", &hook, 1)
}

/// PowerShell: before clap's completions, the IDs in the word after an
/// ID-taking subcommand, and the codes after an option or argument that
/// takes one.
fn powershell_ids(script: &str) -> String {
    let quoted = |words: &str| {
        words
            .split(' ')
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ids = quoted(TAKES_AN_ID);
    let arms = |pairs: Vec<(String, &str)>| {
        pairs
            .iter()
            .map(|(words, what)| format!("{{ @({}) -contains $_ }} {{ '{what}' }}", quoted(words)))
            .collect::<Vec<_>>()
            .join("\n        ")
    };
    let options = arms(
        OPTION_WORDS
            .iter()
            .map(|(f, w)| (format!("--{f}"), *w))
            .collect(),
    );
    let arguments = arms(
        ARGUMENT_WORDS
            .iter()
            .map(|(a, w)| ((*a).to_string(), *w))
            .collect(),
    );
    let hook = format!(
        r#"}}) -join ';'

    $takesAnId = @({ids})
    $at = $commandElements.Count
    if ($wordToComplete -ne '') {{ $at -= 1 }}
    $typed = -not $wordToComplete.StartsWith('-')
    if ($at -eq 2 -and $typed -and $takesAnId -contains $commandElements[1].Extent.Text) {{
        {LIST_IDS} 2>$null | Where-Object {{ $_ -like "$wordToComplete*" }} | ForEach-Object {{
            [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, $_)
        }}
        return
    }}
    $what = switch ($commandElements[$at - 1].Extent.Text) {{
        {options}
    }}
    if (-not $what -and $at -eq 3 -and $typed) {{
        $what = switch ($commandElements[1].Extent.Text) {{
        {arguments}
        }}
    }}
    if ($what) {{
        plaint complete $what 2>$null | Where-Object {{ $_ -like "$wordToComplete*" }} | ForEach-Object {{
            [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, $_)
        }}
        return
    }}"#
    );
    script.replacen("}) -join ';'", &hook, 1)
}

/// Elvish: clap's completer is kept as `$plaint-clap-completer`; the one
/// registered offers the IDs in the word after an ID-taking subcommand
/// and the codes after an option or argument that takes one (`$words`
/// ends with the word being completed), else hands over to clap's.
fn elvish_ids(script: &str) -> String {
    let map = |pairs: Vec<(String, &str)>| {
        pairs
            .iter()
            .flat_map(|(words, what)| {
                words
                    .split(' ')
                    .map(move |w| format!("&'{w}'={what}"))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let options = map(OPTION_WORDS
        .iter()
        .map(|(f, w)| (format!("--{f}"), *w))
        .collect());
    let arguments = map(ARGUMENT_WORDS
        .iter()
        .map(|(a, w)| ((*a).to_string(), *w))
        .collect());
    let completer = format!(
        r#"
set edit:completion:arg-completer[plaint] = {{|@words|
    var n = (count $words)
    var typed = (not (str:has-prefix $words[-1] '-'))
    var options = [{options}]
    var arguments = [{arguments}]
    var what = ''
    if (and (>= $n 3) (has-key $options $words[-2])) {{
        set what = $options[$words[-2]]
    }} elif (and (== $n 4) $typed (has-key $arguments $words[1])) {{
        set what = $arguments[$words[1]]
    }}
    if (and (== $n 3) $typed (has-value [{TAKES_AN_ID}] $words[1])) {{
        try {{ {LIST_IDS} 2>/dev/null | from-lines }} catch {{ }}
    }} elif (not-eq $what '') {{
        try {{ plaint complete $what 2>/dev/null | from-lines }} catch {{ }}
    }} else {{
        $plaint-clap-completer $@words
    }}
}}
"#
    );
    script.replacen(
        "set edit:completion:arg-completer[plaint] = {|@words|",
        "var plaint-clap-completer = {|@words|",
        1,
    ) + &completer
}

fn bash_ids() -> String {
    let (options, arguments) = (option_arms(), case_arms(&ARGUMENT_WORDS));
    format!(
        r#"
_plaint_ids() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}"
    local prev="${{COMP_WORDS[COMP_CWORD-1]}}" what=""
    if [[ $COMP_CWORD -eq 2 && " {TAKES_AN_ID} " == *" ${{COMP_WORDS[1]}} "* && $cur != -* ]]; then
        COMPREPLY=( $(compgen -W "$({LIST_IDS} 2>/dev/null)" -- "$cur") )
        return 0
    fi
    case "$prev" in
            {options}
    esac
    if [[ -z $what && $COMP_CWORD -eq 3 && $cur != -* ]]; then
        case "${{COMP_WORDS[1]}}" in
            {arguments}
        esac
    fi
    if [[ -n $what ]]; then
        COMPREPLY=( $(compgen -W "$(plaint complete $what 2>/dev/null)" -- "$cur") )
        return 0
    fi
    _plaint "$@"
}}
complete -F _plaint_ids -o bashdefault -o default plaint
"#
    )
}

fn fish_ids() -> String {
    let mut out = format!(
        "\ncomplete -c plaint -n '__fish_seen_subcommand_from {TAKES_AN_ID}; and test (count (commandline -opc)) -eq 2' -f -a '({LIST_IDS} 2>/dev/null)'\n"
    );
    for (after, what) in ARGUMENT_WORDS {
        let _ = writeln!(
            out,
            "complete -c plaint -n '__fish_seen_subcommand_from {after}; and test (count (commandline -opc)) -eq 3' -f -a '(plaint complete {what} 2>/dev/null)'"
        );
    }
    for (flag, what) in OPTION_WORDS {
        let _ = writeln!(
            out,
            "complete -c plaint -l {flag} -x -a '(plaint complete {what} 2>/dev/null)'"
        );
    }
    out
}

/// The options whose value is a code of the workspace policy, and what
/// `plaint complete` lists for each.
const OPTION_WORDS: [(&str, &str); 5] = [
    ("status", "states"),
    ("channel", "channels"),
    ("category", "categories"),
    ("reason", "reasons"),
    ("outcome", "outcomes"),
];

/// The subcommands whose argument after the case ID is a code of the
/// workspace policy (subcommands separated by spaces), and what `plaint
/// complete` lists for it.
const ARGUMENT_WORDS: [(&str, &str); 3] = [
    ("advance", "states"),
    ("notice", "kinds"),
    ("explain extend", "rules"),
];
