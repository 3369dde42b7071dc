//! Every sentence plaint says to a person, in English and in Chinese: one
//! catalogue keyed by message id, so that a `language: zh` workspace answers
//! in Chinese without `if zh` scattered through the code.
//!
//! To add a message, add one entry to [`MESSAGES`]: an id, the English text
//! and the Chinese text, with the same `{name}` placeholders in both; then
//! print it with [`msg!`](crate::msg): `msg!(lang, "case-now", id = id,
//! state = label)`; a text without placeholders (a table heading, a
//! separator) is [`text`]`(lang, "list-col-title")`. A test checks that
//! ids are unique, that both texts name the same placeholders, and that
//! every id given to `msg!` or `text` in `src/` exists.
//! JSON keys and codes stay English; a message stays a message in the
//! workspace language even inside `--json`. The descriptions `--help`
//! shows are in [`help`], keyed by command and argument.
//!
//! What stays outside the catalogue is data, not wording: a code's or a
//! rule's own labels (`en`/`zh` in the presets), which label a screen
//! shows in which language (English tables show codes), and a deadline's
//! `warnings`, which `--json` gives the same in every workspace.

use serde::{Deserialize, Serialize};

pub mod help;
pub mod said;

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
    m("notice-issued", "{id}: {title} {number} issued, stored as {file}", "{id}：已出具{title} {number}，存为 {file}"),
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
    m("due-today", "DUE TODAY {rule}", "今日到期 {rule}"),
    m("due-paused", "paused {rule}", "暂停 {rule}"),
    m("due-left-short", "{date} {rule} {n}wd", "{date} {rule} 剩{n}日"),
    m("due-overdue-short", "OVERDUE {date} {rule}", "{date} {rule} 逾期"),
    m("joint-names", "{name} et al. ({count})", "{name} 等{count}人"),
    m("no-cases-match", "no cases match", "没有符合条件的案件"),
    m("workspace-created", "created a {preset} workspace in {dir}", "已在 {dir} 创建工作区，采用{preset}"),
    m("driver-registered", "git merge driver registered: {command}", "已登记 git 合并驱动：{command}"),
    m("files-checked", "{count} files checked, no problems", "已检查 {count} 个文件，没有问题"),
    // What a transition needs (`requires:` in the policy).
    m("require-title", "title (set it with `plaint edit`)", "标题（`plaint edit`）"),
    m("require-complainant", "complainant (a named complainant: `plaint edit`)", "投诉人姓名（`plaint edit`）"),
    m("require-complainant.phone", "complainant.phone (a complainant's phone: `plaint edit`)", "投诉人电话（`plaint edit`）"),
    m("require-respondent", "respondent (the respondent's name: `plaint edit`)", "被投诉人名称（`plaint edit`）"),
    m("require-demands", "demands (the complainant's demands: `plaint set ID demands TEXT`)", "投诉请求（`plaint set 编号 demands 内容`）"),
    m("require-facts", "facts (the facts: `plaint set ID facts TEXT`)", "事实与理由（`plaint set 编号 facts 内容`）"),
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
    m("left-due-today", "due today", "今日到期"),
    m("days-left", "{days} day(s), {workdays} working day(s) left", "剩余 {days} 天（{workdays} 个工作日）"),
    m("stopped-on", "stopped {date}", "止于 {date}"),
    // History events.
    m("event-registered", "registered", "登记"),
    m("event-imported", "imported", "导入"),
    m("event-note", "note", "备注"),
    m("event-promised", "promised", "承诺答复"),
    m("event-consent", "consent", "同意"),
    m("event-notice", "notice {title} {number}", "文书 {title} {number}"),
    m("event-superseded", "superseded notice {number}", "文书 {number} 已被取代"),
    m("event-attached", "attached {name} ({file} {size})", "附件 {name}（{file} {size}）"),
    m("event-detached", "detached {name} ({file} {size})", "移除附件 {name}（{file} {size}）"),
    m("event-voided", "voided: {reason}", "作废：{reason}"),
    m("size-bytes", "{n} bytes", "{n} 字节"),
    m("forced-issued-notices", "issued-notices", "已制发文书"),
    // `void`.
    m("void-done", "{id} is void: its file and history are kept; it is left out of every figure and of default lists (`plaint list --all` shows it)", "{id} 已作废：案卷及其记录保留，不再计入任何统计，默认列表不再显示（`plaint list --all` 可见）"),
    m("void-reason-empty", "say why the registration was a mistake: --reason TEXT", "请用 --reason 说明误登记的原因"),
    m("void-already", "{id} was already voided on {date} by {by}", "{id} 已于 {date} 由 {by} 作废"),
    m("void-has-notices", "{id} has issued notices ({numbers}): a notice handed to a party is not undone by voiding the case, and the case was then really handled. Close it through the workflow instead (e.g. `plaint advance {id} withdrawn`); if the registration itself was a mistake, void it with --force: the notices stay in its record", "{id} 已制发文书（{numbers}）：已送达当事人的文书不因案件作废而失效，且本案已实际办理。请按流程办结（如 `plaint advance {id} withdrawn`）；确属误登记的，加 --force 作废，已制发的文书仍留存于案卷"),
    m("case-is-void", "{id} is void (voided on {date}: {reason}): nothing more is recorded on it but notes and attachments", "{id} 已作废（{date}：{reason}），除备注和附件外不再记录办理事项"),
    m("status-void", "void", "已作废"),
    m("show-voided", "VOID: voided on {date} by {by}: {reason}", "已作废：{date} 由 {by} 作废，原因：{reason}"),
    m("forced-non-extendable", "non-extendable", "不可延长的期限"),
    m("forced-late-extension", "late-extension", "到期后延长"),
    m("forced-filing-limit", "filing-limit", "超过投诉期限"),
    m("forced-incomplete-record", "incomplete-record", "记录不完整"),
    m("event-refer-to", " → referred to: {body}", " → 告知向：{body}"),
    m("event-promised-by", " a reply by {date}", "（{date} 前）"),
    m("event-on-the-spot", " (on the spot)", "（当场解决）"),
    m("event-consent-text", " [consent: {text}]", " [同意：{text}]"),
    m("explain-promise", "a promised reply is a date given to the complainant, not counted by a rule, so there is nothing to explain; `plaint show {id}` shows it with the days left", "承诺答复是向投诉人承诺的日期，不按期限规则计算，无需说明计算过程；`plaint show {id}` 列出该日期和剩余天数"),
    m("promise-rule", "Reply promised to the complainant", "承诺答复"),
    m("event-assigned", "assigned {from}→ {to}", "承办人 {from}→ {to}"),
    m("event-edited", "edited {fields}", "修改 {fields}"),
    m("event-milestone", "milestone {milestone}", "节点：{milestone}"),
    m("event-extended", "extended {rule} by {amount}", "{rule}延长 {amount}"),
    m("event-followup", "follow-up: {answer}", "回访：{answer}"),
    m("event-transfer-to", " to {to}", "，移送至 {to}"),
    m("event-forced", " FORCED: {what}", " 强制：{what}"),
    // Alarm grades (the petition system's 预警 / 超时 / 中度超时 / 严重超时).
    m("alarm-warning", "warning", "预警"),
    m("alarm-overdue", "overdue", "超时"),
    m("alarm-moderate", "moderate", "中度超时"),
    m("alarm-severe", "severe", "严重超时"),
    m("field-alarm", "Alarm", "预警等级"),
    m("summary-by-alarm", "By alarm", "按预警等级"),
    m("alarm-unknown", "--alarm: unknown grade '{text}'; grades: {grades}", "--alarm：未知的预警等级「{text}」；可用的等级：{grades}"),
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
    m("explain-state-today", "state: {state}, due today", "状态：{state}，今日到期"),
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
    m("kind-type", "case type", "类型"),
    m("kind-cause", "cause", "原因"),
    m("kind-reason", "rejection reason", "不予受理理由"),
    m("kind-outcome", "outcome", "办理结果"),
    m("kind-milestone", "milestone", "节点"),
    m("kind-satisfaction", "satisfaction", "满意度"),
    m("kind-priority", "priority", "优先级"),
    m("kind-state-plural", "states", "状态"),
    m("kind-channel-plural", "channels", "渠道"),
    m("kind-category-plural", "categories", "类别"),
    m("kind-type-plural", "case types", "类型"),
    m("kind-cause-plural", "causes", "原因"),
    m("kind-reason-plural", "rejection reasons", "不予受理理由"),
    m("kind-outcome-plural", "outcomes", "办理结果"),
    m("kind-milestone-plural", "milestones", "节点"),
    m("kind-satisfaction-plural", "answers", "满意度"),
    m("kind-priority-plural", "priorities", "优先级"),
    m("did-you-mean", "did you mean '{code}'?", "是否想输入「{code}」？"),
    m("did-you-mean-label", "did you mean '{code}' ({label})?", "是否想输入「{label}」（{code}）？"),
    m("coverage-once", "calendar '{calendar}' does not cover {years}: {count} deadline(s) assume weekends only (marked ?); add the year's official schedule with `plaint calendar import FILE`, or acknowledge with `assume_weekends: [{years}]` in plaint.yaml", "日历「{calendar}」未覆盖 {years} 年：{count} 个期限仅按周末计算（以 ? 标记）；请用 `plaint calendar import 文件` 导入当年的放假安排，或在 plaint.yaml 中以 `assume_weekends: [{years}]` 确认仅按周末计算"),
    m("coverage-once-json", "calendar '{calendar}' does not cover {years}: {count} deadline(s) assume weekends only (\"provisional\": true); add the year's official schedule with `plaint calendar import FILE`, or acknowledge with `assume_weekends: [{years}]` in plaint.yaml", "日历「{calendar}」未覆盖 {years} 年：{count} 个期限仅按周末计算（标为 \"provisional\": true）；请用 `plaint calendar import 文件` 导入当年的放假安排，或在 plaint.yaml 中以 `assume_weekends: [{years}]` 确认仅按周末计算"),
    m("coverage-once-plain", "calendar '{calendar}' does not cover {years}: {count} deadline(s) assume weekends only; add the year's official schedule with `plaint calendar import FILE`, or acknowledge with `assume_weekends: [{years}]` in plaint.yaml", "日历「{calendar}」未覆盖 {years} 年：{count} 个期限仅按周末计算；请用 `plaint calendar import 文件` 导入当年的放假安排，或在 plaint.yaml 中以 `assume_weekends: [{years}]` 确认仅按周末计算"),
    m("coverage-day", "calendar '{calendar}' does not cover {year}: weekends only assumed", "日历「{calendar}」未覆盖 {year} 年：仅按周末计算"),
    m("coverage-year", "calendar '{calendar}' does not cover {year}: no holidays are known for it (add a calendar file in calendars/)", "日历「{calendar}」未覆盖 {year} 年：该年节假日未知（可在 calendars/ 中添加日历文件）"),
    m("joint-no-representative", "a joint complaint ({count} complainants) names no representative; name 1 to {max} with --representative N", "共同投诉（{count} 名投诉人）未指定代表人；请用 --representative N 指定 1 至 {max} 名"),
    // Registration and intake.
    m("field-error", "field {field}: {message}", "字段 {field}：{message}"),
    m("list-separator", "; ", "；"),
    m("list-comma", ", ", "、"),
    m("and-also", "; and ", "；以及"),
    m("not-registered", "the case was not registered: {problems}", "案件未登记：{problems}"),
    m("nothing-to-register", "nothing to register: give at least a title or the facts, and a complainant or --anonymous", "没有可登记的内容：至少要有标题或事实与理由，以及投诉人或 --anonymous"),
    m("set-on-registration", "is set by plaint on registration (use `plaint import` for migrated cases)", "由 plaint 在登记时填写（迁移的案件请用 `plaint import`）"),
    m("in-the-future", "{what} is in the future", "{what} 晚于当前时间"),
    m("new-case-needs", "a new case needs {missing}", "新案件需要{missing}"),
    m("refused-unless-forced", "{message}: acceptance will be refused unless forced", "{message}：除非强制，否则不能受理"),
    m("register-needs-title-or-facts", "a title or the facts (--title, --facts)", "标题或事实与理由（--title、--facts）"),
    m("register-needs-complainant", "a complainant's name, or --anonymous when the complainant is not named", "投诉人姓名，投诉人不具名时用 --anonymous"),
    m("representative-unknown", "--representative '{given}' names no complainant (give a --complainant name, or a position from 0 to {last})", "--representative「{given}」不是任何投诉人（请写 --complainant 的姓名，或 0 至 {last} 的序号）"),
    m("date-out-of-years", "{what} {date} is outside the supported years {first}–{last}", "{what} {date} 超出支持的年份 {first}–{last}"),
    m("bad-date", "'{text}' is not a valid date (expected {forms})", "「{text}」不是有效日期（应为 {forms}）"),
    m("bad-datetime", "'{text}' is not a valid date or time (expected {forms}, optionally with HH:MM[:SS], or RFC 3339 like 2026-11-29T09:30:00+08:00)", "「{text}」不是有效的日期或时间（应为 {forms}，可带 HH:MM[:SS]，或 RFC 3339 格式如 2026-11-29T09:30:00+08:00）"),
    m("date-forms", "YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日", "YYYY-MM-DD、YYYY/MM/DD 或 YYYY年MM月DD日"),
    m("promised-date", "the promised date: {error}", "承诺答复日期：{error}"),
    m("by-not-number", "--by '{by}' is not a whole number of days", "--by「{by}」不是整数天数"),
    // Notices and dossiers.
    m("builtin-template", "built-in {preset}/{kind}.md", "内置模板 {preset}/{kind}.md"),
    m("at-line", " line {line}", " 第 {line} 行"),
    m("template-missing-field", "{label}{line}: the template uses `{field}`, which this case does not have; fill it in (plaint edit, plaint.yaml) or change the template", "{label}{line}：模板用到 `{field}`，而本案没有该项；请填写（plaint edit、plaint.yaml）或修改模板"),
    m("template-missing-matter", "{label}: the document states what it asks or decides; give it with --matter TEXT", "{label}：文书须写明委托事项或决定内容，请用 --matter 内容 写明"),
    m("template-missing-written", "{label}{line}: the document states the {what} (`{field}`), which the officer has not written for this case; record it with `plaint set ID {name} TEXT` (or `plaint set ID {name}` to write a long text in $EDITOR)", "{label}{line}：文书要写明{what}（`{field}`），但承办人尚未为本案填写；请用 `plaint set 编号 {name} 内容` 记录（内容较长的，用 `plaint set 编号 {name}` 在编辑器中填写）"),
    m("notice-format-unknown", "--format '{format}' is not a notice format; use html or md", "--format「{format}」不是文书格式；请用 html 或 md"),
    m("notice-due-provisional", "{date} (postponed past a public holiday on it)", "{date}（遇法定节假日顺延）"),
    m("no-notices", "the {preset} preset defines no notices", "{preset}没有定义文书"),
    m("notice-unknown", "the {preset} preset has no notice '{code}'; notices: {known}", "{preset}没有文书「{code}」；可用的文书：{known}"),
    // The built-in presets as sentences name them (messages::preset_name).
    m("preset-tourism", "tourism", "旅游投诉预设（tourism）"),
    m("preset-hospital", "hospital", "医疗投诉预设（hospital）"),
    m("preset-procurement", "procurement", "政府采购投诉预设（procurement）"),
    m("preset-generic", "generic", "通用预设（generic）"),
    m("served-starts-no-clock", "--served: serving a {kind} notice starts no clock; record its delivery with a note", "--served：送达《{kind}》不起算任何期限；请用备注记录送达"),
    m("notice-wrong-state", "a {title} ({code}) is not issued for case {id} in state {state}; it is issued in: {states}", "案件 {id} 处于{state}状态，不出具{title}（{code}）；出具该文书的状态：{states}"),
    m("served-before-issued", "--served {served} is before the notice is issued ({issued})", "--served {served} 早于文书出具日期（{issued}）"),
    m("to-empty", "--to is empty", "--to 为空"),
    m("notice-no-recipient", "case {id} has no {what} to address the {kind} to; fill it in with `plaint edit {id}` or give --to", "案件 {id} 没有{what}，无法确定《{kind}》的收件人；请用 `plaint edit {id}` 填写，或给出 --to"),
    m("recipient-complainant", "complainant name", "投诉人姓名"),
    m("recipient-respondent", "respondent name", "被投诉人名称"),
    m("recipient-transfer", "transfer body", "移送机关"),
    m("notice-to-office", "a {kind} goes to the office asked to help: name it with --to OFFICE", "《{kind}》应送达受委托的机构，请用 --to 机构名称 写明"),
    m("out-exists", "--out {out} exists; give --force to overwrite it", "--out {out} 已存在；如要覆盖请加 --force"),
    m("out-is-file", "--out {out} is a file; give a folder, or a name ending in .zip", "--out {out} 是文件；请给出文件夹，或以 .zip 结尾的文件名"),
    m("man-out-not-folder", "--out {out} is a file, not a folder: give the folder the manual pages go into", "--out {out} 是文件而不是文件夹：请给出存放手册页的文件夹"),
    m("dossier-broken", "{broken}; a period's dossier must hold every case (run `plaint check`)", "{broken}；期间案卷必须包含全部案件（请运行 `plaint check`）"),
    m("dossier-written", "dossier of {cases} case(s), {files} file(s), written to {out}", "已将 {cases} 件案件的案卷（{files} 个文件）写入 {out}"),
    // Limits and the workspace lock.
    m("large-material-hint", "keep long documents as separate files and refer to them from a note", "长篇材料请另存为文件，并在备注中注明"),
    m("stdin-not-utf8", "stdin is not UTF-8 text", "标准输入不是 UTF-8 文本"),
    m("note-too-long", "the note on stdin is longer than {kib} KiB, the most one note may hold; nothing was written; {hint}", "标准输入中的备注超过 {kib} KiB（单条备注的上限）；未写入任何内容；{hint}"),
    m("file-too-large", "file is {len} bytes, more than the {limit} bytes ({kib} KiB) a {what} may have; {hint}", "文件有 {len} 字节，超过{what}允许的 {limit} 字节（{kib} KiB）；{hint}"),
    m("file-kind-case-file", "case file", "案件文件"),
    m("file-kind-settings-file", "settings file", "设置文件"),
    m("file-kind-calendar-file", "calendar file", "日历文件"),
    m("file-kind-column-map", "column map", "列映射文件"),
    m("file-kind-staging-manifest", "staging manifest", "导入暂存清单"),
    m("file-kind-contact-index-file", "contact index file", "联系人索引文件"),
    m("file-kind-template", "template", "文书模板"),
    m("file-kind-attachment", "stored attachment", "附件存档"),
    m("file-kind-notice", "stored notice", "文书存档"),
    m("file-kind-attachment-source", "file to attach", "要附加的文件"),
    m("history-too-long", "`history` has {count} events; a case file may hold at most {max} ({hint})", "`history` 有 {count} 条记录；一个案件文件最多 {max} 条（{hint}）"),
    m("texts-too-long", "the case's texts total {total} bytes, more than the {max} bytes ({mib} MiB) a case file may have ({hint})", "案件文字共 {total} 字节，超过案件文件允许的 {max} 字节（{mib} MiB）（{hint}）"),
    m("field-too-long", "field `{field}` is {len} bytes; the limit is {kib} KiB ({hint})", "字段 `{field}` 有 {len} 字节；上限为 {kib} KiB（{hint}）"),
    m("case-too-large", "case {id} would be {len} bytes, more than the {max} bytes ({mib} MiB) a case file may have; nothing was written; {hint}", "案件 {id} 将有 {len} 字节，超过案件文件允许的 {max} 字节（{mib} MiB）；未写入任何内容；{hint}"),
    m("lock-timeout", "the workspace lock {lock} is {holder}; gave up after {secs} s. Try again when that command has finished, or wait longer with --lock-timeout SECS (or PLAINT_LOCK_TIMEOUT)", "工作区锁 {lock} {holder}；等待 {secs} 秒后放弃。请在该命令结束后重试，或用 --lock-timeout 秒数（或 PLAINT_LOCK_TIMEOUT）等待更久"),
    m("lock-waiting", "waiting for the workspace lock {holder} (up to {secs} s)…", "正在等待工作区锁，{holder}（最多 {secs} 秒）…"),
    m("lock-held-by", "held by process {pid} since {since}", "自 {since} 起由进程 {pid} 占用"),
    m("lock-held-by-other", "held by another process", "由另一个进程占用"),
    // Import.
    m("row-error", "row {row}: {message}", "第 {row} 行：{message}"),
    m("rows-error", "rows {rows}: {message}", "第 {rows} 行：{message}"),
    m("rows-error-more", "rows {rows}… ({count} rows in all): {message}", "第 {rows} 行等共 {count} 行：{message}"),
    m("row-field-error", "row {row}, field {field}: {message}", "第 {row} 行，字段 {field}：{message}"),
    m("unknown-column", "unknown column; map it to a field with --map FILE, or pass --ignore-unknown to leave it out", "未知的列；请用 --map 文件 对应到字段，或加 --ignore-unknown 忽略"),
    m("same-field-as", "feeds the same field as column '{other}'", "与列「{other}」对应同一字段"),
    m("required-column-missing", "required column is missing (imported cases need the moment of receipt; deadlines start there)", "缺少必需的列（导入的案件需要收到投诉的时间；期限由此起算）"),
    m("received-required", "is required: an imported case needs the moment it was received", "必填：导入的案件需要收到投诉的时间"),
    m("ref-twice", "'{reference}' is also on row {first}; each case may appear once in a batch", "「{reference}」也在第 {first} 行；同一批中每件案件只能出现一次"),
    m("nothing-imported", "{label}: nothing was imported", "{label}：未导入任何案件"),
    m("import-problems", "{label}: {count} problem(s) found; nothing was imported", "{label}：发现 {count} 个问题；未导入任何案件"),
    m("import-format-unknown", "cannot tell the format of {file} from its name; give --format csv|json|jsonl|yaml", "无法从文件名判断 {file} 的格式；请给出 --format csv|json|jsonl|yaml"),
    m("import-done", "created {created}, updated {updated}, skipped {skipped}", "新建 {created} 件，更新 {updated} 件，跳过 {skipped} 件"),
    m("import-dry-run", "dry run: would create {created}, update {updated}, skip {skipped}; nothing was written", "试运行：将新建 {created} 件，更新 {updated} 件，跳过 {skipped} 件；未写入任何内容"),
    m("plan-create", "create", "新建"),
    m("plan-update", "update", "更新"),
    m("plan-skip", "skip", "跳过"),
    m("plan-new-id", " (new ID)", "（新编号）"),
    m("plan-external-ref", " (external_ref {reference})", "（外部编号 {reference}）"),
    m("plan-unchanged", "unchanged", "没有变化"),
    m("plan-already", "already in the workspace", "已在工作区中"),
    // `check`.
    m("check-staging", "an interrupted import still has {count} case file(s) to move into cases/; run `plaint check` again when no other plaint command is running, and it completes the import", "一次中断的导入还有 {count} 个案件文件未移入 cases/；请在没有其他 plaint 命令运行时再次运行 `plaint check`，它会完成导入"),
    m("check-conflict", "git conflict marker at line {line}: resolve the merge by hand", "第 {line} 行有 git 冲突标记：请手工解决合并"),
    m("check-no-calendar", "`calendar: {calendar}` names no calendar; known: {known}", "`calendar: {calendar}` 不是已知的日历；已知日历：{known}"),
    m("check-duplicate", "duplicate id {id}: also in {others}; keep one file per case", "编号 {id} 重复：也在 {others} 中；每件案件只保留一个文件"),
    m("check-link-self", "`links` names the case itself ({link})", "`links` 指向案件自身（{link}）"),
    m("check-link-unknown", "`links` names {link}, but no case file has that id", "`links` 指向 {link}，但没有该编号的案件文件"),
    m("check-holds-case", "{why}; it holds case {id}, whose file is cases/{year}/{id}.yaml", "{why}；其中是案件 {id}，其文件应为 cases/{year}/{id}.yaml"),
    m("check-imported-incomplete", "imported incomplete (--force): field {field}: {message}", "导入时不完整（--force）：字段 {field}：{message}"),
    m("check-still-running", "the case is {status}, yet deadline(s) {rules} still run; a case that left the workflow has no clock running", "案件已是{status}，但期限 {rules} 仍在计算；已离开处理流程的案件不应有期限在运行"),
    m("check-none", "(none)", "（无）"),
    m("check-derived", "`{field}` is {stored} but the history says {wanted}; any command that changes the case repairs it", "`{field}` 为 {stored}，而处理记录表明应为 {wanted}；任何修改该案件的命令都会修正它"),
    m("check-symlink", "symbolic link: this {refused}", "符号链接：{refused}"),
    m("link-refused", "is a symbolic link; plaint follows no links inside a workspace, so nothing is read or written outside it: replace the link with the file or folder itself", "是符号链接；plaint 不跟随工作区内的链接，以免读写工作区以外的内容：请用文件或文件夹本身替换该链接"),
    m("not-regular-file", "not a regular file; a {what} must be one", "不是普通文件；{what}必须是普通文件"),
    m("check-stray-file", "stray file: case files live in cases/YYYY/ID.yaml", "多余的文件：案件文件应位于 cases/YYYY/编号.yaml"),
    m("check-stray-folder", "stray folder: case files live in cases/YYYY/ID.yaml", "多余的文件夹：案件文件应位于 cases/YYYY/编号.yaml"),
    m("check-temporary-stored", "leftover temporary file of an interrupted write; `plaint check --fix` removes it", "中断的写入留下的临时文件；`plaint check --fix` 会将其删除"),
    m("check-unrecorded-notice", "a stored notice no case's history records (a command stopped before recording it); `plaint check --fix` removes it, and issuing again makes a new one", "没有任何案件记录的文书存档（命令在记录前中断）；`plaint check --fix` 会将其删除，如需要请重新发出"),
    m("check-unrecorded-attachment", "a file no case's history records: attach it with `plaint attach`, or remove it", "没有任何案件记录的文件：请用 `plaint attach` 附加，或将其删除"),
    m("check-not-regular", "not a regular file (a FIFO or a device): plaint stores only regular files here; remove it", "不是普通文件（管道或设备）：此处只应存放普通文件；请删除"),
    m("check-fixed", "removed {file}", "已删除 {file}"),
    m("check-stored-no-case", "a stored file of no case in this workspace: remove it, or restore its case file", "工作区中没有它所属的案件：请删除，或恢复其案件文件"),
    m("check-temporary", "leftover temporary file of an interrupted write; `plaint check --fix` removes it (the case file itself is intact)", "中断的写入留下的临时文件；`plaint check --fix` 会将其删除（案件文件本身完好）"),
    m("check-unrecorded-copy", "a copy an interrupted `attach` stored but never recorded; `plaint check --fix` removes it (attach the file again if it belongs to the case)", "中断的 `attach` 存下但未记录的副本；`plaint check --fix` 会将其删除（如属本案，请重新附加）"),
    m("check-not-yaml", "stray file: only case files (ID.yaml) belong here", "多余的文件：这里只放案件文件（编号.yaml）"),
    m("check-not-an-id", "stray file: the name is not a case ID (YYYYMMDD-XXXXX.yaml)", "多余的文件：文件名不是案件编号（YYYYMMDD-XXXXX.yaml）"),
    m("check-misnamed", "misnamed case file: the file name should be {id}.yaml", "案件文件名有误：应为 {id}.yaml"),
    m("check-wrong-folder", "case file in the wrong folder: it belongs in cases/{year}/", "案件文件所在文件夹有误：应放在 cases/{year}/"),
    m("check-failed", "{count} problem(s) found", "发现 {count} 个问题"),
    // The workflow.
    m("kind-suspension-reason", "suspension reason", "中止理由"),
    m("kind-rule", "deadline rule", "期限"),
    m("kind-rule-plural", "deadline rules", "期限"),
    m("kind-notice-plural", "notices", "文书"),
    m("kind-suspension-reason-plural", "suspension reasons", "中止理由"),
    m("suspension-needs-reason", "a suspension needs --reason CODE, which decides the clocks it stops; reasons: {reasons}", "中止需要 --reason 理由，它决定哪些期限暂停；可用的理由：{reasons}"),
    m("joint-needs-consent", "case {id} is a joint complaint ({count} complainants): {step} needs the recorded consent of all complainants{source}; give --consent TEXT, or record it first with `plaint consent {id} TEXT`", "案件 {id} 为共同投诉（{count} 名投诉人）：{step}须经全体投诉人同意{source}；请加 --consent 说明，或先用 `plaint consent {id} 说明` 记录"),
    m("step-withdrawing", "withdrawing the demands", "撤回投诉请求"),
    m("step-settling", "settling", "和解"),
    m("step-changing-demands", "changing the demands", "变更投诉请求"),
    m("step-replacing-representative", "replacing a representative", "更换代表人"),
    // Commands that change a case.
    m("officer-empty", "the officer's name is empty", "承办人姓名为空"),
    m("not-a-handler", "'{officer}' is not among the people plaint.yaml lists ({handlers})", "「{officer}」不在 plaint.yaml 所列人员中（{handlers}）"),
    m("handler-mistyped", "'{officer}' is not among the people plaint.yaml lists; did you mean '{meant}'? (if '{officer}' is someone else, add the name to `handlers` in plaint.yaml, or give --force)", "「{officer}」不在 plaint.yaml 所列人员中，是否想输入「{meant}」？（如确为另一人，请将其姓名加入 plaint.yaml 的 handlers，或加 --force）"),
    m("handler-mistyped-unforceable", "'{officer}' is not among the people plaint.yaml lists; did you mean '{meant}'? (if '{officer}' is someone else, add the name to `handlers` in plaint.yaml first)", "「{officer}」不在 plaint.yaml 所列人员中，是否想输入「{meant}」？（如确为另一人，请先将其姓名加入 plaint.yaml 的 handlers）"),
    m("assignee-nobody", "no case is assigned to '{name}'; did you mean '{meant}'?", "没有交由「{name}」承办的案件；是否想输入「{meant}」？"),
    m("already-assigned", "case {id} is already assigned to {officer}", "案件 {id} 已由 {officer} 承办"),
    m("cannot-move-check", "case {id} cannot move to {state}: {problems} (run `plaint check`)", "案件 {id} 不能转为{state}：{problems}（请运行 `plaint check`）"),
    m("note-empty", "the note is empty", "备注为空"),
    m("milestone-final", "case {id} is {state}, a final state: milestones are no longer recorded on it (a preset may allow one there under `final_milestones`)", "案件 {id} 处于终结状态「{state}」：不再记录节点（预设可在 `final_milestones` 中允许）"),
    m("no-open-promise", "case {id} has no open promise to keep; record one with `plaint promise {id} DATE`", "案件 {id} 没有待兑现的承诺；请先用 `plaint promise {id} 日期` 记录"),
    m("milestone-other-time", "{milestone} was recorded for {id} on {at}, not {asked}; a milestone is recorded once: to correct its time, change it with `plaint edit {id}`", "{id} 已于 {at} 记录「{milestone}」，而非 {asked}；同一节点只记录一次：如需更正时间，请用 `plaint edit {id}` 修改"),
    m("milestone-already", "{milestone} was already recorded for {id} on {at}", "{id} 已于 {at} 记录「{milestone}」"),
    m("promise-final", "case {id} is {state}, out of the workflow: a promise made now could never be kept; reopen the case first", "案件 {id} 状态为「{state}」，已不在办理中：现在作出的承诺无法兑现；如需继续办理，请先重新启动该案"),
    m("path-not-plain", "'{path}' is not a plain path inside the workspace", "「{path}」不是工作区内的普通路径"),
    m("template-out-of-fuel", "{label}: the template does too much work (a loop without end, or loops nested too deep); nothing was issued", "{label}：模板运算量过大（循环不止，或嵌套过深）；未发出任何文书"),
    m("stored-path-foreign", "case {id}: the recorded file '{file}' is not in the case's own folder (attachments/{id}/ or notices/YEAR/{id}/); correct the history by hand", "案件 {id}：记录的文件「{file}」不在本案自己的文件夹（attachments/{id}/ 或 notices/年份/{id}/）中；请手工更正处理记录"),
    m("detach-altered", "case {id}: the stored {file} differs from the file recorded (its SHA-256 differs); nothing was removed: see `plaint check`", "案件 {id}：存档的 {file} 与记录的文件不符（SHA-256 不同）；未移除任何文件：请查看 `plaint check`"),
    m("check-file-missing", "case {id}: the file is missing", "案件 {id}：文件缺失"),
    m("check-file-unreadable", "case {id}: unreadable ({why})", "案件 {id}：无法读取（{why}）"),
    m("check-file-altered", "case {id}: the file was altered (its SHA-256 differs from the one recorded)", "案件 {id}：文件已被改动（SHA-256 与记录不符）"),
    m("check-issued-twice", "case {id}: notice {kind} issued {count} times ({numbers}); if a later one replaces an earlier one, record it: `plaint supersede {id} {which} --reason …`", "案件 {id}：文书「{kind}」已出具 {count} 次（{numbers}）；如后发的取代了先发的，请记录：`plaint supersede {id} {which} --reason …`"),
    // `verify-push`: a push judged on the server.
    m("push-refused", "push to {target} refused: {count} problem(s); the server keeps the record append-only", "拒绝推送到 {target}：发现 {count} 个问题；服务器上的记录只能追加"),
    m("push-accepted", "push to {target} verified: {files} changed file(s), no recorded history removed or altered", "推送到 {target} 已核验：{files} 个变动文件，已记录的内容未被删除或改动"),
    m("push-deletes-branch", "deleting the branch would drop its recorded history; the server keeps it", "删除该分支会丢失其中已记录的历史，服务器不予删除"),
    m("push-no-commit", "{rev} names no commit in this repository", "{rev} 不是本仓库中的提交"),
    m("push-rewrites-history", "{new} does not descend from {old}: this push rewrites history the server holds (a force-push); pull, merge and push again", "{new} 不是 {old} 的后续提交：此次推送改写了服务器上已有的历史（强制推送）；请先拉取并合并，再推送"),
    m("push-case-deleted", "case file deleted: a registered case is never deleted; move it to a final state (such as withdrawn), or void a mistaken registration with `plaint void`, and keep the file", "案件文件被删除：已登记的案件不得删除；请将其转入终结状态（如已撤回），误登记的用 `plaint void` 作废，并保留文件"),
    m("push-event-lost", "this recorded event is removed or altered; the history only grows (record a correction as a new event)", "该条已记录的事件被删除或改动；处理记录只能追加（如需更正，请另记一条）"),
    m("push-event", "event #{n} ({kind}, {at}, {by})", "第 {n} 条记录（{kind}，{at}，{by}）"),
    m("push-id-reused", "case ID {id} is reused: the file now holds another case than the one received {at}", "案件编号 {id} 被重复使用：该文件已不是 {at} 收到的那件案件"),
    m("push-notice-reused", "notice number {number} is already recorded in {other}; every issuance has its own number", "文书编号 {number} 已记录于 {other}；每次发文都应有自己的编号"),
    m("push-stored-changed", "a stored file of case {id} changed after it was recorded; recorded evidence and notices never change (attach or issue a new one)", "案件 {id} 已记录的存档文件被改动；已记录的证据材料和文书不得改动（请重新附加或另行发文）"),
    m("push-stored-removed", "a stored file case {id} still records was removed; withdraw an attachment with `plaint detach`, and keep an issued notice as it is", "案件 {id} 仍记录着的存档文件被删除；撤下附件请用 `plaint detach`，已发出的文书应保留原样"),
    m("push-settings-removed", "plaint.yaml removed: the workspace's cases cannot be read without it", "plaint.yaml 被删除：没有它无法读取工作区的案件"),
    m("push-kind-milestone", "milestone", "节点"),
    m("push-kind-extended", "extension", "延期"),
    m("push-kind-edited", "edit", "修改"),
    m("push-kind-followup", "follow-up", "回访"),
    m("push-kind-detached", "detached", "移除附件"),
    m("push-kind-superseded", "superseded", "文书被取代"),
    m("push-kind-voided", "void", "作废"),
    m("check-step-after-void", "event #{n} ({action}, {at}) was recorded after the case was voided on {date}, as when two clones merge; the case stays void and counts nowhere", "第 {n} 条记录（{action}，{at}）记于本案 {date} 作废之后（两份副本合并时会出现）；本案仍为作废，不计入任何统计"),
    m("push-kind-approved", "approval", "批准"),
    m("push-kind-escalated", "escalation", "上报"),
    m("push-kind-routed", "routing", "派单"),
    m("push-kind-appraisal-started", "appraisal begun", "启动鉴定、检测"),
    m("push-kind-appraisal-result", "appraisal result", "鉴定、检测结果"),
    m("supersede-no-reason", "--reason is empty; say why the notice was replaced", "--reason 为空；请说明该文书为何被取代"),
    m("supersede-unknown", "case {id} has no issued notice numbered {number}; its notices: {known}", "案件 {id} 没有文号为 {number} 的已发文书；已发文书：{known}"),
    m("supersede-ambiguous", "{count} notices are recorded as {number}; name one with --sha256 PREFIX (see `plaint show`)", "文号 {number} 记录了 {count} 份文书；请用 --sha256 前缀指明其一（见 `plaint show`）"),
    m("supersede-already", "case {id}: notice {number} is marked superseded already", "案件 {id}：文书 {number} 已标记为被取代"),
    m("superseded-reply", "{id}: notice {number} marked superseded", "{id}：已将文书 {number} 标记为被取代"),
    m("comments-dropped", "a comment (line {line}) is not kept: plaint writes case files from their data, so the next change to this case drops every comment; keep remarks with `plaint note`", "注释（第 {line} 行）不会保留：案件文件按数据重写，此案下次改动时所有注释都会丢失；备注请用 `plaint note` 记录"),
    m("policy-state-no-role", "state {state} needs a `role` (one of {roles}): plaint knows what a state means by its role", "状态 {state} 需要 `role`（可选：{roles}）：plaint 依据角色理解状态的含义"),
    m("policy-state-role-open", "state {state} is marked `open: false`, but its role {role} is a state still being handled", "状态 {state} 标为 `open: false`，但其角色 {role} 属于办理中的状态"),
    m("template-out-of-memory", "{label}: the template needs more memory than a notice may take (256 MiB); nothing was issued", "{label}：模板所需内存超过文书允许的上限（256 MiB）；未发出任何文书"),
    m("policy-citation-twice", "the table of sources lists {id} twice", "引用表中 {id} 出现了两次"),
    m("policy-citation-unknown", "{place} cites {id}, which the table of sources (`citations`) does not list", "{place} 引用了 {id}，但引用表（`citations`）中没有该条目"),
    m("template-cite-unknown", "cite(\"{id}\"): the table of sources (`plaint policy`) has no such entry", "cite(\"{id}\")：引用表（`plaint policy`）中没有该条目"),
    m("set-empty", "the {field} text is empty; write what it says (a field is cleared only with `plaint edit`)", "{field}的内容为空；请写明内容（清除字段请用 `plaint edit`）"),
    m("set-done", "{id}: {field} recorded", "{id}：已记录{field}"),
    m("set-unchanged", "{id}: {field} unchanged", "{id}：{field}没有改动"),
    m("set-no-text", "give the text, `-` to read it from stdin, or run on a terminal to write it in $EDITOR", "请给出内容，或用 `-` 从标准输入读取，或在终端中运行以在 $EDITOR 中填写"),
    m("field-title", "title", "标题"),
    m("field-received", "received", "收到时间"),
    m("field-channel", "channel", "渠道"),
    m("field-department", "department", "科室"),
    m("field-complainants", "complainants", "投诉人"),
    m("field-representatives", "representatives", "代表人"),
    m("field-agent", "agent", "代理人"),
    m("field-respondent", "respondent", "被投诉人"),
    m("field-category", "category", "类别"),
    m("field-priority", "priority", "优先级"),
    m("field-tags", "tags", "标签"),
    m("field-demands", "demands", "投诉请求"),
    m("field-facts", "facts", "事实与理由"),
    m("field-contract_end", "contract end", "合同结束日期"),
    m("field-challenge_due", "challenge answer due", "质疑答复期满日"),
    m("field-assignee", "assignee", "承办人"),
    m("field-status", "status", "状态"),
    m("field-outcome", "outcome", "办理结果"),
    m("field-refer_to", "referred to", "告知的有权机关"),
    m("field-satisfaction", "satisfaction", "满意度"),
    m("field-external_ref", "external reference", "外部编号"),
    m("field-links", "linked cases", "关联案件"),
    m("field-findings", "findings", "调查结论"),
    m("field-agreement", "agreement", "协议内容"),
    m("field-measures", "measures", "整改措施"),
    m("note-merge-resolved", "resolved a merge conflict", "解决了合并冲突"),
    m("note-import-updated", "updated by import", "由导入更新"),
    m("notice-wrong-outcome", "{title} states how the case ended, but case {id} ended with {outcome}; it is issued for {outcomes}", "{title}要写明案件如何办结，而案件 {id} 的办理结果为「{outcome}」；该文书用于：{outcomes}"),
    m("notice-wrong-addressee", "the {kind} notice is written to its own addressee ({usual}); --to {to} would address a letter about one party to another", "《{kind}》只写给其本来的收件方（{usual}）；--to {to} 会把写给一方的文书发给另一方"),
    m("refer-to-required", "name the competent body the complainant is told to turn to with --refer-to BODY ({source})", "请用 --refer-to 写明告知投诉人前往投诉的有管辖权机关（{source}）"),
    m("ambiguous-code", "'{value}' fits several {kinds}: {codes}; type more of the one meant", "「{value}」与多个{kinds}相符：{codes}；请多输入几个字"),
    m("promise-before-made", "the promised date {due} is before the day the promise is made ({made})", "承诺日期 {due} 早于作出承诺的日期（{made}）"),
    m("by-not-positive", "--by must be a positive number of days, not {by}", "--by 必须是正数天数，而不是 {by}"),
    m("by-too-large", "--by {by} is more than an extension may add ({max}); check the number", "--by {by} 超过单次延长的上限（{max}）；请核对数字"),
    m("merge-different-cases", "cannot merge case {ours} with case {theirs}: they are different cases", "不能合并案件 {ours} 与案件 {theirs}：二者不是同一案件"),
    m("merge-derived", "`{field}` follows the merged history: {value}", "`{field}` 依合并后的处理记录确定：{value}"),
    m("merge-not-utf8", "not UTF-8 text", "不是 UTF-8 文本"),
    m("merge-future-schema", "a side has `schema: {schema}`, which this plaint cannot read; upgrade plaint and merge again (the file was left as it was)", "有一方为 `schema: {schema}`，本版 plaint 无法读取；请升级 plaint 后重新合并（文件保持原样）"),
    m("merge-side-ours", "ours", "我方"),
    m("merge-side-theirs", "theirs", "对方"),
    m("merge-side-base", "base", "共同祖先"),
    m("merge-side-invalid", "{side} is not a valid case: {error}", "{side}不是有效的案件：{error}"),
    m("merge-label", "plaint merge-file", "plaint merge-file"),
    m("merge-label-case", "plaint merge-file: case {id}", "plaint merge-file：案件 {id}"),
    m("merge-unreadable", "cannot merge: {file} was left as it was", "无法合并：{file} 保持原样"),
    m("merge-failed", "the case merge failed unexpectedly", "案件合并意外失败"),
    m("merge-conflict", "{label}: both sides changed {fields}; resolve with `plaint edit`, then `plaint check`", "{label}：双方都修改了 {fields}；请用 `plaint edit` 解决，再运行 `plaint check`"),
    m("merge-refused", "{label}: not merged: {reason}", "{label}：未合并：{reason}"),
    m("merge-as-text", "{label}: merged as plain text ({reason}); check the result with `plaint check`", "{label}：已按纯文本合并（{reason}）；请用 `plaint check` 检查结果"),
    m("merge-note", "{label}: {note}", "{label}：{note}"),
    m("settings-broken", "{error}", "设置文件有误：{error}"),
    m("none-defined", "(none defined)", "（未定义）"),
    m("extend-unit", "extensions are given in working days or days", "延长期限以工作日或日计"),
    m("reason-empty", "--reason is empty; say why the deadline is extended", "--reason 为空；请说明延长期限的理由"),
    m("extend-not-started", "the {rule} deadline of {id} has not started yet (it starts at {start})", "{id} 的{rule}期限尚未开始（起算于 {start}）"),
    m("extend-stopped", "the {rule} deadline of {id} is already {state} (stopped on {stopped}); there is nothing to extend", "{id} 的{rule}期限已{state}（止于 {stopped}）；无需延长"),
    m("extend-late", "the {rule} deadline of {id} passed on {due}; an extension recorded after the deadline is refused (use --force to record it anyway; the history will say it was late)", "{id} 的{rule}期限已于 {due} 届满；到期后不能延长（如确需记录，可用 --force，处理记录会注明逾期延长）"),
    m("followup-too-early", "case {id} is {state}; the follow-up call is recorded once it is resolved or closed", "案件 {id} 现为{state}；办结或结案后才记录回访"),
    m("clock-ahead", "PLAINT_NOW {now} is later than the computer's clock ({clock}); an event cannot be recorded in the future", "PLAINT_NOW {now} 晚于计算机时钟（{clock}）；不能记录未来的事件"),
    // Reports.
    m("bad-period", "--period '{text}' {why} (use 2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30)", "--period「{text}」{why}（可用 2026-Q3、2026-07、2026 或 2026-07-01..2026-09-30）"),
    m("period-bad-date", "has an invalid date '{date}'", "含有无效日期「{date}」"),
    m("period-backwards", "ends before it starts", "结束早于开始"),
    m("period-no-year", "has no valid year", "没有有效的年份"),
    m("period-bad-quarter", "is not a quarter 1 to 4", "不是第 1 至 4 季度"),
    m("period-out-of-range", "is out of range", "超出范围"),
    m("period-bad-month", "is not a month 1 to 12", "不是 1 至 12 月"),
    m("period-not-a-period", "is not a period", "不是有效的期间"),
    m("flag-repeated", "{flag} was given more than once, but it takes one value; give it once", "{flag} 只能给一次（它只取一个值），请只保留一个"),
    m("bad-by", "{flag} '{by}' is not a dimension of the report; use {known}", "{flag}「{by}」不是报表的统计维度；请用 {known}"),
    m("out-needs-csv", "--out DIR goes with --format csv", "--out 目录 需与 --format csv 一起使用"),
    m("bad-report-format", "--format '{format}' is not a report format; use table, md, html, csv or json", "--format「{format}」不是报表格式；请用 table、md、html、csv 或 json"),
    m("cannot-read", "cannot read {file}", "无法读取 {file}"),
    // `agenda` and its calendar feed.
    m("agenda-office", "the office", "全办"),
    m("agenda-headline", "{who}, {date}: {overdue} overdue, {today} due today, {soon} due within {n} working day(s), {promises} promised reply(ies) due, {followups} follow-up call(s) to make", "{who} {date}：已逾期 {overdue} 项，今日到期 {today} 项，{n} 个工作日内到期 {soon} 项，承诺答复 {promises} 项，待回访 {followups} 件"),
    m("agenda-nothing", "{who}, {date}: nothing due within {n} working day(s), no follow-up call to make", "{who} {date}：{n} 个工作日内没有到期事项，也没有待回访的案件"),
    m("agenda-overdue", "Overdue", "已逾期"),
    m("agenda-due-today", "Due today", "今日到期"),
    m("agenda-due-soon", "Due within {n} working day(s)", "{n} 个工作日内到期"),
    m("agenda-promises", "Promised replies", "承诺答复"),
    m("agenda-followups", "Follow-up calls to make", "待回访"),
    m("agenda-late", "{days} day(s) late", "逾期 {days} 天"),
    m("agenda-today", "today", "今天"),
    m("agenda-left", "{days} day(s), {workdays} working day(s)", "{days} 天（{workdays} 个工作日）"),
    m("agenda-ended", "{date} ({days} day(s) ago)", "{date}（{days} 天前）"),
    m("agenda-unknown-officer", "--for {name}: no case is assigned to {name}, and plaint.yaml's handlers do not name them (known: {known}); check the spelling", "--for {name}：没有交由 {name} 承办的案件，plaint.yaml 的承办人名单中也没有此人（已知：{known}）；请核对姓名"),
    m("agenda-ics-json", "--ics writes an iCalendar feed, not JSON; give one of --ics and --json", "--ics 输出 iCalendar 日历，不是 JSON；--ics 与 --json 只能选一个"),
    m("days-negative", "--days takes a number of working days, 0 or more, not {n}", "--days 应为 0 或以上的工作日数，而不是 {n}"),
    m("col-id", "ID", "编号"),
    m("col-due", "Due", "期限"),
    m("col-left", "Left", "剩余"),
    m("col-deadline", "Deadline", "事项"),
    m("col-assignee", "Assignee", "承办人"),
    m("col-priority", "Priority", "优先级"),
    m("col-title", "Title", "标题"),
    m("col-ended", "Ended", "办结日期"),
    m("col-status", "Status", "状态"),
    m("ics-calendar-name", "plaint: {who}", "plaint：{who}"),
    m("ics-summary", "{id} {rule}: {title}", "{id} {rule}：{title}"),
    m("ics-description", "Case {id}: {rule}, due {due}. State: {status}. Assignee: {assignee}.", "案件 {id}：{rule}，{due} 到期。状态：{status}。承办人：{assignee}。"),
    m("ics-alarm", "A complaint deadline is due tomorrow", "投诉案件期限明天到期"),
    // What the operating system says.
    m("io-os-error", "{text} (os error {code})", "{text}（系统错误 {code}）"),
    m("io-not-found", "No such file or directory", "文件或文件夹不存在"),
    m("io-permission-denied", "Permission denied", "没有权限"),
    m("io-already-exists", "File exists", "文件已存在"),
    m("io-storage-full", "No space left on device", "磁盘空间不足"),
    m("io-read-only", "Read-only file system", "文件系统只读"),
    m("io-is-a-directory", "Is a directory", "是文件夹"),
    m("io-not-a-directory", "Not a directory", "不是文件夹"),
    // Histories in time order, and files that cannot be read.
    m("reached-needs", "a case that reached {state} needs it, but it is missing", "案件已到「{state}」，此项不能为空"),
    m("before-received", "{at} is before the case was received ({received}); an event is recorded at the time it happened", "{at} 早于收到投诉的时间（{received}）；事件应按实际发生时间记录"),
    m("before-last-event", "{at} is before the case's {event} event at {later}; history must stay in time order (record it at or after {later})", "{at} 早于该案 {later} 的「{event}」记录；处理记录须按时间顺序（请记录在 {later} 或之后）"),
    m("in-parentheses", " ({text})", "（{text}）"),
    m("import-not-utf8-because", "{hint} ({text})", "{hint}（{text}）"),
    m("import-not-json-array-not-utf8", "not a JSON array of case objects ({error}); {hint}", "不是由案件对象组成的 JSON 数组（{error}）；{hint}"),
    m("as-is", "{text}", "{text}"),
    m("field-label", "{label}:", "{label}："),
    m("event-note-text", ": {note}", "：{note}"),
    m("history-event-problem", "history event #{n} ({action}): {problem}", "第 {n} 条记录（{action}）：{problem}"),
    m("event-kind-status", "status", "状态变更"),
    m("event-kind-assigned", "assigned", "承办人变更"),
    m("event-kind-attached", "attached", "附加材料"),
    m("event-kind-notice", "notice", "发出文书"),
    m("due-within-negative", "--due-within takes a number of working days, 0 or more, not {n}", "--due-within 应为 0 或以上的工作日数，而不是 {n}"),
    m("not-a-case-file", "not read as a case: {problem} (run `plaint check`)", "未作为案件读取：{problem}（请运行 `plaint check`）"),
    m("files-not-read", "{count} case file(s) could not be read", "有 {count} 个案件文件无法读取"),
    m("file-error", "{file}: {message}", "{file}：{message}"),
    m("skipped-file", "skipped {error}", "已跳过 {error}"),
    m("files-unreadable", "{count} case file(s) could not be read; the list above is incomplete (run `plaint check`)", "有 {count} 个案件文件无法读取；以上列表不完整（请运行 `plaint check`）"),
    // Attachments and `edit`.
    m("no-such-file", "{file}: no such file", "{file}：文件不存在"),
    m("attach-nothing", "give at least one file to attach", "请至少给出一个要附加的文件"),
    m("attach-folder", "{file} is a folder; attach the files in it one by one", "{file} 是文件夹；请逐个附加其中的文件"),
    m("attach-too-large", "{file} is {len} bytes, over the attachment limit of {mb} MB (attachment_limit_mb in plaint.yaml)", "{file} 有 {len} 字节，超过附件上限 {mb} MB（plaint.yaml 中的 attachment_limit_mb）"),
    m("attached-already", "{name} is attached already ({file})", "{name} 已附加（{file}）"),
    m("no-attachment", "case {id} has no attachment '{which}'; attached: {attached}", "案件 {id} 没有附件「{which}」；已有附件：{attached}"),
    m("attachment-ambiguous", "'{which}' matches {count} attachments; give the stored file or the hash", "「{which}」对应 {count} 个附件；请给出存储的文件名或哈希值"),
    m("edit-refused", "{file} was left unchanged; your edited copy is kept at {copy}", "{file} 未作改动；您编辑的副本保留在 {copy}"),
    m("edit-raced", "{id} was changed by someone else while you were editing; your copy is kept at {copy} — run `plaint edit {id}` again", "您编辑期间 {id} 已被他人修改；您的副本保留在 {copy}，请再次运行 `plaint edit {id}`"),
    m("editor-failed", "the editor '{editor}' failed ({status}); the case was left unchanged", "编辑器「{editor}」运行失败（{status}）；案件未作改动"),
    m("editor-missing", "cannot start the editor '{editor}'", "无法启动编辑器「{editor}」"),
    m("status-filter-unknown", "--status: unknown state '{status}'; states are: open, {states}", "--status：未知的状态「{status}」；可用的状态：open, {states}"),
    m("n-not-number", "N '{n}' is not a whole number of working days", "N「{n}」不是整数个工作日"),
    m("not-a-year", "'{text}' is not a year (1 to 9999)", "「{text}」不是年份（1 至 9999）"),
    m("not-a-repository", "{dir} is not inside a git repository; run `git init` (or clone the team's repository) first", "{dir} 不在 git 仓库中；请先运行 `git init`（或克隆团队的仓库）"),
    m("deadlines-not-computed", "case {id}: deadlines not computed: {error}", "案件 {id}：未能计算期限：{error}"),
    m("default-workspace-used", "(the default workspace, {dir})", "（默认工作区：{dir}）"),
    m("no-workspace-here", "no workspace here nor above, and the default workspace ({dir}) has not been made: give -C DIR, or create one with `plaint init DIR --preset tourism`; a command that records something makes the default one", "这里及上级文件夹都没有工作区，默认工作区（{dir}）也尚未建立：请用 -C 目录 指定，或用 `plaint init 目录 --preset tourism` 创建；记录事项的命令会建立默认工作区"),
    m("default-workspace-created", "created the default workspace in {dir} (use `plaint init DIR --preset tourism` for another)", "已在 {dir} 创建默认工作区（另建工作区请用 `plaint init 目录 --preset tourism`）"),
    // Histories that the commands could not have written (`check`).
    m("history-first", "history starts with a `{action}` event; the first event must be registered or imported", "处理记录以 `{action}` 开头；第一条必须是登记或导入"),
    m("history-opened-twice", "history has {count} registered/imported events; a case is registered once", "处理记录中有 {count} 条登记或导入；一件案件只登记一次"),
    m("history-backwards", "history event #{n} ({action}) is dated {at}, before the event above it ({above}); history must read in time order", "第 {n} 条记录（{action}）的时间 {at} 早于上一条（{above}）；处理记录须按时间顺序"),
    m("history-status-incomplete", "history event #{n} (status) lacks `from` or `to`", "第 {n} 条记录（状态变更）缺少 `from` 或 `to`"),
    m("history-unknown-state", "history event #{n} names unknown state '{state}'; states are: {states}", "第 {n} 条记录含有未知状态「{state}」；可用的状态：{states}"),
    m("history-not-reached", "history event #{n} moves from {from}, a state the case had not reached", "第 {n} 条记录从 {from} 转出，而案件此前未到过该状态"),
    m("history-not-allowed", "history event #{n} moves from {from} to {to}, which the workflow does not allow", "第 {n} 条记录从 {from} 转为 {to}，处理流程不允许"),
    m("history-status-stale", "`status` is {status} but the history's last status event leads to {current}; the status follows the history (use `plaint advance`)", "`status` 为 {status}，而处理记录中最后一次状态变更转为 {current}；状态以处理记录为准（请用 `plaint advance`）"),
    // Case IDs, on-the-spot resolutions and edits.
    m("id-malformed", "'{text}' is not a case ID (expected YYYYMMDD-XXXXX, e.g. 20261129-K7QF2)", "「{text}」不是案件编号（应为 YYYYMMDD-XXXXX，如 20261129-K7QF2）"),
    m("id-empty", "an empty case ID was given", "案件编号为空"),
    m("id-path", "'{text}' is not a case ID: IDs never contain '/', '\\' or '..'", "「{text}」不是案件编号：编号不含「/」「\\」或「..」"),
    m("id-character", "'{text}' is not a case ID: character {n} ('{c}') is not allowed", "「{text}」不是案件编号：第 {n} 个字符（「{c}」）不允许"),
    m("id-too-long", "'{text}' is not a case ID: longer than {max} characters", "「{text}」不是案件编号：超过 {max} 个字符"),
    m("on-the-spot-refused", "case {id} cannot be {target} on the spot from {state}; {reason}", "案件 {id} 处于{state}，不能当场{target}；{reason}"),
    m("on-the-spot-outcomes", "on the spot, a case may only end as: {outcomes} (--outcome)", "当场处理的案件，办理结果只能是：{outcomes}（--outcome）"),
    m("policy-on-the-spot-outcome-unknown", "`on_the_spot_outcomes` '{outcome}' is not an outcome", "`on_the_spot_outcomes` 中的「{outcome}」不是办理结果"),
    m("on-the-spot-none", "this workspace's policy has no on-the-spot resolution", "本工作区的规则没有当场处理"),
    m("on-the-spot-targets", "on the spot, a {state} case may move to: {targets}", "当场处理时，{state}的案件可转为：{targets}"),
    m("edit-changes-id", "the edit changes `id` from {before} to {after}; IDs cannot change", "修改把 `id` 从 {before} 改为 {after}；编号不能更改"),
    m("edit-changes-status", "the edit changes `status` from {before} to {after}; use `plaint advance {id} {after}` instead", "修改把 `status` 从 {before} 改为 {after}；请改用 `plaint advance {id} {after}`"),
    m("edit-conflict-marker", "the edited case still has a git conflict marker at line {line}; keep one side of each conflict and delete the marker lines", "修改后的案件在第 {line} 行仍有 git 冲突标记；每处冲突保留一方并删除标记行"),
    m("edit-not-valid", "the edited case is not valid: {problems}", "修改后的案件无效：{problems}"),
    m("resolution-new-status", "the resolution sets `status` to {status}, which neither side had; use `plaint advance` afterwards", "解决冲突时把 `status` 设为 {status}，两方都没有此状态；请之后用 `plaint advance`"),
    m("complainant-per-contact", "give --complainant for every --phone/--email (they pair up by position)", "每个 --phone/--email 都要有对应的 --complainant（按位置配对）"),
    m("legal-rep-needs-complainant", "--legal-representative needs a --complainant (the organisation's name)", "--legal-representative 需要 --complainant（单位名称）"),
    m("address-needs-complainant", "--address needs a --complainant", "--address 需要与 --complainant 一起使用"),
    // Import input that cannot be read.
    m("import-read-failed", "cannot read the input: {error}", "无法读取输入：{error}"),
    m("import-empty", "the input is empty: there is nothing to import", "输入为空：没有可导入的内容"),
    m("import-binary", "the input looks like a binary file (it contains NUL bytes), not CSV, JSON or YAML text; if it is UTF-16 text, save it as UTF-8", "输入看来是二进制文件（含有 NUL 字节），不是 CSV、JSON 或 YAML 文本；如果是 UTF-16 文本，请另存为 UTF-8"),
    m("import-not-utf8", "the input is not UTF-8 text; if it was saved on a Chinese Windows system, add --encoding gbk", "输入不是 UTF-8 文本；如果是在中文 Windows 系统上保存的，请加 --encoding gbk"),
    m("case-unknown-code", "unknown {kind} '{code}'; known: {known}", "未知的{kind}「{code}」；可用的{kind}：{known}"),
    m("amount-invalid", "'{text}' is not an amount in yuan (e.g. 12000 or 12000.50)", "「{text}」不是以元为单位的金额（如 12000 或 12000.50）"),
    m("policy-no-codes", "this workspace's policy defines no {kind}; list them under `policy:` as `{section}:` in plaint.yaml", "本工作区的规则没有设定{kind}；可在 plaint.yaml 的 `policy:` 下以 `{section}:` 列出"),
    m("case-unknown-category", "unknown category '{code}'; known: {known}", "未知的类别「{code}」；可用的类别：{known}"),
    m("case-unknown-channel", "unknown channel '{code}'; channels: {known}", "未知的渠道「{code}」；可用的渠道：{known}"),
    m("case-unknown-state", "unknown state '{code}'; states are: {known}", "未知的状态「{code}」；可用的状态：{known}"),
    m("case-unknown-outcome", "unknown outcome '{code}'; known: {known}", "未知的办理结果「{code}」；可用的结果：{known}"),
    m("case-too-many-representatives", "{count} named; at most {max} are allowed", "指定了 {count} 名，最多只能 {max} 名"),
    m("import-not-gbk", "the input is not valid GB18030 (GBK) text; check --encoding", "输入不是有效的 GB18030（GBK）文本；请检查 --encoding"),
    m("import-not-csv", "not readable as CSV ({error})", "无法按 CSV 读取（{error}）"),
    m("import-cell-count", "has {cells} cells, but the header has {columns} columns", "有 {cells} 个单元格，但表头有 {columns} 列"),
    m("import-not-json-object", "not a JSON object ({error})", "不是 JSON 对象（{error}）"),
    m("import-not-json-array", "not a JSON array of case objects ({error}){hint}", "不是由案件对象组成的 JSON 数组（{error}）{hint}"),
    m("import-yaml-too-large", "the YAML input is larger than {mib} MiB; YAML is read whole, so use JSONL or CSV for a batch this size", "YAML 输入超过 {mib} MiB；YAML 要整体读入，这么大的批量请用 JSONL 或 CSV"),
    m("import-not-yaml-list", "not a YAML list of cases ({error})", "不是由案件组成的 YAML 列表（{error}）"),
    m("import-not-object", "expected an object of case fields, found {kind}", "应为由案件字段组成的对象，实为{kind}"),
    m("kind-null", "null", "空值"),
    m("kind-boolean", "a boolean", "布尔值"),
    m("kind-number", "a number", "数字"),
    m("kind-string", "a string", "字符串"),
    m("kind-list", "a list", "列表"),
    m("kind-object", "an object", "对象"),
    m("import-unknown-field", "unknown field", "未知的字段"),
    m("import-unknown-field-list", "unknown field; fields are: {fields}", "未知的字段；可用的字段：{fields}"),
    m("map-not-mapping", "{label}: expected a mapping of `header: field` lines ({error})", "{label}：应为由 `表头: 字段` 行组成的映射（{error}）"),
    m("map-unknown-fields", "{label}: unknown field(s) in {bad}; fields are: {fields}", "{label}：{bad} 中有未知的字段；可用的字段：{fields}"),
    m("import-not-index", "'{text}' is not a complainant index (0, 1, ...; separate with ';')", "「{text}」不是投诉人序号（0、1……；用「;」分隔）"),
    m("import-schema-not-number", "'{text}' is not a schema number", "「{text}」不是格式版本号"),
    m("import-history-not-json", "is not a JSON list of events ({error})", "不是由事件组成的 JSON 列表（{error}）"),
    m("import-no-records", "the input holds no records (a CSV needs a row under its header): nothing to import", "输入中没有记录（CSV 的表头下至少要有一行）：没有可导入的内容"),
    m("import-broken-cases", "{count} case file(s) cannot be read (first: {first}); fix them before importing (run `plaint check`), or their external_ref could be imported twice", "有 {count} 个案件文件无法读取（第一个：{first}）；请先修复再导入（运行 `plaint check`），否则其 external_ref 可能被重复导入"),
    m("import-id-twice", "{id} appears twice in the batch (or collides with an ID generated for an earlier record)", "{id} 在本批中出现了两次（或与为前面记录生成的编号相同）"),
    m("import-ref-other-case", "external_ref '{reference}' belongs to case {id}, not {other}", "external_ref「{reference}」属于案件 {id}，不属于 {other}"),
    m("import-id-taken", "{id} is already a different case in the workspace (external_ref {reference})", "{id} 在工作区中已是另一件案件（external_ref {reference}）"),
    m("import-no-ref", "none", "无"),
    m("import-no-free-id", "could not find a free case ID for that day", "当天已没有可用的案件编号"),
    m("import-schema-must-be", "must be {schema}", "应为 {schema}"),
    m("import-history-empty", "is empty", "为空"),
    m("import-incomplete-kept", "imported incomplete: missing {fields} (kept with --force)", "导入的记录不完整：缺少 {fields}（因 --force 保留）"),
    m("unknown-priority", "unknown priority '{text}'; priorities: normal, important, urgent", "未知的优先级「{text}」；可用的优先级：normal、important、urgent"),
    m("unknown-satisfaction", "unknown follow-up answer '{text}'; answers: very-satisfied, satisfied, neutral (basically satisfied), dissatisfied; no answer: unreachable, declined, anonymous", "未知的回访结果「{text}」；可用：非常满意、满意、基本满意、不满意；未能回访：联系不上、拒绝回访、匿名"),
    // A `plaint.yaml` that parses but does not make a workspace.
    m("settings-unknown-preset", "unknown preset '{preset}'; presets are: {presets}", "未知的预设「{preset}」；可用的预设：{presets}"),
    m("settings-bad-office-code", "office code '{code}' must be 1 to {max} letters, digits and hyphens, starting with a letter or digit", "单位代码「{code}」应为 1 至 {max} 个字母、数字或连字符，且以字母或数字开头"),
    m("settings-bad-timezone", "timezone '{text}' is not a UTC offset like +08:00", "时区「{text}」不是 +08:00 这样的 UTC 偏移"),
    m("settings-unknown-calendar", "{file}: unknown calendar '{name}'; available: {names} (custom calendars are files in {dir}/)", "{file}：未知的日历「{name}」；可用的日历：{names}（自定义日历是 {dir}/ 中的文件）"),
    m("policy-invalid", "policy: {problem}", "policy：{problem}"),
    m("policy-states-empty", "`states` is empty", "`states` 为空"),
    m("policy-state-twice", "`states` names a state twice", "`states` 中有重复的状态"),
    m("policy-transition-unknown", "`transitions.{from}` mentions unknown state '{state}'", "`transitions.{from}` 提到了未知的状态「{state}」"),
    m("policy-on-the-spot-unknown", "`on_the_spot` '{state}' is not a state", "`on_the_spot` 中的「{state}」不是状态"),
    m("policy-suspend-unknown", "`suspend_state` '{state}' is not a state", "`suspend_state` 的「{state}」不是状态"),
    m("policy-requires-state", "`requires.{state}`: '{state}' is not a state", "`requires.{state}`：「{state}」不是状态"),
    m("policy-requires-unknown", "`requires.{state}`: unknown requirement '{requirement}'; known: {known}", "`requires.{state}`：未知的要求「{requirement}」；可用的要求：{known}"),
    m("policy-code-twice", "`{section}` lists a code twice", "`{section}` 中有重复的代码"),
    m("policy-final-state", "`final_milestones.{state}`: '{state}' is not a state", "`final_milestones.{state}`：「{state}」不是状态"),
    m("policy-final-milestone", "`final_milestones.{state}`: '{code}' is not a milestone", "`final_milestones.{state}`：「{code}」不是节点"),
    m("policy-milestone-is-state", "milestone '{code}' has the name of a state; rename one of them", "节点「{code}」与某个状态同名；请改掉其中一个"),
    m("policy-pauses-need-suspend", "`suspension_pauses` needs a `suspend_state`", "`suspension_pauses` 需要设置 `suspend_state`"),
    m("policy-pauses-unknown-rule", "`suspension_pauses` names '{name}', which is not a deadline rule", "`suspension_pauses` 中的「{name}」不是期限规则"),
    m("policy-alarms", "`alarms`: warning {warning}, moderate {moderate}, severe {severe}: none may be negative, and severe must be more than moderate", "`alarms`：warning {warning}、moderate {moderate}、severe {severe}：均不能为负，且 severe 须大于 moderate"),
    m("policy-alarm-levels", "  warning: {warning} working day(s) or fewer left\n  overdue: overdue by up to {moderate} working day(s)\n  moderately overdue: by more than {moderate}\n  severely overdue: by more than {severe}", "  预警：剩余不超过 {warning} 个工作日\n  超时：逾期不超过 {moderate} 个工作日\n  中度超时：逾期超过 {moderate} 个工作日\n  严重超时：逾期超过 {severe} 个工作日"),
    m("policy-rule", "deadline rule '{rule}': {problem}", "期限规则「{rule}」：{problem}"),
    m("rule-twice", "defined twice", "定义了两次"),
    m("rule-amount", "amount must be positive, not {amount}", "amount 必须为正数，而不是 {amount}"),
    m("rule-start", "start '{start}' is neither a state nor a milestone", "start「{start}」既不是状态也不是节点"),
    m("rule-stop-empty", "`stop` is empty", "`stop` 为空"),
    m("rule-stop", "stop '{stop}' is neither a state nor a milestone", "stop「{stop}」既不是状态也不是节点"),
    m("rule-pause", "pause '{state}' is not a state", "pause「{state}」不是状态"),
    m("rule-pause-reason", "pause reason '{reason}' is not among `suspension_reasons` ({codes})", "暂停理由「{reason}」不在 `suspension_reasons` 中（{codes}）"),
    m("rule-statutory-source", "`kind: statutory`, `regulation` or `institutional` needs a `source` (the text and article); a rule without one is an office-target", "`kind: statutory`、`regulation` 或 `institutional` 需要 `source`（依据的名称和条款）；没有依据的规则是 office-target"),
    // A calendar file that cannot be used.
    m("calendar-date-out-of-range", "date {date} is outside the supported range {first}-01-01..{last}-12-31", "日期 {date} 超出支持的范围 {first}-01-01..{last}-12-31"),
    m("calendar-result-out-of-range", "{what} goes beyond the supported range {first}-01-01..{last}-12-31", "{what} 超出支持的范围 {first}-01-01..{last}-12-31"),
    m("calendar-too-many-workdays", "cannot count {n} working days at once: the limit is {max}", "一次最多只能计算 {max} 个工作日，不能计算 {n} 个"),
    m("calendar-negative-period", "a period cannot be negative: {amount} {unit}", "期限不能为负：{amount} {unit}"),
    m("calendar-syntax", "line {line}, column {column}: {message}", "第 {line} 行第 {column} 列：{message}"),
    m("calendar-bad-name", "calendar name '{name}' must be letters, digits, '-' or '_'", "日历名「{name}」只能由字母、数字、「-」或「_」组成"),
    m("calendar-all-weekend", "the weekend cannot be all seven days: no working day would remain", "周末不能是一周七天：那样就没有工作日了"),
    m("calendar-bad-coverage", "coverage {first}..{last} must be two years in {min}..={max}, first <= last", "coverage {first}..{last} 应为 {min} 至 {max} 之间的两个年份，且前者不大于后者"),
    m("calendar-wrong-year", "{date} is listed under year {year}; move it to {right}", "{date} 列在 {year} 年下；请移到 {right} 年"),
    m("calendar-holiday-twice", "{date} is listed twice as a holiday", "{date} 作为节假日列了两次"),
    m("calendar-workday-twice", "{date} is listed twice as a make-up working day", "{date} 作为调休上班日列了两次"),
    m("calendar-weekday-mismatch", "{date} is a {weekday}, but its entry says weekday: {stated}", "{date} 是 {weekday}，但该条目写的是 weekday: {stated}"),
    m("calendar-builtin-name", "calendar name '{name}' is built in; choose another name (and `extends: {name}` to build on it)", "日历名「{name}」是内置日历；请另取一个名字（用 `extends: {name}` 在其基础上扩展）"),
    m("calendar-holiday-and-workday", "{file}: {date} is listed both as a holiday and as a make-up working day; keep only one", "{file}：{date} 既列为节假日又列为调休上班日；只能保留一个"),
    m("calendar-unknown-parent", "{file}: extends unknown calendar '{parent}' (known calendars: {known})", "{file}：extends 了未知的日历「{parent}」（已知的日历：{known}）"),
    m("calendar-extends-cycle", "calendars extend each other in a cycle: {cycle}; remove one of the `extends`", "日历之间循环 extends：{cycle}；请删去其中一个 `extends`"),
    m("calendar-defined-twice", "calendar '{name}' is defined twice, in {first} and in {second}; rename one", "日历「{name}」定义了两次，分别在 {first} 和 {second}；请改名其中一个"),
    m("calendar-bad-date", "invalid date '{date}': {why}", "日期「{date}」无效：{why}"),
    m("calendar-date-year", "year must be {year} or later", "年份应不早于 {year}"),
    m("calendar-import-json", "line {line}, column {column}: not the holiday-cn layout (\"year\", \"days\" of \"name\", \"date\", \"isOffDay\"): {message}", "第 {line} 行第 {column} 列：不是 holiday-cn 的格式（\"year\"，\"days\" 中每项有 \"name\"、\"date\"、\"isOffDay\"）：{message}"),
    m("calendar-import-row", "row {row}: {message}", "第 {row} 行：{message}"),
    m("calendar-import-date", "row {row}: '{date}' is not a date YYYY-MM-DD in the supported years", "第 {row} 行：「{date}」不是支持年份内的日期（YYYY-MM-DD）"),
    m("calendar-import-kind", "row {row}: '{kind}' is neither a holiday (holiday, 休) nor a working day (workday, 班)", "第 {row} 行：「{kind}」既不是放假（holiday、休）也不是上班（workday、班）"),
    m("calendar-import-empty", "the file lists no day", "文件中没有列出任何日期"),
    m("calendar-import-year", "year {year} is outside the supported years {first}..{last}", "{year} 年超出支持的年份 {first}..{last}"),
    m("calendar-import-unnamed", "row {row}: {date} has no holiday name", "第 {row} 行：{date} 没有写节日名称"),
    m("calendar-import-control", "row {row}: the name of {date} holds a control character", "第 {row} 行：{date} 的名称含有控制字符"),
    m("calendar-import-twice", "row {row}: {date} is listed twice", "第 {row} 行：{date} 重复列出"),
    m("calendar-import-workday-weekday", "{date} is a make-up working day on a {weekday}: make-up working days fall on weekends", "{date} 是{weekday}，却列为调休上班日：调休上班日只能在周末"),
    m("calendar-import-incomplete", "the schedule of {year} is not whole: it names no {missing}", "{year} 年的安排不完整：缺少{missing}"),
    m("calendar-import-other-year", "{date} ({name}) belongs to {year}, and the workspace calendar does not say the same of it", "{date}（{name}）属于 {year} 年，与工作区日历对该日的安排不一致"),
    m("calendar-import-file-head", ": the holidays and make-up working days of the years below, over the calendar it extends. The next import rewrites this file.", "：以下年份的节假日和调休上班日，叠加在所扩展的日历之上。下次导入会重写本文件。"),
    m("calendar-import-not-ours", "{file} exists and was not written by `plaint calendar import`; rename it, or import into it by hand", "{file} 已存在，且不是 `plaint calendar import` 写的；请改名，或手工把安排写进去"),
    m("calendar-imported", "added {year} to calendar '{calendar}' ({file}): {holidays} day(s) off, {workdays} make-up working day(s)", "已把 {year} 年加入日历「{calendar}」（{file}）：放假 {holidays} 天，调休上班 {workdays} 天"),
    m("calendar-switched", "plaint.yaml now uses calendar '{calendar}' (it extends '{extends}')", "plaint.yaml 已改用日历「{calendar}」（扩展自「{extends}」）"),
    m("calendar-moved-none", "no provisional due date moved", "没有临时期限发生变动"),
    m("calendar-moved-head", "provisional due dates that moved:", "以下临时期限已变动："),
    m("calendar-col-case", "Case", "编号"),
    m("calendar-col-rule", "Deadline", "期限"),
    m("calendar-col-was", "Was", "原到期日"),
    m("calendar-col-now", "Now", "现到期日"),
    m("calendar-bad-weekday", "unknown weekday '{day}': use mon, tue, wed, thu, fri, sat or sun", "未知的星期「{day}」：请用 mon、tue、wed、thu、fri、sat 或 sun"),
    // Why a YAML file cannot be read (`yaml_error::describe` and the file checks).
    m("yaml-unreadable", "cannot read: {message}", "无法读取：{message}"),
    m("yaml-syntax", "{place}YAML syntax error ({problem})", "{place}YAML 语法错误（{problem}）"),
    m("yaml-line-column", "line {line} column {column}", "第 {line} 行第 {column} 列"),
    m("yaml-position", "position {n}", "第 {n} 字节"),
    m("yaml-context-at", "; the {part} starts at {place}", "；该{part}始于{place}"),
    m("yaml-context", "; in a {part}", "；在{part}中"),
    m("yaml-missing-field", "missing field `{field}`", "缺少字段 {field}"),
    m("yaml-duplicate-field", "duplicate field `{field}`", "字段 {field} 重复"),
    m("yaml-unknown-field", "unknown field `{field}`{known}", "未知的字段 {field}{known}"),
    m("yaml-unknown-variant", "unknown variant `{value}`{known}", "未知的取值 {value}{known}"),
    m("yaml-allowed", ", expected one of {list}", "（可用的有：{list}）"),
    m("yaml-invalid-type", "invalid type: {found}, expected {expected}", "类型不对：应为{expected}，实为{found}"),
    m("yaml-invalid-value", "invalid value: {found}, expected {expected}", "取值不对：应为{expected}，实为{found}"),
    m("yaml-invalid-length", "invalid length {found}, expected {expected}", "长度不对：应为{expected}，实为 {found}"),
    m("not-utf8-incomplete", "not UTF-8 text (incomplete utf-8 byte sequence from index {index})", "不是 UTF-8 文本（第 {index} 字节处的 UTF-8 序列不完整）"),
    m("not-utf8-invalid", "not UTF-8 text (invalid utf-8 sequence of {len} bytes from index {index})", "不是 UTF-8 文本（第 {index} 字节处有 {len} 字节无效的 UTF-8 序列）"),
    m("nesting-too-deep", "line {line}: nesting deeper than {max} levels; a case file never nests that deep", "第 {line} 行：嵌套超过 {max} 层；案件文件不会嵌套这么深"),
    m("schema-not-number", "`schema: {value}` is not a schema number", "`schema: {value}` 不是格式版本号"),
    m("schema-unsupported", "case file has schema {found}, but this plaint reads schema {schema} only; upgrade plaint to read it (the file was left untouched)", "案件文件的格式版本为 {found}，本版 plaint 只能读取版本 {schema}；请升级 plaint 后再读取（文件未改动）"),
    m("case-conflict-marker", "git conflict marker at line {line}: resolve the merge (see `plaint edit`), then run `plaint check`", "第 {line} 行有 git 冲突标记：请先解决合并冲突（见 `plaint edit`），再运行 `plaint check`"),
    m("case-id-mismatch", "the file says id {id} but is named {stem}.yaml; rename the file or fix the id", "文件中的编号为 {id}，文件名却是 {stem}.yaml；请改文件名或改编号"),
    m("conflict-sides-unreadable", "the git conflict markers do not enclose whole sides plaint can read; resolve them in a text editor, then run `plaint check`", "git 冲突标记之间不是 plaint 能读取的完整内容；请用文本编辑器解决冲突，再运行 `plaint check`"),
    // Edits, consents and repairs (`actions`).
    m("edit-changes-history", "the edit changes or removes history events; history is append-only (add a note instead)", "修改变动或删除了处理记录；处理记录只能追加（请改为添加备注）"),
    m("consent-empty", "the consent is empty; say how it was given (e.g. 全体投诉人书面同意 2026-11-20)", "同意内容为空；请写明同意的方式（如：全体投诉人书面同意 2026-11-20）"),
    m("resolution-drops-history", "the resolution drops history events; keep the events of both sides (history is append-only)", "解决冲突时丢掉了处理记录；请保留双方的全部记录（处理记录只能追加）"),
    m("history-followed-change", "{field} {stored} -> {wanted}", "{field} {stored} -> {wanted}"),
    m("note-history-followed", "followed the history: {changes}", "依处理记录更正：{changes}"),
    m("history-followed", "case {id}: {fields} disagreed with its history and now follow it ({changes})", "案件 {id}：{fields}与处理记录不符，现已依处理记录更正（{changes}）"),
    m("unknown-milestone", "unknown milestone '{milestone}'; milestones: {codes}", "未知的节点「{milestone}」；可用的节点：{codes}"),
    m("note-imported-incomplete", "imported incomplete: missing {fields}", "导入的记录不完整：缺少 {fields}"),
    m("id-no-randomness", "no randomness available for a new ID: {error}", "无法取得随机数来生成新编号：{error}"),
    // A case given as a document (`register --from`).
    m("draft-too-large", "{label}: the document is larger than {max} bytes", "{label}：文件超过 {max} 字节"),
    m("draft-not-mapping", "{label}: expected one case as a mapping of fields", "{label}：应为一件案件，即由字段组成的映射"),
    m("draft-unknown-fields", "{label}: unknown field(s): {unknown}; known fields: {known}", "{label}：未知的字段：{unknown}；可用的字段：{known}"),
    // Workspaces.
    m("not-a-workspace", "{dir} is not a plaint workspace (no {file}); run `plaint init {dir}` to create one", "{dir} 不是 plaint 工作区（没有 {file}）；请运行 `plaint init {dir}` 创建"),
    m("workspace-exists", "{file} already exists; this folder is a workspace already", "{file} 已存在；此文件夹已是工作区"),
    // Case files as they are written.
    m("case-not-writable", "case {id} cannot be written: {error}", "案件 {id} 无法写入：{error}"),
    m("case-problem", "{id}: {message}", "{id}：{message}"),
    m("case-representative-out-of-range", "`representatives` names complainant #{bad}, but there are only {count} (indexes start at 0)", "`representatives` 指向投诉人 #{bad}，但投诉人只有 {count} 名（序号从 0 开始）"),
    m("case-history-empty", "`history` is empty; every case starts with a registered or imported event", "`history` 为空；每件案件都以登记或导入记录开始"),
    m("case-not-cached", "case {id}: cannot be cached: {error}", "案件 {id}：无法写入缓存：{error}"),
    m("no-parent-folder", "{path} has no parent folder", "{path} 没有上级文件夹"),
    m("lock-is-link", "{path} is a symbolic link; plaint keeps its lock inside the workspace only. Remove the link and try again", "{path} 是符号链接；plaint 只在工作区内保存锁。请删除该链接后重试"),
    m("not-a-staging-manifest", "not a plaint staging manifest; move the folder away and run `plaint check`", "不是 plaint 的导入暂存清单；请把该文件夹移走，再运行 `plaint check`"),
    m("case-error", "case {id}: {error}", "案件 {id}：{error}"),
    m("labelled", "{label}: {message}", "{label}：{message}"),
    m("cause-separator", ": ", "："),
    // `plaint policy`.
    m("colon", ": ", "："),
    m("both-labels", "{en} ({zh})", "{zh}（{en}）"),
    m("aside", ", {text}", "，{text}"),
    m("clause-comma", ", ", "，"),
    m("unit-word-workdays", "workdays", "个工作日"),
    m("unit-word-days", "days", "日"),
    m("unit-word-months", "months", "个月"),
    m("policy-doc-preset", "Preset", "预设"),
    m("policy-doc-states", "States", "状态"),
    m("policy-doc-final", " (final)", "（终结）"),
    m("policy-doc-transitions", "Transitions", "状态转换"),
    m("policy-doc-requires", "requires", "需要"),
    m("policy-doc-came-from", "the state it came from", "中止前的状态"),
    m("policy-doc-on-the-spot", " (resolved at receipt)", "（当场协调解决）"),
    m("policy-doc-rejection-reasons", "Rejection reasons", "不予受理理由"),
    m("policy-doc-suspension-reasons", "Suspension reasons", "中止理由"),
    m("policy-doc-outcomes", "Outcomes", "办结结果"),
    m("policy-doc-milestones", "Milestones", "节点"),
    m("policy-doc-channels", "Channels", "投诉渠道"),
    m("policy-doc-categories", "Categories", "投诉类别"),
    m("policy-doc-types", "Case types", "案件类型"),
    m("policy-doc-causes", "Causes (the office's own classification)", "原因（本单位分类）"),
    m("policy-doc-intake", "Intake", "受理条件"),
    m("policy-doc-joint", "joint complaint from complainants", "共同投诉人数"),
    m("policy-doc-filed-within", "filed within ", "投诉期限："),
    m("policy-doc-after-contract-end", "days after contract_end", "日（自 contract_end 起）"),
    m("policy-doc-after-challenge-due", "working days after challenge_due", "个工作日（自 challenge_due 起）"),
    m("policy-doc-rules", "Deadline rules", "办理期限"),
    m("policy-doc-alarms", "Alarms", "预警等级"),
    m("policy-doc-sources", "Sources cited", "引用的依据"),
    m("policy-doc-not-collected", "  [not in the source collection]", "  [不在来源汇编中]"),
    m("policy-doc-none", "none", "无"),
    m("policy-doc-start-or-receipt", "{start} (else receipt)", "{start}（未记录时自收到起）"),
    m("policy-doc-for", "for", "仅限"),
    m("policy-doc-by-decision", " (workspace decision)", "（本单位决定）"),
    m("policy-doc-appraisal", "appraisal or testing of a special matter: `plaint appraise`", "专门性事项的鉴定、检测：`plaint appraise`"),
    m("policy-doc-appraisal-pauses", "appraisal or testing (workspace decision)", "鉴定、检测期间（本单位决定）"),
    m("policy-doc-extendable-before-due", "yes, with notice before it is due", "可延长，须在期满前告知"),
    m("policy-doc-length", "length", "期限"),
    m("policy-doc-start", "start", "起算"),
    m("policy-doc-stop", "stop", "终止"),
    m("policy-doc-pauses", "pauses", "暂停"),
    m("policy-doc-extendable", "extendable", "延长"),
    m("policy-doc-kind", "kind", "性质"),
    m("policy-doc-source", "source", "依据"),
    m("policy-doc-no-source", "none (office target)", "无（内部目标）"),
    m("rule-kind-statutory", "statutory", "法定期限"),
    m("rule-kind-regulation", "set by regulation", "规章规定期限"),
    m("rule-kind-institutional", "institutional rule", "本单位制度期限"),
    m("rule-kind-office-target", "office target", "内部目标"),
    // Codes and rules the policy does not know.
    m("preset-broken", "built-in preset {preset}: {error}", "内置预设 {preset} 有误：{error}"),
    m("unknown-rule", "unknown deadline rule '{name}'; rules: {rules}", "未知的期限「{name}」；可用的期限：{rules}"),
    m("unknown-code-known", "unknown {what} '{code}'; known: {codes}", "未知的{what}「{code}」；可用的{what}：{codes}"),
    m("refer-to-empty", "--refer-to is empty; name the competent body", "--refer-to 为空；请写明有管辖权的机关"),
    m("refer-to-misplaced", "--refer-to goes with `rejected --reason outside-jurisdiction`: it names the competent body the complainant is told to turn to", "--refer-to 只与 `rejected --reason outside-jurisdiction` 一起使用：它写明告知投诉人前往投诉的有管辖权机关"),
    // Notices, dossiers and attachments.
    m("notice-no-number", "case {id}: no free document number for {kind}", "案件 {id}：《{kind}》已没有可用的文号"),
    m("dossier-incomplete", "{file}: {message}; the dossier would be incomplete (run `plaint check`)", "{file}：{message}；案卷将不完整（请运行 `plaint check`）"),
    m("zip-failed", "the zip archive: {error}", "zip 压缩包出错：{error}"),
    m("detach-no-reason", "--reason is empty; say why the file leaves the case", "--reason 为空；请说明该文件为何移出本案"),
    m("template-error", "{label}{line}: {kind} {detail}", "{label}{line}：模板错误：{kind} {detail}"),
    // Git.
    m("git-not-run", "cannot run git ({error}); is git installed?", "无法运行 git（{error}）；是否已安装 git？"),
    m("git-failed", "`git {args}` failed: {error}", "`git {args}` 运行失败：{error}"),
    m("merge-not-object", "a case is not an object", "案件数据不是对象"),
    m("merge-invalid", "the merged case is not valid: {error}", "合并后的案件无效：{error}"),
    // Finding the workspace.
    m("no-workspace-found", "no workspace here (no plaint.yaml in this folder or above); give one with -C DIR", "这里及上级文件夹都没有工作区（没有 plaint.yaml）；请用 -C 目录 指定"),
    m("cwd-unreadable", "the current folder is not readable", "当前文件夹无法读取"),
    m("no-home-folder", "no home folder found for the default workspace; give one with -C DIR or PLAINT_WORKSPACE", "找不到用户主文件夹来存放默认工作区；请用 -C 目录 或 PLAINT_WORKSPACE 指定"),
    m("edited-copy-unreadable", "cannot read the edited copy {copy}", "无法读取编辑后的副本 {copy}"),
    m("no-binary-path", "cannot find the path of the plaint binary", "找不到 plaint 程序的路径"),
    m("driver-not-registered", "the git merge driver was not registered ({error}); run `plaint git-setup`", "未能登记 git 合并驱动（{error}）；请运行 `plaint git-setup`"),
    m("lock-timeout-invalid", "--lock-timeout / PLAINT_LOCK_TIMEOUT: '{text}' is not a number of seconds from 0 to 86400", "--lock-timeout / PLAINT_LOCK_TIMEOUT：「{text}」不是 0 至 86400 之间的秒数"),
    // `import` and `export`.
    m("export-out-only-parquet", "--out is for --format parquet; the other formats go to standard output (redirect it to a file)", "--out 仅用于 --format parquet；其他格式输出到标准输出（可重定向到文件）"),
    m("export-parquet-needs-out", "--format parquet needs --out DIR, the folder the tables go into", "--format parquet 须用 --out 指定存放数据表的文件夹"),
    m("export-parquet-no-bom", "--bom is for CSV; Parquet files have no byte order mark", "--bom 仅用于 CSV，Parquet 文件无字节顺序标记"),
    m("export-parquet-file", "{path}\t{rows} rows", "{path}\t{rows} 行"),
    m("export-parquet-done", "exported {cases} cases of office {office} into {dir}, deadlines as of {today}", "已将单位 {office} 的 {cases} 件投诉导出到 {dir}，期限状态截至 {today}"),
    m("parquet-no-office-code", "the office has no code: set office.code in plaint.yaml (e.g. `office: {code: GL-TOUR}`), the name the province knows it by", "本单位尚无单位代码：请在 plaint.yaml 中设置 office.code（如 `office: {code: GL-TOUR}`），即省级汇总时使用的单位代码"),
    m("parquet-out-not-ours", "{dir} holds {entry}, which a Parquet export did not write: give an empty folder, or one that holds only office=CODE folders of earlier exports", "{dir} 中有 {entry}，并非 Parquet 导出所写：请指定空文件夹，或只含以往导出的 office=代码 文件夹的文件夹"),
    m("parquet-encode", "cannot encode the {table} table: {error}", "无法生成 {table} 数据表：{error}"),
    m("export-output", "the export output", "导出结果"),
    m("map-unreadable", "cannot read --map {label}", "无法读取 --map {label}"),
    m("scan-progress", "indexing case files {wide_bar} {pos}/{len}", "正在建立案件索引 {wide_bar} {pos}/{len}"),
    m("import-progress-reading", "reading {wide_bar} {bytes}/{total_bytes} {eta}", "正在读取 {wide_bar} {bytes}/{total_bytes} {eta}"),
    m("import-progress-spinner", "{spinner} reading {bytes}", "{spinner} 正在读取 {bytes}"),
    m("import-progress-moving", "moving into place {wide_bar} {pos}/{len}", "正在移入案件文件夹 {wide_bar} {pos}/{len}"),
    // Table headers.
    m("calendar-col-date", "Date", "日期"),
    m("calendar-col-day", "Day", "星期"),
    m("calendar-col-kind", "Kind", "类型"),
    m("calendar-col-name", "Name", "名称"),
    m("list-col-id", "ID", "编号"),
    m("list-col-received", "Received", "登记日期"),
    m("list-col-status", "Status", "状态"),
    m("list-col-priority", "Priority", "优先级"),
    m("list-col-category", "Category", "类别"),
    m("list-col-assignee", "Assignee", "承办人"),
    m("list-col-complainant", "Complainant", "投诉人"),
    m("list-col-due", "Due", "期限"),
    m("list-col-alarm", "Alarm", "预警"),
    m("list-col-title", "Title", "标题"),
    // Report keys of cases without a value.
    m("category-none", "(none)", "（无）"),
    m("channel-unknown", "(unknown)", "（未知）"),
    // Periods beyond the calendar.
    m("period-from", "{amount} {unit} from {start}", "自 {start} 起 {amount} {unit}"),
    m("workdays-from", "{n} working days from {date}", "自 {date} 起 {n} 个工作日"),
    // `summary`.
    m("summary-overview", "Overview", "概况"),
    m("summary-measure", "Measure", "指标"),
    m("summary-value", "Value", "数值"),
    m("summary-cases", "Cases", "案件总数"),
    m("summary-overdue", "Overdue", "已逾期"),
    m("summary-due-within-3", "Due within 3 working days", "3个工作日内到期"),
    m("summary-repeat-complaints", "Repeat complaints", "重复投诉"),
    m("summary-median-to-decision", "Median working days to decision", "受理决定用时中位数(工作日)"),
    m("summary-p90-to-decision", "90th percentile working days to decision", "受理决定用时90分位(工作日)"),
    m("summary-median-to-close", "Median working days to close", "办结用时中位数(工作日)"),
    m("summary-p90-to-close", "90th percentile working days to close", "办结用时90分位(工作日)"),
    m("summary-satisfaction-rate", "Satisfaction rate", "满意率"),
    m("summary-deadlines", "Deadlines", "办理期限"),
    m("summary-rule", "Rule", "期限"),
    m("summary-col-overdue", "Overdue", "逾期"),
    m("summary-due-soon", "Due soon", "即将到期"),
    m("summary-met", "Met", "按时"),
    m("summary-missed", "Missed", "超时"),
    m("summary-not-tracked", "Not tracked", "未跟踪"),
    m("summary-by-status", "By status", "按状态"),
    m("summary-status", "Status", "状态"),
    m("summary-by-type", "By type", "按类型"),
    m("summary-type", "Type", "类型"),
    m("summary-by-category", "By category", "按类别"),
    m("summary-category", "Category", "类别"),
    m("summary-by-assignee", "By assignee", "按承办人"),
    m("summary-assignee", "Assignee", "承办人"),
    m("summary-by-channel", "By channel", "按渠道"),
    m("summary-channel", "Channel", "渠道"),
    m("summary-by-priority", "By priority", "按优先级"),
    m("summary-priority", "Priority", "优先级"),
    m("summary-rate-header", "On time = met ÷ (met + missed + overdue)", "按时率 = 按时 ÷ (按时 + 超时 + 逾期未办)"),
    m("summary-col-cases", "Cases", "件数"),
    // `report`.
    m("report-category", "Category", "类别"),
    m("report-respondent", "Respondent", "被投诉人"),
    m("report-department", "Department complained about", "被投诉科室"),
    m("report-type", "Type", "类型"),
    m("report-cause", "Cause", "原因"),
    m("report-receiving-department", "Receiving department", "受理科室"),
    m("report-by-type", "By type", "按类型"),
    m("report-by-cause", "By cause", "按原因"),
    m("report-crossed", "{rows} by {columns}", "按{rows}和{columns}"),
    m("report-not-resolved", "(not resolved)", "（未办结）"),
    m("report-compensation", "Compensation", "赔偿"),
    m("report-compensated-cases", "Cases with compensation", "赔偿件数"),
    m("report-compensation-total", "Compensation, total (yuan)", "赔偿金额合计（元）"),
    m("report-amount", "Amount", "数额"),
    m("report-assignee", "Assignee", "承办人"),
    m("report-cases-received", "Cases received", "受理情况"),
    m("report-received", "Received", "收到"),
    m("report-accepted", "Accepted", "受理"),
    m("report-rejected", "Rejected", "不予受理"),
    m("report-transferred", "Transferred", "移送"),
    m("report-resolved", "Resolved", "办结"),
    m("report-withdrawn", "Withdrawn", "撤回"),
    m("report-open", "Open", "在办"),
    m("report-median-to-close", "Median working days to close", "办结用时中位数(工作日)"),
    m("report-short-on-time", "On time", "按时率"),
    m("report-short-median", "Median days", "用时中位数"),
    m("report-note-median", "Median days = median working days to close", "用时中位数 = 办结用时中位数（工作日）"),
    m("report-total", "Total", "合计"),
    m("report-cases", "Cases", "件数"),
    m("report-none", "(none)", "（无）"),
    m("report-measures", "Corrective measures", "整改措施"),
    m("report-case-id", "Case", "案件编号"),
    m("report-department-concerned", "Department concerned", "涉及科室"),
    m("report-measures-text", "Measures", "整改措施内容"),
    m("report-deadlines-met-on-time", "Deadlines met on time", "期限执行情况"),
    m("report-rule", "Rule", "期限"),
    m("report-met", "Met", "按时"),
    m("report-missed", "Missed", "超时"),
    m("report-overdue", "Overdue", "逾期未办"),
    m("report-not-tracked", "Not tracked", "未跟踪"),
    m("report-follow-up-satisfaction", "Follow-up satisfaction", "回访满意度"),
    m("report-answer", "Answer", "评价"),
    m("report-satisfaction-rate", "Satisfaction rate = (very satisfied + satisfied + basically satisfied) ÷ answers", "满意率 =（非常满意 + 满意 + 基本满意）÷ 回答数"),
    m("report-overrides", "Overrides recorded with --force", "强制记录的例外"),
    m("report-override", "Override", "事项"),
    m("report-count", "Count", "次数"),
    m("report-forced-extensions", "Extensions the rule's source does not allow (--force)", "超出依据允许的延长（强制）"),
    m("report-rejected-by-reason", "Rejected, by reason", "不予受理原因"),
    m("report-reason", "Reason", "原因"),
    m("report-resolved-by-outcome", "Resolved, by outcome", "办结方式"),
    m("report-outcome", "Outcome", "结果"),
    m("report-by-channel", "By channel", "按渠道"),
    m("report-channel", "Channel", "渠道"),
    m("report-complaint-statistics", "Complaint statistics", "投诉处理情况统计"),
    m("report-offices", "Offices", "单位数"),
    m("report-by-office", "Figures by office", "各单位情况"),
    m("report-office", "office", "单位"),
    m("report-office-section", "{office} — {title}", "{office}：{title}"),
    m("offices-none", "{file} lists no workspace folder (one a line; # starts a comment)", "{file} 中没有列出工作区文件夹（每行一个；# 开头为注释）"),
    m("office-twice", "{dir} is named twice; each office is counted once", "{dir} 被列出两次；每个单位只能计入一次"),
    m("one-workspace", "give one workspace (-C); only `report` reads several", "请只指定一个工作区（-C）；只有 `report` 可以读取多个"),
    m("file-kind-offices-file", "offices file", "单位列表文件"),
    m("report-section", "section", "部分"),
    m("report-row", "row", "项目"),
    m("report-column", "column", "指标"),
    m("report-value", "value", "数值"),
    m("report-filed-by", "Office", "填报单位"),
    m("report-period-of-receipt", "Period of receipt", "统计期间"),
    m("report-generated", "Generated", "生成日期"),
    m("report-cases-received-count", "Cases received", "收到投诉"),
    m("report-cases-by-category", "Cases by category", "按类别统计"),
    m("report-cases-by-respondent", "Cases by respondent", "按被投诉人统计"),
    m("report-cases-by-department", "Cases by department complained about", "按被投诉科室统计"),
    m("report-cases-by-type", "Cases by type", "按类型统计"),
    m("report-cases-by-cause", "Cases by cause", "按原因统计"),
    m("report-cases-by-receiving-department", "Cases by receiving department", "按受理科室统计"),
    m("report-cases-by-channel", "Cases by channel", "按渠道统计"),
    m("report-cases-by-outcome", "Cases by outcome", "按办理结果统计"),
    m("report-cases-by-assignee", "Cases by assignee", "按承办人统计"),
    m("report-cases-received-per-month", "Cases received per month", "每月收到投诉"),
    m("report-on-time-rate-per-deadline", "On-time rate per deadline", "各期限按时率"),
    m("report-outcomes-of-resolved-cases", "Outcomes of resolved cases", "办结方式"),
    // `show` headings and labels.
    m("show-deadlines", "Deadlines", "办理期限"),
    m("show-demands", "Demands", "投诉请求"),
    m("show-facts", "Facts", "事实与理由"),
    m("show-findings", "Findings", "调查结论"),
    m("show-agreement", "Agreement", "协议内容"),
    m("show-measures", "Measures", "整改措施"),
    m("show-history", "History", "处理记录"),
    m("show-received", "Received", "登记时间"),
    m("show-received-by", "Received by", "受理部门"),
    m("show-category", "Category", "类别"),
    m("show-type", "Type", "类型"),
    m("show-cause", "Cause", "原因"),
    m("show-compensation", "Compensation", "赔偿金额"),
    m("yuan-amount", "{amount} yuan", "{amount} 元"),
    m("show-priority", "Priority", "优先级"),
    m("show-assignee", "Assignee", "承办人"),
    m("show-contract-end", "Contract end", "合同结束"),
    m("show-challenge-answer-due", "Challenge answer due", "质疑答复期满"),
    m("show-outcome", "Outcome", "办理结果"),
    m("show-referred-to", "Referred to", "告知向其投诉"),
    m("show-satisfaction", "Satisfaction", "满意度"),
    m("show-external-ref", "External ref", "外部编号"),
    m("show-tags", "Tags", "标签"),
    m("show-links", "Links", "关联案件"),
    m("show-complainant", "Complainant", "投诉人"),
    m("show-agent", "Agent", "代理人"),
    m("show-respondent", "Respondent", "被投诉人"),
    m("show-project", "Project", "采购项目"),
    m("show-notices", "Notices", "文书"),
    m("show-attachments", "Attachments", "证据材料"),
    // Roles, approvals, escalation to leadership (issue 25).
    m("policy-instruction-days", "`escalation.instruction_workdays`: {days} is not a number of working days from 1 to 366", "`escalation.instruction_workdays`：{days} 不是 1 至 366 之间的工作日数"),
    m("duty-accept", "accept a complaint", "受理投诉"),
    m("duty-refuse", "refuse a complaint", "不予受理"),
    m("duty-extend", "approve an extension", "批准延期"),
    m("duty-close-important", "close an important case", "对重要投诉结案"),
    m("duty-decide", "issue a decision", "作出处理决定"),
    m("duty-instruct", "give an instruction on an escalated case", "对上报案件作出批示"),
    m("people-role-officers", "officers", "经办人员"),
    m("people-role-leaders", "leaders", "领导"),
    m("people-role-liaisons", "department liaisons", "科室联络人"),
    m("route-why-important", "important case", "重要投诉"),
    m("route-why-repeat", "repeat complaint", "重复投诉"),
    m("event-approved", "approved: {act}", "批准：{act}"),
    m("event-escalated", "escalated to {to}", "上报 {to}"),
    m("event-instructed", "leader's instruction", "领导批示"),
    m("event-routed", "routed to {to} ({why})", "派单至 {to}（{why}）"),
    m("role-holders-none", "nobody yet: plaint.yaml's roles name no one", "plaint.yaml 的 roles 中尚未指定人员"),
    m("role-needed", "{name} may not {act}: that is for {roles} ({holders}). Ask one of them to do it, or to approve it: add --approved-by NAME, or have them run `plaint approve {id} {code}` first", "{name} 无权{act}：此事须由{roles}办理（{holders}）。请由其本人办理，或经其批准后办理：加 --approved-by 姓名，或先由其执行 plaint approve {id} {code}"),
    m("approver-lacks-role", "--approved-by {approver}: {approver} is not among {roles} ({holders}), so may not approve: {act}", "--approved-by {approver}：{approver} 不属于{roles}（{holders}），无权批准「{act}」"),
    m("approved-by-unused", "--approved-by {approver}: this step needs no approval; none recorded", "--approved-by {approver}：此操作无需批准，未记录批准"),
    m("approve-not-needed", "nothing to approve: this workspace does not reserve \"{act}\" to a role (roles and policy.permissions in plaint.yaml)", "无需批准：本工作区未规定「{act}」须由何种角色办理（见 plaint.yaml 的 roles 和 policy.permissions）"),
    m("approve-not-holder", "{name} may not approve \"{act}\": that is for {roles} ({holders})", "{name} 无权批准「{act}」：须由{roles}批准（{holders}）"),
    m("approval-pending", "{id}: \"{act}\" is already approved and the approval not yet used; nothing recorded", "{id}：「{act}」已获批准且尚未使用，未重复记录"),
    m("approval-recorded", "{id}: {name} approved \"{act}\"", "{id}：{name} 已批准「{act}」"),
    m("check-unapproved", "history event #{n} ({at}, {name}): \"{act}\" is for {roles} ({holders}), and no approval by one of them is recorded", "第 {n} 条处理记录（{at}，{name}）：「{act}」须由{roles}办理（{holders}），但未记录其批准"),
    m("check-approval-outsider", "history event #{n} ({at}): an approval of \"{act}\" by {name}, who is not among {roles} ({holders})", "第 {n} 条处理记录（{at}）：{name} 批准了「{act}」，但其不属于{roles}（{holders}）"),
    m("policy-instruction-rule-name", "a deadline rule is named '{name}', the name of the clock of a leader's instruction (escalation.instruction_workdays); rename it", "有期限规则名为「{name}」，与领导批示时限（escalation.instruction_workdays）同名；请改名"),
    m("routed-to", "{id}: routed to {to} ({why})", "{id}：已派单至 {to}（{why}）"),
    m("escalate-empty", "escalate needs --to NAME and a non-empty --reason", "上报须写明 --to 姓名和 --reason 理由"),
    m("escalate-not-leader", "{to} is not among {roles} ({holders}), to whom this workspace escalates cases", "{to} 不属于{roles}（{holders}）；本工作区只能上报给他们"),
    m("escalate-final", "{id} is {state}: a case that left the workflow is not escalated", "{id} 已{state}：已办结或终止的案件不能上报"),
    m("instruct-final", "{id} is {state}: a case that left the workflow takes no instruction", "{id} 已{state}：已办结或终止的案件不能再批示"),
    m("escalation-no-clock", "no time limit is set for the leader's instruction, so this escalation has no deadline; set policy.escalation.instruction_workdays in plaint.yaml to time it", "未设领导批示时限，此次上报不计期限；如需计时，请在 plaint.yaml 中设置 policy.escalation.instruction_workdays"),
    m("instruct-empty", "the instruction's text is empty", "批示内容为空"),
    m("instruct-not-escalated", "{id} has no escalation waiting for an instruction (plaint escalate {id} --to NAME --reason TEXT first)", "{id} 没有待批示的上报（请先执行 plaint escalate {id} --to 姓名 --reason 理由）"),
    m("instruct-not-leader", "{name} may not give the instruction on {id}: it went to {to}; instructions are for {to} or {roles} ({holders})", "{name} 无权对 {id} 作出批示：该案已上报 {to}；批示须由 {to} 或{roles}（{holders}）作出"),
    m("escalation-recorded", "{id}: escalated to {to}", "{id}：已上报 {to}"),
    m("escalation-recorded-due", "{id}: escalated to {to}; instruction due {due}", "{id}：已上报 {to}，批示期限 {due}"),
    m("instruction-recorded", "{id}: instruction by {name} recorded", "{id}：已记录 {name} 的批示"),
    m("leadership-text-too-long", "the text is longer than {kib} KiB; attach long material with plaint attach", "文字超过 {kib} KiB；较长的材料请用 plaint attach 附上"),
    m("policy-doc-leadership", "Roles, escalation and repeats", "权限、上报与重复投诉"),
    m("policy-doc-permission", "{act}: {roles}", "{act}：{roles}"),
    m("policy-doc-no-permissions", "no act is reserved to a role (policy.permissions in plaint.yaml)", "未规定须由特定角色办理的事项（plaint.yaml 的 policy.permissions）"),
    m("policy-doc-escalate-to", "escalated to: {roles}; basis: {basis}", "上报对象：{roles}；依据：{basis}"),
    m("policy-doc-instruction-days", "leader's instruction due within {days} working day(s) of the escalation (deadline rule instruction)", "领导应在上报后 {days} 个工作日内批示（期限规则 instruction）"),
    m("policy-doc-instruction-none", "no time limit for the leader's instruction (policy.escalation.instruction_workdays)", "未设领导批示时限（policy.escalation.instruction_workdays）"),
    m("policy-doc-route", "routed (派单) to {to}: {why}", "派单至 {to}：{why}"),
    m("show-escalation-waiting", "Escalated to {to} on {at} by {by}: waiting for the instruction", "已于 {at} 由 {by} 上报 {to}，待批示"),
    m("show-escalation-answered", "Escalated to {to} on {at} by {by}: instruction given", "已于 {at} 由 {by} 上报 {to}，已批示"),
    m("summary-escalated", "Escalated to leadership", "上报领导"),
    m("summary-awaiting-instruction", "Escalated, waiting for the instruction", "上报待批示"),
    m("report-escalation", "Escalation to leadership", "上报领导"),
    m("report-measure-escalation", "Cases", "案件"),
    m("report-escalated", "Escalated to leadership", "上报领导"),
    m("report-awaiting-instruction", "Still waiting for the instruction", "尚待批示"),
    m("agenda-escalations", "Escalations waiting for an instruction", "上报待批示"),
    m("col-escalated", "Escalated", "上报日期"),
    m("col-to", "Leader", "上报领导"),
    m("policy-repeat-days", "`repeat.within_days`: {days} is not a number of days from 0 to 36600", "`repeat.within_days`：{days} 不是 0 至 36600 之间的天数"),
    m("repeat-why-phone", "{id}: the same phone, {value}", "{id}：电话相同（{value}）"),
    m("repeat-why-email", "{id}: the same e-mail, {value}", "{id}：电子邮箱相同（{value}）"),
    m("repeat-why-name", "{id}: the same complainant about the same respondent, {value}", "{id}：同一投诉人投诉同一被投诉人（{value}）"),
    m("repeat-field-phone", "phone", "电话"),
    m("repeat-field-email", "e-mail", "电子邮箱"),
    m("repeat-field-name-respondent", "name and respondent", "姓名及被投诉人"),
    m("policy-doc-repeat", "repeat complaint: an earlier case with the same {fields} (policy.repeat)", "重复投诉：此前有案件的{fields}相同（policy.repeat）"),
    m("policy-doc-repeat-within", "repeat complaint: an earlier case with the same {fields}, received within {days} days (policy.repeat)", "重复投诉：{days} 天内有案件的{fields}相同（policy.repeat）"),
    m("unknown-duty", "'{name}' is not an act that can be approved; acts: {known}", "「{name}」不是可批准的事项；可用：{known}"),
    // Appraisal and testing (鉴定、检测; tourism art. 22).
    m("appraisal-kind-appraisal", "appraisal", "鉴定"),
    m("appraisal-kind-testing", "testing", "检测"),
    m("appraisal-chosen-agreed", "a body both parties agreed on", "双方约定的机构"),
    m("appraisal-chosen-statutory", "a statutory body one party applied to", "一方申请的法定机构"),
    m("party-complainant", "complainant", "投诉人"),
    m("party-respondent", "respondent", "被投诉人"),
    m("party-both", "both parties", "双方"),
    m("payer-agreed", "as agreed", "按双方约定"),
    m("payer-mediation", "as the mediation agreement says", "按调解协议"),
    m("appraisal-cost-agreed", "the cost is borne as the parties agreed", "费用按双方约定承担"),
    m("appraisal-cost-advanced", "the cost is advanced by the {payer}", "费用由{payer}先行承担"),
    m("appraisal-cost-advanced-agreed", "the cost is advanced as the parties agreed", "费用按双方约定先行承担"),
    m("appraisal-cost-borne-mediation", "and borne as the mediation agreement says once one is reached", "达成调解协议后按调解协议承担"),
    m("appraisal-cost-borne-agreed", "and borne as the parties agreed", "最终按双方约定承担"),
    m("appraisal-cost-borne-by", "and borne by the {payer}", "最终由{payer}承担"),
    m("appraisal-cost-joined", "{advanced} {borne}", "{advanced}，{borne}"),
    m("appraisal-fee", "; fee {fee} yuan", "；费用 {fee} 元"),
    m("event-appraisal-started", "{kind} no. {number} begun: {matter}; by {body} ({chosen}{applicant}); {cost}", "启动第 {number} 项{kind}：{matter}；{kind}机构：{body}（{chosen}{applicant}）；{cost}"),
    m("appraisal-applied-by", ", applied for by the {party}", "，由{party}申请"),
    m("event-appraisal-result", "result of appraisal or testing no. {number}: {result}{fee}", "第 {number} 项鉴定、检测结果：{result}{fee}"),
    m("appraisal-recorded", "{id}: {kind} no. {number} begun by {body}; {cost}", "{id}：已启动第 {number} 项{kind}，{kind}机构：{body}；{cost}"),
    m("appraisal-result-recorded", "{id}: result of {kind} no. {number} recorded", "{id}：已记录第 {number} 项{kind}结果"),
    m("appraisal-not-in-policy", "this workspace's policy has no appraisal or testing step (the tourism preset has it, after art. 22 of the tourism complaint measures; a workspace sets policy.appraisal_source to the article that provides for it)", "本工作区的规则没有鉴定、检测程序（旅游投诉预设依《旅游投诉处理办法》第二十二条设有此程序；其他工作区可将 policy.appraisal_source 设为规定此程序的条款）"),
    m("appraisal-final", "{id} is {state}: an appraisal is neither begun nor answered on a case that has left the workflow", "{id} 现为{state}，已不在办理中，不能启动鉴定、检测或记录其结果"),
    m("appraisal-before-acceptance", "{id} is {state}: an appraisal or test is part of handling an accepted complaint; accept it first", "{id} 现为{state}，尚未受理：鉴定、检测是受理后处理中的程序，请先受理"),
    m("appraisal-empty", "--{flag} must not be empty", "--{flag} 不能为空"),
    m("appraisal-bad-value", "--{flag}: '{value}' is not one of: {choices}", "--{flag}：「{value}」不是可选值，可选：{choices}"),
    m("appraisal-advanced-by-mediation", "--cost-advanced-by: a cost is advanced by a party or as the parties agreed; the mediation agreement only says who finally bears it (--cost-borne-by mediation)", "--cost-advanced-by：费用只能由一方当事人或按双方约定先行承担；调解协议只决定最终由谁承担（--cost-borne-by 按调解协议）"),
    m("appraisal-none-open", "{id} has no appraisal or testing waiting for its result; begin one with `plaint appraise {id} --matter TEXT --body NAME --agreed` (or --applied-by PARTY)", "{id} 没有等待结果的鉴定、检测；请先用 `plaint appraise {id} --matter 事项 --body 机构 --agreed`（或 --applied-by 申请方）启动"),
    m("appraisal-which", "{id} has {n} appraisals waiting for their results (no. {numbers}); say which with --number", "{id} 有 {n} 项鉴定、检测等待结果（第 {numbers} 项），请用 --number 指明"),
    m("appraisal-not-waiting", "{id} has no appraisal no. {number} waiting for its result (waiting: {numbers})", "{id} 没有等待结果的第 {number} 项鉴定、检测（等待结果的：{numbers}）"),
    m("appraisal-none", "none", "无"),
    m("appraisal-result-before-start", "the result of appraisal no. {number} cannot come at {at}, before it began ({began})", "第 {number} 项鉴定、检测于 {began} 启动，结果时间不能早于启动时间（{at}）"),
    m("show-appraisals", "Appraisal and testing{source}:", "鉴定、检测{source}："),
    m("show-appraisal-line", "no. {number} {kind}, begun {date}: {matter}", "第 {number} 项{kind}（{date} 启动）：{matter}"),
    m("show-appraisal-body", "{body} ({chosen}{applicant})", "{body}（{chosen}{applicant}）"),
    m("show-appraisal-result", "result {date}: {result}{fee}", "结果（{date}）：{result}{fee}"),
    m("show-appraisal-waiting", "waiting for the result", "等待结果"),
    m("explain-appraisal-pauses", "{kind} no. {number} from {from} to {until} pauses this rule, by the workspace's decision (policy.appraisal_pauses): the period is extended by {adds}", "第 {number} 项{kind}自 {from} 至 {until}，依本工作区规定（policy.appraisal_pauses）暂停计算：期限顺延 {adds}"),
    m("explain-appraisal-runs", "{kind} no. {number} begun {date} does not pause this rule: {source} says nothing of the time limit while a matter is appraised (a workspace that decides otherwise sets policy.appraisal_pauses: [{rule}])", "第 {number} 项{kind}（{date} 启动）不暂停本期限：{source}未规定鉴定、检测期间不计入处理期限（如本单位另有规定，可设置 policy.appraisal_pauses: [{rule}]）"),
    m("pause-line-appraisal", "paused ({kind} no. {number}) {from} to {until}: +{adds}", "暂停（第 {number} 项{kind}）{from} 至 {until}：+{adds}"),
    m("policy-appraisal-pauses-no-step", "`appraisal_pauses` needs an `appraisal_source` (the policy has no appraisal step)", "`appraisal_pauses` 需要设置 `appraisal_source`（规则中没有鉴定、检测程序）"),
    m("policy-appraisal-pauses-unknown-rule", "`appraisal_pauses` names '{name}', which is not a deadline rule", "`appraisal_pauses` 中的「{name}」不是期限规则"),
    m("check-appraisal-orphan", "event #{n} (appraisal-result, {at}) answers appraisal no. {number}, which was never begun", "第 {n} 条记录（鉴定、检测结果，{at}）对应的第 {number} 项鉴定、检测从未启动"),
    m("check-appraisal-open", "{kind} no. {number}, begun {date}, has no result, and the case is {state}", "第 {number} 项{kind}（{date} 启动）尚无结果，而案件现为{state}"),
    m("check-appraisal-twice", "appraisal no. {number} was begun twice (on {first} and {second}), as when two clones merge; the second one's result is recorded against the first", "第 {number} 项鉴定、检测启动了两次（{first}、{second}），可能是两份副本合并所致；结果将记在第一次名下"),
    // Help and usage errors of the command line in Chinese (src/cli/help_zh.rs):
    // clap's own words, and its errors told from their kind and context.
    m("help-flag", "Print help", "显示帮助"),
    m("help-flag-more", "Print help (see more with '--help')", "显示帮助（--help 显示详细说明）"),
    m("help-flag-summary", "Print help (see a summary with '-h')", "显示帮助（-h 只显示摘要）"),
    m("version-flag", "Print version", "显示版本"),
    m("help-command", "Print this message or the help of the given subcommand(s)", "显示本帮助，或指定命令的帮助"),
    m("help-default", "[default: {value}]", "[默认：{value}]"),
    m("help-possible", "[possible values: {values}]", "[可选值：{values}]"),
    m("help-env", "[env: {name}]", "[环境变量：{name}]"),
    m("help-values", "Possible values:", "可选值："),
    m("help-command-arg", "Print help for the subcommand(s)", "显示指定命令的帮助"),
    m("usage-more", "For more information, try '--help'.", "更多说明请加 --help 查看。"),
    m("usage-missing-arg", "the following required arguments were not provided: {arg}", "缺少必需的参数：{arg}"),
    m("usage-unknown-arg", "unexpected argument '{arg}' found", "无法识别的参数「{arg}」"),
    m("usage-value-missing", "a value is required for '{arg}' but none was supplied", "「{arg}」需要一个值，但没有给出"),
    m("usage-invalid-value-of", "invalid value '{value}' for '{arg}'; possible values: {valid}", "「{value}」不是「{arg}」的有效取值；可选值：{valid}"),
    m("usage-invalid-value", "invalid value '{value}' for '{arg}'", "「{value}」不是「{arg}」的有效取值"),
    m("usage-unknown-command", "unrecognized subcommand '{command}'", "没有「{command}」这个命令"),
    m("usage-missing-command", "'{command}' requires a subcommand but one was not provided", "「{command}」后面还需要写明子命令"),
    m("usage-missing-command-of", "'{command}' requires a subcommand: {commands}", "「{command}」后面还需要写明子命令：{commands}"),
    m("usage-unexpected-value", "unexpected value '{value}' for '{arg}' found; no more were expected", "多余的值「{value}」：「{arg}」不再需要值"),
    m("usage-too-few-values", "{min} values required by '{arg}'; only {given} provided", "「{arg}」至少需要 {min} 个值，只给出了 {given} 个"),
    m("usage-wrong-number-of-values", "{expected} values required for '{arg}' but {given} provided", "「{arg}」需要 {expected} 个值，给出了 {given} 个"),
    m("usage-no-equals", "equal sign is needed when assigning values to '{arg}'", "为「{arg}」赋值时需要用等号（=）"),
    m("usage-conflict", "the argument '{arg}' cannot be used with {other}", "参数「{arg}」不能与{other}同时使用"),
    m("usage-conflict-others", "the argument '{arg}' cannot be used with one or more of the other specified arguments", "参数「{arg}」不能与已给出的其他参数同时使用"),
    m("usage-not-utf8", "invalid UTF-8 was detected in one or more arguments", "命令行参数中有无效的 UTF-8 文本"),
    m("usage-wrong", "the command line is not valid", "命令行用法有误"),
    m("usage-tip-command", "tip: a similar subcommand exists: {command}", "提示：有相近的命令{command}"),
    m("usage-tip-arg", "tip: a similar argument exists: {arg}", "提示：有相近的参数{arg}"),
    m("usage-tip-value", "tip: a similar value exists: {value}", "提示：有相近的取值{value}"),
    m("usage-tip-as-value", "tip: to pass '{arg}' as a value, use '{line}'", "提示：如要把「{arg}」作为值传入，请写成「{line}」"),
    m("usage-tip-no-separator", "tip: subcommand '{command}' exists; to use it, remove the '--' before it", "提示：有「{command}」这个命令；如要使用，请去掉它前面的「--」"),
];

