//! Working-day calendars: which days are worked, and arithmetic over them.
//!
//! A [`Calendar`] knows its weekend days, its holidays and its make-up
//! working days (调休上班), and the years for which that list is official.
//! It counts and adds working days with the conventions of the manual's "Deadlines and calendars":
//! the starting date is never counted, `add_workdays(D, 0)` is D or the next
//! working day, and `workdays_between(A, B)` counts the working days in
//! (A, B]. Days in years the calendar does not cover fall back to its weekend
//! rule, and every such year is reported in [`Computed::uncovered_years`]:
//! a deadline is never guessed silently.
//!
//! The arithmetic runs on day numbers. `F(n)`, the number of working days
//! from 0001-01-01 to day `n`, is a closed-form weekend count plus a
//! correction from a cumulative table of holidays and make-up days found by
//! binary search. So `workdays_between` costs O(log entries) whatever the
//! span, and `add_workdays` is a binary search over `F`, never a day-by-day
//! walk. Dates are limited to the years 1..=9999, and at most
//! [`MAX_WORKDAYS`] working days are added at once, so nothing loops long.
//!
//! No I/O and no clock here: calendar files are parsed from text handed in
//! ([`file`](mod@file)), and the Civil Code period rules live in [`period`](mod@period).

pub mod file;
pub mod import;
pub mod period;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

pub use file::CalendarSet;
pub use period::{DayStep, Roll, Unit, explain_workdays, period_end};

/// The largest |N| accepted by [`Calendar::add_workdays`]: about 400 years
/// of working days, far beyond any statutory period.
pub const MAX_WORKDAYS: i64 = 100_000;

/// First year a date may fall in for calendar arithmetic.
pub const FIRST_YEAR: i32 = 1;

/// Last year a date may fall in for calendar arithmetic (dates are written
/// `YYYY-MM-DD`, so four digits).
pub const LAST_YEAR: i32 = 9999;

/// Day number (`num_days_from_ce`) of 9999-12-31; 0001-01-01 is day 1.
const MAX_DAY: i32 = 3_652_059;

/// The built-in calendars, in the order `calendar list` shows them.
const BUILTIN_NAMES: &[&str] = &["cn", "weekends"];

/// The official PRC schedule, embedded so the binary needs no data files.
const CN_YAML: &str = include_str!("cn_calendar.yaml");

static CN: LazyLock<Calendar> = LazyLock::new(|| {
    file::parse_builtin("cn", CN_YAML)
        .expect("the embedded cn calendar is valid (pinned by the calendar tests)")
});

static WEEKENDS: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::from_parts(
        "weekends".to_string(),
        WeekendSet::SAT_SUN,
        BTreeMap::new(),
        BTreeMap::new(),
        Coverage::All,
    )
});

/// Everything that can go wrong in calendar arithmetic or in reading a
/// calendar file; each message says what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("date {date} is outside the supported range {FIRST_YEAR:04}-01-01..{LAST_YEAR}-12-31")]
    DateOutOfRange { date: NaiveDate },

    #[error("{what} goes beyond the supported range {FIRST_YEAR:04}-01-01..{LAST_YEAR}-12-31")]
    ResultOutOfRange { what: crate::messages::said::Text },

    #[error("cannot count {n} working days at once: the limit is {MAX_WORKDAYS}")]
    TooManyWorkdays { n: i64 },

    #[error("a period cannot be negative: {amount} {unit}")]
    NegativePeriod { amount: i64, unit: &'static str },

    #[error("{file}: {message}")]
    Syntax {
        file: String,
        line: Option<usize>,
        message: String,
    },

    #[error("{file}: {message}")]
    Invalid { file: String, message: String },

    #[error(
        "{file}: {date} is listed both as a holiday and as a make-up working day; keep only one"
    )]
    HolidayAndWorkday { file: String, date: NaiveDate },

    #[error("{file}: extends unknown calendar '{parent}' (known calendars: {known})")]
    UnknownParent {
        file: String,
        parent: String,
        known: String,
    },

    #[error("calendars extend each other in a cycle: {cycle}; remove one of the `extends`")]
    ExtendsCycle { cycle: String },

    #[error("calendar '{name}' is defined twice, in {first} and in {second}; rename one")]
    DuplicateName {
        name: String,
        first: String,
        second: String,
    },
}

impl CalendarError {
    /// The message in `lang`: in English exactly the `Display` text; in
    /// Chinese the problems of a calendar file (their text is made in the
    /// language [`CalendarSet::load_in`](file::CalendarSet::load_in) was
    /// given) with the file named the Chinese way.
    pub fn describe(&self, lang: crate::messages::Language) -> String {
        use crate::messages::Language;
        use crate::msg;
        if lang == Language::En {
            return self.to_string();
        }
        match self {
            CalendarError::Syntax { file, message, .. }
            | CalendarError::Invalid { file, message } => format!("{file}：{message}"),
            CalendarError::HolidayAndWorkday { file, date } => {
                msg!(
                    lang,
                    "calendar-holiday-and-workday",
                    file = file,
                    date = date
                )
            }
            CalendarError::UnknownParent {
                file,
                parent,
                known,
            } => msg!(
                lang,
                "calendar-unknown-parent",
                file = file,
                parent = parent,
                known = known.replace(", ", "、")
            ),
            CalendarError::ExtendsCycle { cycle } => {
                msg!(lang, "calendar-extends-cycle", cycle = cycle)
            }
            CalendarError::DuplicateName {
                name,
                first,
                second,
            } => msg!(
                lang,
                "calendar-defined-twice",
                name = name,
                first = first,
                second = second
            ),
            CalendarError::DateOutOfRange { date } => msg!(
                lang,
                "calendar-date-out-of-range",
                date = date,
                first = format!("{FIRST_YEAR:04}"),
                last = LAST_YEAR
            ),
            CalendarError::ResultOutOfRange { what } => msg!(
                lang,
                "calendar-result-out-of-range",
                what = what.render(lang),
                first = format!("{FIRST_YEAR:04}"),
                last = LAST_YEAR
            ),
            CalendarError::TooManyWorkdays { n } => {
                msg!(
                    lang,
                    "calendar-too-many-workdays",
                    n = n,
                    max = MAX_WORKDAYS
                )
            }
            CalendarError::NegativePeriod { amount, unit } => {
                msg!(
                    lang,
                    "calendar-negative-period",
                    amount = amount,
                    unit = unit
                )
            }
        }
    }
}

