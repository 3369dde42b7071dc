//! Deadlines of hand-built case histories, table by table, with the day
//! they are read on passed in: the tourism rules on the PRC calendar.

use chrono::{FixedOffset, NaiveDate};

use super::*;
use crate::policy::{Language, PolicyOverrides};
use crate::storage::casefile::parse_yaml_case;

/// The tourism rules, with the workspace decision that a suspension pauses
/// the 60-day limit (off by default: art. 25 provides no pause).
fn tourism() -> Policy {
    let decided = PolicyOverrides {
        suspension_pauses: Some(vec!["resolution".into()]),
        suspension_reasons: Some(vec![crate::policy::Code {
            code: "evidence".into(),
            en: "Waiting for evidence".into(),
            zh: "补充证据".into(),
        }]),
        ..PolicyOverrides::default()
    };
    Policy::build("tourism", &decided).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A case received Monday 2026-06-01 09:30 (+08:00) in `status`, with
/// `events` (YAML list items) after its registration.
fn case(status: &str, events: &str) -> Case {
    let text = format!(
        "schema: 1\nid: 20260601-K7QF2\nreceived: 2026-06-01T09:30:00+08:00\nstatus: {status}\nhistory:\n\
         - at: 2026-06-01T09:30:00+08:00\n  by: a\n  action: registered\n{events}"
    );
    parse_yaml_case(&text).unwrap()
}

/// A status event at `at` (local time, +08:00).
fn status(at: &str, from: &str, to: &str) -> String {
    format!("- at: {at}:00+08:00\n  by: a\n  action: status\n  from: {from}\n  to: {to}\n")
}

fn milestone(at: &str, name: &str) -> String {
    format!("- at: {at}:00+08:00\n  by: a\n  action: milestone\n  milestone: {name}\n")
}

/// `(rule, due, state, days_left)` of every started deadline.
fn summary(case: &Case, today: &str) -> Vec<(String, String, &'static str, Option<i64>)> {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    evaluate(case, &tourism(), &calendar, offset, date(today))
        .unwrap()
        .into_iter()
        .map(|d| {
            assert!(d.warnings.is_empty(), "{:?}", d.warnings);
            (
                d.rule,
                d.due.map(|due| due.to_string()).unwrap_or_default(),
                d.state.as_str(),
                d.days_left,
            )
        })
        .collect()
}

type Expected<'a> = &'a [(&'a str, &'a str, &'a str, Option<i64>)];

fn check(name: &str, case: &Case, today: &str, expected: Expected) {
    let want: Vec<_> = expected
        .iter()
        .map(|(r, d, s, l)| (r.to_string(), d.to_string(), *s, *l))
        .collect();
    assert_eq!(summary(case, today), want, "{name}");
}

#[test]
fn acceptance_runs_five_working_days_from_receipt() {
    let fresh = case("received", "");
    // Five working days after Monday 06-01 end Monday 06-08.
    for (today, state, left) in [
        ("2026-06-01", "running", 7),
        ("2026-06-08", "running", 0),
        ("2026-06-09", "overdue", -1),
        ("2026-07-01", "overdue", -23),
    ] {
        check(
            today,
            &fresh,
            today,
            &[("acceptance", "2026-06-08", state, Some(left))],
        );
    }
}

#[test]
fn a_decision_stops_acceptance_as_met_or_missed() {
    for (at, state) in [
        ("2026-06-05 10:00", "met"),
        ("2026-06-08 23:59", "met"),
        ("2026-06-09 08:00", "missed"),
    ] {
        let rejected = case("rejected", &status(at, "received", "rejected"));
        check(
            at,
            &rejected,
            "2026-07-01",
            &[("acceptance", "2026-06-08", state, None)],
        );
    }
}

#[test]
fn acceptance_starts_notification_and_resolution() {
    let accepted = case(
        "accepted",
        &status("2026-06-05 10:00", "received", "accepted"),
    );
    // Notification: five working days after Friday 06-05, Friday 06-12.
    // Resolution: sixty days after 06-05, Tuesday 08-04.
    check(
        "accepted",
        &accepted,
        "2026-06-10",
        &[
            ("acceptance", "2026-06-08", "met", None),
            ("notify-respondent", "2026-06-12", "running", Some(2)),
            ("resolution", "2026-08-04", "running", Some(55)),
        ],
    );
}

#[test]
fn a_milestone_stops_one_rule_and_starts_the_next() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &milestone("2026-06-10 15:00", "respondent-notified");
    let notified = case("accepted", &events);
    // Ten days after 06-10 is Saturday 06-20; after the Dragon Boat
    // holiday weekend the period ends on Monday 06-22.
    check(
        "notified",
        &notified,
        "2026-06-11",
        &[
            ("acceptance", "2026-06-08", "met", None),
            ("notify-respondent", "2026-06-12", "met", None),
            ("respondent-reply", "2026-06-22", "running", Some(11)),
            ("resolution", "2026-08-04", "running", Some(54)),
        ],
    );
}

#[test]
fn a_milestone_recorded_before_its_rule_started_meets_it_at_the_start() {
    // The respondent was notified on 06-03, before the case was accepted
    // on 06-05: the duty to notify was done when it arose.
    let events = milestone("2026-06-03 15:00", "respondent-notified")
        + &status("2026-06-05 10:00", "received", "accepted");
    let early = case("accepted", &events);
    check(
        "notified early",
        &early,
        "2026-06-30",
        &[
            ("acceptance", "2026-06-08", "met", None),
            ("notify-respondent", "2026-06-12", "met", None),
            ("respondent-reply", "2026-06-15", "overdue", Some(-15)),
            ("resolution", "2026-08-04", "running", Some(35)),
        ],
    );
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let notify = evaluate(&early, &tourism(), &calendar, offset, date("2026-06-30"))
        .unwrap()
        .into_iter()
        .find(|d| d.rule == "notify-respondent")
        .unwrap();
    assert_eq!(notify.stopped, Some(date("2026-06-05")));
}

#[test]
fn a_suspension_pauses_resolution_and_moves_its_due_date() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &status("2026-06-15 10:00", "accepted", "suspended")
        + &status("2026-06-25 10:00", "suspended", "accepted");
    let resumed = case("accepted", &events);
    let got = summary(&resumed, "2026-06-26");
    let resolution = got.iter().find(|d| d.0 == "resolution").unwrap();
    assert_eq!(resolution.2, "running");
    // Ten days in suspension move 08-04 by ten days.
    assert_eq!(resolution.1, "2026-08-14");
    let still = case(
        "suspended",
        &(status("2026-06-05 10:00", "received", "accepted")
            + &status("2026-06-15 10:00", "accepted", "suspended")),
    );
    let got = summary(&still, "2026-06-20");
    let resolution = got.iter().find(|d| d.0 == "resolution").unwrap();
    assert_eq!(resolution.2, "paused");
}

#[test]
fn a_withdrawal_stops_every_running_rule() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &status("2026-06-09 10:00", "accepted", "withdrawn");
    let withdrawn = case("withdrawn", &events);
    check(
        "withdrawn",
        &withdrawn,
        "2026-09-01",
        &[
            ("acceptance", "2026-06-08", "met", None),
            // The respondent was never notified: the withdrawal ended the
            // rule in time, without meeting it.
            ("notify-respondent", "2026-06-12", "ended", None),
            ("resolution", "2026-08-04", "met", None),
        ],
    );
}

