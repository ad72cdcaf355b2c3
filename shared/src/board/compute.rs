//! The board's figures, worked out from codes, counts and dates only (no family is in any
//! input). Every count of people goes through `disclosure` once per quarter, and every output —
//! the value, the trend, the split by nation, the breakdown — takes its figures from that one
//! disclosed table, so no two outputs can be set beside each other to undo a suppression.
//! Red/amber/green is worked out on the true value, and only for the whole UK (targets are the
//! network's).

use super::disclosure::{self, SMALL, Shown};
pub use super::facts::{BoardInput, CentreFact, InspectionFact, ReferralFact, ReturnFact, TrainingFact};
use super::indicators::{Counts, Indicator, Unit, format_value};
use super::people::PeopleTables;
use super::registers::Audience;
use super::targets::{Rag, target_for};
use crate::referral_source::ReferralSource;
use crate::returns::Schedule;
use crate::{AccreditationStatus, Nation, Quarter, ServiceType};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use time::Date;

/// How many quarters a trend shows.
pub const TREND_QUARTERS: usize = 8;

/// Which quarter and which nation (`None`: the whole UK).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub quarter: Quarter,
    pub nation: Option<Nation>,
}

/// A figure as it may be shown: its words, and its number only when the number is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub text: String,
    pub number: Option<f64>,
}

impl Figure {
    fn none(text: &str) -> Self {
        Self { text: text.to_owned(), number: None }
    }

    fn of(unit: Unit, value: Option<f64>) -> Self {
        match value {
            Some(v) => Self { text: format_value(unit, v), number: Some(v) },
            None => Self::none(NO_DATA),
        }
    }

    fn shown(s: Shown) -> Self {
        Self { text: s.text(), number: s.count().map(|n| n as f64) }
    }
}

/// Words for a quarter with nothing to count.
pub const NO_DATA: &str = "no data";
/// Words for a share or median of fewer than 5 referrals.
pub const HIDDEN_FEW: &str = "hidden (fewer than 5 referrals)";
/// Words for a share of referrals fewer than 3 centres reported.
pub const HIDDEN_FEW_CENTRES: &str = "hidden (fewer than 3 centres)";
/// Words for a training figure asked for by nation.
pub const UK_ONLY: &str = "UK-wide only";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorFigures {
    pub indicator: Indicator,
    pub value: Figure,
    /// Only for the whole UK, on the true value.
    pub rag: Option<Rag>,
    /// "340 (red below 320)"
    pub target: Option<String>,
    /// Oldest first, ending with the filter's quarter; empty when known only today.
    pub trend: Vec<(Quarter, Figure)>,
    pub by_nation: Vec<(Nation, Figure)>,
    /// What the value is made of, when it has parts (by source, by type of centre).
    pub breakdown: Vec<(String, Figure)>,
}

/// The quarter `n` quarters before `q` (or the earliest there is).
fn back(q: Quarter, n: usize) -> Quarter {
    (0..n).fold(q, |q, _| q.previous().unwrap_or(q))
}

pub fn trend_quarters(last: Quarter) -> Vec<Quarter> {
    let mut out: Vec<Quarter> = (0..TREND_QUARTERS).map(|i| back(last, i)).collect();
    out.dedup();
    out.reverse();
    out
}

/// The board's figures for `filter`, every indicator of every objective.
pub fn board(input: &BoardInput, filter: Filter, today: Date) -> Vec<IndicatorFigures> {
    let quarters = trend_quarters(filter.quarter);
    let mut returns: BTreeMap<Quarter, Vec<&ReturnFact>> = BTreeMap::new();
    for r in input.returns.iter().filter(|r| quarters.contains(&r.quarter)) {
        returns.entry(r.quarter).or_default().push(r);
    }
    let people = PeopleTables::new(&returns, &quarters);
    let mut referrals_by_quarter: BTreeMap<Quarter, Vec<&ReferralFact>> = BTreeMap::new();
    for r in &input.referrals {
        if let Ok(q) = Quarter::containing(crate::uk_time::uk_date(r.received_at))
            && quarters.contains(&q)
        {
            referrals_by_quarter.entry(q).or_default().push(r);
        }
    }
    let latest = Quarter::containing(today).ok().and_then(Quarter::previous);
    let ctx = Ctx { input, people: &people, returns: &returns, referrals: &referrals_by_quarter, today, latest };
    Indicator::ALL.into_iter().map(|i| ctx.indicator(i, filter, &quarters)).collect()
}

struct Ctx<'a> {
    input: &'a BoardInput,
    people: &'a PeopleTables,
    returns: &'a BTreeMap<Quarter, Vec<&'a ReturnFact>>,
    referrals: &'a BTreeMap<Quarter, Vec<&'a ReferralFact>>,
    today: Date,
    /// The latest complete quarter: figures known only today are rated only against its target.
    latest: Option<Quarter>,
}

