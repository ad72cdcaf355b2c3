//! The live centre dashboard's figures, worked out one way for every centre: this quarter's
//! referrals by source and by stage, the waiting list, days to the first response, the no-show
//! rate, capacity used, and eight quarters of trend beside the national median.

use super::figures::{FigureKey, Figures, Measure, Service, parse_figure};
use super::prefill::{CaseFacts, median, prefill};
use crate::referral::Fields;
use crate::referral::case::Stage;
use crate::{Quarter, ReferralSource};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

/// How many quarters the trends show, this one included.
pub const TREND_QUARTERS: usize = 8;
/// A national median is shown only over at least this many centres' submitted returns: over
/// fewer, a centre that knows its own figure could work out another's.
pub const MIN_RETURNS_FOR_MEDIAN: usize = 10;

/// One sent referral as the dashboard counts it (codes and times only: nothing anyone typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferralTimes {
    pub stage: Stage,
    /// Unix seconds.
    pub received_at: i64,
    pub first_response_at: Option<i64>,
}

/// Everything the dashboard is worked out from.
#[derive(Debug, Clone, Copy)]
pub struct DashboardInput<'a> {
    pub today: Date,
    pub services: &'a [Service],
    pub cases: &'a [CaseFacts],
    pub referrals: &'a [ReferralTimes],
    /// The centre's submitted returns (their confirmed figures), any quarters.
    pub submitted: &'a [(Quarter, Figures)],
    /// This quarter's return as typed so far, if the manager has saved one.
    pub draft: Option<&'a Fields>,
    /// For each quarter, every centre's referrals received as its submitted return says.
    pub national: &'a BTreeMap<Quarter, Vec<u32>>,
}

/// Sessions booked this quarter against those the centre has said it has.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Capacity {
    pub booked: u32,
    /// Sessions available, and the quarter whose return said so (this one's draft, or the latest
    /// submitted return); `None` when no return has said.
    pub available: Option<(u32, Quarter)>,
    pub percent: Option<u32>,
}

/// One quarter of the trends.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub quarter: Quarter,
    /// The quarter under way: counted live from the cases so far, not from a return.
    pub so_far: bool,
    /// Referrals received (a past quarter: as its submitted return says; `None` without one).
    pub referrals: Option<u32>,
    /// The median of every centre's referrals received that quarter (submitted returns; none
    /// for the quarter under way or over fewer than [`MIN_RETURNS_FOR_MEDIAN`] returns).
    pub national_median: Option<f64>,
    pub no_show_percent: Option<u32>,
    pub capacity_percent: Option<u32>,
}

/// The dashboard of one centre, as of one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub quarter: Quarter,
    /// This quarter's referrals received, by source: online counted live from the cases, the
    /// other sources as the quarter's return has them so far (only the centre knows them).
    pub by_source: Vec<(ReferralSource, u32)>,
    /// This quarter's referrals by the stage each is at now, every stage in the workflow's order.
    pub by_stage: Vec<(Stage, u32)>,
    /// Referrals on the waiting list now, whenever they arrived.
    pub waiting_list: u32,
    /// Open referrals now, whenever they arrived.
    pub open: u32,
    pub median_days_to_first_response: Option<f64>,
    /// This quarter's referrals still waiting for the centre's first response.
    pub awaiting_first_response: u32,
    /// This quarter's no-shows, of its referrals received.
    pub no_shows: u32,
    pub no_show_percent: Option<u32>,
    pub capacity: Capacity,
    /// The last [`TREND_QUARTERS`] quarters, oldest first, this one last.
    pub trend: Vec<TrendPoint>,
}

impl Dashboard {
    pub fn referrals(&self) -> u32 {
        self.by_source.iter().map(|(_, n)| n).sum()
    }
}

