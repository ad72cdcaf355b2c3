//! Demo data for the board: nine candidate centres that joined over the last two years (the
//! 333 → 342 kind of figure), training delivered each quarter, Young People's Board inspections
//! and a target for every indicator. Loaded once (a database with targets is left as it is).

use crate::store::{Store, StoreError};
use shared::board::indicators::Indicator;
use shared::board::registers::{Audience, Inspection, TrainingEvent};
use shared::board::targets::{Target, TargetFrom};
use shared::{Centre, IsoDate, Quarter, ServiceType};
use time::{Date, Duration};

/// Each indicator's demo target and red threshold.
const TARGETS: [(Indicator, f64, f64); 17] = [
    (Indicator::MemberCentres, 345.0, 330.0),
    (Indicator::Candidates, 10.0, 5.0),
    (Indicator::Accredited, 90.0, 80.0),
    (Indicator::WithConditions, 10.0, 20.0),
    (Indicator::RenewalsOverdue, 3.0, 10.0),
    (Indicator::InspectionRating, 85.0, 70.0),
    (Indicator::PeopleTrained, 300.0, 200.0),
    (Indicator::JudgesTrained, 60.0, 30.0),
    (Indicator::Volunteers, 3_300.0, 3_000.0),
    (Indicator::PaidStaff, 1_250.0, 1_100.0),
    (Indicator::SafeReferralCentres, 50.0, 30.0),
    (Indicator::OnlineShare, 30.0, 20.0),
    (Indicator::FirstResponseDays, 5.0, 10.0),
    (Indicator::ReturnsOnTime, 90.0, 75.0),
    (Indicator::Referrals, 2_800.0, 2_400.0),
    (Indicator::Children, 4_500.0, 4_000.0),
    (Indicator::Families, 2_600.0, 2_200.0),
];

const COURSES: [(&str, Audience, u32); 3] = [
    ("Volunteer induction and safeguarding", Audience::Volunteers, 150),
    ("Domestic abuse awareness for centre staff", Audience::Staff, 60),
    ("Child contact centres: a briefing for the judiciary", Audience::Judges, 55),
];

fn iso(d: Date) -> Option<IsoDate> {
    IsoDate::parse(&d.to_string()).ok()
}

pub async fn seed_board(store: &Store, centres: &[Centre], today: Date, now: i64) -> Result<(), StoreError> {
    if !store.board_targets().await?.is_empty() {
        return Ok(());
    }
    // Nine candidates joined over the last two years, one every ten weeks or so.
    let mut candidates: Vec<&Centre> = centres.iter().filter(|c| c.service == ServiceType::Candidate).collect();
    candidates.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
    for (i, c) in candidates.iter().take(9).enumerate() {
        let joined = today - Duration::days(20 + 75 * i as i64);
        store.set_joined(c.slug.as_str(), joined).await?;
    }
    let Some(this) = Quarter::containing(today).ok() else { return Ok(()) };
    // Training: each course about once a quarter for two years.
    let quarters: Vec<Quarter> = std::iter::successors(this.previous(), |q| q.previous()).take(8).collect();
    for (n, q) in quarters.iter().enumerate() {
        for (k, (course, audience, base)) in COURSES.iter().enumerate() {
            let held = (q.start() + Duration::days(20 + 25 * k as i64)).min(today);
            let Some(held_on) = iso(held) else { continue };
            let attendees = base + ((n * 37 + k * 11) % 40) as u32;
            let event = TrainingEvent { held_on, course: (*course).to_owned(), audience: *audience, attendees };
            store.record_training(&event, None, &format!("demo:training:{q}:{k}"), now).await?;
        }
    }
    // Inspections: one centre in seven over two years, mostly four or five stars.
    let stars = [5u8, 4, 5, 4, 4, 5, 3, 5, 4, 5, 5, 4];
    let inspected = centres.iter().filter(|c| c.service != ServiceType::Candidate).step_by(7);
    for (i, c) in inspected.enumerate() {
        let Some(inspected_on) = iso(today - Duration::days(10 + (i as i64 * 13) % 720)) else { continue };
        let inspection = Inspection { inspected_on, stars: stars[i % stars.len()] };
        store.record_inspection(c.slug.as_str(), &inspection, None, &format!("demo:inspection:{i}"), now).await?;
    }
    let Some(from) = Quarter::new(this.year() - 5, 1).ok() else { return Ok(()) };
    for (indicator, value, red) in TARGETS {
        store.set_target(&TargetFrom { indicator, from, target: Target { value, red } }, None, now).await?;
    }
    Ok(())
}
