//! Domain types and rules of NACCC Contact Hub.
//!
//! Everything here is pure: no I/O, no clocks, no randomness. The same code runs in the browser
//! (wasm, for instant feedback) and on the server (the authority). Types can only be built valid:
//! use `parse` / `TryFrom`, and invalid values cannot be deserialised either.

/// For a newtype over `String` that is built only by `parse`: `TryFrom<String>` (so serde can
/// deserialise only valid values), `From<T> for String`, and with `display` a `Display` that writes
/// the inner text.
#[macro_export]
#[doc(hidden)]
macro_rules! string_newtype {
    ($t:ty, $err:ty) => {
        impl TryFrom<String> for $t {
            type Error = $err;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$t> for String {
            fn from(value: $t) -> Self {
                value.0
            }
        }
    };
    ($t:ty, $err:ty, display) => {
        $crate::string_newtype!($t, $err);
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

pub mod account;
pub mod accreditation;
pub mod board;
pub mod centre;
pub mod centre_profile;
pub mod centre_profile_edit;
pub mod contact;
pub mod durations;
pub mod geo;
pub mod language;
pub mod membership;
pub mod postcode;
pub mod quarter;
pub mod referral;
pub mod referral_source;
pub mod returns;
pub mod search;
pub mod staff_admin;
pub mod uk_time;

#[cfg(test)]
mod state_machine_props;

pub use centre::{Centre, CentreError, CentreName, Nation, OpeningDays, ServiceType, Slug, Weekday};
pub use centre_profile::{
    AccreditationStatus, AccreditationSummary, CentreProfile, IsoDate, OpeningTimes, ProfileText,
};
pub use geo::LatLon;
pub use language::{Locale, Welsh};
pub use postcode::{Postcode, PostcodeDistrict, PostcodeError};
pub use quarter::{Quarter, QuarterError};
pub use referral_source::ReferralSource;
