//! The board's four strategic objectives and the indicators reported against each: what an
//! indicator counts, its unit, which way is better, and whether it counts people (and so goes
//! through the disclosure rule) or centres and training places (which are not families).

use serde::{Deserialize, Serialize};

/// NACCC's strategic objectives (2019-2022 plan), numbered as the board knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Objective {
    Quality,
    Reach,
    Resources,
    Voice,
}

impl Objective {
    pub const ALL: [Self; 4] = [Self::Quality, Self::Reach, Self::Resources, Self::Voice];

    pub fn number(self) -> u8 {
        match self {
            Self::Quality => 1,
            Self::Reach => 2,
            Self::Resources => 3,
            Self::Voice => 4,
        }
    }

    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.number() == n)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Quality => "The quality and effectiveness of volunteer-run child contact",
            Self::Reach => "Contact services in all parts of the UK",
            Self::Resources => "Effective use of resources, structure and ways of working",
            Self::Voice => "The \u{201c}go to\u{201d} place for child contact",
        }
    }

    pub fn indicators(self) -> Vec<Indicator> {
        Indicator::ALL.into_iter().filter(|i| i.objective() == self).collect()
    }
}

/// What a figure is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Count,
    /// A whole percentage.
    Percent,
    /// Days, to one decimal place.
    Days,
}

/// Which way is better: red/amber/green reads the target this way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    Higher,
    Lower,
}

/// What an indicator counts, for the disclosure rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Counts {
    /// Children, families, referrals: under 5 in any breakdown below the whole UK is never shown.
    People,
    /// Centres, staff and volunteers, training places, inspections: shown as they are.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Indicator {
    MemberCentres,
    Candidates,
    Accredited,
    WithConditions,
    RenewalsOverdue,
    InspectionRating,
    PeopleTrained,
    JudgesTrained,
    Volunteers,
    PaidStaff,
    SafeReferralCentres,
    OnlineShare,
    FirstResponseDays,
    ReturnsOnTime,
    Referrals,
    Children,
    Families,
}

impl Indicator {
    pub const ALL: [Self; 17] = [
        Self::Accredited,
        Self::WithConditions,
        Self::RenewalsOverdue,
        Self::InspectionRating,
        Self::PeopleTrained,
        Self::Volunteers,
        Self::MemberCentres,
        Self::Candidates,
        Self::JudgesTrained,
        Self::SafeReferralCentres,
        Self::OnlineShare,
        Self::FirstResponseDays,
        Self::ReturnsOnTime,
        Self::PaidStaff,
        Self::Referrals,
        Self::Children,
        Self::Families,
    ];

    /// In addresses, CSV and the targets table.
    pub fn code(self) -> &'static str {
        match self {
            Self::MemberCentres => "member-centres",
            Self::Candidates => "candidates",
            Self::Accredited => "accredited",
            Self::WithConditions => "with-conditions",
            Self::RenewalsOverdue => "renewals-overdue",
            Self::InspectionRating => "inspection-rating",
            Self::PeopleTrained => "people-trained",
            Self::JudgesTrained => "judges-trained",
            Self::Volunteers => "volunteers",
            Self::PaidStaff => "paid-staff",
            Self::SafeReferralCentres => "safe-referral-centres",
            Self::OnlineShare => "online-share",
            Self::FirstResponseDays => "first-response-days",
            Self::ReturnsOnTime => "returns-on-time",
            Self::Referrals => "referrals",
            Self::Children => "children",
            Self::Families => "families",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.code() == code)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::MemberCentres => "Member centres",
            Self::Candidates => "Candidate centres working towards accreditation",
            Self::Accredited => "Member centres accredited",
            Self::WithConditions => "Centres accredited with conditions",
            Self::RenewalsOverdue => "Renewals of accreditation overdue",
            Self::InspectionRating => "Inspections rated 4 or 5 stars",
            Self::PeopleTrained => "Staff and volunteers trained",
            Self::JudgesTrained => "Judges and magistrates trained",
            Self::Volunteers => "Volunteers",
            Self::PaidStaff => "Paid staff",
            Self::SafeReferralCentres => "Centres receiving Safe Referrals",
            Self::OnlineShare => "Referrals made online",
            Self::FirstResponseDays => "Median days to a centre's first response",
            Self::ReturnsOnTime => "Statistics returns on time",
            Self::Referrals => "Referrals received",
            Self::Children => "Children seen",
            Self::Families => "Families seen",
        }
    }

    /// One sentence: where the figure comes from.
    pub fn source(self) -> &'static str {
        match self {
            Self::MemberCentres => "Member centres (suspended ones included) on the last day of the quarter.",
            Self::Candidates => "Candidate centres with an accreditation case under way, today.",
            Self::Accredited => {
                "Member centres accredited (with or without conditions) as a share of all member centres, today."
            }
            Self::WithConditions => "Centres accredited with conditions and an action plan still open, today.",
            Self::RenewalsOverdue => "Accredited centres whose renewal date has passed, today.",
            Self::InspectionRating => {
                "Young People's Board inspections in the year to the quarter's end rated 4 or 5 stars."
            }
            Self::PeopleTrained => "Places taken by centre staff and volunteers at NACCC training in the quarter.",
            Self::JudgesTrained => "Places taken by judges and magistrates at NACCC training in the quarter.",
            Self::Volunteers => "Volunteers as the centres' statistics returns for the quarter say.",
            Self::PaidStaff => "Paid staff as the centres' statistics returns for the quarter say.",
            Self::SafeReferralCentres => {
                "Centres that received at least one referral through Safe Referral in the quarter."
            }
            Self::OnlineShare => "Referrals made online as a share of all referrals, from the statistics returns.",
            Self::FirstResponseDays => {
                "Days from a Safe Referral arriving to the centre's first response, the median over the quarter."
            }
            Self::ReturnsOnTime => {
                "Statistics returns for the quarter submitted by their due date, as a share of member centres."
            }
            Self::Referrals => "Referrals received as the centres' statistics returns for the quarter say.",
            Self::Children => "Children seen as the centres' statistics returns for the quarter say.",
            Self::Families => "Families seen as the centres' statistics returns for the quarter say.",
        }
    }

    pub fn objective(self) -> Objective {
        match self {
            Self::Accredited
            | Self::WithConditions
            | Self::RenewalsOverdue
            | Self::InspectionRating
            | Self::PeopleTrained
            | Self::Volunteers => Objective::Quality,
            Self::MemberCentres | Self::Candidates | Self::JudgesTrained => Objective::Reach,
            Self::SafeReferralCentres
            | Self::OnlineShare
            | Self::FirstResponseDays
            | Self::ReturnsOnTime
            | Self::PaidStaff => Objective::Resources,
            Self::Referrals | Self::Children | Self::Families => Objective::Voice,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Self::Accredited | Self::InspectionRating | Self::OnlineShare | Self::ReturnsOnTime => Unit::Percent,
            Self::FirstResponseDays => Unit::Days,
            _ => Unit::Count,
        }
    }

    pub fn better(self) -> Better {
        match self {
            Self::WithConditions | Self::RenewalsOverdue | Self::FirstResponseDays => Better::Lower,
            _ => Better::Higher,
        }
    }

    pub fn counts(self) -> Counts {
        match self {
            Self::Referrals | Self::Children | Self::Families => Counts::People,
            _ => Counts::Other,
        }
    }

    /// Known only as things stand today: no trend over quarters (the history is not kept).
    pub fn today_only(self) -> bool {
        matches!(self, Self::Candidates | Self::Accredited | Self::WithConditions | Self::RenewalsOverdue)
    }
}

