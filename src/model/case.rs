//! The case record: every field a complaint file holds, in the order it is
//! written.
//!
//! Field order here *is* the file format: serde writes struct fields in
//! declaration order, so `git diff` of two versions of a case shows only what
//! changed. Empty optional fields are left out of the file.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::event::{Event, Move};
use super::id::CaseId;
use super::money::Yuan;

/// The case file format version this build reads and writes.
pub const SCHEMA: u32 = 1;

/// Every top-level field of a case, in file order (the declaration order
/// of [`Case`]; a test in `merge` keeps the two in step).
pub const CASE_FIELDS: &[&str] = &[
    "schema",
    "id",
    "title",
    "received",
    "channel",
    "department",
    "complainants",
    "representatives",
    "agent",
    "respondent",
    "project",
    "category",
    "type",
    "cause",
    "priority",
    "tags",
    "demands",
    "facts",
    "contract_end",
    "challenge_due",
    "assignee",
    "status",
    "outcome",
    "compensation",
    "refer_to",
    "measures",
    "findings",
    "agreement",
    "satisfaction",
    "external_ref",
    "links",
    "history",
];

/// One complaint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// File format version; always [`SCHEMA`] for files this build writes.
    pub schema: u32,
    /// Unique ID; equals the file name without `.yaml`.
    pub id: CaseId,
    /// A one-line summary.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub title: Option<String>,
    /// When the complaint reached the office; the start of most deadlines.
    #[serde(with = "super::moment")]
    pub received: DateTime<FixedOffset>,
    /// How it arrived: a channel code of the policy.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub channel: Option<String>,
    /// The office's department that received the complaint.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub department: Option<String>,
    /// Who complains; more than one makes a joint complaint.
    #[serde(default, skip_serializing_if = "super::skip::empty")]
    pub complainants: Vec<Person>,
    /// Indexes into `complainants` of the representatives of a joint complaint.
    #[serde(default, skip_serializing_if = "super::skip::empty")]
    pub representatives: Vec<usize>,
    /// Someone acting for the complainants.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub agent: Option<Agent>,
    /// Who the complaint is against.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub respondent: Option<Respondent>,
    /// The procurement the complaint is about (procurement complaints).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub project: Option<Project>,
    /// A category code from the policy.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub category: Option<String>,
    /// The case type, a `types` code of the policy (a hospital's 投诉 or
    /// 纠纷); none where the policy has one type.
    #[serde(default, rename = "type", skip_serializing_if = "super::skip::none")]
    pub case_type: Option<String>,
    /// The cause as the office classifies it, a `causes` code of the policy.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub cause: Option<String>,
    /// How urgently it must be handled.
    #[serde(default)]
    pub priority: Priority,
    /// Free labels.
    #[serde(default, skip_serializing_if = "super::skip::empty")]
    pub tags: Vec<String>,
    /// What the complainants ask for.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub demands: Option<String>,
    /// What happened, in the complainants' words.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub facts: Option<String>,
    /// When the underlying contract ended (for filing time limits).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub contract_end: Option<NaiveDate>,
    /// When the answer period of the supplier's challenge ended (procurement
    /// filing time limit).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub challenge_due: Option<NaiveDate>,
    /// The officer who owns the case now.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub assignee: Option<String>,
    /// The current workflow state.
    pub status: String,
    /// How a resolved case ended (an outcome code from the policy).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub outcome: Option<String>,
    /// The compensation agreed or awarded (赔偿金额), in yuan.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub compensation: Option<Yuan>,
    /// The competent body a complaint rejected as outside jurisdiction is
    /// referred to.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub refer_to: Option<String>,
    /// Corrective actions taken (整改措施).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub measures: Option<String>,
    /// What the officer's investigation found (经查): the only text a
    /// final reply or decision states as found.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub findings: Option<String>,
    /// The agreement the parties reached (调解协议, 和解), as the
    /// mediation agreement or settlement record prints it.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub agreement: Option<String>,
    /// The complainant's satisfaction, from the follow-up call.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub satisfaction: Option<Satisfaction>,
    /// The ID in the system the case was imported from.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub external_ref: Option<String>,
    /// Related case IDs.
    #[serde(default, skip_serializing_if = "super::skip::empty")]
    pub links: Vec<CaseId>,
    /// Append-only record of everything that happened to the case.
    #[serde(deserialize_with = "super::event::read_history")]
    pub history: Vec<Event>,
}

