//! Safeguarding advice from NACCC: on a centre's case page, asking (with a reason), the advice
//! given and closing the request; `/admin/safeguarding`, the open requests for NACCC's
//! safeguarding leads; `/admin/safeguarding/{id}`, the case behind one open request, read only,
//! with the lead's advice notes. Without an open request, NACCC sees no referral.

pub mod model;

use crate::components::form::{ErrorSummary, Errors, TextArea};
use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
#[cfg(feature = "ssr")]
use model::AdviceOutcome;
use model::{AdviceSummary, AdviceView, CaseAdvice, LeadCaseView};
use shared::referral::Fields;
use shared::referral::advice::{NOTE_FIELD, REASON_FIELD};

#[cfg(feature = "ssr")]
async fn lead() -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require(&[shared::account::Role::NacccAdmin])
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[cfg(feature = "ssr")]
fn parse_reference(raw: &str) -> Result<shared::referral::ReferralReference, WorkspaceError> {
    shared::referral::ReferralReference::parse(raw).map_err(|_| crate::pages::workspace::not_found())
}

#[cfg(feature = "ssr")]
async fn answer(outcome: AdviceOutcome, page: &str, done: &str, fields: Fields) -> Result<(), WorkspaceError> {
    match outcome {
        AdviceOutcome::Done => {
            leptos_axum::redirect(&format!("{page}?done={done}"));
            Ok(())
        }
        AdviceOutcome::Rejected(errors) => crate::pages::staff::refuse_form(page, fields, errors)
            .await
            .map_err(crate::pages::workspace::unavailable)?
            .map_err(WorkspaceError::Rejected),
        AdviceOutcome::NotFound => Err(crate::pages::workspace::not_found()),
    }
}

#[server(endpoint = "centre/case/advice")]
pub async fn load_case_advice(#[server(default)] reference: String) -> Result<CaseAdvice, WorkspaceError> {
    let user = crate::pages::workspace::centre_user().await?;
    let reference = parse_reference(&reference)?;
    let ports = crate::pages::workspace::ports()?;
    ports
        .advice
        .for_case(&user, &reference)
        .await
        .map_err(crate::pages::workspace::unavailable)?
        .ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "centre/case/advice/ask")]
pub async fn ask_advice(
    #[server(default)] reference: String,
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = crate::pages::workspace::centre_user().await?;
    let reference = parse_reference(&reference)?;
    let reason = f.get(REASON_FIELD).cloned().unwrap_or_default();
    let ports = crate::pages::workspace::ports()?;
    let outcome =
        ports.advice.ask(&user, &reference, &reason, key.trim()).await.map_err(crate::pages::workspace::unavailable)?;
    answer(outcome, &format!("/centre/referrals/{reference}"), "advice-asked", f).await
}

/// Closes a request: from the centre's case page, or a lead's.
#[server(endpoint = "advice/close")]
pub async fn close_advice(
    #[server(default)] request: String,
    #[server(default)] back: String,
) -> Result<(), WorkspaceError> {
    let roles = [
        shared::account::Role::CentreCoordinator,
        shared::account::Role::CentreManager,
        shared::account::Role::NacccAdmin,
    ];
    let user =
        crate::auth::require(&roles).await.map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))?;
    let id = request.trim().parse::<i64>().map_err(|_| crate::pages::workspace::not_found())?;
    let outcome = crate::pages::workspace::ports()?
        .advice
        .close(&user, id)
        .await
        .map_err(crate::pages::workspace::unavailable)?;
    // Back to the case for its centre, to the list for a lead (the case is closed to them now).
    let page = match parse_reference(&back) {
        Ok(reference) if user.scope.centre().is_some() => format!("/centre/referrals/{reference}"),
        _ => "/admin/safeguarding".to_owned(),
    };
    answer(outcome, &page, "advice-closed", Fields::new()).await
}

#[server(endpoint = "admin/safeguarding")]
pub async fn load_requests() -> Result<Option<Vec<AdviceSummary>>, WorkspaceError> {
    let user = lead().await?;
    crate::pages::workspace::ports()?.advice.open_requests(&user).await.map_err(crate::pages::workspace::unavailable)
}

