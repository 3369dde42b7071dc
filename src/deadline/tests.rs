//! Deadlines of hand-built case histories, table by table, with the day
//! they are read on passed in: the tourism rules on the PRC calendar.

use chrono::{FixedOffset, NaiveDate};

use super::*;
use crate::policy::PolicyOverrides;
use crate::storage::casefile::parse_yaml_case;

/// The tourism rules, with the workspace decision that a suspension pauses
/// the 60-day limit (off by default: art. 25 provides no pause).
fn tourism() -> Policy {
    let decided = PolicyOverrides {
        suspension_pauses: Some(vec!["resolution".into()]),
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
