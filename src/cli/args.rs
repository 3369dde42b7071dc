//! Every command-line argument of plaint. The doc comments are the help text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::paperwork::notice::Format as NoticeFormat;
use crate::reports::period::Period;
use crate::reports::report::By;

/// plaint: complaint cases as YAML files, with statutory working-day deadlines.
///
/// Each complaint is one readable YAML file in a workspace folder. The
/// workspace is `-C DIR`, else $PLAINT_WORKSPACE, else the nearest parent
/// folder holding plaint.yaml, else a default workspace in your data folder.
#[derive(Debug, Parser)]
#[command(name = "plaint", version, max_term_width = 100)]
pub struct Cli {
    /// The workspace folder (`report` takes several: one report of all their offices).
    #[arg(
        short = 'C',
        long = "workspace",
        global = true,
        value_name = "DIR",
        action = clap::ArgAction::Append
    )]
    pub workspaces: Vec<PathBuf>,
    /// Print one JSON document on stdout (errors as JSON on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    /// The acting officer (else $PLAINT_USER, the settings, git's user.name, the login name).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub acting: Option<String>,
    /// Evaluate deadlines and reports as of this day (YYYY-MM-DD).
    #[arg(long, global = true, env = "PLAINT_TODAY", value_name = "DATE", value_parser = today_arg)]
    pub today: Option<NaiveDate>,
    /// Seconds to wait for another plaint command holding the workspace lock (default 10).
    #[arg(
        long,
        global = true,
        env = "PLAINT_LOCK_TIMEOUT",
        value_name = "SECS",
        value_parser = lock_timeout_arg
    )]
    pub lock_timeout: Option<LockTimeout>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace (plaint.yaml, .gitignore, .gitattributes).
    Init(InitArgs),
    /// Register a complaint from flags or a YAML/JSON document; prints the new ID.
    #[command(visible_alias = "new")]
    Register(Box<RegisterArgs>),
    /// Show a case, its deadlines and its history.
    Show(ShowArgs),
    /// List cases, with filters.
    List(ListArgs),
    /// Assign a case to an officer.
    Assign(AssignArgs),
    /// Move a case to another workflow state.
    ///
    /// States, reasons and outcomes are codes of the workspace's policy, typed
    /// as the code or either label; `plaint policy` lists them.
    Advance(AdvanceArgs),
    /// Append a note to a case.
    Note(NoteArgs),
    /// Edit a case file in $EDITOR; an invalid result is refused.
    Edit(EditArgs),
    /// Write the demands, the facts, what the investigation found, the agreement, or the measures.
    Set(SetArgs),
    /// Record a milestone the deadline rules wait for (e.g. respondent-notified).
    ///
    /// Milestones are codes of the workspace's policy, typed as the code or
    /// either label; `plaint policy` lists them.
    Mark(MarkArgs),
    /// Extend a deadline, with a reason (only where its source allows it).
    Extend(ExtendArgs),
    /// Record a reply date promised to the complainant; tracked like a deadline.
    Promise(PromiseArgs),
    /// Record the consent of all complainants of a joint complaint to a settlement, withdrawal or change.
    Consent(ConsentArgs),
    /// Print the workspace's effective policy: workflow, codes and deadline rules with their sources.
    Policy(PolicyArgs),
    /// Explain how a due date was reached, day by day.
    Explain(ExplainArgs),
    /// Working-day arithmetic and the holiday calendar.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Record the follow-up call after resolution and the complainant's satisfaction.
    Followup(FollowupArgs),
    /// Counts, overdue and due-soon deadlines, times to decision and close, satisfaction.
    Summary(SummaryArgs),
    /// The officer's day: overdue, due today, due soon, promised replies, follow-up calls.
    ///
    /// Exit status: 0 when nothing is due, 1 when something is due or
    /// overdue (or a case file cannot be read), 2 for a usage error such as
    /// a `--for` that names nobody. `--ics` writes an iCalendar feed of
    /// every open deadline instead, and exits 0.
    Agenda(AgendaArgs),
    /// The quarterly publication report for cases received in a period.
    Report(ReportArgs),
    /// Validate every file of the workspace; exit 3 when anything is wrong.
    Check(CheckArgs),
    /// Register plaint as this clone's git merge driver for case files.
    GitSetup(GitSetupArgs),
    /// Merge three versions of a case file (git's merge driver: %O %A %B).
    MergeFile(MergeFileArgs),
    /// Verify a push in a server's git hook: refuse one that removes or alters recorded history.
    ///
    /// Exit status: 0 the push may go in; 3 it is refused (one line per
    /// problem, naming the file and the event); 1 the repository or a
    /// commit cannot be read.
    VerifyPush(VerifyPushArgs),
    /// Import a batch of cases (CSV, JSON, JSONL, YAML): all or nothing, idempotent.
    Import(ImportArgs),
    /// Export cases as JSON, JSONL, CSV or YAML (the input formats of import).
    Export(ExportArgs),
    /// Print a shell completion script (every shell completes case IDs and the workspace's codes too).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `plaint man | man -l -`; `--out DIR` writes one a subcommand.
    Man(ManArgs),
    /// Print the codes a shell completes from the workspace policy (the completion scripts call it).
    #[command(hide = true)]
    Complete(CompleteArgs),
    /// Issue a written notice from a template: numbered, stored, recorded.
    Notice(NoticeArgs),
    /// Attach evidence files to a case (copied into attachments/, hashed).
    Attach(AttachArgs),
    /// Detach an attachment: a recorded event, the file leaves the working tree.
    Detach(DetachArgs),
    /// Export a case's dossier (or a period's): HTML pages, notices, attachments.
    Dossier(DossierArgs),
    /// Mark an issued notice superseded by another issuance (the document stays).
    Supersede(SupersedeArgs),
    /// Void a case registered by mistake: the file and its history stay, the case counts nowhere.
    ///
    /// A void case leaves every figure (summary, report, agenda, alarms)
    /// and the default lists; `plaint list --all` and `plaint show` still
    /// show it. A case with issued notices needs --force: a notice handed
    /// to a party is not undone by voiding the case.
    Void(VoidArgs),
    /// Approve an act reserved to a role (accept, refuse, extend, close-important, decide) for the next time it is done.
    Approve(ApproveArgs),
    /// Escalate a case to leadership (上报): to whom and why; the leader's instruction is then due.
    Escalate(EscalateArgs),
    /// Record a leader's instruction (督办, 批示) on an escalated case.
    Instruct(InstructArgs),
    /// Begin an appraisal or test of a special matter (鉴定、检测), or record its result.
    ///
    /// Begin: --matter, --body, and --agreed (a body both parties agreed
    /// on) or --applied-by PARTY (a statutory body one party applied to).
    /// Without --cost-advanced-by/--cost-borne-by the cost follows the
    /// article: as agreed, or else advanced by the applicant and borne as
    /// the mediation agreement says. Result: --result TEXT [--fee YUAN]
    /// [--number N]. Only where the policy provides for it (tourism, art. 22).
    Appraise(AppraiseArgs),
}

