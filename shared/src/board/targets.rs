//! Targets and red/amber/green. A target names the value aimed for and the red threshold: at or
//! beyond the target is green, short of it but not past the red threshold is amber, past it is
//! red. NACCC administrators set one per indicator from a quarter on; it holds until replaced.
//! Red/amber/green is always worked out on the true value, never on a figure as shown.

use super::indicators::{Better, Indicator, Unit};
use crate::Quarter;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    pub fn label(self) -> &'static str {
        match self {
            Self::Red => "Red",
            Self::Amber => "Amber",
            Self::Green => "Green",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Red => "red",
            Self::Amber => "amber",
            Self::Green => "green",
        }
    }
}

/// A checked target for one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub value: f64,
    pub red: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("enter the target as a number, like 340")]
    NotANumber,
    #[error("enter the red threshold as a number, like 320")]
    RedNotANumber,
    #[error("a percentage is between 0 and 100")]
    NotAPercentage,
    #[error("a target cannot be below 0 or above 1,000,000")]
    OutOfRange,
    #[error("for this indicator higher is better: the red threshold must be at or below the target")]
    RedAboveTarget,
    #[error("for this indicator lower is better: the red threshold must be at or above the target")]
    RedBelowTarget,
}

const MAX: f64 = 1_000_000.0;

fn number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().trim_end_matches('%').chars().filter(|c| *c != ',').collect();
    cleaned.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Target {
    /// What an administrator typed for `indicator`'s target and red threshold.
    pub fn parse(indicator: Indicator, value: &str, red: &str) -> Result<Self, TargetError> {
        let value = number(value).ok_or(TargetError::NotANumber)?;
        let red = number(red).ok_or(TargetError::RedNotANumber)?;
        for v in [value, red] {
            if !(0.0..=MAX).contains(&v) {
                return Err(TargetError::OutOfRange);
            }
            if indicator.unit() == Unit::Percent && v > 100.0 {
                return Err(TargetError::NotAPercentage);
            }
        }
        match indicator.better() {
            Better::Higher if red > value => Err(TargetError::RedAboveTarget),
            Better::Lower if red < value => Err(TargetError::RedBelowTarget),
            _ => Ok(Self { value, red }),
        }
    }

    /// Red, amber or green for a true value.
    pub fn rag(self, better: Better, actual: f64) -> Rag {
        let (reached, past_red) = match better {
            Better::Higher => (actual >= self.value, actual < self.red),
            Better::Lower => (actual <= self.value, actual > self.red),
        };
        if reached {
            Rag::Green
        } else if past_red {
            Rag::Red
        } else {
            Rag::Amber
        }
    }
}

/// A target as stored: from which quarter it holds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TargetFrom {
    pub indicator: Indicator,
    pub from: Quarter,
    pub target: Target,
}

/// The target holding for `indicator` in `quarter`: the latest set from that quarter or before.
pub fn target_for(targets: &[TargetFrom], indicator: Indicator, quarter: Quarter) -> Option<Target> {
    targets.iter().filter(|t| t.indicator == indicator && t.from <= quarter).max_by_key(|t| t.from).map(|t| t.target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quarter {
        Quarter::parse(s).unwrap()
    }

    #[test]
    fn red_amber_green_reads_the_target_the_better_way() {
        let members = Target::parse(Indicator::MemberCentres, "340", "320").unwrap();
        assert_eq!(members.rag(Better::Higher, 342.0), Rag::Green);
        assert_eq!(members.rag(Better::Higher, 340.0), Rag::Green);
        assert_eq!(members.rag(Better::Higher, 339.0), Rag::Amber);
        assert_eq!(members.rag(Better::Higher, 320.0), Rag::Amber);
        assert_eq!(members.rag(Better::Higher, 319.9), Rag::Red);
        let days = Target::parse(Indicator::FirstResponseDays, "5", "10").unwrap();
        assert_eq!(days.rag(Better::Lower, 4.0), Rag::Green);
        assert_eq!(days.rag(Better::Lower, 5.0), Rag::Green);
        assert_eq!(days.rag(Better::Lower, 7.5), Rag::Amber);
        assert_eq!(days.rag(Better::Lower, 10.0), Rag::Amber);
        assert_eq!(days.rag(Better::Lower, 10.1), Rag::Red);
    }

    #[test]
    fn a_target_is_checked_as_typed() {
        assert_eq!(Target::parse(Indicator::Referrals, "10,000", "9,000").unwrap().value, 10_000.0);
        assert_eq!(Target::parse(Indicator::OnlineShare, "40%", "30").unwrap(), Target { value: 40.0, red: 30.0 });
        assert_eq!(Target::parse(Indicator::Referrals, "lots", "1"), Err(TargetError::NotANumber));
        assert_eq!(Target::parse(Indicator::Referrals, "1", ""), Err(TargetError::RedNotANumber));
        assert_eq!(Target::parse(Indicator::OnlineShare, "140", "30"), Err(TargetError::NotAPercentage));
        assert_eq!(Target::parse(Indicator::Referrals, "-1", "0"), Err(TargetError::OutOfRange));
        assert_eq!(Target::parse(Indicator::Referrals, "NaN", "0"), Err(TargetError::NotANumber));
        assert_eq!(Target::parse(Indicator::Referrals, "10", "20"), Err(TargetError::RedAboveTarget));
        assert_eq!(Target::parse(Indicator::RenewalsOverdue, "2", "1"), Err(TargetError::RedBelowTarget));
    }

    #[test]
    fn a_target_holds_from_its_quarter_until_replaced() {
        let t = |from: &str, value: f64| TargetFrom {
            indicator: Indicator::Referrals,
            from: q(from),
            target: Target { value, red: 0.0 },
        };
        let targets = [t("2025-Q1", 100.0), t("2026-Q1", 200.0)];
        assert_eq!(target_for(&targets, Indicator::Referrals, q("2024-Q4")), None);
        assert_eq!(target_for(&targets, Indicator::Referrals, q("2025-Q3")).unwrap().value, 100.0);
        assert_eq!(target_for(&targets, Indicator::Referrals, q("2026-Q1")).unwrap().value, 200.0);
        assert_eq!(target_for(&targets, Indicator::Children, q("2026-Q1")), None);
    }
}