/// A complainant.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Full name.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub name: Option<String>,
    /// Gender as stated.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub gender: Option<String>,
    /// Nationality as stated.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub nationality: Option<String>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub address: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub postcode: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub email: Option<String>,
    /// For an organisation (`name` is then the organisation's name): its
    /// legal representative.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub legal_representative: Option<String>,
}

/// A person acting on the complainants' behalf.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    /// Full name.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub name: Option<String>,
    /// Phone, e-mail or address.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub contact: Option<String>,
    /// What the agent is authorised to do.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub scope: Option<String>,
}

/// A procurement project, as a procurement decision names it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The project's name (采购项目名称).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub name: Option<String>,
    /// Its number (采购项目编号).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub number: Option<String>,
    /// The lot complained about (包号).
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub lot: Option<String>,
}

/// The party complained about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// Name of the company, agency or person.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub name: Option<String>,
    /// Where it is.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub location: Option<String>,
    /// The departments complained about, inside the respondent (a
    /// hospital's 内科 and 外科). One is written as a plain value, as
    /// files have always held it; several as a list.
    #[serde(
        default,
        skip_serializing_if = "super::skip::empty",
        with = "one_or_many"
    )]
    pub department: Vec<String>,
    /// For an organisation: its legal representative.
    #[serde(default, skip_serializing_if = "super::skip::none")]
    pub legal_representative: Option<String>,
}

impl Respondent {
    /// The departments complained about as one text, `sep`-separated
    /// (`内科、外科`); `None` with none.
    pub fn departments_text(&self, sep: &str) -> Option<String> {
        (!self.department.is_empty()).then(|| self.department.join(sep))
    }
}

/// How urgently a case must be handled; `urgent` sorts first.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    /// Handle before everything else.
    Urgent,
    /// Escalated: important or repeated complaints.
    Important,
    /// The usual.
    #[default]
    Normal,
}

impl Priority {
    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Urgent => "urgent",
            Priority::Important => "important",
            Priority::Normal => "normal",
        }
    }
}

/// How the follow-up call ended: the complainant's answer on the scale
/// Chinese offices publish (非常满意, 满意, 基本满意, 不满意), or no
/// answer, counted apart (unreachable, declined, anonymous).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Satisfaction {
    /// 满意: content with how the case was handled.
    Satisfied,
    /// 基本满意: basically content (stored as `neutral`, as it always was).
    Neutral,
    /// 不满意: not content.
    Dissatisfied,
    /// 非常满意: very content (for offices that publish five grades).
    VerySatisfied,
    /// 联系不上: the complainant could not be reached.
    Unreachable,
    /// 拒绝回访: the complainant declined to answer.
    Declined,
    /// 匿名: an anonymous complainant, who cannot be called back.
    Anonymous,
}