impl Cli {
    /// The one workspace `-C` names, if any: the last one given (only
    /// `report` reads several, and it asks for them itself).
    pub fn workspace(&self) -> Option<&std::path::Path> {
        self.workspaces.last().map(PathBuf::as_path)
    }
}

impl Command {
    /// Whether the command records anything in a workspace: only such a
    /// command may create the default workspace, and each says when it
    /// writes there.
    pub fn writes(&self) -> bool {
        match self {
            Command::Register(_)
            | Command::Assign(_)
            | Command::Advance(_)
            | Command::Note(_)
            | Command::Edit(_)
            | Command::Set(_)
            | Command::Mark(_)
            | Command::Extend(_)
            | Command::Promise(_)
            | Command::Consent(_)
            | Command::Followup(_)
            | Command::Import(_)
            | Command::Attach(_)
            | Command::Detach(_)
            | Command::Supersede(_)
            | Command::Void(_)
            | Command::Approve(_)
            | Command::Escalate(_)
            | Command::Instruct(_)
            | Command::Appraise(_) => true,
            Command::Notice(args) => !args.draft,
            Command::Calendar(command) => matches!(command, CalendarCommand::Import(_)),
            Command::Init(_)
            | Command::Show(_)
            | Command::List(_)
            | Command::Policy(_)
            | Command::Explain(_)
            | Command::Summary(_)
            | Command::Agenda(_)
            | Command::Report(_)
            | Command::Check(_)
            | Command::GitSetup(_)
            | Command::MergeFile(_)
            | Command::VerifyPush(_)
            | Command::Export(_)
            | Command::Completions(_)
            | Command::Complete(_)
            | Command::Man(_)
            | Command::Dossier(_) => false,
        }
    }
}

/// Arguments of `void`.
#[derive(Debug, Args)]
pub struct VoidArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// Why the registration was a mistake (e.g. "重复登记，同 20261129-K7QF2").
    #[arg(long)]
    pub reason: String,
    /// Void it though notices were issued (they stay in the record; the event says so).
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `approve`.
#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The act approved: accept, refuse, extend, close-important or decide (or its label, e.g. 批准延期).
    pub act: String,
    /// A note recorded with the approval.
    #[arg(long)]
    pub note: Option<String>,
}

/// Arguments of `escalate`.
#[derive(Debug, Args)]
pub struct EscalateArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The leader the case goes to (e.g. 张院长).
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// Why it goes to leadership (e.g. "护理部无法解决").
    #[arg(long)]
    pub reason: String,
}

/// Arguments of `appraise`.
#[derive(Debug, Args)]
pub struct AppraiseArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The special matter to appraise or test (e.g. "酒店房间甲醛含量").
    #[arg(long, required_unless_present = "result", conflicts_with = "result")]
    pub matter: Option<String>,
    /// The body that appraises or tests (e.g. "市产品质量检验所").
    #[arg(long, required_unless_present = "result", conflicts_with = "result")]
    pub body: Option<String>,
    /// The body was agreed on by both parties (双方约定).
    #[arg(long, conflicts_with_all = ["applied_by", "result"])]
    pub agreed: bool,
    /// No agreement: this party applied to a statutory body (complainant, respondent, both; 投诉人, 被投诉人, 双方).
    #[arg(long, value_name = "PARTY", required_unless_present_any = ["agreed", "result"], conflicts_with = "result")]
    pub applied_by: Option<String>,
    /// appraisal (鉴定, the default) or testing (检测).
    #[arg(long, conflicts_with = "result")]
    pub kind: Option<String>,
    /// Who advances the cost (先行承担): complainant, respondent, both, agreed.
    #[arg(long, value_name = "WHO", conflicts_with = "result")]
    pub cost_advanced_by: Option<String>,
    /// Who bears the cost: agreed, mediation (as the mediation agreement says), complainant, respondent, both.
    #[arg(long, value_name = "WHO", conflicts_with = "result")]
    pub cost_borne_by: Option<String>,
    /// Record the result of an appraisal: what the body found.
    #[arg(long)]
    pub result: Option<String>,
    /// The fee charged, in yuan (with --result).
    #[arg(long, value_name = "YUAN", requires = "result")]
    pub fee: Option<String>,
    /// Which appraisal the result answers (with --result; default: the only one waiting).
    #[arg(long, requires = "result")]
    pub number: Option<u32>,
    /// When it happened, if not now.
    #[arg(long)]
    pub at: Option<String>,
    /// A note recorded with it.
    #[arg(long)]
    pub note: Option<String>,
}