/// A named day off. `in_lieu` marks a 调休 day off that a make-up working
/// day pays back, as opposed to a statutory holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub name: String,
    pub zh: Option<String>,
    pub in_lieu: bool,
}

impl fmt::Display for Holiday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lieu = if self.in_lieu { "day off in lieu" } else { "" };
        match (&self.zh, lieu) {
            (Some(zh), "") => write!(f, "{} ({zh})", self.name),
            (Some(zh), lieu) => write!(f, "{} ({zh}, {lieu})", self.name),
            (None, "") => f.write_str(&self.name),
            (None, lieu) => write!(f, "{} ({lieu})", self.name),
        }
    }
}

/// Why a day is or is not a working day. Exactly `Workday` and
/// `MakeupWorkday` are working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// An ordinary working day (not a weekend day, not a holiday).
    Workday,
    /// A weekend day of the calendar with nothing declared on it.
    Weekend,
    /// A declared day off; wins over the weekday.
    Holiday(Holiday),
    /// A declared working day (调休上班), usually on a weekend day;
    /// `pays_back` names the holiday it makes up for, when known.
    MakeupWorkday { pays_back: Option<String> },
}

impl DayKind {
    /// True for the kinds on which working days are counted.
    pub fn is_workday(&self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday { .. })
    }
}

impl fmt::Display for DayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayKind::Workday => f.write_str("working day"),
            DayKind::Weekend => f.write_str("weekend"),
            DayKind::Holiday(h) => h.fmt(f),
            DayKind::MakeupWorkday { pays_back: None } => f.write_str("make-up working day"),
            DayKind::MakeupWorkday {
                pays_back: Some(name),
            } => write!(f, "make-up working day for {name}"),
        }
    }
}

/// The years for which a calendar's holiday list is official.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Every year: the calendar is a pure weekend rule (`weekends`).
    All,
    /// Only these years; other years fall back to the weekend rule, with a
    /// warning.
    Years(BTreeSet<i32>),
}

impl Coverage {
    /// True when `year`'s days are known rather than assumed.
    pub fn contains(&self, year: i32) -> bool {
        match self {
            Coverage::All => true,
            Coverage::Years(years) => years.contains(&year),
        }
    }
}

/// The weekend days of a calendar, as a set of weekdays. Never all seven:
/// a calendar must leave at least one working weekday, or counting forward
/// through an uncovered year could never end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekendSet([bool; 7]);

impl WeekendSet {
    /// Saturday and Sunday, the default.
    pub const SAT_SUN: WeekendSet = WeekendSet([false, false, false, false, false, true, true]);

    /// Builds a set; `None` when the days would cover the whole week.
    pub fn new(days: impl IntoIterator<Item = Weekday>) -> Option<WeekendSet> {
        let mut set = [false; 7];
        for day in days {
            set[day.num_days_from_monday() as usize] = true;
        }
        if set.iter().all(|&rest| rest) {
            None
        } else {
            Some(WeekendSet(set))
        }
    }

    /// True when `day` is a weekend day.
    pub fn contains(&self, day: Weekday) -> bool {
        self.0[day.num_days_from_monday() as usize]
    }

    /// The weekend days, Monday first.
    pub fn days(&self) -> Vec<Weekday> {
        (0..7u8)
            .filter(|&i| self.0[i as usize])
            .map(|i| Weekday::try_from(i).expect("0..7 is a weekday"))
            .collect()
    }
}

/// A result plus the coverage warnings: the years outside the calendar
/// that the computation looked at, where weekends-only was assumed. Empty
/// `uncovered_years` means every day used was known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computed<T> {
    pub value: T,
    pub uncovered_years: BTreeSet<i32>,
}

impl<T> Computed<T> {
    /// A result that needed no assumption.
    pub fn exact(value: T) -> Self {
        Computed {
            value,
            uncovered_years: BTreeSet::new(),
        }
    }

    /// Keeps the warnings while transforming the value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Computed<U> {
        Computed {
            value: f(self.value),
            uncovered_years: self.uncovered_years,
        }
    }

    /// One human-readable warning per run of consecutive uncovered years,
    /// e.g. `calendar 'cn' does not cover 2027: weekends only assumed`.
    pub fn warnings(&self, calendar_name: &str) -> Vec<String> {
        year_runs(&self.uncovered_years, calendar_name)
    }

    /// The uncovered years `calendar` warns about (see
    /// [`Calendar::warns_for`]).
    pub fn warned_years(&self, calendar: &Calendar) -> BTreeSet<i32> {
        self.uncovered_years
            .iter()
            .copied()
            .filter(|&y| calendar.warns_for(y))
            .collect()
    }

    /// [`Self::warnings`] for the years `calendar` warns about.
    pub fn warnings_on(&self, calendar: &Calendar) -> Vec<String> {
        year_runs(&self.warned_years(calendar), calendar.name())
    }
}

