//! `plaint git-setup`: register the merge driver in this clone.

use std::path::Path;

use anyhow::Context as _;

use super::output::{self, Look};
use crate::error::Exit;
use crate::git::setup::register_driver;

/// Registers `plaint merge-file` (this binary, by absolute path) as the
/// repository's merge driver for case files.
pub fn run(root: &Path, look: Look) -> anyhow::Result<Exit> {
    super::adopt_language(root);
    let exe = std::env::current_exe()
        .with_context(|| crate::msg!(output::language(), "no-binary-path"))?;
    let command = register_driver(root, &exe)?;
    if look.json {
        output::print_json(&serde_json::json!({ "driver": command }))?;
    } else {
        output::print_line(&crate::msg!(
            output::language(),
            "driver-registered",
            command = command
        ))?;
    }
    Ok(Exit::Success)
}