/// Arguments of `instruct`.
#[derive(Debug, Args)]
pub struct InstructArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The instruction's text.
    #[arg(long)]
    pub text: String,
}

/// Arguments of `supersede`.
#[derive(Debug, Args)]
pub struct SupersedeArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The document number of the notice that was replaced, as `plaint show` prints it.
    pub number: String,
    /// Which of two notices recorded under one number: a SHA-256 prefix (6+ characters).
    #[arg(long, value_name = "PREFIX")]
    pub sha256: Option<String>,
    /// Why it was replaced.
    #[arg(long)]
    pub reason: String,
}

/// Arguments of `dossier`.
#[derive(Debug, Args)]
pub struct DossierArgs {
    /// The case ID, or a unique prefix or suffix of it.
    #[arg(required_unless_present = "period", conflicts_with = "period")]
    pub id: Option<String>,
    /// Every case received in a period instead: 2026-Q3, 2026-07, 2026, or A..B.
    #[arg(long, value_parser = period_arg)]
    pub period: Option<Period>,
    /// The folder to write, or a file ending in .zip.
    #[arg(long, value_name = "DIR|FILE.zip")]
    pub out: PathBuf,
    /// Write even when --out exists.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `notice`.
#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The notice kind of the preset (e.g. acceptance, refusal, respondent-notice).
    pub kind: String,
    /// The addressee: complainant, respondent, or the name of a body.
    #[arg(long, value_name = "WHO")]
    pub to: Option<String>,
    /// The document format: html (printable page) or md.
    #[arg(long, default_value = "html", value_parser = notice_format_arg)]
    pub format: NoticeFormat,
    /// Also write the document to FILE (instead of printing it).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Overwrite an existing --out file.
    #[arg(long)]
    pub force: bool,
    /// The day the notice was served; records the milestone it starts (e.g. respondent-notified).
    #[arg(long, value_name = "DATE")]
    pub served: Option<String>,
    /// Render only: nothing is numbered, stored or recorded.
    #[arg(long)]
    pub draft: bool,
    /// What the document asks or decides, for this issuance (the matters an investigation-request asks about; what a deposit-decision decides).
    #[arg(long, value_name = "TEXT")]
    pub matter: Option<String>,
    /// Show the issued document on a terminal too, as readable text (piped, the document itself is printed).
    #[arg(long)]
    pub print: bool,
}

/// Arguments of `attach`.
#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The files to attach.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// A note recorded with each file.
    #[arg(long)]
    pub note: Option<String>,
}

/// Arguments of `detach`.
#[derive(Debug, Args)]
pub struct DetachArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The attachment: its original name, stored file, or a hash prefix (6+ characters).
    pub attachment: String,
    /// Why it leaves the case file.
    #[arg(long)]
    pub reason: String,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of the hidden `complete`.
#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// What to list, one code a line.
    #[arg(value_parser = ["states", "channels", "categories", "reasons", "outcomes", "kinds", "rules"])]
    pub what: String,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write every page (plaint.1 and one a subcommand, plaint-init.1 …) into this folder instead.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Arguments of `mark`.
#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The milestone (see `plaint.yaml`'s policy, e.g. respondent-notified);
    /// `served`: the one the case's latest notice starts when delivered.
    pub milestone: String,
    /// When it happened, if not now.
    #[arg(long)]
    pub at: Option<String>,
    /// A note recorded with it.
    #[arg(long)]
    pub note: Option<String>,
}

/// Arguments of `extend`.
#[derive(Debug, Args)]
pub struct ExtendArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The deadline rule to extend.
    pub rule: String,
    /// How much to add (a positive number).
    #[arg(long, allow_hyphen_values = true, value_parser = extension_arg)]
    pub by: i64,
    /// The unit of --by (default: working days for working-day rules, else days).
    #[arg(long, value_enum)]
    pub unit: Option<ExtendUnit>,
    /// Why the deadline is extended (recorded in the history).
    #[arg(long)]
    pub reason: String,
    /// Extend a limit whose source allows no extension (an override that reports count), or record the extension though the deadline has passed (the history says it was late).
    #[arg(long)]
    pub force: bool,
    /// Who approved the extension, where plaint.yaml reserves it to a role the acting officer does not hold (recorded as its own event).
    #[arg(long, value_name = "NAME")]
    pub approved_by: Option<String>,
}

/// Arguments of `promise`.
#[derive(Debug, Args)]
pub struct PromiseArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The day the complainant was promised a reply by (YYYY-MM-DD).
    #[arg(value_parser = promised_date_arg)]
    pub date: NaiveDate,
    /// What was promised.
    #[arg(long)]
    pub note: Option<String>,
}

/// Arguments of `consent`.
#[derive(Debug, Args)]
pub struct ConsentArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// How all complainants consented, e.g. "全体投诉人书面同意 2026-11-20".
    pub text: String,
}

/// Arguments of `policy`.
#[derive(Debug, Args)]
pub struct PolicyArgs {}

