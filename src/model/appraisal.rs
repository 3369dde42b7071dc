//! Appraisal and testing of a special matter (鉴定、检测; 旅游投诉处理办法
//! 第二十二条): who appraises, how that body was chosen, who applied, who
//! advances and who bears the cost, and the result. Each appraisal is an
//! `appraisal-started` event and, once it comes, an `appraisal-result`
//! event carrying the same number.

use serde::{Deserialize, Serialize};

use super::event::{Event, EventKind};
use super::money::Yuan;
use crate::messages::Language;

/// Appraisal (鉴定) or testing (检测).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppraisalKind {
    /// 鉴定.
    Appraisal,
    /// 检测.
    Testing,
}

/// How the appraising body was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chosen {
    /// A body both parties agreed on (双方约定).
    Agreed,
    /// A statutory body one party applied to, without an agreement
    /// (法定鉴定或者检测机构，一方申请).
    Statutory,
}

/// A party to the complaint, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Party {
    /// 投诉人.
    Complainant,
    /// 被投诉人.
    Respondent,
    /// 双方.
    Both,
}

/// Who advances or bears the cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payer {
    /// As the parties agreed (按双方约定).
    Agreed,
    /// As the mediation agreement will say, once reached (按调解协议).
    Mediation,
    /// 投诉人.
    Complainant,
    /// 被投诉人.
    Respondent,
    /// 双方.
    Both,
}

/// One value of a [`Typed`] kind: its code in files, the message id of
/// its label, and other words people type for it.
pub struct Entry<T: 'static> {
    /// The value.
    pub value: T,
    /// The code written in files.
    pub code: &'static str,
    /// The message id of its label.
    pub label_id: &'static str,
    /// Other words people type for it.
    pub aliases: &'static [&'static str],
}

const fn entry<T>(
    value: T,
    code: &'static str,
    label_id: &'static str,
    aliases: &'static [&'static str],
) -> Entry<T> {
    Entry {
        value,
        code,
        label_id,
        aliases,
    }
}

/// A value typed on the command line or written in a file: its code, or
/// its label in either language.
pub trait Typed: Sized + Copy + PartialEq + 'static {
    /// Every value, in order.
    const ALL: &'static [Entry<Self>];

    /// The entry of this value.
    fn entry(self) -> &'static Entry<Self> {
        Self::ALL
            .iter()
            .find(|e| e.value == self)
            .expect("every value has an entry")
    }

    /// The code written in files.
    fn code(self) -> &'static str {
        self.entry().code
    }

    /// The label in `lang`.
    fn label(self, lang: Language) -> String {
        crate::messages::text(lang, self.entry().label_id).to_string()
    }

    /// The value `typed` names: its code, either label or an alias.
    fn from_typed(typed: &str) -> Option<Self> {
        let typed = typed.trim();
        Self::ALL.iter().map(|e| e.value).find(|v| {
            v.code().eq_ignore_ascii_case(typed)
                || v.label(Language::En).eq_ignore_ascii_case(typed)
                || v.label(Language::Zh) == typed
                || v.entry().aliases.contains(&typed)
        })
    }

    /// Every code, with its label in `lang`, for a refusal.
    fn choices(lang: Language) -> String {
        Self::ALL
            .iter()
            .map(|e| match lang {
                Language::En => e.code.to_string(),
                Language::Zh => format!("{}（{}）", e.value.label(lang), e.code),
            })
            .collect::<Vec<_>>()
            .join(match lang {
                Language::En => ", ",
                Language::Zh => "、",
            })
    }
}

impl Typed for AppraisalKind {
    const ALL: &'static [Entry<Self>] = &[
        entry(
            AppraisalKind::Appraisal,
            "appraisal",
            "appraisal-kind-appraisal",
            &["鑒定"],
        ),
        entry(
            AppraisalKind::Testing,
            "testing",
            "appraisal-kind-testing",
            &["檢測", "test"],
        ),
    ];
}

impl Typed for Chosen {
    const ALL: &'static [Entry<Self>] = &[
        entry(Chosen::Agreed, "agreed", "appraisal-chosen-agreed", &[]),
        entry(
            Chosen::Statutory,
            "statutory",
            "appraisal-chosen-statutory",
            &[],
        ),
    ];
}

impl Typed for Party {
    const ALL: &'static [Entry<Self>] = &[
        entry(
            Party::Complainant,
            "complainant",
            "party-complainant",
            &["投诉者", "旅游者"],
        ),
        entry(
            Party::Respondent,
            "respondent",
            "party-respondent",
            &["被投诉者", "旅行社"],
        ),
        entry(Party::Both, "both", "party-both", &["双方当事人"]),
    ];
}

