//! What the returns pages need, as it crosses from the server functions to the pages.

use serde::{Deserialize, Serialize};
use shared::IsoDate;
use shared::Quarter;
use shared::referral::{FieldError, Fields};
use shared::returns::{CheckContext, FigureKey, Figures, Query, ReturnState, Standing};

/// `/centre/returns`: the centre's quarters, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnsList {
    pub centre: String,
    pub rows: Vec<ReturnListRow>,
    /// A return of the last year missing past its grace period.
    pub lapsed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnListRow {
    pub quarter: Quarter,
    pub state: Option<ReturnState>,
    pub standing: Standing,
    pub due: IsoDate,
}

/// One return as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnView {
    pub centre: String,
    pub quarter: Quarter,
    pub state: ReturnState,
    /// The version the form posts back (`None`: not saved yet).
    pub version: Option<i64>,
    /// What the form shows: as saved, or the figures worked out from the cases.
    pub fields: Fields,
    /// What the return is checked against: its services, the computed figures, last quarter's.
    pub context: CheckContext,
    pub due: IsoDate,
    pub standing: Standing,
    pub submitted_on: Option<IsoDate>,
    /// The queries raised when it was submitted, with their explanations in `fields`.
    pub queries: Vec<Query>,
    pub amendments: Vec<AmendmentView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentView {
    /// "2026-11-02 14:05 UTC".
    pub at: String,
    pub by: String,
    pub reason: String,
    /// The figures that changed: which, before, after.
    pub changes: Vec<(FigureKey, u32, u32)>,
    /// The answers to NACCC's questions that changed: the question, before, after (in words).
    pub answers: Vec<(String, String, String)>,
}

/// What the manager sends: every field of the form, the version they saw and what they asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnForm {
    pub fields: Fields,
    pub version: Option<i64>,
    pub submit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnOutcome {
    Saved,
    Submitted,
    /// The problems, beside their fields; nothing submitted (a draft's typing is kept).
    Rejected(Vec<FieldError>),
    /// Somebody changed the return since the page was opened.
    Conflict,
    NotFound,
}

/// `/admin/returns` for one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChaseView {
    pub quarter: Quarter,
    pub due: IsoDate,
    pub rows: Vec<ChaseRow>,
    /// National totals of the submitted returns, per quarter, newest first.
    pub totals: Vec<QuarterTotals>,
    /// A fresh key for the reminder forms (each form's reminders are sent once).
    pub reminder_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChaseRow {
    pub centre: String,
    pub slug: String,
    pub standing: Standing,
    pub submitted_on: Option<IsoDate>,
    pub lapsed: bool,
    pub reminded_on: Option<IsoDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterTotals {
    pub quarter: Quarter,
    pub returns: u32,
    pub totals: Figures,
}