/// Units of an extension.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExtendUnit {
    /// Working days of the workspace calendar.
    Workdays,
    /// Calendar days.
    Days,
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The deadline rule.
    pub rule: String,
}

/// Subcommands of `calendar`.
#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Print the date N working days after DATE (N = 0: DATE or the next working day; N < 0: before).
    Add(CalendarAddArgs),
    /// Print the number of working days after A up to and including B.
    Between(CalendarBetweenArgs),
    /// List the holidays and make-up working days of a year.
    Show(CalendarShowArgs),
    /// Print whether DATE is a working day, and why.
    IsWorkday(CalendarDayArgs),
    /// Add a year's holidays and make-up working days to the workspace calendar, from a table (date,kind,name) or a holiday-cn JSON file.
    Import(CalendarImportArgs),
}

/// Arguments of `calendar import`.
#[derive(Debug, Args)]
pub struct CalendarImportArgs {
    /// The schedule: a CSV table `date,kind,name` (kind: holiday/休 or workday/班) or holiday-cn's `YEAR.json`.
    pub file: PathBuf,
}

/// Arguments of `calendar add`.
#[derive(Debug, Args)]
pub struct CalendarAddArgs {
    /// The start date (never counted itself).
    #[arg(value_parser = date_arg)]
    pub date: NaiveDate,
    /// How many working days to add.
    #[arg(allow_hyphen_values = true, value_parser = workdays_arg)]
    pub n: i64,
    /// Use this calendar instead of the workspace's.
    #[arg(long)]
    pub calendar: Option<String>,
}

/// Arguments of `calendar between`.
#[derive(Debug, Args)]
pub struct CalendarBetweenArgs {
    /// The first date (not counted).
    #[arg(value_parser = date_arg)]
    pub a: NaiveDate,
    /// The last date (counted).
    #[arg(value_parser = date_arg)]
    pub b: NaiveDate,
    /// Use this calendar instead of the workspace's.
    #[arg(long)]
    pub calendar: Option<String>,
}

/// Arguments of `calendar show`.
#[derive(Debug, Args)]
pub struct CalendarShowArgs {
    /// The year (default: the current one).
    #[arg(value_parser = year_arg)]
    pub year: Option<i32>,
    /// Use this calendar instead of the workspace's.
    #[arg(long)]
    pub calendar: Option<String>,
}

/// Arguments of `calendar is-workday`.
#[derive(Debug, Args)]
pub struct CalendarDayArgs {
    /// The date.
    #[arg(value_parser = date_arg)]
    pub date: NaiveDate,
    /// Use this calendar instead of the workspace's.
    #[arg(long)]
    pub calendar: Option<String>,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make a workspace (default: the current folder).
    pub dir: Option<PathBuf>,
    /// The policy preset.
    #[arg(long, default_value = "generic", value_parser = ["tourism", "hospital", "procurement", "generic"])]
    pub preset: String,
    /// The working-day calendar: cn, weekends, or a calendar file (copied into calendars/).
    #[arg(long, default_value = "cn")]
    pub calendar: String,
    /// The language of labels and messages, --json messages too (default: zh when $LANG is Chinese, else en).
    #[arg(long, value_enum)]
    pub language: Option<LanguageArg>,
    /// The office's UTC offset.
    #[arg(long, default_value = "+08:00", allow_hyphen_values = true)]
    pub timezone: String,
}

/// Label language.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LanguageArg {
    /// English.
    En,
    /// Chinese.
    Zh,
}

/// Arguments of `register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Read the case from a YAML or JSON document ('-' for stdin); flags override its fields.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// A one-line summary.
    #[arg(long)]
    pub title: Option<String>,
    /// A complainant's name (repeat for a joint complaint).
    #[arg(long, value_name = "NAME")]
    pub complainant: Vec<String>,
    /// The phone of the complainant given at the same position.
    #[arg(long)]
    pub phone: Vec<String>,
    /// The e-mail of the complainant given at the same position.
    #[arg(long)]
    pub email: Vec<String>,
    /// A representative of a joint complaint: a complainant's name, or its
    /// position among the complainants from 0 (repeatable).
    #[arg(long, value_name = "NAME|N")]
    pub representative: Vec<String>,
    /// The address of the first complainant.
    #[arg(long)]
    pub address: Option<String>,
    /// The respondent's name (a case has one respondent; name the departments complained about with --department).
    #[arg(long)]
    pub respondent: Option<String>,
    /// A department complained about, inside the respondent (repeat for several: --department 内科 --department 外科).
    #[arg(long, value_name = "DEPT")]
    pub department: Vec<String>,
    /// The legal representative of the first complainant, an organisation (named by --complainant).
    #[arg(long, value_name = "NAME")]
    pub legal_representative: Option<String>,
    /// The legal representative of the respondent, an organisation.
    #[arg(long, value_name = "NAME")]
    pub respondent_representative: Option<String>,
    /// The respondent's location.
    #[arg(long)]
    pub location: Option<String>,
    /// The procurement project complained about (its name).
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// The procurement project's number.
    #[arg(long, value_name = "NUMBER")]
    pub project_number: Option<String>,
    /// The lot of the procurement project complained about.
    #[arg(long, value_name = "LOT")]
    pub lot: Option<String>,
    /// A category code of the policy.
    #[arg(long)]
    pub category: Option<String>,
    /// The case type, a code or label of the policy's types (hospital: complaint 投诉, dispute 纠纷).
    #[arg(long = "type", value_name = "TYPE")]
    pub case_type: Option<String>,
    /// The cause as the office classifies it, a code or label of the policy's causes.
    #[arg(long)]
    pub cause: Option<String>,
    /// The compensation agreed or awarded, in yuan (e.g. 12000 or 12000.50).
    #[arg(long, value_name = "YUAN")]
    pub compensation: Option<String>,
    /// A channel code of the policy (see `plaint policy`), e.g. phone, letter, visit, hotline.
    #[arg(long)]
    pub channel: Option<String>,
    /// The office's department that received the complaint.
    #[arg(long, value_name = "DEPT")]
    pub receiving_department: Option<String>,
    /// normal, important or urgent.
    #[arg(long)]
    pub priority: Option<String>,
    /// When the complaint arrived (default: now), e.g. "2026-11-29 09:30".
    #[arg(long)]
    pub received: Option<String>,
    /// What the complainant asks for.
    #[arg(long)]
    pub demands: Option<String>,
    /// What happened.
    #[arg(long)]
    pub facts: Option<String>,
    /// When the contract ended (YYYY-MM-DD), for filing time limits.
    #[arg(long)]
    pub contract_end: Option<String>,
    /// When the answer period of the supplier's challenge ended (YYYY-MM-DD; procurement filing limit).
    #[arg(long)]
    pub challenge_due: Option<String>,
    /// The officer who owns the case (default: you).
    #[arg(long)]
    pub assignee: Option<String>,
    /// A label (repeatable).
    #[arg(long)]
    pub tag: Vec<String>,
    /// The case's ID in another system.
    #[arg(long)]
    pub external_ref: Option<String>,
    /// The complainant is not named (recorded as the tag `anonymous`).
    #[arg(long)]
    pub anonymous: bool,
}

