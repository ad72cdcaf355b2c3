//! The two small registers NACCC staff keep for indicators with no other source: training
//! events (date, course, audience, how many attended) and Family Justice Young People's Board
//! inspections (centre, date, stars). What an administrator types is checked here.

use crate::IsoDate;
use serde::{Deserialize, Serialize};

/// Who a training course was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    Staff,
    Volunteers,
    Judges,
}

impl Audience {
    pub const ALL: [Self; 3] = [Self::Staff, Self::Volunteers, Self::Judges];

    pub fn code(self) -> &'static str {
        match self {
            Self::Staff => "staff",
            Self::Volunteers => "volunteers",
            Self::Judges => "judges",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Staff => "Centre staff",
            Self::Volunteers => "Volunteers",
            Self::Judges => "Judges and magistrates",
        }
    }
}

/// The most places one training event can record.
pub const MAX_ATTENDEES: u32 = 5_000;
/// The longest course name.
pub const MAX_COURSE: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingEvent {
    pub held_on: IsoDate,
    pub course: String,
    pub audience: Audience,
    pub attendees: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    #[error("enter the date, like 2026-03-14")]
    Date,
    #[error("the date cannot be in the future")]
    Future,
    #[error("enter the course's name")]
    NoCourse,
    #[error("the course's name must be 120 characters or fewer")]
    LongCourse,
    #[error("choose who the course was for")]
    Audience,
    #[error("enter how many attended, a whole number from 1 to 5,000")]
    Attendees,
    #[error("choose the centre")]
    Centre,
    #[error("choose a rating from 1 to 5 stars")]
    Stars,
}

/// Which field a problem belongs to, for the form.
impl RegisterError {
    pub fn field(self) -> &'static str {
        match self {
            Self::Date | Self::Future => "held-on",
            Self::NoCourse | Self::LongCourse => "course",
            Self::Audience => "audience",
            Self::Attendees => "attendees",
            Self::Centre => "centre",
            Self::Stars => "stars",
        }
    }
}

fn past_date(text: &str, today: time::Date) -> Result<IsoDate, RegisterError> {
    let date = IsoDate::parse(text.trim()).map_err(|_| RegisterError::Date)?;
    if date.date() > today {
        return Err(RegisterError::Future);
    }
    Ok(date)
}

impl TrainingEvent {
    /// Every problem at once, each for its field.
    pub fn parse(
        held_on: &str,
        course: &str,
        audience: &str,
        attendees: &str,
        today: time::Date,
    ) -> Result<Self, Vec<RegisterError>> {
        let mut errors = Vec::new();
        let held_on = past_date(held_on, today).map_err(|e| errors.push(e)).ok();
        let course = course.trim();
        if course.is_empty() {
            errors.push(RegisterError::NoCourse);
        } else if course.chars().count() > MAX_COURSE {
            errors.push(RegisterError::LongCourse);
        }
        let audience = Audience::from_code(audience);
        if audience.is_none() {
            errors.push(RegisterError::Audience);
        }
        let attendees = attendees.trim().parse::<u32>().ok().filter(|n| (1..=MAX_ATTENDEES).contains(n));
        if attendees.is_none() {
            errors.push(RegisterError::Attendees);
        }
        match (held_on, audience, attendees) {
            (Some(held_on), Some(audience), Some(attendees)) if errors.is_empty() => {
                Ok(Self { held_on, course: course.to_owned(), audience, attendees })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub inspected_on: IsoDate,
    pub stars: u8,
}

impl Inspection {
    /// The centre is checked by the caller (it must be a member centre).
    pub fn parse(inspected_on: &str, stars: &str, today: time::Date) -> Result<Self, Vec<RegisterError>> {
        let mut errors = Vec::new();
        let on = past_date(inspected_on, today).map_err(|e| errors.push(e)).ok();
        let stars = stars.trim().parse::<u8>().ok().filter(|s| (1..=5).contains(s));
        if stars.is_none() {
            errors.push(RegisterError::Stars);
        }
        match (on, stars) {
            (Some(inspected_on), Some(stars)) => Ok(Self { inspected_on, stars }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: time::Date = date!(2026 - 03 - 20);

    #[test]
    fn a_training_event_is_checked_field_by_field() {
        let ok = TrainingEvent::parse("2026-03-14", " Domestic abuse awareness ", "volunteers", "24", TODAY).unwrap();
        assert_eq!(
            (ok.course.as_str(), ok.audience, ok.attendees),
            ("Domestic abuse awareness", Audience::Volunteers, 24)
        );
        let all = TrainingEvent::parse("14/03/2026", "", "everyone", "0", TODAY).unwrap_err();
        assert_eq!(
            all,
            vec![RegisterError::Date, RegisterError::NoCourse, RegisterError::Audience, RegisterError::Attendees]
        );
        assert_eq!(
            TrainingEvent::parse("2026-03-21", "C", "judges", "3", TODAY).unwrap_err(),
            vec![RegisterError::Future]
        );
        let long = "x".repeat(MAX_COURSE + 1);
        assert_eq!(
            TrainingEvent::parse("2026-03-14", &long, "staff", "3", TODAY).unwrap_err(),
            vec![RegisterError::LongCourse]
        );
        assert_eq!(
            TrainingEvent::parse("2026-03-14", "C", "staff", "5001", TODAY).unwrap_err(),
            vec![RegisterError::Attendees]
        );
    }

    #[test]
    fn an_inspection_has_one_to_five_stars() {
        assert_eq!(Inspection::parse("2026-01-05", "5", TODAY).unwrap().stars, 5);
        assert_eq!(Inspection::parse("2026-01-05", "6", TODAY).unwrap_err(), vec![RegisterError::Stars]);
        assert_eq!(Inspection::parse("", "0", TODAY).unwrap_err(), vec![RegisterError::Date, RegisterError::Stars]);
    }
}