/// The figures a saved draft has so far: each one that reads as a figure (the rest left out).
pub fn typed_so_far(fields: &Fields, services: &[Service]) -> Figures {
    Figures(
        FigureKey::all(services)
            .into_iter()
            .filter_map(|k| fields.get(&k.code()).and_then(|v| parse_figure(v).ok()).map(|n| (k, n)))
            .collect(),
    )
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The dashboard for the quarter containing `input.today`; `None` only for a date outside the
/// quarters this product counts.
pub fn dashboard(input: DashboardInput<'_>) -> Option<Dashboard> {
    let quarter = Quarter::containing(input.today).ok()?;
    let services = input.services;
    let live = prefill(input.cases, quarter, services);
    let draft = input.draft.map(|f| typed_so_far(f, services)).unwrap_or_default();

    let by_source: Vec<(ReferralSource, u32)> = ReferralSource::ALL
        .into_iter()
        .map(|s| {
            let n = if s == ReferralSource::Online { &live } else { &draft };
            (s, n.total(Measure::Source(s)))
        })
        .collect();
    let referrals: u32 = by_source.iter().map(|(_, n)| n).sum();

    let in_quarter = |at: i64| {
        let day = crate::uk_time::uk_date(at);
        quarter.start() <= day && day <= quarter.end()
    };
    let this_quarter: Vec<&ReferralTimes> = input.referrals.iter().filter(|r| in_quarter(r.received_at)).collect();
    let by_stage =
        Stage::ALL.into_iter().map(|s| (s, count(this_quarter.iter().filter(|r| r.stage == s).count()))).collect();
    let waiting_list = count(input.referrals.iter().filter(|r| r.stage == Stage::WaitingList).count());
    let open = count(input.referrals.iter().filter(|r| r.stage.is_open()).count());
    let times: Vec<(i64, Option<i64>)> = input.referrals.iter().map(|r| (r.received_at, r.first_response_at)).collect();

    let no_shows = live.total(Measure::NoShow);
    let booked = live.total(Measure::SessionsBooked);
    let available = match draft.total(Measure::SessionsAvailable) {
        n if n > 0 => Some((n, quarter)),
        _ => input
            .submitted
            .iter()
            .filter(|(q, f)| *q < quarter && f.total(Measure::SessionsAvailable) > 0)
            .max_by_key(|(q, _)| *q)
            .map(|(q, f)| (f.total(Measure::SessionsAvailable), *q)),
    };
    let capacity = Capacity { booked, available, percent: available.and_then(|(n, _)| percent(booked, n)) };

    let trend = super::lifecycle::quarters_to(quarter, TREND_QUARTERS)
        .into_iter()
        .map(|q| {
            let national_median = input
                .national
                .get(&q)
                .filter(|all| q != quarter && all.len() >= MIN_RETURNS_FOR_MEDIAN)
                .and_then(|all| national_median(all));
            if q == quarter {
                return TrendPoint {
                    quarter: q,
                    so_far: true,
                    referrals: Some(referrals),
                    national_median,
                    no_show_percent: percent(no_shows, referrals),
                    capacity_percent: capacity.percent,
                };
            }
            let figures = input.submitted.iter().find(|(sq, _)| *sq == q).map(|(_, f)| f);
            TrendPoint {
                quarter: q,
                so_far: false,
                referrals: figures.map(|f| f.total(Measure::Referrals)),
                national_median,
                no_show_percent: figures.and_then(|f| percent(f.total(Measure::NoShow), f.total(Measure::Referrals))),
                capacity_percent: figures
                    .and_then(|f| percent(f.total(Measure::SessionsBooked), f.total(Measure::SessionsAvailable))),
            }
        })
        .collect();

    Some(Dashboard {
        quarter,
        by_source,
        by_stage,
        waiting_list,
        open,
        median_days_to_first_response: median_days_to_first_response(&times, quarter),
        awaiting_first_response: count(this_quarter.iter().filter(|r| r.first_response_at.is_none()).count()),
        no_shows,
        no_show_percent: percent(no_shows, referrals),
        capacity,
        trend,
    })
}

/// The median number of days from arrival to the centre's first response, over the referrals
/// received in `quarter` that have had one (Unix seconds in, days out, to one decimal place).
pub fn median_days_to_first_response(referrals: &[(i64, Option<i64>)], quarter: Quarter) -> Option<f64> {
    let within = |at: i64| {
        let day = crate::uk_time::uk_date(at);
        quarter.start() <= day && day <= quarter.end()
    };
    let mut days: Vec<f64> = referrals
        .iter()
        .filter(|(received, _)| within(*received))
        .filter_map(|(received, first)| first.map(|f| (f - received).max(0) as f64 / 86_400.0))
        .collect();
    median(&mut days).map(|d| (d * 10.0).round() / 10.0)
}

/// `part` as a whole percentage of `whole` (rounded to the nearest); `None` when there is no whole.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| {
        let p = (u64::from(part) * 200 + u64::from(whole)) / (2 * u64::from(whole));
        u32::try_from(p).unwrap_or(u32::MAX)
    })
}

/// The median of every centre's figure (for "your centre beside the national median").
pub fn national_median(figures: &[u32]) -> Option<f64> {
    let mut values: Vec<f64> = figures.iter().map(|&n| f64::from(n)).collect();
    median(&mut values)
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;