/// Arguments of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
}

/// Sort keys of `list`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SortKey {
    /// Urgent and important first, then by the next due date (the default).
    Priority,
    /// By ID, which is by date of receipt.
    Id,
    /// By moment of receipt.
    Received,
    /// By workflow state.
    Status,
    /// By assignee.
    Assignee,
    /// By the earliest due date still to be met.
    Due,
}

/// Output formats of `list`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    /// A table on a terminal, tab-separated when piped.
    Table,
    /// A JSON array of case objects.
    Json,
    /// RFC 4180 CSV.
    Csv,
    /// One ID per line.
    Ids,
}

/// Arguments of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which cases.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Every case, closed and void ones included (default: open cases only, unless --status is given).
    #[arg(long, conflicts_with = "status")]
    pub all: bool,
    /// Only cases with an overdue deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Only cases with a deadline due within N working days (overdue ones included).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub due_within: Option<i64>,
    /// Only cases of this alarm grade: warning 预警, overdue 超时, moderate 中度超时, severe 严重超时.
    #[arg(long, value_name = "GRADE", value_parser = alarm_arg)]
    pub alarm: Option<crate::deadline::alarm::Alarm>,
    /// The order of rows.
    #[arg(long, value_enum, default_value = "priority")]
    pub sort: SortKey,
    /// The output format (`--json` is `--format json`).
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
    /// Only repeat complaints (the complainant had an earlier case).
    #[arg(long)]
    pub repeat: bool,
    /// Only cases escalated to leadership (`plaint escalate`).
    #[arg(long)]
    pub escalated: bool,
    /// Include each case's history in JSON output.
    #[arg(long)]
    pub full: bool,
    /// Start CSV output with a UTF-8 byte order mark (for spreadsheet programs).
    #[arg(long)]
    pub bom: bool,
    /// Leave out personal data: names and contacts masked, addresses cut to the city, free text dropped.
    #[arg(long)]
    pub redact: bool,
}

/// Arguments of `assign`.
#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The officer who takes the case over.
    pub officer: String,
    /// Why the case is handed over (kept in the history).
    #[arg(long)]
    pub note: Option<String>,
    /// Take a name one slip away from one plaint.yaml lists (李铭 beside 李明) as meant.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `advance`.
#[derive(Debug, Args)]
pub struct AdvanceArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The state to move to.
    pub state: String,
    /// A note recorded with the move.
    #[arg(long)]
    pub note: Option<String>,
    /// The rejection reason code (for `rejected`).
    #[arg(long)]
    pub reason: Option<String>,
    /// The authority the case goes to (for `transferred`).
    #[arg(long)]
    pub to: Option<String>,
    /// The outcome code (for `resolved`).
    #[arg(long)]
    pub outcome: Option<String>,
    /// The competent body the complainant is told to turn to (for `rejected --reason outside-jurisdiction`).
    #[arg(long, value_name = "BODY")]
    pub refer_to: Option<String>,
    /// Resolved on the spot at receipt, in one step (where the policy allows it).
    #[arg(long)]
    pub on_the_spot: bool,
    /// The recorded consent of all complainants of a joint complaint (e.g. "全体投诉人书面同意 2026-11-20").
    #[arg(long, value_name = "TEXT")]
    pub consent: Option<String>,
    /// When it happened, if not now (e.g. "2026-11-28 16:00").
    #[arg(long)]
    pub at: Option<String>,
    /// Accept despite the filing time limit; recorded in the history.
    #[arg(long)]
    pub force: bool,
    /// Who approved the move, where plaint.yaml reserves it to a role the acting officer does not hold (recorded as its own event).
    #[arg(long, value_name = "NAME")]
    pub approved_by: Option<String>,
}

/// Arguments of `note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The note ('-' reads it from stdin).
    pub text: String,
}

