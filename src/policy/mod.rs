//! The policy: the workflow, the codes and the intake rules a workspace
//! follows, built from a preset and the overrides in `plaint.yaml`.
//!
//! Presets are YAML data embedded in the binary; `plaint.yaml` may replace any
//! top-level section of its preset under its `policy:` key. The result is
//! validated once, so the rest of the program can trust that every state,
//! code and requirement it meets is defined.

pub mod alarms;
pub mod citations;
pub mod codes;
pub mod document;
pub mod leadership;
pub mod people;
pub mod rules;
pub mod settings;
pub mod workflow;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Priority;
use rules::DeadlineRule;

pub use crate::messages::Language;

/// A code with its labels in both languages (a category, a reason, ...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// The code stored in case files.
    pub code: String,
    /// English label.
    pub en: String,
    /// Chinese label.
    pub zh: String,
}

/// What a workflow state means to plaint, whatever a preset names it: the
/// code asks a state's role, never its name, so a preset that calls its
/// states otherwise keeps every rule that rests on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Received, acceptance not yet decided.
    Intake,
    /// Accepted for handling: the acceptance decision.
    Accepted,
    /// Being handled (investigated, mediated).
    Handling,
    /// Suspended (中止).
    Suspended,
    /// Resolved with an outcome (办结, a decision).
    Resolved,
    /// Closed for good (结案).
    Closed,
    /// Not accepted (不予受理).
    Rejected,
    /// Sent to the competent body (移送, 转办).
    Transferred,
    /// Withdrawn by the complainant.
    Withdrawn,
}

impl Role {
    /// Every role, in workflow order.
    pub const ALL: [Role; 9] = [
        Role::Intake,
        Role::Accepted,
        Role::Handling,
        Role::Suspended,
        Role::Resolved,
        Role::Closed,
        Role::Rejected,
        Role::Transferred,
        Role::Withdrawn,
    ];

    /// Whether a case in a state of this role is still being handled.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Role::Intake | Role::Accepted | Role::Handling | Role::Suspended
        )
    }

    /// The name used in policy files.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Intake => "intake",
            Role::Accepted => "accepted",
            Role::Handling => "handling",
            Role::Suspended => "suspended",
            Role::Resolved => "resolved",
            Role::Closed => "closed",
            Role::Rejected => "rejected",
            Role::Transferred => "transferred",
            Role::Withdrawn => "withdrawn",
        }
    }

    /// The role a state has when its definition names none: that of the
    /// built-in presets' state of the same name (policies written before
    /// states had roles keep working).
    fn of_builtin_name(name: &str) -> Option<Role> {
        Some(match name {
            "received" => Role::Intake,
            "accepted" => Role::Accepted,
            "investigating" | "mediating" => Role::Handling,
            "suspended" => Role::Suspended,
            "resolved" => Role::Resolved,
            "closed" => Role::Closed,
            "rejected" => Role::Rejected,
            "transferred" => Role::Transferred,
            "withdrawn" => Role::Withdrawn,
            _ => return None,
        })
    }
}

/// A workflow state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateDef {
    /// The name stored in case files.
    pub name: String,
    /// English label.
    pub en: String,
    /// Chinese label.
    pub zh: String,
    /// What the state means; required for a name the built-in presets do
    /// not use. Always set once the policy is built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Whether a case in this state is still being handled: follows the
    /// role once the policy is built.
    #[serde(default = "yes")]
    pub open: bool,
}

fn yes() -> bool {
    true
}

