//! Parsing the dates and times people type and spreadsheets export.
//!
//! Strict on purpose: `2026-02-30` or `yesterday` is an error naming the
//! accepted forms, never a guess.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::error::{Error, Result};

/// The date forms plaint reads, named in the workspace language.
fn date_forms() -> crate::messages::said::Said {
    crate::said!("date-forms")
}

/// The years a case's dates (receipt, contract end, history events, `--at`)
/// may fall in: every deadline computed from them stays within what the
/// calendar arithmetic handles, and a typo such as `20026` is caught.
pub const RECORD_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Refuses a date of a case outside [`RECORD_YEARS`], naming `what`.
pub fn check_record_date(date: NaiveDate, what: &str) -> Result<()> {
    use chrono::Datelike;
    if RECORD_YEARS.contains(&date.year()) {
        return Ok(());
    }
    Err(Error::invalid(crate::said!(
        "date-out-of-years",
        what = what,
        date = date,
        first = RECORD_YEARS.start(),
        last = RECORD_YEARS.end()
    )))
}

/// Parses a date: `2026-11-29`, `2026/11/29` or `2026年11月29日`.
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    let normalized = normalize_separators(text);
    NaiveDate::parse_from_str(&normalized, "%Y-%m-%d")
        .ok()
        .filter(|_| is_plain_date(&normalized))
        .ok_or_else(|| Error::bad_date(crate::said!("bad-date", text = text, forms = date_forms())))
}

/// Parses a moment: RFC 3339 (`2026-11-29T09:30:00+08:00`), or a date with
/// an optional local time (`2026-11-29 09:30`, `2026/11/29`), read in the
/// office's `offset`. A date alone means the start of that day.
pub fn parse_datetime(text: &str, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Ok(moment);
    }
    let normalized = normalize_separators(text).replace('T', " ");
    let (date_part, time_part) = match normalized.split_once(' ') {
        Some((d, t)) => (d.to_string(), Some(t.trim().to_string())),
        None => (normalized.clone(), None),
    };
    let bad = || {
        Error::bad_date(crate::said!(
            "bad-datetime",
            text = text,
            forms = date_forms()
        ))
    };
    let date = parse_date(&date_part).map_err(|_| bad())?;
    let time = match time_part.as_deref() {
        None | Some("") => NaiveTime::MIN,
        Some(t) => NaiveTime::parse_from_str(t, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
            .map_err(|_| bad())?,
    };
    offset
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()
        .ok_or_else(bad)
}

/// Maps `/` and `年月日` separators to `-`.
fn normalize_separators(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '/' | '年' | '月' => out.push('-'),
            '日' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Chrono accepts `+2026-1-5`-like oddities; a date is four digits, then
/// one or two for month and day.
fn is_plain_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && (1..=2).contains(&parts[1].len())
        && (1..=2).contains(&parts[2].len())
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// The current moment, truncated to seconds, in `offset`. Only the CLI calls
/// this; the domain receives times as arguments.
pub fn now_in(offset: FixedOffset) -> DateTime<FixedOffset> {
    let now = chrono::Utc::now().with_timezone(&offset);
    now - chrono::Duration::nanoseconds(now.timestamp_subsec_nanos() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cst() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    #[test]
    fn accepted_date_forms() {
        let want = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        for text in ["2026-11-29", "2026/11/29", "2026年11月29日", " 2026-11-29 "] {
            assert_eq!(parse_date(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn impossible_and_vague_dates_are_refused() {
        for text in [
            "2026-13-01",
            "2026-02-30",
            "yesterday",
            "",
            "26-1-1",
            "+2026-01-01",
        ] {
            let err = parse_date(text).unwrap_err().to_string();
            assert!(err.contains("not a valid date"), "{text}: {err}");
        }
    }

    #[test]
    fn datetimes_in_the_office_offset() {
        let t = parse_datetime("2026-11-29 09:30", cst()).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-29T09:30:00+08:00");
        let t = parse_datetime("2026-11-29T09:30:00Z", cst()).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-29T09:30:00+00:00");
        let t = parse_datetime("2026年11月29日", cst()).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-29T00:00:00+08:00");
        assert!(parse_datetime("2026-11-29 25:00", cst()).is_err());
    }
}
