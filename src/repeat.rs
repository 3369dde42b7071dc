//! Repeat complaints: a case is a repeat when the same complainant (by
//! phone, e-mail, or name with the same respondent) has an earlier case.
//!
//! Names that only say the complainant is unknown (`匿名`, `anonymous`, an
//! empty name, or a name the policy lists) never group cases: thousands of
//! anonymous callers are not one complainant. Detection over a whole
//! workspace is linear (plus sorting each group): each case keeps only
//! whether it is a repeat, never the list of every earlier case.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset};

use crate::model::{Case, CaseId};

/// Names that mean "unknown complainant" in every workspace (compared after
/// [`normalize_name`]); the policy's `anonymous_names` adds to them.
pub const ANONYMOUS_NAMES: &[&str] = &["匿名", "anonymous", "unknown", "未知"];

/// The keys that identify a complainant of `case`: `p:` phone digits,
/// `e:` lower-case e-mail, `n:` name with respondent. A name in
/// `anonymous` (or [`ANONYMOUS_NAMES`]) makes no key.
pub fn contact_keys(case: &Case, anonymous: &[String]) -> Vec<String> {
    let respondent = case.respondent_name().map(normalize_name);
    let mut keys = Vec::new();
    for person in &case.complainants {
        if let Some(phone) = person
            .phone
            .as_deref()
            .map(phone_digits)
            .filter(|d| d.len() >= 5)
        {
            keys.push(format!("p:{phone}"));
        }
        if let Some(email) = person
            .email
            .as_deref()
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty())
        {
            keys.push(format!("e:{email}"));
        }
        let name = person.name.as_deref().map(normalize_name);
        if let (Some(name), Some(respondent)) = (name, respondent.as_deref())
            && !is_anonymous(&name, anonymous)
        {
            keys.push(format!("n:{name}|{respondent}"));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Whether a normalized name only says the complainant is unknown.
fn is_anonymous(name: &str, anonymous: &[String]) -> bool {
    name.is_empty()
        || ANONYMOUS_NAMES.contains(&name)
        || anonymous.iter().any(|a| normalize_name(a) == name)
}

/// The order cases happened in: by receipt, then by registration (the
/// first event). Timestamps count whole seconds, so two cases may tie;
/// tied cases count as earlier than each other (see [`is_earlier`]).
pub fn order_key(case: &Case) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let registered = case.history.first().map_or(case.received, |e| e.at);
    (case.received, registered)
}

/// Whether `other` counts as earlier than `case`: received (and
/// registered) before it, or in the same second — three registrations of
/// one caller within a second are all repeats after the first one stored.
pub fn is_earlier(other: &Case, case: &Case) -> bool {
    other.id != case.id && order_key(other) <= order_key(case)
}

/// What repeat detection needs of one case: its ID, its contact keys and
/// its order key. Small, so a whole workspace's fits in memory.
#[derive(Clone, Debug)]
pub struct Contact {
    /// The case.
    pub id: CaseId,
    /// Its [`contact_keys`].
    pub keys: Vec<String>,
    /// Its [`order_key`].
    pub order: (DateTime<FixedOffset>, DateTime<FixedOffset>),
}

impl Contact {
    /// The contact of `case`.
    pub fn of(case: &Case, anonymous: &[String]) -> Contact {
        Contact {
            id: case.id.clone(),
            keys: contact_keys(case, anonymous),
            order: order_key(case),
        }
    }
}

/// The repeat cases among `cases`: those with an earlier case (by
/// [`is_earlier`]) sharing a contact key. Linear in the number of cases
/// and keys, plus sorting each group; memory holds one entry per key.
pub fn detect(cases: &[&Case], anonymous: &[String]) -> BTreeSet<CaseId> {
    let keys: Vec<Vec<String>> = cases.iter().map(|c| contact_keys(c, anonymous)).collect();
    repeats_among(&keys, |i| order_key(cases[i]))
        .map(|i| cases[i].id.clone())
        .collect()
}

/// [`detect`] over the contacts of the cases.
pub fn detect_contacts(cases: &[Contact]) -> BTreeSet<CaseId> {
    let keys: Vec<&[String]> = cases.iter().map(|c| c.keys.as_slice()).collect();
    repeats_among(&keys, |i| cases[i].order)
        .map(|i| cases[i].id.clone())
        .collect()
}

/// The places of the repeats among cases with these contact keys and
/// order keys.
fn repeats_among<K: AsRef<[String]>>(
    keys: &[K],
    order: impl Fn(usize) -> (DateTime<FixedOffset>, DateTime<FixedOffset>),
) -> impl Iterator<Item = usize> {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, case_keys) in keys.iter().enumerate() {
        for key in case_keys.as_ref() {
            by_key.entry(key).or_default().push(i);
        }
    }
    let mut repeats = Vec::new();
    for group in by_key.values_mut().filter(|g| g.len() > 1) {
        group.sort_by_key(|&i| order(i));
        // Everyone but a first case strictly earlier than all others has
        // an earlier case in the group.
        let (first, second) = (order(group[0]), order(group[1]));
        let skip = usize::from(first < second);
        repeats.extend_from_slice(&group[skip..]);
    }
    repeats.into_iter()
}

