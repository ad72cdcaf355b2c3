//! What crosses the wire for accreditation pages: a case as its reader may see it, and the
//! outcome of each step.

use serde::{Deserialize, Serialize};
use shared::accreditation::assessment::Rating;
use shared::accreditation::catalogue::SetText;
use shared::accreditation::{Action, Outcome, Services, Stage, Venue};
use shared::referral::FieldError;

/// Who is looking at a case: what they may do follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    /// The centre's manager.
    Centre,
    /// The assessor assigned to it.
    Assessor,
    Naccc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub id: i64,
    pub name: String,
    pub size_bytes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQuery {
    pub id: i64,
    pub query: String,
    /// Not yet sent to the centre (the assessor's draft).
    pub sent: bool,
    pub reply: Option<String>,
}

/// One standard of the case, with everything the viewer may see about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardView {
    pub key: String,
    pub number: String,
    pub title: String,
    pub text: String,
    pub guidance: String,
    pub rating: Option<Rating>,
    pub notes: String,
    pub files: Vec<EvidenceFile>,
    pub agreed: bool,
    pub queries: Vec<ReviewQuery>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    /// `national-3`: the section's place in the address.
    pub id: String,
    pub set_title: String,
    pub number: u16,
    pub title: String,
    pub standards: Vec<StandardView>,
}

impl SectionView {
    pub fn answered(&self) -> usize {
        self.standards.iter().filter(|s| s.rating.is_some()).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub label: String,
    pub by: String,
    /// "2026-03-14 10:02 UTC"
    pub at: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub id: i64,
    pub text: String,
    pub due: String,
    pub overdue: bool,
    pub response: Option<String>,
}

/// A clock shown beside a case: what it counts to, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockView {
    pub label: String,
    pub date: String,
    pub words: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: i64,
    pub viewer: Viewer,
    pub centre_name: String,
    pub centre_slug: String,
    pub stage: Stage,
    pub renewal: bool,
    pub services: Services,
    pub venue: Venue,
    pub signed_by: String,
    pub signed_on: String,
    pub applied_on: String,
    pub assessor: Option<String>,
    pub visit_on: Option<String>,
    pub visit_report: String,
    pub recommendation: Option<Outcome>,
    pub decided_on: Option<String>,
    pub renewal_due: Option<String>,
    pub clocks: Vec<ClockView>,
    pub sections: Vec<SectionView>,
    pub items: Vec<ItemView>,
    pub history: Vec<HistoryEntry>,
    /// The steps this viewer may take now.
    pub actions: Vec<Action>,
    pub version: i64,
    /// Assessors NACCC may assign (for NACCC only): (id, name).
    pub assessors: Vec<(i64, String)>,
}

impl CaseView {
    pub fn unanswered(&self) -> usize {
        self.sections.iter().map(|s| s.standards.len() - s.answered()).sum()
    }
}

/// The centre's accreditation page: its case, or the application form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CentreAccreditation {
    /// No case yet: the centre may apply.
    Apply {
        centre_name: String,
    },
    Case(Box<CaseView>),
}

/// A case in a list (NACCC's overview, an assessor's cases).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: i64,
    pub centre_name: String,
    pub stage: Stage,
    pub assessor: Option<String>,
    pub renewal_due: Option<String>,
    /// The most pressing clock, if one runs.
    pub clock: Option<ClockView>,
}

/// NACCC's overview at `/admin/accreditation`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub cases: Vec<CaseSummary>,
    pub renewals_due: Vec<CaseSummary>,
    pub overdue_actions: Vec<CaseSummary>,
    pub waiting_for_assessor: Vec<CaseSummary>,
    pub catalogue: Vec<SetText>,
}

/// What a step came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepOutcome {
    Done,
    /// Refused: the problems, at their fields.
    Rejected(Vec<FieldError>),
    /// The case changed since the page was shown.
    Conflict,
    /// No such case for this viewer.
    NotFound,
}
