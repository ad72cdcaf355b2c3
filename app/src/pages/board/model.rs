//! What crosses the wire for the board's pages: figures already through the disclosure rule
//! (`shared::board`), never a row about a family or a referral.

use serde::{Deserialize, Serialize};
use shared::board::compute::IndicatorFigures;
use shared::board::indicators::Objective;
use shared::{Nation, Quarter};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardView {
    /// Who is looking, for "Signed in as": their name and role.
    pub viewer: (String, String),
    pub quarter: Quarter,
    /// `None`: the whole UK.
    pub nation: Option<Nation>,
    /// The quarters one may choose, newest first.
    pub quarters: Vec<Quarter>,
    /// When the figures' sources last changed, in words (UK time).
    pub changed: Option<String>,
    pub objectives: Vec<ObjectiveFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveFigures {
    pub objective: Objective,
    pub indicators: Vec<IndicatorFigures>,
}

/// The national quarterly statistics for the Ministry of Justice and Cafcass (NACCC
/// administrators): already through the disclosure rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalView {
    pub stats: shared::board::national::NationalStatistics,
    /// The quarters one may choose, newest first.
    pub quarters: Vec<Quarter>,
    /// When the figures' sources last changed, in words (UK time).
    pub changed: Option<String>,
}

/// NACCC's registers and targets, for its administrators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Registers {
    pub training: Vec<TrainingLine>,
    pub inspections: Vec<InspectionLine>,
    pub targets: Vec<TargetLine>,
    /// Member centres for the inspection form: (address, name).
    pub centres: Vec<(String, String)>,
    /// The quarter a new target holds from by default.
    pub this_quarter: Quarter,
    /// Names this page's forms: the same form sent twice records once.
    pub form_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingLine {
    pub held_on: String,
    pub course: String,
    pub audience: String,
    pub attendees: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionLine {
    pub centre: String,
    pub inspected_on: String,
    pub stars: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetLine {
    pub indicator: String,
    pub from: String,
    /// "340 (red below 320)"
    pub words: String,
}
