//! `plaint.yaml`: the workspace settings file.
//!
//! Unknown keys are refused (a typo must not silently fall back to a
//! default); serde's message names the key and its line.

use std::collections::BTreeMap;

use chrono::FixedOffset;
use serde::{Deserialize, Serialize};

use super::{Language, Policy, PolicyOverrides};
use crate::error::{Error, Result};

/// The settings file's name in the workspace root.
pub const SETTINGS_FILE: &str = "plaint.yaml";

/// The contents of `plaint.yaml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The preset the policy starts from.
    pub preset: String,
    /// The working-day calendar: `cn`, `weekends`, or a file in `calendars/`.
    #[serde(default = "default_calendar")]
    pub calendar: String,
    /// The UTC offset of the office, e.g. `+08:00`.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// The language of labels and of every message, `--json` messages
    /// included; JSON keys and codes stay English.
    #[serde(default)]
    pub language: Language,
    /// The acting officer when neither `--as` nor `PLAINT_USER` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    /// Officers who handle cases; `assign` warns about other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handlers: Vec<String>,
    /// The people of each role (`officers`, `leaders`, `liaisons`, or a
    /// role the office names, e.g. `院长`): the acts `policy.permissions`
    /// reserves are refused to everyone else. None: nothing is checked.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, Vec<String>>,
    /// Years the calendar does not cover that the office accepts as
    /// weekends-only until their official schedule is added: deadlines in
    /// them stay provisional, without a warning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assume_weekends: Vec<i32>,
    /// The office's name and address, printed on notices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// The largest file `attach` accepts, in megabytes (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_limit_mb: Option<u64>,
    /// Overrides of the preset, section by section.
    #[serde(default)]
    pub policy: PolicyOverrides,
}

/// The office that issues notices, and the code that names it among a
/// province's offices.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The office's code among the province's offices (letters, digits and
    /// hyphens, at most [`OFFICE_CODE_MAX`] characters): carried in every
    /// export and report, and the `office=` folder of a Parquet export, so
    /// (office, case ID) names one case across a province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The office's full name, as it signs documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Its telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The body that hears an application for administrative review of the
    /// office's decisions, as a decision names it (procurement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_body: Option<String>,
    /// The court that hears a suit against the office's decisions, as a
    /// decision names it (procurement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court: Option<String>,
}

/// The longest office code.
pub const OFFICE_CODE_MAX: usize = 32;

/// Whether `code` is a well-formed office code: 1 to [`OFFICE_CODE_MAX`]
/// ASCII letters, digits and hyphens, starting with a letter or digit.
pub fn valid_office_code(code: &str) -> bool {
    (1..=OFFICE_CODE_MAX).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && code.as_bytes()[0].is_ascii_alphanumeric()
}

/// The attachment size limit when `plaint.yaml` sets none, in megabytes.
pub const DEFAULT_ATTACHMENT_LIMIT_MB: u64 = 20;

fn default_calendar() -> String {
    "cn".into()
}

fn default_timezone() -> String {
    "+08:00".into()
}

impl Settings {
    /// Default settings for a new workspace.
    pub fn new(preset: &str, calendar: &str) -> Self {
        Settings {
            preset: preset.into(),
            calendar: calendar.into(),
            timezone: default_timezone(),
            language: Language::default(),
            officer: None,
            handlers: Vec::new(),
            roles: BTreeMap::new(),
            assume_weekends: Vec::new(),
            office: None,
            attachment_limit_mb: None,
            policy: PolicyOverrides::default(),
        }
    }

    /// Parses `plaint.yaml` text; `label` names the file in messages.
    /// Its problems are told in the language the text declares.
    pub fn parse(text: &str, label: &str) -> Result<Self> {
        let lang = Settings::declared_language(text).unwrap_or_default();
        let at =
            |said: String| Error::invalid(crate::said!("file-error", file = label, message = said));
        crate::limits::check_nesting(text).map_err(|e| at(e.render(lang)))?;
        let settings: Settings = serde_yaml::from_str(text)
            .map_err(|e| at(crate::yaml_error::describe_yaml(lang, &e)))?;
        settings.offset().map_err(|e| at(e.render(lang)))?;
        if let Some(code) = settings.office.as_ref().and_then(|o| o.code.as_deref())
            && !valid_office_code(code)
        {
            return Err(at(crate::msg!(
                lang,
                "settings-bad-office-code",
                code = code,
                max = OFFICE_CODE_MAX
            )));
        }
        Ok(settings)
    }

