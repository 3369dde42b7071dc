//! A year's holiday schedule read from a file the office did not write
//! by hand: a simple table (`date,kind,name`) or the holiday-cn JSON
//! layout (`{"year": 2027, "days": [{"name", "date", "isOffDay"}]}`),
//! checked and turned into the YAML of a calendar file.
//!
//! Parsing and checking only: the caller reads the file, holds the lock
//! and writes the result.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::messages::Language;
use crate::msg;

use super::{Calendar, CalendarError, DayKind, FIRST_YEAR, LAST_YEAR};

/// The first words of every calendar file `plaint calendar import`
/// writes; such a file is rewritten by the next import, any other is not.
pub const IMPORTED_MARK: &str = "# plaint calendar import";

/// The public holidays every year of the national schedule names
/// (a Chinese and an English form of each, matched as parts of names, as
/// holiday-cn writes 中秋节、国庆节 as one name).
const NATIONAL: [National; 7] = [
    National("元旦", "new year", "New Year's Day", "元旦"),
    National("春节", "spring festival", "Spring Festival", "春节"),
    National("清明", "tomb", "Tomb-sweeping Day", "清明节"),
    National("劳动", "labour", "Labour Day", "劳动节"),
    National("端午", "dragon boat", "Dragon Boat Festival", "端午节"),
    National("中秋", "mid-autumn", "Mid-autumn Festival", "中秋节"),
    National("国庆", "national day", "National Day", "国庆节"),
];

/// A public holiday: the parts of a name that mean it (Chinese, English
/// in lower case), and its full English and Chinese names.
struct National(&'static str, &'static str, &'static str, &'static str);

impl National {
    fn named_by(&self, name: &str) -> bool {
        name.contains(self.0) || name.to_lowercase().contains(self.1)
    }
}

/// One year's schedule as read from a file: every day off of its holiday
/// periods and every make-up working day, each with the holiday's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The year the schedule is for.
    pub year: i32,
    /// Days off, with the holiday's name as the file writes it.
    pub holidays: BTreeMap<NaiveDate, String>,
    /// Make-up working days, with the name of the holiday they pay back.
    pub workdays: BTreeMap<NaiveDate, String>,
}

fn invalid(label: &str, message: String) -> CalendarError {
    CalendarError::Invalid {
        file: label.to_string(),
        message,
    }
}

/// Reads a schedule: JSON when the text starts with `{`, else a table.
pub fn parse(label: &str, text: &str, lang: Language) -> Result<Schedule, CalendarError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = if text.trim_start().starts_with('{') {
        json_rows(label, text, lang)?
    } else {
        table_rows(label, text, lang)?
    };
    let (year, rows) = rows;
    collect(label, year, rows, lang)
}

/// A day of the file: its date, whether it is a day off, its name, and
/// where it stands (a row or entry number, for messages).
struct Row {
    at: usize,
    date: NaiveDate,
    off: bool,
    name: String,
}

#[derive(Deserialize)]
struct HolidayCn {
    year: i32,
    days: Vec<HolidayCnDay>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HolidayCnDay {
    name: String,
    date: String,
    is_off_day: bool,
}

type Rows = (Option<i32>, Vec<Row>);

fn json_rows(label: &str, text: &str, lang: Language) -> Result<Rows, CalendarError> {
    let doc: HolidayCn = serde_json::from_str(text).map_err(|e| {
        invalid(
            label,
            msg!(
                lang,
                "calendar-import-json",
                line = e.line(),
                column = e.column(),
                message = e
            ),
        )
    })?;
    let mut rows = Vec::new();
    for (i, day) in doc.days.into_iter().enumerate() {
        let at = i + 1;
        rows.push(Row {
            at,
            date: date_of(label, at, &day.date, lang)?,
            off: day.is_off_day,
            name: day.name.trim().to_string(),
        });
    }
    Ok((Some(doc.year), rows))
}

fn table_rows(label: &str, text: &str, lang: Language) -> Result<Rows, CalendarError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let at = i + 1;
        let record = record.map_err(|e| {
            invalid(
                label,
                msg!(lang, "calendar-import-row", row = at, message = e),
            )
        })?;
        let cell = |n: usize| record.get(n).unwrap_or("").to_string();
        let (date, kind, name) = (cell(0), cell(1), cell(2));
        if date.is_empty() || date.starts_with('#') {
            continue;
        }
        // A first row that is not a date is the table's header.
        if i == 0 && !date.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        rows.push(Row {
            at,
            date: date_of(label, at, &date, lang)?,
            off: kind_of(label, at, &kind, lang)?,
            name,
        });
    }
    Ok((None, rows))
}

