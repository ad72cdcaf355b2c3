//! The figures a return is pre-filled with, worked out from the centre's own cases: one rule, so
//! the return and the dashboard count alike.

use super::figures::{FigureKey, Figures, Measure, Service};
use crate::Quarter;
use crate::ReferralSource;
use crate::referral::case::{Attendance, CaseState, CloseOutcome};
use time::Date;

/// What counting needs of one case (no personal data): its service, when it arrived, when it was
/// accepted or refused, how it ended, its children and its sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub service: Service,
    pub received: Date,
    pub accepted: Option<Date>,
    /// Declined, or redirected to supervised contact elsewhere.
    pub rejected: Option<Date>,
    /// The day it was closed, and why.
    pub closed: Option<(Date, CloseOutcome)>,
    pub children: u32,
    pub sessions: Vec<(Date, Attendance)>,
}

impl CaseFacts {
    /// The sessions of a case's state (its contact, under way or ended).
    pub fn sessions_of(state: &CaseState) -> Vec<(Date, Attendance)> {
        state.contact().map(|c| c.sessions.iter().map(|s| (s.date.date(), s.attendance)).collect()).unwrap_or_default()
    }
}

/// The service a case is counted under in a return for `services`: its own if the return has it.
fn counted_as(service: Service, services: &[Service]) -> Option<Service> {
    if services.contains(&service) { Some(service) } else { services.first().copied() }
}

/// The computed figures of `quarter`'s return (see [`Measure::is_computed`]); every computed key
/// present, zero when nothing happened.
pub fn prefill(cases: &[CaseFacts], quarter: Quarter, services: &[Service]) -> Figures {
    let mut figures = Figures::default();
    for &service in services {
        for measure in Measure::all().into_iter().filter(|m| m.is_computed()) {
            figures.0.insert(FigureKey::new(service, measure), 0);
        }
    }
    let within = |d: Date| quarter.start() <= d && d <= quarter.end();
    for case in cases {
        let Some(service) = counted_as(case.service, services) else { continue };
        let mut add = |measure: Measure, n: u32| {
            *figures.0.entry(FigureKey::new(service, measure)).or_insert(0) += n;
        };
        if within(case.received) {
            add(Measure::Source(ReferralSource::Online), 1);
        }
        if case.accepted.is_some_and(within) {
            add(Measure::Accepted, 1);
        }
        if case.rejected.is_some_and(within) {
            add(Measure::Rejected, 1);
        }
        if case.closed.is_some_and(|(d, outcome)| outcome == CloseOutcome::NoShow && within(d)) {
            add(Measure::NoShow, 1);
        }
        let sessions: Vec<_> = case.sessions.iter().filter(|(d, _)| within(*d)).collect();
        add(Measure::SessionsBooked, u32::try_from(sessions.len()).unwrap_or(u32::MAX));
        // A family is seen when it came to at least one session.
        if sessions.iter().any(|(_, a)| *a == Attendance::Attended) {
            add(Measure::Families, 1);
            add(Measure::Children, case.children);
        }
    }
    figures
}

/// The median of `values` (the mean of the middle two for an even count); `None` when empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2.0 } else { values[mid] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn case(service: Service, received: Date) -> CaseFacts {
        CaseFacts { service, received, accepted: None, rejected: None, closed: None, children: 2, sessions: vec![] }
    }

    fn q(s: &str) -> Quarter {
        Quarter::parse(s).unwrap()
    }

    #[test]
    fn counts_what_happened_in_the_quarter() {
        let sup = Service::Supported;
        let mut a = case(sup, date!(2026 - 07 - 01));
        a.accepted = Some(date!(2026 - 07 - 10));
        a.sessions = vec![
            (date!(2026 - 08 - 01), Attendance::Attended),
            (date!(2026 - 08 - 08), Attendance::NoShow),
            (date!(2026 - 10 - 01), Attendance::Attended),
        ];
        // Arrived last quarter, refused in this one.
        let mut b = case(sup, date!(2026 - 06 - 30));
        b.rejected = Some(date!(2026 - 07 - 02));
        // Accepted, never came: closed as a no-show.
        let mut c = case(sup, date!(2026 - 09 - 30));
        c.accepted = Some(date!(2026 - 09 - 30));
        c.closed = Some((date!(2026 - 09 - 30), CloseOutcome::NoShow));
        c.sessions = vec![(date!(2026 - 09 - 30), Attendance::NoShow)];
        let f = prefill(&[a, b, c], q("2026-Q3"), &[sup]);
        let of = |m| f.of(sup, m);
        assert_eq!(of(Measure::Source(ReferralSource::Online)), 2);
        assert_eq!(of(Measure::Accepted), 2);
        assert_eq!(of(Measure::Rejected), 1);
        assert_eq!(of(Measure::NoShow), 1);
        assert_eq!(of(Measure::SessionsBooked), 3);
        assert_eq!(of(Measure::Families), 1, "only a family that came is seen");
        assert_eq!(of(Measure::Children), 2);
        assert!(!f.0.contains_key(&FigureKey::new(sup, Measure::Volunteers)), "only computed figures");
    }

    #[test]
    fn each_case_is_counted_under_its_service_or_the_centres_only_one() {
        let cases = [case(Service::Supported, date!(2026 - 07 - 05)), case(Service::Supervised, date!(2026 - 07 - 06))];
        let both = prefill(&cases, q("2026-Q3"), &[Service::Supported, Service::Supervised]);
        assert_eq!(both.of(Service::Supported, Measure::Source(ReferralSource::Online)), 1);
        assert_eq!(both.of(Service::Supervised, Measure::Source(ReferralSource::Online)), 1);
        let one = prefill(&cases, q("2026-Q3"), &[Service::Supported]);
        assert_eq!(one.of(Service::Supported, Measure::Source(ReferralSource::Online)), 2);
    }

    #[test]
    fn an_empty_quarter_is_all_zeros() {
        let f = prefill(&[], q("2026-Q3"), &[Service::Supported]);
        assert_eq!(f.0.len(), 7);
        assert!(f.0.values().all(|&n| n == 0));
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0]), Some(3.0));
        assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
