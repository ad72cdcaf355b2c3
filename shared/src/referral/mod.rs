//! Safe Referral: the domain of a family's referral to a centre.
//!
//! Built up issue by issue; so far: the identifiers a referrer is given (the reference that names a
//! referral and the secret code that opens it), the people in it, and traffic-light screening.

pub mod adult;
pub mod draft;
pub mod people;
pub mod reference;
pub mod screening;

pub use adult::{Address, Adult, AdultError, AdultField, AdultForm, ReferrerKind};
pub use draft::{Child, ChildField, ChildForm, DraftAnswers, DraftError};
pub use people::{DateOfBirth, EmailAddress, PersonError, PersonName, PhoneNumber, SafeContact};
pub use reference::{AccessCode, IdError, ReferralReference};
pub use screening::{Answer, Light, Route, SafetyAnswers, Screening, ScreeningReason};
