//! Who may do what, and where a case goes when the office cannot settle
//! it: the people of each role (`roles:` in `plaint.yaml`), the acts that
//! need a role (`permissions:`, per preset and overridable), escalation
//! to leadership with the clock of the leader's instruction, and routing
//! (派单) of important and repeat cases to a leader (`escalation:`).
//!
//! A workspace whose `plaint.yaml` names no roles checks nothing: every
//! act is open to every officer, as before roles existed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rules::{DeadlineRule, Extendable, Roll, RuleKind, Unit};
use super::{Language, Policy, Role as StateRole};
use crate::model::{Case, Event, EventKind, Priority};

/// An act that a policy may reserve to a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Duty {
    /// Accepting a complaint (a move to a state of role `accepted`).
    Accept,
    /// Refusing one (a move to a state of role `rejected`).
    Refuse,
    /// Approving a deadline extension (`plaint extend`).
    Extend,
    /// Closing an important or urgent case (a move to a state of role
    /// `closed`, 结案).
    CloseImportant,
    /// Issuing a decision (a move to a state of role `resolved`).
    Decide,
    /// Giving the instruction an escalated case waits for (`plaint instruct`).
    Instruct,
}

impl Duty {
    /// Every duty, in the order the manual lists them.
    pub const ALL: [Duty; 6] = [
        Duty::Accept,
        Duty::Refuse,
        Duty::Extend,
        Duty::CloseImportant,
        Duty::Decide,
        Duty::Instruct,
    ];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Duty::Accept => "accept",
            Duty::Refuse => "refuse",
            Duty::Extend => "extend",
            Duty::CloseImportant => "close-important",
            Duty::Decide => "decide",
            Duty::Instruct => "instruct",
        }
    }

    /// The duty named `name` (its file name, or its label in either language).
    pub fn parse(name: &str) -> Option<Duty> {
        let name = name.trim();
        Duty::ALL.into_iter().find(|d| {
            d.as_str() == name
                || d.label(Language::Zh) == name
                || d.label(Language::En).eq_ignore_ascii_case(name)
        })
    }

    /// The act, as a person reads it in `lang`.
    pub fn label(self, lang: Language) -> String {
        crate::messages::fill(lang, &format!("duty-{}", self.as_str()), &[])
    }
}

/// The permissions of `over` laid on those of `base`, duty by duty; a
/// duty given no role needs none.
pub fn merge_permissions(
    base: Option<BTreeMap<Duty, Vec<String>>>,
    over: Option<BTreeMap<Duty, Vec<String>>>,
) -> BTreeMap<Duty, Vec<String>> {
    let mut merged = base.unwrap_or_default();
    merged.extend(over.unwrap_or_default());
    merged.retain(|_, roles| !roles.is_empty());
    merged
}

/// The act a history event's `kind` names, as a person reads it; a name
/// the policy does not know is shown as written.
pub fn duty_text(lang: Language, kind: &str) -> String {
    Duty::parse(kind).map_or_else(|| kind.to_string(), |d| d.label(lang))
}

/// Why a case was routed, as a person reads it; an unknown reason as written.
pub fn route_why_text(lang: Language, reason: &str) -> String {
    RouteWhy::parse(reason).map_or_else(
        || reason.to_string(),
        |why| crate::messages::fill(lang, &format!("route-why-{}", why.as_str()), &[]),
    )
}

/// The well-known roles of `plaint.yaml`, and how each reads in Chinese;
/// any other role name is shown as written (e.g. `院长`).
const KNOWN_ROLES: [&str; 3] = ["officers", "leaders", "liaisons"];

/// A role's name as a person reads it in `lang`.
pub fn role_label(role: &str, lang: Language) -> String {
    if KNOWN_ROLES.contains(&role) {
        crate::messages::fill(lang, &format!("people-role-{role}"), &[])
    } else {
        role.to_string()
    }
}

/// The people of each role, from `plaint.yaml`.
#[derive(Clone, Copy, Debug)]
pub struct Staff<'a> {
    roles: &'a BTreeMap<String, Vec<String>>,
}

impl<'a> Staff<'a> {
    /// The staff named by `roles` (`plaint.yaml`'s `roles:`).
    pub fn new(roles: &'a BTreeMap<String, Vec<String>>) -> Self {
        Staff { roles }
    }

    /// Whether any role names anyone: without roles nothing is checked.
    pub fn is_set(&self) -> bool {
        self.roles.values().any(|names| !names.is_empty())
    }

    /// Whether `name` holds one of `roles`.
    pub fn holds(&self, name: &str, roles: &[String]) -> bool {
        let name = name.trim();
        roles.iter().any(|role| {
            self.roles
                .get(role)
                .is_some_and(|names| names.iter().any(|n| n.trim() == name))
        })
    }

    /// Everyone holding one of `roles`, once each, in the order listed.
    pub fn holders(&self, roles: &[String]) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for role in roles {
            for name in self.roles.get(role).into_iter().flatten() {
                if !out.contains(&name.as_str()) {
                    out.push(name);
                }
            }
        }
        out
    }

    /// The roles `name` holds.
    pub fn roles_of(&self, name: &str) -> Vec<&'a str> {
        self.roles
            .iter()
            .filter(|(_, names)| names.iter().any(|n| n.trim() == name.trim()))
            .map(|(role, _)| role.as_str())
            .collect()
    }
}