impl Typed for Payer {
    const ALL: &'static [Entry<Self>] = &[
        entry(
            Payer::Agreed,
            "agreed",
            "payer-agreed",
            &["双方约定", "约定"],
        ),
        entry(
            Payer::Mediation,
            "mediation",
            "payer-mediation",
            &["调解协议", "mediation-agreement"],
        ),
        entry(
            Payer::Complainant,
            "complainant",
            "party-complainant",
            &["投诉者", "旅游者"],
        ),
        entry(
            Payer::Respondent,
            "respondent",
            "party-respondent",
            &["被投诉者", "旅行社"],
        ),
        entry(Payer::Both, "both", "party-both", &["双方当事人"]),
    ];
}

impl From<Party> for Payer {
    fn from(party: Party) -> Payer {
        match party {
            Party::Complainant => Payer::Complainant,
            Party::Respondent => Payer::Respondent,
            Party::Both => Payer::Both,
        }
    }
}

/// Who advances and who bears the cost when the officer does not say,
/// as art. 22 ¶2 says: the cost is borne as the parties agreed; without
/// an agreement the applicant advances it, and once a mediation agreement
/// is reached it is borne as that agreement says. A body the parties
/// agreed on is taken to come with their agreement on the cost.
pub fn default_costs(chosen: Chosen, applied_by: Party) -> (Payer, Payer) {
    match chosen {
        Chosen::Agreed => (Payer::Agreed, Payer::Agreed),
        Chosen::Statutory => (applied_by.into(), Payer::Mediation),
    }
}

/// An appraisal or test begun, as its `appraisal-started` event records
/// it. Fields are declared in the order files write them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Appraisal {
    /// Its number within the case (1, 2, …); the result names it.
    pub number: u32,
    /// Appraisal or testing.
    pub kind: AppraisalKind,
    /// The special matter to appraise or test.
    pub matter: String,
    /// The body that appraises or tests.
    pub body: String,
    /// How the body was chosen.
    pub chosen: Chosen,
    /// Who applied.
    pub applied_by: Party,
    /// Who advances the cost (先行承担).
    pub cost_advanced_by: Payer,
    /// Who finally bears it.
    pub cost_borne_by: Payer,
}

/// The result of an appraisal, as its `appraisal-result` event records it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Outcome {
    /// The number of the appraisal it answers.
    pub number: u32,
    /// What the body found.
    pub result: String,
    /// The fee charged, if known.
    pub fee: Option<Yuan>,
}

/// One appraisal of a case with its result, read from the history.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    /// The event that began it.
    pub started: &'a Event,
    /// What it records.
    pub appraisal: &'a Appraisal,
    /// The event that recorded its result, and the result.
    pub result: Option<(&'a Event, &'a Outcome)>,
}

impl Record<'_> {
    /// Whether the result has not come yet.
    pub fn is_open(&self) -> bool {
        self.result.is_none()
    }
}

/// Every appraisal of `history`, in the order begun, each with the first
/// result recorded for its number.
pub fn records(history: &[Event]) -> Vec<Record<'_>> {
    let mut list: Vec<Record<'_>> = history
        .iter()
        .filter_map(|e| match &e.what {
            EventKind::AppraisalStarted(a) => Some(Record {
                started: e,
                appraisal: a,
                result: None,
            }),
            _ => None,
        })
        .collect();
    for event in history {
        if let EventKind::AppraisalResult(outcome) = &event.what
            && let Some(record) = list
                .iter_mut()
                .find(|r| r.appraisal.number == outcome.number && r.result.is_none())
        {
            record.result = Some((event, outcome));
        }
    }
    list
}

/// The results of `history` that answer no appraisal begun (merged in
/// from a clone, or written by hand).
pub fn orphan_results(history: &[Event]) -> Vec<&Event> {
    history
        .iter()
        .filter(|e| match &e.what {
            EventKind::AppraisalResult(o) => !history
                .iter()
                .any(|s| matches!(&s.what, EventKind::AppraisalStarted(a) if a.number == o.number)),
            _ => false,
        })
        .collect()
}

