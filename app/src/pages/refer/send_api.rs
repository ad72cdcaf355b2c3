//! Check your answers, send, and what comes after: the confirmation, a code for checking progress,
//! and the invitation for the other party.

use super::api::{CentreChoice, CodeView, WizardError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::referral::{DraftAnswers, FieldError, Screening};
use shared::{IsoDate, ServiceType};

#[cfg(feature = "ssr")]
use super::api::{centre_choice, go, open_draft};
#[cfg(feature = "ssr")]
use super::session::{self as s, is_plain_form};

/// Everything check your answers shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckView {
    pub reference: String,
    pub answers: DraftAnswers,
    pub centre: Option<CentreChoice>,
    pub today: IsoDate,
    /// Pages with problems (by slug), in order.
    pub problems: Vec<(String, Vec<FieldError>)>,
    /// Screening so far (once the court and safety pages are valid).
    pub screening: Option<Screening>,
    /// The idempotency key for this rendering of the send button.
    pub submission_key: String,
}

impl CheckView {
    pub fn centre_service(&self) -> Option<ServiceType> {
        self.centre.as_ref().map(|c| c.service)
    }
}

#[server(endpoint = "refer/check")]
pub async fn load_check() -> Result<CheckView, WizardError> {
    s::no_store();
    let (reference, answers) = open_draft().await.map_err(WizardError::with_status)?;
    let ports = crate::ports::use_ports()?;
    let centre = centre_choice(&answers.centre).await?;
    let today = ports.clock.today();
    let service = centre.as_ref().map(|c| c.service);
    let problems = shared::referral::steps_for(&answers)
        .into_iter()
        .map(|step| (step.slug().to_owned(), step.errors(&answers, service, today)))
        .filter(|(_, errors)| !errors.is_empty())
        .collect();
    Ok(CheckView {
        reference: reference.to_string(),
        screening: shared::referral::screening_so_far(&answers),
        answers,
        centre,
        today: today.into(),
        problems,
        submission_key: ports.referrals.submission_key(),
    })
}

/// Sends the open draft. The server checks every page again; `key` makes a repeat harmless.
#[server(endpoint = "refer/submit")]
pub async fn submit_referral(#[server(default)] key: String) -> Result<(), WizardError> {
    use shared::referral::{NotReady, validate_referral};
    let key = key.trim().to_owned();
    if key.is_empty() || key.len() > 64 || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(WizardError::BadRequest.with_status());
    }
    let ports = crate::ports::use_ports()?;
    let session = s::session().await?;
    let draft = s::get_ref(&session, s::DRAFT).await?;
    let opened = match &draft {
        Some(reference) => ports.referrals.draft(reference).await?.map(|answers| (reference.clone(), answers)),
        None => None,
    };
    let Some((reference, mut answers)) = opened else {
        // Sent already by an earlier press (a double click, a retry): show its confirmation.
        let sent = match draft {
            Some(reference) if ports.referrals.progress(&reference).await?.is_some() => Some(reference),
            _ => s::get_ref(&session, s::SENT).await?,
        };
        let Some(sent) = sent else { return Err(WizardError::NothingOpen.with_status()) };
        s::remove(&session, s::DRAFT).await?;
        s::set_ref(&session, s::SENT, &sent).await?;
        go("/refer/sent");
        return Ok(());
    };
    // A centre that has stopped taking online referrals is no centre to send to.
    let centre = centre_choice(&answers.centre).await?.filter(|c| c.accepts_online_referrals);
    let service = centre.as_ref().map(|c| c.service);
    let referral = match validate_referral(&answers, service, ports.clock.today()) {
        Ok(referral) => referral,
        Err(NotReady::NeedsSupervisedCentre(_)) => {
            go("/refer/supervised");
            return Ok(());
        }
        Err(NotReady::Incomplete(problems)) => {
            if is_plain_form() {
                go("/refer/check?invalid=1");
                return Ok(());
            }
            let errors = problems.into_iter().flat_map(|(_, e)| e).collect();
            return Err(WizardError::Rejected(errors).with_status());
        }
    };
    let Some(centre) = centre.and_then(|c| shared::Slug::parse(&c.slug).ok()) else {
        return Err(WizardError::BadRequest.with_status());
    };
    // Sent in the language the person chose: the referrer's emails are written in it.
    answers.language = crate::request::chosen_locale().code().to_owned();
    let sent = ports
        .referrals
        .submit(crate::ports::SubmitReferral {
            reference: &reference,
            key: &key,
            answers: &answers,
            referral: &referral,
            centre: &centre,
        })
        .await?;
    if sent == crate::ports::Sent::NotOpen {
        // Sent twice at once (a double click), the other request sent it: the confirmation
        // page shows it (or, if nothing was sent from here, explains there is nothing open).
        if crate::request::is_plain_form() {
            go("/refer/sent");
            return Ok(());
        }
        return Err(WizardError::NothingOpen.with_status());
    }
    s::remove(&session, s::DRAFT).await?;
    s::set_ref(&session, s::SENT, &reference).await?;
    go("/refer/sent");
    Ok(())
}

