//! The notices each preset defines: the document's title, who receives it,
//! the case states in which it makes sense, and the milestone that serving
//! it records. A preset without notices (generic) issues none.

use crate::policy::Role;

/// Who a notice is addressed to by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipient {
    /// The complainant(s).
    Complainant,
    /// The party complained about.
    Respondent,
    /// The authority the case was transferred to.
    TransferBody,
}

/// One kind of notice.
#[derive(Debug)]
pub struct NoticeKind {
    /// The name on the command line and in the history, e.g. `acceptance`.
    pub code: &'static str,
    /// The document's Chinese title.
    pub title: &'static str,
    /// An English description for help and errors.
    pub en: &'static str,
    /// The character(s) that open the document number, e.g. `受`.
    pub abbr: &'static str,
    /// The default addressee.
    pub to: Recipient,
    /// The roles of the case states in which the notice may be issued.
    pub states: &'static [Role],
    /// The milestone `--served DATE` records (it starts a clock).
    pub served: Option<&'static str>,
    /// The built-in template (Markdown with minijinja tags).
    pub template: &'static str,
}

const ACCEPTED_ON: &[Role] = &[
    Role::Accepted,
    Role::Handling,
    Role::Suspended,
    Role::Resolved,
    Role::Closed,
];
const ENDED: &[Role] = &[Role::Resolved, Role::Closed];

macro_rules! template {
    ($preset:literal, $code:literal) => {
        include_str!(concat!("templates/", $preset, "/", $code, ".md"))
    };
}

const TOURISM: &[NoticeKind] = &[
    NoticeKind {
        code: "acceptance",
        title: "旅游投诉受理通知书",
        en: "acceptance notice to the complainant",
        abbr: "受",
        to: Recipient::Complainant,
        states: ACCEPTED_ON,
        served: None,
        template: template!("tourism", "acceptance"),
    },
    NoticeKind {
        code: "respondent-notice",
        title: "投诉受理通知书",
        en: "notice to the respondent, with the complaint copy",
        abbr: "通",
        to: Recipient::Respondent,
        states: ACCEPTED_ON,
        served: Some("respondent-notified"),
        template: template!("tourism", "respondent-notice"),
    },
    NoticeKind {
        code: "refusal",
        title: "旅游投诉不予受理通知书",
        en: "refusal notice naming the competent body",
        abbr: "不受",
        to: Recipient::Complainant,
        states: &[Role::Rejected],
        served: None,
        template: template!("tourism", "refusal"),
    },
    NoticeKind {
        code: "transfer",
        title: "旅游投诉转办通知书",
        en: "transfer notice to the receiving body",
        abbr: "转",
        to: Recipient::TransferBody,
        states: &[Role::Transferred],
        served: None,
        template: template!("tourism", "transfer"),
    },
    NoticeKind {
        code: "transfer-complainant",
        title: "投诉转办告知书",
        en: "notice of the transfer to the complainant",
        abbr: "转告",
        to: Recipient::Complainant,
        states: &[Role::Transferred],
        served: None,
        template: template!("tourism", "transfer-complainant"),
    },
    NoticeKind {
        code: "mediation",
        title: "旅游投诉调解书",
        en: "mediation agreement",
        abbr: "调",
        to: Recipient::Complainant,
        states: ENDED,
        served: None,
        template: template!("tourism", "mediation"),
    },
    NoticeKind {
        code: "settlement",
        title: "旅游投诉和解记录",
        en: "record of a settlement between the parties",
        abbr: "和",
        to: Recipient::Complainant,
        states: ENDED,
        served: None,
        template: template!("tourism", "settlement"),
    },
    NoticeKind {
        code: "mediation-terminated",
        title: "旅游投诉终止调解书",
        en: "termination of mediation",
        abbr: "终",
        to: Recipient::Complainant,
        states: ENDED,
        served: None,
        template: template!("tourism", "mediation-terminated"),
    },
];

const HOSPITAL: &[NoticeKind] = &[NoticeKind {
    code: "reply",
    title: "投诉处理书面答复",
    en: "written reply to the complainant",
    abbr: "复",
    to: Recipient::Complainant,
    states: ACCEPTED_ON,
    served: Some("first-reply"),
    template: template!("hospital", "reply"),
}];

