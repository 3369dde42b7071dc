//! The layer rule as a test: each module of `src/` may use only modules of
//! a lower rank (the shared utilities — errors, messages, limits, dates —
//! from anywhere), so nothing imports upwards. The ranks follow the
//! layering the crate documents: cli → actions → check → reports/transfer
//! → paperwork → intake/query/git → html/redact → deadline → storage →
//! policy → repeat → model → calendar.

use std::path::Path;

/// Each top-level module and its rank; utilities are 0.
const RANKS: &[(&str, u8)] = &[
    ("error", 0),
    ("messages", 0),
    ("limits", 0),
    ("dates", 0),
    ("csvcell", 0),
    ("yaml_error", 0),
    ("calendar", 1),
    ("model", 2),
    ("repeat", 3),
    ("policy", 4),
    ("storage", 5),
    ("deadline", 6),
    ("html", 7),
    ("redact", 7),
    ("query", 8),
    ("intake", 8),
    ("git", 8),
    ("paperwork", 9),
    ("reports", 10),
    ("transfer", 10),
    ("check", 11),
    ("actions", 12),
    ("cli", 13),
];

fn rank(module: &str) -> Option<u8> {
    RANKS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// The upward uses in one source file: `(line, used module)`. `module` is
/// the file's top-level module; test code (after `#[cfg(test)]`) and
/// comments do not count.
fn upward_uses(module: &str, text: &str) -> Vec<(usize, String)> {
    let Some(own) = rank(module) else {
        return Vec::new();
    };
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap_or("");
        for (at, _) in line.match_indices("crate::") {
            let used: String = line[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            let Some(theirs) = rank(&used) else {
                continue;
            };
            let upward = theirs > own || (theirs == own && own > 0);
            if used != module && upward {
                found.push((n + 1, used));
            }
        }
    }
    found
}

/// Every `.rs` file under `dir`, with its top-level module name.
fn sources(root: &Path, dir: &Path, out: &mut Vec<(String, String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(root, &path, out);
            continue;
        }
        let rel = path.strip_prefix(root).unwrap().display().to_string();
        if !rel.ends_with(".rs") || rel.ends_with("tests.rs") {
            continue;
        }
        let module = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        out.push((rel, module, std::fs::read_to_string(&path).unwrap()));
    }
}

#[test]
fn no_module_uses_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let mut unranked = Vec::new();
    let mut upward = Vec::new();
    for (rel, module, text) in &files {
        if rank(module).is_none() && !matches!(module.as_str(), "lib" | "main") {
            unranked.push(rel.clone());
        }
        for (line, used) in upward_uses(module, text) {
            upward.push(format!("{rel}:{line} uses {used}"));
        }
    }
    assert_eq!(unranked, Vec::<String>::new(), "give every module a rank");
    assert_eq!(upward, Vec::<String>::new(), "upward uses");
}

#[test]
fn the_check_finds_a_deliberate_upward_use() {
    let fixture = "//! A model file.\n\
        use crate::policy::Policy; // upward\n\
        // crate::cli in a comment is no use\n\
        fn f() { crate::messages::language(); }\n\
        #[cfg(test)]\nmod tests { use crate::cli::run; }\n";
    assert_eq!(upward_uses("model", fixture), [(2, "policy".to_string())]);
    assert_eq!(upward_uses("policy", "use crate::storage::x;\n").len(), 1);
    assert_eq!(upward_uses("cli", "use crate::model::Case;\n").len(), 0);
    // Two modules of one rank may not lean on each other.
    assert_eq!(upward_uses("reports", "use crate::transfer::x;\n").len(), 1);
}

/// The files below the command line that may still word a message in the
/// process's language: each feeds a library that takes only a string
/// (serde's deserializer, minijinja, an `io::Error`). CONTRIBUTING says so.
const SPEAKS_THE_PROCESS_LANGUAGE: [&str; 3] =
    ["model/event.rs", "paperwork/render.rs", "transfer/input.rs"];

#[test]
fn below_the_command_line_only_the_listed_files_read_the_process_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let readers: Vec<&str> = files
        .iter()
        .filter(|(rel, module, text)| {
            !matches!(module.as_str(), "cli" | "messages" | "main" | "lib")
                && rel != "messages.rs"
                && text.contains("messages::language()")
        })
        .map(|(rel, _, _)| rel.as_str())
        .collect();
    let unlisted: Vec<&&str> = readers
        .iter()
        .filter(|r| !SPEAKS_THE_PROCESS_LANGUAGE.contains(r))
        .collect();
    assert_eq!(
        unlisted,
        Vec::<&&str>::new(),
        "say a `said!` and let the command line render it"
    );
}
