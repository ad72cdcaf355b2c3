//! NACCC administration: staff accounts (`/admin/users`), the audit log (`/admin/audit`) and the
//! outbox (`/admin/outbox`). Every page and server function here is for NACCC administrators only.

pub mod account;
pub mod audit;
pub mod model;
pub mod outbox;
pub mod questions;
pub mod returns;
pub mod subject_access;
pub mod users;

use crate::pages::staff::AreaError;
use leptos::prelude::*;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use shared::referral::FieldError;
#[cfg(feature = "ssr")]
use shared::referral::Fields;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AdminError {
    #[error("{0}")]
    Access(AreaError),
    #[error("not found")]
    NotFound,
    #[error("some answers need correcting")]
    Rejected(Vec<FieldError>),
    #[error("the service is unavailable")]
    Unavailable,
    #[error("request failed: {0}")]
    Transport(ServerFnErrorErr),
}

impl FromServerFnError for AdminError {
    type Encoder = JsonEncoding;
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

/// The signed-in administrator, or the refusal (sign in first, or 403).
#[cfg(feature = "ssr")]
pub(crate) async fn admin() -> Result<crate::ports::StaffUser, AdminError> {
    crate::auth::require(&[shared::account::Role::NacccAdmin])
        .await
        .map_err(|d| AdminError::Access(crate::pages::staff::refusal(d)))
}

#[cfg(feature = "ssr")]
pub(crate) fn ports() -> Result<crate::ports::Ports, AdminError> {
    crate::ports::use_ports().map_err(|_| AdminError::Unavailable)
}

#[cfg(feature = "ssr")]
pub(crate) fn unavailable<E>(_: E) -> AdminError {
    crate::error::set_status(http::StatusCode::SERVICE_UNAVAILABLE);
    AdminError::Unavailable
}

/// Refuses a form: a plain form goes back to `page`, which shows the problems with what was
/// typed; a script gets 422 and the problems.
#[cfg(feature = "ssr")]
pub(crate) async fn refuse(page: &str, fields: Fields, errors: Vec<FieldError>) -> Result<(), AdminError> {
    crate::pages::staff::refuse_form(page, fields, errors).await.map_err(unavailable)?.map_err(AdminError::Rejected)
}

/// What a refused plain form left for this page, once.
#[server(endpoint = "admin/returned")]
pub async fn load_returned() -> Result<crate::pages::staff::Returned, AdminError> {
    admin().await?;
    crate::pages::staff::take_returned().await.map_err(unavailable)
}

/// The page for a refused load: sign in, not for you, not found, or unavailable.
#[component]
pub fn AdminProblem(error: AdminError) -> impl IntoView {
    match error {
        AdminError::Access(AreaError::Forbidden) => view! {
            <h1 class="heading-l">"This page is not for your role"</h1>
            <p class="body">"Only NACCC administrators can open it."</p>
        }
        .into_any(),
        AdminError::Access(AreaError::SignIn) => view! {
            <h1 class="heading-l">"Please sign in"</h1>
            <p class="body"><a href="/login">"Sign in"</a>" to continue."</p>
        }
        .into_any(),
        AdminError::NotFound => view! {
            <h1 class="heading-l">"Account not found"</h1>
            <p class="body"><a href="/admin/users">"Back to staff accounts"</a></p>
        }
        .into_any(),
        _ => view! { <h1 class="heading-l">"Sorry, there is a problem with the service"</h1> }.into_any(),
    }
}
