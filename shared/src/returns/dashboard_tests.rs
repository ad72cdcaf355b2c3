use super::*;
use crate::referral::case::Attendance;
use time::macros::date;

/// 2026-07-01 12:00 UTC (13:00 in the UK), the first day of 2026-Q3.
const JULY: i64 = 1_782_907_200;
const DAY: i64 = 86_400;

fn q(s: &str) -> Quarter {
    Quarter::parse(s).unwrap()
}

fn facts(received: Date) -> CaseFacts {
    CaseFacts {
        service: Service::Supported,
        received,
        accepted: None,
        rejected: None,
        closed: None,
        children: 1,
        sessions: vec![],
    }
}

fn times(stage: Stage, received_at: i64, first: Option<i64>) -> ReferralTimes {
    ReferralTimes { stage, received_at, first_response_at: first }
}

fn figures(pairs: &[(Measure, u32)]) -> Figures {
    Figures(pairs.iter().map(|&(m, n)| (FigureKey::new(Service::Supported, m), n)).collect())
}

struct Case {
    cases: Vec<CaseFacts>,
    referrals: Vec<ReferralTimes>,
    submitted: Vec<(Quarter, Figures)>,
    draft: Option<Fields>,
    national: BTreeMap<Quarter, Vec<u32>>,
}

impl Case {
    fn new() -> Self {
        Self { cases: vec![], referrals: vec![], submitted: vec![], draft: None, national: BTreeMap::new() }
    }

    fn on(&self, today: Date) -> Dashboard {
        dashboard(DashboardInput {
            today,
            services: &[Service::Supported],
            cases: &self.cases,
            referrals: &self.referrals,
            submitted: &self.submitted,
            draft: self.draft.as_ref(),
            national: &self.national,
        })
        .unwrap()
    }
}

#[test]
fn online_referrals_are_counted_live_and_other_sources_come_from_the_draft() {
    let mut c = Case::new();
    c.cases = vec![facts(date!(2026 - 07 - 02)), facts(date!(2026 - 08 - 20)), facts(date!(2026 - 06 - 30))];
    let d = c.on(date!(2026 - 09 - 01));
    assert_eq!(d.quarter, q("2026-Q3"));
    assert_eq!(d.by_source[0], (ReferralSource::Online, 2), "June's referral is last quarter's");
    assert_eq!(d.referrals(), 2);
    assert_eq!(d.by_source.len(), 8, "every source, in the return's order");

    let mut draft = Fields::new();
    draft.insert("supported-source-solicitor".into(), "3".into());
    draft.insert("supported-source-cafcass".into(), "not yet".into());
    draft.insert("supported-source-online".into(), "99".into());
    c.draft = Some(draft);
    let d = c.on(date!(2026 - 09 - 01));
    assert!(d.by_source.contains(&(ReferralSource::Solicitor, 3)));
    assert!(d.by_source.contains(&(ReferralSource::Cafcass, 0)), "what does not read as a figure counts nothing");
    assert_eq!(d.by_source[0], (ReferralSource::Online, 2), "online is always what the cases hold");
    assert_eq!(d.referrals(), 5);
}

#[test]
fn stages_are_this_quarters_referrals_and_the_waiting_list_is_everyone_on_it() {
    let mut c = Case::new();
    c.referrals = vec![
        times(Stage::Screening, JULY, Some(JULY + 2 * DAY)),
        times(Stage::WaitingList, JULY + DAY, Some(JULY + 5 * DAY)),
        times(Stage::Declined, JULY + 2 * DAY, Some(JULY + 3 * DAY)),
        times(Stage::Submitted, JULY + 3 * DAY, None),
        // Last quarter's: on the waiting list still, not among this quarter's stages.
        times(Stage::WaitingList, JULY - 40 * DAY, Some(JULY - 39 * DAY)),
    ];
    let d = c.on(date!(2026 - 07 - 20));
    assert_eq!(d.by_stage.len(), Stage::ALL.len(), "every stage, so bars stay in place");
    let of = |s| d.by_stage.iter().find(|(x, _)| *x == s).unwrap().1;
    assert_eq!((of(Stage::Screening), of(Stage::WaitingList), of(Stage::Declined), of(Stage::Submitted)), (1, 1, 1, 1));
    assert_eq!(d.waiting_list, 2);
    assert_eq!(d.open, 4, "declined is not open");
    assert_eq!(d.median_days_to_first_response, Some(2.0), "of 2, 4 and 1 days; none yet is left out");
    assert_eq!(d.awaiting_first_response, 1, "and counted apart");
}