fn date_of(label: &str, at: usize, text: &str, lang: Language) -> Result<NaiveDate, CalendarError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()))
        .ok_or_else(|| {
            invalid(
                label,
                msg!(lang, "calendar-import-date", row = at, date = text),
            )
        })
}

/// Whether a table's second column says a day off (`true`) or a make-up
/// working day (`false`).
fn kind_of(label: &str, at: usize, text: &str, lang: Language) -> Result<bool, CalendarError> {
    match text.to_lowercase().as_str() {
        "holiday" | "off" | "true" | "休" | "休息" | "放假" | "假" | "节假日" | "假日" => {
            Ok(true)
        }
        "workday" | "work" | "false" | "班" | "上班" | "补班" | "调休上班" | "工作日" => {
            Ok(false)
        }
        _ => Err(invalid(
            label,
            msg!(lang, "calendar-import-kind", row = at, kind = text),
        )),
    }
}

/// The rows as one year's schedule: one year (the JSON's `year`, else the
/// year most dates fall in), each day once, every day named.
fn collect(
    label: &str,
    year: Option<i32>,
    rows: Vec<Row>,
    lang: Language,
) -> Result<Schedule, CalendarError> {
    let year = match year {
        Some(y) => y,
        None => {
            main_year(&rows).ok_or_else(|| invalid(label, msg!(lang, "calendar-import-empty")))?
        }
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(invalid(
            label,
            msg!(
                lang,
                "calendar-import-year",
                year = year,
                first = FIRST_YEAR,
                last = LAST_YEAR
            ),
        ));
    }
    let mut schedule = Schedule {
        year,
        holidays: BTreeMap::new(),
        workdays: BTreeMap::new(),
    };
    for row in rows {
        if row.name.is_empty() {
            return Err(invalid(
                label,
                msg!(
                    lang,
                    "calendar-import-unnamed",
                    row = row.at,
                    date = row.date
                ),
            ));
        }
        if row.name.chars().any(char::is_control) {
            return Err(invalid(
                label,
                msg!(
                    lang,
                    "calendar-import-control",
                    row = row.at,
                    date = row.date
                ),
            ));
        }
        let twice =
            schedule.holidays.contains_key(&row.date) || schedule.workdays.contains_key(&row.date);
        if twice {
            return Err(invalid(
                label,
                msg!(lang, "calendar-import-twice", row = row.at, date = row.date),
            ));
        }
        let list = if row.off {
            &mut schedule.holidays
        } else {
            &mut schedule.workdays
        };
        list.insert(row.date, row.name);
    }
    Ok(schedule)
}

fn main_year(rows: &[Row]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for row in rows {
        *counts.entry(row.date.year()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, -year))
        .map(|(y, _)| y)
}