/// One section per key; a section present in `plaint.yaml` replaces the
/// preset's section whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOverrides {
    /// Workflow states, the first being the state of a new case.
    pub states: Option<Vec<StateDef>>,
    /// Allowed moves: state → the states it may move to.
    pub transitions: Option<BTreeMap<String, Vec<String>>>,
    /// The state that pauses a case and returns to the state it came from.
    pub suspend_state: Option<String>,
    /// What must be present to enter a state (see [`workflow::REQUIREMENTS`]);
    /// the key `registered` lists what a new case needs.
    pub requires: Option<BTreeMap<String, Vec<String>>>,
    /// Allowed categories; empty allows any.
    pub categories: Option<Vec<Code>>,
    /// Case types an office counts apart (a hospital's 投诉 and 纠纷);
    /// none where every case is of one type.
    pub types: Option<Vec<Code>>,
    /// Causes as the office classifies them (责任心不强, 服务态度, ...),
    /// beside the categories; none by default.
    pub causes: Option<Vec<Code>>,
    /// Rejection reason codes.
    pub rejection_reasons: Option<Vec<Code>>,
    /// Resolution outcome codes.
    pub outcomes: Option<Vec<Code>>,
    /// Milestones the deadline rules can wait for.
    pub milestones: Option<Vec<Code>>,
    /// Milestones that may still be recorded in a final (not open) state,
    /// per state; by default none may.
    pub final_milestones: Option<BTreeMap<String, Vec<String>>>,
    /// From this many complainants on, a complaint is joint and needs representatives.
    pub joint_threshold: Option<usize>,
    /// The most representatives a joint complaint may name.
    pub max_representatives: Option<usize>,
    /// Days after `contract_end` within which a complaint must be filed.
    pub filing_limit_days: Option<i64>,
    /// Time limits, each with its legal basis.
    pub deadlines: Option<Vec<DeadlineRule>>,
    /// Time limits the workspace adds to the preset's (or to its own
    /// `deadlines`), e.g. a clock on another office's answer.
    pub more_deadlines: Option<Vec<DeadlineRule>>,
    /// The priority a repeat complaint is raised to at registration.
    pub repeat_priority: Option<Priority>,
    /// Reason codes of a suspension (`advance ID suspended --reason CODE`);
    /// rules with `pause_reasons` pause only for these.
    pub suspension_reasons: Option<Vec<Code>>,
    /// Rules the suspend state pauses by the workspace's own decision, where
    /// the rule's source neither provides nor forbids a pause (off by default).
    pub suspension_pauses: Option<Vec<String>>,
    /// Working days after `challenge_due` within which a complaint must be filed.
    pub challenge_limit_workdays: Option<i64>,
    /// The source of the filing time limits, named in warnings.
    pub filing_limit_source: Option<String>,
    /// The states a just-received case may move to at once with
    /// `--on-the-spot` (resolution on the spot at receipt).
    pub on_the_spot: Option<Vec<String>>,
    /// The outcomes a resolution on the spot may have (none listed: any).
    pub on_the_spot_outcomes: Option<Vec<String>>,
    /// The channels a complaint may arrive by.
    pub channels: Option<Vec<Code>>,
    /// The source of the joint-complaint rules (representatives, consent).
    pub joint_source: Option<String>,
    /// Complainant names that mean "unknown" and never make a repeat by
    /// name (besides `匿名`, `anonymous` and an empty name).
    pub anonymous_names: Option<Vec<String>>,
    /// The table of sources the policy cites (see [`citations`]).
    pub citations: Option<Vec<citations::Citation>>,
    /// The citation id of each rejection reason's ground.
    pub reason_sources: Option<BTreeMap<String, String>>,
    /// The citation id of the article each outcome rests on.
    pub outcome_sources: Option<BTreeMap<String, String>>,
    /// The thresholds of graded alarms (see [`alarms`]).
    pub alarms: Option<alarms::AlarmOverrides>,
    /// The roles each act needs (see [`leadership`]); a duty the workspace
    /// names replaces the preset's, the others are kept.
    pub permissions: Option<BTreeMap<leadership::Duty, Vec<String>>>,
    /// Escalation to leadership and routing (see [`leadership`]).
    pub escalation: Option<leadership::EscalationOverrides>,
    /// What makes a repeat complaint (see [`crate::repeat::RepeatRule`]).
    pub repeat: Option<crate::repeat::RepeatRule>,
    /// The source that provides for appraisal or testing of a special
    /// matter (`plaint appraise`); none: the policy has no such step.
    pub appraisal_source: Option<String>,
    /// Rules an appraisal pauses, from its start to its result, by the
    /// workspace's decision where the source says nothing of the time
    /// (off by default).
    pub appraisal_pauses: Option<Vec<String>>,
}

/// The validated policy of a workspace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Policy {
    /// The preset it was built from.
    pub preset: String,
    /// Workflow states; the first is the state of a new case.
    pub states: Vec<StateDef>,
    /// Allowed moves.
    pub transitions: BTreeMap<String, Vec<String>>,
    /// The pausing state, if the workflow has one.
    pub suspend_state: Option<String>,
    /// Requirements per target state.
    pub requires: BTreeMap<String, Vec<String>>,
    /// Allowed categories; empty allows any.
    pub categories: Vec<Code>,
    /// Case types; empty where the policy has one type.
    pub types: Vec<Code>,
    /// The office's causes; empty when it classifies none.
    pub causes: Vec<Code>,
    /// Rejection reason codes.
    pub rejection_reasons: Vec<Code>,
    /// Resolution outcome codes.
    pub outcomes: Vec<Code>,
    /// Milestone codes.
    pub milestones: Vec<Code>,
    /// Milestones allowed in a final state, per state.
    pub final_milestones: BTreeMap<String, Vec<String>>,
    /// Joint complaint threshold, if the policy has joint complaints.
    pub joint_threshold: Option<usize>,
    /// Most representatives of a joint complaint.
    pub max_representatives: usize,
    /// Filing time limit in days after `contract_end`, if any.
    pub filing_limit_days: Option<i64>,
    /// Time limits, each with its legal basis.
    pub deadlines: Vec<DeadlineRule>,
    /// The priority a repeat complaint is raised to, if any.
    pub repeat_priority: Option<Priority>,
    /// The language of the workspace: refusals are worded in it.
    #[serde(skip)]
    pub language: Language,
    /// Reason codes of a suspension.
    pub suspension_reasons: Vec<Code>,
    /// Rules the suspend state pauses by the workspace's decision.
    pub suspension_pauses: Vec<String>,
    /// Filing time limit in working days after `challenge_due`, if any.
    pub challenge_limit_workdays: Option<i64>,
    /// The source of the filing time limits.
    pub filing_limit_source: Option<String>,
    /// States reachable on the spot from the first state.
    pub on_the_spot: Vec<String>,
    /// The outcomes a resolution on the spot may have (empty: any).
    pub on_the_spot_outcomes: Vec<String>,
    /// The channels a complaint may arrive by.
    pub channels: Vec<Code>,
    /// The source of the joint-complaint rules.
    pub joint_source: Option<String>,
    /// Extra names that mean "unknown complainant".
    pub anonymous_names: Vec<String>,
    /// The table of sources: every article the rules, reasons and
    /// notices cite. A rule's `source`, `filing_limit_source` and
    /// `joint_source` that name an entry's id are shown as its citation.
    pub citations: Vec<citations::Citation>,
    /// The citation id of each rejection reason's ground.
    pub reason_sources: BTreeMap<String, String>,
    /// The citation id of the article each outcome rests on.
    pub outcome_sources: BTreeMap<String, String>,
    /// The thresholds of graded alarms.
    pub alarms: alarms::AlarmLevels,
    /// The roles each act needs; an act not listed needs none.
    pub permissions: BTreeMap<leadership::Duty, Vec<String>>,
    /// Escalation to leadership and routing.
    pub escalation: leadership::Escalation,
    /// What makes a repeat complaint.
    pub repeat: crate::repeat::RepeatRule,
    /// The source that provides for appraisal or testing (`plaint
    /// appraise`), as shown; none: the policy has no such step.
    pub appraisal_source: Option<String>,
    /// Rules an appraisal pauses by the workspace's decision.
    pub appraisal_pauses: Vec<String>,
}

