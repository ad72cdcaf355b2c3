//! The centre workspace: `/centre/referrals` (the centre's inbox, live) and
//! `/centre/referrals/{reference}` (one case: both parts, screening, history, notes, assignment
//! and the actions its stage allows). For centre coordinators and managers, within their centre.

pub mod case;
pub mod case_actions;
pub mod inbox;
pub mod model;
pub mod text;

use crate::pages::staff::AreaError;
use leptos::prelude::*;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use shared::referral::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{0}")]
    Access(AreaError),
    #[error("not found")]
    NotFound,
    #[error("some answers need correcting")]
    Rejected(Vec<FieldError>),
    #[error("someone else changed this referral")]
    Conflict,
    #[error("the service is unavailable")]
    Unavailable,
    #[error("request failed: {0}")]
    Transport(ServerFnErrorErr),
}

impl FromServerFnError for WorkspaceError {
    type Encoder = JsonEncoding;
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

/// The signed-in centre coordinator or manager, or the refusal.
#[cfg(feature = "ssr")]
pub(crate) async fn centre_user() -> Result<crate::ports::StaffUser, WorkspaceError> {
    centre_user_by(crate::auth::Activity::Person).await
}

#[cfg(feature = "ssr")]
pub(crate) async fn centre_user_by(activity: crate::auth::Activity) -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require_by(crate::pages::staff::Area::Centre.roles(), activity)
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[cfg(feature = "ssr")]
pub(crate) fn ports() -> Result<crate::ports::Ports, WorkspaceError> {
    crate::ports::use_ports().map_err(|_| WorkspaceError::Unavailable)
}

#[cfg(feature = "ssr")]
pub(crate) fn unavailable<E>(_: E) -> WorkspaceError {
    crate::error::set_status(http::StatusCode::SERVICE_UNAVAILABLE);
    WorkspaceError::Unavailable
}

#[cfg(feature = "ssr")]
pub(crate) fn not_found() -> WorkspaceError {
    crate::error::set_status(http::StatusCode::NOT_FOUND);
    WorkspaceError::NotFound
}

/// The page for a refused load.
#[component]
pub fn WorkspaceProblem(error: WorkspaceError) -> impl IntoView {
    match error {
        WorkspaceError::Access(AreaError::Forbidden) => view! {
            <h1 class="heading-l">"This page is not for your role"</h1>
            <p class="body">"Only a centre's coordinators and managers can open its referrals."</p>
        }
        .into_any(),
        WorkspaceError::Access(AreaError::SignIn) => view! {
            <h1 class="heading-l">"Please sign in"</h1>
            <p class="body"><a href="/login">"Sign in"</a>" to continue."</p>
        }
        .into_any(),
        WorkspaceError::NotFound => view! {
            <h1 class="heading-l">"Referral not found"</h1>
            <p class="body">"There is no referral with that reference for your centre. "<a href="/centre/referrals">"Back to referrals"</a></p>
        }
        .into_any(),
        _ => view! { <h1 class="heading-l">"Sorry, there is a problem with the service"</h1> }.into_any(),
    }
}
