//! Paperwork: notices from templates, their numbers and stored copies,
//! evidence attachments, the dossier and the HTML report.

use crate::support::{Ws, refused};

const NOW: &str = "2026-11-03T10:00:00+08:00";

/// Writes a file outside the workspace (where evidence comes from).
fn outside_file(dir: &tempfile::TempDir, name: &str, contents: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// A tourism workspace with the office named in `plaint.yaml`.
fn office() -> Ws {
    let ws = Ws::tourism();
    ws.add_settings(
        "office:\n  name: 桂林市文化广电和旅游局\n  address: 桂林市临桂区公园北路 1 号\n",
    );
    ws
}

/// Runs plaint at `NOW` with `--json`, asserts success, parses stdout.
fn json_at(ws: &Ws, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&ws.ok_at(NOW, &all)).expect("JSON")
}

/// A case of `office()` moved to `state` (with `extra` advance flags).
fn case_in(ws: &Ws, state: &str, extra: &[&str]) -> String {
    let id = ws.register(&[]);
    let mut args = vec!["advance", &id, state];
    args.extend_from_slice(extra);
    ws.ok_at(NOW, &args);
    id
}

#[test]
fn an_acceptance_notice_is_rendered_numbered_stored_and_recorded() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let doc = json_at(&ws, &["notice", &id, "acceptance"]);
    let number = doc["number"].as_str().unwrap();
    let token = number
        .strip_prefix(&format!("受〔2026〕第 {id}-"))
        .and_then(|rest| rest.strip_suffix(" 号"))
        .unwrap_or_else(|| panic!("{number}"));
    assert_eq!(token.len(), 5, "{number}");
    assert!(token.chars().all(|c| c.is_ascii_alphanumeric()), "{number}");
    let file = doc["file"].as_str().unwrap();
    assert_eq!(file, format!("notices/2026/{id}/acceptance-{token}.html"));
    let html = std::fs::read_to_string(ws.root().join(file)).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("旅游投诉受理告知书"), "{html}");
    assert!(html.contains("桂林市文化广电和旅游局"), "{html}");
    assert!(html.contains(&id), "{html}");
    assert!(html.contains("张三"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    let case = ws.case_text(&id);
    assert!(case.contains("action: notice\n"), "{case}");
    assert!(case.contains("kind: acceptance\n"), "{case}");
    assert!(
        case.contains(&format!("sha256: {}\n", doc["sha256"].as_str().unwrap())),
        "{case}"
    );
    ws.ok(&["check"]);
}

#[test]
fn a_reissued_notice_gets_its_own_number_and_keeps_the_first_until_superseded() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let first = json_at(&ws, &["notice", &id, "acceptance", "--format", "md"]);
    // The same officer, the same second: still a second issuance.
    let second = json_at(&ws, &["notice", &id, "acceptance", "--format", "md"]);
    assert_ne!(first["number"], second["number"]);
    assert_ne!(first["file"], second["file"]);
    for doc in [&first, &second] {
        assert!(ws.root().join(doc["file"].as_str().unwrap()).is_file());
    }
    // Two standing issuances of one kind: a warning naming the way out,
    // never a failure.
    let out = ws.run(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8(out.stderr).unwrap();
    let number = first["number"].as_str().unwrap();
    assert!(said.contains("acceptance issued 2 times"), "{said}");
    assert!(
        said.contains(&format!("plaint supersede {id} \"{number}\"")),
        "{said}"
    );
    let before = ws.snapshot();
    refused(
        &ws,
        &["supersede", &id, "受〔2026〕第 X 号", "--reason", "x"],
        &["no issued notice numbered"],
    );
    assert_eq!(ws.snapshot(), before, "a refused supersede changes nothing");
    ws.ok_at(
        NOW,
        &["supersede", &id, number, "--reason", "地址写错，重新发出"],
    );
    let said = String::from_utf8(ws.run(&["check"]).stderr).unwrap();
    assert!(!said.contains("issued 2 times"), "{said}");
    assert!(ws.case_text(&id).contains("action: superseded\n"));
    let shown = ws.ok(&["show", &id]);
    assert!(
        shown.contains(&format!("superseded notice {number}")),
        "{shown}"
    );
    // The superseded document stays as issued.
    assert!(ws.root().join(first["file"].as_str().unwrap()).is_file());
    refused(
        &ws,
        &["supersede", &id, number, "--reason", "again"],
        &["superseded already"],
    );
}

#[test]
fn serving_the_respondent_notice_starts_the_reply_clock() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let doc = json_at(
        &ws,
        &[
            "notice",
            &id,
            "respondent-notice",
            "--served",
            "2026-11-03",
            "--today",
            "2026-11-05",
        ],
    );
    assert_eq!(doc["served"], "respondent-notified");
    let shown = ws.json(&["show", &id, "--today", "2026-11-05"]);
    let reply = shown["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "respondent-reply")
        .expect("the reply clock runs");
    assert_eq!(reply["start"], "2026-11-03");
}

#[test]
fn the_refusal_notice_gives_the_reason() {
    let ws = office();
    let id = case_in(&ws, "rejected", &["--reason", "time-barred"]);
    let md = ws.ok_at(
        NOW,
        &["notice", &id, "refusal", "--format", "md", "--draft"],
    );
    assert!(md.contains("超过旅游合同结束之日90天"), "{md}");
    assert!(md.contains("不予受理"), "{md}");
    assert!(
        !ws.root().join("notices").exists(),
        "a draft stores nothing"
    );
}

#[test]
fn a_workspace_template_overrides_the_built_in_one() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    ws.write(
        "templates/acceptance.md",
        "# 本局通知\n\n{{ recipient }}：受理。{{ number }}\n",
    );
    let md = ws.ok_at(
        NOW,
        &["notice", &id, "acceptance", "--format", "md", "--draft"],
    );
    // A draft carries no number: it can never pass for the issued document.
    assert!(
        md.starts_with("# 本局通知\n\n张三：受理。（草稿，未编号）"),
        "{md}"
    );
}

