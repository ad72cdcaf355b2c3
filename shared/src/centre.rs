//! Child contact centres: the members of NACCC that families are referred to.

use crate::geo::LatLon;
use crate::postcode::Postcode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CentreError {
    #[error("the name is empty")]
    EmptyName,
    #[error("the name is longer than {} characters", CentreName::MAX_LEN)]
    NameTooLong,
    #[error("the text contains control characters")]
    ControlCharacters,
    #[error("a slug uses only a–z, 0–9 and single hyphens between words")]
    InvalidSlug,
    #[error("unknown code")]
    UnknownCode,
    #[error("opening days are a 7-bit set")]
    InvalidOpeningDays,
}

/// A centre's or place's display name: trimmed, 1–120 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CentreName(String);

impl CentreName {
    pub const MAX_LEN: usize = 120;

    pub fn parse(input: &str) -> Result<Self, CentreError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CentreError::EmptyName);
        }
        if trimmed.chars().count() > Self::MAX_LEN {
            return Err(CentreError::NameTooLong);
        }
        if trimmed.chars().any(char::is_control) {
            return Err(CentreError::ControlCharacters);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The URL name of a centre, as in `/centres/{slug}`: `st-marys-nottingham`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 80;

    pub fn parse(input: &str) -> Result<Self, CentreError> {
        let valid = !input.is_empty()
            && input.len() <= Self::MAX_LEN
            && input.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-')
            && !input.contains("--");
        if valid { Ok(Self(input.to_owned())) } else { Err(CentreError::InvalidSlug) }
    }

    /// Derives a slug from a name: `St Mary's Centre, Nottingham` → `st-marys-centre-nottingham`.
    pub fn from_name(name: &CentreName) -> Result<Self, CentreError> {
        let mut slug = String::with_capacity(name.as_str().len());
        for c in name.as_str().chars().map(fold_accent) {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if c == '\'' || c == '’' {
                // "Mary's" reads better as "marys" than "mary-s".
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        let cut = slug.char_indices().nth(Self::MAX_LEN).map_or(slug.len(), |(i, _)| i);
        Self::parse(slug[..cut].trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Folds the accented letters of Welsh, Irish and French place names to ASCII (`Môn` → `Mon`).
pub(crate) fn fold_accent(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ŵ' => 'w',
        'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
        'ç' => 'c',
        _ => c,
    }
}

/// What contact a centre offers. Candidates are members working towards accreditation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    Supported,
    Supervised,
    SupportedAndSupervised,
    Candidate,
}

impl ServiceType {
    pub const ALL: [Self; 4] = [Self::Supported, Self::Supervised, Self::SupportedAndSupervised, Self::Candidate];

    pub fn offers_supported(self) -> bool {
        matches!(self, Self::Supported | Self::SupportedAndSupervised)
    }

    pub fn offers_supervised(self) -> bool {
        matches!(self, Self::Supervised | Self::SupportedAndSupervised)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::Supervised => "supervised",
            Self::SupportedAndSupervised => "supported_and_supervised",
            Self::Candidate => "candidate",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, CentreError> {
        Self::ALL.into_iter().find(|s| s.code() == code).ok_or(CentreError::UnknownCode)
    }
}

/// The nations NACCC covers. The Channel Islands are counted with England in published figures
/// but kept apart here so the board can see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    England,
    Wales,
    NorthernIreland,
    ChannelIslands,
}

impl Nation {
    pub const ALL: [Self; 4] = [Self::England, Self::Wales, Self::NorthernIreland, Self::ChannelIslands];

    pub fn code(self) -> &'static str {
        match self {
            Self::England => "england",
            Self::Wales => "wales",
            Self::NorthernIreland => "northern_ireland",
            Self::ChannelIslands => "channel_islands",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, CentreError> {
        Self::ALL.into_iter().find(|n| n.code() == code).ok_or(CentreError::UnknownCode)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Self; 7] = [Self::Mon, Self::Tue, Self::Wed, Self::Thu, Self::Fri, Self::Sat, Self::Sun];

    /// Short code used in URLs (`day=sat`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Mon => "mon",
            Self::Tue => "tue",
            Self::Wed => "wed",
            Self::Thu => "thu",
            Self::Fri => "fri",
            Self::Sat => "sat",
            Self::Sun => "sun",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, CentreError> {
        Self::ALL.into_iter().find(|d| d.code() == code).ok_or(CentreError::UnknownCode)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The days of the week a centre is open, as a set. Stored as a 7-bit mask (Monday = bit 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct OpeningDays(u8);

impl OpeningDays {
    pub fn from_bits(bits: u8) -> Result<Self, CentreError> {
        if bits < 0x80 { Ok(Self(bits)) } else { Err(CentreError::InvalidOpeningDays) }
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn with(self, day: Weekday) -> Self {
        Self(self.0 | day.bit())
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & day.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn days(self) -> impl Iterator<Item = Weekday> {
        Weekday::ALL.into_iter().filter(move |d| self.contains(*d))
    }
}

impl FromIterator<Weekday> for OpeningDays {
    fn from_iter<I: IntoIterator<Item = Weekday>>(iter: I) -> Self {
        iter.into_iter().fold(Self::default(), Self::with)
    }
}

impl TryFrom<u8> for OpeningDays {
    type Error = CentreError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::from_bits(value)
    }
}

impl From<OpeningDays> for u8 {
    fn from(value: OpeningDays) -> Self {
        value.0
    }
}

/// A child contact centre as the public directory shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Centre {
    pub name: CentreName,
    pub slug: Slug,
    pub service: ServiceType,
    pub nation: Nation,
    /// Region within the nation, e.g. "East Midlands" or "South Wales".
    pub region: CentreName,
    pub town: CentreName,
    pub postcode: Postcode,
    pub accepts_online_referrals: bool,
    pub opening_days: OpeningDays,
    /// Where the centre is, for "nearest first"; from its postcode district unless set by hand.
    /// `None` when unknown: the centre is then listed after those with a distance.
    pub location: Option<LatLon>,
    /// Step-free access to the contact rooms and an accessible toilet.
    pub wheelchair_access: bool,
}

crate::string_newtype!(CentreName, CentreError, display);
crate::string_newtype!(Slug, CentreError, display);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(CentreName::parse("  Nottingham Centre ").unwrap().as_str(), "Nottingham Centre");
        assert_eq!(CentreName::parse("   "), Err(CentreError::EmptyName));
        assert_eq!(CentreName::parse(&"a".repeat(121)), Err(CentreError::NameTooLong));
        assert!(CentreName::parse(&"é".repeat(120)).is_ok());
        assert_eq!(CentreName::parse("Bad\u{0}name"), Err(CentreError::ControlCharacters));
    }

    #[test]
    fn slugs_are_strict_and_derived_from_names() {
        assert!(Slug::parse("st-marys-nottingham").is_ok());
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "café", &"a".repeat(81)] {
            assert_eq!(Slug::parse(bad), Err(CentreError::InvalidSlug), "{bad}");
        }
        let name = CentreName::parse("St Mary's Child Contact Centre, Nottingham").unwrap();
        assert_eq!(Slug::from_name(&name).unwrap().as_str(), "st-marys-child-contact-centre-nottingham");
        let odd = CentreName::parse("  (Ynys Môn) — Centre ").unwrap();
        assert_eq!(Slug::from_name(&odd).unwrap().as_str(), "ynys-mon-centre");
    }

    #[test]
    fn service_types_know_what_they_offer() {
        use ServiceType::*;
        assert!(Supported.offers_supported() && !Supported.offers_supervised());
        assert!(!Supervised.offers_supported() && Supervised.offers_supervised());
        assert!(SupportedAndSupervised.offers_supported() && SupportedAndSupervised.offers_supervised());
        assert!(!Candidate.offers_supported() && !Candidate.offers_supervised());
        for s in ServiceType::ALL {
            assert_eq!(ServiceType::from_code(s.code()), Ok(s));
        }
        assert_eq!(ServiceType::from_code("both"), Err(CentreError::UnknownCode));
    }

    #[test]
    fn nations_and_weekdays_round_trip() {
        for n in Nation::ALL {
            assert_eq!(Nation::from_code(n.code()), Ok(n));
        }
        for d in Weekday::ALL {
            assert_eq!(Weekday::from_code(d.code()), Ok(d));
        }
        assert!(Weekday::from_code("Saturday").is_err());
    }

    #[test]
    fn opening_days_are_a_set() {
        let days: OpeningDays = [Weekday::Sat, Weekday::Wed, Weekday::Sat].into_iter().collect();
        assert!(days.contains(Weekday::Sat) && days.contains(Weekday::Wed));
        assert!(!days.contains(Weekday::Mon));
        assert_eq!(days.days().collect::<Vec<_>>(), vec![Weekday::Wed, Weekday::Sat]);
        assert_eq!(OpeningDays::from_bits(days.bits()), Ok(days));
        assert_eq!(OpeningDays::from_bits(0x80), Err(CentreError::InvalidOpeningDays));
        assert!(OpeningDays::default().is_empty());
    }
}