impl Satisfaction {
    /// Every value, the answers first, best first.
    pub const ALL: [Satisfaction; 7] = [
        Satisfaction::VerySatisfied,
        Satisfaction::Satisfied,
        Satisfaction::Neutral,
        Satisfaction::Dissatisfied,
        Satisfaction::Unreachable,
        Satisfaction::Declined,
        Satisfaction::Anonymous,
    ];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "very-satisfied",
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Neutral => "neutral",
            Satisfaction::Dissatisfied => "dissatisfied",
            Satisfaction::Unreachable => "unreachable",
            Satisfaction::Declined => "declined",
            Satisfaction::Anonymous => "anonymous",
        }
    }

    /// The Chinese label, as offices write it.
    pub fn zh(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "非常满意",
            Satisfaction::Satisfied => "满意",
            Satisfaction::Neutral => "基本满意",
            Satisfaction::Dissatisfied => "不满意",
            Satisfaction::Unreachable => "联系不上",
            Satisfaction::Declined => "拒绝回访",
            Satisfaction::Anonymous => "匿名无法回访",
        }
    }

    /// Whether the complainant answered (the others are counted apart
    /// and left out of the satisfaction rate).
    pub fn is_answer(self) -> bool {
        matches!(
            self,
            Satisfaction::VerySatisfied
                | Satisfaction::Satisfied
                | Satisfaction::Neutral
                | Satisfaction::Dissatisfied
        )
    }

    /// Whether the answer counts as satisfied in the published rate:
    /// (非常满意 + 满意 + 基本满意) ÷ answers.
    pub fn is_satisfied(self) -> bool {
        self.is_answer() && self != Satisfaction::Dissatisfied
    }
}

impl Case {
    /// The free text of field `name` (`title`, `demands`, `facts`,
    /// `findings`, `agreement`, `measures`, `assignee`), when the case has
    /// it; `None` for any other name.
    pub fn free_text(&self, name: &str) -> Option<&str> {
        match name {
            "title" => &self.title,
            "demands" => &self.demands,
            "facts" => &self.facts,
            "findings" => &self.findings,
            "agreement" => &self.agreement,
            "measures" => &self.measures,
            "assignee" => &self.assignee,
            _ => &None,
        }
        .as_deref()
    }

    /// The move that brought the case into its current state, as the
    /// history records it (the latest one into that state).
    pub fn move_into_status(&self) -> Option<&Move> {
        self.history
            .iter()
            .rev()
            .filter_map(Event::status_move)
            .find(|m| m.to == self.status)
    }

    /// The first complainant's name, the usual way to refer to a case.
    pub fn complainant_name(&self) -> Option<&str> {
        self.complainants.iter().find_map(|p| p.name.as_deref())
    }

    /// The respondent's name.
    pub fn respondent_name(&self) -> Option<&str> {
        self.respondent.as_ref().and_then(|r| r.name.as_deref())
    }

    /// The event that voided the case, when it was registered by mistake:
    /// a void case keeps its file and history but counts nowhere.
    pub fn voided(&self) -> Option<&Event> {
        self.history
            .iter()
            .find(|e| matches!(e.what, super::event::EventKind::Voided { .. }))
    }

    /// Whether the case was voided (see [`Case::voided`]).
    pub fn is_void(&self) -> bool {
        self.voided().is_some()
    }

    /// The departments complained about (none when no respondent names one).
    pub fn departments(&self) -> &[String] {
        self.respondent
            .as_ref()
            .map_or(&[], |r| r.department.as_slice())
    }

    /// The date of receipt in the case's own offset.
    pub fn received_date(&self) -> NaiveDate {
        self.received.date_naive()
    }
}

/// A list written as a plain value when it holds one item (so a file from
/// before lists reads and writes byte for byte as it was) and as a list
/// when it holds several. Formats that are not human-readable (the case
/// index's positional format) write the list as it is.
pub mod one_or_many {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes one item as itself, several as a list.
    pub fn serialize<S: Serializer>(items: &[String], serializer: S) -> Result<S::Ok, S::Error> {
        match items {
            [one] if serializer.is_human_readable() => one.serialize(serializer),
            _ => items.serialize(serializer),
        }
    }

    /// Reads a plain value or a list of plain values.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<String>, D::Error> {
        if !deserializer.is_human_readable() {
            return Vec::deserialize(deserializer);
        }
        deserializer.deserialize_any(OneOrMany)
    }

    struct OneOrMany;

    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a name or a list of names")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                items.push(item);
            }
            Ok(items)
        }
    }
}