/// The number the next appraisal of `history` takes.
pub fn next_number(history: &[Event]) -> u32 {
    history
        .iter()
        .filter_map(|e| match &e.what {
            EventKind::AppraisalStarted(a) => Some(a.number),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// Who advances and who bears the cost, as a sentence.
pub fn cost_text(lang: Language, advanced: Payer, borne: Payer) -> String {
    if advanced == Payer::Agreed && borne == Payer::Agreed {
        return crate::msg!(lang, "appraisal-cost-agreed");
    }
    let advanced = match advanced {
        Payer::Agreed | Payer::Mediation => crate::msg!(lang, "appraisal-cost-advanced-agreed"),
        payer => crate::msg!(lang, "appraisal-cost-advanced", payer = payer.label(lang)),
    };
    let borne = match borne {
        Payer::Agreed => crate::msg!(lang, "appraisal-cost-borne-agreed"),
        Payer::Mediation => crate::msg!(lang, "appraisal-cost-borne-mediation"),
        payer => crate::msg!(lang, "appraisal-cost-borne-by", payer = payer.label(lang)),
    };
    crate::msg!(
        lang,
        "appraisal-cost-joined",
        advanced = advanced,
        borne = borne
    )
}

/// Who applied, as a clause after how the body was chosen; none for a
/// body both parties agreed on and applied to together.
pub fn applicant_text(lang: Language, a: &Appraisal) -> String {
    if a.chosen == Chosen::Agreed && a.applied_by == Party::Both {
        return String::new();
    }
    crate::msg!(
        lang,
        "appraisal-applied-by",
        party = a.applied_by.label(lang)
    )
}

/// The fee, as a clause to follow a result (empty when unknown).
pub fn fee_text(lang: Language, fee: Option<Yuan>) -> String {
    fee.map(|fee| crate::msg!(lang, "appraisal-fee", fee = fee))
        .unwrap_or_default()
}

/// What an `appraisal-started` event records, in one line.
pub fn started_text(lang: Language, a: &Appraisal) -> String {
    crate::msg!(
        lang,
        "event-appraisal-started",
        kind = a.kind.label(lang),
        number = a.number,
        matter = a.matter,
        body = a.body,
        chosen = a.chosen.label(lang),
        applicant = applicant_text(lang, a),
        cost = cost_text(lang, a.cost_advanced_by, a.cost_borne_by)
    )
}

/// What an `appraisal-result` event records, in one line.
pub fn result_text(lang: Language, o: &Outcome) -> String {
    crate::msg!(
        lang,
        "event-appraisal-result",
        number = o.number,
        result = o.result,
        fee = fee_text(lang, o.fee)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_an_agreement_the_applicant_advances_and_the_mediation_agreement_decides() {
        assert_eq!(
            default_costs(Chosen::Statutory, Party::Complainant),
            (Payer::Complainant, Payer::Mediation)
        );
        assert_eq!(
            default_costs(Chosen::Statutory, Party::Respondent),
            (Payer::Respondent, Payer::Mediation)
        );
    }

    #[test]
    fn an_agreed_body_leaves_the_cost_to_the_agreement() {
        assert_eq!(
            default_costs(Chosen::Agreed, Party::Both),
            (Payer::Agreed, Payer::Agreed)
        );
    }

    #[test]
    fn the_cost_is_told_as_the_article_words_it() {
        let zh = |a, b| cost_text(Language::Zh, a, b);
        assert_eq!(zh(Payer::Agreed, Payer::Agreed), "费用按双方约定承担");
        assert_eq!(
            zh(Payer::Complainant, Payer::Mediation),
            "费用由投诉人先行承担，达成调解协议后按调解协议承担"
        );
        assert_eq!(
            cost_text(Language::En, Payer::Respondent, Payer::Respondent),
            "the cost is advanced by the respondent and borne by the respondent"
        );
    }

    #[test]
    fn results_answer_their_number_and_a_result_of_nothing_begun_is_an_orphan() {
        use chrono::DateTime;
        let at =
            |m: &str| DateTime::parse_from_rfc3339(&format!("2026-11-05T{m}:00+08:00")).unwrap();
        let start = |n| Appraisal {
            number: n,
            kind: AppraisalKind::Testing,
            matter: "m".into(),
            body: "b".into(),
            chosen: Chosen::Agreed,
            applied_by: Party::Both,
            cost_advanced_by: Payer::Agreed,
            cost_borne_by: Payer::Agreed,
        };
        let result = |n| Outcome {
            number: n,
            result: "r".into(),
            fee: None,
        };
        let history = vec![
            Event::new(at("10:00"), "a", EventKind::AppraisalStarted(start(1))),
            Event::new(at("10:01"), "a", EventKind::AppraisalStarted(start(2))),
            Event::new(at("10:02"), "a", EventKind::AppraisalResult(result(2))),
            Event::new(at("10:03"), "a", EventKind::AppraisalResult(result(5))),
        ];
        let list = records(&history);
        assert!(list[0].is_open() && !list[1].is_open());
        assert_eq!(next_number(&history), 3);
        assert_eq!(orphan_results(&history), [&history[3]]);
        // An agreed body applied for together names no applicant.
        assert_eq!(applicant_text(Language::Zh, &start(1)), "");
        let mut statutory = start(1);
        statutory.chosen = Chosen::Statutory;
        statutory.applied_by = Party::Respondent;
        assert_eq!(applicant_text(Language::Zh, &statutory), "，由被投诉人申请");
    }

    #[test]
    fn values_are_typed_as_codes_or_labels_in_either_language() {
        assert_eq!(
            AppraisalKind::from_typed("检测"),
            Some(AppraisalKind::Testing)
        );
        assert_eq!(
            AppraisalKind::from_typed("鉴定"),
            Some(AppraisalKind::Appraisal)
        );
        assert_eq!(
            AppraisalKind::from_typed("Testing"),
            Some(AppraisalKind::Testing)
        );
        assert_eq!(Party::from_typed("被投诉人"), Some(Party::Respondent));
        assert_eq!(Payer::from_typed("按调解协议"), Some(Payer::Mediation));
        assert_eq!(Payer::from_typed("nobody"), None);
    }
}