/// The channels of a policy that names none.
pub fn default_channels() -> Vec<Code> {
    [
        ("phone", "Phone", "电话"),
        ("letter", "Letter", "信函"),
        ("visit", "Visit", "来访"),
        ("email", "E-mail", "电子邮件"),
        ("online", "Online", "网上"),
        ("hotline", "Hotline", "热线"),
        ("transfer-in", "Transferred in", "转办"),
    ]
    .into_iter()
    .map(|(code, en, zh)| Code {
        code: code.into(),
        en: en.into(),
        zh: zh.into(),
    })
    .collect()
}

/// The names of the built-in presets.
pub const PRESETS: [&str; 4] = ["tourism", "hospital", "procurement", "generic"];

pub(crate) fn preset_text(name: &str) -> Option<&'static str> {
    match name {
        "tourism" => Some(include_str!("presets/tourism.yaml")),
        "hospital" => Some(include_str!("presets/hospital.yaml")),
        "procurement" => Some(include_str!("presets/procurement.yaml")),
        "generic" => Some(include_str!("presets/generic.yaml")),
        _ => None,
    }
}

/// The workflow states of built-in preset `name`, each with its role and
/// openness as [`Policy::build`] resolves them, read from the preset's
/// `states` section alone. For a caller that needs only the states and
/// starts once per file (git's merge driver): a general YAML parser takes
/// longer over a whole preset than the merge of a case takes.
pub fn preset_states(name: &str) -> Option<Vec<StateDef>> {
    #[derive(Deserialize)]
    struct States {
        states: Vec<StateDef>,
    }
    let section = top_level_section(preset_text(name)?, "states")?;
    let States { mut states } = serde_yaml::from_str(section).ok()?;
    for state in &mut states {
        let role = state.role.or_else(|| Role::of_builtin_name(&state.name))?;
        state.role = Some(role);
        state.open = role.is_open();
    }
    Some(states)
}

/// The lines of the top-level `key` of YAML `text`: from its own line to
/// the next line that is neither indented, blank nor a comment.
fn top_level_section<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let head = format!("{key}:");
    let start = if text.starts_with(&head) {
        0
    } else {
        text.find(&format!("\n{head}"))? + 1
    };
    let rest = &text[start..];
    let starts_key = |line: &str| line.starts_with(|c: char| !c.is_whitespace() && c != '#');
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| starts_key(&rest[i..]))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The sections of built-in preset `preset`, read; its problems told in `lang`.
fn preset_base(preset: &str) -> Result<PolicyOverrides> {
    let text = preset_text(preset).ok_or_else(|| {
        Error::invalid(crate::said!(
            "settings-unknown-preset",
            preset = preset,
            presets = crate::messages::said::Arg::list(&PRESETS)
        ))
    })?;
    serde_yaml::from_str(text)
        .map_err(|e| Error::invalid(crate::said!("preset-broken", preset = preset, error = e)))
}

impl Policy {
    /// Builds the policy of `preset` with `overrides` applied, and validates it.
    pub fn build(preset: &str, overrides: &PolicyOverrides) -> Result<Policy> {
        Policy::build_in(preset, overrides, Language::default())
    }

