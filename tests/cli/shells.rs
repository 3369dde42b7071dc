//! The completion scripts driven by the shells themselves: zsh completes a
//! state after `advance ID` and a channel after `--channel` at a real
//! prompt (a pseudo-terminal), elvish's completer offers the same codes;
//! and `plaint man --out DIR` writes every page a page refers to. A shell
//! missing locally skips its test, with a message; under CI=true it must
//! run (`.ci/run` installs zsh, fish and elvish).

use std::path::{Path, PathBuf};

use crate::support::{Ws, isolated, refused};

/// The shell `name` on the PATH, or `None` (after saying why) when its
/// test may skip.
fn shell(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(!ci, "CI=true but {name} is missing; .ci/run installs it");
        eprintln!("skipped: the {name} completion test needs {name} (apt-get install {name})");
    }
    found
}

/// A PATH on which `plaint` is the binary under test.
fn path_with_plaint() -> String {
    let bin = assert_cmd::cargo::cargo_bin("plaint");
    format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// What zsh shows after `line` and a Tab at an interactive prompt with
/// the completion script loaded, once `expected` appears (or what it
/// showed when it did not within 20 seconds).
fn zsh_completes(zsh: &Path, ws: &Ws, line: &str, expected: &str) -> (bool, String) {
    let driver = r#"
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; autoload -U compinit; compinit -u -D; source ./.home/plaint.zsh'
zpty -w -n z "$1"$'\t'
zpty -r -m z out "*$2*"
found=$?
print -r -- "$out"
zpty -d z
exit $found
"#;
    let out = isolated("timeout", ws.root(), &ws.root().join(".home"))
        .env("PATH", path_with_plaint())
        .env("TERM", "xterm")
        .arg("20")
        .arg(zsh)
        .args(["-f", "-c", driver, "zsh", line, expected])
        .output()
        .expect("zsh runs");
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success(), shown)
}

#[test]
fn zsh_completes_states_channels_and_case_ids_from_the_workspace() {
    let Some(zsh) = shell("zsh") else { return };
    let ws = Ws::tourism_zh();
    let id = ws.register(&[]);
    ws.write(".home/plaint.zsh", &ws.ok(&["completions", "zsh"]));
    for (line, expected) in [
        (
            format!("plaint advance {id} inv"),
            format!("advance {id} investigating"),
        ),
        (
            "plaint list --channel hotline-123".to_string(),
            "hotline-12301  hotline-12345".to_string(),
        ),
        (
            format!("plaint notice {id} settl"),
            format!("notice {id} settlement"),
        ),
        ("plaint show 2026".to_string(), id.clone()),
    ] {
        let (found, shown) = zsh_completes(&zsh, &ws, &line, &expected);
        assert!(
            found,
            "zsh did not complete {line:?} to {expected:?}:\n{shown}"
        );
    }
}