/// One warning per run of consecutive `years`. English in every
/// workspace: these are a deadline's `warnings`, data of `--json` that
/// reads the same whatever the language (the commands that say a coverage
/// warning to a person use the `coverage-*` messages).
fn year_runs(years: &BTreeSet<i32>, calendar_name: &str) -> Vec<String> {
    year_spans(years)
        .into_iter()
        .map(|years| {
            format!("calendar '{calendar_name}' does not cover {years}: weekends only assumed")
        })
        .collect()
}

/// Each run of consecutive `years` as `2027` or `2027-2029`, in order.
pub fn year_spans(years: &BTreeSet<i32>) -> Vec<String> {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &year in years {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == year => *last = year,
            _ => runs.push((year, year)),
        }
    }
    runs.into_iter()
        .map(|(first, last)| {
            if first == last {
                first.to_string()
            } else {
                format!("{first}-{last}")
            }
        })
        .collect()
}

/// A working-day calendar. Invariants: no date is both a holiday and a
/// make-up day; every year with a declared day is covered; the weekend
/// leaves at least one working weekday; `index` matches the declared days.
#[derive(Debug, Clone)]
pub struct Calendar {
    name: String,
    weekend: WeekendSet,
    holidays: BTreeMap<NaiveDate, Holiday>,
    makeup: BTreeMap<NaiveDate, Option<String>>,
    coverage: Coverage,
    /// Uncovered years the office accepts as weekends only
    /// (`assume_weekends`): their days stay provisional but are not warned
    /// about.
    assumed: BTreeSet<i32>,
    index: Index,
}

/// Precomputed tables behind `F(n)`, the working days in days 1..=n.
#[derive(Debug, Clone)]
struct Index {
    /// Working days of the weekend rule among the first `r` days of a
    /// week that starts on Monday (day 1, 0001-01-01, is a Monday).
    week_prefix: [i64; 8],
    /// Day numbers where a declared day changes the weekend rule's answer.
    adj_days: Vec<i32>,
    /// Running sum of those changes (+1 make-up on a rest day, −1 holiday
    /// on a working weekday) up to and including `adj_days[i]`.
    adj_cum: Vec<i64>,
}

impl Calendar {
    /// Assembles a calendar from checked parts; callers guarantee the
    /// struct invariants (no date in both maps).
    pub(crate) fn from_parts(
        name: String,
        weekend: WeekendSet,
        holidays: BTreeMap<NaiveDate, Holiday>,
        makeup: BTreeMap<NaiveDate, Option<String>>,
        coverage: Coverage,
    ) -> Calendar {
        debug_assert!(holidays.keys().all(|d| !makeup.contains_key(d)));
        let mut week_prefix = [0i64; 8];
        for r in 0..7 {
            week_prefix[r + 1] = week_prefix[r] + i64::from(!weekend.0[r]);
        }
        let mut changes: BTreeMap<i32, i64> = BTreeMap::new();
        for d in holidays.keys() {
            if !weekend.contains(d.weekday()) {
                changes.insert(d.num_days_from_ce(), -1);
            }
        }
        for d in makeup.keys() {
            if weekend.contains(d.weekday()) {
                changes.insert(d.num_days_from_ce(), 1);
            }
        }
        let mut adj_days = Vec::with_capacity(changes.len());
        let mut adj_cum = Vec::with_capacity(changes.len());
        let mut sum = 0;
        for (day, delta) in changes {
            sum += delta;
            adj_days.push(day);
            adj_cum.push(sum);
        }
        Calendar {
            name,
            weekend,
            holidays,
            makeup,
            coverage,
            assumed: BTreeSet::new(),
            index: Index {
                week_prefix,
                adj_days,
                adj_cum,
            },
        }
    }

    /// A built-in calendar by name (see [`Calendar::builtin_names`]).
    pub fn builtin(name: &str) -> Option<Calendar> {
        builtin_ref(name).cloned()
    }