#[server(endpoint = "admin/safeguarding/case")]
pub async fn load_lead_case(#[server(default)] request: String) -> Result<LeadCaseView, WorkspaceError> {
    let user = lead().await?;
    let id = request.trim().parse::<i64>().map_err(|_| crate::pages::workspace::not_found())?;
    let ports = crate::pages::workspace::ports()?;
    ports
        .advice
        .lead_case(&user, id)
        .await
        .map_err(crate::pages::workspace::unavailable)?
        .ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "admin/safeguarding/note")]
pub async fn add_note(
    #[server(default)] request: String,
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = lead().await?;
    let id = request.trim().parse::<i64>().map_err(|_| crate::pages::workspace::not_found())?;
    let text = f.get(NOTE_FIELD).cloned().unwrap_or_default();
    let ports = crate::pages::workspace::ports()?;
    let outcome =
        ports.advice.add_note(&user, id, &text, key.trim()).await.map_err(crate::pages::workspace::unavailable)?;
    answer(outcome, &format!("/admin/safeguarding/{id}"), "advice-note", f).await
}

#[server(endpoint = "advice/returned")]
pub async fn load_returned() -> Result<crate::pages::staff::Returned, WorkspaceError> {
    let roles = [
        shared::account::Role::CentreCoordinator,
        shared::account::Role::CentreManager,
        shared::account::Role::NacccAdmin,
    ];
    crate::auth::require(&roles).await.map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))?;
    crate::pages::staff::take_returned().await.map_err(crate::pages::workspace::unavailable)
}

fn notes_list(request: &AdviceView) -> impl IntoView + use<> {
    let notes = request
        .notes
        .iter()
        .map(|n| view! { <li><p class="body">{n.text.clone()}</p><span class="hint">{n.at.clone()}" · "{n.by.clone()}</span></li> })
        .collect_view();
    view! {
        <p class="body"><strong>"Asked: "</strong>{request.reason.clone()}</p>
        <p class="hint">{format!("{} · {}", request.asked_at, request.asked_by)}</p>
        {if request.notes.is_empty() {
            view! { <p class="body">"No advice yet."</p> }.into_any()
        } else {
            view! { <ul class="list advice-notes">{notes}</ul> }.into_any()
        }}
    }
}

fn close_form(request: i64, back: String) -> impl IntoView {
    view! {
        <form method="post" action="/api/advice/close">
            <input type="hidden" name="request" value=request.to_string() />
            <input type="hidden" name="back" value=back />
            <button type="submit" class="button button--secondary">"Close the advice request"</button>
        </form>
    }
}

