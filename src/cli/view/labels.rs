//! Codes, states and rules as a person reads them, in the workspace
//! language: English tables keep codes where they always have, a zh
//! workspace shows the Chinese labels.

use super::Ctx;
use crate::deadline::DeadlineState;
use crate::model::{Priority, Satisfaction};
use crate::msg;
use crate::policy::{Language, code_label, pick};

/// A deadline rule as a person reads it: its code in English, its label in
/// Chinese.
pub fn rule_label(ctx: &Ctx, rule: &str) -> String {
    match ctx.lang() {
        Language::En => rule.to_string(),
        Language::Zh if rule == crate::deadline::PROMISE_RULE => msg!(Language::Zh, "promise-rule"),
        Language::Zh => ctx
            .ws
            .policy
            .rule(rule)
            .map_or_else(|_| rule.to_string(), |r| r.zh.clone()),
    }
}

/// A deadline rule as a narrow list names it: its code in English, its
/// short label (受理, 办结) in Chinese, else its label.
pub fn rule_short_label(ctx: &Ctx, rule: &str) -> String {
    match ctx.ws.policy.rule(rule) {
        Ok(r) if ctx.lang() == Language::Zh => r.zh_short.clone().unwrap_or_else(|| r.zh.clone()),
        _ => rule_label(ctx, rule),
    }
}

/// The label of a deadline state in `lang`.
pub fn state_label(lang: Language, state: DeadlineState) -> String {
    state.label(lang)
}

/// The title of deadline rule `name` in the workspace language (its
/// label, in English too); a promise to the complainant has its own.
pub fn rule_title(ctx: &Ctx, name: &str) -> String {
    let lang = ctx.ws.settings.language;
    if name == crate::deadline::PROMISE_RULE {
        return msg!(lang, "promise-rule");
    }
    ctx.ws
        .policy
        .rule(name)
        .map(|r| pick(lang, &r.en, &r.zh).to_string())
        .unwrap_or_default()
}

/// The label of the case's state in the workspace language.
pub fn status_label(ctx: &Ctx, status: &str) -> String {
    ctx.ws.policy.state_label(status, ctx.ws.settings.language)
}

/// The label of a category code in the workspace language.
pub fn category_label(ctx: &Ctx, category: &str) -> String {
    if category == "(none)" {
        return crate::messages::text(ctx.ws.settings.language, "category-none").to_string();
    }
    code_label(
        &ctx.ws.policy.categories,
        category,
        ctx.ws.settings.language,
    )
}

/// The label of a channel name (as stored) in the workspace language.
pub fn channel_label(ctx: &Ctx, channel: &str) -> String {
    let lang = ctx.ws.settings.language;
    match ctx.ws.policy.channels.iter().find(|c| c.code == channel) {
        // English tables keep the code, as before channels were data.
        Some(c) => pick(lang, &c.code, &c.zh).to_string(),
        None if channel == "(unknown)" => {
            crate::messages::text(lang, "channel-unknown").to_string()
        }
        None => channel.to_string(),
    }
}

/// The label of a priority in the workspace language.
pub fn priority_label(ctx: &Ctx, priority: Priority) -> String {
    let zh = match priority {
        Priority::Urgent => "紧急",
        Priority::Important => "重要",
        Priority::Normal => "一般",
    };
    pick(ctx.ws.settings.language, priority.as_str(), zh).to_string()
}

/// The label of a satisfaction answer in the workspace language.
pub fn satisfaction_label(ctx: &Ctx, answer: Satisfaction) -> String {
    pick(ctx.ws.settings.language, answer.as_str(), answer.zh()).to_string()
}

/// The label of a priority stored by name (a report key); a name that
/// is no priority is shown as it is.
pub fn priority_name_label(ctx: &Ctx, name: &str) -> String {
    crate::intake::parse_priority(name)
        .map_or_else(|_| name.to_string(), |p| priority_label(ctx, p))
}

/// The label of a satisfaction answer stored by name (a report key); a
/// name that is no answer is shown as it is.
pub fn satisfaction_name_label(ctx: &Ctx, name: &str) -> String {
    crate::intake::parse_satisfaction(name)
        .map_or_else(|_| name.to_string(), |s| satisfaction_label(ctx, s))
}

/// `n` of `unit` (`days`, `workdays`, `months`) in words of `lang`.
pub fn amount_text(lang: Language, n: impl std::fmt::Display, unit: &str) -> String {
    match unit {
        "workdays" => msg!(lang, "unit-workdays", n = n),
        "months" => msg!(lang, "unit-months", n = n),
        _ => msg!(lang, "unit-days", n = n),
    }
}