impl Schedule {
    /// Checks the schedule against the calendar it will extend, and keeps
    /// only its own year: a day of a neighbouring year (holiday-cn lists
    /// the days of a holiday that starts in December under the next year)
    /// must agree with the calendar, which must cover that year. Every
    /// make-up working day must fall on a weekend, and the year must name
    /// all seven public holidays.
    pub fn checked(
        mut self,
        label: &str,
        base: &Calendar,
        lang: Language,
    ) -> Result<Schedule, CalendarError> {
        let year = self.year;
        let outside = |d: &NaiveDate| d.year() != year;
        for (date, name) in self.holidays.iter().filter(|(d, _)| outside(d)) {
            agrees(label, base, *date, true, name, lang)?;
        }
        for (date, name) in self.workdays.iter().filter(|(d, _)| outside(d)) {
            agrees(label, base, *date, false, name, lang)?;
        }
        self.holidays.retain(|d, _| !outside(d));
        self.workdays.retain(|d, _| !outside(d));
        let weekend = base.weekend();
        if let Some(date) = self
            .workdays
            .keys()
            .find(|d| !weekend.contains(d.weekday()))
        {
            return Err(invalid(
                label,
                msg!(
                    lang,
                    "calendar-import-workday-weekday",
                    date = date,
                    weekday = crate::messages::fill(
                        lang,
                        &format!("weekday-{}", date.weekday().number_from_monday()),
                        &[]
                    )
                ),
            ));
        }
        let missing: Vec<&str> = NATIONAL
            .iter()
            .filter(|n| !self.holidays.values().any(|name| n.named_by(name)))
            .map(|n| if lang == Language::Zh { n.3 } else { n.2 })
            .collect();
        if !missing.is_empty() {
            return Err(invalid(
                label,
                msg!(
                    lang,
                    "calendar-import-incomplete",
                    year = year,
                    missing = crate::messages::join(lang, &missing)
                ),
            ));
        }
        Ok(self)
    }

    /// The YAML of a calendar file `name` extending `extends` that holds
    /// the years of `earlier` (an imported file's text, if there is one)
    /// with this schedule's year replaced or added. Comments in `lang`.
    pub fn file_text(
        &self,
        label: &str,
        name: &str,
        extends: &str,
        earlier: Option<&str>,
        lang: Language,
    ) -> Result<String, CalendarError> {
        let mut years: BTreeMap<i32, YearBlock> = match earlier {
            Some(text) => {
                serde_yaml::from_str::<ImportedFile>(text)
                    .map_err(|e| invalid(label, crate::yaml_error::describe_yaml(lang, &e)))?
                    .years
            }
            None => BTreeMap::new(),
        };
        years.insert(self.year, self.block());
        let mut out = String::new();
        out.push_str(IMPORTED_MARK);
        out.push_str(&msg!(lang, "calendar-import-file-head"));
        out.push('\n');
        let _ = writeln!(out, "name: {name}\nextends: {extends}\nyears:");
        for (year, block) in &years {
            let _ = writeln!(out, "  {year}:");
            push_days(&mut out, "holidays", &block.holidays);
            push_days(&mut out, "workdays", &block.workdays);
        }
        Ok(out)
    }

    fn block(&self) -> YearBlock {
        let entry = |date: &NaiveDate, name: &str| {
            let (en, zh) = names(name);
            Day {
                date: date.to_string(),
                name: en,
                zh,
            }
        };
        YearBlock {
            holidays: self.holidays.iter().map(|(d, n)| entry(d, n)).collect(),
            workdays: self.workdays.iter().map(|(d, n)| entry(d, n)).collect(),
        }
    }
}

/// A day outside the schedule's year must say what the calendar says.
fn agrees(
    label: &str,
    base: &Calendar,
    date: NaiveDate,
    off: bool,
    name: &str,
    lang: Language,
) -> Result<(), CalendarError> {
    let kind = base.day_kind(date);
    let ok = base.covers(date.year())
        && match kind {
            DayKind::Holiday(_) => off,
            DayKind::MakeupWorkday { .. } => !off,
            _ => false,
        };
    if ok {
        Ok(())
    } else {
        Err(invalid(
            label,
            msg!(
                lang,
                "calendar-import-other-year",
                date = date,
                name = name,
                year = date.year()
            ),
        ))
    }
}

/// The English name and the Chinese name of a holiday named `name`
/// (in either language): a national holiday gets the other form; other
/// names stay as written.
fn names(name: &str) -> (String, Option<String>) {
    let found: Vec<&National> = NATIONAL.iter().filter(|n| n.named_by(name)).collect();
    let single = match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    if name.is_ascii() {
        (name.to_string(), single.map(|n| n.3.to_string()))
    } else {
        (
            single.map_or_else(|| name.to_string(), |n| n.2.to_string()),
            Some(name.to_string()),
        )
    }
}

