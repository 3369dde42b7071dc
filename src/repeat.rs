//! Repeat complaints: a case is a repeat when the same complainant (by
//! phone, e-mail, or name with the same respondent) has an earlier case.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Case, CaseId};

/// The keys that identify a complainant of `case`: `p:` phone digits,
/// `e:` lower-case e-mail, `n:` name with respondent.
pub fn contact_keys(case: &Case) -> Vec<String> {
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
        if let (Some(name), Some(respondent)) = (person.name.as_deref(), respondent.as_deref()) {
            keys.push(format!("n:{}|{respondent}", normalize_name(name)));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// The order cases happened in: by receipt, then ID.
pub fn order_key(case: &Case) -> (chrono::DateTime<chrono::FixedOffset>, &CaseId) {
    (case.received, &case.id)
}

/// For every repeat case among `cases`, the earlier cases of the same
/// complainant, in order.
pub fn detect(cases: &[&Case]) -> BTreeMap<CaseId, Vec<CaseId>> {
    let mut by_key: HashMap<String, Vec<&Case>> = HashMap::new();
    for case in cases {
        for key in contact_keys(case) {
            by_key.entry(key).or_default().push(case);
        }
    }
    let mut earlier: BTreeMap<CaseId, Vec<CaseId>> = BTreeMap::new();
    for group in by_key.values_mut() {
        if group.len() < 2 {
            continue;
        }
        group.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        for (i, case) in group.iter().enumerate().skip(1) {
            let list = earlier.entry(case.id.clone()).or_default();
            list.extend(group[..i].iter().map(|c| c.id.clone()));
        }
    }
    for list in earlier.values_mut() {
        list.sort();
        list.dedup();
    }
    earlier
}

fn phone_digits(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    // +86 138... and 138... are the same mobile number.
    match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 => rest.to_string(),
        _ => digits,
    }
}

fn normalize_name(name: &str) -> String {
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
        let found = detect(&[&a, &b, &c, &d, &e]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[&b.id], vec![a.id.clone()]);
        assert_eq!(found[&d.id], vec![c.id.clone()]);
    }
}
