//! Every sentence plaint says to a person, in English and in Chinese: one
//! catalogue keyed by message id, so that a `language: zh` workspace answers
//! in Chinese without `if zh` scattered through the code.
//!
//! To add a message, add one entry to [`MESSAGES`]: an id, the English text
//! and the Chinese text, with the same `{name}` placeholders in both; then
//! print it with [`msg!`](crate::msg): `msg!(lang, "case-now", id = id,
//! state = label)`. A test checks that ids are unique, that both texts
//! name the same placeholders, and that every id used in `src/` exists.
//! `--help` and `--json` stay English; codes stay codes.

use serde::{Deserialize, Serialize};

/// The language people read plaint's messages and labels in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Chinese.
    Zh,
}

/// One message: its id, its English text and its Chinese text.
#[derive(Debug)]
pub struct Message {
    /// A stable, kebab-case key.
    pub id: &'static str,
    /// The English text, with `{name}` placeholders.
    pub en: &'static str,
    /// The Chinese text, with the same placeholders.
    pub zh: &'static str,
}

const fn m(id: &'static str, en: &'static str, zh: &'static str) -> Message {
    Message { id, en, zh }
}

/// The catalogue. Grouped by where the message appears.
#[rustfmt::skip]
pub static MESSAGES: &[Message] = &[
    // Prefixes of stderr lines.
    m("warning", "warning", "警告"),
    m("error", "error", "错误"),
    // Replies of commands that change a case.
    m("case-now", "{id} is now {state}", "{id} 现为{state}"),
    m("assigned-to", "{id} assigned to {officer}", "{id} 已交由 {officer} 承办"),
    m("milestone-recorded", "{id}: {milestone} recorded", "{id}：已记录「{milestone}」"),
    m("extended-by", "{id}: {rule} extended by {amount}", "{id}：{rule}已延长 {amount}"),
    m("not-extendable", "the {rule} limit cannot be extended: its source{basis} allows no extension", "{rule}期限不可延长：其依据{basis}不允许延长"),
    m("extendable-before-due-only", "the {rule} limit can be extended only with notice given before it is due{basis}, and it was due on {due}", "{rule}期限只能在到期前告知延长{basis}，而它已于 {due} 到期"),
    m("extension-force-hint", "{message}; use --force to record an override, which reports count", "{message}；如确需延长，可用 --force 记录（报表会统计）"),
    m("now-due", "; now due {date}", "，现于 {date} 到期"),
    m("followup-recorded", "{id}: follow-up recorded ({answer})", "{id}：已记录回访（{answer}）"),
    m("promise-recorded", "{id}: reply promised by {due}; keep it with `plaint mark {id} promise-kept`", "{id}：已承诺于 {due} 前答复；兑现后用 `plaint mark {id} promise-kept` 记录"),
    m("consent-recorded", "{id}: consent recorded", "{id}：已记录全体投诉人同意"),
    m("attached-line", "{id}  {file}  {size} bytes  sha256 {sha}", "{id}  {file}  {size} 字节  sha256 {sha}"),
    m("detached-reply", "{id}: {name} detached ({file})", "{id}：已移除附件 {name}（{file}）"),
    m("notice-issued", "{id}: {title} {number} issued, stored as {file}", "{id}：已发出{title} {number}，存为 {file}"),
    m("notice-draft", "{id}: draft {title}, nothing stored", "{id}：{title}草稿，未存档"),
    m("note-added", "note added to {id}", "已为 {id} 添加备注"),
    m("served-no-notice", "case {id} has no issued notice whose service starts a clock; name the milestone", "案件 {id} 没有送达后起算期限的已发文书；请写明节点"),
    m("resume-copy", "resume your edited copy? [Y/n]", "继续编辑上次保留的副本？[Y/n]"),
    m("repeat-complaint", "repeat complaint: the complainant has earlier case(s) {ids}", "重复投诉：该投诉人此前已有案件 {ids}"),
    m("filed-late", "filed {days} days after the contract ended on {end}, more than the {limit} days allowed{source} (the limit ran to {last})", "合同于 {end} 结束，{days} 天后才投诉，超过了 {limit} 天的期限{source}（期限至 {last}）"),
    m("filed-late-challenge", "filed {elapsed} working days after the challenge answer period ended on {due}, more than the {limit} working days allowed{source}", "质疑答复期限于 {due} 届满，{elapsed} 个工作日后才投诉，超过了 {limit} 个工作日的期限{source}"),
    m("filing-limit-unchecked", "no contract_end: the {limit}-day filing limit was not checked (set it with `plaint edit`)", "没有合同结束日期：未核对 {limit} 天的投诉期限（请用 `plaint edit` 填写）"),
    m("filing-limit-refused", "{message}; it cannot be accepted (reject it with --reason time-barred, or use --force to accept anyway, which is recorded)", "{message}；不能受理（可用 --reason time-barred 不予受理，或用 --force 强制受理，并记入处理记录）"),
    m("accepted-despite", "accepted despite: {message}", "已强制受理：{message}"),
    m("joint-needs-representatives", "case {id} is a joint complaint ({count} complainants, {threshold} or more) and needs 1 to {max} representatives, but names {reps}; set `representatives` (indexes into complainants) with `plaint edit`", "案件 {id} 为共同投诉（{count} 名投诉人，达到 {threshold} 名），需要 1 至 {max} 名代表人，现有 {reps} 名；请用 `plaint edit` 设置 `representatives`（投诉人序号）"),
    m("no-changes", "{id}: no changes", "{id}：没有改动"),
    m("edited-fields", "{id} edited: {fields}", "{id} 已修改：{fields}"),
    m("registered-next", "registered {id} ({state}); next: `plaint show {id}`", "已创建 {id}（{state}）；下一步：`plaint show {id}`"),
    m("due-left", "{date} {rule}, {n} wd left", "{date} {rule} 剩{n}个工作日"),
    m("due-overdue", "OVERDUE {date} {rule}", "已逾期 {date} {rule}"),
    m("due-paused", "paused {rule}", "暂停 {rule}"),
    m("joint-names", "{name} et al. ({count})", "{name} 等{count}人"),
    m("no-cases-match", "no cases match", "没有符合条件的案件"),
    m("workspace-created", "created a {preset} workspace in {dir}", "已在 {dir} 创建 {preset} 工作区"),
    m("driver-registered", "git merge driver registered: {command}", "已登记 git 合并驱动：{command}"),
    m("files-checked", "{count} files checked, no problems", "已检查 {count} 个文件，没有问题"),
    // What a transition needs (`requires:` in the policy).
    m("require-title", "title (set it with `plaint edit`)", "标题（`plaint edit`）"),
    m("require-complainant", "complainant (a named complainant: `plaint edit`)", "投诉人姓名（`plaint edit`）"),
    m("require-complainant.phone", "complainant.phone (a complainant's phone: `plaint edit`)", "投诉人电话（`plaint edit`）"),
    m("require-respondent", "respondent (the respondent's name: `plaint edit`)", "被投诉者名称（`plaint edit`）"),
    m("require-demands", "demands (the complainant's demands: `plaint edit`)", "投诉请求（`plaint edit`）"),
    m("require-facts", "facts (the facts: `plaint edit`)", "事实与理由（`plaint edit`）"),
    m("require-category", "category (a category: `plaint edit`)", "类别（`plaint edit`）"),
    m("require-contract_end", "contract_end (the contract end date: `plaint edit`)", "合同结束日期（`plaint edit`）"),
    m("require-assignee", "assignee (an assignee: `plaint assign`)", "承办人（`plaint assign`）"),
    m("require-reason", "reason (--reason CODE)", "理由（--reason）"),
    m("require-to", "to (--to AUTHORITY)", "移送机关（--to）"),
    m("require-outcome", "outcome (--outcome CODE)", "办理结果（--outcome）"),
    m("require-note", "note (--note TEXT)", "说明（--note）"),
    m("require-complainant.legal_representative", "complainant.legal_representative (the complainant organisation's legal representative: `plaint edit`)", "投诉单位法定代表人（`plaint edit`）"),
    m("require-respondent.legal_representative", "respondent.legal_representative (the respondent organisation's legal representative: `plaint edit`)", "被投诉单位法定代表人（`plaint edit`）"),
    m("require-title-or-facts", "title-or-facts (a title or the facts: `plaint edit`)", "标题或事实与理由（`plaint edit`）"),
    m("require-complainant-or-anonymous", "complainant-or-anonymous (a named complainant: `plaint edit`)", "投诉人姓名（`plaint edit`）"),
    m("require-followup", "followup (the follow-up call: `plaint followup`)", "回访（`plaint followup`）"),
    // `show`.
    m("no-title", "(no title)", "（无标题）"),
    m("no-name", "(no name)", "（无姓名）"),
    m("representative", " (representative)", "（代表人）"),
    m("none-running", "  (none running)", "  （无进行中的期限）"),
    m("repeat-older", "{ids}, and {more} older ({count} in all)", "{ids}，以及更早的 {more} 件（共 {count} 件）"),
    m("repeat-earlier", "Repeat complaint; earlier cases:", "重复投诉；此前的案件："),
    m("extension-line", "extended +{amount} by {by}{reason}", "延长 {amount}（{by}{reason}）"),
    m("pause-line", "paused ({state}{reason}) {from} to {until}: +{adds}", "暂停（{state}{reason}）{from} 至 {until}：+{adds}"),
    m("late-days", "{days} day(s) late, {workdays} working day(s)", "已超过 {days} 天（{workdays} 个工作日）"),
    m("days-left", "{days} day(s), {workdays} working day(s) left", "剩余 {days} 天（{workdays} 个工作日）"),
    m("stopped-on", "stopped {date}", "止于 {date}"),
    // History events.
    m("event-registered", "registered", "登记"),
    m("event-imported", "imported", "导入"),
    m("event-note", "note", "备注"),
    m("event-promised", "promised", "承诺答复"),
    m("event-consent", "consent", "同意"),
    m("event-notice", "notice {title} {number}", "文书 {title} {number}"),
    m("event-attached", "attached {name} ({file} {size})", "附件 {name}（{file} {size}）"),
    m("event-detached", "detached {name} ({file} {size})", "移除附件 {name}（{file} {size}）"),
    m("size-bytes", "{n} bytes", "{n} 字节"),
    m("forced-non-extendable", "non-extendable", "不可延长的期限"),
    m("forced-late-extension", "late-extension", "到期后延长"),
    m("forced-filing-limit", "filing-limit", "超过投诉期限"),
    m("forced-incomplete-record", "incomplete-record", "记录不完整"),
    m("event-refer-to", " → referred to: {body}", " → 告知向：{body}"),
    m("event-promised-by", " reply promised by {date}", " 承诺答复日期 {date}"),
    m("event-on-the-spot", " (on the spot)", "（当场解决）"),
    m("event-consent-text", " [consent: {text}]", " [同意：{text}]"),
    m("promise-rule", "Reply promised to the complainant", "承诺答复"),
    m("event-assigned", "assigned {from}→ {to}", "承办人 {from}→ {to}"),
    m("event-edited", "edited {fields}", "修改 {fields}"),
    m("event-milestone", "milestone {milestone}", "节点：{milestone}"),
    m("event-extended", "extended {rule} by {amount}", "{rule}延长 {amount}"),
    m("event-followup", "follow-up: {answer}", "回访：{answer}"),
    m("event-transfer-to", " to {to}", "，移送至 {to}"),
    m("event-forced", " FORCED: {what}", " 强制：{what}"),
    // Deadline states.
    m("deadline-running", "running", "进行中"),
    m("deadline-met", "met", "按时"),
    m("deadline-missed", "missed", "超时"),
    m("deadline-overdue", "overdue", "已逾期"),
    m("deadline-paused", "paused", "暂停"),
    m("deadline-ended", "ended", "已终止"),
    m("deadline-stopped", "stopped", "已停止"),
    m("deadline-not_tracked", "not tracked", "未跟踪"),
    // Units.
    m("unit-days", "{n} days", "{n} 天"),
    m("unit-workdays", "{n} working days", "{n} 个工作日"),
    m("unit-months", "{n} month(s)", "{n} 个月"),
    m("weekday-1", "Mon", "周一"),
    m("weekday-2", "Tue", "周二"),
    m("weekday-3", "Wed", "周三"),
    m("weekday-4", "Thu", "周四"),
    m("weekday-5", "Fri", "周五"),
    m("weekday-6", "Sat", "周六"),
    m("weekday-7", "Sun", "周日"),
    // `explain`.
    m("explain-calendar", "calendar: {name}", "日历：{name}"),
    m("explain-extendable", "extendable: {value}", "可否延长：{value}"),
    m("extendable-no", "no", "不可延长"),
    m("extendable-yes", "yes", "可延长"),
    m("extendable-before-due", "before-due", "到期前可延长"),
    m("explain-start", "start: {what} at {time} ({day}); the day itself is not counted", "起算：{what}，{time}（{day}）；当日不计入"),
    m("explain-start-state", "case {state}", "案件{state}"),
    m("explain-start-milestone", "milestone {milestone}", "节点「{milestone}」"),
    m("explain-start-received", "case received", "收到投诉"),
    m("explain-workday", "{day} counted, working day {n} of {amount}", "{day} 计入，第 {n} 个工作日（共 {amount} 个）"),
    m("explain-workday-makeup", "{day} counted, working day {n} of {amount} ({kind})", "{day} 计入，第 {n} 个工作日（共 {amount} 个；{kind}）"),
    m("explain-skipped", "{day} skipped: {kind}", "{day} 跳过：{kind}"),
    m("explain-not-covered", "{text} [year not covered by the calendar: weekends only]", "{text} [日历未覆盖该年：仅按周末计算]"),
    m("explain-period", "{start} + {amount} = {end}", "{start} + {amount} = {end}"),
    m("explain-month-end", "; that month has no day {day}, so the period ends on its last day", "；该月没有 {day} 日，期限止于该月最后一日"),
    m("explain-paused", "paused ({state}{reason}) from {from} to {until}: the period is extended by {adds}", "暂停（{state}{reason}）自 {from} 至 {until}：期限顺延 {adds}"),
    m("explain-pause-reason", ": {reason}", "：{reason}"),
    m("explain-extended", "extended by {amount} by {by}{reason}", "延长 {amount}（{by}{reason}）"),
    m("explain-added", "with {n} day(s) added: {day}", "加上 {n} 天：{day}"),
    m("explain-rolled", "{day} is a rest day ({kind}): the period ends on the next working day (Civil Code art. 203)", "{day} 为休息日（{kind}）：期限顺延至下一个工作日（民法典第二百零三条）"),
    m("explain-due", "due: {day}{mark}", "到期：{day}{mark}"),
    m("explain-state-stopped", "state: {state} (stopped on {date})", "状态：{state}（止于 {date}）"),
    m("explain-state-late", "state: {state}, {n} working day(s) late", "状态：{state}，已超过 {n} 个工作日"),
    m("explain-state-left", "state: {state}, {n} working day(s) left", "状态：{state}，剩余 {n} 个工作日"),
    m("explain-state", "state: {state}", "状态：{state}"),
    m("explain-state-not-tracked", "state: {state}: the case was imported past this rule, and its history does not show when the rule started or stopped; it is neither met, missed nor overdue", "状态：{state}：案件导入时已过此期限，处理记录未显示其起止时间；不计为按时、超时或逾期"),
    m("explain-state-left-workflow", "state: {state} on {date}: the case left the workflow before this rule's own stop; the clock stopped without the act being done", "状态：{date} {state}：案件在此期限自身的终点之前已离开处理流程；计时停止，但该事项未完成"),
    m("explain-warning", "warning: {text}", "警告：{text}"),
    m("explain-not-started", "the {rule} deadline of {id} has not started (it starts at {start})", "{id} 的{rule}期限尚未开始（起算于 {start}）"),
    // Calendar days.
    m("day-workday", "working day", "工作日"),
    m("day-weekend", "weekend", "周末"),
    m("day-holiday", "holiday", "节假日"),
    m("day-in-lieu", "day off (in lieu)", "调休"),
    m("day-holiday-named", "{name}", "{name}"),
    m("day-holiday-in-lieu", "{name} (day off in lieu)", "{name}（调休）"),
    m("day-makeup", "make-up working day", "调休上班"),
    m("day-makeup-for", "make-up working day for {name}", "{name}调休上班"),
    m("yes", "yes", "是"),
    m("no", "no", "否"),
    // Errors and warnings.
    m("not-found", "no case matches '{query}' (run `plaint list --format ids` to see the IDs)", "没有与「{query}」对应的案件（`plaint list --format ids` 列出全部编号）"),
    m("ambiguous", "'{query}' matches {count} cases: {ids}; give more characters", "「{query}」对应 {count} 个案件：{ids}；请多输入几位"),
    m("ambiguous-more", "{ids} and {more} more", "{ids} 等（另有 {more} 个）"),
    m("cannot-move", "case {id} cannot move from {from} to {to}; allowed from {from}: {allowed}", "案件 {id} 不能从{from}转为{to}；{from}可转为：{allowed}"),
    m("final-state", "none: it is final", "无（终结状态）"),
    m("missing-for", "case {id} cannot move to {to}: missing {missing}", "案件 {id} 不能转为{to}：缺少{missing}"),
    m("unknown-code", "unknown {kind} '{value}'; {kinds} are: {codes}", "未知的{kind}「{value}」；可用的{kinds}：{codes}"),
    m("kind-state", "state", "状态"),
    m("kind-channel", "channel", "渠道"),
    m("kind-category", "category", "类别"),
    m("kind-reason", "rejection reason", "不予受理理由"),
    m("kind-outcome", "outcome", "办理结果"),
    m("kind-milestone", "milestone", "节点"),
    m("kind-satisfaction", "satisfaction", "满意度"),
    m("kind-priority", "priority", "优先级"),
    m("kind-state-plural", "states", "状态"),
    m("kind-channel-plural", "channels", "渠道"),
    m("kind-category-plural", "categories", "类别"),
    m("kind-reason-plural", "rejection reasons", "不予受理理由"),
    m("kind-outcome-plural", "outcomes", "办理结果"),
    m("kind-milestone-plural", "milestones", "节点"),
    m("kind-satisfaction-plural", "answers", "满意度"),
    m("kind-priority-plural", "priorities", "优先级"),
    m("did-you-mean", "did you mean '{code}'?", "是否想输入「{code}」？"),
    m("coverage-once", "calendar '{calendar}' does not cover {years}: {count} deadline(s) assume weekends only (marked ?); acknowledge with `assume_weekends: [{years}]` in plaint.yaml", "日历「{calendar}」未覆盖 {years} 年：{count} 个期限仅按周末计算（以 ? 标记）；可在 plaint.yaml 中以 `assume_weekends: [{years}]` 确认"),
    m("coverage-day", "calendar '{calendar}' does not cover {year}: weekends only assumed", "日历「{calendar}」未覆盖 {year} 年：仅按周末计算"),
    m("coverage-year", "calendar '{calendar}' does not cover {year}: no holidays are known for it (add a calendar file in calendars/)", "日历「{calendar}」未覆盖 {year} 年：该年节假日未知（可在 calendars/ 中添加日历文件）"),
    m("joint-no-representative", "a joint complaint ({count} complainants) names no representative; name 1 to {max} with --representative N", "共同投诉（{count} 名投诉人）未指定代表人；请用 --representative N 指定 1 至 {max} 名"),
];

