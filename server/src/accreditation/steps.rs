//! Taking a step of a case's lifecycle: the shared rule says whether the viewer may take it from
//! this stage; what must be true first (every standard answered, every query answered, the visit
//! recorded …) is checked here; the stage, its history entry and its effects on the centre are
//! written in one transaction at the version the page showed.

use super::{AccreditationService, port_error, problem};
use crate::store::{CaseRow, Outcome as AuditOutcome, StepEffects};
use app::pages::accreditation::model::{StepOutcome, Viewer};
use app::ports::{PortError, StaffUser};
use shared::AccreditationStatus;
use shared::accreditation::assessment::SubmitError;
use shared::accreditation::{Action, Actor, Outcome, Services, Stage, TransitionError};
use shared::referral::Fields;

pub const ASSESSOR_FIELD: &str = "assessor";
pub const FEE_PAID_FIELD: &str = "fee-paid-on";
pub const NOTE_FIELD: &str = "note";

#[allow(clippy::too_many_arguments)]
pub(super) async fn take(
    service: &AccreditationService,
    user: &StaffUser,
    case: &CaseRow,
    _viewer: Viewer,
    actor: Actor,
    version: i64,
    action: Action,
    fields: &Fields,
) -> Result<StepOutcome, PortError> {
    let from = case.stage().map_err(port_error)?;
    let to = match from.apply(action, actor) {
        Ok(to) => to,
        Err(TransitionError::NotYours) => return Ok(StepOutcome::NotFound),
        // A step sent twice finds the case already past it: the same success, but only if the
        // last step taken was this one (else someone else's step won: the page is out of date).
        Err(TransitionError::NotNow) if version < case.version => {
            let steps = service.store.accreditation_steps(case.id).await.map_err(port_error)?;
            let repeated = steps.last().is_some_and(|s| s.action == action.code());
            return Ok(if repeated { StepOutcome::Done } else { StepOutcome::Conflict });
        }
        Err(TransitionError::NotNow) => return Ok(problem("case-actions", &TransitionError::NotNow)),
    };
    if version != case.version {
        return Ok(StepOutcome::Conflict);
    }
    let get = |name: &str| fields.get(name).map(|s| s.trim()).unwrap_or("");
    let note = get(NOTE_FIELD).chars().take(shared::accreditation::assessment::MAX_NOTE).collect::<String>();
    let today = service.clock.today();
    let mut effects = StepEffects::default();
    match action {
        Action::Confirm => {
            match shared::IsoDate::parse(get(FEE_PAID_FIELD)) {
                Ok(d) if d.date() <= today => effects.fee_paid_on = Some(d.to_string()),
                Ok(_) => return Ok(problem(FEE_PAID_FIELD, &"the fee cannot have been paid on a date in the future")),
                Err(_) => return Ok(problem(FEE_PAID_FIELD, &"enter the date the fee was paid, like 2026-03-14")),
            }
            effects.confirmed_on = Some(today.to_string());
        }
        Action::Submit => {
            let keys = service.case_keys(case).await?;
            let answers = service.store.self_answers(case.id).await.map_err(port_error)?;
            let unanswered =
                keys.iter().filter(|k| !answers.iter().any(|a| &a.key == *k && a.rating.is_some())).count();
            if unanswered > 0 {
                return Ok(problem("case-actions", &SubmitError::Unanswered(unanswered)));
            }
        }
        Action::AssignAssessor => {
            let id: Option<i64> = get(ASSESSOR_FIELD).parse().ok();
            let users = service.store.all_users().await.map_err(port_error)?;
            let Some(assessor) =
                users.iter().find(|u| Some(u.id) == id && u.scope == shared::account::Scope::Assessor && !u.disabled)
            else {
                return Ok(problem(ASSESSOR_FIELD, &"choose an assessor"));
            };
            effects.assessor_id = Some(assessor.id);
        }
        Action::RaiseQueries => {
            let queries = service.store.review_queries(case.id).await.map_err(port_error)?;
            if !queries.iter().any(|q| q.sent_at.is_none()) {
                return Ok(problem("case-actions", &"write at least one query before sending them to the centre"));
            }
            effects.send_queries = true;
        }
        Action::AnswerQueries => {
            let queries = service.store.review_queries(case.id).await.map_err(port_error)?;
            if queries.iter().any(|q| q.sent_at.is_some() && q.reply.is_none()) {
                return Ok(problem("case-actions", &SubmitError::QueriesUnanswered));
            }
        }
        Action::CompleteDeskReview => {
            let keys = service.case_keys(case).await?;
            let agreed = service.store.agreed_standards(case.id).await.map_err(port_error)?;
            let left = keys.iter().filter(|k| !agreed.iter().any(|a| a == k.as_str())).count();
            if left > 0 {
                return Ok(problem("case-actions", &SubmitError::Unreviewed(left)));
            }
            let queries = service.store.review_queries(case.id).await.map_err(port_error)?;
            if queries.iter().any(|q| q.sent_at.is_none()) {
                return Ok(problem("case-actions", &SubmitError::OpenQueries));
            }
        }
        Action::Recommend => {
            if case.visit_on.is_none() {
                return Ok(problem("case-actions", &SubmitError::NoVisit));
            }
            let Some(outcome) = Outcome::from_code(get("outcome")) else {
                return Ok(problem("outcome", &"choose what you recommend"));
            };
            effects.recommendation = Some(outcome.code());
        }
        Action::Decide(outcome) => {
            effects.decided_on = Some(today.to_string());
            let services = Services::from_code(&case.services).ok_or(PortError::CorruptData)?;
            match outcome {
                Outcome::Accredited | Outcome::AccreditedWithConditions => {
                    effects.renewal_due = Some(service.cycle.renewal_due(today).to_string());
                    effects.centre_accredited_on = Some(today.to_string());
                    effects.centre_service = Some(services.service_type().code());
                    effects.centre_status = Some(to.public_status(false).code());
                }
                Outcome::NotAccredited => {
                    effects.centre_status = Some(AccreditationStatus::Candidate.code());
                }
            }
        }
        Action::CloseActionPlan => {
            let items = service.store.action_items(case.id).await.map_err(port_error)?;
            if items.is_empty() {
                return Ok(problem("case-actions", &SubmitError::NoItems));
            }
            if items.iter().any(|i| i.response.is_none()) {
                return Ok(problem("case-actions", &SubmitError::OpenItems));
            }
            effects.centre_status = Some(AccreditationStatus::Accredited.code());
        }
        Action::Suspend => {
            effects.membership = Some("suspended");
            effects.centre_status = Some(AccreditationStatus::Suspended.code());
        }
        Action::Reinstate => {
            effects.membership = Some("member");
            effects.centre_status = Some(AccreditationStatus::Accredited.code());
        }
        Action::Remove => {
            effects.membership = Some("removed");
            effects.left_on = Some(today.to_string());
        }
        // Re-accreditation opens a new round; not offered from a page yet.
        Action::StartReaccreditation => return Ok(problem("case-actions", &TransitionError::NotNow)),
        Action::RenewalFallsDue => {}
    }
    // Reinstated to where it was before the suspension (conditions still open stay open).
    let to = if action == Action::Reinstate {
        let steps = service.store.accreditation_steps(case.id).await.map_err(port_error)?;
        let before = steps
            .iter()
            .rev()
            .find(|s| s.action == Action::Suspend.code())
            .and_then(|s| Stage::from_code(&s.from_stage));
        let to = shared::accreditation::lifecycle::reinstated_to(before);
        effects.centre_status = Some(to.public_status(true).code());
        to
    } else {
        to
    };
    let taken = service
        .store
        .apply_step(case.id, version, action.code(), from, to, &effects, Some(user.id), &note, service.clock.now())
        .await
        .map_err(port_error)?;
    if !taken {
        return Ok(StepOutcome::Conflict);
    }
    service.audit(Some(user), audit_action(action), case.id, AuditOutcome::Ok).await;
    Ok(StepOutcome::Done)
}

fn audit_action(action: Action) -> &'static str {
    match action {
        Action::Confirm => "accreditation.confirm",
        Action::Submit => "accreditation.submit",
        Action::AssignAssessor => "accreditation.assign",
        Action::RaiseQueries => "accreditation.queries",
        Action::AnswerQueries => "accreditation.answers",
        Action::CompleteDeskReview => "accreditation.desk_review",
        Action::Recommend => "accreditation.recommend",
        Action::Decide(_) => "accreditation.decide",
        Action::CloseActionPlan => "accreditation.close_plan",
        Action::RenewalFallsDue => "accreditation.renewal_due",
        Action::StartReaccreditation => "accreditation.reaccreditation",
        Action::Suspend => "accreditation.suspend",
        Action::Reinstate => "accreditation.reinstate",
        Action::Remove => "accreditation.remove",
    }
}

/// Whether a step is one the pages offer this viewer now.
pub(crate) fn offered(stage: Stage, actor: Actor) -> Vec<Action> {
    stage
        .actions()
        .into_iter()
        .filter(|a| a.actor() == actor && !matches!(a, Action::StartReaccreditation | Action::RenewalFallsDue))
        .collect()
}
