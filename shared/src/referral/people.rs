//! The people in a referral: names, dates of birth, and a safe way to contact each adult.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// Oldest date of birth we accept for anyone.
const EARLIEST_YEAR: i32 = 1900;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PersonError {
    #[error("enter the full name")]
    NameMissing,
    #[error("the name must be 100 characters or fewer")]
    NameTooLong,
    #[error("the name must not contain control characters")]
    NameInvalid,
    #[error("enter the date of birth")]
    DateMissing,
    #[error("the date of birth must be a real date")]
    DateNotReal,
    #[error("the date of birth must be in the past")]
    DateInFuture,
    #[error("the date of birth must be after 1900")]
    DateTooEarly,
    #[error("a child must be under 18")]
    NotAChild,
    #[error("enter a UK phone number, like 07700 900 982, or an international number starting with +")]
    PhoneInvalid,
    #[error("enter an email address in the correct format, like name@example.com")]
    EmailInvalid,
}

/// A person's full name as they write it: trimmed, 1–100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_LEN: usize = 100;

    pub fn parse(input: &str) -> Result<Self, PersonError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(PersonError::NameMissing);
        }
        if name.chars().count() > Self::MAX_LEN {
            return Err(PersonError::NameTooLong);
        }
        if name.chars().any(char::is_control) {
            return Err(PersonError::NameInvalid);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::string_newtype!(PersonName, PersonError);

/// A date of birth from the GOV.UK three-field date input, checked against `today`.
///
/// Serialised as `YYYY-MM-DD` but never deserialised: whether a date is valid depends on the day
/// it is checked, so it is only ever built by [`DateOfBirth::parse`] from what the person typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(into = "crate::centre_profile::IsoDate")]
pub struct DateOfBirth(Date);

impl From<DateOfBirth> for crate::centre_profile::IsoDate {
    fn from(value: DateOfBirth) -> Self {
        value.0.into()
    }
}

impl DateOfBirth {
    pub fn parse(day: &str, month: &str, year: &str, today: Date) -> Result<Self, PersonError> {
        let (day, month, year) = (day.trim(), month.trim(), year.trim());
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return Err(PersonError::DateMissing);
        }
        let number = |s: &str, max_len: usize| -> Result<u16, PersonError> {
            if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PersonError::DateNotReal);
            }
            s.parse().map_err(|_| PersonError::DateNotReal)
        };
        let (d, m, y) = (number(day, 2)?, number(month, 2)?, number(year, 4)?);
        if year.len() != 4 {
            return Err(PersonError::DateNotReal);
        }
        let month = u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok()).ok_or(PersonError::DateNotReal)?;
        let day = u8::try_from(d).map_err(|_| PersonError::DateNotReal)?;
        let date = Date::from_calendar_date(i32::from(y), month, day).map_err(|_| PersonError::DateNotReal)?;
        if date > today {
            return Err(PersonError::DateInFuture);
        }
        if date.year() < EARLIEST_YEAR {
            return Err(PersonError::DateTooEarly);
        }
        Ok(Self(date))
    }

    pub fn date(self) -> Date {
        self.0
    }

    /// Age in whole years on `today`.
    pub fn age_on(self, today: Date) -> i32 {
        let born = self.0;
        let mut age = today.year() - born.year();
        if (today.month(), today.day()) < (born.month(), born.day()) {
            age -= 1;
        }
        age
    }

    /// The same date, checked to be a child's (under 18 on `today`).
    pub fn of_child(self, today: Date) -> Result<Self, PersonError> {
        if self.age_on(today) < 18 { Ok(self) } else { Err(PersonError::NotAChild) }
    }
}

