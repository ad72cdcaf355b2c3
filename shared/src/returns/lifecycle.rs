//! A return's lifecycle (draft → submitted → amended, each amendment kept) and where a centre
//! stands with each quarter: due, late, lapsed.

use crate::Quarter;
use crate::durations::Lifetime;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReturnState {
    Draft,
    Submitted,
    /// Submitted, then changed at least once (every change is kept with who, when and why).
    Amended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnAction {
    Submit,
    Amend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LifecycleError {
    #[error("this return has been submitted already: amend it instead, saying why")]
    AlreadySubmitted,
    #[error("this return has not been submitted yet, so there is nothing to amend")]
    NotSubmitted,
}

impl ReturnState {
    pub fn apply(self, action: ReturnAction) -> Result<Self, LifecycleError> {
        match (self, action) {
            (Self::Draft, ReturnAction::Submit) => Ok(Self::Submitted),
            (Self::Submitted | Self::Amended, ReturnAction::Amend) => Ok(Self::Amended),
            (Self::Submitted | Self::Amended, ReturnAction::Submit) => Err(LifecycleError::AlreadySubmitted),
            (Self::Draft, ReturnAction::Amend) => Err(LifecycleError::NotSubmitted),
        }
    }

    /// What a submit button does to a return in this state.
    pub fn next_action(self) -> ReturnAction {
        if self == Self::Draft { ReturnAction::Submit } else { ReturnAction::Amend }
    }

    pub fn is_submitted(self) -> bool {
        self != Self::Draft
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Amended => "amended",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Draft, Self::Submitted, Self::Amended].into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Submitted => "Submitted",
            Self::Amended => "Submitted and amended",
        }
    }
}

/// The longest reason kept for an amendment.
pub const MAX_AMEND_REASON: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AmendReasonError {
    #[error("say why you are changing a submitted return")]
    Missing,
    #[error("the reason must be {MAX_AMEND_REASON} characters or fewer")]
    TooLong,
}

/// The reason for an amendment: needed, and not too long.
pub fn parse_amend_reason(input: &str) -> Result<String, AmendReasonError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AmendReasonError::Missing);
    }
    if text.chars().count() > MAX_AMEND_REASON {
        return Err(AmendReasonError::TooLong);
    }
    Ok(text.to_owned())
}

/// The form field of an amendment's reason.
pub const AMEND_REASON_FIELD: &str = "amend-reason";

/// When returns are due and when a missing one lapses (configurable by NACCC; defaults in
/// [`crate::durations`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Days after the quarter ends that its return is due.
    pub due_days: u16,
    /// Days after the due date that a missing return makes the centre lapsed.
    pub grace_days: u16,
}

impl Default for Schedule {
    fn default() -> Self {
        Self { due_days: days_of(crate::durations::RETURN_DUE), grace_days: days_of(crate::durations::RETURN_GRACE) }
    }
}

fn days_of(lifetime: Lifetime) -> u16 {
    u16::try_from(lifetime.as_secs() / 86_400).unwrap_or(u16::MAX)
}

impl Schedule {
    pub fn due(self, quarter: Quarter) -> Date {
        quarter.end().saturating_add(Duration::days(i64::from(self.due_days)))
    }

    /// The last day a missing return is late rather than lapsed.
    pub fn lapses_after(self, quarter: Quarter) -> Date {
        self.due(quarter).saturating_add(Duration::days(i64::from(self.grace_days)))
    }

    /// Where a centre stands with `quarter`'s return on `today`.
    pub fn standing(self, quarter: Quarter, submitted_on: Option<Date>, today: Date) -> Standing {
        match submitted_on {
            Some(on) if on > self.due(quarter) => Standing::SubmittedLate,
            Some(_) => Standing::Submitted,
            None if today <= quarter.end() => Standing::NotEnded,
            None if today <= self.due(quarter) => Standing::Due,
            None if today <= self.lapses_after(quarter) => Standing::Late,
            None => Standing::Lapsed,
        }
    }
}

/// A centre's standing with one quarter's return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Standing {
    /// The quarter has not ended.
    NotEnded,
    /// Ended, not yet due.
    Due,
    /// Past its due date, within the grace period.
    Late,
    /// Missing past the grace period.
    Lapsed,
    Submitted,
    SubmittedLate,
}

impl Standing {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotEnded => "Quarter not ended",
            Self::Due => "Due",
            Self::Late => "Late",
            Self::Lapsed => "Missing: lapsed",
            Self::Submitted => "Submitted",
            Self::SubmittedLate => "Submitted late",
        }
    }

    pub fn is_missing_past_due(self) -> bool {
        matches!(self, Self::Late | Self::Lapsed)
    }
}

/// How many ended quarters decide whether a centre is lapsed: a year's returns, the window the
/// accreditation cycle looks at.
pub const LAPSE_LOOKBACK: usize = 4;

/// The quarters whose returns decide a centre's standing on `today`: the last
/// [`LAPSE_LOOKBACK`] that have ended, newest first.
pub fn lookback(today: Date) -> Vec<Quarter> {
    let mut quarters = Vec::new();
    let mut q = Quarter::containing(today).ok().and_then(Quarter::previous);
    while let Some(quarter) = q {
        if quarters.len() == LAPSE_LOOKBACK {
            break;
        }
        quarters.push(quarter);
        q = quarter.previous();
    }
    quarters
}

