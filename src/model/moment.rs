//! How a moment (`DateTime<FixedOffset>`) is serialized: as RFC 3339 text
//! in every human-readable format (the YAML of case files, JSON), and as
//! numbers (seconds, nanoseconds, offset) in a compact binary one (the
//! case index's `postcard` copy), which decodes without parsing text: the
//! text parse was an eighth of the time of a warm `summary`.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serializes `at` as text, or as numbers where the format is binary.
pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        return at.serialize(s);
    }
    (
        at.timestamp(),
        at.timestamp_subsec_nanos(),
        at.offset().local_minus_utc(),
    )
        .serialize(s)
}

/// Reads what [`serialize`] wrote.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    if d.is_human_readable() {
        return DateTime::deserialize(d);
    }
    let (seconds, nanos, offset) = <(i64, u32, i32)>::deserialize(d)?;
    let bad = || serde::de::Error::custom("moment out of range");
    let offset = FixedOffset::east_opt(offset).ok_or_else(bad)?;
    DateTime::from_timestamp(seconds, nanos)
        .map(|at| at.with_timezone(&offset))
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct At(#[serde(with = "super")] DateTime<FixedOffset>);

    #[test]
    fn a_moment_is_text_in_json_and_numbers_in_postcard_and_comes_back() {
        let at = At(DateTime::parse_from_rfc3339("2026-11-29T10:00:00.5+08:00").unwrap());
        assert_eq!(
            serde_json::to_string(&at).unwrap(),
            serde_json::to_string(&at.0).unwrap()
        );
        let bytes = postcard::to_stdvec(&at).unwrap();
        assert!(bytes.len() < 16, "{bytes:?}");
        let back: At = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, at);
        assert_eq!(back.0.offset(), at.0.offset());
    }
}
