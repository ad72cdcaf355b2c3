//! What a centre's own page shows beyond the directory listing: address, opening times,
//! accessibility, languages and its accreditation summary.

use crate::centre::{Centre, CentreError, OpeningDays, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("opening times are written like `sat 10:00-13:00; sun 14:00-16:00`")]
    OpeningTimesFormat,
    #[error("a session must close after it opens")]
    ClosesBeforeOpening,
    #[error("a date is written like 2025-03-31")]
    DateFormat,
    #[error("unknown accreditation status")]
    UnknownStatus,
    #[error("text is too long")]
    TooLong,
    #[error("text holds characters that cannot be shown")]
    Characters,
}

/// A time of day to the minute, 00:00–23:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    pub fn new(hour: u8, minute: u8) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| Self { minutes: u16::from(hour) * 60 + u16::from(minute) })
    }

    /// Parses `HH:MM` (24-hour).
    pub fn parse(input: &str) -> Option<Self> {
        let (h, m) = input.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Self::new(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn hour(self) -> u8 {
        (self.minutes / 60) as u8
    }

    pub fn minute(self) -> u8 {
        (self.minutes % 60) as u8
    }
}

impl fmt::Display for ClockTime {
    /// GOV.UK style: `10am`, `1:30pm`, `12pm` (midday), `12am` (midnight).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = (self.hour(), self.minute());
        let suffix = if h < 12 { "am" } else { "pm" };
        let h12 = match h % 12 {
            0 => 12,
            other => other,
        };
        if m == 0 { write!(f, "{h12}{suffix}") } else { write!(f, "{h12}:{m:02}{suffix}") }
    }
}

/// One regular opening: a day and the hours contact takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningSession {
    pub day: Weekday,
    pub opens: ClockTime,
    pub closes: ClockTime,
}

/// A centre's regular opening sessions, in weekday order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OpeningTimes(Vec<OpeningSession>);

impl OpeningTimes {
    /// Parses the stored form: `sat 10:00-13:00; sun 14:00-16:00` (empty means "by arrangement").
    pub fn parse(input: &str) -> Result<Self, ProfileError> {
        if input.len() > 500 {
            return Err(ProfileError::TooLong);
        }
        let mut sessions = Vec::new();
        for part in input.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (day, hours) = part.split_once(' ').ok_or(ProfileError::OpeningTimesFormat)?;
            let day = Weekday::from_code(day.trim()).map_err(|_| ProfileError::OpeningTimesFormat)?;
            let (opens, closes) = hours.trim().split_once('-').ok_or(ProfileError::OpeningTimesFormat)?;
            let opens = ClockTime::parse(opens).ok_or(ProfileError::OpeningTimesFormat)?;
            let closes = ClockTime::parse(closes).ok_or(ProfileError::OpeningTimesFormat)?;
            if closes <= opens {
                return Err(ProfileError::ClosesBeforeOpening);
            }
            sessions.push(OpeningSession { day, opens, closes });
        }
        sessions.sort_by_key(|s| (s.day, s.opens));
        Ok(Self(sessions))
    }

    pub fn sessions(&self) -> &[OpeningSession] {
        &self.0
    }

    pub fn days(&self) -> OpeningDays {
        self.0.iter().map(|s| s.day).collect()
    }
}

impl fmt::Display for OpeningTimes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|s| {
                format!(
                    "{} {:02}:{:02}-{:02}:{:02}",
                    s.day.code(),
                    s.opens.hour(),
                    s.opens.minute(),
                    s.closes.hour(),
                    s.closes.minute()
                )
            })
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl TryFrom<String> for OpeningTimes {
    type Error = ProfileError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<OpeningTimes> for String {
    fn from(value: OpeningTimes) -> Self {
        value.to_string()
    }
}

/// Where a centre stands with NACCC accreditation (the full process comes with accreditation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccreditationStatus {
    Accredited,
    AccreditedWithConditions,
    /// A member working towards accreditation (must complete within 6 months).
    Candidate,
    Suspended,
}

impl AccreditationStatus {
    pub const ALL: [Self; 4] = [Self::Accredited, Self::AccreditedWithConditions, Self::Candidate, Self::Suspended];

    pub fn code(self) -> &'static str {
        match self {
            Self::Accredited => "accredited",
            Self::AccreditedWithConditions => "accredited_with_conditions",
            Self::Candidate => "candidate",
            Self::Suspended => "suspended",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, ProfileError> {
        Self::ALL.into_iter().find(|s| s.code() == code).ok_or(ProfileError::UnknownStatus)
    }
}

/// The public accreditation summary on a centre's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccreditationSummary {
    pub status: AccreditationStatus,
    pub last_accredited: Option<IsoDate>,
    pub renewal_due: Option<IsoDate>,
}

/// A calendar date written and stored as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IsoDate(Date);