    /// Names accepted by [`Calendar::builtin`].
    pub fn builtin_names() -> &'static [&'static str] {
        BUILTIN_NAMES
    }

    /// Parses one custom calendar file whose `extends`, if any, names a
    /// built-in calendar. Use [`CalendarSet`] when files extend each other.
    pub fn from_yaml(file_label: &str, text: &str) -> Result<Calendar, CalendarError> {
        let (name, set) = CalendarSet::load_one(file_label, text)?;
        Ok(set
            .get(&name)
            .expect("a loaded file's calendar is in its set")
            .clone())
    }

    /// The name cases and warnings refer to the calendar by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The weekend days, used for every day not declared otherwise.
    pub fn weekend(&self) -> WeekendSet {
        self.weekend
    }

    /// The years whose days are official.
    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// True when `year` is covered; `weekends` covers every year.
    pub fn covers(&self, year: i32) -> bool {
        self.coverage.contains(year)
    }

    /// This calendar with `years` accepted as weekends only: days in them
    /// are still assumed (and dates resting on them provisional), but
    /// [`Self::warns_for`] is false for them.
    #[must_use]
    pub fn assuming_weekends(mut self, years: impl IntoIterator<Item = i32>) -> Calendar {
        self.assumed.extend(years);
        self
    }

    /// True when a day of `year` is assumed and nobody accepted that: the
    /// year is neither covered nor listed in `assume_weekends`. Every
    /// coverage warning asks this, so they all agree.
    pub fn warns_for(&self, year: i32) -> bool {
        !self.covers(year) && !self.assumed.contains(&year)
    }

    /// Working day := (not a weekend day and not a holiday) or a make-up day.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        if self.holidays.contains_key(&d) {
            false
        } else if self.makeup.contains_key(&d) {
            true
        } else {
            !self.weekend.contains(d.weekday())
        }
    }

    /// Why `d` is or is not a working day; agrees with [`Self::is_workday`].
    pub fn day_kind(&self, d: NaiveDate) -> DayKind {
        if let Some(h) = self.holidays.get(&d) {
            DayKind::Holiday(h.clone())
        } else if let Some(pays_back) = self.makeup.get(&d) {
            DayKind::MakeupWorkday {
                pays_back: pays_back.clone(),
            }
        } else if self.weekend.contains(d.weekday()) {
            DayKind::Weekend
        } else {
            DayKind::Workday
        }
    }

    /// The declared holidays of `year`, in date order.
    pub fn holidays_in(&self, year: i32) -> Vec<(NaiveDate, &Holiday)> {
        let Some((first, last)) = year_bounds(year) else {
            return Vec::new();
        };
        self.holidays
            .range(first..=last)
            .map(|(d, h)| (*d, h))
            .collect()
    }

    /// The make-up working days of `year`, in date order, with the holiday
    /// each pays back when known.
    pub fn makeup_days_in(&self, year: i32) -> Vec<(NaiveDate, Option<&str>)> {
        let Some((first, last)) = year_bounds(year) else {
            return Vec::new();
        };
        self.makeup
            .range(first..=last)
            .map(|(d, name)| (*d, name.as_deref()))
            .collect()
    }

    /// Adds `n` working days to `date`; `date` itself is never counted.
    /// `n > 0`: the n-th working day after `date`; `n == 0`: `date` if it is
    /// a working day, else the next one; `n < 0`: the |n|-th working day
    /// before `date`. The result is always a working day, and for `n > 0`
    /// `workdays_between(date, result) == n`.
    pub fn add_workdays(
        &self,
        date: NaiveDate,
        n: i64,
    ) -> Result<Computed<NaiveDate>, CalendarError> {
        if n.unsigned_abs() > MAX_WORKDAYS.unsigned_abs() {
            return Err(CalendarError::TooManyWorkdays { n });
        }
        let d = day_number(date)?;
        // The result is the first day m with F(m) reaching `target`.
        let (target, first_seen) = match n {
            1.. => (self.f(d) + n, d + 1),
            0 => (self.f(d - 1) + 1, d),
            _ => (self.f(d - 1) + n + 1, d - 1),
        };
        let out_of_range = || CalendarError::ResultOutOfRange {
            what: crate::said!("workdays-from", n = n, date = date).into(),
        };
        if target < 1 {
            return Err(out_of_range());
        }
        let m = self.first_reaching(target).ok_or_else(out_of_range)?;
        let (lo, hi) = if n >= 0 {
            (first_seen, m)
        } else {
            (m, first_seen)
        };
        Ok(Computed {
            value: date_of(m),
            uncovered_years: self.uncovered(lo, hi),
        })
    }

    /// Counts the working days in (a, b]; when `b < a`, minus the count of
    /// (b, a]. So `between(a, b) == -between(b, a)`.
    pub fn workdays_between(
        &self,
        a: NaiveDate,
        b: NaiveDate,
    ) -> Result<Computed<i64>, CalendarError> {
        let (x, y) = (day_number(a)?, day_number(b)?);
        let (lo, hi, sign) = if x <= y { (x, y, 1) } else { (y, x, -1) };
        let uncovered_years = if lo == hi {
            BTreeSet::new()
        } else {
            self.uncovered(lo + 1, hi)
        };
        Ok(Computed {
            value: sign * (self.f(hi) - self.f(lo)),
            uncovered_years,
        })
    }

    /// F(n): working days among day numbers 1..=n (0 for n <= 0).
    fn f(&self, n: i32) -> i64 {
        if n <= 0 {
            return 0;
        }
        let n = i64::from(n);
        let ix = &self.index;
        let base = n.div_euclid(7) * ix.week_prefix[7] + ix.week_prefix[n.rem_euclid(7) as usize];
        let seen = ix.adj_days.partition_point(|&day| i64::from(day) <= n);
        let adj = if seen == 0 { 0 } else { ix.adj_cum[seen - 1] };
        base + adj
    }

    /// The smallest day number m in 1..=MAX_DAY with F(m) >= target. F
    /// grows by 0 or 1 a day, so F(m) == target and m is a working day.
    fn first_reaching(&self, target: i64) -> Option<i32> {
        if self.f(MAX_DAY) < target {
            return None;
        }
        let (mut lo, mut hi) = (0, MAX_DAY); // F(lo) < target <= F(hi)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.f(mid) >= target {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    }

    /// Uncovered years among the days lo..=hi (day numbers).
    fn uncovered(&self, lo: i32, hi: i32) -> BTreeSet<i32> {
        match &self.coverage {
            Coverage::All => BTreeSet::new(),
            Coverage::Years(years) => (date_of(lo).year()..=date_of(hi).year())
                .filter(|y| !years.contains(y))
                .collect(),
        }
    }
}

