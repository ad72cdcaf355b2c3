//! The clocks of accreditation, by the calendar: NACCC confirms an application within 14 days, a
//! confirmed candidate completes within 6 months, accreditation is renewed every cycle (3 years
//! unless NACCC sets another), and reminders fall 12 and 3 months before a renewal, a month before
//! a candidate's deadline and 14 days before an action-plan item. "Today" is always passed in.

use super::lifecycle::Stage;
use crate::durations::{self, Months};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// `date` moved by `months` calendar months, kept within the month (31 August + 6 months is
/// 28 or 29 February).
pub fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let (year, month0) = (index.div_euclid(12), index.rem_euclid(12));
    let month = Month::try_from(u8::try_from(month0 + 1).unwrap_or(1)).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

fn months(m: Months) -> i32 {
    i32::from(m.0)
}

/// The date NACCC should confirm an application by.
pub fn confirm_by(applied_on: Date) -> Date {
    applied_on.saturating_add(Duration::seconds(durations::CANDIDATE_CONFIRMATION.as_secs()))
}

/// The date a confirmed candidate must complete accreditation by.
pub fn complete_by(confirmed_on: Date) -> Date {
    add_months(confirmed_on, months(durations::CANDIDATE_COMPLETION))
}

/// How long accreditation lasts before renewal: NACCC's setting, 1 to 10 years in whole months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenewalCycle(Months);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CycleError {
    #[error("enter the renewal cycle as a whole number of months, like 36")]
    NotANumber,
    #[error("the renewal cycle must be between 12 and 120 months")]
    OutOfRange,
}

impl RenewalCycle {
    pub const MIN_MONTHS: u16 = 12;
    pub const MAX_MONTHS: u16 = 120;

    pub fn parse(input: &str) -> Result<Self, CycleError> {
        let n: u16 = input.trim().parse().map_err(|_| CycleError::NotANumber)?;
        Self::from_months(n)
    }

    pub fn from_months(n: u16) -> Result<Self, CycleError> {
        if (Self::MIN_MONTHS..=Self::MAX_MONTHS).contains(&n) {
            Ok(Self(Months(n)))
        } else {
            Err(CycleError::OutOfRange)
        }
    }

    pub fn months(self) -> Months {
        self.0
    }

    /// When accreditation granted on `accredited_on` must be renewed.
    pub fn renewal_due(self, accredited_on: Date) -> Date {
        add_months(accredited_on, months(self.0))
    }
}

impl Default for RenewalCycle {
    fn default() -> Self {
        Self(durations::RENEWAL_CYCLE)
    }
}

/// From this date a renewal is due: the first reminder goes and re-accreditation may start.
pub fn renewal_opens(renewal_due: Date) -> Date {
    add_months(renewal_due, -months(durations::RENEWAL_REMINDERS[0]))
}

/// Where a clock stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clock {
    /// Running, with this many days left (0 on the day itself).
    DaysLeft(i64),
    /// Past its date by this many days.
    Overdue(i64),
}

impl Clock {
    pub fn at(deadline: Date, today: Date) -> Self {
        let days = (deadline - today).whole_days();
        if days >= 0 { Self::DaysLeft(days) } else { Self::Overdue(-days) }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Self::Overdue(_))
    }

    /// "12 days left", "due today", "3 days overdue".
    pub fn words(self) -> String {
        match self {
            Self::DaysLeft(0) => "due today".to_owned(),
            Self::DaysLeft(n) => format!("{} left", durations::count(n, "day", "days")),
            Self::Overdue(n) => format!("{} overdue", durations::count(n, "day", "days")),
        }
    }
}

/// A reminder, sent once per case (the key says which).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reminder {
    /// The renewal falls due in this many months.
    Renewal { months_before: u16 },
    /// A candidate's deadline is a month away (or has passed).
    CandidateDeadline,
    /// An action-plan item falls due soon (or has).
    ActionItem { item: i64 },
}

impl Reminder {
    /// What makes it once-only for its case.
    pub fn key(self) -> String {
        match self {
            Self::Renewal { months_before } => format!("renewal-{months_before}"),
            Self::CandidateDeadline => "candidate-deadline".to_owned(),
            Self::ActionItem { item } => format!("action-item-{item}"),
        }
    }
}

/// What the reminder rule needs to know about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseClocks {
    pub stage: Stage,
    /// Set once NACCC confirmed a first-time candidate (not for a re-accreditation).
    pub candidate_confirmed_on: Option<Date>,
    pub renewal_due: Option<Date>,
    /// Open action-plan items: (id, due).
    pub open_items: Vec<(i64, Date)>,
}

/// Every reminder due on `today` (the server sends each once).
pub fn reminders_due(case: &CaseClocks, today: Date) -> Vec<Reminder> {
    let mut due = Vec::new();
    if let (Some(renewal), Stage::Accredited | Stage::Conditions | Stage::RenewalDue) = (case.renewal_due, case.stage) {
        // Only the nearest reminder whose date has come: never two at once after a quiet spell.
        let nearest =
            durations::RENEWAL_REMINDERS.into_iter().filter(|m| add_months(renewal, -months(*m)) <= today).min();
        if let Some(m) = nearest {
            due.push(Reminder::Renewal { months_before: m.0 });
        }
    }
    if let (Some(confirmed), Stage::SelfAssessment) = (case.candidate_confirmed_on, case.stage)
        && add_months(complete_by(confirmed), -months(durations::CANDIDATE_REMINDER)) <= today
    {
        due.push(Reminder::CandidateDeadline);
    }
    if matches!(case.stage, Stage::Conditions | Stage::RenewalDue | Stage::Accredited) {
        let ahead = Duration::seconds(durations::ACTION_ITEM_REMINDER.as_secs());
        for (item, item_due) in &case.open_items {
            if item_due.saturating_sub(ahead) <= today {
                due.push(Reminder::ActionItem { item: *item });
            }
        }
    }
    due
}

/// The renewal has come within its window: the scheduled job moves the case to renewal due.
pub fn renewal_falls_due(case: &CaseClocks, today: Date) -> bool {
    matches!(case.stage, Stage::Accredited | Stage::Conditions)
        && case.renewal_due.is_some_and(|due| renewal_opens(due) <= today)
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