#[test]
fn the_next_due_is_the_earliest_open_deadline() {
    let accepted = case(
        "accepted",
        &status("2026-06-05 10:00", "received", "accepted"),
    );
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let all = evaluate(&accepted, &tourism(), &calendar, offset, date("2026-06-10")).unwrap();
    assert_eq!(
        next_due(&all).map(|d| d.rule.as_str()),
        Some("notify-respondent")
    );
    let none: Vec<Deadline> = all.into_iter().filter(|d| !d.state.is_open()).collect();
    assert!(next_due(&none).is_none());
}

/// A case received at `received` (local time, +08:00) in `status`, with
/// `events` after its registration.
fn case_received(received: &str, status: &str, events: &str) -> Case {
    let text = format!(
        "schema: 1\nid: 20260601-K7QF2\nreceived: {received}:00+08:00\nstatus: {status}\nhistory:\n\
         - at: {received}:00+08:00\n  by: a\n  action: registered\n{events}"
    );
    parse_yaml_case(&text).unwrap()
}

/// The tourism rule `name`.
fn rule(name: &str) -> DeadlineRule {
    tourism()
        .deadlines
        .into_iter()
        .find(|r| r.name == name)
        .unwrap()
}

/// Every line of the explanation of `rule` for `case` as of `today`, as
/// `date | text`.
fn explained(case: &Case, rule: &DeadlineRule, today: &str, lang: Language) -> Vec<String> {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    explain::explain(case, &tourism(), rule, &calendar, offset, date(today), lang)
        .unwrap()
        .unwrap()
        .lines
        .into_iter()
        .map(|l| {
            let day = l.date.map(|d| d.to_string()).unwrap_or_default();
            format!("{day} | {}", l.text)
        })
        .collect()
}

/// An event of `action` at `at` (local time, +08:00) with `detail` lines.
fn event(at: &str, action: &str, detail: &str) -> String {
    format!("- at: {at}:00+08:00\n  by: a\n  action: {action}\n{detail}")
}

/// Asserts the explanation of `rule` for `case` on `today`, in English and in Chinese.
fn check_explained(case: &Case, rule: &DeadlineRule, today: &str, en: &[&str], zh: &[&str]) {
    assert_eq!(explained(case, rule, today, Language::En), en, "en");
    assert_eq!(explained(case, rule, today, Language::Zh), zh, "zh");
}

#[test]
fn explain_counts_working_days_and_names_the_holidays_and_make_up_days_met() {
    // Received Tuesday before National Day; read on the due day itself.
    let received = case_received("2026-09-29 09:30", "received", "");
    check_explained(
        &received,
        &rule("acceptance"),
        "2026-10-12",
        &[
            "2026-09-29 | start: case received at 09:30 (2026-09-29 Tue); the day itself is not counted",
            "2026-09-30 | 2026-09-30 Wed counted, working day 1 of 5",
            "2026-10-01 | 2026-10-01 Thu skipped: National Day (国庆节)",
            "2026-10-02 | 2026-10-02 Fri skipped: National Day (国庆节)",
            "2026-10-03 | 2026-10-03 Sat skipped: National Day (国庆节)",
            "2026-10-04 | 2026-10-04 Sun skipped: National Day (国庆节)",
            "2026-10-05 | 2026-10-05 Mon skipped: National Day (国庆节)",
            "2026-10-06 | 2026-10-06 Tue skipped: National Day (国庆节, day off in lieu)",
            "2026-10-07 | 2026-10-07 Wed skipped: National Day (国庆节, day off in lieu)",
            "2026-10-08 | 2026-10-08 Thu counted, working day 2 of 5",
            "2026-10-09 | 2026-10-09 Fri counted, working day 3 of 5",
            "2026-10-10 | 2026-10-10 Sat counted, working day 4 of 5 (make-up working day for National Day)",
            "2026-10-11 | 2026-10-11 Sun skipped: weekend",
            "2026-10-12 | 2026-10-12 Mon counted, working day 5 of 5",
            "2026-10-12 | due: 2026-10-12 Mon",
            " | state: running, due today",
        ],
        &[
            "2026-09-29 | 起算：收到投诉，09:30（2026-09-29 周二）；当日不计入",
            "2026-09-30 | 2026-09-30 周三 计入，第 1 个工作日（共 5 个）",
            "2026-10-01 | 2026-10-01 周四 跳过：国庆节",
            "2026-10-02 | 2026-10-02 周五 跳过：国庆节",
            "2026-10-03 | 2026-10-03 周六 跳过：国庆节",
            "2026-10-04 | 2026-10-04 周日 跳过：国庆节",
            "2026-10-05 | 2026-10-05 周一 跳过：国庆节",
            "2026-10-06 | 2026-10-06 周二 跳过：国庆节（调休）",
            "2026-10-07 | 2026-10-07 周三 跳过：国庆节（调休）",
            "2026-10-08 | 2026-10-08 周四 计入，第 2 个工作日（共 5 个）",
            "2026-10-09 | 2026-10-09 周五 计入，第 3 个工作日（共 5 个）",
            "2026-10-10 | 2026-10-10 周六 计入，第 4 个工作日（共 5 个；国庆节调休上班）",
            "2026-10-11 | 2026-10-11 周日 跳过：周末",
            "2026-10-12 | 2026-10-12 周一 计入，第 5 个工作日（共 5 个）",
            "2026-10-12 | 到期：2026-10-12 周一",
            " | 状态：进行中，今日到期",
        ],
    );
}

