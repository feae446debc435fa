//! Business codes of units, positions and areas: what HR files and bank files
//! use to refer to them. Codes are stable and human-typed, ids are not.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a code (2–20 characters of A–Z, 0–9, '-', '.')")]
pub struct BadCode(pub String);

fn parse_code(s: &str) -> Result<String, BadCode> {
    let code = s.trim().to_uppercase();
    let valid = (2..=20).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.'));
    if valid { Ok(code) } else { Err(BadCode(s.to_owned())) }
}

macro_rules! code_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Trims and upper-cases; refuses anything but A–Z, 0–9, `-`, `.`:
            /// no SQL LIKE wildcard can hide in a unit path built from codes.
            pub fn parse(s: &str) -> Result<Self, BadCode> {
                parse_code(s).map(Self)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = BadCode;
            fn try_from(s: String) -> Result<Self, BadCode> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(c: $name) -> String {
                c.0
            }
        }
    )*};
}

code_type!(
    /// A unit's code, such as `HNI` or `HNI-CC01`.
    UnitCode,
    /// A job position's code, such as `VT-TTHQ-01`.
    PositionCode,
    /// A competency area's code, such as `TGHQ`.
    AreaCode,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_trimmed_and_upper_cased() {
        assert_eq!(UnitCode::parse(" hni-01 ").map(String::from), Ok("HNI-01".to_owned()));
        assert!(UnitCode::parse("H").is_err());
        assert!(PositionCode::parse("HÀ NỘI").is_err());
        assert!(AreaCode::parse("A;DROP").is_err());
        assert!(UnitCode::parse("HN_1").is_err(), "'_' is a LIKE wildcard");
        assert!(AreaCode::parse(&"X".repeat(21)).is_err());
    }

    #[test]
    fn deserialising_checks_the_code() {
        let ok: Result<AreaCode, _> = serde_json::from_str("\"tghq\"");
        assert_eq!(ok.map(String::from).ok(), Some("TGHQ".to_owned()));
        let bad: Result<AreaCode, _> = serde_json::from_str("\"t g\"");
        assert!(bad.is_err());
    }
}
