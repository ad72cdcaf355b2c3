//! `/refer/sent`: the confirmation, what happens next, a code for checking progress, and the
//! invitation for the other parent (or their solicitor) to add their own part.

use super::WizardProblem;
use super::codes::CodePanel;
use super::send_api::{InviteOtherParty, IssueStatusCode, load_sent};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SentPage() -> impl IntoView {
    let status_code = ServerAction::<IssueStatusCode>::new();
    let invite = ServerAction::<InviteOtherParty>::new();
    // Issuing a code redirects to this same page; reading the versions reloads it to show the code.
    let data = Resource::new(move || (status_code.version().get(), invite.version().get()), |_| load_sent());
    view! {
        <Title text="Referral sent" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let reference = view.reference.clone();
                view! {
                    <div class="panel panel--confirmation">
                        <h1 class="panel__title">"Referral sent"</h1>
                        <div class="panel__body">"Your reference is"<br /><strong class="code">{reference.clone()}</strong></div>
                    </div>
                    <p class="body">"We have sent your referral to "<strong>{view.centre_name.clone()}</strong>"."</p>
                    <h2 class="heading-m">"What happens next"</h2>
                    <ol class="list list--number">
                        <li>"A coordinator at the centre reads your referral, usually within 5 working days."</li>
                        <li>"They contact each parent separately, in the safe way you chose, and may ask more questions."</li>
                        <li>"If the centre can help, each parent is invited to visit before contact starts, on different days."</li>
                    </ol>
                    <p class="body">"Status now: "<strong>{view.status.headline()}</strong></p>
                    <h2 class="heading-m" id="progress-code">"Checking progress"</h2>
                    {match view.code.clone() {
                        Some(code) => view! { <CodePanel reference=reference.clone() code=Some(code) id="status-code" /> }.into_any(),
                        None => view! {
                            <p class="body">"To check progress later at "<a href="/refer/status">"/refer/status"</a>", you need your reference and a code."</p>
                            <ActionForm action=status_code>
                                <button type="submit" class="button button--secondary">"Get a code for checking progress"</button>
                            </ActionForm>
                        }.into_any(),
                    }}
                    <h2 class="heading-m" id="invitation">"The other parent's part"</h2>
                    {match view.invitation.clone() {
                        Some(code) => view! {
                            <p class="body">"Give the other parent, or their solicitor, this reference and invitation code. They add their part at "
                                <strong>"/refer/join"</strong>". They will not see anything you wrote."</p>
                            <div class="panel" id="invitation-code">
                                <p class="panel__title">"Reference"</p>
                                <p class="panel__body code">{reference.clone()}</p>
                                <p class="panel__title">"Invitation code"</p>
                                <p class="panel__body code">{code}</p>
                            </div>
                            <p class="body">{format!("The code works for {}. You will not see it again.", shared::durations::INVITATION)}</p>
                        }.into_any(),
                        None => view! {
                            <p class="body">"The centre needs to hear from both parents. You can invite the other parent (or their solicitor) to add their own part: they will not see yours, and you will not see theirs. Only do this if it is safe; otherwise the centre will contact them."</p>
                            <ActionForm action=invite>
                                <button type="submit" class="button button--secondary">"Create an invitation code"</button>
                            </ActionForm>
                        }.into_any(),
                    }}
                }
                .into_any()
            })}
        </Suspense>
    }
}