/// Arguments of `set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// demands (投诉请求), facts (事实与理由), findings (what the investigation found, 经查), agreement (the mediation agreement or settlement) or measures (整改措施).
    #[arg(value_parser = ["demands", "facts", "findings", "agreement", "measures"])]
    pub field: String,
    /// The text; '-' reads it from stdin; none opens $EDITOR on a terminal.
    pub text: Option<String>,
}

/// Arguments of `edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
}

/// Arguments of `agenda`.
#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Only the cases assigned to this officer (default: the whole office).
    #[arg(long = "for", value_name = "NAME")]
    pub officer: Option<String>,
    /// Due soon: within N working days after today.
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        default_value_t = crate::reports::agenda::DEFAULT_DAYS,
        value_parser = horizon_arg
    )]
    pub days: i64,
    /// Write an iCalendar (.ics) feed of every open deadline instead: one all-day event each, an alarm the day before.
    #[arg(long)]
    pub ics: bool,
}

/// Arguments of `summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {}

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Tables on a terminal, tab-separated when piped.
    Table,
    /// Markdown, ready to paste into a public notice.
    Md,
    /// A printable HTML page with charts.
    Html,
    /// RFC 4180 CSV of the main breakdown.
    Csv,
    /// The whole report as one JSON document.
    Json,
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period of receipt: 2026-Q3, 2026-07, 2026, or 2026-07-01..2026-09-30.
    #[arg(long, value_parser = period_arg)]
    pub period: Period,
    /// The main breakdown: category, type, cause, respondent, department (complained about), receiving-department, channel, outcome or assignee.
    #[arg(long, default_value = "category", value_parser = by_arg)]
    pub by: By,
    /// Cross the --by dimension with this one in a table of its own (e.g. --by type --then outcome); by default, where the policy has case types, type by outcome.
    #[arg(long, value_name = "DIMENSION", value_parser = then_arg)]
    pub then: Option<By>,
    /// The output format: table, md, html (a printable page with charts), csv or json.
    #[arg(long, default_value = "table", value_parser = report_format_arg)]
    pub format: ReportFormat,
    /// With --format csv: write every section of the report as its own CSV
    /// file in DIR (01-….csv, 02-….csv, in the order of the Markdown report).
    #[arg(long, value_name = "DIR")]
    pub out: Option<std::path::PathBuf>,
    /// Guarantee that no personal data is emitted (reports hold aggregates only).
    #[arg(long)]
    pub redact: bool,
    /// Add a section listing each case's corrective measures (整改措施), for the office's leadership: free text, not for publication.
    #[arg(long, conflicts_with = "redact")]
    pub measures: bool,
    /// Start CSV output with a UTF-8 byte order mark (for spreadsheet programs).
    #[arg(long)]
    pub bom: bool,
    /// Report on several offices: a file listing their workspace folders, one
    /// a line (`#` comments; relative to the file's folder). `-C` repeated does the same.
    #[arg(long, value_name = "FILE")]
    pub offices: Option<PathBuf>,
}

/// Arguments of `followup`.
#[derive(Debug, Args)]
pub struct FollowupArgs {
    /// The case ID, or a unique prefix or suffix of it.
    pub id: String,
    /// The complainant's answer: satisfied, neutral or dissatisfied.
    #[arg(long)]
    pub satisfaction: String,
    /// What was said.
    #[arg(long)]
    pub note: Option<String>,
    /// When the call took place, if not now.
    #[arg(long)]
    pub at: Option<String>,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Remove what interrupted commands left behind (temporary files, notices no history records), under the workspace lock.
    #[arg(long)]
    pub fix: bool,
}

/// Arguments of `git-setup`.
#[derive(Debug, Args)]
pub struct GitSetupArgs {}

/// Arguments of `merge-file`. The result is written to OURS; the exit
/// status is 0 for a clean merge and 1 for a conflict.
#[derive(Debug, Args)]
pub struct MergeFileArgs {
    /// The common ancestor (git's %O; empty when both sides added the file).
    pub base: PathBuf,
    /// Our version, replaced by the result (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
}

/// Arguments of `verify-push`: what git hands a `pre-receive` hook on
/// each line of its input, or an `update` hook as its arguments (there in
/// the order REF OLD NEW).
#[derive(Debug, Args)]
pub struct VerifyPushArgs {
    /// The commit the ref pointed to (all zeros: the push creates it).
    pub old: String,
    /// The commit pushed (all zeros: the push deletes the ref).
    pub new: String,
    /// The ref pushed, such as refs/heads/main, for the messages.
    #[arg(value_name = "REF")]
    pub target: Option<String>,
    /// The repository (bare or not); default: the current folder, or GIT_DIR.
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// The workspace's folder inside the repository, when it is not the top.
    #[arg(long, value_name = "PATH")]
    pub subdir: Option<String>,
}

/// Formats of `import` and `export`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TransferFormat {
    /// A JSON array of case objects.
    Json,
    /// One JSON case object per line.
    Jsonl,
    /// CSV with a header row of field names (see --map).
    Csv,
    /// A YAML list of cases, or a stream of `---`-separated case documents.
    Yaml,
}