impl Ctx<'_> {
    fn indicator(&self, indicator: Indicator, filter: Filter, quarters: &[Quarter]) -> IndicatorFigures {
        let unit = indicator.unit();
        let (value, truth) = self.figure(indicator, filter.quarter, filter.nation);
        // Targets are the whole UK's; a figure known only today is rated only for the latest
        // quarter; a hidden figure gets no status (it would say what the figure is).
        let rated = filter.nation.is_none()
            && (!indicator.today_only() || Some(filter.quarter) == self.latest)
            && value.number.is_some();
        let target = rated.then(|| target_for(&self.input.targets, indicator, filter.quarter)).flatten();
        let rag = target.zip(truth).map(|(t, v)| t.rag(indicator.better(), v));
        let target_words = target.map(|t| {
            let red = match indicator.better() {
                super::indicators::Better::Higher => "red below",
                super::indicators::Better::Lower => "red above",
            };
            format!("{} ({red} {})", format_value(unit, t.value), format_value(unit, t.red))
        });
        let trend = if indicator.today_only() {
            Vec::new()
        } else {
            quarters.iter().map(|&q| (q, self.figure(indicator, q, filter.nation).0)).collect()
        };
        let by_nation = Nation::ALL.iter().map(|&n| (n, self.figure(indicator, filter.quarter, Some(n)).0)).collect();
        IndicatorFigures {
            indicator,
            value,
            rag,
            target: target_words,
            trend,
            by_nation,
            breakdown: self.breakdown(indicator, filter),
        }
    }

    /// The figure as shown, and the true value (for red/amber/green only).
    fn figure(&self, indicator: Indicator, q: Quarter, nation: Option<Nation>) -> (Figure, Option<f64>) {
        let unit = indicator.unit();
        if indicator.counts() == Counts::People {
            let truth = self.people_truth(indicator, q, nation);
            let shown = self.people.value(indicator, q, nation).map_or_else(|| Figure::none(NO_DATA), Figure::shown);
            let shown = if self.returns_in(q, nation) == 0 { Figure::none(NO_DATA) } else { shown };
            return (shown, truth);
        }
        match indicator {
            Indicator::OnlineShare => {
                let (online, all) =
                    (self.people.source(q, 0, nation), self.people.value(Indicator::Referrals, q, nation));
                let truth = self.online_share_truth(q, nation);
                match (online.and_then(|s| s.count()), all.and_then(|s| s.count())) {
                    // Shown only when both counts are: a share of a hidden count would give it away.
                    (Some(_), Some(_)) => (Figure::of(unit, truth), truth),
                    _ if self.returns_in(q, nation) == 0 => (Figure::none(NO_DATA), None),
                    _ if self.returns_in(q, nation) < disclosure::FEW_CENTRES => {
                        (Figure::none(HIDDEN_FEW_CENTRES), truth)
                    }
                    _ => (Figure::none(HIDDEN_FEW), truth),
                }
            }
            Indicator::FirstResponseDays => {
                // The quarter's referrals (already sorted by the UK date they arrived), as the
                // dashboard's rule counts days: to one decimal place.
                let mut days: Vec<f64> = self
                    .referrals
                    .get(&q)
                    .into_iter()
                    .flatten()
                    .filter(|r| nation.is_none_or(|n| r.nation == n))
                    .filter_map(|r| r.first_response_at.map(|f| (f - r.received_at).max(0) as f64 / 86_400.0))
                    .collect();
                days.sort_by(f64::total_cmp);
                let truth = median_of_sorted(&days).map(|d| (d * 10.0).round() / 10.0);
                // A median of fewer than 5 referrals (none included) says too much about each.
                if (days.len() as u64) < SMALL {
                    (Figure::none(HIDDEN_FEW), truth)
                } else {
                    (Figure::of(unit, truth), truth)
                }
            }
            Indicator::PeopleTrained | Indicator::JudgesTrained if nation.is_some() => (Figure::none(UK_ONLY), None),
            _ => {
                let truth = self.other_truth(indicator, q, nation);
                (Figure::of(unit, truth), truth)
            }
        }
    }

    fn returns_in(&self, q: Quarter, nation: Option<Nation>) -> usize {
        self.returns_of(q, nation).count()
    }

    fn returns_of(&self, q: Quarter, nation: Option<Nation>) -> impl Iterator<Item = &ReturnFact> {
        self.returns.get(&q).into_iter().flatten().copied().filter(move |r| nation.is_none_or(|n| r.nation == n))
    }

    fn people_truth(&self, indicator: Indicator, q: Quarter, nation: Option<Nation>) -> Option<f64> {
        if self.returns_in(q, nation) == 0 {
            return None;
        }
        let sum: u64 = self
            .returns_of(q, nation)
            .map(|r| match indicator {
                Indicator::Referrals => r.by_source.iter().map(|&n| u64::from(n)).sum(),
                Indicator::Children => u64::from(r.children),
                _ => u64::from(r.families),
            })
            .sum();
        Some(sum as f64)
    }

    fn online_share_truth(&self, q: Quarter, nation: Option<Nation>) -> Option<f64> {
        let (online, all) = self.returns_of(q, nation).fold((0u64, 0u64), |(o, a), r| {
            (o + u64::from(r.by_source[0]), a + r.by_source.iter().map(|&n| u64::from(n)).sum::<u64>())
        });
        (all > 0).then(|| online as f64 * 100.0 / all as f64)
    }

    fn members(&self, day: Date, nation: Option<Nation>) -> impl Iterator<Item = &CentreFact> {
        self.input.centres.iter().filter(move |c| c.member_on(day) && nation.is_none_or(|n| c.nation == n))
    }

    fn other_truth(&self, indicator: Indicator, q: Quarter, nation: Option<Nation>) -> Option<f64> {
        let count = |n: usize| Some(n as f64);
        let share = |part: usize, whole: usize| (whole > 0).then(|| part as f64 * 100.0 / whole as f64);
        let accredited = |c: &&CentreFact| {
            matches!(c.status, AccreditationStatus::Accredited | AccreditationStatus::AccreditedWithConditions)
        };
        match indicator {
            Indicator::MemberCentres => count(self.members(q.end(), nation).count()),
            Indicator::Candidates => count(
                self.members(self.today, nation)
                    .filter(|c| c.status == AccreditationStatus::Candidate && c.case_under_way)
                    .count(),
            ),
            Indicator::Accredited => share(
                self.members(self.today, nation).filter(accredited).count(),
                self.members(self.today, nation).count(),
            ),
            Indicator::WithConditions => count(
                self.members(self.today, nation)
                    .filter(|c| c.status == AccreditationStatus::AccreditedWithConditions)
                    .count(),
            ),
            Indicator::RenewalsOverdue => count(
                self.members(self.today, nation)
                    .filter(accredited)
                    .filter(|c| c.renewal_due.is_some_and(|due| due < self.today))
                    .count(),
            ),
            Indicator::InspectionRating => {
                let from = q.end().replace_year(q.end().year() - 1).unwrap_or(Date::MIN);
                let within: Vec<_> = self
                    .input
                    .inspections
                    .iter()
                    .filter(|i| {
                        i.inspected_on > from && i.inspected_on <= q.end() && nation.is_none_or(|n| i.nation == n)
                    })
                    .collect();
                share(within.iter().filter(|i| i.stars >= 4).count(), within.len())
            }
            Indicator::PeopleTrained | Indicator::JudgesTrained => {
                let judges = indicator == Indicator::JudgesTrained;
                let places: u32 = self
                    .input
                    .training
                    .iter()
                    .filter(|t| q.start() <= t.held_on && t.held_on <= q.end())
                    .filter(|t| (t.audience == Audience::Judges) == judges)
                    .map(|t| t.attendees)
                    .sum();
                Some(f64::from(places))
            }
            Indicator::Volunteers | Indicator::PaidStaff => {
                if self.returns_in(q, nation) == 0 {
                    return None;
                }
                let staff = indicator == Indicator::PaidStaff;
                Some(
                    self.returns_of(q, nation)
                        .map(|r| f64::from(if staff { r.paid_staff } else { r.volunteers }))
                        .sum(),
                )
            }
            Indicator::SafeReferralCentres => {
                let centres: BTreeSet<u32> = self
                    .referrals
                    .get(&q)
                    .into_iter()
                    .flatten()
                    .filter(|r| nation.is_none_or(|n| r.nation == n))
                    .map(|r| r.centre)
                    .collect();
                count(centres.len())
            }
            Indicator::ReturnsOnTime => {
                let due = Schedule::default().due(q);
                let expected: BTreeSet<u32> = self
                    .members(q.end(), nation)
                    .filter(|c| c.service != ServiceType::Candidate)
                    .map(|c| c.id)
                    .collect();
                let on_time = self
                    .returns_of(q, nation)
                    .filter(|r| expected.contains(&r.centre) && r.submitted_on <= due)
                    .count();
                share(on_time, expected.len())
            }
            _ => None,
        }
    }

    fn breakdown(&self, indicator: Indicator, filter: Filter) -> Vec<(String, Figure)> {
        let q = filter.quarter;
        match indicator {
            Indicator::Referrals if self.returns_in(q, filter.nation) > 0 => ReferralSource::ALL
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    (
                        super::indicators::source_label(*s).to_owned(),
                        self.people.source(q, i, filter.nation).map_or_else(|| Figure::none(NO_DATA), Figure::shown),
                    )
                })
                .collect(),
            Indicator::MemberCentres => ServiceType::ALL
                .iter()
                .map(|&t| {
                    let n = self.members(q.end(), filter.nation).filter(|c| c.service == t).count();
                    (super::indicators::service_label(t).to_owned(), Figure::of(Unit::Count, Some(n as f64)))
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The median of values already sorted.
fn median_of_sorted(values: &[f64]) -> Option<f64> {
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values.get(n / 2 - 1)? + values.get(n / 2)?) / 2.0),
    }
}

#[cfg(test)]
#[path = "compute_tests.rs"]
mod tests;
