//! An accreditation case as a state machine: applied → self-assessment → submitted → desk review
//! ⇄ queries → visit → decision → accredited | accredited with conditions | not accredited;
//! accredited → renewal due → self-assessment again (re-accreditation); suspended → reinstated |
//! removed. Every step says who may take it; the server records each with who and when.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// A candidate has applied; NACCC confirms within [`crate::durations::CANDIDATE_CONFIRMATION`].
    Applied,
    /// The centre answers every standard (a candidate within its 6 months).
    SelfAssessment,
    /// Sent to NACCC, waiting for an assessor.
    Submitted,
    /// An assessor reviews the self-assessment standard by standard.
    DeskReview,
    /// The assessor has queries the centre is answering.
    Queries,
    /// The desk review is done; the assessor visits.
    Visit,
    /// The assessor has recommended; NACCC decides.
    Decision,
    Accredited,
    /// Accredited, with an action plan still open.
    Conditions,
    NotAccredited,
    /// Accredited and its renewal falls due: re-accreditation starts from a new self-assessment.
    RenewalDue,
    Suspended,
    /// No longer a member (the end of a suspension).
    Removed,
}

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    /// The centre's manager.
    Centre,
    /// The assessor assigned to the case.
    Assessor,
    /// A NACCC administrator.
    Naccc,
    /// The server's scheduled jobs (renewals falling due).
    System,
}

/// What NACCC decides, and what an assessor recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    Accredited,
    AccreditedWithConditions,
    NotAccredited,
}

impl Outcome {
    pub const ALL: [Self; 3] = [Self::Accredited, Self::AccreditedWithConditions, Self::NotAccredited];

    pub fn code(self) -> &'static str {
        match self {
            Self::Accredited => "accredited",
            Self::AccreditedWithConditions => "conditions",
            Self::NotAccredited => "not_accredited",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Accredited => "Accredited",
            Self::AccreditedWithConditions => "Accredited with conditions",
            Self::NotAccredited => "Not accredited",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// NACCC confirms a candidate's application (the fee received).
    Confirm,
    /// The centre sends its self-assessment (every standard answered).
    Submit,
    /// NACCC assigns an assessor (again, to reassign, while the review is under way).
    AssignAssessor,
    /// The assessor sends the centre one or more queries.
    RaiseQueries,
    /// The centre has answered every open query.
    AnswerQueries,
    /// The assessor agrees every standard: on to the visit.
    CompleteDeskReview,
    /// The assessor, having visited, recommends an outcome.
    Recommend,
    /// NACCC decides.
    Decide(Outcome),
    /// NACCC closes a completed action plan: the conditions are met.
    CloseActionPlan,
    /// The renewal date is near (a scheduled job, or NACCC).
    RenewalFallsDue,
    /// Re-accreditation begins with a new self-assessment.
    StartReaccreditation,
    Suspend,
    Reinstate,
    Remove,
}

impl Action {
    /// Who may take this step.
    pub fn actor(self) -> Actor {
        match self {
            Self::Submit | Self::AnswerQueries => Actor::Centre,
            Self::RaiseQueries | Self::CompleteDeskReview | Self::Recommend => Actor::Assessor,
            Self::RenewalFallsDue => Actor::System,
            Self::Confirm
            | Self::AssignAssessor
            | Self::Decide(_)
            | Self::CloseActionPlan
            | Self::StartReaccreditation
            | Self::Suspend
            | Self::Reinstate
            | Self::Remove => Actor::Naccc,
        }
    }

    /// The code kept in a case's history.
    pub fn code(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::Submit => "submit",
            Self::AssignAssessor => "assign_assessor",
            Self::RaiseQueries => "raise_queries",
            Self::AnswerQueries => "answer_queries",
            Self::CompleteDeskReview => "complete_desk_review",
            Self::Recommend => "recommend",
            Self::Decide(Outcome::Accredited) => "decide_accredited",
            Self::Decide(Outcome::AccreditedWithConditions) => "decide_conditions",
            Self::Decide(Outcome::NotAccredited) => "decide_not_accredited",
            Self::CloseActionPlan => "close_action_plan",
            Self::RenewalFallsDue => "renewal_falls_due",
            Self::StartReaccreditation => "start_reaccreditation",
            Self::Suspend => "suspend",
            Self::Reinstate => "reinstate",
            Self::Remove => "remove",
        }
    }

