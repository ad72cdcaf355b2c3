//! NACCC's registers (training delivered, Young People's Board inspections) and the board's
//! targets: checked by `shared::board`, recorded once per form, audit-logged. NACCC
//! administrators only.

use super::{BoardService, port_error};
use crate::store::{Actor, AuditEvent, Outcome, StoreError};
use app::pages::board::model::{InspectionLine, Registers, TargetLine, TrainingLine};
use app::ports::{PortError, StaffUser};
use shared::Quarter;
use shared::account::Role;
use shared::board::indicators::{Indicator, format_value};
use shared::board::registers::{Audience, Inspection, RegisterError, TrainingEvent};
use shared::board::targets::{Target, TargetFrom};
use shared::referral::{FieldError, Fields};

type Refusable = Result<Result<(), Vec<FieldError>>, PortError>;

fn get<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map_or("", String::as_str)
}

fn problems(errors: &[RegisterError]) -> Vec<FieldError> {
    errors.iter().map(|e| FieldError::new(e.field(), e)).collect()
}

async fn audit(s: &BoardService, user: &StaffUser, action: &'static str, object: String) {
    let event = AuditEvent {
        actor: Actor::User(user.id),
        action,
        object: Some(object),
        outcome: Outcome::Ok,
        detail: String::new(),
    };
    if let Err(error) = s.store.record(&event, s.clock.now()).await {
        tracing::error!(%error, "audit entry not written");
    }
}

pub(super) async fn registers(s: &BoardService) -> Result<Registers, StoreError> {
    let training = s
        .store
        .training_register()
        .await?
        .into_iter()
        .map(|t| TrainingLine {
            audience: Audience::from_code(&t.audience).map_or(t.audience.clone(), |a| a.label().to_owned()),
            held_on: t.held_on,
            course: t.course,
            attendees: t.attendees,
        })
        .collect();
    let inspections = s
        .store
        .inspection_register()
        .await?
        .into_iter()
        .map(|i| InspectionLine { centre: i.centre_name, inspected_on: i.inspected_on, stars: i.stars })
        .collect();
    let mut targets: Vec<TargetFrom> = s.store.board_targets().await?;
    targets.sort_by(|a, b| a.indicator.cmp(&b.indicator).then(b.from.cmp(&a.from)));
    let targets = targets
        .into_iter()
        .map(|t| {
            let unit = t.indicator.unit();
            let red = match t.indicator.better() {
                shared::board::indicators::Better::Higher => "red below",
                shared::board::indicators::Better::Lower => "red above",
            };
            TargetLine {
                indicator: t.indicator.name().to_owned(),
                from: t.from.to_string(),
                words: format!("{} ({red} {})", format_value(unit, t.target.value), format_value(unit, t.target.red)),
            }
        })
        .collect();
    let centres =
        s.store.centres_for_naccc().await?.into_iter().filter(|c| c.5 != "removed").map(|c| (c.0, c.1)).collect();
    let this_quarter = Quarter::containing(s.clock.today()).map_err(|_| StoreError::CorruptRow("today".into()))?;
    Ok(Registers {
        training,
        inspections,
        targets,
        centres,
        this_quarter,
        form_key: crate::platform::secrets::new_token(),
    })
}

pub(super) async fn record_training(s: &BoardService, user: &StaffUser, fields: &Fields, key: &str) -> Refusable {
    if user.scope.role() != Role::NacccAdmin {
        return Err(PortError::Unavailable);
    }
    let event = match TrainingEvent::parse(
        get(fields, "held-on"),
        get(fields, "course"),
        get(fields, "audience"),
        get(fields, "attendees"),
        s.clock.today(),
    ) {
        Ok(e) => e,
        Err(errors) => return Ok(Err(problems(&errors))),
    };
    let Some(key) = form_key(user, key) else { return Ok(Err(vec![used_form("course")])) };
    if !s.store.record_training(&event, Some(user.id), &key, s.clock.now()).await.map_err(port_error)? {
        return Ok(Err(vec![used_form("course")]));
    }
    audit(s, user, "board.training", format!("training:{}", event.held_on)).await;
    Ok(Ok(()))
}

pub(super) async fn record_inspection(s: &BoardService, user: &StaffUser, fields: &Fields, key: &str) -> Refusable {
    if user.scope.role() != Role::NacccAdmin {
        return Err(PortError::Unavailable);
    }
    let centre = get(fields, "centre").trim();
    let mut errors = Vec::new();
    if shared::Slug::parse(centre).is_err() {
        errors.push(RegisterError::Centre);
    }
    let inspection = Inspection::parse(get(fields, "inspected-on"), get(fields, "stars"), s.clock.today())
        .map_err(|e| errors.extend(e))
        .ok();
    let Some(inspection) = inspection.filter(|_| errors.is_empty()) else {
        return Ok(Err(problems(&errors).into_iter().map(inspection_field).collect()));
    };
    let Some(key) = form_key(user, key) else { return Ok(Err(vec![used_form("centre")])) };
    if !s.store.record_inspection(centre, &inspection, Some(user.id), &key, s.clock.now()).await.map_err(port_error)? {
        // This form already recorded another inspection, or there is no such member centre.
        let error = if s.store.inspection_form_used(&key).await.map_err(port_error)? {
            used_form("centre")
        } else {
            FieldError::new("centre", &RegisterError::Centre)
        };
        return Ok(Err(vec![error]));
    }
    audit(s, user, "board.inspection", format!("centre:{centre}")).await;
    Ok(Ok(()))
}

/// The form's key, one per user (a form without one is refused: it cannot be told apart from
/// another sent twice).
fn form_key(user: &StaffUser, key: &str) -> Option<String> {
    let key = key.trim();
    (!key.is_empty() && key.len() <= 100).then(|| format!("{}:{key}", user.id))
}

fn used_form(field: &str) -> FieldError {
    FieldError::new(field, &"this form has already recorded something else: reload the page and enter it again")
}

/// The inspection form names its date field `inspected-on`.
fn inspection_field(mut e: FieldError) -> FieldError {
    if e.field == "held-on" {
        e.field = "inspected-on".to_owned();
    }
    e
}

pub(super) async fn set_target(s: &BoardService, user: &StaffUser, fields: &Fields) -> Refusable {
    if user.scope.role() != Role::NacccAdmin {
        return Err(PortError::Unavailable);
    }
    let Some(indicator) = Indicator::from_code(get(fields, "indicator").trim()) else {
        return Ok(Err(vec![FieldError::new("indicator", &"choose an indicator")]));
    };
    let Ok(from) = Quarter::parse(get(fields, "from").trim()) else {
        return Ok(Err(vec![FieldError::new("from", &"enter the quarter it holds from, like 2026-Q2")]));
    };
    let target = match Target::parse(indicator, get(fields, "target"), get(fields, "red")) {
        Ok(t) => t,
        Err(e) => {
            use shared::board::targets::TargetError as E;
            let red = get(fields, "red");
            // Out of range or not a percentage: whichever of the two is.
            let red_wrong = matches!(e, E::RedNotANumber)
                || (matches!(e, E::OutOfRange | E::NotAPercentage)
                    && Target::parse(indicator, get(fields, "target"), get(fields, "target")).is_ok()
                    && !red.trim().is_empty());
            let field = if red_wrong { "red" } else { "target" };
            return Ok(Err(vec![FieldError::new(field, &e)]));
        }
    };
    s.store
        .set_target(&TargetFrom { indicator, from, target }, Some(user.id), s.clock.now())
        .await
        .map_err(port_error)?;
    audit(s, user, "board.target", format!("indicator:{}", indicator.code())).await;
    Ok(Ok(()))
}