/// A phone number, normalised to digits with a leading `+` for international numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, PersonError> {
        if input.len() > 40 {
            return Err(PersonError::PhoneInvalid);
        }
        let kept: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.')).collect();
        let (plus, digits) = match kept.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, kept.as_str()),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PersonError::PhoneInvalid);
        }
        // +44 7700… is the UK number 07700…
        let uk = match (plus, digits.strip_prefix("44")) {
            // "+44 (0)7700 …" is common: keep a single leading 0.
            (true, Some(national)) if national.starts_with('0') => Some(national.to_owned()),
            (true, Some(national)) => Some(format!("0{national}")),
            (true, None) => None,
            (false, _) => Some(digits.to_owned()),
        };
        match uk {
            Some(n) if n.starts_with('0') && (10..=11).contains(&n.len()) => Ok(Self(n)),
            Some(_) => Err(PersonError::PhoneInvalid),
            None if (8..=15).contains(&digits.len()) => Ok(Self(format!("+{digits}"))),
            None => Err(PersonError::PhoneInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::string_newtype!(PhoneNumber, PersonError);

/// An email address in a plausible shape (delivery proves the rest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, PersonError> {
        let email = input.trim();
        let Some((local, domain)) = email.rsplit_once('@') else {
            return Err(PersonError::EmailInvalid);
        };
        let valid = email.len() <= 254
            && !local.is_empty()
            && local.len() <= 64
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && !local.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if valid { Ok(Self(email.to_owned())) } else { Err(PersonError::EmailInvalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::string_newtype!(EmailAddress, PersonError);

/// How an adult can be contacted safely, and whether messages may be left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SafeContact {
    Phone {
        number: PhoneNumber,
        messages_ok: bool,
    },
    Email {
        address: EmailAddress,
    },
    /// By post only, to the address given (which may be hidden from the other party).
    Post,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(PersonName::parse("  Amelia   Jones ").unwrap().as_str(), "Amelia Jones");
        assert_eq!(PersonName::parse(" \t "), Err(PersonError::NameMissing));
        assert_eq!(PersonName::parse(&"a".repeat(101)), Err(PersonError::NameTooLong));
        assert_eq!(PersonName::parse("Zoë O'Brien-Ní Bhriain").unwrap().as_str(), "Zoë O'Brien-Ní Bhriain");
    }

    #[test]
    fn dates_of_birth_follow_the_govuk_rules() {
        let dob = |d, m, y| DateOfBirth::parse(d, m, y, TODAY);
        assert_eq!(dob("29", "2", "2020").unwrap().date(), date!(2020 - 02 - 29));
        assert_eq!(dob("", "", ""), Err(PersonError::DateMissing));
        for (d, m, y) in
            [("30", "2", "2020"), ("1", "13", "2020"), ("x", "1", "2020"), ("1", "1", "20"), ("1", "", "2020")]
        {
            assert_eq!(dob(d, m, y), Err(PersonError::DateNotReal), "{d}/{m}/{y}");
        }
        assert_eq!(dob("24", "11", "2026"), Err(PersonError::DateInFuture));
        assert_eq!(dob("1", "1", "1899"), Err(PersonError::DateTooEarly));
    }

    #[test]
    fn a_child_is_under_18_today() {
        let dob = DateOfBirth::parse("23", "11", "2008", TODAY).unwrap();
        assert_eq!(dob.age_on(TODAY), 18);
        assert_eq!(dob.of_child(TODAY), Err(PersonError::NotAChild));
        let dob = DateOfBirth::parse("24", "11", "2008", TODAY).unwrap();
        assert_eq!(dob.age_on(TODAY), 17);
        assert!(dob.of_child(TODAY).is_ok());
    }

    #[test]
    fn phone_numbers() {
        assert_eq!(PhoneNumber::parse("07700 900 982").unwrap().as_str(), "07700900982");
        assert_eq!(PhoneNumber::parse("+44 (0)7700-900982").unwrap().as_str(), "07700900982");
        assert_eq!(PhoneNumber::parse("+44 7700 900982").unwrap().as_str(), "07700900982");
        assert_eq!(PhoneNumber::parse("0115 948 4557").unwrap().as_str(), "01159484557");
        assert_eq!(PhoneNumber::parse("+33 1 23 45 67 89").unwrap().as_str(), "+33123456789");
        for bad in ["", "phone me", "12345", "0770090098212", "+1"] {
            assert_eq!(PhoneNumber::parse(bad), Err(PersonError::PhoneInvalid), "{bad}");
        }
    }

    #[test]
    fn email_addresses() {
        assert!(EmailAddress::parse(" name@example.co.uk ").is_ok());
        for bad in ["", "name", "name@", "@example.com", "name@example", "na me@example.com", "a@b..com", "a@.com"] {
            assert_eq!(EmailAddress::parse(bad), Err(PersonError::EmailInvalid), "{bad}");
        }
    }
}
