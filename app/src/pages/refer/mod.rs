//! Safe Referral: the wizard under `/refer`, its save-and-return, status and the other party's
//! part. Pages here; server functions in the `*_api` modules; rules in `shared::referral`.

pub mod answers;
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

use crate::messages::{Locale, use_locale};
use api::WizardError;
use leptos::prelude::*;

/// What a wizard page shows when it cannot show its questions.
#[component]
pub fn WizardProblem(error: WizardError) -> impl IntoView {
    let l = use_locale();
    match error {
        WizardError::NothingOpen => {
            let idle = shared::durations::PUBLIC_SESSION_IDLE.words_in(l);
            let why = match l {
                Locale::English => format!(
                    "This can happen if you used “Exit this page”, left it for more than {idle}, or opened it in a different browser."
                ),
                Locale::Welsh => format!(
                    "Gall hyn ddigwydd os gwnaethoch chi ddefnyddio “Gadael y dudalen hon”, os gwnaethoch chi ei adael am fwy na {idle}, neu os gwnaethoch chi ei agor mewn porwr gwahanol."
                ),
            };
            view! {
                <h1 class="heading-l">{l.pick("There is no referral open in this browser", "Does dim atgyfeiriad ar agor yn y porwr hwn")}</h1>
                <p class="body">{why}</p>
                <ul class="list">
                    <li>
                        <a href="/refer/resume">{l.pick("Continue a saved referral", "Parhau ag atgyfeiriad sydd wedi'i gadw")}</a>
                        {l.pick(" with its reference and code", " gyda'i gyfeirnod a'i god")}
                    </li>
                    <li><a href="/refer">{l.pick("Start a new referral", "Dechrau atgyfeiriad newydd")}</a></li>
                    <li><a href="/refer/status">{l.pick("Check the progress of a referral you have sent", "Gwirio cynnydd atgyfeiriad rydych chi wedi'i anfon")}</a></li>
                </ul>
            }
            .into_any()
        }
        _ => view! {
            <h1 class="heading-l">{l.pick("Sorry, there is a problem with the service", "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth")}</h1>
            <p class="body">{l.pick(
                "Your answers so far are saved. Please try again in a few minutes.",
                "Mae eich atebion hyd yma wedi'u cadw. Rhowch gynnig arall arni mewn ychydig funudau.",
            )}</p>
        }
        .into_any(),
    }
}