#[test]
fn notice_refusals_change_nothing() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    // A notice that names nothing is a usage error (exit 2), and changes nothing.
    let before = ws.snapshot();
    let err = ws.fails(2, &["notice", &id, "decision"]);
    assert!(
        err.contains("no notice 'decision'") && err.contains("acceptance"),
        "{err}"
    );
    assert_eq!(before, ws.snapshot());
    refused(
        &ws,
        &["notice", &id, "refusal"],
        &["state accepted", "rejected"],
    );
    ws.write("templates/acceptance.md", "one\n{% if x %}\nthree\n");
    refused(
        &ws,
        &["notice", &id, "acceptance"],
        &["templates/acceptance.md line", "syntax error"],
    );
    ws.write(
        "templates/acceptance.md",
        "{{ recipient }}\n{{ case.measures }}\n",
    );
    refused(
        &ws,
        &["notice", &id, "acceptance"],
        &["templates/acceptance.md line 2", "case.measures"],
    );
    let generic = Ws::with_preset("generic");
    let other = generic.register(&[]);
    refused(
        &generic,
        &["notice", &other, "acceptance"],
        &["defines no notices"],
    );
}

#[test]
fn a_notice_without_the_office_name_names_the_missing_field() {
    let ws = Ws::tourism();
    let id = case_in(&ws, "accepted", &[]);
    refused(&ws, &["notice", &id, "acceptance"], &["office.name"]);
}