    pub const ALL: [Self; 16] = [
        Self::Confirm,
        Self::Submit,
        Self::AssignAssessor,
        Self::RaiseQueries,
        Self::AnswerQueries,
        Self::CompleteDeskReview,
        Self::Recommend,
        Self::Decide(Outcome::Accredited),
        Self::Decide(Outcome::AccreditedWithConditions),
        Self::Decide(Outcome::NotAccredited),
        Self::CloseActionPlan,
        Self::RenewalFallsDue,
        Self::StartReaccreditation,
        Self::Suspend,
        Self::Reinstate,
        Self::Remove,
    ];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// In words, for a case's history.
    pub fn label(self) -> &'static str {
        match self {
            Self::Confirm => "Application confirmed",
            Self::Submit => "Self-assessment submitted",
            Self::AssignAssessor => "Assessor assigned",
            Self::RaiseQueries => "Queries sent to the centre",
            Self::AnswerQueries => "Queries answered",
            Self::CompleteDeskReview => "Desk review completed",
            Self::Recommend => "Assessor's recommendation made",
            Self::Decide(Outcome::Accredited) => "Accredited",
            Self::Decide(Outcome::AccreditedWithConditions) => "Accredited with conditions",
            Self::Decide(Outcome::NotAccredited) => "Not accredited",
            Self::CloseActionPlan => "Action plan completed",
            Self::RenewalFallsDue => "Renewal due",
            Self::StartReaccreditation => "Re-accreditation started",
            Self::Suspend => "Suspended",
            Self::Reinstate => "Reinstated",
            Self::Remove => "Removed from membership",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TransitionError {
    #[error("this step is not open to you")]
    NotYours,
    #[error("this step cannot be taken at this stage of the case")]
    NotNow,
}

impl Stage {
    pub const ALL: [Self; 13] = [
        Self::Applied,
        Self::SelfAssessment,
        Self::Submitted,
        Self::DeskReview,
        Self::Queries,
        Self::Visit,
        Self::Decision,
        Self::Accredited,
        Self::Conditions,
        Self::NotAccredited,
        Self::RenewalDue,
        Self::Suspended,
        Self::Removed,
    ];

    /// The next stage after `action` taken by `actor`, or why not. The one rule for every step.
    pub fn apply(self, action: Action, actor: Actor) -> Result<Self, TransitionError> {
        if action.actor() != actor {
            return Err(TransitionError::NotYours);
        }
        use Stage::*;
        let next = match (self, action) {
            (Applied, Action::Confirm) => SelfAssessment,
            (SelfAssessment, Action::Submit) => Submitted,
            (Submitted, Action::AssignAssessor) => DeskReview,
            // Reassigning keeps the stage.
            (stage @ (DeskReview | Queries | Visit), Action::AssignAssessor) => stage,
            (DeskReview, Action::RaiseQueries) => Queries,
            (Queries, Action::AnswerQueries) => DeskReview,
            (DeskReview, Action::CompleteDeskReview) => Visit,
            (Visit, Action::Recommend) => Decision,
            (Decision, Action::Decide(Outcome::Accredited)) => Accredited,
            (Decision, Action::Decide(Outcome::AccreditedWithConditions)) => Conditions,
            (Decision, Action::Decide(Outcome::NotAccredited)) => NotAccredited,
            (Conditions, Action::CloseActionPlan) => Accredited,
            (Accredited | Conditions, Action::RenewalFallsDue) => RenewalDue,
            (RenewalDue, Action::StartReaccreditation) => SelfAssessment,
            (Accredited | Conditions | RenewalDue, Action::Suspend) => Suspended,
            (Suspended, Action::Reinstate) => Accredited,
            (Suspended, Action::Remove) => Removed,
            _ => return Err(TransitionError::NotNow),
        };
        Ok(next)
    }

    /// Every action that may be taken from here (by anyone).
    pub fn actions(self) -> Vec<Action> {
        Action::ALL.into_iter().filter(|a| self.apply(*a, a.actor()).is_ok()).collect()
    }

    /// The stage is final: nothing more happens to this case.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::NotAccredited | Self::Removed)
    }

    /// The centre may still change its self-assessment.
    pub fn self_assessment_open(self) -> bool {
        self == Self::SelfAssessment
    }

    /// The case is being assessed (an assessor's part is under way).
    pub fn under_review(self) -> bool {
        matches!(self, Self::DeskReview | Self::Queries | Self::Visit)
    }

    /// A centre at this stage is a member in good standing: listed in the search, taking referrals.
    pub fn is_member(self) -> bool {
        !matches!(self, Self::Suspended | Self::Removed)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Applied => "applied",
            Self::SelfAssessment => "self_assessment",
            Self::Submitted => "submitted",
            Self::DeskReview => "desk_review",
            Self::Queries => "queries",
            Self::Visit => "visit",
            Self::Decision => "decision",
            Self::Accredited => "accredited",
            Self::Conditions => "conditions",
            Self::NotAccredited => "not_accredited",
            Self::RenewalDue => "renewal_due",
            Self::Suspended => "suspended",
            Self::Removed => "removed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Applied => "Applied: waiting for NACCC to confirm",
            Self::SelfAssessment => "Self-assessment",
            Self::Submitted => "Submitted: waiting for an assessor",
            Self::DeskReview => "Desk review",
            Self::Queries => "Queries for the centre",
            Self::Visit => "Assessor's visit",
            Self::Decision => "Waiting for NACCC's decision",
            Self::Accredited => "Accredited",
            Self::Conditions => "Accredited with conditions",
            Self::NotAccredited => "Not accredited",
            Self::RenewalDue => "Renewal due",
            Self::Suspended => "Suspended",
            Self::Removed => "Removed",
        }
    }

    /// What the public centre page says, given whether the centre was accredited before this case
    /// (a re-accreditation keeps the centre accredited while it runs).
    pub fn public_status(self, previously_accredited: bool) -> crate::AccreditationStatus {
        use crate::AccreditationStatus as S;
        match self {
            Self::Accredited | Self::RenewalDue => S::Accredited,
            Self::Conditions => S::AccreditedWithConditions,
            Self::Suspended | Self::Removed => S::Suspended,
            Self::NotAccredited => S::Candidate,
            _ if previously_accredited => S::Accredited,
            _ => S::Candidate,
        }
    }
}

/// Where a reinstated case returns to: the stage it was suspended from (an open action plan stays
/// open, a renewal stays due); `Accredited` if that is not known. [`Stage::apply`] gives
/// `Accredited`; the server passes the stage its history recorded.
pub fn reinstated_to(before_suspension: Option<Stage>) -> Stage {
    match before_suspension {
        Some(stage @ (Stage::Conditions | Stage::RenewalDue)) => stage,
        _ => Stage::Accredited,
    }
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
