//! The checks on a return, in two kinds (as the Department for Education's data collections have
//! them): *errors* block submission; *queries* are figures that look unlikely and need a short
//! explanation before submission. The same code runs in the manager's browser as they type and
//! on the server when they submit.

use super::figures::{FigureError, FigureKey, Figures, Measure, Service, parse_figure};
use super::questions::ExtraQuestion;
use crate::ReferralSource;
use crate::referral::{FieldError, Fields};
use serde::{Deserialize, Serialize};

/// A figure this much (percent) above or below last quarter's is queried…
pub const QUERY_CHANGE_PERCENT: u32 = 50;
/// …when it also differs by at least this many (small numbers move a lot by chance).
pub const QUERY_MIN_DIFFERENCE: u32 = 10;
/// No-shows above this share (percent) of referrals received are queried: twice the national
/// rate for supported contact (10% in 2018/19).
pub const NO_SHOW_QUERY_PERCENT: u32 = 20;
/// The longest reason or explanation kept beside a figure.
pub const MAX_NOTE: usize = 500;

/// The figures compared with last quarter's.
pub const COMPARED: [Measure; 4] = [Measure::Referrals, Measure::Children, Measure::Families, Measure::SessionsBooked];

/// What a return is checked against besides itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckContext {
    /// The services the centre returns figures for.
    pub services: Vec<Service>,
    /// What the system worked out from the centre's cases (the computed figures only).
    pub computed: Figures,
    /// Last quarter's figures as submitted, if there were any.
    pub previous: Option<Figures>,
    /// The questions NACCC added to this quarter's return.
    #[serde(default)]
    pub questions: Vec<ExtraQuestion>,
}

/// A figure that looks unlikely: submitted only with an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Query {
    FarFromLastQuarter { key: FigureKey, previous: u32, now: u32 },
    HighNoShowRate { key: FigureKey, percent: u32 },
}

impl Query {
    /// The figure the explanation is kept beside.
    pub fn key(self) -> FigureKey {
        match self {
            Self::FarFromLastQuarter { key, .. } | Self::HighNoShowRate { key, .. } => key,
        }
    }

    pub fn describe(self) -> String {
        match self {
            Self::FarFromLastQuarter { key, previous, now } => {
                format!("{}: {} is {now}, far from last quarter's {previous}", key.service.label(), key.measure.label())
            }
            Self::HighNoShowRate { key, percent } => format!(
                "{}: no-shows are {percent}% of referrals received, above the {NO_SHOW_QUERY_PERCENT}% that is usual",
                key.service.label()
            ),
        }
    }
}

/// A problem that blocks submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReturnProblem {
    Figure(FigureKey, FigureError),
    SourcesNotTotal {
        service: Service,
        sources: u32,
        total: u32,
    },
    BookedAboveAvailable(Service),
    FamiliesAboveChildren(Service),
    /// A computed figure changed without a reason.
    CorrectionUnexplained {
        key: FigureKey,
        computed: u32,
    },
    QueryUnexplained(Query),
    NoteTooLong(FigureKey),
    /// An answer to one of NACCC's questions for the quarter.
    Answer(FieldError),
}

impl ReturnProblem {
    /// The id of the input the problem is shown beside.
    pub fn field(&self) -> String {
        match self {
            Self::NoteTooLong(key) => key.note_code(),
            Self::Figure(key, _) => key.code(),
            Self::SourcesNotTotal { service, .. } => FigureKey::new(*service, Measure::Referrals).code(),
            Self::BookedAboveAvailable(service) => FigureKey::new(*service, Measure::SessionsBooked).code(),
            Self::FamiliesAboveChildren(service) => FigureKey::new(*service, Measure::Families).code(),
            Self::CorrectionUnexplained { key, .. } => key.note_code(),
            Self::QueryUnexplained(query) => query.key().note_code(),
            Self::Answer(e) => e.field.clone(),
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::Figure(key, error) => format!("{}, {}: {error}", key.service.label(), key.measure.label()),
            Self::SourcesNotTotal { service, sources, total } => format!(
                "{}: the referrals from each source add up to {sources}, but referrals received is {total}",
                service.label()
            ),
            Self::BookedAboveAvailable(service) => {
                format!("{}: sessions booked cannot be more than sessions available", service.label())
            }
            Self::FamiliesAboveChildren(service) => {
                format!("{}: families seen cannot be more than children seen", service.label())
            }
            Self::CorrectionUnexplained { key, computed } => format!(
                "{}: say why {} is not {computed}, the figure worked out from your referrals",
                key.service.label(),
                key.measure.label()
            ),
            Self::QueryUnexplained(query) => format!("Explain this figure. {}", query.describe()),
            Self::NoteTooLong(key) => format!(
                "{}: the note beside {} must be {MAX_NOTE} characters or fewer",
                key.service.label(),
                key.measure.label()
            ),
            Self::Answer(e) => e.message.clone(),
        }
    }