fn phone_digits(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    // +86 138... and 138... are the same mobile number.
    match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 => rest.to_string(),
        _ => digits,
    }
}

/// A name compared without case and with runs of white space as one.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Respondent};

    fn case(id: &str, received: &str, name: &str, phone: Option<&str>, respondent: &str) -> Case {
        let text = format!(
            "schema: 1\nid: {id}\nreceived: {received}\nstatus: received\nhistory:\n- at: {received}\n  by: t\n  action: registered\n"
        );
        let mut case: Case = serde_yaml::from_str(&text).unwrap();
        case.complainants.push(Person {
            name: Some(name.into()),
            phone: phone.map(str::to_string),
            ..Person::default()
        });
        case.respondent = Some(Respondent {
            name: Some(respondent.into()),
            ..Respondent::default()
        });
        case
    }

    #[test]
    fn same_phone_or_same_name_and_respondent_makes_a_repeat() {
        let a = case(
            "20260101-AAAAA",
            "2026-01-01T09:00:00+08:00",
            "张三",
            Some("138 0013 8000"),
            "甲社",
        );
        let b = case(
            "20260201-BBBBB",
            "2026-02-01T09:00:00+08:00",
            "张 三",
            Some("+86 13800138000"),
            "乙社",
        );
        let c = case(
            "20260301-CCCCC",
            "2026-03-01T09:00:00+08:00",
            "李四",
            None,
            "丙社",
        );
        let d = case(
            "20260401-DDDDD",
            "2026-04-01T09:00:00+08:00",
            "李四",
            None,
            "丙社",
        );
        let e = case(
            "20260501-EEEEE",
            "2026-05-01T09:00:00+08:00",
            "李四",
            None,
            "丁社",
        );
        let found = detect(&[&a, &b, &c, &d, &e], &[]);
        assert_eq!(found, BTreeSet::from([b.id.clone(), d.id.clone()]));
    }

    // issue 17

    #[test]
    fn cases_of_the_same_second_are_repeats_of_each_other() {
        let at = "2026-01-01T09:00:00+08:00";
        let ids = ["20260101-AAAAA", "20260101-BBBBB", "20260101-CCCCC"];
        let cases: Vec<Case> = ids
            .iter()
            .map(|id| case(id, at, "张三", Some("13800138000"), "甲社"))
            .collect();
        let refs: Vec<&Case> = cases.iter().collect();
        assert_eq!(
            detect(&refs, &[]).len(),
            3,
            "no random ID decides the order"
        );
        assert!(is_earlier(&cases[2], &cases[0]) && is_earlier(&cases[0], &cases[2]));
        assert!(!is_earlier(&cases[0], &cases[0]));
    }

    // issue 18

    #[test]
    fn an_anonymous_name_never_groups_cases() {
        let at = |d: u32| format!("2026-01-{d:02}T09:00:00+08:00");
        let policy_list = vec!["来电人".to_string()];
        for name in ["匿名", "Anonymous", "  ", "来电人"] {
            let a = case("20260101-AAAAA", &at(1), name, None, "甲社");
            let b = case("20260102-BBBBB", &at(2), name, None, "甲社");
            assert!(detect(&[&a, &b], &policy_list).is_empty(), "{name:?}");
        }
        let a = case(
            "20260101-AAAAA",
            &at(1),
            "匿名",
            Some("13800138000"),
            "甲社",
        );
        let b = case(
            "20260102-BBBBB",
            &at(2),
            "匿名",
            Some("13800138000"),
            "乙社",
        );
        assert_eq!(detect(&[&a, &b], &[]).len(), 1, "the phone still groups");
    }

    #[test]
    /// A group of 50,000 repeats is found whole. Not timed (timing belongs
    /// in the benchmark scripts); a quadratic detector would make this test
    /// run for minutes instead of about a second.
    fn a_group_of_50000_cases_is_detected_whole() {
        let template = case(
            "20260101-AAAAA",
            "2026-01-01T09:00:00+08:00",
            "张三",
            None,
            "甲社",
        );
        let start = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+08:00").unwrap();
        let mut ids = std::collections::HashSet::new();
        let cases: Vec<Case> = (0..50_000i64)
            .map(|i| {
                let mut c = template.clone();
                c.received = start + chrono::Duration::minutes(i);
                while !ids.insert(c.id.clone()) {
                    c.id = CaseId::generate(c.received.date_naive()).unwrap();
                }
                c.history[0].at = c.received;
                c
            })
            .collect();
        let refs: Vec<&Case> = cases.iter().collect();
        let found = detect(&refs, &[]);
        assert_eq!(found.len(), 49_999);
    }
}