/// A built-in calendar without cloning it.
pub(crate) fn builtin_ref(name: &str) -> Option<&'static Calendar> {
    match name {
        "cn" => Some(&CN),
        "weekends" => Some(&WEEKENDS),
        _ => None,
    }
}

/// The day number of `date`, or an error outside the supported years.
fn day_number(date: NaiveDate) -> Result<i32, CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date.num_days_from_ce())
    } else {
        Err(CalendarError::DateOutOfRange { date })
    }
}

/// The date of a day number in 0..=MAX_DAY.
fn date_of(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).expect("day numbers stay within 0..=MAX_DAY")
}

fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A date written `YYYY-MM-DD`.
    pub(crate) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The built-in Chinese calendar.
    pub(crate) fn cn() -> Calendar {
        Calendar::builtin("cn").unwrap()
    }

    /// Reference implementation: walks day by day, exactly as the manual's "Deadlines and calendars" reads.
    fn naive_add(cal: &Calendar, start: NaiveDate, n: i64) -> NaiveDate {
        let mut day = start;
        if n == 0 {
            while !cal.is_workday(day) {
                day = day.succ_opt().unwrap();
            }
            return day;
        }
        let mut left = n.abs();
        while left > 0 {
            day = if n > 0 {
                day.succ_opt().unwrap()
            } else {
                day.pred_opt().unwrap()
            };
            if cal.is_workday(day) {
                left -= 1;
            }
        }
        day
    }

    #[test]
    fn max_day_is_9999_12_31() {
        assert_eq!(d("9999-12-31").num_days_from_ce(), MAX_DAY);
        assert_eq!(d("0001-01-01").weekday(), Weekday::Mon);
    }

    #[test]
    fn builtin_names_all_resolve() {
        assert_eq!(Calendar::builtin_names(), &["cn", "weekends"]);
        for name in Calendar::builtin_names() {
            assert_eq!(Calendar::builtin(name).unwrap().name(), *name);
        }
        assert!(Calendar::builtin("us").is_none());
    }

    #[test]
    fn cn_covers_2023_to_2026_only() {
        let cn = cn();
        assert!(!cn.covers(2022));
        assert!((2023..=2026).all(|y| cn.covers(y)));
        assert!(!cn.covers(2027));
        let weekends = Calendar::builtin("weekends").unwrap();
        assert!(weekends.covers(1) && weekends.covers(2027) && weekends.covers(9999));
    }

    /// Known days checked by hand against the State Council notices as
    /// carried in shared/data/cn_calendar.yaml.
    #[test]
    fn cn_known_days() {
        let cn = cn();
        let holiday = |s: &str, name: &str| {
            match cn.day_kind(d(s)) {
                DayKind::Holiday(h) => assert_eq!(h.name, name, "{s}"),
                other => panic!("{s}: expected holiday {name}, got {other:?}"),
            }
            assert!(!cn.is_workday(d(s)), "{s}");
        };
        let makeup = |s: &str, name: &str| {
            assert_eq!(
                cn.day_kind(d(s)),
                DayKind::MakeupWorkday {
                    pays_back: Some(name.to_string())
                },
                "{s}"
            );
            assert!(cn.is_workday(d(s)), "{s}");
        };
        for day in 1..=3 {
            holiday(&format!("2026-01-0{day}"), "New Year's Day");
        }
        makeup("2026-01-04", "New Year's Day");
        makeup("2026-02-14", "Spring Festival");
        makeup("2026-02-28", "Spring Festival");
        for day in 15..=23 {
            holiday(&format!("2026-02-{day}"), "Spring Festival");
        }
        for day in 1..=7 {
            holiday(&format!("2026-10-0{day}"), "National Day");
        }
        makeup("2026-10-10", "National Day");
        makeup("2025-01-26", "Spring Festival");
        for day in 1..=5 {
            holiday(&format!("2025-05-0{day}"), "Labour Day");
        }
        holiday("2025-10-06", "Mid-autumn Festival");
        holiday("2025-10-08", "National Day");
        makeup("2024-09-14", "Mid-autumn Festival");
        for day in 1..=7 {
            holiday(&format!("2024-10-0{day}"), "National Day");
        }
        match cn.day_kind(d("2026-10-06")) {
            DayKind::Holiday(h) => {
                assert_eq!(h.zh.as_deref(), Some("国庆节"));
                assert!(h.in_lieu);
            }
            other => panic!("{other:?}"),
        }
        // Ordinary days around the holidays.
        assert_eq!(cn.day_kind(d("2026-10-08")), DayKind::Workday);
        assert_eq!(cn.day_kind(d("2026-10-11")), DayKind::Weekend);
        assert_eq!(cn.day_kind(d("2024-09-13")), DayKind::Workday);
        assert_eq!(cn.day_kind(d("2025-05-06")), DayKind::Workday);
        assert_eq!(cn.day_kind(d("2026-01-10")), DayKind::Weekend);
    }

    /// Every dated line of the embedded file, read with a plain text scan
    /// independent of the serde path, is classified right.
    #[test]
    fn cn_every_listed_day_is_classified() {
        let cn = cn();
        let (mut holidays, mut makeups) = (0, 0);
        for line in CN_YAML.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("- {date: ") {
                let day = d(&rest[..10]);
                assert!(matches!(cn.day_kind(day), DayKind::Holiday(_)), "{day}");
                assert!(!cn.is_workday(day), "{day}");
                holidays += 1;
            } else if let Some(rest) = line.strip_prefix("- ") {
                let day = d(&rest[..10]);
                assert!(
                    matches!(
                        cn.day_kind(day),
                        DayKind::MakeupWorkday { pays_back: Some(_) }
                    ),
                    "{day}"
                );
                assert!(cn.is_workday(day), "{day}");
                makeups += 1;
            }
        }
        assert_eq!((holidays, makeups), (28 + 28 + 28 + 33, 7 + 8 + 5 + 6));
        let per_year: Vec<(usize, usize)> = (2023..=2026)
            .map(|y| (cn.holidays_in(y).len(), cn.makeup_days_in(y).len()))
            .collect();
        assert_eq!(per_year, [(28, 7), (28, 8), (28, 5), (33, 6)]);
        assert!(cn.holidays_in(2027).is_empty());
    }

    /// Every weekday holiday and every make-up day of 2024–2026 as a start
    /// date, for N in {0, 1, 5, 10, 60}, against the day-by-day walk.
    #[test]
    fn every_official_special_day_as_a_start_date() {
        let cn = cn();
        let mut starts: Vec<NaiveDate> = Vec::new();
        for year in 2024..=2026 {
            starts.extend(
                cn.holidays_in(year)
                    .into_iter()
                    .map(|(d, _)| d)
                    .filter(|d| d.weekday().num_days_from_monday() < 5),
            );
            starts.extend(cn.makeup_days_in(year).into_iter().map(|(d, _)| d));
        }
        assert_eq!(
            starts.len(),
            75,
            "weekday holidays and make-up days, 2024–2026"
        );
        for start in starts {
            for n in [0, 1, 5, 10, 60] {
                let got = cn.add_workdays(start, n).unwrap().value;
                assert_eq!(got, naive_add(&cn, start, n), "{start} + {n}");
                assert!(cn.is_workday(got), "{start} + {n} = {got}");
                if n > 0 {
                    assert_eq!(cn.workdays_between(start, got).unwrap().value, n);
                }
            }
        }
    }

    /// Weekdays minus weekday holidays plus make-up days, counted from the
    /// data file by hand.
    #[test]
    fn cn_working_days_per_year() {
        let cn = cn();
        for (year, expected) in [
            (2024, 262 - 19 + 8),
            (2025, 261 - 18 + 5),
            (2026, 261 - 19 + 6),
        ] {
            let last_of_previous = NaiveDate::from_ymd_opt(year - 1, 12, 31).unwrap();
            let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
            let got = cn.workdays_between(last_of_previous, last).unwrap();
            assert_eq!(got.value, expected, "{year}");
            assert!(got.uncovered_years.is_empty());
        }
    }

    #[test]
    fn add_workdays_table() {
        let cn = cn();
        // (start, n, expected, uncovered years)
        let cases: &[(&str, i64, &str, &[i32])] = &[
            // Wednesday before National Day week 2026.
            ("2026-09-30", 0, "2026-09-30", &[]),
            ("2026-09-30", 1, "2026-10-08", &[]),
            ("2026-09-30", 5, "2026-10-13", &[]),
            ("2026-09-30", 10, "2026-10-20", &[]),
            ("2026-09-30", 60, "2026-12-29", &[]),
            // Starting on a weekday holiday.
            ("2026-10-01", 0, "2026-10-08", &[]),
            ("2026-10-01", 1, "2026-10-08", &[]),
            ("2026-10-01", 5, "2026-10-13", &[]),
            ("2026-10-01", 10, "2026-10-20", &[]),
            // Starting on a make-up Saturday (a working day).
            ("2026-10-10", 0, "2026-10-10", &[]),
            ("2026-10-10", 1, "2026-10-12", &[]),
            ("2026-10-10", 5, "2026-10-16", &[]),
            ("2026-10-10", 10, "2026-10-23", &[]),
            ("2026-10-10", 60, "2027-01-01", &[2027]),
            // Across Spring Festival 2026 (make-up 02-14 and 02-28).
            ("2026-02-13", 0, "2026-02-13", &[]),
            ("2026-02-13", 1, "2026-02-14", &[]),
            ("2026-02-13", 5, "2026-02-27", &[]),
            ("2026-02-13", 10, "2026-03-05", &[]),
            ("2026-02-13", 60, "2026-05-19", &[]),
            // Year boundary 2025 -> 2026 (New Year holiday, 01-04 make-up).
            ("2025-12-30", 0, "2025-12-30", &[]),
            ("2025-12-30", 1, "2025-12-31", &[]),
            ("2025-12-30", 5, "2026-01-07", &[]),
            ("2025-12-30", 10, "2026-01-14", &[]),
            ("2025-12-30", 60, "2026-03-31", &[]),
            // Year boundary 2026 -> 2027: 2027 is not covered.
            ("2026-12-30", 0, "2026-12-30", &[]),
            ("2026-12-30", 1, "2026-12-31", &[]),
            ("2026-12-30", 5, "2027-01-06", &[2027]),
            ("2026-12-31", 0, "2026-12-31", &[]),
            // Starting on a rest day in an uncovered year warns with n = 0.
            ("2027-01-02", 0, "2027-01-04", &[2027]),
            // Backwards.
            ("2026-10-08", -1, "2026-09-30", &[]),
            ("2026-10-12", -1, "2026-10-10", &[]),
            ("2026-10-12", -3, "2026-10-08", &[]),
            ("2026-02-24", -2, "2026-02-13", &[]),
            ("2027-01-04", -1, "2027-01-01", &[2027]),
            ("2027-01-04", -2, "2026-12-31", &[2027]),
            ("2027-01-01", -1, "2026-12-31", &[]),
            // The first covered year follows an uncovered one: a count
            // that starts on its first day uses no day of 2022.
            ("2023-01-01", 0, "2023-01-03", &[]),
            ("2023-01-01", 1, "2023-01-03", &[]),
            ("2022-12-31", 1, "2023-01-03", &[]),
            ("2022-12-31", 0, "2023-01-03", &[2022]),
            ("2023-01-03", -1, "2022-12-30", &[2022]),
        ];
        for &(start, n, expected, years) in cases {
            let got = cn.add_workdays(d(start), n).unwrap();
            assert_eq!(got.value, d(expected), "add_workdays({start}, {n})");
            assert_eq!(
                got.uncovered_years,
                years.iter().copied().collect(),
                "warnings of add_workdays({start}, {n})"
            );
            assert_eq!(
                got.value,
                naive_add(&cn, d(start), n),
                "oracle, {start} {n}"
            );
        }
    }

    #[test]
    fn workdays_between_table() {
        let cn = cn();
        let between = |a: &str, b: &str| cn.workdays_between(d(a), d(b)).unwrap();
        assert_eq!(between("2026-09-30", "2026-10-20").value, 10);
        assert_eq!(between("2026-10-20", "2026-09-30").value, -10);
        assert_eq!(between("2026-10-01", "2026-10-07").value, 0);
        assert_eq!(between("2026-10-09", "2026-10-10").value, 1);
        assert_eq!(between("2026-05-05", "2026-05-05").value, 0);
        // (a, b]: the day counted from is not used.
        let from_uncovered = between("2022-12-31", "2023-01-10");
        assert_eq!(from_uncovered.value, 6);
        assert!(from_uncovered.uncovered_years.is_empty());
        assert_eq!(
            between("2022-12-30", "2023-01-10").uncovered_years,
            BTreeSet::from([2022])
        );
        let crossing = between("2026-12-30", "2027-01-06");
        assert_eq!(crossing.value, 5);
        assert_eq!(crossing.uncovered_years, BTreeSet::from([2027]));
        assert!(
            between("2026-12-30", "2026-12-31")
                .uncovered_years
                .is_empty()
        );
        // A century of weekdays: 2100-01-01 is a Friday.
        let long = between("2026-12-31", "2126-12-31");
        assert_eq!(long.uncovered_years.len(), 100);
        assert_eq!(
            long.warnings("cn"),
            ["calendar 'cn' does not cover 2027-2126: weekends only assumed"]
        );
    }

    #[test]
    fn warnings_name_each_run_of_years() {
        let computed = Computed {
            value: (),
            uncovered_years: BTreeSet::from([2020, 2021, 2022, 2027]),
        };
        assert_eq!(
            computed.warnings("cn"),
            [
                "calendar 'cn' does not cover 2020-2022: weekends only assumed",
                "calendar 'cn' does not cover 2027: weekends only assumed",
            ]
        );
        assert!(Computed::exact(1).warnings("cn").is_empty());
    }

    #[test]
    fn weekends_calendar_never_warns() {
        let weekends = Calendar::builtin("weekends").unwrap();
        let got = weekends.add_workdays(d("2030-12-31"), 5).unwrap();
        assert_eq!(got.value, d("2031-01-07"));
        assert!(got.uncovered_years.is_empty());
        assert_eq!(weekends.day_kind(d("2026-10-01")), DayKind::Workday);
    }

    #[test]
    fn the_first_supported_day_can_be_reached_but_not_passed() {
        // 0001-01-01 is a Monday, and the first day a count may use.
        let weekends = Calendar::builtin("weekends").unwrap();
        let first = d("0001-01-01");
        assert_eq!(weekends.add_workdays(first, 0).unwrap().value, first);
        assert_eq!(
            weekends.add_workdays(d("0001-01-02"), -1).unwrap().value,
            first
        );
        assert_eq!(
            weekends.add_workdays(first, -1).unwrap_err().to_string(),
            CalendarError::ResultOutOfRange {
                what: "-1 working days from 0001-01-01".into()
            }
            .to_string()
        );
    }

    #[test]
    fn every_calendar_error_is_said_in_english_as_displayed_and_in_chinese_with_its_data() {
        use crate::messages::Language;
        let date = d("2026-10-01");
        let file = "calendars/office.yaml".to_string();
        let errors = [
            (CalendarError::DateOutOfRange { date }, "2026-10-01"),
            (
                CalendarError::ResultOutOfRange {
                    what: "5 working days from 9999-12-31".into(),
                },
                "5 working days from 9999-12-31",
            ),
            (CalendarError::TooManyWorkdays { n: 99_999_999 }, "99999999"),
            (
                CalendarError::NegativePeriod {
                    amount: -3,
                    unit: "days",
                },
                "-3",
            ),
            (
                CalendarError::Syntax {
                    file: file.clone(),
                    line: Some(2),
                    message: "坏".into(),
                },
                "calendars/office.yaml：坏",
            ),
            (
                CalendarError::Invalid {
                    file: file.clone(),
                    message: "错".into(),
                },
                "calendars/office.yaml：错",
            ),
            (
                CalendarError::HolidayAndWorkday {
                    file: file.clone(),
                    date,
                },
                "2026-10-01",
            ),
            (
                CalendarError::UnknownParent {
                    file: file.clone(),
                    parent: "cm".into(),
                    known: "cn, weekends".into(),
                },
                "cn、weekends",
            ),
            (
                CalendarError::ExtendsCycle {
                    cycle: "a -> b -> a".into(),
                },
                "a -> b -> a",
            ),
            (
                CalendarError::DuplicateName {
                    name: "office".into(),
                    first: "a.yaml".into(),
                    second: "b.yaml".into(),
                },
                "b.yaml",
            ),
        ];
        for (error, data) in errors {
            assert_eq!(error.describe(Language::En), error.to_string());
            let zh = error.describe(Language::Zh);
            assert!(zh.contains(data), "{zh}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
    }

    #[test]
    fn far_dates_and_huge_counts_are_errors_not_panics() {
        let cn = cn();
        let far = NaiveDate::from_ymd_opt(99999, 1, 1).unwrap();
        let err = cn.add_workdays(far, 1).unwrap_err();
        assert_eq!(err, CalendarError::DateOutOfRange { date: far });
        assert!(
            err.to_string().contains("outside the supported range"),
            "{err}"
        );
        assert!(cn.workdays_between(d("2026-01-01"), far).is_err());
        assert!(
            cn.workdays_between(NaiveDate::MIN, d("2026-01-01"))
                .is_err()
        );
        let err = cn
            .add_workdays(d("2026-01-01"), MAX_WORKDAYS + 1)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot count 100001 working days at once: the limit is 100000"
        );
        assert!(cn.add_workdays(d("2026-01-01"), i64::MIN).is_err());
        assert!(matches!(
            cn.add_workdays(d("9999-12-30"), 5),
            Err(CalendarError::ResultOutOfRange { .. })
        ));
        assert!(cn.add_workdays(d("0001-01-01"), -1).is_err());
        // The largest counts are fine and agree with the count back.
        let big = cn.add_workdays(d("2026-01-01"), MAX_WORKDAYS).unwrap();
        assert_eq!(
            cn.workdays_between(d("2026-01-01"), big.value)
                .unwrap()
                .value,
            MAX_WORKDAYS
        );
        let back = cn.add_workdays(d("2026-01-01"), -MAX_WORKDAYS).unwrap();
        // Backwards, the days counted are [result, start): (result - 1, start - 1].
        assert_eq!(
            cn.workdays_between(back.value.pred_opt().unwrap(), d("2025-12-31"))
                .unwrap()
                .value,
            MAX_WORKDAYS
        );
        // All of 9999-12-31's year still works.
        assert_eq!(
            cn.add_workdays(d("9999-12-30"), 1).unwrap().value,
            d("9999-12-31")
        );
    }

    #[test]
    fn weekend_set_rejects_a_week_without_working_days() {
        use Weekday::*;
        assert!(WeekendSet::new([Mon, Tue, Wed, Thu, Fri, Sat, Sun]).is_none());
        let fri_sat = WeekendSet::new([Fri, Sat]).unwrap();
        assert_eq!(fri_sat.days(), [Fri, Sat]);
        assert!(!fri_sat.contains(Sun));
    }

    fn covered_date() -> impl Strategy<Value = NaiveDate> {
        let first = d("2023-01-01").num_days_from_ce();
        let last = d("2026-12-31").num_days_from_ce();
        (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    proptest! {
        #[test]
        fn add_then_between_gives_n(start in covered_date(), n in 1i64..200) {
            let cn = cn();
            let end = cn.add_workdays(start, n).unwrap().value;
            prop_assert_eq!(cn.workdays_between(start, end).unwrap().value, n);
        }

        #[test]
        fn add_agrees_with_a_day_by_day_walk(start in covered_date(), n in -200i64..200) {
            let cn = cn();
            prop_assert_eq!(cn.add_workdays(start, n).unwrap().value, naive_add(&cn, start, n));
        }

        #[test]
        fn add_is_monotonic_and_lands_on_working_days(start in covered_date(), n in 0i64..200) {
            let cn = cn();
            let here = cn.add_workdays(start, n).unwrap().value;
            let next = cn.add_workdays(start, n + 1).unwrap().value;
            prop_assert!(here < next || (n == 0 && here <= next));
            prop_assert!(cn.is_workday(here));
            prop_assert!(here >= start);
        }

        #[test]
        fn between_is_antisymmetric(a in covered_date(), b in covered_date()) {
            let cn = cn();
            let ab = cn.workdays_between(a, b).unwrap().value;
            let ba = cn.workdays_between(b, a).unwrap().value;
            prop_assert_eq!(ab, -ba);
            prop_assert!(cn.workdays_between(a, b).unwrap().uncovered_years.is_empty());
        }

        #[test]
        fn warns_exactly_when_an_uncovered_year_is_reached(start in covered_date(), n in 1i64..400) {
            let cn = cn();
            let got = cn.add_workdays(start, n).unwrap();
            let expected: BTreeSet<i32> = (start.year()..=got.value.year())
                .filter(|y| !(2023..=2026).contains(y))
                .collect();
            prop_assert_eq!(got.uncovered_years, expected);
        }
    }
}
