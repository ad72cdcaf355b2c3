//! Demo statistics returns: five years for every member centre, consistent with the published
//! national figures (SPEC §2: about 10,800 referrals a year, ~36% self-referrals, ~22% from
//! solicitors; 8% rejected and 10% no-shows in supported contact, 6% and 5% in supervised;
//! about 36% of supported capacity used), with seasonality, some sent late, some amended, and a
//! few centres whose latest return is missing (late or lapsed). Deterministic for a given day.

use crate::store::{SeedReturn, Store, StoreError};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use shared::returns::lifecycle::quarters_to;
use shared::returns::{FigureKey, Figures, Measure, ReturnState, Schedule, Service};
use shared::{Quarter, ReferralSource, ServiceType, Slug};

/// Five years of quarters.
pub const QUARTERS: usize = 20;

/// Shares of referrals by source, in percent (online only where the centre takes them).
const SOURCES: [(ReferralSource, u32); 7] = [
    (ReferralSource::SelfReferral, 36),
    (ReferralSource::Solicitor, 22),
    (ReferralSource::Cafcass, 11),
    (ReferralSource::LocalAuthority, 12),
    (ReferralSource::FamilyMediation, 8),
    (ReferralSource::Court, 7),
    (ReferralSource::Other, 4),
];

/// Busier in summer, quieter before Christmas.
fn season(q: Quarter) -> f64 {
    [1.0, 1.05, 1.15, 0.8][usize::from(q.number().clamp(1, 4) - 1)]
}

fn figures_for(rng: &mut ChaCha8Rng, services: &[Service], q: Quarter, size: f64, online: bool) -> Figures {
    let mut f = Figures::default();
    let both = services.len() == 2;
    for &s in services {
        let share = match (both, s) {
            (false, _) => 1.0,
            (true, Service::Supported) => 0.7,
            (true, Service::Supervised) => 0.3,
        };
        let mean = 8.4 * size * share * season(q);
        let referrals = (mean * rng.random_range(0.75..1.25)).round().max(0.0) as u32;
        let mut left = referrals;
        let put = |f: &mut Figures, m: Measure, n: u32| {
            f.0.insert(FigureKey::new(s, m), n);
        };
        let online_n = if online { (f64::from(referrals) * rng.random_range(0.1..0.3)).round() as u32 } else { 0 };
        put(&mut f, Measure::Source(ReferralSource::Online), online_n);
        left -= online_n.min(left);
        let mut assigned = 0;
        for (i, (source, pct)) in SOURCES.iter().enumerate() {
            let n = if i + 1 == SOURCES.len() {
                left - assigned.min(left)
            } else {
                ((f64::from(left) * f64::from(*pct) / 100.0) * rng.random_range(0.7..1.3)).round() as u32
            };
            let n = n.min(left - assigned.min(left));
            assigned += n;
            put(&mut f, Measure::Source(*source), n);
        }
        put(&mut f, Measure::Referrals, referrals);
        let (rejected_pct, no_show_pct) = if s == Service::Supported { (0.08, 0.10) } else { (0.06, 0.05) };
        let rejected = (f64::from(referrals) * rejected_pct * rng.random_range(0.5..1.5)).round() as u32;
        let no_show = (f64::from(referrals) * no_show_pct * rng.random_range(0.5..1.5)).round() as u32;
        put(&mut f, Measure::Rejected, rejected.min(referrals));
        put(&mut f, Measure::Accepted, referrals.saturating_sub(rejected));
        put(&mut f, Measure::NoShow, no_show.min(referrals));
        let families = (f64::from(referrals) * rng.random_range(1.1..1.5)).round() as u32;
        put(&mut f, Measure::Families, families);
        put(&mut f, Measure::Children, (f64::from(families) * rng.random_range(1.4..1.8)).round() as u32);
        put(&mut f, Measure::Volunteers, ((10.0 * size * share) * rng.random_range(0.8..1.2)).round() as u32);
        put(&mut f, Measure::PaidStaff, ((4.0 * size * share) * rng.random_range(0.6..1.4)).round() as u32);
        let booked = families * rng.random_range(4..8);
        let used = if s == Service::Supported { 0.36 } else { 0.6 };
        put(&mut f, Measure::SessionsBooked, booked);
        put(
            &mut f,
            Measure::SessionsAvailable,
            (f64::from(booked) / (used * rng.random_range(0.8..1.2))).round() as u32,
        );
    }
    f
}