const PROCUREMENT: &[NoticeKind] = &[
    NoticeKind {
        code: "reply-notice",
        title: "政府采购投诉答复通知书",
        en: "notice to the respondent to reply, with the complaint copy",
        abbr: "答",
        to: Recipient::Respondent,
        states: ACCEPTED_ON,
        served: None,
        template: template!("procurement", "reply-notice"),
    },
    NoticeKind {
        code: "refusal",
        title: "政府采购投诉不予受理告知书",
        en: "refusal notice naming the competent body",
        abbr: "不受",
        to: Recipient::Complainant,
        states: &[Role::Rejected],
        served: None,
        template: template!("procurement", "refusal"),
    },
    NoticeKind {
        code: "decision",
        title: "政府采购投诉处理决定书",
        en: "decision, with the rights of review and litigation",
        abbr: "决",
        to: Recipient::Complainant,
        states: ENDED,
        served: None,
        template: template!("procurement", "decision"),
    },
];

/// The notices of `preset` (none for a preset without paperwork).
pub fn for_preset(preset: &str) -> &'static [NoticeKind] {
    match preset {
        "tourism" => TOURISM,
        "hospital" => HOSPITAL,
        "procurement" => PROCUREMENT,
        _ => &[],
    }
}

/// The notice `code` of `preset`.
pub fn find(preset: &str, code: &str) -> Option<&'static NoticeKind> {
    let kinds = for_preset(preset);
    kinds.iter().find(|k| k.code == code).or_else(|| {
        // A notice is also named as it is shown: 受理通知书, Acceptance notice.
        let folded = code.trim().to_lowercase();
        kinds
            .iter()
            .find(|k| k.title == code.trim() || k.en.to_lowercase() == folded)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_parses() {
        for preset in ["tourism", "hospital", "procurement"] {
            for kind in for_preset(preset) {
                let mut env = minijinja::Environment::new();
                env.add_template(kind.code, kind.template)
                    .unwrap_or_else(|e| panic!("{preset}/{}: {e}", kind.code));
            }
        }
    }

    /// Every value `notice::context` can provide, filled in.
    fn full_context() -> serde_json::Value {
        serde_json::json!({
            "case": {
                "id": "20261129-K7QF2", "title": "导游强迫购物", "received": "2026年11月29日",
                "category": "强迫购物", "demands": "退款", "facts": "事实", "status": "已受理",
                "outcome": "达成调解协议", "measures": "退还 3000 元", "reason": "不属于本机构管辖",
                "transfer_to": "市场监管局", "refer_to": "市场监管局"
            },
            "complainant": {"name": "张三", "address": "地址", "phone": "1"},
            "complainant_names": "张三",
            "respondent": {"name": "桂林阳光旅行社", "location": "桂林", "department": "门市"},
            "office": {"name": "桂林市文化广电和旅游局", "address": "地址", "phone": "2"},
            "deadlines": {"resolution": {"due": "2027年1月28日", "label": "办结"}},
            "recipient": "张三", "number": "受〔2026〕第 20261129-K7QF2-1 号",
            "officer": "王芳", "issued": "2026年11月30日", "title": "通知书"
        })
    }

    #[test]
    fn every_built_in_template_renders_with_every_value_present() {
        let context = full_context();
        for preset in ["tourism", "hospital", "procurement"] {
            for kind in for_preset(preset) {
                let source = crate::paperwork::render::Source {
                    label: format!("{preset}/{}", kind.code),
                    text: kind.template.to_string(),
                };
                let text = crate::paperwork::render::render(&source, &context)
                    .unwrap_or_else(|e| panic!("{preset}/{}: {e}", kind.code));
                assert!(
                    text.contains("20261129-K7QF2"),
                    "{preset}/{}: {text}",
                    kind.code
                );
            }
        }
    }

    #[test]
    fn refusals_name_the_referral_body_when_the_case_has_one() {
        for preset in ["tourism", "procurement"] {
            let kind = find(preset, "refusal").unwrap();
            let source = crate::paperwork::render::Source {
                label: "refusal".into(),
                text: kind.template.to_string(),
            };
            let text = crate::paperwork::render::render(&source, &full_context()).unwrap();
            assert!(text.contains("市场监管局"), "{preset}: {text}");
        }
    }

    #[test]
    fn generic_defines_no_notices() {
        assert!(for_preset("generic").is_empty());
        assert!(find("tourism", "decision").is_none());
    }
}
