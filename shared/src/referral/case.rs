//! The case a centre runs once a referral arrives, as a state machine: submitted → awaiting the
//! other party → screening → accepted | declined (with a reason) | redirected to supervised →
//! waiting list → pre-visits (each party separately) → active (contact sessions) → review (after 3
//! months, again at 6) → closed (with an outcome). A state carries exactly what it needs (contact
//! cannot start without both pre-visits), and a transition either returns the next state or says
//! why it cannot happen.

use super::status::PublicStatus;
use crate::IsoDate;
use serde::{Deserialize, Serialize};
use time::Date;

/// Which adult a pre-visit is for: each party visits separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    /// The parent who referred (or on whose behalf a professional did).
    Referrer,
    OtherParty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeclineReason {
    NoCapacity,
    OutsideArea,
    NotSafeAtThisCentre,
    InformationMissing,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CloseOutcome {
    /// Contact moved on (to arrangements between the parents, or elsewhere).
    MovedOn,
    NoShow,
    Withdrawn,
    /// Ended because of a safeguarding concern.
    Safeguarding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attendance {
    Attended,
    NoShow,
    Cancelled,
}

/// One contact session as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub date: IsoDate,
    pub attendance: Attendance,
}

/// Contact under way: both pre-visits done, the first session booked, sessions so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub referrer_visit: IsoDate,
    pub other_party_visit: IsoDate,
    pub first_session: IsoDate,
    pub sessions: Vec<Session>,
    /// Reviews held so far (the first is due 3 months after the first session, the next at 6).
    pub reviews_held: u8,
}

impl Contact {
    /// When the next review is due: 3 months after the first session, then 6.
    pub fn review_due(&self) -> Date {
        add_months(self.first_session.date(), 3 * (u32::from(self.reviews_held) + 1))
    }
}

/// Where a case is. Only the data a stage needs exists in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseState {
    Submitted,
    AwaitingOtherParty,
    Screening,
    Accepted,
    WaitingList,
    PreVisits {
        referrer: Option<IsoDate>,
        other_party: Option<IsoDate>,
    },
    Active(Contact),
    Review(Contact),
    Declined(DeclineReason),
    /// Needs supervised contact, which this centre does not offer: referred on.
    Redirected,
    Closed {
        outcome: CloseOutcome,
        contact: Option<Contact>,
    },
}

/// A stage without its data: for filters, counts, and the table of allowed transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    Submitted,
    AwaitingOtherParty,
    Screening,
    Accepted,
    WaitingList,
    PreVisits,
    Active,
    Review,
    Declined,
    Redirected,
    Closed,
}

/// What a coordinator can do to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseAction {
    AwaitOtherParty,
    StartScreening,
    Accept,
    Decline(DeclineReason),
    Redirect,
    AddToWaitingList,
    BookPreVisit { party: Party, date: IsoDate },
    StartContact { first_session: IsoDate },
    RecordSession(Session),
    StartReview,
    ContinueAfterReview,
    Close(CloseOutcome),
}

/// An action without its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    AwaitOtherParty,
    StartScreening,
    Accept,
    Decline,
    Redirect,
    AddToWaitingList,
    BookPreVisit,
    StartContact,
    RecordSession,
    StartReview,
    ContinueAfterReview,
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TransitionError {
    #[error("this cannot be done to a referral at this stage")]
    NotAllowed { from: Stage, action: ActionKind },
    #[error("book a pre-visit for each parent before contact starts")]
    PreVisitMissing(Party),
    #[error("the first contact session cannot be on the same day as a pre-visit")]
    SameDayAsPreVisit,
    #[error("the first contact session must come after both pre-visits")]
    BeforePreVisit,
    #[error("a session cannot be recorded before the first contact session")]
    BeforeFirstSession,
    #[error("a session cannot be recorded for a date in the future")]
    SessionInFuture,
    #[error("the review is not due yet")]
    ReviewNotDue,
}

