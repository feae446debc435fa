//! Pages grouped by the role that uses them; each module holds its components
//! and the server functions they call.

pub mod central;
pub mod login;
pub mod officer;
pub mod staff;
pub mod unit_admin;

use crate::i18n::*;

/// Picks the name in the reader's language; names are stored in both.
pub fn localized<'a>(locale: Locale, vi: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::vi => vi,
        Locale::en => en,
    }
}
