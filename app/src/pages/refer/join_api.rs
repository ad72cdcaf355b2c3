//! The other party's part: its pages, check and send. Nothing here reads the first part.

use super::api::WizardError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::IsoDate;
use shared::referral::{FieldError, Fields, JoinAnswers};

#[cfg(feature = "ssr")]
use super::api::go;
#[cfg(feature = "ssr")]
use super::session::{self as s, is_plain_form};
#[cfg(feature = "ssr")]
use shared::referral::{JoinStep, ReferralReference};

/// An open invitation, for its pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinView {
    pub reference: String,
    pub answers: JoinAnswers,
    pub today: IsoDate,
    /// Pages with problems (by slug), for the check page.
    pub problems: Vec<(String, Vec<FieldError>)>,
    /// The joiner's own code, just issued when they opened the invitation (shown once).
    pub own_code: Option<String>,
}

#[cfg(feature = "ssr")]
async fn open_join() -> Result<(ReferralReference, JoinAnswers), WizardError> {
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::JOIN).await?.ok_or(WizardError::NothingOpen)?;
    let ports = crate::ports::use_ports()?;
    let answers = ports.referrals.joining(&reference).await?.ok_or(WizardError::NothingOpen)?;
    Ok((reference, answers))
}

#[server(endpoint = "refer/join/view")]
pub async fn load_join() -> Result<JoinView, WizardError> {
    s::no_store();
    let (reference, answers) = open_join().await.map_err(WizardError::with_status)?;
    let today = crate::ports::use_ports()?.clock.today();
    let problems = answers
        .steps()
        .into_iter()
        .map(|step| (step.slug().to_owned(), step.errors(&answers, today)))
        .filter(|(_, e)| !e.is_empty())
        .collect();
    let session = s::session().await?;
    let token: Option<String> = s::take_value(&session, s::JOIN_CODE_DUE).await?;
    let own_code = match token {
        Some(token) => {
            crate::ports::use_ports()?.referrals.joiner_code(&reference, &token).await?.map(|c| c.to_display_once())
        }
        None => None,
    };
    Ok(JoinView { reference: reference.to_string(), answers, today: today.into(), problems, own_code })
}

#[server(endpoint = "refer/join/save")]
pub async fn save_join_step(
    #[server(default)] step: String,
    #[server(default)] change: String,
    #[server(default)] f: Fields,
) -> Result<(), WizardError> {
    let step = JoinStep::from_slug(&step).ok_or_else(|| WizardError::BadRequest.with_status())?;
    let (reference, mut answers) = open_join().await.map_err(WizardError::with_status)?;
    step.apply(&mut answers, &f);
    answers.check_size().map_err(|_| WizardError::TooLarge.with_status())?;
    let ports = crate::ports::use_ports()?;
    let errors = step.errors(&answers, ports.clock.today());
    // Saved when right, or as typed for a plain form (its page shows the problems from the draft).
    if (errors.is_empty() || is_plain_form()) && !ports.referrals.save_joining(&reference, &answers).await? {
        return Err(WizardError::NothingOpen.with_status());
    }
    if errors.is_empty() {
        let joiner = shared::referral::Joiner::from_code(&answers.joiner);
        match step.next(joiner) {
            Some(next) if change.is_empty() => go(&next.path()),
            _ => go("/refer/join/check"),
        }
        return Ok(());
    }
    if is_plain_form() {
        let change = if change.is_empty() { "" } else { "&change=1" };
        go(&format!("{}?invalid=1{change}", step.path()));
        return Ok(());
    }
    Err(WizardError::Rejected(errors).with_status())
}

#[server(endpoint = "refer/join/submit")]
pub async fn submit_join() -> Result<(), WizardError> {
    let (reference, answers) = open_join().await.map_err(WizardError::with_status)?;
    let ports = crate::ports::use_ports()?;
    if let Err(problems) = shared::referral::validate_join(&answers, ports.clock.today()) {
        if is_plain_form() {
            go("/refer/join/check?invalid=1");
            return Ok(());
        }
        return Err(WizardError::Rejected(problems.into_iter().flat_map(|(_, e)| e).collect()).with_status());
    }
    // Already added by an earlier press of the button is not an error: the part is there.
    let added = ports.referrals.submit_joining(&reference, &answers).await?;
    let session = s::session().await?;
    s::remove(&session, s::JOIN).await?;
    s::set_ref(&session, s::JOINED, &reference).await?;
    if !added {
        tracing::info!("second part already added or invitation closed");
    }
    go("/refer/join/sent");
    Ok(())
}

/// The reference whose second part this browser has just sent.
#[server(endpoint = "refer/join/sent")]
pub async fn load_joined() -> Result<String, WizardError> {
    s::no_store();
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::JOINED).await?.ok_or_else(|| WizardError::NothingOpen.with_status())?;
    Ok(reference.to_string())
}
