//! Accreditation pages: the centre's (`/centre/accreditation`: its application, the task list of
//! its self-assessment, one section at `/centre/accreditation/{set}-{n}`, queries and the action
//! plan), the assessor's (`/assess`, `/assess/cases/{id}`) and NACCC's (`/admin/accreditation`,
//! `/admin/accreditation/cases/{id}`). Every form is a plain form posted to a server function
//! that sends the browser back to its page; who may see and do what is the server's
//! `Accreditation` port's to decide.

pub mod admin;
pub mod assess;
pub mod centre;
pub mod model;
pub mod parts;

use crate::pages::workspace::WorkspaceError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use model::StepOutcome;
use model::{CaseSummary, CaseView, CentreAccreditation, Overview, Viewer};
#[cfg(feature = "ssr")]
use shared::account::Role;
use shared::referral::Fields;

/// The roles an accreditation page or form is for (the port narrows it to their own cases).
#[cfg(feature = "ssr")]
const ROLES: &[Role] = &[Role::CentreManager, Role::Assessor, Role::NacccAdmin];

#[cfg(feature = "ssr")]
async fn signed_in(roles: &[Role]) -> Result<crate::ports::StaffUser, WorkspaceError> {
    crate::auth::require(roles).await.map_err(|d| WorkspaceError::Access(crate::pages::staff::refusal(d)))
}

#[cfg(feature = "ssr")]
fn ports() -> Result<crate::ports::Ports, WorkspaceError> {
    crate::pages::workspace::ports()
}

#[cfg(feature = "ssr")]
fn unavailable<E>(e: E) -> WorkspaceError {
    crate::pages::workspace::unavailable(e)
}

#[cfg(feature = "ssr")]
fn parse_id(raw: &str) -> Result<i64, WorkspaceError> {
    raw.trim().parse::<i64>().map_err(|_| crate::pages::workspace::not_found())
}

/// Where a case's page is for the one looking at it.
pub fn case_page(viewer: Viewer, case: i64) -> String {
    match viewer {
        Viewer::Centre => "/centre/accreditation".to_owned(),
        Viewer::Assessor => format!("/assess/cases/{case}"),
        Viewer::Naccc => format!("/admin/accreditation/cases/{case}"),
    }
}

#[cfg(feature = "ssr")]
fn page_for(user: &crate::ports::StaffUser, case: i64) -> String {
    let viewer = match user.scope.role() {
        Role::Assessor => Viewer::Assessor,
        Role::NacccAdmin => Viewer::Naccc,
        _ => Viewer::Centre,
    };
    case_page(viewer, case)
}

/// Sends the browser on after a step: back to `page` with `done`, its problems kept for it, or
/// the case changed under it.
#[cfg(feature = "ssr")]
async fn answer(outcome: StepOutcome, page: &str, done: &str, fields: Fields) -> Result<(), WorkspaceError> {
    let join = if page.contains('?') { '&' } else { '?' };
    match outcome {
        StepOutcome::Done => {
            leptos_axum::redirect(&format!("{page}{join}done={done}"));
            Ok(())
        }
        StepOutcome::Rejected(errors) => crate::pages::staff::refuse_form(page, fields, errors)
            .await
            .map_err(unavailable)?
            .map_err(WorkspaceError::Rejected),
        StepOutcome::Conflict => {
            leptos_axum::redirect(&format!("{page}{join}done=changed"));
            Ok(())
        }
        StepOutcome::NotFound => Err(crate::pages::workspace::not_found()),
    }
}

#[server(endpoint = "accreditation/centre")]
pub async fn load_centre_accreditation() -> Result<CentreAccreditation, WorkspaceError> {
    let user = signed_in(&[Role::CentreManager]).await?;
    ports()?.accreditation.centre_case(&user).await.map_err(unavailable)?.ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "accreditation/case")]
pub async fn load_case(#[server(default)] case: String) -> Result<CaseView, WorkspaceError> {
    let user = signed_in(ROLES).await?;
    let id = parse_id(&case)?;
    ports()?.accreditation.case(&user, id).await.map_err(unavailable)?.ok_or_else(crate::pages::workspace::not_found)
}

#[server(endpoint = "accreditation/overview")]
pub async fn load_overview() -> Result<Overview, WorkspaceError> {
    let user = signed_in(&[Role::NacccAdmin]).await?;
    ports()?.accreditation.overview(&user).await.map_err(unavailable)
}

#[server(endpoint = "accreditation/assessor")]
pub async fn load_assessor_cases() -> Result<Vec<CaseSummary>, WorkspaceError> {
    let user = signed_in(&[Role::Assessor]).await?;
    ports()?.accreditation.assessor_cases(&user).await.map_err(unavailable)
}

/// What a refused plain form left for this page, once.
#[server(endpoint = "accreditation/returned")]
pub async fn load_returned() -> Result<crate::pages::staff::Returned, WorkspaceError> {
    signed_in(ROLES).await?;
    crate::pages::staff::take_returned().await.map_err(unavailable)
}

#[server(endpoint = "accreditation/apply")]
pub async fn apply(#[server(default)] centre: String, #[server(default)] f: Fields) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::CentreManager, Role::NacccAdmin]).await?;
    let for_centre = (user.scope.role() == Role::NacccAdmin).then_some(centre.trim());
    let outcome = ports()?.accreditation.apply(&user, for_centre, &f).await.map_err(unavailable)?;
    let page = if for_centre.is_some() { "/admin/accreditation" } else { "/centre/accreditation" };
    answer(outcome, page, "applied", f).await
}

