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

/// A field that makes two cases the same complainant's.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum RepeatField {
    /// The same phone number (its digits, `+86` left out).
    Phone,
    /// The same e-mail address, ignoring case.
    Email,
    /// The same complainant's name about the same respondent.
    NameRespondent,
}

impl RepeatField {
    /// Every field, in the order keys are listed.
    pub const ALL: [RepeatField; 3] = [
        RepeatField::Phone,
        RepeatField::Email,
        RepeatField::NameRespondent,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            RepeatField::Phone => "phone",
            RepeatField::Email => "email",
            RepeatField::NameRespondent => "name-respondent",
        }
    }

    /// The prefix of this field's contact keys.
    fn prefix(self) -> &'static str {
        match self {
            RepeatField::Phone => "p:",
            RepeatField::Email => "e:",
            RepeatField::NameRespondent => "n:",
        }
    }

    /// The field a contact key was made from, and the value it holds.
    pub fn of_key(key: &str) -> Option<(RepeatField, &str)> {
        RepeatField::ALL
            .into_iter()
            .find_map(|f| key.strip_prefix(f.prefix()).map(|value| (f, value)))
    }
}

/// What makes a repeat complaint: which fields, and how far back an
/// earlier case counts (the petition system's 重复件 rules, as data).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatRule {
    /// The fields that make two cases the same complainant's (empty: no
    /// case is a repeat).
    #[serde(default = "all_fields")]
    pub by: Vec<RepeatField>,
    /// An earlier case counts only when received at most this many
    /// calendar days before; none: any earlier case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days: Option<i64>,
}

fn all_fields() -> Vec<RepeatField> {
    RepeatField::ALL.to_vec()
}

impl Default for RepeatRule {
    /// Every field, any time back: the rule of a policy that sets none.
    fn default() -> Self {
        RepeatRule {
            by: all_fields(),
            within_days: None,
        }
    }
}

impl RepeatRule {
    /// Whether a contact key is of a field this rule compares.
    pub fn compares(&self, key: &str) -> bool {
        RepeatField::of_key(key).is_some_and(|(f, _)| self.by.contains(&f))
    }

    /// The contact keys of `case` this rule compares.
    pub fn keys(&self, case: &Case, anonymous: &[String]) -> Vec<String> {
        let mut keys = contact_keys(case, anonymous);
        keys.retain(|k| self.compares(k));
        keys
    }

    /// Whether an earlier case received at `earlier` is recent enough to
    /// make a case received at `later` a repeat.
    pub fn in_window(&self, earlier: DateTime<FixedOffset>, later: DateTime<FixedOffset>) -> bool {
        self.within_days
            .is_none_or(|days| (later - earlier).num_seconds() <= days * 86_400)
    }
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
    /// The contact of `case`, with the keys `rule` compares.
    pub fn of(case: &Case, anonymous: &[String], rule: &RepeatRule) -> Contact {
        Contact {
            id: case.id.clone(),
            keys: rule.keys(case, anonymous),
            order: order_key(case),
        }
    }
}

/// The repeat cases among `cases`: those with an earlier case (by
/// [`is_earlier`]) sharing a contact key. Linear in the number of cases
/// and keys, plus sorting each group; memory holds one entry per key.
pub fn detect(cases: &[&Case], anonymous: &[String], rule: &RepeatRule) -> BTreeSet<CaseId> {
    let keys: Vec<Vec<String>> = cases.iter().map(|c| rule.keys(c, anonymous)).collect();
    repeats_among(&keys, |i| order_key(cases[i]), rule)
        .map(|i| cases[i].id.clone())
        .collect()
}

/// [`detect`] over the contacts of the cases.
pub fn detect_contacts(cases: &[Contact], rule: &RepeatRule) -> BTreeSet<CaseId> {
    let keys: Vec<&[String]> = cases.iter().map(|c| c.keys.as_slice()).collect();
    repeats_among(&keys, |i| cases[i].order, rule)
        .map(|i| cases[i].id.clone())
        .collect()
}

/// The places of the repeats among cases with these contact keys and
/// order keys.
fn repeats_among<K: AsRef<[String]>>(
    keys: &[K],
    order: impl Fn(usize) -> (DateTime<FixedOffset>, DateTime<FixedOffset>),
    rule: &RepeatRule,
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
        // A case is a repeat when the case just before it is earlier (by
        // [`is_earlier`]) and recent enough, or when the one just after it
        // ties with it (cases of the same second are earlier than each other).
        for (at, &i) in group.iter().enumerate() {
            let before = at
                .checked_sub(1)
                .is_some_and(|b| rule.in_window(order(group[b]).0, order(i).0));
            let tied = group.get(at + 1).is_some_and(|&n| order(n) == order(i));
            if before || tied {
                repeats.push(i);
            }
        }
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
        let found = detect(&[&a, &b, &c, &d, &e], &[], &RepeatRule::default());
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
            detect(&refs, &[], &RepeatRule::default()).len(),
            3,
            "no random ID decides the order"
        );
        assert!(is_earlier(&cases[2], &cases[0]) && is_earlier(&cases[0], &cases[2]));
        assert!(!is_earlier(&cases[0], &cases[0]));
    }

    // issue 18

    #[test]
    fn the_rule_says_which_fields_and_how_far_back_make_a_repeat() {
        let a = case(
            "20260101-AAAAA",
            "2026-01-01T09:00:00+08:00",
            "张三",
            Some("13800138000"),
            "甲社",
        );
        let b = case(
            "20260301-BBBBB",
            "2026-03-01T09:00:00+08:00",
            "张三",
            Some("13900000000"),
            "甲社",
        );
        let c = case(
            "20260310-CCCCC",
            "2026-03-10T09:00:00+08:00",
            "李四",
            Some("13800138000"),
            "乙社",
        );
        let all = [&a, &b, &c];
        let found = |rule: RepeatRule| detect(&all, &[], &rule);
        assert_eq!(found(RepeatRule::default()).len(), 2);
        let phone = RepeatRule {
            by: vec![RepeatField::Phone],
            within_days: None,
        };
        assert_eq!(
            found(phone.clone()).into_iter().collect::<Vec<_>>(),
            std::slice::from_ref(&c.id)
        );
        let recent = RepeatRule {
            within_days: Some(30),
            ..phone
        };
        assert!(
            found(recent).is_empty(),
            "the phone's earlier case is 68 days older"
        );
        let names = RepeatRule {
            by: vec![RepeatField::NameRespondent],
            within_days: Some(59),
        };
        assert_eq!(
            found(names).into_iter().collect::<Vec<_>>(),
            std::slice::from_ref(&b.id)
        );
        assert!(
            found(RepeatRule {
                by: Vec::new(),
                within_days: None
            })
            .is_empty()
        );
    }

    #[test]
    fn an_anonymous_name_never_groups_cases() {
        let at = |d: u32| format!("2026-01-{d:02}T09:00:00+08:00");
        let policy_list = vec!["来电人".to_string()];
        for name in ["匿名", "Anonymous", "  ", "来电人"] {
            let a = case("20260101-AAAAA", &at(1), name, None, "甲社");
            let b = case("20260102-BBBBB", &at(2), name, None, "甲社");
            assert!(
                detect(&[&a, &b], &policy_list, &RepeatRule::default()).is_empty(),
                "{name:?}"
            );
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
        assert_eq!(
            detect(&[&a, &b], &[], &RepeatRule::default()).len(),
            1,
            "the phone still groups"
        );
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
        let found = detect(&refs, &[], &RepeatRule::default());
        assert_eq!(found.len(), 49_999);
    }
}