#[test]
fn elvish_offers_the_workspace_codes_after_advance_and_the_options() {
    let Some(elvish) = shell("elvish") else {
        return;
    };
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    let script = ws.ok(&["completions", "elvish"]);
    // Outside an interactive session there is no `edit:` module: the
    // completer registered there is kept in a variable instead.
    let registered = "set edit:completion:arg-completer[plaint] = ";
    assert_eq!(script.matches(registered).count(), 1, "{script}");
    let probe = format!(
        "{}\necho '[states]'\n$completer plaint advance {id} inv\necho '[reasons]'\n$completer plaint advance {id} rejected --reason ''\necho '[rules]'\n$completer plaint extend {id} ''\necho '[ids]'\n$completer plaint show ''\n",
        script.replace(registered, "var completer = ")
    );
    ws.write(".home/probe.elv", &probe);
    let out = isolated(elvish, ws.root(), &ws.root().join(".home"))
        .env("PATH", path_with_plaint())
        .arg(".home/probe.elv")
        .output()
        .expect("elvish runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let section = |name: &str| -> String {
        said.split(&format!("[{name}]\n"))
            .nth(1)
            .unwrap_or_default()
            .split("\n[")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert!(section("states").contains("investigating"), "{said}");
    assert_eq!(section("states").lines().count(), 10, "{said}");
    assert!(section("reasons").contains("time-barred"), "{said}");
    assert!(section("rules").contains("resolution"), "{said}");
    assert!(section("ids").contains(&id), "{said}");
}

#[test]
fn fish_completes_codes_after_the_case_id_and_ids_only_in_its_place() {
    let Some(fish) = shell("fish") else { return };
    let ws = Ws::tourism();
    let id = ws.register(&[]);
    ws.write(".home/plaint.fish", &ws.ok(&["completions", "fish"]));
    let complete = |line: &str| -> Vec<String> {
        let out = isolated(&fish, ws.root(), &ws.root().join(".home"))
            .env("PATH", path_with_plaint())
            .args([
                "--no-config",
                "-c",
                "source .home/plaint.fish; complete -C $argv[1]",
            ])
            .arg(line)
            .output()
            .expect("fish runs");
        let said = String::from_utf8_lossy(&out.stdout);
        said.lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(
        complete(&format!("plaint advance {id} inv")),
        ["investigating"]
    );
    assert_eq!(
        complete(&format!("plaint show {}", &id[..4])),
        std::slice::from_ref(&id)
    );
    let rules = complete(&format!("plaint explain {id} "));
    assert!(rules.contains(&"resolution".to_string()), "{rules:?}");
    assert!(
        !rules.contains(&id),
        "an ID is not offered twice: {rules:?}"
    );
    let channels = complete("plaint list --channel hotline-123");
    assert_eq!(channels, ["hotline-12301", "hotline-12345"]);
}

#[test]
fn powershell_and_fish_ask_plaint_for_the_same_codes() {
    let ws = Ws::tourism();
    let powershell = ws.ok(&["completions", "powershell"]);
    for needle in [
        "plaint complete $what",
        "{ @('--status') -contains $_ } { 'states' }",
        "{ @('explain', 'extend') -contains $_ } { 'rules' }",
        "{ @('notice') -contains $_ } { 'kinds' }",
    ] {
        assert!(powershell.contains(needle), "{needle}\n{powershell}");
    }
    let fish = ws.ok(&["completions", "fish"]);
    assert!(
        fish.contains("-l channel -x -a '(plaint complete channels"),
        "{fish}"
    );
    // What they ask for: the codes of this workspace's policy.
    let channels = ws.ok(&["complete", "channels"]);
    assert!(channels.lines().any(|l| l == "hotline-12345"), "{channels}");
}

/// Every `plaint-…(1)` a roff page names (roff writes the hyphen `\-`).
fn referenced_pages(page: &str) -> Vec<String> {
    let page = page.replace("\\-", "-");
    let mut found = Vec::new();
    for (at, _) in page.match_indices("plaint") {
        let rest = &page[at..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if rest[name.len()..].starts_with("(1)") {
            found.push(format!("{name}.1"));
        }
    }
    found
}

#[test]
fn man_out_writes_every_page_the_pages_refer_to() {
    let ws = Ws::tourism();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("man1");
    let doc = ws.json(&["man", "--out", dir.to_str().unwrap()]);
    let files: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files.len() > 30, "{files:?}");
    assert!(files[0].ends_with("/plaint.1"), "{files:?}");
    let mut referenced = 0;
    for file in &files {
        let page = std::fs::read_to_string(file).unwrap();
        assert!(page.contains(".TH"), "{file}");
        for name in referenced_pages(&page) {
            referenced += 1;
            assert!(
                dir.join(&name).is_file(),
                "{file} refers to {name}, not written"
            );
        }
    }
    assert!(referenced > 30, "{referenced}");
    for page in ["plaint-init.1", "plaint-calendar-import.1", "plaint-man.1"] {
        assert!(dir.join(page).is_file(), "{page}");
    }
    assert!(!dir.join("plaint-help.1").exists());
    assert!(!dir.join("plaint-complete.1").exists(), "a hidden command");
    // The page printed without --out names the same pages.
    let printed = ws.ok(&["man"]);
    for name in referenced_pages(&printed) {
        assert!(dir.join(&name).is_file(), "{name}");
    }
    // Run again, every page is replaced in place; a file is no folder.
    let again = ws.ok(&["man", "--out", dir.to_str().unwrap()]);
    assert_eq!(again.lines().count(), files.len());
    let file = ws.write("pages", "not a folder");
    refused(
        &ws,
        &["man", "--out", file.to_str().unwrap()],
        &["is a file"],
    );
}
