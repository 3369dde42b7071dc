//! Redaction: a copy of a case that carries no personal data, for exports
//! and reports that leave the office.
//!
//! Names keep a first character (`张*`, `J*** S***`), phones, e-mails and
//! contacts keep their last few characters, addresses shrink to the city,
//! and free text — which may name anyone — is left out altogether: title,
//! facts, demands, measures, findings, agreement, the agent's scope and the notes and free-text
//! reasons of the history. Codes (category, status, outcome, rejection
//! reasons), dates, officers and the respondent stay, so statistics still
//! work. The masks have a fixed length, so they do not leak how long a
//! name or number was.

use crate::model::{Agent, Case, Event, EventKind, Person};

/// The mask put in place of hidden characters.
const STARS: &str = "***";

/// A copy of `case` without personal data.
pub fn redact_case(case: &Case) -> Case {
    let mut out = case.clone();
    out.title = None;
    out.facts = None;
    out.demands = None;
    out.measures = None;
    out.findings = None;
    out.agreement = None;
    out.complainants = case.complainants.iter().map(redact_person).collect();
    out.agent = case.agent.as_ref().map(redact_agent);
    out.history = case.history.iter().map(redact_event).collect();
    out
}

fn redact_person(p: &Person) -> Person {
    Person {
        name: p.name.as_deref().map(mask_name),
        gender: p.gender.clone(),
        nationality: p.nationality.clone(),
        address: p.address.as_deref().and_then(city_of),
        postcode: None,
        phone: p.phone.as_deref().map(mask_tail),
        email: p.email.as_deref().map(mask_tail),
        legal_representative: p.legal_representative.as_deref().map(mask_name),
    }
}

fn redact_agent(a: &Agent) -> Agent {
    Agent {
        name: a.name.as_deref().map(mask_name),
        contact: a.contact.as_deref().map(mask_tail),
        scope: None,
    }
}

/// Keeps the codes of an event; drops its note, file names, and the reason unless it
/// is a rejection code (an extension's reason is free text).
fn redact_event(e: &Event) -> Event {
    let mut out = e.clone();
    out.note = None;
    match &mut out.what {
        EventKind::Status(m) => m.consent = None,
        EventKind::Consent { consent } => consent.clear(),
        EventKind::Extended(x) => x.reason = None,
        EventKind::Voided { reason } => reason.clear(),
        EventKind::Escalated { reason, .. } => *reason = None,
        // An attachment's file name can name a person; its hash cannot.
        EventKind::Attached { name, file, .. } | EventKind::Detached { name, file, .. } => {
            name.clear();
            file.clear();
        }
        EventKind::Notice(n) => n.file.clear(),
        // The matter and the finding tell the facts, as the case's own
        // facts and findings do; the body is an institution.
        EventKind::AppraisalStarted(a) => a.matter.clear(),
        EventKind::AppraisalResult(o) => o.result.clear(),
        EventKind::Registered
        | EventKind::Imported { .. }
        | EventKind::Assigned { .. }
        | EventKind::Note
        | EventKind::Milestone { .. }
        | EventKind::Edited { .. }
        | EventKind::Followup { .. }
        | EventKind::Promised { .. }
        | EventKind::Superseded { .. }
        | EventKind::Approved { .. }
        | EventKind::Instructed
        | EventKind::Routed { .. } => {}
    }
    out
}

/// Masks a name: the first character of a CJK name (`张三` → `张*`), the
/// initial of every word of another (`John Smith` → `J*** S***`).
pub fn mask_name(name: &str) -> String {
    let name = name.trim();
    let Some(first) = name.chars().next() else {
        return String::new();
    };
    if is_cjk(first) {
        return format!("{first}*");
    }
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .map(|initial| format!("{initial}{STARS}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Masks a phone, e-mail or contact but for its last characters: four of a
/// long value, two of a short one, none of a very short one.
pub fn mask_tail(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    let keep = match chars.len() {
        n if n >= 8 => 4,
        n if n >= 5 => 2,
        _ => 0,
    };
    let tail: String = chars[chars.len() - keep..].iter().collect();
    format!("{STARS}{tail}")
}

/// The city of an address: a Chinese address up to its first city-level
/// suffix (`广西桂林市秀峰区…` → `广西桂林市`); a comma-separated address its
/// last part without digits (`12 Baker St, London` → `London`); otherwise
/// nothing, as the whole text may be a street.
pub fn city_of(address: &str) -> Option<String> {
    let address = address.trim();
    for suffix in ['市', '州', '县', '盟'] {
        if let Some(end) = address.find(suffix) {
            return Some(address[..end + suffix.len_utf8()].to_string());
        }
    }
    let parts: Vec<&str> = address.split([',', '，']).map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    parts
        .iter()
        .skip(1)
        .rev()
        .find(|p| !p.is_empty() && !p.chars().any(|c| c.is_ascii_digit()))
        .map(std::string::ToString::to_string)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F
        | 0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redacted_event_leaves_its_personal_details_out_rather_than_empty() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-03T10:00:00+08:00").unwrap();
        let attached = EventKind::Attached {
            name: "张三身份证.jpg".into(),
            file: "attachments/20261102-K7QF2/abcd-张三身份证.jpg".into(),
            size: 3,
            sha256: "ab".into(),
        };
        let consent = EventKind::Consent {
            consent: "张三、李四书面同意".into(),
        };
        for (what, kept) in [
            (attached, "size: 3\nsha256: ab\n"),
            (consent, "action: consent\n"),
        ] {
            let yaml = serde_yaml::to_string(&redact_event(&Event::new(at, "王芳", what))).unwrap();
            assert!(yaml.ends_with(kept), "{yaml}");
            assert!(!yaml.contains("张三") && !yaml.contains("''"), "{yaml}");
        }
    }

    /// Asserts that `mask` turns each text of `table` into its masked form.
    fn masks(mask: fn(&str) -> String, table: &[(&str, &str)]) {
        for (text, masked) in table {
            assert_eq!(mask(text), *masked, "{text}");
        }
    }

    #[test]
    fn names_keep_a_first_character() {
        masks(
            mask_name,
            &[
                ("张三", "张*"),
                ("欧阳娜娜", "欧*"),
                ("John Smith", "J*** S***"),
                ("  ", ""),
            ],
        );
    }

    #[test]
    fn contacts_keep_their_tail() {
        masks(
            mask_tail,
            &[
                ("13800138000", "***8000"),
                ("john@example.com", "***.com"),
                ("12345", "***45"),
                ("110", "***"),
            ],
        );
    }

    #[test]
    fn addresses_shrink_to_the_city() {
        assert_eq!(
            city_of("广西壮族自治区桂林市秀峰区解放西路1号").as_deref(),
            Some("广西壮族自治区桂林市")
        );
        assert_eq!(
            city_of("12 Baker Street, London, NW1 6XE").as_deref(),
            Some("London")
        );
        assert_eq!(city_of("12 Baker Street"), None);
    }
}