#[test]
fn explain_adds_pauses_and_day_extensions_then_rolls_off_the_weekend() {
    // 60 days from 06-05 end Tuesday 08-04; ten days suspended and one
    // extension day make Saturday 08-15, rolled to Monday 08-17; two
    // working days of extension then make Wednesday 08-19.
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &event(
            "2026-06-15 10:00",
            "status",
            "  from: accepted\n  to: suspended\n  reason: evidence\n",
        )
        + &status("2026-06-25 10:00", "suspended", "accepted")
        + &event(
            "2026-06-26 10:00",
            "extended",
            "  rule: resolution\n  amount: 1\n  unit: days\n  reason: site visit\n",
        )
        + &event(
            "2026-06-27 10:00",
            "extended",
            "  rule: resolution\n  amount: 2\n  unit: workdays\n",
        );
    let extended = case("accepted", &events);
    check_explained(
        &extended,
        &rule("resolution"),
        "2026-09-01",
        &[
            "2026-06-05 | start: case accepted at 10:00 (2026-06-05 Fri); the day itself is not counted",
            "2026-08-04 | 2026-06-05 + 60 days = 2026-08-04 Tue",
            "2026-06-15 | paused (suspended: evidence) from 2026-06-15 to 2026-06-25: the period is extended by 10 days",
            "2026-06-26 | extended by 1 days by a: site visit",
            "2026-06-27 | extended by 2 working days by a",
            "2026-08-15 | with 11 day(s) added: 2026-08-15 Sat",
            "2026-08-15 | 2026-08-15 Sat is a rest day (weekend): the period ends on the next working day (Civil Code art. 203)",
            "2026-08-16 | 2026-08-16 Sun is a rest day (weekend): the period ends on the next working day (Civil Code art. 203)",
            "2026-08-19 | due: 2026-08-19 Wed",
            " | state: overdue, 9 working day(s) late",
        ],
        &[
            "2026-06-05 | 起算：案件已受理，10:00（2026-06-05 周五）；当日不计入",
            "2026-08-04 | 2026-06-05 + 60 天 = 2026-08-04 周二",
            "2026-06-15 | 暂停（已中止：补充证据）自 2026-06-15 至 2026-06-25：期限顺延 10 天",
            "2026-06-26 | 延长 1 天（a：site visit）",
            "2026-06-27 | 延长 2 个工作日（a）",
            "2026-08-15 | 加上 11 天：2026-08-15 周六",
            "2026-08-15 | 2026-08-15 周六 为休息日（周末）：期限顺延至下一个工作日（民法典第二百零三条）",
            "2026-08-16 | 2026-08-16 周日 为休息日（周末）：期限顺延至下一个工作日（民法典第二百零三条）",
            "2026-08-19 | 到期：2026-08-19 周三",
            " | 状态：已逾期，已超过 9 个工作日",
        ],
    );
}

#[test]
fn explain_of_a_month_period_says_when_the_month_is_shorter() {
    let mut monthly = rule("resolution");
    monthly.unit = Unit::Months;
    monthly.amount = 1;
    let accepted = case_received(
        "2026-01-30 09:30",
        "accepted",
        &status("2026-01-31 10:00", "received", "accepted"),
    );
    // 02-28 is a Saturday but a make-up working day: nothing rolls.
    check_explained(
        &accepted,
        &monthly,
        "2026-02-27",
        &[
            "2026-01-31 | start: case accepted at 10:00 (2026-01-31 Sat); the day itself is not counted",
            "2026-02-28 | 2026-01-31 + 1 month(s) = 2026-02-28 Sat; that month has no day 31, so the period ends on its last day",
            "2026-02-28 | due: 2026-02-28 Sat",
            " | state: running, 1 working day(s) left",
        ],
        &[
            "2026-01-31 | 起算：案件已受理，10:00（2026-01-31 周六）；当日不计入",
            "2026-02-28 | 2026-01-31 + 1 个月 = 2026-02-28 周六；该月没有 31 日，期限止于该月最后一日",
            "2026-02-28 | 到期：2026-02-28 周六",
            " | 状态：进行中，剩余 1 个工作日",
        ],
    );
}

#[test]
fn explain_rolls_a_day_period_off_a_holiday_only_when_the_rule_says_so() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &milestone("2026-06-10 15:00", "respondent-notified")
        + &milestone("2026-06-22 11:00", "respondent-replied");
    let replied = case("accepted", &events);
    check_explained(
        &replied,
        &rule("respondent-reply"),
        "2026-07-01",
        &[
            "2026-06-10 | start: milestone respondent-notified at 15:00 (2026-06-10 Wed); the day itself is not counted",
            "2026-06-20 | 2026-06-10 + 10 days = 2026-06-20 Sat",
            "2026-06-20 | 2026-06-20 Sat is a rest day (Dragon Boat Festival (端午节)): the period ends on the next working day (Civil Code art. 203)",
            "2026-06-21 | 2026-06-21 Sun is a rest day (Dragon Boat Festival (端午节)): the period ends on the next working day (Civil Code art. 203)",
            "2026-06-22 | due: 2026-06-22 Mon",
            " | state: met (stopped on 2026-06-22)",
        ],
        &[
            "2026-06-10 | 起算：节点「已通知被投诉人」，15:00（2026-06-10 周三）；当日不计入",
            "2026-06-20 | 2026-06-10 + 10 天 = 2026-06-20 周六",
            "2026-06-20 | 2026-06-20 周六 为休息日（端午节）：期限顺延至下一个工作日（民法典第二百零三条）",
            "2026-06-21 | 2026-06-21 周日 为休息日（端午节）：期限顺延至下一个工作日（民法典第二百零三条）",
            "2026-06-22 | 到期：2026-06-22 周一",
            " | 状态：按时（止于 2026-06-22）",
        ],
    );
    let mut unrolled = rule("respondent-reply");
    unrolled.roll = Roll::None;
    check_explained(
        &replied,
        &unrolled,
        "2026-07-01",
        &[
            "2026-06-10 | start: milestone respondent-notified at 15:00 (2026-06-10 Wed); the day itself is not counted",
            "2026-06-20 | 2026-06-10 + 10 days = 2026-06-20 Sat",
            "2026-06-20 | due: 2026-06-20 Sat",
            " | state: missed (stopped on 2026-06-22)",
        ],
        &[
            "2026-06-10 | 起算：节点「已通知被投诉人」，15:00（2026-06-10 周三）；当日不计入",
            "2026-06-20 | 2026-06-10 + 10 天 = 2026-06-20 周六",
            "2026-06-20 | 到期：2026-06-20 周六",
            " | 状态：超时（止于 2026-06-22）",
        ],
    );
}

