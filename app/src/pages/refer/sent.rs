//! `/refer/sent`: the confirmation, what happens next, a code for checking progress, and the
//! invitation for the other parent (or their solicitor) to add their own part.

use super::WizardProblem;
use super::codes::CodePanel;
use super::send_api::{InviteOtherParty, IssueStatusCode, load_sent};
use crate::messages::{Locale, use_locale};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SentPage() -> impl IntoView {
    let l = use_locale();
    let status_code = ServerAction::<IssueStatusCode>::new();
    let invite = ServerAction::<InviteOtherParty>::new();
    // Issuing a code redirects to this same page; reading the versions reloads it to show the code.
    let data = Resource::new(move || (status_code.version().get(), invite.version().get()), |_| load_sent());
    view! {
        <Title text=l.pick("Referral sent", "Atgyfeiriad wedi'i anfon") />
        <Suspense fallback=move || view! { <p>{l.pick("Loading…", "Yn llwytho…")}</p> }>
            {move || Suspend::new(async move {
                let view = match data.await {
                    Ok(view) => view,
                    Err(error) => return view! { <WizardProblem error /> }.into_any(),
                };
                let reference = view.reference.clone();
                view! {
                    <div class="panel panel--confirmation">
                        <h1 class="panel__title">{l.pick("Referral sent", "Atgyfeiriad wedi'i anfon")}</h1>
                        <div class="panel__body">{l.pick("Your reference is", "Eich cyfeirnod yw")}<br /><strong class="code">{reference.clone()}</strong></div>
                    </div>
                    <p class="body">{l.pick("We have sent your referral to ", "Rydyn ni wedi anfon eich atgyfeiriad at ")}<strong>{view.centre_name.clone()}</strong>"."</p>
                    <h2 class="heading-m">{l.pick("What happens next", "Beth sy'n digwydd nesaf")}</h2>
                    <ol class="list list--number">
                        <li>{l.pick(
                            "A coordinator at the centre reads your referral, usually within 5 working days.",
                            "Bydd cydlynydd yn y ganolfan yn darllen eich atgyfeiriad, fel arfer o fewn 5 diwrnod gwaith.",
                        )}</li>
                        <li>{l.pick(
                            "They contact each parent separately, in the safe way you chose, and may ask more questions.",
                            "Byddan nhw'n cysylltu â phob rhiant ar wahân, yn y ffordd ddiogel a ddewisoch chi, a gallan nhw ofyn rhagor o gwestiynau.",
                        )}</li>
                        <li>{l.pick(
                            "If the centre can help, each parent is invited to visit before contact starts, on different days.",
                            "Os gall y ganolfan helpu, bydd pob rhiant yn cael gwahoddiad i ymweld cyn i'r cyswllt ddechrau, ar ddiwrnodau gwahanol.",
                        )}</li>
                    </ol>
                    <p class="body">{l.pick("Status now: ", "Statws nawr: ")}<strong>{view.status.headline_in(l)}</strong></p>
                    <h2 class="heading-m" id="progress-code">{l.pick("Checking progress", "Gwirio cynnydd")}</h2>
                    {match view.code.clone() {
                        Some(code) => view! { <CodePanel reference=reference.clone() code=Some(code) id="status-code" /> }.into_any(),
                        None => view! {
                            <p class="body">{l.pick("To check progress later at ", "I wirio cynnydd yn nes ymlaen yn ")}<a href="/refer/status">"/refer/status"</a>{l.pick(", you need your reference and a code.", ", bydd angen eich cyfeirnod a chod arnoch chi.")}</p>
                            <ActionForm action=status_code>
                                <button type="submit" class="button button--secondary">{l.pick("Get a code for checking progress", "Cael cod i wirio cynnydd")}</button>
                            </ActionForm>
                        }.into_any(),
                    }}
                    <h2 class="heading-m" id="invitation">{l.pick("The other parent's part", "Rhan y rhiant arall")}</h2>
                    {match view.invitation.clone() {
                        Some(code) => view! {
                            <p class="body">{l.pick(
                                "Give the other parent, or their solicitor, this reference and invitation code. They add their part at ",
                                "Rhowch y cyfeirnod a'r cod gwahodd hwn i'r rhiant arall, neu i'w cyfreithiwr. Byddan nhw'n ychwanegu eu rhan yn ",
                            )}
                                <strong>"/refer/join"</strong>{l.pick(". They will not see anything you wrote.", ". Fyddan nhw ddim yn gweld dim byd a ysgrifennoch chi.")}</p>
                            <div class="panel" id="invitation-code">
                                <p class="panel__title">{l.pick("Reference", "Cyfeirnod")}</p>
                                <p class="panel__body code">{reference.clone()}</p>
                                <p class="panel__title">{l.pick("Invitation code", "Cod gwahodd")}</p>
                                <p class="panel__body code">{code}</p>
                            </div>
                            <p class="body">{match l {
                                Locale::English => format!("The code works for {}. You will not see it again.", shared::durations::INVITATION),
                                Locale::Welsh => format!(
                                    "Mae'r cod yn gweithio am {}. Fyddwch chi ddim yn ei weld eto.",
                                    shared::durations::INVITATION.words_in(l)
                                ),
                            }}</p>
                        }.into_any(),
                        None => view! {
                            <p class="body">{l.pick(
                                "The centre needs to hear from both parents. You can invite the other parent (or their solicitor) to add their own part: they will not see yours, and you will not see theirs. Only do this if it is safe; otherwise the centre will contact them.",
                                "Mae angen i'r ganolfan glywed gan y ddau riant. Gallwch chi wahodd y rhiant arall (neu eu cyfreithiwr) i ychwanegu eu rhan eu hunain: fyddan nhw ddim yn gweld eich rhan chi, a fyddwch chi ddim yn gweld eu rhan nhw. Gwnewch hyn dim ond os yw'n ddiogel; fel arall, bydd y ganolfan yn cysylltu â nhw.",
                            )}</p>
                            <ActionForm action=invite>
                                <button type="submit" class="button button--secondary">{l.pick("Create an invitation code", "Creu cod gwahodd")}</button>
                            </ActionForm>
                        }.into_any(),
                    }}
                }
                .into_any()
            })}
        </Suspense>
    }
}
