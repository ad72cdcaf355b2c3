//! Server-side helpers of the wizard: which referral this browser's session holds, the one-time
//! display of a new code, and how a refused page is answered. Compiled for the server only.

use super::error::WizardError;
use shared::referral::{AccessCode, ReferralReference};
use tower_sessions::Session;

/// The draft this browser is filling in.
pub const DRAFT: &str = "referral.draft";
/// The referral this browser has just sent (confirmation, invitation, status code).
pub const SENT: &str = "referral.sent";
/// The invitation this browser has opened, and the one it has just completed.
pub const JOIN: &str = "referral.join";
pub const JOINED: &str = "referral.joined";
/// The referral whose status this browser opened with its code.
pub const STATUS: &str = "referral.status";
/// What was typed into a reference + code form that was refused (the reference only, never the
/// code), and why.
pub const CODE_FORM: &str = "referral.code_form";

/// A new code is due for this referral (to resume the draft, or check the sent referral's
/// status), made by the page that shows it. The request that asks for a code only sets this:
/// pressed twice, the page the browser finally shows makes the one code stored.
pub const CODE_DUE: &str = "referral.code_due";
/// As [`CODE_DUE`], for the sent referral's status code (shown on the confirmation page).
pub const STATUS_CODE_DUE: &str = "referral.status_code_due";
/// The joiner's own code is due, made by the next page of their part that shows it; holds the
/// token `open_invitation` gave this session.
pub const JOIN_CODE_DUE: &str = "referral.join_code_due";

/// Whether a code is due for `reference` under `key` (`CODE_DUE`, `JOIN_CODE_DUE`); taken once.
pub async fn take_code_due(session: &Session, key: &str, reference: &ReferralReference) -> Result<bool, WizardError> {
    let due: Option<String> = take_value(session, key).await?;
    Ok(due.as_deref() == Some(reference.as_str()))
}

/// Which new code a one-time cookie carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flash {
    /// An invitation code for the other party.
    Invitation,
}

impl Flash {
    /// A new code travels to the page that shows it in a short-lived cookie, never in a URL and
    /// never in the session store.
    fn cookie(self) -> &'static str {
        match self {
            Self::Invitation => "__Host-naccc-invitation",
        }
    }
}

pub async fn session() -> Result<Session, WizardError> {
    leptos_axum::extract::<Session>().await.map_err(|_| {
        tracing::error!("session layer missing");
        WizardError::Unavailable
    })
}

fn store_error(error: tower_sessions::session::Error) -> WizardError {
    tracing::error!(%error, "session store failed");
    WizardError::Unavailable
}

pub async fn get_ref(session: &Session, key: &str) -> Result<Option<ReferralReference>, WizardError> {
    let raw: Option<String> = session.get(key).await.map_err(store_error)?;
    Ok(raw.and_then(|r| ReferralReference::parse(&r).ok()))
}

pub async fn set_ref(session: &Session, key: &str, reference: &ReferralReference) -> Result<(), WizardError> {
    session.insert(key, reference.as_str()).await.map_err(store_error)
}

pub async fn remove(session: &Session, key: &str) -> Result<(), WizardError> {
    session.remove::<serde::de::IgnoredAny>(key).await.map(|_| ()).map_err(store_error)
}

pub async fn set_value<T: serde::Serialize + Send + Sync>(
    session: &Session,
    key: &str,
    value: &T,
) -> Result<(), WizardError> {
    session.insert(key, value).await.map_err(store_error)
}

pub async fn take_value<T: serde::de::DeserializeOwned>(
    session: &Session,
    key: &str,
) -> Result<Option<T>, WizardError> {
    session.remove(key).await.map_err(store_error)
}

/// A new session id after a code opens something: a session id known before cannot be used to
/// ride on it (session fixation).
pub async fn renew(session: &Session) -> Result<(), WizardError> {
    session.cycle_id().await.map_err(store_error)
}

pub use crate::request::{is_plain_form, no_store};

/// Hands a new code to the next page (for ten minutes at most).
pub fn flash_code(kind: Flash, code: &AccessCode) {
    crate::request::set_once_cookie(kind.cookie(), code.expose_secret());
}

/// The code handed over by [`flash_code`], once: the cookie is cleared as it is read.
pub fn take_flash_code(kind: Flash) -> Option<AccessCode> {
    crate::request::take_once_cookie(kind.cookie()).and_then(|value| AccessCode::parse(&value).ok())
}
