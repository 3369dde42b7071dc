//! The notices each preset defines: the document's title, who receives it,
//! the case states in which it makes sense, and the milestone that serving
//! it records. A preset without notices (generic) issues none.

use crate::policy::codes::{Found, find_code};
use crate::policy::{Code, Role};

/// Who a notice is addressed to by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipient {
    /// The complainant(s).
    Complainant,
    /// The party complained about.
    Respondent,
    /// The authority the case was transferred to.
    TransferBody,
    /// No one: a form the office files in the case (立案表).
    File,
    /// The body named with `--to` (another complaint office asked to help).
    Body,
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
    /// The outcomes a case must have ended with for the notice to be
    /// true (a termination of mediation only after mediation failed);
    /// empty: any.
    pub outcomes: &'static [&'static str],
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
const HANDLING: &[Role] = &[Role::Accepted, Role::Handling, Role::Suspended];

macro_rules! template {
    ($preset:literal, $code:literal) => {
        include_str!(concat!("templates/", $preset, "/", $code, ".md"))
    };
}

const TOURISM: &[NoticeKind] = &[
    NoticeKind {
        code: "case-form",
        title: "旅游投诉立案表",
        en: "case form the office files when it accepts a complaint (art. 17)",
        abbr: "立",
        to: Recipient::File,
        states: ACCEPTED_ON,
        served: None,
        outcomes: &[],
        template: template!("tourism", "case-form"),
    },
    NoticeKind {
        code: "acceptance",
        title: "旅游投诉受理告知书",
        en: "acceptance notice to the complainant",
        abbr: "受",
        to: Recipient::Complainant,
        states: ACCEPTED_ON,
        served: None,
        outcomes: &[],
        template: template!("tourism", "acceptance"),
    },
    NoticeKind {
        code: "respondent-notice",
        title: "旅游投诉受理通知书",
        en: "notice to the respondent, with the complaint copy",
        abbr: "通",
        to: Recipient::Respondent,
        states: ACCEPTED_ON,
        served: Some("respondent-notified"),
        outcomes: &[],
        template: template!("tourism", "respondent-notice"),
    },
    NoticeKind {
        code: "investigation-request",
        title: "旅游投诉调查取证委托书",
        en: "request to another complaint office to help investigate (art. 21; --to OFFICE --matter TEXT)",
        abbr: "委",
        to: Recipient::Body,
        states: HANDLING,
        served: Some("assistance-requested"),
        outcomes: &[],
        template: template!("tourism", "investigation-request"),
    },
    NoticeKind {
        code: "refusal",
        title: "旅游投诉不予受理通知书",
        en: "refusal notice naming the competent body",
        abbr: "不受",
        to: Recipient::Complainant,
        states: &[Role::Rejected],
        served: None,
        outcomes: &[],
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
        outcomes: &[],
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
        outcomes: &[],
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
        outcomes: &["mediated"],
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
        outcomes: &["settled"],
        template: template!("tourism", "settlement"),
    },
    NoticeKind {
        code: "deposit-decision",
        title: "划拨旅行社质量保证金赔偿决定书",
        en: "decision to pay compensation from the travel agency's quality deposit (art. 26; --matter TEXT)",
        abbr: "保",
        to: Recipient::Respondent,
        states: ENDED,
        served: None,
        outcomes: &["deposit-compensation"],
        template: template!("tourism", "deposit-decision"),
    },
    NoticeKind {
        code: "mediation-terminated",
        title: "旅游投诉终止调解书",
        en: "termination of mediation",
        abbr: "终",
        to: Recipient::Complainant,
        states: ENDED,
        served: None,
        outcomes: &["mediation-terminated"],
        template: template!("tourism", "mediation-terminated"),
    },
];

const HOSPITAL: &[NoticeKind] = &[
    NoticeKind {
        code: "first-reply",
        title: "投诉首次答复",
        en: "first reply: the complaint is being looked into, and by when",
        abbr: "首复",
        to: Recipient::Complainant,
        states: &[
            Role::Intake,
            Role::Accepted,
            Role::Handling,
            Role::Suspended,
        ],
        served: Some("first-reply"),
        outcomes: &[],
        template: template!("hospital", "first-reply"),
    },
    NoticeKind {
        code: "reply",
        title: "投诉处理书面答复",
        en: "final written reply: what the investigation found, the outcome",
        abbr: "复",
        to: Recipient::Complainant,
        states: ACCEPTED_ON,
        served: None,
        outcomes: &[],
        template: template!("hospital", "reply"),
    },
];