/// Text encodings of an import file.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EncodingArg {
    /// UTF-8, with or without a byte-order mark.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK / GB18030, as saved by spreadsheets on Chinese Windows systems.
    #[value(alias = "gb18030")]
    Gbk,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The batch file ('-' for stdin).
    pub file: PathBuf,
    /// The format (default: from the file's extension).
    #[arg(long, value_enum)]
    pub format: Option<TransferFormat>,
    /// A YAML file mapping CSV headers to fields, e.g. `投诉人: complainant.name`.
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// The text encoding of the file.
    #[arg(long, value_enum, default_value = "utf-8")]
    pub encoding: EncodingArg,
    /// Leave out CSV columns that name no field, instead of refusing the file.
    #[arg(long)]
    pub ignore_unknown: bool,
    /// Merge records whose external_ref is already in the workspace (default: skip them).
    #[arg(long)]
    pub update: bool,
    /// Report what would be created, updated or skipped; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Keep migrated records that lack what their state needs (recorded in
    /// their `imported` event; `check` warns about them).
    #[arg(long)]
    pub force: bool,
    /// The handler of every case the import creates without one (checked as `assign` checks a name).
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,
}

/// The case filters shared by `list` and `export`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only cases in this state (repeatable); `open` means every open state.
    #[arg(long)]
    pub status: Vec<String>,
    /// Only cases assigned to this officer.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Only cases of this category.
    #[arg(long)]
    pub category: Option<String>,
    /// Only cases of this type (a code or label of the policy's types).
    #[arg(long = "type", value_name = "TYPE")]
    pub case_type: Option<String>,
    /// Only cases of this cause (a code or label of the policy's causes).
    #[arg(long)]
    pub cause: Option<String>,
    /// Only cases that came in through this channel.
    #[arg(long)]
    pub channel: Option<String>,
    /// Only cases about this department (one of the departments complained about).
    #[arg(long)]
    pub department: Option<String>,
    /// Only cases received by this department of the office.
    #[arg(long, value_name = "DEPT")]
    pub receiving_department: Option<String>,
    /// Only cases whose text contains this (case-insensitive).
    #[arg(long)]
    pub search: Option<String>,
}

/// Formats of `export`: those of `import`, and Parquet tables for a
/// province's analysis.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// A JSON array of case objects.
    Json,
    /// One JSON case object per line.
    Jsonl,
    /// CSV with a header row of field names.
    Csv,
    /// A stream of `---`-separated case documents.
    Yaml,
    /// Parquet tables of cases, events and deadlines under `--out DIR` (no personal data).
    Parquet,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format (`--json` is `--format json`, except with parquet).
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// The folder Parquet tables go into, as `office=CODE/year=YYYY/*.parquet`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Which cases.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Leave out personal data: names and contacts masked, addresses cut to the city, free text dropped.
    #[arg(long)]
    pub redact: bool,
    /// Start CSV output with a UTF-8 byte order mark (for spreadsheet programs).
    #[arg(long)]
    pub bom: bool,
}

// Values are checked as the command line is parsed, before any file is
// read or written. A value parser's error is one of plaint's own, so its
// message and exit code are those a later check would have given.

/// `--today` (or `PLAINT_TODAY`): a date; anything else is a usage error.
fn today_arg(text: &str) -> Result<NaiveDate, Error> {
    crate::dates::parse_date(text)
        .map_err(|e| Error::usage(crate::said!("labelled", label = "--today", message = e)))
}

/// `--lock-timeout` (or `PLAINT_LOCK_TIMEOUT`): how long to wait for the
/// workspace lock; `None` when given blank (the default wait).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LockTimeout(pub Option<std::time::Duration>);

fn lock_timeout_arg(text: &str) -> Result<LockTimeout, Error> {
    if text.trim().is_empty() {
        return Ok(LockTimeout(None));
    }
    let secs: f64 = text
        .trim()
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s >= 0.0 && *s <= 86_400.0)
        .ok_or_else(|| Error::invalid(crate::said!("lock-timeout-invalid", text = text)))?;
    Ok(LockTimeout(Some(std::time::Duration::from_secs_f64(secs))))
}

/// A date argument.
fn date_arg(text: &str) -> Result<NaiveDate, Error> {
    crate::dates::parse_date(text)
}

/// The promised date of `promise`.
fn promised_date_arg(text: &str) -> Result<NaiveDate, Error> {
    crate::dates::parse_date(text.trim())
        .map_err(|e| Error::bad_date(crate::said!("promised-date", error = e)))
}

/// The N of `calendar add`: a whole number of working days.
fn workdays_arg(text: &str) -> Result<i64, Error> {
    text.trim()
        .parse()
        .map_err(|_| Error::invalid(crate::said!("n-not-number", n = text)))
}

/// The `--alarm` of `list`: a grade's code or either label.
fn alarm_arg(text: &str) -> Result<crate::deadline::alarm::Alarm, Error> {
    use crate::deadline::alarm::Alarm;
    Alarm::parse(text).ok_or_else(|| {
        let lang = crate::cli::output::language();
        let grades: Vec<String> = Alarm::ALL
            .iter()
            .map(|a| format!("{} ({})", a.as_str(), a.zh()))
            .collect();
        Error::usage(crate::said!(
            "alarm-unknown",
            text = text,
            grades = crate::messages::join(lang, &grades)
        ))
    })
}

/// The `--days` of `agenda`: a number of working days, 0 or more.
fn horizon_arg(text: &str) -> Result<i64, Error> {
    let n = workdays_arg(text)?;
    if n < 0 {
        return Err(Error::usage(crate::msg!(
            crate::cli::output::language(),
            "days-negative",
            n = n
        )));
    }
    Ok(n)
}

/// The `--by` of `extend`: a whole number (its sign is checked with the rule).
fn extension_arg(text: &str) -> Result<i64, Error> {
    text.trim()
        .parse()
        .map_err(|_| Error::invalid(crate::said!("by-not-number", by = text)))
}