impl Stage {
    pub const ALL: [Self; 11] = [
        Self::Submitted,
        Self::AwaitingOtherParty,
        Self::Screening,
        Self::Accepted,
        Self::WaitingList,
        Self::PreVisits,
        Self::Active,
        Self::Review,
        Self::Declined,
        Self::Redirected,
        Self::Closed,
    ];

    /// Whether `action` may be taken at this stage (the rules beyond this, about dates, are
    /// checked by [`CaseState::apply`]).
    pub fn allows(self, action: ActionKind) -> bool {
        use ActionKind as A;
        match self {
            Self::Submitted => matches!(action, A::AwaitOtherParty | A::StartScreening),
            Self::AwaitingOtherParty => matches!(action, A::StartScreening),
            Self::Screening => matches!(action, A::Accept | A::Decline | A::Redirect),
            Self::Accepted => matches!(action, A::AddToWaitingList | A::BookPreVisit | A::Close),
            Self::WaitingList => matches!(action, A::BookPreVisit | A::Close),
            Self::PreVisits => matches!(action, A::BookPreVisit | A::StartContact | A::Close),
            Self::Active => matches!(action, A::RecordSession | A::StartReview | A::Close),
            Self::Review => matches!(action, A::RecordSession | A::ContinueAfterReview | A::Close),
            Self::Declined | Self::Redirected | Self::Closed => false,
        }
    }

    /// Still with the centre (not declined, redirected or closed).
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Declined | Self::Redirected | Self::Closed)
    }
}

impl ActionKind {
    pub const ALL: [Self; 12] = [
        Self::AwaitOtherParty,
        Self::StartScreening,
        Self::Accept,
        Self::Decline,
        Self::Redirect,
        Self::AddToWaitingList,
        Self::BookPreVisit,
        Self::StartContact,
        Self::RecordSession,
        Self::StartReview,
        Self::ContinueAfterReview,
        Self::Close,
    ];
}

impl CaseAction {
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::AwaitOtherParty => ActionKind::AwaitOtherParty,
            Self::StartScreening => ActionKind::StartScreening,
            Self::Accept => ActionKind::Accept,
            Self::Decline(_) => ActionKind::Decline,
            Self::Redirect => ActionKind::Redirect,
            Self::AddToWaitingList => ActionKind::AddToWaitingList,
            Self::BookPreVisit { .. } => ActionKind::BookPreVisit,
            Self::StartContact { .. } => ActionKind::StartContact,
            Self::RecordSession(_) => ActionKind::RecordSession,
            Self::StartReview => ActionKind::StartReview,
            Self::ContinueAfterReview => ActionKind::ContinueAfterReview,
            Self::Close(_) => ActionKind::Close,
        }
    }
}

impl CaseState {
    pub fn stage(&self) -> Stage {
        match self {
            Self::Submitted => Stage::Submitted,
            Self::AwaitingOtherParty => Stage::AwaitingOtherParty,
            Self::Screening => Stage::Screening,
            Self::Accepted => Stage::Accepted,
            Self::WaitingList => Stage::WaitingList,
            Self::PreVisits { .. } => Stage::PreVisits,
            Self::Active(_) => Stage::Active,
            Self::Review(_) => Stage::Review,
            Self::Declined(_) => Stage::Declined,
            Self::Redirected => Stage::Redirected,
            Self::Closed { .. } => Stage::Closed,
        }
    }

    /// What the referrer is told.
    pub fn public_status(&self) -> PublicStatus {
        match self {
            Self::Submitted => PublicStatus::SentToCentre,
            Self::AwaitingOtherParty => PublicStatus::AwaitingOtherParent,
            Self::Screening | Self::Accepted => PublicStatus::BeingConsidered,
            Self::WaitingList => PublicStatus::WaitingList,
            Self::PreVisits { .. } => PublicStatus::PreVisitBooked,
            Self::Active(_) | Self::Review(_) => PublicStatus::ContactUnderway,
            Self::Declined(_) | Self::Redirected => PublicStatus::NotAccepted,
            Self::Closed { .. } => PublicStatus::ContactEnded,
        }
    }