#[test]
fn explain_says_when_the_case_left_the_workflow_before_the_rule_stopped() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &status("2026-06-09 10:00", "accepted", "rejected");
    let rejected = case("rejected", &events);
    check_explained(
        &rejected,
        &rule("resolution"),
        "2026-07-01",
        &[
            "2026-06-05 | start: case accepted at 10:00 (2026-06-05 Fri); the day itself is not counted",
            "2026-08-04 | 2026-06-05 + 60 days = 2026-08-04 Tue",
            "2026-08-04 | due: 2026-08-04 Tue",
            " | state: stopped on 2026-06-09: the case left the workflow before this rule's own stop; the clock stopped without the act being done",
        ],
        &[
            "2026-06-05 | 起算：案件已受理，10:00（2026-06-05 周五）；当日不计入",
            "2026-08-04 | 2026-06-05 + 60 天 = 2026-08-04 周二",
            "2026-08-04 | 到期：2026-08-04 周二",
            " | 状态：2026-06-09 已停止：案件在此期限自身的终点之前已离开处理流程；计时停止，但该事项未完成",
        ],
    );
}

#[test]
fn explain_of_an_imported_case_says_which_rules_are_not_tracked() {
    let text = "schema: 1\nid: 20260601-K7QF2\nreceived: 2026-06-01T09:30:00+08:00\n\
                status: accepted\nhistory:\n- at: 2026-06-20T09:30:00+08:00\n  by: a\n  \
                action: imported\n  to: accepted\n";
    let imported = parse_yaml_case(text).unwrap();
    let not_tracked = "state: not tracked: the case was imported past this rule, and its \
                       history does not show when the rule started or stopped; it is neither \
                       met, missed nor overdue";
    let zh_not_tracked =
        "状态：未跟踪：案件导入时已过此期限，处理记录未显示其起止时间；不计为按时、超时或逾期";
    // Acceptance starts at receipt, which is known: its days are shown.
    let en = explained(&imported, &rule("acceptance"), "2026-07-01", Language::En);
    assert_eq!(
        en[0],
        "2026-06-01 | start: case received at 09:30 (2026-06-01 Mon); the day itself is not counted"
    );
    assert_eq!(en[en.len() - 2], "2026-06-08 | due: 2026-06-08 Mon");
    assert_eq!(en[en.len() - 1], format!(" | {not_tracked}"));
    // The import hides when the case was accepted: one line says so.
    check_explained(
        &imported,
        &rule("notify-respondent"),
        "2026-07-01",
        &[&format!(" | {not_tracked}")],
        &[&format!(" | {zh_not_tracked}")],
    );
}

#[test]
fn explain_marks_every_day_of_an_uncovered_year_and_warns() {
    let received = case_received("2027-03-01 09:30", "received", "");
    let en = explained(&received, &rule("acceptance"), "2027-03-02", Language::En);
    assert_eq!(
        en[1..],
        [
            "2027-03-02 | 2027-03-02 Tue counted, working day 1 of 5 [year not covered by the calendar: weekends only]",
            "2027-03-03 | 2027-03-03 Wed counted, working day 2 of 5 [year not covered by the calendar: weekends only]",
            "2027-03-04 | 2027-03-04 Thu counted, working day 3 of 5 [year not covered by the calendar: weekends only]",
            "2027-03-05 | 2027-03-05 Fri counted, working day 4 of 5 [year not covered by the calendar: weekends only]",
            "2027-03-06 | 2027-03-06 Sat skipped: weekend [year not covered by the calendar: weekends only]",
            "2027-03-07 | 2027-03-07 Sun skipped: weekend [year not covered by the calendar: weekends only]",
            "2027-03-08 | 2027-03-08 Mon counted, working day 5 of 5 [year not covered by the calendar: weekends only]",
            "2027-03-08 | due: 2027-03-08 Mon?",
            " | state: running, 4 working day(s) left",
            " | warning: calendar 'cn' does not cover 2027: weekends only assumed",
        ]
    );
    let zh = explained(&received, &rule("acceptance"), "2027-03-02", Language::Zh);
    assert_eq!(
        zh[zh.len() - 3..],
        [
            "2027-03-08 | 到期：2027-03-08 周一?",
            " | 状态：进行中，剩余 4 个工作日",
            " | 警告：日历「cn」未覆盖 2027 年：仅按周末计算",
        ]
    );
}

#[test]
fn explain_warns_of_an_uncovered_year_only_for_an_open_deadline_nobody_accepted() {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let cn = crate::calendar::Calendar::builtin("cn").unwrap();
    let warnings = |case: &Case, calendar: &crate::calendar::Calendar| {
        let explanation = explain::explain(
            case,
            &tourism(),
            &rule("acceptance"),
            calendar,
            offset,
            date("2027-03-02"),
            Language::En,
        )
        .unwrap()
        .unwrap();
        assert_eq!(explanation.deadline.due, Some(date("2027-03-08")));
        assert!(explanation.deadline.provisional);
        explanation
            .lines
            .iter()
            .filter(|l| l.text.contains("does not cover"))
            .count()
    };
    let running = case_received("2027-03-01 09:30", "received", "");
    assert_eq!(warnings(&running, &cn), 1);
    // The office accepted 2027 as weekends only: no warning, still marked.
    let accepted = cn.clone().assuming_weekends([2027]);
    assert_eq!(warnings(&running, &accepted), 0);
    // Met: the assumed days no longer matter.
    let met = case_received(
        "2027-03-01 09:30",
        "accepted",
        &status("2027-03-02 10:00", "received", "accepted"),
    );
    assert_eq!(warnings(&met, &cn), 0);
}

