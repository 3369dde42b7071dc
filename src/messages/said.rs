//! Sentences as data, rendered at the edge.
//!
//! Code below the command line does not know which language its reader
//! speaks. It says what it has to say as a [`Said`]: a message id of the
//! catalogue and the values of its placeholders. The command line renders
//! it in the workspace language, once, where it prints. An argument is
//! user text (copied as it is and never scanned for placeholders), a word
//! with one form per language (a state's label), or another sentence.
//!
//! [`Text`] is what an error or a warning carries: a sentence, or text
//! that already is what it is (a path, an OS error).

use std::fmt;

use super::{Language, MESSAGES};

/// A sentence of the catalogue, not yet in any language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Said {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// The value of a placeholder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    /// Text shown as it is in every language (user text, a code, a number).
    Text(String),
    /// A word with its English and its Chinese form.
    Each {
        /// The English form.
        en: String,
        /// The Chinese form.
        zh: String,
    },
    /// Another sentence, rendered in the same language.
    Said(Box<Said>),
}

impl Said {
    /// Message `id` with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Said {
            id,
            args: Vec::new(),
        }
    }

    /// The sentence with placeholder `name` set to `value`.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl IntoArg) -> Self {
        self.args.push((name, value.into_arg()));
        self
    }

    /// The sentence in `lang`: every placeholder filled in one pass over
    /// the catalogue text; a value is never read again.
    pub fn render(&self, lang: Language) -> String {
        let Some(message) = MESSAGES.iter().find(|m| m.id == self.id) else {
            return self.id.to_string();
        };
        let template = match lang {
            Language::En => message.en,
            Language::Zh => message.zh,
        };
        fill_placeholders(template, |name| {
            self.args
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.render(lang))
        })
    }
}

/// Fills the `{name}` placeholders of `template` in one pass over it with
/// what `value` gives for each name: a value is copied as it is, never
/// scanned again, so user text holding `{known}` prints as typed. A
/// placeholder with no value stays as written.
pub fn fill_placeholders(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after
            .find('}')
            .and_then(|close| value(&after[..close]).map(|v| (close, v)));
        match found {
            Some((close, v)) => {
                out.push_str(&v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Arg {
    /// The value in `lang`.
    pub fn render(&self, lang: Language) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Each { en, zh } => match lang {
                Language::En => en.clone(),
                Language::Zh => zh.clone(),
            },
            Arg::Said(said) => said.render(lang),
        }
    }

    /// A list of codes or names, joined as each language joins a list
    /// (`a, b` / `a、b`).
    pub fn list<S: AsRef<str>>(items: &[S]) -> Self {
        let join = |lang| {
            let separator = super::text(lang, "list-comma");
            items
                .iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(separator)
        };
        Arg::Each {
            en: join(Language::En),
            zh: join(Language::Zh),
        }
    }

    /// A word in both languages.
    pub fn each(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Arg::Each {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// A value shown in a message in a language: anything printable as it
/// prints, a sentence rendered in that language.
pub trait Show {
    /// The value in `lang`.
    fn show(&self, lang: Language) -> String;
}

impl<T: fmt::Display + ?Sized> Show for T {
    fn show(&self, _lang: Language) -> String {
        self.to_string()
    }
}

impl Show for Said {
    fn show(&self, lang: Language) -> String {
        self.render(lang)
    }
}

impl Show for Arg {
    fn show(&self, lang: Language) -> String {
        self.render(lang)
    }
}

/// What can fill a placeholder: anything printable, as text; a sentence;
/// an [`Arg`] itself.
pub trait IntoArg {
    /// The value as an argument.
    fn into_arg(self) -> Arg;
}

impl<T: fmt::Display> IntoArg for T {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl IntoArg for Said {
    fn into_arg(self) -> Arg {
        Arg::Said(Box::new(self))
    }
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for &Said {
    fn into_arg(self) -> Arg {
        Arg::Said(Box::new(self.clone()))
    }
}

impl IntoArg for &Arg {
    fn into_arg(self) -> Arg {
        self.clone()
    }
}

/// What an error or a warning says.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Text {
    /// Text that reads the same in every language.
    Plain(String),
    /// A sentence of the catalogue.
    Said(Said),
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Language) -> String {
        match self {
            Text::Plain(text) => text.clone(),
            Text::Said(said) => said.render(lang),
        }
    }
}

impl Text {
    /// The text in English, for logs and for code that reads an error as
    /// text.
    pub fn english(&self) -> String {
        self.render(Language::En)
    }

    /// The text as the value of another sentence's placeholder, rendered
    /// in that sentence's language.
    pub fn arg(&self) -> Arg {
        match self {
            Text::Plain(text) => Arg::Text(text.clone()),
            Text::Said(said) => Arg::Said(Box::new(said.clone())),
        }
    }
}

/// The text in the language this process speaks (see
/// [`crate::messages::language`]): what code that turns an error into a
/// string gets. The command line renders with [`Text::render`].
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(super::language()))
    }
}

/// As text: a sentence in English, where nobody rendered it in the
/// reader's language first (see [`Text::render`]).
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.render(Language::En))
    }
}

impl From<Said> for Text {
    fn from(said: Said) -> Self {
        Text::Said(said)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_string())
    }
}

/// A sentence of the catalogue, in no language yet:
/// `said!("case-now", id = id, state = label)`.
#[macro_export]
macro_rules! said {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::said::Said::new($id)
            $(.with(stringify!($name), &$value))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_worded_only_when_rendered_and_user_text_stays_as_typed() {
        let said = crate::said!("note-added", id = "{id}");
        assert_eq!(said.render(Language::En), "note added to {id}");
        assert_eq!(said.render(Language::Zh), "已为 {id} 添加备注");
    }

    #[test]
    fn a_word_takes_the_form_of_the_language() {
        let state = Arg::each("accepted", "已受理");
        let said = crate::said!("case-now", id = "20261102-K7QF2", state = state);
        assert_eq!(said.render(Language::En), "20261102-K7QF2 is now accepted");
        assert_eq!(said.render(Language::Zh), "20261102-K7QF2 现为已受理");
    }

    #[test]
    fn a_sentence_inside_a_sentence_is_rendered_in_the_same_language() {
        let inner = crate::said!("now-due", date = "2026-12-01");
        let text = Text::from(crate::said!(
            "extended-by",
            id = "X",
            rule = "r",
            amount = inner
        ));
        assert_eq!(
            text.render(Language::Zh),
            "X：r已延长 ，现于 2026-12-01 到期"
        );
        assert_eq!(text.english(), "X: r extended by ; now due 2026-12-01");
    }
}