    /// The contact under way or ended, if any.
    pub fn contact(&self) -> Option<&Contact> {
        match self {
            Self::Active(c) | Self::Review(c) => Some(c),
            Self::Closed { contact, .. } => contact.as_ref(),
            _ => None,
        }
    }

    /// The next state after `action`, taken on `today`; the state is unchanged on error.
    pub fn apply(&self, action: CaseAction, today: Date) -> Result<CaseState, TransitionError> {
        let from = self.stage();
        let not_allowed = TransitionError::NotAllowed { from, action: action.kind() };
        if !from.allows(action.kind()) {
            return Err(not_allowed);
        }
        Ok(match (self, action) {
            (_, CaseAction::AwaitOtherParty) => Self::AwaitingOtherParty,
            (_, CaseAction::StartScreening) => Self::Screening,
            (_, CaseAction::Accept) => Self::Accepted,
            (_, CaseAction::Decline(reason)) => Self::Declined(reason),
            (_, CaseAction::Redirect) => Self::Redirected,
            (_, CaseAction::AddToWaitingList) => Self::WaitingList,
            (state, CaseAction::BookPreVisit { party, date }) => {
                let (mut referrer, mut other_party) = match state {
                    Self::PreVisits { referrer, other_party } => (*referrer, *other_party),
                    _ => (None, None),
                };
                match party {
                    Party::Referrer => referrer = Some(date),
                    Party::OtherParty => other_party = Some(date),
                }
                Self::PreVisits { referrer, other_party }
            }
            (Self::PreVisits { referrer, other_party }, CaseAction::StartContact { first_session }) => {
                let referrer_visit = referrer.ok_or(TransitionError::PreVisitMissing(Party::Referrer))?;
                let other_party_visit = other_party.ok_or(TransitionError::PreVisitMissing(Party::OtherParty))?;
                if first_session == referrer_visit || first_session == other_party_visit {
                    return Err(TransitionError::SameDayAsPreVisit);
                }
                if first_session < referrer_visit || first_session < other_party_visit {
                    return Err(TransitionError::BeforePreVisit);
                }
                Self::Active(Contact {
                    referrer_visit,
                    other_party_visit,
                    first_session,
                    sessions: Vec::new(),
                    reviews_held: 0,
                })
            }
            (Self::Active(contact) | Self::Review(contact), CaseAction::RecordSession(session)) => {
                if session.date < contact.first_session {
                    return Err(TransitionError::BeforeFirstSession);
                }
                if session.date.date() > today {
                    return Err(TransitionError::SessionInFuture);
                }
                let mut contact = contact.clone();
                contact.sessions.push(session);
                contact.sessions.sort_by_key(|s| s.date);
                if matches!(self, Self::Review(_)) { Self::Review(contact) } else { Self::Active(contact) }
            }
            (Self::Active(contact), CaseAction::StartReview) => {
                if today < contact.review_due() {
                    return Err(TransitionError::ReviewNotDue);
                }
                Self::Review(contact.clone())
            }
            (Self::Review(contact), CaseAction::ContinueAfterReview) => {
                let mut contact = contact.clone();
                contact.reviews_held = contact.reviews_held.saturating_add(1);
                Self::Active(contact)
            }
            (state, CaseAction::Close(outcome)) => Self::Closed { outcome, contact: state.contact().cloned() },
            _ => return Err(not_allowed),
        })
    }
}

/// `date` plus `months` calendar months, on the same day of the month or the month's last day.
pub fn add_months(date: Date, months: u32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + i32::try_from(months).unwrap_or(0);
    let (year, month0) = (index.div_euclid(12), index.rem_euclid(12));
    let month = time::Month::try_from(u8::try_from(month0 + 1).unwrap_or(1)).unwrap_or(time::Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
#[path = "case_tests.rs"]
mod tests;