/// The text of message `id` in `lang`, placeholders unfilled; the id
/// itself when there is no such message (a test keeps that from happening).
pub fn text(lang: Language, id: &str) -> &'static str {
    match MESSAGES.iter().find(|m| m.id == id) {
        Some(m) => match lang {
            Language::En => m.en,
            Language::Zh => m.zh,
        },
        None => "{?}",
    }
}

/// Message `id` in `lang` with each `{name}` replaced by its value.
pub fn fill(lang: Language, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = text(lang, id).to_string();
    if out == "{?}" {
        return id.to_string();
    }
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// A message of the catalogue in a language:
/// `msg!(lang, "case-now", id = id, state = label)`.
#[macro_export]
macro_rules! msg {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::fill(
            $lang,
            $id,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn ids_are_unique_and_both_languages_name_the_same_placeholders() {
        let mut ids = BTreeSet::new();
        for m in MESSAGES {
            assert!(ids.insert(m.id), "duplicate message id {}", m.id);
            assert_eq!(placeholders(m.en), placeholders(m.zh), "{}", m.id);
        }
    }

    #[test]
    fn every_message_id_used_in_the_source_is_in_the_catalogue() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        let mut missing = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for (i, _) in source.match_indices("msg!(") {
                    let Some(start) = source[i..].find('"') else {
                        continue;
                    };
                    if source[i + 5..i + start].contains([')', ';']) {
                        continue;
                    }
                    let rest = &source[i + start + 1..];
                    let id = &rest[..rest.find('"').unwrap_or(0)];
                    let kebab = id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if kebab && !id.is_empty() && !MESSAGES.iter().any(|m| m.id == id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "ids not in the catalogue: {missing:?}");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            crate::msg!(
                Language::Zh,
                "case-now",
                id = "20261129-K7QF2",
                state = "已受理"
            ),
            "20261129-K7QF2 现为已受理"
        );
        assert_eq!(fill(Language::En, "no-such-id", &[]), "no-such-id");
    }
}