/// The `escalation` section of a preset or of `plaint.yaml`: each field
/// given replaces the preset's, the others are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationOverrides {
    /// The roles a case is escalated to (`escalate --to` must name one of
    /// their holders when roles are set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Vec<String>>,
    /// Working days the leader has to give an instruction; none: the
    /// escalation is recorded without a clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction_workdays: Option<i64>,
    /// The source of the escalation rule (a citation id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source of the instruction's time limit (a citation id); none:
    /// the office's own target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction_source: Option<String>,
    /// The leader important and repeat cases are routed to (派单).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_to: Option<String>,
    /// What is routed: `important` (important or urgent cases), `repeat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Vec<RouteWhy>>,
}

/// The name of the deadline rule of a leader's instruction.
pub const INSTRUCTION_RULE: &str = "instruction";
/// What starts it: an `escalated` event (a deadline rule's `start`).
pub const ESCALATED: &str = "escalated";
/// What meets it: an `instructed` event (a deadline rule's `stop`).
pub const INSTRUCTED: &str = "instructed";

/// Why a case is routed to a leader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RouteWhy {
    /// The case is important or urgent.
    Important,
    /// The complainant has an earlier case.
    Repeat,
}

impl RouteWhy {
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteWhy::Important => "important",
            RouteWhy::Repeat => "repeat",
        }
    }

    /// The reason named `name` in a history event.
    pub fn parse(name: &str) -> Option<RouteWhy> {
        match name {
            "important" => Some(RouteWhy::Important),
            "repeat" => Some(RouteWhy::Repeat),
            _ => None,
        }
    }
}

/// Escalation to leadership, as the policy sets it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Escalation {
    /// See [`EscalationOverrides::to`] (default: `leaders`).
    pub to: Vec<String>,
    /// See [`EscalationOverrides::instruction_workdays`].
    pub instruction_workdays: Option<i64>,
    /// See [`EscalationOverrides::source`].
    pub source: Option<String>,
    /// See [`EscalationOverrides::instruction_source`].
    pub instruction_source: Option<String>,
    /// See [`EscalationOverrides::route_to`].
    pub route_to: Option<String>,
    /// See [`EscalationOverrides::route`] (default: both, when `route_to` is set).
    pub route: Vec<RouteWhy>,
}

impl Escalation {
    /// `over` laid on `base` laid on the defaults.
    pub fn layered(base: Option<EscalationOverrides>, over: Option<EscalationOverrides>) -> Self {
        let (b, o) = (base.unwrap_or_default(), over.unwrap_or_default());
        Escalation {
            to: o.to.or(b.to).unwrap_or_else(|| vec!["leaders".into()]),
            instruction_workdays: o.instruction_workdays.or(b.instruction_workdays),
            source: o.source.or(b.source),
            instruction_source: o.instruction_source.or(b.instruction_source),
            route_to: o.route_to.or(b.route_to).filter(|n| !n.trim().is_empty()),
            route: o
                .route
                .or(b.route)
                .unwrap_or_else(|| vec![RouteWhy::Important, RouteWhy::Repeat]),
        }
    }

    /// The deadline rule of the leader's instruction, when the policy sets
    /// its length: from the escalation to the instruction, in working
    /// days; an office target unless `instruction_source` names its source.
    pub fn instruction_rule(&self) -> Option<DeadlineRule> {
        let amount = self.instruction_workdays?;
        Some(DeadlineRule {
            name: INSTRUCTION_RULE.into(),
            en: "Leader's instruction on an escalated case".into(),
            zh: "领导批示".into(),
            zh_short: Some("批示".into()),
            start: ESCALATED.into(),
            start_or_receipt: false,
            stop: vec![INSTRUCTED.into()],
            amount,
            unit: Unit::Workdays,
            roll: Roll::default(),
            pause: Vec::new(),
            pause_reasons: Vec::new(),
            extendable: Extendable::No,
            source: self.instruction_source.clone(),
            kind: Some(if self.instruction_source.is_some() {
                RuleKind::Institutional
            } else {
                RuleKind::OfficeTarget
            }),
        })
    }

    /// Whether the policy routes cases for `why`, and to whom.
    pub fn routes(&self, why: RouteWhy) -> Option<&str> {
        self.route_to
            .as_deref()
            .filter(|_| self.route.contains(&why))
    }
}

/// The acts an event performs that a policy may reserve: a move into an
/// accepting, refusing, deciding or closing state, an extension, an
/// instruction. `important`: the case is important or urgent.
pub fn duties_of(policy: &Policy, event: &Event, important: bool) -> Vec<Duty> {
    let mut duties = Vec::new();
    match &event.what {
        EventKind::Status(m) => match policy.role(&m.to) {
            Some(StateRole::Accepted) => duties.push(Duty::Accept),
            Some(StateRole::Rejected) => duties.push(Duty::Refuse),
            Some(StateRole::Resolved) => duties.push(Duty::Decide),
            Some(StateRole::Closed) if important => duties.push(Duty::CloseImportant),
            _ => {}
        },
        EventKind::Extended(_) => duties.push(Duty::Extend),
        EventKind::Instructed => duties.push(Duty::Instruct),
        _ => {}
    }
    duties
}

