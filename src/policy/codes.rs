//! Codes as people type them: every code argument (state, channel,
//! category, reason, outcome, milestone, satisfaction, priority) accepts the
//! code or either of its labels (`不予受理`, `电话`, `Forced shopping`), and
//! a value that matches nothing is answered with the closest one.

use super::{Code, Policy};
use crate::error::{Error, Result};
use crate::messages::Language;
use crate::msg;

/// The kinds of coded values a user types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A workflow state.
    State,
    /// How the complaint came in.
    Channel,
    /// A category of the policy.
    Category,
    /// A case type (投诉, 纠纷).
    Type,
    /// A cause as the office classifies it.
    Cause,
    /// A rejection reason.
    Reason,
    /// A resolution outcome.
    Outcome,
    /// A suspension reason (procurement: correction, testing, ...).
    SuspensionReason,
    /// A deadline rule (`resolution`, 办结).
    Rule,
    /// A milestone.
    Milestone,
    /// A follow-up answer.
    Satisfaction,
    /// A priority.
    Priority,
}

impl CodeKind {
    /// What the kind is called in messages, in `lang`.
    pub fn word(self, lang: Language) -> String {
        let id = match self {
            CodeKind::State => "kind-state",
            CodeKind::Channel => "kind-channel",
            CodeKind::Category => "kind-category",
            CodeKind::Type => "kind-type",
            CodeKind::Cause => "kind-cause",
            CodeKind::Reason => "kind-reason",
            CodeKind::Outcome => "kind-outcome",
            CodeKind::SuspensionReason => "kind-suspension-reason",
            CodeKind::Rule => "kind-rule",
            CodeKind::Milestone => "kind-milestone",
            CodeKind::Satisfaction => "kind-satisfaction",
            CodeKind::Priority => "kind-priority",
        };
        crate::messages::fill(lang, id, &[])
    }
}

/// Priorities with their labels, most severe first.
const PRIORITIES: [(&str, &str, &str); 3] = [
    ("urgent", "Urgent", "紧急"),
    ("important", "Important", "重要"),
    ("normal", "Normal", "一般"),
];

/// Follow-up results with their labels, the answers first.
const SATISFACTION: [(&str, &str, &str); 7] = [
    ("very-satisfied", "Very satisfied", "非常满意"),
    ("satisfied", "Satisfied", "满意"),
    ("neutral", "Basically satisfied", "基本满意"),
    ("dissatisfied", "Dissatisfied", "不满意"),
    ("unreachable", "Could not be reached", "联系不上"),
    ("declined", "Declined to answer", "拒绝回访"),
    ("anonymous", "Anonymous: no call possible", "匿名无法回访"),
];

fn table(rows: &[(&str, &str, &str)]) -> Vec<Code> {
    rows.iter()
        .map(|(code, en, zh)| Code {
            code: code.to_string(),
            en: en.to_string(),
            zh: zh.to_string(),
        })
        .collect()
}

impl Policy {
    /// Every code of `kind`, with its labels, in the policy's order.
    pub fn codes(&self, kind: CodeKind) -> Vec<Code> {
        match kind {
            CodeKind::State => self
                .states
                .iter()
                .map(|s| Code {
                    code: s.name.clone(),
                    en: s.en.clone(),
                    zh: s.zh.clone(),
                })
                .collect(),
            CodeKind::Channel => self.channels.clone(),
            CodeKind::Category => self.categories.clone(),
            CodeKind::Type => self.types.clone(),
            CodeKind::Cause => self.causes.clone(),
            CodeKind::Reason => self.rejection_reasons.clone(),
            CodeKind::Outcome => self.outcomes.clone(),
            CodeKind::SuspensionReason => self.suspension_reasons.clone(),
            CodeKind::Rule => self
                .deadlines
                .iter()
                .map(|r| Code {
                    code: r.name.clone(),
                    en: r.en.clone(),
                    zh: r.zh.clone(),
                })
                .collect(),
            CodeKind::Milestone => self.milestones.clone(),
            CodeKind::Satisfaction => table(&SATISFACTION),
            CodeKind::Priority => table(&PRIORITIES),
        }
    }

    /// The code `input` names, by [`find_code`]. Anything else is a usage
    /// error that lists the codes and suggests the closest, or names the
    /// several that fit. A policy without categories takes any category.
    pub fn resolve_code(&self, kind: CodeKind, input: &str) -> Result<String> {
        let codes = self.codes(kind);
        let typed = input.trim();
        if kind == CodeKind::Category && codes.is_empty() {
            return Ok(typed.to_string());
        }
        if codes.is_empty()
            && let Some(section) = match kind {
                CodeKind::Type => Some("types"),
                CodeKind::Cause => Some("causes"),
                _ => None,
            }
        {
            return Err(Error::usage(msg!(
                self.language,
                "policy-no-codes",
                kind = kind.word(self.language),
                section = section
            )));
        }
        let aliases = self.aliases(kind);
        match find_code(&codes, &aliases, typed) {
            Found::One(code) => Ok(code.code.clone()),
            Found::None => Err(Error::usage(unknown(self.language, kind, typed, &codes))),
            Found::Several(several) => Err(Error::usage(ambiguous(
                self.language,
                kind,
                typed,
                &several,
            ))),
        }
    }