    /// Like [`Policy::build`], for a workspace speaking `lang`: the
    /// policy's language, and the language its problems are told in.
    pub fn build_in(preset: &str, overrides: &PolicyOverrides, lang: Language) -> Result<Policy> {
        let base = preset_base(preset)?;
        let o = overrides.clone();
        let mut policy = Policy {
            preset: preset.to_string(),
            states: o.states.or(base.states).unwrap_or_default(),
            transitions: o.transitions.or(base.transitions).unwrap_or_default(),
            suspend_state: o.suspend_state.or(base.suspend_state),
            requires: o.requires.or(base.requires).unwrap_or_default(),
            categories: o.categories.or(base.categories).unwrap_or_default(),
            types: o.types.or(base.types).unwrap_or_default(),
            causes: o.causes.or(base.causes).unwrap_or_default(),
            rejection_reasons: o
                .rejection_reasons
                .or(base.rejection_reasons)
                .unwrap_or_default(),
            outcomes: o.outcomes.or(base.outcomes).unwrap_or_default(),
            milestones: o.milestones.or(base.milestones).unwrap_or_default(),
            final_milestones: o
                .final_milestones
                .or(base.final_milestones)
                .unwrap_or_default(),
            joint_threshold: o.joint_threshold.or(base.joint_threshold),
            max_representatives: o
                .max_representatives
                .or(base.max_representatives)
                .unwrap_or(3),
            filing_limit_days: o.filing_limit_days.or(base.filing_limit_days),
            deadlines: [
                either(o.deadlines, base.deadlines),
                either(o.more_deadlines, None),
            ]
            .concat(),
            repeat_priority: o.repeat_priority.or(base.repeat_priority),
            language: Language::En,
            suspension_reasons: either(o.suspension_reasons, base.suspension_reasons),
            suspension_pauses: either(o.suspension_pauses, base.suspension_pauses),
            challenge_limit_workdays: o.challenge_limit_workdays.or(base.challenge_limit_workdays),
            filing_limit_source: o.filing_limit_source.or(base.filing_limit_source),
            on_the_spot: o.on_the_spot.or(base.on_the_spot).unwrap_or_default(),
            on_the_spot_outcomes: either(o.on_the_spot_outcomes, base.on_the_spot_outcomes),
            channels: o
                .channels
                .or(base.channels)
                .unwrap_or_else(default_channels),
            joint_source: o.joint_source.or(base.joint_source),
            citations: o.citations.or(base.citations).unwrap_or_default(),
            reason_sources: o.reason_sources.or(base.reason_sources).unwrap_or_default(),
            outcome_sources: o
                .outcome_sources
                .or(base.outcome_sources)
                .unwrap_or_default(),
            anonymous_names: o
                .anonymous_names
                .or(base.anonymous_names)
                .unwrap_or_default(),
            alarms: alarms::AlarmLevels::layered(base.alarms, o.alarms),
            permissions: leadership::merge_permissions(base.permissions, o.permissions),
            escalation: leadership::Escalation::layered(base.escalation, o.escalation),
            repeat: o.repeat.unwrap_or_else(|| base.repeat.unwrap_or_default()),
            appraisal_source: o.appraisal_source.or(base.appraisal_source),
            appraisal_pauses: either(o.appraisal_pauses, base.appraisal_pauses),
        };
        policy.language = lang;
        policy.resolve_roles()?;
        policy.resolve_sources()?;
        policy.apply_suspension_pauses()?;
        policy.validate()?;
        policy.add_instruction_rule()?;
        Ok(policy)
    }

    /// Whether `case` is a joint complaint under this policy.
    pub fn is_joint(&self, case: &crate::model::Case) -> bool {
        self.joint_threshold
            .is_some_and(|t| case.complainants.len() >= t)
    }

    /// The state every new case starts in.
    pub fn initial_state(&self) -> &str {
        &self.states[0].name
    }

    /// Gives every state its role (named, or that of its built-in name)
    /// and its openness from the role; a state with neither, or marked
    /// final with a role that is open, is refused.
    fn resolve_roles(&mut self) -> Result<()> {
        let lang = self.language;
        for i in 0..self.states.len() {
            let state = &self.states[i];
            let Some(role) = state.role.or_else(|| Role::of_builtin_name(&state.name)) else {
                let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
                return Err(self.invalid(crate::msg!(
                    lang,
                    "policy-state-no-role",
                    state = state.name,
                    roles = roles.join(codes::list_separator(lang))
                )));
            };
            if !state.open && role.is_open() {
                return Err(self.invalid(crate::msg!(
                    lang,
                    "policy-state-role-open",
                    state = state.name,
                    role = role.as_str()
                )));
            }
            let state = &mut self.states[i];
            state.role = Some(role);
            state.open = role.is_open();
        }
        Ok(())
    }

