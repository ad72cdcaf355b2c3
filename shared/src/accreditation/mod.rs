//! Accreditation against NACCC's standards: the catalogue, a candidate's application, the
//! self-assessment and desk review, evidence files, the case's lifecycle and its clocks.

pub mod application;
pub mod assessment;
pub mod catalogue;
pub mod dates;
pub mod evidence;
pub mod lifecycle;

pub use catalogue::{Services, StandardKey, StandardSet, Venue};
pub use lifecycle::{Action, Actor, Outcome, Stage, TransitionError};
