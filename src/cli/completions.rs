//! `plaint completions SHELL` and `plaint man`: the shell completion script
//! (clap_complete) and the manual page (clap_mangen), both generated from
//! the argument definitions so they never drift from `--help`.

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Cli;
use crate::error::Exit;

/// The subcommands whose first argument is a case ID.
const TAKES_AN_ID: &str = "show assign advance note edit mark extend explain followup";

/// Prints the completion script for `shell`. For bash and fish, case IDs
/// are completed too, by asking `plaint list --all --format ids` (which
/// reads no case file).
pub fn completions(shell: Shell) -> anyhow::Result<Exit> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "plaint", &mut script);
    match shell {
        Shell::Bash => script.extend_from_slice(bash_ids().as_bytes()),
        Shell::Fish => script.extend_from_slice(fish_ids().as_bytes()),
        _ => {}
    }
    super::output::print_bytes(&script)?;
    Ok(Exit::Success)
}

/// Prints the manual page as roff.
pub fn man() -> anyhow::Result<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    super::output::print_bytes(&page)?;
    Ok(Exit::Success)
}

fn bash_ids() -> String {
    format!(
        r#"
_plaint_ids() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}"
    if [[ $COMP_CWORD -eq 2 && " {TAKES_AN_ID} " == *" ${{COMP_WORDS[1]}} "* && $cur != -* ]]; then
        COMPREPLY=( $(compgen -W "$(plaint list --all --format ids 2>/dev/null)" -- "$cur") )
        return 0
    fi
    _plaint "$@"
}}
complete -F _plaint_ids -o bashdefault -o default plaint
"#
    )
}

fn fish_ids() -> String {
    format!(
        "\ncomplete -c plaint -n '__fish_seen_subcommand_from {TAKES_AN_ID}' -f -a '(plaint list --all --format ids 2>/dev/null)'\n"
    )
}