#[server(endpoint = "accreditation/section")]
pub async fn save_section(
    #[server(default)] case: String,
    #[server(default)] section: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::CentreManager]).await?;
    let id = parse_id(&case)?;
    let section = section.trim().to_owned();
    if !section.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(crate::pages::workspace::not_found());
    }
    let outcome = ports()?.accreditation.save_section(&user, id, &section, &f).await.map_err(unavailable)?;
    answer(outcome, &format!("/centre/accreditation/{section}"), "saved", f).await
}

#[server(endpoint = "accreditation/step")]
pub async fn take_step(
    #[server(default)] case: String,
    #[server(default)] version: String,
    #[server(default)] action: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = signed_in(ROLES).await?;
    let id = parse_id(&case)?;
    let Some(action) = shared::accreditation::Action::from_code(action.trim()) else {
        return Err(crate::pages::workspace::not_found());
    };
    let version = version.trim().parse::<i64>().unwrap_or(-1);
    let outcome = ports()?.accreditation.step(&user, id, version, action, &f).await.map_err(unavailable)?;
    answer(outcome, &page_for(&user, id), action.code(), f).await
}

#[server(endpoint = "accreditation/review")]
pub async fn review(
    #[server(default)] case: String,
    #[server(default)] standard: String,
    #[server(default)] intent: String,
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::Assessor]).await?;
    let id = parse_id(&case)?;
    if intent == "agree-section" {
        let outcome = ports()?.accreditation.agree_section(&user, id, &standard).await.map_err(unavailable)?;
        return answer(outcome, &page_for(&user, id), "agreed", f).await;
    }
    let query_field = format!("query-{}", standard.replace(['/', '.'], "-"));
    let query = (intent == "query").then(|| f.get(&query_field).cloned().unwrap_or_default());
    let key = format!("{}:{}", user.id, key.trim());
    let outcome =
        ports()?.accreditation.review(&user, id, standard.trim(), query.as_deref(), &key).await.map_err(unavailable)?;
    answer(outcome, &page_for(&user, id), if query.is_some() { "queried" } else { "agreed" }, f).await
}

#[server(endpoint = "accreditation/reply")]
pub async fn reply(
    #[server(default)] case: String,
    #[server(default)] query: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::CentreManager]).await?;
    let id = parse_id(&case)?;
    let query_id = parse_id(&query)?;
    let text = f.get(&format!("reply-{query_id}")).cloned().unwrap_or_default();
    let outcome = ports()?.accreditation.reply(&user, id, query_id, &text).await.map_err(unavailable)?;
    answer(outcome, "/centre/accreditation", "replied", f).await
}

#[server(endpoint = "accreditation/visit")]
pub async fn record_visit(#[server(default)] case: String, #[server(default)] f: Fields) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::Assessor]).await?;
    let id = parse_id(&case)?;
    let outcome = ports()?.accreditation.record_visit(&user, id, &f).await.map_err(unavailable)?;
    answer(outcome, &page_for(&user, id), "visit", f).await
}

#[server(endpoint = "accreditation/item")]
pub async fn add_item(
    #[server(default)] case: String,
    #[server(default)] key: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::NacccAdmin]).await?;
    let id = parse_id(&case)?;
    let key = format!("{}:{}", user.id, key.trim());
    let outcome = ports()?.accreditation.add_item(&user, id, &f, &key).await.map_err(unavailable)?;
    answer(outcome, &page_for(&user, id), "item", f).await
}

#[server(endpoint = "accreditation/item/answer")]
pub async fn answer_item(
    #[server(default)] case: String,
    #[server(default)] item: String,
    #[server(default)] f: Fields,
) -> Result<(), WorkspaceError> {
    let user = signed_in(&[Role::CentreManager]).await?;
    let id = parse_id(&case)?;
    let item_id = parse_id(&item)?;
    let text = f.get(&format!("response-{item_id}")).cloned().unwrap_or_default();
    let outcome = ports()?.accreditation.answer_item(&user, id, item_id, &text).await.map_err(unavailable)?;
    answer(outcome, "/centre/accreditation", "answered", f).await
}

/// The page for a refused load.
#[component]
pub fn AccreditationProblem(error: WorkspaceError) -> impl IntoView {
    match error {
        WorkspaceError::Access(crate::pages::staff::AreaError::Forbidden) => view! {
            <h1 class="heading-l">"This page is not for your role"</h1>
            <p class="body">"Accreditation is run by a centre's managers, its assessor and NACCC."</p>
        }
        .into_any(),
        WorkspaceError::NotFound => view! {
            <h1 class="heading-l">"Not found"</h1>
            <p class="body">"There is no accreditation case here for you. "<a href="/">"Go to the home page"</a></p>
        }
        .into_any(),
        error => view! { <crate::pages::workspace::WorkspaceProblem error /> }.into_any(),
    }
}

/// A message for `?done=…` after a form.
pub fn done_words(done: Option<&str>) -> Option<&'static str> {
    Some(match done? {
        "applied" => "Application sent. NACCC confirms it within 14 days.",
        "saved" => "Saved.",
        "uploaded" => "File added.",
        "removed" => "File removed.",
        "refused" => return None,
        "replied" => "Answer saved. Send your answers when every query is answered.",
        "answered" => "Answer saved.",
        "agreed" => "Standard agreed.",
        "queried" => "Query saved. Send your queries to the centre when you have written them all.",
        "visit" => "Visit recorded.",
        "item" => "Action added to the plan.",
        "changed" => "This case changed while you had it open: check it below, then try again.",
        code => shared::accreditation::Action::from_code(code).map(|a| a.label())?,
    })
}
