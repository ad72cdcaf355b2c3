//! Where a referral came from, in the categories NACCC's statistics count.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Referral sources as the quarterly statistics count them (SPEC §2), with `Other` kept so that
/// sources always add up to the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralSource {
    /// Through this product's Safe Referral wizard.
    Online,
    /// A parent referring themselves by phone, email or in person.
    SelfReferral,
    Cafcass,
    Solicitor,
    /// Local authorities / children's services.
    LocalAuthority,
    FamilyMediation,
    Court,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown referral source")]
pub struct UnknownReferralSource;

impl ReferralSource {
    pub const ALL: [Self; 8] = [
        Self::Online,
        Self::SelfReferral,
        Self::Cafcass,
        Self::Solicitor,
        Self::LocalAuthority,
        Self::FamilyMediation,
        Self::Court,
        Self::Other,
    ];

    /// Stable code used in URLs, CSV headers and the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::SelfReferral => "self_referral",
            Self::Cafcass => "cafcass",
            Self::Solicitor => "solicitor",
            Self::LocalAuthority => "local_authority",
            Self::FamilyMediation => "family_mediation",
            Self::Court => "court",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Result<Self, UnknownReferralSource> {
        Self::ALL.into_iter().find(|s| s.code() == code).ok_or(UnknownReferralSource)
    }
}

impl fmt::Display for ReferralSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for source in ReferralSource::ALL {
            assert!(seen.insert(source.code()));
            assert_eq!(ReferralSource::from_code(source.code()), Ok(source));
        }
        assert_eq!(ReferralSource::from_code("facebook"), Err(UnknownReferralSource));
    }
}
