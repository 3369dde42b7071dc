//! Working-day calendars: which days are worked, and arithmetic over them.
//!
//! A [`Calendar`] knows its weekend days, its holidays and its make-up
//! working days (调休上班), and the years for which that list is official.
//! It counts and adds working days with the conventions of SPEC §7:
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
//! ([`file`]), and the Civil Code period rules live in [`period`].

pub mod file;
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
    ResultOutOfRange { what: String },

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
        f.write_str(&self.name)?;
        if let Some(zh) = &self.zh {
            write!(f, " ({zh})")?;
        }
        if self.in_lieu {
            f.write_str(", day off in lieu")?;
        }
        Ok(())
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
        let mut runs: Vec<(i32, i32)> = Vec::new();
        for &year in &self.uncovered_years {
            match runs.last_mut() {
                Some((_, last)) if *last + 1 == year => *last = year,
                _ => runs.push((year, year)),
            }
        }
        runs.into_iter()
            .map(|(first, last)| {
                let years = if first == last {
                    first.to_string()
                } else {
                    format!("{first}-{last}")
                };
                format!("calendar '{calendar_name}' does not cover {years}: weekends only assumed")
            })
            .collect()
    }
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
        if n.abs() > MAX_WORKDAYS {
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
            what: format!("{n} working days from {date}"),
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
