//! Report periods: `2026-Q3`, `2026-07`, `2026`, or `2026-07-01..2026-09-30`.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dates::parse_date;
use crate::error::{Error, Result};

/// An inclusive range of days with the label the user gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    /// As typed, e.g. `2026-Q3`.
    pub label: String,
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

impl Period {
    /// Parses a period, naming the accepted forms when it cannot.
    pub fn parse(text: &str) -> Result<Period> {
        let text = text.trim();
        let bad = |why: crate::messages::said::Said| {
            Error::invalid(crate::said!("bad-period", text = text, why = why))
        };
        let (start, end) = if let Some((a, b)) = text.split_once("..") {
            let date =
                |d: &str| parse_date(d).map_err(|_| bad(crate::said!("period-bad-date", date = d)));
            let (start, end) = (date(a)?, date(b)?);
            if end < start {
                return Err(bad(crate::said!("period-backwards")));
            }
            (start, end)
        } else if let Some((year, quarter)) = text.split_once(['Q', 'q']) {
            let year = parse_year(year.trim_end_matches('-'))
                .ok_or_else(|| bad(crate::said!("period-no-year")))?;
            let q: u32 = quarter
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| bad(crate::said!("period-bad-quarter")))?;
            month_range(year, q * 3 - 2, q * 3)
                .ok_or_else(|| bad(crate::said!("period-out-of-range")))?
        } else if let Some((year, month)) = text.split_once('-') {
            let year = parse_year(year).ok_or_else(|| bad(crate::said!("period-no-year")))?;
            let m: u32 = month
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| bad(crate::said!("period-bad-month")))?;
            month_range(year, m, m).ok_or_else(|| bad(crate::said!("period-out-of-range")))?
        } else {
            let year = parse_year(text).ok_or_else(|| bad(crate::said!("period-not-a-period")))?;
            month_range(year, 1, 12).ok_or_else(|| bad(crate::said!("period-out-of-range")))?
        };
        Ok(Period {
            label: text.to_string(),
            start,
            end,
        })
    }

    /// Whether `day` lies in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.start..=self.end).contains(&day)
    }
}

fn parse_year(text: &str) -> Option<i32> {
    (text.len() == 4)
        .then(|| text.parse().ok())
        .flatten()
        .filter(|y| (1..=9999).contains(y))
}

fn month_range(year: i32, first: u32, last: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, first, 1)?;
    let next = if last == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, last + 1, 1)
    };
    let end = next
        .map(|n| n.pred_opt().expect("not the first day"))
        .or_else(|| NaiveDate::from_ymd_opt(year, 12, 31))?;
    debug_assert_eq!(end.year(), year);
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> (String, String) {
        let p = Period::parse(text).unwrap();
        (p.start.to_string(), p.end.to_string())
    }

    #[test]
    fn the_four_forms() {
        assert_eq!(range("2026-Q3"), ("2026-07-01".into(), "2026-09-30".into()));
        assert_eq!(range("2026-Q4"), ("2026-10-01".into(), "2026-12-31".into()));
        assert_eq!(range("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(range("2026"), ("2026-01-01".into(), "2026-12-31".into()));
        assert_eq!(
            range("2026-07-01..2026-09-30"),
            ("2026-07-01".into(), "2026-09-30".into())
        );
    }

    #[test]
    fn bad_periods_are_refused() {
        for bad in [
            "2026-Q5",
            "2026-Q0",
            "2026-13",
            "2026-00",
            "2026-09-31..2026-10-01",
            "2026-10-01..2026-01-01",
            "26",
            "Q3",
            "last quarter",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }
}