/// A centre is lapsed while any return of the lookback is missing past its grace period; sending
/// it ends the lapse.
pub fn is_lapsed(schedule: Schedule, submitted: impl Fn(Quarter) -> Option<Date>, today: Date) -> bool {
    lookback(today).into_iter().any(|q| schedule.standing(q, submitted(q), today) == Standing::Lapsed)
}

/// `n` quarters ending with `last`, oldest first.
pub fn quarters_to(last: Quarter, n: usize) -> Vec<Quarter> {
    let mut quarters = vec![last];
    while quarters.len() < n {
        match quarters[0].previous() {
            Some(q) => quarters.insert(0, q),
            None => break,
        }
    }
    quarters
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn q(s: &str) -> Quarter {
        Quarter::parse(s).unwrap()
    }

    #[test]
    fn draft_submitted_amended() {
        use ReturnAction::*;
        let s = ReturnState::Draft.apply(Submit).unwrap();
        assert_eq!(s, ReturnState::Submitted);
        assert_eq!(s.apply(Amend), Ok(ReturnState::Amended));
        assert_eq!(ReturnState::Amended.apply(Amend), Ok(ReturnState::Amended));
        assert_eq!(s.apply(Submit), Err(LifecycleError::AlreadySubmitted));
        assert_eq!(ReturnState::Draft.apply(Amend), Err(LifecycleError::NotSubmitted));
        for state in [ReturnState::Draft, ReturnState::Submitted, ReturnState::Amended] {
            assert_eq!(ReturnState::from_code(state.code()), Some(state));
            assert!(state.apply(state.next_action()).is_ok());
        }
    }

    #[test]
    fn an_amendment_needs_a_reason() {
        assert_eq!(parse_amend_reason("  "), Err(AmendReasonError::Missing));
        assert_eq!(parse_amend_reason(&"x".repeat(MAX_AMEND_REASON + 1)), Err(AmendReasonError::TooLong));
        assert_eq!(parse_amend_reason(" Late paper forms "), Ok("Late paper forms".into()));
    }

    #[test]
    fn due_28_days_after_the_quarter_and_lapsed_28_days_later() {
        let s = Schedule::default();
        assert_eq!((s.due_days, s.grace_days), (28, 28));
        assert_eq!(s.due(q("2026-Q3")), date!(2026 - 10 - 28));
        assert_eq!(s.lapses_after(q("2026-Q3")), date!(2026 - 11 - 25));
        let standing = |today| s.standing(q("2026-Q3"), None, today);
        assert_eq!(standing(date!(2026 - 09 - 30)), Standing::NotEnded);
        assert_eq!(standing(date!(2026 - 10 - 01)), Standing::Due);
        assert_eq!(standing(date!(2026 - 10 - 28)), Standing::Due);
        assert_eq!(standing(date!(2026 - 10 - 29)), Standing::Late);
        assert_eq!(standing(date!(2026 - 11 - 25)), Standing::Late);
        assert_eq!(standing(date!(2026 - 11 - 26)), Standing::Lapsed);
        let sent = |on| s.standing(q("2026-Q3"), Some(on), date!(2027 - 06 - 01));
        assert_eq!(sent(date!(2026 - 10 - 28)), Standing::Submitted);
        assert_eq!(sent(date!(2026 - 10 - 29)), Standing::SubmittedLate);
    }

    #[test]
    fn the_due_date_is_configurable() {
        let s = Schedule { due_days: 14, grace_days: 0 };
        assert_eq!(s.due(q("2026-Q4")), date!(2027 - 01 - 14));
        assert_eq!(s.standing(q("2026-Q4"), None, date!(2027 - 01 - 15)), Standing::Lapsed);
    }

    #[test]
    fn lapsed_on_an_injected_clock_and_cleared_by_sending() {
        let s = Schedule::default();
        // 2026-12-03: the last four ended quarters are 2026-Q3 back to 2025-Q4.
        let today = date!(2026 - 12 - 03);
        assert_eq!(lookback(today), vec![q("2026-Q3"), q("2026-Q2"), q("2026-Q1"), q("2025-Q4")]);
        let all_sent = |_q: Quarter| Some(date!(2026 - 01 - 01));
        assert!(!is_lapsed(s, all_sent, today));
        // 2026-Q3 missing: late on 2026-11-25, lapsed the next day.
        let missing_q3 = |quarter: Quarter| (quarter != q("2026-Q3")).then_some(date!(2026 - 01 - 01));
        assert!(!is_lapsed(s, missing_q3, date!(2026 - 11 - 25)));
        assert!(is_lapsed(s, missing_q3, date!(2026 - 11 - 26)));
        // Sent late: no longer lapsed.
        let sent_late = |_q: Quarter| Some(date!(2026 - 11 - 30));
        assert!(!is_lapsed(s, sent_late, today));
        // A return missing from before the lookback does not count.
        let missing_old = |quarter: Quarter| (quarter != q("2025-Q3")).then_some(date!(2026 - 01 - 01));
        assert!(!is_lapsed(s, missing_old, today));
    }

    #[test]
    fn quarters_to_counts_back() {
        assert_eq!(quarters_to(q("2026-Q2"), 3), vec![q("2025-Q4"), q("2026-Q1"), q("2026-Q2")]);
    }
}
