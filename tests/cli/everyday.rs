//! Everyday gaps an officer meets: a handler's name mistyped by one
//! character, imported cases without an owner or a contract end date, the
//! times inside a dossier's zip, and the default workspace outside any
//! office folder.

use crate::support::{Ws, refused};

/// A zh tourism workspace whose plaint.yaml lists its handlers.
fn office_with_handlers() -> Ws {
    let ws = Ws::tourism_zh();
    ws.add_settings("handlers: [王芳, 李明]\nroles:\n  leaders: [陈建国]\n");
    ws
}

#[test]
fn a_handler_name_one_character_off_a_listed_one_is_refused_with_it() {
    let ws = office_with_handlers();
    let id = ws.register(&[]);
    // 李铭 for 李明: a homophone the input method offered first.
    refused(
        &ws,
        &["assign", &id, "李铭"],
        &[
            "「李铭」不在 plaint.yaml 所列人员中",
            "是否想输入「李明」",
            "--force",
        ],
    );
    refused(&ws, &["assign", &id, "陈建华"], &["是否想输入「陈建国」"]);
    refused(
        &ws,
        &[
            "register",
            "--title",
            "退团",
            "--anonymous",
            "--assignee",
            "王方",
        ],
        &["是否想输入「王芳」"],
    );
    // The listed name goes through without a word; a name one slip away is
    // taken with --force, and a newcomer's name with a warning.
    let out = ws.run(&["assign", &id, "李明"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{out:?}");
    let forced = ws.run(&["assign", &id, "李铭", "--force", "--note", "新同事"]);
    assert!(forced.status.success(), "{forced:?}");
    let warned = String::from_utf8_lossy(&forced.stderr);
    assert!(warned.contains("王芳、李明、陈建国"), "{warned}");
    assert!(ws.case_text(&id).contains("assignee: 李铭\n"));
    let newcomer = ws.run(&["assign", &id, "赵国强"]);
    assert!(newcomer.status.success());
    assert!(String::from_utf8_lossy(&newcomer.stderr).contains("所列人员"));
}

#[test]
fn a_latin_handler_name_misspelt_is_refused_in_english_too() {
    let ws = Ws::tourism();
    ws.add_settings("handlers: [Wang Fang, Li Ming]\n");
    let id = ws.register(&[]);
    refused(
        &ws,
        &["assign", &id, "Li Mnig"],
        &["did you mean 'Li Ming'?", "--force"],
    );
}
