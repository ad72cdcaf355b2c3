//! Safe Referral: the domain of a family's referral to a centre.
//!
//! Built up issue by issue; so far the identifiers a referrer is given: the reference that names a
//! referral and the secret code that opens it.

pub mod reference;

pub use reference::{AccessCode, IdError, ReferralReference};
