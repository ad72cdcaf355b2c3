//! Calendar quarters, the period of a centre's statistics return: `2025-Q3` is July–September 2025.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};
use time::{Date, Month};

/// Years the product can talk about; outside this range a quarter is surely a typo.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuarterError {
    #[error("a quarter is written like 2025-Q3")]
    InvalidFormat,
    #[error("the year must be between {FIRST_YEAR} and {LAST_YEAR}")]
    YearOutOfRange,
    #[error("the quarter must be Q1, Q2, Q3 or Q4")]
    QuarterOutOfRange,
}

/// A calendar quarter. Ordering is chronological (fields are compared year first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Quarter {
    year: i32,
    number: u8,
}

impl Quarter {
    pub fn new(year: i32, number: u8) -> Result<Self, QuarterError> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(QuarterError::YearOutOfRange);
        }
        if !(1..=4).contains(&number) {
            return Err(QuarterError::QuarterOutOfRange);
        }
        Ok(Self { year, number })
    }

    /// Parses `2025-Q3` (case-insensitive `q`, surrounding spaces ignored).
    pub fn parse(input: &str) -> Result<Self, QuarterError> {
        let input = input.trim();
        let (year, number) = input.split_once(['-']).ok_or(QuarterError::InvalidFormat)?;
        let number = number.strip_prefix(['Q', 'q']).ok_or(QuarterError::InvalidFormat)?;
        if year.len() != 4 || number.len() != 1 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(QuarterError::InvalidFormat);
        }
        let year: i32 = year.parse().map_err(|_| QuarterError::InvalidFormat)?;
        let number: u8 = number.parse().map_err(|_| QuarterError::InvalidFormat)?;
        Self::new(year, number)
    }

    /// The quarter a date falls in.
    pub fn containing(date: Date) -> Result<Self, QuarterError> {
        Self::new(date.year(), (u8::from(date.month()) - 1) / 3 + 1)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u8 {
        self.number
    }

    fn first_month(self) -> Month {
        // number is 1..=4, so the month number is 1, 4, 7 or 10: always a valid month.
        Month::January.nth_next((self.number - 1) * 3)
    }

    /// First day of the quarter.
    pub fn start(self) -> Date {
        Date::from_calendar_date(self.year, self.first_month(), 1).unwrap_or(Date::MIN)
    }

    /// Last day of the quarter.
    pub fn end(self) -> Date {
        let last_month = self.first_month().nth_next(2);
        let day = last_month.length(self.year);
        Date::from_calendar_date(self.year, last_month, day).unwrap_or(Date::MAX)
    }

    pub fn next(self) -> Option<Self> {
        if self.number == 4 { Self::new(self.year + 1, 1).ok() } else { Self::new(self.year, self.number + 1).ok() }
    }

    pub fn previous(self) -> Option<Self> {
        if self.number == 1 { Self::new(self.year - 1, 4).ok() } else { Self::new(self.year, self.number - 1).ok() }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

impl FromStr for Quarter {
    type Err = QuarterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Quarter {
    type Error = QuarterError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Quarter> for String {
    fn from(value: Quarter) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_and_displays() {
        let q = Quarter::parse("2025-Q3").unwrap();
        assert_eq!((q.year(), q.number()), (2025, 3));
        assert_eq!(q.to_string(), "2025-Q3");
        assert_eq!(Quarter::parse(" 2025-q1 ").unwrap().to_string(), "2025-Q1");
    }

    #[test]
    fn rejects_bad_quarters_with_reasons() {
        assert_eq!(Quarter::parse("2025-Q5"), Err(QuarterError::QuarterOutOfRange));
        assert_eq!(Quarter::parse("2025-Q0"), Err(QuarterError::QuarterOutOfRange));
        assert_eq!(Quarter::parse("1999-Q1"), Err(QuarterError::YearOutOfRange));
        for bad in ["", "2025", "2025Q3", "2025-3", "25-Q3", "2025-Q33", "2025-Q+", "+202-Q1", "2025-Ｑ3"] {
            assert_eq!(Quarter::parse(bad), Err(QuarterError::InvalidFormat), "{bad}");
        }
    }

    #[test]
    fn start_and_end_dates() {
        let q = |s| Quarter::parse(s).unwrap();
        assert_eq!(q("2025-Q1").start(), date!(2025 - 01 - 01));
        assert_eq!(q("2025-Q1").end(), date!(2025 - 03 - 31));
        assert_eq!(q("2024-Q1").end(), date!(2024 - 03 - 31));
        assert_eq!(q("2025-Q2").end(), date!(2025 - 06 - 30));
        assert_eq!(q("2025-Q3").start(), date!(2025 - 07 - 01));
        assert_eq!(q("2025-Q3").end(), date!(2025 - 09 - 30));
        assert_eq!(q("2025-Q4").end(), date!(2025 - 12 - 31));
    }

    #[test]
    fn orders_chronologically_and_steps() {
        let q = |s| Quarter::parse(s).unwrap();
        assert!(q("2024-Q4") < q("2025-Q1"));
        assert!(q("2025-Q1") < q("2025-Q2"));
        assert_eq!(q("2024-Q4").next(), Some(q("2025-Q1")));
        assert_eq!(q("2025-Q1").previous(), Some(q("2024-Q4")));
        assert_eq!(q("2100-Q4").next(), None);
        assert_eq!(Quarter::containing(date!(2025 - 08 - 15)), Ok(q("2025-Q3")));
        assert_eq!(Quarter::containing(date!(2025 - 12 - 31)), Ok(q("2025-Q4")));
    }

    #[test]
    fn every_day_of_a_year_is_in_exactly_one_quarter() {
        let mut day = date!(2024 - 01 - 01);
        while day.year() == 2024 {
            let q = Quarter::containing(day).unwrap();
            assert!(q.start() <= day && day <= q.end());
            day = day.next_day().unwrap();
        }
    }
}
