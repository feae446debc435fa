//! Account rules that do not need a database.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// A login name: 3–32 of a–z, 0–9, `.`, `_`, `-`, stored lower-case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Username(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("a username has 3–32 characters of a–z, 0–9, '.', '_' or '-'")]
    BadUsername,
    #[error("a password has at least {MIN_PASSWORD_CHARS} characters")]
    ShortPassword,
}

pub const MIN_PASSWORD_CHARS: usize = 8;

impl Username {
    pub fn parse(s: &str) -> Result<Self, AccountError> {
        let name = s.trim().to_lowercase();
        let valid = (3..=32).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        if valid { Ok(Self(name)) } else { Err(AccountError::BadUsername) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password that meets the policy. It has no `Debug` output and no
/// `Serialize`, so it cannot end up in a log line or a response.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(s: String) -> Result<Self, AccountError> {
        if s.chars().count() >= MIN_PASSWORD_CHARS {
            Ok(Self(s))
        } else {
            Err(AccountError::ShortPassword)
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// How long a login name must wait after `failures` wrong attempts in a row.
/// The first few mistakes cost nothing; after that the wait doubles up to a
/// ceiling, which stops password guessing without locking a real user out.
pub fn login_backoff(failures: u32) -> Duration {
    const FREE_ATTEMPTS: u32 = 3;
    const CEILING_SECS: u64 = 300;
    if failures < FREE_ATTEMPTS {
        return Duration::ZERO;
    }
    let exponent = (failures - FREE_ATTEMPTS).min(16);
    Duration::from_secs((1u64 << exponent).min(CEILING_SECS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(Username::parse(" Officer ").map(|u| u.0), Ok("officer".to_owned()));
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("an đức").is_err());
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(NewPassword::parse("1234567".into()).is_err());
        assert!(NewPassword::parse("demo12345".into()).is_ok());
    }

    #[test]
    fn backoff_starts_after_three_failures_and_is_capped() {
        assert_eq!(login_backoff(0), Duration::ZERO);
        assert_eq!(login_backoff(2), Duration::ZERO);
        assert_eq!(login_backoff(3), Duration::from_secs(1));
        assert_eq!(login_backoff(4), Duration::from_secs(2));
        assert_eq!(login_backoff(6), Duration::from_secs(8));
        assert_eq!(login_backoff(100), Duration::from_secs(300));
    }
}
