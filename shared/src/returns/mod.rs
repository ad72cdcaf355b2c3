//! The quarterly statistics return every accredited centre sends NACCC: its figures, the checks
//! on them (errors and queries), its lifecycle and schedule, and the figures worked out from the
//! centre's own cases.

pub mod checks;
pub mod dashboard;
pub mod figures;
pub mod lifecycle;
pub mod prefill;
pub mod questions;

pub use checks::{CheckContext, Checked, Query, ReturnProblem, check};
pub use figures::{FigureError, FigureKey, Figures, Measure, Service, parse_figure};
pub use lifecycle::{ReturnAction, ReturnState, Schedule, Standing};
pub use prefill::{CaseFacts, prefill};