    /// The language a settings text declares on a top-level `language:`
    /// line, read line by line so that a file too broken to parse still
    /// says in which language its errors are told.
    pub fn declared_language(text: &str) -> Option<Language> {
        let line = text.lines().find_map(|l| l.strip_prefix("language:"))?;
        let value = line.split('#').next().unwrap_or("").trim();
        match value.trim_matches(|c| c == '"' || c == '\'') {
            "zh" => Some(Language::Zh),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The office's UTC offset.
    pub fn offset(&self) -> Result<FixedOffset> {
        parse_offset(&self.timezone)
    }

    /// The office's code (`office.code`), if the settings give one.
    pub fn office_code(&self) -> Option<&str> {
        self.office.as_ref().and_then(|o| o.code.as_deref())
    }

    /// The office's name (`office.name`), if the settings give one.
    pub fn office_name(&self) -> Option<&str> {
        self.office.as_ref().and_then(|o| o.name.as_deref())
    }

    /// The largest attachment accepted, in bytes.
    pub fn attachment_limit(&self) -> u64 {
        self.attachment_limit_mb
            .unwrap_or(DEFAULT_ATTACHMENT_LIMIT_MB)
            .saturating_mul(1024 * 1024)
    }

    /// The policy these settings describe.
    pub fn policy(&self) -> Result<Policy> {
        Policy::build_in(&self.preset, &self.policy, self.language)
    }

    /// The text `init` writes: the settings with comments that show how to
    /// override the preset.
    pub fn render_new(&self) -> String {
        let template = match self.language {
            Language::En => SETTINGS_EN,
            Language::Zh => SETTINGS_ZH,
        };
        let lang = match self.language {
            Language::En => "en",
            Language::Zh => "zh",
        };
        // One pass: a calendar file named `{tz}.yaml` stays as named.
        crate::messages::said::fill_placeholders(template, |name| {
            Some(match name {
                "preset" => self.preset.clone(),
                "calendar" => self.calendar.clone(),
                "tz" => self.timezone.clone(),
                "lang" => lang.to_string(),
                _ => return None,
            })
        })
    }
}

/// The settings `init` writes in an English workspace.
const SETTINGS_EN: &str = "# plaint workspace settings. See `plaint --help`;
# `plaint policy` lists the states, codes and deadline rules in force.
preset: {preset}        # tourism | hospital | procurement | generic
calendar: {calendar}          # cn | weekends | the name of a file in calendars/
timezone: \"{tz}\"
language: {lang}          # en | zh: labels and messages, also in --json (keys and codes stay English)
# officer: 王芳       # the acting officer when --as and PLAINT_USER are not given
# handlers: [王芳, 李明]
# roles:              # who may do what: the acts policy.permissions reserves
#   officers: [王芳, 李明]
#   leaders: [张主任]
# assume_weekends: [2027]  # years the calendar does not cover, accepted as weekends only
# office:             # printed on notices (`plaint notice`)
#   code: GL-TOUR     # the office among the province's (exports, reports): letters, digits, -
#   name: 桂林市文化广电和旅游局
#   address: 桂林市临桂区公园北路 1 号
# attachment_limit_mb: 20   # the largest file `plaint attach` accepts
# policy:             # replace any section of the preset (see `plaint policy`), e.g.
#   joint_threshold: 5
#   categories:
#     - {code: noise, en: Noise, zh: 噪音}
";

/// The settings `init --language zh` writes: the same keys (they stay
/// English), with Chinese comments.
const SETTINGS_ZH: &str = "# plaint 工作区设置。详见 `plaint --help`；
# `plaint policy` 列出现行的状态、代码和期限规则。
preset: {preset}        # 预设：tourism（旅游）| hospital（医疗）| procurement（政府采购）| generic（通用）
calendar: {calendar}          # 工作日历：cn | weekends | calendars/ 中某个文件的名称；新一年的安排用 `plaint calendar import` 导入
timezone: \"{tz}\"
language: {lang}          # en | zh：标签和提示语言，--json 中同样适用（键名和代码保持英文）
# officer: 王芳       # 未给出 --as 和 PLAINT_USER 时的经办人
# handlers: [王芳, 李明]   # 本单位的承办人
# roles:              # 谁可以办理什么：policy.permissions 保留给某一角色的事项
#   officers: [王芳, 李明]   # 经办人员
#   leaders: [张主任]        # 领导
# assume_weekends: [2027]  # 日历未覆盖、同意只按周末计算的年份
# office:             # 打印在文书上（`plaint notice`）
#   code: GL-TOUR     # 本单位在全省的代码（导出、统计用）：字母、数字、-
#   name: 桂林市文化广电和旅游局
#   address: 桂林市临桂区公园北路 1 号
# attachment_limit_mb: 20   # `plaint attach` 接受的最大文件（MB）
# policy:             # 替换预设中的任一部分（见 `plaint policy`），例如：
#   joint_threshold: 5
#   categories:
#     - {code: noise, en: Noise, zh: 噪音}
";

/// Parses a UTC offset such as `+08:00`, `-05:30` or `Z`; a bad one is
/// refused in `lang`.
pub fn parse_offset(text: &str) -> Result<FixedOffset> {
    let bad = || Error::invalid(crate::said!("settings-bad-timezone", text = text));
    if text == "Z" || text == "UTC" {
        return Ok(FixedOffset::east_opt(0).expect("zero offset"));
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    let (h, m): (i32, i32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_still_declares_its_language() {
        let cases = [
            ("preset: [\nlanguage: zh\n", Some(Language::Zh)),
            (
                "language: zh          # en | zh\npreset: [\n",
                Some(Language::Zh),
            ),
            ("language: \"zh\"\n", Some(Language::Zh)),
            ("language: 'en'\n", Some(Language::En)),
            ("language: fr\n", None),
            ("  language: zh\n", None),
            ("policy:\n  language: zh\n", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Settings::declared_language(text), expected, "{text:?}");
        }
    }

    /// Why `text` is refused as a `plaint.yaml`.
    fn refused(text: &str) -> String {
        Settings::parse(text, "plaint.yaml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_typo_in_a_key_is_refused_with_the_key() {
        let err = refused("preset: tourism\ncalender: cn\n");
        assert!(err.contains("calender"), "{err}");
        assert!(err.contains("plaint.yaml"), "{err}");
    }

    #[test]
    fn the_written_template_parses_back() {
        let settings = Settings::new("hospital", "weekends");
        let parsed = Settings::parse(&settings.render_new(), "x").unwrap();
        assert_eq!(parsed, settings);
        // A name holding a placeholder is written as named.
        let odd = Settings::new("tourism", "{tz}");
        assert!(odd.render_new().contains("calendar: {tz} "));
    }

    #[test]
    fn office_codes_are_short_letters_digits_and_hyphens() {
        for good in ["GL-TOUR", "450300", "a", "x-1-2"] {
            assert!(valid_office_code(good), "{good}");
        }
        let long = "A".repeat(OFFICE_CODE_MAX + 1);
        for bad in [
            "",
            "-GL",
            "桂林",
            "GL TOUR",
            "GL/TOUR",
            "GL_TOUR",
            "a=b",
            long.as_str(),
        ] {
            assert!(!valid_office_code(bad), "{bad}");
        }
        let text = "preset: tourism\noffice:\n  code: \"GL/../x\"\n";
        let err = refused(text);
        assert!(err.contains("GL/../x"), "{err}");
        let ok = Settings::parse(
            "preset: tourism\noffice: {code: GL-TOUR, name: 桂林}\n",
            "p",
        )
        .unwrap();
        assert_eq!(ok.office_code(), Some("GL-TOUR"));
        assert_eq!(ok.office_name(), Some("桂林"));
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+08:00").unwrap().local_minus_utc(), 8 * 3600);
        assert_eq!(parse_offset("-05:30").unwrap().local_minus_utc(), -19800);
        assert!(parse_offset("8").is_err());
        assert!(parse_offset("+25:00").is_err());
    }
}