#[test]
fn explain_of_a_rule_not_started_is_none() {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let fresh = case("received", "");
    let got = explain::explain(
        &fresh,
        &tourism(),
        &rule("respondent-reply"),
        &calendar,
        offset,
        date("2026-06-02"),
        Language::En,
    )
    .unwrap();
    assert!(got.is_none());
}

#[test]
fn holiday_names_are_found_in_the_neighbouring_years_of_an_uncovered_one() {
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let name = |year| explain::holiday_name(&calendar, Language::Zh, year, "National Day");
    // 2022 and 2027 lie outside the calendar; 2023 and 2026 name the holiday.
    assert_eq!(name(2022), "国庆节");
    assert_eq!(name(2027), "国庆节");
    assert_eq!(name(2026), "国庆节");
    assert_eq!(name(2030), "National Day");
    assert_eq!(
        explain::holiday_name(&calendar, Language::En, 2026, "National Day"),
        "National Day"
    );
    assert_eq!(
        explain::holiday_name(&calendar, Language::Zh, 2026, "Labour Day"),
        "劳动节"
    );
    let makeup = crate::calendar::DayKind::MakeupWorkday {
        pays_back: Some("National Day".into()),
    };
    assert_eq!(
        explain::day_kind_text(&calendar, Language::Zh, 2027, &makeup),
        "国庆节调休上班"
    );
    assert_eq!(explain::weekday(date("2026-10-01")), "2026-10-01 Thu");
}

/// `rule due state` of every deadline of `case` under `policy` on `today`.
fn states_under(policy: &Policy, case: &Case, today: &str) -> Vec<String> {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    evaluate(case, policy, &calendar, offset, date(today))
        .unwrap()
        .into_iter()
        .map(|d| {
            let due = d.due.map_or("-".into(), |due| due.to_string());
            format!("{} {due} {}", d.rule, d.state.as_str())
        })
        .collect()
}

#[test]
fn an_extension_is_described_with_its_unit_grantor_and_reason() {
    let mut extension = Extension {
        amount: 10,
        unit: Unit::Days,
        reason: Some("site visit".into()),
        by: "王芳".into(),
        at: date("2026-06-10"),
    };
    assert_eq!(extension.describe(), "10 days by 王芳: site visit");
    extension.reason = None;
    extension.unit = Unit::Workdays;
    assert_eq!(extension.describe(), "10 workdays by 王芳");
}

#[test]
fn only_an_overdue_deadline_makes_the_case_overdue() {
    let fresh = case("received", "");
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let on = |today| evaluate(&fresh, &tourism(), &calendar, offset, date(today)).unwrap();
    assert!(!on("2026-06-08")[0].overdue());
    assert!(on("2026-06-09")[0].overdue());
}

#[test]
fn promises_are_met_missed_stopped_or_overdue_each_on_its_own() {
    let promised = |at: &str, due: &str| event(at, "promised", &format!("  due: {due}\n"));
    let kept = |at: &str| milestone(at, "promise-kept");
    let accepted = status("2026-06-05 10:00", "received", "accepted");
    let table: &[(&str, String, &str, &[&str])] = &[
        (
            "running, then overdue",
            accepted.clone() + &promised("2026-06-05 11:00", "2026-06-10"),
            "2026-06-10",
            &["promise 2026-06-10 running"],
        ),
        (
            "overdue the day after",
            accepted.clone() + &promised("2026-06-05 11:00", "2026-06-10"),
            "2026-06-11",
            &["promise 2026-06-10 overdue"],
        ),
        (
            "kept on the day, kept late",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &promised("2026-06-05 12:00", "2026-06-12")
                + &kept("2026-06-10 18:00")
                + &kept("2026-06-15 09:00"),
            "2026-07-01",
            &["promise 2026-06-10 met", "promise 2026-06-12 missed"],
        ),
        (
            "the case left the workflow before and after the day",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &promised("2026-06-05 12:00", "2026-06-30")
                + &status("2026-06-20 10:00", "accepted", "withdrawn"),
            "2026-07-01",
            &["promise 2026-06-10 missed", "promise 2026-06-30 stopped"],
        ),
        (
            "a kept promise stays kept when the case leaves",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &kept("2026-06-09 10:00")
                + &status("2026-06-20 10:00", "accepted", "withdrawn"),
            "2026-07-01",
            &["promise 2026-06-10 met"],
        ),
        (
            "a reopening resumes it, and a later exit after its day misses it",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &status("2026-06-08 10:00", "accepted", "resolved")
                + &status("2026-06-09 10:00", "resolved", "investigating")
                + &status("2026-06-20 10:00", "investigating", "resolved"),
            "2026-07-01",
            &["promise 2026-06-10 missed"],
        ),
        (
            "one merged in after the case left is stopped from the start",
            accepted.clone()
                + &status("2026-06-08 10:00", "accepted", "withdrawn")
                + &promised("2026-06-08 11:00", "2026-06-10"),
            "2026-07-01",
            &["promise 2026-06-10 stopped"],
        ),
        (
            "it stays stopped while the case stays out of the workflow",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &status("2026-06-08 10:00", "accepted", "resolved")
                + &status("2026-06-09 10:00", "resolved", "closed"),
            "2026-07-01",
            &["promise 2026-06-10 stopped"],
        ),
        (
            "a move between open states stops nothing",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &status("2026-06-06 10:00", "accepted", "investigating"),
            "2026-06-08",
            &["promise 2026-06-10 running"],
        ),
        (
            "another milestone keeps nothing",
            accepted.clone()
                + &promised("2026-06-05 11:00", "2026-06-10")
                + &milestone("2026-06-08 10:00", "respondent-notified"),
            "2026-06-09",
            &["promise 2026-06-10 running"],
        ),
    ];
    for (name, events, today, want) in table {
        let c = case("accepted", events);
        let got: Vec<String> = states_under(&tourism(), &c, today)
            .into_iter()
            .filter(|d| d.starts_with("promise "))
            .collect();
        assert_eq!(got, *want, "{name}");
    }
    // Days left count from the day read to the promised day.
    let c = case(
        "accepted",
        &(accepted + &promised("2026-06-05 11:00", "2026-06-10")),
    );
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let all = evaluate(&c, &tourism(), &calendar, offset, date("2026-06-08")).unwrap();
    let promise = all.iter().find(|d| d.rule == PROMISE_RULE).unwrap();
    assert_eq!(
        (promise.start, promise.days_left, promise.workdays_left),
        (Some(date("2026-06-05")), Some(2), Some(2))
    );
    assert_eq!(promise.kind, RuleKind::OfficeTarget);
    assert!(!promise.provisional);
    // A promised day is a date the officer gave, not one computed: even
    // in a year the calendar does not cover, it never moves, so it is not
    // provisional (the count of working days left is an estimate there).
    let c = case("accepted", &promised("2026-12-30 11:00", "2027-01-08"));
    let all = evaluate(&c, &tourism(), &calendar, offset, date("2026-12-31")).unwrap();
    let promise = all.iter().find(|d| d.rule == PROMISE_RULE).unwrap();
    assert!(!promise.provisional);
    assert_eq!(promise.uncovered_years, Vec::<i32>::new());
    assert!(
        !promise.warnings.is_empty(),
        "the count says it assumes weekends"
    );
}