/// Whether a case of `priority` counts as important for `close-important`.
pub fn is_important(priority: Priority) -> bool {
    matches!(priority, Priority::Important | Priority::Urgent)
}

/// The escalations of `case` still waiting for an instruction, in the
/// order made. Each `instructed` event answers the earliest waiting
/// escalation addressed to its author, else the earliest waiting one.
pub fn waiting_escalations(case: &Case) -> Vec<&Event> {
    let mut waiting: Vec<&Event> = Vec::new();
    for event in &case.history {
        match &event.what {
            EventKind::Escalated { .. } => waiting.push(event),
            EventKind::Instructed => {
                let addressed = waiting.iter().position(
                    |e| matches!(&e.what, EventKind::Escalated { to, .. } if to.trim() == event.by.trim()),
                );
                if let Some(at) = addressed.or((!waiting.is_empty()).then_some(0)) {
                    waiting.remove(at);
                }
            }
            _ => {}
        }
    }
    waiting
}

/// Whether `case` was ever escalated to leadership.
pub fn is_escalated(case: &Case) -> bool {
    case.history
        .iter()
        .any(|e| matches!(e.what, EventKind::Escalated { .. }))
}

/// An event recorded by someone without the role its act needs, and with
/// no approval by someone who has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unapproved {
    /// Its place in the history (from 0).
    pub index: usize,
    /// The act.
    pub duty: Duty,
}

/// Reads `case`'s history against the permissions: the events recorded
/// by a name without the role they need and with no approval to use,
/// and the approvals still unused at the end, per act. Approvals are
/// used by the first act after them (or in the same second).
pub fn audit(policy: &Policy, staff: Staff<'_>, case: &Case) -> (Vec<Unapproved>, Vec<Duty>) {
    let important = is_important(case.priority);
    let needs = |duty: Duty| policy.permissions.get(&duty).filter(|r| !r.is_empty());
    // Time order; in the same second an approval comes before the act.
    let mut order: Vec<usize> = (0..case.history.len()).collect();
    order.sort_by_key(|&i| {
        let e = &case.history[i];
        (e.at, !matches!(e.what, EventKind::Approved { .. }), i)
    });
    let mut pending: Vec<Duty> = Vec::new();
    let mut bad = Vec::new();
    for index in order {
        let event = &case.history[index];
        if let EventKind::Approved { kind } = &event.what {
            if let Some(duty) = Duty::parse(kind)
                && let Some(roles) = needs(duty)
            {
                if staff.holds(&event.by, roles) {
                    pending.push(duty);
                } else {
                    bad.push(Unapproved { index, duty });
                }
            }
            continue;
        }
        for duty in duties_of(policy, event, important) {
            let Some(roles) = needs(duty) else { continue };
            if staff.holds(&event.by, roles) {
                continue;
            }
            if let Some(at) = pending.iter().position(|d| *d == duty) {
                pending.remove(at);
            } else {
                bad.push(Unapproved { index, duty });
            }
        }
    }
    (bad, pending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_knows_who_holds_which_role() {
        let roles = BTreeMap::from([
            ("leaders".to_string(), vec!["张院长".to_string()]),
            (
                "officers".to_string(),
                vec!["王芳".to_string(), "张院长".to_string()],
            ),
        ]);
        let staff = Staff::new(&roles);
        assert!(staff.is_set());
        assert!(staff.holds("张院长", &["leaders".into()]));
        assert!(!staff.holds("王芳", &["leaders".into()]));
        assert_eq!(
            staff.holders(&["leaders".into(), "officers".into()]),
            ["张院长", "王芳"]
        );
        assert_eq!(staff.roles_of("张院长"), ["leaders", "officers"]);
        assert!(!Staff::new(&BTreeMap::new()).is_set());
    }

    #[test]
    fn duties_read_by_name_or_label() {
        assert_eq!(Duty::parse("close-important"), Some(Duty::CloseImportant));
        assert_eq!(Duty::parse("批准延期"), Some(Duty::Extend));
        assert_eq!(Duty::parse("nothing"), None);
    }

    #[test]
    fn the_workspace_replaces_escalation_fields_one_by_one() {
        let preset = EscalationOverrides {
            to: Some(vec!["院长".into()]),
            ..Default::default()
        };
        let office = EscalationOverrides {
            instruction_workdays: Some(3),
            route_to: Some("张院长".into()),
            ..Default::default()
        };
        let e = Escalation::layered(Some(preset), Some(office));
        assert_eq!(
            (e.to.as_slice(), e.instruction_workdays),
            (&["院长".to_string()][..], Some(3))
        );
        assert_eq!(e.routes(RouteWhy::Repeat), Some("张院长"));
        assert_eq!(
            Escalation::layered(None, None).routes(RouteWhy::Repeat),
            None
        );
    }
}
