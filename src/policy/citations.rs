//! The one table of sources a preset cites: each entry an article (with
//! its paragraph or items) of a named text, with what it says. Rules,
//! rejection reasons, `policy`, `explain` and every notice template cite
//! by the entry's id, so an article number is written once, next to what
//! the source says, and a document cannot cite what the rules do not.
//!
//! `collection` names the piece of the source collection
//! (`shared/sources`) the article was read from; a text the collection
//! lacks (Order 94, the Civil Code) has none, and its entries say so.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// One article (or paragraph, or items) of a legal or internal text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id rules and templates cite it by, e.g. `art-15-3`.
    pub id: String,
    /// The text's title, e.g. `旅游投诉处理办法`.
    pub law: String,
    /// The text's title in English, e.g. `tourism complaint measures`.
    pub en: String,
    /// The article number; 0 for a text cited by its numbered sections
    /// (`section`).
    #[serde(default)]
    pub article: u32,
    /// A section of an internal rule that numbers its parts otherwise
    /// (`五.3`): printed as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The last article of a run cited together (`第二十九条至第三十二条`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<u32>,
    /// The paragraph (款), when one is meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The items (项) meant, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<u32>,
    /// What the article says, in brief, in Chinese.
    pub says: String,
    /// The piece of the source collection it was read from (`篇十三`);
    /// absent for a text the collection does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
}

impl Citation {
    /// How a Chinese document cites it: `《旅游投诉处理办法》第十五条第（三）项`.
    pub fn zh(&self) -> String {
        format!("《{}》{}", self.law, self.place_zh())
    }

    /// The place within the text: `第十五条第二款第（三）项`, or the section.
    pub fn place_zh(&self) -> String {
        if let Some(section) = &self.section {
            return section.clone();
        }
        let mut out = format!("第{}条", chinese_number(self.article));
        if let Some(last) = self.through {
            let _ = write!(out, "至第{}条", chinese_number(last));
        }
        if let Some(p) = self.paragraph {
            let _ = write!(out, "第{}款", chinese_number(p));
        }
        if !self.items.is_empty() {
            out.push('第');
            for item in &self.items {
                let _ = write!(out, "（{}）", chinese_number(*item));
            }
            out.push('项');
        }
        out
    }

    /// How an English sentence cites it: `tourism complaint measures, art. 15(3)`.
    pub fn en(&self) -> String {
        if let Some(section) = &self.section {
            return format!("{}, {section}", self.en);
        }
        let mut out = match self.through {
            Some(last) => format!("{}, arts. {}–{last}", self.en, self.article),
            None => format!("{}, art. {}", self.en, self.article),
        };
        if let Some(p) = self.paragraph {
            let _ = write!(out, " para. {p}");
        }
        for item in &self.items {
            let _ = write!(out, "({item})");
        }
        out
    }

    /// The form a rule's `source` takes: Chinese, then English in
    /// parentheses (`source_in` picks the part a language reads).
    pub fn display(&self) -> String {
        format!("{} ({})", self.zh(), self.en())
    }
}

/// `n` (1 to 99) in Chinese numerals, as articles are numbered: `十五`,
/// `二十三`; other numbers in digits.
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[(n / 10) as usize]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(article: u32, paragraph: Option<u32>, items: Vec<u32>) -> Citation {
        Citation {
            id: "x".into(),
            law: "旅游投诉处理办法".into(),
            en: "tourism complaint measures".into(),
            article,
            through: None,
            section: None,
            paragraph,
            items,
            says: String::new(),
            collection: None,
        }
    }

    #[test]
    fn articles_are_cited_as_chinese_documents_cite_them() {
        assert_eq!(
            citation(15, None, vec![3]).zh(),
            "《旅游投诉处理办法》第十五条第（三）项"
        );
        assert_eq!(
            citation(21, None, vec![2, 3]).place_zh(),
            "第二十一条第（二）（三）项"
        );
        assert_eq!(citation(17, Some(2), vec![]).place_zh(), "第十七条第二款");
        assert_eq!(
            citation(25, None, vec![2]).en(),
            "tourism complaint measures, art. 25(2)"
        );
        for (n, zh) in [
            (1, "一"),
            (10, "十"),
            (14, "十四"),
            (20, "二十"),
            (32, "三十二"),
        ] {
            assert_eq!(chinese_number(n), zh);
        }
    }
}