/// The confirmation page's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentView {
    pub reference: String,
    pub centre_name: String,
    pub status: shared::referral::PublicStatus,
    /// A code for checking progress, if one was just issued.
    pub code: Option<String>,
    /// An invitation code for the other party, if one was just issued.
    pub invitation: Option<String>,
}

#[server(endpoint = "refer/sent")]
pub async fn load_sent() -> Result<SentView, WizardError> {
    s::no_store();
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::SENT).await?.ok_or_else(|| WizardError::NothingOpen.with_status())?;
    let ports = crate::ports::use_ports()?;
    let progress = ports.referrals.progress(&reference).await?.ok_or(WizardError::NothingOpen)?;
    let centre_name = centre_choice(progress.centre.as_str()).await?.map(|c| c.name).unwrap_or_default();
    let code = if s::take_code_due(&session, s::STATUS_CODE_DUE, &reference).await? {
        ports.referrals.new_code(&reference).await?.map(|c| c.to_display_once())
    } else {
        None
    };
    let invitation = s::take_flash_code(s::Flash::Invitation).map(|c| c.to_display_once());
    Ok(SentView { reference: reference.to_string(), centre_name, status: progress.status, code, invitation })
}

/// A code for checking the sent referral's progress (shown once on the confirmation page).
#[server(endpoint = "refer/status-code")]
pub async fn issue_status_code() -> Result<(), WizardError> {
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::SENT).await?.ok_or_else(|| WizardError::NothingOpen.with_status())?;
    // Made by the confirmation page as it shows it (`load_sent`).
    s::set_ref(&session, s::STATUS_CODE_DUE, &reference).await?;
    go("/refer/sent#progress-code");
    Ok(())
}

/// Invites the other parent (or their solicitor) to add their part; the code is shown once.
#[server(endpoint = "refer/invite")]
pub async fn invite_other_party() -> Result<(), WizardError> {
    let session = s::session().await?;
    let reference = s::get_ref(&session, s::SENT).await?.ok_or_else(|| WizardError::NothingOpen.with_status())?;
    let ports = crate::ports::use_ports()?;
    match ports.referrals.invite(&reference).await? {
        crate::ports::Invite::Invited(code) => {
            s::flash_code(s::Flash::Invitation, &code);
            go("/refer/sent#invitation");
        }
        crate::ports::Invite::AlreadyJoined | crate::ports::Invite::InProgress => go("/refer/sent"),
        crate::ports::Invite::NotFound => return Err(WizardError::NothingOpen.with_status()),
    }
    Ok(())
}

/// The saved-draft page's view is a [`CodeView`]; re-exported here for the pages.
pub type SavedView = CodeView;