#[test]
fn attachments_are_copied_hashed_listed_and_verified() {
    let outside = tempfile::tempdir().unwrap();
    let ws = office();
    let id = ws.register(&[]);
    let photo = outside_file(&outside, "photo.jpg", "JPEGDATA");
    let photo = photo.to_str().unwrap();
    let doc = json_at(&ws, &["attach", &id, photo, "--note", "现场照片"]);
    let stored = doc["attached"][0]["file"].as_str().unwrap().to_string();
    assert!(
        stored.starts_with(&format!("attachments/{id}/")),
        "{stored}"
    );
    assert!(stored.ends_with("-photo.jpg"), "{stored}");
    assert_eq!(doc["attached"][0]["size"], 8);
    let show = ws.ok(&["show", &id]);
    assert!(show.contains("photo.jpg  8 bytes"), "{show}");
    ws.ok(&["check"]);
    std::fs::write(ws.root().join(&stored), "ALTERED").unwrap();
    let err = ws.fails(3, &["check"]);
    let out = String::from_utf8(ws.run(&["check"]).stdout).unwrap();
    assert!(
        out.contains("altered") || err.contains("altered"),
        "{out}{err}"
    );
    std::fs::remove_file(ws.root().join(&stored)).unwrap();
    let out = String::from_utf8(ws.run(&["check"]).stdout).unwrap();
    assert!(out.contains("missing"), "{out}");
}

#[test]
fn detaching_is_recorded_and_removes_the_copy() {
    let outside = tempfile::tempdir().unwrap();
    let ws = office();
    let id = ws.register(&[]);
    let photo = outside_file(&outside, "p.png", "PNG");
    let doc = json_at(&ws, &["attach", &id, photo.to_str().unwrap()]);
    let stored = doc["attached"][0]["file"].as_str().unwrap().to_string();
    ws.ok_at(NOW, &["detach", &id, "p.png", "--reason", "误传"]);
    assert!(!ws.root().join(&stored).exists());
    let case = ws.case_text(&id);
    assert!(case.contains("action: detached\n"), "{case}");
    assert!(case.contains("note: 误传\n"), "{case}");
    ws.ok(&["check"]);
}

#[test]
fn attachment_refusals_change_nothing() {
    let outside = tempfile::tempdir().unwrap();
    let ws = office();
    let id = ws.register(&[]);
    let folder = outside.path().join("somefolder");
    std::fs::create_dir_all(&folder).unwrap();
    refused(
        &ws,
        &["attach", &id, folder.to_str().unwrap()],
        &["is a folder"],
    );
    refused(
        &ws,
        &["attach", &id, "/no/such/file.jpg"],
        &["no such file"],
    );
    ws.add_settings("attachment_limit_mb: 1\n");
    let big = outside.path().join("big.bin");
    std::fs::write(&big, vec![0u8; 1024 * 1024 + 1]).unwrap();
    refused(
        &ws,
        &["attach", &id, big.to_str().unwrap()],
        &["over the attachment limit of 1 MB"],
    );
}

#[test]
fn init_writes_git_lfs_patterns_for_attachments() {
    let ws = Ws::tourism();
    let text = std::fs::read_to_string(ws.root().join(".gitattributes")).unwrap();
    assert!(
        text.contains("# attachments/** filter=lfs diff=lfs merge=lfs -text"),
        "{text}"
    );
}