    pub fn to_field_error(&self) -> FieldError {
        FieldError::new(self.field(), &self.message())
    }
}

/// What checking a return found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    /// The figures, if every one of them is a number.
    pub figures: Option<Figures>,
    pub errors: Vec<ReturnProblem>,
    pub queries: Vec<Query>,
}

impl Checked {
    pub fn field_errors(&self) -> Vec<FieldError> {
        self.errors.iter().map(ReturnProblem::to_field_error).collect()
    }
}

/// The note beside a figure, trimmed; empty when none was written.
pub fn note(fields: &Fields, key: FigureKey) -> &str {
    fields.get(&key.note_code()).map(|s| s.trim()).unwrap_or("")
}

/// Checks a return's fields (figures by [`FigureKey::code`], notes by [`FigureKey::note_code`]).
pub fn check(fields: &Fields, context: &CheckContext) -> Checked {
    let keys = FigureKey::all(&context.services);
    let mut errors = Vec::new();
    let mut figures = Figures::default();
    for &key in &keys {
        match parse_figure(fields.get(&key.code()).map(String::as_str).unwrap_or("")) {
            Ok(n) => {
                figures.0.insert(key, n);
            }
            Err(e) => errors.push(ReturnProblem::Figure(key, e)),
        }
        if note(fields, key).chars().count() > MAX_NOTE {
            errors.push(ReturnProblem::NoteTooLong(key));
        }
    }
    for question in &context.questions {
        if let Err(problem) = question.answer(fields) {
            errors.push(ReturnProblem::Answer(question.problem(problem)));
        }
    }
    if !errors.is_empty() {
        return Checked { figures: None, errors, queries: Vec::new() };
    }
    for &service in &context.services {
        let of = |m| figures.of(service, m);
        let sources: u32 = ReferralSource::ALL.iter().map(|&s| of(Measure::Source(s))).sum();
        if sources != of(Measure::Referrals) {
            errors.push(ReturnProblem::SourcesNotTotal { service, sources, total: of(Measure::Referrals) });
        }
        if of(Measure::SessionsBooked) > of(Measure::SessionsAvailable) {
            errors.push(ReturnProblem::BookedAboveAvailable(service));
        }
        if of(Measure::Families) > of(Measure::Children) {
            errors.push(ReturnProblem::FamiliesAboveChildren(service));
        }
    }
    for (&key, &computed) in &context.computed.0 {
        if key.measure.is_computed()
            && figures.0.get(&key).is_some_and(|&n| n != computed)
            && note(fields, key).is_empty()
        {
            errors.push(ReturnProblem::CorrectionUnexplained { key, computed });
        }
    }
    let queries = queries(&figures, context);
    for &query in &queries {
        if note(fields, query.key()).is_empty() {
            errors.push(ReturnProblem::QueryUnexplained(query));
        }
    }
    Checked { figures: Some(figures), errors, queries }
}

/// The figures that look unlikely.
pub fn queries(figures: &Figures, context: &CheckContext) -> Vec<Query> {
    let mut queries = Vec::new();
    for &service in &context.services {
        if let Some(previous) = &context.previous {
            for measure in COMPARED {
                let key = FigureKey::new(service, measure);
                let (Some(&before), now) = (previous.0.get(&key), figures.get(key)) else { continue };
                if far_apart(before, now) {
                    queries.push(Query::FarFromLastQuarter { key, previous: before, now });
                }
            }
        }
        let (no_show, referrals) = (figures.of(service, Measure::NoShow), figures.of(service, Measure::Referrals));
        if u64::from(no_show) * 100 > u64::from(NO_SHOW_QUERY_PERCENT) * u64::from(referrals) {
            let percent = no_show.saturating_mul(100).checked_div(referrals).unwrap_or(100);
            queries.push(Query::HighNoShowRate { key: FigureKey::new(service, Measure::NoShow), percent });
        }
    }
    queries
}

/// More than [`QUERY_CHANGE_PERCENT`] apart, and by at least [`QUERY_MIN_DIFFERENCE`].
fn far_apart(before: u32, now: u32) -> bool {
    let difference = before.abs_diff(now);
    difference >= QUERY_MIN_DIFFERENCE
        && u64::from(difference) * 100 > u64::from(QUERY_CHANGE_PERCENT) * u64::from(before)
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
