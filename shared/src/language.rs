//! The languages the public side is written in, and the Welsh of the messages this crate makes.
//!
//! A rule's English lives in its error's `Display`; its Welsh lives beside it, in an exhaustive
//! `match` implementing [`Welsh`], so the compiler refuses a new error without its Welsh. The
//! browser (instant feedback) and the server (the authority) show the same words in either
//! language.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Languages the public pages can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    English,
    Welsh,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::English, Locale::Welsh];

    /// As in addresses (`?lang=cy`) and the cookie that remembers it.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Welsh => "cy",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// For `lang` attributes.
    pub fn lang_tag(self) -> &'static str {
        match self {
            Self::English => "en-GB",
            Self::Welsh => "cy",
        }
    }

    /// The language's name in itself, as the switch to it reads.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Welsh => "Cymraeg",
        }
    }

    /// The text written for this language, of a pair given in both (pages' fixed words).
    pub fn pick<'a>(self, english: &'a str, welsh: &'a str) -> &'a str {
        match self {
            Self::English => english,
            Self::Welsh => welsh,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::English => Self::Welsh,
            Self::Welsh => Self::English,
        }
    }
}

/// An error's message in Welsh (its English is its `Display`), starting lower-case as the
/// English does: [`crate::referral::FieldError`] capitalises both.
pub trait Welsh {
    fn welsh(&self) -> Cow<'static, str>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_named_by_code_in_themselves() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
            assert_ne!(l.other(), l);
            assert_eq!(l.other().other(), l);
        }
        assert_eq!(Locale::from_code("fr"), None);
        assert_eq!((Locale::Welsh.lang_tag(), Locale::Welsh.own_name()), ("cy", "Cymraeg"));
    }
}
