//! Domain types and rules of NACCC Contact Hub.
//!
//! Everything here is pure: no I/O, no clocks, no randomness. The same code runs in the browser
//! (wasm, for instant feedback) and on the server (the authority). Types can only be built valid:
//! use `parse` / `TryFrom`, and invalid values cannot be deserialised either.

pub mod centre;
pub mod centre_profile;
pub mod geo;
pub mod postcode;
pub mod quarter;
pub mod referral;
pub mod referral_source;
pub mod search;

pub use centre::{Centre, CentreError, CentreName, Nation, OpeningDays, ServiceType, Slug, Weekday};
pub use centre_profile::{
    AccreditationStatus, AccreditationSummary, CentreProfile, IsoDate, OpeningTimes, ProfileText,
};
pub use geo::LatLon;
pub use postcode::{Postcode, PostcodeDistrict, PostcodeError};
pub use quarter::{Quarter, QuarterError};
pub use referral_source::ReferralSource;