const PROCUREMENT: &[NoticeKind] = &[
    NoticeKind {
        code: "reply-notice",
        title: "政府采购投诉答复通知书",
        en: "notice to the respondent to reply, with the complaint copy",
        abbr: "答",
        to: Recipient::Respondent,
        states: ACCEPTED_ON,
        served: Some("respondent-notified"),
        outcomes: &[],
        template: template!("procurement", "reply-notice"),
    },
    NoticeKind {
        code: "refusal",
        title: "政府采购投诉不予受理告知书",
        en: "refusal notice naming the competent body",
        abbr: "不受",
        to: Recipient::Complainant,
        states: &[Role::Rejected],
        served: Some("rejection-notified"),
        outcomes: &[],
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
        outcomes: &[
            "dismissed",
            "upheld-amend",
            "upheld-redo",
            "upheld-void",
            "upheld-unlawful",
        ],
        template: template!("procurement", "decision"),
    },
];

impl NoticeKind {
    /// What a message calls the notice: its code in English, its title in
    /// Chinese.
    pub fn name(&self, lang: crate::messages::Language) -> &'static str {
        match lang {
            crate::messages::Language::En => self.code,
            crate::messages::Language::Zh => self.title,
        }
    }
}

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
    match lookup(preset, code) {
        Found::One(kind) => Some(kind),
        _ => None,
    }
}

/// The notice kinds of `preset` as codes with their labels (the title in
/// Chinese), for matching what is typed and listing them.
pub fn codes(preset: &str) -> Vec<Code> {
    for_preset(preset)
        .iter()
        .map(|k| Code {
            code: k.code.to_string(),
            en: k.en.to_string(),
            zh: k.title.to_string(),
        })
        .collect()
}

