//! The reference-and-code pages: the code to come back with (`/refer/saved`), and the forms that
//! open something with one: `/refer/resume`, `/refer/status`, `/refer/join`.

use super::WizardProblem;
use super::api::load_saved;
use super::code_api::{CheckStatus, CodeForm, OpenInvitation, ResumeReferral, load_code_form, load_status};
use crate::components::form::{ErrorSummary, TextInput};
use leptos::prelude::*;
use leptos_meta::Title;

/// Shows a reference and the code that goes with it, once, with a reminder to keep them safe.
#[component]
pub fn CodePanel(reference: String, code: Option<String>, #[prop(into)] id: String) -> impl IntoView {
    match code {
        Some(code) => view! {
            <div class="panel" id=id>
                <p class="panel__title">"Your reference"</p>
                <p class="panel__body code">{reference}</p>
                <p class="panel__title">"Your code"</p>
                <p class="panel__body code">{code}</p>
            </div>
            <p class="body">"Write both down, or keep them somewhere safe that nobody else can see. We cannot show this code again; if you lose it, you can get a new one from here while this browser still has the referral open."</p>
        }
        .into_any(),
        None => view! {
            <div class="panel" id=id>
                <p class="panel__title">"Your reference"</p>
                <p class="panel__body code">{reference}</p>
            </div>
        }
        .into_any(),
    }
}

#[component]
pub fn SavedPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_saved());
    view! {
        <Title text="Your referral is saved" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! {
                        <h1 class="heading-l">"Your referral is saved"</h1>
                        <CodePanel reference=view.reference code=view.code id="saved-code" />
                        <p class="body">"To carry on, go to "<strong>"/refer/resume"</strong>{format!(" on this website and enter your reference and code. Your answers are kept for {} from when you last saved.", shared::durations::DRAFT)}</p>
                        <p><a class="button" href="/refer/tasks">"Carry on now"</a></p>
                    }
                    .into_any(),
                    Err(error) => view! { <WizardProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A form asking for a reference and a code, for the server function `$action`; `$form` is
/// `resume`, `status` or `join` (the inputs' id prefix).
macro_rules! reference_and_code {
    ($form:literal, $action:expr, $refused:expr, $button:literal, $code_label:literal) => {{
        let action = $action;
        let refused: CodeForm = $refused;
        let errors = Signal::stored(refused.errors);
        view! {
            <ErrorSummary errors />
            <ActionForm action>
                <TextInput id=concat!($form, "-reference") name="reference" plain=true label="Reference"
                    hint="It starts with NR-, like NR-7K3Q-9PXD" value=refused.reference errors class="input input--width-20" />
                <TextInput id=concat!($form, "-code") name="code" plain=true label=$code_label
                    hint="The 12 letters and numbers we gave you" value="" errors class="input input--width-20" autocomplete="off" />
                <button type="submit" class="button">$button</button>
            </ActionForm>
        }
    }};
}

macro_rules! code_page {
    ($page:ident, $form:literal, $action:ty, $title:literal, $intro:literal, $button:literal, $code_label:literal) => {
        #[component]
        pub fn $page() -> impl IntoView {
            let refused = Resource::new(|| (), |_| load_code_form($form.to_owned()));
            let action = ServerAction::<$action>::new();
            view! {
                <Title text=$title />
                <h1 class="heading-l">$title</h1>
                <p class="body">$intro</p>
                <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        let refused = refused.await.unwrap_or_default();
                        reference_and_code!($form, action, refused, $button, $code_label)
                    })}
                </Suspense>
            }
        }
    };
}

code_page!(
    ResumePage,
    "resume",
    ResumeReferral,
    "Continue a saved referral",
    "Enter the reference and code you were given when you saved your referral.",
    "Continue",
    "Code"
);

code_page!(
    JoinStartPage,
    "join",
    OpenInvitation,
    "Add your part to a referral",
    "The parent who made the referral, or their solicitor, gave you a reference and an invitation code. You will not see anything they wrote, and they will not see what you write.",
    "Continue",
    "Invitation code"
);

#[component]
pub fn StatusPage() -> impl IntoView {
    let action = ServerAction::<CheckStatus>::new();
    let refused = Resource::new(|| (), |_| load_code_form("status".to_owned()));
    // A right code redirects to this same page: the version reloads it to show the status.
    let status = Resource::new(move || action.version().get(), |_| load_status());
    view! {
        <Title text="Check the progress of a referral" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let refused = refused.await.unwrap_or_default();
                let shown = match status.await {
                    Ok(Some(s)) => view! {
                        <h1 class="heading-l">{s.progress.status.headline()}</h1>
                        <div class="panel" id="status-result">
                            <p class="panel__title">{s.progress.status.headline()}</p>
                            <p class="panel__body">"Referral "{s.reference}" to "{s.centre_name}", sent on "{s.progress.submitted_on.to_string()}"."</p>
                        </div>
                        <p class="body">{s.progress.status.explanation()}</p>
                        <h2 class="heading-m">"Check another referral"</h2>
                    }
                    .into_any(),
                    _ => view! {
                        <h1 class="heading-l">"Check the progress of a referral"</h1>
                        <p class="body">"Enter the reference and the code you were given after you sent the referral."</p>
                    }
                    .into_any(),
                };
                view! {
                    {shown}
                    {reference_and_code!("status", action, refused, "Check progress", "Code")}
                }
            })}
        </Suspense>
    }
}
