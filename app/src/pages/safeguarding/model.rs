//! What crosses the wire for safeguarding advice.

use serde::{Deserialize, Serialize};
use shared::referral::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceNoteView {
    pub at: String,
    pub by: String,
    pub text: String,
}

/// One request for advice on a case, with NACCC's notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceView {
    pub id: i64,
    pub reason: String,
    pub asked_by: String,
    pub asked_at: String,
    pub open: bool,
    pub notes: Vec<AdviceNoteView>,
}

/// What a centre's case page shows of advice: its requests, and a fresh key for asking.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseAdvice {
    pub requests: Vec<AdviceView>,
    pub key: String,
}

impl CaseAdvice {
    pub fn open(&self) -> Option<&AdviceView> {
        self.requests.iter().find(|r| r.open)
    }
}

/// An open request in a safeguarding lead's list (no referral content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceSummary {
    pub id: i64,
    pub reference: String,
    pub centre: String,
    pub asked_at: String,
}

/// What a safeguarding lead reads through an open request: the referral as it was sent, and
/// nothing of the centre's own (its notes, staff, history) nor the other parent's part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadCaseView {
    pub request: AdviceView,
    pub reference: String,
    pub centre: String,
    pub submitted_on: shared::IsoDate,
    pub today: shared::IsoDate,
    pub answers: shared::referral::DraftAnswers,
    pub note_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdviceOutcome {
    Done,
    Rejected(Vec<FieldError>),
    NotFound,
}
