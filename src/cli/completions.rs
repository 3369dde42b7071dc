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

/// Prints the manual page as roff.
pub fn man() -> anyhow::Result<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    super::output::print_bytes(&page)?;
    Ok(Exit::Success)
}

/// zsh: clap's `_plaint` becomes `_plaint_clap`, and a new `_plaint`
/// offers the IDs in the word after an ID-taking subcommand, else hands
/// over; so the hook holds whether the file is autoloaded or sourced.
fn zsh_ids(script: &str) -> String {
    let hook = format!(
        r#"_plaint() {{
    if (( CURRENT == 3 )) && [[ " {TAKES_AN_ID} " == *" ${{words[2]}} "* && ${{words[CURRENT]}} != -* ]]; then
        local -a ids
        ids=(${{(f)"$({LIST_IDS} 2>/dev/null)"}})
        compadd -a ids && return 0
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
/// ID-taking subcommand.
fn powershell_ids(script: &str) -> String {
    let ids = TAKES_AN_ID
        .split(' ')
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let hook = format!(
        r#"}}) -join ';'

    $takesAnId = @({ids})
    $atId = ($commandElements.Count -eq 2 -and $wordToComplete -eq '') -or
        ($commandElements.Count -eq 3 -and $wordToComplete -ne '')
    if ($atId -and $takesAnId -contains $commandElements[1].Extent.Text -and -not $wordToComplete.StartsWith('-')) {{
        {LIST_IDS} 2>$null | Where-Object {{ $_ -like "$wordToComplete*" }} | ForEach-Object {{
            [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, $_)
        }}
        return
    }}"#
    );
    script.replacen("}) -join ';'", &hook, 1)
}

/// Elvish: the completer offers the IDs in the word after an ID-taking
/// subcommand (`$words` ends with the word being completed).
fn elvish_ids(script: &str) -> String {
    let hook = format!(
        r#"set edit:completion:arg-completer[plaint] = {{|@words|
    if (and (== (count $words) 3) (has-value [{TAKES_AN_ID}] $words[1]) (not (str:has-prefix $words[2] '-'))) {{
        try {{ {LIST_IDS} 2>/dev/null | from-lines }} catch {{ }}
        return
    }}"#
    );
    script.replacen(
        "set edit:completion:arg-completer[plaint] = {|@words|",
        &hook,
        1,
    )
}

fn bash_ids() -> String {
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
        --status) what=states ;;
        --channel) what=channels ;;
        --category) what=categories ;;
        --reason) what=reasons ;;
        --outcome) what=outcomes ;;
    esac
    if [[ -z $what && $COMP_CWORD -eq 3 && $cur != -* ]]; then
        case "${{COMP_WORDS[1]}}" in
            advance) what=states ;;
            notice) what=kinds ;;
            explain|extend) what=rules ;;
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
        "\ncomplete -c plaint -n '__fish_seen_subcommand_from {TAKES_AN_ID}' -f -a '({LIST_IDS} 2>/dev/null)'\n"
    );
    for (after, what) in [
        ("advance", "states"),
        ("notice", "kinds"),
        ("explain extend", "rules"),
    ] {
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
