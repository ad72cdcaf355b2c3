//! Safe Referral: the domain of a family's referral to a centre.
//!
//! The identifiers a referrer is given (a reference and a secret code), each page's answers as
//! typed (`draft`, `adult`, `safety_form`, `practical`) with its rules, the wizard's pages
//! (`wizard`), traffic-light screening, the whole-referral check on submit (`submission`), the
//! other parent's separate part (`join`), the status a referrer sees (`status`) and the case a
//! centre runs once it arrives (`case`).

pub mod adult;
pub mod advice;
pub mod answer;
pub mod case;
pub mod case_codes;
pub mod case_form;
pub mod draft;
pub mod field;
pub mod inbox;
pub mod join;
pub mod news;
pub mod people;
pub mod practical;
pub mod reference;
pub mod referrer_status;
pub mod safety_form;
pub mod screening;
pub mod status;
pub mod subject_access;
pub mod submission;
pub mod welsh;
pub mod wizard;

pub use adult::{Address, Adult, AdultError, AdultField, AdultForm, ReferrerKind};
pub use draft::{Child, ChildField, ChildForm, DraftAnswers, DraftError};
pub use field::FieldError;
pub use join::{JoinAnswers, JoinStep, Joiner, ValidJoin, validate_join};
pub use people::{DateOfBirth, EmailAddress, PersonError, PersonName, PhoneNumber, SafeContact};
pub use practical::{ConsentForm, ContactService, OtherPeopleForm, PracticalForm, PracticalNeeds, ReferrerForm};
pub use reference::{AccessCode, IdError, ReferralReference};
pub use safety_form::{CourtForm, SafetyForm};
pub use screening::{Answer, Light, Route, SafetyAnswers, Screening, ScreeningReason};
pub use status::PublicStatus;
pub use submission::{NotReady, ValidReferral, screening_so_far, validate_referral};
pub use wizard::{Fields, Step, StepStatus, steps_for};
