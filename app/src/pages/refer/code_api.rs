//! Forms that open something with a reference and a secret code: resume a draft, check a sent
//! referral's status, and open an invitation to add the other party's part. Wrong codes are
//! throttled per reference by the port; the answer never says which of the two was wrong.

use super::api::WizardError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::referral::FieldError;
use shared::referral::status::ReferralProgress;

#[cfg(feature = "ssr")]
use super::api::{centre_choice, go, parse_code};
#[cfg(feature = "ssr")]
use super::session::{self as s, is_plain_form};
#[cfg(feature = "ssr")]
use crate::ports::CodeCheck;

/// Problems with a reference and code, beyond their format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeProblem {
    #[error("enter the code")]
    CodeMissing,
    #[error("the reference and code do not match anything we can open: check both and try again")]
    NoMatch,
    #[error("too many tries with this reference: wait {lock}, then try again", lock = shared::durations::GUESS_LOCK)]
    TooManyTries,
}

impl shared::Welsh for CodeProblem {
    fn welsh(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Self::CodeMissing => "rhowch y cod".into(),
            Self::NoMatch => "dydy'r cyfeirnod a'r cod ddim yn cyfateb i unrhyw beth y gallwn ei agor: gwiriwch y ddau a rhowch gynnig arall arni".into(),
            Self::TooManyTries => format!(
                "gormod o ymdrechion gyda'r cyfeirnod hwn: arhoswch {}, yna rhowch gynnig arall arni",
                shared::durations::GUESS_LOCK.words_in(shared::Locale::Welsh)
            )
            .into(),
        }
    }
}

/// A refused reference + code form, as it is shown again: the reference as typed (never the code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeForm {
    pub form: String,
    pub reference: String,
    pub errors: Vec<FieldError>,
}

/// Which form (`resume`, `status`, `join`) and what it opens.
#[cfg(feature = "ssr")]
async fn check_code_form<T, F, Fut>(
    form: &str,
    reference: &str,
    code: &str,
    open: F,
) -> Result<Option<(shared::referral::ReferralReference, T)>, WizardError>
where
    F: FnOnce(shared::referral::ReferralReference, shared::referral::AccessCode) -> Fut,
    Fut: std::future::Future<Output = Result<CodeCheck<T>, crate::ports::PortError>>,
{
    let errors = match parse_code(reference, code, form) {
        Ok((r, c)) => match open(r.clone(), c).await? {
            CodeCheck::Opened(value) => return Ok(Some((r, value))),
            CodeCheck::Wrong => vec![FieldError::bilingual(format!("{form}-reference"), &CodeProblem::NoMatch)],
            CodeCheck::Locked => vec![FieldError::bilingual(format!("{form}-reference"), &CodeProblem::TooManyTries)],
        },
        Err(mut errors) => {
            if code.trim().is_empty() {
                for e in errors.iter_mut().filter(|e| e.field.ends_with("-code")) {
                    *e = FieldError::bilingual(e.field.clone(), &CodeProblem::CodeMissing);
                }
            }
            errors
        }
    };
    if is_plain_form() {
        let session = s::session().await?;
        let state = CodeForm { form: form.to_owned(), reference: reference.chars().take(64).collect(), errors };
        s::set_value(&session, s::CODE_FORM, &state).await?;
        go(&format!("/refer/{form}"));
        return Ok(None);
    }
    Err(WizardError::Rejected(errors).with_status())
}

/// The refused form to show again on `/refer/{form}`, once.
#[server(endpoint = "refer/code-form")]
pub async fn load_code_form(#[server(default)] form: String) -> Result<CodeForm, WizardError> {
    s::no_store();
    let session = s::session().await?;
    let state: Option<CodeForm> = s::take_value(&session, s::CODE_FORM).await?;
    Ok(state.filter(|state| state.form == form).unwrap_or_default())
}

/// `/refer/resume`: reopens a saved draft in this browser.
#[server(endpoint = "refer/resume")]
pub async fn resume_referral(
    #[server(default)] reference: String,
    #[server(default)] code: String,
) -> Result<(), WizardError> {
    let ports = crate::ports::use_ports()?;
    let opened =
        check_code_form("resume", &reference, &code, |r, c| async move { ports.referrals.resume(&r, &c).await })
            .await?;
    if let Some((reference, ())) = opened {
        let session = s::session().await?;
        s::renew(&session).await?;
        s::set_ref(&session, s::DRAFT, &reference).await?;
        go("/refer/tasks");
    }
    Ok(())
}

/// `/refer/status`: opens a sent referral's status in this browser.
#[server(endpoint = "refer/status/check")]
pub async fn check_status(
    #[server(default)] reference: String,
    #[server(default)] code: String,
) -> Result<(), WizardError> {
    let ports = crate::ports::use_ports()?;
    let opened =
        check_code_form(
            "status",
            &reference,
            &code,
            |r, c| async move { ports.referrals.progress_with_code(&r, &c).await },
        )
        .await?;
    if let Some((reference, _)) = opened {
        let session = s::session().await?;
        s::renew(&session).await?;
        s::set_ref(&session, s::STATUS, &reference).await?;
        go("/refer/status");
    }
    Ok(())
}

/// A status as the status page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    pub reference: String,
    pub centre_name: String,
    pub progress: ReferralProgress,
}

/// The status this browser has opened, if any.
#[server(endpoint = "refer/status")]
pub async fn load_status() -> Result<Option<StatusView>, WizardError> {
    s::no_store();
    let session = s::session().await?;
    let Some(reference) = s::get_ref(&session, s::STATUS).await? else { return Ok(None) };
    let ports = crate::ports::use_ports()?;
    let Some(progress) = ports.referrals.progress(&reference).await? else { return Ok(None) };
    let centre_name = centre_choice(progress.centre.as_str()).await?.map(|c| c.name).unwrap_or_default();
    Ok(Some(StatusView { reference: reference.to_string(), centre_name, progress }))
}

/// `/refer/join`: opens an invitation to add the other party's part.
#[server(endpoint = "refer/join/open")]
pub async fn open_invitation(
    #[server(default)] reference: String,
    #[server(default)] code: String,
) -> Result<(), WizardError> {
    let ports = crate::ports::use_ports()?;
    let opened =
        check_code_form("join", &reference, &code, |r, c| async move { ports.referrals.open_invitation(&r, &c).await })
            .await?;
    if let Some((reference, token)) = opened {
        let session = s::session().await?;
        s::renew(&session).await?;
        s::set_ref(&session, s::JOIN, &reference).await?;
        // The code they used works no more; their own is made, once, by the next page, for the
        // session holding this token alone.
        s::set_value(&session, s::JOIN_CODE_DUE, &token).await?;
        go(&shared::referral::JoinStep::Who.path());
    }
    Ok(())
}