/// A year from 1 to 9999.
fn year_arg(text: &str) -> Result<i32, Error> {
    text.trim()
        .parse()
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| Error::invalid(crate::said!("not-a-year", text = text)))
}

/// A report period: 2026-Q3, 2026-07, 2026 or A..B.
fn period_arg(text: &str) -> Result<Period, Error> {
    Period::parse(text)
}

/// The main breakdown of `report`.
fn by_arg(text: &str) -> Result<By, Error> {
    By::parse(text.trim())
}

/// The dimension `report` crosses the main breakdown with.
fn then_arg(text: &str) -> Result<By, Error> {
    By::parse_flag("--then", text.trim())
}

/// The `--format` of `notice`.
fn notice_format_arg(text: &str) -> Result<NoticeFormat, Error> {
    NoticeFormat::parse(text.trim())
}

/// The `--format` of `report`.
fn report_format_arg(text: &str) -> Result<ReportFormat, Error> {
    match text.trim() {
        "table" => Ok(ReportFormat::Table),
        "md" => Ok(ReportFormat::Md),
        "html" => Ok(ReportFormat::Html),
        "csv" => Ok(ReportFormat::Csv),
        "json" => Ok(ReportFormat::Json),
        other => Err(Error::invalid(crate::said!(
            "bad-report-format",
            format = other
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_typed_as_the_command_line_is_parsed() {
        let cli = Cli::try_parse_from([
            "plaint",
            "--today",
            "2026/11/02",
            "report",
            "--period",
            "2026-Q3",
            "--by",
            " respondent ",
            "--format",
            "html",
        ])
        .unwrap();
        assert_eq!(cli.today, NaiveDate::from_ymd_opt(2026, 11, 2));
        let Command::Report(args) = cli.command else {
            panic!("not a report")
        };
        assert_eq!((args.by, args.format), (By::Respondent, ReportFormat::Html));
        assert_eq!(args.period.label, "2026-Q3");
    }

    /// The subcommand paths of `command` (`["calendar", "add"]`, ...),
    /// with the command of each.
    fn leaves(
        command: &clap::Command,
        path: Vec<String>,
        out: &mut Vec<(Vec<String>, clap::Command)>,
    ) {
        out.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            let mut deeper = path.clone();
            deeper.push(sub.get_name().to_string());
            leaves(sub, deeper, out);
        }
    }

    /// A value `flag` of `path` takes alone: its first possible value, else
    /// the first of a few samples its parser accepts.
    fn accepted_value(path: &[String], arg: &clap::Arg) -> String {
        if let Some(v) = arg.get_possible_values().first() {
            return v.get_name().to_string();
        }
        let flag = format!("--{}", arg.get_long().expect("a long flag"));
        ["2026-01-01", "1", "2026", "category", "md", "warning", "x"]
            .into_iter()
            .find(|value| {
                let mut line = vec!["plaint".to_string()];
                line.extend(path.iter().cloned());
                line.extend([flag.clone(), value.to_string()]);
                match Cli::try_parse_from(&line) {
                    Ok(_) => true,
                    Err(e) => !matches!(
                        e.kind(),
                        clap::error::ErrorKind::ValueValidation
                            | clap::error::ErrorKind::InvalidValue
                    ),
                }
            })
            .unwrap_or_else(|| panic!("no sample value fits {flag} of {path:?}"))
            .to_string()
    }

    #[test]
    fn every_single_valued_flag_given_twice_is_refused_never_dropped() {
        use clap::ArgAction;
        use clap::CommandFactory;
        let mut all = Vec::new();
        leaves(&Cli::command(), Vec::new(), &mut all);
        let mut checked = 0;
        for (path, command) in &all {
            for arg in command.get_arguments() {
                let Some(long) = arg.get_long() else { continue };
                if long == "help" || long == "version" {
                    continue;
                }
                let flag = format!("--{long}");
                let mut line = vec!["plaint".to_string()];
                line.extend(path.iter().cloned());
                match arg.get_action() {
                    ArgAction::Set => {
                        let value = accepted_value(path, arg);
                        line.extend([flag.clone(), value.clone(), flag.clone(), value]);
                    }
                    ArgAction::SetTrue => line.extend([flag.clone(), flag.clone()]),
                    ArgAction::Append => continue,
                    other => panic!("{flag} of {path:?}: unexpected action {other:?}"),
                }
                let err = Cli::try_parse_from(&line)
                    .err()
                    .unwrap_or_else(|| panic!("{line:?} was accepted: one value dropped"));
                assert_eq!(
                    err.kind(),
                    clap::error::ErrorKind::ArgumentConflict,
                    "{line:?}: {err}"
                );
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} flags checked");
    }

    #[test]
    fn a_refused_value_carries_plaints_own_error() {
        use std::error::Error as _;
        for (args, usage) in [
            (vec!["plaint", "--today", "2026-13-45", "list"], true),
            (
                vec!["plaint", "report", "--period", "2026", "--by", "x"],
                false,
            ),
            (vec!["plaint", "calendar", "show", "10000"], false),
            (vec!["plaint", "--lock-timeout", "soon", "list"], false),
        ] {
            let err = Cli::try_parse_from(&args).unwrap_err();
            let own = err
                .source()
                .and_then(|s| s.downcast_ref::<Error>())
                .unwrap_or_else(|| panic!("{args:?}: {err}"));
            assert_eq!(matches!(own, Error::Usage(_)), usage, "{args:?}: {own}");
        }
    }
}