/// The case page's part: ask NACCC, or the open request's advice; earlier requests below.
#[component]
pub fn CaseAdviceSection(reference: String, advice: CaseAdvice, errors: Errors, typed: String) -> impl IntoView {
    let open = advice.open().cloned();
    let earlier: Vec<AdviceView> = advice.requests.iter().filter(|r| !r.open).cloned().collect();
    view! {
        <h2 class="heading-m" id="safeguarding-advice">"Safeguarding advice from NACCC"</h2>
        {match open {
            Some(request) => view! {
                <div id="advice-open">
                    <p class="body">"NACCC's safeguarding lead can read this referral while your request is open. Close it when you no longer need advice: their access ends then."</p>
                    {notes_list(&request)}
                    {close_form(request.id, reference.clone())}
                </div>
            }.into_any(),
            None => view! {
                <p class="body">"If you are worried about this case, you can ask NACCC's safeguarding lead for advice. They will be able to read this referral until you close the request."</p>
                <form method="post" action="/api/centre/case/advice/ask" id="advice-form" novalidate>
                    <input type="hidden" name="reference" value=reference.clone() />
                    <input type="hidden" name="key" value=advice.key.clone() />
                    <TextArea id=REASON_FIELD name=REASON_FIELD label="What would you like advice on?" value=typed errors />
                    <button type="submit" class="button button--secondary">"Ask NACCC for safeguarding advice"</button>
                </form>
            }.into_any(),
        }}
        {(!earlier.is_empty()).then(|| view! {
            <details class="details">
                <summary class="details__summary">"Earlier advice on this case"</summary>
                <div class="details__text">{earlier.iter().map(notes_list).collect_view()}</div>
            </details>
        })}
    }
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_requests());
    view! {
        <Title text="Safeguarding advice" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let done = query.with_untracked(|q| q.get("done"));
                match data.await {
                    Ok(Some(requests)) => {
                        let rows = requests.iter().map(|r| view! {
                            <tr>
                                <th scope="row"><a href=format!("/admin/safeguarding/{}", r.id)>{r.reference.clone()}</a></th>
                                <td>{r.centre.clone()}</td>
                                <td>{r.asked_at.clone()}</td>
                            </tr>
                        }).collect_view();
                        view! {
                            <a href="/admin" class="back-link">"Back"</a>
                            {(done.as_deref() == Some("advice-closed")).then(|| view! { <div class="notice" role="status"><p class="body">"Request closed: your access to that referral has ended."</p></div> })}
                            <h1 class="heading-l">"Safeguarding advice"</h1>
                            <p class="body">"Centres' open requests for advice. You can read a referral only while its centre's request is open; each read is recorded."</p>
                            {if requests.is_empty() {
                                view! { <p class="body" id="no-requests">"No centre is asking for advice."</p> }.into_any()
                            } else {
                                view! {
                                    <table class="table" id="advice-requests">
                                        <caption class="visually-hidden">"Open requests for safeguarding advice"</caption>
                                        <thead><tr><th scope="col">"Referral"</th><th scope="col">"Centre"</th><th scope="col">"Asked"</th></tr></thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                    Ok(None) => view! {
                        <h1 class="heading-l">"For NACCC's safeguarding leads"</h1>
                        <p class="body">"Only NACCC administrators marked as safeguarding leads can give advice on centres' cases."</p>
                    }.into_any(),
                    Err(error) => view! { <crate::pages::workspace::WorkspaceProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn LeadCasePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(request, load_lead_case);
    let returned = Resource::new(|| (), |_| load_returned());
    view! {
        <Title text="Safeguarding advice" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let done = query.with_untracked(|q| q.get("done"));
                let returned = returned.await.unwrap_or_default();
                match data.await {
                    Ok(view) => view! { <LeadCase view returned done /> }.into_any(),
                    Err(WorkspaceError::NotFound) => view! {
                        <h1 class="heading-l">"Not open to you"</h1>
                        <p class="body">"There is no open request for advice here, or you are not one of NACCC's safeguarding leads. "<a href="/admin/safeguarding">"Open requests"</a></p>
                    }.into_any(),
                    Err(error) => view! { <crate::pages::workspace::WorkspaceProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LeadCase(view: LeadCaseView, returned: crate::pages::staff::Returned, done: Option<String>) -> impl IntoView {
    let errors: Errors = Signal::stored(returned.errors.clone());
    let typed = returned.fields.get(NOTE_FIELD).cloned().unwrap_or_default();
    let answers = crate::pages::workspace::case::answers(
        &view.reference,
        view.today,
        &view.answers,
        shared::referral::steps_for(&view.answers),
    );
    view! {
        <a href="/admin/safeguarding" class="back-link">"Open requests"</a>
        {(done.as_deref() == Some("advice-note")).then(|| view! { <div class="notice" role="status"><p class="body">"Advice added. The centre sees it on the case."</p></div> })}
        <ErrorSummary errors />
        <span class="caption-l">{format!("Safeguarding advice for {}", view.centre)}</span>
        <h1 class="heading-l">{format!("Referral {}", view.reference)}</h1>
        <h2 class="heading-m">"The centre's request"</h2>
        {notes_list(&view.request)}
        <form method="post" action="/api/admin/safeguarding/note" id="advice-note-form" novalidate>
            <input type="hidden" name="request" value=view.request.id.to_string() />
            <input type="hidden" name="key" value=view.note_key.clone() />
            <TextArea id=NOTE_FIELD name=NOTE_FIELD label="Your advice to the centre" value=typed errors />
            <button type="submit" class="button">"Add advice"</button>
        </form>
        {close_form(view.request.id, String::new())}
        <h2 class="heading-m">"The referral"</h2>
        {answers}
    }
}