/// What `typed` names among the notice kinds of `preset`, by the one
/// rule every coded input follows ([`find_code`]): the code, the title
/// as shown (受理通知书, Acceptance notice), or a part of one title
/// (`立案表`, `和解记录`: the title without its `旅游投诉` head).
pub fn lookup(preset: &str, typed: &str) -> Found<&'static NoticeKind> {
    let kinds = for_preset(preset);
    let codes = codes(preset);
    find_code(&codes, &[], typed).map(|found| {
        let at = codes.iter().position(|c| c.code == found.code);
        &kinds[at.unwrap_or_default()]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_found_by_the_part_of_its_title_people_say() {
        let code = |typed| find("tourism", typed).map(|k| k.code);
        assert_eq!(code("立案表"), Some("case-form"));
        assert_eq!(code("和解记录"), Some("settlement"));
        assert_eq!(code("调查取证委托书"), Some("investigation-request"));
        // 不予受理通知书 only qualifies 受理通知书: the plain one is meant.
        assert_eq!(code("受理通知书"), Some("respondent-notice"));
        assert_eq!(code("调解书"), Some("mediation"));
        assert_eq!(code("书"), None);
        // Both are named, so the officer can pick.
        match lookup("tourism", "受理通知") {
            Found::Several(kinds) => assert_eq!(kinds.len(), 2),
            other => panic!("{other:?}"),
        }
    }

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
                "findings": "导游确有带团进店", "agreement": "退还 3000 元",
                "transfer_to": "市场监管局", "refer_to": "市场监管局",
                "channel": "电话", "accepted": "2026年11月30日", "assignee": "王芳"
            },
            "attachments": ["现场照片.jpg"], "matter": "核实导游带团进店情况",
            "complainant": {"name": "张三", "address": "地址", "phone": "1"},
            "complainant_names": "张三", "complainant_list": ["张三"],
            "respondent": {"name": "桂林阳光旅行社", "location": "桂林", "department": "门市"},
            "agent": {"name": "赵增", "contact": "1"},
            "project": {"name": "实验室设备采购项目", "number": "SD-1", "lot": "b包"},
            "office": {"name": "桂林市文化广电和旅游局", "address": "地址", "phone": "2"},
            "deadlines": {"resolution": {"due": "2027年1月28日", "label": "办结"}},
            "recipient": "张三", "number": "受〔2026〕第 20261129-K7QF2-4Q7MA 号", "you": "您",
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
                let text = crate::paperwork::render::render(&source, &context, &citations(preset))
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
            let text =
                crate::paperwork::render::render(&source, &full_context(), &citations(preset))
                    .unwrap();
            assert!(text.contains("市场监管局"), "{preset}: {text}");
        }
    }

    fn citations(preset: &str) -> Vec<crate::policy::citations::Citation> {
        crate::policy::Policy::build(preset, &crate::policy::PolicyOverrides::default())
            .unwrap()
            .citations
    }

    /// The source texts of the collection the presets cite, as kept
    /// beside the tests (traditional characters, as in the collection).
    fn collection(piece: &str) -> Option<&'static str> {
        match piece {
            "篇十三" => Some(include_str!("../../tests/data/tourism-measures.txt")),
            "篇三" => Some(include_str!("../../tests/data/hospital-rules.txt")),
            "篇十" => Some(include_str!("../../tests/data/nursing-rules.txt")),
            _ => None,
        }
    }

    #[test]
    fn templates_cite_only_through_the_table_of_sources() {
        let article = |text: &str| {
            // A literal `第…条` outside a `cite()` would escape the table.
            text.match_indices('第').any(|(at, _)| {
                let rest = &text[at + '第'.len_utf8()..];
                let numerals: String = rest
                    .chars()
                    .take_while(|c| "一二三四五六七八九十百".contains(*c))
                    .collect();
                !numerals.is_empty() && rest[numerals.len()..].starts_with('条')
            })
        };
        for preset in ["tourism", "hospital", "procurement"] {
            let ids: Vec<String> = citations(preset).into_iter().map(|c| c.id).collect();
            for kind in for_preset(preset) {
                assert!(!article(kind.template), "{preset}/{}", kind.code);
                for (at, _) in kind
                    .template
                    .match_indices("cite(\"")
                    .chain(kind.template.match_indices("place(\""))
                {
                    let rest = &kind.template[at..];
                    let id = rest.split('"').nth(1).unwrap();
                    assert!(
                        ids.iter().any(|i| i == id),
                        "{preset}/{} cites {id}",
                        kind.code
                    );
                }
            }
        }
    }

    #[test]
    fn every_rule_and_reason_of_a_built_in_preset_cites_the_table() {
        for preset in ["tourism", "hospital", "procurement", "generic"] {
            let text = crate::policy::preset_text(preset).unwrap();
            let raw: crate::policy::PolicyOverrides = serde_yaml::from_str(text).unwrap();
            let ids: Vec<String> = raw
                .citations
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|c| c.id)
                .collect();
            let sources = raw
                .deadlines
                .iter()
                .flatten()
                .filter_map(|r| r.source.clone())
                .chain(raw.filing_limit_source.clone())
                .chain(raw.joint_source.clone())
                .chain(raw.reason_sources.clone().unwrap_or_default().into_values())
                .chain(
                    raw.outcome_sources
                        .clone()
                        .unwrap_or_default()
                        .into_values(),
                );
            for source in sources {
                assert!(
                    ids.contains(&source),
                    "{preset}: {source} is not an id of its table"
                );
            }
        }
    }

    #[test]
    fn every_article_read_from_the_collection_stands_in_its_text() {
        for preset in ["tourism", "hospital", "procurement"] {
            for c in citations(preset) {
                let Some(piece) = c.collection.as_deref() else {
                    continue;
                };
                let text = collection(piece).unwrap_or_else(|| panic!("{piece} is not kept"));
                let mark = match &c.section {
                    // `五.3`: section 五 holds item 3.
                    Some(section) => {
                        let (head, item) = section.split_once('.').unwrap_or((section, ""));
                        let at = text
                            .find(&format!("{head}、"))
                            .unwrap_or_else(|| panic!("{}: {head}", c.id));
                        assert!(
                            item.is_empty() || text[at..].contains(&format!("{item}、")),
                            "{}",
                            c.id
                        );
                        continue;
                    }
                    None => format!(
                        "第{}條",
                        crate::policy::citations::chinese_number(c.article)
                    ),
                };
                assert!(text.contains(&mark), "{}: {mark} is not in {piece}", c.id);
                // The items stand in the article: after its mark, before
                // the next article's.
                let at = text.find(&mark).unwrap();
                let end = (c.article + 1..=40)
                    .filter_map(|n| {
                        // An article opens a line; `第十條` inside a
                        // sentence is a reference.
                        let next = format!("\n第{}條", crate::policy::citations::chinese_number(n));
                        text[at..].find(&next).map(|i| at + i)
                    })
                    .min()
                    .unwrap_or(text.len());
                for item in &c.items {
                    let item = format!("({})", crate::policy::citations::chinese_number(*item));
                    assert!(
                        text[at..end].contains(&item),
                        "{}: {item} is not in its article",
                        c.id
                    );
                }
            }
        }
    }

    #[test]
    fn generic_defines_no_notices() {
        assert!(for_preset("generic").is_empty());
        assert!(find("tourism", "decision").is_none());
    }
}