    /// Checks the table of sources (ids unique, every reason's source in
    /// it) and writes each source that names an entry as its citation,
    /// so `policy`, `explain`, deadlines and refusals all print the one
    /// text the table holds.
    fn resolve_sources(&mut self) -> Result<()> {
        let lang = self.language;
        let mut seen = BTreeSet::new();
        if let Some(twice) = self.citations.iter().find(|c| !seen.insert(c.id.as_str())) {
            return Err(self.invalid(crate::msg!(lang, "policy-citation-twice", id = twice.id)));
        }
        if let Some((reason, id)) = self
            .reason_sources
            .iter()
            .chain(&self.outcome_sources)
            .find(|(_, id)| self.citation(id).is_none())
        {
            return Err(self.invalid(crate::msg!(
                lang,
                "policy-citation-unknown",
                place = reason,
                id = id
            )));
        }
        let shown = |source: &mut Option<String>, table: &[citations::Citation]| {
            if let Some(found) = source
                .as_deref()
                .and_then(|id| table.iter().find(|c| c.id == id))
            {
                *source = Some(found.display());
            }
        };
        let table = self.citations.clone();
        // A source written as an id must be one the table lists.
        let looks_like_id = |s: &str| {
            s.contains('-')
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let sources = self
            .deadlines
            .iter()
            .map(|r| (r.name.as_str(), r.source.as_deref()))
            .chain([
                ("filing_limit_source", self.filing_limit_source.as_deref()),
                ("joint_source", self.joint_source.as_deref()),
                ("appraisal_source", self.appraisal_source.as_deref()),
            ]);
        for (place, source) in sources {
            if let Some(id) = source.filter(|s| looks_like_id(s) && self.citation(s).is_none()) {
                return Err(self.invalid(crate::msg!(
                    lang,
                    "policy-citation-unknown",
                    place = place,
                    id = id
                )));
            }
        }
        for rule in &mut self.deadlines {
            shown(&mut rule.source, &table);
        }
        shown(&mut self.filing_limit_source, &table);
        shown(&mut self.joint_source, &table);
        shown(&mut self.appraisal_source, &table);
        Ok(())
    }

    /// The entry of the table of sources with id `id`.
    pub fn citation(&self, id: &str) -> Option<&citations::Citation> {
        self.citations.iter().find(|c| c.id == id)
    }

    /// The citation of rejection reason `code`'s ground, if the policy
    /// names one.
    pub fn reason_citation(&self, code: &str) -> Option<&citations::Citation> {
        self.reason_sources
            .get(code)
            .and_then(|id| self.citation(id))
    }

    /// The citation of the article outcome `code` rests on, if the policy
    /// names one.
    pub fn outcome_citation(&self, code: &str) -> Option<&citations::Citation> {
        self.outcome_sources
            .get(code)
            .and_then(|id| self.citation(id))
    }

    /// The role of state `name`; `None` for a name the policy lacks.
    pub fn role(&self, name: &str) -> Option<Role> {
        self.state(name).and_then(|s| s.role)
    }

    /// Whether state `name` has `role`.
    pub fn has_role(&self, name: &str, role: Role) -> bool {
        self.role(name) == Some(role)
    }

    /// The names of the states with one of `roles`, in workflow order.
    pub fn states_with(&self, roles: &[Role]) -> Vec<&str> {
        self.states
            .iter()
            .filter(|s| s.role.is_some_and(|r| roles.contains(&r)))
            .map(|s| s.name.as_str())
            .collect()
    }

    /// The definition of state `name`.
    pub fn state(&self, name: &str) -> Option<&StateDef> {
        self.states.iter().find(|s| s.name == name)
    }

    /// Whether a case in state `name` is still being handled.
    pub fn is_open(&self, name: &str) -> bool {
        self.state(name).is_none_or(|s| s.open)
    }

    /// The label of state `name` in `language`.
    pub fn state_label(&self, name: &str, language: Language) -> String {
        self.state(name).map_or_else(
            || name.to_string(),
            |s| pick(language, &s.en, &s.zh).to_string(),
        )
    }

    /// Every state name, in workflow order.
    pub fn state_names(&self) -> Vec<&str> {
        self.states.iter().map(|s| s.name.as_str()).collect()
    }

    fn validate(&self) -> Result<()> {
        self.validate_states()?;
        self.validate_codes()?;
        self.validate_deadlines()?;
        self.validate_milestones()?;
        if !self.alarms.is_valid() {
            let a = self.alarms;
            return Err(self.invalid(crate::msg!(
                self.language,
                "policy-alarms",
                warning = a.warning,
                moderate = a.moderate,
                severe = a.severe
            )));
        }
        if self
            .repeat
            .within_days
            .is_some_and(|d| !(0..=36_600).contains(&d))
        {
            return Err(self.invalid(crate::msg!(
                self.language,
                "policy-repeat-days",
                days = self.repeat.within_days.unwrap_or_default()
            )));
        }
        if let Some(days) = self.escalation.instruction_workdays
            && !(1..=366).contains(&days)
        {
            return Err(self.invalid(crate::msg!(
                self.language,
                "policy-instruction-days",
                days = days
            )));
        }
        self.validate_appraisal()
    }

    /// An appraisal pauses only rules that exist, and only where the
    /// policy has the step at all.
    fn validate_appraisal(&self) -> Result<()> {
        let lang = self.language;
        if !self.appraisal_pauses.is_empty() && self.appraisal_source.is_none() {
            return Err(self.invalid(crate::msg!(lang, "policy-appraisal-pauses-no-step")));
        }
        if let Some(name) = self
            .appraisal_pauses
            .iter()
            .find(|n| !self.deadlines.iter().any(|r| &&r.name == n))
        {
            return Err(self.invalid(crate::msg!(
                lang,
                "policy-appraisal-pauses-unknown-rule",
                name = name
            )));
        }
        Ok(())
    }

    /// Whether an appraisal pauses `rule` (by the workspace's decision).
    pub fn appraisal_pauses(&self, rule: &str) -> bool {
        self.appraisal_pauses.iter().any(|r| r == rule)
    }

    /// Adds the clock of a leader's instruction on an escalated case, when
    /// the policy sets one: a rule like the others (so it shows wherever
    /// deadlines do), started by an `escalated` event and met by an
    /// `instructed` one.
    fn add_instruction_rule(&mut self) -> Result<()> {
        let Some(rule) = self.escalation.instruction_rule() else {
            return Ok(());
        };
        if self.deadlines.iter().any(|r| r.name == rule.name) {
            return Err(self.invalid(crate::msg!(
                self.language,
                "policy-instruction-rule-name",
                name = rule.name
            )));
        }
        self.deadlines.push(rule);
        Ok(())
    }

    /// A problem of the policy, told in its language.
    fn invalid(&self, problem: String) -> Error {
        Error::invalid(crate::msg!(
            self.language,
            "policy-invalid",
            problem = problem
        ))
    }

    fn state_set(&self) -> BTreeSet<&str> {
        self.states.iter().map(|s| s.name.as_str()).collect()
    }

    fn validate_states(&self) -> Result<()> {
        let lang = self.language;
        let bad = |problem: String| self.invalid(problem);
        if self.states.is_empty() {
            return Err(bad(crate::msg!(lang, "policy-states-empty")));
        }
        let names = self.state_set();
        if names.len() != self.states.len() {
            return Err(bad(crate::msg!(lang, "policy-state-twice")));
        }
        let known = |s: &str| names.contains(s);
        for (from, targets) in &self.transitions {
            if let Some(unknown) = std::iter::once(from).chain(targets).find(|s| !known(s)) {
                return Err(bad(crate::msg!(
                    lang,
                    "policy-transition-unknown",
                    from = from,
                    state = unknown
                )));
            }
        }
        if let Some(s) = self.on_the_spot.iter().find(|s| !known(s)) {
            return Err(bad(crate::msg!(
                lang,
                "policy-on-the-spot-unknown",
                state = s
            )));
        }
        if let Some(o) = first_unknown(&self.on_the_spot_outcomes, &self.outcomes) {
            return Err(bad(crate::msg!(
                lang,
                "policy-on-the-spot-outcome-unknown",
                outcome = o
            )));
        }
        if let Some(s) = self.suspend_state.as_deref().filter(|s| !known(s)) {
            return Err(bad(crate::msg!(lang, "policy-suspend-unknown", state = s)));
        }
        for (state, reqs) in &self.requires {
            if !known(state) && state != workflow::REGISTERED {
                return Err(bad(crate::msg!(
                    lang,
                    "policy-requires-state",
                    state = state
                )));
            }
            if let Some(r) = reqs
                .iter()
                .find(|r| !workflow::REQUIREMENTS.contains(&r.as_str()))
            {
                return Err(bad(crate::msg!(
                    lang,
                    "policy-requires-unknown",
                    state = state,
                    requirement = r,
                    known = workflow::REQUIREMENTS.join(codes::list_separator(lang))
                )));
            }
        }
        Ok(())
    }

    fn validate_codes(&self) -> Result<()> {
        for (section, codes) in [
            ("categories", &self.categories),
            ("types", &self.types),
            ("causes", &self.causes),
            ("rejection_reasons", &self.rejection_reasons),
            ("outcomes", &self.outcomes),
            ("milestones", &self.milestones),
            ("suspension_reasons", &self.suspension_reasons),
            ("channels", &self.channels),
        ] {
            let unique: BTreeSet<&str> = codes.iter().map(|c| c.code.as_str()).collect();
            if unique.len() != codes.len() {
                return Err(self.invalid(crate::msg!(
                    self.language,
                    "policy-code-twice",
                    section = section
                )));
            }
        }
        Ok(())
    }

    fn validate_milestones(&self) -> Result<()> {
        let lang = self.language;
        let names = self.state_set();
        let known = |s: &str| names.contains(s);
        for (state, codes) in &self.final_milestones {
            if !known(state) {
                return Err(self.invalid(crate::msg!(lang, "policy-final-state", state = state)));
            }
            if let Some(code) = codes.iter().find(|c| self.milestone(c).is_none()) {
                return Err(self.invalid(crate::msg!(
                    lang,
                    "policy-final-milestone",
                    state = state,
                    code = code
                )));
            }
        }
        if let Some(m) = self.milestones.iter().find(|m| known(&m.code)) {
            return Err(self.invalid(crate::msg!(
                lang,
                "policy-milestone-is-state",
                code = m.code
            )));
        }
        Ok(())
    }
}

impl Policy {
    /// Adds the suspend state to the pauses of the rules the workspace
    /// decided it pauses.
    fn apply_suspension_pauses(&mut self) -> Result<()> {
        for name in &self.suspension_pauses {
            let Some(state) = self.suspend_state.clone() else {
                return Err(self.invalid(crate::msg!(self.language, "policy-pauses-need-suspend")));
            };
            let rule = self
                .deadlines
                .iter_mut()
                .find(|r| &r.name == name)
                .ok_or_else(|| {
                    let problem =
                        crate::msg!(self.language, "policy-pauses-unknown-rule", name = name);
                    Error::invalid(crate::msg!(
                        self.language,
                        "policy-invalid",
                        problem = problem
                    ))
                })?;
            if !rule.pause.contains(&state) {
                rule.pause.push(state);
            }
        }
        Ok(())
    }

