//! What the board's figures are worked out from: codes, counts and dates, never a family. The
//! store reads them (`Store::board_input`); `compute.rs` works the indicators out of them.

use super::registers::Audience;
use super::targets::TargetFrom;
use crate::{AccreditationStatus, Nation, Quarter, ServiceType};
use time::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct CentreFact {
    pub id: u32,
    pub nation: Nation,
    pub service: ServiceType,
    pub joined_on: Date,
    pub left_on: Option<Date>,
    pub status: AccreditationStatus,
    pub renewal_due: Option<Date>,
    /// An accreditation case is under way (not decided).
    pub case_under_way: bool,
}

impl CentreFact {
    pub(super) fn member_on(&self, day: Date) -> bool {
        self.joined_on <= day && self.left_on.is_none_or(|left| left > day)
    }
}

/// One submitted statistics return's figures, summed over its services.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnFact {
    pub centre: u32,
    pub nation: Nation,
    pub quarter: Quarter,
    pub submitted_on: Date,
    /// In `ReferralSource::ALL` order.
    pub by_source: [u32; 8],
    pub children: u32,
    pub families: u32,
    pub volunteers: u32,
    pub paid_staff: u32,
}

/// One Safe Referral sent to a centre: when, and when the centre first answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReferralFact {
    pub centre: u32,
    pub nation: Nation,
    pub received_at: i64,
    pub first_response_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingFact {
    pub held_on: Date,
    pub audience: Audience,
    pub attendees: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InspectionFact {
    pub nation: Nation,
    pub inspected_on: Date,
    pub stars: u8,
}

#[derive(Debug, Clone, Default)]
pub struct BoardInput {
    pub centres: Vec<CentreFact>,
    pub returns: Vec<ReturnFact>,
    pub referrals: Vec<ReferralFact>,
    pub training: Vec<TrainingFact>,
    pub inspections: Vec<InspectionFact>,
    pub targets: Vec<TargetFrom>,
}
