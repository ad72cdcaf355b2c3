//! The 404 page and the plain-language error message shown when a server function fails.

use crate::error::AppError;
use crate::messages::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::error::set_status(http::StatusCode::NOT_FOUND);
    let m = use_messages();
    view! {
        <Title text=m.not_found_title />
        <h1 class="heading-xl">{m.not_found_title}</h1>
        <p>{m.not_found_body}</p>
        <p><a href="/">{m.not_found_home_link}</a></p>
    }
}

/// Shown in place of content whose data could not be loaded; sets a 503 on the server render.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let m = use_messages();
    #[cfg(feature = "ssr")]
    crate::error::set_status(match error {
        AppError::NotFound => http::StatusCode::NOT_FOUND,
        _ => http::StatusCode::SERVICE_UNAVAILABLE,
    });
    let detail = match error {
        AppError::Unavailable | AppError::Transport(_) => m.error_unavailable,
        AppError::NotFound => m.not_found_body,
    };
    view! {
        <div class="notice notice--error" role="alert">
            <h2 class="heading-m">{m.error_title}</h2>
            <p>{detail}</p>
            <p>{m.error_body}</p>
        </div>
    }
}