fn push_days(out: &mut String, key: &str, days: &[Day]) {
    if days.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {key}:");
    for day in days {
        let name = serde_json::to_string(&day.name).unwrap_or_default();
        match &day.zh {
            Some(zh) if key == "holidays" => {
                let zh = serde_json::to_string(zh).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "      - {{date: {}, name: {name}, zh: {zh}}}",
                    day.date
                );
            }
            _ => {
                let _ = writeln!(out, "      - {{date: {}, name: {name}}}", day.date);
            }
        }
    }
}

/// The shape of a file this module wrote, read back to add a year.
#[derive(Debug, Deserialize)]
struct ImportedFile {
    #[serde(default)]
    years: BTreeMap<i32, YearBlock>,
}

#[derive(Debug, Default, Deserialize)]
struct YearBlock {
    #[serde(default)]
    holidays: Vec<Day>,
    #[serde(default)]
    workdays: Vec<Day>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
struct Day {
    date: String,
    name: String,
    #[serde(default)]
    zh: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{"year": 2027, "papers": [], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "春节", "date": "2027-02-06", "isOffDay": true},
        {"name": "春节", "date": "2027-02-14", "isOffDay": false},
        {"name": "清明节", "date": "2027-04-05", "isOffDay": true},
        {"name": "劳动节", "date": "2027-05-01", "isOffDay": true},
        {"name": "端午节", "date": "2027-06-09", "isOffDay": true},
        {"name": "中秋节", "date": "2027-09-15", "isOffDay": true},
        {"name": "国庆节", "date": "2027-10-01", "isOffDay": true}
    ]}"#;

    #[test]
    fn holiday_cn_json_is_read_and_checked() {
        let s = parse("2027.json", JSON, Language::En).unwrap();
        assert_eq!(s.year, 2027);
        assert_eq!(s.holidays.len(), 7);
        assert_eq!(s.workdays.len(), 1);
        let cn = Calendar::builtin("cn").unwrap();
        let s = s.checked("2027.json", &cn, Language::En).unwrap();
        let text = s
            .file_text("f", "cn-local", "cn", None, Language::En)
            .unwrap();
        assert!(text.contains("{date: 2027-01-01, name: \"New Year's Day\", zh: \"元旦\"}"));
        assert!(text.contains("{date: 2027-02-14, name: \"Spring Festival\"}"));
        let again = s
            .file_text("f", "cn-local", "cn", Some(&text), Language::En)
            .unwrap();
        assert_eq!(again, text);
    }

    #[test]
    fn a_table_with_a_header_is_read() {
        let csv = "date,kind,name\n2027-01-01,holiday,New Year's Day\n2027-02-14,上班,春节\n";
        let s = parse("t.csv", csv, Language::En).unwrap();
        assert_eq!(s.year, 2027);
        assert_eq!(s.holidays.len(), 1);
        assert_eq!(s.workdays.len(), 1);
    }

    #[test]
    fn a_weekday_make_up_day_a_missing_name_or_holiday_is_refused() {
        let cn = Calendar::builtin("cn").unwrap();
        let weekday = JSON.replace(
            "2027-02-14\", \"isOffDay\": false",
            "2027-02-15\", \"isOffDay\": false",
        );
        let e = parse("f", &weekday, Language::En)
            .unwrap()
            .checked("f", &cn, Language::En)
            .unwrap_err();
        assert!(e.describe(Language::En).contains("2027-02-15"), "{e:?}");
        let unnamed = JSON.replace("\"name\": \"清明节\"", "\"name\": \"\"");
        assert!(parse("f", &unnamed, Language::En).is_err());
        let partial = JSON.replace("国庆节", "春节");
        let e = parse("f", &partial, Language::Zh)
            .unwrap()
            .checked("f", &cn, Language::Zh)
            .unwrap_err();
        assert!(e.describe(Language::Zh).contains("国庆"), "{e:?}");
    }
}