    /// Whether the suspend state pauses `rule` only by the workspace's
    /// decision rather than by the rule's source.
    pub fn pause_by_decision(&self, rule: &str) -> bool {
        self.suspension_pauses.iter().any(|r| r == rule)
    }

    /// The milestone `code`, if the policy defines it.
    pub fn milestone(&self, code: &str) -> Option<&Code> {
        self.milestones.iter().find(|m| m.code == code)
    }

    /// Whether milestone `code` may be recorded on a case in `state`: always
    /// in an open state; in a final one only when `final_milestones` lists it.
    pub fn milestone_allowed_in(&self, code: &str, state: &str) -> bool {
        self.is_open(state)
            || self
                .final_milestones
                .get(state)
                .is_some_and(|codes| codes.iter().any(|c| c == code))
    }

    /// The deadline rule `name`, or an error listing the rules.
    pub fn rule(&self, name: &str) -> Result<&DeadlineRule> {
        self.deadlines
            .iter()
            .find(|r| r.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.deadlines.iter().map(|r| r.name.as_str()).collect();
                Error::invalid(crate::msg!(
                    self.language,
                    "unknown-rule",
                    name = name,
                    rules = if names.is_empty() {
                        crate::msg!(self.language, "none-defined")
                    } else {
                        crate::messages::join(self.language, &names)
                    }
                ))
            })
    }