    /// Other words that name a code of `kind`: the state of the
    /// `suspended` role is also typed 中止 or 暂停 (with or without 已),
    /// whatever the preset calls it (暂停计算期限, 已中止).
    fn aliases(&self, kind: CodeKind) -> Vec<(String, &'static [&'static str])> {
        if kind != CodeKind::State {
            return Vec::new();
        }
        self.states
            .iter()
            .filter(|s| s.role == Some(super::Role::Suspended))
            .map(|s| (s.name.clone(), SUSPENDED_WORDS))
            .collect()
    }
}

/// What the state of the `suspended` role is also called.
const SUSPENDED_WORDS: &[&str] = &["中止", "暂停", "已暂停", "已中止", "中止办理", "暂停办理"];

/// The longest input matched loosely (a short form), in characters.
const LOOSE_MAX: usize = 16;

/// What a typed value names among some codes.
#[derive(Debug, PartialEq, Eq)]
pub enum Found<T> {
    /// Exactly this code.
    One(T),
    /// Nothing.
    None,
    /// Several codes fit equally well.
    Several(Vec<T>),
}

impl<T> Found<T> {
    /// The same finding about something else each code stands for.
    pub fn map<U>(self, f: impl Fn(T) -> U) -> Found<U> {
        match self {
            Found::One(t) => Found::One(f(t)),
            Found::None => Found::None,
            Found::Several(all) => Found::Several(all.into_iter().map(f).collect()),
        }
    }
}

/// The one matching rule for every coded input (states, channels,
/// categories, reasons, outcomes, rules, notice kinds...): the code, or
/// either label, ignoring case and surrounding spaces, or one of the
/// code's `aliases`; then, for Chinese input of two characters or more,
/// the closest kind of fit among the Chinese labels, when exactly one
/// label fits at that kind: a label the input begins (`已结` → 已结案),
/// one that holds the input whole (`和解记录` → 旅游投诉和解记录), one
/// whose characters the input keeps in order (`12345热线` →
/// 12345政务服务便民热线), one the input holds whole (`12345热线` → 热线).
/// Latin input is matched exactly, so a typo gets a suggestion instead.
pub fn find_code<'a>(
    codes: &'a [Code],
    aliases: &[(String, &[&str])],
    input: &str,
) -> Found<&'a Code> {
    let typed = input.trim();
    let folded = typed.to_lowercase();
    let exact = codes.iter().find(|c| c.code == typed).or_else(|| {
        codes.iter().find(|c| {
            [&c.code, &c.en, &c.zh]
                .iter()
                .any(|name| name.to_lowercase() == folded)
        })
    });
    let aliased = || {
        aliases
            .iter()
            .find(|(_, words)| words.contains(&typed))
            .and_then(|(code, _)| codes.iter().find(|c| &c.code == code))
    };
    if let Some(code) = exact.or_else(aliased) {
        return Found::One(code);
    }
    // A short form is short and printable: a sentence, or text carrying
    // control characters (an escape sequence pasted in), is never guessed at.
    let length = typed.chars().count();
    if typed.is_ascii() || !(2..=LOOSE_MAX).contains(&length) || typed.chars().any(char::is_control)
    {
        return Found::None;
    }
    let tiers: [&dyn Fn(&str) -> bool; 4] = [
        &|label: &str| label.starts_with(folded.as_str()),
        &|label: &str| label.contains(folded.as_str()),
        &|label: &str| is_short_form(&folded, label),
        &|label: &str| label.chars().count() >= 2 && folded.contains(label),
    ];
    let fitting = tiers
        .iter()
        .map(|fits| codes.iter().filter(|c| fits(&c.zh)).collect::<Vec<_>>())
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    match fitting.len() {
        0 => Found::None,
        1 => Found::One(fitting[0]),
        _ => unqualified(&fitting, &folded).map_or(Found::Several(fitting), Found::One),
    }
}

/// Of several labels that all end with `typed`, the one the others only
/// qualify: `调解书` is 旅游投诉调解书, not 旅游投诉终止调解书, since the
/// second adds 终止 to what the first says before it. `受理` stays
/// ambiguous between 已受理 and 不予受理: neither qualifies the other.
fn unqualified<'a>(fitting: &[&'a Code], typed: &str) -> Option<&'a Code> {
    let before = |c: &Code| c.zh.strip_suffix(typed).map(str::to_string);
    let heads: Vec<String> = fitting.iter().map(|c| before(c)).collect::<Option<_>>()?;
    let plain = heads
        .iter()
        .position(|head| heads.iter().all(|other| other.starts_with(head.as_str())))?;
    let alike = heads.iter().filter(|h| **h == heads[plain]).count();
    (alike == 1).then(|| fitting[plain])
}

