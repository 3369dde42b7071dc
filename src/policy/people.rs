//! The people `plaint.yaml` names (`handlers`, and everyone listed under
//! `roles`): the name given for a case's handler is checked against them,
//! so that a mistyped name (`李铭` for 李明) is caught before it is recorded.

use super::settings::Settings;
use crate::error::Error;
use crate::messages::Language;

/// Everyone `settings` names, handlers first, each once.
pub fn listed(settings: &Settings) -> Vec<String> {
    let mut people: Vec<String> = Vec::new();
    let everyone = settings
        .handlers
        .iter()
        .chain(settings.roles.values().flatten());
    for name in everyone {
        let name = name.trim();
        if !name.is_empty() && !people.iter().any(|p| p == name) {
            people.push(name.to_string());
        }
    }
    people
}

/// Checks the handler's name `name` against the people `settings` lists.
/// Nothing to say when none are listed or the name is one of them; a
/// name one slip away from a listed one is refused with that name as a
/// suggestion, unless `acknowledged` is `Some(true)` (`--force`; `None`:
/// the command offers no such flag, and the refusal says to list the name
/// instead); another name is recorded with a warning, returned.
pub fn check_handler(
    settings: &Settings,
    lang: Language,
    name: &str,
    acknowledged: Option<bool>,
) -> Result<Option<String>, Error> {
    let people = listed(settings);
    let name = name.trim();
    if people.is_empty() || people.iter().any(|p| p == name) {
        return Ok(None);
    }
    if acknowledged != Some(true)
        && let Some(meant) = closest(name, &people)
    {
        let refusal = if acknowledged.is_some() {
            crate::msg!(lang, "handler-mistyped", officer = name, meant = meant)
        } else {
            crate::msg!(
                lang,
                "handler-mistyped-unforceable",
                officer = name,
                meant = meant
            )
        };
        return Err(Error::invalid(refusal));
    }
    Ok(Some(crate::msg!(
        lang,
        "not-a-handler",
        officer = name,
        handlers = crate::messages::join(lang, &people)
    )))
}

/// The listed name `typed` is most likely a slip for: for a name in
/// Chinese characters, one character different, added or left out (a
/// homophone picked from the input method: 李铭 for 李明); for a Latin
/// name, a close spelling (Jaro-Winkler, as clap suggests subcommands).
pub fn closest<'a, S: AsRef<str>>(typed: &str, people: &'a [S]) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    people
        .iter()
        .filter_map(|person| {
            let person = person.as_ref();
            let lower = person.to_lowercase();
            let score = if typed.is_ascii() && person.is_ascii() {
                let score = strsim::jaro_winkler(&typed_lower, &lower);
                (score >= 0.85).then_some(score)
            } else {
                let distance = strsim::levenshtein(&typed_lower, &lower);
                let longest = typed.chars().count().max(person.chars().count());
                (distance == 1 && longest >= 2).then(|| 1.0 - 1.0 / longest as f64)
            };
            score.map(|s| (s, person))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, person)| person)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(yaml: &str) -> Settings {
        serde_yaml::from_str(&format!("preset: tourism\ncalendar: cn\n{yaml}")).unwrap()
    }

    #[test]
    fn a_name_one_character_off_a_listed_one_is_refused_with_it() {
        let s = settings("handlers: [王芳, 李明]\n");
        let err = check_handler(&s, Language::Zh, "李铭", Some(false)).unwrap_err();
        assert!(err.to_string().contains("李明"), "{err}");
        assert!(
            check_handler(&s, Language::Zh, "李铭", Some(true))
                .unwrap()
                .is_some()
        );
        assert_eq!(
            check_handler(&s, Language::Zh, "李明", Some(false)).unwrap(),
            None
        );
        // A name nothing like a listed one is a newcomer: a warning only.
        let warned = check_handler(&s, Language::Zh, "赵国强", Some(false)).unwrap();
        assert!(warned.unwrap().contains("王芳"));
    }

    #[test]
    fn people_of_the_roles_count_and_latin_names_are_compared_by_spelling() {
        let s = settings("roles:\n  officers: [Wang Fang]\n  leaders: [陈主任]\n");
        // Handlers first, then the roles in the order of their names.
        assert_eq!(listed(&s), ["陈主任", "Wang Fang"]);
        let err = check_handler(&s, Language::En, "Wang Fnag", Some(false)).unwrap_err();
        assert!(err.to_string().contains("'Wang Fang'"), "{err}");
        assert!(check_handler(&s, Language::En, "陈主仼", Some(false)).is_err());
        assert_eq!(
            check_handler(&s, Language::En, "陈主任", Some(false)).unwrap(),
            None
        );
        let none = settings("");
        assert_eq!(
            check_handler(&none, Language::Zh, "任何人", Some(false)).unwrap(),
            None
        );
    }
}