#[test]
fn a_due_date_in_a_covered_year_is_not_provisional_when_only_the_count_reaches_an_uncovered_one() {
    // Accepted 2026-11-02: the 60 days end in 2026; read in 2027, the
    // days late cross into the uncovered year, the date does not.
    let c = case(
        "accepted",
        &status("2026-11-02 10:00", "received", "accepted"),
    );
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let all = evaluate(&c, &tourism(), &calendar, offset, date("2027-03-01")).unwrap();
    let resolution = all.iter().find(|d| d.rule == "resolution").unwrap();
    assert_eq!(resolution.state, DeadlineState::Overdue);
    assert_eq!(resolution.due, Some(date("2027-01-01")));
    assert!(resolution.provisional, "2027-01-01 rests on 2027");
    let notify = all.iter().find(|d| d.rule == "notify-respondent").unwrap();
    assert_eq!(notify.state, DeadlineState::Overdue);
    assert!(!notify.provisional, "{notify:?}");
}

/// The tourism rules plus one rule starting at `start`, named `probe`.
fn with_probe(start: &str) -> Policy {
    let mut policy = tourism();
    let mut probe = policy.deadlines[1].clone();
    probe.name = "probe".into();
    probe.start = start.into();
    probe.stop = vec!["resolved".into()];
    policy.deadlines.push(probe);
    policy
}

/// A case imported on 2026-06-20 in `state`, then `events`.
fn imported(state: &str, events: &str) -> Case {
    let text = format!(
        "schema: 1\nid: 20260601-K7QF2\nreceived: 2026-06-01T09:30:00+08:00\nstatus: {state}\nhistory:\n\
         - at: 2026-06-20T09:30:00+08:00\n  by: a\n  action: imported\n  to: {state}\n{events}"
    );
    parse_yaml_case(&text).unwrap()
}

#[test]
fn an_import_hides_only_the_rules_that_started_before_the_state_it_records() {
    // Imported while investigating: receipt and acceptance lie before it.
    let table: &[(&str, &str, &str, &[&str])] = &[
        (
            "accepted",
            "investigating",
            "",
            &[
                "acceptance 2026-06-08 not_tracked",
                "notify-respondent - not_tracked",
                "resolution - not_tracked",
                "probe - not_tracked",
            ],
        ),
        // Mediating is as far from receipt as investigating: not before it.
        (
            "mediating",
            "investigating",
            "",
            &[
                "acceptance 2026-06-08 not_tracked",
                "notify-respondent - not_tracked",
                "resolution - not_tracked",
            ],
        ),
        // Rejected is nearer receipt, but investigating is not reached from it.
        (
            "rejected",
            "investigating",
            "",
            &[
                "acceptance 2026-06-08 not_tracked",
                "notify-respondent - not_tracked",
                "resolution - not_tracked",
            ],
        ),
        // A stop recorded after the import shows how the rule ended.
        (
            "accepted",
            "investigating",
            "- at: 2026-06-22T10:00:00+08:00\n  by: a\n  action: status\n  from: investigating\n  to: withdrawn\n",
            &[
                "acceptance 2026-06-08 missed",
                "notify-respondent - not_tracked",
                "resolution - not_tracked",
                "probe - not_tracked",
            ],
        ),
        // A case imported in the first state is evaluated from its receipt.
        (
            "accepted",
            "received",
            "",
            &["acceptance 2026-06-08 overdue"],
        ),
        // A stop recorded after the import is known: the rule was met.
        (
            "accepted",
            "investigating",
            "- at: 2026-06-22T10:00:00+08:00\n  by: a\n  action: milestone\n  milestone: respondent-notified\n",
            &[
                "acceptance 2026-06-08 not_tracked",
                "notify-respondent - not_tracked",
                "respondent-reply 2026-07-02 running",
                "resolution - not_tracked",
                "probe - not_tracked",
            ],
        ),
    ];
    for (probe, state, events, want) in table {
        let c = imported(state, events);
        assert_eq!(
            states_under(&with_probe(probe), &c, "2026-06-25"),
            *want,
            "probe at {probe}, imported {state}"
        );
    }
}

#[test]
fn a_history_that_opens_with_a_move_is_no_import() {
    // Without an `imported` event nothing is hidden, whatever the first event.
    let text = "schema: 1\nid: 20260601-K7QF2\nreceived: 2026-06-01T09:30:00+08:00\n\
                status: investigating\nhistory:\n- at: 2026-06-01T09:30:00+08:00\n  by: a\n  \
                action: status\n  from: accepted\n  to: investigating\n";
    let c = parse_yaml_case(text).unwrap();
    assert_eq!(
        states_under(&with_probe("accepted"), &c, "2026-06-02"),
        ["acceptance 2026-06-08 running"]
    );
}

#[test]
fn a_rule_that_may_start_at_receipt_starts_there_until_its_milestone() {
    let hospital = Policy::build("hospital", &PolicyOverrides::default()).unwrap();
    let fresh = case("received", "");
    // Department investigation: five working days from receipt (06-01).
    assert!(
        states_under(&hospital, &fresh, "2026-06-02")
            .contains(&"investigation 2026-06-08 running".to_string())
    );
    let marked = case(
        "received",
        &milestone("2026-06-03 10:00", "department-received"),
    );
    assert!(
        states_under(&hospital, &marked, "2026-06-04")
            .contains(&"investigation 2026-06-10 running".to_string())
    );
    let mut strict = hospital.clone();
    for rule in &mut strict.deadlines {
        rule.start_or_receipt = false;
    }
    assert!(
        !states_under(&strict, &fresh, "2026-06-02")
            .iter()
            .any(|d| d.starts_with("investigation "))
    );
}