/// Whether `typed` (two characters or more) is a short form of `name`:
/// its characters, spaces left out, stand in `name` in the same order.
fn is_short_form(typed: &str, name: &str) -> bool {
    let wanted: Vec<char> = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if wanted.len() < 2 {
        return false;
    }
    let mut rest = wanted.iter().peekable();
    for c in name.chars() {
        if rest.peek() == Some(&&c) {
            rest.next();
        }
    }
    rest.peek().is_none()
}

/// Codes as a message lists them: by code in English, by label (and
/// code) in Chinese.
fn listed<'a>(lang: Language, codes: impl IntoIterator<Item = &'a Code>) -> String {
    let names: Vec<String> = codes
        .into_iter()
        .map(|c| match lang {
            Language::En => c.code.clone(),
            Language::Zh => format!("{}（{}）", c.zh, c.code),
        })
        .collect();
    names.join(list_separator(lang))
}

/// What several codes of `kind` are called (`states`, `状态`).
fn plural(lang: Language, kind: CodeKind) -> String {
    crate::messages::fill(lang, &format!("kind-{}-plural", kind_id(kind)), &[])
}

/// `'超过' fits several reasons: ...; type more of the one meant`.
fn ambiguous(lang: Language, kind: CodeKind, typed: &str, codes: &[&Code]) -> String {
    ambiguous_among(lang, &plural(lang, kind), typed, codes)
}

/// `'受理通知' fits several notices: ...`: `kinds` names what they are.
pub(crate) fn ambiguous_among(lang: Language, kinds: &str, typed: &str, codes: &[&Code]) -> String {
    msg!(
        lang,
        "ambiguous-code",
        value = typed,
        kinds = kinds,
        codes = listed(lang, codes.iter().copied())
    )
}

/// `unknown state 'acepted'; states are: ...; did you mean 'accepted'?`
fn unknown(lang: Language, kind: CodeKind, typed: &str, codes: &[Code]) -> String {
    let word = kind.word(lang);
    let mut message = msg!(
        lang,
        "unknown-code",
        kind = word,
        kinds = plural(lang, kind),
        value = typed,
        codes = listed(lang, codes)
    );
    message.push_str(&suggestion(lang, typed, codes));
    message
}

/// How a list of codes is joined in a message.
pub(crate) fn list_separator(lang: Language) -> &'static str {
    crate::messages::text(lang, "list-comma")
}

/// The end of an "unknown" message suggesting the closest code:
/// `; did you mean 'phone'?`, `；是否想输入「电话」（phone）？`, or nothing
/// when no code is close.
pub(crate) fn suggestion(lang: Language, typed: &str, codes: &[Code]) -> String {
    let Some(best) = closest(typed, codes) else {
        return String::new();
    };
    let separator = crate::messages::text(lang, "list-separator");
    // In Chinese the label is what was typed; in English the code is.
    let asked = if lang == Language::En || best.zh.is_empty() || best.zh == best.code {
        msg!(lang, "did-you-mean", code = best.code)
    } else {
        msg!(
            lang,
            "did-you-mean-label",
            label = best.zh,
            code = best.code
        )
    };
    format!("{separator}{asked}")
}

fn kind_id(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::State => "state",
        CodeKind::Channel => "channel",
        CodeKind::Category => "category",
        CodeKind::Type => "type",
        CodeKind::Cause => "cause",
        CodeKind::Reason => "reason",
        CodeKind::Outcome => "outcome",
        CodeKind::SuspensionReason => "suspension-reason",
        CodeKind::Rule => "rule",
        CodeKind::Milestone => "milestone",
        CodeKind::Satisfaction => "satisfaction",
        CodeKind::Priority => "priority",
    }
}