impl IsoDate {
    pub fn parse(input: &str) -> Result<Self, ProfileError> {
        let mut parts = input.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ProfileError::DateFormat);
        };
        if y.len() != 4
            || m.len() != 2
            || d.len() != 2
            || !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit())
        {
            return Err(ProfileError::DateFormat);
        }
        let month = time::Month::try_from(m.parse::<u8>().map_err(|_| ProfileError::DateFormat)?)
            .map_err(|_| ProfileError::DateFormat)?;
        let y: i32 = y.parse().map_err(|_| ProfileError::DateFormat)?;
        let d: u8 = d.parse().map_err(|_| ProfileError::DateFormat)?;
        Date::from_calendar_date(y, month, d).map(Self).map_err(|_| ProfileError::DateFormat)
    }

    pub fn date(self) -> Date {
        self.0
    }

    /// The date as people write it: "1 December 2026".
    pub fn words(self) -> String {
        format!("{} {} {}", self.0.day(), self.0.month(), self.0.year())
    }
}

impl From<Date> for IsoDate {
    fn from(value: Date) -> Self {
        Self(value)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl TryFrom<String> for IsoDate {
    type Error = ProfileError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<IsoDate> for String {
    fn from(value: IsoDate) -> Self {
        value.to_string()
    }
}

/// Free text on a centre's page (description, street, accessibility notes): trimmed, bounded.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProfileText(String);

impl ProfileText {
    pub const MAX_LEN: usize = 2000;

    pub fn parse(input: &str) -> Result<Self, ProfileError> {
        let trimmed = input.trim();
        if trimmed.chars().count() > Self::MAX_LEN {
            return Err(ProfileError::TooLong);
        }
        // Line breaks are text; other control characters and direction overrides (which could
        // make a page read differently from what it holds) are not.
        let unshowable = |c: char| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        };
        if trimmed.chars().any(unshowable) {
            return Err(ProfileError::Characters);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

crate::string_newtype!(ProfileText, ProfileError);

/// Everything a centre's public page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentreProfile {
    pub centre: Centre,
    pub street: ProfileText,
    pub description: ProfileText,
    pub opening_times: OpeningTimes,
    pub accessibility: ProfileText,
    /// Languages spoken by centre workers or with interpreters arranged, e.g. "English", "Polish".
    pub languages: Vec<String>,
    pub accreditation: AccreditationSummary,
}

/// Languages are stored comma-separated; names are trimmed and empty ones dropped.
pub fn parse_languages(input: &str) -> Result<Vec<String>, CentreError> {
    let languages: Vec<String> = input.split(',').map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    if languages.len() > 20 || languages.iter().any(|l| l.chars().count() > 40 || l.chars().any(char::is_control)) {
        return Err(CentreError::ControlCharacters);
    }
    Ok(languages)
}

#[cfg(test)]
mod date_words {
    #[test]
    fn dates_read_as_people_write_them() {
        let d = super::IsoDate::parse("2026-12-01").unwrap();
        assert_eq!(d.words(), "1 December 2026");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_parse_and_read_like_govuk() {
        assert_eq!(ClockTime::parse("10:00").unwrap().to_string(), "10am");
        assert_eq!(ClockTime::parse("13:30").unwrap().to_string(), "1:30pm");
        assert_eq!(ClockTime::parse("12:00").unwrap().to_string(), "12pm");
        assert_eq!(ClockTime::parse("0:00").unwrap().to_string(), "12am");
        for bad in ["24:00", "10:60", "10", "ab:cd", "10:5", "-1:00", "100:00"] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn opening_times_round_trip_in_weekday_order() {
        let times = OpeningTimes::parse("sun 14:00-16:00; sat 10:00-13:00").unwrap();
        assert_eq!(times.to_string(), "sat 10:00-13:00; sun 14:00-16:00");
        assert_eq!(OpeningTimes::parse(&times.to_string()), Ok(times.clone()));
        assert_eq!(times.days().days().collect::<Vec<_>>(), vec![Weekday::Sat, Weekday::Sun]);
        assert_eq!(OpeningTimes::parse(""), Ok(OpeningTimes::default()));
    }

    #[test]
    fn opening_times_reject_nonsense() {
        assert_eq!(OpeningTimes::parse("sat 13:00-10:00"), Err(ProfileError::ClosesBeforeOpening));
        for bad in ["saturday 10:00-13:00", "sat 10-13", "sat", "sat 10:00 13:00"] {
            assert_eq!(OpeningTimes::parse(bad), Err(ProfileError::OpeningTimesFormat), "{bad}");
        }
        assert_eq!(OpeningTimes::parse(&"sat 10:00-13:00;".repeat(100)), Err(ProfileError::TooLong));
    }

    #[test]
    fn iso_dates() {
        assert_eq!(IsoDate::parse("2025-03-31").unwrap().to_string(), "2025-03-31");
        for bad in ["2025-02-30", "2025-3-31", "31/03/2025", "", "2025-13-01", "+025-01-01"] {
            assert_eq!(IsoDate::parse(bad), Err(ProfileError::DateFormat), "{bad}");
        }
    }

    #[test]
    fn accreditation_codes_round_trip() {
        for s in AccreditationStatus::ALL {
            assert_eq!(AccreditationStatus::from_code(s.code()), Ok(s));
        }
    }

    #[test]
    fn languages_are_split_and_trimmed() {
        assert_eq!(parse_languages(" English, Welsh ,,BSL").unwrap(), vec!["English", "Welsh", "BSL"]);
        assert!(parse_languages(&"x".repeat(41)).is_err());
    }
}