#[test]
fn a_case_resolved_on_the_spot_meets_the_rules_waiting_for_a_reply() {
    let hospital = Policy::build("hospital", &PolicyOverrides::default()).unwrap();
    let on_the_spot = case(
        "resolved",
        "- at: 2026-06-01T09:30:00+08:00\n  by: a\n  action: status\n  from: received\n  \
         to: resolved\n  outcome: explained\n  on_the_spot: true\n",
    );
    assert_eq!(
        states_under(&hospital, &on_the_spot, "2026-07-01"),
        [
            "first-reply 2026-06-08 met",
            "investigation 2026-06-08 met",
            "resolution 2026-07-14 met"
        ]
    );
    // Resolved later without the reply recorded: the reply rule ended unmet.
    let later = case(
        "resolved",
        "- at: 2026-06-01T09:30:00+08:00\n  by: a\n  action: note\n  note: x\n\
         - at: 2026-06-03T10:00:00+08:00\n  by: a\n  action: status\n  from: received\n  \
         to: resolved\n  outcome: explained\n",
    );
    assert_eq!(
        states_under(&hospital, &later, "2026-07-01")[0],
        "first-reply 2026-06-08 ended"
    );
}

#[test]
fn a_different_milestone_at_the_closing_moment_does_not_meet_the_rule() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &milestone("2026-06-09 10:00", "respondent-replied")
        + &status("2026-06-09 10:00", "accepted", "withdrawn");
    let withdrawn = case("withdrawn", &events);
    let got = summary(&withdrawn, "2026-07-01");
    assert_eq!(got[1].0, "notify-respondent");
    assert_eq!(got[1].2, "ended");
}

#[test]
fn a_stop_before_the_rule_started_neither_stops_nor_ends_it() {
    // Resolved, reopened, and only then the respondent notified: the reply
    // rule runs although the case was once resolved.
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &status("2026-06-08 10:00", "accepted", "investigating")
        + &status("2026-06-09 10:00", "investigating", "resolved")
        + &status("2026-06-10 10:00", "resolved", "investigating")
        + &milestone("2026-06-11 10:00", "respondent-notified");
    let reopened = case("investigating", &events);
    let got = summary(&reopened, "2026-06-12");
    let reply = got.iter().find(|d| d.0 == "respondent-reply").unwrap();
    assert_eq!((reply.1.as_str(), reply.2), ("2026-06-22", "running"));
}

#[test]
fn only_pauses_between_start_and_stop_with_a_counting_reason_move_the_due_date() {
    let suspended = |at: &str, reason: &str| {
        event(
            at,
            "status",
            &format!("  from: accepted\n  to: suspended\n  reason: {reason}\n"),
        )
    };
    let accepted = status("2026-06-05 10:00", "received", "accepted");
    let resumed = |at: &str| status(at, "suspended", "accepted");
    let resolution = |policy: &Policy, events: &str, today: &str| -> String {
        states_under(policy, &case("accepted", events), today)
            .into_iter()
            .find(|d| d.starts_with("resolution "))
            .unwrap()
    };
    let note = event("2026-06-20 10:00", "note", "  note: still waiting\n");
    // A note during the suspension does not end it.
    let with_note = accepted.clone()
        + &suspended("2026-06-15 10:00", "evidence")
        + &note
        + &resumed("2026-06-25 10:00");
    assert_eq!(
        resolution(&tourism(), &with_note, "2026-06-26"),
        "resolution 2026-08-14 running"
    );
    // A reopening resumes the resolution clock, and a suspension after it
    // then moves its due date.
    let after_stop = accepted.clone()
        + &status("2026-07-01 10:00", "accepted", "resolved")
        + &status("2026-07-02 10:00", "resolved", "investigating")
        + &suspended("2026-07-03 10:00", "evidence")
        + &resumed("2026-07-13 10:00");
    assert_eq!(
        resolution(&tourism(), &after_stop, "2026-07-20"),
        "resolution 2026-08-14 running"
    );
    // A suspension after the final resolution does not move it.
    let closed = after_stop.clone() + &status("2026-07-21 10:00", "accepted", "resolved");
    let suspended_after = closed + &status("2026-07-22 10:00", "resolved", "closed");
    assert_eq!(
        resolution(&tourism(), &suspended_after, "2026-07-30"),
        "resolution 2026-08-14 met"
    );
    // With pause reasons listed, only those reasons pause the clock.
    let mut by_reason = tourism();
    for rule in &mut by_reason.deadlines {
        rule.pause_reasons = vec!["evidence".into()];
    }
    let counted = accepted.clone()
        + &suspended("2026-06-15 10:00", "evidence")
        + &resumed("2026-06-25 10:00");
    let other =
        accepted.clone() + &suspended("2026-06-15 10:00", "holiday") + &resumed("2026-06-25 10:00");
    assert_eq!(
        resolution(&by_reason, &counted, "2026-06-26"),
        "resolution 2026-08-14 running"
    );
    assert_eq!(
        resolution(&by_reason, &other, "2026-06-26"),
        "resolution 2026-08-04 running"
    );
}