/// Loads the demo returns once (a database that has any returns is left as it is). `keep_open`:
/// the centre whose latest ended quarter is left for its demo manager to fill in.
pub async fn seed_returns(
    store: &Store,
    centres: &[shared::Centre],
    today: time::Date,
    schedule: Schedule,
    keep_open: Option<&Slug>,
) -> Result<usize, StoreError> {
    if store.count_returns().await? > 0 {
        return Ok(0);
    }
    let Some(last) = Quarter::containing(today).ok().and_then(Quarter::previous) else { return Ok(0) };
    let quarters = quarters_to(last, QUARTERS);
    let mut rows = Vec::new();
    for (i, centre) in centres.iter().enumerate().filter(|(_, c)| c.service != ServiceType::Candidate) {
        let services = Service::of_centre(centre.service);
        let mut rng = ChaCha8Rng::seed_from_u64(0x5245_5455_524E ^ (i as u64) << 8);
        // The Channel Islands' few centres see a handful of families a quarter (their counts are
        // the kind the board's disclosure rule hides).
        let island = if centre.nation == shared::Nation::ChannelIslands { 0.08 } else { 1.0 };
        let size = rng.random_range(0.5..1.6) * island;
        // A few centres have not sent their latest return (lapsed once its grace has passed).
        let missing_latest = i % 40 == 7 || keep_open == Some(&centre.slug);
        for &q in &quarters {
            if q == last && missing_latest {
                continue;
            }
            let figures = figures_for(&mut rng, &services, q, size, centre.accepts_online_referrals);
            let due = schedule.due(q);
            // Most on time, one in eight late by up to three weeks.
            let late = rng.random_bool(0.12);
            let offset = if late { rng.random_range(1..21) } else { -rng.random_range(0..25) };
            let submitted = due.saturating_add(time::Duration::days(offset)).min(today);
            let submitted_at = submitted.midnight().assume_utc().unix_timestamp() + 12 * 3600;
            let amended = rng.random_bool(0.04);
            rows.push(SeedReturn {
                centre: centre.slug.to_string(),
                quarter: q,
                state: if amended { ReturnState::Amended } else { ReturnState::Submitted },
                figures,
                submitted_at,
                amended,
            });
        }
    }
    store.insert_seed_returns(&rows).await?;
    Ok(rows.len())
}

/// The question NACCC plans to add to returns (SPEC §3.5), on the quarter under way, once.
pub async fn seed_questions(store: &Store, today: time::Date, now: i64) -> Result<(), StoreError> {
    use shared::returns::questions::{NewQuestion, QuestionKind};
    let Ok(quarter) = Quarter::containing(today) else { return Ok(()) };
    let question = NewQuestion {
        text: "Which of these issues did the families you worked with this quarter bring?".into(),
        hint: "Tick every one that at least one family brought".into(),
        kind: QuestionKind::SeveralChoices,
        choices: ["Domestic abuse", "Mental health", "Drug and alcohol use", "Parental conflict", "Family transitions"]
            .map(String::from)
            .to_vec(),
        required: false,
    };
    // Keyed by quarter: loading the demo again adds nothing more.
    store.add_question(quarter, &question, None, &format!("demo-presenting-issues-{quarter}"), now).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::referral::Fields;
    use shared::returns::CheckContext;

    #[test]
    fn demo_returns_pass_the_returns_own_checks_and_match_the_national_figures() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let q = Quarter::parse("2025-Q3").unwrap();
        let mut referrals = 0;
        let mut self_referrals = 0;
        for i in 0..320 {
            let services =
                if i % 2 == 0 { vec![Service::Supported] } else { vec![Service::Supported, Service::Supervised] };
            let figures = figures_for(&mut rng, &services, q, 1.0, i % 5 == 0);
            let fields: Fields = figures.0.iter().map(|(k, n)| (k.code(), n.to_string())).collect();
            let context = CheckContext { services, ..CheckContext::default() };
            let errors: Vec<_> = shared::returns::check(&fields, &context)
                .errors
                .into_iter()
                .filter(|e| !matches!(e, shared::returns::ReturnProblem::QueryUnexplained(_)))
                .collect();
            assert_eq!(errors, vec![], "{fields:?}");
            referrals += figures.total(Measure::Referrals);
            self_referrals += figures.total(Measure::Source(ReferralSource::SelfReferral));
        }
        // About 10,800 a year nationally: 2,700 a quarter, a summer quarter above it.
        assert!((2_600..3_600).contains(&referrals), "{referrals}");
        let share = f64::from(self_referrals) / f64::from(referrals);
        assert!((0.25..0.40).contains(&share), "{share}");
    }
}