/// The language of the workspace this process works in, once it is known.
static CURRENT: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

/// Sets the language this process speaks in: the workspace's, set once
/// when the workspace is opened (as a locale is set once in a program).
/// Messages made where no policy is at hand (dates, limits, the lock)
/// follow it; until it is set they are English.
pub fn set_language(lang: Language) {
    let _ = CURRENT.set(lang);
}

/// The language set by [`set_language`], or English.
pub fn language() -> Language {
    CURRENT.get().copied().unwrap_or_default()
}

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
pub fn fill(lang: Language, id: &str, args: &[(&str, &dyn said::Show)]) -> String {
    let template = text(lang, id);
    if template == "{?}" {
        return id.to_string();
    }
    fill_text(lang, template, args)
}

/// Fills the `{name}` placeholders of `template` in one pass over it: a
/// value is copied as it is, never scanned again, so user text holding
/// `{known}` prints as typed. A placeholder with no value stays as written.
fn fill_text(lang: Language, template: &str, args: &[(&str, &dyn said::Show)]) -> String {
    said::fill_placeholders(template, |name| {
        args.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.show(lang))
    })
}

/// A case field as a person reads it: its name in English, its label in
/// Chinese (`findings` → `调查结论`); a field the catalogue does not
/// name keeps its name.
pub fn field_label(lang: Language, field: &str) -> String {
    if lang == Language::En {
        return field.to_string();
    }
    let id = format!("field-{field}");
    match fill(lang, &id, &[]) {
        unknown if unknown == id => field.to_string(),
        label => label,
    }
}