#[test]
fn no_shows_and_capacity_this_quarter() {
    let mut c = Case::new();
    let mut came = facts(date!(2026 - 07 - 02));
    came.sessions = vec![(date!(2026 - 07 - 10), Attendance::Attended), (date!(2026 - 07 - 17), Attendance::Attended)];
    let mut never = facts(date!(2026 - 07 - 03));
    never.closed = Some((date!(2026 - 07 - 30), crate::referral::case::CloseOutcome::NoShow));
    never.sessions = vec![(date!(2026 - 07 - 24), Attendance::NoShow)];
    c.cases = vec![came, never, facts(date!(2026 - 07 - 04)), facts(date!(2026 - 07 - 05))];
    // No return has said how many sessions there are: no capacity figure.
    let d = c.on(date!(2026 - 08 - 01));
    assert_eq!((d.no_shows, d.no_show_percent), (1, Some(25)));
    assert_eq!(d.capacity, Capacity { booked: 3, available: None, percent: None });

    // The latest submitted return before this quarter says 12; an older one said 40.
    c.submitted = vec![
        (q("2026-Q1"), figures(&[(Measure::SessionsAvailable, 40)])),
        (q("2026-Q2"), figures(&[(Measure::SessionsAvailable, 12)])),
    ];
    let d = c.on(date!(2026 - 08 - 01));
    assert_eq!(d.capacity, Capacity { booked: 3, available: Some((12, q("2026-Q2"))), percent: Some(25) });

    // This quarter's draft says 6: it wins.
    let mut draft = Fields::new();
    draft.insert("supported-sessions-available".into(), "6".into());
    c.draft = Some(draft);
    let d = c.on(date!(2026 - 08 - 01));
    assert_eq!(d.capacity, Capacity { booked: 3, available: Some((6, q("2026-Q3"))), percent: Some(50) });
}

#[test]
fn eight_quarters_of_trend_from_submitted_returns_beside_the_national_median() {
    let mut c = Case::new();
    c.cases = vec![facts(date!(2026 - 07 - 02))];
    c.submitted = vec![(
        q("2026-Q2"),
        figures(&[
            (Measure::Referrals, 20),
            (Measure::NoShow, 2),
            (Measure::SessionsAvailable, 50),
            (Measure::SessionsBooked, 40),
        ]),
    )];
    c.national.insert(q("2026-Q2"), vec![10, 30, 20, 7, 14, 16, 12, 18, 15, 15]);
    c.national.insert(q("2025-Q1"), vec![1, 2, 3, 2, 2, 2, 1, 3, 2, 2, 9]);
    // Too few returns to show a median without giving a centre's figure away.
    c.national.insert(q("2026-Q1"), vec![5; MIN_RETURNS_FOR_MEDIAN - 1]);
    // The quarter under way has no median, however many have sent early.
    c.national.insert(q("2026-Q3"), vec![4; 40]);
    let d = c.on(date!(2026 - 07 - 15));
    let quarters: Vec<String> = d.trend.iter().map(|t| t.quarter.to_string()).collect();
    assert_eq!(quarters.first().map(String::as_str), Some("2024-Q4"));
    assert_eq!(quarters.last().map(String::as_str), Some("2026-Q3"));
    assert_eq!(d.trend.len(), TREND_QUARTERS);

    let q2 = d.trend[6];
    assert_eq!(q2.quarter, q("2026-Q2"));
    assert!(!q2.so_far);
    assert_eq!(
        (q2.referrals, q2.national_median, q2.no_show_percent, q2.capacity_percent),
        (Some(20), Some(15.0), Some(10), Some(80))
    );
    let q1 = d.trend[5];
    assert_eq!((q1.referrals, q1.national_median, q1.no_show_percent), (None, None, None), "no return, no figure");
    assert_eq!(d.trend[1].national_median, Some(2.0));
    assert_eq!(d.trend[5].national_median, None, "nine returns are too few");

    let now = d.trend[7];
    assert!(now.so_far);
    assert_eq!((now.referrals, now.national_median), (Some(1), None));
}

#[test]
fn percentages_round_to_the_nearest_and_medians() {
    assert_eq!(percent(1, 3), Some(33));
    assert_eq!(percent(2, 3), Some(67));
    assert_eq!(percent(1, 8), Some(13));
    assert_eq!(percent(3, 0), None);
    assert_eq!(percent(36, 100), Some(36));
    assert_eq!(percent(u32::MAX, 1), Some(u32::MAX));
    assert_eq!(national_median(&[3, 9, 5]), Some(5.0));
    assert_eq!(national_median(&[]), None);
}

#[test]
fn days_to_first_response_over_the_quarters_referrals() {
    let referrals = [
        (JULY, Some(JULY + 2 * DAY)),
        (JULY, Some(JULY + 4 * DAY)),
        (JULY, Some(JULY + DAY / 2)),
        (JULY, None),
        (JULY - 30 * DAY, Some(JULY)),
    ];
    assert_eq!(median_days_to_first_response(&referrals, q("2026-Q3")), Some(2.0));
    assert_eq!(median_days_to_first_response(&[(JULY, None)], q("2026-Q3")), None);
}