    fn validate_deadlines(&self) -> Result<()> {
        let event_known = |e: &str| self.state(e).is_some() || self.milestone(e).is_some();
        let mut seen = BTreeSet::new();
        for rule in &self.deadlines {
            let lang = self.language;
            let bad = |problem: String| {
                let problem = crate::msg!(lang, "policy-rule", rule = rule.name, problem = problem);
                Error::invalid(crate::said!("policy-invalid", problem = problem))
            };
            if !seen.insert(rule.name.as_str()) {
                return Err(bad(crate::msg!(lang, "rule-twice")));
            }
            if rule.amount <= 0 {
                return Err(bad(crate::msg!(lang, "rule-amount", amount = rule.amount)));
            }
            if !event_known(&rule.start) {
                return Err(bad(crate::msg!(lang, "rule-start", start = rule.start)));
            }
            if rule.stop.is_empty() {
                return Err(bad(crate::msg!(lang, "rule-stop-empty")));
            }
            if let Some(s) = rule.stop.iter().find(|s| !event_known(s)) {
                return Err(bad(crate::msg!(lang, "rule-stop", stop = s)));
            }
            if let Some(s) = rule.pause.iter().find(|s| self.state(s).is_none()) {
                return Err(bad(crate::msg!(lang, "rule-pause", state = s)));
            }
            if let Some(r) = first_unknown(&rule.pause_reasons, &self.suspension_reasons) {
                return Err(bad(crate::msg!(
                    lang,
                    "rule-pause-reason",
                    reason = r,
                    codes = list_codes(lang, &self.suspension_reasons)
                )));
            }
            if rule.kind.is_some_and(rules::RuleKind::has_source) && rule.source.is_none() {
                return Err(bad(crate::msg!(lang, "rule-statutory-source")));
            }
        }
        Ok(())
    }
}

/// The first of `values` that is none of `codes`.
fn first_unknown<'a>(values: &'a [String], codes: &[Code]) -> Option<&'a String> {
    values.iter().find(|v| !codes.iter().any(|c| &c.code == *v))
}

/// Looks up `code` in `codes`, or explains which codes exist.
pub fn find_code<'a>(codes: &'a [Code], code: &str, what: codes::CodeKind) -> Result<&'a Code> {
    codes.iter().find(|c| c.code == code).ok_or_else(|| {
        use crate::messages::said::Arg;
        let (en, zh) = (Language::En, Language::Zh);
        Error::invalid(crate::said!(
            "unknown-code-known",
            what = Arg::each(what.word(en), what.word(zh)),
            code = code,
            codes = Arg::each(list_codes(en, codes), list_codes(zh, codes))
        ))
    })
}

/// The codes of `codes` as a list in `lang`, for messages: by code in
/// English, by label and code in Chinese (`更正（correction）`), so that a
/// zh sentence names what the officer reads and the code to type.
pub fn list_codes(lang: Language, codes: &[Code]) -> String {
    if codes.is_empty() {
        return crate::msg!(lang, "none-defined");
    }
    let codes: Vec<String> = codes
        .iter()
        .map(|c| match lang {
            Language::Zh if !c.zh.is_empty() && c.zh != c.code => format!("{}（{}）", c.zh, c.code),
            _ => c.code.clone(),
        })
        .collect();
    crate::messages::join(lang, &codes)
}

/// The label of `code` among `codes` in `language`, or the code itself.
pub fn code_label(codes: &[Code], code: &str, language: Language) -> String {
    codes.iter().find(|c| c.code == code).map_or_else(
        || code.to_string(),
        |c| pick(language, &c.en, &c.zh).to_string(),
    )
}

/// A legal source in `lang`: sources are written `中文 (English)`, and a
/// zh workspace shows the Chinese part.
pub fn source_in(lang: Language, source: &str) -> &str {
    match (lang, source.split_once(" (")) {
        (Language::Zh, Some((zh, _))) => zh,
        _ => source,
    }
}

/// A legal source as the tail of a sentence: ` (source)`, `（source）`.
pub fn basis_in(lang: Language, source: Option<&str>) -> String {
    let text = match (lang, source) {
        (_, None) => return String::new(),
        // `zh (en)` inside parentheses reads as `(zh, en)`.
        (Language::En, Some(s)) => match s.strip_suffix(')').and_then(|s| s.split_once(" (")) {
            Some((zh, en)) => format!("{zh}, {en}"),
            None => s.to_string(),
        },
        (Language::Zh, Some(s)) => source_in(lang, s).to_string(),
    };
    crate::msg!(lang, "in-parentheses", text = text)
}

/// Chooses the label for `language`.
pub fn pick<'a>(language: Language, en: &'a str, zh: &'a str) -> &'a str {
    match language {
        Language::En => en,
        Language::Zh => zh,
    }
}

