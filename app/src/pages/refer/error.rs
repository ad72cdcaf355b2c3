//! What can go wrong in the wizard, as a page shows it, and the response status that goes with it.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use shared::referral::FieldError;

/// What can go wrong in the wizard, as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WizardError {
    /// This browser has no referral open (never started, ended by "Exit this page", or expired).
    #[error("no referral is open in this browser")]
    NothingOpen,
    /// The answers broke the rules; each problem names its field (HTTP 422).
    #[error("some answers need correcting")]
    Rejected(Vec<FieldError>),
    /// More text than any answer can hold (HTTP 413).
    #[error("an answer is too long")]
    TooLarge,
    /// A request no page of ours makes (HTTP 400).
    #[error("the request was not understood")]
    BadRequest,
    #[error("the service is unavailable")]
    Unavailable,
    #[error("request failed: {0}")]
    Transport(ServerFnErrorErr),
}

impl FromServerFnError for WizardError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ports::PortError> for WizardError {
    fn from(_: crate::ports::PortError) -> Self {
        Self::Unavailable
    }
}

#[cfg(feature = "ssr")]
impl From<crate::error::AppError> for WizardError {
    fn from(_: crate::error::AppError) -> Self {
        Self::Unavailable
    }
}

#[cfg(feature = "ssr")]
impl WizardError {
    /// Sets the response status that goes with this error. A plain form post (no JavaScript)
    /// that finds no referral open is sent to the page that explains it instead.
    pub(crate) fn with_status(self) -> Self {
        use http::StatusCode;
        if self == Self::NothingOpen && crate::request::is_plain_form() {
            leptos_axum::redirect("/refer/tasks");
            return self;
        }
        let status = match &self {
            Self::NothingOpen => StatusCode::NOT_FOUND,
            Self::Rejected(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::Unavailable | Self::Transport(_) => StatusCode::SERVICE_UNAVAILABLE,
        };
        crate::error::set_status(status);
        self
    }
}