#[test]
fn a_working_day_rule_adds_its_pauses_and_both_kinds_of_extension() {
    let mut policy = tourism();
    let acceptance = &mut policy.deadlines[0];
    acceptance.pause = vec!["suspended".into()];
    let ext = |at: &str, rule: &str, amount: i64, unit: &str| {
        event(
            at,
            "extended",
            &format!("  rule: {rule}\n  amount: {amount}\n  unit: {unit}\n"),
        )
    };
    // Received Monday 06-01; suspended Wed 06-03 to Fri 06-05 (two working
    // days); three working days and three calendar days of extension; a zero
    // extension and another rule's extension change nothing.
    let events = status("2026-06-03 10:00", "received", "suspended")
        + &status("2026-06-05 10:00", "suspended", "received")
        + &ext("2026-06-05 11:00", "acceptance", 3, "workdays")
        + &ext("2026-06-05 11:00", "acceptance", 3, "days")
        + &ext("2026-06-05 11:00", "acceptance", 0, "days")
        + &ext("2026-06-05 11:00", "resolution", 9, "days");
    let c = case("received", &events);
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let all = evaluate(&c, &policy, &calendar, offset, date("2026-06-08")).unwrap();
    let acceptance = &all[0];
    // 5 + 2 paused + 3 extended working days from 06-01: Mon 06-15; three
    // more calendar days: Thu 06-18, a working day.
    assert_eq!(acceptance.due, Some(date("2026-06-18")));
    assert_eq!(acceptance.pauses.len(), 1);
    assert_eq!(acceptance.pauses[0].adds, 2);
    assert_eq!(acceptance.extensions.len(), 2);
    assert_eq!(
        (acceptance.days_left, acceptance.workdays_left),
        (Some(10), Some(8))
    );
}

#[test]
fn leaving_the_workflow_before_the_own_stop_stops_the_rule_unmet() {
    // Transferred on 06-08; the respondent-notified milestone merged in
    // afterwards does not turn the stopped rule into a met one.
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &status("2026-06-08 10:00", "accepted", "transferred")
        + &milestone("2026-06-09 10:00", "respondent-notified");
    let transferred = case("transferred", &events);
    let got = summary(&transferred, "2026-07-01");
    assert_eq!(
        got.iter().map(|d| (d.0.as_str(), d.2)).collect::<Vec<_>>(),
        [
            ("acceptance", "met"),
            ("notify-respondent", "stopped"),
            // It starts after the case left: it stops at once.
            ("respondent-reply", "stopped"),
            ("resolution", "stopped"),
        ]
    );
}

#[test]
fn a_case_resumed_today_is_running_again() {
    let events = status("2026-06-05 10:00", "received", "accepted")
        + &status("2026-06-15 10:00", "accepted", "suspended")
        + &status("2026-06-25 10:00", "suspended", "accepted");
    let resumed = case("accepted", &events);
    let got = summary(&resumed, "2026-06-25");
    let resolution = got.iter().find(|d| d.0 == "resolution").unwrap();
    assert_eq!(
        (resolution.1.as_str(), resolution.2),
        ("2026-08-14", "running")
    );
}

#[test]
fn without_status_events_the_file_status_is_the_current_state() {
    let rejected = case("rejected", "");
    assert_eq!(current_status(&rejected, &tourism()), "rejected");
    let unset = case("''", "");
    assert_eq!(current_status(&unset, &tourism()), "received");
}

#[test]
fn a_deadline_in_an_uncovered_year_is_provisional_and_warns_once() {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let calendar = crate::calendar::Calendar::builtin("cn").unwrap();
    let received = case_received("2027-03-01 09:30", "received", "");
    let all = evaluate(&received, &tourism(), &calendar, offset, date("2027-03-02")).unwrap();
    let acceptance = &all[0];
    assert_eq!(acceptance.due, Some(date("2027-03-08")));
    assert!(acceptance.provisional);
    assert_eq!(acceptance.uncovered_years, [2027]);
    assert_eq!(
        acceptance.warnings,
        ["calendar 'cn' does not cover 2027: weekends only assumed"]
    );
    let covered = case("received", "");
    let all = evaluate(&covered, &tourism(), &calendar, offset, date("2026-06-02")).unwrap();
    assert!(!all[0].provisional);
    assert!(all[0].uncovered_years.is_empty());
}

#[test]
fn pauses_count_until_the_rule_stops_and_not_after() {
    let mut policy = tourism();
    let resolution = policy
        .deadlines
        .iter_mut()
        .find(|r| r.name == "resolution")
        .unwrap();
    resolution.stop = vec!["respondent-replied".into(), "resolved".into()];
    let due = |events: &str| -> String {
        states_under(&policy, &case("accepted", events), "2026-09-01")
            .into_iter()
            .find(|d| d.starts_with("resolution "))
            .unwrap()
    };
    let accepted = status("2026-06-05 10:00", "received", "accepted");
    let suspension = status("2026-06-15 10:00", "accepted", "suspended")
        + &status("2026-06-25 10:00", "suspended", "accepted");
    // Suspended before the resolution: ten days added (resolved in time,
    // without the reply the rule now waits for).
    let before =
        accepted.clone() + &suspension + &status("2026-08-10 10:00", "accepted", "resolved");
    assert_eq!(due(&before), "resolution 2026-08-14 ended");
    // Suspended after the reply milestone stopped the rule: nothing added.
    let after = accepted + &milestone("2026-06-10 10:00", "respondent-replied") + &suspension;
    assert_eq!(due(&after), "resolution 2026-08-04 met");
}

// How leaving the workflow ends each clock.

#[test]
fn the_later_of_two_moves_from_one_state_wins_and_ties_go_down_the_history() {
    let c = case(
        "rejected",
        &(status("2026-11-03 10:00", "received", "accepted")
            + &status("2026-11-03 10:00", "received", "rejected")),
    );
    assert_eq!(status_from_history(&c.history), Some("rejected"));
    assert_eq!(current_status(&c, &tourism()), "rejected");
}

#[test]
fn a_milestone_merged_in_after_a_rejection_starts_no_clock() {
    let c = case(
        "rejected",
        &(status("2026-11-03 10:00", "received", "accepted")
            + &status("2026-11-04 10:00", "received", "rejected")
            + &milestone("2026-11-05 10:00", "respondent-notified")),
    );
    for state in states_under(&tourism(), &c, "2027-06-01") {
        let open = ["running", "overdue", "paused"];
        assert!(!open.iter().any(|o| state.ends_with(o)), "{state}");
    }
}

#[test]
fn leaving_after_the_due_date_is_missed_and_before_it_stopped() {
    // Neither rule lists `transferred` as a stop; the move still ends them.
    let c = case(
        "transferred",
        &(status("2026-11-03 10:00", "received", "accepted")
            + &status("2026-12-20 10:00", "received", "transferred")),
    );
    let got = states_under(&tourism(), &c, "2027-06-01");
    assert!(
        got.iter()
            .any(|s| s.starts_with("notify-respondent ") && s.ends_with(" missed")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|s| s.starts_with("resolution ") && s.ends_with(" stopped")),
        "{got:?}"
    );
}