#[test]
fn the_html_report_is_one_self_contained_page_with_four_charts() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let html = ws.ok(&[
        "report",
        "--period",
        "2026-Q4",
        "--format",
        "html",
        "--today",
        "2026-11-05",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_eq!(html.matches("<svg").count(), 4, "{html}");
    for caption in [
        "Cases received per month",
        "Cases by category",
        "On-time rate per deadline",
        "Outcomes of resolved cases",
    ] {
        assert!(html.contains(caption), "{caption}: {html}");
    }
    assert!(html.contains("@page { size: A4"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 4,
        "only the SVG namespace: {html}"
    );
    assert!(!html.contains("https://"), "{html}");
    assert!(
        !html.contains(&id),
        "a published report holds aggregates only"
    );
    assert!(
        !html.contains("张三"),
        "a published report holds aggregates only"
    );
}

#[test]
fn a_dossier_holds_the_case_page_notices_and_attachments() {
    let outside = tempfile::tempdir().unwrap();
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    json_at(&ws, &["notice", &id, "acceptance"]);
    let photo = outside_file(&outside, "现场照片.jpg", "JPEG");
    json_at(&ws, &["attach", &id, photo.to_str().unwrap()]);
    let out = outside.path().join("dossier");
    let doc = json_at(&ws, &["dossier", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(doc["files"].as_array().unwrap().len(), 3, "{doc}");
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    for needle in [
        id.as_str(),
        "桂林阳光旅行社",
        "受〔2026〕",
        "现场照片.jpg",
        "办理期限",
        "处理记录",
    ] {
        assert!(page.contains(needle), "{needle}: {page}");
    }
    let notice = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .find(|f| f.starts_with(&format!("notices/2026/{id}/acceptance-")))
        .expect("the notice is in the dossier");
    assert!(out.join(notice).is_file());
    let sha = doc["files"][2].as_str().unwrap();
    assert!(out.join(sha).is_file(), "{sha}");
}

#[test]
fn a_period_dossier_is_one_zip_with_an_index() {
    let outside = tempfile::tempdir().unwrap();
    let ws = office();
    let first = ws.register(&[]);
    let second = ws.register(&[]);
    let zip = outside.path().join("q4.zip");
    let doc = json_at(
        &ws,
        &[
            "dossier",
            "--period",
            "2026-Q4",
            "--out",
            zip.to_str().unwrap(),
        ],
    );
    let files: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(files.contains(&"index.html"), "{files:?}");
    assert!(
        files.contains(&format!("{first}.html").as_str()),
        "{files:?}"
    );
    assert!(
        files.contains(&format!("{second}.html").as_str()),
        "{files:?}"
    );
    let bytes = std::fs::read(&zip).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
}

#[test]
fn a_dossier_out_that_exists_is_refused_unless_forced() {
    let outside = tempfile::tempdir().unwrap();
    let ws = office();
    let id = ws.register(&[]);
    let out = outside.path().join("exists");
    std::fs::create_dir_all(&out).unwrap();
    refused(
        &ws,
        &["dossier", &id, "--out", out.to_str().unwrap()],
        &["exists", "--force"],
    );
    assert!(!out.join("index.html").exists());
    ws.ok_at(
        NOW,
        &["dossier", &id, "--out", out.to_str().unwrap(), "--force"],
    );
    assert!(out.join("index.html").is_file());
}

#[test]
fn transfer_notices_go_to_the_body_and_tell_the_complainant() {
    let ws = office();
    let id = case_in(&ws, "transferred", &["--to", "桂林市市场监督管理局"]);
    let body = ws.ok_at(
        NOW,
        &["notice", &id, "transfer", "--format", "md", "--draft"],
    );
    assert!(body.contains("桂林市市场监督管理局：\n"), "{body}");
    let told = ws.ok_at(
        NOW,
        &[
            "notice",
            &id,
            "transfer-complainant",
            "--format",
            "md",
            "--draft",
        ],
    );
    assert!(told.contains("张三：\n"), "{told}");
    assert!(
        told.contains("已将投诉材料转交桂林市市场监督管理局"),
        "{told}"
    );
    assert!(
        told.contains("《旅游投诉处理办法》第十五条第（三）项"),
        "{told}"
    );
}

#[test]
fn a_mediation_agreement_prints_the_agreement_the_officer_recorded() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    ws.ok_at(NOW, &["advance", &id, "mediating"]);
    ws.ok_at(NOW, &["advance", &id, "resolved", "--outcome", "mediated"]);
    refused(
        &ws,
        &["notice", &id, "mediation"],
        &["case.agreement", "plaint set ID agreement"],
    );
    ws.ok_at(NOW, &["set", &id, "agreement", "旅行社退还购物款 3000 元"]);
    // Writing the same text again changes nothing.
    let before = ws.snapshot();
    ws.ok_at(NOW, &["set", &id, "agreement", "旅行社退还购物款 3000 元"]);
    assert_eq!(before, ws.snapshot());
    let md = ws.ok_at(NOW, &["notice", &id, "mediation", "--format", "md"]);
    assert!(md.contains("旅行社退还购物款 3000 元"), "{md}");
    assert!(
        md.contains("《旅游投诉处理办法》第十六条、第二十四条"),
        "{md}"
    );
}

#[test]
fn one_number_recorded_for_two_documents_is_a_warning_that_supersede_clears() {
    // What two clones of an older plaint left: one number and one path,
    // recorded twice with different bytes; the file holds the second.
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let doc = json_at(&ws, &["notice", &id, "acceptance"]);
    let sha = doc["sha256"].as_str().unwrap();
    let text = ws.case_text(&id);
    let last = text.rfind("- at:").unwrap();
    let lost = "0".repeat(64);
    let doubled = format!("{text}{}", &text[last..].replace(sha, &lost));
    std::fs::write(ws.case_path(&id), doubled).unwrap();
    let out = ws.run(&["check"]);
    let said = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(3), "{stdout}{said}");
    assert!(stdout.contains("the file was altered"), "{stdout}");
    assert!(said.contains("--sha256 000000000000"), "{said}");
    let number = doc["number"].as_str().unwrap();
    refused(
        &ws,
        &["supersede", &id, number, "--reason", "x"],
        &["--sha256"],
    );
    ws.ok_at(
        NOW,
        &[
            "supersede",
            &id,
            number,
            "--sha256",
            "000000",
            "--reason",
            "合并时丢失的副本",
        ],
    );
    ws.ok(&["check"]);
}

/// A complaint about a nurse's attitude in a hospital workspace, plus
/// `extra` registration flags.
fn nurse_complaint(ws: &Ws, extra: &[&str]) -> String {
    let mut args = vec![
        "register",
        "--complainant",
        "张三",
        "--category",
        "attitude",
        "--title",
        "护士态度差",
        "--received",
        "2026-11-02 09:30",
    ];
    args.extend_from_slice(extra);
    ws.ok(&args).trim().to_string()
}

#[test]
fn the_hospital_written_reply_records_the_first_reply_when_served() {
    let ws = Ws::with_preset("hospital");
    ws.add_settings("office:\n  name: 桂林市人民医院\n");
    let id = nurse_complaint(&ws, &[]);
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    let doc = json_at(
        &ws,
        &["notice", &id, "first-reply", "--served", "2026-11-03"],
    );
    assert_eq!(doc["served"], "first-reply");
    let html = std::fs::read_to_string(ws.root().join(doc["file"].as_str().unwrap())).unwrap();
    assert!(html.contains("投诉首次答复"), "{html}");
    assert!(html.contains("“护士态度差”"), "{html}");
    // The first reply says what happens next; it claims no finding.
    assert!(!html.contains("经查"), "{html}");
    assert!(ws.case_text(&id).contains("milestone: first-reply\n"));
}

#[test]
fn a_final_reply_states_only_what_the_officer_found() {
    let ws = Ws::with_preset("hospital");
    ws.add_settings("office:\n  name: 桂林市人民医院\n");
    let id = nurse_complaint(&ws, &["--facts", "护士当众呵斥我"]);
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    // No finding recorded: the final reply is refused, naming the field
    // and the command that records it.
    refused(
        &ws,
        &["notice", &id, "reply", "--format", "md"],
        &["case.findings", "plaint set"],
    );
    ws.ok_at(
        NOW,
        &["set", &id, "findings", "当班护士语气生硬，已向患者致歉"],
    );
    let md = ws.ok_at(NOW, &["notice", &id, "reply", "--format", "md"]);
    assert!(md.contains("经查：当班护士语气生硬，已向患者致歉"), "{md}");
    // The complainant's own account is never printed as a finding.
    assert!(!md.contains("护士当众呵斥我"), "{md}");
    let shown = ws.json(&["show", &id]);
    assert_eq!(shown["findings"], "当班护士语气生硬，已向患者致歉");
    let last = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .nth(1)
        .unwrap()
        .clone();
    assert_eq!(last["fields"], serde_json::json!(["findings"]), "{last}");
}

#[test]
fn a_hand_edited_attachment_path_outside_the_workspace_is_never_followed() {
    let ws = office();
    let id = ws.register(&[]);
    let outside = tempfile::tempdir().unwrap();
    let photo = outside_file(&outside, "p.png", "PNG");
    let doc = json_at(&ws, &["attach", &id, photo.to_str().unwrap()]);
    let stored = doc["attached"][0]["file"].as_str().unwrap().to_string();
    let text = ws
        .case_text(&id)
        .replace(&stored, "attachments/../plaint.yaml");
    std::fs::write(ws.case_path(&id), text).unwrap();
    let out = String::from_utf8(ws.run(&["check"]).stdout).unwrap();
    assert!(out.contains("is not in the case's own folder"), "{out}");
    refused(
        &ws,
        &["detach", &id, "p.png", "--reason", "x"],
        &["is not in the case's own folder"],
    );
    let dossier = outside.path().join("d");
    refused(
        &ws,
        &["dossier", &id, "--out", dossier.to_str().unwrap()],
        &["is not in the case's own folder"],
    );
    assert!(ws.root().join("plaint.yaml").is_file());
}

#[test]
fn mark_served_records_the_milestone_of_the_notice_delivered() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    refused(&ws, &["mark", &id, "served"], &["no issued notice"]);
    json_at(&ws, &["notice", &id, "respondent-notice"]);
    ws.ok_at("2026-11-05T10:00:00+08:00", &["mark", &id, "served"]);
    assert!(
        ws.case_text(&id)
            .contains("milestone: respondent-notified\n")
    );
}

#[test]
fn a_notice_out_file_that_exists_is_refused_unless_forced() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let outside = tempfile::tempdir().unwrap();
    let out = outside_file(&outside, "notice.html", "earlier");
    refused(
        &ws,
        &["notice", &id, "acceptance", "--out", out.to_str().unwrap()],
        &["exists", "--force"],
    );
    ws.ok_at(
        NOW,
        &[
            "notice",
            &id,
            "acceptance",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("旅游投诉受理告知书")
    );
}

#[test]
fn the_procurement_decision_names_its_findings_parties_and_the_bodies_that_hear_an_appeal() {
    let ws = Ws::with_preset("procurement");
    ws.add_settings(
        "office:\n  name: 山东省财政厅\n  review_body: 山东省人民政府\n  court: 济南市市中区人民法院\n",
    );
    let id = ws
        .ok(&[
            "register",
            "--title",
            "评审方法不符合规定",
            "--complainant",
            "济南英思捷经贸有限公司",
            "--legal-representative",
            "刘喜阳",
            "--respondent",
            "山东建筑大学",
            "--project",
            "山东建筑大学材料学院实验室设备采购项目",
            "--project-number",
            "ceitcl-sd-czhw-130503",
            "--lot",
            "b包",
            "--demands",
            "责令重新开展采购活动",
            "--received",
            "2026-11-02 09:30",
        ])
        .trim()
        .to_string();
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    ws.ok_at(NOW, &["advance", &id, "investigating"]);
    ws.ok_at(
        NOW,
        &["advance", &id, "resolved", "--outcome", "upheld-redo"],
    );
    refused(&ws, &["notice", &id, "decision"], &["case.findings"]);
    ws.ok_at(
        NOW,
        &[
            "set",
            &id,
            "findings",
            "该项目采用竞争性谈判方式，却使用综合评分的评审方法",
        ],
    );
    let md = ws.ok_at(NOW, &["notice", &id, "decision", "--format", "md"]);
    for needle in [
        "法定代表人：刘喜阳",
        "采购项目：山东建筑大学材料学院实验室设备采购项目（采购项目编号：ceitcl-sd-czhw-130503，b包）",
        "经审查查明：该项目采用竞争性谈判方式",
        "本机关依照《政府采购质疑和投诉办法》第三十一条的规定",
        "向山东省人民政府申请行政复议",
        "《中华人民共和国行政诉讼法》第四十六条",
        "六个月内向济南市市中区人民法院提起行政诉讼",
    ] {
        assert!(md.contains(needle), "{needle}: {md}");
    }
}

#[test]
fn a_notice_says_only_what_happened_to_whom_it_concerns() {
    let ws = office();
    // A joint complaint, settled between the parties.
    let id = ws.register(&[
        "--complainant",
        "李四",
        "--complainant",
        "王五",
        "--complainant",
        "赵六",
        "--representative",
        "张三",
    ]);
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    ws.ok_at(NOW, &["advance", &id, "investigating"]);
    ws.ok_at(NOW, &["consent", &id, "全体投诉人书面同意和解"]);
    ws.ok_at(NOW, &["advance", &id, "resolved", "--outcome", "settled"]);
    ws.ok_at(NOW, &["set", &id, "agreement", "旅行社退还每人 500 元"]);
    // Mediation never failed, and nobody mediated: those notices would lie.
    for kind in ["mediation-terminated", "mediation"] {
        refused(&ws, &["notice", &id, kind, "--draft"], &["settled"]);
    }
    let md = ws.ok_at(
        NOW,
        &["notice", &id, "settlement", "--format", "md", "--draft"],
    );
    // Every complainant signs; the document speaks of 投诉人 as the measures do.
    for name in ["张三", "李四", "王五", "赵六"] {
        assert!(
            md.contains(&format!("投诉人 {name}（签名或者盖章）")),
            "{md}"
        );
    }
    assert!(!md.contains("投诉者"), "{md}");
    // A notice goes to its own party only.
    refused(
        &ws,
        &["notice", &id, "acceptance", "--to", "respondent", "--draft"],
        &["own addressee"],
    );
    // A refusal quotes the ground as the measures word it.
    let late = ws.register(&[]);
    ws.ok_at(
        NOW,
        &["advance", &late, "rejected", "--reason", "time-barred"],
    );
    let md = ws.ok_at(
        NOW,
        &["notice", &late, "refusal", "--format", "md", "--draft"],
    );
    assert!(
        md.contains(
            "该投诉属于《旅游投诉处理办法》第九条第（四）项规定的“超过旅游合同结束之日90天的”情形"
        ),
        "{md}"
    );
    // Outside the office's remit, the complainant is told where to go.
    let elsewhere = ws.register(&[]);
    refused(
        &ws,
        &[
            "advance",
            &elsewhere,
            "rejected",
            "--reason",
            "outside-jurisdiction",
        ],
        &["--refer-to", "第九条第（三）项"],
    );
}

#[test]
fn on_a_terminal_an_issued_notice_is_named_not_dumped() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    let screen = ws.terminal(80, true, &["notice", &id, "acceptance"]);
    assert!(!screen.contains("<!DOCTYPE"), "{screen}");
    assert!(
        screen.contains(&format!("notices/2026/{id}/acceptance-")),
        "{screen}"
    );
    let printed = ws.terminal(
        80,
        false,
        &[
            "notice",
            &id,
            "respondent-notice",
            "--print",
            "--format",
            "md",
        ],
    );
    assert!(printed.contains("旅游投诉受理通知书"), "{printed}");
    // Piped, the document is the output, as before.
    let piped = ws.ok(&["notice", &id, "acceptance", "--format", "md"]);
    assert!(piped.contains("旅游投诉受理告知书"), "{piped}");
    // The Markdown keeps the signature block on separate lines when a
    // Markdown reader renders it: each line but the last ends in a hard break.
    assert!(
        piped.contains("> 桂林市文化广电和旅游局  \n> 2026年11月29日\n"),
        "{piped}"
    );
    assert!(piped.contains("承办人：tester  \n"), "{piped}");
}

#[test]
fn on_a_terminal_an_html_notice_asked_for_is_shown_as_text() {
    let ws = office();
    let id = case_in(&ws, "accepted", &[]);
    for args in [
        vec!["notice", id.as_str(), "acceptance", "--print"],
        vec!["notice", id.as_str(), "respondent-notice", "--draft"],
    ] {
        let screen = ws.terminal(80, false, &args);
        assert!(!screen.contains('<'), "{args:?}: {screen}");
        assert!(
            screen.contains("> 桂林市文化广电和旅游局"),
            "{args:?}: {screen}"
        );
    }
    // Piped, the HTML document is the output.
    let piped = ws.ok(&["notice", &id, "acceptance", "--draft"]);
    assert!(piped.contains("<!DOCTYPE"), "{piped}");
}