/// A referral source as the board's tables name it.
pub fn source_label(source: crate::ReferralSource) -> &'static str {
    use crate::ReferralSource as S;
    match source {
        S::Online => "Online (Safe Referral)",
        S::SelfReferral => "Self-referral by a parent",
        S::Cafcass => "Cafcass or Cafcass Cymru",
        S::Solicitor => "Solicitors",
        S::LocalAuthority => "Local authorities and children's services",
        S::FamilyMediation => "Family mediation",
        S::Court => "Courts",
        S::Other => "Other",
    }
}

/// A type of centre as the board's tables name it.
pub fn service_label(service: crate::ServiceType) -> &'static str {
    use crate::ServiceType as T;
    match service {
        T::Supported => "Supported contact",
        T::Supervised => "Supervised contact",
        T::SupportedAndSupervised => "Supported and supervised",
        T::Candidate => "Candidates and other",
    }
}

/// A nation as the board's tables name it.
pub fn nation_label(nation: crate::Nation) -> &'static str {
    use crate::Nation as N;
    match nation {
        N::England => "England",
        N::Wales => "Wales",
        N::NorthernIreland => "Northern Ireland",
        N::ChannelIslands => "Channel Islands",
    }
}

/// A figure in its unit: "1,234", "36%", "4.5 days".
pub fn format_value(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Count => thousands(value.round().max(0.0) as u64),
        Unit::Percent => format!("{}%", value.round() as i64),
        Unit::Days => {
            let v = (value * 10.0).round() / 10.0;
            if (v - 1.0).abs() < f64::EPSILON { "1 day".to_owned() } else { format!("{v:.1} days") }
        }
    }
}

/// "12,345"
pub fn thousands(n: u64) -> String {
    super::disclosure::Shown::Count(n).text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_has_one_code_and_an_objective_with_it() {
        for i in Indicator::ALL {
            assert_eq!(Indicator::from_code(i.code()), Some(i));
            assert!(i.objective().indicators().contains(&i));
        }
        let mut codes: Vec<_> = Indicator::ALL.iter().map(|i| i.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Indicator::ALL.len());
        for o in Objective::ALL {
            assert_eq!(Objective::from_number(o.number()), Some(o));
            assert!(!o.indicators().is_empty());
        }
        assert_eq!(Objective::from_number(5), None);
    }

    #[test]
    fn only_children_families_and_referrals_count_people() {
        let people: Vec<_> = Indicator::ALL.into_iter().filter(|i| i.counts() == Counts::People).collect();
        assert_eq!(people, vec![Indicator::Referrals, Indicator::Children, Indicator::Families]);
    }

    #[test]
    fn values_are_written_in_their_units() {
        assert_eq!(format_value(Unit::Count, 10825.0), "10,825");
        assert_eq!(format_value(Unit::Count, 999.0), "999");
        assert_eq!(format_value(Unit::Percent, 35.8), "36%");
        assert_eq!(format_value(Unit::Days, 4.46), "4.5 days");
        assert_eq!(format_value(Unit::Days, 1.0), "1 day");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(0), "0");
    }
}
