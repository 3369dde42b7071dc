//! The iCalendar feed of open deadlines (`plaint agenda --ics`, RFC 5545):
//! one all-day event per deadline on its due date, with a display alarm
//! the day before, so an officer's deadlines land in the calendar of a
//! phone or of Outlook.
//!
//! The `icalendar` crate writes the lines: it escapes text values
//! (`\,` `\;` `\\` `\n`), folds lines at 75 octets on character
//! boundaries (a Chinese title is three octets a character) and ends them
//! with CRLF. This module decides what goes in them.
//!
//! A UID names the deadline, not the run: the case ID, the rule (or
//! `promise-N` for the case's Nth promise) and the office, so importing
//! the feed again updates the events instead of adding copies. The
//! sequence number is the length of the case's history, which grows with
//! every change (an extension, a pause), so a client takes the newer
//! version of an event.

use std::fmt::Write as _;

use chrono::{DateTime, Days, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Class, Component, EventLike, Property};
use sha2::{Digest, Sha256};

/// One event of the feed, its texts already in the office's language.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The case ID.
    pub id: String,
    /// What tells the deadline apart within its case (the rule, `promise-N`).
    pub key: String,
    /// The due date: the day of the event.
    pub due: NaiveDate,
    /// The event's title: case ID, rule and case title.
    pub summary: String,
    /// The event's description.
    pub description: String,
    /// Grows with every change of the case.
    pub sequence: usize,
}

/// The domain part of every UID of an office's feed: a short hash of the
/// office's name (or of `plaint` for an office without one), so feeds of
/// two offices never share an event while two clones of one office do.
pub fn uid_domain(office: Option<&str>) -> String {
    let name = office.map(str::trim).filter(|n| !n.is_empty());
    let digest = Sha256::digest(name.unwrap_or("plaint").as_bytes());
    let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.plaint")
}

/// The UID of the deadline `key` of case `id` in the office of `domain`:
/// `20261129-K7QF2.acceptance@1a2b3c4d.plaint`. Characters other than
/// ASCII letters, digits, `-`, `_` and `.` are percent-encoded.
pub fn uid(id: &str, key: &str, domain: &str) -> String {
    let mut out = String::new();
    for part in [id, ".", key] {
        for c in part.chars() {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                out.push(c);
            } else {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
        }
    }
    format!("{out}@{domain}")
}

/// The feed: a calendar named `name`, one event per entry, each with a
/// display alarm saying `alarm` at the start of the day before (for an
/// all-day event that is midnight, local time on the device). `stamp` is
/// the moment the feed was made (DTSTAMP).
pub fn feed(
    name: &str,
    domain: &str,
    entries: &[Entry],
    alarm: &str,
    stamp: DateTime<Utc>,
) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//plaint//agenda//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    calendar.name(name);
    for entry in entries {
        let day_after = entry
            .due
            .checked_add_days(Days::new(1))
            .unwrap_or(entry.due);
        let uid = uid(&entry.id, &entry.key, domain);
        // The crate gives every component a DTSTAMP and a random UID unless
        // told otherwise; the alarm's are fixed too (RFC 9074 allows a UID
        // in a VALARM), so two runs write the same feed. The trigger is a
        // nominal day before the start (`-P1D`), not 86,400 seconds.
        let alarm = Alarm::display(alarm, -chrono::Duration::days(1))
            .uid(&format!("{uid}.alarm"))
            .timestamp(stamp)
            .append_property(Property::new("TRIGGER", "-P1D"))
            .done();
        let event = icalendar::Event::new()
            .uid(&uid)
            .timestamp(stamp)
            .sequence(u32::try_from(entry.sequence).unwrap_or(u32::MAX))
            .summary(&plain(&entry.summary))
            .description(&plain(&entry.description))
            .class(Class::Private)
            .append_property(date_property("DTSTART", entry.due))
            .append_property(date_property("DTEND", day_after))
            // An all-day deadline takes no time: the officer is not busy.
            .append_property(Property::new("TRANSP", "TRANSPARENT"))
            .alarm(alarm)
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

/// `text` without the control characters RFC 5545 forbids in a TEXT
/// value (line breaks are kept: the crate writes them as `\n`), so a
/// title pasted with an escape sequence or a NUL still makes a valid feed.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// `DTSTART;VALUE=DATE:20261204`.
fn date_property(key: &str, date: NaiveDate) -> Property {
    Property::new(key, date.format("%Y%m%d").to_string())
        .add_parameter("VALUE", "DATE")
        .done()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(summary: &str) -> Entry {
        Entry {
            id: "20261129-K7QF2".into(),
            key: "acceptance".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            summary: summary.into(),
            description: "一;二,三\n四".into(),
            sequence: 3,
        }
    }

    fn stamp() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-29T02:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn uids_name_the_case_the_rule_and_the_office() {
        let domain = uid_domain(Some("桂林市文化广电和旅游局"));
        assert_eq!(domain, uid_domain(Some(" 桂林市文化广电和旅游局 ")));
        assert_ne!(domain, uid_domain(None));
        assert_eq!(uid_domain(None), uid_domain(Some("")));
        assert_eq!(
            uid("20261129-K7QF2", "promise-2", "x.plaint"),
            "20261129-K7QF2.promise-2@x.plaint"
        );
        assert_eq!(uid("A", "受理 1", "x"), "A.%E5%8F%97%E7%90%86%201@x");
    }

    #[test]
    fn lines_end_in_crlf_fold_at_75_octets_and_escape_text() {
        let title = "导游强迫购物，".repeat(12);
        let text = feed("plaint", "x.plaint", &[entry(&title)], "明天到期", stamp());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{title}")));
        assert!(unfolded.contains("DESCRIPTION:一\\;二\\,三\\n四"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20261204\r\n"));
        assert!(unfolded.contains("DTEND;VALUE=DATE:20261205\r\n"));
        assert!(unfolded.contains("TRIGGER:-P1D\r\n"));
        assert!(unfolded.contains("DTSTAMP:20261129T020000Z\r\n"));
        assert!(unfolded.contains("UID:20261129-K7QF2.acceptance@x.plaint\r\n"));
        assert!(unfolded.contains("SEQUENCE:3\r\n"));
    }

    #[test]
    fn control_characters_never_reach_the_feed() {
        let text = feed(
            "x",
            "x.plaint",
            &[entry("\u{1b}[31mred\u{0}\r\ntitle")],
            "a",
            stamp(),
        );
        assert!(!text.contains('\u{1b}') && !text.contains('\u{0}'));
        assert!(text.contains("SUMMARY:[31mred\\ntitle\r\n"), "{text}");
    }

    #[test]
    fn the_feed_reads_back_through_a_parser() {
        use icalendar::{CalendarComponent, DatePerhapsTime};
        let text = feed("王芳", "x.plaint", &[entry("a, b; c")], "明天", stamp());
        let parsed: Calendar = text.parse().expect("parses");
        let events: Vec<_> = parsed
            .components
            .iter()
            .filter_map(CalendarComponent::as_event)
            .collect();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].get_summary(), Some("a, b; c"));
        assert_eq!(
            events[0].get_start(),
            Some(DatePerhapsTime::Date(
                NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
            ))
        );
    }
}
