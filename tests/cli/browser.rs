//! The printed documents, seen in a real browser: headless Chromium prints
//! the HTML report, a notice and a dossier to PDF, and `pdftotext` reads
//! the PDFs back. Without Chromium (and `pdftotext`) the test is skipped
//! with a message — except under CI=true, where it must run (`.ci/run`
//! installs chromium, fonts-noto-cjk and poppler-utils).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::Ws;

const NOW: &str = "2026-11-03T10:00:00+08:00";

/// The Chromium binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PLAINT_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| which(name))
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The tools the test needs, or `None` (after saying why) when it may skip.
fn tools() -> Option<PathBuf> {
    let found = chromium().filter(|_| which("pdftotext").is_some());
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI=true but chromium or pdftotext is missing; .ci/run installs them"
        );
        eprintln!(
            "skipped: the browser test needs chromium and pdftotext \
             (apt-get install chromium fonts-noto-cjk poppler-utils)"
        );
    }
    found
}

/// Prints `page` to a PDF with headless Chromium and returns its text.
fn print_and_read(chromium: &Path, page: &Path, scratch: &Path) -> String {
    let pdf = page.with_extension("pdf");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        // Chromium runs on the machine's real clock: a run of the suite
        // under faketime shifts only plaint's (a frozen clock stalls the
        // browser's own timers).
        .env_remove("LD_PRELOAD")
        .env_remove("FAKETIME")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    while child.try_wait().expect("chromium runs").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!(
                "chromium did not finish printing {} in 120 s",
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        pdf.is_file(),
        "chromium wrote no PDF for {}",
        page.display()
    );
    let out = Command::new("pdftotext")
        .env_remove("LD_PRELOAD")
        .env_remove("FAKETIME")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    // A glyph no font has prints as a box and reads back as nothing, a
    // replacement character or a white square.
    assert!(
        !text.contains(['\u{fffd}', '\u{25a1}']),
        "missing glyphs in {}:\n{text}",
        pdf.display()
    );
    text
}

fn assert_has(text: &str, needles: &[&str], what: &str) {
    for needle in needles {
        assert!(text.contains(needle), "{what} lacks {needle:?}:\n{text}");
    }
}

#[test]
fn the_report_a_notice_and_a_dossier_print_in_chromium() {
    let outside = tempfile::tempdir().unwrap();
    let Some(chromium) = tools() else { return };
    let ws = Ws::tourism();
    ws.edit_settings("language: en", "language: zh");
    ws.add_settings("office:\n  name: 桂林市文化广电和旅游局\n");
    let id = ws.register(&[]);
    ws.ok_at(NOW, &["advance", &id, "accepted"]);
    let notice = outside.path().join("notice.html");
    ws.ok_at(
        NOW,
        &[
            "notice",
            &id,
            "acceptance",
            "--out",
            notice.to_str().unwrap(),
        ],
    );
    let dossier = outside.path().join("dossier");
    ws.ok_at(NOW, &["dossier", &id, "--out", dossier.to_str().unwrap()]);
    let report = outside.path().join("report.html");
    let html = ws.ok(&[
        "report",
        "--period",
        "2026-Q4",
        "--format",
        "html",
        "--today",
        "2026-11-05",
    ]);
    std::fs::write(&report, html).unwrap();
    let scratch = tempfile::tempdir().unwrap();

    let text = print_and_read(&chromium, &notice, scratch.path());
    assert_has(
        &text,
        &[&id, "旅游投诉受理告知书", "桂林市文化广电和旅游局", "张三"],
        "the notice",
    );
    let text = print_and_read(&chromium, &dossier.join("index.html"), scratch.path());
    assert_has(
        &text,
        &[&id, "案件信息", "办理期限", "处理记录", "受〔2026〕"],
        "the dossier",
    );
    let text = print_and_read(&chromium, &report, scratch.path());
    assert_has(
        &text,
        &[
            "投诉处理情况统计",
            "每月收到投诉",
            "按类别统计",
            "各期限按时率",
            "办结方式",
        ],
        "the report",
    );
}
