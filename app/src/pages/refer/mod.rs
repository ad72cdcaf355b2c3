//! Safe Referral: the wizard under `/refer`, its save-and-return, status and the other party's
//! part. Pages here; server functions in the `*_api` modules; rules in `shared::referral`.

pub mod api;
pub mod check;
pub mod checks;
pub mod children;
pub mod code_api;
pub mod codes;
pub mod error;
pub mod fields;
pub mod join;
pub mod join_api;
pub mod send_api;
pub mod sent;
#[cfg(feature = "ssr")]
mod session;
pub mod start;
pub mod step;
pub mod tasks;
pub mod text;

use api::WizardError;
use leptos::prelude::*;

/// What a wizard page shows when it cannot show its questions.
#[component]
pub fn WizardProblem(error: WizardError) -> impl IntoView {
    match error {
        WizardError::NothingOpen => view! {
            <h1 class="heading-l">"There is no referral open in this browser"</h1>
            <p class="body">{format!("This can happen if you used “Exit this page”, left it for more than {}, or opened it in a different browser.", shared::durations::PUBLIC_SESSION_IDLE.words())}</p>
            <ul class="list">
                <li><a href="/refer/resume">"Continue a saved referral"</a>" with its reference and code"</li>
                <li><a href="/refer">"Start a new referral"</a></li>
                <li><a href="/refer/status">"Check the progress of a referral you have sent"</a></li>
            </ul>
        }
        .into_any(),
        _ => view! {
            <h1 class="heading-l">"Sorry, there is a problem with the service"</h1>
            <p class="body">"Your answers so far are saved. Please try again in a few minutes."</p>
        }
        .into_any(),
    }
}
