//! The typed error a page can show. Internal detail (database text, stack traces) never gets here:
//! it is logged on the server and the person sees a plain message.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The database or another dependency did not answer.
    #[error("the service is unavailable")]
    Unavailable,
    #[error("not found")]
    NotFound,
    /// The request could not reach the server function or its answer could not be read.
    #[error("request failed: {0}")]
    Transport(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

/// Sets the HTTP status of the page being rendered on the server (404, 400, 503…).
#[cfg(feature = "ssr")]
pub fn set_status(status: http::StatusCode) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}
