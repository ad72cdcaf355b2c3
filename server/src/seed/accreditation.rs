//! Demo accreditation cases, so every list on `/admin/accreditation` and `/assess` has something
//! in it: a case waiting for an assessor, one under desk review by the demo assessor, one
//! accredited with its renewal falling due within 90 days, one with conditions and an overdue
//! action, and a candidate waiting for NACCC to confirm. The demo staff centre has none: its
//! manager applies. Cases already there are left as they are.

use crate::accreditation::catalogue;
use crate::store::{NewCase, StepEffects, Store, StoreError};
use shared::accreditation::assessment::{Rating, SelfAnswer};
use shared::accreditation::catalogue::{Services, StandardKey, Venue, sets_for};
use shared::accreditation::dates::{RenewalCycle, add_months};
use shared::accreditation::{Action, Outcome, Stage};
use shared::{AccreditationStatus, Centre, ServiceType, Slug};
use time::{Date, Duration};

/// What a demo case is left at.
#[derive(Clone, Copy)]
enum Demo {
    Applied,
    WaitingForAssessor,
    DeskReview,
    /// Accredited this many months ago.
    Accredited(i32),
    /// Accredited with conditions, with an action overdue.
    Conditions,
}

fn keys(services: Services, venue: Venue) -> Vec<StandardKey> {
    let Ok(sets) = catalogue::read(&catalogue::shipped()) else { return Vec::new() };
    let wanted = sets_for(services, venue);
    sets.iter()
        .filter(|s| wanted.contains(&s.set))
        .flat_map(|set| set.standards().map(move |(_, st)| StandardKey::new(set.set, &st.number)))
        .collect()
}

/// Loads the demo cases; how many were made.
pub async fn seed_cases(
    store: &Store,
    directory: &[Centre],
    staff_centre: &Slug,
    assessor: Option<i64>,
    today: Date,
    now: i64,
) -> Result<usize, StoreError> {
    let (version, _) = store.current_standards(&catalogue::shipped(), now).await?;
    let accredited: Vec<&Centre> = directory
        .iter()
        .filter(|c| &c.slug != staff_centre && c.service == ServiceType::Supported && !c.accepts_online_referrals)
        .collect();
    let candidate = directory.iter().find(|c| c.service == ServiceType::Candidate);
    let plan = [
        (accredited.first(), Demo::WaitingForAssessor),
        (accredited.get(1), Demo::DeskReview),
        (accredited.get(2), Demo::Accredited(34)),
        (accredited.get(3), Demo::Conditions),
        (candidate.as_ref(), Demo::Applied),
    ];
    let mut made = 0;
    for (centre, demo) in plan {
        let Some(centre) = centre else { continue };
        let Some(centre_id) = store.centre_id(centre.slug.as_str()).await? else { continue };
        if store.centre_case(centre_id).await?.is_some() {
            continue;
        }
        let stage = match demo {
            Demo::Applied => Stage::Applied,
            Demo::WaitingForAssessor | Demo::DeskReview => Stage::SelfAssessment,
            Demo::Accredited(_) | Demo::Conditions => Stage::Decision,
        };
        let applied = today.saturating_sub(Duration::days(if matches!(demo, Demo::Applied) { 10 } else { 120 }));
        let case = NewCase {
            centre_id,
            standards_version: version,
            renewal: false,
            services: Services::Supported.code(),
            venue: Venue::Fixed.code(),
            signed_by: "Demo Trustee",
            signed_on: applied.to_string(),
            applied_on: applied.to_string(),
            stage,
        };
        let Some(id) = store.create_case(&case, None, now).await? else { continue };
        made += 1;
        let step = |action: Action, from: Stage, to: Stage, effects: StepEffects| async move {
            let row = store.accreditation_case(id).await?;
            let version = row.map(|r| r.version).unwrap_or_default();
            store.apply_step(id, version, action.code(), from, to, &effects, None, "Demo data", now).await
        };
        match demo {
            Demo::Applied => {}
            Demo::WaitingForAssessor | Demo::DeskReview => {
                let answers: Vec<SelfAnswer> = keys(Services::Supported, Venue::Fixed)
                    .into_iter()
                    .map(|key| SelfAnswer {
                        key,
                        rating: Some(Rating::Met),
                        notes: "Policy and records on file.".into(),
                    })
                    .collect();
                store.save_self_answers(id, &answers, None, now).await?;
                step(Action::Submit, Stage::SelfAssessment, Stage::Submitted, StepEffects::default()).await?;
                if let (Demo::DeskReview, Some(assessor)) = (demo, assessor) {
                    let effects = StepEffects { assessor_id: Some(assessor), ..Default::default() };
                    step(Action::AssignAssessor, Stage::Submitted, Stage::DeskReview, effects).await?;
                }
            }
            Demo::Accredited(_) | Demo::Conditions => {
                let (outcome, decided) = match demo {
                    Demo::Accredited(months) => (Outcome::Accredited, add_months(today, -months)),
                    _ => (Outcome::AccreditedWithConditions, add_months(today, -4)),
                };
                let to = Stage::Decision
                    .apply(Action::Decide(outcome), shared::accreditation::Actor::Naccc)
                    .unwrap_or(Stage::Accredited);
                let status = to.public_status(false);
                let effects = StepEffects {
                    decided_on: Some(decided.to_string()),
                    renewal_due: Some(RenewalCycle::default().renewal_due(decided).to_string()),
                    centre_accredited_on: Some(decided.to_string()),
                    centre_status: Some(if status == AccreditationStatus::Accredited {
                        "accredited"
                    } else {
                        "accredited_with_conditions"
                    }),
                    ..Default::default()
                };
                step(Action::Decide(outcome), Stage::Decision, to, effects).await?;
                if matches!(demo, Demo::Conditions) {
                    let due = today.saturating_sub(Duration::days(10)).to_string();
                    let key = format!("demo-item-{id}");
                    store
                        .add_action_item(id, "Renew the fire risk assessment and send it to NACCC", &due, &key, now)
                        .await?;
                }
            }
        }
    }
    Ok(made)
}
