//! Case IDs: `YYYYMMDD-XXXXX`, the date of receipt and five random
//! Crockford base32 characters.
//!
//! The date part makes IDs sort by receipt and names the shard folder
//! (`cases/YYYY/`), so an ID maps to its file without a search; the 25 random
//! bits keep clones that register independently from colliding, and
//! registration re-draws when the file already exists locally. Crockford's
//! alphabet has no I, L, O or U, so an ID read over the phone is unambiguous.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The folder of stored attachments inside a workspace.
pub const ATTACHMENTS_DIR: &str = "attachments";
/// The folder of issued notices inside a workspace.
pub const NOTICES_DIR: &str = "notices";

/// The Crockford base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Number of random characters after the date.
pub const RANDOM_LEN: usize = 5;
/// Total length of a full ID: 8 date digits, a dash, the random part.
pub const ID_LEN: usize = 9 + RANDOM_LEN;

/// One Crockford base32 character for each byte (its low five bits):
/// random or digest bytes made readable over the phone.
pub fn crockford(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| ALPHABET[(*b & 31) as usize] as char)
        .collect()
}

/// A validated, full case ID. Always `ID_LEN` characters, upper case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CaseId(String);

impl CaseId {
    /// Draws a new random ID for a case received on `date`.
    pub fn generate(date: NaiveDate) -> Result<Self> {
        let mut bytes = [0u8; RANDOM_LEN];
        getrandom::fill(&mut bytes)
            .map_err(|e| Error::invalid(crate::said!("id-no-randomness", error = e)))?;
        Ok(CaseId(format!(
            "{}-{}",
            date.format("%Y%m%d"),
            crockford(&bytes)
        )))
    }

    /// Parses a full ID, accepting lower case and the Crockford look-alikes
    /// (`I`/`L` for 1, `O` for 0) in the random part.
    pub fn parse(text: &str) -> Result<Self> {
        let normalized = normalize_query(text)?;
        let bad = || Error::invalid(crate::said!("id-malformed", text = text));
        if normalized.len() != ID_LEN || normalized.as_bytes()[8] != b'-' {
            return Err(bad());
        }
        let (date, random) = (&normalized[..8], &normalized[9..]);
        NaiveDate::parse_from_str(date, "%Y%m%d").map_err(|_| bad())?;
        if !random.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(bad());
        }
        Ok(CaseId(normalized))
    }

    /// The year folder the case file lives in.
    pub fn year(&self) -> &str {
        &self.0[..4]
    }

    /// Whether `file` (as a history records it) names a file stored for
    /// this case: `attachments/ID/NAME` or `notices/YEAR/ID/NAME`, a plain
    /// relative path that neither climbs out nor reaches into another
    /// case's folder. A hand-edited or imported history is not trusted.
    pub fn owns_stored_file(&self, file: &str) -> bool {
        let parts: Vec<&str> = file.split('/').collect();
        let plain = |part: &&str| !part.is_empty() && *part != "." && *part != "..";
        if file.contains('\\') || !parts.iter().all(plain) {
            return false;
        }
        match parts.as_slice() {
            [ATTACHMENTS_DIR, case, _name] => *case == self.as_str(),
            [NOTICES_DIR, year, case, _name] => *year == self.year() && *case == self.as_str(),
            _ => false,
        }
    }

    /// The date of receipt encoded in the ID.
    pub fn date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.0[..8], "%Y%m%d").expect("validated at construction")
    }

    /// The ID as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CaseId {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        CaseId::parse(&value)
    }
}

impl From<CaseId> for String {
    fn from(id: CaseId) -> String {
        id.0
    }
}

/// Normalizes what a user typed as (part of) an ID: upper case, Crockford
/// look-alikes mapped. Refuses anything path-like before it can reach the disk.
pub fn normalize_query(text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(crate::said!("id-empty")));
    }
    if text.contains(['/', '\\']) || text.contains("..") || text.contains('\0') {
        return Err(Error::invalid(crate::said!("id-path", text = text)));
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let c = c.to_ascii_uppercase();
        let mapped = match c {
            'I' | 'L' => '1',
            'O' => '0',
            '0'..='9' | 'A'..='Z' | '-' => c,
            _ => {
                return Err(Error::invalid(crate::said!(
                    "id-character",
                    text = text,
                    n = i + 1,
                    c = c
                )));
            }
        };
        out.push(mapped);
    }
    if out.len() > ID_LEN {
        return Err(Error::invalid(crate::said!(
            "id-too-long",
            text = text,
            max = ID_LEN
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse_and_sort_by_date() {
        let a = CaseId::generate(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()).unwrap();
        let b = CaseId::generate(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()).unwrap();
        assert_eq!(CaseId::parse(a.as_str()).unwrap(), a);
        assert!(a < b);
        assert_eq!(b.as_str().len(), ID_LEN);
        assert!(b.as_str().starts_with("20261129-"));
        assert_eq!(b.year(), "2026");
    }

    #[test]
    fn lookalikes_are_accepted() {
        let id = CaseId::parse("20261129-k7qfo").unwrap();
        assert_eq!(id.as_str(), "20261129-K7QF0");
        assert_eq!(
            CaseId::parse("20261129-i7qfl").unwrap().as_str(),
            "20261129-17QF1"
        );
    }

    #[test]
    fn path_like_ids_are_refused() {
        for bad in ["../../etc/passwd", "2026/x", "a\\b", "..", "20261129-K7Q F"] {
            assert!(normalize_query(bad).is_err(), "{bad}");
        }
        assert!(CaseId::parse("20261329-K7QF2").is_err());
        assert!(CaseId::parse("20261129-K7QU2").is_err());
    }
}
