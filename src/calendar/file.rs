//! Calendar files: the embedded official `cn` data and users' custom
//! calendars, both read through one YAML shape.
//!
//! A file may list `holidays` and `workdays` at the top level (the custom
//! form) or per year under `years: {YYYY: {holidays, workdays}}` (the form of
//! the official data, whose holiday entries also carry `weekday` and
//! `in_lieu`). Unknown keys are errors, so a typo never silently drops a
//! holiday. Files may `extends` a built-in calendar or another custom one;
//! [`CalendarSet::load`] resolves the chain, rejects cycles, and lets a
//! child's declared day replace the parent's declaration for that date.
//!
//! Parsing only: the caller reads the files and passes their text in with a
//! label (usually the path) that every error message names.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::messages::Language;
use crate::msg;

use super::{
    BUILTIN_NAMES, Calendar, CalendarError, Coverage, FIRST_YEAR, Holiday, LAST_YEAR, WeekendSet,
    builtin_ref,
};

/// The top-level document of a calendar file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    name: Option<String>,
    extends: Option<String>,
    weekend: Option<Vec<WeekdayName>>,
    coverage: Option<CoverageDoc>,
    #[serde(default)]
    holidays: Vec<HolidayDoc>,
    #[serde(default)]
    workdays: Vec<WorkdayDoc>,
    #[serde(default)]
    years: BTreeMap<i32, YearDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverageDoc {
    first: i32,
    last: i32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearDoc {
    #[serde(default)]
    holidays: Vec<HolidayDoc>,
    #[serde(default)]
    workdays: Vec<WorkdayDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayDoc {
    #[serde(deserialize_with = "de_date")]
    date: NaiveDate,
    name: String,
    zh: Option<String>,
    /// Official data states whether the day falls Mon–Fri; checked.
    weekday: Option<bool>,
    #[serde(default)]
    in_lieu: bool,
}

/// A make-up working day: a bare date or `{date, name}`.
#[derive(Debug)]
struct WorkdayDoc {
    date: NaiveDate,
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkdayMap {
    #[serde(deserialize_with = "de_date")]
    date: NaiveDate,
    name: Option<String>,
}

impl<'de> Deserialize<'de> for WorkdayDoc {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WorkdayDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD or {date: YYYY-MM-DD, name: ...}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<WorkdayDoc, E> {
                Ok(WorkdayDoc {
                    date: parse_date(s).map_err(E::custom)?,
                    name: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WorkdayDoc, A::Error> {
                let m = WorkdayMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(WorkdayDoc {
                    date: m.date,
                    name: m.name,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A weekday written `sat` or `saturday` (any case).
#[derive(Debug, Clone, Copy)]
struct WeekdayName(Weekday);

impl<'de> Deserialize<'de> for WeekdayName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        let day = match s.to_ascii_lowercase().as_str() {
            "mon" | "monday" => Weekday::Mon,
            "tue" | "tuesday" => Weekday::Tue,
            "wed" | "wednesday" => Weekday::Wed,
            "thu" | "thursday" => Weekday::Thu,
            "fri" | "friday" => Weekday::Fri,
            "sat" | "saturday" => Weekday::Sat,
            "sun" | "sunday" => Weekday::Sun,
            _ => {
                return Err(de::Error::custom(format!(
                    "unknown weekday '{s}': use mon, tue, wed, thu, fri, sat or sun"
                )));
            }
        };
        Ok(WeekdayName(day))
    }
}

fn de_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(deserializer)?;
    parse_date(&s).map_err(de::Error::custom)
}

/// Parses exactly `YYYY-MM-DD` within the supported years.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(format!("invalid date '{s}': expected YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let year = num(0..4) as i32;
    if year < FIRST_YEAR {
        return Err(format!(
            "invalid date '{s}': year must be {FIRST_YEAR} or later"
        ));
    }
    NaiveDate::from_ymd_opt(year, num(5..7), num(8..10))
        .ok_or_else(|| format!("invalid date '{s}': no such day"))
}

/// One file, checked on its own, before its parent is known.
#[derive(Debug)]
struct Layer {
    label: String,
    name: String,
    extends: Option<String>,
    weekend: Option<WeekendSet>,
    coverage: Option<(i32, i32)>,
    holidays: BTreeMap<NaiveDate, Holiday>,
    workdays: BTreeMap<NaiveDate, Option<String>>,
}

fn invalid(label: &str, message: String) -> CalendarError {
    CalendarError::Invalid {
        file: label.to_string(),
        message,
    }
}

/// Turns a YAML error into one naming the file and line, in `lang`.
fn syntax(label: &str, err: serde_yaml::Error, lang: Language) -> CalendarError {
    let full = err.to_string();
    let (line, message) = match err.location() {
        Some(loc) => {
            let suffix = format!(" at line {} column {}", loc.line(), loc.column());
            let msg = full.strip_suffix(&suffix).unwrap_or(&full);
            let message = match lang {
                Language::En => msg!(
                    lang,
                    "calendar-syntax",
                    line = loc.line(),
                    column = loc.column(),
                    message = msg
                ),
                // The Chinese text names the line and column itself.
                Language::Zh => crate::yaml_error::describe_yaml(lang, &err),
            };
            (Some(loc.line()), message)
        }
        None => (None, crate::yaml_error::describe_yaml(lang, &err)),
    };
    CalendarError::Syntax {
        file: label.to_string(),
        line,
        message,
    }
}

/// The calendar name a file gets when it does not say `name:`.
fn stem(label: &str) -> String {
    Path::new(label)
        .file_stem()
        .map_or_else(|| label.to_string(), |s| s.to_string_lossy().into_owned())
}

fn check_name(label: &str, name: &str, lang: Language) -> Result<(), CalendarError> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(invalid(label, msg!(lang, "calendar-bad-name", name = name)))
    }
}

/// One calendar file: its name, weekend, coverage and the dates it lists.
fn parse_layer(label: &str, text: &str, lang: Language) -> Result<Layer, CalendarError> {
    crate::limits::check_nesting(text).map_err(|e| invalid(label, e.render(lang)))?;
    let doc: CalendarFile = serde_yaml::from_str(text).map_err(|e| syntax(label, e, lang))?;
    let name = doc.name.clone().unwrap_or_else(|| stem(label));
    check_name(label, &name, lang)?;
    let weekend = weekend_of(label, &doc, lang)?;
    let coverage = coverage_of(label, doc.coverage.as_ref(), lang)?;
    let extends = doc.extends.clone();
    let (holidays, workdays) = dates_of(label, doc, lang)?;
    Ok(Layer {
        label: label.to_string(),
        name,
        extends,
        weekend,
        coverage,
        holidays,
        workdays,
    })
}

/// The weekend a file declares, if any; all seven days is refused.
fn weekend_of(
    label: &str,
    doc: &CalendarFile,
    lang: Language,
) -> Result<Option<WeekendSet>, CalendarError> {
    Ok(match &doc.weekend {
        None => None,
        Some(days) => Some(
            WeekendSet::new(days.iter().map(|d| d.0))
                .ok_or_else(|| invalid(label, msg!(lang, "calendar-all-weekend")))?,
        ),
    })
}

/// The years a file declares it covers, if it does.
fn coverage_of(
    label: &str,
    coverage: Option<&CoverageDoc>,
    lang: Language,
) -> Result<Option<(i32, i32)>, CalendarError> {
    Ok(match coverage {
        None => None,
        Some(&CoverageDoc { first, last }) => {
            let in_range = |y: i32| (FIRST_YEAR..=LAST_YEAR).contains(&y);
            if !in_range(first) || !in_range(last) || first > last {
                return Err(invalid(
                    label,
                    msg!(
                        lang,
                        "calendar-bad-coverage",
                        first = first,
                        last = last,
                        min = FIRST_YEAR,
                        max = LAST_YEAR
                    ),
                ));
            }
            Some((first, last))
        }
    })
}

/// A holiday, with the name it is known by.
type Holidays = BTreeMap<NaiveDate, Holiday>;
/// A make-up working day, with the holiday it makes up for.
type Workdays = BTreeMap<NaiveDate, Option<String>>;

/// The holidays and make-up working days a file lists, at top level and
/// in year blocks; a date listed twice, under the wrong year, with a wrong
/// weekday or as both kinds is refused.
fn dates_of(
    label: &str,
    doc: CalendarFile,
    lang: Language,
) -> Result<(Holidays, Workdays), CalendarError> {
    // Top-level lists belong to no year block; year blocks must hold
    // only their own year's dates.
    let mut blocks: Vec<(Option<i32>, Vec<HolidayDoc>, Vec<WorkdayDoc>)> =
        vec![(None, doc.holidays, doc.workdays)];
    blocks.extend(
        doc.years
            .into_iter()
            .map(|(y, b)| (Some(y), b.holidays, b.workdays)),
    );

    let mut holidays = BTreeMap::new();
    let mut workdays = BTreeMap::new();
    for (year, hs, ws) in blocks {
        let check_year = |date: NaiveDate| match year {
            Some(y) if date.year() != y => Err(invalid(
                label,
                msg!(
                    lang,
                    "calendar-wrong-year",
                    date = date,
                    year = y,
                    right = date.year()
                ),
            )),
            _ => Ok(()),
        };
        for h in hs {
            check_year(h.date)?;
            check_weekday(label, &h, lang)?;
            let holiday = Holiday {
                name: h.name,
                zh: h.zh,
                in_lieu: h.in_lieu,
            };
            if holidays.insert(h.date, holiday).is_some() {
                return Err(invalid(
                    label,
                    msg!(lang, "calendar-holiday-twice", date = h.date),
                ));
            }
        }
        for w in ws {
            check_year(w.date)?;
            if workdays.insert(w.date, w.name).is_some() {
                return Err(invalid(
                    label,
                    msg!(lang, "calendar-workday-twice", date = w.date),
                ));
            }
        }
    }
    if let Some(date) = holidays.keys().find(|d| workdays.contains_key(*d)) {
        return Err(CalendarError::HolidayAndWorkday {
            file: label.to_string(),
            date: *date,
        });
    }

    Ok((holidays, workdays))
}

/// A holiday entry's `weekday:` must say what the date is.
fn check_weekday(label: &str, h: &HolidayDoc, lang: Language) -> Result<(), CalendarError> {
    let Some(stated) = h.weekday else {
        return Ok(());
    };
    let actual = !matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun);
    if stated == actual {
        return Ok(());
    }
    Err(invalid(
        label,
        msg!(
            lang,
            "calendar-weekday-mismatch",
            date = h.date,
            weekday = crate::messages::fill(
                lang,
                &format!("weekday-{}", h.date.weekday().number_from_monday()),
                &[]
            ),
            stated = stated
        ),
    ))
}

/// Applies a layer over its parent: the child's declaration of a date
/// replaces the parent's, and coverage is the union of both.
fn build(layer: &Layer, parent: Option<&Calendar>) -> Calendar {
    let mut holidays = parent.map(|p| p.holidays.clone()).unwrap_or_default();
    let mut makeup = parent.map(|p| p.makeup.clone()).unwrap_or_default();
    for (date, h) in &layer.holidays {
        makeup.remove(date);
        holidays.insert(*date, h.clone());
    }
    for (date, name) in &layer.workdays {
        holidays.remove(date);
        makeup.insert(*date, name.clone());
    }

    let coverage = match parent.map(|p| &p.coverage) {
        Some(Coverage::All) => Coverage::All,
        inherited => {
            let mut years: BTreeSet<i32> = match inherited {
                Some(Coverage::Years(ys)) => ys.clone(),
                _ => BTreeSet::new(),
            };
            if let Some((first, last)) = layer.coverage {
                years.extend(first..=last);
            }
            years.extend(layer.holidays.keys().map(chrono::Datelike::year));
            years.extend(layer.workdays.keys().map(chrono::Datelike::year));
            Coverage::Years(years)
        }
    };

    let weekend = layer
        .weekend
        .or(parent.map(|p| p.weekend))
        .unwrap_or(WeekendSet::SAT_SUN);
    Calendar::from_parts(layer.name.clone(), weekend, holidays, makeup, coverage)
}

/// Reads the embedded official data. Its make-up days carry the holiday
/// they pay back only in a trailing comment (`- 2026-02-14  # Sat Spring
/// Festival`), so those comments are read as names when the weekday in
/// them agrees with the date.
pub(crate) fn parse_builtin(label: &str, text: &str) -> Result<Calendar, CalendarError> {
    let mut layer = parse_layer(label, text, Language::En)?;
    for (date, name) in comment_names(text) {
        if let Some(slot @ None) = layer.workdays.get_mut(&date) {
            *slot = Some(name);
        }
    }
    Ok(build(&layer, None))
}

/// `- YYYY-MM-DD  # Www Name` lines → date → Name.
fn comment_names(text: &str) -> BTreeMap<NaiveDate, String> {
    let mut names = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix("- ") else {
            continue;
        };
        let Some((date, comment)) = rest.split_once('#') else {
            continue;
        };
        let Ok(date) = parse_date(date.trim()) else {
            continue;
        };
        let Some((day, name)) = comment.trim().split_once(' ') else {
            continue;
        };
        if day == date.weekday().to_string() && !name.trim().is_empty() {
            names.insert(date, name.trim().to_string());
        }
    }
    names
}

/// The custom calendars of a workspace, resolved against each other and
/// the built-ins. Invariant: every calendar's `extends` chain ended in a
/// built-in or a root file, without cycles.
#[derive(Debug, Clone, Default)]
pub struct CalendarSet {
    custom: BTreeMap<String, Calendar>,
}

impl CalendarSet {
    /// Parses and resolves calendar files given as `(label, text)`; a file's
    /// calendar is named by its `name:` or else its label's file stem.
    /// Fails on the first bad file, naming it.
    pub fn load<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<CalendarSet, CalendarError> {
        CalendarSet::load_in(files, Language::En)
    }

    /// Like [`CalendarSet::load`], telling a file's problems in `lang`
    /// (see [`CalendarError::describe`] for the rest of the message).
    pub fn load_in<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        lang: Language,
    ) -> Result<CalendarSet, CalendarError> {
        let mut layers: BTreeMap<String, Layer> = BTreeMap::new();
        for (label, text) in files {
            let layer = parse_layer(label, text, lang)?;
            if BUILTIN_NAMES.contains(&layer.name.as_str()) {
                return Err(invalid(
                    label,
                    msg!(lang, "calendar-builtin-name", name = layer.name),
                ));
            }
            if let Some(other) = layers.get(&layer.name) {
                return Err(CalendarError::DuplicateName {
                    name: layer.name.clone(),
                    first: other.label.clone(),
                    second: layer.label.clone(),
                });
            }
            layers.insert(layer.name.clone(), layer);
        }
        let mut custom = BTreeMap::new();
        for name in layers.keys() {
            resolve(name, &layers, &mut custom, &mut Vec::new())?;
        }
        Ok(CalendarSet { custom })
    }

    /// Loads a single file; returns its calendar's name with the set.
    pub fn load_one(label: &str, text: &str) -> Result<(String, CalendarSet), CalendarError> {
        CalendarSet::load_one_in(label, text, Language::En)
    }

    /// Like [`CalendarSet::load_one`], telling a file's problems in `lang`.
    pub fn load_one_in(
        label: &str,
        text: &str,
        lang: Language,
    ) -> Result<(String, CalendarSet), CalendarError> {
        let set = CalendarSet::load_in([(label, text)], lang)?;
        let name = set
            .custom
            .keys()
            .next()
            .cloned()
            .expect("one file gives one calendar");
        Ok((name, set))
    }

    /// A custom or built-in calendar by name.
    pub fn get(&self, name: &str) -> Option<&Calendar> {
        self.custom.get(name).or_else(|| builtin_ref(name))
    }

    /// Every name [`Self::get`] answers: built-ins first, then custom ones
    /// in name order.
    pub fn names(&self) -> Vec<&str> {
        BUILTIN_NAMES
            .iter()
            .copied()
            .chain(self.custom.keys().map(String::as_str))
            .collect()
    }
}

/// Builds `name` after its parent; `stack` holds the chain being built so
/// a name met again on it closes a cycle.
fn resolve(
    name: &str,
    layers: &BTreeMap<String, Layer>,
    done: &mut BTreeMap<String, Calendar>,
    stack: &mut Vec<String>,
) -> Result<(), CalendarError> {
    if done.contains_key(name) {
        return Ok(());
    }
    if let Some(pos) = stack.iter().position(|n| n == name) {
        let mut cycle: Vec<&str> = stack[pos..].iter().map(String::as_str).collect();
        cycle.push(name);
        return Err(CalendarError::ExtendsCycle {
            cycle: cycle.join(" -> "),
        });
    }
    let layer = &layers[name];
    let parent = match layer.extends.as_deref() {
        None => None,
        Some(p) if layers.contains_key(p) => {
            stack.push(name.to_string());
            resolve(p, layers, done, stack)?;
            stack.pop();
            Some(done[p].clone())
        }
        Some(p) => match builtin_ref(p) {
            Some(b) => Some(b.clone()),
            None => {
                let known: Vec<&str> = BUILTIN_NAMES
                    .iter()
                    .copied()
                    .chain(layers.keys().map(String::as_str))
                    .collect();
                return Err(CalendarError::UnknownParent {
                    file: layer.label.clone(),
                    parent: p.to_string(),
                    known: known.join(", "),
                });
            }
        },
    };
    let calendar = build(layer, parent.as_ref());
    done.insert(name.to_string(), calendar);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::DayKind;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const OFFICE_2027: &str = "\
name: office
extends: cn
coverage: {first: 2027, last: 2027}
holidays:
  - {date: 2027-01-01, name: \"New Year's Day\", zh: \"元旦\"}
  - {date: 2026-10-10, name: Office closure}
workdays:
  - 2027-02-20
  - {date: 2026-10-07, name: National Day}
";

    #[test]
    fn extending_cn_with_2027_removes_the_warning() {
        let office = Calendar::from_yaml("cal/office.yaml", OFFICE_2027).unwrap();
        assert_eq!(office.name(), "office");
        assert!(office.covers(2023) && office.covers(2027) && !office.covers(2028));
        let got = office.add_workdays(d("2026-12-30"), 5).unwrap();
        // 12-31 #1, 2027-01-01 holiday, 01-04..07 #2..#5.
        assert_eq!(got.value, d("2027-01-07"));
        assert!(got.uncovered_years.is_empty());
        // cn's days still apply.
        assert!(!office.is_workday(d("2026-10-01")));
        assert_eq!(
            office.day_kind(d("2027-02-20")),
            DayKind::MakeupWorkday { pays_back: None }
        );
    }

    #[test]
    fn a_child_declaration_replaces_the_parents_for_that_date() {
        let office = Calendar::from_yaml("office.yaml", OFFICE_2027).unwrap();
        // cn: 2026-10-10 is a make-up Saturday; the office closes.
        assert!(Calendar::builtin("cn").unwrap().is_workday(d("2026-10-10")));
        match office.day_kind(d("2026-10-10")) {
            DayKind::Holiday(h) => assert_eq!(h.name, "Office closure"),
            other => panic!("{other:?}"),
        }
        // cn: 2026-10-07 is a holiday; the office works.
        assert!(office.is_workday(d("2026-10-07")));
        // The fast count sees the overrides too: 10-07 #1, 10-08 #2, 10-09 #3, 10-12 #4.
        assert_eq!(
            office.add_workdays(d("2026-10-06"), 4).unwrap().value,
            d("2026-10-12")
        );
        assert_eq!(
            office
                .workdays_between(d("2026-09-30"), d("2026-10-12"))
                .unwrap()
                .value,
            4
        );
    }

    #[test]
    fn name_defaults_to_the_file_stem_and_weekend_can_change() {
        let text = "weekend: [Friday, sat]\ncoverage: {first: 2027, last: 2027}\n";
        let cal = Calendar::from_yaml("calendars/gulf.yaml", text).unwrap();
        assert_eq!(cal.name(), "gulf");
        assert_eq!(cal.weekend().days(), [Weekday::Fri, Weekday::Sat]);
        // 2027-01-01 is a Friday: rest; Sunday 01-03 works.
        assert_eq!(cal.day_kind(d("2027-01-01")), DayKind::Weekend);
        assert_eq!(
            cal.add_workdays(d("2026-12-31"), 1).unwrap().value,
            d("2027-01-03")
        );
        let got = cal.add_workdays(d("2027-12-30"), 3).unwrap();
        assert_eq!(got.uncovered_years, BTreeSet::from([2028]));
    }

    #[test]
    fn weekend_is_inherited_from_the_parent() {
        let files = [
            ("gulf.yaml", "weekend: [fri, sat]\n"),
            (
                "branch.yaml",
                "extends: gulf\nholidays: [{date: 2027-03-01, name: Founding}]\n",
            ),
        ];
        let set = CalendarSet::load(files).unwrap();
        let branch = set.get("branch").unwrap();
        assert_eq!(branch.weekend().days(), [Weekday::Fri, Weekday::Sat]);
        assert!(set.get("cn").is_some());
        assert_eq!(set.names(), ["cn", "weekends", "branch", "gulf"]);
    }

    #[test]
    fn extends_weekends_covers_every_year() {
        let cal = Calendar::from_yaml("plain.yaml", "extends: weekends\n").unwrap();
        assert!(cal.covers(1990) && cal.covers(2100));
    }

    #[test]
    fn holiday_and_workday_on_one_date_is_an_error() {
        let text = "\
holidays:
  - {date: 2027-05-01, name: Labour Day}
workdays:
  - 2027-05-01
";
        let err = Calendar::from_yaml("office.yaml", text).unwrap_err();
        assert_eq!(
            err,
            CalendarError::HolidayAndWorkday {
                file: "office.yaml".into(),
                date: d("2027-05-01")
            }
        );
        assert_eq!(
            err.to_string(),
            "office.yaml: 2027-05-01 is listed both as a holiday and as a make-up working day; keep only one"
        );
    }

    #[test]
    fn malformed_dates_are_reported_with_their_line() {
        for (text, line, what) in [
            (
                "holidays:\n  - {date: 2027-02-30, name: X}\n",
                2,
                "no such day",
            ),
            (
                "workdays:\n  - 2027-01-02\n  - 2027/01/03\n",
                3,
                "expected YYYY-MM-DD",
            ),
            ("workdays:\n  - {date: 27-1-3}\n", 2, "expected YYYY-MM-DD"),
        ] {
            let err = Calendar::from_yaml("office.yaml", text).unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with("office.yaml: "), "{msg}");
            assert!(msg.contains(&format!("line {line},")), "{msg}");
            assert!(msg.contains(what), "{msg}");
            assert!(
                matches!(err, CalendarError::Syntax { line: Some(l), .. } if l == line),
                "{err:?}"
            );
        }
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = Calendar::from_yaml("office.yaml", "name: office\nholiday:\n  - 2027-01-01\n")
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("office.yaml: line 2"), "{msg}");
        assert!(msg.contains("unknown field `holiday`"), "{msg}");
        let err = Calendar::from_yaml(
            "office.yaml",
            "holidays:\n  - {date: 2027-01-01, name: X, nmae: Y}\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field `nmae`"), "{err}");
        let err =
            Calendar::from_yaml("office.yaml", "weekend: [sat, sunday, funday]\n").unwrap_err();
        assert!(
            err.to_string().contains("unknown weekday 'funday'"),
            "{err}"
        );
    }

    #[test]
    fn extends_cycles_are_named() {
        let files = [
            ("a.yaml", "extends: b\n"),
            ("b.yaml", "extends: c\n"),
            ("c.yaml", "extends: a\n"),
        ];
        let err = CalendarSet::load(files).unwrap_err();
        assert_eq!(
            err,
            CalendarError::ExtendsCycle {
                cycle: "a -> b -> c -> a".into()
            }
        );
        let err = CalendarSet::load([("self.yaml", "extends: self\n")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "calendars extend each other in a cycle: self -> self; remove one of the `extends`"
        );
    }

    #[test]
    fn unknown_parents_and_name_clashes_are_errors() {
        let err = Calendar::from_yaml("office.yaml", "extends: cm\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "office.yaml: extends unknown calendar 'cm' (known calendars: cn, weekends, office)"
        );
        let err = CalendarSet::load([("x/a.yaml", "name: b\n"), ("y/b.yaml", "")]).unwrap_err();
        assert!(
            matches!(err, CalendarError::DuplicateName { .. }),
            "{err:?}"
        );
        let err = Calendar::from_yaml("cn.yaml", "").unwrap_err();
        assert!(err.to_string().contains("'cn' is built in"), "{err}");
        let err = Calendar::from_yaml("office.yaml", "name: my office\n").unwrap_err();
        assert!(err.to_string().contains("letters, digits"), "{err}");
        let named = Calendar::from_yaml("office.yaml", "name: my-office_2\n").unwrap();
        assert_eq!(named.name(), "my-office_2");
    }

    #[test]
    fn bad_shapes_are_errors() {
        let cases = [
            (
                "weekend: [mon, tue, wed, thu, fri, sat, sun]\n",
                "all seven days",
            ),
            ("coverage: {first: 2028, last: 2027}\n", "first <= last"),
            (
                "coverage: {first: 2027, last: 10000}\n",
                "must be two years",
            ),
            ("coverage: {first: 0, last: 2027}\n", "must be two years"),
            (
                "workdays:\n  - [2027, 1]\n",
                "a date YYYY-MM-DD or {date: YYYY-MM-DD, name: ...}",
            ),
            (
                "years:\n  2027:\n    workdays: [2028-01-01]\n",
                "listed under year 2027",
            ),
            (
                "holidays:\n  - {date: 2027-01-01, name: A}\n  - {date: 2027-01-01, name: B}\n",
                "listed twice",
            ),
            (
                "holidays:\n  - {date: 2027-01-02, name: A, weekday: true}\n",
                "2027-01-02 is a Sat",
            ),
            ("workdays:\n  - 2027\n", "line 2"),
            ("holidays: [{date: 2027-01-01, name: [", "office.yaml: "),
        ];
        for (text, what) in cases {
            let err = Calendar::from_yaml("office.yaml", text).unwrap_err();
            assert!(err.to_string().contains(what), "{text:?}: {err}");
        }
    }

    #[test]
    fn builtin_make_up_names_come_from_the_data_comments() {
        let names = comment_names(
            "      - 2026-02-14  # Sat Spring Festival\n      - 2026-02-15  # Sat Wrong day\n",
        );
        assert_eq!(names.len(), 1);
        assert_eq!(names[&d("2026-02-14")], "Spring Festival");
        let cn = Calendar::builtin("cn").unwrap();
        assert_eq!(
            cn.makeup_days_in(2026),
            [
                (d("2026-01-04"), Some("New Year's Day")),
                (d("2026-02-14"), Some("Spring Festival")),
                (d("2026-02-28"), Some("Spring Festival")),
                (d("2026-05-09"), Some("Labour Day")),
                (d("2026-09-20"), Some("National Day")),
                (d("2026-10-10"), Some("National Day")),
            ]
        );
    }

    #[test]
    fn strict_dates() {
        assert_eq!(parse_date("2024-02-29"), Ok(d("2024-02-29")));
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("0000-01-01").is_err());
        assert_eq!(parse_date("0001-01-01"), Ok(d("0001-01-01")));
        assert!(parse_date("2024-2-29").is_err());
        assert!(parse_date("+2024-02-29").is_err());
        assert!(parse_date("２０２４-02-29").is_err());
    }
}
