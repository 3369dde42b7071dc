//! Sums of money in yuan, held exactly as whole fen (分): a compensation
//! of 12000.50 yuan is 1 200 050 fen, never a float that sums to
//! 12000.499999.
//!
//! Case files and JSON write it as text with two decimals (`'12000.50'`);
//! a hand-edited file may write a plain number (`12000`, `12000.5`),
//! which reads the same.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest amount accepted: a trillion yuan, far above any award, far
/// below where fen stop fitting in an `i64`.
const MAX_FEN: i64 = 100_000_000_000_000;

/// An amount of money in fen (1 yuan = 100 fen), never negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Yuan {
    /// The amount in fen.
    pub fen: i64,
}

impl Yuan {
    /// Parses an amount as people type it: `12000`, `12000.5`,
    /// `12,000.00`, `¥12000`, `12000元`. `None` for anything else (a
    /// negative amount, more than two decimals, letters, beyond
    /// [`MAX_FEN`]).
    pub fn parse(text: &str) -> Option<Yuan> {
        let text = text.trim();
        let text = text
            .strip_prefix(['¥', '￥'])
            .unwrap_or(text)
            .trim_end_matches("人民币")
            .trim_end_matches('元')
            .trim();
        let digits: String = text.chars().filter(|c| !matches!(c, ',' | '，')).collect();
        let (whole, part) = digits.split_once('.').unwrap_or((&digits, ""));
        let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !plain(whole) || !plain(part) || part.len() > 2 || whole.len() > 15 {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let part: i64 = format!("{part:0<2}").parse().ok()?;
        let fen = whole.checked_mul(100)?.checked_add(part)?;
        (fen <= MAX_FEN).then_some(Yuan { fen })
    }

    /// The sum of both, saturating at the largest `i64` (never reached:
    /// every amount is at most [`MAX_FEN`]).
    pub fn plus(self, other: Yuan) -> Yuan {
        Yuan {
            fen: self.fen.saturating_add(other.fen),
        }
    }
}

impl fmt::Display for Yuan {
    /// Yuan with two decimals: `12000.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.fen / 100, self.fen % 100)
    }
}

impl Serialize for Yuan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serializer.serialize_i64(self.fen)
        }
    }
}

impl<'de> Deserialize<'de> for Yuan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Yuan, D::Error> {
        if !deserializer.is_human_readable() {
            return Ok(Yuan {
                fen: i64::deserialize(deserializer)?,
            });
        }
        deserializer.deserialize_any(AmountVisitor)
    }
}

struct AmountVisitor;

impl AmountVisitor {
    fn amount<E: serde::de::Error>(text: &str) -> Result<Yuan, E> {
        Yuan::parse(text).ok_or_else(|| {
            E::custom(format!(
                "'{text}' is not an amount in yuan (e.g. 12000 or 12000.50)"
            ))
        })
    }
}

impl serde::de::Visitor<'_> for AmountVisitor {
    type Value = Yuan;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount in yuan, e.g. 12000 or '12000.50'")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Yuan, E> {
        Self::amount(v)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Yuan, E> {
        Self::amount(&v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Yuan, E> {
        Self::amount(&v.to_string())
    }

    /// A plain number with decimals (`12000.5`) reaches here as a float;
    /// its shortest decimal form is the text that was written.
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Yuan, E> {
        Self::amount(&v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_typed_and_kept_exactly() {
        for (text, fen) in [
            ("12000", 1_200_000),
            ("12000.5", 1_200_050),
            ("12,000.05", 1_200_005),
            ("¥ 300元", 30_000),
            ("0.1", 10),
        ] {
            assert_eq!(Yuan::parse(text), Some(Yuan { fen }), "{text}");
        }
        for bad in [
            "",
            "-5",
            "1.234",
            "abc",
            "1e3",
            ".5",
            "12.3.4",
            "9999999999999999",
        ] {
            assert_eq!(Yuan::parse(bad), None, "{bad}");
        }
        let sum = Yuan::parse("0.1")
            .unwrap()
            .plus(Yuan::parse("0.2").unwrap());
        assert_eq!(sum.to_string(), "0.30");
    }

    #[test]
    fn files_hold_text_and_read_plain_numbers_too() {
        let amount = Yuan::parse("12000.5").unwrap();
        assert_eq!(serde_yaml::to_string(&amount).unwrap(), "'12000.50'\n");
        for yaml in ["12000.5", "'12000.50'", "\"12000.5\""] {
            assert_eq!(
                serde_yaml::from_str::<Yuan>(yaml).unwrap(),
                amount,
                "{yaml}"
            );
        }
        assert_eq!(
            serde_yaml::from_str::<Yuan>("12000").unwrap().fen,
            1_200_000
        );
        assert!(serde_yaml::from_str::<Yuan>("-1").is_err());
        let bytes = postcard::to_stdvec(&amount).unwrap();
        assert_eq!(postcard::from_bytes::<Yuan>(&bytes).unwrap(), amount);
    }
}
