//! Quarterly statistics returns: `/centre/returns` (the centre's quarters: due, late, sent) and
//! `/centre/returns/{yyyy}-Q{n}` (one return, pre-filled from the centre's cases, checked by
//! the shared rules in the browser and on the server). For the centre's managers only.

pub mod form;
pub mod model;

use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::{ReturnView, ReturnsList};
use shared::referral::Fields;

/// The signed-in manager of a centre, or the refusal.
#[cfg(feature = "ssr")]
async fn manager() -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require(&[shared::account::Role::CentreManager])
        .await
        .map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[cfg(feature = "ssr")]
fn parse_quarter(raw: &str) -> Result<shared::Quarter, WorkspaceError> {
    shared::Quarter::parse(raw).map_err(|_| crate::pages::workspace::not_found())
}

#[server(endpoint = "centre/returns")]
pub async fn load_returns() -> Result<ReturnsList, WorkspaceError> {
    let user = manager().await?;
    let ports = crate::pages::workspace::ports()?;
    let list = ports.returns.centre_returns(&user).await.map_err(crate::pages::workspace::unavailable)?;
    list.ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "centre/return")]
pub async fn load_return(#[server(default)] quarter: String) -> Result<ReturnView, WorkspaceError> {
    let user = manager().await?;
    let quarter = parse_quarter(&quarter)?;
    let ports = crate::pages::workspace::ports()?;
    let view = ports.returns.open_return(&user, quarter).await.map_err(crate::pages::workspace::unavailable)?;
    view.ok_or_else(crate::pages::workspace::not_found)
}

/// What a refused plain form left for this page (its typing and problems), once.
#[server(endpoint = "centre/return/returned")]
pub async fn load_returned() -> Result<crate::pages::staff::Returned, WorkspaceError> {
    manager().await?;
    crate::pages::staff::take_returned().await.map_err(crate::pages::workspace::unavailable)
}

/// Saves the return as a draft, or submits it (`intent=submit`). A plain form is sent back to the
/// page: saved, submitted, or with its problems beside what was typed.
#[server(endpoint = "centre/return/save")]
pub async fn save_return(
    #[server(default)] quarter: String,
    #[server(default)] version: String,
    #[server(default)] intent: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    use model::ReturnOutcome;
    let user = manager().await?;
    let q = parse_quarter(&quarter)?;
    let form =
        model::ReturnForm { fields: f.clone(), version: version.trim().parse().ok(), submit: intent == "submit" };
    let ports = crate::pages::workspace::ports()?;
    let outcome = ports.returns.save_return(&user, q, &form).await.map_err(crate::pages::workspace::unavailable)?;
    let page = format!("/centre/returns/{q}");
    match outcome {
        ReturnOutcome::Saved => {
            leptos_axum::redirect(&format!("{page}?done=saved"));
            Ok(())
        }
        ReturnOutcome::Submitted => {
            leptos_axum::redirect(&format!("{page}?done=submitted"));
            Ok(())
        }
        ReturnOutcome::Rejected(errors) => crate::pages::staff::refuse_form(&page, f, errors)
            .await
            .map_err(crate::pages::workspace::unavailable)?
            .map_err(WorkspaceError::Rejected),
        ReturnOutcome::Conflict => {
            let conflict = vec![shared::referral::FieldError::new(
                "return-form",
                &"Someone else changed this return while you had it open: check the figures below, then send it again",
            )];
            if crate::request::is_plain_form() {
                crate::pages::staff::refuse_form(&page, f, conflict)
                    .await
                    .map_err(crate::pages::workspace::unavailable)?
                    .ok();
                return Ok(());
            }
            crate::error::set_status(http::StatusCode::CONFLICT);
            Err(WorkspaceError::Conflict)
        }
        ReturnOutcome::NotFound => Err(crate::pages::workspace::not_found()),
    }
}

/// The page for a refused load.
#[component]
fn ReturnsProblem(error: WorkspaceError) -> impl IntoView {
    match error {
        WorkspaceError::Access(crate::pages::staff::AreaError::Forbidden) => view! {
            <h1 class="heading-l">"This page is not for your role"</h1>
            <p class="body">"Only a centre's managers can open its statistics returns."</p>
        }
        .into_any(),
        WorkspaceError::NotFound => view! {
            <h1 class="heading-l">"Return not found"</h1>
            <p class="body">"There is no return for that quarter yet. "<a href="/centre/returns">"See your centre's returns"</a></p>
        }
        .into_any(),
        error => view! { <crate::pages::workspace::WorkspaceProblem error /> }.into_any(),
    }
}

#[component]
pub fn ReturnsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_returns());
    view! {
        <Title text="Statistics returns" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! { <ReturnsTable list /> }.into_any(),
                    Err(error) => view! { <ReturnsProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReturnsTable(list: ReturnsList) -> impl IntoView {
    let rows = list
        .rows
        .into_iter()
        .map(|row| {
            let q = row.quarter.to_string();
            let state = row.state.map(|s| s.label()).unwrap_or("Not started");
            view! {
                <tr>
                    <th scope="row"><a href=format!("/centre/returns/{q}")>{quarter_words(row.quarter)}</a></th>
                    <td>{row.due.to_string()}</td>
                    <td>{state}</td>
                    <td><span class=standing_class(row.standing)>{row.standing.label()}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <a href="/centre" class="back-link">"Back"</a>
        <h1 class="heading-l">"Statistics returns"</h1>
        <p class="body">{format!("Every quarter {} sends NACCC its figures. Each return is filled in from your referrals where it can be: check each figure, correct what is wrong and submit it by its due date.", list.centre)}</p>
        {list.lapsed.then(|| view! {
            <div class="notice notice--warning" role="status" id="lapsed-notice">
                <p class="body"><strong>"Your centre is lapsed: "</strong>"a return of the last year is missing past its grace period. This counts against re-accreditation until it is sent."</p>
            </div>
        })}
        <table class="table">
            <caption class="visually-hidden">"Your centre's returns, newest first"</caption>
            <thead><tr>
                <th scope="col">"Quarter"</th>
                <th scope="col">"Due"</th>
                <th scope="col">"Return"</th>
                <th scope="col">"Standing"</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// "July to September 2026 (2026-Q3)".
pub fn quarter_words(q: shared::Quarter) -> String {
    let months = ["January to March", "April to June", "July to September", "October to December"];
    format!("{} {} ({q})", months[usize::from(q.number().clamp(1, 4) - 1)], q.year())
}

pub fn standing_class(s: shared::returns::Standing) -> &'static str {
    use shared::returns::Standing as S;
    match s {
        S::Late | S::Lapsed | S::SubmittedLate => "tag tag--red",
        S::Due => "tag tag--blue",
        S::Submitted => "tag tag--green",
        S::NotEnded => "tag tag--grey",
    }
}

#[component]
pub fn ReturnPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let quarter = move || params.with(|p| p.get("quarter").unwrap_or_default());
    let data = Resource::new(quarter, load_return);
    let returned = Resource::new(|| (), |_| load_returned());
    view! {
        <Title text="Statistics return" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                // Every resource is awaited before any early answer: one left running would finish
                // (and audit-log a refusal) after the page was sent.
                let returned = returned.await.unwrap_or_default();
                let view = match data.await {
                    Ok(v) => v,
                    Err(error) => return view! { <ReturnsProblem error /> }.into_any(),
                };
                let done = query.with_untracked(|q| q.get("done"));
                view! { <form::ReturnFormView view returned done /> }.into_any()
            })}
        </Suspense>
    }
}