/// A built-in preset as a sentence names it: `tourism` in English,
/// `旅游投诉预设（tourism）` in Chinese; a name the catalogue does not know
/// stays as it is.
pub fn preset_name(preset: &str) -> said::Arg {
    let id = format!("preset-{preset}");
    match MESSAGES.iter().find(|m| m.id == id) {
        Some(m) => said::Arg::each(m.en, m.zh),
        None => said::Arg::each(preset, format!("{preset} 预设")),
    }
}

/// Items of a list as a sentence in `lang` writes them: `a, b` or `甲、乙`.
pub fn join<S: AsRef<str>>(lang: Language, items: &[S]) -> String {
    let separator = text(lang, "list-comma");
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A message of the catalogue in a language:
/// `msg!(lang, "case-now", id = id, state = label)`.
#[macro_export]
macro_rules! msg {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::fill(
            $lang,
            $id,
            &[$((stringify!($name), &$value as &dyn $crate::messages::said::Show)),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn a_value_is_never_read_as_a_placeholder() {
        let known = "noise, shopping";
        let filled = fill_text(
            Language::En,
            "unknown category {value}; known: {known}",
            &[("value", &"{known}"), ("known", &known)],
        );
        assert_eq!(filled, "unknown category {known}; known: noise, shopping");
        assert_eq!(
            fill_text(Language::En, "{a}{b}{", &[("a", &"{b}"), ("b", &1)]),
            "{b}1{"
        );
        assert_eq!(
            fill_text(Language::En, "{missing} stays", &[]),
            "{missing} stays"
        );
    }

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
                // Calls of `msg!`, `said!` and of `text` (not of `io_text`
                // or `fill_text`): their first string is a message id.
                let calls = source
                    .match_indices("msg!(")
                    .chain(source.match_indices("said!("))
                    .chain(source.match_indices("text(").filter(|(i, _)| {
                        source[..*i]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                    }));
                for (i, found) in calls {
                    let Some(start) = source[i..].find('"') else {
                        continue;
                    };
                    if source[i + found.len()..i + start].contains([')', ';']) {
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
    fn chinese_wording_is_checked_without_the_cli() {
        // The note `follow_history` writes into a case's history.
        let changes = join(
            Language::Zh,
            &["状态 accepted -> handling", "承办人 （无） -> 王芳"],
        );
        assert_eq!(
            crate::msg!(Language::Zh, "note-history-followed", changes = changes),
            "依处理记录更正：状态 accepted -> handling、承办人 （无） -> 王芳"
        );
        assert_eq!(
            crate::msg!(
                Language::En,
                "note-history-followed",
                changes = "status accepted -> handling"
            ),
            "followed the history: status accepted -> handling"
        );
        // A label of `plaint policy` and `report`, once an inline pair.
        let target = crate::policy::rules::RuleKind::OfficeTarget;
        assert_eq!(target.label(Language::Zh), "内部目标");
        assert_eq!(target.label(Language::En), "office target");
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