/// The workspace's value of a list section, else the preset's, else none.
fn either<T>(workspace: Option<Vec<T>>, preset: Option<Vec<T>>) -> Vec<T> {
    workspace.or(preset).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The tourism preset, without overrides.
    pub(crate) fn tourism() -> Policy {
        Policy::build("tourism", &PolicyOverrides::default()).unwrap()
    }

    /// Why `preset` with `overrides` is refused.
    fn refused(preset: &str, overrides: &PolicyOverrides) -> String {
        Policy::build(preset, overrides).unwrap_err().to_string()
    }

    /// The procurement preset, without overrides.
    pub(crate) fn procurement() -> Policy {
        Policy::build("procurement", &PolicyOverrides::default()).unwrap()
    }

    /// The generic preset, without overrides.
    pub(crate) fn generic() -> Policy {
        Policy::build("generic", &PolicyOverrides::default()).unwrap()
    }

    #[test]
    fn code_lists_read_as_lists_in_each_language() {
        let code = |c: &str| Code {
            code: c.into(),
            en: String::new(),
            zh: String::new(),
        };
        let codes = [code("evidence"), code("appraisal")];
        assert_eq!(list_codes(Language::En, &codes), "evidence, appraisal");
        assert_eq!(list_codes(Language::Zh, &codes), "evidence、appraisal");
        assert_eq!(list_codes(Language::Zh, &[]), "（未定义）");
        let labelled = [Code {
            code: "testing".into(),
            en: "Testing".into(),
            zh: "检验、检测、鉴定".into(),
        }];
        assert_eq!(
            list_codes(Language::Zh, &labelled),
            "检验、检测、鉴定（testing）"
        );
        assert_eq!(list_codes(Language::En, &labelled), "testing");
    }

    #[test]
    fn every_preset_builds() {
        for preset in PRESETS {
            let policy = Policy::build(preset, &PolicyOverrides::default()).unwrap();
            assert_eq!(policy.initial_state(), "received");
        }
    }

    #[test]
    fn a_presets_states_read_alone_are_those_of_its_policy() {
        for preset in PRESETS {
            let policy = Policy::build(preset, &PolicyOverrides::default()).unwrap();
            assert_eq!(preset_states(preset), Some(policy.states), "{preset}");
        }
        assert_eq!(preset_states("unknown"), None);
        let text = "# c\nstates:\n  - a\n\n  # c\n  - b\nnext: [c]\nlast:\n  - d\n";
        assert_eq!(
            top_level_section(text, "states"),
            Some("states:\n  - a\n\n  # c\n  - b\n")
        );
        assert_eq!(top_level_section(text, "last"), Some("last:\n  - d\n"));
        assert_eq!(top_level_section(text, "a"), None);
    }

    #[test]
    fn an_override_replaces_a_section() {
        let overrides = PolicyOverrides {
            joint_threshold: Some(6),
            categories: Some(vec![]),
            ..Default::default()
        };
        let policy = Policy::build("tourism", &overrides).unwrap();
        assert_eq!(policy.joint_threshold, Some(6));
        assert!(policy.categories.is_empty());
        assert_eq!(policy.filing_limit_days, Some(90));
    }

    #[test]
    fn every_preset_rule_has_a_basis_and_statutory_rules_name_their_source() {
        for preset in PRESETS {
            let policy = Policy::build(preset, &PolicyOverrides::default()).unwrap();
            for rule in &policy.deadlines {
                if rule.kind().has_source() {
                    assert!(rule.source.is_some(), "{preset}/{}", rule.name);
                }
            }
        }
        let hospital = Policy::build("hospital", &PolicyOverrides::default()).unwrap();
        let close = hospital.rule("resolution").unwrap();
        assert_eq!(close.kind(), rules::RuleKind::OfficeTarget);
        let tourism = Policy::build("tourism", &PolicyOverrides::default()).unwrap();
        let sixty = tourism.rule("resolution").unwrap();
        assert!(sixty.pause.is_empty(), "art. 25 provides no pause");
        assert_eq!(sixty.extendable, rules::Extendable::No);
    }

    #[test]
    fn a_rule_without_kind_is_statutory_only_with_a_source() {
        let mut rule = Policy::build("generic", &PolicyOverrides::default())
            .unwrap()
            .deadlines[0]
            .clone();
        rule.kind = None;
        rule.source = None;
        assert_eq!(rule.kind(), rules::RuleKind::OfficeTarget);
        rule.source = Some("某办法 第三条".into());
        assert_eq!(rule.kind(), rules::RuleKind::Statutory);
    }

    #[test]
    fn suspension_pauses_must_name_a_rule_and_pause_reasons_must_be_codes() {
        let overrides = PolicyOverrides {
            suspension_pauses: Some(vec!["resolutoin".into()]),
            ..Default::default()
        };
        let err = refused("tourism", &overrides);
        assert!(err.contains("resolutoin"), "{err}");
        let overrides = PolicyOverrides {
            suspension_reasons: Some(vec![]),
            ..Default::default()
        };
        let err = refused("procurement", &overrides);
        assert!(err.contains("pause reason 'correction'"), "{err}");
        let decided = PolicyOverrides {
            suspension_pauses: Some(vec!["resolution".into()]),
            ..Default::default()
        };
        let policy = Policy::build("tourism", &decided).unwrap();
        assert_eq!(policy.rule("resolution").unwrap().pause, ["suspended"]);
        assert!(policy.pause_by_decision("resolution"));
    }

    #[test]
    fn milestones_are_refused_in_final_states_unless_listed() {
        let mut policy = Policy::build("tourism", &PolicyOverrides::default()).unwrap();
        assert!(policy.milestone_allowed_in("respondent-replied", "investigating"));
        assert!(!policy.milestone_allowed_in("respondent-replied", "closed"));
        policy
            .final_milestones
            .insert("closed".into(), vec!["respondent-replied".into()]);
        assert!(policy.milestone_allowed_in("respondent-replied", "closed"));
        assert!(!policy.milestone_allowed_in("respondent-notified", "closed"));
        assert!(policy.validate().is_ok());
        policy
            .final_milestones
            .insert("closed".into(), vec!["nope".into()]);
        assert!(policy.validate().is_err());
    }

    #[test]
    fn an_unknown_state_in_transitions_is_refused() {
        let mut transitions = BTreeMap::new();
        transitions.insert("received".to_string(), vec!["acepted".to_string()]);
        let overrides = PolicyOverrides {
            transitions: Some(transitions),
            ..Default::default()
        };
        let err = refused("generic", &overrides);
        assert!(err.contains("acepted"), "{err}");
    }
}