/// The code whose code or label is closest to `typed`, if any is close
/// enough to be what was meant (as clap suggests subcommands). Latin
/// words are compared by Jaro similarity; anything typed with Chinese
/// characters by edit distance, so that a mistyped homophone (`电化` for
/// `电话`) or a character left out (`强迫购` for `强迫购物`) is found.
fn closest<'a>(typed: &str, codes: &'a [Code]) -> Option<&'a Code> {
    let typed = typed.to_lowercase();
    codes
        .iter()
        .flat_map(|c| {
            [&c.code, &c.en, &c.zh]
                .into_iter()
                .filter_map(|name| similarity(&typed, &name.to_lowercase()))
                .map(move |score| (score, c))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// How alike `typed` and `name` are (0 to 1), when alike enough to
/// suggest.
fn similarity(typed: &str, name: &str) -> Option<f64> {
    if typed.is_ascii() {
        let score = strsim::jaro(typed, name);
        return (score > 0.7).then_some(score);
    }
    let score = strsim::normalized_levenshtein(typed, name);
    (score >= 0.5).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::tests::{generic, procurement, tourism};

    #[test]
    fn a_chinese_label_is_taken_by_the_short_forms_people_type() {
        let p = tourism();
        let typed = |kind, text| p.resolve_code(kind, text).map_err(|e| e.to_string());
        assert_eq!(
            typed(CodeKind::Channel, "12345热线").unwrap(),
            "hotline-12345"
        );
        assert_eq!(typed(CodeKind::Reason, "超过90天").unwrap(), "time-barred");
        // The label it begins wins over one it merely stands in.
        assert_eq!(typed(CodeKind::State, "已结").unwrap(), "closed");
        assert_eq!(typed(CodeKind::State, "已办").unwrap(), "resolved");
        assert!(
            typed(CodeKind::State, "调中")
                .unwrap_err()
                .contains("fits several")
        );
        // One character, or Latin input, is never guessed at.
        assert!(typed(CodeKind::State, "已").is_err());
        assert!(typed(CodeKind::State, "acepted").is_err());
    }

    #[test]
    fn a_label_the_others_only_qualify_is_the_one_meant() {
        let code = |code: &str, zh: &str| Code {
            code: code.into(),
            en: String::new(),
            zh: zh.into(),
        };
        let kinds = [
            code("mediation", "旅游投诉调解书"),
            code("mediation-terminated", "旅游投诉终止调解书"),
            code("respondent-notice", "旅游投诉受理通知书"),
            code("refusal", "旅游投诉不予受理通知书"),
        ];
        let found = |typed: &str| match find_code(&kinds, &[], typed) {
            Found::One(c) => c.code.clone(),
            Found::Several(s) => format!("{} fit", s.len()),
            Found::None => "none".into(),
        };
        assert_eq!(found("调解书"), "mediation");
        assert_eq!(found("受理通知书"), "respondent-notice");
        assert_eq!(found("终止调解书"), "mediation-terminated");
        assert_eq!(found("受理通知"), "2 fit");
        let states = [code("accepted", "已受理"), code("rejected", "不予受理")];
        assert!(matches!(find_code(&states, &[], "受理"), Found::Several(_)));
    }

    #[test]
    fn an_input_holding_exactly_one_label_names_it() {
        let generic = generic();
        let typed = |kind, text| generic.resolve_code(kind, text).map_err(|e| e.to_string());
        // The generic preset has no 12345 hotline of its own: the input
        // holds the label 热线 whole.
        assert_eq!(typed(CodeKind::Channel, "12345热线").unwrap(), "hotline");
        // Text with an escape sequence in it, or a sentence, is not a short
        // form.
        assert!(typed(CodeKind::Channel, "\u{1b}[31m热线\u{1b}[0m").is_err());
        assert!(typed(CodeKind::Channel, "投诉人说他打了很多次热线都没有人接听").is_err());
        // Holding two labels is naming neither.
        assert!(
            typed(CodeKind::Channel, "电话热线")
                .unwrap_err()
                .contains("fits several")
        );
    }

    #[test]
    fn the_suspended_state_is_also_typed_as_its_common_words() {
        let procurement = procurement();
        for word in ["已中止", "中止", "暂停", "暂停计算期限"] {
            assert_eq!(
                procurement.resolve_code(CodeKind::State, word).unwrap(),
                "suspended",
                "{word}"
            );
        }
        assert_eq!(
            tourism().resolve_code(CodeKind::State, "暂停").unwrap(),
            "suspended"
        );
    }

    #[test]
    fn a_code_is_typed_as_the_code_or_either_label() {
        let p = tourism();
        let outcome = p.codes(CodeKind::Outcome)[0].clone();
        for (kind, typed, code) in [
            (CodeKind::State, "不予受理", "rejected"),
            (CodeKind::State, " Accepted ", "accepted"),
            (CodeKind::Channel, "电话", "phone"),
            (CodeKind::Category, "住宿", "accommodation"),
            (CodeKind::Satisfaction, "满意", "satisfied"),
            (CodeKind::Priority, "紧急", "urgent"),
            (CodeKind::Outcome, &outcome.zh, &outcome.code),
        ] {
            assert_eq!(p.resolve_code(kind, typed).unwrap(), code, "{typed}");
        }
    }

    #[test]
    fn a_mistyped_code_is_a_usage_error_with_a_suggestion() {
        let err = tourism()
            .resolve_code(CodeKind::State, "acepted")
            .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        assert!(text.contains("did you mean 'accepted'?"), "{text}");
    }
}
